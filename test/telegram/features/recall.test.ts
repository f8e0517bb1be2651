import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { seedWorld, type World } from '../../support/seed-world.js'
import { TestBot, type Chat, type Person } from '../../support/test-bot.js'

let t: TestBot
let world: World
let groups: Chat[]
let office: Person
let head: Person
let reader: Person

beforeEach(async () => {
  // 07:00 in Hà Nội on Monday 15/04/2024.
  t = await TestBot.start({ clock: new ManualClock('2024-04-15T00:00:00Z') })
  world = await seedWorld(t.app.deps)
  groups = world.units.map((u, i) => t.group(u.chatId, `Nhóm phòng ${i + 1}`))
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
  // Người 1.1 heads U1.
  await t.db.updateTable('member').set({ role: 'head' }).where('telegram_id', '=', 101).execute()
  head = t.person({ id: 101, first_name: 'Người', last_name: '1.1' })
  reader = t.person({ id: 102, first_name: 'Người', last_name: '1.2' })
})
afterEach(() => t.stop())

/** Composes a text and sends it now with /gui (as a reply); returns the broadcast id. */
async function broadcast(who: Person, text: string, args = 'ngay'): Promise<number> {
  const composed = await who.says(text, 'private')
  await who.says(`/gui NGAYSACH2024 ${args}`, 'private', { replyTo: composed.message!.message_id })
  await t.confirmLast(who)
  const row = await t.db
    .selectFrom('broadcast')
    .select('id')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Presses the button with this label under the last message the bot sent this person. */
async function press(who: Person, label: string): Promise<void> {
  const message = t.api.botMessages(who.id).at(-1)!
  const button = t.buttons(who).find((b) => b.text === label)
  if (button === undefined) throw new Error(`no «${label}» under «${message.text ?? ''}»`)
  await who.presses('private', message.message_id, button.callback_data)
}

const copyIn = (group: Chat) => t.api.botMessages(group.id)[0]!
const lastAnswer = () => t.api.callbackAnswers.at(-1)
const outbound = (kind: string) =>
  t.db.selectFrom('outbound_message').selectAll().where('kind', '=', kind).execute()

describe('«Sửa nội dung» (issue 12)', () => {
  it('asks the text in the next message across a restart, previews, and edits every copy once, keeping buttons and counts', async () => {
    const id = await broadcast(office, '📚 Ngày Sách: mỗi người đọc một cuốn sách')
    await t.runSenderAt('2024-04-15T00:00:01Z')
    // A tap on group 1's copy, shown on its keyboard by the refresh.
    const tapped = copyIn(groups[0]!)
    await reader.presses(groups[0]!, tapped.message_id, t.buttons(groups[0]!)[0]!.callback_data)
    await t.runSenderAt('2024-04-15T00:00:30Z')
    expect(t.buttons(groups[0]!).map((b) => b.text)).toEqual(['✅ Đã đọc (1)', '🙋 Tham gia (0)'])

    await office.says(`/lich ${id}`, 'private')
    expect(t.buttons(office).map((b) => b.text)).toEqual(['✏️ Sửa nội dung', '🗑 Thu hồi'])
    await press(office, '✏️ Sửa nội dung')
    expect(lastAnswer()).not.toHaveProperty('show_alert')
    expect(t.lastBotText(office)).toBe(
      `Anh/Chị nhắn nội dung mới của thông báo số ${id} trong tin nhắn tiếp theo. Loa sẽ sửa 3 bản đã gửi, giữ nguyên các nút và số đếm.`,
    )
    await t.restart()
    await office.says('📚 Ngày Sách 21/4: mỗi người đọc một cuốn sách <hay>', 'private')
    expect(t.lastBotText(office)).toBe(
      [
        `✏️ Sửa nội dung thông báo số ${id}`,
        '',
        'Nội dung mới:',
        '📚 Ngày Sách 21/4: mỗi người đọc một cuốn sách <hay>',
        '',
        'Sẽ sửa 3 bản đã gửi; các nút và số đếm giữ nguyên. Anh/Chị bấm «Xác nhận» để sửa.',
      ].join('\n'),
    )
    const preview = t.api.botMessages(office.id).at(-1)!
    const confirm = t.buttons(office)[0]!
    await t.confirmLast(office)
    expect(t.lastBotText(office)).toBe(
      `✅ Đang sửa 3 bản của thông báo số ${id}; Loa sửa dần theo giới hạn của Telegram.`,
    )
    // A second press of the old «Xác nhận»: refused politely, nothing queued twice.
    await office.presses('private', preview.message_id, confirm.callback_data, { forged: true })
    expect(lastAnswer()).toMatchObject({ show_alert: true })
    expect(await outbound('broadcast-edit')).toHaveLength(3)

    await t.runSenderAt('2024-04-15T00:01:00Z')
    for (const [i, group] of groups.entries()) {
      expect(t.botTexts(group)).toEqual(['📚 Ngày Sách 21/4: mỗi người đọc một cuốn sách <hay>'])
      expect(t.buttons(group).map((b) => b.text)).toEqual([
        `✅ Đã đọc (${i === 0 ? 1 : 0})`,
        '🙋 Tham gia (0)',
      ])
    }
    expect((await outbound('broadcast-edit')).map((m) => m.state)).toEqual(['sent', 'sent', 'sent'])
    const stored = await t.db
      .selectFrom('broadcast')
      .select(['content_html', 'edited_at'])
      .executeTakeFirstOrThrow()
    expect(stored).toEqual({
      content_html: '📚 Ngày Sách 21/4: mỗi người đọc một cuốn sách &lt;hay&gt;',
      edited_at: '2024-04-15T00:00:30.000Z',
    })
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_telegram_id', 'details'])
      .where('action', '=', 'broadcast.correct')
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]!.actor_telegram_id).toBe(9)
    expect(JSON.parse(audit[0]!.details)).toMatchObject({ copies: 3 })
    // The conversation is over: the next message is an ordinary one again.
    expect(await t.db.selectFrom('pending_action').selectAll().execute()).toEqual([])
  })

  it("edits a photo's caption and an album's first caption; the album's button message keeps its buttons", async () => {
    const photo = t.api.sendPhoto(9, 9, { caption: 'Ảnh Ngày Sách' })
    await t.handled(photo)
    await office.says('/gui NGAYSACH2024 ngay U2', 'private', {
      replyTo: photo.message!.message_id,
    })
    await t.confirmLast(office)
    const album = t.api.sendAlbum(9, 9, [
      { kind: 'photo', caption: 'Ảnh 1' },
      { kind: 'photo' },
      { kind: 'photo' },
    ])
    await t.handled(album)
    await office.says('/gui NGAYSACH2024 ngay U1', 'private', {
      replyTo: album[0]!.message!.message_id,
    })
    await t.confirmLast(office)
    await t.runSenderAt('2024-04-15T00:00:01Z')
    const [photoId, albumId] = (
      await t.db.selectFrom('broadcast').select('id').orderBy('id').execute()
    ).map((b) => b.id)

    for (const [id, text] of [
      [photoId, 'Ảnh Ngày Sách (đã sửa)'],
      [albumId, 'Ảnh 1 (đã sửa)'],
    ] as const) {
      await office.says(`/lich ${id}`, 'private')
      await press(office, '✏️ Sửa nội dung')
      if (id === albumId) {
        // An album's text is a caption: Telegram takes 1,024 characters at most. The question stays open.
        await office.says('Sách '.repeat(220), 'private')
        expect(t.lastBotText(office)).toBe(
          'Nội dung mới dài 1.099 ký tự, quá giới hạn 1.024 ký tự của Telegram. Anh/Chị gửi lại nội dung ngắn hơn.',
        )
      }
      await office.says(text, 'private')
      expect(t.lastBotText(office)).toContain('Sẽ sửa 1 bản đã gửi')
      await t.confirmLast(office)
    }
    await t.runSenderAt('2024-04-15T00:01:00Z')
    expect(t.api.transcript(groups[1]!.id).map((e) => [e.kind, e.text])).toEqual([
      ['photo', 'Ảnh Ngày Sách (đã sửa)'],
    ])
    expect(t.buttons(groups[1]!).map((b) => b.text)).toEqual(['✅ Đã đọc (0)', '🙋 Tham gia (0)'])
    const inAlbumGroup = t.api.transcript(groups[0]!.id)
    expect(inAlbumGroup.map((e) => e.kind)).toEqual(['photo', 'photo', 'photo', 'text'])
    expect(inAlbumGroup[0]!.text).toBe('Ảnh 1 (đã sửa)')
    expect(t.buttons(groups[0]!).map((b) => b.text)).toEqual(['✅ Đã đọc (0)', '🙋 Tham gia (0)'])
  })
  it('edits a copy that reaches its group after the correction (a retried group) to the new text', async () => {
    // Group 3 refuses the first send, so it has no copy when the text is corrected.
    t.api.failNext(
      'copyMessage',
      { status: 400, description: 'Bad Request: not enough rights' },
      { chatId: groups[2]!.id },
    )
    const id = await broadcast(office, 'Nội dung cũ')
    await t.runSenderAt('2024-04-15T00:00:01Z')
    await office.says(`/lich ${id}`, 'private')
    await press(office, '✏️ Sửa nội dung')
    await office.says('Nội dung mới', 'private')
    await t.confirmLast(office)
    await t.runSenderAt('2024-04-15T00:01:00Z')
    expect(t.botTexts(groups[0]!)).toEqual(['Nội dung mới'])
    expect(t.botTexts(groups[2]!)).toEqual([])

    await office.says(`/lich ${id}`, 'private')
    await press(office, '🔁 Gửi lại các nhóm lỗi (1)')
    await t.runSenderAt('2024-04-15T00:02:00Z')
    await t.runSenderAt('2024-04-15T00:02:30Z')
    // The retried copy is of the original message, then edited once to the corrected text.
    expect(t.botTexts(groups[2]!)).toEqual(['Nội dung mới'])
    expect(t.buttons(groups[2]!).map((b) => b.text)).toEqual(['✅ Đã đọc (0)', '🙋 Tham gia (0)'])
    expect(await outbound('broadcast-edit')).toHaveLength(3)
  })
})

describe('«Thu hồi» (issue 12)', () => {
  it('deletes the copies within 48 hours, names the older ones, cancels the unsent, and refuses taps on a recalled copy', async () => {
    // Groups 2 and 3 refuse the first send; group 1's copy goes out at 07:00 on 15/04.
    for (const group of groups.slice(1))
      t.api.failNext(
        'copyMessage',
        { status: 400, description: 'Bad Request: not enough rights' },
        {
          chatId: group.id,
        },
      )
    const id = await broadcast(office, 'Thông báo cần thu hồi')
    await t.runSenderAt('2024-04-15T00:00:01Z')
    // 49 hours later the office retries: group 2 gets its copy, group 3 is still waiting (a 5xx).
    t.clock.set('2024-04-17T01:00:00Z')
    await office.says(`/lich ${id}`, 'private')
    t.api.failNext('copyMessage', { status: 502 }, { chatId: groups[2]!.id })
    await press(office, '🔁 Gửi lại các nhóm lỗi (2)')
    await t.runSenderAt('2024-04-17T01:00:01Z')
    const states = await t.db
      .selectFrom('delivery')
      .select(['chat_id', 'state'])
      .orderBy('chat_id', 'desc')
      .execute()
    expect(states.map((s) => s.state)).toEqual(['sent', 'sent', 'pending'])

    await reader.says('/cuatoi', 'private')
    expect(t.lastBotText(reader)).toContain('Thông báo chưa xác nhận đã đọc (1)')
    await office.says(`/lich ${id}`, 'private')
    await press(office, '🗑 Thu hồi')
    expect(t.lastBotText(office)).toBe(
      [
        `🗑 Thu hồi 1 bản đã gửi tới 1 nhóm? (thông báo số ${id}) Các bản đã gửi quá 48 giờ không thể thu hồi.`,
        '1 bản đã gửi quá 48 giờ sẽ vẫn còn trong nhóm; Loa sẽ báo tên các nhóm đó.',
      ].join('\n'),
    )
    const preview = t.api.botMessages(office.id).at(-1)!
    const confirm = t.buttons(office)[0]!
    await t.confirmLast(office)
    expect(t.lastBotText(office)).toBe(
      `✅ Đang thu hồi 1 bản của thông báo số ${id}; 1 bản chưa gửi đã được huỷ. Loa sẽ báo lại khi xong.`,
    )
    await office.presses('private', preview.message_id, confirm.callback_data, { forged: true })
    expect(lastAnswer()).toMatchObject({ show_alert: true })

    await t.runSenderAt('2024-04-17T01:00:30Z')
    // Group 2's copy is gone; group 1's (49 hours old) stays; group 3 never got one.
    expect(t.api.botMessages(groups[1]!.id)).toEqual([])
    expect(t.botTexts(groups[0]!)).toEqual(['Thông báo cần thu hồi'])
    expect(t.botTexts(groups[2]!)).toEqual([])
    expect(t.lastBotText(office)).toBe(
      [
        `🗑 Đã thu hồi thông báo số ${id}: đã xoá 1 bản.`,
        '',
        'Không thu hồi được ở 1 nhóm (gửi quá 48 giờ hoặc Telegram từ chối): Nhóm phòng 1',
      ].join('\n'),
    )
    expect(await outbound('recall-delete')).toHaveLength(1)
    expect(await outbound('recall-report')).toHaveLength(1)
    const after = await t.db
      .selectFrom('delivery')
      .select(['chat_id', 'recall_state'])
      .orderBy('chat_id', 'desc')
      .execute()
    expect(after).toEqual([
      { chat_id: groups[0]!.id, recall_state: 'too-old' },
      { chat_id: groups[1]!.id, recall_state: 'deleted' },
    ])

    // A tap on the copy left in group 1 is refused and not counted.
    const old = copyIn(groups[0]!)
    await reader.presses(groups[0]!, old.message_id, t.buttons(groups[0]!)[0]!.callback_data)
    expect(lastAnswer()).toMatchObject({
      text: `Thông báo số ${id} đã được thu hồi.`,
      show_alert: true,
    })
    expect(await t.db.selectFrom('acknowledgement').selectAll().execute()).toEqual([])
    await reader.presses(groups[0]!, old.message_id, t.buttons(groups[0]!)[1]!.callback_data)
    expect(lastAnswer()).toMatchObject({ show_alert: true })
    expect(await t.db.selectFrom('participation').selectAll().execute()).toEqual([])
    expect(await t.db.selectFrom('acknowledgement').selectAll().execute()).toEqual([])
    // Nothing is pending for the member any more, and /lich says it is recalled, without buttons.
    await reader.says('/cuatoi', 'private')
    expect(t.lastBotText(reader)).not.toContain('Thông báo chưa xác nhận')
    await office.says(`/lich ${id}`, 'private')
    expect(t.lastBotText(office)).toContain('đã thu hồi')
    expect(t.buttons(office)).toEqual([])
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'broadcast.recall')
      .execute()
    expect(audit.map((a) => JSON.parse(a.details) as unknown)).toEqual([
      { copies: 1, tooOld: 1, cancelled: 1 },
    ])
  })

  it("deletes an album's every message and its button message", async () => {
    const album = t.api.sendAlbum(9, 9, [{ kind: 'photo', caption: 'Ảnh 1' }, { kind: 'photo' }])
    await t.handled(album)
    await office.says('/gui NGAYSACH2024 ngay U1', 'private', {
      replyTo: album[0]!.message!.message_id,
    })
    await t.confirmLast(office)
    await t.runSenderAt('2024-04-15T00:00:01Z')
    expect(t.api.botMessages(groups[0]!.id)).toHaveLength(3)
    const { id } = await t.db.selectFrom('broadcast').select('id').executeTakeFirstOrThrow()
    await office.says(`/lich ${id}`, 'private')
    await press(office, '🗑 Thu hồi')
    await t.confirmLast(office)
    await t.runSenderAt('2024-04-15T00:01:00Z')
    expect(t.api.botMessages(groups[0]!.id)).toEqual([])
    expect(t.lastBotText(office)).toBe(`🗑 Đã thu hồi thông báo số ${id}: đã xoá 1 bản.`)
  })
})

describe('«Thu hồi» refused by Telegram (issue 12)', () => {
  it('names the group whose copy Telegram would not delete, once every deletion is done', async () => {
    const id = await broadcast(office, 'Thông báo gửi nhầm')
    await t.runSenderAt('2024-04-15T00:00:01Z')
    t.api.failNext(
      'deleteMessage',
      { status: 400, description: "Bad Request: message can't be deleted" },
      { chatId: groups[2]!.id },
    )
    await office.says(`/lich ${id}`, 'private')
    await press(office, '🗑 Thu hồi')
    expect(t.lastBotText(office)).toBe(
      `🗑 Thu hồi 3 bản đã gửi tới 3 nhóm? (thông báo số ${id}) Các bản đã gửi quá 48 giờ không thể thu hồi.`,
    )
    await t.confirmLast(office)
    expect(t.lastBotText(office)).toBe(
      `✅ Đang thu hồi 3 bản của thông báo số ${id}. Loa sẽ báo lại khi xong.`,
    )
    await t.runSenderAt('2024-04-15T00:01:00Z')
    expect(groups.map((g) => t.botTexts(g))).toEqual([[], [], ['Thông báo gửi nhầm']])
    expect(t.lastBotText(office)).toBe(
      [
        `🗑 Đã thu hồi thông báo số ${id}: đã xoá 2 bản.`,
        '',
        'Không thu hồi được ở 1 nhóm (gửi quá 48 giờ hoặc Telegram từ chối): Nhóm phòng 3',
      ].join('\n'),
    )
    // One report, however many passes the sender makes.
    await t.runSenderAt('2024-04-15T00:02:00Z')
    expect(await outbound('recall-report')).toHaveLength(1)
  })
})

describe('refusals (issue 12)', () => {
  it("a head may not open, correct or recall another sender's broadcast; an unknown number is named", async () => {
    const id = await broadcast(office, 'Thông báo của Văn phòng')
    await t.runSenderAt('2024-04-15T00:00:01Z')
    await head.says(`/lich ${id}`, 'private')
    expect(t.lastBotText(head)).toBe(
      `Thông báo số ${id} do người khác soạn; chỉ người soạn, Văn phòng hoặc quản trị viên mới xem, sửa hoặc thu hồi được.`,
    )
    // Buttons copied from the office's /lich: refused, answered, nothing opened.
    await office.says(`/lich ${id}`, 'private')
    const data = t.buttons(office).map((b) => b.callback_data)
    expect(data).toHaveLength(2)
    const message = t.api.botMessages(head.id).at(-1)!
    for (const button of data) {
      await head.presses('private', message.message_id, button, { forged: true })
      expect(lastAnswer()).toMatchObject({ show_alert: true })
    }
    expect(await t.db.selectFrom('pending_action').selectAll().execute()).toEqual([])

    await office.says('/lich 999', 'private')
    expect(t.lastBotText(office)).toBe('Không có thông báo số 999. Xem danh sách bằng /lich')

    // The head's own broadcast: they may recall it.
    const own = await broadcast(head, 'Họp giao ban lúc 14:00')
    await t.runSenderAt('2024-04-15T00:00:02Z')
    await head.says(`/lich ${own}`, 'private')
    expect(t.buttons(head).map((b) => b.text)).toEqual(['✏️ Sửa nội dung', '🗑 Thu hồi'])
    await press(head, '🗑 Thu hồi')
    await t.confirmLast(head)
    await t.runSenderAt('2024-04-15T00:01:00Z')
    expect(t.botTexts(groups[0]!)).toEqual(['Thông báo của Văn phòng'])
    expect(t.lastBotText(head)).toBe(`🗑 Đã thu hồi thông báo số ${own}: đã xoá 1 bản.`)
  })

  it('refuses a broadcast not yet delivered', async () => {
    const id = await broadcast(office, 'Gửi sau', '15/4 09:00')
    await office.says(`/lich ${id}`, 'private')
    expect(t.buttons(office)).toEqual([])
  })
})
