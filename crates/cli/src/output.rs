//! Writing results: to standard output, or to a file with `-o FILE`.
//!
//! A file is written next to its destination under a temporary name and then renamed over it, so a
//! reader never sees half a file and a failed run leaves any earlier file as it was. A closed pipe
//! (`tender schema tender | head`) is not an error.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::diagnostics::Diagnostic;

/// Writes `text` to standard output, or to `file`.
pub(crate) fn write(text: &str, file: Option<&Path>) -> Result<(), Diagnostic> {
    match file {
        None => {
            to_stdout(text);
            Ok(())
        }
        Some(path) => write_file(path, |out| out.write_all(tender_core::inert::inert(text).as_bytes())),
    }
}

/// Writes the text `fill` writes to standard output, or to `file`, as it is made: a large result
/// (52 MB of JSON for 20,000 bids) is never held whole. It passes through [`Inert`], so what
/// reaches the file or the terminal is what [`write`] would write.
pub(crate) fn write_with(
    file: Option<&Path>,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), Diagnostic> {
    match file {
        None => {
            let mut out = Inert::new(std::io::stdout().lock());
            // A reader that stopped reading (a closed pipe) has all it wanted.
            let _ = fill(&mut out).and_then(|()| out.flush());
            Ok(())
        }
        Some(path) => write_file(path, |file| {
            let mut out = Inert::new(file);
            fill(&mut out)?;
            out.flush()
        }),
    }
}

/// A writer that passes the text written to it through [`tender_core::inert::inert`] on its way
/// to `inner`, in blocks cut at character boundaries (`inert` maps each character on its own, so
/// the blocks give what the whole text would).
struct Inert<W: Write> {
    inner: W,
    /// Written and not yet passed on: less than a block, or the start of a character whose other
    /// bytes are still to come.
    pending: Vec<u8>,
}

impl<W: Write> Inert<W> {
    /// The text is passed on in blocks of about this many bytes.
    const BLOCK: usize = 1 << 16;

    fn new(inner: W) -> Self {
        Self { inner, pending: Vec::with_capacity(Self::BLOCK + 4) }
    }

    /// Passes on the pending text; a character cut at the end waits for its other bytes unless
    /// `all`. Bytes that are not UTF-8 (none of the program's writers makes them) are shown as
    /// `�`.
    fn pass(&mut self, all: bool) -> std::io::Result<()> {
        let Self { inner, pending } = self;
        let whole = match std::str::from_utf8(pending) {
            Ok(text) => {
                inner.write_all(tender_core::inert::inert(text).as_bytes())?;
                pending.len()
            }
            Err(e) if e.error_len().is_none() && !all => {
                let (text, _) = pending.split_at(e.valid_up_to());
                let text = std::str::from_utf8(text).map_err(std::io::Error::other)?;
                inner.write_all(tender_core::inert::inert(text).as_bytes())?;
                text.len()
            }
            Err(_) => {
                inner.write_all(tender_core::inert::inert(&String::from_utf8_lossy(pending)).as_bytes())?;
                pending.len()
            }
        };
        pending.drain(..whole);
        Ok(())
    }
}

impl<W: Write> Write for Inert<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.pending.extend_from_slice(buf);
        if self.pending.len() >= Self::BLOCK {
            self.pass(false)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.pass(true)?;
        self.inner.flush()
    }
}

/// Writes a binary file (an XLSX workbook) to `file`, or to standard output when that is not a
/// terminal (`> evaluation.xlsx`, a pipe); a terminal is refused rather than filled with bytes.
pub(crate) fn write_binary(bytes: &[u8], file: Option<&Path>, example: &str) -> Result<(), Diagnostic> {
    match file {
        Some(path) => write_file(path, |out| out.write_all(bytes)),
        None => {
            use std::io::IsTerminal as _;
            let mut out = std::io::stdout().lock();
            if out.is_terminal() {
                return Err(Diagnostic::error("the output is a binary file; not written to the terminal")
                    .with_help(format!("give a file name, e.g. -o {example}, or redirect the output")));
            }
            // A reader that stopped reading (a closed pipe) has all it wanted.
            let _ = out.write_all(bytes).and_then(|()| out.flush());
            Ok(())
        }
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

/// Writes `text` to the file `path` names, by what is there (issue 17: `-o` replaced devices, FIFOs
/// and symbolic links with regular files):
///
/// * nothing, or a regular file: written under a temporary name beside it and renamed over it,
///   keeping the old file's permissions; the temporary file is removed on every error;
/// * a symbolic link: the same, for the file the link points to (the link stays); a link that
///   points nowhere, or in a loop, is refused;
/// * a FIFO or a character device (`/dev/null`, `/dev/stdout`, a terminal): written to directly;
/// * a directory, a block device (a disk), a socket: refused.
///
/// `fill` writes the content.
fn write_file(path: &Path, fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>) -> Result<(), Diagnostic> {
    let target = match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => std::fs::canonicalize(path).map_err(|e| {
            Diagnostic::error(format!("{}: cannot follow the symbolic link: {e}", path.display())).with_help(
                "the link points to nothing, or in a loop; give the file itself, or fix the link with `ln -sf`",
            )
        })?,
        _ => path.to_owned(),
    };
    match std::fs::metadata(&target) {
        Ok(m) if m.is_file() => replace_regular(path, &target, fill, Some(m.permissions())),
        Ok(m) => match Special::of(&m) {
            Special::Stream => write_directly(path, &target, fill),
            Special::Refused(what) => Err(Diagnostic::error(format!("{}: is {what}; not written", path.display()))
                .with_help("give the name of a file to write, e.g. -o result.json")),
        },
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => replace_regular(path, &target, fill, None),
        Err(e) => Err(Diagnostic::error(format!("{}: cannot write the file: {e}", path.display()))
            .with_help("check that the directory exists and can be written to")),
    }
}

/// What to do with an existing path that is not a regular file.
enum Special {
    /// A FIFO or a character device: written to as it is.
    Stream,
    /// Refused, with what it is.
    Refused(&'static str),
}

impl Special {
    fn of(m: &std::fs::Metadata) -> Self {
        if m.is_dir() {
            return Self::Refused("a directory");
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt as _;
            let t = m.file_type();
            if t.is_fifo() || t.is_char_device() {
                return Self::Stream;
            }
            if t.is_block_device() {
                return Self::Refused("a block device (a disk)");
            }
            if t.is_socket() {
                return Self::Refused("a socket");
            }
        }
        Self::Refused("not a regular file")
    }
}

/// Writes to a FIFO or a device as it is: no temporary file, no rename.
fn write_directly(
    path: &Path,
    target: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> Result<(), Diagnostic> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(target)
        .and_then(|mut f| fill(&mut f).and_then(|()| f.flush()))
        .map_err(|e| {
            Diagnostic::error(format!("{}: cannot write: {e}", path.display()))
                .with_help("check that the device or pipe can be written to")
        })
}

/// Writes `target` (a regular file, or none yet) whole: under a temporary name in its directory,
/// then renamed over it. `path` is the name the user gave, for messages.
fn replace_regular(
    path: &Path,
    target: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
    permissions: Option<std::fs::Permissions>,
) -> Result<(), Diagnostic> {
    let fail = |e: std::io::Error| {
        Diagnostic::error(format!("{}: cannot write the file: {e}", path.display()))
            .with_help("check that the directory exists and can be written to")
    };
    let name = target.file_name().ok_or_else(|| {
        Diagnostic::error(format!("{}: not a file name", path.display()))
            .with_help("give a file name, e.g. -o result.json")
    })?;
    let dir = target.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_owned);
    // `create_new`: never write through, or later remove, something already at the temporary name
    // (a link planted there, or a file left by an earlier run killed with the same process id).
    let (file, mut temp) = (0..100_u32)
        .find_map(|attempt| {
            let mut temp_name = std::ffi::OsString::from(".");
            temp_name.push(name);
            temp_name.push(format!(".{}.{attempt}.tmp", std::process::id()));
            let path = dir.join(temp_name);
            match std::fs::OpenOptions::new().write(true).create_new(true).open(&path) {
                Ok(file) => Some(Ok((file, Temporary::new(path)))),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => None,
                Err(e) => Some(Err(e)),
            }
        })
        .unwrap_or_else(|| Err(std::io::Error::other("no free temporary name beside the file")))
        .map_err(fail)?;
    let mut file = file;
    fill(&mut file)
        .and_then(|()| permissions.map_or(Ok(()), |p| file.set_permissions(p)))
        .and_then(|()| file.sync_all())
        .map_err(fail)?;
    std::fs::rename(&temp.path, target).map_err(fail)?;
    // Renamed: there is nothing left to remove.
    temp.armed = false;
    Ok(())
}

/// A temporary file, removed when dropped (on every error path, and on a panic) and by the signal
/// handler when the program is interrupted while it exists.
struct Temporary {
    path: PathBuf,
    /// Whether it still exists under its temporary name.
    armed: bool,
}

impl Temporary {
    /// A temporary file just created at `path`.
    fn new(path: PathBuf) -> Self {
        if let Ok(mut pending) = PENDING.lock() {
            *pending = Some(path.clone());
        }
        Self { path, armed: true }
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        if self.armed {
            let _ = std::fs::remove_file(&self.path);
        }
        if let Ok(mut pending) = PENDING.lock() {
            *pending = None;
        }
    }
}

/// The temporary file being written, if any: what an interrupted run must remove.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Removes the temporary file of `-o` when the program is interrupted (SIGINT, SIGTERM, SIGHUP),
/// then ends it with exit code 130, as an interrupted program does (issue 17: the `.tmp` file was
/// left behind). Installed once, at the start.
pub(crate) fn clean_up_when_interrupted() {
    // Without the handler (another one is installed) only the cleanup is lost.
    let _ = ctrlc::set_handler(|| {
        remove_pending(&PENDING);
        std::process::exit(130);
    });
}

/// Removes the temporary file being written, if any.
fn remove_pending(pending: &Mutex<Option<PathBuf>>) {
    if let Ok(mut pending) = pending.lock()
        && let Some(path) = pending.take()
    {
        let _ = std::fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_written_in_pieces_is_made_inert_as_written_whole() {
        // Control characters (C0, DEL, C1), line breaks, and characters of two to four bytes, cut
        // at every place: in the middle of a character too.
        let text = "Evil\u{1b}[31m Corp\r\n\u{7f}æøå \u{85}\u{9b}§ 日本 🦀\tend\u{0}".repeat(3);
        let expected = tender_core::inert::inert(&text).into_owned();
        for piece in 1..=9 {
            let mut out = Inert::new(Vec::new());
            for chunk in text.as_bytes().chunks(piece) {
                out.write_all(chunk).expect("written");
            }
            out.flush().expect("flushed");
            assert_eq!(String::from_utf8(out.inner).expect("UTF-8"), expected, "pieces of {piece} bytes");
        }
        // Blocks larger than the buffer are passed on as they come.
        let long = text.repeat(2000);
        let mut out = Inert::new(Vec::new());
        for chunk in long.as_bytes().chunks(7777) {
            out.write_all(chunk).expect("written");
        }
        out.flush().expect("flushed");
        assert_eq!(String::from_utf8(out.inner).expect("UTF-8"), tender_core::inert::inert(&long));
        // Bytes that are not UTF-8 are shown as the replacement character.
        let mut out = Inert::new(Vec::new());
        out.write_all(b"a\xffb\xc3").expect("written");
        out.flush().expect("flushed");
        assert_eq!(String::from_utf8(out.inner).expect("UTF-8"), "a\u{FFFD}b\u{FFFD}");
    }

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
    fn a_file_at_the_temporary_name_is_neither_written_nor_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("out.txt");
        let stale = dir.path().join(format!(".out.txt.{}.0.tmp", std::process::id()));
        std::fs::write(&stale, "someone else's").expect("written");
        write("result", Some(&path)).expect("written");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "result");
        assert_eq!(std::fs::read_to_string(&stale).expect("read"), "someone else's");
    }

    #[test]
    fn an_interruption_removes_the_temporary_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(".out.txt.tmp");
        std::fs::write(&path, "half").expect("written");
        // What the signal handler does before it exits, on a registry of its own (the tests run
        // in parallel and share `PENDING`).
        let pending = Mutex::new(Some(path.clone()));
        remove_pending(&pending);
        assert!(!path.exists(), "the temporary file is removed");
        assert!(pending.lock().is_ok_and(|p| p.is_none()));
    }

    #[test]
    fn a_missing_directory_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("no/such/dir/out.txt");
        assert!(write("x", Some(&path)).is_err());
    }
}
