import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { seedWorld, type World } from '../../support/seed-world.js'
import { TestBot, type Chat, type Person } from '../../support/test-bot.js'

/**
 * Issue 12, personal nudges: in a group where Loa is an administrator, a
 * pending member who never started Loa in private gets the reminder as an
 * ephemeral message (Bot API 10.3) only they see, and is not named in the
 * group; where Telegram refuses, the member is named publicly, once.
 * Monday 15/04/2024, Hà Nội; the broadcast is due 22/04, the first reminder
 * goes out on Tuesday 16/04 at 08:00.
 */
let t: TestBot
let world: World
let group: Chat
let office: Person
let minh: Person // head of U1, started Loa
let ha: Person // U1, started Loa
let lan: Person // U1, never started Loa
let tu: Person // U1, never started Loa

beforeEach(async () => {
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T00:00:00Z') })
  group = t.group(-1001, 'Nhóm phòng 1')
  t.group(-1002, 'Nhóm phòng 2')
  t.group(-1003, 'Nhóm phòng 3')
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
  minh = t.person({ id: 101, first_name: 'Minh', last_name: 'Trần' })
  ha = t.person({ id: 102, first_name: 'Hà', last_name: 'Nguyễn' })
  lan = t.person({ id: 103, first_name: 'Lan', last_name: 'Lê' })
  tu = t.person({ id: 104, first_name: 'Tú', last_name: 'Phạm' })
  world = await seedWorld(t.app.deps)
  const unit1 = world.units[0]!.id
  await t.db
    .insertInto('member')
    .values({
      telegram_id: 104,
      username: null,
      full_name: 'Phạm Tú',
      unit_id: unit1,
      telegram_language: null,
      chosen_language: null,
      private_chat_id: null,
      last_seen_at: null,
    })
    .execute()
  await t.db.updateTable('member').set({ role: 'head' }).where('telegram_id', '=', 101).execute()
  for (const person of [minh, ha]) await person.says('/start', 'private')
  for (const person of [minh, ha, lan, tu]) await person.joins(group)
})
afterEach(() => t.stop())

async function setBotAdmin(admin: boolean) {
  await t.db
    .updateTable('unit_chat')
    .set({ bot_is_admin: admin ? 1 : 0 })
    .where('chat_id', '=', group.id)
    .execute()
}

async function broadcastWithDeadline(): Promise<number> {
  const composed = await office.says('📚 Mỗi người đọc một cuốn sách hay!', 'private')
  await office.says('/gui NGAYSACH2024 15/4 08:00 han 22/04', 'private', {
    replyTo: composed.message!.message_id,
  })
  await t.confirmLast(office)
  await t.runSenderAt('2024-04-15T01:00:00Z')
  const broadcast = await t.db.selectFrom('broadcast').select('id').executeTakeFirstOrThrow()
  return broadcast.id
}

const groupReminders = () => t.botTexts(group).filter((text) => text.startsWith('⏰'))
const nudgesOf = (person: Person) => t.api.ephemeralMessages(group.id, person.id)
const ephemeralCalls = () =>
  t.api.callsOf('sendMessage').filter((c) => c.params['ephemeral_message_parameters'] !== undefined)

describe('personal nudges in the group (issue 12)', () => {
  it('nudges the members without a private chat only they see; ✅ there acknowledges and ends the reminders', async () => {
    await setBotAdmin(true)
    const broadcastId = await broadcastWithDeadline()
    await t.runSenderAt('2024-04-16T01:00:00Z')

    // Lan and Tú each see one nudge, in her own language, with the ✅ of the broadcast.
    const [nudge] = nudgesOf(lan)
    expect(nudge?.text).toMatch(
      /^🔔 Anh\/Chị chưa xác nhận đã đọc thông báo số \d+ ngày 15\/04\/2024.*hạn 22\/04\/2024\. Tin nhắn này chỉ Anh\/Chị nhìn thấy/,
    )
    expect(nudge?.message_id).toBe(0)
    expect(nudgesOf(tu)).toHaveLength(1)
    expect(nudgesOf(ha)).toEqual([])
    expect(ephemeralCalls().map((c) => c.params['ephemeral_message_parameters'])).toEqual(
      expect.arrayContaining([{ receiver_user_id: 103 }, { receiver_user_id: 104 }]),
    )
    // Everyone pending was reached in private or by a nudge: the group names nobody.
    expect(groupReminders()).toEqual([])
    expect(t.botTexts(ha).filter((text) => text.startsWith('⏰'))).toHaveLength(1)

    // Lan presses ✅ under her nudge: acknowledged, as under the copy.
    const ack = nudge!.reply_markup!.inline_keyboard[0]![0]! as { callback_data: string }
    await t.handled(
      t.api.pressEphemeralButton(lan.id, group.id, nudge!.ephemeral_message_id!, ack.callback_data),
    )
    expect(t.api.callbackAnswers.at(-1)?.text).toBe(t.app.loa.i18n.t('vi', 'ack-done'))
    const acks = await t.db
      .selectFrom('acknowledgement')
      .innerJoin('member', 'member.id', 'acknowledgement.member_id')
      .select(['member.telegram_id', 'acknowledgement.broadcast_id', 'acknowledgement.source'])
      .execute()
    expect(acks).toEqual([{ telegram_id: 103, broadcast_id: broadcastId, source: 'button' }])

    // Friday 19/04 08:00: Tú is nudged again, Lan is not, and the group still names nobody.
    await t.runSenderAt('2024-04-19T01:00:00Z')
    expect(nudgesOf(lan)).toHaveLength(1)
    expect(nudgesOf(tu)).toHaveLength(2)
    expect(groupReminders()).toEqual([])
  })

  it('names them publicly where Loa is not an administrator, and nudges nobody', async () => {
    await setBotAdmin(false)
    await broadcastWithDeadline()
    await t.runSenderAt('2024-04-16T01:00:00Z')
    expect(ephemeralCalls()).toEqual([])
    const [reminder] = groupReminders()
    expect(reminder).toContain('Lê Lan')
    expect(reminder).toContain('Phạm Tú')
  })

  it('names the refused ones in the group once, in one message, across a restart', async () => {
    // Loa's records say administrator, but Telegram no longer does: every nudge is refused.
    await setBotAdmin(true)
    await broadcastWithDeadline()
    t.api.setBotStatus(group.id, 'member')
    await t.runSenderAt('2024-04-16T01:00:00Z')
    expect(ephemeralCalls().map((c) => c.description)).toEqual([
      'Bad Request: not enough rights to send ephemeral messages to the chat',
      'Bad Request: not enough rights to send ephemeral messages to the chat',
    ])
    const fallback = () =>
      t.botTexts(group).filter((text) => text.includes('Các đồng chí sau chưa xác nhận đã đọc,'))
    expect(fallback()).toHaveLength(1)
    expect(fallback()[0]).toMatch(/^⏰ Nhắc xác nhận thông báo số \d+/)
    expect(fallback()[0]).toContain('Lê Lan')
    expect(fallback()[0]).toContain('Phạm Tú')
    // Minh and Hà were reminded in private: not named.
    expect(fallback()[0]).not.toContain('Nguyễn Hà')
    expect(groupReminders()).toHaveLength(1)

    await t.restart()
    await t.runSenderAt('2024-04-16T02:00:00Z')
    expect(fallback()).toHaveLength(1)
    expect(ephemeralCalls()).toHaveLength(2)
  })

  it('sends a nudge once when Loa stops before it went out', async () => {
    await setBotAdmin(true)
    await broadcastWithDeadline()
    // The first nudge meets a flood wait; Loa restarts before retrying it.
    t.api.failNext('sendMessage', { status: 429, retryAfter: 5 }, { chatId: group.id })
    await t.runSenderAt('2024-04-16T01:00:00Z')
    expect(ephemeralCalls()[0]?.status).toBe(429)
    await t.restart()
    await t.runSenderAt('2024-04-16T01:10:00Z')
    await t.restart()
    await t.runSenderAt('2024-04-16T01:20:00Z')
    expect(nudgesOf(lan)).toHaveLength(1)
    expect(nudgesOf(tu)).toHaveLength(1)
    expect(groupReminders()).toEqual([])
    const rows = await t.db
      .selectFrom('outbound_message')
      .select(['state'])
      .where('kind', '=', 'nudge')
      .execute()
    expect(rows).toEqual([{ state: 'sent' }, { state: 'sent' }])
  })
})
