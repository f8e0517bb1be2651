import type { Kysely } from 'kysely'

/**
 * Every message of a sent copy (an album's photos and its button message, or
 * the one copied message), keyed as Telegram names a message: a reaction or a
 * reply finds its copy with one indexed lookup, where the album's parts were
 * otherwise searched by reading every album copy ever sent to the chat.
 * Existing copies are filled in from `delivery.message_ids`. Frozen like 0001.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time (kysely docs)
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('delivery_message')
    .addColumn('chat_id', 'bigint', (c) => c.notNull())
    .addColumn('message_id', 'bigint', (c) => c.notNull())
    .addColumn('delivery_id', 'integer', (c) =>
      c.notNull().references('delivery.id').onDelete('cascade'),
    )
    .addPrimaryKeyConstraint('delivery_message_pk', ['chat_id', 'message_id'])
    .execute()
  await db.schema
    .createIndex('delivery_message_delivery_idx')
    .on('delivery_message')
    .column('delivery_id')
    .execute()
  const sent = (await db
    .selectFrom('delivery')
    .select(['id', 'chat_id', 'message_id', 'message_ids'])
    .where('state', '=', 'sent')
    .execute()) as {
    id: number
    chat_id: number
    message_id: number | null
    message_ids: string | null
  }[]
  const rows = sent.flatMap((d) => {
    const parsed: unknown = JSON.parse(d.message_ids ?? '[]')
    const ids = Array.isArray(parsed) ? parsed.filter((id) => typeof id === 'number') : []
    if (d.message_id !== null && !ids.includes(d.message_id)) ids.push(d.message_id)
    return ids.map((id) => ({ chat_id: d.chat_id, message_id: id, delivery_id: d.id }))
  })
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('delivery_message')
      .values(rows.slice(i, i + 200))
      .onConflict((oc) => oc.columns(['chat_id', 'message_id']).doNothing())
      .execute()
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('delivery_message').execute()
}
