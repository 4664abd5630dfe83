//! Maps paths inside a YAML document (`steps[2].questions[0].type`) to line and column.
//!
//! Only used when a file has problems: serde's values carry no positions, so when validation
//! finds an issue we re-read the text with an event parser and look up where each path starts.
//! For a mapping entry the position is that of its key, which is where an author looks.

use std::collections::HashMap;

use saphyr_parser::{Event, Parser};

/// Line and column, both 1-based.
pub type Position = (usize, usize);

enum Frame {
    Mapping { path: String, key: Option<String> },
    Sequence { path: String, index: usize },
}

/// Every path in the document with the position where it starts.
pub fn positions(text: &str) -> HashMap<String, Position> {
    let mut map = HashMap::new();
    let mut stack: Vec<Frame> = Vec::new();
    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else { break };
        let here = (span.start.line(), span.start.col() + 1);
        let is_node = matches!(
            event,
            Event::Scalar(..)
                | Event::MappingStart(..)
                | Event::SequenceStart(..)
                | Event::Alias(..)
        );
        let mut node_path = None;
        if is_node {
            match stack.last_mut() {
                Some(Frame::Mapping { path, key }) => match key.take() {
                    None => {
                        // A key: remember it; its value's path is `path.key`.
                        let name = match &event {
                            Event::Scalar(value, ..) => value.to_string(),
                            _ => String::from("?"),
                        };
                        let full = join(path, &name);
                        map.entry(full).or_insert(here);
                        *key = Some(name);
                        continue;
                    }
                    Some(name) => {
                        let full = join(path, &name);
                        map.entry(full.clone()).or_insert(here);
                        node_path = Some(full);
                    }
                },
                Some(Frame::Sequence { path, index }) => {
                    let full = format!("{path}[{index}]");
                    *index += 1;
                    map.entry(full.clone()).or_insert(here);
                    node_path = Some(full);
                }
                None => node_path = Some(String::new()),
            }
        }
        match event {
            Event::MappingStart(..) => stack.push(Frame::Mapping {
                path: node_path.unwrap_or_default(),
                key: None,
            }),
            Event::SequenceStart(..) => stack.push(Frame::Sequence {
                path: node_path.unwrap_or_default(),
                index: 0,
            }),
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
            }
            _ => {}
        }
    }
    map
}

/// The path and position of the first key that appears twice in one mapping.
pub fn duplicate_key(text: &str) -> Option<(String, Position)> {
    // Each open mapping: (path, keys seen, expecting a key); sequences count items.
    let mut stack: Vec<(String, Vec<String>, bool, Option<usize>)> = Vec::new();
    for event in Parser::new_from_str(text) {
        let Ok((event, span)) = event else { break };
        let here = (span.start.line(), span.start.col() + 1);
        let is_node = matches!(
            event,
            Event::Scalar(..)
                | Event::MappingStart(..)
                | Event::SequenceStart(..)
                | Event::Alias(..)
        );
        let mut child_path = String::new();
        if is_node && let Some((path, keys, expecting_key, seq_index)) = stack.last_mut() {
            if let Some(index) = seq_index {
                child_path = format!("{path}[{index}]");
                *index += 1;
            } else if *expecting_key {
                if let Event::Scalar(key, ..) = &event {
                    let full = join(path, key);
                    if keys.iter().any(|k| k == key.as_ref()) {
                        return Some((full, here));
                    }
                    keys.push(key.to_string());
                }
                *expecting_key = false;
                continue;
            } else {
                child_path = join(path, keys.last().map(String::as_str).unwrap_or_default());
                *expecting_key = true;
            }
        }
        match event {
            Event::MappingStart(..) => stack.push((child_path, Vec::new(), true, None)),
            Event::SequenceStart(..) => stack.push((child_path, Vec::new(), false, Some(0))),
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
            }
            _ => {}
        }
    }
    None
}

fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_owned()
    } else {
        format!("{parent}.{key}")
    }
}

/// The position of `path`, or of its nearest ancestor that has one.
pub fn find(positions: &HashMap<String, Position>, path: &str) -> Option<Position> {
    let mut path = path;
    loop {
        if let Some(pos) = positions.get(path) {
            return Some(*pos);
        }
        let cut = path.rfind(['.', '['])?;
        path = &path[..cut];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_and_items() {
        let text = "id: x\nsteps:\n  - id: a\n    questions:\n      - id: q\n        type: txt\n";
        let map = positions(text);
        assert_eq!(map.get("id"), Some(&(1, 1)));
        assert_eq!(map.get("steps[0]"), Some(&(3, 5)));
        assert_eq!(map.get("steps[0].questions[0].type"), Some(&(6, 9)));
        assert_eq!(find(&map, "steps[0].questions[0].nothere"), Some((5, 9)));
    }

    #[test]
    fn finds_the_second_of_a_duplicate_key() {
        let text = "id: x\nsteps:\n  - id: a\n    title: t\n    id: b\n";
        assert_eq!(duplicate_key(text), Some(("steps[0].id".into(), (5, 5))));
        assert_eq!(duplicate_key("a: 1\nb: 2\n"), None);
    }
}
