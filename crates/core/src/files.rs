//! Reading and writing tenders and bids as TOML (written by people) and JSON (exchanged by
//! systems).
//!
//! Reading is split in two: a file that is not valid TOML or JSON is a [`LoadError::Syntax`]; a
//! valid file that is not a valid tender or bid shape (unknown field, wrong type, missing field) is
//! a [`LoadError::Shape`] with the path inside the file. Both carry the byte span, line and column.
//! Unknown fields are errors, so a typo is never silently dropped. What the values mean is checked
//! afterwards by [`crate::validate`].
//!
//! Messages are written for the person who edits the file: serde's and the parsers' wording is
//! put in the file's terms (a table, a list, a whole number), and ends with `Fix:` and what would
//! fix it, with a suggestion when an unknown field or value is close to a known one. The corpus in
//! `tests/malformed/` and its snapshots show every message.
//!
//! Numbers are exact: see [`crate::num`] for the rule, and [`check_toml_floats`] for the check of
//! raw TOML float text.

// This module does no arithmetic on the numbers in a file: they stay text until serde reads them
// into exact decimals (whose operations are checked). Its arithmetic is on byte and character
// positions inside a string held in memory, bounded by its length (at most `isize::MAX`), and on
// counters bounded by it, so `+ 1` cannot overflow.
#![allow(clippy::arithmetic_side_effects)]

use std::ops::{ControlFlow, Range};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::num::{F64_EXACT_DIGITS, significant_digits};

/// The largest file read: 32 MiB. A tender with thousands of bids fits many times over.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// The largest bundle file of bids read (1 GiB): a JSON array of bids, JSON Lines or TOML
/// `[[bids]]` tables, as a system exports many bids at once. Each bid in it is held to
/// [`MAX_FILE_BYTES`]; a file of one bid too.
pub const MAX_BUNDLE_BYTES: u64 = 1024 * 1024 * 1024;

/// A file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// TOML, for files written by people.
    Toml,
    /// JSON, for files exchanged by systems.
    Json,
}

impl Format {
    /// The format a file's extension names (`.toml`, `.json`), if any.
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
            Some("toml") => Some(Self::Toml),
            // JSON Lines (a bid bundle, one bid per line) is JSON, line by line.
            Some("json" | "jsonl" | "ndjson") => Some(Self::Json),
            _ => None,
        }
    }

    /// Whether the path names a JSON Lines file (`.jsonl`, `.ndjson`): one JSON value per line.
    pub fn is_json_lines(path: &Path) -> bool {
        matches!(
            path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
            Some("jsonl" | "ndjson")
        )
    }

    /// The format's name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Toml => "TOML",
            Self::Json => "JSON",
        }
    }
}

/// A place in a source text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Location {
    /// Byte range in the source.
    pub span: Range<usize>,
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub column: usize,
}

impl Location {
    /// The location of a byte range in `source`.
    pub fn of(source: &str, span: Range<usize>) -> Self {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let before = &source[..start];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = source[line_start..start].chars().count() + 1;
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        Self { span: start..end, line, column }
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Why a file could not be read as a tender or a bid.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read.
    #[error("{}: cannot read the file: {source}", file.display())]
    Io {
        /// The file.
        file: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{}: the file is {size} bytes, more than the {limit} bytes accepted. Fix: check that it is the right file; put long material in annexes and each bid in a file of its own", file.display())]
    TooLarge {
        /// The file.
        file: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file grew past [`MAX_FILE_BYTES`] while it was read (its size said less), or has no
    /// size (a special file of the system that reads without end).
    #[error("{}: more than the {limit} bytes accepted could be read from the file. Fix: check that it is the right file, and that nothing is still writing to it", file.display())]
    Unbounded {
        /// The file.
        file: PathBuf,
        /// The limit.
        limit: u64,
    },
    /// The path names something that is not a regular file: a FIFO, a device or a socket, which
    /// can block for ever or read without end.
    #[error("{}: not a regular file but {kind}. Fix: give a tender or bid file; copy the data into a file first", file.display())]
    NotAFile {
        /// The file.
        file: PathBuf,
        /// What it is: "a FIFO (named pipe)", "a character device", …
        kind: &'static str,
    },
    /// The file is not UTF-8 text.
    #[error("{}: the file is not UTF-8 text (invalid byte at offset {offset}, line {line}). Fix: save it as UTF-8", file.display())]
    NotUtf8 {
        /// The file.
        file: PathBuf,
        /// Offset of the first invalid byte.
        offset: usize,
        /// Its line.
        line: usize,
    },
    /// The file's extension names no known format.
    #[error("{}: unknown file type. Fix: name the file `.toml` or `.json`", file.display())]
    UnknownFormat {
        /// The file.
        file: PathBuf,
    },
    /// The file is not valid TOML or JSON.
    #[error("{}:{}:{}: not valid {}: {message}", file.display(), location.line, location.column, format.name())]
    Syntax {
        /// The file.
        file: PathBuf,
        /// TOML or JSON.
        format: Format,
        /// Where.
        location: Location,
        /// What the parser says.
        message: String,
    },
    /// The file is valid TOML or JSON but not a valid tender or bid.
    #[error("{}:{}:{}: {path}: {message}", file.display(), location.as_ref().map_or(0, |l| l.line), location.as_ref().map_or(0, |l| l.column))]
    Shape {
        /// The file.
        file: PathBuf,
        /// Where inside the file: `lots[1].award.criteria[2].weight`.
        path: String,
        /// Where in the text, when known.
        location: Option<Location>,
        /// What is wrong and what would fix it.
        message: String,
    },
}

impl LoadError {
    /// The same error for a part of a file that starts at byte `offset` of `source`: its span
    /// moved there, its line and column counted in `source` by `index`, its path after
    /// `path_prefix`.
    fn in_part(self, source: &str, index: &SpanIndex, offset: usize, path_prefix: &str) -> Self {
        let moved = |l: Location| index.location(source, l.span.start + offset..l.span.end + offset);
        match self {
            Self::Syntax { file, format, location, message } => {
                Self::Syntax { file, format, location: moved(location), message }
            }
            Self::Shape { file, path, location, message } => {
                let path = if path == display_path("") {
                    path_prefix.trim_end_matches('.').to_owned()
                } else {
                    format!("{path_prefix}{path}")
                };
                let path = if path.is_empty() { display_path("") } else { path };
                Self::Shape { file, path, location: location.map(moved), message }
            }
            other => other,
        }
    }

    /// The file the error is about.
    pub fn file(&self) -> &Path {
        match self {
            Self::Io { file, .. }
            | Self::TooLarge { file, .. }
            | Self::Unbounded { file, .. }
            | Self::NotAFile { file, .. }
            | Self::NotUtf8 { file, .. }
            | Self::UnknownFormat { file }
            | Self::Syntax { file, .. }
            | Self::Shape { file, .. } => file,
        }
    }
}

/// What a path that is not a regular file or a directory is, for a message; `None` for a regular
/// file or a directory (reading a directory fails by itself, with the system's message).
fn special_kind(file_type: std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() || file_type.is_dir() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if file_type.is_char_device() {
            return Some("a character device");
        }
        if file_type.is_block_device() {
            return Some("a block device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("a special file")
}

/// Reads a file as UTF-8 text, refusing files over [`MAX_FILE_BYTES`] and anything that is not a
/// regular file.
///
/// The size is checked before reading, and the reading itself stops one byte past the limit, so a
/// file that grows while it is read, or a device that reads without end (`/dev/zero`), is refused
/// rather than read until memory runs out. A FIFO is refused before it is opened (opening one
/// waits for a writer). Issue 17 found both unbounded.
///
/// # Errors
/// [`LoadError::Io`], [`LoadError::NotAFile`], [`LoadError::TooLarge`], [`LoadError::Unbounded`]
/// or [`LoadError::NotUtf8`].
pub fn read_text(file: &Path) -> Result<String, LoadError> {
    read_text_up_to(file, MAX_FILE_BYTES)
}

/// [`read_text`] with another limit: [`MAX_BUNDLE_BYTES`] for a file that may hold many bids
/// (whose parts [`parse_bundle`] holds to [`MAX_FILE_BYTES`] each).
///
/// # Errors
/// As [`read_text`], with `limit` in place of [`MAX_FILE_BYTES`].
pub fn read_text_up_to(file: &Path, limit: u64) -> Result<String, LoadError> {
    let io = |source| LoadError::Io { file: file.to_owned(), source };
    let not_a_file = |kind| LoadError::NotAFile { file: file.to_owned(), kind };
    let metadata = std::fs::metadata(file).map_err(io)?;
    if let Some(kind) = special_kind(metadata.file_type()) {
        return Err(not_a_file(kind));
    }
    if metadata.len() > limit {
        return Err(LoadError::TooLarge { file: file.to_owned(), size: metadata.len(), limit });
    }
    let opened = std::fs::File::open(file).map_err(io)?;
    // The path may have been replaced between the two looks: judge what was opened.
    if let Some(kind) = special_kind(opened.metadata().map_err(io)?.file_type()) {
        return Err(not_a_file(kind));
    }
    // The size is known: read into a buffer of that size, not one grown by doubling.
    let hint = usize::try_from(metadata.len().min(limit)).unwrap_or(0);
    let Some(bytes) = read_bounded(opened, limit, hint).map_err(io)? else {
        return Err(LoadError::Unbounded { file: file.to_owned(), limit });
    };
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset].iter().filter(|b| **b == b'\n').count() + 1;
        LoadError::NotUtf8 { file: file.to_owned(), offset, line }
    })
}

/// Everything `reader` gives, if that is at most `limit` bytes; `None` as soon as it gives more (a
/// growing file, a device without end): at most `limit + 1` bytes are ever read.
///
/// The buffer is sized for `expected` bytes (the file's size, where known).
fn read_bounded(reader: impl std::io::Read, limit: u64, expected: usize) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read as _;
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    reader.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    Ok(u64::try_from(bytes.len()).is_ok_and(|n| n <= limit).then_some(bytes))
}

/// Reads and parses a file as `T` (a [`crate::Tender`] or a [`crate::Bid`]); the format comes from
/// the extension. Returns the source text too, so validation problems can be located in it.
///
/// # Errors
/// Any [`LoadError`].
pub fn load<T: DeserializeOwned>(file: &Path) -> Result<(T, String), LoadError> {
    let format = Format::from_path(file).ok_or_else(|| LoadError::UnknownFormat { file: file.to_owned() })?;
    let source = read_text(file)?;
    let value = parse(&source, format, file)?;
    Ok((value, source))
}

/// Loads a case directory: `tender.toml` (or `tender.json`) and every `.toml`/`.json` file in
/// `bids/`, in file-name order (so the result never depends on the directory's order). Stops at
/// the first file that does not load; validation is the caller's next step.
///
/// # Errors
/// [`LoadError`] for the first file that cannot be read or parsed, or [`LoadError::Io`] when the
/// directory or `bids/` cannot be listed.
pub fn load_case(dir: &Path) -> Result<(crate::Tender, Vec<crate::Bid>), LoadError> {
    let toml = dir.join("tender.toml");
    let tender_file = if toml.exists() || !dir.join("tender.json").exists() { toml } else { dir.join("tender.json") };
    let (tender, _) = load::<crate::Tender>(&tender_file)?;
    let bids_dir = dir.join("bids");
    let io = |source| LoadError::Io { file: bids_dir.clone(), source };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&bids_dir)
        .map_err(io)?
        .map(|entry| entry.map(|e| e.path()).map_err(io))
        .collect::<Result<_, _>>()?;
    paths.retain(|p| Format::from_path(p).is_some());
    paths.sort();
    let bids = crate::common::with_id_pool(tender.referenced_ids(), || {
        paths.iter().map(|p| load::<crate::Bid>(p).map(|(b, _)| b)).collect::<Result<_, _>>()
    })?;
    Ok((tender, bids))
}

/// Parses source text as `T`. `file` is only used in errors.
///
/// # Errors
/// [`LoadError::Syntax`] or [`LoadError::Shape`].
pub fn parse<T: DeserializeOwned>(source: &str, format: Format, file: &Path) -> Result<T, LoadError> {
    if source.trim().is_empty() {
        return Err(LoadError::Shape {
            file: file.to_owned(),
            path: display_path(""),
            location: Some(Location::of(source, 0..0)),
            message: "the file is empty. Fix: check that it was saved or uploaded completely".to_owned(),
        });
    }
    match format {
        Format::Toml => parse_toml(source, file),
        Format::Json => match source.strip_prefix('\u{feff}') {
            // A byte order mark is accepted, as TOML input accepts it (issue 17: such a file was
            // refused without a word about why). It is read as three spaces, so every byte offset
            // stays where it is; lines and columns are then counted in the file as it is.
            Some(rest) => parse_json(&format!("   {rest}"), file).map_err(|e| e.located_in(source)),
            None => parse_json(source, file),
        },
    }
}

/// The parts of a bundle file, in its order, each with its value or its error.
pub type Bundle<T> = Vec<(BundlePart, Result<T, LoadError>)>;

/// One bid of a bundle file (a JSON array of bids, or JSON Lines with a bid per line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundlePart {
    /// The bid's text: a byte range of the file.
    pub range: Range<usize>,
    /// What comes before a path inside the bid in the whole file's paths: `[3].` for the fourth
    /// bid of a JSON array; empty in JSON Lines, whose lines are files of their own.
    pub path_prefix: String,
    /// The bid's place in the file, in words: `[3]` or `line 7`.
    pub label: String,
}

/// The bids of a bundle file: a JSON array (a file whose text starts with `[`) or JSON Lines
/// (`.jsonl`, `.ndjson`; blank lines are skipped). `Ok(None)` for a file of one bid (a JSON
/// object, any TOML file).
///
/// # Errors
/// [`LoadError::Syntax`] when a JSON array is not valid JSON (its bids are then not read, as a
/// file of one bid that is not valid JSON is not); in JSON Lines each line is parsed on its own
/// by [`parse_part`], so one broken line spoils only itself.
pub fn bundle_parts(source: &str, format: Format, file: &Path) -> Result<Option<Vec<BundlePart>>, LoadError> {
    if format != Format::Json {
        return Ok(None);
    }
    if Format::is_json_lines(file) {
        let mut parts = Vec::new();
        let mut start = 0;
        for (n, line) in source.split('\n').enumerate() {
            let end = start + line.len();
            let text = line.trim_end_matches('\r');
            if !text.trim().is_empty() {
                parts.push(BundlePart {
                    range: start..start + text.len(),
                    path_prefix: String::new(),
                    label: format!("line {}", n + 1),
                });
            }
            start = end + 1;
        }
        return Ok(Some(parts));
    }
    let bytes = source.as_bytes();
    let first = skip_ws(bytes, if source.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 });
    if bytes.get(first) != Some(&b'[') {
        return Ok(None);
    }
    // The whole file must be JSON, checked by the same parser as a single bid (a byte order mark
    // is read as spaces, as there).
    match source.strip_prefix('\u{feff}') {
        Some(rest) => {
            parse_json_any::<serde::de::IgnoredAny>(&format!("   {rest}"), file).map_err(|e| e.located_in(source))?
        }
        None => parse_json_any::<serde::de::IgnoredAny>(source, file)?,
    };
    let mut parts = Vec::new();
    let mut j = skip_ws(bytes, first + 1);
    while j < bytes.len() && bytes[j] != b']' {
        let Some(end) = skip_value(bytes, j) else { break };
        let n = parts.len();
        parts.push(BundlePart { range: j..end, path_prefix: format!("[{n}]."), label: format!("[{n}]") });
        j = skip_ws(bytes, end);
        if bytes.get(j) == Some(&b',') {
            j = skip_ws(bytes, j + 1);
        }
    }
    Ok(Some(parts))
}

/// Parses one bid of a bundle file (see [`bundle_parts`]). Errors are located in the whole file:
/// `index` counts their lines and columns there (a [`SpanIndex::lines`] of `source` will do).
///
/// # Errors
/// [`LoadError`] as [`parse`] gives it for the part alone, moved to its place in the file.
pub fn parse_part<T: DeserializeOwned>(
    source: &str,
    part: &BundlePart,
    index: &SpanIndex,
    file: &Path,
) -> Result<T, LoadError> {
    let text = source.get(part.range.clone()).unwrap_or_default();
    if u64::try_from(text.len()).is_ok_and(|n| n > MAX_FILE_BYTES) {
        return Err(LoadError::Shape {
            file: file.to_owned(),
            path: part.path_prefix.trim_end_matches('.').to_owned(),
            location: Some(index.location(source, part.range.start..part.range.start)),
            message: format!(
                "the bid is {} bytes, more than the {MAX_FILE_BYTES} bytes accepted for one bid. Fix: check that it is one bid; put long material in annexes",
                text.len()
            ),
        });
    }
    parse::<T>(text, Format::Json, file).map_err(|e| e.in_part(source, index, part.range.start, &part.path_prefix))
}

/// Reads a file that may hold several bids (or tenders): a JSON array, JSON Lines, or TOML with
/// `[[bids]]` tables and nothing else. `Ok(None)` for a file of one (then [`parse`] reads it);
/// else every part, in the file's order, with its value or its error, located in the whole file.
///
/// # Errors
/// [`LoadError::Syntax`] when the file as a whole is not valid JSON or TOML (JSON Lines: never,
/// each line is read on its own), [`LoadError::Shape`] when a TOML bundle holds more than its
/// `[[bids]]` tables.
pub fn parse_bundle<T: DeserializeOwned>(
    source: &str,
    format: Format,
    file: &Path,
) -> Result<Option<Bundle<T>>, LoadError> {
    if source.trim().is_empty() {
        return Ok(None);
    }
    match format {
        // Parsed twice only when it may be a bundle.
        Format::Toml if !source.contains("bids") => Ok(None),
        Format::Toml => toml_bundle(source, file),
        Format::Json => {
            let Some(parts) = bundle_parts(source, format, file)? else { return Ok(None) };
            let index = SpanIndex::lines(source);
            Ok(Some(
                parts
                    .into_iter()
                    .map(|part| {
                        let parsed = parse_part::<T>(source, &part, &index, file);
                        (part, parsed)
                    })
                    .collect(),
            ))
        }
    }
}

impl LoadError {
    /// The same error with its line and column counted in `source` (its byte span is kept).
    fn located_in(self, source: &str) -> Self {
        match self {
            Self::Syntax { file, format, location, message } => {
                Self::Syntax { file, format, location: Location::of(source, location.span), message }
            }
            Self::Shape { file, path, location, message } => {
                Self::Shape { file, path, location: location.map(|l| Location::of(source, l.span)), message }
            }
            other => other,
        }
    }
}

/// Parses TOML text into its spanned tables, or the located syntax error.
fn toml_table<'a>(source: &'a str, file: &Path) -> Result<toml::Spanned<toml::de::DeTable<'a>>, LoadError> {
    toml::de::DeTable::parse(source).map_err(|e| {
        let span = e.span().unwrap_or(0..0);
        let message = explain_toml_syntax(e.message().trim(), source, span.clone());
        LoadError::Syntax { file: file.to_owned(), format: Format::Toml, location: Location::of(source, span), message }
    })
}

/// The bids of a TOML bundle: a file whose top level is `[[bids]]` tables and has no `id`;
/// `Ok(None)` for any other TOML file. Each bid is read on its own from the file's tables, its
/// errors located in the file with its path after `bids[i].`.
fn toml_bundle<T: DeserializeOwned>(source: &str, file: &Path) -> Result<Option<Bundle<T>>, LoadError> {
    let table = toml_table(source, file)?;
    let root = table.get_ref();
    let Some(bids) = root.get("bids") else { return Ok(None) };
    if root.get("id").is_some() {
        return Ok(None);
    }
    let toml::de::DeValue::Array(items) = bids.get_ref() else {
        return Err(LoadError::Shape {
            file: file.to_owned(),
            path: "bids".to_owned(),
            location: Some(Location::of(source, bids.span())),
            message: "a file of several bids lists them as `[[bids]]` tables. Fix: write each bid under its own `[[bids]]` header".to_owned(),
        });
    };
    if let Some((key, _)) = root.iter().find(|(k, _)| k.get_ref() != "bids") {
        return Err(LoadError::Shape {
            file: file.to_owned(),
            path: key.get_ref().to_string(),
            location: Some(Location::of(source, key.span())),
            message:
                "a file of several bids holds only its `[[bids]]` tables. Fix: move the key into a bid, or remove it"
                    .to_owned(),
        });
    }
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let mut steps = vec![Step::Key("bids"), Step::Index(i)];
        let prefix = path_text(&steps);
        let part = BundlePart { range: item.span(), path_prefix: format!("{prefix}."), label: prefix.clone() };
        let parsed = match each_number(item, &mut steps, &mut number_error(source, file)) {
            ControlFlow::Break(e) => Err(e),
            ControlFlow::Continue(()) => {
                serde_path_to_error::deserialize(toml::de::ValueDeserializer::from(item.clone()))
                    .map_err(|e| toml_shape_error(source, file, e, &prefix, Some(item.span())))
            }
        };
        out.push((part, parsed));
    }
    Ok(Some(out))
}

fn parse_toml<T: DeserializeOwned>(source: &str, file: &Path) -> Result<T, LoadError> {
    let table = toml_table(source, file)?;
    if let ControlFlow::Break(e) = each_number_in(table.get_ref(), &mut Vec::new(), &mut number_error(source, file)) {
        return Err(e);
    }
    // As for JSON: without path tracking first, and again with it where the value does not fit.
    if let Ok(value) = T::deserialize(toml::de::Deserializer::from(table)) {
        return Ok(value);
    }
    let deserializer = toml::de::Deserializer::from(toml_table(source, file)?);
    serde_path_to_error::deserialize(deserializer).map_err(|e| toml_shape_error(source, file, e, "", None))
}

/// A visit for [`each_number`] that stops at the first number no exact decimal holds, with it as
/// a located error.
fn number_error<'s>(
    source: &'s str,
    file: &'s Path,
) -> impl for<'t> FnMut(&[Step<'t>], Written<'t>) -> ControlFlow<LoadError> + 's {
    move |steps, n| match number_problem(n.text, n.float) {
        Some(message) => ControlFlow::Break(LoadError::Shape {
            file: file.to_owned(),
            path: path_text(steps),
            location: Some(Location::of(source, n.span)),
            message,
        }),
        None => ControlFlow::Continue(()),
    }
}

/// A TOML value that is not the shape asked for, as a located error. `prefix` is where the value
/// is in the file (`bids[3]` for a bid of a bundle, empty for the whole file); `whole` its span,
/// shown when the error has none of its own.
fn toml_shape_error(
    source: &str,
    file: &Path,
    e: serde_path_to_error::Error<toml::de::Error>,
    prefix: &str,
    whole: Option<Range<usize>>,
) -> LoadError {
    let path = e.path().to_string();
    let inner = e.into_inner();
    let span = inner.span();
    let top = path.is_empty() || path == ".";
    let joined = match (prefix.is_empty(), top) {
        (true, _) => path.clone(),
        (false, true) => prefix.to_owned(),
        (false, false) => format!("{prefix}.{path}"),
    };
    // serde_path_to_error writes `?` for map keys it cannot see (enum keys such as `SOV-1`); the
    // key is found again from where the error is.
    let path = match (&span, path.contains('?')) {
        (Some(span), true) => toml_path_at(source, span.start).unwrap_or(joined),
        _ => joined,
    };
    LoadError::Shape {
        file: file.to_owned(),
        path: display_path(&path),
        location: span.or(whole).map(|s| Location::of(source, s)),
        message: explain(inner.message().trim(), Format::Toml, top && prefix.is_empty()),
    }
}

/// The most significant digits an exact decimal holds.
const DECIMAL_DIGITS: u32 = 28;

/// Why a number written in a file cannot be read as an exact decimal, if it cannot: not finite,
/// beyond what a decimal holds, or (for a TOML float, `binary_float`) more digits than a binary
/// float keeps.
fn number_problem(text: &str, binary_float: bool) -> Option<String> {
    let clean: std::borrow::Cow<'_, str> = if text.contains('_') { text.replace('_', "").into() } else { text.into() };
    // Floating point only to classify the written text (not finite, or beyond 10^28); no value
    // read from a file is ever kept as a float.
    let value: f64 = clean.parse().unwrap_or(f64::NAN);
    if !value.is_finite() {
        return Some(format!("`{text}` is not a number. Fix: write a number, e.g. 30 or 12.5"));
    }
    if value.abs() >= 1e28 {
        return Some(format!(
            "the number {} is too large: an exact decimal holds at most {DECIMAL_DIGITS} digits. Fix: check the number; amounts are in whole currency units, and no public contract comes near this",
            truncate_text(text)
        ));
    }
    let mantissa = clean.split(['e', 'E']).next().unwrap_or(&clean);
    let digits = significant_digits(mantissa);
    if binary_float && digits > F64_EXACT_DIGITS {
        return Some(format!(
            "the number {text} has more than {F64_EXACT_DIGITS} significant digits and a TOML float cannot hold it exactly. Fix: write it as a string: \"{clean}\""
        ));
    }
    if digits > DECIMAL_DIGITS {
        return Some(format!(
            "the number {} has more than {DECIMAL_DIGITS} significant digits, more than an exact decimal holds. Fix: round it",
            truncate_text(text)
        ));
    }
    None
}

/// Shortens text quoted back in a message.
fn truncate_text(s: &str) -> String {
    const MAX: usize = 40;
    if s.chars().count() <= MAX { s.to_owned() } else { format!("{}…", s.chars().take(MAX).collect::<String>()) }
}

/// The number tokens of a JSON source outside strings: `(byte range, text)`.
fn json_numbers(source: &str) -> Vec<(Range<usize>, &str)> {
    let bytes = source.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < bytes.len() && matches!(bytes[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9') {
                    i += 1;
                }
                if let Some(text) = source.get(start..i) {
                    found.push((start..i, text));
                }
            }
            _ => i += 1,
        }
    }
    found
}

fn parse_json<T: DeserializeOwned>(source: &str, file: &Path) -> Result<T, LoadError> {
    // Serde reads a struct from a list of its fields in order too; a file is always an object.
    if let Some(start) = source.find(|c: char| !c.is_whitespace())
        && source[start..].starts_with('[')
    {
        return Err(LoadError::Shape {
            file: file.to_owned(),
            path: display_path(""),
            location: Some(Location::of(source, start..start + 1)),
            message:
                "the file holds a list, not an object. Fix: write the tender or bid as one object: { \"id\": …, … }"
                    .to_owned(),
        });
    }
    parse_json_any(source, file)
}

/// [`parse_json`] without its check that the file is an object (a bundle of bids is a list).
fn parse_json_any<T: DeserializeOwned>(source: &str, file: &Path) -> Result<T, LoadError> {
    // Most files parse: read them without tracking the path, which allocates for every key, and
    // read a file that does not parse again with it, to say where it fails.
    let mut fast = serde_json::Deserializer::from_str(source);
    if let Ok(value) = T::deserialize(&mut fast)
        && fast.end().is_ok()
    {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_str(source);
    let result: Result<T, _> = serde_path_to_error::deserialize(&mut deserializer);
    let value = result.map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let location = json_location(source, inner.line(), inner.column());
        let message = strip_json_position(&inner.to_string());
        if inner.is_syntax() || inner.is_eof() {
            let message = explain_json_syntax(&message, inner.is_eof());
            LoadError::Syntax { file: file.to_owned(), format: Format::Json, location, message }
        } else {
            // serde_path_to_error writes `?` for map keys it cannot see (enum keys such as
            // `SOV-1`); the key is found again from where the error is.
            let at = location.span.start;
            let path = if path.contains('?') { json_path_at(source, at).unwrap_or(path) } else { path };
            // A number too large or too long for a decimal: say so in the words used for TOML.
            let number = json_numbers(source)
                .into_iter()
                .find(|(span, _)| span.start <= at && at <= span.end)
                .and_then(|(_, text)| number_problem(text, false));
            let top = path.is_empty() || path == ".";
            let message = number.unwrap_or_else(|| explain(&message, Format::Json, top));
            LoadError::Shape { file: file.to_owned(), path: display_path(&path), location: Some(location), message }
        }
    })?;
    deserializer.end().map_err(|inner| LoadError::Syntax {
        file: file.to_owned(),
        format: Format::Json,
        location: json_location(source, inner.line(), inner.column()),
        message: explain_json_syntax(&strip_json_position(&inner.to_string()), inner.is_eof()),
    })?;
    Ok(value)
}

/// Adds what would fix a TOML syntax error where the parser's message alone does not say.
fn explain_toml_syntax(message: &str, source: &str, span: Range<usize>) -> String {
    let quoted = source
        .get(span.clone())
        .map(str::trim)
        .filter(|t| !t.is_empty() && !t.contains('\n') && t.chars().count() <= 60)
        .map(|t| format!(" `{t}`"))
        .unwrap_or_default();
    if message == "duplicate key" {
        return format!("duplicate key{quoted}. Fix: keep one of the two");
    }
    if message.contains("max recursion depth") || message == "recursion limit" {
        return "values are nested too deeply for a tender or bid (more than 80 levels). Fix: check the brackets and braces".to_owned();
    }
    if span.start >= source.trim_end().len() {
        return format!("{message}. The file ends here. Fix: check that it was saved or uploaded completely");
    }
    if message.ends_with("string, expected `\"`") {
        return format!(
            "{message}. Fix: close the string with `\"` on the same line (a text over several lines goes in triple quotes: \"\"\"…\"\"\")"
        );
    }
    message.to_owned()
}

/// Adds what would fix a JSON syntax error where serde_json's message alone does not say.
fn explain_json_syntax(message: &str, eof: bool) -> String {
    if eof {
        return format!("{message}: the file ends too early. Fix: check that it was saved or uploaded completely");
    }
    match message {
        "trailing comma" => "trailing comma. Fix: remove the comma after the last item; JSON allows none".to_owned(),
        "recursion limit exceeded" => {
            "values are nested too deeply for a tender or bid (more than 128 levels). Fix: check the brackets and braces"
                .to_owned()
        }
        "expected `,` or `]`" => "expected `,` or `]`. Fix: add the missing `,` between the items, or close the list with `]`".to_owned(),
        "expected `,` or `}`" => {
            "expected `,` or `}`. Fix: add the missing `,` between the fields, or close the object with `}`".to_owned()
        }
        "trailing characters" => {
            "more text after the end of the JSON value. Fix: remove it, or check that the file holds one object".to_owned()
        }
        _ => message.to_owned(),
    }
}

/// The backquoted names in a serde message: "expected one of `a`, `b`" gives `a` and `b`.
fn backquoted(s: &str) -> Vec<&str> {
    s.split('`').skip(1).step_by(2).collect()
}

/// The most characters of the file's own text quoted back in a message.
const MAX_QUOTED: usize = 60;

/// Shortens what a message quotes from the file (between backquotes, or a string in double
/// quotes), so a message stays short however long the text in the file is.
fn shorten_quotes(message: &str) -> String {
    let chars: Vec<char> = message.chars().collect();
    let mut out = String::with_capacity(message.len().min(1024));
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        out.push(c);
        i += 1;
        if c != '`' && c != '"' {
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i] != c {
            i += if c == '"' && chars[i] == '\\' { 2 } else { 1 };
        }
        let end = i.min(chars.len());
        if end - start > MAX_QUOTED {
            out.extend(&chars[start..start + MAX_QUOTED]);
            out.push('…');
        } else {
            out.extend(&chars[start..end]);
        }
        if i < chars.len() {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// Rewrites serde's messages in the words of a tender file and adds what would fix them.
fn explain(message: &str, format: Format, top_level: bool) -> String {
    explain_shortened(&shorten_quotes(message), format, top_level)
}

fn explain_shortened(message: &str, format: Format, top_level: bool) -> String {
    let table = match format {
        Format::Toml => "table",
        Format::Json => "object",
    };
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let names = backquoted(rest);
        let (Some(field), expected) = (names.first(), names.get(1..).unwrap_or_default()) else {
            return message.to_owned();
        };
        let fix = match closest(field, expected) {
            Some(name) => format!("Fix: rename it to `{name}`"),
            None if expected.is_empty() => format!("Fix: remove it; this {table} has no fields"),
            None => "Fix: remove it, or rename it to one of the fields listed".to_owned(),
        };
        return format!("{message}. {fix}");
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let names = backquoted(rest);
        let (Some(value), expected) = (names.first(), names.get(1..).unwrap_or_default()) else {
            return message.to_owned();
        };
        let list = rest.split_once(", ").map_or("", |(_, l)| l);
        let fix = match closest(value, expected) {
            Some(name) => format!("Fix: write `{name}`"),
            None => "Fix: use one of the values listed".to_owned(),
        };
        return format!("unknown value `{value}`, {list}. {fix}");
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let place = if top_level { "the file".to_owned() } else { format!("this {table}") };
        return format!("missing field {rest}. Fix: add {rest} to {place}");
    }
    if let Some(rest) = message.strip_prefix("duplicate field ") {
        return format!("duplicate field {rest}. Fix: keep one of the two");
    }
    if let Some(name) = message.strip_prefix("data did not match any variant of untagged enum ") {
        return match name {
            "Text" => format!(
                "expected a text. Fix: write a string, or a {table} with one string per language code, such as {}",
                match format {
                    Format::Toml => "{ da = \"Kontorpakke\", en = \"Office suite\" }",
                    Format::Json => "{ \"da\": \"Kontorpakke\", \"en\": \"Office suite\" }",
                }
            ),
            "ScaleSpec" => format!(
                "expected a scale. Fix: write \"0-5\", \"0-10\" or \"0-100\", or a {table} with `min`, `max` and optionally `step`"
            ),
            "ObjectiveWeights" => format!(
                "expected sovereignty weights. Fix: write \"csf-v1.2.1\" or \"calculator-2026\", or a {table} with a percentage for each of SOV-1 to SOV-8"
            ),
            "Selection" => "expected a selection of clauses. Fix: write \"all\", or a list of clause keys".to_owned(),
            _ => message.to_owned(),
        };
    }
    for prefix in ["invalid type: ", "invalid value: "] {
        if let Some(rest) = message.strip_prefix(prefix)
            && let Some((found, expected)) = rest.rsplit_once(", expected ")
        {
            let (expected, fix) = describe_expected(expected, format, found.starts_with("string"));
            let found = found.replace("map", table).replace("sequence", "list");
            let fix = fix.map(|f| format!(". Fix: {f}")).unwrap_or_default();
            return format!("{prefix}{found}, expected {expected}{fix}");
        }
    }
    message.to_owned()
}

/// Serde's name for an expected type, in words, and what to write instead (`quoted`: the value
/// found was a string).
fn describe_expected(expected: &str, format: Format, quoted: bool) -> (String, Option<String>) {
    let whole = |max: u64| {
        let fix = if quoted { "write a whole number without quotes" } else { "write a whole number in that range" };
        (format!("a whole number from 0 to {max}"), Some(fix.to_owned()))
    };
    match expected {
        "u8" => whole(u8::MAX.into()),
        "u16" => whole(u16::MAX.into()),
        "u32" => whole(u32::MAX.into()),
        "u64" | "usize" => whole(u64::MAX),
        "a boolean" => ("true or false".to_owned(), Some("write true or false without quotes".to_owned())),
        "a string" => ("a string".to_owned(), Some("write the value in quotes".to_owned())),
        "a sequence" => ("a list".to_owned(), Some("write a list in brackets: [ … ]".to_owned())),
        e if e.starts_with("struct ") || e.starts_with("internally tagged enum ") || e == "a map" => match format {
            Format::Toml => {
                ("a table".to_owned(), Some("write a table: inline `{ key = value, … }`, or a `[section]`".to_owned()))
            }
            Format::Json => ("an object".to_owned(), Some("write an object: `{ \"key\": value, … }`".to_owned())),
        },
        e => (e.to_owned(), None),
    }
}

/// The candidate closest to a misspelt name, if one is close enough to be what was meant.
pub(crate) fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let norm = |s: &str| s.to_lowercase().replace('_', "-");
    let name = norm(name);
    let mut best: Option<(usize, &str)> = None;
    let mut tie = false;
    for c in candidates {
        let d = edit_distance(&name, &norm(c));
        match best {
            Some((bd, _)) if d > bd => {}
            Some((bd, _)) if d == bd => tie = true,
            _ => {
                best = Some((d, c));
                tie = false;
            }
        }
    }
    let (d, c) = best?;
    (!tie && d <= (c.chars().count() / 3).max(1)).then_some(c)
}

/// Edit distance counting a swap of two neighbouring characters as one edit.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0_usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = v;
        }
    }
    d[a.len()][b.len()]
}

/// The path (`a.b[2].c`) of the innermost key or value at byte `pos` of a TOML source.
fn toml_path_at(source: &str, pos: usize) -> Option<String> {
    let table = toml::de::DeTable::parse(source).ok()?;
    let mut best: Option<(usize, String)> = None;
    path_at_table(table.get_ref(), "", 0, pos, &mut best);
    best.map(|(_, p)| p)
}

fn path_at_table(
    table: &toml::de::DeTable<'_>,
    prefix: &str,
    depth: usize,
    pos: usize,
    best: &mut Option<(usize, String)>,
) {
    for (key, value) in table.iter() {
        let path = if prefix.is_empty() { key.get_ref().to_string() } else { format!("{prefix}.{}", key.get_ref()) };
        if key.span().contains(&pos) || value.span().contains(&pos) {
            consider(best, depth + 1, &path);
        }
        path_at_value(value, &path, depth + 1, pos, best);
    }
}

fn path_at_value(
    value: &toml::Spanned<toml::de::DeValue<'_>>,
    path: &str,
    depth: usize,
    pos: usize,
    best: &mut Option<(usize, String)>,
) {
    match value.get_ref() {
        toml::de::DeValue::Table(t) => path_at_table(t, path, depth, pos, best),
        toml::de::DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let p = format!("{path}[{i}]");
                if item.span().contains(&pos) {
                    consider(best, depth + 1, &p);
                }
                path_at_value(item, &p, depth + 1, pos, best);
            }
        }
        _ => {}
    }
}

fn consider(best: &mut Option<(usize, String)>, depth: usize, path: &str) {
    if best.as_ref().is_none_or(|(d, _)| depth > *d) {
        *best = Some((depth, path.to_owned()));
    }
}

/// The path (`a.b[2].c`) of the key or value at byte `pos` of a JSON source, from a scan of the
/// text before it.
fn json_path_at(source: &str, pos: usize) -> Option<String> {
    enum Frame {
        Object(Option<String>),
        Array(usize),
    }
    let bytes = source.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i <= pos && i < bytes.len() {
        match bytes[i] {
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object(key)) => *key = None,
                Some(Frame::Array(index)) => *index += 1,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                let after = source.get(j.saturating_add(1)..).unwrap_or("").trim_start();
                if let Some(Frame::Object(key)) = stack.last_mut()
                    && key.is_none()
                    && after.starts_with(':')
                {
                    *key = source.get(start..j).map(str::to_owned);
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => break,
            Frame::Array(index) => path.push_str(&format!("[{index}]")),
        }
    }
    (!path.is_empty()).then_some(path)
}

/// serde_json appends " at line L column C" to its messages; the location is reported separately.
fn strip_json_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

fn json_location(source: &str, line: usize, column: usize) -> Location {
    let mut offset = 0;
    for (i, l) in source.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let col_bytes: usize = l.chars().take(column.saturating_sub(1)).map(char::len_utf8).sum();
            offset += col_bytes;
            break;
        }
        offset += l.len();
    }
    Location::of(source, offset..offset.saturating_add(1).min(source.len()))
}

/// The root path is shown as `(top level)` rather than `.`; a key longer than a message should
/// quote is shortened.
fn display_path(path: &str) -> String {
    if path == "." || path.is_empty() {
        return "(top level)".to_owned();
    }
    let steps: Vec<String> = path
        .split('.')
        .map(|step| {
            if step.chars().count() > MAX_QUOTED {
                format!("{}…", step.chars().take(MAX_QUOTED).collect::<String>())
            } else {
                step.to_owned()
            }
        })
        .collect();
    steps.join(".")
}

/// Finds TOML floats whose written text has more significant digits than a binary float keeps:
/// `(path, span, text)` for each, in document order. (Loading refuses these, and also numbers too
/// large for a decimal, `inf` and `nan`.)
pub fn check_toml_floats(table: &toml::de::DeTable<'_>) -> Vec<(String, Range<usize>, String)> {
    let mut found = Vec::new();
    let _: ControlFlow<()> = each_number_in(table, &mut Vec::new(), &mut |steps: &[Step<'_>], n: Written<'_>| {
        let mantissa = n.text.split(['e', 'E']).next().unwrap_or(n.text);
        if n.float && significant_digits(mantissa) > F64_EXACT_DIGITS {
            found.push((path_text(steps), n.span, n.text.to_owned()));
        }
        ControlFlow::Continue(())
    });
    found
}

/// A number in a TOML source, as written: its text, where it is, whether TOML reads it as a float.
struct Written<'t> {
    text: &'t str,
    span: Range<usize>,
    float: bool,
}

/// Visits each decimal number in `table`, in document order, with the steps down to it (`steps`
/// holds the steps to `table`), until `visit` breaks. The path is written out only where a visit
/// asks for it: most numbers are read and left.
fn each_number_in<'t, B>(
    table: &'t toml::de::DeTable<'_>,
    steps: &mut Vec<Step<'t>>,
    visit: &mut impl FnMut(&[Step<'t>], Written<'t>) -> ControlFlow<B>,
) -> ControlFlow<B> {
    for (key, value) in table.iter() {
        steps.push(Step::Key(key.get_ref()));
        let walked = each_number(value, steps, visit);
        steps.pop();
        walked?;
    }
    ControlFlow::Continue(())
}

/// [`each_number_in`] for one value.
fn each_number<'t, B>(
    value: &'t toml::Spanned<toml::de::DeValue<'_>>,
    steps: &mut Vec<Step<'t>>,
    visit: &mut impl FnMut(&[Step<'t>], Written<'t>) -> ControlFlow<B>,
) -> ControlFlow<B> {
    match value.get_ref() {
        toml::de::DeValue::Float(f) => visit(steps, Written { text: f.as_str(), span: value.span(), float: true }),
        toml::de::DeValue::Integer(i) if i.radix() == 10 => {
            visit(steps, Written { text: i.as_str(), span: value.span(), float: false })
        }
        toml::de::DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                steps.push(Step::Index(i));
                let walked = each_number(item, steps, visit);
                steps.pop();
                walked?;
            }
            ControlFlow::Continue(())
        }
        toml::de::DeValue::Table(t) => each_number_in(t, steps, visit),
        _ => ControlFlow::Continue(()),
    }
}

/// One step of a path such as `lots[1].award.criteria[2].weight`: a key, or a position in an
/// array.
#[derive(Debug, PartialEq, Eq)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn parse_path(path: &str) -> Option<Vec<Step<'_>>> {
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            steps.push(Step::Key(key));
        }
        while let Some(stripped) = rest.strip_prefix('[') {
            let end = stripped.find(']')?;
            steps.push(Step::Index(stripped[..end].parse().ok()?));
            rest = &stripped[end + 1..];
        }
    }
    Some(steps)
}

/// Where a validation path was found in a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The place.
    pub location: Location,
    /// Whether it is the value at the path itself, not the nearest enclosing value (a missing
    /// field points at its table).
    pub exact: bool,
}

/// Finds where a validation path (`lots[1].award.criteria[2].weight`) is in a TOML or JSON
/// source, and whether it is the value itself or the nearest enclosing one. `None` if the path
/// does not start in the source (or the TOML does not parse).
pub fn locate(source: &str, format: Format, path: &str) -> Option<Found> {
    match format {
        Format::Toml => toml_found(source, path),
        Format::Json => json_found(source, path),
    }
}

/// Finds where a validation path (`lots[1].award.criteria[2].weight`) is in a TOML source: the
/// value's span, or the nearest enclosing value that exists (a missing field points at its table).
/// `None` if the source does not parse or the path does not start in it.
pub fn locate_toml(source: &str, path: &str) -> Option<Location> {
    toml_found(source, path).map(|f| f.location)
}

fn toml_found(source: &str, path: &str) -> Option<Found> {
    let table = toml::de::DeTable::parse(source).ok()?;
    let steps = parse_path(path)?;
    let mut span: Option<Range<usize>> = None;
    let mut current: Option<&toml::Spanned<toml::de::DeValue<'_>>> = None;
    let mut matched = 0;
    let root = table.get_ref();
    for step in &steps {
        let next = match (current.map(toml::Spanned::get_ref), step) {
            (None, Step::Key(k)) => root.get(*k),
            (Some(toml::de::DeValue::Table(t)), Step::Key(k)) => t.get(*k),
            (Some(toml::de::DeValue::Array(a)), Step::Index(i)) => a.get(*i),
            _ => None,
        };
        match next {
            Some(v) => {
                span = Some(v.span());
                current = Some(v);
                matched += 1;
            }
            None => break,
        }
    }
    span.map(|s| Found { location: Location::of(source, s), exact: matched == steps.len() })
}

/// Finds where a validation path (`lots[1].award.criteria[2].weight`) is in a JSON source: where
/// the value starts, or the nearest enclosing value that exists (a missing field points at its
/// object). `None` if the path does not start in the source. The source is scanned, not parsed, so
/// this is meant for files that have loaded.
pub fn locate_json(source: &str, path: &str) -> Option<Location> {
    json_found(source, path).map(|f| f.location)
}

fn json_found(source: &str, path: &str) -> Option<Found> {
    // The file has loaded, so it is valid JSON: the walk only skips values, it never judges them.
    let steps = parse_path(path)?;
    let bytes = source.as_bytes();
    let mut start = skip_ws(bytes, 0);
    let mut span: Option<Range<usize>> = None;
    let mut exact = true;
    for step in &steps {
        let next = match step {
            Step::Key(k) => member(source, start, k),
            Step::Index(i) => element(bytes, start, *i),
        };
        match next {
            Some(value_start) => {
                let end = skip_value(bytes, value_start)?;
                span = Some(value_start..end);
                start = value_start;
            }
            None => {
                exact = false;
                break;
            }
        }
    }
    // Nothing of the path is in the file (as for TOML): no place to show.
    Some(Found { location: Location::of(source, span?), exact })
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The end of the string starting at `i` (at its opening quote): the index after the closing one.
fn skip_string(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
    None
}

/// The end of the value starting at `i`, without recursion (brackets are counted).
fn skip_value(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    let mut depth = 0_usize;
    loop {
        let b = *bytes.get(j)?;
        match b {
            b'"' => {
                j = skip_string(bytes, j)?;
                if depth == 0 {
                    return Some(j);
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(j + 1);
                }
            }
            _ if depth == 0 => {
                // A number, true, false or null: up to the next delimiter.
                let mut k = j;
                while k < bytes.len() && !matches!(bytes[k], b',' | b'}' | b']') && !bytes[k].is_ascii_whitespace() {
                    k += 1;
                }
                return Some(k);
            }
            _ => {}
        }
        j += 1;
    }
}

/// The start of the value of member `key` of the object at `i`.
fn member(source: &str, i: usize, key: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    if bytes.get(i) != Some(&b'{') {
        return None;
    }
    let mut j = skip_ws(bytes, i + 1);
    while bytes.get(j) == Some(&b'"') {
        let key_end = skip_string(bytes, j)?;
        // Keys are decoded, so an escaped key matches its path.
        let name: String = serde_json::from_str(source.get(j..key_end)?).ok()?;
        j = skip_ws(bytes, key_end);
        if bytes.get(j) != Some(&b':') {
            return None;
        }
        let value = skip_ws(bytes, j + 1);
        if name == key {
            return Some(value);
        }
        j = skip_ws(bytes, skip_value(bytes, value)?);
        if bytes.get(j) == Some(&b',') {
            j = skip_ws(bytes, j + 1);
        }
    }
    None
}

/// The start of element `index` of the array at `i`.
fn element(bytes: &[u8], i: usize, index: usize) -> Option<usize> {
    if bytes.get(i) != Some(&b'[') {
        return None;
    }
    let mut j = skip_ws(bytes, i + 1);
    let mut n = 0;
    while j < bytes.len() && bytes[j] != b']' {
        if n == index {
            return Some(j);
        }
        j = skip_ws(bytes, skip_value(bytes, j)?);
        if bytes.get(j) == Some(&b',') {
            j = skip_ws(bytes, j + 1);
        }
        n += 1;
    }
    None
}

/// Every value's place in one source, found in one pass, so that many validation paths are located
/// in time linear in the source and the number of paths (issue 17: [`locate`] parses the source
/// again for each path, and 10,000 problems in a large file took minutes).
///
/// [`SpanIndex::locate`] answers as [`locate`] does: the value at the path, or the nearest
/// enclosing value that exists (then `exact` is false), or `None`.
#[derive(Clone, Debug, Default)]
pub struct SpanIndex {
    /// Path (`lots[1].award.criteria[2].weight`) → byte range of its value.
    spans: std::collections::HashMap<String, Range<usize>>,
    /// Byte offset of the start of every line.
    line_starts: Vec<usize>,
    /// How many characters come before every [`CHAR_MARK`]th byte, so a column on a long line
    /// (minified JSON is one line) is counted from the nearest mark, not from the line's start.
    char_marks: Vec<usize>,
}

/// The distance in bytes between two [`SpanIndex`] character counts.
const CHAR_MARK: usize = 4096;

/// Whether a byte starts a character (is not the continuation of a UTF-8 sequence).
fn starts_char(b: u8) -> bool {
    (b & 0xC0) != 0x80
}

impl SpanIndex {
    /// Indexes `source`. A TOML source that does not parse, or JSON that breaks off, indexes what
    /// it can (for a TOML source: nothing).
    pub fn new(source: &str, format: Format) -> Self {
        let mut index = Self::lines(source);
        match format {
            Format::Toml => {
                if let Ok(table) = toml::de::DeTable::parse(source) {
                    index_toml_table(table.get_ref(), "", 0, &mut index.spans);
                }
            }
            Format::Json => index_json(source, &mut index.spans),
        }
        index
    }

    /// Indexes only the lines of `source` (no paths): enough to locate byte ranges, for a source
    /// that is not one JSON or TOML document (JSON Lines).
    pub fn lines(source: &str) -> Self {
        let line_starts = std::iter::once(0).chain(source.match_indices('\n').map(|(i, _)| i + 1)).collect();
        let mut char_marks = vec![0];
        let mut chars = 0;
        for block in source.as_bytes().chunks(CHAR_MARK) {
            chars += block.iter().filter(|b| starts_char(**b)).count();
            char_marks.push(chars);
        }
        Self { spans: std::collections::HashMap::new(), line_starts, char_marks }
    }

    /// Where validation path `path` is in `source` (the source the index was built from).
    pub fn locate(&self, source: &str, path: &str) -> Option<Found> {
        let steps = parse_path(path)?;
        (1..=steps.len()).rev().find_map(|n| {
            let span = self.spans.get(&path_text(&steps[..n]))?;
            Some(Found { location: self.location(source, span.clone()), exact: n == steps.len() })
        })
    }

    /// How many characters of `source` come before byte `at`: from the nearest mark.
    fn chars_before(&self, source: &str, at: usize) -> usize {
        let block = at / CHAR_MARK;
        let from = block * CHAR_MARK;
        let counted = self.char_marks.get(block).copied().unwrap_or(0);
        counted + source.as_bytes()[from.min(at)..at].iter().filter(|b| starts_char(**b)).count()
    }

    /// The location of a byte range of `source` (the source the index was built from), from the
    /// line index and the character marks: the work is a binary search and at most 4 KiB.
    pub fn location(&self, source: &str, span: Range<usize>) -> Location {
        let start = floor_char_boundary(source, span.start.min(source.len()));
        let line = self.line_starts.partition_point(|&s| s <= start);
        let line_start = self.line_starts.get(line.saturating_sub(1)).copied().unwrap_or(0).min(start);
        let column = self.chars_before(source, start) - self.chars_before(source, line_start) + 1;
        let end = floor_char_boundary(source, span.end.clamp(start, source.len()));
        Location { span: start..end, line: line.max(1), column }
    }
}

/// How deep [`SpanIndex`] indexes: validation paths are at most a few levels deep, and a path's
/// key is as long as its depth, so indexing a hostile file nested 100,000 deep to the bottom would
/// take time and memory growing with the square of its depth.
const MAX_INDEX_DEPTH: usize = 32;

/// A path's steps written as an index key: `lots[1].award`.
fn path_text(steps: &[Step<'_>]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

/// `prefix.key`, or `key` at the top.
fn join_key(prefix: &str, key: &str) -> String {
    if prefix.is_empty() { key.to_owned() } else { format!("{prefix}.{key}") }
}

fn index_toml_table(
    table: &toml::de::DeTable<'_>,
    prefix: &str,
    depth: usize,
    spans: &mut std::collections::HashMap<String, Range<usize>>,
) {
    for (key, value) in table {
        index_toml_value(value, &join_key(prefix, key.get_ref()), depth + 1, spans);
    }
}

fn index_toml_value(
    value: &toml::Spanned<toml::de::DeValue<'_>>,
    path: &str,
    depth: usize,
    spans: &mut std::collections::HashMap<String, Range<usize>>,
) {
    if depth > MAX_INDEX_DEPTH {
        return;
    }
    spans.entry(path.to_owned()).or_insert_with(|| value.span());
    match value.get_ref() {
        toml::de::DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                index_toml_value(item, &format!("{path}[{i}]"), depth + 1, spans);
            }
        }
        toml::de::DeValue::Table(t) => index_toml_table(t, path, depth, spans),
        _ => {}
    }
}

/// A container being scanned by [`index_json`]: its path, where it starts, and (for an array) the
/// index of its next element.
struct JsonFrame {
    path: String,
    start: usize,
    next_index: Option<usize>,
}

/// Indexes every value of a JSON source in one pass, without recursion (so nesting depth costs
/// no stack). Where a key occurs twice, the first is kept, as [`locate`] finds it.
fn index_json(source: &str, spans: &mut std::collections::HashMap<String, Range<usize>>) {
    let bytes = source.as_bytes();
    let mut i = if source.starts_with('\u{feff}') { '\u{feff}'.len_utf8() } else { 0 };
    let mut stack: Vec<JsonFrame> = Vec::new();
    // The key just read inside the current object, waiting for its value.
    let mut key: Option<String> = None;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' => i += 1,
            b'"' if stack.last().is_some_and(|f| f.next_index.is_none()) && key.is_none() => {
                // A key of an object.
                let Some(end) = skip_string(bytes, i) else { return };
                let raw = &source[i + 1..end - 1];
                key = Some(if raw.contains('\\') {
                    serde_json::from_str(&source[i..end]).unwrap_or_else(|_| raw.to_owned())
                } else {
                    raw.to_owned()
                });
                i = end;
            }
            b'}' | b']' => {
                if let Some(frame) = stack.pop()
                    && !frame.path.is_empty()
                {
                    spans.entry(frame.path).or_insert(frame.start..i + 1);
                }
                key = None;
                i += 1;
            }
            _ => {
                // A value: its path is the key just read, or the next index of the array. Below
                // the indexed depth it is not recorded (nor is its path built).
                let deep = stack.len() > MAX_INDEX_DEPTH;
                let path = match stack.last_mut() {
                    _ if deep => {
                        key = None;
                        String::new()
                    }
                    None => String::new(),
                    Some(JsonFrame { path, next_index: Some(n), .. }) => {
                        let p = format!("{path}[{n}]");
                        *n += 1;
                        p
                    }
                    Some(JsonFrame { path, next_index: None, .. }) => match key.take() {
                        Some(k) => join_key(path, &k),
                        None => return,
                    },
                };
                match b {
                    b'{' | b'[' => {
                        stack.push(JsonFrame { path, start: i, next_index: (b == b'[').then_some(0) });
                        i += 1;
                    }
                    _ => {
                        let Some(end) = skip_value(bytes, i) else { return };
                        if !path.is_empty() && !deep {
                            spans.entry(path).or_insert(i..end);
                        }
                        i = end.max(i + 1);
                    }
                }
            }
        }
    }
}

/// Why a value could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// TOML serialization failed.
    #[error("cannot write TOML: {0}")]
    Toml(#[from] toml::ser::Error),
    /// JSON serialization failed.
    #[error("cannot write JSON: {0}")]
    Json(#[from] serde_json::Error),
}

/// Writes a value as TOML or pretty JSON (with a final newline).
///
/// # Errors
/// [`WriteError`] if the serializer refuses the value.
pub fn to_string<T: Serialize>(value: &T, format: Format) -> Result<String, WriteError> {
    match format {
        Format::Toml => Ok(toml::to_string_pretty(value)?),
        Format::Json => {
            let mut s = serde_json::to_string_pretty(value)?;
            s.push('\n');
            Ok(s)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Small {
        #[allow(dead_code)]
        id: String,
        #[allow(dead_code)]
        n: u32,
    }

    #[test]
    fn bundle_parts_find_each_bid_of_an_array_and_of_json_lines() {
        let array = "\u{feff} [ {\"id\": \"a]\", \"n\": 1},\n  {\"id\": \"b\", \"n\": [2]} ]";
        let parts = bundle_parts(array, Format::Json, Path::new("b.json")).expect("JSON").expect("a bundle");
        assert_eq!(parts.len(), 2);
        assert_eq!(&array[parts[0].range.clone()], "{\"id\": \"a]\", \"n\": 1}");
        assert_eq!((parts[1].path_prefix.as_str(), parts[1].label.as_str()), ("[1].", "[1]"));
        // The second is located in the whole file: line 2, its path after `[1].`.
        let index = SpanIndex::new(array, Format::Json);
        match parse_part::<Small>(array, &parts[1], &index, Path::new("b.json")) {
            Err(LoadError::Shape { path, location: Some(l), .. }) => {
                assert_eq!(path, "[1].n");
                assert_eq!(l.line, 2);
            }
            other => panic!("{other:?}"),
        }
        assert!(parse_part::<Small>(array, &parts[0], &index, Path::new("b.json")).is_ok());
        // An object is one bid; a broken array is a syntax error of the file.
        assert_eq!(bundle_parts("{\"id\": \"a\"}", Format::Json, Path::new("b.json")).expect("JSON"), None);
        assert!(matches!(
            bundle_parts("[{\"id\": 1}", Format::Json, Path::new("b.json")),
            Err(LoadError::Syntax { .. })
        ));

        let lines = "{\"id\": \"a\", \"n\": 1}\r\n\n{\"id\": \"b\",\r\n";
        let parts = bundle_parts(lines, Format::Json, Path::new("b.jsonl")).expect("lines").expect("a bundle");
        assert_eq!(parts.iter().map(|p| p.label.as_str()).collect::<Vec<_>>(), ["line 1", "line 3"]);
        let index = SpanIndex::lines(lines);
        match parse_part::<Small>(lines, &parts[1], &index, Path::new("b.jsonl")) {
            Err(LoadError::Syntax { location, .. }) => assert_eq!(location.line, 3),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn locate_json_finds_values_and_their_parents() {
        let src = "{\n  \"id\": \"B-1\",\n  \"price\": { \"total\": -5 },\n  \"answers\": [\n    { \"requirement\": \"R-1\" },\n    { \"requirement\": \"R-2\", \"met\": true }\n  ]\n}\n";
        let at = |path: &str| locate_json(src, path).map(|l| (l.line, l.column));
        assert_eq!(at("id"), Some((2, 9)));
        assert_eq!(at("price.total"), Some((3, 23)));
        assert_eq!(at("answers[1].met"), Some((6, 36)));
        assert_eq!(at("answers[1].evidence"), Some((6, 5)), "a missing field points at its object");
        assert_eq!(at("sovereignty"), None);
    }

    #[test]
    fn a_json_file_may_start_with_a_byte_order_mark() {
        let parsed: Result<serde_json::Value, _> = parse("\u{feff}{\"a\": 1}", Format::Json, Path::new("b.json"));
        assert!(parsed.is_ok(), "{parsed:?}");
        // Errors keep their place in the file as it is: the mark is one character.
        let e = parse::<serde_json::Value>("\u{feff}{\"a\": }", Format::Json, Path::new("b.json")).err();
        let Some(LoadError::Syntax { location, .. }) = e else { panic!("a syntax error: {e:?}") };
        assert_eq!((location.line, location.column), (1, 8));
    }

    #[test]
    fn a_reader_without_end_is_read_only_to_the_limit() {
        let endless = std::io::repeat(0);
        assert!(matches!(read_bounded(endless, 1000, 0), Ok(None)));
        assert_eq!(read_bounded(&b"abc"[..], 3, 3).ok().flatten(), Some(b"abc".to_vec()));
        assert!(matches!(read_bounded(&b"abcd"[..], 3, 0), Ok(None)));
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_fifos_are_refused_without_reading() {
        // `/dev/zero` reads without end: it is refused as a device before a byte is read.
        let e = read_text(Path::new("/dev/zero")).err();
        assert!(matches!(e, Some(LoadError::NotAFile { kind: "a character device", .. })), "{e:?}");
    }

    #[test]
    fn long_quotes_are_shortened() {
        let long = "x".repeat(10_000);
        let m = shorten_quotes(&format!("unknown field `{long}`, expected `id`; invalid type: string \"{long}\""));
        assert!(m.len() < 200, "{m}");
        assert!(m.contains("expected `id`"), "{m}");
        assert_eq!(shorten_quotes(r#"string "a\"b", expected `c`"#), r#"string "a\"b", expected `c`"#);
        assert!(display_path(&format!("lots[0].{long}")).len() < 100);
    }

    #[test]
    fn close_names_are_suggested() {
        assert_eq!(closest("wieght", &["id", "weight", "scale"]), Some("weight"));
        assert_eq!(closest("pirce", &["price", "lot"]), Some("price"));
        assert_eq!(closest("min_max", &["min-max", "proportional"]), Some("min-max"));
        // Equally close to several: no guess.
        assert_eq!(closest("SEAL-7", &["SEAL-0", "SEAL-1", "SEAL-4"]), None);
        assert_eq!(closest("docx", &["odf-1.3", "pdf-a-2"]), None);
        assert_eq!(edit_distance("ab", "ba"), 1);
    }

    #[test]
    fn paths_are_found_from_positions() {
        let json = r#"{"a": [1, {"SOV-3": {"seal": "SEAL-7"}}]}"#;
        let at = json.find("SEAL-7").expect("present");
        assert_eq!(json_path_at(json, at).as_deref(), Some("a[1].SOV-3.seal"));
        let toml = "[x.objectives]\nSOV-1 = { seal = \"SEAL-2\" }\nSOV-3 = { seal = \"SEAL-7\" }\n";
        let at = toml.find("SEAL-7").expect("present");
        assert_eq!(toml_path_at(toml, at).as_deref(), Some("x.objectives.SOV-3.seal"));
    }

    #[test]
    fn numbers_beyond_a_decimal_are_refused() {
        assert!(number_problem("1e300", true).is_some_and(|m| m.contains("too large")));
        assert!(number_problem("nan", true).is_some_and(|m| m.contains("not a number")));
        assert!(number_problem("123456789012345678901234567890", false).is_some());
        assert!(number_problem("0.30000000000000004", true).is_some());
        assert_eq!(number_problem("0.30000000000000004", false), None);
        assert_eq!(number_problem("1_000_000", false), None);
        let numbers: Vec<&str> =
            json_numbers(r#"{"a": "12", "b": -1.5e3, "c": [7]}"#).into_iter().map(|(_, t)| t).collect();
        assert_eq!(numbers, vec!["-1.5e3", "7"]);
    }

    #[test]
    fn serde_messages_get_a_fix() {
        let m = explain("unknown field `wieght`, expected one of `id`, `weight`", Format::Toml, false);
        assert!(m.ends_with("Fix: rename it to `weight`"), "{m}");
        let m = explain("missing field `price`", Format::Json, true);
        assert_eq!(m, "missing field `price`. Fix: add `price` to the file");
        let m = explain("invalid type: string \"yes\", expected a boolean", Format::Toml, false);
        assert!(m.contains("expected true or false. Fix:"), "{m}");
    }

    #[test]
    fn paths_parse() {
        assert_eq!(
            parse_path("lots[1].award.criteria[2].weight"),
            Some(vec![
                Step::Key("lots"),
                Step::Index(1),
                Step::Key("award"),
                Step::Key("criteria"),
                Step::Index(2),
                Step::Key("weight")
            ])
        );
    }

    #[test]
    fn locate_finds_nested_values() {
        let src = "a = 1\n[[lots]]\nid = \"L1\"\n[[lots]]\nid = \"L2\"\nx = { y = [1, 22] }\n";
        let loc = locate_toml(src, "lots[1].x.y[1]").expect("found");
        assert_eq!((loc.line, loc.column), (6, 15));
        assert_eq!(&src[loc.span], "22");
        let missing = locate_toml(src, "lots[1].nope").expect("falls back to the table");
        assert_eq!(missing.line, 4);
    }

    const JSON: &str = r#"{
  "id": "B-1",
  "price": { "total": 1200.50, "options": [ { "option": "O1", "price": 5 }, { "option": "O\"2", "price": [1, {"x": "]"}] } ] },
  "esc\u0061ped": true
}"#;

    fn json_text(path: &str) -> Option<(&'static str, bool)> {
        locate(JSON, Format::Json, path).map(|f| (&JSON[f.location.span], f.exact))
    }

    #[test]
    fn json_values_are_found() {
        assert_eq!(json_text("id"), Some(("\"B-1\"", true)));
        assert_eq!(json_text("price.total"), Some(("1200.50", true)));
        assert_eq!(json_text("price.options[0].option"), Some(("\"O1\"", true)));
        assert_eq!(json_text("price.options[1].price"), Some(("[1, {\"x\": \"]\"}]", true)));
        assert_eq!(json_text("escaped"), Some(("true", true)));
    }

    #[test]
    fn missing_json_values_point_at_their_parent() {
        let (t, exact) = json_text("price.options[7].price").expect("parent found");
        assert!(t.starts_with("[ { \"option\""));
        assert!(!exact);
        assert_eq!(json_text("nothing"), None);
        assert_eq!(json_text("bids (bidder `X`)"), None);
    }

    #[test]
    fn toml_values_are_found_and_marked_exact() {
        let src = "id = \"T\"\n[[lots]]\nid = \"L1\"\n[lots.award]\nweight = 30\n";
        let f = locate(src, Format::Toml, "lots[0].award.weight").expect("found");
        assert_eq!((&src[f.location.span], f.exact), ("30", true));
        let f = locate(src, Format::Toml, "lots[0].award.price_model").expect("parent found");
        assert!(!f.exact);
    }

    #[test]
    fn long_toml_floats_are_found() {
        let src = "a = 0.1\nb = 0.30000000000000001\n[t]\nc = [1.5, 123456789.123456789]\n";
        let table = toml::de::DeTable::parse(src).expect("parses");
        let found: Vec<String> = check_toml_floats(table.get_ref()).into_iter().map(|(p, _, _)| p).collect();
        assert_eq!(found, vec!["b".to_owned(), "t.c[1]".to_owned()]);
    }

    /// The first number no exact decimal holds is refused at its path, the first in the file's
    /// order, whether the file is one document or a bundle of `[[bids]]`.
    #[test]
    fn a_number_no_decimal_holds_is_refused_at_its_path() {
        let path_of = |e: LoadError| match e {
            LoadError::Shape { path, location, message, .. } => (path, location.map(|l| l.line), message),
            other => panic!("{other:?}"),
        };
        let src = "a = 1\n[[t]]\nx = 2\n[[t]]\nx = [1, 2.5, nan]\ny = 1e300\n";
        let e = parse::<toml::Value>(src, Format::Toml, "f.toml".as_ref()).expect_err("refused");
        let (path, line, message) = path_of(e);
        assert_eq!((path.as_str(), line), ("t[1].x[2]", Some(5)));
        assert!(message.contains("`nan` is not a number"), "{message}");

        let src = "[[bids]]\nid = \"A\"\n[[bids]]\nid = \"B\"\nprice = { total = 1234567.8901234567 }\n";
        let mut bundle =
            parse_bundle::<toml::Value>(src, Format::Toml, "b.toml".as_ref()).expect("a bundle").expect("bids");
        assert!(bundle[0].1.is_ok());
        let (path, line, message) = path_of(bundle.remove(1).1.expect_err("refused"));
        assert_eq!((path.as_str(), line), ("bids[1].price.total", Some(5)));
        assert!(message.contains("significant digits"), "{message}");
    }
}
