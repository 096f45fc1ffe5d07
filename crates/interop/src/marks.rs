//! Import: evaluators' marks and justifications from the two shapes of sheet a committee uses.
//!
//! * **A long table** (a CSV file, or the first worksheet of an XLSX workbook) with the columns
//!   `Evaluator`, `Bid`, `Criterion`, `Mark` and, optionally, `Justification`: one row per mark.
//!   The evaluator `consensus` records the committee's consensus mark.
//! * **A matrix per evaluator** (an XLSX workbook, one worksheet per evaluator, named by the
//!   evaluator's id, or `consensus`): a `Bid` column, then one column per criterion headed by its
//!   id, each optionally followed by a column headed `ID justification`. A row with only the bid's
//!   id is a bid the evaluator has not marked (the form [`crate::marks_workbook`] writes); a row
//!   with some marks must have all of its lot's criteria.
//!
//! The shape is told by the first row of the first sheet: a long table has the `Evaluator` and
//! `Mark` columns. Marks are read by the number rule of [`crate::import`] (a number cell through
//! its shortest decimal text; text only as a plain decimal, with a decimal comma when asked).
//! Every problem (a missing column, a mark that is not a number, a bid or a criterion the tender
//! does not have, the same mark twice, a formula whose value the workbook does not store) is
//! reported with its sheet, row and column, all together in one [`ImportError::Sheet`].

use std::collections::BTreeSet;
use std::path::Path;

use rust_decimal::Decimal;
use tender_core::num::decimal_from_f64;
use tender_core::{Bid, Id, Tender};

use crate::import::{ImportError, ProblemKind, SheetProblem, normalise, text_number};
use crate::sheet::{self, Cell, Grid, column_name};

/// One imported mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedMark {
    /// The bid's id.
    pub bid: Id,
    /// The evaluator; `None` for the committee's consensus mark.
    pub evaluator: Option<Id>,
    /// The criterion or sub-criterion.
    pub criterion: Id,
    /// The mark, exactly.
    pub score: Decimal,
    /// Why (empty when the sheet gives none).
    pub justification: String,
    /// The sheet it was read from.
    pub sheet: String,
    /// Its row (1-based).
    pub row: u32,
}

/// The evaluator name that marks a consensus row or sheet.
const CONSENSUS: &str = "consensus";

/// Reads the marks of a CSV file or an XLSX workbook for the tender's `bids`.
/// `decimal_comma`: marks typed as text use a decimal comma. `delimiter`: a CSV file's field
/// delimiter.
///
/// # Errors
/// [`ImportError::Sheet`] with every problem found; [`ImportError::UnknownFormat`],
/// [`ImportError::Io`] or [`ImportError::File`] when the file cannot be read.
pub fn import_marks(
    path: &Path,
    tender: &Tender,
    bids: &[Bid],
    decimal_comma: bool,
    delimiter: u8,
) -> Result<Vec<ImportedMark>, ImportError> {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let sheets = match extension.as_deref() {
        Some("csv") => vec![sheet::read_csv(path, delimiter)?],
        Some("xlsx" | "xlsm") => sheet::read_xlsx_all(path)?,
        _ => return Err(ImportError::UnknownFormat { path: path.to_owned() }),
    };
    let mut reading = Reading { tender, bids, decimal_comma, problems: Vec::new(), marks: Vec::new() };
    let long = sheets.first().is_some_and(|g| {
        let header: Vec<String> = (0..g.rows.first().map_or(0, Vec::len)).map(|c| text(g.cell(0, c))).collect();
        header.iter().any(|h| h == "evaluator") && header.iter().any(|h| h == "mark")
    });
    if long {
        if let Some(grid) = sheets.first() {
            reading.long(grid);
        }
    } else {
        for grid in &sheets {
            reading.matrix(grid);
        }
    }
    if reading.problems.is_empty() {
        Ok(reading.marks)
    } else {
        Err(ImportError::Sheet { path: path.to_owned(), problems: reading.problems })
    }
}

/// A header or id cell's text, normalised (case, spaces).
fn text(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => normalise(s),
        Cell::Int(i) => i.to_string(),
        Cell::Float(f) => f.to_string(),
        _ => String::new(),
    }
}

/// A cell's text as written (ids, justifications).
fn raw(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => s.trim().to_owned(),
        Cell::Int(i) => i.to_string(),
        Cell::Float(f) => f.to_string(),
        _ => String::new(),
    }
}

struct Reading<'a> {
    tender: &'a Tender,
    bids: &'a [Bid],
    decimal_comma: bool,
    problems: Vec<SheetProblem>,
    marks: Vec<ImportedMark>,
}

impl Reading<'_> {
    fn problem(
        &mut self,
        grid: &Grid,
        kind: ProblemKind,
        at: (usize, Option<(usize, &str)>),
        message: String,
        fix: &str,
    ) {
        let (row, column) = at;
        self.problems.push(SheetProblem {
            kind,
            sheet: grid.name.clone(),
            row: Some(u32::try_from(row.saturating_add(1)).unwrap_or(u32::MAX)),
            column: column.map(|(c, h)| format!("{} ({h})", column_name(c))),
            message,
            fix: fix.to_owned(),
        });
    }

    /// The criteria a bid's lot scores by marks: criteria without sub-criteria and the
    /// sub-criteria, in the award model's order (not the sovereignty score).
    fn leaves(&self, bid: &Bid) -> Vec<Id> {
        self.tender.lot(&bid.lot).map(marked_leaves).unwrap_or_default()
    }

    /// One mark cell: checked, converted and recorded. `criterion_at` is the column that names the
    /// criterion (the long table's `Criterion` column; in a matrix, the mark's own column).
    #[allow(clippy::too_many_arguments)] // the place of a mark is all of these
    fn mark(
        &mut self,
        grid: &Grid,
        at: (usize, usize, &str),
        criterion_at: (usize, &str),
        bid_id: &str,
        evaluator: &str,
        criterion: &str,
        justification: String,
    ) {
        let (row, col, header) = at;
        let Some(bid) = self.bids.iter().find(|b| b.id.as_str() == bid_id) else {
            self.problem(
                grid,
                ProblemKind::UnknownBid,
                (row, None),
                format!("there is no bid `{bid_id}` among the tender's bids"),
                "give the id of a bid file of the tender",
            );
            return;
        };
        let leaves = self.leaves(bid);
        if !leaves.iter().any(|l| l.as_str() == criterion) {
            let list: Vec<&str> = leaves.iter().map(Id::as_str).collect();
            self.problem(
                grid,
                ProblemKind::UnknownCriterion,
                (row, Some(criterion_at)),
                format!("lot `{}` scores no criterion `{criterion}` by marks; it scores {}", bid.lot, list.join(", ")),
                "use the id of one of those criteria or sub-criteria",
            );
            return;
        }
        let cell = grid.cell(row, col);
        let score = match cell {
            Cell::Float(f) => decimal_from_f64(*f).ok(),
            Cell::Int(i) => Some(Decimal::from(*i)),
            Cell::Text(t) => {
                let decimal = self.decimal_comma.then_some(',');
                text_number(t, None, decimal)
            }
            _ => None,
        };
        let Some(score) = score else {
            let (kind, message, fix) = if cell.is_empty() && grid.no_value.contains(&(row, col)) {
                (
                    ProblemKind::FormulaWithoutValue,
                    "the cell holds a formula whose value the workbook does not store".to_owned(),
                    "open the workbook in a spreadsheet program and save it, so the value is stored, or type the mark",
                )
            } else if cell.is_empty() {
                (ProblemKind::MissingValue, "no mark".to_owned(), "give the mark, or leave the row out")
            } else {
                (
                    ProblemKind::TextInNumberCell,
                    format!("{} is not a mark", describe(cell)),
                    "write the mark as a number, e.g. 4 or 3.5",
                )
            };
            self.problem(grid, kind, (row, Some((col, header))), message, fix);
            return;
        };
        let evaluator = (!evaluator.eq_ignore_ascii_case(CONSENSUS)).then(|| Id::new(evaluator));
        let duplicate = self
            .marks
            .iter()
            .any(|m| m.bid.as_str() == bid_id && m.evaluator == evaluator && m.criterion.as_str() == criterion);
        if duplicate {
            self.problem(
                grid,
                ProblemKind::DuplicateMark,
                (row, Some((col, header))),
                format!(
                    "a second mark of {} for bid `{bid_id}` on `{criterion}`",
                    evaluator.as_ref().map_or_else(|| "the consensus".to_owned(), |e| format!("evaluator `{e}`"))
                ),
                "keep one mark per evaluator, bid and criterion",
            );
            return;
        }
        self.marks.push(ImportedMark {
            bid: bid.id.clone(),
            evaluator,
            criterion: Id::new(criterion),
            score,
            justification,
            sheet: grid.name.clone(),
            row: u32::try_from(row.saturating_add(1)).unwrap_or(u32::MAX),
        });
    }

    /// A long table: Evaluator, Bid, Criterion, Mark[, Justification].
    fn long(&mut self, grid: &Grid) {
        let header: Vec<String> = (0..grid.rows.first().map_or(0, Vec::len)).map(|c| text(grid.cell(0, c))).collect();
        let find = |name: &str| header.iter().position(|h| h == name);
        let mut columns = Vec::new();
        for name in ["evaluator", "bid", "criterion", "mark"] {
            match find(name) {
                Some(c) => columns.push(c),
                None => self.problem(
                    grid,
                    ProblemKind::MissingColumn,
                    (0, None),
                    format!("no column \"{name}\" in the header row"),
                    "a long table has the columns Evaluator, Bid, Criterion, Mark and Justification",
                ),
            }
        }
        let [evaluator, bid, criterion, mark] = columns[..] else { return };
        let justification = find("justification");
        for row in 1..grid.rows.len() {
            if (0..grid.rows[row].len()).all(|c| grid.cell(row, c).is_empty()) {
                continue;
            }
            let e = raw(grid.cell(row, evaluator));
            let b = raw(grid.cell(row, bid));
            let c = raw(grid.cell(row, criterion));
            if e.is_empty() || b.is_empty() || c.is_empty() {
                self.problem(
                    grid,
                    ProblemKind::MissingValue,
                    (row, None),
                    "the row lacks its evaluator, bid or criterion".to_owned(),
                    "fill in all three, or remove the row",
                );
                continue;
            }
            let j = justification.map(|j| raw(grid.cell(row, j))).unwrap_or_default();
            self.mark(grid, (row, mark, "Mark"), (criterion, "Criterion"), &b, &e, &c, j);
        }
    }

    /// One evaluator's matrix: Bid, then per criterion its mark and, optionally, a justification.
    fn matrix(&mut self, grid: &Grid) {
        let width = grid.rows.first().map_or(0, Vec::len);
        let header: Vec<String> = (0..width).map(|c| raw(grid.cell(0, c))).collect();
        let Some(bid_col) = header.iter().position(|h| normalise(h) == "bid") else {
            self.problem(
                grid,
                ProblemKind::MissingColumn,
                (0, None),
                "no column \"Bid\" in the header row".to_owned(),
                "an evaluator's sheet has a Bid column, then one column per criterion headed by its id",
            );
            return;
        };
        // (column, criterion, justification column)
        let mut criteria: Vec<(usize, String, Option<usize>)> = Vec::new();
        let mut seen = BTreeSet::new();
        for (c, h) in header.iter().enumerate() {
            if c == bid_col || h.is_empty() || normalise(h).ends_with(" justification") {
                continue;
            }
            if !seen.insert(h.clone()) {
                self.problem(
                    grid,
                    ProblemKind::RepeatedColumn,
                    (0, Some((c, h))),
                    format!("the column \"{h}\" is there twice"),
                    "keep one column per criterion",
                );
                continue;
            }
            let wanted = normalise(&format!("{h} justification"));
            let j = header.iter().position(|x| normalise(x) == wanted);
            criteria.push((c, h.clone(), j));
        }
        let evaluator = grid.name.trim().to_owned();
        for row in 1..grid.rows.len() {
            if (0..grid.rows[row].len()).all(|c| grid.cell(row, c).is_empty()) {
                continue;
            }
            let bid = raw(grid.cell(row, bid_col));
            if bid.is_empty() {
                self.problem(
                    grid,
                    ProblemKind::MissingValue,
                    (row, Some((bid_col, "Bid"))),
                    "the row has no bid id".to_owned(),
                    "give the bid's id",
                );
                continue;
            }
            if self.bids.iter().all(|b| b.id.as_str() != bid) {
                self.problem(
                    grid,
                    ProblemKind::UnknownBid,
                    (row, Some((bid_col, "Bid"))),
                    format!("there is no bid `{bid}` among the tender's bids"),
                    "give the id of a bid file of the tender",
                );
                continue;
            }
            // A row with the bid's id and nothing else: this evaluator has not marked the bid (a
            // form not filled in yet); a row with some marks must have all of its lot's.
            let blank = |c: usize| grid.cell(row, c).is_empty() && !grid.no_value.contains(&(row, c));
            if criteria.iter().all(|(c, _, j)| blank(*c) && j.is_none_or(blank)) {
                continue;
            }
            for (c, criterion, j) in &criteria {
                // A criterion of another lot's bids is left empty on this bid's row.
                let scored = self
                    .bids
                    .iter()
                    .find(|b| b.id.as_str() == bid)
                    .is_some_and(|b| self.leaves(b).iter().any(|l| l.as_str() == criterion));
                if !scored && grid.cell(row, *c).is_empty() {
                    continue;
                }
                let justification = j.map(|j| raw(grid.cell(row, j))).unwrap_or_default();
                self.mark(grid, (row, *c, criterion), (*c, criterion), &bid, &evaluator, criterion, justification);
            }
        }
    }
}

fn describe(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => format!("the text \"{}\"", s.trim()),
        Cell::Bool(b) => format!("the boolean {}", if *b { "TRUE" } else { "FALSE" }),
        Cell::Date(d) => format!("the date {d}"),
        Cell::Error(e) => format!("the formula error {e}"),
        Cell::Float(f) => format!("the number {f}"),
        Cell::Int(i) => format!("the number {i}"),
        Cell::Empty => "an empty cell".to_owned(),
    }
}

/// The criteria a lot scores by the evaluators' marks: criteria without sub-criteria and the
/// sub-criteria, in the award model's order (not the sovereignty score, nor a measured criterion,
/// which is scored from the bids' stated values).
pub(crate) fn marked_leaves(lot: &tender_core::Lot) -> Vec<Id> {
    let mut out = Vec::new();
    for c in lot.award.quality_criteria() {
        if c.sovereignty.is_some() || c.measure.is_some() {
            continue;
        }
        if c.sub_criteria.is_empty() {
            out.push(c.id.clone());
        } else {
            out.extend(c.sub_criteria.iter().map(|s| s.id.clone()));
        }
    }
    out
}
