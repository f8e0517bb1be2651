import { describe, expect, it } from 'vitest'
import { formatLocal } from '../../../src/domain/broadcasts/parse-when.js'
import { urgentReminderTimes } from '../../../src/domain/urgent/urgent-times.js'

const TZ = 'Asia/Ho_Chi_Minh'
const local = (iso: string) =>
  urgentReminderTimes({ sendAt: new Date(iso), timeZone: TZ }).map((d) => formatLocal(d, TZ))

describe('urgent reminder times (issue 12)', () => {
  it('every 2 working hours inside 07:30–11:30 and 13:30–17:00, at most 4', () => {
    // Monday 15/04/2024 08:00.
    expect(local('2024-04-15T01:00:00Z')).toEqual([
      '15/04/2024 10:00',
      // 10:00–11:30 is an hour and a half; the last half hour after lunch.
      '15/04/2024 14:00',
      '15/04/2024 16:00',
      '16/04/2024 08:30',
    ])
  })

  it('a send after hours counts from the next morning; the weekend is skipped', () => {
    // Friday 19/04/2024 16:00: one working hour left that day, then Monday.
    expect(local('2024-04-19T09:00:00Z')).toEqual([
      '22/04/2024 08:30',
      '22/04/2024 10:30',
      '22/04/2024 14:30',
      '22/04/2024 16:30',
    ])
    // Saturday evening: Monday from 07:30.
    expect(local('2024-04-20T13:00:00Z')[0]).toBe('22/04/2024 09:30')
  })

  it('skips public holidays and the swapped day off (29/4, 30/4 and 1/5/2024)', () => {
    // Friday 26/04/2024 16:00: 1 h that day; 27–28 weekend, 29/4–1/5 off; Thursday 02/05.
    expect(local('2024-04-26T09:00:00Z')[0]).toBe('02/05/2024 08:30')
  })
})
