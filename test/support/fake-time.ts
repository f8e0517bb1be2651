import type { ManualClock } from '../../src/clock.js'

/**
 * Virtual time for the sender: `sleep` parks the caller; once everything else
 * has settled (a macrotask later), the earliest sleeper wakes and both the
 * monotonic clock and the business clock jump to its instant. Concurrent
 * sleepers overlap as real timers do, so elapsed time is what a real run takes,
 * with no real waiting.
 */
export class FakeTime {
  mono = 0
  private timers: { at: number; seq: number; resolve: () => void }[] = []
  private seq = 0
  private scheduled = false

  constructor(private readonly clock?: ManualClock) {}

  now = (): number => this.mono

  sleep = (ms: number): Promise<void> =>
    new Promise<void>((resolve) => {
      this.timers.push({ at: this.mono + Math.max(0, ms), seq: this.seq++, resolve })
      this.kick()
    })

  /** Moves both clocks forward by hand (between runs). */
  advance(ms: number): void {
    this.mono += ms
    this.clock?.advance(ms)
  }

  private kick(): void {
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const next = this.timers.shift()
      if (next === undefined) return
      if (next.at > this.mono) this.advance(next.at - this.mono)
      next.resolve()
      if (this.timers.length > 0) this.kick()
    })
  }
}
