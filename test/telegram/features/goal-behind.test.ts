import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { seedWorld, type World } from '../../support/seed-world.js'
import { TestBot, type Chat, type Person } from '../../support/test-bot.js'

/**
 * Issue 12, falling behind the campaign goal: the pace in /tonghop and /baocao,
 * and the morning notice to the office and the unit's head, once.
 */
let t: TestBot
let world: World
let groups: Chat[]
let office: Person
const people = new Map<number, Person>()

// Monday 15/04/2024 08:00 in Hà Nội.
beforeEach(async () => {
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T01:00:00Z') })
  world = await seedWorld(t.app.deps, { groups: 4 })
  groups = world.units.map((u, i) => t.group(u.chatId, `Nhóm phòng ${i + 1}`))
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
  for (const m of world.members)
    people.set(
      m.telegramId,
      t.person({ id: m.telegramId, first_name: 'Người', last_name: `${m.telegramId}` }),
    )
  // The first member of each unit is its head and has started Loa in private.
  await t.db
    .updateTable('member')
    .set({ role: 'head' })
    .where('telegram_id', 'in', [101, 201, 301, 401])
    .execute()
  for (const id of [101, 201, 301, 401]) await people.get(id)!.says('/start', 'private')
  // U4's group has exactly its three known members.
  await t.db
    .updateTable('unit_chat')
    .set({ member_count: 3 })
    .where('chat_id', '=', groups[3]!.id)
    .execute()
  const away = (telegramId: number, to: string) =>
    t.db
      .insertInto('absence')
      .values({
        member_id: world.members.find((m) => m.telegramId === telegramId)!.id,
        from_on: '2024-04-15',
        to_on: to,
        reason: 'công tác',
        created_by: null,
      })
      .execute()
  // U3: two of four away this week; U4: two of three away until the goal day.
  await away(302, '2024-04-19')
  await away(303, '2024-04-19')
  await away(402, '2024-04-26')
  await away(403, '2024-04-26')
})
afterEach(() => t.stop())

const behindNotices = (p: Person) => t.botTexts(p).filter((text) => text.includes('chậm tiến độ'))

async function broadcastAndAcknowledge(): Promise<void> {
  await office.says('/chiendich NGAYSACH2024 muctieu 100% 26/04', 'private')
  const composed = await office.says('Thông báo về Ngày Sách', 'private')
  await office.says('/gui NGAYSACH2024 ngay', 'private', { replyTo: composed.message!.message_id })
  await t.confirmLast(office)
  await t.runSenderAt('2024-04-15T01:00:01Z')
  await t.runSenderAt('2024-04-15T01:00:02Z')
  // U1 2/4, U2 0/4, U3 1 of the 2 present, U4 1 of the 1 present.
  for (const [unit, ids] of [
    [0, [101, 102]],
    [2, [301]],
    [3, [401]],
  ] as const) {
    const group = groups[unit]!
    const copy = t.api.botMessages(group.id).at(-1)!
    const ack = t.buttons(group, copy.message_id)[0]!.callback_data
    for (const id of ids) await people.get(id)!.presses(group, copy.message_id, ack)
  }
}

describe('campaign goal: falling behind (issue 12)', () => {
  it('tells the office and the head once, in the morning, not on days off, not after the goal day', async () => {
    await broadcastAndAcknowledge()
    // Monday's morning was checked when Loa started: nothing the rest of the day, nor before Tuesday 07:30.
    await t.runSenderAt('2024-04-15T09:00:00Z')
    await t.runSenderAt('2024-04-16T00:29:00Z')
    expect(behindNotices(office)).toEqual([])
    expect(behindNotices(people.get(201)!)).toEqual([])

    // Tuesday 07:30: 23.5 h of the 280 h to the end of 26/04 → 8,4 %; only U2 (0 %) is below.
    await t.runSenderAt('2024-04-16T00:30:00Z')
    await t.runSenderAt('2024-04-16T00:30:05Z')
    expect(behindNotices(office)).toEqual([
      '⏰ Chiến dịch NGAYSACH2024: 1 đơn vị chậm tiến độ so với mục tiêu 100% đến hết ngày 26/04/2024 (hôm nay cần đạt 8,4%):\n• Phòng số 2 (U2): 0%',
    ])
    expect(behindNotices(people.get(201)!)).toEqual([
      '⏰ Đơn vị Phòng số 2 đang chậm tiến độ chiến dịch NGAYSACH2024: đã đọc 0%, hôm nay cần đạt 8,4% để kịp mục tiêu 100% đến hết ngày 26/04/2024. Anh/Chị xem danh sách chưa xác nhận bằng /baocao NGAYSACH2024 và nhắc bằng /nhacnho NGAYSACH2024.',
    ])
    for (const id of [101, 301, 401]) expect(behindNotices(people.get(id)!)).toEqual([])

    // Wednesday: U2 is still behind and is not told again; the others are on pace.
    await t.runSenderAt('2024-04-17T00:30:00Z')
    await t.runSenderAt('2024-04-17T00:30:05Z')
    expect(behindNotices(office)).toHaveLength(1)
    expect(behindNotices(people.get(201)!)).toHaveLength(1)

    // Saturday: U3's absences are over (1/4 = 25 % < 42,7 %), but it is a day off; Sunday too.
    await t.runSenderAt('2024-04-20T00:30:00Z')
    await t.runSenderAt('2024-04-21T03:00:00Z')
    expect(behindNotices(office)).toHaveLength(1)
    expect(behindNotices(people.get(301)!)).toEqual([])

    // Monday 22/04 07:30 (59,8 %): U1 (50 %) and U3 (25 %), in one notice to the office, worst first.
    await t.runSenderAt('2024-04-22T00:30:00Z')
    await t.runSenderAt('2024-04-22T00:30:05Z')
    expect(behindNotices(office).at(-1)).toBe(
      '⏰ Chiến dịch NGAYSACH2024: 2 đơn vị chậm tiến độ so với mục tiêu 100% đến hết ngày 26/04/2024 (hôm nay cần đạt 59,8%):\n• Phòng số 3 (U3): 25%\n• Phòng số 1 (U1): 50%',
    )
    expect(behindNotices(people.get(101)!)).toHaveLength(1)
    expect(behindNotices(people.get(301)!)).toHaveLength(1)
    // U4, 1 of its 1 present member, has been on pace all along.
    expect(behindNotices(people.get(401)!)).toEqual([])

    // After the goal day nobody is told: U4's absences end, 1/3, but the day is over.
    await t.runSenderAt('2024-04-29T00:30:00Z')
    await t.runSenderAt('2024-04-29T00:30:05Z')
    expect(behindNotices(office)).toHaveLength(2)
    expect(behindNotices(people.get(401)!)).toEqual([])
    const told = await t.db.selectFrom('goal_notice').select(['unit_id', 'told_on']).execute()
    expect(told.map((r) => r.told_on).sort()).toEqual(['2024-04-16', '2024-04-22', '2024-04-22'])
  })

  it('/tonghop and /baocao show each unit against the line', async () => {
    await broadcastAndAcknowledge()
    // Wednesday 17/04 08:00: 48 h of 280 h → 17,1 %.
    t.clock.set('2024-04-17T01:00:00Z')
    await office.says('/tonghop NGAYSACH2024', 'private')
    const summary = t.botTexts(office).join('\n')
    expect(summary).toContain(
      '🎯 Tiến độ: tính đều từ thông báo đầu tiên đến hết ngày 26/04/2024, hôm nay mỗi đơn vị cần đạt 17,1%; 1 đơn vị đang chậm tiến độ.',
    )
    expect(summary).toContain('U2 Phòng số 2: 0/4 — 0% / cần 17,1% hôm nay — chậm tiến độ ·')
    expect(summary).toContain('U1 Phòng số 1: 2/4 — 50% · đúng tiến độ ·')
    // U3: its two absent members are outside the denominator.
    expect(summary).toContain('U3 Phòng số 3: 1/2 — 50% · đúng tiến độ ·')

    await office.says('/baocao NGAYSACH2024 U2', 'private')
    expect(t.botTexts(office).join('\n')).toContain(
      '🎯 Mục tiêu 100% đến hết ngày 26/04/2024: 0% / cần 17,1% hôm nay — chậm tiến độ',
    )
    await office.says('/baocao NGAYSACH2024 U1', 'private')
    expect(t.lastBotText(office)).toContain(
      '🎯 Mục tiêu 100% đến hết ngày 26/04/2024: 50% / cần 17,1% hôm nay — đúng tiến độ',
    )
  })
})
