import type { OutboundPayload } from '../outbound/outbound.js'

/** What a leader's approval request shows under the copied broadcast (issue 12). */
export interface ApprovalSummary {
  broadcastId: number
  campaignCode: string
  campaignTitle: string
  /** UTC ISO instants, one per occurrence. */
  sendAts: string[]
  unitCodes: string[]
  confirmBy: string | null
  senderName: string
  urgent: boolean
}

/** What the sender is told once a leader decided. */
export type ApprovalOutcome =
  | { kind: 'approved'; broadcastId: number; reviewer: string; sendAt: string }
  | { kind: 'rejected'; broadcastId: number; reviewer: string; reason: string }
  /** Approved more than an hour after its time: the sender picks a new one. */
  | { kind: 'needs-new-time'; broadcastId: number; reviewer: string; sendAt: string }

/**
 * The texts and buttons of the approval flow, rendered by the edge (locales,
 * callback data) and queued by the domain in the transaction that owes them.
 */
export interface ApprovalMessages {
  localeOf(language: string | null): string
  request(locale: string, summary: ApprovalSummary): OutboundPayload
  outcome(locale: string, outcome: ApprovalOutcome): string
  /** The line under another leader's request once someone decided it. */
  decided(
    locale: string,
    decision: { kind: 'approved' | 'rejected'; broadcastId: number; reviewer: string },
  ): string
}
