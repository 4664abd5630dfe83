//! `labkit calc`: sample size, minimum detectable effect and trial duration, as a readable
//! summary or JSON. The maths lives in `stats::power`; this module maps flags to it.

use serde::Serialize;

use super::Outcome;
use crate::cli::{CalcCommand, CalcFormat, DesignArgs, DurationArgs, MdeArgs, SampleSizeArgs};
use crate::error::Error;
use crate::output::Printer;
use crate::settings::Settings;
use crate::stats::error::StatsError;
use crate::stats::power::{self, Design, Period};

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

fn design(args: &DesignArgs) -> Result<Design, StatsError> {
    Design::new(args.cluster_size, args.icc, args.attrition)
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
