//! Shared test helpers: the fixtures' tenders and bids.

#![allow(dead_code, unreachable_pub)] // Each test binary uses a part.

use std::path::{Path, PathBuf};

use tender_core::{Bid, Tender, files};

/// The repository's fixtures directory.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures")
}

/// Every fixture case: its name, tender and bids (bids in file-name order).
pub fn fixtures() -> Vec<(String, Tender, Vec<Bid>)> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .expect("fixtures dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("tender.toml").is_file())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|dir| {
            let name = dir.file_name().expect("name").to_string_lossy().into_owned();
            let (tender, bids) = files::load_case(&dir).expect("the fixture loads");
            (name, tender, bids)
        })
        .collect()
}

/// Files in `dir` with the extension, sorted.
pub fn files_with(dir: &Path, extension: &str) -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("dir")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    paths.sort();
    paths
}
