import type { Update } from 'grammy/types'
import { BotApiError } from './errors.js'
import { optInt, optObject, type Params } from './params.js'

/** Kinds Telegram withholds unless `allowed_updates` lists them explicitly. */
const OPT_IN_KINDS = new Set(['chat_member', 'message_reaction', 'message_reaction_count'])

type UpdateBody = Omit<Update, 'update_id'>

interface Poll {
  limit: number
  resolve(updates: Update[]): void
  reject(error: BotApiError): void
  cleanup(): void
}

interface ConfirmWaiter {
  updateId: number
  resolve(): void
  reject(error: Error): void
  timer: NodeJS.Timeout
}

export function updateKind(update: Update | UpdateBody): string {
  return Object.keys(update).find((k) => k !== 'update_id') ?? 'unknown'
}

/**
 * Telegram's update queue for one bot, with real long polling: a getUpdates call is held
 * open until an update arrives or its timeout passes; waiting is event-driven.
 */
export class UpdateQueue {
  private queue: Update[] = []
  private nextId = 1
  /** undefined: Telegram's default set (all but the opt-in kinds). */
  private allowed: Set<string> | undefined
  private poll: Poll | undefined
  private confirmedBelow = 0
  private readonly dropped = new Set<number>()
  private confirmWaiters: ConfirmWaiter[] = []
  private pollWaiters: { resolve(): void; reject(error: Error): void; timer: NodeJS.Timeout }[] = []
  private flushScheduled = false
  webhook: { url: string; secret_token?: string } | undefined

  /**
   * Queues an update. A `withheld` one gets an id but is never delivered, as Telegram never
   * generates e.g. reactions in a chat where the bot is not an administrator.
   */
  push(body: UpdateBody, opts: { withheld?: boolean } = {}): Update {
    const update = { update_id: this.nextId, ...body }
    this.nextId += 1
    if (opts.withheld === true) {
      this.dropped.add(update.update_id)
      this.settleConfirmWaiters()
      return update
    }
    this.queue.push(update)
    this.scheduleFlush()
    return update
  }

  get pendingCount(): number {
    return this.queue.length
  }

  get allowedUpdates(): string[] | undefined {
    return this.allowed === undefined ? undefined : [...this.allowed]
  }

  /** The getUpdates method. */
  getUpdates(params: Params, signal: AbortSignal): Promise<Update[]> {
    if (this.webhook !== undefined) {
      throw new BotApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      )
    }
    // Telegram answers the older of two concurrent long polls with 409.
    this.endPoll((poll) =>
      poll.reject(
        new BotApiError(
          409,
          'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
        ),
      ),
    )
    const offset = optInt(params, 'offset') ?? 0
    const limit = Math.min(100, Math.max(1, optInt(params, 'limit') ?? 100))
    const timeout = Math.max(0, optInt(params, 'timeout') ?? 0)
    const allowed = optObject(params, 'allowed_updates')
    if (Array.isArray(allowed)) {
      // Remembered until a later call passes it again; an empty list means the default set.
      this.allowed = allowed.length === 0 ? undefined : new Set(allowed.map(String))
    }
    this.confirm(offset)
    this.dropUnwanted()
    if (this.queue.length > 0 || timeout === 0) return Promise.resolve(this.queue.slice(0, limit))
    return new Promise<Update[]>((resolve, reject) => {
      const timer = setTimeout(() => this.endPoll((poll) => poll.resolve([])), timeout * 1000)
      const onAbort = (): void => this.endPoll((poll) => poll.resolve([]))
      signal.addEventListener('abort', onAbort)
      this.poll = {
        limit,
        resolve,
        reject,
        cleanup: () => {
          clearTimeout(timer)
          signal.removeEventListener('abort', onAbort)
        },
      }
      for (const w of this.pollWaiters.splice(0)) {
        clearTimeout(w.timer)
        w.resolve()
      }
    })
  }

  get isPolling(): boolean {
    return this.poll !== undefined
  }

  /** Resolves when a getUpdates call is being held open (the bot is idle, waiting for updates). */
  waitForPolling(timeoutMs: number): Promise<void> {
    if (this.poll !== undefined) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.pollWaiters = this.pollWaiters.filter((w) => w !== waiter)
          reject(new Error(`waitForPolling: no long poll arrived within ${timeoutMs} ms`))
        }, timeoutMs),
      }
      this.pollWaiters.push(waiter)
    })
  }

  /** Resolves once a getUpdates offset has passed `updateId` (or the update was never delivered). */
  waitForConfirmed(updateId: number, timeoutMs: number): Promise<void> {
    if (this.isSettled(updateId)) return Promise.resolve()
    return new Promise<void>((resolve, reject) => {
      const waiter: ConfirmWaiter = {
        updateId,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.confirmWaiters = this.confirmWaiters.filter((w) => w !== waiter)
          reject(
            new Error(
              `waitForConfirmed(${updateId}) timed out after ${timeoutMs} ms: confirmed below ${this.confirmedBelow}, ${this.queue.length} update(s) pending`,
            ),
          )
        }, timeoutMs),
      }
      this.confirmWaiters.push(waiter)
    })
  }

  /** deleteWebhook/setWebhook with drop_pending_updates. */
  dropPending(): void {
    for (const u of this.queue) this.dropped.add(u.update_id)
    this.queue = []
    this.settleConfirmWaiters()
  }

  /** Answers a pending long poll with [] and rejects pending waits. */
  close(): void {
    this.endPoll((poll) => poll.resolve([]))
    for (const w of [...this.confirmWaiters, ...this.pollWaiters]) {
      clearTimeout(w.timer)
      w.reject(new Error('BotApiStandIn closed'))
    }
    this.confirmWaiters = []
    this.pollWaiters = []
  }

  private confirm(offset: number): void {
    if (offset > 0) {
      this.queue = this.queue.filter((u) => u.update_id >= offset)
      this.confirmedBelow = Math.max(this.confirmedBelow, offset)
    } else if (offset < 0) {
      // Negative offset: keep only the last -offset updates; all previous ones are forgotten.
      const kept = this.queue.slice(offset)
      for (const u of this.queue) if (!kept.includes(u)) this.dropped.add(u.update_id)
      this.queue = kept
    }
    this.settleConfirmWaiters()
  }

  private isAllowed(update: Update): boolean {
    const kind = updateKind(update)
    return this.allowed === undefined ? !OPT_IN_KINDS.has(kind) : this.allowed.has(kind)
  }

  private dropUnwanted(): void {
    const kept: Update[] = []
    for (const u of this.queue) {
      if (this.isAllowed(u)) kept.push(u)
      else this.dropped.add(u.update_id)
    }
    this.queue = kept
    this.settleConfirmWaiters()
  }

  /** Batches updates pushed in the same tick (e.g. join()'s two) into one answer. */
  private scheduleFlush(): void {
    if (this.flushScheduled || this.poll === undefined) return
    this.flushScheduled = true
    queueMicrotask(() => {
      this.flushScheduled = false
      const poll = this.poll
      if (poll === undefined) return
      this.dropUnwanted()
      if (this.queue.length > 0) this.endPoll((p) => p.resolve(this.queue.slice(0, poll.limit)))
    })
  }

  private endPoll(finish: (poll: Poll) => void): void {
    const poll = this.poll
    if (poll === undefined) return
    this.poll = undefined
    poll.cleanup()
    finish(poll)
  }

  private isSettled(updateId: number): boolean {
    return updateId < this.confirmedBelow || this.dropped.has(updateId)
  }

  private settleConfirmWaiters(): void {
    if (this.confirmWaiters.length === 0) return
    const [done, waiting] = partition(this.confirmWaiters, (w) => this.isSettled(w.updateId))
    this.confirmWaiters = waiting
    for (const w of done) {
      clearTimeout(w.timer)
      w.resolve()
    }
  }
}

function partition<T>(items: T[], predicate: (item: T) => boolean): [T[], T[]] {
  const yes: T[] = []
  const no: T[] = []
  for (const item of items) (predicate(item) ? yes : no).push(item)
  return [yes, no]
}
