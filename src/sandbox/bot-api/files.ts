import type { Document, PhotoSize } from 'grammy/types'

export type FileKind = 'photo' | 'document' | 'video' | 'audio' | 'voice' | 'animation' | 'sticker'

export interface StoredFile {
  file_id: string
  file_unique_id: string
  kind: FileKind
  data: Uint8Array
  file_path: string
  file_name?: string
  mime_type?: string
  width?: number
  height?: number
}

const PREFIX: Record<FileKind, string> = {
  photo: 'AgACAgIAAxkBAAI',
  document: 'BQACAgIAAxkBAAI',
  video: 'BAACAgIAAxkBAAI',
  audio: 'CQACAgIAAxkBAAI',
  voice: 'AwACAgIAAxkBAAI',
  animation: 'CgACAgIAAxkBAAI',
  sticker: 'CAACAgIAAxkBAAI',
}

const MIME: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  csv: 'text/csv',
  txt: 'text/plain',
  md: 'text/markdown',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  zip: 'application/zip',
}

export function guessMimeType(fileName: string): string | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  return ext === undefined ? undefined : MIME[ext]
}

/** Width and height from a PNG header; other formats get a plausible default. */
function imageSize(data: Uint8Array): { width: number; height: number } {
  const png = [0x89, 0x50, 0x4e, 0x47]
  if (data.length >= 24 && png.every((b, i) => data[i] === b)) {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength)
    return { width: view.getUint32(16), height: view.getUint32(20) }
  }
  return { width: 1280, height: 960 }
}

/** Every file the bot or a user sent, by file_id and by download path. */
export class FileStore {
  private readonly byId = new Map<string, StoredFile>()
  private readonly byPath = new Map<string, StoredFile>()
  private readonly photoSets = new Map<string, PhotoSize[]>()
  private counter = 0

  add(
    kind: FileKind,
    data: Uint8Array,
    meta: { fileName?: string; mimeType?: string } = {},
  ): StoredFile {
    this.counter += 1
    const n = this.counter
    const folder = kind === 'photo' ? 'photos' : `${kind}s`
    const ext =
      /\.([A-Za-z0-9]+)$/.exec(meta.fileName ?? '')?.[1] ?? (kind === 'photo' ? 'jpg' : 'dat')
    const file: StoredFile = {
      file_id: `${PREFIX[kind]}${String(n).padStart(6, '0')}`,
      file_unique_id: `AQAD${String(n).padStart(6, '0')}`,
      kind,
      data,
      file_path: `${folder}/file_${n}.${ext}`,
      ...(meta.fileName === undefined ? {} : { file_name: meta.fileName }),
      ...(meta.mimeType === undefined ? {} : { mime_type: meta.mimeType }),
    }
    if (kind === 'photo') Object.assign(file, imageSize(data))
    this.byId.set(file.file_id, file)
    this.byPath.set(file.file_path, file)
    return file
  }

  get(fileId: string): StoredFile | undefined {
    return this.byId.get(fileId)
  }

  atPath(path: string): StoredFile | undefined {
    return this.byPath.get(path)
  }

  /** A photo as Telegram delivers it: a thumbnail and the full size, each its own file. */
  addPhoto(data: Uint8Array): PhotoSize[] {
    const full = this.add('photo', data)
    const thumb = this.add('photo', data)
    const width = full.width ?? 1280
    const height = full.height ?? 960
    const scale = Math.min(1, 90 / Math.max(width, height))
    const sizes: PhotoSize[] = [
      {
        file_id: thumb.file_id,
        file_unique_id: thumb.file_unique_id,
        width: Math.max(1, Math.round(width * scale)),
        height: Math.max(1, Math.round(height * scale)),
        file_size: data.byteLength,
      },
      {
        file_id: full.file_id,
        file_unique_id: full.file_unique_id,
        width,
        height,
        file_size: data.byteLength,
      },
    ]
    this.photoSets.set(full.file_id, sizes)
    this.photoSets.set(thumb.file_id, sizes)
    return sizes
  }

  /** The sizes of the photo one of whose file_ids is given. */
  photoSizes(fileId: string): PhotoSize[] | undefined {
    return this.photoSets.get(fileId)
  }

  asDocument(file: StoredFile): Document {
    return {
      file_id: file.file_id,
      file_unique_id: file.file_unique_id,
      ...(file.file_name === undefined ? {} : { file_name: file.file_name }),
      ...(file.mime_type === undefined ? {} : { mime_type: file.mime_type }),
      file_size: file.data.byteLength,
    }
  }
}
