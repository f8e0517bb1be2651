import { z } from 'zod'
import type { Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { listUnits } from '../units/unit-repository.js'
import { createCampaign, type CreatedCampaign } from './create-campaign.js'

/**
 * The short guided flow for creating a campaign by hand (`/chiendich moi`):
 * title, then period, then slogans, then a preview. The draft lives in
 * pending_action, so a restart in the middle loses nothing.
 */
export const campaignDraftSchema = z.object({
  step: z.enum(['title', 'period', 'slogans', 'preview']),
  title: z.string().nullable(),
  period: z.object({ start: z.string(), end: z.string() }).nullable(),
  slogans: z.array(z.string()),
})
export type CampaignDraft = z.infer<typeof campaignDraftSchema>

const KIND = 'campaign-draft'
const SKIP = ['bỏ qua', 'bo qua', 'boqua', 'skip', '-']

export async function startCampaignDraft(deps: Deps, memberId: number): Promise<CampaignDraft> {
  await deps.db
    .deleteFrom('pending_action')
    .where('member_id', '=', memberId)
    .where('kind', '=', KIND)
    .execute()
  const draft: CampaignDraft = { step: 'title', title: null, period: null, slogans: [] }
  const now = deps.clock.now()
  await deps.db
    .insertInto('pending_action')
    .values({
      member_id: memberId,
      kind: KIND,
      payload: JSON.stringify(draft),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 24 * 3600_000).toISOString(),
    })
    .execute()
  return draft
}

export async function findCampaignDraft(
  deps: Deps,
  memberId: number,
): Promise<CampaignDraft | undefined> {
  const row = await deps.db
    .selectFrom('pending_action')
    .select('payload')
    .where('member_id', '=', memberId)
    .where('kind', '=', KIND)
    .where('expires_at', '>', deps.clock.now().toISOString())
    .executeTakeFirst()
  if (row === undefined) return undefined
  const parsed = campaignDraftSchema.safeParse(JSON.parse(row.payload))
  return parsed.success ? parsed.data : undefined
}

async function saveDraft(deps: Deps, memberId: number, draft: CampaignDraft): Promise<void> {
  await deps.db
    .updateTable('pending_action')
    .set({ payload: JSON.stringify(draft) })
    .where('member_id', '=', memberId)
    .where('kind', '=', KIND)
    .execute()
}

/** The draft's pending-action id, which the preview's buttons carry. */
export async function campaignDraftId(deps: Deps, memberId: number): Promise<number | undefined> {
  const row = await deps.db
    .selectFrom('pending_action')
    .select('id')
    .where('member_id', '=', memberId)
    .where('kind', '=', KIND)
    .executeTakeFirst()
  return row?.id
}

export const CAMPAIGN_DRAFT_KIND = KIND

export async function dropCampaignDraft(deps: Deps, memberId: number): Promise<void> {
  await deps.db
    .deleteFrom('pending_action')
    .where('member_id', '=', memberId)
    .where('kind', '=', KIND)
    .execute()
}

/** `15/04/2024 - 01/05/2024` (also `–`, `đến`) → ISO dates, start not after end. */
export function parsePeriod(
  text: string,
): { start: string; end: string; reversed?: true } | undefined {
  const match =
    /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*(?:-|–|đến|den|to)\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/i.exec(
      text,
    )
  if (match === null) return undefined
  const iso = (d: string, m: string, y: string) => {
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)))
    const ok = date.getUTCDate() === Number(d) && date.getUTCMonth() === Number(m) - 1
    return ok ? date.toISOString().slice(0, 10) : undefined
  }
  const start = iso(match[1]!, match[2]!, match[3]!)
  const end = iso(match[4]!, match[5]!, match[6]!)
  if (start === undefined || end === undefined) return undefined
  // Two good dates the wrong way round: say that, not "not understood" (issue 11, point 7).
  if (start > end) return { start, end, reversed: true }
  return { start, end }
}

/** Takes the answer to the current step; an answer that does not fit leaves the draft where it was. */
export async function answerCampaignDraft(
  deps: Deps,
  memberId: number,
  answer: string,
): Promise<
  Result<
    CampaignDraft,
    {
      code: 'invalid-campaign'
      field: string
      given: string
      period?: { start: string; end: string }
    }
  >
> {
  const draft = await findCampaignDraft(deps, memberId)
  if (draft === undefined) return err({ code: 'invalid-campaign', field: 'draft', given: answer })
  const text = answer.trim()
  const skipped = SKIP.includes(text.toLowerCase())
  let next: CampaignDraft
  switch (draft.step) {
    case 'title':
      if (text.length < 3 || skipped)
        return err({ code: 'invalid-campaign', field: 'title', given: text })
      next = { ...draft, title: text.slice(0, 300), step: 'period' }
      break
    case 'period': {
      const period = skipped ? null : parsePeriod(text)
      if (period === undefined)
        return err({ code: 'invalid-campaign', field: 'period', given: text })
      if (period?.reversed === true)
        return err({
          code: 'invalid-campaign',
          field: 'period-order',
          given: text,
          period: { start: period.start, end: period.end },
        })
      next = { ...draft, period, step: 'slogans' }
      break
    }
    case 'slogans':
      next = {
        ...draft,
        slogans: skipped
          ? []
          : text
              .split('\n')
              .map((s) =>
                s
                  .trim()
                  .replace(/^["“”-]+|["“”]+$/g, '')
                  .trim(),
              )
              .filter(Boolean),
        step: 'preview',
      }
      break
    case 'preview':
      return ok(draft)
  }
  await saveDraft(deps, memberId, next)
  return ok(next)
}

/** "Xác nhận": the campaign, through the one creation function, targeting every unit, as a draft. */
export async function createCampaignFromDraft(
  deps: Deps,
  input: { memberId: number; actorTelegramId: number | null },
): Promise<Result<CreatedCampaign> | undefined> {
  const draft = await findCampaignDraft(deps, input.memberId)
  const draftId = await campaignDraftId(deps, input.memberId)
  if (draft?.step !== 'preview' || draft.title === null || draftId === undefined) return undefined
  const units = await listUnits(deps.db)
  // The draft is spent inside the transaction that creates the campaign (issue 8).
  const created = await createCampaign(
    deps,
    {
      title: draft.title,
      period: draft.period,
      slogans: draft.slogans,
      targetUnitIds: units.map((u) => u.id),
      activities: [],
      createdByMemberId: input.memberId,
      actorTelegramId: input.actorTelegramId,
      status: 'draft',
    },
    { consume: { id: draftId, memberId: input.memberId, kind: KIND } },
  )
  if (!created.ok && created.error.code === 'stale-button') return undefined
  return created
}
