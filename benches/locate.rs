//! Benchmark of locating validation problems in their file (issue 17): 10,000 problems in a
//! minified JSON bid of about 750 KB (one line), and 10,000 in a TOML tender, each located from one
//! [`SpanIndex`] built once per file. Before the index, each problem parsed the file again: 2,000
//! problems in a 110 KB bid took 21 s. Run with `cargo bench -p tender-core --bench locate`;
//! results are reported in `docs/performance.md`.
#![allow(clippy::unwrap_used, missing_docs)]

use std::fmt::Write as _;

use tender_core::files::{Format, SpanIndex};

const PROBLEMS: usize = 10_000;

fn main() {
    divan::main();
}

fn json_bid() -> String {
    let score = r#"{"evaluator":"E1","criterion":"Q-FUNC","score":99,"justification":"Fine."}"#;
    let scores = vec![score; PROBLEMS].join(",");
    format!(r#"{{"id":"A-9","tender":"T","lot":"L","price":{{"total":900000}},"scores":[{scores}]}}"#)
}

fn toml_tender() -> String {
    let mut t = String::from("id = \"T\"\n[[lots]]\nid = \"L\"\n[lots.award]\nscale = \"0-10\"\n");
    for c in 0..PROBLEMS {
        write!(t, "[[lots.award.criteria]]\nid = \"Q{c}\"\nname = \"Q{c}\"\nkind = \"quality\"\nweight = 1\n").unwrap();
    }
    t
}

fn paths(template: impl Fn(usize) -> String) -> Vec<String> {
    (0..PROBLEMS).map(template).collect()
}

#[divan::bench]
fn json_10000_problems(bencher: divan::Bencher<'_, '_>) {
    let source = json_bid();
    let paths = paths(|i| format!("scores[{i}].score"));
    bencher.bench(|| {
        let index = SpanIndex::new(&source, Format::Json);
        let found = paths.iter().filter(|p| index.locate(&source, p).is_some_and(|f| f.exact)).count();
        assert_eq!(found, PROBLEMS);
    });
}

#[divan::bench]
fn toml_10000_problems(bencher: divan::Bencher<'_, '_>) {
    let source = toml_tender();
    let paths = paths(|i| format!("lots[0].award.criteria[{i}].weight"));
    bencher.bench(|| {
        let index = SpanIndex::new(&source, Format::Toml);
        let found = paths.iter().filter(|p| index.locate(&source, p).is_some_and(|f| f.exact)).count();
        assert_eq!(found, PROBLEMS);
    });
}
