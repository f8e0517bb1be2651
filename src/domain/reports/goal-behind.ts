import { localDate } from '../broadcasts/parse-when.js'
import { listCampaigns } from '../campaigns/campaign-queries.js'
import type { Campaign } from '../campaigns/campaign.js'
import { nowIso, type Deps } from '../deps.js'
import { enqueueOutbound, type OutboundItem } from '../outbound/outbound.js'
import type { Translate } from '../ports.js'
import { reachableHeads } from '../reminders/reminder-audience.js'
import { officeContacts } from '../units/members.js'
import { isBehind, type GoalPace } from './goal-pace.js'
import { formatDay, formatPercent } from './report-format.js'
import type { UnitFigures } from './report-figures.js'
import { consolidatedReport } from './reports.js'

/** Units named in the office's notice; the rest are counted (one message stays far within 4,096). */
export const OFFICE_NOTICE_MAX_UNITS = 30

/**
 * Issue 12: the morning notice of units behind the campaign goal's pace. For
 * every active campaign with a goal whose day is not over, the target units
 * below the line are told once per campaign (goal_notice): each office contact
 * gets one notice listing them all, each head of such a unit the unit's line.
 * A unit that catches up and falls behind again is not told again; /tonghop
 * and /baocao show its pace every day. Returns the messages queued.
 */
export async function noticeGoalBehind(deps: Deps, translate: Translate): Promise<number> {
  let queued = 0
  for (const campaign of await listCampaigns(deps, { statuses: ['active'] })) {
    if (campaign.goalRate === null) continue
    const report = await consolidatedReport(deps, campaign, { pendingNames: false })
    const pace = report.goal
    if (pace === null || pace.over) continue
    const behind = report.units.filter((u) => isBehind(u.rate, pace))
    if (behind.length === 0) continue
    queued += await deps.db
      .transaction()
      .execute((trx) => tellBehind({ ...deps, db: trx }, campaign, pace, behind, translate))
  }
  if (queued > 0) deps.wake?.()
  return queued
}

/** In the caller's transaction: claim the units not told yet, then queue their notices. */
async function tellBehind(
  deps: Deps,
  campaign: Campaign,
  pace: GoalPace,
  behind: readonly UnitFigures[],
  translate: Translate,
): Promise<number> {
  const today = localDate(deps.clock.now(), deps.config.timezone)
  const told = await deps.db
    .selectFrom('goal_notice')
    .select('unit_id')
    .where('campaign_id', '=', campaign.id)
    .where(
      'unit_id',
      'in',
      behind.map((u) => u.unit.id),
    )
    .execute()
  const toldIds = new Set(told.map((r) => r.unit_id))
  const fresh = behind.filter((u) => !toldIds.has(u.unit.id))
  if (fresh.length === 0) return 0
  for (let i = 0; i < fresh.length; i += 100)
    await deps.db
      .insertInto('goal_notice')
      .values(
        fresh.slice(i, i + 100).map((u) => ({
          campaign_id: campaign.id,
          unit_id: u.unit.id,
          told_on: today,
          rate: u.rate ?? 0,
        })),
      )
      .execute()

  const at = nowIso(deps)
  const args = (locale: string) => ({
    code: campaign.code,
    goal: formatPercent(pace.goalRate, locale),
    day: formatDay(pace.goalOn),
    needed: formatPercent(pace.needed, locale),
  })
  const items: OutboundItem[] = []
  for (const contact of await officeContacts(deps)) {
    const locale = contact.language ?? deps.config.defaultLocale
    const lines = [
      translate(locale, 'goalpace-office-header', { ...args(locale), count: fresh.length }),
      ...fresh.slice(0, OFFICE_NOTICE_MAX_UNITS).map((u) =>
        translate(locale, 'goalpace-office-line', {
          unit: u.unit.name,
          code: u.unit.code,
          rate: formatPercent(u.rate ?? 0, locale),
        }),
      ),
    ]
    if (fresh.length > OFFICE_NOTICE_MAX_UNITS)
      lines.push(
        translate(locale, 'goalpace-office-more', {
          count: fresh.length - OFFICE_NOTICE_MAX_UNITS,
          code: campaign.code,
        }),
      )
    items.push({
      key: `goal-behind:${campaign.id}:${today}:office:${contact.chatId}`,
      kind: 'office-notice',
      chatId: contact.chatId,
      payload: { html: lines.join('\n') },
      notBefore: at,
    })
  }
  for (const unit of fresh)
    for (const head of await reachableHeads(deps.db, unit.unit.id)) {
      if (head.privateChatId === null) continue
      const locale = head.language ?? deps.config.defaultLocale
      items.push({
        key: `goal-behind:${campaign.id}:${unit.unit.id}:${head.memberId}`,
        kind: 'notice',
        chatId: head.privateChatId,
        payload: {
          html: translate(locale, 'goalpace-head', {
            ...args(locale),
            unit: unit.unit.name,
            rate: formatPercent(unit.rate ?? 0, locale),
          }),
        },
        notBefore: at,
      })
    }
  return enqueueOutbound(deps.db, items, at)
}
