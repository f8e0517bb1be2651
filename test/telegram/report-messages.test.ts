import { describe, expect, it } from 'vitest'
import { splitMessages, visibleLength } from '../../src/telegram/features/report-messages.js'

describe('report messages within Telegram’s limit (issue 14)', () => {
  it('counts text as Telegram does after parsing: tags free, an entity one character', () => {
    expect(visibleLength('<b>DV001</b> Phòng A &amp; B')).toBe('DV001 Phòng A & B'.length)
    expect(visibleLength('&lt;x&gt; &#39;')).toBe(5)
  })

  it('packs fuller messages, never more than the limit once parsed, lines whole', () => {
    const lines = Array.from(
      { length: 400 },
      (_, i) => `${i + 1}. <b>DV${i}</b> Đơn vị số ${i}: 3/50 — 6%`,
    )
    const parts = splitMessages(lines)
    const byRaw = Math.ceil(lines.join('\n').length / 4096)
    expect(parts.length).toBeLessThan(byRaw + 1)
    for (const part of parts) expect(visibleLength(part)).toBeLessThanOrEqual(4096)
    expect(parts.join('\n')).toBe(lines.join('\n'))
    // Fuller: each message but the last would overflow with the next line.
    for (const [i, part] of parts.slice(0, -1).entries()) {
      const next = parts[i + 1]!.split('\n')[0]!
      expect(visibleLength(part) + 1 + visibleLength(next)).toBeGreaterThan(4096)
    }
  })
})
