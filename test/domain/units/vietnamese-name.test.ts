import { describe, expect, it } from 'vitest'
import { vietnameseOrder } from '../../../src/domain/units/vietnamese-name.js'

describe('vietnameseOrder (issue 11, point 17)', () => {
  it('puts a family name typed as the last name first', () => {
    expect(vietnameseOrder('Bình', 'Đặng Văn')).toBe('Đặng Văn Bình')
    expect(vietnameseOrder('Lan', 'Nguyễn Thị')).toBe('Nguyễn Thị Lan')
    expect(vietnameseOrder('Hà', 'Lê Thu')).toBe('Lê Thu Hà')
    expect(vietnameseOrder('Tuấn', 'HOÀNG ANH')).toBe('HOÀNG ANH Tuấn')
  })

  it('keeps a name already in Vietnamese order, and foreign names as typed', () => {
    expect(vietnameseOrder('Nguyễn Văn', 'An')).toBe('Nguyễn Văn An')
    expect(vietnameseOrder('Trần', 'Nguyễn')).toBe('Trần Nguyễn')
    expect(vietnameseOrder('Anna', 'Schmidt')).toBe('Anna Schmidt')
    expect(vietnameseOrder('Minh', undefined)).toBe('Minh')
    expect(vietnameseOrder('Minh', '')).toBe('Minh')
  })

  it('reads decomposed diacritics (as some keyboards send them) like composed ones', () => {
    expect(vietnameseOrder('Bình', 'Đặng Văn'.normalize('NFD'))).toBe(
      `${'Đặng Văn'.normalize('NFD')} Bình`,
    )
  })
})
