//! Control characters in text from buyers and bidders: which ones validation refuses, and how a
//! renderer shows the ones that remain so they do nothing (issue 17: a bidder name with `\r` or
//! `ESC [31m` forged lines and sent escape sequences to the evaluator's terminal).
//!
//! Validation ([`crate::validate`]) refuses every control character in one-line text (names,
//! titles) and every one but the line break (and tab) in free text (descriptions, justifications,
//! evidence), where a line break means something. Renderers then pass text through [`inert`], which
//! shows any control character that is left as its visible Unicode picture (`␛` for ESC), or fold
//! line breaks themselves.

use std::borrow::Cow;

/// Whether `c` is refused in text: every control character, but a line break or a tab when
/// `free_text` (a carriage return is allowed only as the first half of a Windows line break,
/// which [`first_refused`] sees).
pub fn is_refused(c: char, free_text: bool) -> bool {
    c.is_control() && !(free_text && matches!(c, '\n' | '\t'))
}

/// The first refused control character of `text` and its position in characters (from 0), if any.
/// `\r\n` counts as a line break in free text.
pub fn first_refused(text: &str, free_text: bool) -> Option<(usize, char)> {
    let mut chars = text.chars().enumerate().peekable();
    while let Some((i, c)) = chars.next() {
        if free_text && c == '\r' && chars.peek().is_some_and(|(_, next)| *next == '\n') {
            continue;
        }
        if is_refused(c, free_text) {
            return Some((i, c));
        }
    }
    None
}

/// How a control character is named in a message: `U+001B (ESC)`.
pub fn describe(c: char) -> String {
    let code = u32::from(c);
    let name = match c {
        '\0' => " (NUL)",
        '\t' => " (tab)",
        '\n' => " (line break)",
        '\r' => " (carriage return)",
        '\u{1b}' => " (ESC)",
        '\u{7f}' => " (DEL)",
        _ => "",
    };
    format!("U+{code:04X}{name}")
}

/// The visible stand-in of a control character: its Unicode control picture (`␛` for ESC, `␍` for
/// a carriage return), or `�` for a C1 control; `None` for other characters.
pub fn picture(c: char) -> Option<char> {
    let code = u32::from(c);
    match code {
        0x00..=0x1f => char::from_u32(0x2400_u32.saturating_add(code)),
        0x7f => Some('\u{2421}'),
        _ if c.is_control() => Some('\u{FFFD}'),
        _ => None,
    }
}

/// Whether `text` may hold a control character other than a line break or a tab: a byte below
/// 0x20 (but those two), DEL (0x7f), or 0xc2, the lead byte of the C1 controls U+0080–U+009F in
/// UTF-8 (and of the other characters up to U+00BF). A test of bytes, without decoding, so the
/// 13 MB of a large evaluation's JSON are passed in a few milliseconds.
fn may_hold_control(text: &str) -> bool {
    let suspect = |b: u8| (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f || b == 0xc2;
    // In blocks without an early exit inside, which the compiler turns into vector instructions.
    text.as_bytes().chunks(64).any(|block| block.iter().fold(false, |found, &b| found | suspect(b)))
}

/// `text` with every control character but the line break and the tab shown as its picture, so
/// printing it cannot move the cursor, erase a line, change colours or send a terminal command.
/// Borrowed when there is nothing to replace.
pub fn inert(text: &str) -> Cow<'_, str> {
    if !may_hold_control(text) || !text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().map(|c| if c == '\n' || c == '\t' { c } else { picture(c).unwrap_or(c) }).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_text_refuses_every_control_character() {
        assert_eq!(first_refused("Evil\nCorp", false), Some((4, '\n')));
        assert_eq!(first_refused("Evil\r", false), Some((4, '\r')));
        assert_eq!(first_refused("a\u{1b}[31m", false), Some((1, '\u{1b}')));
        assert_eq!(first_refused("a\u{9b}31m", false), Some((1, '\u{9b}')));
        assert_eq!(first_refused("Hjælp & Co", false), None);
    }

    #[test]
    fn free_text_keeps_line_breaks_only() {
        assert_eq!(first_refused("one\ntwo\r\nthree\tfour", true), None);
        assert_eq!(first_refused("one\rtwo", true), Some((3, '\r')));
        assert_eq!(first_refused("one\n\u{1b}[2J", true), Some((4, '\u{1b}')));
    }

    #[test]
    fn what_remains_is_shown_inert() {
        assert_eq!(inert("plain\ntext"), "plain\ntext");
        assert_eq!(inert("a\u{1b}[31mred\r\u{7f}\u{9b}"), "a\u{241b}[31mred\u{240d}\u{2421}\u{FFFD}");
        assert_eq!(describe('\u{1b}'), "U+001B (ESC)");
    }

    #[test]
    fn the_byte_test_misses_no_control_character() {
        // Every character there is, alone and between others: the byte test must let each control
        // character through to the full check.
        for c in (0..=0x10_ffff_u32).filter_map(char::from_u32) {
            let alone = c.to_string();
            let inside = format!("Hjælp{c}§x");
            let control = c.is_control() && c != '\n' && c != '\t';
            if control {
                assert!(may_hold_control(&alone) && may_hold_control(&inside), "{c:?}");
                assert!(matches!(inert(&inside), Cow::Owned(_)), "{c:?}");
            } else {
                assert!(matches!(inert(&inside), Cow::Borrowed(_)), "{c:?}");
            }
        }
        // Text without any of the bytes is passed as it is, without decoding.
        assert!(!may_hold_control("Aarhus Kommune, æøå ÆØÅ, 1.234,50 kr.\n\tlinje to"));
    }
}
