//! Every bundled fixture analysed end to end; the text rendering is snapshotted (the Markdown, in
//! Danish and English, is tender-text's and snapshotted there), and the analysis is run twice
//! (with the bids in reverse order the second time) to prove the output is byte-identical for a
//! fixed seed.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use tender_analysis::{Options, analyze, render::render_text};
use tender_core::{Bid, Tender, files};

fn fixture_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("tender.toml").exists())
        .collect();
    dirs.sort();
    dirs
}

fn load(dir: &Path) -> (Tender, Vec<Bid>) {
    files::load_case(dir).unwrap()
}

#[test]
fn fixtures_analyse_and_match_their_snapshots() {
    let dirs = fixture_dirs();
    assert!(dirs.len() >= 4, "expected the four bundled fixtures");
    let options = Options { samples: 4_000, seed: 2026, ..Options::default() };
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let (tender, bids) = load(&dir);
        let first = analyze(&tender, &bids, &options).unwrap();
        let mut reversed = bids.clone();
        reversed.reverse();
        let second = analyze(&tender, &reversed, &options).unwrap();
        assert_eq!(serde_json::to_string(&first).unwrap(), serde_json::to_string(&second).unwrap(), "{name}");
        let text = render_text(&first);
        insta::with_settings!({ snapshot_suffix => name.clone(), prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!("analysis", text);
        });
    }
}
