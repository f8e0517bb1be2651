import { copyFileSync } from 'node:fs'
import { pino } from 'pino'
import { createApp } from './src/app.js'
import { loadConfig } from './src/config.js'
import { syncAllReminders } from './src/domain/reminders/sync-reminders.js'
import { migrateToLatest } from './src/db/migrator.js'
copyFileSync('/tmp/rss3-dept.db', '/tmp/rss3/s.db')
const app = createApp(loadConfig({ BOT_TOKEN: '7000001:BENCH-token-for-the-loa-stand-in', DATABASE_PATH: '/tmp/rss3/s.db', LOG_LEVEL: 'silent' }), { logger: pino({ level: 'silent' }) })
await migrateToLatest(app.deps.db)
const m = () => JSON.stringify(Object.fromEntries(Object.entries(process.memoryUsage()).map(([k, v]) => [k, Math.round(v / 1048576)])))
console.log('before', m())
let t = performance.now()
await syncAllReminders(app.deps)
console.log('sync', (performance.now() - t).toFixed(0), 'ms', m(), 'MB', process.resourceUsage().maxRSS/1024)
t = performance.now()
await syncAllReminders(app.deps)
console.log('again', (performance.now() - t).toFixed(0), 'ms', m())
globalThis.gc?.(); console.log('gc', m()); console.log(await app.deps.db.selectFrom('reminder').select((eb) => eb.fn.countAll().as('n')).execute())
await app.deps.db.destroy()
