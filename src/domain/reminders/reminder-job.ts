import type { ScheduledJob } from '../../scheduler.js'
import type { Deps } from '../deps.js'
import type { ReminderRenderer } from './reminder-renderer.js'
import { nextReminderDueAt, sendDueReminders } from './send-due-reminders.js'

/**
 * The reminders as a scheduler job (src/scheduler.ts): the scheduler sleeps
 * until the earliest pending reminder row (one indexed lookup), then this
 * expands what is due into the outbound queue and wakes the sender.
 */
export function reminderJob(renderer: ReminderRenderer): ScheduledJob {
  return {
    nextDueAt: (deps: Deps) => nextReminderDueAt(deps),
    run: async (deps: Deps) => {
      const stats = await sendDueReminders(deps, renderer)
      if (stats.messages > 0) deps.wake?.()
      return stats.sent + stats.skipped > 0
    },
  }
}
