import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  claimUpdate,
  isUpdateHandled,
  storeFetchedUpdates,
  transactionOfUpdate,
  unhandledUpdates,
  UpdateHandledElsewhere,
  UpdateTicket,
} from '../../../src/domain/updates/inbox.js'
import { createTestDeps, type TestDeps } from '../../support/temp-db.js'

let deps: TestDeps
beforeEach(async () => {
  deps = await createTestDeps()
})
afterEach(() => deps.close())

/** A write of the handler's own, to see whether it committed with the mark. */
const audit = (trx: TestDeps['db'], what: string) =>
  trx
    .insertInto('audit_log')
    .values({ at: '2024-04-15T01:00:00Z', actor_telegram_id: 1, action: what, subject: null })
    .execute()

const audited = async () =>
  (await deps.db.selectFrom('audit_log').select('action').execute()).map((r) => r.action)

describe('an update marked handled inside its handler’s transaction (issue 8, one commit per tap)', () => {
  it('commits the mark with the effect; a second delivery or process does nothing', async () => {
    await storeFetchedUpdates(deps, [{ update_id: 7 }])
    const first = new UpdateTicket(deps, { update_id: 7 }, 'w1')
    await transactionOfUpdate(deps, first, (trx) => audit(trx, 'first'))
    expect(first.settled).toBe(true)
    expect(await isUpdateHandled(deps, 7)).toBe(true)

    const second = new UpdateTicket(deps, { update_id: 7 }, 'w2')
    await expect(
      transactionOfUpdate(deps, second, (trx) => audit(trx, 'second')),
    ).rejects.toBeInstanceOf(UpdateHandledElsewhere)
    expect(await second.settleAlone()).toBe(false)
    expect(await audited()).toEqual(['first'])
  })

  it('a crash or failure before the commit leaves the update to replay, with no effect', async () => {
    await storeFetchedUpdates(deps, [{ update_id: 8 }])
    const ticket = new UpdateTicket(deps, { update_id: 8 }, 'w1')
    await expect(
      transactionOfUpdate(deps, ticket, async (trx) => {
        await audit(trx, 'lost')
        throw new Error('killed mid-tap')
      }),
    ).rejects.toThrow('killed mid-tap')
    expect(await audited()).toEqual([])
    expect(await unhandledUpdates(deps, () => false)).toEqual([{ update_id: 8 }])
    // The replay takes effect once.
    await transactionOfUpdate(deps, new UpdateTicket(deps, { update_id: 8 }, 'w2'), (trx) =>
      audit(trx, 'replayed'),
    )
    expect(await audited()).toEqual(['replayed'])
    expect(await unhandledUpdates(deps, () => false)).toEqual([])
  })

  it('stores a webhook update never fetched, and leaves one a live process claimed to it', async () => {
    expect(await new UpdateTicket(deps, { update_id: 9 }, 'w1').settleAlone()).toBe(true)
    expect(await isUpdateHandled(deps, 9)).toBe(true)

    expect(await claimUpdate(deps, { update_id: 10 }, 'w1')).toBe(true)
    expect(await new UpdateTicket(deps, { update_id: 10 }, 'w2').settleAlone()).toBe(false)
    expect(await isUpdateHandled(deps, 10)).toBe(false)
    // Its lease run out, another may take it over.
    deps.clock.advance(6 * 60_000)
    expect(await new UpdateTicket(deps, { update_id: 10 }, 'w2').settleAlone()).toBe(true)
  })
})
