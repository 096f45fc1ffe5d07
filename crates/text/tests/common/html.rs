//! The checks every page of the HTML edition must pass, on the tree an HTML5 parser builds
//! (html5ever, the parser of Servo, with its parse errors). Shared by `tender-text`'s tests and
//! by the command line's browser test, which runs them on the DOM Chromium dumps.
//!
//! A page passes when it parses without errors and holds only what a self-contained, inert
//! document may: the elements of the documents and charts and nothing that runs, loads or links
//! (no script, no event-handler attribute, no `href` or `src`, no `javascript:`); every table
//! has a caption and every header cell a scope; every chart's SVG has a title and a description.

#![allow(dead_code, reason = "each test binary uses a different part")]

use std::rc::Rc;

use html5ever::tendril::TendrilSink;
use html5ever::{ParseOpts, parse_document};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

/// The elements a page may hold: the document's (from Markdown and the page frame) and the
/// charts' (SVG).
const ALLOWED: &[&str] = &[
    "html",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "main",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "p",
    "ul",
    "ol",
    "li",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "code",
    "pre",
    "strong",
    "em",
    "br",
    "hr",
    "blockquote",
    "figure",
    "figcaption",
    "svg",
    "desc",
    "g",
    "rect",
    "text",
    "line",
];

/// What a page holds, for the tests to assert on.
#[derive(Debug, Default)]
pub(crate) struct Page {
    /// Every problem found; empty when the page passes.
    pub(crate) problems: Vec<String>,
    /// The `lang` attribute of `<html>`.
    pub(crate) lang: String,
    /// The page's `<title>`.
    pub(crate) title: String,
    /// The captions of the tables, in order.
    pub(crate) captions: Vec<String>,
    /// Per chart (`<figure class="chart">`): its SVG title and the number of bars drawn
    /// (`rect.segment`).
    pub(crate) charts: Vec<(String, usize)>,
    /// The text a reader sees (the `<body>`'s text nodes, joined by spaces).
    pub(crate) text: String,
    /// The body's text without the charts and the tables' captions, which the HTML adds: the
    /// text the document's Markdown holds.
    pub(crate) content: String,
    /// The number of `<script>` elements.
    pub(crate) scripts: usize,
}

fn attr(handle: &Handle, name: &str) -> Option<String> {
    match &handle.data {
        NodeData::Element { attrs, .. } => {
            attrs.borrow().iter().find(|a| &*a.name.local == name).map(|a| a.value.to_string())
        }
        _ => None,
    }
}

fn local(handle: &Handle) -> Option<String> {
    match &handle.data {
        NodeData::Element { name, .. } => Some(name.local.to_string()),
        _ => None,
    }
}

fn children_named(handle: &Handle, name: &str) -> Vec<Handle> {
    handle.children.borrow().iter().filter(|c| local(c).as_deref() == Some(name)).cloned().collect()
}

fn text_of(handle: &Handle, out: &mut String) {
    if let NodeData::Text { contents } = &handle.data {
        out.push_str(&contents.borrow());
    }
    for c in handle.children.borrow().iter() {
        if !matches!(local(c).as_deref(), Some("style")) {
            text_of(c, out);
        }
    }
}

/// The text of `handle` without the subtrees the HTML edition adds to the Markdown's content.
fn content_of(handle: &Handle, out: &mut String) {
    if let NodeData::Text { contents } = &handle.data {
        out.push_str(&contents.borrow());
    }
    for c in handle.children.borrow().iter() {
        if !matches!(local(c).as_deref(), Some("style" | "caption" | "figure")) {
            content_of(c, out);
        }
    }
}

fn descendants(handle: &Handle, out: &mut Vec<Handle>) {
    for c in handle.children.borrow().iter() {
        out.push(Rc::clone(c));
        descendants(c, out);
    }
}

/// Parses `html` and checks it; the result says what the page holds and every problem.
pub(crate) fn check(html: &str) -> Page {
    let dom = parse_document(RcDom::default(), ParseOpts::default()).one(html);
    let mut page = Page::default();
    for e in dom.errors.borrow().iter() {
        page.problems.push(format!("parse error: {e}"));
    }
    if !html.starts_with("<!DOCTYPE html>") {
        page.problems.push("no <!DOCTYPE html> at the start (the page would render in quirks mode)".to_owned());
    }
    let mut all = Vec::new();
    descendants(&dom.document, &mut all);
    for node in &all {
        let Some(name) = local(node) else { continue };
        if !ALLOWED.contains(&name.as_str()) {
            page.problems.push(format!("element <{name}> is not allowed"));
        }
        if let NodeData::Element { attrs, .. } = &node.data {
            for a in attrs.borrow().iter() {
                let key = a.name.local.to_ascii_lowercase();
                let value = a.value.to_ascii_lowercase();
                if key.starts_with("on") {
                    page.problems.push(format!("<{name}> has an event handler `{key}`"));
                }
                if matches!(key.as_str(), "href" | "src" | "srcset" | "action" | "formaction" | "background") {
                    page.problems.push(format!("<{name}> links or loads something (`{key}`)"));
                }
                if value.contains("javascript:") {
                    page.problems.push(format!("<{name}> has `javascript:` in `{key}`"));
                }
            }
        }
        match name.as_str() {
            "script" => page.scripts += 1,
            "html" => page.lang = attr(node, "lang").unwrap_or_default(),
            "title" if page.title.is_empty() => text_of(node, &mut page.title),
            "meta" if attr(node, "http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("refresh")) => {
                page.problems.push("a <meta http-equiv=refresh>".to_owned());
            }
            "table" => {
                let first = node.children.borrow().iter().find(|c| local(c).is_some()).cloned();
                match first.filter(|c| local(c).as_deref() == Some("caption")) {
                    Some(c) => {
                        let mut t = String::new();
                        text_of(&c, &mut t);
                        if t.trim().is_empty() {
                            page.problems.push("a table's caption is empty".to_owned());
                        }
                        page.captions.push(t.trim().to_owned());
                    }
                    None => page.problems.push("a table without a caption".to_owned()),
                }
            }
            "th" if !matches!(attr(node, "scope").as_deref(), Some("col" | "row")) => {
                page.problems.push("a header cell without scope".to_owned());
            }
            "svg" => {
                let title = children_named(node, "title");
                let desc = children_named(node, "desc");
                let mut t = String::new();
                if let Some(first) = title.first() {
                    text_of(first, &mut t);
                }
                if t.trim().is_empty() || desc.is_empty() {
                    page.problems.push("an SVG chart without a title and a description".to_owned());
                }
                if attr(node, "role").as_deref() != Some("img") {
                    page.problems.push("an SVG chart without role=img".to_owned());
                }
                let mut inner = Vec::new();
                descendants(node, &mut inner);
                let bars = inner
                    .iter()
                    .filter(|n| local(n).as_deref() == Some("rect") && attr(n, "class").as_deref() == Some("segment"))
                    .count();
                page.charts.push((t.trim().to_owned(), bars));
            }
            "body" => {
                let mut t = String::new();
                text_of(node, &mut t);
                page.text = t.split_whitespace().collect::<Vec<_>>().join(" ");
                let mut c = String::new();
                content_of(node, &mut c);
                page.content = c.split_whitespace().collect::<Vec<_>>().join(" ");
            }
            _ => {}
        }
    }
    if page.lang.is_empty() {
        page.problems.push("<html> has no lang".to_owned());
    }
    if page.title.trim().is_empty() {
        page.problems.push("the page has no title".to_owned());
    }
    page
}

/// Panics with every problem when `html` does not pass [`check`]; the page otherwise.
pub(crate) fn assert_valid(what: &str, html: &str) -> Page {
    let page = check(html);
    assert!(page.problems.is_empty(), "{what}: the HTML has problems:\n  {}", page.problems.join("\n  "));
    page
}
