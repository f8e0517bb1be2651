import { readFileSync } from 'node:fs'
import { failWrites } from '../../support/test-database.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  answerCampaignDraft,
  campaignDraftId,
  createCampaignFromDraft,
  startCampaignDraft,
} from '../../../src/domain/campaigns/campaign-draft.js'
import { readPendingAction, savePendingAction } from '../../../src/domain/pending-actions.js'
import {
  confirmPlanImport,
  planFingerprint,
  previewPlanImport,
} from '../../../src/domain/plans/plan-import.js'
import { seedWorld, type World } from '../../support/seed-world.js'
import { createTestDeps, type TestDeps } from '../../support/temp-db.js'

let deps: TestDeps
let world: World
beforeEach(async () => {
  deps = await createTestDeps()
  world = await seedWorld(deps, { groups: 2 })
})
afterEach(() => deps.close())

const anything = z.object({}).passthrough()

/** The process dies inside the creating transaction, after the preview was spent. */
async function crashOnCampaignInsert(run: () => Promise<unknown>): Promise<void> {
  const revive = await failWrites(deps.db, { table: 'campaign', on: 'insert', message: 'killed' })
  await expect(run()).rejects.toThrow('killed')
  await revive()
}

async function campaignCodes(): Promise<string[]> {
  const rows = await deps.db.selectFrom('campaign').select('code').orderBy('id').execute()
  return rows.map((r) => r.code)
}

describe('Xác nhận is spent with the campaign it creates (issue 8)', () => {
  it('/kehoach: a crash keeps the preview; the replayed press creates the campaign once', async () => {
    const text = readFileSync('test/fixtures/plans/seeds/000_fcb74c43ec1f80d8.txt', 'utf8')
    const preview = await previewPlanImport(deps, text)
    if (!preview.ok) throw new Error(preview.error.code)
    const draft = { plan: preview.value.plan, fingerprint: planFingerprint(text) }
    const id = await savePendingAction(deps, {
      memberId: world.officeId,
      kind: 'plan-import',
      payload: draft,
    })
    const consume = { id, memberId: world.officeId, kind: 'plan-import' }
    const before = await campaignCodes()

    await crashOnCampaignInsert(() => confirmPlanImport(deps, draft, world.officeId, 9, consume))
    expect(await readPendingAction(deps, { ...consume, schema: anything })).toBeDefined()
    expect(await campaignCodes()).toEqual(before)

    const first = await confirmPlanImport(deps, draft, world.officeId, 9, consume)
    expect(first.ok).toBe(true)
    expect(await confirmPlanImport(deps, draft, world.officeId, 9, consume)).toEqual({
      ok: false,
      // The fingerprint now names the campaign the first press created.
      error: { code: 'duplicate-plan', campaignCode: first.ok ? first.value.code : '' },
    })
    expect(await campaignCodes()).toHaveLength(before.length + 1)
  })

  it('/chiendich moi: a crash keeps the draft; the replayed press creates the campaign once', async () => {
    await startCampaignDraft(deps, world.officeId)
    await answerCampaignDraft(deps, world.officeId, 'Tuần lễ học tập suốt đời 2024')
    await answerCampaignDraft(deps, world.officeId, '01/10/2024 - 07/10/2024')
    await answerCampaignDraft(deps, world.officeId, 'bỏ qua')
    const before = await campaignCodes()
    const press = () =>
      createCampaignFromDraft(deps, { memberId: world.officeId, actorTelegramId: 9 })

    await crashOnCampaignInsert(press)
    expect(await campaignDraftId(deps, world.officeId)).toBeDefined()
    expect(await campaignCodes()).toEqual(before)

    const first = await press()
    expect(first?.ok).toBe(true)
    expect(await press()).toBeUndefined()
    expect(await campaignCodes()).toHaveLength(before.length + 1)
  })
})
