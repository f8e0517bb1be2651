import { readFileSync, readdirSync } from 'node:fs'
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx'
import { describe, expect, test } from 'vitest'
import { extractPlanText } from '../../../src/domain/plans/extract-text.js'
import { parsePlan } from '../../../src/domain/plans/parse-plan.js'

/**
 * Issue 16, rule 12: a plan typed in Word, one paragraph per printed line (a two-line V/v is two
 * paragraphs), read back through the .docx path, parses like the plain text.
 */
const plansIn = (dir: URL) =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .map((name) => [name, readFileSync(new URL(name, dir), 'utf8')] as const)
const seeds = [
  ...plansIn(new URL('../../fixtures/plans/seeds/', import.meta.url)),
  ...plansIn(new URL('../../fixtures/plans/synthetic/', import.meta.url)),
]

async function docxOf(text: string): Promise<Uint8Array> {
  const paragraphs = text
    .split('\n')
    .filter((line) => line.trim() !== '')
    // Word has no Markdown: the bold of the signature is formatting, not asterisks.
    .map((line) => new Paragraph(line.replace(/\*\*/g, '')))
  const document = new Document({ sections: [{ children: paragraphs }] })
  return new Uint8Array(await Packer.toBuffer(document))
}

async function parsedDocx(text: string) {
  const extracted = await extractPlanText({ fileName: 'ke-hoach.docx', bytes: await docxOf(text) })
  if (!extracted.ok) throw new Error(`not read: ${extracted.error.code}`)
  return parsePlan(extracted.text)
}

describe.each(seeds)('%s typed in Word', (_name, text) => {
  test('parses like the plain text', async () => {
    expect(await parsedDocx(text)).toEqual(parsePlan(text))
  })
})

describe('a letter whose subject is two paragraphs', () => {
  const letter = (subject: readonly string[]) =>
    [
      'UBND TỈNH QUẢNG TRỊ',
      'SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH',
      'Số: 1021/SVHTTDL-VP',
      ...subject,
      'Quảng Trị, ngày 03 tháng 6 năm 2025',
      'Kính gửi: Các phòng, đơn vị thuộc Sở.',
      'Sở Văn hóa, Thể thao và Du lịch đề nghị các phòng, đơn vị gửi báo cáo về Văn phòng Sở trước ngày 20/6/2025.',
      'GIÁM ĐỐC',
      'Lê Minh Tâm',
    ].join('\n')

  test('keeps the whole subject when the second paragraph continues in lower case', async () => {
    const plan = await parsedDocx(
      letter(['V/v tổ chức các hoạt động hưởng ứng Ngày Gia đình Việt Nam', 'năm 2025 tại Sở']),
    )
    expect(plan.title).toBe(
      'tổ chức các hoạt động hưởng ứng Ngày Gia đình Việt Nam năm 2025 tại Sở',
    )
    expect(plan.activities).toHaveLength(1)
  })

  test('keeps the whole subject when the second paragraph opens with a name', async () => {
    const plan = await parsedDocx(
      letter([
        'V/v báo cáo kết quả thực hiện',
        'Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”',
      ]),
    )
    expect(plan.title).toBe(
      'báo cáo kết quả thực hiện Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”',
    )
    expect(plan.place).toBe('Quảng Trị')
  })
})

describe('a plan typed in Word with tables', () => {
  const cell = (text: string) =>
    new TableCell({ children: text.split('\n').map((line) => new Paragraph(line)) })
  const row = (...cells: string[]) => new TableRow({ children: cells.map(cell) })

  async function tablePlan(): Promise<Uint8Array> {
    const document = new Document({
      sections: [
        {
          children: [
            new Table({
              rows: [
                row(
                  'UBND TỈNH NGHỆ AN\nSỞ VĂN HÓA VÀ THỂ THAO\nSố: 410/KH-SVHTT',
                  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nNghệ An, ngày 10 tháng 3 năm 2025',
                ),
              ],
            }),
            new Paragraph('KẾ HOẠCH'),
            new Paragraph('Tổ chức Ngày Sách và Văn hóa đọc Việt Nam năm 2025'),
            new Paragraph('I. NỘI DUNG VÀ PHÂN CÔNG'),
            new Table({
              rows: [
                row('STT', 'Nội dung', 'Đơn vị chủ trì', 'Đơn vị phối hợp', 'Thời gian'),
                row(
                  '1',
                  'Tổ chức Hội sách\ntại Quảng trường',
                  'Thư viện tỉnh',
                  'Văn phòng Sở',
                  'Từ ngày 18/4 đến ngày 23/4/2025',
                ),
                row('2', 'Báo cáo kết quả gửi Bộ', 'Văn phòng Sở', '', 'Trước ngày 10/5/2025'),
              ],
            }),
            new Table({
              rows: [
                row(
                  'Nơi nhận:\n- Bộ VHTTDL (b/c);\n- Lưu: VT.',
                  'KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nNguyễn Văn Hải',
                ),
              ],
            }),
          ],
        },
      ],
    })
    return new Uint8Array(await Packer.toBuffer(document))
  }

  test('a table of activities keeps its rows; header and foot tables read as before', async () => {
    const extracted = await extractPlanText({ fileName: 'kh.docx', bytes: await tablePlan() })
    expect(extracted.ok).toBe(true)
    if (!extracted.ok) return
    const plan = parsePlan(extracted.text)
    expect(plan).toMatchObject({
      title: 'Tổ chức Ngày Sách và Văn hóa đọc Việt Nam năm 2025',
      number: '410/KH-SVHTT',
      issuer: 'Sở Văn hóa và Thể thao',
      place: 'Nghệ An',
      issuedOn: '2025-03-10',
      recipients: ['Bộ VHTTDL (b/c)', 'Lưu: VT'],
      signer: { title: 'KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC', name: 'Nguyễn Văn Hải' },
    })
    expect(plan.activities).toEqual([
      {
        title: 'Tổ chức Hội sách tại Quảng trường',
        kind: 'participation',
        lead: 'Thư viện tỉnh',
        coordinators: ['Văn phòng Sở'],
        due: '2025-04-23',
        dueText: 'Từ ngày 18/4 đến ngày 23/4/2025',
      },
      {
        title: 'Báo cáo kết quả gửi Bộ',
        kind: 'report',
        lead: 'Văn phòng Sở',
        coordinators: [],
        due: '2025-05-10',
        dueText: 'Trước ngày 10/5/2025',
      },
    ])
  })
})
