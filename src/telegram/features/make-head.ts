import { Composer } from 'grammy'
import { makeHead } from '../../domain/units/members.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { allow } from '../middlewares/guards.js'
import { toSighting } from '../middlewares/track-member.js'
import { replyError } from '../reply-error.js'

/** /truongdonvi as a reply: the person replied to becomes head of this group's unit. */
export function makeHeadFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.command(commandNames('makeHead'), async (ctx) => {
    if (!(await allow(ctx, '/truongdonvi', { capability: 'register-group', where: 'group' })))
      return
    const target = ctx.msg.reply_to_message?.from
    if (target === undefined || target.is_bot) {
      await ctx.reply(ctx.t('makehead-usage'))
      return
    }
    const result = await makeHead(ctx.deps, {
      actorTelegramId: ctx.from?.id ?? 0,
      chatId: ctx.chat.id,
      person: toSighting(target),
    })
    if (!result.ok) return replyError(ctx, result.error)
    await ctx.reply(
      ctx.t('makehead-done', { name: result.value.member.fullName, unit: result.value.unit.name }),
    )
  })
  return composer
}
