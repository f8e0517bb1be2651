import { bench, describe } from 'vitest'
import { confirmBroadcast } from '../src/domain/broadcasts/schedule-broadcast.js'
import { seedWorld } from '../test/support/seed-world.js'
import { TestBot } from '../test/support/test-bot.js'

/**
 * A broadcast to 200 groups through the real sender, over HTTP to the stand-in
 * enforcing Telegram's limits. At 30 sends/s the limits allow 200/30 ≈ 6.7 s;
 * the figure to watch is this time over 6.7 s. Also prints the edits that 200
 * taps on one copy cause (coalesced refreshes).
 */
describe('broadcast to 200 groups', () => {
  bench(
    'send all, then 200 taps on one copy',
    async () => {
      const t = await TestBot.start({ clock: 'real' })
      try {
        const world = await seedWorld(t.app.deps, {
          groups: 200,
          campaign: { period: { start: '2024-04-15', end: '2099-12-31' } },
        })
        t.person({ id: 9, first_name: 'Văn' })
        for (const unit of world.units) t.group(unit.chatId, unit.code)
        const composed = t.api.sendText(9, 9, 'Sách hay cần bạn đọc')
        await t.handled(composed)
        const started = performance.now()
        const confirmed = await confirmBroadcast(t.app.deps, {
          campaignCode: world.campaignCode,
          when: null,
          unitCodes: [],
          sourceChatId: 9,
          sourceMessageIds: [composed.message!.message_id],
          createdByMemberId: world.officeId,
          actorTelegramId: 9,
        })
        if (!confirmed.ok) throw new Error(confirmed.error.code)
        t.app.scheduler.wake()
        await t.api.waitForCall(() => t.api.sendsPerChat().size >= 200, {
          after: 0,
          timeoutMs: 60_000,
        })
        const seconds = (performance.now() - started) / 1000
        const first = world.units[0]!
        const copy = t.api.botMessages(first.chatId)[0]!
        const taps = []
        for (let i = 0; i < 200; i++) {
          const id = 50_000 + i
          t.api.addUser({ id, first_name: `N${i}` })
          taps.push(
            t.api.pressButton(
              id,
              first.chatId,
              copy.message_id,
              `v1:a:${confirmed.value.broadcastIds[0]}`,
              { unchecked: true },
            ),
          )
        }
        await t.handled(taps)
        // Let the sender's coalesced refreshes run for 12 s of real time.
        const until = performance.now() + 12_000
        while (performance.now() < until) {
          const idle = t.app.scheduler.whenIdle()
          t.app.scheduler.wake()
          await idle
          await new Promise((resolve) => setTimeout(resolve, 500))
        }
        const edits = t.api
          .callsOf('editMessageReplyMarkup')
          .filter((c) => c.params['chat_id'] === first.chatId).length
        const label = t.api.botMessages(first.chatId)[0]?.reply_markup?.inline_keyboard[0]?.[0]
          ?.text
        console.log(
          `200 groups in ${seconds.toFixed(2)} s (${(seconds / (200 / 30)).toFixed(2)}× the 6.7 s the limits allow); ` +
            `limit violations ${t.api.limitViolations.length}; 200 taps → ${edits} edits, button now "${label}"`,
        )
      } finally {
        await t.stop()
      }
    },
    { iterations: 1, warmupIterations: 0, time: 0 },
  )
})
