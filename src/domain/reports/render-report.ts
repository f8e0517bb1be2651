import type { Deps } from '../deps.js'
import { loadMemberDetails } from './member-details.js'
import { toReportCsv } from './report-csv.js'
import { toReportJson } from './report-json.js'
import type { ConsolidatedReport } from './reports.js'

export const REPORT_FORMATS = ['xlsx', 'csv', 'docx', 'json'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value)
}

export interface RenderedReport {
  fileName: string
  mimeType: string
  bytes: Uint8Array
}

/** The consolidated report as a file, for `/xuat` and `loa report`. */
export async function renderReport(
  deps: Pick<Deps, 'db' | 'config'>,
  report: ConsolidatedReport,
  format: ReportFormat,
): Promise<RenderedReport> {
  const base = `bao-cao-${report.campaign.code}`
  switch (format) {
    case 'json':
      return {
        fileName: `${base}.json`,
        mimeType: 'application/json',
        bytes: Buffer.from(`${JSON.stringify(toReportJson(report), null, 2)}\n`, 'utf8'),
      }
    case 'csv':
      return {
        fileName: `${base}.csv`,
        mimeType: 'text/csv',
        bytes: Buffer.from(toReportCsv(report), 'utf8'),
      }
    case 'xlsx': {
      // exceljs and docx take seconds to load: only the exports that need them pay for it.
      const { renderXlsx } = await import('./report-xlsx.js')
      return {
        fileName: `${base}.xlsx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        bytes: await renderXlsx(
          report,
          await loadMemberDetails(deps, report),
          deps.config.timezone,
        ),
      }
    }
    case 'docx': {
      const { renderDocx } = await import('./report-docx.js')
      return {
        fileName: `${base}.docx`,
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        bytes: await renderDocx(report, deps.config.timezone),
      }
    }
  }
}
