import { nowIso, type Deps } from './deps.js'

/**
 * Claims the right to send a one-time note about a chat. True exactly once per
 * (chat, kind), so "not registered" or "bot removed" is said once, even across restarts.
 */
export async function claimNotice(deps: Deps, chatId: number, kind: string): Promise<boolean> {
  const result = await deps.db
    .insertInto('chat_notice')
    .values({ chat_id: chatId, kind, sent_at: nowIso(deps) })
    .onConflict((oc) => oc.columns(['chat_id', 'kind']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0
}

/** Forget a note so it can be said again (a group registered, then unlinked). */
export async function releaseNotice(deps: Deps, chatId: number, kind: string): Promise<void> {
  await deps.db
    .deleteFrom('chat_notice')
    .where('chat_id', '=', chatId)
    .where('kind', '=', kind)
    .execute()
}
