/**
 * Escapes text for Telegram's HTML parse mode, the format ChatPort.sendText
 * speaks: `&`, `<`, `>` in text, and `"` so that text is safe inside an
 * attribute too (Telegram and the stand-in decode `&quot;`).
 *
 * Translations escape their arguments themselves (src/telegram/i18n.ts); this
 * is for HTML built by concatenation outside them.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/**
 * A fragment that is already HTML (a mention `<a href="tg://user?id=…">`, a
 * list with `<b>`, the output of another translation) and must reach the
 * translation unescaped. Its shape (`value`, `toString`) is Fluent's
 * `FluentType`, so it types as a translation argument; the translator unwraps
 * it before Fluent sees it, so the domain needs no Fluent import.
 */
export class TrustedHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

/** Marks `fragment` as trusted HTML: the caller escaped whatever it interpolated. */
export function html(fragment: string): TrustedHtml {
  return new TrustedHtml(fragment)
}

/** What a translation accepts as an argument: text (escaped), numbers and dates (formatted by Fluent), trusted HTML. */
export type TranslationArg = string | number | Date | TrustedHtml

/**
 * The one place translation arguments are made safe for HTML: strings are
 * escaped, trusted fragments unwrapped, numbers and dates left for Fluent to
 * format («83,3%», `05/05/2024`).
 */
export function htmlSafeArgs<T>(args: Readonly<Record<string, T>>): Record<string, T | string> {
  const safe: Record<string, T | string> = {}
  for (const [name, value] of Object.entries(args)) {
    safe[name] =
      typeof value === 'string'
        ? escapeHtml(value)
        : value instanceof TrustedHtml
          ? value.value
          : value
  }
  return safe
}

/** Reverses escapeHtml, for a translation shown where Telegram takes plain text (a toast). */
export function htmlToPlainText(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
}
