import { type CompiledQuery, type Compilable, type DialectAdapter, type QueryResult } from 'kysely'
import type { Db } from './database.js'

/** Where a compiled query's parameter comes from: the caller's named value, or a constant of the query. */
type Slot = { name: string } | { value: unknown }

interface Template<R> {
  query: CompiledQuery<R>
  slots: Slot[]
}

const MARK = '\u0000loa-param:'

/**
 * A query built and compiled by kysely once per dialect, then run with new
 * parameters: kysely otherwise builds, freezes and compiles its operation tree
 * on every call, which cost a tap more CPU than SQLite did (issue 14, scenario
 * 2 profile: `visitNode`, `freeze`, `createExpressionBuilder`). The SQL is
 * still kysely's, typed by the builder, and right for SQLite (`?`) and
 * PostgreSQL (`$1`) alike, since each dialect compiles its own.
 *
 * `build` receives stand-ins for the parameters: each one reads as a marker
 * that kysely binds as a parameter, and the marker's position in the compiled
 * parameters is where the real value goes. So `build` must use each parameter
 * as a bound value only (`where`, `values`, `set`), never in a way that
 * changes the query's shape (an `in` list's length, a condition added when
 * a value is present, a column left out when undefined). Parameters are
 * never undefined: pass null.
 */
export function prepared<P extends Record<string, unknown>, R>(
  build: (db: Db, params: P) => Compilable<R>,
): (db: Db, params: P) => Promise<QueryResult<R>> {
  const templates = new WeakMap<DialectAdapter, Template<R>>()
  const stand = new Proxy({} as P, {
    get: (_target, name) => `${MARK}${String(name)}`,
  })

  function template(db: Db): Template<R> {
    const adapter = db.getExecutor().adapter
    let found = templates.get(adapter)
    if (found === undefined) {
      const query = build(db, stand).compile()
      const slots = query.parameters.map((value): Slot =>
        typeof value === 'string' && value.startsWith(MARK)
          ? { name: value.slice(MARK.length) }
          : { value },
      )
      found = { query, slots }
      templates.set(adapter, found)
    }
    return found
  }

  return async (db, params) => {
    const { query, slots } = template(db)
    const parameters = slots.map((slot) => {
      if (!('name' in slot)) return slot.value
      const value = params[slot.name]
      if (value === undefined)
        throw new TypeError(`prepared query: parameter ${slot.name} is undefined`)
      return value
    })
    return db.executeQuery({ ...query, parameters })
  }
}
