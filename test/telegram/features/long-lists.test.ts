import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { seedWorld, type World } from '../../support/seed-world.js'
import { TestBot, type Person } from '../../support/test-bot.js'

let t: TestBot
let world: World
let office: Person

beforeEach(async () => {
  t = await TestBot.start()
  world = await seedWorld(t.app.deps, { groups: 400 })
  office = t.person({ id: 9, first_name: 'Văn', last_name: 'Phòng' })
})
afterEach(() => t.stop())

/** What the office saw in reply to one command: every message, in order. */
async function repliesTo(command: string): Promise<string[]> {
  const before = t.botTexts(office).length
  await office.says(command, 'private')
  return t.botTexts(office).slice(before)
}

describe('lists that grow with the department stay within Telegram’s 4,096 characters (issue 8)', () => {
  it('/donvi at 400 units: several messages, every unit listed once, in order', async () => {
    const parts = await repliesTo('/donvi')
    expect(parts.length).toBeGreaterThan(1)
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096)
    const all = parts.join('\n')
    expect(all).toContain('Có 400 đơn vị')
    expect(all.match(/^U\d+ — /gmu) ?? []).toHaveLength(400)
  })

  it('/chiendich <MÃ> with 400 target units names the first 30 and counts the rest', async () => {
    const parts = await repliesTo(`/chiendich ${world.campaignCode}`)
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096)
    const detail = parts.join('\n')
    expect(detail).toContain('U1, U10, ')
    expect(detail).toContain('và 370 đơn vị khác')
  })
})
