import type { InlineKeyboardButton, Message } from 'grammy/types'
import { badRequest } from './errors.js'
import { formatText } from './formatting.js'
import { isRecord, optBool, optInt, optObject, optStr, type Params } from './params.js'
import type { ReplyMarkup } from './types.js'
import type { ChatRecord, StoredMessage, World } from './world.js'

/** Reads parameters shared by the sending methods, with Telegram's refusals. */

export function chatIdParam(params: Params): number {
  const raw = params['chat_id']
  if (raw === undefined || raw === null || raw === '') throw badRequest('chat_id is empty')
  // @channelusername addressing is not modelled: nothing in Loa uses it.
  if (typeof raw === 'string' && raw.startsWith('@')) throw badRequest('chat not found')
  const id = optInt(params, 'chat_id')
  if (id === undefined) throw badRequest('chat_id is empty')
  return id
}

export function textParam(params: Params): Pick<Message, 'text' | 'entities'> {
  const raw = optStr(params, 'text') ?? ''
  const { text, entities } = formatText(
    raw,
    optStr(params, 'parse_mode'),
    optObject(params, 'entities'),
  )
  if (text.length === 0) throw badRequest('message text is empty')
  if (text.length > 4096) throw badRequest('message is too long')
  return entities.length === 0 ? { text } : { text, entities }
}

/** Caption fields, or {} when no caption; `undefined` when the parameter was absent. */
export function captionParam(
  params: Params,
  key = 'caption',
): Pick<Message, 'caption' | 'caption_entities'> | undefined {
  const raw = optStr(params, key)
  if (raw === undefined) return undefined
  const { text, entities } = formatText(
    raw,
    optStr(params, 'parse_mode'),
    optObject(params, 'caption_entities'),
  )
  if (text.length > 1024) throw badRequest('message caption is too long')
  if (text.length === 0) return {}
  return entities.length === 0 ? { caption: text } : { caption: text, caption_entities: entities }
}

export function threadParam(params: Params): { threadId?: number } {
  const threadId = optInt(params, 'message_thread_id')
  return threadId === undefined ? {} : { threadId }
}

/** reply_parameters (or the legacy reply_to_message_id) resolved in the target chat. */
export function replyParam(
  world: World,
  record: ChatRecord,
  params: Params,
): { replyTo?: StoredMessage } {
  const rp = optObject(params, 'reply_parameters')
  let messageId: number | undefined
  let allowWithout = optBool(params, 'allow_sending_without_reply') ?? false
  let otherChat = false
  if (isRecord(rp)) {
    messageId = optInt(rp, 'message_id')
    allowWithout = optBool(rp, 'allow_sending_without_reply') ?? allowWithout
    const chatId = optInt(rp, 'chat_id')
    otherChat = chatId !== undefined && chatId !== record.id
  } else {
    messageId = optInt(params, 'reply_to_message_id')
  }
  if (messageId === undefined || otherChat) return {}
  const replyTo = world.message(record.id, messageId)
  if (replyTo !== undefined) return { replyTo }
  if (allowWithout) return {}
  throw badRequest('message to be replied not found')
}

/** reply_markup, validated as Telegram does (callback_data is 1-64 bytes). */
export function markupParam(params: Params): ReplyMarkup | undefined {
  const markup = optObject(params, 'reply_markup')
  if (markup === undefined || markup === null) return undefined
  if (!isRecord(markup)) throw badRequest("can't parse reply keyboard markup JSON object")
  if ('inline_keyboard' in markup) {
    const rows = markup['inline_keyboard']
    if (!Array.isArray(rows) || !rows.every(Array.isArray)) {
      throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
    }
    for (const row of rows as unknown[][]) for (const button of row) checkButton(button)
  }
  return markup as unknown as ReplyMarkup
}

const BUTTON_ACTIONS = [
  'url',
  'callback_data',
  'web_app',
  'login_url',
  'switch_inline_query',
  'switch_inline_query_current_chat',
  'switch_inline_query_chosen_chat',
  'copy_text',
  'callback_game',
  'pay',
]

function checkButton(button: unknown): asserts button is InlineKeyboardButton {
  if (!isRecord(button))
    throw badRequest("can't parse inline keyboard button: InlineKeyboardButton must be an Object")
  if (typeof button['text'] !== 'string') {
    throw badRequest(`can't parse inline keyboard button: Field "text" must be of type String`)
  }
  if (!BUTTON_ACTIONS.some((a) => a in button))
    throw badRequest('text buttons are unallowed in the inline keyboard')
  const data = button['callback_data']
  if (data !== undefined) {
    const bytes = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : 0
    if (bytes < 1 || bytes > 64) throw badRequest('BUTTON_DATA_INVALID')
  }
}

/** The content fields of a message: what copyMessage carries over. */
const CONTENT_FIELDS = [
  'text',
  'entities',
  'link_preview_options',
  'photo',
  'document',
  'video',
  'audio',
  'voice',
  'animation',
  'sticker',
  'caption',
  'caption_entities',
  'has_media_spoiler',
  'show_caption_above_media',
  'location',
  'contact',
  'poll',
] as const

export function contentOf(message: Message): Partial<Message> | undefined {
  const content: Record<string, unknown> = {}
  for (const field of CONTENT_FIELDS) {
    if (message[field] !== undefined) content[field] = message[field]
  }
  const isContent = CONTENT_FIELDS.some(
    (f) => f !== 'caption' && f !== 'caption_entities' && message[f] !== undefined,
  )
  return isContent ? content : undefined
}

export function hasMedia(message: Message): boolean {
  return ['photo', 'document', 'video', 'audio', 'voice', 'animation'].some(
    (f) => message[f as keyof Message] !== undefined,
  )
}

/** Replaces the caption of media content (an empty override removes it). */
export function withCaption(
  content: Partial<Message>,
  caption: Pick<Message, 'caption' | 'caption_entities'>,
): Partial<Message> {
  const { caption: _c, caption_entities: _e, ...rest } = content
  return { ...rest, ...caption }
}
