import {
  listCampaignTargets,
  listCampaigns,
  findCampaignByCode,
  unknownCampaign,
} from '../campaigns/campaign-queries.js'
import type { Campaign } from '../campaigns/campaign.js'
import type { Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import type { Member } from '../units/member.js'
import { can, type Role } from '../units/roles.js'
import { findUnitByCode, findUnitById, listUnitCodes } from '../units/unit-repository.js'
import { loadGoalPace } from './campaign-goal.js'
import type { GoalPace } from './goal-pace.js'
import { loadUnitFigures } from './load-figures.js'
import {
  compareWorstFirst,
  totalsOf,
  type CampaignTotals,
  type UnitFigures,
} from './report-figures.js'

export interface UnitReport {
  campaign: Campaign
  figures: UnitFigures
  /** The goal's pace now (issue 12), or null without a goal or before the first broadcast. */
  goal: GoalPace | null
}

export interface ConsolidatedReport {
  campaign: Campaign
  generatedAt: string
  /** Worst first. */
  units: UnitFigures[]
  totals: CampaignTotals
  /** As in {@link UnitReport}: one line for every unit, since they share the first broadcast. */
  goal: GoalPace | null
}

/**
 * The campaign a report is about: the one named, or the one active campaign;
 * with several active and none named, the caller offers a choice.
 */
export async function resolveReportCampaign(
  deps: Pick<Deps, 'db'>,
  code: string | null,
): Promise<Result<Campaign | { choose: Campaign[] }>> {
  if (code !== null) {
    const campaign = await findCampaignByCode(deps.db, code)
    return campaign === undefined ? unknownCampaign(deps.db, code) : ok(campaign)
  }
  const active = await listCampaigns(deps, { statuses: ['active'] })
  if (active.length === 1 && active[0] !== undefined) return ok(active[0])
  if (active.length > 1) return ok({ choose: active })
  return err({ code: 'no-active-campaign' })
}

/**
 * /baocao: a head sees the own unit only; office, leaders and admins any unit.
 * Without a unit code, the asker's own unit.
 */
export async function unitReport(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  input: {
    campaign: Campaign
    unitCode: string | null
    /** Without a code: this unit (the group's) rather than the asker's own. */
    defaultUnitId?: number | null
    asker: Member | undefined
    role: Role
  },
): Promise<Result<UnitReport>> {
  if (!can(input.role, 'read-own-unit-report'))
    return err({ code: 'not-allowed', needed: 'read-own-unit-report' })
  const ownUnitId = input.asker?.unitId ?? null
  let unitId: number
  if (input.unitCode !== null) {
    const unit = await findUnitByCode(deps.db, input.unitCode)
    if (unit === undefined)
      return err({
        code: 'unknown-unit',
        unitCode: input.unitCode,
        knownCodes: await listUnitCodes(deps.db),
      })
    if (unit.id !== ownUnitId && !can(input.role, 'read-all-reports'))
      return err({ code: 'report-other-unit', unitCode: unit.code })
    unitId = unit.id
  } else {
    const wanted = input.defaultUnitId ?? ownUnitId
    if (wanted === null) return err({ code: 'report-needs-unit' })
    if (wanted !== ownUnitId && !can(input.role, 'read-all-reports')) {
      const unit = await findUnitById(deps.db, wanted)
      return err({ code: 'report-other-unit', unitCode: unit?.code ?? String(wanted) })
    }
    unitId = wanted
  }
  const [figures] = await loadUnitFigures(deps, input.campaign, [unitId], { pendingNames: true })
  if (figures === undefined) {
    const unit = await findUnitById(deps.db, unitId)
    return err({ code: 'unknown-unit-id', unitId: unit?.id ?? unitId })
  }
  return ok({
    campaign: input.campaign,
    figures,
    goal: await loadGoalPace(deps, input.campaign.id),
  })
}

/** /tonghop, /xuat, `loa report`: every target unit, worst first, with the totals. */
export async function consolidatedReport(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  campaign: Campaign,
  options: { pendingNames: boolean },
): Promise<ConsolidatedReport> {
  const targets = await listCampaignTargets(deps.db, campaign.id)
  const units = (
    await loadUnitFigures(
      deps,
      campaign,
      targets.map((t) => t.id),
      options,
    )
  ).sort(compareWorstFirst)
  return {
    campaign,
    generatedAt: deps.clock.now().toISOString(),
    units,
    totals: totalsOf(units),
    goal: await loadGoalPace(deps, campaign.id),
  }
}
