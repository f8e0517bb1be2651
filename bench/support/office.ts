import type { Update } from 'grammy/types'
import type { App } from '../../src/app.js'
import { at } from './figures.js'
import type { StandInProcess } from './host-protocol.js'

/** The office member seeded by test/support/seed-world.ts: Telegram id 9, role office. */
export const OFFICE = 9

/** How long the office looks at the preview before pressing "Xác nhận". */
const READING_MS = 1_100

/** Sends `update`'s command and waits until Loa has handled it. */
async function handled(app: App, update: Update | Promise<Update>): Promise<Update> {
  const u = await update
  await app.handled(u.update_id)
  return u
}

/** A preview's "Xác nhận", to press later. */
export interface PendingPreview {
  messageId: number
  data: string
}

/** The office replies `/gui <args>` to a message it wrote in private and gets the preview. */
export async function previewBroadcast(
  app: App,
  host: StandInProcess,
  composedMessageId: number,
  args: string,
): Promise<PendingPreview> {
  await handled(app, host.text(OFFICE, OFFICE, `/gui ${args}`, composedMessageId))
  const preview = (await host.botMessages(OFFICE)).at(-1)
  const confirm = preview?.buttons.find((b) => b.data.startsWith('v1:ok:'))
  if (preview === undefined || confirm === undefined)
    throw new Error(`no preview with Xác nhận after /gui ${args}: ${preview?.text ?? '(none)'}`)
  return { messageId: preview.message_id, data: confirm.data }
}

/**
 * Presses "Xác nhận" under a preview; resolves with the (absolute) time the
 * press was queued, once Loa handled it.
 */
export async function confirmPreview(
  app: App,
  host: StandInProcess,
  preview: PendingPreview,
): Promise<number> {
  const pressedAt = at()
  await handled(
    app,
    host.call<Update>({
      op: 'press',
      action: {
        kind: 'press',
        from: OFFICE,
        chat: OFFICE,
        messageId: preview.messageId,
        data: preview.data,
      },
    }),
  )
  return pressedAt
}

/**
 * A person reads the preview before pressing: by then Telegram's second of the
 * preview message has passed, as the minimum scenario 1 compares with assumes.
 */
export const readPreview = () => new Promise((resolve) => setTimeout(resolve, READING_MS))

/**
 * The office broadcasts a message it already wrote in private, as a person does:
 * replies `/gui <args>` to it, reads the preview, then presses "Xác nhận".
 * Resolves with the (absolute) time the press was queued, once Loa handled it.
 */
export async function broadcastByCommand(
  app: App,
  host: StandInProcess,
  composedMessageId: number,
  args: string,
): Promise<number> {
  const preview = await previewBroadcast(app, host, composedMessageId, args)
  await readPreview()
  return confirmPreview(app, host, preview)
}
