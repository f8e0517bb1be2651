import { writeAudit } from '../audit.js'
import { syncReminders } from '../reminders/sync-reminders.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { listActiveChatsOfUnits } from '../units/unit-repository.js'
import type { Broadcast } from './broadcast.js'
import { loadSeries, writeDeliveries } from './broadcast-repository.js'
import { finalizeBroadcasts } from './outbox.js'

export interface ReviewInput {
  /** Any broadcast of the series: the leader approves or returns the series as a whole. */
  broadcastId: number
  reviewerMemberId: number | null
  actorTelegramId: number | null
  note?: string | null
}

/**
 * PRODUCT §10 "Duyệt": the series becomes scheduled and its deliveries are
 * written, in one transaction. A one-off whose time passed while it waited goes
 * now; a past morning of a daily series is cancelled rather than sent late.
 */
export async function approveBroadcast(
  deps: Deps,
  input: ReviewInput,
): Promise<Result<{ scheduled: number[]; skipped: number[]; deliveryCount: number }>> {
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    const series = await loadSeries(trx, input.broadcastId)
    if (series === undefined)
      return err({ code: 'unknown-broadcast' as const, broadcastId: input.broadcastId })
    const waiting = series.filter((b) => b.status === 'awaiting_approval')
    if (waiting.length === 0) {
      const status = series.find((b) => b.id === input.broadcastId)?.status ?? 'unknown'
      return err({
        code: 'broadcast-not-awaiting-approval' as const,
        broadcastId: input.broadcastId,
        status,
      })
    }
    const isSeries = series.length > 1
    const late = (b: Broadcast) => b.sendAt < at
    const toSend = waiting.filter((b) => !isSeries || !late(b))
    const skipped = waiting.filter((b) => isSeries && late(b))
    const review = {
      reviewed_by: input.reviewerMemberId,
      reviewed_at: at,
      review_note: input.note ?? null,
      updated_at: at,
    }
    if (skipped.length > 0) {
      await trx
        .updateTable('broadcast')
        .set({ ...review, status: 'cancelled' })
        .where(
          'id',
          'in',
          skipped.map((b) => b.id),
        )
        .execute()
    }
    let deliveryCount = 0
    if (toSend.length > 0) {
      await trx
        .updateTable('broadcast')
        .set({ ...review, status: 'scheduled' })
        .where(
          'id',
          'in',
          toSend.map((b) => b.id),
        )
        .execute()
      const targetRows = await trx
        .selectFrom('broadcast_target')
        .select('unit_id')
        .where('broadcast_id', '=', toSend[0]?.id ?? 0)
        .execute()
      const chats = await listActiveChatsOfUnits(
        trx,
        targetRows.map((r) => r.unit_id),
      )
      deliveryCount = await writeDeliveries(
        trx,
        toSend.map((b) => ({ id: b.id, sendAt: late(b) ? at : b.sendAt })),
        chats,
        at,
      )
      // Groups may all have gone inactive while it waited: then there is nothing to send.
      await finalizeBroadcasts(
        trx,
        toSend.map((b) => b.id),
        at,
      )
    }
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'broadcast.approve',
      subject: `broadcast:${input.broadcastId}`,
      details: {
        scheduled: toSend.map((b) => b.id),
        skipped: skipped.map((b) => b.id),
        note: input.note ?? null,
      },
    })
    return ok({
      scheduled: toSend.map((b) => b.id),
      skipped: skipped.map((b) => b.id),
      deliveryCount,
    })
  })
}

/** PRODUCT §10 "Trả lại (lý do)": the series is rejected with the leader's note; nothing is sent. */
export async function rejectBroadcast(
  deps: Deps,
  input: ReviewInput,
): Promise<Result<{ rejected: number[] }>> {
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    const series = await loadSeries(trx, input.broadcastId)
    if (series === undefined)
      return err({ code: 'unknown-broadcast' as const, broadcastId: input.broadcastId })
    const waiting = series.filter((b) => b.status === 'awaiting_approval')
    if (waiting.length === 0) {
      const status = series.find((b) => b.id === input.broadcastId)?.status ?? 'unknown'
      return err({
        code: 'broadcast-not-awaiting-approval' as const,
        broadcastId: input.broadcastId,
        status,
      })
    }
    await trx
      .updateTable('broadcast')
      .set({
        status: 'rejected',
        reviewed_by: input.reviewerMemberId,
        reviewed_at: at,
        review_note: input.note ?? null,
        updated_at: at,
      })
      .where(
        'id',
        'in',
        waiting.map((b) => b.id),
      )
      .execute()
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'broadcast.reject',
      subject: `broadcast:${input.broadcastId}`,
      details: { rejected: waiting.map((b) => b.id), note: input.note ?? null },
    })
    // A rejected broadcast owes no deadline reminders (issue 10).
    if (waiting[0] !== undefined) await syncReminders(deps, waiting[0].campaignId, trx)
    return ok({ rejected: waiting.map((b) => b.id) })
  })
}
