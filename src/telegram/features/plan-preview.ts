/**
 * The /kehoach preview (PRODUCT §3): the campaign a plan would make, its activities with lead,
 * partners and due date, the units it names against the known ones; one message, summarised
 * below Telegram's 4,096 characters however long the plan (a 26,000-character plan has dozens
 * of activities).
 */
import type { ParsedActivity } from '../../domain/plans/parsed-plan.js'
import type { PlanPreview } from '../../domain/plans/plan-import.js'
import { html } from '../../domain/html.js'
import type { LoaContext } from '../context.js'
import { formatDay } from '../format.js'

/** Room for the preview in one message, below Telegram's 4,096 with the HTML tags. */
const PREVIEW_BUDGET = 3_600
const TITLE_MAX = 160

function activityLine(ctx: LoaContext, a: ParsedActivity, index: number): string {
  const e = (text: string | null) => text ?? '—'
  const title = a.title.length > TITLE_MAX ? `${a.title.slice(0, TITLE_MAX - 1)}…` : a.title
  return ctx.t(
    a.coordinators.length === 0 ? 'plan-preview-activity' : 'plan-preview-activity-partners',
    {
      index,
      title: e(title),
      kind: html(ctx.t(`activity-kind-${a.kind}`)),
      lead: e(a.lead),
      partners: e(a.coordinators.join('; ')),
      due: a.due === null ? (a.dueText ?? html(ctx.t('activity-no-due'))) : formatDay(a.due),
    },
  )
}

/** Lines while they fit the budget, then one line saying how many more there are. */
function withinBudget(
  lines: readonly string[],
  budget: number,
  more: (n: number) => string,
): string[] {
  const out: string[] = []
  let used = 0
  for (const [i, line] of lines.entries()) {
    if (used + line.length + 1 > budget) {
      out.push(more(lines.length - i))
      break
    }
    out.push(line)
    used += line.length + 1
  }
  return out
}

export function previewText(ctx: LoaContext, preview: PlanPreview): string {
  const { plan } = preview
  const e = (text: string | null) => text ?? '—'
  const head = ctx.t('plan-preview', {
    title: e(preview.title),
    number: e(plan.number),
    issuer: e(plan.issuer),
    period:
      plan.period === null
        ? '—'
        : `${formatDay(plan.period.start, '…')} – ${formatDay(plan.period.end, '…')}`,
    slogans: plan.slogans.length === 0 ? '—' : plan.slogans.map((s) => `“${s}”`).join('; '),
    reportDue: formatDay(preview.reportDue),
    count: plan.activities.length,
  })
  const activities =
    plan.activities.length === 0
      ? [
          ctx.t('plan-preview-no-activities', {
            code: preview.code,
            unit: preview.example.unitCode,
            due: formatDay(preview.example.due),
          }),
        ]
      : withinBudget(
          plan.activities.map((a, i) => activityLine(ctx, a, i + 1)),
          Math.floor(PREVIEW_BUDGET * 0.7) - head.length,
          (n) => ctx.t('plan-preview-more-activities', { count: n }),
        )
  const unitLines = preview.units.map((u) =>
    u.unit !== null
      ? ctx.t('plan-preview-unit-matched', { name: e(u.name), code: e(u.unit.code) })
      : ctx.t(u.allUnits ? 'plan-preview-unit-all' : 'plan-preview-unit-unmatched', {
          name: e(u.name),
        }),
  )
  const used = head.length + activities.join('\n').length
  const units = withinBudget(unitLines, PREVIEW_BUDGET - used, (n) =>
    ctx.t('plan-preview-more-units', { count: n }),
  )
  const parts = [
    head,
    activities.join('\n'),
    units.length === 0 ? '' : `${ctx.t('plan-preview-units')}\n${units.join('\n')}`,
    preview.looksCut ? ctx.t('plan-preview-looks-cut') : '',
    preview.duplicateOf === undefined
      ? ctx.t('plan-preview-confirm')
      : ctx.t('plan-preview-duplicate', { code: preview.duplicateOf.code }),
  ]
  return parts.filter((p) => p !== '').join('\n\n')
}
