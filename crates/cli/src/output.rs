//! Writing results: to standard output, or to a file with `-o FILE`.
//!
//! A file is written next to its destination under a temporary name and then renamed over it, so a
//! reader never sees half a file and a failed run leaves any earlier file as it was. A closed pipe
//! (`tender schema tender | head`) is not an error.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

/// Writes `text` to standard output, or to `file`.
pub(crate) fn write(text: &str, file: Option<&Path>) -> Result<(), Diagnostic> {
    match file {
        None => {
            to_stdout(text);
            Ok(())
        }
        Some(path) => write_file(path, &tender_core::inert::inert(text)),
    }
}

/// Writes to standard output; a closed pipe ends the output quietly.
pub(crate) fn to_stdout(text: &str) {
    // No control character from the input reaches the terminal (issue 17); the results have none
    // of their own but line breaks and tabs.
    let text = tender_core::inert::inert(text);
    let mut out = std::io::stdout().lock();
    // A reader that stopped reading (a closed pipe) has all it wanted.
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}

/// Writes to standard error; nothing else can be done if that fails.
pub(crate) fn to_stderr(text: &str) {
    let mut err = std::io::stderr().lock();
    let _ = err.write_all(text.as_bytes()).and_then(|()| err.flush());
}

fn write_file(path: &Path, text: &str) -> Result<(), Diagnostic> {
    let fail = |what: &str, e: std::io::Error| {
        Diagnostic::error(format!("{}: cannot {what}: {e}", path.display()))
            .with_help("check that the directory exists and can be written to")
    };
    let name = path.file_name().ok_or_else(|| {
        Diagnostic::error(format!("{}: not a file name", path.display()))
            .with_help("give a file name, e.g. -o result.json")
    })?;
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_owned);
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(name);
    temp_name.push(format!(".{}.tmp", std::process::id()));
    let temp = dir.join(temp_name);
    let written = std::fs::File::create(&temp).and_then(|mut f| {
        f.write_all(text.as_bytes())?;
        f.sync_all()
    });
    if let Err(e) = written {
        let _ = std::fs::remove_file(&temp);
        return Err(fail("write the file", e));
    }
    std::fs::rename(&temp, path).map_err(|e| {
        let _ = std::fs::remove_file(&temp);
        fail("write the file", e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_replaced_whole() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.txt");
        write("first", Some(&path)).expect("written");
        write("second", Some(&path)).expect("written");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "second");
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "no temporary file is left behind");
    }

    #[test]
    fn a_missing_directory_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("no/such/dir/out.txt");
        assert!(write("x", Some(&path)).is_err());
    }
}
