import type { MessageEntity } from 'grammy/types'

/**
 * The entities a Telegram client attaches to what a user types: `/commands` (optionally
 * `@botname`-addressed) and `@mentions`, `#hashtags`, links. Offsets and lengths are in
 * UTF-16 code units, which is what JavaScript string indices already are; emoji before a
 * command shift it by two, Vietnamese precomposed letters by one.
 */
export function detectEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = []
  const patterns: { type: 'bot_command' | 'mention' | 'hashtag' | 'url'; re: RegExp }[] = [
    // Telegram only takes ASCII letters, digits and _ as command characters: "/báo" → "/b".
    { type: 'bot_command', re: /(?<![\w/])\/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{3,32})?/g },
    { type: 'mention', re: /(?<![\w@/])@[A-Za-z0-9_]{5,32}/g },
    { type: 'hashtag', re: /(?<![\w#])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu },
    { type: 'url', re: /\bhttps?:\/\/[^\s]+[^\s.,;:!?)\]]/g },
  ]
  for (const { type, re } of patterns) {
    for (const match of text.matchAll(re)) {
      const offset = match.index
      const overlaps = entities.some(
        (e) => offset < e.offset + e.length && e.offset < offset + match[0].length,
      )
      if (!overlaps) entities.push({ type, offset, length: match[0].length })
    }
  }
  return entities.sort((a, b) => a.offset - b.offset)
}
