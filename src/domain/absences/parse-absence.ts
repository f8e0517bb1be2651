import { parseDay } from '../calendar/parse-day.js'
import { addDays, type IsoDate } from '../calendar/working-days.js'
import { err, ok, type Result } from '../errors.js'

export interface AbsenceInput {
  from: IsoDate
  to: IsoDate
  /** Free text (nghỉ phép, công tác, ốm); null when not given. */
  reason: string | null
}

export type AbsenceError = {
  code: 'invalid-absence'
  /** Which part is wrong: the first date, the second, their order, or a window already over. */
  part: 'from' | 'to' | 'order' | 'past'
  given: string
  example: string
}

const dmy = (day: IsoDate) => `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`

/** A correct command from today: tomorrow to three days later, for leave. */
export function exampleAbsence(today: IsoDate): string {
  return `/vangmat ${dmy(addDays(today, 1))} ${dmy(addDays(today, 3))} nghỉ phép`
}

/**
 * `<từ ngày> <đến ngày> [lý do]` (issue 12), dates as everywhere (`15/4`,
 * `15/04/2026`). Pure. Refuses, naming the bad part, a date that is not one,
 * an end before the start, and a window that ended before today.
 */
export function parseAbsence(text: string, today: IsoDate): Result<AbsenceInput, AbsenceError> {
  const [fromText = '', toText = '', ...rest] = text.trim().split(/\s+/)
  const example = exampleAbsence(today)
  const from = parseDay(fromText, today)
  if (from === null) return err({ code: 'invalid-absence', part: 'from', given: fromText, example })
  const to = parseDay(toText, today)
  if (to === null) return err({ code: 'invalid-absence', part: 'to', given: toText, example })
  if (to < from)
    return err({ code: 'invalid-absence', part: 'order', given: `${fromText} ${toText}`, example })
  if (to < today) return err({ code: 'invalid-absence', part: 'past', given: toText, example })
  const reason = rest.join(' ').trim()
  return ok({ from, to, reason: reason === '' ? null : reason.slice(0, 200) })
}
