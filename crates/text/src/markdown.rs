//! Markdown that cannot be broken: escaping of text from buyers and bidders, and a small
//! document builder whose blocks keep their shape whatever text goes into them.
//!
//! Two kinds of text reach the output:
//!
//! * **Untrusted text** (titles, names, descriptions, justifications, ids) goes through
//!   [`inline`] or [`cell`]: every Markdown punctuation character is backslash-escaped and line
//!   breaks become spaces, so it can never open a heading, a list, a table cell, a link, emphasis
//!   or HTML.
//! * **Catalogue text** is trusted, but the builder still guards the start of every block it
//!   writes ([`guard`]), so a sentence that happens to begin with `15.` or `-` stays a paragraph.
//!
//! Arithmetic (derivations, formulas) goes into code spans and code blocks, fenced with more
//! backticks than the text contains. Raw HTML is never written.

use std::fmt::Write as _;

use tender_core::Id;

/// The characters escaped in untrusted text: those with a meaning in the middle of a line in
/// CommonMark or its common extensions (emphasis, code, links and images, HTML and autolinks,
/// entities, tables, strikethrough, heading attributes, a heading's closing `#`s). Characters
/// that only mean something at the start of a line (`-`, `+`, `1.`, `>`, `=`) are left as they
/// are, because every block the builder writes passes [`guard`], and `(`, `)` and `!` only mean
/// something next to an (escaped) bracket. So `AAK-2026-1.2` stays readable in the source.
const SPECIAL: &[char] = &['\\', '`', '*', '_', '{', '}', '[', ']', '#', '|', '<', '&', '~'];

/// Line breaks (CommonMark's, and Unicode's) become single spaces; any other control character
/// (ESC, a C1 control) is shown as its visible picture, so it reaches no terminal or viewer that
/// shows the Markdown (issue 17).
fn one_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(' ');
            }
            '\n' | '\u{2028}' | '\u{2029}' | '\u{85}' | '\u{b}' | '\u{c}' => out.push(' '),
            '\0' => out.push('\u{FFFD}'),
            '\t' => out.push('\t'),
            c => out.push(tender_core::inert::picture(c).unwrap_or(c)),
        }
    }
    out
}

/// Untrusted text for inline use: punctuation escaped, line breaks as spaces.
pub(crate) fn inline(text: &str) -> String {
    let line = one_line(text);
    let mut out = String::with_capacity(line.len().saturating_add(8));
    for c in line.chars() {
        if SPECIAL.contains(&c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Untrusted text for a table cell: as [`inline`] (which escapes `|` too).
pub(crate) fn cell(text: &str) -> String {
    inline(text)
}

/// An identifier written by the buyer or a bidder, escaped as untrusted text.
pub(crate) fn id(id: &Id) -> String {
    inline(id.as_str())
}

/// A code span: the text literally, fenced by more backticks than it contains.
pub(crate) fn code(text: &str) -> String {
    let line = one_line(text);
    let fence = "`".repeat(longest_run(&line, '`').saturating_add(1));
    // A space on each side when the text touches a backtick or is padded already.
    let pad = line.starts_with('`') || line.ends_with('`') || line.starts_with(' ') || line.ends_with(' ');
    if pad { format!("{fence} {line} {fence}") } else { format!("{fence}{line}{fence}") }
}

fn longest_run(text: &str, c: char) -> usize {
    let mut best = 0;
    let mut run = 0_usize;
    for ch in text.chars() {
        if ch == c {
            run = run.saturating_add(1);
            best = best.max(run);
        } else {
            run = 0;
        }
    }
    best
}

/// Keeps a block's text from being read as another block: leading blanks are dropped, and a
/// first character that would open a heading, list, quote, table, fence, HTML or link
/// definition is escaped, as is the `.` or `)` of a leading number (`15. december`).
pub(crate) fn guard(text: &str) -> String {
    let text = one_line(text);
    let text = text.trim_start_matches([' ', '\t']);
    let mut chars = text.chars();
    let escape = |c: char, rest: &str| format!("\\{c}{rest}");
    match chars.next() {
        None => String::new(),
        Some(c @ ('#' | '>' | '=' | '|' | '~' | '<' | '_' | '[' | ':')) => escape(c, chars.as_str()),
        // A bullet marker (followed by a blank) or a thematic break (`***`, `- - -`); `**bold**`
        // at the start stays bold.
        Some(c @ ('-' | '+' | '*')) => {
            let rest = chars.as_str();
            let marker = rest.is_empty() || rest.starts_with([' ', '\t']);
            let rule = text.chars().all(|x| x == c || x == ' ' || x == '\t');
            if marker || rule { escape(c, rest) } else { text.to_owned() }
        }
        // A code fence opens only with three backticks and no backtick after them; a code span
        // at the start stays a code span.
        Some('`') => {
            let run = text.bytes().take_while(|&b| b == b'`').count();
            if run >= 3 && !text[run..].contains('`') { escape('`', chars.as_str()) } else { text.to_owned() }
        }
        Some(c) if c.is_ascii_digit() => {
            let digits = text.bytes().take_while(u8::is_ascii_digit).count();
            match text.as_bytes().get(digits) {
                Some(b'.' | b')') => format!("{}\\{}", &text[..digits], &text[digits..]),
                _ => text.to_owned(),
            }
        }
        Some(_) => text.to_owned(),
    }
}

/// Escapes every `|` that is not escaped already (preceded by an odd number of backslashes).
fn pipes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut backslashes = 0usize;
    for c in text.chars() {
        if c == '|' && backslashes.is_multiple_of(2) {
            out.push('\\');
        }
        backslashes = if c == '\\' { backslashes.saturating_add(1) } else { 0 };
        out.push(c);
    }
    out
}

/// A Markdown document built block by block, with the few things only its HTML edition shows
/// (charts, a notice's frame) anchored between its blocks.
#[derive(Default)]
pub(crate) struct Doc {
    out: String,
    /// What the HTML edition adds, each after the Markdown up to its byte offset in `out`.
    extras: Vec<(usize, Extra)>,
}

/// What the HTML edition adds between two blocks of the Markdown.
pub(crate) enum Extra {
    /// A chart with its data table.
    Chart(Box<crate::chart::Chart>),
    /// The blocks up to the next [`Extra::Close`] form a notice (the committee report's mark).
    Notice,
    /// Ends a notice.
    Close,
}

impl Doc {
    fn block(&mut self, text: &str) {
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// A heading (`level` 1-6). Heading text is inline only, so only line breaks and a trailing
    /// `#` need care.
    pub(crate) fn heading(&mut self, level: usize, text: &str) {
        let level = level.clamp(1, 6);
        let mut line = one_line(text).trim().to_owned();
        if line.ends_with('#') {
            line.insert(line.len().saturating_sub(1), '\\');
        }
        self.block(&format!("{} {line}", "#".repeat(level)));
    }

    /// A paragraph; empty text writes nothing.
    pub(crate) fn para(&mut self, text: &str) {
        let line = guard(text);
        if !line.trim().is_empty() {
            self.block(line.trim_end());
        }
    }

    /// A bulleted list; nothing when empty.
    pub(crate) fn bullets(&mut self, items: &[String]) {
        if items.is_empty() {
            return;
        }
        let mut text = String::new();
        for item in items {
            let _ = writeln!(text, "- {}", guard(item).trim_end());
        }
        self.block(text.trim_end());
    }

    /// A numbered list; nothing when empty.
    pub(crate) fn numbered(&mut self, items: &[String]) {
        if items.is_empty() {
            return;
        }
        let mut text = String::new();
        for (i, item) in items.iter().enumerate() {
            let _ = writeln!(text, "{}. {}", i.saturating_add(1), guard(item).trim_end());
        }
        self.block(text.trim_end());
    }

    /// A table. Every row gets exactly the header's number of cells (missing cells are empty,
    /// extra ones are dropped), every `|` inside a cell is escaped and line breaks become spaces.
    pub(crate) fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        if header.is_empty() {
            return;
        }
        let width = header.len();
        let line = |cells: &[String]| -> String {
            let mut out = String::from("|");
            for i in 0..width {
                let c = cells.get(i).map(|c| pipes(one_line(c).trim())).unwrap_or_default();
                let c = if c.is_empty() { " ".to_owned() } else { format!(" {c} ") };
                out.push_str(&c);
                out.push('|');
            }
            out
        };
        let mut text = line(header);
        text.push('\n');
        text.push('|');
        for _ in 0..width {
            text.push_str("---|");
        }
        for row in rows {
            text.push('\n');
            text.push_str(&line(row));
        }
        self.block(&text);
    }

    /// A fenced code block, each line literal.
    pub(crate) fn code_block(&mut self, lines: &[String]) {
        if lines.is_empty() {
            return;
        }
        let lines: Vec<String> = lines.iter().map(|l| one_line(l)).collect();
        let longest = lines.iter().map(|l| longest_run(l, '`')).max().unwrap_or(0);
        let fence = "`".repeat(longest.max(2).saturating_add(1));
        let mut text = fence.clone();
        text.push_str("text\n");
        for l in &lines {
            text.push_str(l);
            text.push('\n');
        }
        text.push_str(&fence);
        self.block(&text);
    }

    /// A paragraph that the HTML edition frames as a notice (the committee report's internal
    /// mark); in Markdown a paragraph like any other.
    pub(crate) fn notice(&mut self, text: &str) {
        self.extras.push((self.out.len(), Extra::Notice));
        self.para(text);
        self.extras.push((self.out.len(), Extra::Close));
    }

    /// A chart, shown in the HTML edition only: the Markdown holds the same figures in its
    /// tables.
    pub(crate) fn chart(&mut self, chart: crate::chart::Chart) {
        self.extras.push((self.out.len(), Extra::Chart(Box::new(chart))));
    }

    /// The document.
    pub(crate) fn finish(self) -> String {
        self.out
    }

    /// The Markdown and what the HTML edition adds between its blocks.
    pub(crate) fn into_parts(self) -> (String, Vec<(usize, Extra)>) {
        (self.out, self.extras)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untrusted_text_is_inert() {
        let evil = "Evil | Corp\n# pwned <script>alert(1)</script> [x](javascript:alert(1)) *em*";
        assert_eq!(
            inline(evil),
            r"Evil \| Corp \# pwned \<script>alert(1)\</script> \[x\](javascript:alert(1)) \*em\*"
        );
        assert_eq!(inline("a\r\nb\rc"), "a b c");
        assert_eq!(inline(r"\|"), r"\\\|");
        assert_eq!(inline("AAK-2026-1.2 (udkast)"), "AAK-2026-1.2 (udkast)");
    }

    #[test]
    fn block_starts_are_guarded() {
        assert_eq!(guard("15. december"), r"15\. december");
        assert_eq!(guard("- item"), r"\- item");
        assert_eq!(guard("    code"), "code");
        assert_eq!(guard("2025 was"), "2025 was");
        assert_eq!(guard(r"\# ok"), r"\# ok");
        assert_eq!(guard("**Bold:** text"), "**Bold:** text");
        assert_eq!(guard("***"), r"\***");
        assert_eq!(guard("`a` b"), "`a` b");
        assert_eq!(guard("```rust"), r"\```rust");
    }

    #[test]
    fn code_spans_are_fenced() {
        assert_eq!(code("a × b"), "`a × b`");
        assert_eq!(code("a ` b"), "``a ` b``");
        assert_eq!(code("`x`"), "`` `x` ``");
    }

    #[test]
    fn pipes_are_escaped_once() {
        assert_eq!(pipes(r"a | b \| c \\| d"), r"a \| b \| c \\\| d");
    }
}
