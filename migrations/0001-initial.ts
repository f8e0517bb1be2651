import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely } from 'kysely'

/**
 * The whole of PRODUCT §2 in one schema, shaped so §10 (approval, excused
 * members, agency calendar, urgent broadcasts) and §11 (PostgreSQL, several
 * instances claiming rows) fit without rework. Frozen: later changes are new files.
 *
 * Conventions: instants are UTC ISO-8601 text, calendar dates `YYYY-MM-DD` text,
 * booleans integers 0/1, lists JSON text. Telegram ids (chats, users, messages,
 * updates) are 64-bit integers (`bigint`): PostgreSQL needs it, and the values fit
 * in JavaScript's 53-bit safe range, as Telegram promises.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time (kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  // §11: the same schema on both engines; the only differences are the
  // default instant's expression and how an id is generated.
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter
  const now = postgres
    ? sql`(to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))`
    : sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`
  const id = (c: ColumnDefinitionBuilder) =>
    postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()

  await db.schema
    .createTable('unit')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('parent_id', 'integer', (c) => c.references('unit.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  // A unit's Telegram groups. One chat belongs to one unit; a forum supergroup
  // may point at one topic (thread_id), where the bot then posts.
  await db.schema
    .createTable('unit_chat')
    .addColumn('id', 'integer', id)
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('chat_id', 'bigint', (c) => c.notNull().unique())
    .addColumn('thread_id', 'bigint')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('inactive_reason', 'text')
    .addColumn('bot_is_admin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('member_count', 'integer')
    .addColumn('registered_by', 'bigint')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('unit_chat_unit_idx').on('unit_chat').column('unit_id').execute()

  await db.schema
    .createTable('member')
    .addColumn('id', 'integer', id)
    // A roster row may name someone by username before the bot has seen their id.
    .addColumn('telegram_id', 'bigint', (c) => c.unique())
    .addColumn('username', 'text')
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id').onDelete('set null'))
    .addColumn('role', 'text', (c) =>
      c
        .notNull()
        .defaultTo('member')
        .check(sql`role in ('member', 'head', 'leader', 'office', 'admin')`),
    )
    .addColumn('in_roster', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('telegram_language', 'text')
    .addColumn('chosen_language', 'text')
    .addColumn('private_chat_id', 'bigint')
    .addColumn('last_seen_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema.createIndex('member_unit_idx').on('member').columns(['unit_id', 'role']).execute()
  await db.schema.createIndex('member_username_idx').on('member').column('username').execute()

  // Who is (or was) in which group: learned from messages, taps, reactions, joins and leaves.
  await db.schema
    .createTable('chat_membership')
    .addColumn('member_id', 'integer', (c) =>
      c.notNull().references('member.id').onDelete('cascade'),
    )
    .addColumn('chat_id', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('present', 'left')`))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('chat_membership_pk', ['member_id', 'chat_id'])
    .execute()
  await db.schema
    .createIndex('chat_membership_chat_idx')
    .on('chat_membership')
    .column('chat_id')
    .execute()

  await db.schema
    .createTable('campaign')
    .addColumn('id', 'integer', id)
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('plan_number', 'text')
    .addColumn('issuer', 'text')
    .addColumn('place', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('period_start', 'text')
    .addColumn('period_end', 'text')
    .addColumn('slogans', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'active', 'closed')`),
    )
    // §10: approval before sending, campaign goal, reminder policy overrides.
    .addColumn('requires_approval', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('goal_rate', 'double precision')
    .addColumn('reminder_policy', 'text')
    // Fingerprint of the imported plan text: importing it twice warns instead of duplicating.
    .addColumn('source_fingerprint', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('member.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('campaign_fingerprint_idx')
    .on('campaign')
    .column('source_fingerprint')
    .execute()

  await db.schema
    .createTable('campaign_target')
    .addColumn('campaign_id', 'integer', (c) =>
      c.notNull().references('campaign.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('campaign_target_pk', ['campaign_id', 'unit_id'])
    .execute()

  await db.schema
    .createTable('activity')
    .addColumn('id', 'integer', id)
    .addColumn('campaign_id', 'integer', (c) =>
      c.notNull().references('campaign.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('participation', 'task', 'report')`),
    )
    .addColumn('lead_unit_id', 'integer', (c) => c.references('unit.id').onDelete('set null'))
    // The lead as the plan printed it, kept when it matched no known unit.
    .addColumn('lead_text', 'text')
    .addColumn('coordinators', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('starts_on', 'text')
    .addColumn('due_on', 'text')
    .addColumn('due_text', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('activity_campaign_idx')
    .on('activity')
    .columns(['campaign_id', 'position'])
    .execute()
  await db.schema.createIndex('activity_due_idx').on('activity').column('due_on').execute()

  // One composed message scheduled once. A "hằng ngày" schedule becomes one row per
  // working day sharing series_id, so every send has its own deliveries and acks.
  await db.schema
    .createTable('broadcast')
    .addColumn('id', 'integer', id)
    .addColumn('campaign_id', 'integer', (c) =>
      c.notNull().references('campaign.id').onDelete('cascade'),
    )
    .addColumn('series_id', 'integer')
    .addColumn('source_chat_id', 'bigint', (c) => c.notNull())
    .addColumn('source_message_ids', 'text', (c) => c.notNull())
    .addColumn('slogan', 'text')
    .addColumn('send_at', 'text', (c) => c.notNull())
    .addColumn('confirm_by', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`status in ('awaiting_approval', 'scheduled', 'sending', 'sent', 'cancelled', 'rejected')`,
        ),
    )
    .addColumn('urgent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('member.id').onDelete('set null'))
    .addColumn('reviewed_by', 'integer', (c) => c.references('member.id').onDelete('set null'))
    .addColumn('reviewed_at', 'text')
    .addColumn('review_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('broadcast_due_idx')
    .on('broadcast')
    .columns(['status', 'send_at'])
    .execute()
  await db.schema
    .createIndex('broadcast_campaign_idx')
    .on('broadcast')
    .column('campaign_id')
    .execute()
  await db.schema.createIndex('broadcast_series_idx').on('broadcast').column('series_id').execute()

  await db.schema
    .createTable('broadcast_target')
    .addColumn('broadcast_id', 'integer', (c) =>
      c.notNull().references('broadcast.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('broadcast_target_pk', ['broadcast_id', 'unit_id'])
    .execute()

  // The outbox: one row per (broadcast, unit chat), pending → sending → sent | failed.
  // After a crash only rows left in `sending` may be repeated.
  await db.schema
    .createTable('delivery')
    .addColumn('id', 'integer', id)
    .addColumn('broadcast_id', 'integer', (c) =>
      c.notNull().references('broadcast.id').onDelete('cascade'),
    )
    .addColumn('unit_chat_id', 'integer', (c) =>
      c.notNull().references('unit_chat.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('chat_id', 'bigint', (c) => c.notNull())
    .addColumn('thread_id', 'bigint')
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`state in ('pending', 'sending', 'sent', 'failed')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    // A claim: the worker that holds the row and until when (src/db/claim.ts).
    .addColumn('claimed_by', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('message_id', 'bigint')
    .addColumn('message_ids', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('error_code', 'integer')
    .addColumn('failure_reason', 'text')
    // Counters kept by the taps themselves, so a tap never counts rows (issue 8).
    .addColumn('acknowledged', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('participants', 'integer', (c) => c.notNull().defaultTo(0))
    // The keyboard shows counts as of refreshed_version; a tap bumps keyboard_version.
    .addColumn('keyboard_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('refreshed_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('keyboard_refreshed_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('delivery_broadcast_chat_uq', ['broadcast_id', 'unit_chat_id'])
    .execute()
  await db.schema
    .createIndex('delivery_queue_idx')
    .on('delivery')
    .columns(['state', 'next_attempt_at'])
    .execute()
  await db.schema
    .createIndex('delivery_message_idx')
    .on('delivery')
    .columns(['chat_id', 'message_id'])
    .execute()
  await db.schema
    .createIndex('delivery_unit_idx')
    .on('delivery')
    .columns(['unit_id', 'broadcast_id'])
    .execute()
  // Only the copies whose keyboard is behind its counts: a partial index stays small.
  await db.schema
    .createIndex('delivery_keyboard_idx')
    .on('delivery')
    .column('id')
    .where(sql.ref('keyboard_version'), '<>', sql.ref('refreshed_version'))
    .execute()
  await db.schema
    .createIndex('delivery_unit_chat_idx')
    .on('delivery')
    .columns(['unit_chat_id', 'state'])
    .execute()

  await db.schema
    .createTable('acknowledgement')
    .addColumn('id', 'integer', id)
    .addColumn('broadcast_id', 'integer', (c) =>
      c.notNull().references('broadcast.id').onDelete('cascade'),
    )
    .addColumn('member_id', 'integer', (c) =>
      c.notNull().references('member.id').onDelete('cascade'),
    )
    .addColumn('delivery_id', 'integer', (c) => c.references('delivery.id').onDelete('set null'))
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('button', 'reaction', 'reply', 'command')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('acknowledgement_uq', ['broadcast_id', 'member_id'])
    .execute()
  await db.schema
    .createIndex('acknowledgement_member_idx')
    .on('acknowledgement')
    .column('member_id')
    .execute()
  await db.schema
    .createIndex('acknowledgement_delivery_idx')
    .on('acknowledgement')
    .column('delivery_id')
    .execute()

  await db.schema
    .createTable('participation')
    .addColumn('id', 'integer', id)
    .addColumn('activity_id', 'integer', (c) =>
      c.notNull().references('activity.id').onDelete('cascade'),
    )
    .addColumn('member_id', 'integer', (c) =>
      c.notNull().references('member.id').onDelete('cascade'),
    )
    .addColumn('note', 'text')
    .addColumn('photo_file_id', 'text')
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('button', 'command')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('participation_uq', ['activity_id', 'member_id'])
    .execute()
  await db.schema
    .createIndex('participation_member_idx')
    .on('participation')
    .column('member_id')
    .execute()

  // Every submission is kept; the newest per (activity, unit) is the one that counts.
  await db.schema
    .createTable('report_submission')
    .addColumn('id', 'integer', id)
    .addColumn('activity_id', 'integer', (c) =>
      c.notNull().references('activity.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('submitted_by', 'integer', (c) => c.references('member.id').onDelete('set null'))
    .addColumn('text', 'text')
    .addColumn('document_file_id', 'text')
    .addColumn('document_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('report_submission_unit_idx')
    .on('report_submission')
    .columns(['activity_id', 'unit_id', 'created_at'])
    .execute()

  // A reminder the scheduler owes. The key (e.g. `due:42:unit:3:d-1`) makes "at most once" a constraint.
  await db.schema
    .createTable('reminder')
    .addColumn('id', 'integer', id)
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'integer', (c) => c.references('campaign.id').onDelete('cascade'))
    .addColumn('activity_id', 'integer', (c) => c.references('activity.id').onDelete('cascade'))
    .addColumn('broadcast_id', 'integer', (c) => c.references('broadcast.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.references('unit.id').onDelete('cascade'))
    .addColumn('member_id', 'integer', (c) => c.references('member.id').onDelete('cascade'))
    .addColumn('due_on', 'text')
    .addColumn('scheduled_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`state in ('pending', 'sending', 'sent', 'skipped')`),
    )
    .addColumn('sent_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('reminder_queue_idx')
    .on('reminder')
    .columns(['state', 'scheduled_at'])
    .execute()
  // Cascading deletes and lookups by what a reminder is about.
  for (const column of ['campaign_id', 'activity_id', 'broadcast_id', 'unit_id', 'member_id']) {
    await db.schema
      .createIndex(`reminder_${column.replace('_id', '')}_idx`)
      .on('reminder')
      .column(column)
      .execute()
  }

  // The one outbound queue for everything the bot sends on its own that is not a
  // broadcast copy: reminders, office notices, nudges (PRODUCT §4, §9). The key is
  // the idempotency key written before the send ("reminder:17:member:4").
  await db.schema
    .createTable('outbound_message')
    .addColumn('id', 'integer', id)
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('chat_id', 'bigint', (c) => c.notNull())
    .addColumn('thread_id', 'bigint')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`state in ('pending', 'sending', 'sent', 'failed', 'cancelled')`),
    )
    .addColumn('not_before', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_by', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('message_id', 'bigint')
    .addColumn('sent_at', 'text')
    .addColumn('error_code', 'integer')
    .addColumn('failure_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('outbound_message_queue_idx')
    .on('outbound_message')
    .columns(['state', 'not_before'])
    .execute()

  // §10: excused members (vắng mặt).
  await db.schema
    .createTable('absence')
    .addColumn('id', 'integer', id)
    .addColumn('member_id', 'integer', (c) =>
      c.notNull().references('member.id').onDelete('cascade'),
    )
    .addColumn('from_on', 'text', (c) => c.notNull())
    .addColumn('to_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('member.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()
  await db.schema
    .createIndex('absence_member_idx')
    .on('absence')
    .columns(['member_id', 'from_on'])
    .execute()

  // §10: the agency's own calendar on top of public holidays.
  await db.schema
    .createTable('calendar_day')
    .addColumn('day', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('workday', 'holiday')`))
    .addColumn('note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull().defaultTo(now))
    .execute()

  // Updates are written here as soon as they are fetched, before Telegram is told
  // they arrived, so a crash loses none; handled_at makes the same update_id count once.
  await db.schema
    .createTable('inbound_update')
    .addColumn('update_id', 'bigint', (c) => c.primaryKey())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    // A claim while it is handled (src/domain/updates/inbox.ts): two processes never handle one.
    .addColumn('claimed_by', 'text')
    .addColumn('lease_until', 'text')
    .addColumn('handled_at', 'text')
    .execute()
  await db.schema
    .createIndex('inbound_update_pending_idx')
    .on('inbound_update')
    .column('handled_at')
    .execute()
  await db.schema
    .createIndex('inbound_update_received_idx')
    .on('inbound_update')
    .column('received_at')
    .execute()

  // Private-chat drafts of multi-step flows (a campaign being created, a plan awaiting
  // "Xác nhận"), so a restart between preview and confirmation loses nothing.
  await db.schema
    .createTable('pending_action')
    .addColumn('id', 'integer', id)
    .addColumn('member_id', 'integer', (c) =>
      c.notNull().references('member.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('pending_action_member_idx')
    .on('pending_action')
    .columns(['member_id', 'kind'])
    .execute()
  await db.schema
    .createIndex('pending_action_expiry_idx')
    .on('pending_action')
    .column('expires_at')
    .execute()

  // Notes the bot owes a chat at most once ("this group is not registered",
  // "the bot was removed from …" to the office), keyed by chat and kind.
  await db.schema
    .createTable('chat_notice')
    .addColumn('chat_id', 'bigint', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('chat_notice_pk', ['chat_id', 'kind'])
    .execute()

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', id)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_telegram_id', 'bigint')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute()
  await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute()

  // Every other foreign key gets an index too: a cascading delete or a "set null"
  // on the parent scans the child table without one (issue 8; test/db/migrator.test.ts).
  for (const [table, column] of [
    ['unit', 'parent_id'],
    ['campaign', 'created_by'],
    ['campaign_target', 'unit_id'],
    ['activity', 'lead_unit_id'],
    ['broadcast', 'created_by'],
    ['broadcast', 'reviewed_by'],
    ['broadcast_target', 'unit_id'],
    ['report_submission', 'unit_id'],
    ['report_submission', 'submitted_by'],
    ['absence', 'created_by'],
  ] as const) {
    await db.schema.createIndex(`${table}_${column}_fk_idx`).on(table).column(column).execute()
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'audit_log',
    'chat_notice',
    'pending_action',
    'inbound_update',
    'calendar_day',
    'absence',
    'outbound_message',
    'reminder',
    'report_submission',
    'participation',
    'acknowledgement',
    'delivery',
    'broadcast_target',
    'broadcast',
    'activity',
    'campaign_target',
    'campaign',
    'chat_membership',
    'member',
    'unit_chat',
    'unit',
  ]) {
    await db.schema.dropTable(table).ifExists().execute()
  }
}
