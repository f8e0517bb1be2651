import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { pruneStaleRows } from '../../src/domain/housekeeping.js'
import { savePendingAction } from '../../src/domain/pending-actions.js'
import { claimUpdate, finishUpdate, storeFetchedUpdates } from '../../src/domain/updates/inbox.js'
import { createTestDeps, type TestDeps } from '../support/temp-db.js'

let deps: TestDeps
beforeEach(async () => {
  deps = await createTestDeps()
})
afterEach(() => deps.close())

describe('pruneStaleRows', () => {
  it('drops handled updates older than a week and expired previews, keeping the rest', async () => {
    const member = await deps.db
      .insertInto('member')
      .values({
        telegram_id: 1,
        username: null,
        full_name: 'Lan',
        unit_id: null,
        telegram_language: null,
        chosen_language: null,
        private_chat_id: null,
        last_seen_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await storeFetchedUpdates(deps, [{ update_id: 1 }, { update_id: 2 }])
    await claimUpdate(deps, { update_id: 1 }, 'w')
    await finishUpdate(deps, 1, 'w')
    await savePendingAction(deps, { memberId: member.id, kind: 'old', payload: {}, ttlHours: 1 })
    deps.clock.advance(8 * 24 * 3600_000)
    await storeFetchedUpdates(deps, [{ update_id: 3 }])
    await claimUpdate(deps, { update_id: 3 }, 'w')
    await finishUpdate(deps, 3, 'w')
    await savePendingAction(deps, { memberId: member.id, kind: 'fresh', payload: {} })

    await pruneStaleRows(deps)
    const updates = await deps.db
      .selectFrom('inbound_update')
      .select('update_id')
      .orderBy('update_id')
      .execute()
    // 1 is old and handled; 2 was never handled, so it is kept for replay whatever its age.
    expect(updates.map((u) => u.update_id)).toEqual([2, 3])
    expect(
      (await deps.db.selectFrom('pending_action').select('kind').execute()).map((r) => r.kind),
    ).toEqual(['fresh'])
  })
})
