import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { FakeTime } from '../../support/fake-time.js'
import { seedWorld } from '../../support/seed-world.js'
import { TestBot, type Chat, type Person } from '../../support/test-bot.js'

let t: TestBot
let g1: Chat
let office: Person
let an: Person
let binh: Person
let chi: Person

beforeEach(async () => {
  // 08:00 in Hà Nội on Monday 15/04/2024.
  // Pacing and flood waits on virtual time: a 429's retry_after passes without real waiting.
  const clock = new ManualClock('2024-04-15T01:00:00Z')
  t = await TestBot.start({ clock, time: new FakeTime(clock) })
  const world = await seedWorld(t.app.deps)
  const groups = world.units.map((u, i) => t.group(u.chatId, `Nhóm phòng ${i + 1}`))
  g1 = groups[0]!
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
  an = t.person({ id: 101, first_name: 'Người', last_name: '1.1' })
  binh = t.person({ id: 102, first_name: 'Người', last_name: '1.2' })
  chi = t.person({ id: 103, first_name: 'Người', last_name: '1.3' })
  for (const p of [an, binh]) await p.says('/start', 'private')
})
afterEach(() => t.stop())

const urgentTexts = (p: Person) => t.botTexts(p).filter((text) => text.startsWith('🔴 KHẨN'))
/** Moves the clock, lets the reminder job queue what is due, then the sender send it. */
const at = async (instant: string) => {
  await t.runSenderAt(instant)
  await t.runSenderAt(instant)
}

describe('urgent broadcasts (issue 12)', () => {
  it('marks the copy KHẨN and reminds the unacknowledged in private every 2 working hours, at most 4, once each across a restart', async () => {
    const composed = await office.says('Họp khẩn lúc 14:00 tại phòng họp số 2', 'private')
    await office.says('/gui NGAYSACH2024 ngay U1 khan', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(office)
    await at('2024-04-15T01:00:01Z')
    expect(t.botTexts(g1)).toEqual(['🔴 KHẨN', 'Họp khẩn lúc 14:00 tại phòng họp số 2'])
    const copy = t.api.botMessages(g1.id).at(-1)!
    await binh.presses(g1, copy.message_id, t.buttons(g1)[0]!.callback_data)

    // 10:00: two working hours later. Bình acknowledged; Chi never started Loa.
    await at('2024-04-15T02:59:00Z')
    expect(urgentTexts(an)).toEqual([])
    await at('2024-04-15T03:00:00Z')
    expect(urgentTexts(an)).toHaveLength(1)
    expect(urgentTexts(an)[0]).toContain('thông báo khẩn số 1')
    expect(urgentTexts(binh)).toEqual([])
    expect(urgentTexts(chi)).toEqual([])

    // A restart at the same instant sends nothing twice.
    await t.restart()
    await at('2024-04-15T03:00:30Z')
    expect(urgentTexts(an)).toHaveLength(1)

    // 14:00, 16:00, then 08:30 the next day: four in all, then no more.
    await at('2024-04-15T07:00:00Z')
    await at('2024-04-15T09:00:00Z')
    await at('2024-04-16T01:30:00Z')
    await at('2024-04-17T09:00:00Z')
    expect(urgentTexts(an)).toHaveLength(4)
    expect(urgentTexts(an)[3]).toContain('(Lần nhắc 4/4)')
  })

  it('stops the moment the member acknowledges, from the reminder itself', async () => {
    const composed = await office.says('Khẩn: rà soát danh sách', 'private')
    await office.says('/gui NGAYSACH2024 ngay U1 khan', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(office)
    await at('2024-04-15T01:00:01Z')
    await at('2024-04-15T03:00:00Z')
    const reminder = t.api.botMessages(an.id).at(-1)!
    await an.presses('private', reminder.message_id, t.buttons(an)[0]!.callback_data)
    expect(await t.db.selectFrom('acknowledgement').select('member_id').execute()).toHaveLength(1)
    await at('2024-04-15T07:00:00Z')
    await at('2024-04-16T09:00:00Z')
    expect(urgentTexts(an)).toHaveLength(1)
  })

  it('a broadcast without khan gets no KHẨN line and no urgent reminders', async () => {
    const composed = await office.says('Thông báo thường', 'private')
    await office.says('/gui NGAYSACH2024 ngay U1', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(office)
    await at('2024-04-15T01:00:01Z')
    expect(t.botTexts(g1)).toEqual(['Thông báo thường'])
    await at('2024-04-15T09:00:00Z')
    expect(urgentTexts(an)).toEqual([])
    expect(
      await t.db.selectFrom('reminder').select('id').where('kind', '=', 'urgent').execute(),
    ).toEqual([])
  })

  it('a flood wait on the copy, or on the line, sends «KHẨN» once, right above the copy', async () => {
    const composed = await office.says('Họp khẩn lúc 14:00 tại phòng họp số 2', 'private')
    await office.says('/gui NGAYSACH2024 ngay U1 khan', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(office)
    // The copy meets a 429 twice: a 429 spends no attempt, and once the line came again.
    t.api.failNext('copyMessage', { status: 429, retryAfter: 3 }, { count: 2, chatId: g1.id })
    // From 01:00:02: on PostgreSQL the instance that just took the sending role waits out
    // Telegram's second (and its margin) before its first background send.
    await at('2024-04-15T01:00:02Z')
    await at('2024-04-15T01:00:10Z')
    await at('2024-04-15T01:00:20Z')
    expect(t.api.callsOf('copyMessage').filter((c) => c.status === 429)).toHaveLength(2)
    expect(t.botTexts(g1)).toEqual(['🔴 KHẨN', 'Họp khẩn lúc 14:00 tại phòng họp số 2'])
    const row = await t.db
      .selectFrom('delivery')
      .select(['state', 'urgent_line_at', 'sent_at'])
      .where('chat_id', '=', g1.id)
      .executeTakeFirstOrThrow()
    // The line is recorded once, when it went out, before its copy.
    expect(row.state).toBe('sent')
    expect(row.urgent_line_at).not.toBeNull()
    expect(row.urgent_line_at! <= row.sent_at!).toBe(true)
  })

  it('a flood wait on the «KHẨN» line holds the copy back until the line is out', async () => {
    const composed = await office.says('Họp khẩn lúc 14:00', 'private')
    await office.says('/gui NGAYSACH2024 ngay U1 khan', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(office)
    t.api.failNext('sendMessage', { status: 429, retryAfter: 3 }, { chatId: g1.id })
    await at('2024-04-15T01:00:02Z')
    expect(t.botTexts(g1)).toEqual([])
    await at('2024-04-15T01:00:10Z')
    expect(t.botTexts(g1)).toEqual(['🔴 KHẨN', 'Họp khẩn lúc 14:00'])
  })
})
