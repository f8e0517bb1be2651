import { dialectOf, type Db } from '../../db/database.js'
import type { InlineButton } from '../ports.js'
import { MESSAGE_BUDGET } from '../reminders/split-message.js'

/**
 * Issue 12, personal nudges: a reminder shown to one member of the group only
 * (an ephemeral message), for a member who never started Loa in private.
 */
export interface EphemeralNudge {
  /** The member's Telegram id. */
  receiverUserId: number
  /**
   * Where Telegram refuses (the bot lost its admin rights, the member left the
   * group, the method is not there), the member is named in the group instead:
   * rendered when the nudge was queued, so the refusal only has to move it.
   */
  fallback?: NudgeFallback
}

export interface NudgeFallback {
  /** One public message per reminder and group; names that do not fit open `<key>:<member>`. */
  key: string
  /** The group message's first line, in the group's locale, HTML. */
  header: string
  /** The member's mention, HTML. */
  line: string
  buttons?: InlineButton[][]
  /** No fallback for a member who acknowledged in between. */
  broadcastId: number
  memberId: number
}

/**
 * Names a member whose nudge Telegram refused in the group's public list, in
 * the caller's transaction (the one that marks the nudge failed, so a crash
 * leaves both or neither: never lost, never named twice). Refusals of one
 * reminder usually come in one pass, before the list is sent: each name joins
 * the list while it is still pending; once it is on its way, or full, the name
 * opens a message of its own.
 */
export async function queueNudgeFallback(
  db: Db,
  nudge: NudgeFallback,
  chat: { chatId: number; threadId: number | null },
  at: string,
): Promise<'joined' | 'queued' | 'moot'> {
  const acknowledged = await db
    .selectFrom('acknowledgement')
    .select('id')
    .where('broadcast_id', '=', nudge.broadcastId)
    .where('member_id', '=', nudge.memberId)
    .executeTakeFirst()
  if (acknowledged !== undefined) return 'moot'
  // Refusals of one reminder are recorded by concurrent senders on PostgreSQL:
  // the list row is locked while a name joins it, and a creation that lost the
  // race joins the winner's list, so no name is overwritten or dropped.
  const locking = dialectOf(db) === 'postgres'
  for (;;) {
    let query = db
      .selectFrom('outbound_message')
      .select(['id', 'state', 'payload'])
      .where('key', '=', nudge.key)
    if (locking) query = query.forUpdate()
    const list = await query.executeTakeFirst()
    if (list?.state === 'pending') {
      const payload = JSON.parse(list.payload) as { html: string }
      const html = `${payload.html}, ${nudge.line}`
      if (html.length <= MESSAGE_BUDGET) {
        const joined = await db
          .updateTable('outbound_message')
          .set({ payload: JSON.stringify({ ...payload, html }) })
          .where('id', '=', list.id)
          // Not claimed by a sender meanwhile (PostgreSQL runs senders beside this one).
          .where('state', '=', 'pending')
          .executeTakeFirst()
        if (Number(joined.numUpdatedRows) > 0) return 'joined'
      }
    }
    const inserted = await db
      .insertInto('outbound_message')
      .values({
        key: list === undefined ? nudge.key : `${nudge.key}:${nudge.memberId}`,
        kind: 'reminder',
        chat_id: chat.chatId,
        thread_id: chat.threadId,
        payload: JSON.stringify({
          html: `${nudge.header}${nudge.line}`,
          ...(nudge.buttons === undefined ? {} : { buttons: nudge.buttons }),
        }),
        not_before: at,
        created_at: at,
      })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst()
    // A list created meanwhile by another sender: join it. Our own message already there: done.
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 || list !== undefined) return 'queued'
  }
}
