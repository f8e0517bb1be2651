import type pg from 'pg'
import type { OpenedDatabase } from './database.js'

/**
 * The sending role (PRODUCT §11): Telegram's limits are per bot, not per
 * process, so among several instances on one PostgreSQL database exactly one
 * runs the scheduler (the paced sender, reminders, housekeeping) at a time.
 *
 * Why a lock and not a budget in the database: the pacer then stays the one
 * in-memory pacer it is on one machine (exact, no round-trip per send, no
 * clocks of several hosts to agree on), and scheduled work runs once for free.
 *
 * The role is `pg_try_advisory_lock` on a connection of its own. PostgreSQL
 * releases it the moment that session ends, so when the holder dies (kill -9
 * closes its socket) another instance takes the role at its next try, within
 * {@link SendingRoleOptions.retryMs}. Claims stay leased rows either way: two
 * holders for a moment (a network split) still never send one row twice.
 *
 * On SQLite there is one machine and the claims suffice: the role is always held.
 */
export interface SendingRole {
  isHeld(): boolean
  /** Tries now and then every retryMs until stopped. */
  start(): void
  /** Gives the role up (the next instance takes it at its next try). */
  stop(): Promise<void>
}

export interface SendingRoleOptions {
  retryMs?: number
  onAcquired?: () => void
  onLost?: (error: unknown) => void
}

/** Any 64-bit number, the same in every instance: "Loa's sender". */
export const SENDING_ROLE_KEY = 4_150_001

export function createSendingRole(
  database: OpenedDatabase,
  options: SendingRoleOptions = {},
): SendingRole {
  if (database.dialect === 'sqlite') {
    return { isHeld: () => true, start: () => undefined, stop: () => Promise.resolve() }
  }
  const pool = database.pool
  const retryMs = options.retryMs ?? 2_000
  let client: pg.PoolClient | undefined
  let held = false
  let timer: NodeJS.Timeout | undefined
  let stopped = false
  let attempt: Promise<void> | undefined

  const lose = (error: unknown) => {
    if (!held) return
    held = false
    client?.release(true)
    client = undefined
    options.onLost?.(error)
  }

  const tryOnce = async () => {
    if (held || stopped) return
    try {
      if (client === undefined) {
        client = await pool.connect()
        // A broken connection ends the session, and with it the lock.
        client.on('error', lose)
      }
      const result = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [
        SENDING_ROLE_KEY,
      ])
      if (result.rows[0]?.ok === true && !stopped) {
        held = true
        options.onAcquired?.()
      }
    } catch (error) {
      client?.release(true)
      client = undefined
      options.onLost?.(error)
    }
  }

  const loop = () => {
    attempt = tryOnce().finally(() => {
      if (!stopped) timer = setTimeout(loop, retryMs).unref()
    })
  }

  return {
    isHeld: () => held,
    start() {
      stopped = false
      loop()
    },
    async stop() {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      await attempt
      if (client !== undefined) {
        if (held)
          await client
            .query('select pg_advisory_unlock($1)', [SENDING_ROLE_KEY])
            .catch(() => undefined)
        client.release()
        client = undefined
      }
      held = false
    },
  }
}

/**
 * Runs `work` while holding a second advisory lock, waiting for it: the
 * instances starting together register the webhook one after another, and
 * each sees what the one before it set. Runs `work` directly on SQLite.
 */
export async function withStartupLock<T>(
  database: OpenedDatabase,
  work: () => Promise<T>,
): Promise<T> {
  if (database.dialect === 'sqlite') return work()
  const client = await database.pool.connect()
  try {
    await client.query('select pg_advisory_lock($1)', [SENDING_ROLE_KEY + 1])
    return await work()
  } finally {
    await client
      .query('select pg_advisory_unlock($1)', [SENDING_ROLE_KEY + 1])
      .catch(() => undefined)
    client.release()
  }
}
