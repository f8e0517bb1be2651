import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { classifyReply } from '../../../src/domain/acknowledgements/classify-reply.js'

describe('classifyReply (issue 11, point 1)', () => {
  it.each([
    'Đã đọc',
    'Đã nắm',
    'Đã nhận',
    'Đã xem',
    'Rõ',
    'Ok',
    'OK!',
    'Nhận ạ',
    'đã nắm ạ',
    'Da doc',
    'DA NAM A',
    'Đã nắm!!!',
    'Dạ, đã đọc ạ',
    'Em đã nhận ạ',
    'Vâng ạ',
    'Đã đọc 👍',
    '👍',
    '👍🏻👍🏻',
    '❤️',
    '✅',
    '🙏 ',
  ])('«%s» acknowledges', (text) => {
    expect(classifyReply(text)).toBe('acknowledgement')
  })

  it.each([
    'Ai chủ trì vậy?',
    'Em chưa hiểu, hạn là bao giờ ạ?',
    'Hạn là bao giờ ạ',
    'Khi nào nộp báo cáo',
    'Ai chủ trì vậy',
    'Sao em không thấy tệp đính kèm',
    'Làm thế nào để đăng ký',
    'Đã đọc, nhưng hạn là bao giờ ạ?',
    'ok?',
    'Rõ chưa ạ?',
    '❓',
    'Nộp ở đâu ạ',
    'hop luc may gio',
  ])('«%s» is a question', (text) => {
    expect(classifyReply(text)).toBe('question')
  })

  it.each([
    'Chào cả nhà',
    'Em đang đi công tác, về em xem sau',
    'Đã đọc và sẽ triển khai tới toàn thể công chức trong phòng từ tuần sau',
    'Không',
    '',
    '   ',
    '...',
    'Đã nắm, đầu tuần sau phòng triển khai ngay',
  ])('«%s» is neither', (text) => {
    expect(classifyReply(text)).toBe('other')
  })

  test.prop([fc.string({ maxLength: 200 })])(
    'never throws, and a «?» is never an acknowledgement',
    (text) => {
      const meaning = classifyReply(text)
      if (text.includes('?')) expect(meaning).not.toBe('acknowledgement')
    },
  )
})
