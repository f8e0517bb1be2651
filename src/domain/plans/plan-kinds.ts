/**
 * The kind of an activity (PRODUCT §6 `kind`, issue 16 rule 9): `report` when a unit must send a
 * report, results or a dossier; `participation` when the activity is something people take part
 * in; otherwise `task`, including asking units to bring people in. Pure.
 */
import type { ActivityKind } from './parsed-plan.js'

/**
 * A unit sends something in: a report, results, a dossier, a list ("gửi danh sách về Văn phòng
 * Sở trước ngày …").
 */
const REPORT =
  /báo\s+cáo(?!\s+viên)|gửi\s+(?:kết\s+quả|về|kế\s+hoạch|văn\s+bản|danh\s+sách|bản\s+đăng\s+ký|đăng\s+ký|số\s+liệu)|gửi(?:\s+[^\s.;]+){1,5}\s+về\s+(?:Sở|Văn\s+phòng|Phòng|Ban|Vụ|Trung\s+tâm|UBND|Ủy\s+ban|Uỷ\s+ban|Bộ|Cục|Thư\s+viện|địa\s+chỉ|hộp\s+thư)|hồ\s+sơ|tổng\s+hợp\s+kết\s+quả|nộp\s+(?:sản\s+phẩm|bài|kết\s+quả|danh\s+sách)/iu
/**
 * People take part or respond. "hưởng ứng" after a noun ("kế hoạch hưởng ứng", "các hoạt động
 * hưởng ứng") names what the unit organises, not a taking part.
 */
const PARTICIPATION =
  /tham\s+gia|(?<!(?:kế\s+hoạch|hoạt\s+động|chương\s+trình|văn\s+bản)\s+)(?:hưởng|hướng)\s+ứng/iu
/** Something people take part in by its nature: a contest, a festival, a sports or book day. */
const EVENT =
  /lễ\s+(?:phát\s+động|khai\s+mạc|mít\s+tinh|ra\s+quân|hưởng\s+ứng)|mít\s+tinh|dự\s+thi|hội\s+sách|hội\s+thao|hội\s+diễn|hội\s+thi|cuộc\s+thi|liên\s+hoan|tham\s+dự|ngày\s+hội|giải\s+(?:chạy|bóng|thể\s+thao|việt\s+dã)|ngày\s+chạy/iu
/** Asking units to bring people in: the unit's task, not a participation (rule 9). */
const MOBILISE =
  /(?:vận\s+động|triển\s+khai|tuyên\s+truyền|phổ\s+biến|phát\s+động|động\s+viên|khuyến\s+khích|chỉ\s+đạo|đôn\s+đốc|hướng\s+dẫn|quán\s+triệt|thông\s+báo)(?:(?![.;]).){0,220}?(?:tham\s+gia|hưởng\s+ứng|hướng\s+ứng)/iu

export function classifyActivity(text: string, participationHint: boolean): ActivityKind {
  if (REPORT.test(text)) return 'report'
  if (participationHint || EVENT.test(text)) return 'participation'
  if (PARTICIPATION.test(text) && !MOBILISE.test(text)) return 'participation'
  return 'task'
}
