import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { seedWorld, type World } from '../../support/seed-world.js'
import { TestBot, type Chat, type Person } from '../../support/test-bot.js'

let t: TestBot
let world: World
let groups: Chat[]
let head: Person
let member: Person

beforeEach(async () => {
  // 07:00 in Hà Nội on Monday 15/04/2024.
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T00:00:00Z') })
  world = await seedWorld(t.app.deps)
  groups = world.units.map((u, i) => t.group(u.chatId, `Nhóm phòng ${i + 1}`))
  // Người 1.1 heads U1, Người 2.1 heads U2.
  await t.db
    .updateTable('member')
    .set({ role: 'head' })
    .where('telegram_id', 'in', [101, 201])
    .execute()
  head = t.person({ id: 101, first_name: 'Người', last_name: '1.1' })
  member = t.person({ id: 102, first_name: 'Người', last_name: '1.2' })
})
afterEach(() => t.stop())

async function compose(who: Person, command: string): Promise<void> {
  const composed = await who.says('Đề nghị phòng họp giao ban lúc 14:00', 'private')
  await who.says(command, 'private', { replyTo: composed.message!.message_id })
}

describe('heads broadcast to their own unit (issue 12)', () => {
  it("sends to the head's own unit's groups only, by default", async () => {
    await compose(head, '/gui NGAYSACH2024 ngay')
    expect(t.lastBotText(head)).toContain('Gửi 1 lần tới 1 nhóm')
    await t.confirmLast(head)
    await t.runSenderAt('2024-04-15T00:00:01Z')
    expect(t.botTexts(groups[0]!)).toEqual(['Đề nghị phòng họp giao ban lúc 14:00'])
    expect(t.botTexts(groups[1]!)).toEqual([])
    expect(t.botTexts(groups[2]!)).toEqual([])
    const targets = await t.db.selectFrom('broadcast_target').select('unit_id').execute()
    expect(targets).toEqual([{ unit_id: world.units[0]!.id }])
  })

  it('refuses another unit, saying who may send there; nothing is written', async () => {
    await compose(head, '/gui NGAYSACH2024 ngay U2')
    expect(t.lastBotText(head)).toBe(
      'Trưởng đơn vị chỉ gửi được cho nhóm của đơn vị mình. Thông báo cho đơn vị U2 do Văn phòng hoặc trưởng đơn vị đó (Đ/c Người 2.1) gửi.',
    )
    await compose(head, '/gui NGAYSACH2024 ngay U1 U3')
    expect(t.lastBotText(head)).toBe(
      'Anh/Chị chỉ gửi được cho nhóm của đơn vị mình. Thông báo cho đơn vị U3 do Văn phòng gửi.',
    )
    await compose(head, '/gui NGAYSACH2024 ngay tatca')
    expect(t.lastBotText(head)).toContain('Anh/Chị chỉ gửi được cho nhóm của đơn vị mình.')
    expect(await t.db.selectFrom('broadcast').selectAll().execute()).toEqual([])
    expect(await t.db.selectFrom('pending_action').selectAll().execute()).toEqual([])
  })

  it('a member who heads no unit may not send at all', async () => {
    await compose(member, '/gui NGAYSACH2024 ngay')
    expect(t.lastBotText(member)).toContain('/gui')
    expect(t.lastBotText(member)).toContain('trưởng đơn vị')
    expect(await t.db.selectFrom('pending_action').selectAll().execute()).toEqual([])
  })

  it("a head's broadcast waits for approval like the office's", async () => {
    await t.db.updateTable('campaign').set({ requires_approval: 1 }).execute()
    await compose(head, '/gui NGAYSACH2024 ngay')
    await t.confirmLast(head)
    expect(t.lastBotText(head)).toMatch(/đang chờ Lãnh đạo Sở duyệt/)
    await t.runSenderAt('2024-04-15T00:00:01Z')
    expect(groups.flatMap((g) => t.botTexts(g))).toEqual([])
  })
})
