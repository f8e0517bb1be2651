import { afterEach, describe, expect, it } from 'vitest'
import { confirmBroadcast } from '../../src/domain/broadcasts/schedule-broadcast.js'
import { seedWorld } from '../support/seed-world.js'
import { TestBot } from '../support/test-bot.js'

let t: TestBot
afterEach(() => t.stop())

describe('replies and the queue share one budget (PRODUCT §9)', () => {
  it('a broadcast to 45 groups with /trogiup answered meanwhile: no 429, no call over the limits', async () => {
    t = await TestBot.start({ clock: 'real' })
    const world = await seedWorld(t.app.deps, {
      groups: 45,
      campaign: { period: { start: '2024-04-15', end: '2099-12-31' } },
    })
    for (const unit of world.units) t.group(unit.chatId, unit.code)
    const office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
    const composed = await office.says('Thông báo khẩn', 'private')
    const confirmed = await confirmBroadcast(t.app.deps, {
      campaignCode: world.campaignCode,
      when: null,
      unitCodes: [],
      sourceChatId: 9,
      sourceMessageIds: [composed.message!.message_id],
      createdByMemberId: world.officeId,
      actorTelegramId: 9,
    })
    expect(confirmed.ok).toBe(true)
    const idle = t.app.scheduler.whenIdle()
    t.app.scheduler.wake()
    // While the copies go out, ten people ask for help in private.
    const askers = Array.from({ length: 10 }, (_, i) =>
      t.person({ id: 5000 + i, first_name: `Người hỏi ${i}` }),
    )
    await Promise.all(askers.map((p) => p.says('/trogiup', 'private')))
    await idle
    for (const p of askers) expect(t.botTexts(p).length).toBeGreaterThan(0)
    // Unpaced, the ten replies land on top of 30 copies a second: up to ten calls over
    // the limit. Paced, none; the stand-in shares this process's event loop, so on a
    // loaded machine a stall can bunch two calls into one window, and no more.
    expect(t.api.calls.filter((c) => !c.ok && c.status === 429).length).toBeLessThanOrEqual(2)
    expect(t.api.limitViolations.length).toBeLessThanOrEqual(2)
    expect(
      await t.db.selectFrom('delivery').select('state').where('state', '!=', 'sent').execute(),
    ).toEqual([])
  })
})

describe('bounded reply retries', () => {
  it('a reply failing with 5xx again and again is tried four times within a minute, then given up; the bot goes on', async () => {
    const waits: number[] = []
    t = await TestBot.start({
      time: {
        now: () => waits.reduce((a, b) => a + b, 0),
        sleep: (ms) => {
          waits.push(ms)
          return Promise.resolve()
        },
      },
    })
    const office = t.person({ id: 9, first_name: 'Văn' })
    await office.says('/start', 'private')
    t.api.failNext('sendMessage', { status: 502 }, { count: 10, chatId: 9 })
    await office.says('/trogiup', 'private')
    const tries = t.api.callsOf('sendMessage').filter((c) => Number(c.params['chat_id']) === 9)
    // 1 for /start, then 1 + 3 retries for /trogiup.
    expect(tries.length).toBe(5)
    expect(waits).toEqual([1000, 2000, 4000])
    // The next update is answered normally once Telegram recovers.
    t.api.clearFaults()
    await office.says('/trogiup', 'private')
    expect(
      t.api
        .callsOf('sendMessage')
        .filter((c) => Number(c.params['chat_id']) === 9)
        .at(-1)?.ok,
    ).toBe(true)
  })
})
