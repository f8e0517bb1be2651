import { describe, expect, it } from 'vitest'
import { GrammyError } from 'grammy'
import { AN, BINH, GROUP, failure, setup } from './fixture.js'

const ack = { inline_keyboard: [[{ text: '✅ Đã đọc', callback_data: 'ack:1' }]] }

describe('ephemeral messages (Bot API 10.3)', () => {
  it('shows a message to its receiver only, with message_id 0 and its own id', async () => {
    const { tg, api } = await setup()
    tg.setBotStatus(GROUP, 'administrator')
    const sent = await api.sendMessage(GROUP, '<b>Chỉ Bình</b> nhìn thấy', {
      parse_mode: 'HTML',
      reply_markup: ack,
      ephemeral_message_parameters: { receiver_user_id: BINH.id },
    })
    expect(sent.message_id).toBe(0)
    expect(sent.ephemeral_message_id).toBe(1)
    expect(sent.receiver_user?.id).toBe(BINH.id)
    expect(sent.text).toBe('Chỉ Bình nhìn thấy')
    // Nobody else sees it: not in the group's transcript, not among An's.
    expect(tg.transcript(GROUP)).toEqual([])
    expect(tg.ephemeralMessages(GROUP, AN.id)).toEqual([])
    expect(tg.ephemeralMessages(GROUP, BINH.id).map((m) => m.text)).toEqual(['Chỉ Bình nhìn thấy'])
    const second = await api.sendMessage(GROUP, 'Lần hai', {
      ephemeral_message_parameters: { receiver_user_id: BINH.id },
    })
    expect(second.ephemeral_message_id).toBe(2)

    // Its button: a callback for that user, carrying the ephemeral message.
    const update = tg.pressEphemeralButton(BINH.id, GROUP, 1, 'ack:1')
    expect(update.callback_query?.from.id).toBe(BINH.id)
    expect(update.callback_query?.message).toMatchObject({
      message_id: 0,
      ephemeral_message_id: 1,
      chat: { id: GROUP },
      receiver_user: { id: BINH.id },
    })
    expect(() => tg.pressEphemeralButton(AN.id, GROUP, 1, 'ack:1')).toThrow(/sees no ephemeral/)
    expect(() => tg.pressEphemeralButton(BINH.id, GROUP, 1, 'ack:2')).toThrow(/no button/)
  })

  it('refuses where Telegram does: bot not admin, receiver not in the group, a private chat', async () => {
    const { tg, api } = await setup()
    const notAdmin = await failure(
      api.sendMessage(GROUP, 'x', { ephemeral_message_parameters: { receiver_user_id: BINH.id } }),
    )
    expect(notAdmin).toBeInstanceOf(GrammyError)
    expect((notAdmin as GrammyError).error_code).toBe(400)
    expect((notAdmin as GrammyError).description).toBe(
      'Bad Request: not enough rights to send ephemeral messages to the chat',
    )
    tg.setBotStatus(GROUP, 'administrator')
    tg.setMember(GROUP, BINH.id, 'left')
    const left = await failure(
      api.sendMessage(GROUP, 'x', { ephemeral_message_parameters: { receiver_user_id: BINH.id } }),
    )
    expect((left as GrammyError).description).toBe('Bad Request: user not found')
    const stranger = await failure(
      api.sendMessage(GROUP, 'x', { ephemeral_message_parameters: { receiver_user_id: 4242 } }),
    )
    expect((stranger as GrammyError).description).toBe('Bad Request: user not found')
    tg.sendText(AN.id, AN.id, '/start')
    const inPrivate = await failure(
      api.sendMessage(AN.id, 'x', { ephemeral_message_parameters: { receiver_user_id: AN.id } }),
    )
    expect((inPrivate as GrammyError).description).toBe(
      'Bad Request: ephemeral messages can be sent only to groups',
    )
    expect(tg.ephemeralMessages(GROUP, BINH.id)).toEqual([])
  })
})
