import { localDate, formatLocal } from '../../domain/broadcasts/parse-when.js'
import { escapeHtml, html } from '../../domain/html.js'
import { isBehind, type GoalPace } from '../../domain/reports/goal-pace.js'
import type { UnitFigures, SubmissionFigure } from '../../domain/reports/report-figures.js'
import type { ConsolidatedReport, UnitReport } from '../../domain/reports/reports.js'
import type { LoaContext } from '../context.js'
import { formatDay, formatPercent } from '../format.js'

/** Telegram's limit on one message's text. */
export const MESSAGE_LIMIT = 4096

/**
 * What Telegram counts against its limit: the text after entities parsing, so
 * tags are free and an entity (`&amp;`) is one character.
 */
export function visibleLength(html: string): number {
  return html.replace(/<[^>]*>/g, '').replace(/&(?:[a-z]+|#\d+|#x[\da-f]+);/gi, '_').length
}

/**
 * Packs lines into as few messages as fit Telegram's limit, counted as
 * Telegram counts it ({@link visibleLength}: /tonghop's 400 bold codes no
 * longer cost a message, issue 14); a line is never cut in two (so HTML tags
 * stay whole) unless it alone is too long.
 */
export function splitMessages(lines: readonly string[], limit = MESSAGE_LIMIT): string[] {
  const messages: string[] = []
  let current = ''
  let currentLength = 0
  for (const raw of lines) {
    const line = visibleLength(raw) > limit ? `${raw.slice(0, limit - 1)}…` : raw
    const length = visibleLength(line)
    if (current === '') {
      current = line
      currentLength = length
    } else if (currentLength + 1 + length <= limit) {
      current = `${current}\n${line}`
      currentLength += 1 + length
    } else {
      messages.push(current)
      current = line
      currentLength = length
    }
  }
  if (current !== '') messages.push(current)
  return messages
}

function percent(ctx: LoaContext, locale: string, rate: number | null): string {
  return rate === null ? ctx.t('report-rate-none') : formatPercent(rate, locale)
}

function localTime(ctx: LoaContext, iso: string): string {
  return formatLocal(new Date(iso), ctx.deps.config.timezone)
}

/** §5: the unit summary as lines; `withNames` false in a group (names go to the head in private). */
export function unitReportLines(
  ctx: LoaContext,
  locale: string,
  report: UnitReport,
  options: { withNames: boolean },
): string[] {
  const { campaign, figures: f } = report
  const tz = ctx.deps.config.timezone
  const lines = [
    ctx.t('report-header', { code: campaign.code, title: campaign.title }),
    ctx.t('report-unit', { unit: f.unit.name, code: f.unit.code }),
    ctx.t('report-headcount', { headcount: f.headcount, known: f.known }),
  ]
  if (f.unidentified > 0) lines.push(ctx.t('report-unidentified', { count: f.unidentified }))
  for (const e of f.excused)
    lines.push(
      ctx.t(e.reason === null ? 'report-excused' : 'report-excused-reason', {
        name: e.fullName,
        reason: e.reason ?? '',
        until: formatDay(e.toOn),
      }),
    )
  lines.push('')
  if (f.broadcasts.length === 0) lines.push(ctx.t('report-no-broadcasts'))
  else {
    lines.push(ctx.t('report-broadcasts-header'))
    for (const b of f.broadcasts)
      lines.push(
        ctx.t('report-broadcast-line', {
          id: b.broadcastId,
          date: formatDay(localDate(new Date(b.sentAt), tz)),
          acknowledged: b.acknowledged,
          expected: b.expected,
          rate: html(percent(ctx, locale, b.rate)),
        }),
      )
    lines.push(
      ctx.t('report-overall', {
        acknowledged: f.acknowledged,
        expected: f.expected,
        rate: html(percent(ctx, locale, f.rate)),
      }),
    )
    if (report.goal !== null) lines.push(unitPaceLine(ctx, locale, f.rate, report.goal))
  }
  if (f.participation.length > 0) {
    lines.push('', ctx.t('report-participation-header'))
    for (const p of f.participation)
      lines.push(ctx.t('report-participation-line', { title: p.title, count: p.participants }))
  }
  if (f.submissions.length > 0) {
    lines.push('', ctx.t('report-submission-header'))
    for (const s of f.submissions) lines.push(...submissionLines(ctx, s))
  }
  lines.push('')
  if (f.broadcasts.length > 0) {
    if (f.pendingCount === 0) lines.push(ctx.t('report-pending-none'))
    else if (options.withNames) {
      lines.push(ctx.t('report-pending-header', { count: f.pendingCount }))
      lines.push(...f.pending.map((name, i) => `${i + 1}. ${escapeHtml(name)}`))
    }
  }
  if (f.nextDeadline !== null)
    lines.push(
      f.nextDeadline.kind === 'activity'
        ? ctx.t('report-next-deadline', {
            date: formatDay(f.nextDeadline.on),
            what: f.nextDeadline.what,
          })
        : ctx.t('report-next-deadline-confirm', { date: formatDay(f.nextDeadline.on) }),
    )
  return lines
}

function submissionLines(ctx: LoaContext, s: SubmissionFigure): string[] {
  const args = {
    title: s.title,
    due: s.dueOn === null ? (s.dueText ?? '—') : formatDay(s.dueOn),
    at: s.latest === null ? '' : localTime(ctx, s.latest.at),
    by:
      s.latest?.byName === null || s.latest === null
        ? ''
        : ctx.t('report-by', { name: s.latest.byName }),
    kind:
      s.latest?.documentFileId === null || s.latest === null
        ? ctx.t('report-kind-text')
        : ctx.t('report-kind-file'),
  }
  const key = {
    'on-time': 'report-submission-on-time',
    late: 'report-submission-late',
    missing: 'report-submission-missing',
    'not-due': 'report-submission-not-due',
  }[s.status]
  const lines = [ctx.t(key, args)]
  if (s.history.length > 1)
    lines.push(
      ctx.t('report-submission-history', {
        count: s.history.length,
        times: s.history
          .slice(0, -1)
          .map((h) => localTime(ctx, h.at))
          .join(', '),
      }),
    )
  return lines
}

/** /tonghop: the totals, then one line per unit, worst first. */
export function summaryLines(
  ctx: LoaContext,
  locale: string,
  report: ConsolidatedReport,
): string[] {
  const { campaign, totals } = report
  const lines = [
    ctx.t('summary-header', { code: campaign.code, title: campaign.title }),
    ctx.t('summary-totals', {
      units: totals.units,
      headcount: totals.headcount,
      unidentified: totals.unidentified,
      acknowledged: totals.acknowledged,
      expected: totals.expected,
      rate: html(percent(ctx, locale, totals.rate)),
      reports: totals.reportsSubmitted,
      pending: totals.pending,
    }),
  ]
  if (campaign.goalRate !== null)
    lines.push(ctx.t('summary-goal', { goal: formatPercent(campaign.goalRate, locale) }))
  const { goal } = report
  if (goal !== null)
    lines.push(
      ctx.t(goal.over ? 'goalpace-summary-over' : 'goalpace-summary', {
        day: formatDay(goal.goalOn),
        needed: formatPercent(goal.needed, locale),
        behind: report.units.filter((u) => isBehind(u.rate, goal)).length,
      }),
    )
  lines.push('')
  report.units.forEach((u, i) => lines.push(summaryLine(ctx, locale, u, i + 1, goal)))
  return lines
}

/** /baocao: the unit against the goal's line (issue 12), e.g. «83,3% / cần 90% hôm nay». */
function unitPaceLine(
  ctx: LoaContext,
  locale: string,
  rate: number | null,
  goal: GoalPace,
): string {
  const behind = isBehind(rate, goal)
  const key = goal.over
    ? behind
      ? 'goalpace-unit-missed'
      : 'goalpace-unit-reached'
    : behind
      ? 'goalpace-unit-behind'
      : 'goalpace-unit-on-track'
  return ctx.t(key, {
    goal: formatPercent(goal.goalRate, locale),
    day: formatDay(goal.goalOn),
    rate: percent(ctx, locale, rate),
    needed: formatPercent(goal.needed, locale),
  })
}

/** /tonghop: the short form of {@link unitPaceLine}, after the unit's rate. */
function summaryPace(ctx: LoaContext, locale: string, u: UnitFigures, goal: GoalPace): string {
  const behind = isBehind(u.rate, goal)
  const key = goal.over
    ? behind
      ? 'goalpace-line-missed'
      : 'goalpace-line-reached'
    : behind
      ? 'goalpace-line-behind'
      : 'goalpace-line-on-track'
  return ctx.t(key, {
    goal: formatPercent(goal.goalRate, locale),
    needed: formatPercent(goal.needed, locale),
  })
}

function summaryLine(
  ctx: LoaContext,
  locale: string,
  u: UnitFigures,
  rank: number,
  goal: GoalPace | null,
): string {
  const status = u.submissions[0]?.status
  return ctx.t(u.broadcasts.length === 0 ? 'summary-line-nothing-sent' : 'summary-line', {
    rank,
    code: u.unit.code,
    name: u.unit.name,
    acknowledged: u.acknowledged,
    expected: u.expected,
    rate: html(percent(ctx, locale, u.rate)),
    pace: html(goal === null || u.rate === null ? '' : summaryPace(ctx, locale, u, goal)),
    pending: u.pendingCount,
    report: html(
      status === undefined
        ? ''
        : ctx.t(
            status === 'on-time'
              ? 'summary-report-on-time'
              : status === 'late'
                ? 'summary-report-late'
                : status === 'missing'
                  ? 'summary-report-missing'
                  : 'summary-report-not-due',
          ),
    ),
  })
}
