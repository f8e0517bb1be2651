import { createCampaign, type NewCampaign } from '../../src/domain/campaigns/create-campaign.js'
import type { Deps } from '../../src/domain/deps.js'

export interface SeededUnit {
  id: number
  code: string
  chatId: number
  unitChatId: number
}

export interface World {
  units: SeededUnit[]
  officeId: number
  /** Three members per unit, in unit order. */
  members: { id: number; telegramId: number; unitId: number }[]
  campaignId: number
  campaignCode: string
}

/**
 * Units U1…Un, each with one registered group (chat ids -1001, -1002 …), three
 * members each, an office member, and an active campaign targeting all units
 * over 15/4–3/5/2024 with slogans and a participation activity.
 */
export async function seedWorld(
  deps: Deps,
  options: { groups?: number; campaign?: Partial<NewCampaign> } = {},
): Promise<World> {
  const count = options.groups ?? 3
  const units: SeededUnit[] = []
  const members: World['members'] = []
  for (let i = 1; i <= count; i++) {
    const unit = await deps.db
      .insertInto('unit')
      .values({ code: `U${i}`, name: `Phòng số ${i}`, parent_id: null })
      .returning('id')
      .executeTakeFirstOrThrow()
    const chatId = -1000 - i
    const chat = await deps.db
      .insertInto('unit_chat')
      .values({
        unit_id: unit.id,
        chat_id: chatId,
        thread_id: null,
        title: `Nhóm phòng ${i}`,
        member_count: 4,
        registered_by: 1,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    units.push({ id: unit.id, code: `U${i}`, chatId, unitChatId: chat.id })
    for (let m = 1; m <= 3; m++) {
      const telegramId = i * 100 + m
      const row = await deps.db
        .insertInto('member')
        .values({
          telegram_id: telegramId,
          username: null,
          full_name: `Người ${i}.${m}`,
          unit_id: unit.id,
          telegram_language: null,
          chosen_language: null,
          private_chat_id: null,
          last_seen_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      members.push({ id: row.id, telegramId, unitId: unit.id })
    }
  }
  const office = await deps.db
    .insertInto('member')
    .values({
      telegram_id: 9,
      username: 'vanphong',
      full_name: 'Văn Phòng',
      unit_id: units[0]?.id ?? null,
      role: 'office',
      telegram_language: null,
      chosen_language: null,
      private_chat_id: 9,
      last_seen_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  const created = await createCampaign(deps, {
    title:
      'Tổ chức các hoạt động Ngày Sách và Văn hóa đọc Việt Nam lần thứ ba năm 2024 tại Sở Nội vụ',
    period: { start: '2024-04-15', end: '2024-05-03' },
    slogans: ['Sách hay cần bạn đọc', 'Sách quý tặng bạn', 'Tặng sách hay - Mua sách thật'],
    targetUnitIds: units.map((u) => u.id),
    activities: [
      {
        title: 'Đọc sách và chia sẻ cảm nhận',
        kind: 'participation',
        leadUnitId: null,
        leadText: null,
        coordinators: [],
        dueOn: '2024-04-30',
        dueText: 'trước ngày 30/4/2024',
      },
      {
        title: 'Báo cáo kết quả',
        kind: 'report',
        leadUnitId: units[0]?.id ?? null,
        leadText: 'Phòng số 1',
        coordinators: [],
        dueOn: '2024-05-05',
        dueText: 'trước ngày 05/5/2024',
      },
    ],
    createdByMemberId: office.id,
    status: 'active',
    ...options.campaign,
  })
  if (!created.ok) throw new Error(`seed campaign: ${created.error.code}`)
  return {
    units,
    officeId: office.id,
    members,
    campaignId: created.value.id,
    campaignCode: created.value.code,
  }
}

/**
 * A second active campaign over 15/4–30/4/2024 targeting every unit, with one
 * report due on `dueOn` led by unit U1: a campaign of its own to sync or close.
 */
export async function seedReportCampaign(deps: Deps, world: World, dueOn: string): Promise<number> {
  const [, month, day] = dueOn.split('-').map(Number)
  const created = await createCampaign(deps, {
    title: 'Báo cáo sơ kết công tác tháng 4 năm 2024',
    period: { start: '2024-04-15', end: '2024-04-30' },
    slogans: [],
    targetUnitIds: world.units.map((u) => u.id),
    activities: [
      {
        title: 'Báo cáo sơ kết',
        kind: 'report',
        leadUnitId: world.units[0]!.id,
        leadText: null,
        coordinators: [],
        dueOn,
        dueText: `trước ngày ${day}/${month}/2024`,
      },
    ],
    status: 'active',
  })
  if (!created.ok) throw new Error(`seed report campaign: ${created.error.code}`)
  return created.value.id
}
