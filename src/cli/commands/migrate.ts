import { openConfiguredDatabase } from '../../db/database.js'
import { migrateToLatest } from '../../db/migrator.js'
import type { CliIo } from '../cli-context.js'

export async function migrateCommand(io: CliIo): Promise<number> {
  const { db } = openConfiguredDatabase(io.config)
  try {
    const applied = await migrateToLatest(db)
    io.out(applied.length === 0 ? 'Database is up to date.' : `Applied: ${applied.join(', ')}`)
    return 0
  } finally {
    await db.destroy()
  }
}
