import { afterEach, describe, expect, it } from 'vitest'
import { ManualClock } from '../../src/clock.js'
import { seedWorld } from '../support/seed-world.js'
import { TestBot } from '../support/test-bot.js'

let t: TestBot
afterEach(() => t.stop())

/** The office's broadcast sent to unit U1's group, and the member of U1 who will tap its ✅. */
async function sentCopy() {
  const world = await seedWorld(t.app.deps)
  const group = t.group(world.units[0]!.chatId, 'Nhóm phòng 1')
  const office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
  const composed = await office.says('Sách hay cần bạn đọc', 'private')
  await office.says(`/gui ${world.campaignCode} ngay U1`, 'private', {
    replyTo: composed.message!.message_id,
  })
  await t.confirmLast(office)
  await t.runSenderAt('2024-04-15T01:00:01Z')
  const copy = t.api.botMessages(group.id).at(-1)!
  const ack = t.buttons(group, copy.message_id)[0]!
  const member = world.members[0]!
  const person = t.person({ id: member.telegramId, first_name: 'Người', last_name: '1.1' })
  return { group, copy, ack, member, person }
}

describe('the tap path (issue 8: counters instead of counting)', () => {
  it('a ✅ press by a known member costs a fixed handful of statements, one write transaction for the ack and the inbox', async () => {
    const statements: string[] = []
    t = await TestBot.start({
      clock: new ManualClock('2024-04-15T01:00:00Z'),
      // PostgreSQL numbers its parameters ($1): one spelling for both engines.
      onQuery: (event) => statements.push(event.query.sql.replace(/\$\d+/g, '?')),
    })
    const { group, copy, ack, person } = await sentCopy()
    // Seen once already (within the hour), as a member tapping is in practice.
    await person.says('Chào cả phòng', group)

    const before = statements.length
    const press = await person.presses(group, copy.message_id, ack.callback_data)
    // Nothing else runs meanwhile (the test clock stands still) but the poll that fetched
    // the press, whose batch is stored once per getUpdates (not per tap), and the test's
    // own "handled yet?" question, asked at once, before the poll returns.
    const observed = statements.slice(before)
    expect(observed[0]).toBe('select "handled_at" from "inbound_update" where "update_id" = ?')
    const handling = observed
      .slice(1)
      .filter((sql) => !/^insert into "inbound_update" .* do nothing$/.test(sql))
    // After its commit the tap wakes the scheduler (at most once a second, for the count
    // on the buttons): that pass belongs to the refresh job, not to the tap.
    const tap = handling.slice(0, handling.indexOf('commit') + 1)
    expect(
      handling.slice(tap.length).every((sql) => !/inbound_update|acknowledgement/.test(sql)),
    ).toBe(true)
    console.info(`tap statements (${tap.length}):\n${tap.join('\n')}`)
    const writes = tap.filter((sql) => /^(insert|update|delete)/i.test(sql))
    expect(writes.map((sql) => sql.split(' ').slice(0, 3).join(' '))).toEqual([
      // The inbox's claim and handled mark, one statement inside the tap's own transaction
      // (the poll stored the row; a webhook update would be inserted handled instead).
      'update "inbound_update" set',
      'insert into "acknowledgement"',
      // Issue 10: the member's queued private reminders of this broadcast are withdrawn.
      'update "outbound_message" set',
      // The copy's counter last: on PostgreSQL its row lock is held until the commit.
      'update "delivery" set',
    ])
    // One write commit per tap, as the bare bot makes: every write between the one begin and commit.
    const begin = tap.indexOf('begin')
    const commit = tap.indexOf('commit')
    expect(tap.filter((sql) => sql === 'begin' || sql === 'commit')).toEqual(['begin', 'commit'])
    expect(tap.slice(begin + 1, commit)).toEqual(expect.arrayContaining(writes))
    expect(tap.slice(0, begin).some((sql) => /^(insert|update|delete)/i.test(sql))).toBe(false)
    // No count over acknowledgement, no member write.
    expect(tap.some((sql) => /count\(/i.test(sql))).toBe(false)
    expect(tap.some((sql) => /^update "member"/i.test(sql))).toBe(false)
    // One read of the member, their presence in the group within it; not again inside the
    // transaction (the edge's ctx.member stands), and no read of the inbox ahead of its mark.
    expect(tap.filter((sql) => /^select .* from "member"/.test(sql))).toHaveLength(1)
    expect(tap.slice(0, begin).some((sql) => /inbound_update/.test(sql))).toBe(false)
    // 7 statements and the transaction's begin and commit; a flat cost, whatever the table sizes.
    expect(tap.length).toBe(9)
    const inbox = await t.db
      .selectFrom('inbound_update')
      .select(['handled_at', 'claimed_by'])
      .where('update_id', '=', press.update_id)
      .executeTakeFirstOrThrow()
    expect(inbox.handled_at).not.toBeNull()
    expect(inbox.claimed_by).toBeNull()
    expect(t.api.callbackAnswers.at(-1)?.text).toBe('Đã ghi nhận Anh/Chị đã đọc. Xin cảm ơn!')
    expect(
      await t.db.selectFrom('delivery').select(['acknowledged', 'keyboard_version']).execute(),
    ).toEqual([{ acknowledged: 1, keyboard_version: 1 }])
  })

  it('a tap delivered again (webhook retry, replay) is dropped by its mark: counted once, answered once, refusals too', async () => {
    t = await TestBot.start({ clock: new ManualClock('2024-04-15T01:00:00Z') })
    const { group, copy, ack, member, person } = await sentCopy()

    const press = await person.presses(group, copy.message_id, ack.callback_data)
    // A button of another broadcast on this copy: refused (stale-button), nothing written.
    const forged = await person.presses(group, copy.message_id, 'v1:a:999999', { forged: true })
    for (const update of [press, forged]) await t.app.loa.bot.handleUpdate(update)

    const calls = (update: typeof press) =>
      t.api
        .callsOf('answerCallbackQuery')
        .filter((c) => c.params['callback_query_id'] === update.callback_query!.id)
    expect(calls(press)).toHaveLength(1)
    expect(calls(forged)).toHaveLength(1)
    expect(calls(forged)[0]?.params['show_alert']).toBe(true)
    expect(await t.db.selectFrom('acknowledgement').select('member_id').execute()).toEqual([
      { member_id: member.id },
    ])
    expect(await t.db.selectFrom('delivery').select('acknowledged').execute()).toEqual([
      { acknowledged: 1 },
    ])
  })
})
