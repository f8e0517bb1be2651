import type { MessageEntity } from 'grammy/types'
import { badRequest } from './errors.js'

export interface FormattedText {
  text: string
  entities: MessageEntity[]
}

/**
 * Turns what the bot sent (text + parse_mode or explicit entities) into what Telegram
 * stores: plain text with UTF-16 entities. Like Telegram, leading and trailing whitespace
 * is trimmed, and markup errors are refused with "can't parse entities".
 */
export function formatText(
  raw: string,
  parseMode: string | undefined,
  explicit: unknown,
): FormattedText {
  let parsed: FormattedText
  const mode = parseMode?.toLowerCase()
  if (mode === 'html') parsed = parseHtml(raw)
  else if (mode === 'markdownv2') parsed = parseMarkdownV2(raw)
  else if (mode === 'markdown') parsed = parseLegacyMarkdown(raw)
  else if (mode === undefined || mode === '') {
    parsed = { text: raw, entities: Array.isArray(explicit) ? (explicit as MessageEntity[]) : [] }
  } else throw badRequest(`unsupported parse_mode`)
  return trim(parsed)
}

function cantParse(what: string): Error {
  return badRequest(`can't parse entities: ${what}`)
}

function byteOffset(source: string, index: number): number {
  return Buffer.byteLength(source.slice(0, index), 'utf8')
}

function trim({ text, entities }: FormattedText): FormattedText {
  const start = text.length - text.trimStart().length
  const trimmed = text.trim()
  const out: MessageEntity[] = []
  for (const e of entities) {
    const from = Math.max(e.offset - start, 0)
    const to = Math.min(e.offset + e.length - start, trimmed.length)
    if (to > from) out.push({ ...e, offset: from, length: to - from })
  }
  return { text: trimmed, entities: out.sort((a, b) => a.offset - b.offset || b.length - a.length) }
}

/** An entity before its extent is known. */
interface EntityShape {
  type: MessageEntity['type']
  url?: string
  user?: { id: number; is_bot: false; first_name: string }
  language?: string
  custom_emoji_id?: string
}

interface Open {
  tag: string
  offset: number
  entity: EntityShape | undefined
}

const HTML_TAGS: Record<string, MessageEntity['type']> = {
  b: 'bold',
  strong: 'bold',
  i: 'italic',
  em: 'italic',
  u: 'underline',
  ins: 'underline',
  s: 'strikethrough',
  strike: 'strikethrough',
  del: 'strikethrough',
  'tg-spoiler': 'spoiler',
  span: 'spoiler',
  a: 'text_link',
  code: 'code',
  pre: 'pre',
  blockquote: 'blockquote',
  'tg-emoji': 'custom_emoji',
}

function decodeHtmlEntity(
  source: string,
  index: number,
): { char: string; end: number } | undefined {
  const match = /^&(lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});/i.exec(
    source.slice(index, index + 12),
  )
  if (match === null) return undefined
  const name = (match[1] ?? '').toLowerCase()
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' }
  const char =
    named[name] ??
    String.fromCodePoint(
      name.startsWith('#x') ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10),
    )
  return { char, end: index + match[0].length }
}

function parseHtml(source: string): FormattedText {
  let text = ''
  const entities: MessageEntity[] = []
  const stack: Open[] = []
  let i = 0
  while (i < source.length) {
    const ch = source[i] ?? ''
    if (ch === '&') {
      const decoded = decodeHtmlEntity(source, i)
      if (decoded !== undefined) {
        text += decoded.char
        i = decoded.end
        continue
      }
      text += ch
      i += 1
      continue
    }
    if (ch !== '<') {
      text += ch
      i += 1
      continue
    }
    const close = source.indexOf('>', i)
    if (close === -1) throw cantParse(`Unclosed start tag at byte offset ${byteOffset(source, i)}`)
    const inner = source.slice(i + 1, close)
    if (inner.startsWith('/')) {
      const name = inner.slice(1).trim().toLowerCase()
      const open = stack.pop()
      if (open === undefined)
        throw cantParse(`Unexpected end tag at byte offset ${byteOffset(source, i)}`)
      if (open.tag !== name) {
        throw cantParse(
          `Unmatched end tag at byte offset ${byteOffset(source, i)}, expected "</${open.tag}>", found "</${name}>"`,
        )
      }
      if (open.entity !== undefined && text.length > open.offset) {
        entities.push({
          ...open.entity,
          offset: open.offset,
          length: text.length - open.offset,
        } as MessageEntity)
      }
    } else {
      const name = (/^[a-z-]+/i.exec(inner)?.[0] ?? '').toLowerCase()
      const type = HTML_TAGS[name]
      if (type === undefined) {
        throw cantParse(`Unsupported start tag "${name}" at byte offset ${byteOffset(source, i)}`)
      }
      const attrs = inner.slice(name.length)
      stack.push({ tag: name, offset: text.length, entity: htmlEntity(name, type, attrs, stack) })
    }
    i = close + 1
  }
  const unclosed = stack.pop()
  if (unclosed !== undefined) {
    throw cantParse(`Can't find end tag corresponding to start tag "${unclosed.tag}"`)
  }
  return { text, entities }
}

function htmlEntity(
  name: string,
  type: MessageEntity['type'],
  attrs: string,
  stack: Open[],
): Open['entity'] {
  const attr = (key: string): string | undefined =>
    new RegExp(`${key}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s]+))`, 'i')
      .exec(attrs)
      ?.slice(1)
      .find((v) => v !== undefined)
  if (name === 'span') return attr('class') === 'tg-spoiler' ? { type: 'spoiler' } : undefined
  if (name === 'a') {
    const href = attr('href') ?? ''
    const userId = /^tg:\/\/user\?id=(\d+)$/.exec(href)?.[1]
    if (userId !== undefined) {
      return { type: 'text_mention', user: { id: Number(userId), is_bot: false, first_name: '' } }
    }
    return href === '' ? undefined : { type: 'text_link', url: href }
  }
  if (name === 'code') {
    // <pre><code class="language-x"> marks the pre block's language instead of a code entity.
    const parent = stack[stack.length - 1]
    const language = /^language-(.+)$/.exec(attr('class') ?? '')?.[1]
    if (parent?.tag === 'pre' && parent.entity !== undefined) {
      if (language !== undefined) parent.entity = { type: 'pre', language }
      return undefined
    }
    return { type: 'code' }
  }
  if (name === 'blockquote') {
    return /\bexpandable\b/i.test(attrs)
      ? { type: 'expandable_blockquote' }
      : { type: 'blockquote' }
  }
  if (name === 'tg-emoji') return { type: 'custom_emoji', custom_emoji_id: attr('emoji-id') ?? '' }
  return { type }
}

const MARKDOWN_V2_RESERVED = new Set('_*[]()~`>#+-=|{}.!'.split(''))

/** MarkdownV2 as Telegram reads it, including its famous "must be escaped" refusal. */
function parseMarkdownV2(source: string): FormattedText {
  let text = ''
  const entities: MessageEntity[] = []
  const open = new Map<string, number>()
  const names: Record<string, string> = {
    '*': 'Bold',
    _: 'Italic',
    __: 'Underline',
    '~': 'Strikethrough',
    '||': 'Spoiler',
  }
  const types: Record<string, MessageEntity['type']> = {
    '*': 'bold',
    _: 'italic',
    __: 'underline',
    '~': 'strikethrough',
    '||': 'spoiler',
  }
  const links: number[] = []
  let quoteStart: number | undefined
  let i = 0
  const toggle = (marker: string): void => {
    const start = open.get(marker)
    if (start === undefined) {
      open.set(marker, text.length)
      return
    }
    open.delete(marker)
    if (text.length > start)
      entities.push({
        type: types[marker],
        offset: start,
        length: text.length - start,
      } as MessageEntity)
  }
  while (i < source.length) {
    const ch = source[i] ?? ''
    const atLineStart = i === 0 || source[i - 1] === '\n'
    if (atLineStart && quoteStart !== undefined && ch !== '>') {
      entities.push({
        type: 'blockquote',
        offset: quoteStart,
        length: text.replace(/\n$/, '').length - quoteStart,
      })
      quoteStart = undefined
    }
    if (ch === '\\') {
      const next = source[i + 1]
      if (next === undefined)
        throw cantParse(
          `Can't find end of the entity starting at byte offset ${byteOffset(source, i)}`,
        )
      text += next
      i += 2
      continue
    }
    if (ch === '>' && atLineStart) {
      quoteStart ??= text.length
      i += 1
      continue
    }
    if (ch === '`') {
      const fence = source.startsWith('```', i)
      const marker = fence ? '```' : '`'
      const end = findUnescaped(source, marker, i + marker.length)
      if (end === -1) {
        throw cantParse(
          `Can't find end of ${fence ? 'Pre' : 'Code'} entity at byte offset ${byteOffset(source, i)}`,
        )
      }
      let body = source.slice(i + marker.length, end)
      let language: string | undefined
      if (fence) {
        const newline = body.indexOf('\n')
        if (newline !== -1 && /^[\w+-]+$/.test(body.slice(0, newline))) {
          language = body.slice(0, newline)
          body = body.slice(newline + 1)
        } else if (body.startsWith('\n')) body = body.slice(1)
      }
      const plain = body.replace(/\\([\\`])/g, '$1')
      entities.push(
        fence
          ? {
              type: 'pre',
              offset: text.length,
              length: plain.length,
              ...(language === undefined ? {} : { language }),
            }
          : { type: 'code', offset: text.length, length: plain.length },
      )
      text += plain
      i = end + marker.length
      continue
    }
    if (ch === '[') {
      links.push(text.length)
      i += 1
      continue
    }
    if (ch === ']' && links.length > 0) {
      const start = links.pop() ?? 0
      if (source[i + 1] !== '(')
        throw cantParse(`Can't find end of a URL at byte offset ${byteOffset(source, i)}`)
      const end = findUnescaped(source, ')', i + 2)
      if (end === -1)
        throw cantParse(`Can't find end of a URL at byte offset ${byteOffset(source, i)}`)
      const url = source.slice(i + 2, end).replace(/\\([\\)])/g, '$1')
      entities.push({ type: 'text_link', offset: start, length: text.length - start, url })
      i = end + 1
      continue
    }
    const two = source.slice(i, i + 2)
    if (two === '__' || two === '||') {
      toggle(two)
      i += 2
      continue
    }
    if (ch === '*' || ch === '_' || ch === '~') {
      toggle(ch)
      i += 1
      continue
    }
    if (MARKDOWN_V2_RESERVED.has(ch)) {
      throw cantParse(`Character '${ch}' is reserved and must be escaped with the preceding '\\'`)
    }
    text += ch
    i += 1
  }
  if (quoteStart !== undefined)
    entities.push({ type: 'blockquote', offset: quoteStart, length: text.length - quoteStart })
  const [unclosed] = open.keys()
  if (unclosed !== undefined)
    throw cantParse(`Can't find end of ${names[unclosed] ?? 'the'} entity`)
  if (links.length > 0) throw cantParse(`Can't find end of a URL`)
  return { text, entities }
}

function findUnescaped(source: string, marker: string, from: number): number {
  for (let i = from; i < source.length; i += 1) {
    if (source[i] === '\\') {
      i += 1
      continue
    }
    if (source.startsWith(marker, i)) return i
  }
  return -1
}

/** Legacy Markdown: *bold*, _italic_, `code`, ```pre```, [text](url); no escaping rules. */
function parseLegacyMarkdown(source: string): FormattedText {
  let text = ''
  const entities: MessageEntity[] = []
  let i = 0
  const types: Record<string, MessageEntity['type']> = { '*': 'bold', _: 'italic', '`': 'code' }
  while (i < source.length) {
    const ch = source[i] ?? ''
    if (source.startsWith('```', i)) {
      const end = source.indexOf('```', i + 3)
      if (end === -1)
        throw cantParse(
          `Can't find end of the entity starting at byte offset ${byteOffset(source, i)}`,
        )
      const body = source.slice(i + 3, end)
      entities.push({ type: 'pre', offset: text.length, length: body.length })
      text += body
      i = end + 3
      continue
    }
    const type = types[ch]
    if (type !== undefined) {
      const end = source.indexOf(ch, i + 1)
      if (end === -1)
        throw cantParse(
          `Can't find end of the entity starting at byte offset ${byteOffset(source, i)}`,
        )
      const body = source.slice(i + 1, end)
      entities.push({ type, offset: text.length, length: body.length } as MessageEntity)
      text += body
      i = end + 1
      continue
    }
    const link = /^\[([^\]]*)\]\(([^)]*)\)/.exec(source.slice(i))
    if (link !== null) {
      const label = link[1] ?? ''
      entities.push({
        type: 'text_link',
        offset: text.length,
        length: label.length,
        url: link[2] ?? '',
      })
      text += label
      i += link[0].length
      continue
    }
    text += ch
    i += 1
  }
  return { text, entities: entities.filter((e) => e.length > 0) }
}
