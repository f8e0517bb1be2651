/**
 * Labelled fields of an activity: "Đơn vị chủ trì: …", "Cơ quan thực hiện: …", "Đơn vị phối
 * hợp: …", "Thời gian hoàn thành: …", "Nội dung: …" — on their own lines or inline after a
 * sentence ("… (23/4). Thời gian tổ chức: Từ tháng 3/2022 đến hết 30/4/2022."). Pure.
 */

export type FieldKind = 'lead' | 'coordinators' | 'time' | 'content' | 'other'

export interface Field {
  readonly kind: FieldKind
  readonly value: string
}

const LABELS: readonly { readonly kind: FieldKind; readonly source: string }[] = [
  {
    kind: 'coordinators',
    source: String.raw`(?:đơn\s+vị|cơ\s+quan|cơ\s+quan,\s*đơn\s+vị|cơ\s+quan\s*/\s*đơn\s+vị|bộ\s+phận)\s+phối\s+hợp(?:\s+thực\s+hiện)?|phối\s+hợp(?:\s+thực\s+hiện)?`,
  },
  {
    kind: 'lead',
    source: String.raw`(?:đơn\s+vị|cơ\s+quan|cơ\s+quan,\s*đơn\s+vị|cơ\s+quan\s*/\s*đơn\s+vị|bộ\s+phận)\s+(?:chủ\s+trì(?:\s+thực\s+hiện)?|thực\s+hiện|tổ\s+chức|tham\s+mưu|chịu\s+trách\s+nhiệm|phụ\s+trách)|chủ\s+trì(?:\s+thực\s+hiện)?|trách\s+nhiệm\s+thực\s+hiện|người\s+thực\s+hiện|phụ\s+trách`,
  },
  {
    kind: 'time',
    source: String.raw`thời\s+gian(?:\s+(?:thực\s+hiện|hoàn\s+thành|tổ\s+chức|triển\s+khai|dự\s+kiến|báo\s+cáo|gửi(?:\s+báo\s+cáo)?|nộp(?:\s+báo\s+cáo)?|diễn\s+ra))?(?:,\s*địa\s+điểm)?|thời\s+hạn(?:\s+(?:hoàn\s+thành|thực\s+hiện|báo\s+cáo|gửi|nộp))?|tiến\s+độ(?:\s+thực\s+hiện)?|hạn\s+(?:hoàn\s+thành|báo\s+cáo|gửi|nộp)`,
  },
  {
    kind: 'content',
    source: String.raw`nội\s+dung(?:\s+(?:thực\s+hiện|hoạt\s+động|công\s+việc))?|nhiệm\s+vụ|tên\s+hoạt\s+động|hoạt\s+động`,
  },
  {
    kind: 'other',
    source: String.raw`kinh\s+phí(?:\s+thực\s+hiện)?|địa\s+điểm|thành\s+phần|hình\s+thức|đối\s+tượng|sản\s+phẩm|quy\s+mô|kết\s+quả|ghi\s+chú|phương\s+thức|cách\s+thức|yêu\s+cầu`,
  },
]

const LABEL_SOURCE = LABELS.map((l, i) => `(?<l${i}>${l.source})`).join('|')
/** A field at the start of a line, after an optional bullet. */
const LINE_FIELD = new RegExp(String.raw`^(?:[-–+•]\s*)?(?:${LABEL_SOURCE})\s*:\s*`, 'iu')
/** A field after a sentence inside one line. */
const INLINE_FIELD = new RegExp(
  String.raw`(?<=[.;]\s+|^)(?:[-–+]\s*)?(?:${LABEL_SOURCE})\s*:\s*`,
  'giu',
)

function kindOf(groups: Record<string, string | undefined> | undefined): FieldKind {
  for (let i = 0; i < LABELS.length; i += 1) {
    if (groups?.[`l${i}`] !== undefined) return LABELS[i]?.kind ?? 'other'
  }
  return 'other'
}

export interface SplitFields {
  /** The text before the first field (the item's own sentence), '' for a field-only line. */
  readonly main: string
  readonly fields: Field[]
}

function cleanValue(value: string): string {
  return value
    .trim()
    .replace(/\s*\.\/\.$/u, '')
    .replace(/[\s;,]+$/u, '')
    .replace(/(?<!\.)\.$/u, '')
    .trim()
}

/** Splits a line into its own sentence and the labelled fields that follow it. */
export function splitFields(text: string): SplitFields {
  if (!/:/u.test(text)) return { main: text, fields: [] }
  const starts: { index: number; end: number; kind: FieldKind }[] = []
  const atLine = LINE_FIELD.exec(text)
  if (atLine !== null) starts.push({ index: 0, end: atLine[0].length, kind: kindOf(atLine.groups) })
  INLINE_FIELD.lastIndex = 0
  for (let m = INLINE_FIELD.exec(text); m !== null; m = INLINE_FIELD.exec(text)) {
    if (m.index === 0 && atLine !== null) continue
    if (m[0].length === 0) {
      INLINE_FIELD.lastIndex += 1
      continue
    }
    starts.push({ index: m.index, end: m.index + m[0].length, kind: kindOf(m.groups) })
  }
  if (starts.length === 0) return { main: text, fields: [] }
  const fields = starts.map((start, i) => ({
    kind: start.kind,
    value: cleanValue(text.slice(start.end, starts[i + 1]?.index ?? text.length)),
  }))
  return { main: text.slice(0, starts[0]?.index ?? 0).trim(), fields }
}

export function fieldValue(fields: readonly Field[], kind: FieldKind): string | null {
  const value = fields.find((f) => f.kind === kind)?.value
  return value === undefined || value === '' ? null : value
}
