import type { Deps } from './deps.js'
import { addHours, subWeeks } from 'date-fns'
import type { ScheduledJob } from '../scheduler.js'
import { pruneHandledUpdates } from './updates/inbox.js'

/**
 * Rows that only ever grow: handled updates (Telegram never redelivers one a
 * week old) and previews, drafts and album notes past their expiry.
 * Idempotent; safe to run at any time.
 */
export async function pruneStaleRows(deps: Deps): Promise<void> {
  const now = deps.clock.now()
  await pruneHandledUpdates(deps, subWeeks(now, 1).toISOString())
  await deps.db.deleteFrom('pending_action').where('expires_at', '<=', now.toISOString()).execute()
}

/** Housekeeping as a scheduler job: at start, then hourly (from the last run in this process). */
export function housekeepingJob(): ScheduledJob {
  let nextAt: string | null = null
  return {
    nextDueAt: (deps) => Promise.resolve(nextAt ?? deps.clock.now().toISOString()),
    async run(deps) {
      nextAt = addHours(deps.clock.now(), 1).toISOString()
      await pruneStaleRows(deps)
      return false
    },
  }
}
