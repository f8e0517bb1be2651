import { createRequire } from 'node:module'
import type HolidaysClass from 'date-holidays'
import { VN_EXTRA_CALENDAR } from './vn-extra-holidays.js'
import { VN_PUBLIC_HOLIDAYS } from './vn-public-holidays.js'

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string

/**
 * The agency's own calendar (PRODUCT §10, table `calendar_day`): make-up
 * workdays and extra days off. They win over everything else.
 */
export type CalendarOverrides = ReadonlyMap<IsoDate, 'workday' | 'holiday'>

export const NO_OVERRIDES: CalendarOverrides = new Map()

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DAY_MS = 86_400_000

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value)
  if (match === null) return false
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])))
  return date.toISOString().slice(0, 10) === value
}

function toUtcMidnight(date: IsoDate): number {
  const match = ISO_DATE.exec(date)
  if (match === null) throw new RangeError(`not a YYYY-MM-DD date: ${date}`)
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
}

function fromUtcMidnight(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10)
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromUtcMidnight(toUtcMidnight(date) + days * DAY_MS)
}

/** 0 = Sunday … 6 = Saturday, of the calendar date itself (no time zone involved). */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toUtcMidnight(date)).getUTCDay()
}

export function isWeekend(date: IsoDate): boolean {
  const day = dayOfWeek(date)
  return day === 0 || day === 6
}

/**
 * Public holidays per year as date-holidays (VN) knows them, `public` only
 * (its `observance` days, like 8/3 or 20/11, are working days), multi-day
 * entries (Tết) expanded. Memoised: the data is immutable for a year.
 */
const publicHolidayCache = new Map<number, ReadonlySet<IsoDate>>()
let vnHolidays: HolidaysClass | undefined

/**
 * date-holidays takes a second or more to load (every country's rules, the
 * lunar calendar, every time zone) and ≈ 35 MB of the process: it is required
 * only for a year that vn-public-holidays.ts does not list.
 */
function holidaysOfVietnam(): HolidaysClass {
  if (vnHolidays === undefined) {
    const Holidays = createRequire(import.meta.url)('date-holidays') as typeof HolidaysClass
    vnHolidays = new Holidays('VN')
  }
  return vnHolidays
}

/** What date-holidays says of `year`, sorted: the source of vn-public-holidays.ts (its test compares). */
export function publicHolidaysFromLibrary(year: number): IsoDate[] {
  const days = new Set<IsoDate>()
  for (const holiday of holidaysOfVietnam().getHolidays(year)) {
    if (holiday.type !== 'public') continue
    const first = holiday.date.slice(0, 10)
    const length = Math.max(
      1,
      Math.round((holiday.end.getTime() - holiday.start.getTime()) / DAY_MS),
    )
    for (let i = 0; i < length; i++) days.add(addDays(first, i))
  }
  return [...days].sort()
}

function publicHolidaysOf(year: number): ReadonlySet<IsoDate> {
  const cached = publicHolidayCache.get(year)
  if (cached !== undefined) return cached
  const listed = VN_PUBLIC_HOLIDAYS[year]
  const days = new Set(
    listed === undefined ? publicHolidaysFromLibrary(year) : listed.map((d) => `${year}-${d}`),
  )
  publicHolidayCache.set(year, days)
  return days
}

const EXTRA = new Map(VN_EXTRA_CALENDAR.map((d) => [d.day, d.kind] as const))

/** A Vietnamese public holiday, including the government's extra days and swaps. */
export function isPublicHoliday(date: IsoDate): boolean {
  const extra = EXTRA.get(date)
  if (extra !== undefined) return extra === 'holiday'
  return publicHolidaysOf(Number(date.slice(0, 4))).has(date)
}

/**
 * Monday to Friday, not a public holiday, unless the agency says otherwise.
 * Precedence: the agency's calendar_day, then the national swaps and extra days
 * (vn-extra-holidays.ts), then date-holidays, then the weekend.
 */
export function isWorkingDay(date: IsoDate, overrides: CalendarOverrides = NO_OVERRIDES): boolean {
  const own = overrides.get(date)
  if (own !== undefined) return own === 'workday'
  const extra = EXTRA.get(date)
  if (extra !== undefined) return extra === 'workday'
  if (isWeekend(date)) return false
  return !publicHolidaysOf(Number(date.slice(0, 4))).has(date)
}

/** Every working day from start to end, both included, in order. */
export function workingDaysBetween(
  start: IsoDate,
  end: IsoDate,
  overrides: CalendarOverrides = NO_OVERRIDES,
): IsoDate[] {
  const days: IsoDate[] = []
  for (let day = start; day <= end; day = addDays(day, 1)) {
    if (isWorkingDay(day, overrides)) days.push(day)
  }
  return days
}

/**
 * The last working day strictly before `date` (PRODUCT §4: a reminder that falls
 * on a weekend or holiday moves to the working day before). Tết plus weekends is
 * at most ten days off in a row; a year is a generous bound.
 */
export function previousWorkingDay(
  date: IsoDate,
  overrides: CalendarOverrides = NO_OVERRIDES,
): IsoDate {
  for (let i = 1; i <= 366; i++) {
    const day = addDays(date, -i)
    if (isWorkingDay(day, overrides)) return day
  }
  throw new RangeError(`no working day in the year before ${date}`)
}

/** `date` itself when it is a working day, otherwise the working day before it. */
export function workingDayOnOrBefore(
  date: IsoDate,
  overrides: CalendarOverrides = NO_OVERRIDES,
): IsoDate {
  return isWorkingDay(date, overrides) ? date : previousWorkingDay(date, overrides)
}

/** The `n`-th working day before `date` (n = 0: on or before). For "3 working days before". */
export function workingDaysBefore(
  date: IsoDate,
  n: number,
  overrides: CalendarOverrides = NO_OVERRIDES,
): IsoDate {
  let day = workingDayOnOrBefore(date, overrides)
  for (let i = 0; i < n; i++) day = previousWorkingDay(day, overrides)
  return day
}

/** The first working day strictly after `date` (PRODUCT §4: the overdue notice). */
export function nextWorkingDay(
  date: IsoDate,
  overrides: CalendarOverrides = NO_OVERRIDES,
): IsoDate {
  for (let i = 1; i <= 366; i++) {
    const day = addDays(date, i)
    if (isWorkingDay(day, overrides)) return day
  }
  throw new RangeError(`no working day in the year after ${date}`)
}
