/**
 * What the simulated people type, in the language the sandbox plays in. These
 * are the people's words, not Loa's: Loa's own strings live in locales/.
 * Commands use the Vietnamese names, or their English aliases in English.
 */
export interface Words {
  cmd: {
    importPlan: string
    campaigns: string
    send: string
    join: string
    report: string
    submit: string
    summary: string
    export: string
    start: string
    add: string
    now: string
    deadline: string
  }
  /** The broadcast: a bold first line, then the body. */
  broadcastTitle: string
  broadcastBody: string
  /** The participation activity the office adds by hand (the plan's own wording, in Vietnamese). */
  joinActivity: string
  replyAck: string
  joinNote: string
  joinPhotoCaption: string
  unitReport: string
}

const vi: Words = {
  cmd: {
    importPlan: '/kehoach',
    campaigns: '/chiendich',
    send: '/gui',
    join: '/thamgia',
    report: '/baocao',
    submit: '/nopbaocao',
    summary: '/tonghop',
    export: '/xuat',
    start: 'batdau',
    add: 'them',
    now: 'ngay',
    deadline: 'han',
  },
  broadcastTitle: '📚 Hưởng ứng Ngày Sách và Văn hóa đọc Việt Nam lần thứ ba năm 2024',
  broadcastBody:
    'Đề nghị mỗi đồng chí đọc ít nhất một cuốn sách trong tháng 4 và chia sẻ cảm nhận với đơn vị. Thông điệp: «Sách hay cần bạn đọc».\nSau khi đọc, Anh/Chị bấm «✅ Đã đọc»; đăng ký tham gia bằng nút «🙋 Tham gia» hoặc gửi /thamgia kèm ghi chú, ảnh.',
  joinActivity: 'Công chức, viên chức tham gia đọc sách và chia sẻ cảm nhận',
  replyAck: 'Đã nắm ạ.',
  joinNote: 'Đã đọc cuốn «Đất rừng phương Nam» và chia sẻ với Ban',
  joinPhotoCaption: 'Buổi đọc sách chung của Ban chiều nay',
  unitReport:
    'Báo cáo kết quả hưởng ứng Ngày Sách năm 2024 của Phòng Xây dựng chính quyền và công tác thanh niên: đã phổ biến Kế hoạch tới 100% công chức; tổ chức 01 buổi giới thiệu sách tại Phòng; 02 đồng chí đăng ký đọc và chia sẻ sách.',
}

const en: Words = {
  cmd: {
    importPlan: '/importplan',
    campaigns: '/campaigns',
    send: '/send',
    join: '/join',
    report: '/report',
    submit: '/submit',
    summary: '/summary',
    export: '/export',
    start: 'start',
    add: 'add',
    now: 'now',
    deadline: 'deadline',
  },
  broadcastTitle: '📚 Vietnam Book and Reading Culture Day, third edition, 2024',
  broadcastBody:
    'Everyone is asked to read at least one book in April and share their thoughts with the unit. Message: “Good books need readers”.\nAfter reading, tap «✅ Read»; take part with «🙋 Join» or send /join with a note or a photo.',
  joinActivity: 'Công chức, viên chức tham gia đọc sách và chia sẻ cảm nhận',
  replyAck: 'Noted.',
  joinNote: 'Read “The Southern Forest” and shared it with the board',
  joinPhotoCaption: 'Our reading session this afternoon',
  unitReport:
    'Report of the Local Government and Youth Affairs Division on Book Day 2024: the plan was shared with all staff; one book presentation was held; two colleagues read and shared a book.',
}

export function wordsFor(lang: 'vi' | 'en'): Words {
  return lang === 'en' ? en : vi
}
