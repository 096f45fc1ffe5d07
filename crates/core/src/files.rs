//! Reading and writing tenders and bids as TOML (written by people) and JSON (exchanged by
//! systems).
//!
//! Reading is split in two: a file that is not valid TOML or JSON is a [`LoadError::Syntax`]; a
//! valid file that is not a valid tender or bid shape (unknown field, wrong type, missing field) is
//! a [`LoadError::Shape`] with the path inside the file. Both carry the byte span, line and column.
//! Unknown fields are errors, so a typo is never silently dropped. What the values mean is checked
//! afterwards by [`crate::validate`].
//!
//! Numbers are exact: see [`crate::num`] for the rule, and [`check_toml_floats`] for the check of
//! raw TOML float text.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::num::{F64_EXACT_DIGITS, significant_digits};

/// The largest file read: 32 MiB. A tender with thousands of bids fits many times over.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

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
            Some("json") => Some(Self::Json),
            _ => None,
        }
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
    #[error("{}: the file is {size} bytes, more than the {limit} bytes accepted; split the bids into one file each", file.display())]
    TooLarge {
        /// The file.
        file: PathBuf,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// The file is not UTF-8 text.
    #[error("{}: the file is not UTF-8 text (invalid byte at offset {offset}, line {line}); save it as UTF-8", file.display())]
    NotUtf8 {
        /// The file.
        file: PathBuf,
        /// Offset of the first invalid byte.
        offset: usize,
        /// Its line.
        line: usize,
    },
    /// The file's extension names no known format.
    #[error("{}: unknown file type; name the file `.toml` or `.json`", file.display())]
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
    /// The file the error is about.
    pub fn file(&self) -> &Path {
        match self {
            Self::Io { file, .. }
            | Self::TooLarge { file, .. }
            | Self::NotUtf8 { file, .. }
            | Self::UnknownFormat { file }
            | Self::Syntax { file, .. }
            | Self::Shape { file, .. } => file,
        }
    }
}

/// Reads a file as UTF-8 text, refusing files over [`MAX_FILE_BYTES`].
///
/// # Errors
/// [`LoadError::Io`], [`LoadError::TooLarge`] or [`LoadError::NotUtf8`].
pub fn read_text(file: &Path) -> Result<String, LoadError> {
    let io = |source| LoadError::Io { file: file.to_owned(), source };
    let size = std::fs::metadata(file).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { file: file.to_owned(), size, limit: MAX_FILE_BYTES });
    }
    let bytes = std::fs::read(file).map_err(io)?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..offset].iter().filter(|b| **b == b'\n').count() + 1;
        LoadError::NotUtf8 { file: file.to_owned(), offset, line }
    })
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

/// Parses source text as `T`. `file` is only used in errors.
///
/// # Errors
/// [`LoadError::Syntax`] or [`LoadError::Shape`].
pub fn parse<T: DeserializeOwned>(source: &str, format: Format, file: &Path) -> Result<T, LoadError> {
    match format {
        Format::Toml => parse_toml(source, file),
        Format::Json => parse_json(source, file),
    }
}

fn parse_toml<T: DeserializeOwned>(source: &str, file: &Path) -> Result<T, LoadError> {
    let table = toml::de::DeTable::parse(source).map_err(|e| LoadError::Syntax {
        file: file.to_owned(),
        format: Format::Toml,
        location: Location::of(source, e.span().unwrap_or(0..0)),
        message: e.message().trim().to_owned(),
    })?;
    if let Some((path, span, text)) = check_toml_floats(table.get_ref()).into_iter().next() {
        return Err(LoadError::Shape {
            file: file.to_owned(),
            path,
            location: Some(Location::of(source, span)),
            message: format!(
                "the number {text} has more than {F64_EXACT_DIGITS} significant digits and a TOML float cannot hold it exactly; write it as a string: \"{}\"",
                text.replace('_', "")
            ),
        });
    }
    let deserializer = toml::de::Deserializer::from(table);
    serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        LoadError::Shape {
            file: file.to_owned(),
            path: display_path(&path),
            location: inner.span().map(|s| Location::of(source, s)),
            message: inner.message().trim().to_owned(),
        }
    })
}

fn parse_json<T: DeserializeOwned>(source: &str, file: &Path) -> Result<T, LoadError> {
    let mut deserializer = serde_json::Deserializer::from_str(source);
    let result: Result<T, _> = serde_path_to_error::deserialize(&mut deserializer);
    let value = result.map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let location = json_location(source, inner.line(), inner.column());
        let message = strip_json_position(&inner.to_string());
        if inner.is_syntax() || inner.is_eof() {
            LoadError::Syntax { file: file.to_owned(), format: Format::Json, location, message }
        } else {
            LoadError::Shape { file: file.to_owned(), path: display_path(&path), location: Some(location), message }
        }
    })?;
    deserializer.end().map_err(|inner| LoadError::Syntax {
        file: file.to_owned(),
        format: Format::Json,
        location: json_location(source, inner.line(), inner.column()),
        message: strip_json_position(&inner.to_string()),
    })?;
    Ok(value)
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

/// The root path is shown as `(top level)` rather than `.`.
fn display_path(path: &str) -> String {
    if path == "." || path.is_empty() { "(top level)".to_owned() } else { path.to_owned() }
}

/// Finds TOML floats whose written text has more significant digits than a binary float keeps:
/// `(path, span, text)` for each, in document order.
pub fn check_toml_floats(table: &toml::de::DeTable<'_>) -> Vec<(String, Range<usize>, String)> {
    let mut found = Vec::new();
    walk_table(table, "", &mut found);
    found
}

fn walk_table(table: &toml::de::DeTable<'_>, prefix: &str, found: &mut Vec<(String, Range<usize>, String)>) {
    for (key, value) in table.iter() {
        let path = if prefix.is_empty() { key.get_ref().to_string() } else { format!("{prefix}.{}", key.get_ref()) };
        walk_value(value, &path, found);
    }
}

fn walk_value(
    value: &toml::Spanned<toml::de::DeValue<'_>>,
    path: &str,
    found: &mut Vec<(String, Range<usize>, String)>,
) {
    match value.get_ref() {
        toml::de::DeValue::Float(f) => {
            let text = f.as_str();
            let mantissa = text.split(['e', 'E']).next().unwrap_or(text);
            if significant_digits(mantissa) > F64_EXACT_DIGITS {
                found.push((path.to_owned(), value.span(), text.to_owned()));
            }
        }
        toml::de::DeValue::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk_value(item, &format!("{path}[{i}]"), found);
            }
        }
        toml::de::DeValue::Table(t) => walk_table(t, path, found),
        _ => {}
    }
}

/// One step of a path such as `lots[1].award.criteria[2].weight`.
#[derive(Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

fn parse_path(path: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            steps.push(Step::Key(key.to_owned()));
        }
        while let Some(stripped) = rest.strip_prefix('[') {
            let end = stripped.find(']')?;
            steps.push(Step::Index(stripped[..end].parse().ok()?));
            rest = &stripped[end + 1..];
        }
    }
    Some(steps)
}

/// Finds where a validation path (`lots[1].award.criteria[2].weight`) is in a TOML source: the
/// value's span, or the nearest enclosing value that exists (a missing field points at its table).
/// `None` if the source does not parse or the path does not start in it.
pub fn locate_toml(source: &str, path: &str) -> Option<Location> {
    let table = toml::de::DeTable::parse(source).ok()?;
    let steps = parse_path(path)?;
    let mut span: Option<Range<usize>> = None;
    let mut current: Option<&toml::Spanned<toml::de::DeValue<'_>>> = None;
    let root = table.get_ref();
    for step in &steps {
        let next = match (current.map(toml::Spanned::get_ref), step) {
            (None, Step::Key(k)) => root.get(k.as_str()),
            (Some(toml::de::DeValue::Table(t)), Step::Key(k)) => t.get(k.as_str()),
            (Some(toml::de::DeValue::Array(a)), Step::Index(i)) => a.get(*i),
            _ => None,
        };
        match next {
            Some(v) => {
                span = Some(v.span());
                current = Some(v);
            }
            None => break,
        }
    }
    span.map(|s| Location::of(source, s))
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

    #[test]
    fn paths_parse() {
        assert_eq!(
            parse_path("lots[1].award.criteria[2].weight"),
            Some(vec![
                Step::Key("lots".into()),
                Step::Index(1),
                Step::Key("award".into()),
                Step::Key("criteria".into()),
                Step::Index(2),
                Step::Key("weight".into())
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

    #[test]
    fn long_toml_floats_are_found() {
        let src = "a = 0.1\nb = 0.30000000000000001\n[t]\nc = [1.5, 123456789.123456789]\n";
        let table = toml::de::DeTable::parse(src).expect("parses");
        let found: Vec<String> = check_toml_floats(table.get_ref()).into_iter().map(|(p, _, _)| p).collect();
        assert_eq!(found, vec!["b".to_owned(), "t.c[1]".to_owned()]);
    }
}
