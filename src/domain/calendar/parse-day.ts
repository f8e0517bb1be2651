import { addDays, isIsoDate, type IsoDate } from './working-days.js'

/**
 * A day as the office types it: `05/05/2024`, `5/5` (this year), or
 * `2024-05-05`. Pure; `today` gives the year when it is left out. Null when
 * it is not a real date.
 */
export function parseDay(text: string, today: IsoDate): IsoDate | null {
  const trimmed = text.trim()
  if (isIsoDate(trimmed)) return trimmed
  const match = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{4}))?$/.exec(trimmed)
  if (match === null) return null
  const year = match[3] ?? today.slice(0, 4)
  const day = `${year}-${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}`
  return isIsoDate(day) ? day : null
}

/** A correct example for a refusal: a week from today, written `dd/mm/yyyy`. */
export function exampleDay(today: IsoDate): string {
  const day = addDays(today, 7)
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`
}
