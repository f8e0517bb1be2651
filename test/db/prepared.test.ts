import { describe, expect, it } from 'vitest'
import { prepared } from '../../src/db/prepared.js'
import { createTestDeps } from '../support/temp-db.js'
import { testDialect } from '../support/test-database.js'

describe(`prepared queries on ${testDialect}`, () => {
  it('compile once, then run with each call’s parameters, constants of the query kept', async () => {
    const deps = await createTestDeps()
    const compiled: string[] = []
    const insert = prepared((db, p: { chatId: number; at: string }) =>
      db.insertInto('chat_notice').values({ chat_id: p.chatId, kind: 'test', sent_at: p.at }),
    )
    const since = prepared((db, p: { at: string; kind: string }) => {
      const query = db
        .selectFrom('chat_notice')
        .select(['chat_id', 'sent_at'])
        // The same parameter twice, and a constant (the limit) between them.
        .where('sent_at', '>=', p.at)
        .where('kind', '=', p.kind)
        .where((eb) => eb.or([eb('sent_at', '>=', p.at), eb('chat_id', '=', 0)]))
        .orderBy('chat_id')
        .limit(5)
      compiled.push(query.compile().sql)
      return query
    })
    try {
      await insert(deps.db, { chatId: -1001, at: '2024-04-15T01:00:00.000Z' })
      await insert(deps.db, { chatId: -1002, at: '2024-04-16T01:00:00.000Z' })
      // Inside a transaction too: the same dialect, the same compiled query.
      const inTransaction = await deps.db
        .transaction()
        .execute((trx) => since(trx, { at: '2024-04-16T00:00:00.000Z', kind: 'test' }))
      expect(inTransaction.rows).toEqual([{ chat_id: -1002, sent_at: '2024-04-16T01:00:00.000Z' }])
      const all = await since(deps.db, { at: '2024-04-01T00:00:00.000Z', kind: 'test' })
      expect(all.rows.map((r) => r.chat_id)).toEqual([-1002, -1001])
      expect(
        (await since(deps.db, { at: '2024-04-01T00:00:00.000Z', kind: 'other' })).rows,
      ).toEqual([])
      expect(compiled).toHaveLength(1)
      await expect(
        since(deps.db, { at: undefined as unknown as string, kind: 'test' }),
      ).rejects.toThrowError(/parameter at is undefined/)
    } finally {
      await deps.close()
    }
  })
})
