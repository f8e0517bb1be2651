import { Composer } from 'grammy'
import { deactivateGroup, updateGroupFacts } from '../../domain/units/register-group.js'
import type { LoaContext } from '../context.js'

/**
 * my_chat_member in a registered group: keep the bot's rights current (reactions
 * need admin), and mark the group inactive when the bot is removed so nothing
 * more is sent there.
 */
export function groupEventsFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.on('my_chat_member', async (ctx) => {
    if (ctx.unitChat === undefined) return
    const status = ctx.myChatMember.new_chat_member.status
    if (status === 'left' || status === 'kicked') {
      await deactivateGroup(ctx.deps, ctx.chat.id, status === 'kicked' ? 'bot-kicked' : 'bot-left')
      ctx.log.warn({ chatId: ctx.chat.id, status }, 'bot removed from a unit group')
      return
    }
    await updateGroupFacts(ctx.deps, ctx.chat.id, {
      botIsAdmin: status === 'administrator' || status === 'creator',
      title: 'title' in ctx.chat ? ctx.chat.title : undefined,
    })
    if (status === 'member' && ctx.unitChat.botIsAdmin) {
      await ctx.api.sendMessage(ctx.chat.id, ctx.t('register-bot-admin-missing'))
    }
  })
  return composer
}
