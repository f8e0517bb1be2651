import { sql } from 'kysely'
import { addMilliseconds, subMilliseconds } from 'date-fns'
import type { Db } from '../../db/database.js'
import { prepared } from '../../db/prepared.js'
import { nowIso, type Deps } from '../deps.js'
import type { ChatPort, InlineButton, Translate } from '../ports.js'
import { noticeEveryoneRead } from '../everyone-read/everyone-read.js'
import { keyboardContexts, type KeyboardContext } from './keyboard-context.js'
import type { Pacer } from './pacer.js'

/**
 * Count refreshes by a version pair (PRODUCT §3, issue 8): a tap bumps its
 * copy's `keyboard_version` in the transaction of the insert, together with the
 * counter the keyboard shows; the refresh job edits the message and then sets
 * `refreshed_version` to the version it showed. A crash between edit and record
 * leaves the copy behind, so it is edited again: counts may lag, never stay stale.
 * A partial index holds only the copies that are behind. Each copy is edited at
 * most once per interval, within the group's budget (Pacer `editReserve`), so a
 * burst of 200 taps costs a handful of edits.
 */

/** A new acknowledgement on a copy: its counter and keyboard version, one statement. */
export async function countAcknowledgement(db: Db, deliveryId: number): Promise<number> {
  const { rows } = await countOnCopy(db, { deliveryId })
  return rows[0]?.acknowledged ?? 0
}

/** Compiled once (src/db/prepared.ts): every new acknowledgement runs it. */
const countOnCopy = prepared((db, p: { deliveryId: number }) =>
  db
    .updateTable('delivery')
    .set((eb) => ({
      acknowledged: eb('acknowledged', '+', 1),
      keyboard_version: eb('keyboard_version', '+', 1),
    }))
    .where('id', '=', p.deliveryId)
    .returning('acknowledged'),
)

/**
 * A new participant of a unit: the 🙋 count on the unit's recent copies of the
 * campaign (the last two sent), not on every old one; one statement.
 */
export async function countParticipant(db: Db, campaignId: number, unitId: number): Promise<void> {
  await db
    .updateTable('delivery')
    .set((eb) => ({
      participants: eb('participants', '+', 1),
      keyboard_version: eb('keyboard_version', '+', 1),
    }))
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('delivery as d')
        .innerJoin('broadcast as b', 'b.id', 'd.broadcast_id')
        .select('d.id')
        .where('b.campaign_id', '=', campaignId)
        .where('d.unit_id', '=', unitId)
        .where('d.state', '=', 'sent')
        .orderBy('d.sent_at', 'desc')
        .orderBy('d.id', 'desc')
        .limit(RECENT_COPIES),
    )
    .execute()
}

/** Copies of a campaign per unit whose counts are kept live (issue 8). */
export const RECENT_COPIES = 2

export interface RefreshOptions {
  port: ChatPort
  pacer: Pacer
  keyboardFor: (context: KeyboardContext) => InlineButton[][]
  /** At most one edit per message per this interval. */
  minIntervalMs?: number | undefined
  limit?: number
  /** Issue 12: with it, the copies refreshed are checked for "everyone has read" notices. */
  translate?: Translate
}

export const DEFAULT_REFRESH_INTERVAL_MS = 10_000

export interface RefreshStats {
  edited: number
  /** Left behind for a later pass: the group's budget was short, or the edit must be retried. */
  deferred: number
}

/**
 * The sent copies whose keyboard is behind their counts, through the partial
 * index that holds only those (delivery_keyboard_idx). Without statistics
 * SQLite's planner takes the index on `state` for `state = 'sent'` and reads
 * every sent copy: ≈ 100 ms a scheduler pass on a department's 400,000
 * (issue 14). `state || ''` is the same test on both engines, with no index
 * that could serve it, so the partial index is the one left.
 */
function behindKeyboards(deps: Deps) {
  return deps.db
    .selectFrom('delivery')
    .where(sql.ref('keyboard_version'), '<>', sql.ref('refreshed_version'))
    .where(sql<string>`${sql.ref('state')} || ''`, '=', 'sent')
    .where('recall_state', 'is', null)
}

/** One pass over the copies whose keyboard is behind; "message is not modified" counts as done. */
export async function refreshDueKeyboards(
  deps: Deps,
  options: RefreshOptions,
): Promise<RefreshStats> {
  const interval = options.minIntervalMs ?? DEFAULT_REFRESH_INTERVAL_MS
  const at = nowIso(deps)
  const cutoff = subMilliseconds(deps.clock.now(), interval).toISOString()
  const rows = await behindKeyboards(deps)
    .select(['id', 'chat_id', 'message_id', 'keyboard_version'])
    .where('message_id', 'is not', null)
    .where((eb) =>
      eb.or([eb('keyboard_refreshed_at', 'is', null), eb('keyboard_refreshed_at', '<=', cutoff)]),
    )
    .orderBy('id')
    .limit(options.limit ?? 100)
    .execute()
  const stats: RefreshStats = { edited: 0, deferred: 0 }
  /** Copies whose new counts were shown (issue 12 checks them for "everyone has read"). */
  const refreshedIds: number[] = []
  const contexts = await keyboardContexts(
    deps,
    rows.map((r) => r.id),
  )
  for (const row of rows) {
    const context = contexts.get(row.id)
    if (row.message_id === null || context === undefined) continue
    const slot = options.pacer.take(row.chat_id, 'edit')
    if (!slot.ok) {
      stats.deferred++
      continue
    }
    // The slot counts from the edit's completion (Pacer.take), whatever its outcome.
    const outcome = await options.port
      .setButtons({
        chatId: row.chat_id,
        messageId: row.message_id,
        buttons: options.keyboardFor(context),
      })
      .finally(slot.done)
    switch (outcome.kind) {
      case 'sent':
        stats.edited++
        refreshedIds.push(row.id)
        await recordRefreshed(deps.db, row.id, row.keyboard_version, at)
        break
      case 'rejected':
        if (/not modified/i.test(outcome.reason)) {
          stats.edited++
          refreshedIds.push(row.id)
        } else {
          deps.logger.warn({ deliveryId: row.id, reason: outcome.reason }, 'keyboard edit refused')
        }
        // Refused for good (deleted message, no rights): do not ask again for this version.
        await recordRefreshed(deps.db, row.id, row.keyboard_version, at)
        break
      case 'retry-after':
        options.pacer.pauseAll(outcome.seconds * 1000)
        stats.deferred++
        break
      case 'transient':
        stats.deferred++
        break
      case 'chat-gone':
      case 'chat-moved':
        // The sender deals with lost and moved groups on its next send; an old keyboard is harmless.
        deps.logger.info({ deliveryId: row.id, outcome: outcome.kind }, 'keyboard edit skipped')
        await recordRefreshed(deps.db, row.id, row.keyboard_version, at)
        break
    }
  }
  if (options.translate !== undefined && refreshedIds.length > 0)
    await noticeEveryoneRead(deps, refreshedIds, options.translate)
  return stats
}

/** The keyboard shows `version`; a tap since then keeps the copy behind. */
async function recordRefreshed(db: Db, id: number, version: number, at: string): Promise<void> {
  await db
    .updateTable('delivery')
    .set({ refreshed_version: version, keyboard_refreshed_at: at })
    .where('id', '=', id)
    .where('refreshed_version', '<', version)
    .execute()
}

/**
 * When the next refresh pass has work: now for a copy behind and never
 * refreshed, else the interval after the oldest refresh of one behind again.
 */
export async function nextKeyboardRefreshAt(
  deps: Deps,
  minIntervalMs = DEFAULT_REFRESH_INTERVAL_MS,
): Promise<string | null> {
  const row = await behindKeyboards(deps)
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('keyboard_refreshed_at', 'is', null).as('fresh'),
      eb.fn.min('keyboard_refreshed_at').as('again'),
    ])
    .executeTakeFirst()
  if (row === undefined) return null
  if (Number(row.fresh) > 0) return nowIso(deps)
  return row.again == null ? null : addMilliseconds(row.again, minIntervalMs).toISOString()
}
