import type { InlineKeyboard } from 'grammy'
import type { LoaContext } from './context.js'

/**
 * Telegram refuses a message over 4,096 characters once entities are parsed.
 * The HTML source is never shorter than what Telegram counts, so measuring it
 * with a margin is safe without parsing.
 */
export const MAX_MESSAGE_CHARS = 4_000

/**
 * Packs blocks (paragraphs, list lines) into as few messages as fit, never
 * splitting a block, and cuts a single block that is too long by itself.
 * Pure: the order and the joins are the caller's.
 */
export function packMessages(
  blocks: readonly string[],
  separator = '\n',
  max = MAX_MESSAGE_CHARS,
): string[] {
  const out: string[] = []
  let current = ''
  for (const raw of blocks) {
    if (raw === '') continue
    const block = raw.length > max ? `${raw.slice(0, max - 1)}…` : raw
    if (current === '') current = block
    else if (current.length + separator.length + block.length <= max) current += separator + block
    else {
      out.push(current)
      current = block
    }
  }
  if (current !== '') out.push(current)
  return out
}

/** Replies with the blocks in as many HTML messages as needed; the keyboard goes under the last. */
export async function replyInParts(
  ctx: LoaContext,
  blocks: readonly string[],
  options: { separator?: string; keyboard?: InlineKeyboard } = {},
): Promise<void> {
  const parts = packMessages(blocks, options.separator ?? '\n')
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1
    await ctx.reply(part, {
      parse_mode: 'HTML',
      link_preview_options: { is_disabled: true },
      ...(last && options.keyboard !== undefined ? { reply_markup: options.keyboard } : {}),
    })
  }
}

/** The first `limit` items, and how many were left out. */
export function firstOf<T>(items: readonly T[], limit: number): { shown: T[]; hidden: number } {
  const shown = items.slice(0, limit)
  return { shown, hidden: items.length - shown.length }
}
