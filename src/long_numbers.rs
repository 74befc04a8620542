//! Numbers too long for a value: the grammar reads no figure there, and this says so.

use crate::problem::{Problem, ProblemKind};

/// Digits a number may have and still be read: a Decimal's 28.
const MAX_DIGITS: usize = 28;

/// A warning for each number of the text with more digits than a value holds (`,` and `.`
/// between digits belong to it): the grammar reads no figure there, and says nothing.
pub(crate) fn overlong_numbers(text: &str) -> Vec<Problem> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let (mut at, mut line) = (0, 1);
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() {
            line += usize::from(bytes[at] == b'\n');
            at += 1;
            continue;
        }
        let start = at;
        let mut digits = 0;
        while at < bytes.len() {
            match bytes[at] {
                b'0'..=b'9' => digits += 1,
                b',' | b'.' if bytes.get(at + 1).is_some_and(u8::is_ascii_digit) => {}
                _ => break,
            }
            at += 1;
        }
        if digits > MAX_DIGITS {
            let shown: String = text[start..at].chars().take(12).collect();
            let message = format!(
                "a number of {digits} digits (`{shown}...`) is more than a value holds ({MAX_DIGITS}); not read"
            );
            found.push(Problem::warning(ProblemKind::Value, line, start, message));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_numbers_past_28_digits_are_named() {
        let long = "9".repeat(29);
        let text = format!("A total of 1,234,567.89 coins\nand {long} grains, 12.34.56 and 3.");
        let found = overlong_numbers(&text);
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].line, found[0].byte), (2, text.find(&long).unwrap()));
        assert!(
            found[0].message.starts_with("a number of 29 digits"),
            "{}",
            found[0].message
        );
        // 28 digits, grouped: a value holds it.
        let grouped = format!("1{}", ",000".repeat(9));
        assert!(overlong_numbers(&grouped).is_empty(), "{grouped}");
        assert_eq!(overlong_numbers(&format!("{grouped}0")).len(), 1);
    }
}
