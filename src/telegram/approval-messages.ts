import type { I18n } from '@grammyjs/i18n'
import type { ApprovalMessages } from '../domain/approvals/approval-messages.js'
import { formatLocal } from '../domain/broadcasts/parse-when.js'
import { escapeHtml, html } from '../domain/html.js'
import { callbacks } from './callback-data/codec.js'
import type { LoaContext } from './context.js'
import { formatDay } from './format.js'
import { toLocale, type Locale } from './i18n.js'

/** Occurrences and units named in a request; the rest are counted (4,096 characters). */
const MAX_SHOWN = 10

/** The approval flow's texts from locales/ and buttons with Loa's callback codecs. */
export function telegramApprovalMessages(
  i18n: I18n<LoaContext>,
  defaultLocale: Locale,
  timeZone: string,
): ApprovalMessages {
  const more = (locale: string, total: number, shown: number) =>
    total > shown ? i18n.t(locale, 'approval-more', { count: total - shown }) : ''
  return {
    localeOf: (language) => toLocale(language) ?? defaultLocale,
    request(locale, s) {
      const times = s.sendAts.slice(0, MAX_SHOWN).map((at) => formatLocal(new Date(at), timeZone))
      const units = s.unitCodes.slice(0, MAX_SHOWN)
      return {
        html: i18n.t(locale, 'approval-request', {
          id: s.broadcastId,
          sender: s.senderName,
          code: s.campaignCode,
          title: s.campaignTitle,
          times: html(escapeHtml(times.join(', ')) + more(locale, s.sendAts.length, times.length)),
          units: html(
            escapeHtml(units.join(', ')) + more(locale, s.unitCodes.length, units.length),
          ),
          deadline: s.confirmBy === null ? '—' : formatDay(s.confirmBy),
          urgent: html(s.urgent ? i18n.t(locale, 'approval-request-urgent') : ''),
        }),
        buttons: [
          [
            {
              text: i18n.t(locale, 'approval-approve-button'),
              callbackData: callbacks.approve.pack(s.broadcastId),
            },
            {
              text: i18n.t(locale, 'approval-reject-button'),
              callbackData: callbacks.reject.pack(s.broadcastId),
            },
          ],
        ],
      }
    },
    decided: (locale, d) =>
      i18n.t(locale, `error-broadcast-already-${d.kind}`, { id: d.broadcastId, name: d.reviewer }),
    outcome(locale, o) {
      const common = { id: o.broadcastId, name: o.reviewer }
      switch (o.kind) {
        case 'approved':
          return i18n.t(locale, 'approval-sender-approved', {
            ...common,
            when: formatLocal(new Date(o.sendAt), timeZone),
          })
        case 'rejected':
          return i18n.t(locale, 'approval-sender-rejected', {
            ...common,
            reason: o.reason,
          })
        case 'needs-new-time':
          return i18n.t(locale, 'approval-sender-new-time', {
            ...common,
            when: formatLocal(new Date(o.sendAt), timeZone),
          })
      }
    },
  }
}
