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
    expect(t.lastBotText(office)).toContain('NGAYSACH2024 (nháp) — Tổ chức các hoạt động Ngày Sách')
    expect(t.lastBotText(office)).toContain('Thời gian: 15/04/2024 – 03/05/2024')
    await office.says('/chiendich ngaysach2024', 'private')
    const detail = t.lastBotText(office)
    expect(detail).toContain('Đọc sách và chia sẻ cảm nhận')
    expect(detail).toContain('(tham gia; chủ trì: —; thời hạn: 30/04/2024)')
    expect(detail).toContain('Đơn vị nhận: U1, U2, U3')
    await office.says('/chiendich NGAYSACH2024 batdau', 'private')
    expect(t.lastBotText(office)).toBe('Chiến dịch NGAYSACH2024 nay đang chạy.')
    await office.says('/chiendich NGAYSACH2024 ketthuc', 'private')
    expect(t.lastBotText(office)).toBe('Chiến dịch NGAYSACH2024 nay đã kết thúc.')
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
      'Lệnh /chiendich chỉ dành cho Văn phòng, quản trị viên, dùng trong tin nhắn riêng với bot.',
    )
    expect(await t.db.selectFrom('campaign').select('status').executeTakeFirst()).toEqual({
      status: 'draft',
    })
  })
})
