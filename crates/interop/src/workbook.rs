//! The evaluation workbook (`tender evaluate --format xlsx`): the ranking, the inputs, and every
//! figure as a live Excel formula over the inputs, so an auditor who changes a mark sees the
//! figures move.
//!
//! Sheets, named in the report's language (Danish or English; other languages get English):
//!
//! * per lot, **the ranking** as published: the columns of [`crate::ranking`]; its price, quality,
//!   price points and comparison figure are formulas that read the lot's calculation sheet;
//! * **prices**: each bid's evaluated price per lot (the exact amount the price model uses);
//! * **marks**: every evaluator's mark per bid and criterion (sub-criterion), and the
//!   committee's consensus mark where one is recorded;
//! * per lot, **the calculation**: per bid the aggregated mark of each quality criterion
//!   (`AVERAGE`, `MEDIAN` or the consensus cell), its ratio of the scale, its points, the quality
//!   points, the lowest and highest price, the price ratio by the lot's price model, the price
//!   points, and the comparison figure; each rounded where the tender's rounding policy says, by
//!   the `ROUND` function of its strategy (half up `ROUND`, up `ROUNDUP`, down `ROUNDDOWN`, half
//!   even and half down by a formula that tests for an exact half).
//!
//! Every formula cell carries the engine's figure as its cached value: a published figure (the
//! "published" columns) is the engine's rounded value exactly; an unrounded one (the
//! sovereignty-free arithmetic in between) is the engine's exact rational to 15 significant
//! digits, which is what a spreadsheet's binary float can hold. Where a figure cannot be written
//! as a formula (a sovereignty score from the self-assessment, a reference price the sheet's rows
//! do not reproduce) its value is written instead and the row's note says so.
//!
//! Text from bidders and buyers is written as string cells, never as formulas, whatever it
//! starts with. The workbook carries no clock time (its creation date is fixed), so the same
//! evaluation gives the same bytes.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{Format, Formula, Workbook, Worksheet, XlsxError};
use tender_core::award::{AdjustMode, AwardModel, PriceModel, RoundingPolicy, RoundingStep, RoundingStrategy};
use tender_core::{Language, Tender};
use tender_score::result::{BidResult, Comparison, Marks, ScoreBasis};
use tender_score::{Evaluation, Exact, LotEvaluation};

use crate::error::ExportError;
use crate::ranking::{self, RankingRow};

/// The words of the workbook in one language.
struct Labels {
    ranking: &'static str,
    calculation: &'static str,
    prices: &'static str,
    marks: &'static str,
    lot: &'static str,
    rank: &'static str,
    bid: &'static str,
    bidder: &'static str,
    bidder_name: &'static str,
    status: &'static str,
    awarded: &'static str,
    currency: &'static str,
    price: &'static str,
    quality: &'static str,
    quality_percent: &'static str,
    price_points: &'static str,
    comparison: &'static str,
    total: &'static str,
    criterion: &'static str,
    evaluator: &'static str,
    mark: &'static str,
    consensus: &'static str,
    score: &'static str,
    ratio: &'static str,
    points: &'static str,
    published: &'static str,
    lowest: &'static str,
    highest: &'static str,
    note: &'static str,
    sovereignty_value: &'static str,
    /// A measured criterion's score, from the value the bid states (issue 18).
    measured_value: &'static str,
    reference_value: &'static str,
    relative_total_value: &'static str,
    /// Under `relative_total`: the totals are written as values.
    relative_points_value: &'static str,
    price_criteria_value: &'static str,
    not_scored: &'static str,
}

const EN: Labels = Labels {
    ranking: "Ranking",
    calculation: "Calculation",
    prices: "Prices",
    marks: "Marks",
    lot: "Lot",
    rank: "Rank",
    bid: "Bid",
    bidder: "Bidder",
    bidder_name: "Bidder name",
    status: "Status",
    awarded: "Awarded",
    currency: "Currency",
    price: "Evaluated price",
    quality: "Quality points",
    quality_percent: "Quality %",
    price_points: "Price points",
    comparison: "Compared on",
    total: "Comparison figure",
    criterion: "Criterion",
    evaluator: "Evaluator",
    mark: "Mark",
    consensus: "(consensus)",
    score: "score",
    ratio: "ratio",
    points: "points",
    published: "published",
    lowest: "Lowest price",
    highest: "Highest price",
    note: "Note",
    sovereignty_value: "the sovereignty score comes from the bid's self-assessment: written as a value, not a formula",
    measured_value: "a measurable criterion's score comes from the value the bid offers and the tender's rule (the specification and the evaluation report show the computation): written as a value, not a formula",
    reference_value: "the lowest and highest price are the engine's reference prices, written as values: the rows above do not reproduce them",
    relative_total_value: "quality is relative to the best bid's quality total: the quality points are written as values (the report shows the derivation)",
    relative_points_value: "the total points are relative to the best bid's total: the totals are written as values (the report shows the derivation)",
    price_criteria_value: "several price criteria score parts of the price: the price points are written as values (the report shows each criterion's derivation)",
    not_scored: "not scored",
};

const DA: Labels = Labels {
    ranking: "Rangfølge",
    calculation: "Beregning",
    prices: "Priser",
    marks: "Karakterer",
    lot: "Delkontrakt",
    rank: "Placering",
    bid: "Tilbud",
    bidder: "Tilbudsgiver",
    bidder_name: "Tilbudsgivers navn",
    status: "Status",
    awarded: "Tildelt",
    currency: "Valuta",
    price: "Evalueret pris",
    quality: "Kvalitetspoint",
    quality_percent: "Kvalitet %",
    price_points: "Prispoint",
    comparison: "Sammenlignes på",
    total: "Sammenligningstal",
    criterion: "Kriterium",
    evaluator: "Evaluator",
    mark: "Karakter",
    consensus: "(konsensus)",
    score: "karakter",
    ratio: "andel",
    points: "point",
    published: "offentliggjort",
    lowest: "Laveste pris",
    highest: "Højeste pris",
    note: "Bemærkning",
    sovereignty_value: "suverænitetsscoren kommer fra tilbuddets selvevaluering: skrevet som værdi, ikke formel",
    measured_value: "et målbart kriteriums karakter kommer fra den tilbudte værdi og udbuddets regel (kravspecifikationen og evalueringsrapporten viser beregningen): skrevet som værdi, ikke formel",
    reference_value: "laveste og højeste pris er motorens referencepriser, skrevet som værdier: rækkerne ovenfor giver dem ikke",
    relative_total_value: "kvaliteten er relativ til det bedste tilbuds samlede kvalitetspoint: kvalitetspointene er skrevet som værdier (rapporten viser beregningen)",
    relative_points_value: "den samlede pointsum er relativ til det bedste tilbuds samlede pointsum: pointsummerne er skrevet som værdier (rapporten viser beregningen)",
    price_criteria_value: "flere priskriterier evaluerer hver sin del af prisen: prispointene er skrevet som værdier (rapporten viser hvert kriteriums beregning)",
    not_scored: "ikke bedømt",
};

fn labels(lang: &Language) -> &'static Labels {
    if lang.as_str() == "da" { &DA } else { &EN }
}

/// A sheet name Excel accepts: none of `[]:*?/\`, at most 31 characters.
fn sheet_name(prefix: &str, lot: &str) -> String {
    let name: String = format!("{prefix} {lot}")
        .chars()
        .map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') { '_' } else { c })
        .take(31)
        .collect();
    name
}

/// `'Sheet'!` for a reference to another sheet.
fn sheet_ref(name: &str) -> String {
    format!("'{}'!", name.replace('\'', "''"))
}

/// An `A1` reference.
fn cell(row: u32, col: u16) -> String {
    rust_xlsxwriter::utility::row_col_to_cell(row, col)
}

/// An `$A$1` reference.
fn abs_cell(row: u32, col: u16) -> String {
    rust_xlsxwriter::utility::row_col_to_cell_absolute(row, col)
}

/// `expr` rounded to `d` decimals by `strategy`, as an Excel formula.
///
/// A spreadsheet computes in binary floats, where `15 × 13/30` is 6.4999999999999991, not 6.5; so
/// the figure is first rounded to six more decimals than are published, which puts an exact half
/// back on the half before the strategy decides it. (The engine's figures are exact; a true value
/// within a millionth of a published digit's half, which marks and prices do not give, would be
/// decided as a half here.)
fn round(expr: &str, d: u32, strategy: RoundingStrategy) -> String {
    let x = format!("ROUND({expr},{})", d.saturating_add(6));
    match strategy {
        RoundingStrategy::HalfUp => format!("ROUND({x},{d})"),
        RoundingStrategy::Up => format!("ROUNDUP({x},{d})"),
        RoundingStrategy::Down => format!("ROUNDDOWN({x},{d})"),
        // An exact half goes to the even neighbour, or towards zero; anything else rounds to the
        // nearest.
        RoundingStrategy::HalfEven => format!(
            "IF(MOD(ABS({x})*10^{d},1)=0.5,SIGN({x})*(TRUNC(ABS({x})*10^{d})+ISODD(TRUNC(ABS({x})*10^{d})))/10^{d},ROUND({x},{d}))"
        ),
        RoundingStrategy::HalfDown => {
            format!("IF(MOD(ABS({x})*10^{d},1)=0.5,ROUNDDOWN({x},{d}),ROUND({x},{d}))")
        }
    }
}

/// `expr`, rounded when the policy rounds at `step` (its `at`, or one of its `steps`).
fn round_at(expr: &str, policy: RoundingPolicy, step: RoundingStep) -> String {
    round_rule(expr, policy.rule(step))
}

/// `expr`, rounded by a step's rule where there is one.
fn round_rule(expr: &str, rule: Option<(u32, RoundingStrategy)>) -> String {
    match rule {
        Some((d, strategy)) => round(expr, d, strategy),
        None => expr.to_owned(),
    }
}

/// A number format with `d` decimals, grouped in thousands when `grouped`.
fn number_format(d: u32, grouped: bool) -> Format {
    let base = if grouped { "#,##0" } else { "0" };
    let format =
        if d == 0 { base.to_owned() } else { format!("{base}.{}", "0".repeat(usize::try_from(d).unwrap_or(0))) };
    Format::new().set_num_format(format)
}

/// A decimal as a spreadsheet number: the one conversion to binary float, in this output only.
fn float(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(f64::NAN)
}

/// The cached value of an unrounded figure: the exact rational to 15 significant digits.
fn approx(value: Exact) -> String {
    value.approx(15).normalize().to_string()
}

fn xlsx(e: XlsxError) -> ExportError {
    ExportError::Table { format: "XLSX", message: e.to_string() }
}

/// Where a bid's price and marks are on the input sheets.
#[derive(Default)]
struct InputCells {
    /// The price cell on the prices sheet, per (lot, bid).
    prices: Vec<((String, String), String)>,
    /// Per (lot, bid, leaf criterion): the marks' range and the consensus cell, on the marks sheet.
    marks: Vec<((String, String, String), MarkCells)>,
}

struct MarkCells {
    range: Option<String>,
    consensus: Option<String>,
}

impl InputCells {
    fn price(&self, lot: &str, bid: &str) -> Option<&str> {
        self.prices.iter().find(|((l, b), _)| l == lot && b == bid).map(|(_, c)| c.as_str())
    }
    fn marks(&self, lot: &str, bid: &str, leaf: &str) -> Option<&MarkCells> {
        self.marks.iter().find(|((l, b, c), _)| l == lot && b == bid && c == leaf).map(|(_, m)| m)
    }
}

/// The evaluation workbook of `evaluation`, with its words in `lang`, as XLSX bytes.
///
/// # Errors
///
/// [`ExportError::Table`] if the XLSX writer fails (it writes to memory, so only on a bug).
pub fn evaluation_workbook(tender: &Tender, evaluation: &Evaluation, lang: &Language) -> Result<Vec<u8>, ExportError> {
    let words = labels(lang);
    let mut book = Workbook::new();
    // A fixed creation date instead of the clock: the same evaluation gives the same bytes.
    let created = rust_xlsxwriter::ExcelDateTime::from_ymd(2000, 1, 1).map_err(xlsx)?;
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new()
            .set_title(format!("{} {}", words.ranking, tender.id))
            .set_creation_datetime(&created),
    );
    let bold = Format::new().set_bold();
    let money = number_format(tender.currency.minor_units(), true);

    // The input sheets first (in memory; they are added after the ranking sheets).
    let prices_name = words.prices.to_owned();
    let marks_name = words.marks.to_owned();
    let mut prices = Worksheet::new();
    prices.set_name(&prices_name).map_err(xlsx)?;
    let mut marks = Worksheet::new();
    marks.set_name(&marks_name).map_err(xlsx)?;
    let mut inputs = InputCells::default();
    for (col, h) in [words.lot, words.bid, words.bidder, words.bidder_name, words.price].iter().enumerate() {
        prices.write_string_with_format(0, u16::try_from(col).unwrap_or(0), *h, &bold).map_err(xlsx)?;
    }
    for (col, h) in
        [words.lot, words.bid, words.bidder_name, words.criterion, words.evaluator, words.mark].iter().enumerate()
    {
        marks.write_string_with_format(0, u16::try_from(col).unwrap_or(0), *h, &bold).map_err(xlsx)?;
    }
    let (mut price_row, mut mark_row) = (1_u32, 1_u32);
    for lot in &evaluation.lots {
        for b in &lot.bids {
            if let Some(p) = &b.price {
                prices.write_string(price_row, 0, lot.lot.as_str()).map_err(xlsx)?;
                prices.write_string(price_row, 1, b.bid.as_str()).map_err(xlsx)?;
                prices.write_string(price_row, 2, b.bidder.as_str()).map_err(xlsx)?;
                prices.write_string(price_row, 3, &b.bidder_name).map_err(xlsx)?;
                prices
                    .write_number_with_format(price_row, 4, float(p.evaluated.exact.approx(15)), &money)
                    .map_err(xlsx)?;
                inputs.prices.push((
                    (lot.lot.to_string(), b.bid.to_string()),
                    format!("{}{}", sheet_ref(&prices_name), abs_cell(price_row, 4)),
                ));
                price_row = price_row.saturating_add(1);
            }
            for c in &b.criteria {
                let leaves: Vec<(&str, &Marks)> = match &c.basis {
                    ScoreBasis::Marks(m) => vec![(c.criterion.as_str(), m)],
                    ScoreBasis::SubCriteria { subs } => subs.iter().map(|s| (s.criterion.as_str(), &s.marks)).collect(),
                    _ => Vec::new(),
                };
                for (leaf, m) in leaves {
                    let first = mark_row;
                    let mut rows = |evaluator: &str, value: Decimal, row: u32| -> Result<(), ExportError> {
                        marks.write_string(row, 0, lot.lot.as_str()).map_err(xlsx)?;
                        marks.write_string(row, 1, b.bid.as_str()).map_err(xlsx)?;
                        marks.write_string(row, 2, &b.bidder_name).map_err(xlsx)?;
                        marks.write_string(row, 3, leaf).map_err(xlsx)?;
                        marks.write_string(row, 4, evaluator).map_err(xlsx)?;
                        marks.write_number(row, 5, float(value)).map_err(xlsx)?;
                        Ok(())
                    };
                    for mark in &m.marks {
                        rows(mark.evaluator.as_str(), mark.score, mark_row)?;
                        mark_row = mark_row.saturating_add(1);
                    }
                    let range = (mark_row > first).then(|| {
                        format!(
                            "{}{}:{}",
                            sheet_ref(&marks_name),
                            abs_cell(first, 5),
                            abs_cell(mark_row.saturating_sub(1), 5)
                        )
                    });
                    let consensus = match m.consensus {
                        Some(value) => {
                            rows(words.consensus, value, mark_row)?;
                            let at = format!("{}{}", sheet_ref(&marks_name), abs_cell(mark_row, 5));
                            mark_row = mark_row.saturating_add(1);
                            Some(at)
                        }
                        None => None,
                    };
                    inputs.marks.push((
                        (lot.lot.to_string(), b.bid.to_string(), leaf.to_owned()),
                        MarkCells { range, consensus },
                    ));
                }
            }
        }
    }
    for sheet in [&mut prices, &mut marks] {
        sheet.set_freeze_panes(1, 0).map_err(xlsx)?;
        sheet.autofit();
    }

    // Per lot: the calculation, then the ranking that reads it.
    let mut sheets = Vec::new();
    for lot in &evaluation.lots {
        let Some(model) = tender.lot(&lot.lot) else { continue };
        let calc_name = sheet_name(words.calculation, lot.lot.as_str());
        let (calc, figures) = calculation(tender, &model.award, lot, &calc_name, &inputs, words)?;
        let rank = ranking_sheet(tender, evaluation, lot, &figures, words)?;
        sheets.push((rank, calc));
    }
    let mut calcs = Vec::new();
    for (rank, calc) in sheets {
        book.push_worksheet(rank);
        calcs.push(calc);
    }
    book.push_worksheet(prices);
    book.push_worksheet(marks);
    for calc in calcs {
        book.push_worksheet(calc);
    }
    book.save_to_buffer().map_err(xlsx)
}

/// Where the calculation sheet holds each bid's published figures (a reference, or a formula of
/// one), for the ranking sheet.
struct FigureCells {
    bid: String,
    price: Option<String>,
    quality: Option<String>,
    price_points: Option<String>,
    total: Option<String>,
}

/// The per-lot ranking sheet: the published ranking, its figures read from the calculation sheet.
fn ranking_sheet(
    tender: &Tender,
    evaluation: &Evaluation,
    lot: &LotEvaluation,
    figures: &[FigureCells],
    words: &Labels,
) -> Result<Worksheet, ExportError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(sheet_name(words.ranking, lot.lot.as_str())).map_err(xlsx)?;
    let bold = Format::new().set_bold();
    let d = number_format(lot.decimals, false);
    let money = number_format(tender.currency.minor_units(), true);
    let header = [
        words.lot,
        words.rank,
        words.bid,
        words.bidder,
        words.bidder_name,
        words.status,
        words.awarded,
        words.currency,
        words.price,
        words.quality,
        words.quality_percent,
        words.price_points,
        words.comparison,
        words.total,
    ];
    for (col, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, u16::try_from(col).unwrap_or(0), *h, &bold).map_err(xlsx)?;
    }
    let rows: Vec<RankingRow> =
        ranking::ranking_rows(tender, evaluation).into_iter().filter(|r| r.lot == lot.lot.as_str()).collect();
    let mut row = 1_u32;
    for r in &rows {
        let at = figures.iter().find(|f| f.bid == r.bid);
        sheet.write_string(row, 0, &r.lot).map_err(xlsx)?;
        if let Some(rank) = r.rank {
            sheet.write_number(row, 1, f64::from(rank)).map_err(xlsx)?;
        }
        sheet.write_string(row, 2, &r.bid).map_err(xlsx)?;
        sheet.write_string(row, 3, &r.bidder).map_err(xlsx)?;
        sheet.write_string(row, 4, &r.bidder_name).map_err(xlsx)?;
        sheet.write_string(row, 5, r.status).map_err(xlsx)?;
        sheet.write_string(row, 6, r.awarded).map_err(xlsx)?;
        sheet.write_string(row, 7, &r.currency).map_err(xlsx)?;
        let linked = [
            (8, r.price, at.and_then(|f| f.price.as_deref()), &money),
            (9, r.quality_points, at.and_then(|f| f.quality.as_deref()), &d),
            (11, r.price_points, at.and_then(|f| f.price_points.as_deref()), &d),
            (13, r.total, at.and_then(|f| f.total.as_deref()), &d),
        ];
        for (col, value, source, format) in linked {
            match (value, source) {
                (Some(v), Some(source)) => {
                    let formula = Formula::new(format!("={source}")).set_result(v.to_string());
                    sheet.write_formula_with_format(row, col, formula, format).map_err(xlsx)?;
                }
                (Some(v), None) => {
                    sheet.write_number_with_format(row, col, float(v), format).map_err(xlsx)?;
                }
                _ => {}
            }
        }
        if let Some(q) = r.quality_percent {
            sheet.write_number_with_format(row, 10, float(q), &d).map_err(xlsx)?;
        }
        sheet.write_string(row, 12, r.comparison).map_err(xlsx)?;
        row = row.saturating_add(1);
    }
    sheet.set_freeze_panes(1, 0).map_err(xlsx)?;
    sheet.autofit();
    Ok(sheet)
}

/// The calculation sheet of a lot, and where each bid's published figures are on it.
fn calculation(
    tender: &Tender,
    award: &AwardModel,
    lot: &LotEvaluation,
    name: &str,
    inputs: &InputCells,
    words: &Labels,
) -> Result<(Worksheet, Vec<FigureCells>), ExportError> {
    let mut sheet = Worksheet::new();
    sheet.set_name(name).map_err(xlsx)?;
    let own = |row: u32, col: u16| format!("{}{}", sheet_ref(name), abs_cell(row, col));
    let bold = Format::new().set_bold();
    let policy = award.rounding;
    let d = policy.decimals;
    let published = number_format(d, false);
    let money = number_format(tender.currency.minor_units(), true);
    let fine = Format::new().set_num_format("0.000000");
    let quality: Vec<_> = award.quality_criteria().collect();
    let price_criterion = award.price_criterion();
    let points_model = lot.comparison == Comparison::HighestTotal
        && !matches!(
            award.price_model,
            PriceModel::PricePerQualityPoint { .. }
                | PriceModel::ValueAdded { .. }
                | PriceModel::PercentAdjustment { .. }
        );

    // Columns: bid, bidder, then per quality criterion score, ratio, points, points (published),
    // quality points and published, price and, for a points model, price ratio, price points and
    // published, then the comparison figure and published, and a note.
    let mut header: Vec<String> = vec![words.bid.into(), words.bidder_name.into()];
    let first_criterion_col = 2_u16;
    for c in &quality {
        for what in [words.score, words.ratio, words.points] {
            header.push(format!("{} {what}", c.id));
        }
        header.push(format!("{} {} ({})", c.id, words.points, words.published));
    }
    let criterion_cols = u16::try_from(quality.len().saturating_mul(4)).unwrap_or(u16::MAX);
    let q_col = first_criterion_col.saturating_add(criterion_cols);
    header.push(words.quality.into());
    header.push(format!("{} ({})", words.quality, words.published));
    let price_col = q_col.saturating_add(2);
    header.push(words.price.into());
    let mut col = price_col.saturating_add(1);
    let (ratio_col, points_col) = if points_model && price_criterion.is_some() {
        header.push(format!("{} {}", words.price, words.ratio));
        header.push(words.price_points.into());
        header.push(format!("{} ({})", words.price_points, words.published));
        let at = (col, col.saturating_add(1));
        col = col.saturating_add(3);
        (Some(at.0), Some(at.1))
    } else {
        (None, None)
    };
    let total_col = col;
    header.push(words.total.into());
    header.push(format!("{} ({})", words.total, words.published));
    let note_col = total_col.saturating_add(2);
    header.push(words.note.into());
    for (i, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, u16::try_from(i).unwrap_or(u16::MAX), h, &bold).map_err(xlsx)?;
    }

    // Bids whose price sets the reference (those with price points) first, so MIN and MAX read
    // one range; then the other scored bids.
    let scored: Vec<&BidResult> = lot.bids.iter().filter(|b| !b.criteria.is_empty() || b.price.is_some()).collect();
    let (in_play, others): (Vec<&BidResult>, Vec<&BidResult>) =
        scored.iter().partition(|b| b.price.as_ref().is_some_and(|p| p.points.is_some()));
    let ordered: Vec<&BidResult> = in_play.iter().chain(others.iter()).copied().collect();
    let first_row = 1_u32;
    let in_play_rows = u32::try_from(in_play.len()).unwrap_or(0);
    let reference_row = first_row.saturating_add(u32::try_from(ordered.len()).unwrap_or(0)).saturating_add(1);

    // The reference prices: MIN and MAX over the in-play rows, if they reproduce the engine's.
    let (lowest_ref, highest_ref) = if let (Some(_), Some(lowest), Some(highest)) =
        (ratio_col, lot.lowest_price, lot.highest_price)
    {
        let in_play_prices: Vec<Exact> =
            in_play.iter().filter_map(|b| b.price.as_ref().map(|p| p.evaluated.exact)).collect();
        let reproduced = in_play_prices.iter().min() == Some(&lowest) && in_play_prices.iter().max() == Some(&highest);
        sheet.write_string_with_format(reference_row, 0, words.lowest, &bold).map_err(xlsx)?;
        sheet.write_string_with_format(reference_row.saturating_add(1), 0, words.highest, &bold).map_err(xlsx)?;
        if reproduced && in_play_rows > 0 {
            let range = format!("{}:{}", abs_cell(first_row, price_col), abs_cell(in_play_rows, price_col));
            let lo = Formula::new(format!("=MIN({range})")).set_result(approx(lowest));
            let hi = Formula::new(format!("=MAX({range})")).set_result(approx(highest));
            sheet.write_formula_with_format(reference_row, price_col, lo, &money).map_err(xlsx)?;
            sheet.write_formula_with_format(reference_row.saturating_add(1), price_col, hi, &money).map_err(xlsx)?;
        } else {
            sheet.write_number_with_format(reference_row, price_col, float(lowest.approx(15)), &money).map_err(xlsx)?;
            sheet
                .write_number_with_format(reference_row.saturating_add(1), price_col, float(highest.approx(15)), &money)
                .map_err(xlsx)?;
            sheet.write_string(reference_row, note_col, words.reference_value).map_err(xlsx)?;
        }
        (Some(abs_cell(reference_row, price_col)), Some(abs_cell(reference_row.saturating_add(1), price_col)))
    } else {
        (None, None)
    };

    // Under quality relative to the best bid per criterion: the score cells of the rows the engine
    // made relative (the bids in play), per criterion.
    let mut best_cells: std::collections::BTreeMap<&tender_core::Id, Vec<String>> = std::collections::BTreeMap::new();
    for (k, b) in ordered.iter().enumerate() {
        let r_row = first_row.saturating_add(u32::try_from(k).unwrap_or(u32::MAX));
        for (j, c) in quality.iter().enumerate() {
            if b.criteria.iter().any(|r| r.criterion == c.id && r.best.is_some()) {
                let score_col =
                    first_criterion_col.saturating_add(u16::try_from(j.saturating_mul(4)).unwrap_or(u16::MAX));
                best_cells.entry(&c.id).or_default().push(cell(r_row, score_col));
            }
        }
    }
    let mut figures = Vec::new();
    let mut row = first_row;
    for b in ordered {
        let mut notes: Vec<&str> = Vec::new();
        sheet.write_string(row, 0, b.bid.as_str()).map_err(xlsx)?;
        sheet.write_string(row, 1, &b.bidder_name).map_err(xlsx)?;
        let mut fig =
            FigureCells { bid: b.bid.to_string(), price: None, quality: None, price_points: None, total: None };
        // Quality criteria.
        let mut point_cells = Vec::new();
        let mut ratio_cells = Vec::new();
        let mut col = first_criterion_col;
        for c in &quality {
            let (score_col, ratio_c, points_c, pub_c) =
                (col, col.saturating_add(1), col.saturating_add(2), col.saturating_add(3));
            col = col.saturating_add(4);
            let Some(r) = b.criteria.iter().find(|r| r.criterion == c.id) else { continue };
            let max = award.scale_of(c).max.get();
            let weight = exact_formula(r.weight);
            // The aggregated mark.
            let score_formula = match &r.basis {
                ScoreBasis::Marks(m) => {
                    aggregate(inputs.marks(lot.lot.as_str(), b.bid.as_str(), r.criterion.as_str()), m)
                }
                ScoreBasis::SubCriteria { subs } => {
                    let parts: Option<Vec<String>> = subs
                        .iter()
                        .map(|s| {
                            aggregate(inputs.marks(lot.lot.as_str(), b.bid.as_str(), s.criterion.as_str()), &s.marks)
                                .map(|agg| format!("{}/100*({agg})/{}", s.weight, s.marks.scale_max))
                        })
                        .collect();
                    parts.map(|p| format!("{max}*({})", p.join("+")))
                }
                _ => None,
            };
            // Rounded at the aggregate (a leaf's marks) and at the grade, where the policy says.
            let score_formula = score_formula.map(|f| {
                let f = if matches!(r.basis, ScoreBasis::Marks(_)) {
                    round_at(&f, policy, RoundingStep::Aggregate)
                } else {
                    f
                };
                round_at(&f, policy, RoundingStep::Grade)
            });
            match score_formula {
                Some(f) => {
                    let formula = Formula::new(format!("={f}")).set_result(approx(r.score));
                    sheet.write_formula_with_format(row, score_col, formula, &fine).map_err(xlsx)?;
                }
                None => {
                    sheet.write_number_with_format(row, score_col, float(r.score.approx(15)), &fine).map_err(xlsx)?;
                    notes.push(if matches!(r.basis, ScoreBasis::Measured(_)) {
                        words.measured_value
                    } else {
                        words.sovereignty_value
                    });
                }
            }
            // The ratio: the score over the scale's maximum (the sovereignty score is in percent).
            let over = if matches!(r.basis, ScoreBasis::Sovereignty { .. }) { Decimal::ONE_HUNDRED } else { max };
            // Relative to the best compliant bid: the score over the best score among the rows
            // the engine made relative.
            let share = match (r.best, best_cells.get(&c.id)) {
                (Some(_), Some(list)) if !list.is_empty() => {
                    let best = format!("MAX({})", list.join(","));
                    format!("IF({best}>0,{}/{best},0)", cell(row, score_col))
                }
                _ => format!("{}/{over}", cell(row, score_col)),
            };
            let ratio = round_at(&share, policy, RoundingStep::Ratio);
            sheet
                .write_formula_with_format(
                    row,
                    ratio_c,
                    Formula::new(format!("={ratio}")).set_result(approx(r.ratio)),
                    &fine,
                )
                .map_err(xlsx)?;
            let points = round_at(&format!("{weight}*{}", cell(row, ratio_c)), policy, RoundingStep::Criterion);
            sheet
                .write_formula_with_format(
                    row,
                    points_c,
                    Formula::new(format!("={points}")).set_result(approx(r.points.exact)),
                    &fine,
                )
                .map_err(xlsx)?;
            let shown = round(&cell(row, points_c), d, policy.strategy);
            sheet
                .write_formula_with_format(
                    row,
                    pub_c,
                    Formula::new(format!("={shown}")).set_result(r.points.value.to_string()),
                    &published,
                )
                .map_err(xlsx)?;
            point_cells.push(cell(row, points_c));
            ratio_cells.push((c, cell(row, ratio_c)));
        }
        // Quality points.
        if let (Some(q), false) = (b.quality, point_cells.is_empty()) {
            if b.quality_relative.is_some() {
                sheet.write_number_with_format(row, q_col, float(q.exact.approx(15)), &fine).map_err(xlsx)?;
                notes.push(words.relative_total_value);
            } else {
                let sum = round_at(&format!("SUM({})", point_cells.join(",")), policy, RoundingStep::Quality);
                let exact = approx(q.exact);
                sheet
                    .write_formula_with_format(row, q_col, Formula::new(format!("={sum}")).set_result(exact), &fine)
                    .map_err(xlsx)?;
            }
            let shown = round(&cell(row, q_col), d, policy.strategy);
            sheet
                .write_formula_with_format(
                    row,
                    q_col.saturating_add(1),
                    Formula::new(format!("={shown}")).set_result(q.value.to_string()),
                    &published,
                )
                .map_err(xlsx)?;
            fig.quality = Some(own(row, q_col.saturating_add(1)));
        }
        // Price.
        let price_input = inputs.price(lot.lot.as_str(), b.bid.as_str());
        if let (Some(p), Some(input)) = (&b.price, price_input) {
            sheet
                .write_formula_with_format(
                    row,
                    price_col,
                    Formula::new(format!("={input}")).set_result(approx(p.evaluated.exact)),
                    &money,
                )
                .map_err(xlsx)?;
            // Published with the currency's minor units, by the policy's strategy, as the engine does.
            fig.price = Some(round(&own(row, price_col), tender.currency.minor_units(), policy.strategy));
            if let (Some(rc), Some(pc), Some(criterion), Some(ratio), Some(points)) =
                (ratio_col, points_col, price_criterion, p.ratio, p.points)
            {
                let price = cell(row, price_col);
                let weight = tender_score::weights::effective(award, criterion).unwrap_or(Exact::ZERO);
                let share =
                    price_share(&award.price_model, &price, lowest_ref.as_deref(), highest_ref.as_deref(), weight);
                match share {
                    Some(share) => {
                        let share = round_at(&share, policy, RoundingStep::Ratio);
                        sheet
                            .write_formula_with_format(
                                row,
                                rc,
                                Formula::new(format!("={share}")).set_result(approx(ratio)),
                                &fine,
                            )
                            .map_err(xlsx)?;
                    }
                    None => {
                        sheet.write_number_with_format(row, rc, float(ratio.approx(15)), &fine).map_err(xlsx)?;
                    }
                }
                let weight = exact_formula(weight);
                let pts = round_rule(&format!("{weight}*{}", cell(row, rc)), policy.price_points_rule());
                sheet
                    .write_formula_with_format(
                        row,
                        pc,
                        Formula::new(format!("={pts}")).set_result(approx(points.exact)),
                        &fine,
                    )
                    .map_err(xlsx)?;
                let shown = round(&cell(row, pc), d, policy.strategy);
                sheet
                    .write_formula_with_format(
                        row,
                        pc.saturating_add(1),
                        Formula::new(format!("={shown}")).set_result(points.value.to_string()),
                        &published,
                    )
                    .map_err(xlsx)?;
                fig.price_points = Some(own(row, pc.saturating_add(1)));
            } else if let (Some(pc), Some(points), false) = (points_col, p.points, b.prices.is_empty()) {
                sheet.write_number_with_format(row, pc, float(points.exact.approx(15)), &fine).map_err(xlsx)?;
                let shown = round(&cell(row, pc), d, policy.strategy);
                sheet
                    .write_formula_with_format(
                        row,
                        pc.saturating_add(1),
                        Formula::new(format!("={shown}")).set_result(points.value.to_string()),
                        &published,
                    )
                    .map_err(xlsx)?;
                fig.price_points = Some(own(row, pc.saturating_add(1)));
                notes.push(words.price_criteria_value);
            }
        }
        // The comparison figure.
        if let Some(total) = b.total {
            let price = cell(row, price_col);
            let q = cell(row, q_col);
            let qmax = max_quality(award, &quality);
            let expr = match &award.price_model {
                PriceModel::PricePerQualityPoint { .. } => Some(format!("IF({q}>0,{price}/{q},{price})")),
                PriceModel::ValueAdded { mode } => {
                    let parts: Vec<String> = ratio_cells
                        .iter()
                        .map(|(c, ratio)| {
                            let value = c.value.map_or(Decimal::ZERO, |v| v.get());
                            let share = match mode {
                                AdjustMode::Deduction => ratio.clone(),
                                AdjustMode::Markup => format!("(1-{ratio})"),
                            };
                            round_at(&format!("{value}*{share}"), policy, RoundingStep::Criterion)
                        })
                        .collect();
                    let sign = if *mode == AdjustMode::Deduction { "-" } else { "+" };
                    Some(if parts.is_empty() { price.clone() } else { format!("{price}{sign}({})", parts.join("+")) })
                }
                PriceModel::PercentAdjustment { mode, max_percent } => {
                    let m = max_percent.get();
                    let share = if qmax == "0" { "0".to_owned() } else { format!("{q}/{qmax}") };
                    Some(match mode {
                        AdjustMode::Deduction => format!("{price}*(1-{share}*{m}/100)"),
                        AdjustMode::Markup => format!("{price}*(1+(1-{share})*{m}/100)"),
                    })
                }
                _ => match (points_col, b.price.as_ref().and_then(|p| p.points)) {
                    (Some(pc), Some(_)) => {
                        Some(format!("{}+{}", cell(row, pc), if b.quality.is_some() { q.clone() } else { "0".into() }))
                    }
                    _ if b.quality.is_some() => Some(q.clone()),
                    _ => None,
                },
            };
            // Relative to the best bid's total: the engine's figure, with a note.
            let expr = if b.total_relative.is_some() {
                notes.push(words.relative_points_value);
                None
            } else {
                expr
            };
            let exact = approx(total.exact);
            match expr {
                Some(expr) => {
                    sheet
                        .write_formula_with_format(
                            row,
                            total_col,
                            Formula::new(format!("={expr}")).set_result(exact),
                            &fine,
                        )
                        .map_err(xlsx)?;
                }
                None => {
                    sheet
                        .write_number_with_format(row, total_col, float(total.exact.approx(15)), &fine)
                        .map_err(xlsx)?;
                }
            }
            let shown = round(&cell(row, total_col), d, policy.strategy);
            sheet
                .write_formula_with_format(
                    row,
                    total_col.saturating_add(1),
                    Formula::new(format!("={shown}")).set_result(total.value.to_string()),
                    &published,
                )
                .map_err(xlsx)?;
            fig.total = Some(own(row, total_col.saturating_add(1)));
        } else if b.criteria.is_empty() && b.price.is_none() {
            notes.push(words.not_scored);
        }
        notes.dedup();
        if !notes.is_empty() {
            sheet.write_string(row, note_col, notes.join("; ")).map_err(xlsx)?;
        }
        figures.push(fig);
        row = row.saturating_add(1);
    }
    sheet.set_freeze_panes(1, 2).map_err(xlsx)?;
    sheet.autofit();
    Ok((sheet, figures))
}

/// The most quality points a bid can get: the sum of the quality criteria's weights (or, under
/// the value-added model without weights, their money values), as the engine's `Qmax`.
fn max_quality(award: &AwardModel, quality: &[&tender_core::award::Criterion]) -> String {
    quality
        .iter()
        .try_fold(Exact::ZERO, |acc, c| acc.checked_add(tender_score::weights::effective(award, c)?))
        .map_or_else(|_| Decimal::MAX.to_string(), exact_formula)
}

/// An exact figure in a formula: its decimal (`30`, `12.5`), or a division in brackets (`(100/7)`)
/// when it is no decimal, so the sheet divides as the engine does.
fn exact_formula(value: Exact) -> String {
    // The fewest decimals that hold it (28 decimals overflow a decimal from 8 up).
    if value.denom() == 1 {
        return value.numer().to_string();
    }
    match (1..=28).find(|&d| value.is_decimal_with(d)) {
        Some(d) => value.approx(d).normalize().to_string(),
        None => format!("({}/{})", value.numer(), value.denom()),
    }
}

/// The aggregated mark of a leaf as a formula over the marks sheet: the consensus cell when the
/// committee recorded one, else `AVERAGE` or `MEDIAN` of the evaluators' marks.
fn aggregate(cells: Option<&MarkCells>, m: &Marks) -> Option<String> {
    let cells = cells?;
    if let Some(consensus) = &cells.consensus {
        return Some(consensus.clone());
    }
    let range = cells.range.as_ref()?;
    Some(match m.aggregation {
        tender_core::award::Aggregation::Mean => format!("AVERAGE({range})"),
        tender_core::award::Aggregation::Median => format!("MEDIAN({range})"),
        // Consensus aggregation always has a consensus cell; without one the engine stops.
        tender_core::award::Aggregation::Consensus => return None,
    })
}

/// The price share `r` of a points model as a formula of the price cell and the reference cells
/// (`max` the price criterion's weight, which a price formula's points are divided by).
fn price_share(
    model: &PriceModel,
    price: &str,
    lowest: Option<&str>,
    highest: Option<&str>,
    max: Exact,
) -> Option<String> {
    Some(match model {
        PriceModel::Proportional => format!("{}/{price}", lowest?),
        PriceModel::LinearSlope { slope } => {
            let low = lowest?;
            format!("MAX(0,1-({price}-{low})/({}/100*{low}))", slope.get())
        }
        PriceModel::LinearFromLowest { floor_at_zero } => {
            let r = format!("2-{price}/{}", lowest?);
            if *floor_at_zero { format!("MAX(0,{r})") } else { r }
        }
        PriceModel::MinMax => {
            let (low, high) = (lowest?, highest?);
            format!("IF({high}={low},1,({high}-{price})/({high}-{low}))")
        }
        PriceModel::FixedSpan { low, high } => {
            let (low, high) = (low.get(), high.get());
            format!("MIN(1,MAX(0,({high}-{price})/({high}-{low})))")
        }
        PriceModel::Logarithmic { zero_at } => {
            let low = lowest?;
            let z = zero_at.get();
            format!("IF({price}/{low}>=1+{z}/100,0,MAX(0,1-LN({price}/{low})/LN(1+{z}/100)))")
        }
        PriceModel::Formula { formula, constants } => {
            if max.is_zero() {
                return None;
            }
            let expr = tender_core::formula::parse(formula).ok()?;
            let name = |n: &str| -> Option<String> {
                match n {
                    "price" => Some(price.to_owned()),
                    "lowest" => lowest.map(str::to_owned),
                    "highest" => highest.map(str::to_owned),
                    "max" => Some(exact_formula(max)),
                    // No cell holds the mean: the sheet shows the engine's figure instead.
                    "mean" => None,
                    other => constants.get(other).map(|c| format!("({})", c.get().normalize())),
                }
            };
            format!("({})/{}", excel(&expr, &name)?, exact_formula(max))
        }
        PriceModel::PricePerQualityPoint { .. }
        | PriceModel::ValueAdded { .. }
        | PriceModel::PercentAdjustment { .. } => {
            return None;
        }
    })
}

/// A price formula as a spreadsheet formula, with each name's cell or number from `name`; `None`
/// where a name has no cell.
fn excel(expr: &tender_core::formula::Expr, name: &dyn Fn(&str) -> Option<String>) -> Option<String> {
    use tender_core::formula::{Expr, Function, Op};
    let go = |e: &Expr| excel(e, name);
    Some(match expr {
        Expr::Number(d) => d.normalize().to_string(),
        Expr::Name(n, _) => name(n)?,
        Expr::Neg(x) => format!("(-{})", go(x)?),
        Expr::Binary(op, a, b) => {
            let sign = match op {
                Op::Add => "+",
                Op::Sub => "-",
                Op::Mul => "*",
                Op::Div => "/",
            };
            format!("({}{sign}{})", go(a)?, go(b)?)
        }
        Expr::Call(f, args, _) => {
            let list = args.iter().map(go).collect::<Option<Vec<String>>>()?;
            match (f, list.as_slice()) {
                (Function::Min, _) => format!("MIN({})", list.join(",")),
                (Function::Max, _) => format!("MAX({})", list.join(",")),
                (Function::Abs, [x]) => format!("ABS({x})"),
                (Function::Clamp, [x, lo, hi]) => format!("MIN({hi},MAX({x},{lo}))"),
                // Each strategy as the sheet's other roundings write it.
                (Function::Round(strategy), [x, _]) => {
                    let decimals = match args.get(1) {
                        Some(Expr::Number(d)) => u32::try_from(d.normalize().mantissa()).ok()?,
                        _ => return None,
                    };
                    round(x, decimals, *strategy)
                }
                _ => return None,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_strategy_has_its_excel_function() {
        assert_eq!(round("A1", 2, RoundingStrategy::HalfUp), "ROUND(ROUND(A1,8),2)");
        assert_eq!(round("A1", 2, RoundingStrategy::Up), "ROUNDUP(ROUND(A1,8),2)");
        assert_eq!(round("A1", 0, RoundingStrategy::Down), "ROUNDDOWN(ROUND(A1,6),0)");
        assert!(round("A1", 2, RoundingStrategy::HalfEven).contains("ISODD"));
        assert!(round("A1", 2, RoundingStrategy::HalfDown).starts_with("IF("));
    }

    #[test]
    fn a_price_formula_becomes_a_spreadsheet_formula_or_the_engine_figure() {
        let model = |f: &str| PriceModel::Formula {
            formula: f.into(),
            constants: [("slope".to_owned(), tender_core::num::Measurement::new(Decimal::new(5, 1)))].into(),
        };
        let share =
            |f: &str| price_share(&model(f), "C5", Some("$C$2"), Some("$C$3"), Exact::from_int(40).expect("fits"));
        assert_eq!(
            share("round_half_up(max * clamp(1 - (price - lowest) / (slope * lowest), 0, 1), 2)").as_deref(),
            Some("(ROUND(ROUND((40*MIN(1,MAX((1-((C5-$C$2)/((0.5)*$C$2))),0))),8),2))/40")
        );
        // No cell holds the mean: the sheet shows the engine's figure.
        assert_eq!(share("max * min(1, mean / price)"), None);
    }

    #[test]
    fn sheet_names_are_ones_excel_accepts() {
        assert_eq!(sheet_name("Calculation", "LOT/1"), "Calculation LOT_1");
        assert_eq!(sheet_name("Calculation", &"X".repeat(40)).chars().count(), 31);
        assert_eq!(sheet_ref("Beregning L'1"), "'Beregning L''1'!");
    }
}
