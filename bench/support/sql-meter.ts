import { performance } from 'node:perf_hooks'
import SQLite from 'better-sqlite3'

/**
 * Counts and times every statement this process runs through better-sqlite3
 * (kysely prepares each query, BEGIN and COMMIT included), by wrapping
 * `prepare`. Install before any database is opened; bench only.
 */
export interface SqlMeter {
  statements: number
  ms: number
  reset(): void
}

export function installSqlMeter(): SqlMeter {
  const meter: SqlMeter = {
    statements: 0,
    ms: 0,
    reset() {
      meter.statements = 0
      meter.ms = 0
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
            meter.ms += performance.now() - started
            meter.statements += 1
          }
        },
      })
    }
    return statement
  }
  return meter
}
