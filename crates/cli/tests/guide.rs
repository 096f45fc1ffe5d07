//! The Rust example in `docs/guide.md` ("Embedding the crates") is this crate's
//! `tests/embed/example.rs`, compiled and run here on a bundled fixture, and checked to be the same
//! text as in the guide.

#![allow(dead_code)] // `include!` brings in the example as the guide shows it.

include!("embed/example.rs");

fn workspace() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

#[test]
fn the_guide_example_runs() {
    let lines = rank(&workspace().join("fixtures/eu-sovereign-cloud")).expect("the fixture evaluates");
    assert!(lines.iter().any(|l| l.starts_with("IAAS ")), "{lines:?}");
}

#[test]
fn the_guide_shows_the_example_as_compiled() {
    let guide = std::fs::read_to_string(workspace().join("docs/guide.md")).expect("docs/guide.md");
    let shown = guide.split("```rust\n").nth(1).and_then(|b| b.split("```").next()).expect("a ```rust block");
    let compiled = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/embed/example.rs"))
        .expect("the example");
    assert_eq!(shown, compiled, "docs/guide.md and crates/cli/tests/embed/example.rs differ");
}
