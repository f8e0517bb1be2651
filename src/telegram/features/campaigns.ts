import { Composer } from 'grammy'
import type { Campaign } from '../../domain/campaigns/campaign.js'
import {
  closeCampaign,
  listCampaigns,
  showCampaign,
  startCampaign,
} from '../../domain/campaigns/campaign-queries.js'
import { can } from '../../domain/units/roles.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { formatDay } from '../format.js'
import { escapeHtml, html } from '../../domain/html.js'
import { allow } from '../middlewares/guards.js'
import { replyError } from '../reply-error.js'
import { firstOf, replyInParts } from '../reply-parts.js'
import { ADD_ACTIVITY, addActivityByHand } from './add-activity.js'
import { startNewCampaign } from './new-campaign.js'
import { reminderPolicyLine, setCampaignReminders } from './campaign-reminders.js'
import { setCampaignApproval } from './campaign-approval.js'
import { setGoal } from './campaign-goal.js'
import { campaignReminderPolicy } from '../../domain/reminders/reminder-policy.js'
import { syncReminders } from '../../domain/reminders/sync-reminders.js'

const START = ['batdau', 'start']
const CLOSE = ['ketthuc', 'close']
const REMINDERS = ['nhacnho', 'reminders']
const APPROVAL = ['duyet', 'duyệt', 'approval']
const GOAL = ['muctieu', 'mụctiêu', 'goal']

/**
 * /chiendich lists campaigns; `/chiendich MÃ` shows one with its activities and
 * deadlines; `/chiendich MÃ batdau|ketthuc` starts or closes it (office only;
 * heads and leaders read).
 */
export function campaignsFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.command(commandNames('campaigns'), async (ctx) => {
    if (!(await allow(ctx, '/chiendich', { capability: 'read-own-unit-report', where: 'private' })))
      return
    const [code, action] = ctx.match.trim().split(/\s+/).filter(Boolean)
    if (code === undefined) return listAll(ctx)
    if (['moi', 'mới', 'new'].includes(code.toLowerCase())) {
      if (!(await allow(ctx, '/chiendich', { capability: 'manage-campaigns', where: 'private' })))
        return
      return startNewCampaign(ctx)
    }
    if (action === undefined) return showOne(ctx, code)
    const verb = action.toLowerCase()
    if (REMINDERS.includes(verb)) return setCampaignReminders(ctx, code)
    if (APPROVAL.includes(verb)) return setCampaignApproval(ctx, code)
    if (GOAL.includes(verb)) return setGoal(ctx, code)
    if (ADD_ACTIVITY.includes(verb)) {
      if (!(await allow(ctx, '/chiendich', { capability: 'manage-campaigns', where: 'private' })))
        return
      const rest = ctx.match.trim().replace(/^\S+\s+\S+\s*/u, '')
      return addActivityByHand(ctx, code, rest)
    }
    if (![...START, ...CLOSE].includes(verb)) {
      await ctx.reply(ctx.t('campaigns-usage'))
      return
    }
    // A head may read campaigns but not run them: say so, and how to read this one.
    if (!can(ctx.role, 'manage-campaigns')) {
      await ctx.reply(ctx.t('campaigns-manage-office-only', { code: code.toUpperCase() }))
      return
    }
    const input = { code, actorTelegramId: ctx.from?.id ?? null }
    const result = START.includes(verb)
      ? await startCampaign(ctx.deps, input)
      : await closeCampaign(ctx.deps, input)
    if (!result.ok) return replyError(ctx, result.error)
    const { campaign, changed } = result.value
    // Starting makes its activities due; closing ends every reminder (PRODUCT §4).
    if (changed) await syncReminders(ctx.deps, campaign.id)
    await ctx.reply(
      ctx.t(changed ? 'campaigns-status-changed' : 'campaigns-status-unchanged', {
        code: campaign.code,
        state: campaign.status,
        status: html(ctx.t(`campaign-status-${campaign.status}`)),
      }),
    )
  })
  return composer
}

function periodOf(campaign: Campaign): string {
  if (campaign.period === null) return '—'
  return `${formatDay(campaign.period.start, '…')} – ${formatDay(campaign.period.end, '…')}`
}

async function listAll(ctx: LoaContext): Promise<void> {
  const campaigns = await listCampaigns(ctx.deps)
  if (campaigns.length === 0) {
    await ctx.reply(
      ctx.t(can(ctx.role, 'manage-campaigns') ? 'campaigns-empty-office' : 'campaigns-empty'),
    )
    return
  }
  const lines = campaigns.map((c) =>
    ctx.t('campaigns-item', {
      code: c.code,
      title: c.title,
      status: html(ctx.t(`campaign-status-${c.status}`)),
      period: periodOf(c),
    }),
  )
  await replyInParts(
    ctx,
    [
      ctx.t('campaigns-header', { count: campaigns.length }),
      ...lines,
      escapeHtml(ctx.t('campaigns-hint')),
    ],
    { separator: '\n\n' },
  )
}

async function showOne(ctx: LoaContext, code: string): Promise<void> {
  const result = await showCampaign(ctx.deps, code)
  if (!result.ok) return replyError(ctx, result.error)
  const { campaign, activities, targets } = result.value
  const activityLines = activities.map((a, i) =>
    ctx.t('campaigns-activity', {
      index: i + 1,
      title: a.title,
      kind: html(ctx.t(`activity-kind-${a.kind}`)),
      lead: a.leadText ?? '—',
      due: a.dueOn === null ? (a.dueText ?? html(ctx.t('activity-no-due'))) : formatDay(a.dueOn),
    }),
  )
  const text = [
    ctx.t('campaigns-detail', {
      code: campaign.code,
      title: campaign.title,
      status: html(ctx.t(`campaign-status-${campaign.status}`)),
      period: periodOf(campaign),
      number: campaign.planNumber ?? '—',
      slogans:
        campaign.slogans.length === 0 ? '—' : campaign.slogans.map((s) => `“${s}”`).join('; '),
      targets: html(targetsLine(ctx, targets)),
      count: activities.length,
    }),
    ...activityLines,
    reminderPolicyLine(ctx, await campaignReminderPolicy(ctx.deps.db, campaign.id)),
    can(ctx.role, 'manage-campaigns')
      ? ctx.t('campaigns-manage-hint', { code: campaign.code })
      : '',
  ]
  // A plan with many activities, or sent to a province's 400 units, still fits Telegram.
  await replyInParts(ctx, text, { separator: '\n\n' })
}

/** The target units' codes, the first 30 named and the rest counted. */
function targetsLine(ctx: LoaContext, targets: readonly { code: string }[]): string {
  if (targets.length === 0) return '—'
  const { shown, hidden } = firstOf(targets, 30)
  const named = escapeHtml(shown.map((u) => u.code).join(', '))
  return hidden === 0 ? named : named + ctx.t('send-preview-more-units', { count: hidden })
}
