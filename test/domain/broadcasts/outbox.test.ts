import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { KeyboardContext } from '../../../src/domain/broadcasts/keyboard-context.js'
import {
  claimDueDeliveries,
  nextDeliveryDueAt,
  recordOutcome,
} from '../../../src/domain/broadcasts/outbox.js'
import { Pacer } from '../../../src/domain/broadcasts/pacer.js'
import { confirmBroadcast } from '../../../src/domain/broadcasts/schedule-broadcast.js'
import { createSender } from '../../../src/domain/broadcasts/sender.js'
import { FakeChatPort } from '../../support/fake-chat-port.js'
import { FakeTime } from '../../support/fake-time.js'
import { seedWorld, type World } from '../../support/seed-world.js'
import { createTestDeps, type TestDeps } from '../../support/temp-db.js'

let deps: TestDeps
let world: World
beforeEach(async () => {
  deps = await createTestDeps()
  world = await seedWorld(deps, { groups: 10 })
})
afterEach(() => deps.close())

async function schedule(when: string) {
  const result = await confirmBroadcast(deps, {
    campaignCode: world.campaignCode,
    when,
    unitCodes: [],
    sourceChatId: 9,
    sourceMessageIds: [55, 56],
    createdByMemberId: world.officeId,
    actorTelegramId: 9,
  })
  if (!result.ok) throw new Error(result.error.code)
  return result.value.broadcastIds[0] ?? 0
}

describe('claimDueDeliveries', () => {
  it('claims only due rows, once, and marks the broadcast sending', async () => {
    const now = await schedule('ngay')
    await schedule('10:00')
    const claimed = await claimDueDeliveries(deps, { limit: 4, workerId: 'w1' })
    // In delivery order (units by code: U1, U10, U2 …).
    expect(claimed.map((d) => d.chatId)).toEqual([-1001, -1010, -1002, -1003])
    expect(claimed[0]).toMatchObject({
      broadcastId: now,
      sourceChatId: 9,
      sourceMessageIds: [55, 56],
      slogan: null,
    })
    const rest = await claimDueDeliveries(deps, { limit: 100, workerId: 'w2' })
    expect(rest.length).toBe(6)
    expect(await claimDueDeliveries(deps, { limit: 100, workerId: 'w3' })).toEqual([])
    const statuses = await deps.db
      .selectFrom('broadcast')
      .select(['id', 'status'])
      .orderBy('id')
      .execute()
    expect(statuses.map((s) => s.status)).toEqual(['sending', 'scheduled'])
    // The leases of the rows in flight run out first; then the 10:00 broadcast is due.
    expect(await nextDeliveryDueAt(deps)).toBe('2024-04-15T01:01:00.000Z')
    await deps.db
      .updateTable('delivery')
      .set({ state: 'sent' })
      .where('state', '=', 'sending')
      .execute()
    expect(await nextDeliveryDueAt(deps)).toBe('2024-04-15T03:00:00.000Z')
  })

  it('sends rows taken back from a dead worker after the never-tried ones (PRODUCT §9)', async () => {
    await schedule('ngay')
    const dead = await claimDueDeliveries(deps, { limit: 3, workerId: 'dead' })
    deps.clock.advance(60_000)
    const next = await claimDueDeliveries(deps, { limit: 100, workerId: 'live' })
    expect(next).toHaveLength(10)
    // The seven never tried first, then the three that were in flight at the crash.
    expect(next.slice(7).map((d) => d.id)).toEqual(dead.map((d) => d.id))
  })

  it('takes back a row whose lease ran out, after the never-tried ones, and the old holder records nothing', async () => {
    await schedule('ngay')
    const [held] = await claimDueDeliveries(deps, { limit: 1, workerId: 'dead' })
    if (held === undefined) throw new Error('nothing claimed')
    // Within the lease nobody else may take it.
    deps.clock.advance(59_000)
    const early = await claimDueDeliveries(deps, { limit: 100, workerId: 'live' })
    expect(early.map((d) => d.id)).not.toContain(held.id)
    expect(early.length).toBe(9)
    for (const d of early)
      await recordOutcome(deps, { id: d.id, workerId: 'live' }, { kind: 'sent', messageIds: [1] })
    deps.clock.advance(1_000)
    const [again] = await claimDueDeliveries(deps, { limit: 100, workerId: 'live' })
    expect(again?.id).toBe(held.id)
    const late = await recordOutcome(
      deps,
      { id: held.id, workerId: 'dead' },
      { kind: 'sent', messageIds: [7] },
    )
    expect(late).toEqual({ kind: 'ignored' })
    expect(
      await deps.db
        .selectFrom('delivery')
        .select(['state', 'claimed_by'])
        .where('id', '=', held.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ state: 'sending', claimed_by: 'live' })
  })

  it('reaches a group at its current id and skips broadcasts not yet approved or cancelled', async () => {
    await schedule('ngay')
    await deps.db
      .updateTable('unit_chat')
      .set({ chat_id: -5001 })
      .where('chat_id', '=', -1001)
      .execute()
    await deps.db.updateTable('broadcast').set({ status: 'cancelled' }).execute()
    expect(await claimDueDeliveries(deps, { limit: 100, workerId: 'w' })).toEqual([])
    await deps.db.updateTable('broadcast').set({ status: 'scheduled' }).execute()
    const claimed = await claimDueDeliveries(deps, { limit: 1, workerId: 'w' })
    expect(claimed[0]?.chatId).toBe(-5001)
  })
})

describe('recordOutcome', () => {
  it('sent: keeps the message ids (the keyboard one last) and completes the broadcast with the last row', async () => {
    const id = await schedule('ngay')
    const claimed = await claimDueDeliveries(deps, { limit: 100, workerId: 'w' })
    for (const [i, d] of claimed.entries()) {
      await recordOutcome(
        deps,
        { id: d.id, workerId: 'w' },
        { kind: 'sent', messageIds: [i * 10 + 1, i * 10 + 2] },
      )
      const status = await deps.db
        .selectFrom('broadcast')
        .select('status')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
      expect(status.status).toBe(i === claimed.length - 1 ? 'sent' : 'sending')
    }
    const first = await deps.db
      .selectFrom('delivery')
      .select(['message_id', 'message_ids', 'state'])
      .where('id', '=', claimed[0]?.id ?? 0)
      .executeTakeFirstOrThrow()
    expect(first).toEqual({ message_id: 2, message_ids: '[1,2]', state: 'sent' })
    // A late duplicate record changes nothing.
    expect(
      await recordOutcome(
        deps,
        { id: claimed[0]?.id ?? 0, workerId: 'w' },
        {
          kind: 'rejected',
          reason: 'x',
          errorCode: 400,
        },
      ),
    ).toEqual({ kind: 'ignored' })
  })

  it('retry-after: back to pending after the wait, no attempt spent', async () => {
    await schedule('ngay')
    const [d] = await claimDueDeliveries(deps, { limit: 1, workerId: 'w' })
    const effect = await recordOutcome(
      deps,
      { id: d?.id ?? 0, workerId: 'w' },
      {
        kind: 'retry-after',
        seconds: 30,
        reason: 'Too Many Requests: retry after 30',
      },
    )
    expect(effect).toEqual({ kind: 'retry', at: '2024-04-15T01:00:30.000Z', retryAfterSeconds: 30 })
    expect(
      await deps.db
        .selectFrom('delivery')
        .select(['state', 'attempts', 'error_code'])
        .where('id', '=', d?.id ?? 0)
        .executeTakeFirstOrThrow(),
    ).toEqual({
      state: 'pending',
      attempts: 0,
      error_code: 429,
    })
  })

  it('chat-gone recorded for every group at once: each is recorded, and the broadcast ends', async () => {
    // §11: on PostgreSQL eight workers record in parallel; two groups lost at the same
    // moment once deadlocked on their broadcast's row, and the sender stalled a second each.
    const id = await schedule('ngay')
    const claimed = await claimDueDeliveries(deps, { limit: 10, workerId: 'w' })
    const effects = await Promise.all(
      claimed.map((d) =>
        recordOutcome(
          deps,
          { id: d.id, workerId: 'w' },
          {
            kind: 'chat-gone',
            reason: 'Forbidden: bot was kicked from the supergroup chat',
            errorCode: 403,
          },
        ),
      ),
    )
    expect(effects.map((e) => e.kind)).toEqual(claimed.map(() => 'group-lost'))
    const rows = await deps.db.selectFrom('delivery').select('state').execute()
    expect(rows.map((r) => r.state)).toEqual(claimed.map(() => 'failed'))
    const broadcast = await deps.db
      .selectFrom('broadcast')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(broadcast.status).toBe('sent')
  })
})

describe('crash safety (PRODUCT §9)', () => {
  it('after a kill mid-broadcast and a restart, every group has the message; only in-flight sends repeat', async () => {
    await schedule('ngay')
    const time = new FakeTime(deps.clock)
    const port = new FakeChatPort(time.now)
    // First run: 6 recorded, 3 sent but killed before recording, 1 claimed and never sent.
    const claimed = await claimDueDeliveries(deps, { limit: 10, workerId: 'before-crash' })
    for (const d of claimed.slice(0, 6)) {
      const outcome = await port.copyMessages({
        fromChatId: 9,
        messageIds: [55],
        toChatId: d.chatId,
      })
      await recordOutcome(deps, { id: d.id, workerId: 'before-crash' }, outcome)
    }
    for (const d of claimed.slice(6, 9))
      await port.copyMessages({ fromChatId: 9, messageIds: [55], toChatId: d.chatId })
    // kill -9 here. A live process takes the rows back once their lease has run out:
    deps.clock.advance(60_000)
    const keyboardFor = (c: KeyboardContext) => [
      [{ text: `✅ (${c.ackCount})`, callbackData: `a1:${c.broadcastId}` }],
    ]
    const sender = createSender({
      deps,
      port,
      pacer: new Pacer(time.now),
      keyboardFor,
      sleep: time.sleep,
      keyboardRefresh: false,
      workerId: 'after-crash',
    })
    await sender.runOnce()
    const perChat = new Map<number, number>()
    for (const c of port.calls.filter((call) => call.method === 'copyMessages'))
      perChat.set(c.chatId, (perChat.get(c.chatId) ?? 0) + 1)
    expect(perChat.size).toBe(10)
    const repeated = [...perChat].filter(([, n]) => n > 1).map(([chat]) => chat)
    expect(repeated.sort((a, b) => a - b)).toEqual(
      claimed
        .slice(6, 9)
        .map((d) => d.chatId)
        .sort((a, b) => a - b),
    )
    expect(
      await deps.db.selectFrom('delivery').select('state').where('state', '!=', 'sent').execute(),
    ).toEqual([])
  })
})
