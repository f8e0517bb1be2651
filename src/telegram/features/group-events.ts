import { Composer } from 'grammy'
import { updateGroupFacts } from '../../domain/units/register-group.js'
import type { I18n } from '@grammyjs/i18n'
import { recordGroupLost } from '../../domain/outbound/group-lost.js'
import type { LoaContext } from '../context.js'
import { noticeTranslator } from '../office-notices.js'

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
      // The group goes inactive and the office's notice is queued in one transaction.
      await recordGroupLost(
        ctx.deps,
        {
          chatId: ctx.chat.id,
          unitId: ctx.unitChat.unitId,
          reason,
          cause: `update:${ctx.update.update_id}`,
        },
        noticeTranslator(i18n, ctx.deps.config.defaultLocale),
      )
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
