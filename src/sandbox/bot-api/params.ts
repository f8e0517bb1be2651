import { badRequest } from './errors.js'

/** Parameters of one call, JSON fields already parsed, uploads as {@link Upload}. */
export type Params = Record<string, unknown>

/** A file the bot uploaded with multipart/form-data. */
export class Upload {
  constructor(
    readonly fileName: string,
    readonly data: Uint8Array,
  ) {}

  /** How the upload appears in the call log. */
  toJSON(): { upload: string; size: number } {
    return { upload: this.fileName, size: this.data.byteLength }
  }
}

/**
 * Fields that carry JSON when sent as form data or in a query string. Telegram parses them
 * by schema; a plain caption that happens to look like JSON must stay a string.
 */
export const JSON_FIELDS = new Set([
  'reply_markup',
  'reply_parameters',
  'entities',
  'caption_entities',
  'media',
  'allowed_updates',
  'commands',
  'scope',
  'reaction',
  'message_ids',
  'link_preview_options',
  'results',
  'permissions',
  'rights',
  'ephemeral_message_parameters',
])

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** An integer parameter given as a number or a numeric string (form data). */
export function optInt(params: Params, key: string): number | undefined {
  const value = params[key]
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value === 'number' && Number.isInteger(value)) return value
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) return Number(value.trim())
  throw badRequest(`invalid ${key} specified`)
}

export function optStr(params: Params, key: string): string | undefined {
  const value = params[key]
  if (value === undefined || value === null) return undefined
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  throw badRequest(`invalid ${key} specified`)
}

export function optBool(params: Params, key: string): boolean | undefined {
  const value = params[key]
  if (value === undefined || value === null) return undefined
  if (typeof value === 'boolean') return value
  if (value === 'true' || value === '1') return true
  if (value === 'false' || value === '0' || value === '') return false
  return Boolean(value)
}

/** A JSON field: already an object when sent as JSON, a string when sent as form data. */
export function optObject(params: Params, key: string): unknown {
  const value = params[key]
  if (typeof value !== 'string') return value ?? undefined
  try {
    return JSON.parse(value) as unknown
  } catch {
    throw badRequest(`can't parse ${key} JSON object`)
  }
}

/** Replaces uploads by their JSON form, for the call log. */
export function displayParams(params: Params): Record<string, unknown> {
  return JSON.parse(JSON.stringify(params)) as Record<string, unknown>
}
