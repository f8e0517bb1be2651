import { describe, expect, it } from 'vitest'
import { GrammyError, InlineKeyboard } from 'grammy'
import { AN, BINH, GROUP, failure, setup } from './fixture.js'

describe('messages users send', () => {
  it('marks commands and mentions with UTF-16 offsets in Vietnamese text', async () => {
    const { tg, api } = await setup()
    const text = '/baocao@loa_test_bot 👉 Đơn vị Văn phòng, nhờ @an_nguyen xác nhận'
    const update = tg.sendText(BINH.id, GROUP, text)
    const [got] = await api.getUpdates({ timeout: 0 })
    expect(got).toEqual(update)
    const message = got?.message
    expect(message?.entities).toEqual([
      { type: 'bot_command', offset: 0, length: 20 },
      { type: 'mention', offset: text.indexOf('@an_nguyen'), length: 10 },
    ])
    // 👉 is two UTF-16 units (one code point): Telegram counts it twice, and so do we.
    expect(message?.entities?.[1]?.offset).toBe(46)
    expect([...text.slice(0, 46)].length).toBe(45)
    const mention = message?.entities?.[1]
    expect(text.slice(mention?.offset, (mention?.offset ?? 0) + (mention?.length ?? 0))).toBe(
      '@an_nguyen',
    )
    expect(message?.from?.first_name).toBe('Bình')
    expect(message?.chat).toEqual({ id: GROUP, type: 'supergroup', title: 'Văn phòng Sở' })
  })

  it('answers sendMessage with a realistic Message, HTML parsed to entities', async () => {
    const { tg, api, clock } = await setup()
    tg.sendText(AN.id, AN.id, '/start')
    const first = await api.sendMessage(
      AN.id,
      '<b>Kế hoạch</b> số 12/KH-SVHTTDL &amp; <i>phụ lục</i>',
      {
        parse_mode: 'HTML',
        reply_markup: new InlineKeyboard().text('✅ Đã đọc', 'ack:v1:42'),
      },
    )
    expect(first.text).toBe('Kế hoạch số 12/KH-SVHTTDL & phụ lục')
    expect(first.entities).toEqual([
      { type: 'bold', offset: 0, length: 8 },
      { type: 'italic', offset: 28, length: 7 },
    ])
    expect(first.message_id).toBe(2) // the user's /start was 1
    expect(first.date).toBe(clock.now().getTime() / 1000)
    expect(first.from?.id).toBe(tg.botUser.id)
    expect(first.reply_markup?.inline_keyboard[0]?.[0]).toEqual({
      text: '✅ Đã đọc',
      callback_data: 'ack:v1:42',
    })

    const reply = await api.sendMessage(AN.id, 'Trả lời', { reply_parameters: { message_id: 1 } })
    expect(reply.reply_to_message?.text).toBe('/start')
    expect(reply.message_id).toBe(3)
  })

  it('refuses broken markup like Telegram does', async () => {
    const { api } = await setup()
    const html = await failure(
      api.sendMessage(GROUP, 'Hạn nộp <ngày 30/4>', { parse_mode: 'HTML' }),
    )
    expect((html as GrammyError).description).toMatch(
      /^Bad Request: can't parse entities: Unsupported start tag/,
    )
    const md = await failure(api.sendMessage(GROUP, 'Hạn nộp 30.4', { parse_mode: 'MarkdownV2' }))
    expect((md as GrammyError).description).toBe(
      "Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'",
    )
    const ok = await api.sendMessage(GROUP, '*Hạn nộp* 30\\.4', { parse_mode: 'MarkdownV2' })
    expect(ok.text).toBe('Hạn nộp 30.4')
    expect(ok.entities).toEqual([{ type: 'bold', offset: 0, length: 7 }])
    const empty = await failure(api.sendMessage(GROUP, '   '))
    expect((empty as GrammyError).description).toBe('Bad Request: message text is empty')
    const long = await failure(api.sendMessage(GROUP, 'a'.repeat(4097)))
    expect((long as GrammyError).description).toBe('Bad Request: message is too long')
    const button = await failure(
      api.sendMessage(GROUP, 'x', {
        reply_markup: new InlineKeyboard().text('Quá dài', 'đ'.repeat(33)),
      }),
    )
    expect((button as GrammyError).description).toBe('Bad Request: BUTTON_DATA_INVALID')
  })

  it('copyMessage keeps the photo, caption and entities, or overrides the caption', async () => {
    const { tg, api } = await setup()
    tg.addGroup({ id: -1009999, title: 'Phòng Văn hóa' })
    const update = tg.sendPhoto(AN.id, GROUP, { caption: '/thamgia Ảnh hoạt động #ngaysach' })
    const source = update.message
    expect(source?.photo).toHaveLength(2)
    expect(source?.photo?.[0]?.file_id).not.toBe(source?.photo?.[1]?.file_id)

    const { message_id } = await api.copyMessage(-1009999, GROUP, source?.message_id ?? 0)
    const [copy] = tg.botMessages(-1009999)
    expect(copy?.message_id).toBe(message_id)
    expect(copy?.photo).toEqual(source?.photo)
    expect(copy?.caption).toBe('/thamgia Ảnh hoạt động #ngaysach')
    expect(copy?.caption_entities).toEqual(source?.caption_entities)
    expect(copy?.from?.id).toBe(tg.botUser.id)

    await api.copyMessage(-1009999, GROUP, source?.message_id ?? 0, {
      caption: '<b>Mới</b>',
      parse_mode: 'HTML',
    })
    const second = tg.botMessages(-1009999)[1]
    expect(second?.caption).toBe('Mới')
    expect(second?.caption_entities).toEqual([{ type: 'bold', offset: 0, length: 3 }])

    const missing = await failure(api.copyMessage(-1009999, GROUP, 999))
    expect((missing as GrammyError).description).toBe('Bad Request: message to copy not found')
  })

  it('copyMessages copies an album in order and keeps it grouped', async () => {
    const { tg, api } = await setup()
    tg.addGroup({ id: -1009999, title: 'Phòng Văn hóa' })
    const album = tg.sendAlbum(AN.id, GROUP, [
      { kind: 'photo', caption: 'Ảnh 1' },
      { kind: 'photo' },
      { kind: 'photo', caption: 'Ảnh 3' },
    ])
    const groupId = album[0]?.message?.media_group_id
    expect(groupId).toBeDefined()
    expect(album.every((u) => u.message?.media_group_id === groupId)).toBe(true)

    const ids = album.map((u) => u.message?.message_id ?? 0)
    const copied = await api.copyMessages(-1009999, GROUP, ids)
    expect(copied).toHaveLength(3)
    const copies = tg.botMessages(-1009999)
    expect(copies.map((m) => m.message_id)).toEqual(copied.map((c) => c.message_id))
    expect(copies.map((m) => m.caption)).toEqual(['Ảnh 1', undefined, 'Ảnh 3'])
    const newGroup = copies[0]?.media_group_id
    expect(newGroup).toBeDefined()
    expect(newGroup).not.toBe(groupId)
    expect(copies.every((m) => m.media_group_id === newGroup)).toBe(true)
    expect(tg.transcript(-1009999).map((e) => e.kind)).toEqual(['photo', 'photo', 'photo'])
  })

  it('edits: not modified, keyboard removed without reply_markup, transcript counts edits', async () => {
    const { tg, api } = await setup()
    const keyboard = new InlineKeyboard().text('✅ Đã đọc', 'ack:1')
    const sent = await api.sendMessage(GROUP, 'Đã xác nhận: 0/12', { reply_markup: keyboard })

    const same = await failure(
      api.editMessageText(GROUP, sent.message_id, 'Đã xác nhận: 0/12', { reply_markup: keyboard }),
    )
    expect(same).toBeInstanceOf(GrammyError)
    expect((same as GrammyError).description).toBe(
      'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
    )

    const edited = await api.editMessageText(GROUP, sent.message_id, 'Đã xác nhận: 1/12', {
      reply_markup: keyboard,
    })
    expect(edited).not.toBe(true)
    const sameMarkup = await failure(
      api.editMessageReplyMarkup(GROUP, sent.message_id, { reply_markup: keyboard }),
    )
    expect((sameMarkup as GrammyError).error_code).toBe(400)

    // Telegram drops the inline keyboard when an edit omits reply_markup.
    await api.editMessageText(GROUP, sent.message_id, 'Đã đóng')
    const [entry] = tg.transcript(GROUP)
    expect(entry).toMatchObject({ from: 'bot', kind: 'text', text: 'Đã đóng', edits: 2 })
    expect(entry?.reply_markup).toBeUndefined()

    const noCaption = await failure(
      api.editMessageCaption(GROUP, sent.message_id, { caption: 'x' }),
    )
    expect((noCaption as GrammyError).description).toBe(
      'Bad Request: there is no caption in the message to edit',
    )
    const notFound = await failure(api.editMessageText(GROUP, 999, 'x'))
    expect((notFound as GrammyError).description).toBe('Bad Request: message to edit not found')

    await api.deleteMessage(GROUP, sent.message_id)
    expect(tg.transcript(GROUP)[0]?.deleted).toBe(true)
    expect(tg.botMessages(GROUP)).toEqual([])
  })

  it('button presses carry the message as currently edited; answers are recorded once', async () => {
    const { tg, api } = await setup()
    const sent = await api.sendMessage(GROUP, 'Thông báo', {
      reply_markup: new InlineKeyboard().text('✅ Đã đọc', 'ack:1'),
    })
    await api.editMessageReplyMarkup(GROUP, sent.message_id, {
      reply_markup: new InlineKeyboard().text('✅ Đã đọc (1)', 'ack:1').text('Tham gia', 'join:1'),
    })
    expect(() => tg.pressButton(BINH.id, GROUP, sent.message_id, 'nope')).toThrow(/no button/)
    const press = tg.pressButton(BINH.id, GROUP, sent.message_id, 'join:1')
    const query = press.callback_query
    expect(query?.message?.reply_markup?.inline_keyboard[0]).toHaveLength(2)
    expect(query?.chat_instance).toMatch(/^\d+$/)
    expect(query?.from.id).toBe(BINH.id)

    await api.answerCallbackQuery(query?.id ?? '', { text: 'Đã ghi nhận' })
    expect(tg.callbackAnswers).toEqual([{ callback_query_id: query?.id, text: 'Đã ghi nhận' }])
    const again = await failure(api.answerCallbackQuery(query?.id ?? ''))
    expect((again as GrammyError).description).toBe(
      'Bad Request: query is too old and response timeout expired or query ID is invalid',
    )
  })

  it('sendMediaGroup returns grouped messages and counts as one message-creating call', async () => {
    const { tg, api } = await setup()
    const photos = tg.sendAlbum(AN.id, GROUP, [{ kind: 'photo' }, { kind: 'photo' }])
    const fileIds = photos.map((u) => u.message?.photo?.[1]?.file_id ?? '')
    const sent = await api.sendMediaGroup(GROUP, [
      { type: 'photo', media: fileIds[0] ?? '', caption: 'Tổng hợp' },
      { type: 'photo', media: fileIds[1] ?? '' },
    ])
    expect(sent).toHaveLength(2)
    const groupIds = tg.botMessages(GROUP).map((m) => m.media_group_id)
    expect(groupIds).toHaveLength(2)
    expect(groupIds[0]).toBeDefined()
    expect(groupIds[0]).toBe(groupIds[1])
    expect(sent[0]?.caption).toBe('Tổng hợp')
    expect(tg.sendsPerChat().get(GROUP)).toBe(1)
  })
})
