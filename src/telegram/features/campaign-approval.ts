import { setApprovalRequired } from '../../domain/approvals/set-approval.js'
import type { LoaContext } from '../context.js'
import { subcommandArguments } from './campaign-subcommand.js'
import { allow } from '../middlewares/guards.js'
import { replyError } from '../reply-error.js'

/** `/chiendich <MÃ> duyet bat|tat` (issue 12), office only. */
export async function setCampaignApproval(ctx: LoaContext, code: string): Promise<void> {
  if (!(await allow(ctx, '/chiendich', { capability: 'manage-campaigns', where: 'private' })))
    return
  const text = subcommandArguments(ctx)
  const result = await setApprovalRequired(ctx.deps, {
    code,
    text,
    actorTelegramId: ctx.from?.id ?? null,
  })
  if (!result.ok) return replyError(ctx, result.error)
  await ctx.reply(
    ctx.t(result.value.required ? 'approval-switch-on' : 'approval-switch-off', {
      code: result.value.campaignCode,
    }),
  )
}
