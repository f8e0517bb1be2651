import { localDate } from '../broadcasts/parse-when.js'
import type { Period } from '../campaigns/campaign.js'
import { exampleDay, parseDay } from '../calendar/parse-day.js'
import {
  isIsoDate,
  nextWorkingDay,
  type CalendarOverrides,
  type IsoDate,
} from '../calendar/working-days.js'
import { err, ok, type DomainError, type Result } from '../errors.js'

/**
 * `han <ngày>` of `/gui` (PRODUCT §3, §4): the day by which every member of
 * the target units should have confirmed. Pure: time and calendar come in.
 */
export interface DeadlineContext {
  /** `han` as typed (`11/03`, `11/03/2027`), or null when absent. */
  text: string | null
  /** The first send instant. */
  sendAt: Date
  daily: boolean
  period: Period | null
  now: Date
  timeZone: string
  overrides: CalendarOverrides
  /** For the example in a refusal: the command as the office would type it. */
  campaignCode: string
}

/**
 * The deadline day, or null for none. A day without a year is the first such
 * day on or after the send day (11/03 typed in December is next March). A
 * deadline that does not parse, lies in the past or before the send day is
 * refused with a correct example, as is one on a `hằng ngày` series (each
 * morning's message would need its own). Without `han`, a one-off broadcast
 * takes the campaign's period end when that leaves at least one working day
 * after the send, and none otherwise.
 */
export function resolveDeadline(
  ctx: DeadlineContext,
): Result<IsoDate | null, Extract<DomainError, { code: 'invalid-deadline' }>> {
  const sendDay = localDate(ctx.sendAt, ctx.timeZone)
  const today = localDate(ctx.now, ctx.timeZone)
  if (ctx.text === null) {
    if (ctx.daily) return ok(null)
    const end = ctx.period?.end ?? null
    if (end === null || !isIsoDate(end)) return ok(null)
    return ok(nextWorkingDay(sendDay, ctx.overrides) <= end ? end : null)
  }
  const example = `/gui ${ctx.campaignCode} han ${exampleDay(sendDay < today ? today : sendDay)}`
  const refuse = () => err({ code: 'invalid-deadline' as const, given: ctx.text ?? '', example })
  if (ctx.daily) return refuse()
  let day = parseDay(ctx.text, sendDay)
  if (day === null) return refuse()
  const typedYear = /\d{4}/.test(ctx.text)
  if (!typedYear && day < sendDay)
    day = parseDay(ctx.text, `${Number(sendDay.slice(0, 4)) + 1}-01-01`)
  if (day === null || day < today || day < sendDay) return refuse()
  return ok(day)
}

const DEADLINE_WORDS = ['han', 'hạn', 'deadline']

/**
 * Takes `han <ngày>` out of `/gui`'s words, wherever it stands, so the rest
 * reads as before (`khi`, units, flags). `han` with nothing after it gives an
 * empty deadline, which resolveDeadline refuses.
 */
export function takeDeadline(tokens: readonly string[]): {
  deadline: string | null
  rest: string[]
} {
  const index = tokens.findIndex((t) => DEADLINE_WORDS.includes(t.toLowerCase()))
  if (index < 0) return { deadline: null, rest: [...tokens] }
  return {
    deadline: tokens[index + 1] ?? '',
    rest: [...tokens.slice(0, index), ...tokens.slice(index + 2)],
  }
}
