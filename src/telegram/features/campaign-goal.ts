import { setCampaignGoal } from '../../domain/campaigns/set-goal.js'
import type { LoaContext } from '../context.js'
import { subcommandArguments } from './campaign-subcommand.js'
import { formatDay, formatPercent } from '../format.js'
import { currentLocale } from '../i18n.js'
import { allow } from '../middlewares/guards.js'
import { replyError } from '../reply-error.js'

/** `/chiendich <MÃ> muctieu 100% 05/05` (issue 12), office only. */
export async function setGoal(ctx: LoaContext, code: string): Promise<void> {
  if (!(await allow(ctx, '/chiendich', { capability: 'manage-campaigns', where: 'private' })))
    return
  const text = subcommandArguments(ctx)
  const result = await setCampaignGoal(ctx.deps, {
    code,
    text,
    actorTelegramId: ctx.from?.id ?? null,
  })
  if (!result.ok) return replyError(ctx, result.error)
  const { campaignCode, rate, on } = result.value
  // The reader's locale, as /tonghop and /baocao show it: «83,3%» in Vietnamese, «83.3%» in English.
  const goal = formatPercent(rate, await currentLocale(ctx))
  await ctx.reply(
    on === null
      ? ctx.t('goal-set-first-deadline', { code: campaignCode, goal })
      : ctx.t('goal-set', { code: campaignCode, goal, day: formatDay(on) }),
  )
}
