//! The robustness analysis in words: per lot the weight sensitivity, the break-even prices, the
//! rank stability under random re-weighting, the price-model comparison and rank reversal, from
//! [`tender_analysis::Analysis`].
//!
//! The analysis is data; every sentence comes from the catalogue, every bid and criterion id is
//! escaped, and numbers, amounts and percentages are written in the language's conventions. The
//! same writer makes a document of its own ([`Place::Document`]) and the last chapter of the
//! evaluation report ([`Place::Chapter`]), one heading level deeper.

use rust_decimal::Decimal;
use tender_analysis::break_even::Target;
use tender_analysis::models::{Assumption, Outcome, Variant};
use tender_analysis::sensitivity::{Bound, End, Interval, WeightBasis};
use tender_analysis::{Analysis, LotAnalysis, Perturbation, Reason, Section};
use tender_core::award::{AdjustMode, CorridorDecision, RoundingPolicy, RoundingStrategy};
use tender_core::{Id, Lot, PriceModel, Tender};
use tender_score::Exact;
use tender_score::result::Comparison;

use crate::catalogue::Catalogue;
use crate::error::TextError;
use crate::markdown::{Doc, id, inline};
use crate::words;

type Res = Result<(), TextError>;
type R = Result<String, TextError>;

/// Where the analysis goes.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Place {
    /// A document of its own: a level-1 title, a level-2 heading per lot.
    Document,
    /// Chapter `n` of the evaluation report: a level-2 heading, a level-3 heading per lot.
    Chapter(usize),
}

/// Writes the analysis as a document of its own.
pub(crate) fn render(cat: &Catalogue, tender: &Tender, analysis: &Analysis) -> Result<Doc, TextError> {
    let mut doc = Doc::default();
    write(cat, tender, analysis, &mut doc, Place::Document)?;
    Ok(doc)
}

/// The tender's lots the analysis is of, in the analysis's order.
pub(crate) fn lots<'a>(
    tender: &'a Tender,
    analysis: &'a Analysis,
) -> Result<Vec<(&'a Lot, &'a LotAnalysis)>, TextError> {
    if analysis.tender != tender.id {
        return Err(TextError::AnalysisOfOtherTender { analysis: analysis.tender.clone(), tender: tender.id.clone() });
    }
    analysis
        .lots
        .iter()
        .map(|a| match tender.lot(&a.lot) {
            Some(lot) => Ok((lot, a)),
            None => {
                Err(TextError::AnalysisOfOtherTender { analysis: analysis.tender.clone(), tender: tender.id.clone() })
            }
        })
        .collect()
}

/// Writes the analysis into `doc` at `place`.
pub(crate) fn write(cat: &Catalogue, tender: &Tender, analysis: &Analysis, doc: &mut Doc, place: Place) -> Res {
    let lots = lots(tender, analysis)?;
    let lang = cat.lang();
    let (lot_level, prefix) = match place {
        Place::Document => {
            doc.heading(1, &t!(cat, "analysis-title", "title" => inline(tender.title.get(lang)))?);
            doc.para(
                &t!(cat, "spec-subtitle", "buyer" => inline(tender.buyer.name.get(lang)), "id" => id(&tender.id))?,
            );
            (2, String::new())
        }
        Place::Chapter(n) => {
            doc.heading(2, &format!("{n}. {}", cat.text("analysis-h-chapter", &[])?));
            (3, format!("{n}."))
        }
    };
    doc.para(&cat.text("analysis-intro", &[])?);
    for (i, (lot, a)) in lots.iter().enumerate() {
        // `1.` for a lot of the document, `5.1` for a lot of chapter 5; its sections `1.1`, `5.1.1`.
        let number = if prefix.is_empty() {
            format!("{}.", i.saturating_add(1))
        } else {
            format!("{prefix}{}", i.saturating_add(1))
        };
        let section_prefix = number.trim_end_matches('.').to_owned();
        let title = t!(cat, "spec-h-lot", "id" => id(&lot.id), "title" => inline(lot.title.get(lang)))?;
        doc.heading(lot_level, &format!("{number} {title}"));
        let mut w = Writer {
            cat,
            tender,
            lot,
            a,
            doc: &mut *doc,
            level: lot_level.saturating_add(1),
            prefix: section_prefix,
            n: 0,
        };
        w.lot()?;
    }
    Ok(())
}

/// One lot's sections.
struct Writer<'a> {
    cat: &'a Catalogue,
    tender: &'a Tender,
    lot: &'a Lot,
    a: &'a LotAnalysis,
    doc: &'a mut Doc,
    level: usize,
    prefix: String,
    n: usize,
}

impl Writer<'_> {
    fn text(&self, key: &str) -> R {
        self.cat.text(key, &[])
    }

    fn heading(&mut self, key: &str) -> Res {
        self.n = self.n.saturating_add(1);
        let text = self.text(key)?;
        self.doc.heading(self.level, &format!("{}.{} {text}", self.prefix, self.n));
        Ok(())
    }

    /// Bids as prose: `A-1, A-2 and A-3`.
    fn ids(&self, list: &[Id]) -> R {
        self.cat.list(&list.iter().map(id).collect::<Vec<_>>())
    }

    fn money(&self, amount: Decimal) -> R {
        self.cat.money(amount, &self.tender.currency)
    }

    /// A probability (a fraction) as a percentage to two decimals.
    fn probability(&self, p: Decimal) -> R {
        self.cat
            .percent(crate::checked::mul(p, Decimal::ONE_HUNDRED, "probability in percent")?.round_dp(2).normalize())
    }

    /// `Not computed: …` when the section was skipped.
    fn skipped<T>(&mut self, section: &Section<T>) -> Result<bool, TextError> {
        if let Section::Skipped { reason } = section {
            let reason = reason_text(self.cat, self.lot, reason)?;
            self.doc.para(&t!(self.cat, "analysis-skipped", "reason" => reason)?);
            return Ok(true);
        }
        Ok(false)
    }

    fn lot(&mut self) -> Res {
        let (cat, a) = (self.cat, self.a);
        let compare = match a.comparison {
            Comparison::HighestTotal => "report-compare-total",
            Comparison::LowestPricePerQualityPoint => "report-compare-ppqp",
            Comparison::LowestEvaluationPrice => "report-compare-evaluation-price",
        };
        let mut intro = vec![t!(cat, compare, "model" => words::price_model_name(cat, a.price_model)?)?];
        intro.push(if a.ranked.is_empty() {
            self.text("report-no-ranked")?
        } else {
            t!(cat, "analysis-lot-ranking", "ranked" => self.ids(&a.ranked)?, "count" => a.ranked.len())?
        });
        intro.push(if a.awarded.is_empty() {
            self.text("letter-no-award")?
        } else {
            t!(cat, "letter-award-to", "bids" => self.ids(&a.awarded)?)?
        });
        if a.awarded.first().is_some_and(|w| a.ranked.first() != Some(w)) {
            intro.push(self.text("analysis-lot-limit")?);
        }
        self.doc.para(&intro.join(" "));
        self.sensitivity()?;
        self.break_even()?;
        self.stability()?;
        self.price_models()?;
        self.reversal()
    }

    /// A weight or money value, as the basis says.
    fn weight(&self, basis: WeightBasis, x: Exact) -> R {
        let v = x.approx(2);
        match basis {
            WeightBasis::Weights => Ok(self.cat.number(v)),
            WeightBasis::MoneyValues => self.money(v),
        }
    }

    fn end(&self, b: &Bound, upper: bool) -> R {
        let cat = self.cat;
        match &b.end {
            End::Limit if upper => self.text("analysis-end-limit-high"),
            End::Limit => self.text("analysis-end-limit-low"),
            End::Overtaken { by } => t!(cat, "analysis-end-overtaken", "bid" => id(by)),
            End::AwardChanges { leaves, enters } => {
                t!(cat, "analysis-end-award-changes", "leaves" => id(leaves), "enters" => id(enters))
            }
            End::QualityMinimum { bid } => t!(cat, "analysis-end-quality-minimum", "bid" => id(bid)),
            End::MaxPass { leaves, enters } => {
                t!(cat, "analysis-end-max-pass", "leaves" => id(leaves), "enters" => id(enters))
            }
        }
    }

    fn interval_row(
        &self,
        basis: WeightBasis,
        label: String,
        published: Exact,
        i: &Interval,
    ) -> Result<Vec<String>, TextError> {
        Ok(vec![
            label,
            self.weight(basis, published)?,
            self.weight(basis, i.low.weight)?,
            self.end(&i.low, false)?,
            self.weight(basis, i.high.weight)?,
            self.end(&i.high, true)?,
        ])
    }

    fn sensitivity(&mut self) -> Res {
        self.heading("analysis-h-sensitivity")?;
        if self.skipped(&self.a.sensitivity)? {
            return Ok(());
        }
        let Some(s) = self.a.sensitivity.done() else { return Ok(()) };
        let cat = self.cat;
        let basis = match s.basis {
            WeightBasis::Weights => "weights",
            WeightBasis::MoneyValues => "money",
        };
        let mut intro =
            vec![t!(cat, "analysis-sensitivity-intro", "basis" => basis, "total" => self.weight(s.basis, s.total)?)?];
        intro.push(if s.agrees_with_evaluation {
            self.text("analysis-sensitivity-agrees")?
        } else {
            t!(cat, "analysis-sensitivity-disagrees", "winner" => id(&s.winner), "awarded" => self.ids(&s.awarded)?)?
        });
        self.doc.para(&intro.join(" "));
        let header = ["th-criterion", "th-published", "th-lower-end", "th-below", "th-upper-end", "th-above"]
            .iter()
            .map(|k| self.text(k))
            .collect::<Result<Vec<_>, _>>()?;
        let mut winner_rows = Vec::new();
        let mut award_rows = Vec::new();
        let mut missing = Vec::new();
        for c in &s.criteria {
            let label = words::criterion_label(cat, self.lot, &c.criterion);
            match &c.winner {
                Some(i) => winner_rows.push(self.interval_row(s.basis, label.clone(), c.weight, i)?),
                None => {
                    let reason = match &c.note {
                        Some(r) => reason_text(cat, self.lot, r)?,
                        None => reason_text(cat, self.lot, &Reason::TooLarge)?,
                    };
                    missing.push(
                        t!(cat, "analysis-sensitivity-no-interval", "criterion" => label.clone(), "reason" => reason)?,
                    );
                }
            }
            if let Some(i) = &c.awarded {
                award_rows.push(self.interval_row(s.basis, label, c.weight, i)?);
            }
        }
        if !winner_rows.is_empty() {
            self.doc.para(&t!(cat, "analysis-sensitivity-winner", "winner" => id(&s.winner), "basis" => basis)?);
            self.doc.table(&header, &winner_rows);
            self.sensitivity_chart(s)?;
        }
        if !award_rows.is_empty() {
            self.doc
                .para(&t!(cat, "analysis-sensitivity-awarded", "awarded" => self.ids(&s.awarded)?, "basis" => basis)?);
            self.doc.table(&header, &award_rows);
        }
        for m in missing {
            self.doc.para(&m);
        }
        Ok(())
    }

    /// The chart of the weight ranges within which the winner stays the winner, the published
    /// weight marked (HTML edition).
    fn sensitivity_chart(&mut self, s: &tender_analysis::WeightSensitivity) -> Res {
        let cat = self.cat;
        let mut ranges = Vec::new();
        let mut rows = Vec::new();
        for c in &s.criteria {
            let Some(i) = &c.winner else { continue };
            let label = words::criterion_label(cat, self.lot, &c.criterion);
            let (published, low, high) = (
                self.weight(s.basis, c.weight)?,
                self.weight(s.basis, i.low.weight)?,
                self.weight(s.basis, i.high.weight)?,
            );
            ranges.push(crate::chart::Range {
                label: label.clone(),
                low: i.low.weight.approx(4),
                high: i.high.weight.approx(4),
                marker: Some(c.weight.approx(4)),
                shown: format!("{low} – {high}"),
            });
            rows.push(vec![label, published, low, high]);
        }
        let header = ["th-criterion", "th-published", "th-lower-end", "th-upper-end"]
            .iter()
            .map(|k| self.text(k))
            .collect::<Result<Vec<_>, _>>()?;
        self.doc.chart(crate::chart::Chart {
            title: t!(cat, "chart-sensitivity-title", "winner" => id(&s.winner))?,
            desc: self.text("chart-sensitivity-desc")?,
            kind: crate::chart::Kind::Ranges {
                ranges,
                min: Decimal::ZERO,
                max: s.total.approx(4),
                marker: self.text("th-published")?,
                range: self.text("chart-sensitivity-range")?,
            },
            header,
            rows,
            apart: Vec::new(),
        });
        Ok(())
    }

    /// The chart of the prices at which a bid would win, against its price (HTML edition).
    fn break_even_chart(&mut self, b: &tender_analysis::BreakEvenAnalysis) -> Res {
        let mut ranges = Vec::new();
        let mut rows = Vec::new();
        let (mut min, mut max) = (None::<Decimal>, None::<Decimal>);
        for e in &b.bids {
            let Target::Price { price, .. } = &e.to_win else { continue };
            let (now, target) = (self.money(e.price)?, self.money(*price)?);
            min = Some(min.map_or(*price, |m| m.min(*price)));
            max = Some(max.map_or(e.price, |m| m.max(e.price)));
            ranges.push(crate::chart::Range {
                label: id(&e.bid),
                low: *price,
                high: e.price,
                marker: Some(e.price),
                shown: target.clone(),
            });
            rows.push(vec![id(&e.bid), now, target]);
        }
        let (Some(min), Some(max)) = (min, max) else { return Ok(()) };
        // A margin of a tenth of the span on each side, so no range starts on the axis.
        let margin = max.checked_sub(min).and_then(|d| d.checked_div(Decimal::TEN)).unwrap_or(Decimal::ZERO);
        let min = min.checked_sub(margin).unwrap_or(min).max(Decimal::ZERO);
        let max = max.checked_add(margin).unwrap_or(max);
        let header = ["th-bid-id", "th-evaluated-price", "th-price-to-win"]
            .iter()
            .map(|k| self.text(k))
            .collect::<Result<Vec<_>, _>>()?;
        self.doc.chart(crate::chart::Chart {
            title: self.text("chart-break-even-title")?,
            desc: self.text("chart-break-even-desc")?,
            kind: crate::chart::Kind::Ranges {
                ranges,
                min,
                max,
                marker: self.text("th-evaluated-price")?,
                range: self.text("chart-break-even-range")?,
            },
            header,
            rows,
            apart: Vec::new(),
        });
        Ok(())
    }

    /// The chart of each bid's estimated probability of winning (HTML edition).
    fn stability_chart(&mut self, s: &tender_analysis::RankStability) -> Res {
        let cat = self.cat;
        let series = vec![self.text("th-probability-win")?];
        let mut bars = Vec::new();
        let mut rows = Vec::new();
        for b in &s.bids {
            let percent = crate::checked::mul(b.wins.estimate, Decimal::ONE_HUNDRED, "probability in percent")?;
            let shown = self.probability(b.wins.estimate)?;
            let with_error = t!(cat, "analysis-probability",
                "estimate" => shown.clone(), "error" => self.probability(b.wins.standard_error)?)?;
            bars.push(crate::chart::Bar { label: id(&b.bid), segments: vec![(percent, shown.clone())], shown });
            rows.push(vec![id(&b.bid), with_error]);
        }
        let header = ["th-bid-id", "th-probability-win"].iter().map(|k| self.text(k)).collect::<Result<Vec<_>, _>>()?;
        self.doc.chart(crate::chart::Chart {
            title: self.text("chart-stability-title")?,
            desc: self.text("chart-stability-desc")?,
            kind: crate::chart::Kind::Stacked { series, bars, max: Decimal::ONE_HUNDRED },
            header,
            rows,
            apart: Vec::new(),
        });
        Ok(())
    }

    /// A break-even target's three cells: the price, the reduction, the bid it draws level with.
    fn target(&self, t: &Target, unit: &str, goal: &str) -> Result<[String; 3], TextError> {
        let cat = self.cat;
        let dash = || "–".to_owned();
        Ok(match t {
            Target::Price { price, reduction, percent, level_with } => [
                self.money(*price)?,
                t!(cat, "analysis-reduction", "amount" => self.money(*reduction)?, "percent" => cat.percent(percent.normalize())?)?,
                id(level_with),
            ],
            Target::TiedNow { with } => [t!(cat, "analysis-tied-now", "bid" => id(with))?, dash(), dash()],
            Target::CannotWin => [t!(cat, goal, "unit" => unit.to_owned())?, dash(), dash()],
        })
    }

    fn break_even(&mut self) -> Res {
        self.heading("analysis-h-break-even")?;
        if self.skipped(&self.a.break_even)? {
            return Ok(());
        }
        let Some(b) = self.a.break_even.done() else { return Ok(()) };
        let cat = self.cat;
        let unit = self.money(Decimal::new(1, b.minor_units))?;
        let mut intro = vec![t!(cat, "analysis-break-even-intro", "unit" => unit.clone())?];
        if b.depends_on_other_bids {
            intro.push(self.text("analysis-break-even-relative")?);
        }
        self.doc.para(&intro.join(" "));
        if b.bids.is_empty() {
            self.doc.para(&self.text("analysis-break-even-none")?);
            return Ok(());
        }
        let header = |goal: &str| -> Result<Vec<String>, TextError> {
            ["th-bid-id", "th-rank", "th-evaluated-price", goal, "th-reduction", "th-level-with"]
                .iter()
                .map(|k| cat.text(k, &[]))
                .collect()
        };
        let mut rows = Vec::new();
        let mut award_rows = Vec::new();
        for e in &b.bids {
            let head = [id(&e.bid), e.rank.to_string(), self.money(e.price)?];
            let [price, reduction, level] = self.target(&e.to_win, &unit, "analysis-cannot-win")?;
            rows.push([head.to_vec(), vec![price, reduction, level]].concat());
            if let Some(t) = &e.to_be_awarded {
                let [price, reduction, level] = self.target(t, &unit, "analysis-cannot-be-awarded")?;
                award_rows.push([head.to_vec(), vec![price, reduction, level]].concat());
            }
        }
        self.doc.table(&header("th-price-to-win")?, &rows);
        self.break_even_chart(b)?;
        if !award_rows.is_empty() {
            self.doc.para(&t!(cat, "analysis-break-even-award-intro", "count" => self.a.suppliers_to_award)?);
            self.doc.table(&header("th-price-to-be-awarded")?, &award_rows);
        }
        if !b.values.is_empty() {
            self.doc.para(&self.text("analysis-break-even-values-intro")?);
            let header = ["th-bid-id", "th-criterion", "th-value-offered", "th-value-to-win"]
                .iter()
                .map(|k| cat.text(k, &[]))
                .collect::<Result<Vec<_>, _>>()?;
            let mut rows = Vec::new();
            for v in &b.values {
                let to = match v.to_win {
                    Some(to) => cat.number(to),
                    None => t!(cat, "analysis-value-cannot-win", "limit" => cat.number(v.limit.normalize()))?,
                };
                rows.push(vec![id(&v.bid), id(&v.criterion), cat.number(v.value.normalize()), to]);
            }
            self.doc.table(&header, &rows);
        }
        Ok(())
    }

    fn stability(&mut self) -> Res {
        self.heading("analysis-h-stability")?;
        if self.skipped(&self.a.stability)? {
            return Ok(());
        }
        let Some(s) = self.a.stability.done() else { return Ok(()) };
        let cat = self.cat;
        let samples = cat.number(Decimal::from(s.samples));
        let seed = s.seed.to_string();
        let several = self.a.suppliers_to_award > 1;
        let mut intro = vec![match s.perturbation {
            Perturbation::Dirichlet { concentration } => t!(cat, "analysis-stability-dirichlet",
                "samples" => samples, "count" => s.samples, "seed" => seed,
                "concentration" => cat.number(concentration))?,
            Perturbation::Uniform { percent } => t!(cat, "analysis-stability-uniform",
                "samples" => samples, "count" => s.samples, "seed" => seed,
                "percent" => cat.percent(percent.normalize())?)?,
        }];
        intro.push(t!(cat, "analysis-stability-winner", "winner" => id(&s.winner),
            "estimate" => self.probability(s.winner_kept.estimate)?,
            "error" => self.probability(s.winner_kept.standard_error)?)?);
        if several {
            intro.push(t!(cat, "analysis-stability-awarded",
                "estimate" => self.probability(s.awarded_kept.estimate)?,
                "error" => self.probability(s.awarded_kept.standard_error)?)?);
        }
        self.doc.para(&intro.join(" "));
        let mut keys = vec!["th-bid-id", "th-probability-win"];
        if several {
            keys.push("th-probability-award");
        }
        let header = keys.iter().map(|k| self.text(k)).collect::<Result<Vec<_>, _>>()?;
        let mut rows = Vec::new();
        for b in &s.bids {
            let p = |x: &tender_analysis::stability::Probability| -> R {
                t!(cat, "analysis-probability",
                    "estimate" => self.probability(x.estimate)?, "error" => self.probability(x.standard_error)?)
            };
            let mut row = vec![id(&b.bid), p(&b.wins)?];
            if several {
                row.push(p(&b.awarded)?);
            }
            rows.push(row);
        }
        self.doc.table(&header, &rows);
        self.stability_chart(s)?;
        Ok(())
    }

    /// A variant's price model with its parameters, and its rounding where it is not the tender's.
    fn variant(&self, v: &Variant, own: Option<&Variant>) -> R {
        let cat = self.cat;
        let model = model_text(cat, self.tender, v.kind, v.model.as_ref())?;
        let rounding = rounding_text(cat, v.rounding)?;
        if v.own {
            return t!(cat, "analysis-variant-own", "model" => model, "rounding" => rounding);
        }
        // A rounding variant of the tender's own model says its rounding; another model is
        // evaluated at the tender's.
        match own {
            Some(o) if o.model == v.model && o.rounding != v.rounding => {
                t!(cat, "analysis-variant-rounding", "model" => model, "rounding" => rounding)
            }
            _ => Ok(model),
        }
    }

    fn price_models(&mut self) -> Res {
        self.heading("analysis-h-price-models")?;
        if self.skipped(&self.a.price_models)? {
            return Ok(());
        }
        let Some(m) = self.a.price_models.done() else { return Ok(()) };
        let cat = self.cat;
        self.doc.para(&self.text("analysis-price-models-intro")?);
        let header = ["th-variant", "th-ranking", "th-awarded", "th-ties", "th-change"]
            .iter()
            .map(|k| self.text(k))
            .collect::<Result<Vec<_>, _>>()?;
        let own = m.variants.iter().find(|v| v.own);
        let mut rows = Vec::new();
        // Each assumption once, with the variants that made it.
        let mut assumptions: Vec<(&Assumption, Vec<String>)> = Vec::new();
        for v in &m.variants {
            let name = self.variant(v, own)?;
            match &v.outcome {
                Outcome::Ranked { ranking, awarded, changes_winner, changes_awarded, ties } => {
                    let points = v.model.as_ref().is_some_and(PriceModel::is_points_model);
                    let order = ranking
                        .iter()
                        .map(|r| {
                            let figure = if points {
                                Ok(cat.fixed(r.figure, v.rounding.decimals))
                            } else {
                                self.money(r.figure)
                            }?;
                            Ok(format!("{} ({figure})", id(&r.bid)))
                        })
                        .collect::<Result<Vec<_>, TextError>>()?;
                    let change = if *changes_winner {
                        self.text("analysis-changes-winner")?
                    } else if *changes_awarded {
                        self.text("analysis-changes-awarded")?
                    } else {
                        self.text("analysis-no-change")?
                    };
                    rows.push(vec![
                        name.clone(),
                        order.join("; "),
                        if awarded.is_empty() { "–".to_owned() } else { self.ids(awarded)? },
                        ties.to_string(),
                        change,
                    ]);
                }
                Outcome::Failed { reason } => {
                    let reason = reason_text(cat, self.lot, reason)?;
                    rows.push(vec![
                        name.clone(),
                        t!(cat, "analysis-not-evaluated", "reason" => reason)?,
                        "–".to_owned(),
                        "–".to_owned(),
                        "–".to_owned(),
                    ]);
                }
            }
            // The assumptions name the models alone; their parameters are in the table.
            let kind = words::price_model_name(cat, v.kind)?;
            for a in &v.assumptions {
                match assumptions.iter_mut().find(|(x, _)| *x == a) {
                    Some((_, names)) => names.push(kind.clone()),
                    None => assumptions.push((a, vec![kind.clone()])),
                }
            }
        }
        self.doc.table(&header, &rows);
        if !assumptions.is_empty() {
            self.doc.para(&self.text("analysis-assumptions-intro")?);
            let items = assumptions
                .iter()
                .map(|(a, names)| self.assumption(a, &cat.list(names)?))
                .collect::<Result<Vec<_>, _>>()?;
            self.doc.bullets(&items);
        }
        Ok(())
    }

    fn assumption(&self, a: &Assumption, models: &str) -> R {
        let cat = self.cat;
        match a {
            Assumption::PriceWeight { weight } => {
                t!(cat, "analysis-assumption-price-weight", "models" => models.to_owned(), "weight" => cat.number(*weight))
            }
            Assumption::MoneyValues { estimate, price_share, total, values } => {
                let values = values
                    .iter()
                    .map(|v| {
                        Ok(format!("{} {}", words::criterion_label(cat, self.lot, &v.criterion), self.money(v.value)?))
                    })
                    .collect::<Result<Vec<_>, TextError>>()?;
                t!(cat, "analysis-assumption-money-values",
                    "models" => models.to_owned(),
                    "estimate" => self.money(*estimate)?,
                    "share" => cat.number(*price_share),
                    "total" => cat.number(*total),
                    "values" => values.join("; "))
            }
        }
    }

    fn reversal(&mut self) -> Res {
        self.heading("analysis-h-reversal")?;
        if self.skipped(&self.a.rank_reversal)? {
            return Ok(());
        }
        let Some(r) = self.a.rank_reversal.done() else { return Ok(()) };
        let cat = self.cat;
        let intro = self.text("analysis-reversal-intro")?;
        if r.removals.is_empty() {
            let none = t!(cat, "analysis-reversal-none", "count" => r.removals_tried)?;
            self.doc.para(&format!("{intro} {none}"));
            return Ok(());
        }
        self.doc.para(&format!("{intro} {}", self.text("analysis-reversal-found")?));
        let mut items = Vec::new();
        for rm in &r.removals {
            for f in &rm.flips {
                items.push(t!(cat, "report-rank-reversal-item",
                    "removed" => id(&rm.removed), "now_ahead" => id(&f.now_ahead), "was_ahead" => id(&f.was_ahead))?);
            }
            if let Some(w) = &rm.new_winner {
                items.push(t!(cat, "analysis-reversal-new-winner", "removed" => id(&rm.removed), "winner" => id(w))?);
            }
        }
        self.doc.bullets(&items);
        Ok(())
    }
}

/// A price model with its parameters; the kind's name when there are none.
fn model_text(cat: &Catalogue, tender: &Tender, kind: &str, model: Option<&PriceModel>) -> R {
    let Some(model) = model else { return words::price_model_name(cat, kind) };
    match model {
        PriceModel::LinearSlope { slope } => {
            t!(cat, "analysis-model-linear-slope", "slope" => cat.percent(slope.get())?)
        }
        PriceModel::LinearFromLowest { floor_at_zero: true } => {
            cat.text("analysis-model-linear-from-lowest-floored", &[])
        }
        PriceModel::FixedSpan { low, high } => t!(cat, "analysis-model-fixed-span",
            "low" => cat.money(low.get(), &tender.currency)?, "high" => cat.money(high.get(), &tender.currency)?),
        PriceModel::Logarithmic { zero_at } => {
            t!(cat, "analysis-model-logarithmic", "zero_at" => cat.percent(zero_at.get())?)
        }
        PriceModel::PricePerQualityPoint { corridor: Some(c), decision } => {
            let decision = cat.text(
                match decision {
                    CorridorDecision::HigherQuality => "corridor-higher-quality",
                    CorridorDecision::LowerPrice => "corridor-lower-price",
                },
                &[],
            )?;
            t!(cat, "analysis-model-corridor", "corridor" => cat.percent(c.get())?, "decision" => decision)
        }
        PriceModel::ValueAdded { mode: AdjustMode::Deduction } => cat.text("analysis-model-value-added-deduction", &[]),
        PriceModel::ValueAdded { mode: AdjustMode::Markup } => cat.text("analysis-model-value-added-markup", &[]),
        PriceModel::PercentAdjustment { mode, max_percent } => t!(cat,
            match mode {
                AdjustMode::Deduction => "analysis-model-percent-deduction",
                AdjustMode::Markup => "analysis-model-percent-markup",
            },
            "percent" => cat.percent(max_percent.get())?),
        PriceModel::Formula { formula, .. } => {
            let written = crate::measured::written(cat, formula).unwrap_or_else(|| formula.clone());
            t!(cat, "analysis-model-formula", "formula" => written)
        }
        other => words::price_model(cat, other),
    }
}

/// A rounding policy in a few words: `the total rounded to 2 decimals, half away from zero`.
fn rounding_text(cat: &Catalogue, p: RoundingPolicy) -> R {
    let step = p.at.key();
    let strategy = match p.strategy {
        RoundingStrategy::HalfUp => "half-up",
        RoundingStrategy::HalfEven => "half-even",
        RoundingStrategy::HalfDown => "half-down",
        RoundingStrategy::Down => "down",
        RoundingStrategy::Up => "up",
    };
    t!(cat, "analysis-rounding", "step" => step, "decimals" => p.decimals, "strategy" => strategy)
}

/// Why something was not computed.
fn reason_text(cat: &Catalogue, lot: &Lot, r: &Reason) -> R {
    let key = |k: &str| cat.text(&format!("analysis-reason-{k}"), &[]);
    match r {
        Reason::NoRankedBid => key("no-ranked-bid"),
        Reason::FewerThanTwoRanked => key("fewer-than-two-ranked"),
        Reason::Corridor => key("corridor"),
        Reason::RelativeQualityTotal => key("relative-quality-total"),
        Reason::RelativeTotal => key("relative-total"),
        Reason::SeveralPriceCriteria => key("several-price-criteria"),
        Reason::NoWeightedCriteria => key("no-weighted-criteria"),
        Reason::NoQualityWeights => key("no-quality-weights"),
        Reason::MissingFigure { bid, criterion: Some(c) } => t!(cat, "analysis-reason-missing-result",
            "bid" => id(bid), "criterion" => words::criterion_label(cat, lot, c)),
        Reason::MissingFigure { bid, criterion: None } => t!(cat, "analysis-reason-missing-price", "bid" => id(bid)),
        Reason::PriceNotPositive { bid: Some(bid) } => {
            t!(cat, "analysis-reason-bid-price-not-positive", "bid" => id(bid))
        }
        Reason::PriceNotPositive { bid: None } => key("price-not-positive"),
        Reason::Logarithm => key("logarithm"),
        Reason::FormulaUsesOtherBids => key("formula-uses-other-bids"),
        Reason::FormulaNotMonotone => key("formula-not-monotone"),
        Reason::FormulaFailed => key("formula-failed"),
        Reason::FormulaNotProportional { criterion } => {
            t!(cat, "analysis-reason-formula-not-proportional", "criterion" => words::criterion_label(cat, lot, criterion))
        }
        Reason::TooLarge => key("too-large"),
        Reason::CarriesAllWeight => key("carries-all-weight"),
        Reason::NoSamples => key("no-samples"),
        Reason::NotAskedFor => key("not-asked-for"),
        Reason::TooManyRanked { ranked, limit } => {
            t!(cat, "analysis-reason-too-many-ranked", "ranked" => *ranked, "limit" => *limit)
        }
        Reason::NoEstimateForSpan => key("no-estimate-for-span"),
        Reason::NoEstimateForMoneyValues => key("no-estimate-for-money-values"),
        Reason::NoPriceCriterion => key("no-price-criterion"),
        Reason::NoWeightsToShare => key("no-weights-to-share"),
        Reason::ParametersTooLarge => key("parameters-too-large"),
        Reason::EvaluationFailed { bid: Some(bid), message } => t!(cat, "analysis-reason-evaluation-failed-bid",
            "bid" => id(bid), "message" => inline(message)),
        Reason::EvaluationFailed { bid: None, message } => {
            t!(cat, "analysis-reason-evaluation-failed", "message" => inline(message))
        }
    }
}
