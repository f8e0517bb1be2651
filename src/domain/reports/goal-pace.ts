import { localToUtc } from '../broadcasts/parse-when.js'
import { addDays, type IsoDate } from '../calendar/working-days.js'

/**
 * Issue 12, the campaign goal's pace: the straight line from 0 % at the
 * campaign's first broadcast to the goal rate at the end of the goal day.
 * Pure: the numbers only; ./campaign-goal.ts reads them from the database.
 */
export interface GoalPace {
  /** The goal, 0–1. */
  goalRate: number
  /** The goal's day (local); the goal is due by the end of it. */
  goalOn: IsoDate
  /** The rate a unit should have reached now, 0–goalRate. */
  needed: number
  /** The goal day is over: needed is the goal itself and nobody is told any more. */
  over: boolean
}

/** Rates are ratios of counts; below this a unit is on the line, not behind it. */
const EPSILON = 1e-9

/**
 * The pace at `now`: needed = goal × (now − start) / (end of goal day − start),
 * clamped to [0, goal]. A goal day before the first broadcast needs the goal at once.
 */
export function goalPace(input: {
  goalRate: number
  goalOn: IsoDate
  /** The campaign's first broadcast reached its first group. */
  startAt: Date
  now: Date
  timeZone: string
}): GoalPace {
  const end = localToUtc(addDays(input.goalOn, 1), '00:00', input.timeZone).getTime()
  const start = input.startAt.getTime()
  const now = input.now.getTime()
  const share = end <= start ? 1 : Math.min(1, Math.max(0, (now - start) / (end - start)))
  return {
    goalRate: input.goalRate,
    goalOn: input.goalOn,
    needed: input.goalRate * share,
    over: now >= end,
  }
}

/** Behind the pace: a rate below the line. A unit that has received nothing is never behind. */
export function isBehind(rate: number | null, pace: GoalPace): boolean {
  return rate !== null && rate + EPSILON < pace.needed
}
