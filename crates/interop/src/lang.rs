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
}
