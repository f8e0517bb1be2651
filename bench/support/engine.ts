import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * Which engine a scenario's Loa runs on (issue 15). `npm run bench` runs the
 * broadcast and tap scenarios a second time with LOA_BENCH_ENGINE=postgres when
 * LOA_BENCH_PG_URL names a PostgreSQL server's maintenance database; each Loa
 * (and the bare bot) then gets a fresh database of its own on that server,
 * dropped when it stops.
 */
export type BenchEngine = 'sqlite' | 'postgres'

export const benchEngine: BenchEngine =
  process.env['LOA_BENCH_ENGINE'] === 'postgres' ? 'postgres' : 'sqlite'

/** The engine's name as the tables print it. */
export const engineLabel = (engine: BenchEngine = benchEngine): string =>
  engine === 'postgres' ? 'PostgreSQL' : 'SQLite'

export function benchPgUrl(): string {
  const url = process.env['LOA_BENCH_PG_URL']
  if (url === undefined || url === '')
    throw new Error(
      'LOA_BENCH_PG_URL is not set (e.g. postgres://postgres@127.0.0.1:5433/postgres)',
    )
  return url
}

export interface BenchDatabase {
  url: string
  drop(): Promise<void>
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: benchPgUrl() })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** A new empty database on the bench's server; Loa migrates it at start. */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const name = `loabench_${randomBytes(6).toString('hex')}`
  await admin((client) => client.query(`create database ${name}`))
  const url = new URL(benchPgUrl())
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: async () => {
      await admin((client) => client.query(`drop database if exists ${name} with (force)`))
    },
  }
}
