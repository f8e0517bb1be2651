import type { Deps } from './domain/deps.js'
import { differenceInMilliseconds } from 'date-fns'

/**
 * The one timer of Loa (STYLE §2): it decides nothing, it wakes the jobs that
 * have due work. Each job says when its next work falls due; the scheduler
 * sleeps until the earliest of those instants, or until {@link Scheduler.wake}
 * (rows were added), never on a fixed tick.
 *
 * ## Plugging a job in (reminders, housekeeping, …)
 *
 * ```ts
 * app.scheduler.register('reminders', {
 *   // The earliest instant (UTC ISO-8601 text, as stored) at which run() has
 *   // work, or null when there is none. Cheap: one indexed MIN() query.
 *   nextDueAt: (deps) => nextReminderDueAt(deps),
 *   // Does the work that is due now (deps.clock.now()). Return true when it did
 *   // something and may have more (the scheduler runs the jobs again at once),
 *   // false or nothing when done. Throwing is logged; the job runs again later.
 *   run: (deps) => planDueReminders(deps),
 * })
 * ```
 *
 * A job that writes messages for people enqueues them with `enqueueOutbound`
 * (src/domain/outbound/outbound.ts) inside its own transaction and then calls
 * `deps.wake?.()`: the sender job sends them through the pacer. Jobs run one
 * after another in registration order, never two passes at once, so a job
 * needs no lock of its own within a process; across processes its claims do
 * that (src/db/claim.ts).
 *
 * Time is `deps.clock`: tests move a ManualClock, then `wake()` and await
 * `whenIdle()`.
 */
export interface ScheduledJob {
  nextDueAt(deps: Deps): Promise<string | null>
  run(deps: Deps): Promise<boolean | void>
}

export interface Scheduler {
  /** Adds a job; names are for logs and must be unique. Takes effect at the next pass. */
  register(name: string, job: ScheduledJob): void
  /** Something may be due now: look at once instead of at the planned instant. */
  wake(): void
  start(): void
  /** Ends the loop after the pass in progress. */
  stop(): Promise<void>
  /**
   * Resolves the next time a pass has found nothing more to do and the loop
   * goes to sleep: for tests and the sandbox, instead of sleeping.
   */
  whenIdle(): Promise<void>
}

export interface SchedulerOptions {
  /** Longest sleep, in case the clock jumps or a row is written without a wake(). */
  maxIdleMs?: number
  /** Shortest sleep when a job is due but did nothing (it is waiting on something else). */
  minIdleMs?: number
  /** After a failed pass. */
  errorBackoffMs?: number
}

export function createScheduler(deps: Deps, options: SchedulerOptions = {}): Scheduler {
  const log = deps.logger.child({ module: 'scheduler' })
  const maxIdleMs = options.maxIdleMs ?? 60_000
  const minIdleMs = options.minIdleMs ?? 1_000
  const errorBackoffMs = options.errorBackoffMs ?? 5_000
  const jobs = new Map<string, ScheduledJob>()
  const idleWaiters: (() => void)[] = []
  let running: Promise<void> | undefined
  let stopping = false
  let woken = false
  let wakeUp: (() => void) | undefined

  /** Runs every job that is due; true when one of them made progress. */
  async function pass(): Promise<boolean> {
    let progressed = false
    for (const [name, job] of jobs) {
      const due = await job.nextDueAt(deps)
      if (due === null || due > deps.clock.now().toISOString()) continue
      try {
        if ((await job.run(deps)) === true) progressed = true
      } catch (error) {
        log.error({ err: error, job: name }, 'scheduled job failed')
      }
    }
    return progressed
  }

  async function nextDue(): Promise<string | null> {
    let next: string | null = null
    for (const job of jobs.values()) {
      const due = await job.nextDueAt(deps)
      if (due !== null && (next === null || due < next)) next = due
    }
    return next
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      timer.unref()
      function done() {
        clearTimeout(timer)
        wakeUp = undefined
        resolve()
      }
      wakeUp = done
    })
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      woken = false
      let waitMs: number
      try {
        if (await pass()) continue
        if (stopping) break
        const next = await nextDue()
        const untilDue =
          next === null ? maxIdleMs : differenceInMilliseconds(next, deps.clock.now())
        waitMs = Math.max(minIdleMs, Math.min(maxIdleMs, untilDue))
      } catch (error) {
        // The database or a bug: log, back off, keep the loop alive; rows stay where they were.
        log.error({ err: error }, 'scheduler pass failed')
        waitMs = errorBackoffMs
      }
      if (woken || stopping) continue
      // Nothing more to do now: whoever waits for a quiet queue may go on.
      for (const resolve of idleWaiters.splice(0)) resolve()
      await sleep(waitMs)
    }
  }

  return {
    register(name, job) {
      if (jobs.has(name)) throw new Error(`scheduler job ${name} registered twice`)
      jobs.set(name, job)
    },
    wake() {
      woken = true
      wakeUp?.()
    },
    start() {
      if (running !== undefined) return
      stopping = false
      running = loop()
    },
    async stop() {
      stopping = true
      wakeUp?.()
      await running
      running = undefined
      for (const resolve of idleWaiters.splice(0)) resolve()
    },
    whenIdle() {
      return new Promise((resolve) => idleWaiters.push(resolve))
    },
  }
}
