import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { FluentBundle, FluentResource } from '@fluent/bundle'
import { describe, expect, it } from 'vitest'
import { COMMANDS } from '../src/telegram/commands.js'
import { ROLES } from '../src/domain/units/roles.js'

const LOCALES = ['vi', 'en'] as const

function keysOf(locale: string): Set<string> {
  const source = readFileSync(join('locales', `${locale}.ftl`), 'utf8')
  const resource = new FluentResource(source)
  const bundle = new FluentBundle(locale)
  expect(bundle.addResource(resource)).toEqual([])
  return new Set(resource.body.map((entry) => entry.id))
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  )
}

/**
 * Keys built at run time from a prefix: each prefix and every value it can take.
 * A new dynamic prefix in code fails this test until it is listed here.
 */
const DYNAMIC: Record<string, readonly string[]> = {
  'role-': ROLES,
  'role-plural-': ROLES,
  'start-greeting-': ROLES,
  'cmd-': Object.values(COMMANDS).map((c) => c.name),
  'place-': ['private', 'group'],
  'error-wrong-chat-': ['private', 'group', 'reply'],
  'error-broadcast-already-': ['approved', 'rejected'],
  'activity-kind-': ['participation', 'task', 'report'],
  'campaign-status-': ['draft', 'active', 'closed'],
  'broadcast-status-': [
    'awaiting_approval',
    'scheduled',
    'sending',
    'sent',
    'cancelled',
    'rejected',
  ],
  'schedule-group-': ['pending', 'sending', 'sent', 'failed'],
  'schedule-group-more-': ['pending', 'sending', 'sent', 'failed'],
  'campaign-new-ask-': ['title', 'period', 'slogans'],
  'campaign-new-bad-': ['title', 'period'],
}

describe('locales', () => {
  const keys = Object.fromEntries(LOCALES.map((l) => [l, keysOf(l)]))

  it('vi.ftl and en.ftl carry the same keys', () => {
    expect([...keys.vi!].sort()).toEqual([...keys.en!].sort())
  })

  it('every key used in code exists in both files', () => {
    const used = new Set<string>()
    const prefixes = new Set<string>()
    for (const file of sourceFiles('src')) {
      const code = readFileSync(file, 'utf8')
      for (const m of code.matchAll(/\bt\(\s*'([a-z0-9-]+)'/g)) used.add(m[1]!)
      for (const m of code.matchAll(/\bt\([^,)]*?`([a-z0-9-]+-)\$\{/g)) prefixes.add(m[1]!)
      for (const m of code.matchAll(/\b(?:i18n\.t|this\.i18n\.t)\([^,]+,\s*`([a-z0-9-]+-)\$\{/g))
        prefixes.add(m[1]!)
      for (const m of code.matchAll(/\bi18n\.t\([^,]+,\s*'([a-z0-9-]+)'/g)) used.add(m[1]!)
    }
    expect(used.size).toBeGreaterThan(20)
    for (const prefix of prefixes) {
      expect(DYNAMIC, `dynamic key prefix ${prefix} must be listed in this test`).toHaveProperty(
        prefix,
      )
      for (const value of DYNAMIC[prefix]!) used.add(`${prefix}${value}`)
    }
    for (const locale of LOCALES) {
      const missing = [...used].filter((key) => !keys[locale]!.has(key))
      expect(missing, `missing in ${locale}.ftl`).toEqual([])
    }
  })
})

/** The text of every message in a locale, by key (attributes and variants included). */
function messagesOf(locale: string): Map<string, string> {
  const source = readFileSync(join('locales', `${locale}.ftl`), 'utf8')
  const messages = new Map<string, string>()
  let key: string | undefined
  for (const line of source.split('\n')) {
    const start = /^([a-z0-9_-]+) = ?(.*)$/.exec(line)
    if (start !== null) {
      key = start[1]!
      messages.set(key, start[2]!)
    } else if (key !== undefined && /^\s/.test(line)) {
      messages.set(key, `${messages.get(key)!}\n${line}`)
    } else key = undefined
  }
  return messages
}

/** What a reader sees: without Fluent placeables, HTML tags, commands and CONFIG names. */
function visibleText(value: string): string {
  return value
    .replace(/\{[^{}]*\}/g, ' ')
    .replace(/^\s*\*?\[[a-z]+\]/gm, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\/[a-z_]+/gi, ' ')
    .replace(/\b[A-Z][A-Z_]{2,}\b/g, ' ')
    .replace(/«loa [^»]*»/g, ' ')
}

/**
 * Issue 11: Vietnamese replies carry no English and no programmer words. The
 * lists are the words testers found; command words (vanphong, thanhvien) and
 * Telegram's own «emoji»-free wording stay allowed.
 */
const ENGLISH_WORDS = [
  'member',
  'head',
  'office',
  'leader',
  'admin',
  'bot',
  'preview',
  'error',
  'reply',
  'draft',
  'active',
  'closed',
  'running',
  'campaign',
  'broadcast',
]
const PROGRAMMER_WORDS = ['đối số', 'bản gửi', 'nháp', 'đang chạy', 'lỗi 0', 'tham số', 'chưa khớp']

describe('Vietnamese messages read as Vietnamese', () => {
  const vi = messagesOf('vi')

  it('are all read (the parser saw every key)', () => {
    expect(vi.size).toBe(keysOf('vi').size)
  })

  it('use no English word', () => {
    const found = [...vi].flatMap(([key, value]) => {
      const text = visibleText(value).toLowerCase()
      return ENGLISH_WORDS.filter((word) => new RegExp(`\\b${word}s?\\b`, 'i').test(text)).map(
        (word) => `${key}: ${word}`,
      )
    })
    expect(found).toEqual([])
  })

  it('use no programmer word', () => {
    const found = [...vi].flatMap(([key, value]) =>
      PROGRAMMER_WORDS.filter((word) => visibleText(value).toLowerCase().includes(word)).map(
        (word) => `${key}: ${word}`,
      ),
    )
    expect(found).toEqual([])
  })

  it('keep one register: «Đ/c» or «đồng chí» never in a message that says «Anh/Chị»', () => {
    const mixed = [...vi]
      .filter(([, value]) => value.includes('Anh/Chị') && /Đ\/c|đồng chí/.test(value))
      .map(([key]) => key)
    expect(mixed).toEqual([])
  })
})
