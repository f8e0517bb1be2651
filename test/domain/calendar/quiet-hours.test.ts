import { describe, expect, it } from 'vitest'
import { quietHoursAt } from '../../../src/domain/calendar/quiet-hours.js'

const HN = 'Asia/Ho_Chi_Minh'
const at = (iso: string) => quietHoursAt(new Date(iso), HN)

describe('quietHoursAt (issue 11, point 13)', () => {
  it('21:00–07:00 local is quiet; the day is not', () => {
    expect(at('2026-12-01T13:59:00Z').quiet).toBe(false) // 20:59
    expect(at('2026-12-01T14:00:00Z').quiet).toBe(true) // 21:00
    expect(at('2026-12-01T17:54:00Z').quiet).toBe(true) // 00:54 on the 2nd
    expect(at('2026-12-01T23:59:00Z').quiet).toBe(true) // 06:59
    expect(at('2026-12-02T00:00:00Z').quiet).toBe(false) // 07:00
  })

  it('names the next 07:00 local: tomorrow in the evening, this morning after midnight', () => {
    expect(at('2026-12-01T15:00:00Z').nextMorning.toISOString()).toBe('2026-12-02T00:00:00.000Z')
    expect(at('2026-12-01T17:54:00Z').nextMorning.toISOString()).toBe('2026-12-02T00:00:00.000Z')
    expect(at('2026-12-31T16:00:00Z').nextMorning.toISOString()).toBe('2027-01-01T00:00:00.000Z')
  })
})
