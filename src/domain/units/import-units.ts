import { z } from 'zod'
import { writeAudit } from '../audit.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type CsvProblem, type Result } from '../errors.js'
import { readCsv } from './csv-rows.js'
import { normalizeUnitCode } from './unit-repository.js'

/** Unit codes people can type: letters, digits, `_` and `-`, like VP, TTCNTT, P-KHTC. */
export const UNIT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,19}$/

export const unitCodeSchema = z
  .string()
  .transform(normalizeUnitCode)
  .pipe(
    z
      .string()
      .regex(
        UNIT_CODE_PATTERN,
        'a code of letters and digits without diacritics, like VP or TTCNTT',
      ),
  )

const unitRowSchema = z.object({
  code: unitCodeSchema,
  name: z.string().min(1, 'a unit name, like Văn phòng Sở').max(200),
  parent_code: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === '' ? null : normalizeUnitCode(v))),
})

export interface ImportSummary {
  created: number
  updated: number
}

/** `loa units import`: code,name,parent_code. All rows or none. */
export async function importUnits(
  deps: Deps,
  csvText: string,
  actorTelegramId: number | null = null,
): Promise<Result<ImportSummary>> {
  const { rows, problems } = readCsv(
    csvText,
    ['code', 'name', 'parent_code'],
    ['code', 'name'],
    unitRowSchema,
  )
  const seen = new Map<string, number>()
  for (const row of rows) {
    const first = seen.get(row.value.code)
    if (first !== undefined) {
      problems.push({
        line: row.line,
        column: 'code',
        message: `${row.value.code} is already on line ${first}`,
      })
    } else seen.set(row.value.code, row.line)
  }
  const existing = new Set(
    (await deps.db.selectFrom('unit').select('code').execute()).map((r) => r.code),
  )
  for (const row of rows) {
    const parent = row.value.parent_code
    if (parent === null) continue
    if (parent === row.value.code)
      problems.push({
        line: row.line,
        column: 'parent_code',
        message: 'a unit cannot be its own parent',
      })
    else if (!seen.has(parent) && !existing.has(parent))
      problems.push({
        line: row.line,
        column: 'parent_code',
        message: `unknown unit code ${parent}`,
      })
  }
  if (problems.length > 0) return err({ code: 'csv-invalid', problems: sortProblems(problems) })

  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    let created = 0
    for (const { value } of rows) {
      await trx
        .insertInto('unit')
        .values({
          code: value.code,
          name: value.name,
          parent_id: null,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.column('code').doUpdateSet({ name: value.name, updated_at: at }))
        .execute()
      if (!existing.has(value.code)) created++
    }
    // Parents second, so a file may list a child before its parent.
    for (const { value } of rows) {
      if (value.parent_code === null) continue
      const parent = await trx
        .selectFrom('unit')
        .select('id')
        .where('code', '=', value.parent_code)
        .executeTakeFirstOrThrow()
      await trx
        .updateTable('unit')
        .set({ parent_id: parent.id })
        .where('code', '=', value.code)
        .execute()
    }
    await writeAudit(trx, {
      at,
      actorTelegramId,
      action: 'units.import',
      details: { rows: rows.length },
    })
    return ok({ created, updated: rows.length - created })
  })
}

export function sortProblems(problems: CsvProblem[]): CsvProblem[] {
  return [...problems].sort((a, b) => a.line - b.line)
}
