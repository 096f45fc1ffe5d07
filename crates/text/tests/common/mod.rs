//! Shared by the integration tests: the fixtures, and the checks every Markdown output must
//! pass.

#![allow(dead_code, reason = "each test binary uses a different part")]

use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use tender_core::{Bid, Tender, files};

/// The fixture directories at the workspace root, sorted.
pub(crate) fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut out: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display())).path())
        .filter(|p| p.join("tender.toml").is_file())
        .collect();
    out.sort();
    out
}

/// A fixture's tender and its bids (`bids/`, in file-name order).
pub(crate) fn load(fixture: &Path) -> (Tender, Vec<Bid>) {
    files::load_case(fixture).unwrap_or_else(|e| panic!("{e}"))
}

/// The parser options: CommonMark with GitHub tables, strikethrough and footnotes, so the checks
/// see what the common renderers see.
pub(crate) fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_FOOTNOTES | Options::ENABLE_TASKLISTS
}

/// The structure of a document: every start and end of a block or inline element, as text.
pub(crate) fn structure(text: &str) -> Vec<String> {
    Parser::new_ext(text, options())
        .filter_map(|e| match e {
            Event::Start(t) => Some(format!("start {t:?}")),
            Event::End(t) => Some(format!("end {t:?}")),
            Event::Html(_) | Event::InlineHtml(_) => Some("html".to_owned()),
            Event::Rule => Some("rule".to_owned()),
            Event::TaskListMarker(_) => Some("task".to_owned()),
            Event::FootnoteReference(_) => Some("footnote".to_owned()),
            _ => None,
        })
        .collect()
}

/// Counts the `|` in a table line that are not escaped (preceded by an odd number of `\`).
fn unescaped_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut backslashes = 0usize;
    for c in line.chars() {
        if c == '|' && backslashes.is_multiple_of(2) {
            count += 1;
        }
        backslashes = if c == '\\' { backslashes + 1 } else { 0 };
    }
    count
}

/// The checks every output must pass: headings start at level 1 and never skip a level; every
/// table row has exactly the header's number of cells (counted in the source, since parsers pad
/// and cut rows); no HTML, links, images, footnotes or task lists; no line with a trailing
/// blank (which would be a hard break).
pub(crate) fn check_markdown(what: &str, text: &str) {
    let mut deepest = 0usize;
    let mut first = true;
    let mut table_width: Option<usize> = None;
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let n = heading(level);
                if first {
                    assert_eq!(n, 1, "{what}: the first heading must be level 1");
                    first = false;
                }
                assert!(n <= deepest + 1, "{what}: heading level {n} after level {deepest}: {}", &text[range]);
                assert!(n != 1 || deepest == 0, "{what}: a second level-1 heading: {}", &text[range]);
                deepest = n;
            }
            Event::Start(Tag::Table(alignments)) => table_width = Some(alignments.len()),
            Event::End(TagEnd::Table) => table_width = None,
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                let width = table_width.unwrap_or_else(|| panic!("{what}: a table row outside a table"));
                let line = text[range.clone()].lines().next().unwrap_or_default().trim();
                let cells = unescaped_pipes(line).saturating_sub(1);
                assert_eq!(cells, width, "{what}: a table row with {cells} cells where the header has {width}: {line}");
            }
            Event::Html(h) | Event::InlineHtml(h) => panic!("{what}: HTML in the output: {h}"),
            Event::Start(Tag::Link { dest_url, .. }) => panic!("{what}: a link in the output: {dest_url}"),
            Event::Start(Tag::Image { dest_url, .. }) => panic!("{what}: an image in the output: {dest_url}"),
            Event::FootnoteReference(f) => panic!("{what}: a footnote reference in the output: {f}"),
            Event::TaskListMarker(_) => panic!("{what}: a task list in the output"),
            _ => {}
        }
    }
    assert!(!first, "{what}: no heading at all");
    for line in text.lines() {
        assert_eq!(line, line.trim_end(), "{what}: a line ends in a blank: {line:?}");
    }
    assert!(!text.contains(['\u{2068}', '\u{2069}']), "{what}: Unicode isolation marks in the output");
    assert!(!text.contains(".."), "{what}: a doubled full stop");
    assert!(text.ends_with('\n') && !text.ends_with("\n\n"), "{what}: must end in exactly one newline");
}

fn heading(level: HeadingLevel) -> usize {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
