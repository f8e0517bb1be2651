import type { ResponseParameters } from 'grammy/types'
import type { Clock } from '../../clock.js'
import type { CallLog } from './call-log.js'
import { BotApiError, tooManyRequests } from './errors.js'
import type { Faults } from './faults.js'
import { EDIT_METHODS, SENDING_METHODS, type RateLimits } from './limits.js'
import type { Handler } from './methods.js'
import { displayParams, optObject, type Params } from './params.js'
import type { Fault, LimitViolation } from './types.js'
import type { World } from './world.js'

/** What the HTTP layer should do with a call. */
export type Outcome =
  | { kind: 'answer'; status: number; body: Record<string, unknown> }
  /** Hold the request `ms`, then destroy the socket and call `recordTimeout`. */
  | { kind: 'timeout'; ms: number; recordTimeout: () => void }

export interface DispatcherDeps {
  methods: Map<string, Handler>
  faults: Faults
  limits: RateLimits
  log: CallLog
  clock: Clock
  world: World
  enforceLimits: boolean
  violations: LimitViolation[]
  sends: Map<number, number>
}

const FAULT_DESCRIPTIONS: Record<500 | 502 | 503, string> = {
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

/**
 * One Bot API call from routing to answer: method lookup, injected faults, rate limits,
 * the method itself, and the call log. Order matters: Telegram checks limits before work.
 */
export class Dispatcher {
  private readonly byLowerName: Map<string, string>

  constructor(private readonly deps: DispatcherDeps) {
    // Telegram matches method names case-insensitively.
    this.byLowerName = new Map([...deps.methods.keys()].map((name) => [name.toLowerCase(), name]))
  }

  async dispatch(requested: string, params: Params, signal: AbortSignal): Promise<Outcome> {
    const { log, clock } = this.deps
    const at = clock.now()
    const method = this.byLowerName.get(requested.toLowerCase())
    const shown = displayParams(params)
    const fail = (error: BotApiError): Outcome => {
      log.record({
        method: method ?? requested,
        params: shown,
        at,
        ok: false,
        status: error.status,
        description: error.description,
        ...(error.parameters === undefined ? {} : { parameters: error.parameters }),
      })
      return { kind: 'answer', status: error.status, body: errorBody(error) }
    }
    if (method === undefined) return fail(new BotApiError(404, 'Not Found: method not found'))
    const handler = this.deps.methods.get(method)
    if (handler === undefined) return fail(new BotApiError(404, 'Not Found: method not found'))

    const chatId = numericChatId(params)
    const fault = this.deps.faults.take(method, chatId)
    if (fault !== undefined) {
      if ('kind' in fault) {
        return {
          kind: 'timeout',
          ms: fault.ms,
          recordTimeout: () => {
            log.record({
              method,
              params: shown,
              at,
              ok: false,
              status: 0,
              description: 'timeout: socket destroyed',
            })
          },
        }
      }
      return fail(faultError(fault))
    }

    const limited = this.limitedChat(method, chatId)
    const weight = callWeight(method, params)
    if (limited !== undefined) {
      const check = this.deps.limits.check(method, limited.group, weight)
      this.deps.violations.push(...check.violations)
      if (check.retryAfter !== undefined && this.deps.enforceLimits)
        return fail(tooManyRequests(check.retryAfter))
    }

    try {
      const result = await handler(params, signal)
      if (limited !== undefined) this.deps.limits.commit(method, limited.group, weight)
      if (SENDING_METHODS.has(method) && chatId !== undefined) {
        this.deps.sends.set(chatId, (this.deps.sends.get(chatId) ?? 0) + 1)
      }
      log.record({ method, params: shown, at, ok: true, status: 200, result })
      return { kind: 'answer', status: 200, body: { ok: true, result } }
    } catch (error) {
      if (error instanceof BotApiError) return fail(error)
      // A bug in the stand-in: say so loudly rather than pretend Telegram said it.
      const message = error instanceof Error ? error.message : String(error)
      return fail(
        new BotApiError(500, `Internal Server Error: stand-in bug in ${method}: ${message}`),
      )
    }
  }

  /** The chat whose budgets a sending or editing call uses, if it would reach one. */
  private limitedChat(method: string, chatId: number | undefined): { group?: number } | undefined {
    if (!SENDING_METHODS.has(method) && !EDIT_METHODS.has(method)) return undefined
    if (chatId === undefined) return undefined
    let type: string
    try {
      type = this.deps.world.sendableChat(chatId).type
    } catch {
      return undefined // refused anyway; Telegram does not count it
    }
    const group = type === 'group' || type === 'supergroup' ? chatId : undefined
    if (!SENDING_METHODS.has(method) && group === undefined) return undefined
    return group === undefined ? {} : { group }
  }
}

function numericChatId(params: Params): number | undefined {
  const raw = params['chat_id']
  if (typeof raw === 'number') return raw
  if (typeof raw === 'string' && /^-?\d+$/.test(raw)) return Number(raw)
  return undefined
}

/** An album or a batch copy is as many messages as it holds. */
function callWeight(method: string, params: Params): number {
  const key =
    method === 'sendMediaGroup'
      ? 'media'
      : method === 'copyMessages' || method === 'forwardMessages'
        ? 'message_ids'
        : undefined
  if (key === undefined) return 1
  try {
    const list = optObject(params, key)
    return Array.isArray(list) ? Math.max(1, list.length) : 1
  } catch {
    return 1
  }
}

function faultError(fault: Exclude<Fault, { kind: 'timeout' }>): BotApiError {
  switch (fault.status) {
    case 429:
      return tooManyRequests(fault.retryAfter)
    case 500:
    case 502:
    case 503:
      return new BotApiError(fault.status, FAULT_DESCRIPTIONS[fault.status])
    case 400:
      return new BotApiError(400, prefixed('Bad Request: ', fault.description), fault.parameters)
    case 403:
      return new BotApiError(403, prefixed('Forbidden: ', fault.description))
  }
}

function prefixed(prefix: string, description: string): string {
  return description.startsWith(prefix) ? description : `${prefix}${description}`
}

export function errorBody(error: BotApiError): Record<string, unknown> {
  const parameters: ResponseParameters | undefined = error.parameters
  return {
    ok: false,
    error_code: error.status,
    description: error.description,
    ...(parameters === undefined ? {} : { parameters }),
  }
}
