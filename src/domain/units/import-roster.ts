import { z } from 'zod'
import { writeAudit } from '../audit.js'
import { nowIso, type Deps } from '../deps.js'
import { err, ok, type Result } from '../errors.js'
import { readCsv } from './csv-rows.js'
import { sortProblems, unitCodeSchema, type ImportSummary } from './import-units.js'
import { GRANTABLE_ROLES } from './roles.js'

const rosterRowSchema = z
  .object({
    unit_code: unitCodeSchema,
    full_name: z.string().min(1, 'the full name, like Nguyễn Thị Lan').max(200),
    telegram_id: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v === '' ? null : v))
      .pipe(
        z
          .string()
          .regex(/^\d{1,15}$/, 'a numeric Telegram id, like 123456789')
          .nullable(),
      )
      .transform((v) => (v === null ? null : Number(v))),
    username: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v === '' ? null : v.replace(/^@/, '').toLowerCase()))
      .pipe(
        z
          .string()
          .regex(/^[a-z0-9_]{4,32}$/, 'a Telegram username, like nguyenlan')
          .nullable(),
      ),
    role: z
      .string()
      .optional()
      .transform((v) => (v === undefined || v === '' ? 'member' : v.toLowerCase()))
      .pipe(
        z.enum(
          GRANTABLE_ROLES as ['member', 'head', 'leader', 'office'],
          'member, head, leader or office',
        ),
      ),
  })
  .refine((row) => row.telegram_id !== null || row.username !== null, {
    path: ['telegram_id'],
    message: 'a telegram_id or a username',
  })

/**
 * `loa roster import`: unit_code,full_name,telegram_id,username,role. People are
 * matched by id, else by username; the roster's name and unit are authoritative.
 * All rows or none.
 */
export async function importRoster(
  deps: Deps,
  csvText: string,
  actorTelegramId: number | null = null,
): Promise<Result<ImportSummary>> {
  const { rows, problems } = readCsv(
    csvText,
    ['unit_code', 'full_name', 'telegram_id', 'username', 'role'],
    ['unit_code', 'full_name'],
    rosterRowSchema,
  )
  const units = new Map(
    (await deps.db.selectFrom('unit').select(['id', 'code']).execute()).map((u) => [u.code, u.id]),
  )
  const seen = new Map<string, number>()
  for (const row of rows) {
    if (!units.has(row.value.unit_code))
      problems.push({
        line: row.line,
        column: 'unit_code',
        message: `unknown unit code ${row.value.unit_code}`,
      })
    const key =
      row.value.telegram_id !== null ? `id:${row.value.telegram_id}` : `u:${row.value.username}`
    const first = seen.get(key)
    if (first !== undefined)
      problems.push({
        line: row.line,
        column: row.value.telegram_id !== null ? 'telegram_id' : 'username',
        message: `the same person is already on line ${first}`,
      })
    else seen.set(key, row.line)
  }
  if (problems.length > 0) return err({ code: 'csv-invalid', problems: sortProblems(problems) })

  const at = nowIso(deps)
  return deps.db.transaction().execute(async (trx) => {
    let created = 0
    for (const { value } of rows) {
      const unitId = units.get(value.unit_code) ?? null
      let existing =
        value.telegram_id === null
          ? undefined
          : await trx
              .selectFrom('member')
              .select(['id', 'role'])
              .where('telegram_id', '=', value.telegram_id)
              .executeTakeFirst()
      if (existing === undefined && value.username !== null)
        existing = await trx
          .selectFrom('member')
          .select(['id', 'role'])
          .where('username', '=', value.username)
          .executeTakeFirst()
      const fields = {
        full_name: value.full_name,
        unit_id: unitId,
        role: value.role,
        in_roster: 1,
        updated_at: at,
        ...(value.telegram_id === null ? {} : { telegram_id: value.telegram_id }),
        ...(value.username === null ? {} : { username: value.username }),
      }
      if (existing === undefined) {
        await trx
          .insertInto('member')
          .values({
            ...fields,
            telegram_id: value.telegram_id,
            username: value.username,
            telegram_language: null,
            chosen_language: null,
            private_chat_id: null,
            last_seen_at: null,
            created_at: at,
          })
          .execute()
        created++
      } else {
        await trx.updateTable('member').set(fields).where('id', '=', existing.id).execute()
      }
    }
    await writeAudit(trx, {
      at,
      actorTelegramId,
      action: 'roster.import',
      details: { rows: rows.length },
    })
    return ok({ created, updated: rows.length - created })
  })
}
