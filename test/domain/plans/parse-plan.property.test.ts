import { readFileSync, readdirSync } from 'node:fs'
import { fc, test } from '@fast-check/vitest'
import { describe, expect } from 'vitest'
import { looksLikePlan, parsePlan } from '../../../src/domain/plans/parse-plan.js'
import { parsedPlanSchema } from '../../../src/domain/plans/parsed-plan.js'
import { daysInMonth } from '../../../src/domain/plans/plan-dates.js'

const seedDir = new URL('../../fixtures/plans/seeds/', import.meta.url)
const seedLines = readdirSync(seedDir)
  .flatMap((name) => readFileSync(new URL(name, seedDir), 'utf8').split('\n'))
  .filter((line) => line.trim() !== '')

/** Pieces of real plans plus the date shapes the parser reads, to stitch into odd documents. */
const fragments = [
  ...seedLines,
  'KẾ HOẠCH',
  'V/v hướng dẫn',
  'Số: 0125/KH-UBND   Quảng Nam, ngày 31 tháng 02 năm 2025',
  '- Thời gian: trước ngày 31/2/2024.',
  '- Đơn vị chủ trì: Văn phòng Sở',
  '- Đơn vị phối hợp: Các phòng, đơn vị; Sở Tài chính',
  '| STT | Nội dung | Cơ quan thực hiện | Thời gian |',
  '| 1 | Tổ chức hội thi | Tỉnh đoàn | Quý IV/2024 |',
  '| 2 | | | |',
  '2. Văn phòng Sở: báo cáo trước ngày 20 hằng tháng.',
  'a) Trung tâm CNTT thực hiện từ nay đến hết ngày 30/6.',
  '- Hội thảo: Quý I - II, năm 2022.',
  'Thời gian: từ ngày 15/4 đến khi kết thúc.',
  'với chủ đề “”; khẩu hiệu "',
  'Nơi nhận:',
  'TM. ỦY BAN NHÂN DÂN',
  '**KT. GIÁM ĐỐC',
  'Trần Văn A',
  '1.',
  'a)',
  '- ',
  ':',
  '(',
  'trong tháng 13/2024; Quý V; ngày 00/00/0000',
]

const documentOf = fc
  .array(fc.constantFrom(...fragments), { maxLength: 60 })
  .map((lines) => lines.join('\n'))
const mixed = fc
  .array(fc.oneof(fc.constantFrom(...fragments), fc.string({ unit: 'grapheme', maxLength: 40 })), {
    maxLength: 40,
  })
  .map((lines) => lines.join('\n'))

/**
 * Whether the text supports a due date: its day and month appear together in the text, or it is
 * the last day of a month, quarter or year that the text mentions.
 */
function isSupported(due: string, text: string): boolean {
  const [year = 0, month = 0, day = 0] = due.split('-').map(Number)
  const d = `0?${day}`
  const m = `0?${month}`
  const dayMonth = new RegExp(
    `(?<!\\d)${d}\\s?[/.-]\\s?${m}(?!\\d)|(?<!\\d)${d}\\s+tháng\\s+${m}(?!\\d)`,
    'u',
  )
  if (dayMonth.test(text)) return true
  const lastDay = daysInMonth(year, month)
  if (day !== lastDay) return false
  const monthMentioned = new RegExp(`tháng\\s+(?:[\\d\\s,–-]|và)*${m}(?!\\d)`, 'iu').test(text)
  const quarterEnd = month % 3 === 0 && /quý/iu.test(text)
  const yearEnd = month === 12 && new RegExp(`${year}`).test(text)
  return monthMentioned || quarterEnd || yearEnd
}

describe('parsePlan properties', () => {
  test.prop([fc.string({ unit: 'binary', maxLength: 400 })])(
    'never throws on arbitrary unicode',
    (text) => {
      const plan = parsePlan(text)
      expect(parsedPlanSchema.safeParse(plan).success).toBe(true)
      looksLikePlan(text)
    },
  )

  test.prop([documentOf], { numRuns: 300 })('never throws on stitched plan fragments', (text) => {
    expect(parsedPlanSchema.safeParse(parsePlan(text)).success).toBe(true)
  })

  test.prop([mixed], { numRuns: 200 })('never throws on fragments mixed with noise', (text) => {
    expect(parsedPlanSchema.safeParse(parsePlan(text)).success).toBe(true)
  })

  test.prop([fc.oneof(documentOf, mixed)], { numRuns: 300 })(
    'never gives a due date the text does not support',
    (text) => {
      for (const activity of parsePlan(text).activities) {
        if (activity.due !== null) expect(isSupported(activity.due, text), activity.due).toBe(true)
      }
    },
  )

  test.prop([fc.integer({ min: 1, max: 40 }), fc.constantFrom(...fragments)], { numRuns: 20 })(
    'a long document of repeated lines still parses',
    (times, line) => {
      const text = `KẾ HOẠCH\nThử\n${`${line}\n`.repeat(times * 20)}`
      expect(() => parsePlan(text)).not.toThrow()
    },
  )
})
