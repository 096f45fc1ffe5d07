//! Language codes: the tender's ISO 639-1 codes (`da`) to the codes eForms writes in `languageID`
//! (`DAN`).
//!
//! eForms takes language codes from the Publications Office's *language* authority table (SDK
//! code list `language`, subset `eu-official-language`): three upper-case letters following ISO
//! 639-2/T, so French is `FRA` and German `DEU` (not the bibliographic `FRE`, `GER`).

/// The eForms `languageID` of an ISO 639-1 language code, for the 24 official EU languages and
/// the other EEA languages (Icelandic, Norwegian).
pub fn eforms_language(iso_639_1: &str) -> Option<&'static str> {
    Some(match iso_639_1 {
        "bg" => "BUL",
        "cs" => "CES",
        "da" => "DAN",
        "de" => "DEU",
        "el" => "ELL",
        "en" => "ENG",
        "es" => "SPA",
        "et" => "EST",
        "fi" => "FIN",
        "fr" => "FRA",
        "ga" => "GLE",
        "hr" => "HRV",
        "hu" => "HUN",
        "it" => "ITA",
        "lt" => "LIT",
        "lv" => "LAV",
        "mt" => "MLT",
        "nl" => "NLD",
        "pl" => "POL",
        "pt" => "POR",
        "ro" => "RON",
        "sk" => "SLK",
        "sl" => "SLV",
        "sv" => "SWE",
        "is" => "ISL",
        "no" | "nb" => "NOR",
        _ => return None,
    })
}

/// The ISO 639-1 code of a language given either way: `en`, or the eForms code `ENG` (any
/// case). `None` when it is neither.
pub fn iso_language(code: &str) -> Option<String> {
    let lower = code.trim().to_ascii_lowercase();
    if eforms_language(&lower).is_some() {
        return Some(lower);
    }
    let upper = code.trim().to_ascii_uppercase();
    ISO_639_1.iter().find(|iso| eforms_language(iso) == Some(upper.as_str())).map(|iso| (*iso).to_owned())
}

/// The ISO 639-1 codes [`eforms_language`] knows.
const ISO_639_1: [&str; 27] = [
    "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "ga", "hr", "hu", "it", "lt", "lv", "mt", "nl", "pl",
    "pt", "ro", "sk", "sl", "sv", "is", "no", "nb",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminology_codes_not_bibliographic() {
        assert_eq!(eforms_language("fr"), Some("FRA"));
        assert_eq!(eforms_language("de"), Some("DEU"));
        assert_eq!(eforms_language("da"), Some("DAN"));
        assert_eq!(eforms_language("xx"), None);
    }

    #[test]
    fn either_code_gives_the_iso_code() {
        assert_eq!(iso_language("ENG").as_deref(), Some("en"));
        assert_eq!(iso_language("dan").as_deref(), Some("da"));
        assert_eq!(iso_language("DA").as_deref(), Some("da"));
        assert_eq!(iso_language("NOR").as_deref(), Some("no"));
        assert_eq!(iso_language("XXX"), None);
        assert_eq!(iso_language("FRE"), None, "the bibliographic code is not eForms'");
        for iso in ISO_639_1 {
            assert_eq!(iso_language(iso).as_deref(), Some(iso));
        }
    }
}
