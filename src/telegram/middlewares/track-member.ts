import type { MiddlewareFn } from 'grammy'
import type { User } from 'grammy/types'
import { effectiveRole } from '../../domain/units/member.js'
import {
  recordMemberLeft,
  rememberMember,
  type PersonSighting,
} from '../../domain/units/members.js'
import { findUnitChat } from '../../domain/units/unit-repository.js'
import type { LoaContext } from '../context.js'

export function toSighting(user: User): PersonSighting {
  return {
    telegramId: user.id,
    firstName: user.first_name,
    lastName: user.last_name,
    username: user.username,
    languageCode: user.language_code,
  }
}

const isGroup = (type: string | undefined) => type === 'group' || type === 'supergroup'

/**
 * PRODUCT §2: members are learned from activity in a unit's group (messages,
 * button presses, reactions, joins) and leaves are recorded from chat_member.
 * Sets ctx.member, ctx.role and ctx.unitChat for everything downstream.
 */
export const trackMember: MiddlewareFn<LoaContext> = async (ctx, next) => {
  const chat = ctx.chat
  ctx.unitChat =
    chat !== undefined && isGroup(chat.type) ? await findUnitChat(ctx.deps.db, chat.id) : undefined
  const where = chat === undefined ? undefined : { chatId: chat.id, isGroup: isGroup(chat.type) }
  // In groups only registered ones teach us members; in private everyone who writes is remembered.
  const learnHere = chat?.type === 'private' || ctx.unitChat !== undefined

  const changed = ctx.chatMember
  if (changed !== undefined && ctx.unitChat !== undefined) {
    const person = toSighting(changed.new_chat_member.user)
    if (!changed.new_chat_member.user.is_bot) {
      if (['left', 'kicked'].includes(changed.new_chat_member.status))
        await recordMemberLeft(ctx.deps, person, changed.chat.id)
      else await rememberMember(ctx.deps, person, where)
    }
  }
  for (const joined of ctx.message?.new_chat_members ?? []) {
    if (!joined.is_bot && ctx.unitChat !== undefined)
      await rememberMember(ctx.deps, toSighting(joined), where)
  }
  const left = ctx.message?.left_chat_member
  if (left !== undefined && !left.is_bot && ctx.unitChat !== undefined) {
    await recordMemberLeft(ctx.deps, toSighting(left), ctx.unitChat.chatId)
  }

  // The actor: message sender, button presser, reactor. chat_member's `from` is whoever made the change.
  const actor = ctx.messageReaction?.user ?? ctx.from
  const actorIsPerson =
    actor !== undefined && !actor.is_bot && ctx.chatMember === undefined && left === undefined
  if (actorIsPerson && learnHere) {
    ctx.member = await rememberMember(ctx.deps, toSighting(actor), where)
  }
  ctx.role = effectiveRole(ctx.member, ctx.deps.config.adminIds, ctx.from?.id)
  await next()
}
