import type { MonotonicTime } from '../../app.js'
import type { ManualClock } from '../../clock.js'

/**
 * Loa's pacing and retry waits on the scenario's clock instead of the wall's:
 * a wait of 3 s for a group's budget moves the story 3 s on, at once. Every
 * waiter parks; once the rest has settled (a macrotask later) the earliest
 * wakes and the clock jumps to its instant, so concurrent waits overlap as
 * real timers do. The clock only ever moves forward.
 */
export function scenarioTime(clock: ManualClock): MonotonicTime {
  const timers: { at: number; seq: number; resolve: () => void }[] = []
  let seq = 0
  let scheduled = false
  const kick = () => {
    if (scheduled) return
    scheduled = true
    setImmediate(() => {
      scheduled = false
      timers.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const next = timers.shift()
      if (next === undefined) return
      const now = clock.now().getTime()
      if (next.at > now) clock.advance(next.at - now)
      next.resolve()
      if (timers.length > 0) kick()
    })
  }
  return {
    now: () => clock.now().getTime(),
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        timers.push({ at: clock.now().getTime() + Math.max(0, ms), seq: seq++, resolve })
        kick()
      }),
  }
}
