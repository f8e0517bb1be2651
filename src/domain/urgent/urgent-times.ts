import { TZDate } from '@date-fns/tz'
import { localDate, localToUtc } from '../broadcasts/parse-when.js'
import { addDays, isWorkingDay, type CalendarOverrides } from '../calendar/working-days.js'

/** Issue 12: working hours for urgent reminders, local time, on working days. */
export const WORKING_WINDOWS: readonly (readonly [number, number])[] = [
  [7 * 60 + 30, 11 * 60 + 30],
  [13 * 60 + 30, 17 * 60],
]
export const URGENT_EVERY_MINUTES = 120
export const URGENT_MAX_REMINDERS = 4

/**
 * When the urgent reminders of a broadcast sent at `sendAt` go out: every 2
 * working hours counted only inside 07:30–11:30 and 13:30–17:00 of working days
 * (public holidays, the agency's calendar and weekends skipped), at most 4.
 * Pure. A send outside working hours starts counting at the next window.
 */
export function urgentReminderTimes(input: {
  sendAt: Date
  timeZone: string
  overrides?: CalendarOverrides
  every?: number
  count?: number
}): Date[] {
  const every = input.every ?? URGENT_EVERY_MINUTES
  const count = input.count ?? URGENT_MAX_REMINDERS
  const local = new TZDate(input.sendAt.getTime(), input.timeZone)
  let day = localDate(input.sendAt, input.timeZone)
  let minute = local.getHours() * 60 + local.getMinutes()
  const out: Date[] = []
  let owed = every
  // A year of days is more than 4 × 2 hours can ever need; the bound keeps a bad calendar finite.
  for (let guard = 0; guard < 366 && out.length < count; guard++) {
    if (isWorkingDay(day, input.overrides)) {
      for (const [open, close] of WORKING_WINDOWS) {
        let at = Math.max(minute, open)
        while (at < close && out.length < count) {
          const step = Math.min(owed, close - at)
          at += step
          owed -= step
          if (owed === 0) {
            out.push(localToUtc(day, hhmm(at), input.timeZone))
            owed = every
          }
        }
        minute = Math.max(minute, close)
      }
    }
    day = addDays(day, 1)
    minute = 0
  }
  return out
}

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}
