import type { ScheduledJob } from '../../scheduler.js'
import type { Deps } from '../deps.js'
import { openCampaignIds, syncReminders } from './sync-reminders.js'

/** Due at once: any instant in the past. */
const NOW = new Date(0).toISOString()

/** One turn of the event loop: updates received meanwhile are handled before the next campaign. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

export interface StartSync {
  /** Syncs every campaign that may be out of line, once, a turn of the event loop between two. */
  job: ScheduledJob
  /** The reminders job, holding its sends until the start's sync is done. */
  after(job: ScheduledJob): ScheduledJob
  /** True once every campaign is in line. */
  isDone(): boolean
}

/**
 * The reminder rows brought in line with every campaign once per start, in the
 * background. A change to what is due re-plans its campaign in its own
 * transaction, except where a crash falls between the two (starting or closing
 * a campaign, src/telegram/features/campaigns.ts), and a new version of Loa,
 * another time zone or new holiday data change what every campaign is owed:
 * this sync catches those up.
 *
 * It used to run before polling began, so start waited for it (≈ 6–19 s and
 * 65–100 MB on a department of 20,000 members, issue 14). Now it is a
 * scheduler job: one campaign at a time, each in its own transaction, a turn
 * of the event loop between two, so commands are answered meanwhile (one run
 * for them all: each scheduler pass asks every job what is due, which costs
 * ≈ 100 ms on that department). Reminder
 * keys are unique and the sync idempotent: a crash mid-way plans nothing
 * twice, and the next start simply goes over every campaign again (it cannot
 * know which changes the crash cut short). Until the last campaign is done the
 * reminders job sends nothing, so a row that is no longer owed (its campaign
 * closed just before a crash) is marked skipped before it could go out.
 */
export function startReminderSync(
  options: { step?: (deps: Deps) => Promise<void> } = {},
): StartSync {
  const step = options.step ?? nextTurn
  let queue: number[] | undefined
  let done = false
  let planned = 0
  let withdrawn = 0
  const isDone = () => done
  return {
    isDone,
    job: {
      nextDueAt: () => Promise.resolve(done ? null : NOW),
      run: async (deps: Deps) => {
        if (done) return false
        queue ??= await openCampaignIds(deps)
        for (let id = queue[0]; id !== undefined; id = queue[0]) {
          await step(deps)
          const result = await syncReminders(deps, id)
          // Only once it committed: after a failure the next run goes on from this campaign.
          queue.shift()
          planned += result.planned
          withdrawn += result.withdrawn
        }
        done = true
        deps.logger.info({ planned, withdrawn }, 'reminders in line with every campaign')
        return true
      },
    },
    after: (job) => ({
      nextDueAt: (deps) => (done ? job.nextDueAt(deps) : Promise.resolve(null)),
      run: (deps) => (done ? job.run(deps) : Promise.resolve(false)),
    }),
  }
}
