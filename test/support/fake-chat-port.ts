import type { ChatPort, InlineButton, SendOutcome } from '../../src/domain/ports.js'

export type PortCall =
  | {
      method: 'copyMessages'
      at: number
      chatId: number
      fromChatId: number
      messageIds: number[]
      buttons?: InlineButton[][]
    }
  | { method: 'sendText'; at: number; chatId: number; html: string }
  | {
      method: 'sendAlbumButtons'
      at: number
      chatId: number
      replyToMessageId: number
      buttons: InlineButton[][]
    }
  | {
      method: 'editText'
      at: number
      chatId: number
      messageId: number
      html: string
      buttons?: InlineButton[][]
    }
  | { method: 'deleteMessages'; at: number; chatId: number; messageIds: number[] }
  | {
      method: 'setButtons'
      at: number
      chatId: number
      messageId: number
      buttons: InlineButton[][]
    }

/**
 * A ChatPort that records every call with the (fake) monotonic time it was made
 * at, and answers `sent` with fresh message ids unless `respond` says otherwise.
 */
export class FakeChatPort implements ChatPort {
  readonly calls: PortCall[] = []
  private nextMessageId = 1000
  respond: (call: PortCall) => SendOutcome | undefined = () => undefined

  constructor(private readonly now: () => number = () => 0) {}

  private answer(call: PortCall, count = 1): Promise<SendOutcome> {
    this.calls.push(call)
    const scripted = this.respond(call)
    if (scripted !== undefined) return Promise.resolve(scripted)
    const messageIds = Array.from({ length: count }, () => this.nextMessageId++)
    return Promise.resolve({ kind: 'sent', messageIds })
  }

  copyMessages(input: Parameters<ChatPort['copyMessages']>[0]): Promise<SendOutcome> {
    return this.answer(
      {
        method: 'copyMessages',
        at: this.now(),
        chatId: input.toChatId,
        fromChatId: input.fromChatId,
        messageIds: input.messageIds,
        ...(input.buttons === undefined ? {} : { buttons: input.buttons }),
      },
      input.messageIds.length,
    )
  }

  sendText(message: Parameters<ChatPort['sendText']>[0]): Promise<SendOutcome> {
    return this.answer({
      method: 'sendText',
      at: this.now(),
      chatId: message.chatId,
      html: message.html,
    })
  }

  sendAlbumButtons(input: Parameters<ChatPort['sendAlbumButtons']>[0]): Promise<SendOutcome> {
    return this.answer({
      method: 'sendAlbumButtons',
      at: this.now(),
      chatId: input.chatId,
      replyToMessageId: input.replyToMessageId,
      buttons: input.buttons,
    })
  }

  setButtons(input: Parameters<ChatPort['setButtons']>[0]): Promise<SendOutcome> {
    return this.answer({
      method: 'setButtons',
      at: this.now(),
      chatId: input.chatId,
      messageId: input.messageId,
      buttons: input.buttons,
    })
  }

  editText(input: Parameters<ChatPort['editText']>[0]): Promise<SendOutcome> {
    return this.answer({
      method: 'editText',
      at: this.now(),
      chatId: input.chatId,
      messageId: input.messageId,
      html: input.html,
      ...(input.buttons === undefined ? {} : { buttons: input.buttons }),
    })
  }

  deleteMessages(input: Parameters<ChatPort['deleteMessages']>[0]): Promise<SendOutcome> {
    return this.answer({
      method: 'deleteMessages',
      at: this.now(),
      chatId: input.chatId,
      messageIds: input.messageIds,
    })
  }

  sends(): PortCall[] {
    return this.calls.filter(
      (c) => c.method !== 'setButtons' && c.method !== 'editText' && c.method !== 'deleteMessages',
    )
  }
}

/** The largest number of calls inside any window of `windowMs` (sliding, start-inclusive). */
export function maxInWindow(instants: readonly number[], windowMs: number): number {
  const sorted = [...instants].sort((a, b) => a - b)
  let best = 0
  let start = 0
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= windowMs) start++
    best = Math.max(best, end - start + 1)
  }
  return best
}
