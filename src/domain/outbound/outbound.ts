import type { Db } from '../../db/database.js'
import type { InlineButton } from '../ports.js'
import type { EphemeralNudge } from './nudge-fallback.js'

/**
 * The one outbound queue for what the bot sends on its own and is not a
 * broadcast copy: reminders, office notices, nudges. A row is written in the
 * same transaction as the change that owes it, with an idempotency key, and the
 * sender sends it later through the same pacer as broadcast copies
 * (STYLE §4 "One queue"): a crash neither loses nor repeats it, apart from a
 * send in flight at the crash.
 */

/** What is sent: HTML as Telegram parses it (mentions as `<a href="tg://user?id=…">`). */
export interface OutboundPayload {
  html: string
  buttons?: InlineButton[][]
  /**
   * Issue 12: a stored message copied first, then `html` with the buttons under
   * it (a leader's approval request shows the broadcast itself). The copy is its
   * own recorded step, so a retry of the text never copies it twice.
   */
  copy?: { fromChatId: number; messageIds: number[] }
  /**
   * Issue 12, «Sửa nội dung» / «Thu hồi»: instead of sending, edit one sent
   * message to `html` (its caption when `asCaption`; undefined: the text, or
   * the caption of a photo), with the current keyboard of `deliveryId`
   * re-sent (an edit without it would drop the buttons); or delete messages.
   * Both paced as edits. `html` above is then unused.
   */
  edit?: { messageId: number; asCaption?: boolean; deliveryId?: number }
  delete?: { messageIds: number[] }
  /** Issue 12: visible to one member of the group only, named publicly if Telegram refuses. */
  ephemeral?: EphemeralNudge
}

export interface OutboundItem {
  /** Idempotency key, unique over the table: a second enqueue of the same key is a no-op. */
  key: string
  /** What it is, for logs and housekeeping: 'reminder', 'office-notice', … */
  kind: string
  chatId: number
  threadId?: number | null
  payload: OutboundPayload
  /** UTC ISO-8601: not sent before this instant. */
  notBefore: string
}

/**
 * Queues messages; runs inside the caller's transaction when given one. Returns
 * how many rows were new (keys already queued are left as they are).
 */
export async function enqueueOutbound(
  db: Db,
  items: readonly OutboundItem[],
  createdAt: string,
): Promise<number> {
  if (items.length === 0) return 0
  let inserted = 0
  // SQLite caps bound parameters per statement; 100 rows × 7 columns stays well under it.
  for (let i = 0; i < items.length; i += 100) {
    const chunk = items.slice(i, i + 100)
    const result = await db
      .insertInto('outbound_message')
      .values(
        chunk.map((item) => ({
          key: item.key,
          kind: item.kind,
          chat_id: item.chatId,
          thread_id: item.threadId ?? null,
          payload: JSON.stringify(item.payload),
          not_before: item.notBefore,
          created_at: createdAt,
        })),
      )
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst()
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0)
  }
  return inserted
}

/** Withdraws queued messages not yet claimed (the reminder became moot). */
export async function cancelOutbound(db: Db, keys: readonly string[]): Promise<number> {
  if (keys.length === 0) return 0
  const result = await db
    .updateTable('outbound_message')
    .set({ state: 'cancelled' })
    .where('key', 'in', keys)
    .where('state', '=', 'pending')
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}
