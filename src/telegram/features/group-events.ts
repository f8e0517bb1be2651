import { Composer } from 'grammy'
import { deactivateGroup, updateGroupFacts } from '../../domain/units/register-group.js'
import type { I18n } from '@grammyjs/i18n'
import { claimNotice } from '../../domain/notices.js'
import type { LoaContext } from '../context.js'
import { tellOfficeGroupLost } from '../office-notices.js'

/**
 * my_chat_member in a registered group: keep the bot's rights current (reactions
 * need admin), and mark the group inactive when the bot is removed so nothing
 * more is sent there.
 */
export function groupEventsFeature(i18n: I18n<LoaContext>): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.on('my_chat_member', async (ctx) => {
    if (ctx.unitChat === undefined) return
    const status = ctx.myChatMember.new_chat_member.status
    if (status === 'left' || status === 'kicked') {
      const reason = ctx.t(status === 'kicked' ? 'group-bot-kicked' : 'group-bot-left')
      await deactivateGroup(ctx.deps, ctx.chat.id, reason)
      ctx.log.warn({ chatId: ctx.chat.id, status }, 'bot removed from a unit group')
      // Said once per group, whether Telegram told us here or a send found out first.
      if (await claimNotice(ctx.deps, ctx.chat.id, 'bot-removed')) {
        await tellOfficeGroupLost(ctx.deps, ctx.api, i18n, { unitId: ctx.unitChat.unitId, reason })
      }
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
