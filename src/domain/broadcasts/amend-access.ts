import type { Db } from '../../db/database.js'
import { err, ok, type Result } from '../errors.js'
import { can, type Role } from '../units/roles.js'
import { rowToBroadcast, type Broadcast } from './broadcast.js'

/** Who asks to correct or recall a broadcast (issue 12). */
export interface AmendActor {
  memberId: number
  role: Role
  telegramId: number
}

/** A delivered copy still standing in its group, what «Sửa nội dung» and «Thu hồi» act on. */
export interface StandingCopy {
  deliveryId: number
  chatId: number
  chatTitle: string
  messageId: number
  /** Every message of the copy: an album's, then its button message. */
  messageIds: number[]
  sentAt: string
}

/**
 * The office and admins may correct or recall any broadcast; anyone else only
 * their own (a head's broadcast to their unit). A recalled one is closed.
 */
export function mayAmend(actor: AmendActor, broadcast: Broadcast): Result<Broadcast> {
  const own = broadcast.createdBy === actor.memberId && can(actor.role, 'broadcast-own-unit')
  if (!can(actor.role, 'broadcast') && !own)
    return err({ code: 'broadcast-not-own', broadcastId: broadcast.id })
  if (broadcast.recalledAt !== null)
    return err({ code: 'broadcast-recalled', broadcastId: broadcast.id })
  return ok(broadcast)
}

/** The broadcast if this actor may amend it; `unknown-broadcast` for a number that names none. */
export async function loadAmendable(
  db: Db,
  broadcastId: number,
  actor: AmendActor,
): Promise<Result<Broadcast>> {
  const row = await db
    .selectFrom('broadcast')
    .selectAll()
    .where('id', '=', broadcastId)
    .executeTakeFirst()
  if (row === undefined) return err({ code: 'unknown-broadcast', broadcastId })
  return mayAmend(actor, rowToBroadcast(row))
}

/** The copies of a broadcast delivered and not recalled, group by group. */
export async function standingCopies(db: Db, broadcastId: number): Promise<StandingCopy[]> {
  const rows = await db
    .selectFrom('delivery')
    .innerJoin('unit_chat', 'unit_chat.id', 'delivery.unit_chat_id')
    .select([
      'delivery.id',
      'delivery.chat_id',
      'unit_chat.title',
      'delivery.message_id',
      'delivery.message_ids',
      'delivery.sent_at',
    ])
    .where('delivery.broadcast_id', '=', broadcastId)
    .where('delivery.state', '=', 'sent')
    .where('delivery.recall_state', 'is', null)
    .where('delivery.message_id', 'is not', null)
    .orderBy('delivery.id')
    .execute()
  return rows.map((r) => {
    const parsed: unknown = JSON.parse(r.message_ids ?? '[]')
    const ids = Array.isArray(parsed)
      ? parsed.filter((v): v is number => typeof v === 'number')
      : []
    return {
      deliveryId: r.id,
      chatId: r.chat_id,
      chatTitle: r.title,
      messageId: r.message_id ?? 0,
      messageIds: ids.length > 0 ? ids : [r.message_id ?? 0],
      sentAt: r.sent_at ?? '',
    }
  })
}
