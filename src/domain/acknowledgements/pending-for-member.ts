import type { ActivityKind } from '../campaigns/campaign.js'
import { localDate } from '../broadcasts/parse-when.js'
import type { Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'

export interface PendingConfirmation {
  broadcastId: number
  campaignCode: string
  campaignTitle: string
  sentAt: string | null
  confirmBy: string | null
  /** Where the copy is, for a link to it. */
  chatId: number
  messageId: number | null
}

export interface PendingTask {
  activityId: number
  campaignCode: string
  title: string
  kind: ActivityKind
  dueOn: string | null
  dueText: string | null
  overdue: boolean
  /** `participation` for the member; `report` for the unit, shown to its head. */
  for: 'member' | 'unit'
}

export interface MemberPending {
  toConfirm: PendingConfirmation[]
  toDo: PendingTask[]
}

/**
 * /cuatoi (PRODUCT §3): what this person still has to confirm — broadcasts of
 * campaigns not closed, delivered to their unit's groups, without their
 * acknowledgement — and to do: open participation activities of active
 * campaigns targeting their unit without their participation, and, for a
 * head, report activities led by their unit with no submission yet.
 * Earliest due first; undated last.
 */
export async function pendingForMember(
  deps: Deps,
  memberId: number,
): Promise<Result<MemberPending>> {
  const member = await deps.db
    .selectFrom('member')
    .select(['id', 'unit_id', 'role'])
    .where('id', '=', memberId)
    .executeTakeFirst()
  if (member === undefined) return err({ code: 'unknown-member', reference: String(memberId) })
  if (member.unit_id === null) return ok({ toConfirm: [], toDo: [] })
  const unitId = member.unit_id
  const today = localDate(deps.clock.now(), deps.config.timezone)

  const confirmRows = await deps.db
    .selectFrom('delivery')
    .innerJoin('broadcast', 'broadcast.id', 'delivery.broadcast_id')
    .innerJoin('campaign', 'campaign.id', 'broadcast.campaign_id')
    .select([
      'broadcast.id as broadcast_id',
      'campaign.code',
      'campaign.title',
      'delivery.sent_at',
      'broadcast.confirm_by',
      'delivery.chat_id',
      'delivery.message_id',
    ])
    .where('delivery.unit_id', '=', unitId)
    .where('delivery.state', '=', 'sent')
    .where('delivery.recall_state', 'is', null)
    .where('broadcast.recalled_at', 'is', null)
    .where('campaign.status', '!=', 'closed')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('acknowledgement')
            .select('acknowledgement.id')
            .whereRef('acknowledgement.broadcast_id', '=', 'broadcast.id')
            .where('acknowledgement.member_id', '=', member.id),
        ),
      ),
    )
    .orderBy('delivery.sent_at')
    .execute()
  const seen = new Set<number>()
  const toConfirm: PendingConfirmation[] = []
  for (const row of confirmRows) {
    if (seen.has(row.broadcast_id)) continue
    seen.add(row.broadcast_id)
    toConfirm.push({
      broadcastId: row.broadcast_id,
      campaignCode: row.code,
      campaignTitle: row.title,
      sentAt: row.sent_at,
      confirmBy: row.confirm_by,
      chatId: row.chat_id,
      messageId: row.message_id,
    })
  }

  const participationRows = await deps.db
    .selectFrom('activity')
    .innerJoin('campaign', 'campaign.id', 'activity.campaign_id')
    .innerJoin('campaign_target', 'campaign_target.campaign_id', 'campaign.id')
    .select([
      'activity.id',
      'campaign.code',
      'activity.title',
      'activity.kind',
      'activity.due_on',
      'activity.due_text',
    ])
    .where('campaign.status', '=', 'active')
    .where('campaign_target.unit_id', '=', unitId)
    .where('activity.kind', '=', 'participation')
    .where((eb) => eb.or([eb('activity.due_on', 'is', null), eb('activity.due_on', '>=', today)]))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('participation')
            .select('participation.id')
            .whereRef('participation.activity_id', '=', 'activity.id')
            .where('participation.member_id', '=', member.id),
        ),
      ),
    )
    .execute()
  const toDo: PendingTask[] = participationRows.map((r) => ({
    activityId: r.id,
    campaignCode: r.code,
    title: r.title,
    kind: r.kind,
    dueOn: r.due_on,
    dueText: r.due_text,
    overdue: false,
    for: 'member',
  }))

  if (member.role === 'head') {
    const reportRows = await deps.db
      .selectFrom('activity')
      .innerJoin('campaign', 'campaign.id', 'activity.campaign_id')
      .select([
        'activity.id',
        'campaign.code',
        'activity.title',
        'activity.kind',
        'activity.due_on',
        'activity.due_text',
      ])
      .where('campaign.status', '=', 'active')
      .where('activity.kind', '=', 'report')
      .where('activity.lead_unit_id', '=', unitId)
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('report_submission')
              .select('report_submission.id')
              .whereRef('report_submission.activity_id', '=', 'activity.id')
              .where('report_submission.unit_id', '=', unitId),
          ),
        ),
      )
      .execute()
    for (const r of reportRows) {
      toDo.push({
        activityId: r.id,
        campaignCode: r.code,
        title: r.title,
        kind: r.kind,
        dueOn: r.due_on,
        dueText: r.due_text,
        overdue: r.due_on !== null && r.due_on < today,
        for: 'unit',
      })
    }
  }
  toDo.sort((a, b) => {
    if (a.dueOn === b.dueOn) return a.activityId - b.activityId
    if (a.dueOn === null) return 1
    if (b.dueOn === null) return -1
    return a.dueOn < b.dueOn ? -1 : 1
  })
  return ok({ toConfirm, toDo })
}
