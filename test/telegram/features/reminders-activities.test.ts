import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { seedWorld, type World } from '../../support/seed-world.js'
import { TestBot, type Chat, type Person } from '../../support/test-bot.js'

/** Issue 10 through the stand-in: task and participation reminders, buttons, long lists. */
let t: TestBot
let world: World
let groups: Chat[]
let office: Person
let minh: Person // head of U1

const reminderTexts = (where: Chat | Person) =>
  t.botTexts(where).filter((text) => /^(⏰|⚠️|🙋)/.test(text))

beforeEach(async () => {
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T00:00:00Z') })
  world = await seedWorld(t.app.deps, {
    campaign: {
      activities: [
        {
          title: 'Trưng bày sách tại sảnh',
          kind: 'task',
          leadUnitId: null,
          leadText: 'Phòng số 1',
          coordinators: [],
          dueOn: '2024-04-24',
          dueText: 'trước ngày 24/4/2024',
        },
        {
          title: 'Đọc sách và chia sẻ cảm nhận',
          kind: 'participation',
          leadUnitId: null,
          leadText: null,
          coordinators: [],
          dueOn: '2024-04-25',
          dueText: 'trước ngày 25/4/2024',
        },
      ],
    },
  })
  groups = world.units.map((u, i) => t.group(u.chatId, `Nhóm phòng ${i + 1}`))
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
  minh = t.person({ id: 101, first_name: 'Minh', last_name: 'Trần' })
  await t.db
    .updateTable('activity')
    .set({ lead_unit_id: world.units[0]!.id })
    .where('kind', '=', 'task')
    .execute()
  await t.db.updateTable('member').set({ role: 'head' }).where('telegram_id', '=', 101).execute()
  await minh.says('/start', 'private')
  // The office sets the policy: this plans the running campaign's reminders.
  await office.says('/chiendich NGAYSACH2024 nhacnho 1,0 08:00', 'private')
})
afterEach(() => t.stop())

describe('task activities', () => {
  it('remind the lead unit heads with «✅ Đã hoàn thành», which records it done once', async () => {
    // Tuesday 23/04 08:00, one working day before.
    await t.runSenderAt('2024-04-23T01:00:00Z')
    expect(reminderTexts(minh)).toEqual([
      '⏰ Nhiệm vụ «Trưng bày sách tại sảnh» (đơn vị Phòng số 1 chủ trì), hạn 24/04/2024. Khi đơn vị đã thực hiện xong, Anh/Chị bấm «✅ Đã hoàn thành».',
    ])
    const message = t.api.botMessages(minh.id).at(-1)!
    const button = t.buttons(minh)[0]!
    expect(button.text).toBe('✅ Đã hoàn thành')
    // Someone who is not a head of the lead unit: refused, nothing changes.
    const ha = t.person({ id: 102, first_name: 'Hà' })
    await ha.says('/start', 'private')
    const own = t.api.botMessages(ha.id).at(-1)!
    await ha.presses('private', own.message_id, button.callback_data, { forged: true })
    expect(t.api.callbackAnswers.at(-1)).toMatchObject({ show_alert: true })
    expect(await t.db.selectFrom('task_completion').selectAll().execute()).toEqual([])

    await minh.presses('private', message.message_id, button.callback_data)
    expect(t.api.callbackAnswers.at(-1)?.text).toBe(
      'Đã ghi nhận đơn vị hoàn thành nhiệm vụ «Trưng bày sách tại sảnh». Cảm ơn Anh/Chị!',
    )
    await minh.presses('private', message.message_id, button.callback_data)
    expect(t.api.callbackAnswers.at(-1)?.text).toContain('đã được ghi nhận hoàn thành trước đó')
    expect(await t.db.selectFrom('task_completion').select('unit_id').execute()).toEqual([
      { unit_id: world.units[0]!.id },
    ])
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_telegram_id'])
      .where('action', '=', 'task.done')
      .execute()
    expect(audit).toEqual([{ action: 'task.done', actor_telegram_id: 101 }])
    // Done: neither the due-day reminder nor the overdue notice comes.
    await t.runSenderAt('2024-04-24T01:00:00Z')
    await t.runSenderAt('2024-04-25T01:00:00Z')
    expect(reminderTexts(minh).filter((text) => text.includes('Trưng bày'))).toHaveLength(1)
  })
})

describe('participation activities', () => {
  it('post the count and «🙋 Tham gia» in each group, no names; the button joins', async () => {
    // Wednesday 24/04 08:00, one working day before Thursday 25/04.
    await t.runSenderAt('2024-04-24T01:00:00Z')
    const text = reminderTexts(groups[0]!).find((x) => x.startsWith('🙋'))
    expect(text).toBe(
      '🙋 Hoạt động «Đọc sách và chia sẻ cảm nhận», hạn 25/04/2024: đơn vị Phòng số 1 đã có 0 người đăng ký tham gia. Anh/Chị muốn tham gia xin bấm nút bên dưới.',
    )
    const message = t.api.botMessages(groups[0]!.id).at(-1)!
    expect(message.entities ?? []).toEqual([])
    const lan = t.person({ id: 103, first_name: 'Lan' })
    await lan.presses(groups[0]!, message.message_id, t.buttons(groups[0]!)[0]!.callback_data)
    expect(await t.db.selectFrom('participation').select('member_id').execute()).toHaveLength(1)
    await t.runSenderAt('2024-04-25T01:00:00Z')
    expect(reminderTexts(groups[0]!).at(-1)).toContain('đã có 1 người đăng ký tham gia')
    // Taking part is voluntary: no overdue notice.
    await t.runSenderAt('2024-04-26T01:00:00Z')
    expect(reminderTexts(groups[0]!).filter((x) => x.startsWith('⚠️'))).toEqual([])
  })
})

describe('a long pending list', () => {
  it('is split within Telegram’s 4,096 characters, each part with the ✅ button', async () => {
    const unitId = world.units[0]!.id
    await t.db
      .insertInto('member')
      .values(
        Array.from({ length: 150 }, (_, i) => ({
          telegram_id: 50_000 + i,
          username: null,
          full_name: `Nguyễn Thị Phương Thảo Số ${i + 1}`,
          unit_id: unitId,
          telegram_language: null,
          chosen_language: null,
          private_chat_id: null,
          last_seen_at: null,
        })),
      )
      .execute()
    const composed = await office.says('Thông báo dài', 'private')
    await office.says('/gui NGAYSACH2024 15/4 08:00 U1 han 17/04', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(office)
    await t.runSenderAt('2024-04-15T01:00:00Z')
    await t.runSenderAt('2024-04-16T01:00:00Z')
    const parts = t.api
      .botMessages(groups[0]!.id)
      .filter((m) => (m.text ?? '').startsWith('⏰ Nhắc xác nhận'))
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) {
      expect(part.text!.length).toBeLessThanOrEqual(4096)
      expect(part.reply_markup?.inline_keyboard.flat().map((b) => b.text)).toEqual(['✅ Đã đọc'])
    }
    const named = parts.flatMap((p) =>
      (p.entities ?? []).flatMap((e) => (e.type === 'text_mention' ? [e.user.id] : [])),
    )
    // 150 added, 3 seeded, and the office member: each named exactly once.
    expect(named).toHaveLength(154)
    expect(new Set(named).size).toBe(154)
  })
})

describe('the private ✅ of a reminder', () => {
  it('is refused, changing nothing, for someone not in a target unit', async () => {
    const composed = await office.says('Chỉ cho Phòng số 1', 'private')
    await office.says('/gui NGAYSACH2024 15/4 08:00 U1 han 22/04', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(office)
    await t.runSenderAt('2024-04-15T01:00:00Z')
    // The campaign's policy here is 1,0: Friday 19/04 08:00.
    await t.runSenderAt('2024-04-19T01:00:00Z')
    const ack = t.buttons(minh)[0]!
    expect(ack.text).toBe('✅ Đã đọc')
    // Người 2.1 of Phòng số 2 presses the same button in his own private chat.
    const other = t.person({ id: 201, first_name: 'Người', last_name: '2.1' })
    await other.says('/start', 'private')
    const own = t.api.botMessages(other.id).at(-1)!
    await other.presses('private', own.message_id, ack.callback_data, { forged: true })
    expect(t.api.callbackAnswers.at(-1)).toMatchObject({
      text: 'Nút này không thuộc thông báo của nhóm này; không có gì thay đổi.',
      show_alert: true,
    })
    expect(await t.db.selectFrom('acknowledgement').selectAll().execute()).toEqual([])
    // The head of Phòng số 1 may: he is pending himself.
    await minh.presses('private', t.api.botMessages(minh.id).at(-1)!.message_id, ack.callback_data)
    expect(await t.db.selectFrom('acknowledgement').select('source').execute()).toEqual([
      { source: 'button' },
    ])
  })
})
