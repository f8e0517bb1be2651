/**
 * A long plan pasted into a private chat arrives as several messages: Telegram cuts a paste at
 * 4,096 characters (issue 11, point 5). The parts are remembered as they arrive, so "/kehoach"
 * as a reply to the first part reads the whole plan. Kept in `pending_action` (kind
 * `plan-paste`, a day at most, pruned with the other expired previews): no new table.
 *
 * A part continues the one before when the same person sent it in the same chat within a few
 * seconds, and the one before was near Telegram's limit (a message that short was not cut).
 */
import { addHours } from 'date-fns'
import { z } from 'zod'
import type { Deps } from '../deps.js'

const KIND = 'plan-paste'
/** Telegram cuts at 4,096; clients cut at a line or word before it. */
export const NEAR_MESSAGE_LIMIT = 3_000
/** Parts of one paste arrive within a second or two of each other. */
const MAX_GAP_SECONDS = 5
const KEEP_HOURS = 24
/** A plan is at most a few dozen parts; more is not a paste. */
const MAX_PARTS = 40

const partSchema = z.object({
  chatId: z.number(),
  messageId: z.number(),
  /** Telegram's `date`, seconds. */
  sentAt: z.number(),
  text: z.string(),
})
type Part = z.infer<typeof partSchema>

export interface PastedMessage extends Part {
  readonly memberId: number
}

async function partsOf(deps: Deps, memberId: number, chatId: number): Promise<Part[]> {
  const rows = await deps.db
    .selectFrom('pending_action')
    .select('payload')
    .where('member_id', '=', memberId)
    .where('kind', '=', KIND)
    .where('expires_at', '>', deps.clock.now().toISOString())
    .execute()
  return rows
    .map((row) => partSchema.safeParse(JSON.parse(row.payload)))
    .flatMap((parsed) => (parsed.success ? [parsed.data] : []))
    .filter((part) => part.chatId === chatId)
    .sort((a, b) => a.messageId - b.messageId)
}

function continues(previous: Part, next: Part): boolean {
  return (
    next.messageId > previous.messageId &&
    next.sentAt - previous.sentAt <= MAX_GAP_SECONDS &&
    previous.text.length >= NEAR_MESSAGE_LIMIT
  )
}

/**
 * Remembers a private text message that may be part of a cut paste: one near the limit, or one
 * that follows such a part. Other messages are not stored.
 */
export async function rememberPastedText(deps: Deps, message: PastedMessage): Promise<void> {
  const part: Part = {
    chatId: message.chatId,
    messageId: message.messageId,
    sentAt: message.sentAt,
    text: message.text,
  }
  if (part.text.length < NEAR_MESSAGE_LIMIT) {
    const previous = (await partsOf(deps, message.memberId, message.chatId)).at(-1)
    if (previous === undefined || !continues(previous, part)) return
  }
  const now = deps.clock.now()
  await deps.db
    .insertInto('pending_action')
    .values({
      member_id: message.memberId,
      kind: KIND,
      payload: JSON.stringify(part),
      created_at: now.toISOString(),
      expires_at: addHours(now, KEEP_HOURS).toISOString(),
    })
    .execute()
}

/**
 * The whole paste that `first` belongs to (it may be any of its parts): the parts before it and
 * after it that continue one another, joined. Just `first.text` when it is no part of a paste.
 */
export async function pastedTextFrom(
  deps: Deps,
  first: {
    readonly memberId: number
    readonly chatId: number
    readonly messageId: number
    readonly text: string
  },
): Promise<{ text: string; parts: number }> {
  const parts = await partsOf(deps, first.memberId, first.chatId)
  let start = parts.findIndex((part) => part.messageId === first.messageId)
  if (start === -1) return { text: first.text, parts: 1 }
  // A reply to a later part reads the paste from its first part.
  while (start > 0 && continues(parts[start - 1] as Part, parts[start] as Part)) start -= 1
  const chain: Part[] = [parts[start] as Part]
  for (let i = start + 1; i < parts.length && chain.length < MAX_PARTS; i += 1) {
    const next = parts[i] as Part
    if (!continues(chain[chain.length - 1] as Part, next)) break
    chain.push(next)
  }
  // Telegram cuts at a line break or a space and trims both: after a sentence's end a new line,
  // inside a sentence a space.
  const text = chain
    .map((part) => part.text)
    .reduce((joined, part) => `${joined}${/[.;:!?]$/u.test(joined.trimEnd()) ? '\n' : ' '}${part}`)
  return { text, parts: chain.length }
}
