import { writeAudit } from '../audit.js'
import { localDate } from '../broadcasts/parse-when.js'
import { parseDay } from '../calendar/parse-day.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { findCampaignByCode, unknownCampaign } from './campaign-queries.js'

/** `100%`, `90`, `83,3%` → 1, 0.9, 0.833; null when not a rate from 1 % to 100 %. */
export function parseGoalRate(text: string): number | null {
  const match = /^(\d{1,3}(?:[.,]\d+)?)\s*%?$/.exec(text.trim())
  if (match === null) return null
  const percent = Number(match[1]?.replace(',', '.'))
  return percent > 0 && percent <= 100 ? percent / 100 : null
}

/**
 * `/chiendich <MÃ> muctieu 100% 05/05` (issue 12): the share of «đã đọc» each
 * unit should reach, by a date (default: the campaign's first deadline).
 * /tonghop and /baocao show it. Audit-logged.
 */
export async function setCampaignGoal(
  deps: Deps,
  input: { code: string; text: string; actorTelegramId: number | null },
): Promise<Result<{ campaignCode: string; rate: number; on: string | null }>> {
  const [rateText = '', dayText] = input.text.trim().split(/\s+/)
  const example = `/chiendich ${input.code.toUpperCase()} muctieu 100% 05/05`
  const rate = parseGoalRate(rateText)
  if (rate === null) return err({ code: 'invalid-goal', part: 'rate', given: rateText, example })
  const today = localDate(deps.clock.now(), deps.config.timezone)
  const on = dayText === undefined ? null : parseDay(dayText, today)
  if (dayText !== undefined && (on === null || on < today))
    return err({ code: 'invalid-goal', part: 'day', given: dayText, example })
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    const campaign = await findCampaignByCode(trx, input.code)
    if (campaign === undefined) return unknownCampaign(trx, input.code)
    await trx
      .updateTable('campaign')
      .set({ goal_rate: rate, goal_on: on, updated_at: at })
      .where('id', '=', campaign.id)
      .execute()
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'campaign.goal',
      subject: `campaign:${campaign.code}`,
      details: { rate, on },
    })
    return ok({ campaignCode: campaign.code, rate, on })
  })
}
