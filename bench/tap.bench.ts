import { sql } from 'kysely'
import { bench, describe } from 'vitest'
import { recordAcknowledgement } from '../src/domain/acknowledgements/record-acknowledgement.js'
import { confirmBroadcast } from '../src/domain/broadcasts/schedule-broadcast.js'
import { seedWorld, type World } from '../test/support/seed-world.js'
import { createTestDeps, type TestDeps } from '../test/support/temp-db.js'

/**
 * The tap's own cost (recordAcknowledgement: one transaction, counters on the
 * delivery) with an empty acknowledgement table and with 2 M rows in it. The
 * two must be about equal: a tap never counts rows (issue 8).
 */
interface Setup {
  deps: TestDeps
  world: World
  broadcastId: number
  messageId: number
  next: number
}

async function setUp(existingAcks: number): Promise<Setup> {
  const deps = await createTestDeps()
  const world = await seedWorld(deps, { groups: 3 })
  const confirmed = await confirmBroadcast(deps, {
    campaignCode: world.campaignCode,
    when: 'ngay',
    unitCodes: [],
    sourceChatId: 9,
    sourceMessageIds: [55],
    createdByMemberId: world.officeId,
    actorTelegramId: 9,
  })
  if (!confirmed.ok) throw new Error(confirmed.error.code)
  const broadcastId = confirmed.value.broadcastIds[0] ?? 0
  await deps.db
    .updateTable('delivery')
    .set({ state: 'sent', message_id: 777, sent_at: '2024-04-15T01:00:00.000Z' })
    .where('chat_id', '=', -1001)
    .execute()
  // Members to tap with, then the old acknowledgements (on other broadcasts), in bulk.
  await sql`insert into member (telegram_id, full_name, unit_id, created_at, updated_at)
    with recursive n(i) as (select 1 union all select i + 1 from n where i < 20000)
    select 900000 + i, 'Người ' || i, ${world.units[0]?.id ?? 1}, '2024-04-15', '2024-04-15' from n`.execute(
    deps.db,
  )
  if (existingAcks > 0) {
    await sql`pragma foreign_keys = off`.execute(deps.db)
    await sql`insert into acknowledgement (broadcast_id, member_id, delivery_id, source, created_at)
      with recursive n(i) as (select 1 union all select i + 1 from n where i < ${existingAcks})
      select 1000 + (i / 1000), i, 1, 'button', '2024-04-15T01:00:00.000Z' from n`.execute(deps.db)
    await sql`pragma foreign_keys = on`.execute(deps.db)
  }
  const first = await deps.db
    .selectFrom('member')
    .select((eb) => eb.fn.min('id').as('id'))
    .where('telegram_id', '>', 900000)
    .executeTakeFirstOrThrow()
  return { deps, world, broadcastId, messageId: 777, next: Number(first.id) }
}

const setups = new Map<number, Promise<Setup>>()

for (const existing of [0, 2_000_000]) {
  describe(`tap with ${existing.toLocaleString('en')} acknowledgements stored`, () => {
    bench(
      'recordAcknowledgement (new member)',
      async () => {
        let setup = setups.get(existing)
        if (setup === undefined) {
          setup = setUp(existing)
          setups.set(existing, setup)
        }
        const s = await setup
        const result = await recordAcknowledgement(s.deps, {
          chatId: -1001,
          messageId: s.messageId,
          broadcastId: s.broadcastId,
          memberId: s.next++,
          source: 'button',
        })
        if (!result.ok) throw new Error(result.error.code)
      },
      { iterations: 2000, warmupIterations: 50, time: 0 },
    )
  })
}
