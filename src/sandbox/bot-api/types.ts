import type {
  ChatAdministratorRights,
  InlineKeyboardMarkup,
  ForceReply,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  ResponseParameters,
} from 'grammy/types'
import type { Clock } from '../../clock.js'

/** Options of {@link BotApiStandIn.start}. */
export interface BotApiStandInOptions {
  /** The token the bot must use; any other answers 401. Default `'123456:TEST-TOKEN'`. */
  token?: string
  /** The bot's own user; default id 123456, `loa_test_bot`. */
  bot?: { id: number; username: string; first_name: string }
  /** Message dates and rate-limit windows; default the system clock. */
  clock?: Clock
  /**
   * Default true: a call over Telegram's limits is answered 429 with `retry_after`.
   * False: it succeeds. Either way it is recorded in `limitViolations`.
   */
  enforceLimits?: boolean
  /**
   * Telegram's privacy mode (BotFather default on): in groups where the bot is not an
   * administrator it only receives commands, replies to its messages, mentions of it and
   * service messages. Default false here so tests see every message unless they opt in.
   */
  privacyMode?: boolean
}

/** One HTTP call the bot made, as the stand-in answered it. */
export interface ApiCall {
  /** 1, 2, 3… in the order the calls were answered. */
  seq: number
  /** Canonical method name (Telegram matches names case-insensitively). */
  method: string
  /** Parsed parameters; an uploaded file appears as `{ upload: fileName, size }`. */
  params: Record<string, unknown>
  /** Clock time when the call arrived. */
  at: Date
  ok: boolean
  /** HTTP status; 0 when a timeout fault destroyed the socket without answering. */
  status: number
  result?: unknown
  description?: string
  parameters?: ResponseParameters
}

/** An injected failure, in Telegram's real error shapes. */
export type Fault =
  | { status: 429; retryAfter: number }
  | { status: 500 | 502 | 503 }
  | { status: 400; description: string; parameters?: ResponseParameters }
  | { status: 403; description: string }
  | { kind: 'timeout'; ms: number }

export type MemberStatus = 'creator' | 'administrator' | 'member' | 'left' | 'kicked'

export type ReplyMarkup =
  InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove | ForceReply

export type EntryKind =
  | 'text'
  | 'photo'
  | 'document'
  | 'video'
  | 'audio'
  | 'voice'
  | 'animation'
  | 'sticker'
  | 'service'
  | 'other'

/** A message of a chat as a person scrolling it would see it. */
export interface ChatEntry {
  message_id: number
  /** `'bot'` for what the bot sent, otherwise the sender's user id. */
  from: 'bot' | number
  kind: EntryKind
  /** Text, or the caption of a media message. */
  text?: string
  date: number
  /** The markup as it currently is (edits applied); reply keyboards included. */
  reply_markup?: ReplyMarkup
  /** How many times the message was edited. */
  edits: number
  deleted?: boolean
  media_group_id?: string
  reply_to_message_id?: number
  message_thread_id?: number
}

export interface LimitViolation {
  kind: 'global' | 'per-chat'
  method: string
  chatId?: number
  at: Date
}

export interface CallbackAnswer {
  callback_query_id: string
  text?: string
  show_alert?: boolean
  url?: string
  cache_time?: number
}

export type BotRights = Partial<ChatAdministratorRights>
