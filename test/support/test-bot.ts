import { pino } from 'pino'
import type { InlineKeyboardButton, Update } from 'grammy/types'
import { createApp, type App, type AppOverrides, type MonotonicTime } from '../../src/app.js'
import { ManualClock, systemClock } from '../../src/clock.js'
import { loadConfig } from '../../src/config.js'
import { BotApiStandIn } from '../../src/sandbox/bot-api/index.js'
import { makeTempDir, type TempDir } from './temp-db.js'
import { dropTestDatabase, testDatabaseEnv } from './test-database.js'

export const TEST_TOKEN = '7000001:TEST-token-for-the-loa-stand-in'

export interface Person {
  id: number
  name: string
  /** Writes text in a chat (a group's id, or `'private'`), and waits until the bot has handled it. */
  says(text: string, where: Chat | 'private', opts?: { replyTo?: number }): Promise<Update>
  /** Sends a document with an optional caption. */
  sendsFile(
    where: Chat | 'private',
    doc: { fileName: string; content: Uint8Array | string },
    caption?: string,
  ): Promise<Update>
  /** Presses a button; `forged` sends data the message does not (or no longer) carry. */
  presses(
    where: Chat | 'private',
    messageId: number,
    data: string,
    opts?: { forged?: boolean },
  ): Promise<Update>
  reacts(where: Chat, messageId: number, emojis: string[]): Promise<Update>
  joins(group: Chat): Promise<void>
  leaves(group: Chat): Promise<void>
}

export interface Chat {
  id: number
  title: string
}

export interface TestBotOptions {
  admins?: number[]
  env?: Record<string, string>
  /** Default: a ManualClock at 15/04/2024 08:00 in Hà Nội. `'real'` for load tests whose retries wait real seconds. */
  clock?: ManualClock | 'real'
  dir?: TempDir
  /** Stand-in options, e.g. enforceLimits. */
  enforceLimits?: boolean
  /** Pacing and retry waits (default: real). */
  time?: MonotonicTime
  /** Sees every SQL statement the app runs. */
  onQuery?: AppOverrides['onQuery']
  /** Awaited before each campaign of the start's reminder sync (every start, restarts too). */
  reminderSyncStep?: AppOverrides['reminderSyncStep']
}

/**
 * A running Loa, polling the Bot API stand-in over HTTP exactly as it polls
 * Telegram, on a SQLite file of its own. Tests speak through people and groups
 * and read what each chat saw.
 */
export class TestBot {
  private constructor(
    readonly api: BotApiStandIn,
    public app: App,
    readonly dir: TempDir,
    private readonly manualClock: ManualClock | undefined,
    private readonly makeApp: () => App,
  ) {}

  /**
   * A restart: this process stops and a new one starts on the same database,
   * against the same Telegram (which keeps its chats and update ids).
   */
  async restart(): Promise<void> {
    await this.app.stop()
    this.app = this.makeApp()
    await this.app.start()
  }

  /** The clock tests move; a bot started with `clock: 'real'` has none. */
  get clock(): ManualClock {
    if (this.manualClock === undefined) throw new Error('this TestBot runs on real time')
    return this.manualClock
  }

  static async start(options: TestBotOptions = {}): Promise<TestBot> {
    const clock = options.clock ?? new ManualClock('2024-04-15T01:00:00Z')
    const api = await BotApiStandIn.start({
      token: TEST_TOKEN,
      enforceLimits: options.enforceLimits ?? true,
    })
    const dir = options.dir ?? makeTempDir()
    const config = loadConfig({
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      ...(await testDatabaseEnv(dir)),
      ADMIN_IDS: (options.admins ?? []).join(','),
      LOG_LEVEL: 'silent',
      ...options.env,
    })
    const makeApp = () =>
      createApp(config, {
        clock: clock === 'real' ? systemClock : clock,
        logger: pino({ level: 'silent' }),
        polling: { timeoutSeconds: 1 },
        ...(options.time === undefined ? {} : { time: options.time }),
        ...(options.onQuery === undefined ? {} : { onQuery: options.onQuery }),
        ...(options.reminderSyncStep === undefined
          ? {}
          : { reminderSyncStep: options.reminderSyncStep }),
      })
    const app = makeApp()
    await app.start()
    return new TestBot(api, app, dir, clock === 'real' ? undefined : clock, makeApp)
  }

  get db() {
    return this.app.deps.db
  }

  async stop(options: { keepFiles?: boolean } = {}): Promise<void> {
    await this.app.stop()
    await this.api.close()
    if (options.keepFiles !== true) {
      await dropTestDatabase(this.dir)
      this.dir.remove()
    }
  }

  /** Waits until the bot has handled every given update (they may arrive in any order). */
  async handled(updates: Update | Update[]): Promise<void> {
    for (const update of Array.isArray(updates) ? updates : [updates])
      await this.app.handled(update.update_id)
  }

  group(
    id: number,
    title: string,
    options: { botAdmin?: boolean; type?: 'group' | 'supergroup' } = {},
  ): Chat {
    this.api.addGroup({ id, title, type: options.type ?? 'supergroup' })
    this.api.setBotStatus(id, options.botAdmin === false ? 'member' : 'administrator')
    return { id, title }
  }

  person(user: {
    id: number
    first_name: string
    last_name?: string
    username?: string
    language_code?: string
  }): Person {
    this.api.addUser({ language_code: 'vi', ...user })
    const chatId = (where: Chat | 'private') => (where === 'private' ? user.id : where.id)
    const send = async (update: Update) => {
      await this.handled(update)
      return update
    }
    return {
      id: user.id,
      name: [user.first_name, user.last_name].filter(Boolean).join(' '),
      says: (text, where, opts) => send(this.api.sendText(user.id, chatId(where), text, opts)),
      sendsFile: (where, doc, caption) =>
        send(
          this.api.sendDocument(
            user.id,
            chatId(where),
            doc,
            caption === undefined ? undefined : { caption },
          ),
        ),
      presses: (where, messageId, data, opts) =>
        send(
          this.api.pressButton(user.id, chatId(where), messageId, data, {
            unchecked: opts?.forged === true,
          }),
        ),
      reacts: (where, messageId, emojis) =>
        send(this.api.react(user.id, where.id, messageId, emojis)),
      joins: async (group) => {
        this.api.setMember(group.id, user.id, 'member')
        await this.handled(this.api.join(user.id, group.id))
      },
      leaves: async (group) => {
        await this.handled(this.api.leave(user.id, group.id))
      },
    }
  }

  /** Texts (or captions) the bot sent into a chat, oldest first. */
  botTexts(where: Chat | Person): string[] {
    return this.api.botMessages(where.id).map((m) => m.text ?? m.caption ?? '')
  }

  /** The callback buttons under the bot's last message in a chat (or under one message). */
  buttons(where: Chat | Person, messageId?: number): InlineKeyboardButton.CallbackButton[] {
    const messages = this.api.botMessages(where.id)
    const message =
      messageId === undefined ? messages.at(-1) : messages.find((m) => m.message_id === messageId)
    return (message?.reply_markup?.inline_keyboard.flat() ??
      []) as InlineKeyboardButton.CallbackButton[]
  }

  /** Presses the first button (Xác nhận) under the bot's last message to this person. */
  async confirmLast(person: Person): Promise<void> {
    const message = this.api.botMessages(person.id).at(-1)
    const confirm = this.buttons(person)[0]
    if (message === undefined || confirm === undefined)
      throw new Error(`no button under the last message to ${person.name}`)
    await person.presses('private', message.message_id, confirm.callback_data)
  }

  /** Moves the clock and lets the sender work through what is due; resolves when it is idle again. */
  async runSenderAt(instant: string): Promise<void> {
    this.clock.set(instant)
    const idle = this.app.scheduler.whenIdle()
    this.app.scheduler.wake()
    await idle
  }

  lastBotText(where: Chat | Person): string {
    return this.botTexts(where).at(-1) ?? ''
  }
}
