/**
 * Telegram's sending limits (PRODUCT §9), measured here so the outbox never
 * needs a 429 to find them: about 30 messages per second overall (edits have
 * 30 of their own) and 20 per minute into one group, edits counted in the same
 * per-group budget. Private chats are held to the global limit only.
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
   * leave to replies once a reply has had to wait for a slot: from then until
   * REPLY_PRIORITY_MS after its wait, one more than the replies of the last
   * second, up to this, so the next free slot is a person's and a
   * conversation during a broadcast is not held up again. Until a reply waits,
   * none: a slot kept idle for a reply that never comes is a message the
   * broadcast sends a second later (issue 14, scenario 1: two idle slots in the
   * first second, the office's own edit of its preview, cost 0.7 s at the end).
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
   * Added to each window. A slot taken with `take` is held until its call
   * completes and then a full window more: Telegram received the call at the
   * latest when its answer came back, and the next call cannot arrive before it
   * is made, so however late the network or either process runs, no window of
   * Telegram's sees 31 — without guessing the jitter (issue 14, scenario 1: a
   * fixed 150 ms margin still let stalls of the stand-in's process through).
   * Counting a slot from a little before its answer (a share of the fastest
   * round trip seen) was tried and dropped: a stall can sit in either leg of a
   * call, so the way back of one call and the way out of the next can both be
   * near nothing while every round trip is long, and a loaded machine drew
   * 429s. The margin is only the millisecond rounding of Telegram's clock and
   * ours. Slots taken with `reserve` count from the reservation, and need a
   * margin for the jitter.
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
  globalMarginMs: 5,
  groupMarginMs: 2_000,
}

export type PaceKind = 'send' | 'edit'

/** Replies to a person go first; the queue's sends take what replies leave. */
export type PacePriority = 'reply' | 'background'

export type Refusal = { ok: false; waitMs: number; scope: 'paused' | 'global' | 'group' }

export type Reservation = { ok: true } | Refusal

/** A slot held while its call is in flight: `done` once the answer (or failure) came back. */
export type HeldSlot = { ok: true; done: () => void } | Refusal

/**
 * One counted call: the instant it was reserved while `open` (in flight), the
 * instant its answer came back once done.
 */
interface Stamp {
  at: number
  open: boolean
}

/** A call in flight longer than any timeout is taken as done then (a caller that forgot `done`). */
const MAX_OPEN_MS = 120_000

const SECOND = 1_000
/**
 * Added to the second a new holder of the sending role waits out: calls the
 * dead holder wrote just before it died can still reach Telegram after it.
 */
const HANDOVER_MARGIN_MS = 100

/** How long background sends leave room for replies after one had to wait (replyReserve). */
const REPLY_PRIORITY_MS = 3_000
const MINUTE = 60_000

/** Group and supergroup ids are negative in Telegram; users (private chats) positive. */
export function isGroupChat(chatId: number): boolean {
  return chatId < 0
}

export class Pacer {
  /**
   * Calls in the last second, per kind: sends (new messages, albums counted by
   * message) and edits each have Telegram's 30 a second. Its overall limit is
   * stated for messages (PRODUCT §9); an edit puts no new message anywhere, and
   * counting the office's edit of its own preview against a broadcast left one
   * of its copies for the next second (issue 14, scenario 1: 301 slots for 300
   * copies, a second more). Edits still share each group's 20 a minute.
   */
  private readonly global: Record<PaceKind, Stamp[]> = { send: [], edit: [] }
  /** Instants of recent replies: how much room background sends leave (replyReserve). */
  private readonly replies: number[] = []
  /** A reply found no slot: background sends leave it room until it has had its turn. */
  private replyWaitingUntil = -Infinity
  private readonly groups = new Map<number, Stamp[]>()
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
   * the scope is `group`). The slot counts from now: see `take` for calls
   * whose completion the caller reports.
   */
  reserve(
    chatId: number,
    kind: PaceKind = 'send',
    priority: PacePriority = 'background',
  ): Reservation {
    const held = this.hold(chatId, kind, priority, false)
    return held.ok ? { ok: true } : held
  }

  /**
   * Like reserve, but the slot is held while the call is in flight and counts
   * from its completion (`done`, called whatever the outcome): what every call
   * to Telegram uses, so the windows hold whatever the latency (globalMarginMs).
   */
  take(
    chatId: number,
    kind: PaceKind = 'send',
    priority: PacePriority = 'background',
    count = 1,
  ): HeldSlot {
    return this.hold(chatId, kind, priority, true, count)
  }

  private hold(
    chatId: number,
    kind: PaceKind,
    priority: PacePriority,
    open: boolean,
    count = 1,
  ): HeldSlot {
    const check = this.peek(chatId, kind, priority, count)
    if (!check.ok) {
      if (priority === 'reply')
        this.replyWaitingUntil = Math.max(
          this.replyWaitingUntil,
          this.now() + check.waitMs + REPLY_PRIORITY_MS,
        )
      return check
    }
    const t = this.now()
    const stamps: Stamp[] = Array.from({ length: count }, () => ({ at: t, open }))
    this.global[kind].push(...stamps)
    if (priority === 'reply') for (let i = 0; i < count; i++) this.replies.push(t)
    if (isGroupChat(chatId)) {
      const window = this.groups.get(chatId)
      if (window === undefined) this.groups.set(chatId, [...stamps])
      else window.push(...stamps)
    }
    let done = false
    return {
      ok: true,
      done: () => {
        if (done || !open) return
        done = true
        const counted = this.now()
        for (const stamp of stamps) {
          stamp.open = false
          stamp.at = counted
        }
      },
    }
  }

  /** Like reserve, without taking the slot: room for `count` of them at once (an album). */
  peek(
    chatId: number,
    kind: PaceKind = 'send',
    priority: PacePriority = 'background',
    count = 1,
  ): Reservation {
    const t = this.now()
    if (t < this.pausedUntil) return { ok: false, waitMs: this.pausedUntil - t, scope: 'paused' }
    if (priority === 'background' && t < this.handoverUntil)
      return { ok: false, waitMs: this.handoverUntil - t, scope: 'paused' }
    const second = SECOND + this.limits.globalMarginMs
    const minute = MINUTE + this.limits.groupMarginMs
    const global = this.global[kind]
    pruneStamps(global, t - second, t)
    prune(this.replies, t - second)
    const fullRate =
      t < this.slowUntil
        ? Math.max(1, Math.floor(this.limits.globalPerSecond * this.limits.slowdownFactor))
        : this.limits.globalPerSecond
    const answering = t < this.replyWaitingUntil
    const reserve = answering ? Math.min(this.limits.replyReserve, this.replies.length + 1) : 0
    const globalLimit = priority === 'reply' ? fullRate : Math.max(1, fullRate - reserve)
    let waitMs = waitForRoom(global, globalLimit, second, t, count)
    let scope: 'global' | 'group' = 'global'
    if (isGroupChat(chatId)) {
      const window = this.groups.get(chatId)
      if (window !== undefined) {
        pruneStamps(window, t - minute, t)
        if (window.length === 0) this.groups.delete(chatId)
        const groupLimit =
          this.limits.groupPerMinute - (kind === 'edit' ? this.limits.editReserve : 0)
        const groupWait = waitForRoom(window, groupLimit, minute, t, count)
        if (groupWait > waitMs) {
          waitMs = groupWait
          scope = 'group'
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
    this.handoverUntil = Math.max(this.handoverUntil, this.now() + SECOND + HANDOVER_MARGIN_MS)
  }

  /** Slots left in a group's minute, for tests and logs. */
  groupRemaining(chatId: number): number {
    const window = this.groups.get(chatId) ?? []
    const t = this.now()
    pruneStamps(window, t - MINUTE, t)
    return Math.max(0, this.limits.groupPerMinute - window.length)
  }
}

/**
 * How long until `stamps` leave room for `count` more under `limit`: a done
 * call frees its slot a window after it counted, one in flight a window after
 * now at the earliest. More than `limit` at once never fits: a window's worth.
 */
function waitForRoom(
  stamps: readonly Stamp[],
  limit: number,
  windowMs: number,
  t: number,
  count = 1,
): number {
  const need = Math.min(count, limit)
  if (stamps.length + need <= limit) return 0
  const freed = stamps.map((s) => (s.open ? t : s.at) + windowMs).sort((a, b) => a - b)[
    stamps.length + need - limit - 1
  ]
  return Math.max(0, (freed ?? t + windowMs) - t)
}

/** Drops done calls at or before `cutoff`; a call open far too long is taken as done. */
function pruneStamps(stamps: Stamp[], cutoff: number, t: number): void {
  let kept = 0
  for (const stamp of stamps) {
    if (stamp.open && stamp.at <= t - MAX_OPEN_MS) {
      stamp.open = false
      stamp.at = t
    }
    if (stamp.open || stamp.at > cutoff) stamps[kept++] = stamp
  }
  stamps.length = kept
}

/** Drops instants at or before `cutoff` from the front of a sorted list. */
function prune(instants: number[], cutoff: number): void {
  let drop = 0
  while (drop < instants.length && (instants[drop] ?? Infinity) <= cutoff) drop++
  if (drop > 0) instants.splice(0, drop)
}
