import type { Db } from '../../db/database.js'
import type { OutboundItem } from '../outbound/outbound.js'
import type { InlineButton } from '../ports.js'
import { listActiveChatsOfUnits } from '../units/unit-repository.js'
import type { Reachable } from './reminder-audience.js'
import type { ReminderRenderer } from './reminder-renderer.js'
import { mention } from './reminder-format.js'

export interface NudgeInput {
  unitId: number
  broadcastId: number
  /** The unit's pending members, computed by the caller. */
  pending: readonly Reachable[]
  keyPrefix: string
  notBefore: string
  /** The public list's first line for names whose nudge Telegram refuses, in the group's locale. */
  groupHeader: string
  text: (locale: string) => string
  buttons: (locale: string) => InlineButton[][]
  groupButtons: InlineButton[][]
}

export interface Nudges {
  items: OutboundItem[]
  /** Members nudged: the groups where Loa is an administrator do not name them. */
  nudged: Set<number>
}

/**
 * Issue 12, personal nudges: a pending member who never started Loa in
 * private (so cannot be reminded there) but whose Telegram id is known gets
 * the reminder as an ephemeral message, seen only by them, in one group of
 * the unit where Loa is an administrator (Telegram allows ephemeral messages
 * only there): one they are known to be in, else the first. Each nudge
 * carries its fallback, the public mention the sender queues where Telegram
 * refuses (src/domain/outbound/nudge-fallback.ts). Reads only.
 */
export async function nudgeItems(
  db: Db,
  renderer: ReminderRenderer,
  input: NudgeInput,
): Promise<Nudges> {
  const out: Nudges = { items: [], nudged: new Set() }
  const candidates = input.pending.filter((p) => p.privateChatId === null && p.telegramId !== null)
  if (candidates.length === 0) return out
  const adminChats = (await listActiveChatsOfUnits(db, [input.unitId])).filter((c) => c.botIsAdmin)
  const first = adminChats[0]
  if (first === undefined) return out
  const present = await db
    .selectFrom('chat_membership')
    .select(['member_id', 'chat_id'])
    .where(
      'member_id',
      'in',
      candidates.map((p) => p.memberId),
    )
    .where(
      'chat_id',
      'in',
      adminChats.map((c) => c.chatId),
    )
    .where('status', '=', 'present')
    .execute()
  for (const person of candidates) {
    const seenIn = present.find((row) => row.member_id === person.memberId)
    const chat = adminChats.find((c) => c.chatId === seenIn?.chat_id) ?? first
    const locale = renderer.localeOf(person.language)
    out.items.push({
      key: `${input.keyPrefix}:e${person.memberId}:0`,
      kind: 'nudge',
      chatId: chat.chatId,
      threadId: chat.threadId,
      payload: {
        html: input.text(locale),
        buttons: input.buttons(locale),
        ephemeral: {
          receiverUserId: person.telegramId ?? 0,
          fallback: {
            key: `${input.keyPrefix}:g${chat.chatId}:fb`,
            header: input.groupHeader,
            line: mention(person),
            buttons: input.groupButtons,
            broadcastId: input.broadcastId,
            memberId: person.memberId,
          },
        },
      },
      notBefore: input.notBefore,
    })
    out.nudged.add(person.memberId)
  }
  return out
}
