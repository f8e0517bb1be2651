/**
 * Which sections of a plan hold activities and which names are no activity's title (issue 16,
 * rule 6). Pure.
 */
import type { PlanNode } from './plan-structure.js'

/**
 * Topics that hold no activities, when they are the whole heading ("Mục đích, yêu cầu", "Tiêu
 * chí thi đua", "Hình thức, số lượng khen thưởng"); "Thời gian và trách nhiệm tổ chức thực hiện"
 * is not one of them (issue 16, rule 6).
 */
const TOPIC = String.raw`(?:mục\s+đích|yêu\s+cầu|ý\s+nghĩa|mục\s+tiêu|quan\s+điểm|chủ\s+đề|khẩu\s+hiệu|thông\s+điệp|phương\s+châm|thời\s+gian(?:\s+(?:thực\s+hiện|tổ\s+chức|triển\s+khai))?|địa\s+điểm|căn\s+cứ|đối\s+tượng(?:\s+tham\s+gia)?|phạm\s+vi|nguyên\s+tắc|tiêu\s+chí(?:\s+(?:thi\s+đua|đánh\s+giá|chấm\s+điểm))?|(?:hình\s+thức|cơ\s+cấu)(?:\s*,\s*|\s+)?(?:số\s+lượng\s+)?(?:khen\s+thưởng|giải\s+thưởng)|khen\s+thưởng|giải\s+thưởng|cơ\s+cấu\s+giải|giải\s+pháp(?:\s+thực\s+hiện)?|thang\s+điểm)`
const SKIPPED_SECTION = new RegExp(
  String.raw`^${TOPIC}(?:\s*(?:,|;|và|-|–)\s*${TOPIC})*\s*[:.]?$`,
  'iu',
)
/**
 * Names of sections that are never an activity's title (rule 6): under them the duty names the
 * activity ("Chế độ báo cáo" then "Các đơn vị gửi báo cáo … trước ngày …").
 */
const GENERIC_HEADING =
  /^(?:(?:hoạt\s+động|nhiệm\s+vụ|nội\s+dung|công\s+việc)(?:\s+(?:số\s+)?\d{1,2})?|chế\s+độ\s+(?:thông\s+tin\s*,?\s*)?báo\s+cáo(?:\s+định\s+kỳ)?|(?:công\s+tác\s+)?báo\s+cáo(?:\s+(?:định\s+kỳ|kết\s+quả|sơ\s+kết|tổng\s+kết))?|kinh\s+phí(?:\s+thực\s+hiện)?|tổ\s+chức\s+thực\s+hiện|nội\s+dung(?:\s+(?:hoạt\s+động|thực\s+hiện|triển\s+khai|và\s+hình\s+thức))?|các\s+hoạt\s+động(?:\s+chính)?|phân\s+công\s+(?:nhiệm\s+vụ|thực\s+hiện)|trách\s+nhiệm(?:\s+thực\s+hiện)?|thời\s+gian\s+và\s+trách\s+nhiệm(?:\s+tổ\s+chức)?\s+thực\s+hiện)\s*[:.]?$/iu

export function isGenericHeading(text: string): boolean {
  return GENERIC_HEADING.test(text.trim())
}

export function isSkippedSection(node: PlanNode): boolean {
  if (node.kind !== 'roman' && node.kind !== 'number' && node.kind !== 'letter') return false
  return node.text.length <= 120 && SKIPPED_SECTION.test(node.text)
}
