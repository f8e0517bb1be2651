import { describe, expect, it } from 'vitest'
import { Bot } from 'grammy'
import { AN, GROUP, setup } from './fixture.js'

describe('many clients at once', () => {
  it('answers 200 concurrent sends over keep-alive connections', async () => {
    const { tg, api } = await setup({ enforceLimits: false })
    const ids = Array.from({ length: 200 }, (_, i) => 5000 + i)
    for (const id of ids) {
      tg.addUser({ id, first_name: `Viên chức ${id}` })
      tg.sendText(id, id, '/start')
    }
    const sent = await Promise.all(
      ids.map((id) => api.sendMessage(id, 'Nhắc nhở: hạn nộp báo cáo')),
    )
    expect(sent.every((m, i) => m.chat.id === ids[i])).toBe(true)
    expect([...tg.sendsPerChat().values()].reduce((a, b) => a + b, 0)).toBe(200)
    expect(tg.limitViolations.length).toBeGreaterThan(0) // counted, not enforced
  })

  it("serves a grammY Bot's own long polling, start to stop", async () => {
    const { tg } = await setup()
    const bot = new Bot(tg.token, { client: { apiRoot: tg.apiRoot } })
    bot.command('start', (ctx) => ctx.reply(`Xin chào ${ctx.from?.first_name ?? ''}`))
    bot.on('message:text', (ctx) => ctx.reply(`Đã nhận: ${ctx.message.text}`))
    const running = bot.start({ allowed_updates: ['message', 'callback_query'] })
    const update = tg.sendText(AN.id, AN.id, '/start')
    await tg.waitForCall((c) => c.method === 'sendMessage')
    tg.sendText(AN.id, GROUP, 'Em đã đọc kế hoạch')
    await tg.waitForCall((c) => c.method === 'sendMessage' && c.params['chat_id'] === GROUP)
    await tg.waitForConfirmed(update.update_id)
    await bot.stop()
    await running
    expect(tg.transcript(AN.id).map((e) => [e.from, e.text])).toEqual([
      [AN.id, '/start'],
      ['bot', 'Xin chào An'],
    ])
    expect(tg.callsOf('getUpdates')[0]?.params['allowed_updates']).toEqual([
      'message',
      'callback_query',
    ])
  })
})
