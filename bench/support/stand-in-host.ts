import { Agent, createServer, request, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { performance } from 'node:perf_hooks'
import type { Update } from 'grammy/types'
import { BotApiStandIn, type ApiCall } from '../../src/sandbox/bot-api/index.js'
import type { HostReply, HostRequest, TapAction } from './host-protocol.js'

/**
 * Telegram for the benchmarks, in a process of its own (Telegram is another machine):
 * the stand-in enforcing the limits, optionally behind a proxy that adds 20–50 ms of
 * latency per call, driven by the bench process over IPC. Times are absolute
 * milliseconds (timeOrigin + now) so both processes can compare them.
 */

const at = (): number => performance.timeOrigin + performance.now()

let api: BotApiStandIn | undefined
let apiRoot = ''
/** callback_query id → when it was queued / when the bot answered it. */
const pressedAt = new Map<string, number>()
const answeredAt = new Map<string, number>()
/** Absolute time of each successful message-creating call into a group, and messages so far. */
const sendTimes: number[] = []
let groupMessages = 0

function standIn(): BotApiStandIn {
  if (api === undefined) throw new Error('stand-in not started')
  return api
}

/** mulberry32, so every run draws the same latencies. */
function seeded(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SENDING = new Set([
  'sendMessage',
  'copyMessage',
  'copyMessages',
  'sendPhoto',
  'sendMediaGroup',
])

/** Watches every call as the stand-in records it (a waiter whose predicate never matches). */
function watchCalls(s: BotApiStandIn): void {
  const observe = (call: ApiCall): boolean => {
    if (call.method === 'answerCallbackQuery') {
      const id = call.params['callback_query_id']
      if (typeof id === 'string') answeredAt.set(id, at())
    } else if (call.ok && SENDING.has(call.method) && Number(call.params['chat_id']) < 0) {
      sendTimes.push(at())
      groupMessages += Array.isArray(call.result) ? call.result.length : 1
    }
    return false
  }
  s.waitForCall(observe, { timeoutMs: 2 ** 31 - 1 }).catch(() => undefined)
}

/** A proxy in front of the stand-in: half the latency before the call arrives, half after. */
async function latencyProxy(target: string, min: number, max: number): Promise<string> {
  const random = seeded(14)
  const agent = new Agent({ keepAlive: true, maxSockets: 256 })
  const url = new URL(target)
  const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const latency = min + random() * (max - min)
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      void (async () => {
        await delay(latency / 2)
        const upstream = request(
          {
            host: url.hostname,
            port: url.port,
            path: req.url,
            method: req.method,
            headers: req.headers,
            agent,
          },
          (answer) => {
            const body: Buffer[] = []
            answer.on('data', (c: Buffer) => body.push(c))
            answer.on('end', () => {
              void delay(latency / 2).then(() => {
                res.writeHead(answer.statusCode ?? 502, answer.headers)
                res.end(Buffer.concat(body))
              })
            })
          },
        )
        upstream.on('error', () => {
          if (!res.headersSent) res.writeHead(502)
          res.end()
        })
        upstream.end(Buffer.concat(chunks))
      })()
    })
  })
  server.requestTimeout = 0
  server.keepAliveTimeout = 60_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

function act(s: BotApiStandIn, a: TapAction): Update {
  if (a.kind === 'press') {
    const update = s.pressButton(a.from, a.chat, a.messageId, a.data)
    pressedAt.set(update.callback_query!.id, at())
    return update
  }
  return s.react(a.from, a.chat, a.messageId, [a.emoji])
}

/** Queues the actions all at once (rate 0) or at a steady rate per second. */
async function queue(s: BotApiStandIn, actions: TapAction[], rate: number): Promise<number[]> {
  const ids: number[] = []
  if (rate <= 0) {
    for (const a of actions) ids.push(act(s, a).update_id)
    return ids
  }
  const start = performance.now()
  while (ids.length < actions.length) {
    const due = Math.min(
      actions.length,
      Math.floor(((performance.now() - start) * rate) / 1000) + 1,
    )
    while (ids.length < due) ids.push(act(s, actions[ids.length]!).update_id)
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
  return ids
}

async function handle(req: HostRequest): Promise<unknown> {
  switch (req.op) {
    case 'start': {
      api = await BotApiStandIn.start({ token: req.token, enforceLimits: true })
      watchCalls(api)
      apiRoot =
        req.latencyMs === undefined
          ? api.apiRoot
          : await latencyProxy(api.apiRoot, req.latencyMs[0], req.latencyMs[1])
      return { apiRoot }
    }
    case 'groups': {
      const s = standIn()
      for (const g of req.groups) {
        s.addGroup({ id: g.id, title: g.title, type: 'supergroup' })
        s.setBotStatus(g.id, 'administrator')
      }
      return null
    }
    case 'users': {
      const s = standIn()
      for (const u of req.users) s.addUser({ language_code: 'vi', ...u })
      for (const m of req.memberships ?? []) s.setMember(m.chat, m.user, 'member')
      return null
    }
    case 'text':
      return standIn().sendText(
        req.from,
        req.chat,
        req.text,
        req.replyTo === undefined ? undefined : { replyTo: req.replyTo },
      )
    case 'photo':
      return standIn().sendPhoto(req.from, req.chat, { caption: req.caption })
    case 'album':
      return standIn().sendAlbum(
        req.from,
        req.chat,
        req.captions.map((caption) => ({ kind: 'photo' as const, caption })),
      )
    case 'press':
      return act(standIn(), req.action)
    case 'queue':
      return queue(standIn(), req.actions, req.ratePerSecond)
    case 'botMessages':
      return standIn()
        .botMessages(req.chat)
        .map((m) => ({
          message_id: m.message_id,
          text: m.text ?? m.caption ?? '',
          buttons: (m.reply_markup?.inline_keyboard.flat() ?? []).map((b) => ({
            text: b.text,
            data: 'callback_data' in b ? b.callback_data : '',
          })),
        }))
    case 'waitForSends': {
      const deadline = performance.now() + req.timeoutMs
      for (;;) {
        const total = groupMessages
        if (total >= req.total) return { lastSendAt: sendTimes.at(-1) ?? 0, total }
        if (performance.now() > deadline) return { lastSendAt: -1, total }
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    }
    case 'answers': {
      const deadline = performance.now() + req.timeoutMs
      while (performance.now() < deadline) {
        if ([...pressedAt.keys()].every((id) => answeredAt.has(id))) break
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      const latencies = [...pressedAt].map(([id, t]) => (answeredAt.get(id) ?? Infinity) - t)
      pressedAt.clear()
      answeredAt.clear()
      return latencies
    }
    case 'stats': {
      const s = standIn()
      const calls = s.calls
      const count = (p: (c: ApiCall) => boolean) => calls.filter(p).length
      return {
        violations: s.limitViolations.length,
        violationDetail: s.limitViolations
          .slice(0, 5)
          .map((v) => `${v.kind} ${v.method} ${v.chatId ?? ''}`),
        status429: count((c) => c.status === 429),
        edits: count((c) => c.ok && c.method.startsWith('editMessage')),
        answers: count((c) => c.method === 'answerCallbackQuery'),
        calls: calls.length,
        maxRssMb: process.resourceUsage().maxRSS / 1024,
      }
    }
    case 'close':
      await api?.close()
      setImmediate(() => process.exit(0))
      return null
  }
}

process.on('message', (message: HostRequest & { seq: number }) => {
  handle(message).then(
    (result) => process.send?.({ seq: message.seq, ok: true, result } satisfies HostReply),
    (error: unknown) =>
      process.send?.({
        seq: message.seq,
        ok: false,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies HostReply),
  )
})
