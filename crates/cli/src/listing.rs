//! What is in a directory of bids, and why each file that is not read is not read (issue 17: with
//! the cheapest bid saved as `.b2.toml`, or a dangling link in `bids/`, another bid won in silence).
//!
//! Every entry of the directory is accounted for, in file-name order:
//!
//! * a `.toml`, `.json` or `.jsonl` file (or a link to one) is read as a bid file (a `.json` file
//!   holding a list, a `.jsonl` file and a `.toml` file of `[[bids]]` tables are bundles of bids);
//! * a hidden `.toml` or `.json` file is skipped with a warning;
//! * a symbolic link that points nowhere, or in a loop, is an error: the bid it was meant to be
//!   cannot be read;
//! * a subdirectory, or a file of another type, is skipped with a warning;
//! * other hidden files (`.DS_Store`, `.gitkeep`) are named together in one warning.

use std::path::{Path, PathBuf};

use tender_core::files::Format;

use crate::diagnostics::{Diagnostic, Diagnostics};

/// The bid files of directory `dir`, sorted by name; every entry that is not one is reported.
pub(crate) fn bid_dir(dir: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            diags.push(Diagnostic::error(format!("{}: cannot read the directory: {e}", dir.display())));
            return Vec::new();
        }
    };
    // Each entry with its type as the listing gives it (no call per file where the file system
    // says; a link's target is looked up below).
    let mut listed: Vec<(PathBuf, Option<std::fs::FileType>)> = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) => listed.push((entry.path(), entry.file_type().ok())),
            Err(e) => diags.push(Diagnostic::error(format!("{}: cannot list an entry: {e}", dir.display()))),
        }
    }
    // The paths differ only in their file names, so ordering them by their bytes is ordering
    // them by name (and much cheaper than comparing them component by component).
    listed.sort_by(|(a, _), (b, _)| a.as_os_str().cmp(b.as_os_str()));
    let mut bids = Vec::new();
    let mut hidden_others = Vec::new();
    for (p, file_type) in listed {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let bid_like = Format::from_path(&p).is_some();
        let hidden = name.starts_with('.');
        // A link (or an entry the listing did not type) is followed to what it points to.
        let followed = file_type.filter(|t| !t.is_symlink());
        if followed.is_none()
            && let Some(d) = broken_link(&p)
        {
            // A link meant as a bid, hidden or not, is an error: its bid cannot be read.
            diags.push(if bid_like || !hidden { d } else { d.with_level(crate::diagnostics::Level::Warning) });
            continue;
        }
        let is_dir = followed.map_or_else(|| p.is_dir(), |t| t.is_dir());
        match (hidden, bid_like, is_dir) {
            (true, true, false) => {
                diags.not_read(&p, "a hidden file");
                diags.push(Diagnostic::warning(format!("{}: skipped: a hidden file", p.display())).with_help(
                    "files whose names start with `.` are not read; if it is a bid, rename it without the dot",
                ))
            }
            (true, _, _) => {
                diags.not_read(&p, "a hidden file");
                hidden_others.push(name);
            }
            (false, _, true) => {
                diags.not_read(&p, "a directory");
                diags.push(
                    Diagnostic::warning(format!("{}: skipped: a directory", p.display()))
                        .with_help("bids are read from the directory itself, not from its subdirectories"),
                );
            }
            // A FIFO or a device with a bid's name is kept: reading refuses it with an error.
            (false, true, false) => bids.push(p),
            (false, false, false) => {
                diags.not_read(&p, "not a .toml, .json or .jsonl file");
                diags.push(
                    Diagnostic::warning(format!("{}: skipped: not a .toml, .json or .jsonl file", p.display()))
                        .with_help("bid files are read by extension; rename the file if it is a bid"),
                );
            }
        }
    }
    if !hidden_others.is_empty() {
        diags.push(
            Diagnostic::warning(format!("{}: skipped hidden files: {}", dir.display(), hidden_others.join(", ")))
                .with_help(
                    "hidden files are not read; none of these is named like a bid file (.toml, .json or .jsonl)",
                ),
        );
    }
    if bids.is_empty() {
        diags.push(Diagnostic::warning(format!(
            "{}: no bid files (.toml, .json or .jsonl) in the directory",
            dir.display()
        )));
    }
    bids
}

/// An error for `path` if it is a symbolic link that cannot be followed: one that points to
/// nothing, or in a loop.
pub(crate) fn broken_link(path: &Path) -> Option<Diagnostic> {
    let link = std::fs::symlink_metadata(path).ok()?;
    if !link.file_type().is_symlink() {
        return None;
    }
    let e = std::fs::metadata(path).err()?;
    let target = std::fs::read_link(path).map(|t| t.display().to_string()).unwrap_or_default();
    Some(if e.kind() == std::io::ErrorKind::NotFound {
        Diagnostic::error(format!("{}: the symbolic link points to `{target}`, which does not exist", path.display()))
            .with_help("fix the link (ln -sf TARGET LINK), or remove it")
    } else {
        // A loop: the system says "Too many levels of symbolic links".
        Diagnostic::error(format!("{}: cannot follow the symbolic link to `{target}`: {e}", path.display()))
            .with_help("the link leads back to itself; point it at the file, or remove it")
    })
}

/// An error for a path that is not there: a broken symbolic link says so (issue 17: a link in a
/// loop was reported as "no such file").
pub(crate) fn missing(path: &Path) -> Diagnostic {
    broken_link(path).unwrap_or_else(|| {
        Diagnostic::error(format!("{}: no such file or directory", path.display()))
            .with_help("check the path; it is relative to the current directory")
    })
}
