import type { Message, MessageEntity, ReactionTypeEmoji, Update, User } from 'grammy/types'
import { detectEntities } from './entities.js'
import { guessMimeType } from './files.js'
import { contentOf } from './message-parts.js'
import type { MethodContext } from './methods.js'
import type { MemberStatus } from './types.js'
import type { ChatRecord, StoredMessage } from './world.js'

/** A 1×1 PNG: what a user "photographs" unless a test passes real bytes. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
)

type Body = Omit<Update, 'update_id'>

export interface MessageOptions {
  replyTo?: number
  threadId?: number
  /** Formatting the client attached (bold, italic…), beside the detected commands and links. */
  formatting?: MessageEntity[]
}

/**
 * What people do in Telegram, turned into the updates Telegram would queue for the bot.
 * Test mistakes (unknown user, message or chat) throw plain Errors at once.
 */
export class UserActions {
  private nextCallbackId = 4_382_000_000_000_000_001n
  private mediaGroups = 0

  constructor(private readonly ctx: MethodContext) {}

  sendText(from: number, chatId: number, text: string, opts: MessageOptions = {}): Update {
    const entities = [...detectEntities(text), ...(opts.formatting ?? [])].sort(
      (a, b) => a.offset - b.offset,
    )
    return this.userMessage(
      from,
      chatId,
      { text, ...(entities.length === 0 ? {} : { entities }) },
      opts,
    )
  }

  sendDocument(
    from: number,
    chatId: number,
    doc: { fileName: string; mimeType?: string; content: Uint8Array | string },
    opts: { caption?: string; replyTo?: number; threadId?: number } = {},
  ): Update {
    const data = typeof doc.content === 'string' ? Buffer.from(doc.content, 'utf8') : doc.content
    const mimeType = doc.mimeType ?? guessMimeType(doc.fileName)
    const file = this.ctx.files.add('document', new Uint8Array(data), {
      fileName: doc.fileName,
      ...(mimeType === undefined ? {} : { mimeType }),
    })
    return this.userMessage(
      from,
      chatId,
      { document: this.ctx.files.asDocument(file), ...caption(opts.caption) },
      opts,
    )
  }

  sendPhoto(
    from: number,
    chatId: number,
    opts: { caption?: string; replyTo?: number; threadId?: number; content?: Uint8Array } = {},
  ): Update {
    const photo = this.ctx.files.addPhoto(opts.content ?? new Uint8Array(TINY_PNG))
    return this.userMessage(from, chatId, { photo, ...caption(opts.caption) }, opts)
  }

  /** An album: one message per item, sharing a media_group_id, as Telegram delivers them. */
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
    this.mediaGroups += 1
    const media_group_id = String(14_000_000_000_000_000n + BigInt(this.mediaGroups))
    return items.map((item, i) => {
      const data = item.content ?? new Uint8Array(TINY_PNG)
      let content: Partial<Message>
      if (item.kind === 'photo') content = { photo: this.ctx.files.addPhoto(data) }
      else {
        const fileName = item.fileName ?? `tep-${i + 1}.pdf`
        const mimeType = guessMimeType(fileName)
        const file = this.ctx.files.add('document', data, {
          fileName,
          ...(mimeType === undefined ? {} : { mimeType }),
        })
        content = { document: this.ctx.files.asDocument(file) }
      }
      return this.userMessage(from, chatId, {
        ...content,
        ...caption(item.caption),
        media_group_id,
      })
    })
  }

  pressButton(
    from: number,
    chatId: number,
    messageId: number,
    data: string,
    opts: { unchecked?: boolean } = {},
  ): Update {
    const { world } = this.ctx
    const user = world.user(from)
    const record = world.chat(chatId)
    const stored = world.message(chatId, messageId)
    if (stored === undefined)
      throw new Error(`pressButton: no message ${messageId} in chat ${chatId}`)
    if (opts.unchecked !== true && !hasButton(stored, data)) {
      throw new Error(
        `pressButton: message ${messageId} in chat ${chatId} has no button with callback_data ${JSON.stringify(data)} (pass { unchecked: true } to forge one)`,
      )
    }
    return this.callbackQuery(user, stored.message, record.chatInstance, data)
  }

  /**
   * A tap on a button of an ephemeral message (Bot API 10.3). Only its receiver
   * sees it, so only they can press; the callback carries the ephemeral message
   * itself (message_id 0, ephemeral_message_id, receiver_user) and the group's
   * chat_instance.
   */
  pressEphemeralButton(from: number, chatId: number, ephemeralId: number, data: string): Update {
    const { world } = this.ctx
    const user = world.user(from)
    const record = world.chat(chatId)
    const stored = record.ephemeral.get(ephemeralId)
    if (stored === undefined || stored.deleted || stored.receiver !== from)
      throw new Error(
        `pressEphemeralButton: user ${from} sees no ephemeral message ${ephemeralId} in chat ${chatId}`,
      )
    if (!hasButton(stored, data))
      throw new Error(
        `pressEphemeralButton: ephemeral message ${ephemeralId} has no button with callback_data ${JSON.stringify(data)}`,
      )
    return this.callbackQuery(user, stored.message, record.chatInstance, data)
  }

  /** The callback_query update of a press, left open until the bot answers it. */
  private callbackQuery(from: User, message: Message, chatInstance: string, data: string): Update {
    const id = String(this.nextCallbackId)
    this.nextCallbackId += 1n
    this.ctx.openCallbacks.add(id)
    return this.ctx.updates.push({
      callback_query: { id, from, message, chat_instance: chatInstance, data },
    })
  }

  /**
   * A user's reaction. Withheld (never delivered) in a group where the bot is not an
   * administrator, as Telegram only sends message_reaction to admin bots.
   */
  react(from: number, chatId: number, messageId: number, emojis: string[]): Update {
    const { world } = this.ctx
    const stored = world.message(chatId, messageId)
    if (stored === undefined) throw new Error(`react: no message ${messageId} in chat ${chatId}`)
    const record = world.chat(chatId)
    const old_reaction = stored.reactions.get(from) ?? []
    const new_reaction: ReactionTypeEmoji[] = emojis.map(
      (emoji) => ({ type: 'emoji', emoji }) as ReactionTypeEmoji,
    )
    stored.reactions.set(from, new_reaction)
    const body = {
      message_reaction: {
        chat: record.chat,
        message_id: messageId,
        user: world.user(from),
        date: world.nowSeconds(),
        old_reaction,
        new_reaction,
      },
    } as Body
    return this.ctx.updates.push(body, { withheld: !this.botReceivesAdminUpdates(record) })
  }

  join(userId: number, chatId: number): Update[] {
    const record = this.groupRecord(chatId, 'join')
    const old = this.ctx.world.memberStatus(record, userId)
    record.members.set(userId, 'member')
    return [
      this.chatMemberUpdate(record, userId, old === 'kicked' ? 'kicked' : 'left', 'member'),
      this.userMessage(userId, chatId, { new_chat_members: [this.ctx.world.user(userId)] }),
    ]
  }

  leave(userId: number, chatId: number): Update[] {
    const record = this.groupRecord(chatId, 'leave')
    const old = this.ctx.world.memberStatus(record, userId)
    const update = this.chatMemberUpdate(record, userId, old, 'left')
    // The service message is written while the user is still present; then they are gone.
    const message = this.userMessage(userId, chatId, {
      left_chat_member: this.ctx.world.user(userId),
    })
    record.members.set(userId, 'left')
    return [update, message]
  }

  addBotToGroup(chatId: number, by: number, status: 'member' | 'administrator' = 'member'): Update {
    const record = this.groupRecord(chatId, 'addBotToGroup')
    return this.myChatMember(record, by, status)
  }

  kickBot(chatId: number, by: number): Update {
    return this.myChatMember(this.groupRecord(chatId, 'kickBot'), by, 'kicked')
  }

  /** The user blocks the bot: my_chat_member member → kicked; sends then get 403. */
  blockBot(userId: number): Update {
    const record = this.ctx.world.privateChat(userId)
    this.ctx.world.blocked.add(userId)
    return this.myChatMember(record, userId, 'kicked')
  }

  unblockBot(userId: number): Update {
    const record = this.ctx.world.privateChat(userId)
    this.ctx.world.blocked.delete(userId)
    return this.myChatMember(record, userId, 'member')
  }

  /**
   * Upgrades a basic group: a new -100… supergroup with the same people; the old id then
   * answers 400 with migrate_to_chat_id. Service messages go to both chats, as on Telegram.
   */
  migrateGroup(chatId: number, by?: number): number {
    const { world } = this.ctx
    const old = this.groupRecord(chatId, 'migrateGroup')
    if (old.type !== 'group') throw new Error(`migrateGroup: chat ${chatId} is not a basic group`)
    const newId = world.newSupergroupId()
    const title = old.chat.title ?? ''
    const next = world.addGroup({ id: newId, title, type: 'supergroup', botStatus: old.botStatus })
    next.botRights = old.botRights
    for (const [userId, status] of old.members) next.members.set(userId, status)
    const actor =
      by ?? [...old.members].find(([, s]) => s === 'creator')?.[0] ?? [...old.members.keys()][0]
    const from = actor ?? 'bot'
    this.appendAndQueue(old, from, { migrate_to_chat_id: newId })
    old.migratedTo = newId
    this.appendAndQueue(next, from, { migrate_from_chat_id: chatId })
    return newId
  }

  private groupRecord(chatId: number, what: string): ChatRecord {
    const record = this.ctx.world.chat(chatId)
    if (record.type === 'private') throw new Error(`${what}: chat ${chatId} is a private chat`)
    return record
  }

  private myChatMember(record: ChatRecord, by: number, status: MemberStatus): Update {
    const { world } = this.ctx
    const botId = world.botUser.id
    const old = world.chatMember(record, botId)
    record.botStatus = status
    return this.ctx.updates.push({
      my_chat_member: {
        chat: record.chat,
        from: world.user(by),
        date: world.nowSeconds(),
        old_chat_member: old,
        new_chat_member: world.chatMember(record, botId),
      },
    })
  }

  private chatMemberUpdate(
    record: ChatRecord,
    userId: number,
    from: MemberStatus,
    to: MemberStatus,
  ): Update {
    const { world } = this.ctx
    const body = {
      chat_member: {
        chat: record.chat,
        from: world.user(userId),
        date: world.nowSeconds(),
        old_chat_member: world.chatMember(record, userId, from),
        new_chat_member: world.chatMember(record, userId, to),
      },
    } as Body
    return this.ctx.updates.push(body, { withheld: !this.botReceivesAdminUpdates(record) })
  }

  private botReceivesAdminUpdates(record: ChatRecord): boolean {
    return this.ctx.world.isBotAdmin(record.id)
  }

  private userMessage(
    from: number,
    chatId: number,
    content: Partial<Message>,
    opts: MessageOptions = {},
  ): Update {
    const { world } = this.ctx
    world.user(from)
    let record: ChatRecord
    if (chatId > 0) {
      if (chatId !== from)
        throw new Error(`user ${from} cannot write in the private chat of ${chatId}`)
      record = world.privateChat(from)
      // Any message to the bot opens the private chat; writing again lifts a block.
      world.started.add(from)
      world.blocked.delete(from)
    } else {
      record = this.groupRecord(chatId, 'send')
      if (record.migratedTo !== undefined) {
        throw new Error(`chat ${chatId} was migrated to ${record.migratedTo}; write there`)
      }
      const status = world.memberStatus(record, from)
      if (status === 'left' || status === 'kicked') record.members.set(from, 'member')
    }
    let replyTo: StoredMessage | undefined
    if (opts.replyTo !== undefined) {
      replyTo = world.message(record.id, opts.replyTo)
      if (replyTo === undefined)
        throw new Error(`no message ${opts.replyTo} to reply to in chat ${chatId}`)
    }
    return this.appendAndQueue(record, from, content, {
      ...(replyTo === undefined ? {} : { replyTo }),
      ...(opts.threadId === undefined ? {} : { threadId: opts.threadId }),
    })
  }

  private appendAndQueue(
    record: ChatRecord,
    from: number | 'bot',
    content: Partial<Message>,
    opts: { replyTo?: StoredMessage; threadId?: number } = {},
  ): Update {
    const stored = this.ctx.world.appendMessage(record, from, content, opts)
    return this.ctx.updates.push({ message: stored.message } as Body, {
      withheld: !this.delivers(record, stored),
    })
  }

  /** Whether Telegram would hand this message to the bot at all. */
  private delivers(record: ChatRecord, stored: StoredMessage): boolean {
    if (record.type === 'private') return true
    if (record.botStatus === 'left' || record.botStatus === 'kicked') return false
    if (!this.ctx.privacyMode || this.ctx.world.isBotAdmin(record.id)) return true
    const m = stored.message
    if (contentOf(m) === undefined) return true // service messages always reach the bot
    const username = (this.ctx.botUser.username ?? '').toLowerCase()
    const text = m.text ?? m.caption ?? ''
    const entities: MessageEntity[] = m.entities ?? m.caption_entities ?? []
    return (
      m.reply_to_message?.from?.id === this.ctx.botUser.id ||
      entities.some((e) => {
        const part = text.slice(e.offset, e.offset + e.length).toLowerCase()
        if (e.type === 'bot_command') return !part.includes('@') || part.endsWith(`@${username}`)
        return e.type === 'mention' && part === `@${username}`
      })
    )
  }
}

function caption(text: string | undefined): Partial<Message> {
  if (text === undefined || text === '') return {}
  const entities = detectEntities(text)
  return { caption: text, ...(entities.length === 0 ? {} : { caption_entities: entities }) }
}

function hasButton(stored: StoredMessage, data: string): boolean {
  const markup = stored.message.reply_markup
  return (
    markup?.inline_keyboard.some((row) =>
      row.some((b) => 'callback_data' in b && b.callback_data === data),
    ) ?? false
  )
}
