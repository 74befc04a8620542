//! Numbers too long for a value: the grammar reads no figure there, and this says so.

use crate::problem::{Problem, ProblemKind};

/// Digits a number may have and still be read: a Decimal's 28.
const MAX_DIGITS: usize = 28;

/// Half the shortest run that may hold a number too long for a value.
const PROBE: usize = MAX_DIGITS / 2;
const _: () = assert!(MAX_DIGITS >= 2 * PROBE);

/// The distance between the bytes probed: every run of `MAX_DIGITS + 1` bytes or more
/// holds one.
const STRIDE: usize = 2 * PROBE;

/// A warning for each number of the text with more digits than a value holds (`,` and `.`
/// between digits belong to it): the grammar reads no figure there, and says nothing.
/// A number lies within a run of digits, commas and points, and one of more than
/// `MAX_DIGITS` digits (at least 29 bytes) holds a probe (every `STRIDE` bytes) and the byte
/// `PROBE` before or after it (a run holding neither is at most `2 * PROBE - 1` bytes):
/// only the runs met there are read. A probe every `PROBE` bytes, two in a row in the
/// run, looked at twice as many bytes.
pub(crate) fn overlong_numbers(text: &str) -> Vec<Problem> {
    let bytes = text.as_bytes();
    let in_run = |at: usize| {
        bytes
            .get(at)
            .is_some_and(|&b| b.is_ascii_digit() || b == b',' || b == b'.')
    };
    let mut found = Vec::new();
    let mut lines = Lines::default();
    let mut probe = 0;
    while probe < bytes.len() {
        // A comma or a short number is passed over.
        if !in_run(probe) || !(in_run(probe + PROBE) || probe.checked_sub(PROBE).is_some_and(in_run)) {
            probe += STRIDE;
            continue;
        }
        let start = (0..probe).rev().find(|&at| !in_run(at)).map_or(0, |p| p + 1);
        let end = (probe..bytes.len()).find(|&at| !in_run(at)).unwrap_or(bytes.len());
        numbers_in_run(text, start, end, &mut lines, &mut found);
        probe = end.next_multiple_of(STRIDE);
    }
    found
}

/// Line numbers of increasing byte offsets, counted once.
#[derive(Default)]
struct Lines {
    counted_to: usize,
    breaks: usize,
}

impl Lines {
    fn line_of(&mut self, text: &[u8], offset: usize) -> usize {
        let newly = text.get(self.counted_to..offset).unwrap_or_default();
        self.breaks += memchr::memchr_iter(b'\n', newly).count();
        self.counted_to = offset.max(self.counted_to);
        self.breaks + 1
    }
}

/// The warnings of the numbers of `text[start..end]`, a run of digits, commas and points.
fn numbers_in_run(text: &str, start: usize, end: usize, lines: &mut Lines, found: &mut Vec<Problem>) {
    let bytes = &text.as_bytes()[..end];
    let mut at = start;
    while at < end {
        if !bytes[at].is_ascii_digit() {
            at += 1;
            continue;
        }
        let number_start = at;
        let mut digits = 0;
        while at < end {
            match bytes[at] {
                b'0'..=b'9' => digits += 1,
                b',' | b'.' if bytes.get(at + 1).is_some_and(u8::is_ascii_digit) => {}
                _ => break,
            }
            at += 1;
        }
        if digits > MAX_DIGITS {
            let shown: String = text[number_start..at].chars().take(12).collect();
            let message = format!(
                "a number of {digits} digits (`{shown}...`) is more than a value holds ({MAX_DIGITS}); not read"
            );
            let line = lines.line_of(text.as_bytes(), number_start);
            found.push(Problem::warning(ProblemKind::Value, line, number_start, message));
        }
    }
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

    #[test]
    fn the_shortest_overlong_numbers_are_found_wherever_they_start() {
        for digits in [29, 30, 37] {
            for pad in 0..3 * STRIDE {
                let text = format!("{}{} 5.", " ".repeat(pad), "7".repeat(digits));
                assert_eq!(overlong_numbers(&text).len(), 1, "{digits} digits after {pad} spaces");
            }
        }
    }

    /// The byte-by-byte walk this replaced: the oracle.
    fn walked(text: &str) -> Vec<(usize, usize, String)> {
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
                found.push((line, start, digits.to_string()));
            }
        }
        found
    }

    proptest::proptest! {
        #[test]
        fn runs_met_at_probes_find_every_overlong_number(
            picks in proptest::collection::vec(0..8usize, 0..60),
        ) {
            const PIECES: [&str; 8] = ["1234567", "0", ",", ".", "\n", " ", "x", "9,999.99"];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            let got: Vec<(usize, usize, String)> = overlong_numbers(&text)
                .into_iter()
                .map(|p| {
                    let digits = p.message.split_whitespace().nth(3).unwrap_or("").to_string();
                    (p.line, p.byte, digits)
                })
                .collect();
            proptest::prop_assert_eq!(got, walked(&text), "{:?}", text);
        }
    }
}
