import type { Db } from '../../db/database.js'
import { localDate } from '../broadcasts/parse-when.js'
import { countParticipants } from '../broadcasts/keyboard-context.js'
import { countAcknowledgement, countParticipant } from '../broadcasts/keyboard-refresh.js'
import { rowToActivity, type Activity, type Campaign } from '../campaigns/campaign.js'
import {
  currentParticipationActivity,
  findCampaignByCode,
  findCampaignById,
  unknownCampaign,
} from '../campaigns/campaign-queries.js'
import { nowIso, type Deps } from '../deps.js'
import { transactionOfUpdate, type UpdateTicket } from '../updates/inbox.js'
import { err, ok, type ActivityChoice, type Result } from '../errors.js'

export interface ParticipationInput {
  /** From a 🙋 button or a choice among several: the activity itself. */
  activityId?: number
  /** `/thamgia <MÃ>`: the campaign's current participation activity. */
  campaignCode?: string
  memberId: number
  note?: string | null
  photoFileId?: string | null
  source: 'button' | 'command'
  /**
   * The broadcast message it was done on (button, or /thamgia as a reply):
   * acknowledged too. Required for the 🙋 button: it counts only on a delivered
   * copy of a broadcast of the activity's campaign, in that copy's chat, by a
   * member of one of its target units (PRODUCT §9 forged callback data).
   */
  onMessage?: { chatId: number; messageId: number }
  /**
   * A choice among the buttons a bare /thamgia offered: the activity must be one
   * the member could have joined by command (an open one of their unit's campaigns).
   */
  fromChoice?: boolean
}

export interface ParticipationRecorded {
  /** False when the member had taken part already; then note and photo may have been updated. */
  created: boolean
  /** A repeat that brought a new note or photo. */
  updated: boolean
  activity: Activity
  campaign: Campaign
  /** Participants of the activity, all units. */
  count: number
  /** PRODUCT §2: /thamgia also counts as "đã đọc" for the broadcast it answers. */
  acknowledgedBroadcastId: number | null
}

/**
 * Registers participation (PRODUCT §2, §3): one per member per activity.
 * A repeat keeps the first registration (its source and time) and replaces the
 * note and photo when new ones come: people send the evidence after signing up
 * ("Đã đọc cuốn …" with a photo), and the latest evidence is the one to show.
 *
 * Which activity: the given one; else the campaign's current participation
 * activity (open, due not passed, earliest due); else, with neither, the only
 * open one among active campaigns targeting the member's unit, or a choice.
 * Participation also acknowledges the campaign's broadcast it answers (the
 * message given, or the latest one delivered to the member's unit).
 * With the update's ticket, the same transaction marks the update handled.
 */
export async function recordParticipation(
  deps: Deps,
  input: ParticipationInput,
  update?: UpdateTicket,
): Promise<Result<ParticipationRecorded>> {
  const at = nowIso(deps)
  const today = localDate(deps.clock.now(), deps.config.timezone)
  return transactionOfUpdate(deps, update, async (trx): Promise<Result<ParticipationRecorded>> => {
    const member = await trx
      .selectFrom('member')
      .select(['id', 'unit_id'])
      .where('id', '=', input.memberId)
      .executeTakeFirst()
    if (member === undefined)
      return err({ code: 'unknown-member', reference: String(input.memberId) })
    const resolved = await resolveActivity(trx, input, member.unit_id, today)
    if (!resolved.ok) return resolved
    const { activity, campaign } = resolved.value
    const allowed = await checkButton(trx, input, member.unit_id, activity, today)
    if (!allowed.ok) return allowed
    const note = input.note?.trim() || null
    const photo = input.photoFileId ?? null
    const inserted = await trx
      .insertInto('participation')
      .values({
        activity_id: activity.id,
        member_id: member.id,
        note,
        photo_file_id: photo,
        source: input.source,
        created_at: at,
      })
      .onConflict((oc) => oc.columns(['activity_id', 'member_id']).doNothing())
      .executeTakeFirst()
    const created = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0
    let updated = false
    if (!created && (note !== null || photo !== null)) {
      await trx
        .updateTable('participation')
        .set({
          ...(note === null ? {} : { note }),
          ...(photo === null ? {} : { photo_file_id: photo }),
        })
        .where('activity_id', '=', activity.id)
        .where('member_id', '=', member.id)
        .execute()
      updated = true
    }
    const acknowledgedBroadcastId = await acknowledgeAnswered(trx, input, member, campaign.id, at)
    // The 🙋 count on this unit's recent copies of the campaign, in this transaction.
    if (created && member.unit_id !== null) await countParticipant(trx, campaign.id, member.unit_id)
    return ok({
      created,
      updated,
      activity,
      campaign,
      count: await countParticipants(trx, activity.id),
      acknowledgedBroadcastId,
    })
  })
}

/** The 🙋 button and the choice buttons grant nothing the member could not do otherwise. */
async function checkButton(
  db: Db,
  input: ParticipationInput,
  unitId: number | null,
  activity: Activity,
  today: string,
): Promise<Result<null>> {
  if (input.fromChoice === true) {
    const choices = await openParticipationChoices(db, unitId, today)
    return choices.some((c) => c.activityId === activity.id)
      ? ok(null)
      : err({ code: 'stale-button' })
  }
  if (input.source !== 'button') return ok(null)
  if (input.onMessage === undefined) return err({ code: 'stale-button' })
  const copy = await findDeliveredCopy(db, input.onMessage)
  if (copy === undefined || copy.campaign_id !== activity.campaignId)
    return err({ code: 'stale-button' })
  if (unitId === null) return err({ code: 'not-target-unit' })
  const target = await db
    .selectFrom('broadcast_target')
    .select('unit_id')
    .where('broadcast_id', '=', copy.broadcast_id)
    .where('unit_id', '=', unitId)
    .executeTakeFirst()
  return target === undefined ? err({ code: 'not-target-unit' }) : ok(null)
}

/** The sent copy a message is (its button message, or any part of its album). */
async function findDeliveredCopy(db: Db, message: { chatId: number; messageId: number }) {
  return (
    db
      .selectFrom('delivery_message')
      .innerJoin('delivery', 'delivery.id', 'delivery_message.delivery_id')
      .innerJoin('broadcast', 'broadcast.id', 'delivery.broadcast_id')
      .select(['delivery.id', 'delivery.broadcast_id', 'broadcast.campaign_id'])
      .where('delivery_message.chat_id', '=', message.chatId)
      .where('delivery_message.message_id', '=', message.messageId)
      .where('delivery.state', '=', 'sent')
      // Issue 12: a recalled copy (one over 48 hours stays in its group) takes no taps.
      .where('delivery.recall_state', 'is', null)
      .where('broadcast.recalled_at', 'is', null)
      .executeTakeFirst()
  )
}

async function resolveActivity(
  db: Db,
  input: ParticipationInput,
  unitId: number | null,
  today: string,
): Promise<Result<{ activity: Activity; campaign: Campaign }>> {
  if (input.activityId !== undefined) {
    const row = await db
      .selectFrom('activity')
      .selectAll()
      .where('id', '=', input.activityId)
      .executeTakeFirst()
    const campaign = row && (await findCampaignById(db, row.campaign_id))
    if (row === undefined || campaign === undefined || row.kind !== 'participation') {
      return err({ code: 'no-participation-activity', campaignCode: campaign?.code ?? null })
    }
    if (campaign.status === 'closed')
      return err({ code: 'campaign-closed', campaignCode: campaign.code })
    return ok({ activity: rowToActivity(row), campaign })
  }
  if (input.campaignCode !== undefined && input.campaignCode.trim() !== '') {
    const campaign = await findCampaignByCode(db, input.campaignCode)
    if (campaign === undefined) return unknownCampaign(db, input.campaignCode)
    if (campaign.status === 'closed')
      return err({ code: 'campaign-closed', campaignCode: campaign.code })
    const activity = await currentParticipationActivity(db, campaign.id, today)
    if (activity === undefined)
      return err({ code: 'no-participation-activity', campaignCode: campaign.code })
    return ok({ activity, campaign })
  }
  const options = await openParticipationChoices(db, unitId, today)
  const only = options[0]
  if (only === undefined) return err({ code: 'no-participation-activity', campaignCode: null })
  if (options.length > 1) return err({ code: 'choose-activity', options })
  const campaign = await findCampaignByCode(db, only.campaignCode)
  const row = await db
    .selectFrom('activity')
    .selectAll()
    .where('id', '=', only.activityId)
    .executeTakeFirstOrThrow()
  if (campaign === undefined) return err({ code: 'no-participation-activity', campaignCode: null })
  return ok({ activity: rowToActivity(row), campaign })
}

/**
 * Open participation activities a member may join: one per active campaign
 * targeting their unit (every active campaign when their unit is unknown).
 * For the "choose one from buttons" answer to a bare /thamgia.
 */
export async function openParticipationChoices(
  db: Db,
  unitId: number | null,
  today: string,
): Promise<ActivityChoice[]> {
  let query = db.selectFrom('campaign').select(['id', 'code']).where('status', '=', 'active')
  if (unitId !== null) {
    query = query.where('id', 'in', (eb) =>
      eb.selectFrom('campaign_target').select('campaign_id').where('unit_id', '=', unitId),
    )
  }
  const campaigns = await query.orderBy('id').execute()
  const choices: ActivityChoice[] = []
  for (const campaign of campaigns) {
    const activity = await currentParticipationActivity(db, campaign.id, today)
    if (activity !== undefined) {
      choices.push({
        activityId: activity.id,
        campaignCode: campaign.code,
        title: activity.title,
        dueOn: activity.dueOn,
      })
    }
  }
  return choices
}

async function acknowledgeAnswered(
  db: Db,
  input: ParticipationInput,
  member: { id: number; unit_id: number | null },
  campaignId: number,
  at: string,
): Promise<number | null> {
  let delivery: { id: number; broadcast_id: number } | undefined
  if (input.onMessage !== undefined) {
    delivery = await db
      .selectFrom('delivery')
      .innerJoin('broadcast', 'broadcast.id', 'delivery.broadcast_id')
      .select(['delivery.id', 'delivery.broadcast_id'])
      .where('delivery.chat_id', '=', input.onMessage.chatId)
      .where('delivery.message_id', '=', input.onMessage.messageId)
      .where('broadcast.campaign_id', '=', campaignId)
      .executeTakeFirst()
  } else if (member.unit_id !== null) {
    delivery = await db
      .selectFrom('delivery')
      .innerJoin('broadcast', 'broadcast.id', 'delivery.broadcast_id')
      .select(['delivery.id', 'delivery.broadcast_id'])
      .where('broadcast.campaign_id', '=', campaignId)
      .where('delivery.unit_id', '=', member.unit_id)
      .where('delivery.state', '=', 'sent')
      .where('broadcast.recalled_at', 'is', null)
      .orderBy('delivery.sent_at', 'desc')
      .orderBy('delivery.id', 'desc')
      .executeTakeFirst()
  }
  if (delivery === undefined) return null
  const inserted = await db
    .insertInto('acknowledgement')
    .values({
      broadcast_id: delivery.broadcast_id,
      member_id: member.id,
      delivery_id: delivery.id,
      source: 'command',
      created_at: at,
    })
    .onConflict((oc) => oc.columns(['broadcast_id', 'member_id']).doNothing())
    .executeTakeFirst()
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0)
    await countAcknowledgement(db, delivery.id)
  return delivery.broadcast_id
}
