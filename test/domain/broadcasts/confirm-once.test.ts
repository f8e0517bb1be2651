import { failWrites } from '../../support/test-database.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  confirmBroadcast,
  type BroadcastRequest,
} from '../../../src/domain/broadcasts/schedule-broadcast.js'
import { readPendingAction, savePendingAction } from '../../../src/domain/pending-actions.js'
import { z } from 'zod'
import { seedWorld, type World } from '../../support/seed-world.js'
import { createTestDeps, type TestDeps } from '../../support/temp-db.js'

let deps: TestDeps
let world: World
beforeEach(async () => {
  deps = await createTestDeps()
  world = await seedWorld(deps, { groups: 3 })
})
afterEach(() => deps.close())

const schema = z.object({}).passthrough()

describe('Xác nhận is spent with the broadcast it creates (issue 8)', () => {
  it('a crash inside the confirming transaction keeps the preview; the replayed press schedules once', async () => {
    const request: BroadcastRequest = {
      campaignCode: world.campaignCode,
      when: 'ngay',
      unitCodes: [],
      sourceChatId: 9,
      sourceMessageIds: [55],
      createdByMemberId: world.officeId,
      actorTelegramId: 9,
    }
    const id = await savePendingAction(deps, {
      memberId: world.officeId,
      kind: 'broadcast',
      payload: request,
    })
    const consume = { id, memberId: world.officeId, kind: 'broadcast' }
    // The process dies after the preview is consumed and before the deliveries are written.
    const revive = await failWrites(deps.db, { table: 'delivery', on: 'insert', message: 'killed' })
    await expect(confirmBroadcast(deps, request, { consume })).rejects.toThrow('killed')
    await revive()
    expect(await readPendingAction(deps, { ...consume, schema })).toBeDefined()
    expect(await deps.db.selectFrom('broadcast').select('id').execute()).toEqual([])

    // The restart replays the press: it takes effect once, a second press finds it spent.
    const first = await confirmBroadcast(deps, request, { consume })
    expect(first.ok && first.value.deliveryCount).toBe(3)
    expect(await confirmBroadcast(deps, request, { consume })).toEqual({
      ok: false,
      error: { code: 'stale-button' },
    })
    expect(await deps.db.selectFrom('broadcast').select('id').execute()).toHaveLength(1)
    expect(await deps.db.selectFrom('delivery').select('id').execute()).toHaveLength(3)
  })
})
