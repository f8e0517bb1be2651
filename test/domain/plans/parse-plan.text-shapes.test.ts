import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { parsePlan } from '../../../src/domain/plans/parse-plan.js'
import { hardWrap, tabBullets, withoutBlankLines, withoutRecipients } from './text-shapes.js'

/**
 * Issue 16, rules 10, 11 and 13: the same plan as offices really paste it reads the same. Built
 * from every seed, so a rule that only fits one document fails on another.
 */
const plansIn = (dir: URL) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => [name, readFileSync(new URL(name, dir), 'utf8')] as const)
const seeds = [
  ...plansIn(new URL('../../fixtures/plans/seeds/', import.meta.url)),
  ...plansIn(new URL('../../fixtures/plans/', import.meta.url)),
  ...plansIn(new URL('../../fixtures/plans/synthetic/', import.meta.url)),
]

describe.each(seeds)('plan %s as it arrives', (_name, text) => {
  const plain = parsePlan(text)

  test('hard-wrapped at 70 columns', () => {
    expect(parsePlan(hardWrap(text, 70))).toEqual(plain)
  })

  test('hard-wrapped at 60 columns with no blank lines (a PDF copy)', () => {
    expect(parsePlan(withoutBlankLines(hardWrap(text, 60)))).toEqual(plain)
  })

  test('bullets and numbers followed by a tab (Word list export)', () => {
    expect(parsePlan(tabBullets(text))).toEqual(plain)
  })

  test('without Nơi nhận: the signature is no activity', () => {
    expect(parsePlan(withoutRecipients(text))).toEqual({ ...plain, recipients: [] })
  })

  test('all of it at once', () => {
    const variant = tabBullets(withoutRecipients(hardWrap(text, 72)))
    expect(parsePlan(variant)).toEqual({ ...plain, recipients: [] })
  })
})

describe('the helpers build what they say', () => {
  test('hardWrap keeps every word and no line is longer than the width', () => {
    const long = 'Giao Văn phòng Sở theo dõi, đôn đốc việc triển khai thực hiện Kế hoạch này'
      .concat(' và báo cáo kết quả')
      .repeat(4)
    const wrapped = hardWrap(long, 70)
    expect(wrapped.split('\n').length).toBeGreaterThan(3)
    expect(wrapped.split('\n').every((line) => line.length <= 70)).toBe(true)
    expect(wrapped.replace(/\n/g, ' ')).toBe(long)
  })

  test('withoutRecipients drops the list and keeps the signature', () => {
    const text = 'Trên đây./.\n\nNơi nhận:\n\n- Như trên;\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nTrần Văn A'
    expect(withoutRecipients(text)).toBe('Trên đây./.\n\nGIÁM ĐỐC\n\nTrần Văn A')
  })
})
