import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { MAX_MESSAGE_CHARS } from '../../../src/telegram/reply-parts.js'
import { seedWorld } from '../../support/seed-world.js'
import { TestBot, type Person } from '../../support/test-bot.js'

let t: TestBot
let office: Person

beforeEach(async () => {
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T00:00:00Z') })
  const world = await seedWorld(t.app.deps, { groups: 25 })
  // Long titles, as agencies name their groups: 25 of them cannot all be listed.
  for (const [i, unit] of world.units.entries()) {
    const title = `Nhóm trao đổi công việc của Phòng số ${i + 1} thuộc Sở Văn hoá, Thể thao và Du lịch tỉnh`
    t.group(unit.chatId, title)
    await t.db.updateTable('unit_chat').set({ title }).where('id', '=', unit.unitChatId).execute()
  }
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
})
afterEach(() => t.stop())

describe('«Thu hồi» of a broadcast to many groups (issue 12)', () => {
  it('reports every copy over 48 hours at once, naming 20 groups and counting the rest', async () => {
    const composed = await office.says('Thông báo cũ', 'private')
    await office.says('/gui NGAYSACH2024 ngay', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(office)
    await t.runSenderAt('2024-04-15T00:00:01Z')
    const { id } = await t.db.selectFrom('broadcast').select('id').executeTakeFirstOrThrow()
    t.clock.set('2024-04-17T01:00:00Z')
    await office.says(`/lich ${id}`, 'private')
    const list = t.api.botMessages(office.id).at(-1)!
    const recall = t.buttons(office).find((b) => b.text === '🗑 Thu hồi')!
    await office.presses('private', list.message_id, recall.callback_data)
    expect(t.lastBotText(office)).toBe(
      `🗑 Thu hồi thông báo số ${id}? Cả 25 bản đã gửi quá 48 giờ nên Loa không xoá được; thu hồi vẫn ngừng nhắc nhở và không tính thông báo này nữa. Loa sẽ báo tên các nhóm còn giữ bản.`,
    )
    const preview = t.api.botMessages(office.id).at(-1)!
    await t.confirmLast(office)
    // The preview says what was done; the report may already follow it (nothing to delete).
    const confirmed = t.api.botMessages(office.id).find((m) => m.message_id === preview.message_id)
    expect(confirmed?.text).toBe(
      `✅ Đã thu hồi thông báo số ${id}: không còn nhắc nhở hay tính vào báo cáo. Loa gửi ngay danh sách các nhóm còn giữ bản.`,
    )
    await t.runSenderAt('2024-04-17T01:00:01Z')
    const report = t.lastBotText(office)
    expect(report).toMatch(
      /^🗑 Đã thu hồi thông báo số \d+: đã xoá 0 bản\.\n\nKhông thu hồi được ở 25 nhóm/,
    )
    expect(report).toMatch(/ và 5 nhóm khác$/)
    expect(report.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS)
    expect(t.api.callsOf('deleteMessage')).toEqual([])
  })
})
