//! `tender standards`: the built-in catalogue of open standards (`tender_core::standards`), as a
//! table or as JSON.

use tender_core::standards::{Standard, StandardArea};

use crate::Outcome;
use crate::cli::{ListFormat, StandardsArgs};
use crate::commands::finish;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output;

/// Lists the catalogue.
pub(crate) fn list(args: &StandardsArgs) -> Outcome {
    let catalogue = tender_core::standards::builtin_all();
    let lang = args.lang.clone().unwrap_or_else(tender_core::Language::en);
    let text = match args.format {
        ListFormat::Text => table(&catalogue, &lang),
        ListFormat::Json => match serde_json::to_string_pretty(&catalogue) {
            Ok(mut s) => {
                s.push('\n');
                s
            }
            Err(e) => return failed(Diagnostic::error(format!("cannot write the catalogue as JSON: {e}"))),
        },
    };
    match output::write(&text, args.output.as_deref()) {
        Ok(()) => Outcome::Success,
        Err(d) => failed(d),
    }
}

fn failed(d: Diagnostic) -> Outcome {
    let mut diags = Diagnostics::default();
    diags.push(d);
    finish(&diags, "not written")
}

/// The area as a tender file writes it (`mail-calendar`).
fn area(a: StandardArea) -> &'static str {
    match a {
        StandardArea::Documents => "documents",
        StandardArea::Identity => "identity",
        StandardArea::Apis => "apis",
        StandardArea::MailCalendar => "mail-calendar",
        StandardArea::DataExport => "data-export",
        StandardArea::Containers => "containers",
        StandardArea::Procurement => "procurement",
        StandardArea::Other => "other",
    }
}

/// An aligned table: id, version, area, name (in `lang`); one line per entry, in catalogue order.
fn table(catalogue: &[Standard], lang: &tender_core::Language) -> String {
    let header = ["ID", "VERSION", "AREA", "NAME"];
    let rows: Vec<[&str; 4]> =
        catalogue.iter().map(|s| [s.id.as_str(), s.version.as_str(), area(s.area), s.name.get(lang)]).collect();
    let width = |i: usize| rows.iter().map(|r| r[i].chars().count()).chain([header[i].len()]).max().unwrap_or(0);
    let widths = [width(0), width(1), width(2)];
    let mut out = String::new();
    for row in std::iter::once(header).chain(rows.iter().copied()) {
        for (cell, w) in row.iter().zip(widths) {
            out.push_str(cell);
            out.extend(std::iter::repeat_n(' ', w.saturating_sub(cell.chars().count()).saturating_add(2)));
        }
        out.push_str(row[3]);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_area_is_named_as_a_tender_file_writes_it() {
        for s in tender_core::standards::builtin_all() {
            let json = serde_json::to_value(s.area).expect("an area serialises");
            assert_eq!(json.as_str(), Some(area(s.area)), "{}", s.id);
        }
    }

    #[test]
    fn the_table_has_a_line_per_entry_and_aligns_its_columns() {
        let catalogue = tender_core::standards::builtin_all();
        let text = table(&catalogue, &tender_core::Language::en());
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), catalogue.len() + 1);
        let name_at = lines[0].find("NAME").expect("a NAME column");
        for (line, s) in lines[1..].iter().zip(&catalogue) {
            assert_eq!(line.get(name_at..), Some(s.name.get(&tender_core::Language::en())), "{line}");
        }
    }
}
