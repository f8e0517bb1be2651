import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedWorld, type World } from '../../support/seed-world.js'
import { TestBot, type Person } from '../../support/test-bot.js'

let t: TestBot
let world: World
let office: Person

beforeEach(async () => {
  t = await TestBot.start()
  world = await seedWorld(t.app.deps, { groups: 200 })
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
})
afterEach(() => t.stop())

async function gui(args: string): Promise<string> {
  const composed = await office.says('Thông báo gửi cả tỉnh', 'private')
  await office.says(`/gui ${world.campaignCode} ngay ${args}`, 'private', {
    replyTo: composed.message!.message_id,
  })
  return t.lastBotText(office)
}

const codes = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `U${from + i}`).join(' ')

describe('/gui at a province’s scale (PRODUCT §9 "no reply depends on the data staying small")', () => {
  it('200 units: the preview counts them, names the first few, and the broadcast can be confirmed', async () => {
    const preview = await gui(codes(1, 200))
    expect(preview.length).toBeLessThanOrEqual(4096)
    expect(preview).toContain('Gửi 1 lần tới 200 nhóm')
    expect(preview).toContain('Đơn vị nhận (200):')
    expect(preview).toContain('• U1 — Phòng số 1 (1 nhóm)')
    expect(preview).toContain('… và 190 đơn vị khác')
    expect(preview).not.toContain('Phòng số 150')
    await t.confirmLast(office)
    expect(t.lastBotText(office)).toMatch(/^Đã lên lịch gửi thông báo số \d+ tới 200 nhóm lúc /)
    expect(await t.db.selectFrom('delivery').select('id').execute()).toHaveLength(200)
  })

  it('400 units, half without a group: those are counted and the first ten named', async () => {
    for (let i = 201; i <= 400; i++)
      await t.db
        .insertInto('unit')
        .values({ code: `U${i}`, name: `Phòng số ${i}`, parent_id: null })
        .execute()
    const preview = await gui(codes(1, 400))
    expect(preview.length).toBeLessThanOrEqual(4096)
    expect(preview).toContain('Gửi 1 lần tới 200 nhóm')
    expect(preview).toContain(
      '⚠️ 200 đơn vị chưa có nhóm sẽ không nhận được: U201, U202, U203, U204, U205, U206, U207, U208, U209, U210 và 190 đơn vị khác',
    )
    await t.confirmLast(office)
    expect(await t.db.selectFrom('delivery').select('id').execute()).toHaveLength(200)
    expect(await t.db.selectFrom('broadcast_target').select('unit_id').execute()).toHaveLength(400)
  })

  it('tatca targets every unit that has a group, and only those', async () => {
    await t.db
      .insertInto('unit')
      .values({ code: 'KHAC', name: 'Không nhóm', parent_id: null })
      .execute()
    const preview = await gui('tatca')
    expect(preview).toContain('Đơn vị nhận (200):')
    expect(preview).not.toContain('chưa có nhóm')
    await t.confirmLast(office)
    expect(await t.db.selectFrom('delivery').select('id').execute()).toHaveLength(200)
  })

  it('/lich <số> of a 200-group broadcast: counts by state, failed groups first with their reasons, the rest counted', async () => {
    await gui('tatca')
    await t.confirmLast(office)
    const broadcast = await t.db.selectFrom('broadcast').select('id').executeTakeFirstOrThrow()
    const rows = await t.db.selectFrom('delivery').select('id').orderBy('id').execute()
    // As the sender would leave them: 40 refused by Telegram, 150 sent, 10 still waiting.
    for (const [i, row] of rows.slice(0, 190).entries()) {
      await t.db
        .updateTable('delivery')
        .set(
          i < 40
            ? {
                state: 'failed',
                attempts: 1,
                error_code: 400,
                failure_reason: 'Bad Request: not enough rights to send text messages to the chat',
              }
            : { state: 'sent', message_id: 1000 + i, sent_at: '2024-04-15T01:00:00.000Z' },
        )
        .where('id', '=', row.id)
        .execute()
    }
    const before = t.api.botMessages(office.id).length
    await office.says(`/lich ${broadcast.id}`, 'private')
    const replies = t.botTexts(office).slice(before)
    expect(replies.length).toBeGreaterThanOrEqual(1)
    for (const text of replies) expect(text.length).toBeLessThanOrEqual(4096)
    const all = replies.join('\n')
    expect(all).toContain('Đã gửi 150/200 nhóm · 40 nhóm lỗi')
    const firstGroupLine = all.split('\n').find((l) => /^[❌✅⏳]/u.test(l))
    expect(firstGroupLine).toMatch(
      /^❌ U\d+ — Nhóm phòng \d+: chưa gửi được sau 1 lần thử \(Bad Request: not enough rights/,
    )
    expect(all).toContain('… và 10 nhóm chưa gửi được khác')
    expect(all).toContain('… và 120 nhóm đã gửi khác')
    expect(all).not.toContain('nhóm đang chờ gửi khác')
    // Issue 12: copies are out, so they may be corrected or recalled too.
    expect(t.buttons(office).map((b) => b.text)).toEqual([
      '🔁 Gửi lại các nhóm lỗi (40)',
      '✏️ Sửa nội dung',
      '🗑 Thu hồi',
    ])
  })
})
