//! labkit's own words (table headers, labels, messages) in English and European Portuguese.
//!
//! One catalogue per language, keyed by short ids; a missing Portuguese string falls back to
//! English. Method text lives in the method files, not here.

use crate::lang::Lang;

const EN: &[(&str, &str)] = &[
    ("col.id", "ID"),
    ("col.name", "Name"),
    ("col.stage", "Stage"),
    ("col.duration", "Duration"),
    ("col.group", "Group"),
    ("col.source", "Source"),
    ("show.summary", "Summary"),
    ("show.when_to_use", "When to use"),
    ("show.duration", "Duration"),
    ("show.group", "Group"),
    ("show.people", "people"),
    ("show.stage", "Stage"),
    ("show.roles", "Roles"),
    ("show.materials", "Materials"),
    ("show.considerations", "Considerations"),
    ("show.steps", "Steps"),
    ("show.sources", "Sources"),
    ("show.before", "Usually before"),
    ("show.after", "Usually after"),
    ("show.optional", "optional"),
    ("show.asked_when", "asked when"),
    ("show.room", "open to the room"),
    ("show.items_from", "items from"),
    ("show.blocks", "Blocks"),
    ("show.break", "Break"),
    ("show.playbook", "Playbook"),
    ("show.origin", "Loaded from"),
    ("report.kicker", "Workshop record"),
    ("report.playbook_kicker", "Workshop record · playbook"),
    ("report.draft", "Draft — session in progress"),
    ("report.toc", "Contents"),
    ("report.date", "Date"),
    ("report.lab", "Lab"),
    ("report.facilitator", "Facilitator"),
    ("report.participants", "Participants"),
    ("report.method", "Method"),
    ("report.status", "Status"),
    ("report.finished", "finished"),
    ("report.in_progress", "in progress"),
    (
        "report.footer",
        "Made with labkit from the session of {date}.",
    ),
    ("report.dots", "Dots"),
    ("report.item", "Item"),
    ("report.total", "Total"),
    ("report.rank", "Rank"),
    ("report.no_answer", "No answer."),
    ("report.not_scored", "Not scored:"),
    ("report.quadrant", "Quadrant"),
    ("report.time_spent", "Time spent"),
    ("report.minutes", "min"),
    ("report.sources", "Sources"),
    ("catalogue.title", "labkit method catalogue"),
    ("agenda.suggested_break", "Break (suggested)"),
    ("agenda.day", "Day"),
    ("agenda.start", "Start"),
    ("agenda.end", "End"),
    ("agenda.block", "Block"),
    ("agenda.minutes", "Minutes"),
    ("agenda.total", "Total {total}, ends {end}"),
    ("agenda.part", "{title} (day {n} of {days})"),
    (
        "agenda.total_days",
        "Total {total} over {days} days, ends on day {days} at {end}",
    ),
    (
        "suggest.none",
        "no method fits; allow more minutes, or drop a filter",
    ),
    ("portfolio.title", "Lab portfolio"),
    ("portfolio.sessions", "Sessions"),
    ("portfolio.by_stage", "By stage"),
    ("portfolio.method", "Method"),
    ("portfolio.about", "About"),
    ("portfolio.status", "Status"),
    ("portfolio.decision", "Decision"),
    ("portfolio.started", "Started"),
    ("portfolio.updated", "Updated"),
    ("portfolio.count", "{n} session|{n} sessions"),
    ("hint.enter", "Enter accepts"),
    ("hint.lines", "one per line; an empty line ends"),
    ("hint.rows", "a row at a time; an empty first field ends"),
    ("hint.choose", "↑↓ and Enter choose"),
    ("hint.confirm", "y or n; Enter takes the capital one"),
    ("hint.skip", "- skips"),
    ("hint.back", "< goes back"),
    ("hint.edit", "/e N edits · /d N deletes · /m N M moves"),
    ("hint.stop", "Ctrl-C stops (all saved)"),
    ("hint.stop_esc", "Esc stops (all saved)"),
    ("hint.multiselect", "space ticks"),
    ("prompt.kept", "{n} entry so far:|{n} entries so far:"),
    ("prompt.editing", "editing"),
    (
        "prompt.row_editing",
        "changing row {n} (Enter keeps a field as it is)",
    ),
    ("vote.current", "dots so far:"),
    ("rank.place", "Place {k} of {n}"),
    (
        "rank.before",
        "the ranking so far (Enter at each place keeps it):",
    ),
    (
        "engine.back_keeps",
        "{message}; the entries are kept — finish them (or `/d N` to delete) before going back",
    ),
    (
        "engine.first_question",
        "this is the first question; there is nothing before it",
    ),
    (
        "engine.skip_has_entries",
        "there are entries already; an empty line ends, `/d N` deletes one",
    ),
    (
        "engine.whole_dots",
        "expected a whole number of dots (0 or more)",
    ),
    (
        "engine.whole_voters",
        "expected a whole number of people (1 or more)",
    ),
    ("engine.not_an_item", "not one of the items"),
    ("engine.no_entry", "there is no entry {k} (there are {n})"),
    (
        "engine.unknown_command",
        "`{cmd}` is not a command: `/e N`, `/d N`, `/m N M`; start with `\\` to type it as text",
    ),
    // The room: the facilitator's panel and opening a room (`run --room`).
    ("room.hint.add", "text + Enter adds"),
    ("room.hint.hide", "/h N hides"),
    ("room.hint.unhide", "/u N unhides"),
    ("room.hint.merge", "/m N M merges N into M"),
    ("room.hint.results", "/r results on/off"),
    ("room.hint.close", "Enter twice closes"),
    ("room.panel.left", "{time} left"),
    ("room.panel.over", "time is up (+{time})"),
    (
        "room.panel.devices",
        "{joined} joined · {answered} answered",
    ),
    ("room.panel.results_on", "results shown to participants"),
    ("room.panel.results_off", "results hidden from participants"),
    (
        "room.panel.results_now_on",
        "results are now shown on participants' devices and the projector",
    ),
    (
        "room.panel.results_now_off",
        "results are now hidden from participants' devices and the projector",
    ),
    (
        "room.panel.confirm_close",
        "press Enter again to close the question (any other key goes on)",
    ),
    (
        "room.panel.unknown_command",
        "`{cmd}` is not a command here: {commands}",
    ),
    (
        "room.panel.only_commands",
        "participants answer on their own devices: here `/r` shows the results and an empty Enter closes",
    ),
    (
        "room.panel.no_back",
        "there is nothing to go back to from here",
    ),
    (
        "room.panel.not_open",
        "no question is open to the room right now; wait for the facilitator to open the next one",
    ),
    ("room.panel.nothing", "nothing yet"),
    ("room.panel.entries", "{n} entry|{n} entries"),
    ("room.panel.aside", "{n} set aside|{n} set aside"),
    (
        "room.panel.earlier",
        "… {n} earlier entry|… {n} earlier entries",
    ),
    ("room.panel.more", "… {n} more|… {n} more"),
    ("room.panel.anonymous", "anonymous"),
    ("room.panel.facilitator", "facilitator"),
    ("room.panel.hidden", "hidden"),
    ("room.panel.merged", "merged into #{id}"),
    ("room.panel.withdrawn", "withdrawn"),
    ("room.panel.points", "{n} point|{n} points"),
    ("room.panel.answered", "{n} answer|{n} answers"),
    (
        "room.start.needs_terminal",
        "`--room` needs a terminal: the facilitator runs the room from the keyboard (leave out `--no-input`, and run labkit in a terminal)",
    ),
    ("room.start.open_at", "Room open: {url}"),
    (
        "room.start.how_to_join",
        "Participants open this address on a phone or laptop on the same network, or scan the QR code.",
    ),
    (
        "room.start.this_computer_only",
        "Only this computer can open this address: fine for a projector, not for phones.",
    ),
    (
        "room.start.no_network",
        "No network was found, so only this computer can open this address (fine for a projector, not for phones); join a network, or give --room-bind IP.",
    ),
    (
        "room.start.stored",
        "Everything participants send is saved in {path} as it arrives.",
    ),
    (
        "room.start.port_in_use",
        "port {port} is already in use on {ip}; choose another with `--room-port N`, or `--room-port 0` for any free port",
    ),
    (
        "room.start.port_taken",
        "port {default} is in use; the room took port {port} instead",
    ),
    (
        "room.start.bind_unavailable",
        "`{ip}` is not an address of this computer; leave out `--room-bind` to use its network address, or give 127.0.0.1",
    ),
    (
        "room.start.failed",
        "could not open the room on {addr}: {error}",
    ),
    ("timer.keys", "Enter ends · space pauses · + adds 1 min"),
    ("timer.paused", "paused"),
    ("timer.up", "time is up — press Enter to continue"),
    ("timer.ended_early", "ended with {left} left"),
    ("prompt.start_countdown", "Start the {duration} countdown?"),
    (
        "prompt.start_step_countdown",
        "Start the {duration} countdown for this step?",
    ),
    ("prompt.back", "← back"),
    ("prompt.row", "row {n}"),
    ("prompt.facilitator", "Facilitator"),
    (
        "prompt.participants",
        "Participants (comma-separated, optional)",
    ),
    ("vote.how", "How are the dots counted?"),
    (
        "vote.totals",
        "Enter each item's total dots (counted on the wall)",
    ),
    (
        "vote.in_turn",
        "Participants vote in turn here, {dots} dots each",
    ),
    ("vote.voters", "How many people vote?"),
    (
        "vote.turn",
        "Voter {voter}/{voters}, dot {dot}/{dots} (dots can be stacked)",
    ),
    ("run.session", "session: {path}"),
    ("run.saved", "session saved: {path}"),
    (
        "run.stopped",
        "stopped; every answer and entry so far is saved. Continue with: {command}",
    ),
    (
        "session.locked",
        "`{session}` is open in another labkit ({holder}); finish or stop it there (Ctrl-C), then `labkit resume` it here",
    ),
    (
        "session.schema_newer",
        "this session was written by a newer labkit (session schema {schema}); this labkit reads sessions up to schema {known}",
    ),
    (
        "session.schema_newer_hint",
        "upgrade labkit to open it; the file is left as it is",
    ),
    (
        "session.schema_unknown",
        "schema 0 is not a session schema; labkit writes sessions with schema 1 to {known}",
    ),
    (
        "session.bad_language",
        "`{code}` is not a language labkit speaks",
    ),
    ("session.bad_language_hint", "write `en` or `pt`"),
    (
        "session.bad_time",
        "`{value}` is not a date and time; labkit writes them like `2026-11-26T14:27:52Z`",
    ),
    (
        "run.using_copy",
        "the method file of `{id}` was not found here; using the copy kept in the session",
    ),
    (
        "run.using_copy_broken",
        "{file} has problems (`labkit validate` lists them); using the copy of `{id}` kept in the session",
    ),
    (
        "run.method_missing_hint",
        "; it was not found in the method folders, and the session keeps no copy of it (it was started with an older labkit): put `{id}.yaml` in the workspace's methods/ folder, or pass `--methods DIR`",
    ),
    (
        "run.broken_override",
        "this file gives `{id}` here, in place of the {origin} one, but it has problems; labkit stops rather than use the {origin} `{id}` instead",
    ),
    (
        "run.broken_override_hint",
        "fix the problems below (`labkit validate` lists them too), or move the file out of the method folders to use the {origin} one",
    ),
    (
        "run.answer_wrong",
        "the answer to `{id}` does not fit the question: {reason}",
    ),
    (
        "run.answers_not_mapping",
        "the answers of `{id}` must be a mapping of question id to answer",
    ),
    (
        "run.answers_hint",
        "the file is left as it is; correct these answers (or delete them to be asked again), then resume",
    ),
    (
        "run.in_progress_unknown",
        "the question in progress, `{id}`, is not a question of this session's method",
    ),
    (
        "run.in_progress_shape",
        "the entries in progress do not have the shape of an answer to `{id}`",
    ),
    (
        "run.in_progress_hint",
        "the file is left as it is; correct or remove its `in_progress` part to continue",
    ),
    (
        "run.already_finished",
        "this session is already finished; answers are in {path}",
    ),
    (
        "run.no_terminal",
        "without a terminal labkit never asks: pass `--answers FILE`, `--set ID=VALUE` or `--defaults`",
    ),
    (
        "run.no_terminal_resume",
        "`labkit resume` asks the questions still open, so it needs a terminal; without one, finish the answers in a new session: `{command}`, with `--set ID=VALUE` or `--defaults` for the rest",
    ),
    ("report.written", "report written: {path}"),
    ("check.number", "expected a number"),
    ("check.whole", "expected a whole number, got {n}"),
    ("check.between", "must be between {min} and {max}"),
    ("check.yes_no", "expected yes or no"),
    ("check.scale", "expected a whole number from {min} to {max}"),
    (
        "check.date",
        "`{text}` is not a date; write it as YYYY-MM-DD",
    ),
    ("check.choice", "`{text}` is not one of: {choices}"),
    ("check.at_least", "give at least {m} (got {n})"),
    ("check.at_most", "give at most {m} (got {n})"),
    ("check.required", "an answer is required"),
    (
        "check.min_length",
        "at least {n} character|at least {n} characters",
    ),
    (
        "check.max_length",
        "at most {n} character|at most {n} characters",
    ),
    ("check.pattern", "does not match the pattern `{p}`"),
    ("check.missing", "missing answer: {prompt}"),
    ("label.error", "error"),
    ("label.warning", "warning"),
    ("label.hint", "hint"),
    ("source.flag", "flag {flag}"),
    ("source.env", "environment {var}"),
    ("source.default", "default"),
    ("config.setting", "setting"),
    ("config.value", "value"),
    ("config.from", "from"),
    (
        "duration.invalid",
        "`{input}` is not a duration; write it like `90s`, `10m`, `1h30m` or `2d`",
    ),
    (
        "duration.no_unit",
        "`{n}` has no unit; write `{n}m` for minutes (or `s`, `h`, `d`)",
    ),
    (
        "duration.negative",
        "`{n}` is not a duration; write it like `10m` or `1h30m`",
    ),
    (
        "duration.decimal",
        "`{n}` is not a duration; write it like `1h30m` rather than a decimal",
    ),
    ("list.none", "no methods match"),
    ("origin.builtin", "built-in"),
    ("origin.env", "LABKIT_PATH"),
    ("origin.workspace", "workspace"),
    ("origin.path", "path"),
    ("origin.copy", "copy kept in the session"),
    ("answer.yes", "yes"),
    ("answer.no", "no"),
    ("answer.skipped", "—"),
    (
        "review.step",
        "Review: continue, or pick an answer to change",
    ),
    (
        "review.final",
        "Final review of every answer: finish, or pick one to change",
    ),
    ("review.continue", "✓ Continue"),
    ("review.finish", "✓ Finish"),
    ("validate.ok", "no problems found"),
    ("validate.summary", "{files} checked: {errors} in {bad}"),
    ("validate.files", "{n} file|{n} files"),
    ("validate.problems", "{n} problem|{n} problems"),
    ("stage.setup", "setup"),
    ("stage.framing", "framing"),
    ("stage.research", "research"),
    ("stage.ideation", "ideation"),
    ("stage.experiment", "experiment"),
    ("stage.learning", "learning"),
    ("error.unknown_method", "unknown method `{id}`"),
    (
        "error.skipped",
        "skipped {file}: it has problems (run `labkit validate` for details)",
    ),
    ("validate.text_empty", "text is empty"),
    ("validate.source_title_empty", "source title is empty"),
    (
        "validate.source_url",
        "`{url}` is not a web address; start it with `https://`",
    ),
    (
        "validate.group_size",
        "`{value}` is not a group size; write `5`, `2-8` or `4+`",
    ),
    ("validate.not_method_id", "`{id}` is not a method id"),
    (
        "validate.schema_unsupported",
        "schema `{schema}` is not supported; this labkit reads schema `1`",
    ),
    (
        "validate.bad_id",
        "`{id}` is not a valid id; use lowercase letters, digits and single dashes, like `test-card`",
    ),
    (
        "validate.id_not_file_name",
        "id `{id}` does not match the file name `{stem}.yaml`",
    ),
    (
        "validate.id_not_file_name_hint",
        "rename the file to `{id}.yaml` or set `id: {stem}`",
    ),
    (
        "validate.playbook_kind",
        "a playbook needs `methods:`, not `steps:`",
    ),
    ("validate.version_zero", "version starts at 1"),
    ("validate.no_steps", "a method needs at least one step"),
    (
        "validate.bad_step_id",
        "`{id}` is not a valid step id; use lowercase letters, digits, `_` or `-`",
    ),
    ("validate.step_id_twice", "step id `{id}` is used twice"),
    (
        "validate.question_id_twice",
        "question id `{id}` is used twice; answers are keyed by question id, so ids must be unique in a method",
    ),
    (
        "validate.question_id_is_helper",
        "question id `{id}` is the name of a template helper: `{{{id}}}` in a default, a condition or a computed value would call the helper, not read this answer",
    ),
    (
        "validate.question_id_is_helper_hint",
        "rename it, e.g. `{id}_value`",
    ),
    (
        "validate.count_whole",
        "`{field}` must be a whole number of entries, got {value}",
    ),
    (
        "validate.template_syntax",
        "template does not compile: {reason}",
    ),
    (
        "validate.template_syntax_hint",
        "check the braces, and that every `{{#if …}}` or `{{#each …}}` is closed with `{{/if}}` or `{{/each}}`",
    ),
    ("validate.helpers_hint", "helpers: {helpers}"),
    ("validate.unknown_helper", "unknown helper `{name}`"),
    (
        "validate.loop_reaches_out",
        "`{mustache}` reads outside the `{{#each}}` it is in",
    ),
    (
        "validate.loop_reaches_out_hint",
        "inside a loop a template reads only the item (`this`, its fields, `@index`): a loop over a whole answer inside another multiplies the work, and `../x` repeats `x` once per entry; move it out of the loop",
    ),
    (
        "validate.template_unknown_question",
        "template refers to `{name}`, which is not an earlier question",
    ),
    (
        "validate.template_unknown_question_hint",
        "a template can only use answers to questions asked before it",
    ),
    ("validate.choices_missing", "this question needs `choices`"),
    ("validate.choices_empty", "`choices` is empty"),
    ("validate.choice_empty", "choice value is empty"),
    ("validate.choice_twice", "choice `{value}` is listed twice"),
    (
        "validate.min_length_above_max",
        "`min_length` ({min}) is greater than `max_length` ({max})",
    ),
    (
        "validate.pattern_syntax",
        "pattern does not compile: {reason}",
    ),
    (
        "validate.bad_question_id",
        "`{id}` is not a valid question id; use lowercase letters, digits, `_` or `-`, starting with a letter",
    ),
    (
        "validate.takes_no_fields",
        "a `{type}` question takes no type-specific fields",
    ),
    (
        "validate.takes_fields",
        "a `{type}` question takes: {fields}",
    ),
    (
        "validate.field_not_applicable",
        "`{field}` does not apply to a `{type}` question",
    ),
    (
        "validate.room_in_record",
        "a records field cannot be open to the room; set `room` on the question itself",
    ),
    (
        "validate.record_field_type",
        "a records field cannot be a `{type}` question; use text, longtext, number, confirm, select, scale or date",
    ),
    (
        "validate.min_above_max",
        "`min` ({min}) is greater than `max` ({max})",
    ),
    (
        "validate.too_many_selections",
        "asks for {m} selections but there are only {n} choices",
    ),
    ("validate.scale_whole", "a scale runs between whole numbers"),
    (
        "validate.scale_range",
        "a scale needs `min` < `max` and at most 101 points, got {min} to {max}",
    ),
    (
        "validate.label_outside_scale",
        "label for {point} is outside the scale {min} to {max}",
    ),
    (
        "validate.fields_missing",
        "a `records` question needs `fields`",
    ),
    ("validate.fields_empty", "`fields` is empty"),
    ("validate.field_id_twice", "field id `{id}` is used twice"),
    ("validate.dots_zero", "`dots` must be at least 1"),
    (
        "validate.computed_value",
        "a `computed` question needs `value`, a template such as `{{sample_size_proportions baseline target}}`",
    ),
    (
        "validate.from_missing",
        "a `{type}` question needs `from`: the id of an earlier `list` or `records` question",
    ),
    (
        "validate.from_wrong_type",
        "`from: {from}` names a `{type}` question; it must name a `list` or `records` question",
    ),
    (
        "validate.from_unknown",
        "`from: {from}` is not an earlier question",
    ),
    (
        "validate.from_unknown_hint",
        "`from` must name a `list` or `records` question asked earlier in the method",
    ),
    (
        "validate.criteria_missing",
        "a `score` question needs `criteria`, e.g. impact and effort",
    ),
    ("validate.criteria_empty", "`criteria` is empty"),
    (
        "validate.bad_criterion_id",
        "`{id}` is not a valid criterion id",
    ),
    (
        "validate.criterion_twice",
        "criterion `{id}` is listed twice",
    ),
    (
        "validate.criterion_range",
        "a criterion needs `min` < `max` (at most 101 points), got {min} to {max}",
    ),
    (
        "validate.quadrants_two",
        "`quadrants` needs exactly two criteria, found {n}",
    ),
    (
        "validate.default_out_of_range",
        "default {n} is outside the allowed range",
    ),
    (
        "validate.default_outside_scale",
        "default {n} is outside the scale {min} to {max}",
    ),
    (
        "validate.multiselect_default",
        "a multiselect default is a list of choice values",
    ),
    (
        "validate.default_wrong_type",
        "this default does not fit a `{type}` question",
    ),
    (
        "validate.default_not_choice",
        "default `{value}` is not one of the choices",
    ),
    (
        "validate.template_not_a_name",
        "`{name}` is not a template name; a playbook names a template from the workspace's templates folder or the built-ins, with no `..` and no absolute path",
    ),
    (
        "validate.template_not_a_name_hint",
        "put the file in the workspace's `templates/` folder as NAME.md.hbs and write `template: NAME`",
    ),
    (
        "validate.template_missing",
        "there is no template `{name}`, neither in the workspace's templates folder nor among the built-ins",
    ),
    ("validate.templates_known", "templates: {names}"),
    (
        "validate.no_methods",
        "a playbook needs at least one method",
    ),
    (
        "validate.day_order",
        "day {day} comes before day {last}; days start at 1 and only move forward",
    ),
    (
        "validate.method_twice",
        "method `{method}` already runs as block {block}; answers are keyed by method, so each runs once",
    ),
    (
        "validate.break_fields",
        "a break takes only `break` and `title`",
    ),
    (
        "validate.block_both",
        "a block is either a `method` or a `break`, not both",
    ),
    (
        "validate.block_neither",
        "a block needs `method: ID` or `break: DURATION`",
    ),
    (
        "validate.no_such_question",
        "`{method}` has no question `{question}`",
    ),
    (
        "validate.items_target_type",
        "`{method}.{question}` is a `{type}` question; only list, vote, score and rank questions take items",
    ),
    (
        "validate.items_source_form",
        "`{source}` should be `method.question`, e.g. `brainstorm.ideas`",
    ),
    (
        "validate.not_earlier_method",
        "`{method}` is not a method that runs earlier in this playbook",
    ),
    (
        "validate.items_source_type",
        "`{source}` is a `{type}` question; items come from a list, records or vote question",
    ),
    ("method.did_you_mean", "did you mean `{word}`?"),
    (
        "method.too_large",
        "file is larger than {mb} MB, the limit for a method file",
    ),
    (
        "method.not_utf8",
        "file is not valid UTF-8; save it as UTF-8",
    ),
    (
        "method.empty",
        "file is empty; a method needs at least `schema`, `id`, `name`, `summary`, `stage`, `duration` and `steps`",
    ),
    (
        "method.not_mapping",
        "expected a mapping of fields (`schema: 1`, `id: ...`) at the top of the file",
    ),
    (
        "method.too_deep",
        "nesting is too deep here (more than {limit} levels)",
    ),
    (
        "method.alias_bomb",
        "too many aliases expand here (is this an alias bomb?)",
    ),
    (
        "input.not_a_file",
        "is {kind}, not a regular file; labkit reads only regular files",
    ),
    ("input.kind.folder", "a folder"),
    ("input.kind.fifo", "a named pipe (FIFO)"),
    ("input.kind.socket", "a socket"),
    ("input.kind.device", "a device"),
    ("input.kind.other", "a special file"),
    (
        "input.too_many_values",
        "more than {limit} values (lists, mappings, scalars) in one file",
    ),
    (
        "input.too_large",
        "file is larger than {mb} MB, the limit for a session, answers or settings file",
    ),
    ("method.duplicate_key", "key {key} is given twice"),
    ("method.yaml_syntax", "YAML syntax error: {reason}"),
    (
        "method.unknown_language",
        "unknown language `{word}`; text can be given in `en` and `pt`",
    ),
    ("method.unknown_field", "unknown field `{word}`"),
    ("method.expected_one_of", "expected one of {list}"),
    (
        "method.unknown_question_type",
        "unknown question type `{word}`",
    ),
    ("method.question_types", "question types: {types}"),
    ("method.unknown_value", "unknown value `{word}`"),
    ("method.missing_field", "missing field `{field}`"),
    (
        "agenda.bad_time",
        "`{flag} {value}` is not a time; write it as HH:MM, e.g. 09:30",
    ),
    (
        "agenda.day_ends_first",
        "the day ends ({end}) before it starts ({start})",
    ),
    (
        "agenda.bad_date",
        "`--date {date}` is not a date; write it as YYYY-MM-DD",
    ),
    (
        "agenda.too_long",
        "the agenda of `{id}` would run for more than {days} days; shorten its timeboxes",
    ),
    (
        "agenda.bad_timezone",
        "{source}: labkit has no rules for the time zone `{zone}`; use one of {zones}",
    ),
    ("assign.working", "assigning the units of {file}…"),
    (
        "assign.no_seed",
        "no `--seed` given; drew seed {seed}. Pass `--seed {seed}` to reproduce this assignment.",
    ),
    (
        "assign.delimiter_sole",
        "{file}: columns separated by {delimiter} (detected; `--delimiter` sets another)",
    ),
    (
        "assign.delimiter_preferred",
        "{file}: columns separated by {delimiter}; {others} would also fit: pass `--delimiter` if the file uses that",
    ),
    (
        "assign.delimiter_column",
        "{file}: columns separated by {delimiter}, not {other}: only then is there a column {name} (from `{flag}`)",
    ),
    (
        "assign.delimiter_one_column",
        "{file}: one column (no `,`, `;`, tab or `|` in the header)",
    ),
    (
        "assign.delimiter_undetected",
        "could not tell the delimiter: read with `,` the header is one column, {header}, which contains {found}; pass `--delimiter {value}`",
    ),
    (
        "assign.not_a_file_too_big",
        "{file} is not a regular file, so it is read into memory, and it is larger than {limit} MiB; save it to a file and assign that",
    ),
    (
        "eject.no_workspace",
        "there is no workspace here to eject into; run `labkit init` first",
    ),
    ("eject.no_template", "no built-in template `{id}`{hint}"),
    (
        "eject.no_method",
        "no built-in method or playbook `{id}`{hint}",
    ),
    (
        "eject.copied_template",
        "copied the built-in template to {path}",
    ),
    (
        "eject.copied_method",
        "copied the built-in method to {path}",
    ),
    (
        "eject.shadows",
        "this copy now shadows the built-in `{id}`; edit it, then `labkit validate`",
    ),
    (
        "init.exists",
        "`{path}` already exists; this folder is a workspace already",
    ),
    (
        "init.bad_lang",
        "`--default-lang {code}`: labkit speaks `en` and `pt`",
    ),
    ("init.created", "created a labkit workspace in {path}"),
    (
        "init.next",
        "next: `labkit new method my-method`, `labkit run experiment-plan`, `labkit config`",
    ),
    ("list.reading", "reading the workspace's methods…"),
    (
        "man.written",
        "wrote {count} manual pages to {dir} (labkit.1 and one per command)",
    ),
    ("man.not_a_folder", "`{path}` is not a folder"),
    (
        "list.unknown_stage",
        "unknown stage `{value}`{hint}; stages are {stages}",
    ),
    (
        "new.bad_id",
        "`{id}` is not a method id; use lowercase letters, digits and single dashes, like `service-safari`",
    ),
    ("new.exists", "`{path}` already exists"),
    ("new.created", "created {path}"),
    (
        "new.next",
        "check it with `labkit validate {path}`; try it with `labkit run {id}`",
    ),
    (
        "new.no_workspace",
        "there is no labkit.yaml here, so labkit finds this method only with `--methods methods` (or run `labkit init`)",
    ),
    (
        "portfolio.not_a_folder",
        "`{path}` is not a folder of sessions",
    ),
    (
        "portfolio.unknown_status",
        "unknown status `{status}`; use `in_progress` or `finished`",
    ),
    (
        "portfolio.bad_since",
        "`--since {date}` is not a date; write it as YYYY-MM-DD",
    ),
    ("portfolio.skipped", "skipped {path}: {reason}"),
    (
        "portfolio.excel_needs_csv",
        "`--excel` shapes CSV for a spreadsheet; add `--format csv`",
    ),
    ("portfolio.line", "line {line}: {reason}"),
    ("report.rendering", "rendering {file}…"),
    (
        "report.unknown_format",
        "cannot tell the format of `{path}`; name it .md, .html or .docx, or pass --format",
    ),
    (
        "report.docx_needs_file",
        "a Word document needs a file: pass `-o report.docx`",
    ),
    (
        "report.method_missing",
        "{session}: `{id}`, the method of this session, is not available",
    ),
    (
        "run.session_is_folder",
        "`--session {path}` is a folder; give the session a file name, e.g. `--session {example}`",
    ),
    (
        "run.exists",
        "`{path}` already exists; use `labkit resume` to continue it",
    ),
    (
        "run.method_changed",
        "the method `{id}` changed since this session began; answers to questions that still exist are kept{dropped}",
    ),
    ("run.dropped", ", these are dropped: {ids}"),
    (
        "run.playbook_changed",
        "the playbook `{id}` changed since this session began; its answers are kept",
    ),
    ("run.answers_for", "answers for `{id}`"),
    (
        "run.not_in_playbook",
        "`{key}` is not a method of the playbook `{playbook}`",
    ),
    ("run.set_form", "`--set {pair}`: write it as ID=VALUE"),
    (
        "run.set_playbook_form",
        "`--set {pair}`: in a playbook write METHOD.QUESTION=VALUE",
    ),
    (
        "run.report_extension",
        "`--report {path}`: name the file .md, .html or .docx",
    ),
    ("show.did_you_mean", "did you mean {names}?"),
    ("show.or", " or "),
    ("show.list_hint", "`labkit list` shows every method"),
    ("timer.zero", "a timer needs a duration above zero"),
    (
        "timer.no_terminal",
        "`labkit timer` needs a terminal to show the countdown and read keys",
    ),
    ("timer.stopped", "stopped after {time}"),
    ("timer.elapsed", "time is up ({time})"),
    ("validate.not_found", "`{path}` does not exist"),
    (
        "settings.unknown_key",
        "unknown key `{key}`{hint}; keys are {keys}",
    ),
    (
        "settings.bad_lang",
        "{source}: `{code}` is not a language labkit speaks; use `en` or `pt`",
    ),
    (
        "settings.bad_color",
        "{source}: colour `{value}` is not one of auto, always, never",
    ),
    (
        "report.docx_error",
        "cannot write the Word document: {reason}",
    ),
    (
        "report.no_template",
        "no template `{name}`{hint}; templates: {known}",
    ),
    ("report.generic_missing", "the generic template is missing"),
    (
        "report.template_not_a_name",
        "`{name}` is not a template name: a file may name only a template of the workspace's templates folder or a built-in one, with no `..` and no absolute path; to use a file of your own, pass `--template PATH`",
    ),
    (
        "report.template_outside",
        "`{path}` leads outside the templates folder `{dir}` (to `{target}`); a template there must be a file inside it",
    ),
    (
        "report.template_unusable",
        "cannot read the template `{path}`: {reason}",
    ),
    ("report.template_not_a_file", "it is not a regular file"),
    (
        "report.template_syntax",
        "{name}{place}: template does not compile: {reason}",
    ),
    (
        "report.template_hint",
        "docs/templates.md lists the variables and helpers a template can use",
    ),
    (
        "fsutil.exists",
        "`{path}` already exists; pass `--force` to replace it",
    ),
    (
        "fsutil.is_input",
        "`{path}` is `{input}`, which this command reads; write to another file",
    ),
    (
        "fsutil.twice",
        "`{path}` is named for two outputs; give each its own file",
    ),
    (
        "fsutil.not_a_file",
        "`{path}` is not a file labkit can write (a folder, a socket or a device)",
    ),
    ("stats.invalid_parameter", "`{flag}` {message}"),
    ("stats.line", "line {line}: {message}"),
    ("stats.io", "could not write the output: {reason}"),
    (
        "stats.cluster_needs_icc",
        "`--cluster-size` requires `--icc` (the intra-cluster correlation)",
    ),
    (
        "stats.icc_needs_cluster",
        "`--icc` requires `--cluster-size`",
    ),
    (
        "cli.whole_number",
        "`{value}` is not a whole number of 0 or more",
    ),
    ("stats.at_least_one", "must be at least 1, got 0"),
    (
        "stats.icc_range",
        "must be between 0 and 1 (inclusive), got {value}",
    ),
    (
        "stats.attrition_range",
        "must be at least 0 and less than 1, got {value}",
    ),
    (
        "stats.open_unit",
        "must be between 0 and 1 (exclusive), got {value}",
    ),
    ("stats.positive", "must be greater than 0, got {value}"),
    (
        "stats.power_vs_alpha",
        "`--power` ({power}) must be greater than `--alpha` ({alpha})",
    ),
    (
        "stats.too_large",
        "the required sample size is too large to compute ({n} per arm); is the effect too small?",
    ),
    (
        "stats.nonzero",
        "must be a non-zero difference, got {value}",
    ),
    (
        "stats.mde_out_of_range",
        "of {mde} takes the target proportion to {target}, outside 0 and 1 (exclusive) for `--baseline` {baseline}",
    ),
    (
        "stats.must_differ",
        "`--baseline` and `--target` must differ (both are {value})",
    ),
    (
        "stats.no_mde",
        "no increase over `--baseline` {baseline} is detectable with `--per-arm` {per_arm}: even a target of 1 needs {need} per arm before adjustments",
    ),
    (
        "stats.per_arm_too_small",
        "of {n} is too small to detect any difference at this `--alpha`",
    ),
    (
        "stats.duration_too_long",
        "recruiting {total} at {per_period} per period would take too long to compute",
    ),
    (
        "stats.ratio_part",
        "part {part} of {text} is not a positive whole number (expected e.g. `treatment=2,control=1`)",
    ),
    (
        "stats.ratio_text_count",
        "{text} has {parts} parts but there are {arms} arms; give one part per arm",
    ),
    (
        "stats.ratio_count",
        "has {parts} parts but there are {arms} arms; give one part per arm",
    ),
    ("stats.arms_min", "needs at least 2 arms, got {count}"),
    ("stats.arms_too_many", "lists too many arms"),
    ("stats.arm_empty", "has an empty arm name (arm {index})"),
    (
        "stats.arm_duplicate",
        "lists {arm} more than once; arm names must be unique",
    ),
    ("stats.ratio_zero", "parts must all be greater than 0"),
    (
        "stats.column_missing",
        "column {name} (from `{flag}`) not found; available columns: {columns}",
    ),
    (
        "stats.too_many_values",
        "too many distinct values to assign",
    ),
    (
        "stats.not_utf8",
        "contains bytes that are not valid UTF-8; save the file as UTF-8",
    ),
    ("stats.csv", "could not read the CSV input: {reason}"),
    (
        "stats.empty_input",
        "the input is empty: expected a header row and at least one data row",
    ),
    (
        "stats.duplicate_column",
        "the header has a duplicate column name {name} (columns {first} and {second})",
    ),
    (
        "stats.arm_column_exists",
        "the input already has a column named {name}; rename or remove it first",
    ),
    (
        "stats.field_count",
        "has {count} fields, expected {expected} (as in the header)",
    ),
    (
        "stats.empty_id",
        "empty value in the `--id` column {column}",
    ),
    (
        "stats.duplicate_id",
        "duplicate id {id} in column {column} (first seen on line {first})",
    ),
    (
        "stats.empty_cluster",
        "empty value in the `--cluster` column {column}",
    ),
    (
        "stats.cluster_strata",
        "cluster {name} (column {column}) is in stratum {here} here but in stratum {there} on line {line}; all rows of a cluster must have the same `--stratify` values",
    ),
    ("stats.too_many_rows", "too many rows to assign"),
    (
        "stats.row_too_long",
        "the row is longer than {limit} MiB, the most that is read (is a quote left open?)",
    ),
    ("stats.too_many_fields", "has more than {limit} fields"),
    (
        "stats.memory_limit",
        "assigning this file would take more than {limit} MiB of memory (1 byte per unit, 8 per row with `--id`, and every distinct value of `--stratify` and `--cluster`); split the file, for example by stratum",
    ),
    (
        "stats.input_changed",
        "the file changed while it was being read; run the assignment again",
    ),
    (
        "stats.no_data_rows",
        "the input has a header row but no data rows",
    ),
    (
        "stats.baseline_needs",
        "with `--baseline`, give `--target` or `--mde`",
    ),
    (
        "stats.sd_needs_delta",
        "with `--sd`, give `--delta`, the difference in means to detect",
    ),
    (
        "stats.sample_size_inputs",
        "give `--baseline` with `--target` or `--mde` (proportions), or `--sd` with `--delta` (means)",
    ),
    (
        "stats.mde_inputs",
        "give `--baseline` (proportions) or `--sd` (means)",
    ),
    ("stats.duration_inputs", "give `--per-day` or `--per-week`"),
    (
        "help.about",
        "Innovation methods for public-sector labs: guided workshops and the documents they produce",
    ),
    (
        "help.after_help",
        "Exit codes: 0 ok · 1 the command ran and found problems (e.g. validate) · 2 bad usage or bad input · 130 cancelled (session saved)\n\nExamples:\n  labkit list --stage ideation\n  labkit show test-card --lang pt\n  labkit validate methods/",
    ),
    (
        "help.arg.lang",
        "Language for method text and messages [env: LABKIT_LANG]",
    ),
    (
        "help.arg.color",
        "When to use colour (NO_COLOR is respected)",
    ),
    ("help.arg.quiet", "Print only data and errors"),
    (
        "help.arg.no_input",
        "Never ask questions; fail instead of waiting for input",
    ),
    (
        "help.arg.methods",
        "Also load methods from this folder or file (repeatable; overrides built-ins and the workspace)",
    ),
    (
        "help.list.about",
        "List the methods and playbooks labkit knows",
    ),
    (
        "help.list.after_help",
        "Examples:\n  labkit list\n  labkit list --stage experiment --format json\n  labkit list --search vote",
    ),
    ("help.list.arg.stage", "Only methods of this stage"),
    ("help.list.arg.tag", "Only methods with this tag"),
    (
        "help.list.arg.search",
        "Only methods whose id, name, summary or tags contain this text",
    ),
    (
        "help.show.about",
        "Show a method's card: purpose, timings, steps, questions, sources",
    ),
    (
        "help.show.after_help",
        "Examples:\n  labkit show test-card\n  labkit show brainstorm --lang pt\n  labkit show problem-framing --format yaml",
    ),
    ("help.show.arg.id", "Method or playbook id"),
    (
        "help.show.arg.all",
        "Every method and playbook, one card after another (a catalogue to print)",
    ),
    (
        "help.validate.about",
        "Check method and playbook files; exits 1 when any has problems",
    ),
    (
        "help.validate.after_help",
        "Examples:\n  labkit validate                 # the workspace and the built-ins\n  labkit validate methods/my-method.yaml\n  labkit validate methods/ --format json",
    ),
    (
        "help.validate.arg.paths",
        "Files or folders to check (default: the workspace and the built-ins)",
    ),
    (
        "help.run.about",
        "Run a method as a guided session, saving every answer as it is given",
    ),
    (
        "help.run.after_help",
        "Examples:\n  labkit run test-card\n  labkit run brainstorm --facilitator Ana --participants Rui,Eva\n  labkit run test-card --answers answers.yaml --no-input\n  labkit run test-card --set test_name=\"Letter test\" --defaults",
    ),
    (
        "help.run.arg.method",
        "Method id, or the path of a method file",
    ),
    (
        "help.run.arg.answers",
        "Answers to use (YAML or JSON; a session file works too)",
    ),
    (
        "help.run.arg.set",
        "Give one answer on the command line (repeatable)",
    ),
    (
        "help.run.arg.defaults",
        "Take each question's default where no answer was given",
    ),
    (
        "help.run.arg.session",
        "Where to save the session (default: sessions/DATE-METHOD.yaml)",
    ),
    (
        "help.run.arg.lab",
        "The lab running the session (default: `lab` in labkit.yaml)",
    ),
    (
        "help.run.arg.facilitator",
        "Who facilitates (default: `facilitator` in labkit.yaml; asked when not set)",
    ),
    ("help.run.arg.participants", "Participants, comma-separated"),
    ("help.run.arg.no_timer", "Do not offer timebox countdowns"),
    (
        "help.run.arg.report",
        "Render a report at the end (format from the extension: .md, .html, .docx)",
    ),
    (
        "help.run.arg.template",
        "Report template name or path (with --report)",
    ),
    (
        "help.run.arg.force",
        "Replace an existing report file (with --report)",
    ),
    (
        "help.run.arg.room",
        "Open the room: participants answer the method's room questions from their phones (a small web server; its address and a QR code are shown)",
    ),
    (
        "help.run.arg.room_bind",
        "The address the room listens on (default: this computer's network address; 127.0.0.1 for this computer only)",
    ),
    (
        "help.run.arg.room_port",
        "The room's port (default: 7878, or a free one when 7878 is taken; 0 picks a free one)",
    ),
    (
        "help.resume.about",
        "Continue a saved session at its first unanswered question",
    ),
    (
        "help.resume.after_help",
        "Example:\n  labkit resume sessions/2026-11-26-test-card.yaml",
    ),
    ("help.resume.arg.session", "The session file"),
    (
        "help.resume.arg.no_timer",
        "Do not offer timebox countdowns",
    ),
    (
        "help.resume.arg.report",
        "Render a report at the end (format from the extension: .md, .html, .docx); replaces the report the session was started with",
    ),
    (
        "help.resume.arg.template",
        "Report template name or path (saved with the session)",
    ),
    ("help.resume.arg.force", "Replace an existing report file"),
    (
        "help.resume.arg.room",
        "Open the room: participants answer the method's room questions from their phones (a small web server; its address and a QR code are shown)",
    ),
    (
        "help.resume.arg.room_bind",
        "The address the room listens on (default: this computer's network address; 127.0.0.1 for this computer only)",
    ),
    (
        "help.resume.arg.room_port",
        "The room's port (default: 7878, or a free one when 7878 is taken; 0 picks a free one)",
    ),
    (
        "help.report.about",
        "Render a session as a document: Markdown, printable HTML or Word",
    ),
    (
        "help.report.after_help",
        "Examples:\n  labkit report sessions/2026-11-26-test-card.yaml            # Markdown to stdout\n  labkit report sessions/2026-11-26-test-card.yaml -o plan.html\n  labkit report SESSION -o record.docx --template generic --force",
    ),
    (
        "help.report.arg.session",
        "The session file (finished, or in progress: then the report is marked as a draft)",
    ),
    (
        "help.report.arg.output",
        "Write the report here (default: Markdown to stdout)",
    ),
    (
        "help.report.arg.format",
        "md, html or docx (default: from the output file's extension, else md)",
    ),
    (
        "help.report.arg.template",
        "A template name (workspace or built-in, e.g. `generic`) or a path to a .md.hbs file",
    ),
    ("help.report.arg.force", "Replace an existing output file"),
    (
        "help.agenda.about",
        "The clock-time agenda of a method or playbook, as a table, Markdown or a calendar file",
    ),
    (
        "help.agenda.after_help",
        "Examples:\n  labkit agenda experiment-plan --start 09:30\n  labkit agenda design-sprint --date 2027-03-01 --format ics > sprint.ics\n  labkit agenda brainstorm --start 14:00 --format md",
    ),
    ("help.agenda.arg.id", "Method or playbook id"),
    ("help.agenda.arg.start", "Start time, HH:MM"),
    (
        "help.agenda.arg.day_end",
        "End of the working day, HH:MM (a longer workshop continues the next day)",
    ),
    (
        "help.agenda.arg.date",
        "First day, YYYY-MM-DD (default: today)",
    ),
    (
        "help.agenda.arg.tz",
        "Time zone of the calendar file (default: the `timezone` setting, else Europe/Lisbon)",
    ),
    (
        "help.timer.about",
        "A facilitator's countdown: space pauses, + adds a minute, q or Enter ends",
    ),
    (
        "help.timer.after_help",
        "Examples:\n  labkit timer 10m \"Silent writing\"\n  labkit timer 1h30m",
    ),
    ("help.timer.arg.duration", "How long: 90s, 10m, 1h30m"),
    ("help.timer.arg.label", "What the time is for"),
    (
        "help.suggest.about",
        "Methods that fit the time and the group, best first, with what comes before and after",
    ),
    (
        "help.suggest.after_help",
        "Examples:\n  labkit suggest --stage ideation --minutes 45 --people 12\n  labkit suggest --minutes 30",
    ),
    ("help.suggest.arg.stage", "Only methods of this stage"),
    ("help.suggest.arg.minutes", "Minutes available"),
    ("help.suggest.arg.people", "People in the group"),
    (
        "help.portfolio.about",
        "Every session of the lab in one table (or CSV, JSON, an HTML dashboard)",
    ),
    (
        "help.portfolio.after_help",
        "Examples:\n  labkit portfolio\n  labkit portfolio sessions/ --status in_progress\n  labkit portfolio --stage experiment --since 2027-01-01 --format csv > portfolio.csv\n  labkit portfolio --format csv --excel > portfolio.csv\n  labkit portfolio --format html > dashboard.html",
    ),
    (
        "help.portfolio.arg.dir",
        "Folder of session files (default: the workspace's sessions folder, else ./sessions)",
    ),
    (
        "help.portfolio.arg.status",
        "Only sessions with this status",
    ),
    (
        "help.portfolio.arg.stage",
        "Only sessions of methods of this stage",
    ),
    (
        "help.portfolio.arg.since",
        "Only sessions started on or after this date (YYYY-MM-DD)",
    ),
    (
        "help.portfolio.arg.excel",
        "With --format csv: for a spreadsheet in your language (UTF-8 BOM, CRLF, ';' in Portuguese)",
    ),
    (
        "help.calc.about",
        "Experiment design: sample size and power, minimum detectable effect, trial duration",
    ),
    (
        "help.calc.sample-size.about",
        "People needed per arm for a test of proportions or means (two-sided or one-sided)",
    ),
    (
        "help.calc.sample-size.after_help",
        "Examples:\n  labkit calc sample-size --baseline 0.5 --target 0.75 --power 0.9\n  labkit calc sample-size --baseline 0.30 --mde 0.05 --cluster-size 20 --icc 0.05\n  labkit calc sample-size --sd 10 --delta 3 --attrition 0.1 --format json",
    ),
    (
        "help.calc.sample-size.arg.baseline",
        "Proportions: the outcome rate without the change (0–1)",
    ),
    (
        "help.calc.sample-size.arg.target",
        "Proportions: the outcome rate hoped for with the change (0–1)",
    ),
    (
        "help.calc.sample-size.arg.mde",
        "Proportions: the difference to detect, in absolute terms (0.05 = 5 points)",
    ),
    (
        "help.calc.sample-size.arg.sd",
        "Means: the outcome's standard deviation",
    ),
    (
        "help.calc.sample-size.arg.delta",
        "Means: the difference in means to detect",
    ),
    (
        "help.calc.sample-size.arg.alpha",
        "Significance level α (split between both tails when two-sided)",
    ),
    (
        "help.calc.sample-size.arg.power",
        "Power: the chance of detecting the effect if it is real",
    ),
    (
        "help.calc.sample-size.arg.ratio",
        "Allocation ratio: treatment per control (2), or named (treatment=2,control=1)",
    ),
    (
        "help.calc.sample-size.arg.cluster_size",
        "People per cluster, for cluster randomisation (with --icc)",
    ),
    (
        "help.calc.sample-size.arg.icc",
        "Intra-cluster correlation (with --cluster-size)",
    ),
    (
        "help.calc.sample-size.arg.attrition",
        "Expected drop-out, as a fraction (0.1 = 10%)",
    ),
    (
        "help.calc.mde.about",
        "The smallest effect a trial of a given size can detect",
    ),
    (
        "help.calc.mde.after_help",
        "Examples:\n  labkit calc mde --per-arm 400 --baseline 0.3\n  labkit calc mde --per-arm 100 --sd 12",
    ),
    ("help.calc.mde.arg.per_arm", "People in the first arm"),
    (
        "help.calc.mde.arg.baseline",
        "Proportions: the outcome rate without the change (0–1)",
    ),
    (
        "help.calc.mde.arg.sd",
        "Means: the outcome's standard deviation",
    ),
    (
        "help.calc.mde.arg.alpha",
        "Significance level α (split between both tails when two-sided)",
    ),
    (
        "help.calc.mde.arg.power",
        "Power: the chance of detecting the effect if it is real",
    ),
    (
        "help.calc.mde.arg.ratio",
        "Allocation ratio: treatment per control (2), or named (treatment=2,control=1)",
    ),
    (
        "help.calc.mde.arg.cluster_size",
        "People per cluster, for cluster randomisation (with --icc)",
    ),
    (
        "help.calc.mde.arg.icc",
        "Intra-cluster correlation (with --cluster-size)",
    ),
    (
        "help.calc.mde.arg.attrition",
        "Expected drop-out, as a fraction (0.1 = 10%)",
    ),
    (
        "help.calc.duration.about",
        "How long recruitment takes for a total sample",
    ),
    (
        "help.calc.duration.after_help",
        "Examples:\n  labkit calc duration --total 1200 --per-week 150\n  labkit calc duration --total 300 --per-day 12",
    ),
    (
        "help.calc.duration.arg.total",
        "Total people needed (all arms)",
    ),
    ("help.calc.duration.arg.per_day", "Eligible people per day"),
    (
        "help.calc.duration.arg.per_week",
        "Eligible people per week",
    ),
    (
        "help.assign.about",
        "Randomly assign the units of a CSV file to trial arms, reproducibly and balanced",
    ),
    (
        "help.assign.after_help",
        "Examples:\n  labkit assign people.csv --arms control,treatment --seed 42 -o assigned.csv --log audit.yaml\n  labkit assign schools.csv --ratio a=2,b=1,c=1 --stratify region --cluster school --log audit.yaml\n  labkit assign week1.csv --ratio sms=2,letter=1 --block-size 6 --stratify office -o trial.csv --log trial.yaml\n  labkit assign week2.csv --append trial.csv --log trial.yaml",
    ),
    (
        "help.assign.arg.units",
        "CSV file with a header row, one unit (or one member of a cluster) per row",
    ),
    (
        "help.assign.arg.arms",
        "Arm names, comma-separated (may be left out when --ratio names them, or with --append)",
    ),
    (
        "help.assign.arg.ratio",
        "Allocation ratio naming each arm, e.g. treatment=2,control=1 (equal parts may stay 1:1)",
    ),
    (
        "help.assign.arg.stratify",
        "Randomise within the strata of this column (repeatable)",
    ),
    (
        "help.assign.arg.cluster",
        "Randomise whole clusters identified by this column",
    ),
    (
        "help.assign.arg.id",
        "Column of unit ids, checked for duplicates",
    ),
    (
        "help.assign.arg.delimiter",
        "Field delimiter, `,` `;` `tab` or `|` (default: detected from the header and first rows)",
    ),
    (
        "help.assign.arg.seed",
        "Seed for the random generator; without it one is drawn and printed",
    ),
    (
        "help.assign.arg.output",
        "Write the assigned CSV here instead of stdout",
    ),
    (
        "help.assign.arg.log",
        "Write an audit record (YAML): seed, arms, strata, counts, input and output hashes, version, time (with --append: the log to check and continue)",
    ),
    ("help.assign.arg.force", "Replace existing output files"),
    (
        "help.init.about",
        "Create a lab workspace: labkit.yaml, methods/, templates/, sessions/ and a README",
    ),
    (
        "help.init.after_help",
        "Examples:\n  labkit init\n  labkit init our-lab --lab \"LabX\" --lang pt --facilitator \"Ana Sousa\"",
    ),
    (
        "help.init.arg.dir",
        "Folder for the workspace (default: the current folder)",
    ),
    ("help.init.arg.lab", "The lab's name, shown on reports"),
    (
        "help.init.arg.default_lang",
        "Default language of the workspace",
    ),
    (
        "help.init.arg.facilitator",
        "Default facilitator for new sessions",
    ),
    (
        "help.config.about",
        "Show each setting, its value and where it came from",
    ),
    (
        "help.config.after_help",
        "Examples:\n  labkit config\n  labkit config --format json",
    ),
    (
        "help.new.about",
        "Write a new, commented method file that validates and runs as it is",
    ),
    (
        "help.new.method.about",
        "A new method file in the workspace's methods/ folder",
    ),
    (
        "help.new.method.after_help",
        "Example:\n  labkit new method service-safari && labkit run service-safari",
    ),
    (
        "help.new.method.arg.id",
        "The method's id: lowercase letters, digits and dashes (also the file name)",
    ),
    (
        "help.eject.about",
        "Copy a built-in method (or its report template) into the workspace to customise it",
    ),
    (
        "help.eject.after_help",
        "Examples:\n  labkit eject test-card                 # methods/test-card.yaml\n  labkit eject test-card --template      # templates/test-card.md.hbs\n  labkit eject experiment-plan           # methods/playbooks/experiment-plan.yaml",
    ),
    ("help.eject.arg.id", "A built-in method or playbook id"),
    (
        "help.eject.arg.template",
        "Copy its report template instead (templates/<id>.md.hbs)",
    ),
    (
        "help.eject.arg.force",
        "Replace a file already in the workspace",
    ),
    (
        "help.completions.about",
        "Print shell completions (bash, zsh, fish, powershell, elvish)",
    ),
    (
        "help.completions.after_help",
        "Examples:\n  labkit completions bash > ~/.local/share/bash-completion/completions/labkit\n  labkit completions fish > ~/.config/fish/completions/labkit.fish\n  labkit completions zsh > \"${fpath[1]}/_labkit\"",
    ),
    (
        "help.man.about",
        "Print the manual page (roff), or write one page per command into a folder",
    ),
    (
        "help.man.after_help",
        "Examples:\n  labkit man > labkit.1 && man ./labkit.1\n  labkit man ~/.local/share/man/man1 && man labkit-run",
    ),
    (
        "help.man.arg.dir",
        "Write labkit.1 and a page for each command (labkit-run.1, labkit-calc-mde.1, …) into this folder, replacing earlier ones",
    ),
    (
        "help.ids.about",
        "Method and playbook ids, one per line, for shell completion",
    ),
    (
        "help.schema.about",
        "Print the JSON Schema of method files, for editors",
    ),
    (
        "help.schema.after_help",
        "Example:\n  labkit schema > method.schema.json",
    ),
    ("help.builtin.usage", "Usage"),
    ("help.builtin.commands", "Commands"),
    ("help.builtin.arguments", "Arguments"),
    ("help.builtin.options", "Options"),
    ("help.builtin.help", "Print help"),
    (
        "help.builtin.help_more",
        "Print help (see more with '--help')",
    ),
    (
        "help.builtin.help_summary",
        "Print help (see a summary with '-h')",
    ),
    ("help.builtin.version", "Print version"),
    (
        "help.builtin.help_command",
        "Print this message or the help of the given subcommand(s)",
    ),
    (
        "help.show.arg.format.value.md",
        "Markdown, for a printable catalogue",
    ),
    // The room: refusals participants see when what they sent is not taken.
    ("room.refuse.empty", "Write something first."),
    (
        "room.refuse.too_long",
        "That is too long: at most {max} characters.",
    ),
    ("room.refuse.no_entry", "There is no entry {n}."),
    ("room.refuse.closed", "This question is closed."),
    (
        "room.refuse.full",
        "No more room for answers to this question.",
    ),
    (
        "room.refuse.not_yours",
        "You can only change your own entries.",
    ),
    (
        "room.refuse.wrong_kind",
        "This question does not take that kind of answer.",
    ),
    (
        "room.refuse.bad_ballot",
        "That answer does not fit this question; reload the page.",
    ),
    (
        "room.refuse.budget",
        "You have {dots} dots and placed {placed}.",
    ),
    ("room.refuse.score_range", "Scores go from {min} to {max}."),
    (
        "room.refuse.rank_all",
        "Put every item in order, each once.",
    ),
    ("room.refuse.how_many", "Pick between {min} and {max}."),
    ("room.step", "Step {n} of {total}"),
    ("room.waiting_title", "Waiting for the next question"),
    (
        "room.waiting_body",
        "This page changes by itself when the facilitator opens the next question.",
    ),
    (
        "room.waiting_noscript",
        "Reload the page now and then to see it.",
    ),
    ("room.closed", "This question is closed."),
    ("room.left", "{time} left"),
    ("room.about_left", "About {n} min left"),
    ("room.time_up", "Time is up"),
    ("room.add_label", "Your entry"),
    ("room.add", "Add"),
    ("room.yours", "Your entries ({n})"),
    (
        "room.none_yet",
        "You have not added anything yet. Only you see your entries here.",
    ),
    ("room.entry_n", "Your entry {n}"),
    ("room.save_n", "Save entry {n}"),
    ("room.withdraw_n", "Withdraw entry {n}"),
    ("room.set_aside", "set aside by the facilitator"),
    ("room.dots_legend", "Place your dots: you have {n}"),
    ("room.dots_left", "Dots left: {n}"),
    ("room.send_dots", "Send my dots"),
    ("room.not_scored", "not scored"),
    ("room.send_scores", "Send my scores"),
    ("room.rank_legend", "Give each item a place (1 is the best)"),
    ("room.send_ranking", "Send my ranking"),
    ("room.choose_one", "Choose one"),
    ("room.choose_any", "Choose any that apply"),
    ("room.choose_between", "Choose {min} to {max}"),
    ("room.choose_at_least", "Choose at least {min}"),
    ("room.choose_at_most", "Choose up to {max}"),
    ("room.answer_label", "Your answer"),
    ("room.send", "Send"),
    (
        "room.answered",
        "Your answer is in. You can change it until the question closes.",
    ),
    ("room.recorded", "Your answer was recorded."),
    ("room.you", "About you"),
    ("room.name_label", "Your name or a pseudonym (optional)"),
    (
        "room.name_help",
        "Shown with your entries only when the facilitator puts the results on screen. Leave it empty to stay anonymous.",
    ),
    ("room.save_name", "Save name"),
    (
        "room.stored",
        "What you send (your entries and answers, and a name if you give one) is stored only in the facilitator's session file {file} on their computer; nothing is sent anywhere else. This device keeps a random id, and your name, in two cookies for this room.",
    ),
    ("room.continue", "Open the room"),
    ("room.results", "Results"),
    (
        "room.results_hidden",
        "The results appear here when the facilitator shows them.",
    ),
    ("room.nothing_yet", "Nothing yet."),
    ("room.col_item", "Item"),
    ("room.col_dots", "Dots"),
    ("room.col_devices", "Devices"),
    ("room.col_answer", "Answer"),
    ("room.points", "{n} point|{n} points"),
    ("room.devices", "{n} device took part|{n} devices took part"),
    ("room.done.add", "Added."),
    ("room.done.edit", "Changed."),
    ("room.done.withdraw", "Withdrawn."),
    (
        "room.done.ballot",
        "Sent. You can change it until the question closes.",
    ),
    (
        "room.done.name",
        "Name saved. It goes with what you send from now on.",
    ),
    ("room.err.nothing_open", "No question is open right now."),
    ("room.err.closed", "This question is closed."),
    (
        "room.err.changed",
        "The question has changed; the page now shows the current one.",
    ),
    (
        "room.err.token",
        "This page was out of date and has been reloaded. Please send again.",
    ),
    ("room.err.empty", "Write something first."),
    (
        "room.err.too_long",
        "That is too long: at most {max} characters.",
    ),
    (
        "room.err.name_too_long",
        "That name is too long: at most {max} characters.",
    ),
    ("room.err.shape", "That answer does not fit this question."),
    ("room.err.not_yours", "That is not one of your entries."),
    ("room.err.budget", "That is more than your {n} dots."),
    (
        "room.err.rank",
        "Give every item a different place, from 1 up.",
    ),
    ("room.err.choice", "Choose one of the options shown."),
    ("room.err.nothing_chosen", "Choose something first."),
    ("room.err.too_large", "That is too much to send at once."),
    (
        "room.err.busy",
        "The facilitator's computer did not answer in time; please try again.",
    ),
    (
        "room.err.failed",
        "Could not reach the facilitator's computer. Check the Wi-Fi and try again.",
    ),
    (
        "stats.ratio_needs_names",
        "{text} names no arms; write e.g. `--ratio treatment=2,control=1`, or give `--arms` too",
    ),
    (
        "stats.ratio_positional",
        "{text} would be read in the order of `--arms`, which is easy to get backwards; name the arms instead: `--ratio {named}` (only equal parts such as 1:1 may stay unnamed)",
    ),
    (
        "stats.ratio_named_part",
        "part {part} of {text} is not ARM=WEIGHT (e.g. `--ratio treatment=2,control=1`)",
    ),
    ("stats.ratio_named_twice", "names arm {arm} twice"),
    (
        "stats.ratio_unknown_arm",
        "names arm {arm}, which is not one of `--arms` ({arms})",
    ),
    (
        "stats.ratio_arm_missing",
        "gives no weight for arm {arm}; name every arm of `--arms`",
    ),
    (
        "stats.block_size",
        "must be a positive multiple of the ratio's sum ({sum}), at most {max}; got {size}",
    ),
    (
        "stats.prior_no_arm",
        "the last column is not {name}: `--append` takes a CSV that `labkit assign` wrote",
    ),
    (
        "stats.prior_unknown_arm",
        "arm {arm} is not one of the assignment's arms ({arms})",
    ),
    (
        "stats.append_cluster",
        "cannot add units to a cluster-randomised assignment; assign the whole file again with a new seed, or the new clusters as a trial of their own",
    ),
    (
        "stats.append_header",
        "the columns ({these}) are not the earlier assignment's ({earlier}); new units need the same columns in the same order",
    ),
    (
        "stats.append_id",
        "id {id} in column {column} is already in the earlier assignment",
    ),
    (
        "assign.append_needs_log",
        "`--append` needs `--log`: the earlier assignment's log, which is checked and continued",
    ),
    (
        "assign.log_unreadable",
        "{file}: not an assignment log that `--append` can continue: {reason}",
    ),
    (
        "assign.log_altered",
        "{file}: entry {entry} has been changed since it was written (its `sha256` does not match its contents); refusing to continue it",
    ),
    (
        "assign.log_chain",
        "{file}: entry {entry} does not follow entry {previous} (its `previous_sha256` differs); refusing to continue it",
    ),
    (
        "assign.output_altered",
        "{file} has changed since it was assigned (SHA-256 {actual}; the log {log} says {expected}); refusing to add to it",
    ),
    (
        "assign.append_flag",
        "`{flag}` differs from the earlier assignment's ({logged}); leave it out with `--append`, it is taken from the log",
    ),
    (
        "assign.appended",
        "{file}: {rows} rows added (batch {batch}) after the {earlier} assigned before, which are unchanged; rows per arm in all: {totals}",
    ),
    (
        "help.assign.arg.block_size",
        "Permuted blocks of N units within each stratum, for rolling enrolment (a multiple of the ratio's sum)",
    ),
    (
        "help.assign.arg.append",
        "Add the units to this earlier assignment (its output CSV), keeping its arms; needs --log",
    ),
    (
        "stats.wrong_direction",
        "the difference ({difference}, treatment minus control) points away from `--alternative {alternative}`; give the difference the test looks for, or `--alternative two-sided`",
    ),
    (
        "stats.no_mde_decrease",
        "no decrease below `--baseline` {baseline} is detectable with `--per-arm` {per_arm}: even a target of 0 needs {need} per arm before adjustments",
    ),
    (
        "cli.calc_ratio",
        "`{value}` is not a ratio: give a number (treatment per control, e.g. 2) or name both arms (treatment=2,control=1)",
    ),
    (
        "stats.power_inputs",
        "give `--baseline` and `--target` (proportions) or `--sd` and `--delta` (means)",
    ),
    ("stats.power_sample", "give `--per-arm` or `--total`"),
    (
        "stats.points_range",
        "must be between 2 and 10000, got {value}",
    ),
    (
        "help.calc.sample-size.arg.alternative",
        "The difference the test looks for: either way, or treatment greater or less than control",
    ),
    (
        "help.calc.mde.arg.alternative",
        "The difference the test looks for: either way, or treatment greater or less than control",
    ),
    (
        "help.calc.power.about",
        "The power of a trial of a given size: the chance it detects the effect if it is real",
    ),
    (
        "help.calc.power.after_help",
        "Examples:\n  labkit calc power --baseline 0.3 --target 0.35 --per-arm 1000\n  labkit calc power --sd 10 --delta 3 --total 300 --ratio treatment=2,control=1\n  labkit calc power --baseline 0.3 --target 0.35 --per-arm 1000 --curve -o curve.svg",
    ),
    (
        "help.calc.power.arg.per_arm",
        "People in the control arm (the treatment arm gets --ratio times as many)",
    ),
    (
        "help.calc.power.arg.total",
        "People in both arms together, split by --ratio",
    ),
    (
        "help.calc.power.arg.baseline",
        "Proportions: the outcome rate without the change (0–1)",
    ),
    (
        "help.calc.power.arg.target",
        "Proportions: the outcome rate hoped for with the change (0–1)",
    ),
    (
        "help.calc.power.arg.sd",
        "Means: the outcome's standard deviation",
    ),
    (
        "help.calc.power.arg.delta",
        "Means: the difference in means (treatment minus control)",
    ),
    (
        "help.calc.power.arg.alpha",
        "Significance level α (split between both tails when two-sided)",
    ),
    (
        "help.calc.power.arg.ratio",
        "Allocation ratio: treatment per control (2), or named (treatment=2,control=1)",
    ),
    (
        "help.calc.power.arg.alternative",
        "The difference the test looks for: either way, or treatment greater or less than control",
    ),
    (
        "help.calc.power.arg.cluster_size",
        "People per cluster, for cluster randomisation (with --icc)",
    ),
    (
        "help.calc.power.arg.icc",
        "Intra-cluster correlation (with --cluster-size)",
    ),
    (
        "help.calc.power.arg.attrition",
        "Expected drop-out, as a fraction (0.1 = 10%)",
    ),
    (
        "help.calc.power.arg.curve",
        "Also show power across a range of sample sizes (n, the default) or of effects",
    ),
    ("help.calc.power.arg.points", "Points on the curve"),
    (
        "help.calc.power.arg.output",
        "Write the curve as an SVG chart to this file",
    ),
    (
        "help.calc.power.arg.force",
        "Replace an existing output file",
    ),
    (
        "stats.cv_needs_cluster",
        "`--cluster-cv` requires `--cluster-size` and `--icc`",
    ),
    ("stats.not_negative", "must be 0 or more, got {value}"),
    ("stats.arms_range", "must be between 2 and 100, got {value}"),
    (
        "stats.few_clusters",
        "only {clusters} clusters per arm (fewer than {few}): the power rests on few independent units and on the ICC being right; add clusters if you can, and analyse at the cluster level",
    ),
    (
        "stats.continuity_proportions",
        "`--continuity` is for proportions (`--baseline`), not means",
    ),
    (
        "help.calc.sample-size.arg.continuity",
        "Proportions: Fleiss's continuity correction (for a chi-square test with Yates's correction or Fisher's exact test)",
    ),
    (
        "help.calc.sample-size.arg.cluster_cv",
        "Clusters of unequal size: the coefficient of variation of cluster size (with --cluster-size, the mean size)",
    ),
    (
        "help.calc.sample-size.arg.arms",
        "Arms in all, the control included; each comparison with the control gets α/(arms − 1) (Bonferroni)",
    ),
    (
        "help.calc.mde.arg.continuity",
        "Proportions: Fleiss's continuity correction (for a chi-square test with Yates's correction or Fisher's exact test)",
    ),
    (
        "help.calc.mde.arg.cluster_cv",
        "Clusters of unequal size: the coefficient of variation of cluster size (with --cluster-size, the mean size)",
    ),
    (
        "help.calc.mde.arg.arms",
        "Arms in all, the control included; each comparison with the control gets α/(arms − 1) (Bonferroni)",
    ),
    (
        "help.calc.power.arg.continuity",
        "Proportions: Fleiss's continuity correction (for a chi-square test with Yates's correction or Fisher's exact test)",
    ),
    (
        "help.calc.power.arg.cluster_cv",
        "Clusters of unequal size: the coefficient of variation of cluster size (with --cluster-size, the mean size)",
    ),
    (
        "help.calc.power.arg.arms",
        "Arms in all, the control included; each comparison with the control gets α/(arms − 1) (Bonferroni)",
    ),
    (
        "help.analyse.about",
        "Read out a trial: outcome by arm, the effect with its interval, balance, and the verdict",
    ),
    (
        "help.analyse.after_help",
        "Examples:\n  labkit analyse assigned.csv --outcome renewed --control control\n  labkit analyse assigned.csv --outcome renewed --id case --outcomes results.csv --plan sessions/trial.yaml -o readout.html\n  labkit analyse pupils.csv --outcome score --cluster school --covariates age,prior --format json",
    ),
    (
        "help.analyse.arg.data",
        "The CSV of units with their arm (what `labkit assign` wrote, or any CSV with an arm column)",
    ),
    (
        "help.analyse.arg.outcome",
        "The outcome column (0/1, true/false, yes/no: a proportion; numbers: a mean); with --plan, defaults to the plan's primary outcome",
    ),
    (
        "help.analyse.arg.arm_column",
        "The column holding each unit's arm",
    ),
    (
        "help.analyse.arg.control",
        "The control arm; the others are compared with it",
    ),
    (
        "help.analyse.arg.id",
        "The column of unit ids: repeats are listed, and --outcomes is joined on it",
    ),
    (
        "help.analyse.arg.outcomes",
        "A second CSV with the outcome, joined to the data on the --id column",
    ),
    (
        "help.analyse.arg.cluster",
        "Analyse at the level of this column's clusters (cluster means compared with Welch's test)",
    ),
    (
        "help.analyse.arg.covariates",
        "Baseline columns for the balance table (standardised mean differences)",
    ),
    (
        "help.analyse.arg.plan",
        "The trial-design session: primary outcome, minimum effect, alpha and decision rule",
    ),
    (
        "help.analyse.arg.alpha",
        "Significance level for the intervals and the verdict [default: the plan's, else 0.05]",
    ),
    ("help.analyse.arg.format", "Output format on stdout"),
    (
        "help.analyse.arg.output",
        "Write the readout to a file: .md, .html or .docx",
    ),
    ("help.analyse.arg.force", "Replace an existing output file"),
    (
        "analyse.unknown_format",
        "cannot tell the format of `{path}`; name it .md, .html or .docx",
    ),
    (
        "analyse.bad_alpha",
        "`--alpha` must be between 0 and 1, not {value}",
    ),
    (
        "analyse.bad_value",
        "{value} in column {column} is not a number, 0/1, true/false or yes/no",
    ),
    (
        "analyse.chart_difference",
        "Difference (treatment − control)",
    ),
    ("analyse.chart_points", "Difference, percentage points"),
    ("analyse.chart_planned", "planned minimum"),
    (
        "analyse.chart_title",
        "Effect on {outcome} with its {level}% confidence interval",
    ),
    (
        "analyse.cluster_note",
        "analysed at the cluster level: each cluster's mean is one value, and the arms' cluster means are compared with Welch's t test",
    ),
    (
        "analyse.cluster_two_arms",
        "cluster {cluster} is in arm {arm} here and in arm {other} on an earlier row; a cluster belongs to one arm",
    ),
    ("analyse.col.analysed", "Analysed"),
    ("analyse.col.arm", "Arm"),
    ("analyse.col.assigned", "Assigned"),
    ("analyse.col.ci", "{level}% CI"),
    ("analyse.col.cluster_mean", "Mean of cluster means"),
    ("analyse.col.clusters", "Clusters"),
    ("analyse.col.comparison", "Comparison"),
    ("analyse.col.covariate", "Covariate"),
    ("analyse.col.file", "File"),
    ("analyse.col.line", "Line"),
    ("analyse.col.mean", "Mean"),
    ("analyse.col.proportion", "Proportion"),
    ("analyse.col.reason", "Reason"),
    ("analyse.col.smd", "SMD"),
    ("analyse.decision_rule", "The plan's decision rule:"),
    (
        "analyse.delimiter_undetected",
        "cannot tell the delimiter from the header {header}",
    ),
    (
        "analyse.effect_line",
        "{arm} − {control}: {difference} {unit}({level}% CI {low} to {high}), p {p}",
    ),
    ("analyse.fact.data", "Data"),
    ("analyse.fact.outcomes", "Outcomes"),
    ("analyse.fact.plan", "Plan"),
    ("analyse.first_at", "repeats line {line}"),
    ("analyse.footer", "Made with labkit analyse on {date}."),
    ("analyse.h.arms", "Outcome by arm"),
    ("analyse.h.balance", "Balance at baseline"),
    ("analyse.h.method", "Method"),
    ("analyse.h.not_analysed", "Rows not analysed"),
    ("analyse.h.result", "Result"),
    ("analyse.higher", "higher"),
    ("analyse.kicker", "Trial readout"),
    ("analyse.lower", "lower"),
    (
        "analyse.method.cluster",
        "Analysed at the cluster level: each cluster's mean outcome counts as one value, and the arms' cluster means are compared with Welch's t interval and test (unequal variances). The arms' means shown are means of cluster means.",
    ),
    (
        "analyse.method.mean",
        "Difference of means with Welch's t interval and test (unequal variances, as R's t.test(var.equal = FALSE)).",
    ),
    (
        "analyse.method.proportion",
        "Difference of proportions with Newcombe's hybrid score interval (Newcombe 1998, method 10); the p-value is the chi-square test without continuity correction (as R's prop.test(correct = FALSE)); the risk ratio has Katz's log interval.",
    ),
    (
        "analyse.mixed_kinds",
        "column {column} mixes numbers such as {value} with words such as {word} (line {line}); a proportion is 0/1, true/false or yes/no, a mean is numbers",
    ),
    (
        "analyse.more_rows",
        "… and {n} more (all, up to 1,000, in --format json)",
    ),
    (
        "analyse.no_control",
        "no control arm{control} among the arms {arms}: name it with `--control`",
    ),
    (
        "analyse.no_effect",
        "No effect could be computed: an arm has too few analysed units.",
    ),
    (
        "analyse.no_outcome",
        "name the outcome column with `--outcome` (or give a `--plan` whose primary outcome is a column)",
    ),
    ("analyse.no_units", "no row has an arm in column {column}"),
    (
        "analyse.not_a_plan",
        "{file} is a session of `{method}`, not a trial design: it has no primary outcome or baseline rate",
    ),
    (
        "analyse.not_analysed_note",
        "{n} row not analysed:|{n} rows not analysed:",
    ),
    ("analyse.points", "points "),
    (
        "analyse.ragged",
        "this row has {found} fields, the header {expected}",
    ),
    (
        "analyse.ratio_line",
        "; risk ratio {ratio} ({low} to {high})",
    ),
    ("analyse.reason.duplicate_id", "repeated id"),
    (
        "analyse.reason.duplicate_outcome_id",
        "repeated id in the outcomes file",
    ),
    ("analyse.reason.missing_outcome", "no outcome"),
    ("analyse.reason.no_arm", "no arm"),
    (
        "analyse.reason.no_outcome_row",
        "no row in the outcomes file",
    ),
    ("analyse.reason.unknown_arm", "arm not in the plan"),
    ("analyse.reason.unknown_id", "id not in the data"),
    (
        "analyse.sentence",
        "{outcome}: {size} {unit}{direction} in {arm} than in {control} ({level}% CI {low} to {high})",
    ),
    (
        "analyse.sentence_no_minimum",
        "; the plan gives no minimum effect to judge it against",
    ),
    (
        "analyse.sentence_plan",
        "; the plan said at least {size} {unit}{direction}: {verdict}",
    ),
    (
        "analyse.smd_note",
        "SMD: standardised mean difference, treatment minus control over the pooled standard deviation; beyond ±0.1 is commonly read as an imbalance.",
    ),
    (
        "analyse.subtitle",
        "Outcome by arm, the effect with its interval, and every row not analysed.",
    ),
    ("analyse.title", "Readout: {outcome}"),
    (
        "analyse.too_many_arms",
        "column {column} has more than {n} different values: is it the arm column? (`--arm-column`)",
    ),
    (
        "analyse.too_many_levels",
        "covariate {column} has more than {n} different values: left out of the balance table",
    ),
    (
        "analyse.verdict.inconclusive",
        "inconclusive — the interval holds both no effect and the planned effect",
    ),
    (
        "analyse.verdict.not_supported",
        "not supported — the interval rules out an effect of the planned size",
    ),
    (
        "analyse.verdict.opposite",
        "contradicted — the effect went the other way",
    ),
    (
        "analyse.verdict.smaller",
        "not supported — a real effect, but smaller than planned",
    ),
    ("analyse.verdict.supported", "supported"),
    ("analyse.written", "readout written to {path}"),
    (
        "analyse.answers_arm",
        "{arm}: {assigned} assigned, {analysed} analysed",
    ),
    (
        "analyse.answers_left_out",
        "Rows left out (listed in the readout): {n}",
    ),
    (
        "analyse.too_many_ids",
        "more than 4,294,967,295 different ids or clusters",
    ),
    (
        "helpers.bad_ratio",
        "cannot read the allocation ratio `{value}`: write treatment:control, e.g. 1:1 or 2:1",
    ),
    (
        "helpers.trial_inputs",
        "the sample size needs a baseline and a target rate, or a standard deviation and a minimum difference",
    ),
    (
        "analyse.sentence_greater",
        "; one-sided test, as planned, for a rise",
    ),
    (
        "analyse.sentence_less",
        "; one-sided test, as planned, for a fall",
    ),
    (
        "analyse.sentence_bonferroni",
        "; Bonferroni-corrected for {n} comparisons with the control",
    ),
    (
        "analyse.note_greater",
        "One-sided test for a rise in the treatment arm: p-values are one-sided, and the lower bound of the {level}% interval is the one-sided {one}% bound.",
    ),
    (
        "analyse.note_less",
        "One-sided test for a fall in the treatment arm: p-values are one-sided, and the upper bound of the {level}% interval is the one-sided {one}% bound.",
    ),
    (
        "analyse.note_bonferroni",
        "{n} arms compared with {control}: Bonferroni correction, each comparison at α = {alpha} ({level}% intervals) and each p-value multiplied by {n} (at most 1).",
    ),
    (
        "help.analyse.arg.alternative",
        "The test: two-sided, or one-sided for a rise (greater) or a fall (less) in the treatment arm [default: the plan's test_sides, else two-sided]",
    ),
    (
        "analyse.plan_sides_contradict",
        "{file}: the test is one-sided `{sides}` ({source}) but the plan's effect ({field}: {effect}) is a {direction}; a one-sided test only finds a change in the direction it names. Correct test_sides or the planned effect in the plan, or pass --alternative two-sided",
    ),
    ("analyse.direction_rise", "rise"),
    ("analyse.direction_fall", "fall"),
    ("report.skip", "Skip to content"),
    ("report.table", "Table"),
    (
        "report.chart_bars",
        "{title}: bar chart of {n} items, {total} {value} in all",
    ),
    ("report.chart_most", "most: {top}"),
    (
        "report.chart_matrix",
        "{title}: 2×2 matrix of {n} items by {y} and {x}; {counts}",
    ),
    (
        "report.chart_interval",
        "{title}: {n} estimates of {value} with their confidence intervals",
    ),
];

const PT: &[(&str, &str)] = &[
    ("col.id", "ID"),
    ("col.name", "Nome"),
    ("col.stage", "Fase"),
    ("col.duration", "Duração"),
    ("col.group", "Grupo"),
    ("col.source", "Origem"),
    ("show.summary", "Resumo"),
    ("show.when_to_use", "Quando usar"),
    ("show.duration", "Duração"),
    ("show.group", "Grupo"),
    ("show.people", "pessoas"),
    ("show.stage", "Fase"),
    ("show.roles", "Papéis"),
    ("show.materials", "Materiais"),
    ("show.considerations", "Cuidados a ter"),
    ("show.steps", "Passos"),
    ("show.sources", "Fontes"),
    ("show.before", "Normalmente antes"),
    ("show.after", "Normalmente depois"),
    ("show.optional", "opcional"),
    ("show.asked_when", "perguntado quando"),
    ("show.room", "aberta à sala"),
    ("show.items_from", "itens de"),
    ("show.blocks", "Blocos"),
    ("show.break", "Intervalo"),
    ("show.playbook", "Roteiro"),
    ("show.origin", "Carregado de"),
    ("report.kicker", "Registo da sessão"),
    ("report.playbook_kicker", "Registo da sessão · roteiro"),
    ("report.draft", "Rascunho — sessão em curso"),
    ("report.toc", "Índice"),
    ("report.date", "Data"),
    ("report.lab", "Laboratório"),
    ("report.facilitator", "Facilitador"),
    ("report.participants", "Participantes"),
    ("report.method", "Método"),
    ("report.status", "Estado"),
    ("report.finished", "concluída"),
    ("report.in_progress", "em curso"),
    (
        "report.footer",
        "Feito com labkit a partir da sessão de {date}.",
    ),
    ("report.dots", "Pontos"),
    ("report.item", "Item"),
    ("report.total", "Total"),
    ("report.rank", "Posição"),
    ("report.no_answer", "Sem resposta."),
    ("report.not_scored", "Sem avaliação:"),
    ("report.quadrant", "Quadrante"),
    ("report.time_spent", "Tempo gasto"),
    ("report.minutes", "min"),
    ("report.sources", "Fontes"),
    ("catalogue.title", "Catálogo de métodos do labkit"),
    ("agenda.suggested_break", "Intervalo (sugerido)"),
    ("agenda.day", "Dia"),
    ("agenda.start", "Início"),
    ("agenda.end", "Fim"),
    ("agenda.block", "Bloco"),
    ("agenda.minutes", "Minutos"),
    ("agenda.total", "Total {total}, termina às {end}"),
    ("agenda.part", "{title} (dia {n} de {days})"),
    (
        "agenda.total_days",
        "Total {total} em {days} dias, termina no dia {days} às {end}",
    ),
    (
        "suggest.none",
        "nenhum método cabe; dê mais minutos ou retire um filtro",
    ),
    ("portfolio.title", "Portefólio do laboratório"),
    ("portfolio.sessions", "Sessões"),
    ("portfolio.by_stage", "Por fase"),
    ("portfolio.method", "Método"),
    ("portfolio.about", "Sobre"),
    ("portfolio.status", "Estado"),
    ("portfolio.decision", "Decisão"),
    ("portfolio.started", "Início"),
    ("portfolio.updated", "Atualizada"),
    ("portfolio.count", "{n} sessão|{n} sessões"),
    ("hint.enter", "Enter aceita"),
    ("hint.lines", "uma por linha; uma linha vazia termina"),
    (
        "hint.rows",
        "uma linha de cada vez; um primeiro campo vazio termina",
    ),
    ("hint.choose", "↑↓ e Enter escolhem"),
    ("hint.confirm", "s ou n; Enter escolhe a maiúscula"),
    ("hint.skip", "- salta"),
    ("hint.back", "< volta atrás"),
    ("hint.edit", "/e N edita · /d N apaga · /m N M move"),
    ("hint.stop", "Ctrl-C para (tudo guardado)"),
    ("hint.stop_esc", "Esc para (tudo guardado)"),
    ("hint.multiselect", "espaço marca"),
    (
        "prompt.kept",
        "{n} entrada até agora:|{n} entradas até agora:",
    ),
    ("prompt.editing", "a editar"),
    (
        "prompt.row_editing",
        "a alterar a linha {n} (Enter mantém o campo como está)",
    ),
    ("vote.current", "pontos até agora:"),
    ("rank.place", "Lugar {k} de {n}"),
    (
        "rank.before",
        "a ordenação até agora (Enter em cada lugar mantém-na):",
    ),
    (
        "engine.back_keeps",
        "{message}; as entradas mantêm-se — complete-as (ou `/d N` para apagar) antes de voltar atrás",
    ),
    (
        "engine.first_question",
        "esta é a primeira pergunta; não há nada antes dela",
    ),
    (
        "engine.skip_has_entries",
        "já há entradas; uma linha vazia termina, `/d N` apaga uma",
    ),
    (
        "engine.whole_dots",
        "esperava-se um número inteiro de pontos (0 ou mais)",
    ),
    (
        "engine.whole_voters",
        "esperava-se um número inteiro de pessoas (1 ou mais)",
    ),
    ("engine.not_an_item", "não é um dos itens"),
    ("engine.no_entry", "não há entrada {k} (há {n})"),
    (
        "engine.unknown_command",
        "`{cmd}` não é um comando: `/e N`, `/d N`, `/m N M`; comece com `\\` para o escrever como texto",
    ),
    // The room: the facilitator's panel and opening a room (`run --room`).
    ("room.hint.add", "texto + Enter junta"),
    ("room.hint.hide", "/h N esconde"),
    ("room.hint.unhide", "/u N volta a mostrar"),
    ("room.hint.merge", "/m N M funde N em M"),
    ("room.hint.results", "/r resultados sim/não"),
    ("room.hint.close", "Enter duas vezes fecha"),
    ("room.panel.left", "faltam {time}"),
    ("room.panel.over", "tempo esgotado (+{time})"),
    (
        "room.panel.devices",
        "{joined} ligados · {answered} responderam",
    ),
    (
        "room.panel.results_on",
        "resultados visíveis para os participantes",
    ),
    (
        "room.panel.results_off",
        "resultados escondidos dos participantes",
    ),
    (
        "room.panel.results_now_on",
        "os resultados passam a ser mostrados nos dispositivos dos participantes e no projetor",
    ),
    (
        "room.panel.results_now_off",
        "os resultados deixam de ser mostrados nos dispositivos dos participantes e no projetor",
    ),
    (
        "room.panel.confirm_close",
        "prima Enter outra vez para fechar a pergunta (qualquer outra tecla continua)",
    ),
    (
        "room.panel.unknown_command",
        "`{cmd}` não é um comando aqui: {commands}",
    ),
    (
        "room.panel.only_commands",
        "os participantes respondem nos seus dispositivos: aqui `/r` mostra os resultados e um Enter vazio fecha",
    ),
    ("room.panel.no_back", "daqui não há para onde voltar"),
    (
        "room.panel.not_open",
        "nenhuma pergunta está aberta à sala neste momento; aguarde que o facilitador abra a próxima",
    ),
    ("room.panel.nothing", "ainda nada"),
    ("room.panel.entries", "{n} entrada|{n} entradas"),
    ("room.panel.aside", "{n} posta de lado|{n} postas de lado"),
    (
        "room.panel.earlier",
        "… {n} entrada anterior|… {n} entradas anteriores",
    ),
    ("room.panel.more", "… mais {n}|… mais {n}"),
    ("room.panel.anonymous", "anónimo"),
    ("room.panel.facilitator", "facilitação"),
    ("room.panel.hidden", "escondida"),
    ("room.panel.merged", "fundida em #{id}"),
    ("room.panel.withdrawn", "retirada"),
    ("room.panel.points", "{n} ponto|{n} pontos"),
    ("room.panel.answered", "{n} resposta|{n} respostas"),
    (
        "room.start.needs_terminal",
        "`--room` precisa de um terminal: o facilitador conduz a sala a partir do teclado (retire `--no-input` e corra o labkit num terminal)",
    ),
    ("room.start.open_at", "Sala aberta: {url}"),
    (
        "room.start.how_to_join",
        "Os participantes abrem este endereço num telemóvel ou portátil na mesma rede, ou leem o código QR.",
    ),
    (
        "room.start.this_computer_only",
        "Só este computador consegue abrir este endereço: serve para um projetor, não para telemóveis.",
    ),
    (
        "room.start.no_network",
        "Não foi encontrada rede, por isso só este computador consegue abrir este endereço (serve para um projetor, não para telemóveis); ligue-se a uma rede, ou indique --room-bind IP.",
    ),
    (
        "room.start.stored",
        "Tudo o que os participantes enviam é guardado em {path} à medida que chega.",
    ),
    (
        "room.start.port_in_use",
        "a porta {port} já está em uso em {ip}; escolha outra com `--room-port N`, ou `--room-port 0` para qualquer porta livre",
    ),
    (
        "room.start.port_taken",
        "a porta {default} está em uso; a sala ficou com a porta {port}",
    ),
    (
        "room.start.bind_unavailable",
        "`{ip}` não é um endereço deste computador; retire `--room-bind` para usar o endereço de rede, ou indique 127.0.0.1",
    ),
    (
        "room.start.failed",
        "não foi possível abrir a sala em {addr}: {error}",
    ),
    ("timer.keys", "Enter termina · espaço pausa · + 1 min"),
    ("timer.paused", "em pausa"),
    ("timer.up", "o tempo acabou — prima Enter para continuar"),
    ("timer.ended_early", "terminou com {left} por usar"),
    (
        "prompt.start_countdown",
        "Iniciar a contagem decrescente de {duration}?",
    ),
    (
        "prompt.start_step_countdown",
        "Iniciar a contagem decrescente de {duration} para este passo?",
    ),
    ("prompt.back", "← voltar"),
    ("prompt.row", "linha {n}"),
    ("prompt.facilitator", "Facilitador"),
    (
        "prompt.participants",
        "Participantes (separados por vírgulas, opcional)",
    ),
    ("vote.how", "Como se contam os pontos?"),
    (
        "vote.totals",
        "Registar o total de pontos de cada item (contados na parede)",
    ),
    (
        "vote.in_turn",
        "Os participantes votam aqui à vez, {dots} pontos cada",
    ),
    ("vote.voters", "Quantas pessoas votam?"),
    (
        "vote.turn",
        "Participante {voter}/{voters}, ponto {dot}/{dots} (pode acumular pontos)",
    ),
    ("run.session", "sessão: {path}"),
    ("run.saved", "sessão guardada: {path}"),
    (
        "run.stopped",
        "parado; todas as respostas e entradas até aqui estão guardadas. Continue com: {command}",
    ),
    (
        "session.locked",
        "`{session}` está aberta noutro labkit ({holder}); termine-a ou pare-a lá (Ctrl-C) e depois retome-a aqui com `labkit resume`",
    ),
    (
        "session.schema_newer",
        "esta sessão foi escrita por um labkit mais recente (schema de sessão {schema}); este labkit lê sessões até ao schema {known}",
    ),
    (
        "session.schema_newer_hint",
        "atualize o labkit para a abrir; o ficheiro fica como está",
    ),
    (
        "session.schema_unknown",
        "o schema 0 não é um schema de sessão; o labkit escreve sessões com os schemas 1 a {known}",
    ),
    (
        "session.bad_language",
        "`{code}` não é uma língua que o labkit fale",
    ),
    ("session.bad_language_hint", "escreva `en` ou `pt`"),
    (
        "session.bad_time",
        "`{value}` não é uma data e hora; o labkit escreve-as como `2026-11-26T14:27:52Z`",
    ),
    (
        "run.using_copy",
        "o ficheiro do método `{id}` não foi encontrado aqui; usa-se a cópia guardada na sessão",
    ),
    (
        "run.using_copy_broken",
        "{file} tem problemas (`labkit validate` mostra-os); usa-se a cópia de `{id}` guardada na sessão",
    ),
    (
        "run.method_missing_hint",
        "; não foi encontrado nas pastas de métodos e a sessão não guarda uma cópia (foi iniciada com um labkit mais antigo): ponha `{id}.yaml` na pasta methods/ do espaço de trabalho, ou use `--methods PASTA`",
    ),
    (
        "run.broken_override",
        "este ficheiro define aqui `{id}`, em vez do que vem de outra origem ({origin}), mas tem problemas; o labkit para em vez de usar esse outro `{id}`",
    ),
    (
        "run.broken_override_hint",
        "corrija os problemas abaixo (`labkit validate` também os mostra), ou tire o ficheiro das pastas de métodos para usar o outro ({origin})",
    ),
    (
        "run.answer_wrong",
        "a resposta a `{id}` não serve para a pergunta: {reason}",
    ),
    (
        "run.answers_not_mapping",
        "as respostas de `{id}` têm de ser um mapeamento de id de pergunta para resposta",
    ),
    (
        "run.answers_hint",
        "o ficheiro fica como está; corrija estas respostas (ou apague-as para voltarem a ser perguntadas) e retome",
    ),
    (
        "run.in_progress_unknown",
        "a pergunta em curso, `{id}`, não é uma pergunta do método desta sessão",
    ),
    (
        "run.in_progress_shape",
        "as entradas em curso não têm a forma de uma resposta a `{id}`",
    ),
    (
        "run.in_progress_hint",
        "o ficheiro fica como está; corrija ou retire a parte `in_progress` para continuar",
    ),
    (
        "run.already_finished",
        "esta sessão já terminou; as respostas estão em {path}",
    ),
    (
        "run.no_terminal",
        "sem terminal o labkit nunca pergunta: use `--answers FICHEIRO`, `--set ID=VALOR` ou `--defaults`",
    ),
    (
        "run.no_terminal_resume",
        "`labkit resume` faz as perguntas que faltam, por isso precisa de um terminal; sem ele, complete as respostas numa nova sessão: `{command}`, com `--set ID=VALOR` ou `--defaults` para as restantes",
    ),
    ("report.written", "relatório escrito: {path}"),
    ("check.number", "esperava-se um número"),
    ("check.whole", "esperava-se um número inteiro, recebido {n}"),
    ("check.between", "tem de estar entre {min} e {max}"),
    ("check.yes_no", "esperava-se sim ou não"),
    (
        "check.scale",
        "esperava-se um número inteiro de {min} a {max}",
    ),
    (
        "check.date",
        "`{text}` não é uma data; escreva-a como AAAA-MM-DD",
    ),
    ("check.choice", "`{text}` não é uma das opções: {choices}"),
    ("check.at_least", "indique pelo menos {m} (recebido {n})"),
    ("check.at_most", "indique no máximo {m} (recebido {n})"),
    ("check.required", "é preciso uma resposta"),
    (
        "check.min_length",
        "pelo menos {n} carácter|pelo menos {n} caracteres",
    ),
    (
        "check.max_length",
        "no máximo {n} carácter|no máximo {n} caracteres",
    ),
    ("check.pattern", "não corresponde ao padrão `{p}`"),
    ("check.missing", "falta a resposta: {prompt}"),
    ("label.error", "erro"),
    ("label.warning", "aviso"),
    ("label.hint", "dica"),
    ("source.flag", "opção {flag}"),
    ("source.env", "ambiente {var}"),
    ("source.default", "predefinição"),
    ("config.setting", "definição"),
    ("config.value", "valor"),
    ("config.from", "origem"),
    (
        "duration.invalid",
        "`{input}` não é uma duração; escreva-a como `90s`, `10m`, `1h30m` ou `2d`",
    ),
    (
        "duration.no_unit",
        "`{n}` não tem unidade; escreva `{n}m` para minutos (ou `s`, `h`, `d`)",
    ),
    (
        "duration.negative",
        "`{n}` não é uma duração; escreva-a como `10m` ou `1h30m`",
    ),
    (
        "duration.decimal",
        "`{n}` não é uma duração; escreva `1h30m` em vez de um número decimal",
    ),
    ("list.none", "nenhum método corresponde"),
    ("origin.builtin", "incluído"),
    ("origin.env", "LABKIT_PATH"),
    ("origin.workspace", "área de trabalho"),
    ("origin.path", "caminho"),
    ("origin.copy", "cópia guardada na sessão"),
    ("answer.yes", "sim"),
    ("answer.no", "não"),
    ("answer.skipped", "—"),
    (
        "review.step",
        "Revisão: continuar, ou escolher uma resposta para alterar",
    ),
    (
        "review.final",
        "Revisão final de todas as respostas: terminar, ou escolher uma para alterar",
    ),
    ("review.continue", "✓ Continuar"),
    ("review.finish", "✓ Terminar"),
    ("validate.ok", "nenhum problema encontrado"),
    ("validate.summary", "{files} verificados: {errors} em {bad}"),
    ("validate.files", "{n} ficheiro|{n} ficheiros"),
    ("validate.problems", "{n} problema|{n} problemas"),
    ("stage.setup", "preparação"),
    ("stage.framing", "enquadramento"),
    ("stage.research", "investigação"),
    ("stage.ideation", "ideação"),
    ("stage.experiment", "experimentação"),
    ("stage.learning", "aprendizagem"),
    ("error.unknown_method", "método desconhecido `{id}`"),
    (
        "error.skipped",
        "{file} ignorado: tem problemas (corra `labkit validate` para ver os detalhes)",
    ),
    ("validate.text_empty", "o texto está vazio"),
    (
        "validate.source_title_empty",
        "o título da fonte está vazio",
    ),
    (
        "validate.source_url",
        "`{url}` não é um endereço web; comece-o por `https://`",
    ),
    (
        "validate.group_size",
        "`{value}` não é um tamanho de grupo; escreva `5`, `2-8` ou `4+`",
    ),
    ("validate.not_method_id", "`{id}` não é um id de método"),
    (
        "validate.schema_unsupported",
        "o schema `{schema}` não é suportado; este labkit lê o schema `1`",
    ),
    (
        "validate.bad_id",
        "`{id}` não é um id válido; use letras minúsculas, algarismos e hífenes simples, como em `test-card`",
    ),
    (
        "validate.id_not_file_name",
        "o id `{id}` não corresponde ao nome do ficheiro `{stem}.yaml`",
    ),
    (
        "validate.id_not_file_name_hint",
        "mude o nome do ficheiro para `{id}.yaml` ou defina `id: {stem}`",
    ),
    (
        "validate.playbook_kind",
        "um roteiro precisa de `methods:`, não de `steps:`",
    ),
    ("validate.version_zero", "a versão começa em 1"),
    (
        "validate.no_steps",
        "um método precisa de pelo menos um passo",
    ),
    (
        "validate.bad_step_id",
        "`{id}` não é um id de passo válido; use letras minúsculas, algarismos, `_` ou `-`",
    ),
    (
        "validate.step_id_twice",
        "o id de passo `{id}` é usado duas vezes",
    ),
    (
        "validate.question_id_twice",
        "o id de pergunta `{id}` é usado duas vezes; as respostas são guardadas pelo id da pergunta, por isso os ids têm de ser únicos num método",
    ),
    (
        "validate.question_id_is_helper",
        "o id de pergunta `{id}` é o nome de um helper dos modelos: `{{{id}}}` num valor por omissão, numa condição ou num valor calculado chamaria o helper em vez de ler esta resposta",
    ),
    (
        "validate.question_id_is_helper_hint",
        "mude-lhe o nome, por exemplo `{id}_valor`",
    ),
    (
        "validate.count_whole",
        "`{field}` tem de ser um número inteiro de entradas; recebido {value}",
    ),
    ("validate.template_syntax", "o modelo não compila: {reason}"),
    (
        "validate.template_syntax_hint",
        "verifique as chavetas e se cada `{{#if …}}` ou `{{#each …}}` é fechado com `{{/if}}` ou `{{/each}}`",
    ),
    ("validate.helpers_hint", "helpers: {helpers}"),
    ("validate.unknown_helper", "helper desconhecido `{name}`"),
    (
        "validate.loop_reaches_out",
        "`{mustache}` lê fora do `{{#each}}` em que está",
    ),
    (
        "validate.loop_reaches_out_hint",
        "dentro de um ciclo um modelo lê só o item (`this`, os seus campos, `@index`): um ciclo sobre uma resposta inteira dentro de outro multiplica o trabalho, e `../x` repete `x` uma vez por entrada; passe-o para fora do ciclo",
    ),
    (
        "validate.template_unknown_question",
        "o modelo refere `{name}`, que não é uma pergunta anterior",
    ),
    (
        "validate.template_unknown_question_hint",
        "um modelo só pode usar respostas a perguntas feitas antes dele",
    ),
    (
        "validate.choices_missing",
        "esta pergunta precisa de `choices`",
    ),
    ("validate.choices_empty", "`choices` está vazio"),
    ("validate.choice_empty", "o valor da opção está vazio"),
    (
        "validate.choice_twice",
        "a opção `{value}` aparece duas vezes",
    ),
    (
        "validate.min_length_above_max",
        "`min_length` ({min}) é maior do que `max_length` ({max})",
    ),
    ("validate.pattern_syntax", "o padrão não compila: {reason}"),
    (
        "validate.bad_question_id",
        "`{id}` não é um id de pergunta válido; use letras minúsculas, algarismos, `_` ou `-`, começando por uma letra",
    ),
    (
        "validate.takes_no_fields",
        "uma pergunta `{type}` não aceita campos específicos do tipo",
    ),
    (
        "validate.takes_fields",
        "uma pergunta `{type}` aceita: {fields}",
    ),
    (
        "validate.field_not_applicable",
        "`{field}` não se aplica a uma pergunta `{type}`",
    ),
    (
        "validate.room_in_record",
        "um campo de registos não pode ser aberto à sala; defina `room` na própria pergunta",
    ),
    (
        "validate.record_field_type",
        "um campo de registos não pode ser uma pergunta `{type}`; use text, longtext, number, confirm, select, scale ou date",
    ),
    (
        "validate.min_above_max",
        "`min` ({min}) é maior do que `max` ({max})",
    ),
    (
        "validate.too_many_selections",
        "pede {m} seleções, mas só há {n} opções",
    ),
    (
        "validate.scale_whole",
        "uma escala vai de um número inteiro a outro",
    ),
    (
        "validate.scale_range",
        "uma escala precisa de `min` < `max` e de no máximo 101 pontos; recebido {min} a {max}",
    ),
    (
        "validate.label_outside_scale",
        "o rótulo de {point} está fora da escala de {min} a {max}",
    ),
    (
        "validate.fields_missing",
        "uma pergunta `records` precisa de `fields`",
    ),
    ("validate.fields_empty", "`fields` está vazio"),
    (
        "validate.field_id_twice",
        "o id de campo `{id}` é usado duas vezes",
    ),
    ("validate.dots_zero", "`dots` tem de ser pelo menos 1"),
    (
        "validate.computed_value",
        "uma pergunta `computed` precisa de `value`, um modelo como `{{sample_size_proportions baseline target}}`",
    ),
    (
        "validate.from_missing",
        "uma pergunta `{type}` precisa de `from`: o id de uma pergunta `list` ou `records` anterior",
    ),
    (
        "validate.from_wrong_type",
        "`from: {from}` indica uma pergunta `{type}`; tem de indicar uma pergunta `list` ou `records`",
    ),
    (
        "validate.from_unknown",
        "`from: {from}` não é uma pergunta anterior",
    ),
    (
        "validate.from_unknown_hint",
        "`from` tem de indicar uma pergunta `list` ou `records` feita antes no método",
    ),
    (
        "validate.criteria_missing",
        "uma pergunta `score` precisa de `criteria`, por exemplo impacto e esforço",
    ),
    ("validate.criteria_empty", "`criteria` está vazio"),
    (
        "validate.bad_criterion_id",
        "`{id}` não é um id de critério válido",
    ),
    (
        "validate.criterion_twice",
        "o critério `{id}` aparece duas vezes",
    ),
    (
        "validate.criterion_range",
        "um critério precisa de `min` < `max` (no máximo 101 pontos); recebido {min} a {max}",
    ),
    (
        "validate.quadrants_two",
        "`quadrants` precisa de exatamente dois critérios; encontrados {n}",
    ),
    (
        "validate.default_out_of_range",
        "o valor predefinido {n} está fora do intervalo permitido",
    ),
    (
        "validate.default_outside_scale",
        "o valor predefinido {n} está fora da escala de {min} a {max}",
    ),
    (
        "validate.multiselect_default",
        "o valor predefinido de uma pergunta multiselect é uma lista de valores das opções",
    ),
    (
        "validate.default_wrong_type",
        "este valor predefinido não serve para uma pergunta `{type}`",
    ),
    (
        "validate.default_not_choice",
        "o valor predefinido `{value}` não é uma das opções",
    ),
    (
        "validate.template_not_a_name",
        "`{name}` não é um nome de modelo; um roteiro indica um modelo da pasta de modelos da área de trabalho ou dos incluídos, sem `..` nem caminho absoluto",
    ),
    (
        "validate.template_not_a_name_hint",
        "ponha o ficheiro na pasta `templates/` da área de trabalho como NOME.md.hbs e escreva `template: NOME`",
    ),
    (
        "validate.template_missing",
        "não existe o modelo `{name}`, nem na pasta de modelos da área de trabalho nem entre os incluídos",
    ),
    ("validate.templates_known", "modelos: {names}"),
    (
        "validate.no_methods",
        "um roteiro precisa de pelo menos um método",
    ),
    (
        "validate.day_order",
        "o dia {day} vem antes do dia {last}; os dias começam em 1 e só avançam",
    ),
    (
        "validate.method_twice",
        "o método `{method}` já corre como bloco {block}; as respostas são guardadas por método, por isso cada um corre uma só vez",
    ),
    (
        "validate.break_fields",
        "um intervalo só aceita `break` e `title`",
    ),
    (
        "validate.block_both",
        "um bloco é um `method` ou um `break`, não os dois",
    ),
    (
        "validate.block_neither",
        "um bloco precisa de `method: ID` ou `break: DURAÇÃO`",
    ),
    (
        "validate.no_such_question",
        "`{method}` não tem a pergunta `{question}`",
    ),
    (
        "validate.items_target_type",
        "`{method}.{question}` é uma pergunta `{type}`; só as perguntas list, vote, score e rank recebem itens",
    ),
    (
        "validate.items_source_form",
        "`{source}` devia ser `method.question`, por exemplo `brainstorm.ideas`",
    ),
    (
        "validate.not_earlier_method",
        "`{method}` não é um método que corra antes neste roteiro",
    ),
    (
        "validate.items_source_type",
        "`{source}` é uma pergunta `{type}`; os itens vêm de uma pergunta list, records ou vote",
    ),
    ("method.did_you_mean", "quis dizer `{word}`?"),
    (
        "method.too_large",
        "o ficheiro tem mais de {mb} MB, o limite para um ficheiro de método",
    ),
    (
        "method.not_utf8",
        "o ficheiro não está em UTF-8 válido; guarde-o como UTF-8",
    ),
    (
        "method.empty",
        "o ficheiro está vazio; um método precisa de pelo menos `schema`, `id`, `name`, `summary`, `stage`, `duration` e `steps`",
    ),
    (
        "method.not_mapping",
        "esperava-se um mapa de campos (`schema: 1`, `id: ...`) no início do ficheiro",
    ),
    (
        "method.too_deep",
        "o aninhamento é demasiado profundo aqui (mais de {limit} níveis)",
    ),
    (
        "method.alias_bomb",
        "demasiados aliases expandem-se aqui (será uma bomba de aliases?)",
    ),
    (
        "input.not_a_file",
        "é {kind}, não um ficheiro regular; o labkit só lê ficheiros regulares",
    ),
    ("input.kind.folder", "uma pasta"),
    ("input.kind.fifo", "um pipe com nome (FIFO)"),
    ("input.kind.socket", "um socket"),
    ("input.kind.device", "um dispositivo"),
    ("input.kind.other", "um ficheiro especial"),
    (
        "input.too_many_values",
        "mais de {limit} valores (listas, mapas, escalares) num só ficheiro",
    ),
    (
        "input.too_large",
        "o ficheiro tem mais de {mb} MB, o limite para um ficheiro de sessão, de respostas ou de configuração",
    ),
    ("method.duplicate_key", "a chave {key} aparece duas vezes"),
    ("method.yaml_syntax", "erro de sintaxe YAML: {reason}"),
    (
        "method.unknown_language",
        "língua desconhecida `{word}`; o texto pode ser dado em `en` e `pt`",
    ),
    ("method.unknown_field", "campo desconhecido `{word}`"),
    ("method.expected_one_of", "esperava-se um de {list}"),
    (
        "method.unknown_question_type",
        "tipo de pergunta desconhecido `{word}`",
    ),
    ("method.question_types", "tipos de pergunta: {types}"),
    ("method.unknown_value", "valor desconhecido `{word}`"),
    ("method.missing_field", "falta o campo `{field}`"),
    (
        "agenda.bad_time",
        "`{flag} {value}` não é uma hora; escreva-a como HH:MM, por exemplo 09:30",
    ),
    (
        "agenda.day_ends_first",
        "o dia termina ({end}) antes de começar ({start})",
    ),
    (
        "agenda.bad_date",
        "`--date {date}` não é uma data; escreva-a como AAAA-MM-DD",
    ),
    (
        "agenda.too_long",
        "a agenda de `{id}` duraria mais de {days} dias; encurte as durações das etapas",
    ),
    (
        "agenda.bad_timezone",
        "{source}: o labkit não tem as regras do fuso horário `{zone}`; use um de {zones}",
    ),
    ("assign.working", "a atribuir as unidades de {file}…"),
    (
        "assign.no_seed",
        "sem `--seed`; foi sorteada a semente {seed}. Use `--seed {seed}` para repetir esta atribuição.",
    ),
    (
        "assign.delimiter_sole",
        "{file}: colunas separadas por {delimiter} (detetado; `--delimiter` escolhe outro)",
    ),
    (
        "assign.delimiter_preferred",
        "{file}: colunas separadas por {delimiter}; {others} também serviria: use `--delimiter` se for esse o do ficheiro",
    ),
    (
        "assign.delimiter_column",
        "{file}: colunas separadas por {delimiter}, e não por {other}: só assim existe a coluna {name} (de `{flag}`)",
    ),
    (
        "assign.delimiter_one_column",
        "{file}: uma só coluna (o cabeçalho não tem `,`, `;`, tabulação nem `|`)",
    ),
    (
        "assign.delimiter_undetected",
        "não foi possível detetar o separador: lido com `,`, o cabeçalho é uma só coluna, {header}, que contém {found}; use `--delimiter {value}`",
    ),
    (
        "assign.not_a_file_too_big",
        "{file} não é um ficheiro normal, por isso é lido para a memória, e tem mais de {limit} MiB; guarde-o num ficheiro e atribua esse",
    ),
    (
        "eject.no_workspace",
        "não há aqui uma área de trabalho para onde copiar; corra primeiro `labkit init`",
    ),
    (
        "eject.no_template",
        "não existe o modelo incluído `{id}`{hint}",
    ),
    (
        "eject.no_method",
        "não existe o método ou roteiro incluído `{id}`{hint}",
    ),
    (
        "eject.copied_template",
        "modelo incluído copiado para {path}",
    ),
    ("eject.copied_method", "método incluído copiado para {path}"),
    (
        "eject.shadows",
        "esta cópia passa a sobrepor-se ao `{id}` incluído; edite-a e depois corra `labkit validate`",
    ),
    (
        "init.exists",
        "`{path}` já existe; esta pasta já é uma área de trabalho",
    ),
    (
        "init.bad_lang",
        "`--default-lang {code}`: o labkit fala `en` e `pt`",
    ),
    (
        "init.created",
        "área de trabalho do labkit criada em {path}",
    ),
    (
        "init.next",
        "a seguir: `labkit new method my-method`, `labkit run experiment-plan`, `labkit config`",
    ),
    ("list.reading", "a ler os métodos da área de trabalho…"),
    (
        "man.written",
        "{count} páginas do manual escritas em {dir} (labkit.1 e uma por comando)",
    ),
    ("man.not_a_folder", "`{path}` não é uma pasta"),
    (
        "list.unknown_stage",
        "fase desconhecida `{value}`{hint}; as fases são {stages}",
    ),
    (
        "new.bad_id",
        "`{id}` não é um id de método; use letras minúsculas, algarismos e hífenes simples, como em `service-safari`",
    ),
    ("new.exists", "`{path}` já existe"),
    ("new.created", "ficheiro criado: {path}"),
    (
        "new.next",
        "verifique-o com `labkit validate {path}`; experimente-o com `labkit run {id}`",
    ),
    (
        "new.no_workspace",
        "não há aqui um labkit.yaml, por isso o labkit só encontra este método com `--methods methods` (ou corra `labkit init`)",
    ),
    (
        "portfolio.not_a_folder",
        "`{path}` não é uma pasta de sessões",
    ),
    (
        "portfolio.unknown_status",
        "estado desconhecido `{status}`; use `in_progress` ou `finished`",
    ),
    (
        "portfolio.bad_since",
        "`--since {date}` não é uma data; escreva-a como AAAA-MM-DD",
    ),
    ("portfolio.skipped", "{path} ignorado: {reason}"),
    (
        "portfolio.excel_needs_csv",
        "`--excel` prepara o CSV para uma folha de cálculo; acrescente `--format csv`",
    ),
    ("portfolio.line", "linha {line}: {reason}"),
    ("report.rendering", "a gerar {file}…"),
    (
        "report.unknown_format",
        "não é possível saber o formato de `{path}`; dê-lhe a extensão .md, .html ou .docx, ou use --format",
    ),
    (
        "report.docx_needs_file",
        "um documento Word precisa de um ficheiro: use `-o report.docx`",
    ),
    (
        "report.method_missing",
        "{session}: `{id}`, o método desta sessão, não está disponível",
    ),
    (
        "run.session_is_folder",
        "`--session {path}` é uma pasta; dê à sessão um nome de ficheiro, por exemplo `--session {example}`",
    ),
    (
        "run.exists",
        "`{path}` já existe; use `labkit resume` para continuar essa sessão",
    ),
    (
        "run.method_changed",
        "o método `{id}` mudou desde o início desta sessão; as respostas às perguntas que ainda existem são mantidas{dropped}",
    ),
    ("run.dropped", ", estas são descartadas: {ids}"),
    (
        "run.playbook_changed",
        "o roteiro `{id}` mudou desde o início desta sessão; as suas respostas são mantidas",
    ),
    ("run.answers_for", "respostas para `{id}`"),
    (
        "run.not_in_playbook",
        "`{key}` não é um método do roteiro `{playbook}`",
    ),
    ("run.set_form", "`--set {pair}`: escreva-o como ID=VALOR"),
    (
        "run.set_playbook_form",
        "`--set {pair}`: num roteiro, escreva MÉTODO.PERGUNTA=VALOR",
    ),
    (
        "run.report_extension",
        "`--report {path}`: dê ao ficheiro a extensão .md, .html ou .docx",
    ),
    ("show.did_you_mean", "quis dizer {names}?"),
    ("show.or", " ou "),
    ("show.list_hint", "`labkit list` mostra todos os métodos"),
    (
        "timer.zero",
        "um temporizador precisa de uma duração acima de zero",
    ),
    (
        "timer.no_terminal",
        "`labkit timer` precisa de um terminal para mostrar a contagem decrescente e ler as teclas",
    ),
    ("timer.stopped", "parado ao fim de {time}"),
    ("timer.elapsed", "o tempo acabou ({time})"),
    ("validate.not_found", "`{path}` não existe"),
    (
        "settings.unknown_key",
        "chave desconhecida `{key}`{hint}; as chaves são {keys}",
    ),
    (
        "settings.bad_lang",
        "{source}: `{code}` não é uma língua que o labkit fale; use `en` ou `pt`",
    ),
    (
        "settings.bad_color",
        "{source}: a cor `{value}` não é uma de auto, always, never",
    ),
    (
        "report.docx_error",
        "não foi possível escrever o documento Word: {reason}",
    ),
    (
        "report.no_template",
        "não existe o modelo `{name}`{hint}; modelos: {known}",
    ),
    ("report.generic_missing", "falta o modelo genérico"),
    (
        "report.template_not_a_name",
        "`{name}` não é um nome de modelo: um ficheiro só pode indicar um modelo da pasta de modelos da área de trabalho ou um dos incluídos, sem `..` nem caminho absoluto; para usar um ficheiro seu, passe `--template CAMINHO`",
    ),
    (
        "report.template_outside",
        "`{path}` leva para fora da pasta de modelos `{dir}` (até `{target}`); um modelo dessa pasta tem de ser um ficheiro dentro dela",
    ),
    (
        "report.template_unusable",
        "não é possível ler o modelo `{path}`: {reason}",
    ),
    ("report.template_not_a_file", "não é um ficheiro normal"),
    (
        "report.template_syntax",
        "{name}{place}: o modelo não compila: {reason}",
    ),
    (
        "report.template_hint",
        "docs/templates.md lista as variáveis e os helpers que um modelo pode usar",
    ),
    (
        "fsutil.exists",
        "`{path}` já existe; use `--force` para o substituir",
    ),
    (
        "fsutil.is_input",
        "`{path}` é `{input}`, que este comando lê; escreva noutro ficheiro",
    ),
    (
        "fsutil.twice",
        "`{path}` é indicado para duas saídas; dê a cada uma o seu ficheiro",
    ),
    (
        "fsutil.not_a_file",
        "`{path}` não é um ficheiro em que o labkit possa escrever (uma pasta, um socket ou um dispositivo)",
    ),
    ("stats.invalid_parameter", "`{flag}` {message}"),
    ("stats.line", "linha {line}: {message}"),
    ("stats.io", "não foi possível escrever a saída: {reason}"),
    (
        "stats.cluster_needs_icc",
        "`--cluster-size` exige `--icc` (a correlação intracluster)",
    ),
    ("stats.icc_needs_cluster", "`--icc` exige `--cluster-size`"),
    (
        "cli.whole_number",
        "`{value}` não é um número inteiro igual ou superior a 0",
    ),
    (
        "stats.at_least_one",
        "tem de ser pelo menos 1; valor dado: 0",
    ),
    (
        "stats.icc_range",
        "tem de estar entre 0 e 1 (inclusive); valor dado: {value}",
    ),
    (
        "stats.attrition_range",
        "tem de ser pelo menos 0 e menor do que 1; valor dado: {value}",
    ),
    (
        "stats.open_unit",
        "tem de estar entre 0 e 1 (exclusive); valor dado: {value}",
    ),
    (
        "stats.positive",
        "tem de ser maior do que 0; valor dado: {value}",
    ),
    (
        "stats.power_vs_alpha",
        "`--power` ({power}) tem de ser maior do que `--alpha` ({alpha})",
    ),
    (
        "stats.too_large",
        "a dimensão da amostra necessária é demasiado grande para calcular ({n} por braço); o efeito será demasiado pequeno?",
    ),
    (
        "stats.nonzero",
        "tem de ser uma diferença diferente de zero; valor dado: {value}",
    ),
    (
        "stats.mde_out_of_range",
        "de {mde} leva a proporção-alvo a {target}, fora do intervalo entre 0 e 1 (exclusive) para `--baseline` {baseline}",
    ),
    (
        "stats.must_differ",
        "`--baseline` e `--target` têm de ser diferentes (ambos são {value})",
    ),
    (
        "stats.no_mde",
        "nenhum aumento sobre `--baseline` {baseline} é detetável com `--per-arm` {per_arm}: mesmo um alvo de 1 precisa de {need} por braço antes dos ajustes",
    ),
    (
        "stats.per_arm_too_small",
        "de {n} é demasiado pequeno para detetar qualquer diferença com este `--alpha`",
    ),
    (
        "stats.duration_too_long",
        "recrutar {total} a {per_period} por período levaria demasiado tempo para calcular",
    ),
    (
        "stats.ratio_part",
        "a parte {part} de {text} não é um número inteiro positivo (esperado, por exemplo, `tratamento=2,controlo=1`)",
    ),
    (
        "stats.ratio_text_count",
        "{text} tem {parts} partes, mas há {arms} braços; indique uma parte por braço",
    ),
    (
        "stats.ratio_count",
        "tem {parts} partes, mas há {arms} braços; indique uma parte por braço",
    ),
    (
        "stats.arms_min",
        "precisa de pelo menos 2 braços; foram dados {count}",
    ),
    ("stats.arms_too_many", "indica demasiados braços"),
    (
        "stats.arm_empty",
        "tem um nome de braço vazio (braço {index})",
    ),
    (
        "stats.arm_duplicate",
        "indica {arm} mais do que uma vez; os nomes dos braços têm de ser únicos",
    ),
    (
        "stats.ratio_zero",
        "todas as partes têm de ser maiores do que 0",
    ),
    (
        "stats.column_missing",
        "a coluna {name} (de `{flag}`) não foi encontrada; colunas disponíveis: {columns}",
    ),
    (
        "stats.too_many_values",
        "demasiados valores distintos para atribuir",
    ),
    (
        "stats.not_utf8",
        "contém bytes que não são UTF-8 válido; guarde o ficheiro como UTF-8",
    ),
    ("stats.csv", "não foi possível ler a entrada CSV: {reason}"),
    (
        "stats.empty_input",
        "a entrada está vazia: esperava-se uma linha de cabeçalho e pelo menos uma linha de dados",
    ),
    (
        "stats.duplicate_column",
        "o cabeçalho tem um nome de coluna repetido, {name} (colunas {first} e {second})",
    ),
    (
        "stats.arm_column_exists",
        "a entrada já tem uma coluna chamada {name}; mude-lhe o nome ou remova-a primeiro",
    ),
    (
        "stats.field_count",
        "tem {count} campos; esperavam-se {expected} (como no cabeçalho)",
    ),
    ("stats.empty_id", "valor vazio na coluna {column} de `--id`"),
    (
        "stats.duplicate_id",
        "id {id} repetido na coluna {column} (visto pela primeira vez na linha {first})",
    ),
    (
        "stats.empty_cluster",
        "valor vazio na coluna {column} de `--cluster`",
    ),
    (
        "stats.cluster_strata",
        "o cluster {name} (coluna {column}) está no estrato {here} aqui, mas no estrato {there} na linha {line}; todas as linhas de um cluster têm de ter os mesmos valores de `--stratify`",
    ),
    ("stats.too_many_rows", "demasiadas linhas para atribuir"),
    (
        "stats.row_too_long",
        "a linha tem mais de {limit} MiB, o máximo que é lido (ficou alguma aspa por fechar?)",
    ),
    ("stats.too_many_fields", "tem mais de {limit} campos"),
    (
        "stats.memory_limit",
        "atribuir este ficheiro ocuparia mais de {limit} MiB de memória (1 byte por unidade, 8 por linha com `--id`, e cada valor distinto de `--stratify` e `--cluster`); divida o ficheiro, por exemplo por estrato",
    ),
    (
        "stats.input_changed",
        "o ficheiro mudou enquanto era lido; repita a atribuição",
    ),
    (
        "stats.no_data_rows",
        "a entrada tem uma linha de cabeçalho, mas nenhuma linha de dados",
    ),
    (
        "stats.baseline_needs",
        "com `--baseline`, indique `--target` ou `--mde`",
    ),
    (
        "stats.sd_needs_delta",
        "com `--sd`, indique `--delta`, a diferença de médias a detetar",
    ),
    (
        "stats.sample_size_inputs",
        "indique `--baseline` com `--target` ou `--mde` (proporções), ou `--sd` com `--delta` (médias)",
    ),
    (
        "stats.mde_inputs",
        "indique `--baseline` (proporções) ou `--sd` (médias)",
    ),
    (
        "stats.duration_inputs",
        "indique `--per-day` ou `--per-week`",
    ),
    (
        "help.about",
        "Métodos de inovação para laboratórios do setor público: workshops guiados e os documentos que produzem",
    ),
    (
        "help.after_help",
        "Códigos de saída: 0 ok · 1 o comando correu e encontrou problemas (p. ex., validate) · 2 utilização ou dados de entrada inválidos · 130 cancelado (sessão guardada)\n\nExemplos:\n  labkit list --stage ideation\n  labkit show test-card --lang pt\n  labkit validate methods/",
    ),
    (
        "help.arg.lang",
        "Língua do texto dos métodos e das mensagens [env: LABKIT_LANG]",
    ),
    (
        "help.arg.color",
        "Quando usar cores (NO_COLOR é respeitado)",
    ),
    ("help.arg.quiet", "Mostrar apenas dados e erros"),
    (
        "help.arg.no_input",
        "Nunca fazer perguntas; falhar em vez de esperar por respostas",
    ),
    (
        "help.arg.methods",
        "Carregar também métodos desta pasta ou ficheiro (repetível; sobrepõe-se aos incluídos e aos da área de trabalho)",
    ),
    (
        "help.list.about",
        "Listar os métodos e roteiros que o labkit conhece",
    ),
    (
        "help.list.after_help",
        "Exemplos:\n  labkit list\n  labkit list --stage experiment --format json\n  labkit list --search vote",
    ),
    ("help.list.arg.stage", "Só métodos desta fase"),
    ("help.list.arg.tag", "Só métodos com esta etiqueta"),
    (
        "help.list.arg.search",
        "Só métodos cujo id, nome, resumo ou etiquetas contenham este texto",
    ),
    (
        "help.show.about",
        "Mostrar a ficha de um método: objetivo, tempos, passos, perguntas, fontes",
    ),
    (
        "help.show.after_help",
        "Exemplos:\n  labkit show test-card\n  labkit show brainstorm --lang pt\n  labkit show problem-framing --format yaml",
    ),
    ("help.show.arg.id", "Id do método ou do roteiro"),
    (
        "help.show.arg.all",
        "Todos os métodos e roteiros, uma ficha a seguir à outra (um catálogo para imprimir)",
    ),
    (
        "help.validate.about",
        "Verificar ficheiros de métodos e de roteiros; sai com 1 quando algum tem problemas",
    ),
    (
        "help.validate.after_help",
        "Exemplos:\n  labkit validate                 # a área de trabalho e os incluídos\n  labkit validate methods/my-method.yaml\n  labkit validate methods/ --format json",
    ),
    (
        "help.validate.arg.paths",
        "Ficheiros ou pastas a verificar (predefinição: a área de trabalho e os incluídos)",
    ),
    (
        "help.run.about",
        "Conduzir um método como sessão guiada, guardando cada resposta à medida que é dada",
    ),
    (
        "help.run.after_help",
        "Exemplos:\n  labkit run test-card\n  labkit run brainstorm --facilitator Ana --participants Rui,Eva\n  labkit run test-card --answers answers.yaml --no-input\n  labkit run test-card --set test_name=\"Letter test\" --defaults",
    ),
    (
        "help.run.arg.method",
        "Id do método, ou o caminho de um ficheiro de método",
    ),
    (
        "help.run.arg.answers",
        "Respostas a usar (YAML ou JSON; um ficheiro de sessão também serve)",
    ),
    (
        "help.run.arg.set",
        "Dar uma resposta na linha de comandos (repetível)",
    ),
    (
        "help.run.arg.defaults",
        "Usar a predefinição de cada pergunta sem resposta dada",
    ),
    (
        "help.run.arg.session",
        "Onde guardar a sessão (predefinição: sessions/DATA-MÉTODO.yaml)",
    ),
    (
        "help.run.arg.participants",
        "Participantes, separados por vírgulas",
    ),
    (
        "help.run.arg.lab",
        "O laboratório que conduz a sessão (por omissão: `lab` no labkit.yaml)",
    ),
    (
        "help.run.arg.facilitator",
        "Quem facilita (por omissão: `facilitator` no labkit.yaml; perguntado quando não definido)",
    ),
    (
        "help.run.arg.no_timer",
        "Não propor contagens decrescentes para os tempos",
    ),
    (
        "help.run.arg.report",
        "Gerar um relatório no fim (formato pela extensão: .md, .html, .docx)",
    ),
    (
        "help.run.arg.template",
        "Nome ou caminho do modelo do relatório (com --report)",
    ),
    (
        "help.run.arg.force",
        "Substituir um ficheiro de relatório existente (com --report)",
    ),
    (
        "help.run.arg.room",
        "Abrir a sala: os participantes respondem às perguntas de sala do método nos seus telemóveis (um pequeno servidor web; o endereço e um código QR são mostrados)",
    ),
    (
        "help.run.arg.room_bind",
        "O endereço em que a sala escuta (por omissão: o endereço de rede deste computador; 127.0.0.1 só para este computador)",
    ),
    (
        "help.run.arg.room_port",
        "A porta da sala (por omissão: 7878, ou uma livre quando a 7878 está ocupada; 0 escolhe uma livre)",
    ),
    (
        "help.resume.about",
        "Continuar uma sessão guardada na primeira pergunta sem resposta",
    ),
    (
        "help.resume.after_help",
        "Exemplo:\n  labkit resume sessions/2026-11-26-test-card.yaml",
    ),
    ("help.resume.arg.session", "O ficheiro da sessão"),
    (
        "help.resume.arg.no_timer",
        "Não propor contagens decrescentes para os tempos",
    ),
    (
        "help.resume.arg.report",
        "Gerar um relatório no fim (formato pela extensão: .md, .html, .docx); substitui o relatório com que a sessão foi iniciada",
    ),
    (
        "help.resume.arg.template",
        "Nome ou caminho do modelo do relatório (guardado com a sessão)",
    ),
    (
        "help.resume.arg.force",
        "Substituir um ficheiro de relatório existente",
    ),
    (
        "help.resume.arg.room",
        "Abrir a sala: os participantes respondem às perguntas de sala do método nos seus telemóveis (um pequeno servidor web; o endereço e um código QR são mostrados)",
    ),
    (
        "help.resume.arg.room_bind",
        "O endereço em que a sala escuta (por omissão: o endereço de rede deste computador; 127.0.0.1 só para este computador)",
    ),
    (
        "help.resume.arg.room_port",
        "A porta da sala (por omissão: 7878, ou uma livre quando a 7878 está ocupada; 0 escolhe uma livre)",
    ),
    (
        "help.report.about",
        "Gerar o documento de uma sessão: Markdown, HTML para imprimir ou Word",
    ),
    (
        "help.report.after_help",
        "Exemplos:\n  labkit report sessions/2026-11-26-test-card.yaml            # Markdown para o stdout\n  labkit report sessions/2026-11-26-test-card.yaml -o plan.html\n  labkit report SESSION -o record.docx --template generic --force",
    ),
    (
        "help.report.arg.session",
        "O ficheiro da sessão (terminada, ou em curso: então o relatório é marcado como rascunho)",
    ),
    (
        "help.report.arg.output",
        "Escrever o relatório aqui (predefinição: Markdown para o stdout)",
    ),
    (
        "help.report.arg.format",
        "md, html ou docx (predefinição: pela extensão do ficheiro de saída, senão md)",
    ),
    (
        "help.report.arg.template",
        "Nome de um modelo (da área de trabalho ou incluído, p. ex., `generic`) ou caminho de um ficheiro .md.hbs",
    ),
    (
        "help.report.arg.force",
        "Substituir um ficheiro de saída existente",
    ),
    (
        "help.agenda.about",
        "A agenda com horas de um método ou roteiro, em tabela, Markdown ou ficheiro de calendário",
    ),
    (
        "help.agenda.after_help",
        "Exemplos:\n  labkit agenda experiment-plan --start 09:30\n  labkit agenda design-sprint --date 2027-03-01 --format ics > sprint.ics\n  labkit agenda brainstorm --start 14:00 --format md",
    ),
    ("help.agenda.arg.id", "Id do método ou do roteiro"),
    ("help.agenda.arg.start", "Hora de início, HH:MM"),
    (
        "help.agenda.arg.day_end",
        "Fim do dia de trabalho, HH:MM (um workshop mais longo continua no dia seguinte)",
    ),
    (
        "help.agenda.arg.date",
        "Primeiro dia, AAAA-MM-DD (predefinição: hoje)",
    ),
    (
        "help.agenda.arg.tz",
        "Fuso horário do ficheiro de calendário (predefinição: a definição `timezone`, senão Europe/Lisbon)",
    ),
    (
        "help.timer.about",
        "Contagem decrescente para quem facilita: Espaço faz pausa, + junta um minuto, q ou Enter termina",
    ),
    (
        "help.timer.after_help",
        "Exemplos:\n  labkit timer 10m \"Silent writing\"\n  labkit timer 1h30m",
    ),
    ("help.timer.arg.duration", "Quanto tempo: 90s, 10m, 1h30m"),
    ("help.timer.arg.label", "Para que é o tempo"),
    (
        "help.suggest.about",
        "Métodos que cabem no tempo e no grupo, os melhores primeiro, com o que vem antes e depois",
    ),
    (
        "help.suggest.after_help",
        "Exemplos:\n  labkit suggest --stage ideation --minutes 45 --people 12\n  labkit suggest --minutes 30",
    ),
    ("help.suggest.arg.stage", "Só métodos desta fase"),
    ("help.suggest.arg.minutes", "Minutos disponíveis"),
    ("help.suggest.arg.people", "Pessoas no grupo"),
    (
        "help.portfolio.about",
        "Todas as sessões do laboratório numa tabela (ou CSV, JSON, um painel HTML)",
    ),
    (
        "help.portfolio.after_help",
        "Exemplos:\n  labkit portfolio\n  labkit portfolio sessions/ --status in_progress\n  labkit portfolio --stage experiment --since 2027-01-01 --format csv > portfolio.csv\n  labkit portfolio --format csv --excel > portfolio.csv\n  labkit portfolio --format html > dashboard.html",
    ),
    (
        "help.portfolio.arg.dir",
        "Pasta dos ficheiros de sessão (predefinição: a pasta de sessões da área de trabalho, senão ./sessions)",
    ),
    ("help.portfolio.arg.status", "Só sessões com este estado"),
    (
        "help.portfolio.arg.stage",
        "Só sessões de métodos desta fase",
    ),
    (
        "help.portfolio.arg.since",
        "Só sessões iniciadas nesta data ou depois (AAAA-MM-DD)",
    ),
    (
        "help.portfolio.arg.excel",
        "Com --format csv: para uma folha de cálculo na sua língua (BOM UTF-8, CRLF, ';' em português)",
    ),
    (
        "help.calc.about",
        "Desenho de experiências: dimensão da amostra e potência, efeito mínimo detetável, duração do ensaio",
    ),
    (
        "help.calc.sample-size.about",
        "Pessoas necessárias por braço para um teste de proporções ou de médias (bilateral ou unilateral)",
    ),
    (
        "help.calc.sample-size.after_help",
        "Exemplos:\n  labkit calc sample-size --baseline 0.5 --target 0.75 --power 0.9\n  labkit calc sample-size --baseline 0.30 --mde 0.05 --cluster-size 20 --icc 0.05\n  labkit calc sample-size --sd 10 --delta 3 --attrition 0.1 --format json",
    ),
    (
        "help.calc.sample-size.arg.baseline",
        "Proporções: a taxa do resultado sem a mudança (0–1)",
    ),
    (
        "help.calc.sample-size.arg.target",
        "Proporções: a taxa do resultado esperada com a mudança (0–1)",
    ),
    (
        "help.calc.sample-size.arg.mde",
        "Proporções: a diferença a detetar, em termos absolutos (0.05 = 5 pontos)",
    ),
    (
        "help.calc.sample-size.arg.sd",
        "Médias: o desvio-padrão do resultado",
    ),
    (
        "help.calc.sample-size.arg.delta",
        "Médias: a diferença de médias a detetar",
    ),
    (
        "help.calc.sample-size.arg.alpha",
        "Nível de significância α (repartido pelas duas caudas quando bilateral)",
    ),
    (
        "help.calc.sample-size.arg.power",
        "Potência: a probabilidade de detetar o efeito se ele for real",
    ),
    (
        "help.calc.sample-size.arg.ratio",
        "Rácio de alocação: tratamento por controlo (2), ou com os braços nomeados (treatment=2,control=1)",
    ),
    (
        "help.calc.sample-size.arg.cluster_size",
        "Pessoas por cluster, para aleatorização por clusters (com --icc)",
    ),
    (
        "help.calc.sample-size.arg.icc",
        "Correlação intracluster (com --cluster-size)",
    ),
    (
        "help.calc.sample-size.arg.attrition",
        "Desistências esperadas, como fração (0.1 = 10%)",
    ),
    (
        "help.calc.mde.about",
        "O menor efeito que um ensaio de uma dada dimensão consegue detetar",
    ),
    (
        "help.calc.mde.after_help",
        "Exemplos:\n  labkit calc mde --per-arm 400 --baseline 0.3\n  labkit calc mde --per-arm 100 --sd 12",
    ),
    ("help.calc.mde.arg.per_arm", "Pessoas no primeiro braço"),
    (
        "help.calc.mde.arg.baseline",
        "Proporções: a taxa do resultado sem a mudança (0–1)",
    ),
    (
        "help.calc.mde.arg.sd",
        "Médias: o desvio-padrão do resultado",
    ),
    (
        "help.calc.mde.arg.alpha",
        "Nível de significância α (repartido pelas duas caudas quando bilateral)",
    ),
    (
        "help.calc.mde.arg.power",
        "Potência: a probabilidade de detetar o efeito se ele for real",
    ),
    (
        "help.calc.mde.arg.ratio",
        "Rácio de alocação: tratamento por controlo (2), ou com os braços nomeados (treatment=2,control=1)",
    ),
    (
        "help.calc.mde.arg.cluster_size",
        "Pessoas por cluster, para aleatorização por clusters (com --icc)",
    ),
    (
        "help.calc.mde.arg.icc",
        "Correlação intracluster (com --cluster-size)",
    ),
    (
        "help.calc.mde.arg.attrition",
        "Desistências esperadas, como fração (0.1 = 10%)",
    ),
    (
        "help.calc.duration.about",
        "Quanto tempo demora o recrutamento de uma amostra total",
    ),
    (
        "help.calc.duration.after_help",
        "Exemplos:\n  labkit calc duration --total 1200 --per-week 150\n  labkit calc duration --total 300 --per-day 12",
    ),
    (
        "help.calc.duration.arg.total",
        "Total de pessoas necessárias (todos os braços)",
    ),
    (
        "help.calc.duration.arg.per_day",
        "Pessoas elegíveis por dia",
    ),
    (
        "help.calc.duration.arg.per_week",
        "Pessoas elegíveis por semana",
    ),
    (
        "help.assign.about",
        "Atribuir aleatoriamente as unidades de um ficheiro CSV aos braços de um ensaio, de forma reprodutível e equilibrada",
    ),
    (
        "help.assign.after_help",
        "Exemplos:\n  labkit assign pessoas.csv --arms controlo,tratamento --seed 42 -o atribuido.csv --log auditoria.yaml\n  labkit assign escolas.csv --ratio a=2,b=1,c=1 --stratify regiao --cluster escola --log auditoria.yaml\n  labkit assign semana1.csv --ratio sms=2,carta=1 --block-size 6 --stratify balcao -o ensaio.csv --log ensaio.yaml\n  labkit assign semana2.csv --append ensaio.csv --log ensaio.yaml",
    ),
    (
        "help.assign.arg.units",
        "Ficheiro CSV com uma linha de cabeçalho, uma unidade (ou um membro de um cluster) por linha",
    ),
    (
        "help.assign.arg.arms",
        "Nomes dos braços, separados por vírgulas (podem ser omitidos quando --ratio os nomeia, ou com --append)",
    ),
    (
        "help.assign.arg.ratio",
        "Razão de alocação com o nome de cada braço, p. ex., tratamento=2,controlo=1 (partes iguais podem ficar 1:1)",
    ),
    (
        "help.assign.arg.stratify",
        "Aleatorizar dentro dos estratos desta coluna (repetível)",
    ),
    (
        "help.assign.arg.cluster",
        "Aleatorizar clusters inteiros, identificados por esta coluna",
    ),
    (
        "help.assign.arg.id",
        "Coluna dos ids das unidades, verificados quanto a repetidos",
    ),
    (
        "help.assign.arg.delimiter",
        "Separador dos campos, `,` `;` `tab` ou `|` (por omissão: detetado a partir do cabeçalho e das primeiras linhas)",
    ),
    (
        "help.assign.arg.seed",
        "Semente do gerador aleatório; sem ela, é sorteada uma e mostrada",
    ),
    (
        "help.assign.arg.output",
        "Escrever o CSV atribuído aqui em vez de no stdout",
    ),
    (
        "help.assign.arg.log",
        "Escrever um registo de auditoria (YAML): semente, braços, estratos, contagens, hashes da entrada e da saída, versão, hora (com --append: o registo a verificar e continuar)",
    ),
    (
        "help.assign.arg.force",
        "Substituir ficheiros de saída existentes",
    ),
    (
        "help.init.about",
        "Criar uma área de trabalho do laboratório: labkit.yaml, methods/, templates/, sessions/ e um README",
    ),
    (
        "help.init.after_help",
        "Exemplos:\n  labkit init\n  labkit init our-lab --lab \"LabX\" --lang pt --facilitator \"Ana Sousa\"",
    ),
    (
        "help.init.arg.dir",
        "Pasta da área de trabalho (predefinição: a pasta atual)",
    ),
    (
        "help.init.arg.lab",
        "O nome do laboratório, mostrado nos relatórios",
    ),
    (
        "help.init.arg.default_lang",
        "Língua predefinida da área de trabalho",
    ),
    (
        "help.init.arg.facilitator",
        "Facilitador predefinido das novas sessões",
    ),
    (
        "help.config.about",
        "Mostrar cada definição, o seu valor e de onde vem",
    ),
    (
        "help.config.after_help",
        "Exemplos:\n  labkit config\n  labkit config --format json",
    ),
    (
        "help.new.about",
        "Escrever um novo ficheiro de método, comentado, que valida e corre tal como está",
    ),
    (
        "help.new.method.about",
        "Um novo ficheiro de método na pasta methods/ da área de trabalho",
    ),
    (
        "help.new.method.after_help",
        "Exemplo:\n  labkit new method service-safari && labkit run service-safari",
    ),
    (
        "help.new.method.arg.id",
        "O id do método: letras minúsculas, algarismos e hífenes (também o nome do ficheiro)",
    ),
    (
        "help.eject.about",
        "Copiar um método incluído (ou o modelo do seu relatório) para a área de trabalho, para o personalizar",
    ),
    (
        "help.eject.after_help",
        "Exemplos:\n  labkit eject test-card                 # methods/test-card.yaml\n  labkit eject test-card --template      # templates/test-card.md.hbs\n  labkit eject experiment-plan           # methods/playbooks/experiment-plan.yaml",
    ),
    ("help.eject.arg.id", "Id de um método ou roteiro incluído"),
    (
        "help.eject.arg.template",
        "Copiar antes o modelo do relatório (templates/<id>.md.hbs)",
    ),
    (
        "help.eject.arg.force",
        "Substituir um ficheiro que já esteja na área de trabalho",
    ),
    (
        "help.completions.about",
        "Mostrar os completamentos para a shell (bash, zsh, fish, powershell, elvish)",
    ),
    (
        "help.completions.after_help",
        "Exemplos:\n  labkit completions bash > ~/.local/share/bash-completion/completions/labkit\n  labkit completions fish > ~/.config/fish/completions/labkit.fish\n  labkit completions zsh > \"${fpath[1]}/_labkit\"",
    ),
    (
        "help.man.about",
        "Mostrar a página do manual (roff), ou escrever numa pasta uma página por comando",
    ),
    (
        "help.man.after_help",
        "Exemplos:\n  labkit man > labkit.1 && man ./labkit.1\n  labkit man ~/.local/share/man/man1 && man labkit-run",
    ),
    (
        "help.man.arg.dir",
        "Escrever nesta pasta o labkit.1 e uma página por comando (labkit-run.1, labkit-calc-mde.1, …), substituindo as anteriores",
    ),
    (
        "help.ids.about",
        "Ids dos métodos e roteiros, um por linha, para os completamentos da shell",
    ),
    (
        "help.schema.about",
        "Mostrar o JSON Schema dos ficheiros de métodos, para editores",
    ),
    (
        "help.schema.after_help",
        "Exemplo:\n  labkit schema > method.schema.json",
    ),
    ("help.builtin.usage", "Utilização"),
    ("help.builtin.commands", "Comandos"),
    ("help.builtin.arguments", "Argumentos"),
    ("help.builtin.options", "Opções"),
    ("help.builtin.help", "Mostrar a ajuda"),
    (
        "help.builtin.help_more",
        "Mostrar a ajuda (mais pormenores com '--help')",
    ),
    (
        "help.builtin.help_summary",
        "Mostrar a ajuda (um resumo com '-h')",
    ),
    ("help.builtin.version", "Mostrar a versão"),
    (
        "help.builtin.help_command",
        "Mostrar esta mensagem ou a ajuda dos subcomandos indicados",
    ),
    (
        "help.show.arg.format.value.md",
        "Markdown, para imprimir um catálogo",
    ),
    // A sala: recusas que os participantes veem quando o que enviaram não é aceite.
    ("room.refuse.empty", "Escreva alguma coisa primeiro."),
    (
        "room.refuse.too_long",
        "É demasiado longo: no máximo {max} carateres.",
    ),
    ("room.refuse.no_entry", "Não há nenhuma entrada {n}."),
    ("room.refuse.closed", "Esta pergunta está fechada."),
    (
        "room.refuse.full",
        "Já não há espaço para respostas a esta pergunta.",
    ),
    (
        "room.refuse.not_yours",
        "Só pode alterar as suas próprias entradas.",
    ),
    (
        "room.refuse.wrong_kind",
        "Esta pergunta não aceita esse tipo de resposta.",
    ),
    (
        "room.refuse.bad_ballot",
        "Essa resposta não serve para esta pergunta; recarregue a página.",
    ),
    (
        "room.refuse.budget",
        "Tem {dots} pontos e colocou {placed}.",
    ),
    (
        "room.refuse.score_range",
        "As pontuações vão de {min} a {max}.",
    ),
    (
        "room.refuse.rank_all",
        "Ordene todos os itens, cada um uma vez.",
    ),
    ("room.refuse.how_many", "Escolha entre {min} e {max}."),
    ("room.step", "Passo {n} de {total}"),
    ("room.waiting_title", "À espera da próxima pergunta"),
    (
        "room.waiting_body",
        "Esta página muda sozinha quando a pessoa que facilita abrir a próxima pergunta.",
    ),
    (
        "room.waiting_noscript",
        "Recarregue a página de vez em quando para a ver.",
    ),
    ("room.closed", "Esta pergunta está fechada."),
    ("room.left", "Faltam {time}"),
    ("room.about_left", "Faltam cerca de {n} min"),
    ("room.time_up", "O tempo acabou"),
    ("room.add_label", "A sua entrada"),
    ("room.add", "Acrescentar"),
    ("room.yours", "As suas entradas ({n})"),
    (
        "room.none_yet",
        "Ainda não acrescentou nada. As suas entradas só aparecem aqui para si.",
    ),
    ("room.entry_n", "A sua entrada {n}"),
    ("room.save_n", "Guardar a entrada {n}"),
    ("room.withdraw_n", "Retirar a entrada {n}"),
    ("room.set_aside", "posta de parte pela pessoa que facilita"),
    ("room.dots_legend", "Distribua os seus pontos: tem {n}"),
    ("room.dots_left", "Pontos por usar: {n}"),
    ("room.send_dots", "Enviar os meus pontos"),
    ("room.not_scored", "sem avaliação"),
    ("room.send_scores", "Enviar a minha avaliação"),
    ("room.rank_legend", "Dê um lugar a cada item (1 é o melhor)"),
    ("room.send_ranking", "Enviar a minha ordenação"),
    ("room.choose_one", "Escolha uma opção"),
    ("room.choose_any", "Escolha as que se aplicam"),
    ("room.choose_between", "Escolha de {min} a {max}"),
    ("room.choose_at_least", "Escolha pelo menos {min}"),
    ("room.choose_at_most", "Escolha até {max}"),
    ("room.answer_label", "A sua resposta"),
    ("room.send", "Enviar"),
    (
        "room.answered",
        "A sua resposta foi recebida. Pode alterá-la até a pergunta fechar.",
    ),
    ("room.recorded", "A sua resposta ficou registada."),
    ("room.you", "Sobre si"),
    ("room.name_label", "O seu nome ou um pseudónimo (opcional)"),
    (
        "room.name_help",
        "Aparece com as suas entradas só quando a pessoa que facilita mostrar os resultados no ecrã. Deixe em branco para participar sem nome.",
    ),
    ("room.save_name", "Guardar nome"),
    (
        "room.stored",
        "O que enviar (as suas entradas e respostas, e um nome, se o der) fica guardado apenas no ficheiro de sessão {file}, no computador de quem facilita; nada é enviado para mais lado nenhum. Este dispositivo guarda um identificador aleatório, e o seu nome, em dois cookies desta sala.",
    ),
    ("room.continue", "Abrir a sala"),
    ("room.results", "Resultados"),
    (
        "room.results_hidden",
        "Os resultados aparecem aqui quando a pessoa que facilita os mostrar.",
    ),
    ("room.nothing_yet", "Ainda nada."),
    ("room.col_item", "Item"),
    ("room.col_dots", "Pontos"),
    ("room.col_devices", "Dispositivos"),
    ("room.col_answer", "Resposta"),
    ("room.points", "{n} ponto|{n} pontos"),
    (
        "room.devices",
        "{n} dispositivo participou|{n} dispositivos participaram",
    ),
    ("room.done.add", "Acrescentado."),
    ("room.done.edit", "Alterado."),
    ("room.done.withdraw", "Retirado."),
    (
        "room.done.ballot",
        "Enviado. Pode alterar até a pergunta fechar.",
    ),
    (
        "room.done.name",
        "Nome guardado. Acompanha o que enviar a partir de agora.",
    ),
    (
        "room.err.nothing_open",
        "Não há nenhuma pergunta aberta neste momento.",
    ),
    ("room.err.closed", "Esta pergunta está fechada."),
    (
        "room.err.changed",
        "A pergunta mudou; a página mostra agora a pergunta atual.",
    ),
    (
        "room.err.token",
        "Esta página estava desatualizada e foi recarregada. Envie de novo, por favor.",
    ),
    ("room.err.empty", "Escreva alguma coisa primeiro."),
    (
        "room.err.too_long",
        "É demasiado longo: no máximo {max} carateres.",
    ),
    (
        "room.err.name_too_long",
        "Esse nome é demasiado longo: no máximo {max} carateres.",
    ),
    (
        "room.err.shape",
        "Essa resposta não serve para esta pergunta.",
    ),
    ("room.err.not_yours", "Essa não é uma das suas entradas."),
    ("room.err.budget", "São mais do que os seus {n} pontos."),
    (
        "room.err.rank",
        "Dê a cada item um lugar diferente, a partir de 1.",
    ),
    ("room.err.choice", "Escolha uma das opções apresentadas."),
    ("room.err.nothing_chosen", "Escolha alguma coisa primeiro."),
    ("room.err.too_large", "É demasiado para enviar de uma vez."),
    (
        "room.err.busy",
        "O computador de quem facilita não respondeu a tempo; tente de novo.",
    ),
    (
        "room.err.failed",
        "Não foi possível contactar o computador de quem facilita. Verifique o Wi-Fi e tente de novo.",
    ),
    (
        "stats.ratio_needs_names",
        "{text} não indica os braços; escreva, por exemplo, `--ratio tratamento=2,controlo=1`, ou indique também `--arms`",
    ),
    (
        "stats.ratio_positional",
        "{text} seria lido pela ordem de `--arms`, o que é fácil de trocar; indique os braços pelo nome: `--ratio {named}` (só partes iguais, como 1:1, podem ficar sem nome)",
    ),
    (
        "stats.ratio_named_part",
        "a parte {part} de {text} não tem a forma BRAÇO=PESO (por exemplo, `--ratio tratamento=2,controlo=1`)",
    ),
    ("stats.ratio_named_twice", "indica o braço {arm} duas vezes"),
    (
        "stats.ratio_unknown_arm",
        "indica o braço {arm}, que não é um dos de `--arms` ({arms})",
    ),
    (
        "stats.ratio_arm_missing",
        "não dá peso ao braço {arm}; indique todos os braços de `--arms`",
    ),
    (
        "stats.block_size",
        "tem de ser um múltiplo positivo da soma da razão ({sum}), no máximo {max}; foi dado {size}",
    ),
    (
        "stats.prior_no_arm",
        "a última coluna não é {name}: `--append` recebe um CSV escrito por `labkit assign`",
    ),
    (
        "stats.prior_unknown_arm",
        "o braço {arm} não é um dos braços da atribuição ({arms})",
    ),
    (
        "stats.append_cluster",
        "não é possível acrescentar unidades a uma atribuição por clusters; atribua de novo o ficheiro inteiro com outra semente, ou os novos clusters como um ensaio à parte",
    ),
    (
        "stats.append_header",
        "as colunas ({these}) não são as da atribuição anterior ({earlier}); as novas unidades precisam das mesmas colunas, pela mesma ordem",
    ),
    (
        "stats.append_id",
        "o id {id} da coluna {column} já está na atribuição anterior",
    ),
    (
        "assign.append_needs_log",
        "`--append` precisa de `--log`: o registo da atribuição anterior, que é verificado e continuado",
    ),
    (
        "assign.log_unreadable",
        "{file}: não é um registo de atribuição que `--append` possa continuar: {reason}",
    ),
    (
        "assign.log_altered",
        "{file}: a entrada {entry} foi alterada depois de escrita (o seu `sha256` não corresponde ao conteúdo); não será continuado",
    ),
    (
        "assign.log_chain",
        "{file}: a entrada {entry} não segue a entrada {previous} (o seu `previous_sha256` difere); não será continuado",
    ),
    (
        "assign.output_altered",
        "{file} foi alterado depois da atribuição (SHA-256 {actual}; o registo {log} diz {expected}); nada será acrescentado",
    ),
    (
        "assign.append_flag",
        "`{flag}` difere do da atribuição anterior ({logged}); omita-o com `--append`, é lido do registo",
    ),
    (
        "assign.appended",
        "{file}: {rows} linhas acrescentadas (lote {batch}) depois das {earlier} já atribuídas, que ficam iguais; linhas por braço no total: {totals}",
    ),
    (
        "help.assign.arg.block_size",
        "Blocos permutados de N unidades dentro de cada estrato, para recrutamento contínuo (um múltiplo da soma da razão)",
    ),
    (
        "help.assign.arg.append",
        "Acrescentar as unidades a esta atribuição anterior (o seu CSV de saída), mantendo os braços; precisa de --log",
    ),
    (
        "stats.wrong_direction",
        "a diferença ({difference}, tratamento menos controlo) vai no sentido contrário de `--alternative {alternative}`; indique a diferença que o teste procura, ou `--alternative two-sided`",
    ),
    (
        "stats.no_mde_decrease",
        "nenhuma diminuição abaixo de `--baseline` {baseline} é detetável com `--per-arm` {per_arm}: mesmo um alvo de 0 precisa de {need} por braço antes dos ajustes",
    ),
    (
        "cli.calc_ratio",
        "`{value}` não é um rácio: indique um número (tratamento por controlo, p. ex. 2) ou nomeie os dois braços (treatment=2,control=1)",
    ),
    (
        "stats.power_inputs",
        "indique `--baseline` e `--target` (proporções) ou `--sd` e `--delta` (médias)",
    ),
    ("stats.power_sample", "indique `--per-arm` ou `--total`"),
    (
        "stats.points_range",
        "tem de estar entre 2 e 10000, recebido {value}",
    ),
    (
        "help.calc.sample-size.arg.alternative",
        "A diferença que o teste procura: em qualquer sentido, ou tratamento maior ou menor do que o controlo",
    ),
    (
        "help.calc.mde.arg.alternative",
        "A diferença que o teste procura: em qualquer sentido, ou tratamento maior ou menor do que o controlo",
    ),
    (
        "help.calc.power.about",
        "A potência de um ensaio de dimensão dada: a probabilidade de detetar o efeito se ele for real",
    ),
    (
        "help.calc.power.after_help",
        "Exemplos:\n  labkit calc power --baseline 0.3 --target 0.35 --per-arm 1000\n  labkit calc power --sd 10 --delta 3 --total 300 --ratio treatment=2,control=1\n  labkit calc power --baseline 0.3 --target 0.35 --per-arm 1000 --curve -o curva.svg",
    ),
    (
        "help.calc.power.arg.per_arm",
        "Pessoas no braço de controlo (o braço de tratamento recebe --ratio vezes mais)",
    ),
    (
        "help.calc.power.arg.total",
        "Pessoas nos dois braços juntos, repartidas segundo --ratio",
    ),
    (
        "help.calc.power.arg.baseline",
        "Proporções: a taxa do resultado sem a mudança (0–1)",
    ),
    (
        "help.calc.power.arg.target",
        "Proporções: a taxa do resultado esperada com a mudança (0–1)",
    ),
    (
        "help.calc.power.arg.sd",
        "Médias: o desvio-padrão do resultado",
    ),
    (
        "help.calc.power.arg.delta",
        "Médias: a diferença de médias (tratamento menos controlo)",
    ),
    (
        "help.calc.power.arg.alpha",
        "Nível de significância α (repartido pelas duas caudas quando bilateral)",
    ),
    (
        "help.calc.power.arg.ratio",
        "Rácio de alocação: tratamento por controlo (2), ou com os braços nomeados (treatment=2,control=1)",
    ),
    (
        "help.calc.power.arg.alternative",
        "A diferença que o teste procura: em qualquer sentido, ou tratamento maior ou menor do que o controlo",
    ),
    (
        "help.calc.power.arg.cluster_size",
        "Pessoas por cluster, para aleatorização por clusters (com --icc)",
    ),
    (
        "help.calc.power.arg.icc",
        "Correlação intracluster (com --cluster-size)",
    ),
    (
        "help.calc.power.arg.attrition",
        "Desistências esperadas, como fração (0.1 = 10%)",
    ),
    (
        "help.calc.power.arg.curve",
        "Mostrar também a potência ao longo de um intervalo de dimensões da amostra (n, por omissão) ou de efeitos",
    ),
    ("help.calc.power.arg.points", "Pontos da curva"),
    (
        "help.calc.power.arg.output",
        "Escrever a curva como gráfico SVG neste ficheiro",
    ),
    (
        "help.calc.power.arg.force",
        "Substituir um ficheiro de saída existente",
    ),
    (
        "stats.cv_needs_cluster",
        "`--cluster-cv` exige `--cluster-size` e `--icc`",
    ),
    (
        "stats.not_negative",
        "tem de ser 0 ou mais, recebido {value}",
    ),
    (
        "stats.arms_range",
        "tem de estar entre 2 e 100, recebido {value}",
    ),
    (
        "stats.few_clusters",
        "apenas {clusters} clusters por braço (menos de {few}): a potência assenta em poucas unidades independentes e num CCI certo; acrescente clusters se puder, e analise ao nível do cluster",
    ),
    (
        "stats.continuity_proportions",
        "`--continuity` é para proporções (`--baseline`), não para médias",
    ),
    (
        "help.calc.sample-size.arg.continuity",
        "Proporções: correção de continuidade de Fleiss (para um teste qui-quadrado com a correção de Yates ou o teste exato de Fisher)",
    ),
    (
        "help.calc.sample-size.arg.cluster_cv",
        "Clusters de dimensão desigual: o coeficiente de variação da dimensão dos clusters (com --cluster-size, a dimensão média)",
    ),
    (
        "help.calc.sample-size.arg.arms",
        "Braços ao todo, incluindo o controlo; cada comparação com o controlo usa α/(braços − 1) (Bonferroni)",
    ),
    (
        "help.calc.mde.arg.continuity",
        "Proporções: correção de continuidade de Fleiss (para um teste qui-quadrado com a correção de Yates ou o teste exato de Fisher)",
    ),
    (
        "help.calc.mde.arg.cluster_cv",
        "Clusters de dimensão desigual: o coeficiente de variação da dimensão dos clusters (com --cluster-size, a dimensão média)",
    ),
    (
        "help.calc.mde.arg.arms",
        "Braços ao todo, incluindo o controlo; cada comparação com o controlo usa α/(braços − 1) (Bonferroni)",
    ),
    (
        "help.calc.power.arg.continuity",
        "Proporções: correção de continuidade de Fleiss (para um teste qui-quadrado com a correção de Yates ou o teste exato de Fisher)",
    ),
    (
        "help.calc.power.arg.cluster_cv",
        "Clusters de dimensão desigual: o coeficiente de variação da dimensão dos clusters (com --cluster-size, a dimensão média)",
    ),
    (
        "help.calc.power.arg.arms",
        "Braços ao todo, incluindo o controlo; cada comparação com o controlo usa α/(braços − 1) (Bonferroni)",
    ),
    (
        "help.analyse.about",
        "Ler os resultados de um ensaio: resultado por braço, o efeito com o seu intervalo, equilíbrio e o veredicto",
    ),
    (
        "help.analyse.after_help",
        "Exemplos:\n  labkit analyse afetados.csv --outcome renovou --control controlo\n  labkit analyse afetados.csv --outcome renovou --id processo --outcomes resultados.csv --plan sessions/ensaio.yaml -o leitura.html\n  labkit analyse alunos.csv --outcome nota --cluster escola --covariates idade,anterior --format json",
    ),
    (
        "help.analyse.arg.data",
        "O CSV das unidades com o seu braço (o que o `labkit assign` escreveu, ou qualquer CSV com uma coluna de braço)",
    ),
    (
        "help.analyse.arg.outcome",
        "A coluna do resultado (0/1, verdadeiro/falso, sim/não: uma proporção; números: uma média); com --plan, por omissão o resultado principal do plano",
    ),
    (
        "help.analyse.arg.arm_column",
        "A coluna com o braço de cada unidade",
    ),
    (
        "help.analyse.arg.control",
        "O braço de controlo; os outros são comparados com ele",
    ),
    (
        "help.analyse.arg.id",
        "A coluna dos identificadores das unidades: as repetições são listadas, e --outcomes é ligado por ela",
    ),
    (
        "help.analyse.arg.outcomes",
        "Um segundo CSV com o resultado, ligado aos dados pela coluna --id",
    ),
    (
        "help.analyse.arg.cluster",
        "Analisar ao nível dos clusters desta coluna (médias dos clusters comparadas com o teste de Welch)",
    ),
    (
        "help.analyse.arg.covariates",
        "Colunas de base para a tabela de equilíbrio (diferenças médias padronizadas)",
    ),
    (
        "help.analyse.arg.plan",
        "A sessão de desenho do ensaio: resultado principal, efeito mínimo, alfa e regra de decisão",
    ),
    (
        "help.analyse.arg.alpha",
        "Nível de significância para os intervalos e o veredicto [por omissão: o do plano, senão 0,05]",
    ),
    ("help.analyse.arg.format", "Formato de saída no stdout"),
    (
        "help.analyse.arg.output",
        "Escrever a leitura num ficheiro: .md, .html ou .docx",
    ),
    (
        "help.analyse.arg.force",
        "Substituir um ficheiro de saída existente",
    ),
    (
        "analyse.unknown_format",
        "não é possível saber o formato de `{path}`; use .md, .html ou .docx",
    ),
    (
        "analyse.bad_alpha",
        "`--alpha` tem de estar entre 0 e 1, não {value}",
    ),
    (
        "analyse.bad_value",
        "{value} na coluna {column} não é um número, 0/1, verdadeiro/falso nem sim/não",
    ),
    (
        "analyse.chart_difference",
        "Diferença (tratamento − controlo)",
    ),
    ("analyse.chart_points", "Diferença, pontos percentuais"),
    ("analyse.chart_planned", "mínimo previsto"),
    (
        "analyse.chart_title",
        "Efeito em {outcome} com o intervalo de confiança a {level}%",
    ),
    (
        "analyse.cluster_note",
        "análise ao nível dos clusters: a média de cada cluster conta como um valor, e as médias dos clusters dos braços são comparadas com o teste t de Welch",
    ),
    (
        "analyse.cluster_two_arms",
        "o cluster {cluster} está aqui no braço {arm} e no braço {other} numa linha anterior; um cluster pertence a um só braço",
    ),
    ("analyse.col.analysed", "Analisados"),
    ("analyse.col.arm", "Braço"),
    ("analyse.col.assigned", "Afetados"),
    ("analyse.col.ci", "IC {level}%"),
    ("analyse.col.cluster_mean", "Média das médias dos clusters"),
    ("analyse.col.clusters", "Clusters"),
    ("analyse.col.comparison", "Comparação"),
    ("analyse.col.covariate", "Covariável"),
    ("analyse.col.file", "Ficheiro"),
    ("analyse.col.line", "Linha"),
    ("analyse.col.mean", "Média"),
    ("analyse.col.proportion", "Proporção"),
    ("analyse.col.reason", "Motivo"),
    ("analyse.col.smd", "DMP"),
    ("analyse.decision_rule", "A regra de decisão do plano:"),
    (
        "analyse.delimiter_undetected",
        "não é possível identificar o separador a partir do cabeçalho {header}",
    ),
    (
        "analyse.effect_line",
        "{arm} − {control}: {difference} {unit}(IC {level}%: {low} a {high}), p {p}",
    ),
    ("analyse.fact.data", "Dados"),
    ("analyse.fact.outcomes", "Resultados"),
    ("analyse.fact.plan", "Plano"),
    ("analyse.first_at", "repete a linha {line}"),
    ("analyse.footer", "Feito com labkit analyse em {date}."),
    ("analyse.h.arms", "Resultado por braço"),
    ("analyse.h.balance", "Equilíbrio à partida"),
    ("analyse.h.method", "Método"),
    ("analyse.h.not_analysed", "Linhas não analisadas"),
    ("analyse.h.result", "Resultado"),
    ("analyse.higher", "acima"),
    ("analyse.kicker", "Leitura do ensaio"),
    ("analyse.lower", "abaixo"),
    (
        "analyse.method.cluster",
        "Análise ao nível dos clusters: o resultado médio de cada cluster conta como um valor, e as médias dos clusters dos braços são comparadas com o intervalo e o teste t de Welch (variâncias desiguais). As médias dos braços apresentadas são médias das médias dos clusters.",
    ),
    (
        "analyse.method.mean",
        "Diferença de médias com o intervalo e o teste t de Welch (variâncias desiguais, como t.test(var.equal = FALSE) no R).",
    ),
    (
        "analyse.method.proportion",
        "Diferença de proporções com o intervalo híbrido de score de Newcombe (Newcombe 1998, método 10); o valor p é o do teste do qui-quadrado sem correção de continuidade (como prop.test(correct = FALSE) no R); o risco relativo tem o intervalo logarítmico de Katz.",
    ),
    (
        "analyse.mixed_kinds",
        "a coluna {column} mistura números como {value} com palavras como {word} (linha {line}); uma proporção é 0/1, verdadeiro/falso ou sim/não, uma média são números",
    ),
    (
        "analyse.more_rows",
        "… e mais {n} (todas, até 1000, em --format json)",
    ),
    (
        "analyse.no_control",
        "não há braço de controlo{control} entre os braços {arms}: indique-o com `--control`",
    ),
    (
        "analyse.no_effect",
        "Não foi possível calcular o efeito: um braço tem poucas unidades analisadas.",
    ),
    (
        "analyse.no_outcome",
        "indique a coluna do resultado com `--outcome` (ou um `--plan` cujo resultado principal seja uma coluna)",
    ),
    (
        "analyse.no_units",
        "nenhuma linha tem braço na coluna {column}",
    ),
    (
        "analyse.not_a_plan",
        "{file} é uma sessão de `{method}`, não um desenho de ensaio: não tem resultado principal nem taxa de referência",
    ),
    (
        "analyse.not_analysed_note",
        "{n} linha não analisada:|{n} linhas não analisadas:",
    ),
    ("analyse.points", "pontos "),
    (
        "analyse.ragged",
        "esta linha tem {found} campos, o cabeçalho {expected}",
    ),
    (
        "analyse.ratio_line",
        "; risco relativo {ratio} ({low} a {high})",
    ),
    ("analyse.reason.duplicate_id", "id repetido"),
    (
        "analyse.reason.duplicate_outcome_id",
        "id repetido no ficheiro de resultados",
    ),
    ("analyse.reason.missing_outcome", "sem resultado"),
    ("analyse.reason.no_arm", "sem braço"),
    (
        "analyse.reason.no_outcome_row",
        "sem linha no ficheiro de resultados",
    ),
    ("analyse.reason.unknown_arm", "braço fora do plano"),
    ("analyse.reason.unknown_id", "id ausente dos dados"),
    (
        "analyse.sentence",
        "{outcome}: {size} {unit}{direction} em {arm} do que em {control} (IC {level}%: {low} a {high})",
    ),
    (
        "analyse.sentence_no_minimum",
        "; o plano não indica um efeito mínimo com que o comparar",
    ),
    (
        "analyse.sentence_plan",
        "; o plano pedia pelo menos {size} {unit}{direction}: {verdict}",
    ),
    (
        "analyse.smd_note",
        "DMP: diferença média padronizada, tratamento menos controlo sobre o desvio-padrão conjunto; acima de ±0,1 lê-se habitualmente como desequilíbrio.",
    ),
    (
        "analyse.subtitle",
        "Resultado por braço, o efeito com o seu intervalo, e todas as linhas não analisadas.",
    ),
    ("analyse.title", "Leitura: {outcome}"),
    (
        "analyse.too_many_arms",
        "a coluna {column} tem mais de {n} valores diferentes: é a coluna dos braços? (`--arm-column`)",
    ),
    (
        "analyse.too_many_levels",
        "a covariável {column} tem mais de {n} valores diferentes: fica fora da tabela de equilíbrio",
    ),
    (
        "analyse.verdict.inconclusive",
        "inconclusivo — o intervalo inclui tanto a ausência de efeito como o efeito previsto",
    ),
    (
        "analyse.verdict.not_supported",
        "não confirmado — o intervalo exclui um efeito da dimensão prevista",
    ),
    (
        "analyse.verdict.opposite",
        "contrariado — o efeito foi no sentido oposto",
    ),
    (
        "analyse.verdict.smaller",
        "não confirmado — há efeito, mas menor do que o previsto",
    ),
    ("analyse.verdict.supported", "confirmado"),
    ("analyse.written", "leitura escrita em {path}"),
    (
        "analyse.answers_arm",
        "{arm}: {assigned} afetados, {analysed} analisados",
    ),
    (
        "analyse.answers_left_out",
        "Linhas deixadas de fora (listadas na leitura): {n}",
    ),
    (
        "analyse.too_many_ids",
        "mais de 4 294 967 295 ids ou clusters diferentes",
    ),
    (
        "helpers.bad_ratio",
        "não foi possível ler a proporção de afetação `{value}`: escreva tratamento:controlo, por exemplo 1:1 ou 2:1",
    ),
    (
        "helpers.trial_inputs",
        "a dimensão da amostra precisa de uma taxa de referência e uma taxa alvo, ou de um desvio-padrão e uma diferença mínima",
    ),
    (
        "analyse.sentence_greater",
        "; teste unilateral, como planeado, para uma subida",
    ),
    (
        "analyse.sentence_less",
        "; teste unilateral, como planeado, para uma descida",
    ),
    (
        "analyse.sentence_bonferroni",
        "; com correção de Bonferroni para {n} comparações com o controlo",
    ),
    (
        "analyse.note_greater",
        "Teste unilateral para uma subida no braço de tratamento: os valores p são unilaterais, e o limite inferior do intervalo de {level}% é o limite unilateral de {one}%.",
    ),
    (
        "analyse.note_less",
        "Teste unilateral para uma descida no braço de tratamento: os valores p são unilaterais, e o limite superior do intervalo de {level}% é o limite unilateral de {one}%.",
    ),
    (
        "analyse.note_bonferroni",
        "{n} braços comparados com {control}: correção de Bonferroni, cada comparação a α = {alpha} (intervalos de {level}%) e cada valor p multiplicado por {n} (no máximo 1).",
    ),
    (
        "help.analyse.arg.alternative",
        "O teste: bilateral, ou unilateral para uma subida (greater) ou uma descida (less) no braço de tratamento [por omissão: o test_sides do plano, senão bilateral]",
    ),
    (
        "analyse.plan_sides_contradict",
        "{file}: o teste é unilateral `{sides}` ({source}), mas o efeito do plano ({field}: {effect}) é uma {direction}; um teste unilateral só encontra uma mudança no sentido que indica. Corrija o test_sides ou o efeito previsto no plano, ou use --alternative two-sided",
    ),
    ("analyse.direction_rise", "subida"),
    ("analyse.direction_fall", "descida"),
    ("report.skip", "Saltar para o conteúdo"),
    ("report.table", "Tabela"),
    (
        "report.chart_bars",
        "{title}: gráfico de barras com {n} itens, {total} {value} no total",
    ),
    ("report.chart_most", "mais: {top}"),
    (
        "report.chart_matrix",
        "{title}: matriz 2×2 com {n} itens por {y} e {x}; {counts}",
    ),
    (
        "report.chart_interval",
        "{title}: {n} estimativas de {value} com os seus intervalos de confiança",
    ),
];

fn catalogue(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::En => EN,
        Lang::Pt => PT,
    }
}

/// The string for `key` in `lang`, falling back to English, then to the key itself.
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    let find = |cat: &'static [(&'static str, &'static str)]| {
        cat.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    };
    find(catalogue(lang)).or_else(|| find(EN)).unwrap_or(key)
}

/// Like `t`, for keys that come from templates at run time; `None` when the key is unknown.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    let find = |cat: &'static [(&'static str, &'static str)]| {
        cat.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    };
    find(catalogue(lang)).or_else(|| find(EN))
}

/// Every key of the English catalogue (the Portuguese one has the same keys).
pub fn keys() -> impl Iterator<Item = &'static str> {
    EN.iter().map(|(k, _)| *k)
}

/// The language for messages built deep in the engine (validation diagnostics, errors), which
/// have no settings at hand. Set once by `run` from the resolved settings; English until then,
/// so library callers and tests get English.
static MESSAGE_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

pub fn set_message_language(lang: Lang) {
    let _ = MESSAGE_LANG.set(lang);
}

pub fn message_language() -> Lang {
    MESSAGE_LANG.get().copied().unwrap_or_default()
}

/// A message in the message language, with `{name}` placeholders filled in.
pub fn msg(key: &'static str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    tf(message_language(), key, args)
}

/// `t` with `{name}` placeholders filled in, in one pass: a value that itself contains
/// `{other}` is inserted as is, and braces that name no argument (such as `{{#if …}}`) stay.
pub fn tf(lang: Lang, key: &'static str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    fill(t(lang, key), args)
}

/// A count in words that agree with it: the key holds `one|other` forms (`{n} entry|{n}
/// entries`); in English and in European Portuguese the singular is for exactly 1.
pub fn tn(lang: Lang, key: &'static str, n: usize) -> String {
    let forms = t(lang, key);
    let form = match forms.split_once('|') {
        Some((one, _)) if n == 1 => one,
        Some((_, other)) => other,
        None => forms,
    };
    fill(form, &[("n", &n)])
}

/// Fills `{name}` placeholders in one pass, so values containing braces are inserted as is.
fn fill(template: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    use std::fmt::Write;
    let mut rest = template;
    let mut text = String::with_capacity(rest.len());
    while let Some(open) = rest.find('{') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (v, close))
        });
        match value {
            Some((value, close)) => {
                let _ = write!(text, "{value}");
                rest = &after[close + 1..];
            }
            None => {
                text.push('{');
                rest = after;
            }
        }
    }
    text.push_str(rest);
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_have_the_same_keys() {
        let keys = |cat: &[(&'static str, &'static str)]| -> Vec<&'static str> {
            let mut k: Vec<&str> = cat.iter().map(|(k, _)| *k).collect();
            k.sort_unstable();
            k
        };
        assert_eq!(keys(EN), keys(PT));
        let mut unique = keys(EN);
        unique.dedup();
        assert_eq!(
            unique.len(),
            EN.len(),
            "duplicate key in the English catalogue"
        );
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            tf(Lang::Pt, "error.unknown_method", &[("id", &"x")]),
            "método desconhecido `x`"
        );
    }

    #[test]
    fn fills_placeholders_once_and_keeps_other_braces() {
        assert_eq!(
            tf(Lang::En, "error.unknown_method", &[("id", &"{id}")]),
            "unknown method `{id}`"
        );
        assert_eq!(
            tf(Lang::En, "run.session", &[("path", &"{{#if x}}{path}")]),
            "session: {{#if x}}{path}"
        );
    }
}
