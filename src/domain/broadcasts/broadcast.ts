import type { Selectable } from 'kysely'
import type { BroadcastStatus, BroadcastTable } from '../../db/schema.js'

export type { BroadcastStatus }

export interface Broadcast {
  id: number
  campaignId: number
  /** The first occurrence's id for every row of a `hằng ngày` series; null for a one-off. */
  seriesId: number | null
  sourceChatId: number
  sourceMessageIds: number[]
  slogan: string | null
  sendAt: string
  confirmBy: string | null
  status: BroadcastStatus
  urgent: boolean
  createdBy: number | null
  reviewedBy: number | null
  reviewedAt: string | null
  reviewNote: string | null
  createdAt: string
  /** Issue 12: the text after the last «Sửa nội dung»; null while the original stands. */
  contentHtml: string | null
  /** Issue 12: when «Thu hồi» withdrew it; null while it stands. */
  recalledAt: string | null
}

export function rowToBroadcast(row: Selectable<BroadcastTable>): Broadcast {
  const ids: unknown = JSON.parse(row.source_message_ids)
  return {
    id: row.id,
    campaignId: row.campaign_id,
    seriesId: row.series_id,
    sourceChatId: row.source_chat_id,
    sourceMessageIds: Array.isArray(ids)
      ? ids.filter((v): v is number => typeof v === 'number')
      : [],
    slogan: row.slogan,
    sendAt: row.send_at,
    confirmBy: row.confirm_by,
    status: row.status,
    urgent: row.urgent === 1,
    createdBy: row.created_by,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    reviewNote: row.review_note,
    createdAt: row.created_at,
    contentHtml: row.content_html,
    recalledAt: row.recalled_at,
  }
}

/** Statuses in which nothing has left yet and the office may still cancel. */
export const CANCELLABLE: readonly BroadcastStatus[] = ['awaiting_approval', 'scheduled']
/** Statuses whose pending deliveries the sender may claim. */
export const SENDABLE: readonly BroadcastStatus[] = ['scheduled', 'sending']
