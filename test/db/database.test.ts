import { describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { dialectOf, parseInt8 } from '../../src/db/database.js'
import { createTestDeps } from '../support/temp-db.js'
import { testDialect } from '../support/test-database.js'

describe('parseInt8 (PostgreSQL bigint)', () => {
  it('reads ids within the safe range as numbers', () => {
    expect(parseInt8('-1001234567890')).toBe(-1001234567890)
    expect(parseInt8(String(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER)
  })

  it('refuses a value that would round', () => {
    expect(() => parseInt8('9007199254740993')).toThrowError(/beyond JavaScript's safe range/)
  })
})

describe('the configured engine', () => {
  it(`runs this project on ${testDialect}, Telegram's 64-bit ids round-trip as numbers`, async () => {
    const deps = await createTestDeps()
    try {
      expect(dialectOf(deps.db)).toBe(testDialect)
      await deps.db
        .insertInto('chat_notice')
        .values({ chat_id: -1009876543210123, kind: 'test', sent_at: '2024-04-15T01:00:00.000Z' })
        .execute()
      const row = await deps.db
        .selectFrom('chat_notice')
        .select('chat_id')
        .executeTakeFirstOrThrow()
      expect(row.chat_id).toBe(-1009876543210123)
      const count = await sql<{ n: number }>`select count(*) as n from chat_notice`.execute(deps.db)
      expect(count.rows[0]?.n).toBe(1)
    } finally {
      await deps.close()
    }
  })
})
