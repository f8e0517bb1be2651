import { escapeHtml } from '../html.js'
import { addMilliseconds } from 'date-fns'
import type { Deps } from '../deps.js'
import {
  claimDueOutbound,
  nextOutboundDueAt,
  recordOutboundOutcome,
  recordOutboundCopied,
  releaseOutbound,
  type ClaimedOutbound,
} from '../outbound/outbound-queue.js'
import type { ChatPort, InlineButton, SendOutcome, Translate } from '../ports.js'
import { keyboardContexts, type KeyboardContext } from './keyboard-context.js'
import { nextKeyboardRefreshAt, refreshDueKeyboards } from './keyboard-refresh.js'
import {
  claimDueDeliveries,
  DEFAULT_LEASE_MS,
  DEFAULT_OUTBOX_POLICY,
  earliest,
  nextDeliveryDueAt,
  recordAlbumCopied,
  recordOutcome,
  recordUrgentLine,
  releaseDelivery,
  type ClaimedDelivery,
  type OutboxPolicy,
} from './outbox.js'
import type { PaceKind, Pacer } from './pacer.js'
import { settleRecallDelete } from './recall-report.js'

export interface SenderOptions {
  deps: Deps
  port: ChatPort
  pacer: Pacer
  /** Buttons for a copy, built by the Telegram layer (callback data is its business). */
  keyboardFor: (context: KeyboardContext) => InlineButton[][]
  /** The follow-up line of a slogan broadcast, as HTML (escaped by the caller's formatter). */
  sloganHtml?: (slogan: string) => string
  /** Issue 12: the line sent right above an urgent broadcast's copy («🔴 KHẨN»). */
  urgentHtml?: string
  /** Renders the office's notices the sender queues (a group lost); none without it. */
  translate?: Translate
  /** This process's worker id (src/db/claim.ts newWorkerId). */
  workerId?: string
  /** How long a claim holds; a row not sent within half of it is handed back. */
  leaseMs?: number
  /** Sends in flight at once. */
  concurrency?: number
  batchSize?: number
  /** A group wait longer than this hands the row back instead of holding a worker. */
  maxGroupWaitMs?: number
  /** Coalesced keyboard refresh in the same pass and budget; false to run it elsewhere. */
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
  /** Keyboard edits made in this pass. */
  edited: number
}

/**
 * The sender of the one durable queue: broadcast copies (`delivery`) and
 * everything else the bot sends on its own (`outbound_message`), claimed with
 * leases, paced by one Pacer, recorded row by row. It has no timer: the
 * scheduler (src/scheduler.ts) runs a pass when {@link nextDueAt} falls due or
 * on a wake().
 */
export interface Sender {
  /** One pass: claim, send within the limits, record, refresh due keyboards. */
  runOnce(): Promise<RunStats>
  /** When the next row or keyboard refresh falls due (UTC ISO text), or null. */
  nextDueAt(): Promise<string | null>
}

/** Unref'd: an idle sender never keeps the process alive at shutdown. */
const realSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref()
  })

/**
 * The queue's sender. Pacing is its own job (PRODUCT §9): every call goes
 * through the Pacer, so a broadcast to 300 groups leaves as fast as Telegram's
 * limits allow and never faster; a 429 pauses every worker for retry_after.
 * Outcomes are recorded row by row as they come, so a kill -9 loses at most
 * the sends in flight, which come back when their lease runs out (src/db/claim.ts).
 */
export function createSender(options: SenderOptions): Sender {
  const { deps, port, pacer } = options
  const log = deps.logger.child({ module: 'outbox' })
  const sleep = options.sleep ?? realSleep
  // Batches of 5 s at Telegram's pace: between two batches the free slots go unused for
  // a round trip and two claims (issue 14, scenario 1), and 150 sends still end well
  // inside half the claim's lease. Twelve calls in flight put a second's 30 out in three
  // round trips, so each window of Telegram's starts full (8: four round trips, the last
  // window ≈ 50 ms later); many more only queue at Telegram together and come back later,
  // which holds their slots longer (scenario 1 at 16 and 30 was no faster).
  const concurrency = options.concurrency ?? 12
  const batchSize = options.batchSize ?? 150
  const maxGroupWaitMs = options.maxGroupWaitMs ?? 2_000
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS
  const policy = options.policy ?? DEFAULT_OUTBOX_POLICY
  const workerId = options.workerId ?? 'sender'
  const sloganHtml = options.sloganHtml ?? ((s: string) => `<b>${escapeHtml(s)}</b>`)
  const refreshIntervalMs =
    options.keyboardRefresh === false ? undefined : options.keyboardRefresh?.minIntervalMs

  const later = (ms: number) => addMilliseconds(deps.clock.now(), ms).toISOString()

  /**
   * Waits for a slot in the pacer (`count` of them: every message of an album).
   * Undefined when the row should go back to the queue instead: its group's
   * wait is long, or its claim grew too old to be sure the lease outlives the
   * send. Otherwise the slots are held until the returned `done` (pass it to
   * `call`): they count from the call's completion (Pacer.take).
   */
  async function acquire(
    chatId: number,
    claimedAt: number,
    release: (until: string) => Promise<void>,
    count = 1,
    kind: PaceKind = 'send',
  ): Promise<(() => void) | undefined> {
    const held: (() => void)[] = []
    const done = () => {
      for (const d of held.splice(0)) d()
    }
    while (held.length < count) {
      if (deps.clock.now().getTime() - claimedAt > leaseMs / 2) {
        done()
        await release(later(0))
        return undefined
      }
      const slot = pacer.take(chatId, kind)
      if (slot.ok) {
        held.push(slot.done)
        continue
      }
      if (slot.scope === 'group' && slot.waitMs > maxGroupWaitMs) {
        done()
        await release(later(slot.waitMs))
        return undefined
      }
      await sleep(slot.waitMs)
    }
    return done
  }

  /** One call to Telegram; its pacer slots are done when it is, whatever the outcome. */
  async function call(send: () => Promise<SendOutcome>, done: () => void): Promise<SendOutcome> {
    try {
      return await send()
    } catch (error) {
      // A port that throws is a bug or a broken network: treat as a timeout and retry later.
      return {
        kind: 'transient',
        reason: error instanceof Error ? error.message : String(error),
        errorCode: null,
      }
    } finally {
      done()
    }
  }

  /**
   * One paced call: its slots (acquire), then the call (call). Undefined when
   * the row went back to the queue instead of waiting (see acquire).
   */
  async function paced(
    row: { chatId: number; claimedAt: number; release: (until: string) => Promise<void> },
    send: () => Promise<SendOutcome>,
    count = 1,
    kind: PaceKind = 'send',
  ): Promise<SendOutcome | undefined> {
    const done = await acquire(row.chatId, row.claimedAt, row.release, count, kind)
    return done === undefined ? undefined : call(send, done)
  }

  function onFlood(chatId: number, seconds: number) {
    log.warn({ chatId, seconds }, 'flood wait: pausing every send')
    pacer.pauseAll(seconds * 1000)
  }

  async function deliver(
    delivery: ClaimedDelivery,
    context: KeyboardContext | undefined,
    claimedAt: number,
    stats: RunStats,
  ) {
    const claim = { id: delivery.id, workerId }
    const release = (until: string) => releaseDelivery(deps, claim, until)
    const row = { chatId: delivery.chatId, claimedAt, release }
    const buttons = context === undefined ? undefined : options.keyboardFor(context)
    const isAlbum = delivery.sourceMessageIds.length > 1
    // Telegram cannot prefix a copied message, so «KHẨN» is its own line right above the
    // copy, sent once per delivery: the row records it, since a 429 on the copy spends no
    // attempt and "first attempt" would send it again (issue 12).
    if (delivery.urgent && !delivery.urgentLineSent && delivery.albumCopyIds === null) {
      const line = await paced(row, () =>
        port.sendText({
          chatId: delivery.chatId,
          threadId: delivery.threadId,
          html: options.urgentHtml ?? '🔴 <b>KHẨN</b>',
        }),
      )
      if (line === undefined) {
        stats.deferred++
        return
      }
      if (line.kind === 'sent') {
        if (!(await recordUrgentLine(deps, claim))) return
      } else if (line.kind === 'retry-after') {
        // The line must stand above the copy: both wait out the flood.
        onFlood(delivery.chatId, line.seconds)
        await release(later(Math.max(1, line.seconds) * 1000))
        stats.retried++
        return
      } else {
        // Refused or lost: the copy's own outcome says what to do with the group.
        log.info({ deliveryId: delivery.id, outcome: line.kind }, 'urgent line not sent')
      }
    }
    let outcome: SendOutcome
    if (!isAlbum) {
      const copied = await paced(row, () =>
        port.copyMessages({
          fromChatId: delivery.sourceChatId,
          messageIds: delivery.sourceMessageIds,
          toChatId: delivery.chatId,
          threadId: delivery.threadId,
          ...(buttons === undefined ? {} : { buttons }),
        }),
      )
      if (copied === undefined) {
        stats.deferred++
        return
      }
      outcome = copied
    } else {
      // Two idempotent steps, each paced for what Telegram counts: every message
      // of the album, then the button message (PRODUCT §9: only a send in flight at
      // a crash may repeat, so a 429 on the buttons must not copy the album again).
      let album = delivery.albumCopyIds
      if (album === null) {
        const copied = await paced(
          row,
          () =>
            port.copyMessages({
              fromChatId: delivery.sourceChatId,
              messageIds: delivery.sourceMessageIds,
              toChatId: delivery.chatId,
              threadId: delivery.threadId,
            }),
          delivery.sourceMessageIds.length,
        )
        if (copied === undefined) {
          stats.deferred++
          return
        }
        if (copied.kind === 'sent') {
          album = copied.messageIds
          if (!(await recordAlbumCopied(deps, claim, album))) {
            log.warn({ deliveryId: delivery.id }, 'claim lost before the album was recorded')
            return
          }
        }
        outcome = copied
      } else {
        outcome = { kind: 'sent', messageIds: album }
      }
      const first = album?.[0]
      if (
        outcome.kind === 'sent' &&
        album !== null &&
        buttons !== undefined &&
        first !== undefined
      ) {
        const sent = await paced(row, () =>
          port.sendAlbumButtons({
            chatId: delivery.chatId,
            threadId: delivery.threadId,
            replyToMessageId: first,
            buttons,
          }),
        )
        if (sent === undefined) {
          stats.deferred++
          return
        }
        const albumIds = album
        outcome =
          sent.kind === 'sent'
            ? { kind: 'sent', messageIds: [...albumIds, ...sent.messageIds] }
            : sent.kind === 'rejected'
              ? // The album is there; without buttons it still counts as delivered (reactions work).
                { kind: 'sent', messageIds: albumIds }
              : sent
      }
    }
    const effect = await recordOutcome(deps, claim, outcome, {
      policy,
      ...(options.translate === undefined ? {} : { translate: options.translate }),
    })
    switch (effect.kind) {
      case 'sent':
        stats.sent++
        if (delivery.slogan !== null) await sendSlogan(delivery, delivery.slogan)
        break
      case 'retry':
        stats.retried++
        if (effect.retryAfterSeconds !== null) onFlood(delivery.chatId, effect.retryAfterSeconds)
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
        log.warn(
          { chatId: effect.chatId, reason: effect.reason, notices: effect.noticesQueued },
          'bot removed from a unit group',
        )
        break
      case 'ignored':
        log.warn({ deliveryId: delivery.id }, 'claim lost before the outcome was recorded')
        break
    }
  }

  async function sendOutbound(message: ClaimedOutbound, claimedAt: number, stats: RunStats) {
    if (message.payload.edit !== undefined || message.payload.delete !== undefined)
      return amendSent(message, claimedAt, stats)
    const claim = { id: message.id, workerId }
    const row = {
      chatId: message.chatId,
      claimedAt,
      release: (until: string) => releaseOutbound(deps, claim, until),
    }
    const copy = message.payload.copy
    if (copy !== undefined && message.messageId === null) {
      const copied = await paced(row, () =>
        port.copyMessages({
          fromChatId: copy.fromChatId,
          messageIds: copy.messageIds,
          toChatId: message.chatId,
          threadId: message.threadId,
        }),
      )
      if (copied === undefined) {
        stats.deferred++
        return
      }
      const copiedId = copied.kind === 'sent' ? copied.messageIds[0] : undefined
      if (copiedId === undefined) {
        const effect = await recordOutboundOutcome(deps, claim, copied, policy)
        if (effect.kind === 'retry') stats.retried++
        else if (effect.kind === 'failed') stats.failed++
        return
      }
      if (!(await recordOutboundCopied(deps, claim, copiedId))) return
    }
    const outcome = await paced(row, () =>
      port.sendText({
        chatId: message.chatId,
        threadId: message.threadId,
        html: message.payload.html,
        ...(message.payload.buttons === undefined ? {} : { buttons: message.payload.buttons }),
        ...(message.payload.ephemeral === undefined
          ? {}
          : { ephemeral: { receiverUserId: message.payload.ephemeral.receiverUserId } }),
      }),
    )
    if (outcome === undefined) {
      stats.deferred++
      return
    }
    const effect = await recordOutboundOutcome(deps, claim, outcome, policy)
    switch (effect.kind) {
      case 'sent':
        stats.sent++
        break
      case 'retry':
        stats.retried++
        if (effect.retryAfterSeconds !== null) onFlood(message.chatId, effect.retryAfterSeconds)
        break
      case 'failed':
        stats.failed++
        log.warn(
          { key: message.key, chatId: message.chatId, reason: effect.reason },
          'outbound message failed',
        )
        break
      case 'ignored':
        log.warn({ key: message.key }, 'claim lost before the outcome was recorded')
        break
    }
  }

  /**
   * Issue 12: an edit or deletion of a message already sent («Sửa nội dung»,
   * «Thu hồi»), paced as an edit. An edited copy gets its keyboard as it is now,
   * counts included, since an edit without one would remove the buttons.
   */
  async function amendSent(message: ClaimedOutbound, claimedAt: number, stats: RunStats) {
    const claim = { id: message.id, workerId }
    const row = {
      chatId: message.chatId,
      claimedAt,
      release: (until: string) => releaseOutbound(deps, claim, until),
    }
    const { edit, delete: remove } = message.payload
    // The keyboard as it is now, read before a pacer slot is held.
    const deliveryId = edit?.deliveryId
    const context =
      deliveryId === undefined
        ? undefined
        : (await keyboardContexts(deps, [deliveryId])).get(deliveryId)
    const outcome = await paced(
      row,
      () =>
        edit !== undefined
          ? port.editText({
              chatId: message.chatId,
              messageId: edit.messageId,
              html: message.payload.html,
              ...(edit.asCaption === undefined ? {} : { asCaption: edit.asCaption }),
              ...(context === undefined ? {} : { buttons: options.keyboardFor(context) }),
            })
          : port.deleteMessages({ chatId: message.chatId, messageIds: remove?.messageIds ?? [] }),
      1,
      'edit',
    )
    if (outcome === undefined) {
      stats.deferred++
      return
    }
    const effect = await recordOutboundOutcome(deps, claim, outcome, policy)
    if (effect.kind === 'sent') stats.edited++
    else if (effect.kind === 'failed') stats.failed++
    else if (effect.kind === 'retry') {
      stats.retried++
      if (effect.retryAfterSeconds !== null) onFlood(message.chatId, effect.retryAfterSeconds)
    }
    if (effect.kind === 'failed')
      log.warn({ key: message.key, reason: effect.reason }, 'edit or deletion refused')
    if (message.payload.delete !== undefined)
      await settleRecallDelete(deps, message.key, effect, options.translate)
  }

  /**
   * The day's slogan follows the copy as its own short message (PRODUCT §2). It
   * is decoration, not the broadcast: sent once, never retried, so a crash or a
   * refusal here cannot repeat the broadcast itself.
   */
  async function sendSlogan(delivery: ClaimedDelivery, slogan: string) {
    // The copy is recorded: its row is no longer ours to release, so the slot is simply awaited.
    let done: () => void
    for (;;) {
      const slot = pacer.take(delivery.chatId, 'send')
      if (slot.ok) {
        done = slot.done
        break
      }
      if (slot.scope === 'group' && slot.waitMs > maxGroupWaitMs) return
      await sleep(slot.waitMs)
    }
    const outcome = await call(
      () =>
        port.sendText({
          chatId: delivery.chatId,
          threadId: delivery.threadId,
          html: sloganHtml(slogan),
        }),
      done,
    )
    if (outcome.kind === 'retry-after') onFlood(delivery.chatId, outcome.seconds)
    if (outcome.kind !== 'sent')
      log.info({ deliveryId: delivery.id, outcome: outcome.kind }, 'slogan not sent')
  }

  /** Interleaves chats so one busy group does not hold up the others. */
  function roundRobin<T extends { chatId: number }>(items: T[]): T[] {
    const byChat = new Map<number, T[]>()
    for (const d of items) {
      const list = byChat.get(d.chatId)
      if (list === undefined) byChat.set(d.chatId, [d])
      else list.push(d)
    }
    const queues = [...byChat.values()]
    const out: T[] = []
    for (let i = 0; out.length < items.length; i++) {
      for (const q of queues) {
        const d = q[i]
        if (d !== undefined) out.push(d)
      }
    }
    return out
  }

  async function runOnce(): Promise<RunStats> {
    const stats: RunStats = { claimed: 0, sent: 0, failed: 0, retried: 0, deferred: 0, edited: 0 }
    const claimedAt = deps.clock.now().getTime()
    const messages = await claimDueOutbound(deps, { limit: batchSize, workerId, leaseMs })
    const claimed = await claimDueDeliveries(deps, { limit: batchSize, workerId, leaseMs })
    stats.claimed = claimed.length + messages.length
    if (stats.claimed > 0) {
      const contexts = await keyboardContexts(
        deps,
        claimed.map((d) => d.id),
      )
      // Notices and reminders first: they are few, and a person is waiting for them.
      const queue: (() => Promise<void>)[] = [
        ...roundRobin(messages).map((m) => () => sendOutbound(m, claimedAt, stats)),
        ...roundRobin(claimed).map((d) => () => deliver(d, contexts.get(d.id), claimedAt, stats)),
      ]
      let next = 0
      const worker = async () => {
        for (;;) {
          const job = queue[next++]
          if (job === undefined) return
          try {
            await job()
          } catch (error) {
            // Recording failed (a busy database, a bug): the row keeps its claim until
            // the lease runs out, then it is taken back; the rest of the batch goes on.
            log.error({ err: error }, 'send or record failed; the row returns when its lease ends')
          }
        }
      }
      await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker))
    }
    if (options.keyboardRefresh !== false) {
      const refreshed = await refreshDueKeyboards(deps, {
        port,
        pacer,
        keyboardFor: options.keyboardFor,
        minIntervalMs: refreshIntervalMs,
        ...(options.translate === undefined ? {} : { translate: options.translate }),
      })
      stats.edited += refreshed.edited
    }
    return stats
  }

  async function nextDueAt(): Promise<string | null> {
    const [deliveries, messages, keyboards] = await Promise.all([
      nextDeliveryDueAt(deps),
      nextOutboundDueAt(deps),
      options.keyboardRefresh === false
        ? Promise.resolve(null)
        : nextKeyboardRefreshAt(deps, refreshIntervalMs),
    ])
    return earliest(earliest(deliveries, messages), keyboards)
  }

  return { runOnce, nextDueAt }
}
