import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openPostgres, type PostgresDatabase } from '../../src/db/database.js'
import { createSendingRole, type SendingRole } from '../../src/db/sending-role.js'
import { makeTempDir, type TempDir } from '../support/temp-db.js'
import { dropTestDatabase, testDatabaseEnv } from '../support/test-database.js'

let dir: TempDir
let url: string
const opened: PostgresDatabase[] = []
const roles: SendingRole[] = []

beforeEach(async () => {
  dir = makeTempDir()
  url = (await testDatabaseEnv(dir))['DATABASE_URL']!
})
afterEach(async () => {
  for (const role of roles.splice(0)) await role.stop()
  for (const database of opened.splice(0)) await database.db.destroy()
  await dropTestDatabase(dir)
  dir.remove()
})

/** One instance's role, on a pool of its own as each process has. */
function instance(onLost?: () => void): { role: SendingRole; database: PostgresDatabase } {
  const database = openPostgres(url)
  opened.push(database)
  const role = createSendingRole(database, { retryMs: 50, ...(onLost ? { onLost } : {}) })
  roles.push(role)
  return { role, database }
}

describe('the sending role on PostgreSQL (PRODUCT §11)', () => {
  it('is held by one instance at a time, and taken over when the holder is stopped', async () => {
    const a = instance()
    const b = instance()
    a.role.start()
    await vi.waitFor(() => expect(a.role.isHeld()).toBe(true))
    b.role.start()
    // b has tried several times meanwhile (retryMs 50) and must not have the role.
    await new Promise<void>((resolve) => {
      let tries = 0
      const check = setInterval(() => {
        expect(b.role.isHeld()).toBe(false)
        if (++tries === 5) {
          clearInterval(check)
          resolve()
        }
      }, 50)
    })
    await a.role.stop()
    await vi.waitFor(() => expect(b.role.isHeld()).toBe(true))
  })

  it('is free again within seconds when the session of the holder ends, and exactly one instance takes it', async () => {
    let lost = 0
    const a = instance(() => (lost += 1))
    const b = instance()
    a.role.start()
    await vi.waitFor(() => expect(a.role.isHeld()).toBe(true))
    b.role.start()
    // What kill -9 of the holder does to its connection: the server ends the session.
    await b.database.pool.query(
      `select pg_terminate_backend(l.pid) from pg_locks l
       join pg_database d on d.oid = l.database and d.datname = current_database()
       where l.locktype = 'advisory' and l.objid = 4150001 and l.granted`,
    )
    await vi.waitFor(() => expect(lost).toBe(1))
    // A live process retries too, so either may win; never both, never neither for long.
    await vi.waitFor(() => expect(Number(a.role.isHeld()) + Number(b.role.isHeld())).toBe(1), {
      timeout: 5_000,
    })
  })
})
