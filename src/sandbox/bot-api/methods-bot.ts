import type { File, UserFromGetMe, WebhookInfo } from 'grammy/types'
import { badRequest } from './errors.js'
import type { Handler, MethodContext } from './methods.js'
import { optBool, optInt, optStr } from './params.js'

/** The bot itself: identity, updates and webhook, files, callback answers. */
export function botMethods(ctx: MethodContext): Record<string, Handler> {
  const { updates, files } = ctx
  return {
    getMe: (): UserFromGetMe => ({
      ...ctx.botUser,
      is_bot: true,
      username: ctx.botUser.username ?? '',
      can_join_groups: true,
      can_read_all_group_messages: !ctx.privacyMode,
      supports_inline_queries: false,
      can_connect_to_business: false,
      has_main_web_app: false,
      has_topics_enabled: false,
      allows_users_to_create_topics: false,
      can_manage_bots: false,
      supports_join_request_queries: false,
    }),

    getUpdates: (params, signal) => updates.getUpdates(params, signal),

    setWebhook: (params) => {
      const url = optStr(params, 'url') ?? ''
      if (optBool(params, 'drop_pending_updates') === true) updates.dropPending()
      if (url === '') {
        updates.webhook = undefined
        return true
      }
      if (!url.startsWith('https://'))
        throw badRequest('bad webhook: An HTTPS URL must be provided for webhook')
      const secret = optStr(params, 'secret_token')
      updates.webhook = { url, ...(secret === undefined ? {} : { secret_token: secret }) }
      return true
    },

    deleteWebhook: (params) => {
      if (optBool(params, 'drop_pending_updates') === true) updates.dropPending()
      updates.webhook = undefined
      return true
    },

    getWebhookInfo: (): WebhookInfo => {
      const allowed = updates.allowedUpdates
      return {
        url: updates.webhook?.url ?? '',
        has_custom_certificate: false,
        pending_update_count: updates.pendingCount,
        ...(allowed === undefined
          ? {}
          : { allowed_updates: allowed as WebhookInfo['allowed_updates'] }),
      }
    },

    close: () => true,
    logOut: () => true,

    getFile: (params): File => {
      const fileId = optStr(params, 'file_id')
      if (fileId === undefined || fileId === '') throw badRequest('file_id is empty')
      const file = files.get(fileId)
      if (file === undefined) throw badRequest('invalid file_id')
      // Telegram refuses downloads over 20 MB through the cloud Bot API.
      if (file.data.byteLength > 20 * 1024 * 1024) throw badRequest('file is too big')
      return {
        file_id: file.file_id,
        file_unique_id: file.file_unique_id,
        file_size: file.data.byteLength,
        file_path: file.file_path,
      }
    },

    answerCallbackQuery: (params) => {
      const id = optStr(params, 'callback_query_id') ?? ''
      // Unknown and already-answered queries get the same refusal on Telegram.
      if (!ctx.openCallbacks.delete(id)) {
        throw badRequest('query is too old and response timeout expired or query ID is invalid')
      }
      const text = optStr(params, 'text')
      const showAlert = optBool(params, 'show_alert')
      const url = optStr(params, 'url')
      const cacheTime = optInt(params, 'cache_time')
      ctx.callbackAnswers.push({
        callback_query_id: id,
        ...(text === undefined ? {} : { text }),
        ...(showAlert === undefined ? {} : { show_alert: showAlert }),
        ...(url === undefined ? {} : { url }),
        ...(cacheTime === undefined ? {} : { cache_time: cacheTime }),
      })
      return true
    },
  }
}
