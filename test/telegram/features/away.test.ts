import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { seedWorld } from '../../support/seed-world.js'
import { TestBot, type Chat, type Person } from '../../support/test-bot.js'

let t: TestBot
let groups: Chat[]
let office: Person
let head: Person
let an: Person
let binh: Person

beforeEach(async () => {
  // 07:00 in Hà Nội on Monday 15/04/2024.
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T00:00:00Z') })
  const world = await seedWorld(t.app.deps)
  groups = world.units.map((u, i) => t.group(u.chatId, `Nhóm phòng ${i + 1}`))
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
  await t.db.updateTable('member').set({ role: 'head' }).where('telegram_id', '=', 101).execute()
  head = t.person({ id: 101, first_name: 'Người', last_name: '1.1' })
  an = t.person({ id: 102, first_name: 'Người', last_name: '1.2' })
  binh = t.person({ id: 103, first_name: 'Người', last_name: '1.3' })
  await an.says('/start', 'private')
  await binh.says('/start', 'private')
})
afterEach(() => t.stop())

const absences = () =>
  t.db.selectFrom('absence').select(['member_id', 'from_on', 'to_on', 'reason']).execute()

describe('/vangmat (issue 12)', () => {
  it('a member excuses themselves in private, lists and cancels', async () => {
    await an.says('/vangmat 15/4 19/04/2024 nghỉ phép', 'private')
    expect(t.lastBotText(an)).toBe(
      '✅ Đã ghi nhận Anh/Chị vắng mặt từ 15/04/2024 đến 19/04/2024 (nghỉ phép). Trong thời gian này Anh/Chị không bị nhắc và không tính vào tỷ lệ.',
    )
    await an.says('/vangmat 22/4 23/4', 'private')
    await an.says('/vangmat', 'private')
    expect(t.lastBotText(an)).toBe(
      'Lịch vắng mặt của Anh/Chị:\n• Người 1.2: 15/04/2024 – 19/04/2024 (nghỉ phép)\n• Người 1.2: 22/04/2024 – 23/04/2024',
    )
    // The next day: today's absence ends yesterday, the coming one goes.
    t.clock.set('2024-04-16T02:00:00Z')
    await an.says('/vangmat huy', 'private')
    expect(t.lastBotText(an)).toBe(
      'Đã huỷ 2 lịch vắng mặt của Anh/Chị; từ hôm nay Anh/Chị được tính bình thường.',
    )
    expect(await absences()).toEqual([
      expect.objectContaining({ from_on: '2024-04-15', to_on: '2024-04-15', reason: 'nghỉ phép' }),
    ])
    await an.says('/vangmat', 'private')
    expect(t.lastBotText(an)).toBe('Không có lịch vắng mặt nào hiện tại hoặc sắp tới.')
    await an.says('/vangmat huy', 'private')
    expect(t.lastBotText(an)).toContain('không có lịch vắng mặt nào')
  })

  it('refuses bad or reversed dates, naming the bad part with an example; nothing changes', async () => {
    const example = '/vangmat 16/04/2024 18/04/2024 nghỉ phép'
    await an.says('/vangmat 32/4 19/4', 'private')
    expect(t.lastBotText(an)).toBe(`Không hiểu ngày bắt đầu «32/4». Ví dụ: ${example}`)
    await an.says('/vangmat 15/4 mai', 'private')
    expect(t.lastBotText(an)).toBe(`Không hiểu ngày kết thúc «mai». Ví dụ: ${example}`)
    await an.says('/vangmat 19/4 16/4 ốm', 'private')
    expect(t.lastBotText(an)).toBe(
      `Ngày kết thúc đứng trước ngày bắt đầu («19/4 16/4»). Ví dụ: ${example}`,
    )
    await an.says('/vangmat 1/4 12/4', 'private')
    expect(t.lastBotText(an)).toBe(`Ngày kết thúc «12/4» đã qua. Ví dụ: ${example}`)
    expect(await absences()).toEqual([])
  })

  it('a head excuses a member by replying in the unit group; a member cannot there', async () => {
    const g1 = groups[0]!
    const said = await binh.says('Em xin phép đi công tác tuần này', g1)
    await head.says('/vangmat 15/4 17/4 công tác', g1, { replyTo: said.message!.message_id })
    expect(t.lastBotText(g1)).toBe(
      '✅ Đã ghi nhận đồng chí Người 1.3 vắng mặt từ 15/04/2024 đến 17/04/2024 (công tác).',
    )
    await an.says('/vangmat 15/4 17/4 công tác', g1, { replyTo: said.message!.message_id })
    expect(t.lastBotText(g1)).toContain('chỉ trưởng đơn vị báo vắng')
    await head.says('/vangmat 15/4 17/4', g1)
    expect(t.lastBotText(g1)).toContain('Anh/Chị trả lời tin nhắn của người cần báo vắng')
    expect((await absences()).map((a) => a.reason)).toEqual(['công tác'])
    await head.says('/start', 'private')
    await head.says('/vangmat', 'private')
    expect(t.lastBotText(head)).toBe(
      'Lịch vắng mặt của đơn vị:\n• Người 1.3: 15/04/2024 – 17/04/2024 (công tác)',
    )
  })

  it('an excused member is not reminded and reports show them away, outside the rate', async () => {
    const g1 = groups[0]!
    await binh.says('/vangmat 15/4 17/4 ốm', 'private')
    const composed = await office.says('Sách hay cần bạn đọc', 'private')
    await office.says('/gui NGAYSACH2024 ngay U1', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(office)
    await t.runSenderAt('2024-04-15T00:00:01Z')
    await office.says('/nhacnho NGAYSACH2024 U1', 'private')
    await t.runSenderAt('2024-04-15T00:00:02Z')
    const reminder = t.botTexts(g1).find((text) => text.startsWith('⏰'))
    expect(reminder).toContain('Người 1.2')
    expect(reminder).not.toContain('Người 1.3')
    expect(t.botTexts(an).some((text) => text.startsWith('⏰'))).toBe(true)
    expect(t.botTexts(binh).some((text) => text.startsWith('⏰'))).toBe(false)
    await head.says('/start', 'private')
    await head.says('/baocao', 'private')
    const report = t.lastBotText(head)
    expect(report).toContain('Người 1.3 — vắng (ốm) đến 17/04/2024')
    expect(report).toContain('0/3 — 0%')
  })
})
