import { Composer } from 'grammy'
import { releaseNotice } from '../../domain/notices.js'
import { registerGroup } from '../../domain/units/register-group.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { allow } from '../middlewares/guards.js'
import { replyError } from '../reply-error.js'
import { botRightsIn } from '../bot-rights.js'

/**
 * /dangky <MÃ>: links this group (or this forum topic) to a unit and says
 * whether the bot can see reactions and joins, which Telegram only shows admins.
 */
export function registerGroupFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.command(commandNames('register'), async (ctx) => {
    if (!(await allow(ctx, '/dangky', { capability: 'register-group', where: 'group' }))) return
    const chat = ctx.chat
    const code = ctx.match.trim().split(/\s+/)[0] ?? ''
    if (code === '') {
      await ctx.reply(ctx.t('register-usage'))
      return
    }
    const rights = await botRightsIn(ctx)
    const result = await registerGroup(ctx.deps, {
      chatId: chat.id,
      threadId: ctx.msg?.is_topic_message === true ? (ctx.msg.message_thread_id ?? null) : null,
      title: ('title' in chat ? chat.title : undefined) ?? String(chat.id),
      unitCode: code,
      actorTelegramId: ctx.from?.id ?? 0,
      botIsAdmin: rights.isAdmin,
      memberCount: rights.memberCount,
    })
    if (!result.ok) return replyError(ctx, result.error)
    await releaseNotice(ctx.deps, chat.id, 'unregistered')
    // Registered again after a removal: a later removal is news again.
    await releaseNotice(ctx.deps, chat.id, 'bot-removed')
    const { unit, previousUnit } = result.value
    const lines = [
      previousUnit === undefined
        ? ctx.t('register-done', { unit: unit.name, code: unit.code })
        : ctx.t('register-moved', {
            unit: unit.name,
            code: unit.code,
            previous: previousUnit.name,
          }),
      rights.isAdmin ? ctx.t('register-bot-admin-ok') : ctx.t('register-bot-admin-missing'),
    ]
    await ctx.reply(lines.join('\n\n'))
  })
  return composer
}
