import { systemClock, type Clock } from '../clock.js'
import type { Config } from '../config.js'
import { openConfiguredDatabase, type OpenedDatabase } from '../db/database.js'
import { migrateToLatest } from '../db/migrator.js'
import type { Deps } from '../domain/deps.js'
import type { Logger } from '../logger.js'

/** What a CLI command gets: where to print, and the configuration. */
export interface CliIo {
  out: (line: string) => void
  err: (line: string) => void
  config: Config
  logger: Logger
  clock?: Clock
}

/** Opens and migrates the database for one command, and always closes it. */
export async function withDatabase<T>(
  io: CliIo,
  work: (deps: Deps, database: OpenedDatabase) => Promise<T>,
): Promise<T> {
  const database = openConfiguredDatabase(io.config)
  const deps: Deps = {
    db: database.db,
    clock: io.clock ?? systemClock,
    logger: io.logger,
    config: io.config,
  }
  try {
    await migrateToLatest(deps.db)
    return await work(deps, database)
  } finally {
    await database.db.destroy()
  }
}

/** Thrown for a wrong invocation: the message and an example go to stderr, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
}
