import type { Db } from '../../db/database.js'
import { writeAudit } from '../audit.js'
import { cancelOutbound, enqueueOutbound } from '../outbound/outbound.js'
import type { ApprovalMessages } from './approval-messages.js'

/** Leaders who can be asked in private: role `leader` and a private chat with Loa. */
export async function listLeaderContacts(
  db: Db,
): Promise<{ memberId: number; chatId: number; language: string | null; name: string }[]> {
  const rows = await db
    .selectFrom('member')
    .select(['id', 'private_chat_id', 'chosen_language', 'telegram_language', 'full_name'])
    .where('role', '=', 'leader')
    .where('private_chat_id', 'is not', null)
    .orderBy('id')
    .execute()
  return rows.map((r) => ({
    memberId: r.id,
    chatId: r.private_chat_id ?? 0,
    language: r.chosen_language ?? r.telegram_language,
    name: r.full_name,
  }))
}

/**
 * PRODUCT §10 "Chờ duyệt": each leader but the composer gets, in private, the
 * broadcast itself (copied) and under it the targets, time and deadline with
 * «Duyệt» / «Trả lại». Queued in the caller's transaction (the one that wrote
 * the broadcast), one row per leader keyed by (broadcast, leader). Returns how
 * many leaders were asked.
 */
export async function requestApproval(
  db: Db,
  input: { broadcastIds: number[]; at: string; actorTelegramId: number | null },
  messages: ApprovalMessages,
): Promise<number> {
  const firstId = input.broadcastIds[0]
  if (firstId === undefined) return 0
  const rows = await db
    .selectFrom('broadcast')
    .innerJoin('campaign', 'campaign.id', 'broadcast.campaign_id')
    .leftJoin('member', 'member.id', 'broadcast.created_by')
    .select([
      'broadcast.id',
      'broadcast.send_at',
      'broadcast.confirm_by',
      'broadcast.urgent',
      'broadcast.created_by',
      'broadcast.source_chat_id',
      'broadcast.source_message_ids',
      'campaign.code',
      'campaign.title',
      'member.full_name',
    ])
    .where('broadcast.id', 'in', input.broadcastIds)
    .orderBy('broadcast.send_at')
    .execute()
  const first = rows[0]
  if (first === undefined) return 0
  const units = await db
    .selectFrom('broadcast_target')
    .innerJoin('unit', 'unit.id', 'broadcast_target.unit_id')
    .select('unit.code')
    .where('broadcast_target.broadcast_id', '=', firstId)
    .orderBy('unit.code')
    .execute()
  // No self-approval: the composer is never asked.
  const leaders = (await listLeaderContacts(db)).filter((l) => l.memberId !== first.created_by)
  const messageIds = JSON.parse(first.source_message_ids) as number[]
  await enqueueOutbound(
    db,
    leaders.map((leader) => {
      const locale = messages.localeOf(leader.language)
      return {
        key: `approval-request:${firstId}:${leader.memberId}`,
        kind: 'approval-request',
        chatId: leader.chatId,
        payload: {
          ...messages.request(locale, {
            broadcastId: firstId,
            campaignCode: first.code,
            campaignTitle: first.title,
            sendAts: rows.map((r) => r.send_at),
            unitCodes: units.map((u) => u.code),
            confirmBy: first.confirm_by,
            senderName: first.full_name ?? '',
            urgent: first.urgent === 1,
          }),
          copy: { fromChatId: first.source_chat_id, messageIds },
        },
        notBefore: input.at,
      }
    }),
    input.at,
  )
  await writeAudit(db, {
    at: input.at,
    actorTelegramId: input.actorTelegramId,
    action: 'broadcast.approval-requested',
    subject: `broadcast:${firstId}`,
    details: { leaders: leaders.map((l) => l.memberId) },
  })
  return leaders.length
}

/**
 * Once a leader decided, the other leaders' requests are moot: one still
 * queued is withdrawn, one already shown is edited (through the queue, in the
 * transaction of the decision) to say who decided, its buttons removed. The
 * decider's own request is answered by the press itself.
 */
export async function closeApprovalRequests(
  db: Db,
  input: {
    /** The series' first broadcast, as the requests are keyed. */
    requestId: number
    deciderMemberId: number | null
    decision: 'approved' | 'rejected'
    reviewer: string
    at: string
  },
  messages: ApprovalMessages,
): Promise<void> {
  const leaders = (await listLeaderContacts(db)).filter((l) => l.memberId !== input.deciderMemberId)
  if (leaders.length === 0) return
  const keyOf = (memberId: number) => `approval-request:${input.requestId}:${memberId}`
  const rows = await db
    .selectFrom('outbound_message')
    .select(['key', 'state', 'chat_id', 'message_id', 'payload'])
    .where(
      'key',
      'in',
      leaders.map((l) => keyOf(l.memberId)),
    )
    .execute()
  await cancelOutbound(
    db,
    rows.filter((r) => r.state === 'pending').map((r) => r.key),
  )
  const shown = new Map(
    rows.filter((r) => r.state === 'sent' && r.message_id !== null).map((r) => [r.key, r]),
  )
  const edits = leaders.flatMap((leader) => {
    const row = shown.get(keyOf(leader.memberId))
    if (row?.message_id == null) return []
    const locale = messages.localeOf(leader.language)
    const request = JSON.parse(row.payload) as { html: string }
    const decided = messages.decided(locale, {
      kind: input.decision,
      broadcastId: input.requestId,
      reviewer: input.reviewer,
    })
    return [
      {
        key: `approval-closed:${input.requestId}:${leader.memberId}`,
        kind: 'approval-closed',
        chatId: row.chat_id,
        payload: { html: `${request.html}\n\n${decided}`, edit: { messageId: row.message_id } },
        notBefore: input.at,
      },
    ]
  })
  await enqueueOutbound(db, edits, input.at)
}
