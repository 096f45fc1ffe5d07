//! The command line people expect (issue 15): shell completions, the manual page, the standards
//! catalogue, and `--ocid-prefix` asked for by `export --ocds` only. Each new command's `--help`
//! is snapshotted.

// A test that cannot run here (no bash) says so where `cargo test` shows it.
#![allow(clippy::print_stderr)]

use std::path::Path;
use std::process::Command;

/// The binary, run in the crate's directory with plain, fixed-width output.
fn tender() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tender"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("RUST_BACKTRACE");
    cmd
}

/// Exit code, stdout and stderr of a run.
fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = tender().args(args).output().expect("the binary runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    )
}

macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

#[test]
fn the_new_commands_have_help_with_examples_and_exit_codes() {
    for sub in ["standards", "completions", "man", "export"] {
        let (code, out, _) = run(&[sub, "--help"]);
        assert_eq!(code, Some(0), "{sub} --help");
        assert!(out.contains("Examples:"), "{sub}: {out}");
        assert!(out.contains("Exit codes:"), "{sub}: {out}");
        snapshot!(format!("help-{sub}"), out);
    }
    let (code, out, _) = run(&["import", "prices", "--help"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("Examples:") && out.contains("Exit codes:"), "{out}");
    snapshot!("help-import-prices", out);
    let (code, out, _) = run(&["import", "marks", "--help"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("Examples:") && out.contains("Exit codes:"), "{out}");
    snapshot!("help-import-marks", out);
}

/// Whether `program` can be run here.
fn available(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok_and(|o| o.status.success())
}

#[test]
fn the_bash_completion_script_is_sourced_without_error_and_completes_commands() {
    let (code, script, err) = run(&["completions", "bash"]);
    assert_eq!(code, Some(0), "{err}");
    if !available("bash") {
        eprintln!("skipped: bash is not installed; the script was generated but not sourced");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("tender.bash");
    std::fs::write(&file, &script).expect("written");
    // Source it with every error fatal, then ask it to complete `tender ev` and `tender evaluate --fo`.
    let probe = r#"set -euo pipefail
source "$1"
COMP_WORDS=(tender ev); COMP_CWORD=1; COMP_LINE="tender ev"; COMP_POINT=${#COMP_LINE}
_tender tender ev tender
printf '%s\n' "${COMPREPLY[@]}"
COMP_WORDS=(tender evaluate --fo); COMP_CWORD=2; COMP_LINE="tender evaluate --fo"; COMP_POINT=${#COMP_LINE}
_tender tender --fo evaluate
printf '%s\n' "${COMPREPLY[@]}"
"#;
    let out = Command::new("bash")
        .args(["--norc", "--noprofile", "-c", probe, "probe"])
        .arg(&file)
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "sourcing failed:\n{stderr}");
    assert!(stderr.is_empty(), "bash complained:\n{stderr}");
    let words: Vec<&str> = stdout.lines().collect();
    assert!(words.contains(&"evaluate"), "`tender ev` completes to evaluate: {words:?}");
    assert!(words.contains(&"--format"), "`tender evaluate --fo` completes to --format: {words:?}");
}

#[test]
fn every_shell_gets_a_script_that_names_the_commands() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let (code, script, err) = run(&["completions", shell]);
        assert_eq!(code, Some(0), "{shell}: {err}");
        for sub in ["check", "evaluate", "standards", "completions"] {
            assert!(script.contains(sub), "{shell}: no {sub}");
        }
    }
    let (code, _, err) = run(&["completions", "tcsh"]);
    assert_eq!(code, Some(2), "an unknown shell is a usage error");
    assert!(err.contains("bash") && err.contains("elvish"), "the error lists the shells: {err}");
}

#[test]
fn the_manual_page_is_roff_with_every_command() {
    let (code, page, err) = run(&["man"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{}", &page[..80.min(page.len())]);
    assert!(page.contains(".TH tender 1"), "a section-1 title");
    for sub in ["CHECK", "EVALUATE", "ANALYZE", "RENDER", "EXPORT", "SCHEMA", "STANDARDS", "COMPLETIONS", "MAN"] {
        assert!(page.contains(&format!(".SH \"TENDER {sub}\"")), "no section for {sub}");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("tender.1");
    let (code, out, err) = run(&["man", "-o", file.to_str().expect("UTF-8 path")]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.is_empty());
    assert_eq!(std::fs::read_to_string(&file).expect("written"), page);
}

#[test]
fn standards_json_lists_every_catalogue_entry() {
    let (code, out, err) = run(&["standards", "--format", "json"]);
    assert_eq!(code, Some(0), "{err}");
    let listed: Vec<tender_core::standards::Standard> = serde_json::from_str(&out).expect("JSON of standards");
    assert_eq!(listed, tender_core::standards::builtin_all());
    assert!(!listed.is_empty());
    let (code, table, _) = run(&["standards"]);
    assert_eq!(code, Some(0));
    for s in &listed {
        let line = table.lines().find(|l| l.starts_with(&format!("{} ", s.id))).expect("a line per entry");
        assert!(line.contains(s.name.get(&tender_core::Language::en())) && line.contains(&s.version), "{line}");
    }
    snapshot!("standards-text", table);
}

#[test]
fn ocid_prefix_is_asked_for_by_ocds_only() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/eu-sovereign-cloud");
    let fixture = fixture.to_str().expect("UTF-8 path");
    // eForms never needs it, and its usage line does not suggest so.
    let (code, _, err) = run(&["export", fixture]);
    assert_eq!(code, Some(2));
    assert!(err.contains("tender export --eforms [OPTIONS] <DIR|TENDER>"), "{err}");
    assert!(!err.contains("--ocid-prefix <PREFIX> <--eforms"), "{err}");
    let (code, out, err) = run(&["export", fixture, "--eforms"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("AwardingTerms"));
    // --ocds does, and says what to give.
    let (code, _, err) = run(&["export", fixture, "--ocds"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--ocds needs your ocid prefix: add --ocid-prefix PREFIX"), "{err}");
    // It means nothing to eForms.
    let (code, _, err) = run(&["export", fixture, "--eforms", "--ocid-prefix", "ocds-a1b2c3-"]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("--ocds"), "{err}");
}

/// Runs `tender ARGS` under a pseudo-terminal (util-linux `script`); returns what the terminal
/// showed, or `None` when `script` is not installed.
fn under_a_terminal(args: &str) -> Option<String> {
    let probe = Command::new("script").args(["-qec", "true", "/dev/null"]).output();
    if !probe.is_ok_and(|o| o.status.success()) {
        return None;
    }
    let command = format!("{} {args} > /dev/null", env!("CARGO_BIN_EXE_tender"));
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("NO_COLOR", "1")
        .output()
        .expect("script runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_progress_bar_appears_on_a_terminal_and_not_in_a_pipe() {
    let args = "analyze ../../fixtures/eu-sovereign-cloud --samples 150000 --no-price-models";
    let Some(terminal) = under_a_terminal(args) else {
        eprintln!("skipped: `script` (util-linux) is not installed, so there is no pseudo-terminal");
        return;
    };
    assert!(terminal.contains("rank stability") && terminal.contains("samples"), "no bar:\n{terminal}");
    let quiet = under_a_terminal(&format!("{args} --quiet")).expect("script ran before");
    assert!(!quiet.contains("rank stability"), "--quiet shows a bar:\n{quiet}");
    // Standard error to a pipe: no bar, and the same analysis.
    let piped = tender().args(args.split(' ')).output().expect("the binary runs");
    assert!(piped.status.success());
    let stderr = String::from_utf8_lossy(&piped.stderr);
    assert!(!stderr.contains("rank stability"), "a bar in a pipe:\n{stderr}");
    // Few samples: no bar even on a terminal.
    let few = under_a_terminal("analyze ../../fixtures/eu-sovereign-cloud --samples 1000 --no-price-models")
        .expect("script ran before");
    assert!(!few.contains("rank stability"), "a bar for a short run:\n{few}");
}
