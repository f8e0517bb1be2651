import { sql, type SqlBool } from 'kysely'
import { addMilliseconds } from 'date-fns'
import { claimRows, heldBy } from '../../db/claim.js'
import { dialectOf, type Db } from '../../db/database.js'
import { nowIso, type Deps } from '../deps.js'
import { loseGroup } from '../outbound/group-lost.js'
import type { SendOutcome, Translate } from '../ports.js'
import { followMigratedGroup } from '../units/register-group.js'
import { SENDABLE } from './broadcast.js'
import { queueCorrectionOfLateCopy } from './correct-broadcast.js'

/**
 * The durable outbox (PRODUCT §9). A delivery row moves
 * `pending → sending → sent | failed`; it is written with its broadcast, claimed
 * with a lease before the send, and its outcome recorded after. A crash between
 * claim and record leaves it in `sending` until its lease runs out (or at once
 * when the next start finds its worker dead): those sends, and only those, may
 * reach a group twice.
 *
 * No function here awaits the chat platform: the sender calls the port between
 * claimDueDeliveries and recordOutcome, outside any transaction.
 */

export interface ClaimedDelivery {
  id: number
  broadcastId: number
  campaignId: number
  unitId: number
  unitChatId: number
  /** The group's current id (followed after a supergroup upgrade). */
  chatId: number
  threadId: number | null
  /** Failed tries so far (429s not counted). */
  attempts: number
  sourceChatId: number
  sourceMessageIds: number[]
  slogan: string | null
  /** Issue 12: «KHẨN» goes above the copy. */
  urgent: boolean
  /** The «KHẨN» line is out already (an earlier try met a 429 or was handed back). */
  urgentLineSent: boolean
  /**
   * An album whose copy went out while its buttons did not (a 429 on them, a
   * crash between the two): only the button message is left to send.
   */
  albumCopyIds: number[] | null
}

export interface OutboxPolicy {
  /** Transient failures (5xx, timeouts) before the delivery is given up as failed. */
  maxAttempts: number
  baseBackoffMs: number
  maxBackoffMs: number
}

export const DEFAULT_OUTBOX_POLICY: OutboxPolicy = {
  maxAttempts: 8,
  baseBackoffMs: 5_000,
  maxBackoffMs: 600_000,
}

/** 5 s, 10 s, 20 s … capped at 10 min: 8 tries span about 20 minutes of outage. */
export function transientBackoffMs(
  attempts: number,
  policy: OutboxPolicy = DEFAULT_OUTBOX_POLICY,
): number {
  return Math.min(policy.maxBackoffMs, policy.baseBackoffMs * 2 ** Math.max(0, attempts - 1))
}

function addMs(iso: string, ms: number): string {
  return addMilliseconds(iso, ms).toISOString()
}

/** How long a claim holds: a send starts within half of it, or the row is handed back. */
export const DEFAULT_LEASE_MS = 60_000

/**
 * Claims up to `limit` due deliveries for one worker (src/db/claim.ts: one
 * statement, with a lease; rows of a dead worker whose lease ran out are taken
 * back after the never-tried ones). Due means pending and next_attempt_at
 * reached, broadcast scheduled or sending, group active. The target chat id is
 * re-read from unit_chat, so a group that moved to a supergroup since the row
 * was written is reached at its new id. Pending rows of groups that became
 * inactive are failed on the way (the bot was removed: PRODUCT §9 "stop sending").
 */
export async function claimDueDeliveries(
  deps: Deps,
  options: { limit: number; workerId: string; leaseMs?: number },
): Promise<ClaimedDelivery[]> {
  const at = nowIso(deps)
  const leaseUntil = addMs(at, options.leaseMs ?? DEFAULT_LEASE_MS)
  return deps.db.transaction().execute(async (trx) => {
    const orphaned = await trx
      .updateTable('delivery')
      .set((eb) => ({
        state: 'failed',
        failure_reason: eb.fn.coalesce(
          eb
            .selectFrom('unit_chat')
            .select('unit_chat.inactive_reason')
            .whereRef('unit_chat.id', '=', 'delivery.unit_chat_id'),
          eb.val('group-inactive'),
        ),
        claimed_by: null,
        lease_until: null,
        updated_at: at,
      }))
      .where('state', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .where('unit_chat_id', 'in', (eb) =>
        eb.selectFrom('unit_chat').select('id').where('is_active', '=', 0),
      )
      .where('broadcast_id', 'in', (eb) =>
        eb.selectFrom('broadcast').select('id').where('status', 'in', SENDABLE),
      )
      .returning('broadcast_id')
      .execute()
    if (orphaned.length > 0)
      await finalizeBroadcasts(
        trx,
        orphaned.map((r) => r.broadcast_id),
        at,
      )

    const ids = await claimRows(trx, {
      table: 'delivery',
      workerId: options.workerId,
      at,
      leaseUntil,
      limit: options.limit,
      eligible: sql<SqlBool>`exists (
        select 1 from broadcast b join unit_chat c on c.id = delivery.unit_chat_id
        where b.id = delivery.broadcast_id and b.status in (${sql.join(SENDABLE)}) and c.is_active = 1)`,
    })
    if (ids.length === 0) return []
    const claimed = await trx
      .updateTable('delivery')
      .set((eb) => ({
        chat_id: eb
          .selectFrom('unit_chat')
          .select('unit_chat.chat_id')
          .whereRef('unit_chat.id', '=', 'delivery.unit_chat_id'),
        thread_id: eb
          .selectFrom('unit_chat')
          .select('unit_chat.thread_id')
          .whereRef('unit_chat.id', '=', 'delivery.unit_chat_id'),
        updated_at: at,
      }))
      .where('id', 'in', ids)
      .returningAll()
      .execute()
    const broadcastIds = [...new Set(claimed.map((d) => d.broadcast_id))]
    await trx
      .updateTable('broadcast')
      .set({ status: 'sending', updated_at: at })
      .where('id', 'in', broadcastIds)
      .where('status', '=', 'scheduled')
      .execute()
    const broadcasts = await trx
      .selectFrom('broadcast')
      .select(['id', 'campaign_id', 'source_chat_id', 'source_message_ids', 'slogan', 'urgent'])
      .where('id', 'in', broadcastIds)
      .execute()
    const byId = new Map(broadcasts.map((b) => [b.id, b]))
    const rowById = new Map(claimed.map((d) => [d.id, d]))
    return ids.flatMap((id) => {
      const d = rowById.get(id)
      const b = d === undefined ? undefined : byId.get(d.broadcast_id)
      if (d === undefined || b === undefined) return []
      const sourceIds: unknown = JSON.parse(b.source_message_ids)
      return [
        {
          id: d.id,
          broadcastId: d.broadcast_id,
          campaignId: b.campaign_id,
          unitId: d.unit_id,
          unitChatId: d.unit_chat_id,
          chatId: d.chat_id,
          threadId: d.thread_id,
          attempts: d.attempts,
          sourceChatId: b.source_chat_id,
          sourceMessageIds: Array.isArray(sourceIds)
            ? sourceIds.filter((v): v is number => typeof v === 'number')
            : [],
          slogan: b.slogan,
          urgent: b.urgent === 1,
          urgentLineSent: d.urgent_line_at !== null,
          albumCopyIds:
            d.message_id === null && d.message_ids !== null ? parseIds(d.message_ids) : null,
        },
      ]
    })
  })
}

function parseIds(json: string): number[] {
  const ids: unknown = JSON.parse(json)
  return Array.isArray(ids) ? ids.filter((v): v is number => typeof v === 'number') : []
}

/**
 * The «KHẨN» line above a claimed urgent copy went out (issue 12): later tries
 * of the copy (a 429, a hand-back, a crash) do not send it again.
 */
export async function recordUrgentLine(
  deps: Deps,
  claim: { id: number; workerId: string },
): Promise<boolean> {
  const at = nowIso(deps)
  const result = await deps.db
    .updateTable('delivery')
    .set({ urgent_line_at: at, updated_at: at })
    .where('id', '=', claim.id)
    .where(heldBy(claim.workerId))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/**
 * The album of a claimed delivery reached the chat; its buttons are the next
 * step. Kept on the row (message_ids, message_id still null), so a retry of the
 * buttons, by this worker or after a crash, never copies the album again.
 */
export async function recordAlbumCopied(
  deps: Deps,
  claim: { id: number; workerId: string },
  messageIds: readonly number[],
): Promise<boolean> {
  const result = await deps.db
    .updateTable('delivery')
    .set({ message_ids: JSON.stringify(messageIds), updated_at: nowIso(deps) })
    .where('id', '=', claim.id)
    .where(heldBy(claim.workerId))
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}

/** What recordOutcome did, for the sender's pacing and logs. */
export type OutcomeEffect =
  | { kind: 'sent'; messageId: number }
  | { kind: 'retry'; at: string; retryAfterSeconds: number | null }
  | { kind: 'failed'; reason: string }
  | {
      kind: 'group-lost'
      chatId: number
      unitId: number
      reason: string
      /** How many office notices were queued (0 when the office was told already). */
      noticesQueued: number
    }
  | { kind: 'moved'; fromChatId: number; toChatId: number }
  | { kind: 'ignored' }

export interface RecordOptions {
  policy?: OutboxPolicy
  /** Renders the office's notice when the group is lost; without it none is queued. */
  translate?: Translate
}

/**
 * Records what the platform answered for one claimed delivery. Only the
 * worker holding the claim records (src/db/claim.ts `heldBy`): a late record by
 * a worker whose lease ran out, or of a row already `sent`, changes nothing.
 * Telegram's reason is kept on the row for every failure (PRODUCT §10 delivery report).
 */
/** Each message of a copy, for the reactions and replies that land on any of them (0007). */
async function recordCopyMessages(
  trx: Db,
  deliveryId: number,
  chatId: number,
  messageIds: readonly number[],
): Promise<void> {
  if (messageIds.length === 0) return
  await trx
    .insertInto('delivery_message')
    .values(messageIds.map((id) => ({ chat_id: chatId, message_id: id, delivery_id: deliveryId })))
    .onConflict((oc) => oc.columns(['chat_id', 'message_id']).doNothing())
    .execute()
}

export async function recordOutcome(
  deps: Deps,
  claim: { id: number; workerId: string },
  outcome: SendOutcome,
  options: RecordOptions = {},
): Promise<OutcomeEffect> {
  const policy = options.policy ?? DEFAULT_OUTBOX_POLICY
  const at = nowIso(deps)
  const row = await deps.db
    .selectFrom('delivery')
    .select(['id', 'broadcast_id', 'unit_id', 'unit_chat_id', 'chat_id', 'attempts'])
    .where('id', '=', claim.id)
    .where(heldBy(claim.workerId))
    .executeTakeFirst()
  if (row === undefined) return { kind: 'ignored' }
  const release = { claimed_by: null, lease_until: null, updated_at: at }
  const mine = heldBy(claim.workerId)

  switch (outcome.kind) {
    case 'sent': {
      // With an album the keyboard rides on the last message (ChatPort contract): that one is edited.
      const messageId = outcome.messageIds.at(-1) ?? 0
      await deps.db.transaction().execute(async (trx) => {
        const recorded = await trx
          .updateTable('delivery')
          .set({
            ...release,
            state: 'sent',
            attempts: row.attempts + 1,
            message_id: messageId,
            message_ids: JSON.stringify(outcome.messageIds),
            sent_at: at,
          })
          .where('id', '=', row.id)
          .where(mine)
          .executeTakeFirst()
        if (Number(recorded.numUpdatedRows) === 0) return
        await recordCopyMessages(trx, row.id, row.chat_id, outcome.messageIds)
        await queueCorrectionOfLateCopy(
          trx,
          {
            broadcastId: row.broadcast_id,
            deliveryId: row.id,
            chatId: row.chat_id,
            messageIds: outcome.messageIds,
          },
          at,
        )
        await finalizeBroadcasts(trx, [row.broadcast_id], at)
      })
      return { kind: 'sent', messageId }
    }
    case 'retry-after': {
      // A flood wait is Telegram pacing us, not the message failing: no attempt is spent.
      const next = addMs(at, Math.max(1, outcome.seconds) * 1000)
      await deps.db
        .updateTable('delivery')
        .set({
          ...release,
          state: 'pending',
          next_attempt_at: next,
          error_code: 429,
          failure_reason: outcome.reason,
        })
        .where('id', '=', row.id)
        .where(mine)
        .execute()
      return { kind: 'retry', at: next, retryAfterSeconds: outcome.seconds }
    }
    case 'transient': {
      const attempts = row.attempts + 1
      if (attempts >= policy.maxAttempts) {
        await fail(deps.db, row, claim.workerId, attempts, outcome.errorCode, outcome.reason, at)
        return { kind: 'failed', reason: outcome.reason }
      }
      const next = addMs(at, transientBackoffMs(attempts, policy))
      await deps.db
        .updateTable('delivery')
        .set({
          ...release,
          state: 'pending',
          attempts,
          next_attempt_at: next,
          error_code: outcome.errorCode,
          failure_reason: outcome.reason,
        })
        .where('id', '=', row.id)
        .where(mine)
        .execute()
      return { kind: 'retry', at: next, retryAfterSeconds: null }
    }
    case 'chat-gone': {
      // The bot was removed (403) or the chat deleted: this row and every other
      // pending one for the group fail with Telegram's reason; the group goes
      // inactive and the office's notice is queued, all in one transaction, so a
      // crash neither loses nor repeats the notice (PRODUCT §9).
      const noticesQueued = await deps.db.transaction().execute(async (trx) => {
        const failed = await trx
          .updateTable('delivery')
          .set({
            ...release,
            state: 'failed',
            error_code: outcome.errorCode,
            failure_reason: outcome.reason,
          })
          .where('unit_chat_id', '=', row.unit_chat_id)
          .where((eb) =>
            eb.or([eb.and([eb('id', '=', row.id), mine]), eb('state', '=', 'pending')]),
          )
          .returning('broadcast_id')
          .execute()
        await trx
          .updateTable('delivery')
          .set({ attempts: row.attempts + 1 })
          .where('id', '=', row.id)
          .execute()
        await finalizeBroadcasts(trx, [...new Set(failed.map((f) => f.broadcast_id))], at)
        return loseGroup(
          { ...deps, db: trx },
          {
            chatId: row.chat_id,
            unitId: row.unit_id,
            reason: outcome.reason,
            cause: `delivery:${row.id}`,
          },
          options.translate,
        )
      })
      deps.wake?.()
      return {
        kind: 'group-lost',
        chatId: row.chat_id,
        unitId: row.unit_id,
        reason: outcome.reason,
        noticesQueued,
      }
    }
    case 'chat-moved': {
      // PRODUCT §9: a group upgraded to a supergroup; follow it and send again there at once.
      await followMigratedGroup(deps, row.chat_id, outcome.toChatId)
      const unitChat = await deps.db
        .selectFrom('unit_chat')
        .select('chat_id')
        .where('id', '=', row.unit_chat_id)
        .executeTakeFirst()
      if (unitChat?.chat_id !== outcome.toChatId) {
        // The new id is registered as another group already: do not guess which one is meant.
        const reason = `${outcome.reason} (migrated to ${outcome.toChatId}, registered separately)`
        await fail(deps.db, row, claim.workerId, row.attempts + 1, 400, reason, at)
        return { kind: 'failed', reason }
      }
      await deps.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('delivery')
          .set({ chat_id: outcome.toChatId })
          .where('chat_id', '=', row.chat_id)
          .where('unit_chat_id', '=', row.unit_chat_id)
          .execute()
        await trx
          .updateTable('delivery')
          .set({
            ...release,
            state: 'pending',
            next_attempt_at: at,
            failure_reason: outcome.reason,
            error_code: 400,
          })
          .where('id', '=', row.id)
          .where(mine)
          .execute()
      })
      return { kind: 'moved', fromChatId: row.chat_id, toChatId: outcome.toChatId }
    }
    case 'rejected':
      await fail(
        deps.db,
        row,
        claim.workerId,
        row.attempts + 1,
        outcome.errorCode,
        outcome.reason,
        at,
      )
      return { kind: 'failed', reason: outcome.reason }
  }
}

async function fail(
  db: Db,
  row: { id: number; broadcast_id: number },
  workerId: string,
  attempts: number,
  errorCode: number | null,
  reason: string,
  at: string,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('delivery')
      .set({
        state: 'failed',
        attempts,
        error_code: errorCode,
        failure_reason: reason,
        claimed_by: null,
        lease_until: null,
        updated_at: at,
      })
      .where('id', '=', row.id)
      .where(heldBy(workerId))
      .execute()
    await finalizeBroadcasts(trx, [row.broadcast_id], at)
  })
}

/**
 * Hands a claimed row back without spending an attempt, due again at
 * `untilIso`: the pacer said the group's budget is spent, the claim grew old
 * before its turn, or recording failed. Only the holder can.
 */
export async function releaseDelivery(
  deps: Deps,
  claim: { id: number; workerId: string },
  untilIso: string,
): Promise<void> {
  await deps.db
    .updateTable('delivery')
    .set({
      state: 'pending',
      next_attempt_at: untilIso,
      claimed_by: null,
      lease_until: null,
      updated_at: nowIso(deps),
    })
    .where('id', '=', claim.id)
    .where(heldBy(claim.workerId))
    .execute()
}

/**
 * A broadcast is `sent` once none of its deliveries is pending or sending
 * (failed ones included: /lich shows them). Runs on the caller's transaction.
 */
export async function finalizeBroadcasts(
  db: Db,
  broadcastIds: readonly number[],
  at: string,
): Promise<void> {
  if (broadcastIds.length === 0) return
  // PostgreSQL (§11): two workers recording the last two copies at once would each
  // still see the other's row in flight, and neither would finish the broadcast.
  // Locking the broadcast row makes the second wait, then see the first's commit.
  // NO KEY UPDATE, the lock the status update takes anyway, not FOR UPDATE: a
  // transaction that updated a delivery twice holds KEY SHARE on its broadcast (the
  // foreign key's check), and FOR UPDATE conflicts with KEY SHARE, so two groups lost
  // at once deadlocked each other. SQLite has one writer and no row locks.
  if (dialectOf(db) === 'postgres')
    await db
      .selectFrom('broadcast')
      .select('id')
      .where('id', 'in', [...broadcastIds])
      .orderBy('id')
      .forNoKeyUpdate()
      .execute()
  await db
    .updateTable('broadcast')
    .set({ status: 'sent', updated_at: at })
    .where('id', 'in', [...broadcastIds])
    .where('status', 'in', SENDABLE)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('delivery')
            .select('delivery.id')
            .whereRef('delivery.broadcast_id', '=', 'broadcast.id')
            .where('delivery.state', 'in', ['pending', 'sending']),
        ),
      ),
    )
    .execute()
}

/**
 * When the next delivery falls due: the earliest pending row of a sendable
 * broadcast, or the earliest lease of a row in flight (a dead worker's row is
 * taken back then). The scheduler sleeps until then, or until a wake().
 */
export async function nextDeliveryDueAt(deps: Deps): Promise<string | null> {
  const pending = await deps.db
    .selectFrom('delivery as d')
    .innerJoin('broadcast as b', 'b.id', 'd.broadcast_id')
    .select((eb) => eb.fn.min('d.next_attempt_at').as('next'))
    .where('d.state', '=', 'pending')
    .where('b.status', 'in', SENDABLE)
    .executeTakeFirst()
  const leased = await deps.db
    .selectFrom('delivery')
    .select((eb) => eb.fn.min('lease_until').as('next'))
    .where('state', '=', 'sending')
    .executeTakeFirst()
  return earliest(pending?.next ?? null, leased?.next ?? null)
}

/** The earlier of two instants stored as UTC ISO text (they compare as text). */
export function earliest(a: string | null, b: string | null): string | null {
  if (a === null) return b
  if (b === null) return a
  return a <= b ? a : b
}
