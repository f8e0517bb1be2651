import type { Migration } from 'kysely'
import * as m0001 from './0001-initial.js'

/** Every migration in order. Explicit, so bundling or a renamed file cannot reorder history. */
export const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
}
