import { describe, expect, it } from 'vitest'
import { VN_PUBLIC_HOLIDAYS } from '../../../src/domain/calendar/vn-public-holidays.js'
import {
  isWorkingDay,
  publicHolidaysFromLibrary,
} from '../../../src/domain/calendar/working-days.js'

const years = Object.keys(VN_PUBLIC_HOLIDAYS).map(Number)

describe('the written-out public holidays', () => {
  it('cover 2020–2100, each year as date-holidays computes it', () => {
    expect(years[0]).toBe(2020)
    expect(years.at(-1)).toBe(2100)
    const differing = years.filter(
      (y) =>
        JSON.stringify(VN_PUBLIC_HOLIDAYS[y]?.map((d) => `${y}-${d}`)) !==
        JSON.stringify(publicHolidaysFromLibrary(y)),
    )
    // The lines to copy into vn-public-holidays.ts when the library changed its mind.
    const lines = differing.map(
      (y) =>
        `  ${y}: [${publicHolidaysFromLibrary(y)
          .map((d) => `'${d.slice(5)}'`)
          .join(', ')}],`,
    )
    expect(lines).toEqual([])
  })

  it('are days off, and a year outside the list still asks the library', () => {
    // Tết 2025 (Wednesday 29/01) from the list; Friday 02/09/2101 from the library.
    expect(isWorkingDay('2025-01-29')).toBe(false)
    expect(isWorkingDay('2025-01-24')).toBe(true)
    expect(publicHolidaysFromLibrary(2101)).toContain('2101-09-02')
    expect(isWorkingDay('2101-09-02')).toBe(false)
    expect(isWorkingDay('2101-09-05')).toBe(true)
  })
})
