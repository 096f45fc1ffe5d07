//! Why a text could not be written.

use tender_core::{Id, Language};

/// Why a text could not be written, with what would fix it.
#[derive(Debug, thiserror::Error)]
pub enum TextError {
    /// There is no catalogue for the language asked for.
    #[error(
        "there are no tender texts in `{requested}`; available: {}. To add a language, add crates/text/locales/{requested}.ftl",
        available.iter().map(Language::as_str).collect::<Vec<_>>().join(", ")
    )]
    UnknownLanguage {
        /// The language asked for.
        requested: Language,
        /// The languages with a catalogue.
        available: Vec<Language>,
    },
    /// A catalogue is not valid Fluent.
    #[error("the catalogue locales/{lang}.ftl is not valid: {detail}")]
    Catalogue {
        /// The language.
        lang: Language,
        /// What is wrong.
        detail: String,
    },
    /// The HTML page frame (`page.html`) could not be rendered: a defect of the template.
    #[error("the HTML page cannot be written: {detail}")]
    Page {
        /// minijinja's error.
        detail: String,
    },
    /// A catalogue lacks a message the text needs.
    #[error("the catalogue locales/{lang}.ftl has no message `{id}`; add it (the test `catalogues` lists every gap)")]
    MissingMessage {
        /// The language.
        lang: Language,
        /// The message id.
        id: String,
    },
    /// A message could not be formatted (e.g. it uses an argument the text does not give).
    #[error("the message `{id}` in locales/{lang}.ftl cannot be formatted: {detail}")]
    Format {
        /// The language.
        lang: Language,
        /// The message id.
        id: String,
        /// Fluent's errors.
        detail: String,
    },
    /// A figure computed from the tender is beyond what an exact decimal holds: the tender was not
    /// validated (validation refuses such numbers, with where they are).
    #[error(
        "the {what} is beyond what an exact decimal holds; check the tender first (`tender check`), which says which number is too large"
    )]
    Overflow {
        /// What was being computed.
        what: &'static str,
    },
    /// The worked example of an evaluation model could not be computed.
    #[error("the worked example of the evaluation model cannot be computed: {0}")]
    Evaluation(#[from] tender_score::EvaluationError),
    /// The evaluation is of another tender.
    #[error("the evaluation is of tender `{evaluation}`, not `{tender}`; evaluate this tender's bids")]
    OtherTender {
        /// The tender the evaluation is of.
        evaluation: Id,
        /// The tender given.
        tender: Id,
    },
    /// The evaluation has a lot the tender does not.
    #[error("the evaluation has a lot `{lot}` that the tender does not; evaluate this tender's bids")]
    UnknownLot {
        /// The lot.
        lot: Id,
    },
    /// The robustness analysis is of another tender (or of a version with other lots).
    #[error(
        "the robustness analysis is of tender `{analysis}`, not of `{tender}` as it is now; analyse this tender's bids"
    )]
    AnalysisOfOtherTender {
        /// The tender the analysis is of.
        analysis: Id,
        /// The tender given.
        tender: Id,
    },
    /// The robustness analysis ranks other bids than the evaluation it is appended to.
    #[error(
        "the robustness analysis of lot `{lot}` ranks other bids than the evaluation; analyse the bids that were evaluated"
    )]
    AnalysisOfOtherBids {
        /// The lot.
        lot: Id,
    },
}
