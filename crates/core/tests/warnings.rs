//! Tenders that are valid but probably not what was meant: validation warns, says what the tender
//! will mean as written, and what would fix it. Each case is the valid tender of
//! `tests/malformed/base/` with one change; the warnings are snapshots in `snapshots/`.

use std::path::{Path, PathBuf};

use tender_core::files::{self, Format};
use tender_core::validate::{self, Level, Problem};
use tender_core::{Tender, standards};

fn base_source() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/malformed/base/tender.toml");
    std::fs::read_to_string(path).expect("the base tender")
}

/// The base tender with `from` replaced by `to` (which must occur once), validated.
fn validate_changed(from: &str, to: &str) -> Vec<Problem> {
    let source = base_source();
    assert_eq!(source.matches(from).count(), 1, "`{from}` must occur once in the base tender");
    let source = source.replacen(from, to, 1);
    let tender: Tender = match files::parse(&source, Format::Toml, &PathBuf::from("tender.toml")) {
        Ok(t) => t,
        Err(e) => panic!("the changed tender must load: {e}"),
    };
    validate::validate_tender(&tender)
}

fn render(problems: &[Problem]) -> String {
    problems.iter().map(|p| format!("{p}\n")).collect()
}

fn warnings(problems: &[Problem]) -> Vec<&Problem> {
    assert!(!validate::has_errors(problems), "only warnings expected:\n{}", render(problems));
    problems.iter().filter(|p| p.level == Level::Warning).collect()
}

macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

const PROPORTIONAL: &str = "price_model = { kind = \"proportional\" }";

#[test]
fn a_linear_slope_under_one_is_read_as_a_percentage_and_warned() {
    let problems = validate_changed(PROPORTIONAL, "price_model = { kind = \"linear-slope\", slope = 0.5 }");
    let found = warnings(&problems);
    assert_eq!(found.len(), 1, "{}", render(&problems));
    assert_eq!(found[0].path, "lots[0].award.price_model.slope");
    // The base tender's price criterion weighs 40: a fifth of it is 8 points.
    assert!(found[0].message.contains("0.5 means 0.5 %"), "{}", found[0]);
    assert!(found[0].message.contains("0.1 % above the lowest already loses 0.2 × M = 8 of the 40"), "{}", found[0]);
    assert!(found[0].fix.starts_with("did you mean 50?"), "{}", found[0]);
    snapshot!("warning-linear-slope-0.5", render(&problems));

    let problems = validate_changed(PROPORTIONAL, "price_model = { kind = \"linear-slope\", slope = 0.25 }");
    let found = warnings(&problems);
    assert_eq!(found.len(), 1, "{}", render(&problems));
    assert!(found[0].fix.starts_with("did you mean 25? With slope = 25 a bid gets zero price points at 25 %"));
    assert!(found[0].message.contains("a price 0.05 % above the lowest already loses"), "{}", found[0]);
}

#[test]
fn a_linear_slope_of_one_or_more_is_not_warned() {
    for slope in ["1", "50", "75", "100", "150"] {
        let problems =
            validate_changed(PROPORTIONAL, &format!("price_model = {{ kind = \"linear-slope\", slope = {slope} }}"));
        assert!(problems.is_empty(), "slope {slope}:\n{}", render(&problems));
    }
    // Zero or below stays an error, not a warning.
    let problems = validate_changed(PROPORTIONAL, "price_model = { kind = \"linear-slope\", slope = 0 }");
    assert!(validate::has_errors(&problems));
    assert!(problems.iter().all(|p| p.level == Level::Error), "{}", render(&problems));
}

const CALDAV_CUSTOM: &str = r#"
[[standards]]
id = "caldav"
name = "CalDAV as profiled by the municipality"
version = "2026"
body = "Aarhus Kommune"
area = "mail-calendar"
"#;

#[test]
fn a_custom_standard_with_a_built_in_id_is_warned() {
    // `[[standards]]` must come before `[[lots]]` in the file, so it is placed at the top.
    let problems = validate_changed(
        "[[requirements]]\nid = \"R-ODF\"",
        &format!("{CALDAV_CUSTOM}\n[[requirements]]\nid = \"R-ODF\""),
    );
    let found = warnings(&problems);
    assert_eq!(found.len(), 1, "{}", render(&problems));
    assert_eq!(found[0].path, "standards[0].id");
    assert!(
        found[0]
            .message
            .contains("that of the built-in standard Calendaring Extensions to WebDAV, RFC 4791 (IETF RFC 4791)"),
        "{}",
        found[0]
    );
    assert!(found[0].fix.contains("`caldav-local`"), "{}", found[0]);
    snapshot!("warning-standard-shadows-built-in", render(&problems));
}

#[test]
fn a_custom_standard_repeating_a_built_in_one_is_warned_as_redundant() {
    let builtin = standards::builtin("caldav").expect("caldav is built in");
    let same = format!(
        "[[standards]]\nid = \"caldav\"\nname = \"{}\"\nversion = \"{}\"\nbody = \"{}\"\narea = \"mail-calendar\"\n\n[[requirements]]\nid = \"R-ODF\"",
        builtin.name.get(&tender_core::Language::en()),
        builtin.version,
        builtin.body
    );
    let problems = validate_changed("[[requirements]]\nid = \"R-ODF\"", &same);
    let found = warnings(&problems);
    assert_eq!(found.len(), 1, "{}", render(&problems));
    assert_eq!(found[0].fix, "remove this entry: it repeats the built-in `caldav`");
}

#[test]
fn a_custom_standard_with_its_own_id_is_not_warned() {
    let own = CALDAV_CUSTOM.replace("id = \"caldav\"", "id = \"caldav-aarhus\"");
    let problems =
        validate_changed("[[requirements]]\nid = \"R-ODF\"", &format!("{own}\n[[requirements]]\nid = \"R-ODF\""));
    assert!(problems.is_empty(), "{}", render(&problems));
}

#[test]
fn a_quality_criterion_without_a_description_or_scale_descriptors_is_warned() {
    // udbudsloven § 160: bidders must be able to tell how to win each criterion.
    let problems = validate_changed(
        "name = \"Support\"\ndescription = \"Hours, languages and response times of the service desk.\"\n",
        "name = \"Support\"\n",
    );
    let found = warnings(&problems);
    assert_eq!(found.len(), 1, "{}", render(&problems));
    assert_eq!(found[0].path, "lots[0].award.criteria[2].description");
    assert!(found[0].message.contains("§ 160"), "{}", found[0]);

    // A criterion whose sub-criteria are all described is described.
    let problems = validate_changed("name = \"Usability\"\n", "name = \"Usability\"\n");
    assert!(warnings(&problems).is_empty(), "{}", render(&problems));
    // One undescribed sub-criterion leaves the criterion undescribed.
    let problems = validate_changed("description = \"Conformance with WCAG 2.1 AA.\"\n", "");
    let found = warnings(&problems);
    assert_eq!(found.len(), 1, "{}", render(&problems));
    assert_eq!(found[0].path, "lots[0].award.criteria[1].description");

    // The lot's scale without descriptors.
    let source = base_source();
    let scale = source.lines().find(|l| l.starts_with("scale = {")).expect("the base tender's scale").to_owned();
    let problems = validate_changed(&scale, "scale = \"0-10\"");
    let found = warnings(&problems);
    assert_eq!(found.len(), 1, "{}", render(&problems));
    assert_eq!(found[0].path, "lots[0].award.scale");
    assert!(found[0].fix.contains("descriptors"), "{}", found[0]);
}
