import type { Db } from '../../db/database.js'
import { hasSubmitted, isTaskDone, pendingMembers } from './reminder-audience.js'
import type { ReminderTarget } from './reminder-messages.js'
import type { ReminderRenderer } from './reminder-renderer.js'

/** The office's overdue lines: one per unit still missing something, rendered per reader's locale. */
export async function missingByUnit(
  db: Db,
  renderer: ReminderRenderer,
  target: ReminderTarget,
  today: string,
): Promise<((locale: string) => string)[]> {
  const unitIds =
    target.kind === 'broadcast'
      ? (
          await db
            .selectFrom('broadcast_target')
            .select('unit_id')
            .where('broadcast_id', '=', target.itemId)
            .execute()
        ).map((r) => r.unit_id)
      : (
          await db
            .selectFrom('reminder')
            .select('unit_id')
            .distinct()
            .where('activity_id', '=', target.itemId)
            .where('audience', '=', 'unit')
            .execute()
        ).flatMap((r) => (r.unit_id === null ? [] : [r.unit_id]))
  const units = await db
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('id', 'in', [0, ...unitIds])
    .orderBy('name')
    .execute()
  const lines: ((locale: string) => string)[] = []
  for (const unit of units) {
    const name = unit.name
    if (target.kind === 'broadcast') {
      const pending = await pendingMembers(db, target.itemId, unit.id, today)
      if (pending.length > 0)
        lines.push((locale) =>
          renderer.t(locale, 'remind-overdue-line-broadcast', {
            unit: name,
            count: pending.length,
          }),
        )
    } else if (target.kind === 'report') {
      if (!(await hasSubmitted(db, target.itemId, unit.id)))
        lines.push((locale) => renderer.t(locale, 'remind-overdue-line-report', { unit: name }))
    } else if (target.kind === 'task') {
      if (!(await isTaskDone(db, target.itemId, unit.id)))
        lines.push((locale) => renderer.t(locale, 'remind-overdue-line-task', { unit: name }))
    }
  }
  return lines
}
