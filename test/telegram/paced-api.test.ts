import { Writable } from 'node:stream'
import { pino } from 'pino'
import type { Transformer } from 'grammy'
import { describe, expect, it } from 'vitest'
import { Pacer } from '../../src/domain/broadcasts/pacer.js'
import { pacedApi, tagCallsOf } from '../../src/telegram/paced-api.js'

type Call = Parameters<Transformer>[0]

describe('replies through the pacer', () => {
  it('log a failed reply with the update it answers, and count its slot from the answer', async () => {
    const lines: Record<string, unknown>[] = []
    const logger = pino(
      { level: 'warn' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>)
          done()
        },
      }),
    )
    let now = 0
    const pacer = new Pacer(() => now)
    let answers = 0
    const telegram = (() => {
      answers++
      // Telegram's side takes 300 ms; the first try fails there.
      now += 300
      return Promise.resolve(
        answers === 1
          ? { ok: false, error_code: 502, description: 'Bad Gateway' }
          : { ok: true, result: true },
      )
    }) as unknown as Call
    const paced = pacedApi({ pacer, logger, now: () => now, sleep: () => Promise.resolve() })
    // As each update's ctx.api does: its own tag outermost, the bot's transformers inside.
    const tag = tagCallsOf(4242)
    const payload = { chat_id: -100, text: 'Chào' }
    const response = await tag(
      (method, p, signal) => paced(telegram, method, p, signal),
      'sendMessage',
      payload,
    )
    expect(response.ok).toBe(true)
    expect(lines).toMatchObject([{ update_id: 4242, method: 'sendMessage', attempt: 1 }])
    // Both tries held a slot until their answer came back: 28 left for the second that follows.
    let taken = 0
    while (pacer.reserve(-200 - taken, 'send', 'reply').ok) taken++
    expect(taken).toBe(28)
  })
})
