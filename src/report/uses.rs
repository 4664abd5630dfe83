//! Which of the report context's large parts a template can read.
//!
//! The context (see `context.rs`) gives every answer three times: in `q.<id>`, in
//! `steps[].questions[]` and, raw, in `answers`. For a session with thousands of ideas each copy
//! costs megabytes and milliseconds, and most templates read only `q`. This walks the parsed
//! template and leaves out a part no path in it can reach, so what a template sees is the same
//! as before. The walk errs towards building: a path it cannot place (the root itself, `this` at
//! the top, `../` past the top, an unknown partial) keeps every part.

use handlebars::template::{
    BlockParam, DecoratorTemplate, HelperTemplate, Parameter, Template, TemplateElement,
};
use handlebars::{Path, PathSeg};

/// The context's large parts that a template may read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    pub q: bool,
    pub steps: bool,
    pub answers: bool,
}

impl Parts {
    pub const ALL: Parts = Parts {
        q: true,
        steps: true,
        answers: true,
    };
    const NONE: Parts = Parts {
        q: false,
        steps: false,
        answers: false,
    };
}

/// The parts that `template` (with the other templates of its registry, for partials) reads.
pub fn parts(template: &Template, registry: &handlebars::Handlebars) -> Parts {
    let mut walk = Walk {
        parts: Parts::NONE,
        registry,
        partials_seen: Vec::new(),
    };
    walk.template(template, &mut vec![Scope::Root]);
    walk.parts
}

/// What the context is at some point of a template: the root, or something inside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scope {
    Root,
    Inner,
}

struct Walk<'a> {
    parts: Parts,
    registry: &'a handlebars::Handlebars<'a>,
    /// Partials already walked, so that a recursive partial ends.
    partials_seen: Vec<String>,
}

impl Walk<'_> {
    fn template(&mut self, template: &Template, scopes: &mut Vec<Scope>) {
        for element in &template.elements {
            self.element(element, scopes);
        }
    }

    fn element(&mut self, element: &TemplateElement, scopes: &mut Vec<Scope>) {
        match element {
            TemplateElement::RawString(_) | TemplateElement::Comment(_) => {}
            TemplateElement::Expression(h)
            | TemplateElement::HtmlExpression(h)
            | TemplateElement::HelperBlock(h) => self.helper(h, scopes),
            TemplateElement::DecoratorExpression(d) | TemplateElement::DecoratorBlock(d) => {
                self.decorator(d, scopes)
            }
            TemplateElement::PartialExpression(d) | TemplateElement::PartialBlock(d) => {
                self.partial(d, scopes)
            }
            // Something a later handlebars adds: not understood, so everything is built.
            _ => self.parts = Parts::ALL,
        }
    }

    fn helper(&mut self, h: &HelperTemplate, scopes: &mut Vec<Scope>) {
        // `{{name}}` with no parameters may be a helper or a value: read as a value too.
        self.parameter(&h.name, scopes);
        for p in h.params.iter().chain(h.hash.values()) {
            self.parameter(p, scopes);
        }
        let name = match &h.name {
            Parameter::Name(n) => n.as_str(),
            _ => "",
        };
        // `each` and `with` move the context into their parameter, and `../` climbs out of
        // them; other blocks (`if`, `unless`) keep the context and are not climbed out of.
        let moved = match (name, h.params.first()) {
            ("with", Some(Parameter::Path(path))) if !has_name(path) => self.scope_of(path, scopes),
            ("each" | "with", _) => Some(Scope::Inner),
            _ => None,
        };
        if let Some(BlockParam::Single(p) | BlockParam::Pair((p, _))) = &h.block_param {
            self.parameter(p, scopes);
        }
        let moves = matches!(name, "each" | "with");
        for body in [&h.template, &h.inverse].into_iter().flatten() {
            match (moves, moved) {
                (false, _) => self.template(body, scopes),
                (true, Some(scope)) => {
                    scopes.push(scope);
                    self.template(body, scopes);
                    scopes.pop();
                }
                // `{{#with ../..}}` past the top.
                (true, None) => self.parts = Parts::ALL,
            }
        }
    }

    /// `{{#*inline}}` and other decorators: their bodies run where a partial is used, which
    /// may be the root.
    fn decorator(&mut self, d: &DecoratorTemplate, scopes: &mut Vec<Scope>) {
        for p in d.params.iter().chain(d.hash.values()) {
            self.parameter(p, scopes);
        }
        if let Some(body) = &d.template {
            scopes.push(Scope::Root);
            self.template(body, scopes);
            scopes.pop();
        }
    }

    fn partial(&mut self, d: &DecoratorTemplate, scopes: &mut Vec<Scope>) {
        self.decorator(d, scopes);
        match &d.name {
            Parameter::Name(name) => {
                if self.partials_seen.iter().any(|seen| seen == name) {
                    return;
                }
                self.partials_seen.push(name.clone());
                match self.registry.get_template(name) {
                    Some(t) => {
                        scopes.push(Scope::Root);
                        self.template(t, scopes);
                        scopes.pop();
                    }
                    // An inline partial was walked where it was defined.
                    None => {}
                }
            }
            // A partial named at render time: anything may run.
            _ => self.parts = Parts::ALL,
        }
    }

    fn parameter(&mut self, p: &Parameter, scopes: &mut Vec<Scope>) {
        match p {
            Parameter::Name(name) => {
                if scopes.last() == Some(&Scope::Root) {
                    self.key(name.split(['.', '/']).next().unwrap_or(name));
                }
            }
            Parameter::Path(path) => self.path(path, scopes),
            Parameter::Literal(_) => {}
            Parameter::Subexpression(sub) => self.element(&sub.element, scopes),
            _ => self.parts = Parts::ALL,
        }
    }

    fn path(&mut self, path: &Path, scopes: &[Scope]) {
        let (segs, raw) = match path {
            Path::Relative((segs, raw)) => (segs.as_slice(), raw.as_str()),
            Path::Local((_, _, raw)) => (&[][..], raw.as_str()),
        };
        if let Some(rest) = raw.strip_prefix("@root") {
            // `@root.q.x`, `@root/steps`: the name after the root; `@root` alone is all of it.
            match rest.trim_start_matches(['.', '/']).split(['.', '/', '[']).next() {
                Some(first) if !first.is_empty() => self.key(first),
                _ => self.parts = Parts::ALL,
            }
            return;
        }
        if matches!(path, Path::Local(_)) {
            return; // `@index`, `@key`…: the block's own values, not the context.
        }
        let first = segs.iter().find_map(|s| match s {
            PathSeg::Named(n) => Some(n.as_str()),
            _ => None,
        });
        match (self.scope_of(path, scopes), first) {
            (Some(Scope::Inner), _) => {}
            (Some(Scope::Root), Some(first)) => self.key(first),
            // The root itself, or a climb past the top that the walk cannot place.
            _ => self.parts = Parts::ALL,
        }
    }

    /// Where `path` starts: the root (`@root`), the scope `../` climbs to, or the current one.
    /// `None` when it climbs past the top.
    fn scope_of(&self, path: &Path, scopes: &[Scope]) -> Option<Scope> {
        let (segs, raw) = match path {
            Path::Relative((segs, raw)) => (segs.as_slice(), raw.as_str()),
            Path::Local((_, _, raw)) => (&[][..], raw.as_str()),
        };
        if raw.starts_with("@root") {
            return Some(Scope::Root);
        }
        let ups = segs
            .iter()
            .take_while(|s| matches!(s, PathSeg::Ruled(_)))
            .count();
        scopes.len().checked_sub(1 + ups).map(|i| scopes[i])
    }

    fn key(&mut self, key: &str) {
        match key {
            "q" => self.parts.q = true,
            "steps" => self.parts.steps = true,
            "answers" => self.parts.answers = true,
            _ => {}
        }
    }
}

/// Whether a path names something (`q.x`), rather than being a context itself (`this`, `..`).
fn has_name(path: &Path) -> bool {
    match path {
        Path::Relative((segs, _)) => segs.iter().any(|s| matches!(s, PathSeg::Named(_))),
        Path::Local(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts_of(text: &str) -> Parts {
        let mut registry = handlebars::Handlebars::new();
        registry
            .register_template_string("t", text)
            .expect("a valid template");
        let template = registry.get_template("t").expect("registered");
        parts(template, &registry)
    }

    const Q: Parts = Parts {
        q: true,
        steps: false,
        answers: false,
    };

    #[test]
    fn paths_from_the_root_name_their_part() {
        assert_eq!(parts_of("{{q.challenge.text}}"), Q);
        assert_eq!(parts_of("{{#each q.ideas.entries}}- {{this}}\n{{/each}}"), Q);
        assert_eq!(parts_of("{{#if (eq lang \"pt\")}}{{cell q.x.text}}{{/if}}"), Q);
        assert_eq!(
            parts_of("{{#each steps}}{{title}}{{/each}}"),
            Parts {
                steps: true,
                ..Parts::NONE
            }
        );
        assert_eq!(
            parts_of("{{answers.ideas}}"),
            Parts {
                answers: true,
                ..Parts::NONE
            }
        );
        assert_eq!(parts_of("{{method.name}} {{lang}}"), Parts::NONE);
    }

    #[test]
    fn paths_inside_a_block_are_read_from_its_value() {
        // `questions` here is a step's, not a root key; `../q` climbs back to the root.
        assert_eq!(
            parts_of("{{#each q.ideas.entries}}{{steps}}{{../q.x}}{{/each}}"),
            Q
        );
        assert_eq!(parts_of("{{#with q}}{{steps}}{{/with}}"), Q);
        assert_eq!(
            parts_of("{{#each q.a.value}}{{@root.answers.x}}{{/each}}{{q.b}}"),
            Parts {
                answers: true,
                ..Q
            }
        );
        assert!(parts_of("{{#if q.a.answered}}{{steps.0.title}}{{/if}}").steps);
        // `if` is no context of its own: `../` inside it climbs out of the `each`.
        assert_eq!(
            parts_of("{{#each q.a.value}}{{#if this}}{{../answers}}{{/if}}{{/each}}"),
            Parts {
                answers: true,
                ..Q
            }
        );
    }

    #[test]
    fn what_cannot_be_placed_keeps_everything() {
        assert_eq!(parts_of("{{#each this}}{{@key}}{{/each}}"), Parts::ALL);
        assert_eq!(parts_of("{{lookup @root \"steps\"}}"), Parts::ALL);
        assert_eq!(parts_of("{{#with this}}{{x}}{{/with}}"), Parts::ALL);
        assert_eq!(parts_of("{{#each q.a.value}}{{../../x}}{{/each}}"), Parts::ALL);
        assert_eq!(parts_of("{{lookup this \"q\"}}"), Parts::ALL);
        assert!(parts_of("{{#each q.a.value}}{{#with @root}}{{steps}}{{/with}}{{/each}}").steps);
    }

    #[test]
    fn inline_partials_are_read_as_if_used_at_the_root() {
        assert_eq!(
            parts_of("{{#*inline \"p\"}}{{answers.a}}{{/inline}}{{#each q.x.value}}{{> p}}{{/each}}"),
            Parts {
                answers: true,
                ..Q
            }
        );
    }
}
