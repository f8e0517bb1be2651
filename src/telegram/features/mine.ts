import { Composer } from 'grammy'
import { pendingForMember } from '../../domain/acknowledgements/pending-for-member.js'
import { localDate } from '../../domain/broadcasts/parse-when.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { shorten } from '../shorten.js'
import { formatDay } from '../format.js'
import { html } from '../../domain/html.js'
import { allow } from '../middlewares/guards.js'
import { replyError } from '../reply-error.js'
import { replyInParts } from '../reply-parts.js'

/** /cuatoi: what this person still has to confirm or do, earliest due first (PRODUCT §3). */
export function mineFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.command(commandNames('mine'), async (ctx) => {
    if (!(await allow(ctx, '/cuatoi', { where: 'private' })) || ctx.member === undefined) return
    const result = await pendingForMember(ctx.deps, ctx.member.id)
    if (!result.ok) return replyError(ctx, result.error)
    const { toConfirm, toDo } = result.value
    if (toConfirm.length === 0 && toDo.length === 0) {
      await ctx.reply(ctx.t('mine-nothing'))
      return
    }
    const confirmLines = toConfirm.map((c) =>
      ctx.t('mine-confirm-item', {
        code: c.campaignCode,
        title: c.campaignTitle,
        // The day as people in TIMEZONE lived it: 01:12 on the 2nd is not the 1st (issue 11, point 2).
        sent:
          c.sentAt === null
            ? formatDay(null)
            : formatDay(localDate(new Date(c.sentAt), ctx.deps.config.timezone)),
      }),
    )
    const todoLines = toDo.map((task) =>
      ctx.t(task.overdue ? 'mine-task-overdue' : 'mine-task-item', {
        code: task.campaignCode,
        title: shorten(task.title, 160),
        kind: html(ctx.t(`activity-kind-${task.kind}`)),
        hasDue: task.dueOn === null && task.dueText === null ? 'no' : 'yes',
        due: task.dueOn === null ? (task.dueText ?? '') : formatDay(task.dueOn),
      }),
    )
    // One line a block, so a long list is split between lines, never inside one.
    const blocks = [
      ...(confirmLines.length === 0
        ? []
        : [ctx.t('mine-confirm-header', { count: confirmLines.length }), ...confirmLines]),
      ...(todoLines.length === 0
        ? []
        : [
            `${confirmLines.length === 0 ? '' : '\n'}${ctx.t('mine-todo-header', { count: todoLines.length })}`,
            ...todoLines,
          ]),
    ]
    await replyInParts(ctx, blocks)
  })
  return composer
}
