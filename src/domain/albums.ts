import { z } from 'zod'
import type { Deps } from './deps.js'

/**
 * Telegram delivers an album as separate messages sharing a media_group_id, and
 * a reply names only one of them. To copy the whole album, the ids of albums
 * people send the bot in private are remembered for a day (as pending actions).
 */
const albumSchema = z.object({ ids: z.array(z.number().int()) })

export async function rememberAlbumItem(
  deps: Deps,
  input: { memberId: number; mediaGroupId: string; messageId: number },
): Promise<void> {
  const kind = `album:${input.mediaGroupId}`
  const now = deps.clock.now()
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('pending_action')
      .select(['id', 'payload'])
      .where('member_id', '=', input.memberId)
      .where('kind', '=', kind)
      .executeTakeFirst()
    const ids = row === undefined ? [] : albumSchema.parse(JSON.parse(row.payload)).ids
    const payload = JSON.stringify({
      ids: [...new Set([...ids, input.messageId])].sort((a, b) => a - b),
    })
    if (row === undefined) {
      await trx
        .insertInto('pending_action')
        .values({
          member_id: input.memberId,
          kind,
          payload,
          created_at: now.toISOString(),
          expires_at: new Date(now.getTime() + 24 * 3600_000).toISOString(),
        })
        .execute()
    } else {
      await trx.updateTable('pending_action').set({ payload }).where('id', '=', row.id).execute()
    }
  })
}

/** The album's message ids in order, or just the one message when it is not a known album. */
export async function albumMessageIds(
  deps: Deps,
  input: { memberId: number; mediaGroupId: string | undefined; messageId: number },
): Promise<number[]> {
  if (input.mediaGroupId === undefined) return [input.messageId]
  const row = await deps.db
    .selectFrom('pending_action')
    .select('payload')
    .where('member_id', '=', input.memberId)
    .where('kind', '=', `album:${input.mediaGroupId}`)
    .executeTakeFirst()
  const ids = row === undefined ? [] : albumSchema.parse(JSON.parse(row.payload)).ids
  return ids.includes(input.messageId) ? ids : [input.messageId]
}
