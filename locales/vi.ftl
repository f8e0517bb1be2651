## Vai trò và nơi dùng lệnh

role-member = thành viên
role-head = trưởng đơn vị
role-leader = Lãnh đạo Sở
role-office = Văn phòng Sở
role-admin = quản trị viên
role-everyone = mọi người
place-private = trong tin nhắn riêng với Loa
place-group = trong nhóm của đơn vị
place-anywhere = ở bất kỳ đâu

refuse-role = Lệnh { $command } chỉ dành cho { $roles }, dùng { $place }.
refuse-place = Lệnh { $command } dùng { $place }.

## Menu lệnh

cmd-start = Bắt đầu, liên kết tin nhắn riêng để nhận nhắc việc
cmd-trogiup = Các lệnh Anh/Chị dùng được ở đây
cmd-ngonngu = Chọn ngôn ngữ: vi hoặc en
cmd-donvi = Danh sách đơn vị; thêm hoặc đổi tên đơn vị
cmd-phanquyen = Giao vai trò cho một người
cmd-dangky = Liên kết nhóm này với một đơn vị
cmd-truongdonvi = Trả lời tin nhắn của một người để giao vai trò trưởng đơn vị

## /start

start-greeting-member = Xin chào Anh/Chị <b>{ $name }</b> ({ $unit })! Loa sẽ gửi thông báo của Sở vào nhóm của đơn vị; Anh/Chị chỉ cần bấm «✅ Đã đọc» hoặc thả một biểu tượng cảm xúc để xác nhận đã đọc. Từ nay Loa cũng có thể nhắc việc riêng cho Anh/Chị tại đây.
start-greeting-head = Xin chào Anh/Chị <b>{ $name }</b>, { $headTitle }! Tại đây Anh/Chị theo dõi được ai trong đơn vị đã xác nhận, ai chưa, và nhận nhắc việc của đơn vị.
start-greeting-leader = Xin chào Anh/Chị <b>{ $name }</b>! Tại đây Anh/Chị xem được báo cáo của mọi đơn vị.
start-greeting-office = Xin chào Anh/Chị <b>{ $name }</b> (Văn phòng Sở)! Tại đây Anh/Chị nhập kế hoạch, tạo chiến dịch, gửi thông báo tới các đơn vị và xuất báo cáo tổng hợp.
start-greeting-admin = Xin chào Anh/Chị <b>{ $name }</b> (quản trị viên)! Tại đây Anh/Chị đăng ký nhóm cho các đơn vị, giao vai trò và quản lý danh sách đơn vị.
start-no-unit = chưa thuộc đơn vị nào

## /trogiup

help-intro-private = Anh/Chị đang dùng Loa với vai trò { $role }. Các lệnh dùng được trong tin nhắn riêng:
help-intro-group = Các lệnh Anh/Chị ({ $role }) dùng được trong nhóm này:
help-outro-private = Nếu lệnh còn thiếu thông tin, Loa sẽ hướng dẫn cách dùng.
help-outro-group = Trong nhóm, bấm «✅ Đã đọc» hoặc thả biểu tượng cảm xúc vào thông báo để xác nhận đã đọc.

## /ngonngu

language-set = Đã chuyển sang tiếng Việt.
language-usage = Cách dùng: /ngonngu vi hoặc /ngonngu en

## /dangky

register-usage = Cách dùng: /dangky <MÃ_ĐƠN_VỊ>, ví dụ: /dangky VP
register-done = Đã liên kết nhóm này với đơn vị { $unit } ({ $code }).
register-moved = Đã chuyển nhóm này từ đơn vị { $previous } sang đơn vị { $unit } ({ $code }).
register-bot-admin-ok = Loa là quản trị viên của nhóm nên thấy được lượt thả cảm xúc và người mới vào nhóm.
register-bot-admin-missing = ⚠️ Loa chưa là quản trị viên của nhóm nên chưa thấy được lượt thả cảm xúc và người vào, ra nhóm. Đề nghị quản trị viên nhóm đặt Loa làm quản trị viên (không cần quyền gì đặc biệt).

## Nhóm chưa đăng ký

unregistered-note = Nhóm này chưa được liên kết với đơn vị nào nên Loa chưa hoạt động ở đây. Quản trị viên Loa gõ /dangky <MÃ_ĐƠN_VỊ> trong nhóm để liên kết, ví dụ: /dangky VP

## /truongdonvi

makehead-usage = Cách dùng: trả lời một tin nhắn của người cần giao vai trò trưởng đơn vị bằng lệnh /truongdonvi
makehead-done = Đã giao vai trò trưởng đơn vị { $unit } cho đồng chí { $name }.

## /phanquyen

grant-usage = Cách dùng: /phanquyen <mã Telegram hoặc @tên_tài_khoản> <vai trò>; vai trò là thanhvien, truongdonvi, lanhdao hoặc vanphong. Ví dụ: /phanquyen @nguyenlan vanphong
grant-done = Đã giao vai trò { $role } cho đồng chí { $name }.

## /donvi

units-header = Có { $count } đơn vị:
units-item = <b>{ $code }</b> — { $name }
    Nhóm: { $groups }
    Trưởng đơn vị: { $heads } · Đã xác định: { $known } người
units-no-group = chưa có nhóm
units-group-inactive = ngừng hoạt động
units-bot-not-admin = Loa chưa là quản trị viên nhóm
units-empty = Chưa có đơn vị nào. Thêm bằng /donvi them <MÃ> <Tên>, ví dụ: /donvi them VP Văn phòng Sở, hoặc nhập tệp CSV bằng lệnh «loa units import» trên máy chủ.
units-usage = Thêm đơn vị: /donvi them <MÃ> <Tên>, ví dụ: /donvi them VP Văn phòng Sở
    Đổi tên: /donvi doiten <MÃ> <Tên mới>, ví dụ: /donvi doiten VP Văn phòng
units-added = Đã thêm đơn vị { $code } — { $name }.
units-renamed = Đã đổi tên đơn vị { $code } thành { $name }.

## Lỗi

error-unknown-unit = Không có đơn vị mã «{ $code }». Các mã hiện có: { $known }. Ví dụ: { $example }
error-not-allowed = Anh/Chị không có quyền làm việc này; cần vai trò { $needed }.
error-wrong-chat-private = Lệnh này dùng trong tin nhắn riêng với Loa.
error-wrong-chat-group = Lệnh này dùng trong nhóm của đơn vị.
error-wrong-chat-reply = Lệnh này dùng bằng cách trả lời một tin nhắn.
error-group-not-registered = Nhóm này chưa được liên kết với đơn vị nào. Quản trị viên gõ /dangky <MÃ_ĐƠN_VỊ> trước, ví dụ: /dangky VP
error-invalid-unit-code = Mã đơn vị «{ $given }» không hợp lệ: chỉ gồm chữ không dấu, chữ số, dấu - hoặc _, tối đa 20 ký tự. Ví dụ: TTCNTT
error-duplicate-unit = Đã có đơn vị mã { $code }. Đổi tên bằng /donvi doiten { $code } <Tên mới>
error-unknown-member = Loa chưa có thông tin về «{ $reference }». Người đó cần nhắn tin cho Loa hoặc trao đổi trong nhóm của đơn vị trước. Ví dụ: /phanquyen @nguyenlan vanphong
error-invalid-role = Vai trò «{ $given }» không hợp lệ; chọn thanhvien (thành viên), truongdonvi (trưởng đơn vị), lanhdao (Lãnh đạo Sở) hoặc vanphong (Văn phòng Sở). Ví dụ: /phanquyen @nguyenlan vanphong
error-cannot-change-admin = Người này là quản trị viên (khai báo trong cấu hình ADMIN_IDS); muốn đổi vai trò thì sửa cấu hình.
error-csv-invalid = Tệp chưa được nhập, không dòng nào thay đổi. Các chỗ cần sửa:
    { $problems }
error-csv-problem = dòng { $line }, cột { $column }: { $message }
error-internal = Xin lỗi, Loa gặp sự cố khi xử lý yêu cầu này. Anh/Chị vui lòng thử lại sau ít phút.
error-unknown-campaign = Không có chiến dịch mã «{ $code }». Các mã hiện có: { $known }. Ví dụ: { $example }
error-campaign-closed = Chiến dịch { $code } đã kết thúc nên không thực hiện được việc này.
error-invalid-campaign-code = Mã chiến dịch «{ $given }» không hợp lệ: 2–16 chữ không dấu và chữ số. Ví dụ: { $example }
error-duplicate-campaign-code = Đã có chiến dịch mã { $code }. Anh/Chị chọn mã khác.
error-invalid-campaign = Thông tin «{ $field }» không hợp lệ: «{ $given }».
error-unknown-unit-id = Không tìm thấy đơn vị số { $id }.
error-invalid-when = Không hiểu thời gian «{ $given }». Ví dụ: { $example }
error-date-in-past = Thời điểm «{ $given }» đã qua. Ví dụ một thời điểm hợp lệ: { $example }
error-daily-needs-period = Chiến dịch { $code } chưa có thời gian thực hiện nên không thể gửi hằng ngày. Anh/Chị dùng một thời điểm cụ thể, ví dụ: 15/4 08:00
error-no-target-groups = Không có nhóm nào để gửi cho chiến dịch { $code }. Đơn vị chưa có nhóm: { $units }. Liên kết nhóm bằng /dangky <MÃ_ĐƠN_VỊ> trong nhóm.
error-unknown-broadcast = Không có thông báo số { $id }. Xem danh sách bằng /lich
error-broadcast-not-cancellable = Thông báo số { $id } đã bắt đầu gửi hoặc đã huỷ nên không huỷ được nữa.
error-broadcast-not-awaiting-approval = Thông báo số { $id } không ở trạng thái chờ duyệt.
error-stale-button = Nút này đã cũ hoặc không hợp lệ; không có gì thay đổi.
error-wrong-chat-button = Nút này không thuộc thông báo của nhóm này; không có gì thay đổi.
error-not-target-unit = Anh/Chị không thuộc đơn vị nhận thông báo này nên không đăng ký tham gia qua nút này được; không có gì thay đổi.
error-not-a-broadcast = Tin nhắn này không phải thông báo của Loa.
error-no-participation-activity = Chiến dịch { $code } hiện không có hoạt động nào đang nhận đăng ký tham gia.
error-choose-activity = Anh/Chị chọn hoạt động muốn tham gia:
error-not-a-plan = Nội dung này không giống một kế hoạch hay công văn (không thấy tiêu đề «KẾ HOẠCH», trích yếu «V/v» hay dòng «Số:»). Anh/Chị gửi tệp .txt, .md hoặc .docx của kế hoạch kèm chú thích /kehoach.
error-plan-too-large = Tệp lớn hơn { $megabytes } MB nên không đọc được. Anh/Chị gửi bản .docx hoặc .txt của kế hoạch.
error-plan-unsupported-type = Không đọc được tệp «{ $fileName }». Anh/Chị gửi tệp .txt, .md, .docx hoặc .pdf.
error-plan-not-text = Tệp không phải văn bản đọc được (có thể là tệp nhị phân hoặc hỏng). Anh/Chị gửi tệp .txt, .md, .docx hoặc .pdf.
error-plan-no-text-layer = Tệp PDF này là bản chụp (bản quét), không có lớp chữ nên Loa không đọc được nội dung. Anh/Chị gửi bản .docx hoặc bản PDF xuất trực tiếp từ Word.
error-invalid-activity-title = Thiếu tiêu đề hoạt động. Ví dụ: { $example }
error-invalid-activity-unit = Không có đơn vị «{ $given }»; các mã hiện có: { $known } (ghi «-» nếu chưa giao đơn vị). Ví dụ: { $example }
error-invalid-activity-due = Không hiểu hạn «{ $given }»; ghi ngày dạng 30/04/2024. Ví dụ: { $example }
error-invalid-activity-due-past = Hạn «{ $given }» đã qua; Anh/Chị chọn một ngày từ hôm nay trở đi. Ví dụ: { $example }

## Nút chung

button-confirm = ✅ Xác nhận
button-cancel = ✖️ Huỷ

## /kehoach

cmd-kehoach = Nhập kế hoạch (tệp .txt, .md, .docx, .pdf hoặc văn bản dán vào)
plan-usage = Cách dùng: gửi tệp kế hoạch (.txt, .md, .docx hoặc .pdf) kèm chú thích /kehoach, hoặc trả lời tệp hay đoạn văn bản kế hoạch bằng lệnh /kehoach.
plan-preview = 📋 <b>{ $title }</b>
    Số: { $number } · Cơ quan ban hành: { $issuer }
    Thời gian: { $period }
    Thông điệp: { $slogans }
    Hạn báo cáo: { $reportDue }
    Hoạt động ({ $count }):
plan-preview-activity = { $index }. { $title }
    ({ $kind }; chủ trì: { $lead }; thời hạn: { $due })
plan-preview-units = Đơn vị nêu trong kế hoạch:
plan-preview-unit-matched = • { $name } → { $code }
plan-preview-unit-unmatched = • { $name } → chưa có trong danh sách đơn vị
plan-preview-activity-partners = { $index }. { $title }
    ({ $kind }; chủ trì: { $lead }; phối hợp: { $partners }; thời hạn: { $due })
plan-preview-no-activities = Không tìm thấy hoạt động nào có đơn vị hoặc thời hạn; Anh/Chị có thể thêm sau khi tạo chiến dịch bằng lệnh /chiendich { $code } them &lt;tiêu đề&gt; | &lt;đơn vị&gt; | &lt;hạn&gt;, ví dụ: /chiendich { $code } them Tổ chức tọa đàm giới thiệu sách | { $unit } | { $due }
plan-preview-more-activities = … và { $count } hoạt động khác; xem đủ bằng /chiendich sau khi tạo.
plan-preview-more-units = … và { $count } đơn vị khác.
plan-preview-unit-all = • { $name } → tất cả đơn vị
plan-preview-looks-cut = ⚠️ Văn bản có vẻ chưa trọn vẹn: không thấy phần «Nơi nhận» và chữ ký. Văn bản dài dán vào có thể đã bị Telegram tách thành nhiều tin; Anh/Chị nên gửi kế hoạch dưới dạng tệp (.docx, .pdf hoặc .txt).
plan-created-add-hint = Chiến dịch chưa có hoạt động nào; thêm bằng lệnh /chiendich { $code } them &lt;tiêu đề&gt; | &lt;đơn vị&gt; | &lt;hạn&gt;
plan-preview-confirm = Bấm «Xác nhận» để tạo chiến dịch (chưa triển khai ngay), hoặc «Huỷ».
plan-preview-duplicate = ⚠️ Kế hoạch này đã được nhập thành chiến dịch { $code }; không tạo thêm.
plan-created = Đã tạo chiến dịch <b>{ $code }</b> — { $title } với { $count } hoạt động. Xem bằng /chiendich { $code }
plan-not-created = Chưa tạo được chiến dịch; không có gì thay đổi.
plan-cancelled = Đã huỷ, chưa tạo chiến dịch nào.
activity-kind-participation = tham gia
activity-kind-task = nhiệm vụ
activity-kind-report = báo cáo

## /chiendich

cmd-chiendich = Danh sách chiến dịch; xem, bắt đầu, kết thúc một chiến dịch
campaign-status-draft = chưa triển khai
campaign-status-active = đang triển khai
campaign-status-closed = đã kết thúc
campaigns-header = Có { $count } chiến dịch:
campaigns-item = <b>{ $code }</b> ({ $status }) — { $title }
    Thời gian: { $period }
campaigns-hint = Xem chi tiết: /chiendich <MÃ>
campaigns-empty = Chưa có chiến dịch nào.
campaigns-empty-office = Chưa có chiến dịch nào. Nhập kế hoạch bằng cách gửi tệp kèm chú thích /kehoach.
campaigns-detail = <b>{ $code }</b> — { $title }
    Trạng thái: { $status } · Số kế hoạch: { $number }
    Thời gian: { $period }
    Thông điệp: { $slogans }
    Đơn vị nhận: { $targets }
    Hoạt động ({ $count }):
campaigns-activity = { $index }. { $title }
    ({ $kind }; chủ trì: { $lead }; thời hạn: { $due })
campaigns-manage-hint = Bắt đầu: /chiendich { $code } batdau · Kết thúc: /chiendich { $code } ketthuc
campaigns-usage = Cách dùng: /chiendich, /chiendich <MÃ>, /chiendich <MÃ> batdau, /chiendich <MÃ> ketthuc, /chiendich <MÃ> nhacnho 3,1,0 08:00 (tat để tắt nhắc hạn) hoặc /chiendich <MÃ> them <tiêu đề> | <đơn vị> | <hạn>. Ví dụ: /chiendich NGAYSACH2024 batdau
campaigns-status-changed = { $state ->
        [active] Chiến dịch { $code } đã bắt đầu triển khai.
        [closed] Chiến dịch { $code } đã kết thúc.
       *[other] Chiến dịch { $code } chuyển sang trạng thái «{ $status }».
    }
campaigns-status-unchanged = Chiến dịch { $code } vẫn ở trạng thái «{ $status }»; không có gì thay đổi.
campaigns-activity-added = Đã thêm hoạt động { $index } vào chiến dịch <b>{ $code }</b>: { $title }
    ({ $kind }; chủ trì: { $lead }; thời hạn: { $due })

## Thông báo gửi vào nhóm

button-acknowledge = ✅ Đã đọc ({ $count })
button-participate = 🙋 Tham gia ({ $count })
broadcast-album-buttons = Anh/Chị bấm nút dưới đây sau khi đọc thông báo trên.
broadcast-group-lost = ⚠️ Loa đã bị xoá khỏi nhóm của { $unit } và ngừng gửi vào nhóm này cho đến khi nhóm được đăng ký lại (/dangky).

## /gui

cmd-gui = Trả lời tin nhắn cần gửi: lên lịch gửi tới các nhóm đơn vị
send-usage = Cách dùng: soạn tin nhắn (chữ, ảnh, tệp hoặc album) gửi cho Loa, rồi trả lời tin đó bằng /gui <MÃ_CHIẾN_DỊCH> [thời điểm] [han <ngày>] [mã đơn vị… hoặc tatca]. Thời điểm là ngay, 08:00, 15/4 08:00, 15/04/2024 08:00 hoặc hangngay 08:00. «han 11/03» đặt hạn xác nhận đã đọc để Loa nhắc người chưa xác nhận. Thêm khauhieu để kèm lần lượt các thông điệp của chiến dịch, khan nếu là thông báo khẩn; tatca để gửi tới mọi đơn vị đã có nhóm. Ví dụ: /gui NGAYSACH2024 hangngay 08:00
send-preview = 📣 Gửi thông báo của chiến dịch <b>{ $code }</b> — { $title }
    Thời điểm: { $times }
    Gửi { $occurrences } lần tới { $groups } nhóm
    Đơn vị nhận ({ $units }):
send-preview-more = { " " }và { $count } lần nữa
send-preview-target = • { $code } — { $name } ({ $groups } nhóm)
send-preview-no-group = ⚠️ { $count } đơn vị chưa có nhóm sẽ không nhận được: { $units }
send-preview-targets-more = … và { $count } đơn vị khác
send-preview-more-units = { " " }và { $count } đơn vị khác
send-preview-approval = Chiến dịch này cần Lãnh đạo Sở duyệt trước khi gửi.
send-preview-confirm = Bấm «Xác nhận» để lên lịch, hoặc «Huỷ».
send-scheduled = Đã lên lịch gửi thông báo số { $id } tới { $groups } nhóm lúc { $time } ngày { $day }{ $occurrences ->
        [1] {""}
       *[other] {" "}(hằng ngày, { $occurrences } lần)
    }. Theo dõi bằng /lich { $id }
send-awaiting-approval = Thông báo số { $id } đang chờ Lãnh đạo Sở duyệt; chưa gửi đi.
send-cancelled = Đã huỷ, chưa gửi thông báo nào.

## Xác nhận đã đọc và tham gia

ack-done = Đã ghi nhận Anh/Chị đã đọc. Xin cảm ơn!
ack-already = Anh/Chị đã xác nhận thông báo này rồi.
join-done = Đã ghi nhận Anh/Chị tham gia: { $activity }
join-already = Anh/Chị đã đăng ký tham gia rồi: { $activity }

## /lich

cmd-lich = Lịch gửi và kết quả gửi thông báo
schedule-empty = Chưa có thông báo nào được lên lịch hay gửi trong 7 ngày qua.
schedule-header = Thông báo đã lên lịch và gửi gần đây:
schedule-item = <b>Số { $id }</b> · { $code } · { $when } · { $status }
    Đã gửi { $sent }/{ $total } nhóm · { $failed } nhóm lỗi · { $acknowledged } người đã đọc
schedule-hint = Xem từng nhóm: /lich <số>, ví dụ /lich { $example }
schedule-cancel-button = ✖️ Huỷ thông báo số { $id }
schedule-cancelled = Đã huỷ thông báo số { $id }.
schedule-detail = <b>Thông báo số { $id }</b> · { $code } · { $when } · { $status }
    Đã gửi { $sent }/{ $total } nhóm · { $failed } nhóm lỗi · { $acknowledged } người đã đọc
schedule-group-pending = ⏳ { $unit } — { $title }: đang chờ gửi
schedule-group-sending = ⏳ { $unit } — { $title }: đang gửi
schedule-group-sent = ✅ { $unit } — { $title }: đã gửi, { $acknowledged } người đã đọc
schedule-group-failed = ❌ { $unit } — { $title }: chưa gửi được sau { $attempts } lần thử ({ $reason })
schedule-group-more-failed = … và { $count } nhóm chưa gửi được khác
schedule-group-more-sending = … và { $count } nhóm đang gửi khác
schedule-group-more-pending = … và { $count } nhóm đang chờ gửi khác
schedule-group-more-sent = … và { $count } nhóm đã gửi khác
broadcast-status-awaiting_approval = chờ duyệt
broadcast-status-scheduled = đã lên lịch
broadcast-status-sending = đang gửi
broadcast-status-sent = đã gửi
broadcast-status-cancelled = đã huỷ
broadcast-status-rejected = bị trả lại

## /cuatoi

cmd-cuatoi = Việc Anh/Chị còn phải xác nhận hoặc thực hiện
mine-nothing = Anh/Chị đã xác nhận và hoàn thành mọi việc. Cảm ơn Anh/Chị!
mine-confirm-header = Thông báo chưa xác nhận đã đọc ({ $count }):
mine-confirm-item = • { $code } — { $title } (gửi ngày { $sent }): bấm «✅ Đã đọc» trong nhóm
mine-todo-header = Việc cần làm ({ $count }):
mine-task-item = • { $code }: { $title } ({ $kind }; { $hasDue ->
        [no] không có hạn
       *[yes] hạn { $due }
    })
mine-task-overdue = • ⚠️ { $code }: { $title } ({ $kind }; đã quá hạn { $due })

## /thamgia

cmd-thamgia = Đăng ký tham gia hoạt động (kèm ghi chú hoặc ảnh)
join-recorded = Đã ghi nhận Anh/Chị tham gia «{ $activity }» ({ $code }). Cảm ơn Anh/Chị!
join-updated = Đã cập nhật ghi chú/ảnh tham gia «{ $activity }» ({ $code }).
group-bot-kicked = Loa bị xoá khỏi nhóm
group-bot-left = Loa đã rời nhóm

## /chiendich moi

campaign-new-ask-title = Tạo chiến dịch mới. Anh/Chị nhập tên chiến dịch, ví dụ: Ngày Sách và Văn hóa đọc Việt Nam năm 2024
campaign-new-ask-period = Thời gian thực hiện? Ví dụ: 15/04/2024 - 01/05/2024, hoặc gõ «bỏ qua».
campaign-new-ask-slogans = Thông điệp, khẩu hiệu của chiến dịch, mỗi dòng một câu, hoặc gõ «bỏ qua».
campaign-new-bad-title = Tên chiến dịch cần ít nhất 3 ký tự. Ví dụ: Ngày Sách và Văn hóa đọc Việt Nam năm 2024
campaign-new-bad-period = Không hiểu thời gian này. Ví dụ: 15/04/2024 - 01/05/2024 (ngày bắt đầu trước ngày kết thúc), hoặc gõ «bỏ qua».
campaign-new-preview = 📋 Chiến dịch mới: <b>{ $title }</b>
    Thời gian: { $period }
    Thông điệp: { $slogans }
    Đơn vị nhận: tất cả đơn vị. Bấm «Xác nhận» để tạo (chưa triển khai ngay), hoặc «Huỷ».
campaign-new-created = Đã tạo chiến dịch <b>{ $code }</b> — { $title }. Bắt đầu bằng /chiendich { $code } batdau
campaign-new-cancelled = Đã huỷ, chưa tạo chiến dịch nào.
schedule-retry-button = 🔁 Gửi lại các nhóm lỗi ({ $count })
schedule-retried = Đã đưa { $count } nhóm lỗi của thông báo số { $id } vào hàng đợi gửi lại.

## Báo cáo (/baocao, /tonghop, /nopbaocao, /xuat)

error-no-active-campaign = Hiện không có chiến dịch nào đang triển khai. Anh/Chị ghi rõ mã chiến dịch, ví dụ: /baocao NGAYSACH2024
error-report-other-unit = Anh/Chị chỉ xem được báo cáo của đơn vị mình, không xem được đơn vị «{ $code }». Ví dụ: /baocao NGAYSACH2024
error-report-needs-unit = Anh/Chị chưa thuộc đơn vị nào nên cần ghi mã đơn vị, ví dụ: /baocao NGAYSACH2024 VP
error-no-report-activity = Chiến dịch { $code } không có nhiệm vụ nộp báo cáo nào.
error-submit-needs-content = Anh/Chị dùng /nopbaocao để trả lời đúng tin nhắn chứa nội dung báo cáo hoặc tệp báo cáo, ví dụ: trả lời tệp «bao-cao.docx» bằng /nopbaocao NGAYSACH2024

cmd-baocao = Báo cáo của đơn vị: xác nhận, tham gia, nộp báo cáo
cmd-tonghop = Tổng hợp tất cả đơn vị, kèm biểu đồ
cmd-nopbaocao = Nộp báo cáo của đơn vị (trả lời tin nhắn hoặc tệp báo cáo)
cmd-xuat = Xuất báo cáo tổng hợp ra tệp (xlsx, csv, docx, json)

report-usage = Cú pháp: /baocao [mã chiến dịch] [mã đơn vị], ví dụ: /baocao NGAYSACH2024 VP
report-choose-campaign = Đang có nhiều chiến dịch triển khai. Anh/Chị chọn chiến dịch cần xem, hoặc gõ mã, ví dụ: /baocao { $example }
report-header = 📊 <b>Báo cáo { $code }</b> — { $title }
report-unit = Đơn vị: <b>{ $unit }</b> ({ $code })
report-headcount = Quân số: { $headcount } người, Loa đã biết tên { $known } người.
report-unidentified = { $count } người chưa xác định (chưa có trong danh sách và chưa tương tác với Loa).
report-excused = • { $name } — vắng đến { $until }
report-excused-reason = • { $name } — vắng ({ $reason }) đến { $until }
report-no-broadcasts = Chưa có thông báo nào của chiến dịch được gửi tới đơn vị.
report-broadcasts-header = Xác nhận đã đọc:
report-broadcast-line = • Thông báo số { $id } ({ $date }): { $acknowledged }/{ $expected } — { $rate }
report-overall = <b>Cả chiến dịch: { $acknowledged }/{ $expected } — { $rate }</b>
report-rate-none = —
report-participation-header = Tham gia hoạt động:
report-participation-line = • { $title }: { $count } người
report-submission-header = Nộp báo cáo:
report-submission-on-time = • { $title } (hạn { $due }): ✅ đã nộp { $kind } lúc { $at }, đúng hạn{ $by }
report-submission-late = • { $title } (hạn { $due }): ⚠️ nộp muộn { $kind } lúc { $at }{ $by }
report-submission-missing = • { $title } (hạn { $due }): ❌ quá hạn, chưa nộp
report-submission-not-due = • { $title } (hạn { $due }): chưa nộp
report-submission-history =   (đã nộp { $count } lần; các lần trước: { $times })
report-by = {" "}— Đ/c { $name }
report-kind-text = bằng văn bản
report-kind-file = tệp
report-pending-header = Chưa xác nhận thông báo mới nhất ({ $count } người):
report-pending-none = Mọi người đã xác nhận thông báo mới nhất.
report-pending-in-private = Danh sách { $count } người chưa xác nhận đã được gửi riêng cho Anh/Chị.
report-pending-start-private = Danh sách { $count } người chưa xác nhận chỉ gửi trong tin nhắn riêng: Anh/Chị mở tin nhắn riêng với Loa, bấm /start rồi gõ lại /baocao trong nhóm.
report-pending-private-header = 📋 { $code } — { $unit }: { $count } người chưa xác nhận thông báo mới nhất:
report-next-deadline = ⏰ Hạn tiếp theo: { $date } — { $what }
report-next-deadline-confirm = ⏰ Hạn tiếp theo: { $date } — xác nhận đã đọc thông báo
report-document-button = 📎 Tệp đã nộp: { $name }

summary-choose-campaign = Đang có nhiều chiến dịch triển khai ({ $codes }). Anh/Chị ghi rõ mã, ví dụ: /tonghop { $example }
summary-no-targets = Chiến dịch { $code } chưa có đơn vị nhận nào.
summary-header = 📈 <b>Tổng hợp { $code }</b> — { $title }
summary-totals = { $units } đơn vị · quân số { $headcount } người ({ $unidentified } người chưa xác định)
    Xác nhận đã đọc: <b>{ $acknowledged }/{ $expected } — { $rate }</b>
    Đã nộp báo cáo: { $reports }/{ $units } đơn vị · { $pending } người chưa xác nhận thông báo mới nhất
    Thứ tự: đơn vị có tỷ lệ thấp nhất trước.
summary-goal = 🎯 Mục tiêu: { $goal } đã đọc.
summary-line = { $rank }. <b>{ $code }</b> { $name }: { $acknowledged }/{ $expected } — { $rate }{ $pace } · { $pending } người chưa xác nhận{ $report }
summary-line-nothing-sent = { $rank }. <b>{ $code }</b> { $name }: chưa nhận thông báo nào{ $report }
summary-report-on-time = {" "}· đã nộp báo cáo
summary-report-late = {" "}· nộp báo cáo muộn
summary-report-missing = {" "}· quá hạn, chưa nộp báo cáo
summary-report-not-due = {" "}· chưa nộp báo cáo
summary-chart-title = Tỷ lệ xác nhận đã đọc — { $code }
summary-chart-subtitle = { $shown } đơn vị có tỷ lệ thấp nhất trên tổng số { $total } đơn vị
summary-chart-goal = Mục tiêu { $goal }
summary-chart-caption = Tỷ lệ xác nhận đã đọc theo đơn vị, thấp nhất trước.
summary-chart-caption-cut = Tỷ lệ xác nhận đã đọc: { $shown } đơn vị thấp nhất trên { $total }. Bảng đầy đủ ở trên hoặc xuất tệp bằng /xuat.

submit-choose-campaign = Đang có nhiều chiến dịch triển khai ({ $codes }). Anh/Chị ghi rõ mã, ví dụ: /nopbaocao { $example }
submit-choose-activity = Chiến dịch { $code } có nhiều nhiệm vụ báo cáo. Anh/Chị chọn báo cáo cần nộp:
submit-done = ✅ Đã ghi nhận báo cáo của { $unit } cho «{ $activity }» lúc { $at }, đúng hạn ({ $due }). Văn phòng sẽ nhận được thông báo.
submit-done-late = ✅ Đã ghi nhận báo cáo của { $unit } cho «{ $activity }» lúc { $at }. Hạn là { $due } nên báo cáo được tính là nộp muộn. Văn phòng sẽ nhận được thông báo.
submit-replaced = Bản này thay cho bản nộp trước; bản trước vẫn được lưu lại.
submit-office-notice = 📥 <b>{ $unit }</b> đã nộp báo cáo «{ $activity }» ({ $code }) lúc { $at }, đúng hạn. Người nộp: Đ/c { $by }. Xem: /baocao { $code } { $unitCode }
submit-office-notice-late = 📥 <b>{ $unit }</b> đã nộp báo cáo «{ $activity }» ({ $code }) lúc { $at }, muộn so với hạn { $due }. Người nộp: Đ/c { $by }. Xem: /baocao { $code } { $unitCode }

export-usage = Cú pháp: /xuat <mã chiến dịch> [xlsx|csv|docx|json], ví dụ: /xuat NGAYSACH2024 docx
export-bad-format = Không có định dạng «{ $given }». Anh/Chị chọn xlsx, csv, docx hoặc json, ví dụ: /xuat { $code } docx
export-caption = 📎 Báo cáo tổng hợp { $code } ({ $format }), lập lúc { $at }.
## Nhắc hạn (nhắc nhở)

remind-broadcast-title = thông báo số { $id } ngày { $date } ({ $campaign })
remind-group-broadcast = ⏰ Nhắc xác nhận { $title }, hạn { $due }. Các đồng chí sau chưa xác nhận đã đọc ({ $count }), đề nghị bấm «✅ Đã đọc» bên dưới:
remind-member-broadcast = ⏰ Anh/Chị chưa xác nhận đã đọc { $title }, hạn { $due }. Đề nghị Anh/Chị bấm «✅ Đã đọc» bên dưới.
remind-head-broadcast = ⏰ Đơn vị { $unit } còn { $count } đồng chí chưa xác nhận đã đọc { $title }, hạn { $due }:
remind-overdue-head-broadcast = ⚠️ Đã quá hạn { $due }: đơn vị { $unit } còn { $count } đồng chí chưa xác nhận đã đọc { $title }:
remind-head-report = ⏰ Đơn vị { $unit } chưa nộp báo cáo «{ $title }», hạn { $due }. Anh/Chị gửi báo cáo bằng lệnh /nopbaocao.
remind-group-report = ⏰ Hôm nay ({ $due }) là hạn nộp báo cáo «{ $title }»; đơn vị { $unit } chưa nộp.
remind-overdue-head-report = ⚠️ Đã quá hạn { $due }: đơn vị { $unit } chưa nộp báo cáo «{ $title }». Anh/Chị gửi ngay bằng lệnh /nopbaocao.
remind-head-task = ⏰ Nhiệm vụ «{ $title }» (đơn vị { $unit } chủ trì), hạn { $due }. Khi đơn vị đã thực hiện xong, Anh/Chị bấm «✅ Đã hoàn thành».
remind-overdue-head-task = ⚠️ Đã quá hạn { $due }: nhiệm vụ «{ $title }» (đơn vị { $unit } chủ trì) chưa được báo hoàn thành. Khi đã xong, Anh/Chị bấm «✅ Đã hoàn thành».
remind-group-participation = 🙋 Hoạt động «{ $title }», hạn { $due }: đơn vị { $unit } đã có { $count } người đăng ký tham gia. Anh/Chị muốn tham gia xin bấm nút bên dưới.
remind-overdue-office = ⚠️ Đã quá hạn { $due }: { $title }. Còn thiếu theo đơn vị:
remind-overdue-line-broadcast = • { $unit }: { $count } đồng chí chưa xác nhận đã đọc
remind-overdue-line-report = • { $unit }: chưa nộp báo cáo
remind-overdue-line-task = • { $unit }: chưa hoàn thành
remind-task-done-button = ✅ Đã hoàn thành
remind-ack-button = ✅ Đã đọc

## Lỗi nhắc hạn và lịch nghỉ

error-invalid-reminder-policy = Không hiểu lịch nhắc «{ $given }». Ghi số ngày làm việc trước hạn (0 là đúng ngày hạn), cách nhau dấu phẩy, rồi giờ nhắc từ 07:00 đến 20:59; hoặc «tat» để tắt. Ví dụ: { $example }
error-invalid-calendar-day = Không hiểu ngày «{ $given }». Ví dụ: { $example }
error-remind-too-soon = Đơn vị { $unit } vừa được nhắc trong vòng một giờ qua. Anh/Chị có thể nhắc lại từ { $at }.
error-nothing-to-remind = Chiến dịch { $code } hiện không có việc nào còn hạn cần nhắc.
error-nothing-to-remind-any = Hiện không có chiến dịch đang triển khai nào còn việc trong hạn cần nhắc.
error-invalid-deadline = Hạn xác nhận «{ $given }» không hợp lệ (không đọc được, đã qua hoặc trước thời điểm gửi). Ví dụ: { $example }

## /nhacnho

cmd-nhacnho = Nhắc ngay những người, đơn vị chưa xác nhận hoặc chưa nộp
remind-usage = Cách dùng: /nhacnho [MÃ_CHIẾN_DỊCH] [MÃ_ĐƠN_VỊ]. Ví dụ: /nhacnho NGAYSACH2024
remind-sent = Đã gửi nhắc nhở: { $people } người và { $groups } nhóm, thuộc { $units } đơn vị.
remind-some-too-soon = Chưa nhắc lại các đơn vị vừa được nhắc trong vòng một giờ: { $units }.
remind-task-done = Đã ghi nhận đơn vị hoàn thành nhiệm vụ «{ $title }». Cảm ơn Anh/Chị!
remind-task-already = Nhiệm vụ «{ $title }» đã được ghi nhận hoàn thành trước đó.

## /lichnghi

cmd-lichnghi = Lịch nghỉ, ngày làm bù riêng của cơ quan
calendar-usage = Cách dùng: /lichnghi để xem; /lichnghi them <ngày> [nghỉ|làm bù] [ghi chú] để thêm. Ví dụ: { $example }
calendar-added-holiday = Đã thêm ngày nghỉ { $day }. Lịch nhắc hạn đã được tính lại.
calendar-added-workday = Đã thêm ngày làm bù { $day }. Lịch nhắc hạn đã được tính lại.
calendar-empty = Cơ quan chưa có ngày nghỉ hoặc ngày làm bù riêng nào từ hôm nay. Thêm bằng /lichnghi them <ngày> [nghỉ|làm bù] [ghi chú]
calendar-header = Lịch riêng của cơ quan từ hôm nay ({ $count } ngày):
calendar-item-holiday = • { $day }: nghỉ{ $note }
calendar-item-workday = • { $day }: làm bù{ $note }
calendar-more = … và { $count } ngày sau nữa.

## /chiendich nhacnho

campaigns-reminders-set = Đã đặt lịch nhắc hạn cho chiến dịch { $code }: trước hạn { $offsets } ngày làm việc, lúc { $time }. Đã lên lịch { $planned } lượt nhắc mới.
campaigns-reminders-off = Đã tắt nhắc hạn cho chiến dịch { $code }; các lượt nhắc chưa gửi đã được huỷ.

## /gui han

send-preview-deadline = Hạn xác nhận đã đọc: { $day }; Loa nhắc những người chưa xác nhận theo lịch nhắc của chiến dịch.
send-preview-no-deadline = Không đặt hạn xác nhận (thêm «han 11/03» để Loa nhắc người chưa xác nhận).
schedule-deadline = {" "}· hạn xác nhận { $day }
remind-open-copy = <a href="{ $link }">Mở thông báo trong nhóm</a>
campaigns-reminders-line = ⏰ Nhắc hạn: trước hạn { $offsets } ngày làm việc, lúc { $time } (đổi bằng nhacnho, ví dụ: nhacnho 3,1,0 08:00).
campaigns-reminders-line-off = ⏰ Nhắc hạn: đã tắt.

## Lần đầu dùng Loa (issue 11)

start-your-id = Mã Telegram của Anh/Chị: <code>{ $id }</code> (Văn phòng Sở dùng mã này để đưa Anh/Chị vào danh sách của đơn vị).
start-head-title = { $kind ->
        [phong] Trưởng phòng { $rest }
        [ban] Trưởng ban { $rest }
        [vanphong] Chánh { $unit }
       *[other] Thủ trưởng { $unit }
    }
role-plural-member = thành viên
role-plural-head = trưởng đơn vị
role-plural-leader = Lãnh đạo Sở
role-plural-office = Văn phòng Sở
role-plural-admin = quản trị viên
roles-and = và
fallback-private = Loa chưa hiểu «{ $text }». Gõ /trogiup để xem các lệnh Anh/Chị dùng được.
fallback-command = Loa không có lệnh { $command }. Gõ /trogiup để xem các lệnh Anh/Chị dùng được.
fallback-not-yet = Lệnh { $command } chưa có trong phiên bản này của Loa. Gõ /trogiup để xem các lệnh Anh/Chị dùng được.
campaigns-manage-office-only = Chỉ Văn phòng Sở mới bắt đầu hoặc kết thúc được chiến dịch. Anh/Chị xem chiến dịch bằng /chiendich { $code }
error-no-open-campaign = Hiện không có chiến dịch nào đang nhận đăng ký tham gia.
error-campaign-period-ended = Chiến dịch { $code } đã hết thời gian thực hiện ({ $period }) nên không gửi hằng ngày được nữa. Muốn gửi một lần, Anh/Chị dùng /gui { $code } ngay
ack-question-forwarded = ❓ Đ/c { $name } ở { $unit } hỏi về thông báo số { $id } ({ $code }):
    «{ $text }»
    Trả lời trực tiếp trong nhóm của đơn vị.
join-note = Ghi chú của Anh/Chị: «{ $note }»
send-quiet-warning = 🌙 Bây giờ là ngoài giờ ({ $from }–{ $until }): gửi ngay thì mọi người nhận thông báo vào ban đêm. Anh/Chị có thể chọn gửi lúc { $until }.
send-quiet-morning-button = Gửi lúc { $time }
send-quiet-now-button = Gửi ngay
schedule-item-closed = <b>Số { $id }</b> · { $code } · { $when }
    { $state ->
        [rejected] Bị trả lại, không gửi tới nhóm nào.
       *[cancelled] Đã huỷ, không gửi tới nhóm nào.
    }
schedule-series-item = <b>Số { $id }</b> · { $code } · hằng ngày { $time }, { $count } lần{ $hasNext ->
        [yes] , lần tới { $next }
       *[no] {""}
    } · { $status }
    Đã gửi { $sent }/{ $total } nhóm · { $failed } nhóm lỗi · { $acknowledged } người đã đọc
schedule-series-closed = <b>Số { $id }</b> · { $code } · hằng ngày { $time }, { $count } lần
    Đã huỷ, không gửi tới nhóm nào.
schedule-cancel-series-button = ✖️ Huỷ chuỗi số { $id } ({ $count } lần chưa gửi)
schedule-series-cancelled = Đã huỷ { $count } lần chưa gửi của chuỗi thông báo số { $id }.
activity-no-due = không có hạn
campaign-new-period-reversed = Ngày bắt đầu { $start } ở sau ngày kết thúc { $end }. Anh/Chị nhập lại, ngày bắt đầu trước, ví dụ: { $end } - { $start }, hoặc gõ «bỏ qua».

## Duyệt, đơn vị tự gửi, vắng mặt (issue 12)

approval-switch-on = Từ nay thông báo của chiến dịch { $code } phải được Lãnh đạo Sở duyệt trước khi gửi.
approval-switch-off = Thông báo của chiến dịch { $code } không cần Lãnh đạo Sở duyệt nữa; thông báo đang chờ duyệt vẫn chờ duyệt.
error-invalid-approval-switch = Không hiểu «{ $given }». Ghi «bat» để bật hoặc «tat» để tắt việc duyệt, ví dụ: { $example }
error-self-approval = Anh/Chị là người soạn thông báo số { $id } nên không tự duyệt được; cần một Lãnh đạo Sở khác duyệt.
error-broadcast-already-approved = Thông báo số { $id } đã được duyệt bởi đồng chí { $name }.
error-broadcast-already-rejected = Thông báo số { $id } đã được đồng chí { $name } trả lại.
error-other-unit-broadcast = Anh/Chị chỉ gửi được cho nhóm của đơn vị mình. Thông báo cho đơn vị { $code } do Văn phòng gửi.
error-other-unit-broadcast-heads = Trưởng đơn vị chỉ gửi được cho nhóm của đơn vị mình. Thông báo cho đơn vị { $code } do Văn phòng hoặc trưởng đơn vị đó (Đ/c { $heads }) gửi.
approval-more = {" "}và { $count } mục khác
approval-request = 📝 <b>Đề nghị duyệt thông báo số { $id }</b> (nội dung ở tin nhắn trên), do Đ/c { $sender } soạn.
    Chiến dịch: { $code } — { $title }
    Thời điểm gửi: { $times }
    Đơn vị nhận: { $units }
    Hạn xác nhận: { $deadline }{ $urgent }
    Bấm «✅ Duyệt» để gửi đi, hoặc «↩️ Trả lại» để trả lại kèm lý do.
approval-request-urgent = {" "}· thông báo KHẨN
approval-approve-button = ✅ Duyệt
approval-reject-button = ↩️ Trả lại
approval-leaders-only = Chỉ lãnh đạo duyệt hoặc trả lại thông báo, trong tin nhắn riêng với Loa.
approval-done = ✅ Anh/Chị đã duyệt thông báo số { $id }; thông báo sẽ được gửi đúng thời điểm đã định.
approval-done-late = ✅ Anh/Chị đã duyệt thông báo số { $id }. Thời điểm gửi đã qua hơn một giờ nên người soạn sẽ chọn thời điểm mới.
approval-ask-reason = Anh/Chị nhắn lý do trả lại thông báo số { $id } trong tin nhắn tiếp theo.
approval-rejected = Đã trả lại thông báo số { $id } kèm lý do; người soạn đã được báo.
approval-sender-approved = ✅ Thông báo số { $id } đã được đồng chí { $name } duyệt và sẽ gửi lúc { $when }.
approval-sender-rejected = ↩️ Thông báo số { $id } đã bị đồng chí { $name } trả lại, chưa gửi đi. Lý do: { $reason }
approval-sender-new-time = ✅ Thông báo số { $id } đã được đồng chí { $name } duyệt nhưng thời điểm gửi { $when } đã qua hơn một giờ. Đề nghị nhắn thời điểm gửi mới trong tin nhắn tiếp theo, ví dụ: ngay, 14:00 hoặc 16/4 08:00.
approval-rescheduled = Đã lên lịch gửi thông báo số { $id } lúc { $when }.
cmd-vangmat = Báo vắng mặt (nghỉ phép, công tác, ốm): /vangmat 16/4 19/4 nghỉ phép
error-invalid-absence-from = Không hiểu ngày bắt đầu «{ $given }». Ví dụ: { $example }
error-invalid-absence-to = Không hiểu ngày kết thúc «{ $given }». Ví dụ: { $example }
error-invalid-absence-order = Ngày kết thúc đứng trước ngày bắt đầu («{ $given }»). Ví dụ: { $example }
error-invalid-absence-past = Ngày kết thúc «{ $given }» đã qua. Ví dụ: { $example }
error-no-absence = Anh/Chị không có lịch vắng mặt nào hiện tại hoặc sắp tới để huỷ.
away-group-heads-only = Trong nhóm, chỉ trưởng đơn vị báo vắng cho người trong đơn vị, bằng cách trả lời tin nhắn của người đó: /vangmat 16/4 19/4 công tác. Ai tự báo vắng cho mình thì nhắn riêng với Loa.
away-head-usage = Anh/Chị trả lời tin nhắn của người cần báo vắng, ví dụ: /vangmat 16/4 19/4 công tác
away-other-unit = Đồng chí { $name } không thuộc đơn vị của Anh/Chị nên Anh/Chị không báo vắng được.
away-recorded-own = ✅ Đã ghi nhận Anh/Chị vắng mặt từ { $from } đến { $to }. Trong thời gian này Anh/Chị không bị nhắc và không tính vào tỷ lệ.
away-recorded-own-reason = ✅ Đã ghi nhận Anh/Chị vắng mặt từ { $from } đến { $to } ({ $reason }). Trong thời gian này Anh/Chị không bị nhắc và không tính vào tỷ lệ.
away-recorded-member = ✅ Đã ghi nhận đồng chí { $name } vắng mặt từ { $from } đến { $to }.
away-recorded-member-reason = ✅ Đã ghi nhận đồng chí { $name } vắng mặt từ { $from } đến { $to } ({ $reason }).
away-none = Không có lịch vắng mặt nào hiện tại hoặc sắp tới.
away-list-own = Lịch vắng mặt của Anh/Chị:
away-list-unit = Lịch vắng mặt của đơn vị:
away-line = • { $name }: { $from } – { $to }
away-line-reason = • { $name }: { $from } – { $to } ({ $reason })
away-list-more = … và { $count } lịch khác.
away-cancelled = Đã huỷ { $count } lịch vắng mặt của Anh/Chị; từ hôm nay Anh/Chị được tính bình thường.
urgent-reminder = 🔴 <b>KHẨN</b> — Anh/Chị chưa xác nhận đã đọc thông báo khẩn số { $id } ({ $campaign }). Đề nghị Anh/Chị đọc ngay trong nhóm đơn vị và bấm «✅ Đã đọc» bên dưới. (Lần nhắc { $nth }/4)
goal-set = 🎯 Mục tiêu của chiến dịch { $code }: { $goal } đã đọc trước ngày { $day }. /tonghop và /baocao hiển thị tiến độ của từng đơn vị.
goal-set-first-deadline = 🎯 Mục tiêu của chiến dịch { $code }: { $goal } đã đọc trước hạn đầu tiên của chiến dịch. /tonghop và /baocao hiển thị tiến độ của từng đơn vị.
error-invalid-goal-rate = Không hiểu tỷ lệ mục tiêu «{ $given }». Ghi tỷ lệ từ 1% đến 100%, ví dụ: { $example }
error-invalid-goal-day = Ngày «{ $given }» không hợp lệ hoặc đã qua. Ví dụ: { $example }
allread-unit = ✅ Toàn bộ cán bộ của đơn vị { $unit } đã xác nhận đọc thông báo số { $id }.
allread-sender = ✅ Tất cả { $units } đơn vị nhận đã đọc đủ thông báo số { $id }, sau { $hours } giờ { $minutes } phút kể từ khi gửi.

## Campaign goal pace (issue 12): /tonghop, /baocao, the morning notice

goalpace-summary = 🎯 Tiến độ: tính đều từ thông báo đầu tiên đến hết ngày { $day }, hôm nay mỗi đơn vị cần đạt { $needed }; { $behind } đơn vị đang chậm tiến độ.
goalpace-summary-over = 🎯 Đã hết hạn mục tiêu (ngày { $day }); { $behind } đơn vị chưa đạt mục tiêu.
goalpace-line-behind = {" "}/ cần { $needed } hôm nay — chậm tiến độ
goalpace-line-on-track = {" "}· đúng tiến độ
goalpace-line-missed = {" "}/ mục tiêu { $goal } — chưa đạt
goalpace-line-reached = {" "}· đạt mục tiêu
goalpace-unit-behind = 🎯 Mục tiêu { $goal } đến hết ngày { $day }: { $rate } / cần { $needed } hôm nay — chậm tiến độ
goalpace-unit-on-track = 🎯 Mục tiêu { $goal } đến hết ngày { $day }: { $rate } / cần { $needed } hôm nay — đúng tiến độ
goalpace-unit-missed = 🎯 Mục tiêu { $goal } đến hết ngày { $day }: { $rate } — chưa đạt, đã hết hạn
goalpace-unit-reached = 🎯 Mục tiêu { $goal } đến hết ngày { $day }: { $rate } — đã đạt
goalpace-office-header = ⏰ Chiến dịch { $code }: { $count } đơn vị chậm tiến độ so với mục tiêu { $goal } đến hết ngày { $day } (hôm nay cần đạt { $needed }):
goalpace-office-line = • { $unit } ({ $code }): { $rate }
goalpace-office-more = … và { $count } đơn vị khác. Xem đầy đủ bằng /tonghop { $code }.
goalpace-head = ⏰ Đơn vị { $unit } đang chậm tiến độ chiến dịch { $code }: đã đọc { $rate }, hôm nay cần đạt { $needed } để kịp mục tiêu { $goal } đến hết ngày { $day }. Anh/Chị xem danh sách chưa xác nhận bằng /baocao { $code } và nhắc bằng /nhacnho { $code }.

## Chạy thử (npm run sandbox)

sandbox-title = Loa — chạy thử một chiến dịch trọn vẹn trên máy này, không cần Telegram
sandbox-cast-header = Bốn đơn vị, mỗi đơn vị một nhóm Telegram (Loa là quản trị viên nhóm); Đ/c { $admin } (quản trị viên) đã đăng ký các nhóm bằng /dangky, Văn phòng đã nhập danh sách đơn vị và danh sách công chức:
sandbox-cast-unit = • { $code } — { $name }, nhóm «{ $group }»: { $people }
sandbox-cast-notes = Đ/c { $english } dùng Telegram tiếng Anh; Đ/c { $nousername } không đặt tên người dùng; Đ/c { $notstarted } chưa mở tin nhắn riêng với Loa.
sandbox-step = ━━ Bước { $index }/{ $total } · { $time } · { $title }
sandbox-step-import = Văn phòng nhập kế hoạch bằng /kehoach và xác nhận, thêm hoạt động để mọi người đăng ký tham gia; /chiendich hiển thị chiến dịch
sandbox-step-send = Văn phòng soạn thông báo có định dạng, /gui kèm hạn xác nhận, xác nhận bản xem trước
sandbox-step-confirm = Công chức xác nhận bằng nút, bằng biểu tượng cảm xúc, bằng trả lời; đăng ký tham gia kèm ghi chú, kèm ảnh
sandbox-step-remind = Đồng hồ chuyển tới lượt nhắc đầu tiên: nhắc riêng, nhắc trong nhóm chỉ người được nhắc nhìn thấy; hai người xác nhận muộn từ lời nhắc
sandbox-step-report = Trưởng phòng xem /baocao và nộp báo cáo bằng /nopbaocao; Văn phòng xem /tonghop, xuất /xuat docx, xlsx, csv, json
sandbox-step-overdue = Đồng hồ chuyển qua hạn xác nhận: thông báo quá hạn
sandbox-chat-group = 👥 Nhóm «{ $title }»
sandbox-chat-private = 👤 Tin nhắn riêng: { $name } ↔ Loa
sandbox-loa = Loa
sandbox-press = bấm [ { $button } ]
sandbox-toast = Loa báo: «{ $text }»
sandbox-reaction = thả { $emoji } vào thông báo
sandbox-reply-to = ↪ trả lời «{ $text }»
sandbox-edited = (tin nhắn được Loa cập nhật)
sandbox-photo = [ảnh: { $name }]
sandbox-file = [tệp: { $name }]
sandbox-nothing = (không có tin nhắn nào)
sandbox-figures = ━━ Số liệu /tonghop cuối cùng
sandbox-written = Kết quả đã ghi vào thư mục { $dir }:
sandbox-html-hint = Mở transcript.html bằng trình duyệt để xem từng nhóm, từng tin nhắn riêng như trên Telegram.
sandbox-kept = Loa và máy chủ Telegram giả lập vẫn chạy (--keep). Địa chỉ điều khiển: { $control }. Dừng bằng Ctrl+C.

## /lich <số> của một chuỗi hằng ngày

schedule-occurrences-header = Chuỗi hằng ngày gồm { $count } lần gửi (xem từng lần bằng /lich &lt;số&gt;):
schedule-occurrence = • Số { $id } · { $when } · { $status }
schedule-occurrence-current = • <b>Số { $id } · { $when } · { $status }</b> (đang xem)
schedule-occurrences-more = … và { $count } lần khác.

## Sửa nội dung, thu hồi thông báo đã gửi (issue 12)

recall-edit-button = ✏️ Sửa nội dung
recall-button = 🗑 Thu hồi
recall-status = đã thu hồi
recall-edit-ask = Anh/Chị nhắn nội dung mới của thông báo số { $id } trong tin nhắn tiếp theo. Loa sẽ sửa { $copies } bản đã gửi, giữ nguyên các nút và số đếm.
recall-edit-preview =
    ✏️ <b>Sửa nội dung thông báo số { $id }</b>

    Nội dung mới:
    { $text }

    Sẽ sửa { $copies } bản đã gửi; các nút và số đếm giữ nguyên. Anh/Chị bấm «Xác nhận» để sửa.
recall-edit-queued = ✅ Đang sửa { $copies } bản của thông báo số { $id }; Loa sửa dần theo giới hạn của Telegram.
recall-edit-cancelled = Đã huỷ; nội dung thông báo giữ nguyên.
recall-preview = 🗑 <b>Thu hồi { $copies } bản đã gửi tới { $groups } nhóm?</b> (thông báo số { $id }) Các bản đã gửi quá 48 giờ không thể thu hồi.
recall-preview-none = 🗑 <b>Thu hồi thông báo số { $id }?</b> Cả { $count } bản đã gửi quá 48 giờ nên Loa không xoá được; thu hồi vẫn ngừng nhắc nhở và không tính thông báo này nữa. Loa sẽ báo tên các nhóm còn giữ bản.
recall-preview-too-old = { $count } bản đã gửi quá 48 giờ sẽ vẫn còn trong nhóm; Loa sẽ báo tên các nhóm đó.
recall-queued =
    ✅ Đang thu hồi { $copies } bản của thông báo số { $id }{ $cancelled ->
        [0] {""}
       *[other] ; { $cancelled } bản chưa gửi đã được huỷ
    }. Loa sẽ báo lại khi xong.
recall-queued-none = ✅ Đã thu hồi thông báo số { $id }: không còn nhắc nhở hay tính vào báo cáo. Loa gửi ngay danh sách các nhóm còn giữ bản.
recall-cancelled = Đã huỷ; thông báo không bị thu hồi.
recall-report = 🗑 Đã thu hồi thông báo số { $id }: đã xoá { $deleted } bản.
recall-report-unreachable = Không thu hồi được ở { $count } nhóm (gửi quá 48 giờ hoặc Telegram từ chối): { $groups }
recall-report-more = {" "}và { $count } nhóm khác
error-broadcast-not-own = Thông báo số { $id } do người khác soạn; chỉ người soạn, Văn phòng hoặc quản trị viên mới xem, sửa hoặc thu hồi được.
error-broadcast-recalled = Thông báo số { $id } đã được thu hồi.
error-broadcast-not-delivered = Thông báo số { $id } chưa có bản nào đến nhóm nên chưa có gì để sửa hoặc thu hồi.
error-correction-too-long = Nội dung mới dài { $length } ký tự, quá giới hạn { $max } ký tự của Telegram. Anh/Chị gửi lại nội dung ngắn hơn.

## Nhắc riêng trong nhóm, chỉ người được nhắc nhìn thấy (issue 12)
nudge-member-broadcast = 🔔 Anh/Chị chưa xác nhận đã đọc { $title }, hạn { $due }. Tin nhắn này chỉ Anh/Chị nhìn thấy; đề nghị Anh/Chị bấm «✅ Đã đọc» bên dưới.
nudge-group-fallback = ⏰ Nhắc xác nhận { $title }, hạn { $due }. Các đồng chí sau chưa xác nhận đã đọc, đề nghị bấm «✅ Đã đọc» bên dưới:
sandbox-only-for = (chỉ Đ/c { $name } nhìn thấy tin nhắn này)
