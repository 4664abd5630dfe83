//! What the user typed: clap types only. `settings` turns these into resolved settings and
//! `commands` acts on them.

use std::path::PathBuf;

use clap::builder::{PossibleValue, StringValueParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
Exit codes: 0 ok · 1 the command ran and found problems (e.g. validate) · 2 bad usage or bad input · 130 cancelled (session saved)

Examples:
  labkit list --stage ideation
  labkit show test-card --lang pt
  labkit validate methods/";

/// A whole number of 0 or more. Numeric flags accept a leading `-` (`--baseline -0.1`), so
/// that labkit's own range checks can say what is wrong rather than clap calling `-0.1` an
/// unknown flag; for whole numbers this says it instead of Rust's "invalid digit".
fn whole<T: std::str::FromStr>(value: &str) -> Result<T, String> {
    value
        .trim()
        .parse()
        .map_err(|_| crate::i18n::msg("cli.whole_number", &[("value", &value)]))
}

/// A text flag whose values are known: `--help`, the manual and every shell's completion list
/// them, yet the value reaches labkit as typed. labkit's own check then answers in the user's
/// language with a hint (`--stage ideas`: did you mean `ideation`?), and the other spellings it
/// reads (`--lang pt_PT`, `--status in-progress`) keep working; a clap value enum would do
/// neither.
#[derive(Clone)]
pub struct Known(Vec<&'static str>);

impl Known {
    pub fn languages() -> Known {
        Known(crate::lang::Lang::ALL.iter().map(|l| l.code()).collect())
    }

    pub fn stages() -> Known {
        Known(
            crate::method::raw::Stage::ALL
                .iter()
                .map(|s| s.as_str())
                .collect(),
        )
    }

    pub fn statuses() -> Known {
        Known(
            crate::session::Status::ALL
                .iter()
                .map(|s| s.as_str())
                .collect(),
        )
    }
}

impl TypedValueParser for Known {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.0.iter().map(|v| PossibleValue::new(*v))))
    }
}

#[derive(Debug, Parser)]
#[command(name = "labkit", version, about = "Innovation methods for public-sector labs: guided workshops and the documents they produce", after_help = AFTER_HELP)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args, Default)]
pub struct GlobalArgs {
    /// Language for method text and messages [env: LABKIT_LANG]
    #[arg(long, global = true, value_name = "LANG", value_parser = Known::languages())]
    pub lang: Option<String>,
    /// When to use colour (NO_COLOR is respected)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
    /// Print only data and errors
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Never ask questions; fail instead of waiting for input
    #[arg(long, global = true)]
    pub no_input: bool,
    /// Also load methods from this folder or file (repeatable; overrides built-ins and the workspace)
    #[arg(long, global = true, value_name = "DIR")]
    pub methods: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum DataFormat {
    #[default]
    Table,
    Json,
    Yaml,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CardFormat {
    #[default]
    Text,
    /// Markdown, for a printable catalogue
    Md,
    Json,
    Yaml,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the methods and playbooks labkit knows
    #[command(
        after_help = "Examples:\n  labkit list\n  labkit list --stage experiment --format json\n  labkit list --search vote"
    )]
    List(ListArgs),
    /// Show a method's card: purpose, timings, steps, questions, sources
    #[command(
        after_help = "Examples:\n  labkit show test-card\n  labkit show brainstorm --lang pt\n  labkit show problem-framing --format yaml"
    )]
    Show(ShowArgs),
    /// Check method and playbook files; exits 1 when any has problems
    #[command(
        after_help = "Examples:\n  labkit validate                 # the workspace and the built-ins\n  labkit validate methods/my-method.yaml\n  labkit validate methods/ --format json"
    )]
    Validate(ValidateArgs),
    /// Run a method as a guided session, saving every answer as it is given
    #[command(
        after_help = "Examples:\n  labkit run test-card\n  labkit run brainstorm --facilitator Ana --participants Rui,Eva\n  labkit run test-card --answers answers.yaml --no-input\n  labkit run test-card --set test_name=\"Letter test\" --defaults"
    )]
    Run(RunArgs),
    /// Continue a saved session at its first unanswered question
    #[command(after_help = "Example:\n  labkit resume sessions/2026-11-26-test-card.yaml")]
    Resume(ResumeArgs),
    /// Render a session as a document: Markdown, printable HTML or Word
    #[command(
        after_help = "Examples:\n  labkit report sessions/2026-11-26-test-card.yaml            # Markdown to stdout\n  labkit report sessions/2026-11-26-test-card.yaml -o plan.html\n  labkit report SESSION -o record.docx --template generic --force"
    )]
    Report(ReportArgs),
    /// The clock-time agenda of a method or playbook, as a table, Markdown or a calendar file
    #[command(
        after_help = "Examples:\n  labkit agenda experiment-plan --start 09:30\n  labkit agenda design-sprint --date 2027-03-01 --format ics > sprint.ics\n  labkit agenda brainstorm --start 14:00 --format md"
    )]
    Agenda(AgendaArgs),
    /// A facilitator's countdown: space pauses, + adds a minute, q or Enter ends
    #[command(
        after_help = "Examples:\n  labkit timer 10m \"Silent writing\"\n  labkit timer 1h30m"
    )]
    Timer(TimerArgs),
    /// Methods that fit the time and the group, best first, with what comes before and after
    #[command(
        after_help = "Examples:\n  labkit suggest --stage ideation --minutes 45 --people 12\n  labkit suggest --minutes 30"
    )]
    Suggest(SuggestArgs),
    /// Every session of the lab in one table (or CSV, JSON, an HTML dashboard)
    #[command(
        after_help = "Examples:\n  labkit portfolio\n  labkit portfolio sessions/ --status in_progress\n  labkit portfolio --stage experiment --since 2027-01-01 --format csv > portfolio.csv\n  labkit portfolio --format csv --excel > portfolio.csv\n  labkit portfolio --format html > dashboard.html"
    )]
    Portfolio(PortfolioArgs),
    /// Experiment design: sample size and power, minimum detectable effect, trial duration
    #[command(subcommand)]
    Calc(CalcCommand),
    /// Randomly assign the units of a CSV file to trial arms, reproducibly and balanced
    #[command(
        after_help = "Examples:\n  labkit assign people.csv --arms control,treatment --seed 42 -o assigned.csv --log audit.yaml\n  labkit assign schools.csv --ratio a=2,b=1,c=1 --stratify region --cluster school --log audit.yaml\n  labkit assign week1.csv --ratio sms=2,letter=1 --block-size 6 --stratify office -o trial.csv --log trial.yaml\n  labkit assign week2.csv --append trial.csv --log trial.yaml"
    )]
    Assign(AssignArgs),
    /// Read out a trial: outcome by arm, the effect with its interval, balance, and the verdict
    #[command(
        after_help = "Examples:\n  labkit analyse assigned.csv --outcome renewed --control control\n  labkit analyse assigned.csv --outcome renewed --id case --outcomes results.csv --plan sessions/trial.yaml -o readout.html\n  labkit analyse pupils.csv --outcome score --cluster school --covariates age,prior --format json"
    )]
    Analyse(AnalyseArgs),
    /// Create a lab workspace: labkit.yaml, methods/, templates/, sessions/ and a README
    #[command(
        after_help = "Examples:\n  labkit init\n  labkit init our-lab --lab \"LabX\" --lang pt --facilitator \"Ana Sousa\""
    )]
    Init(InitArgs),
    /// Show each setting, its value and where it came from
    #[command(after_help = "Examples:\n  labkit config\n  labkit config --format json")]
    Config(ConfigArgs),
    /// Start a new method file (commented, it validates and runs as it is) or a new language file
    #[command(subcommand)]
    New(NewCommand),
    /// Copy a built-in method (or its report template) into the workspace to customise it
    #[command(
        after_help = "Examples:\n  labkit eject test-card                 # methods/test-card.yaml\n  labkit eject test-card --template      # templates/test-card.md.hbs\n  labkit eject experiment-plan           # methods/playbooks/experiment-plan.yaml"
    )]
    Eject(EjectArgs),
    /// Method libraries from git: add one, update or fetch them, list them, remove one
    #[command(
        subcommand,
        after_help = "Examples:\n  labkit library add https://example.org/labx/methods.git --rev v1.4\n  labkit library list\n  labkit library fetch        # after cloning a workspace with a labkit.lock\n  labkit run labx/test-card   # a library's method, by its prefix"
    )]
    Library(LibraryCommand),
    /// Print shell completions (bash, zsh, fish, powershell, elvish)
    #[command(
        after_help = "Examples:\n  labkit completions bash > ~/.local/share/bash-completion/completions/labkit\n  labkit completions fish > ~/.config/fish/completions/labkit.fish\n  labkit completions zsh > \"${fpath[1]}/_labkit\""
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write one page per command into a folder
    #[command(
        after_help = "Examples:\n  labkit man > labkit.1 && man ./labkit.1\n  labkit man ~/.local/share/man/man1 && man labkit-run"
    )]
    Man(ManArgs),
    /// Method and playbook ids, one per line, for shell completion
    #[command(hide = true)]
    Ids,
    /// Print the JSON Schema of method files, for editors
    #[command(after_help = "Example:\n  labkit schema > method.schema.json")]
    Schema,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only methods of this stage
    #[arg(long, value_parser = Known::stages())]
    pub stage: Option<String>,
    /// Only methods with this tag
    #[arg(long)]
    pub tag: Option<String>,
    /// Only methods whose id, name, summary or tags contain this text
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Add a column of each method's credited sources
    #[arg(long)]
    pub long: bool,
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Method or playbook id
    #[arg(required_unless_present = "all")]
    pub id: Option<String>,
    /// Every method and playbook, one card after another (a catalogue to print)
    #[arg(long, conflicts_with = "id")]
    pub all: bool,
    #[arg(long, value_enum, default_value_t)]
    pub format: CardFormat,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// Files or folders to check (default: the workspace and the built-ins)
    pub paths: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t)]
    pub format: ReportFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ReportFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum CalcCommand {
    /// People needed per arm for a test of proportions or means (two-sided or one-sided)
    #[command(
        after_help = "Examples:\n  labkit calc sample-size --baseline 0.5 --target 0.75 --power 0.9\n  labkit calc sample-size --baseline 0.30 --mde 0.05 --cluster-size 20 --icc 0.05\n  labkit calc sample-size --sd 10 --delta 3 --attrition 0.1 --format json"
    )]
    SampleSize(SampleSizeArgs),
    /// The smallest effect a trial of a given size can detect
    #[command(
        after_help = "Examples:\n  labkit calc mde --per-arm 400 --baseline 0.3\n  labkit calc mde --per-arm 100 --sd 12"
    )]
    Mde(MdeArgs),
    /// How long recruitment takes for a total sample
    #[command(
        after_help = "Examples:\n  labkit calc duration --total 1200 --per-week 150\n  labkit calc duration --total 300 --per-day 12"
    )]
    Duration(DurationArgs),
    /// The power of a trial of a given size: the chance it detects the effect if it is real
    #[command(
        after_help = "Examples:\n  labkit calc power --baseline 0.3 --target 0.35 --per-arm 1000\n  labkit calc power --sd 10 --delta 3 --total 300 --ratio treatment=2,control=1\n  labkit calc power --baseline 0.3 --target 0.35 --per-arm 1000 --curve -o curve.svg"
    )]
    Power(PowerArgs),
}

/// `calc --alternative`: which difference the test looks for: either way (α split between the
/// two tails), treatment greater than control, or less (one-sided, all of α in one tail).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CalcAlternative {
    #[default]
    TwoSided,
    Greater,
    Less,
}

/// `calc power --curve`: what varies along the curve, from near zero up to twice the value given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CurveOver {
    N,
    Effect,
}

/// `calc --ratio`: a number (people in the treatment arm per person in the control arm) or the
/// arms named, `treatment=2,control=1` (the form `assign --ratio` reads too), in either order.
fn calc_ratio(value: &str) -> Result<f64, String> {
    let value = value.trim();
    if !value.contains('=') {
        return value
            .parse()
            .map_err(|_| crate::i18n::msg("cli.calc_ratio", &[("value", &value)]));
    }
    let (mut treatment, mut control) = (None, None);
    for part in value.split(',') {
        let bad = || crate::i18n::msg("cli.calc_ratio", &[("value", &value)]);
        let (name, weight) = part.split_once('=').ok_or_else(bad)?;
        let weight: f64 = weight.trim().parse().map_err(|_| bad())?;
        let slot = match name.trim().to_ascii_lowercase().as_str() {
            "treatment" | "tratamento" => &mut treatment,
            "control" | "controlo" => &mut control,
            _ => return Err(bad()),
        };
        if slot.replace(weight).is_some() {
            return Err(bad());
        }
    }
    match (treatment, control) {
        (Some(t), Some(c)) if c > 0.0 => Ok(t / c),
        (Some(_), Some(c)) => Ok(c),
        _ => Err(crate::i18n::msg("cli.calc_ratio", &[("value", &value)])),
    }
}

/// Settings shared by the power calculations.
#[derive(Debug, Args)]
pub struct DesignArgs {
    /// Significance level α (split between both tails when two-sided)
    #[arg(long, allow_negative_numbers = true, default_value_t = 0.05)]
    pub alpha: f64,
    /// Power: the chance of detecting the effect if it is real
    #[arg(long, allow_negative_numbers = true, default_value_t = 0.8)]
    pub power: f64,
    /// Allocation ratio: treatment per control (2), or named (treatment=2,control=1)
    #[arg(long, allow_negative_numbers = true, default_value = "1", value_parser = calc_ratio, value_name = "R")]
    pub ratio: f64,
    /// The difference the test looks for: either way, or treatment greater or less than control
    #[arg(long, value_enum, default_value_t)]
    pub alternative: CalcAlternative,
    /// People per cluster, for cluster randomisation (with --icc)
    #[arg(long, allow_negative_numbers = true, value_parser = whole::<u64>, value_name = "M")]
    pub cluster_size: Option<u64>,
    /// Intra-cluster correlation (with --cluster-size)
    #[arg(long, allow_negative_numbers = true, value_name = "R")]
    pub icc: Option<f64>,
    /// Expected drop-out, as a fraction (0.1 = 10%)
    #[arg(long, allow_negative_numbers = true, value_name = "F")]
    pub attrition: Option<f64>,
    /// Proportions: Fleiss's continuity correction (for a chi-square test with Yates's correction or Fisher's exact test)
    #[arg(long)]
    pub continuity: bool,
    /// Clusters of unequal size: the coefficient of variation of cluster size (with --cluster-size, the mean size)
    #[arg(long, allow_negative_numbers = true, value_name = "CV")]
    pub cluster_cv: Option<f64>,
    /// Arms in all, the control included; each comparison with the control gets α/(arms − 1) (Bonferroni)
    #[arg(long, allow_negative_numbers = true, value_parser = whole::<u32>, default_value_t = 2, value_name = "K")]
    pub arms: u32,
    #[arg(long, value_enum, default_value_t)]
    pub format: CalcFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum CalcFormat {
    #[default]
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct SampleSizeArgs {
    /// Proportions: the outcome rate without the change (0–1)
    #[arg(long, allow_negative_numbers = true, value_name = "P1", conflicts_with_all = ["sd", "delta"])]
    pub baseline: Option<f64>,
    /// Proportions: the outcome rate hoped for with the change (0–1)
    #[arg(
        long,
        allow_negative_numbers = true,
        value_name = "P2",
        conflicts_with = "mde"
    )]
    pub target: Option<f64>,
    /// Proportions: the difference to detect, in absolute terms (0.05 = 5 points)
    #[arg(long, allow_negative_numbers = true, value_name = "D")]
    pub mde: Option<f64>,
    /// Means: the outcome's standard deviation
    #[arg(long, allow_negative_numbers = true, value_name = "S")]
    pub sd: Option<f64>,
    /// Means: the difference in means to detect
    #[arg(long, allow_negative_numbers = true, value_name = "D")]
    pub delta: Option<f64>,
    #[command(flatten)]
    pub design: DesignArgs,
}

#[derive(Debug, Args)]
pub struct MdeArgs {
    /// People in the first arm
    #[arg(long, allow_negative_numbers = true, value_parser = whole::<u64>, value_name = "N")]
    pub per_arm: u64,
    /// Proportions: the outcome rate without the change (0–1)
    #[arg(
        long,
        allow_negative_numbers = true,
        value_name = "P1",
        conflicts_with = "sd"
    )]
    pub baseline: Option<f64>,
    /// Means: the outcome's standard deviation
    #[arg(long, allow_negative_numbers = true, value_name = "S")]
    pub sd: Option<f64>,
    #[command(flatten)]
    pub design: DesignArgs,
}

#[derive(Debug, Args)]
pub struct PowerArgs {
    /// People in the control arm (the treatment arm gets --ratio times as many)
    #[arg(long, allow_negative_numbers = true, value_parser = whole::<u64>, value_name = "N", conflicts_with = "total", required_unless_present = "total")]
    pub per_arm: Option<u64>,
    /// People in both arms together, split by --ratio
    #[arg(long, allow_negative_numbers = true, value_parser = whole::<u64>, value_name = "N")]
    pub total: Option<u64>,
    /// Proportions: the outcome rate without the change (0–1)
    #[arg(long, allow_negative_numbers = true, value_name = "P1", conflicts_with_all = ["sd", "delta"])]
    pub baseline: Option<f64>,
    /// Proportions: the outcome rate hoped for with the change (0–1)
    #[arg(long, allow_negative_numbers = true, value_name = "P2")]
    pub target: Option<f64>,
    /// Means: the outcome's standard deviation
    #[arg(long, allow_negative_numbers = true, value_name = "S")]
    pub sd: Option<f64>,
    /// Means: the difference in means (treatment minus control)
    #[arg(long, allow_negative_numbers = true, value_name = "D")]
    pub delta: Option<f64>,
    /// Significance level α (split between both tails when two-sided)
    #[arg(long, allow_negative_numbers = true, default_value_t = 0.05)]
    pub alpha: f64,
    /// Allocation ratio: treatment per control (2), or named (treatment=2,control=1)
    #[arg(long, allow_negative_numbers = true, default_value = "1", value_parser = calc_ratio, value_name = "R")]
    pub ratio: f64,
    /// The difference the test looks for: either way, or treatment greater or less than control
    #[arg(long, value_enum, default_value_t)]
    pub alternative: CalcAlternative,
    /// People per cluster, for cluster randomisation (with --icc)
    #[arg(long, allow_negative_numbers = true, value_parser = whole::<u64>, value_name = "M")]
    pub cluster_size: Option<u64>,
    /// Intra-cluster correlation (with --cluster-size)
    #[arg(long, allow_negative_numbers = true, value_name = "R")]
    pub icc: Option<f64>,
    /// Expected drop-out, as a fraction (0.1 = 10%)
    #[arg(long, allow_negative_numbers = true, value_name = "F")]
    pub attrition: Option<f64>,
    /// Proportions: Fleiss's continuity correction (for a chi-square test with Yates's correction or Fisher's exact test)
    #[arg(long)]
    pub continuity: bool,
    /// Clusters of unequal size: the coefficient of variation of cluster size (with --cluster-size, the mean size)
    #[arg(long, allow_negative_numbers = true, value_name = "CV")]
    pub cluster_cv: Option<f64>,
    /// Arms in all, the control included; each comparison with the control gets α/(arms − 1) (Bonferroni)
    #[arg(long, allow_negative_numbers = true, value_parser = whole::<u32>, default_value_t = 2, value_name = "K")]
    pub arms: u32,
    /// Also show power across a range of sample sizes (n, the default) or of effects
    #[arg(long, value_enum, num_args = 0..=1, default_missing_value = "n", value_name = "OVER")]
    pub curve: Option<CurveOver>,
    /// Points on the curve
    #[arg(long, value_parser = whole::<u64>, default_value_t = 20, value_name = "K", requires = "curve")]
    pub points: u64,
    /// Write the curve as an SVG chart to this file
    #[arg(short, long, value_name = "FILE", requires = "curve")]
    pub output: Option<PathBuf>,
    /// Replace an existing output file
    #[arg(long)]
    pub force: bool,
    #[arg(long, value_enum, default_value_t)]
    pub format: CalcFormat,
}

#[derive(Debug, Args)]
pub struct DurationArgs {
    /// Total people needed (all arms)
    #[arg(long, allow_negative_numbers = true, value_name = "N")]
    pub total: f64,
    /// Eligible people per day
    #[arg(
        allow_negative_numbers = true,
        long,
        value_name = "X",
        conflicts_with = "per_week",
        required_unless_present = "per_week"
    )]
    pub per_day: Option<f64>,
    /// Eligible people per week
    #[arg(long, allow_negative_numbers = true, value_name = "X")]
    pub per_week: Option<f64>,
    #[arg(long, value_enum, default_value_t)]
    pub format: CalcFormat,
}

#[derive(Debug, Args)]
pub struct AssignArgs {
    /// CSV file with a header row, one unit (or one member of a cluster) per row
    pub units: PathBuf,
    /// Arm names, comma-separated (may be left out when --ratio names them, or with --append)
    #[arg(long, value_delimiter = ',', required_unless_present_any = ["ratio", "append"])]
    pub arms: Vec<String>,
    /// Allocation ratio naming each arm, e.g. treatment=2,control=1 (equal parts may stay 1:1)
    #[arg(long, value_name = "ARM=W,..")]
    pub ratio: Option<String>,
    /// Permuted blocks of N units within each stratum, for rolling enrolment (a multiple of the ratio's sum)
    #[arg(long, value_name = "N", value_parser = whole::<u64>)]
    pub block_size: Option<u64>,
    /// Add the units to this earlier assignment (its output CSV), keeping its arms; needs --log
    #[arg(long, value_name = "ASSIGNED.csv", requires = "log")]
    pub append: Option<PathBuf>,
    /// Randomise within the strata of this column (repeatable)
    #[arg(long, value_name = "COL")]
    pub stratify: Vec<String>,
    /// Randomise whole clusters identified by this column
    #[arg(long, value_name = "COL")]
    pub cluster: Option<String>,
    /// Column of unit ids, checked for duplicates
    #[arg(long, value_name = "COL")]
    pub id: Option<String>,
    /// Field delimiter, `,` `;` `tab` or `|` (default: detected from the header and first rows)
    #[arg(long, value_enum, value_name = "DELIM")]
    pub delimiter: Option<Delimiter>,
    /// Seed for the random generator; without it one is drawn and printed
    #[arg(long, allow_negative_numbers = true, value_parser = whole::<u64>)]
    pub seed: Option<u64>,
    /// Write the assigned CSV here instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write an audit record (YAML): seed, arms, strata, counts, input and output hashes, version, time (with --append: the log to check and continue)
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,
    /// Replace existing output files
    #[arg(long)]
    pub force: bool,
}

/// `assign --delimiter`; the symbols are accepted as well as the words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Delimiter {
    #[value(alias = ",")]
    Comma,
    #[value(alias = ";")]
    Semicolon,
    #[value(alias = "\t")]
    Tab,
    #[value(alias = "|")]
    Pipe,
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Method id, or the path of a method file
    pub method: String,
    /// Answers to use (YAML or JSON; a session file works too)
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Give one answer on the command line (repeatable)
    #[arg(long = "set", value_name = "ID=VALUE")]
    pub set: Vec<String>,
    /// Take each question's default where no answer was given
    #[arg(long)]
    pub defaults: bool,
    /// Where to save the session (default: sessions/DATE-METHOD.yaml)
    #[arg(long, value_name = "FILE")]
    pub session: Option<PathBuf>,
    /// The lab running the session (default: `lab` in labkit.yaml)
    #[arg(long, value_name = "NAME")]
    pub lab: Option<String>,
    /// Who facilitates (default: `facilitator` in labkit.yaml; asked when not set)
    #[arg(long, value_name = "NAME")]
    pub facilitator: Option<String>,
    /// Participants, comma-separated
    #[arg(long, value_delimiter = ',')]
    pub participants: Vec<String>,
    /// Do not offer timebox countdowns
    #[arg(long)]
    pub no_timer: bool,
    /// Render a report at the end (format from the extension: .md, .html, .docx)
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Report template name or path (with --report)
    #[arg(long, value_name = "NAME|PATH", requires = "report")]
    pub template: Option<String>,
    /// Replace an existing report file (with --report)
    #[arg(long, requires = "report")]
    pub force: bool,
    #[command(flatten)]
    pub room: RoomArgs,
}

/// `run --room` and `resume --room`: the room participants answer from their own devices.
#[derive(Debug, Clone, Args)]
pub struct RoomArgs {
    /// Open the room: participants answer the method's room questions from their phones (a
    /// small web server; its address and a QR code are shown)
    #[arg(long)]
    pub room: bool,
    /// The address the room listens on (default: this computer's network address; 127.0.0.1
    /// for this computer only)
    #[arg(long, value_name = "IP", requires = "room")]
    pub room_bind: Option<std::net::IpAddr>,
    /// The room's port (default: 7878, or a free one when 7878 is taken; 0 picks a free one)
    #[arg(long, value_name = "N", requires = "room")]
    pub room_port: Option<u16>,
}

#[derive(Debug, Args)]
pub struct ResumeArgs {
    /// The session file
    pub session: PathBuf,
    /// Do not offer timebox countdowns
    #[arg(long)]
    pub no_timer: bool,
    /// Render a report at the end (format from the extension: .md, .html, .docx); replaces
    /// the report the session was started with
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Report template name or path (saved with the session)
    #[arg(long, value_name = "NAME|PATH")]
    pub template: Option<String>,
    /// Replace an existing report file
    #[arg(long)]
    pub force: bool,
    #[command(flatten)]
    pub room: RoomArgs,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The session file (finished, or in progress: then the report is marked as a draft)
    pub session: PathBuf,
    /// Write the report here (default: Markdown to stdout)
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// md, html or docx (default: from the output file's extension, else md)
    #[arg(long, value_enum)]
    pub format: Option<DocFormat>,
    /// A template name (workspace or built-in, e.g. `generic`) or a path to a .md.hbs file
    #[arg(long, value_name = "NAME|PATH")]
    pub template: Option<String>,
    /// Replace an existing output file
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocFormat {
    Md,
    Html,
    Docx,
}

#[derive(Debug, Args)]
pub struct AgendaArgs {
    /// Method or playbook id
    pub id: String,
    /// Start time, HH:MM
    #[arg(long, default_value = "09:30")]
    pub start: String,
    /// End of the working day, HH:MM (a longer workshop continues the next day)
    #[arg(long, default_value = "17:30")]
    pub day_end: String,
    /// First day, YYYY-MM-DD (default: today)
    #[arg(long)]
    pub date: Option<String>,
    /// table, md or ics (default: from the output file's extension, else a table)
    #[arg(long, value_enum)]
    pub format: Option<AgendaFormat>,
    /// Write the agenda here (`.ics` for a calendar file, `.md` for Markdown) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace an existing output file
    #[arg(long)]
    pub force: bool,
    /// Time zone of the calendar file (default: the `timezone` setting, else Europe/Lisbon)
    #[arg(long, value_name = "ZONE", value_parser = clap::builder::PossibleValuesParser::new(crate::calendar::ZONE_NAMES))]
    pub tz: Option<String>,
    /// Skip Saturdays and Sundays (the default)
    #[arg(long, overrides_with = "include_weekends")]
    pub skip_weekends: bool,
    /// Hold days on Saturdays and Sundays too
    #[arg(long, overrides_with = "skip_weekends")]
    pub include_weekends: bool,
    /// A day off, YYYY-MM-DD: no workshop day falls on it (repeatable)
    #[arg(long, value_name = "DATE")]
    pub holiday: Vec<String>,
    /// A file of days off, one YYYY-MM-DD a line (a name may follow; # starts a comment)
    #[arg(long, value_name = "FILE")]
    pub holidays: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum AgendaFormat {
    #[default]
    Table,
    Md,
    Ics,
}

#[derive(Debug, Args)]
pub struct TimerArgs {
    /// How long: 90s, 10m, 1h30m
    pub duration: String,
    /// What the time is for
    pub label: Option<String>,
}

#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// Only methods of this stage
    #[arg(long, value_parser = Known::stages())]
    pub stage: Option<String>,
    /// Minutes available
    #[arg(long, allow_negative_numbers = true, value_parser = whole::<u64>, value_name = "N")]
    pub minutes: Option<u64>,
    /// People in the group
    #[arg(long, allow_negative_numbers = true, value_parser = whole::<u32>, value_name = "N")]
    pub people: Option<u32>,
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
}

#[derive(Debug, Args)]
pub struct PortfolioArgs {
    /// Folder of session files (default: the workspace's sessions folder, else ./sessions)
    pub dir: Option<PathBuf>,
    /// Only sessions with this status
    #[arg(long, value_parser = Known::statuses())]
    pub status: Option<String>,
    /// Only sessions of methods of this stage
    #[arg(long, value_parser = Known::stages())]
    pub stage: Option<String>,
    /// Only sessions started on or after this date (YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    pub format: PortfolioFormat,
    /// With --format csv: for a spreadsheet in your language (UTF-8 BOM, CRLF, ';' in Portuguese)
    #[arg(long)]
    pub excel: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum PortfolioFormat {
    #[default]
    Table,
    Csv,
    Json,
    Html,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Folder for the workspace (default: the current folder)
    pub dir: Option<PathBuf>,
    /// The lab's name, shown on reports
    #[arg(long)]
    pub lab: Option<String>,
    /// Default language of the workspace
    #[arg(long = "default-lang", value_name = "LANG", value_parser = Known::languages())]
    pub default_lang: Option<String>,
    /// Default facilitator for new sessions
    #[arg(long)]
    pub facilitator: Option<String>,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[arg(long, value_enum, default_value_t)]
    pub format: ConfigFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ConfigFormat {
    #[default]
    Table,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// A new method file in the workspace's methods/ folder
    #[command(
        after_help = "Example:\n  labkit new method service-safari && labkit run service-safari"
    )]
    Method(NewMethodArgs),
    /// A new language for labkit's own words: i18n/<tag>.ftl, a copy of the English (or Portuguese) messages to translate
    #[command(
        after_help = "Examples:\n  labkit new language es && labkit validate --lang es\n  labkit new language pt-BR          # starts from the Portuguese messages"
    )]
    Language(NewLanguageArgs),
}

#[derive(Debug, Args)]
pub struct NewLanguageArgs {
    /// The language's tag: two or three letters, with an optional region (es, fr, es-MX, pt-BR)
    pub tag: String,
    /// The messages to start from: en, or pt (the default for a Portuguese variant such as pt-BR)
    #[arg(long, value_name = "LANG")]
    pub from: Option<String>,
}

#[derive(Debug, Args)]
pub struct NewMethodArgs {
    /// The method's id: lowercase letters, digits and dashes (also the file name)
    pub id: String,
}

#[derive(Debug, Args)]
pub struct EjectArgs {
    /// A built-in method or playbook id
    pub id: String,
    /// Copy its report template instead (templates/<id>.md.hbs)
    #[arg(long)]
    pub template: bool,
    /// Replace a file already in the workspace
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write labkit.1 and a page for each command (labkit-run.1, labkit-calc-mde.1, …) into this folder, replacing earlier ones
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct AnalyseArgs {
    /// The CSV of units with their arm (what `labkit assign` wrote, or any CSV with an arm column)
    pub data: PathBuf,
    /// The outcome column (0/1, true/false, yes/no: a proportion; numbers: a mean); with --plan, defaults to the plan's primary outcome
    #[arg(long, value_name = "COLUMN")]
    pub outcome: Option<String>,
    /// The column holding each unit's arm
    #[arg(long, value_name = "COLUMN", default_value = "arm")]
    pub arm_column: String,
    /// The control arm; the others are compared with it
    #[arg(long, value_name = "ARM")]
    pub control: Option<String>,
    /// The column of unit ids: repeats are listed, and --outcomes is joined on it
    #[arg(long, value_name = "COLUMN")]
    pub id: Option<String>,
    /// A second CSV with the outcome, joined to the data on the --id column
    #[arg(long, value_name = "FILE", requires = "id")]
    pub outcomes: Option<PathBuf>,
    /// Analyse at the level of this column's clusters (cluster means compared with Welch's test)
    #[arg(long, value_name = "COLUMN")]
    pub cluster: Option<String>,
    /// Baseline columns for the balance table (standardised mean differences)
    #[arg(long, value_name = "A,B", value_delimiter = ',')]
    pub covariates: Vec<String>,
    /// The trial-design session: primary outcome, minimum effect, alpha and decision rule
    #[arg(long, value_name = "SESSION")]
    pub plan: Option<PathBuf>,
    /// Significance level for the intervals and the verdict [default: the plan's, else 0.05]
    #[arg(long, allow_negative_numbers = true, value_name = "A")]
    pub alpha: Option<f64>,
    /// The test: two-sided, or one-sided for a rise (greater) or a fall (less) in the treatment arm [default: the plan's test_sides, else two-sided]
    #[arg(long, value_enum, value_name = "SIDES")]
    pub alternative: Option<CalcAlternative>,
    /// Output format on stdout
    #[arg(long, value_enum, default_value_t)]
    pub format: AnalyseFormat,
    /// Write the readout to a file: .md, .html or .docx
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace an existing output file
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum AnalyseFormat {
    #[default]
    Table,
    Json,
}

#[derive(Debug, Subcommand)]
pub enum LibraryCommand {
    /// Add a method library from a git repository and pin its commit in labkit.lock
    #[command(
        after_help = "Examples:\n  labkit library add https://example.org/labx/methods.git --rev v1.4\n  labkit library add ../shared-methods --name shared"
    )]
    Add(LibraryAddArgs),
    /// Fetch the newest commit of each library's rev and move its pin in labkit.lock
    #[command(after_help = "Examples:\n  labkit library update\n  labkit library update labx")]
    Update(LibraryUpdateArgs),
    /// Fetch the commits labkit.lock pins, without moving them (after cloning a workspace)
    Fetch,
    /// The libraries: name, source, pinned commit, methods and last update
    List(LibraryListArgs),
    /// Remove a library from the configuration and from labkit.lock
    Remove(LibraryRemoveArgs),
}

#[derive(Debug, Args)]
pub struct LibraryAddArgs {
    /// The repository: a URL, a file:// URL or a local path
    pub url: String,
    /// A tag, branch or commit [default: the repository's default branch]
    #[arg(long)]
    pub rev: Option<String>,
    /// The name that prefixes its methods (labx/test-card) [default: from the URL]
    #[arg(long)]
    pub name: Option<String>,
}

#[derive(Debug, Args)]
pub struct LibraryUpdateArgs {
    /// Only this library
    pub name: Option<String>,
}

#[derive(Debug, Args)]
pub struct LibraryListArgs {
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
}

#[derive(Debug, Args)]
pub struct LibraryRemoveArgs {
    /// The library's name (see `labkit library list`)
    pub name: String,
}
