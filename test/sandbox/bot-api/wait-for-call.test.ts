import { describe, expect, it } from 'vitest'
import { GROUP, setup } from './fixture.js'

describe('waitForCall', () => {
  it('resolves on a call made later, and on one already made after the given seq', async () => {
    const { tg, api } = await setup()
    const waiting = tg.waitForCall(
      (c) => c.method === 'sendMessage' && c.params['text'] === 'Nhắc lần 2',
    )
    await api.sendMessage(GROUP, 'Nhắc lần 1')
    await api.sendMessage(GROUP, 'Nhắc lần 2')
    const call = await waiting
    expect(call).toMatchObject({ seq: 2, ok: true, status: 200, params: { chat_id: GROUP } })
    expect(call.at).toBeInstanceOf(Date)

    await expect(
      tg.waitForCall((c) => c.method === 'sendMessage', { after: 1 }),
    ).resolves.toMatchObject({ seq: 2 })
  })

  it('times out with a message listing the last calls', async () => {
    const { tg, api } = await setup()
    await api.sendMessage(GROUP, 'Một')
    await api.getChat(GROUP)
    const error = await tg
      .waitForCall((c) => c.method === 'editMessageText', { timeoutMs: 30 })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(Error)
    const message = (error as Error).message
    expect(message).toMatch(/no matching call within 30 ms/)
    expect(message).toMatch(/#1 sendMessage .*"text":"Một".* → ok/)
    expect(message).toMatch(/#2 getChat/)
  })
})
