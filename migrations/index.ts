import type { Migration } from 'kysely'
import * as m0001 from './0001-initial.js'
import * as m0002 from './0002-reminders.js'

/** Every migration in order. Explicit, so bundling or a renamed file cannot reorder history. */
export const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-reminders': m0002,
}
