import type { I18n } from '@grammyjs/i18n'
import type { ReminderRenderer } from '../domain/reminders/reminder-renderer.js'
import { callbacks } from './callback-data/codec.js'
import type { LoaContext } from './context.js'
import { toLocale, type Locale } from './i18n.js'

/** Reminder texts from locales/ and buttons with Loa's callback codecs. */
export function telegramReminderRenderer(
  i18n: I18n<LoaContext>,
  defaultLocale: Locale,
): ReminderRenderer {
  return {
    defaultLocale,
    localeOf: (language) => toLocale(language) ?? defaultLocale,
    t: (locale, key, args) => i18n.t(locale, key, args),
    acknowledgeButton: (locale, broadcastId) => ({
      text: i18n.t(locale, 'remind-ack-button'),
      callbackData: callbacks.acknowledge.pack(broadcastId),
    }),
    participateButton: (locale, activityId, count) => ({
      text: i18n.t(locale, 'button-participate', { count }),
      callbackData: callbacks.chooseActivity.pack(activityId),
    }),
    taskDoneButton: (locale, activityId) => ({
      text: i18n.t(locale, 'remind-task-done-button'),
      callbackData: callbacks.taskDone.pack(activityId),
    }),
  }
}
