import { formatLocal, localDate } from '../broadcasts/parse-when.js'
import { findCampaignByCode, unknownCampaign } from '../campaigns/campaign-queries.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { enqueueOutbound, type OutboundItem } from '../outbound/outbound.js'
import { can, type Role } from '../units/roles.js'
import { findUnitByCode } from '../units/unit-repository.js'
import { loadDueItems, type DueItem } from './due-items.js'
import { expandReminder } from './reminder-messages.js'
import type { ReminderRenderer } from './reminder-renderer.js'
import { outOfQuietHours } from './plan-reminders.js'

/** PRODUCT §4 /nhacnho: at most once per unit per hour. */
export const MANUAL_INTERVAL_MS = 3600_000

export interface RemindNowInput {
  actor: { telegramId: number | null; role: Role; unitId: number | null }
  campaignCode: string | null
  /** The office may name one unit; a head only their own. */
  unitCode: string | null
}

export interface RemindNowResult {
  people: number
  groups: number
  units: number
  /** Units left out because they were reminded within the hour (office runs). */
  tooSoon: string[]
}

/**
 * `/nhacnho [MÃ] [ĐƠN_VỊ]` (`/remind`): the same reminders as the planned ones,
 * now, for what is still open (deadline not passed): a head for the own unit,
 * the office for every target unit. Not counted against the planned ones: it
 * writes its own `manual` reminder row per unit, which is also what limits it
 * to once per unit per hour. One transaction: the rows, the queued messages.
 */
export async function remindNow(
  deps: Deps,
  renderer: ReminderRenderer,
  input: RemindNowInput,
): Promise<Result<RemindNowResult>> {
  const isOffice = can(input.actor.role, 'manage-campaigns')
  if (!isOffice && input.actor.role !== 'head')
    return err({ code: 'not-allowed', needed: 'head, office' })
  const now = deps.clock.now()
  const at = nowIso(deps)
  const today = localDate(now, deps.config.timezone)

  let onlyUnit: number | null = isOffice ? null : input.actor.unitId
  if (!isOffice && onlyUnit === null) return err({ code: 'not-allowed', needed: 'head, office' })
  if (input.unitCode !== null) {
    const unit = await findUnitByCode(deps.db, input.unitCode)
    if (unit === undefined) {
      const known = await deps.db.selectFrom('unit').select('code').orderBy('code').execute()
      return err({
        code: 'unknown-unit',
        unitCode: input.unitCode,
        knownCodes: known.map((u) => u.code),
      })
    }
    // PRODUCT §9: a head cannot chase another unit.
    if (!isOffice && unit.id !== onlyUnit) return err({ code: 'not-allowed', needed: 'office' })
    onlyUnit = unit.id
  }

  let campaignIds: number[]
  if (input.campaignCode !== null) {
    const campaign = await findCampaignByCode(deps.db, input.campaignCode)
    if (campaign === undefined) return unknownCampaign(deps.db, input.campaignCode)
    if (campaign.status === 'closed')
      return err({ code: 'campaign-closed', campaignCode: campaign.code })
    campaignIds = [campaign.id]
  } else {
    campaignIds = (
      await deps.db.selectFrom('campaign').select('id').where('status', '=', 'active').execute()
    ).map((c) => c.id)
  }

  // What is open: deadline today or later, and for a broadcast, already sent out.
  const open: DueItem[] = []
  for (const id of campaignIds) {
    for (const item of await loadDueItems(deps.db, id)) {
      if (item.dueOn < today) continue
      if (item.notBefore !== null && item.notBefore > at) continue
      const unitIds = onlyUnit === null ? item.unitIds : item.unitIds.filter((u) => u === onlyUnit)
      if (unitIds.length > 0) open.push({ ...item, unitIds })
    }
  }
  const unitIds = [...new Set(open.flatMap((i) => i.unitIds))]
  if (unitIds.length === 0)
    return err({ code: 'nothing-to-remind', campaignCode: input.campaignCode })

  const since = new Date(now.getTime() - MANUAL_INTERVAL_MS).toISOString()
  const notBefore = outOfQuietHours(now, deps.config.timezone).toISOString()
  // The hour is checked inside the transaction that writes the rows, so two heads at once cannot both pass.
  const result = await deps.db.transaction().execute(async (trx) => {
    const recent = await trx
      .selectFrom('reminder')
      .innerJoin('unit', 'unit.id', 'reminder.unit_id')
      .select([
        'reminder.unit_id',
        'unit.code',
        (eb) => eb.fn.max('reminder.scheduled_at').as('last'),
      ])
      .where('reminder.unit_id', 'in', unitIds)
      .where('reminder.slot', '=', 'manual')
      .where('reminder.scheduled_at', '>', since)
      .groupBy(['reminder.unit_id', 'unit.code'])
      .execute()
    const blocked = new Map(recent.map((r) => [r.unit_id, r]))
    const allowed = unitIds.filter((u) => !blocked.has(u))
    const tooSoon = [...blocked.values()].map((b) => b.code)
    if (allowed.length === 0) {
      const first = [...blocked.values()].sort((x, y) =>
        String(x.last).localeCompare(String(y.last)),
      )[0]
      const nextAt = new Date(new Date(String(first?.last ?? at)).getTime() + MANUAL_INTERVAL_MS)
      return err({
        code: 'remind-too-soon' as const,
        unitCode: first?.code ?? '',
        nextAt: formatLocal(nextAt, deps.config.timezone),
      })
    }
    const people = new Set<number>()
    const groups = new Set<number>()
    for (const unitId of allowed) {
      const row = await trx
        .insertInto('reminder')
        .values({
          key: `manual:u${unitId}:${at}`,
          kind: 'manual',
          campaign_id: campaignIds.length === 1 ? (campaignIds[0] ?? null) : null,
          unit_id: unitId,
          scheduled_at: at,
          slot: 'manual',
          audience: 'unit',
          state: 'sent',
          sent_at: at,
          created_at: at,
        })
        .onConflict((oc) => oc.column('key').doNothing())
        .returning('id')
        .executeTakeFirst()
      if (row === undefined) continue
      const items: OutboundItem[] = []
      for (const item of open.filter((i) => i.unitIds.includes(unitId))) {
        const expanded = await expandReminder(
          deps,
          trx,
          renderer,
          {
            kind: item.kind,
            itemId: item.itemId,
            unitId,
            // The due-day slot also puts the report line in the group.
            slot: item.dueOn === today ? 'd0' : 'd1',
            dueOn: item.dueOn,
          },
          `man:${row.id}:${item.kind}${item.itemId}`,
        )
        items.push(...expanded.items.map((m) => ({ ...m, notBefore })))
        for (const p of expanded.people) people.add(p)
        for (const g of expanded.groups) groups.add(g)
      }
      await enqueueOutbound(trx, items, at)
      await trx
        .updateTable('reminder')
        .set({ message_count: items.length })
        .where('id', '=', row.id)
        .execute()
    }
    return ok({ people: people.size, groups: groups.size, units: allowed.length, tooSoon })
  })
  if (result.ok) deps.wake?.()
  return result
}
