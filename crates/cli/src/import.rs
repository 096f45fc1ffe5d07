//! `tender import prices SHEET --tender T`: bid prices from a CSV or XLSX sheet into the bid files.
//!
//! The sheet is read by `tender_interop::import` (one exact number rule, every problem with its
//! sheet, row and column); each row is matched to a bid of the tender; then each bid file whose
//! price changes gets its price table rewritten, and nothing else in it: a TOML file keeps its
//! comments and layout (`toml_edit`), a JSON file its key order. Every problem is reported at
//! once as `FILE:SHEET!B7 (header)`, and nothing is written unless every row converts, matches a
//! bid, and every rewritten file reads back as the bid intended.

use std::path::{Path, PathBuf};

use clap::error::ErrorKind;
use tender_core::bid::BidPrice;
use tender_core::files::Format;
use tender_core::{Bid, Tender};
use tender_interop::{ImportError, Mapping};

use crate::Outcome;
use crate::cli::ImportPricesArgs;
use crate::commands::{finish, usage};
use crate::diagnostics::{Diagnostic, Diagnostics, count};
use crate::input::{self, SourceFile};
use crate::output;

/// Runs `tender import prices`.
pub(crate) fn prices(args: &ImportPricesArgs) -> Outcome {
    let mut diags = Diagnostics::default();
    let Some(case) = read(&args.tender, args.bids.as_ref(), &mut diags) else { return finish(&diags, "not imported") };
    let Some((tender, _)) = &case.tender else { return finish(&diags, "not imported") };
    let mapping = match mapping(args, tender) {
        Ok(m) => m,
        Err(message) => return usage("import", ErrorKind::ValueValidation, &message),
    };
    let sheet_name = args.sheet_file.display().to_string();
    let mut mapping = mapping;
    let mut result = tender_interop::import_prices(&args.sheet_file, &mapping, tender);
    // The default headers of the price schedule and the options are optional: a sheet without
    // them leaves those prices in the bid files as they are.
    if args.mapping.is_none()
        && let Err(ImportError::Sheet { problems, .. }) = &result
        && let Some(absent) = optional_columns_absent(problems, &mapping, args, tender)
    {
        for header in &absent {
            drop_column(&mut mapping, header);
        }
        result = tender_interop::import_prices(&args.sheet_file, &mapping, tender);
    }
    let imported = match result {
        Ok(p) => p,
        Err(e) => {
            for d in import_error(&sheet_name, &e) {
                diags.push(d);
            }
            return finish(&diags, "not imported");
        }
    };
    let mut bids = case.bid_values();
    if let Err(e) = tender_interop::apply_prices(tender, &mut bids, &imported) {
        for d in import_error(&sheet_name, &e) {
            diags.push(d);
        }
        return finish(&diags, "not imported");
    }
    // What the sheet has no column for stays as the bid file has it.
    for ((old, _), new) in case.bids.iter().zip(bids.iter_mut()) {
        keep_unmapped(&mapping, tender, old, &mut new.price);
    }
    // The amounts a formula computed, read through the values the workbook stores.
    let mut notes = String::new();
    for p in &imported {
        for n in &p.notes {
            notes.push_str(&format!("note: {sheet_name}:{}!{n}\n", p.sheet));
        }
    }
    // The new text of every bid file whose price changes, checked by reading it back.
    let mut writes: Vec<(PathBuf, String, &Bid)> = Vec::new();
    for ((old, file), new) in case.bids.iter().zip(&bids) {
        if !imported.iter().any(|p| key_matches(&p.key, old)) {
            diags.push(
                Diagnostic::warning(format!(
                    "{}: no row in {sheet_name} for bid {}; its price is left as it is",
                    file.name, old.id
                ))
                .with_help("add a row for the bid to the sheet if its price should come from it"),
            );
        }
        if old.price == new.price {
            continue;
        }
        match with_price(file, &new.price) {
            Ok(text) => match tender_core::files::parse::<Bid>(&text, file.format, Path::new(&file.name)) {
                Ok(read) if read == *new => {
                    let target = match &args.output {
                        Some(dir) => dir.join(Path::new(&file.name).file_name().unwrap_or_default()),
                        None => PathBuf::from(&file.name),
                    };
                    writes.push((target, text, new));
                }
                Ok(_) | Err(_) => diags.push(Diagnostic::error(format!(
                    "{}: the rewritten file does not read back as the imported bid; nothing was written",
                    file.name
                ))),
            },
            Err(message) => diags.push(
                Diagnostic::error(format!("{}: cannot rewrite the price: {message}", file.name))
                    .with_help("fix the file so it reads as TOML or JSON, then import again"),
            ),
        }
    }
    if diags.has_errors() {
        return finish(&diags, "not imported");
    }
    let unchanged = case.bids.len().saturating_sub(writes.len());
    if args.dry_run {
        let mut text = String::new();
        for (target, _, bid) in &writes {
            text.push_str(&format!("would write {}: {}\n", target.display(), describe(&bid.price)));
        }
        text.push_str(&notes);
        text.push_str(&format!(
            "dry run: {} from {sheet_name}; {} would change, {unchanged} unchanged; nothing written\n",
            count(imported.len(), "price row"),
            count(writes.len(), "bid file"),
        ));
        let outcome = finish(&diags, "not imported");
        output::to_stdout(&text);
        return outcome;
    }
    if let Some(dir) = &args.output
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        diags.push(
            Diagnostic::error(format!("{}: cannot create the directory: {e}", dir.display()))
                .with_help("give a directory that can be created and written to"),
        );
        return finish(&diags, "not imported");
    }
    let outcome = finish(&diags, "not imported");
    let mut written = 0_usize;
    for (target, text, _) in &writes {
        if let Err(d) = output::write(text, Some(target)) {
            let mut diags = Diagnostics::default();
            diags.push(d);
            output::to_stderr(&format!("{} of {} written before the error\n", written, count(writes.len(), "file")));
            return finish(&diags, "not written");
        }
        written = written.saturating_add(1);
    }
    output::to_stdout(&format!(
        "{notes}imported {} from {sheet_name}: {} written, {unchanged} unchanged\n",
        count(imported.len(), "price row"),
        count(written, "bid file"),
    ));
    outcome
}

/// The default mapping's optional headers (price schedule, options, basket lines, price
/// components, and the total where a lot is priced by its basket or components) the sheet lacks,
/// when its only problems are missing columns; `None` when another problem remains. Read again
/// without them, a sheet that lacks a required column says so alone.
fn optional_columns_absent(
    problems: &[tender_interop::import::SheetProblem],
    mapping: &Mapping,
    args: &ImportPricesArgs,
    tender: &Tender,
) -> Option<Vec<String>> {
    let c = &mapping.columns;
    // The total is optional where a lot is priced by its basket or its components.
    let total_optional = tender.lots.iter().any(|l| !l.award.basket.is_empty() || !l.award.price_components.is_empty());
    let optional: Vec<&str> = c
        .one_off
        .iter()
        .chain(c.recurring_per_year.iter())
        .chain(c.options.values())
        .chain(c.unit_prices.values())
        .chain(c.components.values())
        .chain(c.total.iter().filter(|_| total_optional))
        .map(String::as_str)
        // A header the user named with --map is not optional.
        .filter(|h| !args.map.iter().any(|m| m.rsplit_once('=').is_some_and(|(given, _)| given.trim() == *h)))
        .collect();
    // Only missing columns: any other problem is in the rows, which are read once the header row
    // is found.
    let mut absent = Vec::new();
    for p in problems {
        let header = (p.kind == tender_interop::import::ProblemKind::MissingColumn)
            .then(|| p.message.strip_prefix("no column \"").and_then(|m| m.split_once('"')).map(|(h, _)| h))
            .flatten()?;
        if optional.contains(&header) {
            absent.push(header.to_owned());
        }
    }
    // The price schedule is both columns or neither.
    if let (Some(one_off), Some(recurring)) = (&c.one_off, &c.recurring_per_year)
        && absent.contains(one_off) != absent.contains(recurring)
    {
        return None;
    }
    (!absent.is_empty()).then_some(absent)
}

/// Removes the column with this header from the mapping.
fn drop_column(mapping: &mut Mapping, header: &str) {
    let c = &mut mapping.columns;
    if c.one_off.as_deref() == Some(header) {
        c.one_off = None;
    }
    if c.recurring_per_year.as_deref() == Some(header) {
        c.recurring_per_year = None;
    }
    c.options.retain(|_, h| h != header);
    c.unit_prices.retain(|_, h| h != header);
    c.components.retain(|_, h| h != header);
    if c.total.as_deref() == Some(header) {
        c.total = None;
    }
}

/// Keeps in `new` what the mapping has no column for: the total, the price schedule, each option,
/// each basket line's unit price and each price component's price.
fn keep_unmapped(mapping: &Mapping, tender: &Tender, bid: &Bid, new: &mut BidPrice) {
    let old = &bid.price;
    if mapping.columns.total.is_none() {
        new.total = old.total;
    }
    if let Some(lot) = tender.lots.iter().find(|l| l.id == bid.lot) {
        let mut lines = Vec::new();
        for line in &lot.award.basket {
            let from = if mapping.columns.unit_prices.contains_key(line.id.as_str()) {
                &new.unit_prices
            } else {
                &old.unit_prices
            };
            lines.extend(from.iter().filter(|u| u.line == line.id).cloned());
        }
        new.unit_prices = lines;
        let mut parts = Vec::new();
        for component in &lot.award.price_components {
            let from = if mapping.columns.components.contains_key(component.id.as_str()) {
                &new.components
            } else {
                &old.components
            };
            parts.extend(from.iter().filter(|c| c.component == component.id).cloned());
        }
        new.components = parts;
    }
    if mapping.columns.one_off.is_none() {
        new.schedule.clone_from(&old.schedule);
    }
    let mut options = Vec::new();
    for option in &tender.contract.options {
        let id = option.id.as_str();
        let from = if mapping.columns.options.contains_key(id) { &new.options } else { &old.options };
        options.extend(from.iter().filter(|o| o.option.as_str() == id).cloned());
    }
    new.options = options;
}

/// Reads the tender and the bid files to update; `None` when they cannot be read.
fn read(tender: &Path, bids: Option<&PathBuf>, diags: &mut Diagnostics) -> Option<input::Case> {
    let (tender_path, default_bids) = match input::tender_file(tender) {
        Ok(found) => found,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let bids_dir = bids.cloned().unwrap_or(default_bids);
    if !bids_dir.is_dir() {
        diags.push(
            Diagnostic::error(format!("{}: no bids directory", bids_dir.display()))
                .with_help("the bid files must exist; give their directory with --bids DIR"),
        );
        return None;
    }
    let bid_files = input::bid_files(std::slice::from_ref(&bids_dir), diags);
    let case = input::read_case(&tender_path, &bid_files, diags);
    // An import rewrites each bid's own file; a file of several bids is not rewritten.
    let mut bundles: Vec<&str> = case.bids.iter().filter(|(_, f)| f.is_part()).map(|(_, f)| f.name.as_str()).collect();
    bundles.dedup();
    for name in bundles {
        diags.push(
            Diagnostic::error(format!("{name}: the file holds several bids, and an import rewrites each bid's own file"))
                .with_help("keep one bid per file in the bids directory to import into it (a bundle can be split with a JSON tool such as jq)"),
        );
    }
    (!diags.has_errors() && case.tender.is_some()).then_some(case)
}

/// Runs `tender import marks`.
pub(crate) fn marks(args: &crate::cli::ImportMarksArgs) -> Outcome {
    let mut diags = Diagnostics::default();
    let Some(case) = read(&args.tender, args.bids.as_ref(), &mut diags) else { return finish(&diags, "not imported") };
    let Some((tender, _)) = &case.tender else { return finish(&diags, "not imported") };
    let sheet_name = args.sheet_file.display().to_string();
    let delimiter = match args.delimiter.map(u8::try_from) {
        None => b',',
        Some(Ok(d)) => d,
        Some(Err(_)) => {
            return usage("import", ErrorKind::ValueValidation, "--delimiter must be one ASCII character, e.g. ';'");
        }
    };
    let bids = case.bid_values();
    let imported = match tender_interop::import_marks(&args.sheet_file, tender, &bids, args.decimal_comma, delimiter) {
        Ok(m) => m,
        Err(e) => {
            for d in import_error(&sheet_name, &e) {
                diags.push(d);
            }
            return finish(&diags, "not imported");
        }
    };
    // Evaluators in the order the sheet first names them; criteria in the award model's order.
    let mut evaluators: Vec<tender_core::Id> = Vec::new();
    for m in &imported {
        if let Some(e) = &m.evaluator
            && !evaluators.contains(e)
        {
            evaluators.push(e.clone());
        }
    }
    let mut writes = Vec::new();
    for (old, file) in &case.bids {
        let mine: Vec<&tender_interop::ImportedMark> = imported.iter().filter(|m| m.bid == old.id).collect();
        if mine.is_empty() {
            diags.push(
                Diagnostic::warning(format!(
                    "{}: no marks in {sheet_name} for bid {}; its marks are left as they are",
                    file.name, old.id
                ))
                .with_help("add the bid's marks to the sheet if they should come from it"),
            );
            continue;
        }
        let order = leaf_order(tender, old);
        let position = |c: &tender_core::Id| order.iter().position(|l| l == c).unwrap_or(usize::MAX);
        let mut new = old.clone();
        let mut scores: Vec<&&tender_interop::ImportedMark> = mine.iter().filter(|m| m.evaluator.is_some()).collect();
        if !scores.is_empty() {
            scores.sort_by_key(|m| {
                (position(&m.criterion), m.evaluator.as_ref().and_then(|e| evaluators.iter().position(|x| x == e)))
            });
            new.scores = scores
                .iter()
                .map(|m| tender_core::bid::EvaluatorScore {
                    evaluator: m.evaluator.clone().unwrap_or_else(|| tender_core::Id::new("")),
                    criterion: m.criterion.clone(),
                    score: tender_core::Score::new(m.score),
                    justification: m.justification.clone(),
                })
                .collect();
        }
        let mut consensus: Vec<&&tender_interop::ImportedMark> =
            mine.iter().filter(|m| m.evaluator.is_none()).collect();
        if !consensus.is_empty() {
            consensus.sort_by_key(|m| position(&m.criterion));
            new.consensus = consensus
                .iter()
                .map(|m| tender_core::bid::ConsensusScore {
                    criterion: m.criterion.clone(),
                    score: tender_core::Score::new(m.score),
                    justification: m.justification.clone(),
                })
                .collect();
        }
        if new == *old {
            continue;
        }
        match with_marks(file, &new) {
            Ok(text) => match tender_core::files::parse::<Bid>(&text, file.format, Path::new(&file.name)) {
                Ok(read) if read == new => {
                    let target = match &args.output {
                        Some(dir) => dir.join(Path::new(&file.name).file_name().unwrap_or_default()),
                        None => PathBuf::from(&file.name),
                    };
                    let what = format!(
                        "{}, {}",
                        count(new.scores.len(), "mark"),
                        count(new.consensus.len(), "consensus mark")
                    );
                    writes.push((target, text, what));
                }
                Ok(_) | Err(_) => diags.push(Diagnostic::error(format!(
                    "{}: the rewritten file does not read back as the imported bid; nothing was written",
                    file.name
                ))),
            },
            Err(message) => diags.push(
                Diagnostic::error(format!("{}: cannot rewrite the marks: {message}", file.name))
                    .with_help("fix the file so it reads as TOML or JSON, then import again"),
            ),
        }
    }
    if diags.has_errors() {
        return finish(&diags, "not imported");
    }
    let unchanged = case.bids.len().saturating_sub(writes.len());
    write_all(
        &diags,
        &writes,
        args.output.as_deref(),
        args.dry_run,
        &format!("{} from {sheet_name}", count(imported.len(), "mark")),
        unchanged,
    )
}

/// The criteria a bid's lot scores by marks, in the award model's order.
fn leaf_order(tender: &Tender, bid: &Bid) -> Vec<tender_core::Id> {
    let Some(lot) = tender.lot(&bid.lot) else { return Vec::new() };
    lot.award
        .quality_criteria()
        .flat_map(|c| {
            if c.sub_criteria.is_empty() {
                vec![c.id.clone()]
            } else {
                c.sub_criteria.iter().map(|s| s.id.clone()).collect()
            }
        })
        .collect()
}

/// Writes the planned files (target, text, what changes), or with `dry_run` shows them; then a
/// closing line on standard output.
fn write_all(
    diags: &Diagnostics,
    writes: &[(PathBuf, String, String)],
    output: Option<&Path>,
    dry_run: bool,
    what: &str,
    unchanged: usize,
) -> Outcome {
    if dry_run {
        let mut text = String::new();
        for (target, _, change) in writes {
            text.push_str(&format!("would write {}: {change}\n", target.display()));
        }
        text.push_str(&format!(
            "dry run: {what}; {} would change, {unchanged} unchanged; nothing written\n",
            count(writes.len(), "bid file"),
        ));
        let outcome = finish(diags, "not imported");
        output::to_stdout(&text);
        return outcome;
    }
    if let Some(dir) = output
        && let Err(e) = std::fs::create_dir_all(dir)
    {
        let mut diags = Diagnostics::default();
        diags.push(
            Diagnostic::error(format!("{}: cannot create the directory: {e}", dir.display()))
                .with_help("give a directory that can be created and written to"),
        );
        return finish(&diags, "not imported");
    }
    let outcome = finish(diags, "not imported");
    let mut written = 0_usize;
    for (target, text, _) in writes {
        if let Err(d) = output::write(text, Some(target)) {
            let mut diags = Diagnostics::default();
            diags.push(d);
            output::to_stderr(&format!("{written} of {} written before the error\n", count(writes.len(), "file")));
            return finish(&diags, "not written");
        }
        written = written.saturating_add(1);
    }
    output::to_stdout(&format!("imported {what}: {} written, {unchanged} unchanged\n", count(written, "bid file")));
    outcome
}

/// The file's text with its marks (`scores`, `consensus`) replaced by `bid`'s, the rest as it was.
fn with_marks(file: &SourceFile, bid: &Bid) -> Result<String, String> {
    #[derive(serde::Serialize)]
    struct Marks<'a> {
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        scores: &'a [tender_core::bid::EvaluatorScore],
        #[serde(skip_serializing_if = "<[_]>::is_empty")]
        consensus: &'a [tender_core::bid::ConsensusScore],
    }
    let marks = Marks { scores: &bid.scores, consensus: &bid.consensus };
    match file.format {
        Format::Toml => {
            let mut doc: toml_edit::DocumentMut = file.text.parse().map_err(|e| format!("{e}"))?;
            let rendered = toml::to_string(&marks).map_err(|e| e.to_string())?;
            let new: toml_edit::DocumentMut = rendered.parse().map_err(|e| format!("{e}"))?;
            for key in ["scores", "consensus"] {
                let Some(toml_edit::Item::ArrayOfTables(fresh)) = new.get(key) else {
                    doc.remove(key);
                    continue;
                };
                let mut fresh = fresh.clone();
                // In the old array's place, the first table with the old first table's comments.
                let (position, decor) = match doc.get(key) {
                    Some(toml_edit::Item::ArrayOfTables(old)) => {
                        let first = old.iter().next();
                        (first.and_then(toml_edit::Table::position), first.map(|t| t.decor().clone()))
                    }
                    _ => (None, None),
                };
                for (i, t) in fresh.iter_mut().enumerate() {
                    if position.is_some() {
                        t.set_position(position);
                    }
                    if i == 0
                        && let Some(d) = &decor
                    {
                        *t.decor_mut() = d.clone();
                    }
                }
                doc.insert(key, toml_edit::Item::ArrayOfTables(fresh));
            }
            Ok(doc.to_string())
        }
        Format::Json => {
            let mut value: serde_json::Value = serde_json::from_str(&file.text).map_err(|e| e.to_string())?;
            let object = value.as_object_mut().ok_or("the file is not a JSON object")?;
            for (key, list) in [
                ("scores", serde_json::to_value(&bid.scores).map_err(|e| e.to_string())?),
                ("consensus", serde_json::to_value(&bid.consensus).map_err(|e| e.to_string())?),
            ] {
                if list.as_array().is_some_and(Vec::is_empty) {
                    object.remove(key);
                } else {
                    object.insert(key.to_owned(), list);
                }
            }
            let mut text = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
            text.push('\n');
            Ok(text)
        }
    }
}

/// Whether a sheet row's key names this bid.
fn key_matches(key: &tender_interop::BidKey, bid: &Bid) -> bool {
    match key {
        tender_interop::BidKey::Bid(id) => &bid.id == id,
        tender_interop::BidKey::Bidder { bidder, lot } => {
            &bid.bidder.id == bidder && lot.as_ref().is_none_or(|l| &bid.lot == l)
        }
    }
}

/// A price in one line, for `--dry-run`.
fn describe(price: &BidPrice) -> String {
    let mut parts = vec![format!("total {}", price.total.map_or_else(|| "none".to_owned(), |t| t.to_string()))];
    if let Some(s) = &price.schedule {
        parts.push(format!("one-off {}, recurring per year {}", s.one_off, s.recurring_per_year));
    }
    for o in &price.options {
        parts.push(format!("option {} {}", o.option, o.price));
    }
    for u in &price.unit_prices {
        parts.push(format!("unit price {} {}", u.line, u.price));
    }
    for c in &price.components {
        parts.push(format!("component {} {}", c.component, c.price));
    }
    parts.join("; ")
}

/// The column mapping: `--mapping FILE` or the default headers, then `--sheet`, `--decimal-comma`,
/// `--delimiter` and each `--map HEADER=FIELD`. `Err` is a usage message.
fn mapping(args: &ImportPricesArgs, tender: &Tender) -> Result<Mapping, String> {
    let mut m = match &args.mapping {
        Some(file) => {
            let text = std::fs::read_to_string(file).map_err(|e| format!("--mapping {}: {e}", file.display()))?;
            Mapping::from_toml(&text).map_err(|e| format!("--mapping {}: {e}", file.display()))?
        }
        None => Mapping::for_tender(tender),
    };
    if args.sheet.is_some() {
        m.sheet.clone_from(&args.sheet);
    }
    if args.decimal_comma {
        m.decimal_separator = Some(',');
        m.thousands_separator = Some('.');
    }
    if args.delimiter.is_some() {
        m.csv_delimiter = args.delimiter;
    }
    for spec in &args.map {
        let Some((header, field)) = spec.rsplit_once('=') else {
            return Err(format!("--map `{spec}`: write HEADER=FIELD, e.g. --map 'Pris i alt=total'"));
        };
        let header = header.trim().to_owned();
        if header.is_empty() {
            return Err(format!("--map `{spec}`: the header is empty"));
        }
        let c = &mut m.columns;
        match field.trim() {
            "bid" => {
                c.bid = Some(header);
                c.bidder = None;
                c.lot = None;
            }
            "bidder" => {
                c.bidder = Some(header);
                c.bid = None;
            }
            "lot" => {
                c.lot = Some(header);
                c.bid = None;
            }
            "total" => c.total = Some(header),
            "one_off" => c.one_off = Some(header),
            "recurring_per_year" => c.recurring_per_year = Some(header),
            option if tender.contract.options.iter().any(|o| o.id.as_str() == option) => {
                c.options.insert(option.to_owned(), header);
            }
            line if tender.lots.iter().any(|l| l.award.basket.iter().any(|b| b.id.as_str() == line)) => {
                c.unit_prices.insert(line.to_owned(), header);
            }
            component
                if tender.lots.iter().any(|l| l.award.price_components.iter().any(|k| k.id.as_str() == component)) =>
            {
                c.components.insert(component.to_owned(), header);
            }
            other => {
                let ids: Vec<&str> = tender
                    .contract
                    .options
                    .iter()
                    .map(|o| o.id.as_str())
                    .chain(tender.lots.iter().flat_map(|l| l.award.basket.iter().map(|b| b.id.as_str())))
                    .chain(tender.lots.iter().flat_map(|l| l.award.price_components.iter().map(|k| k.id.as_str())))
                    .collect();
                let ids = if ids.is_empty() { String::new() } else { format!(", {}", ids.join(", ")) };
                return Err(format!(
                    "--map `{spec}`: `{other}` is no field; use bid, bidder, lot, total, one_off, recurring_per_year{ids} (an option, a price basket line or a price component by its id)"
                ));
            }
        }
    }
    Ok(m)
}

/// An import problem as diagnostics, each located as `FILE:SHEET!B7 (header)`.
fn import_error(file: &str, e: &ImportError) -> Vec<Diagnostic> {
    match e {
        ImportError::Sheet { problems, .. } => problems
            .iter()
            .map(|p| {
                // `column` is `B (Total)`: the letter, and the header.
                let (letter, header) = match &p.column {
                    Some(c) => match c.split_once(' ') {
                        Some((letter, header)) => (letter.to_owned(), format!(" {header}")),
                        None => (c.clone(), String::new()),
                    },
                    None => (String::new(), String::new()),
                };
                let place = match (letter.is_empty(), p.row) {
                    (false, Some(row)) => format!("{file}:{}!{letter}{row}{header}", p.sheet),
                    (true, Some(row)) => format!("{file}:{}, row {row}", p.sheet),
                    (false, None) => format!("{file}:{}!{letter}{header}", p.sheet),
                    (true, None) => format!("{file}:{}", p.sheet),
                };
                Diagnostic::error(format!("{place}: {}", p.message)).with_help(p.fix.clone())
            })
            .collect(),
        ImportError::Unmatched { problems } => problems
            .iter()
            .map(|p| {
                Diagnostic::error(format!("{file}: {p}"))
                    .with_help("give each row the id of a bid file of the tender (or its bidder and lot)")
            })
            .collect(),
        other => vec![Diagnostic::error(other.to_string())],
    }
}

/// Updates the price table `old` to hold `new`'s values, keeping its comments, its place and the
/// form of each entry (an inline `schedule = { … }` stays inline); entries `new` lacks go.
fn update_table(old: &mut toml_edit::Table, new: &toml_edit::Table) {
    let gone: Vec<String> = old.iter().map(|(k, _)| k.to_owned()).filter(|k| !new.contains_key(k)).collect();
    for k in gone {
        old.remove(&k);
    }
    let position = old.position();
    for (key, item) in new.iter() {
        let item = match (old.get(key), item) {
            // Written inline before: inline again, with the old entry's comments.
            (Some(toml_edit::Item::Value(before)), toml_edit::Item::Table(t)) => {
                let mut inline = t.clone().into_inline_table();
                inline.fmt();
                let mut value = toml_edit::Value::InlineTable(inline);
                *value.decor_mut() = before.decor().clone();
                toml_edit::Item::Value(value)
            }
            (Some(toml_edit::Item::Value(before)), toml_edit::Item::Value(v)) => {
                let mut value = v.clone();
                *value.decor_mut() = before.decor().clone();
                toml_edit::Item::Value(value)
            }
            // Sub-tables and arrays of tables follow their parent in the file.
            (_, toml_edit::Item::Table(t)) => {
                let mut t = t.clone();
                t.set_position(position);
                toml_edit::Item::Table(t)
            }
            (_, toml_edit::Item::ArrayOfTables(a)) => {
                let mut a = a.clone();
                for t in a.iter_mut() {
                    t.set_position(position);
                }
                toml_edit::Item::ArrayOfTables(a)
            }
            (_, other) => other.clone(),
        };
        old.insert(key, item);
    }
}

/// The file's text with its price replaced by `price`, everything else as it was.
fn with_price(file: &SourceFile, price: &BidPrice) -> Result<String, String> {
    match file.format {
        Format::Toml => {
            let mut doc: toml_edit::DocumentMut = file.text.parse().map_err(|e| format!("{e}"))?;
            let rendered = toml::to_string(price).map_err(|e| e.to_string())?;
            let new: toml_edit::DocumentMut = rendered.parse().map_err(|e| format!("{e}"))?;
            match doc.get_mut("price") {
                Some(toml_edit::Item::Table(old)) => update_table(old, new.as_table()),
                Some(toml_edit::Item::Value(toml_edit::Value::InlineTable(old))) => {
                    let mut inline = new.as_table().clone().into_inline_table();
                    inline.fmt();
                    *inline.decor_mut() = old.decor().clone();
                    *old = inline;
                }
                _ => {
                    doc.insert("price", toml_edit::Item::Table(new.as_table().clone()));
                }
            }
            Ok(doc.to_string())
        }
        Format::Json => {
            let mut value: serde_json::Value = serde_json::from_str(&file.text).map_err(|e| e.to_string())?;
            let object = value.as_object_mut().ok_or("the file is not a JSON object")?;
            object.insert("price".to_owned(), serde_json::to_value(price).map_err(|e| e.to_string())?);
            let mut text = serde_json::to_string_pretty(&value).map_err(|e| e.to_string())?;
            text.push('\n');
            Ok(text)
        }
    }
}
