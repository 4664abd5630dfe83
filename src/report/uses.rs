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
use std::collections::{BTreeMap, BTreeSet};

/// The context's large parts that a template may read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub steps: bool,
    pub answers: bool,
    /// What of `q`: nothing, all of it, or some questions (each whole, or some of its fields).
    q: Reach,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Reach {
    Nothing,
    All,
    /// Question id → the fields read (`None`: the whole question object).
    Some(BTreeMap<String, Option<BTreeSet<String>>>),
}

/// What of one question's object a template reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Want<'a> {
    Nothing,
    All,
    Fields(&'a BTreeSet<String>),
}

impl Want<'_> {
    /// Whether the field `name` of the question's object is read.
    pub fn field(&self, name: &str) -> bool {
        match self {
            Want::Nothing => false,
            Want::All => true,
            Want::Fields(fields) => fields.contains(name),
        }
    }
}

impl Parts {
    pub const ALL: Parts = Parts {
        steps: true,
        answers: true,
        q: Reach::All,
    };
    const NONE: Parts = Parts {
        steps: false,
        answers: false,
        q: Reach::Nothing,
    };

    /// Whether the template reads anything of `q`.
    pub fn q(&self) -> bool {
        self.q != Reach::Nothing
    }

    /// What of `q.<id>` the template reads.
    pub fn question(&self, id: &str) -> Want<'_> {
        match &self.q {
            Reach::Nothing => Want::Nothing,
            Reach::All => Want::All,
            Reach::Some(questions) => match questions.get(id) {
                None => Want::Nothing,
                Some(None) => Want::All,
                Some(Some(fields)) => Want::Fields(fields),
            },
        }
    }

    fn everything(&mut self) {
        *self = Parts::ALL;
    }

    /// A path from the root, by its names: `q.ideas.entries` → `["q", "ideas", "entries"]`.
    fn reach(&mut self, names: &[&str]) {
        match names {
            ["steps", ..] => self.steps = true,
            ["answers", ..] => self.answers = true,
            ["q"] => self.q = Reach::All,
            ["q", id, rest @ ..] => {
                let questions = match &mut self.q {
                    Reach::All => return,
                    Reach::Some(questions) => questions,
                    Reach::Nothing => {
                        self.q = Reach::Some(BTreeMap::new());
                        match &mut self.q {
                            Reach::Some(questions) => questions,
                            _ => return,
                        }
                    }
                };
                let fields = questions
                    .entry((*id).to_owned())
                    .or_insert_with(|| Some(BTreeSet::new()));
                match (fields, rest.first()) {
                    (Some(fields), Some(field)) => {
                        fields.insert((*field).to_owned());
                    }
                    (fields, _) => *fields = None,
                }
            }
            _ => {}
        }
    }
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
            _ => self.parts.everything(),
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
                (true, None) => self.parts.everything(),
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
                // An inline partial is not in the registry: it was walked where it was defined.
                if let Some(t) = self.registry.get_template(name) {
                    scopes.push(Scope::Root);
                    self.template(t, scopes);
                    scopes.pop();
                }
            }
            // A partial named at render time: anything may run.
            _ => self.parts.everything(),
        }
    }

    fn parameter(&mut self, p: &Parameter, scopes: &mut Vec<Scope>) {
        match p {
            Parameter::Name(name) => {
                if scopes.last() == Some(&Scope::Root) {
                    let names: Vec<&str> = name.split(['.', '/']).collect();
                    self.parts.reach(&names);
                }
            }
            Parameter::Path(path) => self.path(path, scopes),
            Parameter::Literal(_) => {}
            Parameter::Subexpression(sub) => self.element(&sub.element, scopes),
            _ => self.parts.everything(),
        }
    }

    fn path(&mut self, path: &Path, scopes: &[Scope]) {
        let (segs, raw) = match path {
            Path::Relative((segs, raw)) => (segs.as_slice(), raw.as_str()),
            Path::Local((_, _, raw)) => (&[][..], raw.as_str()),
        };
        if let Some(rest) = raw.strip_prefix("@root") {
            // `@root.q.x`, `@root/steps`: the names after the root; `@root` alone is all of it,
            // and so is a `[literal]` segment, which the walk does not take apart.
            let rest = rest.trim_start_matches(['.', '/']);
            if rest.is_empty() || rest.contains('[') {
                self.parts.everything();
            } else {
                let names: Vec<&str> = rest.split(['.', '/']).collect();
                self.parts.reach(&names);
            }
            return;
        }
        if matches!(path, Path::Local(_)) {
            return; // `@index`, `@key`…: the block's own values, not the context.
        }
        let names: Vec<&str> = segs
            .iter()
            .filter_map(|s| match s {
                PathSeg::Named(n) => Some(n.as_str()),
                _ => None,
            })
            .collect();
        match (self.scope_of(path, scopes), names.is_empty()) {
            (Some(Scope::Inner), _) => {}
            (Some(Scope::Root), false) => self.parts.reach(&names),
            // The root itself, or a climb past the top that the walk cannot place.
            _ => self.parts.everything(),
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

    /// The fields of `q.<id>` read, `None` for the whole object, `Some([])` for nothing.
    fn fields(parts: &Parts, id: &str) -> Option<Vec<String>> {
        match parts.question(id) {
            Want::All => None,
            Want::Nothing => Some(Vec::new()),
            Want::Fields(f) => Some(f.iter().cloned().collect()),
        }
    }

    fn only_q(parts: &Parts) -> bool {
        parts.q() && !parts.steps && !parts.answers
    }

    #[test]
    fn paths_from_the_root_name_their_part() {
        let p = parts_of("{{q.challenge.text}} {{#each q.ideas.entries}}- {{this}}\n{{/each}}");
        assert!(only_q(&p));
        assert_eq!(fields(&p, "challenge"), Some(vec!["text".into()]));
        assert_eq!(fields(&p, "ideas"), Some(vec!["entries".into()]));
        assert_eq!(fields(&p, "other"), Some(vec![]));
        let p = parts_of("{{#if (eq lang \"pt\")}}{{cell q.x.text}}{{/if}}{{answer q.y}}");
        assert_eq!(fields(&p, "x"), Some(vec!["text".into()]));
        assert_eq!(
            fields(&p, "y"),
            None,
            "a question passed whole is built whole"
        );
        let p = parts_of("{{#each steps}}{{title}}{{/each}}");
        assert!(p.steps && !p.q() && !p.answers);
        let p = parts_of("{{answers.ideas}}");
        assert!(p.answers && !p.q() && !p.steps);
        assert_eq!(parts_of("{{method.name}} {{lang}}"), Parts::NONE);
        assert_eq!(fields(&parts_of("{{lookup q \"x\"}}"), "x"), None);
    }

    #[test]
    fn paths_inside_a_block_are_read_from_its_value() {
        // `steps` here is an entry's, not the root's; `../q` climbs back to the root.
        let p = parts_of("{{#each q.ideas.entries}}{{steps}}{{../q.x.text}}{{/each}}");
        assert!(only_q(&p));
        assert_eq!(fields(&p, "x"), Some(vec!["text".into()]));
        let p = parts_of("{{#with q.ideas}}{{steps}}{{text}}{{/with}}");
        assert!(only_q(&p));
        assert_eq!(fields(&p, "ideas"), None);
        let p = parts_of("{{#each q.a.value}}{{@root.answers.x}}{{/each}}{{q.b.text}}");
        assert!(p.answers && p.q() && !p.steps);
        assert!(parts_of("{{#if q.a.answered}}{{steps.0.title}}{{/if}}").steps);
        // `if` is no context of its own: `../` inside it climbs out of the `each`.
        let p = parts_of("{{#each q.a.value}}{{#if this}}{{../answers}}{{/if}}{{/each}}");
        assert!(p.answers && !p.steps);
        assert!(parts_of("{{#each q.a.value}}{{#with @root}}{{steps}}{{/with}}{{/each}}").steps);
    }

    #[test]
    fn what_cannot_be_placed_keeps_everything() {
        assert_eq!(parts_of("{{#each this}}{{@key}}{{/each}}"), Parts::ALL);
        assert_eq!(parts_of("{{lookup @root \"steps\"}}"), Parts::ALL);
        assert_eq!(parts_of("{{#with this}}{{x}}{{/with}}"), Parts::ALL);
        assert_eq!(
            parts_of("{{#each q.a.value}}{{../../x}}{{/each}}"),
            Parts::ALL
        );
        assert_eq!(parts_of("{{lookup this \"q\"}}"), Parts::ALL);
        assert_eq!(
            parts_of("{{#each q}}{{text}}{{/each}}").question("z"),
            Want::All
        );
    }

    #[test]
    fn inline_partials_are_read_as_if_used_at_the_root() {
        let p = parts_of(
            "{{#*inline \"p\"}}{{answers.a}}{{/inline}}{{#each q.x.value}}{{> p}}{{/each}}",
        );
        assert!(p.answers && p.q() && !p.steps);
        let p = parts_of("{{#*inline \"l\"}}{{v}}{{/inline}}{{> l v=q.risk.value}}");
        assert_eq!(fields(&p, "risk"), Some(vec!["value".into()]));
    }
}
