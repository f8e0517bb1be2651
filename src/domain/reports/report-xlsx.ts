import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import type { AcknowledgementSource } from '../../db/schema.js'
import { formatLocal, localDate } from '../broadcasts/parse-when.js'
import type { MemberDetail } from './member-details.js'
import { formatDay } from './report-format.js'
import type { UnitFigures } from './report-figures.js'
import type { ConsolidatedReport } from './reports.js'

const SOURCE: Record<AcknowledgementSource, string> = {
  button: 'nút «Đã đọc»',
  reaction: 'biểu tượng cảm xúc',
  reply: 'trả lời tin nhắn',
  command: 'lệnh /thamgia',
}

/** Excel's own percent format: the cell holds 0.375 and shows 37,5% in a Vietnamese Excel. */
export const PERCENT_FORMAT = '0.0%'

const SUMMARY_COLUMNS: { header: string; width: number }[] = [
  { header: 'STT', width: 6 },
  { header: 'Mã đơn vị', width: 12 },
  { header: 'Tên đơn vị', width: 40 },
  { header: 'Quân số', width: 10 },
  { header: 'Đã biết tên', width: 12 },
  { header: 'Chưa xác định', width: 14 },
  { header: 'Lượt xác nhận', width: 14 },
  { header: 'Lượt cần xác nhận', width: 18 },
  { header: 'Tỷ lệ xác nhận', width: 15 },
  { header: 'Người tham gia', width: 15 },
  { header: 'Nộp báo cáo', width: 20 },
  { header: 'Số người chưa xác nhận', width: 22 },
  { header: 'Người chưa xác nhận thông báo mới nhất', width: 60 },
]

/**
 * The style of every plain cell of the unit sheets, one object for all: ExcelJS
 * gives each cell a fresh empty style and then looks each one up in its style
 * table (a string key built per cell, 2.8 s of the 900,000 cells at issue 14's
 * scale); a shared object is looked up once. An empty style is the same
 * `<xf numFmtId="0" …>` for numbers and text, so the file is unchanged.
 */
const PLAIN_STYLE: Partial<ExcelJS.Style> = {}

/** The header row of the summary sheet; rows above it carry the title and generation time. */
export const SUMMARY_HEADER_ROW = 4

/**
 * The workbook an office keeps (issue 9): a summary sheet (title and time on
 * top, frozen header, widths for Vietnamese text, rates as percent number
 * formats) and a sheet per unit with each known member's confirmations and
 * participation. Written with ExcelJS's streaming writer, each sheet flushed
 * once filled: at 400 units and 20,000 members the in-memory workbook took
 * 19 s and 1.2 GB (issue 14, scenario 3).
 */
export async function renderXlsx(
  report: ConsolidatedReport,
  members: Map<number, MemberDetail[]>,
  timeZone: string,
): Promise<Uint8Array> {
  const stream = new PassThrough()
  const chunks: Buffer[] = []
  stream.on('data', (chunk: Buffer) => chunks.push(chunk))
  const ended = new Promise((resolve) => stream.on('end', resolve))
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  })
  workbook.creator = 'Loa'
  workbook.created = new Date(report.generatedAt)
  const generated = formatLocal(new Date(report.generatedAt), timeZone)

  const summary = workbook.addWorksheet('Tổng hợp', {
    views: [{ state: 'frozen', ySplit: SUMMARY_HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1 },
  })
  titleRows(summary, report.campaign.title, `Mã ${report.campaign.code} · lập lúc ${generated}`)
  summary.columns = SUMMARY_COLUMNS.map((c) => ({ width: c.width }))
  headerRow(
    summary.getRow(SUMMARY_HEADER_ROW),
    SUMMARY_COLUMNS.map((c) => c.header),
  )
  report.units.forEach((u, i) => {
    const row = summary.addRow([
      i + 1,
      u.unit.code,
      u.unit.name,
      u.headcount,
      u.known,
      u.unidentified,
      u.acknowledged,
      u.expected,
      u.rate,
      u.participants,
      u.reportSubmittedAt === null
        ? 'Chưa nộp'
        : formatLocal(new Date(u.reportSubmittedAt), timeZone),
      u.pendingCount,
      u.pending.join('; '),
    ])
    row.getCell(9).numFmt = PERCENT_FORMAT
    row.getCell(13).alignment = { wrapText: true, vertical: 'top' }
  })
  const t = report.totals
  const totals = summary.addRow([
    '',
    '',
    'Tổng cộng',
    t.headcount,
    t.known,
    t.unidentified,
    t.acknowledged,
    t.expected,
    t.rate,
    t.participants,
    `${t.reportsSubmitted}/${t.units} đơn vị`,
    t.pending,
    '',
  ])
  totals.font = { bold: true }
  totals.getCell(9).numFmt = PERCENT_FORMAT
  summary.commit()

  const used = new Set<string>(['tổng hợp'])
  const zipped = zipProgress(workbook)
  const formatAt = minuteFormatter(timeZone)
  for (const [i, unit] of report.units.entries()) {
    unitSheet(workbook, unit, members.get(unit.unit.id) ?? [], report, generated, used, {
      timeZone,
      formatAt,
    })
    await zipped.atMostBehind(i + 2, SHEETS_AHEAD)
  }

  await workbook.commit()
  await ended
  return new Uint8Array(Buffer.concat(chunks))
}

/** Sheets written ahead of the zip: enough to keep its deflate busy, few enough to bound memory. */
const SHEETS_AHEAD = 8

/**
 * ExcelJS queues every committed sheet's XML until its zip (archiver, one entry
 * at a time) reaches it: 400 sheets written in one go held about 250 MB
 * (issue 14). Waiting for the zip to catch up keeps only a few in memory.
 */
function zipProgress(workbook: ExcelJS.stream.xlsx.WorkbookWriter) {
  // The archiver is not in ExcelJS's types; its 'entry' event fires as each file is zipped.
  const zip = (workbook as unknown as { zip: NodeJS.EventEmitter }).zip
  let sheetsZipped = 0
  let waiting: (() => void) | undefined
  zip.on('entry', (entry: { name?: string }) => {
    if (/sheet\d+\.xml$/.test(entry.name ?? '')) sheetsZipped++
    waiting?.()
  })
  return {
    /** Resolves once no more than `ahead` of the first `committed` sheets wait to be zipped. */
    async atMostBehind(committed: number, ahead: number): Promise<void> {
      while (committed - sheetsZipped > ahead)
        await new Promise<void>((resolve) => {
          waiting = resolve
        })
      waiting = undefined
    },
  }
}

function unitSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  unit: UnitFigures,
  members: readonly MemberDetail[],
  report: ConsolidatedReport,
  generated: string,
  used: Set<string>,
  { timeZone, formatAt }: { timeZone: string; formatAt: (iso: string) => string },
): void {
  const sheet = workbook.addWorksheet(sheetName(unit.unit.code, used), {
    views: [{ state: 'frozen', ySplit: SUMMARY_HEADER_ROW, xSplit: 2 }],
  })
  titleRows(
    sheet,
    `${unit.unit.code} — ${unit.unit.name}`,
    `${report.campaign.title} · lập lúc ${generated}`,
  )
  const participation = unit.participation
  const headers = [
    'STT',
    'Họ và tên',
    ...unit.broadcasts.flatMap((b) => [
      `Thông báo số ${b.broadcastId} (${formatDay(localDate(new Date(b.sentAt), timeZone))}): xác nhận lúc`,
      'Hình thức',
    ]),
    ...participation.flatMap((a) => [`Tham gia: ${a.title}`, 'Ghi chú tham gia']),
    'Ghi chú',
  ]
  sheet.columns = headers.map((h, i) => ({
    width: i === 0 ? 6 : i === 1 ? 28 : Math.min(40, Math.max(16, h.length * 0.6)),
  }))
  headerRow(sheet.getRow(SUMMARY_HEADER_ROW), headers)
  const away = new Map(unit.excused.map((e) => [e.fullName, e]))
  const { broadcasts } = unit
  const noteColumn = 2 + 2 * (broadcasts.length + participation.length)
  members.forEach((m, i) => {
    // Filled by index, with no cell at all where nothing happened (ExcelJS wrote an
    // empty text cell there, which Excel's COUNTA counts): 90% of the cells at
    // issue 14's scale were empty, half the file and a fifth of its time.
    const values: (string | number | undefined)[] = new Array<undefined>(noteColumn + 1)
    values[0] = i + 1
    values[1] = m.fullName
    let column = 2
    for (const b of broadcasts) {
      const ack = m.acknowledgements.get(b.broadcastId)
      if (ack !== undefined) {
        values[column] = formatAt(ack.at)
        values[column + 1] = SOURCE[ack.source]
      }
      column += 2
    }
    for (const a of participation) {
      const p = m.participations.get(a.activityId)
      if (p !== undefined) {
        values[column] = formatAt(p.at)
        values[column + 1] = [p.note, p.hasPhoto ? 'có ảnh' : null].filter(Boolean).join('; ')
      }
      column += 2
    }
    const excused = away.get(m.fullName)
    if (excused !== undefined)
      values[noteColumn] =
        `vắng${excused.reason === null ? '' : ` (${excused.reason})`} đến ${formatDay(excused.toOn)}`
    sheet.addRow(values).eachCell((cell) => {
      cell.style = PLAIN_STYLE
    })
  })
  if (unit.unidentified > 0)
    sheet.addRow(['', `${unit.unidentified} người chưa xác định`]).font = { italic: true }
  sheet.commit()
}

function titleRows(sheet: ExcelJS.Worksheet, title: string, subtitle: string): void {
  sheet.getCell('A1').value = title
  sheet.getCell('A1').font = { bold: true, size: 14 }
  sheet.getCell('A2').value = subtitle
  sheet.getCell('A2').font = { italic: true }
}

function headerRow(row: ExcelJS.Row, headers: readonly string[]): void {
  row.values = [...headers]
  row.font = { bold: true }
  row.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
  row.height = 32
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } }
    cell.border = { bottom: { style: 'thin' } }
  })
}

/** Excel sheet names: ≤ 31 characters, none of []:*?/\, unique ignoring case. */
function sheetName(code: string, used: Set<string>): string {
  const base = code.replace(/[[\]:*?/\\]/g, '-').slice(0, 28) || 'Don vi'
  let name = base
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`
  used.add(name.toLowerCase())
  return name
}

/**
 * formatLocal for the many confirmation times of a sheet, each minute worked
 * out once: the time zone's offset (date-fns' tzOffset) was most of its cost.
 * The text shows minutes and every offset in use since 1972 is whole minutes,
 * so instants of one UTC minute are one local minute.
 */
function minuteFormatter(timeZone: string): (iso: string) => string {
  const byMinute = new Map<number, string>()
  return (iso) => {
    const minute = Math.floor(Date.parse(iso) / 60_000)
    let text = byMinute.get(minute)
    if (text === undefined) {
      text = formatLocal(new Date(minute * 60_000), timeZone)
      byMinute.set(minute, text)
    }
    return text
  }
}
