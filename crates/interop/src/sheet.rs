//! Reading a CSV file or an XLSX worksheet into a grid of typed cells, with the positions of
//! merged regions, so the import can name every cell it complains about by sheet, row and column.

use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};

use crate::import::ImportError;

/// One cell as the file stores it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Cell {
    /// Nothing, or only spaces.
    Empty,
    /// A binary float (every number in an XLSX file).
    Float(f64),
    /// An integer.
    Int(i64),
    /// Text (every cell of a CSV file).
    Text(String),
    /// A boolean.
    Bool(bool),
    /// A date or time, as text.
    Date(String),
    /// A formula error such as `#DIV/0!`.
    Error(String),
}

impl Cell {
    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }
}

/// A rectangular region of merged cells, 0-based and inclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Region {
    pub(crate) first_row: u32,
    pub(crate) first_col: u32,
    pub(crate) last_row: u32,
    pub(crate) last_col: u32,
}

/// A sheet's cells from A1 (row 0, column 0), with its merged regions.
#[derive(Clone, Debug, Default)]
pub(crate) struct Grid {
    /// The sheet's name, or the CSV file's name.
    pub(crate) name: String,
    pub(crate) rows: Vec<Vec<Cell>>,
    pub(crate) merged: Vec<Region>,
    /// The cells (row, column; 0-based) that hold a formula but no stored value.
    pub(crate) no_value: Vec<(usize, usize)>,
    /// The cells (row, column; 0-based) that hold a formula with a stored value, and the formula.
    pub(crate) formulas: std::collections::BTreeMap<(usize, usize), String>,
}

impl Grid {
    pub(crate) fn cell(&self, row: usize, col: usize) -> &Cell {
        self.rows.get(row).and_then(|r| r.get(col)).unwrap_or(&Cell::Empty)
    }
}

/// The spreadsheet column name of a 0-based column index: 0 → `A`, 26 → `AA`.
pub(crate) fn column_name(index: usize) -> String {
    let mut n = index.saturating_add(1);
    let mut name = Vec::new();
    while n > 0 {
        // `n > 0`, so `n - 1` and the letter (`A` + 0..=25) cannot overflow.
        let rem = n.saturating_sub(1) % 26;
        name.push(b'A'.saturating_add(u8::try_from(rem).unwrap_or(0)));
        n = n.saturating_sub(1) / 26;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// Reads a CSV file: every cell is text.
pub(crate) fn read_csv(path: &Path, delimiter: u8) -> Result<Grid, ImportError> {
    let io = |source| ImportError::Io { path: path.to_owned(), source };
    let bytes = std::fs::read(path).map_err(io)?;
    let text = String::from_utf8(bytes).map_err(|_| ImportError::File {
        path: path.to_owned(),
        message: "the file is not UTF-8 text; save the CSV file as UTF-8".to_owned(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::File {
            path: path.to_owned(),
            message: format!("not a readable CSV file: {e}"),
        })?;
        rows.push(
            record.iter().map(|s| if s.trim().is_empty() { Cell::Empty } else { Cell::Text(s.to_owned()) }).collect(),
        );
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    Ok(Grid { name, rows, ..Grid::default() })
}

/// Reads one worksheet of an XLSX workbook (the named one, else the first), with its merged
/// regions.
pub(crate) fn read_xlsx(path: &Path, sheet: Option<&str>) -> Result<Grid, ImportError> {
    let file = |e: calamine::XlsxError| ImportError::File {
        path: path.to_owned(),
        message: format!("not a readable XLSX workbook: {e}"),
    };
    let mut workbook: Xlsx<_> = open_workbook(path).map_err(file)?;
    let names = workbook.sheet_names();
    let name =
        match sheet {
            Some(wanted) => names.iter().find(|n| n.as_str() == wanted).cloned().ok_or_else(|| {
                ImportError::NoSheet { path: path.to_owned(), sheet: wanted.to_owned(), available: names.clone() }
            })?,
            None => names.first().cloned().ok_or_else(|| ImportError::File {
                path: path.to_owned(),
                message: "the workbook has no worksheet".to_owned(),
            })?,
        };
    let range = workbook.worksheet_range(&name).map_err(file)?;
    let merged = workbook
        .merge_cells_by_sheet_name(&name)
        .map_err(file)?
        .into_iter()
        .map(|d| Region { first_row: d.start.0, first_col: d.start.1, last_row: d.end.0, last_col: d.end.1 })
        .collect();
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    if let Some((top, left)) = range.start() {
        let (top, left) = (top as usize, left as usize);
        rows.resize(top, Vec::new());
        for row in range.rows() {
            let mut cells = vec![Cell::Empty; left];
            cells.extend(row.iter().map(cell));
            rows.push(cells);
        }
    }
    let mut grid = Grid { name, rows, merged, ..Grid::default() };
    let formulas = workbook.worksheet_formula(&grid.name).map_err(file)?;
    let (top, left) = formulas.start().unwrap_or((0, 0));
    for (row, col, formula) in formulas.used_cells() {
        let (r, c) = ((top as usize).saturating_add(row), (left as usize).saturating_add(col));
        if formula.is_empty() {
            continue;
        }
        if grid.cell(r, c).is_empty() {
            grid.no_value.push((r, c));
        } else {
            grid.formulas.insert((r, c), formula.clone());
        }
    }
    Ok(grid)
}

/// Every worksheet of an XLSX workbook, in order.
pub(crate) fn read_xlsx_all(path: &Path) -> Result<Vec<Grid>, ImportError> {
    let workbook: Xlsx<_> = open_workbook(path).map_err(|e: calamine::XlsxError| ImportError::File {
        path: path.to_owned(),
        message: format!("not a readable XLSX workbook: {e}"),
    })?;
    workbook.sheet_names().iter().map(|name| read_xlsx(path, Some(name))).collect()
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::Float(f) => Cell::Float(*f),
        Data::Int(i) => Cell::Int(*i),
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(d) => Cell::Date(excel_date(d.as_f64())),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Date(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// A date serial of the 1900 date system as a calendar date (serial 61 and later; Excel counts
/// a 29 February 1900 that did not exist), else the serial itself.
fn excel_date(serial: f64) -> String {
    let days = serial.floor();
    if (61.0..2_958_466.0).contains(&days) {
        // Whole days below 3 million: exact in i64.
        #[allow(clippy::cast_possible_truncation)] // range checked above
        let days = days as i64;
        if let Ok(date) = jiff::civil::date(1899, 12, 30).checked_add(jiff::Span::new().days(days)) {
            return if serial.fract() == 0.0 { date.to_string() } else { format!("{date} (with a time)") };
        }
    }
    format!("serial {serial}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_dates() {
        assert_eq!(excel_date(46037.0), "2026-01-15");
        assert_eq!(excel_date(61.0), "1900-03-01");
        assert_eq!(excel_date(1.5), "serial 1.5");
    }

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }
}
