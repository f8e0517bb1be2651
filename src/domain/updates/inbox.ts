import { isDeadLocalWorker } from '../../db/claim.js'
import type { Db } from '../../db/database.js'
import { prepared } from '../../db/prepared.js'
import { addMilliseconds } from 'date-fns'
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

/** How long a process may take over one update before another may take it over. */
export const UPDATE_LEASE_MS = 5 * 60_000

/**
 * Claims an update for handling, for one worker: false when it was handled
 * already or another live process is handling it (a redelivery, a replay, a
 * second instance). The row is written first when the update did not come
 * through storeFetchedUpdates (webhook mode). The claim itself is one
 * statement, so no in-memory set is needed and two processes on one database
 * never both win.
 */
export async function claimUpdate(
  deps: Deps,
  update: { update_id: number },
  workerId: string,
): Promise<boolean> {
  const at = nowIso(deps)
  await storeFetchedUpdates(deps, [update])
  const claimed = await deps.db
    .updateTable('inbound_update')
    .set({
      claimed_by: workerId,
      lease_until: addMilliseconds(deps.clock.now(), UPDATE_LEASE_MS).toISOString(),
    })
    .where('update_id', '=', update.update_id)
    .where('handled_at', 'is', null)
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('lease_until', '<=', at)]))
    .returning('update_id')
    .executeTakeFirst()
  return claimed !== undefined
}

/** Handled: never again. Only the holder of the claim records it. */
export async function finishUpdate(deps: Deps, updateId: number, workerId: string): Promise<void> {
  await deps.db
    .updateTable('inbound_update')
    .set({ handled_at: nowIso(deps), claimed_by: null, lease_until: null })
    .where('update_id', '=', updateId)
    .where('claimed_by', '=', workerId)
    .execute()
}

/**
 * Claims an update and marks it handled in one statement, inside the caller's
 * transaction: false when it was handled already or a live process holds it.
 * A polled update was stored on fetch, so the update is all it takes (no
 * payload to serialise again); a webhook update has no row yet and is inserted
 * handled. On PostgreSQL a second process's update waits on the row lock and
 * then finds it handled (or its insert conflicts); on SQLite the write lock
 * serialises them.
 */
export async function settleUpdate(
  db: Db,
  deps: Deps,
  update: { update_id: number },
  workerId: string,
): Promise<boolean> {
  const at = nowIso(deps)
  const settled = await markSettled(db, { updateId: update.update_id, at, workerId })
  if (settled.rows.length > 0) return true
  const inserted = await db
    .insertInto('inbound_update')
    .values({
      update_id: update.update_id,
      payload: JSON.stringify(update),
      received_at: at,
      handled_at: at,
    })
    .onConflict((oc) => oc.column('update_id').doNothing())
    .returning('update_id')
    .executeTakeFirst()
  return inserted !== undefined
}

/** settleUpdate's hot statement, compiled once (src/db/prepared.ts): it runs for every tap. */
const markSettled = prepared((db, p: { updateId: number; at: string; workerId: string }) =>
  db
    .updateTable('inbound_update')
    .set({ handled_at: p.at, claimed_by: null, lease_until: null })
    .where('update_id', '=', p.updateId)
    .where('handled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('claimed_by', 'is', null),
        eb('claimed_by', '=', p.workerId),
        eb('lease_until', '<=', p.at),
      ]),
    )
    .returning('update_id'),
)

/** Thrown inside a handler's transaction when its update is someone else's: it rolls back. */
export class UpdateHandledElsewhere extends Error {
  constructor(readonly updateId: number) {
    super(`update ${updateId} handled elsewhere or already`)
  }
}

/**
 * An update whose handler marks it handled inside its own write transaction,
 * so that claim, effect and handled mark are one commit (a tap: one commit, as a
 * bare bot makes; issue 8). Crash contract unchanged: a crash before the commit
 * leaves nothing of the update but its unhandled row (replayed at start), after
 * it the update is handled and its effect recorded, together; two processes
 * cannot both commit it (settleUpdate).
 */
export class UpdateTicket {
  private settledWithin = false

  constructor(
    private readonly deps: Deps,
    readonly update: { update_id: number },
    private readonly workerId: string,
  ) {}

  /** True once this update is marked: by a transaction of it (committed when the handler returned), or alone. */
  get settled(): boolean {
    return this.settledWithin
  }

  /** First statement of the handler's transaction; throws UpdateHandledElsewhere when lost. */
  async settleWithin(trx: Db): Promise<void> {
    // A second transaction of the same handler: the first one carried the mark.
    if (this.settledWithin) return
    if (!(await settleUpdate(trx, this.deps, this.update, this.workerId)))
      throw new UpdateHandledElsewhere(this.update.update_id)
    this.settledWithin = true
  }

  /**
   * For a handler that writes nothing (a refusal) or failed: the mark alone,
   * autocommitted. False when the update was handled already or elsewhere: a
   * refusal then answers nothing, as a redelivery must not be answered twice.
   */
  async settleAlone(): Promise<boolean> {
    const settled = await settleUpdate(this.deps.db, this.deps, this.update, this.workerId)
    if (settled) this.settledWithin = true
    return settled
  }
}

/**
 * A write transaction that is also the update's handled mark (one commit for
 * both). Without a ticket (the CLI, tests of the domain, replays of other
 * kinds) it is an ordinary transaction.
 */
export function transactionOfUpdate<T>(
  deps: Deps,
  ticket: UpdateTicket | undefined,
  work: (trx: Db) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    await ticket?.settleWithin(trx)
    return work(trx)
  })
}

/** True once the update has been handled (by any process). */
export async function isUpdateHandled(deps: Deps, updateId: number): Promise<boolean> {
  const { rows } = await handledAt(deps.db, { updateId })
  return rows[0]?.handled_at != null
}

/** Asked once or twice per update (the redelivery check, app.handled): compiled once. */
const handledAt = prepared((db, p: { updateId: number }) =>
  db.selectFrom('inbound_update').select('handled_at').where('update_id', '=', p.updateId),
)

/**
 * Updates stored and never handled, oldest first, that nobody alive holds:
 * unclaimed, claimed by a worker whose lease ran out, or by a dead process of
 * this host (a restart after kill -9 replays at once).
 */
export async function unhandledUpdates(
  deps: Deps,
  isDead: (workerId: string) => boolean = isDeadLocalWorker,
): Promise<unknown[]> {
  const at = nowIso(deps)
  const rows = await deps.db
    .selectFrom('inbound_update')
    .select(['payload', 'claimed_by', 'lease_until'])
    .where('handled_at', 'is', null)
    .orderBy('update_id')
    .execute()
  return rows
    .filter(
      (r) =>
        r.claimed_by === null ||
        (r.lease_until !== null && r.lease_until <= at) ||
        isDead(r.claimed_by),
    )
    .map((r) => JSON.parse(r.payload) as unknown)
}

/** A replayed update whose holder is dead: its claim goes, so the replay can take it. */
export async function releaseDeadClaims(
  deps: Deps,
  isDead: (workerId: string) => boolean = isDeadLocalWorker,
): Promise<void> {
  const holders = await deps.db
    .selectFrom('inbound_update')
    .select('claimed_by')
    .distinct()
    .where('handled_at', 'is', null)
    .where('claimed_by', 'is not', null)
    .execute()
  const dead = holders.flatMap((h) =>
    h.claimed_by !== null && isDead(h.claimed_by) ? [h.claimed_by] : [],
  )
  if (dead.length === 0) return
  await deps.db
    .updateTable('inbound_update')
    .set({ claimed_by: null, lease_until: null })
    .where('handled_at', 'is', null)
    .where('claimed_by', 'in', dead)
    .execute()
}

/** Handled updates older than a week only grow the file; Telegram never redelivers them. */
export async function pruneHandledUpdates(deps: Deps, olderThan: string): Promise<void> {
  await deps.db
    .deleteFrom('inbound_update')
    .where('handled_at', 'is not', null)
    .where('received_at', '<', olderThan)
    .execute()
}
