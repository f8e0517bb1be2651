import { writeAudit } from '../audit.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { UNIT_CODE_PATTERN } from './import-units.js'
import {
  findUnitByCode,
  listUnitCodes,
  normalizeUnitCode,
  rowToUnit,
  rowToUnitChat,
  type Unit,
  type UnitChat,
} from './unit-repository.js'

export interface UnitOverview {
  unit: Unit
  chats: UnitChat[]
  heads: string[]
  knownMembers: number
}

/** /donvi: every unit with its groups, heads and how many members the bot knows. */
export async function listUnitOverviews(deps: Deps): Promise<UnitOverview[]> {
  const [units, chats, people] = await Promise.all([
    deps.db.selectFrom('unit').selectAll().orderBy('code').execute(),
    deps.db.selectFrom('unit_chat').selectAll().orderBy('id').execute(),
    deps.db
      .selectFrom('member')
      .select(['unit_id', 'role', 'full_name'])
      .where('unit_id', 'is not', null)
      .execute(),
  ])
  return units.map((row) => ({
    unit: rowToUnit(row),
    chats: chats.filter((c) => c.unit_id === row.id).map(rowToUnitChat),
    heads: people.filter((p) => p.unit_id === row.id && p.role === 'head').map((p) => p.full_name),
    knownMembers: people.filter((p) => p.unit_id === row.id).length,
  }))
}

export async function addUnit(
  deps: Deps,
  input: { code: string; name: string; actorTelegramId: number },
): Promise<Result<Unit>> {
  const code = normalizeUnitCode(input.code)
  if (!UNIT_CODE_PATTERN.test(code)) return err({ code: 'invalid-unit-code', given: input.code })
  if ((await findUnitByCode(deps.db, code)) !== undefined)
    return err({ code: 'duplicate-unit', unitCode: code })
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('unit')
      .values({ code, name: input.name.trim(), parent_id: null, created_at: at, updated_at: at })
      .returningAll()
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'unit.add',
      subject: `unit:${code}`,
      details: { name: row.name },
    })
    return ok(rowToUnit(row))
  })
}

export async function renameUnit(
  deps: Deps,
  input: { code: string; name: string; actorTelegramId: number },
): Promise<Result<Unit>> {
  const unit = await findUnitByCode(deps.db, input.code)
  if (unit === undefined)
    return err({
      code: 'unknown-unit',
      unitCode: input.code,
      knownCodes: await listUnitCodes(deps.db),
    })
  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('unit')
      .set({ name: input.name.trim(), updated_at: at })
      .where('id', '=', unit.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await writeAudit(trx, {
      at,
      actorTelegramId: input.actorTelegramId,
      action: 'unit.rename',
      subject: `unit:${unit.code}`,
      details: { from: unit.name, to: row.name },
    })
    return ok(rowToUnit(row))
  })
}
