import type { IncomingMessage } from 'node:http'
import { badRequest } from './errors.js'
import { JSON_FIELDS, Upload, isRecord, type Params } from './params.js'

interface Part {
  name: string
  fileName?: string
  data: Buffer
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/**
 * Parameters from the query string and the body. Telegram accepts JSON, urlencoded and
 * multipart bodies; in the latter two every value is text, and JSON fields are parsed.
 * In multipart, a value `attach://<name>` refers to the file part `<name>` (grammY sends
 * every InputFile that way, even a top-level `document`).
 */
export function parseParams(
  contentType: string | undefined,
  body: Buffer,
  query: URLSearchParams,
): Params {
  const params: Params = {}
  for (const [key, value] of query) params[key] = parseField(key, value)
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  if (body.length === 0) return params
  if (type === 'application/json') {
    let parsed: unknown
    try {
      parsed = JSON.parse(body.toString('utf8')) as unknown
    } catch {
      throw badRequest("can't parse JSON encoded request")
    }
    if (!isRecord(parsed)) throw badRequest("can't parse JSON encoded request")
    return { ...params, ...parsed }
  }
  if (type === 'application/x-www-form-urlencoded') {
    for (const [key, value] of new URLSearchParams(body.toString('utf8'))) {
      params[key] = parseField(key, value)
    }
    return params
  }
  if (type === 'multipart/form-data') {
    const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType ?? '')?.[2]
    if (boundary === undefined) throw badRequest('invalid multipart boundary')
    const parts = splitMultipart(body, boundary)
    const files = new Map<string, Upload>()
    for (const part of parts) {
      if (part.fileName !== undefined)
        files.set(part.name, new Upload(part.fileName, new Uint8Array(part.data)))
    }
    for (const part of parts) {
      if (part.fileName === undefined)
        params[part.name] = parseField(part.name, part.data.toString('utf8'))
    }
    // A file part not referenced by attach:// is the parameter of its own name (curl -F).
    for (const [name, upload] of files) {
      if (!(name in params)) params[name] = upload
    }
    return resolveAttachments(params, files) as Params
  }
  return params
}

function parseField(key: string, value: string): unknown {
  if (!JSON_FIELDS.has(key)) return value
  try {
    return JSON.parse(value) as unknown
  } catch {
    return value
  }
}

function resolveAttachments(value: unknown, files: Map<string, Upload>): unknown {
  if (typeof value === 'string' && value.startsWith('attach://')) {
    return files.get(value.slice('attach://'.length)) ?? value
  }
  if (Array.isArray(value)) return value.map((v) => resolveAttachments(v, files))
  if (isRecord(value)) {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = resolveAttachments(v, files)
    return out
  }
  return value
}

/** A tolerant multipart parser: grammY writes headers as `content-disposition:form-data;…`. */
function splitMultipart(body: Buffer, boundary: string): Part[] {
  const delimiter = Buffer.from(`--${boundary}`)
  const parts: Part[] = []
  let start = body.indexOf(delimiter)
  while (start !== -1) {
    const next = body.indexOf(delimiter, start + delimiter.length)
    if (next === -1) break
    let chunk = body.subarray(start + delimiter.length, next)
    if (chunk.subarray(0, 2).toString() === '\r\n') chunk = chunk.subarray(2)
    if (chunk.subarray(-2).toString() === '\r\n') chunk = chunk.subarray(0, -2)
    const headerEnd = chunk.indexOf('\r\n\r\n')
    if (headerEnd !== -1) {
      const headers = chunk.subarray(0, headerEnd).toString('utf8')
      const data = chunk.subarray(headerEnd + 4)
      const disposition =
        headers.split('\r\n').find((h) => /^content-disposition\s*:/i.test(h)) ?? ''
      const name = /\bname="([^"]*)"/i.exec(disposition)?.[1]
      const fileMatch = /\bfilename=(?:"([^"]*)"|([^;\r\n]*))/i.exec(disposition)
      if (name !== undefined) {
        const fileName =
          fileMatch === null ? undefined : (fileMatch[1] ?? fileMatch[2] ?? '').trim()
        parts.push(fileName === undefined ? { name, data } : { name, fileName, data })
      }
    }
    start = next
  }
  return parts
}
