import { writeFile } from 'node:fs/promises'
import { findCampaignByCode, listCampaignCodes } from '../../domain/campaigns/campaign-queries.js'
import { isReportFormat, renderReport, REPORT_FORMATS } from '../../domain/reports/render-report.js'
import { consolidatedReport } from '../../domain/reports/reports.js'
import { UsageError, withDatabase, type CliIo } from '../cli-context.js'

const USAGE = `report <CODE> --format ${REPORT_FORMATS.join('|')} [--out FILE]   e.g. report NGAYSACH2024 --format csv --out bao-cao.csv`

/**
 * `report`: the consolidated report (PRODUCT §6). JSON and CSV go to stdout
 * when there is no --out; a binary format without --out is written to
 * `bao-cao-<CODE>.<format>` in the current folder, never to a terminal.
 */
export async function reportCommand(io: CliIo, args: string[]): Promise<number> {
  const { code, format, out } = parseArgs(args)
  return withDatabase(io, async (deps) => {
    const campaign = await findCampaignByCode(deps.db, code)
    if (campaign === undefined) {
      const known = await listCampaignCodes(deps.db)
      io.err(`No campaign "${code}". Known codes: ${known.join(', ') || '—'}.`)
      return 1
    }
    const report = await consolidatedReport(deps, campaign, { pendingNames: true })
    const file = await renderReport(deps, report, format)
    const textual = format === 'json' || format === 'csv'
    if (out === undefined && textual) {
      io.out(
        Buffer.from(file.bytes)
          .toString('utf8')
          .replace(/\r?\n$/, ''),
      )
      return 0
    }
    const destination = out ?? file.fileName
    await writeFile(destination, file.bytes)
    io.err(`Report written to ${destination} (${file.bytes.byteLength} bytes).`)
    return 0
  })
}

function parseArgs(args: string[]): {
  code: string
  format: (typeof REPORT_FORMATS)[number]
  out?: string
} {
  let code: string | undefined
  let format: string | undefined
  let out: string | undefined
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]
    if (arg === '--format') format = args[++i]
    else if (arg?.startsWith('--format=')) format = arg.slice('--format='.length)
    else if (arg === '--out') out = args[++i]
    else if (arg?.startsWith('--out=')) out = arg.slice('--out='.length)
    else if (arg !== undefined && !arg.startsWith('--') && code === undefined) code = arg
    else throw new UsageError(`unexpected "${arg ?? ''}"\n  ${USAGE}`)
  }
  if (code === undefined) throw new UsageError(`a campaign code is needed\n  ${USAGE}`)
  if (format === undefined || !isReportFormat(format))
    throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}\n  ${USAGE}`)
  if (out === '') throw new UsageError(`--out needs a file name\n  ${USAGE}`)
  return { code, format, ...(out === undefined ? {} : { out }) }
}
