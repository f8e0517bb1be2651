import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as deliveryMessages from '../../../migrations/0007-delivery-messages.js'
import { ManualClock } from '../../../src/clock.js'
import { seedWorld, type World } from '../../support/seed-world.js'
import { TestBot, type Chat, type Person } from '../../support/test-bot.js'

let t: TestBot
let world: World
let groups: Chat[]
let office: Person

beforeEach(async () => {
  // 07:00 in Hà Nội on Monday 15/04/2024.
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T00:00:00Z') })
  world = await seedWorld(t.app.deps)
  groups = world.units.map((u, i) => t.group(u.chatId, `Nhóm phòng ${i + 1}`))
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
})
afterEach(() => t.stop())

const buttons = (chat: Chat) => t.buttons(chat)
const confirmLastPreview = () => t.confirmLast(office)
const runSenderAt = (instant: string) => t.runSenderAt(instant)

const ackRows = () =>
  t.db
    .selectFrom('acknowledgement')
    .select(['member_id', 'source', 'broadcast_id'])
    .orderBy('id')
    .execute()

describe('/gui and the outbox', () => {
  it('sends at the scheduled time to every group, with the keyboard, and not before', async () => {
    const composed = await office.says(
      '📚 Hưởng ứng Ngày Sách: mỗi người đọc một cuốn sách hay!',
      'private',
    )
    await office.says('/gui NGAYSACH2024 15/4 08:00', 'private', {
      replyTo: composed.message!.message_id,
    })
    expect(t.lastBotText(office)).toContain('Thời điểm: 15/04/2024 08:00')
    expect(t.lastBotText(office)).toContain('Gửi 1 lần tới 3 nhóm')
    await confirmLastPreview()
    expect(t.lastBotText(office)).toMatch(
      /^Đã lên lịch gửi thông báo số \d+ tới 3 nhóm lúc 08:00 ngày 15\/04\/2024\. Theo dõi bằng \/lich \d+$/,
    )
    expect(await t.db.selectFrom('delivery').select('state').execute()).toEqual([
      { state: 'pending' },
      { state: 'pending' },
      { state: 'pending' },
    ])
    expect(groups.flatMap((g) => t.botTexts(g))).toEqual([])

    await runSenderAt('2024-04-15T01:00:00Z')
    for (const group of groups) {
      expect(t.botTexts(group)).toEqual([
        '📚 Hưởng ứng Ngày Sách: mỗi người đọc một cuốn sách hay!',
      ])
      expect(buttons(group).map((b) => b.text)).toEqual(['✅ Đã đọc (0)', '🙋 Tham gia (0)'])
    }
    const states = await t.db.selectFrom('delivery').select(['state', 'message_id']).execute()
    expect(states.every((d) => d.state === 'sent' && d.message_id !== null)).toBe(true)
  })

  it('a reaction on any photo of an album counts for its copy; one on a message of the group does not', async () => {
    const album = t.api.sendAlbum(9, 9, [{ kind: 'photo', caption: 'Ảnh 1' }, { kind: 'photo' }])
    await t.handled(album)
    await office.says('/gui NGAYSACH2024 ngay U1', 'private', {
      replyTo: album[0]!.message!.message_id,
    })
    await confirmLastPreview()
    await runSenderAt('2024-04-15T00:00:01Z')
    const group = groups[0]!
    const [, second] = t.api.botMessages(group.id)
    const minh = t.person({ id: 101, first_name: 'Minh' })
    const ha = t.person({ id: 102, first_name: 'Hà' })
    const chat = await ha.says('Ảnh đẹp quá', group)
    await ha.reacts(group, chat.message!.message_id, ['👍'])
    await minh.reacts(group, second!.message_id, ['👍'])
    const rows = await t.db.selectFrom('acknowledgement').select(['member_id', 'source']).execute()
    expect(rows).toHaveLength(1)
    expect(rows[0]!.source).toBe('reaction')
    // Migration 0007 fills the table in from the copies already sent: the same rows.
    const recorded = () =>
      t.db.selectFrom('delivery_message').selectAll().orderBy('message_id').execute()
    const before = await recorded()
    expect(before.map((r) => r.message_id)).toEqual(
      t.api.botMessages(group.id).map((m) => m.message_id),
    )
    await deliveryMessages.down(t.db)
    await deliveryMessages.up(t.db)
    expect(await recorded()).toEqual(before)
  })

  it('refuses a time in the past with a correct example, and an unknown campaign', async () => {
    const composed = await office.says('Thông báo', 'private')
    await office.says('/gui NGAYSACH2024 06:30', 'private', {
      replyTo: composed.message!.message_id,
    })
    expect(t.lastBotText(office)).toMatch(
      /^Thời điểm «06:30» đã qua\. Ví dụ một thời điểm hợp lệ: /,
    )
    await office.says('/gui KHONGCO 08:00', 'private', { replyTo: composed.message!.message_id })
    expect(t.lastBotText(office)).toContain('Không có chiến dịch mã «KHONGCO»')
    expect(await t.db.selectFrom('broadcast').selectAll().execute()).toEqual([])
  })

  it('keeps a photo with its caption and an album whole', async () => {
    const photo = t.api.sendPhoto(9, 9, { caption: 'Sách hay cần bạn đọc' })
    await t.handled(photo)
    await office.says('/gui NGAYSACH2024 ngay', 'private', { replyTo: photo.message!.message_id })
    await confirmLastPreview()
    await runSenderAt('2024-04-15T00:00:01Z')
    const entry = t.api.transcript(groups[0]!.id).at(-1)!
    expect(entry).toMatchObject({ kind: 'photo', text: 'Sách hay cần bạn đọc', from: 'bot' })

    const album = t.api.sendAlbum(9, 9, [
      { kind: 'photo', caption: 'Ảnh 1' },
      { kind: 'photo' },
      { kind: 'photo' },
    ])
    await t.handled(album)
    await office.says('/gui NGAYSACH2024 ngay U1', 'private', {
      replyTo: album[1]!.message!.message_id,
    })
    await confirmLastPreview()
    await runSenderAt('2024-04-15T00:00:02Z')
    const last = t.api.transcript(groups[0]!.id).slice(-4)
    expect(last.map((e) => e.kind)).toEqual(['photo', 'photo', 'photo', 'text'])
    expect(new Set(last.slice(0, 3).map((e) => e.media_group_id)).size).toBe(1)
    expect(last[0]!.text).toBe('Ảnh 1')
  })
})

describe('albums (PRODUCT §9: only a send in flight at a crash may repeat)', () => {
  it('a 429 on the button message after the album went out sends the buttons again, never the album', async () => {
    const album = t.api.sendAlbum(9, 9, [
      { kind: 'photo', caption: 'Ảnh 1' },
      { kind: 'photo' },
      { kind: 'photo' },
    ])
    await t.handled(album)
    await office.says('/gui NGAYSACH2024 ngay U1', 'private', {
      replyTo: album[0]!.message!.message_id,
    })
    await confirmLastPreview()
    const group = groups[0]!
    t.api.failNext('sendMessage', { status: 429, retryAfter: 1 }, { chatId: group.id })
    await runSenderAt('2024-04-15T00:00:01Z')
    const copied = () =>
      t.api.callsOf('copyMessages').filter((c) => c.ok && Number(c.params['chat_id']) === group.id)
    expect(copied()).toHaveLength(1)
    expect(buttons(group)).toEqual([])
    const waiting = await t.db
      .selectFrom('delivery')
      .select(['state', 'message_id', 'message_ids'])
      .executeTakeFirstOrThrow()
    expect(waiting.state).toBe('pending')
    expect(waiting.message_id).toBeNull()
    expect(JSON.parse(waiting.message_ids!)).toHaveLength(3)

    await runSenderAt('2024-04-15T00:00:03Z')
    expect(copied()).toHaveLength(1)
    const kinds = t.api.transcript(group.id).map((e) => e.kind)
    expect(kinds).toEqual(['photo', 'photo', 'photo', 'text'])
    expect(buttons(group).map((b) => b.text)).toEqual(['✅ Đã đọc (0)', '🙋 Tham gia (0)'])
    const sent = await t.db
      .selectFrom('delivery')
      .select(['state', 'message_id', 'message_ids'])
      .executeTakeFirstOrThrow()
    expect(sent.state).toBe('sent')
    expect(JSON.parse(sent.message_ids!)).toHaveLength(4)
    expect(sent.message_id).toBe(t.api.botMessages(group.id).at(-1)!.message_id)
  })
})

describe('acknowledgements', () => {
  let messageIds: number[]

  beforeEach(async () => {
    const composed = await office.says('Sách hay cần bạn đọc', 'private')
    await office.says('/gui NGAYSACH2024 ngay', 'private', {
      replyTo: composed.message!.message_id,
    })
    await confirmLastPreview()
    await runSenderAt('2024-04-15T00:00:01Z')
    messageIds = groups.map((g) => t.api.botMessages(g.id)[0]!.message_id)
  })

  it('by button (twice: counted once), reaction and reply; toasts answer; counts converge', async () => {
    const [g1, g2] = groups
    const minh = t.person({ id: 101, first_name: 'Minh' })
    const ha = t.person({ id: 102, first_name: 'Hà' })
    const tuan = t.person({ id: 201, first_name: 'Tuấn' })
    const ack = buttons(g1!)[0]!.callback_data
    await minh.presses(g1!, messageIds[0]!, ack)
    expect(t.api.callbackAnswers.at(-1)?.text).toBe('Đã ghi nhận Anh/Chị đã đọc. Xin cảm ơn!')
    await minh.presses(g1!, messageIds[0]!, ack)
    expect(t.api.callbackAnswers.at(-1)?.text).toBe('Anh/Chị đã xác nhận thông báo này rồi.')
    await ha.reacts(g1!, messageIds[0]!, ['👍'])
    await ha.reacts(g1!, messageIds[0]!, [])
    await tuan.says('Đã nắm', g2!, { replyTo: messageIds[1]! })
    const rows = await ackRows()
    expect(rows.map((r) => r.source)).toEqual(['button', 'reaction', 'reply'])

    // The sender refreshes counts at most every 10 s per message.
    await runSenderAt('2024-04-15T00:00:20Z')
    expect(buttons(g1!)[0]?.text).toBe('✅ Đã đọc (2)')
    expect(buttons(g2!)[0]?.text).toBe('✅ Đã đọc (1)')
    expect(buttons(groups[2]!)[0]?.text).toBe('✅ Đã đọc (0)')
  })

  it('forged data and a press in the wrong chat change nothing', async () => {
    const [g1, g2] = groups
    const minh = t.person({ id: 101, first_name: 'Minh' })
    await minh.presses(g1!, messageIds[0]!, 'v1:a:xyz', { forged: true })
    expect(t.api.callbackAnswers.at(-1)).toMatchObject({
      show_alert: true,
      text: 'Nút này đã cũ hoặc không hợp lệ; không có gì thay đổi.',
    })
    await minh.presses(g1!, messageIds[0]!, 'v9:a:1', { forged: true })
    // A button of another broadcast, pressed on this group's copy.
    await minh.presses(g2!, messageIds[1]!, 'v1:a:999', { forged: true })
    expect(t.api.callbackAnswers.at(-1)?.show_alert).toBe(true)
    expect(await ackRows()).toEqual([])
  })

  it('participation by button, one per member', async () => {
    const minh = t.person({ id: 101, first_name: 'Minh' })
    const join = buttons(groups[0]!)[1]!.callback_data
    await minh.presses(groups[0]!, messageIds[0]!, join)
    await minh.presses(groups[0]!, messageIds[0]!, join)
    expect(t.api.callbackAnswers.at(-1)?.text).toContain('Anh/Chị đã đăng ký tham gia rồi')
    expect(await t.db.selectFrom('participation').select(['source']).execute()).toEqual([
      { source: 'button' },
    ])
  })
})
