import { writeAudit } from '../audit.js'
import { findCampaignByCode, unknownCampaign } from '../campaigns/campaign-queries.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'

const ON = ['bat', 'bật', 'on']
const OFF = ['tat', 'tắt', 'off']

/**
 * `/chiendich <MÃ> duyet bat|tat` (issue 12): whether the campaign's broadcasts
 * wait for a leader's «Duyệt». Broadcasts already waiting keep waiting.
 */
export async function setApprovalRequired(
  deps: Deps,
  input: { code: string; text: string; actorTelegramId: number | null },
): Promise<Result<{ campaignCode: string; required: boolean }>> {
  const word = input.text.trim().toLowerCase()
  const required = ON.includes(word) ? true : OFF.includes(word) ? false : undefined
  if (required === undefined)
    return err({
      code: 'invalid-approval-switch',
      given: input.text.trim(),
      example: `/chiendich ${input.code.toUpperCase()} duyet bat`,
    })
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    const campaign = await findCampaignByCode(trx, input.code)
    if (campaign === undefined) return unknownCampaign(trx, input.code)
    await trx
      .updateTable('campaign')
      .set({ requires_approval: required ? 1 : 0, updated_at: at })
      .where('id', '=', campaign.id)
      .execute()
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'campaign.approval',
      subject: `campaign:${campaign.code}`,
      details: { required },
    })
    return ok({ campaignCode: campaign.code, required })
  })
}
