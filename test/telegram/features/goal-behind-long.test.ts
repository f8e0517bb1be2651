import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { OFFICE_NOTICE_MAX_UNITS } from '../../../src/domain/reports/goal-behind.js'
import { seedWorld } from '../../support/seed-world.js'
import { TestBot, type Person } from '../../support/test-bot.js'

let t: TestBot
let office: Person

// Monday 15/04/2024 08:00 in Hà Nội; 35 units, nobody confirms.
beforeEach(async () => {
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T01:00:00Z') })
  const world = await seedWorld(t.app.deps, { groups: OFFICE_NOTICE_MAX_UNITS + 5 })
  world.units.forEach((u, i) => t.group(u.chatId, `Nhóm phòng ${i + 1}`))
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
})
afterEach(() => t.stop())

describe('campaign goal: the office notice of many units behind (issue 12)', () => {
  it('names the first 30 and counts the rest, in one message', async () => {
    await office.says('/chiendich NGAYSACH2024 muctieu 90% 26/04', 'private')
    const composed = await office.says('Thông báo về Ngày Sách', 'private')
    await office.says('/gui NGAYSACH2024 ngay', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(office)
    await t.runSenderAt('2024-04-15T01:00:01Z')
    await t.runSenderAt('2024-04-15T01:00:05Z')
    await t.runSenderAt('2024-04-16T00:30:00Z')
    await t.runSenderAt('2024-04-16T00:30:05Z')
    const notices = t.botTexts(office).filter((text) => text.includes('chậm tiến độ'))
    expect(notices).toHaveLength(1)
    const lines = notices[0]!.split('\n')
    expect(lines[0]).toBe(
      '⏰ Chiến dịch NGAYSACH2024: 35 đơn vị chậm tiến độ so với mục tiêu 90% đến hết ngày 26/04/2024 (hôm nay cần đạt 7,6%):',
    )
    expect(lines.filter((l) => l.startsWith('• '))).toHaveLength(OFFICE_NOTICE_MAX_UNITS)
    expect(lines.at(-1)).toBe('… và 5 đơn vị khác. Xem đầy đủ bằng /tonghop NGAYSACH2024.')
  })
})
