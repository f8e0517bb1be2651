import type { Insertable } from 'kysely'
import type { Db } from '../../db/database.js'
import type { BroadcastTargetTable, DeliveryTable } from '../../db/schema.js'
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
import {
  findUnitByCode,
  listActiveChatsOfUnits,
  listUnitCodes,
  type Unit,
  type UnitChat,
} from '../units/unit-repository.js'
import { CANCELLABLE, rowToBroadcast, type Broadcast } from './broadcast.js'
import { finalizeBroadcasts } from './outbox.js'
import { parseWhen, type ParsedWhen } from './parse-when.js'

/** What `/gui <MÃ> [khi] [đơn vị…]` asks for, as a reply to the composed message. */
export interface BroadcastRequest {
  campaignCode: string
  /** `khi` as typed; null or empty means now. */
  when: string | null
  /** Empty: the campaign's target units. */
  unitCodes: string[]
  /** The composed message (one, or an album's ids in order), copied with formatting and media. */
  sourceChatId: number
  sourceMessageIds: number[]
  /** Give each occurrence the next of the campaign's slogans (PRODUCT §2). */
  rotateSlogans?: boolean
  urgent?: boolean
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
  const when = parseWhen(request.when, {
    now: deps.clock.now(),
    timeZone: deps.config.timezone,
    period: campaign.period,
    overrides: await loadCalendarOverrides(db),
    campaignCode: campaign.code,
  })
  if (!when.ok) return when
  let units: Unit[]
  if (request.unitCodes.length === 0) {
    units = await listCampaignTargets(db, campaign.id)
  } else {
    units = []
    for (const code of request.unitCodes) {
      const unit = await findUnitByCode(db, code)
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
  })
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
 * delivery exists until approveBroadcast.
 */
export async function confirmBroadcast(
  deps: Deps,
  request: BroadcastRequest,
): Promise<Result<ConfirmedBroadcast>> {
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx): Promise<Result<ConfirmedBroadcast>> => {
    const prepared = await prepare(deps, trx, request)
    if (!prepared.ok) return prepared
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
          confirm_by: null,
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
    return ok({ preview, broadcastIds: ids, seriesId, status, deliveryCount })
  })
}

async function writeDeliveries(
  db: Db,
  broadcasts: { id: number; sendAt: string }[],
  chats: UnitChat[],
  at: string,
): Promise<number> {
  const rows = broadcasts.flatMap((b) =>
    chats.map((chat): Insertable<DeliveryTable> => ({
      broadcast_id: b.id,
      unit_chat_id: chat.id,
      unit_id: chat.unitId,
      chat_id: chat.chatId,
      thread_id: chat.threadId,
      state: 'pending',
      attempts: 0,
      next_attempt_at: b.sendAt,
      updated_at: at,
    })),
  )
  for (const chunk of chunks(rows)) await db.insertInto('delivery').values(chunk).execute()
  return rows.length
}

/** Keeps each INSERT under SQLite's bound-parameter limit, whatever the fan-out. */
function chunks<T>(rows: readonly T[], size = 200): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}

async function insertTargets(db: Db, rows: Insertable<BroadcastTargetTable>[]): Promise<void> {
  for (const chunk of chunks(rows)) await db.insertInto('broadcast_target').values(chunk).execute()
}

/** The broadcast and the others of its series (one row for a one-off). */
async function loadSeries(db: Db, broadcastId: number): Promise<Broadcast[] | undefined> {
  const row = await db
    .selectFrom('broadcast')
    .selectAll()
    .where('id', '=', broadcastId)
    .executeTakeFirst()
  if (row === undefined) return undefined
  const seriesId = row.series_id
  if (seriesId === null) return [rowToBroadcast(row)]
  const rows = await db
    .selectFrom('broadcast')
    .selectAll()
    .where((eb) => eb.or([eb('series_id', '=', seriesId), eb('id', '=', seriesId)]))
    .orderBy('send_at')
    .execute()
  return rows.map(rowToBroadcast)
}

export async function findBroadcast(db: Db, id: number): Promise<Broadcast | undefined> {
  const row = await db.selectFrom('broadcast').selectAll().where('id', '=', id).executeTakeFirst()
  return row && rowToBroadcast(row)
}

export interface ReviewInput {
  /** Any broadcast of the series: the leader approves or returns the series as a whole. */
  broadcastId: number
  reviewerMemberId: number | null
  actorTelegramId: number | null
  note?: string | null
}

/**
 * PRODUCT §10 "Duyệt": the series becomes scheduled and its deliveries are
 * written, in one transaction. A one-off whose time passed while it waited goes
 * now; a past morning of a daily series is cancelled rather than sent late.
 */
export async function approveBroadcast(
  deps: Deps,
  input: ReviewInput,
): Promise<Result<{ scheduled: number[]; skipped: number[]; deliveryCount: number }>> {
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    const series = await loadSeries(trx, input.broadcastId)
    if (series === undefined)
      return err({ code: 'unknown-broadcast' as const, broadcastId: input.broadcastId })
    const waiting = series.filter((b) => b.status === 'awaiting_approval')
    if (waiting.length === 0) {
      const status = series.find((b) => b.id === input.broadcastId)?.status ?? 'unknown'
      return err({
        code: 'broadcast-not-awaiting-approval' as const,
        broadcastId: input.broadcastId,
        status,
      })
    }
    const isSeries = series.length > 1
    const late = (b: Broadcast) => b.sendAt < at
    const toSend = waiting.filter((b) => !isSeries || !late(b))
    const skipped = waiting.filter((b) => isSeries && late(b))
    const review = {
      reviewed_by: input.reviewerMemberId,
      reviewed_at: at,
      review_note: input.note ?? null,
      updated_at: at,
    }
    if (skipped.length > 0) {
      await trx
        .updateTable('broadcast')
        .set({ ...review, status: 'cancelled' })
        .where(
          'id',
          'in',
          skipped.map((b) => b.id),
        )
        .execute()
    }
    let deliveryCount = 0
    if (toSend.length > 0) {
      await trx
        .updateTable('broadcast')
        .set({ ...review, status: 'scheduled' })
        .where(
          'id',
          'in',
          toSend.map((b) => b.id),
        )
        .execute()
      const targetRows = await trx
        .selectFrom('broadcast_target')
        .select('unit_id')
        .where('broadcast_id', '=', toSend[0]?.id ?? 0)
        .execute()
      const chats = await listActiveChatsOfUnits(
        trx,
        targetRows.map((r) => r.unit_id),
      )
      deliveryCount = await writeDeliveries(
        trx,
        toSend.map((b) => ({ id: b.id, sendAt: late(b) ? at : b.sendAt })),
        chats,
        at,
      )
      // Groups may all have gone inactive while it waited: then there is nothing to send.
      await finalizeBroadcasts(
        trx,
        toSend.map((b) => b.id),
        at,
      )
    }
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'broadcast.approve',
      subject: `broadcast:${input.broadcastId}`,
      details: {
        scheduled: toSend.map((b) => b.id),
        skipped: skipped.map((b) => b.id),
        note: input.note ?? null,
      },
    })
    return ok({
      scheduled: toSend.map((b) => b.id),
      skipped: skipped.map((b) => b.id),
      deliveryCount,
    })
  })
}

/** PRODUCT §10 "Trả lại (lý do)": the series is rejected with the leader's note; nothing is sent. */
export async function rejectBroadcast(
  deps: Deps,
  input: ReviewInput,
): Promise<Result<{ rejected: number[] }>> {
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    const series = await loadSeries(trx, input.broadcastId)
    if (series === undefined)
      return err({ code: 'unknown-broadcast' as const, broadcastId: input.broadcastId })
    const waiting = series.filter((b) => b.status === 'awaiting_approval')
    if (waiting.length === 0) {
      const status = series.find((b) => b.id === input.broadcastId)?.status ?? 'unknown'
      return err({
        code: 'broadcast-not-awaiting-approval' as const,
        broadcastId: input.broadcastId,
        status,
      })
    }
    await trx
      .updateTable('broadcast')
      .set({
        status: 'rejected',
        reviewed_by: input.reviewerMemberId,
        reviewed_at: at,
        review_note: input.note ?? null,
        updated_at: at,
      })
      .where(
        'id',
        'in',
        waiting.map((b) => b.id),
      )
      .execute()
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'broadcast.reject',
      subject: `broadcast:${input.broadcastId}`,
      details: { rejected: waiting.map((b) => b.id), note: input.note ?? null },
    })
    return ok({ rejected: waiting.map((b) => b.id) })
  })
}

/**
 * /lich: cancel a broadcast before anything of it left. Refused once any
 * delivery is past `pending` (a copy may be on its way). Its pending deliveries
 * are deleted: they never happened. `wholeSeries` cancels every occurrence of a
 * daily series that has not started.
 */
export async function cancelBroadcast(
  deps: Deps,
  input: { broadcastId: number; actorTelegramId: number | null; wholeSeries?: boolean },
): Promise<Result<{ cancelled: number[] }>> {
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    const series = await loadSeries(trx, input.broadcastId)
    const target = series?.find((b) => b.id === input.broadcastId)
    if (series === undefined || target === undefined) {
      return err({ code: 'unknown-broadcast' as const, broadcastId: input.broadcastId })
    }
    const candidates = input.wholeSeries === true ? series : [target]
    const started = await trx
      .selectFrom('delivery')
      .select('broadcast_id')
      .distinct()
      .where(
        'broadcast_id',
        'in',
        candidates.map((b) => b.id),
      )
      .where('state', '!=', 'pending')
      .execute()
    const startedIds = new Set(started.map((r) => r.broadcast_id))
    const cancellable = candidates.filter(
      (b) => CANCELLABLE.includes(b.status) && !startedIds.has(b.id),
    )
    if (
      !cancellable.some((b) => b.id === target.id) &&
      (input.wholeSeries !== true || cancellable.length === 0)
    ) {
      const status =
        startedIds.has(target.id) && target.status === 'scheduled' ? 'sending' : target.status
      return err({ code: 'broadcast-not-cancellable' as const, broadcastId: target.id, status })
    }
    const ids = cancellable.map((b) => b.id)
    await trx
      .deleteFrom('delivery')
      .where('broadcast_id', 'in', ids)
      .where('state', '=', 'pending')
      .execute()
    await trx
      .updateTable('broadcast')
      .set({ status: 'cancelled', updated_at: at })
      .where('id', 'in', ids)
      .execute()
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'broadcast.cancel',
      subject: `broadcast:${input.broadcastId}`,
      details: { cancelled: ids },
    })
    return ok({ cancelled: ids })
  })
}
