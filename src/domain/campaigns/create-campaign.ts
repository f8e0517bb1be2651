import type { Db } from '../../db/database.js'
import { writeAudit } from '../audit.js'
import { consumePendingAction, type PendingActionKey } from '../pending-actions.js'
import { isIsoDate } from '../calendar/working-days.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type DomainError, type Result } from '../errors.js'
import { deriveCampaignCode, firstFreeCode, normalizeCampaignCode } from './campaign-code.js'
import { listActivities } from './campaign-queries.js'
import {
  rowToCampaign,
  type Activity,
  type ActivityKind,
  type Campaign,
  type CampaignStatus,
} from './campaign.js'

export interface NewActivity {
  title: string
  kind: ActivityKind
  leadUnitId: number | null
  /** The lead as the plan printed it, kept even when it matched no unit. */
  leadText: string | null
  coordinators: string[]
  startsOn?: string | null
  dueOn: string | null
  dueText: string | null
}

export interface NewCampaign {
  title: string
  /** As typed by the office; derived from the title and year when absent. */
  code?: string | null
  planNumber?: string | null
  issuer?: string | null
  place?: string | null
  issuedOn?: string | null
  period?: { start: string | null; end: string | null } | null
  slogans: string[]
  targetUnitIds: number[]
  activities: NewActivity[]
  sourceFingerprint?: string | null
  /** The year for a derived code when the dates above do not give it (a plan's printed year). */
  codeYear?: number | null
  createdByMemberId?: number | null
  actorTelegramId?: number | null
  status?: CampaignStatus
  requiresApproval?: boolean
}

/** The campaign as stored, with its activities: usable wherever a Campaign is expected. */
export interface CreatedCampaign extends Campaign {
  activities: Activity[]
  /** True when the code was derived, or suffixed (-2) because the plain one was taken. */
  codeWasGenerated: boolean
}

/**
 * The one way a campaign comes to exist: the guided flow in private chat and the
 * plan importer (PRODUCT §3 /kehoach, §6 plan import) both call this. Campaign,
 * targets, activities and the audit row are written in one transaction: a
 * failure leaves nothing behind.
 *
 * An explicit code that is taken is refused (the office chose it); a derived
 * one gets the first free `-2`, `-3`… suffix.
 */
export async function createCampaign(
  deps: Deps,
  input: NewCampaign,
  options: { consume?: PendingActionKey } = {},
): Promise<Result<CreatedCampaign>> {
  const invalid = validate(input)
  if (invalid !== undefined) return err(invalid)
  let explicitCode: string | null = null
  if (input.code !== undefined && input.code !== null && input.code.trim() !== '') {
    explicitCode = normalizeCampaignCode(input.code)
    if (explicitCode === null) {
      return err({
        code: 'invalid-campaign-code',
        given: input.code,
        example: deriveCampaignCode(input.title, yearOf(input, deps)),
      })
    }
  }
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx): Promise<Result<CreatedCampaign>> => {
    // The preview's «Xác nhận» is spent with the campaign it creates (issue 8): a crash
    // between the two keeps the preview, and a replayed press creates it once.
    if (options.consume !== undefined && !(await consumePendingAction(trx, options.consume)))
      return err({ code: 'stale-button' })
    const missingUnit = await findMissingUnit(trx, [
      ...input.targetUnitIds,
      ...input.activities.flatMap((a) => (a.leadUnitId === null ? [] : [a.leadUnitId])),
    ])
    if (missingUnit !== undefined) return err({ code: 'unknown-unit-id', unitId: missingUnit })
    const isTaken = async (candidate: string) =>
      (await trx
        .selectFrom('campaign')
        .select('id')
        .where('code', '=', candidate)
        .executeTakeFirst()) !== undefined
    let code: string
    if (explicitCode !== null) {
      if (await isTaken(explicitCode))
        return err({ code: 'duplicate-campaign-code', campaignCode: explicitCode })
      code = explicitCode
    } else {
      code = await firstFreeCode(deriveCampaignCode(input.title, yearOf(input, deps)), isTaken)
    }
    const row = await trx
      .insertInto('campaign')
      .values({
        code,
        title: input.title.trim(),
        plan_number: input.planNumber ?? null,
        issuer: input.issuer ?? null,
        place: input.place ?? null,
        issued_on: input.issuedOn ?? null,
        period_start: input.period?.start ?? null,
        period_end: input.period?.end ?? null,
        slogans: JSON.stringify(input.slogans.map((s) => s.trim()).filter((s) => s !== '')),
        status: input.status ?? 'draft',
        requires_approval: input.requiresApproval === true ? 1 : 0,
        goal_rate: null,
        reminder_policy: null,
        source_fingerprint: input.sourceFingerprint ?? null,
        created_by: input.createdByMemberId ?? null,
        created_at: at,
        updated_at: at,
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    const targets = [...new Set(input.targetUnitIds)]
    if (targets.length > 0) {
      await trx
        .insertInto('campaign_target')
        .values(targets.map((unitId) => ({ campaign_id: row.id, unit_id: unitId })))
        .execute()
    }
    if (input.activities.length > 0) {
      await trx
        .insertInto('activity')
        .values(
          input.activities.map((a, index) => ({
            campaign_id: row.id,
            position: index + 1,
            title: a.title.trim(),
            kind: a.kind,
            lead_unit_id: a.leadUnitId,
            lead_text: a.leadText,
            coordinators: JSON.stringify(a.coordinators),
            starts_on: a.startsOn ?? null,
            due_on: a.dueOn,
            due_text: a.dueText,
            created_at: at,
          })),
        )
        .execute()
    }
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId ?? null,
      action: 'campaign.create',
      subject: `campaign:${code}`,
      details: {
        title: row.title,
        targets: targets.length,
        activities: input.activities.length,
        fromPlan: input.sourceFingerprint ?? null,
      },
    })
    return ok({
      ...rowToCampaign(row),
      activities: await listActivities(trx, row.id),
      codeWasGenerated: explicitCode === null,
    })
  })
}

function yearOf(input: NewCampaign, deps: Pick<Deps, 'clock'>): number {
  const date = input.period?.start ?? input.issuedOn ?? input.period?.end
  if (date !== null && date !== undefined) return Number(date.slice(0, 4))
  return input.codeYear ?? deps.clock.now().getUTCFullYear()
}

function validate(input: NewCampaign): DomainError | undefined {
  if (input.title.trim() === '')
    return { code: 'invalid-campaign', field: 'title', given: input.title }
  const dates: [string, string | null | undefined][] = [
    ['issuedOn', input.issuedOn],
    ['period.start', input.period?.start],
    ['period.end', input.period?.end],
    ...input.activities.flatMap((a, i): [string, string | null | undefined][] => [
      [`activities[${i}].dueOn`, a.dueOn],
      [`activities[${i}].startsOn`, a.startsOn],
    ]),
  ]
  for (const [field, value] of dates) {
    if (value !== null && value !== undefined && !isIsoDate(value))
      return { code: 'invalid-campaign', field, given: value }
  }
  const start = input.period?.start
  const end = input.period?.end
  if (start != null && end != null && start > end) {
    return { code: 'invalid-campaign', field: 'period', given: `${start}..${end}` }
  }
  const empty = input.activities.findIndex((a) => a.title.trim() === '')
  if (empty >= 0)
    return { code: 'invalid-campaign', field: `activities[${empty}].title`, given: '' }
  return undefined
}

async function findMissingUnit(db: Db, ids: number[]): Promise<number | undefined> {
  const unique = [...new Set(ids)]
  if (unique.length === 0) return undefined
  const rows = await db.selectFrom('unit').select('id').where('id', 'in', unique).execute()
  const known = new Set(rows.map((r) => r.id))
  return unique.find((id) => !known.has(id))
}
