import type { I18n } from '@grammyjs/i18n'
import { Composer } from 'grammy'
import { markTaskDone } from '../../domain/reminders/mark-task-done.js'
import { remindNow } from '../../domain/reminders/remind-now.js'
import { callbacks } from '../callback-data/codec.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { allow } from '../middlewares/guards.js'
import { errorMessage, replyError } from '../reply-error.js'
import { telegramReminderRenderer } from '../reminder-renderer.js'

/**
 * `/nhacnho [MÃ] [ĐƠN_VỊ]` (`/remind`, PRODUCT §4): a head chases the own
 * unit, the office every target unit (or one), now, through the queue; and
 * the «✅ Đã hoàn thành» button of task reminders.
 */
export function remindFeature(i18n: I18n<LoaContext>): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()

  composer.command(commandNames('remind'), async (ctx) => {
    if (!(await allow(ctx, '/nhacnho', { capability: 'read-own-unit-report', where: 'private' })))
      return
    const [campaignCode, unitCode, ...extra] = ctx.match.trim().split(/\s+/).filter(Boolean)
    if (extra.length > 0) {
      await ctx.reply(ctx.t('remind-usage'))
      return
    }
    const result = await remindNow(
      ctx.deps,
      telegramReminderRenderer(i18n, ctx.deps.config.defaultLocale),
      {
        actor: {
          telegramId: ctx.from?.id ?? null,
          role: ctx.role,
          unitId: ctx.member?.unitId ?? null,
        },
        campaignCode: campaignCode ?? null,
        unitCode: unitCode ?? null,
      },
    )
    if (!result.ok) return replyError(ctx, result.error)
    const { people, groups, units, tooSoon } = result.value
    const lines = [ctx.t('remind-sent', { people, groups, units })]
    if (tooSoon.length > 0) lines.push(ctx.t('remind-some-too-soon', { units: tooSoon.join(', ') }))
    await ctx.reply(lines.join('\n'))
  })

  composer.callbackQuery(callbacks.taskDone.filter, async (ctx) => {
    const activityId = callbacks.taskDone.unpack(ctx.callbackQuery.data)
    if (activityId === undefined || ctx.member === undefined) {
      await ctx.answerCallbackQuery({ text: ctx.t('error-stale-button'), show_alert: true })
      return
    }
    const result = await markTaskDone(ctx.deps, {
      activityId,
      memberId: ctx.member.id,
      actorTelegramId: ctx.from.id,
    })
    if (!result.ok) {
      await ctx.answerCallbackQuery({ text: errorMessage(ctx, result.error), show_alert: true })
      return
    }
    await ctx.answerCallbackQuery({
      text: ctx.t(result.value.created ? 'remind-task-done' : 'remind-task-already', {
        title: result.value.title.slice(0, 120),
      }),
    })
  })
  return composer
}
