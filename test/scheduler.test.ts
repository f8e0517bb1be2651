import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { ManualClock } from '../src/clock.js'
import { loadConfig } from '../src/config.js'
import type { Deps } from '../src/domain/deps.js'
import { createScheduler } from '../src/scheduler.js'

function deps(clock: ManualClock): Deps {
  return {
    // The scheduler never touches the database itself; its jobs do.
    db: undefined as unknown as Deps['db'],
    clock,
    logger: pino({ level: 'silent' }),
    config: loadConfig({}),
  }
}

describe('scheduler', () => {
  it('runs a job only once its next instant has come, and again at once while it makes progress', async () => {
    const clock = new ManualClock('2024-04-15T01:00:00Z')
    const scheduler = createScheduler(deps(clock))
    let due: string | null = '2024-04-15T01:00:05.000Z'
    const runs: string[] = []
    let backlog = 0
    scheduler.register('reminders', {
      nextDueAt: () => Promise.resolve(due),
      run: (d) => {
        runs.push(d.clock.now().toISOString())
        if (backlog > 0) {
          backlog--
          return Promise.resolve(true)
        }
        due = null
        return Promise.resolve(false)
      },
    })
    let idle = scheduler.whenIdle()
    scheduler.start()
    await idle
    expect(runs).toEqual([])

    clock.set('2024-04-15T01:00:05Z')
    backlog = 2
    idle = scheduler.whenIdle()
    scheduler.wake()
    await idle
    expect(runs).toEqual([
      '2024-04-15T01:00:05.000Z',
      '2024-04-15T01:00:05.000Z',
      '2024-04-15T01:00:05.000Z',
    ])
    await scheduler.stop()
  })

  it('keeps running after a job throws, and keeps the other jobs', async () => {
    const clock = new ManualClock('2024-04-15T01:00:00Z')
    const scheduler = createScheduler(deps(clock))
    let good = 0
    scheduler.register('broken', {
      nextDueAt: () => Promise.resolve('2024-04-15T00:00:00.000Z'),
      run: () => Promise.reject(new Error('boom')),
    })
    scheduler.register('good', {
      nextDueAt: () => Promise.resolve(good === 0 ? '2024-04-15T00:00:00.000Z' : null),
      run: () => {
        good++
        return Promise.resolve(false)
      },
    })
    expect(() =>
      scheduler.register('good', {
        nextDueAt: () => Promise.resolve(null),
        run: () => Promise.resolve(),
      }),
    ).toThrow()
    const idle = scheduler.whenIdle()
    scheduler.start()
    await idle
    expect(good).toBe(1)
    await scheduler.stop()
  })
})
