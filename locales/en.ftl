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
error-plan-unsupported-type = Cannot read «{ $fileName }». Send a .txt, .md or .docx file.
error-plan-not-text = The file is not readable text (binary or damaged). Send a .txt, .md or .docx file.

## Shared buttons

button-confirm = ✅ Confirm
button-cancel = ✖️ Cancel

## /importplan

cmd-kehoach = Import a plan (.txt, .md, .docx file or pasted text)
plan-usage = Usage: send the plan file (.txt, .md or .docx) with the caption /importplan, or reply to a file or pasted plan text with /importplan.
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
campaigns-usage = Usage: /campaigns, /campaigns <CODE>, /campaigns <CODE> start or /campaigns <CODE> close. Example: /campaigns NGAYSACH2024 start
campaigns-status-changed = { $state ->
        [active] Campaign { $code } has started.
        [closed] Campaign { $code } is closed.
       *[other] Campaign { $code } is now { $status }.
    }
campaigns-status-unchanged = Campaign { $code } is still { $status }; nothing changed.

## Broadcasts in groups

button-acknowledge = ✅ Read ({ $count })
button-participate = 🙋 Join ({ $count })
broadcast-album-buttons = Please tap below once you have read the announcement above.
broadcast-group-lost = ⚠️ Loa was removed from the group of { $unit } and stops sending there until the group is registered again (/register).

## /send

cmd-gui = Reply to a message to schedule it to the unit groups
send-usage = Usage: send the bot the message (text, photo, file or album), then reply to it with /send <CAMPAIGN_CODE> [when] [unit codes… or tatca]. «when» is ngay (now), 08:00, 15/4 08:00, 15/04/2024 08:00 or hangngay 08:00 (every working day). Add khauhieu to add the campaign's slogans in turn, khan for an urgent broadcast, tatca (all) for every unit with a group. Example: /send NGAYSACH2024 hangngay 08:00
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
send-scheduled = Broadcast { $id } scheduled ({ $count ->
        [one] one copy
       *[other] { $count } copies
    } to the groups), starting { $when }. Follow it with /schedule { $id }
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
