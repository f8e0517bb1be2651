import type { Db } from '../../db/database.js'
import { loadCalendarOverrides } from '../calendar/calendar-repository.js'
import { nowIso, type Deps } from '../deps.js'
import { loadDueItems, type DueItem, type ReminderScope } from './due-items.js'
import { planReminders } from './plan-reminders.js'
import { decodeReminderPolicy } from './reminder-policy.js'

const INSERT_BATCH = 500

/** The columns a planned reminder row gets. */
interface PlannedRow {
  key: string
  kind: DueItem['kind']
  campaign_id: number
  activity_id: number | null
  broadcast_id: number | null
  unit_id: number | null
  due_on: string
  scheduled_at: string
  slot: string
  audience: 'unit' | 'office'
}

/**
 * The unique key of a reminder (issue 10): item, audience, planned time. A
 * changed deadline or policy gives new keys, so what was sent stays sent and
 * what is no longer owed is marked skipped, never deleted.
 */
export function reminderKey(
  kind: string,
  itemId: number,
  audience: string,
  scheduledAt: string,
): string {
  return `${kind}:${itemId}:${audience}:${scheduledAt}`
}

/**
 * Brings the campaign's reminder rows in line with its items, policy and the
 * calendar. Idempotent: call it after anything that changes what is due (a
 * broadcast scheduled or cancelled, a campaign started or closed, a policy or
 * the calendar changed). Times already past are not created; rows already due
 * but not yet sent (the bot was down) are left to the dispatcher, which sends
 * the latest of them. Runs in its own transaction unless given one. With
 * `only`, just those broadcasts' rows (see ReminderScope).
 */
export async function syncReminders(
  deps: Deps,
  campaignId: number,
  trx?: Db,
  only?: ReminderScope,
): Promise<{ planned: number; withdrawn: number }> {
  if (trx === undefined) {
    return deps.db.transaction().execute((t) => syncReminders(deps, campaignId, t, only))
  }
  const now = deps.clock.now()
  const campaign = await trx
    .selectFrom('campaign')
    .select('reminder_policy')
    .where('id', '=', campaignId)
    .executeTakeFirst()
  if (campaign === undefined) return { planned: 0, withdrawn: 0 }
  const policy = decodeReminderPolicy(campaign.reminder_policy)
  const overrides = await loadCalendarOverrides(trx)
  const wanted = new Map<string, PlannedRow>()
  for (const item of await loadDueItems(trx, campaignId, only)) {
    // Every slot, past ones included, so a row already due is recognised as still owed.
    const slots = planReminders({
      dueOn: item.dueOn,
      policy,
      now: new Date(0),
      timeZone: deps.config.timezone,
      overrides,
    })
    for (const slot of slots) {
      const at = slot.at.toISOString()
      if (item.notBefore !== null && at < item.notBefore) continue
      // Taking part is voluntary: no overdue notice for participation (issue 10).
      if (slot.slot === 'overdue' && item.kind === 'participation') continue
      const audiences: { audience: 'unit' | 'office'; unitId: number | null }[] = item.unitIds.map(
        (unitId) => ({ audience: 'unit', unitId }),
      )
      if (slot.slot === 'overdue') audiences.push({ audience: 'office', unitId: null })
      for (const { audience, unitId } of audiences) {
        const key = reminderKey(
          item.kind,
          item.itemId,
          unitId === null ? 'office' : `u${unitId}`,
          at,
        )
        wanted.set(key, {
          key,
          kind: item.kind,
          campaign_id: campaignId,
          activity_id: item.kind === 'broadcast' ? null : item.itemId,
          broadcast_id: item.kind === 'broadcast' ? item.itemId : null,
          unit_id: unitId,
          due_on: item.dueOn,
          scheduled_at: at,
          slot: slot.slot,
          audience,
        })
      }
    }
  }

  let ofCampaign = trx
    .selectFrom('reminder')
    .select(['key', 'state', 'slot'])
    .where('campaign_id', '=', campaignId)
    .where('slot', '!=', 'manual')
  if (only !== undefined) ofCampaign = ofCampaign.where('broadcast_id', 'in', only.broadcastIds)
  const existing = only?.broadcastIds.length === 0 ? [] : await ofCampaign.execute()
  const known = new Set(existing.map((r) => r.key))
  const nowText = now.toISOString()
  // PRODUCT §4: "a reminder time that is already past when the item is created is skipped".
  const fresh = [...wanted.values()].filter((r) => !known.has(r.key) && r.scheduled_at >= nowText)
  // 500 rows of 11 values a statement: well inside both engines' parameter limits (32,766 and
  // 65,535), and a broadcast to 300 units (1,201 rows) is 3 statements instead of 25.
  for (let i = 0; i < fresh.length; i += INSERT_BATCH) {
    await trx
      .insertInto('reminder')
      .values(fresh.slice(i, i + INSERT_BATCH).map((r) => ({ ...r, created_at: nowIso(deps) })))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute()
  }
  // Same time, another slot (the calendar moved the days): the row stays, its slot follows.
  for (const row of existing) {
    const want = wanted.get(row.key)
    if (row.state !== 'pending' || want === undefined || want.slot === row.slot) continue
    await trx
      .updateTable('reminder')
      .set({ slot: want.slot })
      .where('key', '=', row.key)
      .where('state', '=', 'pending')
      .execute()
  }
  const moot = existing.filter((r) => r.state === 'pending' && !wanted.has(r.key)).map((r) => r.key)
  for (let i = 0; i < moot.length; i += 200) {
    await trx
      .updateTable('reminder')
      .set({ state: 'skipped', message_count: 0 })
      .where('key', 'in', moot.slice(i, i + 200))
      .where('state', '=', 'pending')
      .execute()
  }
  return { planned: fresh.length, withdrawn: moot.length }
}

/**
 * The campaigns whose reminder rows may be out of line, oldest first: every
 * campaign not closed, and a closed one still holding pending rows (closed,
 * then a crash before its rows were withdrawn).
 */
export async function openCampaignIds(deps: Deps): Promise<number[]> {
  const campaigns = await deps.db
    .selectFrom('campaign')
    .select('id')
    .where((eb) =>
      eb.or([
        eb('status', '!=', 'closed'),
        eb.exists(
          eb
            .selectFrom('reminder')
            .select('reminder.id')
            .whereRef('reminder.campaign_id', '=', 'campaign.id')
            .where('reminder.state', '=', 'pending'),
        ),
      ]),
    )
    .orderBy('id')
    .execute()
  return campaigns.map((c) => c.id)
}
