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

/// The bash script, sourced in a real bash with `COMP_WORDS`/`COMP_CWORD` set as bash sets
/// them, offers method ids wherever the options are and the known values of `--lang`,
/// `--stage`, `--status`, never file names for them.
#[test]
fn bash_completes_ids_after_options_and_the_values_of_known_flags() {
    let lab = Lab::new();
    let script = lab.run(&["completions", "bash"]).ok().stdout;
    lab.write("labkit.bash", script);
    // Files the old script offered for `--lang` and friends; none may come back.
    lab.write("en-notes.txt", "x");
    lab.write("setup.txt", "x");
    let cases: &[(&[&str], &[&str])] = &[
        (&["labkit", "show", "test-c"], &["test-card"]),
        (
            &["labkit", "--lang", "pt", "show", "test-c"],
            &["test-card"],
        ),
        // bash splits `--lang=pt` at the `=`.
        (
            &["labkit", "--lang", "=", "pt", "show", "test-c"],
            &["test-card"],
        ),
        (
            &["labkit", "-q", "--color", "never", "agenda", "test-c"],
            &["test-card"],
        ),
        (
            &["labkit", "show", "--format", "json", "test-c"],
            &["test-card"],
        ),
        (
            &["labkit", "--methods", "run", "run", "test-c"],
            &["test-card"],
        ),
        (&["labkit", "eject", "--template", "test-c"], &["test-card"]),
        (
            &["labkit", "show", "--format", ""],
            &["text", "md", "json", "yaml"],
        ),
        (&["labkit", "--lang", ""], &["en", "pt"]),
        (&["labkit", "list", "--lang", ""], &["en", "pt"]),
        (
            &["labkit", "list", "--stage", ""],
            &[
                "setup",
                "framing",
                "research",
                "ideation",
                "experiment",
                "learning",
            ],
        ),
        (&["labkit", "suggest", "--stage", "se"], &["setup"]),
        (
            &["labkit", "portfolio", "--stage", ""],
            &[
                "setup",
                "framing",
                "research",
                "ideation",
                "experiment",
                "learning",
            ],
        ),
        (
            &["labkit", "portfolio", "--status", ""],
            &["in_progress", "finished"],
        ),
        (&["labkit", "init", "--default-lang", ""], &["en", "pt"]),
    ];
    let mut program = String::from("source ./labkit.bash\n");
    for (words, _) in cases {
        let quoted: Vec<String> = words.iter().map(|w| format!("'{w}'")).collect();
        program.push_str(&format!(
            "COMP_WORDS=({}); COMP_CWORD={}; COMPREPLY=(); \
             _labkit_with_ids labkit \"${{COMP_WORDS[COMP_CWORD]}}\" \"${{COMP_WORDS[COMP_CWORD-1]}}\"; \
             echo \"${{COMPREPLY[*]}}\"\n",
            quoted.join(" "),
            words.len() - 1
        ));
    }
    let bin = std::path::Path::new(env!("CARGO_BIN_EXE_labkit"))
        .parent()
        .unwrap();
    let output = std::process::Command::new("bash")
        .args(["--norc", "--noprofile", "-c", &program])
        .current_dir(lab.path())
        .env_clear()
        .env("HOME", lab.path())
        .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
        .output()
        .expect("bash");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines.len(),
        cases.len(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for ((words, expected), line) in cases.iter().zip(lines) {
        let mut got: Vec<&str> = line.split_whitespace().collect();
        let mut want = expected.to_vec();
        got.sort_unstable();
        want.sort_unstable();
        assert_eq!(got, want, "completing `{}`", words.join(" "));
    }
}

/// zsh and fish: the values of the known flags are in the scripts, and the id completion reads
/// the command line past the options, given which options take a value.
#[test]
fn zsh_and_fish_scripts_complete_known_values_and_ids_after_options() {
    let lab = Lab::new();
    let zsh = lab.run(&["completions", "zsh"]).ok().stdout;
    for values in [
        ":LANG:(en pt)",
        ":STAGE:(setup framing research ideation experiment learning)",
        ":STATUS:(in_progress finished)",
    ] {
        assert!(zsh.contains(values), "zsh lacks {values}");
    }
    assert!(zsh.contains("\" --lang\"|") && zsh.contains("\"show --format\""));
    assert!(
        !zsh.contains("\"eject --template\""),
        "eject's --template is a flag"
    );
    // Autoloaded from $fpath or sourced, completion goes through the id-aware wrapper.
    assert!(
        !zsh.contains("compdef _labkit labkit"),
        "{}",
        &zsh[zsh.len() - 400..]
    );
    assert_eq!(zsh.matches("compdef _labkit_with_ids labkit").count(), 2);
    assert!(zsh.contains("    _labkit_with_ids \"$@\"\n"));

    let fish = lab.run(&["completions", "fish"]).ok().stdout;
    for (flag, value) in [
        ("-l lang", "pt"),
        ("-l stage", "experiment"),
        ("-l status", "in_progress"),
        ("-l default-lang", "en"),
    ] {
        assert!(
            fish.lines()
                .any(|l| l.contains(flag) && l.contains(" -r -f -a "))
                && fish.contains(value),
            "fish lacks values for {flag}"
        );
    }
    assert!(
        fish.contains("-n 'not __fish_seen_subcommand_from list show "),
        "global values"
    );
    assert!(fish.contains("case show\n            set specs 'all' 'format=+'"));
    assert!(fish.contains("complete -c labkit -n '__fish_labkit_needs_id show agenda eject' -f"));
}

/// Every value the completions offer is one labkit takes.
#[test]
fn the_offered_values_are_accepted() {
    let lab = Lab::new();
    for stage in labkit::method::raw::Stage::ALL {
        lab.run(&["list", "--stage", stage.as_str()]).ok();
        lab.run(&["suggest", "--stage", stage.as_str()]).ok();
    }
    lab.write("sessions/.keep", "");
    for status in labkit::session::Status::ALL {
        lab.run(&["portfolio", "--status", status.as_str()]).ok();
    }
    for lang in labkit::lang::Lang::ALL {
        lab.run(&["--lang", lang.code(), "list"]).ok();
    }
    // labkit's own check still answers, with a hint, in the user's language.
    let run = lab
        .run(&["--lang", "pt", "list", "--stage", "ideas"])
        .code(2);
    assert!(run.stderr.contains("`ideation`"), "{}", run.stderr);
    assert!(run.stderr.contains("fase desconhecida"), "{}", run.stderr);
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
