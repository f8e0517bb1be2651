import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { z } from 'zod'
import { PEOPLE, UNITS } from './cast.js'
import type { Stage, Where } from './stage.js'

const whereSchema = z.union([z.literal('private'), z.string().regex(/^[A-Z0-9]{2,10}$/)])
const saySchema = z.object({
  from: z.number().int(),
  chat: whereSchema,
  text: z.string().min(1).max(4096),
  replyTo: z.number().int().optional(),
})
const pressSchema = z.object({
  from: z.number().int(),
  chat: whereSchema,
  message: z.number().int(),
  button: z.string().min(1),
})
const reactSchema = z.object({
  from: z.number().int(),
  chat: whereSchema,
  message: z.number().int(),
  emoji: z.string().min(1).max(8),
})
const clockSchema = z.object({ to: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/) })

export interface ControlServer {
  url: string
  help: string[]
  close(): Promise<void>
}

/**
 * `--keep`: a small HTTP face for poking the sandbox by hand. People act with
 * POST /say, /press, /react; POST /clock moves time (reminders fall due);
 * GET /chats and /transcript show what each chat holds. JSON in and out.
 */
export async function startControlServer(
  stage: Stage,
  /** A message of the story to show in the examples: the broadcast's copy in the VP group. */
  example: { chat: string; message: number },
): Promise<ControlServer> {
  const server = createServer((req, res) => {
    handle(stage, req, res).catch((error: unknown) => {
      reply(res, 400, { ok: false, error: error instanceof Error ? error.message : String(error) })
    })
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const someone = PEOPLE.find((p) => p.role === 'member' && p.unitCode === example.chat)?.id ?? 0
  const target = `"chat":"${example.chat}","message":${example.message}`
  return {
    url,
    help: [
      `curl ${url}/chats`,
      `curl '${url}/transcript?chat=${example.chat}'`,
      `curl -X POST ${url}/say -d '{"from":${someone},"chat":"private","text":"/cuatoi"}'`,
      `curl -X POST ${url}/press -d '{"from":${someone},${target},"button":"🙋"}'`,
      `curl -X POST ${url}/react -d '{"from":${someone},${target},"emoji":"👍"}'`,
      `curl -X POST ${url}/clock -d '{"to":"2024-05-02 08:00"}'`,
      `Bot API: ${stage.api.apiRoot}/bot${stage.api.token}/getMe`,
    ],
    close: () => new Promise<void>((done) => server.close(() => done())),
  }
}

async function handle(stage: Stage, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const where = (chat: string): Where => (chat === 'private' ? 'private' : { unit: chat })
  const body = req.method === 'POST' ? await readJson(req) : undefined
  switch (`${req.method} ${url.pathname}`) {
    case 'GET /chats':
      return reply(res, 200, {
        groups: UNITS.map((u) => ({ chat: u.code, id: u.chatId, title: u.groupTitle })),
        people: PEOPLE.map((p) => ({
          id: p.id,
          name: `${p.lastName} ${p.firstName}`,
          unit: p.unitCode,
          role: p.role,
        })),
      })
    case 'GET /transcript': {
      const chat = url.searchParams.get('chat') ?? ''
      const id = /^\d+$/.test(chat) ? Number(chat) : UNITS.find((u) => u.code === chat)?.chatId
      return reply(res, 200, { messages: id === undefined ? [] : stage.api.transcript(id) })
    }
    case 'POST /say': {
      const b = saySchema.parse(body)
      await stage.says(
        b.from,
        where(b.chat),
        b.text,
        b.replyTo === undefined ? {} : { replyTo: b.replyTo },
      )
      return reply(res, 200, {
        ok: true,
        answer: stage.lastBotMessage(stage.chatOf(b.from, where(b.chat))),
      })
    }
    case 'POST /press': {
      const b = pressSchema.parse(body)
      await stage.presses(b.from, where(b.chat), b.message, b.button)
      return reply(res, 200, { ok: true, toast: stage.api.callbackAnswers.at(-1)?.text ?? null })
    }
    case 'POST /react': {
      const b = reactSchema.parse(body)
      await stage.reacts(b.from, where(b.chat), b.message, b.emoji)
      return reply(res, 200, { ok: true })
    }
    case 'POST /clock': {
      const b = clockSchema.parse(body)
      const before = stage.clock.now()
      stage.at(b.to)
      if (stage.clock.now() < before) {
        // Loa's records and pacing assume time only moves forward.
        stage.clock.set(before)
        return reply(res, 400, {
          ok: false,
          error: 'the clock only moves forward',
          now: before.toISOString(),
        })
      }
      await stage.settle()
      return reply(res, 200, { ok: true, now: stage.clock.now().toISOString() })
    }
    default:
      return reply(res, 404, {
        ok: false,
        error: 'GET /chats, GET /transcript?chat=VP, POST /say, /press, /react, /clock',
      })
  }
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  return text === '' ? {} : (JSON.parse(text) as unknown)
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body, null, 2)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(json)
}
