import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importRoster } from '../../../src/domain/units/import-roster.js'
import { importUnits } from '../../../src/domain/units/import-units.js'
import { TestBot, type Person } from '../../support/test-bot.js'

const SEED = readFileSync(
  new URL('../../fixtures/plans/seeds/000_fcb74c43ec1f80d8.txt', import.meta.url),
)
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
    expect(activities.map((a) => [a.kind, a.due_on])).toEqual([
      ['participation', null],
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
      'Tệp không phải văn bản đọc được (có thể là tệp nhị phân hoặc hỏng). Anh/Chị gửi tệp .txt, .md hoặc .docx.',
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
