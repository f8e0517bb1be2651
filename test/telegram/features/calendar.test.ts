import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { seedWorld } from '../../support/seed-world.js'
import { TestBot, type Person } from '../../support/test-bot.js'

let t: TestBot
let office: Person

beforeEach(async () => {
  // 07:00 in Hà Nội on Monday 15/04/2024.
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T00:00:00Z') })
  await seedWorld(t.app.deps)
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
})
afterEach(() => t.stop())

describe('/lichnghi', () => {
  it('adds an agency day off and a make-up day, lists them, and re-plans the reminders', async () => {
    await office.says('/lichnghi', 'private')
    expect(t.lastBotText(office)).toMatch(/^Cơ quan chưa có ngày nghỉ hoặc ngày làm bù riêng nào/)
    await office.says('/chiendich NGAYSACH2024 nhacnho 1,0 08:00', 'private')
    // The seeded participation activity is due Tuesday 30/04/2024 (a holiday): its due-day
    // reminder falls on Friday 26/04, the day before on Thursday 25/04.
    const before = await t.db
      .selectFrom('reminder')
      .select(['slot', 'scheduled_at'])
      .where('state', '=', 'pending')
      .where('kind', '=', 'participation')
      .where('slot', '=', 'd1')
      .execute()
    expect(new Set(before.map((r) => r.scheduled_at))).toEqual(
      new Set(['2024-04-25T01:00:00.000Z']),
    )

    await office.says('/lichnghi them 25/04 nghỉ Ngày truyền thống của Sở', 'private')
    expect(t.lastBotText(office)).toBe(
      'Đã thêm ngày nghỉ 25/04/2024. Lịch nhắc hạn đã được tính lại.',
    )
    await office.says('/lichnghi them 27/04/2024 làm bù', 'private')
    expect(t.lastBotText(office)).toBe(
      'Đã thêm ngày làm bù 27/04/2024. Lịch nhắc hạn đã được tính lại.',
    )
    await office.says('/lichnghi', 'private')
    expect(t.lastBotText(office)).toBe(
      [
        'Lịch riêng của cơ quan từ hôm nay (2 ngày):',
        '• 25/04/2024: nghỉ — Ngày truyền thống của Sở',
        '• 27/04/2024: làm bù',
      ].join('\n'),
    )
    // Now the due day is the make-up Saturday 27/04, the day before Friday 26/04.
    const after = await t.db
      .selectFrom('reminder')
      .select(['slot', 'scheduled_at'])
      .where('state', '=', 'pending')
      .where('kind', '=', 'participation')
      .orderBy('scheduled_at')
      .execute()
    expect([...new Set(after.map((r) => `${r.slot} ${r.scheduled_at}`))]).toEqual([
      'd1 2024-04-26T01:00:00.000Z',
      'd0 2024-04-27T01:00:00.000Z',
    ])
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'calendar.%')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['calendar.holiday', 'calendar.workday'])
  })

  it('refuses a date it cannot read with an example, and anyone but the office', async () => {
    await office.says('/lichnghi them 31/02', 'private')
    expect(t.lastBotText(office)).toBe(
      'Không hiểu ngày «31/02». Ví dụ: /lichnghi them 22/04/2024 nghỉ Nghỉ bù ngày thành lập ngành',
    )
    await office.says('/lichnghi xoa 25/04', 'private')
    expect(t.lastBotText(office)).toMatch(/^Cách dùng: \/lichnghi để xem/)
    const member = t.person({ id: 101, first_name: 'Minh' })
    await member.says('/lichnghi them 25/04', 'private')
    expect(t.lastBotText(member)).toMatch(/^Lệnh \/lichnghi chỉ dành cho/)
    expect(await t.db.selectFrom('calendar_day').selectAll().execute()).toEqual([])
  })
})
