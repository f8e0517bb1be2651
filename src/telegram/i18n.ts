import { fileURLToPath } from 'node:url'
import { I18n } from '@grammyjs/i18n'
import type { LoaContext } from './context.js'

export const LOCALES_DIRECTORY = fileURLToPath(new URL('../../locales', import.meta.url))

export type Locale = 'vi' | 'en'

/** Telegram sends IETF tags (`en-US`, `vi`); Loa speaks Vietnamese and English. */
export function toLocale(languageCode: string | null | undefined): Locale | undefined {
  if (languageCode === null || languageCode === undefined) return undefined
  const primary = languageCode.toLowerCase().split('-')[0]
  return primary === 'vi' || primary === 'en' ? primary : undefined
}

export function createI18n(defaultLocale: Locale): I18n<LoaContext> {
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
