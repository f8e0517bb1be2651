import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli/run-cli.js'
import { seedReportWorld } from '../support/seed-report.js'
import { createTestDeps, type TestDeps } from '../support/temp-db.js'

let deps: TestDeps
let out: string[]
let err: string[]

beforeEach(async () => {
  deps = await createTestDeps({}, '2024-05-06T03:00:00Z')
  await seedReportWorld(deps)
  out = []
  err = []
})
afterEach(() => deps.close())

const cli = (...argv: string[]) =>
  runCli(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    config: deps.config,
    logger: deps.logger,
    clock: deps.clock,
  })

const TITLE =
  'Tổ chức các hoạt động Ngày Sách và Văn hóa đọc Việt Nam lần thứ ba năm 2024 tại Sở Nội vụ'

describe('loa report', () => {
  it('prints the JSON of issue 9, units worst first', async () => {
    expect(await cli('report', 'ngaysach2024', '--format', 'json')).toBe(0)
    expect(JSON.parse(out.join('\n'))).toEqual({
      campaign: {
        code: 'NGAYSACH2024',
        title: TITLE,
        period: { start: '2024-04-15', end: '2024-05-03' },
        generatedAt: '2024-05-06T03:00:00.000Z',
      },
      units: [
        {
          code: 'U3',
          name: 'Phòng số 3',
          headcount: 5,
          known: 5,
          acknowledged: 0,
          ackRate: 0,
          participants: 0,
          reportSubmittedAt: null,
          pending: ['Nguyễn Văn An', 'Đỗ Quang Anh', 'Trần Thị Bình', 'Lê Minh Châu'],
        },
        {
          code: 'U2',
          name: 'Phòng số 2',
          headcount: 6,
          known: 3,
          acknowledged: 3,
          ackRate: 0.25,
          participants: 0,
          reportSubmittedAt: '2024-05-06T02:00:00Z',
          pending: ['Người 2.3'],
        },
        {
          code: 'U1',
          name: 'Phòng số 1',
          headcount: 4,
          known: 4,
          acknowledged: 3,
          ackRate: 0.375,
          participants: 2,
          reportSubmittedAt: '2024-05-04T03:00:00Z',
          pending: ['Người 1.2', 'Người 1.3', 'Văn Phòng'],
        },
      ],
      totals: {
        units: 3,
        headcount: 15,
        known: 12,
        unidentified: 3,
        acknowledged: 6,
        ackRate: 0.25,
        participants: 2,
        reportsSubmitted: 2,
        pending: 8,
      },
    })
  })

  it('writes the CSV with a BOM, one row per unit, pending joined with "; "', async () => {
    const file = `${deps.config.databasePath}.csv`
    expect(await cli('report', 'NGAYSACH2024', '--format=csv', '--out', file)).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(
      '\uFEFFcode,name,headcount,known,acknowledged,ackRate,participants,reportSubmittedAt,pending\r\n' +
        'U3,Phòng số 3,5,5,0,0,0,,Nguyễn Văn An; Đỗ Quang Anh; Trần Thị Bình; Lê Minh Châu\r\n' +
        'U2,Phòng số 2,6,3,3,0.25,0,2024-05-06T02:00:00Z,Người 2.3\r\n' +
        'U1,Phòng số 1,4,4,3,0.375,2,2024-05-04T03:00:00Z,Người 1.2; Người 1.3; Văn Phòng\r\n',
    )
    expect(err).toEqual([`Report written to ${file} (${readFileSync(file).byteLength} bytes).`])
  })

  it('refuses an unknown code and a missing format', async () => {
    expect(await cli('report', 'KHONGCO', '--format', 'json')).toBe(1)
    expect(err).toEqual(['No campaign "KHONGCO". Known codes: NGAYSACH2024.'])
    expect(await cli('report', 'NGAYSACH2024')).toBe(2)
    expect(err.at(-1)).toContain('--format must be one of')
  })
})
