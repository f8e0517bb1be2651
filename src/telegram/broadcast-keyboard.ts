import type { I18n } from '@grammyjs/i18n'
import type { KeyboardContext } from '../domain/broadcasts/keyboard-context.js'
import type { InlineButton } from '../domain/ports.js'
import { callbacks } from './callback-data/codec.js'
import type { LoaContext } from './context.js'
import type { Locale } from './i18n.js'

/**
 * The keyboard under every delivered copy (PRODUCT §3): "✅ Đã đọc (N)" and,
 * while the campaign has an open participation activity, "🙋 Tham gia (N)".
 * A group is shared by people of both languages, so it speaks the default locale.
 */
export function broadcastKeyboard(i18n: I18n<LoaContext>, locale: Locale) {
  return (context: KeyboardContext): InlineButton[][] => {
    const row: InlineButton[] = [
      {
        text: i18n.t(locale, 'button-acknowledge', { count: context.ackCount }),
        callbackData: callbacks.acknowledge.pack(context.broadcastId),
      },
    ]
    if (context.participation !== null) {
      row.push({
        text: i18n.t(locale, 'button-participate', { count: context.participation.count }),
        callbackData: callbacks.participate.pack(context.participation.activityId),
      })
    }
    return [row]
  }
}
