import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { seedWorld, type World } from '../../support/seed-world.js'
import { TestBot, type Chat, type Person } from '../../support/test-bot.js'

let t: TestBot
let world: World
let groups: Chat[]
let office: Person
let head: Person
let minh: Person
let ha: Person

beforeEach(async () => {
  // 07:00 in Hà Nội on Monday 15/04/2024.
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T00:00:00Z') })
  world = await seedWorld(t.app.deps)
  groups = world.units.map((u, i) => t.group(u.chatId, `Nhóm phòng ${i + 1}`))
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
  // Member 1.1 of U1 is its head; 1.2 confirms by reaction, 2.1 by button.
  await t.db.updateTable('member').set({ role: 'head' }).where('telegram_id', '=', 101).execute()
  head = t.person({ id: 101, first_name: 'Nguyễn Văn', last_name: 'An' })
  minh = t.person({ id: 102, first_name: 'Minh' })
  ha = t.person({ id: 201, first_name: 'Hà' })

  const composed = await office.says('Sách hay cần bạn đọc', 'private')
  await office.says('/gui NGAYSACH2024 ngay', 'private', { replyTo: composed.message!.message_id })
  await t.confirmLast(office)
  await t.runSenderAt('2024-04-15T00:00:01Z')
  const [g1, g2] = groups as [Chat, Chat]
  const inG1 = t.api.botMessages(g1.id)[0]!
  await head.presses(g1, inG1.message_id, t.buttons(g1)[0]!.callback_data)
  await minh.reacts(g1, inG1.message_id, ['👍'])
  await ha.presses(g2, t.api.botMessages(g2.id)[0]!.message_id, t.buttons(g2)[0]!.callback_data)
})
afterEach(() => t.stop())

describe('/baocao', () => {
  it('shows a head the own unit in private, with the pending by name', async () => {
    await head.says('/baocao', 'private')
    const text = t.lastBotText(head)
    expect(text).toContain('Đơn vị: Phòng số 1 (U1)')
    expect(text).toContain('Quân số: 4 người, Loa đã biết tên 4 người.')
    // Button (the head) and reaction (Minh): 2 of 4.
    expect(text).toContain('• Thông báo số 1 (15/04/2024): 2/4 — 50%')
    expect(text).toContain('Cả chiến dịch: 2/4 — 50%')
    expect(text).toContain('• Đọc sách và chia sẻ cảm nhận: 0 người')
    expect(text).toContain('• Báo cáo kết quả (hạn 05/05/2024): chưa nộp')
    expect(text).toContain(
      'Chưa xác nhận thông báo mới nhất (2 người):\n1. Người 1.3\n2. Văn Phòng',
    )
    expect(text).toContain('⏰ Hạn tiếp theo: 30/04/2024 — Đọc sách và chia sẻ cảm nhận')
  })

  it('in the unit group shows the figures without names; the names go to the head in private', async () => {
    await head.says('/start', 'private')
    const before = t.botTexts(head).length
    await head.says('/baocao', groups[0]!)
    const inGroup = t.lastBotText(groups[0]!)
    expect(inGroup).toContain('2/4 — 50%')
    expect(inGroup).not.toContain('Người 1.3')
    expect(inGroup).not.toContain('Văn Phòng')
    expect(inGroup).toContain('Danh sách 2 người chưa xác nhận đã được gửi riêng cho Anh/Chị.')
    const privately = t.botTexts(head).slice(before)
    expect(privately).toEqual([
      '📋 NGAYSACH2024 — Phòng số 1: 2 người chưa xác nhận thông báo mới nhất:\n1. Người 1.3\n2. Văn Phòng',
    ])
  })

  it('refuses a head asking for another unit, and a member', async () => {
    await head.says('/baocao NGAYSACH2024 U2', 'private')
    expect(t.lastBotText(head)).toBe(
      'Anh/Chị chỉ xem được báo cáo của đơn vị mình, không xem được đơn vị «U2». Ví dụ: /baocao NGAYSACH2024',
    )
    await minh.says('/baocao', 'private')
    expect(t.lastBotText(minh)).toBe(
      'Lệnh /baocao chỉ dành cho trưởng đơn vị, Lãnh đạo Sở, Văn phòng Sở và quản trị viên, dùng ở bất kỳ đâu.',
    )
    await minh.says('/baocao U1', groups[0]!)
    expect(t.lastBotText(groups[0]!)).toMatch(/^Lệnh \/baocao chỉ dành cho/)
  })

  it('lets the office see any unit, with a unit code alone while one campaign runs', async () => {
    await t.db
      .updateTable('unit_chat')
      .set({ member_count: 6 })
      .where('chat_id', '=', groups[1]!.id)
      .execute()
    await office.says('/baocao U2', 'private')
    const text = t.lastBotText(office)
    expect(text).toContain('Quân số: 6 người, Loa đã biết tên 3 người.')
    expect(text).toContain('3 người chưa xác định')
    expect(text).toContain('• Thông báo số 1 (15/04/2024): 1/6 — 16,7%')
    await office.says('/baocao KHONGCO U2', 'private')
    expect(t.lastBotText(office)).toContain('Không có chiến dịch mã «KHONGCO»')
  })
})

describe('/nopbaocao', () => {
  it('records a file as the unit report, tells the office through the queue, and /baocao offers it back; a later one replaces it', async () => {
    const file = await head.sendsFile('private', {
      fileName: 'bao-cao-U1.docx',
      content: 'BÁO CÁO',
    })
    await head.says('/nopbaocao NGAYSACH2024', 'private', { replyTo: file.message!.message_id })
    expect(t.lastBotText(head)).toBe(
      '✅ Đã ghi nhận báo cáo của Phòng số 1 cho «Báo cáo kết quả» lúc 15/04/2024 07:00, đúng hạn (05/05/2024). Văn phòng sẽ nhận được thông báo.',
    )
    const queued = await t.db
      .selectFrom('outbound_message')
      .select(['chat_id', 'payload', 'kind'])
      .execute()
    expect(queued).toHaveLength(1)
    expect(queued[0]!.chat_id).toBe(9)
    expect(JSON.parse(queued[0]!.payload)).toEqual({
      html: '📥 <b>Phòng số 1</b> đã nộp báo cáo «Báo cáo kết quả» (NGAYSACH2024) lúc 15/04/2024 07:00, đúng hạn. Người nộp: Đ/c Nguyễn Văn An. Xem: /baocao NGAYSACH2024 U1',
    })

    t.clock.set('2024-05-06T02:00:00Z')
    const text = await head.says('Bổ sung: đơn vị đã tổ chức 3 buổi đọc sách.', 'private')
    await head.says('/nopbaocao', 'private', { replyTo: text.message!.message_id })
    expect(t.lastBotText(head)).toContain('nộp muộn')
    expect(t.lastBotText(head)).toContain(
      'Bản này thay cho bản nộp trước; bản trước vẫn được lưu lại.',
    )
    expect(
      await t.db.selectFrom('report_submission').select('text').orderBy('id').execute(),
    ).toEqual([{ text: null }, { text: 'Bổ sung: đơn vị đã tổ chức 3 buổi đọc sách.' }])

    await office.says('/baocao NGAYSACH2024 U1', 'private')
    const report = t.lastBotText(office)
    expect(report).toContain(
      '• Báo cáo kết quả (hạn 05/05/2024): ⚠️ nộp muộn bằng văn bản lúc 06/05/2024 09:00 — Đ/c Nguyễn Văn An',
    )
    expect(report).toContain('(đã nộp 2 lần; các lần trước: 15/04/2024 07:00)')
    expect(t.buttons(office)).toEqual([])
  })

  it('offers the submitted file back to the office', async () => {
    const file = await head.sendsFile('private', {
      fileName: 'bao-cao-U1.docx',
      content: 'BÁO CÁO',
    })
    await head.says('/nopbaocao', 'private', { replyTo: file.message!.message_id })
    await office.says('/baocao NGAYSACH2024 U1', 'private')
    const button = t.buttons(office)[0]!
    expect(button.text).toBe('📎 Tệp đã nộp: bao-cao-U1.docx')
    await office.presses(
      'private',
      t.api.botMessages(office.id).at(-1)!.message_id,
      button.callback_data,
    )
    expect(t.api.botMessages(office.id).at(-1)!.document?.file_name).toBe('bao-cao-U1.docx')
    // A member pressing a forged copy of the button gets nothing.
    await minh.says('/start', 'private')
    const toMinh = t.api.botMessages(minh.id).at(-1)!.message_id
    await minh.presses('private', toMinh, button.callback_data, { forged: true })
    expect(t.api.callbackAnswers.at(-1)?.show_alert).toBe(true)
  })

  it('needs a reply to the report, and is not for members', async () => {
    await head.says('/nopbaocao NGAYSACH2024', 'private')
    expect(t.lastBotText(head)).toContain('Anh/Chị dùng /nopbaocao để trả lời đúng tin nhắn')
    await minh.says('/nopbaocao', groups[0]!)
    expect(t.lastBotText(groups[0]!)).toMatch(/^Lệnh \/nopbaocao chỉ dành cho/)
    expect(await t.db.selectFrom('report_submission').selectAll().execute()).toEqual([])
  })
})

describe('/tonghop and /xuat', () => {
  it('lists every unit worst first with totals, then sends the chart', async () => {
    await office.says('/tonghop', 'private')
    const texts = t.botTexts(office)
    const table = texts.at(-2)!
    expect(table).toContain('3 đơn vị · quân số 12 người (2 người chưa xác định)')
    expect(table).toContain('Xác nhận đã đọc: 3/12 — 25%')
    const lines = table.split('\n').filter((l) => /^\d+\. /.test(l))
    expect(lines).toEqual([
      '1. U3 Phòng số 3: 0/4 — 0% · 3 người chưa xác nhận · chưa nộp báo cáo',
      '2. U2 Phòng số 2: 1/4 — 25% · 2 người chưa xác nhận · chưa nộp báo cáo',
      '3. U1 Phòng số 1: 2/4 — 50% · 2 người chưa xác nhận · chưa nộp báo cáo',
    ])
    const photo = t.api.botMessages(office.id).at(-1)!
    expect(photo.photo).toBeDefined()
    expect(photo.caption).toBe('Tỷ lệ xác nhận đã đọc theo đơn vị, thấp nhất trước.')
    await head.says('/tonghop', 'private')
    expect(t.lastBotText(head)).toMatch(
      /^Lệnh \/tonghop chỉ dành cho Lãnh đạo Sở, Văn phòng Sở và quản trị viên/,
    )
  })

  it('/xuat sends the report as a document; a bad format is explained', async () => {
    await office.says('/xuat NGAYSACH2024 csv', 'private')
    const sent = t.api.botMessages(office.id).at(-1)!
    expect(sent.document?.file_name).toBe('bao-cao-NGAYSACH2024.csv')
    expect(sent.caption).toBe('📎 Báo cáo tổng hợp NGAYSACH2024 (CSV), lập lúc 15/04/2024 07:00.')
    const file = await t.app.loa.bot.api.getFile(sent.document!.file_id)
    const csv = await (
      await fetch(`${t.api.apiRoot}/file/bot${t.api.token}/${file.file_path}`)
    ).text()
    expect(csv.split('\r\n')[1]).toBe('U3,Phòng số 3,4,3,0,0,0,,Người 3.1; Người 3.2; Người 3.3')
    await office.says('/xuat NGAYSACH2024 pdf', 'private')
    expect(t.lastBotText(office)).toBe(
      'Không có định dạng «pdf». Anh/Chị chọn xlsx, csv, docx hoặc json, ví dụ: /xuat NGAYSACH2024 docx',
    )
  })
})

describe('/tonghop at department scale', () => {
  it('splits 400 units into messages within Telegram’s limit and charts the worst 30', async () => {
    const campaignId = world.campaignId
    const broadcast = await t.db.selectFrom('broadcast').select('id').executeTakeFirstOrThrow()
    for (let i = 4; i <= 400; i++) {
      const unit = await t.db
        .insertInto('unit')
        .values({
          code: `DV${i}`,
          name: `Trung tâm Văn hóa - Thể thao và Du lịch số ${i}`,
          parent_id: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      const chat = await t.db
        .insertInto('unit_chat')
        .values({
          unit_id: unit.id,
          chat_id: -5000 - i,
          thread_id: null,
          title: `Nhóm ${i}`,
          member_count: 10,
          registered_by: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await t.db
        .insertInto('campaign_target')
        .values({ campaign_id: campaignId, unit_id: unit.id })
        .execute()
      await t.db
        .insertInto('delivery')
        .values({
          broadcast_id: broadcast.id,
          unit_chat_id: chat.id,
          unit_id: unit.id,
          chat_id: -5000 - i,
          thread_id: null,
          state: 'sent',
          next_attempt_at: '2024-04-15T00:00:01Z',
          message_id: 1,
          message_ids: null,
          sent_at: '2024-04-15T00:00:01Z',
        })
        .execute()
    }
    await office.says('/tonghop', 'private')
    const messages = t.api.botMessages(office.id)
    const photo = messages.at(-1)!
    expect(photo.caption).toBe(
      'Tỷ lệ xác nhận đã đọc: 30 đơn vị thấp nhất trên 400. Bảng đầy đủ ở trên hoặc xuất tệp bằng /xuat.',
    )
    const texts = messages
      .slice(0, -1)
      .map((m) => m.text ?? '')
      .filter((text) => /^\d+\. /m.test(text))
    expect(texts.length).toBeGreaterThan(1)
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(4096)
    const ranks = texts
      .flatMap((text) => text.split('\n'))
      .flatMap((l) => /^(\d+)\. /.exec(l)?.[1] ?? [])
    expect(ranks.map(Number)).toEqual(Array.from({ length: 400 }, (_, i) => i + 1))
    // The 397 new units have nothing confirmed: they come first; U1 (50%) is last.
    expect(texts.at(-1)).toContain('400. U1 Phòng số 1: 2/4 — 50%')
  })
})

describe('in English', () => {
  it('answers /report and /summary with English numbers and words', async () => {
    await t.db
      .updateTable('unit_chat')
      .set({ member_count: 6 })
      .where('chat_id', '=', groups[1]!.id)
      .execute()
    await office.says('/language en', 'private')
    await office.says('/report NGAYSACH2024 U2', 'private')
    const text = t.lastBotText(office)
    expect(text).toContain('Headcount: 6; Loa knows 3 of them by name.')
    expect(text).toContain('• Message 1 (15/04/2024): 1/6 — 16.7%')
    await office.says('/summary', 'private')
    expect(t.botTexts(office).at(-2)).toContain('Read confirmations: 3/14 — 21.4%')
  })
})
