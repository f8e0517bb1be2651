import type { TranslationArg } from './html.js'

/**
 * What the domain needs from a chat platform. Telegram is one implementation
 * (src/telegram/chat-port.ts); a Zalo door would be another (PRODUCT §11).
 * Failures come back as outcomes, not exceptions, so the outbox can decide.
 */
export type SendOutcome =
  | { kind: 'sent'; messageIds: number[] }
  | { kind: 'retry-after'; seconds: number; reason: string }
  | { kind: 'transient'; reason: string; errorCode: number | null }
  | { kind: 'chat-gone'; reason: string; errorCode: number }
  | { kind: 'chat-moved'; toChatId: number; reason: string }
  | { kind: 'rejected'; reason: string; errorCode: number }

export interface InlineButton {
  text: string
  callbackData: string
}

export interface OutgoingText {
  chatId: number
  threadId?: number | null
  /** HTML as Telegram parses it. */
  html: string
  buttons?: InlineButton[][]
  /**
   * Issue 12: shown only to this user of the group (Telegram Bot API 10.3
   * `ephemeral_message_parameters`; the bot must be an administrator there).
   */
  ephemeral?: { receiverUserId: number }
}

export interface ChatPort {
  sendText(message: OutgoingText): Promise<SendOutcome>
  /**
   * Copies stored messages (one, or an album) keeping formatting and media.
   * Buttons ride on a single message; an album takes none (Telegram cannot), its
   * buttons follow as their own step: {@link ChatPort.sendAlbumButtons}.
   */
  copyMessages(input: {
    fromChatId: number
    messageIds: number[]
    toChatId: number
    threadId?: number | null
    buttons?: InlineButton[][]
  }): Promise<SendOutcome>
  /**
   * The short message carrying an album's buttons, as a reply to the album. A
   * step of its own, so a failure here never copies the album again.
   */
  sendAlbumButtons(input: {
    chatId: number
    threadId?: number | null
    replyToMessageId: number
    buttons: InlineButton[][]
  }): Promise<SendOutcome>
  setButtons(input: {
    chatId: number
    messageId: number
    buttons: InlineButton[][]
  }): Promise<SendOutcome>
  /**
   * Issue 12, «Sửa nội dung»: replaces the text of a sent message, or its
   * caption (a photo, an album's first message). `asCaption` undefined: the
   * text, else the caption (the domain does not know what was copied). The
   * keyboard is replaced by `buttons` (none removes it, as on Telegram).
   * "Message is not modified" counts as sent.
   */
  editText(input: {
    chatId: number
    messageId: number
    html: string
    asCaption?: boolean
    buttons?: InlineButton[][]
  }): Promise<SendOutcome>
  /** Issue 12, «Thu hồi»: deletes sent messages of one chat (Telegram allows it for 48 hours). */
  deleteMessages(input: { chatId: number; messageIds: number[] }): Promise<SendOutcome>
}

/**
 * Renders a user-facing text in a locale ('vi', 'en') from its Fluent key, as
 * Telegram HTML. The domain writes a notice into the queue in the transaction
 * that owes it, so it renders there. String arguments are plain text and are
 * escaped by the translator; fragments that are already HTML go in `html()`.
 */
export type Translate = (
  locale: string,
  key: string,
  args?: Record<string, TranslationArg>,
) => string
