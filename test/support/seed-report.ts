import type { Deps } from '../../src/domain/deps.js'
import { seedWorld, type World } from './seed-world.js'

export interface ReportWorld extends World {
  broadcastIds: [number, number]
  reportActivityId: number
  /** Members by unit index, three each, in seed order. */
  byUnit: { id: number; telegramId: number }[][]
}

/**
 * The dataset the report figures are checked on (clock: 06/05/2024 10:00 local):
 * - U1: 3 members + the office (known 4, group 4). Two broadcasts; B1 confirmed by
 *   1.1 (button) and 1.2 (reaction), B2 by 1.1 (command). 1.1 and 1.2 took part.
 *   Report submitted 04/05 (on time).
 * - U2: 3 members, group of 6 (headcount from the group, 3 unidentified). B1 by 2.1
 *   (reaction), B2 by 2.1 and 2.2. Reports submitted 03/05 then 06/05 (late, both kept).
 * - U3: the three renamed An, Bình, Châu, plus roster rows Đỗ Quang Anh and Phạm Thu Hà
 *   (away 05–08/05, "ốm", and her confirmation does not count). Only B1 reached U3.
 * B2 should be confirmed by 08/05.
 */
export async function seedReportWorld(deps: Deps): Promise<ReportWorld> {
  const world = await seedWorld(deps)
  const db = deps.db
  const [u1, u2, u3] = world.units as [
    World['units'][number],
    World['units'][number],
    World['units'][number],
  ]
  const byUnit = world.units.map((u) => world.members.filter((m) => m.unitId === u.id))
  const m = (unit: number, index: number) => byUnit[unit]![index]!.id

  await db
    .updateTable('unit_chat')
    .set({ member_count: 6 })
    .where('id', '=', u2.unitChatId)
    .execute()
  const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Minh Châu']
  for (const [i, name] of names.entries())
    await db.updateTable('member').set({ full_name: name }).where('id', '=', m(2, i)).execute()
  const roster = await db
    .insertInto('member')
    .values(
      ['Phạm Thu Hà', 'Đỗ Quang Anh'].map((full_name) => ({
        telegram_id: null,
        username: null,
        full_name,
        unit_id: u3.id,
        in_roster: 1,
        telegram_language: null,
        chosen_language: null,
        private_chat_id: null,
        last_seen_at: null,
      })),
    )
    .returning('id')
    .execute()
  await db
    .insertInto('absence')
    .values({
      member_id: roster[0]!.id,
      from_on: '2024-05-05',
      to_on: '2024-05-08',
      reason: 'ốm',
      created_by: null,
    })
    .execute()

  const broadcast = async (sendAt: string, confirmBy: string | null, units: typeof world.units) => {
    const row = await db
      .insertInto('broadcast')
      .values({
        campaign_id: world.campaignId,
        series_id: null,
        source_chat_id: 9,
        source_message_ids: '[1]',
        slogan: null,
        send_at: sendAt,
        confirm_by: confirmBy,
        status: 'sent',
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    for (const unit of units)
      await db
        .insertInto('delivery')
        .values({
          broadcast_id: row.id,
          unit_chat_id: unit.unitChatId,
          unit_id: unit.id,
          chat_id: unit.chatId,
          thread_id: null,
          state: 'sent',
          next_attempt_at: sendAt,
          message_id: 10 + row.id,
          message_ids: null,
          sent_at: sendAt,
        })
        .execute()
    return row.id
  }
  const b1 = await broadcast('2024-04-15T01:00:00Z', null, [u1, u2, u3])
  const b2 = await broadcast('2024-04-16T01:00:00Z', '2024-05-08T10:00:00Z', [u1, u2])

  const ack = (broadcastId: number, memberId: number, source: 'button' | 'reaction' | 'command') =>
    db
      .insertInto('acknowledgement')
      .values({
        broadcast_id: broadcastId,
        member_id: memberId,
        delivery_id: null,
        source,
        created_at: '2024-04-16T02:00:00Z',
      })
      .execute()
  await ack(b1, m(0, 0), 'button')
  await ack(b1, m(0, 1), 'reaction')
  await ack(b2, m(0, 0), 'command')
  await ack(b1, m(1, 0), 'reaction')
  await ack(b2, m(1, 0), 'button')
  await ack(b2, m(1, 1), 'button')
  await ack(b1, roster[0]!.id, 'button')

  const activities = await db
    .selectFrom('activity')
    .select(['id', 'kind'])
    .where('campaign_id', '=', world.campaignId)
    .execute()
  const participationId = activities.find((a) => a.kind === 'participation')!.id
  const reportActivityId = activities.find((a) => a.kind === 'report')!.id
  for (const memberId of [m(0, 0), m(0, 1)])
    await db
      .insertInto('participation')
      .values({
        activity_id: participationId,
        member_id: memberId,
        note: 'Đã đọc',
        photo_file_id: null,
        source: 'button',
        created_at: '2024-04-20T02:00:00Z',
      })
      .execute()
  const submit = (unitId: number, by: number, at: string, text: string) =>
    db
      .insertInto('report_submission')
      .values({
        activity_id: reportActivityId,
        unit_id: unitId,
        submitted_by: by,
        text,
        document_file_id: null,
        document_name: null,
        created_at: at,
      })
      .execute()
  await submit(u1.id, m(0, 0), '2024-05-04T03:00:00Z', 'Báo cáo của Phòng số 1')
  await submit(u2.id, m(1, 0), '2024-05-03T03:00:00Z', 'Bản đầu')
  await submit(u2.id, m(1, 1), '2024-05-06T02:00:00Z', 'Bản bổ sung')

  return {
    ...world,
    broadcastIds: [b1, b2],
    reportActivityId,
    byUnit: byUnit.map((list) => list.map(({ id, telegramId }) => ({ id, telegramId }))),
  }
}
