import { Composer, InputFile } from 'grammy'
import { CHART_MAX_UNITS, renderChart } from '../../domain/reports/report-chart.js'
import { consolidatedReport, resolveReportCampaign } from '../../domain/reports/reports.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { formatPercent } from '../format.js'
import { currentLocale } from '../i18n.js'
import { allow } from '../middlewares/guards.js'
import { replyError } from '../reply-error.js'
import { splitMessages, summaryLines } from './report-messages.js'

/**
 * /tonghop [MÃ] (PRODUCT §3, §5): every target unit, worst first, split into
 * messages within Telegram's limit, then the chart of the worst 30 as a photo.
 */
export function summaryFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.command(commandNames('summary'), async (ctx) => {
    if (!(await allow(ctx, '/tonghop', { capability: 'read-all-reports', where: 'private' })))
      return
    const code = ctx.match.trim().split(/\s+/)[0] ?? ''
    const resolved = await resolveReportCampaign(ctx.deps, code === '' ? null : code)
    if (!resolved.ok) return replyError(ctx, resolved.error)
    if ('choose' in resolved.value) {
      const codes = resolved.value.choose.map((c) => c.code)
      await ctx.reply(
        ctx.t('summary-choose-campaign', { codes: codes.join(', '), example: codes[0] ?? '' }),
      )
      return
    }
    const campaign = resolved.value
    const report = await consolidatedReport(ctx.deps, campaign, { pendingNames: false })
    if (report.units.length === 0) {
      await ctx.reply(ctx.t('summary-no-targets', { code: campaign.code }))
      return
    }
    const locale = await currentLocale(ctx)
    for (const text of splitMessages(summaryLines(ctx, locale, report)))
      await ctx.reply(text, { parse_mode: 'HTML' })
    const cut = report.units.length > CHART_MAX_UNITS
    const png = renderChart(
      report.units,
      {
        title: ctx.t('summary-chart-title', { code: campaign.code }),
        subtitle: cut
          ? ctx.t('summary-chart-subtitle', { shown: CHART_MAX_UNITS, total: report.units.length })
          : null,
        goal:
          campaign.goalRate === null
            ? null
            : ctx.t('summary-chart-goal', { goal: formatPercent(campaign.goalRate, locale) }),
      },
      { locale, goalRate: campaign.goalRate },
    )
    await ctx.replyWithPhoto(new InputFile(png, `tong-hop-${campaign.code}.png`), {
      caption: cut
        ? ctx.t('summary-chart-caption-cut', { shown: CHART_MAX_UNITS, total: report.units.length })
        : ctx.t('summary-chart-caption'),
    })
  })
  return composer
}
