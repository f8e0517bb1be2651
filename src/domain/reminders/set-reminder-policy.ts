import { writeAudit } from '../audit.js'
import { findCampaignByCode, unknownCampaign } from '../campaigns/campaign-queries.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import {
  encodeReminderPolicy,
  parseReminderPolicy,
  type ReminderPolicy,
} from './reminder-policy.js'
import { syncReminders } from './sync-reminders.js'

/**
 * `/chiendich <MÃ> nhacnho 3,1,0 08:00 | tat` (PRODUCT §4): the campaign's
 * policy, audit-logged, and its reminder rows re-planned in the same
 * transaction (what was sent stays sent; what is no longer owed is withdrawn).
 */
export async function setReminderPolicy(
  deps: Deps,
  input: { code: string; text: string; actorTelegramId: number | null },
): Promise<Result<{ campaignCode: string; policy: ReminderPolicy; planned: number }>> {
  const policy = parseReminderPolicy(input.text)
  if (policy === null)
    return err({
      code: 'invalid-reminder-policy',
      given: input.text,
      example: `/chiendich ${input.code.toUpperCase()} nhacnho 3,1,0 08:00`,
    })
  const at = nowIso(deps)
  const result = await deps.db.transaction().execute(async (trx) => {
    const campaign = await findCampaignByCode(trx, input.code)
    if (campaign === undefined) return unknownCampaign(trx, input.code)
    if (campaign.status === 'closed')
      return err({ code: 'campaign-closed' as const, campaignCode: campaign.code })
    await trx
      .updateTable('campaign')
      .set({ reminder_policy: encodeReminderPolicy(policy), updated_at: at })
      .where('id', '=', campaign.id)
      .execute()
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'campaign.reminder-policy',
      subject: `campaign:${campaign.code}`,
      details: { policy },
    })
    const { planned } = await syncReminders(deps, campaign.id, trx)
    return ok({ campaignCode: campaign.code, policy, planned })
  })
  if (result.ok) deps.wake?.()
  return result
}
