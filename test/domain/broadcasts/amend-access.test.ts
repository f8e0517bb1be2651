import { describe, expect, it } from 'vitest'
import { mayAmend } from '../../../src/domain/broadcasts/amend-access.js'
import type { Broadcast } from '../../../src/domain/broadcasts/broadcast.js'
import type { Role } from '../../../src/domain/units/roles.js'

const broadcast = (over: Partial<Broadcast> = {}): Broadcast => ({
  id: 7,
  campaignId: 1,
  seriesId: null,
  sourceChatId: 9,
  sourceMessageIds: [1],
  slogan: null,
  sendAt: '2024-04-15T01:00:00.000Z',
  confirmBy: null,
  status: 'sent',
  urgent: false,
  createdBy: 42,
  reviewedBy: null,
  reviewedAt: null,
  reviewNote: null,
  createdAt: '2024-04-15T00:00:00.000Z',
  contentHtml: null,
  recalledAt: null,
  ...over,
})
const actor = (role: Role, memberId = 1) => ({ memberId, role, telegramId: 100 })

describe('who may correct or recall a broadcast (issue 12)', () => {
  it('the office and admins any; a head only their own; members and leaders none', () => {
    expect(mayAmend(actor('office'), broadcast()).ok).toBe(true)
    expect(mayAmend(actor('admin'), broadcast()).ok).toBe(true)
    expect(mayAmend(actor('head', 42), broadcast()).ok).toBe(true)
    for (const [role, memberId] of [
      ['head', 1],
      ['leader', 42],
      ['member', 42],
    ] as const)
      expect(mayAmend(actor(role, memberId), broadcast())).toEqual({
        ok: false,
        error: { code: 'broadcast-not-own', broadcastId: 7 },
      })
  })

  it('a recalled broadcast is closed, even for the office', () => {
    expect(
      mayAmend(actor('office'), broadcast({ recalledAt: '2024-04-16T00:00:00.000Z' })),
    ).toEqual({ ok: false, error: { code: 'broadcast-recalled', broadcastId: 7 } })
  })
})
