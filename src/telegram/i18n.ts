import { fileURLToPath } from 'node:url'
import { I18n, type TranslationVariables } from '@grammyjs/i18n'
import { htmlSafeArgs } from '../domain/html.js'
import type { LoaContext } from './context.js'

export const LOCALES_DIRECTORY = fileURLToPath(new URL('../../locales', import.meta.url))

export type Locale = 'vi' | 'en'

/** Telegram sends IETF tags (`en-US`, `vi`); Loa speaks Vietnamese and English. */
export function toLocale(languageCode: string | null | undefined): Locale | undefined {
  if (languageCode === null || languageCode === undefined) return undefined
  const primary = languageCode.toLowerCase().split('-')[0]
  return primary === 'vi' || primary === 'en' ? primary : undefined
}

type FluentTranslate = I18n<LoaContext>['fluent']['translate']

/** The Fluent instances' own translate, kept for texts shown as plain text. */
const plainTranslate = new WeakMap<I18n<LoaContext>['fluent'], FluentTranslate>()

/**
 * Every translation — `ctx.t`, `i18n.t` and the domain's `Translate` built on
 * it — escapes each string argument for Telegram's HTML here, in one place:
 * callers pass people's and units' names as they are, and pass fragments that
 * are already HTML through `html()` (src/domain/html.ts). Both the context's
 * `t` (bound by the plugin per update from `fluent.translate`) and `i18n.t`
 * go through the instance's `translate`, so wrapping it covers both.
 */
export function createI18n(defaultLocale: Locale): I18n<LoaContext> {
  const i18n = newI18n(defaultLocale)
  const fluent = i18n.fluent
  const translate: FluentTranslate = fluent.translate.bind(fluent)
  plainTranslate.set(fluent, translate)
  // A text without arguments is the same every time: formatted once per locale (a tap's toast).
  const plain = new Map<string, string>()
  fluent.translate = (locales, path, variables?: TranslationVariables) => {
    const fixed = typeof locales === 'string' && !hasArguments(variables)
    const key = fixed ? `${locales}\u0000${path}` : ''
    const known = fixed ? plain.get(key) : undefined
    if (known !== undefined) return known
    const text = translate(
      locales,
      path,
      variables === undefined ? undefined : htmlSafeArgs(variables),
    )
    if (fixed) plain.set(key, text)
    return text
  }
  return i18n
}

function hasArguments(variables: TranslationVariables | undefined): boolean {
  if (variables === undefined) return false
  for (const _ in variables) return true
  return false
}

/**
 * A translation for a place that shows plain text, not HTML (the sandbox's
 * transcript): arguments are not escaped.
 */
export function translatePlain(
  i18n: I18n<LoaContext>,
  locale: string,
  key: string,
  args?: Record<string, string | number>,
): string {
  const translate = plainTranslate.get(i18n.fluent) ?? i18n.fluent.translate.bind(i18n.fluent)
  return translate(locale, key, args)
}

function newI18n(defaultLocale: Locale): I18n<LoaContext> {
  return new I18n<LoaContext>({
    defaultLocale,
    directory: LOCALES_DIRECTORY,
    // Without this Fluent wraps every placeable in U+2068/U+2069, which Telegram shows as junk.
    fluentBundleOptions: { useIsolating: false },
    // The member's own choice first, then their Telegram client's language, then the default.
    localeNegotiator: (ctx) =>
      toLocale(ctx.member?.language) ?? toLocale(ctx.from?.language_code) ?? defaultLocale,
  })
}

/** The locale this update is answered in. */
export async function currentLocale(ctx: LoaContext): Promise<Locale> {
  return toLocale(await ctx.i18n.getLocale()) ?? ctx.deps.config.defaultLocale
}
