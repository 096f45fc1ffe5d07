//! Sheets to fill in, which `tender import` reads back: the price sheet (one row per bid, the
//! columns of [`Mapping::for_tender`](crate::Mapping::for_tender)) and the marks workbook (a sheet
//! per evaluator, a row per bid, per criterion its mark and its justification, the matrix shape of
//! [`import_marks`](crate::import_marks)).
//!
//! Both carry what the bid files already hold, so a sheet written and imported again changes
//! nothing, and a sheet with empty cells is a form for the bidders or the committee. Amounts are
//! written as numbers when their shortest binary float reads back as the same decimal (at most 15
//! significant digits), else as text, which the import reads as a plain decimal; nothing is
//! rounded. Texts are written as text cells, never as formulas; a CSV cell that a spreadsheet
//! would read as a formula gets a leading `'` ([`inert_cell`]). A workbook carries no clock time:
//! the same bids give the same bytes.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use tender_core::{Bid, Id, Tender};

use crate::error::ExportError;
use crate::import::{TemplateCell, write_template_rows};
use crate::marks::marked_leaves;
use crate::ranking::inert_cell;

/// The evaluator name of the sheet of consensus marks, as [`import_marks`](crate::import_marks)
/// reads it.
const CONSENSUS: &str = "consensus";

fn xlsx(e: XlsxError) -> ExportError {
    ExportError::Table { format: "XLSX", message: e.to_string() }
}

/// A new workbook with a fixed creation date (no clock time in the file).
fn workbook(title: String) -> Result<Workbook, ExportError> {
    let mut book = Workbook::new();
    let created = rust_xlsxwriter::ExcelDateTime::from_ymd(2000, 1, 1).map_err(xlsx)?;
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_title(title).set_creation_datetime(&created));
    Ok(book)
}

/// Writes an amount: a number when its float reads back exactly, else text.
fn amount(sheet: &mut Worksheet, row: u32, col: u16, value: Decimal, format: &Format) -> Result<(), ExportError> {
    let float = value.to_f64().filter(|f| f.is_finite());
    let exact = float.and_then(|f| tender_core::num::decimal_from_f64(f).ok()).is_some_and(|d| d == value);
    match float {
        Some(f) if exact => sheet.write_number_with_format(row, col, f, format).map(|_| ()).map_err(xlsx),
        _ => sheet.write_string(row, col, value.to_string()).map(|_| ()).map_err(xlsx),
    }
}

/// The price sheet of `bids` as CSV (comma-separated, `.` as the decimal point, `\n` line ends).
///
/// # Errors
/// [`ExportError::Table`] if the CSV writer fails (it writes to memory, so only on a bug).
pub fn price_sheet_csv(tender: &Tender, bids: &[Bid]) -> Result<String, ExportError> {
    let fail = |e: &dyn std::fmt::Display| ExportError::Table { format: "CSV", message: e.to_string() };
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    for row in write_template_rows(tender, bids) {
        let record: Vec<String> = row
            .iter()
            .map(|c| match c {
                Some(TemplateCell::Text(s)) => inert_cell(s).into_owned(),
                Some(TemplateCell::Amount(d)) => d.to_string(),
                None => String::new(),
            })
            .collect();
        w.write_record(&record).map_err(|e| fail(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| fail(&e))?;
    String::from_utf8(bytes).map_err(|e| fail(&e))
}

/// The price sheet of `bids` as an XLSX workbook: one sheet, a bold frozen header row.
///
/// # Errors
/// [`ExportError::Table`] if the XLSX writer fails (it writes to memory, so only on a bug).
pub fn price_sheet_xlsx(tender: &Tender, bids: &[Bid]) -> Result<Vec<u8>, ExportError> {
    let mut book = workbook(format!("{} prices", tender.id))?;
    let bold = Format::new().set_bold();
    let decimals = tender.currency.minor_units();
    let money = Format::new().set_num_format(if decimals == 0 {
        "#,##0".to_owned()
    } else {
        format!("#,##0.{}", "0".repeat(usize::try_from(decimals).unwrap_or(2)))
    });
    let sheet = book.add_worksheet();
    sheet.set_name("Prices").map_err(xlsx)?;
    for (r, row) in write_template_rows(tender, bids).iter().enumerate() {
        let r = u32::try_from(r).map_err(|_| xlsx(XlsxError::RowColumnLimitError))?;
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| xlsx(XlsxError::RowColumnLimitError))?;
            match cell {
                Some(TemplateCell::Text(s)) if r == 0 => {
                    sheet.write_string_with_format(r, c, s, &bold).map_err(xlsx)?;
                }
                Some(TemplateCell::Text(s)) => {
                    sheet.write_string(r, c, s).map_err(xlsx)?;
                }
                Some(TemplateCell::Amount(d)) => amount(sheet, r, c, *d, &money)?,
                None => {}
            }
            sheet.set_column_width(c, if c == 0 { 14 } else { 18 }).map_err(xlsx)?;
        }
    }
    sheet.set_freeze_panes(1, 1).map_err(xlsx)?;
    book.save_to_buffer().map_err(xlsx)
}

/// The marks workbook of `bids`: a sheet per evaluator who marked a bid (in the order they first
/// appear, bids by id) and per id in `evaluators` not among them, then a `consensus` sheet when a
/// bid holds consensus marks (or as the only sheet, when there is no evaluator). Each sheet has a `Bid` column and, for every criterion a lot scores
/// by marks, its mark and a `ID justification` column; a bid's row holds the marks it has, and
/// criteria of other lots stay empty.
///
/// # Errors
/// [`ExportError::Table`] if the XLSX writer fails (it writes to memory, so only on a bug), or a
/// sheet name is not one Excel accepts (an evaluator id over 31 characters).
pub fn marks_workbook(tender: &Tender, bids: &[Bid], evaluators: &[Id]) -> Result<Vec<u8>, ExportError> {
    let mut bids: Vec<&Bid> = bids.iter().collect();
    bids.sort_by(|a, b| a.id.cmp(&b.id));
    let mut leaves: Vec<Id> = Vec::new();
    for lot in &tender.lots {
        for leaf in marked_leaves(lot) {
            if !leaves.contains(&leaf) {
                leaves.push(leaf);
            }
        }
    }
    let mut names: Vec<Id> = Vec::new();
    for b in &bids {
        for s in &b.scores {
            if !names.contains(&s.evaluator) {
                names.push(s.evaluator.clone());
            }
        }
    }
    for e in evaluators {
        if !names.contains(e) {
            names.push(e.clone());
        }
    }
    // The consensus sheet when a bid holds consensus marks, and as the one sheet to fill in when
    // no evaluator has marked yet and none is named.
    let consensus = names.is_empty() || bids.iter().any(|b| !b.consensus.is_empty());
    let mut book = workbook(format!("{} marks", tender.id))?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let sheets: Vec<Option<&Id>> = names.iter().map(Some).chain(consensus.then_some(None)).collect();
    for evaluator in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(evaluator.map_or(CONSENSUS, Id::as_str)).map_err(xlsx)?;
        sheet.write_string_with_format(0, 0, "Bid", &bold).map_err(xlsx)?;
        sheet.set_column_width(0, 14).map_err(xlsx)?;
        for (i, leaf) in leaves.iter().enumerate() {
            let col = u16::try_from(i.saturating_mul(2).saturating_add(1))
                .map_err(|_| xlsx(XlsxError::RowColumnLimitError))?;
            let next = col.saturating_add(1);
            sheet.write_string_with_format(0, col, leaf.as_str(), &bold).map_err(xlsx)?;
            sheet.write_string_with_format(0, next, format!("{leaf} justification"), &bold).map_err(xlsx)?;
            sheet.set_column_width(col, 10).map_err(xlsx)?;
            sheet.set_column_width(next, 40).map_err(xlsx)?;
        }
        for (r, b) in bids.iter().enumerate() {
            let row = u32::try_from(r.saturating_add(1)).map_err(|_| xlsx(XlsxError::RowColumnLimitError))?;
            sheet.write_string(row, 0, b.id.as_str()).map_err(xlsx)?;
            for (i, leaf) in leaves.iter().enumerate() {
                let col = u16::try_from(i.saturating_mul(2).saturating_add(1))
                    .map_err(|_| xlsx(XlsxError::RowColumnLimitError))?;
                let mark = match evaluator {
                    None => b
                        .consensus
                        .iter()
                        .find(|c| &c.criterion == leaf)
                        .map(|c| (c.score.get(), c.justification.as_str())),
                    Some(e) => b
                        .scores
                        .iter()
                        .find(|s| &s.criterion == leaf && &s.evaluator == e)
                        .map(|s| (s.score.get(), s.justification.as_str())),
                };
                if let Some((score, justification)) = mark {
                    amount(sheet, row, col, score, &Format::new())?;
                    if !justification.is_empty() {
                        sheet
                            .write_string_with_format(row, col.saturating_add(1), justification, &wrap)
                            .map_err(xlsx)?;
                    }
                }
            }
        }
        sheet.set_freeze_panes(1, 1).map_err(xlsx)?;
    }
    book.save_to_buffer().map_err(xlsx)
}
