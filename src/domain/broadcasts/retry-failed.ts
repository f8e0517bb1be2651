import { writeAudit } from '../audit.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'

/**
 * PRODUCT §10 "Gửi lại các nhóm lỗi": the failed copies of a broadcast go back
 * to the outbox, and only those. A group the bot was removed from stays failed
 * until it is registered again (then it is active and is retried too).
 */
export async function retryFailedDeliveries(
  deps: Deps,
  input: { broadcastId: number; actorTelegramId: number | null },
): Promise<Result<{ retried: number }>> {
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    const broadcast = await trx
      .selectFrom('broadcast')
      .select(['id', 'status'])
      .where('id', '=', input.broadcastId)
      .executeTakeFirst()
    if (broadcast === undefined)
      return err({ code: 'unknown-broadcast' as const, broadcastId: input.broadcastId })
    const failed = await trx
      .selectFrom('delivery')
      .innerJoin('unit_chat', 'unit_chat.id', 'delivery.unit_chat_id')
      .select(['delivery.id', 'unit_chat.chat_id', 'unit_chat.thread_id'])
      .where('delivery.broadcast_id', '=', input.broadcastId)
      .where('delivery.state', '=', 'failed')
      .where('unit_chat.is_active', '=', 1)
      .execute()
    for (const row of failed) {
      // The group may have moved (supergroup upgrade) since: send to where it is now.
      await trx
        .updateTable('delivery')
        .set({
          state: 'pending',
          attempts: 0,
          next_attempt_at: at,
          chat_id: row.chat_id,
          thread_id: row.thread_id,
          error_code: null,
          failure_reason: null,
          updated_at: at,
        })
        .where('id', '=', row.id)
        .execute()
    }
    if (failed.length > 0 && broadcast.status === 'sent') {
      await trx
        .updateTable('broadcast')
        .set({ status: 'sending', updated_at: at })
        .where('id', '=', broadcast.id)
        .execute()
    }
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'broadcast.retry-failed',
      subject: `broadcast:${input.broadcastId}`,
      details: { retried: failed.length },
    })
    return ok({ retried: failed.length })
  })
}
