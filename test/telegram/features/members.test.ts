import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importUnits } from '../../../src/domain/units/import-units.js'
import { TestBot, type Chat } from '../../support/test-bot.js'

const ADMIN = 500
let t: TestBot
let vp: Chat

beforeEach(async () => {
  t = await TestBot.start({ admins: [ADMIN] })
  await importUnits(t.app.deps, 'code,name,parent_code\nVP,Văn phòng Sở,\n')
  vp = t.group(-1001, 'Văn phòng Sở')
  await t.person({ id: ADMIN, first_name: 'Hùng' }).says('/dangky VP', vp)
})
afterEach(() => t.stop())

async function memberRow(telegramId: number) {
  return t.db
    .selectFrom('member')
    .leftJoin('unit', 'unit.id', 'member.unit_id')
    .leftJoin('chat_membership', 'chat_membership.member_id', 'member.id')
    .select(['full_name', 'unit.code', 'role', 'chat_membership.status'])
    .where('telegram_id', '=', telegramId)
    .executeTakeFirst()
}

describe('members are learned in a unit group', () => {
  it('from a message', async () => {
    await t.person({ id: 1001, first_name: 'Lan', last_name: 'Nguyễn Thị' }).says('Chào cả nhà', vp)
    expect(await memberRow(1001)).toEqual({
      full_name: 'Nguyễn Thị Lan',
      code: 'VP',
      role: 'member',
      status: 'present',
    })
  })

  it('from a reaction', async () => {
    const hung = t.person({ id: ADMIN, first_name: 'Hùng' })
    const sent = await hung.says('Thông báo họp', vp)
    const messageId = sent.message!.message_id
    await t
      .person({ id: 1002, first_name: 'Minh', last_name: 'Trần Văn' })
      .reacts(vp, messageId, ['👍'])
    expect(await memberRow(1002)).toEqual({
      full_name: 'Trần Văn Minh',
      code: 'VP',
      role: 'member',
      status: 'present',
    })
  })

  it('from a join, and a leave is recorded', async () => {
    const ha = t.person({ id: 1003, first_name: 'Hà', last_name: 'Lê Thu' })
    await ha.joins(vp)
    expect(await memberRow(1003)).toEqual({
      full_name: 'Lê Thu Hà',
      code: 'VP',
      role: 'member',
      status: 'present',
    })
    await ha.leaves(vp)
    expect(await memberRow(1003)).toMatchObject({ status: 'left' })
  })

  it('not from a group nobody registered', async () => {
    const other = t.group(-1009, 'Nhóm khác')
    await t.person({ id: 1004, first_name: 'Tuấn' }).says('Xin chào', other)
    expect(await memberRow(1004)).toBeUndefined()
  })

  it('a roster name is kept over the Telegram name', async () => {
    const { importRoster } = await import('../../../src/domain/units/import-roster.js')
    await importRoster(
      t.app.deps,
      'unit_code,full_name,telegram_id,username,role\nVP,Nguyễn Thị Lan,,lan_nt,\n',
    )
    await t.person({ id: 1001, first_name: 'Lan', username: 'lan_nt' }).says('Đã nhận', vp)
    expect(await memberRow(1001)).toEqual({
      full_name: 'Nguyễn Thị Lan',
      code: 'VP',
      role: 'member',
      status: 'present',
    })
    // The roster row was claimed by id, not duplicated (the admin wrote before the group was registered).
    expect(
      await t.db.selectFrom('member').select(t.db.fn.countAll().as('n')).executeTakeFirst(),
    ).toEqual({ n: 1 })
  })
})

describe('acting in a group is not belonging to its unit (issue 11, point 3)', () => {
  it('the administrator who registered the group and speaks in it stays outside the unit', async () => {
    const hung = t.person({ id: ADMIN, first_name: 'Hùng' })
    await hung.says('Chào các đồng chí', vp)
    await hung.says('/dangky VP', vp)
    expect(await memberRow(ADMIN)).toMatchObject({ code: null, status: 'present' })
    const overview = await t.db
      .selectFrom('member')
      .select('id')
      .where('unit_id', 'is not', null)
      .execute()
    expect(overview).toEqual([])
  })

  it('office staff and leaders acting in a group stay outside it; an ordinary member joins it', async () => {
    const hung = t.person({ id: ADMIN, first_name: 'Hùng' })
    const lan = t.person({ id: 1001, first_name: 'Lan', username: 'lan_vp' })
    const tam = t.person({ id: 1002, first_name: 'Tâm', username: 'tam_ld' })
    await lan.says('/start', 'private')
    await tam.says('/start', 'private')
    await hung.says('/phanquyen @lan_vp office', 'private')
    await hung.says('/phanquyen @tam_ld leader', 'private')
    await lan.says('Văn phòng nhắc các phòng', vp)
    await tam.says('Đề nghị các đồng chí lưu ý', vp)
    await t.person({ id: 1003, first_name: 'Hà' }).says('Đã nắm', vp)
    expect(await memberRow(1001)).toMatchObject({ role: 'office', code: null })
    expect(await memberRow(1002)).toMatchObject({ role: 'leader', code: null })
    expect(await memberRow(1003)).toMatchObject({ role: 'member', code: 'VP' })
  })

  it('the roster still places an administrator in a unit', async () => {
    const { importRoster } = await import('../../../src/domain/units/import-roster.js')
    await importRoster(
      t.app.deps,
      `unit_code,full_name,telegram_id,username,role\nVP,Trần Mạnh Hùng,${ADMIN},,\n`,
    )
    await t.person({ id: ADMIN, first_name: 'Hùng' }).says('Chào', vp)
    expect(await memberRow(ADMIN)).toMatchObject({ code: 'VP', full_name: 'Trần Mạnh Hùng' })
  })
})

describe('/truongdonvi', () => {
  it('makes the person replied to head of the unit, with an audit record', async () => {
    const lan = t.person({ id: 1001, first_name: 'Lan', last_name: 'Nguyễn Thị' })
    const hello = await lan.says('Em chào anh chị', vp)
    await t
      .person({ id: ADMIN, first_name: 'Hùng' })
      .says('/truongdonvi', vp, { replyTo: hello.message!.message_id })
    expect(t.lastBotText(vp)).toBe(
      'Đã giao vai trò trưởng đơn vị Văn phòng Sở cho đồng chí Nguyễn Thị Lan.',
    )
    expect(await memberRow(1001)).toMatchObject({ role: 'head', code: 'VP' })
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'role.grant')
      .execute()
    expect(audit).toHaveLength(1)
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ role: 'head', unit: 'VP' })
  })

  it('explains itself when not used as a reply', async () => {
    await t.person({ id: ADMIN, first_name: 'Hùng' }).says('/truongdonvi', vp)
    expect(t.lastBotText(vp)).toContain('trả lời một tin nhắn')
  })

  it('is refused to a member', async () => {
    const lan = t.person({ id: 1001, first_name: 'Lan' })
    const hello = await lan.says('Chào', vp)
    await t
      .person({ id: 1002, first_name: 'Minh' })
      .says('/truongdonvi', vp, { replyTo: hello.message!.message_id })
    expect(t.lastBotText(vp)).toBe(
      'Lệnh /truongdonvi chỉ dành cho quản trị viên, dùng trong nhóm của đơn vị.',
    )
    expect(await memberRow(1001)).toMatchObject({ role: 'member' })
  })
})

describe('a group nobody registered', () => {
  it('gets one short note and nothing else', async () => {
    const stranger = t.group(-1050, 'Nhóm lạ')
    const tuan = t.person({ id: 1004, first_name: 'Tuấn' })
    await tuan.says('/trogiup', stranger)
    await tuan.says('/start', stranger)
    await tuan.says('Có ai không?', stranger)
    expect(t.botTexts(stranger)).toEqual([
      'Nhóm này chưa được liên kết với đơn vị nào nên Loa chưa hoạt động ở đây. Quản trị viên Loa gõ /dangky <MÃ_ĐƠN_VỊ> trong nhóm để liên kết, ví dụ: /dangky VP',
    ])
  })
})
