import { Api } from 'grammy'
import { afterEach } from 'vitest'
import { ManualClock } from '../../../src/clock.js'
import { BotApiStandIn, type BotApiStandInOptions } from '../../../src/sandbox/bot-api/index.js'

export const GROUP = -1001234567890
export const BASIC_GROUP = -4123456789
export const AN = {
  id: 1001,
  first_name: 'An',
  last_name: 'Nguyễn Văn',
  username: 'an_nguyen',
  language_code: 'vi',
}
export const BINH = { id: 1002, first_name: 'Bình', last_name: 'Trần Thị', language_code: 'vi' }

const open: BotApiStandIn[] = []
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()))
})

/** A stand-in with two users and a supergroup, closed after the test, and grammY's Api on it. */
export async function setup(options: BotApiStandInOptions = {}): Promise<{
  tg: BotApiStandIn
  api: Api
  clock: ManualClock
}> {
  const clock =
    options.clock instanceof ManualClock ? options.clock : new ManualClock('2024-04-21T01:00:00Z')
  const tg = await BotApiStandIn.start({ clock, ...options })
  open.push(tg)
  tg.addUser(AN)
  tg.addUser(BINH)
  tg.addGroup({ id: GROUP, title: 'Văn phòng Sở' })
  tg.setMember(GROUP, AN.id, 'creator')
  tg.setMember(GROUP, BINH.id, 'member')
  const api = new Api(tg.token, { apiRoot: tg.apiRoot })
  return { tg, api, clock }
}

/** What a failing grammY call threw, for asserting on GrammyError fields. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise
  } catch (error) {
    return error
  }
  throw new Error('expected the call to fail')
}
