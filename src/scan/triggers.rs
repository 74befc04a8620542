//! The words that can start a figure, and a shape filter that turns most other words away
//! after a look at their length and first two letters.

use crate::grammar::{date, money};
use crate::words::scan::{ShapeRows, shape_rows};
use crate::words::{LONGEST, LastLetters, Shapes, has_last_letter, has_shape, last_letters, shapes, word_list};

/// No trigger is longer.
pub const LONGEST_TRIGGER: usize = LONGEST;

word_list!(
/// Alphabetic words (lower-cased) that can start a figure; every other word is skipped
/// unread.
TRIGGER_WORDS, in_trigger_words, [
    b"a", b"an", b"between", b"dozen", b"early", b"end", b"fiscal", b"late", b"mid", b"post", b"pre",
    b"quarter", b"start", b"tomorrow", b"yesterday", b"eight", b"eighteen", b"eighteenth", b"eighth", b"eightieth",
    b"eighty", b"eleven", b"eleventh", b"fifteen", b"fifteenth", b"fifth", b"fiftieth", b"fifty",
    b"first", b"five", b"fortieth", b"forty", b"four", b"fourteen", b"fourteenth", b"fourth", b"h1",
    b"h2", b"hundred", b"hundredth", b"last", b"minus", b"negative", b"next", b"nine", b"nineteen",
    b"nineteenth", b"ninetieth", b"ninety", b"ninth", b"one", b"q1", b"q2", b"q3", b"q4", b"rmb",
    b"second", b"seven", b"seventeen", b"seventeenth", b"seventh", b"seventieth", b"seventy", b"six",
    b"sixteen", b"sixteenth", b"sixth", b"sixtieth", b"sixty", b"ten", b"tenth", b"the", b"third",
    b"thirteen", b"thirteenth", b"thirtieth", b"thirty", b"this", b"thousand", b"three", b"today",
    b"twelfth", b"twelve", b"twentieth", b"twenty", b"two", b"us",
]);

word_list!(
/// Capitalized words that can start a figure, exact case: month and weekday names.
/// (Three-capital currency codes and month abbreviations are asked of their own lists.)
CAPITALIZED_TRIGGERS, in_capitalized_triggers, [
    b"January", b"February", b"March", b"April", b"May", b"June", b"July", b"August",
    b"September", b"October", b"November", b"December", b"Jan", b"Feb", b"Mar", b"Apr", b"Jun",
    b"Jul", b"Aug", b"Sep", b"Sept", b"Oct", b"Nov", b"Dec", b"Monday", b"Tuesday", b"Wednesday",
    b"Thursday", b"Friday", b"Saturday", b"Sunday", b"US", b"FY", b"Rs", b"RM", b"Rp",
]);

/// The shapes of the triggers a word led by a lower-case letter can be (`the`), and those
/// a capitalized word can be (`The`, `March`).
static LOWER_SHAPES: Shapes = shapes(&[TRIGGER_WORDS]);
static CAPITAL_SHAPES: Shapes = shapes(&[TRIGGER_WORDS, CAPITALIZED_TRIGGERS]);
/// And their last letters: `that`, `their`, `sector` have the length and first two
/// letters of `this`, `third`, `second`, not their last letter.
static LOWER_LASTS: LastLetters = last_letters(&[TRIGGER_WORDS]);
static CAPITAL_LASTS: LastLetters = last_letters(&[TRIGGER_WORDS, CAPITALIZED_TRIGGERS]);
/// The four tables in one look-up, with any three capitals: what the walk asks first.
pub static SHAPE_ROWS: ShapeRows = shape_rows(
    (&shapes(&[TRIGGER_WORDS]), &last_letters(&[TRIGGER_WORDS])),
    (
        &shapes(&[TRIGGER_WORDS, CAPITALIZED_TRIGGERS]),
        &last_letters(&[TRIGGER_WORDS, CAPITALIZED_TRIGGERS]),
    ),
);

/// A necessary condition for a word of letters only, in any case, to be a trigger (the
/// tables fold case; a capital first asks those of the capitalized triggers too): some
/// trigger has its length and first two letters, and some its length and first and last
/// letters. (Three capitals may be a currency code, which no table holds; words with
/// digits are not asked here.)
pub fn has_trigger_shape(word: &[u8]) -> bool {
    let capitalized = word.first().is_some_and(u8::is_ascii_uppercase);
    let (shapes, lasts) = match capitalized {
        true => (&CAPITAL_SHAPES, &CAPITAL_LASTS),
        false => (&LOWER_SHAPES, &LOWER_LASTS),
    };
    has_shape(shapes, word) && has_last_letter(lasts, word)
}

/// `lower` (a lower-cased word) starts a figure.
pub fn is_trigger_word(lower: &[u8]) -> bool {
    in_trigger_words(lower)
}

/// Capitalized words that can start a figure: month and weekday names, currency codes.
/// (Other capitals, `ICT`, `CEO`, start none: no kind reads them.)
pub fn is_capitalized_trigger(word: &[u8]) -> bool {
    let capitals = word.iter().all(u8::is_ascii_uppercase);
    let upper_code = word.len() == 3 && capitals && money::is_currency_code(word);
    // Headlines in capitals: `MARCH 2023`, `DEC 5`. A word without a month's shape (most
    // acronyms: `ICT`, `MOTIE`) does not ask the month list.
    let upper_month = capitals && has_shape(&CAPITAL_SHAPES, word) && date::is_month_word(word);
    upper_code || upper_month || in_capitalized_triggers(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trigger_words_are_lower_and_short() {
        for w in TRIGGER_WORDS {
            assert!(w.len() <= LONGEST_TRIGGER && w.iter().all(|b| !b.is_ascii_uppercase()));
        }
        for w in CAPITALIZED_TRIGGERS {
            assert!(w.len() <= LONGEST_TRIGGER && w[0].is_ascii_uppercase());
        }
    }

    #[test]
    fn every_trigger_has_a_trigger_shape() {
        for w in TRIGGER_WORDS.iter().chain(CAPITALIZED_TRIGGERS) {
            assert!(has_trigger_shape(w), "{}", String::from_utf8_lossy(w));
            let mut capitalized = w.to_vec();
            capitalized[0].make_ascii_uppercase();
            assert!(has_trigger_shape(&capitalized));
        }
    }

    /// `is_capitalized_trigger` as it was, asking the month list of every capital word.
    fn is_capitalized_trigger_by_lists(word: &[u8]) -> bool {
        let capitals = word.iter().all(u8::is_ascii_uppercase);
        let upper_code = word.len() == 3 && capitals && money::is_currency_code(word);
        let upper_month = capitals && date::is_month_word(word);
        upper_code || upper_month || in_capitalized_triggers(word)
    }

    #[test]
    fn capitalized_triggers_are_those_the_lists_read() {
        let text = crate::fixture_texts().concat() + " ICT MOTIE SEPT JUNE MAY DEC MAR USD KRW CEO EU";
        let mut read = 0;
        for w in text
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            for case in [w.to_string(), w.to_ascii_uppercase()] {
                let new = is_capitalized_trigger(case.as_bytes());
                assert_eq!(new, is_capitalized_trigger_by_lists(case.as_bytes()), "{case}");
                read += usize::from(new);
            }
        }
        assert!(read > 100, "{read}");
    }

    #[test]
    fn every_month_word_has_a_capital_trigger_shape() {
        // The month names in full, and every word of three or four letters (the
        // abbreviations): whatever the month list reads, the shape lets through.
        let mut words: Vec<Vec<u8>> = date::MONTHS.iter().map(|m| m.as_bytes().to_vec()).collect();
        for len in 3..=4u32 {
            for n in 0..26usize.pow(len) {
                let word = (0..len).map(|k| b'A' + (n / 26usize.pow(k) % 26) as u8).collect();
                words.push(word);
            }
        }
        let mut months = 0;
        for w in &words {
            for case in [w.to_ascii_uppercase(), w.to_ascii_lowercase()] {
                if date::is_month_word(&case) {
                    assert!(has_shape(&CAPITAL_SHAPES, &case), "{}", String::from_utf8_lossy(&case));
                    months += 1;
                }
            }
        }
        assert!(months >= 48, "{months}");
    }

    #[test]
    fn common_words_are_turned_away_by_shape() {
        for w in [
            "and", "of", "to", "in", "for", "on", "with", "exports", "Korea", "rose", "may", "that", "their", "sector",
            "total", "food", "store", "Seoul", "electric",
        ] {
            assert!(!has_trigger_shape(w.as_bytes()), "{w}");
        }
        assert!(!has_trigger_shape(b"") && !has_trigger_shape(&[b'a'; 17]));
    }
}
