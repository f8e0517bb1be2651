## Roles and places

role-member = a member
role-head = a unit head
role-leader = a leader of the Department
role-office = office staff
role-admin = an administrator
role-everyone = everyone
place-private = in a private chat with the bot
place-group = in the unit's group
place-anywhere = anywhere

refuse-role = Only { $roles } can use { $command }, { $place }.
refuse-place = Use { $command } { $place }.

## Command menu

cmd-start = Start, and link this chat for personal reminders
cmd-trogiup = What you can do here
cmd-ngonngu = Choose a language: vi or en
cmd-donvi = List units; add or rename a unit
cmd-phanquyen = Grant someone a role
cmd-dangky = Link this group to a unit
cmd-truongdonvi = Reply to someone to make them unit head

## /start

start-greeting-member = Hello <b>{ $name }</b> ({ $unit })! Loa posts the Department's announcements in your unit's group; tap «✅ Đã đọc» or react with any emoji to confirm. Personal reminders can now reach you here.
start-greeting-head = Hello <b>{ $name }</b>, head of { $unit }! Here you can follow who in your unit has confirmed and who has not, and get your unit's reminders.
start-greeting-leader = Hello <b>{ $name }</b>! Here you can read every unit's report.
start-greeting-office = Hello <b>{ $name }</b> (office)! Here you import plans, create campaigns, send announcements to the units and export the consolidated report.
start-greeting-admin = Hello <b>{ $name }</b> (administrator)! Here you register unit groups, grant roles and manage units.
start-no-unit = no unit yet

## /help

help-intro-private = You are using Loa as { $role }. Commands in this private chat:
help-intro-group = Commands you can use in this group (as { $role }):
help-outro-private = If a command is missing something, Loa explains how to use it.
help-outro-group = In the group, tap «✅ Đã đọc» or react to an announcement to confirm you have read it.

## /language

language-set = Switched to English.
language-usage = Usage: /language vi or /language en

## /register

register-usage = Usage: /register <UNIT_CODE>, for example: /register VP
register-done = This group is now linked to { $unit } ({ $code }).
register-moved = This group moved from { $previous } to { $unit } ({ $code }).
register-bot-admin-ok = The bot is an administrator here, so it sees reactions and people joining.
register-bot-admin-missing = ⚠️ The bot is not an administrator of this group, so it cannot see reactions or people joining and leaving. Please make the bot an administrator (no special rights needed).

## Unregistered group

unregistered-note = This group is not linked to a unit, so Loa is not active here. A Loa administrator can link it with /register <UNIT_CODE>, for example: /register VP

## /makehead

makehead-usage = Usage: reply to a message of the person with /makehead
makehead-done = { $name } is now head of { $unit }.

## /grant

grant-usage = Usage: /grant <Telegram id or @username> <role>, where role is member, head, leader or office. Example: /grant @nguyenlan office
grant-done = { $name } is now { $role }.

## /units

units-header = { $count } units:
units-item = <b>{ $code }</b> — { $name }
    Groups: { $groups }
    Heads: { $heads } · Identified: { $known } { $known ->
        [one] person
       *[other] people
    }
units-no-group = no group yet
units-group-inactive = inactive
units-bot-not-admin = bot is not an administrator
units-empty = No units yet. Add one with /units add <CODE> <Name>, for example: /units add VP Văn phòng Sở, or import a CSV file with loa units import.
units-usage = Add a unit: /units add <CODE> <Name>, for example: /units add VP Văn phòng Sở
    Rename: /units rename <CODE> <New name>, for example: /units rename VP Văn phòng
units-added = Unit { $code } — { $name } added.
units-renamed = Unit { $code } renamed to { $name }.

## Errors

error-unknown-unit = There is no unit with code «{ $code }». Known codes: { $known }. Example: { $example }
error-not-allowed = You may not do this; it needs the role { $needed }.
error-wrong-chat-private = Use this command in a private chat with the bot.
error-wrong-chat-group = Use this command in the unit's group.
error-wrong-chat-reply = Use this command as a reply to a message.
error-group-not-registered = This group is not linked to a unit. An administrator types /register <UNIT_CODE> first, for example: /register VP
error-invalid-unit-code = Unit code «{ $given }» is not valid: letters without diacritics, digits, - or _, at most 20 characters. Example: TTCNTT
error-duplicate-unit = Unit { $code } exists already. Rename it with /units rename { $code } <New name>
error-unknown-member = Loa has no record of «{ $reference }» yet. They need to message Loa or be active in a unit group first. Example: /grant @nguyenlan office
error-invalid-role = «{ $given }» is not a role; choose member, head, leader or office (or thanhvien, truongdonvi, lanhdao, vanphong). Example: /grant @nguyenlan office
error-cannot-change-admin = This person is an administrator (listed in ADMIN_IDS); change that in the configuration.
error-csv-invalid = The file was not imported; nothing changed. Problems:
    { $problems }
error-csv-problem = line { $line }, column { $column }: { $message }
error-internal = Sorry, something went wrong while handling this. Please try again in a few minutes.
error-unknown-campaign = There is no campaign with code «{ $code }». Known codes: { $known }. Example: { $example }
error-campaign-closed = Campaign { $code } is closed, so this cannot be done.
error-invalid-campaign-code = «{ $given }» is not a valid campaign code: 2–16 letters without diacritics and digits. Example: { $example }
error-duplicate-campaign-code = Campaign { $code } exists already. Please choose another code.
error-invalid-campaign = «{ $field }» is not valid: «{ $given }».
error-unknown-unit-id = Unit number { $id } was not found.
error-invalid-when = «{ $given }» is not a time I understand. Example: { $example }
error-date-in-past = «{ $given }» has already passed. A valid example: { $example }
error-daily-needs-period = Campaign { $code } has no period, so it cannot be sent daily. Use a time instead, for example: 15/4 08:00
error-no-target-groups = There is no group to send campaign { $code } to. Units without a group: { $units }. Link a group with /register <UNIT_CODE> inside it.
error-unknown-broadcast = There is no broadcast number { $id }. See the list with /schedule
error-broadcast-not-cancellable = Broadcast { $id } has started sending or was cancelled, so it can no longer be cancelled.
error-broadcast-not-awaiting-approval = Broadcast { $id } is not awaiting approval.
error-stale-button = This button is out of date or not valid; nothing changed.
error-wrong-chat-button = This button does not belong to a broadcast of this group; nothing changed.
error-not-target-unit = You are not in a unit this broadcast was sent to, so this button cannot register you; nothing changed.
error-not-a-broadcast = This message is not a Loa broadcast.
error-no-participation-activity = Campaign { $code } has no activity open for sign-up right now.
error-choose-activity = Choose the activity you take part in:
error-not-a-plan = This does not read as a plan or an official letter (no «KẾ HOẠCH» heading, «V/v» subject or «Số:» line). Send the plan as a .txt, .md or .docx file with the caption /importplan.
error-plan-too-large = The file is larger than { $megabytes } MB, so it cannot be read. Send the plan as .docx or .txt.
error-plan-unsupported-type = Cannot read «{ $fileName }». Send a .txt, .md, .docx or .pdf file.
error-plan-not-text = The file is not readable text (binary or damaged). Send a .txt, .md, .docx or .pdf file.
error-plan-no-text-layer = This PDF is a scan with no text layer, so Loa cannot read it. Send the .docx, or a PDF exported from Word.
error-invalid-activity-title = The activity has no title. Example: { $example }
error-invalid-activity-unit = There is no unit «{ $given }»; known codes: { $known } (write «-» for no unit yet). Example: { $example }
error-invalid-activity-due = Cannot read the deadline «{ $given }»; write it as 30/04/2024. Example: { $example }
error-invalid-activity-due-past = The deadline «{ $given }» has passed; choose today or a later day. Example: { $example }

## Shared buttons

button-confirm = ✅ Confirm
button-cancel = ✖️ Cancel

## /importplan

cmd-kehoach = Import a plan (.txt, .md, .docx, .pdf file or pasted text)
plan-usage = Usage: send the plan file (.txt, .md, .docx or .pdf) with the caption /importplan, or reply to a file or pasted plan text with /importplan.
plan-preview = 📋 <b>{ $title }</b>
    Number: { $number } · Issued by: { $issuer }
    Period: { $period }
    Slogans: { $slogans }
    Report due: { $reportDue }
    Activities ({ $count }):
plan-preview-activity = { $index }. { $title }
    ({ $kind }; lead: { $lead }; due: { $due })
plan-preview-units = Units named in the plan:
plan-preview-unit-matched = • { $name } → { $code }
plan-preview-unit-unmatched = • { $name } → not in the list of units
plan-preview-activity-partners = { $index }. { $title }
    ({ $kind }; lead: { $lead }; with: { $partners }; due: { $due })
plan-preview-no-activities = No activity with a unit or a deadline was found; after creating the campaign you can add one with /campaigns { $code } add &lt;title&gt; | &lt;unit&gt; | &lt;due&gt;, for example: /campaigns { $code } add Book talk | { $unit } | { $due }
plan-preview-more-activities = … and { $count } more activities; see them all with /campaigns once created.
plan-preview-more-units = … and { $count } more units.
plan-preview-unit-all = • { $name } → all units
plan-preview-looks-cut = ⚠️ The text looks incomplete: there is no «Nơi nhận» list and no signature. Telegram splits a long paste into several messages; send the plan as a file (.docx, .pdf or .txt) instead.
plan-created-add-hint = The campaign has no activity yet; add one with /campaigns { $code } add &lt;title&gt; | &lt;unit&gt; | &lt;due&gt;
plan-preview-confirm = Press «Confirm» to create the campaign (as a draft), or «Cancel».
plan-preview-duplicate = ⚠️ This plan was already imported as campaign { $code }; nothing more is created.
plan-created = Campaign <b>{ $code }</b> — { $title } created with { $count } activities. See it with /campaigns { $code }
plan-not-created = The campaign could not be created; nothing changed.
plan-cancelled = Cancelled; no campaign was created.
activity-kind-participation = participation
activity-kind-task = task
activity-kind-report = report

## /campaigns

cmd-chiendich = List campaigns; show, start or close one
campaign-status-draft = draft
campaign-status-active = active
campaign-status-closed = closed
campaigns-header = { $count } campaigns:
campaigns-item = <b>{ $code }</b> ({ $status }) — { $title }
    Period: { $period }
campaigns-hint = Details: /campaigns <CODE>
campaigns-empty = No campaigns yet.
campaigns-empty-office = No campaigns yet. Import a plan by sending its file with the caption /importplan.
campaigns-detail = <b>{ $code }</b> — { $title }
    Status: { $status } · Plan number: { $number }
    Period: { $period }
    Slogans: { $slogans }
    Target units: { $targets }
    Activities ({ $count }):
campaigns-activity = { $index }. { $title }
    ({ $kind }; lead: { $lead }; due: { $due })
campaigns-manage-hint = Start: /campaigns { $code } start · Close: /campaigns { $code } close
campaigns-usage = Usage: /campaigns, /campaigns <CODE>, /campaigns <CODE> start, /campaigns <CODE> close, /campaigns <CODE> reminders 3,1,0 08:00 (tat turns reminders off) or /campaigns <CODE> add <title> | <unit> | <due>. Example: /campaigns NGAYSACH2024 start
campaigns-status-changed = { $state ->
        [active] Campaign { $code } has started.
        [closed] Campaign { $code } is closed.
       *[other] Campaign { $code } is now { $status }.
    }
campaigns-status-unchanged = Campaign { $code } is still { $status }; nothing changed.
campaigns-activity-added = Activity { $index } added to campaign <b>{ $code }</b>: { $title }
    ({ $kind }; lead: { $lead }; due: { $due })

## Broadcasts in groups

button-acknowledge = ✅ Read ({ $count })
button-participate = 🙋 Join ({ $count })
broadcast-album-buttons = Please tap below once you have read the announcement above.
broadcast-group-lost = ⚠️ Loa was removed from the group of { $unit } and stops sending there until the group is registered again (/register).

## /send

cmd-gui = Reply to a message to schedule it to the unit groups
send-usage = Usage: send the bot the message (text, photo, file or album), then reply to it with /send <CAMPAIGN_CODE> [when] [han <date>] [unit codes… or tatca]. «han 11/03» sets the confirmation deadline, and Loa reminds those who have not confirmed. «when» is ngay (now), 08:00, 15/4 08:00, 15/04/2024 08:00 or hangngay 08:00 (every working day). Add khauhieu to add the campaign's slogans in turn, khan for an urgent broadcast, tatca (all) for every unit with a group. Example: /send NGAYSACH2024 hangngay 08:00
send-preview = 📣 Broadcast for campaign <b>{ $code }</b> — { $title }
    When: { $times }
    Sent { $occurrences ->
        [one] once
       *[other] { $occurrences } times
    } to { $groups ->
        [one] one group
       *[other] { $groups } groups
    }
    Target units ({ $units }):
send-preview-more = { " " }and { $count } more
send-preview-target = • { $code } — { $name } ({ $groups } group(s))
send-preview-no-group = ⚠️ { $count } unit(s) without a group get nothing: { $units }
send-preview-targets-more = … and { $count } more unit(s)
send-preview-more-units = { " " }and { $count } more
send-preview-approval = This campaign needs a leader's approval before anything is sent.
send-preview-confirm = Press «Confirm» to schedule, or «Cancel».
send-scheduled = Broadcast { $id } scheduled to { $groups ->
        [one] one group
       *[other] { $groups } groups
    } at { $time } on { $day }{ $occurrences ->
        [1] {""}
       *[other] {" "}(every working day, { $occurrences } times)
    }. Follow it with /schedule { $id }
send-awaiting-approval = Broadcast { $id } is waiting for a leader's approval; nothing has been sent.
send-cancelled = Cancelled; nothing has been sent.

## Acknowledgements and participation

ack-done = Your confirmation is recorded. Thank you!
ack-already = You have already confirmed this announcement.
join-done = You are registered for: { $activity }
join-already = You were already registered for: { $activity }

## /schedule

cmd-lich = Scheduled broadcasts and how their sending went
schedule-empty = Nothing scheduled, and nothing sent in the last 7 days.
schedule-header = Scheduled and recent broadcasts:
schedule-item = <b>No. { $id }</b> · { $code } · { $when } · { $status }
    Sent { $sent }/{ $total } groups · { $failed } failed · { $acknowledged } { $acknowledged ->
        [one] person has
       *[other] people have
    } read it
schedule-hint = Each group: /schedule <number>, for example /schedule { $example }
schedule-cancel-button = ✖️ Cancel broadcast { $id }
schedule-cancelled = Broadcast { $id } cancelled.
schedule-detail = <b>Broadcast { $id }</b> · { $code } · { $when } · { $status }
    Sent { $sent }/{ $total } groups · { $failed } failed · { $acknowledged } { $acknowledged ->
        [one] person has
       *[other] people have
    } read it
schedule-group-pending = ⏳ { $unit } — { $title }: waiting
schedule-group-sending = ⏳ { $unit } — { $title }: sending
schedule-group-sent = ✅ { $unit } — { $title }: sent, { $acknowledged } read it
schedule-group-failed = ❌ { $unit } — { $title }: failed after { $attempts } attempt(s) ({ $reason })
schedule-group-more-failed = … and { $count } more failed group(s)
schedule-group-more-sending = … and { $count } more group(s) being sent
schedule-group-more-pending = … and { $count } more group(s) waiting
schedule-group-more-sent = … and { $count } more group(s) sent
broadcast-status-awaiting_approval = awaiting approval
broadcast-status-scheduled = scheduled
broadcast-status-sending = sending
broadcast-status-sent = sent
broadcast-status-cancelled = cancelled
broadcast-status-rejected = returned

## /mine

cmd-cuatoi = What you still have to confirm or do
mine-nothing = You have confirmed and done everything. Thank you!
mine-confirm-header = Announcements not yet confirmed ({ $count }):
mine-confirm-item = • { $code } — { $title } (sent { $sent }): tap «✅ Đã đọc» in the group
mine-todo-header = To do ({ $count }):
mine-task-item = • { $code }: { $title } ({ $kind }; { $hasDue ->
        [no] no deadline
       *[yes] due { $due }
    })
mine-task-overdue = • ⚠️ { $code }: { $title } ({ $kind }; overdue since { $due })

## /join

cmd-thamgia = Sign up for an activity (with a note or a photo)
join-recorded = You are registered for «{ $activity }» ({ $code }). Thank you!
join-updated = Your note/photo for «{ $activity }» ({ $code }) is updated.
group-bot-kicked = Loa was removed from the group
group-bot-left = Loa left the group

## /campaigns new

campaign-new-ask-title = New campaign. Type its title, for example: Ngày Sách và Văn hóa đọc Việt Nam năm 2024
campaign-new-ask-period = Its period? For example: 15/04/2024 - 01/05/2024, or type «skip».
campaign-new-ask-slogans = Its slogans, one per line, or type «skip».
campaign-new-bad-title = A campaign title needs at least 3 characters. Example: Ngày Sách và Văn hóa đọc Việt Nam năm 2024
campaign-new-bad-period = That period is not clear. Example: 15/04/2024 - 01/05/2024 (start before end), or type «skip».
campaign-new-preview = 📋 New campaign: <b>{ $title }</b>
    Period: { $period }
    Slogans: { $slogans }
    Target units: all units. Press «Confirm» to create it (as a draft), or «Cancel».
campaign-new-created = Campaign <b>{ $code }</b> — { $title } created. Start it with /campaigns { $code } start
campaign-new-cancelled = Cancelled; no campaign was created.
schedule-retry-button = 🔁 Resend to failed groups ({ $count })
schedule-retried = { $count } failed group(s) of broadcast { $id } are queued again.

## Reports (/report, /summary, /submit, /export)

error-no-active-campaign = No campaign is running now. Name the campaign, for example: /report NGAYSACH2024
error-report-other-unit = You can see your own unit's report only, not that of «{ $code }». For example: /report NGAYSACH2024
error-report-needs-unit = You belong to no unit, so name one, for example: /report NGAYSACH2024 VP
error-no-report-activity = Campaign { $code } has no report to submit.
error-submit-needs-content = Use /submit as a reply to the message holding the report text or file, for example: reply to «report.docx» with /submit NGAYSACH2024

cmd-baocao = Your unit's report: confirmations, participation, report due
cmd-tonghop = All units in one table, with a chart
cmd-nopbaocao = Submit your unit's report (reply to its text or file)
cmd-xuat = Export the consolidated report (xlsx, csv, docx, json)

report-usage = Usage: /report [campaign code] [unit code], for example: /report NGAYSACH2024 VP
report-choose-campaign = Several campaigns are running. Choose one, or type its code, for example: /report { $example }
report-header = 📊 <b>Report { $code }</b> — { $title }
report-unit = Unit: <b>{ $unit }</b> ({ $code })
report-headcount = Headcount: { $headcount }; Loa knows { $known } of them by name.
report-unidentified = { $count } not yet identified (not on the roster and not seen by Loa).
report-excused = • { $name } — away until { $until }
report-excused-reason = • { $name } — away ({ $reason }) until { $until }
report-no-broadcasts = No message of this campaign has reached the unit yet.
report-broadcasts-header = Read confirmations:
report-broadcast-line = • Message { $id } ({ $date }): { $acknowledged }/{ $expected } — { $rate }
report-overall = <b>Whole campaign: { $acknowledged }/{ $expected } — { $rate }</b>
report-rate-none = —
report-participation-header = Participation:
report-participation-line = • { $title }: { $count } people
report-submission-header = Report submission:
report-submission-on-time = • { $title } (due { $due }): ✅ submitted { $kind } at { $at }, on time{ $by }
report-submission-late = • { $title } (due { $due }): ⚠️ submitted late { $kind } at { $at }{ $by }
report-submission-missing = • { $title } (due { $due }): ❌ overdue, not submitted
report-submission-not-due = • { $title } (due { $due }): not submitted yet
report-submission-history =   (submitted { $count } times; earlier: { $times })
report-by = {" "}— by { $name }
report-kind-text = as text
report-kind-file = as a file
report-pending-header = Not yet confirmed the latest message ({ $count }):
report-pending-none = Everyone has confirmed the latest message.
report-pending-in-private = The { $count } names not yet confirmed were sent to you in private.
report-pending-start-private = The { $count } names not yet confirmed are sent in private only: open a private chat with Loa, press /start, then type /report in the group again.
report-pending-private-header = 📋 { $code } — { $unit }: { $count } not yet confirmed the latest message:
report-next-deadline = ⏰ Next deadline: { $date } — { $what }
report-next-deadline-confirm = ⏰ Next deadline: { $date } — confirm the message
report-document-button = 📎 Submitted file: { $name }

summary-choose-campaign = Several campaigns are running ({ $codes }). Name one, for example: /summary { $example }
summary-no-targets = Campaign { $code } has no target units.
summary-header = 📈 <b>Summary { $code }</b> — { $title }
summary-totals = { $units } units · headcount { $headcount } ({ $unidentified } not yet identified)
    Read confirmations: <b>{ $acknowledged }/{ $expected } — { $rate }</b>
    Reports submitted: { $reports }/{ $units } units · { $pending } not yet confirmed the latest message
    Order: lowest rate first.
summary-goal = 🎯 Goal: { $goal } read.
summary-line = { $rank }. <b>{ $code }</b> { $name }: { $acknowledged }/{ $expected } — { $rate }{ $pace } · { $pending } not confirmed{ $report }
summary-line-nothing-sent = { $rank }. <b>{ $code }</b> { $name }: no message received yet{ $report }
summary-report-on-time = {" "}· report submitted
summary-report-late = {" "}· report submitted late
summary-report-missing = {" "}· report overdue
summary-report-not-due = {" "}· report not submitted yet
summary-chart-title = Read confirmation rate — { $code }
summary-chart-subtitle = The { $shown } units with the lowest rate, of { $total }
summary-chart-goal = Goal { $goal }
summary-chart-caption = Read confirmation rate per unit, lowest first.
summary-chart-caption-cut = Read confirmation rate: the lowest { $shown } of { $total } units. The full table is above, or export it with /export.

submit-choose-campaign = Several campaigns are running ({ $codes }). Name one, for example: /submit { $example }
submit-choose-activity = Campaign { $code } asks for several reports. Choose the one you are submitting:
submit-done = ✅ Recorded the report of { $unit } for «{ $activity }» at { $at }, on time ({ $due }). The office will be told.
submit-done-late = ✅ Recorded the report of { $unit } for «{ $activity }» at { $at }. It was due { $due }, so it counts as late. The office will be told.
submit-replaced = This replaces the earlier submission, which is kept.
submit-office-notice = 📥 <b>{ $unit }</b> submitted the report «{ $activity }» ({ $code }) at { $at }, on time. By { $by }. See: /report { $code } { $unitCode }
submit-office-notice-late = 📥 <b>{ $unit }</b> submitted the report «{ $activity }» ({ $code }) at { $at }, late (due { $due }). By { $by }. See: /report { $code } { $unitCode }

export-usage = Usage: /export <campaign code> [xlsx|csv|docx|json], for example: /export NGAYSACH2024 docx
export-bad-format = There is no format «{ $given }». Choose xlsx, csv, docx or json, for example: /export { $code } docx
export-caption = 📎 Consolidated report { $code } ({ $format }), made at { $at }.
## Deadline reminders

remind-broadcast-title = announcement no. { $id } of { $date } ({ $campaign })
remind-group-broadcast = ⏰ Reminder to confirm { $title }, due { $due }. These colleagues have not confirmed reading it ({ $count }); please press «✅ Read» below:
remind-member-broadcast = ⏰ You have not confirmed reading { $title }, due { $due }. Please press «✅ Read» below.
remind-head-broadcast = ⏰ { $count } people of { $unit } have not confirmed reading { $title }, due { $due }:
remind-overdue-head-broadcast = ⚠️ Past the deadline of { $due }: { $count } people of { $unit } have not confirmed reading { $title }:
remind-head-report = ⏰ { $unit } has not submitted the report «{ $title }», due { $due }. Submit it with /nopbaocao.
remind-group-report = ⏰ Today ({ $due }) is the deadline of the report «{ $title }»; { $unit } has not submitted it.
remind-overdue-head-report = ⚠️ Past the deadline of { $due }: { $unit } has not submitted the report «{ $title }». Please submit it now with /nopbaocao.
remind-head-task = ⏰ Task «{ $title }» (led by { $unit }), due { $due }. When your unit has done it, press «✅ Done».
remind-overdue-head-task = ⚠️ Past the deadline of { $due }: task «{ $title }» (led by { $unit }) is not marked done. When it is, press «✅ Done».
remind-group-participation = 🙋 Activity «{ $title }», due { $due }: { $count } people of { $unit } have signed up. To take part, press the button below.
remind-overdue-office = ⚠️ Past the deadline of { $due }: { $title }. Still missing, unit by unit:
remind-overdue-line-broadcast = • { $unit }: { $count } people have not confirmed reading it
remind-overdue-line-report = • { $unit }: report not submitted
remind-overdue-line-task = • { $unit }: not done
remind-task-done-button = ✅ Done
remind-ack-button = ✅ Read

## Reminder and calendar errors

error-invalid-reminder-policy = Cannot read the reminder schedule «{ $given }». Give working days before the deadline (0 is the deadline itself), separated by commas, then a time from 07:00 to 20:59; or «tat» to turn reminders off. Example: { $example }
error-invalid-calendar-day = Cannot read the date «{ $given }». Example: { $example }
error-remind-too-soon = { $unit } was reminded less than an hour ago. You can remind again from { $at }.
error-nothing-to-remind = Campaign { $code } has nothing with an open deadline to remind of.
error-nothing-to-remind-any = No active campaign has anything with an open deadline to remind of.
error-invalid-deadline = The confirmation deadline «{ $given }» is not valid (unreadable, past, or before the send time). Example: { $example }

## /nhacnho

cmd-nhacnho = Remind now whoever has not confirmed or submitted
remind-usage = Usage: /remind [CAMPAIGN_CODE] [UNIT_CODE]. Example: /remind NGAYSACH2024
remind-sent = Reminders sent: { $people } people and { $groups } groups, in { $units } units.
remind-some-too-soon = Not reminded again, as they were reminded within the hour: { $units }.
remind-task-done = Recorded: your unit has done the task «{ $title }». Thank you!
remind-task-already = The task «{ $title }» was already recorded as done.

## /lichnghi

cmd-lichnghi = The agency's own days off and make-up working days
calendar-usage = Usage: /calendar to list; /calendar add <date> [nghỉ|làm bù] [note] to add. Example: { $example }
calendar-added-holiday = Day off { $day } added. Reminders have been re-planned.
calendar-added-workday = Make-up working day { $day } added. Reminders have been re-planned.
calendar-empty = The agency has no days off or make-up working days of its own from today. Add one with /calendar add <date> [nghỉ|làm bù] [note]
calendar-header = The agency's own calendar from today ({ $count } days):
calendar-item-holiday = • { $day }: day off{ $note }
calendar-item-workday = • { $day }: make-up working day{ $note }
calendar-more = … and { $count } more days.

## /chiendich nhacnho

campaigns-reminders-set = Reminders of campaign { $code } set: { $offsets } working days before the deadline, at { $time }. { $planned } new reminders planned.
campaigns-reminders-off = Reminders of campaign { $code } turned off; those not yet sent are withdrawn.

## /gui han

send-preview-deadline = Confirmation deadline: { $day }; Loa reminds those who have not confirmed, on the campaign's reminder schedule.
send-preview-no-deadline = No confirmation deadline (add «han 11/03» to have Loa remind those who have not confirmed).
schedule-deadline = {" "}· confirm by { $day }
remind-open-copy = <a href="{ $link }">Open the announcement in the group</a>
campaigns-reminders-line = ⏰ Reminders: { $offsets } working days before the deadline, at { $time } (change with nhacnho, e.g. nhacnho 3,1,0 08:00).
campaigns-reminders-line-off = ⏰ Reminders: off.

## First contact (issue 11)

start-your-id = Your Telegram id: <code>{ $id }</code> (the office uses it to put you on your unit's roster).
start-head-title = head of { $unit }
role-plural-member = members
role-plural-head = unit heads
role-plural-leader = leaders of the Department
role-plural-office = office staff
role-plural-admin = administrators
roles-and = and
fallback-private = Loa did not understand «{ $text }». Type /help to see the commands you can use.
fallback-command = Loa has no command { $command }. Type /help to see the commands you can use.
fallback-not-yet = { $command } is not available in this version of Loa yet. Type /help to see the commands you can use.
campaigns-manage-office-only = Only the office can start or close a campaign. You can read it with /campaigns { $code }
error-no-open-campaign = There is no campaign open for participation right now.
error-campaign-period-ended = Campaign { $code } has ended ({ $period }), so it can no longer be sent daily. To send once, use /send { $code } now
ack-question-forwarded = ❓ { $name } of { $unit } asks about broadcast { $id } ({ $code }):
    «{ $text }»
    Answer them in the unit's group.
join-note = Your note: «{ $note }»
send-quiet-warning = 🌙 These are quiet hours ({ $from }–{ $until }): sent now, it reaches people at night. You can send it at { $until } instead.
send-quiet-morning-button = Send at { $time }
send-quiet-now-button = Send now
schedule-item-closed = <b>No. { $id }</b> · { $code } · { $when }
    { $state ->
        [rejected] Returned; sent to no group.
       *[cancelled] Cancelled; sent to no group.
    }
schedule-series-item = <b>No. { $id }</b> · { $code } · daily at { $time }, { $count } times{ $hasNext ->
        [yes] , next { $next }
       *[no] {""}
    } · { $status }
    Sent { $sent }/{ $total } groups · { $failed } failed · { $acknowledged } { $acknowledged ->
        [one] person has
       *[other] people have
    } read it
schedule-series-closed = <b>No. { $id }</b> · { $code } · daily at { $time }, { $count } times
    Cancelled; sent to no group.
schedule-cancel-series-button = ✖️ Cancel series { $id } ({ $count } not sent)
schedule-series-cancelled = { $count } unsent broadcast(s) of series { $id } cancelled.
activity-no-due = no deadline
campaign-new-period-reversed = The start { $start } is after the end { $end }. Type it again, start first, for example: { $end } - { $start }, or type «skip».

## Approval, heads' own broadcasts, absences (issue 12)

approval-switch-on = From now on, announcements of campaign { $code } must be approved by a leader before they go out.
approval-switch-off = Announcements of campaign { $code } no longer need a leader's approval; those already waiting keep waiting.
error-invalid-approval-switch = Cannot read «{ $given }». Write «bat» to turn approval on or «tat» to turn it off, for example: { $example }
error-self-approval = You wrote announcement no. { $id }, so you cannot approve it yourself; another leader must.
error-broadcast-already-approved = Announcement no. { $id } was already approved by { $name }.
error-broadcast-already-rejected = Announcement no. { $id } was already returned by { $name }.
error-other-unit-broadcast = You can only send to your own unit's groups. Announcements to unit { $code } are sent by the office.
error-other-unit-broadcast-heads = A head can only send to their own unit's groups. Announcements to unit { $code } are sent by the office or its heads ({ $heads }).
approval-more = {" "}and { $count } more
approval-request = 📝 <b>Approval requested for announcement no. { $id }</b> (the message above), written by { $sender }.
    Campaign: { $code } — { $title }
    Send time: { $times }
    Units: { $units }
    Confirmation deadline: { $deadline }{ $urgent }
    Press «✅ Approve» to send it, or «↩️ Return» to send it back with a reason.
approval-request-urgent = {" "}· URGENT announcement
approval-approve-button = ✅ Approve
approval-reject-button = ↩️ Return
approval-leaders-only = Only leaders approve or return announcements, in a private chat with Loa.
approval-done = ✅ You approved announcement no. { $id }; it goes out at its scheduled time.
approval-done-late = ✅ You approved announcement no. { $id }. Its send time passed over an hour ago, so its writer will choose a new one.
approval-ask-reason = Please write the reason for returning announcement no. { $id } in your next message.
approval-rejected = Announcement no. { $id } was returned with your reason; its writer has been told.
approval-sender-approved = ✅ Announcement no. { $id } was approved by { $name } and goes out at { $when }.
approval-sender-rejected = ↩️ Announcement no. { $id } was returned by { $name } and has not been sent. Reason: { $reason }
approval-sender-new-time = ✅ Announcement no. { $id } was approved by { $name }, but its send time { $when } passed over an hour ago. Please write a new send time in your next message, for example: ngay, 14:00 or 16/4 08:00.
approval-rescheduled = Announcement no. { $id } is scheduled for { $when }.
cmd-vangmat = Report an absence (leave, mission, illness): /away 16/4 19/4 leave
error-invalid-absence-from = Cannot read the start date «{ $given }». Example: { $example }
error-invalid-absence-to = Cannot read the end date «{ $given }». Example: { $example }
error-invalid-absence-order = The end date comes before the start date («{ $given }»). Example: { $example }
error-invalid-absence-past = The end date «{ $given }» has passed. Example: { $example }
error-no-absence = You have no current or coming absence to cancel.
away-group-heads-only = In a group, only the unit's head records an absence for a colleague, by replying to their message: /away 16/4 19/4 mission. Record your own in a private chat with Loa.
away-head-usage = Reply to the message of the colleague who will be away, for example: /away 16/4 19/4 mission
away-other-unit = { $name } is not in your unit, so you cannot record their absence.
away-recorded-own = ✅ You are recorded as away from { $from } to { $to }. You get no reminders and are left out of the rates meanwhile.
away-recorded-own-reason = ✅ You are recorded as away from { $from } to { $to } ({ $reason }). You get no reminders and are left out of the rates meanwhile.
away-recorded-member = ✅ { $name } is recorded as away from { $from } to { $to }.
away-recorded-member-reason = ✅ { $name } is recorded as away from { $from } to { $to } ({ $reason }).
away-none = No current or coming absences.
away-list-own = Your absences:
away-list-unit = Your unit's absences:
away-line = • { $name }: { $from } – { $to }
away-line-reason = • { $name }: { $from } – { $to } ({ $reason })
away-list-more = … and { $count } more.
away-cancelled = Cancelled { $count } of your absences; from today you count as usual.
urgent-reminder = 🔴 <b>URGENT</b> — You have not confirmed reading urgent announcement no. { $id } ({ $campaign }). Please read it in your unit's group now and press «✅ Read» below. (Reminder { $nth } of 4)
goal-set = 🎯 Campaign { $code } goal: { $goal } read by { $day }. /summary and /report show each unit's progress.
goal-set-first-deadline = 🎯 Campaign { $code } goal: { $goal } read by the campaign's first deadline. /summary and /report show each unit's progress.
error-invalid-goal-rate = Cannot read the goal «{ $given }». Give a rate from 1% to 100%, for example: { $example }
error-invalid-goal-day = The date «{ $given }» is not valid or has passed. Example: { $example }
allread-unit = ✅ Everyone in { $unit } has confirmed reading announcement no. { $id }.
allread-sender = ✅ All { $units } target units have fully read announcement no. { $id }, { $hours } h { $minutes } min after it was sent.

## Campaign goal pace (issue 12): /summary, /report, the morning notice

goalpace-summary = 🎯 Pace: evenly from the first announcement to the end of { $day }, each unit should be at { $needed } today; { $behind } units are behind.
goalpace-summary-over = 🎯 The goal's date ({ $day }) has passed; { $behind } units did not reach the goal.
goalpace-line-behind = {" "}/ { $needed } needed today — behind
goalpace-line-on-track = {" "}· on pace
goalpace-line-missed = {" "}/ goal { $goal } — not reached
goalpace-line-reached = {" "}· goal reached
goalpace-unit-behind = 🎯 Goal { $goal } by the end of { $day }: { $rate } / { $needed } needed today — behind
goalpace-unit-on-track = 🎯 Goal { $goal } by the end of { $day }: { $rate } / { $needed } needed today — on pace
goalpace-unit-missed = 🎯 Goal { $goal } by the end of { $day }: { $rate } — not reached, the date has passed
goalpace-unit-reached = 🎯 Goal { $goal } by the end of { $day }: { $rate } — reached
goalpace-office-header = ⏰ Campaign { $code }: { $count } units are behind the pace to { $goal } by the end of { $day } (today's mark: { $needed }):
goalpace-office-line = • { $unit } ({ $code }): { $rate }
goalpace-office-more = … and { $count } more units. See them all with /summary { $code }.
goalpace-head = ⏰ { $unit } is behind the pace of campaign { $code }: { $rate } read, { $needed } needed today to reach { $goal } by the end of { $day }. See who has not confirmed with /report { $code } and remind them with /remind { $code }.

## Sandbox (npm run sandbox)

sandbox-title = Loa — a whole campaign on this machine, without Telegram
sandbox-cast-header = Four units, each with a Telegram group (Loa is an administrator of each); { $admin } (administrator) registered the groups with /register, and the office imported the units and the staff roster:
sandbox-cast-unit = • { $code } — { $name }, group “{ $group }”: { $people }
sandbox-cast-notes = { $english } uses Telegram in English; { $nousername } has no username; { $notstarted } has not opened a private chat with Loa.
sandbox-step = ━━ Step { $index }/{ $total } · { $time } · { $title }
sandbox-step-import = The office imports the plan with /importplan and confirms, adds an activity people can join; /campaigns shows the campaign
sandbox-step-send = The office composes a formatted message, /send with a deadline, confirms the preview
sandbox-step-confirm = Staff confirm by button, by reaction and by reply; they join with a note and with a photo
sandbox-step-remind = The clock moves to the first reminder: in private, and in the group seen only by the person reminded; two late members confirm from their reminders
sandbox-step-report = A head reads /report and submits the unit's report with /submit; the office reads /summary and exports docx, xlsx, csv, json
sandbox-step-overdue = The clock moves past the deadline: the overdue notice
sandbox-chat-group = 👥 Group “{ $title }”
sandbox-chat-private = 👤 Private chat: { $name } ↔ Loa
sandbox-loa = Loa
sandbox-press = taps [ { $button } ]
sandbox-toast = Loa says: “{ $text }”
sandbox-reaction = reacts { $emoji } to the message
sandbox-reply-to = ↪ replying to “{ $text }”
sandbox-edited = (message updated by Loa)
sandbox-photo = [photo: { $name }]
sandbox-file = [file: { $name }]
sandbox-nothing = (no messages)
sandbox-figures = ━━ Final /summary figures
sandbox-written = Everything was written to { $dir }:
sandbox-html-hint = Open transcript.html in a browser to see each group and private chat as Telegram shows them.
sandbox-kept = Loa and the Telegram stand-in keep running (--keep). Control endpoints: { $control }. Stop with Ctrl+C.

## /schedule <number> of a daily series

schedule-occurrences-header = This daily series has { $count } sends (see each with /schedule &lt;number&gt;):
schedule-occurrence = • No. { $id } · { $when } · { $status }
schedule-occurrence-current = • <b>No. { $id } · { $when } · { $status }</b> (this one)
schedule-occurrences-more = … and { $count } more.

## Correcting or recalling a sent broadcast (issue 12)

recall-edit-button = ✏️ Correct text
recall-button = 🗑 Recall
recall-status = recalled
recall-edit-ask = Send the new text of broadcast { $id } in your next message. Loa will correct { $copies } sent copies and keep their buttons and counts.
recall-edit-preview =
    ✏️ <b>Correct broadcast { $id }</b>

    New text:
    { $text }

    { $copies } sent copies will be corrected; buttons and counts stay. Press «Confirm» to correct them.
recall-edit-queued = ✅ Correcting { $copies } copies of broadcast { $id }; Loa edits them within Telegram's limits.
recall-edit-cancelled = Cancelled; the broadcast keeps its text.
recall-preview = 🗑 <b>Recall { $copies } sent copies in { $groups } groups?</b> (broadcast { $id }) Copies sent more than 48 hours ago cannot be recalled.
recall-preview-none = 🗑 <b>Recall broadcast { $id }?</b> All { $count } copies were sent more than 48 hours ago, so Loa cannot delete them; recalling still stops its reminders and counts. Loa will name the groups that keep a copy.
recall-preview-too-old = { $count } copies were sent more than 48 hours ago and will stay in their groups; Loa will name those groups.
recall-queued =
    ✅ Recalling { $copies } copies of broadcast { $id }{ $cancelled ->
        [0] {""}
       *[other] ; { $cancelled } copies not yet sent were cancelled
    }. Loa will report when done.
recall-queued-none = ✅ Broadcast { $id } recalled: no more reminders, and it no longer counts in reports. Loa sends the list of groups that keep a copy right away.
recall-cancelled = Cancelled; the broadcast is not recalled.
recall-report = 🗑 Broadcast { $id } recalled: { $deleted } copies deleted.
recall-report-unreachable = Could not recall it in { $count } groups (sent more than 48 hours ago, or refused by Telegram): { $groups }
recall-report-more = {" "}and { $count } more groups
error-broadcast-not-own = Broadcast { $id } was composed by someone else; only its sender, the office or an administrator may view, correct or recall it.
error-broadcast-recalled = Broadcast { $id } has been recalled.
error-broadcast-not-delivered = Broadcast { $id } has no copy in any group yet, so there is nothing to correct or recall.
error-correction-too-long = The new text has { $length } characters, over Telegram's limit of { $max }. Please send a shorter text.

## Personal nudges in the group, seen only by the person reminded (issue 12)
nudge-member-broadcast = 🔔 You have not confirmed reading { $title }, due { $due }. Only you can see this message; please press «✅ Read» below.
nudge-group-fallback = ⏰ Reminder to confirm { $title }, due { $due }. These colleagues have not confirmed reading it; please press «✅ Read» below:
sandbox-only-for = (only { $name } sees this message)
