import { Composer, InlineKeyboard } from 'grammy'
import { findCampaignById } from '../../domain/campaigns/campaign-queries.js'
import type { Campaign } from '../../domain/campaigns/campaign.js'
import { resolveReportCampaign, unitReport } from '../../domain/reports/reports.js'
import type { SubmissionFigure } from '../../domain/reports/report-figures.js'
import { findSubmission } from '../../domain/reports/submit-report.js'
import { can } from '../../domain/units/roles.js'
import { findUnitByCode } from '../../domain/units/unit-repository.js'
import { escapeHtml } from '../../domain/html.js'
import { callbacks } from '../callback-data/codec.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { currentLocale } from '../i18n.js'
import { allow, chatKind } from '../middlewares/guards.js'
import { replyError } from '../reply-error.js'
import { splitMessages, unitReportLines } from './report-messages.js'

/** Campaign buttons when several are active: Telegram keeps a keyboard readable up to about this many. */
const MAX_CHOICES = 10

/**
 * /baocao [MÃ] [MÃ_ĐƠN_VỊ] (PRODUCT §3, §5): a head sees the own unit, the
 * office and leaders any. In a group the pending names never appear; they go
 * to the asker in private.
 */
export function reportFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.command(commandNames('report'), async (ctx) => {
    if (!(await allow(ctx, '/baocao', { capability: 'read-own-unit-report' }))) return
    const tokens = ctx.match
      .trim()
      .split(/\s+/)
      .filter((t) => t !== '')
    if (tokens.length > 2) {
      await ctx.reply(ctx.t('report-usage'))
      return
    }
    let [campaignCode = null, unitCode = null] = tokens
    // "/baocao VP" while one campaign runs: the one token is a unit, not a campaign.
    if (campaignCode !== null && unitCode === null) {
      const named = await resolveReportCampaign(ctx.deps, campaignCode)
      if (!named.ok && (await findUnitByCode(ctx.deps.db, campaignCode)) !== undefined) {
        unitCode = campaignCode
        campaignCode = null
      }
    }
    const resolved = await resolveReportCampaign(ctx.deps, campaignCode)
    if (!resolved.ok) return replyError(ctx, resolved.error)
    if ('choose' in resolved.value) {
      const keyboard = new InlineKeyboard()
      for (const c of resolved.value.choose.slice(0, MAX_CHOICES))
        keyboard
          .text(`${c.code} — ${c.title}`.slice(0, 60), callbacks.reportCampaign.pack(c.id))
          .row()
      await ctx.reply(
        ctx.t('report-choose-campaign', { example: resolved.value.choose[0]?.code ?? '' }),
        {
          reply_markup: keyboard,
        },
      )
      return
    }
    await showUnitReport(ctx, resolved.value, unitCode)
  })

  composer.callbackQuery(callbacks.reportCampaign.filter, async (ctx) => {
    const id = callbacks.reportCampaign.unpack(ctx.callbackQuery.data)
    const campaign = id === undefined ? undefined : await findCampaignById(ctx.deps.db, id)
    if (campaign === undefined || !can(ctx.role, 'read-own-unit-report')) {
      await ctx.answerCallbackQuery({ text: ctx.t('error-stale-button'), show_alert: true })
      return
    }
    await ctx.answerCallbackQuery()
    await showUnitReport(ctx, campaign, null)
  })

  composer.callbackQuery(callbacks.reportDocument.filter, async (ctx) => {
    const id = callbacks.reportDocument.unpack(ctx.callbackQuery.data)
    const submission = id === undefined ? undefined : await findSubmission(ctx.deps, id)
    const mayRead =
      submission !== undefined &&
      (can(ctx.role, 'read-all-reports') ||
        (can(ctx.role, 'read-own-unit-report') && ctx.member?.unitId === submission.unitId))
    if (submission?.documentFileId == null || !mayRead || chatKind(ctx) !== 'private') {
      await ctx.answerCallbackQuery({ text: ctx.t('error-stale-button'), show_alert: true })
      return
    }
    await ctx.answerCallbackQuery()
    await ctx.replyWithDocument(submission.documentFileId)
  })
  return composer
}

async function showUnitReport(
  ctx: LoaContext,
  campaign: Campaign,
  unitCode: string | null,
): Promise<void> {
  const inGroup = chatKind(ctx) === 'group'
  const result = await unitReport(ctx.deps, {
    campaign,
    unitCode,
    defaultUnitId: inGroup ? (ctx.unitChat?.unitId ?? null) : null,
    asker: ctx.member,
    role: ctx.role,
  })
  if (!result.ok) return replyError(ctx, result.error)
  const locale = await currentLocale(ctx)
  const report = result.value
  const lines = unitReportLines(ctx, locale, report, { withNames: !inGroup })
  const pending = report.figures.pendingCount
  const privateChatId = ctx.member?.privateChatId ?? null
  if (inGroup && pending > 0 && report.figures.broadcasts.length > 0)
    lines.push(
      privateChatId === null
        ? ctx.t('report-pending-start-private', { count: pending })
        : ctx.t('report-pending-in-private', { count: pending }),
    )
  const keyboard = documentButtons(ctx, report.figures.submissions, inGroup)
  const messages = splitMessages(lines)
  for (const [i, text] of messages.entries())
    await ctx.reply(text, {
      parse_mode: 'HTML',
      ...(i === messages.length - 1 && keyboard !== undefined ? { reply_markup: keyboard } : {}),
    })
  if (inGroup && pending > 0 && privateChatId !== null) {
    // The answer to the asker's own command, in the private chat they opened with /start.
    const header = ctx.t('report-pending-private-header', {
      code: campaign.code,
      unit: report.figures.unit.name,
      count: pending,
    })
    const names = report.figures.pending.map((name, i) => `${i + 1}. ${escapeHtml(name)}`)
    for (const text of splitMessages([header, ...names]))
      await ctx.api.sendMessage(privateChatId, text, { parse_mode: 'HTML' })
  }
}

/** The office gets each submitted file back with one tap (issue 9); only in private. */
function documentButtons(
  ctx: LoaContext,
  submissions: readonly SubmissionFigure[],
  inGroup: boolean,
): InlineKeyboard | undefined {
  if (inGroup || !can(ctx.role, 'read-all-reports')) return undefined
  const withFile = submissions.filter((s) => s.latest?.documentFileId != null)
  if (withFile.length === 0) return undefined
  const keyboard = new InlineKeyboard()
  for (const s of withFile.slice(0, MAX_CHOICES))
    keyboard
      .text(
        ctx.t('report-document-button', { name: s.latest?.documentName ?? s.title }).slice(0, 60),
        callbacks.reportDocument.pack(s.latest?.id ?? 0),
      )
      .row()
  return keyboard
}
