import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  queueNudgeFallback,
  type NudgeFallback,
} from '../../../src/domain/outbound/nudge-fallback.js'
import { createTestDeps, type TestDeps } from '../../support/temp-db.js'

let deps: TestDeps
beforeEach(async () => {
  deps = await createTestDeps()
})
afterEach(() => deps.close())

const chat = { chatId: -1001, threadId: null }
const at = '2024-04-16T01:00:00.000Z'
const refused = (memberId: number, line = `Người ${memberId}`): NudgeFallback => ({
  key: 'rem:1:g-1001:fb',
  header: 'Các đồng chí sau chưa xác nhận:\n',
  line,
  broadcastId: 1,
  memberId,
})
const rows = () =>
  deps.db.selectFrom('outbound_message').select(['key', 'state', 'payload']).orderBy('id').execute()
const htmlOf = (payload: string) => (JSON.parse(payload) as { html: string }).html

describe('a refused nudge names its member in the group (issue 12)', () => {
  it('joins the names of one reminder and group in one pending message', async () => {
    expect(await queueNudgeFallback(deps.db, refused(1), chat, at)).toBe('queued')
    expect(await queueNudgeFallback(deps.db, refused(2), chat, at)).toBe('joined')
    const [list, ...others] = await rows()
    expect(others).toEqual([])
    expect(htmlOf(list!.payload)).toBe('Các đồng chí sau chưa xác nhận:\nNgười 1, Người 2')
  })

  it('opens a message of its own once the list is on its way, or full', async () => {
    await queueNudgeFallback(deps.db, refused(1), chat, at)
    await deps.db.updateTable('outbound_message').set({ state: 'sending' }).execute()
    expect(await queueNudgeFallback(deps.db, refused(2), chat, at)).toBe('queued')
    await deps.db.updateTable('outbound_message').set({ state: 'pending' }).execute()
    expect(await queueNudgeFallback(deps.db, refused(3, 'x'.repeat(3600)), chat, at)).toBe('queued')
    const all = await rows()
    expect(all.map((r) => r.key)).toEqual([
      'rem:1:g-1001:fb',
      'rem:1:g-1001:fb:2',
      'rem:1:g-1001:fb:3',
    ])
    expect(all.map((r) => htmlOf(r.payload).length <= 4096)).toEqual([true, true, true])
    // Each name once, in exactly one message.
    const text = all.map((r) => htmlOf(r.payload)).join('\n')
    expect(text.match(/Người 2/g)).toHaveLength(1)
  })
})
