import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importRoster } from '../../../src/domain/units/import-roster.js'
import { importUnits } from '../../../src/domain/units/import-units.js'
import { createTestDeps, type TestDeps } from '../../support/temp-db.js'

let deps: TestDeps
beforeEach(async () => {
  deps = await createTestDeps()
})
afterEach(() => deps.close())

const UNITS = `code,name,parent_code
SO,Sở Nội vụ,
VP,Văn phòng Sở,SO
ttcntt,Trung tâm Công nghệ thông tin,SO
`

describe('importUnits', () => {
  it('creates units with parents listed in any order, codes upper-cased', async () => {
    const result = await importUnits(
      deps,
      `\uFEFFcode,name,parent_code\nVP,Văn phòng Sở,SO\nSO,Sở Nội vụ,\n`,
    )
    expect(result).toEqual({ ok: true, value: { created: 2, updated: 0 } })
    const rows = await deps.db
      .selectFrom('unit as u')
      .leftJoin('unit as p', 'p.id', 'u.parent_id')
      .select(['u.code', 'u.name', 'p.code as parent'])
      .orderBy('u.code')
      .execute()
    expect(rows).toEqual([
      { code: 'SO', name: 'Sở Nội vụ', parent: null },
      { code: 'VP', name: 'Văn phòng Sở', parent: 'SO' },
    ])
  })

  it('updates names on a second import instead of duplicating', async () => {
    await importUnits(deps, UNITS)
    const again = await importUnits(deps, 'code,name,parent_code\nVP,Văn phòng,SO\n')
    expect(again).toEqual({ ok: true, value: { created: 0, updated: 1 } })
    expect(
      await deps.db.selectFrom('unit').select('name').where('code', '=', 'VP').executeTakeFirst(),
    ).toEqual({ name: 'Văn phòng' })
    expect(
      await deps.db.selectFrom('unit').select(deps.db.fn.countAll().as('n')).executeTakeFirst(),
    ).toEqual({ n: 3 })
  })

  it('refuses the whole file when a row is bad, naming line and column', async () => {
    const bad = `code,name,parent_code
VP,Văn phòng Sở,
Phòng Nội vụ,Phòng tổ chức,
TTCNTT,,
KT,Phòng Kế toán,XYZ
VP,Trùng mã,
`
    const result = await importUnits(deps, bad)
    expect(result.ok).toBe(false)
    if (result.ok || result.error.code !== 'csv-invalid') throw new Error('expected csv-invalid')
    expect(result.error.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'code'],
      [4, 'name'],
      [5, 'parent_code'],
      [6, 'code'],
    ])
    expect(await deps.db.selectFrom('unit').selectAll().execute()).toEqual([])
  })

  it('counts lines as an editor shows them, across blank lines and quoted line breaks', async () => {
    const result = await importUnits(
      deps,
      'code,name,parent_code\n\nVP,"Văn phòng\nSở",\nPhòng X,Tên,\n',
    )
    if (result.ok || result.error.code !== 'csv-invalid') throw new Error('expected csv-invalid')
    expect(result.error.problems.map((p) => [p.line, p.column])).toEqual([[5, 'code']])
  })

  it('refuses a file without the header', async () => {
    const result = await importUnits(deps, 'VP,Văn phòng Sở\n')
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'csv-invalid', problems: [{ line: 1 }] },
    })
  })
})

describe('importRoster', () => {
  beforeEach(async () => {
    await importUnits(deps, UNITS)
  })

  it('imports people by id or username, with roles', async () => {
    const roster = `unit_code,full_name,telegram_id,username,role
VP,Nguyễn Thị Lan,1001,,office
TTCNTT,Trần Văn Minh,,@tranminh,head
VP,Lê Thu Hà,1003,leha,
`
    expect(await importRoster(deps, roster)).toEqual({
      ok: true,
      value: { created: 3, updated: 0 },
    })
    const people = await deps.db
      .selectFrom('member')
      .innerJoin('unit', 'unit.id', 'member.unit_id')
      .select(['full_name', 'telegram_id', 'username', 'role', 'unit.code', 'in_roster'])
      .orderBy('full_name')
      .execute()
    expect(people).toEqual([
      {
        full_name: 'Lê Thu Hà',
        telegram_id: 1003,
        username: 'leha',
        role: 'member',
        code: 'VP',
        in_roster: 1,
      },
      {
        full_name: 'Nguyễn Thị Lan',
        telegram_id: 1001,
        username: null,
        role: 'office',
        code: 'VP',
        in_roster: 1,
      },
      {
        full_name: 'Trần Văn Minh',
        telegram_id: null,
        username: 'tranminh',
        role: 'head',
        code: 'TTCNTT',
        in_roster: 1,
      },
    ])
    const audit = await deps.db.selectFrom('audit_log').select('action').execute()
    expect(audit.map((a) => a.action)).toContain('roster.import')
  })

  it('refuses the whole file when any row is bad', async () => {
    const roster = `unit_code,full_name,telegram_id,username,role
VP,Nguyễn Thị Lan,1001,,office
XX,Người lạ,1002,,
VP,Không định danh,,,
VP,Sai vai trò,1004,,boss
VP,Id hỏng,12ab,,
VP,Trùng người,1001,,
`
    const result = await importRoster(deps, roster)
    if (result.ok || result.error.code !== 'csv-invalid') throw new Error('expected csv-invalid')
    expect(result.error.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 'unit_code'],
      [4, 'telegram_id'],
      [5, 'role'],
      [6, 'telegram_id'],
      [7, 'telegram_id'],
    ])
    expect(await deps.db.selectFrom('member').selectAll().execute()).toEqual([])
  })
})
