import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, requireBotToken } from '../src/config.js'

const token = '123456789:AAEabcdefghijklmnopqrstuvwxyz012345'

describe('loadConfig', () => {
  it('applies the defaults of PRODUCT §7', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({
      botToken: undefined,
      databasePath: './data/loa.db',
      telegramApiRoot: 'https://api.telegram.org',
      adminIds: [],
      timezone: 'Asia/Ho_Chi_Minh',
      defaultLocale: 'vi',
      webhook: undefined,
      logLevel: 'info',
    })
  })

  it('reads every variable', () => {
    const config = loadConfig({
      BOT_TOKEN: token,
      DATABASE_PATH: '/var/lib/loa/loa.db',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
      ADMIN_IDS: '111, 222',
      TIMEZONE: 'Asia/Bangkok',
      DEFAULT_LOCALE: 'en',
      WEBHOOK_URL: 'https://loa.example.gov.vn/telegram',
      WEBHOOK_SECRET: 's3cret_token',
      PORT: '9000',
      LOG_LEVEL: 'debug',
    })
    expect(config.adminIds).toEqual([111, 222])
    expect(config.telegramApiRoot).toBe('http://127.0.0.1:8081')
    expect(config.webhook).toEqual({
      url: 'https://loa.example.gov.vn/telegram',
      secret: 's3cret_token',
      port: 9000,
    })
    expect(requireBotToken(config)).toBe(token)
  })

  it.each([
    ['ADMIN_IDS', '12,abc', /ADMIN_IDS: expected comma-separated Telegram user ids/],
    ['TIMEZONE', 'Mars/Olympus', /TIMEZONE: expected an IANA time zone/],
    ['DEFAULT_LOCALE', 'fr', /DEFAULT_LOCALE: expected vi or en/],
    ['TELEGRAM_API_ROOT', 'not a url', /TELEGRAM_API_ROOT: expected an http\(s\) URL/],
    ['PORT', 'eighty', /PORT: expected a port number/],
    ['BOT_TOKEN', 'hello', /BOT_TOKEN: expected a token from @BotFather/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: expected one of/],
    ['DATABASE_URL', 'mysql://loa@db/loa', /DATABASE_URL: expected a PostgreSQL URL/],
  ])('names %s when its value is bad', (variable, value, message) => {
    expect(() => loadConfig({ [variable]: value })).toThrowError(message)
    try {
      loadConfig({ [variable]: value })
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError)
      expect((error as ConfigError).variable).toBe(variable)
    }
  })

  it('requires BOT_TOKEN only to run the bot, and says where to get one', () => {
    const config = loadConfig({})
    expect(() => requireBotToken(config)).toThrowError(/BOT_TOKEN: expected .*@BotFather/)
  })

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ BOT_TOKEN: '', ADMIN_IDS: '' }).botToken).toBeUndefined()
  })

  it('selects PostgreSQL with DATABASE_URL (PRODUCT §11)', () => {
    const url = 'postgres://loa:secret@127.0.0.1:5432/loa'
    expect(loadConfig({ DATABASE_URL: url }).databaseUrl).toBe(url)
    expect(loadConfig({}).databaseUrl).toBeUndefined()
  })

  it('refuses DATABASE_URL and DATABASE_PATH together, naming both', () => {
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://loa@db/loa', DATABASE_PATH: './data/loa.db' }),
    ).toThrowError(/DATABASE_URL: expected .*DATABASE_URL.*DATABASE_PATH.*not both/)
  })
})
