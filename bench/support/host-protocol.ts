import { fork, type ChildProcess } from 'node:child_process'
import type { Update } from 'grammy/types'

/** One tap the Telegram side queues: a button press or an emoji reaction. */
export type TapAction =
  | { kind: 'press'; from: number; chat: number; messageId: number; data: string }
  | { kind: 'react'; from: number; chat: number; messageId: number; emoji: string }

export interface HostUser {
  id: number
  first_name: string
  last_name?: string
}

export interface BotMessageView {
  message_id: number
  text: string
  buttons: { text: string; data: string }[]
}

export interface HostStats {
  violations: number
  violationDetail: string[]
  status429: number
  edits: number
  answers: number
  calls: number
  maxRssMb: number
}

export type HostRequest =
  | { op: 'start'; token: string; latencyMs?: [number, number] }
  | { op: 'groups'; groups: { id: number; title: string }[] }
  | { op: 'users'; users: HostUser[]; memberships?: { chat: number; user: number }[] }
  | { op: 'text'; from: number; chat: number; text: string; replyTo?: number }
  | { op: 'photo'; from: number; chat: number; caption: string }
  | { op: 'album'; from: number; chat: number; captions: string[] }
  | { op: 'press'; action: TapAction }
  | { op: 'queue'; actions: TapAction[]; ratePerSecond: number }
  | { op: 'botMessages'; chat: number }
  /** Until this many messages (album items counted) arrived in groups in all. */
  | { op: 'waitForSends'; total: number; timeoutMs: number }
  | { op: 'answers'; timeoutMs: number }
  | { op: 'stats' }
  | { op: 'close' }

export type HostReply =
  { seq: number; ok: true; result: unknown } | { seq: number; ok: false; error: string }

/** The bench side of the stand-in process: typed calls over IPC. */
export class StandInProcess {
  private seq = 0
  private readonly pending = new Map<
    number,
    { resolve(v: unknown): void; reject(e: Error): void }
  >()

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (reply: HostReply) => {
      const waiter = this.pending.get(reply.seq)
      this.pending.delete(reply.seq)
      if (reply.ok) waiter?.resolve(reply.result)
      else waiter?.reject(new Error(`stand-in: ${reply.error}`))
    })
    child.on('exit', (code) => {
      for (const w of this.pending.values()) w.reject(new Error(`stand-in exited (${code})`))
      this.pending.clear()
    })
  }

  /** Forks the stand-in host and starts the stand-in; `latencyMs` puts the latency proxy in front. */
  static async start(
    token: string,
    latencyMs?: [number, number],
  ): Promise<{ host: StandInProcess; apiRoot: string }> {
    const script = new URL('./stand-in-host.ts', import.meta.url).pathname
    const child = fork(script, [], {
      execArgv: ['--import', import.meta.resolve('tsx')],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    const host = new StandInProcess(child)
    const { apiRoot } = await host.call<{ apiRoot: string }>({
      op: 'start',
      token,
      ...(latencyMs === undefined ? {} : { latencyMs }),
    })
    return { host, apiRoot }
  }

  call<T>(request: HostRequest): Promise<T> {
    const seq = ++this.seq
    return new Promise<T>((resolve, reject) => {
      this.pending.set(seq, { resolve: (v) => resolve(v as T), reject })
      this.child.send({ ...request, seq })
    })
  }

  text(from: number, chat: number, text: string, replyTo?: number): Promise<Update> {
    return this.call({
      op: 'text',
      from,
      chat,
      text,
      ...(replyTo === undefined ? {} : { replyTo }),
    })
  }

  botMessages(chat: number): Promise<BotMessageView[]> {
    return this.call({ op: 'botMessages', chat })
  }

  stats(): Promise<HostStats> {
    return this.call({ op: 'stats' })
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once('exit', resolve))
    await this.call({ op: 'close' }).catch(() => undefined)
    await exited
  }
}
