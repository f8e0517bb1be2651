import { stringify } from 'csv-stringify/sync'
import { toReportJson } from './report-json.js'
import type { ConsolidatedReport } from './reports.js'

export const CSV_COLUMNS = [
  'code',
  'name',
  'headcount',
  'known',
  'acknowledged',
  'ackRate',
  'participants',
  'reportSubmittedAt',
  'pending',
] as const

/**
 * The JSON's unit columns, one row per unit in the same order; UTF-8 with a
 * BOM and CRLF so Excel opens Vietnamese text correctly (PRODUCT §6).
 */
export function toReportCsv(report: ConsolidatedReport): string {
  const rows = toReportJson(report).units.map((u) => [
    u.code,
    u.name,
    u.headcount,
    u.known,
    u.acknowledged,
    u.ackRate ?? '',
    u.participants,
    u.reportSubmittedAt ?? '',
    u.pending.join('; '),
  ])
  return `\uFEFF${stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: 'windows' })}`
}
