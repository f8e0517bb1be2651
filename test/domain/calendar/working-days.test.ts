import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadCalendarOverrides } from '../../../src/domain/calendar/calendar-repository.js'
import {
  isPublicHoliday,
  isWorkingDay,
  previousWorkingDay,
  workingDaysBefore,
  workingDaysBetween,
} from '../../../src/domain/calendar/working-days.js'
import { createTestDeps, type TestDeps } from '../../support/temp-db.js'

describe('isWorkingDay', () => {
  it('skips weekends and the public holidays date-holidays knows', () => {
    expect(isWorkingDay('2024-04-15')).toBe(true) // Monday
    expect(isWorkingDay('2024-04-20')).toBe(false) // Saturday
    expect(isWorkingDay('2024-04-21')).toBe(false) // Sunday
    expect(isWorkingDay('2024-04-18')).toBe(false) // Giỗ Tổ Hùng Vương 10/3 âm lịch
    expect(isWorkingDay('2024-04-30')).toBe(false)
    expect(isWorkingDay('2024-05-01')).toBe(false)
    expect(isWorkingDay('2024-09-02')).toBe(false)
    expect(isWorkingDay('2024-03-08')).toBe(true) // an observance, not a day off
  })

  it('adds the government swaps and extra days date-holidays lacks', () => {
    expect(isWorkingDay('2024-04-29')).toBe(false) // swapped with Saturday 4/5
    expect(isWorkingDay('2024-05-04')).toBe(true) // làm bù
    expect(isWorkingDay('2024-09-03')).toBe(false) // day next to Quốc khánh
    expect(workingDaysBetween('2024-02-05', '2024-02-16')).toEqual([
      '2024-02-05',
      '2024-02-06',
      '2024-02-07',
      '2024-02-15',
      '2024-02-16',
    ])
    expect(isWorkingDay('2025-01-27')).toBe(false)
    expect(isWorkingDay('2025-02-08')).toBe(false) // no make-up Saturday for Tết 2025
    expect(isWorkingDay('2025-04-26')).toBe(true) // làm bù for Fri 02/5/2025
    expect(isWorkingDay('2026-01-02')).toBe(false)
    expect(isWorkingDay('2026-01-10')).toBe(true)
    expect(isWorkingDay('2026-08-22')).toBe(true)
    expect(isWorkingDay('2026-08-31')).toBe(false)
    expect(isWorkingDay('2027-05-03')).toBe(false) // nghỉ bù for 01/5/2027, a Saturday
    expect(isWorkingDay('2025-09-01')).toBe(false)
    expect(isWorkingDay('2026-02-16')).toBe(false) // Tết Bính Ngọ
    expect(isWorkingDay('2026-04-27')).toBe(false) // nghỉ bù Giỗ Tổ on a Sunday
    expect(isPublicHoliday('2024-04-29')).toBe(true)
  })

  it("lets the agency's calendar win over everything", () => {
    const overrides = new Map([
      ['2024-04-20', 'workday' as const],
      ['2024-04-16', 'holiday' as const],
    ])
    expect(isWorkingDay('2024-04-20', overrides)).toBe(true)
    expect(isWorkingDay('2024-04-16', overrides)).toBe(false)
  })
})

describe('working day arithmetic', () => {
  it('lists the working days of the Ngày Sách week, 30/4–1/5 skipped', () => {
    expect(workingDaysBetween('2024-04-25', '2024-05-03')).toEqual([
      '2024-04-25',
      '2024-04-26',
      '2024-05-02',
      '2024-05-03',
    ])
  })

  it('moves back over weekends and holidays', () => {
    expect(previousWorkingDay('2024-05-02')).toBe('2024-04-26')
    expect(previousWorkingDay('2024-04-22')).toBe('2024-04-19')
    expect(workingDaysBefore('2024-05-05', 0)).toBe('2024-05-04')
    expect(workingDaysBefore('2024-05-06', 3)).toBe('2024-05-02')
  })
})

describe('loadCalendarOverrides', () => {
  let deps: TestDeps
  beforeEach(async () => {
    deps = await createTestDeps()
  })
  afterEach(() => deps.close())

  it('reads calendar_day rows', async () => {
    await deps.db
      .insertInto('calendar_day')
      .values([
        { day: '2024-04-20', kind: 'workday', note: 'làm bù' },
        { day: '2024-04-16', kind: 'holiday', note: null },
      ])
      .execute()
    const overrides = await loadCalendarOverrides(deps.db)
    expect(isWorkingDay('2024-04-20', overrides)).toBe(true)
    expect(isWorkingDay('2024-04-16', overrides)).toBe(false)
    expect(
      (await loadCalendarOverrides(deps.db, { from: '2024-04-17', to: '2024-04-30' })).size,
    ).toBe(1)
  })
})
