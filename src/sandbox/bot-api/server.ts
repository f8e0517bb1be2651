import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { errorBody, type Dispatcher } from './dispatcher.js'
import { BotApiError } from './errors.js'
import type { FileStore } from './files.js'
import { parseParams, readBody } from './http-body.js'

/**
 * The HTTP face of the stand-in: `/bot<token>/<method>` (GET or POST; JSON, urlencoded or
 * multipart) and `/file/bot<token>/<file_path>`. node:http only; keep-alive connections are
 * fine, `close()` ends them all.
 */
export class BotApiHttpServer {
  private readonly server: Server
  private readonly inflight = new Set<Promise<void>>()
  private readonly heldTimers = new Set<NodeJS.Timeout>()
  private readonly heldSockets = new Set<IncomingMessage['socket']>()

  constructor(
    private readonly token: string,
    private readonly dispatcher: Dispatcher,
    private readonly files: FileStore,
  ) {
    this.server = createServer((req, res) => {
      const done = this.handle(req, res).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error)
        if (!res.headersSent)
          send(res, 500, {
            ok: false,
            error_code: 500,
            description: `Internal Server Error: ${message}`,
          })
      })
      this.inflight.add(done)
      void done.finally(() => this.inflight.delete(done))
    })
    // Long polls may be held up to Telegram's 50 s maximum; never cut them ourselves.
    this.server.requestTimeout = 0
    this.server.keepAliveTimeout = 60_000
  }

  listen(): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(0, '127.0.0.1', () => {
        const { port } = this.server.address() as AddressInfo
        resolve(`http://127.0.0.1:${port}`)
      })
    })
  }

  /** Drops held (timeout-fault) requests, lets answers in progress finish, closes every socket. */
  async close(): Promise<void> {
    for (const timer of this.heldTimers) clearTimeout(timer)
    this.heldTimers.clear()
    for (const socket of this.heldSockets) socket.destroy()
    this.heldSockets.clear()
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()))
    this.server.closeIdleConnections()
    await Promise.allSettled([...this.inflight])
    this.server.closeAllConnections()
    await closed
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname)
    if (file !== null) {
      const stored =
        file[1] === this.token ? this.files.atPath(decodeURIComponent(file[2] ?? '')) : undefined
      if (stored === undefined)
        return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' })
      res.writeHead(200, {
        'content-type': stored.mime_type ?? 'application/octet-stream',
        'content-length': stored.data.byteLength,
      })
      res.end(stored.data)
      return
    }
    const call = /^\/bot([^/]+)\/([^/]*)$/.exec(url.pathname)
    if (call === null)
      return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' })
    if (call[1] !== this.token)
      return send(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' })
    const methodName = call[2] ?? ''
    if (methodName === '')
      return send(res, 404, { ok: false, error_code: 404, description: 'Not Found' })

    const body = await readBody(req)
    let params
    try {
      params = parseParams(req.headers['content-type'], body, url.searchParams)
    } catch (error) {
      if (error instanceof BotApiError) return send(res, error.status, errorBody(error))
      throw error
    }
    // A client that goes away (grammY stopping, an abort) ends its long poll.
    const abort = new AbortController()
    res.on('close', () => abort.abort())
    const outcome = await this.dispatcher.dispatch(methodName, params, abort.signal)
    if (outcome.kind === 'answer') return send(res, outcome.status, outcome.body)
    this.holdThenDrop(req, outcome.ms, outcome.recordTimeout)
  }

  /** A timeout fault: never answer, then kill the connection like a dead proxy would. */
  private holdThenDrop(req: IncomingMessage, ms: number, onDrop: () => void): void {
    const socket = req.socket
    this.heldSockets.add(socket)
    const timer = setTimeout(() => {
      this.heldTimers.delete(timer)
      this.heldSockets.delete(socket)
      socket.destroy()
      onDrop()
    }, ms)
    this.heldTimers.add(timer)
  }
}

function send(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  if (res.writableEnded || res.destroyed) return
  const json = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(json),
  })
  res.end(json)
}
