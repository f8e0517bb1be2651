import type { Migration } from 'kysely'
import * as m0001 from './0001-initial.js'
import * as m0002 from './0002-reminders.js'
import * as m0003 from './0003-office.js'
import * as m0004 from './0004-recall.js'
import * as m0005 from './0005-urgent-line.js'
import * as m0006 from './0006-goal-notices.js'
import * as m0007 from './0007-delivery-messages.js'

/** Every migration in order. Explicit, so bundling or a renamed file cannot reorder history. */
export const migrations: Record<string, Migration> = {
  '0001-initial': m0001,
  '0002-reminders': m0002,
  '0003-office': m0003,
  '0004-recall': m0004,
  '0005-urgent-line': m0005,
  '0006-goal-notices': m0006,
  '0007-delivery-messages': m0007,
}
