import type { AcknowledgementSource } from '../../db/schema.js'
import type { Deps } from '../deps.js'
import { sortByVietnameseName } from './report-figures.js'
import { selectAcknowledgements, selectMembers, selectParticipations } from './report-queries.js'
import type { ConsolidatedReport } from './reports.js'

export interface MemberDetail {
  fullName: string
  /** By broadcast id: when and how they confirmed. */
  acknowledgements: Map<number, { at: string; source: AcknowledgementSource }>
  /** By activity id. */
  participations: Map<number, { at: string; note: string | null; hasPhoto: boolean }>
}

/**
 * Per member, for the workbook's unit sheets only (an export, not a chat reply):
 * three queries over the report's units, grouped here by unit, names in Vietnamese order.
 */
export async function loadMemberDetails(
  deps: Pick<Deps, 'db'>,
  report: ConsolidatedReport,
): Promise<Map<number, MemberDetail[]>> {
  const unitIds = report.units.map((u) => u.unit.id)
  if (unitIds.length === 0) return new Map()
  const [members, acks, participations] = await Promise.all([
    selectMembers(deps.db, unitIds),
    selectAcknowledgements(deps.db, report.campaign.id, unitIds),
    selectParticipations(deps.db, report.campaign.id, unitIds),
  ])
  const byMember = new Map<number, MemberDetail>()
  const byUnit = new Map<number, MemberDetail[]>()
  for (const m of members) {
    if (m.unit_id === null) continue
    const detail: MemberDetail = {
      fullName: m.full_name,
      acknowledgements: new Map(),
      participations: new Map(),
    }
    byMember.set(m.id, detail)
    const list = byUnit.get(m.unit_id)
    if (list === undefined) byUnit.set(m.unit_id, [detail])
    else list.push(detail)
  }
  for (const a of acks)
    byMember
      .get(a.member_id)
      ?.acknowledgements.set(a.broadcast_id, { at: a.created_at, source: a.source })
  for (const p of participations)
    byMember.get(p.member_id)?.participations.set(p.activity_id, {
      at: p.created_at,
      note: p.note,
      hasPhoto: p.photo_file_id !== null,
    })
  for (const [unitId, list] of byUnit)
    byUnit.set(
      unitId,
      sortByVietnameseName(list, (d) => d.fullName),
    )
  return byUnit
}
