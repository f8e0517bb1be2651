import { describe, expect, it } from 'vitest'
import { Pacer, TELEGRAM_LIMITS } from '../../../src/domain/broadcasts/pacer.js'

/** Telegram's limits without the jitter margins, to check the window arithmetic itself. */
const EXACT_WINDOWS = { ...TELEGRAM_LIMITS, globalMarginMs: 0, groupMarginMs: 0 }

describe('Pacer', () => {
  it('allows 30 per second overall, replies first: background sends leave room once someone is answered', () => {
    let now = 0
    const pacer = new Pacer(() => now, EXACT_WINDOWS)
    // Nobody being answered: a broadcast alone takes the full 30.
    for (let i = 0; i < 30; i++) expect(pacer.reserve(1000 + i).ok).toBe(true)
    expect(pacer.reserve(5000)).toEqual({ ok: false, waitMs: 1000, scope: 'global' })
    // A reply finds the second full; it waits, and from now on background sends leave it a slot.
    expect(pacer.reserve(1029, 'send', 'reply')).toEqual({
      ok: false,
      waitMs: 1000,
      scope: 'global',
    })
    now = 1000
    for (let i = 0; i < 29; i++) expect(pacer.reserve(2000 + i).ok).toBe(true)
    expect(pacer.reserve(5000)).toMatchObject({ ok: false, scope: 'global' })
    expect(pacer.reserve(1029, 'send', 'reply').ok).toBe(true)
    // Three quiet seconds after the wait the reserve is gone again.
    now = 5000
    for (let i = 0; i < 30; i++) expect(pacer.reserve(3000 + i).ok).toBe(true)
  })

  it('keeps no slot idle for replies while none has had to wait: replies sent share the 30 with the broadcast', () => {
    const now = 0
    const pacer = new Pacer(() => now, EXACT_WINDOWS)
    expect(pacer.reserve(1, 'send', 'reply').ok).toBe(true)
    let background = 0
    while (pacer.reserve(100 + background).ok) background++
    expect(background).toBe(29)
  })

  it('holds a taken slot while its call is in flight, and a second from its completion', () => {
    let now = 0
    const pacer = new Pacer(() => now, EXACT_WINDOWS)
    const slots = Array.from({ length: 30 }, (_, i) => pacer.take(-100 - i))
    expect(slots.every((s) => s.ok)).toBe(true)
    // Still in flight 5 s later (a stalled network): nothing frees, at least a second to wait.
    now = 5_000
    expect(pacer.take(-1)).toEqual({ ok: false, waitMs: 1000, scope: 'global' })
    // Answers came back at 5 s and 5.2 s: Telegram got each one by then at the latest.
    for (const s of slots.slice(0, 10)) if (s.ok) s.done()
    now = 5_200
    for (const s of slots.slice(10)) if (s.ok) s.done()
    now = 5_999
    expect(pacer.take(-1)).toEqual({ ok: false, waitMs: 1, scope: 'global' })
    now = 6_000
    for (let i = 0; i < 10; i++) expect(pacer.take(-200 - i).ok).toBe(true)
    expect(pacer.take(-1)).toEqual({ ok: false, waitMs: 200, scope: 'global' })
  })

  it('takes every slot of an album at once or none, so a half-taken album holds nothing back', () => {
    const now = 0
    const pacer = new Pacer(() => now, EXACT_WINDOWS)
    for (let i = 0; i < 28; i++) expect(pacer.take(-100 - i).ok).toBe(true)
    expect(pacer.take(-1, 'send', 'background', 3)).toMatchObject({ ok: false, scope: 'global' })
    expect(pacer.take(-2).ok).toBe(true)
    expect(pacer.take(-3).ok).toBe(true)
    expect(pacer.take(-4).ok).toBe(false)
    // Into one group an album weighs its messages: 20 a minute.
    const other = new Pacer(() => now, EXACT_WINDOWS)
    for (let i = 0; i < 6; i++) expect(other.take(-7, 'send', 'background', 3).ok).toBe(true)
    expect(other.take(-7, 'send', 'background', 3)).toMatchObject({ ok: false, scope: 'group' })
    expect(other.take(-7, 'send', 'background', 2).ok).toBe(true)
  })

  it('once a reply has waited, background sends leave replies up to replyReserve slots a second', () => {
    let now = 0
    const pacer = new Pacer(() => now, EXACT_WINDOWS)
    for (let i = 0; i < 30; i++) expect(pacer.reserve(100 + i).ok).toBe(true)
    expect(pacer.reserve(1, 'send', 'reply').ok).toBe(false)
    now = 1_000
    for (let i = 0; i < 4; i++) expect(pacer.reserve(1 + i, 'send', 'reply').ok).toBe(true)
    let background = 0
    while (pacer.reserve(200 + background).ok) background++
    expect(background).toBe(30 - 4 - TELEGRAM_LIMITS.replyReserve)
    expect(pacer.reserve(99, 'send', 'reply').ok).toBe(true)
  })

  it('gives edits 30 a second of their own: the office editing its preview leaves the broadcast its 30 copies', () => {
    const now = 0
    const pacer = new Pacer(() => now, EXACT_WINDOWS)
    for (let i = 0; i < 30; i++) expect(pacer.take(-100 - i).ok).toBe(true)
    expect(pacer.take(-1)).toMatchObject({ ok: false, scope: 'global' })
    for (let i = 0; i < 30; i++) expect(pacer.take(-200 - i, 'edit').ok).toBe(true)
    expect(pacer.take(-2, 'edit')).toMatchObject({ ok: false, scope: 'global' })
  })

  it('allows 20 per minute into a group, edits keeping room for sends; private chats only the global limit', () => {
    let now = 0
    const pacer = new Pacer(() => now, EXACT_WINDOWS)
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

  it('one 429 pauses everyone for retry_after, then the pace resumes in full', () => {
    let now = 0
    const pacer = new Pacer(() => now)
    pacer.pauseAll(5_000)
    expect(pacer.reserve(7)).toEqual({ ok: false, waitMs: 5_000, scope: 'paused' })
    now = 5_000
    for (let i = 0; i < 30; i++) expect(pacer.reserve(i + 1, 'send', 'reply').ok).toBe(true)
  })

  it('a new holder of the sending role waits out one second of background sends it never saw, at full pace after', () => {
    let now = 0
    const pacer = new Pacer(() => now, EXACT_WINDOWS)
    pacer.waitOutHandover()
    // A second, and a little more for what the dead holder wrote just before it died.
    expect(pacer.reserve(7)).toEqual({ ok: false, waitMs: 1_100, scope: 'paused' })
    // A person's answer is this instance's own business: it goes at once.
    expect(pacer.reserve(8, 'send', 'reply').ok).toBe(true)
    now = 1_100
    for (let i = 0; i < 29; i++) expect(pacer.reserve(i + 1).ok).toBe(true)
    // Not a flood: three hand-overs in a row leave the pace whole.
    pacer.waitOutHandover()
    pacer.waitOutHandover()
    now = 3_000
    for (let i = 0; i < 29; i++) expect(pacer.reserve(i + 100).ok).toBe(true)
  })

  it('429s spread out only pause; a burst of them halves the pace for a while', () => {
    let now = 0
    const pacer = new Pacer(() => now)
    for (const at of [0, 3_000, 6_000, 9_000]) {
      now = at
      pacer.pauseAll(1_000)
    }
    now = 10_000
    for (let i = 0; i < 30; i++) expect(pacer.reserve(i + 1, 'send', 'reply').ok).toBe(true)
    now = 11_000
    pacer.pauseAll(1_000)
    pacer.pauseAll(1_000)
    now = 11_100
    pacer.pauseAll(4_000)
    now = 15_100
    for (let i = 0; i < 15; i++) expect(pacer.reserve(i + 1, 'send', 'reply').ok).toBe(true)
    expect(pacer.reserve(99, 'send', 'reply')).toMatchObject({ ok: false, scope: 'global' })
    now = 15_100 + 60_000 + 1_000
    for (let i = 0; i < 30; i++) expect(pacer.reserve(i + 1, 'send', 'reply').ok).toBe(true)
  })
})

describe('jitter margins', () => {
  it('keep the 31st send of a second back a little longer than the second itself', () => {
    let now = 0
    const pacer = new Pacer(() => now)
    for (let i = 0; i < 30; i++) expect(pacer.reserve(-1000 - i, 'send', 'reply').ok).toBe(true)
    now = 1_000
    expect(pacer.reserve(-2000)).toEqual({
      ok: false,
      waitMs: TELEGRAM_LIMITS.globalMarginMs,
      scope: 'global',
    })
    now = 1_000 + TELEGRAM_LIMITS.globalMarginMs
    expect(pacer.reserve(-2000).ok).toBe(true)
  })
})
