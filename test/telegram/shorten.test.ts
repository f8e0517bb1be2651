import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { shorten, toastText, TOAST_LIMIT } from '../../src/telegram/shorten.js'

describe('shorten (issue 11, point 14)', () => {
  it('keeps text that fits, on one line', () => {
    expect(shorten('Đọc sách và chia sẻ cảm nhận', 40)).toBe('Đọc sách và chia sẻ cảm nhận')
    expect(shorten('Đọc sách\n  và chia sẻ', 40)).toBe('Đọc sách và chia sẻ')
  })

  it('cuts at a word, never inside one, and says so with «…»', () => {
    const title = 'Tuyên truyền, phổ biến tới toàn thể công chức, viên chức và người lao động'
    expect(shorten(title, 68)).toBe(
      'Tuyên truyền, phổ biến tới toàn thể công chức, viên chức và người…',
    )
    expect(shorten(title, 30)).toBe('Tuyên truyền, phổ biến tới…')
    expect(shorten(title, 47)).toBe('Tuyên truyền, phổ biến tới toàn thể công chức…')
  })

  it('cuts a single overlong word inside it, still marked', () => {
    expect(shorten('NGAYSACHVAVANHOADOC2024', 10)).toBe('NGAYSACHV…')
  })

  test.prop([fc.string({ maxLength: 400 }), fc.integer({ min: 2, max: 300 })])(
    'never exceeds the limit, and a cut text ends with «…» after a whole word',
    (text, max) => {
      const short = shorten(text, max)
      expect(short.length).toBeLessThanOrEqual(max)
      const oneLine = text.replace(/\s+/g, ' ').trim()
      if (short === oneLine) return
      expect(short.endsWith('…')).toBe(true)
      const kept = short.slice(0, -1)
      if (kept.includes(' ')) expect(oneLine.startsWith(kept)).toBe(true)
    },
  )

  it('a toast stays within what Telegram shows', () => {
    expect(toastText('chữ '.repeat(100)).length).toBeLessThanOrEqual(TOAST_LIMIT)
  })
})
