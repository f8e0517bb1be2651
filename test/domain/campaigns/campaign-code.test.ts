import { describe, expect, it } from 'vitest'
import {
  CAMPAIGN_CODE_PATTERN,
  deriveCampaignCode,
  firstFreeCode,
  normalizeCampaignCode,
  stripDiacritics,
} from '../../../src/domain/campaigns/campaign-code.js'

describe('deriveCampaignCode', () => {
  it.each([
    [
      'Tổ chức các hoạt động Ngày Sách và Văn hóa đọc Việt Nam lần thứ ba năm 2024 tại Sở Nội vụ',
      2024,
      'NGAYSACH2024',
    ],
    [
      'Tổ chức các hoạt động Ngày Sách và Văn hóa đọc Việt Nam lần thứ ba năm 2024',
      null,
      'NGAYSACH2024',
    ],
    [
      'Tổ chức Tuần lễ hưởng ứng học tập suốt đời năm 2024 và Kỷ niệm Ngày Khuyến học Việt Nam 02/10',
      2024,
      'HOCTAP2024',
    ],
    [
      'Tổ chức các hoạt động kỷ niệm Ngày truyền thống ngành Thông tin và Truyền thông năm 2023',
      2023,
      // Issue 11, point 16: never one syllable of "truyền thống" (was NGAYTRUYEN2023).
      'NGAYTT2023',
    ],
    [
      'Hướng dẫn kế hoạch triển khai nhiệm vụ năm 2022 trong lĩnh vực thư viện',
      2021,
      'THUVIEN2022',
    ],
    [
      'Triển khai Phong trào “Cả nước thi đua xây dựng xã hội học tập, đẩy mạnh học tập suốt đời giai đoạn 2023-2030” trên địa bàn tỉnh Hà Nam',
      2024,
      'XAHOIHOCTAP2024',
    ],
    // Was THANGHANH2026, cut inside "hành động".
    ['Tổ chức Tháng hành động vì bình đẳng giới năm 2026', 2026, 'THANGHD2026'],
    ['Tổ chức Ngày Sách và Văn hóa đọc', 2025, 'NGAYSACH2025'],
    ['Đợt cao điểm phòng chống dịch', 2025, 'CAODIEM2025'],
  ])('%s → %s', (title, year, code) => {
    expect(deriveCampaignCode(title, year)).toBe(code)
  })

  it('always gives a typable code of at most 16 characters', () => {
    for (const title of [
      'Kế hoạch',
      '',
      'Chuyểnđổisốtoàndiệncủacơquanhànhchính năm 2024',
      'Ă Â Ê Ô Ơ Ư Đ',
    ]) {
      const code = deriveCampaignCode(title, 2024)
      expect(code).toMatch(/^[A-Z0-9]{2,16}$/)
    }
  })

  it('strips đ as well as the combining marks', () => {
    expect(stripDiacritics('Đường đến Đắk Nông')).toBe('Duong den Dak Nong')
  })
})

describe('normalizeCampaignCode', () => {
  it('accepts what people type', () => {
    expect(normalizeCampaignCode(' ngaysach2024 ')).toBe('NGAYSACH2024')
    expect(normalizeCampaignCode('ngàysách2024')).toBe('NGAYSACH2024')
    expect(normalizeCampaignCode('NGAYSACH2024-2')).toBe('NGAYSACH2024-2')
    expect(normalizeCampaignCode('NGAY_SACH')).toBeNull()
    expect(normalizeCampaignCode('A')).toBeNull()
  })
})

describe('firstFreeCode', () => {
  it('suffixes -2, -3 and keeps 16 characters', async () => {
    const taken = new Set(['NGAYSACH2024', 'NGAYSACH2024-2'])
    expect(await firstFreeCode('NGAYSACH2024', (c) => Promise.resolve(taken.has(c)))).toBe(
      'NGAYSACH2024-3',
    )
    const long = 'ABCDEFGHIJKL2024'
    const next = await firstFreeCode(long, (c) => Promise.resolve(c === long))
    expect(next).toBe('ABCDEFGHIJ2024-2')
    expect(next).toMatch(CAMPAIGN_CODE_PATTERN)
  })
})
