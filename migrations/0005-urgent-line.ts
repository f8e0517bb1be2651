import type { Kysely } from 'kysely'

/**
 * Issue 12: when the «KHẨN» line above an urgent copy went out. A flood wait
 * (429) on the copy spends no attempt, so "first attempt" could not tell a
 * retry from a first try and the line came again; the row now remembers it.
 * Frozen like 0001.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time (kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('delivery').addColumn('urgent_line_at', 'text').execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('delivery').dropColumn('urgent_line_at').execute()
}
