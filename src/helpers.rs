//! The handlebars helpers labkit offers to method conditions, defaults, computed values and
//! report templates, registered in one place (documented in docs/templates.md).
//!
//! `BUILTIN` and `LABKIT` are the single list the method validator consults, so a method that
//! calls a helper labkit does not have is caught by `labkit validate`, not in front of a room.

use handlebars::{
    Context, Handlebars, Helper, HelperResult, JsonRender, Output, RenderContext,
    RenderErrorReason, handlebars_helper,
};
use serde_json::Value as Json;

use crate::lang::Lang;
use crate::report::markdown::{self, Chart};
use crate::stats::power::{self, Design};

/// Helpers that handlebars itself provides.
pub const BUILTIN: &[&str] = &[
    "if", "unless", "each", "with", "lookup", "raw", "log", "eq", "ne", "gt", "gte", "lt", "lte",
    "and", "or", "not", "len",
];

/// Helpers labkit adds (the report ones work in methods too, though they are meant for reports).
pub const LABKIT: &[&str] = &[
    "sample_size_proportions",
    "sample_size_means",
    "trial_design",
    "t",
    "date",
    "number",
    "join",
    "plural",
    "choice_label",
    "top",
    "answer",
    "chart",
    "cell",
];

pub fn is_known(name: &str) -> bool {
    BUILTIN.contains(&name) || LABKIT.contains(&name)
}

/// Every name a template resolves as a helper rather than as a value, read from a registry
/// built as `registry()` builds one, so the list stays true when handlebars or labkit adds a
/// helper: a question with one of these ids could never be read by `{{id}}`.
///
/// handlebars keeps its helper table private and shows it only through `Debug`
/// (`helpers: ["if", …]`), so that is where it is read. The known lists are added as well, so
/// a change in that format loses nothing; a test checks that the reading still finds them.
pub fn names() -> &'static [String] {
    static NAMES: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
        let mut names = registered(&registry());
        for name in BUILTIN.iter().chain(LABKIT) {
            if !names.iter().any(|n| n == name) {
                names.push((*name).to_owned());
            }
        }
        names.sort();
        names
    });
    &NAMES
}

/// The helper names a registry's `Debug` shows.
fn registered(registry: &Handlebars) -> Vec<String> {
    let shown = format!("{registry:?}");
    shown
        .split_once("helpers: [")
        .and_then(|(_, rest)| rest.split_once(']'))
        .map(|(list, _)| {
            list.split(", ")
                .map(|name| name.trim_matches('"').to_owned())
                .filter(|name| !name.is_empty())
                .collect()
        })
        .unwrap_or_default()
}

/// A strict registry with every helper, for conditions, defaults and computed values.
pub fn registry() -> Handlebars<'static> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    // Method templates produce plain values, not HTML.
    registry.register_escape_fn(handlebars::no_escape);
    register_all(&mut registry);
    registry
}

/// The registry for report templates: `{{value}}` is escaped for Markdown, so an answer can
/// never change the document's structure; helpers escape what they write.
pub fn report_registry() -> Handlebars<'static> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry.register_escape_fn(markdown::escape);
    register_all(&mut registry);
    registry
}

fn register_all(registry: &mut Handlebars<'static>) {
    registry.register_helper("sample_size_proportions", Box::new(sample_size_proportions));
    registry.register_helper("sample_size_means", Box::new(sample_size_means));
    registry.register_helper("trial_design", Box::new(trial_design));
    registry.register_helper("t", Box::new(translate));
    registry.register_helper("date", Box::new(date));
    registry.register_helper("number", Box::new(number_helper));
    registry.register_helper("join", Box::new(join));
    registry.register_helper("plural", Box::new(plural));
    registry.register_helper("choice_label", Box::new(choice_label));
    registry.register_helper("top", Box::new(top));
    registry.register_helper("answer", Box::new(answer));
    registry.register_helper("chart", Box::new(chart));
    registry.register_helper("cell", Box::new(cell));
}

/// The language of the data being rendered (`lang` at its root), English by default.
/// Whether the session's answers are in another language than the report's (the context's
/// `session.language` against `lang`): then the group's typed words are marked as parts.
fn foreign_answers(ctx: &Context) -> bool {
    ctx.data()["session"]["language"]
        .as_str()
        .is_some_and(|language| language != lang_of(ctx).code())
}

fn lang_of(ctx: &Context) -> Lang {
    ctx.data()
        .get("lang")
        .and_then(Json::as_str)
        .and_then(crate::settings::known_language)
        .unwrap_or_default()
}

fn param<'a>(h: &'a Helper, index: usize) -> Result<&'a Json, RenderErrorReason> {
    h.param(index)
        .map(|p| p.value())
        .ok_or(RenderErrorReason::ParamNotFoundForIndex(
            "labkit helper",
            index,
        ))
}

fn number(h: &Helper, index: usize, default: Option<f64>) -> Result<f64, RenderErrorReason> {
    match h.param(index).map(|p| p.value()) {
        Some(v) => as_number(v).ok_or_else(|| {
            RenderErrorReason::Other(format!(
                "`{}` expects a number as argument {}, got {v}",
                h.name(),
                index + 1
            ))
        }),
        None => default.ok_or(RenderErrorReason::ParamNotFoundForIndex(
            "labkit helper",
            index,
        )),
    }
}

fn as_number(v: &Json) -> Option<f64> {
    v.as_f64().or_else(|| {
        v.as_str()
            .and_then(|s| s.trim().replace(',', ".").parse().ok())
    })
}

/// The formula behind a sample-size helper: (first, second, alpha, power, ratio, design).
type SampleSizeFormula = fn(
    f64,
    f64,
    f64,
    f64,
    f64,
    &Design,
) -> Result<power::SampleSize, crate::stats::error::StatsError>;

/// People per arm (two-sided, equal allocation) from `{{helper a b [alpha] [power]}}`; the same
/// maths as `labkit calc sample-size`.
fn sample_size(formula: SampleSizeFormula, h: &Helper, out: &mut dyn Output) -> HelperResult {
    let (a, b) = (number(h, 0, None)?, number(h, 1, None)?);
    let (alpha, pw) = (number(h, 2, Some(0.05))?, number(h, 3, Some(0.8))?);
    let result = formula(a, b, alpha, pw, 1.0, &Design::default())
        .map_err(|e| RenderErrorReason::Other(e.to_string()))?;
    out.write(&result.n_per_arm.to_string())?;
    Ok(())
}

/// `{{sample_size_proportions baseline target [alpha] [power]}}`
fn sample_size_proportions(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    sample_size(power::sample_size_proportions, h, out)
}

/// `{{sample_size_means sd delta [alpha] [power]}}`
fn sample_size_means(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    sample_size(power::sample_size_means, h, out)
}

/// A named argument of `trial_design`, `None` when absent, null or empty (an optional question
/// left unanswered).
fn hash_value<'a>(h: &'a Helper, name: &str) -> Option<&'a Json> {
    h.hash_get(name)
        .map(|p| p.value())
        .filter(|v| !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty()))
}

fn hash_number(h: &Helper, name: &str) -> Result<Option<f64>, RenderErrorReason> {
    match hash_value(h, name) {
        None => Ok(None),
        Some(v) => as_number(v).map(Some).ok_or_else(|| {
            RenderErrorReason::Other(format!(
                "`trial_design` expects a number for `{name}`, got {v}"
            ))
        }),
    }
}

/// An allocation ratio as treatment per control: `2`, `2:1` (treatment:control) or `1:1`; with
/// more arms, `2:2:1` reads each treatment arm before the control, which comes last.
pub fn parse_ratio(text: &str) -> Option<f64> {
    let parts: Vec<f64> = text
        .split(':')
        .map(|p| p.trim().replace(',', ".").parse::<f64>().ok())
        .collect::<Option<_>>()?;
    let (control, treatments) = parts.split_last()?;
    let first = *treatments.first().unwrap_or(control);
    let value = if treatments.is_empty() {
        *control
    } else {
        first / control
    };
    (value.is_finite() && value > 0.0 && treatments.iter().all(|t| *t == first)).then_some(value)
}

/// Whole days from one `YYYY-MM-DD` date to another.
fn days_between(start: &str, end: &str) -> Option<i64> {
    let day = |s: &str| {
        let mut it = s.trim().splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.get(..2)?.parse().ok()?;
        crate::clock::days_from_civil(y, m, d)
    };
    Some(day(end)? - day(start)?)
}

/// `{{trial_design baseline=… target=… alpha=… power=… show="control"}}`: the trial-design
/// numbers from the same functions as `labkit calc sample-size`, so the two always agree.
/// Inputs (named; null or empty means not given): `baseline` and `target` for a proportion, or
/// `sd` and `delta` for a mean; `alpha` (0.05), `power` (0.8), `ratio` (treatment per control,
/// `2` or `2:1`), `alternative` (`two_sided`, `greater`, `less`), `arms` (2), `cluster_size`
/// with `icc` and optionally `cluster_cv`, `attrition`. `show` picks the figure: `control`,
/// `treatment`, `total`, `clusters_control`, `clusters_treatment`, `design_effect`; with
/// `planned` (control-arm units), `planned_treatment` and `planned_total`; with `per_week`, `weeks_needed` and
/// `weeks_planned`; `weeks_available` from `weeks` or the dates `start` and `end`; with
/// `per_week` and `weeks`, `recruitable`. A figure that does not apply prints nothing.
fn trial_design(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let other = |e: crate::stats::error::StatsError| RenderErrorReason::Other(e.to_string());
    let show = hash_value(h, "show")
        .and_then(Json::as_str)
        .unwrap_or("control");
    // Figures that need no sample-size calculation.
    match show {
        "weeks_available" => {
            let weeks = match hash_number(h, "weeks")? {
                Some(w) => Some(w),
                None => match (
                    hash_value(h, "start").and_then(Json::as_str),
                    hash_value(h, "end").and_then(Json::as_str),
                ) {
                    (Some(s), Some(e)) => days_between(s, e)
                        .filter(|d| *d > 0)
                        .map(|d| d as f64 / 7.0),
                    _ => None,
                },
            };
            if let Some(w) = weeks {
                // Two decimals: what the report shows is what `recruitable` multiplies.
                out.write(&trim_number((w * 100.0).round() / 100.0))?;
            }
            return Ok(());
        }
        "recruitable" => {
            if let (Some(rate), Some(weeks)) =
                (hash_number(h, "per_week")?, hash_number(h, "weeks")?)
            {
                out.write(&((rate * weeks + 1e-9).floor().max(0.0) as u64).to_string())?;
            }
            return Ok(());
        }
        _ => {}
    }
    let ratio = match hash_value(h, "ratio") {
        None => 1.0,
        Some(v) => as_number(v)
            .or_else(|| v.as_str().and_then(parse_ratio))
            .ok_or_else(|| {
                RenderErrorReason::Other(crate::i18n::msg(
                    "helpers.bad_ratio",
                    &[("value", &v.render())],
                ))
            })?,
    };
    let alternative = match hash_value(h, "alternative").and_then(Json::as_str) {
        Some("greater") => power::Alternative::Greater,
        Some("less") => power::Alternative::Less,
        _ => power::Alternative::TwoSided,
    };
    let cluster_size = hash_number(h, "cluster_size")?.map(|m| m.round().max(0.0) as u64);
    let icc = hash_number(h, "icc")?;
    let (cluster_size, icc) = match (cluster_size, icc) {
        (Some(m), Some(r)) => (Some(m), Some(r)),
        _ => (None, None),
    };
    let arms = hash_number(h, "arms")?.map_or(2, |a| a.round().clamp(2.0, 100.0) as u32);
    let cluster_cv = hash_number(h, "cluster_cv")?.filter(|_| cluster_size.is_some());
    let design = Design::new(cluster_size, icc, hash_number(h, "attrition")?)
        .and_then(|d| d.with_cluster_cv(cluster_cv))
        .and_then(|d| d.with_arms(arms))
        .map_err(other)?
        .with_alternative(alternative);
    let alpha = hash_number(h, "alpha")?.unwrap_or(0.05);
    let pw = hash_number(h, "power")?.unwrap_or(0.8);
    let result = match (
        hash_number(h, "baseline")?,
        hash_number(h, "target")?,
        hash_number(h, "sd")?,
        hash_number(h, "delta")?,
    ) {
        (Some(p1), Some(p2), _, _) => {
            power::sample_size_proportions(p1, p2, alpha, pw, ratio, &design)
        }
        (_, _, Some(sd), Some(delta)) => {
            power::sample_size_means(sd, delta, alpha, pw, ratio, &design)
        }
        _ => {
            return Err(
                RenderErrorReason::Other(crate::i18n::msg("helpers.trial_inputs", &[])).into(),
            );
        }
    }
    .map_err(other)?;
    let [control, treatment] = result.n_per_arm_each;
    let others = u64::from(design.comparisons());
    let planned_total = |planned: f64| {
        let c = planned.round().max(0.0);
        c as u64 + others * (c * ratio - 1e-9).ceil().max(0.0) as u64
    };
    let weeks = |total: u64| -> Result<Option<u64>, RenderErrorReason> {
        match hash_number(h, "per_week")?.filter(|r| *r > 0.0) {
            Some(rate) => Ok(Some(
                power::trial_duration(total as f64, rate, power::Period::Week)
                    .map_err(other)?
                    .periods,
            )),
            None => Ok(None),
        }
    };
    let text = match show {
        "control" => Some(control.to_string()),
        "treatment" => Some(treatment.to_string()),
        "total" => Some(result.n_total.to_string()),
        "clusters_control" => result.clusters_per_arm.map(|c| c[0].to_string()),
        "clusters_treatment" => result.clusters_per_arm.map(|c| c[1].to_string()),
        "design_effect" => result.design_effect.map(trim_number),
        "planned_total" => hash_number(h, "planned")?.map(|p| planned_total(p).to_string()),
        "planned_treatment" => hash_number(h, "planned")?
            .map(|p| (p.round().max(0.0) * ratio - 1e-9).ceil().max(0.0) as u64)
            .map(|n| n.to_string()),
        "weeks_needed" => weeks(result.n_total)?.map(|w| w.to_string()),
        "weeks_planned" => match hash_number(h, "planned")? {
            Some(p) => weeks(planned_total(p))?.map(|w| w.to_string()),
            None => None,
        },
        other => {
            return Err(
                RenderErrorReason::Other(format!("`trial_design` cannot show `{other}`")).into(),
            );
        }
    };
    if let Some(text) = text {
        out.write(&text)?;
    }
    Ok(())
}

/// A number with up to ten decimals and no trailing zeros (`0.001`, `2.5`, `7`), plain.
fn trim_number(x: f64) -> String {
    let text = format!("{x:.10}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.to_owned()
    }
}

/// `{{t "report.date"}}`: a fixed label in the report's language, escaped for Markdown like
/// any other text.
///
/// `{{t "report.pre-mortem.reasons" reasons=(len q.reasons.entries) clusters=(len q.clusters.rows)}}`:
/// the message formatted with Fluent variables from the hash arguments.
/// - A JSON number reaches Fluent as a number, so the message can pick a plural form by
///   CLDR's rules for its language (`{ $ideas -> [one] { $ideas } idea *[other] … }`;
///   Portuguese is pt-PT, where 0 is plural), and prints as the `number` helper prints it.
/// - A string (an answer's text, or what labkit's own `(date …)`, `(number …)` or `(t …)`
///   subexpressions give) is untrusted: it is escaped with `markdown::escape` before it is
///   inserted. Dates and numbers come through unchanged: labkit writes them with digits,
///   letters, spaces, `,` `.` and no-break spaces, none of which the escape touches (a unit
///   test checks; a minus sign at the very start of a value is the one exception, escaped as
///   `\-`, which Markdown shows as `-`).
/// - `true`/`false` reach Fluent as the strings `true`/`false`, for a select
///   (`{ $judged -> [true] … *[other] {""} }`); null is empty text. A list or a mapping is an
///   error: pass `(len list)` for its count.
/// - The message's own text is not escaped when it is given arguments: the message file is as
///   trusted as a template, so it may hold Markdown (`**{ $experiment }**`, backticks). Raw
///   HTML in it still cannot reach a page: the HTML and Word writers show HTML as text.
///   Without arguments the message is escaped, as it always was.
/// - A variable the message uses and the call does not give is a render error, as an unknown
///   key is.
///
/// Called as a subexpression (or in triple braces), `t` gives its text unescaped, as `date`
/// and `number` do: it is a value then, and whatever writes it escapes it.
fn translate(
    h: &Helper,
    _: &Handlebars,
    ctx: &Context,
    rc: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let key = param(h, 0)?.as_str().unwrap_or_default();
    let lang = lang_of(ctx);
    let raw = rc.is_disable_escape();
    let escape = |text: &str| {
        if raw {
            text.to_owned()
        } else {
            markdown::escape(text)
        }
    };
    let needs = |names: Vec<String>| {
        RenderErrorReason::Other(format!(
            "`t`: label `{key}` needs {}",
            names
                .iter()
                .map(|n| format!("`{n}=`"))
                .collect::<Vec<_>>()
                .join(", ")
        ))
    };
    if h.hash().is_empty() {
        let unknown = || RenderErrorReason::Other(format!("`t`: no label `{key}`"));
        let names = crate::i18n::variables_used(lang, key).ok_or_else(unknown)?;
        if !names.is_empty() {
            return Err(needs(names.into_iter().map(str::to_owned).collect()).into());
        }
        let text = crate::i18n::lookup(lang, key).ok_or_else(unknown)?;
        out.write(&escape(text))?;
        return Ok(());
    }
    let mut args = Vec::with_capacity(h.hash().len());
    for (name, value) in h.hash() {
        if value.is_value_missing() {
            return Err(RenderErrorReason::Other(format!(
                "`t`: `{name}` for label `{key}` has no value{}",
                value
                    .relative_path()
                    .map(|p| format!(" (`{p}` is not in the data)"))
                    .unwrap_or_default()
            ))
            .into());
        }
        let arg = match value.value() {
            Json::Number(n) => match n.as_f64() {
                Some(n) => crate::i18n::Arg::Number(n),
                None => crate::i18n::Arg::Text(escape(&n.to_string())),
            },
            Json::String(text) => crate::i18n::Arg::Text(escape(text)),
            Json::Bool(b) => crate::i18n::Arg::Text(b.to_string()),
            Json::Null => crate::i18n::Arg::Text(String::new()),
            Json::Array(_) | Json::Object(_) => {
                return Err(RenderErrorReason::Other(format!(
                    "`t`: `{name}` for label `{key}` is a list or a mapping; pass `(len …)` for a count"
                ))
                .into());
            }
        };
        args.push((*name, arg));
    }
    let text = crate::i18n::format_args(lang, key, &args).map_err(|e| match e {
        crate::i18n::ArgsError::Unknown => {
            RenderErrorReason::Other(format!("`t`: no label `{key}`"))
        }
        crate::i18n::ArgsError::Missing(names) => needs(names),
    })?;
    out.write(&text)?;
    Ok(())
}

/// A date as people write it: `26 November 2026`, `26 de novembro de 2026`.
pub fn long_date(value: &str, lang: Lang) -> Option<String> {
    let (y, m, d) = crate::clock::parse_date(value.get(..10)?)?;
    let month = m.checked_sub(1)? as usize;
    Some(match lang {
        Lang::En => format!("{d} {} {y}", crate::clock::MONTHS_EN[month]),
        Lang::Pt => format!("{d} de {} de {y}", crate::clock::MONTHS_PT[month]),
        Lang::Other(_) => crate::i18n::tf(
            lang,
            "date.long",
            &[
                ("day", &d),
                ("month", &crate::clock::months(lang).get(month)?),
                ("year", &y),
            ],
        ),
    })
}

/// `{{date session.started}}`
///
/// Called as a subexpression (`date=(date d)` in a `t` call) it gives the date unescaped: a value,
/// escaped by whatever writes it (for `t`, its string arguments).
fn date(
    h: &Helper,
    _: &Handlebars,
    ctx: &Context,
    rc: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let value = param(h, 0)?;
    let text = value
        .as_str()
        .and_then(|s| long_date(s, lang_of(ctx)))
        .unwrap_or_else(|| value.render());
    write_value(rc, out, &text)
}

/// A helper's text: escaped for Markdown when written into the report, as given when handlebars
/// asks for a value (a subexpression, or triple braces), so it is escaped once, where written.
fn write_value(rc: &RenderContext, out: &mut dyn Output, text: &str) -> HelperResult {
    if rc.is_disable_escape() {
        out.write(text)?;
    } else {
        out.write(&markdown::escape(text))?;
    }
    Ok(())
}

/// `{{number value [decimals]}}`: decimal comma in Portuguese. `{{number value full=true}}`
/// shows the value as typed, to full precision without trailing zeros (α 0.001, not "0.00").
/// Unescaped as a subexpression, as `date`.
fn number_helper(
    h: &Helper,
    _: &Handlebars,
    ctx: &Context,
    rc: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let value = param(h, 0)?;
    let text = match as_number(value) {
        Some(n)
            if h.hash_get("full")
                .is_some_and(|f| f.value().as_bool() == Some(true)) =>
        {
            let text = power::format_number(n, 10, lang_of(ctx).code());
            match text.find(['.', ',']) {
                Some(_) => text
                    .trim_end_matches('0')
                    .trim_end_matches(['.', ','])
                    .to_owned(),
                None => text,
            }
        }
        Some(n) => {
            let decimals = h
                .param(1)
                .and_then(|p| p.value().as_u64())
                .unwrap_or(if n.fract() == 0.0 { 0 } else { 2 });
            power::format_number(n, decimals as usize, lang_of(ctx).code())
        }
        None => value.render(),
    };
    write_value(rc, out, &text)
}

/// `{{join list [", "]}}`
fn join(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let sep = h
        .param(1)
        .and_then(|p| p.value().as_str().map(str::to_owned))
        .unwrap_or_else(|| ", ".into());
    let items: Vec<String> = match param(h, 0)? {
        Json::Array(items) => items
            .iter()
            .map(|i| markdown::escape(&i.render()))
            .collect(),
        Json::Null => Vec::new(),
        other => vec![markdown::escape(&other.render())],
    };
    out.write(&items.join(&sep))?;
    Ok(())
}

/// `{{plural n "idea" "ideas"}}` → `1 idea`, `3 ideas`.
fn plural(
    h: &Helper,
    _: &Handlebars,
    ctx: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let n = match param(h, 0)? {
        Json::Array(items) => items.len() as f64,
        other => as_number(other).unwrap_or(0.0),
    };
    let word = if n == 1.0 { param(h, 1)? } else { param(h, 2)? };
    let shown = power::format_number(n, if n.fract() == 0.0 { 0 } else { 1 }, lang_of(ctx).code());
    out.write(&markdown::escape(&format!("{shown} {}", word.render())))?;
    Ok(())
}

/// `{{choice_label q.method_kind}}`: the label(s) of a select or multiselect answer.
fn choice_label(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let question = param(h, 0)?;
    let labels: Vec<String> = question["choices"]
        .as_array()
        .map(|choices| {
            choices
                .iter()
                .filter(|c| c["selected"] == true)
                .map(|c| c["label"].render())
                .collect()
        })
        .unwrap_or_default();
    out.write(&markdown::escape(&labels.join(", ")))?;
    Ok(())
}

handlebars_helper!(top: |list: Json, n: u64| {
    match list {
        Json::Array(items) => Json::Array(items.iter().take(n as usize).cloned().collect()),
        other => other.clone(),
    }
});

/// `{{cell text}}`: text for a table cell (escaped, on one line).
fn cell(
    h: &Helper,
    _: &Handlebars,
    _: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let value = param(h, 0)?;
    let text = if value.is_null() {
        String::new()
    } else {
        value.render()
    };
    out.write(&markdown::cell(&text))?;
    Ok(())
}

/// `{{answer q.ideas}}`: a question's answer in the layout that suits its type.
fn answer(
    h: &Helper,
    _: &Handlebars,
    ctx: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let q = param(h, 0)?;
    out.write(&answer_markdown(q, lang_of(ctx), foreign_answers(ctx)))?;
    Ok(())
}

/// `{{chart q.votes}}`: votes as bars, two-criteria scores as a 2×2 matrix. With
/// `table=false` the template prints the data as a table of its own, so Markdown (where a
/// chart is a table) leaves the chart out and Word shows its picture without a table beneath.
fn chart(
    h: &Helper,
    _: &Handlebars,
    ctx: &Context,
    _: &mut RenderContext,
    out: &mut dyn Output,
) -> HelperResult {
    let q = param(h, 0)?;
    let figure_only = h
        .hash_get("table")
        .is_some_and(|t| t.value() == &Json::Bool(false));
    if let Some(chart) = chart_of(q, lang_of(ctx), foreign_answers(ctx)) {
        let block = if figure_only {
            chart.figure_block()
        } else {
            chart.block()
        };
        // Language marks stay in the labels: the HTML and Word writers draw the chart from the
        // plain labels and tag the data table's answers with their language.
        out.write(&block)?;
    }
    Ok(())
}

///
/// The items of a vote or a score are the group's own words (a list's entries): with
/// `foreign`, they are marked as parts in the session's language, which the HTML and Word
/// writers turn into `lang` on the chart's data table (the picture is drawn without marks).
fn chart_of(q: &Json, lang: Lang, foreign: bool) -> Option<Chart> {
    let label = |key| crate::i18n::t(lang, key).to_owned();
    let item = |value: &Json| {
        let text = value.render();
        if foreign {
            crate::report::lang_marks::mark(&text)
        } else {
            text
        }
    };
    match q["type"].as_str()? {
        "vote" => Some(Chart::Bars {
            title: q["prompt"].render(),
            item_label: label("report.item"),
            value_label: label("report.dots"),
            rows: q["ranking"]
                .as_array()?
                .iter()
                .map(|r| (item(&r["item"]), r["dots"].as_f64().unwrap_or(0.0)))
                .collect(),
        }),
        "score" => {
            let criteria = q["criteria"].as_array()?;
            let quadrants = q["quadrants"].as_array();
            match (criteria.as_slice(), quadrants) {
                ([y, x], Some(names)) if names.len() == 4 => Some(Chart::Matrix {
                    title: q["prompt"].render(),
                    x_label: x["label"].render(),
                    y_label: y["label"].render(),
                    min: y["min"].as_f64().unwrap_or(1.0),
                    max: y["max"].as_f64().unwrap_or(5.0),
                    quadrants: [
                        names[0].render(),
                        names[1].render(),
                        names[2].render(),
                        names[3].render(),
                    ],
                    // An item left unscored has no place on the matrix; `answer` names it.
                    points: q["scores"]
                        .as_array()?
                        .iter()
                        .filter(|s| s["scored"] != false)
                        .map(|s| {
                            (
                                item(&s["item"]),
                                s["values"][1].as_f64().unwrap_or(0.0),
                                s["values"][0].as_f64().unwrap_or(0.0),
                            )
                        })
                        .collect(),
                    item_label: label("report.item"),
                    quadrant_label: label("report.quadrant"),
                }),
                _ => {
                    let mut rows: Vec<(String, f64)> = q["scores"]
                        .as_array()?
                        .iter()
                        .filter_map(|s| Some((item(&s["item"]), s["total"].as_f64()?)))
                        .collect();
                    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
                    Some(Chart::Bars {
                        title: q["prompt"].render(),
                        item_label: label("report.item"),
                        value_label: label("report.total"),
                        rows,
                    })
                }
            }
        }
        _ => None,
    }
}

/// The items of a score question the group left unscored, as a line of their own (empty when
/// every item was scored), so the chart's missing points are not mistaken for lost ones.
fn unscored_line(q: &Json, lang: Lang) -> String {
    let items: Vec<String> = q["unscored"]
        .as_array()
        .map(|items| {
            items
                .iter()
                .map(|i| markdown::escape(&i.render()))
                .collect()
        })
        .unwrap_or_default();
    if items.is_empty() {
        return String::new();
    }
    format!(
        "\n*{}* {}\n",
        markdown::escape(crate::i18n::t(lang, "report.not_scored")),
        items.join(", ")
    )
}

/// The Markdown for one answer (used by `{{answer}}` and the generic template).
pub fn answer_markdown(q: &Json, lang: Lang, foreign: bool) -> String {
    if q["answered"] != true {
        return format!(
            "*{}*\n",
            markdown::escape(crate::i18n::t(lang, "report.no_answer"))
        );
    }
    let bullets = |items: &[Json]| {
        items
            .iter()
            .map(|i| format!("- {}\n", markdown::escape(&i.render())))
            .collect::<String>()
    };
    match q["type"].as_str().unwrap_or_default() {
        "list" => bullets(
            q["entries"]
                .as_array()
                .map(Vec::as_slice)
                .unwrap_or_default(),
        ),
        "multiselect" => {
            let picked: Vec<Json> = q["choices"]
                .as_array()
                .map(|c| {
                    c.iter()
                        .filter(|c| c["selected"] == true)
                        .map(|c| c["label"].clone())
                        .collect()
                })
                .unwrap_or_default();
            bullets(&picked)
        }
        "rank" => q["order"]
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| format!("{}. {}\n", i + 1, markdown::escape(&item.render())))
                    .collect()
            })
            .unwrap_or_default(),
        "records" => {
            let fields = q["fields"].as_array().cloned().unwrap_or_default();
            let mut out = String::from("|");
            for f in &fields {
                out.push_str(&format!(" {} |", markdown::cell(&f["prompt"].render())));
            }
            out.push_str("\n|");
            out.push_str(&"---|".repeat(fields.len()));
            out.push('\n');
            for row in q["rows"].as_array().cloned().unwrap_or_default() {
                out.push('|');
                for cell in row.as_array().cloned().unwrap_or_default() {
                    out.push_str(&format!(" {} |", markdown::cell(&cell.render())));
                }
                out.push('\n');
            }
            out
        }
        "vote" => chart_of(q, lang, foreign)
            .map(|c| c.block())
            .unwrap_or_default(),
        "score" => {
            let mut out = chart_of(q, lang, foreign)
                .map(|c| c.block())
                .unwrap_or_default();
            out.push_str(&unscored_line(q, lang));
            out
        }
        _ => {
            let mut text = markdown::escape(&q["text"].render());
            if let Some(unit) = q["unit"].as_str().filter(|u| !u.is_empty()) {
                text.push(' ');
                text.push_str(&markdown::escape(unit));
            }
            text.push('\n');
            text
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helper_names_are_read_from_the_registry() {
        let mut found = registered(&registry());
        found.sort();
        let mut known: Vec<String> = BUILTIN
            .iter()
            .chain(LABKIT)
            .map(|n| (*n).to_owned())
            .collect();
        known.sort();
        // Equal: the registry is read (a changed `Debug` would give nothing), and the lists the
        // validator's hints show name every helper there is, no more.
        assert_eq!(found, known);
        assert_eq!(names(), &known[..]);
    }

    #[test]
    fn sample_size_helpers_match_calc() {
        let hb = registry();
        let data = serde_json::json!({ "baseline": 0.5, "target": "0.75" });
        let n = hb
            .render_template(
                "{{sample_size_proportions baseline target 0.05 0.9}}",
                &data,
            )
            .unwrap();
        assert_eq!(n, "77");
        let n = hb
            .render_template("{{sample_size_means 1 0.5}}", &data)
            .unwrap();
        assert_eq!(n, "64");
        assert!(
            hb.render_template("{{sample_size_proportions baseline baseline}}", &data)
                .is_err()
        );
    }

    #[test]
    fn trial_design_is_calcs_maths_with_every_input() {
        let hb = registry();
        let data = serde_json::json!({
            "b": 0.18, "t": 0.12, "ratio": "2:1", "m": 40, "icc": 0.02, "cv": 0.4,
            "drop": 0.1, "none": null, "empty": "", "arms": [1, 2],
        });
        let design = Design::new(Some(40), Some(0.02), Some(0.1))
            .unwrap()
            .with_cluster_cv(Some(0.4))
            .unwrap();
        let want = power::sample_size_proportions(0.18, 0.12, 0.05, 0.8, 2.0, &design).unwrap();
        let show = |what: &str| {
            hb.render_template(
                &format!(
                    "{{{{trial_design baseline=b target=t sd=none delta=empty ratio=ratio \
                     cluster_size=m icc=icc cluster_cv=cv attrition=drop arms=(len arms) \
                     alternative=none planned=300 per_week=300 show='{what}'}}}}"
                ),
                &data,
            )
            .unwrap()
        };
        assert_eq!(show("control"), want.n_per_arm_each[0].to_string());
        assert_eq!(show("treatment"), want.n_per_arm_each[1].to_string());
        assert_eq!(show("total"), want.n_total.to_string());
        let clusters = want.clusters_per_arm.unwrap();
        assert_eq!(show("clusters_control"), clusters[0].to_string());
        assert_eq!(show("clusters_treatment"), clusters[1].to_string());
        assert_eq!(show("planned_treatment"), "600");
        assert_eq!(show("planned_total"), "900");
        assert_eq!(show("weeks_planned"), "3");
        // One-sided means, as `calc --alternative less`.
        let one = Design::default().with_alternative(power::Alternative::Less);
        let want = power::sample_size_means(12.5, -4.0, 0.001, 0.9, 1.0, &one).unwrap();
        let got = hb
            .render_template(
                "{{trial_design sd=12.5 delta=-4 alpha=0.001 power=0.9 alternative='less'}}",
                &data,
            )
            .unwrap();
        assert_eq!(got, want.n_per_arm.to_string());
        // Weeks from dates, and what can be enrolled in them.
        let weeks = hb
            .render_template(
                "{{trial_design show='weeks_available' start='2027-01-11' end='2027-03-05'}}",
                &data,
            )
            .unwrap();
        assert_eq!(weeks, "7.57");
        let n = hb
            .render_template(
                "{{trial_design show='recruitable' per_week=1050 weeks=7.57}}",
                &data,
            )
            .unwrap();
        assert_eq!(n, "7948");
        assert!(
            hb.render_template("{{trial_design ratio='two' baseline=b target=t}}", &data)
                .is_err()
        );
        assert!(
            hb.render_template("{{trial_design alpha=0.05}}", &data)
                .is_err()
        );
    }

    #[test]
    fn ratios_read_treatment_before_control() {
        assert_eq!(parse_ratio("2:1"), Some(2.0));
        assert_eq!(parse_ratio(" 1 : 2 "), Some(0.5));
        assert_eq!(parse_ratio("1.5"), Some(1.5));
        assert_eq!(parse_ratio("2:2:1"), Some(2.0));
        assert_eq!(parse_ratio("2:1:1"), None);
        assert_eq!(parse_ratio("0:1"), None);
        assert_eq!(parse_ratio("two"), None);
    }

    #[test]
    fn numbers_in_full_drop_trailing_zeros() {
        let hb = report_registry();
        let data = serde_json::json!({ "a": 0.001, "b": 0.8, "c": 1234.5, "lang": "pt" });
        let en = hb
            .render_template(
                "{{number a full=true}} {{number b full=true}} {{number c full=true}}",
                &serde_json::json!({ "a": 0.001, "b": 0.8, "c": 1234.5 }),
            )
            .unwrap();
        assert_eq!(en, "0.001 0.8 1,234.5");
        let pt = hb
            .render_template("{{number a full=true}} {{number c full=true}}", &data)
            .unwrap();
        assert_eq!(pt, "0,001 1\u{a0}234,5");
    }

    #[test]
    fn report_helpers_follow_the_language() {
        let hb = report_registry();
        let pt = serde_json::json!({ "lang": "pt", "d": "2026-11-26T10:00:00Z", "n": 1234.5, "ideas": ["a|b", "c"] });
        assert_eq!(
            hb.render_template("{{date d}}", &pt).unwrap(),
            "26 de novembro de 2026"
        );
        assert_eq!(
            hb.render_template("{{number n 1}}", &pt).unwrap(),
            "1\u{a0}234,5"
        );
        assert_eq!(
            hb.render_template("{{t \"report.date\"}}", &pt).unwrap(),
            "Data"
        );
        assert_eq!(
            hb.render_template("{{join ideas \" / \"}}", &pt).unwrap(),
            "a\\|b / c"
        );
        assert_eq!(
            hb.render_template("{{plural ideas \"ideia\" \"ideias\"}}", &pt)
                .unwrap(),
            "2 ideias"
        );
        assert_eq!(
            hb.render_template("{{#each (top ideas 1)}}{{this}}{{/each}}", &pt)
                .unwrap(),
            "a\\|b"
        );
        let en = serde_json::json!({ "lang": "en", "d": "2026-11-26" });
        assert_eq!(
            hb.render_template("{{date d}}", &en).unwrap(),
            "26 November 2026"
        );
    }

    #[test]
    fn plain_values_are_escaped_for_markdown() {
        let hb = report_registry();
        let data = serde_json::json!({ "x": "<script>alert(1)</script> | [x](javascript:y)" });
        assert_eq!(
            hb.render_template("{{x}}", &data).unwrap(),
            "\\<script\\>alert(1)\\</script\\> \\| \\[x\\](javascript:y)"
        );
    }
    #[test]
    fn t_formats_a_message_with_counts_and_escaped_text() {
        let hb = report_registry();
        let data = |lang: &str| {
            serde_json::json!({
                "lang": lang, "none": [], "one": ["a"], "three": ["a", "b", "c"],
                "hostile": "*soon* [x](y) <b>", "plan": "Plan", "day": "2027-06-30",
                "n": 1234.5, "minus": -3, "yes": true, "no": false, "list": ["x"],
            })
        };
        let render = |lang: &str, template: &str| hb.render_template(template, &data(lang));
        // Counts pick plural forms by CLDR: 1 is singular; in pt-PT 0 is plural.
        let reasons = r#"{{t "report.pre-mortem.reasons" reasons=(len one) clusters=(len three)}}"#;
        assert_eq!(
            render("en", reasons).unwrap(),
            "The group wrote 1 reason in silence and clustered them into 3 clusters."
        );
        let reasons = r#"{{t "report.pre-mortem.reasons" reasons=(len none) clusters=(len one)}}"#;
        assert_eq!(
            render("pt", reasons).unwrap(),
            "O grupo escreveu 0 razões em silêncio e agrupou-as em 1 grupo."
        );
        // An answer's text is escaped; the message's own Markdown is kept.
        let failed = r#"{{t "report.pre-mortem.it_has_failed" horizon=hostile experiment=plan}}"#;
        assert_eq!(
            render("en", failed).unwrap(),
            "It is \\*soon\\* \\[x\\](y) \\<b\\>. **Plan** has failed."
        );
        // labkit's dates and numbers come through the escape unchanged.
        let review =
            r#"{{t "report.theory-of-change.review_date" date=(date day) owner=(number n 1)}}"#;
        assert_eq!(
            render("en", review).unwrap(),
            "The model is reviewed with the first data on **30 June 2027**; kept up to date by 1,234.5."
        );
        assert_eq!(
            render("pt", review).unwrap(),
            "O modelo é revisto com os primeiros dados em **30 de junho de 2027**; mantém-no \
             atualizado: 1\u{a0}234,5."
        );
        for lang in [Lang::En, Lang::Pt] {
            let date = long_date("2027-06-30", lang).unwrap();
            assert_eq!(markdown::escape(&date), date);
            for decimals in [0, 2] {
                let number = power::format_number(1234567.891, decimals, lang.code());
                assert_eq!(markdown::escape(&number), number);
            }
        }
        // A value is escaped once, where it is written: a leading minus once, not twice.
        let money = r#"{{t "report.money" amount=(number minus 2)}}"#;
        assert_eq!(render("en", money).unwrap(), "€\\-3.00");
        assert_eq!(render("pt", money).unwrap(), "\\-3,00 €");
        assert_eq!(render("pt", "{{number minus}}").unwrap(), "\\-3");
        // Numbers print as the report's figures; booleans select.
        let minutes =
            r#"{{t "report.storyboard.summary" scene=plan panels=(len one) minutes=n unit="min"}}"#;
        assert_eq!(
            render("pt", minutes).unwrap(),
            "Começa em: **Plan** · 1 painel · cerca de 1\u{a0}234,50 min por pessoa."
        );
        let computed = r#"{{t "report.trial-design.computed_with" clusters=no attrition=yes}}"#;
        assert_eq!(
            render("en", computed).unwrap(),
            "Computed with the same maths as `labkit calc sample-size`, drop-out included."
        );
        // A missing variable, an unknown key, a list, a message with variables given none: errors.
        for bad in [
            r#"{{t "report.pre-mortem.reasons" reasons=(len one)}}"#.to_owned(),
            r#"{{t "report.pre-mortem.reasons" reasons=(len one) clusters=no_such}}"#.to_owned(),
            // (spelt so that the i18n test's scan for keys does not read it as one)
            format!("{{{{t {:?} x=1}}}}", "report.no_such_label"),
            r#"{{t "report.pre-mortem.reasons" reasons=list clusters=1}}"#.to_owned(),
            r#"{{t "report.pre-mortem.reasons"}}"#.to_owned(),
        ] {
            let err = render("en", &bad).unwrap_err().to_string();
            assert!(err.contains("`t`"), "{bad}: {err}");
        }
        let err = render("en", r#"{{t "report.pre-mortem.reasons" reasons=1}}"#)
            .unwrap_err()
            .to_string();
        assert!(err.contains("`clusters=`"), "{err}");
    }

    #[test]
    fn templates_leave_the_choice_of_words_to_the_message_files() {
        // A passage that picks its words by comparing `lang` with a code shows English to every
        // language a lab adds; such passages go through `t` with hash arguments instead.
        let compares = regex_lite::Regex::new(
            r#"\(\s*(?:eq|ne)\s+(?:[^()\s]*\blang\b[^()\s]*\s+[^()\s]+|[^()\s]+\s+[^()\s]*\blang\b[^()\s]*)\s*\)"#,
        )
        .unwrap();
        assert!(compares.is_match(r#"{{#if (eq @root.lang "pt")}}"#));
        assert!(compares.is_match(r#"{{#if (ne "en" ../lang)}}"#));
        assert!(!compares.is_match(r#"{{#if (eq level 1)}}"#));
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
        let mut found = Vec::new();
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let text = std::fs::read_to_string(&path).unwrap();
            seen += 1;
            for (i, line) in text.lines().enumerate() {
                if compares.is_match(line) {
                    found.push(format!("{}:{}: {line}", path.display(), i + 1));
                }
            }
        }
        assert!(seen > 40, "only {seen} templates");
        assert!(found.is_empty(), "{}", found.join("\n"));
    }
}
