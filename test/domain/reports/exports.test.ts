import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findCampaignById } from '../../../src/domain/campaigns/campaign-queries.js'
import { renderReport } from '../../../src/domain/reports/render-report.js'
import { consolidatedReport, type ConsolidatedReport } from '../../../src/domain/reports/reports.js'
import { issuerAbbreviation, parentBody } from '../../../src/domain/reports/report-docx.js'
import { PERCENT_FORMAT, SUMMARY_HEADER_ROW } from '../../../src/domain/reports/report-xlsx.js'
import { seedReportWorld } from '../../support/seed-report.js'
import { createTestDeps, type TestDeps } from '../../support/temp-db.js'

let deps: TestDeps
let report: ConsolidatedReport

beforeEach(async () => {
  deps = await createTestDeps({}, '2024-05-06T03:00:00Z')
  const world = await seedReportWorld(deps)
  await deps.db
    .updateTable('campaign')
    .set({ issuer: 'Sở Nội vụ', place: 'Lạng Sơn', plan_number: '/KH-SNV' })
    .where('id', '=', world.campaignId)
    .execute()
  const campaign = (await findCampaignById(deps.db, world.campaignId))!
  report = await consolidatedReport(deps, campaign, { pendingNames: true })
})
afterEach(() => deps.close())

describe('xlsx', () => {
  it('has a summary sheet with a frozen header, widths and percent formats, and a sheet per unit', async () => {
    const file = await renderReport(deps, report, 'xlsx')
    expect(file.fileName).toBe('bao-cao-NGAYSACH2024.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(file.bytes.buffer as ArrayBuffer)
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Tổng hợp', 'U3', 'U2', 'U1'])
    const summary = workbook.getWorksheet('Tổng hợp')!
    expect(summary.getCell('A1').value).toBe(report.campaign.title)
    expect(summary.getCell('A2').value).toBe('Mã NGAYSACH2024 · lập lúc 06/05/2024 10:00')
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: SUMMARY_HEADER_ROW })
    expect(summary.getRow(SUMMARY_HEADER_ROW).getCell(3).value).toBe('Tên đơn vị')
    expect(summary.getColumn(3).width).toBeGreaterThanOrEqual(30)
    const first = summary.getRow(SUMMARY_HEADER_ROW + 1)
    expect([first.getCell(2).value, first.getCell(4).value, first.getCell(9).value]).toEqual([
      'U3',
      5,
      0,
    ])
    const u1 = summary.getRow(SUMMARY_HEADER_ROW + 3)
    expect(u1.getCell(2).value).toBe('U1')
    expect(u1.getCell(9).value).toBe(0.375)
    expect(u1.getCell(9).numFmt).toBe(PERCENT_FORMAT)
    expect(u1.getCell(13).value).toBe('Người 1.2; Người 1.3; Văn Phòng')
    const total = summary.getRow(SUMMARY_HEADER_ROW + 4)
    expect([total.getCell(3).value, total.getCell(9).value, total.getCell(9).numFmt]).toEqual([
      'Tổng cộng',
      0.25,
      PERCENT_FORMAT,
    ])

    const sheet = workbook.getWorksheet('U1')!
    const rows = sheet
      .getRows(SUMMARY_HEADER_ROW + 1, 4)!
      .map((r) => (r.values as unknown[]).slice(1, 7))
    expect(rows[0]).toEqual([
      1,
      'Người 1.1',
      '16/04/2024 09:00',
      'nút «Đã đọc»',
      '16/04/2024 09:00',
      'lệnh /thamgia',
    ])
    expect(rows[1]!.slice(1, 4)).toEqual(['Người 1.2', '16/04/2024 09:00', 'biểu tượng cảm xúc'])
    // Nothing confirmed, nothing written: the row is the number and the name (issue 14 leaves
    // those cells out rather than writing empty ones; Excel shows the same).
    const unconfirmed = sheet.getRow(SUMMARY_HEADER_ROW + 3)
    expect(unconfirmed.getCell(2).value).toBe('Người 1.3')
    expect(unconfirmed.cellCount).toBe(2)
    expect([3, 4, 5, 6].map((c) => unconfirmed.getCell(c).value)).toEqual([null, null, null, null])
    const u3 = workbook.getWorksheet('U3')!
    const ha = u3
      .getRows(SUMMARY_HEADER_ROW + 1, 5)!
      .find((r) => r.getCell(2).value === 'Phạm Thu Hà')!
    expect(ha.getCell(ha.cellCount).value).toBe('vắng (ốm) đến 08/05/2024')
  })
})

describe('docx', () => {
  it('reads as a Báo cáo in the layout of Nghị định 30/2020, in Times New Roman on A4', async () => {
    const file = await renderReport(deps, report, 'docx')
    const buffer = Buffer.from(file.bytes)
    const { value: text } = await mammoth.extractRawText({ buffer })
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
    expect(lines.slice(0, 8)).toEqual([
      'UBND TỈNH LẠNG SƠN',
      'SỞ NỘI VỤ',
      'Số:      /BC-SNV',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Lạng Sơn, ngày      tháng 5 năm 2024',
      'BÁO CÁO',
      'Kết quả thực hiện Kế hoạch số /KH-SNV tổ chức các hoạt động Ngày Sách và Văn hóa đọc Việt Nam lần thứ ba năm 2024 tại Sở Nội vụ',
    ])
    expect(text).toContain('Số lượt xác nhận đã đọc đạt 6/24, tỷ lệ 25%')
    expect(text).toContain(
      'Đơn vị có tỷ lệ xác nhận cao nhất là Phòng số 1 (37,5%), thấp nhất là Phòng số 3 (0%).',
    )
    // The summary table: one row per unit, worst first.
    const html = (await mammoth.convertToHtml({ buffer })).value
    expect(html).toContain(
      '<td><p>1</p></td><td><p>Phòng số 3</p></td><td><p>5</p></td><td><p>0/4</p></td><td><p>0%</p></td>',
    )
    expect(lines).toContain('2.1. Phòng số 3 (U3)')
    expect(lines).toContain('Phạm Thu Hà (ốm)')
    expect(lines).toContain('4 người: Nguyễn Văn An, Đỗ Quang Anh, Trần Thị Bình, Lê Minh Châu')
    expect(lines).toContain('Nơi nhận:')
    expect(lines).toContain('QUYỀN HẠN, CHỨC VỤ NGƯỜI KÝ')

    const zip = await JSZip.loadAsync(buffer)
    const xml = await zip.file('word/document.xml')!.async('string')
    const fonts = new Set([...xml.matchAll(/w:ascii="([^"]+)"/g)].map((m) => m[1]))
    expect([...fonts]).toEqual(['Times New Roman'])
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"')
    expect(xml).toMatch(/<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701"/)
  })
})

describe('docx header', () => {
  it('guesses the parent body and the number suffix from the plan', () => {
    expect(parentBody('Sở Nội vụ', 'Lạng Sơn')).toBe('UBND TỈNH LẠNG SƠN')
    expect(parentBody('Sở Văn hóa và Thể thao', 'Hà Nội')).toBe('UBND THÀNH PHỐ HÀ NỘI')
    expect(parentBody('Sở Nội vụ', 'TP. Hồ Chí Minh')).toBe('UBND THÀNH PHỐ HỒ CHÍ MINH')
    expect(parentBody('UBND tỉnh Lạng Sơn', 'Lạng Sơn')).toBeNull()
    expect(parentBody('Sở Nội vụ', null)).toBe('……')
    expect(issuerAbbreviation('/KH-SNV', 'Sở Nội vụ')).toBe('SNV')
    expect(issuerAbbreviation(null, 'Sở Thông tin và Truyền thông')).toBe('STTTT')
  })
})
