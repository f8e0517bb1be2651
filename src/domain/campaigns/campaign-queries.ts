import type { Db } from '../../db/database.js'
import { writeAudit } from '../audit.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { rowToUnit, type Unit } from '../units/unit-repository.js'
import { normalizeCampaignCode, stripDiacritics } from './campaign-code.js'
import {
  rowToActivity,
  rowToCampaign,
  type Activity,
  type Campaign,
  type CampaignStatus,
} from './campaign.js'

export interface CampaignDetails {
  campaign: Campaign
  activities: Activity[]
  targets: Unit[]
}

/** Case- and diacritics-insensitive: people type `ngaysach2024` as often as the stored form. */
export async function findCampaignByCode(db: Db, code: string): Promise<Campaign | undefined> {
  const normalized = normalizeCampaignCode(code) ?? stripDiacritics(code.trim()).toUpperCase()
  const row = await db
    .selectFrom('campaign')
    .selectAll()
    .where('code', '=', normalized)
    .executeTakeFirst()
  return row && rowToCampaign(row)
}

export async function findCampaignById(db: Db, id: number): Promise<Campaign | undefined> {
  const row = await db.selectFrom('campaign').selectAll().where('id', '=', id).executeTakeFirst()
  return row && rowToCampaign(row)
}

/** A plan imported twice: the importer warns instead of creating a duplicate. */
export async function findCampaignBySourceFingerprint(
  db: Db,
  fingerprint: string,
): Promise<Campaign | undefined> {
  const row = await db
    .selectFrom('campaign')
    .selectAll()
    .where('source_fingerprint', '=', fingerprint)
    .orderBy('id')
    .executeTakeFirst()
  return row && rowToCampaign(row)
}

export async function listCampaignCodes(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('campaign').select('code').orderBy('code').execute()
  return rows.map((r) => r.code)
}

/** The error for a code nobody knows, with the known ones for the "for example" line. */
export async function unknownCampaign(db: Db, code: string) {
  return err({
    code: 'unknown-campaign' as const,
    campaignCode: code,
    knownCodes: await listCampaignCodes(db),
  })
}

/** /chiendich: active first, then drafts, then closed; newest first within each. */
export async function listCampaigns(
  deps: Pick<Deps, 'db'>,
  filter: { statuses?: CampaignStatus[] } = {},
): Promise<Campaign[]> {
  let query = deps.db.selectFrom('campaign').selectAll()
  if (filter.statuses !== undefined && filter.statuses.length > 0) {
    query = query.where('status', 'in', filter.statuses)
  }
  const rows = await query.orderBy('id', 'desc').execute()
  const order: Record<CampaignStatus, number> = { active: 0, draft: 1, closed: 2 }
  return rows.map(rowToCampaign).sort((a, b) => order[a.status] - order[b.status])
}

export async function listActivities(db: Db, campaignId: number): Promise<Activity[]> {
  const rows = await db
    .selectFrom('activity')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .orderBy('position')
    .execute()
  return rows.map(rowToActivity)
}

export async function listCampaignTargets(db: Db, campaignId: number): Promise<Unit[]> {
  const rows = await db
    .selectFrom('campaign_target')
    .innerJoin('unit', 'unit.id', 'campaign_target.unit_id')
    .selectAll('unit')
    .where('campaign_target.campaign_id', '=', campaignId)
    .orderBy('unit.code')
    .execute()
  return rows.map(rowToUnit)
}

/** /chiendich <MÃ>: the campaign with its activities (in plan order) and target units. */
export async function showCampaign(
  deps: Pick<Deps, 'db'>,
  code: string,
): Promise<Result<CampaignDetails>> {
  const campaign = await findCampaignByCode(deps.db, code)
  if (campaign === undefined) return unknownCampaign(deps.db, code)
  const [activities, targets] = await Promise.all([
    listActivities(deps.db, campaign.id),
    listCampaignTargets(deps.db, campaign.id),
  ])
  return ok({ campaign, activities, targets })
}

export interface StatusChange {
  campaign: Campaign
  /** False when the campaign already had that status (a repeated tap changes nothing). */
  changed: boolean
}

/** draft → active. A closed campaign stays closed: reopening is not a thing offices do. */
export async function startCampaign(
  deps: Deps,
  input: { code: string; actorTelegramId: number | null },
): Promise<Result<StatusChange>> {
  return changeStatus(deps, input, 'active')
}

/** draft | active → closed: no more broadcasts, reminders or participation. */
export async function closeCampaign(
  deps: Deps,
  input: { code: string; actorTelegramId: number | null },
): Promise<Result<StatusChange>> {
  return changeStatus(deps, input, 'closed')
}

async function changeStatus(
  deps: Deps,
  input: { code: string; actorTelegramId: number | null },
  status: 'active' | 'closed',
): Promise<Result<StatusChange>> {
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    const campaign = await findCampaignByCode(trx, input.code)
    if (campaign === undefined) return unknownCampaign(trx, input.code)
    if (campaign.status === status) return ok({ campaign, changed: false })
    if (campaign.status === 'closed')
      return err({ code: 'campaign-closed', campaignCode: campaign.code })
    const row = await trx
      .updateTable('campaign')
      .set({ status, updated_at: at })
      .where('id', '=', campaign.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: status === 'active' ? 'campaign.start' : 'campaign.close',
      subject: `campaign:${campaign.code}`,
      details: { previousStatus: campaign.status },
    })
    return ok({ campaign: rowToCampaign(row), changed: true })
  })
}

/**
 * "The campaign's current participation activity" (PRODUCT §3 /thamgia, the
 * 🙋 button): a `participation` activity whose due date has not passed, the
 * earliest due first, undated ones last, then plan order.
 */
export async function currentParticipationActivity(
  db: Db,
  campaignId: number,
  today: string,
): Promise<Activity | undefined> {
  const rows = await db
    .selectFrom('activity')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('kind', '=', 'participation')
    .where((eb) => eb.or([eb('due_on', 'is', null), eb('due_on', '>=', today)]))
    .execute()
  return rows.map(rowToActivity).sort((a, b) => {
    if (a.dueOn !== b.dueOn) {
      if (a.dueOn === null) return 1
      if (b.dueOn === null) return -1
      return a.dueOn < b.dueOn ? -1 : 1
    }
    return a.position - b.position
  })[0]
}
