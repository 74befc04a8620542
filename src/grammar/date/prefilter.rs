//! Cheap tests before the parse: whether a date may start at a lead word or a number.

use super::atoms::{ends_phrase, is_month_word, read_month};
use crate::grammar::{at_boundary, keyword, leading_word};

/// At a date's lead word (lower-cased) with `after` the text after it: whether any form
/// `date_at_word` chooses by that word may read on. The forms at `the` (`the_nth`) need
/// white space and a digit after it; those at `between` (`between_years`,
/// `between_days`) white space and a digit or a month name (capitalized); those at a period's
/// ordinal (`half`, `quarter`, `months_of_year`) `half` or `quarter` after white space or a
/// dash, or a number (`six months`: digits or a number word) after white space. A
/// candidate at such a word before any other (`the rise`, `between them`, `first time`)
/// reads no date, and is turned away before the parse. Other words: not decided here.
/// ```text
/// goes_on = "the" sp digit | "between" sp (digit | month_name)
///         | period_ordinal ((sp | "-") ("half" | "quarter") | sp (digit | number_word))
///         | other_word
/// ```
pub fn lead_word_may_go_on(lower: &[u8], after: &str) -> bool {
    let period_ordinal = matches!(lower, b"first" | b"second" | b"third" | b"fourth");
    let spaced = crate::grammar::skip_space(after);
    let is_spaced = spaced.len() < after.len();
    if period_ordinal && !is_spaced {
        return after.strip_prefix('-').is_some_and(names_a_period_part);
    }
    let next = match spaced.as_bytes().first() {
        Some(&b) if is_spaced => b,
        _ => return !matches!(lower, b"the" | b"between"),
    };
    match lower {
        b"the" => the_nth_may_read(spaced),
        // `between_days` reads a month at a capital (`between March 3 and 5`).
        b"between" => next.is_ascii_digit() || next.is_ascii_uppercase() && read_month(spaced).is_ok(),
        _ if period_ordinal => {
            next.is_ascii_digit() || names_a_period_part(spaced) || crate::grammar::number::starts_a_number_word(spaced)
        }
        _ => true,
    }
}

/// What `the_nth` reads after `the` and its white space, by bytes: one or two digits, an
/// ordinal suffix, a word boundary, and the end of the phrase after (`the 24th and`, `the
/// 30th of June`: its `of` ends the phrase too). Before anything else (`the 7th Emergency
/// Economic Conference`, `the 3rd consecutive month`, `the 2 sides`) it reads no date.
/// ```text
/// the_nth_head = digit{1,2} ("st" | "nd" | "rd" | "th") boundary ends_phrase
/// ```
fn the_nth_may_read(spaced: &str) -> bool {
    let b = spaced.as_bytes();
    let digits = b.iter().take(3).take_while(|c| c.is_ascii_digit()).count();
    let suffixed = matches!(b.get(digits..digits + 2), Some(b"st" | b"nd" | b"rd" | b"th"));
    (1..=2).contains(&digits) && suffixed && {
        let r = &spaced[digits + 2..];
        at_boundary(r) && ends_phrase(r)
    }
}

/// `half` or `quarter` as the whole word `i` starts with, in any case.
fn names_a_period_part(i: &str) -> bool {
    keyword("half")(i).is_ok() || keyword("quarter")(i).is_ok()
}

/// A cheap test before the parse: a number starts a date only as a 4-digit year (or ISO
/// date) or as a day before a month name (`18 November`); words are checked by the parse.
pub(super) fn may_be_date(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    match digits {
        // `date_at_word` chooses by the word.
        0 => true,
        4 => true,
        1 | 2 => {
            let after = &rest[digits..];
            let after = ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|s| after.strip_prefix(s))
                .unwrap_or(after);
            if joins_a_number(after) {
                // `1-3 March`, `20 and 21 March`
                return true;
            }
            // `12-Sep-2024`, `1st of May`
            let after = after.strip_prefix('-').unwrap_or(after);
            let after = after.trim_start();
            let after = after.strip_prefix("of ").map_or(after, str::trim_start);
            after.starts_with(|c: char| c.is_ascii_uppercase()) && names_a_date_part(leading_word(after))
                || after.starts_with("half")
                || after.starts_with("quarter")
        }
        _ => false,
    }
}

/// The capitalized word after a day or a period's number that a date may go on with: a
/// month (`18 November`, `1st of May`), `Half` or `Quarter` (`2nd Half`), or the letter of
/// a period code (`3Q`, `1H`). Any other (`1st Vice Minister`, `5 New Plants`) starts no
/// date: the forms of a day are not tried.
/// ```text
/// date_part = month_name | "half" | "quarter" | "Q" | "H"     (any case: the first is a capital)
/// ```
fn names_a_date_part(word: &str) -> bool {
    let mut buf = [0u8; 9];
    crate::words::lowered(&mut buf, word.as_bytes())
        .is_some_and(|lower| matches!(lower, b"half" | b"quarter" | b"q" | b"h") || is_month_word(lower))
}

/// `may_be_date` as first written: any capitalized word after a day let the parse be tried.
#[cfg(test)]
fn may_be_date_by_capital(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    match digits {
        0 | 4 => true,
        1 | 2 => {
            let after = &rest[digits..];
            let after = ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|s| after.strip_prefix(s))
                .unwrap_or(after);
            if joins_a_number(after) {
                return true;
            }
            let after = after.strip_prefix('-').unwrap_or(after);
            let after = after.trim_start();
            let after = after.strip_prefix("of ").map_or(after, str::trim_start);
            after.starts_with(|c: char| c.is_ascii_uppercase())
                || after.starts_with("half")
                || after.starts_with("quarter")
        }
        _ => false,
    }
}

/// A joiner and a digit follow: `-3`, ` to 14`, ` and 21`.
fn joins_a_number(after: &str) -> bool {
    let a = after.trim_start();
    let joined = a.strip_prefix(['-', '\u{2013}', '\u{2014}']).or_else(|| {
        ["to ", "and ", "through ", "until "]
            .iter()
            .find_map(|w| a.strip_prefix(w))
    });
    joined.is_some_and(|a| a.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::date::date;

    #[test]
    fn the_between_and_period_ordinals_go_on_to_a_date_only_before_their_parts() {
        for (lower, after) in [
            ("the", " 4th of July"),
            ("the", "\u{a0}12th"),
            ("between", " 1999 and 2001"),
            ("between", "  Oct. 2 and 5"),
            ("first", " half"),
            ("first", "-Quarter"),
            ("second", " six months"),
            ("first", " 5 months"),
            ("last", ""),
            ("the", " 24th and 25th"),
            ("the", " 1st, the"),
            ("the", "  30th Of June"),
            ("the", " 3rd\u{a0}in"),
        ] {
            assert!(lead_word_may_go_on(lower.as_bytes(), after), "{lower}{after}");
        }
        for (lower, after) in [
            ("the", " rise"),
            ("the", "4th"),
            ("the", ""),
            ("the", " "),
            ("between", " the two"),
            ("between", " Korea and China"),
            ("between", " Mayors"),
            ("between", ", 3"),
            ("between", ""),
            ("first", " time"),
            ("first", "-ever"),
            ("third", ""),
            ("fourth", ", quarter"),
            ("second", "half"),
            ("the", " 7th Emergency Economic Conference"),
            ("the", " 3rd consecutive month"),
            ("the", " 2 sides"),
            ("the", " 123rd day"),
            ("the", " 4TH of July"),
            ("the", " 5thx"),
        ] {
            assert!(!lead_word_may_go_on(lower.as_bytes(), after), "{lower}{after}");
            let i = format!("{lower}{after}");
            assert!(date(&i).is_err(), "{i}");
        }
    }

    #[test]
    fn a_day_before_a_word_naming_no_date_part_reads_no_date() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(
            " On 3 March, 1st of May, 12-Sep-2024 and 4 Sept. 2024 the 2nd Half of 2024 and the 3rd \
             Quarter ended; 3Q 2024, 1H 2025, 1Q-3Q 2023, 2nd-Half sales, 7 MAY 2025, 9 JUNE. The 1st \
             Vice Minister opened 5 New Plants, 2 Qatar projects, 3 Hubs and 12 Mayors met 20 and 21 \
             March; 28 February to 3 March 2025; 1st of Marchers; 4 Q; 2 H; 6 Jan; 8 Decimal units.",
        );
        let mut narrowed = 0;
        for (at, _) in text.char_indices() {
            let rest = &text[at..];
            let (new, old) = (may_be_date(rest), may_be_date_by_capital(rest));
            assert!(!new || old, "at {at}: {:?}", crate::grammar::window(rest, 30));
            if old && !new {
                narrowed += 1;
                assert!(date(rest).is_err(), "at {at}: {:?}", crate::grammar::window(rest, 30));
            }
        }
        assert!(narrowed > 50, "{narrowed}");
        for named in [
            "3 March",
            "1st of May",
            "12-Sep-2024",
            "2nd Half",
            "3Q",
            "1H 2025",
            "7 MAY",
            "3rd Quarter",
        ] {
            assert!(may_be_date(named), "{named}");
        }
        for unnamed in [
            "1st Vice Minister",
            "5 New Plants",
            "2 Qatar",
            "12 Mayors",
            "1st of Marchers",
        ] {
            assert!(!may_be_date(unnamed), "{unnamed}");
        }
    }
}
