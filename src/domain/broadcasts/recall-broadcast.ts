import { subHours } from 'date-fns'
import { writeAudit } from '../audit.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { enqueueOutbound } from '../outbound/outbound.js'
import { consumePendingAction, type PendingActionKey } from '../pending-actions.js'
import type { Translate } from '../ports.js'
import { syncReminders } from '../reminders/sync-reminders.js'
import {
  loadAmendable,
  standingCopies,
  type AmendActor,
  type StandingCopy,
} from './amend-access.js'
import { queueRecallReportIfDone, recallDeleteKey } from './recall-report.js'

/** Telegram lets a bot delete its own messages in a group for 48 hours after sending. */
export const RECALL_WINDOW_HOURS = 48

export interface RecallPreview {
  broadcastId: number
  /** Copies still deletable, and the groups they are in. */
  copies: number
  groups: number
  /** Copies older than 48 hours: they stay, and are named in the final report. */
  tooOld: number
}

/** Splits standing copies by Telegram's 48-hour window, as of `now`. */
function byWindow(copies: StandingCopy[], now: Date) {
  const cutoff = subHours(now, RECALL_WINDOW_HOURS).toISOString()
  return {
    fresh: copies.filter((c) => c.sentAt > cutoff),
    old: copies.filter((c) => c.sentAt <= cutoff),
  }
}

/** «Thu hồi» (issue 12): what the preview says; refused like a correction. */
export async function previewRecall(
  deps: Deps,
  input: { broadcastId: number; actor: AmendActor },
): Promise<Result<RecallPreview>> {
  const broadcast = await loadAmendable(deps.db, input.broadcastId, input.actor)
  if (!broadcast.ok) return broadcast
  const copies = await standingCopies(deps.db, input.broadcastId)
  if (copies.length === 0)
    return err({ code: 'broadcast-not-delivered', broadcastId: input.broadcastId })
  const { fresh, old } = byWindow(copies, deps.clock.now())
  return ok({
    broadcastId: input.broadcastId,
    copies: fresh.length,
    groups: new Set(fresh.map((c) => c.chatId)).size,
    tooOld: old.length,
  })
}

/**
 * Confirms a recall, in one transaction with the spending of the preview: the
 * broadcast is marked recalled (no more reminders or pending lists), its copies
 * leave every count (recall_state), those within 48 hours get a deletion in the
 * queue, the older ones are kept for the report, and deliveries not yet sent
 * are cancelled. The report to the sender follows once every deletion is done
 * (src/domain/broadcasts/recall-report.ts). A second press: `stale`, nothing more.
 */
export async function recallBroadcast(
  deps: Deps,
  input: {
    broadcastId: number
    actor: AmendActor
    consume: PendingActionKey
    translate: Translate
  },
): Promise<Result<{ copies: number; tooOld: number; cancelled: number; stale: boolean }>> {
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    if (!(await consumePendingAction(trx, input.consume)))
      return ok({ copies: 0, tooOld: 0, cancelled: 0, stale: true })
    const broadcast = await loadAmendable(trx, input.broadcastId, input.actor)
    if (!broadcast.ok) return broadcast
    const { fresh, old } = byWindow(await standingCopies(trx, input.broadcastId), deps.clock.now())
    const mark = async (ids: number[], state: 'pending' | 'too-old') => {
      if (ids.length > 0)
        await trx
          .updateTable('delivery')
          .set({ recall_state: state, updated_at: at })
          .where('id', 'in', ids)
          .execute()
    }
    await mark(
      fresh.map((c) => c.deliveryId),
      'pending',
    )
    await mark(
      old.map((c) => c.deliveryId),
      'too-old',
    )
    await enqueueOutbound(
      trx,
      fresh.map((copy) => ({
        key: recallDeleteKey(input.broadcastId, copy.deliveryId),
        kind: 'recall-delete',
        chatId: copy.chatId,
        payload: { html: '', delete: { messageIds: copy.messageIds } },
        notBefore: at,
      })),
      at,
    )
    // Not sent yet: they never will be, like a cancelled broadcast's.
    const cancelled = await trx
      .deleteFrom('delivery')
      .where('broadcast_id', '=', input.broadcastId)
      .where('state', '=', 'pending')
      .executeTakeFirst()
    await trx
      .updateTable('broadcast')
      .set({ recalled_at: at, recalled_by: input.actor.memberId, updated_at: at })
      .where('id', '=', input.broadcastId)
      .execute()
    const counts = {
      copies: fresh.length,
      tooOld: old.length,
      cancelled: Number(cancelled.numDeletedRows),
    }
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actor.telegramId,
      action: 'broadcast.recall',
      subject: `broadcast:${input.broadcastId}`,
      details: counts,
    })
    // Its deadline reminders are withdrawn with it (due-items skips a recalled broadcast).
    await syncReminders(deps, broadcast.value.campaignId, trx, {
      broadcastIds: [input.broadcastId],
    })
    // Nothing to delete (every copy too old): the report is owed now.
    if (fresh.length === 0)
      await queueRecallReportIfDone(trx, input.broadcastId, input.translate, at)
    return ok({ ...counts, stale: false })
  })
}
