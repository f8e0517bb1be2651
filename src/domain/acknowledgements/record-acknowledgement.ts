import type { ExpressionBuilder } from 'kysely'
import type { Db } from '../../db/database.js'
import { prepared } from '../../db/prepared.js'
import { withdrawPrivateReminders } from '../reminders/withdraw-reminders.js'
import type { AcknowledgementSource, Database } from '../../db/schema.js'
import { countAcknowledgement } from '../broadcasts/keyboard-refresh.js'
import { nowIso, type Deps } from '../deps.js'
import { transactionOfUpdate, type UpdateTicket } from '../updates/inbox.js'
import { err, ok, type Result } from '../errors.js'

export interface AcknowledgementInput {
  /** Where it happened: the group of the tap, reaction or reply. */
  chatId: number
  /** The message tapped, reacted to or replied to. */
  messageId: number
  /** From the button's callback data; absent for reactions and replies. */
  broadcastId?: number
  telegramUserId?: number
  /**
   * A member row the caller has just read (the edge's ctx.member): taken as
   * it is, without reading it again (members are never deleted, and the
   * acknowledgement's foreign key stands guard).
   */
  memberId?: number
  source: AcknowledgementSource
  /** Pressed in the member's private chat (a reminder's button), not under a group copy. */
  inPrivate?: boolean
}

export interface AcknowledgementRecorded {
  /** False when this member had acknowledged this broadcast already (any source). */
  created: boolean
  broadcastId: number
  deliveryId: number
  /** The source that counts: the first one. */
  source: AcknowledgementSource
  /** Acknowledgements on this copy (the number on its button). */
  count: number
}

interface DeliveryRef {
  id: number
  broadcast_id: number
  acknowledged: number
  /** Issue 12: set when the copy, or its whole broadcast, was recalled. */
  recall_state: string | null
  recalled_at: string | null
}

/** The broadcast's recall, read in the statement that finds the copy: a tap costs no more. */
function broadcastRecalledAt(eb: ExpressionBuilder<Database, 'delivery'>) {
  return eb
    .selectFrom('broadcast')
    .select('broadcast.recalled_at')
    .whereRef('broadcast.id', '=', 'delivery.broadcast_id')
    .as('recalled_at')
}

/**
 * "Đã đọc" by button, reaction or reply (PRODUCT §2, §3, §10): one per member
 * per broadcast, the first source and time kept; a repeat is counted once
 * (`created: false`), also when Telegram delivers the same update twice.
 * Removing a reaction undoes nothing: the member has seen the message, and the
 * product says so — so there is no "unacknowledge".
 *
 * Refusals, each changing nothing: a button whose broadcast differs from the
 * message it sits on (`stale-button`: forged or mangled data); a button of a
 * broadcast that was never delivered in this chat (`wrong-chat-button`, e.g. a
 * forwarded copy); a reaction or reply to a message that is not a broadcast
 * (`not-a-broadcast`, which the edge ignores silently).
 *
 * With the update's ticket, the same transaction marks the update handled
 * (one commit per tap; a refusal marks it too, changing nothing else).
 */
export async function recordAcknowledgement(
  deps: Deps,
  input: AcknowledgementInput,
  update?: UpdateTicket,
): Promise<Result<AcknowledgementRecorded>> {
  const at = nowIso(deps)
  return transactionOfUpdate(
    deps,
    update,
    async (trx): Promise<Result<AcknowledgementRecorded>> => {
      const member = await findMember(trx, input)
      if (member === undefined) {
        return err({
          code: 'unknown-member',
          reference: String(input.telegramUserId ?? input.memberId ?? ''),
        })
      }
      let delivery = await findDeliveryByMessage(trx, input.chatId, input.messageId)
      if (input.broadcastId !== undefined) {
        if (delivery !== undefined && delivery.broadcast_id !== input.broadcastId)
          return err({ code: 'stale-button' })
        if (delivery === undefined) {
          const broadcast = await trx
            .selectFrom('broadcast')
            .select('id')
            .where('id', '=', input.broadcastId)
            .executeTakeFirst()
          if (broadcast === undefined) return err({ code: 'stale-button' })
          // The copy's message id was not recorded (a send repeated after a crash): the chat's delivery stands for it.
          delivery = await trx
            .selectFrom('delivery')
            .select((eb) => [
              'id',
              'broadcast_id',
              'acknowledged',
              'recall_state',
              broadcastRecalledAt(eb),
            ])
            .where('broadcast_id', '=', input.broadcastId)
            .where('chat_id', '=', input.chatId)
            .where('state', '=', 'sent')
            .executeTakeFirst()
          // A private reminder's button (issue 10): it counts for a member of a target unit only.
          if (delivery === undefined && input.inPrivate === true)
            delivery = await deliveryOfOwnUnit(trx, member.id, input.broadcastId)
          if (delivery === undefined) return err({ code: 'wrong-chat-button' })
        }
      } else if (delivery === undefined) {
        return err({ code: 'not-a-broadcast' })
      }
      // Issue 12: a recalled copy counts nothing (one over 48 hours is still in its group,
      // and one in flight at the recall lands after it).
      if (delivery.recall_state !== null || delivery.recalled_at !== null)
        return err({ code: 'broadcast-recalled', broadcastId: delivery.broadcast_id })
      const inserted = await insertAcknowledgement(trx, {
        broadcastId: delivery.broadcast_id,
        memberId: member.id,
        deliveryId: delivery.id,
        source: input.source,
        at,
      })
      const created = Number(inserted.numAffectedRows ?? 0) > 0
      let source = input.source
      let count = delivery.acknowledged
      if (created) {
        await withdrawPrivateReminders(trx, delivery.broadcast_id, member.id)
        // The copy's counter and keyboard version, in this transaction: no counting. Last,
        // just before the commit: on PostgreSQL its row lock makes every other tap on the
        // same copy wait, so it is held over one round trip (the commit), not two.
        count = await countAcknowledgement(trx, delivery.id)
      } else {
        const existing = await firstSource(trx, {
          broadcastId: delivery.broadcast_id,
          memberId: member.id,
        })
        const first = existing.rows[0]
        if (first === undefined) throw new Error('acknowledgement not inserted and not found')
        source = first.source
      }
      return ok({
        created,
        broadcastId: delivery.broadcast_id,
        deliveryId: delivery.id,
        source,
        count,
      })
    },
  )
}

async function findMember(
  db: Db,
  input: { telegramUserId?: number; memberId?: number },
): Promise<{ id: number } | undefined> {
  if (input.memberId !== undefined) return { id: input.memberId }
  if (input.telegramUserId !== undefined) {
    return db
      .selectFrom('member')
      .select('id')
      .where('telegram_id', '=', input.telegramUserId)
      .executeTakeFirst()
  }
  return undefined
}

/*
 * The tap's own statements, compiled once (src/db/prepared.ts): a burst runs
 * each of them thousands of times a minute.
 */
const insertAcknowledgement = prepared(
  (
    db,
    p: {
      broadcastId: number
      memberId: number
      deliveryId: number
      source: AcknowledgementSource
      at: string
    },
  ) =>
    db
      .insertInto('acknowledgement')
      .values({
        broadcast_id: p.broadcastId,
        member_id: p.memberId,
        delivery_id: p.deliveryId,
        source: p.source,
        created_at: p.at,
      })
      .onConflict((oc) => oc.columns(['broadcast_id', 'member_id']).doNothing()),
)

const firstSource = prepared((db, p: { broadcastId: number; memberId: number }) =>
  db
    .selectFrom('acknowledgement')
    .select('source')
    .where('broadcast_id', '=', p.broadcastId)
    .where('member_id', '=', p.memberId),
)

const deliveryOfMessage = prepared((db, p: { chatId: number; messageId: number }) =>
  db
    .selectFrom('delivery')
    .select((eb) => ['id', 'broadcast_id', 'acknowledged', 'recall_state', broadcastRecalledAt(eb)])
    .where('chat_id', '=', p.chatId)
    .where('message_id', '=', p.messageId),
)

/**
 * The delivered copy a message belongs to. The button message is `message_id`;
 * for an album, a reaction may land on any of its parts, listed in delivery_message.
 */
async function findDeliveryByMessage(
  db: Db,
  chatId: number,
  messageId: number,
): Promise<DeliveryRef | undefined> {
  const exact = (await deliveryOfMessage(db, { chatId, messageId })).rows[0]
  if (exact !== undefined) return exact
  // Any other part of a copy (an album's photos): one indexed lookup (migration 0007).
  return db
    .selectFrom('delivery_message')
    .innerJoin('delivery', 'delivery.id', 'delivery_message.delivery_id')
    .innerJoin('broadcast', 'broadcast.id', 'delivery.broadcast_id')
    .select([
      'delivery.id',
      'delivery.broadcast_id',
      'delivery.acknowledged',
      'delivery.recall_state',
      'broadcast.recalled_at',
    ])
    .where('delivery_message.chat_id', '=', chatId)
    .where('delivery_message.message_id', '=', messageId)
    .executeTakeFirst()
}

/** The copy delivered to the member's own unit, when that unit is one of the broadcast's targets. */
async function deliveryOfOwnUnit(
  db: Db,
  memberId: number,
  broadcastId: number,
): Promise<DeliveryRef | undefined> {
  return db
    .selectFrom('delivery')
    .innerJoin('member', 'member.unit_id', 'delivery.unit_id')
    .innerJoin('broadcast_target', (join) =>
      join
        .onRef('broadcast_target.broadcast_id', '=', 'delivery.broadcast_id')
        .onRef('broadcast_target.unit_id', '=', 'delivery.unit_id'),
    )
    .select((eb) => [
      'delivery.id',
      'delivery.broadcast_id',
      'delivery.acknowledged',
      'delivery.recall_state',
      eb
        .selectFrom('broadcast')
        .select('broadcast.recalled_at')
        .whereRef('broadcast.id', '=', 'delivery.broadcast_id')
        .as('recalled_at'),
    ])
    .where('member.id', '=', memberId)
    .where('delivery.broadcast_id', '=', broadcastId)
    .where('delivery.state', '=', 'sent')
    .orderBy('delivery.id')
    .executeTakeFirst()
}
