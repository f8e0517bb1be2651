import type { Selectable } from 'kysely'
import type { ActivityTable, CampaignTable } from '../../db/schema.js'

export type CampaignStatus = 'draft' | 'active' | 'closed'
export type ActivityKind = 'participation' | 'task' | 'report'

export interface Period {
  /** YYYY-MM-DD; null when the plan names only one end. */
  start: string | null
  end: string | null
}

export interface Campaign {
  id: number
  code: string
  title: string
  planNumber: string | null
  issuer: string | null
  place: string | null
  issuedOn: string | null
  period: Period | null
  slogans: string[]
  status: CampaignStatus
  requiresApproval: boolean
  goalRate: number | null
  sourceFingerprint: string | null
  createdBy: number | null
  createdAt: string
}

export interface Activity {
  id: number
  campaignId: number
  position: number
  title: string
  kind: ActivityKind
  leadUnitId: number | null
  leadText: string | null
  coordinators: string[]
  startsOn: string | null
  dueOn: string | null
  dueText: string | null
}

function parseStringList(json: string): string[] {
  const value: unknown = JSON.parse(json)
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []
}

export function rowToCampaign(row: Selectable<CampaignTable>): Campaign {
  return {
    id: row.id,
    code: row.code,
    title: row.title,
    planNumber: row.plan_number,
    issuer: row.issuer,
    place: row.place,
    issuedOn: row.issued_on,
    period:
      row.period_start === null && row.period_end === null
        ? null
        : { start: row.period_start, end: row.period_end },
    slogans: parseStringList(row.slogans),
    status: row.status,
    requiresApproval: row.requires_approval === 1,
    goalRate: row.goal_rate,
    sourceFingerprint: row.source_fingerprint,
    createdBy: row.created_by,
    createdAt: row.created_at,
  }
}

export function rowToActivity(row: Selectable<ActivityTable>): Activity {
  return {
    id: row.id,
    campaignId: row.campaign_id,
    position: row.position,
    title: row.title,
    kind: row.kind,
    leadUnitId: row.lead_unit_id,
    leadText: row.lead_text,
    coordinators: parseStringList(row.coordinators),
    startsOn: row.starts_on,
    dueOn: row.due_on,
    dueText: row.due_text,
  }
}
