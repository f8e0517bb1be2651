import { Migrator, type MigrationResult } from 'kysely'
import { migrations } from '../../migrations/index.js'
import type { Db } from './database.js'

export class MigrationError extends Error {
  override readonly name = 'MigrationError'
  constructor(
    readonly migration: string | undefined,
    override readonly cause: unknown,
  ) {
    super(`migration ${migration ?? '(unknown)'} failed: ${String(cause)}`)
  }
}

/** Brings the database to the newest schema; returns the migrations applied now. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error !== undefined) {
    const failed = results?.find((r: MigrationResult) => r.status === 'Error')
    throw new MigrationError(failed?.migrationName, error)
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
