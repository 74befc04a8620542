//! The direction after a figure: a change noun right after it (`a 9.9% increase`).

use std::sync::LazyLock;

use crate::model::Direction;
use crate::words::{LONGEST, Shapes, WordBits, ascii_space, has_shape, holds, str_shapes};

use super::lists::{AFTER_DOWN, AFTER_UP};

/// The lists `AFTER_UP` and `AFTER_DOWN` that hold a word (in any ASCII case), as bits:
/// one hashed look-up where every figure walked both lists, and none for a word that no
/// listed word has the length and first two letters of (most words after a figure: `of`,
/// `in`, `and`).
pub(super) fn after_word(word: &str) -> u64 {
    static AFTER_WORDS: LazyLock<WordBits> = LazyLock::new(|| {
        let up = AFTER_UP.iter().map(|w| (*w, AFTER_UP_BIT));
        WordBits::new(up.chain(AFTER_DOWN.iter().map(|w| (*w, AFTER_DOWN_BIT))))
    });
    static AFTER_SHAPES: Shapes = str_shapes(&[AFTER_UP, AFTER_DOWN]);
    if !has_shape(&AFTER_SHAPES, word.as_bytes()) {
        return 0;
    }
    AFTER_WORDS.get(word)
}

const AFTER_UP_BIT: u64 = 1;
const AFTER_DOWN_BIT: u64 = 2;

/// Words between a figure and its change noun that say the change is over a year
/// (`5 percent year-on-year growth`): the noun is the word after them.
const YEAR_ON_YEAR: &[&str] = &["year-on-year", "on-year", "annual", "y-o-y", "yoy"];

/// The shapes of the change nouns after a figure and the year-on-year words.
const AFTER_OR_YEAR_SHAPES: Shapes = str_shapes(&[AFTER_UP, AFTER_DOWN, YEAR_ON_YEAR]);

/// For each first letter, the second bytes (as a `Shapes` entry keeps them) that some
/// word of `AFTER_OR_YEAR_SHAPES` has, of any length.
static AFTER_OR_YEAR_SECONDS: [u32; 26] = {
    let mut seconds = [0; 26];
    let mut len = 0;
    while len <= LONGEST {
        let mut first = 0;
        while first < 26 {
            seconds[first] |= AFTER_OR_YEAR_SHAPES[len][first];
            first += 1;
        }
        len += 1;
    }
    seconds
};

/// `text` (starting with an ASCII letter) may start a word of `AFTER_OR_YEAR_SHAPES`: some
/// such word has its first letter and second byte. A word that fails has no such shape
/// whatever its length.
fn starts_an_after_word(text: &[u8]) -> bool {
    let [first, second, ..] = *text else {
        return false; // no listed word is shorter than two bytes
    };
    let letter = usize::from((first | 0x20).wrapping_sub(b'a'));
    let second = (second | 0x20).wrapping_sub(b'a');
    let bit = if second < 26 { 1 << second } else { 1 << 27 };
    AFTER_OR_YEAR_SECONDS.get(letter).is_some_and(|bits| bits & bit != 0)
}

/// `a 9.9% increase`, `14.6-percent increase`, `5 percent year-on-year growth`.
/// Bytes, where the space and the first word are ASCII and the word is short and no
/// `year-on-year` (nearly always); `after_direction_by_chars` reads the rest.
pub(super) fn after_direction(after: &str) -> Option<Direction> {
    let b = after.as_bytes();
    let start = b.iter().position(|c| !ascii_space(*c)).unwrap_or(b.len());
    match b.get(start) {
        None => return None,
        // The noun must follow right away; punctuation ends the figure's phrase.
        Some(c) if c.is_ascii() && !c.is_ascii_alphabetic() => return None,
        Some(c) if !c.is_ascii() => return after_direction_by_chars(after),
        Some(_) => {}
    }
    let rest = b.get(start..).unwrap_or_default();
    // A word whose first two bytes start no change noun and no year-on-year word (`of`,
    // `in`) is turned away before it is read to its end.
    if !starts_an_after_word(rest) {
        return None;
    }
    let len = rest
        .iter()
        .position(|c| !c.is_ascii() || ascii_space(*c))
        .unwrap_or(rest.len());
    // Well within the 64 bytes the words are read from, and ended by ASCII.
    if len >= 48 || rest.get(len).is_some_and(|c| !c.is_ascii()) {
        return after_direction_by_chars(after);
    }
    let end = rest[..len]
        .iter()
        .rposition(|c| c.is_ascii_alphanumeric() || *c == b'-')
        .map_or(0, |i| i + 1);
    let word = after.get(start..start + end).unwrap_or_default();
    // Most words after a figure (`of`, `in`, `and`) have the shape of no change noun and
    // no year-on-year word: turned away before the list and the table are asked.
    if !has_shape(&AFTER_OR_YEAR_SHAPES, word.as_bytes()) {
        return None;
    }
    if holds(YEAR_ON_YEAR, word) {
        return after_direction_by_chars(after);
    }
    direction_of_after_word(word)
}

/// The direction an `AFTER_UP` or `AFTER_DOWN` word gives (a word in both reads as up,
/// as the list walks did).
fn direction_of_after_word(noun: &str) -> Option<Direction> {
    match after_word(noun) {
        0 => None,
        bits if bits & AFTER_UP_BIT != 0 => Some(Direction::Up),
        _ => Some(Direction::Down),
    }
}

/// `after_direction` by characters: any white space and letters.
fn after_direction_by_chars(after: &str) -> Option<Direction> {
    // Two cue words fit in 64 bytes; looking further (a long run without spaces after
    // every figure) made each figure read the rest of the sentence: quadratic. Whole
    // words only: a word running past the 64th byte is not read (a cut `increased` must
    // not read as `increase`).
    let after = after.trim_start();
    // The noun must follow right away; punctuation ends the figure's phrase.
    if !after.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let cap = (0..=after.len().min(64))
        .rev()
        .find(|&n| after.is_char_boundary(n))
        .unwrap_or(0);
    // Only the first 64 bytes are split (a text without spaces is one long word); a word
    // the cut runs into is left out.
    let cut = &after[..cap];
    let last_whole = cut.len() == after.len() || after[cap..].starts_with(char::is_whitespace);
    let start = cut.as_ptr() as usize;
    let mut words = cut
        .split_whitespace()
        .take_while(|w| last_whole || w.as_ptr() as usize - start + w.len() < cap)
        .take(2)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'));
    let first = words.next()?;
    let noun = if holds(YEAR_ON_YEAR, first) {
        words.next()?
    } else {
        first
    };
    direction_of_after_word(noun)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_after_table_holds_what_the_lists_hold() {
        let both = AFTER_UP.iter().chain(AFTER_DOWN);
        let mut words: Vec<String> = both.flat_map(|w| [w.to_string(), w.to_uppercase()]).collect();
        words.extend(["", "increased", "rise-", "ris", "Rïse", "a", "décline"].map(String::from));
        // Every word of the fixtures, as written and in capitals.
        let text = crate::fixture_texts().concat();
        for w in text.split(|c: char| c.is_whitespace() || c == ',' || c == '.') {
            words.extend([w.to_string(), w.to_uppercase()]);
        }
        for w in &words {
            let up = if holds(AFTER_UP, w) { AFTER_UP_BIT } else { 0 };
            let down = if holds(AFTER_DOWN, w) { AFTER_DOWN_BIT } else { 0 };
            let want = up | down;
            assert_eq!(after_word(w), want, "{w}");
        }
    }

    #[test]
    fn a_word_after_a_figure_is_turned_away_by_its_first_two_bytes() {
        for w in ["increase,", "Year-on-year", "YOY", "y-o-y", "dips", "below"] {
            assert!(starts_an_after_word(w.as_bytes()), "{w}");
        }
        for w in ["of", "the", "per cent", "a", "", "x-ray", "i\u{e9}"] {
            assert!(!starts_an_after_word(w.as_bytes()), "{w}");
        }
    }

    /// `after_direction` as first written, cutting the text at its last space before the
    /// 64th byte: the oracle of the walk over the first two words.
    fn after_direction_by_the_cut(after: &str) -> Option<Direction> {
        let after = after.trim_start();
        let mut cap = (0..=after.len().min(64))
            .rev()
            .find(|&n| after.is_char_boundary(n))
            .unwrap_or(0);
        if !after[cap..].is_empty() && !after[cap..].starts_with(char::is_whitespace) {
            cap = after[..cap].rfind(char::is_whitespace).unwrap_or(0);
        }
        let after = &after[..cap];
        let mut words = after
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .take(2)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'));
        let first = words.next()?;
        if !after.trim_start().starts_with(|c: char| c.is_alphabetic()) {
            return None;
        }
        let noun = if holds(YEAR_ON_YEAR, first) {
            words.next()?
        } else {
            first
        };
        match after_word(noun) {
            0 => None,
            bits if bits & AFTER_UP_BIT != 0 => Some(Direction::Up),
            _ => Some(Direction::Down),
        }
    }

    #[test]
    fn the_first_words_read_what_the_cut_text_read_after_every_position() {
        let mut text = crate::fixture_texts().concat();
        let pad = " ".repeat(50);
        text.push_str(&format!(
            " 5% year-on-year{pad}increased, 3%\u{a0}growth, 4%{pad}é increase 9% yoy\tdrop "
        ));
        text.push_str(&format!(
            " 7% {}increase 8% annual{}decline",
            "x".repeat(58),
            " ".repeat(44)
        ));
        text.push_str(" 2% increase\u{a0}x 3% Increase, 4% dropé 5% drop\u{2003}6% ANNUAL\tgrowth 7% -- 8% rise");
        text.push_str(&format!(" 9% {}increase", "a".repeat(47)));
        for (at, _) in text.char_indices() {
            let after = &text[at..];
            assert_eq!(after_direction(after), after_direction_by_chars(after));
            assert_eq!(
                after_direction(after),
                after_direction_by_the_cut(after),
                "{:?}",
                crate::grammar::window(after, 80)
            );
        }
    }

    #[test]
    fn words_after_a_figure_are_read_whole() {
        // Past 64 bytes a word is not read at all, rather than read cut.
        let pad = " ".repeat(50);
        assert_eq!(after_direction(&format!("year-on-year{pad}increased")), None);
        assert_eq!(after_direction(" increase in exports"), Some(Direction::Up));
    }
}
