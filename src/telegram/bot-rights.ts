import type { LoaContext } from './context.js'

export interface BotRights {
  /** Telegram sends reactions and chat_member updates only to administrators. */
  isAdmin: boolean
  /** People in the group, the bot excluded (PRODUCT §2 headcount). */
  memberCount: number | null
}

/** Asks Telegram what the bot may see in this chat. Failures read as "not admin", never as a crash. */
export async function botRightsIn(ctx: LoaContext): Promise<BotRights> {
  const chatId = ctx.chat?.id
  if (chatId === undefined) return { isAdmin: false, memberCount: null }
  const [me, count] = await Promise.allSettled([
    ctx.api.getChatMember(chatId, ctx.me.id),
    ctx.api.getChatMemberCount(chatId),
  ])
  const status = me.status === 'fulfilled' ? me.value.status : 'member'
  return {
    isAdmin: status === 'administrator' || status === 'creator',
    memberCount: count.status === 'fulfilled' ? Math.max(0, count.value - 1) : null,
  }
}
