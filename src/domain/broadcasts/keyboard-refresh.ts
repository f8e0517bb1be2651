import type { Db } from '../../db/database.js'
import { nowIso, type Deps } from '../deps.js'
import type { ChatPort, InlineButton } from '../ports.js'
import { keyboardContexts, type KeyboardContext } from './keyboard-context.js'
import type { Pacer } from './pacer.js'

/**
 * Coalesced count refresh (PRODUCT §3): a tap or reaction only marks the copy's
 * keyboard dirty; a periodic pass edits each dirty message at most once per
 * interval, inside the group's send budget, so a burst of 200 taps costs a
 * handful of edits. Counts are eventual; messages are not: edits leave part of
 * the group budget to sends (Pacer `editReserve`) and simply wait when short.
 */

/** Marks copies' keyboards as needing new counts. Keeps the first mark: its age orders the refresh. */
export async function markKeyboardDirty(
  db: Db,
  deliveryIds: number | readonly number[],
  at: string,
): Promise<void> {
  const ids = typeof deliveryIds === 'number' ? [deliveryIds] : [...deliveryIds]
  if (ids.length === 0) return
  await db
    .updateTable('delivery')
    .set({ keyboard_dirty_at: at })
    .where('id', 'in', ids)
    .where('keyboard_dirty_at', 'is', null)
    .where('state', '=', 'sent')
    .execute()
}

export interface RefreshOptions {
  port: ChatPort
  pacer: Pacer
  keyboardFor: (context: KeyboardContext) => InlineButton[][]
  /** At most one edit per message per this interval. */
  minIntervalMs?: number
  limit?: number
}

export const DEFAULT_REFRESH_INTERVAL_MS = 10_000

export interface RefreshStats {
  edited: number
  /** Left dirty for a later pass: the group's budget was short, or the edit must be retried. */
  deferred: number
}

/**
 * One pass over the dirty keyboards. The flag is cleared before counts are read,
 * so a tap landing during the edit marks the message again and is shown on the
 * next pass rather than lost. "message is not modified" counts as done.
 */
export async function refreshDueKeyboards(
  deps: Deps,
  options: RefreshOptions,
): Promise<RefreshStats> {
  const interval = options.minIntervalMs ?? DEFAULT_REFRESH_INTERVAL_MS
  const at = nowIso(deps)
  const cutoff = new Date(deps.clock.now().getTime() - interval).toISOString()
  const rows = await deps.db
    .selectFrom('delivery')
    .select(['id', 'chat_id', 'message_id', 'keyboard_dirty_at'])
    .where('keyboard_dirty_at', 'is not', null)
    .where('state', '=', 'sent')
    .where('message_id', 'is not', null)
    .where((eb) =>
      eb.or([eb('keyboard_refreshed_at', 'is', null), eb('keyboard_refreshed_at', '<=', cutoff)]),
    )
    .orderBy('keyboard_dirty_at')
    .limit(options.limit ?? 100)
    .execute()
  const stats: RefreshStats = { edited: 0, deferred: 0 }
  for (const row of rows) {
    if (row.message_id === null || row.keyboard_dirty_at === null) continue
    if (!options.pacer.reserve(row.chat_id, 'edit').ok) {
      stats.deferred++
      continue
    }
    const claimed = await deps.db
      .updateTable('delivery')
      .set({ keyboard_dirty_at: null, keyboard_refreshed_at: at })
      .where('id', '=', row.id)
      .where('keyboard_dirty_at', '=', row.keyboard_dirty_at)
      .executeTakeFirst()
    if (Number(claimed.numUpdatedRows) === 0) continue
    const context = (await keyboardContexts(deps, [row.id])).get(row.id)
    if (context === undefined) continue
    const outcome = await options.port.setButtons({
      chatId: row.chat_id,
      messageId: row.message_id,
      buttons: options.keyboardFor(context),
    })
    switch (outcome.kind) {
      case 'sent':
        stats.edited++
        break
      case 'rejected':
        if (/not modified/i.test(outcome.reason)) stats.edited++
        else
          deps.logger.warn({ deliveryId: row.id, reason: outcome.reason }, 'keyboard edit refused')
        break
      case 'retry-after':
        options.pacer.pauseAll(outcome.seconds * 1000)
        await markKeyboardDirty(deps.db, row.id, at)
        stats.deferred++
        break
      case 'transient':
        await markKeyboardDirty(deps.db, row.id, at)
        stats.deferred++
        break
      case 'chat-gone':
      case 'chat-moved':
        // The sender deals with lost and moved groups on its next send; an old keyboard is harmless.
        deps.logger.info({ deliveryId: row.id, outcome: outcome.kind }, 'keyboard edit skipped')
        break
    }
  }
  return stats
}

/**
 * When the next refresh pass has work: the first mark of a keyboard never
 * refreshed, or the interval after the oldest refresh of one marked again.
 */
export async function nextKeyboardRefreshAt(
  deps: Deps,
  minIntervalMs = DEFAULT_REFRESH_INTERVAL_MS,
): Promise<string | null> {
  const row = await deps.db
    .selectFrom('delivery')
    .select((eb) => [
      eb.fn.min('keyboard_dirty_at').filterWhere('keyboard_refreshed_at', 'is', null).as('fresh'),
      eb.fn.min('keyboard_refreshed_at').as('again'),
    ])
    .where('keyboard_dirty_at', 'is not', null)
    .where('state', '=', 'sent')
    .executeTakeFirst()
  const again =
    row?.again == null
      ? null
      : new Date(new Date(row.again).getTime() + minIntervalMs).toISOString()
  const fresh = row?.fresh ?? null
  if (fresh === null) return again
  if (again === null) return fresh
  return fresh <= again ? fresh : again
}
