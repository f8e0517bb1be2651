import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { parseGoalRate } from '../../../src/domain/campaigns/set-goal.js'
import { seedWorld } from '../../support/seed-world.js'
import { TestBot, type Person } from '../../support/test-bot.js'

let t: TestBot
let office: Person

beforeEach(async () => {
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T01:00:00Z') })
  const world = await seedWorld(t.app.deps)
  world.units.forEach((u, i) => t.group(u.chatId, `Nhóm phòng ${i + 1}`))
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
})
afterEach(() => t.stop())

const goal = () =>
  t.db.selectFrom('campaign').select(['goal_rate', 'goal_on']).executeTakeFirstOrThrow()

describe('campaign goal (issue 12)', () => {
  it('reads 100%, 90 and 83,3% and refuses what is not a rate', () => {
    expect(parseGoalRate('100%')).toBe(1)
    expect(parseGoalRate('90')).toBe(0.9)
    expect(parseGoalRate('83,3%')).toBeCloseTo(0.833)
    expect(parseGoalRate('0%')).toBeNull()
    expect(parseGoalRate('120%')).toBeNull()
    expect(parseGoalRate('nhiều')).toBeNull()
  })

  it('/chiendich <MÃ> muctieu sets it, /tonghop shows it; bad parts are named', async () => {
    await office.says('/chiendich NGAYSACH2024 muctieu 90% 05/05', 'private')
    expect(t.lastBotText(office)).toBe(
      '🎯 Mục tiêu của chiến dịch NGAYSACH2024: 90% đã đọc trước ngày 05/05/2024. /tonghop và /baocao hiển thị tiến độ của từng đơn vị.',
    )
    expect(await goal()).toEqual({ goal_rate: 0.9, goal_on: '2024-05-05' })
    await office.says('/tonghop NGAYSACH2024', 'private')
    expect(t.botTexts(office).join('\n')).toContain('🎯 Mục tiêu: 90% đã đọc.')

    await office.says('/chiendich NGAYSACH2024 muctieu 120%', 'private')
    expect(t.lastBotText(office)).toBe(
      'Không hiểu tỷ lệ mục tiêu «120%». Ghi tỷ lệ từ 1% đến 100%, ví dụ: /chiendich NGAYSACH2024 muctieu 100% 05/05',
    )
    await office.says('/chiendich NGAYSACH2024 muctieu 100% 01/04', 'private')
    expect(t.lastBotText(office)).toBe(
      'Ngày «01/04» không hợp lệ hoặc đã qua. Ví dụ: /chiendich NGAYSACH2024 muctieu 100% 05/05',
    )
    expect(await goal()).toEqual({ goal_rate: 0.9, goal_on: '2024-05-05' })
  })

  it("writes the goal in the reader's locale, as /tonghop does", async () => {
    const english = t.person({ id: 8, first_name: 'Anna', language_code: 'en' })
    await t.db
      .insertInto('member')
      .values({
        telegram_id: 8,
        username: null,
        full_name: 'Anna',
        unit_id: null,
        role: 'office',
        telegram_language: 'en',
        chosen_language: null,
        private_chat_id: 8,
        last_seen_at: null,
      })
      .execute()
    await english.says('/chiendich NGAYSACH2024 muctieu 83,3% 05/05', 'private')
    expect(t.lastBotText(english)).toContain('83.3%')
    expect(t.lastBotText(english)).not.toContain('83,3%')
    await office.says('/chiendich NGAYSACH2024 muctieu 83,3% 05/05', 'private')
    expect(t.lastBotText(office)).toContain('83,3%')
  })
})
