//! The HTML edition of every document: the same Markdown, rendered to HTML by pulldown-cmark and
//! set in one self-contained page (inline CSS, no scripts, no external resources, a print
//! stylesheet for A4 with page numbers), with the charts of [`crate::chart`] between its blocks.
//!
//! There is one source: the document is built once as Markdown ([`crate::markdown::Doc`]), and
//! this module only renders it, so the HTML can never say something the Markdown does not (the
//! charts draw figures the Markdown's tables hold). Text from buyers and bidders is already
//! escaped in that Markdown; here, as a second wall, raw HTML that reached the Markdown anyway
//! is written as text, links and images are dropped (their text kept), and a Content Security
//! Policy forbids scripts and every external resource.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use tender_core::Language;

use crate::error::TextError;
use crate::markdown::Extra;

/// The page's style: sober, readable on screen, A4 with page numbers in print.
const STYLE: &str = include_str!("html.css");

/// The page frame, a minijinja template.
const FRAME: &str = include_str!("page.html");

/// `text` escaped for HTML text and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The text that escaped Markdown inline text shows, as plain text: `Evil \| Corp` is
/// `Evil | Corp`. Charts and captions take their words from the document this way.
pub(crate) fn plain(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph) if !out.is_empty() => out.push(' '),
            _ => {}
        }
    }
    out.trim().to_owned()
}

/// What the page is: its `<body>` class (`specification`, `report`, `decision`, `analysis`).
#[derive(Clone, Copy)]
pub(crate) enum Kind {
    /// The requirement specification.
    Specification,
    /// The committee's evaluation report (internal).
    Report,
    /// The award decision with the letters.
    Decision,
    /// The robustness analysis.
    Analysis,
}

impl Kind {
    fn class(self) -> &'static str {
        match self {
            Self::Specification => "specification",
            Self::Report => "report",
            Self::Decision => "decision",
            Self::Analysis => "analysis",
        }
    }
}

/// State carried through the document's Markdown pieces.
#[derive(Default)]
struct Render {
    /// The first level-1 heading: the page's title.
    title: Option<String>,
    /// The text of the last heading, the caption of the tables under it.
    heading: String,
    in_heading: bool,
    /// Inside a table's head (cells are column headers) and the cell's index in its row.
    in_head: bool,
    cell: usize,
    /// Where the open body cell's start tag is in the events, to mark it numeric at its end.
    cell_start: Option<usize>,
    /// Per column of the open table: where its header cell's start tag is in the events, and
    /// whether every body cell so far holds a figure (then the header is aligned right too).
    columns: Vec<(usize, bool)>,
}

/// Whether a cell holds a figure (`87,92`, `7.940.000,00 kr.`, `EUR 1,234.00`, `48,74 % ± 0,5 %`):
/// such cells are aligned right.
fn numeric(text: &str) -> bool {
    let t = text.trim();
    let t = t.strip_prefix('-').or_else(|| t.strip_prefix('−')).unwrap_or(t);
    let currency =
        t.len() > 4 && t.as_bytes().get(3) == Some(&b' ') && t.bytes().take(3).all(|b| b.is_ascii_uppercase());
    let t = if currency { &t[4..] } else { t };
    t.chars().next().is_some_and(|c| c.is_ascii_digit())
        && t.chars().all(|c| c.is_ascii_digit() || " .,%±–\u{a0}\u{202f}krDKEUR".contains(c))
}

impl Render {
    /// Markdown to HTML. Tables get a caption (the heading they stand under) and header cells
    /// with their scope; raw HTML becomes text; links and images are dropped, their text kept.
    fn markdown(&mut self, markdown: &str, out: &mut String) {
        let mut events: Vec<Event<'_>> = Vec::new();
        for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
            match event {
                Event::Html(t) | Event::InlineHtml(t) => events.push(Event::Text(t)),
                Event::Start(Tag::HtmlBlock) => events.push(Event::Start(Tag::Paragraph)),
                Event::End(TagEnd::HtmlBlock) => events.push(Event::End(TagEnd::Paragraph)),
                Event::Start(Tag::Link { .. } | Tag::Image { .. }) | Event::End(TagEnd::Link | TagEnd::Image) => {}
                Event::Start(Tag::Heading { level, .. }) => {
                    self.in_heading = true;
                    self.heading.clear();
                    if level == HeadingLevel::H1 && self.title.is_none() {
                        self.title = Some(String::new());
                    }
                    events.push(event);
                }
                Event::End(TagEnd::Heading(level)) => {
                    self.in_heading = false;
                    if level == HeadingLevel::H1
                        && let Some(t) = &mut self.title
                        && t.is_empty()
                    {
                        t.push_str(self.heading.trim());
                    }
                    events.push(event);
                }
                Event::Text(ref t) | Event::Code(ref t) if self.in_heading => {
                    self.heading.push_str(t);
                    events.push(event);
                }
                Event::Start(Tag::Table(_)) => events.push(Event::Html(
                    format!("<div class=\"table\"><table>\n<caption>{}</caption>\n", escape(self.heading.trim()))
                        .into(),
                )),
                Event::End(TagEnd::Table) => {
                    for (at, figures) in std::mem::take(&mut self.columns) {
                        if figures && let Some(e) = events.get_mut(at) {
                            *e = Event::Html("<th scope=\"col\" class=\"num\">".into());
                        }
                    }
                    events.push(Event::Html("</tbody></table></div>\n".into()));
                }
                Event::Start(Tag::TableHead) => {
                    self.in_head = true;
                    self.cell = 0;
                    events.push(Event::Html("<thead><tr>".into()));
                }
                Event::End(TagEnd::TableHead) => {
                    self.in_head = false;
                    events.push(Event::Html("</tr></thead>\n<tbody>\n".into()));
                }
                Event::Start(Tag::TableRow) => {
                    self.cell = 0;
                    events.push(Event::Html("<tr>".into()));
                }
                Event::End(TagEnd::TableRow) => events.push(Event::Html("</tr>\n".into())),
                Event::Start(Tag::TableCell) => {
                    let tag = match (self.in_head, self.cell) {
                        (true, _) => {
                            self.columns.push((events.len(), self.cell > 0));
                            "<th scope=\"col\">"
                        }
                        (false, 0) => "<th scope=\"row\">",
                        (false, _) => {
                            self.cell_start = Some(events.len());
                            "<td>"
                        }
                    };
                    events.push(Event::Html(tag.into()));
                }
                Event::End(TagEnd::TableCell) => {
                    let tag = if self.in_head || self.cell == 0 { "</th>" } else { "</td>" };
                    if let Some(start) = self.cell_start.take() {
                        let mut text = String::new();
                        for e in events.get(start..).unwrap_or_default() {
                            if let Event::Text(t) | Event::Code(t) = e {
                                text.push_str(t);
                            }
                        }
                        let figure = numeric(&text);
                        if figure && let Some(e) = events.get_mut(start) {
                            *e = Event::Html("<td class=\"num\">".into());
                        }
                        // An empty cell or a dash leaves the column's alignment as it is.
                        let blank = matches!(text.trim(), "" | "–" | "-");
                        if let Some(column) = self.columns.get_mut(self.cell) {
                            column.1 &= figure || blank;
                        }
                    }
                    self.cell = self.cell.saturating_add(1);
                    events.push(Event::Html(tag.into()));
                }
                other => events.push(other),
            }
        }
        pulldown_cmark::html::push_html(out, events.into_iter());
    }
}

/// The page: the document's Markdown rendered, with the HTML edition's extras at their places.
pub(crate) fn page(
    lang: &Language,
    kind: Kind,
    markdown: &str,
    extras: Vec<(usize, Extra)>,
) -> Result<String, TextError> {
    let mut render = Render::default();
    let mut body = String::with_capacity(markdown.len().saturating_mul(2));
    let mut at = 0;
    let mut charts = 0_usize;
    for (offset, extra) in extras {
        if let Some(piece) = markdown.get(at..offset) {
            render.markdown(piece, &mut body);
            at = offset;
        }
        match extra {
            Extra::Chart(chart) => {
                charts = charts.saturating_add(1);
                chart.html(charts, &mut body);
            }
            Extra::Notice => body.push_str("<div class=\"notice\" role=\"note\">\n"),
            Extra::Close => body.push_str("</div>\n"),
        }
    }
    if let Some(rest) = markdown.get(at..) {
        render.markdown(rest, &mut body);
    }
    let title = render.title.unwrap_or_default();
    frame(lang, &title, kind, body)
}

/// The page around a rendered body: `page.html`, a minijinja template that escapes every value it
/// is given as HTML (the language, the title, the class); the style sheet and the body, already
/// HTML, are marked safe.
fn frame(lang: &Language, title: &str, kind: Kind, body: String) -> Result<String, TextError> {
    let fail = |e: minijinja::Error| TextError::Page { detail: e.to_string() };
    let mut env = minijinja::Environment::new();
    env.add_template("page.html", FRAME).map_err(fail)?;
    let page = env.get_template("page.html").map_err(fail)?;
    let mut out = page
        .render(minijinja::context! {
            lang => lang.as_str(),
            title => title,
            class => kind.class(),
            style => minijinja::Value::from_safe_string(STYLE.to_owned()),
            body => minijinja::Value::from_safe_string(body),
        })
        .map_err(fail)?;
    // The template's last line break, which minijinja drops.
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(markdown: &str) -> String {
        let mut out = String::new();
        Render::default().markdown(markdown, &mut out);
        out
    }

    #[test]
    fn raw_html_links_and_images_never_pass() {
        let out = render(
            "<script>alert(1)</script>\n\nA <img src=x onerror=alert(1)> [x](javascript:alert(1)) ![i](http://x/i.png)\n",
        );
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(!out.contains("<a "), "{out}");
        assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{out}");
        assert!(out.contains("&lt;img src=x onerror=alert(1)&gt;"), "{out}");
    }

    #[test]
    fn tables_have_captions_and_scopes() {
        let out = render("## Ranking\n\n| Bid | Points |\n|---|---|\n| A \\| B | 1,5 |\n");
        assert!(out.contains("<caption>Ranking</caption>"), "{out}");
        assert!(out.contains("<th scope=\"col\">Bid</th><th scope=\"col\" class=\"num\">Points</th>"), "{out}");
        assert!(out.contains("<tr><th scope=\"row\">A | B</th><td class=\"num\">1,5</td></tr>"), "{out}");
    }

    #[test]
    fn figures_are_aligned_right() {
        for figure in ["87,92", "7.940.000,00 kr.", "EUR 1,234.00", "48,74 % ± 0,5 %", "-3", "30"] {
            assert!(numeric(figure), "{figure}");
        }
        for text in ["Ja", "AC-02", "3 tilbud", "IAAS-07 overhaler", "", "EUR", "2 (AC-02)"] {
            assert!(!numeric(text), "{text}");
        }
        let out = render("| Bid | Points | Note |\n|---|---|---|\n| A | 1,5 | ja |\n| B | – | 2 |\n");
        assert!(out.contains("<td class=\"num\">1,5</td><td>ja</td>"), "{out}");
        // The header of a column of figures is aligned with them; a column with words is not.
        assert!(
            out.contains(
                "<th scope=\"col\">Bid</th><th scope=\"col\" class=\"num\">Points</th><th scope=\"col\">Note</th>"
            ),
            "{out}"
        );
    }

    #[test]
    fn plain_text_of_escaped_markdown() {
        assert_eq!(plain(r"Evil \| Corp \<b> \*x\*"), "Evil | Corp <b> *x*");
        assert_eq!(escape(r#"<a href="x">'&'"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;");
    }
}
