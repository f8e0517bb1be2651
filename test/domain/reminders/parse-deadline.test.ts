import { describe, expect, it } from 'vitest'
import { NO_OVERRIDES } from '../../../src/domain/calendar/working-days.js'
import {
  resolveDeadline,
  type DeadlineContext,
} from '../../../src/domain/reminders/parse-deadline.js'

const base: DeadlineContext = {
  text: null,
  sendAt: new Date('2026-12-01T01:00:00Z'), // Tuesday 01/12/2026 08:00 in Hà Nội
  daily: false,
  period: { start: '2026-11-20', end: '2026-12-31' },
  now: new Date('2026-12-01T00:00:00Z'),
  timeZone: 'Asia/Ho_Chi_Minh',
  overrides: NO_OVERRIDES,
  campaignCode: 'NGAYSACH',
}
const resolve = (over: Partial<DeadlineContext>) => resolveDeadline({ ...base, ...over })

describe('resolveDeadline (han)', () => {
  it('reads 11/03 as the next 11 March and 11/03/2027 as written', () => {
    expect(resolve({ text: '11/03' })).toEqual({ ok: true, value: '2027-03-11' })
    expect(resolve({ text: '11/03/2027' })).toEqual({ ok: true, value: '2027-03-11' })
    expect(resolve({ text: '05/12' })).toEqual({ ok: true, value: '2026-12-05' })
    expect(resolve({ text: '01/12/2026' })).toEqual({ ok: true, value: '2026-12-01' })
  })

  it('refuses what does not parse, the past and a day before the send, with an example', () => {
    const refused = {
      ok: false,
      error: { code: 'invalid-deadline', given: '31/02', example: '/gui NGAYSACH han 08/12/2026' },
    }
    expect(resolve({ text: '31/02' })).toEqual(refused)
    expect(resolve({ text: 'mai' })).toMatchObject({ ok: false })
    expect(resolve({ text: '30/11/2026' })).toMatchObject({ ok: false })
    // Sent on 10/12: a deadline of 05/12/2026 lies before it.
    expect(resolve({ text: '05/12/2026', sendAt: new Date('2026-12-10T01:00:00Z') })).toMatchObject(
      { ok: false, error: { example: '/gui NGAYSACH han 17/12/2026' } },
    )
    expect(resolve({ text: '05/12', daily: true })).toMatchObject({ ok: false })
  })

  it('defaults to the period end when a working day is left after the send, none for daily', () => {
    expect(resolve({})).toEqual({ ok: true, value: '2026-12-31' })
    expect(resolve({ daily: true })).toEqual({ ok: true, value: null })
    expect(resolve({ period: null })).toEqual({ ok: true, value: null })
    // Sent Friday 04/12, the period ends Sunday 06/12: no working day after the send.
    expect(
      resolve({
        sendAt: new Date('2026-12-04T01:00:00Z'),
        period: { start: null, end: '2026-12-06' },
      }),
    ).toEqual({ ok: true, value: null })
    expect(
      resolve({
        sendAt: new Date('2026-12-04T01:00:00Z'),
        period: { start: null, end: '2026-12-07' },
      }),
    ).toEqual({ ok: true, value: '2026-12-07' })
  })
})
