import { createHash } from 'node:crypto'
import { z } from 'zod'
import type { Deps } from '../deps.js'
import type { PendingActionKey } from '../pending-actions.js'
import { err, ok, type Result } from '../errors.js'
import { createCampaign, type CreatedCampaign } from '../campaigns/create-campaign.js'
import type { Campaign } from '../campaigns/campaign.js'
import { listUnits, type Unit } from '../units/unit-repository.js'
import { deriveCampaignCode } from '../campaigns/campaign-code.js'
import { looksLikePlan, parsePlan, readPlanYear } from './parse-plan.js'
import { parsedPlanSchema, type ParsedPlan } from './parsed-plan.js'
import { capitalizeFirst } from './plan-text.js'
import { isAllUnits, matchUnitName, normalizeUnitName } from './unit-matching.js'

export interface UnitNameMatch {
  /** As the plan printed it (the first spelling, when it prints one unit two ways). */
  name: string
  unit: Pick<Unit, 'id' | 'code' | 'name'> | null
  /** A phrase meaning every unit ("Các phòng, đơn vị thuộc và trực thuộc Sở"). */
  allUnits: boolean
}

export interface PlanPreview {
  plan: ParsedPlan
  /** The campaign's title: the plan's, a letter's subject with a capital (issue 11, point 16). */
  title: string
  /** The plan's year, for the campaign code (the place-date line, then the title). */
  year: number | null
  /** The code the campaign would get if created now. */
  code: string
  /** No signature and no "Nơi nhận": the text was probably cut (a long paste split by Telegram). */
  looksCut: boolean
  /** For the example of adding an activity by hand: a real unit code and a day of the plan. */
  example: { unitCode: string; due: string }
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

/** The title the campaign gets: a letter's subject ("hướng dẫn …") starts with a capital. */
export function campaignTitleOf(plan: ParsedPlan): string {
  return capitalizeFirst(plan.title ?? plan.number ?? 'Kế hoạch')
}

/** Parses a plan and reads it against the known units; writes nothing. */
export async function previewPlanImport(deps: Deps, text: string): Promise<Result<PlanPreview>> {
  if (!looksLikePlan(text)) return err({ code: 'not-a-plan' })
  const plan = parsePlan(text)
  const fingerprint = planFingerprint(text)
  const known = await listUnits(deps.db)
  // «Công đoàn cơ sở sở TTTT» and «… Sở TTTT» are one unit printed two ways.
  const byName = new Map<string, string>()
  for (const name of plan.activities.flatMap((a) => [a.lead, ...a.coordinators])) {
    if (name === null) continue
    const key = normalizeUnitName(name)
    if (!byName.has(key)) byName.set(key, name)
  }
  const units = [...byName.values()].map((name) => {
    const match = matchUnitName(name, known)
    const unit =
      match.unit === null ? null : (known.find((u) => u.code === match.unit?.code) ?? null)
    return {
      name,
      unit: unit && { id: unit.id, code: unit.code, name: unit.name },
      allUnits: unit === null && isAllUnits(name),
    }
  })
  const duplicate = await deps.db
    .selectFrom('campaign')
    .select(['code', 'title'])
    .where('source_fingerprint', '=', fingerprint)
    .executeTakeFirst()
  const title = campaignTitleOf(plan)
  const year = readPlanYear(text)
  return ok({
    plan,
    title,
    year,
    code: deriveCampaignCode(title, codeYear(plan, year) ?? deps.clock.now().getUTCFullYear()),
    looksCut: plan.signer === null && plan.recipients.length === 0,
    example: {
      unitCode: known[0]?.code ?? 'VP',
      due: plan.period?.end ?? `${codeYear(plan, year) ?? deps.clock.now().getUTCFullYear()}-12-31`,
    },
    fingerprint,
    units,
    reportDue: plan.activities.find((a) => a.kind === 'report' && a.due !== null)?.due ?? null,
    duplicateOf: duplicate,
  })
}

/** The year the plan is for: its own dates first, then the year printed on it. */
function codeYear(plan: ParsedPlan, printed: number | null): number | null {
  const date = plan.period?.start ?? plan.issuedOn ?? plan.period?.end
  return date === null || date === undefined ? printed : Number(date.slice(0, 4))
}

/** What a confirmation needs, kept between preview and "Xác nhận". */
export const planImportDraftSchema = z.object({
  plan: parsedPlanSchema,
  fingerprint: z.string(),
  year: z.number().int().nullable().optional(),
})
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
  /** The preview spent in the transaction that creates the campaign (a bot confirmation). */
  consume?: PendingActionKey,
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
  return createCampaign(
    deps,
    {
      // A letter without a subject line still becomes a campaign the office can find.
      title: campaignTitleOf(plan),
      // The code's year is the plan's, not today's (issue 11, point 16).
      codeYear: codeYear(plan, draft.year ?? null),
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
    },
    consume === undefined ? {} : { consume },
  )
}
