import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { parseDay } from '../../../src/domain/calendar/parse-day.js'
import { isIsoDate, NO_OVERRIDES } from '../../../src/domain/calendar/working-days.js'
import { resolveDeadline } from '../../../src/domain/reminders/parse-deadline.js'
import { planReminders } from '../../../src/domain/reminders/plan-reminders.js'
import {
  formatReminderPolicy,
  isQuietTime,
  parseReminderPolicy,
} from '../../../src/domain/reminders/reminder-policy.js'
import { TZDate } from '@date-fns/tz'

const TZ = 'Asia/Ho_Chi_Minh'
/** Text shaped like what people type after `han`, `nhacnho` or `/lichnghi them`. */
const typed = fc.oneof(
  fc.string(),
  fc.stringMatching(/^\d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?$/),
  fc.stringMatching(/^\d{1,2}(,\d{1,2}){0,7} \d{1,2}(:\d{2}|h\d{0,2})$/),
)
const day = fc
  .date({
    min: new Date('2024-01-01T00:00:00Z'),
    max: new Date('2027-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString().slice(0, 10))

describe('reminder parsers never throw', () => {
  test.prop([typed, day])('parseDay gives a real date or null', (text, today) => {
    const parsed = parseDay(text, today)
    expect(parsed === null || isIsoDate(parsed)).toBe(true)
  })

  test.prop([typed])('parseReminderPolicy round-trips what it accepts', (text) => {
    const policy = parseReminderPolicy(text)
    if (policy === null) return
    expect(parseReminderPolicy(formatReminderPolicy(policy))).toEqual(policy)
  })

  test.prop([
    typed,
    fc.date({
      min: new Date('2024-01-01T00:00:00Z'),
      max: new Date('2027-12-01T00:00:00Z'),
      noInvalidDate: true,
    }),
  ])('resolveDeadline accepts only days on or after the send', (text, sendAt) => {
    const result = resolveDeadline({
      text,
      sendAt,
      daily: false,
      period: null,
      now: sendAt,
      timeZone: TZ,
      overrides: NO_OVERRIDES,
      campaignCode: 'X',
    })
    if (result.ok && result.value !== null) {
      expect(isIsoDate(result.value)).toBe(true)
      expect(result.value >= new TZDate(sendAt.getTime(), TZ).toISOString().slice(0, 10)).toBe(true)
    }
  })

  test.prop([day])(
    'planned reminders fall on working hours, in order, before the overdue notice',
    (dueOn) => {
      const planned = planReminders({
        dueOn,
        policy: { enabled: true, offsets: [3, 1, 0], time: '08:00' },
        now: new Date('2020-01-01T00:00:00Z'),
        timeZone: TZ,
        overrides: NO_OVERRIDES,
      })
      expect(planned.at(-1)?.slot).toBe('overdue')
      for (const [i, r] of planned.entries()) {
        const local = new TZDate(r.at.getTime(), TZ)
        expect(isQuietTime(local.getHours() * 60 + local.getMinutes())).toBe(false)
        if (r.slot !== 'overdue') expect(r.day <= dueOn).toBe(true)
        else expect(r.day > dueOn).toBe(true)
        if (i > 0) expect(r.at.getTime()).toBeGreaterThan(planned[i - 1]!.at.getTime())
      }
    },
  )
})
