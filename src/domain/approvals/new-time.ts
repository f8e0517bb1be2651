import { loadCalendarOverrides } from '../calendar/calendar-repository.js'
import { findCampaignById } from '../campaigns/campaign-queries.js'
import type { Deps } from '../deps.js'
import { err, type Result } from '../errors.js'
import { loadSeries } from '../broadcasts/broadcast-repository.js'
import { parseWhen } from '../broadcasts/parse-when.js'
import { rescheduleApproved } from '../broadcasts/review-broadcast.js'

/**
 * The sender's answer after an approval came over an hour late (issue 12):
 * a time as `/gui` takes it (`ngay`, `08:00`, `16/4 08:00`); a daily series is
 * not offered here. Refusals carry a correct example and change nothing.
 */
export async function answerNewTime(
  deps: Deps,
  input: {
    broadcastId: number
    memberId: number
    text: string
    actorTelegramId: number | null
    consume: { id: number; memberId: number; kind: string }
  },
): Promise<Result<{ deliveryCount: number; sendAt: string }>> {
  const head = (await loadSeries(deps.db, input.broadcastId))?.[0]
  if (head === undefined) return err({ code: 'unknown-broadcast', broadcastId: input.broadcastId })
  const campaign = await findCampaignById(deps.db, head.campaignId)
  const when = parseWhen(input.text, {
    now: deps.clock.now(),
    timeZone: deps.config.timezone,
    period: campaign?.period ?? null,
    overrides: await loadCalendarOverrides(deps.db),
    campaignCode: campaign?.code ?? '',
  })
  if (!when.ok) return when
  const sendAt = when.value.sendAts[0]
  if (when.value.kind === 'daily' || sendAt === undefined)
    return err({ code: 'invalid-when', given: input.text, example: '08:00' })
  const result = await rescheduleApproved(deps, {
    broadcastId: head.id,
    memberId: input.memberId,
    sendAt: sendAt.toISOString(),
    actorTelegramId: input.actorTelegramId,
    consume: input.consume,
  })
  if (!result.ok) return result
  deps.wake?.()
  return {
    ok: true,
    value: { deliveryCount: result.value.deliveryCount, sendAt: sendAt.toISOString() },
  }
}
