//! The engine: runs a method (or a playbook) against a person through the `Prompter` seam,
//! one prompt at a time, saving after every answer and entry. It knows no screen: the terminal
//! (`crate::terminal`), the scripted test front end and any other front end sit on top.
//!
//! - `answers`: conditions, defaults, computed values and the checks every answer passes;
//! - `seam`: what is asked (`Ask`), what came back (`Reply`), the `Prompter` trait;
//! - `progress`: the question in progress, as saved in the session file;
//! - `interview`: the step-at-a-time interview of one method;
//! - `playbook`: several methods in a row, with breaks;
//! - `room`: what participants send from their own devices, moderation and the tally.

pub mod answers;
pub mod interview;
pub mod playbook;
pub mod progress;
pub mod room;
pub mod seam;

pub use answers::{
    check, check_entry, compute, context, default_for, display, fill, is_asked, items, yaml_to_json,
};
pub use interview::{Ended, Feedback, Interview, Options, drive};
pub use progress::{InProgress, VoteMode};
pub use seam::{Ask, Keys, PromptError, Prompter, Reply, ReviewLine, ScriptedPrompter};
