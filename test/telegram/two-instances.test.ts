import { createServer } from 'node:net'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../src/app.js'
import { ManualClock } from '../../src/clock.js'
import { loadConfig } from '../../src/config.js'
import { confirmBroadcast } from '../../src/domain/broadcasts/schedule-broadcast.js'
import { BotApiStandIn } from '../../src/sandbox/bot-api/index.js'
import { seedWorld } from '../support/seed-world.js'
import { makeTempDir, type TempDir } from '../support/temp-db.js'
import { TEST_TOKEN } from '../support/test-bot.js'

const SECRET = 'two-instances-secret'
let api: BotApiStandIn
let dir: TempDir
const apps: App[] = []

afterEach(async () => {
  for (const app of apps.splice(0)) await app.stop()
  await api.close()
  dir.remove()
})

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

async function instance(clock: ManualClock): Promise<{ app: App; url: string }> {
  const port = await freePort()
  // Telegram wants HTTPS, served by a proxy in front; the instance itself listens on plain HTTP.
  const url = `http://127.0.0.1:${port}/telegram`
  const config = loadConfig({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATABASE_PATH: dir.file('loa.db'),
    WEBHOOK_URL: `https://loa.example.gov.vn:443/telegram`,
    WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    LOG_LEVEL: 'silent',
  })
  const app = createApp(config, { clock, logger: pino({ level: 'silent' }) })
  apps.push(app)
  return { app, url }
}

/** Telegram delivering an update to a webhook, as it does again when unsure. */
async function post(url: string, update: unknown): Promise<number> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
    body: JSON.stringify(update),
  })
  return response.status
}

describe('two instances on one database file (PRODUCT §11)', () => {
  it('handle one update once (a command and a tap) and send each delivery once', async () => {
    api = await BotApiStandIn.start({ token: TEST_TOKEN })
    dir = makeTempDir()
    const clock = new ManualClock('2024-04-15T01:00:00Z')
    const a = await instance(clock)
    const b = await instance(clock)
    await a.app.start()
    await b.app.start()
    const world = await seedWorld(a.app.deps, { groups: 12 })
    for (const unit of world.units) {
      api.addGroup({ id: unit.chatId, title: unit.code, type: 'supergroup' })
      api.setBotStatus(unit.chatId, 'administrator')
    }
    api.addUser({ id: 9, first_name: 'Văn', language_code: 'vi' })

    // The same update reaches both instances at once.
    const update = api.sendText(9, 9, '/trogiup')
    expect(await Promise.all([post(a.url, update), post(b.url, update)])).toEqual([200, 200])
    const replies = api.callsOf('sendMessage').filter((c) => Number(c.params['chat_id']) === 9)
    expect(replies).toHaveLength(1)

    const composed = api.sendText(9, 9, 'Thông báo chung')
    await post(a.url, composed)
    const confirmed = await confirmBroadcast(a.app.deps, {
      campaignCode: world.campaignCode,
      when: null,
      unitCodes: [],
      sourceChatId: 9,
      sourceMessageIds: [composed.message!.message_id],
      createdByMemberId: world.officeId,
      actorTelegramId: 9,
    })
    expect(confirmed.ok).toBe(true)
    for (;;) {
      const idle = Promise.all([a.app.scheduler.whenIdle(), b.app.scheduler.whenIdle()])
      a.app.scheduler.wake()
      b.app.scheduler.wake()
      await idle
      const open = await a.app.deps.db
        .selectFrom('delivery')
        .select('id')
        .where('state', '!=', 'sent')
        .execute()
      if (open.length === 0) break
    }
    const copies = api.callsOf('copyMessage').filter((c) => c.ok)
    const perChat = new Map<number, number>()
    for (const c of copies) {
      const chat = Number(c.params['chat_id'])
      perChat.set(chat, (perChat.get(chat) ?? 0) + 1)
    }
    expect(perChat.size).toBe(12)
    expect([...perChat.values()].every((n) => n === 1)).toBe(true)

    // A tap is marked handled inside its own transaction (one commit, no separate claim):
    // the same press reaching both at once still counts once and is answered once.
    const group = world.units[0]!
    const copy = api.botMessages(group.chatId).at(-1)!
    const [ack] = (copy.reply_markup?.inline_keyboard.flat() ?? []) as { callback_data: string }[]
    const member = world.members[0]!
    api.addUser({ id: member.telegramId, first_name: 'Người', language_code: 'vi' })
    const press = api.pressButton(
      member.telegramId,
      group.chatId,
      copy.message_id,
      ack!.callback_data,
    )
    expect(await Promise.all([post(a.url, press), post(b.url, press)])).toEqual([200, 200])
    expect(await a.app.deps.db.selectFrom('acknowledgement').select('member_id').execute()).toEqual(
      [{ member_id: member.id }],
    )
    expect(
      api.callbackAnswers.filter((c) => c.callback_query_id === press.callback_query!.id),
    ).toHaveLength(1)
    const { acknowledged } = await a.app.deps.db
      .selectFrom('delivery')
      .select('acknowledged')
      .where('chat_id', '=', group.chatId)
      .executeTakeFirstOrThrow()
    expect(acknowledged).toBe(1)
  })
})
