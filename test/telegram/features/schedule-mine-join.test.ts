import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { seedWorld, type World } from '../../support/seed-world.js'
import { TestBot, type Chat, type Person } from '../../support/test-bot.js'

let t: TestBot
let world: World
let groups: Chat[]
let office: Person

beforeEach(async () => {
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T00:00:00Z') })
  world = await seedWorld(t.app.deps)
  groups = world.units.map((u, i) => t.group(u.chatId, `Nhóm phòng ${i + 1}`))
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
})
afterEach(() => t.stop())

const lastButtons = (chatId: number) => t.buttons({ id: chatId, title: '' })
const runSenderAt = (instant: string) => t.runSenderAt(instant)

async function schedule(args: string, text = 'Sách hay cần bạn đọc') {
  const composed = await office.says(text, 'private')
  await office.says(`/gui ${args}`, 'private', { replyTo: composed.message!.message_id })
  await t.confirmLast(office)
}

describe('hằng ngày', () => {
  it('sends on working days only, within the campaign period', async () => {
    // The seeded campaign runs 15/4–3/5/2024: 18/4 is Giỗ Tổ Hùng Vương, 20–21/4 and 27–28/4
    // are weekends, 29/4–1/5 holidays (29/4 swapped with Saturday 4/5).
    await schedule('NGAYSACH2024 hangngay 08:00 U1')
    const sendAts = (
      await t.db.selectFrom('broadcast').select('send_at').orderBy('send_at').execute()
    ).map((b) => b.send_at.slice(0, 10))
    expect(sendAts).toEqual([
      '2024-04-15',
      '2024-04-16',
      '2024-04-17',
      '2024-04-19',
      '2024-04-22',
      '2024-04-23',
      '2024-04-24',
      '2024-04-25',
      '2024-04-26',
      '2024-05-02',
      '2024-05-03',
    ])
    await runSenderAt('2024-04-15T01:00:00Z')
    expect(t.botTexts(groups[0]!)).toEqual(['Sách hay cần bạn đọc'])
    await runSenderAt('2024-04-20T01:00:00Z')
    expect(t.botTexts(groups[0]!)).toHaveLength(4)
    await runSenderAt('2024-05-01T01:00:00Z')
    expect(t.botTexts(groups[0]!)).toHaveLength(9)
    expect(t.botTexts(groups[1]!)).toEqual([])
  })
})

describe('/lich', () => {
  it('lists broadcasts with counts, cancels one not yet sent, and shows each group with its failure reason', async () => {
    await schedule('NGAYSACH2024 16/4 08:00')
    await office.says('/lich', 'private')
    // The deadline defaults to the campaign's period end (issue 10).
    expect(t.lastBotText(office)).toContain(
      'NGAYSACH2024 · 16/04/2024 08:00 · hạn xác nhận 03/05/2024 · đã lên lịch',
    )
    const cancel = lastButtons(office.id).find((b) => b.text.startsWith('✖️ Huỷ thông báo số'))!
    await office.presses(
      'private',
      t.api.botMessages(office.id).at(-1)!.message_id,
      cancel.callback_data,
    )
    expect(t.api.callbackAnswers.at(-1)?.text).toMatch(/^Đã huỷ thông báo số \d+\.$/)
    await runSenderAt('2024-04-16T01:00:00Z')
    expect(groups.flatMap((g) => t.botTexts(g))).toEqual([])

    t.api.failNext(
      'copyMessage',
      {
        status: 400,
        description: 'Bad Request: not enough rights to send text messages to the chat',
      },
      { chatId: groups[2]!.id },
    )
    await schedule('NGAYSACH2024 ngay')
    await runSenderAt('2024-04-16T01:00:05Z')
    const id = (
      await t.db
        .selectFrom('broadcast')
        .select('id')
        .where('status', '=', 'sent')
        .executeTakeFirstOrThrow()
    ).id
    await office.says(`/lich ${id}`, 'private')
    const report = t.lastBotText(office)
    expect(report).toContain('Đã gửi 2/3 nhóm · 1 nhóm lỗi')
    expect(report).toContain('✅ U1 — Nhóm phòng 1: đã gửi, 0 người đã đọc')
    expect(report).toContain(
      '❌ U3 — Nhóm phòng 3: chưa gửi được sau 1 lần thử (Bad Request: not enough rights to send text messages to the chat)',
    )

    // "Gửi lại các nhóm lỗi": only the failed group gets the copy again.
    const retry = lastButtons(office.id).find((b) => b.text.startsWith('🔁 Gửi lại các nhóm lỗi'))!
    await office.presses(
      'private',
      t.api.botMessages(office.id).at(-1)!.message_id,
      retry.callback_data,
    )
    expect(t.api.callbackAnswers.at(-1)?.text).toBe(
      `Đã đưa 1 nhóm lỗi của thông báo số ${id} vào hàng đợi gửi lại.`,
    )
    await runSenderAt('2024-04-16T01:00:10Z')
    expect(groups.map((g) => t.botTexts(g).length)).toEqual([1, 1, 1])
    expect(
      await t.db.selectFrom('delivery').select('state').where('broadcast_id', '=', id).execute(),
    ).toEqual([{ state: 'sent' }, { state: 'sent' }, { state: 'sent' }])
  })

  it('is for the office only', async () => {
    const member = t.person({ id: 101, first_name: 'Minh' })
    await member.says('/lich', 'private')
    expect(t.lastBotText(member)).toBe(
      'Lệnh /lich chỉ dành cho Văn phòng Sở và quản trị viên, dùng trong tin nhắn riêng với Loa.',
    )
  })
})

describe('/cuatoi and /thamgia', () => {
  it('tells an employee what is left, and /thamgia with a note clears the participation', async () => {
    await schedule('NGAYSACH2024 ngay')
    await runSenderAt('2024-04-15T00:00:05Z')
    const minh = t.person({ id: 101, first_name: 'Minh' })
    await minh.says('/cuatoi', 'private')
    const before = t.lastBotText(minh)
    expect(before).toContain('Thông báo chưa xác nhận đã đọc (1):')
    expect(before).toContain('Đọc sách và chia sẻ cảm nhận (tham gia; hạn 30/04/2024)')
    await minh.says('/thamgia NGAYSACH2024 Đã đọc cuốn "Đắc nhân tâm"', groups[0]!)
    expect(t.lastBotText(groups[0]!)).toBe(
      'Đã ghi nhận Anh/Chị tham gia «Đọc sách và chia sẻ cảm nhận» (NGAYSACH2024). Cảm ơn Anh/Chị!\nGhi chú của Anh/Chị: «Đã đọc cuốn "Đắc nhân tâm"»',
    )
    expect(await t.db.selectFrom('participation').select(['note', 'source']).execute()).toEqual([
      { note: 'Đã đọc cuốn "Đắc nhân tâm"', source: 'command' },
    ])
    await minh.says('/cuatoi', 'private')
    expect(t.lastBotText(minh)).not.toContain('Đọc sách và chia sẻ cảm nhận')
  })

  it('takes a photo whose caption is /thamgia, with a lower-case campaign code', async () => {
    t.person({ id: 101, first_name: 'Minh' })
    await t.handled(
      t.api.sendPhoto(101, groups[0]!.id, { caption: '/thamgia ngaysach2024 Ảnh buổi đọc sách' }),
    )
    expect(t.lastBotText(groups[0]!)).toBe(
      'Đã ghi nhận Anh/Chị tham gia «Đọc sách và chia sẻ cảm nhận» (NGAYSACH2024). Cảm ơn Anh/Chị!\nGhi chú của Anh/Chị: «Ảnh buổi đọc sách»',
    )
    const rows = await t.db.selectFrom('participation').select(['note', 'photo_file_id']).execute()
    expect(rows.map((r) => r.note)).toEqual(['Ảnh buổi đọc sách'])
    expect(rows[0]?.photo_file_id).toMatch(/\S/)
  })

  it('names an unknown campaign code', async () => {
    const minh = t.person({ id: 101, first_name: 'Minh' })
    await minh.says('/thamgia SAIMA2024', 'private')
    expect(t.lastBotText(minh)).toContain('Không có chiến dịch mã «SAIMA2024»')
  })
})
