import type { Db } from '../db/database.js'

/**
 * Appends to the audit log. Runs on whatever `db` it is given, so a use case
 * writes its audit row inside its own transaction: no change without its record.
 */
export async function writeAudit(
  db: Db,
  entry: {
    at: string
    actorTelegramId: number | null
    action: string
    subject?: string
    details?: object
  },
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: entry.at,
      actor_telegram_id: entry.actorTelegramId,
      action: entry.action,
      subject: entry.subject ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute()
}
