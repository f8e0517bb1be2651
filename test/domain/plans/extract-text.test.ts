import { Document, Packer, Paragraph } from 'docx'
import { describe, expect, test } from 'vitest'
import { MAX_PLAN_BYTES, extractPlanText } from '../../../src/domain/plans/extract-text.js'
import { parsePlan } from '../../../src/domain/plans/parse-plan.js'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

async function docxOf(paragraphs: readonly string[]): Promise<Uint8Array> {
  const document = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }],
  })
  return new Uint8Array(await Packer.toBuffer(document))
}

describe('extractPlanText', () => {
  test('reads .txt and .md as UTF-8 without the BOM', async () => {
    const text = 'KẾ HOẠCH\nTổ chức Ngày Sách\n'
    expect(
      await extractPlanText({ fileName: 'ke-hoach.txt', bytes: utf8(`\uFEFF${text}`) }),
    ).toEqual({
      ok: true,
      text,
    })
    expect(await extractPlanText({ fileName: 'KE-HOACH.MD', bytes: utf8('**KẾ HOẠCH**') })).toEqual(
      {
        ok: true,
        text: '**KẾ HOẠCH**',
      },
    )
  })

  test('reads a .docx through mammoth, and the parser reads its plan', async () => {
    const bytes = await docxOf([
      'Số: 12/KH-SNV',
      'Lạng Sơn, ngày 05 tháng 4 năm 2024',
      'KẾ HOẠCH',
      'Tổ chức Ngày Sách năm 2024',
      'I. TỔ CHỨC THỰC HIỆN',
      '1. Văn phòng Sở',
      'Tổng hợp, báo cáo kết quả gửi Sở Thông tin và Truyền thông trước ngày 05/5/2024.',
    ])
    const result = await extractPlanText({ fileName: 'ke-hoach.docx', bytes })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.text).toContain('Tổ chức Ngày Sách năm 2024')
    const plan = parsePlan(result.text)
    expect(plan).toMatchObject({
      title: 'Tổ chức Ngày Sách năm 2024',
      number: '12/KH-SNV',
      place: 'Lạng Sơn',
      issuedOn: '2024-04-05',
      activities: [
        {
          title: 'Tổng hợp, báo cáo kết quả gửi Sở Thông tin và Truyền thông trước ngày 05/5/2024',
          kind: 'report',
          lead: 'Văn phòng Sở',
          due: '2024-05-05',
        },
      ],
    })
  })

  test('refuses other formats by name', async () => {
    expect(await extractPlanText({ fileName: 'ke-hoach.odt', bytes: utf8('PK') })).toEqual({
      ok: false,
      error: { code: 'plan-unsupported-type', fileName: 'ke-hoach.odt' },
    })
    expect(await extractPlanText({ fileName: 'ke-hoach', bytes: utf8('KẾ HOẠCH') })).toMatchObject({
      ok: false,
      error: { code: 'plan-unsupported-type' },
    })
  })

  test('refuses files over 2 MB', async () => {
    const bytes = new Uint8Array(MAX_PLAN_BYTES + 1).fill(0x61)
    expect(await extractPlanText({ fileName: 'lon.txt', bytes })).toEqual({
      ok: false,
      error: { code: 'plan-too-large', maxBytes: 2 * 1024 * 1024 },
    })
  })

  test('refuses binary junk and invalid UTF-8', async () => {
    const notText = { ok: false, error: { code: 'plan-not-text' } }
    expect(
      await extractPlanText({ fileName: 'a.txt', bytes: new Uint8Array([0x4b, 0x00, 0x48]) }),
    ).toEqual(notText)
    expect(
      await extractPlanText({ fileName: 'a.txt', bytes: new Uint8Array([0xc3, 0x28, 0xff, 0xfe]) }),
    ).toEqual(notText)
    const controls = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x61))
    expect(await extractPlanText({ fileName: 'a.md', bytes: controls })).toEqual(notText)
    expect(await extractPlanText({ fileName: 'a.txt', bytes: utf8('   \n  ') })).toEqual(notText)
    expect(await extractPlanText({ fileName: 'a.txt', bytes: utf8('\uFFFD'.repeat(50)) })).toEqual(
      notText,
    )
  })

  test('refuses a corrupt or fake .docx', async () => {
    const notText = { ok: false, error: { code: 'plan-not-text' } }
    expect(await extractPlanText({ fileName: 'a.docx', bytes: utf8('KẾ HOẠCH') })).toEqual(notText)
    const real = await docxOf(['KẾ HOẠCH'])
    const truncated = real.slice(0, Math.floor(real.length / 2))
    expect(await extractPlanText({ fileName: 'a.docx', bytes: truncated })).toEqual(notText)
    const zipHeaderOnly = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8])
    expect(await extractPlanText({ fileName: 'a.docx', bytes: zipHeaderOnly })).toEqual(notText)
  })
})
