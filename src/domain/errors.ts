/**
 * Expected refusals are values, not exceptions: the edge (bot, CLI) maps each
 * `code` to a Fluent key `error-<code>` in an exhaustive switch.
 */
export type DomainError =
  | { code: 'unknown-unit'; unitCode: string; knownCodes: string[] }
  | { code: 'not-allowed'; needed: string }
  | { code: 'wrong-chat'; expected: 'private' | 'group' | 'reply' }
  | { code: 'group-not-registered' }
  | { code: 'invalid-unit-code'; given: string }
  | { code: 'duplicate-unit'; unitCode: string }
  | { code: 'unknown-member'; reference: string }
  | { code: 'invalid-role'; given: string }
  | { code: 'cannot-change-admin' }
  | { code: 'csv-invalid'; problems: CsvProblem[] }
  // Campaigns (src/domain/campaigns/)
  | { code: 'unknown-campaign'; campaignCode: string; knownCodes: string[] }
  | { code: 'campaign-closed'; campaignCode: string }
  | { code: 'invalid-campaign-code'; given: string; example: string }
  | { code: 'duplicate-campaign-code'; campaignCode: string }
  | { code: 'invalid-campaign'; field: string; given: string }
  | { code: 'unknown-unit-id'; unitId: number }
  // Broadcasts (src/domain/broadcasts/): `example` is a correct value computed from now.
  | { code: 'invalid-when'; given: string; example: string }
  | { code: 'date-in-past'; given: string; example: string }
  | { code: 'daily-needs-period'; campaignCode: string }
  | { code: 'campaign-period-ended'; campaignCode: string; start: string | null; end: string }
  | { code: 'no-target-groups'; campaignCode: string; unitsWithoutGroup: string[] }
  | { code: 'unknown-broadcast'; broadcastId: number }
  | { code: 'broadcast-not-cancellable'; broadcastId: number; status: string }
  // Issue 12, «Sửa nội dung» / «Thu hồi» (src/domain/broadcasts/amend-access.ts).
  | { code: 'broadcast-not-own'; broadcastId: number }
  | { code: 'broadcast-recalled'; broadcastId: number }
  | { code: 'broadcast-not-delivered'; broadcastId: number }
  | { code: 'correction-too-long'; length: number; max: number }
  | { code: 'broadcast-not-awaiting-approval'; broadcastId: number; status: string }
  // Issue 12 (src/domain/approvals/, src/domain/absences/)
  | { code: 'self-approval'; broadcastId: number }
  | {
      code: 'broadcast-already-reviewed'
      broadcastId: number
      reviewer: string
      outcome: 'approved' | 'rejected'
    }
  | { code: 'other-unit-broadcast'; unitCode: string; heads: string[] }
  | { code: 'invalid-approval-switch'; given: string; example: string }
  | {
      code: 'invalid-absence'
      part: 'from' | 'to' | 'order' | 'past'
      given: string
      example: string
    }
  | { code: 'no-absence' }
  | { code: 'invalid-goal'; part: 'rate' | 'day'; given: string; example: string }
  // Buttons, reactions, replies, /thamgia (src/domain/acknowledgements/)
  | { code: 'stale-button' }
  | { code: 'wrong-chat-button' }
  | { code: 'not-target-unit' }
  | { code: 'not-a-broadcast' }
  | { code: 'no-participation-activity'; campaignCode: string | null }
  | { code: 'choose-activity'; options: ActivityChoice[] }
  // Plan import (src/domain/plans/)
  | { code: 'not-a-plan' }
  | { code: 'duplicate-plan'; campaignCode: string }
  | { code: 'plan-too-large'; maxBytes: number }
  | { code: 'plan-unsupported-type'; fileName: string }
  | { code: 'plan-not-text' }
  // Reports (src/domain/reports/)
  | { code: 'no-active-campaign' }
  | { code: 'report-other-unit'; unitCode: string }
  | { code: 'report-needs-unit' }
  | { code: 'no-report-activity'; campaignCode: string }
  | { code: 'submit-needs-content' }
  // Deadlines and reminders (src/domain/reminders/, src/domain/calendar/): `example` is correct.
  | { code: 'invalid-reminder-policy'; given: string; example: string }
  | { code: 'invalid-calendar-day'; given: string; example: string }
  | { code: 'remind-too-soon'; unitCode: string; nextAt: string }
  | { code: 'nothing-to-remind'; campaignCode: string | null }
  | { code: 'invalid-deadline'; given: string; example: string }
  | { code: 'plan-no-text-layer' }
  // An activity added by hand (src/domain/campaigns/add-activity.ts)
  | {
      code: 'invalid-activity'
      field: 'title' | 'unit' | 'due' | 'due-past'
      given: string
      known: string[]
      example: string
    }

/** An open participation activity offered as a button when /thamgia names no campaign. */
export interface ActivityChoice {
  activityId: number
  campaignCode: string
  title: string
  dueOn: string | null
}

export interface CsvProblem {
  line: number
  column: string | null
  message: string
}

export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E }

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value }
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error }
}
