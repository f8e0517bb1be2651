import { z } from 'zod'
import { nowIso, type Deps } from '../deps.js'

/**
 * The two "answer in your next message" steps of the approval flow (issue 12):
 * a leader's reason after «Trả lại», a sender's new time after a late approval.
 * Each is a pending_action row, so a restart between the button and the answer
 * loses nothing.
 */
export const REJECT_REASON = 'approval-reason'
export const NEW_TIME = 'approval-new-time'
export const CONVERSATION_TTL_HOURS = 72

export const conversationPayload = z.object({ broadcastId: z.number().int().positive() })

/** The member's latest open conversation of these kinds, if any. */
export async function openConversation(
  deps: Deps,
  memberId: number,
): Promise<{ id: number; kind: string; broadcastId: number } | undefined> {
  const row = await deps.db
    .selectFrom('pending_action')
    .select(['id', 'kind', 'payload'])
    .where('member_id', '=', memberId)
    .where('kind', 'in', [REJECT_REASON, NEW_TIME])
    .where('expires_at', '>', nowIso(deps))
    .orderBy('id', 'desc')
    .executeTakeFirst()
  if (row === undefined) return undefined
  const parsed = conversationPayload.safeParse(JSON.parse(row.payload))
  return parsed.success
    ? { id: row.id, kind: row.kind, broadcastId: parsed.data.broadcastId }
    : undefined
}
