import type { I18n } from '@grammyjs/i18n'
import type { Translate } from '../domain/ports.js'
import type { LoaContext } from './context.js'
import { toLocale, type Locale } from './i18n.js'

/**
 * The domain queues notices to the office (a group lost, …) in the transaction
 * that owes them (src/domain/outbound/group-lost.ts) and renders them there:
 * this is how it reads the locales, in each person's language, falling back to
 * the default one.
 */
export function noticeTranslator(i18n: I18n<LoaContext>, defaultLocale: Locale): Translate {
  return (locale, key, args) => i18n.t(toLocale(locale) ?? defaultLocale, key, args)
}
