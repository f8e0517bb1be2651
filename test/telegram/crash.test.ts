import { pino } from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { systemClock } from '../../src/clock.js'
import { loadConfig } from '../../src/config.js'
import { openDatabase } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import { confirmBroadcast } from '../../src/domain/broadcasts/schedule-broadcast.js'
import { BotApiStandIn } from '../../src/sandbox/bot-api/index.js'
import { BotProcess } from '../support/bot-process.js'
import { seedWorld, type World } from '../support/seed-world.js'
import { makeTempDir, type TempDir } from '../support/temp-db.js'
import { TEST_TOKEN } from '../support/test-bot.js'

const GROUPS = 60
let api: BotApiStandIn
let dir: TempDir
const processes: BotProcess[] = []

afterEach(async () => {
  for (const bot of processes.splice(0)) await bot.stop('SIGKILL').catch(() => undefined)
  await api.close()
  dir.remove()
})

function env(): Record<string, string> {
  return {
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATABASE_PATH: dir.file('loa.db'),
    LOG_LEVEL: 'warn',
  }
}

function startBot(): BotProcess {
  const bot = BotProcess.start(env(), dir.path)
  processes.push(bot)
  return bot
}

async function withDb<T>(
  work: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>,
): Promise<T> {
  const { db } = openDatabase(dir.file('loa.db'))
  try {
    return await work(db)
  } finally {
    await db.destroy()
  }
}

/** Copies that reached each chat, counting only the ones Telegram accepted. */
function copiesPerChat(): Map<number, number> {
  const perChat = new Map<number, number>()
  for (const call of api.callsOf('copyMessage')) {
    if (!call.ok) continue
    const chat = Number(call.params['chat_id'])
    perChat.set(chat, (perChat.get(chat) ?? 0) + 1)
  }
  return perChat
}

async function seed(): Promise<{ world: World; broadcastId: number }> {
  const config = loadConfig(env())
  const { db } = openDatabase(config.databasePath)
  await migrateToLatest(db)
  const deps = { db, clock: systemClock, logger: pino({ level: 'silent' }), config }
  const world = await seedWorld(deps, {
    groups: GROUPS,
    campaign: { period: { start: '2024-04-15', end: '2099-12-31' } },
  })
  api.addUser({ id: 9, first_name: 'Văn' })
  const composed = api.sendText(9, 9, 'Sách hay cần bạn đọc')
  for (const unit of world.units) {
    api.addGroup({ id: unit.chatId, title: unit.code, type: 'supergroup' })
    api.setBotStatus(unit.chatId, 'administrator')
  }
  const confirmed = await confirmBroadcast(deps, {
    campaignCode: world.campaignCode,
    when: null,
    unitCodes: [],
    sourceChatId: 9,
    sourceMessageIds: [composed.message!.message_id],
    createdByMemberId: world.officeId,
    actorTelegramId: 9,
  })
  await db.destroy()
  if (!confirmed.ok) throw new Error(confirmed.error.code)
  return { world, broadcastId: confirmed.value.broadcastIds[0]! }
}

describe('kill -9', () => {
  it('killed at 20 of a 60-group broadcast and in a burst of taps: nothing lost, repeats only where in flight', async () => {
    api = await BotApiStandIn.start({ token: TEST_TOKEN })
    dir = makeTempDir()
    const { world, broadcastId } = await seed()

    // 1. Killed while sending.
    const first = startBot()
    await api.waitForCall(() => copiesPerChat().size >= 20, { after: 0, timeoutMs: 30_000 })
    await first.stop('SIGKILL')
    const inFlight = await withDb(async (db) =>
      (
        await db.selectFrom('delivery').select('chat_id').where('state', '=', 'sending').execute()
      ).map((d) => d.chat_id),
    )
    const beforeRestart = copiesPerChat()
    expect(beforeRestart.size).toBeLessThan(GROUPS)

    const second = startBot()
    await api.waitForCall(() => copiesPerChat().size === GROUPS, { after: 0, timeoutMs: 60_000 })
    const repeated = [...copiesPerChat()].filter(([, n]) => n > 1).map(([chat]) => chat)
    expect(repeated.every((chat) => inFlight.includes(chat))).toBe(true)
    expect(Math.max(...copiesPerChat().values())).toBeLessThanOrEqual(2)

    // 2. Killed while a burst of taps is being handled.
    const presses = world.members.slice(0, 150).map((member) => {
      api.addUser({ id: member.telegramId, first_name: `Người ${member.telegramId}` })
      const unit = world.units.find((u) => u.id === member.unitId)!
      const copy = api.botMessages(unit.chatId).find((m) => m.text === 'Sách hay cần bạn đọc')!
      return api.pressButton(
        member.telegramId,
        unit.chatId,
        copy.message_id,
        `v1:a:${broadcastId}`,
        { unchecked: true },
      )
    })
    await api.waitForCall(() => api.callsOf('answerCallbackQuery').length >= 40, {
      after: 0,
      timeoutMs: 30_000,
    })
    await second.stop('SIGKILL')
    const seqAtRestart = api.calls.length
    const third = startBot()
    // Menus are published after the restart has replayed what the killed process had fetched.
    await api.waitForCall((c) => c.method === 'setMyCommands', {
      after: seqAtRestart,
      timeoutMs: 30_000,
    })
    await api.waitForConfirmed(presses.at(-1)!.update_id, { timeoutMs: 30_000 })
    // A graceful stop finishes whatever the new process fetched itself.
    expect(await third.stop('SIGTERM')).toBe(0)

    await withDb(async (db) => {
      const acks = await db
        .selectFrom('acknowledgement')
        .select(['member_id', 'source'])
        .where('broadcast_id', '=', broadcastId)
        .execute()
      expect(new Set(acks.map((a) => a.member_id)).size).toBe(150)
      expect(acks).toHaveLength(150)
      const unhandled = await db
        .selectFrom('inbound_update')
        .select('update_id')
        .where('handled_at', 'is', null)
        .execute()
      expect(unhandled).toEqual([])
      const open = await db
        .selectFrom('delivery')
        .select('id')
        .where('state', '!=', 'sent')
        .execute()
      expect(open).toEqual([])
    })
  }, 180_000)
})
