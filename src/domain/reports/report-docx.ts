import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx'
import { localDate } from '../broadcasts/parse-when.js'
import { stripDiacritics } from '../campaigns/campaign-code.js'
import { formatDay, formatPercent } from './report-format.js'
import type { UnitFigures } from './report-figures.js'
import type { ConsolidatedReport } from './reports.js'

/**
 * Nghị định 30/2020/NĐ-CP, Phụ lục I: A4; margins top and bottom 20 mm, left
 * 30 mm, right 15 mm; Times New Roman; Quốc hiệu 13 pt bold upper case, Tiêu
 * ngữ 14 pt bold with a rule under it; the issuing body 13 pt bold upper case
 * under its parent (regular); body 14 pt justified with a first-line indent;
 * "Nơi nhận" 12 pt bold italic with 11 pt items. Sizes below are half-points,
 * lengths twips (1 mm = 56.7).
 */
const MM = 56.7
const mm = (length: number) => Math.floor(length * MM)
const PAGE = { width: 11906, height: 16838 }
const MARGIN = { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) }
const FONT = 'Times New Roman'
const pt = (size: number) => size * 2

export const REPORT_FONT = FONT

/** Text run with the decree's font; size in points. */
function run(
  text: string,
  size: number,
  style: { bold?: boolean; italics?: boolean; underline?: boolean } = {},
): TextRun {
  return new TextRun({
    text,
    font: FONT,
    size: pt(size),
    ...(style.bold === true ? { bold: true } : {}),
    ...(style.italics === true ? { italics: true } : {}),
    ...(style.underline === true ? { underline: {} } : {}),
  })
}

function centered(runs: TextRun[], after = 0): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: runs })
}

/** The short solid rule under the issuing body and the trích yếu: underlined no-break spaces. */
function rule(length: number): Paragraph {
  return centered([run('\u00A0'.repeat(length), 8, { underline: true })])
}

function body(text: string, style: { bold?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: Math.round(12.7 * MM) },
    spacing: { before: 60, after: 60, line: 312 },
    children: [run(text, 14, style)],
  })
}

function cell(
  children: Paragraph[],
  widthPct: number,
  options: { borders?: boolean } = {},
): TableCell {
  return new TableCell({
    width: { size: widthPct, type: WidthType.PERCENTAGE },
    verticalAlign: VerticalAlign.TOP,
    children,
    ...(options.borders === false
      ? {
          borders: {
            top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
            bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
            left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
            right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
          },
        }
      : {}),
  })
}

function tableText(text: string, style: { bold?: boolean; center?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: style.center === true ? AlignmentType.CENTER : AlignmentType.LEFT,
    spacing: { before: 40, after: 40 },
    children: [run(text, 12, { bold: style.bold === true })],
  })
}

/** The issuing body's short form for "Số: …/BC-SNV": from the plan number, else the initials. */
export function issuerAbbreviation(planNumber: string | null, issuer: string | null): string {
  const fromPlan = /KH-([A-ZĐ0-9-]+)/u.exec(planNumber ?? '')?.[1]
  if (fromPlan !== undefined) return fromPlan
  // "và" is left out: Sở Thông tin và Truyền thông → STTTT.
  return stripDiacritics(issuer ?? '')
    .split(/\s+/)
    .filter((w) => w !== '' && w.toLowerCase() !== 'va')
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('')
}

const CITIES = ['hà nội', 'hồ chí minh', 'hải phòng', 'đà nẵng', 'cần thơ', 'huế']

/**
 * The body over the issuer, printed above it (Nghị định 30/2020, Phụ lục I): a
 * Sở's is the People's Committee of its province or city; a People's Committee
 * prints none. A guess from the plan's place, to be checked by the office.
 */
export function parentBody(issuer: string | null, place: string | null): string | null {
  const name = (issuer ?? '').trim().toLowerCase()
  if (/^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\b/u.test(name)) return null
  if (place === null || place.trim() === '') return '……'
  const city = place.trim().replace(/^(tp\.?|thành phố)\s*/iu, '')
  const isCity = CITIES.some((c) => city.toLowerCase().endsWith(c))
  return `UBND ${isCity ? 'THÀNH PHỐ' : 'TỈNH'} ${city.toUpperCase()}`
}

/** The draft Báo cáo kết quả (PRODUCT §5), ready to edit and sign. */
export async function renderDocx(
  report: ConsolidatedReport,
  timeZone: string,
): Promise<Uint8Array> {
  const { campaign, totals, units } = report
  const issuer = campaign.issuer ?? 'Cơ quan ban hành'
  const place = campaign.place ?? '……'
  const parent = parentBody(campaign.issuer, campaign.place)
  const today = localDate(new Date(report.generatedAt), timeZone)
  const [year, month] = [today.slice(0, 4), Number(today.slice(5, 7))]
  const plan = campaign.planNumber === null ? '' : ` số ${campaign.planNumber}`
  const subject = `Kết quả thực hiện Kế hoạch${plan} ${lowerFirst(campaign.title)}`
  const percent = (r: number | null) => (r === null ? '—' : formatPercent(r, 'vi'))
  const period =
    campaign.period === null
      ? ''
      : ` từ ngày ${formatDay(campaign.period.start, '…')} đến ngày ${formatDay(campaign.period.end, '…')}`
  const delivered = new Set(units.flatMap((u) => u.broadcasts.map((b) => b.broadcastId))).size
  const ranked = units.filter((u) => u.rate !== null)
  const best = ranked.at(-1)
  const worst = ranked[0]

  const header = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              ...(parent === null ? [] : [centered([run(parent, 13)])]),
              centered([run(issuer.toUpperCase(), 13, { bold: true })]),
              rule(18),
              centered([
                run(`Số:      /BC-${issuerAbbreviation(campaign.planNumber, issuer)}`, 13),
              ]),
            ],
            38,
            { borders: false },
          ),
          cell(
            [
              centered([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12, { bold: true })]),
              centered(
                [run('Độc lập - Tự do - Hạnh phúc', 14, { bold: true, underline: true })],
                240,
              ),
              centered([
                run(`${place}, ngày      tháng ${month} năm ${year}`, 14, { italics: true }),
              ]),
            ],
            62,
            { borders: false },
          ),
        ],
      }),
    ],
  })

  const unitTables = units.flatMap((u, i) => [
    new Paragraph({
      spacing: { before: 160, after: 60 },
      indent: { firstLine: Math.round(12.7 * MM) },
      keepNext: true,
      children: [run(`2.${i + 1}. ${u.unit.name} (${u.unit.code})`, 14, { bold: true })],
    }),
    unitTable(u, percent, (iso) => formatDay(localDate(new Date(iso), timeZone))),
  ])

  const footer = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          cell(
            [
              new Paragraph({ children: [run('Nơi nhận:', 12, { bold: true, italics: true })] }),
              ...[
                '- Cơ quan cấp trên (để báo cáo);',
                '- Lãnh đạo cơ quan;',
                '- Các đơn vị thuộc, trực thuộc;',
                '- Lưu: VT.',
              ].map((line) => new Paragraph({ children: [run(line, 11)] })),
            ],
            45,
            { borders: false },
          ),
          cell(
            [
              centered([run('QUYỀN HẠN, CHỨC VỤ NGƯỜI KÝ', 14, { bold: true })]),
              centered([run('(Ký, đóng dấu)', 14, { italics: true })], 1400),
              centered([run('Họ và tên', 14, { bold: true })]),
            ],
            55,
            { borders: false },
          ),
        ],
      }),
    ],
  })

  const doc = new Document({
    creator: 'Loa',
    title: `Báo cáo ${campaign.code}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: { page: { size: PAGE, margin: MARGIN } },
        children: [
          header,
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 360, after: 0 },
            children: [run('BÁO CÁO', 14, { bold: true })],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 0, after: 0 },
            children: [run(subject, 14, { bold: true })],
          }),
          rule(24),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          body(
            `Thực hiện Kế hoạch${plan} về ${lowerFirst(campaign.title)}, ${issuer} báo cáo kết quả thực hiện như sau:`,
          ),
          body('I. KẾT QUẢ THỰC HIỆN', { bold: true }),
          body('1. Kết quả chung', { bold: true }),
          body(
            `Trong thời gian thực hiện${period}, ${issuer} đã gửi ${delivered} thông báo tới nhóm trao đổi của ${totals.units} đơn vị. Tổng quân số các đơn vị là ${totals.headcount} người (${totals.known} người đã xác định danh tính, ${totals.unidentified} người chưa xác định).`,
          ),
          body(
            `Số lượt xác nhận đã đọc đạt ${totals.acknowledged}/${totals.expected}, tỷ lệ ${percent(totals.rate)}; ${totals.participants} người đăng ký tham gia các hoạt động; ${totals.reportsSubmitted}/${totals.units} đơn vị đã nộp báo cáo; ${totals.pending} người chưa xác nhận thông báo mới nhất.` +
              (best !== undefined && worst !== undefined && best !== worst
                ? ` Đơn vị có tỷ lệ xác nhận cao nhất là ${best.unit.name} (${percent(best.rate)}), thấp nhất là ${worst.unit.name} (${percent(worst.rate)}).`
                : ''),
          ),
          summaryTable(units, percent),
          body('2. Kết quả theo từng đơn vị', { bold: true }),
          ...unitTables,
          body('II. ĐÁNH GIÁ CHUNG', { bold: true }),
          body('1. Ưu điểm: ……'),
          body('2. Tồn tại, hạn chế: ……'),
          body('III. ĐỀ XUẤT, KIẾN NGHỊ', { bold: true }),
          body('……'),
          body(`Trên đây là báo cáo kết quả thực hiện Kế hoạch${plan} của ${issuer}./.`),
          new Paragraph({ spacing: { after: 120 }, children: [] }),
          footer,
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

function summaryTable(units: readonly UnitFigures[], percent: (r: number | null) => string): Table {
  const headers = ['STT', 'Đơn vị', 'Quân số', 'Đã xác nhận', 'Tỷ lệ', 'Tham gia', 'Báo cáo']
  const widths = [8, 34, 11, 14, 11, 11, 11]
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        tableHeader: true,
        children: headers.map((h, i) =>
          cell([tableText(h, { bold: true, center: true })], widths[i] ?? 10),
        ),
      }),
      ...units.map(
        (u, i) =>
          new TableRow({
            children: [
              String(i + 1),
              u.unit.name,
              String(u.headcount),
              `${u.acknowledged}/${u.expected}`,
              percent(u.rate),
              String(u.participants),
              u.reportSubmittedAt === null ? 'Chưa nộp' : 'Đã nộp',
            ].map((text, c) => cell([tableText(text, { center: c !== 1 })], widths[c] ?? 10)),
          }),
      ),
    ],
  })
}

function unitTable(
  u: UnitFigures,
  percent: (r: number | null) => string,
  day: (iso: string) => string,
): Table {
  const rows: [string, string][] = [
    ['Quân số', `${u.headcount} người (${u.known} đã xác định, ${u.unidentified} chưa xác định)`],
    ...u.broadcasts.map((b): [string, string] => [
      `Thông báo số ${b.broadcastId} (${day(b.sentAt)})`,
      `${b.acknowledged}/${b.expected} người đã đọc (${percent(b.rate)})`,
    ]),
    ['Cả chiến dịch', `${u.acknowledged}/${u.expected} lượt (${percent(u.rate)})`],
    ...u.participation.map((p): [string, string] => [
      `Tham gia: ${p.title}`,
      `${p.participants} người`,
    ]),
    ...u.submissions.map((s): [string, string] => [
      `Báo cáo (hạn ${formatDay(s.dueOn)})`,
      s.latest === null
        ? 'Chưa nộp'
        : `Đã nộp ngày ${day(s.latest.at)}${s.status === 'late' ? ' (quá hạn)' : ''}`,
    ]),
    ...(u.excused.length === 0
      ? []
      : [
          [
            'Vắng',
            u.excused
              .map((e) => `${e.fullName}${e.reason === null ? '' : ` (${e.reason})`}`)
              .join('; '),
          ] as [string, string],
        ]),
    [
      'Chưa xác nhận',
      u.pendingCount === 0 ? 'Không' : `${u.pendingCount} người: ${u.pending.join(', ')}`,
    ],
  ]
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [cell([tableText(label, { bold: true })], 35), cell([tableText(value)], 65)],
        }),
    ),
  })
}

function lowerFirst(text: string): string {
  return text.length === 0 ? text : text[0]!.toLowerCase() + text.slice(1)
}
