import type { Message, MessageId, PhotoSize } from 'grammy/types'
import { badRequest } from './errors.js'
import { sendEphemeral } from './ephemeral.js'
import { guessMimeType, type FileKind, type StoredFile } from './files.js'
import {
  captionParam,
  chatIdParam,
  contentOf,
  markupParam,
  replyParam,
  textParam,
  threadParam,
  withCaption,
} from './message-parts.js'
import type { Handler, MethodContext } from './methods.js'
import { Upload, isRecord, optBool, optInt, optObject, optStr, type Params } from './params.js'
import type { ChatRecord, StoredMessage } from './world.js'

/** sendMessage, sendPhoto, sendDocument, sendMediaGroup, copyMessage(s), forwardMessage. */
export function sendMethods(ctx: MethodContext): Record<string, Handler> {
  const { world, files } = ctx
  let mediaGroups = 0
  const newMediaGroupId = (): string => {
    mediaGroups += 1
    return String(13_000_000_000_000_000n + BigInt(mediaGroups))
  }

  const append = (record: ChatRecord, params: Params, content: Partial<Message>): Message => {
    const markup = markupParam(params)
    return world.appendMessage(record, 'bot', content, {
      ...replyParam(world, record, params),
      ...threadParam(params),
      ...(markup === undefined ? {} : { markup }),
    }).message
  }

  const photoSizes = (input: unknown): PhotoSize[] => {
    if (input instanceof Upload) return files.addPhoto(input.data)
    if (typeof input !== 'string' || input === '')
      throw badRequest('there is no photo in the request')
    if (/^https?:\/\//.test(input)) return files.addPhoto(new Uint8Array())
    const sizes = files.photoSizes(input)
    if (sizes !== undefined) return sizes
    throw wrongFile(files.get(input), 'Photo')
  }

  const documentFile = (input: unknown, kind: FileKind = 'document'): StoredFile => {
    if (input instanceof Upload) {
      const mimeType = guessMimeType(input.fileName)
      return files.add(kind, input.data, {
        fileName: input.fileName,
        ...(mimeType === undefined ? {} : { mimeType }),
      })
    }
    if (typeof input !== 'string' || input === '')
      throw badRequest(`there is no ${kind} in the request`)
    if (/^https?:\/\//.test(input)) {
      const fileName = input.split('/').pop() ?? 'file'
      return files.add(kind, new Uint8Array(), { fileName })
    }
    const file = files.get(input)
    if (file?.kind === kind) return file
    throw wrongFile(file, kind === 'document' ? 'Document' : capitalize(kind))
  }

  const mediaContent = (type: string, media: unknown): Partial<Message> => {
    switch (type) {
      case 'photo':
        return { photo: photoSizes(media) }
      case 'document':
        return { document: files.asDocument(documentFile(media)) }
      case 'video':
      case 'audio': {
        const file = documentFile(media, type)
        return {
          [type]: {
            ...files.asDocument(file),
            ...(type === 'video' ? { width: 1280, height: 720 } : {}),
            duration: 1,
          },
        }
      }
      default:
        throw badRequest(`unsupported media type "${type}"`)
    }
  }

  const copyInto = (
    params: Params,
    target: ChatRecord,
    source: StoredMessage,
    opts: {
      mediaGroupId?: string
      removeCaption?: boolean
      caption?: Pick<Message, 'caption' | 'caption_entities'>
    },
  ): Message => {
    let content = contentOf(source.message)
    if (content === undefined) throw badRequest("message can't be copied")
    if (opts.caption !== undefined) content = withCaption(content, opts.caption)
    else if (opts.removeCaption === true) content = withCaption(content, {})
    return append(target, params, {
      ...content,
      ...(opts.mediaGroupId === undefined ? {} : { media_group_id: opts.mediaGroupId }),
    })
  }

  const sourceMessage = (
    params: Params,
    messageId: number | undefined,
    what: string,
  ): StoredMessage => {
    const fromChatId = optInt(params, 'from_chat_id')
    if (fromChatId === undefined) throw badRequest('chat_id is empty')
    world.readableChat(fromChatId)
    const source = messageId === undefined ? undefined : world.message(fromChatId, messageId)
    if (source === undefined) throw badRequest(`message to ${what} not found`)
    return source
  }

  return {
    sendMessage: (params) => {
      const record = world.sendableChat(chatIdParam(params))
      const ephemeral = optObject(params, 'ephemeral_message_parameters')
      if (ephemeral !== undefined) return sendEphemeral(world, record, params, ephemeral)
      const lp = optObject(params, 'link_preview_options')
      return append(record, params, {
        ...textParam(params),
        ...(isRecord(lp) ? { link_preview_options: lp } : {}),
      })
    },

    sendPhoto: (params) => {
      const record = world.sendableChat(chatIdParam(params))
      return append(record, params, { photo: photoSizes(params['photo']), ...captionParam(params) })
    },

    sendDocument: (params) => {
      const record = world.sendableChat(chatIdParam(params))
      const document = files.asDocument(documentFile(params['document']))
      return append(record, params, { document, ...captionParam(params) })
    },

    sendMediaGroup: (params) => {
      const record = world.sendableChat(chatIdParam(params))
      const media = optObject(params, 'media')
      if (!Array.isArray(media) || media.length < 2 || media.length > 10) {
        throw badRequest('media group must include 2-10 items')
      }
      const items = media.map((m: unknown) => {
        if (!isRecord(m)) throw badRequest("can't parse InputMedia JSON object")
        return m
      })
      const types = new Set(items.map((m) => String(m['type'])))
      for (const only of ['document', 'audio']) {
        if (types.has(only) && types.size > 1)
          throw badRequest(`${only} can't be mixed with other media types`)
      }
      const groupId = newMediaGroupId()
      const contents = items.map((item) => ({
        ...mediaContent(String(item['type']), item['media']),
        ...captionParam({ ...item }),
        media_group_id: groupId,
      }))
      const { replyTo } = replyParam(world, record, params)
      return contents.map(
        (content) =>
          world.appendMessage(record, 'bot', content, {
            ...(replyTo === undefined ? {} : { replyTo }),
            ...threadParam(params),
          }).message,
      )
    },

    copyMessage: (params): MessageId => {
      const source = sourceMessage(params, optInt(params, 'message_id'), 'copy')
      const target = world.sendableChat(chatIdParam(params))
      const caption = captionParam(params)
      const copy = copyInto(params, target, source, {
        ...(caption === undefined ? {} : { caption }),
        removeCaption: optBool(params, 'remove_caption') ?? false,
      })
      return { message_id: copy.message_id }
    },

    copyMessages: (params): MessageId[] => {
      const ids = optObject(params, 'message_ids')
      if (!Array.isArray(ids) || ids.length < 1 || ids.length > 100)
        throw badRequest('message identifiers are invalid')
      const fromChatId = optInt(params, 'from_chat_id')
      if (fromChatId === undefined) throw badRequest('chat_id is empty')
      world.readableChat(fromChatId)
      const target = world.sendableChat(chatIdParam(params))
      const sources = ids
        .map((id) => world.message(fromChatId, Number(id)))
        .filter((m): m is StoredMessage => m !== undefined && contentOf(m.message) !== undefined)
      if (sources.length === 0) throw badRequest('message to copy not found')
      // Albums stay albums: each source media_group_id maps to one new id in the target.
      const groups = new Map<string, string>()
      const removeCaption = optBool(params, 'remove_caption') ?? false
      const { reply_markup: _ignored, ...withoutMarkup } = params
      return sources.map((source) => {
        const group = source.message.media_group_id
        let mediaGroupId: string | undefined
        if (group !== undefined) {
          mediaGroupId = groups.get(group) ?? newMediaGroupId()
          groups.set(group, mediaGroupId)
        }
        const copy = copyInto(withoutMarkup, target, source, {
          removeCaption,
          ...(mediaGroupId === undefined ? {} : { mediaGroupId }),
        })
        return { message_id: copy.message_id }
      })
    },

    forwardMessage: (params) => {
      const source = sourceMessage(params, optInt(params, 'message_id'), 'forward')
      const target = world.sendableChat(chatIdParam(params))
      const content = contentOf(source.message)
      if (content === undefined) throw badRequest("message can't be forwarded")
      const original = source.message
      const forward_origin = {
        type: 'user' as const,
        date: original.date,
        sender_user: original.from ?? world.botUser,
      }
      const { reply_parameters: _r, reply_markup: _m, ...rest } = params
      return append(target, rest, { ...content, forward_origin })
    },

    sendChatAction: (params) => {
      world.sendableChat(chatIdParam(params))
      if (optStr(params, 'action') === undefined) throw badRequest('action is empty')
      return true
    },
  }
}

function wrongFile(file: StoredFile | undefined, wanted: string): Error {
  if (file === undefined) return badRequest('wrong file identifier/HTTP URL specified')
  return badRequest(`can't use file of type ${capitalize(file.kind)} as ${wanted}`)
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}
