/**
 * Adding an activity by hand (`/chiendich <MÃ> them <tiêu đề> | <đơn vị> | <hạn>`): what the
 * office does when the importer found none in a plan (issue 16). The unit is a code or a name
 * of a known unit, or "-" for none; the due date is `30/04/2024` or `30/4` (the campaign's year).
 */
import { TZDate } from '@date-fns/tz'
import { writeAudit } from '../audit.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { classifyActivity } from '../plans/plan-kinds.js'
import { toIsoDate } from '../plans/plan-dates.js'
import { matchUnitName } from '../plans/unit-matching.js'
import { listUnits, type Unit } from '../units/unit-repository.js'
import type { Activity, Campaign } from './campaign.js'
import { findCampaignByCode, listActivities, unknownCampaign } from './campaign-queries.js'

export interface AddActivityInput {
  readonly code: string
  /** "<tiêu đề> | <đơn vị> | <hạn>" as typed after "them". */
  readonly text: string
  readonly actorTelegramId: number | null
}

export interface AddedActivity {
  readonly campaign: Campaign
  readonly activity: Activity
  readonly unit: Pick<Unit, 'code' | 'name'> | null
}

const NO_UNIT = new Set(['', '-', '–', 'không', 'khong', 'none'])

function campaignYear(campaign: Campaign, deps: Deps): number {
  const date = campaign.period?.end ?? campaign.period?.start ?? campaign.issuedOn
  return date === null || date === undefined
    ? deps.clock.now().getUTCFullYear()
    : Number(date.slice(0, 4))
}

function readDue(text: string, year: number): string | null {
  const m = /^(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?$/u.exec(text.trim())
  if (m === null) return null
  return toIsoDate(m[3] === undefined ? year : Number(m[3]), Number(m[2]), Number(m[1]))
}

function today(deps: Deps): string {
  const local = new TZDate(deps.clock.now().getTime(), deps.config.timezone)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}`
}

/** Adds one activity at the end of the campaign's list, with its audit row, in one transaction. */
export async function addActivity(
  deps: Deps,
  input: AddActivityInput,
): Promise<Result<AddedActivity>> {
  const campaign = await findCampaignByCode(deps.db, input.code)
  if (campaign === undefined) return unknownCampaign(deps.db, input.code)
  if (campaign.status === 'closed')
    return err({ code: 'campaign-closed', campaignCode: campaign.code })
  const units = await listUnits(deps.db)
  const year = campaignYear(campaign, deps)
  const example = `/chiendich ${campaign.code} them Tổ chức tọa đàm giới thiệu sách | ${units[0]?.code ?? 'VP'} | 30/04/${year}`
  const [title = '', unitText = '', dueText = ''] = input.text.split('|').map((part) => part.trim())
  const invalid = (field: 'title' | 'unit' | 'due' | 'due-past', given: string) =>
    err({
      code: 'invalid-activity' as const,
      field,
      given,
      known: units.map((u) => u.code),
      example,
    })
  if (title === '') return invalid('title', input.text)
  let unit: Unit | null = null
  if (!NO_UNIT.has(unitText.toLowerCase())) {
    unit =
      units.find((u) => u.code.toLowerCase() === unitText.toLowerCase()) ??
      matchUnitName(unitText, units).unit
    if (unit === null) return invalid('unit', unitText)
  }
  let dueOn: string | null = null
  if (dueText !== '') {
    dueOn = readDue(dueText, year)
    if (dueOn === null) return invalid('due', dueText)
    if (dueOn < today(deps)) return invalid('due-past', dueText)
  }
  const at = nowIso(deps)
  const activity = await deps.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('activity')
      .select((eb) => eb.fn.max('position').as('position'))
      .where('campaign_id', '=', campaign.id)
      .executeTakeFirst()
    const row = await trx
      .insertInto('activity')
      .values({
        campaign_id: campaign.id,
        position: Number(last?.position ?? 0) + 1,
        title,
        kind: classifyActivity(title, false),
        lead_unit_id: unit?.id ?? null,
        lead_text: unit?.name ?? null,
        coordinators: '[]',
        starts_on: null,
        due_on: dueOn,
        due_text: dueText === '' ? null : dueText,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'activity.add',
      subject: `campaign:${campaign.code}`,
      details: { activityId: row.id, title, unit: unit?.code ?? null, dueOn },
    })
    const activities = await listActivities(trx, campaign.id)
    return activities.find((a) => a.id === row.id)
  })
  if (activity === undefined) throw new Error('activity not found after insert')
  return ok({ campaign, activity, unit: unit && { code: unit.code, name: unit.name } })
}
