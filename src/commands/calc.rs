//! `labkit calc`: sample size, minimum detectable effect and trial duration, as a readable
//! summary or JSON. The maths lives in `stats::power`; this module maps flags to it.

use serde::Serialize;

use super::Outcome;
use crate::cli::{
    CalcAlternative, CalcCommand, CalcFormat, CurveOver, DesignArgs, DurationArgs, MdeArgs,
    PowerArgs, SampleSizeArgs,
};
use crate::error::Error;
use crate::output::Printer;
use crate::settings::Settings;
use crate::stats::error::StatsError;
use crate::stats::power::{self, Alternative, Design, Effect, Period, Sample};

pub fn run(command: &CalcCommand, settings: &Settings, printer: &mut Printer) -> Outcome {
    let lang = settings.lang.code();
    let (format, text, json) = match command {
        CalcCommand::SampleSize(args) => {
            let result = sample_size(args).map_err(input)?;
            (
                args.design.format,
                power::summary(&result, lang),
                to_json(&result)?,
            )
        }
        CalcCommand::Mde(args) => {
            let result = mde(args).map_err(input)?;
            (
                args.design.format,
                power::mde_summary(&result, lang),
                to_json(&result)?,
            )
        }
        CalcCommand::Power(args) => {
            let result = power(args).map_err(input)?;
            if let (Some(path), Some(curve)) = (&args.output, &result.curve) {
                crate::fsutil::check_outputs(&[path.as_path()], &[], args.force)?;
                let svg = curve_svg(&result, curve, args, lang);
                crate::fsutil::write_atomic(path, svg.as_bytes())?;
            }
            (
                args.format,
                power::power_summary(&result, lang),
                to_json(&result)?,
            )
        }
        CalcCommand::Duration(args) => {
            let result = duration(args).map_err(input)?;
            (
                args.format,
                power::duration_summary(&result, lang),
                to_json(&result)?,
            )
        }
    };
    printer.data(if format == CalcFormat::Json {
        &json
    } else {
        &text
    })?;
    Ok(0)
}

fn input(err: StatsError) -> Error {
    Error::Usage(err.to_string())
}

fn to_json(value: &impl Serialize) -> Result<String, Error> {
    serde_json::to_string_pretty(value).map_err(|e| Error::Input(e.to_string()))
}

fn alternative(alt: CalcAlternative) -> Alternative {
    match alt {
        CalcAlternative::TwoSided => Alternative::TwoSided,
        CalcAlternative::Greater => Alternative::Greater,
        CalcAlternative::Less => Alternative::Less,
    }
}

fn design(args: &DesignArgs) -> Result<Design, StatsError> {
    Design::new(args.cluster_size, args.icc, args.attrition)?
        .with_alternative(alternative(args.alternative))
        .with_continuity(args.continuity)
        .with_cluster_cv(args.cluster_cv)?
        .with_arms(args.arms)
}

pub fn power(args: &PowerArgs) -> Result<power::Power, StatsError> {
    let design = Design::new(args.cluster_size, args.icc, args.attrition)?
        .with_alternative(alternative(args.alternative))
        .with_continuity(args.continuity)
        .with_cluster_cv(args.cluster_cv)?
        .with_arms(args.arms)?;
    let effect = match (args.baseline, args.target, args.sd, args.delta) {
        (Some(p1), Some(p2), None, None) => Effect::Proportions { p1, p2 },
        (None, None, Some(sd), Some(delta)) => Effect::Means { sd, delta },
        _ => {
            return Err(StatsError::Invalid(crate::i18n::msg(
                "stats.power_inputs",
                &[],
            )));
        }
    };
    let sample = match (args.per_arm, args.total) {
        (Some(n), None) => Sample::PerArm(n),
        (None, Some(n)) => Sample::Total(n),
        _ => {
            return Err(StatsError::Invalid(crate::i18n::msg(
                "stats.power_sample",
                &[],
            )));
        }
    };
    let mut result = power::power(effect, sample, args.alpha, args.ratio, &design)?;
    if let Some(over) = args.curve {
        let over = match over {
            CurveOver::N => power::CurveOver::N,
            CurveOver::Effect => power::CurveOver::Effect,
        };
        result.curve = Some(power::power_curve(
            effect,
            sample,
            args.alpha,
            args.ratio,
            &design,
            over,
            args.points,
        )?);
    }
    Ok(result)
}

/// The curve as an SVG chart, labelled in the user's language.
fn curve_svg(
    result: &power::Power,
    curve: &[power::CurvePoint],
    args: &PowerArgs,
    lang: &str,
) -> String {
    let pt = lang.starts_with("pt");
    let over_n = args.curve != Some(CurveOver::Effect);
    let points: Vec<(f64, f64)> = curve
        .iter()
        .map(|p| {
            let x = if over_n {
                p.n_per_arm_each[0]
            } else {
                p.difference
            };
            (x, p.power)
        })
        .collect();
    let title = match (result.method, pt) {
        (power::Method::Proportions, false) => "Power: comparison of two proportions",
        (power::Method::Proportions, true) => "Potência: comparação de duas proporções",
        (power::Method::Means, false) => "Power: comparison of two means",
        (power::Method::Means, true) => "Potência: comparação de duas médias",
    };
    let x_label = match (over_n, pt) {
        (true, false) => "People in the control arm",
        (true, true) => "Pessoas no braço de controlo",
        (false, false) => "Difference (treatment minus control)",
        (false, true) => "Diferença (tratamento menos controlo)",
    };
    let decimals = if over_n { 0 } else { 3 };
    let format_x = |x: f64| power::format_number(x, decimals, lang);
    crate::report::power_curve::svg(&crate::report::power_curve::Curve {
        title,
        x_label,
        y_label: if pt { "Potência" } else { "Power" },
        points: &points,
        format_x: &format_x,
    })
}

pub fn sample_size(args: &SampleSizeArgs) -> Result<power::SampleSize, StatsError> {
    let d = &args.design;
    let design = design(d)?;
    match (args.baseline, args.sd) {
        (Some(p1), None) => {
            let p2 = match (args.target, args.mde) {
                (Some(p2), None) => p2,
                (None, Some(mde)) => power::target_from_mde(p1, mde)?,
                _ => {
                    return Err(StatsError::Invalid(crate::i18n::msg(
                        "stats.baseline_needs",
                        &[],
                    )));
                }
            };
            power::sample_size_proportions(p1, p2, d.alpha, d.power, d.ratio, &design)
        }
        (None, Some(sd)) => {
            let delta = args.delta.ok_or_else(|| {
                StatsError::Invalid(crate::i18n::msg("stats.sd_needs_delta", &[]))
            })?;
            power::sample_size_means(sd, delta, d.alpha, d.power, d.ratio, &design)
        }
        _ => Err(StatsError::Invalid(crate::i18n::msg(
            "stats.sample_size_inputs",
            &[],
        ))),
    }
}

pub fn mde(args: &MdeArgs) -> Result<power::Mde, StatsError> {
    let d = &args.design;
    let design = design(d)?;
    match (args.baseline, args.sd) {
        (Some(p1), None) => {
            power::mde_proportions(args.per_arm, p1, d.alpha, d.power, d.ratio, &design)
        }
        (None, Some(sd)) => power::mde_means(args.per_arm, sd, d.alpha, d.power, d.ratio, &design),
        _ => Err(StatsError::Invalid(crate::i18n::msg(
            "stats.mde_inputs",
            &[],
        ))),
    }
}

pub fn duration(args: &DurationArgs) -> Result<power::Duration, StatsError> {
    match (args.per_day, args.per_week) {
        (Some(x), None) => power::trial_duration(args.total, x, Period::Day),
        (None, Some(x)) => power::trial_duration(args.total, x, Period::Week),
        _ => Err(StatsError::Invalid(crate::i18n::msg(
            "stats.duration_inputs",
            &[],
        ))),
    }
}
