import { createServer } from 'node:net'
import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { openDatabase } from '../../src/db/database.js'
import { importUnits } from '../../src/domain/units/import-units.js'
import { BotApiStandIn } from '../../src/sandbox/bot-api/index.js'
import { makeTempDir, type TempDir } from '../support/temp-db.js'
import { TEST_TOKEN, TestBot } from '../support/test-bot.js'

const ADMIN = 500
const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

describe('graceful shutdown', () => {
  it('finishes the update in flight, then closes the database', async () => {
    const t = await TestBot.start({ admins: [ADMIN] })
    cleanups.push(
      () => t.api.close(),
      () => t.dir.remove(),
    )
    await importUnits(t.app.deps, 'code,name,parent_code\nVP,Văn phòng Sở,\n')
    const vp = t.group(-1001, 'Văn phòng Sở')
    // /dangky asks Telegram about the bot's rights; that answer is held back 300 ms.
    t.api.failNext('getChatMember', { kind: 'timeout', ms: 300 })
    t.api.addUser({ id: ADMIN, first_name: 'Hùng' })
    const update = t.api.sendText(ADMIN, vp.id, '/dangky VP')
    await t.api.waitForCall((c) => c.method === 'getChatMember')
    await t.app.stop()
    // The reply went out before the stop completed, and the update is recorded as handled.
    expect(t.lastBotText(vp)).toContain('Đã liên kết nhóm này với đơn vị Văn phòng Sở')
    const reopened = openDatabase(t.app.deps.config.databasePath)
    const row = await reopened.db
      .selectFrom('inbound_update')
      .select('handled_at')
      .where('update_id', '=', update.update_id)
      .executeTakeFirst()
    expect(row?.handled_at).not.toBeNull()
    await reopened.db.destroy()
  })
})

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer()
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        resolve(typeof address === 'object' && address !== null ? address.port : 0),
      )
    })
  })
}

describe('webhook mode', () => {
  let app: App
  let api: BotApiStandIn
  let dir: TempDir

  /** Telegram only posts to HTTPS; a reverse proxy ends TLS and forwards to PORT (README, deployment). */
  async function startWebhookApp(): Promise<{ publicUrl: string; localUrl: string }> {
    api = await BotApiStandIn.start({ token: TEST_TOKEN })
    dir = makeTempDir()
    const port = await freePort()
    const publicUrl = 'https://loa.example.gov.vn/telegram-hook'
    const localUrl = `http://127.0.0.1:${port}/telegram-hook`
    const config = loadConfig({
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: api.apiRoot,
      DATABASE_PATH: dir.file('loa.db'),
      WEBHOOK_URL: publicUrl,
      WEBHOOK_SECRET: 'the-secret',
      PORT: String(port),
    })
    app = createApp(config, { logger: pino({ level: 'silent' }) })
    await app.start()
    cleanups.push(
      () => api.close(),
      () => app.stop(),
      () => dir.remove(),
    )
    return { publicUrl, localUrl }
  }

  const post = (url: string, body: object, secret: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
      body: JSON.stringify(body),
    })

  it('registers the webhook with the secret, refuses a wrong secret with 401, and handles a redelivered update once', async () => {
    const { publicUrl, localUrl: url } = await startWebhookApp()
    expect(api.callsOf('setWebhook')[0]?.params).toMatchObject({
      url: publicUrl,
      secret_token: 'the-secret',
    })
    expect(api.callsOf('setWebhook')[0]?.params['allowed_updates']).toContain('message_reaction')
    api.addUser({ id: 1001, first_name: 'Lan' })
    // Built by the stand-in (entities and all); posted here as Telegram would post it.
    const update = api.sendText(1001, 1001, '/trogiup')
    expect((await post(url, update, 'wrong')).status).toBe(401)
    expect((await post(url, update, 'the-secret')).status).toBe(200)
    expect((await post(url, update, 'the-secret')).status).toBe(200)
    expect(api.botMessages(1001)).toHaveLength(1)
    expect(api.botMessages(1001)[0]?.text).toContain('Anh/Chị đang dùng Loa với vai trò thành viên')
  })
})
