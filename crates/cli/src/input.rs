//! Reading the input: a tender file, bid files and directories of them, and a "case" directory
//! that holds `tender.toml` (or `tender.json`) and `bids/`; then validating all of it.
//!
//! Nothing here stops at the first problem: every file is read, every readable file is validated,
//! and every problem becomes a [`Diagnostic`] pointing into its file.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use tender_core::files::{self, Format, LoadError, SpanIndex};
use tender_core::validate::{self, Level as ProblemLevel, Problem};
use tender_core::{Bid, Tender};
use tender_score::EvaluationError;

use crate::diagnostics::{Diagnostic, Diagnostics, Level};

/// A file that was read, kept so diagnostics can show its text.
#[derive(Clone, Debug)]
pub(crate) struct SourceFile {
    /// The path as given on the command line (or found in a directory), as shown.
    pub(crate) name: String,
    /// The text.
    pub(crate) text: Arc<String>,
    /// Its place among the files read: the tender is 0, bid files follow from 1.
    pub(crate) order: usize,
    /// TOML or JSON.
    pub(crate) format: Format,
    /// The text as snippets show it: `text` with each control character other than a line break
    /// or a tab replaced by as many `?` as it has bytes, so spans stay valid and nothing from the
    /// file reaches the terminal as a command (issue 17). The same `Arc` as `text` when there is
    /// nothing to replace.
    pub(crate) shown: Arc<String>,
    /// Where each value of `text` is, built the first time a problem is located in the file, so
    /// locating thousands of problems reads the file once (issue 17). Of a JSON Lines file, only
    /// its lines.
    spans: Arc<OnceLock<SpanIndex>>,
    /// Whether the file is JSON Lines (one bid per line).
    json_lines: bool,
    /// For one bid of a bundle file (a JSON array of bids, JSON Lines): where it is in the file.
    part: Option<Arc<Part>>,
}

/// One bid of a bundle file, as [`SourceFile`] views it.
#[derive(Debug)]
struct Part {
    part: files::BundlePart,
    /// Of a line of JSON Lines: where each value of the line is, built on first use.
    spans: OnceLock<SpanIndex>,
}

/// Whether `text` has no control character but line breaks and tabs: `char::is_control` is the
/// Unicode category Cc, U+0000–U+001F and U+007F–U+009F, so the bytes tell without decoding
/// (U+0080–U+009F are encoded as 0xC2 0x80–0x9F).
fn all_inert(text: &str) -> bool {
    let bytes = text.as_bytes();
    // A byte that may start a control character, tested without branching so that the compiler
    // can test a block of them at once: the exact test runs only where a block holds one.
    let suspect = |b: u8| (b < 0x20) & (b != b'\n') & (b != b'\t') & (b != b'\r') | (b == 0x7f) | (b == 0xc2);
    const BLOCK: usize = 64;
    if bytes.chunks(BLOCK).all(|block| !block.iter().fold(false, |any, &b| any | suspect(b))) {
        return true;
    }
    bytes.iter().enumerate().all(|(i, &b)| match b {
        b'\n' | b'\t' | b'\r' => true,
        0..0x20 | 0x7f => false,
        0xc2 => !bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
        _ => true,
    })
}

impl SourceFile {
    /// A file that was read: `text` as read, and the copy of it that snippets show.
    pub(crate) fn new(name: String, text: String, format: Format, order: usize) -> Self {
        let text = Arc::new(text);
        let inert = |c: char| !c.is_control() || matches!(c, '\n' | '\t' | '\r');
        let shown = if all_inert(&text) {
            Arc::clone(&text)
        } else {
            let mut shown = String::with_capacity(text.len());
            let mut chars = text.chars().peekable();
            while let Some(c) = chars.next() {
                // A carriage return is kept only as the first half of a Windows line break.
                let windows_break = c == '\r' && chars.peek() == Some(&'\n');
                if (c != '\r' && inert(c)) || windows_break {
                    shown.push(c);
                } else {
                    shown.extend(std::iter::repeat_n('?', c.len_utf8()));
                }
            }
            Arc::new(shown)
        };
        Self {
            name: tender_core::inert::inert(&name).into_owned(),
            text,
            order,
            format,
            shown,
            spans: Arc::new(OnceLock::new()),
            json_lines: false,
            part: None,
        }
    }

    /// The file's index: its values' places, or only its lines (JSON Lines).
    fn index(&self) -> &SpanIndex {
        self.spans.get_or_init(|| {
            if self.json_lines { SpanIndex::lines(&self.text) } else { SpanIndex::new(&self.text, self.format) }
        })
    }

    /// The same file seen as one of its bids.
    fn view(&self, part: files::BundlePart) -> Self {
        Self { part: Some(Arc::new(Part { part, spans: OnceLock::new() })), ..self.clone() }
    }

    /// Whether this is one bid of a file of several.
    pub(crate) fn is_part(&self) -> bool {
        self.part.is_some()
    }

    /// The file's name, and the bid's place in it for one bid of a bundle file:
    /// `bids.json [3]`, `bids.jsonl line 7`.
    pub(crate) fn source_name(&self) -> String {
        match &self.part {
            Some(p) => format!("{} {}", self.name, p.part.label),
            None => self.name.clone(),
        }
    }

    /// A validation path as the whole file names it: `[3].price.total` in a JSON array of bids,
    /// `line 7: price.total` in JSON Lines, the path itself in a file of one bid.
    pub(crate) fn shown_path(&self, path: &str) -> String {
        match &self.part {
            Some(p) if self.json_lines => format!("{}: {path}", p.part.label),
            Some(p) => format!("{}{path}", p.part.path_prefix),
            None => path.to_owned(),
        }
    }

    /// The line and column (in characters, from 1) of byte `at`, from the file's index.
    pub(crate) fn line_and_column(&self, at: usize) -> (usize, usize) {
        let l = self.index().location(&self.text, at..at);
        (l.line, l.column)
    }

    /// Where validation path `path` is in the file (see [`SpanIndex::locate`]); in one bid of a
    /// bundle file, the path inside that bid.
    pub(crate) fn locate(&self, path: &str) -> Option<tender_core::files::Found> {
        match &self.part {
            None => self.index().locate(&self.text, path),
            Some(p) if !self.json_lines => self.index().locate(&self.text, &format!("{}{path}", p.part.path_prefix)),
            Some(p) => {
                // A line of JSON Lines is a document of its own: found in the line, placed in the file.
                let range = p.part.range.clone();
                let line = self.text.get(range.clone())?;
                let found = p.spans.get_or_init(|| SpanIndex::new(line, Format::Json)).locate(line, path)?;
                let span = found.location.span.start + range.start..found.location.span.end + range.start;
                Some(tender_core::files::Found {
                    location: self.index().location(&self.text, span),
                    exact: found.exact,
                })
            }
        }
    }
}

/// A tender and its bids, as far as they could be read.
#[derive(Debug, Default)]
pub(crate) struct Case {
    /// The tender, if it could be read.
    pub(crate) tender: Option<(Tender, SourceFile)>,
    /// The bids that could be read, in file-name order (a bundle file's in its order).
    pub(crate) bids: Vec<(Bid, SourceFile)>,
    /// What each place in the reading order names, from 1 (0 is the tender): a bid file, or one
    /// bid of a bundle file (`bids.json [3]`, `bids.jsonl line 7`), or a bundle file that could
    /// not be read as a whole.
    pub(crate) sources: Vec<String>,
}

impl Case {
    /// The bids alone.
    pub(crate) fn bid_values(&self) -> Vec<Bid> {
        self.bids.iter().map(|(b, _)| b.clone()).collect()
    }

    /// The bids alone, borrowed: for the evaluation, which need not copy them.
    pub(crate) fn bid_refs(&self) -> Vec<&Bid> {
        self.bids.iter().map(|(b, _)| b).collect()
    }
}

/// The tender file a path names: the path itself, or `tender.toml` / `tender.json` in a directory.
/// The second value is the directory of bids that goes with it: `bids/` beside the tender.
pub(crate) fn tender_file(path: &Path) -> Result<(PathBuf, PathBuf), Diagnostic> {
    if path.is_dir() {
        for name in ["tender.toml", "tender.json"] {
            let file = path.join(name);
            if file.is_file() {
                return Ok((file, path.join("bids")));
            }
        }
        return Err(Diagnostic::error(format!("{}: the directory has no tender.toml or tender.json", path.display()))
            .with_help("give a tender file, or a directory with tender.toml (or tender.json) and bids/"));
    }
    if !path.exists() {
        return Err(not_found(path));
    }
    let dir = path.parent().map_or_else(|| PathBuf::from("bids"), |p| p.join("bids"));
    Ok((path.to_owned(), dir))
}

fn not_found(path: &Path) -> Diagnostic {
    crate::listing::missing(path)
}

/// The bid files in `paths`: files as given, directories expanded to their `.toml` and `.json`
/// files sorted by name. Every other entry of a directory is reported ([`crate::listing`]).
pub(crate) fn bid_files(paths: &[PathBuf], diags: &mut Diagnostics) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            out.extend(crate::listing::bid_dir(path, diags));
        } else if path.exists() {
            out.push(path.clone());
        } else {
            diags.push(not_found(path));
        }
    }
    out
}

/// Reads a tender and bid files. Every file that can be read is parsed; every problem is added
/// to `diags`. The bid files are read and parsed on all cores (scoped threads, each a contiguous
/// share of the files); the bids and the problems come out in file order whatever the threads'
/// timing, so the output does not depend on the machine.
pub(crate) fn read_case(tender: &Path, bids: &[PathBuf], diags: &mut Diagnostics) -> Case {
    let tender = read::<Tender>(tender, 0).map_err(|d| diags.push(d)).ok();
    let mut case = Case { tender, bids: Vec::with_capacity(bids.len()), sources: Vec::with_capacity(bids.len()) };
    // Each bid (each bid of a bundle file too) gets its own place in the order, so a bad bid in a
    // bundle is skipped alone (--skip-unreadable).
    // The bids' references to the tender's ids share its allocations (less memory, and equal ids
    // compare by address in validation and scoring).
    let ids = case.tender.as_ref().map(|(t, _)| t.referenced_ids()).unwrap_or_default();
    for (path, results) in bids.iter().zip(read_all(bids, &ids)) {
        for result in results {
            let order = case.sources.len().saturating_add(1);
            match result {
                Ok((bid, mut file)) => {
                    case.sources.push(file.source_name());
                    file.order = order;
                    case.bids.push((bid, file));
                }
                Err((label, d)) => {
                    case.sources.push(match label {
                        Some(label) => format!("{} {label}", path.display()),
                        None => path.display().to_string(),
                    });
                    diags.push(d.in_order(order));
                }
            }
        }
    }
    case
}

/// One bid read, or why not: the diagnostic, with the bid's place in its bundle file.
type BidRead = Result<(Bid, SourceFile), (Option<String>, Diagnostic)>;

/// Reads a bid file: a file of one bid, or a bundle of several (a JSON array of bids, JSON Lines,
/// or TOML `[[bids]]` tables), each of its bids read on its own so that one bad bid spoils only
/// itself.
fn read_bids(path: &Path) -> Vec<BidRead> {
    let file = match source_up_to(path, 0, files::MAX_BUNDLE_BYTES) {
        Ok(file) => file,
        Err(d) => return vec![Err((None, d))],
    };
    match files::parse_bundle::<Bid>(&file.text, file.format, path) {
        Err(e) => vec![Err((None, load_error(&e, Some(&file))))],
        // A file of one bid is held to the limit of one file.
        Ok(None) if u64::try_from(file.text.len()).is_ok_and(|n| n > files::MAX_FILE_BYTES) => {
            let e = LoadError::TooLarge {
                file: path.to_owned(),
                size: u64::try_from(file.text.len()).unwrap_or(u64::MAX),
                limit: files::MAX_FILE_BYTES,
            };
            vec![Err((None, load_error(&e, None)))]
        }
        Ok(None) => vec![parse_file(file, path).map_err(|d| (None, d))],
        Ok(Some(parts)) if parts.is_empty() => vec![Err((
            None,
            Diagnostic::warning(format!("{}: the file holds no bids", file.name)).with_help(
                "a file of several bids lists them: a JSON array of bid objects, one bid object per line (.jsonl), or [[bids]] tables (TOML)",
            ),
        ))],
        Ok(Some(parts)) => parts
            .into_iter()
            .map(|(part, parsed)| {
                let label = part.label.clone();
                let view = file.view(part);
                match parsed {
                    Ok(bid) => Ok((bid, view)),
                    Err(e) => Err((Some(label), load_error(&e, Some(&view)))),
                }
            })
            .collect(),
    }
}

/// Reads and parses the bid files `paths` in parallel: per file, in the order of `paths`, its
/// bids (one, or a bundle's in their order).
fn read_all(paths: &[PathBuf], ids: &[tender_core::Id]) -> Vec<Vec<BidRead>> {
    in_shares(
        paths,
        |share| {
            tender_core::common::with_id_pool(ids.iter().cloned(), || {
                share.iter().map(|p| read_bids(p)).collect::<Vec<_>>()
            })
        },
        // A panic while parsing (a bug): the files of that share are reported, not lost.
        |p| {
            vec![Err((
                None,
                Diagnostic::error(format!("{}: could not be read (an internal error)", p.display()))
                    .with_help("report this as a bug, with the file"),
            ))]
        },
    )
}

/// `work` on `items` on the machine's cores: each thread takes a contiguous share (of at least
/// [`PER_THREAD`] items) and the results come back in the order of `items`, so the output is the
/// same on any number of cores. Where a share's thread panics (a bug), each of its items gives
/// `lost(item)` instead, so the rest is kept.
fn in_shares<T: Sync, R: Send>(items: &[T], work: impl Fn(&[T]) -> Vec<R> + Sync, lost: impl Fn(&T) -> R) -> Vec<R> {
    use tender_core::shares;
    let (size, results) = shares::in_shares(items, shares::cores(), PER_THREAD, work);
    results
        .into_iter()
        .zip(items.chunks(size))
        .flat_map(|(result, chunk)| result.unwrap_or_else(|_| chunk.iter().map(&lost).collect()))
        .collect()
}

/// Below this many items (files, bids) a thread costs more than it saves.
const PER_THREAD: usize = 32;

/// Reads and parses one file, the `order`th of those read.
fn read<T: serde::de::DeserializeOwned>(path: &Path, order: usize) -> Result<(T, SourceFile), Diagnostic> {
    parse_file(source(path, order)?, path)
}

/// Reads one file's text, the `order`th of those read.
fn source(path: &Path, order: usize) -> Result<SourceFile, Diagnostic> {
    source_up_to(path, order, files::MAX_FILE_BYTES)
}

/// [`source`] up to `limit` bytes.
fn source_up_to(path: &Path, order: usize, limit: u64) -> Result<SourceFile, Diagnostic> {
    let Some(format) = Format::from_path(path) else {
        return Err(load_error(&LoadError::UnknownFormat { file: path.to_owned() }, None).in_order(order));
    };
    let text = files::read_text_up_to(path, limit).map_err(|e| load_error(&e, None).in_order(order))?;
    let mut file = SourceFile::new(path.display().to_string(), text, format, order);
    file.json_lines = Format::is_json_lines(path);
    Ok(file)
}

/// Parses a file read by [`source`] as one `T`.
fn parse_file<T: serde::de::DeserializeOwned>(file: SourceFile, path: &Path) -> Result<(T, SourceFile), Diagnostic> {
    match files::parse::<T>(&file.text, file.format, path) {
        Ok(value) => Ok((value, file)),
        Err(e) => Err(load_error(&e, Some(&file)).in_order(file.order)),
    }
}

/// Splits "message. Fix: what to do" into its two halves.
fn split_fix(message: &str) -> (&str, Option<&str>) {
    match message.rfind(". Fix: ") {
        Some(i) => (&message[..i], Some(&message[i + ". Fix: ".len()..])),
        None => (message, None),
    }
}

/// A diagnostic for a file that could not be read or parsed.
pub(crate) fn load_error(e: &LoadError, file: Option<&SourceFile>) -> Diagnostic {
    let name = e.file().display();
    match e {
        LoadError::Io { source, .. } => {
            let help = match source.kind() {
                std::io::ErrorKind::NotFound => "check the path; it is relative to the current directory",
                std::io::ErrorKind::PermissionDenied => "make the file readable, or copy it somewhere readable",
                std::io::ErrorKind::IsADirectory => "give a file, or use the directory's tender.toml",
                _ => "check that the file exists and can be read",
            };
            Diagnostic::error(format!("{name}: cannot read the file: {source}")).with_help(help)
        }
        LoadError::TooLarge { size, limit, .. } => {
            Diagnostic::error(format!("{name}: the file is {size} bytes, more than the {limit} bytes accepted"))
                .with_help("split the bids into one file each")
        }
        LoadError::Unbounded { limit, .. } => {
            Diagnostic::error(format!("{name}: more than the {limit} bytes accepted could be read from the file"))
                .with_help("check that it is the right file, and that nothing is still writing to it")
        }
        LoadError::NotAFile { kind, .. } => Diagnostic::error(format!("{name}: not a regular file but {kind}"))
            .with_help("give a tender or bid file; to read from a pipe or a device, copy the data into a file first"),
        LoadError::NotUtf8 { offset, line, .. } => Diagnostic::error(format!(
            "{name}:{line}: the file is not UTF-8 text (invalid byte at offset {offset}, line {line})"
        ))
        .with_help("save the file as UTF-8 (in most editors: Save as… → Encoding → UTF-8)"),
        LoadError::UnknownFormat { .. } => Diagnostic::error(format!("{name}: unknown file type"))
            .with_help("name the file `.toml` (written by people) or `.json` (exchanged by systems)"),
        LoadError::Syntax { format, location, message, .. } => {
            let (message, fix) = split_fix(message);
            let d = Diagnostic::error(format!("not valid {}: {message}", format.name())).with_help(
                fix.map_or_else(|| format!("correct the {} syntax at the marked place", format.name()), str::to_owned),
            );
            match file {
                Some(f) => d.at(f, location.span.clone(), "here"),
                None => d,
            }
        }
        LoadError::Shape { path, location, message, .. } => {
            let (message, fix) = split_fix(message);
            // The whole file is "(top level)": the message says enough.
            let what = if path == "(top level)" { message.to_owned() } else { format!("{path}: {message}") };
            let d = Diagnostic::error(what.clone()).with_help(fix.unwrap_or_default());
            match (file, location) {
                (Some(f), Some(l)) => d.at(f, l.span.clone(), "here"),
                _ => Diagnostic::error(format!("{name}: {what}")).with_help(fix.unwrap_or_default()),
            }
        }
    }
}

/// A diagnostic for a validation problem in `file`, shown where its path is.
pub(crate) fn problem(p: &Problem, path: &str, file: &SourceFile) -> Diagnostic {
    let (level, lead) = match p.level {
        ProblemLevel::Error => (Level::Error, ""),
        ProblemLevel::Warning => (Level::Warning, ""),
        // The bidder's defect: the bid will be rejected, and the others evaluated.
        ProblemLevel::Rejection => (Level::Rejection, "will be rejected: "),
    };
    let shown = file.shown_path(path);
    let d = Diagnostic::error(format!("{lead}{shown}: {}", p.message)).with_level(level).with_help(p.fix.clone());
    let d = match file.locate(path) {
        Some(found) => d.at(file, found.location.span, if found.exact { "here" } else { "in here" }),
        // Not in the file (a field left out at the top level): name the file instead.
        None => Diagnostic::error(format!("{lead}{}: {shown}: {}", file.name, p.message))
            .with_level(level)
            .with_help(p.fix.clone()),
    };
    d.in_order(file.order)
}

/// Validates what was read: the tender, each bid against it, and the bids together.
pub(crate) fn validate(case: &Case, diags: &mut Diagnostics) {
    let Some((tender, tender_file)) = &case.tender else { return };
    let problems = validate::validate_tender(tender);
    let readable = !validate::has_errors(&problems);
    for p in problems {
        diags.push(problem(&p, &p.path, tender_file));
    }
    // Custom formulas computed over their acceptable range (issue 18), once they read.
    if readable {
        for p in tender_score::measured::check_formulas(tender) {
            diags.push(problem(&p, &p.path, tender_file));
        }
    }
    // Each bid on its own, on the machine's cores; the problems in the bids' order.
    let per_bid = in_shares(
        &case.bids,
        |share| {
            let validator = validate::BidValidator::new(tender);
            share
                .iter()
                .map(|(bid, file)| {
                    validator.validate(bid).iter().map(|p| problem(p, &p.path, file)).collect::<Vec<_>>()
                })
                .collect()
        },
        |(_, file)| {
            vec![
                Diagnostic::error(format!("{}: could not be validated (an internal error)", file.name))
                    .with_help("report this as a bug, with the file")
                    .in_order(file.order),
            ]
        },
    );
    for d in per_bid.into_iter().flatten() {
        diags.push(d);
    }
    for p in validate::validate_bid_set(tender, &case.bid_refs()) {
        match bid_path(&p.path).and_then(|(i, rest)| Some((case.bids.get(i)?, rest))) {
            Some(((_, file), rest)) => diags.push(problem(&p, rest, file)),
            None => {
                let level = match p.level {
                    ProblemLevel::Error => Level::Error,
                    ProblemLevel::Warning => Level::Warning,
                    ProblemLevel::Rejection => Level::Rejection,
                };
                diags.push(
                    Diagnostic::error(format!("{}: {}", p.path, p.message))
                        .with_level(level)
                        .with_help(p.fix.clone())
                        .in_order(usize::MAX),
                );
            }
        }
    }
}

/// `bids[3].bidder.name` → `(3, "bidder.name")`.
fn bid_path(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix("bids[")?;
    let (index, rest) = rest.split_once(']')?;
    Some((index.parse().ok()?, rest.strip_prefix('.')?))
}

/// Diagnostics for the issues that stopped an evaluation, each pointing at its bid (or lot).
pub(crate) fn evaluation_issues(e: &EvaluationError, case: &Case) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // Each bid's file by bid id (the first, where two share an id).
    let mut files = std::collections::HashMap::new();
    for (bid, file) in &case.bids {
        files.entry(bid.id.as_str()).or_insert(file);
    }
    for issue in &e.issues {
        let mut what = String::new();
        if let Some(lot) = &issue.lot {
            what.push_str(&format!("lot {lot}: "));
        }
        if let Some(bid) = &issue.bid {
            what.push_str(&format!("bid {bid}: "));
        }
        let d = Diagnostic::error(format!("{what}{}", issue.message)).with_help(issue.fix.clone());
        let bid_file = issue.bid.as_ref().and_then(|id| files.get(id.as_str()));
        let lot_index = case.tender.as_ref().and_then(|(t, f)| {
            let lot = issue.lot.as_ref()?;
            Some((t.lots.iter().position(|l| &l.id == lot)?, f))
        });
        let d = if let Some(file) = bid_file {
            match file.locate("id") {
                Some(found) => d.at(file, found.location.span, "this bid"),
                None => d,
            }
        } else if let Some((i, file)) = lot_index {
            match file.locate(&format!("lots[{i}].id")) {
                Some(found) => d.at(file, found.location.span, "this lot"),
                None => d,
            }
        } else {
            d
        };
        out.push(d);
    }
    out
}

/// What `check` can tell before the evaluation: the issues that would stop it (a missing mark, for
/// example) as errors, and each bid that will fail a premise or minimum requirement as a coming
/// rejection. Gates failed only because a requirement is not answered are left out: validation
/// has reported them at the answers.
pub(crate) fn gate_preview(case: &Case, diags: &mut Diagnostics) {
    let Some((tender, _)) = &case.tender else { return };
    // The gates alone are read: the figures suffice.
    let evaluation = match tender_score::evaluate_with(tender, &case.bid_refs(), tender_score::Detail::Figures) {
        Ok(e) => e,
        Err(e) => {
            for d in evaluation_issues(&e, case) {
                diags.push(d);
            }
            return;
        }
    };
    // Each bid and its file, by bid id (the first, where two share an id), looked up for the bids
    // that fail a gate.
    let mut by_id = std::collections::HashMap::new();
    for (bid, file) in &case.bids {
        by_id.entry(bid.id.as_str()).or_insert((bid, file));
    }
    for lot in &evaluation.lots {
        for b in &lot.bids {
            let failing = b.gates.iter().filter(|g| {
                !g.passed && !g.reasons.iter().all(|r| *r == tender_score::result::GateReason::NotAnswered)
            });
            for g in failing {
                let Some(&(bid, file)) = by_id.get(b.bid.as_str()) else { continue };
                let reasons: Vec<String> = g.reasons.iter().map(crate::words::gate_reason).collect();
                let what = match g.severity {
                    tender_core::requirement::Severity::Premise => "premise",
                    _ => "minimum requirement",
                };
                let message = format!("will be rejected: fails the {what} `{}`: {}", g.requirement, reasons.join("; "));
                let path = match bid.answers.iter().position(|a| a.requirement == g.requirement) {
                    Some(i) => format!("answers[{i}]"),
                    None => "answers".to_owned(),
                };
                let d = Diagnostic::error(message)
                    .with_level(Level::Rejection)
                    .with_help("a bid that does not meet a premise or minimum requirement is non-compliant; check the answer against the bid as submitted");
                let d = match file.locate(&path) {
                    Some(found) => d.at(file, found.location.span, "here"),
                    None => d,
                };
                diags.push(d.in_order(file.order));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_test_of_control_characters_is_the_unicode_one() {
        let inert = |t: &str| t.chars().all(|c| !c.is_control() || matches!(c, '\n' | '\t' | '\r'));
        for t in [
            "plain",
            "tab\tline\r\n",
            "æøå ½ € \u{a0}",
            "\u{7f}",
            "a\u{0}b",
            "\u{85}",
            "\u{9f}x",
            "\u{a0}",
            "\u{100}",
            "\u{1b}[31m",
        ] {
            assert_eq!(all_inert(t), inert(t), "{t:?}");
        }
        for c in (0..0x250).filter_map(char::from_u32) {
            let t = format!("x{c}y");
            assert_eq!(all_inert(&t), inert(&t), "{c:?}");
            // Past the first block of 64 bytes, and across a block's end (a two-byte character
            // whose first byte ends a block).
            for pad in [63, 100] {
                let t = format!("{}{c}y", "x".repeat(pad));
                assert_eq!(all_inert(&t), inert(&t), "{c:?} after {pad}");
            }
        }
    }

    #[test]
    fn fixes_are_split_from_messages() {
        assert_eq!(split_fix("unknown field `x`. Fix: remove it"), ("unknown field `x`", Some("remove it")));
        assert_eq!(split_fix("plain"), ("plain", None));
    }

    #[test]
    fn bid_set_paths_name_their_bid() {
        assert_eq!(bid_path("bids[3].bidder.name"), Some((3, "bidder.name")));
        assert_eq!(bid_path("bids (bidder `X`)"), None);
    }
}
