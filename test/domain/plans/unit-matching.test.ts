import { describe, expect, it, test } from 'vitest'
import {
  isAllUnits,
  matchUnitName,
  normalizeUnitName,
} from '../../../src/domain/plans/unit-matching.js'

const units = [
  { code: 'VP', name: 'Văn phòng' },
  { code: 'TTCNTT', name: 'Trung tâm Công nghệ thông tin và Truyền thông' },
  { code: 'TTBCXB', name: 'Phòng Thông tin - Báo chí - Xuất bản' },
  { code: 'CDCS', name: 'Công đoàn cơ sở Sở Thông tin và Truyền thông' },
  { code: 'KHTC', name: 'Phòng Kế hoạch - Tài chính' },
  { code: 'STTTT', name: 'Sở Thông tin và Truyền thông' },
  { code: 'SGDDT', name: 'Sở Giáo dục và Đào tạo' },
  { code: 'SKHCN', name: 'Sở Khoa học và Công nghệ' },
  { code: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch' },
  { code: 'SLDTBXH', name: 'Sở Lao động - Thương binh và Xã hội' },
  { code: 'STNMT', name: 'Sở Tài nguyên và Môi trường' },
  { code: 'SNV', name: 'Sở Nội vụ' },
  { code: 'UBNDHA', name: 'Ủy ban nhân dân huyện Hòa An' },
]

const codeOf = (name: string) => {
  const match = matchUnitName(name, units)
  return { code: match.unit?.code ?? null, confidence: match.confidence }
}

describe('normalizeUnitName', () => {
  test('folds case and tone marks, đ → d', () => {
    expect(normalizeUnitName('Sở Giáo dục và Đào tạo')).toBe('so giao duc va dao tao')
    expect(normalizeUnitName('UỶ BAN NHÂN DÂN')).toBe('uy ban nhan dan')
  })

  test('expands the abbreviations offices use', () => {
    expect(normalizeUnitName('Sở TT&TT')).toBe('so thong tin va truyen thong')
    expect(normalizeUnitName('Sở TTTT')).toBe('so thong tin va truyen thong')
    expect(normalizeUnitName('TT CNTT')).toBe('trung tam cong nghe thong tin')
    expect(normalizeUnitName('Sở GD&ĐT')).toBe('so giao duc va dao tao')
    expect(normalizeUnitName('Sở KH&CN')).toBe('so khoa hoc va cong nghe')
    expect(normalizeUnitName('UBND huyện')).toBe('uy ban nhan dan huyen')
    expect(normalizeUnitName('Sở VHTTDL')).toBe('so van hoa the thao va du lich')
    expect(normalizeUnitName('Sở LĐTBXH')).toBe('so lao dong thuong binh va xa hoi')
    expect(normalizeUnitName('Sở TN&MT')).toBe('so tai nguyen va moi truong')
    expect(normalizeUnitName('Sở NV')).toBe('so noi vu')
    expect(normalizeUnitName('VP Sở')).toBe('van phong so')
  })
})

describe('matchUnitName', () => {
  test('exact names, whatever the case and tone marks', () => {
    expect(codeOf('Văn phòng')).toEqual({ code: 'VP', confidence: 'exact' })
    expect(codeOf('SỞ NỘI VỤ')).toEqual({ code: 'SNV', confidence: 'exact' })
    expect(codeOf('So Giao duc va Dao tao')).toEqual({ code: 'SGDDT', confidence: 'exact' })
  })

  test('abbreviated names', () => {
    expect(codeOf('Sở TTTT')).toEqual({ code: 'STTTT', confidence: 'exact' })
    expect(codeOf('Sở TT&TT')).toEqual({ code: 'STTTT', confidence: 'exact' })
    expect(codeOf('Sở GD&ĐT')).toEqual({ code: 'SGDDT', confidence: 'exact' })
    expect(codeOf('Sở KH&CN')).toEqual({ code: 'SKHCN', confidence: 'exact' })
    expect(codeOf('Sở VHTTDL')).toEqual({ code: 'SVHTTDL', confidence: 'exact' })
    expect(codeOf('Sở LĐTBXH')).toEqual({ code: 'SLDTBXH', confidence: 'exact' })
    expect(codeOf('Sở TN&MT')).toEqual({ code: 'STNMT', confidence: 'exact' })
    expect(codeOf('UBND huyện Hòa An')).toEqual({ code: 'UBNDHA', confidence: 'exact' })
  })

  test('"Văn phòng Sở" is the unit "Văn phòng"; "TT CNTT" the IT centre', () => {
    expect(codeOf('Văn phòng Sở')).toEqual({ code: 'VP', confidence: 'probable' })
    expect(codeOf('VP Sở')).toEqual({ code: 'VP', confidence: 'probable' })
    expect(codeOf('TT CNTT')).toEqual({ code: 'TTCNTT', confidence: 'probable' })
    expect(codeOf('Trung tâm Công nghệ thông tin và truyền thông')).toEqual({
      code: 'TTCNTT',
      confidence: 'exact',
    })
    expect(codeOf('Công đoàn cơ sở Sở TTTT')).toEqual({ code: 'CDCS', confidence: 'exact' })
  })

  test('the unit code itself', () => {
    expect(codeOf('TTCNTT')).toEqual({ code: 'TTCNTT', confidence: 'exact' })
    expect(codeOf('vp')).toEqual({ code: 'VP', confidence: 'exact' })
  })

  test('honest "none" for groups, lists, ambiguity and strangers', () => {
    expect(codeOf('Các phòng, đơn vị')).toEqual({ code: null, confidence: 'none' })
    expect(codeOf('Các phòng, đơn vị thuộc và trực thuộc Sở')).toEqual({
      code: null,
      confidence: 'none',
    })
    expect(codeOf('Báo Hà Nam, Đài Phát thanh và Truyền hình Hà Nam')).toEqual({
      code: null,
      confidence: 'none',
    })
    expect(codeOf('Phòng')).toEqual({ code: null, confidence: 'none' })
    expect(codeOf('Sở Tài chính')).toEqual({ code: null, confidence: 'none' })
    expect(codeOf('')).toEqual({ code: null, confidence: 'none' })
  })

  test('two units that fit equally: none', () => {
    const twins = [
      { code: 'A', name: 'Phòng Văn hóa' },
      { code: 'B', name: 'Phòng Văn hóa' },
    ]
    expect(matchUnitName('Phòng Văn hóa', twins)).toEqual({ unit: null, confidence: 'none' })
    const centres = [
      { code: 'A', name: 'Trung tâm Thông tin' },
      { code: 'B', name: 'Trung tâm Thông tin và Thống kê' },
    ]
    expect(matchUnitName('Trung tâm Thông tin', centres).unit?.code).toBe('A')
    expect(matchUnitName('TT Thông', centres)).toEqual({ unit: null, confidence: 'none' })
  })
})

describe('isAllUnits (issue 11, point 16)', () => {
  it.each([
    'Các phòng, đơn vị thuộc và trực thuộc Sở',
    'Các phòng, đơn vị thuộc, trực thuộc',
    'Các phòng chuyên môn thuộc Sở',
    'các đơn vị',
    'Thủ trưởng các phòng, ban',
    'Tất cả các đơn vị trực thuộc',
  ])('«%s» means every unit', (name) => {
    expect(isAllUnits(name)).toBe(true)
  })

  it.each([
    'Các sở, ban, ngành',
    'UBND các huyện, thị xã, thành phố',
    'Văn phòng Sở',
    'Các doanh nghiệp TTTT',
  ])('«%s» does not', (name) => {
    expect(isAllUnits(name)).toBe(false)
  })
})
