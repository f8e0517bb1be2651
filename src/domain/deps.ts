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
  /**
   * Tells the scheduler that queue rows were added or became due, so it looks
   * now instead of at its next planned wake-up (src/scheduler.ts). Call it after
   * the transaction that wrote them. Absent in domain tests, which run the sender by hand.
   */
  wake?: () => void
}

/** The clock's instant as the UTC ISO-8601 text we store. */
export function nowIso(deps: Pick<Deps, 'clock'>): string {
  return deps.clock.now().toISOString()
}
