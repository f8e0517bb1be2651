import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { seedWorld, type World } from '../../support/seed-world.js'
import { TestBot, type Chat, type Person } from '../../support/test-bot.js'

let t: TestBot
let world: World
let groups: Chat[]
let office: Person
let leaderA: Person
let leaderB: Person

async function addLeader(telegramId: number, name: string): Promise<void> {
  await t.db
    .insertInto('member')
    .values({
      telegram_id: telegramId,
      username: null,
      full_name: name,
      unit_id: null,
      role: 'leader',
      telegram_language: null,
      chosen_language: null,
      private_chat_id: telegramId,
      last_seen_at: null,
    })
    .execute()
}

function people() {
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
  leaderA = t.person({ id: 51, first_name: 'Lãnh đạo', last_name: 'Một' })
  leaderB = t.person({ id: 52, first_name: 'Lãnh đạo', last_name: 'Hai' })
}

beforeEach(async () => {
  // 07:00 in Hà Nội on Monday 15/04/2024.
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T00:00:00Z') })
  world = await seedWorld(t.app.deps)
  groups = world.units.map((u, i) => t.group(u.chatId, `Nhóm phòng ${i + 1}`))
  people()
  await addLeader(51, 'Lãnh đạo Một')
  await addLeader(52, 'Lãnh đạo Hai')
  await startLeaders()
})

/** Leaders have a private chat with Loa (Telegram refuses to write first). */
async function startLeaders(): Promise<void> {
  await leaderA.says('/start', 'private')
  await leaderB.says('/start', 'private')
}
afterEach(() => t.stop())

/** Turns approval on, composes and confirms a /gui; returns the broadcast id. */
async function sendForApproval(when = '15/4 08:00'): Promise<number> {
  await office.says('/chiendich NGAYSACH2024 duyet bat', 'private')
  expect(t.lastBotText(office)).toBe(
    'Từ nay thông báo của chiến dịch NGAYSACH2024 phải được Lãnh đạo Sở duyệt trước khi gửi.',
  )
  const composed = await office.says('📚 Mỗi người đọc một cuốn sách hay!', 'private')
  await office.says(`/gui NGAYSACH2024 ${when}`, 'private', {
    replyTo: composed.message!.message_id,
  })
  expect(t.lastBotText(office)).toContain('Chiến dịch này cần Lãnh đạo Sở duyệt trước khi gửi.')
  await t.confirmLast(office)
  expect(t.lastBotText(office)).toMatch(/đang chờ Lãnh đạo Sở duyệt; chưa gửi đi/)
  const row = await t.db.selectFrom('broadcast').select('id').executeTakeFirstOrThrow()
  return row.id
}

const deliveries = () => t.db.selectFrom('delivery').select('state').execute()
const groupTexts = () => groups.flatMap((g) => t.botTexts(g))
const press = async (who: Person, label: string) => {
  const message = t.api.botMessages(who.id).at(-1)!
  const button = t.buttons(who).find((b) => b.text === label)!
  await who.presses('private', message.message_id, button.callback_data)
}

describe('approval before sending (issue 12)', () => {
  it('sends nothing until a leader approves; the second leader is told who did', async () => {
    const id = await sendForApproval()
    expect(await deliveries()).toEqual([])
    await t.runSenderAt('2024-04-15T00:00:01Z')
    for (const leader of [leaderA, leaderB]) {
      // The broadcast itself, copied, then the request with the two buttons.
      expect(t.botTexts(leader).slice(1)).toEqual([
        '📚 Mỗi người đọc một cuốn sách hay!',
        expect.stringContaining(`Đề nghị duyệt thông báo số ${id}`),
      ])
      expect(t.lastBotText(leader)).toContain('Thời điểm gửi: 15/04/2024 08:00')
      expect(t.lastBotText(leader)).toContain('Đơn vị nhận: U1, U2, U3')
      expect(t.buttons(leader).map((b) => b.text)).toEqual(['✅ Duyệt', '↩️ Trả lại'])
    }
    await t.runSenderAt('2024-04-15T00:59:00Z')
    expect(groupTexts()).toEqual([])

    // Someone who is not a leader cannot press it.
    const request = t.api.botMessages(leaderA.id).at(-1)!
    const approveData = t.buttons(leaderA)[0]!.callback_data
    await office.presses('private', request.message_id, approveData, { forged: true })
    expect(t.api.callbackAnswers.at(-1)).toMatchObject({ show_alert: true })
    expect(await deliveries()).toEqual([])

    const requestB = t.api.botMessages(leaderB.id).at(-1)!
    const approveB = t.buttons(leaderB)[0]!.callback_data
    await press(leaderA, '✅ Duyệt')
    expect(t.lastBotText(leaderA)).toContain(`Anh/Chị đã duyệt thông báo số ${id}`)
    // The second leader's request says who decided, its buttons gone (an edit through the queue).
    await t.runSenderAt('2024-04-15T00:59:30Z')
    expect(t.lastBotText(leaderB)).toMatch(
      new RegExp(
        `Đơn vị nhận: U1, U2, U3[\\s\\S]*Thông báo số ${id} đã được duyệt bởi đồng chí Lãnh đạo Một\\.$`,
      ),
    )
    expect(t.buttons(leaderB)).toEqual([])
    // A press on the old buttons (a client that had not refreshed) is told who did.
    await leaderB.presses('private', requestB.message_id, approveB, { forged: true })
    expect(t.api.callbackAnswers.at(-1)).toMatchObject({
      text: `Thông báo số ${id} đã được duyệt bởi đồng chí Lãnh đạo Một.`,
      show_alert: true,
    })
    await t.runSenderAt('2024-04-15T01:00:00Z')
    expect(t.lastBotText(office)).toBe(
      `✅ Thông báo số ${id} đã được đồng chí Lãnh đạo Một duyệt và sẽ gửi lúc 15/04/2024 08:00.`,
    )
    expect(groupTexts()).toEqual(groups.map(() => '📚 Mỗi người đọc một cuốn sách hay!'))
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', 'like', 'broadcast.%')
      .orderBy('id')
      .execute()
    expect(audit.map((a) => a.action)).toEqual([
      'broadcast.schedule',
      'broadcast.approval-requested',
      'broadcast.approve',
    ])
  })

  it('asks the reason in the next message, across a restart, and tells the sender', async () => {
    const id = await sendForApproval()
    await t.runSenderAt('2024-04-15T00:00:01Z')
    const requestB = t.api.botMessages(leaderB.id).at(-1)!
    const approveB = t.buttons(leaderB)[0]!.callback_data
    await press(leaderA, '↩️ Trả lại')
    expect(t.lastBotText(leaderA)).toBe(
      `Anh/Chị nhắn lý do trả lại thông báo số ${id} trong tin nhắn tiếp theo.`,
    )
    // Restart: a new process on the same database.
    await t.restart()
    await leaderA.says('Đề nghị bổ sung thời gian tổ chức', 'private')
    expect(t.lastBotText(leaderA)).toBe(
      `Đã trả lại thông báo số ${id} kèm lý do; người soạn đã được báo.`,
    )
    await t.runSenderAt('2024-04-15T01:00:00Z')
    expect(t.lastBotText(office)).toBe(
      `↩️ Thông báo số ${id} đã bị đồng chí Lãnh đạo Một trả lại, chưa gửi đi. Lý do: Đề nghị bổ sung thời gian tổ chức`,
    )
    expect(groupTexts()).toEqual([])
    expect(await deliveries()).toEqual([])
    // The next message is an ordinary one again.
    expect(await t.db.selectFrom('pending_action').selectAll().execute()).toEqual([])
    await leaderA.says('Cảm ơn', 'private')
    expect(t.lastBotText(leaderA)).not.toMatch(/^Đã trả lại/)
    // The second leader's request was edited to say so, its buttons gone; an old press is told too.
    expect(t.lastBotText(leaderB)).toMatch(/đã được đồng chí Lãnh đạo Một trả lại\.$/)
    expect(t.buttons(leaderB)).toEqual([])
    await leaderB.presses('private', requestB.message_id, approveB, { forged: true })
    expect(t.api.callbackAnswers.at(-1)?.text).toBe(
      `Thông báo số ${id} đã được đồng chí Lãnh đạo Một trả lại.`,
    )
    const status = await t.db.selectFrom('broadcast').select(['status', 'review_note']).execute()
    expect(status).toEqual([
      { status: 'rejected', review_note: 'Đề nghị bổ sung thời gian tổ chức' },
    ])
  })

  it('an approval less than an hour late sends now; later it asks the sender for a new time', async () => {
    const id = await sendForApproval('15/4 08:00')
    await t.runSenderAt('2024-04-15T01:30:00Z') // 08:30, half an hour late
    await press(leaderA, '✅ Duyệt')
    await t.runSenderAt('2024-04-15T01:30:01Z')
    expect(groupTexts()).toHaveLength(3)
    expect(t.lastBotText(office)).toContain('sẽ gửi lúc 15/04/2024 08:30')

    const composed = await office.says('Thông báo thứ hai', 'private')
    await office.says('/gui NGAYSACH2024 15/4 09:00', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(office)
    const second = id + 1
    await t.runSenderAt('2024-04-15T04:00:00Z') // 11:00, two hours late
    await press(leaderB, '✅ Duyệt')
    expect(t.lastBotText(leaderB)).toContain('người soạn sẽ chọn thời điểm mới')
    await t.runSenderAt('2024-04-15T04:00:01Z')
    expect(t.lastBotText(office)).toContain(
      `Thông báo số ${second} đã được đồng chí Lãnh đạo Hai duyệt nhưng thời điểm gửi 15/04/2024 09:00 đã qua hơn một giờ`,
    )
    expect(groupTexts()).toHaveLength(3)
    await office.says('hôm qua', 'private')
    expect(t.lastBotText(office)).toContain('Ví dụ')
    await office.says('14:00', 'private')
    expect(t.lastBotText(office)).toBe(
      `Đã lên lịch gửi thông báo số ${second} lúc 15/04/2024 14:00.`,
    )
    await t.runSenderAt('2024-04-15T06:59:00Z')
    expect(groupTexts()).toHaveLength(3)
    await t.runSenderAt('2024-04-15T07:00:00Z')
    expect(groupTexts()).toHaveLength(6)
  })

  it('a leader who composed the broadcast cannot approve it', async () => {
    await t.db.updateTable('member').set({ role: 'office' }).where('telegram_id', '=', 52).execute()
    await t.db.updateTable('campaign').set({ requires_approval: 1 }).execute()
    const composed = await leaderB.says('Thông báo của lãnh đạo', 'private')
    await leaderB.says('/gui NGAYSACH2024 15/4 08:00', 'private', {
      replyTo: composed.message!.message_id,
    })
    await t.confirmLast(leaderB)
    await t.db.updateTable('member').set({ role: 'leader' }).where('telegram_id', '=', 52).execute()
    await t.runSenderAt('2024-04-15T00:00:01Z')
    // Only the other leader is asked.
    expect(t.botTexts(leaderA)).toHaveLength(3)
    expect(t.botTexts(leaderB)).toHaveLength(2) // /start, the preview turned «chờ duyệt»
    const id = (await t.db.selectFrom('broadcast').select('id').executeTakeFirstOrThrow()).id
    const data = t.buttons(leaderA)[0]!.callback_data
    const ownMessage = t.api.botMessages(leaderB.id).at(-1)!
    await leaderB.presses('private', ownMessage.message_id, data, { forged: true })
    expect(t.api.callbackAnswers.at(-1)?.text).toBe(
      `Anh/Chị là người soạn thông báo số ${id} nên không tự duyệt được; cần một Lãnh đạo Sở khác duyệt.`,
    )
    expect(await deliveries()).toEqual([])
  })

  it('refuses a bad switch with an example; /lich shows what waits for approval', async () => {
    await office.says('/chiendich NGAYSACH2024 duyet co', 'private')
    expect(t.lastBotText(office)).toBe(
      'Không hiểu «co». Ghi «bat» để bật hoặc «tat» để tắt việc duyệt, ví dụ: /chiendich NGAYSACH2024 duyet bat',
    )
    await sendForApproval()
    await office.says('/lich', 'private')
    expect(t.lastBotText(office)).toContain('chờ duyệt')
  })
})
