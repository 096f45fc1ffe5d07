//! The message catalogues: every `locales/*.ftl` parses, and every message of one language is in
//! every other (a missing key fails with the list of gaps).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use fluent_syntax::ast::Entry;

/// Every catalogue: language code → message ids.
fn load_all() -> BTreeMap<String, BTreeSet<String>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let mut out = BTreeMap::new();
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display())).path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    paths.sort();
    for path in paths {
        let source = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let resource = match fluent_syntax::parser::parse(source.as_str()) {
            Ok(r) => r,
            Err((_, errors)) => panic!("{} is not valid Fluent: {errors:?}", path.display()),
        };
        let mut ids = BTreeSet::new();
        for entry in &resource.body {
            match entry {
                Entry::Message(m) => {
                    assert!(ids.insert(m.id.name.to_owned()), "{}: `{}` is defined twice", path.display(), m.id.name);
                }
                Entry::Term(t) => panic!("{}: use messages, not terms (`-{}`)", path.display(), t.id.name),
                Entry::Junk { content } => panic!("{}: cannot parse `{content}`", path.display()),
                _ => {}
            }
        }
        let code = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
        out.insert(code, ids);
    }
    out
}

#[test]
fn catalogues() {
    let all = load_all();
    assert!(all.contains_key("da") && all.contains_key("en"), "Danish and English must both be there");
    let union: BTreeSet<&String> = all.values().flatten().collect();
    let mut gaps = Vec::new();
    for (lang, ids) in &all {
        let missing: Vec<&str> = union.iter().filter(|id| !ids.contains(**id)).map(|s| s.as_str()).collect();
        if !missing.is_empty() {
            gaps.push(format!("locales/{lang}.ftl lacks {} message(s): {}", missing.len(), missing.join(", ")));
        }
    }
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
    let built: Vec<String> = tender_text::languages().iter().map(|l| l.as_str().to_owned()).collect();
    assert_eq!(built, all.keys().cloned().collect::<Vec<_>>(), "the crate is built with every catalogue");
}
