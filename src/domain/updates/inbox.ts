import { nowIso, type Deps } from '../deps.js'

/**
 * The inbound side of crash safety. Long polling confirms updates to Telegram
 * before they are handled (the next getUpdates carries the new offset), so each
 * fetched batch is written here first; a crash then loses nothing, and the
 * restart replays what was never marked handled. The same table answers
 * "seen this update_id before?" for webhook redeliveries.
 */
export async function storeFetchedUpdates(
  deps: Deps,
  updates: readonly { update_id: number }[],
): Promise<void> {
  if (updates.length === 0) return
  const at = nowIso(deps)
  await deps.db
    .insertInto('inbound_update')
    .values(
      updates.map((u) => ({
        update_id: u.update_id,
        payload: JSON.stringify(u),
        received_at: at,
        handled_at: null,
      })),
    )
    .onConflict((oc) => oc.column('update_id').doNothing())
    .execute()
}

/**
 * Claims an update for handling. False when it was handled already (a
 * redelivery). Writes the row for updates that did not come through
 * storeFetchedUpdates (webhook mode).
 */
export async function beginUpdate(deps: Deps, update: { update_id: number }): Promise<boolean> {
  const row = await deps.db
    .selectFrom('inbound_update')
    .select('handled_at')
    .where('update_id', '=', update.update_id)
    .executeTakeFirst()
  if (row === undefined) {
    await storeFetchedUpdates(deps, [update])
    return true
  }
  return row.handled_at === null
}

export async function finishUpdate(deps: Deps, updateId: number): Promise<void> {
  await deps.db
    .updateTable('inbound_update')
    .set({ handled_at: nowIso(deps) })
    .where('update_id', '=', updateId)
    .execute()
}

/** Updates fetched before a crash and never handled, oldest first. */
export async function unhandledUpdates(deps: Deps): Promise<unknown[]> {
  const rows = await deps.db
    .selectFrom('inbound_update')
    .select('payload')
    .where('handled_at', 'is', null)
    .orderBy('update_id')
    .execute()
  return rows.map((r) => JSON.parse(r.payload) as unknown)
}

/** Handled updates older than a week only grow the file; Telegram never redelivers them. */
export async function pruneHandledUpdates(deps: Deps, olderThan: string): Promise<void> {
  await deps.db
    .deleteFrom('inbound_update')
    .where('handled_at', 'is not', null)
    .where('received_at', '<', olderThan)
    .execute()
}
