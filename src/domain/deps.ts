import type { Clock } from '../clock.js'
import type { Config } from '../config.js'
import type { Db } from '../db/database.js'
import type { Logger } from '../logger.js'

/** What every use case gets as its first argument. No container, no globals. */
export interface Deps {
  db: Db
  clock: Clock
  logger: Logger
  config: Config
}

/** The clock's instant as the UTC ISO-8601 text we store. */
export function nowIso(deps: Pick<Deps, 'clock'>): string {
  return deps.clock.now().toISOString()
}
