import { TZDate } from '@date-fns/tz'
import type { Period } from '../campaigns/campaign.js'
import { stripDiacritics } from '../campaigns/campaign-code.js'
import {
  addDays,
  isIsoDate,
  NO_OVERRIDES,
  workingDaysBetween,
  type CalendarOverrides,
  type IsoDate,
} from '../calendar/working-days.js'
import { err, ok, type DomainError, type Result } from '../errors.js'

/**
 * `khi` of `/gui <MÃ> [khi] [đơn vị…]` (PRODUCT §3). Pure: the instant comes in
 * `now`, the zone in `timeZone`; times are local there and come out as UTC
 * instants. Asia/Ho_Chi_Minh has no DST, but nothing here assumes it.
 */
export interface WhenContext {
  now: Date
  timeZone: string
  /** The campaign's period; `hằng ngày` needs its end. */
  period: Period | null
  overrides?: CalendarOverrides
  campaignCode?: string
}

export type ParsedWhen =
  | { kind: 'now'; sendAts: Date[] }
  | { kind: 'once'; sendAts: Date[]; localDate: IsoDate; localTime: string }
  | { kind: 'daily'; sendAts: Date[]; localDays: IsoDate[]; localTime: string; truncated: boolean }

export type WhenError = Extract<
  DomainError,
  { code: 'invalid-when' | 'date-in-past' | 'daily-needs-period' | 'campaign-period-ended' }
>

/** A daily series longer than this is cut (a plan "giai đoạn 2023–2030" is not 1 800 mornings). */
export const MAX_DAILY_OCCURRENCES = 60

const NOW_WORDS = new Set(['ngay', 'now', 'bay gio', 'ngay bay gio'])
const DAILY_WORDS = new Set([
  'hangngay',
  'hang ngay',
  'moi ngay',
  'moingay',
  'daily',
  'everyday',
  'every day',
])
const TIME = /^(\d{1,2})(?::(\d{2})|h(\d{2})?)$/
const DATE = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}|\d{2}))?$/

function normalize(text: string): string {
  return stripDiacritics(text).toLowerCase().replace(/\s+/g, ' ').trim()
}

/** The local calendar date of an instant. */
export function localDate(instant: Date, timeZone: string): IsoDate {
  const local = new TZDate(instant.getTime(), timeZone)
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`
}

/** A wall-clock time on a local date as the UTC instant: 2024-04-15 08:00 in Asia/Ho_Chi_Minh → 01:00Z. */
export function localToUtc(date: IsoDate, time: string, timeZone: string): Date {
  const [h = 0, m = 0] = time.split(':').map(Number)
  const local = new TZDate(
    Number(date.slice(0, 4)),
    Number(date.slice(5, 7)) - 1,
    Number(date.slice(8, 10)),
    h,
    m,
    timeZone,
  )
  return new Date(local.getTime())
}

/** `15/04/2024 08:00` as people write it. */
export function formatLocal(instant: Date, timeZone: string): string {
  const local = new TZDate(instant.getTime(), timeZone)
  return `${pad(local.getDate())}/${pad(local.getMonth() + 1)}/${local.getFullYear()} ${pad(local.getHours())}:${pad(local.getMinutes())}`
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

function parseTime(token: string): string | null {
  const match = TIME.exec(token)
  if (match === null) return null
  const hour = Number(match[1])
  const minute = Number(match[2] ?? match[3] ?? '0')
  if (hour > 23 || minute > 59) return null
  return `${pad(hour)}:${pad(minute)}`
}

function parseDate(token: string, currentYear: number): IsoDate | null {
  const match = DATE.exec(token)
  if (match === null) return null
  const yearText = match[3]
  const year =
    yearText === undefined
      ? currentYear
      : yearText.length === 2
        ? 2000 + Number(yearText)
        : Number(yearText)
  const date = `${year}-${pad(Number(match[2]))}-${pad(Number(match[1]))}`
  return isIsoDate(date) ? date : null
}

/** A correct example from now: tomorrow at the given time (08:00 when none). */
function exampleFrom(ctx: WhenContext, time = '08:00'): string {
  const tomorrow = addDays(localDate(ctx.now, ctx.timeZone), 1)
  return formatLocal(localToUtc(tomorrow, time, ctx.timeZone), ctx.timeZone)
}

/**
 * `ngay` | `08:00` | `15/4 08:00` | `15/04/2024 08:00` | `hangngay 08:00`, or
 * empty for now. Refuses times already past (with a correct example) and a daily
 * series when the campaign has no period end.
 */
export function parseWhen(text: string | null, ctx: WhenContext): Result<ParsedWhen, WhenError> {
  const given = (text ?? '').trim()
  const normalized = normalize(given)
  if (normalized === '' || NOW_WORDS.has(normalized)) return ok({ kind: 'now', sendAts: [ctx.now] })
  const invalid = (time?: string) =>
    err({ code: 'invalid-when' as const, given, example: exampleFrom(ctx, time) })
  const today = localDate(ctx.now, ctx.timeZone)
  const parts = normalized.split(' ')
  const timeToken = parts.at(-1) ?? ''
  const time = parseTime(timeToken)
  const head = parts.slice(0, -1).join(' ')

  if (DAILY_WORDS.has(head)) {
    if (time === null) return invalid()
    return daily(given, time, today, ctx)
  }
  if (time === null) return invalid()
  let date: IsoDate | null
  if (head === '') date = today
  else {
    date = parseDate(head, Number(today.slice(0, 4)))
    if (date === null) return invalid(time)
  }
  const at = localToUtc(date, time, ctx.timeZone)
  if (at.getTime() <= ctx.now.getTime())
    return err({ code: 'date-in-past', given, example: exampleFrom(ctx, time) })
  return ok({ kind: 'once', sendAts: [at], localDate: date, localTime: time })
}

/**
 * PRODUCT §3 `hằng ngày`: every working day of the campaign period from today
 * on (weekends, public holidays and the agency's days off skipped, §10), at the
 * time; today only when that time is still ahead.
 */
function daily(
  given: string,
  time: string,
  today: IsoDate,
  ctx: WhenContext,
): Result<ParsedWhen, WhenError> {
  const end = ctx.period?.end ?? null
  if (end === null) return err({ code: 'daily-needs-period', campaignCode: ctx.campaignCode ?? '' })
  // Not "this time has passed": the campaign is over, and the office needs to hear that (issue 11, point 7).
  if (end < today)
    return err({
      code: 'campaign-period-ended',
      campaignCode: ctx.campaignCode ?? '',
      start: ctx.period?.start ?? null,
      end,
    })
  const start = ctx.period?.start != null && ctx.period.start > today ? ctx.period.start : today
  const days = workingDaysBetween(start, end, ctx.overrides ?? NO_OVERRIDES).filter(
    (day) => localToUtc(day, time, ctx.timeZone).getTime() > ctx.now.getTime(),
  )
  if (days.length === 0)
    return err({ code: 'date-in-past', given, example: exampleFrom(ctx, time) })
  const kept = days.slice(0, MAX_DAILY_OCCURRENCES)
  return ok({
    kind: 'daily',
    sendAts: kept.map((day) => localToUtc(day, time, ctx.timeZone)),
    localDays: kept,
    localTime: time,
    truncated: kept.length < days.length,
  })
}

const LOOKS_LIKE_TIME = /^\d{1,2}(?:[:h]\d*)$/i
const LOOKS_LIKE_DATE = /^\d{1,2}[/.-]\d{1,2}(?:[/.-]\d*)?$/

/**
 * Splits `/gui` arguments after the campaign code into the `khi` part and the
 * unit codes. Anything shaped like a time or date is taken as `khi` even when
 * wrong (`25:00`), so the answer is "bad time" rather than "unknown unit 25:00".
 */
export function takeWhen(tokens: readonly string[]): { when: string | null; rest: string[] } {
  const norm = tokens.map(normalize)
  const [a = '', b = '', c = ''] = norm
  const isTimeish = (t: string) => LOOKS_LIKE_TIME.test(t)
  let used = 0
  if (NOW_WORDS.has(a)) used = 1
  else if (NOW_WORDS.has(`${a} ${b}`)) used = 2
  else if (DAILY_WORDS.has(a)) used = isTimeish(b) ? 2 : 1
  else if (DAILY_WORDS.has(`${a} ${b}`)) used = isTimeish(c) ? 3 : 2
  else if (LOOKS_LIKE_DATE.test(a)) used = isTimeish(b) ? 2 : 1
  else if (isTimeish(a)) used = 1
  return {
    when: used === 0 ? null : tokens.slice(0, used).join(' '),
    rest: tokens.slice(used),
  }
}
