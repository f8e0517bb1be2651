import { describe, expect, it } from 'vitest'
import { Pacer } from '../../../src/domain/broadcasts/pacer.js'

describe('Pacer', () => {
  it('allows 30 per second overall, then says how long to wait', () => {
    let now = 0
    const pacer = new Pacer(() => now)
    for (let i = 0; i < 30; i++) expect(pacer.reserve(1000 + i).ok).toBe(true)
    expect(pacer.reserve(5000)).toEqual({ ok: false, waitMs: 1000, scope: 'global' })
    now = 1000
    expect(pacer.reserve(5000).ok).toBe(true)
  })

  it('allows 20 per minute into a group, edits keeping room for sends; private chats only the global limit', () => {
    let now = 0
    const pacer = new Pacer(() => now)
    for (let i = 0; i < 16; i++) {
      expect(pacer.reserve(-1, 'send').ok).toBe(true)
      now += 100
    }
    expect(pacer.reserve(-1, 'edit')).toMatchObject({ ok: false, scope: 'group' })
    for (let i = 0; i < 4; i++) expect(pacer.reserve(-1, 'send').ok).toBe(true)
    expect(pacer.reserve(-1, 'send')).toEqual({ ok: false, waitMs: 60_000 - 1_600, scope: 'group' })
    expect(pacer.reserve(42, 'send').ok).toBe(true)
    now = 60_001
    expect(pacer.groupRemaining(-1)).toBe(1)
  })

  it('pauseAll stops everyone, then runs at half speed for a while', () => {
    let now = 0
    const pacer = new Pacer(() => now)
    pacer.pauseAll(5_000)
    expect(pacer.reserve(7)).toEqual({ ok: false, waitMs: 5_000, scope: 'paused' })
    now = 5_000
    for (let i = 0; i < 15; i++) expect(pacer.reserve(i + 1).ok).toBe(true)
    expect(pacer.reserve(99)).toMatchObject({ ok: false, scope: 'global' })
    now = 5_000 + 60_000 + 1_000
    for (let i = 0; i < 30; i++) expect(pacer.reserve(i + 1).ok).toBe(true)
  })
})
