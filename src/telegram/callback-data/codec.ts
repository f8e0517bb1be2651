import { z } from 'zod'

/** Telegram's limit on callback_data. */
export const MAX_CALLBACK_BYTES = 64

/** Bumped when a payload's meaning changes: buttons from older messages then read as stale. */
export const CALLBACK_VERSION = 'v1'

const positiveId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER)

/**
 * A compact, versioned button payload: `v1:<tag>:<id>`. Only ids travel; the
 * meaning is looked up on press, so a forged id can name nothing it may not touch.
 */
export interface CallbackCodec {
  readonly tag: string
  pack(id: number): string
  /** The id, or undefined for anything that is not exactly this codec's shape. */
  unpack(data: string): number | undefined
  /** For `composer.callbackQuery(codec.filter, …)`. */
  readonly filter: RegExp
}

export function defineCallback(tag: string): CallbackCodec {
  if (!/^[a-z]{1,3}$/.test(tag))
    throw new Error(`callback tag must be 1-3 lower-case letters: ${tag}`)
  const prefix = `${CALLBACK_VERSION}:${tag}:`
  const shape = z
    .string()
    .max(MAX_CALLBACK_BYTES)
    .regex(new RegExp(`^${prefix}[1-9]\\d{0,15}$`))
    .transform((data) => Number(data.slice(prefix.length)))
    .pipe(positiveId)
  return {
    tag,
    pack(id) {
      const data = `${prefix}${positiveId.parse(id)}`
      // Cannot happen with a 3-letter tag and a safe integer; kept as a guard for future tags.
      if (Buffer.byteLength(data) > MAX_CALLBACK_BYTES)
        throw new Error(`callback data too long: ${data}`)
      return data
    },
    unpack(data) {
      const parsed = shape.safeParse(data)
      return parsed.success ? parsed.data : undefined
    },
    // Anything starting with the tag reaches the handler, which then refuses malformed data politely.
    filter: new RegExp(`^v\\d+:${tag}:`),
  }
}

/** Every button Loa puts under a message. */
export const callbacks = {
  /** ✅ Đã đọc, on a delivered broadcast: the broadcast id (checked against the copy it sits on). */
  acknowledge: defineCallback('a'),
  /**
   * 🙋 Tham gia, on a delivered broadcast: the activity id; it counts only on a
   * delivered copy of that activity's campaign (recordParticipation checks).
   */
  participate: defineCallback('p'),
  /** One of the activities a bare /thamgia offers: the activity id. */
  chooseActivity: defineCallback('pc'),
  /** Xác nhận / Huỷ under a preview: the pending action id. */
  confirm: defineCallback('ok'),
  cancel: defineCallback('no'),
  /** «Gửi lúc 07:00» beside «Gửi ngay» under a /gui … ngay preview in quiet hours: the pending action id. */
  sendMorning: defineCallback('sm'),
  /** Huỷ lịch gửi in /lich: the broadcast id. */
  cancelBroadcast: defineCallback('cb'),
  /** Huỷ a whole hằng ngày series in /lich (what has not been sent): the series id. */
  cancelSeries: defineCallback('cs'),
  /** Gửi lại các nhóm lỗi in /lich <id>: the broadcast id. */
  retryFailed: defineCallback('rf'),
  /** /baocao with several active campaigns: the campaign id. */
  reportCampaign: defineCallback('rc'),
  /** /baocao of the office: a submitted report file, by submission id. */
  reportDocument: defineCallback('rd'),
  /** /nopbaocao with several report activities: the pending action holding the draft. */
  submitActivity: defineCallback('sa'),
  /** ✅ Đã hoàn thành under a task reminder: the activity id (the unit is the presser's). */
  taskDone: defineCallback('td'),
  /** Issue 12: a leader's «Duyệt» / «Trả lại» on a broadcast awaiting approval. */
  approve: defineCallback('ap'),
  reject: defineCallback('rj'),
  /** Issue 12: «Sửa nội dung» / «Thu hồi» in /lich <số>: the broadcast id. */
  correct: defineCallback('ed'),
  recall: defineCallback('rv'),
} as const
