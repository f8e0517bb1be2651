import { describe, expect, it } from 'vitest'
import { html, htmlToPlainText } from '../../src/domain/html.js'
import { formatPercent } from '../../src/domain/reports/report-format.js'
import { createI18n, translatePlain } from '../../src/telegram/i18n.js'
import { noticeTranslator } from '../../src/telegram/office-notices.js'

const i18n = createI18n('vi')

describe('the translator escapes every string argument for HTML, once', () => {
  it('a name with <, & and " comes out escaped once', () => {
    expect(i18n.t('vi', 'units-added', { code: 'VH', name: 'A <b>&</b> "B" &amp;' })).toBe(
      'Đã thêm đơn vị VH — A &lt;b&gt;&amp;&lt;/b&gt; &quot;B&quot; &amp;amp;.',
    )
  })

  it("the locale's own markup stays HTML around an escaped argument", () => {
    expect(i18n.t('vi', 'start-greeting-leader', { name: 'Tú & <Tài>' })).toMatch(
      /^Xin chào Anh\/Chị <b>Tú &amp; &lt;Tài&gt;<\/b>!/,
    )
  })

  it('a trusted fragment passes unescaped', () => {
    const mention = '<a href="tg://user?id=42">Lan &amp; Co</a>'
    expect(
      i18n.t('vi', 'units-item', {
        code: 'VH',
        name: 'Văn hoá',
        groups: html(mention),
        heads: '—',
        known: 3,
      }),
    ).toContain(`Nhóm: ${mention}`)
  })

  it('numbers keep Fluent formatting, percentages stay «83,3%»', () => {
    const line = i18n.t('vi', 'report-broadcast-line', {
      id: 7,
      date: '05/05/2024',
      acknowledged: 1234,
      expected: 1481,
      rate: formatPercent(1234 / 1481, 'vi'),
    })
    expect(line).toBe('• Thông báo số 7 (05/05/2024): 1.234/1.481 — 83,3%')
  })

  it('the domain translator (office notices) escapes the same way', () => {
    const translate = noticeTranslator(i18n, 'vi')
    expect(translate('en', 'units-added', { code: 'VH', name: '<b>' })).toBe(
      'Unit VH — &lt;b&gt; added.',
    )
  })

  it('the plain translator (sandbox transcript) does not escape, and plain text undoes the escapes', () => {
    expect(translatePlain(i18n, 'vi', 'units-added', { code: 'VH', name: 'A & <B>' })).toBe(
      'Đã thêm đơn vị VH — A & <B>.',
    )
    expect(
      htmlToPlainText(i18n.t('vi', 'units-added', { code: 'VH', name: 'A &amp; "<B>"' })),
    ).toBe('Đã thêm đơn vị VH — A &amp; "<B>".')
  })
})
