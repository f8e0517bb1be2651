import type {
  BotCommand,
  BotCommandScope,
  ChatAdministratorRights,
  Message,
  Update,
  User,
} from 'grammy/types'
import { systemClock, type Clock } from '../../clock.js'
import { CallLog } from './call-log.js'
import { Dispatcher } from './dispatcher.js'
import { Faults } from './faults.js'
import { FileStore } from './files.js'
import { RateLimits } from './limits.js'
import { commandsKey } from './methods-chat.js'
import { createMethods, type MethodContext } from './methods.js'
import { BotApiHttpServer } from './server.js'
import type {
  ApiCall,
  BotApiStandInOptions,
  CallbackAnswer,
  ChatEntry,
  EntryKind,
  Fault,
  LimitViolation,
  MemberStatus,
} from './types.js'
import { UpdateQueue } from './updates.js'
import { UserActions, type MessageOptions } from './user-actions.js'
import { World, type StoredMessage } from './world.js'

const DEFAULT_TOKEN = '123456:TEST-TOKEN'

/**
 * A local Telegram Bot API over real HTTP, for tests and `npm run sandbox`. Point grammY at
 * it with `client: { apiRoot: standIn.apiRoot }` and the token {@link token}.
 *
 * The world (users, groups, memberships) is set up with `add…`/`set…`; people act with
 * `sendText`, `pressButton`, `react`, `join`…, each queueing the update Telegram would send;
 * the bot's calls are answered like Telegram (errors, limits, long polling) and recorded in
 * {@link calls}; {@link transcript} shows each chat as a person would see it.
 */
export class BotApiStandIn {
  readonly apiRoot: string
  readonly token: string
  readonly botUser: User & { is_bot: true; username: string }
  /** Every callback answer the bot gave, in order. */
  readonly callbackAnswers: readonly CallbackAnswer[]
  /** Every call over a limit, enforced or not. */
  readonly limitViolations: readonly LimitViolation[]

  private readonly world: World
  private readonly updates: UpdateQueue
  private readonly log: CallLog
  private readonly faults: Faults
  private readonly actions: UserActions
  private readonly ctx: MethodContext
  private readonly sends: Map<number, number>
  private readonly server: BotApiHttpServer
  private closing: Promise<void> | undefined

  private constructor(parts: {
    apiRoot: string
    token: string
    botUser: User & { is_bot: true; username: string }
    world: World
    updates: UpdateQueue
    log: CallLog
    faults: Faults
    ctx: MethodContext
    sends: Map<number, number>
    violations: LimitViolation[]
    server: BotApiHttpServer
  }) {
    this.apiRoot = parts.apiRoot
    this.token = parts.token
    this.botUser = parts.botUser
    this.world = parts.world
    this.updates = parts.updates
    this.log = parts.log
    this.faults = parts.faults
    this.ctx = parts.ctx
    this.sends = parts.sends
    this.server = parts.server
    this.callbackAnswers = parts.ctx.callbackAnswers
    this.limitViolations = parts.violations
    this.actions = new UserActions(parts.ctx)
  }

  /** Starts a stand-in listening on 127.0.0.1 on a free port. */
  static async start(options: BotApiStandInOptions = {}): Promise<BotApiStandIn> {
    const clock: Clock = options.clock ?? systemClock
    const token = options.token ?? DEFAULT_TOKEN
    const bot = options.bot ?? {
      id: Number(token.split(':')[0]) || 123456,
      username: 'loa_test_bot',
      first_name: 'Loa',
    }
    const botUser = { ...bot, is_bot: true as const }
    const world = new World(clock, botUser)
    const updates = new UpdateQueue()
    const files = new FileStore()
    const log = new CallLog()
    const faults = new Faults()
    const violations: LimitViolation[] = []
    const sends = new Map<number, number>()
    const ctx: MethodContext = {
      world,
      files,
      updates,
      commands: new Map(),
      openCallbacks: new Set(),
      callbackAnswers: [],
      botUser,
      privacyMode: options.privacyMode ?? false,
    }
    const dispatcher = new Dispatcher({
      methods: createMethods(ctx),
      faults,
      limits: new RateLimits(clock),
      log,
      clock,
      world,
      enforceLimits: options.enforceLimits ?? true,
      violations,
      sends,
    })
    const server = new BotApiHttpServer(token, dispatcher, files)
    const apiRoot = await server.listen()
    return new BotApiStandIn({
      apiRoot,
      token,
      botUser,
      world,
      updates,
      log,
      faults,
      ctx,
      sends,
      violations,
      server,
    })
  }

  /** Answers pending long polls with [], rejects pending waits, closes every socket. Idempotent. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.updates.close()
      await this.server.close()
      this.log.close()
    })()
    return this.closing
  }

  // ── the world ────────────────────────────────────────────────────────────

  addUser(u: {
    id: number
    first_name: string
    last_name?: string
    username?: string
    language_code?: string
  }): User {
    return this.world.addUser(u)
  }

  /**
   * A group or supergroup (type defaults from the id: -100… is a supergroup). The bot is a
   * plain member unless `botStatus` says otherwise ('left' to then show {@link addBotToGroup}).
   * Private chats need no setup: one exists once its user writes to the bot.
   */
  addGroup(g: {
    id: number
    title: string
    type?: 'group' | 'supergroup'
    is_forum?: boolean
    botStatus?: 'member' | 'administrator' | 'left'
  }): Message['chat'] {
    return this.world.addGroup(g).chat
  }

  /** A user's membership, as getChatMember / getChatAdministrators / getChatMemberCount see it. */
  setMember(chatId: number, userId: number, status: MemberStatus): void {
    this.world.user(userId)
    this.world.chat(chatId).members.set(userId, status)
  }

  /** Whether the bot is an administrator (with these rights; default all but promoting) or a member. */
  setBotStatus(
    chatId: number,
    status: 'administrator' | 'member',
    rights?: Partial<ChatAdministratorRights>,
  ): void {
    this.world.setBotStatus(chatId, status, rights)
  }

  // ── updates in ───────────────────────────────────────────────────────────

  /** A text message; /commands, @mentions, #hashtags and links get their entities. */
  sendText(from: number, chatId: number, text: string, opts?: MessageOptions): Update {
    return this.actions.sendText(from, chatId, text, opts)
  }

  /** A document, stored so getFile and /file/bot<token>/<path> return its bytes. */
  sendDocument(
    from: number,
    chatId: number,
    doc: { fileName: string; mimeType?: string; content: Uint8Array | string },
    opts?: { caption?: string; replyTo?: number; threadId?: number },
  ): Update {
    return this.actions.sendDocument(from, chatId, doc, opts)
  }

  /** A photo (a tiny PNG unless `content` is given), as a thumbnail and a full size. */
  sendPhoto(
    from: number,
    chatId: number,
    opts?: { caption?: string; replyTo?: number; threadId?: number; content?: Uint8Array },
  ): Update {
    return this.actions.sendPhoto(from, chatId, opts)
  }

  /** An album: one update per item, sharing a media_group_id. */
  sendAlbum(
    from: number,
    chatId: number,
    items: {
      kind: 'photo' | 'document'
      caption?: string
      fileName?: string
      content?: Uint8Array
    }[],
  ): Update[] {
    return this.actions.sendAlbum(from, chatId, items)
  }

  /**
   * A tap on an inline button of the bot's message. Throws if the message (as currently
   * edited) has no button with that callback_data, unless `unchecked` (to forge stale data).
   */
  pressButton(
    from: number,
    chatId: number,
    messageId: number,
    data: string,
    opts?: { unchecked?: boolean },
  ): Update {
    return this.actions.pressButton(from, chatId, messageId, data, opts)
  }

  /** A tap on a button of an ephemeral message, by its receiver (the only one who sees it). */
  pressEphemeralButton(from: number, chatId: number, ephemeralId: number, data: string): Update {
    return this.actions.pressEphemeralButton(from, chatId, ephemeralId, data)
  }

  /** A reaction (replacing the user's previous one). Withheld in groups where the bot is not admin. */
  react(from: number, chatId: number, messageId: number, emojis: string[]): Update {
    return this.actions.react(from, chatId, messageId, emojis)
  }

  /** chat_member (left → member; withheld unless the bot is admin) and a new_chat_members message. */
  join(userId: number, chatId: number): Update[] {
    return this.actions.join(userId, chatId)
  }

  /** chat_member (member → left; withheld unless the bot is admin) and a left_chat_member message. */
  leave(userId: number, chatId: number): Update[] {
    return this.actions.leave(userId, chatId)
  }

  /** my_chat_member: the bot's status in an existing group changes to `status`. */
  addBotToGroup(chatId: number, by: number, status: 'member' | 'administrator' = 'member'): Update {
    return this.actions.addBotToGroup(chatId, by, status)
  }

  /** my_chat_member (→ kicked); later sends answer 403 "bot was kicked from the group chat". */
  kickBot(chatId: number, by: number): Update {
    return this.actions.kickBot(chatId, by)
  }

  /** The user blocks the bot: my_chat_member (→ kicked); sends answer 403 "bot was blocked by the user". */
  blockBot(userId: number): Update {
    return this.actions.blockBot(userId)
  }

  unblockBot(userId: number): Update {
    return this.actions.unblockBot(userId)
  }

  /** Group → supergroup with a new -100… id, which it returns; the old id answers 400 + migrate_to_chat_id. */
  migrateGroup(chatId: number, by?: number): number {
    return this.actions.migrateGroup(chatId, by)
  }

  /** Escape hatch: queues any raw update, assigning its update_id. */
  pushUpdate(raw: object): Update {
    const { update_id: _ignored, ...body } = raw as Partial<Update>
    return this.updates.push(body)
  }

  // ── faults ───────────────────────────────────────────────────────────────

  /** The next `count` (default 1) calls of `method` ('*' = any but getUpdates), optionally into `chatId`, fail so. */
  failNext(method: string, fault: Fault, opts?: { count?: number; chatId?: number }): void {
    this.faults.failNext(method, fault, opts)
  }

  /** Each call of `method` fails with probability `rate`, picking from `faults`, reproducibly from `seed`. */
  failRandomly(method: string, opts: { rate: number; faults: Fault[]; seed: number }): void {
    this.faults.failRandomly(method, opts)
  }

  clearFaults(): void {
    this.faults.clear()
  }

  // ── observation ──────────────────────────────────────────────────────────

  get calls(): readonly ApiCall[] {
    return this.log.calls
  }

  callsOf(method: string): ApiCall[] {
    return this.log.calls.filter((c) => c.method === method)
  }

  /** The chat as a person scrolling it would see it, deleted messages flagged. */
  transcript(chatId: number): ChatEntry[] {
    const record = this.world.chats.get(chatId)
    if (record === undefined) return []
    return [...record.messages.values()].map(toEntry)
  }

  /** What the bot sent into the chat and has not deleted, edits applied. */
  botMessages(chatId: number): Message[] {
    const record = this.world.chats.get(chatId)
    if (record === undefined) return []
    return [...record.messages.values()]
      .filter((m) => m.from === 'bot' && !m.deleted)
      .map((m) => m.message)
  }

  /**
   * The ephemeral messages of a group that `userId` sees (Bot API 10.3): only
   * those addressed to them; other members see none of them.
   */
  ephemeralMessages(chatId: number, userId: number): Message[] {
    const record = this.world.chats.get(chatId)
    if (record === undefined) return []
    return [...record.ephemeral.values()]
      .filter((m) => m.receiver === userId && !m.deleted)
      .map((m) => m.message)
  }

  /** A group's ephemeral messages as transcript entries, each with the one user who sees it. */
  ephemeralTranscript(chatId: number): (ChatEntry & { receiver: number; ephemeralId: number })[] {
    const record = this.world.chats.get(chatId)
    if (record === undefined) return []
    return [...record.ephemeral.entries()].map(([ephemeralId, stored]) => ({
      ...toEntry(stored),
      receiver: stored.receiver,
      ephemeralId,
    }))
  }

  /** The bot's current reaction on a message, if it set one. */
  botReaction(chatId: number, messageId: number): string[] {
    const reaction = this.world.message(chatId, messageId)?.botReaction ?? []
    return reaction.map((r) => (r.type === 'emoji' ? r.emoji : r.type))
  }

  /** Successful message-creating calls per chat id. */
  sendsPerChat(): Map<number, number> {
    return new Map(this.sends)
  }

  /** The menu setMyCommands stored for exactly this scope and language ('' = all languages). */
  commands(scope: BotCommandScope = { type: 'default' }, languageCode = ''): BotCommand[] {
    return this.ctx.commands.get(commandsKey(scope, languageCode)) ?? []
  }

  /** Users who have opened a private chat with the bot. */
  hasStarted(userId: number): boolean {
    return this.world.started.has(userId)
  }

  /**
   * The first call after `after` (a seq; default 0, i.e. all calls) matching the predicate,
   * already made or still to come. Rejects after `timeoutMs` (default 5000) listing the last calls.
   */
  waitForCall(
    predicate: (c: ApiCall) => boolean,
    opts?: { timeoutMs?: number; after?: number },
  ): Promise<ApiCall> {
    return this.log.waitFor(predicate, opts)
  }

  /** Resolves once a getUpdates offset has passed `updateId` (or the update was withheld or dropped). */
  waitForConfirmed(updateId: number, opts: { timeoutMs?: number } = {}): Promise<void> {
    return this.updates.waitForConfirmed(updateId, opts.timeoutMs ?? 5000)
  }

  /**
   * Resolves when a getUpdates call is held open: the bot has drained the queue and waits.
   * Useful before asserting that nothing else happens, and to sequence a test without sleeps.
   */
  waitForPolling(opts: { timeoutMs?: number } = {}): Promise<void> {
    return this.updates.waitForPolling(opts.timeoutMs ?? 5000)
  }

  /** Updates queued and not yet confirmed. */
  get pendingUpdateCount(): number {
    return this.updates.pendingCount
  }
}

function toEntry(stored: StoredMessage): ChatEntry {
  const m = stored.message
  const text = m.text ?? m.caption
  return {
    message_id: m.message_id,
    from: stored.from,
    kind: kindOf(m),
    ...(text === undefined ? {} : { text }),
    date: m.date,
    ...(stored.markup === undefined ? {} : { reply_markup: stored.markup }),
    edits: stored.edits,
    ...(stored.deleted ? { deleted: true } : {}),
    ...(m.media_group_id === undefined ? {} : { media_group_id: m.media_group_id }),
    ...(m.reply_to_message === undefined
      ? {}
      : { reply_to_message_id: m.reply_to_message.message_id }),
    ...(m.message_thread_id === undefined ? {} : { message_thread_id: m.message_thread_id }),
  }
}

function kindOf(m: Message): EntryKind {
  const kinds: EntryKind[] = [
    'photo',
    'document',
    'video',
    'audio',
    'voice',
    'animation',
    'sticker',
  ]
  const media = kinds.find((k) => m[k as keyof Message] !== undefined)
  if (media !== undefined) return media
  if (m.text !== undefined) return 'text'
  if (
    m.new_chat_members !== undefined ||
    m.left_chat_member !== undefined ||
    m.migrate_to_chat_id !== undefined ||
    m.migrate_from_chat_id !== undefined
  ) {
    return 'service'
  }
  return 'other'
}
