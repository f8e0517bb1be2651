import { localDate, localToUtc } from '../broadcasts/parse-when.js'

/** PRODUCT §4: no messages in quiet hours (21:00–07:00 local); what falls there waits for 07:00. */
export const QUIET_FROM = '21:00'
export const QUIET_UNTIL = '07:00'

export interface QuietHours {
  /** The instant falls in 21:00–07:00 in the given time zone. */
  quiet: boolean
  /** The next 07:00 local after the instant (the same morning before 07:00, else the next day's). */
  nextMorning: Date
}

function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  const next = new Date(Date.UTC(y, m - 1, d + days))
  return next.toISOString().slice(0, 10)
}

/** Pure: whether `instant` is in quiet hours in `timeZone`, and when they end. */
export function quietHoursAt(instant: Date, timeZone: string): QuietHours {
  const today = localDate(instant, timeZone)
  const morning = localToUtc(today, QUIET_UNTIL, timeZone)
  const evening = localToUtc(today, QUIET_FROM, timeZone)
  if (instant < morning) return { quiet: true, nextMorning: morning }
  const tomorrowMorning = localToUtc(addDays(today, 1), QUIET_UNTIL, timeZone)
  return { quiet: instant >= evening, nextMorning: tomorrowMorning }
}
