//! Finding a validation path (`lots[1].award.criteria[2].weight`) in the text of a TOML or JSON
//! file, so a problem can be shown where it is.
//!
//! TOML goes through `tender_core::files::locate_toml`, which uses the TOML parser's spans. JSON has
//! no spanned parser in the workspace, so a small scanner walks the text of an already parsed file
//! (it is valid JSON, so the scanner only has to skip values, never to judge them).
//!
//! Both answer with the span of the value at the path, or of the nearest enclosing value that is
//! in the file (a missing field points at its table), and say which of the two it is.

use std::ops::Range;

use tender_core::files::{Format, locate_toml};

/// Where a path is in a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// The byte span.
    pub(crate) span: Range<usize>,
    /// Whether the span is the value at the path itself, not an enclosing one.
    pub(crate) exact: bool,
}

/// Finds `path` in `source`.
pub(crate) fn locate(source: &str, format: Format, path: &str) -> Option<Found> {
    match format {
        Format::Toml => locate_in_toml(source, path),
        Format::Json => locate_json(source, path),
    }
}

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Key(String),
    Index(usize),
}

/// Splits `a.b[2].c` into steps; `None` for text that is not a path (`bids (bidder X)`).
fn steps(path: &str) -> Option<Vec<Step>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, mut rest) = part.find('[').map_or((part, ""), |i| (&part[..i], &part[i..]));
        if key.is_empty() && rest.is_empty() {
            return None;
        }
        if key.contains(char::is_whitespace) {
            return None;
        }
        if !key.is_empty() {
            out.push(Step::Key(key.to_owned()));
        }
        while let Some(stripped) = rest.strip_prefix('[') {
            let end = stripped.find(']')?;
            out.push(Step::Index(stripped[..end].parse().ok()?));
            rest = &stripped[end + 1..];
        }
        if !rest.is_empty() {
            return None;
        }
    }
    (!out.is_empty()).then_some(out)
}

/// Writes steps back as a path.
fn join(steps: &[Step]) -> String {
    let mut s = String::new();
    for step in steps {
        match step {
            Step::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Step::Index(i) => {
                s.push('[');
                s.push_str(&i.to_string());
                s.push(']');
            }
        }
    }
    s
}

/// TOML: `locate_toml` gives the value or its nearest enclosing value; the value is exact when its
/// parent's span differs from it.
fn locate_in_toml(source: &str, path: &str) -> Option<Found> {
    let steps = steps(path)?;
    let found = locate_toml(source, path)?;
    let exact = match steps.split_last() {
        Some((_, [])) => true,
        Some((_, parent)) => locate_toml(source, &join(parent)).is_none_or(|p| p.span != found.span),
        None => false,
    };
    Some(Found { span: found.span, exact })
}

/// JSON: walks the text step by step.
fn locate_json(source: &str, path: &str) -> Option<Found> {
    let steps = steps(path)?;
    let bytes = source.as_bytes();
    let mut start = skip_ws(bytes, 0);
    let mut span: Option<Range<usize>> = None;
    let mut exact = true;
    for step in &steps {
        let next = match step {
            Step::Key(k) => member(source, start, k),
            Step::Index(i) => element(bytes, start, *i),
        };
        match next {
            Some(value_start) => {
                let end = skip_value(bytes, value_start)?;
                span = Some(value_start..end);
                start = value_start;
            }
            None => {
                exact = false;
                break;
            }
        }
    }
    // A path whose first step is missing points at the whole document's opening brace.
    let span = span.or_else(|| (start < bytes.len()).then(|| start..start + 1))?;
    Some(Found { span, exact })
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

/// The end of the string starting at `i` (at its opening quote): the index after the closing one.
fn skip_string(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' => j += 2,
            b'"' => return Some(j + 1),
            _ => j += 1,
        }
    }
    None
}

/// The end of the value starting at `i`, without recursion (brackets are counted).
fn skip_value(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i;
    let mut depth = 0_usize;
    loop {
        let b = *bytes.get(j)?;
        match b {
            b'"' => {
                j = skip_string(bytes, j)?;
                if depth == 0 {
                    return Some(j);
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(j + 1);
                }
            }
            _ if depth == 0 => {
                // A number, true, false or null: up to the next delimiter.
                let mut k = j;
                while k < bytes.len() && !matches!(bytes[k], b',' | b'}' | b']') && !bytes[k].is_ascii_whitespace() {
                    k += 1;
                }
                return Some(k);
            }
            _ => {}
        }
        j += 1;
    }
}

/// The start of the value of member `key` of the object at `i`.
fn member(source: &str, i: usize, key: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    if bytes.get(i) != Some(&b'{') {
        return None;
    }
    let mut j = skip_ws(bytes, i + 1);
    while bytes.get(j) == Some(&b'"') {
        let key_end = skip_string(bytes, j)?;
        // Keys are decoded, so an escaped key matches its path.
        let name: String = serde_json::from_str(source.get(j..key_end)?).ok()?;
        j = skip_ws(bytes, key_end);
        if bytes.get(j) != Some(&b':') {
            return None;
        }
        let value = skip_ws(bytes, j + 1);
        if name == key {
            return Some(value);
        }
        j = skip_ws(bytes, skip_value(bytes, value)?);
        if bytes.get(j) == Some(&b',') {
            j = skip_ws(bytes, j + 1);
        }
    }
    None
}

/// The start of element `index` of the array at `i`.
fn element(bytes: &[u8], i: usize, index: usize) -> Option<usize> {
    if bytes.get(i) != Some(&b'[') {
        return None;
    }
    let mut j = skip_ws(bytes, i + 1);
    let mut n = 0;
    while j < bytes.len() && bytes[j] != b']' {
        if n == index {
            return Some(j);
        }
        j = skip_ws(bytes, skip_value(bytes, j)?);
        if bytes.get(j) == Some(&b',') {
            j = skip_ws(bytes, j + 1);
        }
        n += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const JSON: &str = r#"{
  "id": "B-1",
  "price": { "total": 1200.50, "options": [ { "option": "O1", "price": 5 }, { "option": "O\"2", "price": [1, {"x": "]"}] } ] },
  "esc\u0061ped": true
}"#;

    fn text(path: &str) -> Option<(&'static str, bool)> {
        locate(JSON, Format::Json, path).map(|f| (&JSON[f.span], f.exact))
    }

    #[test]
    fn json_values_are_found() {
        assert_eq!(text("id"), Some(("\"B-1\"", true)));
        assert_eq!(text("price.total"), Some(("1200.50", true)));
        assert_eq!(text("price.options[0].option"), Some(("\"O1\"", true)));
        assert_eq!(text("price.options[1].price"), Some(("[1, {\"x\": \"]\"}]", true)));
        assert_eq!(text("escaped"), Some(("true", true)));
    }

    #[test]
    fn missing_json_values_point_at_their_parent() {
        let (t, exact) = text("price.options[7].price").expect("parent found");
        assert!(t.starts_with("[ { \"option\""));
        assert!(!exact);
        assert_eq!(text("nothing"), Some(("{", false)));
    }

    #[test]
    fn toml_values_are_found_and_marked_exact() {
        let src = "id = \"T\"\n[[lots]]\nid = \"L1\"\n[lots.award]\nweight = 30\n";
        let f = locate(src, Format::Toml, "lots[0].award.weight").expect("found");
        assert_eq!((&src[f.span], f.exact), ("30", true));
        let f = locate(src, Format::Toml, "lots[0].award.price_model").expect("parent found");
        assert!(!f.exact);
    }

    #[test]
    fn text_that_is_not_a_path_is_not_located() {
        assert_eq!(locate(JSON, Format::Json, "bids (bidder `X`)"), None);
        assert_eq!(steps("a..b"), None);
        assert_eq!(steps("a[x]"), None);
    }
}
