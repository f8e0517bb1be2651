import type { Message } from 'grammy/types'
import { badRequest } from './errors.js'
import { markupParam, textParam, threadParam } from './message-parts.js'
import { isRecord, optInt, type Params } from './params.js'
import type { ChatRecord, World } from './world.js'

/**
 * sendMessage with `ephemeral_message_parameters` (Bot API 10.3; 10.2 took
 * `receiver_user_id` and `callback_query_id` as top-level parameters): a
 * message only the receiver sees. Telegram allows it in groups where the bot
 * is an administrator, to a member of that group; the refusals below are its
 * 400s as the stand-in words them.
 */
export function sendEphemeral(
  world: World,
  record: ChatRecord,
  params: Params,
  ephemeral: unknown,
): Message {
  if (!isRecord(ephemeral)) throw badRequest("can't parse ephemeral message parameters")
  const receiverId = optInt(ephemeral, 'receiver_user_id')
  if (receiverId === undefined) throw badRequest('receiver user not specified')
  if (record.type === 'private') throw badRequest('ephemeral messages can be sent only to groups')
  if (!world.isBotAdmin(record.id))
    throw badRequest('not enough rights to send ephemeral messages to the chat')
  if (!world.users.has(receiverId)) throw badRequest('user not found')
  const status = world.memberStatus(record, receiverId)
  if (status !== 'member' && status !== 'administrator' && status !== 'creator')
    throw badRequest('user not found')
  const markup = markupParam(params)
  return world.appendEphemeral(record, receiverId, textParam(params), {
    ...threadParam(params),
    ...(markup === undefined ? {} : { markup }),
  }).message
}
