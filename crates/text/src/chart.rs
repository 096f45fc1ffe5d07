//! Charts for the HTML edition: inline SVG drawn from the figures the Markdown shows, each with a
//! data table that carries the same numbers (for screen readers, and for print in black and
//! white).
//!
//! Every text in a chart (title, labels, formatted numbers) is written by the same functions as
//! the Markdown, as escaped Markdown inline text; [`crate::html`] turns it into plain text and
//! escapes that for HTML, so bidder text is inert here as everywhere. The figures are exact
//! decimals; they become `f64` only in [`Axis::x`], for the pixel geometry, which is the one place
//! a float appears. Coordinates are written with two decimals, so the same figures give
//! byte-identical SVG on every machine.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::html::{escape, plain};

/// Width of the drawing (SVG user units, shown at most at this many CSS pixels).
const WIDTH: f64 = 760.0;
/// Where the bars start: the labels are left of it.
const BARS_X: f64 = 250.0;
/// The width of the bar area; the value is written right of it.
const BARS_W: f64 = 360.0;
/// Height of one row.
const ROW_H: u32 = 28;
/// Height of one bar.
const BAR_H: f64 = 18.0;
/// Labels longer than this many characters are cut with `…` (the table has them whole).
const LABEL_CHARS: usize = 30;
/// Legend entries longer than this are cut likewise.
const LEGEND_CHARS: usize = 50;
/// Segment colours: a sober palette whose lightness differs from one to the next, so
/// neighbouring segments stay apart in grey too.
const PALETTE: &[&str] = &["#1f4e79", "#9dc3e6", "#c55a11", "#f4b183", "#548235", "#c5e0b4", "#595959", "#d9d9d9"];

/// A chart and its data table. Every text is escaped Markdown inline text, as in the document.
pub(crate) struct Chart {
    /// The chart's title (its `<title>`, the figure's caption and the data table's caption).
    pub(crate) title: String,
    /// What the chart shows, in a sentence (its `<desc>`).
    pub(crate) desc: String,
    /// What is drawn.
    pub(crate) kind: Kind,
    /// The data table: its header and rows, the same numbers as drawn.
    pub(crate) header: Vec<String>,
    /// The data table's rows; the first cell of each is the row's header.
    pub(crate) rows: Vec<Vec<String>>,
    /// Items shown apart under the chart with their reason (bids not ranked).
    pub(crate) apart: Vec<String>,
}

/// What a chart draws.
pub(crate) enum Kind {
    /// Horizontal bars from zero, each a stack of segments, one per series.
    Stacked {
        /// The series, in the legend's order (escaped text).
        series: Vec<String>,
        /// One bar per row.
        bars: Vec<Bar>,
        /// The end of the axis.
        max: Decimal,
    },
    /// Horizontal ranges on an axis, each with a marker.
    Ranges {
        /// One range per row.
        ranges: Vec<Range>,
        /// The axis's two ends.
        min: Decimal,
        /// The axis's upper end.
        max: Decimal,
        /// What the marker is (escaped text), for the legend.
        marker: String,
        /// What the range is (escaped text), for the legend.
        range: String,
    },
}

/// One stacked bar.
pub(crate) struct Bar {
    /// The row's label (escaped text).
    pub(crate) label: String,
    /// Each series' value with its formatted text, in the series' order.
    pub(crate) segments: Vec<(Decimal, String)>,
    /// The figure written after the bar (the total as published).
    pub(crate) shown: String,
}

/// One range with its marker.
pub(crate) struct Range {
    /// The row's label (escaped text).
    pub(crate) label: String,
    /// The range's ends.
    pub(crate) low: Decimal,
    /// The range's upper end.
    pub(crate) high: Decimal,
    /// The marker (the published value).
    pub(crate) marker: Option<Decimal>,
    /// The figures written after the range.
    pub(crate) shown: String,
}

/// Maps figures to pixels.
struct Axis {
    min: Decimal,
    max: Decimal,
}

impl Axis {
    /// The x coordinate of `value`, clamped to the bar area. The one place a figure becomes a
    /// float: pixels need no exactness, and the figure itself is shown exactly beside the bar.
    fn x(&self, value: Decimal) -> f64 {
        let span = self.max.checked_sub(self.min).unwrap_or(Decimal::ZERO);
        if span <= Decimal::ZERO {
            return BARS_X;
        }
        let offset = value.checked_sub(self.min).unwrap_or(Decimal::ZERO);
        let share = offset.checked_div(span).unwrap_or(Decimal::ZERO).clamp(Decimal::ZERO, Decimal::ONE);
        BARS_X + share.to_f64().unwrap_or(0.0) * BARS_W
    }
}

/// A label cut to [`LABEL_CHARS`] characters.
fn short(text: &str) -> String {
    short_to(text, LABEL_CHARS)
}

/// A text cut to `chars` characters, the last one `…`.
fn short_to(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(chars.saturating_sub(1)).collect();
    out.push('…');
    out
}

fn colour(i: usize) -> &'static str {
    PALETTE.get(i.checked_rem(PALETTE.len()).unwrap_or(0)).copied().unwrap_or("#1f4e79")
}

/// The y coordinate of row `i` after `top` units.
fn row_y(top: u32, i: usize) -> f64 {
    let i = u32::try_from(i).unwrap_or(u32::MAX);
    f64::from(top) + f64::from(i) * f64::from(ROW_H)
}

impl Chart {
    /// The chart as a `<figure>`: the caption, the SVG, the items shown apart and the data table.
    /// `n` numbers the chart in its document (for the ids that tie title and description to
    /// the drawing).
    pub(crate) fn html(&self, n: usize, out: &mut String) {
        let title = plain(&self.title);
        let desc = plain(&self.desc);
        let _ = writeln!(out, "<figure class=\"chart\" id=\"chart-{n}\">");
        let _ = writeln!(out, "<figcaption>{}</figcaption>", escape(&title));
        let (legend, rows): (Vec<(String, &str)>, usize) = match &self.kind {
            Kind::Stacked { series, bars, .. } => {
                (series.iter().enumerate().map(|(i, s)| (plain(s), colour(i))).collect(), bars.len())
            }
            Kind::Ranges { ranges, marker, range, .. } => {
                (vec![(plain(range), "#9dc3e6"), (plain(marker), "#1a1a1a")], ranges.len())
            }
        };
        // The legend: two series a line, above the bars.
        let legend_lines = u32::try_from(legend.len().div_ceil(2)).unwrap_or(u32::MAX);
        let top = legend_lines.saturating_mul(22).saturating_add(8);
        let rows_u = u32::try_from(rows).unwrap_or(u32::MAX);
        let height = top.saturating_add(rows_u.saturating_mul(ROW_H)).saturating_add(8);
        let _ = writeln!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height}\" width=\"{WIDTH}\" \
             height=\"{height}\" role=\"img\" aria-labelledby=\"chart-{n}-title chart-{n}-desc\" \
             font-family=\"system-ui, 'Segoe UI', Roboto, Arial, sans-serif\" font-size=\"13\">"
        );
        let _ = writeln!(out, "<title id=\"chart-{n}-title\">{}</title>", escape(&title));
        let _ = writeln!(out, "<desc id=\"chart-{n}-desc\">{}</desc>", escape(&desc));
        let _ = writeln!(out, "<g class=\"legend\">");
        for (i, (name, fill)) in legend.iter().enumerate() {
            let line = u32::try_from(i.checked_div(2).unwrap_or(0)).unwrap_or(0);
            let col = u32::try_from(i.checked_rem(2).unwrap_or(0)).unwrap_or(0);
            let x = f64::from(col) * 380.0;
            let y = f64::from(line) * 22.0 + 4.0;
            let _ = writeln!(
                out,
                "<rect x=\"{x:.2}\" y=\"{y:.2}\" width=\"14\" height=\"14\" fill=\"{fill}\" stroke=\"#1a1a1a\" \
                 stroke-width=\"0.5\"/><text x=\"{:.2}\" y=\"{:.2}\">{}</text>",
                x + 20.0,
                y + 12.0,
                escape(&short_to(name, LEGEND_CHARS))
            );
        }
        let _ = writeln!(out, "</g>");
        match &self.kind {
            Kind::Stacked { series, bars, max } => self.stacked(series, bars, *max, top, out),
            Kind::Ranges { ranges, min, max, .. } => self.ranges(ranges, *min, *max, top, out),
        }
        // The axis line.
        let bottom = row_y(top, rows);
        let _ = writeln!(
            out,
            "<line x1=\"{BARS_X:.2}\" y1=\"{:.2}\" x2=\"{BARS_X:.2}\" y2=\"{bottom:.2}\" stroke=\"#1a1a1a\"/>",
            f64::from(top)
        );
        let _ = writeln!(out, "</svg>");
        if !self.apart.is_empty() {
            let _ = writeln!(out, "<ul class=\"apart\">");
            for a in &self.apart {
                let _ = writeln!(out, "<li>{}</li>", escape(&plain(a)));
            }
            let _ = writeln!(out, "</ul>");
        }
        self.table(&title, out);
        let _ = writeln!(out, "</figure>");
    }

    /// The bars of a stacked chart, the first row at `top`.
    fn stacked(&self, series: &[String], bars: &[Bar], max: Decimal, top: u32, out: &mut String) {
        let axis = Axis { min: Decimal::ZERO, max };
        for (i, bar) in bars.iter().enumerate() {
            let y = row_y(top, i);
            row_start(out, y, &bar.label);
            let mut sum = Decimal::ZERO;
            for (k, (value, text)) in bar.segments.iter().enumerate() {
                let x0 = axis.x(sum);
                sum = sum.checked_add(*value).unwrap_or(sum);
                let w = (axis.x(sum) - x0).max(0.0);
                let name = series.get(k).map(|s| plain(s)).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "<rect class=\"segment\" x=\"{x0:.2}\" y=\"{:.2}\" width=\"{w:.2}\" height=\"{BAR_H:.2}\" \
                     fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"1\"><title>{}: {}</title></rect>",
                    y + 5.0,
                    colour(k),
                    escape(&name),
                    escape(&plain(text))
                );
            }
            let _ = writeln!(
                out,
                "<text x=\"{:.2}\" y=\"{:.2}\" font-weight=\"600\">{}</text>",
                axis.x(sum) + 6.0,
                y + 18.0,
                escape(&plain(&bar.shown))
            );
            let _ = writeln!(out, "</g>");
        }
    }

    /// The ranges of a range chart, the first row at `top`.
    fn ranges(&self, ranges: &[Range], min: Decimal, max: Decimal, top: u32, out: &mut String) {
        let axis = Axis { min, max };
        for (i, r) in ranges.iter().enumerate() {
            let y = row_y(top, i);
            row_start(out, y, &r.label);
            let (x0, x1) = (axis.x(r.low), axis.x(r.high));
            let _ = writeln!(
                out,
                "<rect class=\"segment\" x=\"{x0:.2}\" y=\"{:.2}\" width=\"{:.2}\" height=\"{BAR_H:.2}\" \
                 fill=\"#9dc3e6\" stroke=\"#1f4e79\" stroke-width=\"1\"><title>{}</title></rect>",
                y + 5.0,
                (x1 - x0).max(1.0),
                escape(&plain(&r.shown))
            );
            if let Some(m) = r.marker {
                let _ = writeln!(
                    out,
                    "<rect class=\"marker\" x=\"{:.2}\" y=\"{:.2}\" width=\"3\" height=\"{:.2}\" fill=\"#1a1a1a\"/>",
                    axis.x(m) - 1.5,
                    y + 2.0,
                    BAR_H + 6.0
                );
            }
            let _ = writeln!(
                out,
                "<text x=\"{:.2}\" y=\"{:.2}\">{}</text>",
                BARS_X + BARS_W + 8.0,
                y + 18.0,
                escape(&short(&plain(&r.shown)))
            );
            let _ = writeln!(out, "</g>");
        }
    }

    /// The data table: the same numbers as drawn.
    fn table(&self, title: &str, out: &mut String) {
        let _ = writeln!(out, "<div class=\"table\"><table class=\"chart-data\">");
        let _ = writeln!(out, "<caption>{}</caption>", escape(title));
        out.push_str("<thead><tr>");
        for h in &self.header {
            let _ = write!(out, "<th scope=\"col\">{}</th>", escape(&plain(h)));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &self.rows {
            out.push_str("<tr>");
            for (i, c) in row.iter().enumerate() {
                let c = escape(&plain(c));
                if i == 0 {
                    let _ = write!(out, "<th scope=\"row\">{c}</th>");
                } else {
                    let _ = write!(out, "<td>{c}</td>");
                }
            }
            out.push_str("</tr>\n");
        }
        let _ = writeln!(out, "</tbody></table></div>");
    }
}

/// Opens a row's group and writes its label, right-aligned before the bars.
fn row_start(out: &mut String, y: f64, label: &str) {
    let _ = writeln!(out, "<g class=\"bar\">");
    let _ = writeln!(
        out,
        "<text x=\"{:.2}\" y=\"{:.2}\" text-anchor=\"end\">{}</text>",
        BARS_X - 8.0,
        y + 18.0,
        escape(&short(&plain(label)))
    );
}
