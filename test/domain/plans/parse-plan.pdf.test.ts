import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, test } from 'vitest'
import { extractPlanText } from '../../../src/domain/plans/extract-text.js'
import { parsePlan } from '../../../src/domain/plans/parse-plan.js'
import { pdfOf } from './pdf-builder.js'
import { hardWrap } from './text-shapes.js'

/**
 * Issue 16, rule 14: a plan saved as PDF comes back as lines of about 85 characters with no
 * blank lines between paragraphs; read through the .pdf path it parses like the plain text.
 */
const plansIn = (dir: URL) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => [name, readFileSync(new URL(name, dir), 'utf8')] as const)
const seeds = plansIn(new URL('../../fixtures/plans/seeds/', import.meta.url))
const synthetic = plansIn(new URL('../../fixtures/plans/synthetic/', import.meta.url))

const printed = (text: string): string[] =>
  hardWrap(text.replace(/\*\*/g, ''), 85)
    .split('\n')
    .filter((line) => line.trim() !== '')

describe.each([...seeds, ...synthetic])('%s saved as PDF', (_name, text) => {
  test('parses like the plain text', async () => {
    const extracted = await extractPlanText({
      fileName: 'KE-HOACH.PDF',
      bytes: pdfOf(printed(text)),
    })
    expect(extracted.ok).toBe(true)
    if (!extracted.ok) return
    expect(parsePlan(extracted.text)).toEqual(parsePlan(text))
  })
})

test.each(seeds)(
  '%s: page numbers at the top of each page are no part of the text',
  async (_name, text) => {
    const lines = printed(text)
    expect(lines.length).toBeGreaterThan(52)
    const extracted = await extractPlanText({
      fileName: 'kh.pdf',
      bytes: pdfOf(lines, { pageNumbers: true }),
    })
    expect(extracted.ok).toBe(true)
    if (!extracted.ok) return
    expect(extracted.text.split('\n').filter((line) => /^\d+$/u.test(line.trim()))).toEqual([])
    expect(parsePlan(extracted.text)).toEqual(parsePlan(text))
  },
)

describe('PDFs that cannot be read', () => {
  test('a scan with no text layer is refused as such', async () => {
    expect(
      await extractPlanText({ fileName: 'scan.pdf', bytes: pdfOf([], { scan: true }) }),
    ).toEqual({ ok: false, error: { code: 'plan-no-text-layer' } })
  })

  test('a file named .pdf that is not one, or is cut short, is not text', async () => {
    const notText = { ok: false, error: { code: 'plan-not-text' } }
    const bytes = new TextEncoder().encode('KẾ HOẠCH\nTổ chức Ngày Sách')
    expect(await extractPlanText({ fileName: 'a.pdf', bytes })).toEqual(notText)
    const real = pdfOf(['KẾ HOẠCH', 'Tổ chức Ngày Sách và Văn hóa đọc Việt Nam năm 2026'])
    expect(await extractPlanText({ fileName: 'a.pdf', bytes: real.slice(0, 200) })).toEqual(notText)
  })
})
