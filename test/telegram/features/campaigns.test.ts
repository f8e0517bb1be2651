import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { seedWorld } from '../../support/seed-world.js'
import { TestBot, type Person } from '../../support/test-bot.js'

let t: TestBot
let office: Person

beforeEach(async () => {
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T00:00:00Z') })
  await seedWorld(t.app.deps, { campaign: { status: 'draft' } })
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
})
afterEach(() => t.stop())

describe('/chiendich', () => {
  it('lists, shows with activities and deadlines, starts and closes', async () => {
    await office.says('/chiendich', 'private')
    expect(t.lastBotText(office)).toContain(
      'NGAYSACH2024 (chưa triển khai) — Tổ chức các hoạt động Ngày Sách',
    )
    expect(t.lastBotText(office)).toContain('Thời gian: 15/04/2024 – 03/05/2024')
    await office.says('/chiendich ngaysach2024', 'private')
    const detail = t.lastBotText(office)
    expect(detail).toContain('Đọc sách và chia sẻ cảm nhận')
    expect(detail).toContain('(tham gia; chủ trì: —; thời hạn: 30/04/2024)')
    expect(detail).toContain('Đơn vị nhận: U1, U2, U3')
    await office.says('/chiendich NGAYSACH2024 batdau', 'private')
    expect(t.lastBotText(office)).toBe('Chiến dịch NGAYSACH2024 đã bắt đầu triển khai.')
    await office.says('/chiendich NGAYSACH2024 ketthuc', 'private')
    expect(t.lastBotText(office)).toBe('Chiến dịch NGAYSACH2024 đã kết thúc.')
    expect(await t.db.selectFrom('campaign').select('status').executeTakeFirst()).toEqual({
      status: 'closed',
    })
  })

  it('lets a head read but not change', async () => {
    await t.db.updateTable('member').set({ role: 'head' }).where('telegram_id', '=', 101).execute()
    const head = t.person({ id: 101, first_name: 'Minh' })
    await head.says('/chiendich NGAYSACH2024', 'private')
    expect(t.lastBotText(head)).toContain('Đọc sách và chia sẻ cảm nhận')
    await head.says('/chiendich NGAYSACH2024 batdau', 'private')
    expect(t.lastBotText(head)).toBe(
      'Chỉ Văn phòng Sở mới bắt đầu hoặc kết thúc được chiến dịch. Anh/Chị xem chiến dịch bằng /chiendich NGAYSACH2024',
    )
    await head.says('/chiendich ngaysach2024 ketthuc', 'private')
    expect(t.lastBotText(head)).toBe(
      'Chỉ Văn phòng Sở mới bắt đầu hoặc kết thúc được chiến dịch. Anh/Chị xem chiến dịch bằng /chiendich NGAYSACH2024',
    )
    expect(await t.db.selectFrom('campaign').select('status').executeTakeFirst()).toEqual({
      status: 'draft',
    })
  })
})

describe('/chiendich moi', () => {
  it('asks title, period and slogans, refuses a bad period with an example, and creates on "Xác nhận"', async () => {
    await office.says('/chiendich moi', 'private')
    expect(t.lastBotText(office)).toContain('Anh/Chị nhập tên chiến dịch')
    await office.says('Tuần lễ hưởng ứng học tập suốt đời năm 2024', 'private')
    expect(t.lastBotText(office)).toContain('Thời gian thực hiện?')
    await office.says('01/10/2024 đến 31/09/2024', 'private')
    expect(t.lastBotText(office)).toBe(
      'Không hiểu thời gian này. Ví dụ: 15/04/2024 - 01/05/2024 (ngày bắt đầu trước ngày kết thúc), hoặc gõ «bỏ qua».',
    )
    // Issue 11, point 7: a period the wrong way round says so, with the dates the right way round.
    await office.says('07/10/2024 - 01/10/2024', 'private')
    expect(t.lastBotText(office)).toBe(
      'Ngày bắt đầu 07/10/2024 ở sau ngày kết thúc 01/10/2024. Anh/Chị nhập lại, ngày bắt đầu trước, ví dụ: 01/10/2024 - 07/10/2024, hoặc gõ «bỏ qua».',
    )
    await office.says('01/10/2024 - 07/10/2024', 'private')
    await office.says('Phát triển văn hóa đọc thúc đẩy học tập suốt đời', 'private')
    const preview = t.lastBotText(office)
    expect(preview).toContain('Chiến dịch mới: Tuần lễ hưởng ứng học tập suốt đời năm 2024')
    expect(preview).toContain('Thời gian: 01/10/2024 – 07/10/2024')
    const message = t.api.botMessages(office.id).at(-1)!
    const confirm = message.reply_markup!.inline_keyboard[0]![0]! as { callback_data: string }
    await office.presses('private', message.message_id, confirm.callback_data)
    expect(t.lastBotText(office)).toMatch(
      /^Đã tạo chiến dịch [A-Z0-9-]+ — Tuần lễ hưởng ứng học tập suốt đời năm 2024/,
    )
    const created = await t.db
      .selectFrom('campaign')
      .select(['title', 'period_start', 'period_end', 'slogans', 'status'])
      .where('title', 'like', 'Tuần lễ%')
      .executeTakeFirstOrThrow()
    expect(created).toEqual({
      title: 'Tuần lễ hưởng ứng học tập suốt đời năm 2024',
      period_start: '2024-10-01',
      period_end: '2024-10-07',
      slogans: JSON.stringify(['Phát triển văn hóa đọc thúc đẩy học tập suốt đời']),
      status: 'draft',
    })
  })

  it('is refused to a member, and creates no draft', async () => {
    const member = t.person({ id: 101, first_name: 'Minh' })
    await member.says('/chiendich moi', 'private')
    expect(t.lastBotText(member)).toMatch(
      /^Lệnh \/chiendich chỉ dành cho trưởng đơn vị, Lãnh đạo Sở, Văn phòng Sở và quản trị viên/,
    )
    expect(await t.db.selectFrom('pending_action').selectAll().execute()).toEqual([])
  })
})
