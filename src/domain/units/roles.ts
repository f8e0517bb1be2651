import type { RoleName } from '../../db/schema.js'

export type Role = RoleName

export const ROLES: readonly Role[] = ['member', 'head', 'leader', 'office', 'admin']

/** Roles an administrator may grant; `admin` itself comes only from ADMIN_IDS. */
export const GRANTABLE_ROLES: readonly Role[] = ['member', 'head', 'leader', 'office']

/**
 * What a role may do. Admins can do what the office does (they set the bot up);
 * leaders read everything and change nothing (PRODUCT §1).
 */
export type Capability =
  | 'register-group'
  | 'grant-role'
  | 'manage-units'
  | 'manage-campaigns'
  | 'broadcast'
  | 'read-all-reports'
  | 'read-own-unit-report'
  | 'take-part'

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  member: ['take-part'],
  head: ['take-part', 'read-own-unit-report'],
  leader: ['take-part', 'read-own-unit-report', 'read-all-reports'],
  office: [
    'take-part',
    'read-own-unit-report',
    'read-all-reports',
    'manage-units',
    'manage-campaigns',
    'broadcast',
  ],
  admin: [
    'take-part',
    'read-own-unit-report',
    'read-all-reports',
    'manage-units',
    'manage-campaigns',
    'broadcast',
    'register-group',
    'grant-role',
  ],
}

export function can(role: Role, capability: Capability): boolean {
  return CAPABILITIES[role].includes(capability)
}

/** The lowest roles that have a capability, for "who may use this" messages. */
export function rolesWith(capability: Capability): Role[] {
  return ROLES.filter((role) => can(role, capability))
}

/**
 * The words an administrator may type for a role in /phanquyen: Vietnamese
 * without diacritics (as the command names are) and the English ones.
 */
const ROLE_WORDS: Readonly<Record<string, Role>> = {
  thanhvien: 'member',
  truongdonvi: 'head',
  lanhdao: 'leader',
  vanphong: 'office',
  member: 'member',
  head: 'head',
  leader: 'leader',
  office: 'office',
}

/** A grantable role from what was typed (case and diacritics ignored), or undefined. */
export function parseGrantableRole(word: string): Role | undefined {
  const key = word
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .trim()
  return ROLE_WORDS[key]
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}
