//! Criterion ids are unique only within a lot: the case in `tests/lot-scoped-ids/` (workspace root),
//! whose two lots both have `PRICE` and `Q1`, copied to a temporary directory and run through every
//! command of the binary.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn case() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/lot-scoped-ids")
}

/// A copy of the case in a fresh temporary directory.
fn copy_case() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary directory");
    std::fs::create_dir(dir.path().join("bids")).expect("bids/ can be created");
    std::fs::copy(case().join("tender.toml"), dir.path().join("tender.toml")).expect("the tender is copied");
    for entry in std::fs::read_dir(case().join("bids")).expect("the case has bids/") {
        let path = entry.expect("a directory entry").path();
        let name = path.file_name().expect("a file name");
        std::fs::copy(&path, dir.path().join("bids").join(name)).expect("a bid is copied");
    }
    dir
}

/// Runs the binary in `dir` with plain, fixed-width output; returns the exit code and stdout, and
/// stderr after it.
fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_tender"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("CLICOLOR_FORCE")
        .args(args)
        .output()
        .expect("the binary runs");
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("UTF-8"),
        String::from_utf8(output.stderr).expect("UTF-8"),
    )
}

#[test]
fn every_command_runs_on_two_lots_with_the_same_criterion_ids() {
    let dir = copy_case();
    let d = dir.path();

    let (code, out, err) = run(d, &["check", "."]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("the tender and its 4 bids are valid"), "{out}");

    let (code, out, err) = run(d, &["evaluate", "."]);
    assert_eq!(code, Some(0), "{out}{err}");
    insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!("lot-scoped-ids-evaluate", out);
    });

    let (code, out, err) = run(d, &["evaluate", ".", "--format", "json", "--derivations"]);
    assert_eq!(code, Some(0), "{out}{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("the evaluation is JSON");
    let q1_points = |lot: usize, bid: usize| {
        let criteria = json["lots"][lot]["bids"][bid]["criteria"].as_array().expect("criteria").clone();
        let q1 = criteria.into_iter().find(|c| c["criterion"] == "Q1").expect("Q1 is scored");
        q1["points"]["value"].as_str().unwrap_or_default().to_owned()
    };
    // MAIL's Q1 weighs 60 and is marked directly; FILES's weighs 50, from its sub-criteria.
    assert_eq!(json["lots"][0]["lot"], "MAIL");
    assert_eq!(q1_points(0, 0), "48.00");
    assert_eq!(json["lots"][1]["lot"], "FILES");
    assert_eq!(q1_points(1, 0), "40.00");

    for lang in ["da", "en"] {
        let (code, out, err) = run(d, &["evaluate", ".", "--format", "markdown", "--lang", lang]);
        assert_eq!(code, Some(0), "{out}{err}");
        assert!(out.contains("Q1"), "{out}");
    }

    // The tender-wide award requirement R-USABILITY is scored under each lot's own Q1.
    let (code, out, err) = run(d, &["render", "tender.toml", "--lang", "en"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains("**Assessed under the award criterion:** MAIL: Q1 (Usability) and FILES: Q1 (Document handling)"),
        "{out}"
    );
    assert!(out.contains("**Assessed under the award criterion:** Q1 (Document handling)"), "{out}");

    let (code, out, err) = run(d, &["export", ".", "--eforms"]);
    assert_eq!(code, Some(0), "{out}{err}");
    let (code, out, err) = run(d, &["export", ".", "--ocds", "--ocid-prefix", "ocds-test-"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert_eq!(out.matches("\"id\": \"Q1\"").count(), 4, "one Q1 per evaluated bid: {out}");

    let (code, out, err) = run(d, &["analyze", ".", "--samples", "100", "--seed", "1"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("== Lot FILES"), "{out}");
}

#[test]
fn a_criterion_id_twice_in_one_lot_is_located_and_names_the_lot() {
    let dir = copy_case();
    let d = dir.path();
    let tender = std::fs::read_to_string(d.join("tender.toml")).expect("the tender");
    // FILES's sub-criterion Q1.2 becomes a second Q1.1.
    std::fs::write(d.join("tender.toml"), tender.replace("id = \"Q1.2\"", "id = \"Q1.1\"")).expect("written");
    let (code, out, err) = run(d, &["check", "."]);
    assert_eq!(code, Some(1), "{out}{err}");
    // The message is wrapped at the terminal's width.
    let message: String = err.split_whitespace().filter(|w| *w != "│").collect::<Vec<_>>().join(" ");
    assert!(
        message.contains(
            "lots[1].award.criteria[1].sub_criteria[1].id: the criterion id `Q1.1` is used twice in lot `FILES`"
        ),
        "{err}"
    );
    assert!(err.contains("tender.toml:85:6]"), "located in the file: {err}");
}
