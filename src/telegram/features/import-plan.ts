import { Composer, InlineKeyboard } from 'grammy'
import { savePendingAction, takePendingAction } from '../../domain/pending-actions.js'
import { extractPlanText, MAX_PLAN_BYTES } from '../../domain/plans/extract-text.js'
import {
  confirmPlanImport,
  planImportDraftSchema,
  previewPlanImport,
  type PlanPreview,
} from '../../domain/plans/plan-import.js'
import { callbacks } from '../callback-data/codec.js'
import { commandAnywhere } from '../command-anywhere.js'
import { commandNames } from '../commands.js'
import type { LoaContext } from '../context.js'
import { downloadFile } from '../download.js'
import { formatDay } from '../format.js'
import { escapeHtml } from '../../domain/html.js'
import { allow } from '../middlewares/guards.js'
import { replyError } from '../reply-error.js'
import type { ConfirmationHandlers } from './confirmations.js'

const KIND = 'plan-import'

/**
 * /kehoach: as the caption of a plan file, as a reply to a file or to pasted
 * text, or with the text after the command. Shows what the campaign would be;
 * "Xác nhận" creates it in one transaction, "Huỷ" creates nothing.
 */
export function importPlanFeature(): Composer<LoaContext> {
  const composer = new Composer<LoaContext>()
  commandAnywhere(composer, commandNames('importPlan'), importPlan)
  return composer
}

async function importPlan(ctx: LoaContext, args: string): Promise<void> {
  if (!(await allow(ctx, '/kehoach', { capability: 'manage-campaigns', where: 'private' }))) return
  const member = ctx.member
  if (member === undefined) return
  const text = await planTextOf(ctx, args)
  if (text === undefined) return
  const preview = await previewPlanImport(ctx.deps, text)
  if (!preview.ok) return replyError(ctx, preview.error)
  if (preview.value.duplicateOf !== undefined) {
    // PRODUCT: the same plan twice warns instead of duplicating; nothing to confirm.
    await ctx.reply(previewText(ctx, preview.value), { parse_mode: 'HTML' })
    return
  }
  const id = await savePendingAction(ctx.deps, {
    memberId: member.id,
    kind: KIND,
    payload: { plan: preview.value.plan, fingerprint: preview.value.fingerprint },
  })
  const keyboard = new InlineKeyboard()
    .text(ctx.t('button-confirm'), callbacks.confirm.pack(id))
    .text(ctx.t('button-cancel'), callbacks.cancel.pack(id))
  await ctx.reply(previewText(ctx, preview.value), { parse_mode: 'HTML', reply_markup: keyboard })
}

/** The plan's text from whichever place it came in, or undefined after explaining what went wrong. */
async function planTextOf(ctx: LoaContext, args: string): Promise<string | undefined> {
  const message = ctx.msg
  const document = message?.document ?? message?.reply_to_message?.document
  if (document !== undefined) {
    if ((document.file_size ?? 0) > MAX_PLAN_BYTES) {
      await replyError(ctx, { code: 'plan-too-large', maxBytes: MAX_PLAN_BYTES })
      return undefined
    }
    const bytes = await downloadFile(ctx, document.file_id)
    const extracted = await extractPlanText({ fileName: document.file_name ?? 'plan.txt', bytes })
    if (!extracted.ok) {
      await replyError(ctx, extracted.error)
      return undefined
    }
    return extracted.text
  }
  const pasted = args.trim() !== '' ? args : message?.reply_to_message?.text
  if (pasted === undefined || pasted.trim() === '') {
    await ctx.reply(ctx.t('plan-usage'))
    return undefined
  }
  return pasted
}

function previewText(ctx: LoaContext, preview: PlanPreview): string {
  const { plan } = preview
  const e = (text: string | null) => escapeHtml(text ?? '—')
  const activities = plan.activities.map((a, i) =>
    ctx.t('plan-preview-activity', {
      index: i + 1,
      title: e(a.title.length > 160 ? `${a.title.slice(0, 157)}…` : a.title),
      kind: ctx.t(`activity-kind-${a.kind}`),
      lead: e(a.lead),
      due: a.due === null ? escapeHtml(a.dueText ?? ctx.t('activity-no-due')) : formatDay(a.due),
    }),
  )
  const units = preview.units.map((u) =>
    u.unit === null
      ? ctx.t('plan-preview-unit-unmatched', { name: e(u.name) })
      : ctx.t('plan-preview-unit-matched', { name: e(u.name), code: e(u.unit.code) }),
  )
  const parts = [
    ctx.t('plan-preview', {
      title: e(plan.title),
      number: e(plan.number),
      issuer: e(plan.issuer),
      period:
        plan.period === null
          ? '—'
          : `${formatDay(plan.period.start, '…')} – ${formatDay(plan.period.end, '…')}`,
      slogans:
        plan.slogans.length === 0 ? '—' : plan.slogans.map((s) => `“${escapeHtml(s)}”`).join('; '),
      reportDue: formatDay(preview.reportDue),
      count: plan.activities.length,
    }),
    activities.join('\n'),
    units.length === 0 ? '' : `${ctx.t('plan-preview-units')}\n${units.join('\n')}`,
    preview.duplicateOf === undefined
      ? ctx.t('plan-preview-confirm')
      : ctx.t('plan-preview-duplicate', { code: preview.duplicateOf.code }),
  ]
  return parts.filter((p) => p !== '').join('\n\n')
}

/** What "Xác nhận" and "Huỷ" do for a plan preview. */
export const planImportConfirmations: ConfirmationHandlers = {
  kind: KIND,
  async confirm(ctx, id, memberId) {
    const draft = await takePendingAction(ctx.deps, {
      id,
      memberId,
      kind: KIND,
      schema: planImportDraftSchema,
    })
    if (draft === undefined) return ctx.t('error-stale-button')
    const created = await confirmPlanImport(ctx.deps, draft, memberId, ctx.from?.id ?? null)
    if (!created.ok) return ctx.t('plan-not-created')
    return ctx.t('plan-created', {
      code: created.value.code,
      title: escapeHtml(created.value.title),
      count: created.value.activities.length,
    })
  },
  async cancel(ctx, id, memberId) {
    await takePendingAction(ctx.deps, { id, memberId, kind: KIND, schema: planImportDraftSchema })
    return ctx.t('plan-cancelled')
  },
}
