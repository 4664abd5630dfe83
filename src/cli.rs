//! What the user typed: clap types only. `settings` turns these into resolved settings and
//! `commands` acts on them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const AFTER_HELP: &str = "\
Exit codes: 0 ok · 1 the command ran and found problems (e.g. validate) · 2 bad usage or bad input · 130 cancelled (session saved)

Examples:
  labkit list --stage ideation
  labkit show test-card --lang pt
  labkit validate methods/";

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
    /// Language for method text and messages: en or pt [env: LABKIT_LANG]
    #[arg(long, global = true, value_name = "LANG")]
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
    /// Print the JSON Schema of method files, for editors
    #[command(after_help = "Example:\n  labkit schema > method.schema.json")]
    Schema,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only methods of this stage (setup, framing, research, ideation, experiment, learning)
    #[arg(long)]
    pub stage: Option<String>,
    /// Only methods with this tag
    #[arg(long)]
    pub tag: Option<String>,
    /// Only methods whose id, name, summary or tags contain this text
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    pub format: DataFormat,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Method or playbook id
    pub id: String,
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
