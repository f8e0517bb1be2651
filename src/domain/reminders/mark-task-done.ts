import { writeAudit } from '../audit.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'

/**
 * «✅ Đã hoàn thành» under a task reminder (issue 10): a head of the task's
 * lead unit records it done for that unit, audit-logged; later reminders of
 * it then find nothing to say. A repeat changes nothing (`created: false`);
 * anyone else is refused, changing nothing.
 */
export async function markTaskDone(
  deps: Deps,
  input: { activityId: number; memberId: number; actorTelegramId: number | null },
): Promise<Result<{ created: boolean; title: string }>> {
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    const activity = await trx
      .selectFrom('activity')
      .select(['id', 'title', 'kind', 'lead_unit_id'])
      .where('id', '=', input.activityId)
      .executeTakeFirst()
    if (activity === undefined || activity.kind !== 'task' || activity.lead_unit_id === null)
      return err({ code: 'stale-button' as const })
    const member = await trx
      .selectFrom('member')
      .select(['id', 'unit_id', 'role'])
      .where('id', '=', input.memberId)
      .executeTakeFirst()
    if (member?.role !== 'head' || member.unit_id !== activity.lead_unit_id)
      return err({ code: 'not-allowed' as const, needed: 'head' })
    const inserted = await trx
      .insertInto('task_completion')
      .values({
        activity_id: activity.id,
        unit_id: activity.lead_unit_id,
        done_by: member.id,
        done_at: at,
      })
      .onConflict((oc) => oc.columns(['activity_id', 'unit_id']).doNothing())
      .executeTakeFirst()
    const created = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0
    if (created)
      await writeAudit(trx, {
        at,
        actorTelegramId: input.actorTelegramId,
        action: 'task.done',
        subject: `activity:${activity.id}`,
        details: { unitId: activity.lead_unit_id },
      })
    return ok({ created, title: activity.title })
  })
}
