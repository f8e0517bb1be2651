import type { ScheduledJob } from '../../scheduler.js'
import { localDate, localToUtc } from '../broadcasts/parse-when.js'
import { loadCalendarOverrides } from '../calendar/calendar-repository.js'
import {
  isWorkingDay,
  nextWorkingDay,
  type CalendarOverrides,
  type IsoDate,
} from '../calendar/working-days.js'
import type { Deps } from '../deps.js'
import type { Translate } from '../ports.js'
import { WORKING_WINDOWS } from '../urgent/urgent-times.js'
import { noticeGoalBehind } from './goal-behind.js'

/** The morning: the first working window of the day (07:30–11:30 local). */
const [MORNING_FROM = 450, MORNING_UNTIL = 690] = WORKING_WINDOWS[0] ?? []

function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/**
 * When the next morning check falls due (pure): today's first working minute
 * when today is a working day not checked yet and its morning is not over (a
 * Loa started at 09:00 still checks that morning), else the next working day's.
 */
export function nextMorningCheck(input: {
  now: Date
  timeZone: string
  overrides: CalendarOverrides
  checkedOn: IsoDate | null
}): Date {
  const today = localDate(input.now, input.timeZone)
  const morningOver = localToUtc(today, hhmm(MORNING_UNTIL), input.timeZone)
  const day =
    input.checkedOn !== today && isWorkingDay(today, input.overrides) && input.now < morningOver
      ? today
      : nextWorkingDay(today, input.overrides)
  return localToUtc(day, hhmm(MORNING_FROM), input.timeZone)
}

/**
 * Issue 12's morning notice as a scheduler job (src/scheduler.ts): due at the
 * first working-hours minute of each working day; what it owes goes through
 * the outbound queue. Which day was checked lives in the process; the record
 * of who was told lives in goal_notice, so a restart the same morning checks
 * again and tells nobody twice.
 */
export function goalBehindJob(translate: Translate): ScheduledJob {
  let checkedOn: IsoDate | null = null
  // nextDueAt runs on every scheduler pass: the answer is kept for the local day it was made on.
  let cached: { today: IsoDate; checkedOn: IsoDate | null; due: string } | undefined
  return {
    async nextDueAt(deps: Deps) {
      const now = deps.clock.now()
      const today = localDate(now, deps.config.timezone)
      if (cached?.today === today && cached.checkedOn === checkedOn) return cached.due
      const due = nextMorningCheck({
        now,
        timeZone: deps.config.timezone,
        overrides: await loadCalendarOverrides(deps.db),
        checkedOn,
      }).toISOString()
      cached = { today, checkedOn, due }
      return due
    },
    async run(deps: Deps) {
      checkedOn = localDate(deps.clock.now(), deps.config.timezone)
      await noticeGoalBehind(deps, translate)
      return false
    },
  }
}
