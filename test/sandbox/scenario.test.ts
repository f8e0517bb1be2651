import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UNITS } from '../../src/sandbox/scenario/cast.js'
import { makeTempDir, type TempDir } from '../support/temp-db.js'

/** A message of Loa's, as locales/ words it (single-line messages only). */
function message(locale: 'vi' | 'en', key: string): string {
  const ftl = readFileSync(new URL(`../../locales/${locale}.ftl`, import.meta.url), 'utf8')
  const line = ftl.split('\n').find((l) => l.startsWith(`${key} = `))
  if (line === undefined) throw new Error(`no ${key} in ${locale}.ftl`)
  return line.slice(key.length + 3)
}

interface ReportJson {
  campaign: { code: string; title: string }
  units: {
    code: string
    headcount: number
    acknowledged: number
    participants: number
    reportSubmittedAt: string | null
    pending: string[]
  }[]
}

interface Run {
  code: number | null
  stdout: string
  stderr: string
  ms: number
}

/** `npm run sandbox` as a newcomer runs it: a process of its own, with no token and no network. */
function runSandbox(args: string[], cwd: string): Promise<Run> {
  const main = new URL('../../src/cli/main.ts', import.meta.url).pathname
  const started = performance.now()
  const child = spawn(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), main, 'sandbox', ...args],
    {
      env: { PATH: process.env['PATH'] ?? '', HOME: cwd },
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve({ code, stdout, stderr, ms: performance.now() - started }))
  })
}

/** The transcript between two step headings. */
function section(stdout: string, from: string, to: string): string {
  return stdout.slice(stdout.indexOf(from), stdout.indexOf(to))
}

/** One chat's part of a step: from its heading to the next chat's. */
function chatSection(step: string, heading: string): string {
  const start = step.indexOf(heading)
  if (start < 0) return ''
  const next = step.indexOf('\n\n  ', start + heading.length)
  return step.slice(start, next < 0 ? undefined : next)
}

/** The last count drawn on a button starting with `label`, per group heading of the transcript. */
function lastButtonCounts(stdout: string, label: string): Map<string, number> {
  const counts = new Map<string, number>()
  let chat = ''
  const pattern = new RegExp(`\\[ ${label} \\((\\d+)\\) \\]`)
  for (const line of stdout.split('\n')) {
    if (/^ {2}(👥|👤) /.test(line)) chat = line.trim()
    const match = pattern.exec(line)
    if (match !== null) counts.set(chat, Number(match[1]))
  }
  return counts
}

let dir: TempDir
let vi: Run
let en: Run
let report: ReportJson

beforeAll(async () => {
  dir = makeTempDir()
  ;[vi, en] = await Promise.all([
    runSandbox(['--out', dir.file('vi')], dir.path),
    runSandbox(['--lang', 'en', '--out', dir.file('en')], dir.path),
  ])
  report = JSON.parse(
    readFileSync(join(dir.file('vi'), 'bao-cao-NGAYSACH2024.json'), 'utf8'),
  ) as ReportJson
}, 60_000)
afterAll(() => dir.remove())

describe('npm start without BOT_TOKEN', () => {
  it('still refuses naming BOT_TOKEN, and adds one line pointing to the sandbox', async () => {
    const main = new URL('../../src/main.ts', import.meta.url).pathname
    const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), main], {
      env: { PATH: process.env['PATH'] ?? '', HOME: dir.path, DATABASE_PATH: dir.file('x.db') },
      cwd: dir.path,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect(code).toBe(1)
    const lines = stderr.trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^Loa cannot start: BOT_TOKEN: expected the token @BotFather gave you/)
    expect(lines[1]).toBe('To try Loa without Telegram: npm run sandbox')
  })
})

describe('npm run sandbox', () => {
  it('exits 0 in under a minute and tells all six steps', () => {
    expect(vi.stderr).toBe('')
    expect(vi.code).toBe(0)
    expect(vi.ms).toBeLessThan(60_000)
    const headings = vi.stdout.split('\n').filter((l) => l.startsWith('━━ Bước'))
    expect(headings).toHaveLength(6)
    expect(headings[0]).toContain('Bước 1/6 · 15/04/2024 08:00')
    for (const shown of [
      '[ ✅ Xác nhận ]  [ ✖️ Huỷ ]',
      'Nguyễn Thị Lan: [tệp: ke-hoach-ngay-sach-2024.txt]',
      'Phạm Văn Dũng thả 👍 vào thông báo',
      'Lê Thu Hà: ↪ trả lời «📚 Hưởng ứng Ngày Sách',
      'Lương Thị Yến: [ảnh: doc-sach-ban-tdkt.jpg]',
      'Loa: [ảnh: tong-hop-NGAYSACH2024.png]',
      'Loa: [tệp: bao-cao-NGAYSACH2024.docx]',
      'Loa: [tệp: bao-cao-NGAYSACH2024.xlsx]',
      '━━ Số liệu /tonghop cuối cùng',
    ])
      expect(vi.stdout).toContain(shown)
    // The English client gets its toast in English even in a Vietnamese run.
    expect(vi.stdout).toMatch(/Bùi Thanh Sơn bấm \[ ✅ Đã đọc \(\d\) \] → Loa báo: «([^»]+)»/)
    expect(/Bùi Thanh Sơn bấm .* → Loa báo: «([^»]+)»/.exec(vi.stdout)?.[1]).toBe(
      message('en', 'ack-done'),
    )
  })

  it('the counts on the buttons, /baocao, /tonghop and the json export agree', () => {
    const reads = lastButtonCounts(vi.stdout, '✅ Đã đọc')
    const joins = lastButtonCounts(vi.stdout, '🙋 Tham gia')
    for (const unit of UNITS) {
      const row = report.units.find((u) => u.code === unit.code)!
      expect(reads.get(`👥 Nhóm «${unit.groupTitle}»`), unit.code).toBe(row.acknowledged)
      expect(joins.get(`👥 Nhóm «${unit.groupTitle}»`), unit.code).toBe(row.participants)
    }
    const figures = vi.stdout.slice(vi.stdout.indexOf('━━ Số liệu /tonghop cuối cùng'))
    const acknowledged = report.units.reduce((s, u) => s + u.acknowledged, 0)
    const headcount = report.units.reduce((s, u) => s + u.headcount, 0)
    expect(figures).toContain(`Xác nhận đã đọc: ${acknowledged}/${headcount} — `)
    for (const row of report.units) {
      expect(figures).toMatch(
        new RegExp(
          `\\d\\. ${row.code} .*: ${row.acknowledged}/${row.headcount} — .* · ${row.pending.length} người chưa xác nhận`,
        ),
      )
    }
    // The head of XDCQ read the same figures in /baocao, and his submission is in the export.
    const xdcq = report.units.find((u) => u.code === 'XDCQ')!
    expect(vi.stdout).toContain(`Cả chiến dịch: ${xdcq.acknowledged}/${xdcq.headcount} — `)
    expect(xdcq.reportSubmittedAt).not.toBeNull()
    expect(acknowledged).toBeGreaterThan(0)
    expect(acknowledged).toBeLessThan(headcount)
  })

  it('at the first reminder those who started Loa are reminded in private, the others nudged in their group, a late member confirms from hers', () => {
    const step = section(vi.stdout, '━━ Bước 4/6', '━━ Bước 5/6')
    expect(step).toContain('━━ Bước 4/6 · 16/04/2024 08:00')
    // Loa is an administrator of every group (issue 12): whoever it reached in private is not
    // named before their colleagues; the head still gets the unit's list, Lý Quốc Bảo (no
    // username) named all the same.
    expect(step).not.toMatch(/👥 Nhóm «Phòng XDCQ & CTTN»\n.*⏰ Nhắc xác nhận/)
    expect(chatSection(step, '👤 Tin nhắn riêng: Đặng Văn Hùng ↔ Loa')).toMatch(
      /còn 3 đồng chí chưa xác nhận.*\n\s+Lý Quốc Bảo, Đặng Văn Hùng, Trịnh Thu Trang\n/,
    )
    expect(step).toContain(
      `Trịnh Thu Trang bấm [ ✅ Đã đọc ] → Loa báo: «${message('vi', 'ack-done')}»`,
    )
    // Đỗ Thị Hương never opened a private chat: a nudge in her group that only she sees.
    const tcbc = chatSection(step, '👥 Nhóm «Phòng TCBC & TCPCP»')
    expect(tcbc).toContain('(chỉ Đ/c Đỗ Thị Hương nhìn thấy tin nhắn này)')
    expect(tcbc).toContain('🔔 Anh/Chị chưa xác nhận đã đọc thông báo số 1')
    expect(tcbc).not.toContain('⏰ Nhắc xác nhận')
    // …and her ✅ there counts.
    expect(tcbc).toContain(
      `Đỗ Thị Hương bấm [ ✅ Đã đọc ] → Loa báo: «${message('vi', 'ack-done')}»`,
    )
    expect(report.units.find((u) => u.code === 'TCBC')!.pending).not.toContain('Đỗ Thị Hương')
    expect(step).not.toContain('👤 Tin nhắn riêng: Đỗ Thị Hương')
    expect(step).toContain('👤 Tin nhắn riêng: Lý Quốc Bảo ↔ Loa')
    expect(report.units.find((u) => u.code === 'XDCQ')!.pending).not.toContain('Trịnh Thu Trang')
  })

  it('past the deadline the office and the heads of units still short get the overdue notice', () => {
    const step = section(vi.stdout, '━━ Bước 6/6', '━━ Số liệu')
    expect(step).toContain('━━ Bước 6/6 · 23/04/2024 08:00')
    const office = chatSection(step, '👤 Tin nhắn riêng: Nguyễn Thị Lan ↔ Loa')
    expect(office).toContain('⚠️ Đã quá hạn 22/04/2024')
    for (const unit of report.units.filter((u) => u.pending.length > 0)) {
      const name = UNITS.find((u) => u.code === unit.code)!.name
      expect(office).toContain(`• ${name}: ${unit.pending.length} đồng chí chưa xác nhận đã đọc`)
    }
    expect(step).toContain('👤 Tin nhắn riêng: Đặng Văn Hùng ↔ Loa')
    // Every member of Ban Thi đua - Khen thưởng confirmed: its head is not chased.
    expect(step).not.toContain('👤 Tin nhắn riêng: Võ Thị Hạnh')
  })

  it('writes a valid PNG chart, an xlsx and a docx that open, csv, json and transcript.html', async () => {
    const out = dir.file('vi')
    const png = readFileSync(join(out, 'tong-hop-NGAYSACH2024.png'))
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR')
    expect(png.readUInt32BE(16)).toBeGreaterThan(100)

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(join(out, 'bao-cao-NGAYSACH2024.xlsx'))
    const cells = workbook.worksheets.flatMap((sheet) =>
      sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map(String) : [])),
    )
    for (const unit of UNITS) expect(cells).toContain(unit.code)

    const docx = await mammoth.extractRawText({ path: join(out, 'bao-cao-NGAYSACH2024.docx') })
    expect(docx.value).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')
    expect(docx.value).toContain('Văn phòng Sở')

    const csv = readFileSync(join(out, 'bao-cao-NGAYSACH2024.csv'), 'utf8')
    expect(csv.startsWith('\uFEFFcode,name,headcount')).toBe(true)
    const html = readFileSync(join(out, 'transcript.html'), 'utf8')
    expect(html).toMatch(/^<!doctype html>/)
    expect(html).toContain('<img src="tong-hop-NGAYSACH2024.png"')
    expect(html).toContain('<span>✅ Đã đọc (')
    expect(readFileSync(join(out, 'transcript.txt'), 'utf8')).toContain('━━ Bước 6/6')
  })

  it('--lang en plays the same campaign in English', () => {
    expect(en.code).toBe(0)
    expect(en.stderr).toBe('')
    expect(en.stdout.split('\n').filter((l) => l.startsWith('━━ Step'))).toHaveLength(6)
    expect(en.stdout).toContain('/importplan')
    expect(en.stdout).toMatch(/\[ ✅ Read \(\d\) \] {2}\[ 🙋 Join \(\d\) \]/)
    expect(en.stdout).toContain('━━ Final /summary figures')
    expect(en.stdout).not.toContain('Đã đọc (')
    const english = JSON.parse(
      readFileSync(join(dir.file('en'), 'bao-cao-NGAYSACH2024.json'), 'utf8'),
    ) as ReportJson
    // The same gestures give the same figures, whatever the language.
    expect(english.units.map((u) => [u.code, u.acknowledged, u.participants])).toEqual(
      report.units.map((u) => [u.code, u.acknowledged, u.participants]),
    )
  })
})
