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
  /** Issue 12: /gui to the groups of one's own unit only (heads); `broadcast` is anywhere. */
  | 'broadcast-own-unit'
  | 'read-all-reports'
  | 'read-own-unit-report'
  | 'take-part'

const CAPABILITIES: Record<Role, readonly Capability[]> = {
  member: ['take-part'],
  head: ['take-part', 'read-own-unit-report', 'broadcast-own-unit'],
  leader: ['take-part', 'read-own-unit-report', 'read-all-reports'],
  office: [
    'take-part',
    'read-own-unit-report',
    'read-all-reports',
    'manage-units',
    'manage-campaigns',
    'broadcast',
    'broadcast-own-unit',
  ],
  admin: [
    'take-part',
    'read-own-unit-report',
    'read-all-reports',
    'manage-units',
    'manage-campaigns',
    'broadcast',
    'broadcast-own-unit',
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

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value)
}
