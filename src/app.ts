import type { Server } from 'node:http'
import type { LogEvent } from 'kysely'
import type { RunnerHandle } from '@grammyjs/runner'
import type { UserFromGetMe } from 'grammy/types'
import { systemClock, type Clock } from './clock.js'
import { requireBotToken, type Config } from './config.js'
import { openConfiguredDatabase, type OpenedDatabase } from './db/database.js'
import { migrateToLatest } from './db/migrator.js'
import type { Deps } from './domain/deps.js'
import { createLogger, type Logger } from './logger.js'
import { createBot, type LoaBot } from './telegram/bot.js'
import { startPolling, type PollingOptions } from './telegram/polling.js'
import { startWebhook } from './telegram/webhook.js'
import { performance } from 'node:perf_hooks'
import { createTelegramSender } from './telegram/broadcast-sender.js'
import type { Sender } from './domain/broadcasts/sender.js'
import { Pacer } from './domain/broadcasts/pacer.js'
import { housekeepingJob } from './domain/housekeeping.js'
import { expireDeadLocalLeases, newWorkerId } from './db/claim.js'
import { createScheduler, type ScheduledJob, type Scheduler } from './scheduler.js'
import { createSendingRole, withStartupLock, type SendingRole } from './db/sending-role.js'
import { isUpdateHandled } from './domain/updates/inbox.js'
import { reminderJob } from './domain/reminders/reminder-job.js'
import { startReminderSync } from './domain/reminders/start-sync.js'
import { telegramReminderRenderer } from './telegram/reminder-renderer.js'
import { goalBehindJob } from './domain/reports/goal-behind-job.js'
import { noticeTranslator } from './telegram/office-notices.js'

/** Monotonic time for pacing and retry waits (never the wall clock: it may jump). */
export interface MonotonicTime {
  now: () => number
  sleep: (ms: number) => Promise<void>
}

const realTime: MonotonicTime = {
  now: () => performance.now(),
  sleep: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, ms).unref()
    }),
}

/** How long the sending instance may go without looking for rows that other instances queued. */
export const MULTI_INSTANCE_POLL_MS = 1_000

export interface AppOverrides {
  clock?: Clock
  /** Pacing and retry waits; tests drive them by hand. */
  time?: MonotonicTime
  /** Every SQL statement run, for measuring a path (tests, benchmarks). */
  onQuery?: (event: LogEvent) => void
  logger?: Logger
  botInfo?: UserFromGetMe
  polling?: PollingOptions
  /**
   * Awaited before each campaign of the start's reminder sync (default: one turn
   * of the event loop, so updates are handled in between); tests hold it.
   */
  reminderSyncStep?: (deps: Deps) => Promise<void>
}

/** The one object holding it all: database, deps, the bot, and how it receives updates. */
export interface App {
  deps: Deps
  database: OpenedDatabase
  loa: LoaBot
  /** The queue's sender (one pass: runOnce); the scheduler runs it. */
  sender: Sender
  /** The one timer: wake() it when something became due out of band (a clock moved in tests). */
  scheduler: Scheduler
  /** Telegram's limits for every call this process makes: copies, notices, edits and replies. */
  pacer: Pacer
  /** This process's id on the rows it claims (src/db/claim.ts). */
  workerId: string
  /** Migrates, replays what a crash left, publishes menus, starts polling or the webhook. */
  start(): Promise<void>
  /** Stops receiving, waits for updates in flight, closes the database. Idempotent. */
  stop(): Promise<void>
  /** Resolves once the update has been handled (the inbox says so, or this process just did). */
  handled(updateId: number): Promise<void>
}

export function createApp(config: Config, overrides: AppOverrides = {}): App {
  const logger = overrides.logger ?? createLogger(config.logLevel)
  const database = openConfiguredDatabase(
    config,
    overrides.onQuery === undefined ? {} : { onQuery: overrides.onQuery },
  )
  const deps: Deps = { db: database.db, clock: overrides.clock ?? systemClock, logger, config }
  const time = overrides.time ?? realTime
  const pacer = new Pacer(() => time.now())
  const releaseDeadLocalClaims = async () => {
    const at = deps.clock.now().toISOString()
    const recovered =
      (await expireDeadLocalLeases(deps.db, 'delivery', at)) +
      (await expireDeadLocalLeases(deps.db, 'outbound_message', at))
    if (recovered > 0)
      logger.warn({ recovered }, 'sends in flight at the last stop will be sent again')
  }
  // §11: each scheduler hears only its own process's wake(). With several instances, a
  // broadcast confirmed or a notice queued by another instance is written to the database
  // without waking the holder of the sending role, so on PostgreSQL the holder also looks
  // for due rows every second (three indexed MIN() queries) instead of once a minute.
  const inner = createScheduler(
    deps,
    database.dialect === 'postgres' ? { maxIdleMs: MULTI_INSTANCE_POLL_MS } : {},
  )
  // §11: with several instances on PostgreSQL, only the holder of the sending
  // role runs the scheduled jobs; the others handle updates and stand by.
  const role = createSendingRole(database, {
    onAcquired: () => {
      logger.info('this instance now sends and runs the scheduled work')
      pacer.waitOutHandover()
      // Taking over from an instance of this host that died (kill -9): its sends
      // in flight go again now instead of after their lease. Remote ones wait for it.
      void releaseDeadLocalClaims().then(
        () => inner.wake(),
        (error: unknown) => logger.warn({ err: error }, 'could not release dead claims'),
      )
    },
    onLost: (error) => logger.warn({ err: error }, 'sending role lost; retrying'),
  })
  const scheduler: Scheduler = {
    ...inner,
    register: (name, job) => inner.register(name, onlyWithRole(role, job)),
  }
  deps.wake = () => scheduler.wake()
  const workerId = newWorkerId()

  const token = requireBotToken(config)
  // Whoever awaits handled(id): resolved when this process finishes the update.
  const waiters = new Map<number, (() => void)[]>()
  const loa = createBot(deps, {
    token,
    onBroadcastConfirmed: () => scheduler.wake(),
    pacer,
    time,
    ...(overrides.botInfo === undefined ? {} : { botInfo: overrides.botInfo }),
    workerId,
    onUpdateHandled: (id) => {
      for (const resolve of waiters.get(id) ?? []) resolve()
      waiters.delete(id)
    },
  })

  const { sender, keyboards } = createTelegramSender(deps, {
    token,
    i18n: loa.i18n,
    pacer,
    workerId,
    sleep: time.sleep,
  })
  scheduler.register('sender', {
    nextDueAt: () => sender.nextDueAt(),
    run: async () => {
      const stats = await sender.runOnce()
      return stats.claimed > 0
    },
  })
  scheduler.register('keyboards', keyboards)
  scheduler.register('housekeeping', housekeepingJob())
  // Reminder rows follow every campaign's items even if a change was cut short by a crash:
  // synced once per start in the background; reminders are sent once that is done.
  const reminderSync = startReminderSync(
    overrides.reminderSyncStep === undefined ? {} : { step: overrides.reminderSyncStep },
  )
  scheduler.register('reminder-sync', reminderSync.job)
  scheduler.register(
    'reminders',
    reminderSync.after(reminderJob(telegramReminderRenderer(loa.i18n, config.defaultLocale))),
  )
  scheduler.register('goal-behind', goalBehindJob(noticeTranslator(loa.i18n, config.defaultLocale)))
  let runner: RunnerHandle | undefined
  let server: Server | undefined
  let stopping: Promise<void> | undefined

  return {
    deps,
    database,
    loa,
    sender,
    scheduler,
    pacer,
    workerId,
    async start() {
      const applied = await migrateToLatest(deps.db)
      if (applied.length > 0) logger.info({ applied }, 'database migrated')
      // Sends cut short by a crash of this host go again at once, after the
      // never-tried ones: the only copies that may repeat (PRODUCT §9). Rows of
      // live or remote workers wait for their lease.
      await releaseDeadLocalClaims()
      role.start()
      scheduler.start()
      if (config.webhook === undefined) {
        runner = await startPolling(loa.bot, deps, overrides.polling)
      } else {
        server = await startWebhook(loa.bot, deps, {
          ...config.webhook,
          ...(database.dialect === 'postgres'
            ? { shared: { exclusive: (work) => withStartupLock(database, work) } }
            : {}),
        })
      }
      await loa.menus.publishDefaults(loa.bot.api).catch((error: unknown) => {
        logger.warn({ err: error }, 'could not publish command menus')
      })
      logger.info(
        {
          mode: config.webhook === undefined ? 'polling' : 'webhook',
          bot: loa.bot.botInfo.username,
        },
        'Loa is running',
      )
    },
    stop() {
      stopping ??= (async () => {
        if (runner?.isRunning() === true) await runner.stop()
        if (server !== undefined) {
          const s = server
          await new Promise<void>((resolve) => s.close(() => resolve()))
        }
        await loa.inFlight.drain()
        await scheduler.stop()
        await role.stop()
        await deps.db.destroy()
        logger.info('Loa stopped')
      })()
      return stopping
    },
    handled(updateId) {
      // Listen first, then ask the inbox: an update finished in between is not missed.
      const done = new Promise<void>((resolve) => {
        waiters.set(updateId, [...(waiters.get(updateId) ?? []), resolve])
      })
      return isUpdateHandled(deps, updateId).then((handled) => {
        if (!handled) return done
        const list = (waiters.get(updateId) ?? []).slice(0, -1)
        if (list.length === 0) waiters.delete(updateId)
        else waiters.set(updateId, list)
        return undefined
      })
    },
  }
}

/** A job that does nothing, and has nothing due, while this instance does not hold the sending role. */
function onlyWithRole(role: SendingRole, job: ScheduledJob): ScheduledJob {
  return {
    nextDueAt: (deps) => (role.isHeld() ? job.nextDueAt(deps) : Promise.resolve(null)),
    run: (deps) => (role.isHeld() ? job.run(deps) : Promise.resolve(false)),
  }
}
