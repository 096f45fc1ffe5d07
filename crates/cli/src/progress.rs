//! The progress bar of `tender analyze` (indicatif): on standard error, only when it is a
//! terminal, only for work long enough to wait for, and never with `--quiet`. The bar observes the
//! Monte Carlo sampling; the analysis is the same with or without it.

use std::io::IsTerminal as _;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Samples below which no bar is shown: the default 10,000 per lot take a fraction of a second.
const SHOWN_FROM: u64 = 200_000;

/// A progress bar, or nothing when none is shown. Cleared from the terminal when dropped.
pub(crate) struct Bar(Option<ProgressBar>);

impl Bar {
    /// `n` more samples are done.
    pub(crate) fn advance(&self, n: u64) {
        if let Some(bar) = &self.0 {
            bar.inc(n);
        }
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        if let Some(bar) = &self.0 {
            bar.finish_and_clear();
        }
    }
}

/// The bar for the rank-stability samples of every lot: shown when standard error is a terminal,
/// `quiet` is off, and there are at least [`SHOWN_FROM`] samples in all.
pub(crate) fn samples(options: &tender_analysis::Options, lots: usize, quiet: bool) -> Bar {
    let total = u64::from(options.samples).saturating_mul(u64::try_from(lots).unwrap_or(u64::MAX));
    if quiet || total < SHOWN_FROM || !std::io::stderr().is_terminal() {
        return Bar(None);
    }
    let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("rank stability {wide_bar} {human_pos}/{human_len} samples, {eta} left")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    Bar(Some(bar))
}
