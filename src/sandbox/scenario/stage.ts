import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { MessageEntity, Update } from 'grammy/types'
import { pino } from 'pino'
import { createApp, type App } from '../../app.js'
import { ManualClock } from '../../clock.js'
import { loadConfig } from '../../config.js'
import { BotApiStandIn } from '../bot-api/index.js'
import { ADMIN, PEOPLE, UNITS } from './cast.js'
import { Recorder } from './recorder.js'
import { scenarioTime } from './scenario-time.js'

const TOKEN = '7000001:SANDBOX-token-for-the-loa-stand-in'

/** Where a person acts: a unit's group (by unit code) or their private chat with Loa. */
export type Where = { unit: string } | 'private'

/**
 * The stage of the sandbox: the Bot API stand-in on 127.0.0.1, the real Loa
 * (createApp, long polling) against it on a fresh database, and a clock that
 * only the script moves. Every gesture waits until Loa has handled it and
 * sent what it owed, so the story is told in the order it happened.
 */
export class Stage {
  private constructor(
    readonly api: BotApiStandIn,
    readonly app: App,
    readonly clock: ManualClock,
    readonly recorder: Recorder,
    private readonly dataDir: string,
  ) {}

  static async open(options: {
    lang: 'vi' | 'en'
    start: string
    /** Loa's own log (warnings and errors), kept beside the transcript. */
    logFile: string
  }): Promise<Stage> {
    const clock = new ManualClock(options.start)
    // Limits are recorded, not enforced: Loa paces itself on the scenario's clock
    // (scenario-time.ts), but grammY's retry after a 429 would wait on the wall clock.
    const api = await BotApiStandIn.start({
      token: TOKEN,
      clock,
      enforceLimits: false,
      bot: { id: 7000001, username: 'loa_sandbox_bot', first_name: 'Loa' },
    })
    const dataDir = mkdtempSync(join(tmpdir(), 'loa-sandbox-'))
    const config = loadConfig({
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: join(dataDir, 'loa.db'),
      ADMIN_IDS: String(ADMIN.id),
      DEFAULT_LOCALE: options.lang,
      LOG_LEVEL: 'warn',
    })
    const app = createApp(config, {
      clock,
      time: scenarioTime(clock),
      logger: pino({ level: 'warn' }, pino.destination({ dest: options.logFile, sync: true })),
      polling: { timeoutSeconds: 1 },
    })
    const chats = () => [...UNITS.map((u) => u.chatId), ...PEOPLE.map((p) => p.id), ADMIN.id]
    const recorder = new Recorder(api, chats, () => clock.now().getTime())
    const stage = new Stage(api, app, clock, recorder, dataDir)
    for (const p of [...PEOPLE, ADMIN]) {
      api.addUser({
        id: p.id,
        first_name: p.firstName,
        last_name: p.lastName,
        ...(p.username === null ? {} : { username: p.username }),
        language_code: options.lang === 'en' ? 'en' : p.language,
      })
    }
    for (const unit of UNITS) {
      api.addGroup({ id: unit.chatId, title: unit.groupTitle, botStatus: 'administrator' })
      // The administrator made each group; its people join once it is registered.
      api.setMember(unit.chatId, ADMIN.id, 'creator')
    }
    await app.start()
    return stage
  }

  /** The chat id of a place, for a person. */
  chatOf(personId: number, where: Where): number {
    if (where === 'private') return personId
    const unit = UNITS.find((u) => u.code === where.unit)
    if (unit === undefined) throw new Error(`no unit ${where.unit}`)
    return unit.chatId
  }

  /** Moves the clock to a local time in Hà Nội, `2024-04-15 08:00`. */
  at(local: string): void {
    this.clock.set(`${local.replace(' ', 'T')}:00+07:00`)
  }

  /** A person takes a moment before the next gesture. */
  pause(seconds = 40): void {
    this.clock.advance(seconds * 1000)
  }

  async says(
    personId: number,
    where: Where,
    text: string,
    opts: { replyTo?: number; formatting?: MessageEntity[] } = {},
  ): Promise<Update> {
    this.pause()
    return this.play(this.api.sendText(personId, this.chatOf(personId, where), text, opts))
  }

  async sendsFile(
    personId: number,
    where: Where,
    doc: { fileName: string; content: Uint8Array | string },
    caption?: string,
  ): Promise<Update> {
    this.pause()
    const chatId = this.chatOf(personId, where)
    const update = this.api.sendDocument(personId, chatId, doc, {
      ...(caption === undefined ? {} : { caption }),
    })
    this.recorder.nameFile(chatId, update.message?.message_id ?? 0, doc.fileName)
    return this.play(update)
  }

  async sendsPhoto(
    personId: number,
    where: Where,
    fileName: string,
    caption: string,
  ): Promise<Update> {
    this.pause()
    const chatId = this.chatOf(personId, where)
    const update = this.api.sendPhoto(personId, chatId, { caption })
    this.recorder.nameFile(chatId, update.message?.message_id ?? 0, fileName)
    return this.play(update)
  }

  /** Taps the button whose text starts with `label` under a message of the bot. */
  async presses(personId: number, where: Where, messageId: number, label: string): Promise<void> {
    this.pause()
    const chatId = this.chatOf(personId, where)
    const message = this.api.botMessages(chatId).find((m) => m.message_id === messageId)
    const button = message?.reply_markup?.inline_keyboard
      .flat()
      .find((b) => b.text.startsWith(label) && 'callback_data' in b)
    if (button === undefined || !('callback_data' in button))
      throw new Error(`no button «${label}» under message ${messageId} in chat ${chatId}`)
    const answered = this.api.callbackAnswers.length
    const update = this.api.pressButton(personId, chatId, messageId, button.callback_data)
    await this.app.handled(update.update_id)
    const answer = this.api.callbackAnswers.slice(answered).at(-1)?.text
    this.recorder.gesture('press', chatId, personId, button.text, answer)
    await this.settle()
  }

  /** Presses a button of the latest nudge (ephemeral message) the person sees in their unit's group. */
  async pressesNudge(personId: number, unit: string, label: string): Promise<void> {
    this.pause()
    const chatId = this.chatOf(personId, { unit })
    const nudge = this.api.ephemeralMessages(chatId, personId).at(-1)
    const button = nudge?.reply_markup?.inline_keyboard
      .flat()
      .find((b) => b.text.startsWith(label) && 'callback_data' in b)
    if (
      nudge?.ephemeral_message_id === undefined ||
      button === undefined ||
      !('callback_data' in button)
    )
      throw new Error(`no nudge with «${label}» for ${personId} in chat ${chatId}`)
    const answered = this.api.callbackAnswers.length
    const update = this.api.pressEphemeralButton(
      personId,
      chatId,
      nudge.ephemeral_message_id,
      button.callback_data,
    )
    await this.app.handled(update.update_id)
    const answer = this.api.callbackAnswers.slice(answered).at(-1)?.text
    this.recorder.gesture('press', chatId, personId, button.text, answer)
    await this.settle()
  }

  async reacts(personId: number, where: Where, messageId: number, emoji: string): Promise<void> {
    this.pause()
    const chatId = this.chatOf(personId, where)
    const update = this.api.react(personId, chatId, messageId, [emoji])
    this.recorder.gesture('reaction', chatId, personId, emoji)
    await this.play(update)
  }

  /** Joins a unit's group, as Telegram tells an administrator bot. */
  async joins(personId: number, unit: string): Promise<void> {
    const updates = this.api.join(personId, this.chatOf(personId, { unit }))
    for (const update of updates) await this.app.handled(update.update_id)
    await this.settle()
  }

  /** Lets Loa's own timer run at the current instant: queued sends, counts, reminders. */
  async settle(): Promise<void> {
    const idle = this.app.scheduler.whenIdle()
    this.app.scheduler.wake()
    await idle
    this.recorder.sync()
  }

  /**
   * Ends a step: a little later, so that the counts Loa coalesces (one edit
   * per message every few seconds) are on the buttons before the next step.
   */
  async finishStep(): Promise<void> {
    this.pause(15)
    await this.settle()
    this.recorder.endStep()
  }

  /** The last message the bot sent into a chat. */
  lastBotMessage(chatId: number): { message_id: number; text: string } {
    const last = this.api.botMessages(chatId).at(-1)
    if (last === undefined) throw new Error(`Loa sent nothing into chat ${chatId}`)
    return { message_id: last.message_id, text: last.text ?? last.caption ?? '' }
  }

  async close(): Promise<void> {
    await this.app.stop()
    await this.api.close()
    rmSync(this.dataDir, { recursive: true, force: true })
  }

  private async play(update: Update): Promise<Update> {
    await this.app.handled(update.update_id)
    await this.settle()
    return update
  }
}
