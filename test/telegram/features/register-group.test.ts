import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importUnits } from '../../../src/domain/units/import-units.js'
import { TestBot } from '../../support/test-bot.js'

const ADMIN = 500
let t: TestBot

beforeEach(async () => {
  t = await TestBot.start({ admins: [ADMIN] })
  await importUnits(
    t.app.deps,
    'code,name,parent_code\nVP,Văn phòng Sở,\nTTCNTT,Trung tâm Công nghệ thông tin,\n',
  )
})
afterEach(() => t.stop())

describe('/dangky', () => {
  it('links the group to the unit when an admin asks, and says the bot can see reactions', async () => {
    const admin = t.person({ id: ADMIN, first_name: 'Hùng', last_name: 'Trần Mạnh' })
    const vp = t.group(-1001, 'Văn phòng Sở', { botAdmin: true })
    await admin.says('/dangky vp', vp)
    expect(t.lastBotText(vp)).toContain('Đã liên kết nhóm này với đơn vị Văn phòng Sở (VP)')
    expect(t.lastBotText(vp)).toContain('Loa là quản trị viên của nhóm')
    const row = await t.db
      .selectFrom('unit_chat')
      .innerJoin('unit', 'unit.id', 'unit_chat.unit_id')
      .select(['code', 'chat_id', 'bot_is_admin', 'is_active'])
      .executeTakeFirst()
    expect(row).toEqual({ code: 'VP', chat_id: -1001, bot_is_admin: 1, is_active: 1 })
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_telegram_id'])
      .execute()
    expect(audit).toContainEqual({ action: 'group.register', actor_telegram_id: ADMIN })
  })

  it('warns when the bot is not an admin of the group', async () => {
    const admin = t.person({ id: ADMIN, first_name: 'Hùng' })
    const tt = t.group(-1002, 'TT CNTT', { botAdmin: false })
    await admin.says('/dangky@loa_test_bot TTCNTT', tt)
    expect(t.lastBotText(tt)).toContain(
      'Đã liên kết nhóm này với đơn vị Trung tâm Công nghệ thông tin',
    )
    expect(t.lastBotText(tt)).toContain('Loa chưa là quản trị viên của nhóm')
    expect(await t.db.selectFrom('unit_chat').select('bot_is_admin').executeTakeFirst()).toEqual({
      bot_is_admin: 0,
    })
  })

  it('refuses anyone who is not an administrator, saying who may and where, and changes nothing', async () => {
    const lan = t.person({ id: 1001, first_name: 'Lan' })
    const vp = t.group(-1001, 'Văn phòng Sở')
    await lan.says('/dangky VP', vp)
    expect(t.lastBotText(vp)).toBe(
      'Lệnh /dangky chỉ dành cho quản trị viên, dùng trong nhóm của đơn vị.',
    )
    expect(await t.db.selectFrom('unit_chat').selectAll().execute()).toEqual([])
  })

  it('names an unknown code and shows the known ones', async () => {
    const admin = t.person({ id: ADMIN, first_name: 'Hùng' })
    const vp = t.group(-1001, 'Văn phòng Sở')
    await admin.says('/dangky XYZ', vp)
    expect(t.lastBotText(vp)).toBe(
      'Không có đơn vị mã «XYZ». Các mã hiện có: TTCNTT, VP. Ví dụ: /dangky TTCNTT',
    )
    expect(await t.db.selectFrom('unit_chat').selectAll().execute()).toEqual([])
  })

  it('is refused in a private chat', async () => {
    const admin = t.person({ id: ADMIN, first_name: 'Hùng' })
    await admin.says('/dangky VP', 'private')
    expect(t.lastBotText(admin)).toBe('Lệnh /dangky dùng trong nhóm của đơn vị.')
  })
})
