import type { InlineKeyboardMarkup, Message, ReactionType } from 'grammy/types'
import { badRequest, notModified } from './errors.js'
import { captionParam, hasMedia, markupParam, textParam } from './message-parts.js'
import type { Handler, MethodContext } from './methods.js'
import { isRecord, optInt, optObject, optStr, type Params } from './params.js'
import type { ChatRecord, StoredMessage } from './world.js'

/** Telegram: "A message can only be deleted if it was sent less than 48 hours ago." */
const DELETE_WINDOW_SECONDS = 48 * 3600

/** Edits, deletions, reactions and pins of existing messages. */
export function editMethods(ctx: MethodContext): Record<string, Handler> {
  const { world } = ctx

  /** The bot's message an edit method targets. */
  const editable = (params: Params): StoredMessage => {
    if (optStr(params, 'inline_message_id') !== undefined) {
      // Loa has no inline mode; an inline message id can never be valid here.
      throw badRequest('MESSAGE_ID_INVALID')
    }
    const chatId = optInt(params, 'chat_id')
    const messageId = optInt(params, 'message_id')
    if (chatId === undefined || messageId === undefined)
      throw badRequest('message identifier is not specified')
    world.sendableChat(chatId)
    const stored = world.message(chatId, messageId)
    if (stored === undefined) throw badRequest('message to edit not found')
    if (stored.from !== 'bot') throw badRequest("message can't be edited")
    return stored
  }

  /** Applies an edit; Telegram refuses one that changes nothing. */
  const applyEdit = (
    stored: StoredMessage,
    next: Message,
    markup: InlineKeyboardMarkup | undefined,
  ): Message => {
    const { edit_date: _a, ...before } = stored.message
    const { edit_date: _b, ...after } = next
    if (sameJson(before, after)) throw notModified()
    stored.message = { ...next, edit_date: world.nowSeconds() }
    stored.edits += 1
    if (markup === undefined) delete stored.markup
    else stored.markup = markup
    return stored.message
  }

  /** An edit without reply_markup removes the inline keyboard, as on Telegram. */
  const inlineMarkup = (params: Params): InlineKeyboardMarkup | undefined => {
    const markup = markupParam(params)
    if (markup === undefined) return undefined
    if (!('inline_keyboard' in markup)) throw badRequest('inline keyboard expected')
    return markup.inline_keyboard.length === 0 ? undefined : markup
  }

  const withMarkup = (message: Message, markup: InlineKeyboardMarkup | undefined): Message => {
    const { reply_markup: _old, ...rest } = message
    return markup === undefined ? rest : { ...rest, reply_markup: markup }
  }

  /**
   * Telegram's deleteMessage rules: a message goes only within 48 hours of its
   * sending (the bot's own, anything in private, anything in a group the bot
   * administers with the right), except that a bot with can_delete_messages in
   * a supergroup or channel may delete any message there, whatever its age.
   */
  const mayDelete = (record: ChatRecord, stored: StoredMessage): boolean => {
    const chatId = stored.message.chat.id
    const canDelete = world.isBotAdmin(chatId) && record.botRights.can_delete_messages
    if (canDelete && record.type === 'supergroup') return true
    if (world.nowSeconds() - stored.message.date >= DELETE_WINDOW_SECONDS) return false
    return stored.from === 'bot' || record.type === 'private' || canDelete
  }

  return {
    editMessageText: (params) => {
      const text = textParam(params)
      const stored = editable(params)
      if (stored.message.text === undefined)
        throw badRequest('there is no text in the message to edit')
      const markup = inlineMarkup(params)
      const { text: _t, entities: _e, ...rest } = stored.message
      return applyEdit(stored, withMarkup({ ...rest, ...text }, markup), markup)
    },

    editMessageCaption: (params) => {
      const caption = captionParam(params) ?? {}
      const stored = editable(params)
      if (!hasMedia(stored.message)) throw badRequest('there is no caption in the message to edit')
      const markup = inlineMarkup(params)
      const { caption: _c, caption_entities: _e, ...rest } = stored.message
      return applyEdit(stored, withMarkup({ ...rest, ...caption }, markup), markup)
    },

    editMessageReplyMarkup: (params) => {
      const stored = editable(params)
      const markup = inlineMarkup(params)
      return applyEdit(stored, withMarkup(stored.message, markup), markup)
    },

    deleteMessage: (params) => {
      const chatId = optInt(params, 'chat_id')
      if (chatId === undefined) throw badRequest('chat_id is empty')
      const record = world.readableChat(chatId)
      const stored = world.message(chatId, optInt(params, 'message_id') ?? 0)
      if (stored === undefined) throw badRequest('message to delete not found')
      if (!mayDelete(record, stored)) throw badRequest("message can't be deleted")
      stored.deleted = true
      return true
    },

    deleteMessages: (params) => {
      const chatId = optInt(params, 'chat_id')
      if (chatId === undefined) throw badRequest('chat_id is empty')
      const record = world.readableChat(chatId)
      const ids = optObject(params, 'message_ids')
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100)
        throw badRequest('message identifiers are invalid')
      // Messages not found are skipped, as Telegram documents; when none of the
      // found ones may go, the call fails like deleteMessage does.
      const found = ids.flatMap((id) => world.message(chatId, Number(id)) ?? [])
      const allowed = found.filter((stored) => mayDelete(record, stored))
      if (found.length > 0 && allowed.length === 0) throw badRequest("message can't be deleted")
      for (const stored of allowed) stored.deleted = true
      return true
    },

    setMessageReaction: (params) => {
      const chatId = optInt(params, 'chat_id')
      if (chatId === undefined) throw badRequest('chat_id is empty')
      world.sendableChat(chatId)
      const stored = world.message(chatId, optInt(params, 'message_id') ?? 0)
      if (stored === undefined) throw badRequest('message to react not found')
      const reaction = optObject(params, 'reaction') ?? []
      if (!Array.isArray(reaction)) throw badRequest('expected an Array of ReactionType')
      if (
        !reaction.every(
          (r) => isRecord(r) && (r['type'] === 'emoji' || r['type'] === 'custom_emoji'),
        )
      ) {
        throw badRequest("can't parse ReactionType: invalid reaction type specified")
      }
      if (reaction.length > 1) throw badRequest('REACTIONS_TOO_MANY')
      stored.botReaction = reaction as ReactionType[]
      return true
    },

    pinChatMessage: (params) => {
      const chatId = optInt(params, 'chat_id')
      if (chatId === undefined) throw badRequest('chat_id is empty')
      const record = world.sendableChat(chatId)
      if (world.message(chatId, optInt(params, 'message_id') ?? 0) === undefined) {
        throw badRequest('message to pin not found')
      }
      if (
        record.type !== 'private' &&
        !(world.isBotAdmin(chatId) && record.botRights.can_pin_messages === true)
      ) {
        throw badRequest('not enough rights to manage pinned messages in the chat')
      }
      return true
    },

    unpinChatMessage: (params) => {
      const chatId = optInt(params, 'chat_id')
      if (chatId === undefined) throw badRequest('chat_id is empty')
      world.sendableChat(chatId)
      return true
    },
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b)
}

/** JSON with sorted keys, so field order does not make equal messages differ. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  )
}
