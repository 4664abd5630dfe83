//! Turns a participant's posted form into a `RoomAction`, refusing at the door what the server
//! can already see is wrong: nothing open, the question closed or changed since the page was
//! loaded, text too long, a ballot of the wrong shape, a vote over the budget, an entry that is
//! not the device's own.
//!
//! This is a first filter, not the rule book: the engine checks every contribution again when it
//! applies it (budgets, limits per device) and its answer is the one that counts. Pure: fields
//! and the question in, an action or a [`Refusal`] out.

use crate::engine::room::one_line;
use serde_yaml::{Mapping, Value};

use crate::engine::room::{MAX_ENTRY_CHARS, MAX_NAME_CHARS, RoomAction, RoomKind, RoomQuestion};
use crate::i18n::{t, tf};
use crate::lang::Lang;

use super::RoomNow;

/// The fields of a posted form, in order (a multiselect repeats `choice`).
pub type Fields = [(String, String)];

/// Which form was posted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Add,
    Edit,
    Withdraw,
    Ballot,
}

/// Why the server would not pass a contribution on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    NothingOpen,
    Closed,
    /// The page was for another question (or another kind of form).
    Changed,
    Empty,
    TooLong(usize),
    NameTooLong,
    Shape,
    NotYours,
    Budget(u32),
    Rank,
    Choice,
    NothingChosen,
    Count(Option<usize>, Option<usize>),
}

impl Refusal {
    /// The message the participant sees.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            Refusal::NothingOpen => t(lang, "room.err.nothing_open").to_owned(),
            Refusal::Closed => t(lang, "room.err.closed").to_owned(),
            Refusal::Changed => t(lang, "room.err.changed").to_owned(),
            Refusal::Empty => t(lang, "room.err.empty").to_owned(),
            Refusal::TooLong(max) => tf(lang, "room.err.too_long", &[("max", max)]),
            Refusal::NameTooLong => tf(lang, "room.err.name_too_long", &[("max", &MAX_NAME_CHARS)]),
            Refusal::Shape => t(lang, "room.err.shape").to_owned(),
            Refusal::NotYours => t(lang, "room.err.not_yours").to_owned(),
            Refusal::Budget(n) => tf(lang, "room.err.budget", &[("n", n)]),
            Refusal::Rank => t(lang, "room.err.rank").to_owned(),
            Refusal::Choice => t(lang, "room.err.choice").to_owned(),
            Refusal::NothingChosen => t(lang, "room.err.nothing_chosen").to_owned(),
            Refusal::Count(min, max) => super::render::choose_legend(lang, *min, *max),
        }
    }

    /// The question is not (or no longer) the one the page was for: the page should be loaded
    /// again rather than the form corrected.
    pub fn is_stale(&self) -> bool {
        matches!(
            self,
            Refusal::NothingOpen | Refusal::Closed | Refusal::Changed
        )
    }
}

/// The first value of field `name`.
pub fn field<'f>(fields: &'f Fields, name: &str) -> Option<&'f str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// A pseudonym as kept: cleaned like any text, empty meaning none; refused when too long.
pub fn clean_name(raw: &str) -> Result<Option<String>, Refusal> {
    let name = one_line(raw);
    if name.chars().count() > MAX_NAME_CHARS {
        return Err(Refusal::NameTooLong);
    }
    Ok(Some(name).filter(|n| !n.is_empty()))
}

/// The action a form asks for, if the room's state and the question allow it.
pub fn action(
    form: Form,
    fields: &Fields,
    now: &RoomNow,
    device: &str,
) -> Result<RoomAction, Refusal> {
    let q = match now {
        RoomNow::Waiting => return Err(Refusal::NothingOpen),
        RoomNow::Closed(_) => return Err(Refusal::Closed),
        RoomNow::Open(q) if q.closed => return Err(Refusal::Closed),
        RoomNow::Open(q) => q,
    };
    if field(fields, "key") != Some(q.key.as_str()) {
        return Err(Refusal::Changed);
    }
    match (form, &q.kind) {
        (Form::Add, RoomKind::List { max_chars }) => Ok(RoomAction::Add(text(fields, *max_chars)?)),
        (Form::Edit, RoomKind::List { max_chars }) => {
            let id = own_entry(fields, q, device)?;
            Ok(RoomAction::Edit {
                id,
                text: text(fields, *max_chars)?,
            })
        }
        (Form::Withdraw, RoomKind::List { .. }) => Ok(RoomAction::Withdraw {
            id: own_entry(fields, q, device)?,
        }),
        (Form::Ballot, kind) if !matches!(kind, RoomKind::List { .. }) => {
            ballot(fields, kind).map(RoomAction::Ballot)
        }
        _ => Err(Refusal::Changed),
    }
}

fn text(fields: &Fields, max_chars: usize) -> Result<String, Refusal> {
    let text = one_line(field(fields, "text").unwrap_or_default());
    let max = max_chars.min(MAX_ENTRY_CHARS);
    if text.is_empty() {
        Err(Refusal::Empty)
    } else if text.chars().count() > max {
        Err(Refusal::TooLong(max))
    } else {
        Ok(text)
    }
}

/// The id of an entry this device wrote and has not withdrawn.
fn own_entry(fields: &Fields, q: &RoomQuestion, device: &str) -> Result<u64, Refusal> {
    let id: u64 = field(fields, "id")
        .and_then(|v| v.trim().parse().ok())
        .ok_or(Refusal::Shape)?;
    q.entries
        .iter()
        .any(|e| e.id == id && e.device == device && !e.withdrawn)
        .then_some(id)
        .ok_or(Refusal::NotYours)
}

fn ballot(fields: &Fields, kind: &RoomKind) -> Result<Value, Refusal> {
    match kind {
        RoomKind::Vote { items, dots } => {
            let mut total: u64 = 0;
            let mut map = Mapping::new();
            for (i, item) in items.iter().enumerate() {
                let raw = field(fields, &format!("d{i}")).unwrap_or_default().trim();
                let n: u32 = if raw.is_empty() {
                    0
                } else {
                    raw.parse().map_err(|_| Refusal::Shape)?
                };
                total += u64::from(n);
                if total > u64::from(*dots) {
                    return Err(Refusal::Budget(*dots));
                }
                if n > 0 {
                    let key = Value::String(item.clone());
                    let before = map.get(&key).and_then(Value::as_u64).unwrap_or(0);
                    map.insert(key, Value::from(before + u64::from(n)));
                }
            }
            Ok(Value::Mapping(map))
        }
        RoomKind::Score { items, criteria } => {
            let mut map = Mapping::new();
            for (i, item) in items.iter().enumerate() {
                let mut row = Mapping::new();
                for (c, crit) in criteria.iter().enumerate() {
                    let raw = field(fields, &format!("s{i}_{c}"))
                        .unwrap_or_default()
                        .trim();
                    if raw.is_empty() {
                        continue;
                    }
                    let n: i64 = raw.parse().map_err(|_| Refusal::Shape)?;
                    if n < crit.min || n > crit.max {
                        return Err(Refusal::Shape);
                    }
                    row.insert(Value::String(crit.id.clone()), Value::from(n));
                }
                if !row.is_empty() {
                    map.insert(Value::String(item.clone()), Value::Mapping(row));
                }
            }
            if map.is_empty() {
                return Err(Refusal::NothingChosen);
            }
            Ok(Value::Mapping(map))
        }
        RoomKind::Rank { items } => {
            let mut placed: Vec<Option<&String>> = vec![None; items.len()];
            for (i, item) in items.iter().enumerate() {
                let place: usize = field(fields, &format!("p{i}"))
                    .and_then(|v| v.trim().parse().ok())
                    .ok_or(Refusal::Rank)?;
                match placed.get_mut(place.wrapping_sub(1)) {
                    Some(slot @ None) => *slot = Some(item),
                    _ => return Err(Refusal::Rank),
                }
            }
            Ok(Value::Sequence(
                placed
                    .into_iter()
                    .flatten()
                    .map(|item| Value::String(item.clone()))
                    .collect(),
            ))
        }
        RoomKind::Select { choices } => {
            let value = field(fields, "choice").ok_or(Refusal::NothingChosen)?;
            choices
                .iter()
                .find(|c| c.value == value)
                .map(|c| Value::String(c.value.clone()))
                .ok_or(Refusal::Choice)
        }
        RoomKind::Multiselect { choices, min, max } => {
            let picked: Vec<&str> = fields
                .iter()
                .filter(|(k, _)| k == "choice")
                .map(|(_, v)| v.as_str())
                .collect();
            if picked
                .iter()
                .any(|p| !choices.iter().any(|c| c.value == *p))
            {
                return Err(Refusal::Choice);
            }
            let chosen: Vec<Value> = choices
                .iter()
                .filter(|c| picked.contains(&c.value.as_str()))
                .map(|c| Value::String(c.value.clone()))
                .collect();
            let n = chosen.len();
            if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                return Err(Refusal::Count(*min, *max));
            }
            Ok(Value::Sequence(chosen))
        }
        RoomKind::Text { max_chars } => text(fields, *max_chars).map(Value::String),
        RoomKind::List { .. } => Err(Refusal::Changed),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::room::tests::question;

    fn f(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    fn open(kind: RoomKind) -> RoomNow {
        RoomNow::Open(Arc::new(question(kind)))
    }

    #[test]
    fn text_becomes_one_clean_line() {
        assert_eq!(one_line("  a\nb\t\tc \u{1b}[31m "), "a b c [31m");
        assert_eq!(one_line("x\u{202e}y"), "x y");
        assert_eq!(one_line("\r\n"), "");
        assert_eq!(clean_name("  Ana  ").unwrap(), Some("Ana".into()));
        assert_eq!(clean_name(" \n ").unwrap(), None);
        assert_eq!(
            clean_name(&"x".repeat(MAX_NAME_CHARS + 1)),
            Err(Refusal::NameTooLong)
        );
    }

    #[test]
    fn nothing_open_closed_and_changed_are_refused() {
        let fields = f(&[("key", "q"), ("text", "hi")]);
        let list = RoomKind::List { max_chars: 500 };
        assert_eq!(
            action(Form::Add, &fields, &RoomNow::Waiting, "d"),
            Err(Refusal::NothingOpen)
        );
        let closed = RoomNow::Closed(Arc::new(question(list.clone())));
        assert_eq!(
            action(Form::Add, &fields, &closed, "d"),
            Err(Refusal::Closed)
        );
        let other = f(&[("key", "other"), ("text", "hi")]);
        assert_eq!(
            action(Form::Add, &other, &open(list.clone()), "d"),
            Err(Refusal::Changed)
        );
        assert_eq!(
            action(Form::Ballot, &fields, &open(list), "d"),
            Err(Refusal::Changed)
        );
        assert!(Refusal::Closed.is_stale());
        assert!(!Refusal::Empty.is_stale());
    }

    #[test]
    fn entries_are_checked_for_length_and_ownership() {
        let list = open(RoomKind::List { max_chars: 10 });
        assert_eq!(
            action(
                Form::Add,
                &f(&[("key", "q"), ("text", " idea ")]),
                &list,
                "d"
            ),
            Ok(RoomAction::Add("idea".into()))
        );
        assert_eq!(
            action(Form::Add, &f(&[("key", "q"), ("text", "  ")]), &list, "d"),
            Err(Refusal::Empty)
        );
        assert_eq!(
            action(
                Form::Add,
                &f(&[("key", "q"), ("text", "12345678901")]),
                &list,
                "d"
            ),
            Err(Refusal::TooLong(10))
        );
        // The fixture's entry 1 is device "mine"'s; 2 is someone else's.
        let edit = f(&[("key", "q"), ("id", "1"), ("text", "new")]);
        assert_eq!(
            action(Form::Edit, &edit, &list, "mine"),
            Ok(RoomAction::Edit {
                id: 1,
                text: "new".into()
            })
        );
        let theirs = f(&[("key", "q"), ("id", "2")]);
        assert_eq!(
            action(Form::Withdraw, &theirs, &list, "mine"),
            Err(Refusal::NotYours)
        );
        assert_eq!(
            action(
                Form::Withdraw,
                &f(&[("key", "q"), ("id", "x")]),
                &list,
                "mine"
            ),
            Err(Refusal::Shape)
        );
    }

    #[test]
    fn a_vote_is_the_whole_ballot_within_the_budget() {
        let vote = open(RoomKind::Vote {
            items: vec!["a".into(), "b".into(), "c".into()],
            dots: 3,
        });
        let ok = action(
            Form::Ballot,
            &f(&[("key", "q"), ("d0", "2"), ("d1", ""), ("d2", "1")]),
            &vote,
            "d",
        )
        .unwrap();
        let expected: Value = serde_yaml::from_str("{a: 2, c: 1}").unwrap();
        assert_eq!(ok, RoomAction::Ballot(expected));
        assert_eq!(
            action(
                Form::Ballot,
                &f(&[("key", "q"), ("d0", "3"), ("d1", "1")]),
                &vote,
                "d"
            ),
            Err(Refusal::Budget(3))
        );
        assert_eq!(
            action(Form::Ballot, &f(&[("key", "q"), ("d0", "-1")]), &vote, "d"),
            Err(Refusal::Shape)
        );
    }

    #[test]
    fn scores_ranks_and_choices_take_their_shapes() {
        let score = open(RoomKind::Score {
            items: vec!["a".into(), "b".into()],
            criteria: crate::room::tests::criteria(),
        });
        let got = action(
            Form::Ballot,
            &f(&[("key", "q"), ("s0_0", "4"), ("s0_1", ""), ("s1_1", "1")]),
            &score,
            "d",
        )
        .unwrap();
        let expected: Value = serde_yaml::from_str("{a: {impact: 4}, b: {effort: 1}}").unwrap();
        assert_eq!(got, RoomAction::Ballot(expected));
        assert_eq!(
            action(
                Form::Ballot,
                &f(&[("key", "q"), ("s0_0", "9")]),
                &score,
                "d"
            ),
            Err(Refusal::Shape)
        );

        let rank = open(RoomKind::Rank {
            items: vec!["a".into(), "b".into(), "c".into()],
        });
        let got = action(
            Form::Ballot,
            &f(&[("key", "q"), ("p0", "3"), ("p1", "1"), ("p2", "2")]),
            &rank,
            "d",
        )
        .unwrap();
        let expected: Value = serde_yaml::from_str("[b, c, a]").unwrap();
        assert_eq!(got, RoomAction::Ballot(expected));
        for bad in [
            [("p0", "1"), ("p1", "1"), ("p2", "2")],
            [("p0", "0"), ("p1", "1"), ("p2", "2")],
            [("p0", "4"), ("p1", "1"), ("p2", "2")],
        ] {
            let mut fields = f(&bad);
            fields.push(("key".into(), "q".into()));
            assert_eq!(
                action(Form::Ballot, &fields, &rank, "d"),
                Err(Refusal::Rank)
            );
        }

        let choices = crate::room::tests::choices();
        let select = open(RoomKind::Select {
            choices: choices.clone(),
        });
        assert_eq!(
            action(
                Form::Ballot,
                &f(&[("key", "q"), ("choice", "y")]),
                &select,
                "d"
            ),
            Ok(RoomAction::Ballot(Value::String("y".into())))
        );
        assert_eq!(
            action(
                Form::Ballot,
                &f(&[("key", "q"), ("choice", "zz")]),
                &select,
                "d"
            ),
            Err(Refusal::Choice)
        );
        assert_eq!(
            action(Form::Ballot, &f(&[("key", "q")]), &select, "d"),
            Err(Refusal::NothingChosen)
        );

        let multi = open(RoomKind::Multiselect {
            choices,
            min: Some(1),
            max: Some(2),
        });
        let got = action(
            Form::Ballot,
            &f(&[("key", "q"), ("choice", "z"), ("choice", "x")]),
            &multi,
            "d",
        )
        .unwrap();
        let expected: Value = serde_yaml::from_str("[x, z]").unwrap();
        assert_eq!(got, RoomAction::Ballot(expected));
        assert_eq!(
            action(Form::Ballot, &f(&[("key", "q")]), &multi, "d"),
            Err(Refusal::Count(Some(1), Some(2)))
        );

        let text = open(RoomKind::Text { max_chars: 5 });
        assert_eq!(
            action(
                Form::Ballot,
                &f(&[("key", "q"), ("text", "yes")]),
                &text,
                "d"
            ),
            Ok(RoomAction::Ballot(Value::String("yes".into())))
        );
        assert_eq!(
            action(
                Form::Ballot,
                &f(&[("key", "q"), ("text", "too long")]),
                &text,
                "d"
            ),
            Err(Refusal::TooLong(5))
        );
    }
}
