import { addHours } from 'date-fns'
import { writeAudit } from '../audit.js'
import { CONVERSATION_TTL_HOURS, NEW_TIME } from '../approvals/conversations.js'
import type { Db } from '../../db/database.js'
import type { ApprovalMessages, ApprovalOutcome } from '../approvals/approval-messages.js'
import { closeApprovalRequests } from '../approvals/request-approval.js'
import { syncReminders } from '../reminders/sync-reminders.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type DomainError, type Result } from '../errors.js'
import { enqueueOutbound } from '../outbound/outbound.js'
import { consumePendingAction } from '../pending-actions.js'
import { listActiveChatsOfUnits } from '../units/unit-repository.js'
import type { Broadcast } from './broadcast.js'
import { loadSeries, writeDeliveries } from './broadcast-repository.js'
import { finalizeBroadcasts } from './outbox.js'
import { planUrgentReminders } from '../urgent/urgent-reminders.js'

/** PRODUCT §10 / issue 12: approved up to an hour late it goes at once; later, the sender picks a new time. */
export const LATE_APPROVAL_GRACE_MS = 3_600_000

export interface ReviewInput {
  /** Any broadcast of the series: the leader approves or returns the series as a whole. */
  broadcastId: number
  reviewerMemberId: number | null
  actorTelegramId: number | null
  note?: string | null
  /** The sender's notice of the outcome is queued in the same transaction. */
  messages?: ApprovalMessages
  /** A "next message" conversation spent in the same transaction (the reason typed). */
  consume?: { id: number; memberId: number; kind: string }
}

type Waiting = { series: Broadcast[]; waiting: Broadcast[] }

/** The series still waiting for a decision, or why it cannot be decided by this reviewer. */
async function waitingSeries(db: Db, input: ReviewInput): Promise<Result<Waiting>> {
  const series = await loadSeries(db, input.broadcastId)
  if (series === undefined)
    return err({ code: 'unknown-broadcast' as const, broadcastId: input.broadcastId })
  const head = series[0]
  // No self-approval: whoever composed it needs another leader.
  if (
    head !== undefined &&
    input.reviewerMemberId !== null &&
    head.createdBy === input.reviewerMemberId
  )
    return err({ code: 'self-approval', broadcastId: input.broadcastId })
  const reviewed = series.find((b) => b.reviewedBy !== null)
  if (reviewed !== undefined) {
    const reviewer = await db
      .selectFrom('member')
      .select('full_name')
      .where('id', '=', reviewed.reviewedBy ?? 0)
      .executeTakeFirst()
    return err({
      code: 'broadcast-already-reviewed',
      broadcastId: input.broadcastId,
      reviewer: reviewer?.full_name ?? '',
      outcome: reviewed.status === 'rejected' ? 'rejected' : 'approved',
    })
  }
  const waiting = series.filter((b) => b.status === 'awaiting_approval')
  if (waiting.length === 0) {
    const status = series.find((b) => b.id === input.broadcastId)?.status ?? 'unknown'
    return err({
      code: 'broadcast-not-awaiting-approval' as const,
      broadcastId: input.broadcastId,
      status,
    })
  }
  return ok({ series, waiting })
}

/** The other leaders' requests of this series say who decided (issue 12). */
async function closeOtherRequests(
  trx: Db,
  input: ReviewInput,
  series: Broadcast[],
  decision: 'approved' | 'rejected',
  reviewer: string,
  at: string,
): Promise<void> {
  if (input.messages === undefined || series.length === 0) return
  await closeApprovalRequests(
    trx,
    {
      // Requests are keyed by the series' first broadcast (requestApproval).
      requestId: Math.min(...series.map((b) => b.id)),
      deciderMemberId: input.reviewerMemberId,
      decision,
      reviewer,
      at,
    },
    input.messages,
  )
}

/** Queues the sender's notice of the outcome (private chat), keyed once per broadcast and kind. */
async function tellSender(
  db: Db,
  sender: number | null,
  outcome: ApprovalOutcome,
  at: string,
  messages: ApprovalMessages | undefined,
): Promise<void> {
  if (messages === undefined || sender === null) return
  const row = await db
    .selectFrom('member')
    .select(['private_chat_id', 'chosen_language', 'telegram_language'])
    .where('id', '=', sender)
    .executeTakeFirst()
  if (row?.private_chat_id === null || row === undefined) return
  const locale = messages.localeOf(row.chosen_language ?? row.telegram_language)
  await enqueueOutbound(
    db,
    [
      {
        key: `approval-outcome:${outcome.broadcastId}:${outcome.kind}`,
        kind: 'approval-outcome',
        chatId: row.private_chat_id,
        payload: { html: messages.outcome(locale, outcome) },
        notBefore: at,
      },
    ],
    at,
  )
}

async function reviewerName(db: Db, memberId: number | null): Promise<string> {
  if (memberId === null) return ''
  const row = await db
    .selectFrom('member')
    .select('full_name')
    .where('id', '=', memberId)
    .executeTakeFirst()
  return row?.full_name ?? ''
}

export interface ApprovalResult {
  scheduled: number[]
  skipped: number[]
  deliveryCount: number
  /** A one-off approved over an hour late: it waits for the sender's new time. */
  needsNewTime: boolean
}

/**
 * PRODUCT §10 "Duyệt": the series becomes scheduled and its deliveries are
 * written, in one transaction, with the audit row and the sender's notice. A
 * one-off less than an hour late goes now; later than that it stays unsent,
 * approved, until the sender gives a new time ({@link rescheduleApproved}); a
 * past morning of a daily series is cancelled rather than sent late.
 */
export async function approveBroadcast(
  deps: Deps,
  input: ReviewInput,
): Promise<Result<ApprovalResult>> {
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx): Promise<Result<ApprovalResult>> => {
    const found = await waitingSeries(trx, input)
    if (!found.ok) return found
    const { series, waiting } = found.value
    const isSeries = series.length > 1
    const late = (b: Broadcast) => b.sendAt < at
    const tooLate = (b: Broadcast) =>
      new Date(at).getTime() - new Date(b.sendAt).getTime() > LATE_APPROVAL_GRACE_MS
    const review = {
      reviewed_by: input.reviewerMemberId,
      reviewed_at: at,
      review_note: input.note ?? null,
      updated_at: at,
    }
    const head = waiting[0]
    const reviewer = await reviewerName(trx, input.reviewerMemberId)
    await closeOtherRequests(trx, input, series, 'approved', reviewer, at)
    if (!isSeries && head !== undefined && tooLate(head)) {
      await trx.updateTable('broadcast').set(review).where('id', '=', head.id).execute()
      await writeAudit(trx, {
        at,
        actorTelegramId: input.actorTelegramId,
        action: 'broadcast.approve',
        subject: `broadcast:${input.broadcastId}`,
        details: { scheduled: [], needsNewTime: true, note: input.note ?? null },
      })
      // The sender's next private message is the new time (a conversation that survives restarts).
      if (head.createdBy !== null)
        await trx
          .insertInto('pending_action')
          .values({
            member_id: head.createdBy,
            kind: NEW_TIME,
            payload: JSON.stringify({ broadcastId: head.id }),
            created_at: at,
            expires_at: addHours(new Date(at), CONVERSATION_TTL_HOURS).toISOString(),
          })
          .execute()
      await tellSender(
        trx,
        head.createdBy,
        { kind: 'needs-new-time', broadcastId: head.id, reviewer, sendAt: head.sendAt },
        at,
        input.messages,
      )
      return ok({ scheduled: [], skipped: [], deliveryCount: 0, needsNewTime: true })
    }
    const toSend = waiting.filter((b) => !isSeries || !late(b))
    const skipped = waiting.filter((b) => isSeries && late(b))
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
      const sends = toSend.map((b) => ({ id: b.id, sendAt: late(b) ? at : b.sendAt }))
      deliveryCount = await writeSeriesDeliveries(trx, sends, at)
      if (toSend.some((b) => b.urgent)) await planUrgentReminders(deps, trx, sends, at)
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
    const firstSend = toSend[0]
    if (head !== undefined && firstSend !== undefined)
      await tellSender(
        trx,
        head.createdBy,
        {
          kind: 'approved',
          broadcastId: head.id,
          reviewer,
          sendAt: late(firstSend) ? at : firstSend.sendAt,
        },
        at,
        input.messages,
      )
    return ok({
      scheduled: toSend.map((b) => b.id),
      skipped: skipped.map((b) => b.id),
      deliveryCount,
      needsNewTime: false,
    })
  })
}

/** Deliveries for the target units' active groups, then finalize (all groups may have gone). */
async function writeSeriesDeliveries(
  trx: Db,
  broadcasts: { id: number; sendAt: string }[],
  at: string,
): Promise<number> {
  const targetRows = await trx
    .selectFrom('broadcast_target')
    .select('unit_id')
    .where('broadcast_id', '=', broadcasts[0]?.id ?? 0)
    .execute()
  const chats = await listActiveChatsOfUnits(
    trx,
    targetRows.map((r) => r.unit_id),
  )
  const count = await writeDeliveries(trx, broadcasts, chats, at)
  await finalizeBroadcasts(
    trx,
    broadcasts.map((b) => b.id),
    at,
  )
  return count
}

/**
 * The sender's new time for a broadcast approved too late (issue 12): it is
 * scheduled then, in one transaction with its deliveries and audit row. Only
 * its sender may, and only while it waits approved.
 */
export async function rescheduleApproved(
  deps: Deps,
  input: {
    broadcastId: number
    memberId: number
    sendAt: string
    actorTelegramId: number | null
    consume?: { id: number; memberId: number; kind: string }
  },
): Promise<Result<{ deliveryCount: number }>> {
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx): Promise<Result<{ deliveryCount: number }>> => {
    const series = await loadSeries(trx, input.broadcastId)
    const head = series?.[0]
    if (head === undefined)
      return err({ code: 'unknown-broadcast', broadcastId: input.broadcastId })
    if (head.status !== 'awaiting_approval' || head.reviewedBy === null)
      return err({
        code: 'broadcast-not-awaiting-approval',
        broadcastId: input.broadcastId,
        status: head.status,
      })
    if (head.createdBy !== input.memberId) return err({ code: 'not-allowed', needed: 'sender' })
    if (input.consume !== undefined && !(await consumePendingAction(trx, input.consume)))
      return err({ code: 'stale-button' })
    await trx
      .updateTable('broadcast')
      .set({ status: 'scheduled', send_at: input.sendAt, updated_at: at })
      .where('id', '=', head.id)
      .execute()
    const sends = [{ id: head.id, sendAt: input.sendAt }]
    const deliveryCount = await writeSeriesDeliveries(trx, sends, at)
    if (head.urgent) await planUrgentReminders(deps, trx, sends, at)
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'broadcast.reschedule',
      subject: `broadcast:${head.id}`,
      details: { sendAt: input.sendAt },
    })
    return ok({ deliveryCount })
  })
}

/** PRODUCT §10 "Trả lại (lý do)": the series is rejected with the leader's note; nothing is sent. */
export async function rejectBroadcast(
  deps: Deps,
  input: ReviewInput,
): Promise<Result<{ rejected: number[] }>> {
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx): Promise<Result<{ rejected: number[] }>> => {
    const found = await waitingSeries(trx, input)
    if (!found.ok) return found
    const { waiting } = found.value
    if (input.consume !== undefined && !(await consumePendingAction(trx, input.consume)))
      return err({ code: 'stale-button' } satisfies DomainError)
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
    const head = waiting[0]
    if (head !== undefined) {
      const reviewer = await reviewerName(trx, input.reviewerMemberId)
      await closeOtherRequests(trx, input, found.value.series, 'rejected', reviewer, at)
      await tellSender(
        trx,
        head.createdBy,
        {
          kind: 'rejected',
          broadcastId: head.id,
          reviewer,
          reason: input.note ?? '',
        },
        at,
        input.messages,
      )
      // A rejected broadcast owes no deadline reminders (issue 10).
      await syncReminders(deps, head.campaignId, trx, { broadcastIds: waiting.map((b) => b.id) })
    }
    return ok({ rejected: waiting.map((b) => b.id) })
  })
}

/**
 * Whether the series can still be decided by this reviewer, without changing
 * anything: «Trả lại» asks for a reason only when it could be used.
 */
export async function checkReviewable(deps: Deps, input: ReviewInput): Promise<Result<true>> {
  const found = await waitingSeries(deps.db, input)
  return found.ok ? ok(true) : found
}
