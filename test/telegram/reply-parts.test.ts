import { describe, expect, it } from 'vitest'
import { packMessages } from '../../src/telegram/reply-parts.js'

describe('packMessages', () => {
  it('keeps blocks whole, in order, each message within the limit', () => {
    const blocks = Array.from({ length: 300 }, (_, i) => `• U${i} — Phòng số ${i} (1 nhóm)`)
    const parts = packMessages(blocks, '\n', 1000)
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(1000)
    expect(parts.join('\n')).toBe(blocks.join('\n'))
  })

  it('cuts a single block longer than a message, and drops empty ones', () => {
    const parts = packMessages(['', 'x'.repeat(50), 'y'], '\n', 20)
    expect(parts).toEqual([`${'x'.repeat(19)}…`, 'y'])
  })
})
