//! A playbook interview: each method in turn, as its own `Interview` over its part of the
//! session, with the playbook's breaks between them. `<` at a method's first question goes
//! back into the previous method. Breaks already offered are not offered again on resume.

use super::interview::{Ended, Interview, Options, drive};
use super::seam::{Ask, PromptError, Prompter, Reply};
use crate::clock::Clock;
use crate::error::Error;
use crate::library::Library;
use crate::method::{Block, Playbook};
use crate::session::Session;

pub struct PlaybookRun<'a> {
    pub playbook: &'a Playbook,
    pub library: &'a Library,
    pub clock: &'a dyn Clock,
    pub opts: Options,
}

/// Runs the playbook's methods in order until the end or a stop.
pub fn drive_playbook(
    run: &PlaybookRun,
    session: &mut Session,
    prompter: &mut dyn Prompter,
    save: &dyn Fn(&Session) -> Result<(), Error>,
) -> Result<Ended, Error> {
    let lang = run.opts.lang;
    let blocks = crate::playbook::blocks(run.playbook, run.library);
    let first_method = blocks.iter().position(|(_, m)| m.is_some());
    // A session stopped inside a method goes straight back to it.
    let mut position = session
        .in_progress
        .as_ref()
        .and_then(|p| p.method.as_deref())
        .and_then(|id| {
            blocks
                .iter()
                .position(|(_, m)| m.as_ref().is_some_and(|m| m.id == id))
        })
        .filter(|&p| {
            blocks[p]
                .1
                .as_ref()
                .is_some_and(|m| !session.done.contains(&m.id))
        })
        .unwrap_or(0);
    let mut coming_back = false;
    while position < blocks.len() {
        let (block, method) = &blocks[position];
        let Some(method) = method else {
            if let Block::Break { duration, title } = block {
                let key = format!("break-{position}");
                // A break before a method that is already done (answered from a file) has passed.
                let next_done = blocks[position..]
                    .iter()
                    .find_map(|(_, m)| m.as_ref())
                    .is_none_or(|m| session.done.contains(&m.id));
                if !coming_back && !next_done && !session.offered.contains(&key) {
                    let title = title
                        .as_ref()
                        .map_or(crate::i18n::t(lang, "show.break"), |t| t.get(lang));
                    let ask = Ask::Break {
                        title: title.to_owned(),
                        duration: *duration,
                        offer_timer: run.opts.timers,
                    };
                    match prompter.ask(&ask) {
                        Ok(Reply::Stop) | Err(PromptError::Cancelled) => {
                            save(session)?;
                            return Ok(Ended::Cancelled);
                        }
                        Err(PromptError::Io(e)) => {
                            save(session)?;
                            return Err(Error::Input(format!("terminal: {e}")));
                        }
                        Ok(_) => {
                            session.offered.push(key);
                            save(session)?;
                        }
                    }
                }
            }
            position = if coming_back {
                position.saturating_sub(1)
            } else {
                position + 1
            };
            continue;
        };
        if session.done.contains(&method.id) && !coming_back {
            position += 1;
            continue;
        }
        let key = format!("guide-{position}");
        if !coming_back
            && !session.offered.contains(&key)
            && let Some(ask) = block_ask(block, method, run.playbook, lang)
        {
            match prompter.ask(&ask) {
                Ok(Reply::Stop) | Err(PromptError::Cancelled) => {
                    save(session)?;
                    return Ok(Ended::Cancelled);
                }
                Err(PromptError::Io(e)) => {
                    save(session)?;
                    return Err(Error::Input(format!("terminal: {e}")));
                }
                Ok(_) => session.offered.push(key),
            }
        }
        session.done.retain(|d| d != &method.id);
        let prepared = crate::playbook::prepare(method, block, session, run.library);
        let mut part = session.part(method);
        let opts = Options {
            start_at_end: coming_back,
            back_out: first_method != Some(position),
            ..run.opts.clone()
        };
        let parent = std::cell::RefCell::new(session.clone());
        let mut store = |p: &Session| {
            let mut whole = parent.borrow_mut();
            whole.merge_part(p);
            save(&whole)
        };
        let ended = {
            let mut interview = Interview::new(&prepared, &mut part, &mut store, run.clock, opts);
            drive(&mut interview, prompter)?
        };
        session.merge_part(&part);
        match ended {
            Ended::Finished => {
                session.done.push(method.id.clone());
                save(session)?;
                coming_back = false;
                position += 1;
            }
            Ended::BackedOut => {
                save(session)?;
                coming_back = true;
                position = position.saturating_sub(1);
            }
            Ended::Cancelled => {
                save(session)?;
                return Ok(Ended::Cancelled);
            }
        }
    }
    Ok(Ended::Finished)
}

/// What to show as a block begins: its guide and, for a block run in tables, how many tables
/// the playbook's largest group needs. `None` when the block says nothing of how to run it.
fn block_ask(
    block: &Block,
    method: &crate::method::Method,
    playbook: &Playbook,
    lang: crate::lang::Lang,
) -> Option<Ask<'static>> {
    let Block::Method {
        title,
        guide,
        tables,
        table_size,
        ..
    } = block
    else {
        return None;
    };
    let tables_line = tables
        .then(|| {
            let people = playbook.group?.max?;
            let size = table_size.or(method.group)?;
            let n = crate::method::validate::tables_needed(people, size)?;
            Some(crate::i18n::tf(
                lang,
                "run.block_tables",
                &[
                    ("tables", &n),
                    ("max", &size.max.unwrap_or(people)),
                    ("people", &people),
                ],
            ))
        })
        .flatten();
    if guide.is_none() && tables_line.is_none() {
        return None;
    }
    let title = title
        .as_ref()
        .map_or_else(|| method.name.get(lang), |t| t.get(lang))
        .to_owned();
    Some(Ask::Block {
        title,
        guide: guide.as_ref().map(|g| g.get(lang).to_owned()),
        tables: tables_line,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use crate::engine::ScriptedPrompter;
    use crate::lang::Lang;
    use crate::library::Origin;
    use crate::method::{Document, parse};
    use crate::session::MethodRef;
    use serde_yaml::Value;

    fn doc(text: &str, id: &str) -> Document {
        parse(text.as_bytes(), id, Some(id)).unwrap()
    }

    fn setup() -> (Playbook, Library) {
        let mut library = Library::default();
        for id in ["first", "second"] {
            let text = format!(
                "schema: 1\nid: {id}\nname: M {id}\nsummary: S.\nstage: ideation\nduration: 10m\nsteps:\n  - id: only\n    title: Only\n    timebox: 5m\n    questions:\n      - {{ id: q_{id}, type: list, prompt: Q }}\n"
            );
            library.add(doc(&text, id), Origin::Workspace, id.into(), None);
        }
        let text = "schema: 1\nkind: playbook\nid: day\nname: Day\nsummary: S.\nstage: ideation\nmethods:\n  - method: first\n  - break: 45m\n  - method: second\n    items:\n      q_second: first.q_first\n";
        let Document::Playbook(p) = doc(text, "day") else {
            panic!("a playbook")
        };
        (p, library)
    }

    fn opts() -> Options {
        Options {
            lang: Lang::En,
            today: "2026-11-26".into(),
            timers: true,
            start_at_end: false,
            back_out: false,
            room: false,
        }
    }

    #[test]
    fn a_stopped_playbook_resumes_inside_its_method_without_offering_the_break_again() {
        let (playbook, library) = setup();
        let method = MethodRef {
            id: "day".into(),
            version: 1,
            hash: playbook.content_hash.clone(),
            playbook: true,
            source: None,
        };
        let mut session = Session::new(method, "en", "");
        let clock = FixedClock::at(0);
        let run = PlaybookRun {
            playbook: &playbook,
            library: &library,
            clock: &clock,
            opts: opts(),
        };
        let text = |s: &str| Reply::Answer(Value::String(s.into()));
        let saves = std::cell::Cell::new(0);
        let save = |_: &Session| {
            saves.set(saves.get() + 1);
            Ok(())
        };
        // First method: two entries, done; past the break; one carried entry kept, one added,
        // then a stop.
        let mut p = ScriptedPrompter::new([text("a"), text("b"), Reply::Done, text("c")]);
        let ended = drive_playbook(&run, &mut session, &mut p, &save).unwrap();
        assert_eq!(ended, Ended::Cancelled);
        assert_eq!(p.asked.iter().filter(|a| *a == "break").count(), 1);
        let progress = session.in_progress.clone().unwrap();
        assert_eq!(progress.method.as_deref(), Some("second"));
        assert_eq!(
            progress.value,
            serde_yaml::from_str::<Value>("[a, b, c]").unwrap(),
            "the carried entries and the new one"
        );
        assert!(saves.get() >= 5, "saved {} times", saves.get());
        // Resume: straight back into the second method's list; no break, no countdown offers.
        let mut p = ScriptedPrompter::new([Reply::Done]);
        let ended = drive_playbook(&run, &mut session, &mut p, &save).unwrap();
        assert_eq!(ended, Ended::Finished);
        assert!(!p.asked.contains(&"break".to_owned()), "{:?}", p.asked);
        assert_eq!(
            session.answers["second"]["q_second"],
            serde_yaml::from_str::<Value>("[a, b, c]").unwrap()
        );
        assert_eq!(
            session.offered,
            vec!["first/only", "break-1", "second/only"]
        );
    }

    #[test]
    fn a_blocks_guide_is_shown_once_as_the_block_begins() {
        let (_, library) = setup();
        let text = "schema: 1\nkind: playbook\nid: day\nname: Day\nsummary: S.\nstage: ideation\ngroup: 4-12\nmethods:\n  - method: first\n  - method: second\n    tables: true\n    guide: { en: Two tables; then plenary., pt: Duas mesas; depois plenário. }\n";
        let Document::Playbook(playbook) = doc(text, "day") else {
            panic!("a playbook")
        };
        let method = MethodRef {
            id: "day".into(),
            version: 1,
            hash: playbook.content_hash.clone(),
            playbook: true,
            source: None,
        };
        let mut session = Session::new(method, "en", "");
        let clock = FixedClock::at(0);
        let run = PlaybookRun {
            playbook: &playbook,
            library: &library,
            clock: &clock,
            opts: opts(),
        };
        let save = |_: &Session| Ok(());
        let text = |s: &str| Reply::Answer(Value::String(s.into()));
        let mut p = ScriptedPrompter::new([text("a"), Reply::Done, text("b")]);
        assert_eq!(
            drive_playbook(&run, &mut session, &mut p, &save).unwrap(),
            Ended::Cancelled
        );
        let block = p.asked.iter().position(|a| a == "block").unwrap();
        assert_eq!(p.asked[block + 1], "step:only", "{:?}", p.asked);
        assert_eq!(p.asked.iter().filter(|a| *a == "block").count(), 1);
        // The first block has no guide and no tables: nothing is shown for it.
        assert_eq!(p.asked[0], "step:only", "{:?}", p.asked);
        let mut p = ScriptedPrompter::new([Reply::Done]);
        drive_playbook(&run, &mut session, &mut p, &save).unwrap();
        assert!(!p.asked.contains(&"block".to_owned()), "{:?}", p.asked);
        // Without a group on the methods, no table count can be given: only the guide.
        let Some(Ask::Block { guide, tables, .. }) = block_ask(
            &playbook.blocks[1],
            library.method("second").unwrap(),
            &playbook,
            Lang::Pt,
        ) else {
            panic!("a block")
        };
        assert_eq!(guide.as_deref(), Some("Duas mesas; depois plenário."));
        assert_eq!(tables, None);
    }

    #[test]
    fn a_tables_block_says_how_many_tables_the_largest_group_needs() {
        let mut library = Library::default();
        let text = "schema: 1\nid: small\nname: Small\nsummary: S.\nstage: ideation\nduration: 10m\ngroup: 2-6\nsteps:\n  - id: only\n    title: Only\n    questions:\n      - { id: q, type: list, prompt: Q }\n";
        library.add(doc(text, "small"), Origin::Workspace, "small".into(), None);
        let text = "schema: 1\nkind: playbook\nid: big\nname: Big\nsummary: S.\nstage: ideation\ngroup: 8-30\nmethods:\n  - method: small\n    tables: true\n    guide: Five tables of six.\n";
        let Document::Playbook(playbook) = doc(text, "big") else {
            panic!("a playbook")
        };
        let Some(Ask::Block { tables, .. }) = block_ask(
            &playbook.blocks[0],
            library.method("small").unwrap(),
            &playbook,
            Lang::En,
        ) else {
            panic!("a block")
        };
        assert_eq!(
            tables.as_deref(),
            Some(
                "In tables: for 30 people, at least 5 tables of up to 6; results come back in plenary."
            )
        );
    }
}
