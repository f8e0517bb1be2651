import type { Selectable } from 'kysely'
import type { MemberTable } from '../../db/schema.js'
import type { Role } from './roles.js'

export interface Member {
  id: number
  telegramId: number | null
  username: string | null
  fullName: string
  unitId: number | null
  /** The stored role; see effectiveRole for admins from ADMIN_IDS. */
  role: Role
  inRoster: boolean
  language: string | null
  privateChatId: number | null
}

export function rowToMember(row: Selectable<MemberTable>): Member {
  return {
    id: row.id,
    telegramId: row.telegram_id,
    username: row.username,
    fullName: row.full_name,
    unitId: row.unit_id,
    role: row.role,
    inRoster: row.in_roster === 1,
    language: row.chosen_language ?? row.telegram_language,
    privateChatId: row.private_chat_id,
  }
}

/** Administrators are whoever ADMIN_IDS names today, whatever the table says. */
export function effectiveRole(
  member: Pick<Member, 'role' | 'telegramId'> | undefined,
  adminIds: readonly number[],
  telegramId?: number,
): Role {
  const id = member?.telegramId ?? telegramId
  if (id !== undefined && id !== null && adminIds.includes(id)) return 'admin'
  return member?.role ?? 'member'
}
