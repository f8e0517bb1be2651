import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type SQLite from 'better-sqlite3'
import { pino } from 'pino'
import { createApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { requireSqlite } from '../../src/db/database.js'
import { migrateToLatest } from '../../src/db/migrator.js'
import { createCampaign } from '../../src/domain/campaigns/create-campaign.js'
import type { Deps } from '../../src/domain/deps.js'
import { OFFICE } from './office.js'

export interface Department {
  units: { id: number; code: string; chatId: number }[]
  campaignCodes: string[]
  members: number
  broadcasts: number
  acknowledgements: number
}

export interface DepartmentSize {
  units: number
  membersPerUnit: number
  campaigns: number
  broadcastsPerCampaign: number
  /** Acknowledgements per broadcast; each falls on a different member. */
  acksPerBroadcast: number
}

export const LARGE_DEPARTMENT: DepartmentSize = {
  units: 400,
  membersPerUnit: 50,
  campaigns: 50,
  broadcastsPerCampaign: 20,
  acksPerBroadcast: 2000,
}

const FAMILY = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Huỳnh',
  'Phan',
  'Vũ',
  'Võ',
  'Đặng',
  'Bùi',
  'Đỗ',
]
const MIDDLE = ['Văn', 'Thị', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Đức', 'Thanh', 'Hữu', 'Hoài']
const GIVEN = [
  'An',
  'Bình',
  'Châu',
  'Dũng',
  'Đạt',
  'Giang',
  'Hà',
  'Hải',
  'Hạnh',
  'Hùng',
  'Khánh',
  'Lan',
  'Linh',
  'Long',
  'Mai',
  'Nam',
  'Nga',
  'Ngân',
  'Oanh',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Trung',
  'Tú',
  'Tuấn',
  'Uyên',
  'Vân',
  'Việt',
  'Yến',
]

/**
 * A department built with bulk inserts (never through the bot): units with one
 * group each, members, the office (Telegram id 9), campaigns through the domain
 * (so they are exactly what Loa creates), sent broadcasts with a delivery in
 * every group, and acknowledgements spread evenly over units by a stride.
 */
export async function buildDepartment(
  deps: Deps,
  sqlite: SQLite.Database,
  size: DepartmentSize,
): Promise<Department> {
  const units: Department['units'] = []
  const memberCount = size.units * size.membersPerUnit
  sqlite.transaction(() => {
    const unit = sqlite.prepare('insert into unit (code, name) values (?, ?)')
    const chat = sqlite.prepare(
      'insert into unit_chat (unit_id, chat_id, title, bot_is_admin, member_count, registered_by) values (?, ?, ?, 1, ?, 1)',
    )
    const member = sqlite.prepare(
      'insert into member (telegram_id, full_name, unit_id) values (?, ?, ?)',
    )
    for (let u = 1; u <= size.units; u++) {
      const code = `DV${String(u).padStart(3, '0')}`
      const id = Number(unit.run(code, `Đơn vị số ${u}`).lastInsertRowid)
      const chatId = -100_000 - u
      chat.run(id, chatId, `Nhóm ${code}`, size.membersPerUnit + 2)
      units.push({ id, code, chatId })
      for (let m = 0; m < size.membersPerUnit; m++) {
        const n = (u - 1) * size.membersPerUnit + m
        const name = `${FAMILY[n % FAMILY.length]} ${MIDDLE[n % MIDDLE.length]} ${GIVEN[(n * 7) % GIVEN.length]}`
        member.run(1_000_000 + n, name, id)
      }
    }
    sqlite
      .prepare(
        "insert into member (telegram_id, username, full_name, unit_id, role, private_chat_id) values (?, 'vanphong', 'Văn Phòng', ?, 'office', ?)",
      )
      .run(OFFICE, units[0]!.id, OFFICE)
  })()
  const office = sqlite.prepare('select id from member where telegram_id = ?').get(OFFICE) as {
    id: number
  }

  const campaignCodes: string[] = []
  for (let c = 1; c <= size.campaigns; c++) {
    const created = await createCampaign(deps, {
      title: `Kế hoạch tuyên truyền số ${c} năm 2026`,
      code: `KH${String(c).padStart(2, '0')}2026`,
      period: { start: '2026-01-05', end: '2099-12-31' },
      slogans: ['Sách hay cần bạn đọc'],
      targetUnitIds: units.map((u) => u.id),
      activities: [
        {
          title: 'Đọc sách và chia sẻ cảm nhận',
          kind: 'participation',
          leadUnitId: null,
          leadText: null,
          coordinators: [],
          dueOn: '2099-06-30',
          dueText: null,
        },
        {
          title: 'Báo cáo kết quả',
          kind: 'report',
          leadUnitId: units[0]!.id,
          leadText: null,
          coordinators: [],
          dueOn: '2099-06-30',
          dueText: null,
        },
      ],
      createdByMemberId: office.id,
      status: 'active',
    })
    if (!created.ok) throw new Error(`campaign ${c}: ${created.error.code}`)
    campaignCodes.push(created.value.code)
  }

  const firstMember = (sqlite.prepare('select min(id) as id from member').get() as { id: number })
    .id
  // Generated rows reference only rows just written; checking each of 2 M keys would double the time.
  sqlite.pragma('foreign_keys = OFF')
  sqlite.transaction(() => {
    const broadcast = sqlite.prepare(
      "insert into broadcast (campaign_id, source_chat_id, source_message_ids, send_at, status) values (?, 9, '[1]', ?, 'sent')",
    )
    const campaigns = sqlite.prepare('select id from campaign order by id').all() as {
      id: number
    }[]
    for (const [ci, campaign] of campaigns.entries())
      for (let b = 0; b < size.broadcastsPerCampaign; b++) {
        const day = String(1 + ((ci + b) % 28)).padStart(2, '0')
        broadcast.run(campaign.id, `2026-02-${day}T01:00:00.000Z`)
      }
    sqlite.exec(`insert into broadcast_target (broadcast_id, unit_id)
      select b.id, t.unit_id from broadcast b join campaign_target t on t.campaign_id = b.campaign_id`)
    sqlite.exec(`insert into delivery (broadcast_id, unit_chat_id, unit_id, chat_id, state, next_attempt_at, message_id, sent_at)
      select b.id, c.id, c.unit_id, c.chat_id, 'sent', b.send_at, b.id, b.send_at
      from broadcast b cross join unit_chat c order by b.id, c.id`)
    // Broadcast b is acknowledged by members firstMember + (b·7919 + 10·i) mod N, i < acksPerBroadcast:
    // distinct members, every unit alike.
    sqlite.exec(`insert into acknowledgement (broadcast_id, member_id, delivery_id, source, created_at)
      with recursive n(i) as (select 0 union all select i + 1 from n where i < ${size.acksPerBroadcast - 1})
      select b.id, ${firstMember} + ((b.id * 7919 + n.i * 10) % ${memberCount}), null,
        case n.i % 3 when 0 then 'reaction' else 'button' end, b.send_at
      from broadcast b cross join n`)
  })()
  sqlite.pragma('foreign_keys = ON')
  sqlite.exec('analyze')
  const count = (table: string) =>
    (sqlite.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n
  return {
    units,
    campaignCodes,
    members: count('member'),
    broadcasts: count('broadcast'),
    acknowledgements: count('acknowledgement'),
  }
}

/**
 * {@link buildDepartment} into the SQLite file `file` (migrated as Loa does),
 * in a Node process of its own: the bulk build's memory is then not counted in
 * the peak RSS of the Loa process that reports on it (issue 14).
 */
export async function buildDepartmentFile(
  file: string,
  size: DepartmentSize = LARGE_DEPARTMENT,
): Promise<Department> {
  const script = fileURLToPath(import.meta.url)
  const child = spawn(
    process.execPath,
    ['--import', import.meta.resolve('tsx'), script, file, JSON.stringify(size)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? 1)))
  if (code !== 0) throw new Error(`department build exited with ${code}`)
  return JSON.parse(out) as Department
}

async function buildInThisProcess(file: string, size: DepartmentSize): Promise<void> {
  const config = loadConfig({
    BOT_TOKEN: '7000001:BENCH-token-for-the-loa-stand-in',
    DATABASE_PATH: file,
    LOG_LEVEL: 'silent',
  })
  const app = createApp(config, { logger: pino({ level: 'silent' }) })
  await migrateToLatest(app.deps.db)
  const sqlite = requireSqlite(app.database)
  const department = await buildDepartment(app.deps, sqlite, size)
  sqlite.close()
  process.stdout.write(JSON.stringify(department))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [file, size] = process.argv.slice(2)
  if (file === undefined) throw new Error('usage: department.ts <file> [size as JSON]')
  await buildInThisProcess(
    file,
    size === undefined ? LARGE_DEPARTMENT : (JSON.parse(size) as DepartmentSize),
  )
}
