import { quietHoursAt } from '../calendar/quiet-hours.js'
import { nowIso, type Deps } from '../deps.js'
import { enqueueOutbound } from '../outbound/outbound.js'
import type { Translate } from '../ports.js'
import { officeContacts } from '../units/members.js'
import { classifyReply, type ReplyMeaning } from './classify-reply.js'
import { recordAcknowledgement } from './record-acknowledgement.js'

export interface BroadcastReply {
  /** The group, and the delivered copy that was replied to. */
  chatId: number
  repliedToMessageId: number
  /** The reply itself: its id makes the forwarding idempotent. */
  replyMessageId: number
  memberId: number
  text: string
}

/** A question is passed on at most this long; the sender can read the rest in the group. */
const QUESTION_LIMIT = 1000

/**
 * A text reply to a delivered broadcast (PRODUCT §10, issue 11 point 1): an
 * acknowledgement phrase or emoji counts like a reaction; a question does not
 * count, and is queued once (keyed by the reply's message id) to the
 * broadcast's sender in private, or to the office when the sender has not
 * started Loa, so it is not lost. In quiet hours it waits for 07:00 (§4).
 * Anything else is talk and changes nothing.
 */
export async function handleBroadcastReply(
  deps: Deps,
  reply: BroadcastReply,
  translate: Translate,
): Promise<{ meaning: ReplyMeaning; acknowledged: boolean; forwarded: number }> {
  const meaning = classifyReply(reply.text)
  if (meaning === 'acknowledgement') {
    const recorded = await recordAcknowledgement(deps, {
      chatId: reply.chatId,
      messageId: reply.repliedToMessageId,
      memberId: reply.memberId,
      source: 'reply',
    })
    return { meaning, acknowledged: recorded.ok && recorded.value.created, forwarded: 0 }
  }
  if (meaning !== 'question') return { meaning, acknowledged: false, forwarded: 0 }
  const forwarded = await deps.db.transaction().execute(async (trx) => {
    const tx = { ...deps, db: trx }
    const delivery = await trx
      .selectFrom('delivery')
      .innerJoin('broadcast', 'broadcast.id', 'delivery.broadcast_id')
      .innerJoin('campaign', 'campaign.id', 'broadcast.campaign_id')
      .innerJoin('unit', 'unit.id', 'delivery.unit_id')
      .select([
        'broadcast.id as broadcastId',
        'broadcast.created_by as createdBy',
        'campaign.code as campaignCode',
        'unit.name as unitName',
      ])
      .where('delivery.chat_id', '=', reply.chatId)
      .where('delivery.message_id', '=', reply.repliedToMessageId)
      .executeTakeFirst()
    if (delivery === undefined) return 0
    const asker = await trx
      .selectFrom('member')
      .leftJoin('unit', 'unit.id', 'member.unit_id')
      .select(['member.full_name as name', 'unit.name as unitName'])
      .where('member.id', '=', reply.memberId)
      .executeTakeFirst()
    const sender =
      delivery.createdBy === null
        ? undefined
        : await trx
            .selectFrom('member')
            .select(['private_chat_id', 'chosen_language', 'telegram_language'])
            .where('id', '=', delivery.createdBy)
            .where('private_chat_id', 'is not', null)
            .executeTakeFirst()
    const recipients =
      sender?.private_chat_id != null
        ? [
            {
              chatId: sender.private_chat_id,
              language: sender.chosen_language ?? sender.telegram_language,
            },
          ]
        : await officeContacts(tx)
    const at = nowIso(deps)
    const quiet = quietHoursAt(deps.clock.now(), deps.config.timezone)
    const notBefore = quiet.quiet ? quiet.nextMorning.toISOString() : at
    const question = reply.text.trim()
    const text =
      question.length > QUESTION_LIMIT ? `${question.slice(0, QUESTION_LIMIT)}…` : question
    return enqueueOutbound(
      trx,
      recipients.map((recipient) => ({
        key: `broadcast-question:${reply.chatId}:${reply.replyMessageId}:${recipient.chatId}`,
        kind: 'broadcast-question',
        chatId: recipient.chatId,
        payload: {
          html: translate(
            recipient.language ?? deps.config.defaultLocale,
            'ack-question-forwarded',
            {
              name: asker?.name ?? '—',
              unit: asker?.unitName ?? delivery.unitName,
              id: delivery.broadcastId,
              code: delivery.campaignCode,
              text: text,
            },
          ),
        },
        notBefore,
      })),
      at,
    )
  })
  return { meaning, acknowledged: false, forwarded }
}
