import type { Kysely } from 'kysely'

/**
 * Issue 12: the record of the campaign goal's morning notice (a unit behind
 * the pace is told once per campaign). Issue 14's reports needed no new index:
 * a covering index on delivery (broadcast_id, state, unit_id, sent_at) left
 * /tonghop's plan at the same cost, so none is added. Frozen like 0001.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time (kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('goal_notice')
    .addColumn('campaign_id', 'integer', (c) =>
      c.notNull().references('campaign.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('unit.id').onDelete('cascade'))
    // The local day the unit was found behind, and the rate it had then.
    .addColumn('told_on', 'text', (c) => c.notNull())
    .addColumn('rate', 'real', (c) => c.notNull())
    .addPrimaryKeyConstraint('goal_notice_pk', ['campaign_id', 'unit_id'])
    .execute()
  await db.schema.createIndex('goal_notice_unit_idx').on('goal_notice').column('unit_id').execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('goal_notice').execute()
}
