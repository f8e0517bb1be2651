import type { Server } from 'node:http'
import type { RunnerHandle } from '@grammyjs/runner'
import type { UserFromGetMe } from 'grammy/types'
import { systemClock, type Clock } from './clock.js'
import { requireBotToken, type Config } from './config.js'
import { openDatabase, type OpenedDatabase } from './db/database.js'
import { migrateToLatest } from './db/migrator.js'
import type { Deps } from './domain/deps.js'
import { createLogger, type Logger } from './logger.js'
import { createBot, type LoaBot } from './telegram/bot.js'
import { startPolling, type PollingOptions } from './telegram/polling.js'
import { startWebhook } from './telegram/webhook.js'

export interface AppOverrides {
  clock?: Clock
  logger?: Logger
  botInfo?: UserFromGetMe
  polling?: PollingOptions
}

/** The one object holding it all: database, deps, the bot, and how it receives updates. */
export interface App {
  deps: Deps
  database: OpenedDatabase
  loa: LoaBot
  /** Migrates, replays what a crash left, publishes menus, starts polling or the webhook. */
  start(): Promise<void>
  /** Stops receiving, waits for updates in flight, closes the database. Idempotent. */
  stop(): Promise<void>
  /** Resolves once the update has been handled (or dropped as already seen). */
  handled(updateId: number): Promise<void>
}

export function createApp(config: Config, overrides: AppOverrides = {}): App {
  const logger = overrides.logger ?? createLogger(config.logLevel)
  const database = openDatabase(config.databasePath)
  const deps: Deps = { db: database.db, clock: overrides.clock ?? systemClock, logger, config }

  const handledIds = new Set<number>()
  const waiters = new Map<number, (() => void)[]>()
  const loa = createBot(deps, {
    token: requireBotToken(config),
    ...(overrides.botInfo === undefined ? {} : { botInfo: overrides.botInfo }),
    onUpdateHandled: (id) => {
      handledIds.add(id)
      for (const resolve of waiters.get(id) ?? []) resolve()
      waiters.delete(id)
    },
  })

  let runner: RunnerHandle | undefined
  let server: Server | undefined
  let stopping: Promise<void> | undefined

  return {
    deps,
    database,
    loa,
    async start() {
      const applied = await migrateToLatest(deps.db)
      if (applied.length > 0) logger.info({ applied }, 'database migrated')
      if (config.webhook === undefined) {
        runner = await startPolling(loa.bot, deps, overrides.polling)
      } else {
        server = await startWebhook(loa.bot, config.webhook)
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
        await deps.db.destroy()
        logger.info('Loa stopped')
      })()
      return stopping
    },
    handled(updateId) {
      if (handledIds.has(updateId)) return Promise.resolve()
      return new Promise((resolve) => {
        waiters.set(updateId, [...(waiters.get(updateId) ?? []), resolve])
      })
    },
  }
}
