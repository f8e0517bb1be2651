import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Message } from 'grammy/types'
import { ManualClock } from '../../../src/clock.js'
import { seedWorld, type World } from '../../support/seed-world.js'
import { TestBot, type Chat, type Person } from '../../support/test-bot.js'

/**
 * Issue 10 through the stand-in: a broadcast with `han`, the reminders at
 * their planned times (Hà Nội; Thursday 18/04/2024 is Giỗ Tổ), what each
 * chat sees, and the rows. Time moves only with the test clock.
 */
let t: TestBot
let world: World
let groups: Chat[]
let office: Person
let minh: Person // head of U1
let ha: Person // U1, no username
let lan: Person // U1

async function startBot(clock: ManualClock, dir?: TestBot['dir']) {
  t = await TestBot.start({ clock, ...(dir === undefined ? {} : { dir }) })
  groups = [-1001, -1002, -1003].map((id, i) => t.group(id, `Nhóm phòng ${i + 1}`))
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
  minh = t.person({ id: 101, first_name: 'Minh', last_name: 'Trần', username: 'minhtran' })
  ha = t.person({ id: 102, first_name: 'Hà', last_name: 'Nguyễn' })
  lan = t.person({ id: 103, first_name: 'Lan', last_name: 'Lê', username: 'lanle' })
}

beforeEach(async () => {
  // 07:00 in Hà Nội on Monday 15/04/2024.
  await startBot(new ManualClock('2024-04-15T00:00:00Z'))
  world = await seedWorld(t.app.deps)
  await t.db.updateTable('member').set({ role: 'head' }).where('telegram_id', '=', 101).execute()
  for (const person of [minh, ha]) await person.says('/start', 'private')
})
afterEach(() => t.stop())

/** Sends a broadcast with a deadline; it goes out at 08:00 on 15/04. */
async function broadcastWithDeadline(han = '22/04'): Promise<number> {
  const composed = await office.says('📚 Mỗi người đọc một cuốn sách hay!', 'private')
  await office.says(`/gui NGAYSACH2024 15/4 08:00 han ${han}`, 'private', {
    replyTo: composed.message!.message_id,
  })
  expect(t.lastBotText(office)).toContain(`Hạn xác nhận đã đọc: ${han}/2024`)
  await t.confirmLast(office)
  await t.runSenderAt('2024-04-15T01:00:00Z')
  const broadcast = await t.db
    .selectFrom('broadcast')
    .select(['id', 'confirm_by'])
    .executeTakeFirstOrThrow()
  expect(broadcast.confirm_by).toBe(`2024-04-${han.slice(0, 2)}`)
  return broadcast.id
}

const reminderTexts = (where: Chat | Person) =>
  t.botTexts(where).filter((text) => text.startsWith('⏰') || text.startsWith('⚠️'))
const lastBotMessage = (where: Chat | Person): Message => t.api.botMessages(where.id).at(-1)!

describe('a broadcast with han', () => {
  it('reminds the group, the pending members in private and the head at the planned times', async () => {
    const broadcastId = await broadcastWithDeadline()
    // Lan confirms before the first reminder: she is no longer named.
    const copy = t.api.botMessages(groups[0]!.id)[0]!
    await lan.presses(groups[0]!, copy.message_id, t.buttons(groups[0]!)[0]!.callback_data)
    // 07:59 on Tuesday 16/04: nothing yet.
    await t.runSenderAt('2024-04-16T00:59:00Z')
    expect(reminderTexts(groups[0]!)).toEqual([])

    // 08:00, three working days before Monday 22/04 (Thursday 18/04 is Giỗ Tổ).
    await t.runSenderAt('2024-04-16T01:00:00Z')
    const [reminder] = reminderTexts(groups[0]!)
    expect(reminder).toContain('Nhắc xác nhận thông báo số')
    expect(reminder).toContain('hạn 22/04/2024')
    expect(reminder).toContain('Trần Minh')
    expect(reminder).toContain('Nguyễn Hà')
    expect(reminder).not.toContain('Lê Lan')
    const message = lastBotMessage(groups[0]!)
    // Hà has no username: mentioned by text_mention, which reaches her anyway.
    const mentioned = (message.entities ?? []).flatMap((e) =>
      e.type === 'text_mention' ? [e.user.id] : [],
    )
    expect(mentioned).toContain(102)
    expect(t.buttons(groups[0]!).map((b) => b.text)).toEqual(['✅ Đã đọc'])
    // Unit 2's group too; its members are pending, nobody there started the bot.
    expect(reminderTexts(groups[1]!)).toHaveLength(1)

    // Hà in private, with her own button; the head gets the unit's list.
    expect(reminderTexts(ha)).toEqual([
      expect.stringMatching(/^⏰ Anh\/Chị chưa xác nhận đã đọc thông báo số \d+ ngày 15\/04\/2024/),
    ])
    expect(reminderTexts(minh)).toEqual([
      expect.stringContaining(
        '⏰ Đơn vị Phòng số 1 còn 3 đồng chí chưa xác nhận đã đọc thông báo số',
      ),
    ])
    // …with a link to the copy in her group (t.me/c/… for a supergroup).
    const links = (lastBotMessage(ha).entities ?? []).flatMap((e) =>
      e.type === 'text_link' ? [e.url] : [],
    )
    expect(links).toEqual([`https://t.me/c/1/${copy.message_id}`])
    const haButton = t.buttons(ha)[0]!
    await ha.presses('private', lastBotMessage(ha).message_id, haButton.callback_data)
    expect(t.api.callbackAnswers.at(-1)?.text).toBe(t.app.loa.i18n.t('vi', 'ack-done'))
    const acks = await t.db
      .selectFrom('acknowledgement')
      .select(['member_id', 'broadcast_id'])
      .execute()
    expect(acks).toHaveLength(2)
    expect(acks.every((a) => a.broadcast_id === broadcastId)).toBe(true)

    // Friday 19/04 08:00: Hà and Lan confirmed in between; neither is named.
    await t.runSenderAt('2024-04-19T01:00:00Z')
    const second = reminderTexts(groups[0]!)[1]!
    expect(second).toContain('Trần Minh')
    expect(second).not.toContain('Nguyễn Hà')
    expect(reminderTexts(ha)).toHaveLength(1)
  })

  it('refuses a deadline that does not parse or lies before the send, changing nothing', async () => {
    const composed = await office.says('Thông báo', 'private')
    await office.says('/gui NGAYSACH2024 16/4 08:00 han 10/04/2024', 'private', {
      replyTo: composed.message!.message_id,
    })
    expect(t.lastBotText(office)).toBe(
      'Hạn xác nhận «10/04/2024» không hợp lệ (không đọc được, đã qua hoặc trước thời điểm gửi). Ví dụ: /gui NGAYSACH2024 han 23/04/2024',
    )
    await office.says('/gui NGAYSACH2024 han 31/02', 'private', {
      replyTo: composed.message!.message_id,
    })
    expect(t.lastBotText(office)).toContain('Hạn xác nhận «31/02» không hợp lệ')
    expect(await t.db.selectFrom('broadcast').select('id').execute()).toEqual([])
  })

  it('sends the overdue notice once, to the head and the office, the first working day after', async () => {
    await broadcastWithDeadline()
    await office.says('/start', 'private')
    // Tuesday 23/04 08:00.
    await t.runSenderAt('2024-04-23T01:00:00Z')
    const notice = reminderTexts(office).filter((text) => text.startsWith('⚠️'))
    expect(notice).toEqual([
      expect.stringMatching(
        /^⚠️ Đã quá hạn 22\/04\/2024: thông báo số \d+.*\)\. Còn thiếu theo đơn vị:\n• Phòng số 1: 4 đồng chí chưa xác nhận đã đọc\n• Phòng số 2: 3 đồng chí.*\n• Phòng số 3: 3 đồng chí/s,
      ),
    ])
    expect(reminderTexts(minh).at(-1)).toMatch(/^⚠️ Đã quá hạn 22\/04\/2024/)
    await t.runSenderAt('2024-04-24T01:00:00Z')
    await t.runSenderAt('2024-04-25T03:00:00Z')
    expect(reminderTexts(office).filter((text) => text.startsWith('⚠️'))).toHaveLength(1)
  })
})

describe('across restarts and quiet hours', () => {
  it('sends the latest missed reminder once on start; two restarts back to back send nothing twice', async () => {
    await broadcastWithDeadline()
    const dir = t.dir
    await t.stop({ keepFiles: true })
    // Restarted, then time passes over 16/04 and 19/04 08:00 with nothing sent (the stand-in's
    // chats exist only once the new bot runs): at 09:00 on Friday 19/04 both are missed.
    await startBot(new ManualClock('2024-04-15T01:00:01Z'), dir)
    // A new stand-in: its private chats exist once people have written to the bot.
    for (const person of [minh, ha]) await person.says('/start', 'private')
    await t.runSenderAt('2024-04-19T02:00:00Z')
    expect(reminderTexts(ha)).toHaveLength(1)
    expect(reminderTexts(groups[0]!)).toHaveLength(1)
    expect(reminderTexts(groups[1]!)).toHaveLength(1)
    const states = await t.db
      .selectFrom('reminder')
      .select(['slot', 'state'])
      .where('audience', '=', 'unit')
      .where('kind', '=', 'broadcast')
      .where('slot', 'in', ['d3', 'd1'])
      .orderBy('slot')
      .execute()
    expect(states.map((r) => `${r.slot}:${r.state}`).sort()).toEqual(
      ['d1:sent', 'd1:sent', 'd1:sent', 'd3:skipped', 'd3:skipped', 'd3:skipped'].slice(
        0,
        states.length,
      ),
    )
    for (let i = 0; i < 2; i++) {
      await t.stop({ keepFiles: true })
      await startBot(new ManualClock('2024-04-19T02:30:00Z'), dir)
      for (const person of [minh, ha]) await person.says('/start', 'private')
      await t.runSenderAt('2024-04-19T02:30:00Z')
      expect([...groups, minh, ha].flatMap((c) => reminderTexts(c))).toEqual([])
    }
    // Nothing left in doubt; only the seeded office member, who never wrote to this stand-in, failed.
    const outbound = await t.db
      .selectFrom('outbound_message')
      .select(['state', 'chat_id'])
      .where('state', '!=', 'sent')
      .execute()
    expect(outbound.every((r) => r.state === 'failed' && r.chat_id === 9)).toBe(true)
  })

  it('holds a reminder that falls due in quiet hours until 07:00', async () => {
    await broadcastWithDeadline()
    const dir = t.dir
    await t.stop({ keepFiles: true })
    // Back at 22:30 on Tuesday 16/04, the 08:00 reminder missed.
    await startBot(new ManualClock('2024-04-16T15:30:00Z'), dir)
    await t.runSenderAt('2024-04-16T15:30:00Z')
    await t.runSenderAt('2024-04-16T23:59:00Z') // 06:59
    expect(groups.flatMap((g) => reminderTexts(g))).toEqual([])
    await t.runSenderAt('2024-04-17T00:00:00Z') // 07:00
    expect(reminderTexts(groups[0]!)).toHaveLength(1)
  })
})

describe('/nhacnho', () => {
  beforeEach(async () => {
    await broadcastWithDeadline()
  })

  it('by a head reminds the own unit now, once an hour; refused for a member and for another unit', async () => {
    t.clock.set('2024-04-15T03:00:00Z') // 10:00
    await minh.says('/nhacnho', 'private')
    // The queued reminders may overtake the answer in Minh's chat: find it.
    expect(t.botTexts(minh).filter((text) => text.startsWith('Đã gửi'))).toEqual([
      // Minh (the head's list), Hà, and Đ/c Văn Phòng, who belongs to unit 1 and has not confirmed.
      'Đã gửi nhắc nhở: 3 người và 1 nhóm, thuộc 1 đơn vị.',
    ])
    await t.runSenderAt('2024-04-15T03:00:01Z')
    expect(reminderTexts(groups[0]!)).toHaveLength(1)
    expect(reminderTexts(groups[1]!)).toEqual([])
    expect(reminderTexts(ha)).toHaveLength(1)

    t.clock.set('2024-04-15T03:30:00Z')
    await minh.says('/nhacnho NGAYSACH2024', 'private')
    expect(t.lastBotText(minh)).toBe(
      'Đơn vị U1 vừa được nhắc trong vòng một giờ qua. Anh/Chị có thể nhắc lại từ 15/04/2024 11:00.',
    )
    await minh.says('/nhacnho NGAYSACH2024 U2', 'private')
    expect(t.lastBotText(minh)).toContain('Anh/Chị không có quyền làm việc này')
    await ha.says('/nhacnho', 'private')
    expect(t.lastBotText(ha)).toMatch(/^Lệnh \/nhacnho chỉ dành cho/)
    await t.runSenderAt('2024-04-15T03:30:01Z')
    expect(reminderTexts(groups[0]!)).toHaveLength(1)
    // The planned reminders are not counted against: 16/04 08:00 still goes.
    await t.runSenderAt('2024-04-16T01:00:00Z')
    expect(reminderTexts(groups[0]!)).toHaveLength(2)
  })

  it('by the office reminds every target unit', async () => {
    await office.says('/start', 'private')
    t.clock.set('2024-04-15T03:00:00Z')
    await office.says('/nhacnho NGAYSACH2024', 'private')
    expect(t.lastBotText(office)).toBe('Đã gửi nhắc nhở: 3 người và 3 nhóm, thuộc 3 đơn vị.')
    await t.runSenderAt('2024-04-15T03:00:01Z')
    for (const group of groups) expect(reminderTexts(group)).toHaveLength(1)
  })
})

describe('report activities and the policy', () => {
  it('reminds the heads of units that have not submitted, and the group on the due day', async () => {
    // The seeded report is due Sunday 05/05/2024; Saturday 04/05 is that year's make-up working day.
    await office.says('/chiendich NGAYSACH2024 nhacnho 1,0 08:00', 'private')
    expect(t.lastBotText(office)).toMatch(
      /^Đã đặt lịch nhắc hạn cho chiến dịch NGAYSACH2024: trước hạn 1, 0 ngày làm việc, lúc 08:00/,
    )
    const activity = await t.db
      .selectFrom('activity')
      .select('id')
      .where('kind', '=', 'report')
      .executeTakeFirstOrThrow()
    // Unit 2 has submitted (/nopbaocao belongs to the reports issue; the row is what counts).
    const u2Head = await t.db
      .insertInto('member')
      .values({
        telegram_id: 201_000,
        username: null,
        full_name: 'Trưởng Phòng Hai',
        unit_id: world.units[1]!.id,
        role: 'head',
        telegram_language: null,
        chosen_language: null,
        private_chat_id: 201_000,
        last_seen_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    t.api.addUser({ id: 201_000, first_name: 'Trưởng', last_name: 'Phòng Hai' })
    await t.db
      .insertInto('report_submission')
      .values({
        activity_id: activity.id,
        unit_id: world.units[1]!.id,
        submitted_by: u2Head.id,
        text: 'Báo cáo',
        document_file_id: null,
        document_name: null,
        created_at: '2024-04-20T02:00:00Z',
      })
      .execute()
    // Friday 03/05 08:00: one working day before Saturday 04/05.
    await t.runSenderAt('2024-05-03T01:00:00Z')
    expect(reminderTexts(minh)).toEqual([
      '⏰ Đơn vị Phòng số 1 chưa nộp báo cáo «Báo cáo kết quả», hạn 05/05/2024. Anh/Chị gửi báo cáo bằng lệnh /nopbaocao.',
    ])
    expect(reminderTexts({ id: 201_000, title: '' })).toEqual([])
    expect(reminderTexts(groups[0]!)).toEqual([])
    await t.runSenderAt('2024-05-04T01:00:00Z')
    expect(reminderTexts(groups[0]!)).toEqual([
      '⏰ Hôm nay (05/05/2024) là hạn nộp báo cáo «Báo cáo kết quả»; đơn vị Phòng số 1 chưa nộp.',
    ])
    expect(reminderTexts(groups[1]!)).toEqual([])
  })

  it('/nhacnho says so when nothing is open, and names an unknown campaign', async () => {
    await office.says('/start', 'private')
    t.clock.set('2024-05-10T03:00:00Z') // every seeded deadline has passed
    await office.says('/nhacnho', 'private')
    expect(t.lastBotText(office)).toBe(
      'Hiện không có chiến dịch đang triển khai nào còn việc trong hạn cần nhắc.',
    )
    await office.says('/nhacnho KHONGCO', 'private')
    expect(t.lastBotText(office)).toContain('Không có chiến dịch mã «KHONGCO»')
    expect(
      await t.db.selectFrom('reminder').selectAll().where('slot', '=', 'manual').execute(),
    ).toEqual([])
  })

  it('turns reminders off with nhacnho tat and refuses a policy it cannot read', async () => {
    await broadcastWithDeadline()
    await office.says('/chiendich NGAYSACH2024 nhacnho 3,1 23:00', 'private')
    expect(t.lastBotText(office)).toMatch(
      /^Không hiểu lịch nhắc «3,1 23:00»\..*Ví dụ: \/chiendich NGAYSACH2024 nhacnho 3,1,0 08:00$/,
    )
    await office.says('/chiendich NGAYSACH2024 nhacnho tat', 'private')
    expect(t.lastBotText(office)).toContain('Đã tắt nhắc hạn cho chiến dịch NGAYSACH2024')
    await office.says('/chiendich NGAYSACH2024', 'private')
    expect(t.lastBotText(office)).toContain('⏰ Nhắc hạn: đã tắt.')
    await t.runSenderAt('2024-04-16T01:00:00Z')
    expect(groups.flatMap((g) => reminderTexts(g))).toEqual([])
  })
})
