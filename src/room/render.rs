//! The room's pages as HTML: the participants' page (one question, its form, one's own
//! entries), the results page for the projector, and the page language chosen from the
//! browser's `Accept-Language`.
//!
//! Pure functions from what the room shows now to a string, so each page is testable without a
//! server. Every text that comes from a participant or a method file passes [`html_escape`]
//! (the terminal sanitiser, then the report's HTML escaper: one sanitiser per output format);
//! the only markup is labkit's own. The pages work without JavaScript (plain forms that post and
//! come back); `room.js` only makes them live. A participant's page shows their own entries and
//! ballot, never another device's; names appear only on the results page, and only when the
//! facilitator shows results.

use std::fmt::{self, Write as _};

use serde_yaml::Value;

use crate::engine::room::{MAX_ENTRY_CHARS, MAX_NAME_CHARS, RoomEntry, RoomKind, RoomQuestion};
use crate::i18n::{t, tf, tn};
use crate::lang::Lang;
use crate::output::terminal_safe;
use crate::report::html::escape;
use crate::stats::power::format_number;

use super::{Published, RoomNow};

/// Text made safe for HTML, in element content and in quoted attribute values alike: control
/// characters (an `ESC[31m`, a bell) are shown as U+FFFD as on a terminal, then `& < > " '`
/// are escaped, so nothing a participant or a method file says can become markup.
pub fn html_escape(text: &str) -> String {
    escape(&terminal_safe(text))
}

/// The page's language: the one the browser prefers (highest `q` first, then the order given)
/// among English, Portuguese and the lab's added languages (those registered, see
/// `settings::load_every_language`), else the session's language.
pub fn choose_lang(accept_language: Option<&str>, session: Lang) -> Lang {
    let Some(header) = accept_language else {
        return session;
    };
    let mut best: Option<(f32, Lang)> = None;
    for part in header.split(',').take(32) {
        let mut bits = part.split(';');
        let tag = bits.next().unwrap_or_default().trim();
        let q = bits
            .find_map(|b| b.trim().strip_prefix("q="))
            .map_or(Some(1.0), |q| q.trim().parse::<f32>().ok())
            .unwrap_or(0.0);
        let Some(lang) = Lang::parse(tag) else {
            continue;
        };
        if q > 0.0 && best.is_none_or(|(bq, _)| q > bq) {
            best = Some((q, lang));
        }
    }
    best.map_or(session, |(_, lang)| lang)
}

/// A message shown in the page's status line after a post.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    pub ok: bool,
    pub text: String,
}

/// What a refused post carried, put back in its form so nothing typed is lost.
#[derive(Debug, Clone, PartialEq)]
pub enum Draft {
    Add(String),
    Edit {
        id: u64,
        text: String,
    },
    /// The ballot form's fields as posted.
    Ballot(Vec<(String, String)>),
    Name(String),
}

/// Everything the participants' page shows one device.
pub struct Page<'a> {
    pub lang: Lang,
    /// `/r/CODE`
    pub base: &'a str,
    pub now: &'a RoomNow,
    pub device: &'a str,
    pub name: Option<&'a str>,
    pub token: &'a str,
    pub stored_where: &'a str,
    /// The server's clock, so the countdown runs on the facilitator's time.
    pub now_ms: u64,
    pub notice: Option<&'a Notice>,
    pub draft: Option<&'a Draft>,
}

/// The participants' page.
pub fn participant(p: &Page) -> String {
    let mut out = String::with_capacity(8 * 1024);
    let _ = write_participant(&mut out, p);
    out
}

/// The results page for the projector: results only when the facilitator shows them.
pub fn results(lang: Lang, base: &str, published: &Published, now_ms: u64) -> String {
    let mut out = String::with_capacity(8 * 1024);
    let _ = write_results(&mut out, lang, base, published, now_ms);
    out
}

/// A page that only sends the browser on to the room, for a first visit that came from a link
/// on another site: such a request carries no `SameSite=Strict` cookie, and the next one will.
pub fn landing(lang: Lang, base: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!doctype html>\n<html lang=\"{l}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta http-equiv=\"refresh\" content=\"0; url={base}\">\
         <title>labkit</title><link rel=\"stylesheet\" href=\"{base}/room.css\"></head>\
         <body><main id=\"main\"><p><a href=\"{base}\">{go}</a></p></main></body></html>\n",
        l = lang.code(),
        base = html_escape(base),
        go = html_escape(t(lang, "room.continue")),
    );
    out
}

fn head(out: &mut String, lang: Lang, base: &str, title: &str, refresh: bool) -> fmt::Result {
    write!(
        out,
        "<!doctype html>\n<html lang=\"{l}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"referrer\" content=\"same-origin\">\n<title>{title}</title>\n\
         <link rel=\"stylesheet\" href=\"{base}/room.css\">\n\
         <script src=\"{base}/room.js\" defer></script>\n",
        l = lang.code(),
        title = html_escape(title),
        base = html_escape(base),
    )?;
    if refresh {
        // Without JavaScript, a page with nothing to type in looks again now and then.
        out.push_str("<noscript><meta http-equiv=\"refresh\" content=\"20\"></noscript>\n");
    }
    out.push_str("</head>\n");
    Ok(())
}

fn body_open(out: &mut String, lang: Lang, base: &str, page: &str, now_ms: u64) -> fmt::Result {
    writeln!(
        out,
        "<body data-page=\"{page}\" data-base=\"{base}\" data-now=\"{now_ms}\" \
         data-left=\"{left}\" data-up=\"{up}\" data-failed=\"{failed}\" data-stale=\"{stale}\" \
         data-dots-left=\"{dots_left}\">\n<a class=\"skip\" href=\"#main\">{skip}</a>",
        base = html_escape(base),
        left = html_escape(t(lang, "room.left")),
        up = html_escape(t(lang, "room.time_up")),
        failed = html_escape(t(lang, "room.err.failed")),
        stale = html_escape(t(lang, "room.err.token")),
        dots_left = html_escape(t(lang, "room.dots_left")),
        skip = html_escape(t(lang, "report.skip")),
    )
}

/// A table's container: it scrolls sideways on its own, named and reachable from the keyboard,
/// so a wide table never widens the page (reflow at 320 px).
fn scroll_open(lang: Lang) -> String {
    format!(
        "<div class=\"table-scroll\" role=\"group\" tabindex=\"0\" aria-label=\"{}\">\n",
        html_escape(t(lang, "report.table"))
    )
}

fn state_name(now: &RoomNow) -> &'static str {
    match now {
        RoomNow::Waiting => "waiting",
        RoomNow::Open(_) => "open",
        RoomNow::Closed(_) => "closed",
    }
}

fn question_of(now: &RoomNow) -> Option<&RoomQuestion> {
    match now {
        RoomNow::Waiting => None,
        RoomNow::Open(q) | RoomNow::Closed(q) => Some(q),
    }
}

fn write_participant(out: &mut String, p: &Page) -> fmt::Result {
    let lang = p.lang;
    let q = question_of(p.now);
    let title = q.map_or_else(
        || t(lang, "room.waiting_title").to_owned(),
        |q| q.step_title.get(lang).to_owned(),
    );
    head(
        out,
        lang,
        p.base,
        &title,
        !matches!(p.now, RoomNow::Open(_)),
    )?;
    body_open(out, lang, p.base, "room", p.now_ms)?;
    writeln!(
        out,
        "<main id=\"main\" data-key=\"{key}\" data-state=\"{state}\">",
        key = html_escape(q.map_or("", |q| q.key.as_str())),
        state = state_name(p.now),
    )?;
    match p.now {
        RoomNow::Waiting => waiting(out, lang)?,
        RoomNow::Open(q) => {
            question_head(out, lang, q, p.now_ms)?;
            open_question(out, p, q)?;
            out.push_str("</section>\n");
        }
        RoomNow::Closed(q) => {
            question_head(out, lang, q, p.now_ms)?;
            closed_question(out, p, q)?;
            out.push_str("</section>\n");
        }
    }
    name_form(out, p)?;
    out.push_str("</main>\n");
    status(out, p.notice)?;
    write!(
        out,
        "<footer><p>{}</p></footer>\n</body>\n</html>\n",
        html_escape(&tf(lang, "room.stored", &[("file", &p.stored_where)]))
    )
}

fn waiting(out: &mut String, lang: Lang) -> fmt::Result {
    write!(
        out,
        "<h1>{}</h1>\n<p>{}</p>\n<noscript><p>{}</p></noscript>\n",
        html_escape(t(lang, "room.waiting_title")),
        html_escape(t(lang, "room.waiting_body")),
        html_escape(t(lang, "room.waiting_noscript")),
    )
}

/// Step line, heading, countdown, and the opening of the question's section (with its prompt
/// and help); the caller closes the section.
fn question_head(out: &mut String, lang: Lang, q: &RoomQuestion, now_ms: u64) -> fmt::Result {
    let step = tf(
        lang,
        "room.step",
        &[("n", &q.step_number), ("total", &q.steps_total)],
    );
    write!(
        out,
        "<p class=\"step\">{method} · {step}</p>\n<h1>{title}</h1>\n",
        method = html_escape(q.method_title.get(lang)),
        step = html_escape(&step),
        title = html_escape(q.step_title.get(lang)),
    )?;
    countdown(out, lang, q.ends_ms, now_ms)?;
    write!(
        out,
        "<section class=\"question\" aria-labelledby=\"prompt\">\n<h2 id=\"prompt\">{}</h2>\n",
        html_escape(q.prompt.get(lang))
    )?;
    if let Some(help) = &q.help {
        writeln!(out, "<p class=\"help\">{}</p>", html_escape(help.get(lang)))?;
    }
    Ok(())
}

fn countdown(out: &mut String, lang: Lang, ends_ms: Option<u64>, now_ms: u64) -> fmt::Result {
    let (ends, text) = match ends_ms {
        None => (String::new(), String::new()),
        Some(ends) if ends <= now_ms => (ends.to_string(), t(lang, "room.time_up").to_owned()),
        Some(ends) => {
            let minutes = (ends - now_ms).div_ceil(60_000);
            (
                ends.to_string(),
                tf(lang, "room.about_left", &[("n", &minutes)]),
            )
        }
    };
    writeln!(
        out,
        "<p id=\"countdown\" class=\"countdown\" role=\"timer\" data-ends=\"{ends}\"{hidden}>{text}</p>",
        hidden = if ends.is_empty() { " hidden" } else { "" },
        text = html_escape(&text),
    )
}

fn status(out: &mut String, notice: Option<&Notice>) -> fmt::Result {
    let (class, text) = match notice {
        Some(n) if n.ok => (" ok", html_escape(&n.text)),
        Some(n) => (" err", html_escape(&n.text)),
        None => ("", String::new()),
    };
    writeln!(
        out,
        "<div id=\"status\" class=\"status{class}\" role=\"status\" aria-live=\"polite\">{text}</div>"
    )
}

/// The hidden fields every question form carries: the page's token and the question it is for.
fn hidden(out: &mut String, p: &Page, q: &RoomQuestion) -> fmt::Result {
    writeln!(
        out,
        "<input type=\"hidden\" name=\"token\" value=\"{}\">\
         <input type=\"hidden\" name=\"key\" value=\"{}\">",
        html_escape(p.token),
        html_escape(&q.key)
    )
}

fn own_entries<'q>(q: &'q RoomQuestion, device: &str) -> Vec<&'q RoomEntry> {
    q.entries
        .iter()
        .filter(|e| e.device == device && !e.withdrawn)
        .collect()
}

fn open_question(out: &mut String, p: &Page, q: &RoomQuestion) -> fmt::Result {
    let lang = p.lang;
    match &q.kind {
        RoomKind::List { max_chars } => list_forms(out, p, q, (*max_chars).min(MAX_ENTRY_CHARS)),
        kind => {
            writeln!(
                out,
                "<form method=\"post\" action=\"{}/ballot\" class=\"ballot\">",
                html_escape(p.base)
            )?;
            hidden(out, p, q)?;
            let ballot = q.ballots.get(p.device).map(|b| &b.value);
            let draft = match p.draft {
                Some(Draft::Ballot(fields)) => Some(fields.as_slice()),
                _ => None,
            };
            let send = match kind {
                RoomKind::Vote { items, dots } => {
                    vote_fields(out, lang, items, *dots, ballot, draft)?;
                    "room.send_dots"
                }
                RoomKind::Score { items, criteria } => {
                    for (i, item) in items.iter().enumerate() {
                        write!(out, "<fieldset>\n<legend>{}</legend>\n", html_escape(item))?;
                        for (c, crit) in criteria.iter().enumerate() {
                            let name = format!("s{i}_{c}");
                            let current = draft_value(draft, &name).or_else(|| {
                                score_of(ballot, item, &crit.id).map(|n| n.to_string())
                            });
                            let label =
                                format!("{} ({}–{})", crit.label.get(lang), crit.min, crit.max);
                            number_choice(
                                out,
                                &name,
                                &label,
                                crit.min,
                                crit.max,
                                current.as_deref(),
                                Some(t(lang, "room.not_scored")),
                            )?;
                        }
                        out.push_str("</fieldset>\n");
                    }
                    "room.send_scores"
                }
                RoomKind::Rank { items } => {
                    let order = ranking_of(ballot);
                    write!(
                        out,
                        "<fieldset>\n<legend>{}</legend>\n",
                        html_escape(t(lang, "room.rank_legend"))
                    )?;
                    let n = items.len() as i64;
                    for (i, item) in items.iter().enumerate() {
                        let name = format!("p{i}");
                        let current = draft_value(draft, &name).unwrap_or_else(|| {
                            order
                                .iter()
                                .position(|o| o == item)
                                .map_or(i + 1, |k| k + 1)
                                .to_string()
                        });
                        number_choice(out, &name, item, 1, n, Some(&current), None)?;
                    }
                    out.push_str("</fieldset>\n");
                    "room.send_ranking"
                }
                RoomKind::Select { choices } | RoomKind::Multiselect { choices, .. } => {
                    let multi = matches!(kind, RoomKind::Multiselect { .. });
                    let legend = match kind {
                        RoomKind::Multiselect { min, max, .. } => choose_legend(lang, *min, *max),
                        _ => t(lang, "room.choose_one").to_owned(),
                    };
                    write!(
                        out,
                        "<fieldset>\n<legend>{}</legend>\n",
                        html_escape(&legend)
                    )?;
                    let chosen: Vec<String> = match draft {
                        Some(fields) => fields
                            .iter()
                            .filter(|(k, _)| k == "choice")
                            .map(|(_, v)| v.clone())
                            .collect(),
                        None => choices_of(ballot),
                    };
                    for (j, choice) in choices.iter().enumerate() {
                        writeln!(
                            out,
                            "<div class=\"choice\"><input type=\"{ty}\" id=\"c{j}\" name=\"choice\" \
                             value=\"{value}\"{checked}{required}><label for=\"c{j}\">{label}</label></div>",
                            ty = if multi { "checkbox" } else { "radio" },
                            value = html_escape(&choice.value),
                            checked = if chosen.contains(&choice.value) {
                                " checked"
                            } else {
                                ""
                            },
                            required = if multi { "" } else { " required" },
                            label = html_escape(choice.label.get(lang)),
                        )?;
                    }
                    out.push_str("</fieldset>\n");
                    "room.send"
                }
                RoomKind::Text { max_chars } => {
                    let current = draft_value(draft, "text").or_else(|| match ballot {
                        Some(Value::String(s)) => Some(s.clone()),
                        _ => None,
                    });
                    write!(
                        out,
                        "<label for=\"answer\">{label}</label>\n\
                         <textarea id=\"answer\" name=\"text\" rows=\"3\" maxlength=\"{max}\" required>{text}</textarea>\n",
                        label = html_escape(t(lang, "room.answer_label")),
                        max = (*max_chars).min(MAX_ENTRY_CHARS),
                        text = html_escape(current.as_deref().unwrap_or_default()),
                    )?;
                    "room.send"
                }
                RoomKind::List { .. } => "room.send",
            };
            if ballot.is_some() {
                writeln!(
                    out,
                    "<p class=\"hint\">{}</p>",
                    html_escape(t(lang, "room.answered"))
                )?;
            }
            write!(
                out,
                "<button type=\"submit\">{}</button>\n</form>\n",
                html_escape(t(lang, send))
            )
        }
    }
}

fn list_forms(out: &mut String, p: &Page, q: &RoomQuestion, max: usize) -> fmt::Result {
    let lang = p.lang;
    let base = html_escape(p.base);
    let draft_add = match p.draft {
        Some(Draft::Add(text)) => text.as_str(),
        _ => "",
    };
    writeln!(
        out,
        "<form method=\"post\" action=\"{base}/add\" class=\"add\">"
    )?;
    hidden(out, p, q)?;
    write!(
        out,
        "<label for=\"add-text\">{label}</label>\n\
         <textarea id=\"add-text\" name=\"text\" rows=\"3\" maxlength=\"{max}\" required>{text}</textarea>\n\
         <button type=\"submit\">{add}</button>\n</form>\n",
        label = html_escape(t(lang, "room.add_label")),
        text = html_escape(draft_add),
        add = html_escape(t(lang, "room.add")),
    )?;
    let mine = own_entries(q, p.device);
    writeln!(
        out,
        "<h3 id=\"mine\">{}</h3>",
        html_escape(&tf(lang, "room.yours", &[("n", &mine.len())]))
    )?;
    if mine.is_empty() {
        return writeln!(
            out,
            "<p class=\"hint\">{}</p>",
            html_escape(t(lang, "room.none_yet"))
        );
    }
    out.push_str("<ol class=\"mine\" aria-labelledby=\"mine\">\n");
    for (k, entry) in mine.iter().enumerate() {
        let k = k + 1;
        out.push_str("<li>\n");
        if !entry.visible() {
            set_aside(out, lang, entry)?;
            out.push_str("</li>\n");
            continue;
        }
        let text = match p.draft {
            Some(Draft::Edit { id, text }) if *id == entry.id => text.as_str(),
            _ => entry.text.as_str(),
        };
        writeln!(
            out,
            "<form method=\"post\" action=\"{base}/edit\" class=\"edit\">"
        )?;
        hidden(out, p, q)?;
        write!(
            out,
            "<input type=\"hidden\" name=\"id\" value=\"{id}\">\n\
             <label for=\"e{id}\">{label}</label>\n\
             <textarea id=\"e{id}\" name=\"text\" rows=\"2\" maxlength=\"{max}\" required>{text}</textarea>\n\
             <button type=\"submit\">{save}</button>\n</form>\n\
             <form method=\"post\" action=\"{base}/withdraw\" class=\"withdraw\">\n",
            id = entry.id,
            label = html_escape(&tf(lang, "room.entry_n", &[("n", &k)])),
            text = html_escape(text),
            save = html_escape(&tf(lang, "room.save_n", &[("n", &k)])),
        )?;
        hidden(out, p, q)?;
        write!(
            out,
            "<input type=\"hidden\" name=\"id\" value=\"{id}\">\n\
             <button type=\"submit\" class=\"secondary\">{withdraw}</button>\n</form>\n</li>\n",
            id = entry.id,
            withdraw = html_escape(&tf(lang, "room.withdraw_n", &[("n", &k)])),
        )?;
    }
    out.push_str("</ol>\n");
    Ok(())
}

fn set_aside(out: &mut String, lang: Lang, entry: &RoomEntry) -> fmt::Result {
    writeln!(
        out,
        "<p>{} <em>({})</em></p>",
        html_escape(&entry.text),
        html_escape(t(lang, "room.set_aside"))
    )
}

fn closed_question(out: &mut String, p: &Page, q: &RoomQuestion) -> fmt::Result {
    let lang = p.lang;
    writeln!(
        out,
        "<p class=\"closed\"><strong>{}</strong></p>",
        html_escape(t(lang, "room.closed"))
    )?;
    if let RoomKind::List { .. } = q.kind {
        let mine = own_entries(q, p.device);
        if !mine.is_empty() {
            write!(
                out,
                "<h3 id=\"mine\">{}</h3>\n<ol class=\"mine\" aria-labelledby=\"mine\">\n",
                html_escape(&tf(lang, "room.yours", &[("n", &mine.len())]))
            )?;
            for entry in mine {
                if entry.visible() {
                    writeln!(out, "<li>{}</li>", html_escape(&entry.text))?;
                } else {
                    out.push_str("<li>");
                    set_aside(out, lang, entry)?;
                    out.push_str("</li>\n");
                }
            }
            out.push_str("</ol>\n");
        }
    } else if q.ballots.contains_key(p.device) {
        writeln!(out, "<p>{}</p>", html_escape(t(lang, "room.recorded")))?;
    }
    Ok(())
}

fn name_form(out: &mut String, p: &Page) -> fmt::Result {
    let lang = p.lang;
    let name = match p.draft {
        Some(Draft::Name(n)) => Some(n.as_str()),
        _ => p.name,
    };
    write!(
        out,
        "<section class=\"you\" aria-labelledby=\"you\">\n<h2 id=\"you\">{heading}</h2>\n\
         <form method=\"post\" action=\"{base}/name\" class=\"name\">\n\
         <input type=\"hidden\" name=\"token\" value=\"{token}\">\n\
         <label for=\"name\">{label}</label>\n\
         <input type=\"text\" id=\"name\" name=\"name\" maxlength=\"{max}\" autocomplete=\"nickname\" \
         value=\"{name}\" aria-describedby=\"name-help\" data-keep>\n\
         <p id=\"name-help\" class=\"hint\">{help}</p>\n\
         <button type=\"submit\" class=\"secondary\">{save}</button>\n</form>\n</section>\n",
        heading = html_escape(t(lang, "room.you")),
        base = html_escape(p.base),
        token = html_escape(p.token),
        label = html_escape(t(lang, "room.name_label")),
        max = MAX_NAME_CHARS,
        name = html_escape(name.unwrap_or_default()),
        help = html_escape(t(lang, "room.name_help")),
        save = html_escape(t(lang, "room.save_name")),
    )
}

fn vote_fields(
    out: &mut String,
    lang: Lang,
    items: &[String],
    dots: u32,
    ballot: Option<&Value>,
    draft: Option<&[(String, String)]>,
) -> fmt::Result {
    write!(
        out,
        "<fieldset>\n<legend>{}</legend>\n",
        html_escape(&tf(lang, "room.dots_legend", &[("n", &dots)]))
    )?;
    let mut used: u64 = 0;
    for (i, item) in items.iter().enumerate() {
        let name = format!("d{i}");
        let current = draft_value(draft, &name)
            .or_else(|| dots_of(ballot, item).map(|n| n.to_string()))
            .unwrap_or_else(|| "0".into());
        used += current.parse::<u64>().unwrap_or(0);
        writeln!(
            out,
            "<div class=\"row\"><label for=\"{name}\">{label}</label>\
             <input type=\"number\" id=\"{name}\" name=\"{name}\" min=\"0\" max=\"{dots}\" step=\"1\" \
             inputmode=\"numeric\" value=\"{value}\" data-dot></div>",
            label = html_escape(item),
            value = html_escape(&current),
        )?;
    }
    out.push_str("</fieldset>\n");
    let left = u64::from(dots).saturating_sub(used);
    writeln!(
        out,
        "<p id=\"dots-left\" class=\"hint\" data-dots=\"{dots}\" aria-live=\"polite\">{}</p>",
        html_escape(&tf(lang, "room.dots_left", &[("n", &left)]))
    )
}

/// A labelled choice of a whole number from `min` to `max`: a menu when the range is short
/// (easy to tap), a number field otherwise.
fn number_choice(
    out: &mut String,
    name: &str,
    label: &str,
    min: i64,
    max: i64,
    current: Option<&str>,
    empty: Option<&str>,
) -> fmt::Result {
    write!(
        out,
        "<div class=\"row\"><label for=\"{name}\">{label}</label>",
        label = html_escape(label)
    )?;
    if max - min <= 20 {
        write!(out, "<select id=\"{name}\" name=\"{name}\">")?;
        if let Some(empty) = empty {
            write!(
                out,
                "<option value=\"\"{}>{}</option>",
                if current.is_none_or(str::is_empty) {
                    " selected"
                } else {
                    ""
                },
                html_escape(empty)
            )?;
        }
        for n in min..=max {
            let value = n.to_string();
            write!(
                out,
                "<option value=\"{value}\"{}>{value}</option>",
                if current == Some(value.as_str()) {
                    " selected"
                } else {
                    ""
                }
            )?;
        }
        out.push_str("</select></div>\n");
        Ok(())
    } else {
        writeln!(
            out,
            "<input type=\"number\" id=\"{name}\" name=\"{name}\" min=\"{min}\" max=\"{max}\" \
             step=\"1\" inputmode=\"numeric\" value=\"{}\"></div>",
            html_escape(current.unwrap_or_default())
        )
    }
}

pub(crate) fn choose_legend(lang: Lang, min: Option<usize>, max: Option<usize>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => tf(lang, "room.choose_between", &[("min", &min), ("max", &max)]),
        (Some(min), None) => tf(lang, "room.choose_at_least", &[("min", &min)]),
        (None, Some(max)) => tf(lang, "room.choose_at_most", &[("max", &max)]),
        (None, None) => t(lang, "room.choose_any").to_owned(),
    }
}

fn draft_value(draft: Option<&[(String, String)]>, name: &str) -> Option<String> {
    draft?
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

fn mapping_get<'v>(value: Option<&'v Value>, key: &str) -> Option<&'v Value> {
    match value? {
        Value::Mapping(m) => m.get(Value::String(key.to_owned())),
        _ => None,
    }
}

fn dots_of(ballot: Option<&Value>, item: &str) -> Option<u64> {
    mapping_get(ballot, item)?.as_u64()
}

fn score_of(ballot: Option<&Value>, item: &str, criterion: &str) -> Option<i64> {
    mapping_get(mapping_get(ballot, item), criterion)?.as_i64()
}

fn ranking_of(ballot: Option<&Value>) -> Vec<String> {
    match ballot {
        Some(Value::Sequence(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

fn choices_of(ballot: Option<&Value>) -> Vec<String> {
    match ballot {
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Sequence(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

fn write_results(
    out: &mut String,
    lang: Lang,
    base: &str,
    published: &Published,
    now_ms: u64,
) -> fmt::Result {
    let q = question_of(&published.now);
    let title = format!(
        "{} · {}",
        t(lang, "room.results"),
        q.map_or_else(|| t(lang, "room.waiting_title"), |q| q.step_title.get(lang))
    );
    head(out, lang, base, &title, false)?;
    body_open(out, lang, base, "results", now_ms)?;
    writeln!(
        out,
        "<main id=\"main\" class=\"results\" data-key=\"{key}\" data-state=\"{state}\" data-v=\"{v}\">",
        key = html_escape(q.map_or("", |q| q.key.as_str())),
        state = state_name(&published.now),
        v = published.version,
    )?;
    match q {
        None => waiting(out, lang)?,
        Some(q) => {
            question_head(out, lang, q, now_ms)?;
            if published.now.is_closed() {
                writeln!(
                    out,
                    "<p class=\"closed\"><strong>{}</strong></p>",
                    html_escape(t(lang, "room.closed"))
                )?;
            }
            if published.results {
                tally(out, lang, q)?;
            } else {
                writeln!(
                    out,
                    "<p class=\"hint\">{}</p>",
                    html_escape(t(lang, "room.results_hidden"))
                )?;
            }
            out.push_str("</section>\n");
        }
    }
    out.push_str("</main>\n</body>\n</html>\n");
    Ok(())
}

/// The tally as the projector shows it.
fn tally(out: &mut String, lang: Lang, q: &RoomQuestion) -> fmt::Result {
    let tally = &q.tally;
    writeln!(
        out,
        "<h2 class=\"results-title\">{}</h2>",
        html_escape(t(lang, "room.results"))
    )?;
    match &q.kind {
        RoomKind::List { .. } => {
            if tally.entries.is_empty() {
                nothing_yet(out, lang)?;
            } else {
                out.push_str("<ol class=\"entries\">\n");
                for (_, text, name) in &tally.entries {
                    write!(out, "<li>{}", html_escape(text))?;
                    if let Some(name) = name {
                        write!(out, " <span class=\"by\">— {}</span>", html_escape(name))?;
                    }
                    out.push_str("</li>\n");
                }
                out.push_str("</ol>\n");
            }
        }
        RoomKind::Vote { items, .. } => {
            let labels: Vec<&str> = items.iter().map(String::as_str).collect();
            bars(out, lang, &labels, &tally.counts, "room.col_dots")?;
        }
        RoomKind::Select { choices } | RoomKind::Multiselect { choices, .. } => {
            let labels: Vec<&str> = choices.iter().map(|c| c.label.get(lang)).collect();
            bars(out, lang, &labels, &tally.counts, "room.col_devices")?;
        }
        RoomKind::Score { items, criteria } => {
            write!(
                out,
                "{scroll}<table class=\"matrix\">\n<thead><tr><th scope=\"col\">{}</th>",
                html_escape(t(lang, "room.col_item")),
                scroll = scroll_open(lang),
            )?;
            for crit in criteria {
                write!(
                    out,
                    "<th scope=\"col\">{} ({}–{})</th>",
                    html_escape(crit.label.get(lang)),
                    crit.min,
                    crit.max
                )?;
            }
            out.push_str("</tr></thead>\n<tbody>\n");
            for (i, item) in items.iter().enumerate() {
                write!(out, "<tr><th scope=\"row\">{}</th>", html_escape(item))?;
                for c in 0..criteria.len() {
                    let mean = tally
                        .means
                        .get(i)
                        .and_then(|row| row.get(c))
                        .copied()
                        .flatten();
                    match mean {
                        Some(m) => write!(out, "<td>{}</td>", format_number(m, 1, lang.code()))?,
                        None => out.push_str("<td>—</td>"),
                    }
                }
                out.push_str("</tr>\n");
            }
            out.push_str("</tbody>\n</table>\n</div>\n");
        }
        RoomKind::Rank { .. } => {
            if tally.order.is_empty() {
                nothing_yet(out, lang)?;
            } else {
                out.push_str("<ol class=\"rank\">\n");
                for (item, points) in &tally.order {
                    writeln!(
                        out,
                        "<li>{} <span class=\"by\">({})</span></li>",
                        html_escape(item),
                        html_escape(&tn(lang, "room.points", *points as usize))
                    )?;
                }
                out.push_str("</ol>\n");
            }
        }
        RoomKind::Text { .. } => {
            if tally.texts.is_empty() {
                nothing_yet(out, lang)?;
            } else {
                write!(
                    out,
                    "{scroll}<table class=\"texts\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
                    html_escape(t(lang, "room.col_answer")),
                    html_escape(t(lang, "room.col_devices")),
                    scroll = scroll_open(lang),
                )?;
                for (text, n) in &tally.texts {
                    writeln!(
                        out,
                        "<tr><td>{}</td><td class=\"n\">{n}</td></tr>",
                        html_escape(text)
                    )?;
                }
                out.push_str("</tbody>\n</table>\n</div>\n");
            }
        }
    }
    writeln!(
        out,
        "<p class=\"hint\">{}</p>",
        html_escape(&tn(lang, "room.devices", tally.devices))
    )
}

fn nothing_yet(out: &mut String, lang: Lang) -> fmt::Result {
    writeln!(
        out,
        "<p class=\"hint\">{}</p>",
        html_escape(t(lang, "room.nothing_yet"))
    )
}

/// Counts as a table with a bar each (the bar is drawing only; the number is the text).
fn bars(
    out: &mut String,
    lang: Lang,
    labels: &[&str],
    counts: &[u64],
    count_header: &'static str,
) -> fmt::Result {
    let top = counts.iter().copied().max().unwrap_or(0).max(1);
    write!(
        out,
        "{scroll}<table class=\"bars\">\n<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>\n<tbody>\n",
        html_escape(t(lang, "room.col_item")),
        html_escape(t(lang, count_header)),
        scroll = scroll_open(lang),
    )?;
    for (i, label) in labels.iter().enumerate() {
        let n = counts.get(i).copied().unwrap_or(0);
        let width = n * 100 / top;
        writeln!(
            out,
            "<tr><th scope=\"row\">{label}</th><td><span class=\"n\">{n}</span>\
             <svg class=\"bar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\" \
             focusable=\"false\"><rect width=\"{width}\" height=\"10\"></rect></svg></td></tr>",
            label = html_escape(label),
        )?;
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Arc;

    use super::*;
    use crate::engine::room::{Ballot, RoomChoice, RoomCriterion, Tally};
    use crate::method::Text;
    use crate::room::tests::question;

    const NASTY: &str = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>\u{1b}[31m'&";

    #[test]
    fn escaping_leaves_no_markup_and_no_controls() {
        let out = html_escape(NASTY);
        assert!(!out.contains('<') && !out.contains('>') && !out.contains('"'));
        assert!(!out.contains('\''));
        assert!(!out.contains('\u{1b}'));
        assert!(out.contains("&lt;script&gt;"));
        assert!(out.contains("\u{FFFD}[31m"));
    }

    #[test]
    fn the_browser_language_wins_when_it_is_english_or_portuguese() {
        assert_eq!(choose_lang(None, Lang::Pt), Lang::Pt);
        assert_eq!(
            choose_lang(Some("pt-PT,pt;q=0.9,en;q=0.8"), Lang::En),
            Lang::Pt
        );
        assert_eq!(choose_lang(Some("en-GB,en;q=0.9"), Lang::Pt), Lang::En);
        assert_eq!(choose_lang(Some("fr-FR,fr;q=0.9"), Lang::Pt), Lang::Pt);
        assert_eq!(
            choose_lang(Some("fr, pt;q=0.5, en;q=0.7"), Lang::Pt),
            Lang::En
        );
        assert_eq!(choose_lang(Some("pt-BR;q=0, en;q=0"), Lang::Pt), Lang::Pt);
        assert_eq!(choose_lang(Some("*"), Lang::En), Lang::En);
        assert_eq!(choose_lang(Some("pt;q=bogus,en"), Lang::Pt), Lang::En);
    }

    fn nasty_text() -> Text {
        Text::plain(NASTY)
    }

    /// A question whose every text is hostile.
    fn hostile(kind: RoomKind) -> RoomQuestion {
        let mut q = question(kind);
        q.key = NASTY.into();
        q.method_title = nasty_text();
        q.step_title = nasty_text();
        q.prompt = Text::plain(format!("Prompt {NASTY}"));
        q.help = Some(nasty_text());
        q.ends_ms = Some(1_000_000);
        for e in &mut q.entries {
            e.text = format!("{} {NASTY}", e.text);
            e.name = Some(NASTY.into());
        }
        q.tally = Tally {
            devices: 2,
            entries: vec![(1, NASTY.into(), Some(NASTY.into()))],
            counts: vec![3, 1, 0],
            means: vec![vec![Some(2.5), None]; 3],
            order: vec![(NASTY.into(), 4)],
            texts: vec![(NASTY.into(), 2)],
        };
        q
    }

    fn kinds() -> Vec<RoomKind> {
        let items: Vec<String> = vec![NASTY.into(), "b".into(), "c".into()];
        let choices: Vec<RoomChoice> = crate::room::tests::choices()
            .into_iter()
            .map(|mut c| {
                c.label = Text::plain(format!("{} {NASTY}", c.value));
                c
            })
            .collect();
        let criteria: Vec<RoomCriterion> = crate::room::tests::criteria()
            .into_iter()
            .map(|mut c| {
                c.label = nasty_text();
                c
            })
            .collect();
        vec![
            RoomKind::List { max_chars: 500 },
            RoomKind::Vote {
                items: items.clone(),
                dots: 5,
            },
            RoomKind::Score {
                items: items.clone(),
                criteria,
            },
            RoomKind::Rank { items },
            RoomKind::Select {
                choices: choices.clone(),
            },
            RoomKind::Multiselect {
                choices,
                min: Some(1),
                max: None,
            },
            RoomKind::Text { max_chars: 200 },
        ]
    }

    fn page_for(now: &RoomNow, device: &str) -> String {
        participant(&Page {
            lang: Lang::En,
            base: "/r/ABCD",
            now,
            device,
            name: Some(NASTY),
            token: "tok",
            stored_where: NASTY,
            now_ms: 400_000,
            notice: Some(&Notice {
                ok: false,
                text: NASTY.into(),
            }),
            draft: None,
        })
    }

    /// No markup or control character from the hostile texts got through, and labkit's own
    /// script tag is the only one.
    fn assert_inert(html: &str) {
        assert_eq!(html.matches("<script").count(), 1, "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("onerror=alert(1)>"), "{html}");
        assert!(!html.contains('\u{1b}'), "{html}");
        assert!(!html.contains("\"><img"), "{html}");
    }

    /// The `id` of every visible form control.
    fn control_ids(html: &str) -> Vec<String> {
        let mut ids = Vec::new();
        for tag in ["<input ", "<textarea ", "<select "] {
            for (at, _) in html.match_indices(tag) {
                let rest = &html[at..];
                let end = rest.find('>').unwrap();
                let element = &rest[..end];
                if element.contains("type=\"hidden\"") {
                    continue;
                }
                let id = element
                    .split("id=\"")
                    .nth(1)
                    .unwrap()
                    .split('"')
                    .next()
                    .unwrap();
                ids.push(id.to_owned());
            }
        }
        ids
    }

    #[test]
    fn every_kind_renders_escaped_and_labelled() {
        for kind in kinds() {
            let now = RoomNow::Open(Arc::new(hostile(kind.clone())));
            let html = page_for(&now, "mine");
            assert_inert(&html);
            assert!(html.contains("Prompt &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img"));
            assert!(html.contains("<html lang=\"en\">"));
            assert!(html.contains("role=\"status\" aria-live=\"polite\""));
            assert!(html.contains("<h1>"));
            let ids = control_ids(&html);
            assert!(ids.len() >= 2, "{kind:?}: {ids:?}");
            for id in ids {
                assert!(
                    html.contains(&format!("<label for=\"{id}\">")),
                    "{kind:?}: no label for {id}"
                );
            }
            let closed = RoomNow::Closed(Arc::new(hostile(kind)));
            let html = page_for(&closed, "mine");
            assert_inert(&html);
            assert!(html.contains("This question is closed."));
            assert!(!html.contains("action=\"/r/ABCD/add\""));
            assert!(!html.contains("action=\"/r/ABCD/ballot\""));
        }
    }

    #[test]
    fn a_device_sees_only_its_own_entries_and_no_names() {
        let now = RoomNow::Open(Arc::new(question(RoomKind::List { max_chars: 500 })));
        let html = page_for(&now, "mine");
        assert!(html.contains("my entry"));
        assert!(!html.contains("their entry"));
        assert!(!html.contains("Zé"));
        assert!(html.contains("action=\"/r/ABCD/edit\""));
        assert!(html.contains("action=\"/r/ABCD/withdraw\""));
        assert!(html.contains("name=\"id\" value=\"1\""));
        assert!(!html.contains("name=\"id\" value=\"2\""));
        let stranger = page_for(&now, "nobody");
        assert!(!stranger.contains("my entry") && !stranger.contains("their entry"));
        assert!(stranger.contains("You have not added anything yet."));
    }

    #[test]
    fn an_earlier_ballot_fills_the_form() {
        let mut q = question(RoomKind::Vote {
            items: vec!["a".into(), "b".into()],
            dots: 5,
        });
        q.ballots = BTreeMap::from([(
            "mine".to_owned(),
            Ballot {
                name: None,
                value: serde_yaml::from_str("{b: 3}").unwrap(),
            },
        )]);
        let now = RoomNow::Open(Arc::new(q));
        let html = page_for(&now, "mine");
        assert!(html.contains(
            "name=\"d1\" min=\"0\" max=\"5\" step=\"1\" inputmode=\"numeric\" value=\"3\""
        ));
        assert!(html.contains(
            "name=\"d0\" min=\"0\" max=\"5\" step=\"1\" inputmode=\"numeric\" value=\"0\""
        ));
        assert!(html.contains("Dots left: 2"));
        assert!(html.contains("Your answer is in."));
        // Another device starts from nothing.
        let other = page_for(&now, "theirs");
        assert!(other.contains("Dots left: 5"));

        let mut q = question(RoomKind::Rank {
            items: vec!["a".into(), "b".into()],
        });
        q.ballots = BTreeMap::from([(
            "mine".to_owned(),
            Ballot {
                name: None,
                value: serde_yaml::from_str("[b, a]").unwrap(),
            },
        )]);
        let html = page_for(&RoomNow::Open(Arc::new(q)), "mine");
        assert!(html.contains("<select id=\"p0\" name=\"p0\"><option value=\"1\">1</option><option value=\"2\" selected>"));
    }

    #[test]
    fn a_refused_post_keeps_what_was_typed() {
        let now = RoomNow::Open(Arc::new(question(RoomKind::List { max_chars: 500 })));
        let draft = Draft::Add("half <b>typed</b>".into());
        let html = participant(&Page {
            lang: Lang::Pt,
            base: "/r/ABCD",
            now: &now,
            device: "mine",
            name: None,
            token: "tok",
            stored_where: "sessao.yaml",
            now_ms: 0,
            notice: None,
            draft: Some(&draft),
        });
        assert!(html.contains(">half &lt;b&gt;typed&lt;/b&gt;</textarea>"));
        assert!(html.contains("<html lang=\"pt\">"));
        assert!(html.contains("sessao.yaml"));
        assert!(html.contains("Acrescentar"));
    }

    #[test]
    fn waiting_says_so_and_counts_down_nothing() {
        let html = page_for(&RoomNow::Waiting, "mine");
        assert!(html.contains("Waiting for the next question"));
        assert!(html.contains("data-state=\"waiting\""));
        assert!(html.contains("<noscript><meta http-equiv=\"refresh\""));
        assert!(!html.contains("id=\"countdown\""));
        // The name form is there even between questions.
        assert!(html.contains("action=\"/r/ABCD/name\""));
    }

    #[test]
    fn the_countdown_starts_from_the_servers_clock() {
        let mut q = question(RoomKind::Text { max_chars: 10 });
        q.ends_ms = Some(10 * 60_000);
        let now = RoomNow::Open(Arc::new(q));
        let html = participant(&Page {
            lang: Lang::En,
            base: "/r/A",
            now: &now,
            device: "d",
            name: None,
            token: "t",
            stored_where: "s",
            now_ms: 60_000 + 1,
            notice: None,
            draft: None,
        });
        assert!(
            html.contains("data-ends=\"600000\">About 9 min left</p>"),
            "{html}"
        );
    }

    #[test]
    fn results_show_only_when_turned_on() {
        for kind in kinds() {
            let q = Arc::new(hostile(kind.clone()));
            let hidden = Published {
                now: RoomNow::Open(Arc::clone(&q)),
                results: false,
                version: 7,
            };
            let html = results(Lang::En, "/r/A", &hidden, 0);
            assert_inert(&html);
            assert!(html.contains("The results appear here when the facilitator shows them."));
            assert!(!html.contains("<table") && !html.contains("<ol"));
            assert!(html.contains("data-v=\"7\""));
            let shown = Published {
                now: RoomNow::Closed(q),
                results: true,
                version: 8,
            };
            let html = results(Lang::En, "/r/A", &shown, 0);
            assert_inert(&html);
            assert!(html.contains("2 devices took part"), "{kind:?}");
            match kind {
                RoomKind::List { .. } => {
                    assert!(html.contains("<span class=\"by\">— &lt;script&gt;"))
                }
                RoomKind::Vote { .. } | RoomKind::Select { .. } | RoomKind::Multiselect { .. } => {
                    assert!(html.contains("<span class=\"n\">3</span>"));
                    assert!(html.contains("<rect width=\"100\""));
                    assert!(html.contains("<rect width=\"33\""));
                }
                RoomKind::Score { .. } => assert!(html.contains("<td>2.5</td><td>—</td>")),
                RoomKind::Rank { .. } => assert!(html.contains("(4 points)")),
                RoomKind::Text { .. } => assert!(html.contains("<td class=\"n\">2</td>")),
            }
        }
    }

    #[test]
    fn the_landing_page_only_sends_the_browser_on() {
        let html = landing(Lang::En, "/r/ABCD");
        assert!(html.contains("url=/r/ABCD"));
        assert!(html.contains("<a href=\"/r/ABCD\">Open the room</a>"));
    }
}
