import type { BotCommand, ChatFullInfo, ChatMember } from 'grammy/types'
import { badRequest } from './errors.js'
import { stableJson } from './methods-edit.js'
import type { Handler, MethodContext } from './methods.js'
import { isRecord, optInt, optObject, optStr, type Params } from './params.js'

/** The key under which setMyCommands stores a (scope, language_code) pair. */
export function commandsKey(scope: unknown, languageCode: string | undefined): string {
  const normalized = isRecord(scope) ? scope : { type: 'default' }
  return `${stableJson(normalized)}|${languageCode ?? ''}`
}

const SCOPES = new Set([
  'default',
  'all_private_chats',
  'all_group_chats',
  'all_chat_administrators',
  'chat',
  'chat_administrators',
  'chat_member',
])

/** Chat information, membership, and the command menus. */
export function chatMethods(ctx: MethodContext): Record<string, Handler> {
  const { world } = ctx

  const chatOf = (params: Params): ReturnType<typeof world.readableChat> => {
    const chatId = optInt(params, 'chat_id')
    if (chatId === undefined) throw badRequest('chat_id is empty')
    return world.readableChat(chatId)
  }

  const scopeKey = (params: Params): string => {
    const scope = optObject(params, 'scope')
    if (scope !== undefined && (!isRecord(scope) || !SCOPES.has(String(scope['type'])))) {
      throw badRequest("can't parse BotCommandScope: unsupported scope type")
    }
    if (
      isRecord(scope) &&
      ['chat', 'chat_administrators', 'chat_member'].includes(String(scope['type']))
    ) {
      const chatId = optInt(scope, 'chat_id')
      if (chatId === undefined || !world.chats.has(chatId)) throw badRequest('chat not found')
      // Telegram keeps numbers as numbers whatever form they came in.
      return commandsKey(
        {
          ...scope,
          chat_id: chatId,
          ...(scope['user_id'] === undefined ? {} : { user_id: optInt(scope, 'user_id') }),
        },
        optStr(params, 'language_code'),
      )
    }
    return commandsKey(scope, optStr(params, 'language_code'))
  }

  return {
    getChat: (params): ChatFullInfo => {
      const record = chatOf(params)
      return {
        ...record.chat,
        accent_color_id: 0,
        max_reaction_count: 11,
        accepted_gift_types: {
          unlimited_gifts: false,
          limited_gifts: false,
          unique_gifts: false,
          premium_subscription: false,
          gifts_from_channels: false,
        },
      }
    },

    getChatMember: (params): ChatMember => {
      const record = chatOf(params)
      const userId = optInt(params, 'user_id')
      if (userId === undefined) throw badRequest('user_id is empty')
      if (userId !== world.botUser.id && !world.users.has(userId))
        throw badRequest('user not found')
      if (record.type === 'private' && userId !== world.botUser.id && userId !== record.id) {
        throw badRequest('user not found')
      }
      return world.chatMember(record, userId)
    },

    getChatMemberCount: (params) => {
      const record = chatOf(params)
      if (record.type === 'private') return 2
      const present = (s: string): boolean =>
        s === 'creator' || s === 'administrator' || s === 'member'
      const users = [...record.members.values()].filter(present).length
      return users + (present(record.botStatus) ? 1 : 0)
    },

    getChatAdministrators: (params): ChatMember[] => {
      const record = chatOf(params)
      if (record.type === 'private')
        throw badRequest('there are no administrators in the private chat')
      const admins: ChatMember[] = []
      for (const [userId, status] of record.members) {
        if (status === 'creator' || status === 'administrator')
          admins.push(world.chatMember(record, userId))
      }
      if (world.isBotAdmin(record.id)) admins.push(world.chatMember(record, world.botUser.id))
      return admins
    },

    leaveChat: (params) => {
      const record = chatOf(params)
      if (record.type === 'private')
        throw badRequest('chat member status is not supported in private chats')
      record.botStatus = 'left'
      return true
    },

    setMyCommands: (params) => {
      const commands = optObject(params, 'commands')
      if (!Array.isArray(commands) || commands.length > 100)
        throw badRequest('commands must be an array of at most 100')
      const parsed: BotCommand[] = commands.map((c: unknown) => {
        if (!isRecord(c)) throw badRequest("can't parse BotCommand: expected an Object")
        const command = (optStr(c, 'command') ?? '').replace(/^\//, '')
        const description = optStr(c, 'description') ?? ''
        if (!/^[a-z0-9_]{1,32}$/.test(command)) throw badRequest('BOT_COMMAND_INVALID')
        if (description.trim().length === 0 || description.length > 256) {
          throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID')
        }
        return { command, description }
      })
      const key = scopeKey(params)
      if (parsed.length === 0) ctx.commands.delete(key)
      else ctx.commands.set(key, parsed)
      return true
    },

    getMyCommands: (params) => ctx.commands.get(scopeKey(params)) ?? [],

    deleteMyCommands: (params) => {
      ctx.commands.delete(scopeKey(params))
      return true
    },
  }
}
