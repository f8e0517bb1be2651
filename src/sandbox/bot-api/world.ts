import type {
  Chat,
  ChatAdministratorRights,
  ChatMember,
  Message,
  ReactionType,
  User,
} from 'grammy/types'
import type { Clock } from '../../clock.js'
import { badRequest, forbidden } from './errors.js'
import type { BotRights, MemberStatus, ReplyMarkup } from './types.js'

/** A message as the stand-in keeps it: Telegram's current view plus what tests observe. */
export interface StoredMessage {
  /** Current state, edits applied; `reply_markup` holds only inline keyboards, as on Telegram. */
  message: Message
  from: 'bot' | number
  edits: number
  deleted: boolean
  /** The markup as sent (any kind), current. */
  markup?: ReplyMarkup
  /** Each user's current reaction, for `old_reaction` in message_reaction updates. */
  reactions: Map<number, ReactionType[]>
  botReaction?: ReactionType[]
}

export interface ChatRecord {
  id: number
  type: 'private' | 'group' | 'supergroup'
  /** The Chat object embedded in messages and updates. */
  chat: Chat
  isForum: boolean
  members: Map<number, MemberStatus>
  botStatus: MemberStatus
  botRights: ChatAdministratorRights
  /** Set once a group was upgraded: Telegram then refuses the old id with this one. */
  migratedTo?: number
  messages: Map<number, StoredMessage>
  nextMessageId: number
  /**
   * Ephemeral messages (Bot API 10.3), by ephemeral_message_id: each seen by its
   * receiver only, so none is in `messages` or in the chat's transcript.
   */
  ephemeral: Map<number, StoredMessage & { receiver: number }>
  nextEphemeralId: number
  /** Stable per chat, as callback_query.chat_instance is. */
  chatInstance: string
}

export const FULL_RIGHTS: ChatAdministratorRights = {
  is_anonymous: false,
  can_manage_chat: true,
  can_delete_messages: true,
  can_manage_video_chats: true,
  can_restrict_members: true,
  can_promote_members: false,
  can_change_info: true,
  can_invite_users: true,
  can_post_stories: false,
  can_edit_stories: false,
  can_delete_stories: false,
  can_pin_messages: true,
  can_send_welcome_messages: false,
}

/** Users, chats, memberships and messages: everything Telegram knows that the bot may ask. */
export class World {
  readonly users = new Map<number, User>()
  readonly chats = new Map<number, ChatRecord>()
  /** Users who have written to the bot's private chat (a `/start` or anything else). */
  readonly started = new Set<number>()
  readonly blocked = new Set<number>()
  private nextSupergroupId = 1_000_000_001

  constructor(
    private readonly clock: Clock,
    readonly botUser: User,
  ) {}

  nowSeconds(): number {
    return Math.floor(this.clock.now().getTime() / 1000)
  }

  addUser(u: {
    id: number
    first_name: string
    last_name?: string
    username?: string
    language_code?: string
  }): User {
    const user: User = { is_bot: false, ...u }
    this.users.set(u.id, user)
    return user
  }

  user(id: number): User {
    if (id === this.botUser.id) return this.botUser
    const user = this.users.get(id)
    if (user === undefined) throw new Error(`BotApiStandIn: unknown user ${id}; call addUser first`)
    return user
  }

  addGroup(g: {
    id: number
    title: string
    type?: 'group' | 'supergroup'
    is_forum?: boolean
    botStatus?: MemberStatus
  }): ChatRecord {
    const type = g.type ?? (String(g.id).startsWith('-100') ? 'supergroup' : 'group')
    const chat: Chat =
      type === 'supergroup'
        ? { id: g.id, type, title: g.title, ...(g.is_forum === true ? { is_forum: true } : {}) }
        : { id: g.id, type, title: g.title }
    const record = this.newRecord(g.id, type, chat, g.is_forum === true)
    record.botStatus = g.botStatus ?? 'member'
    this.chats.set(g.id, record)
    return record
  }

  private newRecord(
    id: number,
    type: ChatRecord['type'],
    chat: Chat,
    isForum: boolean,
  ): ChatRecord {
    return {
      id,
      type,
      chat,
      isForum,
      members: new Map(),
      botStatus: 'member',
      botRights: FULL_RIGHTS,
      messages: new Map(),
      nextMessageId: 1,
      ephemeral: new Map(),
      nextEphemeralId: 1,
      chatInstance: String(BigInt.asUintN(63, BigInt(id) * 2654435761n + 1234567n)),
    }
  }

  /** The bot's private chat with a user, created when the user first writes. */
  privateChat(userId: number): ChatRecord {
    const existing = this.chats.get(userId)
    if (existing !== undefined) return existing
    const user = this.user(userId)
    const chat: Chat = {
      id: user.id,
      type: 'private',
      first_name: user.first_name,
      ...(user.last_name === undefined ? {} : { last_name: user.last_name }),
      ...(user.username === undefined ? {} : { username: user.username }),
    }
    const record = this.newRecord(userId, 'private', chat, false)
    record.members.set(userId, 'member')
    this.chats.set(userId, record)
    return record
  }

  chat(chatId: number): ChatRecord {
    const record = this.chats.get(chatId)
    if (record === undefined) throw new Error(`BotApiStandIn: unknown chat ${chatId}`)
    return record
  }

  isBotAdmin(chatId: number): boolean {
    const record = this.chats.get(chatId)
    if (record === undefined) return false
    return (
      record.type === 'private' ||
      record.botStatus === 'administrator' ||
      record.botStatus === 'creator'
    )
  }

  setBotStatus(chatId: number, status: MemberStatus, rights?: BotRights): void {
    const record = this.chat(chatId)
    record.botStatus = status
    record.botRights = { ...FULL_RIGHTS, ...rights }
  }

  /**
   * The chat the bot wants to send into, or Telegram's refusal: unknown chat (400), a group
   * upgraded to a supergroup (400 + migrate_to_chat_id), kicked or not a member (403), a user
   * who blocked the bot or never started it (403).
   */
  sendableChat(chatId: number): ChatRecord {
    const record = this.chats.get(chatId)
    if (record === undefined) {
      if (this.users.has(chatId)) throw forbidden("bot can't initiate conversation with a user")
      throw badRequest('chat not found')
    }
    if (record.type === 'private') {
      if (this.blocked.has(chatId)) throw forbidden('bot was blocked by the user')
      if (!this.started.has(chatId)) throw forbidden("bot can't initiate conversation with a user")
      return record
    }
    if (record.migratedTo !== undefined) {
      throw badRequest('group chat was upgraded to a supergroup chat', {
        migrate_to_chat_id: record.migratedTo,
      })
    }
    const kind = record.type === 'supergroup' ? 'supergroup chat' : 'group chat'
    if (record.botStatus === 'kicked') throw forbidden(`bot was kicked from the ${kind}`)
    if (record.botStatus === 'left') throw forbidden(`bot is not a member of the ${kind}`)
    return record
  }

  /** A chat the bot may read (getChat, getChatMember…): as sendable, but a user need not have started it. */
  readableChat(chatId: number): ChatRecord {
    const record = this.chats.get(chatId)
    if (record?.type === 'private') return record
    return this.sendableChat(chatId)
  }

  message(chatId: number, messageId: number): StoredMessage | undefined {
    const stored = this.chats.get(chatId)?.messages.get(messageId)
    return stored === undefined || stored.deleted ? undefined : stored
  }

  /** Appends a message to a chat with the next message_id and the clock's date. */
  appendMessage(
    record: ChatRecord,
    from: 'bot' | number,
    content: Partial<Message>,
    opts: { replyTo?: StoredMessage; threadId?: number; markup?: ReplyMarkup } = {},
  ): StoredMessage {
    const sender = from === 'bot' ? this.botUser : this.user(from)
    const replyTo = opts.replyTo?.message
    const message = {
      message_id: record.nextMessageId,
      from: sender,
      date: this.nowSeconds(),
      chat: record.chat,
      ...(opts.threadId === undefined
        ? {}
        : {
            message_thread_id: opts.threadId,
            ...(record.isForum ? { is_topic_message: true } : {}),
          }),
      ...(replyTo === undefined ? {} : { reply_to_message: stripReply(replyTo) }),
      ...content,
      ...(opts.markup !== undefined && 'inline_keyboard' in opts.markup
        ? { reply_markup: opts.markup }
        : {}),
    } as Message
    record.nextMessageId += 1
    const stored: StoredMessage = {
      message,
      from,
      edits: 0,
      deleted: false,
      reactions: new Map(),
      ...(opts.markup === undefined ? {} : { markup: opts.markup }),
    }
    record.messages.set(message.message_id, stored)
    return stored
  }

  /**
   * A bot message only `receiverId` sees (Bot API 10.3): message_id 0, its own
   * ephemeral_message_id and receiver_user, as Telegram returns it.
   */
  appendEphemeral(
    record: ChatRecord,
    receiverId: number,
    content: Partial<Message>,
    opts: { threadId?: number; markup?: ReplyMarkup } = {},
  ): StoredMessage {
    const message = {
      message_id: 0,
      ephemeral_message_id: record.nextEphemeralId,
      receiver_user: this.user(receiverId),
      from: this.botUser,
      date: this.nowSeconds(),
      chat: record.chat,
      ...(opts.threadId === undefined ? {} : { message_thread_id: opts.threadId }),
      ...content,
      ...(opts.markup !== undefined && 'inline_keyboard' in opts.markup
        ? { reply_markup: opts.markup }
        : {}),
    } as Message
    record.nextEphemeralId += 1
    const stored = {
      message,
      from: 'bot' as const,
      edits: 0,
      deleted: false,
      reactions: new Map(),
      receiver: receiverId,
      ...(opts.markup === undefined ? {} : { markup: opts.markup }),
    }
    record.ephemeral.set(record.nextEphemeralId - 1, stored)
    return stored
  }

  memberStatus(record: ChatRecord, userId: number): MemberStatus {
    if (userId === this.botUser.id) return record.botStatus
    return record.members.get(userId) ?? 'left'
  }

  /** A ChatMember object as getChatMember and chat_member updates carry it. */
  chatMember(
    record: ChatRecord,
    userId: number,
    status = this.memberStatus(record, userId),
  ): ChatMember {
    const user = this.user(userId)
    switch (status) {
      case 'creator':
        return { status, user, is_anonymous: false }
      case 'administrator':
        return {
          status,
          user,
          can_be_edited: false,
          ...(userId === this.botUser.id ? record.botRights : FULL_RIGHTS),
        }
      case 'member':
        return { status, user }
      case 'left':
        return { status, user }
      case 'kicked':
        return { status, user, until_date: 0 }
    }
  }

  /** A new supergroup id in Telegram's -100… range. */
  newSupergroupId(): number {
    const id = -(1_000_000_000_000 + this.nextSupergroupId)
    this.nextSupergroupId += 1
    return id
  }
}

/** Telegram never nests reply_to_message inside reply_to_message. */
function stripReply(message: Message): Message {
  const { reply_to_message: _dropped, ...rest } = message
  return rest
}
