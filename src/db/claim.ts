import { hostname } from 'node:os'
import { randomBytes } from 'node:crypto'
import { sql, type RawBuilder, type SqlBool } from 'kysely'
import { dialectOf, type Db } from './database.js'

/**
 * The one claim of the durable queues (`delivery`, `outbound_message`). Both
 * tables share the columns `state` (`pending → sending → sent | failed`),
 * `claimed_by` (a worker id) and `lease_until` (UTC ISO-8601 text), plus a due
 * column (`next_attempt_at`, `not_before`).
 *
 * A row is claimable when it is pending and due, or when it is `sending` and its
 * lease has run out: the worker that held it died (kill -9, a lost host), so a
 * live process takes it back. Never-tried rows go before reclaimed ones, so the
 * same sends are not in flight at several crashes in a row (PRODUCT §9).
 *
 * Record updates must match `state = 'sending' AND claimed_by = <me>`
 * ({@link heldBy}): a worker whose lease ran out and was taken over records nothing.
 *
 * §11: on PostgreSQL the inner SELECT gets `FOR UPDATE SKIP LOCKED`, so
 * instances claim disjoint rows; SQLite has a single writer and needs none. The
 * statement is otherwise portable (RETURNING, boolean ordering).
 */
export type ClaimableTable = 'delivery' | 'outbound_message'

const DUE_COLUMN: Record<ClaimableTable, string> = {
  delivery: 'next_attempt_at',
  outbound_message: 'not_before',
}

export interface ClaimSpec {
  table: ClaimableTable
  workerId: string
  /** Now, as stored. */
  at: string
  /** Lease expiry written on the claimed rows. */
  leaseUntil: string
  limit: number
  /** More conditions on the candidate rows, written against the table's own name. */
  eligible?: RawBuilder<SqlBool>
}

/** Claims up to `limit` rows in one statement; returns their ids, in the claim order. */
export async function claimRows(db: Db, spec: ClaimSpec): Promise<number[]> {
  const table = sql.table(spec.table)
  const due = sql.ref(`${spec.table}.${DUE_COLUMN[spec.table]}`)
  const eligible = spec.eligible ?? sql<SqlBool>`1 = 1`
  const state = sql.ref(`${spec.table}.state`)
  const leaseUntil = sql.ref(`${spec.table}.lease_until`)
  // PostgreSQL: rows another instance is claiming right now are passed over, not
  // waited for, so concurrent claims never block each other nor take the same row.
  const skipLocked = dialectOf(db) === 'postgres' ? sql`for update skip locked` : sql``
  // A reclaimed row becomes due now (SET sees the old values): it sorts after
  // the never-tried rows of this claim, and its due column says when it was retried.
  const result = await sql<{ id: number; due: string }>`
    update ${table}
    set state = 'sending', claimed_by = ${spec.workerId}, lease_until = ${spec.leaseUntil},
      ${sql.ref(DUE_COLUMN[spec.table])} = case when state = 'sending' then ${spec.at} else ${sql.ref(DUE_COLUMN[spec.table])} end
    where id in (
      select ${sql.ref(`${spec.table}.id`)} from ${table}
      where (
        (${state} = 'pending' and ${due} <= ${spec.at})
        or (${state} = 'sending' and ${leaseUntil} <= ${spec.at})
      )
      and ${eligible}
      order by (${state} = 'sending'), ${due}, ${sql.ref(`${spec.table}.id`)}
      limit ${spec.limit}
      ${skipLocked}
    )
    returning id, ${sql.ref(DUE_COLUMN[spec.table])} as due`.execute(db)
  // RETURNING has no order of its own: restore the claim order.
  return result.rows.sort((a, b) => a.due.localeCompare(b.due) || a.id - b.id).map((r) => r.id)
}

/**
 * The rows a worker holds: what every record after a send must match, so a
 * worker that lost its lease cannot overwrite the row's new owner.
 */
export function heldBy(workerId: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`state = 'sending' and claimed_by = ${workerId}`
}

/**
 * A worker id unique per process and start: host, pid, and a nonce (two apps in
 * one process, as tests build them, are two workers).
 */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`
}

/**
 * True when the worker ran on this host in a process that no longer exists:
 * its rows need not wait for their lease (a restart after kill -9 resumes at
 * once). Workers of other hosts, or of this very process, are taken as alive.
 */
export function isDeadLocalWorker(workerId: string): boolean {
  const [host, pidText] = workerId.split(':')
  const pid = Number(pidText)
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

/**
 * At start: rows held by dead workers of this host are released (their lease
 * ends now), so the next claim takes them back, after the never-tried ones.
 * Returns how many. Rows of live or remote workers keep their lease.
 */
export async function expireDeadLocalLeases(
  db: Db,
  table: ClaimableTable,
  at: string,
): Promise<number> {
  const holders = await sql<{ claimed_by: string }>`
    select distinct claimed_by from ${sql.table(table)}
    where state = 'sending' and claimed_by is not null`.execute(db)
  const dead = holders.rows.map((r) => r.claimed_by).filter(isDeadLocalWorker)
  if (dead.length === 0) return 0
  const result = await sql`
    update ${sql.table(table)} set lease_until = ${at}
    where state = 'sending' and claimed_by in (${sql.join(dead)})`.execute(db)
  return Number(result.numAffectedRows ?? 0)
}
