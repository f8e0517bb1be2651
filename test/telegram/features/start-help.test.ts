import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importRoster } from '../../../src/domain/units/import-roster.js'
import { importUnits } from '../../../src/domain/units/import-units.js'
import { TestBot } from '../../support/test-bot.js'

const ADMIN = 500
let t: TestBot

beforeEach(async () => {
  t = await TestBot.start({ admins: [ADMIN] })
  await importUnits(t.app.deps, 'code,name,parent_code\nVP,Văn phòng Sở,\n')
  await importRoster(
    t.app.deps,
    'unit_code,full_name,telegram_id,username,role\nVP,Nguyễn Thị Lan,1001,,office\nVP,Trần Văn Minh,1002,,\n',
  )
})
afterEach(() => t.stop())

describe('/start', () => {
  it('greets by role, links the private chat and sets a personal menu', async () => {
    const lan = t.person({ id: 1001, first_name: 'Lan' })
    await lan.says('/start', 'private')
    const reply = t.lastBotText(lan)
    expect(reply).toContain('Xin chào Anh/Chị Nguyễn Thị Lan (Văn phòng Sở)!')
    expect(reply).toContain('/donvi (/units)')
    expect(
      await t.db
        .selectFrom('member')
        .select('private_chat_id')
        .where('telegram_id', '=', 1001)
        .executeTakeFirst(),
    ).toEqual({ private_chat_id: 1001 })
    const menu = t.api.commands({ type: 'chat', chat_id: 1001 })
    expect(menu.map((c) => c.command)).toEqual([
      'start',
      'trogiup',
      'ngonngu',
      'cuatoi',
      'thamgia',
      'kehoach',
      'chiendich',
      'gui',
      'lich',
      'nhacnho',
      'lichnghi',
      'donvi',
      'baocao',
      'tonghop',
      'nopbaocao',
      'xuat',
    ])
  })

  it('shows a member only what a member may use', async () => {
    const minh = t.person({ id: 1002, first_name: 'Minh' })
    await minh.says('/start', 'private')
    expect(t.lastBotText(minh)).toContain('Xin chào Anh/Chị Trần Văn Minh (Văn phòng Sở)!')
    expect(t.lastBotText(minh)).not.toContain('/donvi')
  })

  it('answers in English to an English Telegram client', async () => {
    const guest = t.person({ id: 1003, first_name: 'Anna', language_code: 'en-GB' })
    await guest.says('/start', 'private')
    expect(t.lastBotText(guest)).toContain('Hello Anna (no unit yet)!')
    await guest.says('/help', 'private')
    expect(t.lastBotText(guest)).toContain('You are using Loa as a member.')
  })

  it('remembers a language chosen with /ngonngu over the client language', async () => {
    const minh = t.person({ id: 1002, first_name: 'Minh', language_code: 'vi' })
    await minh.says('/ngonngu en', 'private')
    expect(t.lastBotText(minh)).toBe('Switched to English.')
    await minh.says('/trogiup', 'private')
    expect(t.lastBotText(minh)).toContain('You are using Loa as a member.')
  })
})

describe('/trogiup', () => {
  it('in a group lists the group commands for this person', async () => {
    const vp = t.group(-1001, 'Văn phòng Sở')
    const admin = t.person({ id: ADMIN, first_name: 'Hùng' })
    await admin.says('/dangky VP', vp)
    await admin.says('/trogiup', vp)
    expect(t.lastBotText(vp)).toContain('/dangky (/register)')
    await t.person({ id: 1002, first_name: 'Minh' }).says('/trogiup', vp)
    expect(t.lastBotText(vp)).not.toContain('/dangky')
  })
})

describe('menus', () => {
  it('are published per scope and language at start', () => {
    const names = (scope: Parameters<typeof t.api.commands>[0], language?: string) =>
      t.api.commands(scope, language).map((c) => c.command)
    expect(names({ type: 'all_private_chats' })).toEqual([
      'start',
      'trogiup',
      'ngonngu',
      'cuatoi',
      'thamgia',
    ])
    expect(names({ type: 'all_private_chats' }, 'en')).toEqual([
      'start',
      'help',
      'language',
      'mine',
      'join',
    ])
    expect(names({ type: 'all_group_chats' }, 'vi')).toEqual(['trogiup', 'thamgia'])
    expect(names({ type: 'all_chat_administrators' }, 'vi')).toEqual([
      'trogiup',
      'thamgia',
      'dangky',
      'truongdonvi',
      'baocao',
      'nopbaocao',
    ])
  })
})

describe('/donvi and /phanquyen', () => {
  it('lets the office list and add units', async () => {
    const lan = t.person({ id: 1001, first_name: 'Lan' })
    await lan.says('/donvi them TTCNTT Trung tâm Công nghệ thông tin', 'private')
    expect(t.lastBotText(lan)).toBe('Đã thêm đơn vị TTCNTT — Trung tâm Công nghệ thông tin.')
    await lan.says('/donvi', 'private')
    expect(t.lastBotText(lan)).toContain('Có 2 đơn vị:')
    expect(t.lastBotText(lan)).toContain('TTCNTT — Trung tâm Công nghệ thông tin')
  })

  it('refuses /donvi to a member', async () => {
    const minh = t.person({ id: 1002, first_name: 'Minh' })
    await minh.says('/donvi', 'private')
    expect(t.lastBotText(minh)).toBe(
      'Lệnh /donvi chỉ dành cho Văn phòng Sở và quản trị viên, dùng trong tin nhắn riêng với Loa.',
    )
  })

  it('lets an admin grant a role, recorded in the audit log', async () => {
    const admin = t.person({ id: ADMIN, first_name: 'Hùng' })
    await admin.says('/phanquyen 1002 leader', 'private')
    expect(t.lastBotText(admin)).toBe('Đã giao vai trò Lãnh đạo Sở cho đồng chí Trần Văn Minh.')
    expect(
      await t.db
        .selectFrom('member')
        .select('role')
        .where('telegram_id', '=', 1002)
        .executeTakeFirst(),
    ).toEqual({ role: 'leader' })
    await admin.says('/phanquyen 1002 boss', 'private')
    expect(t.lastBotText(admin)).toContain('Vai trò «boss» không hợp lệ')
  })
})
