import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { seedWorld } from '../../support/seed-world.js'
import { TestBot, type Chat, type Person } from '../../support/test-bot.js'

let t: TestBot
let g2: Chat
let office: Person
let members: Person[]

beforeEach(async () => {
  // 08:00 in Hà Nội on Monday 15/04/2024.
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T01:00:00Z') })
  const world = await seedWorld(t.app.deps)
  const groups = world.units.map((u, i) => t.group(u.chatId, `Nhóm phòng ${i + 1}`))
  g2 = groups[1]!
  // U2's group has exactly its three known members, so its headcount is fully known.
  await t.db
    .updateTable('unit_chat')
    .set({ member_count: 3 })
    .where('chat_id', '=', g2.id)
    .execute()
  await t.db.updateTable('member').set({ role: 'head' }).where('telegram_id', '=', 201).execute()
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
  members = [201, 202, 203].map((id) => t.person({ id, first_name: 'Người', last_name: `${id}` }))
  await members[0]!.says('/start', 'private')
})
afterEach(() => t.stop())

const pass = async (instant: string) => {
  await t.runSenderAt(instant)
  await t.runSenderAt(instant)
}
const allRead = (p: Person) => t.botTexts(p).filter((text) => text.startsWith('✅ T'))

describe('"everyone has read" (issue 12)', () => {
  it('tells the head once when the unit reaches 100 %, and the sender once when every unit has', async () => {
    const composed = await office.says('Thông báo cho phòng 2', 'private')
    await office.says('/gui NGAYSACH2024 ngay U2', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(office)
    await pass('2024-04-15T01:00:01Z')
    const copy = t.api.botMessages(g2.id).at(-1)!
    const ack = t.buttons(g2)[0]!.callback_data
    await members[0]!.presses(g2, copy.message_id, ack)
    await members[1]!.presses(g2, copy.message_id, ack)
    await pass('2024-04-15T01:00:20Z')
    expect(allRead(members[0]!)).toEqual([])
    expect(allRead(office)).toEqual([])

    await members[2]!.presses(g2, copy.message_id, ack)
    await pass('2024-04-15T01:30:00Z')
    expect(allRead(members[0]!)).toEqual([
      '✅ Toàn bộ cán bộ của đơn vị Phòng số 2 đã xác nhận đọc thông báo số 1.',
    ])
    expect(allRead(office)).toEqual([
      '✅ Tất cả 1 đơn vị nhận đã đọc đủ thông báo số 1, sau 0 giờ 30 phút kể từ khi gửi.',
    ])
    // A later count refresh says nothing again.
    await members[2]!.presses(g2, copy.message_id, ack)
    await pass('2024-04-15T02:00:00Z')
    expect(allRead(members[0]!)).toHaveLength(1)
    expect(allRead(office)).toHaveLength(1)
  })
})
