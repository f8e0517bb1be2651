import type { Generated } from 'kysely'

/**
 * Table types for kysely.
 *
 * Instants are UTC ISO-8601 text with milliseconds and a `Z`
 * (`2024-04-15T01:00:00.000Z`, as `Date.prototype.toISOString` writes them),
 * everywhere, and are compared as text: that order is the time order, on SQLite
 * and PostgreSQL alike, so no SQL date function is ever needed. The app writes
 * every instant itself from `deps.clock`. Calendar dates are `YYYY-MM-DD` text,
 * booleans 0/1, lists JSON text. Telegram ids are `bigint` columns read as
 * numbers (they fit in 53 bits).
 */
export interface Database {
  unit: UnitTable
  unit_chat: UnitChatTable
  member: MemberTable
  chat_membership: ChatMembershipTable
  campaign: CampaignTable
  campaign_target: CampaignTargetTable
  activity: ActivityTable
  broadcast: BroadcastTable
  broadcast_target: BroadcastTargetTable
  delivery: DeliveryTable
  acknowledgement: AcknowledgementTable
  participation: ParticipationTable
  report_submission: ReportSubmissionTable
  reminder: ReminderTable
  task_completion: TaskCompletionTable
  goal_notice: GoalNoticeTable
  delivery_message: DeliveryMessageTable
  outbound_message: OutboundMessageTable
  absence: AbsenceTable
  calendar_day: CalendarDayTable
  inbound_update: InboundUpdateTable
  pending_action: PendingActionTable
  chat_notice: ChatNoticeTable
  audit_log: AuditLogTable
}

export type RoleName = 'member' | 'head' | 'leader' | 'office' | 'admin'

export interface UnitTable {
  id: Generated<number>
  code: string
  name: string
  parent_id: number | null
  created_at: Generated<string>
  updated_at: Generated<string>
}

export interface UnitChatTable {
  id: Generated<number>
  unit_id: number
  chat_id: number
  thread_id: number | null
  title: string
  is_active: Generated<number>
  inactive_reason: string | null
  bot_is_admin: Generated<number>
  member_count: number | null
  registered_by: number | null
  created_at: Generated<string>
  updated_at: Generated<string>
}

export interface MemberTable {
  id: Generated<number>
  telegram_id: number | null
  username: string | null
  full_name: string
  unit_id: number | null
  role: Generated<RoleName>
  in_roster: Generated<number>
  telegram_language: string | null
  chosen_language: string | null
  private_chat_id: number | null
  last_seen_at: string | null
  created_at: Generated<string>
  updated_at: Generated<string>
}

export interface ChatMembershipTable {
  member_id: number
  chat_id: number
  status: 'present' | 'left'
  updated_at: Generated<string>
}

export interface CampaignTable {
  id: Generated<number>
  code: string
  title: string
  plan_number: string | null
  issuer: string | null
  place: string | null
  issued_on: string | null
  period_start: string | null
  period_end: string | null
  slogans: Generated<string>
  status: Generated<'draft' | 'active' | 'closed'>
  requires_approval: Generated<number>
  goal_rate: number | null
  /** 0003: the goal's date (YYYY-MM-DD); null: the campaign's first deadline. */
  goal_on: string | null
  reminder_policy: string | null
  source_fingerprint: string | null
  created_by: number | null
  created_at: Generated<string>
  updated_at: Generated<string>
}

export interface CampaignTargetTable {
  campaign_id: number
  unit_id: number
}

export interface ActivityTable {
  id: Generated<number>
  campaign_id: number
  position: number
  title: string
  kind: 'participation' | 'task' | 'report'
  lead_unit_id: number | null
  lead_text: string | null
  coordinators: Generated<string>
  starts_on: string | null
  due_on: string | null
  due_text: string | null
  created_at: Generated<string>
}

export type BroadcastStatus =
  'awaiting_approval' | 'scheduled' | 'sending' | 'sent' | 'cancelled' | 'rejected'

export interface BroadcastTable {
  id: Generated<number>
  campaign_id: number
  series_id: number | null
  source_chat_id: number
  source_message_ids: string
  slogan: string | null
  send_at: string
  confirm_by: string | null
  status: BroadcastStatus
  urgent: Generated<number>
  created_by: number | null
  reviewed_by: number | null
  reviewed_at: string | null
  review_note: string | null
  created_at: Generated<string>
  updated_at: Generated<string>
  /** 0004: the text after the last «Sửa nội dung»; null while the original stands. */
  content_html: string | null
  edited_at: string | null
  /** 0004: set by «Thu hồi»; a recalled broadcast owes nothing any more. */
  recalled_at: string | null
  /** 0004: the member who recalled it; the final report goes to them. */
  recalled_by: number | null
}

export interface BroadcastTargetTable {
  broadcast_id: number
  unit_id: number
}

export type DeliveryState = 'pending' | 'sending' | 'sent' | 'failed'

export interface DeliveryTable {
  id: Generated<number>
  broadcast_id: number
  unit_chat_id: number
  unit_id: number
  chat_id: number
  thread_id: number | null
  state: Generated<DeliveryState>
  attempts: Generated<number>
  next_attempt_at: string
  claimed_by: string | null
  lease_until: string | null
  message_id: number | null
  message_ids: string | null
  sent_at: string | null
  error_code: number | null
  failure_reason: string | null
  /** Acknowledgements on this copy, kept in the transaction of each insert. */
  acknowledged: Generated<number>
  /** This unit's participants in the campaign's open activity, as on the keyboard. */
  participants: Generated<number>
  /** Bumped by each tap that changes the counts; refreshed_version is what the keyboard shows. */
  keyboard_version: Generated<number>
  refreshed_version: Generated<number>
  keyboard_refreshed_at: string | null
  /** Issue 12: when the «KHẨN» line above an urgent copy went out (sent once, retries or not). */
  urgent_line_at: string | null
  updated_at: Generated<string>
  /** 0004: null for a live copy; set by «Thu hồi» (src/domain/broadcasts/recall-broadcast.ts). */
  recall_state: RecallState | null
}

export type RecallState = 'pending' | 'deleted' | 'too-old' | 'refused'

export type AcknowledgementSource = 'button' | 'reaction' | 'reply' | 'command'

export interface AcknowledgementTable {
  id: Generated<number>
  broadcast_id: number
  member_id: number
  delivery_id: number | null
  source: AcknowledgementSource
  created_at: string
}

export interface ParticipationTable {
  id: Generated<number>
  activity_id: number
  member_id: number
  note: string | null
  photo_file_id: string | null
  source: 'button' | 'command'
  created_at: string
}

export interface ReportSubmissionTable {
  id: Generated<number>
  activity_id: number
  unit_id: number
  submitted_by: number | null
  text: string | null
  document_file_id: string | null
  document_name: string | null
  created_at: string
}

export interface ReminderTable {
  id: Generated<number>
  key: string
  kind: string
  campaign_id: number | null
  activity_id: number | null
  broadcast_id: number | null
  unit_id: number | null
  member_id: number | null
  due_on: string | null
  scheduled_at: string
  state: Generated<'pending' | 'sending' | 'sent' | 'skipped'>
  sent_at: string | null
  created_at: Generated<string>
  /** 0002: `d3`, `d1`, `d0`, `overdue` or `manual` (/nhacnho). */
  slot: Generated<string>
  /** 0002: `unit` (its group, pending members, heads) or `office`. */
  audience: Generated<'unit' | 'office'>
  /** 0002: messages queued when sent; 0 when nobody was pending. */
  message_count: number | null
}

/** 0002: a task activity marked done by a unit («✅ Đã hoàn thành»). */
/** 0005 (issue 12): a unit found behind the campaign goal's pace, told once. */
/** Every message of a sent copy, so a reaction or reply on any of them finds the copy (0007). */
export interface DeliveryMessageTable {
  chat_id: number
  message_id: number
  delivery_id: number
}

export interface GoalNoticeTable {
  campaign_id: number
  unit_id: number
  told_on: string
  rate: number
}

export interface TaskCompletionTable {
  activity_id: number
  unit_id: number
  done_by: number | null
  done_at: string
}

export type OutboundState = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled'

/** A message the bot owes a chat on its own (reminder, office notice): see src/domain/outbound/. */
export interface OutboundMessageTable {
  id: Generated<number>
  key: string
  kind: string
  chat_id: number
  thread_id: number | null
  /** JSON of OutboundPayload (src/domain/outbound/outbound.ts). */
  payload: string
  state: Generated<OutboundState>
  not_before: string
  attempts: Generated<number>
  claimed_by: string | null
  lease_until: string | null
  message_id: number | null
  sent_at: string | null
  error_code: number | null
  failure_reason: string | null
  created_at: string
}

export interface AbsenceTable {
  id: Generated<number>
  member_id: number
  from_on: string
  to_on: string
  reason: string | null
  created_by: number | null
  created_at: Generated<string>
}

export interface CalendarDayTable {
  day: string
  kind: 'workday' | 'holiday'
  note: string | null
  created_at: Generated<string>
}

export interface InboundUpdateTable {
  update_id: number
  payload: string
  received_at: string
  claimed_by: string | null
  lease_until: string | null
  handled_at: string | null
}

export interface PendingActionTable {
  id: Generated<number>
  member_id: number
  kind: string
  payload: string
  created_at: string
  expires_at: string
}

export interface AuditLogTable {
  id: Generated<number>
  at: string
  actor_telegram_id: number | null
  action: string
  subject: string | null
  details: Generated<string>
}

export interface ChatNoticeTable {
  chat_id: number
  kind: string
  sent_at: string
}
