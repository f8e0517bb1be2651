import { describe, expect, it } from 'vitest'
import { NO_OVERRIDES, type CalendarOverrides } from '../../../src/domain/calendar/working-days.js'
import { outOfQuietHours, planReminders } from '../../../src/domain/reminders/plan-reminders.js'
import {
  DEFAULT_REMINDER_POLICY,
  decodeReminderPolicy,
  encodeReminderPolicy,
  parseReminderPolicy,
  type ReminderPolicy,
} from '../../../src/domain/reminders/reminder-policy.js'

const TZ = 'Asia/Ho_Chi_Minh'

function plan(
  dueOn: string,
  now = '2020-01-01T00:00:00Z',
  overrides: CalendarOverrides = NO_OVERRIDES,
  policy: ReminderPolicy = DEFAULT_REMINDER_POLICY,
) {
  return planReminders({ dueOn, policy, now: new Date(now), timeZone: TZ, overrides }).map(
    (r) => `${r.slot} ${r.day} ${r.at.toISOString()}`,
  )
}

/** Just the days per slot, for the calendar cases. */
function days(dueOn: string, overrides: CalendarOverrides = NO_OVERRIDES) {
  return plan(dueOn, '2020-01-01T00:00:00Z', overrides).map((line) =>
    line.split(' ').slice(0, 2).join(' '),
  )
}

describe('planReminders', () => {
  it('plans 3 and 1 working days before, the due day and the overdue notice, at 08:00 Hà Nội', () => {
    expect(plan('2024-05-13')).toEqual([
      'd3 2024-05-08 2024-05-08T01:00:00.000Z',
      'd1 2024-05-10 2024-05-10T01:00:00.000Z',
      'd0 2024-05-13 2024-05-13T01:00:00.000Z',
      'overdue 2024-05-14 2024-05-14T01:00:00.000Z',
    ])
  })

  it('moves a due day on the weekend to the Friday before, the overdue notice to Monday', () => {
    expect(days('2024-05-12')).toEqual([
      'd3 2024-05-07',
      'd1 2024-05-09',
      'd0 2024-05-10',
      'overdue 2024-05-13',
    ])
  })

  it('skips Tết Ất Tỵ 2025 (27/01–31/01 off, no make-up Saturday)', () => {
    expect(days('2025-02-03')).toEqual([
      'd3 2025-01-22',
      'd1 2025-01-24',
      'd0 2025-02-03',
      'overdue 2025-02-04',
    ])
    // 08/02/2025 is an ordinary Saturday: a due day there moves to Friday 07/02.
    expect(days('2025-02-08')[2]).toBe('d0 2025-02-07')
  })

  it('skips Tết Bính Ngọ 2026 (16/02–20/02) and the swapped 02/01, counts Saturday 10/01', () => {
    expect(days('2026-02-23')).toEqual([
      'd3 2026-02-11',
      'd1 2026-02-13',
      'd0 2026-02-23',
      'overdue 2026-02-24',
    ])
    expect(days('2026-01-05')).toEqual([
      'd3 2025-12-29',
      'd1 2025-12-31',
      'd0 2026-01-05',
      'overdue 2026-01-06',
    ])
    expect(days('2026-01-12')[1]).toBe('d1 2026-01-10')
  })

  it('skips Tết Đinh Mùi 2027 as the law fixes it before any notice (05/02–11/02)', () => {
    expect(days('2027-02-12')).toEqual([
      'd3 2027-02-02',
      'd1 2027-02-04',
      'd0 2027-02-12',
      'overdue 2027-02-15',
    ])
  })

  it('skips 30/4–1/5 and the swapped 02/5/2025, counting the make-up Saturday 26/4', () => {
    expect(days('2025-05-05')).toEqual([
      'd3 2025-04-26',
      'd1 2025-04-29',
      'd0 2025-05-05',
      'overdue 2025-05-06',
    ])
    // 01/5/2027 on a Saturday: Monday 03/5 is its nghỉ bù.
    expect(days('2027-05-03')[2]).toBe('d0 2027-04-29')
  })

  it('skips 2/9 with its extra day: 01/9/2025, 31/8–02/9/2026 with làm bù 22/8', () => {
    expect(days('2025-09-03')).toEqual([
      'd3 2025-08-27',
      'd1 2025-08-29',
      'd0 2025-09-03',
      'overdue 2025-09-04',
    ])
    expect(days('2026-09-02')).toEqual([
      'd3 2026-08-25',
      'd1 2026-08-27',
      'd0 2026-08-28',
      'overdue 2026-09-03',
    ])
    expect(days('2026-08-24')[1]).toBe('d1 2026-08-22')
  })

  it("follows the agency's own calendar: an extra day off, a make-up working day", () => {
    expect(days('2024-05-13', new Map([['2024-05-09', 'holiday']]))).toEqual([
      'd3 2024-05-07',
      'd1 2024-05-10',
      'd0 2024-05-13',
      'overdue 2024-05-14',
    ])
    expect(days('2024-05-13', new Map([['2024-05-11', 'workday']]))[1]).toBe('d1 2024-05-11')
    expect(days('2024-05-13', new Map([['2024-05-14', 'holiday']]))[3]).toBe('overdue 2024-05-15')
  })

  it('skips times already past at creation; "today" after 08:00 keeps only the overdue notice', () => {
    // 15/04/2024 09:00 in Hà Nội, due that very day.
    expect(plan('2024-04-15', '2024-04-15T02:00:00Z')).toEqual([
      'overdue 2024-04-16 2024-04-16T01:00:00.000Z',
    ])
    // 07:59 the same day: the due-day reminder still stands.
    expect(plan('2024-04-15', '2024-04-15T00:59:00Z')[0]).toBe(
      'd0 2024-04-15 2024-04-15T01:00:00.000Z',
    )
    expect(plan('2024-04-10', '2024-04-15T02:00:00Z')).toEqual([])
  })

  it('moves a time inside quiet hours to 07:00 and plans nothing when reminders are off', () => {
    const early: ReminderPolicy = { enabled: true, offsets: [0], time: '06:30' }
    expect(plan('2024-05-13', undefined, NO_OVERRIDES, early)).toEqual([
      'd0 2024-05-13 2024-05-13T00:00:00.000Z',
      'overdue 2024-05-14 2024-05-14T00:00:00.000Z',
    ])
    expect(plan('2024-05-13', undefined, NO_OVERRIDES, { enabled: false })).toEqual([])
  })
})

describe('outOfQuietHours', () => {
  it('lets 07:00–21:00 through and holds the night until 07:00', () => {
    const at = (iso: string) => outOfQuietHours(new Date(iso), TZ).toISOString()
    expect(at('2024-04-15T05:00:00Z')).toBe('2024-04-15T05:00:00.000Z') // 12:00
    expect(at('2024-04-15T13:59:00Z')).toBe('2024-04-15T13:59:00.000Z') // 20:59
    expect(at('2024-04-15T14:00:00Z')).toBe('2024-04-16T00:00:00.000Z') // 21:00 → 07:00
    expect(at('2024-04-15T16:30:00Z')).toBe('2024-04-16T00:00:00.000Z') // 23:30
    expect(at('2024-04-15T22:00:00Z')).toBe('2024-04-16T00:00:00.000Z') // 05:00
  })
})

describe('reminder policy', () => {
  it('parses what the office types and refuses the rest', () => {
    expect(parseReminderPolicy('3,1,0 08:00')).toEqual(DEFAULT_REMINDER_POLICY)
    expect(parseReminderPolicy('0,2 7h30')).toEqual({
      enabled: true,
      offsets: [2, 0],
      time: '07:30',
    })
    expect(parseReminderPolicy('tat')).toEqual({ enabled: false })
    expect(parseReminderPolicy('tắt')).toEqual({ enabled: false })
    expect(parseReminderPolicy('3,1,0 22:00')).toBeNull() // quiet hours
    expect(parseReminderPolicy('3;1 08:00')).toBeNull()
    expect(parseReminderPolicy('3,1 25:00')).toBeNull()
    expect(parseReminderPolicy('')).toBeNull()
  })

  it('round-trips through the column and falls back to the default on garbage', () => {
    const policy: ReminderPolicy = { enabled: true, offsets: [2], time: '09:15' }
    expect(decodeReminderPolicy(encodeReminderPolicy(policy))).toEqual(policy)
    expect(decodeReminderPolicy(null)).toEqual(DEFAULT_REMINDER_POLICY)
    expect(decodeReminderPolicy('{oops')).toEqual(DEFAULT_REMINDER_POLICY)
  })
})
