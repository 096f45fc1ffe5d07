//! `docs/guide.md` lists the built-in catalogue of open standards; the list is generated from
//! `tender_core::standards::builtin_all`, so it is never stale. After changing the catalogue,
//! regenerate it with `UPDATE_GUIDE=1 cargo test -p tender-core --test guide_standards` and commit
//! the guide.

use std::path::{Path, PathBuf};

use tender_core::standards;

const START: &str = "<!-- The built-in standards: generated from tender_core::standards by `UPDATE_GUIDE=1 cargo test -p tender-core --test guide_standards`. -->\n";
const END: &str = "<!-- End of the built-in standards. -->\n";

fn guide() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/guide.md")
}

/// The catalogue as a Markdown table, in catalogue order.
fn table() -> String {
    let mut out = String::from(
        "| `id` | Standard | Danish name | Version | Body and reference | `area` |\n|---|---|---|---|---|---|\n",
    );
    let (en, da) = (tender_core::Language::en(), tender_core::Language::da());
    for s in standards::builtin_all() {
        let area = serde_json::to_value(s.area).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
        let danish = if s.name.get(&da) == s.name.get(&en) { "–" } else { s.name.get(&da) };
        out.push_str(&format!(
            "| `{}` | {} | {danish} | {} | {} | `{area}` |\n",
            s.id,
            s.name.get(&en),
            s.version,
            s.body
        ));
    }
    out
}

#[test]
fn the_guide_lists_the_built_in_standards() {
    let text = std::fs::read_to_string(guide()).expect("docs/guide.md");
    let (Some(start), Some(end)) = (text.find(START), text.find(END)) else {
        panic!("docs/guide.md has no generated list of built-in standards between\n{START}and\n{END}");
    };
    let body_start = start + START.len();
    assert!(body_start <= end, "the end marker comes before the start marker in docs/guide.md");
    let generated = table();
    if std::env::var_os("UPDATE_GUIDE").is_some_and(|v| v == "1") {
        let updated = format!("{}{generated}{}", &text[..body_start], &text[end..]);
        std::fs::write(guide(), updated).expect("docs/guide.md can be written");
        return;
    }
    assert!(
        text[body_start..end] == generated,
        "the list of built-in standards in docs/guide.md differs from the catalogue in crates/core/src/standards.rs; \
         regenerate it with `UPDATE_GUIDE=1 cargo test -p tender-core --test guide_standards` and commit the guide"
    );
    for s in standards::builtin_all() {
        assert!(text[body_start..end].contains(&format!("| `{}` |", s.id)), "{} is not listed", s.id);
    }
}
