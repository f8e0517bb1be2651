import { describe, expect, it } from 'vitest'
import type { GrammyError } from 'grammy'
import { InputFile } from 'grammy'
import { AN, GROUP, failure, setup } from './fixture.js'

describe('files', () => {
  it('round-trips a document the bot uploads, through getFile and the /file URL', async () => {
    const { tg, api } = await setup()
    const bytes = new TextEncoder().encode('Đơn vị,Đã xác nhận\nVăn phòng,12\n')
    const sent = await api.sendDocument(GROUP, new InputFile(bytes, 'báo-cáo-tháng-4.csv'), {
      caption: 'Báo cáo tổng hợp',
    })
    expect(sent.document?.file_name).toBe('báo-cáo-tháng-4.csv')
    expect(sent.document?.mime_type).toBe('text/csv')
    expect(sent.document?.file_size).toBe(bytes.byteLength)
    expect(sent.caption).toBe('Báo cáo tổng hợp')

    const [call] = tg.callsOf('sendDocument')
    expect(call?.params['document']).toEqual({
      upload: 'báo-cáo-tháng-4.csv',
      size: bytes.byteLength,
    })

    const file = await api.getFile(sent.document?.file_id ?? '')
    const response = await fetch(`${tg.apiRoot}/file/bot${tg.token}/${file.file_path}`)
    expect(response.status).toBe(200)
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes)

    // The file_id can be sent again without uploading.
    const again = await api.sendDocument(GROUP, sent.document?.file_id ?? '')
    expect(again.document?.file_unique_id).toBe(sent.document?.file_unique_id)
    const wrong = await failure(api.sendPhoto(GROUP, sent.document?.file_id ?? ''))
    expect((wrong as GrammyError).description).toBe(
      "Bad Request: can't use file of type Document as Photo",
    )
  })

  it('lets the bot download what a user sent', async () => {
    const { tg, api } = await setup()
    const plan = '# Kế hoạch\nTổ chức Ngày Sách và Văn hóa đọc Việt Nam năm 2024'
    const update = tg.sendDocument(
      AN.id,
      AN.id,
      { fileName: 'ke-hoach.md', content: plan },
      { caption: '/nhapkehoach' },
    )
    expect(update.message?.caption_entities).toEqual([
      { type: 'bot_command', offset: 0, length: 12 },
    ])
    const file = await api.getFile(update.message?.document?.file_id ?? '')
    const response = await fetch(`${tg.apiRoot}/file/bot${tg.token}/${file.file_path}`)
    expect(await response.text()).toBe(plan)

    const notFound = await fetch(`${tg.apiRoot}/file/botWRONG/${file.file_path}`)
    expect(notFound.status).toBe(404)
    const invalid = await failure(api.getFile('nope'))
    expect((invalid as GrammyError).description).toBe('Bad Request: invalid file_id')
  })

  it('accepts a photo upload and serves PNG dimensions', async () => {
    const { tg, api } = await setup()
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    )
    const sent = await api.sendPhoto(GROUP, new InputFile(png, 'bieu-do.png'), {
      caption: 'Biểu đồ',
    })
    expect(sent.photo?.at(-1)).toMatchObject({ width: 1, height: 1, file_size: png.byteLength })
    expect(tg.transcript(GROUP).at(-1)).toMatchObject({
      kind: 'photo',
      text: 'Biểu đồ',
      from: 'bot',
    })
  })

  it('uploads an album of documents with sendMediaGroup (attach:// parts)', async () => {
    const { tg, api } = await setup()
    const sent = await api.sendMediaGroup(GROUP, [
      { type: 'document', media: new InputFile(new TextEncoder().encode('a,b\n'), 'don-vi.csv') },
      {
        type: 'document',
        media: new InputFile(new TextEncoder().encode('# Báo cáo'), 'bao-cao.md'),
        caption: 'Hai tệp',
      },
    ])
    expect(sent).toHaveLength(2)
    const documents = tg.botMessages(GROUP).map((m) => m.document)
    expect(documents.map((d) => d?.file_name)).toEqual(['don-vi.csv', 'bao-cao.md'])
    const [call] = tg.callsOf('sendMediaGroup')
    expect(call?.params['media']).toEqual([
      { type: 'document', media: { upload: 'don-vi.csv', size: 4 } },
      { type: 'document', media: { upload: 'bao-cao.md', size: 11 }, caption: 'Hai tệp' },
    ])
    const file = await api.getFile(documents[1]?.file_id ?? '')
    const response = await fetch(`${tg.apiRoot}/file/bot${tg.token}/${file.file_path}`)
    expect(await response.text()).toBe('# Báo cáo')
  })
})
