import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importRoster } from '../../../src/domain/units/import-roster.js'
import { importUnits } from '../../../src/domain/units/import-units.js'
import { TestBot, type Person } from '../../support/test-bot.js'

const fixture = (path: string) =>
  readFileSync(new URL(`../../fixtures/plans/${path}`, import.meta.url))
const SEED = fixture('seeds/000_fcb74c43ec1f80d8.txt')
let t: TestBot
let lan: Person

beforeEach(async () => {
  t = await TestBot.start()
  await importUnits(
    t.app.deps,
    'code,name,parent_code\nVP,Văn phòng Sở,\nTTCNTT,Trung tâm Công nghệ thông tin,\n',
  )
  await importRoster(
    t.app.deps,
    'unit_code,full_name,telegram_id,username,role\nVP,Nguyễn Thị Lan,1001,,office\nVP,Trần Văn Minh,1002,,\n',
  )
  lan = t.person({ id: 1001, first_name: 'Lan' })
})
afterEach(() => t.stop())

const campaignCount = async () =>
  Number(
    (await t.db.selectFrom('campaign').select(t.db.fn.countAll().as('n')).executeTakeFirstOrThrow())
      .n,
  )

function buttonsOfLast(chatId: number) {
  const message = t.api.botMessages(chatId).at(-1)
  const markup = message?.reply_markup
  return { messageId: message!.message_id, buttons: markup?.inline_keyboard.flat() ?? [] }
}

describe('/kehoach', () => {
  it('previews a plan file and creates the campaign on "Xác nhận"', async () => {
    await lan.sendsFile(
      'private',
      { fileName: 'ke-hoach-ngay-sach.txt', content: SEED },
      '/kehoach',
    )
    const preview = t.lastBotText(lan)
    expect(preview).toContain(
      'Tổ chức các hoạt động Ngày Sách và Văn hóa đọc Việt Nam lần thứ ba năm 2024 tại Sở Nội vụ',
    )
    expect(preview).toContain('Thời gian: 15/04/2024 – 01/05/2024')
    expect(preview).toContain('“Sách hay cần bạn đọc”')
    expect(preview).toContain('Hạn báo cáo: 05/05/2024')
    expect(preview).toContain('Văn phòng Sở → VP')
    expect(await campaignCount()).toBe(0)
    const { messageId, buttons } = buttonsOfLast(lan.id)
    expect(buttons.map((b) => b.text)).toEqual(['✅ Xác nhận', '✖️ Huỷ'])
    await lan.presses('private', messageId, (buttons[0] as { callback_data: string }).callback_data)
    expect(t.lastBotText(lan)).toMatch(
      /^Đã tạo chiến dịch [A-Z0-9-]+ — Tổ chức các hoạt động Ngày Sách/,
    )
    expect(await campaignCount()).toBe(1)
    const activities = await t.db
      .selectFrom('activity')
      .select(['kind', 'due_on', 'lead_unit_id'])
      .orderBy('position')
      .execute()
    // Issue 16: "triển khai … tham gia" is the units' task (rule 9); the compound duty of Văn
    // phòng Sở is a task and a report (rule 2).
    expect(activities.map((a) => [a.kind, a.due_on])).toEqual([
      ['task', null],
      ['task', null],
      ['report', '2024-05-05'],
    ])
    // Issue 11, point 11: the audit row names who confirmed the import.
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_telegram_id'])
      .where('action', 'like', 'campaign.%')
      .execute()
    expect(audit).toEqual([{ action: 'campaign.create', actor_telegram_id: lan.id }])
  })

  it('"Huỷ" creates nothing, and a second press of either button changes nothing', async () => {
    await lan.sendsFile('private', { fileName: 'ke-hoach.md', content: SEED }, '/kehoach')
    const { messageId, buttons } = buttonsOfLast(lan.id)
    const [confirm, cancel] = buttons.map((b) => (b as { callback_data: string }).callback_data)
    await lan.presses('private', messageId, cancel!)
    expect(t.lastBotText(lan)).toBe('Đã huỷ, chưa tạo chiến dịch nào.')
    // The buttons are gone once answered; a client holding the old message can still send the data.
    await lan.presses('private', messageId, confirm!, { forged: true })
    expect(t.api.callbackAnswers.at(-1)?.text).toBe(
      'Nút này đã cũ hoặc không hợp lệ; không có gì thay đổi.',
    )
    expect(await campaignCount()).toBe(0)
  })

  it('warns instead of duplicating the same plan', async () => {
    await lan.sendsFile('private', { fileName: 'a.txt', content: SEED }, '/kehoach')
    const { messageId, buttons } = buttonsOfLast(lan.id)
    await lan.presses('private', messageId, (buttons[0] as { callback_data: string }).callback_data)
    await lan.sendsFile('private', { fileName: 'b.txt', content: SEED }, '/kehoach')
    expect(t.lastBotText(lan)).toContain('Kế hoạch này đã được nhập thành chiến dịch')
    expect(buttonsOfLast(lan.id).buttons).toEqual([])
    expect(await campaignCount()).toBe(1)
  })

  it('refuses a junk file and an oversized file, creating nothing', async () => {
    await lan.sendsFile(
      'private',
      { fileName: 'anh.txt', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3, 0, 0]) },
      '/kehoach',
    )
    expect(t.lastBotText(lan)).toBe(
      'Tệp không phải văn bản đọc được (có thể là tệp nhị phân hoặc hỏng). Anh/Chị gửi tệp .txt, .md, .docx hoặc .pdf.',
    )
    await lan.sendsFile(
      'private',
      { fileName: 'lon.txt', content: 'KẾ HOẠCH\n'.padEnd(2 * 1024 * 1024 + 100, 'a') },
      '/kehoach',
    )
    expect(t.lastBotText(lan)).toBe(
      'Tệp lớn hơn 2 MB nên không đọc được. Anh/Chị gửi bản .docx hoặc .txt của kế hoạch.',
    )
    await lan.sendsFile('private', { fileName: 'bang.xlsx', content: 'x' }, '/kehoach')
    expect(t.lastBotText(lan)).toContain('Không đọc được tệp «bang.xlsx»')
    expect(await campaignCount()).toBe(0)
  })

  it('reads pasted text replied to, and refuses text that is not a plan', async () => {
    const pasted = await lan.says(SEED.toString('utf8'), 'private')
    await lan.says('/kehoach', 'private', { replyTo: pasted.message!.message_id })
    expect(t.lastBotText(lan)).toContain('Hạn báo cáo: 05/05/2024')
    await lan.says('/kehoach Chiều nay họp giao ban lúc 15 giờ', 'private')
    expect(t.lastBotText(lan)).toContain('không giống một kế hoạch hay công văn')
  })

  it('is for the office only', async () => {
    const minh = t.person({ id: 1002, first_name: 'Minh' })
    await minh.sendsFile('private', { fileName: 'a.txt', content: SEED }, '/kehoach')
    expect(t.lastBotText(minh)).toBe(
      'Lệnh /kehoach chỉ dành cho Văn phòng Sở và quản trị viên, dùng trong tin nhắn riêng với Loa.',
    )
    expect(await campaignCount()).toBe(0)
  })
})

describe('/kehoach preview (issue 16)', () => {
  it('shows each activity with its lead, partners and due date', async () => {
    await lan.sendsFile(
      'private',
      { fileName: 'kh.txt', content: fixture('synthetic/ke-hoach-khoi-truong.txt') },
      '/kehoach',
    )
    const preview = t.lastBotText(lan)
    expect(preview).toContain(
      '1. Treo băng rôn, khẩu hiệu tuyên truyền tại trụ sở các cơ quan (từ ngày 01/3 đến ngày 31/3)\n' +
        '(nhiệm vụ; chủ trì: Phòng Văn hóa và Thông tin; phối hợp: Trung tâm Văn hóa - Thể thao huyện; thời hạn: 31/03/2025)',
    )
    expect(preview).toContain(
      '7. Các đơn vị gửi báo cáo kết quả thực hiện về Phòng Văn hóa và Thông tin trước ngày 10/4/2025 để tổng hợp',
    )
    expect(preview).toContain('(báo cáo; chủ trì: Các đơn vị; thời hạn: 10/04/2025)')
    expect(preview).toContain('• Các đơn vị → tất cả đơn vị')
    expect(preview).not.toContain('Không tìm thấy hoạt động')
  })

  it('says plainly when no activity was found, and the office adds one by hand', async () => {
    const bare = [
      'SỞ NỘI VỤ',
      'Số: 15/KH-SNV',
      'Lạng Sơn, ngày 02 tháng 01 năm 2024',
      'KẾ HOẠCH',
      'Tổ chức Ngày Sách và Văn hóa đọc',
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Nâng cao nhận thức về giá trị của sách.',
      '2. Lan tỏa văn hóa đọc trong cơ quan.',
      'Nơi nhận:',
      '- Lưu: VT.',
      'GIÁM ĐỐC',
      'Trần Văn An',
    ].join('\n')
    await lan.sendsFile('private', { fileName: 'kh.txt', content: bare }, '/kehoach')
    expect(t.lastBotText(lan)).toContain(
      'Không tìm thấy hoạt động nào có đơn vị hoặc thời hạn; Anh/Chị có thể thêm sau khi tạo chiến dịch bằng lệnh /chiendich NGAYSACH2024 them <tiêu đề> | <đơn vị> | <hạn>, ví dụ: /chiendich NGAYSACH2024 them Tổ chức tọa đàm giới thiệu sách | TTCNTT | 31/12/2024',
    )
    await t.confirmLast(lan)
    expect(t.lastBotText(lan)).toContain(
      'Chiến dịch chưa có hoạt động nào; thêm bằng lệnh /chiendich NGAYSACH2024 them',
    )

    await lan.says(
      '/chiendich NGAYSACH2024 them Tọa đàm giới thiệu sách | VP | 30/04/2024',
      'private',
    )
    expect(t.lastBotText(lan)).toBe(
      'Đã thêm hoạt động 1 vào chiến dịch NGAYSACH2024: Tọa đàm giới thiệu sách\n(nhiệm vụ; chủ trì: Văn phòng Sở (VP); thời hạn: 30/04/2024)',
    )
    await lan.says(
      '/chiendich ngaysach2024 them Báo cáo kết quả | Trung tâm Công nghệ thông tin | 5/5',
      'private',
    )
    expect(t.lastBotText(lan)).toContain('Đã thêm hoạt động 2')
    const rows = await t.db
      .selectFrom('activity')
      .innerJoin('unit', 'unit.id', 'activity.lead_unit_id')
      .select(['activity.position', 'activity.kind', 'activity.due_on', 'unit.code'])
      .orderBy('activity.position')
      .execute()
    expect(rows).toEqual([
      { position: 1, kind: 'task', due_on: '2024-04-30', code: 'VP' },
      { position: 2, kind: 'report', due_on: '2024-05-05', code: 'TTCNTT' },
    ])
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_telegram_id'])
      .where('action', '=', 'activity.add')
      .execute()
    expect(audit).toEqual([
      { action: 'activity.add', actor_telegram_id: 1001 },
      { action: 'activity.add', actor_telegram_id: 1001 },
    ])
  })

  it('refuses a bad unit, a bad or past date and a missing title, adding nothing', async () => {
    await lan.sendsFile('private', { fileName: 'a.txt', content: SEED }, '/kehoach')
    await t.confirmLast(lan)
    const code = /Đã tạo chiến dịch ([A-Z0-9-]+)/.exec(t.lastBotText(lan))?.[1] ?? ''
    const count = async () =>
      Number(
        (
          await t.db
            .selectFrom('activity')
            .select(t.db.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      )
    const before = await count()
    const example = `Ví dụ: /chiendich ${code} them Tổ chức tọa đàm giới thiệu sách | TTCNTT | 30/04/2024`
    await lan.says(`/chiendich ${code} them Tọa đàm | PHONGX | 30/04/2024`, 'private')
    expect(t.lastBotText(lan)).toBe(
      `Không có đơn vị «PHONGX»; các mã hiện có: TTCNTT, VP (ghi «-» nếu chưa giao đơn vị). ${example}`,
    )
    await lan.says(`/chiendich ${code} them Tọa đàm | VP | 31/02/2024`, 'private')
    expect(t.lastBotText(lan)).toBe(
      `Không hiểu hạn «31/02/2024»; ghi ngày dạng 30/04/2024. ${example}`,
    )
    await lan.says(`/chiendich ${code} them Tọa đàm | VP | 01/04/2024`, 'private')
    expect(t.lastBotText(lan)).toContain('Hạn «01/04/2024» đã qua')
    await lan.says(`/chiendich ${code} them  | VP | 30/04/2024`, 'private')
    expect(t.lastBotText(lan)).toBe(`Thiếu tiêu đề hoạt động. ${example}`)
    await lan.says('/chiendich KHONGCO2024 them Tọa đàm | VP | 30/04/2024', 'private')
    expect(t.lastBotText(lan)).toContain('Không có chiến dịch mã «KHONGCO2024»')
    expect(await count()).toBe(before)
    const minh = t.person({ id: 1002, first_name: 'Minh' })
    await minh.says(`/chiendich ${code} them Tọa đàm | VP | 30/04/2024`, 'private')
    expect(await count()).toBe(before)
  })

  it('reads "all units", one unit printed two ways, and a letter\'s subject with a capital', async () => {
    await lan.sendsFile('private', { fileName: 'a.txt', content: SEED }, '/kehoach')
    expect(t.lastBotText(lan)).toContain(
      '• Các phòng, đơn vị thuộc và trực thuộc Sở → tất cả đơn vị',
    )
    await lan.sendsFile(
      'private',
      { fileName: 'b.txt', content: fixture('seeds/002_c506c565544ed787.txt') },
      '/kehoach',
    )
    const units = t
      .lastBotText(lan)
      .split('\n')
      .filter((line) => /^• Công đoàn cơ sở/i.test(line))
    expect(units).toEqual(['• Công đoàn cơ sở sở TTTT → chưa có trong danh sách đơn vị'])
    await lan.sendsFile(
      'private',
      { fileName: 'c.txt', content: fixture('seeds/003_d1fb228655443a03.txt') },
      '/kehoach',
    )
    expect(t.lastBotText(lan)).toMatch(
      /^📋 Hướng dẫn kế hoạch triển khai nhiệm vụ năm 2022 trong lĩnh vực thư viện\n/,
    )
    await t.confirmLast(lan)
    const campaign = await t.db
      .selectFrom('campaign')
      .select(['title', 'code'])
      .executeTakeFirstOrThrow()
    expect(campaign).toEqual({
      title: 'Hướng dẫn kế hoạch triển khai nhiệm vụ năm 2022 trong lĩnh vực thư viện',
      code: 'THUVIEN2022',
    })
  })

  it("takes the code's year from the plan, not from today", async () => {
    t.clock.set('2026-12-01T02:00:00Z')
    const plan = SEED.toString('utf8')
      .replace(
        'Tổ chức các hoạt động Ngày Sách và Văn hóa đọc Việt Nam\nlần thứ ba năm 2024 tại Sở Nội vụ',
        'Tổ chức các hoạt động Ngày Sách và Văn hóa đọc Việt Nam tại Sở Nội vụ',
      )
      .replace('diễn ra từ ngày 15/4/2024 đến ngày 01/5/2024', 'diễn ra trong tháng 4')
    await lan.sendsFile('private', { fileName: 'a.txt', content: plan }, '/kehoach')
    await t.confirmLast(lan)
    expect(t.lastBotText(lan)).toMatch(/^Đã tạo chiến dịch NGAYSACH2024 — /)
  })

  it("keeps a long plan's preview within one Telegram message", async () => {
    await lan.sendsFile(
      'private',
      { fileName: 'dai.txt', content: fixture('ubnd-thanh-pho-dai.txt') },
      '/kehoach',
    )
    const preview = t.lastBotText(lan)
    expect(preview.length).toBeLessThanOrEqual(4096)
    expect(preview).toMatch(/… và \d+ hoạt động khác; xem đủ bằng \/chiendich sau khi tạo\./)
  })
})

describe('/kehoach on a paste Telegram split (issue 11, point 5)', () => {
  /** Telegram cuts a paste at 4,096 characters, at a line break when it can. */
  function split(text: string): string[] {
    const parts: string[] = []
    let current = ''
    for (const line of text.split('\n')) {
      if (current.length + line.length + 1 > 4096) {
        parts.push(current.trim())
        current = ''
      }
      current += `${line}\n`
    }
    parts.push(current.trim())
    return parts
  }
  const long = fixture('ubnd-thanh-pho-dai.txt').toString('utf8')

  it('joins the parts sent together and reads the whole plan', async () => {
    const parts = split(long)
    expect(parts.length).toBeGreaterThan(3)
    const first = await lan.says(parts[0]!, 'private')
    for (const part of parts.slice(1)) await lan.says(part, 'private')
    await lan.says('/kehoach', 'private', { replyTo: first.message!.message_id })
    const preview = t.lastBotText(lan)
    expect(preview).not.toContain('Văn bản có vẻ chưa trọn vẹn')
    await t.confirmLast(lan)
    const activities = Number(
      (
        await t.db
          .selectFrom('activity')
          .select(t.db.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    )
    const whole = await import('../../../src/domain/plans/parse-plan.js')
    expect(activities).toBe(whole.parsePlan(long).activities.length)
  })

  it('reads the whole paste from a reply to its last part too', async () => {
    const parts = split(long)
    let last = await lan.says(parts[0]!, 'private')
    for (const part of parts.slice(1)) last = await lan.says(part, 'private')
    await lan.says('/kehoach', 'private', { replyTo: last.message!.message_id })
    expect(t.lastBotText(lan)).toContain('📋 Phát triển văn hóa đọc trong cộng đồng')
    expect(t.lastBotText(lan)).not.toContain('Văn bản có vẻ chưa trọn vẹn')
  })

  it('warns when the plan looks cut, suggesting a file', async () => {
    const parts = split(long)
    const first = await lan.says(parts[0]!, 'private')
    // The rest comes a minute later: another message, not the same paste.
    t.clock.set('2024-04-15T01:01:00Z')
    await lan.says(parts[1]!, 'private')
    await lan.says('/kehoach', 'private', { replyTo: first.message!.message_id })
    expect(t.lastBotText(lan)).toContain(
      '⚠️ Văn bản có vẻ chưa trọn vẹn: không thấy phần «Nơi nhận» và chữ ký. Văn bản dài dán vào có thể đã bị Telegram tách thành nhiều tin; Anh/Chị nên gửi kế hoạch dưới dạng tệp (.docx, .pdf hoặc .txt).',
    )
  })
})

describe('/kehoach with a PDF (issue 16, rule 14)', () => {
  it('previews a PDF with a text layer and refuses a scan, saying why', async () => {
    const { pdfOf } = await import('../../domain/plans/pdf-builder.js')
    const { hardWrap } = await import('../../domain/plans/text-shapes.js')
    // A page holds about 85 characters a line.
    const lines = hardWrap(SEED.toString('utf8').replace(/\*\*/g, ''), 85)
      .split('\n')
      .filter((line) => line.trim() !== '')
    await lan.sendsFile('private', { fileName: 'ke-hoach.pdf', content: pdfOf(lines) }, '/kehoach')
    expect(t.lastBotText(lan)).toContain('Hạn báo cáo: 05/05/2024')
    await lan.sendsFile(
      'private',
      { fileName: 'ban-chup.pdf', content: pdfOf([], { scan: true }) },
      '/kehoach',
    )
    expect(t.lastBotText(lan)).toBe(
      'Tệp PDF này là bản chụp (bản quét), không có lớp chữ nên Loa không đọc được nội dung. Anh/Chị gửi bản .docx hoặc bản PDF xuất trực tiếp từ Word.',
    )
    expect(await campaignCount()).toBe(0)
  })
})
