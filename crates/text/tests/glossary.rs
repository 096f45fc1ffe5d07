//! The glossary `locales/glossary.toml` holds the terms chosen where a term is a choice, one entry
//! per term with the term in every language that has a catalogue. Every catalogue uses each term in
//! its language, and none of the words the glossary says to avoid.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Glossary {
    term: Vec<Term>,
}

/// An entry: `concept`, `source`, `avoid` and, by language code, the term (`da = "…"`).
#[derive(Deserialize)]
struct Term {
    concept: String,
    source: String,
    #[serde(default)]
    avoid: BTreeMap<String, Vec<String>>,
    #[serde(flatten)]
    terms: BTreeMap<String, String>,
}

fn locales() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("locales")
}

#[test]
fn every_catalogue_uses_the_glossary_terms_and_avoids_the_coinages() {
    let source = std::fs::read_to_string(locales().join("glossary.toml")).expect("locales/glossary.toml");
    let glossary: Glossary = toml::from_str(&source).unwrap_or_else(|e| panic!("locales/glossary.toml: {e}"));
    assert!(!glossary.term.is_empty());
    let languages: Vec<String> = tender_text::languages().iter().map(ToString::to_string).collect();
    let mut problems = Vec::new();
    for t in &glossary.term {
        assert!(!t.source.trim().is_empty(), "{}: no source", t.concept);
        let given: Vec<&String> = t.terms.keys().collect();
        assert_eq!(given, languages.iter().collect::<Vec<_>>(), "{}: one term per language", t.concept);
        for (lang, term) in &t.terms {
            let catalogue = std::fs::read_to_string(locales().join(format!("{lang}.ftl")))
                .unwrap_or_else(|e| panic!("locales/{lang}.ftl: {e}"))
                .to_lowercase();
            if !catalogue.contains(&term.to_lowercase()) {
                problems.push(format!("{lang}.ftl does not use the term {term:?} ({})", t.concept));
            }
            for avoid in t.avoid.get(lang).into_iter().flatten() {
                if catalogue.contains(&avoid.to_lowercase()) {
                    problems.push(format!("{lang}.ftl uses {avoid:?}; the glossary's term is {term:?}"));
                }
            }
        }
        for lang in t.avoid.keys() {
            assert!(t.terms.contains_key(lang), "{}: words to avoid in {lang}, which has no term", t.concept);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
