import { describe, expect, it } from 'vitest'
import { goalPace, isBehind } from '../../../src/domain/reports/goal-pace.js'
import { nextMorningCheck } from '../../../src/domain/reports/goal-behind-job.js'
import { NO_OVERRIDES } from '../../../src/domain/calendar/working-days.js'

const TZ = 'Asia/Ho_Chi_Minh'
// Monday 15/04/2024 08:00 in Hà Nội; the goal day Friday 19/04 ends at 2024-04-19T17:00Z: 112 h later.
const start = new Date('2024-04-15T01:00:00Z')
const pace = (now: string, goalRate = 0.9, goalOn = '2024-04-19') =>
  goalPace({ goalRate, goalOn, startAt: start, now: new Date(now), timeZone: TZ })

describe('goal pace (issue 12)', () => {
  it('is 0 at the first broadcast and the goal at the end of the goal day, linear between', () => {
    expect(pace('2024-04-15T01:00:00Z').needed).toBe(0)
    expect(pace('2024-04-17T09:00:00Z').needed).toBeCloseTo(0.45, 10) // 56 h of 112 h
    expect(pace('2024-04-19T16:59:00Z').needed).toBeLessThan(0.9)
    expect(pace('2024-04-19T16:59:00Z').over).toBe(false)
    const end = pace('2024-04-19T17:00:00Z')
    expect(end).toEqual({ goalRate: 0.9, goalOn: '2024-04-19', needed: 0.9, over: true })
  })

  it('never needs more than the goal nor less than nothing', () => {
    expect(pace('2024-05-30T00:00:00Z').needed).toBe(0.9)
    expect(pace('2024-04-14T00:00:00Z').needed).toBe(0)
    // A goal day before the first broadcast needs the whole goal at once.
    expect(pace('2024-04-15T02:00:00Z', 1, '2024-04-14').needed).toBe(1)
  })

  it('a unit is behind only below the line; nothing delivered is never behind', () => {
    const p = pace('2024-04-17T09:00:00Z')
    expect(isBehind(0.449, p)).toBe(true)
    expect(isBehind(0.45, p)).toBe(false)
    expect(isBehind(9 / 20, p)).toBe(false)
    expect(isBehind(null, p)).toBe(false)
  })
})

describe('the morning check (issue 12)', () => {
  const next = (now: string, checkedOn: string | null = null, overrides = NO_OVERRIDES) =>
    nextMorningCheck({ now: new Date(now), timeZone: TZ, overrides, checkedOn }).toISOString()

  it('is at 07:30 of a working day, today while its morning lasts and it is unchecked', () => {
    expect(next('2024-04-15T00:00:00Z')).toBe('2024-04-15T00:30:00.000Z') // Monday 07:00
    expect(next('2024-04-15T02:00:00Z')).toBe('2024-04-15T00:30:00.000Z') // 09:00, not checked
    expect(next('2024-04-15T02:00:00Z', '2024-04-15')).toBe('2024-04-16T00:30:00.000Z')
    expect(next('2024-04-15T05:00:00Z')).toBe('2024-04-16T00:30:00.000Z') // 12:00: afternoon
  })

  it('skips days off: weekends, public holidays and the agency calendar', () => {
    // Friday checked → Monday; 30/04 and 01/05 are public holidays.
    expect(next('2024-04-19T03:00:00Z', '2024-04-19')).toBe('2024-04-22T00:30:00.000Z')
    expect(next('2024-04-29T03:00:00Z', '2024-04-29')).toBe('2024-05-02T00:30:00.000Z')
    const extra = new Map([['2024-04-16', 'holiday' as const]])
    expect(next('2024-04-15T03:00:00Z', '2024-04-15', extra)).toBe('2024-04-17T00:30:00.000Z')
  })
})
