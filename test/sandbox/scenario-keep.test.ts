import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runSandbox, type SandboxRun } from '../../src/sandbox/scenario/run-sandbox.js'
import { makeTempDir, type TempDir } from '../support/temp-db.js'

let dir: TempDir
let run: SandboxRun
const printed: string[] = []

beforeAll(async () => {
  dir = makeTempDir()
  run = await runSandbox({ lang: 'vi', out: dir.path, keep: true, print: (l) => printed.push(l) })
}, 60_000)
afterAll(async () => {
  await run.kept?.stop()
  dir.remove()
})

async function call(path: string, body?: object): Promise<Record<string, unknown>> {
  const response = await fetch(`${run.kept!.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return (await response.json()) as Record<string, unknown>
}

describe('npm run sandbox -- --keep', () => {
  it('prints its control address and serves the people of the story', async () => {
    expect(printed.join('\n')).toContain(`Địa chỉ điều khiển: ${run.kept!.url}`)
    const chats = (await call('/chats')) as { groups: { chat: string }[] }
    expect(chats.groups.map((g) => g.chat)).toEqual(['VP', 'TCBC', 'XDCQ', 'TDKT'])
  })

  it('lets a person still pending act, and Loa answers as in the story', async () => {
    // Lý Quốc Bảo (XDCQ) has no username and never confirms in the story.
    const hello = (await call('/say', { from: 7303, chat: 'private', text: '/cuatoi' })) as {
      answer: { text: string }
    }
    expect(hello.answer.text).toContain('Thông báo chưa xác nhận đã đọc (1)')
    const { messages } = (await call('/transcript?chat=XDCQ')) as {
      messages: { message_id: number; from: string; text?: string }[]
    }
    const copy = messages.find((m) => m.from === 'bot' && m.text?.startsWith('📚'))!
    const pressed = (await call('/press', {
      from: 7303,
      chat: 'XDCQ',
      message: copy.message_id,
      button: '✅',
    })) as { toast: string }
    expect(pressed.toast).toMatch(/^Đã ghi nhận Anh\/Chị đã đọc/)
    const after = (await call('/say', { from: 7303, chat: 'private', text: '/cuatoi' })) as {
      answer: { text: string }
    }
    expect(after.answer.text).not.toContain('Thông báo chưa xác nhận')
  })

  it('moves the clock forward only', async () => {
    const back = await call('/clock', { to: '2024-04-16 08:00' })
    expect(back).toMatchObject({ ok: false, error: 'the clock only moves forward' })
    const on = await call('/clock', { to: '2024-05-02 08:00' })
    expect(on).toMatchObject({ ok: true, now: '2024-05-02T01:00:00.000Z' })
  })

  it('refuses a malformed gesture with a reason, changing nothing', async () => {
    const refused = await call('/press', { from: 7204, chat: 'TCBC' })
    expect(refused['ok']).toBe(false)
    expect(String(refused['error'])).toContain('message')
  })
})
