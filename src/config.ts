import { z } from 'zod'

/** PRODUCT §7. Every variable, its default and what a bad value means. */
const envSchema = z.object({
  BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, 'a token from @BotFather, like 123456789:AAE…')
    .optional(),
  DATABASE_PATH: z.string().min(1, 'a file path').default('./data/loa.db'),
  // §11: PostgreSQL instead of the SQLite file, for several instances on one database.
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\/\S+$/,
      'a PostgreSQL URL, like postgres://loa:secret@127.0.0.1:5432/loa',
    )
    .optional(),
  TELEGRAM_API_ROOT: z.url('an http(s) URL').default('https://api.telegram.org'),
  ADMIN_IDS: z
    .string()
    .default('')
    .transform((raw, ctx) => {
      const ids: number[] = []
      for (const part of raw.split(',').map((p) => p.trim())) {
        if (part === '') continue
        if (!/^\d{1,15}$/.test(part)) {
          ctx.addIssue({
            code: 'custom',
            message: 'comma-separated Telegram user ids, like 12345,67890',
          })
          return z.NEVER
        }
        ids.push(Number(part))
      }
      return ids
    }),
  TIMEZONE: z
    .string()
    .default('Asia/Ho_Chi_Minh')
    .refine(isKnownTimeZone, 'an IANA time zone, like Asia/Ho_Chi_Minh'),
  DEFAULT_LOCALE: z.enum(['vi', 'en'], 'vi or en').default('vi'),
  WEBHOOK_URL: z.url('an https URL').optional(),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,256}$/, '1-256 characters A-Z, a-z, 0-9, _ or -')
    .optional(),
  PORT: z.coerce.number('a port number').int().min(1).max(65535).default(8080),
  LOG_LEVEL: z
    .enum(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'],
      'one of fatal, error, warn, info, debug, trace, silent',
    )
    .default('info'),
})

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

export interface Config {
  botToken: string | undefined
  /** The SQLite file; unused when {@link Config.databaseUrl} is set. */
  databasePath: string
  /** `postgres://…`: PostgreSQL instead of SQLite (PRODUCT §11). */
  databaseUrl: string | undefined
  telegramApiRoot: string
  adminIds: readonly number[]
  timezone: string
  defaultLocale: 'vi' | 'en'
  webhook: { url: string; secret: string | undefined; port: number } | undefined
  logLevel: string
}

/** Thrown when the environment cannot be used; `message` is the one line to print. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  constructor(
    readonly variable: string,
    readonly expected: string,
  ) {
    super(`${variable}: expected ${expected}`)
  }
}

/** Pure: reads a plain object of variables (process.env after dotenv in production). */
export function loadConfig(env: Record<string, string | undefined>): Config {
  // An empty variable in .env means "not set", as most twelve-factor apps read it.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  )
  const parsed = envSchema.safeParse(present)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const variable = String(issue?.path[0] ?? 'environment')
    throw new ConfigError(variable, issue?.message ?? 'a valid value')
  }
  const e = parsed.data
  // The default path must not hide a mistake: only an explicit DATABASE_PATH conflicts.
  if (e.DATABASE_URL !== undefined && present.DATABASE_PATH !== undefined) {
    throw new ConfigError(
      'DATABASE_URL',
      'either DATABASE_URL (PostgreSQL) or DATABASE_PATH (SQLite), not both',
    )
  }
  if (e.WEBHOOK_SECRET !== undefined && e.WEBHOOK_URL === undefined) {
    throw new ConfigError('WEBHOOK_URL', 'an https URL when WEBHOOK_SECRET is set')
  }
  return {
    botToken: e.BOT_TOKEN,
    databasePath: e.DATABASE_PATH,
    databaseUrl: e.DATABASE_URL,
    telegramApiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
    adminIds: e.ADMIN_IDS,
    timezone: e.TIMEZONE,
    defaultLocale: e.DEFAULT_LOCALE,
    webhook:
      e.WEBHOOK_URL === undefined
        ? undefined
        : { url: e.WEBHOOK_URL, secret: e.WEBHOOK_SECRET, port: e.PORT },
    logLevel: e.LOG_LEVEL,
  }
}

/** The token is only needed to run the bot; the CLI works without it. */
export function requireBotToken(config: Config): string {
  if (config.botToken === undefined) {
    throw new ConfigError(
      'BOT_TOKEN',
      'the token @BotFather gave you (open https://t.me/BotFather, /newbot), like 123456789:AAE…',
    )
  }
  return config.botToken
}
