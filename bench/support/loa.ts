import { pino } from 'pino'
import { createApp, type App, type AppOverrides } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { makeTempDir, type TempDir } from '../../test/support/temp-db.js'
import { benchEngine, createBenchDatabase, type BenchDatabase } from './engine.js'

export const BENCH_TOKEN = '7000001:BENCH-token-for-the-loa-stand-in'

export interface RunningLoa {
  app: App
  dir: TempDir
  stop(): Promise<void>
}

/**
 * Loa as `npm start` builds it (createApp, long polling, the real sender and
 * pacer, the real clock), on a SQLite file of its own, against `apiRoot`; on
 * PostgreSQL (LOA_BENCH_ENGINE, see engine.ts) on a fresh database of its own.
 */
export async function startLoa(
  apiRoot: string,
  options: {
    admins?: number[]
    dir?: TempDir
    onQuery?: AppOverrides['onQuery']
    /** Returns as soon as start() does, the start's background work still going (rest-rss.ts). */
    noWait?: boolean
  } = {},
): Promise<RunningLoa> {
  const dir = options.dir ?? makeTempDir()
  const database: BenchDatabase | undefined =
    benchEngine === 'postgres' ? await createBenchDatabase() : undefined
  const config = loadConfig({
    BOT_TOKEN: BENCH_TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    ...(database === undefined
      ? { DATABASE_PATH: dir.file('loa.db') }
      : { DATABASE_URL: database.url }),
    ADMIN_IDS: (options.admins ?? []).join(','),
    LOG_LEVEL: 'silent',
  })
  const app = createApp(config, {
    logger: pino({ level: 'silent' }),
    polling: { timeoutSeconds: 1 },
    ...(options.onQuery === undefined ? {} : { onQuery: options.onQuery }),
  })
  await app.start()
  // Start no longer waits for the reminder sync (issue 14): let it finish, so that what a
  // scenario times next is its own work, not the sync running beside it.
  if (options.noWait !== true) {
    const idle = app.scheduler.whenIdle()
    app.scheduler.wake()
    await idle
  }
  return {
    app,
    dir,
    async stop() {
      await app.stop()
      await database?.drop()
      dir.remove()
    },
  }
}
