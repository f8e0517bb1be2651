import type { Update } from 'grammy/types'
import type { App } from '../../src/app.js'
import { at } from './figures.js'
import type { StandInProcess } from './host-protocol.js'

/** The office member seeded by test/support/seed-world.ts: Telegram id 9, role office. */
export const OFFICE = 9

/** Sends `update`'s command and waits until Loa has handled it. */
async function handled(app: App, update: Update | Promise<Update>): Promise<Update> {
  const u = await update
  await app.handled(u.update_id)
  return u
}

/**
 * The office broadcasts a message it already wrote in private, as a person does:
 * replies `/gui <args>` to it, then presses "Xác nhận" under the preview.
 * Resolves with the (absolute) time the press was queued, once Loa handled it.
 */
export async function broadcastByCommand(
  app: App,
  host: StandInProcess,
  composedMessageId: number,
  args: string,
): Promise<number> {
  await handled(app, host.text(OFFICE, OFFICE, `/gui ${args}`, composedMessageId))
  const preview = (await host.botMessages(OFFICE)).at(-1)
  const confirm = preview?.buttons.find((b) => b.data.startsWith('v1:ok:'))
  if (preview === undefined || confirm === undefined)
    throw new Error(`no preview with Xác nhận after /gui ${args}: ${preview?.text ?? '(none)'}`)
  const pressedAt = at()
  await handled(
    app,
    host.call<Update>({
      op: 'press',
      action: {
        kind: 'press',
        from: OFFICE,
        chat: OFFICE,
        messageId: preview.message_id,
        data: confirm.data,
      },
    }),
  )
  return pressedAt
}
