import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/database.js'
import { BotApiStandIn } from '../../src/sandbox/bot-api/index.js'
import { BotProcess } from '../support/bot-process.js'
import { makeTempDir, type TempDir } from '../support/temp-db.js'
import { TEST_TOKEN } from '../support/test-bot.js'

let api: BotApiStandIn
let dir: TempDir
afterEach(async () => {
  await api.close()
  dir.remove()
})

describe('Loa as a process', () => {
  // One signal is enough: main.ts handles SIGINT and SIGTERM with the same function.
  it.each(['SIGTERM'] as const)('stops cleanly on %s with exit code 0', async (signal) => {
    api = await BotApiStandIn.start({ token: TEST_TOKEN })
    dir = makeTempDir()
    const bot = BotProcess.start(
      {
        BOT_TOKEN: TEST_TOKEN,
        TELEGRAM_API_ROOT: api.apiRoot,
        DATABASE_PATH: dir.file('loa.db'),
        LOG_LEVEL: 'info',
      },
      dir.path,
    )
    api.addUser({ id: 1001, first_name: 'Lan' })
    const update = api.sendText(1001, 1001, '/trogiup')
    // Answered once the process has started, polled and handled the update.
    await api.waitForCall((c) => c.method === 'sendMessage' && c.params['chat_id'] === 1001, {
      timeoutMs: 15_000,
    })
    expect(await bot.stop(signal)).toBe(0)
    expect(bot.output.stdout).toContain('Loa stopped')
    expect(bot.output.stdout).not.toContain(TEST_TOKEN)
    const { db } = openDatabase(dir.file('loa.db'))
    const row = await db
      .selectFrom('inbound_update')
      .select('handled_at')
      .where('update_id', '=', update.update_id)
      .executeTakeFirst()
    await db.destroy()
    expect(row?.handled_at).toEqual(expect.any(String))
  })
})
