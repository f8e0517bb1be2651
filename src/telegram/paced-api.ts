import { performance } from 'node:perf_hooks'
import { HttpError, type Transformer } from 'grammy'
import type { Pacer } from '../domain/broadcasts/pacer.js'
import type { Logger } from '../logger.js'

/** Methods that put a message in a chat or change one: what Telegram's limits count. */
const COUNTED = new Set([
  'sendMessage',
  'sendPhoto',
  'sendDocument',
  'sendVideo',
  'sendAnimation',
  'sendAudio',
  'sendVoice',
  'sendSticker',
  'sendLocation',
  'sendPoll',
  'sendMediaGroup',
  'copyMessage',
  'copyMessages',
  'forwardMessage',
  'forwardMessages',
  'editMessageText',
  'editMessageCaption',
  'editMessageMedia',
  'editMessageReplyMarkup',
])

/**
 * Which update a call was made for, so a failed reply is logged with its
 * update_id: each update's own ctx.api tags its calls' payloads (tagCallsOf).
 * Not AsyncLocalStorage: its promise hooks ran on every promise of every update,
 * 2.5 s of a 10,000-tap burst (issue 14, scenario 2 profile).
 */
const updateOfCall = new WeakMap<object, number>()

/** Installed on each update's ctx.api: its calls carry the update id to pacedApi's log lines. */
export function tagCallsOf(updateId: number): Transformer {
  return (prev, method, payload, signal) => {
    if (typeof payload === 'object' && payload !== null) updateOfCall.set(payload, updateId)
    return prev(method, payload, signal)
  }
}

/** The update a call's payload was tagged with (tests attribute statements with it too). */
export function updateOf(payload: unknown): number | undefined {
  return typeof payload === 'object' && payload !== null ? updateOfCall.get(payload) : undefined
}

export interface PacedApiOptions {
  pacer: Pacer
  logger: Logger
  /** Retries after the first try (429, 5xx, network): a few, then the error goes up. */
  maxRetries?: number
  /** No retry starts later than this after the first try. */
  maxTotalMs?: number
  sleep?: (ms: number) => Promise<void>
  /** Monotonic milliseconds, for the retry budget. */
  now?: () => number
}

const realSleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref()
  })

/**
 * The bot's own calls (replies, toasts' edits, menus) through the app's one
 * Pacer, as replies: they go before the queue's sends, and together with them
 * stay within 30 messages/s and 20 a minute per group (PRODUCT §9). A 429 waits
 * retry_after and pauses the queue too; 5xx and network failures are retried
 * with doubling waits. Retries are bounded (a few, within a minute), each
 * failure logged with the update id: a reply is worth little late, and the
 * durable queue is where unbounded retries belong.
 */
export function pacedApi(options: PacedApiOptions): Transformer {
  const maxRetries = options.maxRetries ?? 3
  const maxTotalMs = options.maxTotalMs ?? 60_000
  const sleep = options.sleep ?? realSleep
  const now = options.now ?? (() => performance.now())
  const log = options.logger.child({ module: 'replies' })

  /** A held slot (Pacer.take): counted from the call's completion, so `done` when it is. */
  async function slot(chatId: number, kind: 'send' | 'edit'): Promise<() => void> {
    for (;;) {
      const held = options.pacer.take(chatId, kind, 'reply')
      if (held.ok) return held.done
      await sleep(held.waitMs)
    }
  }
  const nothing = () => undefined

  return async (prev, method, payload, signal) => {
    // Long polling retries on its own (the runner), and a stop aborts it on purpose.
    if (method === 'getUpdates') return prev(method, payload, signal)
    const chatId = (payload as { chat_id?: unknown }).chat_id
    const counted = COUNTED.has(method) && typeof chatId === 'number'
    const started = now()
    for (let attempt = 0; ; attempt++) {
      const done = counted
        ? await slot(chatId, method.startsWith('edit') ? 'edit' : 'send')
        : nothing
      const context = {
        update_id: updateOf(payload) ?? null,
        method,
        attempt: attempt + 1,
      }
      const canRetry = (waitMs: number) =>
        attempt < maxRetries && now() - started + waitMs <= maxTotalMs
      try {
        // The slot counts from the answer (Pacer.take), whatever it is.
        const response = await prev(method, payload, signal).finally(done)
        if (response.ok) return response
        if (response.error_code === 429) {
          const waitMs = (response.parameters?.retry_after ?? 1) * 1000
          options.pacer.pauseAll(waitMs)
          log.warn({ ...context, retryAfterMs: waitMs }, 'reply hit a flood wait')
          if (!canRetry(waitMs)) return response
          await sleep(waitMs)
          continue
        }
        if (response.error_code >= 500) {
          const waitMs = 1000 * 2 ** attempt
          log.warn({ ...context, error: response.description }, 'reply failed on Telegram’s side')
          if (!canRetry(waitMs)) return response
          await sleep(waitMs)
          continue
        }
        return response
      } catch (error) {
        const waitMs = 1000 * 2 ** attempt
        log.warn({ ...context, err: error }, 'reply failed on the network')
        if (!(error instanceof HttpError) || signal?.aborted === true || !canRetry(waitMs))
          throw error
        await sleep(waitMs)
      }
    }
  }
}
