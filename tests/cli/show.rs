//! `labkit show`: the method card in both languages and as data; unknown ids get suggestions.

use crate::support::Lab;

#[test]
fn shows_a_card_with_steps_questions_and_sources() {
    let run = Lab::new().run(&["show", "test-card"]).ok();
    let out = run.stdout;
    assert!(out.contains("Test Card"));
    assert!(out.contains("We believe that"), "{out}");
    assert!(out.contains("Sources"));
    assert!(!out.contains('\u{1b}'));
}

/// Step and block guides are Markdown: the card shows them as terminal text, wrapped and
/// without the marks (`**`), as `run` does.
#[test]
fn guides_read_as_text_not_markdown() {
    for id in ["test-card", "policy-lab-day"] {
        let out = Lab::new().run(&["show", id]).ok().stdout;
        assert!(!out.contains("**"), "{id}:\n{out}");
    }
    // A playbook's blocks: their guides wrapped (no terminal here: 100 columns).
    let out = Lab::new().run(&["show", "policy-lab-day"]).ok().stdout;
    let guide = out.lines().filter(|l| l.starts_with("   "));
    assert!(guide.clone().count() > 20, "{out}");
    assert!(guide.clone().all(|l| l.chars().count() <= 100), "{out}");
    let playbook = Lab::new().run(&["show", "policy-lab-day"]).ok().stdout;
    assert!(
        playbook.contains("   Home tables for the whole day."),
        "{playbook}"
    );
    assert!(
        playbook.contains("   • Each person writes hopes"),
        "{playbook}"
    );
}

#[test]
fn shows_in_portuguese() {
    let run = Lab::new().run(&["--lang", "pt", "show", "test-card"]).ok();
    assert!(run.stdout.contains("Cartão de Teste"));
    assert!(run.stdout.contains("Acreditamos que"), "{}", run.stdout);
    assert!(run.stdout.contains("Passos"));
}

#[test]
fn json_and_yaml_carry_the_whole_method() {
    let run = Lab::new()
        .run(&["show", "brainstorm", "--format", "json"])
        .ok();
    let card: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(card["id"], "brainstorm");
    assert_eq!(card["kind"], "method");
    assert!(card["steps"].as_array().unwrap().iter().any(|s| {
        s["questions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|q| q["type"] == "vote")
    }));
    let run = Lab::new()
        .run(&["show", "brainstorm", "--format", "yaml"])
        .ok();
    assert!(run.stdout.contains("id: brainstorm"));
}

#[test]
fn unknown_id_suggests_the_closest() {
    let run = Lab::new().run(&["show", "test-crad"]).code(2);
    assert!(
        run.stderr.contains("unknown method `test-crad`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `test-card`"),
        "{}",
        run.stderr
    );
}

/// A method whose questions are asked only under conditions of every shape labkit reads.
const CONDITIONS: &str = r#"schema: 1
id: conditions
name: { en: Conditions, pt: Condições }
summary: { en: "A method for tests.", pt: "Um método para testes." }
stage: learning
duration: 20m
group: 2-6
steps:
  - id: one
    title: { en: One, pt: Um }
    questions:
      - id: decision
        type: select
        prompt: { en: Decision, pt: Decisão }
        choices: [persevere, pivot, stop]
      - id: personal_data
        type: confirm
        prompt: { en: Personal data?, pt: Dados pessoais? }
      - id: units
        type: number
        prompt: { en: Units, pt: Unidades }
        required: false
      - id: why
        type: longtext
        prompt: { en: Why persevere, pt: Porquê perseverar }
        when: "{{eq decision 'persevere'}}"
      - id: next
        type: text
        prompt: { en: Next, pt: Seguinte }
        when: "{{or (eq decision 'pivot') (eq decision 'stop')}}"
      - id: dpia
        type: text
        prompt: { en: DPIA, pt: AIPD }
        when: "{{not personal_data}}"
      - id: weekly
        type: text
        prompt: { en: Weekly, pt: Semanal }
        when: "{{and units (gt units 10)}}"
"#;

#[test]
fn conditions_and_types_in_words_in_both_languages() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Test Lab\n");
    lab.write("methods/conditions.yaml", CONDITIONS);
    let en = lab.run(&["show", "conditions"]).ok().stdout;
    for line in [
        "• Why persevere [longtext, only when «decision» is «persevere»] (why)",
        "• Next [text, only when «decision» is «pivot» or «stop»] (next)",
        "• DPIA [text, only when «personal_data» is no] (dpia)",
        "• Weekly [text, only when «units» has an answer and «units» is more than 10] (weekly)",
        "• Personal data? [confirm] (personal_data)",
    ] {
        assert!(en.contains(line), "{line} in\n{en}");
    }
    let pt = lab.run(&["--lang", "pt", "show", "conditions"]).ok().stdout;
    for line in [
        "• Porquê perseverar [texto longo, só quando «decision» é «persevere»] (why)",
        "• Seguinte [texto, só quando «decision» é «pivot» ou «stop»] (next)",
        "• AIPD [texto, só quando «personal_data» é não] (dpia)",
        "• Semanal [texto, só quando «units» tem resposta e «units» é maior do que 10] (weekly)",
        "• Dados pessoais? [sim/não] (personal_data)",
        "• Unidades [número, opcional] (units)",
        "• Decisão [escolha] (decision)",
        "Carregado de: área de trabalho",
    ] {
        assert!(pt.contains(line), "{line} in\n{pt}");
    }
    assert!(!pt.contains("{{") && !en.contains("{{"), "{pt}");
}

#[test]
fn every_built_in_card_in_portuguese_has_no_template_syntax_or_english_type() {
    let lab = Lab::new();
    let rows: Vec<serde_json::Value> =
        serde_json::from_str(&lab.run(&["list", "--format", "json"]).ok().stdout).unwrap();
    for row in rows {
        let id = row["id"].as_str().unwrap();
        let card = lab.run(&["--lang", "pt", "show", id]).ok().stdout;
        assert!(!card.contains("{{"), "{id}:\n{card}");
        assert!(
            !card.contains("asked when") && !card.contains("built-in ("),
            "{id}:\n{card}"
        );
        // Each question's notes: `• Prompt [type, optional, …] (id)`.
        for line in card.lines().filter(|l| l.trim_start().starts_with('•')) {
            let notes = line
                .rsplit_once(" [")
                .and_then(|(_, rest)| rest.rsplit_once("] ("))
                .map_or("", |(notes, _)| notes);
            for note in notes.split(", ") {
                assert!(
                    ![
                        "text",
                        "longtext",
                        "number",
                        "confirm",
                        "select",
                        "multiselect",
                        "scale",
                        "date",
                        "list",
                        "records",
                        "vote",
                        "score",
                        "rank",
                        "computed",
                        "optional",
                    ]
                    .contains(&note),
                    "{id}: `{note}` in {line}"
                );
            }
        }
    }
}
