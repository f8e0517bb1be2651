import type { BotCommand, User } from 'grammy/types'
import type { FileStore } from './files.js'
import { botMethods } from './methods-bot.js'
import { chatMethods } from './methods-chat.js'
import { editMethods } from './methods-edit.js'
import { sendMethods } from './methods-send.js'
import type { Params } from './params.js'
import type { CallbackAnswer } from './types.js'
import type { UpdateQueue } from './updates.js'
import type { World } from './world.js'

/** What every method implementation may touch. */
export interface MethodContext {
  world: World
  files: FileStore
  updates: UpdateQueue
  /** setMyCommands storage, keyed by {@link commandsKey}. */
  commands: Map<string, BotCommand[]>
  /** Callback queries the bot has not answered yet, by id. */
  openCallbacks: Set<string>
  callbackAnswers: CallbackAnswer[]
  botUser: User
  privacyMode: boolean
}

/** One Bot API method; throws BotApiError for Telegram's refusals. */
export type Handler = (params: Params, signal: AbortSignal) => unknown

export function createMethods(ctx: MethodContext): Map<string, Handler> {
  const all: Record<string, Handler> = {
    ...botMethods(ctx),
    ...chatMethods(ctx),
    ...sendMethods(ctx),
    ...editMethods(ctx),
  }
  return new Map(Object.entries(all))
}
