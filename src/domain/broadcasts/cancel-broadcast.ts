import { writeAudit } from '../audit.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { CANCELLABLE } from './broadcast.js'
import { loadSeries } from './broadcast-repository.js'
import { syncReminders } from '../reminders/sync-reminders.js'

/**
 * /lich: cancel a broadcast before anything of it left. Refused once any
 * delivery is past `pending` (a copy may be on its way). Its pending deliveries
 * are deleted: they never happened. `wholeSeries` cancels every occurrence of a
 * daily series that has not started.
 */
export async function cancelBroadcast(
  deps: Deps,
  input: { broadcastId: number; actorTelegramId: number | null; wholeSeries?: boolean },
): Promise<Result<{ cancelled: number[] }>> {
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    const series = await loadSeries(trx, input.broadcastId)
    const target = series?.find((b) => b.id === input.broadcastId)
    if (series === undefined || target === undefined) {
      return err({ code: 'unknown-broadcast' as const, broadcastId: input.broadcastId })
    }
    const candidates = input.wholeSeries === true ? series : [target]
    const started = await trx
      .selectFrom('delivery')
      .select('broadcast_id')
      .distinct()
      .where(
        'broadcast_id',
        'in',
        candidates.map((b) => b.id),
      )
      .where('state', '!=', 'pending')
      .execute()
    const startedIds = new Set(started.map((r) => r.broadcast_id))
    const cancellable = candidates.filter(
      (b) => CANCELLABLE.includes(b.status) && !startedIds.has(b.id),
    )
    if (
      !cancellable.some((b) => b.id === target.id) &&
      (input.wholeSeries !== true || cancellable.length === 0)
    ) {
      const status =
        startedIds.has(target.id) && target.status === 'scheduled' ? 'sending' : target.status
      return err({ code: 'broadcast-not-cancellable' as const, broadcastId: target.id, status })
    }
    const ids = cancellable.map((b) => b.id)
    await trx
      .deleteFrom('delivery')
      .where('broadcast_id', 'in', ids)
      .where('state', '=', 'pending')
      .execute()
    await trx
      .updateTable('broadcast')
      .set({ status: 'cancelled', updated_at: at })
      .where('id', 'in', ids)
      .execute()
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'broadcast.cancel',
      subject: `broadcast:${input.broadcastId}`,
      details: { cancelled: ids },
    })
    // Reminders of a cancelled broadcast's deadline are withdrawn with it (issue 10).
    await syncReminders(deps, target.campaignId, trx, { broadcastIds: ids })
    return ok({ cancelled: ids })
  })
}
