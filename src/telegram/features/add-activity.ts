/**
 * `/chiendich <MÃ> them <tiêu đề> | <đơn vị> | <hạn>` (`/campaigns <CODE> add …`): an activity
 * added by hand, for a plan whose activities the importer could not find (issue 16). Called from
 * the /chiendich composer once the office's right to manage campaigns is checked.
 */
import { addActivity } from '../../domain/campaigns/add-activity.js'
import { html } from '../../domain/html.js'
import type { LoaContext } from '../context.js'
import { formatDay } from '../format.js'
import { replyError } from '../reply-error.js'

export const ADD_ACTIVITY = ['them', 'thêm', 'add']

export async function addActivityByHand(
  ctx: LoaContext,
  code: string,
  text: string,
): Promise<void> {
  const result = await addActivity(ctx.deps, {
    code,
    text,
    actorTelegramId: ctx.from?.id ?? null,
  })
  if (!result.ok) return replyError(ctx, result.error)
  const { campaign, activity, unit } = result.value
  await ctx.reply(
    ctx.t('campaigns-activity-added', {
      code: campaign.code,
      index: activity.position,
      title: activity.title,
      kind: html(ctx.t(`activity-kind-${activity.kind}`)),
      lead: unit === null ? '—' : `${unit.name} (${unit.code})`,
      due: formatDay(activity.dueOn),
    }),
    { parse_mode: 'HTML' },
  )
}
