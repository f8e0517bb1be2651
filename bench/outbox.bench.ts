import { bench, describe } from 'vitest'
import type { KeyboardContext } from '../src/domain/broadcasts/keyboard-context.js'
import { claimDueDeliveries, recordOutcome } from '../src/domain/broadcasts/outbox.js'
import { Pacer } from '../src/domain/broadcasts/pacer.js'
import { confirmBroadcast } from '../src/domain/broadcasts/schedule-broadcast.js'
import { createSender } from '../src/domain/broadcasts/sender.js'
import { FakeChatPort } from '../test/support/fake-chat-port.js'
import { seedWorld, type World } from '../test/support/seed-world.js'
import { createTestDeps, type TestDeps } from '../test/support/temp-db.js'

/**
 * The outbox's own cost per broadcast to 300 groups, without Telegram's limits:
 * writing the deliveries in one transaction, then claiming and recording them.
 * Telegram allows 30 sends/s, so anything well under 10 s for 300 rows leaves
 * the database out of the critical path.
 */
let deps: TestDeps
let world: World
// Bench mode runs no hooks: the world is built once, on first use.
let ready: Promise<void> | undefined
function setUp(): Promise<void> {
  ready ??= (async () => {
    deps = await createTestDeps()
    world = await seedWorld(deps, { groups: 300 })
  })()
  return ready
}

async function schedule(): Promise<void> {
  await setUp()
  const result = await confirmBroadcast(deps, {
    campaignCode: world.campaignCode,
    when: 'ngay',
    unitCodes: [],
    sourceChatId: 9,
    sourceMessageIds: [55],
    createdByMemberId: world.officeId,
    actorTelegramId: 9,
  })
  if (!result.ok) throw new Error(result.error.code)
}

describe('outbox, 300 groups', () => {
  bench('confirm: 300 delivery rows in one transaction', async () => {
    await schedule()
    await deps.db.deleteFrom('broadcast').execute()
  })

  bench('confirm + claim (batches of 50) + record sent', async () => {
    await schedule()
    let messageId = 1
    for (;;) {
      const batch = await claimDueDeliveries(deps, { limit: 50, workerId: 'bench' })
      if (batch.length === 0) break
      for (const d of batch)
        await recordOutcome(
          deps,
          { id: d.id, workerId: 'bench' },
          { kind: 'sent', messageIds: [messageId++] },
        )
    }
    await deps.db.deleteFrom('broadcast').execute()
  })

  bench('confirm + sender.runOnce until done (pacing lifted)', async () => {
    await schedule()
    const port = new FakeChatPort()
    const unlimited = new Pacer(() => 0, {
      globalPerSecond: 1e9,
      groupPerMinute: 1e9,
      globalMarginMs: 0,
      groupMarginMs: 0,
      replyReserve: 0,
      floodBurst: 3,
      floodWindowMs: 5_000,
      editReserve: 0,
      slowdownFactor: 1,
      slowdownMs: 0,
    })
    const keyboardFor = (c: KeyboardContext) => [
      [{ text: `✅ (${c.ackCount})`, callbackData: `a1:${c.broadcastId}` }],
    ]
    const sender = createSender({
      deps,
      port,
      pacer: unlimited,
      keyboardFor,
      keyboardRefresh: false,
      batchSize: 100,
    })
    while ((await sender.runOnce()).claimed > 0) {
      // keep going until the outbox is empty
    }
    await deps.db.deleteFrom('broadcast').execute()
  })
})
