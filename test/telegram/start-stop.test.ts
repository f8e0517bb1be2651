import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/db/database.js'
import { BotApiStandIn } from '../../src/sandbox/bot-api/index.js'
import { checkTelegram, startupProblem } from '../../src/telegram/check-telegram.js'
import { makeTempDir, type TempDir } from '../support/temp-db.js'
import { TEST_TOKEN } from '../support/test-bot.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

let api: BotApiStandIn | undefined
let dir: TempDir | undefined
let hanging: { server: Server; sockets: Socket[] } | undefined
/** Everything a test started, killed afterwards should a test fail half-way. */
const started: { children: ChildProcess[]; marks: string[] } = { children: [], marks: [] }
afterEach(async () => {
  for (const child of started.children) if (child.exitCode === null) child.kill('SIGKILL')
  for (const mark of started.marks)
    for (const pid of processesMarked(mark)) process.kill(pid, 'SIGKILL')
  started.children = []
  started.marks = []
  await api?.close()
  api = undefined
  for (const socket of hanging?.sockets ?? []) socket.destroy()
  hanging?.server.close()
  hanging = undefined
  dir?.remove()
  dir = undefined
})

/** Processes whose environment carries this mark: the tree a test started, wherever it was reparented. */
function processesMarked(mark: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').includes(mark)
      } catch {
        return false // gone already, or not ours to read
      }
    })
    .map(Number)
}

/** Polls the process table (not a clock of Loa's) until nothing marked is left, for at most 10 s. */
async function marked(mark: string): Promise<number[]> {
  for (let i = 0; i < 100; i++) {
    const left = processesMarked(mark)
    if (left.length === 0) return left
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return processesMarked(mark)
}

function collect(child: ChildProcess) {
  const output = { stdout: '', stderr: '' }
  child.stdout?.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()))
  return output
}

function env(extra: Record<string, string>): Record<string, string> {
  dir = makeTempDir()
  return {
    PATH: process.env['PATH'] ?? '',
    HOME: dir.path,
    DATABASE_PATH: dir.file('loa.db'),
    LOG_LEVEL: 'info',
    ...extra,
  }
}

/** Loa's entry point as `npm start` runs it, without npm in between. */
function startMain(variables: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: env(variables),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  started.children.push(child)
  return { child, output: collect(child) }
}

describe('npm start under a supervisor (issue 11, point 6)', () => {
  // The one signal test (issue 8, test time): main.ts handles SIGINT with the same function.
  it.each(['SIGTERM'] as const)(
    '%s to the pid npm gives stops the whole tree',
    async (signal) => {
      api = await BotApiStandIn.start({ token: TEST_TOKEN })
      const mark = `LOA_TEST_MARK=${signal}-${process.pid}-${Math.random()}`
      const [markName, markValue] = mark.split('=') as [string, string]
      started.marks.push(mark)
      const npm = spawn('npm', ['start', '--silent'], {
        cwd: ROOT,
        env: env({ BOT_TOKEN: TEST_TOKEN, TELEGRAM_API_ROOT: api.apiRoot, [markName]: markValue }),
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      started.children.push(npm)
      const output = collect(npm)
      api.addUser({ id: 1001, first_name: 'Lan' })
      const update = api.sendText(1001, 1001, '/trogiup')
      await api.waitForCall((c) => c.method === 'sendMessage' && c.params['chat_id'] === 1001, {
        timeoutMs: 20_000,
      })
      expect(processesMarked(mark).length).toBeGreaterThan(0)
      const exited = once(npm, 'exit')
      npm.kill(signal)
      await exited
      expect(await marked(mark)).toEqual([])
      expect(output.stdout).toContain('Loa stopped')
      expect(output.stdout).not.toContain(TEST_TOKEN)
      // The update it answered is recorded as handled: the stop finished its work first.
      const { db } = openDatabase(dir!.file('loa.db'))
      const row = await db
        .selectFrom('inbound_update')
        .select('handled_at')
        .where('update_id', '=', update.update_id)
        .executeTakeFirst()
      await db.destroy()
      expect(row?.handled_at).toEqual(expect.any(String))
    },
    30_000,
  )
})

describe('start-up problems are one line naming the variable (issue 11, point 8)', () => {
  it('a token Telegram refuses', async () => {
    api = await BotApiStandIn.start({ token: TEST_TOKEN })
    const { child, output } = startMain({
      BOT_TOKEN: '7000001:WRONG-token-that-BotFather-never-gave',
      TELEGRAM_API_ROOT: api.apiRoot,
    })
    const [code] = (await once(child, 'exit')) as [number]
    expect(code).toBe(1)
    expect(output.stderr).toBe(
      'Loa cannot start: BOT_TOKEN: Telegram refused the token (401 Unauthorized); copy it again from @BotFather\n',
    )
    expect(output.stdout).not.toContain('database migrated')
  }, 20_000)
})

/**
 * The same checks in-process, where a silent API root costs a fraction of a
 * second instead of the ten a real start waits (test time, issue 8); the
 * spawned start above proves main.ts prints the line and exits 1.
 */
describe('the start-up check of Telegram, in-process', () => {
  it('an API root that accepts connections and never answers', async () => {
    const sockets: Socket[] = []
    const server = createServer((socket) => sockets.push(socket))
    hanging = { server, sockets }
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const address = server.address()
    const port = typeof address === 'object' && address !== null ? address.port : 0
    const root = `http://127.0.0.1:${port}`
    const check = await checkTelegram({ botToken: TEST_TOKEN, telegramApiRoot: root }, 0.3)
    expect(startupProblem(check)).toBe(
      `Loa cannot start: TELEGRAM_API_ROOT: ${root} did not answer in 0.3 s`,
    )
  })

  it('an API root where nothing listens', async () => {
    const server = createServer()
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    const address = server.address()
    const port = typeof address === 'object' && address !== null ? address.port : 0
    await new Promise((resolve) => server.close(resolve))
    const root = `http://127.0.0.1:${port}`
    const check = await checkTelegram({ botToken: TEST_TOKEN, telegramApiRoot: root })
    expect(startupProblem(check)).toBe(
      `Loa cannot start: TELEGRAM_API_ROOT: ${root} cannot be reached (ECONNREFUSED)`,
    )
  })

  it('a token Telegram refuses, and one it accepts', async () => {
    api = await BotApiStandIn.start({ token: TEST_TOKEN })
    const refused = await checkTelegram({
      botToken: '7000001:WRONG-token-that-BotFather-never-gave',
      telegramApiRoot: api.apiRoot,
    })
    expect(startupProblem(refused)).toBe(
      'Loa cannot start: BOT_TOKEN: Telegram refused the token (401 Unauthorized); copy it again from @BotFather',
    )
    const accepted = await checkTelegram({ botToken: TEST_TOKEN, telegramApiRoot: api.apiRoot })
    expect(startupProblem(accepted)).toBeUndefined()
  })
})
