import { pino, type Logger } from 'pino'

export type { Logger }

/**
 * The root logger. Subsystems take a child (`logger.child({ module: 'outbox' })`).
 * The bot token sits inside every API URL, so anything that looks like one is redacted.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: ['token', 'botToken', '*.token', 'config.botToken'], censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(
            this,
            args.map((a) => (typeof a === 'string' ? redactTokens(a) : a)) as Parameters<
              typeof method
            >,
          )
        },
      },
      formatters: {
        log(object) {
          const err = object['err']
          if (err instanceof Error && typeof err.message === 'string') {
            err.message = redactTokens(err.message)
          }
          return object
        },
      },
    },
    destination,
  )
}

const TOKEN_PATTERN = /\d{5,}:[\w-]{30,}/g

export function redactTokens(text: string): string {
  return text.replace(TOKEN_PATTERN, '[redacted-token]')
}
