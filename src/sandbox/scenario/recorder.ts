import type { BotApiStandIn, ChatEntry } from '../bot-api/index.js'

export interface Attachment {
  kind: 'photo' | 'file'
  name: string
}

/** Something a chat showed: a message (or its final state after edits) or a person's gesture. */
export type ShownEvent =
  | {
      kind: 'message'
      seq: number
      step: number
      chatId: number
      messageId: number
      /** Epoch milliseconds on the scenario clock. */
      at: number
      from: 'bot' | number
      text: string
      attachment?: Attachment
      buttons: string[][]
      replyTo?: string
      /** The bot edited the message during this step; this is how it ended up. */
      edited: boolean
      /** An ephemeral message (issue 12 nudges): the one person of the group who sees it. */
      onlyFor?: number
    }
  | {
      kind: 'press' | 'reaction'
      seq: number
      step: number
      chatId: number
      at: number
      from: number
      /** The button's text, or the emoji. */
      label: string
      /** The toast the bot answered the press with. */
      answer?: string
    }

export interface Step {
  index: number
  title: string
  /** Epoch milliseconds when the step began. */
  at: number
}

interface Known {
  edits: number
  text: string
}

/**
 * Turns the stand-in's chats into a story: after every action it notes what
 * appeared, and at the end of each step how edited messages ended up, so the
 * transcript shows the counts on the buttons once per step rather than once per tap.
 */
export class Recorder {
  readonly events: ShownEvent[] = []
  readonly steps: Step[] = []
  private readonly known = new Map<string, Known>()
  private readonly edited = new Map<string, { chatId: number; messageId: number }>()
  private readonly fileNames = new Map<string, string>()
  /** The buttons of each message as the transcript last drew them. */
  private readonly shownButtons = new Map<string, string>()
  private seq = 0
  private muted = true

  constructor(
    private readonly api: BotApiStandIn,
    private readonly chatIds: () => number[],
    private readonly now: () => number,
  ) {}

  get currentStep(): number {
    return this.steps.at(-1)?.index ?? 0
  }

  /** Starts a step; what happened before the first step (the set-up) is not told. */
  beginStep(title: string): void {
    this.sync()
    this.flushEdits()
    this.muted = false
    this.steps.push({ index: this.steps.length + 1, title, at: this.now() })
  }

  endStep(): void {
    this.sync()
    this.flushEdits()
  }

  /** The name a person gave a file they sent, for `[ảnh: …]`. */
  nameFile(chatId: number, messageId: number, name: string): void {
    this.fileNames.set(key(chatId, messageId), name)
  }

  gesture(
    kind: 'press' | 'reaction',
    chatId: number,
    from: number,
    label: string,
    answer?: string,
  ): void {
    if (this.muted) return
    this.events.push({
      kind,
      seq: ++this.seq,
      step: this.currentStep,
      chatId,
      at: this.now(),
      from,
      label,
      ...(answer === undefined ? {} : { answer }),
    })
  }

  /** Notes every message that appeared since the last call, in each chat's order. */
  sync(): void {
    const fresh: { chatId: number; entry: ChatEntry; onlyFor?: number }[] = []
    for (const chatId of this.chatIds()) {
      for (const entry of this.api.transcript(chatId)) {
        const k = key(chatId, entry.message_id)
        const known = this.known.get(k)
        if (known === undefined) {
          this.known.set(k, { edits: entry.edits, text: entry.text ?? '' })
          if (!entry.deleted && entry.kind !== 'service') fresh.push({ chatId, entry })
        } else if (entry.edits > known.edits) {
          known.edits = entry.edits
          known.text = entry.text ?? ''
          // A keyboard whose counts move is shown once per step; a message that
          // became something else (a preview answered) is news at once.
          if (hasButtons(entry)) this.edited.set(k, { chatId, messageId: entry.message_id })
          else if (!this.muted && entry.deleted !== true) {
            this.edited.delete(k)
            this.events.push({
              ...this.toEvent(chatId, entry, true),
              at: this.now(),
            })
          }
        }
      }
    }
    // Nudges seen by one member only: told in their group, saying whose eyes they are for.
    for (const chatId of this.chatIds()) {
      for (const entry of this.api.ephemeralTranscript(chatId)) {
        const k = `${chatId}:e${entry.ephemeralId}`
        if (this.known.has(k)) continue
        this.known.set(k, { edits: entry.edits, text: entry.text ?? '' })
        fresh.push({ chatId, entry, onlyFor: entry.receiver })
      }
    }
    fresh.sort((a, b) => a.entry.date - b.entry.date)
    if (this.muted) return
    for (const { chatId, entry, onlyFor } of fresh) {
      const shown = this.toEvent(chatId, entry, false)
      const event = onlyFor === undefined ? shown : { ...shown, onlyFor }
      if (event.kind === 'message')
        this.shownButtons.set(key(chatId, entry.message_id), JSON.stringify(event.buttons))
      this.events.push(event)
    }
  }

  private flushEdits(): void {
    for (const [k, { chatId, messageId }] of this.edited) {
      const entry = this.api.transcript(chatId).find((e) => e.message_id === messageId)
      if (entry === undefined || entry.deleted === true) continue
      const event = { ...this.toEvent(chatId, entry, true), at: this.now() }
      // An edit that left the buttons as they were last shown is not news.
      const drawn = event.kind === 'message' ? JSON.stringify(event.buttons) : ''
      if (this.shownButtons.get(k) === drawn) continue
      this.shownButtons.set(k, drawn)
      if (!this.muted) this.events.push(event)
    }
    this.edited.clear()
  }

  private toEvent(chatId: number, entry: ChatEntry, edited: boolean): ShownEvent {
    const attachment = this.attachmentOf(chatId, entry)
    const replyTo =
      entry.reply_to_message_id === undefined
        ? undefined
        : this.known.get(key(chatId, entry.reply_to_message_id))?.text
    const markup = entry.reply_markup
    const buttons =
      markup !== undefined && 'inline_keyboard' in markup
        ? markup.inline_keyboard.map((row) => row.map((b) => b.text))
        : []
    return {
      kind: 'message',
      seq: ++this.seq,
      step: this.currentStep,
      chatId,
      messageId: entry.message_id,
      at: entry.date * 1000,
      from: entry.from,
      text: entry.text ?? '',
      ...(attachment === undefined ? {} : { attachment }),
      buttons,
      ...(replyTo === undefined ? {} : { replyTo }),
      edited,
    }
  }

  private attachmentOf(chatId: number, entry: ChatEntry): Attachment | undefined {
    if (entry.kind !== 'photo' && entry.kind !== 'document') return undefined
    const kind = entry.kind === 'photo' ? 'photo' : 'file'
    const given = this.fileNames.get(key(chatId, entry.message_id))
    if (given !== undefined) return { kind, name: given }
    if (entry.from === 'bot') {
      const sent = this.api.botMessages(chatId).find((m) => m.message_id === entry.message_id)
      if (sent?.document?.file_name !== undefined) return { kind, name: sent.document.file_name }
      const call = this.api
        .callsOf('sendPhoto')
        .find((c) => isMessage(c.result, chatId, entry.message_id))
      const upload = call?.params['photo']
      if (isUpload(upload)) return { kind, name: upload.upload }
    }
    return { kind, name: kind === 'photo' ? 'anh.jpg' : 'tep' }
  }
}

function hasButtons(entry: ChatEntry): boolean {
  const markup = entry.reply_markup
  return markup !== undefined && 'inline_keyboard' in markup && markup.inline_keyboard.length > 0
}

function key(chatId: number, messageId: number): string {
  return `${chatId}:${messageId}`
}

function isMessage(result: unknown, chatId: number, messageId: number): boolean {
  if (typeof result !== 'object' || result === null) return false
  const m = result as { message_id?: unknown; chat?: { id?: unknown } }
  return m.message_id === messageId && m.chat?.id === chatId
}

function isUpload(value: unknown): value is { upload: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { upload?: unknown }).upload === 'string'
  )
}
