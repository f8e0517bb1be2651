import type { ApiCall } from './types.js'

interface Waiter {
  predicate: (call: ApiCall) => boolean
  after: number
  resolve(call: ApiCall): void
  reject(error: Error): void
  timer: NodeJS.Timeout
}

/** Every call the bot made, and event-driven waiting for the next one that matters. */
export class CallLog {
  readonly calls: ApiCall[] = []
  private waiters: Waiter[] = []

  record(call: Omit<ApiCall, 'seq'>): ApiCall {
    const recorded: ApiCall = { seq: this.calls.length + 1, ...call }
    this.calls.push(recorded)
    for (const waiter of this.waiters) {
      if (recorded.seq > waiter.after && waiter.predicate(recorded)) this.settle(waiter, recorded)
    }
    return recorded
  }

  /**
   * Resolves with the first call after `after` (a seq; default 0) matching the predicate,
   * whether already recorded or still to come. Rejects after `timeoutMs` listing the last calls.
   */
  waitFor(
    predicate: (call: ApiCall) => boolean,
    opts: { timeoutMs?: number; after?: number } = {},
  ): Promise<ApiCall> {
    const after = opts.after ?? 0
    const found = this.calls.find((c) => c.seq > after && predicate(c))
    if (found !== undefined) return Promise.resolve(found)
    const timeoutMs = opts.timeoutMs ?? 5000
    return new Promise<ApiCall>((resolve, reject) => {
      const waiter: Waiter = {
        predicate,
        after,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter)
          reject(
            new Error(
              `waitForCall: no matching call within ${timeoutMs} ms (after seq ${after}).\n${this.describeLast(15)}`,
            ),
          )
        }, timeoutMs),
      }
      this.waiters.push(waiter)
    })
  }

  close(): void {
    for (const waiter of this.waiters) {
      clearTimeout(waiter.timer)
      waiter.reject(new Error(`waitForCall: stand-in closed.\n${this.describeLast(15)}`))
    }
    this.waiters = []
  }

  describeLast(n: number): string {
    const last = this.calls.slice(-n)
    if (last.length === 0) return 'No calls were made.'
    const lines = last.map((c) => {
      const outcome = c.ok ? 'ok' : `${c.status} ${c.description ?? ''}`
      const params = JSON.stringify(c.params)
      return `  #${c.seq} ${c.method} ${params.length > 160 ? `${params.slice(0, 157)}...` : params} → ${outcome}`
    })
    return `Last ${last.length} of ${this.calls.length} call(s):\n${lines.join('\n')}`
  }

  private settle(waiter: Waiter, call: ApiCall): void {
    clearTimeout(waiter.timer)
    this.waiters = this.waiters.filter((w) => w !== waiter)
    waiter.resolve(call)
  }
}
