//! Issue 17: control characters in text from buyers and bidders (ESC sequences, carriage returns,
//! C1 controls) never reach the Markdown: they are shown as their visible pictures, and line
//! breaks are folded as before. Validation refuses them; this is the renderer's half, for a tender
//! that was not validated.

use std::path::Path;

use tender_core::{Language, Tender, Text, files};

const HOSTILE: &str = "Evil\u{1b}[31m Corp\r\n# forged line\u{9b}2J\u{7}\u{7f}";

fn base() -> Tender {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/malformed/base/tender.toml");
    match files::load::<Tender>(&path) {
        Ok((tender, _)) => tender,
        Err(e) => panic!("the base tender loads: {e}"),
    }
}

#[test]
fn control_characters_in_titles_are_shown_inert_in_the_specification() {
    let mut tender = base();
    tender.title = Text::Plain(HOSTILE.to_owned());
    tender.lots[0].title = Text::Plain(HOSTILE.to_owned());
    tender.lots[0].award.criteria[1].name = Text::Plain(HOSTILE.to_owned());
    for lang in tender_text::languages() {
        let lang: &Language = &lang;
        let text = match tender_text::specification(&tender, lang) {
            Ok(text) => text,
            Err(e) => panic!("{lang}: {e}"),
        };
        let bad: Vec<char> = text.chars().filter(|c| c.is_control() && *c != '\n').collect();
        assert!(bad.is_empty(), "{lang}: control characters reach the Markdown: {bad:?}");
        assert!(text.contains("Evil\u{241b}\\[31m Corp"), "{lang}: ESC is shown as ␛");
        assert!(!text.lines().any(|l| l.starts_with("# forged")), "{lang}: no forged heading");
    }
}
