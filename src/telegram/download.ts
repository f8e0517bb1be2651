import type { LoaContext } from './context.js'

/**
 * Downloads a file the user sent. Telegram serves files at
 * `<apiRoot>/file/bot<token>/<file_path>`; the token never reaches a log.
 */
export async function downloadFile(ctx: LoaContext, fileId: string): Promise<Uint8Array> {
  const file = await ctx.api.getFile(fileId)
  if (file.file_path === undefined) throw new Error('Telegram gave no file_path')
  const url = `${ctx.deps.config.telegramApiRoot}/file/bot${ctx.api.token}/${file.file_path}`
  const response = await fetch(url)
  if (!response.ok) throw new Error(`file download failed with HTTP ${response.status}`)
  return new Uint8Array(await response.arrayBuffer())
}
