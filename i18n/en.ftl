### labkit's own words in English. Ids are the Rust keys with `.` written as `-` and a `-` inside
### a part doubled (`help.calc.sample-size.about` is `help-calc-sample--size-about`).
### See docs/translating.md.

col-id = ID
col-name = Name
col-stage = Stage
col-duration = Duration
col-group = Group
col-source = Source
show-when_to_use = When to use
show-duration = Duration
show-group = Group
show-people = people
show-stage = Stage
show-roles = Roles
show-materials = Materials
show-considerations = Considerations
show-steps = Steps
show-sources = Sources
show-before = Usually before
show-after = Usually after
show-optional = optional
show-room = open to the room
show-items_from = items from
show-blocks = Blocks
show-break = Break
show-playbook = Playbook
show-origin = Loaded from
report-kicker = Workshop record
report-playbook_kicker = Workshop record · playbook
report-draft = Draft — session in progress
report-toc = Contents
report-date = Date
report-lab = Lab
report-facilitator = Facilitator
report-participants = Participants
report-method = Method
report-status = Status
report-finished = finished
report-in_progress = in progress
report-footer = Made with labkit from the session of { $date }.
report-dots = Dots
report-item = Item
report-total = Total
report-rank = Rank
report-no_answer = No answer.
report-not_scored = Not scored:
report-quadrant = Quadrant
report-time_spent = Time spent
report-minutes = min
report-sources = Sources
catalogue-title = labkit method catalogue
agenda-suggested_break = Break (suggested)
agenda-day = Day
agenda-start = Start
agenda-end = End
agenda-block = Block
agenda-minutes = Minutes
agenda-total = Total { $total }, ends { $end }
agenda-part = { $title } (day { $n } of { $days })
suggest-none = no method fits; allow more minutes, or drop a filter
portfolio-title = Lab portfolio
portfolio-sessions = Sessions
portfolio-by_stage = By stage
portfolio-method = Method
portfolio-about = About
portfolio-status = Status
portfolio-decision = Decision
portfolio-started = Started
portfolio-updated = Updated
portfolio-count =
    { $n ->
        [one] { $n } session
       *[other] { $n } sessions
    }
hint-enter = Enter accepts
hint-lines = one per line; an empty line ends
hint-rows = a row at a time; an empty first field ends
hint-choose = ↑↓ and Enter choose
hint-confirm = y or n; Enter takes the capital one
hint-skip = - skips
hint-back = < goes back
hint-edit = /e N edits · /d N deletes · /m N M moves
hint-stop = Ctrl-C stops (all saved)
hint-stop_esc = Esc stops (all saved)
hint-multiselect = space ticks
prompt-kept =
    { $n ->
        [one] { $n } entry so far:
       *[other] { $n } entries so far:
    }
prompt-editing = editing
prompt-row_editing = changing row { $n } (Enter keeps a field as it is)
vote-current = dots so far:
rank-place = Place { $k } of { $n }
rank-before = the ranking so far (Enter at each place keeps it):
engine-back_keeps = { $message }; the entries are kept — finish them (or `/d N` to delete) before going back
engine-first_question = this is the first question; there is nothing before it
engine-skip_has_entries = there are entries already; an empty line ends, `/d N` deletes one
engine-whole_dots = expected a whole number of dots (0 or more)
engine-whole_voters = expected a whole number of people (1 or more)
engine-not_an_item = not one of the items
engine-no_entry = there is no entry { $k } (there are { $n })
engine-unknown_command = `{ $cmd }` is not a command: `/e N`, `/d N`, `/m N M`; start with `\` to type it as text

## The room: the facilitator's panel and opening a room (`run --room`).

room-hint-add = text + Enter adds
room-hint-hide = /h N hides
room-hint-unhide = /u N unhides
room-hint-merge = /m N M merges N into M
room-hint-results = /r results on/off
room-hint-close = Enter twice closes
room-panel-left = { $time } left
room-panel-over = time is up (+{ $time })
room-panel-devices = { $joined } joined · { $answered } answered
room-panel-results_on = results shown to participants
room-panel-results_off = results hidden from participants
room-panel-results_now_on = results are now shown on participants' devices and the projector
room-panel-results_now_off = results are now hidden from participants' devices and the projector
room-panel-confirm_close = press Enter again to close the question (any other key goes on)
room-panel-unknown_command = `{ $cmd }` is not a command here: { $commands }
room-panel-only_commands = participants answer on their own devices: here `/r` shows the results and an empty Enter closes
room-panel-no_back = there is nothing to go back to from here
room-panel-not_open = no question is open to the room right now; wait for the facilitator to open the next one
room-panel-nothing = nothing yet
room-panel-entries =
    { $n ->
        [one] { $n } entry
       *[other] { $n } entries
    }
room-panel-aside =
    { $n ->
        [one] { $n } set aside
       *[other] { $n } set aside
    }
room-panel-earlier =
    { $n ->
        [one] … { $n } earlier entry
       *[other] … { $n } earlier entries
    }
room-panel-more =
    { $n ->
        [one] … { $n } more
       *[other] … { $n } more
    }
room-panel-anonymous = anonymous
room-panel-facilitator = facilitator
room-panel-hidden = hidden
room-panel-merged = merged into #{ $id }
room-panel-withdrawn = withdrawn
room-panel-points =
    { $n ->
        [one] { $n } point
       *[other] { $n } points
    }
room-panel-answered =
    { $n ->
        [one] { $n } answer
       *[other] { $n } answers
    }
room-start-needs_terminal = `--room` needs a terminal: the facilitator runs the room from the keyboard (leave out `--no-input`, and run labkit in a terminal)
room-start-open_at = Room open: { $url }
room-start-how_to_join = Participants open this address on a phone or laptop on the same network, or scan the QR code.
room-start-this_computer_only = Only this computer can open this address: fine for a projector, not for phones.
room-start-no_network = No network was found, so only this computer can open this address (fine for a projector, not for phones); join a network, or give --room-bind IP.
room-start-stored = Everything participants send is saved in { $path } as it arrives.
room-start-port_in_use = port { $port } is already in use on { $ip }; choose another with `--room-port N`, or `--room-port 0` for any free port
room-start-port_taken = port { $default } is in use; the room took port { $port } instead
room-start-bind_unavailable = `{ $ip }` is not an address of this computer; leave out `--room-bind` to use its network address, or give 127.0.0.1
room-start-failed = could not open the room on { $addr }: { $error }
timer-keys = Enter ends · space pauses · + adds 1 min
timer-paused = paused
timer-up = time is up — press Enter to continue
timer-ended_early = ended with { $left } left
prompt-start_countdown = Start the { $duration } countdown?
prompt-row = row { $n }
prompt-facilitator = Facilitator
prompt-participants = Participants (comma-separated, optional)
vote-how = How are the dots counted?
vote-totals = Enter each item's total dots (counted on the wall)
vote-in_turn = Participants vote in turn here, { $dots ->
        [one] { $dots } dot
       *[other] { $dots } dots
    } each
vote-voters = How many people vote?
vote-turn = Voter { $voter }/{ $voters }, dot { $dot }/{ $dots } (dots can be stacked)
run-session = session: { $path }
run-saved = session saved: { $path }
run-stopped = stopped; every answer and entry so far is saved. Continue with: { $command }
session-locked = `{ $session }` is open in another labkit ({ $holder }); finish or stop it there (Ctrl-C), then `labkit resume` it here
session-schema_newer = this session was written by a newer labkit (session schema { $schema }); this labkit reads sessions up to schema { $known }
session-schema_newer_hint = upgrade labkit to open it; the file is left as it is
session-schema_unknown = schema 0 is not a session schema; labkit writes sessions with schema 1 to { $known }
session-bad_language = `{ $code }` is not a language labkit speaks
session-bad_language_hint = write `en` or `pt`
session-bad_time = `{ $value }` is not a date and time; labkit writes them like `2026-11-26T14:27:52Z`
run-using_copy = the method file of `{ $id }` was not found here; using the copy kept in the session
run-using_copy_broken = { $file } has problems (`labkit validate` lists them); using the copy of `{ $id }` kept in the session
run-method_missing_hint = ; it was not found in the method folders, and the session keeps no copy of it (it was started with an older labkit): put `{ $id }.yaml` in the workspace's methods/ folder, or pass `--methods DIR`
run-broken_override = this file gives `{ $id }` here, in place of the { $origin } one, but it has problems; labkit stops rather than use the { $origin } `{ $id }` instead
run-broken_override_hint = fix the problems below (`labkit validate` lists them too), or move the file out of the method folders to use the { $origin } one
run-answer_wrong = the answer to `{ $id }` does not fit the question: { $reason }
run-answers_not_mapping = the answers of `{ $id }` must be a mapping of question id to answer
run-answers_hint = the file is left as it is; correct these answers (or delete them to be asked again), then resume
run-in_progress_unknown = the question in progress, `{ $id }`, is not a question of this session's method
run-in_progress_shape = the entries in progress do not have the shape of an answer to `{ $id }`
run-in_progress_hint = the file is left as it is; correct or remove its `in_progress` part to continue
run-already_finished = this session is already finished; answers are in { $path }
run-no_terminal = without a terminal labkit never asks: pass `--answers FILE`, `--set ID=VALUE` or `--defaults`
run-no_terminal_resume = `labkit resume` asks the questions still open, so it needs a terminal; without one, finish the answers in a new session: `{ $command }`, with `--set ID=VALUE` or `--defaults` for the rest
report-written = report written: { $path }
check-number = expected a number
check-whole = expected a whole number, got { $n }
check-between = must be between { $min } and { $max }
check-yes_no = expected yes or no
check-scale = expected a whole number from { $min } to { $max }
check-date = `{ $text }` is not a date; write it as YYYY-MM-DD
check-choice = `{ $text }` is not one of: { $choices }
check-at_least = give at least { $m } (got { $n })
check-at_most = give at most { $m } (got { $n })
check-required = an answer is required
check-min_length =
    { $n ->
        [one] at least { $n } character
       *[other] at least { $n } characters
    }
check-max_length =
    { $n ->
        [one] at most { $n } character
       *[other] at most { $n } characters
    }
check-pattern = does not match the pattern `{ $p }`
check-missing = missing answer: { $prompt }
label-error = error
label-warning = warning
label-hint = hint
source-flag = flag { $flag }
source-env = environment { $var }
source-default = default
config-setting = setting
config-value = value
config-from = from
duration-invalid = `{ $input }` is not a duration; write it like `90s`, `10m`, `1h30m` or `2d`
duration-no_unit = `{ $n }` has no unit; write `{ $n }m` for minutes (or `s`, `h`, `d`)
duration-negative = `{ $n }` is not a duration; write it like `10m` or `1h30m`
duration-decimal = `{ $n }` is not a duration; write it like `1h30m` rather than a decimal
list-none = no methods match
origin-builtin = built-in
origin-env = LABKIT_PATH
origin-workspace = workspace
origin-path = path
origin-copy = copy kept in the session
answer-yes = yes
answer-no = no
answer-skipped = —
review-step = Review: continue, or pick an answer to change
review-final = Final review of every answer: finish, or pick one to change
review-continue = ✓ Continue
review-finish = ✓ Finish
validate-ok = no problems found
validate-summary = { $files } checked: { $errors } in { $bad }
validate-files =
    { $n ->
        [one] { $n } file
       *[other] { $n } files
    }
validate-problems =
    { $n ->
        [one] { $n } problem
       *[other] { $n } problems
    }
stage-setup = setup
stage-framing = framing
stage-research = research
stage-ideation = ideation
stage-experiment = experiment
stage-learning = learning
error-unknown_method = unknown method `{ $id }`
error-skipped = skipped { $file }: it has problems (run `labkit validate` for details)
validate-text_empty = text is empty
validate-source_title_empty = source title is empty
validate-source_url = `{ $url }` is not a web address; start it with `https://`
validate-group_size = `{ $value }` is not a group size; write `5`, `2-8` or `4+`
validate-not_method_id = `{ $id }` is not a method id
validate-schema_unsupported = schema `{ $schema }` is not supported; this labkit reads schema `1`
validate-bad_id = `{ $id }` is not a valid id; use lowercase letters, digits and single dashes, like `test-card`
validate-id_not_file_name = id `{ $id }` does not match the file name `{ $stem }.yaml`
validate-id_not_file_name_hint = rename the file to `{ $id }.yaml` or set `id: { $stem }`
validate-playbook_kind = a playbook needs `methods:`, not `steps:`
validate-version_zero = version starts at 1
validate-no_steps = a method needs at least one step
validate-bad_step_id = `{ $id }` is not a valid step id; use lowercase letters, digits, `_` or `-`
validate-step_id_twice = step id `{ $id }` is used twice
validate-question_id_twice = question id `{ $id }` is used twice; answers are keyed by question id, so ids must be unique in a method
validate-question_id_is_helper = question id `{ $id }` is the name of a template helper: `{"{{"}{ $id }{"}}"}` in a default, a condition or a computed value would call the helper, not read this answer
validate-question_id_is_helper_hint = rename it, e.g. `{ $id }_value`
validate-count_whole = `{ $field }` must be a whole number of entries, got { $value }
validate-template_syntax = template does not compile: { $reason }
validate-template_syntax_hint = check the braces, and that every `{"{{"}#if …{"}}"}` or `{"{{"}#each …{"}}"}` is closed with `{"{{"}/if{"}}"}` or `{"{{"}/each{"}}"}`
validate-helpers_hint = helpers: { $helpers }
validate-unknown_helper = unknown helper `{ $name }`
validate-loop_reaches_out = `{ $mustache }` reads outside the `{"{{"}#each{"}}"}` it is in
validate-loop_reaches_out_hint = inside a loop a template reads only the item (`this`, its fields, `@index`): a loop over a whole answer inside another multiplies the work, and `../x` repeats `x` once per entry; move it out of the loop
validate-template_unknown_question = template refers to `{ $name }`, which is not an earlier question
validate-template_unknown_question_hint = a template can only use answers to questions asked before it
validate-choices_missing = this question needs `choices`
validate-choices_empty = `choices` is empty
validate-choice_empty = choice value is empty
validate-choice_twice = choice `{ $value }` is listed twice
validate-min_length_above_max = `min_length` ({ $min }) is greater than `max_length` ({ $max })
validate-pattern_syntax = pattern does not compile: { $reason }
validate-bad_question_id = `{ $id }` is not a valid question id; use lowercase letters, digits, `_` or `-`, starting with a letter
validate-takes_no_fields = a `{ $type }` question takes no type-specific fields
validate-takes_fields = a `{ $type }` question takes: { $fields }
validate-field_not_applicable = `{ $field }` does not apply to a `{ $type }` question
validate-room_in_record = a records field cannot be open to the room; set `room` on the question itself
validate-record_field_type = a records field cannot be a `{ $type }` question; use text, longtext, number, confirm, select, scale or date
validate-min_above_max = `min` ({ $min }) is greater than `max` ({ $max })
validate-too_many_selections = asks for { $m ->
        [one] { $m } selection
       *[other] { $m } selections
    } but there { $n ->
        [one] is only { $n } choice
       *[other] are only { $n } choices
    }
validate-scale_whole = a scale runs between whole numbers
validate-scale_range = a scale needs `min` < `max` and at most 101 points, got { $min } to { $max }
validate-label_outside_scale = label for { $point } is outside the scale { $min } to { $max }
validate-fields_missing = a `records` question needs `fields`
validate-fields_empty = `fields` is empty
validate-field_id_twice = field id `{ $id }` is used twice
validate-dots_zero = `dots` must be at least 1
validate-computed_value = a `computed` question needs `value`, a template such as `{"{{"}sample_size_proportions baseline target{"}}"}`
validate-from_missing = a `{ $type }` question needs `from`: the id of an earlier `list` or `records` question
validate-from_wrong_type = `from: { $from }` names a `{ $type }` question; it must name a `list` or `records` question
validate-from_unknown = `from: { $from }` is not an earlier question
validate-from_unknown_hint = `from` must name a `list` or `records` question asked earlier in the method
validate-criteria_missing = a `score` question needs `criteria`, e.g. impact and effort
validate-criteria_empty = `criteria` is empty
validate-bad_criterion_id = `{ $id }` is not a valid criterion id
validate-criterion_twice = criterion `{ $id }` is listed twice
validate-criterion_range = a criterion needs `min` < `max` (at most 101 points), got { $min } to { $max }
validate-quadrants_two = `quadrants` needs exactly two criteria, found { $n }
validate-default_out_of_range = default { $n } is outside the allowed range
validate-default_outside_scale = default { $n } is outside the scale { $min } to { $max }
validate-multiselect_default = a multiselect default is a list of choice values
validate-default_wrong_type = this default does not fit a `{ $type }` question
validate-default_not_choice = default `{ $value }` is not one of the choices
validate-template_not_a_name = `{ $name }` is not a template name; a playbook names a template from the workspace's templates folder or the built-ins, with no `..` and no absolute path
validate-template_not_a_name_hint = put the file in the workspace's `templates/` folder as NAME.md.hbs and write `template: NAME`
validate-template_missing = there is no template `{ $name }`, neither in the workspace's templates folder nor among the built-ins
validate-templates_known = templates: { $names }
validate-no_methods = a playbook needs at least one method
validate-day_order = day { $day } comes before day { $last }; days start at 1 and only move forward
validate-method_twice = method `{ $method }` already runs as block { $block }; answers are keyed by method, so each runs once
validate-break_fields = a break takes only `break` and `title`
validate-block_both = a block is either a `method` or a `break`, not both
validate-block_neither = a block needs `method: ID` or `break: DURATION`
validate-no_such_question = `{ $method }` has no question `{ $question }`
validate-items_target_type = `{ $method }.{ $question }` is a `{ $type }` question; only list, vote, score and rank questions take items
validate-items_source_form = `{ $source }` should be `method.question`, e.g. `brainstorm.ideas`
validate-not_earlier_method = `{ $method }` is not a method that runs earlier in this playbook
validate-items_source_type = `{ $source }` is a `{ $type }` question; items come from a list, records or vote question
method-did_you_mean = did you mean `{ $word }`?
method-too_large = file is larger than { $mb } MB, the limit for a method file
method-not_utf8 = file is not valid UTF-8; save it as UTF-8
method-empty = file is empty; a method needs at least `schema`, `id`, `name`, `summary`, `stage`, `duration` and `steps`
method-not_mapping = expected a mapping of fields (`schema: 1`, `id: ...`) at the top of the file
method-too_deep = nesting is too deep here (more than { $limit } levels)
method-alias_bomb = too many aliases expand here (is this an alias bomb?)
input-not_a_file = is { $kind }, not a regular file; labkit reads only regular files
input-kind-folder = a folder
input-kind-fifo = a named pipe (FIFO)
input-kind-socket = a socket
input-kind-device = a device
input-kind-other = a special file
input-too_many_values = more than { $limit } values (lists, mappings, scalars) in one file
input-too_large = file is larger than { $mb } MB, the limit for a session, answers or settings file
method-duplicate_key = key { $key } is given twice
method-yaml_syntax = YAML syntax error: { $reason }
method-unknown_language = `{ $word }` is not a language code; write two or three letters (`en`, `pt`, `es`)
method-unknown_field = unknown field `{ $word }`
method-expected_one_of = expected one of { $list }
method-unknown_question_type = unknown question type `{ $word }`
method-question_types = question types: { $types }
method-unknown_value = unknown value `{ $word }`
method-missing_field = missing field `{ $field }`
agenda-bad_time = `{ $flag } { $value }` is not a time; write it as HH:MM, e.g. 09:30
agenda-day_ends_first = the day ends ({ $end }) before it starts ({ $start })
agenda-bad_date = `--date { $date }` is not a date; write it as YYYY-MM-DD
agenda-too_long = the agenda of `{ $id }` would run for more than { $days } days; shorten its timeboxes
agenda-bad_timezone = { $source }: labkit has no rules for the time zone `{ $zone }`; use one of { $zones }
assign-working = assigning the units of { $file }…
assign-no_seed = no `--seed` given; drew seed { $seed }. Pass `--seed { $seed }` to reproduce this assignment.
assign-delimiter_sole = { $file }: columns separated by { $delimiter } (detected; `--delimiter` sets another)
assign-delimiter_preferred = { $file }: columns separated by { $delimiter }; { $others } would also fit: pass `--delimiter` if the file uses that
assign-delimiter_column = { $file }: columns separated by { $delimiter }, not { $other }: only then is there a column { $name } (from `{ $flag }`)
assign-delimiter_one_column = { $file }: one column (no `,`, `;`, tab or `|` in the header)
assign-delimiter_undetected = could not tell the delimiter: read with `,` the header is one column, { $header }, which contains { $found }; pass `--delimiter { $value }`
assign-not_a_file_too_big = { $file } is not a regular file, so it is read into memory, and it is larger than { $limit } MiB; save it to a file and assign that
eject-no_workspace = there is no workspace here to eject into; run `labkit init` first
eject-no_template = no built-in template `{ $id }`{ $hint }
eject-no_method = no built-in method or playbook `{ $id }`{ $hint }
eject-copied_template = copied the built-in template to { $path }
eject-copied_method = copied the built-in method to { $path }
eject-shadows = this copy now shadows the built-in `{ $id }`; edit it, then `labkit validate`
init-exists = `{ $path }` already exists; this folder is a workspace already
init-bad_lang = `--default-lang { $code }`: labkit speaks `en` and `pt`
init-created = created a labkit workspace in { $path }
init-next = next: `labkit new method my-method`, `labkit run experiment-plan`, `labkit config`
list-reading = reading the workspace's methods…
man-written = wrote { $count } manual pages to { $dir } (labkit.1 and one per command)
man-not_a_folder = `{ $path }` is not a folder
list-unknown_stage = unknown stage `{ $value }`{ $hint }; stages are { $stages }
new-bad_id = `{ $id }` is not a method id; use lowercase letters, digits and single dashes, like `service-safari`
new-exists = `{ $path }` already exists
new-created = created { $path }
new-next = check it with `labkit validate { $path }`; try it with `labkit run { $id }`
new-no_workspace = there is no labkit.yaml here, so labkit finds this method only with `--methods methods` (or run `labkit init`)
portfolio-not_a_folder = `{ $path }` is not a folder of sessions
portfolio-unknown_status = unknown status `{ $status }`; use `in_progress` or `finished`
portfolio-bad_since = `--since { $date }` is not a date; write it as YYYY-MM-DD
portfolio-skipped = skipped { $path }: { $reason }
portfolio-excel_needs_csv = `--excel` shapes CSV for a spreadsheet; add `--format csv`
portfolio-line = line { $line }: { $reason }
report-rendering = rendering { $file }…
report-unknown_format = cannot tell the format of `{ $path }`; name it .md, .html or .docx, or pass --format
report-docx_needs_file = a Word document needs a file: pass `-o report.docx`
report-method_missing = { $session }: `{ $id }`, the method of this session, is not available
run-session_is_folder = `--session { $path }` is a folder; give the session a file name, e.g. `--session { $example }`
run-exists = `{ $path }` already exists; use `labkit resume` to continue it
run-method_changed = the method `{ $id }` changed since this session began; answers to questions that still exist are kept{ $dropped }
run-dropped = , these are dropped: { $ids }
run-playbook_changed = the playbook `{ $id }` changed since this session began; its answers are kept
run-answers_for = answers for `{ $id }`
run-not_in_playbook = `{ $key }` is not a method of the playbook `{ $playbook }`
run-set_form = `--set { $pair }`: write it as ID=VALUE
run-set_playbook_form = `--set { $pair }`: in a playbook write METHOD.QUESTION=VALUE
run-report_extension = `--report { $path }`: name the file .md, .html or .docx
show-did_you_mean = did you mean { $names }?
show-or = {" "}or{" "}
show-list_hint = `labkit list` shows every method
timer-zero = a timer needs a duration above zero
timer-no_terminal = `labkit timer` needs a terminal to show the countdown and read keys
timer-stopped = stopped after { $time }
timer-elapsed = time is up ({ $time })
validate-not_found = `{ $path }` does not exist
settings-unknown_key = unknown key `{ $key }`{ $hint }; keys are { $keys }
settings-bad_lang = { $source }: `{ $code }` is not a language labkit speaks; use `en` or `pt`, or add its messages in `i18n/{ $code }.ftl` (docs/translating.md)
settings-bad_color = { $source }: colour `{ $value }` is not one of auto, always, never
report-docx_error = cannot write the Word document: { $reason }
report-no_template = no template `{ $name }`{ $hint }; templates: { $known }
report-generic_missing = the generic template is missing
report-template_not_a_name = `{ $name }` is not a template name: a file may name only a template of the workspace's templates folder or a built-in one, with no `..` and no absolute path; to use a file of your own, pass `--template PATH`
report-template_outside = `{ $path }` leads outside the templates folder `{ $dir }` (to `{ $target }`); a template there must be a file inside it
report-template_unusable = cannot read the template `{ $path }`: { $reason }
report-template_not_a_file = it is not a regular file
report-template_syntax = { $name }{ $place }: template does not compile: { $reason }
report-template_hint = docs/templates.md lists the variables and helpers a template can use
fsutil-exists = `{ $path }` already exists; pass `--force` to replace it
fsutil-is_input = `{ $path }` is `{ $input }`, which this command reads; write to another file
fsutil-twice = `{ $path }` is named for two outputs; give each its own file
fsutil-not_a_file = `{ $path }` is not a file labkit can write (a folder, a socket or a device)
stats-invalid_parameter = `{ $flag }` { $message }
stats-line = line { $line }: { $message }
stats-io = could not write the output: { $reason }
stats-cluster_needs_icc = `--cluster-size` requires `--icc` (the intra-cluster correlation)
stats-icc_needs_cluster = `--icc` requires `--cluster-size`
cli-whole_number = `{ $value }` is not a whole number of 0 or more
stats-at_least_one = must be at least 1, got 0
stats-icc_range = must be between 0 and 1 (inclusive), got { $value }
stats-attrition_range = must be at least 0 and less than 1, got { $value }
stats-open_unit = must be between 0 and 1 (exclusive), got { $value }
stats-positive = must be greater than 0, got { $value }
stats-power_vs_alpha = `--power` ({ $power }) must be greater than `--alpha` ({ $alpha })
stats-too_large = the required sample size is too large to compute ({ $n } per arm); is the effect too small?
stats-nonzero = must be a non-zero difference, got { $value }
stats-mde_out_of_range = of { $mde } takes the target proportion to { $target }, outside 0 and 1 (exclusive) for `--baseline` { $baseline }
stats-must_differ = `--baseline` and `--target` must differ (both are { $value })
stats-no_mde = no increase over `--baseline` { $baseline } is detectable with `--per-arm` { $per_arm }: even a target of 1 needs { $need } per arm before adjustments
stats-per_arm_too_small = of { $n } is too small to detect any difference at this `--alpha`
stats-duration_too_long = recruiting { $total } at { $per_period } per period would take too long to compute
stats-ratio_part = part { $part } of { $text } is not a positive whole number (expected e.g. `treatment=2,control=1`)
stats-ratio_text_count = { $text } has { $parts ->
        [one] { $parts } part
       *[other] { $parts } parts
    } but there { $arms ->
        [one] is { $arms } arm
       *[other] are { $arms } arms
    }; give one part per arm
stats-ratio_count = has { $parts ->
        [one] { $parts } part
       *[other] { $parts } parts
    } but there { $arms ->
        [one] is { $arms } arm
       *[other] are { $arms } arms
    }; give one part per arm
stats-arms_min = needs at least 2 arms, got { $count }
stats-arms_too_many = lists too many arms
stats-arm_empty = has an empty arm name (arm { $index })
stats-arm_duplicate = lists { $arm } more than once; arm names must be unique
stats-ratio_zero = parts must all be greater than 0
stats-column_missing = column { $name } (from `{ $flag }`) not found; available columns: { $columns }
stats-too_many_values = too many distinct values to assign
stats-not_utf8 = contains bytes that are not valid UTF-8; save the file as UTF-8
stats-csv = could not read the CSV input: { $reason }
stats-empty_input = the input is empty: expected a header row and at least one data row
stats-duplicate_column = the header has a duplicate column name { $name } (columns { $first } and { $second })
stats-arm_column_exists = the input already has a column named { $name }; rename or remove it first
stats-field_count = has { $count ->
        [one] { $count } field
       *[other] { $count } fields
    }, expected { $expected } (as in the header)
stats-empty_id = empty value in the `--id` column { $column }
stats-duplicate_id = duplicate id { $id } in column { $column } (first seen on line { $first })
stats-empty_cluster = empty value in the `--cluster` column { $column }
stats-cluster_strata = cluster { $name } (column { $column }) is in stratum { $here } here but in stratum { $there } on line { $line }; all rows of a cluster must have the same `--stratify` values
stats-too_many_rows = too many rows to assign
stats-row_too_long = the row is longer than { $limit } MiB, the most that is read (is a quote left open?)
stats-too_many_fields = has more than { $limit } fields
stats-memory_limit = assigning this file would take more than { $limit } MiB of memory (1 byte per unit, 8 per row with `--id`, and every distinct value of `--stratify` and `--cluster`); split the file, for example by stratum
stats-input_changed = the file changed while it was being read; run the assignment again
stats-no_data_rows = the input has a header row but no data rows
stats-baseline_needs = with `--baseline`, give `--target` or `--mde`
stats-sd_needs_delta = with `--sd`, give `--delta`, the difference in means to detect
stats-sample_size_inputs = give `--baseline` with `--target` or `--mde` (proportions), or `--sd` with `--delta` (means)
stats-mde_inputs = give `--baseline` (proportions) or `--sd` (means)
stats-duration_inputs = give `--per-day` or `--per-week`
help-about = Innovation methods for public-sector labs: guided workshops and the documents they produce
help-after_help =
    Exit codes: 0 ok · 1 the command ran and found problems (e.g. validate) · 2 bad usage or bad input · 130 cancelled (session saved)

    Examples:
      labkit list --stage ideation
      labkit show test-card --lang pt
      labkit validate methods/
help-arg-lang = Language for method text and messages [env: LABKIT_LANG]
help-arg-color = When to use colour (NO_COLOR is respected)
help-arg-quiet = Print only data and errors
help-arg-no_input = Never ask questions; fail instead of waiting for input
help-arg-methods = Also load methods from this folder or file (repeatable; overrides built-ins and the workspace)
help-list-about = List the methods and playbooks labkit knows
help-list-after_help =
    Examples:
      labkit list
      labkit list --stage experiment --format json
      labkit list --search vote
help-list-arg-stage = Only methods of this stage
help-list-arg-tag = Only methods with this tag
help-list-arg-search = Only methods whose id, name, summary or tags contain this text
help-show-about = Show a method's card: purpose, timings, steps, questions, sources
help-show-after_help =
    Examples:
      labkit show test-card
      labkit show brainstorm --lang pt
      labkit show problem-framing --format yaml
help-show-arg-id = Method or playbook id
help-show-arg-all = Every method and playbook, one card after another (a catalogue to print)
help-validate-about = Check method and playbook files; exits 1 when any has problems
help-validate-after_help =
    Examples:
      labkit validate                 # the workspace and the built-ins
      labkit validate methods/my-method.yaml
      labkit validate methods/ --format json
help-validate-arg-paths = Files or folders to check (default: the workspace and the built-ins)
help-run-about = Run a method as a guided session, saving every answer as it is given
help-run-after_help =
    Examples:
      labkit run test-card
      labkit run brainstorm --facilitator Ana --participants Rui,Eva
      labkit run test-card --answers answers.yaml --no-input
      labkit run test-card --set test_name="Letter test" --defaults
help-run-arg-method = Method id, or the path of a method file
help-run-arg-answers = Answers to use (YAML or JSON; a session file works too)
help-run-arg-set = Give one answer on the command line (repeatable)
help-run-arg-defaults = Take each question's default where no answer was given
help-run-arg-session = Where to save the session (default: sessions/DATE-METHOD.yaml)
help-run-arg-lab = The lab running the session (default: `lab` in labkit.yaml)
help-run-arg-facilitator = Who facilitates (default: `facilitator` in labkit.yaml; asked when not set)
help-run-arg-participants = Participants, comma-separated
help-run-arg-no_timer = Do not offer timebox countdowns
help-run-arg-report = Render a report at the end (format from the extension: .md, .html, .docx)
help-run-arg-template = Report template name or path (with --report)
help-run-arg-force = Replace an existing report file (with --report)
help-run-arg-room = Open the room: participants answer the method's room questions from their phones (a small web server; its address and a QR code are shown)
help-run-arg-room_bind = The address the room listens on (default: this computer's network address; 127.0.0.1 for this computer only)
help-run-arg-room_port = The room's port (default: 7878, or a free one when 7878 is taken; 0 picks a free one)
help-resume-about = Continue a saved session at its first unanswered question
help-resume-after_help =
    Example:
      labkit resume sessions/2026-11-26-test-card.yaml
help-resume-arg-session = The session file
help-resume-arg-no_timer = Do not offer timebox countdowns
help-resume-arg-report = Render a report at the end (format from the extension: .md, .html, .docx); replaces the report the session was started with
help-resume-arg-template = Report template name or path (saved with the session)
help-resume-arg-force = Replace an existing report file
help-resume-arg-room = Open the room: participants answer the method's room questions from their phones (a small web server; its address and a QR code are shown)
help-resume-arg-room_bind = The address the room listens on (default: this computer's network address; 127.0.0.1 for this computer only)
help-resume-arg-room_port = The room's port (default: 7878, or a free one when 7878 is taken; 0 picks a free one)
help-report-about = Render a session as a document: Markdown, printable HTML or Word
help-report-after_help =
    Examples:
      labkit report sessions/2026-11-26-test-card.yaml            # Markdown to stdout
      labkit report sessions/2026-11-26-test-card.yaml -o plan.html
      labkit report SESSION -o record.docx --template generic --force
help-report-arg-session = The session file (finished, or in progress: then the report is marked as a draft)
help-report-arg-output = Write the report here (default: Markdown to stdout)
help-report-arg-format = md, html or docx (default: from the output file's extension, else md)
help-report-arg-template = A template name (workspace or built-in, e.g. `generic`) or a path to a .md.hbs file
help-report-arg-force = Replace an existing output file
help-agenda-about = The clock-time agenda of a method or playbook, as a table, Markdown or a calendar file
help-agenda-after_help =
    Examples:
      labkit agenda experiment-plan --start 09:30
      labkit agenda design-sprint --date 2027-03-01 --format ics > sprint.ics
      labkit agenda brainstorm --start 14:00 --format md
help-agenda-arg-id = Method or playbook id
help-agenda-arg-start = Start time, HH:MM
help-agenda-arg-day_end = End of the working day, HH:MM (a longer workshop continues the next day)
help-agenda-arg-date = First day, YYYY-MM-DD (default: today)
help-agenda-arg-tz = Time zone of the calendar file (default: the `timezone` setting, else Europe/Lisbon)
help-timer-about = A facilitator's countdown: space pauses, + adds a minute, q or Enter ends
help-timer-after_help =
    Examples:
      labkit timer 10m "Silent writing"
      labkit timer 1h30m
help-timer-arg-duration = How long: 90s, 10m, 1h30m
help-timer-arg-label = What the time is for
help-suggest-about = Methods that fit the time and the group, best first, with what comes before and after
help-suggest-after_help =
    Examples:
      labkit suggest --stage ideation --minutes 45 --people 12
      labkit suggest --minutes 30
help-suggest-arg-stage = Only methods of this stage
help-suggest-arg-minutes = Minutes available
help-suggest-arg-people = People in the group
help-portfolio-about = Every session of the lab in one table (or CSV, JSON, an HTML dashboard)
help-portfolio-after_help =
    Examples:
      labkit portfolio
      labkit portfolio sessions/ --status in_progress
      labkit portfolio --stage experiment --since 2027-01-01 --format csv > portfolio.csv
      labkit portfolio --format csv --excel > portfolio.csv
      labkit portfolio --format html > dashboard.html
help-portfolio-arg-dir = Folder of session files (default: the workspace's sessions folder, else ./sessions)
help-portfolio-arg-status = Only sessions with this status
help-portfolio-arg-stage = Only sessions of methods of this stage
help-portfolio-arg-since = Only sessions started on or after this date (YYYY-MM-DD)
help-portfolio-arg-excel = With --format csv: for a spreadsheet in your language (UTF-8 BOM, CRLF, ';' in Portuguese)
help-calc-about = Experiment design: sample size and power, minimum detectable effect, trial duration
help-calc-sample--size-about = People needed per arm for a test of proportions or means (two-sided or one-sided)
help-calc-sample--size-after_help =
    Examples:
      labkit calc sample-size --baseline 0.5 --target 0.75 --power 0.9
      labkit calc sample-size --baseline 0.30 --mde 0.05 --cluster-size 20 --icc 0.05
      labkit calc sample-size --sd 10 --delta 3 --attrition 0.1 --format json
help-calc-sample--size-arg-baseline = Proportions: the outcome rate without the change (0–1)
help-calc-sample--size-arg-target = Proportions: the outcome rate hoped for with the change (0–1)
help-calc-sample--size-arg-mde = Proportions: the difference to detect, in absolute terms (0.05 = 5 points)
help-calc-sample--size-arg-sd = Means: the outcome's standard deviation
help-calc-sample--size-arg-delta = Means: the difference in means to detect
help-calc-sample--size-arg-alpha = Significance level α (split between both tails when two-sided)
help-calc-sample--size-arg-power = Power: the chance of detecting the effect if it is real
help-calc-sample--size-arg-ratio = Allocation ratio: treatment per control (2), or named (treatment=2,control=1)
help-calc-sample--size-arg-cluster_size = People per cluster, for cluster randomisation (with --icc)
help-calc-sample--size-arg-icc = Intra-cluster correlation (with --cluster-size)
help-calc-sample--size-arg-attrition = Expected drop-out, as a fraction (0.1 = 10%)
help-calc-mde-about = The smallest effect a trial of a given size can detect
help-calc-mde-after_help =
    Examples:
      labkit calc mde --per-arm 400 --baseline 0.3
      labkit calc mde --per-arm 100 --sd 12
help-calc-mde-arg-per_arm = People in the first arm
help-calc-mde-arg-baseline = Proportions: the outcome rate without the change (0–1)
help-calc-mde-arg-sd = Means: the outcome's standard deviation
help-calc-mde-arg-alpha = Significance level α (split between both tails when two-sided)
help-calc-mde-arg-power = Power: the chance of detecting the effect if it is real
help-calc-mde-arg-ratio = Allocation ratio: treatment per control (2), or named (treatment=2,control=1)
help-calc-mde-arg-cluster_size = People per cluster, for cluster randomisation (with --icc)
help-calc-mde-arg-icc = Intra-cluster correlation (with --cluster-size)
help-calc-mde-arg-attrition = Expected drop-out, as a fraction (0.1 = 10%)
help-calc-duration-about = How long recruitment takes for a total sample
help-calc-duration-after_help =
    Examples:
      labkit calc duration --total 1200 --per-week 150
      labkit calc duration --total 300 --per-day 12
help-calc-duration-arg-total = Total people needed (all arms)
help-calc-duration-arg-per_day = Eligible people per day
help-calc-duration-arg-per_week = Eligible people per week
help-assign-about = Randomly assign the units of a CSV file to trial arms, reproducibly and balanced
help-assign-after_help =
    Examples:
      labkit assign people.csv --arms control,treatment --seed 42 -o assigned.csv --log audit.yaml
      labkit assign schools.csv --ratio a=2,b=1,c=1 --stratify region --cluster school --log audit.yaml
      labkit assign week1.csv --ratio sms=2,letter=1 --block-size 6 --stratify office -o trial.csv --log trial.yaml
      labkit assign week2.csv --append trial.csv --log trial.yaml
help-assign-arg-units = CSV file with a header row, one unit (or one member of a cluster) per row
help-assign-arg-arms = Arm names, comma-separated (may be left out when --ratio names them, or with --append)
help-assign-arg-ratio = Allocation ratio naming each arm, e.g. treatment=2,control=1 (equal parts may stay 1:1)
help-assign-arg-stratify = Randomise within the strata of this column (repeatable)
help-assign-arg-cluster = Randomise whole clusters identified by this column
help-assign-arg-id = Column of unit ids, checked for duplicates
help-assign-arg-delimiter = Field delimiter, `,` `;` `tab` or `|` (default: detected from the header and first rows)
help-assign-arg-seed = Seed for the random generator; without it one is drawn and printed
help-assign-arg-output = Write the assigned CSV here instead of stdout
help-assign-arg-log = Write an audit record (YAML): seed, arms, strata, counts, input and output hashes, version, time (with --append: the log to check and continue)
help-assign-arg-force = Replace existing output files
help-init-about = Create a lab workspace: labkit.yaml, methods/, templates/, sessions/ and a README
help-init-after_help =
    Examples:
      labkit init
      labkit init our-lab --lab "LabX" --lang pt --facilitator "Ana Sousa"
help-init-arg-dir = Folder for the workspace (default: the current folder)
help-init-arg-lab = The lab's name, shown on reports
help-init-arg-default_lang = Default language of the workspace
help-init-arg-facilitator = Default facilitator for new sessions
help-config-about = Show each setting, its value and where it came from
help-config-after_help =
    Examples:
      labkit config
      labkit config --format json
help-new-about = Start a new method file (commented, it validates and runs as it is) or a new language file
help-new-method-about = A new method file in the workspace's methods/ folder
help-new-method-after_help =
    Example:
      labkit new method service-safari && labkit run service-safari
help-new-method-arg-id = The method's id: lowercase letters, digits and dashes (also the file name)
help-eject-about = Copy a built-in method (or its report template) into the workspace to customise it
help-eject-after_help =
    Examples:
      labkit eject test-card                 # methods/test-card.yaml
      labkit eject test-card --template      # templates/test-card.md.hbs
      labkit eject experiment-plan           # methods/playbooks/experiment-plan.yaml
help-eject-arg-id = A built-in method or playbook id
help-eject-arg-template = Copy its report template instead (templates/<id>.md.hbs)
help-eject-arg-force = Replace a file already in the workspace
help-completions-about = Print shell completions (bash, zsh, fish, powershell, elvish)
help-completions-after_help =
    Examples:
      labkit completions bash > ~/.local/share/bash-completion/completions/labkit
      labkit completions fish > ~/.config/fish/completions/labkit.fish
      labkit completions zsh > "${"{"}fpath[1]{"}"}/_labkit"
help-man-about = Print the manual page (roff), or write one page per command into a folder
help-man-after_help =
    Examples:
      labkit man > labkit.1 && man ./labkit.1
      labkit man ~/.local/share/man/man1 && man labkit-run
help-man-arg-dir = Write labkit.1 and a page for each command (labkit-run.1, labkit-calc-mde.1, …) into this folder, replacing earlier ones
help-ids-about = Method and playbook ids, one per line, for shell completion
help-schema-about = Print the JSON Schema of method files, for editors
help-schema-after_help =
    Example:
      labkit schema > method.schema.json
help-builtin-usage = Usage
help-builtin-commands = Commands
help-builtin-arguments = Arguments
help-builtin-options = Options
help-builtin-help = Print help
help-builtin-help_more = Print help (see more with '--help')
help-builtin-help_summary = Print help (see a summary with '-h')
help-builtin-version = Print version
help-builtin-help_command = Print this message or the help of the given subcommand(s)
help-show-arg-format-value-md = Markdown, for a printable catalogue

## The room: refusals participants see when what they sent is not taken.

room-refuse-empty = Write something first.
room-refuse-too_long = That is too long: at most { $max } characters.
room-refuse-no_entry = There is no entry { $n }.
room-refuse-closed = This question is closed.
room-refuse-full = No more room for answers to this question.
room-refuse-not_yours = You can only change your own entries.
room-refuse-wrong_kind = This question does not take that kind of answer.
room-refuse-bad_ballot = That answer does not fit this question; reload the page.
room-refuse-budget = You have { $dots ->
        [one] { $dots } dot
       *[other] { $dots } dots
    } and placed { $placed }.
room-refuse-score_range = Scores go from { $min } to { $max }.
room-refuse-rank_all = Put every item in order, each once.
room-refuse-how_many = Pick between { $min } and { $max }.
room-step = Step { $n } of { $total }
room-waiting_title = Waiting for the next question
room-waiting_body = This page changes by itself when the facilitator opens the next question.
room-waiting_noscript = Reload the page now and then to see it.
room-closed = This question is closed.
room-left = { $time } left
room-about_left = About { $n } min left
room-time_up = Time is up
room-add_label = Your entry
room-add = Add
room-yours = Your entries ({ $n })
room-none_yet = You have not added anything yet. Only you see your entries here.
room-entry_n = Your entry { $n }
room-save_n = Save entry { $n }
room-withdraw_n = Withdraw entry { $n }
room-set_aside = set aside by the facilitator
room-dots_legend = Place your dots: you have { $n }
room-dots_left = Dots left: { $n }
room-send_dots = Send my dots
room-not_scored = not scored
room-send_scores = Send my scores
room-rank_legend = Give each item a place (1 is the best)
room-send_ranking = Send my ranking
room-choose_one = Choose one
room-choose_any = Choose any that apply
room-choose_between = Choose { $min } to { $max }
room-choose_at_least = Choose at least { $min }
room-choose_at_most = Choose up to { $max }
room-answer_label = Your answer
room-send = Send
room-answered = Your answer is in. You can change it until the question closes.
room-recorded = Your answer was recorded.
room-you = About you
room-name_label = Your name or a pseudonym (optional)
room-name_help = Shown with your entries only when the facilitator puts the results on screen. Leave it empty to stay anonymous.
room-save_name = Save name
room-stored = What you send (your entries and answers, and a name if you give one) is stored only in the facilitator's session file { $file } on their computer; nothing is sent anywhere else. This device keeps a random id, and your name, in two cookies for this room.
room-continue = Open the room
room-results = Results
room-results_hidden = The results appear here when the facilitator shows them.
room-nothing_yet = Nothing yet.
room-col_item = Item
room-col_dots = Dots
room-col_devices = Devices
room-col_answer = Answer
room-points =
    { $n ->
        [one] { $n } point
       *[other] { $n } points
    }
room-devices =
    { $n ->
        [one] { $n } device took part
       *[other] { $n } devices took part
    }
room-done-add = Added.
room-done-edit = Changed.
room-done-withdraw = Withdrawn.
room-done-ballot = Sent. You can change it until the question closes.
room-done-name = Name saved. It goes with what you send from now on.
room-err-nothing_open = No question is open right now.
room-err-closed = This question is closed.
room-err-changed = The question has changed; the page now shows the current one.
room-err-token = This page was out of date and has been reloaded. Please send again.
room-err-empty = Write something first.
room-err-too_long = That is too long: at most { $max } characters.
room-err-name_too_long = That name is too long: at most { $max } characters.
room-err-shape = That answer does not fit this question.
room-err-not_yours = That is not one of your entries.
room-err-budget = That is more than your { $n ->
        [one] { $n } dot
       *[other] { $n } dots
    }.
room-err-rank = Give every item a different place, from 1 up.
room-err-choice = Choose one of the options shown.
room-err-nothing_chosen = Choose something first.
room-err-too_large = That is too much to send at once.
room-err-busy = The facilitator's computer did not answer in time; please try again.
room-err-failed = Could not reach the facilitator's computer. Check the Wi-Fi and try again.
stats-ratio_needs_names = { $text } names no arms; write e.g. `--ratio treatment=2,control=1`, or give `--arms` too
stats-ratio_positional = { $text } would be read in the order of `--arms`, which is easy to get backwards; name the arms instead: `--ratio { $named }` (only equal parts such as 1:1 may stay unnamed)
stats-ratio_named_part = part { $part } of { $text } is not ARM=WEIGHT (e.g. `--ratio treatment=2,control=1`)
stats-ratio_named_twice = names arm { $arm } twice
stats-ratio_unknown_arm = names arm { $arm }, which is not one of `--arms` ({ $arms })
stats-ratio_arm_missing = gives no weight for arm { $arm }; name every arm of `--arms`
stats-block_size = must be a positive multiple of the ratio's sum ({ $sum }), at most { $max }; got { $size }
stats-prior_no_arm = the last column is not { $name }: `--append` takes a CSV that `labkit assign` wrote
stats-prior_unknown_arm = arm { $arm } is not one of the assignment's arms ({ $arms })
stats-append_cluster = cannot add units to a cluster-randomised assignment; assign the whole file again with a new seed, or the new clusters as a trial of their own
stats-append_header = the columns ({ $these }) are not the earlier assignment's ({ $earlier }); new units need the same columns in the same order
stats-append_id = id { $id } in column { $column } is already in the earlier assignment
assign-append_needs_log = `--append` needs `--log`: the earlier assignment's log, which is checked and continued
assign-log_unreadable = { $file }: not an assignment log that `--append` can continue: { $reason }
assign-log_altered = { $file }: entry { $entry } has been changed since it was written (its `sha256` does not match its contents); refusing to continue it
assign-log_chain = { $file }: entry { $entry } does not follow entry { $previous } (its `previous_sha256` differs); refusing to continue it
assign-output_altered = { $file } has changed since it was assigned (SHA-256 { $actual }; the log { $log } says { $expected }); refusing to add to it
assign-append_flag = `{ $flag }` differs from the earlier assignment's ({ $logged }); leave it out with `--append`, it is taken from the log
assign-appended = { $file }: { $rows ->
        [one] { $rows } row added
       *[other] { $rows } rows added
    } (batch { $batch }) after the { $earlier } assigned before, which { $earlier ->
        [one] is
       *[other] are
    } unchanged; rows per arm in all: { $totals }
help-assign-arg-block_size = Permuted blocks of N units within each stratum, for rolling enrolment (a multiple of the ratio's sum)
help-assign-arg-append = Add the units to this earlier assignment (its output CSV), keeping its arms; needs --log
stats-wrong_direction = the difference ({ $difference }, treatment minus control) points away from `--alternative { $alternative }`; give the difference the test looks for, or `--alternative two-sided`
stats-no_mde_decrease = no decrease below `--baseline` { $baseline } is detectable with `--per-arm` { $per_arm }: even a target of 0 needs { $need } per arm before adjustments
cli-calc_ratio = `{ $value }` is not a ratio: give a number (treatment per control, e.g. 2) or name both arms (treatment=2,control=1)
stats-power_inputs = give `--baseline` and `--target` (proportions) or `--sd` and `--delta` (means)
stats-power_sample = give `--per-arm` or `--total`
stats-points_range = must be between 2 and 10000, got { $value }
help-calc-sample--size-arg-alternative = The difference the test looks for: either way, or treatment greater or less than control
help-calc-mde-arg-alternative = The difference the test looks for: either way, or treatment greater or less than control
help-calc-power-about = The power of a trial of a given size: the chance it detects the effect if it is real
help-calc-power-after_help =
    Examples:
      labkit calc power --baseline 0.3 --target 0.35 --per-arm 1000
      labkit calc power --sd 10 --delta 3 --total 300 --ratio treatment=2,control=1
      labkit calc power --baseline 0.3 --target 0.35 --per-arm 1000 --curve -o curve.svg
help-calc-power-arg-per_arm = People in the control arm (the treatment arm gets --ratio times as many)
help-calc-power-arg-total = People in both arms together, split by --ratio
help-calc-power-arg-baseline = Proportions: the outcome rate without the change (0–1)
help-calc-power-arg-target = Proportions: the outcome rate hoped for with the change (0–1)
help-calc-power-arg-sd = Means: the outcome's standard deviation
help-calc-power-arg-delta = Means: the difference in means (treatment minus control)
help-calc-power-arg-alpha = Significance level α (split between both tails when two-sided)
help-calc-power-arg-ratio = Allocation ratio: treatment per control (2), or named (treatment=2,control=1)
help-calc-power-arg-alternative = The difference the test looks for: either way, or treatment greater or less than control
help-calc-power-arg-cluster_size = People per cluster, for cluster randomisation (with --icc)
help-calc-power-arg-icc = Intra-cluster correlation (with --cluster-size)
help-calc-power-arg-attrition = Expected drop-out, as a fraction (0.1 = 10%)
help-calc-power-arg-curve = Also show power across a range of sample sizes (n, the default) or of effects
help-calc-power-arg-points = Points on the curve
help-calc-power-arg-output = Write the curve as an SVG chart to this file
help-calc-power-arg-force = Replace an existing output file
stats-cv_needs_cluster = `--cluster-cv` requires `--cluster-size` and `--icc`
stats-not_negative = must be 0 or more, got { $value }
stats-arms_range = must be between 2 and 100, got { $value }
stats-few_clusters = only { $clusters ->
        [one] { $clusters } cluster
       *[other] { $clusters } clusters
    } per arm (fewer than { $few }): the power rests on few independent units and on the ICC being right; add clusters if you can, and analyse at the cluster level
stats-continuity_proportions = `--continuity` is for proportions (`--baseline`), not means
help-calc-sample--size-arg-continuity = Proportions: Fleiss's continuity correction (for a chi-square test with Yates's correction or Fisher's exact test)
help-calc-sample--size-arg-cluster_cv = Clusters of unequal size: the coefficient of variation of cluster size (with --cluster-size, the mean size)
help-calc-sample--size-arg-arms = Arms in all, the control included; each comparison with the control gets α/(arms − 1) (Bonferroni)
help-calc-mde-arg-continuity = Proportions: Fleiss's continuity correction (for a chi-square test with Yates's correction or Fisher's exact test)
help-calc-mde-arg-cluster_cv = Clusters of unequal size: the coefficient of variation of cluster size (with --cluster-size, the mean size)
help-calc-mde-arg-arms = Arms in all, the control included; each comparison with the control gets α/(arms − 1) (Bonferroni)
help-calc-power-arg-continuity = Proportions: Fleiss's continuity correction (for a chi-square test with Yates's correction or Fisher's exact test)
help-calc-power-arg-cluster_cv = Clusters of unequal size: the coefficient of variation of cluster size (with --cluster-size, the mean size)
help-calc-power-arg-arms = Arms in all, the control included; each comparison with the control gets α/(arms − 1) (Bonferroni)
help-analyse-about = Read out a trial: outcome by arm, the effect with its interval, balance, and the verdict
help-analyse-after_help =
    Examples:
      labkit analyse assigned.csv --outcome renewed --control control
      labkit analyse assigned.csv --outcome renewed --id case --outcomes results.csv --plan sessions/trial.yaml -o readout.html
      labkit analyse pupils.csv --outcome score --cluster school --covariates age,prior --format json
help-analyse-arg-data = The CSV of units with their arm (what `labkit assign` wrote, or any CSV with an arm column)
help-analyse-arg-outcome = The outcome column (0/1, true/false, yes/no: a proportion; numbers: a mean); with --plan, defaults to the plan's primary outcome
help-analyse-arg-arm_column = The column holding each unit's arm
help-analyse-arg-control = The control arm; the others are compared with it
help-analyse-arg-id = The column of unit ids: repeats are listed, and --outcomes is joined on it
help-analyse-arg-outcomes = A second CSV with the outcome, joined to the data on the --id column
help-analyse-arg-cluster = Analyse at the level of this column's clusters (cluster means compared with Welch's test)
help-analyse-arg-covariates = Baseline columns for the balance table (standardised mean differences)
help-analyse-arg-plan = The trial-design session: primary outcome, minimum effect, alpha and decision rule
help-analyse-arg-alpha = Significance level for the intervals and the verdict [default: the plan's, else 0.05]
help-analyse-arg-format = Output format on stdout
help-analyse-arg-output = Write the readout to a file: .md, .html or .docx
help-analyse-arg-force = Replace an existing output file
analyse-unknown_format = cannot tell the format of `{ $path }`; name it .md, .html or .docx
analyse-bad_alpha = `--alpha` must be between 0 and 1, not { $value }
analyse-bad_value = { $value } in column { $column } is not a number, 0/1, true/false or yes/no
analyse-chart_difference = Difference (treatment − control)
analyse-chart_points = Difference, percentage points
analyse-chart_planned = planned minimum
analyse-chart_title = Effect on { $outcome } with its { $level }% confidence interval
analyse-cluster_note = analysed at the cluster level: each cluster's mean is one value, and the arms' cluster means are compared with Welch's t test
analyse-cluster_two_arms = cluster { $cluster } is in arm { $arm } here and in arm { $other } on an earlier row; a cluster belongs to one arm
analyse-col-analysed = Analysed
analyse-col-arm = Arm
analyse-col-assigned = Assigned
analyse-col-ci = { $level }% CI
analyse-col-cluster_mean = Mean of cluster means
analyse-col-clusters = Clusters
analyse-col-comparison = Comparison
analyse-col-covariate = Covariate
analyse-col-file = File
analyse-col-line = Line
analyse-col-mean = Mean
analyse-col-proportion = Proportion
analyse-col-reason = Reason
analyse-col-smd = SMD
analyse-decision_rule = The plan's decision rule:
analyse-delimiter_undetected = cannot tell the delimiter from the header { $header }
analyse-effect_line = { $arm } − { $control }: { $difference } { $unit }({ $level }% CI { $low } to { $high }), p { $p }
analyse-fact-data = Data
analyse-fact-outcomes = Outcomes
analyse-fact-plan = Plan
analyse-first_at = repeats line { $line }
analyse-footer = Made with labkit analyse on { $date }.
analyse-h-arms = Outcome by arm
analyse-h-balance = Balance at baseline
analyse-h-method = Method
analyse-h-not_analysed = Rows not analysed
analyse-h-result = Result
analyse-higher = higher
analyse-kicker = Trial readout
analyse-lower = lower
analyse-method-cluster = Analysed at the cluster level: each cluster's mean outcome counts as one value, and the arms' cluster means are compared with Welch's t interval and test (unequal variances). The arms' means shown are means of cluster means.
analyse-method-mean = Difference of means with Welch's t interval and test (unequal variances, as R's t.test(var.equal = FALSE)).
analyse-method-proportion = Difference of proportions with Newcombe's hybrid score interval (Newcombe 1998, method 10); the p-value is the chi-square test without continuity correction (as R's prop.test(correct = FALSE)); the risk ratio has Katz's log interval.
analyse-mixed_kinds = column { $column } mixes numbers such as { $value } with words such as { $word } (line { $line }); a proportion is 0/1, true/false or yes/no, a mean is numbers
analyse-more_rows = … and { $n } more (all, up to 1,000, in --format json)
analyse-no_control = no control arm{ $control } among the arms { $arms }: name it with `--control`
analyse-no_effect = No effect could be computed: an arm has too few analysed units.
analyse-no_outcome = name the outcome column with `--outcome` (or give a `--plan` whose primary outcome is a column)
analyse-no_units = no row has an arm in column { $column }
analyse-not_a_plan = { $file } is a session of `{ $method }`, not a trial design: it has no primary outcome or baseline rate
analyse-not_analysed_note =
    { $n ->
        [one] { $n } row not analysed:
       *[other] { $n } rows not analysed:
    }
analyse-points = points{" "}
analyse-ragged = this row has { $found ->
        [one] { $found } field
       *[other] { $found } fields
    }, the header { $expected }
analyse-ratio_line = ; risk ratio { $ratio } ({ $low } to { $high })
analyse-reason-duplicate_id = repeated id
analyse-reason-duplicate_outcome_id = repeated id in the outcomes file
analyse-reason-missing_outcome = no outcome
analyse-reason-no_arm = no arm
analyse-reason-no_outcome_row = no row in the outcomes file
analyse-reason-unknown_arm = arm not in the plan
analyse-reason-unknown_id = id not in the data
analyse-sentence = { $outcome }: { $size } { $unit }{ $direction } in { $arm } than in { $control } ({ $level }% CI { $low } to { $high })
analyse-sentence_no_minimum = ; the plan gives no minimum effect to judge it against
analyse-sentence_plan = ; the plan said at least { $size } { $unit }{ $direction }: { $verdict }
analyse-smd_note = SMD: standardised mean difference, treatment minus control over the pooled standard deviation; beyond ±0.1 is commonly read as an imbalance.
analyse-subtitle = Outcome by arm, the effect with its interval, and every row not analysed.
analyse-title = Readout: { $outcome }
analyse-too_many_arms = column { $column } has more than { $n } different values: is it the arm column? (`--arm-column`)
analyse-too_many_levels = covariate { $column } has more than { $n } different values: left out of the balance table
analyse-verdict-inconclusive = inconclusive — the interval holds both no effect and the planned effect
analyse-verdict-not_supported = not supported — the interval rules out an effect of the planned size
analyse-verdict-opposite = contradicted — the effect went the other way
analyse-verdict-smaller = not supported — a real effect, but smaller than planned
analyse-verdict-supported = supported
analyse-written = readout written to { $path }
analyse-answers_arm = { $arm }: { $assigned } assigned, { $analysed } analysed
analyse-answers_left_out = Rows left out (listed in the readout): { $n }
analyse-too_many_ids = more than 4,294,967,295 different ids or clusters
helpers-bad_ratio = cannot read the allocation ratio `{ $value }`: write treatment:control, e.g. 1:1 or 2:1
helpers-trial_inputs = the sample size needs a baseline and a target rate, or a standard deviation and a minimum difference
analyse-sentence_greater = ; one-sided test, as planned, for a rise
analyse-sentence_less = ; one-sided test, as planned, for a fall
analyse-sentence_bonferroni = ; Bonferroni-corrected for { $n } comparisons with the control
analyse-note_greater = One-sided test for a rise in the treatment arm: p-values are one-sided, and the lower bound of the { $level }% interval is the one-sided { $one }% bound.
analyse-note_less = One-sided test for a fall in the treatment arm: p-values are one-sided, and the upper bound of the { $level }% interval is the one-sided { $one }% bound.
analyse-note_bonferroni = { $n } arms compared with { $control }: Bonferroni correction, each comparison at α = { $alpha } ({ $level }% intervals) and each p-value multiplied by { $n } (at most 1).
help-analyse-arg-alternative = The test: two-sided, or one-sided for a rise (greater) or a fall (less) in the treatment arm [default: the plan's test_sides, else two-sided]
analyse-plan_sides_contradict = { $file }: the test is one-sided `{ $sides }` ({ $source }) but the plan's effect ({ $field }: { $effect }) is a { $direction }; a one-sided test only finds a change in the direction it names. Correct test_sides or the planned effect in the plan, or pass --alternative two-sided
analyse-direction_rise = rise
analyse-direction_fall = fall

## agendacode (session 5): agendas on real dates, `list` of playbooks and sources, `show`

## conditions in words.

help-agenda-arg-skip_weekends = Skip Saturdays and Sundays (the default)
help-agenda-arg-include_weekends = Hold days on Saturdays and Sundays too
help-agenda-arg-holiday = A day off, YYYY-MM-DD: no workshop day falls on it (repeatable)
help-agenda-arg-holidays = A file of days off, one YYYY-MM-DD a line (a name may follow; # starts a comment)
help-list-arg-long = Add a column of each method's credited sources
agenda-moved = { $date } is not a working day: the agenda starts on { $first }
agenda-bad_holiday = `--holiday { $date }` is not a date; write it as YYYY-MM-DD
agenda-bad_holiday_line = `{ $value }` is not a date; write one date a line as YYYY-MM-DD (a name may follow)
agenda-total_dates = Total { $total } over { $days } days; the last is { $date }, until { $end }
list-playbook = playbook
list-days = { $total }, { $days } days
col-sources = Sources
show-only_when = only when { $cond }
cond-eq = { $q } is { $v }
cond-ne = { $q } is not { $v }
cond-gt = { $q } is more than { $v }
cond-lt = { $q } is less than { $v }
cond-gte = { $q } is at least { $v }
cond-lte = { $q } is at most { $v }
cond-yes = { $q } is yes
cond-no = { $q } is no
cond-answered = { $q } has an answer
cond-unanswered = { $q } has no answer
cond-and = and
cond-or = or
qtype-text = text
qtype-longtext = longtext
qtype-number = number
qtype-confirm = confirm
qtype-select = select
qtype-multiselect = multiselect
qtype-scale = scale
qtype-date = date
qtype-list = list
qtype-records = records
qtype-vote = vote
qtype-score = score
qtype-rank = rank
qtype-computed = computed
validate-tables_no_guide = `tables: true` needs a `guide` saying how the room splits into tables, what each table does and how the results come back together
validate-group_fit = `{ $method }` is sized for { $size } people but the playbook is for { $room }: widen the playbook's group, choose another method, or run this block in tables (`tables: true` with a `guide`)
validate-group_fit_hint = with `tables: true`, { $room } people need { $tables } tables; say so in the block's `guide`
validate-table_size = `{ $method }` ({ $size } people) is not a sensible table size for a playbook of { $room }: a table needs a bounded size of at least two, the smallest group must form one table, and the largest must split into tables that each keep the method's minimum
run-block_tables = In tables: for { $people } people, at least { $tables } tables of up to { $max }; results come back in plenary.
show-in_tables = in parallel tables, results brought back in plenary
origin-library = library
origin-library_named = library { $name }
origin-library_commit = library { $name }, commit { $commit }
library-lock_version = { $file }: lock file version { $version } is not one this labkit reads (it reads version 1)
library-not_locked = method library `{ $name }` is not pinned in { $lock }, so its methods are left out; fetch and pin it with `labkit library fetch`
library-no_cache = method library `{ $name }` needs a cache folder and labkit has none: set LABKIT_CACHE_DIR (or HOME)
library-not_fetched = method library `{ $name }` is not fetched on this computer, so its methods are left out; fetch the commit labkit.lock pins with `labkit library fetch`
library-lock_stale = method library `{ $name }`: { $file } asks for another repository or rev than { $lock } pins; the pinned commit is used until you run `labkit library update { $name }`
library-no_git = cannot run git ({ $program }): labkit fetches method libraries with the `git` program; install git (https://git-scm.com) or point LABKIT_GIT at it
library-git_failed = git { $command } failed: { $said }
library-bad_url = `{ $url }` is not a repository address
library-bad_rev = `{ $rev }` is not a tag, branch or commit
library-no_rev = the repository has no tag, branch or commit `{ $rev }`
library-refused_path = refused: the path leaves the library
library-refused_link = refused: a symbolic link (a library's files must be in it, links are not followed)
library-refused_submodule = refused: a submodule (libraries are fetched without submodules)
library-too_big = the library is larger than labkit takes: at most { $files } files and { $mb } MB under methods/ and templates/
library-bad_name = { $file }: library name `{ $name }` must be lowercase letters, digits and dashes (it prefixes method ids: `{ $name }/test-card`); give one with `name:`
library-duplicate_name = { $file }: two libraries are named `{ $name }`; give one another name with `name:`
library-no_workspace = no labkit.yaml here or above, and no user config: run `labkit init` first, or list the library under `libraries:` in your config.yaml
library-skipped = skipped { $file }: it has problems
library-exists = a library named `{ $name }` is already listed; `labkit library update { $name }` moves its pin, or give this one another name with --name
library-added = added library `{ $name }` at commit { $commit }: { $methods } methods and playbooks; listed in { $file }, pinned in { $lock }
library-none = no method libraries: add one with `labkit library add URL`
library-unknown = no library named `{ $name }` (libraries: { $names })
library-up_to_date = { $name }: up to date at { $commit } ({ $methods } methods and playbooks)
library-moved = { $name }: pin moved from { $old } to { $commit } ({ $methods } methods and playbooks)
library-pinned = { $name }: pinned at { $commit } ({ $methods } methods and playbooks)
library-in_cache = { $name }: { $commit } is already fetched
library-commit_gone = library `{ $name }`: commit { $commit } that labkit.lock pins is not in { $url } any more; `labkit library update { $name }` pins what the repository has now
library-hash_differs = library `{ $name }`: the files of the pinned commit do not match the SHA-256 in { $lock }; nothing was used. Check the repository, then `labkit library update { $name }`
library-fetched = { $name }: fetched { $commit } ({ $methods } methods and playbooks)
library-col-name = Name
library-col-source = Source
library-col-commit = Pinned commit
library-col-methods = Methods
library-col-updated = Last update
library-not_fetched_short = not fetched
library-not_locked_short = not pinned
library-removed = removed library `{ $name }` from { $file } and its lock (the cache keeps its files until you delete them)
library-edit_by_hand = { $file }:{ $line }: `libraries:` is not written as a list of lines starting with `-`; edit it by hand
help-library-about = Method libraries from git: add one, update or fetch them, list them, remove one
help-library-add-about = Add a method library from a git repository and pin its commit in labkit.lock
help-library-add-after_help =
    Examples:
      labkit library add https://example.org/labx/methods.git --rev v1.4
      labkit library add ../shared-methods --name shared
help-library-add-arg-url = The repository: a URL, a file:// URL or a local path
help-library-add-arg-rev = A tag, branch or commit [default: the repository's default branch]
help-library-add-arg-name = The name that prefixes its methods (labx/test-card) [default: from the URL]
help-library-update-about = Fetch the newest commit of each library's rev and move its pin in labkit.lock
help-library-update-after_help =
    Examples:
      labkit library update
      labkit library update labx
help-library-update-arg-name = Only this library
help-library-fetch-about = Fetch the commits labkit.lock pins, without moving them (after cloning a workspace)
help-library-list-about = The libraries: name, source, pinned commit, methods and last update
help-library-remove-about = Remove a library from the configuration and from labkit.lock
help-library-remove-arg-name = The library's name (see `labkit library list`)
help-library-after_help =
    Examples:
      labkit library add https://example.org/labx/methods.git --rev v1.4
      labkit library list
      labkit library fetch        # after cloning a workspace with a labkit.lock
      labkit run labx/test-card   # a library's method, by its prefix
report-skip = Skip to content
report-table = Table
report-chart_bars = { $title }: bar chart of { $n ->
        [one] { $n } item
       *[other] { $n } items
    }, { $total } { $value } in all
report-chart_most = most: { $top }
report-chart_matrix = { $title }: 2×2 matrix of { $n ->
        [one] { $n } item
       *[other] { $n } items
    } by { $y } and { $x }; { $counts }
report-chart_interval = { $title }: { $n ->
        [one] { $n } estimate of { $value } with its confidence interval
       *[other] { $n } estimates of { $value } with their confidence intervals
    }
validate-table_outside_method = tables of { $table } people do not suit `{ $method }`, which is made for { $size }: give a table size within the method's range
show-in_tables_of = in parallel tables of { $size } people, results brought back in plenary

## An extra language dropped in an i18n/ folder (docs/translating.md)
settings-lang_file_too_big = { $file }: larger than { $max } bytes; is it a Fluent file?
settings-lang_file_unreadable = { $file }: cannot be read ({ $error })
## Dates and numbers in an extra language (English and Portuguese have theirs built in)
date-months = January, February, March, April, May, June, July, August, September, October, November, December
date-weekdays = Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday
date-long = { $day } { $month } { $year }
date-day = { $weekday } { $day } { $month } { $year }
number-decimal = .

## Report templates: their labels, one group per template
report-affinity--clustering-insights = Insights
report-affinity--clustering-themes = Themes
report-affinity--clustering-theme = Theme
report-affinity--clustering-notes = Notes
report-affinity--clustering-a_typical_note = A typical note
report-affinity--clustering-the_notes = The notes
report-ask--the--experts-the_sprint_s_target = The sprint's target
report-ask--the--experts-who = Who
report-ask--the--experts-moment_on_the_map = Moment on the map
report-ask--the--experts-opportunities_voted_on = Opportunities voted on
report-ask--the--experts-how_might_we = How might we…?
report-ask--the--experts-what_the_experts_told_us = What the experts told us
report-ask--the--experts-expert = Expert
report-ask--the--experts-what_they_taught_us = What they taught us
report-ask--the--experts-changes_to_the_map = Changes to the map
report-assumptions--map-the_idea = The idea
report-assumptions--map-the_map_of_the_assumptions = The map of the assumptions
report-assumptions--map-importance_and_lack_of_evidence_from_1_t = Importance and lack of evidence from 1 to 5; the riskiest are important and have little evidence.
report-assumptions--map-assumption = Assumption
report-assumptions--map-lens = Lens
report-assumptions--map-importance = Importance
report-assumptions--map-evidence_gap = Evidence gap
report-assumptions--map-what_we_will_test_in_order = What we will test, in order
report-assumptions--map-test_cards_written_by = Test Cards written by
report-behavioural--diagnosis-the_target_behaviour = The target behaviour
report-behavioural--diagnosis-who = Who
report-behavioural--diagnosis-when_and_where = When and where
report-behavioural--diagnosis-today = Today
report-behavioural--diagnosis-a_change_that_matters = A change that matters
report-behavioural--diagnosis-barriers_by_com_b = Barriers, by COM-B
report-behavioural--diagnosis-component = Component
report-behavioural--diagnosis-barrier = Barrier
report-behavioural--diagnosis-how_we_know = How we know
report-behavioural--diagnosis-barriers_marked_we_are_assuming_it_were = Barriers marked “We are assuming it” were neither heard from the people nor seen in the data: they are hypotheses to research.
report-behavioural--diagnosis-the_barriers_that_matter_most = The barriers that matter most
report-behavioural--diagnosis-levers_east = Levers (EAST)
report-behavioural--diagnosis-principle = Principle
report-behavioural--diagnosis-lever = Lever
report-behavioural--diagnosis-barrier_it_answers = Barrier it answers
report-behavioural--diagnosis-interventions_to_test = Interventions to test
report-behavioural--diagnosis-intervention = Intervention
report-behavioural--diagnosis-what_would_change_and_how_we_would_see_i = What would change, and how we would see it
report-behavioural--diagnosis-test = Test
report-behavioural--diagnosis-where_to_start = Where to start
report-behavioural--diagnosis-publicity_test_the_team_would_be_comfort = Publicity test: the team would be comfortable explaining every intervention, and why it was chosen, to the people it targets.
report-behavioural--diagnosis-publicity_test_not_passed = Publicity test not passed
report-behavioural--diagnosis-confidence_and_next_step = Confidence and next step
report-behavioural--diagnosis-confidence_in_the_diagnosis = Confidence in the diagnosis
report-behavioural--diagnosis-next_step = Next step
report-brainstorm-the_challenge = The challenge
report-brainstorm-the_chosen_ideas_in_order = The chosen ideas, in order
report-brainstorm-next_steps = Next steps
report-brainstorm-idea = Idea
report-brainstorm-next_action = Next action
report-brainstorm-owner = Owner
report-brainstorm-by = By
report-brainstorm-all_the_ideas_and_the_vote = All the ideas and the vote
report-brainstorm-provocations_used = Provocations used
report-brainstorm-parking_lot = Parking lot
report-brainstorm-points_raised_that_are_kept_for_another = Points raised that are kept for another time:
report-co--creation--session-purpose = Purpose
report-co--creation--session-participants_influence = Participants' influence
report-co--creation--session-not_open_to_change = Not open to change
report-co--creation--session-commits_to_respond = Commits to respond
report-co--creation--session-who_takes_part = Who takes part
report-co--creation--session-group = Group
report-co--creation--session-people = People
report-co--creation--session-how_we_recruit_them = How we recruit them
report-co--creation--session-reaching_the_seldom_heard = Reaching the seldom heard
report-co--creation--session-what_keeps_them_away = What keeps them away
report-co--creation--session-how_we_will_reach_them = How we will reach them
report-co--creation--session-accessibility = Accessibility
report-co--creation--session-where_and_when = Where and when
report-co--creation--session-other_needs_participants_told_us_about = Other needs participants told us about
report-co--creation--session-informed_consent_and_data = Informed consent and data
report-co--creation--session-what_the_information_sheet_tells_partici = What the information sheet tells participants (✗: still missing):
report-co--creation--session-recording = Recording
report-co--creation--session-data_kept = Data kept
report-co--creation--session-compensation = Compensation
report-co--creation--session-travel_and_care_expenses_are_covered_on = Travel and care expenses are covered on top.
report-co--creation--session-travel_and_care_expenses_are_not_covered = Travel and care expenses are not covered.
report-co--creation--session-safe_participation_and_safeguarding = Safe participation and safeguarding
report-co--creation--session-safeguarding_lead_on_the_day = Safeguarding lead on the day
report-co--creation--session-risk = Risk
report-co--creation--session-what_we_will_do = What we will do
report-co--creation--session-children_or_adults_at_risk_take_part = Children or adults at risk take part.
report-co--creation--session-ground_rules = Ground rules
report-co--creation--session-agenda = Agenda
report-co--creation--session-activity = Activity
report-co--creation--session-minutes = Minutes
report-co--creation--session-what_it_is_for = What it is for
report-co--creation--session-what_we_feed_back_to_participants = What we feed back to participants
report-co--creation--session-how_it_reaches_them = How it reaches them
report-co--creation--session-by = By
report-co--creation--session-sent_by = Sent by
report-cost--value-recommendation = Recommendation
report-cost--value-at_a_glance = At a glance
report-cost--value-value = Value
report-cost--value-what_is_compared = What is compared
report-cost--value-status_quo = Status quo
report-cost--value-option = Option
report-cost--value-what_changes = What changes
report-cost--value-costs = Costs
report-cost--value-cost = Cost
report-cost--value-type = Type
report-cost--value-when = When
report-cost--value-who_bears_it = Who bears it
report-cost--value-how_we_know = How we know
report-cost--value-total_over_the_period = Total over the period
report-cost--value-recurring_amounts_are_per_year_the_total = Recurring amounts are per year; the total adds the one-off costs and the recurring costs times the number of years.
report-cost--value-benefits = Benefits
report-cost--value-benefit = Benefit
report-cost--value-who_gets_it = Who gets it
report-cost--value-figure_over_the_period = Figure over the period
report-cost--value-confidence = Confidence
report-cost--value-a_benefit_without_a_euro_value_has_not_b = A benefit without a euro value has not been valued; it is not worth zero. Citizens' time valued in euros is not cash the budget will see.
report-cost--value-cost_per_outcome_and_sensitivity = Cost per outcome and sensitivity
report-cost--value-compared_with = Compared with
report-cost--value-where_the_effect_comes_from = Where the effect comes from
report-cost--value-with_half_the_effect = With half the effect
report-cost--value-other_assumptions_tested = Other assumptions tested
report-cost--value-switching_point = Switching point
report-cost--value-the_four_es_of_value_for_money = The four Es of value for money
report-cost--value-criterion = Criterion
report-cost--value-judgement = Judgement
report-cost--value-why = Why
report-cost--value-conditions_and_next_steps = Conditions and next steps
report-cost--value-who_decides = Who decides
report-crazy--eights-what_we_sketched = What we sketched
report-crazy--eights-sketch = Sketch
report-crazy--eights-panel_1 = Panel 1
report-crazy--eights-panel_2 = Panel 2
report-crazy--eights-panel_3 = Panel 3
report-decision--sequence-the_decision = The decision
report-decision--sequence-sketch = Sketch
report-decision--sequence-decider_s_supervotes = Decider's supervotes
report-decision--sequence-straw_poll = Straw poll
report-decision--sequence-next = Next
report-decision--sequence-prototype_led_by = Prototype led by
report-decision--sequence-ready_by = Ready by
report-decision--sequence-heat_map_the_hot_spots = Heat map: the hot spots
report-decision--sequence-standout_ideas_to_keep = Standout ideas to keep
report-decision--sequence-concerns_and_open_questions = Concerns and open questions
report-empathy--map-point_of_view = Point of view
report-empathy--map-the_map = The map
report-empathy--map-what_the_person_says_and_does_was_heard = What the person says and does was heard and observed; what they think and feel is the team's inference.
report-empathy--map-says = Says
report-empathy--map-does = Does
report-empathy--map-thinks = Thinks
report-empathy--map-feels = Feels
report-empathy--map-contradictions_and_surprises = Contradictions and surprises
report-empathy--map-needs = Needs
report-ethics--check-decision = Decision
report-ethics--check-who_can_stop_the_experiment = Who can stop the experiment
report-ethics--check-open_risks = Open risks
report-ethics--check-lawful_basis_not_confirmed = Lawful basis not confirmed
report-ethics--check-the_data_protection_officer_has_not_been = The data protection officer has not been consulted yet
report-ethics--check-the_analysis_uses_identifiable_data = The analysis uses identifiable data
report-ethics--check-data_protection_impact_assessment_requir = Data protection impact assessment required
report-ethics--check-unclear_whether_an_impact_assessment_is = Unclear whether an impact assessment is needed — ask the data protection officer
report-ethics--check-participants_are_informed_only_afterward = Participants are informed only afterwards
report-ethics--check-risk_of_harm_to_the_control_group = Risk of harm to the control group
report-ethics--check-communication_and_reputational_risk = Communication and reputational risk
report-ethics--check-no_open_risk_flagged = No open risk flagged.
report-ethics--check-checklist = Checklist
report-ethics--check-data_and_lawful_basis = Data and lawful basis
report-ethics--check-processes_personal_data = Processes personal data
report-ethics--check-data_protection_officer_consulted = Data protection officer consulted
report-ethics--check-no_personal_data_processed = No personal data processed
report-ethics--check-information_and_consent = Information and consent
report-ethics--check-opting_out_withdrawing_and_asking_questi = Opting out, withdrawing and asking questions
report-ethics--check-impact_assessment = Impact assessment
report-ethics--check-features_that_apply = Features that apply
report-ethics--check-minimisation_and_security = Minimisation and security
report-ethics--check-analysis_on_pseudonymised_data = Analysis on pseudonymised data
report-ethics--check-analysis_on_identifiable_data = Analysis on identifiable data
report-ethics--check-access_to_identifiable_data = Access to identifiable data
report-ethics--check-people_at_risk = People at risk
report-ethics--check-risk_to_the_control_group = Risk to the control group
report-ethics--check-communication_risk = Communication risk
report-ethics--check-rollback_and_stopping = Rollback and stopping
report-ethics--check-stop_if = Stop if
report-evidence--review-claim = Claim
report-evidence--review-theory_of_change = Theory of change
report-evidence--review-level_of_evidence = Level of evidence
report-evidence--review-the_evidence = The evidence
report-evidence--review-evidence_plan = Evidence plan
report-evidence--review-what_we_need_to_know = What we need to know
report-evidence--review-how = How
report-evidence--review-by = By
report-experiment--plan-summary-the_plan_at_a_glance = The plan at a glance
report-experiment--plan-summary-element = Element
report-experiment--plan-summary-what_was_decided = What was decided
report-experiment--plan-summary-challenge = Challenge
report-experiment--plan-summary-what_we_will_test = What we will test
report-experiment--plan-summary-we_believe_that = We believe that…
report-experiment--plan-summary-to_verify_that_we_will = To verify that, we will…
report-experiment--plan-summary-and_measure = And measure…
report-experiment--plan-summary-we_are_right_if = We are right if…
report-experiment--plan-summary-sample_per_arm = Sample per arm
report-experiment--plan-summary-computed_minimum = computed minimum
report-experiment--plan-summary-allocation = Allocation
report-experiment--plan-summary-timeline = Timeline
report-experiment--plan-summary-results_by = results by
report-experiment--plan-summary-ethics_check = Ethics check
report-experiment--plan-summary-who_can_stop_the_experiment = Who can stop the experiment
report-experiment--plan-summary-cost_and_resources = Cost and resources
report-experiment--plan-summary-cost = cost
report-experiment--plan-summary-test_cost = Test cost
report-experiment--plan-summary-owner = Owner
report-experiment--plan-summary-approval = Approval
report-experiment--plan-summary-by = by
report-experiment--plan-summary-main_risks = Main risks
report-experiment--plan-summary-untested_assumption = Untested assumption
report-experiment--plan-summary-the_test_could_fail_or_mislead_us_if = The test could fail or mislead us if
report-experiment--plan-summary-harm_to_the_control_group = Harm to the control group
report-experiment--plan-summary-communication_and_reputational_risk = Communication and reputational risk
report-experiment--plan-summary-a_data_protection_impact_assessment_is_n = A data protection impact assessment is needed
report-experiment--plan-summary-conditions_of_the_ethics_check = Conditions of the ethics check
report-experiment--plan-summary-not_identified_yet_the_assumptions_map_a = Not identified yet: the assumptions map and the ethics check say what they are.
report-experiment--plan-summary-by_signing_the_experiment_is_approved_as = By signing, the experiment is approved as this plan describes it.
report-experiment--plan-summary-role = Role
report-experiment--plan-summary-name = Name
report-experiment--plan-summary-signature = Signature
report-experiment--plan-summary-date = Date
report-experiment--plan-summary-approves = Approves
report-experiment--plan-summary-runs_the_experiment = Runs the experiment
report-experiment--plan-summary-can_stop_the_experiment = Can stop the experiment
report-experiment--readout-result = Result
report-experiment--readout-fidelity_of_implementation = Fidelity of implementation
report-experiment--readout-surprises = Surprises
report-experiment--readout-decision = Decision
report-fieldwork--notes-session = Session
report-fieldwork--notes-kind = Kind
report-fieldwork--notes-date = Date
report-fieldwork--notes-place = Place
report-fieldwork--notes-length = Length
report-fieldwork--notes-team = Team
report-fieldwork--notes-participant = Participant
report-fieldwork--notes-consent_not_recorded_these_notes_are_on = Consent not recorded: these notes are on hold until the research lead sorts it out.
report-fieldwork--notes-consent = Consent
report-fieldwork--notes-captured = Captured
report-fieldwork--notes-in_their_own_words = In their own words
report-fieldwork--notes-quote = Quote
report-fieldwork--notes-when_it_came_up = When it came up
report-fieldwork--notes-what_we_saw = What we saw
report-fieldwork--notes-observation = Observation
report-fieldwork--notes-what_surprised_us = What surprised us
report-fieldwork--notes-first_readings_to_check_in_other_session = First readings, to check in other sessions
report-fieldwork--notes-learning_goals_covered = Learning goals covered
report-fieldwork--notes-debrief = Debrief
report-fieldwork--notes-held_on = Held on
report-fieldwork--notes-more_than_24_hours_after_the_session = more than 24 hours after the session
report-fieldwork--notes-what_a_colleague_who_was_not_there_must = What a colleague who was not there must know:
report-fieldwork--notes-follow_ups = Follow-ups
report-fieldwork--notes-what = What
report-fieldwork--notes-who = Who
report-fieldwork--notes-by = By
report-fieldwork--notes-promised_to_the_participant = Promised to the participant
report-fieldwork--notes-data = Data
report-fieldwork--notes-notes_stored_where_only_the_research_tea = Notes stored where only the research team can reach them, apart from the consent record
report-fieldwork--notes-names_and_identifying_details_removed = Names and identifying details removed
report-hopes--and--fears-about = About:
report-hopes--and--fears-hopes = Hopes
report-hopes--and--fears-fears = Fears
report-hopes--and--fears-in_the_order_of_the_dots_the_group_gave = In the order of the dots the group gave them:
report-hopes--and--fears-fear = Fear
report-hopes--and--fears-commitments = Commitments
report-hopes--and--fears-we_will_know_it_went_well_if = We will know it went well if…
report-hopes--and--fears-risks_to_watch = Risks to watch
report-impact--effort-the_matrix = The matrix
report-impact--effort-agreed_priorities_in_order = Agreed priorities, in order
report-impact--effort-priority = Priority
report-impact--effort-owner = Owner
report-impact--effort-next_step = Next step
report-impact--effort-all_items_by_quadrant = All items, by quadrant
report-impact--effort-impact = Impact
report-impact--effort-effort = Effort
report-impact--effort-how_we_rated = How we rated
report-interview--guide-what_we_want_to_learn = What we want to learn
report-interview--guide-who_we_will_talk_to = Who we will talk to
report-interview--guide-consent_and_data = Consent and data
report-interview--guide-plain_language_information_sheet = Plain-language information sheet
report-interview--guide-consent_form_with_the_right_to_withdraw = Consent form, with the right to withdraw
report-interview--guide-capture = Capture
report-interview--guide-notes_and_recordings_deleted_by = Notes and recordings deleted by
report-interview--guide-thank_you_for_participants = Thank-you for participants
report-interview--guide-the_guide = The guide
report-interview--guide-roles_and_timing = Roles and timing
report-interview--guide-leads = Leads
report-interview--guide-takes_notes = Takes notes
report-interview--guide-interviews_completed_by = Interviews completed by
report-journey--map-persona_and_scenario = Persona and scenario
report-journey--map-scenario = Scenario
report-journey--map-the_journey = The journey
report-journey--map-stage = Stage
report-journey--map-touchpoints = Touchpoints
report-journey--map-doing = Doing
report-journey--map-thinking = Thinking
report-journey--map-feeling = Feeling
report-journey--map-very_bad = very bad
report-journey--map-bad = bad
report-journey--map-neutral = neutral
report-journey--map-good = good
report-journey--map-very_good = very good
report-journey--map-pain_points = Pain points
report-journey--map-in_order_of_how_much_they_matter_to_the = In order of how much they matter to the person, by the group's dots:
report-journey--map-pain_point = Pain point
report-journey--map-opportunities = Opportunities
report-journey--map-still_to_check = Still to check
report-lab--canvas-mandate = Mandate
report-lab--canvas-kinds_of_innovation = Kinds of innovation
report-lab--canvas-priorities_for_the_next_six_months = Priorities for the next six months
report-lab--canvas-legal_basis_to_experiment = Legal basis to experiment
report-lab--canvas-governance = Governance
report-lab--canvas-sponsor = Sponsor
report-lab--canvas-funding = Funding
report-lab--canvas-what_the_lab_offers = What the lab offers
report-lab--canvas-what_it_does_not_do = What it does not do
report-lab--canvas-team_and_skills = Team and skills
report-lab--canvas-skill = Skill
report-lab--canvas-level_in_the_team = Level in the team
report-lab--canvas-partners = Partners
report-lab--canvas-legitimacy = Legitimacy
report-lab--canvas-portfolio = Portfolio
report-lab--canvas-how_the_lab_shows_its_value = How the lab shows its value
report-learning--card-learning_card = Learning card
report-learning--card-criterion_met = Criterion met?
report-learning--card-data_reliability = Data reliability
report-learning--card-action_required = Action required
report-learning--card-owner_of_the_next_action = Owner of the next action
report-lightning--demos-what_we_looked_for = What we looked for
report-lightning--demos-big_ideas = Big ideas
report-lightning--demos-big_idea = Big idea
report-lightning--demos-example = Example
report-lightning--demos-from = From
report-lightning--demos-map_step = Map step
report-lightning--demos-how_we_will_sketch = How we will sketch
report-lightning--demos-part_of_the_map = Part of the map
report-lightning--demos-who = Who
report-lightning--demos-recruiting_the_test_users = Recruiting the test users
report-one--two--four--all-the_question = The question
report-one--two--four--all-what_the_groups_proposed = What the groups proposed
report-one--two--four--all-idea = Idea
report-personas-what_they_draw_on = What they draw on
report-personas-research = Research
report-personas-kind = Kind
report-personas-people_or_cases = People or cases
report-personas-the_differences_that_set_the_personas_ap = The differences that set the personas apart:
report-personas-the_personas = The personas
report-personas-draws_on = Draws on
report-personas-situation = Situation
report-personas-needs_and_goals = Needs and goals
report-personas-behaviours = Behaviours
report-personas-pain_points = Pain points
report-personas-in_their_words = In their words
report-personas-what_would_change = What would change
report-personas-stereotypes_and_gaps = Stereotypes and gaps
report-personas-who_the_research_did_not_hear_from = Who the research did not hear from
report-personas-who_we_design_for_first = Who we design for first
report-personas-how_we_will_use_the_personas = How we will use the personas
report-personas-to_be_reviewed_against_new_research_by = To be reviewed against new research by
report-pre--mortem-the_failure_we_imagined = The failure we imagined
report-pre--mortem-success_would_have_been = Success would have been
report-pre--mortem-why_it_failed_the_reasons_given = Why it failed: the reasons given
report-pre--mortem-likelihood_impact = Likelihood × impact
report-pre--mortem-response = Response
report-pre--mortem-what_went_wrong = What went wrong
report-pre--mortem-kind_of_risk = Kind of risk
report-pre--mortem-likelihood = Likelihood
report-pre--mortem-impact = Impact
report-pre--mortem-what_we_will_do = What we will do
report-pre--mortem-risk = Risk
report-pre--mortem-mitigation = Mitigation
report-pre--mortem-early_warning_sign = Early-warning sign
report-pre--mortem-owner = Owner
report-pre--mortem-by = By
report-pre--mortem-decision = Decision
report-pre--mortem-next_review_of_the_early_warning_signs = Next review of the early-warning signs
report-problem--framing-the_question_we_will_work_on = The question we will work on
report-problem--framing-reframed_after_the_quality_check_from = Reframed after the quality check, from:
report-problem--framing-decided_by = Decided by
report-problem--framing-the_problem = The problem
report-problem--framing-possible_causes = Possible causes
report-problem--framing-who_has_the_problem = Who has the problem
report-problem--framing-what_we_know_and_what_we_don_t = What we know — and what we don't
report-problem--framing-strength_of_evidence = Strength of evidence
report-problem--framing-open_questions = Open questions
report-problem--framing-goals_and_limits = Goals and limits
report-problem--framing-we_want = We want
report-problem--framing-side_effects_to_avoid = Side-effects to avoid
report-problem--framing-fixed_constraints = Fixed constraints
report-problem--framing-how_we_chose_the_question = How we chose the question
report-problem--framing-quality_check = Quality check
report-problem--framing-free_of_any_particular_solution_or_techn = Free of any particular solution or technology
report-problem--framing-open_to_quite_different_solutions = Open to quite different solutions
report-problem--framing-names_the_people_it_is_for_and_what_they = Names the people it is for and what they need
report-problem--framing-within_what_the_team_can_influence_in_th = Within what the team can influence, in the time and budget
report-problem--framing-next_step = Next step
report-problem--tree-the_problem_tree = The problem tree
report-problem--tree-effects = Effects
report-problem--tree-effect = Effect
report-problem--tree-on_whom = On whom
report-problem--tree-the_core_problem = The core problem
report-problem--tree-who_is_affected = Who is affected
report-problem--tree-evidence = Evidence
report-problem--tree-causes = Causes
report-problem--tree-cause = Cause
report-problem--tree-level = Level
report-problem--tree-leads_to = Leads to
report-problem--tree-strongest_evidence = Strongest evidence
report-problem--tree-the_objectives_tree = The objectives tree
report-problem--tree-the_project_s_purpose = The project's purpose
report-problem--tree-objective = Objective
report-problem--tree-kind = Kind
report-problem--tree-from = From
report-problem--tree-what_the_project_takes_on = What the project takes on
report-problem--tree-left_out = Left out
report-problem--tree-to_check_before_acting = To check before acting
report-project--charter-desired_outcome = Desired outcome
report-project--charter-start = Start
report-project--charter-end = End
report-project--charter-decider = Decider
report-project--charter-team_meets = Team meets
report-project--charter-scope = Scope
report-project--charter-in_scope = In scope
report-project--charter-out_of_scope = Out of scope
report-project--charter-constraints = Constraints
report-project--charter-team = Team
report-project--charter-role = Role
report-project--charter-time_on_the_project = Time on the project
report-project--charter-first_steps = First steps
report-project--charter-action = Action
report-project--charter-owner = Owner
report-project--charter-by = By
report-project--charter-data_protection = Data protection
report-project--charter-the_project_involves_citizens_or_their_p = The project involves citizens or their personal data. Responsible for data protection questions
report-project--charter-run_the_ethics_and_data_check_before_any = Run the Ethics and Data Check before any test.
report-project--charter-the_project_involves_no_citizens_and_non = The project involves no citizens and none of their personal data.
report-prototype--plan-what_we_need_to_learn = What we need to learn
report-prototype--plan-the_prototype = The prototype
report-prototype--plan-fidelity = fidelity
report-prototype--plan-the_test = The test
report-prototype--plan-who_tests_it = Who tests it
report-prototype--plan-how_many = How many
report-prototype--plan-where = Where
report-prototype--plan-first_test = First test
report-prototype--plan-tasks_we_will_ask_people_to_do = Tasks we will ask people to do
report-prototype--plan-how_we_will_know_whether_it_works = How we will know whether it works
report-prototype--plan-the_build = The build
report-prototype--plan-person = Person
report-prototype--plan-role = Role
report-prototype--plan-works_on = Works on
report-prototype--plan-checkpoints = Checkpoints
report-prototype--plan-when = When
report-prototype--plan-what_was_ready = What was ready
report-prototype--plan-what_was_cut_or_fixed = What was cut or fixed
report-prototype--plan-what_the_trial_run_found = What the trial run found
report-prototype--plan-interview_script_final = Interview script final
report-prototype--plan-the_interview_script_is_not_final_yet = The interview script is not final yet
report-prototype--plan-logistics_and_safety = Logistics and safety
report-prototype--plan-build_coordinated_by = Build coordinated by
report-prototype--plan-if_the_prototype_fails = If the prototype fails
report-research--synthesis-the_decision = The decision
report-research--synthesis-who_decides = Who decides
report-research--synthesis-by = by
report-research--synthesis-recommendation = Recommendation
report-research--synthesis-because = Because
report-research--synthesis-confidence = Confidence
report-research--synthesis-what_would_change_the_recommendation = What would change the recommendation
report-research--synthesis-what_we_set_out_to_learn = What we set out to learn
report-research--synthesis-sources_and_how_strong_they_are = Sources and how strong they are
report-research--synthesis-source = Source
report-research--synthesis-kind = Kind
report-research--synthesis-size_and_coverage = Size and coverage
report-research--synthesis-strength = Strength
report-research--synthesis-limitations = Limitations
report-research--synthesis-key_findings = Key findings
report-research--synthesis-finding = Finding
report-research--synthesis-evidence = Evidence
report-research--synthesis-insights_and_implications = Insights and implications
report-research--synthesis-why_it_happens = Why it happens
report-research--synthesis-what_it_means_for_the_decision = What it means for the decision
report-research--synthesis-options = Options
report-research--synthesis-option = Option
report-research--synthesis-gains = Gains
report-research--synthesis-costs_and_risks = Costs and risks
report-research--synthesis-who_gains_who_loses = Who gains, who loses
report-research--synthesis-supported_by_the_findings = Supported by the findings
report-research--synthesis-what_we_still_do_not_know = What we still do not know
report-research--synthesis-brief_sent_to_the_decider_by = Brief sent to the decider by
report-retrospective-looking_back_on = Looking back on:
report-retrospective-how_it_went_for_the_team = How it went, for the team
report-retrospective-actions_from_the_last_retrospective = Actions from the last retrospective
report-retrospective-what_went_well = What went well
report-retrospective-what_did_not_go_well = What did not go well
report-retrospective-what_we_learnt = What we learnt
report-retrospective-actions_we_commit_to = Actions we commit to
report-retrospective-action = Action
report-retrospective-owner = Owner
report-retrospective-by = By
report-retrospective-done_when = Done when
report-retrospective-how_we_chose_the_vote = How we chose: the vote
report-retrospective-proposed_action = Proposed action
report-retrospective-next_time = Next time
report-retrospective-worth_the_time = Worth the time
report-retrospective-next_retrospective = Next retrospective
report-scale--decision-decision = Decision
report-scale--decision-decided_by = Decided by
report-scale--decision-date_of_decision = Date of decision
report-scale--decision-owner_of_the_next_step = Owner of the next step
report-scale--decision-review_on = Review on
report-scale--decision-what_we_tested = What we tested
report-scale--decision-taking_part = Taking part
report-scale--decision-the_evidence = The evidence
report-scale--decision-pre_set_criterion_met = Pre-set criterion met?
report-scale--decision-unintended_effects = Unintended effects
report-scale--decision-can_it_scale = Can it scale?
report-scale--decision-question = Question
report-scale--decision-assessment = Assessment
report-scale--decision-note = Note
report-scale--decision-cost_and_value_for_money = Cost and value for money
report-scale--decision-capacity = Capacity
report-scale--decision-legal_basis = Legal basis
report-scale--decision-transferability = Transferability
report-scale--decision-reasons = Reasons
report-scale--decision-what_happens_next = What happens next
report-scale--decision-scale_plan = Scale plan
report-scale--decision-next_experiment = Next experiment
report-scale--decision-closing_it = Closing it
report-scaling--readiness-blocks = blocks
report-scaling--readiness-needs_actions = needs actions
report-scaling--readiness-nearly_ready = nearly ready
report-scaling--readiness-ready = ready
report-scaling--readiness-decision = Decision
report-scaling--readiness-what_would_be_scaled = What would be scaled
report-scaling--readiness-decided_by = Decided by
report-scaling--readiness-owner_at_scale = Owner at scale
report-scaling--readiness-review_on = Review on
report-scaling--readiness-readiness_by_dimension = Readiness by dimension
report-scaling--readiness-dimension = Dimension
report-scaling--readiness-rating = Rating
report-scaling--readiness-what_it_means = What it means
report-scaling--readiness-status = Status
report-scaling--readiness-a_dimension_at_1_or_2_blocks_scaling_unt = A dimension at 1 or 2 blocks scaling until it is resolved; at 3 it needs actions with an owner before the roll-out; at 4 little is missing; at 5 it is ready.
report-scaling--readiness-the_pilot_and_its_evidence = The pilot and its evidence
report-scaling--readiness-will_it_travel = Will it travel?
report-scaling--readiness-kind_of_difference = Kind of difference
report-scaling--readiness-in_the_pilot = In the pilot
report-scaling--readiness-at_scale = At scale
report-scaling--readiness-effect_on_the_result = Effect on the result
report-scaling--readiness-what_must_stay_the_same_what_can_adapt = What must stay the same, what can adapt
report-scaling--readiness-what_only_the_pilot_had_and_a_roll_out_w = What only the pilot had — and a roll-out will not
report-scaling--readiness-capacity = Capacity
report-scaling--readiness-resource = Resource
report-scaling--readiness-needed_at_scale = Needed at scale
report-scaling--readiness-available_today = Available today
report-scaling--readiness-gap_and_how_to_close_it = Gap and how to close it
report-scaling--readiness-legal_basis_mandate_and_data_protection = Legal basis, mandate and data protection
report-scaling--readiness-legal_basis_and_mandate = Legal basis and mandate
report-scaling--readiness-personal_data = Personal data
report-scaling--readiness-cost_and_ownership_at_scale = Cost and ownership at scale
report-scaling--readiness-how_it_was_estimated_and_who_pays = How it was estimated and who pays
report-scaling--readiness-risks_of_scaling = Risks of scaling
report-scaling--readiness-risk = Risk
report-scaling--readiness-level = Level
report-scaling--readiness-response = Response
report-scaling--readiness-owner = Owner
report-scaling--readiness-reasons_for_the_decision = Reasons for the decision
report-scaling--readiness-roll_out_route = Roll-out route
report-scaling--readiness-phase = Phase
report-scaling--readiness-sites_or_groups = Sites or groups
report-scaling--readiness-starts = Starts
report-scaling--readiness-criterion_to_go_on = Criterion to go on
report-scaling--readiness-adapt_and_re_test = Adapt and re-test
report-scaling--readiness-closing_it = Closing it
report-scenarios-the_question = The question
report-scenarios-horizon = horizon
report-scenarios-the_scenarios_are_neither_forecasts_nor = The scenarios are neither forecasts nor preferences: they are plausible futures to test our plans against.
report-scenarios-the_four_futures = The four futures
report-scenarios-horizontal_axis = Horizontal axis
report-scenarios-vertical_axis = Vertical axis
report-scenarios-axis_2_axis_1 = Axis 2 ↕ · axis 1 ↔
report-scenarios-what_it_would_mean_for_us = What it would mean for us
report-scenarios-signs_that_it_is_coming = Signs that it is coming
report-scenarios-options = Options
report-scenarios-option = Option
report-scenarios-works_in = Works in
report-scenarios-first_step = First step
report-scenarios-owner = Owner
report-scenarios-next_review_of_the_signposts = Next review of the signposts
report-scenarios-the_driving_forces = The driving forces
report-scenarios-force = Force
report-scenarios-impact = Impact
report-scenarios-uncertainty = Uncertainty
report-service--blueprint-scenario = Scenario
report-service--blueprint-back_stage_confirmed_by_the_people_who_d = back stage confirmed by the people who do the work
report-service--blueprint-back_stage_not_yet_confirmed_by_the_peop = back stage not yet confirmed by the people who do the work
report-service--blueprint-the_blueprint = The blueprint
report-service--blueprint-stage = Stage
report-service--blueprint-evidence = Evidence
report-service--blueprint-person_s_actions = Person's actions
report-service--blueprint-front_stage = Front stage
report-service--blueprint-back_stage = Back stage
report-service--blueprint-support_processes = Support processes
report-service--blueprint-wait = Wait
report-service--blueprint-fail = Fail
report-service--blueprint-the_line_of_interaction_runs_between_the = The line of interaction runs between the person's actions and the front stage; the line of visibility between the front and the back stage; the line of internal interaction between the back stage and the support processes.
report-service--blueprint-the_points_that_matter_most = The points that matter most
report-service--blueprint-wait_or_fail_point = Wait or fail point
report-service--blueprint-who_owns_them = Who owns them
report-service--blueprint-point = Point
report-service--blueprint-owner = Owner
report-service--blueprint-data_that_would_show_how_often = Data that would show how often
report-service--blueprint-opportunities = Opportunities
report-service--blueprint-still_to_check = Still to check
report-sprint--map-long_term_goal = Long-term goal
report-sprint--map-sprint_questions = Sprint questions
report-sprint--map-the_map = The map
report-sprint--map-actors = Actors
report-sprint--map-step = Step
report-sprint--map-actor = Actor
report-sprint--map-ending = Ending
report-sprint--map-experts_to_ask = Experts to ask
report-stakeholder--map-interest_influence_matrix = Interest × influence matrix
report-stakeholder--map-stakeholders_by_how_we_engage_them = Stakeholders, by how we engage them
report-stakeholder--map-engagement = Engagement
report-stakeholder--map-stakeholder = Stakeholder
report-stakeholder--map-where_they_sit = Where they sit
report-stakeholder--map-interest = Interest
report-stakeholder--map-influence = Influence
report-stakeholder--map-what_they_care_about = What they care about
report-stakeholder--map-engagement_plan = Engagement plan
report-stakeholder--map-missing_voices = Missing voices
report-storyboard-what_it_builds_on = What it builds on
report-storyboard-winning_sketches = Winning sketches
report-storyboard-questions_the_prototype_must_answer = Questions the prototype must answer
report-storyboard-the_story = The story
report-storyboard-scene = Scene
report-storyboard-what_the_person_sees_or_reads = What the person sees or reads
report-storyboard-what_the_person_does = What the person does
report-storyboard-parking_lot = Parking lot
report-test--card-test_card = Test card
report-test--card-owner = Owner
report-test--card-runs_for = Runs for
report-test--card-results_due = Results due
report-test--card-critical = Critical
report-test--card-kind_of_test = Kind of test
report-test--card-test_cost = Test cost
report-test--card-data_reliability = Data reliability
report-test--card-baseline_today = Baseline today
report-test--card-time_to_results = Time to results
report-test--card-before_launch = Before launch
report-test--card-approved_by_the_decider = Approved by the decider
report-test--card-not_yet_approved_by_the_decider = Not yet approved by the decider
report-test--card-by = by
report-test--card-cost_and_resources = Cost and resources
report-test--card-full_trial_design_arms_randomisation_sam = Full trial design (arms, randomisation, sample size)
report-test--card-not_planned = not planned
report-test--card-the_test_involves_citizens_or_personal_d = The test involves citizens or personal data: Ethics and Data Check
report-test--card-not_planned_2 = not planned
report-test--card-the_test_involves_no_citizens_and_no_per = The test involves no citizens and no personal data.
report-test--card-main_risk_to_the_test = Main risk to the test
report-theory--of--change-the_problem = The problem
report-theory--of--change-for_whom = For whom
report-theory--of--change-the_logic_model = The logic model
report-theory--of--change-inputs = Inputs
report-theory--of--change-activities = Activities
report-theory--of--change-outputs = Outputs
report-theory--of--change-outcomes = Outcomes
report-theory--of--change-horizon = Horizon
report-theory--of--change-outcome = Outcome
report-theory--of--change-whose_change = Whose change
report-theory--of--change-impact = Impact
report-theory--of--change-assumptions_on_each_link = Assumptions on each link
report-theory--of--change-link = Link
report-theory--of--change-assumption = Assumption
report-theory--of--change-evidence = Evidence
report-theory--of--change-the_assumptions_to_test_first = The assumptions to test first
report-theory--of--change-those_that_would_hurt_most_if_wrong_as_t = Those that would hurt most if wrong, as the team voted.
report-theory--of--change-indicators = Indicators
report-theory--of--change-level = Level
report-theory--of--change-indicator = Indicator
report-theory--of--change-how_it_is_measured = How it is measured
report-theory--of--change-today = Today
report-theory--of--change-when = When
report-theory--of--change-other_influences = Other influences
report-theory--of--change-the_programme_contributes_to_these_outco = The programme contributes to these outcomes; they could also be produced or blocked by:
report-theory--of--change-review = Review
report-trial--design-the_trial_plan_fixed_before_launch_what = The trial plan, fixed before launch: what is compared, in whom, what is measured and what we will do with each result.
report-trial--design-plan_not_yet_registered = Plan not yet registered.
report-trial--design-register_it_dated_before_the_first_unit = Register it, dated, before the first unit is allocated.
report-trial--design-trial_question = Trial question
report-trial--design-arms = Arms
report-trial--design-arm = Arm
report-trial--design-what_this_group_receives = What this group receives
report-trial--design-control = Control
report-trial--design-participants_and_outcomes = Participants and outcomes
report-trial--design-clusters = Clusters
report-trial--design-eligibility = Eligibility
report-trial--design-measurement = Measurement
report-trial--design-sample_size = Sample size
report-trial--design-parameter = Parameter
report-trial--design-value = Value
report-trial--design-test = Test
report-trial--design-one_sided_rise = one-sided (rise)
report-trial--design-one_sided_fall = one-sided (fall)
report-trial--design-two_sided = two-sided
report-trial--design-expected_drop_out = Expected drop-out
report-trial--design-coefficient_of_variation_of_cluster_size = Coefficient of variation of cluster size
report-trial--design-needed = Needed
report-trial--design-planned = Planned
report-trial--design-control_arm = Control arm
report-trial--design-each_treatment_arm = Each treatment arm
report-trial--design-clusters_in_the_control_arm = Clusters in the control arm
report-trial--design-clusters_in_each_treatment_arm = Clusters in each treatment arm
report-trial--design-fewer_than_10_clusters_per_arm_the_power = Fewer than 10 clusters per arm: the power rests heavily on the ICC being right. Ask a statistician to review the design.
report-trial--design-the_planned_sample_meets_the_calculated = The planned sample meets the calculated minimum.
report-trial--design-recruitment = Recruitment
report-trial--design-cannot_recruit_enough_in_time = Cannot recruit enough in time:
report-trial--design-the_minimum_needed_can_be_recruited_in_t = The minimum needed can be recruited in time, but not all of the planned sample.
report-trial--design-the_planned_sample_can_be_recruited_in_t = The planned sample can be recruited in the weeks available.
report-trial--design-allocation = Allocation
report-trial--design-method = Method
report-trial--design-without_randomisation_the_trial_cannot_s = without randomisation the trial cannot show cause and effect
report-trial--design-randomised_by = Randomised by
report-trial--design-timeline = Timeline
report-trial--design-milestone = Milestone
report-trial--design-analysis_plan = Analysis plan
report-trial--design-decision_rule = Decision rule
report-trial--design-plan_registered = Plan registered
report-trial--design-approval = Approval
report-trial--design-by = by
report-triz-stop_list = Stop list
report-triz-practice_to_stop = Practice to stop
report-triz-first_step = First step
report-triz-owner = Owner
report-triz-the_worst_possible_outcome = The worst possible outcome
report-triz-how_we_would_guarantee_it = How we would guarantee it
report-triz-what_we_already_do = What we already do
report-user--testing-what_we_tested = What we tested
report-user--testing-questions_the_test_had_to_answer = Questions the test had to answer:
report-user--testing-who_took_part = Who took part
report-user--testing-code = Code
report-user--testing-profile = Profile
report-user--testing-recruited_through = Recruited through
report-user--testing-adjustments = Adjustments
report-user--testing-session = Session
report-user--testing-compensation = Compensation
report-user--testing-consent_and_data_handling_prepared = Consent and data handling prepared
report-user--testing-consent_and_data_handling_were_not_ready = Consent and data handling were not ready
report-user--testing-recordings_and_the_code_key_deleted_by = Recordings and the code key deleted by
report-user--testing-the_script = The script
report-user--testing-welcome = Welcome
report-user--testing-task = Task
report-user--testing-scenario_read_to_the_participant = Scenario read to the participant
report-user--testing-success_looks_like = Success looks like
report-user--testing-minutes = Minutes
report-user--testing-thinking_aloud = Thinking aloud
report-user--testing-wrap_up_questions = Wrap-up questions
report-user--testing-observation_grid = Observation grid
report-user--testing-task_or_part = Task or part
report-user--testing-participant = Participant
report-user--testing-outcome = Outcome
report-user--testing-reaction = Reaction
report-user--testing-what_we_saw = What we saw
report-user--testing-quote = Quote
report-user--testing-pattern_wall_findings_by_severity = Pattern wall: findings, by severity
report-user--testing-pattern_seen_with_three_or_more_particip = ◆ pattern: seen with three or more participants.
report-user--testing-severity = Severity
report-user--testing-finding = Finding
report-user--testing-participants = Participants
report-user--testing-what_changes = What changes
report-user--testing-who = Who
report-user--testing-what_we_decided = What we decided
report-user--testing-decision = Decision
report-user--testing-next_round_of_testing_on = next round of testing on
report-what--so--what--now--what-what_what_happened = What? — what happened
report-what--so--what--now--what-so_what_what_it_means = So what? — what it means
report-what--so--what--now--what-now_what_what_we_do = Now what? — what we do
report-what--so--what--now--what-possible_actions = Possible actions:
report-what--so--what--now--what-commitments = Commitments
report-what--so--what--now--what-action = Action
report-what--so--what--now--what-who = Who
report-what--so--what--now--what-by = By

## validate --lang: what a translation lacks
validate-untranslated_text = not translated into `{ $lang }`
validate-untranslated_english = in English: { $text }
validate-message_untranslated = labkit's message not translated into `{ $lang }`
validate-message_broken = does not parse as Fluent: { $error }
validate-message_unknown = not a message labkit has (renamed, or misspelt?)

## Report templates: their labels, one group per template
report-ethics--check-low = low
report-ethics--check-medium = medium
report-ethics--check-high = high
report-ethics--check-some_mitigated = some, mitigated
report-ethics--check-serious = serious
report-ethics--check-none_they_get_the_normal_service = none — they get the normal service
report-ethics--check-some_mitigated_2 = some — mitigated
report-prototype--plan-rough = rough
report-prototype--plan-believable = believable
report-prototype--plan-close_to_real = close to real
report-scenarios-label = “
report-scenarios-label_2 = ”
report-test--card-useful_to_know = useful to know
report-test--card-important = important
report-test--card-if_false_the_idea_falls = if false, the idea falls
report-test--card-low = low
report-test--card-medium = medium
report-test--card-high = high
report-test--card-weak_what_people_say = weak (what people say)
report-test--card-medium_2 = medium
report-test--card-strong_what_people_do = strong (what people do)
report-test--card-days = days
report-test--card-weeks = weeks
report-test--card-months = months
report-user--testing-label = “
report-user--testing-label_2 = ”
validate-message_variables = uses other variables than English: English has { $english }, this file { $theirs }

# The thousands separator (a space is written as a no-break space).
number-group = ,

## The statistics summaries of `labkit calc` (src/stats/power.rs).
stats-summary-significance_level_two_sided = Significance level (two-sided)
stats-summary-significance_level_one_sided_treatment_g = Significance level (one-sided: treatment greater)
stats-summary-significance_level_one_sided_treatment_l = Significance level (one-sided: treatment less)
stats-summary-power = Power
stats-summary-allocation_ratio_treatment_control = Allocation ratio (treatment:control)
stats-summary-design_effect = Design effect
stats-summary-cluster_size = cluster size
stats-summary-icc = ICC
stats-summary-coefficient_of_variation_of_cluster_size = Coefficient of variation of cluster size
stats-summary-attrition_rate = Attrition rate
stats-summary-arms = Arms
stats-summary-each_treatment_arm_against_the_control_b = each treatment arm against the control, Bonferroni α per comparison
stats-summary-with_fleiss_s_continuity_correction = With Fleiss's continuity correction
stats-summary-baseline_proportion_control = Baseline proportion (control)
stats-summary-target_proportion_treatment = Target proportion (treatment)
stats-summary-difference = difference
stats-summary-standard_deviation = Standard deviation
stats-summary-difference_in_means_to_detect = Difference in means to detect
stats-summary-sample_size_per_arm_control = Sample size per arm (control)
stats-summary-normal_approximation_pooled_variance_und = normal approximation, pooled variance under H0; as R's power.prop.test for r = 1
stats-summary-exact_t_test_power_noncentral_t_as_r_s_p = exact t-test power (noncentral t); as R's power.t.test for r = 1
stats-summary-formula = Formula
stats-summary-comparison_of_two_proportions = comparison of two proportions
stats-summary-comparison_of_two_means = comparison of two means
stats-summary-sample_size = Sample size
stats-summary-unrounded_n_control_arm_before_adjustmen = Unrounded n (control arm, before adjustments)
stats-summary-per_arm = per arm
stats-summary-control = control
stats-summary-treatment = treatment
stats-summary-result = Result
stats-summary-in_total = in total
stats-summary-clusters = Clusters
stats-summary-t_based_adjustment_for_few_clusters_the = t-based adjustment for few clusters; the normal approximation gave
stats-summary-warning = Warning
stats-summary-minimum_detectable_effect = Minimum detectable effect
stats-summary-percentage_points = percentage points
stats-summary-target_proportion = target proportion
stats-summary-as_a_decrease = As a decrease
stats-summary-standardised_effect_d = standardised effect d =
stats-summary-total_sample_both_arms = Total sample (both arms)
stats-summary-sample = Sample
stats-summary-effective_sample_after_design_effect_and = Effective sample (after design effect and attrition)
stats-summary-power_2 = power
stats-summary-day = day
stats-summary-days = days
stats-summary-per_day = per day
stats-summary-week = week
stats-summary-weeks = weeks
stats-summary-per_week = per week
stats-summary-recruitment_duration = Recruitment duration
stats-summary-total_sample = Total sample
stats-summary-eligible_participants = Eligible participants

## A yes/no question's keys (one letter each), shown as (y/N); y, s and n also work.
prompt-yes_key = y
prompt-no_key = n
# The forms a date answer may take, shown beside the question.
date-forms = YYYY-MM-DD, 15/12/2026 or 15 Dec 2026

## labkit new language
help-new-language-about = A new language for labkit's own words: i18n/<tag>.ftl, a copy of the English (or Portuguese) messages to translate
help-new-language-after_help =
    Examples:
      labkit new language es && labkit validate --lang es
      labkit new language pt-BR          # starts from the Portuguese messages
help-new-language-arg-tag = The language's tag: two or three letters, with an optional region (es, fr, es-MX, pt-BR)
help-new-language-arg-from = The messages to start from: en, or pt (the default for a Portuguese variant such as pt-BR)
new-language_bad_tag = `{ $tag }` is not a language tag; use two or three letters with an optional region, like `es`, `fr` or `es-MX`
new-language_built_in = `{ $tag }` is built into labkit; a new language needs another tag (a variant such as `pt-BR` or `en-US` is fine)
new-language_bad_from = `--from { $from }`: the messages to start from are `en` or `pt`
new-language_next = translate the text after each `=`, then `labkit validate --lang { $tag }` lists what is left; use it with `labkit --lang { $tag }`
new-language_no_workspace = there is no labkit.yaml here, so labkit finds this language only from this folder (or run `labkit init`; a file in ~/.config/labkit/i18n/ serves every workspace)

# Report passages with variables (`{{t "key" name=value}}`, docs/templates.md). The text may hold
# Markdown; the values are escaped by the `t` helper.
report-money = €{ $amount }
report-brainstorm-summary = The group generated { $ideas ->
        [one] { $ideas } idea
       *[other] { $ideas } ideas
    }, voted with dots and took { $shortlist ->
        [one] { $shortlist } idea
       *[other] { $shortlist } ideas
    } forward.
report-lab--canvas-level = { $level ->
        [1] **missing**
        [2] some
        [3] strong
       *[other] {""}
    }
report-behavioural--diagnosis-summary = { $barriers ->
        [one] { $barriers } barrier
       *[other] { $barriers } barriers
    }, sorted by capability, opportunity and motivation.
report-one--two--four--all-summary = { $ideas ->
        [one] { $ideas } idea
       *[other] { $ideas } ideas
    }, in the order of the dots the group gave them to take forward:
report-retrospective-summary = The group proposed { $actions ->
        [one] { $actions } action
       *[other] { $actions } actions
    } and each person placed { $dots ->
        [one] { $dots } dot
       *[other] { $dots } dots
    } on those that matter most.
report-ask--the--experts-summary = { $notes ->
        [one] { $notes } How might we note
       *[other] { $notes } How might we notes
    }, by dots:
report-theory--of--change-review_date = The model is reviewed with the first data on **{ $date }**; kept up to date by { $owner }.
report-affinity--clustering-notes_in_themes = { $notes ->
        [one] { $notes } note
       *[other] { $notes } notes
    } clustered into { $themes ->
        [one] { $themes } theme
       *[other] { $themes } themes
    }, in the order the group ranked them.
report-affinity--clustering-themes_ranked = { $themes ->
        [one] { $themes } theme
       *[other] { $themes } themes
    }, in the order the group ranked them.
report-pre--mortem-it_has_failed = It is { $horizon }. **{ $experiment }** has failed.
report-pre--mortem-reasons = The group wrote { $reasons ->
        [one] { $reasons } reason
       *[other] { $reasons } reasons
    } in silence and clustered them into { $clusters ->
        [one] { $clusters } cluster
       *[other] { $clusters } clusters
    }.
report-crazy--eights-summary = Each person worked alone: notes, ideas and Crazy 8s (which stayed with their authors), then one solution sketch. { $sketches ->
        [one] { $sketches } solution sketch
       *[other] { $sketches } solution sketches
    }, anonymous{ $judged ->
        [true] , to be judged on { $date }
       *[other] {""}
    }:
report-cost--value-period = Period: { $years } { $unit }. Outcome unit: { $outcome }.
report-cost--value-per_outcome = **{ $per_outcome }** per extra outcome ({ $outcome }): { $total } for { $extra } extra outcomes over { $years } { $unit }.
report-decision--sequence-straw_poll_summary = In the straw poll each person gave one vote to their favourite of { $options ->
        [one] { $options } sketch
       *[other] { $options } sketches
    } on the wall; the decider made the call.
report-trial--design-computed_with = Computed with the same maths as `labkit calc sample-size`{ $clusters ->
        [true] {" "}(with the clusters' design effect and, when clusters are few, the t-based adjustment)
       *[other] {""}
    }{ $attrition ->
        [true] , drop-out included
       *[other] {""}
    }.
report-trial--design-planned_below_needed = Planned < needed:
report-problem--framing-hmw_summary = The team wrote { $questions ->
        [one] { $questions } question
       *[other] { $questions } questions
    } “How might we…” and voted with dots.
report-storyboard-summary = Opens with: **{ $scene }** · { $panels ->
        [one] { $panels } panel
       *[other] { $panels } panels
    } · about { $minutes } { $unit } per person.
report-personas-persona = Persona

## Sentences with figures inside (one message each, so a translation can order them freely).
report-trial--design-planned_below_needed_detail = the planned sample ({ $planned } in the control arm) is below the calculated minimum ({ $needed }): the trial may miss the change it looks for.
report-trial--design-cannot_recruit_detail =
    at this rate { $recruitable } units can be enrolled in the weeks available, and { $needed } are needed ({ $weeks ->
        [one] { $weeks } week
       *[other] { $weeks } weeks
    }). Extend the period, add sites or look for a larger effect.
report-interview--guide-length_and_order = About { $length } { $unit } per interview. Ask in order; use the probes when an answer is short.

## labkit agenda -o
help-agenda-arg-format = table, md or ics (default: from the output file's extension, else a table)
help-agenda-arg-output = Write the agenda here (`.ics` for a calendar file, `.md` for Markdown) instead of stdout
help-agenda-arg-force = Replace an existing output file
agenda-written = agenda written: { $path }
agenda-unknown_format = cannot tell the agenda's format from `{ $path }`: name it .ics, .md or .txt, or give --format table, md or ics

## validate --lang: a key hint must keep the keys labkit reads.
validate-message_keys = names other keys than English: English has { $english }, this file { $theirs }; keys are what labkit reads, so keep them as they are
