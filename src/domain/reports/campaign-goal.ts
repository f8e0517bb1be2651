import type { Db } from '../../db/database.js'
import { localDate } from '../broadcasts/parse-when.js'
import type { Deps } from '../deps.js'
import { goalPace, type GoalPace } from './goal-pace.js'

/**
 * The campaign's goal and its pace now (issue 12), or null: no goal set, no
 * goal day (none given and the campaign has no deadline yet), or nothing
 * delivered yet (the line starts at the first broadcast).
 */
export async function loadGoalPace(
  deps: Pick<Deps, 'db' | 'clock' | 'config'>,
  campaignId: number,
): Promise<GoalPace | null> {
  const tz = deps.config.timezone
  const goal = await deps.db
    .selectFrom('campaign')
    .select(['goal_rate', 'goal_on'])
    .where('id', '=', campaignId)
    .executeTakeFirst()
  if (goal?.goal_rate == null) return null
  const goalOn = goal.goal_on ?? (await firstDeadline(deps.db, campaignId, tz))
  if (goalOn === null) return null
  const first = await deps.db
    .selectFrom('delivery')
    .innerJoin('broadcast', 'broadcast.id', 'delivery.broadcast_id')
    .select((eb) => eb.fn.min<string | null>('delivery.sent_at').as('at'))
    .where('broadcast.campaign_id', '=', campaignId)
    .where('delivery.state', '=', 'sent')
    .executeTakeFirst()
  if (first?.at == null) return null
  return goalPace({
    goalRate: goal.goal_rate,
    goalOn,
    startAt: new Date(first.at),
    now: deps.clock.now(),
    timeZone: tz,
  })
}

/**
 * The default goal day (PRODUCT §10 "by the campaign's first deadline"): the
 * earliest activity due date or broadcast "confirm by" day of the campaign.
 */
async function firstDeadline(db: Db, campaignId: number, tz: string): Promise<string | null> {
  const [activity, broadcast] = await Promise.all([
    db
      .selectFrom('activity')
      .select((eb) => eb.fn.min<string | null>('due_on').as('on'))
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst(),
    db
      .selectFrom('broadcast')
      .select((eb) => eb.fn.min<string | null>('confirm_by').as('at'))
      .where('campaign_id', '=', campaignId)
      .executeTakeFirst(),
  ])
  const days = [
    activity?.on ?? null,
    broadcast?.at == null ? null : localDate(new Date(broadcast.at), tz),
  ].filter((d): d is string => d !== null)
  return days.sort()[0] ?? null
}
