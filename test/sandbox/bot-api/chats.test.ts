import { describe, expect, it } from 'vitest'
import { GrammyError } from 'grammy'
import { AN, BINH, GROUP, failure, setup } from './fixture.js'

describe('chats, members and commands', () => {
  it('answers membership questions from the world', async () => {
    const { tg, api } = await setup()
    expect((await api.getChatMember(GROUP, AN.id)).status).toBe('creator')
    expect((await api.getChatMember(GROUP, BINH.id)).status).toBe('member')
    expect((await api.getChatMember(GROUP, tg.botUser.id)).status).toBe('member')
    expect((await api.getChatAdministrators(GROUP)).map((m) => m.user.id)).toEqual([AN.id])

    tg.setBotStatus(GROUP, 'administrator', { can_delete_messages: false })
    const admins = await api.getChatAdministrators(GROUP)
    expect(admins.map((m) => m.user.id)).toEqual([AN.id, tg.botUser.id])
    const bot = await api.getChatMember(GROUP, tg.botUser.id)
    expect(bot.status === 'administrator' && bot.can_delete_messages).toBe(false)

    tg.setMember(GROUP, BINH.id, 'kicked')
    expect(await api.getChatMemberCount(GROUP)).toBe(2)
    const chat = await api.getChat(GROUP)
    expect(chat).toMatchObject({ id: GROUP, type: 'supergroup', title: 'Văn phòng Sở' })
    const error = await failure(api.getChatAdministrators(AN.id))
    expect(error).toBeInstanceOf(GrammyError)
  })

  it('stores command menus per scope and language', async () => {
    const { tg, api } = await setup()
    await api.setMyCommands([{ command: 'cuatoi', description: 'Việc của tôi' }], {
      language_code: 'vi',
    })
    await api.setMyCommands([{ command: 'mine', description: 'My tasks' }])
    await api.setMyCommands([{ command: 'baocao', description: 'Báo cáo đơn vị' }], {
      scope: { type: 'chat', chat_id: GROUP },
      language_code: 'vi',
    })
    expect(tg.commands({ type: 'default' }, 'vi')).toEqual([
      { command: 'cuatoi', description: 'Việc của tôi' },
    ])
    expect(tg.commands()).toEqual([{ command: 'mine', description: 'My tasks' }])
    expect(tg.commands({ type: 'chat', chat_id: GROUP }, 'vi')).toHaveLength(1)
    expect(
      await api.getMyCommands({ scope: { type: 'chat', chat_id: GROUP }, language_code: 'vi' }),
    ).toEqual([{ command: 'baocao', description: 'Báo cáo đơn vị' }])
    expect(await api.getMyCommands({ scope: { type: 'all_private_chats' } })).toEqual([])
    await api.deleteMyCommands({ language_code: 'vi' })
    expect(tg.commands({ type: 'default' }, 'vi')).toEqual([])
    const invalid = await failure(api.setMyCommands([{ command: 'Báo-cáo', description: 'x' }]))
    expect((invalid as GrammyError).description).toBe('Bad Request: BOT_COMMAND_INVALID')
  })

  it('reactions, chat actions and deletions follow admin rights', async () => {
    const { tg, api } = await setup()
    const user = tg.sendText(BINH.id, GROUP, 'Em đã đọc').message
    await api.setMessageReaction(GROUP, user?.message_id ?? 0, [{ type: 'emoji', emoji: '👍' }])
    expect(tg.botReaction(GROUP, user?.message_id ?? 0)).toEqual(['👍'])
    await expect(api.sendChatAction(GROUP, 'typing')).resolves.toBe(true)
    const denied = await failure(api.deleteMessage(GROUP, user?.message_id ?? 0))
    expect((denied as GrammyError).description).toBe("Bad Request: message can't be deleted")
    tg.setBotStatus(GROUP, 'administrator')
    await expect(api.deleteMessage(GROUP, user?.message_id ?? 0)).resolves.toBe(true)
    const gone = await failure(api.setMessageReaction(GROUP, user?.message_id ?? 0, []))
    expect((gone as GrammyError).description).toBe('Bad Request: message to react not found')
  })

  it('privacy mode: a non-admin bot only hears commands, mentions and replies', async () => {
    const { tg, api } = await setup({ privacyMode: true })
    const sent = await api.sendMessage(GROUP, 'Thông báo')
    tg.sendText(AN.id, GROUP, 'chuyện phiếm')
    const command = tg.sendText(AN.id, GROUP, '/cuatoi')
    const reply = tg.sendText(BINH.id, GROUP, 'Đã đọc', { replyTo: sent.message_id })
    expect(await api.getUpdates({ timeout: 0 })).toEqual([command, reply])
    expect((await api.getMe()).can_read_all_group_messages).toBe(false)
    expect(tg.transcript(GROUP)).toHaveLength(4)
  })
})
