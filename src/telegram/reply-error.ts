import type { DomainError } from '../domain/errors.js'
import { html, htmlToPlainText } from '../domain/html.js'
import type { LoaContext } from './context.js'
import { formatDay } from './format.js'

/**
 * The example in an error is the very command that was typed, with the bad
 * code replaced by a real one from this database (issue 11, point 7):
 * «/gui NGAYSACH2024 ngay XYZ» → «/gui NGAYSACH2024 ngay VP». Without a typed
 * command (a button), the fallback command with the real code.
 */
function typedWith(ctx: LoaContext, bad: string, real: string, fallback: string): string {
  const typed = (ctx.msg?.text ?? ctx.msg?.caption ?? '').replace(/^(\/\w+)@\w+/, '$1')
  const words = typed.split(/\s+/).filter(Boolean)
  const at = words.findIndex((w, i) => i > 0 && w.toUpperCase() === bad.toUpperCase())
  if (!typed.startsWith('/') || at === -1) return `${fallback} ${real}`
  words[at] = real
  return words.join(' ')
}

/**
 * The refusal as plain text: it goes out without parse mode (its examples show
 * `<MÃ_ĐƠN_VỊ>` literally) or in a toast, and callers that embed it in HTML
 * escape it. The translator escapes arguments for HTML, so this undoes that.
 */
export function errorMessage(ctx: LoaContext, error: DomainError): string {
  return htmlToPlainText(errorTranslation(ctx, error))
}

/** Maps each expected refusal to its message; exhaustive, so a new error code cannot go unexplained. */
function errorTranslation(ctx: LoaContext, error: DomainError): string {
  switch (error.code) {
    case 'unknown-unit':
      return ctx.t('error-unknown-unit', {
        code: error.unitCode,
        known: error.knownCodes.length > 0 ? error.knownCodes.join(', ') : '—',
        example: typedWith(ctx, error.unitCode, error.knownCodes[0] ?? 'VP', '/dangky'),
      })
    case 'not-allowed':
      return ctx.t('error-not-allowed', { needed: error.needed })
    case 'wrong-chat':
      return ctx.t(`error-wrong-chat-${error.expected}`)
    case 'group-not-registered':
      return ctx.t('error-group-not-registered')
    case 'invalid-unit-code':
      return ctx.t('error-invalid-unit-code', { given: error.given })
    case 'duplicate-unit':
      return ctx.t('error-duplicate-unit', { code: error.unitCode })
    case 'unknown-member':
      return ctx.t('error-unknown-member', { reference: error.reference })
    case 'invalid-role':
      return ctx.t('error-invalid-role', { given: error.given })
    case 'cannot-change-admin':
      return ctx.t('error-cannot-change-admin')
    case 'csv-invalid':
      return ctx.t('error-csv-invalid', {
        problems: html(
          error.problems
            .slice(0, 20)
            .map((p) =>
              ctx.t('error-csv-problem', {
                line: p.line,
                column: p.column ?? '—',
                message: p.message,
              }),
            )
            .join('\n'),
        ),
      })
    case 'unknown-campaign':
      return ctx.t('error-unknown-campaign', {
        code: error.campaignCode,
        known: error.knownCodes.length > 0 ? error.knownCodes.join(', ') : '—',
        example:
          error.knownCodes[0] === undefined
            ? '/chiendich'
            : typedWith(ctx, error.campaignCode, error.knownCodes[0], '/chiendich'),
      })
    case 'campaign-closed':
      return ctx.t('error-campaign-closed', { code: error.campaignCode })
    case 'invalid-campaign-code':
      return ctx.t('error-invalid-campaign-code', { given: error.given, example: error.example })
    case 'duplicate-campaign-code':
      return ctx.t('error-duplicate-campaign-code', { code: error.campaignCode })
    case 'invalid-campaign':
      return ctx.t('error-invalid-campaign', { field: error.field, given: error.given })
    case 'unknown-unit-id':
      return ctx.t('error-unknown-unit-id', { id: error.unitId })
    case 'invalid-when':
      return ctx.t('error-invalid-when', { given: error.given, example: error.example })
    case 'date-in-past':
      return ctx.t('error-date-in-past', { given: error.given, example: error.example })
    case 'daily-needs-period':
      return ctx.t('error-daily-needs-period', { code: error.campaignCode })
    case 'campaign-period-ended':
      return ctx.t('error-campaign-period-ended', {
        code: error.campaignCode,
        period: `${formatDay(error.start, '…')} – ${formatDay(error.end)}`,
      })
    case 'no-target-groups':
      return ctx.t('error-no-target-groups', {
        code: error.campaignCode,
        units: error.unitsWithoutGroup.length > 0 ? error.unitsWithoutGroup.join(', ') : '—',
      })
    case 'unknown-broadcast':
      return ctx.t('error-unknown-broadcast', { id: error.broadcastId })
    case 'broadcast-not-cancellable':
      return ctx.t('error-broadcast-not-cancellable', { id: error.broadcastId })
    case 'broadcast-not-own':
      return ctx.t('error-broadcast-not-own', { id: error.broadcastId })
    case 'broadcast-recalled':
      return ctx.t('error-broadcast-recalled', { id: error.broadcastId })
    case 'broadcast-not-delivered':
      return ctx.t('error-broadcast-not-delivered', { id: error.broadcastId })
    case 'correction-too-long':
      return ctx.t('error-correction-too-long', { length: error.length, max: error.max })
    case 'broadcast-not-awaiting-approval':
      return ctx.t('error-broadcast-not-awaiting-approval', { id: error.broadcastId })
    case 'self-approval':
      return ctx.t('error-self-approval', { id: error.broadcastId })
    case 'broadcast-already-reviewed': {
      const args = { id: error.broadcastId, name: error.reviewer }
      return error.outcome === 'approved'
        ? ctx.t('error-broadcast-already-approved', args)
        : ctx.t('error-broadcast-already-rejected', args)
    }
    case 'invalid-approval-switch':
      return ctx.t('error-invalid-approval-switch', { given: error.given, example: error.example })
    case 'invalid-absence': {
      const args = { given: error.given, example: error.example }
      switch (error.part) {
        case 'from':
          return ctx.t('error-invalid-absence-from', args)
        case 'to':
          return ctx.t('error-invalid-absence-to', args)
        case 'order':
          return ctx.t('error-invalid-absence-order', args)
        case 'past':
          return ctx.t('error-invalid-absence-past', args)
      }
      break
    }
    case 'no-absence':
      return ctx.t('error-no-absence')
    case 'invalid-goal':
      return error.part === 'rate'
        ? ctx.t('error-invalid-goal-rate', { given: error.given, example: error.example })
        : ctx.t('error-invalid-goal-day', { given: error.given, example: error.example })
    case 'other-unit-broadcast':
      return error.heads.length === 0
        ? ctx.t('error-other-unit-broadcast', { code: error.unitCode })
        : ctx.t('error-other-unit-broadcast-heads', {
            code: error.unitCode,
            heads: error.heads.join(', '),
          })
    case 'stale-button':
      return ctx.t('error-stale-button')
    case 'wrong-chat-button':
      return ctx.t('error-wrong-chat-button')
    case 'not-target-unit':
      return ctx.t('error-not-target-unit')
    case 'not-a-broadcast':
      return ctx.t('error-not-a-broadcast')
    case 'no-participation-activity':
      return error.campaignCode === null
        ? ctx.t('error-no-open-campaign')
        : ctx.t('error-no-participation-activity', { code: error.campaignCode })
    case 'choose-activity':
      return ctx.t('error-choose-activity')
    case 'duplicate-plan':
      return ctx.t('plan-preview-duplicate', { code: error.campaignCode })
    case 'not-a-plan':
      return ctx.t('error-not-a-plan')
    case 'plan-too-large':
      return ctx.t('error-plan-too-large', { megabytes: Math.round(error.maxBytes / 1024 / 1024) })
    case 'plan-unsupported-type':
      return ctx.t('error-plan-unsupported-type', { fileName: error.fileName })
    case 'plan-not-text':
      return ctx.t('error-plan-not-text')
    case 'no-active-campaign':
      return ctx.t('error-no-active-campaign')
    case 'report-other-unit':
      return ctx.t('error-report-other-unit', { code: error.unitCode })
    case 'report-needs-unit':
      return ctx.t('error-report-needs-unit')
    case 'no-report-activity':
      return ctx.t('error-no-report-activity', { code: error.campaignCode })
    case 'submit-needs-content':
      return ctx.t('error-submit-needs-content')
    case 'invalid-reminder-policy':
      return ctx.t('error-invalid-reminder-policy', { given: error.given, example: error.example })
    case 'invalid-calendar-day':
      return ctx.t('error-invalid-calendar-day', { given: error.given, example: error.example })
    case 'remind-too-soon':
      return ctx.t('error-remind-too-soon', { unit: error.unitCode, at: error.nextAt })
    case 'nothing-to-remind':
      return error.campaignCode === null
        ? ctx.t('error-nothing-to-remind-any')
        : ctx.t('error-nothing-to-remind', { code: error.campaignCode })
    case 'invalid-deadline':
      return ctx.t('error-invalid-deadline', { given: error.given, example: error.example })
    case 'plan-no-text-layer':
      return ctx.t('error-plan-no-text-layer')
    case 'invalid-activity': {
      const key = {
        title: 'error-invalid-activity-title',
        unit: 'error-invalid-activity-unit',
        due: 'error-invalid-activity-due',
        'due-past': 'error-invalid-activity-due-past',
      }[error.field]
      return ctx.t(key, {
        given: error.given,
        known: error.known.length === 0 ? '—' : error.known.join(', '),
        example: error.example,
      })
    }
  }
}

export async function replyError(ctx: LoaContext, error: DomainError): Promise<void> {
  await ctx.reply(errorMessage(ctx, error))
}
