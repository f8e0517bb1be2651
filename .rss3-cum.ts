const gc = (globalThis as { gc?: () => void }).gc!
const mods = ['pino', 'zod', 'kysely', 'better-sqlite3', 'pg', 'date-fns', '@date-fns/tz', 'grammy', '@grammyjs/runner', '@grammyjs/i18n', 'csv-parse/sync', 'csv-stringify/sync', 'dotenv', './src/app.js', './src/main-deps-none.js']
gc(); let prev = process.memoryUsage()
console.log('start (node + tsx)', (prev.rss / 1048576).toFixed(1), (prev.heapUsed / 1048576).toFixed(1))
for (const m of process.argv.slice(2).length ? process.argv.slice(2) : mods) {
  try { await import(m) } catch { continue }
  gc(); const now = process.memoryUsage()
  console.log(m.padEnd(22), ('+' + ((now.rss - prev.rss) / 1048576).toFixed(1)).padStart(7), ('+' + ((now.heapUsed - prev.heapUsed) / 1048576).toFixed(1)).padStart(7), (now.rss / 1048576).toFixed(1))
  prev = now
}
