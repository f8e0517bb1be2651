import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { ManualClock } from '../../src/clock.js'
import { loadConfig, type Config } from '../../src/config.js'
import { openConfiguredDatabase, type OpenedDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import type { Deps } from '../../src/domain/deps.js'
import { dropTestDatabase, testDatabaseEnv } from './test-database.js'

export interface TempDir {
  path: string
  file(name: string): string
  remove(): void
}

export function makeTempDir(): TempDir {
  const path = mkdtempSync(join(tmpdir(), 'loa-test-'))
  return {
    path,
    file: (name) => join(path, name),
    remove: () => rmSync(path, { recursive: true, force: true }),
  }
}

export interface TestDeps extends Deps {
  clock: ManualClock
  database: OpenedDatabase
  close(): Promise<void>
}

/** Domain deps on a migrated database of its own (SQLite file, or PostgreSQL in the pg projects), with a clock that moves only when told. */
export async function createTestDeps(
  env: Record<string, string> = {},
  start = '2024-04-15T01:00:00Z',
): Promise<TestDeps> {
  const dir = makeTempDir()
  const config: Config = loadConfig({ ...(await testDatabaseEnv(dir)), ...env })
  const database = openConfiguredDatabase(config)
  await migrateToLatest(database.db)
  return {
    db: database.db,
    database,
    clock: new ManualClock(start),
    logger: pino({ level: 'silent' }),
    config,
    async close() {
      await database.db.destroy()
      await dropTestDatabase(dir)
      dir.remove()
    },
  }
}
