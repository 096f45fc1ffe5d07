//! Issue 17: the texts of a tender that was never validated, whose numbers overflow a decimal when
//! added or subtracted, are refused with [`TextError::Overflow`] (or written), never a panic. The
//! tenders are the overflow cases of the malformed corpus (`tests/malformed/`).

use std::path::Path;

use tender_core::{Language, Tender, files};
use tender_text::TextError;

fn malformed(name: &str) -> Tender {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/malformed").join(name);
    match files::load::<Tender>(&path) {
        Ok((tender, _)) => tender,
        Err(e) => panic!("{name} must load (it is refused by validation, not by reading): {e}"),
    }
}

/// Writes every text the crate writes for `tender` alone, in every language.
fn every_text(tender: &Tender) -> Vec<Result<String, TextError>> {
    tender_text::languages().iter().map(|lang: &Language| tender_text::specification(tender, lang)).collect()
}

#[test]
fn an_overflowing_total_weight_is_an_error_not_a_panic() {
    for result in every_text(&malformed("tender-weights-sum-overflow.toml")) {
        match result {
            Err(TextError::Overflow { what }) => assert!(!what.is_empty()),
            other => panic!("expected an overflow error, got {other:?}"),
        }
    }
}

#[test]
fn an_overflowing_scale_range_is_an_error_not_a_panic() {
    for result in every_text(&malformed("tender-scale-range-overflow.toml")) {
        assert!(matches!(result, Err(TextError::Overflow { .. })), "{result:?}");
    }
}

#[test]
fn overflowing_sovereignty_weights_are_an_error_not_a_panic() {
    // The scoring crate computes the worked example and says the numbers are too large.
    for result in every_text(&malformed("tender-sovereignty-weights-overflow.toml")) {
        assert!(matches!(result, Err(TextError::Overflow { .. } | TextError::Evaluation(_))), "{result:?}");
    }
}
