import type { Db } from '../../db/database.js'
import { writeAudit } from '../audit.js'
import { loadCalendarOverrides } from '../calendar/calendar-repository.js'
import type { Campaign } from '../campaigns/campaign.js'
import {
  findCampaignByCode,
  listCampaignTargets,
  unknownCampaign,
} from '../campaigns/campaign-queries.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { consumePendingAction } from '../pending-actions.js'
import {
  findUnitById,
  findUnitByCode,
  findUnitsByCodes,
  listActiveChatsOfUnits,
  listUnitCodes,
  normalizeUnitCode,
  type Unit,
  type UnitChat,
} from '../units/unit-repository.js'
import { insertTargets, listUnitsWithActiveGroup, writeDeliveries } from './broadcast-repository.js'
import { parseWhen, type ParsedWhen } from './parse-when.js'
import { resolveDeadline } from '../reminders/parse-deadline.js'
import { syncReminders } from '../reminders/sync-reminders.js'
import type { ApprovalMessages } from '../approvals/approval-messages.js'
import { requestApproval } from '../approvals/request-approval.js'
import { planUrgentReminders } from '../urgent/urgent-reminders.js'

/** What `/gui <MÃ> [khi] [đơn vị…]` asks for, as a reply to the composed message. */
export interface BroadcastRequest {
  campaignCode: string
  /** `khi` as typed; null or empty means now. */
  when: string | null
  /** `han <ngày>` as typed (issue 10); absent: the default deadline (parse-deadline.ts). */
  deadline?: string | null
  /** Empty: the campaign's target units. */
  unitCodes: string[]
  /** `tatca` (`all`): every unit that has an active group, whatever the campaign targets. */
  allUnits?: boolean
  /** The composed message (one, or an album's ids in order), copied with formatting and media. */
  sourceChatId: number
  sourceMessageIds: number[]
  /** Give each occurrence the next of the campaign's slogans (PRODUCT §2). */
  rotateSlogans?: boolean
  urgent?: boolean
  /**
   * Issue 12: a head sends to the groups of these units only (their own); the
   * default targets become these, and naming another unit is refused. Absent: anywhere (office).
   */
  ownUnitIds?: number[]
  createdByMemberId: number | null
  actorTelegramId: number | null
}

export interface TargetUnit {
  unit: Unit
  /** Active groups only: where the copies will go. */
  chats: UnitChat[]
}

export interface BroadcastPreview {
  campaign: Campaign
  when: ParsedWhen
  /** UTC ISO instants, one per occurrence. */
  sendAts: string[]
  /** The slogan each occurrence carries, parallel to sendAts. */
  slogans: (string | null)[]
  targets: TargetUnit[]
  /** Target units without an active group: the preview says they will get nothing. */
  unitsWithoutGroup: Unit[]
  groupCount: number
  /** Copies to send: occurrences × groups. */
  deliveryCount: number
  /** PRODUCT §10: the broadcast waits for a leader's "Duyệt". */
  requiresApproval: boolean
  /** The confirmation deadline (YYYY-MM-DD), or null: reminders are planned from it (§4). */
  confirmBy: string | null
}

/** The preview before "Xác nhận" / "Huỷ". Reads only. */
export async function previewBroadcast(
  deps: Deps,
  request: BroadcastRequest,
): Promise<Result<BroadcastPreview>> {
  return prepare(deps, deps.db, request)
}

async function prepare(
  deps: Deps,
  db: Db,
  request: BroadcastRequest,
): Promise<Result<BroadcastPreview>> {
  const campaign = await findCampaignByCode(db, request.campaignCode)
  if (campaign === undefined) return unknownCampaign(db, request.campaignCode)
  if (campaign.status === 'closed')
    return err({ code: 'campaign-closed', campaignCode: campaign.code })
  const overrides = await loadCalendarOverrides(db)
  const when = parseWhen(request.when, {
    now: deps.clock.now(),
    timeZone: deps.config.timezone,
    period: campaign.period,
    overrides,
    campaignCode: campaign.code,
  })
  if (!when.ok) return when
  const confirmBy = resolveDeadline({
    text: request.deadline ?? null,
    sendAt: when.value.sendAts[0] ?? deps.clock.now(),
    daily: when.value.kind === 'daily',
    period: campaign.period,
    now: deps.clock.now(),
    timeZone: deps.config.timezone,
    overrides,
    campaignCode: campaign.code,
  })
  if (!confirmBy.ok) return confirmBy
  let units: Unit[]
  const own = request.ownUnitIds
  if (own !== undefined) {
    const restricted = await restrictToOwnUnits(db, request, own)
    if (!restricted.ok) return restricted
    units = restricted.value
  } else if (request.allUnits === true) {
    units = await listUnitsWithActiveGroup(db)
  } else if (request.unitCodes.length === 0) {
    units = await listCampaignTargets(db, campaign.id)
  } else {
    units = []
    const byCode = await findUnitsByCodes(db, request.unitCodes)
    for (const code of request.unitCodes) {
      const unit = byCode.get(normalizeUnitCode(code))
      if (unit === undefined)
        return err({ code: 'unknown-unit', unitCode: code, knownCodes: await listUnitCodes(db) })
      if (!units.some((u) => u.id === unit.id)) units.push(unit)
    }
  }
  const chats = await listActiveChatsOfUnits(
    db,
    units.map((u) => u.id),
  )
  const targets = units
    .map((unit) => ({ unit, chats: chats.filter((c) => c.unitId === unit.id) }))
    .filter((t) => t.chats.length > 0)
  const unitsWithoutGroup = units.filter((u) => !chats.some((c) => c.unitId === u.id))
  if (chats.length === 0) {
    return err({
      code: 'no-target-groups',
      campaignCode: campaign.code,
      unitsWithoutGroup: unitsWithoutGroup.map((u) => u.code),
    })
  }
  const sendAts = when.value.sendAts.map((d) => d.toISOString())
  const slogans = sendAts.map((_, i) =>
    request.rotateSlogans === true && campaign.slogans.length > 0
      ? (campaign.slogans[i % campaign.slogans.length] ?? null)
      : null,
  )
  return ok({
    campaign,
    when: when.value,
    sendAts,
    slogans,
    targets,
    unitsWithoutGroup,
    groupCount: chats.length,
    deliveryCount: chats.length * sendAts.length,
    requiresApproval: campaign.requiresApproval,
    confirmBy: confirmBy.value,
  })
}

/**
 * A head's targets (issue 12): the named units if all are their own, else the
 * first other one is refused with who may send there (the office and its heads).
 */
async function restrictToOwnUnits(
  db: Db,
  request: BroadcastRequest,
  own: number[],
): Promise<Result<Unit[]>> {
  const ownUnits = (await Promise.all(own.map((id) => findUnitById(db, id)))).filter(
    (u): u is Unit => u !== undefined,
  )
  if (request.unitCodes.length === 0 && request.allUnits !== true) return ok(ownUnits)
  const codes = request.allUnits === true ? ['tatca'] : request.unitCodes
  const units: Unit[] = []
  for (const code of codes) {
    const unit = await findUnitByCode(db, code)
    if (unit === undefined && request.allUnits !== true)
      return err({ code: 'unknown-unit', unitCode: code, knownCodes: await listUnitCodes(db) })
    if (unit === undefined || !own.includes(unit.id)) {
      const heads =
        unit === undefined
          ? []
          : await db
              .selectFrom('member')
              .select('full_name')
              .where('unit_id', '=', unit.id)
              .where('role', '=', 'head')
              .orderBy('full_name')
              .execute()
      return err({
        code: 'other-unit-broadcast',
        unitCode: unit?.code ?? code,
        heads: heads.map((h) => h.full_name),
      })
    }
    if (!units.some((u) => u.id === unit.id)) units.push(unit)
  }
  return ok(units)
}

export interface ConfirmedBroadcast {
  preview: BroadcastPreview
  broadcastIds: number[]
  seriesId: number | null
  status: 'scheduled' | 'awaiting_approval'
  /** Delivery rows written (0 while awaiting approval). */
  deliveryCount: number
}

/**
 * "Xác nhận": everything the outbox needs, in ONE transaction (PRODUCT §9):
 * the broadcast row(s) — one per occurrence, a series sharing the first id —
 * their target units, and one pending delivery per (broadcast, active group) due
 * at its send time. The request is re-read at confirmation, so a time that
 * passed while the preview was open is refused rather than sent late.
 * With approval required (§10) the rows wait as `awaiting_approval` and no
 * delivery exists until approveBroadcast. With `consume`, the preview's pending
 * action is deleted in the same transaction (refused as `stale-button` when spent).
 */
export async function confirmBroadcast(
  deps: Deps,
  request: BroadcastRequest,
  options: {
    consume?: { id: number; memberId: number; kind: string }
    /** Issue 12: with approval required, the leaders' requests are queued in this transaction. */
    approvalMessages?: ApprovalMessages
  } = {},
): Promise<Result<ConfirmedBroadcast>> {
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx): Promise<Result<ConfirmedBroadcast>> => {
    const prepared = await prepare(deps, trx, request)
    if (!prepared.ok) return prepared
    // The preview's "Xác nhận" is spent in the same transaction that writes the
    // broadcast: a crash loses neither, and a replayed press finds it spent.
    if (options.consume !== undefined && !(await consumePendingAction(trx, options.consume)))
      return err({ code: 'stale-button' })
    const preview = prepared.value
    const status = preview.requiresApproval ? 'awaiting_approval' : 'scheduled'
    const ids: number[] = []
    for (const [i, sendAt] of preview.sendAts.entries()) {
      const row = await trx
        .insertInto('broadcast')
        .values({
          campaign_id: preview.campaign.id,
          series_id: ids[0] ?? null,
          source_chat_id: request.sourceChatId,
          source_message_ids: JSON.stringify(request.sourceMessageIds),
          slogan: preview.slogans[i] ?? null,
          send_at: sendAt,
          confirm_by: preview.confirmBy,
          status,
          urgent: request.urgent === true ? 1 : 0,
          created_by: request.createdByMemberId,
          reviewed_by: null,
          reviewed_at: null,
          review_note: null,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      ids.push(row.id)
    }
    const seriesId = ids.length > 1 ? (ids[0] ?? null) : null
    if (seriesId !== null) {
      await trx
        .updateTable('broadcast')
        .set({ series_id: seriesId })
        .where('id', '=', seriesId)
        .execute()
    }
    const unitIds = [
      ...preview.targets.map((t) => t.unit.id),
      ...preview.unitsWithoutGroup.map((u) => u.id),
    ]
    await insertTargets(
      trx,
      ids.flatMap((broadcastId) =>
        unitIds.map((unitId) => ({ broadcast_id: broadcastId, unit_id: unitId })),
      ),
    )
    let deliveryCount = 0
    if (status === 'scheduled') {
      const chats = preview.targets.flatMap((t) => t.chats)
      deliveryCount = await writeDeliveries(
        trx,
        ids.map((id, i) => ({ id, sendAt: preview.sendAts[i] ?? at })),
        chats,
        at,
      )
    }
    await writeAudit(trx, {
      at,
      actorTelegramId: request.actorTelegramId,
      action: 'broadcast.schedule',
      subject: `broadcast:${ids[0]}`,
      details: {
        campaign: preview.campaign.code,
        occurrences: ids.length,
        firstSendAt: preview.sendAts[0],
        units: unitIds.length,
        groups: preview.groupCount,
        status,
      },
    })
    // Issue 12: an urgent broadcast's private reminders, planned with it.
    if (status === 'scheduled' && request.urgent === true)
      await planUrgentReminders(
        deps,
        trx,
        ids.map((id, i) => ({ id, sendAt: preview.sendAts[i] ?? at })),
        at,
      )
    if (status === 'awaiting_approval' && options.approvalMessages !== undefined)
      await requestApproval(
        trx,
        { broadcastIds: ids, at, actorTelegramId: request.actorTelegramId },
        options.approvalMessages,
      )
    // The deadline's reminder rows, in the same transaction (issue 10).
    if (preview.confirmBy !== null)
      await syncReminders(deps, preview.campaign.id, trx, { broadcastIds: ids })
    return ok({ preview, broadcastIds: ids, seriesId, status, deliveryCount })
  })
}
