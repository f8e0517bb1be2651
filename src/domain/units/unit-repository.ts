import type { Selectable } from 'kysely'
import type { Db } from '../../db/database.js'
import { prepared } from '../../db/prepared.js'
import type { UnitChatTable, UnitTable } from '../../db/schema.js'

export interface Unit {
  id: number
  code: string
  name: string
  parentId: number | null
}

export interface UnitChat {
  id: number
  unitId: number
  chatId: number
  threadId: number | null
  title: string
  isActive: boolean
  inactiveReason: string | null
  botIsAdmin: boolean
  memberCount: number | null
}

export function rowToUnit(row: Selectable<UnitTable>): Unit {
  return { id: row.id, code: row.code, name: row.name, parentId: row.parent_id }
}

export function rowToUnitChat(row: Selectable<UnitChatTable>): UnitChat {
  return {
    id: row.id,
    unitId: row.unit_id,
    chatId: row.chat_id,
    threadId: row.thread_id,
    title: row.title,
    isActive: row.is_active === 1,
    inactiveReason: row.inactive_reason,
    botIsAdmin: row.bot_is_admin === 1,
    memberCount: row.member_count,
  }
}

/** Unit codes are stored upper-case: people type `vp` as often as `VP`. */
export function normalizeUnitCode(code: string): string {
  return code.trim().toUpperCase()
}

export async function findUnitByCode(db: Db, code: string): Promise<Unit | undefined> {
  const row = await db
    .selectFrom('unit')
    .selectAll()
    .where('code', '=', normalizeUnitCode(code))
    .executeTakeFirst()
  return row && rowToUnit(row)
}

/** Codes per statement: far below either engine's limit on bound parameters. */
const CODES_PER_QUERY = 500

/**
 * The units of many codes in one round trip per 500 (a `/gui` to a province's
 * 200 units is one query, not 200), keyed by normalised code; unknown codes are absent.
 */
export async function findUnitsByCodes(
  db: Db,
  codes: readonly string[],
): Promise<Map<string, Unit>> {
  const wanted = [...new Set(codes.map(normalizeUnitCode))]
  const found = new Map<string, Unit>()
  for (let i = 0; i < wanted.length; i += CODES_PER_QUERY) {
    const rows = await db
      .selectFrom('unit')
      .selectAll()
      .where('code', 'in', wanted.slice(i, i + CODES_PER_QUERY))
      .execute()
    for (const row of rows) found.set(row.code, rowToUnit(row))
  }
  return found
}

export async function findUnitById(db: Db, id: number): Promise<Unit | undefined> {
  const row = await db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst()
  return row && rowToUnit(row)
}

export async function listUnits(db: Db): Promise<Unit[]> {
  const rows = await db.selectFrom('unit').selectAll().orderBy('code').execute()
  return rows.map(rowToUnit)
}

export async function listUnitCodes(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('unit').select('code').orderBy('code').execute()
  return rows.map((r) => r.code)
}

export async function findUnitChat(db: Db, chatId: number): Promise<UnitChat | undefined> {
  const row = (await unitChatById(db, { chatId })).rows[0]
  return row && rowToUnitChat(row)
}

/** Compiled once (src/db/prepared.ts): every update from a group asks it. */
const unitChatById = prepared((db, p: { chatId: number }) =>
  db.selectFrom('unit_chat').selectAll().where('chat_id', '=', p.chatId),
)

/** The groups that receive copies for these units: active ones only, in registration order. */
export async function listActiveChatsOfUnits(
  db: Db,
  unitIds: readonly number[],
): Promise<UnitChat[]> {
  if (unitIds.length === 0) return []
  const rows = await db
    .selectFrom('unit_chat')
    .selectAll()
    .where('unit_id', 'in', [...unitIds])
    .where('is_active', '=', 1)
    .orderBy('id')
    .execute()
  return rows.map(rowToUnitChat)
}
