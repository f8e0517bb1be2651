import { claimRows, heldBy } from '../../db/claim.js'
import { addMilliseconds } from 'date-fns'
import { nowIso, type Deps } from '../deps.js'
import type { SendOutcome } from '../ports.js'
import {
  DEFAULT_LEASE_MS,
  DEFAULT_OUTBOX_POLICY,
  earliest,
  transientBackoffMs,
  type OutboxPolicy,
} from '../broadcasts/outbox.js'
import type { OutboundPayload } from './outbound.js'
import { queueNudgeFallback } from './nudge-fallback.js'
import type { Db } from '../../db/database.js'

/**
 * The sending side of `outbound_message` (rows written by enqueueOutbound):
 * the same claim, lease and record rules as broadcast deliveries
 * (src/db/claim.ts), so one sender and one pacer serve both.
 */
export interface ClaimedOutbound {
  id: number
  key: string
  kind: string
  chatId: number
  threadId: number | null
  attempts: number
  payload: OutboundPayload
  /** Set once a `copy` step went out (issue 12); null before. */
  messageId: number | null
}

function addMs(iso: string, ms: number): string {
  return addMilliseconds(iso, ms).toISOString()
}

/** Claims up to `limit` due messages (pending and not_before reached, or a dead worker's). */
export async function claimDueOutbound(
  deps: Deps,
  options: { limit: number; workerId: string; leaseMs?: number },
): Promise<ClaimedOutbound[]> {
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    const ids = await claimRows(trx, {
      table: 'outbound_message',
      workerId: options.workerId,
      at,
      leaseUntil: addMs(at, options.leaseMs ?? DEFAULT_LEASE_MS),
      limit: options.limit,
    })
    if (ids.length === 0) return []
    const rows = await trx
      .selectFrom('outbound_message')
      .selectAll()
      .where('id', 'in', ids)
      .execute()
    const byId = new Map(rows.map((r) => [r.id, r]))
    return ids.flatMap((id) => {
      const r = byId.get(id)
      if (r === undefined) return []
      return [
        {
          id: r.id,
          key: r.key,
          kind: r.kind,
          chatId: r.chat_id,
          threadId: r.thread_id,
          attempts: r.attempts,
          payload: JSON.parse(r.payload) as OutboundPayload,
          messageId: r.message_id,
        },
      ]
    })
  })
}

export type OutboundEffect =
  | { kind: 'sent' }
  | { kind: 'retry'; retryAfterSeconds: number | null }
  | { kind: 'failed'; reason: string }
  | { kind: 'ignored' }

/**
 * Records Telegram's answer for a claimed message; only the holder of the
 * claim can. A 429 waits retry_after without spending an attempt; 5xx and
 * timeouts back off like deliveries; 403/400 fail with Telegram's reason (a
 * person who blocked the bot is not asked again). A moved chat is followed.
 */
export async function recordOutboundOutcome(
  deps: Deps,
  claim: { id: number; workerId: string },
  outcome: SendOutcome,
  policy: OutboxPolicy = DEFAULT_OUTBOX_POLICY,
): Promise<OutboundEffect> {
  const at = nowIso(deps)
  const row = await deps.db
    .selectFrom('outbound_message')
    .select(['id', 'attempts', 'chat_id', 'thread_id', 'payload'])
    .where('id', '=', claim.id)
    .where(heldBy(claim.workerId))
    .executeTakeFirst()
  if (row === undefined) return { kind: 'ignored' }
  const update = (
    values: {
      state: 'pending' | 'sent' | 'failed'
      attempts?: number
      not_before?: string
      message_id?: number | null
      sent_at?: string
      error_code?: number | null
      failure_reason?: string | null
      chat_id?: number
    },
    db: Db = deps.db,
  ) =>
    db
      .updateTable('outbound_message')
      .set({ ...values, claimed_by: null, lease_until: null })
      .where('id', '=', row.id)
      .where(heldBy(claim.workerId))
      .execute()

  /**
   * A refused nudge (issue 12) names its member in the group instead, in the
   * transaction that marks it failed. Not for a group the bot was removed from:
   * a public message would be refused there too.
   */
  const failWithFallback = async (values: Parameters<typeof update>[0]) => {
    const fallback = (JSON.parse(row.payload) as OutboundPayload).ephemeral?.fallback
    if (fallback === undefined) return update(values)
    return deps.db.transaction().execute(async (trx) => {
      const [marked] = await update(values, trx)
      // The claim was lost: whoever holds the row now records its outcome.
      if (Number(marked?.numUpdatedRows ?? 0) === 0) return
      await queueNudgeFallback(trx, fallback, { chatId: row.chat_id, threadId: row.thread_id }, at)
    })
  }

  switch (outcome.kind) {
    case 'sent':
      await update({
        state: 'sent',
        attempts: row.attempts + 1,
        message_id: outcome.messageIds.at(-1) ?? null,
        sent_at: at,
      })
      return { kind: 'sent' }
    case 'retry-after':
      await update({
        state: 'pending',
        not_before: addMs(at, Math.max(1, outcome.seconds) * 1000),
        error_code: 429,
        failure_reason: outcome.reason,
      })
      return { kind: 'retry', retryAfterSeconds: outcome.seconds }
    case 'transient': {
      const attempts = row.attempts + 1
      if (attempts >= policy.maxAttempts) {
        await failWithFallback({
          state: 'failed',
          attempts,
          error_code: outcome.errorCode,
          failure_reason: outcome.reason,
        })
        return { kind: 'failed', reason: outcome.reason }
      }
      await update({
        state: 'pending',
        attempts,
        not_before: addMs(at, transientBackoffMs(attempts, policy)),
        error_code: outcome.errorCode,
        failure_reason: outcome.reason,
      })
      return { kind: 'retry', retryAfterSeconds: null }
    }
    case 'chat-moved':
      await update({
        state: 'pending',
        chat_id: outcome.toChatId,
        not_before: at,
        error_code: 400,
        failure_reason: outcome.reason,
      })
      return { kind: 'retry', retryAfterSeconds: null }
    case 'chat-gone':
      await update({
        state: 'failed',
        attempts: row.attempts + 1,
        error_code: outcome.errorCode,
        failure_reason: outcome.reason,
      })
      return { kind: 'failed', reason: outcome.reason }
    case 'rejected':
      await failWithFallback({
        state: 'failed',
        attempts: row.attempts + 1,
        error_code: outcome.errorCode,
        failure_reason: outcome.reason,
      })
      return { kind: 'failed', reason: outcome.reason }
  }
}

/**
 * Records that the `copy` step of a claimed message went out (its message id),
 * so a retry of the text that follows does not copy again. False when the claim was lost.
 */
export async function recordOutboundCopied(
  deps: Deps,
  claim: { id: number; workerId: string },
  messageId: number,
): Promise<boolean> {
  const result = await deps.db
    .updateTable('outbound_message')
    .set({ message_id: messageId })
    .where('id', '=', claim.id)
    .where(heldBy(claim.workerId))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** Hands a claimed message back, due at `untilIso`, without spending an attempt. */
export async function releaseOutbound(
  deps: Deps,
  claim: { id: number; workerId: string },
  untilIso: string,
): Promise<void> {
  await deps.db
    .updateTable('outbound_message')
    .set({ state: 'pending', not_before: untilIso, claimed_by: null, lease_until: null })
    .where('id', '=', claim.id)
    .where(heldBy(claim.workerId))
    .execute()
}

/** The earliest pending message, or lease of one in flight. */
export async function nextOutboundDueAt(deps: Deps): Promise<string | null> {
  const pending = await deps.db
    .selectFrom('outbound_message')
    .select((eb) => eb.fn.min('not_before').as('next'))
    .where('state', '=', 'pending')
    .executeTakeFirst()
  const leased = await deps.db
    .selectFrom('outbound_message')
    .select((eb) => eb.fn.min('lease_until').as('next'))
    .where('state', '=', 'sending')
    .executeTakeFirst()
  return earliest(pending?.next ?? null, leased?.next ?? null)
}
