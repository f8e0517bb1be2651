import { writeAudit } from '../audit.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { syncReminders } from '../reminders/sync-reminders.js'
import { isIsoDate, type IsoDate } from './working-days.js'

export interface CalendarDay {
  day: IsoDate
  kind: 'workday' | 'holiday'
  note: string | null
}

/** Notes are for people reading the list; a line is plenty. */
const MAX_NOTE = 200

/**
 * Adds or replaces a day of the agency's own calendar (PRODUCT §10: an extra
 * day off, or a make-up working day), audit-logged, and re-plans the
 * reminders of every campaign not closed in the same transaction, since a
 * working day more or less moves them.
 */
export async function setCalendarDay(
  deps: Deps,
  input: CalendarDay & { actorTelegramId: number | null; example: string },
): Promise<Result<CalendarDay>> {
  if (!isIsoDate(input.day))
    return err({ code: 'invalid-calendar-day', given: input.day, example: input.example })
  const note = input.note === null ? null : input.note.trim().slice(0, MAX_NOTE) || null
  const at = nowIso(deps)
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('calendar_day')
      .values({ day: input.day, kind: input.kind, note })
      .onConflict((oc) => oc.column('day').doUpdateSet({ kind: input.kind, note }))
      .execute()
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: `calendar.${input.kind}`,
      subject: `day:${input.day}`,
      details: { note },
    })
    const campaigns = await trx
      .selectFrom('campaign')
      .select('id')
      .where('status', '!=', 'closed')
      .execute()
    for (const c of campaigns) await syncReminders(deps, c.id, trx)
  })
  deps.wake?.()
  return ok({ day: input.day, kind: input.kind, note })
}

/** The agency's days from `from` on, in date order (the list a reply shows). */
export async function listCalendarDays(deps: Deps, from: IsoDate): Promise<CalendarDay[]> {
  return deps.db
    .selectFrom('calendar_day')
    .select(['day', 'kind', 'note'])
    .where('day', '>=', from)
    .orderBy('day')
    .execute()
}
