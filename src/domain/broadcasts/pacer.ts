/**
 * Telegram's sending limits (PRODUCT §9), measured here so the outbox never
 * needs a 429 to find them: about 30 messages per second overall and 20 per
 * minute into one group, edits counted in the same per-group budget. Private
 * chats are held to the global limit only.
 *
 * Sliding windows over the instants of past reservations, on an injected
 * monotonic clock in milliseconds (`performance.now` in production): pacing
 * must not jump with the wall clock, and tests drive it by hand. No database.
 */
export interface PacerLimits {
  globalPerSecond: number
  groupPerMinute: number
  /** Group slots that edits leave to sends: counts are eventual, messages are not. */
  editReserve: number
  /**
   * Global slots per second that background sends (copies, notices, edits)
   * leave to replies, so a person never waits behind a broadcast: one when
   * nobody is being answered, growing with the replies of the last second up to this.
   */
  replyReserve: number
  /**
   * When 429s come in a burst (`floodBurst` of them within `floodWindowMs`),
   * the global rate is multiplied by this until `slowdownMs` past the pause: the
   * budget was misjudged. A 429 alone, or a few spread out, only pause for
   * retry_after: Telegram said how long, and the pace before was within the limits.
   */
  slowdownFactor: number
  slowdownMs: number
  floodBurst: number
  floodWindowMs: number
  /**
   * Added to each window: a request reserved at t reaches Telegram a little
   * later, and one reserved a second after may overtake it on another
   * connection. Without this margin, jitter alone makes Telegram count 31 in a second.
   */
  globalMarginMs: number
  groupMarginMs: number
}

export const TELEGRAM_LIMITS: PacerLimits = {
  globalPerSecond: 30,
  groupPerMinute: 20,
  editReserve: 4,
  replyReserve: 5,
  slowdownFactor: 0.5,
  slowdownMs: 60_000,
  floodBurst: 3,
  floodWindowMs: 5_000,
  globalMarginMs: 150,
  groupMarginMs: 2_000,
}

export type PaceKind = 'send' | 'edit'

/** Replies to a person go first; the queue's sends take what replies leave. */
export type PacePriority = 'reply' | 'background'

export type Reservation =
  { ok: true } | { ok: false; waitMs: number; scope: 'paused' | 'global' | 'group' }

const SECOND = 1_000
const MINUTE = 60_000

/** Group and supergroup ids are negative in Telegram; users (private chats) positive. */
export function isGroupChat(chatId: number): boolean {
  return chatId < 0
}

export class Pacer {
  private readonly global: number[] = []
  /** Instants of recent replies: how much room background sends leave (replyReserve). */
  private readonly replies: number[] = []
  private readonly groups = new Map<number, number[]>()
  private pausedUntil = -Infinity
  /** Background sends wait until then after taking the sending role (waitOutHandover). */
  private handoverUntil = -Infinity
  private slowUntil = -Infinity
  /** Instants of recent 429s, to tell a burst from a stray one. */
  private readonly floods: number[] = []

  constructor(
    private readonly now: () => number,
    readonly limits: PacerLimits = TELEGRAM_LIMITS,
  ) {}

  /**
   * Takes a slot for one call into `chatId` now, or says how long to wait. A
   * refusal takes nothing: ask again after `waitMs` (or try another chat when
   * the scope is `group`).
   */
  reserve(
    chatId: number,
    kind: PaceKind = 'send',
    priority: PacePriority = 'background',
  ): Reservation {
    const check = this.peek(chatId, kind, priority)
    if (!check.ok) return check
    const t = this.now()
    this.global.push(t)
    if (priority === 'reply') this.replies.push(t)
    if (isGroupChat(chatId)) {
      const window = this.groups.get(chatId)
      if (window === undefined) this.groups.set(chatId, [t])
      else window.push(t)
    }
    return check
  }

  /** Like reserve, without taking the slot. */
  peek(
    chatId: number,
    kind: PaceKind = 'send',
    priority: PacePriority = 'background',
  ): Reservation {
    const t = this.now()
    if (t < this.pausedUntil) return { ok: false, waitMs: this.pausedUntil - t, scope: 'paused' }
    if (priority === 'background' && t < this.handoverUntil)
      return { ok: false, waitMs: this.handoverUntil - t, scope: 'paused' }
    const second = SECOND + this.limits.globalMarginMs
    const minute = MINUTE + this.limits.groupMarginMs
    prune(this.global, t - second)
    prune(this.replies, t - second)
    const fullRate =
      t < this.slowUntil
        ? Math.max(1, Math.floor(this.limits.globalPerSecond * this.limits.slowdownFactor))
        : this.limits.globalPerSecond
    const reserve = Math.min(this.limits.replyReserve, this.replies.length + 1)
    const globalLimit = priority === 'reply' ? fullRate : Math.max(1, fullRate - reserve)
    let waitMs = 0
    let scope: 'global' | 'group' = 'global'
    if (this.global.length >= globalLimit) {
      waitMs = (this.global[this.global.length - globalLimit] ?? t) + second - t
    }
    if (isGroupChat(chatId)) {
      const window = this.groups.get(chatId)
      if (window !== undefined) {
        prune(window, t - minute)
        if (window.length === 0) this.groups.delete(chatId)
        const groupLimit =
          this.limits.groupPerMinute - (kind === 'edit' ? this.limits.editReserve : 0)
        if (window.length >= groupLimit) {
          const groupWait = (window[window.length - groupLimit] ?? t) + minute - t
          if (groupWait > waitMs) {
            waitMs = groupWait
            scope = 'group'
          }
        }
      }
    }
    return waitMs > 0 ? { ok: false, waitMs, scope } : { ok: true }
  }

  /**
   * A 429 with retry_after: everyone waits as Telegram says. Only when 429s
   * repeat in a burst does the pace itself drop for a while.
   */
  pauseAll(milliseconds: number): void {
    const t = this.now()
    prune(this.floods, t - this.limits.floodWindowMs)
    this.floods.push(t)
    this.pausedUntil = Math.max(this.pausedUntil, t + milliseconds)
    if (this.floods.length >= this.limits.floodBurst)
      this.slowUntil = Math.max(this.slowUntil, this.pausedUntil + this.limits.slowdownMs)
  }

  /**
   * §11: this process has just taken the sending role, and the instance that held
   * it may have sent for this bot until a moment ago, with counts this pacer never
   * saw. Telegram's second is waited out before anything is sent in the
   * background; not a flood. Replies go on: each instance paces its own anyway.
   */
  waitOutHandover(): void {
    this.handoverUntil = Math.max(
      this.handoverUntil,
      this.now() + SECOND + this.limits.globalMarginMs,
    )
  }

  /** Slots left in a group's minute, for tests and logs. */
  groupRemaining(chatId: number): number {
    const window = this.groups.get(chatId) ?? []
    prune(window, this.now() - MINUTE)
    return Math.max(0, this.limits.groupPerMinute - window.length)
  }
}

/** Drops instants at or before `cutoff` from the front of a sorted list. */
function prune(instants: number[], cutoff: number): void {
  let drop = 0
  while (drop < instants.length && (instants[drop] ?? Infinity) <= cutoff) drop++
  if (drop > 0) instants.splice(0, drop)
}
