//! Import: bid price schedules from CSV files and XLSX workbooks, mapped to the bid model by a
//! small declared column mapping.
//!
//! # The mapping
//!
//! A [`Mapping`] names the header of the column that holds each price field. In TOML:
//!
//! ```toml
//! sheet = "Prices"              # XLSX: the worksheet (default: the first)
//! # header_row = 3              # 1-based; default: found by the column names in the first 20 rows
//! # thousands_separator = ","   # accepted in numbers typed as text (default: none)
//! # decimal_separator = ","     # in numbers typed as text (default: ".")
//! # csv_delimiter = ";"         # CSV only (default: ",")
//!
//! [columns]
//! bid = "Bid"                   # the bid's id; or bidder = "Bidder" with lot = "Lot"
//! total = "Total price"
//! one_off = "One-off costs"     # one_off and recurring_per_year go together
//! recurring_per_year = "Recurring costs per year"
//! [columns.options]             # option id in the tender = column header
//! OPT-USERS = "Option: 500 more users"
//! [columns.unit_prices]         # price basket: the line's id = the header of its unit price
//! ARCH = "Senior architect, per hour"
//! [columns.components]          # price components: the component's id = its header
//! LIC = "Licences"
//! ```
//!
//! Headers match ignoring case and repeated spaces. Every mapped column must be in the header
//! row; other columns are ignored. A row with its bid and every price cell empty is skipped (a
//! form not filled in). A row gives the total, or unit prices, or component prices (a
//! lot evaluated on a price basket or on price components needs no total); an empty unit-price or
//! component cell gives no price for that line, and a line of another lot than the row's bid is an
//! error when the prices are applied to the bids.
//!
//! A formula cell is read through the value the workbook stores for it, and each such cell is
//! noted in [`ImportedPrice::notes`] (`B2 (Total): the formula =SUM(C2:F2); its stored value is
//! used`), so the user sees which amounts a spreadsheet computed.
//!
//! # The number rule
//!
//! Spreadsheets store numbers as binary floats (`f64`), which cannot hold most decimal amounts
//! exactly: 1234.56 is stored as 1234.55999999999994543031789362430572509765625. One rule turns
//! such a cell into an amount, and nothing is ever rounded:
//!
//! 1. The float is read through its shortest round-trip text
//!    ([`tender_core::num::decimal_from_f64`]), which is exactly what was typed whenever it had at
//!    most 15 significant digits (every such decimal has its own `f64`). A float whose shortest
//!    text needs more digits (the result of a formula such as `=A1/3`, or `0.1+0.2`) is refused.
//! 2. The amount must have at most the currency's decimals ([`tender_core::Currency::minor_units`]:
//!    2 for DKK and EUR, 0 for ISK). `1234.567` DKK is refused, not rounded.
//! 3. A number typed as text (every cell of a CSV file) is accepted only if it is a plain decimal
//!    ([`tender_core::num::parse_decimal`]), with the mapping's declared thousands and decimal
//!    separators; anything else (`12.500 kr`, `1e6`, `12,50` without a declared decimal comma) is
//!    refused.
//!
//! Every refused cell is reported with its sheet, row, column and value, and what to do.
//!
//! # Bad sheets
//!
//! Missing or repeated columns, text, dates, booleans or formula errors in number cells, merged
//! cells in the table, empty rows inside it, missing values, negative amounts and the same bid
//! twice are all reported together in one [`ImportError::Sheet`].

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use serde::Deserialize;
use tender_core::bid::{BidPrice, ComponentPrice, OptionPrice, PriceSchedule, UnitPrice};
use tender_core::num::{DecimalError, decimal_from_f64, parse_decimal};
use tender_core::{Bid, Id, Money, Tender};

use crate::sheet::{self, Cell, Grid, column_name};

/// How many rows from the top are searched for the header row.
const HEADER_SEARCH_ROWS: usize = 20;

/// Which columns hold which price fields. See the [module](self) docs for the TOML form.
#[derive(Clone, Debug, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The worksheet of an XLSX workbook; the first when not given. Ignored for CSV.
    #[serde(default)]
    pub sheet: Option<String>,
    /// The 1-based row of the column headers; found by the column names when not given.
    #[serde(default)]
    pub header_row: Option<u32>,
    /// A thousands separator accepted in numbers typed as text, e.g. `,` or `.` or ` `.
    #[serde(default)]
    pub thousands_separator: Option<char>,
    /// The decimal separator of numbers typed as text; `.` when not given.
    #[serde(default)]
    pub decimal_separator: Option<char>,
    /// The field delimiter of a CSV file; `,` when not given.
    #[serde(default)]
    pub csv_delimiter: Option<char>,
    /// The column headers.
    pub columns: Columns,
}

/// The headers of the mapped columns.
#[derive(Clone, Debug, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Columns {
    /// The bid's id.
    #[serde(default)]
    pub bid: Option<String>,
    /// The bidder's id, when the sheet has no bid ids.
    #[serde(default)]
    pub bidder: Option<String>,
    /// The lot's id, with `bidder`, when a bidder bids for several lots.
    #[serde(default)]
    pub lot: Option<String>,
    /// The total price (options excluded); absent when the sheet gives only unit prices or
    /// component prices.
    #[serde(default)]
    pub total: Option<String>,
    /// One-off costs of the price schedule.
    #[serde(default)]
    pub one_off: Option<String>,
    /// Recurring costs per year of the price schedule.
    #[serde(default)]
    pub recurring_per_year: Option<String>,
    /// Option prices: the tender's option id, and the header of its column.
    #[serde(default)]
    pub options: BTreeMap<String, String>,
    /// Unit prices of a price basket: the basket line's id, and the header of its column.
    #[serde(default)]
    pub unit_prices: BTreeMap<String, String>,
    /// Prices of price components: the component's id, and the header of its column.
    #[serde(default)]
    pub components: BTreeMap<String, String>,
}

impl Mapping {
    /// Reads a mapping from TOML.
    ///
    /// # Errors
    /// [`ImportError::Mapping`] when the text is not TOML or not a mapping's shape.
    pub fn from_toml(text: &str) -> Result<Self, ImportError> {
        toml::from_str(text).map_err(|e| ImportError::Mapping { message: e.to_string() })
    }

    /// The mapping of the sheet [`write_template_rows`] describes: headers `Bid`, `Total`,
    /// `One-off`, `Recurring per year`, each option's id, each price basket line's id and each
    /// price component's id.
    pub fn for_tender(tender: &Tender) -> Self {
        Self {
            columns: Columns {
                bid: Some("Bid".to_owned()),
                total: Some("Total".to_owned()),
                unit_prices: basket_lines(tender).map(|id| (id.to_owned(), id.to_owned())).collect(),
                components: component_ids(tender).map(|id| (id.to_owned(), id.to_owned())).collect(),
                one_off: Some("One-off".to_owned()),
                recurring_per_year: Some("Recurring per year".to_owned()),
                options: tender
                    .contract
                    .options
                    .iter()
                    .map(|o| (o.id.as_str().to_owned(), o.id.as_str().to_owned()))
                    .collect(),
                ..Columns::default()
            },
            ..Self::default()
        }
    }

    fn check(&self, tender: &Tender) -> Result<(), ImportError> {
        let mut problems = Vec::new();
        let c = &self.columns;
        if c.bid.is_none() && c.bidder.is_none() {
            problems.push("name the column that says which bid a row is: `bid`, or `bidder` (with `lot`)".to_owned());
        }
        if c.bid.is_some() && (c.bidder.is_some() || c.lot.is_some()) {
            problems.push("give either `bid`, or `bidder` and `lot`, not both".to_owned());
        }
        if c.one_off.is_some() != c.recurring_per_year.is_some() {
            problems.push("map `one_off` and `recurring_per_year` together: a price schedule has both".to_owned());
        }
        for option in c.options.keys() {
            if !tender.contract.options.iter().any(|o| o.id.as_str() == option) {
                let known: Vec<&str> = tender.contract.options.iter().map(|o| o.id.as_str()).collect();
                problems.push(format!(
                    "the tender has no option `{option}`; its options are: {}",
                    if known.is_empty() { "none".to_owned() } else { known.join(", ") }
                ));
            }
        }
        if c.total.is_none() && c.unit_prices.is_empty() && c.components.is_empty() {
            problems.push("map a price column: `total`, `unit_prices` or `components`".to_owned());
        }
        for line in c.unit_prices.keys() {
            if !basket_lines(tender).any(|l| l == line) {
                let known: Vec<&str> = basket_lines(tender).collect();
                problems.push(format!(
                    "the tender has no price basket line `{line}`; its lines are: {}",
                    if known.is_empty() { "none".to_owned() } else { known.join(", ") }
                ));
            }
        }
        for component in c.components.keys() {
            if !component_ids(tender).any(|k| k == component) {
                let known: Vec<&str> = component_ids(tender).collect();
                problems.push(format!(
                    "the tender has no price component `{component}`; its components are: {}",
                    if known.is_empty() { "none".to_owned() } else { known.join(", ") }
                ));
            }
        }
        if let (Some(t), Some(d)) = (self.thousands_separator, self.decimal_separator)
            && t == d
        {
            problems.push(format!("the thousands and decimal separators are both `{t}`"));
        }
        if self.header_row == Some(0) {
            problems.push("`header_row` counts from 1".to_owned());
        }
        if self.csv_delimiter.is_some_and(|d| !d.is_ascii()) {
            problems.push("`csv_delimiter` must be one ASCII character, e.g. `;`".to_owned());
        }
        if problems.is_empty() { Ok(()) } else { Err(ImportError::Mapping { message: problems.join("; ") }) }
    }

    /// The mapped columns: (field, header) in sheet-independent order.
    fn headers(&self) -> Vec<(Field, &str)> {
        let c = &self.columns;
        let mut out = Vec::new();
        if let Some(h) = &c.bid {
            out.push((Field::Bid, h.as_str()));
        }
        if let Some(h) = &c.bidder {
            out.push((Field::Bidder, h.as_str()));
        }
        if let Some(h) = &c.lot {
            out.push((Field::Lot, h.as_str()));
        }
        if let Some(h) = &c.total {
            out.push((Field::Total, h.as_str()));
        }
        if let Some(h) = &c.one_off {
            out.push((Field::OneOff, h.as_str()));
        }
        if let Some(h) = &c.recurring_per_year {
            out.push((Field::Recurring, h.as_str()));
        }
        for (option, h) in &c.options {
            out.push((Field::Option(option.clone()), h.as_str()));
        }
        for (line, h) in &c.unit_prices {
            out.push((Field::UnitPrice(line.clone()), h.as_str()));
        }
        for (component, h) in &c.components {
            out.push((Field::Component(component.clone()), h.as_str()));
        }
        out
    }
}

/// The ids of every lot's price basket lines, each once, in the tender's order.
fn basket_lines(tender: &Tender) -> impl Iterator<Item = &str> {
    let mut seen = std::collections::BTreeSet::new();
    tender.lots.iter().flat_map(|l| l.award.basket.iter().map(|b| b.id.as_str())).filter(move |id| seen.insert(*id))
}

/// The ids of every lot's price components, each once, in the tender's order.
fn component_ids(tender: &Tender) -> impl Iterator<Item = &str> {
    let mut seen = std::collections::BTreeSet::new();
    tender
        .lots
        .iter()
        .flat_map(|l| l.award.price_components.iter().map(|c| c.id.as_str()))
        .filter(move |id| seen.insert(*id))
}

/// A mapped column found in the header row: the field, its 0-based index and its header.
type Located = (Field, usize, String);

#[derive(Clone, Debug, PartialEq, Eq)]
enum Field {
    Bid,
    Bidder,
    Lot,
    Total,
    OneOff,
    Recurring,
    Option(String),
    UnitPrice(String),
    Component(String),
}

/// Which bid a row's prices belong to.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum BidKey {
    /// By the bid's id.
    Bid(Id),
    /// By the bidder's id, and the lot when the sheet has a lot column.
    Bidder {
        /// The bidder.
        bidder: Id,
        /// The lot.
        lot: Option<Id>,
    },
}

impl fmt::Display for BidKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Bid(id) => write!(f, "bid `{id}`"),
            Self::Bidder { bidder, lot: None } => write!(f, "bidder `{bidder}`"),
            Self::Bidder { bidder, lot: Some(lot) } => write!(f, "bidder `{bidder}` in lot `{lot}`"),
        }
    }
}

/// The prices of one bid, read from one row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedPrice {
    /// Which bid.
    pub key: BidKey,
    /// The prices; options in the tender's option order.
    pub price: BidPrice,
    /// The sheet (or CSV file name) and the 1-based row it was read from.
    pub sheet: String,
    /// The 1-based row.
    pub row: u32,
    /// The row's amounts a formula computed, each read through its stored value:
    /// `B2 (Total): the formula =SUM(C2:F2); its stored value is used`.
    pub notes: Vec<String>,
}

/// What is wrong with a sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    /// A mapped column is not in the header row.
    MissingColumn,
    /// A mapped header appears twice in the header row.
    RepeatedColumn,
    /// A number cell holds text that is not a plain number.
    TextInNumberCell,
    /// A number cell holds a date, a boolean or a formula error.
    NotANumber,
    /// A binary float that cannot be read back exactly (more than 15 significant digits).
    InexactNumber,
    /// An amount with more decimals than the currency has.
    TooManyDecimals,
    /// A negative amount.
    NegativeAmount,
    /// A required cell is empty.
    MissingValue,
    /// A bid id that is not a usable id.
    BadId,
    /// Merged cells in the header row or the rows below it.
    MergedCells,
    /// An empty row inside the table.
    EmptyRow,
    /// The same bid on two rows.
    DuplicateBid,
    /// A criterion the bid's lot does not score by marks (marks import).
    UnknownCriterion,
    /// A bid id that is not among the tender's bids (marks import).
    UnknownBid,
    /// The same evaluator's mark for the same bid and criterion twice (marks import).
    DuplicateMark,
    /// A formula cell whose value the workbook does not store.
    FormulaWithoutValue,
}

/// One problem in a sheet, located by sheet, row and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetProblem {
    /// What kind of problem.
    pub kind: ProblemKind,
    /// The sheet's name (the file name for CSV).
    pub sheet: String,
    /// The 1-based row, if the problem is in one.
    pub row: Option<u32>,
    /// The column, as its letter and header: `C (Total)`.
    pub column: Option<String>,
    /// What is wrong, quoting the value.
    pub message: String,
    /// What would fix it.
    pub fix: String,
}

impl fmt::Display for SheetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "sheet `{}`", self.sheet)?;
        if let Some(row) = self.row {
            write!(f, ", row {row}")?;
        }
        if let Some(column) = &self.column {
            write!(f, ", column {column}")?;
        }
        write!(f, ": {}. Fix: {}", self.message, self.fix)
    }
}

/// Why prices could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("cannot read {}: {source}", path.display())]
    Io {
        /// The file.
        path: PathBuf,
        /// Why.
        #[source]
        source: std::io::Error,
    },
    /// The file is not a readable CSV file or XLSX workbook.
    #[error("{}: {message}", path.display())]
    File {
        /// The file.
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },
    /// The file is neither `.csv` nor `.xlsx`.
    #[error("{}: not a CSV file or an XLSX workbook; save the prices as .csv or .xlsx", path.display())]
    UnknownFormat {
        /// The file.
        path: PathBuf,
    },
    /// The workbook has no sheet of the mapped name.
    #[error("{}: no sheet named `{sheet}`; the workbook has: {}. Fix: set `sheet` in the mapping to one of them", path.display(), available.join(", "))]
    NoSheet {
        /// The file.
        path: PathBuf,
        /// The sheet the mapping names.
        sheet: String,
        /// The sheets there are.
        available: Vec<String>,
    },
    /// The mapping is not usable.
    #[error("the column mapping is not usable: {message}")]
    Mapping {
        /// What is wrong.
        message: String,
    },
    /// The sheet has problems; every one is listed.
    #[error("{}: {} problem(s):{}", path.display(), problems.len(), list(problems))]
    Sheet {
        /// The file.
        path: PathBuf,
        /// Every problem found.
        problems: Vec<SheetProblem>,
    },
    /// Imported prices do not match the bids.
    #[error("the imported prices do not match the bids:{}", problems.iter().map(|p| format!("\n  - {p}")).collect::<String>())]
    Unmatched {
        /// Every mismatch, with the sheet and row.
        problems: Vec<String>,
    },
}

fn list(problems: &[SheetProblem]) -> String {
    problems.iter().map(|p| format!("\n  - {p}")).collect()
}

/// Reads the bid prices of a CSV file or an XLSX workbook by a mapping, converting every amount
/// by the [number rule](self#the-number-rule) to the tender's currency.
///
/// # Errors
/// [`ImportError::Mapping`] for an unusable mapping (e.g. an option the tender does not have);
/// [`ImportError::Io`], [`ImportError::File`], [`ImportError::UnknownFormat`] or
/// [`ImportError::NoSheet`] when the file cannot be read; [`ImportError::Sheet`] with every
/// problem in the sheet.
pub fn import_prices(path: &Path, mapping: &Mapping, tender: &Tender) -> Result<Vec<ImportedPrice>, ImportError> {
    mapping.check(tender)?;
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let grid = match extension.as_deref() {
        Some("csv") => {
            let delimiter = mapping.csv_delimiter.map_or(b',', |d| u8::try_from(d).unwrap_or(b','));
            sheet::read_csv(path, delimiter)?
        }
        Some("xlsx" | "xlsm") => sheet::read_xlsx(path, mapping.sheet.as_deref())?,
        _ => return Err(ImportError::UnknownFormat { path: path.to_owned() }),
    };
    read_grid(&grid, mapping, tender).map_err(|problems| ImportError::Sheet { path: path.to_owned(), problems })
}

/// Puts imported prices into the bids they belong to; returns how many bids were updated.
///
/// # Errors
/// [`ImportError::Unmatched`] listing every row whose bid is not among `bids`, that matches
/// several bids (a bidder with bids in several lots, and no lot column), or that prices a basket
/// line or a price component the bid's lot does not have. No bid is changed then.
pub fn apply_prices(tender: &Tender, bids: &mut [Bid], prices: &[ImportedPrice]) -> Result<usize, ImportError> {
    let mut problems = Vec::new();
    let mut updates = Vec::new();
    for price in prices {
        let matches: Vec<usize> = bids
            .iter()
            .enumerate()
            .filter(|(_, b)| match &price.key {
                BidKey::Bid(id) => &b.id == id,
                BidKey::Bidder { bidder, lot } => &b.bidder.id == bidder && lot.as_ref().is_none_or(|l| &b.lot == l),
            })
            .map(|(i, _)| i)
            .collect();
        match matches.as_slice() {
            [i] => {
                let bid = &bids[*i];
                let lot = tender.lots.iter().find(|l| l.id == bid.lot);
                let mut fits = true;
                for u in &price.price.unit_prices {
                    if !lot.is_some_and(|l| l.award.basket.iter().any(|b| b.id == u.line)) {
                        fits = false;
                        problems.push(format!(
                            "sheet `{}`, row {}: {} is for lot `{}`, whose price basket has no line `{}`",
                            price.sheet, price.row, price.key, bid.lot, u.line
                        ));
                    }
                }
                for c in &price.price.components {
                    if !lot.is_some_and(|l| l.award.price_components.iter().any(|k| k.id == c.component)) {
                        fits = false;
                        problems.push(format!(
                            "sheet `{}`, row {}: {} is for lot `{}`, which has no price component `{}`",
                            price.sheet, price.row, price.key, bid.lot, c.component
                        ));
                    }
                }
                if fits {
                    // In the lot's order of lines and components, as a bid file lists them.
                    let mut p = price.price.clone();
                    if let Some(lot) = lot {
                        p.unit_prices.sort_by_key(|u| lot.award.basket.iter().position(|b| b.id == u.line));
                        p.components
                            .sort_by_key(|c| lot.award.price_components.iter().position(|k| k.id == c.component));
                    }
                    updates.push((*i, p));
                }
            }
            [] => problems.push(format!(
                "sheet `{}`, row {}: there is no {} among the bids",
                price.sheet, price.row, price.key
            )),
            _ => problems.push(format!(
                "sheet `{}`, row {}: {} has bids in several lots; add a lot column to the sheet and `lot` to the mapping",
                price.sheet, price.row, price.key
            )),
        }
    }
    if !problems.is_empty() {
        return Err(ImportError::Unmatched { problems });
    }
    for (i, price) in &updates {
        bids[*i].price = price.clone();
    }
    Ok(updates.len())
}

/// Normalises a header for matching: trimmed, lower case, runs of white space as one space.
pub(crate) fn normalise(header: &str) -> String {
    header.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn header_text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Text(s) => Some(normalise(s)),
        Cell::Float(f) => Some(f.to_string()),
        Cell::Int(i) => Some(i.to_string()),
        _ => None,
    }
}

/// The value of a cell as the spreadsheet shows it, for messages.
fn shown(cell: &Cell) -> String {
    match cell {
        Cell::Empty => "an empty cell".to_owned(),
        Cell::Float(f) if f.abs() >= 1e15 || (f.abs() < 1e-6 && *f != 0.0) => format!("the number {f:e}"),
        Cell::Float(f) => format!("the number {f}"),
        Cell::Int(i) => format!("the number {i}"),
        Cell::Text(s) => format!("the text \"{}\"", s.trim()),
        Cell::Bool(b) => format!("the boolean {}", if *b { "TRUE" } else { "FALSE" }),
        Cell::Date(d) => format!("the date {d}"),
        Cell::Error(e) => format!("the formula error {e}"),
    }
}

struct Reading<'a> {
    grid: &'a Grid,
    /// Merged regions in the table, already reported: their cells are not checked one by one.
    merged: Vec<sheet::Region>,
    mapping: &'a Mapping,
    decimals: u32,
    currency: &'a str,
    problems: Vec<SheetProblem>,
}

impl Reading<'_> {
    fn problem(
        &mut self,
        kind: ProblemKind,
        row: Option<usize>,
        column: Option<(usize, &str)>,
        message: String,
        fix: String,
    ) {
        if kind != ProblemKind::MergedCells
            && let (Some(r), Some((c, _))) = (row, column)
            && self.in_merged(r, c)
        {
            return;
        }
        self.problems.push(SheetProblem {
            kind,
            sheet: self.grid.name.clone(),
            row: row.map(|r| u32::try_from(r.saturating_add(1)).unwrap_or(u32::MAX)),
            column: column.map(|(c, h)| format!("{} ({h})", column_name(c))),
            message,
            fix,
        });
    }

    /// An empty cell where a value is needed: a formula whose value the workbook does not store, or
    /// no value at all.
    fn missing(&mut self, row: usize, col: usize, header: &str) {
        if self.grid.no_value.contains(&(row, col)) {
            self.problem(
                ProblemKind::FormulaWithoutValue,
                Some(row),
                Some((col, header)),
                "the cell holds a formula whose value the workbook does not store".to_owned(),
                "open the workbook in a spreadsheet program and save it, so the value is stored, or type the amount"
                    .to_owned(),
            );
        } else {
            self.problem(
                ProblemKind::MissingValue,
                Some(row),
                Some((col, header)),
                "the cell is empty".to_owned(),
                format!("fill in the {header}"),
            );
        }
    }

    /// An amount that may be left out: `Ok(None)` for an empty cell, `Err` (reported) for a cell
    /// that holds no amount or a formula without a stored value.
    fn optional(&mut self, row: usize, col: usize, header: &str) -> Result<Option<Decimal>, ()> {
        if self.grid.cell(row, col).is_empty() {
            if self.grid.no_value.contains(&(row, col)) {
                self.missing(row, col, header);
                return Err(());
            }
            return Ok(None);
        }
        self.amount(row, col, header).map(Some).ok_or(())
    }

    fn in_merged(&self, row: usize, col: usize) -> bool {
        self.merged.iter().any(|m| {
            (m.first_row as usize..=m.last_row as usize).contains(&row)
                && (m.first_col as usize..=m.last_col as usize).contains(&col)
        })
    }

    /// Finds the header row and each mapped column in it.
    fn header(&mut self) -> Option<(usize, Vec<Located>)> {
        let wanted = self.mapping.headers();
        let rows: Vec<usize> = match self.mapping.header_row {
            Some(r) => vec![(r as usize).saturating_sub(1)],
            None => (0..self.grid.rows.len().min(HEADER_SEARCH_ROWS)).collect(),
        };
        let mut best: Option<(usize, usize)> = None;
        for &r in &rows {
            let found = wanted
                .iter()
                .filter(|(_, h)| {
                    let h = normalise(h);
                    (0..self.grid.rows.get(r).map_or(0, Vec::len))
                        .any(|c| header_text(self.grid.cell(r, c)).is_some_and(|t| t == h))
                })
                .count();
            if found == wanted.len() {
                return Some((r, self.columns(r, &wanted)));
            }
            if best.is_none_or(|(_, n)| found > n) {
                best = Some((r, found));
            }
        }
        let (r, _) = best.unwrap_or((0, 0));
        let present: Vec<String> = (0..self.grid.rows.get(r).map_or(0, Vec::len))
            .filter_map(|c| match self.grid.cell(r, c) {
                Cell::Text(s) => Some(format!("\"{}\"", s.trim())),
                _ => None,
            })
            .collect();
        for (_, h) in &wanted {
            let hn = normalise(h);
            let here = (0..self.grid.rows.get(r).map_or(0, Vec::len))
                .any(|c| header_text(self.grid.cell(r, c)).is_some_and(|t| t == hn));
            if !here {
                let searched = match self.mapping.header_row {
                    Some(_) => "the header row".to_owned(),
                    None => format!("the first {HEADER_SEARCH_ROWS} rows"),
                };
                self.problem(
                    ProblemKind::MissingColumn,
                    Some(r),
                    None,
                    format!(
                        "no column \"{h}\" in {searched}; the closest header row has {}",
                        if present.is_empty() { "no headers".to_owned() } else { present.join(", ") }
                    ),
                    "add the column, or change the mapping to the header the sheet uses".to_owned(),
                );
            }
        }
        None
    }

    fn columns(&mut self, r: usize, wanted: &[(Field, &str)]) -> Vec<Located> {
        let mut out = Vec::new();
        for (field, h) in wanted {
            let hn = normalise(h);
            let hits: Vec<usize> = (0..self.grid.rows[r].len())
                .filter(|&c| header_text(self.grid.cell(r, c)).is_some_and(|t| t == hn))
                .collect();
            if hits.len() > 1 {
                let where_: Vec<String> = hits.iter().map(|&c| column_name(c)).collect();
                self.problem(
                    ProblemKind::RepeatedColumn,
                    Some(r),
                    None,
                    format!("the header \"{h}\" is in columns {}", where_.join(" and ")),
                    "give each column its own header".to_owned(),
                );
            }
            out.push((field.clone(), hits[0], (*h).to_owned()));
        }
        out
    }

    /// Converts a number cell by the number rule.
    fn amount(&mut self, row: usize, col: usize, header: &str) -> Option<Decimal> {
        let cell = self.grid.cell(row, col).clone();
        let at = Some((col, header));
        let value = match &cell {
            Cell::Empty => return None,
            Cell::Int(i) => Decimal::from(*i),
            Cell::Float(f) => match decimal_from_f64(*f) {
                Ok(d) => d,
                Err(DecimalError::InexactFloat(text)) => {
                    self.problem(
                        ProblemKind::InexactNumber,
                        Some(row),
                        at,
                        format!(
                            "the cell holds the binary number {text}, which has more than 15 significant digits and is not an exact amount (often the result of a formula)"
                        ),
                        format!(
                            "round the cell to {} decimals in the sheet (e.g. =ROUND(…; {})), or type the amount",
                            self.decimals, self.decimals
                        ),
                    );
                    return None;
                }
                Err(_) => {
                    self.problem(
                        ProblemKind::InexactNumber,
                        Some(row),
                        at,
                        format!("{} cannot be an amount: it is too large or not a finite number", shown(&cell)),
                        "type the amount in the cell".to_owned(),
                    );
                    return None;
                }
            },
            Cell::Text(s) => match text_number(s, self.mapping.thousands_separator, self.mapping.decimal_separator) {
                Some(d) => d,
                None => {
                    let mut fix = "type the amount as a number, without currency or units".to_owned();
                    if self.mapping.thousands_separator.is_none() && s.contains([',', '.', ' ', '\u{a0}']) {
                        fix.push_str(", or declare `thousands_separator` and `decimal_separator` in the mapping");
                    }
                    self.problem(
                        ProblemKind::TextInNumberCell,
                        Some(row),
                        at,
                        format!("{} is not a plain number", shown(&cell)),
                        fix,
                    );
                    return None;
                }
            },
            Cell::Bool(_) | Cell::Date(_) | Cell::Error(_) => {
                self.problem(
                    ProblemKind::NotANumber,
                    Some(row),
                    at,
                    format!("{} is not an amount", shown(&cell)),
                    "enter the amount as a number".to_owned(),
                );
                return None;
            }
        };
        let scale = value.normalize().scale();
        if scale > self.decimals {
            self.problem(
                ProblemKind::TooManyDecimals,
                Some(row),
                at,
                format!(
                    "{} has {scale} decimals; {} amounts have at most {}",
                    value.normalize(),
                    self.currency,
                    self.decimals
                ),
                format!("correct the amount to {} decimals in the sheet; the import does not round", self.decimals),
            );
            return None;
        }
        if value.is_sign_negative() && !value.is_zero() {
            self.problem(
                ProblemKind::NegativeAmount,
                Some(row),
                at,
                format!("the amount {} is negative", value.normalize()),
                "give the price as zero or more".to_owned(),
            );
            return None;
        }
        Some(value)
    }

    fn id(&mut self, row: usize, col: usize, header: &str) -> Option<Id> {
        let cell = self.grid.cell(row, col).clone();
        let text = match &cell {
            Cell::Text(s) => s.trim().to_owned(),
            Cell::Int(i) => i.to_string(),
            Cell::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f}"),
            Cell::Empty => {
                self.missing(row, col, header);
                return None;
            }
            _ => {
                self.problem(
                    ProblemKind::BadId,
                    Some(row),
                    Some((col, header)),
                    format!("{} is not an id", shown(&cell)),
                    "write the id as text, e.g. AA-01".to_owned(),
                );
                return None;
            }
        };
        let id = Id::new(text.clone());
        if let Some(problem) = id.problem() {
            self.problem(
                ProblemKind::BadId,
                Some(row),
                Some((col, header)),
                format!("\"{text}\" {problem}"),
                "use the id the bid has in the tender system".to_owned(),
            );
            return None;
        }
        Some(id)
    }
}

/// A number typed as text: the declared separators, then a plain decimal
/// ([`parse_decimal`]). A thousands separator must group by three.
pub(crate) fn text_number(text: &str, thousands: Option<char>, decimal: Option<char>) -> Option<Decimal> {
    let mut s = text.trim().to_owned();
    let decimal = decimal.unwrap_or('.');
    if let Some(t) = thousands {
        let seps: &[char] = if t == ' ' { &[' ', '\u{a0}', '\u{202f}'] } else { &[t] };
        let (sign, body) = s.strip_prefix('-').map_or(("", s.as_str()), |b| ("-", b));
        let (int, frac) = match body.split_once(decimal) {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        };
        if int.contains(seps) {
            // Groups of three after the first group of one to three digits.
            let groups: Vec<&str> = int.split(seps).collect();
            let ok =
                groups.first().is_some_and(|g| (1..=3).contains(&g.len())) && groups[1..].iter().all(|g| g.len() == 3);
            if !ok {
                return None;
            }
        }
        let int: String = int.chars().filter(|c| !seps.contains(c)).collect();
        s = match frac {
            Some(f) => format!("{sign}{int}{decimal}{f}"),
            None => format!("{sign}{int}"),
        };
    }
    if decimal != '.' {
        if s.contains('.') {
            return None;
        }
        s = s.replace(decimal, ".");
    }
    parse_decimal(&s).ok()
}

/// Reads the prices from a grid; every problem found, or the prices.
fn read_grid(grid: &Grid, mapping: &Mapping, tender: &Tender) -> Result<Vec<ImportedPrice>, Vec<SheetProblem>> {
    let mut reading = Reading {
        grid,
        merged: Vec::new(),
        mapping,
        decimals: tender.currency.minor_units(),
        currency: tender.currency.as_str(),
        problems: Vec::new(),
    };
    let Some((header_row, columns)) = reading.header() else { return Err(reading.problems) };

    // Merged cells in the header row or below.
    for region in &grid.merged {
        if region.last_row as usize >= header_row {
            let range = format!(
                "{}{}:{}{}",
                column_name(region.first_col as usize),
                region.first_row.saturating_add(1),
                column_name(region.last_col as usize),
                region.last_row.saturating_add(1)
            );
            let header = columns
                .iter()
                .find(|(_, c, _)| (region.first_col as usize..=region.last_col as usize).contains(c))
                .map_or("", |(_, _, h)| h.as_str());
            reading.problem(
                ProblemKind::MergedCells,
                Some(region.first_row as usize),
                Some((region.first_col as usize, header)).filter(|(_, h)| !h.is_empty()),
                format!("the cells {range} are merged"),
                "unmerge them and give every row its own value".to_owned(),
            );
            reading.merged.push(*region);
        }
    }

    // The table: every row after the header up to the last non-empty one.
    let last = (header_row.saturating_add(1)..grid.rows.len())
        .rev()
        .find(|&r| columns.iter().any(|(_, c, _)| !grid.cell(r, *c).is_empty()));
    let mut prices = Vec::new();
    let mut seen: BTreeMap<BidKey, usize> = BTreeMap::new();
    let Some(last) = last else {
        reading.problem(
            ProblemKind::EmptyRow,
            Some(header_row.saturating_add(1)),
            None,
            "there are no rows of prices below the header row".to_owned(),
            "fill in one row per bid below the headers".to_owned(),
        );
        return Err(reading.problems);
    };
    let column = |field: &Field| columns.iter().find(|(f, _, _)| f == field).map(|(_, c, h)| (*c, h.clone()));
    for row in header_row.saturating_add(1)..=last {
        if columns.iter().all(|(_, c, _)| grid.cell(row, *c).is_empty()) {
            reading.problem(
                ProblemKind::EmptyRow,
                Some(row),
                None,
                "the row is empty, inside the table of prices".to_owned(),
                "delete the empty row; the table must be one block of rows".to_owned(),
            );
            continue;
        }
        // A row with its bid and no price at all is a form not filled in: nothing to import for
        // that bid (a formula without a stored value is not empty, and is reported below).
        let no_price = columns
            .iter()
            .filter(|(f, _, _)| !matches!(f, Field::Bid | Field::Bidder | Field::Lot))
            .all(|(_, c, _)| grid.cell(row, *c).is_empty() && !grid.no_value.contains(&(row, *c)));
        if no_price {
            continue;
        }
        let key = if let Some((c, h)) = column(&Field::Bid) {
            reading.id(row, c, &h).map(BidKey::Bid)
        } else {
            let bidder = column(&Field::Bidder).and_then(|(c, h)| reading.id(row, c, &h));
            let lot = match column(&Field::Lot) {
                Some((c, h)) => reading.id(row, c, &h).map(Some),
                None => Some(None),
            };
            match (bidder, lot) {
                (Some(bidder), Some(lot)) => Some(BidKey::Bidder { bidder, lot }),
                _ => None,
            }
        };
        let required = |reading: &mut Reading<'_>, field: &Field| -> Option<Decimal> {
            let (c, h) = column(field)?;
            if grid.cell(row, c).is_empty() {
                reading.missing(row, c, &h);
                return None;
            }
            reading.amount(row, c, &h)
        };
        // The total may be left empty on a row that gives unit prices or component prices.
        let total = match column(&Field::Total) {
            Some((c, h)) => reading.optional(row, c, &h).ok(),
            None => Some(None),
        };
        let mut schedule_ok = true;
        let schedule = match (column(&Field::OneOff), column(&Field::Recurring)) {
            (Some((oc, _)), Some((rc, _))) if grid.cell(row, oc).is_empty() && grid.cell(row, rc).is_empty() => None,
            (Some(_), Some(_)) => {
                let one_off = required(&mut reading, &Field::OneOff);
                let recurring = required(&mut reading, &Field::Recurring);
                match (one_off, recurring) {
                    (Some(one_off), Some(recurring_per_year)) => Some(PriceSchedule {
                        one_off: Money::new(one_off),
                        recurring_per_year: Money::new(recurring_per_year),
                    }),
                    _ => {
                        schedule_ok = false;
                        None
                    }
                }
            }
            _ => None,
        };
        let mut options = Vec::new();
        let mut options_ok = true;
        for option in &tender.contract.options {
            let Some((c, h)) = column(&Field::Option(option.id.as_str().to_owned())) else { continue };
            if grid.cell(row, c).is_empty() {
                continue;
            }
            match reading.amount(row, c, &h) {
                Some(price) => options.push(OptionPrice { option: option.id.clone(), price: Money::new(price) }),
                None => options_ok = false,
            }
        }
        // Unit prices and component prices: an empty cell gives no price for its line.
        let mut lines_ok = true;
        let mut unit_prices = Vec::new();
        for line in mapping.columns.unit_prices.keys() {
            let Some((c, h)) = column(&Field::UnitPrice(line.clone())) else { continue };
            match reading.optional(row, c, &h) {
                Ok(Some(price)) => {
                    unit_prices.push(UnitPrice { line: Id::from(line.as_str()), price: Money::new(price) })
                }
                Ok(None) => {}
                Err(()) => lines_ok = false,
            }
        }
        let mut components = Vec::new();
        for component in mapping.columns.components.keys() {
            let Some((c, h)) = column(&Field::Component(component.clone())) else { continue };
            match reading.optional(row, c, &h) {
                Ok(Some(price)) => {
                    components
                        .push(ComponentPrice { component: Id::from(component.as_str()), price: Money::new(price) });
                }
                Ok(None) => {}
                Err(()) => lines_ok = false,
            }
        }
        let (Some(key), Some(total)) = (key, total) else { continue };
        if !schedule_ok || !options_ok || !lines_ok {
            continue;
        }
        if total.is_none() && unit_prices.is_empty() && components.is_empty() {
            match column(&Field::Total) {
                Some((c, h)) => reading.missing(row, c, &h),
                None => reading.problem(
                    ProblemKind::MissingValue,
                    Some(row),
                    None,
                    format!("the row gives no price for {key}"),
                    "fill in the unit prices or the component prices".to_owned(),
                ),
            }
            continue;
        }
        if let Some(first) = seen.get(&key) {
            let first = *first;
            reading.problem(
                ProblemKind::DuplicateBid,
                Some(row),
                None,
                format!("{key} is also on row {}", first.saturating_add(1)),
                "keep one row per bid".to_owned(),
            );
            continue;
        }
        seen.insert(key.clone(), row);
        // The amounts a formula computed, read through their stored values.
        let notes = columns
            .iter()
            .filter(|(f, _, _)| !matches!(f, Field::Bid | Field::Bidder | Field::Lot))
            .filter_map(|(_, c, h)| {
                let formula = grid.formulas.get(&(row, *c))?;
                let formula = if formula.starts_with('=') { formula.clone() } else { format!("={formula}") };
                Some(format!(
                    "{}{} ({h}): the formula {formula}; its stored value is used",
                    column_name(*c),
                    row.saturating_add(1)
                ))
            })
            .collect();
        prices.push(ImportedPrice {
            key,
            price: BidPrice { total: total.map(Money::new), schedule, options, unit_prices, components },
            sheet: grid.name.clone(),
            row: u32::try_from(row.saturating_add(1)).unwrap_or(u32::MAX),
            notes,
        });
    }
    if reading.problems.is_empty() { Ok(prices) } else { Err(reading.problems) }
}

/// The rows of a price sheet for `bids` under [`Mapping::for_tender`]: a header row, then one row
/// per bid with its id and amounts as exact decimals (`None` for an empty cell). Writers of CSV
/// or XLSX templates and the round-trip tests use it.
pub fn write_template_rows(tender: &Tender, bids: &[Bid]) -> Vec<Vec<Option<TemplateCell>>> {
    let mapping = Mapping::for_tender(tender);
    let mut header: Vec<Option<TemplateCell>> = vec![
        Some(TemplateCell::Text("Bid".to_owned())),
        Some(TemplateCell::Text("Total".to_owned())),
        Some(TemplateCell::Text("One-off".to_owned())),
        Some(TemplateCell::Text("Recurring per year".to_owned())),
    ];
    for option in &tender.contract.options {
        header.push(Some(TemplateCell::Text(option.id.as_str().to_owned())));
    }
    for header_text in mapping.columns.unit_prices.values().chain(mapping.columns.components.values()) {
        header.push(Some(TemplateCell::Text(header_text.clone())));
    }
    let mut rows = vec![header];
    for bid in bids {
        let mut row = vec![
            Some(TemplateCell::Text(bid.id.as_str().to_owned())),
            bid.price.total.map(|t| TemplateCell::Amount(t.get())),
            bid.price.schedule.as_ref().map(|s| TemplateCell::Amount(s.one_off.get())),
            bid.price.schedule.as_ref().map(|s| TemplateCell::Amount(s.recurring_per_year.get())),
        ];
        for option in &tender.contract.options {
            row.push(
                bid.price.options.iter().find(|o| o.option == option.id).map(|o| TemplateCell::Amount(o.price.get())),
            );
        }
        for line in mapping.columns.unit_prices.keys() {
            row.push(
                bid.price
                    .unit_prices
                    .iter()
                    .find(|u| u.line.as_str() == line)
                    .map(|u| TemplateCell::Amount(u.price.get())),
            );
        }
        for component in mapping.columns.components.keys() {
            row.push(
                bid.price
                    .components
                    .iter()
                    .find(|c| c.component.as_str() == component)
                    .map(|c| TemplateCell::Amount(c.price.get())),
            );
        }
        rows.push(row);
    }
    rows
}

/// A cell of a price sheet template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TemplateCell {
    /// Text: a header or an id.
    Text(String),
    /// An amount.
    Amount(Decimal),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Option<Decimal> {
        Some(parse_decimal(s).expect("decimal"))
    }

    #[test]
    fn text_numbers_are_plain_decimals() {
        assert_eq!(text_number("1234.56", None, None), dec("1234.56"));
        assert_eq!(text_number(" 7300000 ", None, None), dec("7300000"));
        assert_eq!(text_number("-5", None, None), dec("-5"));
        for bad in ["1,234.56", "1e6", ".5", "+5", "12 kr", "", "1.2.3"] {
            assert_eq!(text_number(bad, None, None), None, "{bad}");
        }
    }

    #[test]
    fn declared_separators_group_by_three() {
        let (comma, dot, space) = (Some(','), Some('.'), Some(' '));
        assert_eq!(text_number("7,300,000.50", comma, None), dec("7300000.50"));
        assert_eq!(text_number("7.300.000,50", dot, comma), dec("7300000.50"));
        assert_eq!(text_number("7 300 000,50", space, comma), dec("7300000.50"));
        assert_eq!(text_number("7\u{a0}300\u{a0}000", space, None), dec("7300000"));
        assert_eq!(text_number("7300000", comma, None), dec("7300000"));
        assert_eq!(text_number("-1,000", comma, None), dec("-1000"));
        for bad in ["73,00,000", "7,3000", ",300", "1,000.5.5"] {
            assert_eq!(text_number(bad, comma, None), None, "{bad}");
        }
        // With a decimal comma, a dot is not a decimal point.
        assert_eq!(text_number("12.50", None, comma), None);
    }
}
