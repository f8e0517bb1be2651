import type { Kysely } from 'kysely'

/**
 * Issue 12, correcting or recalling a sent broadcast (/lich <số>, «Sửa nội
 * dung», «Thu hồi»). Frozen like 0001.
 *
 * - `broadcast.content_html`, `edited_at`: the text after the last correction
 *   (the copies were edited to it); null while the original stands.
 * - `broadcast.recalled_at`: the broadcast was withdrawn; nothing about it is
 *   owed any more (reminders, pending lists).
 * - `delivery.recall_state`: null for a live copy; `pending` while its deletion
 *   waits in the queue, then `deleted`, `too-old` (over Telegram's 48 hours) or
 *   `refused` (Telegram said no). Any value takes the copy out of every count.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time (kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('broadcast').addColumn('content_html', 'text').execute()
  await db.schema.alterTable('broadcast').addColumn('edited_at', 'text').execute()
  await db.schema.alterTable('broadcast').addColumn('recalled_at', 'text').execute()
  await db.schema.alterTable('broadcast').addColumn('recalled_by', 'integer').execute()
  await db.schema
    .createIndex('broadcast_recalled_idx')
    .on('broadcast')
    .column('recalled_at')
    .execute()
  await db.schema.alterTable('delivery').addColumn('recall_state', 'text').execute()
  await db.schema
    .createIndex('delivery_recall_idx')
    .on('delivery')
    .columns(['broadcast_id', 'recall_state'])
    .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('delivery_recall_idx').execute()
  await db.schema.alterTable('delivery').dropColumn('recall_state').execute()
  await db.schema.dropIndex('broadcast_recalled_idx').execute()
  await db.schema.alterTable('broadcast').dropColumn('recalled_by').execute()
  await db.schema.alterTable('broadcast').dropColumn('recalled_at').execute()
  await db.schema.alterTable('broadcast').dropColumn('edited_at').execute()
  await db.schema.alterTable('broadcast').dropColumn('content_html').execute()
}
