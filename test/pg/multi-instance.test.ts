import { createServer } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, onTestFailed, vi } from 'vitest'
import { pino } from 'pino'
import { systemClock } from '../../src/clock.js'
import { loadConfig } from '../../src/config.js'
import { openPostgres, type PostgresDatabase } from '../../src/db/database.js'
import { confirmBroadcast } from '../../src/domain/broadcasts/schedule-broadcast.js'
import type { Deps } from '../../src/domain/deps.js'
import { BotApiStandIn } from '../../src/sandbox/bot-api/index.js'
import { BotProcess } from '../support/bot-process.js'
import { seedWorld, type World } from '../support/seed-world.js'
import { makeTempDir, type TempDir } from '../support/temp-db.js'
import { TEST_TOKEN } from '../support/test-bot.js'
import { dropTestDatabase, testDatabaseEnv } from '../support/test-database.js'

/**
 * PRODUCT §11 end to end: three Loa processes (`npm start`) on one PostgreSQL
 * database, each behind its own port as nginx would balance them, Telegram
 * played by the stand-in, and a relay posting each update to one instance in
 * turn (some twice, as Telegram redelivers).
 */
const SECRET = 'multi-instance-secret'
const GROUPS = 300
let api: BotApiStandIn
let dir: TempDir
let database: PostgresDatabase
let deps: Deps
let world: World
const instances: { process: BotProcess; url: string }[] = []

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

async function startInstance(env: Record<string, string>): Promise<void> {
  const port = await freePort()
  const child = BotProcess.start(
    {
      ...env,
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      WEBHOOK_URL: 'https://loa.example.gov.vn/telegram',
      WEBHOOK_SECRET: SECRET,
      PORT: String(port),
      LOG_LEVEL: process.env.LOA_DEBUG_INSTANCES === '1' ? 'trace' : 'warn',
    },
    dir.path,
  )
  instances.push({ process: child, url: `http://127.0.0.1:${port}/telegram` })
}

/** The relay: what nginx does with two or more upstreams. */
async function relay(instance: number, update: unknown): Promise<number> {
  const target = instances[instance % instances.length]!
  const response = await fetch(target.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(update),
  })
  return response.status
}

async function waitUntilListening(): Promise<void> {
  await vi.waitFor(
    async () => {
      // A GET is answered 404 once the instance listens, refused before.
      for (const instance of instances) expect((await fetch(instance.url)).status).toBe(404)
    },
    { timeout: 30_000, interval: 250 },
  )
}

/**
 * Which process holds the sending role: the backend holding the advisory lock, its
 * client's pid. Advisory locks are per database and pg_locks is the server's: other
 * test files run Loa on other databases of the same server at the same time.
 */
async function senderPid(): Promise<number | undefined> {
  const rows = await database.pool.query<{ application_name: string }>(
    `select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid
     where l.locktype = 'advisory' and l.objid = 4150001 and l.granted
       and l.database = (select oid from pg_database where datname = current_database())`,
  )
  const name = rows.rows[0]?.application_name
  return name === undefined || name === '' ? undefined : Number(name.split(':')[1])
}

function copiesPerChat(): Map<number, number> {
  const perChat = new Map<number, number>()
  for (const c of api.callsOf('copyMessage').filter((call) => call.ok)) {
    const chat = Number(c.params['chat_id'])
    perChat.set(chat, (perChat.get(chat) ?? 0) + 1)
  }
  return perChat
}

beforeAll(async () => {
  api = await BotApiStandIn.start({ token: TEST_TOKEN, enforceLimits: true })
  dir = makeTempDir()
  const env = await testDatabaseEnv(dir)
  database = openPostgres(env['DATABASE_URL']!)
  deps = {
    db: database.db,
    clock: systemClock,
    logger: pino({ level: 'silent' }),
    config: loadConfig(env),
  }
  world = await seedWorld(deps, { groups: GROUPS })
  for (const unit of world.units) {
    api.addGroup({ id: unit.chatId, title: unit.code, type: 'supergroup' })
    api.setBotStatus(unit.chatId, 'administrator')
  }
  api.addUser({ id: 9, first_name: 'Văn phòng', language_code: 'vi' })
  for (const m of world.members) api.addUser({ id: m.telegramId, first_name: `N${m.telegramId}` })
  for (let i = 0; i < 3; i++) await startInstance(env)
  await waitUntilListening()
}, 60_000)

afterAll(async () => {
  if (process.env.LOA_DEBUG_INSTANCES === '1')
    for (const i of instances)
      console.log(i.process.pid, i.process.output.stdout, i.process.output.stderr)
  for (const instance of instances) await instance.process.stop('SIGTERM')
  await database.db.destroy()
  await api.close()
  await dropTestDatabase(dir)
  dir.remove()
})

describe('three instances on one PostgreSQL database (PRODUCT §11)', () => {
  it('register the webhook once', async () => {
    // A slow or failed start shows its own log here rather than only a count.
    onTestFailed(() => {
      for (const i of instances)
        console.log(i.process.pid, i.process.output.stdout, i.process.output.stderr)
    })
    await vi.waitFor(() => expect(api.callsOf('getWebhookInfo')).toHaveLength(3), {
      timeout: 30_000,
    })
    expect(api.callsOf('setWebhook')).toHaveLength(1)
  })

  it('send a 300-group broadcast once per group within limits, through a kill -9 of the sender', async () => {
    const composed = api.sendText(9, 9, 'Thông báo: triển khai Kế hoạch Ngày Sách')
    const confirmed = await confirmBroadcast(deps, {
      campaignCode: world.campaignCode,
      when: null,
      unitCodes: [],
      sourceChatId: 9,
      sourceMessageIds: [composed.message!.message_id],
      createdByMemberId: world.officeId,
      actorTelegramId: 9,
    })
    expect(confirmed.ok).toBe(true)
    // Confirmed by another process (this one), as an instance without the sending role
    // would: no wake() reaches the holder, which finds the rows on its own within a second.

    await vi.waitFor(() => expect(copiesPerChat().size).toBeGreaterThanOrEqual(60), {
      timeout: 30_000,
      interval: 100,
    })
    const pid = await senderPid()
    expect(pid).toBeDefined()
    const victim = instances.findIndex((i) => i.process.pid === pid)
    expect(victim).toBeGreaterThanOrEqual(0)
    await instances[victim]!.process.stop('SIGKILL')
    instances.splice(victim, 1)

    await vi.waitFor(
      async () => {
        const open = await deps.db
          .selectFrom('delivery')
          .select('id')
          .where('state', '!=', 'sent')
          .execute()
        expect(open).toEqual([])
      },
      { timeout: 90_000, interval: 250 },
    )
    const perChat = copiesPerChat()
    expect(perChat.size).toBe(GROUPS)
    const repeated = [...perChat.values()].filter((n) => n > 1).length
    // Only the sends in flight at the kill may repeat: at most one claimed batch.
    expect(repeated).toBeLessThanOrEqual(30)
    expect(api.calls.filter((c) => c.status === 429)).toEqual([])
  }, 150_000)

  it('count 1,000 taps spread over the instances once each', async () => {
    const taps: unknown[] = []
    for (const unit of world.units) {
      const copy = api.botMessages(unit.chatId).at(-1)!
      const markup = copy.reply_markup as { inline_keyboard: { callback_data?: string }[][] }
      const data = markup.inline_keyboard[0]![0]!.callback_data!
      for (const m of world.members.filter((x) => x.unitId === unit.id))
        taps.push(api.pressButton(m.telegramId, unit.chatId, copy.message_id, data))
    }
    // 900 members tap once; 100 of them tap again, and 100 taps reach two instances.
    for (const unit of world.units.slice(0, 100)) {
      const copy = api.botMessages(unit.chatId).at(-1)!
      const markup = copy.reply_markup as { inline_keyboard: { callback_data?: string }[][] }
      const member = world.members.find((x) => x.unitId === unit.id)!
      taps.push(
        api.pressButton(
          member.telegramId,
          unit.chatId,
          copy.message_id,
          markup.inline_keyboard[0]![0]!.callback_data!,
        ),
      )
    }
    expect(taps).toHaveLength(1_000)
    const statuses = await Promise.all(
      taps.flatMap((tap, i) => (i < 100 ? [relay(i, tap), relay(i + 1, tap)] : [relay(i, tap)])),
    )
    expect(statuses.every((s) => s === 200)).toBe(true)
    const acks = await deps.db
      .selectFrom('acknowledgement')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    expect(acks.n).toBe(world.members.length)
    const counters = await deps.db
      .selectFrom('delivery')
      .select((eb) => eb.fn.sum<number>('acknowledged').as('n'))
      .executeTakeFirstOrThrow()
    expect(counters.n).toBe(world.members.length)
    const answered = new Set(
      api.callsOf('answerCallbackQuery').map((c) => String(c.params['callback_query_id'])),
    )
    expect(answered.size).toBe(1_000)
  }, 120_000)
})
