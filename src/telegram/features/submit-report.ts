import { Composer, InlineKeyboard } from 'grammy'
import type { I18n } from '@grammyjs/i18n'
import { z } from 'zod'
import { formatLocal } from '../../domain/broadcasts/parse-when.js'
import { findCampaignById } from '../../domain/campaigns/campaign-queries.js'
import type { Campaign } from '../../domain/campaigns/campaign.js'
import { savePendingAction, takePendingAction } from '../../domain/pending-actions.js'
import { resolveReportCampaign } from '../../domain/reports/reports.js'
import {
  submitReport,
  type SubmissionContent,
  type SubmissionNotice,
} from '../../domain/reports/submit-report.js'
import { callbacks } from '../callback-data/codec.js'
import { commandAnywhere } from '../command-anywhere.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { formatDay } from '../format.js'
import { toLocale } from '../i18n.js'
import { allow } from '../middlewares/guards.js'
import { errorMessage, replyError } from '../reply-error.js'

const PENDING_KIND = 'submit-report'
const draftSchema = z.object({
  campaignId: z.number().int().positive(),
  activityId: z.number().int().positive(),
  content: z.object({
    text: z.string().nullable(),
    documentFileId: z.string().nullable(),
    documentName: z.string().nullable(),
  }),
})

/**
 * /nopbaocao [MÃ] (PRODUCT §3): a head replies with it to the report's text or
 * file (or sends the file with it as the caption); the unit's submission is
 * recorded and the office told in private through the outbound queue.
 */
export function submitReportFeature(i18n: I18n<LoaContext>): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  commandAnywhere(composer, commandNames('submitReport'), async (ctx, args) => {
    if (!(await allow(ctx, '/nopbaocao', { capability: 'read-own-unit-report' }))) return
    const [first = '', ...rest] = args
      .trim()
      .split(/\s+/)
      .filter((t) => t !== '')
    const named = first === '' ? null : await resolveReportCampaign(ctx.deps, first)
    const codeGiven = named?.ok === true
    const resolved =
      codeGiven && named !== null ? named : await resolveReportCampaign(ctx.deps, null)
    if (!resolved.ok) return replyError(ctx, named?.ok === false ? named.error : resolved.error)
    if ('choose' in resolved.value) {
      const codes = resolved.value.choose.map((c) => c.code)
      await ctx.reply(
        ctx.t('submit-choose-campaign', { codes: codes.join(', '), example: codes[0] ?? '' }),
      )
      return
    }
    const words = codeGiven ? rest : [first, ...rest].filter((w) => w !== '')
    const content = contentOf(ctx, words.join(' '))
    await submit(ctx, i18n, resolved.value, null, content)
  })

  composer.callbackQuery(callbacks.submitActivity.filter, async (ctx) => {
    const id = callbacks.submitActivity.unpack(ctx.callbackQuery.data)
    const draft =
      id === undefined || ctx.member === undefined
        ? undefined
        : await takePendingAction(ctx.deps, {
            id,
            memberId: ctx.member.id,
            kind: PENDING_KIND,
            schema: draftSchema,
          })
    const campaign =
      draft === undefined ? undefined : await findCampaignById(ctx.deps.db, draft.campaignId)
    if (draft === undefined || campaign === undefined) {
      await ctx.answerCallbackQuery({ text: ctx.t('error-stale-button'), show_alert: true })
      return
    }
    await ctx.answerCallbackQuery()
    await submit(ctx, i18n, campaign, draft.activityId, draft.content)
  })
  return composer
}

/** The report is the replied-to message's file or text, else this message's file, else the words after the code. */
function contentOf(ctx: LoaContext, words: string): SubmissionContent {
  const replied = ctx.msg?.reply_to_message
  const document = replied?.document ?? ctx.msg?.document
  if (document !== undefined)
    return {
      text: replied?.caption ?? null,
      documentFileId: document.file_id,
      documentName: document.file_name ?? null,
    }
  const text = replied?.text ?? (words === '' ? null : words)
  return { text, documentFileId: null, documentName: null }
}

async function submit(
  ctx: LoaContext,
  i18n: I18n<LoaContext>,
  campaign: Campaign,
  activityId: number | null,
  content: SubmissionContent,
): Promise<void> {
  if (ctx.member === undefined) return
  const member = ctx.member
  const tz = ctx.deps.config.timezone
  const result = await submitReport(ctx.deps, {
    campaign,
    activityId,
    submitter: member,
    role: ctx.role,
    content,
    renderNotice: (language, notice: SubmissionNotice) =>
      i18n.t(
        toLocale(language) ?? ctx.deps.config.defaultLocale,
        notice.late ? 'submit-office-notice-late' : 'submit-office-notice',
        {
          unit: notice.unit.name,
          unitCode: notice.unit.code,
          code: notice.campaign.code,
          activity: notice.activity.title,
          at: formatLocal(new Date(notice.at), tz),
          due: formatDay(notice.activity.dueOn),
          by: notice.byName,
        },
      ),
  })
  if (!result.ok) {
    if (ctx.callbackQuery !== undefined) await ctx.reply(errorMessage(ctx, result.error))
    else await replyError(ctx, result.error)
    return
  }
  if ('choose' in result.value) {
    const keyboard = new InlineKeyboard()
    for (const option of result.value.choose.slice(0, 10)) {
      const pendingId = await savePendingAction(ctx.deps, {
        memberId: member.id,
        kind: PENDING_KIND,
        payload: { campaignId: campaign.id, activityId: option.activityId, content },
      })
      keyboard.text(option.title.slice(0, 60), callbacks.submitActivity.pack(pendingId)).row()
    }
    await ctx.reply(ctx.t('submit-choose-activity', { code: campaign.code }), {
      reply_markup: keyboard,
    })
    return
  }
  const done = result.value
  const lines = [
    ctx.t(done.late ? 'submit-done-late' : 'submit-done', {
      unit: done.unit.name,
      activity: done.activity.title,
      at: formatLocal(new Date(done.at), tz),
      due: formatDay(done.activity.dueOn),
    }),
  ]
  if (done.replaced) lines.push(ctx.t('submit-replaced'))
  await ctx.reply(lines.join('\n'), { parse_mode: 'HTML' })
}
