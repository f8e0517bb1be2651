import type { TranslationArg } from '../html.js'
import type { InlineButton } from '../ports.js'

/**
 * What the reminder code needs from the edge that speaks to people: texts by
 * Fluent key in a locale, and the buttons (callback data is the Telegram
 * layer's business, STYLE §3). The domain chooses what to say; the edge says it.
 */
export interface ReminderRenderer {
  readonly defaultLocale: string
  /** The locale of a member from their stored choice or client language. */
  localeOf(language: string | null): string
  /** Telegram HTML; string arguments are escaped by the translator, fragments go in `html()`. */
  t(locale: string, key: string, args?: Record<string, TranslationArg>): string
  /** «✅ Đã đọc» of a broadcast: acknowledges it for whoever presses, where allowed. */
  acknowledgeButton(locale: string, broadcastId: number): InlineButton
  /** «🙋 Tham gia (N)» of a participation activity: joins it for whoever presses, where allowed. */
  participateButton(locale: string, activityId: number, count: number): InlineButton
  /** «✅ Đã hoàn thành» of a task activity, for its lead unit's heads. */
  taskDoneButton(locale: string, activityId: number): InlineButton
}
