import { writeAudit } from '../audit.js'
import { localDate } from '../broadcasts/parse-when.js'
import type { Campaign } from '../campaigns/campaign.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { enqueueOutbound } from '../outbound/outbound.js'
import type { Member } from '../units/member.js'
import { officeContacts } from '../units/members.js'
import { can, type Role } from '../units/roles.js'
import { findUnitById, type Unit } from '../units/unit-repository.js'
import { submissionStatus } from './report-figures.js'

export interface SubmissionContent {
  text: string | null
  documentFileId: string | null
  documentName: string | null
}

export interface ReportActivityOption {
  activityId: number
  title: string
  dueOn: string | null
}

/** What the office is told, for the edge to word in each reader's language. */
export interface SubmissionNotice {
  campaign: Campaign
  unit: Unit
  activity: ReportActivityOption
  byName: string
  at: string
  late: boolean
}

export interface SubmittedReport {
  submissionId: number
  unit: Unit
  activity: ReportActivityOption
  at: string
  late: boolean
  /** True when an earlier submission existed; it stays in the history. */
  replaced: boolean
}

/** The campaign's report activities, in plan order. */
export async function reportActivities(
  deps: Pick<Deps, 'db'>,
  campaignId: number,
): Promise<ReportActivityOption[]> {
  const rows = await deps.db
    .selectFrom('activity')
    .select(['id', 'title', 'due_on'])
    .where('campaign_id', '=', campaignId)
    .where('kind', '=', 'report')
    .orderBy('position')
    .execute()
  return rows.map((r) => ({ activityId: r.id, title: r.title, dueOn: r.due_on }))
}

/**
 * /nopbaocao: records the unit's submission for a report activity of the
 * campaign and, in the same transaction, queues a private note to each office
 * contact (PRODUCT §3). A later submission replaces the earlier; both are kept.
 * With several report activities and none chosen, returns them to choose from.
 */
export async function submitReport(
  deps: Deps,
  input: {
    campaign: Campaign
    activityId: number | null
    submitter: Member
    role: Role
    content: SubmissionContent
    /** The note's HTML in a reader's language (null: the default locale). */
    renderNotice: (language: string | null, notice: SubmissionNotice) => string
  },
): Promise<Result<SubmittedReport | { choose: ReportActivityOption[] }>> {
  if (!can(input.role, 'read-own-unit-report'))
    return err({ code: 'not-allowed', needed: 'read-own-unit-report' })
  if (input.submitter.unitId === null) return err({ code: 'report-needs-unit' })
  const { content } = input
  if ((content.text === null || content.text.trim() === '') && content.documentFileId === null)
    return err({ code: 'submit-needs-content' })
  const options = await reportActivities(deps, input.campaign.id)
  if (options.length === 0)
    return err({ code: 'no-report-activity', campaignCode: input.campaign.code })
  let activity: ReportActivityOption | undefined
  if (input.activityId === null) {
    if (options.length > 1) return ok({ choose: options })
    activity = options[0]
  } else activity = options.find((o) => o.activityId === input.activityId)
  if (activity === undefined) return err({ code: 'stale-button' })
  const unit = await findUnitById(deps.db, input.submitter.unitId)
  if (unit === undefined) return err({ code: 'unknown-unit-id', unitId: input.submitter.unitId })

  const at = nowIso(deps)
  const today = localDate(new Date(at), deps.config.timezone)
  const late = submissionStatus(today, activity.dueOn, today) === 'late'
  const contacts = await officeContacts(deps)
  const chosen = activity
  const saved = await deps.db.transaction().execute(async (trx) => {
    const earlier = await trx
      .selectFrom('report_submission')
      .select('id')
      .where('activity_id', '=', chosen.activityId)
      .where('unit_id', '=', unit.id)
      .executeTakeFirst()
    const row = await trx
      .insertInto('report_submission')
      .values({
        activity_id: chosen.activityId,
        unit_id: unit.id,
        submitted_by: input.submitter.id,
        text: content.text,
        document_file_id: content.documentFileId,
        document_name: content.documentName,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const notice: SubmissionNotice = {
      campaign: input.campaign,
      unit,
      activity: chosen,
      byName: input.submitter.fullName,
      at,
      late,
    }
    await enqueueOutbound(
      trx,
      contacts
        .filter((c) => c.chatId !== input.submitter.privateChatId)
        .map((c) => ({
          key: `report-submission:${row.id}:chat:${c.chatId}`,
          kind: 'office-notice',
          chatId: c.chatId,
          payload: { html: input.renderNotice(c.language, notice) },
          notBefore: at,
        })),
      at,
    )
    await writeAudit(trx, {
      at,
      actorTelegramId: input.submitter.telegramId,
      action: 'report.submit',
      subject: `unit:${unit.code}`,
      details: {
        campaign: input.campaign.code,
        activityId: chosen.activityId,
        submissionId: row.id,
      },
    })
    return { id: row.id, replaced: earlier !== undefined }
  })
  return ok({ submissionId: saved.id, unit, activity: chosen, at, late, replaced: saved.replaced })
}

/** A submission offered back by /baocao's button: who may fetch it is decided by the caller's role. */
export async function findSubmission(
  deps: Pick<Deps, 'db'>,
  id: number,
): Promise<
  | { id: number; unitId: number; documentFileId: string | null; documentName: string | null }
  | undefined
> {
  const row = await deps.db
    .selectFrom('report_submission')
    .select(['id', 'unit_id', 'document_file_id', 'document_name'])
    .where('id', '=', id)
    .executeTakeFirst()
  return (
    row && {
      id: row.id,
      unitId: row.unit_id,
      documentFileId: row.document_file_id,
      documentName: row.document_name,
    }
  )
}
