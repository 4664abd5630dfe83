//! A home for a lab team: init, configuration precedence, authoring, completions, terminal
//! conventions.

use crate::support::Lab;

#[test]
fn init_creates_a_workspace_and_refuses_to_overwrite_it() {
    let lab = Lab::new();
    lab.run(&[
        "init",
        "our-lab",
        "--lab",
        "LabX",
        "--default-lang",
        "pt",
        "--facilitator",
        "Ana Sousa",
    ])
    .ok();
    let root = lab.path().join("our-lab");
    for path in [
        "labkit.yaml",
        "README.md",
        "methods",
        "templates",
        "sessions",
    ] {
        assert!(root.join(path).exists(), "{path} missing");
    }
    let run = lab.run(&["init", "our-lab"]).code(2);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    // Commands anywhere below find the workspace, and its language.
    std::fs::create_dir_all(root.join("sessions/2027")).unwrap();
    let run = lab.run_in(&root.join("sessions/2027"), &["list"]).ok();
    assert!(
        run.stdout.contains("Fase"),
        "the workspace's language is Portuguese:\n{}",
        run.stdout
    );
}

fn config_json(lab: &Lab, args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["config", "--format", "json"]);
    serde_json::from_str(&lab.run(&all).ok().stdout).unwrap()
}

fn setting<'a>(rows: &'a serde_json::Value, name: &str) -> (&'a str, &'a str) {
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["setting"] == name)
        .unwrap();
    (
        row["value"].as_str().unwrap(),
        row["source"].as_str().unwrap(),
    )
}

#[test]
fn configuration_precedence_flag_env_workspace_user_default() {
    let lab = Lab::new();
    assert_eq!(
        setting(&config_json(&lab, &[]), "language"),
        ("en", "default")
    );
    lab.write(
        ".config/labkit/config.yaml",
        "language: pt\nfacilitator: From User\n",
    );
    let rows = config_json(&lab, &[]);
    assert_eq!(setting(&rows, "language").0, "pt");
    assert!(
        setting(&rows, "language")
            .1
            .ends_with(".config/labkit/config.yaml")
    );
    lab.write("labkit.yaml", "language: en\nfacilitator: From Workspace\n");
    let rows = config_json(&lab, &[]);
    assert_eq!(setting(&rows, "language").0, "en");
    assert!(setting(&rows, "language").1.ends_with("labkit.yaml"));
    assert_eq!(setting(&rows, "facilitator").0, "From Workspace");
    let lab = lab
        .env("LABKIT_LANG", "pt")
        .env("LABKIT_FACILITATOR", "From Env");
    let rows = config_json(&lab, &[]);
    assert_eq!(
        setting(&rows, "language"),
        ("pt", "ambiente LABKIT_LANG") // the sources are worded in the chosen language
    );
    assert_eq!(
        setting(&rows, "facilitator"),
        ("From Env", "ambiente LABKIT_FACILITATOR")
    );
    let rows = config_json(&lab, &["--lang", "en"]);
    assert_eq!(setting(&rows, "language"), ("en", "flag --lang"));
}

#[test]
fn unknown_config_keys_are_errors_with_their_location() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: X\nlangauge: pt\n");
    let run = lab.run(&["list"]).code(2);
    assert!(
        run.stderr.contains(
            "labkit.yaml:2:1: langauge: unknown key `langauge` (did you mean `language`?)"
        ),
        "{}",
        run.stderr
    );
    let lab = Lab::new();
    lab.write(".config/labkit/config.yaml", "colour: never\n");
    let run = lab.run(&["config"]).code(2);
    assert!(
        run.stderr
            .contains("config.yaml:1:1: colour: unknown key `colour` (did you mean `color`?)"),
        "{}",
        run.stderr
    );
}

#[test]
fn new_method_validates_and_runs_as_it_is() {
    let lab = Lab::new();
    lab.run(&["init"]).ok();
    lab.run(&["new", "method", "service-safari"]).ok();
    lab.run(&["validate", "methods/service-safari.yaml"]).ok();
    lab.run(&[
        "run",
        "service-safari",
        "--set",
        "question=How might we?",
        "--set",
        "ideas=[a, b]",
        "--set",
        "votes={a: 2}",
        "--set",
        "next_step=test",
    ])
    .ok();
    lab.run(&["new", "method", "service-safari"]).code(2);
    lab.run(&["new", "method", "Bad_Id"]).code(2);
}

#[test]
fn eject_copies_a_built_in_that_then_shadows_it() {
    let lab = Lab::new();
    lab.run(&["eject", "test-card"]).code(2);
    lab.run(&["init"]).ok();
    let run = lab.run(&["eject", "test-card"]).ok();
    assert!(
        run.stderr.contains("shadows the built-in"),
        "{}",
        run.stderr
    );
    assert!(lab.path().join("methods/test-card.yaml").exists());
    let rows: Vec<serde_json::Value> =
        serde_json::from_str(&lab.run(&["list", "--format", "json"]).ok().stdout).unwrap();
    assert_eq!(
        rows.iter().find(|r| r["id"] == "test-card").unwrap()["origin"],
        "workspace"
    );
    lab.run(&["eject", "test-card"]).code(2);
    lab.run(&["eject", "test-card", "--force"]).ok();
    lab.run(&["eject", "test-card", "--template"]).ok();
    assert!(lab.path().join("templates/test-card.md.hbs").exists());
    lab.run(&["eject", "design-sprint"]).ok();
    assert!(
        lab.path()
            .join("methods/playbooks/design-sprint.yaml")
            .exists()
    );
    let run = lab.run(&["eject", "test-crad"]).code(2);
    assert!(
        run.stderr.contains("did you mean `test-card`"),
        "{}",
        run.stderr
    );
    lab.run(&["validate"]).ok();
}

#[test]
fn completions_for_each_shell_and_a_man_page() {
    let lab = Lab::new();
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = lab.run(&["completions", shell]).ok();
        assert!(run.stdout.contains("labkit"), "{shell}");
    }
    assert!(
        lab.run(&["completions", "bash"])
            .ok()
            .stdout
            .contains("labkit ids"),
        "bash completes method ids"
    );
    assert!(
        lab.run(&["completions", "fish"])
            .ok()
            .stdout
            .contains("(labkit ids"),
        "fish completes method ids"
    );
    let ids = lab.run(&["ids"]).ok().stdout;
    assert!(ids.lines().any(|l| l == "test-card") && ids.lines().any(|l| l == "experiment-plan"));
    let man = lab.run(&["man"]).ok().stdout;
    assert!(
        man.contains(".TH labkit") && man.contains("Exit codes"),
        "{}",
        &man[..200.min(man.len())]
    );
}

/// `labkit man DIR` writes a page for every command the pages name, each with its options,
/// all in ASCII (other characters as roff escapes) so man, groff and mandoc read them alike.
#[test]
fn man_writes_one_page_per_command_each_with_its_options() {
    use clap::CommandFactory;

    let lab = Lab::new();
    let run = lab.run(&["man", "pages"]).ok();
    assert!(run.stderr.contains("manual pages"), "{}", run.stderr);
    let dir = lab.path().join("pages");
    let read = |name: &str| {
        std::fs::read_to_string(dir.join(name)).unwrap_or_else(|_| panic!("no page {name}"))
    };
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    files.sort();
    // Every `labkit-…(1)` a page names exists.
    let mut named = 0;
    for file in &files {
        let page = read(file);
        assert!(page.is_ascii(), "{file} is not ASCII");
        for (at, _) in page.match_indices("labkit\\-") {
            let rest = &page[at..];
            let Some(end) = rest.find("(1)") else {
                continue;
            };
            let name = rest[..end].replace("\\-", "-");
            if name.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
                assert!(
                    files.contains(&format!("{name}.1")),
                    "{file} names {name}(1)"
                );
                named += 1;
            }
        }
    }
    assert!(
        named >= 20,
        "the main page lists the commands ({named} found)"
    );
    assert!(
        !read("labkit.1").contains("labkit\\-help"),
        "clap's `help` has no page"
    );
    // Every visible command has its page, listing each of its options.
    let mut cmd = labkit::cli::Cli::command();
    cmd.build();
    let mut pending = vec![cmd];
    let mut pages = 0;
    while let Some(cmd) = pending.pop() {
        if cmd.get_name() == "help" || cmd.is_hide_set() {
            continue;
        }
        let name = cmd.get_display_name().unwrap_or(cmd.get_name()).to_owned();
        let page = read(&format!("{name}.1"));
        pages += 1;
        for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
            let shown = match arg.get_long() {
                Some(long) => format!("\\-\\-{}", long.replace('-', "\\-")),
                None => arg.get_id().as_str().to_uppercase(),
            };
            assert!(page.contains(&shown), "{name}.1 lacks {shown}");
        }
        pending.extend(cmd.get_subcommands().cloned());
    }
    assert_eq!(pages, files.len(), "{files:?}");
    // Without a folder, the main page goes to stdout.
    assert_eq!(lab.run(&["man"]).ok().stdout, read("labkit.1"));
    // Written in the language of the command, non-ASCII as escapes.
    lab.run(&["--lang", "pt", "man", "pt"]).ok();
    let list = std::fs::read_to_string(lab.path().join("pt/labkit-list.1")).unwrap();
    assert!(list.contains("m\\[u00E9]todos"), "{list}");
    // A file is not a folder.
    lab.write("taken", "x");
    lab.run(&["man", "taken"]).code(2);
}

#[test]
fn every_command_has_an_example_in_its_help() {
    let lab = Lab::new();
    let help = lab.run(&["--help"]).ok().stdout;
    assert!(help.contains("Exit codes: 0 ok"), "{help}");
    let commands: Vec<String> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.trim().is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .filter(|c| c != "help")
        .collect();
    assert!(commands.len() >= 18, "{commands:?}");
    for command in commands {
        let mut args = vec![command.clone()];
        if ["calc", "new"].contains(&command.as_str()) {
            continue; // groups of subcommands; their subcommands carry the examples
        }
        args.push("--help".into());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = lab.run(&args).ok().stdout;
        assert!(
            out.contains("Example"),
            "`labkit {command} --help` has no example:\n{out}"
        );
    }
}

#[test]
fn no_colour_in_pipes_or_with_no_color() {
    let lab = Lab::new();
    let run = lab.run(&["show", "test-card"]).ok();
    assert!(!run.stdout.contains('\u{1b}'));
    let lab = lab.env("NO_COLOR", "1");
    let run = lab.run(&["show", "nope"]).code(2);
    assert!(!run.stderr.contains('\u{1b}'));
    let run = lab.run(&["--color", "always", "show", "nope"]).code(2);
    assert!(
        run.stderr.contains('\u{1b}'),
        "--color always wins over NO_COLOR"
    );
}

#[test]
fn help_follows_the_language_and_stays_english_by_default() {
    let lab = Lab::new();
    let en = lab.run(&["--help"]).ok().stdout;
    assert!(
        en.starts_with("Innovation methods for public-sector labs"),
        "{en}"
    );
    assert!(en.contains("Exit codes: 0 ok") && en.contains("\nExamples:\n"));
    assert!(!en.contains("Métodos de inovação"), "{en}");
    let pt = lab.run(&["--lang", "pt", "--help"]).ok().stdout;
    assert!(
        pt.starts_with("Métodos de inovação para laboratórios do setor público"),
        "{pt}"
    );
    assert!(pt.contains("Listar os métodos e roteiros"), "{pt}");
    assert!(
        pt.contains("\nExemplos:\n  labkit list --stage ideation\n"),
        "{pt}"
    );
    // The locale alone is enough, for subcommands too; `--lang=en` wins over it.
    let lab = lab.env("LANG", "pt_PT.UTF-8");
    let run = lab.run(&["run", "--help"]).ok().stdout;
    assert!(
        run.starts_with("Conduzir um método como sessão guiada"),
        "{run}"
    );
    assert!(run.contains("Respostas a usar (YAML ou JSON"), "{run}");
    let arguments = run
        .find("\nArgumentos:\n  <METHOD>")
        .expect("positional heading");
    assert!(arguments < run.find("\nOpções:\n").unwrap(), "{run}");
    assert!(run.contains("  labkit run test-card --answers answers.yaml --no-input\n"));
    let forced = lab.run(&["--lang=en", "run", "--help"]).ok().stdout;
    assert_eq!(forced, Lab::new().run(&["run", "--help"]).ok().stdout);
    // Usage errors keep their exit code.
    lab.run(&["run"]).code(2);
}
