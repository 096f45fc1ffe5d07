//! Issue 17 (found by the fuzz target): the eForms export of a tender that was never validated,
//! whose percentage weights overflow a decimal when added, panicked with "Addition overflowed".
//! Now the export refuses it with a problem at the criteria, like any other weight sum.

use std::path::Path;

use tender_core::{Tender, files};
use tender_interop::ExportError;

#[test]
fn eforms_export_of_overflowing_weights_is_a_problem_not_a_panic() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/malformed/tender-weights-sum-overflow.toml");
    let tender = match files::load::<Tender>(&path) {
        Ok((tender, _)) => tender,
        Err(e) => panic!("the case loads: {e}"),
    };
    match tender_interop::eforms_award_criteria(&tender, &tender_interop::EformsOptions::default()) {
        Err(ExportError::Invalid { problems, .. }) => {
            assert!(problems.iter().any(|p| p.message.contains("more than an exact decimal holds")), "{problems:?}");
        }
        other => panic!("expected the weights to be refused, got {other:?}"),
    }
}
