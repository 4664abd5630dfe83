//! Finds the answers a handlebars template refers to, so the validator can check that
//! `default`, `when` and `value` templates only name earlier questions.
//!
//! The template is first compiled with handlebars (which reports syntax errors with a
//! position); this module then scans its mustaches for variable names. It is deliberately
//! conservative: inside `#each`/`#with` blocks names refer to items, so they are not checked.
//!
//! It also bounds the work a template can ask for. Method files travel between labs, so one
//! from elsewhere is not trusted: inside an `#each` a template reads only the item (`this`,
//! its fields, `@index`). Reaching out of the loop (`../x`, `@root.x`) is refused, since a loop
//! over `../ideas` inside a loop over `ideas` multiplies (six of them over twenty ideas ran for
//! hours), and `{{../x}}` repeats a whole answer once per entry.

use crate::helpers;

/// A problem in a template found before it ever runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TemplateProblem {
    Syntax(String),
    UnknownHelper(String),
    /// Inside an `#each`, the mustache that reads outside the item (`{{#each ../ideas}}`).
    ReachesOutOfLoop(String),
}

/// Compiles `source` and returns the top-level names it reads (first path segment), in order.
pub fn references(source: &str) -> Result<Vec<String>, TemplateProblem> {
    if let Err(err) = handlebars::Template::compile(source) {
        // pest's list of expected tokens means nothing to a method author; keep the position.
        let reason = err.reason().to_string();
        let reason = if reason.starts_with("invalid handlebars syntax") {
            "invalid handlebars syntax".to_owned()
        } else {
            reason
        };
        return Err(TemplateProblem::Syntax(match err.pos() {
            Some((line, col)) => format!("{reason} at template line {line}, column {col}"),
            None => reason,
        }));
    }
    let mut names = Vec::new();
    let mut scoped_depth = 0usize;
    // Every open block, `true` for an `#each`: how many loops enclose the current mustache.
    let mut blocks: Vec<bool> = Vec::new();
    let mut rest = source;
    while let Some(open) = rest.find("{{") {
        rest = &rest[open + 2..];
        let Some(close) = rest.find("}}") else { break };
        let inner = rest[..close].trim_matches(|c| c == '~' || c == '{' || c == '}' || c == '&');
        rest = &rest[close + 2..];
        let inner = inner.trim();
        if inner.starts_with('!') || inner.starts_with('>') {
            continue;
        }
        if blocks.contains(&true)
            && !inner.starts_with('/')
            && (inner.contains("../")
                || inner.contains("@root")
                || tokens(inner).any(|w| w == ".." || w == "(.." || w.ends_with("=..")))
        {
            return Err(TemplateProblem::ReachesOutOfLoop(format!(
                "{{{{{inner}}}}}"
            )));
        }
        if let Some(block) = inner.strip_prefix('#') {
            let mut words = tokens(block);
            let helper = words.next().unwrap_or_default();
            check_helper(helper)?;
            blocks.push(helper == "each");
            let scoped = scoped_depth > 0;
            if !scoped {
                collect(words, &mut names)?;
            }
            if helper == "each" || helper == "with" || scoped {
                scoped_depth += 1;
            }
            continue;
        }
        if let Some(end) = inner.strip_prefix('/') {
            blocks.pop();
            let helper = end.trim();
            if scoped_depth > 0 && (helper == "each" || helper == "with" || scoped_depth > 1) {
                scoped_depth -= 1;
            }
            continue;
        }
        if scoped_depth > 0 || inner == "else" || inner.starts_with("else ") {
            continue;
        }
        let mut words = tokens(inner).peekable();
        let first = words.next().unwrap_or_default();
        if words.peek().is_some() {
            check_helper(first)?;
            collect(words, &mut names)?;
        } else {
            collect(std::iter::once(first), &mut names)?;
        }
    }
    Ok(names)
}

fn check_helper(name: &str) -> Result<(), TemplateProblem> {
    if helpers::is_known(name) {
        Ok(())
    } else {
        Err(TemplateProblem::UnknownHelper(name.to_owned()))
    }
}

/// Splits a mustache into words, keeping quoted strings whole and making parentheses words.
fn tokens(inner: &str) -> impl Iterator<Item = &str> {
    let mut out = Vec::new();
    let bytes = inner.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c == b'(' || c == b')' {
            out.push(&inner[i..i + 1]);
            i += 1;
        } else if c == b'"' || c == b'\'' {
            let end = inner[i + 1..]
                .find(c as char)
                .map_or(bytes.len(), |e| i + 2 + e);
            out.push(&inner[i..end.min(bytes.len())]);
            i = end;
        } else {
            let start = i;
            while i < bytes.len()
                && !bytes[i].is_ascii_whitespace()
                && bytes[i] != b'('
                && bytes[i] != b')'
            {
                i += 1;
            }
            out.push(&inner[start..i]);
        }
    }
    out.into_iter()
}

fn collect<'a>(
    words: impl Iterator<Item = &'a str>,
    names: &mut Vec<String>,
) -> Result<(), TemplateProblem> {
    let mut after_paren = false;
    for word in words {
        if word == "(" {
            after_paren = true;
            continue;
        }
        if after_paren {
            after_paren = false;
            check_helper(word)?;
            continue;
        }
        if word == ")" || word.is_empty() {
            continue;
        }
        // hash arguments: `key=value` reads `value`.
        let word = word.split_once('=').map_or(word, |(_, v)| v);
        let first = word.as_bytes().first().copied().unwrap_or(b'"');
        let is_literal = matches!(first, b'"' | b'\'' | b'@' | b'-' | b'0'..=b'9')
            || matches!(word, "true" | "false" | "null" | "this" | "else")
            || word.starts_with("../")
            || word.starts_with("this.");
        if is_literal {
            continue;
        }
        let name = word.split(['.', '[', '/']).next().unwrap_or(word);
        if !name.is_empty() && !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_plain_and_helper_arguments() {
        assert_eq!(references("{{challenge}}").unwrap(), vec!["challenge"]);
        assert_eq!(
            references("{{eq method_kind 'rct'}}").unwrap(),
            vec!["method_kind"]
        );
        assert_eq!(
            references("{{#if (gt budget 10)}}big {{size}}{{/if}}").unwrap(),
            vec!["budget", "size"]
        );
        assert_eq!(
            references("{{#each ideas}}{{title}}{{/each}} {{after}}").unwrap(),
            vec!["ideas", "after"]
        );
        assert_eq!(
            references("{{problem-framing.hmw}}").unwrap(),
            vec!["problem-framing"]
        );
        assert_eq!(references("no template").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn reports_syntax_and_unknown_helpers() {
        assert!(matches!(
            references("{{#if x}}"),
            Err(TemplateProblem::Syntax(_))
        ));
        assert_eq!(
            references("{{shout x}}"),
            Err(TemplateProblem::UnknownHelper("shout".into()))
        );
    }

    #[test]
    fn a_loop_reads_only_its_item() {
        for fine in [
            "{{#each ideas}}{{this}} ({{@index}}){{/each}}",
            "{{#each people}}{{#each this}}{{@key}}={{this}}{{/each}}{{/each}}",
            "{{#each ideas}}{{this}}{{/each}}{{#each ../outside}}{{this}}{{/each}}",
            "{{#with a}}{{../b}}{{/with}}",
        ] {
            assert!(references(fine).is_ok(), "{fine}");
        }
        for bomb in [
            "{{#each ideas}}{{#each ../ideas}}x{{/each}}{{/each}}",
            "{{#each ideas}}{{#with ../ideas}}{{#each this}}x{{/each}}{{/with}}{{/each}}",
            "{{#each ideas}}{{../challenge}}{{/each}}",
            "{{#each ideas}}{{#each @root.ideas}}x{{/each}}{{/each}}",
            "{{#each ideas}}{{join (lookup ../this 'ideas')}}{{/each}}",
        ] {
            assert!(
                matches!(references(bomb), Err(TemplateProblem::ReachesOutOfLoop(_))),
                "{bomb}"
            );
        }
    }
}
