import type { ResponseParameters } from 'grammy/types'

/** A refusal answered with Telegram's error shape `{ ok: false, error_code, description }`. */
export class BotApiError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description)
    this.name = 'BotApiError'
  }
}

export function badRequest(what: string, parameters?: ResponseParameters): BotApiError {
  return new BotApiError(400, `Bad Request: ${what}`, parameters)
}

export function forbidden(what: string): BotApiError {
  return new BotApiError(403, `Forbidden: ${what}`)
}

export function tooManyRequests(retryAfter: number): BotApiError {
  return new BotApiError(429, `Too Many Requests: retry after ${retryAfter}`, {
    retry_after: retryAfter,
  })
}

export function notModified(): BotApiError {
  return badRequest(
    'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
  )
}
