import type { ConsolidatedReport } from './reports.js'

/** PRODUCT §6 / issue 9: the report as JSON; `ackRate` 0…1 with four decimals, null when nothing reached the unit. */
export interface ReportJson {
  campaign: {
    code: string
    title: string
    period: { start: string | null; end: string | null }
    generatedAt: string
  }
  units: ReportJsonUnit[]
  totals: {
    units: number
    headcount: number
    known: number
    unidentified: number
    acknowledged: number
    ackRate: number | null
    participants: number
    reportsSubmitted: number
    pending: number
  }
}

export interface ReportJsonUnit {
  code: string
  name: string
  headcount: number
  known: number
  acknowledged: number
  ackRate: number | null
  participants: number
  reportSubmittedAt: string | null
  pending: string[]
}

export function roundRate(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 10_000) / 10_000
}

export function toReportJson(report: ConsolidatedReport): ReportJson {
  const { campaign, totals } = report
  return {
    campaign: {
      code: campaign.code,
      title: campaign.title,
      period: { start: campaign.period?.start ?? null, end: campaign.period?.end ?? null },
      generatedAt: report.generatedAt,
    },
    units: report.units.map((u) => ({
      code: u.unit.code,
      name: u.unit.name,
      headcount: u.headcount,
      known: u.known,
      acknowledged: u.acknowledged,
      ackRate: roundRate(u.rate),
      participants: u.participants,
      reportSubmittedAt: u.reportSubmittedAt,
      pending: u.pending,
    })),
    totals: {
      units: totals.units,
      headcount: totals.headcount,
      known: totals.known,
      unidentified: totals.unidentified,
      acknowledged: totals.acknowledged,
      ackRate: roundRate(totals.rate),
      participants: totals.participants,
      reportsSubmitted: totals.reportsSubmitted,
      pending: totals.pending,
    },
  }
}
