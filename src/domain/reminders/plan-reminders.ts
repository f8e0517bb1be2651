import { TZDate } from '@date-fns/tz'
import { localDate, localToUtc } from '../broadcasts/parse-when.js'
import {
  addDays,
  nextWorkingDay,
  workingDaysBefore,
  type CalendarOverrides,
  type IsoDate,
} from '../calendar/working-days.js'
import { QUIET_UNTIL_MINUTES, isQuietTime, type ReminderPolicy } from './reminder-policy.js'

/**
 * The pure planner (PRODUCT §4): from a due day and a policy to the instants
 * at which reminders are owed. No database, no clock: `now` comes in.
 */
export interface PlanInput {
  dueOn: IsoDate
  policy: ReminderPolicy
  /** When the item is created or changed: reminder times already past are skipped. */
  now: Date
  timeZone: string
  overrides: CalendarOverrides
}

export interface PlannedReminder {
  /** `d3`, `d1`, `d0` (working days before the due day) or `overdue`. */
  slot: string
  /** The local day the reminder belongs to. */
  day: IsoDate
  at: Date
}

/**
 * Each offset counts working days back from the due day (itself moved to the
 * working day before when it is not one); the overdue notice goes on the first
 * working day after the due day. Times fall at the policy's hour, moved out of
 * quiet hours. Slots landing on the same instant are merged (the nearer one
 * wins), and those already past at `now` dropped (the overdue notice too: an
 * item created after its due day is not chased for what nobody was told).
 */
export function planReminders(input: PlanInput): PlannedReminder[] {
  const { policy, timeZone, overrides } = input
  if (!policy.enabled) return []
  const planned = new Map<number, PlannedReminder>()
  for (const offset of [...policy.offsets].sort((a, b) => b - a)) {
    const day = workingDaysBefore(input.dueOn, offset, overrides)
    const at = outOfQuietHours(localToUtc(day, policy.time, timeZone), timeZone)
    if (at.getTime() < input.now.getTime()) continue
    planned.set(at.getTime(), { slot: `d${offset}`, day, at })
  }
  const overdueDay = nextWorkingDay(input.dueOn, overrides)
  const overdueAt = outOfQuietHours(localToUtc(overdueDay, policy.time, timeZone), timeZone)
  const reminders = [...planned.values()].sort((a, b) => a.at.getTime() - b.at.getTime())
  if (overdueAt.getTime() < input.now.getTime()) return reminders
  return [...reminders, { slot: 'overdue', day: overdueDay, at: overdueAt }]
}

/** PRODUCT §4 quiet hours 21:00–07:00: an instant inside them waits for the next 07:00. */
export function outOfQuietHours(instant: Date, timeZone: string): Date {
  const local = new TZDate(instant.getTime(), timeZone)
  const minutes = local.getHours() * 60 + local.getMinutes()
  if (!isQuietTime(minutes)) return instant
  const day = localDate(instant, timeZone)
  const morningDay = minutes < QUIET_UNTIL_MINUTES ? day : addDays(day, 1)
  const hh = String(Math.floor(QUIET_UNTIL_MINUTES / 60)).padStart(2, '0')
  return localToUtc(morningDay, `${hh}:00`, timeZone)
}
