/**
 * What a text reply to a delivered broadcast means (PRODUCT §10, issue 11
 * point 1): an acknowledgement counts like a reaction; a question must not
 * count, and goes to the sender so it is not lost; anything else is talk.
 */
export type ReplyMeaning = 'acknowledgement' | 'question' | 'other'

/** Acknowledgement phrases, folded (no diacritics, lower case, single spaces). */
const ACK_PHRASES = new Set([
  'da doc',
  'da nam',
  'da nhan',
  'da xem',
  'da ro',
  'ro',
  'ro roi',
  'ok',
  'oke',
  'okay',
  'okie',
  'nhan',
  'da nhan duoc',
  'da nhan thong tin',
  'da nam duoc',
  'da nam thong tin',
  'da doc va nam',
  'da doc va nam duoc',
  'em da doc',
  'em da nam',
  'em da nhan',
  'em da xem',
  'toi da doc',
  'toi da nam',
  'toi da nhan',
  'da nam ro',
  'nam roi',
  'doc roi',
  'xem roi',
  'nhan roi',
  'vang',
  'vang da nam',
  'vang da doc',
  'vang da nhan',
  'da',
  'da vang',
  'yes',
  'noted',
  'received',
  'read',
  'seen',
  'got it',
  'thank you',
  'thanks',
  'cam on',
  'xin cam on',
])

/** Courtesy words that may close a reply without changing it: «ạ», «nhé», «a» (ạ typed without marks). */
const TRAILING = new Set(['a', 'nhe', 'nha', 'roi', 'anh', 'chi', 'em', 'a.'])

/**
 * Phrases that make a reply a question even without «?», matched as whole
 * words on the folded text: several words, so «bao gio» cannot be anything else.
 */
const QUESTION_PHRASES = [
  'bao gio',
  'khi nao',
  'luc nao',
  'tai sao',
  'vi sao',
  'the nao',
  'o dau',
  'bao nhieu',
  'may gio',
  'hay khong',
  'co phai',
  'phai khong',
  'duoc khong',
  'chua a',
  'when',
  'who',
  'what',
  'why',
  'how',
  'where',
]

/**
 * Single question words, matched with their diacritics: folded, «đâu» would
 * also be «đầu» and «nào» «não». «ai» and «sao» have no marks to lose.
 */
const QUESTION_WORDS = ['ai', 'sao', 'gì', 'đâu', 'nào', 'hả', 'chăng']

/** A reply longer than this many words is a message, not a short acknowledgement. */
const MAX_ACK_WORDS = 6

/** Lower case, no diacritics (đ → d), punctuation and emoji as spaces, single spaces. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Only emoji (and the joiners and variation selectors they are built from) and spaces. */
function onlyEmoji(text: string): boolean {
  const stripped = text.replace(/\s|\u200d|\ufe0f|\u20e3/gu, '')
  return (
    stripped !== '' &&
    /^(?:\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator})+$/u.test(stripped)
  )
}

function hasQuestionWord(text: string, folded: string): boolean {
  const foldedPadded = ` ${folded} `
  if (QUESTION_PHRASES.some((phrase) => foldedPadded.includes(` ${phrase} `))) return true
  const words = text
    .normalize('NFC')
    .toLocaleLowerCase('vi')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
  return QUESTION_WORDS.some((word) => words.includes(word))
}

/** Pure: classifies one text reply. */
export function classifyReply(text: string): ReplyMeaning {
  const trimmed = text.trim()
  if (trimmed === '') return 'other'
  if (/[?？❓❔]/u.test(trimmed)) return 'question'
  if (onlyEmoji(trimmed)) return 'acknowledgement'
  const folded = fold(trimmed)
  if (folded === '') return 'other'
  if (hasQuestionWord(trimmed, folded)) return 'question'
  const words = folded.split(' ')
  if (words.length > MAX_ACK_WORDS) return 'other'
  // Drop courtesy words at the end («Đã nắm ạ», «Ok nhé») and a leading «dạ»/«vâng» («Dạ, đã đọc»).
  while (words.length > 1 && TRAILING.has(words.at(-1)!)) words.pop()
  const phrase = words.join(' ')
  if (ACK_PHRASES.has(phrase)) return 'acknowledgement'
  if (
    words.length > 1 &&
    ['da', 'vang'].includes(words[0]!) &&
    ACK_PHRASES.has(words.slice(1).join(' '))
  )
    return 'acknowledgement'
  return 'other'
}
