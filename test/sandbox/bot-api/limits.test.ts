import { describe, expect, it } from 'vitest'
import type { GrammyError } from 'grammy'
import { AN, GROUP, failure, setup } from './fixture.js'

describe('rate limits', () => {
  it('31 sends within one clock second: the 31st is refused with retry_after and recorded', async () => {
    const { tg, api, clock } = await setup()
    const chats: number[] = []
    for (let i = 0; i < 31; i += 1) {
      const id = 2000 + i
      tg.addUser({ id, first_name: `Người ${i}` })
      tg.sendText(id, id, '/start')
      chats.push(id)
    }
    for (const id of chats.slice(0, 30)) {
      await api.sendMessage(id, 'Thông báo')
      clock.advance(10)
    }
    const error = await failure(api.sendMessage(chats[30] ?? 0, 'Thông báo'))
    expect((error as GrammyError).error_code).toBe(429)
    expect((error as GrammyError).parameters.retry_after).toBe(1)
    expect(tg.limitViolations).toEqual([{ kind: 'global', method: 'sendMessage', at: clock.now() }])

    clock.advance(1000)
    await expect(api.sendMessage(chats[30] ?? 0, 'Thông báo')).resolves.toBeDefined()
    expect(tg.limitViolations).toHaveLength(1)
  })

  it('21 messages into one group within a minute: a per-chat violation, counted even when not enforced', async () => {
    const { tg, api, clock } = await setup({ enforceLimits: false })
    for (let i = 0; i < 21; i += 1) {
      if (i > 0) clock.advance(2000)
      await api.sendMessage(GROUP, `Tin ${i}`)
    }
    expect(tg.limitViolations).toEqual([
      { kind: 'per-chat', method: 'sendMessage', chatId: GROUP, at: clock.now() },
    ])
    expect(tg.sendsPerChat().get(GROUP)).toBe(21)
  })

  it('edits count against the group budget; retry_after is computed from the window', async () => {
    const { tg, api, clock } = await setup()
    const sent = await api.sendMessage(GROUP, 'Đã xác nhận: 0')
    for (let i = 1; i < 20; i += 1) {
      await api.editMessageText(GROUP, sent.message_id, `Đã xác nhận: ${i}`)
      clock.advance(1000)
    }
    // 20 calls in the last 19 s; the first leaves the window 41 s from now.
    const error = await failure(api.sendMessage(GROUP, 'Một tin nữa'))
    expect((error as GrammyError).parameters.retry_after).toBe(41)
    expect(tg.limitViolations[0]).toMatchObject({ kind: 'per-chat', chatId: GROUP })

    // Private chats have no per-chat budget.
    tg.sendText(AN.id, AN.id, '/start')
    await expect(api.sendMessage(AN.id, 'Riêng')).resolves.toBeDefined()
    clock.advance(41_000)
    await expect(api.sendMessage(GROUP, 'Một tin nữa')).resolves.toBeDefined()
  })
})
