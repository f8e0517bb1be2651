import { describe, expect, it } from 'vitest'
import { GrammyError } from 'grammy'
import { AN, BINH, GROUP, failure, setup } from './fixture.js'

describe('getUpdates long polling', () => {
  it('returns queued updates and drops those below the offset', async () => {
    const { tg, api } = await setup()
    const first = tg.sendText(AN.id, AN.id, '/start')
    const second = tg.sendText(AN.id, AN.id, 'xin chào')
    expect(second.update_id).toBe(first.update_id + 1)

    const batch = await api.getUpdates({ timeout: 0 })
    expect(batch.map((u) => u.update_id)).toEqual([first.update_id, second.update_id])
    // Not confirmed yet: asked again, the same updates come back.
    expect(await api.getUpdates({ timeout: 0 })).toHaveLength(2)

    expect(await api.getUpdates({ offset: second.update_id, timeout: 0 })).toEqual([second])
    expect(tg.pendingUpdateCount).toBe(1)
    expect(await api.getUpdates({ offset: second.update_id + 1, timeout: 0 })).toEqual([])
    expect(tg.pendingUpdateCount).toBe(0)
  })

  it('holds a poll open and answers at once when an update arrives', async () => {
    const { tg, api } = await setup()
    const poll = api.getUpdates({ timeout: 30 })
    await tg.waitForPolling()
    const update = tg.sendText(AN.id, AN.id, '/cuatoi')
    const started = performance.now()
    expect(await poll).toEqual([update])
    expect(performance.now() - started).toBeLessThan(1000)
  })

  it('answers [] when the timeout passes, and pending polls get [] on close', async () => {
    const { tg, api } = await setup()
    expect(await api.getUpdates({ timeout: 1 })).toEqual([])
    const pending = api.getUpdates({ timeout: 30 })
    await tg.waitForPolling()
    await tg.close()
    expect(await pending).toEqual([])
  })

  it('honours limit and negative offsets', async () => {
    const { tg, api } = await setup()
    const sent = [1, 2, 3, 4].map((n) => tg.sendText(AN.id, AN.id, `tin ${n}`))
    expect(await api.getUpdates({ limit: 2, timeout: 0 })).toEqual(sent.slice(0, 2))
    // offset -1: only the last update is kept, all previous ones are forgotten.
    expect(await api.getUpdates({ offset: -1, timeout: 0 })).toEqual(sent.slice(3))
    expect(tg.pendingUpdateCount).toBe(1)
  })

  it('withholds reactions unless allowed_updates lists them and the bot is admin', async () => {
    const { tg, api } = await setup()
    const post = await api.sendMessage(GROUP, 'Kế hoạch tháng 4')

    // Bot not admin: Telegram never generates the update.
    tg.react(AN.id, GROUP, post.message_id, ['👍'])
    expect(
      await api.getUpdates({ allowed_updates: ['message', 'message_reaction'], timeout: 0 }),
    ).toEqual([])

    tg.setBotStatus(GROUP, 'administrator')
    const second = tg.react(BINH.id, GROUP, post.message_id, ['❤'])
    // Default allowed_updates exclude message_reaction: dropped.
    expect(await api.getUpdates({ allowed_updates: [], timeout: 0 })).toEqual([])

    const third = tg.react(BINH.id, GROUP, post.message_id, ['👍'])
    const got = await api.getUpdates({
      allowed_updates: ['message', 'message_reaction'],
      timeout: 0,
    })
    expect(got).toEqual([third])
    expect(got[0]?.message_reaction?.old_reaction).toEqual([{ type: 'emoji', emoji: '❤' }])
    expect(got[0]?.message_reaction?.new_reaction).toEqual([{ type: 'emoji', emoji: '👍' }])
    expect(second.update_id).toBeLessThan(third.update_id)

    // allowed_updates is remembered from the last call that passed it.
    tg.react(AN.id, GROUP, post.message_id, ['🔥'])
    expect(await api.getUpdates({ offset: third.update_id + 1, timeout: 0 })).toHaveLength(1)
  })

  it('delivers chat_member only to an admin bot that asked, and join/leave service messages always', async () => {
    const { tg, api } = await setup()
    tg.addUser({ id: 1003, first_name: 'Cường' })
    const [member, service] = tg.join(1003, GROUP)
    expect(service?.message?.new_chat_members?.[0]?.id).toBe(1003)
    expect(
      await api.getUpdates({ allowed_updates: ['message', 'chat_member'], timeout: 0 }),
    ).toEqual([service])
    expect(member?.chat_member?.new_chat_member.status).toBe('member')

    tg.setBotStatus(GROUP, 'administrator')
    const [left, leftMessage] = tg.leave(1003, GROUP)
    const got = await api.getUpdates({ offset: (service?.update_id ?? 0) + 1, timeout: 0 })
    expect(got).toEqual([left, leftMessage])
    expect(left?.chat_member?.old_chat_member.status).toBe('member')
    expect(left?.chat_member?.new_chat_member.status).toBe('left')
    expect(await api.getChatMemberCount(GROUP)).toBe(3) // An, Bình and the bot
  })

  it('terminates the older of two concurrent polls with 409', async () => {
    const { tg, api } = await setup()
    const first = failure(api.getUpdates({ timeout: 30 }))
    await tg.waitForPolling()
    const second = api.getUpdates({ timeout: 0 })
    const error = await first
    expect(error).toBeInstanceOf(GrammyError)
    expect((error as GrammyError).error_code).toBe(409)
    expect((error as GrammyError).description).toMatch(
      /^Conflict: terminated by other getUpdates request/,
    )
    expect(await second).toEqual([])
  })

  it('waitForConfirmed resolves when the offset passes the update', async () => {
    const { tg, api } = await setup()
    const update = tg.sendText(AN.id, AN.id, '/start')
    const confirmed = tg.waitForConfirmed(update.update_id)
    await api.getUpdates({ timeout: 0 })
    await api.getUpdates({ offset: update.update_id + 1, timeout: 0 })
    await expect(confirmed).resolves.toBeUndefined()
  })

  it('refuses getUpdates while a webhook is set, and reports it', async () => {
    const { api } = await setup()
    await api.setWebhook('https://loa.example.vn/hook', { secret_token: 's3cret' })
    expect((await api.getWebhookInfo()).url).toBe('https://loa.example.vn/hook')
    const error = await failure(api.getUpdates({ timeout: 0 }))
    expect((error as GrammyError).error_code).toBe(409)
    await api.deleteWebhook()
    expect(await api.getUpdates({ timeout: 0 })).toEqual([])
    expect((await api.getMe()).username).toBe('loa_test_bot')
  })
})
