import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../../../src/db/schema.js'
import { Pacer } from '../../../src/domain/broadcasts/pacer.js'
import {
  nextKeyboardRefreshAt,
  refreshDueKeyboards,
} from '../../../src/domain/broadcasts/keyboard-refresh.js'
import { FakeChatPort } from '../../support/fake-chat-port.js'
import { createTestDeps, type TestDeps } from '../../support/temp-db.js'
import { testDialect } from '../../support/test-database.js'

let deps: TestDeps
beforeEach(async () => {
  deps = await createTestDeps()
})
afterEach(() => deps.close())

/**
 * Every scheduler pass asks when a keyboard is next due, and the refresh reads
 * the copies behind: both must go through the partial index of copies behind,
 * never through every sent copy (issue 14: ≈ 100 ms a pass at 400,000 copies).
 */
describe.skipIf(testDialect !== 'sqlite')('keyboard refresh query plans', () => {
  it('read only the copies whose keyboard is behind, through their partial index', async () => {
    if (deps.database.dialect !== 'sqlite') return
    const queries: CompiledQuery[] = []
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: deps.database.sqlite }),
      log: (event) => {
        if (event.level === 'query') queries.push(event.query)
      },
    })
    const logged = { ...deps, db }
    await nextKeyboardRefreshAt(logged)
    await refreshDueKeyboards(logged, {
      port: new FakeChatPort(),
      pacer: new Pacer(() => 0),
      keyboardFor: () => [],
    })
    const reads = queries.filter((q) => q.sql.startsWith('select'))
    expect(reads).toHaveLength(2)
    for (const query of reads) {
      const plan = (
        deps.database.sqlite
          .prepare(`EXPLAIN QUERY PLAN ${query.sql}`)
          .all(...query.parameters) as { detail: string }[]
      )
        .map((p) => p.detail)
        .join(' | ')
      expect(plan, query.sql).toMatch(/USING (COVERING )?INDEX delivery_keyboard_idx/)
      expect(plan, query.sql).not.toMatch(/delivery_queue_idx/)
    }
  })
})
