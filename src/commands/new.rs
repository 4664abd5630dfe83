//! `labkit new method ID`: a commented method file that validates and runs as it is, in the
//! workspace's methods/ folder (or ./methods without a workspace). `labkit new language TAG`:
//! labkit's own messages to translate, as `i18n/<tag>.ftl` beside `labkit.yaml` (or in ./i18n
//! without a workspace). Never overwrites.

use super::Outcome;
use crate::cli::{NewCommand, NewLanguageArgs};
use crate::error::Error;
use crate::fsutil::write_atomic;
use crate::i18n::{t, tf};
use crate::lang::Lang;
use crate::method::validate::is_method_id;
use crate::output::Printer;
use crate::settings::Settings;

pub fn run(command: &NewCommand, settings: &Settings, printer: &mut Printer) -> Outcome {
    let args = match command {
        NewCommand::Method(args) => args,
        NewCommand::Language(args) => return new_language(args, settings, printer),
    };
    let lang = settings.lang;
    let id = &args.id;
    if !is_method_id(id) {
        return Err(Error::Usage(tf(lang, "new.bad_id", &[("id", id)])));
    }
    let dir = settings
        .workspace
        .as_ref()
        .map_or_else(|| settings.cwd.join("methods"), |w| w.methods_dir());
    let file = dir.join(format!("{id}.yaml"));
    if file.exists() {
        return Err(Error::Usage(tf(
            lang,
            "new.exists",
            &[("path", &file.display())],
        )));
    }
    write_atomic(&file, template(id).as_bytes())?;
    printer.note(&tf(lang, "new.created", &[("path", &file.display())]));
    printer.note(&tf(
        lang,
        "new.next",
        &[("path", &file.display()), ("id", id)],
    ));
    if settings.workspace.is_none() {
        printer.warn(t(lang, "new.no_workspace"));
    }
    Ok(0)
}

/// `labkit new language TAG`: the embedded English (or Portuguese) messages, under a header
/// that says how to translate and check them, written where labkit looks for the language.
fn new_language(args: &NewLanguageArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let lang = settings.lang;
    let Some(tag) = Lang::canonical(&args.tag) else {
        return Err(Error::Usage(tf(
            lang,
            "new.language_bad_tag",
            &[("tag", &args.tag)],
        )));
    };
    if matches!(Lang::from_code(&tag), Some(Lang::En | Lang::Pt)) {
        return Err(Error::Usage(tf(
            lang,
            "new.language_built_in",
            &[("tag", &tag)],
        )));
    }
    let from = match args.from.as_deref() {
        Some(code) => match Lang::from_code(code) {
            Some(from @ (Lang::En | Lang::Pt)) => from,
            _ => {
                return Err(Error::Usage(tf(
                    lang,
                    "new.language_bad_from",
                    &[("from", &code)],
                )));
            }
        },
        None if Lang::base(&tag) == "pt" => Lang::Pt,
        None => Lang::En,
    };
    let root = settings
        .workspace
        .as_ref()
        .map_or_else(|| settings.cwd.clone(), |w| w.root.clone());
    let file = root.join("i18n").join(format!("{tag}.ftl"));
    if file.exists() {
        return Err(Error::Usage(tf(
            lang,
            "new.exists",
            &[("path", &file.display())],
        )));
    }
    let header = format!(
        "# labkit's own words in `{tag}`, started from the `{from}` messages of labkit {version}.\n\
         # Translate the text after each `=`; keep the ids and every {{ $variable }}. The rules and\n\
         # how to check a translation: labkit's docs/translating.md. What you delete or leave out\n\
         # falls back to English; `labkit validate --lang {tag}` lists what is left.\n\n",
        version = env!("CARGO_PKG_VERSION"),
    );
    let text = header + crate::i18n::source_of(from);
    write_atomic(&file, text.as_bytes())?;
    printer.note(&tf(lang, "new.created", &[("path", &file.display())]));
    printer.note(&tf(lang, "new.language_next", &[("tag", &tag)]));
    if settings.workspace.is_none() {
        printer.warn(t(lang, "new.language_no_workspace"));
    }
    Ok(0)
}

fn template(id: &str) -> String {
    let name = id.split('-').map(|w| {
        let mut c = w.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    });
    let name = name.collect::<Vec<_>>().join(" ");
    format!(
        r#"# A labkit method (schema 1). The full reference is labkit's docs/methods.md; editors can check
# this file against the JSON Schema that `labkit schema` prints.
# Every text can be a plain string or a map of languages: {{ en: "...", pt: "..." }}.
schema: 1
id: {id}                      # must equal the file name
version: 1                    # bump when questions change incompatibly
name: {{ en: "{name}", pt: "{name}" }}
summary:
  en: What this method helps a group do, in one or two sentences.
  pt: O que este método ajuda um grupo a fazer, numa ou duas frases.
when_to_use:
  en: When a team should reach for it.
  pt: Quando uma equipa deve recorrer a ele.
stage: ideation               # setup | framing | research | ideation | experiment | learning
duration: 30m                 # 90s, 10m, 1h30m, 2d
group: 3-8                    # 5, 3-8 or 4+
roles: [{{ en: facilitator, pt: facilitador }}]
materials: [{{ en: sticky notes, pt: post-its }}]
tags: [draft]
# before: [problem-framing]   # methods that usually come before / after
# after: [impact-effort]
considerations:
  en: Note here any personal data, consent or vulnerable groups involved.
  pt: Registe aqui dados pessoais, consentimento ou grupos vulneráveis envolvidos.
sources: []                   # {{ title: ..., url: ..., license: ... }}
steps:
  - id: frame
    title: {{ en: Frame the question, pt: Enquadrar a pergunta }}
    guide:                    # Markdown guidance for the facilitator
      en: |
        Agree on the question the group will work on and write it where everyone can see it.
      pt: |
        Acordem a pergunta em que o grupo vai trabalhar e escrevam-na onde todos a vejam.
    timebox: 5m
    questions:
      - id: question
        type: text
        prompt: {{ en: "What question are we working on?", pt: "Em que pergunta vamos trabalhar?" }}
        validate: {{ min_length: 5 }}
  - id: generate
    title: {{ en: Generate, pt: Gerar }}
    timebox: 15m
    questions:
      - id: ideas
        type: list            # one entry per line; pasting several lines works
        prompt: {{ en: "Ideas", pt: "Ideias" }}
        min: 1
      - id: votes
        type: vote            # dots over the items of an earlier list
        from: ideas
        dots: 3
        prompt: {{ en: "Dot vote: which ideas should we take forward?", pt: "Votação por pontos: que ideias levamos em frente?" }}
  - id: decide
    title: {{ en: Decide, pt: Decidir }}
    timebox: 10m
    questions:
      - id: next_step
        type: select
        prompt: {{ en: "What happens next?", pt: "O que acontece a seguir?" }}
        choices:
          - {{ value: test, label: {{ en: Test the top idea, pt: Testar a ideia mais votada }} }}
          - {{ value: research, label: {{ en: Find out more first, pt: Investigar mais primeiro }} }}
      - id: owner
        type: text
        required: false
        prompt: {{ en: "Who takes it forward?", pt: "Quem leva isto em frente?" }}
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_new_method_template_is_valid() {
        let text = template("service-safari");
        let doc = crate::method::parse(
            text.as_bytes(),
            "service-safari.yaml",
            Some("service-safari"),
        )
        .unwrap_or_else(|d| {
            panic!(
                "{}",
                d.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert_eq!(doc.name().get(crate::lang::Lang::En), "Service Safari");
    }
}
