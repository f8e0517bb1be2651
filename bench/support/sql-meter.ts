import { performance } from 'node:perf_hooks'
import SQLite from 'better-sqlite3'

/**
 * Counts and times every statement this process runs through better-sqlite3
 * (kysely prepares each query, BEGIN and COMMIT included), by wrapping
 * `prepare`. Install before any database is opened; bench only. On PostgreSQL
 * kysely's log feeds {@link SqlMeter.record} instead: each statement's time is
 * then its round trip to the server.
 */
export interface SqlMeter {
  statements: number
  ms: number
  /** Time and count per SQL text, to name what costs most. */
  bySql: Map<string, { ms: number; count: number }>
  /** Adds one statement: what the better-sqlite3 wrapper does, and kysely's log on PostgreSQL. */
  record(sql: string, ms: number): void
  reset(): void
  /**
   * Takes back `count` statements of the SQL `matches` names, at their mean time:
   * for a bench's own statements, which run through the same handle as Loa's.
   */
  discount(matches: RegExp, count: number): void
  /** The `n` statements that took the most time, as short text. */
  top(n: number): string[]
}

export function installSqlMeter(): SqlMeter {
  const meter: SqlMeter = {
    statements: 0,
    ms: 0,
    bySql: new Map(),
    record(sql, ms) {
      meter.ms += ms
      meter.statements += 1
      const entry = meter.bySql.get(sql)
      if (entry === undefined) meter.bySql.set(sql, { ms, count: 1 })
      else {
        entry.ms += ms
        entry.count += 1
      }
    },
    reset() {
      meter.statements = 0
      meter.ms = 0
      meter.bySql.clear()
    },
    discount(matches, count) {
      for (const [sql, entry] of meter.bySql) {
        if (!matches.test(sql)) continue
        const taken = Math.min(count, entry.count)
        const ms = (entry.ms / entry.count) * taken
        entry.count -= taken
        entry.ms -= ms
        meter.statements -= taken
        meter.ms -= ms
        if (entry.count === 0) meter.bySql.delete(sql)
        return
      }
    },
    top(n) {
      return [...meter.bySql]
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, n)
        .map(
          ([sql, t]) =>
            `${t.ms.toFixed(0)} ms / ${t.count}× ${sql.replace(/\s+/g, ' ').slice(0, 110)}`,
        )
    },
  }
  const proto = SQLite.prototype as unknown as {
    prepare: (this: SQLite.Database, sql: string) => SQLite.Statement
  }
  const prepare = proto.prepare
  proto.prepare = function (this: SQLite.Database, sql: string) {
    const statement = prepare.call(this, sql)
    for (const name of ['run', 'all', 'get'] as const) {
      const original: (...args: unknown[]) => unknown = statement[name].bind(statement)
      Object.defineProperty(statement, name, {
        value: (...args: unknown[]) => {
          const started = performance.now()
          try {
            return original(...args)
          } finally {
            meter.record(sql, performance.now() - started)
          }
        },
      })
    }
    return statement
  }
  return meter
}
