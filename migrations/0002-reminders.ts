import type { Kysely } from 'kysely'

/**
 * Issue 10, deadlines and reminders. A reminder row is one (item, audience,
 * planned time); `slot` says which of the policy's times it is (`d3`, `d1`,
 * `d0`, `overdue`, or `manual` for /nhacnho) and `audience` whom it addresses
 * (`unit` for the unit's group, pending members and heads; `office`).
 * Frozen like 0001.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time (kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('reminder')
    .addColumn('slot', 'text', (c) => c.notNull().defaultTo('d0'))
    .execute()
  await db.schema
    .alterTable('reminder')
    .addColumn('audience', 'text', (c) => c.notNull().defaultTo('unit'))
    .execute()
  // How many messages the row became when it was sent (0 when nobody was pending).
  await db.schema.alterTable('reminder').addColumn('message_count', 'integer').execute()

  // The foreign keys of reminder are indexed in 0001; /nhacnho's once-per-unit-per-hour check
  // reads the unit's latest manual row.
  await db.schema
    .createIndex('reminder_unit_slot_idx')
    .on('reminder')
    .columns(['unit_id', 'slot', 'scheduled_at'])
    .execute()

  // A task activity marked done by its lead unit («✅ Đã hoàn thành»): one row per (activity, unit).
  await db.schema
    .createTable('task_completion')
    .addColumn('activity_id', 'integer', (c) =>
      c.notNull().references('activity.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    .addColumn('done_by', 'integer', (c) => c.references('member.id').onDelete('set null'))
    .addColumn('done_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('task_completion_pk', ['activity_id', 'unit_id'])
    .execute()
  await db.schema
    .createIndex('task_completion_unit_idx')
    .on('task_completion')
    .column('unit_id')
    .execute()
  await db.schema
    .createIndex('task_completion_done_by_idx')
    .on('task_completion')
    .column('done_by')
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('task_completion').execute()
  await db.schema.dropIndex('reminder_unit_slot_idx').execute()
  await db.schema.alterTable('reminder').dropColumn('message_count').execute()
  await db.schema.alterTable('reminder').dropColumn('audience').execute()
  await db.schema.alterTable('reminder').dropColumn('slot').execute()
}
