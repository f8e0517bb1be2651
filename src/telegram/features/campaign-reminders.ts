import type { ReminderPolicy } from '../../domain/reminders/reminder-policy.js'
import { setReminderPolicy } from '../../domain/reminders/set-reminder-policy.js'
import type { LoaContext } from '../context.js'
import { subcommandArguments } from './campaign-subcommand.js'
import { allow } from '../middlewares/guards.js'
import { replyError } from '../reply-error.js'

/** `/chiendich <MÃ> nhacnho 3,1,0 08:00 | tat` (PRODUCT §4), office only. */
export async function setCampaignReminders(ctx: LoaContext, code: string): Promise<void> {
  if (!(await allow(ctx, '/chiendich', { capability: 'manage-campaigns', where: 'private' })))
    return
  // Everything after «<MÃ> nhacnho».
  const text = subcommandArguments(ctx)
  const result = await setReminderPolicy(ctx.deps, {
    code,
    text,
    actorTelegramId: ctx.from?.id ?? null,
  })
  if (!result.ok) return replyError(ctx, result.error)
  const { policy, campaignCode, planned } = result.value
  await ctx.reply(
    policy.enabled
      ? ctx.t('campaigns-reminders-set', {
          code: campaignCode,
          offsets: policy.offsets.join(', '),
          time: policy.time,
          planned,
        })
      : ctx.t('campaigns-reminders-off', { code: campaignCode }),
  )
}

/** One line of `/chiendich <MÃ>`: when this campaign's reminders go out. */
export function reminderPolicyLine(ctx: LoaContext, policy: ReminderPolicy): string {
  return policy.enabled
    ? ctx.t('campaigns-reminders-line', { offsets: policy.offsets.join(', '), time: policy.time })
    : ctx.t('campaigns-reminders-line-off')
}
