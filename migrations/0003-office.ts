import type { Kysely } from 'kysely'

/**
 * Issue 12, what offices ask for next. The campaign goal's date (`goal_rate`
 * exists since 0001): `/chiendich <MÃ> muctieu 100% 05/05`; null means the
 * campaign's first deadline. Frozen like 0001.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time (kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('campaign').addColumn('goal_on', 'text').execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('campaign').dropColumn('goal_on').execute()
}
