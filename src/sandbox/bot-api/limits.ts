import type { Clock } from '../../clock.js'
import type { LimitViolation } from './types.js'

/** Calls that create messages: they share the global budget of ~30 messages per second. */
export const SENDING_METHODS = new Set([
  'sendMessage',
  'copyMessage',
  'copyMessages',
  'forwardMessage',
  'forwardMessages',
  'sendPhoto',
  'sendDocument',
  'sendMediaGroup',
  'sendVideo',
  'sendAudio',
  'sendVoice',
  'sendAnimation',
  'sendSticker',
  'sendPoll',
  'sendLocation',
  'sendContact',
])

/** Loa's spec counts edits in a group's 20-per-minute budget too. */
export const EDIT_METHODS = new Set([
  'editMessageText',
  'editMessageReplyMarkup',
  'editMessageCaption',
])

const GLOBAL = { limit: 30, windowMs: 1_000 }
const PER_GROUP = { limit: 20, windowMs: 60_000 }

interface Stamp {
  at: number
  weight: number
}

export interface LimitCheck {
  violations: LimitViolation[]
  /** Seconds until the call would fit, when over a limit. */
  retryAfter?: number
}

/**
 * Sliding windows over the injected clock: ~30 messages per second overall, 20 per minute
 * into one group or supergroup. Private chats only count towards the global budget
 * (Telegram's "about one message per second" there is a soft guideline, not an error).
 * An album or copyMessages of n messages weighs n.
 */
export class RateLimits {
  private global: Stamp[] = []
  private readonly perChat = new Map<number, Stamp[]>()

  constructor(private readonly clock: Clock) {}

  check(method: string, group: number | undefined, weight: number): LimitCheck {
    const now = this.clock.now().getTime()
    const violations: LimitViolation[] = []
    let retryAfter = 0
    if (SENDING_METHODS.has(method)) {
      this.global = prune(this.global, now, GLOBAL.windowMs)
      const wait = waitFor(this.global, weight, now, GLOBAL)
      if (wait !== undefined) {
        violations.push({ kind: 'global', method, at: new Date(now) })
        retryAfter = Math.max(retryAfter, wait)
      }
    }
    if (group !== undefined) {
      const stamps = prune(this.perChat.get(group) ?? [], now, PER_GROUP.windowMs)
      this.perChat.set(group, stamps)
      const wait = waitFor(stamps, weight, now, PER_GROUP)
      if (wait !== undefined) {
        violations.push({ kind: 'per-chat', method, chatId: group, at: new Date(now) })
        retryAfter = Math.max(retryAfter, wait)
      }
    }
    return violations.length === 0 ? { violations } : { violations, retryAfter }
  }

  /** Counts a call that went through. */
  commit(method: string, group: number | undefined, weight: number): void {
    const stamp = { at: this.clock.now().getTime(), weight }
    if (SENDING_METHODS.has(method)) this.global.push(stamp)
    if (group !== undefined) {
      const stamps = this.perChat.get(group) ?? []
      stamps.push(stamp)
      this.perChat.set(group, stamps)
    }
  }
}

function prune(stamps: Stamp[], now: number, windowMs: number): Stamp[] {
  return stamps.filter((s) => s.at > now - windowMs)
}

/** undefined if `weight` more fits in the window; else whole seconds until enough has left it. */
function waitFor(
  stamps: Stamp[],
  weight: number,
  now: number,
  rule: { limit: number; windowMs: number },
): number | undefined {
  let used = stamps.reduce((sum, s) => sum + s.weight, 0)
  if (used + weight <= rule.limit) return undefined
  for (const stamp of stamps) {
    used -= stamp.weight
    if (used + weight <= rule.limit)
      return Math.max(1, Math.ceil((stamp.at + rule.windowMs - now) / 1000))
  }
  return Math.ceil(rule.windowMs / 1000)
}
