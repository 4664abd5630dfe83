//! The seam between the engine and a person: what the engine asks next (`Ask`), what the
//! person did (`Reply`), and the `Prompter` trait a front end implements to show one and return
//! the other. The terminal, the scripted test front end and any later one (participants'
//! browsers) implement `Prompter`; the engine never imports any of them.
//!
//! Every `Ask` says which keys work there (`Keys`), so a front end shows only hints it honours.

use serde_yaml::{Mapping, Value};

use crate::method::{Criterion, Duration, Method, Question, Step};

/// What the engine wants shown or asked next.
#[derive(Debug)]
pub enum Ask<'a> {
    /// A step begins: its title, guidance and timebox. `offer_timer` is false when the
    /// countdown was already offered (a resumed session) or timers are off. Reply `Done`, or
    /// `Back`, `Stop`.
    Step {
        method: &'a Method,
        step: &'a Step,
        number: usize,
        total: usize,
        offer_timer: bool,
    },
    /// A playbook's break. Reply `Done`.
    Break {
        title: String,
        duration: Duration,
        offer_timer: bool,
    },
    /// A playbook block begins: how to run it inside the playbook (its `guide`, already in the
    /// session's language) and, for a block run in tables, how many. Reply `Done`, or `Stop`.
    Block {
        title: String,
        guide: Option<String>,
        tables: Option<String>,
    },
    /// A computed value, shown to the group and stored. Reply `Done`.
    Show {
        question: &'a Question,
        value: Value,
    },
    /// One answer: text, number, date, scale, confirm, select or multiselect. Reply `Answer`.
    Question {
        question: &'a Question,
        /// The earlier answer or the default.
        current: Option<Value>,
        keys: Keys,
    },
    /// The next entry of a list (or line of a long text). Reply `Answer` (an entry; several
    /// lines or a sequence add several), `Done`, or `Edit`, `Delete`, `Move` on the entries.
    Entry {
        question: &'a Question,
        entries: Vec<String>,
        /// The entry being changed (its text is the pre-filled answer).
        editing: Option<usize>,
        /// First prompt since the question opened: show the entries kept so far.
        fresh: bool,
        keys: Keys,
    },
    /// One field of a records row. Reply `Answer` for the field; on the first field of a new
    /// row `Done` ends the rows, and `Edit`, `Delete`, `Move` work on the rows.
    Field {
        question: &'a Question,
        /// The rows kept so far, as labels (`first field — second field …`).
        rows: Vec<String>,
        field: &'a Question,
        /// The field's value in the row being edited, or typed before going back.
        current: Option<Value>,
        /// 1-based number of the row being filled in.
        row_number: usize,
        /// The fields of that row given so far, as a label (empty at its first field).
        row_so_far: String,
        editing: bool,
        fresh: bool,
        keys: Keys,
    },
    /// How a vote's dots are counted. Reply `Answer("totals")` or `Answer("turns")`.
    VoteMode {
        question: &'a Question,
        items: Vec<String>,
        counts: Vec<u64>,
        dots: u32,
        keys: Keys,
    },
    /// How many people vote in turn. Reply `Answer(n)`.
    Voters {
        question: &'a Question,
        default: u64,
        keys: Keys,
    },
    /// One item's total dots. Reply `Answer(n)`.
    Count {
        question: &'a Question,
        items: Vec<String>,
        counts: Vec<u64>,
        index: usize,
        keys: Keys,
    },
    /// One dot of one voter. Reply `Answer(item index)`, `Done` to end the vote early, `Back`
    /// takes the last dot back.
    Dot {
        question: &'a Question,
        items: Vec<String>,
        counts: Vec<u64>,
        voter: u64,
        voters: u64,
        dot: u32,
        dots: u32,
        keys: Keys,
    },
    /// One item's score on one criterion. Reply `Answer(n)`.
    Score {
        question: &'a Question,
        item: String,
        criterion: &'a Criterion,
        current: Option<i64>,
        /// 0-based position among all the cells, and how many there are.
        index: usize,
        cells: usize,
        /// The scores kept so far, one line per item (`SMS: Impact 4, Effort 2`), to show when
        /// the question opens.
        kept: Vec<String>,
        /// First prompt since the question opened (or the session resumed in it).
        fresh: bool,
        keys: Keys,
    },
    /// The next item of a ranking. Reply `Answer(index into remaining)`; `Back` takes the last
    /// pick back.
    Pick {
        question: &'a Question,
        picked: Vec<String>,
        remaining: Vec<String>,
        /// Where the cursor starts: the item that held this place before.
        suggested: usize,
        /// The earlier ranking, to show when the question opens.
        before: Vec<String>,
        /// First prompt since the question opened (or the session resumed in it).
        fresh: bool,
        keys: Keys,
    },
    /// The answers of a step (or all of them, `last`). Reply `Done` to go on, `Edit(i)` to
    /// change the i-th, `Back` to return to the step's last question.
    Review {
        lines: Vec<ReviewLine>,
        last: bool,
        keys: Keys,
    },
    /// A question open to the room: participants answer from their own devices while the
    /// facilitator watches. The front end replies `Room(contribution)` for each one that
    /// arrives (and tells its sender whether it was taken), `Answer(text)` for an entry of the
    /// facilitator's own (lists), `Hide(id)`, `Unhide(id)`, `Merge { from, into }` to moderate,
    /// `Done` to close the question, `Back` or `Stop`.
    Room {
        question: &'a Question,
        room: std::sync::Arc<super::room::RoomQuestion>,
        keys: Keys,
    },
    /// A question of labkit's own (facilitator, participants). Reply `Answer(text)`.
    Text { prompt: String, initial: String },
    /// The interview is over.
    End(super::Ended),
}

/// One answer on a review screen.
#[derive(Debug, Clone, PartialEq)]
pub struct ReviewLine {
    pub id: String,
    pub prompt: String,
    pub answer: String,
}

/// Which keys work at this prompt, beyond answering.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Keys {
    /// `<` goes back.
    pub back: bool,
    /// `-` skips (the question is optional and nothing was entered yet).
    pub skip: bool,
    /// An empty entry ends the list or the rows.
    pub done: bool,
    /// Entries can be edited, deleted and moved.
    pub edit: bool,
}

/// What the person did.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Answer(Value),
    /// No more entries (an empty line); go on past a step, a shown value or a review.
    Done,
    Back,
    Skip,
    /// Change entry, row or review line `i` (0-based).
    Edit(usize),
    Delete(usize),
    Move {
        from: usize,
        to: usize,
    },
    /// Ctrl-C or a closed terminal: everything is saved, the session stays in progress.
    Stop,
    /// What participants sent from the room since the last reply (`Ask::Room`), in the order
    /// it arrived: applied in that order and saved once (a group commit, so a burst from
    /// forty phones costs one save, not forty). The engine answers `Feedback::Room`.
    Room(Vec<super::room::Contribution>),
    /// The facilitator hides a room entry (by its id), or shows it again.
    Hide(u64),
    Unhide(u64),
    /// The facilitator merges room entry `from` into `into` (duplicates).
    Merge {
        from: u64,
        into: u64,
    },
}

#[derive(Debug)]
pub enum PromptError {
    /// Ctrl-C or Esc: stop, the session is saved as in progress.
    Cancelled,
    Io(String),
}

/// A front end: shows an `Ask` and returns what the person did.
pub trait Prompter {
    fn ask(&mut self, ask: &Ask) -> Result<Reply, PromptError>;
    /// The last reply was not accepted; the same thing is asked again next.
    fn invalid(&mut self, message: &str);
    /// What became of each contribution of the last `Reply::Room`, in order: taken, or the
    /// reason it was refused. (A front end with no room shows the refusals.)
    fn room_results(&mut self, results: &[Result<(), String>]) {
        for message in results.iter().filter_map(|r| r.as_ref().err()) {
            self.invalid(message);
        }
    }
}

/// Replies from a list, in order, for tests. Runs out → `Stop`.
#[derive(Default)]
pub struct ScriptedPrompter {
    pub replies: std::collections::VecDeque<Reply>,
    /// Messages of refused replies.
    pub rejected: Vec<String>,
    /// What was asked, one short tag each (`step:basics`, `entry:ideas`, `review`…).
    pub asked: Vec<String>,
}

impl ScriptedPrompter {
    pub fn new(replies: impl IntoIterator<Item = Reply>) -> ScriptedPrompter {
        ScriptedPrompter {
            replies: replies.into_iter().collect(),
            ..Default::default()
        }
    }
}

/// A short tag for what is asked (tests and logs).
pub fn tag(ask: &Ask) -> String {
    match ask {
        Ask::Step { step, .. } => format!("step:{}", step.id),
        Ask::Break { .. } => "break".into(),
        Ask::Block { .. } => "block".into(),
        Ask::Show { question, .. } => format!("show:{}", question.id),
        Ask::Question { question, .. } => format!("question:{}", question.id),
        Ask::Entry { question, .. } => format!("entry:{}", question.id),
        Ask::Field { field, .. } => format!("field:{}", field.id),
        Ask::VoteMode { question, .. } => format!("vote-mode:{}", question.id),
        Ask::Voters { question, .. } => format!("voters:{}", question.id),
        Ask::Count { question, .. } => format!("count:{}", question.id),
        Ask::Dot { question, .. } => format!("dot:{}", question.id),
        Ask::Score { question, .. } => format!("score:{}", question.id),
        Ask::Pick { question, .. } => format!("pick:{}", question.id),
        Ask::Review { last, .. } => if *last { "final-review" } else { "review" }.into(),
        Ask::Room { question, .. } => format!("room:{}", question.id),
        Ask::Text { .. } => "text".into(),
        Ask::End(e) => format!("end:{e:?}"),
    }
}

impl Prompter for ScriptedPrompter {
    fn ask(&mut self, ask: &Ask) -> Result<Reply, PromptError> {
        self.asked.push(tag(ask));
        match ask {
            // Steps, shown values and breaks need no reply of their own in scripts.
            Ask::Step { .. } | Ask::Show { .. } | Ask::Break { .. } | Ask::Block { .. } => {
                Ok(Reply::Done)
            }
            Ask::Review { .. } if !matches!(self.replies.front(), Some(Reply::Edit(_))) => {
                Ok(Reply::Done)
            }
            Ask::Text { initial, .. } => Ok(Reply::Answer(Value::String(initial.clone()))),
            _ => Ok(self.replies.pop_front().unwrap_or(Reply::Stop)),
        }
    }

    fn invalid(&mut self, message: &str) {
        self.rejected.push(message.to_owned());
    }
}

/// A records row as one label: its field values joined, for lists of rows.
pub fn row_label(row: &Mapping) -> String {
    row.values()
        .filter_map(|v| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(" — ")
}
