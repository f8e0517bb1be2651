import type { Fault } from './types.js'

interface Scheduled {
  method: string
  fault: Fault
  remaining: number
  chatId?: number
}

interface Random {
  method: string
  rate: number
  faults: Fault[]
  next: () => number
}

/** mulberry32: a tiny seeded PRNG, so load tests fail the same calls on every run. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Failures injected on demand; method `'*'` matches every method except getUpdates. */
export class Faults {
  private scheduled: Scheduled[] = []
  private random: Random[] = []

  failNext(method: string, fault: Fault, opts: { count?: number; chatId?: number } = {}): void {
    this.scheduled.push({
      method,
      fault,
      remaining: opts.count ?? 1,
      ...(opts.chatId === undefined ? {} : { chatId: opts.chatId }),
    })
  }

  failRandomly(method: string, opts: { rate: number; faults: Fault[]; seed: number }): void {
    if (opts.faults.length === 0) throw new Error('failRandomly needs at least one fault')
    this.random.push({ method, rate: opts.rate, faults: opts.faults, next: mulberry32(opts.seed) })
  }

  clear(): void {
    this.scheduled = []
    this.random = []
  }

  /** The fault for this call, if any (consumes one scheduled failure). */
  take(method: string, chatId: number | undefined): Fault | undefined {
    const matches = (m: string): boolean => m === method || (m === '*' && method !== 'getUpdates')
    const scheduled = this.scheduled.find(
      (s) => matches(s.method) && (s.chatId === undefined || s.chatId === chatId),
    )
    if (scheduled !== undefined) {
      scheduled.remaining -= 1
      if (scheduled.remaining <= 0) this.scheduled = this.scheduled.filter((s) => s !== scheduled)
      return scheduled.fault
    }
    for (const r of this.random) {
      if (!matches(r.method)) continue
      if (r.next() < r.rate) return r.faults[Math.floor(r.next() * r.faults.length)]
    }
    return undefined
  }
}
