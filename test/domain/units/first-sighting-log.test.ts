import { Writable } from 'node:stream'
import { pino } from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importRoster } from '../../../src/domain/units/import-roster.js'
import { importUnits } from '../../../src/domain/units/import-units.js'
import { rememberMember } from '../../../src/domain/units/members.js'
import { createTestDeps, type TestDeps } from '../../support/temp-db.js'

let deps: TestDeps
let lines: Record<string, unknown>[]

beforeEach(async () => {
  deps = await createTestDeps()
  lines = []
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>)
      done()
    },
  })
  deps.logger = pino({ level: 'info' }, sink)
})
afterEach(() => deps.close())

const firstMessages = () => lines.filter((l) => l['msg'] === 'first message from a new person')

describe('the log names a person the first time Loa hears from them (issue 11, point 19)', () => {
  it('once, at info, with their Telegram id, name and username', async () => {
    const lan = { telegramId: 1001, firstName: 'Lan', lastName: 'Nguyễn Thị', username: 'lan_nt' }
    await rememberMember(deps, lan, { chatId: 1001, isGroup: false })
    await rememberMember(deps, lan, { chatId: 1001, isGroup: false })
    expect(firstMessages()).toEqual([
      expect.objectContaining({
        level: 30,
        telegramId: 1001,
        name: 'Nguyễn Thị Lan',
        username: 'lan_nt',
      }),
    ])
  })

  it('also when a roster row waiting under their username is claimed', async () => {
    await importUnits(deps, 'code,name,parent_code\nVP,Văn phòng Sở,\n')
    await importRoster(
      deps,
      'unit_code,full_name,telegram_id,username,role\nVP,Trần Văn Minh,,minh_tv,\n',
    )
    await rememberMember(
      deps,
      { telegramId: 1002, firstName: 'Minh', username: 'Minh_TV' },
      { chatId: 1002, isGroup: false },
    )
    expect(firstMessages()).toEqual([
      expect.objectContaining({ telegramId: 1002, name: 'Trần Văn Minh' }),
    ])
  })
})
