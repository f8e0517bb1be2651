import { z } from 'zod'
import type { Db } from '../../db/database.js'

/**
 * A campaign's reminder policy (PRODUCT §4), stored as JSON in
 * `campaign.reminder_policy`; NULL means the default. `offsets` are working
 * days before the due day (0 = the due day itself), `time` the local HH:MM.
 */
export type ReminderPolicy = { enabled: true; offsets: number[]; time: string } | { enabled: false }

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  enabled: true,
  offsets: [3, 1, 0],
  time: '08:00',
}

/** At most this many reminders before one due date: more is nagging, not reminding. */
export const MAX_OFFSETS = 6
export const MAX_OFFSET_DAYS = 20

const storedPolicy = z.union([
  z.object({
    enabled: z.literal(true),
    offsets: z.array(z.number().int().min(0).max(MAX_OFFSET_DAYS)).min(1).max(MAX_OFFSETS),
    time: z.string().regex(/^\d{2}:\d{2}$/),
  }),
  z.object({ enabled: z.literal(false) }),
])

/** The column's value as a policy; unreadable JSON falls back to the default rather than silence. */
export function decodeReminderPolicy(stored: string | null): ReminderPolicy {
  if (stored === null) return DEFAULT_REMINDER_POLICY
  try {
    const parsed = storedPolicy.safeParse(JSON.parse(stored))
    return parsed.success ? parsed.data : DEFAULT_REMINDER_POLICY
  } catch {
    return DEFAULT_REMINDER_POLICY
  }
}

export function encodeReminderPolicy(policy: ReminderPolicy): string {
  return JSON.stringify(policy)
}

/** Quiet hours (PRODUCT §4): nothing is sent from 21:00 to 07:00 local time. */
export const QUIET_FROM_MINUTES = 21 * 60
export const QUIET_UNTIL_MINUTES = 7 * 60

export function isQuietTime(minutesOfDay: number): boolean {
  return minutesOfDay >= QUIET_FROM_MINUTES || minutesOfDay < QUIET_UNTIL_MINUTES
}

/**
 * `3,1,0 08:00` or `tat` (`/chiendich <MÃ> nhacnho …`). Returns null when the
 * text is not a policy; a time inside quiet hours is refused too, since such
 * reminders could only ever wait for 07:00.
 */
export function parseReminderPolicy(text: string): ReminderPolicy | null {
  const words = text.trim().toLowerCase().split(/\s+/)
  if (words.length === 1 && ['tat', 'tắt', 'off'].includes(words[0] ?? ''))
    return { enabled: false }
  const [list, clock, ...rest] = words
  if (list === undefined || rest.length > 0) return null
  if (!/^\d{1,2}(,\d{1,2})*$/.test(list)) return null
  const offsets = [...new Set(list.split(',').map(Number))].sort((a, b) => b - a)
  if (offsets.length > MAX_OFFSETS || offsets.some((n) => n > MAX_OFFSET_DAYS)) return null
  const match = /^(\d{1,2})(?::(\d{2})|h(\d{2})?)$/.exec(clock ?? '08:00')
  if (match === null) return null
  const hours = Number(match[1])
  const minutes = Number(match[2] ?? match[3] ?? '0')
  if (hours > 23 || minutes > 59 || isQuietTime(hours * 60 + minutes)) return null
  const time = `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`
  return { enabled: true, offsets, time }
}

/** `3,1,0 08:00` / `tat`: the policy as the office types it, for replies and the README. */
export function formatReminderPolicy(policy: ReminderPolicy): string {
  return policy.enabled ? `${policy.offsets.join(',')} ${policy.time}` : 'tat'
}

/** The stored policy of a campaign, for `/chiendich <MÃ>`. */
export async function campaignReminderPolicy(db: Db, campaignId: number): Promise<ReminderPolicy> {
  const row = await db
    .selectFrom('campaign')
    .select('reminder_policy')
    .where('id', '=', campaignId)
    .executeTakeFirst()
  return decodeReminderPolicy(row?.reminder_policy ?? null)
}
