import { describe, expect, it } from 'vitest'
import { parseWhen, takeWhen, type WhenContext } from '../../../src/domain/broadcasts/parse-when.js'

// Monday 15/4/2024 09:30 in Hồ Chí Minh (UTC+7, no DST).
const ctx: WhenContext = {
  now: new Date('2024-04-15T02:30:00Z'),
  timeZone: 'Asia/Ho_Chi_Minh',
  period: { start: '2024-04-15', end: '2024-05-03' },
  campaignCode: 'NGAYSACH2024',
}
const iso = (r: ReturnType<typeof parseWhen>) =>
  r.ok ? r.value.sendAts.map((d) => d.toISOString()) : r.error

describe('parseWhen', () => {
  it('now: empty, ngay, ngày, now', () => {
    for (const text of [null, '', 'ngay', 'Ngày', 'now']) {
      expect(iso(parseWhen(text, ctx))).toEqual(['2024-04-15T02:30:00.000Z'])
    }
  })

  it('a time today, converted from local to UTC (08:00 local = 01:00Z)', () => {
    expect(iso(parseWhen('14:00', ctx))).toEqual(['2024-04-15T07:00:00.000Z'])
    expect(iso(parseWhen('16/4 08:00', ctx))).toEqual(['2024-04-16T01:00:00.000Z'])
    expect(iso(parseWhen('9h45', ctx))).toEqual(['2024-04-15T02:45:00.000Z'])
  })

  it('a date with or without year', () => {
    expect(iso(parseWhen('15/4 10:00', ctx))).toEqual(['2024-04-15T03:00:00.000Z'])
    expect(iso(parseWhen('02/05/2024 08:00', ctx))).toEqual(['2024-05-02T01:00:00.000Z'])
    // Midnight local is the evening before in UTC.
    expect(iso(parseWhen('01/01/2025 00:00', ctx))).toEqual(['2024-12-31T17:00:00.000Z'])
  })

  it('refuses the past with a correct example', () => {
    expect(parseWhen('08:00', ctx)).toEqual({
      ok: false,
      error: { code: 'date-in-past', given: '08:00', example: '16/04/2024 08:00' },
    })
    expect(parseWhen('10/4 08:00', ctx)).toMatchObject({
      ok: false,
      error: { code: 'date-in-past' },
    })
    expect(parseWhen('15/04/2023 08:00', ctx)).toMatchObject({
      ok: false,
      error: { code: 'date-in-past' },
    })
  })

  it('refuses what does not parse, naming it, with an example', () => {
    for (const text of ['25:00', '8 giờ', '31/2 08:00', '15/4', 'mai', '15/13/2024 08:00']) {
      const result = parseWhen(text, ctx)
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-when', given: text } })
      expect(!result.ok && result.error.code === 'invalid-when' && result.error.example).toMatch(
        /^16\/04\/2024 \d\d:\d\d$/,
      )
    }
  })

  it('hằng ngày: every working day of the period from today, weekends and 30/4–1/5 skipped', () => {
    for (const text of ['hangngay 08:00', 'hằng ngày 08:00', 'daily 08:00']) {
      const result = parseWhen(text, ctx)
      if (!result.ok || result.value.kind !== 'daily') throw new Error('expected daily')
      // Today's 08:00 has passed; 18/4 is Giỗ Tổ; 29/4 is the 2024 swap; 30/4 and 1/5 are holidays.
      expect(result.value.localDays).toEqual([
        '2024-04-16',
        '2024-04-17',
        '2024-04-19',
        '2024-04-22',
        '2024-04-23',
        '2024-04-24',
        '2024-04-25',
        '2024-04-26',
        '2024-05-02',
        '2024-05-03',
      ])
      expect(result.value.sendAts[0]?.toISOString()).toBe('2024-04-16T01:00:00.000Z')
    }
    const later = parseWhen('hangngay 16:00', ctx)
    expect(later.ok && later.value.kind === 'daily' && later.value.localDays[0]).toBe('2024-04-15')
    const withOverrides = parseWhen('hangngay 08:00', {
      ...ctx,
      overrides: new Map([['2024-04-20', 'workday']]),
    })
    expect(
      withOverrides.ok && withOverrides.value.kind === 'daily' && withOverrides.value.localDays,
    ).toContain('2024-04-20')
  })

  it('hằng ngày needs a period, and one not over', () => {
    expect(parseWhen('hangngay 08:00', { ...ctx, period: null })).toEqual({
      ok: false,
      error: { code: 'daily-needs-period', campaignCode: 'NGAYSACH2024' },
    })
    expect(
      parseWhen('hangngay 08:00', { ...ctx, period: { start: '2024-04-01', end: '2024-04-12' } }),
    ).toEqual({
      ok: false,
      error: {
        code: 'campaign-period-ended',
        campaignCode: 'NGAYSACH2024',
        start: '2024-04-01',
        end: '2024-04-12',
      },
    })
    expect(parseWhen('hangngay', ctx)).toMatchObject({ ok: false, error: { code: 'invalid-when' } })
  })
})

describe('takeWhen', () => {
  it('splits the when part from unit codes', () => {
    expect(takeWhen(['VP', 'KT'])).toEqual({ when: null, rest: ['VP', 'KT'] })
    expect(takeWhen(['ngay', 'VP'])).toEqual({ when: 'ngay', rest: ['VP'] })
    expect(takeWhen(['08:00', 'VP'])).toEqual({ when: '08:00', rest: ['VP'] })
    expect(takeWhen(['15/4', '08:00', 'VP'])).toEqual({ when: '15/4 08:00', rest: ['VP'] })
    expect(takeWhen(['hằng', 'ngày', '08:00'])).toEqual({ when: 'hằng ngày 08:00', rest: [] })
    expect(takeWhen(['hangngay', '8h', 'VP'])).toEqual({ when: 'hangngay 8h', rest: ['VP'] })
    expect(takeWhen(['25:00', 'VP'])).toEqual({ when: '25:00', rest: ['VP'] })
  })
})
