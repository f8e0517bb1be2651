import { Composer, InputFile } from 'grammy'
import { formatLocal } from '../../domain/broadcasts/parse-when.js'
import { isReportFormat, renderReport } from '../../domain/reports/render-report.js'
import { consolidatedReport, resolveReportCampaign } from '../../domain/reports/reports.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { allow } from '../middlewares/guards.js'
import { replyError } from '../reply-error.js'

/** /xuat <MÃ> [xlsx|csv|docx|json] (PRODUCT §3): the consolidated report as a file; xlsx by default. */
export function exportFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  composer.command(commandNames('export'), async (ctx) => {
    if (!(await allow(ctx, '/xuat', { capability: 'read-all-reports', where: 'private' }))) return
    const tokens = ctx.match
      .trim()
      .split(/\s+/)
      .filter((t) => t !== '')
    const [code, given = 'xlsx', ...extra] = tokens
    if (code === undefined || extra.length > 0) {
      await ctx.reply(ctx.t('export-usage'))
      return
    }
    const format = given.toLowerCase().replace(/^\./, '')
    if (!isReportFormat(format)) {
      await ctx.reply(ctx.t('export-bad-format', { given, code }))
      return
    }
    const resolved = await resolveReportCampaign(ctx.deps, code)
    if (!resolved.ok) return replyError(ctx, resolved.error)
    if ('choose' in resolved.value) return
    const campaign = resolved.value
    await ctx.replyWithChatAction('upload_document')
    const report = await consolidatedReport(ctx.deps, campaign, { pendingNames: true })
    const file = await renderReport(ctx.deps, report, format)
    await ctx.replyWithDocument(new InputFile(file.bytes, file.fileName), {
      caption: ctx.t('export-caption', {
        code: campaign.code,
        format: format.toUpperCase(),
        at: formatLocal(new Date(report.generatedAt), ctx.deps.config.timezone),
      }),
    })
  })
  return composer
}
