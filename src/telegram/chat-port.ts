import { Api, GrammyError, HttpError } from 'grammy'
import type { InlineKeyboardMarkup } from 'grammy/types'
import type { ChatPort, InlineButton, OutgoingText, SendOutcome } from '../domain/ports.js'

function keyboard(buttons: InlineButton[][] | undefined): InlineKeyboardMarkup | undefined {
  if (buttons === undefined || buttons.length === 0) return undefined
  return {
    inline_keyboard: buttons.map((row) =>
      row.map((b) => ({ text: b.text, callback_data: b.callbackData })),
    ),
  }
}

/**
 * Telegram's answers as outcomes the outbox can act on (PRODUCT §9). The
 * description Telegram gave is kept as the reason, for `/lich <id>`.
 */
export function toOutcome(error: unknown): Exclude<SendOutcome, { kind: 'sent' }> {
  if (error instanceof GrammyError) {
    const reason = error.description
    const moved = error.parameters.migrate_to_chat_id
    if (moved !== undefined) return { kind: 'chat-moved', toChatId: moved, reason }
    if (error.error_code === 429)
      return { kind: 'retry-after', seconds: error.parameters.retry_after ?? 1, reason }
    if (error.error_code >= 500) return { kind: 'transient', reason, errorCode: error.error_code }
    // Kicked, blocked, deleted chats, and groups Telegram no longer knows: sending there again is pointless.
    if (error.error_code === 403 || /chat not found|group chat was deactivated/i.test(reason)) {
      return { kind: 'chat-gone', reason, errorCode: error.error_code }
    }
    return { kind: 'rejected', reason, errorCode: error.error_code }
  }
  if (error instanceof HttpError)
    return { kind: 'transient', reason: error.message, errorCode: null }
  return { kind: 'transient', reason: String(error), errorCode: null }
}

async function attempt(send: () => Promise<number[]>): Promise<SendOutcome> {
  try {
    return { kind: 'sent', messageIds: await send() }
  } catch (error) {
    return toOutcome(error)
  }
}

/**
 * ChatPort over the Bot API. It uses an Api of its own without a retry plugin: the
 * outbox decides when to retry and slows every send after a 429, which a
 * transparent retry would hide from it.
 */
export class TelegramChatPort implements ChatPort {
  private readonly api: Api

  /**
   * @param albumButtonsText Telegram cannot attach buttons to an album, so they
   *   follow it in one short message with this text.
   */
  constructor(
    token: string,
    apiRoot: string,
    private readonly albumButtonsText: string,
    timeoutSeconds = 30,
  ) {
    this.api = new Api(token, { apiRoot, timeoutSeconds })
  }

  sendText(message: OutgoingText) {
    return attempt(async () => {
      const sent = await this.api.sendMessage(message.chatId, message.html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        ...threadOf(message.threadId),
        ...markupOf(message.buttons),
        // Bot API 10.3 groups the receiver in one object (10.2 had receiver_user_id at the top level).
        ...(message.ephemeral === undefined
          ? {}
          : {
              ephemeral_message_parameters: { receiver_user_id: message.ephemeral.receiverUserId },
            }),
      })
      // An ephemeral message has message_id 0; its own id is ephemeral_message_id.
      return [sent.message_id]
    })
  }

  copyMessages(input: {
    fromChatId: number
    messageIds: number[]
    toChatId: number
    threadId?: number | null
    buttons?: InlineButton[][]
  }) {
    return attempt(async () => {
      const [first] = input.messageIds
      if (input.messageIds.length === 1 && first !== undefined) {
        const copy = await this.api.copyMessage(input.toChatId, input.fromChatId, first, {
          ...threadOf(input.threadId),
          ...markupOf(input.buttons),
        })
        return [copy.message_id]
      }
      const copies = await this.api.copyMessages(
        input.toChatId,
        input.fromChatId,
        input.messageIds,
        threadOf(input.threadId),
      )
      return copies.map((c) => c.message_id)
    })
  }

  sendAlbumButtons(input: {
    chatId: number
    threadId?: number | null
    replyToMessageId: number
    buttons: InlineButton[][]
  }) {
    return attempt(async () => {
      const sent = await this.api.sendMessage(input.chatId, this.albumButtonsText, {
        ...threadOf(input.threadId),
        ...markupOf(input.buttons),
        reply_parameters: { message_id: input.replyToMessageId, allow_sending_without_reply: true },
      })
      return [sent.message_id]
    })
  }

  setButtons(input: { chatId: number; messageId: number; buttons: InlineButton[][] }) {
    return attempt(async () => {
      await this.api.editMessageReplyMarkup(input.chatId, input.messageId, markupOf(input.buttons))
      return [input.messageId]
    }).then((outcome) =>
      // Nothing changed since the last edit: as good as done.
      outcome.kind === 'rejected' && /message is not modified/.test(outcome.reason)
        ? { kind: 'sent' as const, messageIds: [input.messageId] }
        : outcome,
    )
  }

  editText(input: {
    chatId: number
    messageId: number
    html: string
    asCaption?: boolean
    buttons?: InlineButton[][]
  }) {
    const options = { parse_mode: 'HTML' as const, ...markupOf(input.buttons) }
    const editCaption = () =>
      attempt(async () => {
        await this.api.editMessageCaption(input.chatId, input.messageId, {
          caption: input.html,
          ...options,
        })
        return [input.messageId]
      })
    const edit =
      input.asCaption === true
        ? editCaption()
        : attempt(async () => {
            await this.api.editMessageText(input.chatId, input.messageId, input.html, {
              ...options,
              link_preview_options: { is_disabled: true },
            })
            return [input.messageId]
          }).then((outcome) =>
            // A copied photo has a caption, not a text: one more call, only for those.
            outcome.kind === 'rejected' && /no text in the message/i.test(outcome.reason)
              ? editCaption()
              : outcome,
          )
    return edit.then((outcome) => notModifiedIsDone(outcome, input.messageId))
  }

  deleteMessages(input: { chatId: number; messageIds: number[] }) {
    return attempt(async () => {
      const [only] = input.messageIds
      if (input.messageIds.length === 1 && only !== undefined)
        await this.api.deleteMessage(input.chatId, only)
      else await this.api.deleteMessages(input.chatId, input.messageIds)
      return input.messageIds
    })
  }
}

/** Telegram refuses an edit that changes nothing; for Loa the message already says it. */
function notModifiedIsDone(outcome: SendOutcome, messageId: number): SendOutcome {
  return outcome.kind === 'rejected' && /message is not modified/.test(outcome.reason)
    ? { kind: 'sent', messageIds: [messageId] }
    : outcome
}

function threadOf(threadId: number | null | undefined): { message_thread_id?: number } {
  return threadId === null || threadId === undefined ? {} : { message_thread_id: threadId }
}

function markupOf(buttons: InlineButton[][] | undefined): { reply_markup?: InlineKeyboardMarkup } {
  const markup = keyboard(buttons)
  return markup === undefined ? {} : { reply_markup: markup }
}
