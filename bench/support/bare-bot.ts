import { run, type RunnerHandle } from '@grammyjs/runner'
import SQLite from 'better-sqlite3'
import { Bot } from 'grammy'
import { systemClock } from '../../src/clock.js'

/**
 * The floor for scenario 2: grammY + @grammyjs/runner doing the least a tap
 * needs, one row per press or reaction in better-sqlite3 (WAL, synchronous
 * NORMAL, a unique key per broadcast message and member, as Loa's) and the
 * answer to the press. No members, no inbox, no counters, no locale.
 */
export interface BareBot {
  /** Resolves once every given update id was handled. */
  handled(ids: number[]): Promise<void>
  rows(): number
  stop(): Promise<void>
}

export async function startBareBot(
  token: string,
  apiRoot: string,
  databasePath: string,
): Promise<BareBot> {
  const sqlite = new SQLite(databasePath)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.exec(`create table tap (
    id integer primary key, chat_id integer not null, message_id integer not null,
    user_id integer not null, source text not null, created_at text not null,
    unique (chat_id, message_id, user_id))`)
  const insert = sqlite.prepare(
    'insert into tap (chat_id, message_id, user_id, source, created_at) values (?, ?, ?, ?, ?) on conflict do nothing',
  )
  const seen = new Set<number>()
  const waiters: { ids: number[]; resolve: () => void }[] = []
  const done = (id: number) => {
    seen.add(id)
    for (const w of [...waiters])
      if (w.ids.every((i) => seen.has(i))) {
        waiters.splice(waiters.indexOf(w), 1)
        w.resolve()
      }
  }

  const bot = new Bot(token, { client: { apiRoot } })
  // Counts an update once its handler finished, whatever it did.
  bot.use(async (ctx, next) => {
    try {
      await next()
    } finally {
      done(ctx.update.update_id)
    }
  })
  bot.on('callback_query:data', async (ctx) => {
    const m = ctx.callbackQuery.message
    if (m !== undefined)
      insert.run(m.chat.id, m.message_id, ctx.from.id, 'button', systemClock.now().toISOString())
    await ctx.answerCallbackQuery({ text: 'Đã ghi nhận' })
  })
  bot.on('message_reaction', (ctx) => {
    const r = ctx.messageReaction
    if (r.user !== undefined)
      insert.run(r.chat.id, r.message_id, r.user.id, 'reaction', systemClock.now().toISOString())
  })
  bot.catch(() => undefined)
  await bot.init()
  // Updates Loa left unconfirmed when it stopped are not this bot's to count.
  await bot.api.deleteWebhook({ drop_pending_updates: true })
  const runner: RunnerHandle = run(bot, {
    runner: {
      fetch: { allowed_updates: ['callback_query', 'message_reaction'], timeout: 1 },
      silent: true,
    },
  })
  return {
    handled: (ids) =>
      ids.every((i) => seen.has(i))
        ? Promise.resolve()
        : new Promise((resolve) => waiters.push({ ids, resolve })),
    rows: () => (sqlite.prepare('select count(*) as n from tap').get() as { n: number }).n,
    async stop() {
      if (runner.isRunning()) await runner.stop()
      sqlite.close()
    },
  }
}
