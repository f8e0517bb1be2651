import type { Db } from '../../db/database.js'
import { nowIso, type Deps } from '../deps.js'
import { escapeHtml, html } from '../html.js'
import { enqueueOutbound } from '../outbound/outbound.js'
import type { OutboundEffect } from '../outbound/outbound-queue.js'
import type { Translate } from '../ports.js'

/** Groups named in the final report; the rest are counted (a group title runs to 128 characters). */
const MAX_GROUPS_NAMED = 20

/** The idempotency key of one copy's deletion: `recall:<broadcast>:<delivery>`. */
export function recallDeleteKey(broadcastId: number, deliveryId: number): string {
  return `recall:${broadcastId}:${deliveryId}`
}

function parseRecallDeleteKey(key: string): { broadcastId: number; deliveryId: number } | null {
  const match = /^recall:(\d+):(\d+)$/.exec(key)
  return match === null ? null : { broadcastId: Number(match[1]), deliveryId: Number(match[2]) }
}

/**
 * The sender's word on one deletion of «Thu hồi»: the copy is `deleted` or
 * `refused` (Telegram's refusal, over 48 hours by then, or no rights). A retry
 * waits. Each update commits before the count that follows it, so whichever
 * deletion settles last sees none pending and queues the report; the report's
 * key makes two such sightings one message.
 */
export async function settleRecallDelete(
  deps: Deps,
  key: string,
  effect: OutboundEffect,
  translate: Translate | undefined,
): Promise<void> {
  const parsed = parseRecallDeleteKey(key)
  if (parsed === null || (effect.kind !== 'sent' && effect.kind !== 'failed')) return
  await deps.db
    .updateTable('delivery')
    .set({ recall_state: effect.kind === 'sent' ? 'deleted' : 'refused' })
    .where('id', '=', parsed.deliveryId)
    .where('recall_state', '=', 'pending')
    .execute()
  if (translate === undefined) {
    deps.logger.warn({ key }, 'no translator: the recall report is not sent')
    return
  }
  await queueRecallReportIfDone(deps.db, parsed.broadcastId, translate, nowIso(deps))
}

/**
 * Queues the final report of a recall to the person who recalled it, once no
 * deletion is pending: how many copies were deleted, and by name the groups
 * whose copy could not be (older than 48 hours, or refused by Telegram).
 */
export async function queueRecallReportIfDone(
  db: Db,
  broadcastId: number,
  translate: Translate,
  at: string,
): Promise<void> {
  const rows = await db
    .selectFrom('delivery')
    .innerJoin('unit_chat', 'unit_chat.id', 'delivery.unit_chat_id')
    .select(['delivery.recall_state', 'unit_chat.title'])
    .where('delivery.broadcast_id', '=', broadcastId)
    .where('delivery.recall_state', 'is not', null)
    .orderBy('unit_chat.title')
    .execute()
  if (rows.some((r) => r.recall_state === 'pending')) return
  const recipient = await db
    .selectFrom('broadcast')
    .innerJoin('member', 'member.id', 'broadcast.recalled_by')
    .select([
      'member.private_chat_id',
      'member.telegram_id',
      'member.chosen_language',
      'member.telegram_language',
    ])
    .where('broadcast.id', '=', broadcastId)
    .executeTakeFirst()
  // They confirmed the recall in their private chat with Loa, whose id is theirs, even before /start.
  const chatId = recipient?.private_chat_id ?? recipient?.telegram_id
  if (recipient === undefined || chatId == null) return
  const locale = recipient.chosen_language ?? recipient.telegram_language ?? ''
  const unreachable = rows.filter((r) => r.recall_state !== 'deleted').map((r) => r.title)
  const named = unreachable.slice(0, MAX_GROUPS_NAMED).map(escapeHtml).join(', ')
  const hidden = unreachable.length - MAX_GROUPS_NAMED
  const parts = [
    translate(locale, 'recall-report', {
      id: broadcastId,
      deleted: rows.length - unreachable.length,
    }),
  ]
  if (unreachable.length > 0)
    parts.push(
      translate(locale, 'recall-report-unreachable', {
        count: unreachable.length,
        groups: html(
          named + (hidden > 0 ? translate(locale, 'recall-report-more', { count: hidden }) : ''),
        ),
      }),
    )
  await enqueueOutbound(
    db,
    [
      {
        key: `recall-report:${broadcastId}`,
        kind: 'recall-report',
        chatId,
        payload: { html: parts.join('\n\n') },
        notBefore: at,
      },
    ],
    at,
  )
}
