import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { StandInProcess } from './host-protocol.js'

/**
 * Issue 14: Loa's memory at rest and its start, alone in this process.
 *
 *   node --import tsx bench/support/rest-rss.ts                # an empty database
 *   node --import tsx bench/support/rest-rss.ts big [FILE]     # scenario 3's department
 *   node --import tsx bench/support/rest-rss.ts planned [FILE] # …its reminders planned
 *
 * With `big`, the department is built once into FILE (default /tmp/loa-rest-dept.db) by a
 * process of its own and copied for each run, so every run starts on the same rows. Built by
 * bulk inserts, it has no reminder rows: the first start plans them (140,000). `planned` is
 * the department as it is after that first start (FILE-planned.db, made once by a start in a
 * process of its own), the state an office's database is in every day. Prints
 * the RSS once the app is imported, once started, once the scheduler is idle (the start's
 * reminder sync done), the peak, and the time from start() to the first answered command.
 */
/** bench/support/loa.ts's BENCH_TOKEN, not imported: loa.ts imports the app. */
const TOKEN = '7000001:BENCH-token-for-the-loa-stand-in'
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10
const before = process.memoryUsage().rss

async function main(): Promise<void> {
  const mode = process.argv[2] ?? 'empty'
  const big = mode === 'big' || mode === 'planned'
  const { host, apiRoot } = await StandInProcess.start(TOKEN)
  // test/support/temp-db.ts's makeTempDir, not imported: it imports the database layer.
  const path = mkdtempSync(join(tmpdir(), 'loa-rest-'))
  const dir = {
    path,
    file: (name: string) => join(path, name),
    remove: () => rmSync(path, { recursive: true, force: true }),
  }
  if (big) {
    const file = process.argv[3] ?? '/tmp/loa-rest-dept.db'
    if (!existsSync(file)) {
      const { buildDepartmentFile } = await import('./department.js')
      await buildDepartmentFile(file)
    }
    if (mode === 'planned' && !existsSync(`${file}-planned.db`)) {
      copyFileSync(file, `${file}-planned.db`)
      await planOnce(`${file}-planned.db`)
    }
    copyFileSync(mode === 'planned' ? `${file}-planned.db` : file, dir.file('loa.db'))
  }
  // Imported here, not above: the first figure is Node with tsx and the stand-in's client only.
  const { startLoa } = await import('./loa.js')
  const { OFFICE } = await import('./office.js')
  const imported = process.memoryUsage().rss
  await host.call({ op: 'users', users: [{ id: OFFICE, first_name: 'Văn Phòng' }] })
  const started = performance.now()
  const loa = await startLoa(apiRoot, { dir, noWait: true })
  const startedRss = process.memoryUsage().rss
  const startMs = performance.now() - started
  const update = await host.text(OFFICE, OFFICE, '/trogiup')
  await loa.app.handled(update.update_id)
  const firstAnswerMs = performance.now() - started
  const quiet = loa.app.scheduler.whenIdle()
  loa.app.scheduler.wake()
  await quiet
  const idleMs = performance.now() - started
  globalThis.gc?.()
  const rest = process.memoryUsage()
  const figures = {
    database: mode,
    'RSS before import (MB)': mb(before),
    'RSS app imported (MB)': mb(imported),
    'RSS started (MB)': mb(startedRss),
    'RSS at rest, scheduler idle (MB)': mb(rest.rss),
    'heap used at rest (MB)': mb(rest.heapUsed),
    'peak RSS (MB)': Math.round(process.resourceUsage().maxRSS / 1024),
    'start() returned (ms)': Math.round(startMs),
    'first command answered (ms)': Math.round(firstAnswerMs),
    'scheduler idle (ms)': Math.round(idleMs),
  }
  await loa.stop()
  await host.close()
  console.log(JSON.stringify(figures, null, 2))
}

/** A start on `file` in a child process, until its reminder sync is done: the rows planned. */
async function planOnce(file: string): Promise<void> {
  const { spawn } = await import('node:child_process')
  const child = spawn(
    process.execPath,
    [...process.execArgv, new URL(import.meta.url).pathname, 'plan-into', file],
    { stdio: 'inherit' },
  )
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)))
  if (code !== 0) throw new Error(`planning the department exited with ${code}`)
}

if (process.argv[2] === 'plan-into') {
  const { pino } = await import('pino')
  const { createApp } = await import('../../src/app.js')
  const { loadConfig } = await import('../../src/config.js')
  const { migrateToLatest } = await import('../../src/db/migrator.js')
  const { openCampaignIds, syncReminders } =
    await import('../../src/domain/reminders/sync-reminders.js')
  const config = loadConfig({
    BOT_TOKEN: TOKEN,
    DATABASE_PATH: process.argv[3]!,
    LOG_LEVEL: 'silent',
  })
  const app = createApp(config, { logger: pino({ level: 'silent' }) })
  await migrateToLatest(app.deps.db)
  for (const id of await openCampaignIds(app.deps)) await syncReminders(app.deps, id)
  await app.deps.db.destroy()
} else {
  await main()
}
