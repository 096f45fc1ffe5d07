//! Tidiness rules for every crate of the workspace, checked over `crates/*/src` and
//! `crates/*/tests`:
//!
//! * every `.rs` file under `src/` starts with a `//!` module doc comment;
//! * no test expects a panic (`should_panic`): input must never panic the library, so tests assert
//!   on errors instead;
//! * no `todo!` or `unimplemented!` in library or binary code;
//! * no `dbg!` anywhere.
//!
//! Lines that are comments are not searched, so documentation may name the macros.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the workspace root exists")
}

/// Every `.rs` file under `dir`, recursively, sorted.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The crates' directories, sorted; whatever exists when the test runs.
fn crates() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root().join("crates"))
        .expect("crates/ exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs
}

// Written in two halves so that this file does not match itself.
const SHOULD_PANIC: &str = concat!("#[should", "_panic");
const TODO: &str = concat!("todo", "!(");
const UNIMPLEMENTED: &str = concat!("unimplemented", "!(");
const DBG: &str = concat!("dbg", "!(");

#[test]
fn the_workspace_is_tidy() {
    let root = root();
    let mut problems = Vec::new();
    let mut checked = 0;
    for krate in crates() {
        for (kind, is_src) in [("src", true), ("tests", false)] {
            let mut files = Vec::new();
            rust_files(&krate.join(kind), &mut files);
            for file in files {
                checked += 1;
                let rel = file.strip_prefix(&root).unwrap_or(&file).display().to_string();
                let text = match std::fs::read_to_string(&file) {
                    Ok(text) => text,
                    Err(e) => {
                        problems.push(format!("{rel}: cannot be read: {e}"));
                        continue;
                    }
                };
                if is_src && !text.lines().find(|l| !l.trim().is_empty()).is_some_and(|l| l.starts_with("//!")) {
                    problems
                        .push(format!("{rel}:1: does not start with a `//!` comment saying what the module is for"));
                }
                for (i, line) in text.lines().enumerate() {
                    if line.trim_start().starts_with("//") {
                        continue;
                    }
                    let at = format!("{rel}:{}", i + 1);
                    if line.contains(SHOULD_PANIC) {
                        problems
                            .push(format!("{at}: `should_panic`: assert on the error instead of expecting a panic"));
                    }
                    if is_src && line.contains(TODO) {
                        problems.push(format!("{at}: `todo!`: finish the code or return an error"));
                    }
                    if is_src && line.contains(UNIMPLEMENTED) {
                        problems.push(format!("{at}: `unimplemented!`: finish the code or return an error"));
                    }
                    if line.contains(DBG) {
                        problems.push(format!("{at}: `dbg!`: remove the debugging output"));
                    }
                }
            }
        }
    }
    assert!(checked > 0, "no Rust files found under crates/*/src or crates/*/tests");
    assert!(problems.is_empty(), "{} tidiness problem(s):\n{}", problems.len(), problems.join("\n"));
}

/// Issue 17: the crates that compute with numbers read from files deny unchecked arithmetic, so an
/// overflow is an error with its place, never a panic. Removing the lint fails here.
#[test]
fn crates_that_compute_with_input_numbers_deny_unchecked_arithmetic() {
    for krate in ["core", "text", "interop"] {
        let lib = root().join("crates").join(krate).join("src/lib.rs");
        let text = std::fs::read_to_string(&lib).expect("lib.rs is readable");
        assert!(
            text.lines().any(|l| l.trim() == "#![deny(clippy::arithmetic_side_effects)]"),
            "{}: add #![deny(clippy::arithmetic_side_effects)]",
            lib.display()
        );
    }
}
