//! `tender evaluate --format xlsx`: the evaluation workbook (`tender_interop::workbook`) written
//! to `-o FILE`, or to standard output when that is not a terminal.

use tender_core::Tender;
use tender_score::Evaluation;

use crate::Outcome;
use crate::cli::EvaluateArgs;
use crate::commands::{finish, language};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output;

/// Writes the workbook of `evaluation`; `diags` holds the warnings about the input so far.
pub(crate) fn evaluation_workbook(
    tender: &Tender,
    evaluation: &Evaluation,
    args: &EvaluateArgs,
    mut diags: Diagnostics,
) -> Outcome {
    let lang = language(args.lang.as_ref(), tender);
    let bytes = match tender_interop::evaluation_workbook(tender, evaluation, &lang) {
        Ok(bytes) => bytes,
        Err(e) => {
            diags.push(Diagnostic::error(format!("cannot write the evaluation workbook: {e}")));
            return finish(&diags, "not written");
        }
    };
    // Warnings about the input come first, on standard error; the workbook goes to -o or stdout.
    let outcome = finish(&diags, "not evaluated");
    if let Err(d) = output::write_binary(&bytes, args.output.as_deref(), "evaluation.xlsx") {
        let mut diags = Diagnostics::default();
        diags.push(d);
        return finish(&diags, "not written");
    }
    outcome
}
