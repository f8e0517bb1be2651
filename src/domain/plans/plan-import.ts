import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { createCampaign, type CreatedCampaign } from '../campaigns/create-campaign.js'
import type { Campaign } from '../campaigns/campaign.js'
import { listUnits, type Unit } from '../units/unit-repository.js'
import { looksLikePlan, parsePlan } from './parse-plan.js'
import { parsedPlanSchema, type ParsedPlan } from './parsed-plan.js'
import { matchUnitName } from './unit-matching.js'

export interface UnitNameMatch {
  /** As the plan printed it. */
  name: string
  unit: Pick<Unit, 'id' | 'code' | 'name'> | null
}

export interface PlanPreview {
  plan: ParsedPlan
  fingerprint: string
  /** Every unit the plan names (leads, coordinators), matched to known units or not. */
  units: UnitNameMatch[]
  /** The first `report` activity's due date: what the office chases. */
  reportDue: string | null
  /** A campaign made from the same text before: importing again duplicates it. */
  duplicateOf: Pick<Campaign, 'code' | 'title'> | undefined
}

/** Whitespace and Markdown aside, the same plan gives the same fingerprint. */
export function planFingerprint(text: string): string {
  const normalized = text
    .normalize('NFC')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()
  return createHash('sha256').update(normalized).digest('hex')
}

/** Parses a plan and reads it against the known units; writes nothing. */
export async function previewPlanImport(deps: Deps, text: string): Promise<Result<PlanPreview>> {
  if (!looksLikePlan(text)) return err({ code: 'not-a-plan' })
  const plan = parsePlan(text)
  const fingerprint = planFingerprint(text)
  const known = await listUnits(deps.db)
  const names = [
    ...new Set(
      plan.activities
        .flatMap((a) => [a.lead, ...a.coordinators])
        .filter((n): n is string => n !== null),
    ),
  ]
  const units = names.map((name) => {
    const match = matchUnitName(name, known)
    const unit =
      match.unit === null ? null : (known.find((u) => u.code === match.unit?.code) ?? null)
    return { name, unit: unit && { id: unit.id, code: unit.code, name: unit.name } }
  })
  const duplicate = await deps.db
    .selectFrom('campaign')
    .select(['code', 'title'])
    .where('source_fingerprint', '=', fingerprint)
    .executeTakeFirst()
  return ok({
    plan,
    fingerprint,
    units,
    reportDue: plan.activities.find((a) => a.kind === 'report' && a.due !== null)?.due ?? null,
    duplicateOf: duplicate,
  })
}

/** What a confirmation needs, kept between preview and "Xác nhận". */
export const planImportDraftSchema = z.object({ plan: parsedPlanSchema, fingerprint: z.string() })
export type PlanImportDraft = z.infer<typeof planImportDraftSchema>

/**
 * Creates the campaign with its activities in one transaction (createCampaign).
 * Targets are every known unit: a Sở's plan speaks to all its units
 * ("các phòng, đơn vị"); the office narrows targets per broadcast.
 */
export async function confirmPlanImport(
  deps: Deps,
  draft: PlanImportDraft,
  createdByMemberId: number | null,
  /** Who pressed "Xác nhận", for the audit row; null from the command line. */
  actorTelegramId: number | null = null,
): Promise<Result<CreatedCampaign>> {
  const known = await listUnits(deps.db)
  const unitIdOf = (name: string | null) => {
    if (name === null) return null
    const code = matchUnitName(name, known).unit?.code
    return known.find((u) => u.code === code)?.id ?? null
  }
  const { plan } = draft
  const duplicate = await deps.db
    .selectFrom('campaign')
    .select('code')
    .where('source_fingerprint', '=', draft.fingerprint)
    .executeTakeFirst()
  if (duplicate !== undefined) return err({ code: 'duplicate-plan', campaignCode: duplicate.code })
  return createCampaign(deps, {
    // A letter without a subject line still becomes a campaign the office can find.
    title: plan.title ?? plan.number ?? 'Kế hoạch',
    planNumber: plan.number,
    issuer: plan.issuer,
    place: plan.place,
    issuedOn: plan.issuedOn,
    period: plan.period,
    slogans: plan.slogans,
    targetUnitIds: known.map((u) => u.id),
    activities: plan.activities.map((a) => ({
      title: a.title,
      kind: a.kind,
      leadUnitId: unitIdOf(a.lead),
      leadText: a.lead,
      coordinators: a.coordinators,
      dueOn: a.due,
      dueText: a.dueText,
    })),
    sourceFingerprint: draft.fingerprint,
    createdByMemberId,
    actorTelegramId,
    status: 'draft',
  })
}
