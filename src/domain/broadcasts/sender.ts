import { escapeHtml } from '../html.js'
import { nowIso, type Deps } from '../deps.js'
import type { ChatPort, InlineButton, SendOutcome } from '../ports.js'
import { keyboardContexts, type KeyboardContext } from './counts.js'
import { refreshDueKeyboards } from './keyboard-refresh.js'
import {
  claimDueDeliveries,
  DEFAULT_OUTBOX_POLICY,
  deferDelivery,
  nextDueAt,
  recordOutcome,
  type ClaimedDelivery,
  type OutboxPolicy,
} from './outbox.js'
import type { Pacer } from './pacer.js'

/** What the office must hear about (PRODUCT §9): told once per group. */
export type SenderEvent = { kind: 'group-lost'; chatId: number; unitId: number; reason: string }

export interface SenderOptions {
  deps: Deps
  port: ChatPort
  pacer: Pacer
  /** Buttons for a copy, built by the Telegram layer (callback data is its business). */
  keyboardFor: (context: KeyboardContext) => InlineButton[][]
  /** The follow-up line of a slogan broadcast, as HTML (escaped by the caller's formatter). */
  sloganHtml?: (slogan: string) => string
  onEvent?: (event: SenderEvent) => void | Promise<void>
  workerId?: string
  /** Sends in flight at once. */
  concurrency?: number
  batchSize?: number
  /** A group wait longer than this hands the row back instead of holding a worker. */
  maxGroupWaitMs?: number
  /** Longest idle sleep when nothing is due. */
  maxIdleMs?: number
  /** Coalesced keyboard refresh in the same loop and budget; false to run it elsewhere. */
  keyboardRefresh?: { minIntervalMs: number } | false
  policy?: OutboxPolicy
  /** Pacing waits; production uses timers, tests a fake monotonic clock. */
  sleep?: (ms: number) => Promise<void>
}

export interface RunStats {
  claimed: number
  sent: number
  failed: number
  retried: number
  deferred: number
}

export interface Sender {
  /** One batch: claim, send within the limits, record. */
  runOnce(): Promise<RunStats>
  /** The loop: runs batches, sleeps until the next due row or wake(). */
  start(): void
  /** Ends the loop after the sends in flight are recorded. */
  stop(): Promise<void>
  /** Something became due now (a confirmed broadcast, an approval). */
  wake(): void
  /**
   * Resolves the next time the loop has nothing due and goes to sleep, with
   * every outcome recorded: for tests and the sandbox, instead of sleeping.
   */
  whenIdle(): Promise<void>
}

/** Unref'd: an idle sender never keeps the process alive at shutdown. */
const realSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref()
  })

/**
 * The outbox's sender. Pacing is its own job (PRODUCT §9): every call goes
 * through the Pacer, so a broadcast to 300 groups leaves as fast as Telegram's
 * limits allow and never faster; a 429 pauses every worker for retry_after.
 * Outcomes are recorded row by row as they come, so a kill -9 loses at most
 * the sends in flight, which recoverInFlight puts back at the next start.
 */
export function createSender(options: SenderOptions): Sender {
  const { deps, port, pacer } = options
  const log = deps.logger.child({ module: 'outbox' })
  const sleep = options.sleep ?? realSleep
  const concurrency = options.concurrency ?? 8
  const batchSize = options.batchSize ?? 50
  const maxGroupWaitMs = options.maxGroupWaitMs ?? 2_000
  const policy = options.policy ?? DEFAULT_OUTBOX_POLICY
  const workerId = options.workerId ?? 'sender'
  const sloganHtml = options.sloganHtml ?? ((s: string) => `<b>${escapeHtml(s)}</b>`)

  let running: Promise<void> | undefined
  let stopping = false
  let wakeUp: (() => void) | undefined
  let woken = false
  const idleWaiters: (() => void)[] = []

  /** Waits for a slot in the pacer; false when the group's wait is long and the row was handed back. */
  async function acquire(delivery: ClaimedDelivery): Promise<boolean> {
    for (;;) {
      const slot = pacer.reserve(delivery.chatId, 'send')
      if (slot.ok) return true
      if (slot.scope === 'group' && slot.waitMs > maxGroupWaitMs) {
        const until = new Date(deps.clock.now().getTime() + slot.waitMs).toISOString()
        await deferDelivery(deps, delivery.id, until)
        return false
      }
      await sleep(slot.waitMs)
    }
  }

  async function call(send: () => Promise<SendOutcome>): Promise<SendOutcome> {
    try {
      return await send()
    } catch (error) {
      // A port that throws is a bug or a broken network: treat as a timeout and retry later.
      return {
        kind: 'transient',
        reason: error instanceof Error ? error.message : String(error),
        errorCode: null,
      }
    }
  }

  async function deliver(
    delivery: ClaimedDelivery,
    context: KeyboardContext | undefined,
    stats: RunStats,
  ) {
    if (!(await acquire(delivery))) {
      stats.deferred++
      return
    }
    const buttons = context === undefined ? undefined : options.keyboardFor(context)
    const outcome = await call(() =>
      port.copyMessages({
        fromChatId: delivery.sourceChatId,
        messageIds: delivery.sourceMessageIds,
        toChatId: delivery.chatId,
        threadId: delivery.threadId,
        ...(buttons === undefined ? {} : { buttons }),
      }),
    )
    const effect = await recordOutcome(deps, delivery.id, outcome, policy)
    switch (effect.kind) {
      case 'sent':
        stats.sent++
        if (delivery.slogan !== null) await sendSlogan(delivery, delivery.slogan)
        break
      case 'retry':
        stats.retried++
        if (effect.pauseAllSeconds !== null) {
          log.warn(
            { chatId: delivery.chatId, seconds: effect.pauseAllSeconds },
            'flood wait: pausing every send',
          )
          pacer.pauseAll(effect.pauseAllSeconds * 1000)
        }
        break
      case 'moved':
        stats.retried++
        log.info(effect, 'group moved to a supergroup; sending there')
        break
      case 'failed':
        stats.failed++
        log.warn(
          { deliveryId: delivery.id, chatId: delivery.chatId, reason: effect.reason },
          'delivery failed',
        )
        break
      case 'group-lost':
        stats.failed++
        log.warn({ chatId: effect.chatId, reason: effect.reason }, 'bot removed from a unit group')
        if (effect.notifyOffice && options.onEvent !== undefined) {
          await options.onEvent({
            kind: 'group-lost',
            chatId: effect.chatId,
            unitId: effect.unitId,
            reason: effect.reason,
          })
        }
        break
      case 'ignored':
        break
    }
  }

  /**
   * The day's slogan follows the copy as its own short message (PRODUCT §2). It
   * is decoration, not the broadcast: sent once, never retried, so a crash or a
   * refusal here cannot repeat the broadcast itself.
   */
  async function sendSlogan(delivery: ClaimedDelivery, slogan: string) {
    for (;;) {
      const slot = pacer.reserve(delivery.chatId, 'send')
      if (slot.ok) break
      if (slot.scope === 'group' && slot.waitMs > maxGroupWaitMs) return
      await sleep(slot.waitMs)
    }
    const outcome = await call(() =>
      port.sendText({
        chatId: delivery.chatId,
        threadId: delivery.threadId,
        html: sloganHtml(slogan),
      }),
    )
    if (outcome.kind === 'retry-after') pacer.pauseAll(outcome.seconds * 1000)
    if (outcome.kind !== 'sent')
      log.info({ deliveryId: delivery.id, outcome: outcome.kind }, 'slogan not sent')
  }

  /** Interleaves chats so one busy group does not hold up the others. */
  function roundRobin(deliveries: ClaimedDelivery[]): ClaimedDelivery[] {
    const byChat = new Map<number, ClaimedDelivery[]>()
    for (const d of deliveries) {
      const list = byChat.get(d.chatId)
      if (list === undefined) byChat.set(d.chatId, [d])
      else list.push(d)
    }
    const queues = [...byChat.values()]
    const out: ClaimedDelivery[] = []
    for (let i = 0; out.length < deliveries.length; i++) {
      for (const q of queues) {
        const d = q[i]
        if (d !== undefined) out.push(d)
      }
    }
    return out
  }

  async function runOnce(): Promise<RunStats> {
    const stats: RunStats = { claimed: 0, sent: 0, failed: 0, retried: 0, deferred: 0 }
    const claimed = await claimDueDeliveries(deps, { limit: batchSize, workerId })
    stats.claimed = claimed.length
    if (claimed.length > 0) {
      const contexts = await keyboardContexts(
        deps,
        claimed.map((d) => d.id),
      )
      const queue = roundRobin(claimed)
      let next = 0
      const worker = async () => {
        for (;;) {
          const delivery = queue[next++]
          if (delivery === undefined) return
          await deliver(delivery, contexts.get(delivery.id), stats)
        }
      }
      await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker))
    }
    if (options.keyboardRefresh !== false) {
      await refreshDueKeyboards(deps, {
        port,
        pacer,
        keyboardFor: options.keyboardFor,
        minIntervalMs: options.keyboardRefresh?.minIntervalMs,
      })
    }
    return stats
  }

  async function idle(ms: number): Promise<void> {
    if (woken) {
      woken = false
      return
    }
    // Nothing due and nobody woke us: whoever waits for a quiet outbox may go on.
    for (const resolve of idleWaiters.splice(0)) resolve()
    await Promise.race([
      sleep(ms),
      new Promise<void>((resolve) => {
        wakeUp = resolve
      }),
    ])
    wakeUp = undefined
    woken = false
  }

  async function loop(): Promise<void> {
    const maxIdle = options.maxIdleMs ?? 30_000
    const refreshEvery =
      options.keyboardRefresh === false
        ? Infinity
        : (options.keyboardRefresh?.minIntervalMs ?? 10_000)
    while (!stopping) {
      try {
        const stats = await runOnce()
        if (stopping) break
        if (stats.claimed >= batchSize) continue
        const due = await nextDueAt(deps)
        const untilDue = due === null ? maxIdle : due.getTime() - deps.clock.now().getTime()
        if (untilDue <= 0 && stats.claimed > 0) continue
        await idle(Math.max(50, Math.min(maxIdle, refreshEvery, untilDue)))
      } catch (error) {
        // The database or a bug: log, back off, keep the loop alive; rows stay where they were.
        log.error({ err: error, at: nowIso(deps) }, 'sender pass failed')
        await idle(5_000)
      }
    }
  }

  return {
    runOnce,
    start() {
      if (running !== undefined) return
      stopping = false
      running = loop()
    },
    async stop() {
      stopping = true
      wakeUp?.()
      await running
      running = undefined
    },
    wake() {
      woken = true
      wakeUp?.()
    },
    whenIdle() {
      return new Promise((resolve) => idleWaiters.push(resolve))
    },
  }
}
