//! `labkit new method ID`: a commented method file that validates and runs as it is, in the
//! workspace's methods/ folder (or ./methods without a workspace). Never overwrites.

use super::Outcome;
use crate::cli::NewCommand;
use crate::error::Error;
use crate::fsutil::write_atomic;
use crate::i18n::{t, tf};
use crate::method::validate::is_method_id;
use crate::output::Printer;
use crate::settings::Settings;

pub fn run(command: &NewCommand, settings: &Settings, printer: &mut Printer) -> Outcome {
    let NewCommand::Method(args) = command;
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
