import { describe, expect, it } from 'vitest'
import { splitIntoMessages } from '../../../src/domain/reminders/split-message.js'

describe('splitIntoMessages', () => {
  it('keeps one message when it fits, and repeats the header on every part', () => {
    expect(splitIntoMessages('Chưa xác nhận: ', ['A', 'B'])).toEqual(['Chưa xác nhận: A, B'])
    const names = Array.from(
      { length: 400 },
      (_, i) => `<a href="tg://user?id=${1000 + i}">Người số ${i}</a>`,
    )
    const parts = splitIntoMessages('Chưa xác nhận:\n', names)
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(3500)
      expect(part.startsWith('Chưa xác nhận:\n')).toBe(true)
    }
    // Every name exactly once, none cut.
    const joined = parts.map((p) => p.slice('Chưa xác nhận:\n'.length)).join(', ')
    expect(joined).toBe(names.join(', '))
  })

  it('never drops an item longer than the budget', () => {
    expect(splitIntoMessages('H ', ['x'.repeat(20), 'y'], ', ', 10)).toEqual([
      'H ' + 'x'.repeat(20),
      'H y',
    ])
  })
})
