//! `labkit timer DURATION [LABEL]`: the facilitator's countdown on its own (the same component
//! `run` offers for each timebox).

use super::Outcome;
use crate::cli::TimerArgs;
use crate::error::Error;
use crate::i18n::{t, tf};
use crate::method::Duration;
use crate::output::Printer;
use crate::settings::Settings;
use crate::timer::{Ending, clock_face, run_countdown};

pub fn run(args: &TimerArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let duration: Duration = args
        .duration
        .parse()
        .map_err(|e: crate::method::duration::ParseDurationError| Error::Usage(e.to_string()))?;
    if duration.secs() == 0 {
        return Err(Error::Usage(t(settings.lang, "timer.zero").into()));
    }
    if !settings.interactive {
        return Err(Error::Usage(t(settings.lang, "timer.no_terminal").into()));
    }
    let label = args.label.clone().unwrap_or_default();
    let ending = run_countdown(
        std::time::Duration::from_secs(duration.secs()),
        &label,
        settings.color,
        settings.lang,
    )
    .map_err(|e| Error::Input(e.to_string()))?;
    match ending {
        Ending::Early(ran) => printer.note(&tf(
            settings.lang,
            "timer.stopped",
            &[("time", &clock_face(ran))],
        )),
        Ending::Elapsed(ran) => printer.note(&tf(
            settings.lang,
            "timer.elapsed",
            &[("time", &clock_face(ran))],
        )),
    }
    Ok(0)
}
