//! Sentence -> figures: find candidate positions, ask the grammar at each, and attach
//! the cue words around what it reads.

use crate::grammar::{Ctx, Figure, Val, cues, date, figure_at, money};
use crate::model::{Direction, Qualifier};

/// A figure with the words that qualify it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub figure: Figure,
    /// Start of `text` (the figure with its lead cue words).
    pub text_start: usize,
    pub qualifier: Option<Qualifier>,
    pub direction: Option<Direction>,
}

/// Alphabetic words (lower-cased) that can start a figure; every other word is skipped
/// unread. A `match` compiles to a length-and-byte decision tree: no list walk per word.
fn is_trigger_word(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"a" | b"an"
            | b"between"
            | b"minus"
            | b"negative"
            | b"the"
            | b"this"
            | b"last"
            | b"next"
            | b"today"
            | b"first"
            | b"second"
            | b"third"
            | b"fourth"
            | b"fifth"
            | b"sixth"
            | b"seventh"
            | b"eighth"
            | b"ninth"
            | b"tenth"
            | b"eleventh"
            | b"twelfth"
            | b"thirteenth"
            | b"fourteenth"
            | b"fifteenth"
            | b"sixteenth"
            | b"seventeenth"
            | b"eighteenth"
            | b"nineteenth"
            | b"twentieth"
            | b"thirtieth"
            | b"fortieth"
            | b"fiftieth"
            | b"sixtieth"
            | b"seventieth"
            | b"eightieth"
            | b"ninetieth"
            | b"hundredth"
            | b"one"
            | b"two"
            | b"three"
            | b"four"
            | b"five"
            | b"six"
            | b"seven"
            | b"eight"
            | b"nine"
            | b"ten"
            | b"eleven"
            | b"twelve"
            | b"thirteen"
            | b"fourteen"
            | b"fifteen"
            | b"sixteen"
            | b"seventeen"
            | b"eighteen"
            | b"nineteen"
            | b"twenty"
            | b"thirty"
            | b"forty"
            | b"fifty"
            | b"sixty"
            | b"seventy"
            | b"eighty"
            | b"ninety"
            | b"hundred"
            | b"thousand"
            | b"dozen"
            | b"q1"
            | b"q2"
            | b"q3"
            | b"q4"
            | b"h1"
            | b"h2"
            | b"us"
            | b"rmb"
    )
}

/// The character before `pos` is a letter or digit (any script).
fn alnum_before(sentence: &str, pos: usize) -> bool {
    match sentence.as_bytes().get(pos.wrapping_sub(1)) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => sentence[..pos].chars().next_back().is_some_and(char::is_alphanumeric),
    }
}

/// A digit that continues an identifier (`COVID-19`, `F-16`, `1:1`, `2+2`, `Industry 4.0`) starts no figure.
fn continues_identifier(sentence: &str, pos: usize) -> bool {
    match sentence.as_bytes().get(pos.wrapping_sub(1)) {
        None => false,
        Some(b'-' | b':' | b'/' | b'.' | b'+') => alnum_before(sentence, pos - 1),
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric() || *b == b'_',
        Some(_) => alnum_before(sentence, pos),
    }
}

/// Capitalized words that can start a figure: month and weekday names, currency codes.
/// (Other capitals, `ICT`, `CEO`, start none: no kind reads them.)
fn is_capitalized_trigger(word: &[u8]) -> bool {
    let upper_code = word.len() == 3
        && word.iter().all(u8::is_ascii_uppercase)
        && (money::is_currency_code(word) || date::is_month_word(word));
    upper_code
        || matches!(
            word,
            b"January"
                | b"February"
                | b"March"
                | b"April"
                | b"May"
                | b"June"
                | b"July"
                | b"August"
                | b"September"
                | b"October"
                | b"November"
                | b"December"
                | b"Jan"
                | b"Feb"
                | b"Mar"
                | b"Apr"
                | b"Jun"
                | b"Jul"
                | b"Aug"
                | b"Sep"
                | b"Sept"
                | b"Oct"
                | b"Nov"
                | b"Dec"
                | b"Monday"
                | b"Tuesday"
                | b"Wednesday"
                | b"Thursday"
                | b"Friday"
                | b"Saturday"
                | b"Sunday"
                | b"US"
        )
}

/// White space as `char::is_whitespace` sees it in ASCII (with the vertical tab).
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
}

/// The word after `after`'s leading white space (letters and digits of any script), and
/// whether a digit starts it. Bytes for the ASCII case; other text goes through `char`s.
fn next_word(after: &str) -> (&str, bool) {
    let bytes = after.as_bytes();
    let start = bytes.iter().position(|b| !is_ascii_space(*b)).unwrap_or(bytes.len());
    let len = bytes[start..]
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(bytes.len() - start);
    let ascii = bytes.get(start).is_none_or(u8::is_ascii) && bytes.get(start + len).is_none_or(u8::is_ascii);
    if ascii {
        return (
            &after[start..start + len],
            bytes.get(start).is_some_and(u8::is_ascii_digit),
        );
    }
    let next = after.trim_start_matches(|c: char| c.is_whitespace());
    let word = next.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    (word, next.starts_with(|c: char| c.is_ascii_digit()))
}

/// Frequent words that start a figure only before a particular next word:
/// `the 24th`, `a trillion`, `this year`.
fn needs_lookahead(lower: &[u8], after: &str) -> Option<bool> {
    if !matches!(lower, b"the" | b"a" | b"an" | b"this" | b"last" | b"next") {
        return None;
    }
    let (next_word, digit) = next_word(after);
    let any = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(next_word));
    match lower {
        // `the 24th`, `the past five years`
        b"the" => Some(
            digit
                || any(&[
                    "past",
                    "next",
                    "last",
                    "coming",
                    "previous",
                    "following",
                    "first",
                    "second",
                    "third",
                    "fourth",
                ]),
        ),
        b"a" | b"an" => Some(any(&["hundred", "thousand", "million", "billion", "trillion", "dozen"])),
        b"this" | b"last" | b"next" => Some(any(&["year", "month", "week", "quarter", "half"])),
        _ => None,
    }
}

/// No trigger word (in any case) starts with these letters: a lower-case word starting
/// with one is skipped without a look at the rest.
fn never_starts_trigger(first: u8) -> bool {
    matches!(
        first,
        b'c' | b'g' | b'i' | b'j' | b'k' | b'p' | b'v' | b'w' | b'x' | b'y' | b'z'
    )
}

/// Whether the ASCII word `sentence[pos..end]` (a letter first) should be read.
fn word_is_candidate(sentence: &str, pos: usize, end: usize) -> bool {
    let Some(word) = sentence
        .as_bytes()
        .get(pos..end)
        .filter(|w| (1..=16).contains(&w.len()))
    else {
        // Longer than any trigger.
        return false;
    };
    if never_starts_trigger(word[0]) {
        return false;
    }
    // Most words are in lower case already: copy only the others.
    let mut buf = [0u8; 16];
    let lower = if word.iter().any(u8::is_ascii_uppercase) {
        let out = &mut buf[..word.len()];
        for (o, b) in out.iter_mut().zip(word) {
            *o = b.to_ascii_lowercase();
        }
        out
    } else {
        word
    };
    let starts = match needs_lookahead(lower, &sentence[end..]) {
        Some(ok) => ok,
        None => {
            // `USD34.6 million`: a code glued to its number.
            let capitalized = word[0].is_ascii_uppercase() && {
                let letters = word.iter().position(u8::is_ascii_digit).unwrap_or(word.len());
                is_capitalized_trigger(&word[..letters])
            };
            capitalized || is_trigger_word(lower)
        }
    };
    // Last: most words are no trigger, and a word glued to a letter before (`éthe`) is rare.
    starts && !alnum_before(sentence, pos)
}

/// ASCII letters and digits: the bytes of the words the scan steps over.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The end of the ASCII letters and digits from `pos`.
fn word_end(bytes: &[u8], mut pos: usize) -> usize {
    while bytes.get(pos).is_some_and(|b| ALNUM[*b as usize]) {
        pos += 1;
    }
    pos
}

/// What the token at `pos` is, for the scan: whether the grammar should be asked there,
/// and where the token ends. Bytes: every byte of every sentence comes here.
fn token_at(sentence: &str, pos: usize) -> (bool, usize) {
    let bytes = sentence.as_bytes();
    match bytes[pos] {
        b'0'..=b'9' => (!continues_identifier(sentence, pos), word_end(bytes, pos)),
        b'a'..=b'z' | b'A'..=b'Z' => {
            let end = word_end(bytes, pos);
            (word_is_candidate(sentence, pos, end), end)
        }
        b'$' | b'-' => (!alnum_before(sentence, pos), pos + 1),
        // The lead bytes of `₩ € ¥ £ −`; any other non-ASCII character starts nothing.
        0xC2 | 0xE2 => {
            let c = sentence[pos..].chars().next().unwrap_or(' ');
            let starts = matches!(c, '₩' | '€' | '¥' | '£' | '\u{2212}') && !alnum_before(sentence, pos);
            (starts, pos + c.len_utf8())
        }
        _ => (false, pos + 1),
    }
}

/// Every figure of a sentence, in order, none overlapping.
pub fn figures(sentence: &str, cut: bool) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut pos = 0;
    let mut floor = 0; // no text may start before the end of the previous figure
    while pos < sentence.len() {
        let (candidate, token_end) = token_at(sentence, pos);
        if candidate {
            let ctx = Ctx::new(sentence, pos, cut);
            if let Some(figure) = figure_at(&ctx) {
                let lead = cues::lead_cue(sentence, figure.start, figure.kind);
                let text_start = lead.start.max(floor);
                let (qualifier, mut direction) = if text_start == lead.start {
                    (lead.qualifier, lead.direction)
                } else {
                    (None, None)
                };
                if direction.is_none() {
                    direction = cues::context_direction(sentence, text_start, figure.end, figure.kind);
                }
                // A change written with a minus sign is a decrease whatever the verb
                // (`-3.2% growth`); a signed level (`negative $71.5 million`) stays without one.
                if direction.is_some() && matches!(&figure.value, Val::Num(v) if v.is_sign_negative()) {
                    direction = Some(Direction::Down);
                }
                pos = figure.end.max(pos + 1);
                while !sentence.is_char_boundary(pos) {
                    pos += 1;
                }
                floor = figure.end;
                out.push(Found {
                    figure,
                    text_start,
                    qualifier,
                    direction,
                });
                continue;
            }
        }
        pos = token_end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Kind;

    fn texts(s: &str) -> Vec<(Kind, &str)> {
        figures(s, false)
            .into_iter()
            .map(|f| (f.figure.kind, &s[f.text_start..f.figure.end]))
            .collect()
    }

    #[test]
    fn figures_in_order_with_their_cues() {
        let s = "Imports slid 3.7 percent to $15.2 billion, leaving a $6.1 billion surplus.";
        assert_eq!(
            texts(s),
            vec![
                (Kind::Percent, "3.7 percent"),
                (Kind::Money, "$15.2 billion"),
                (Kind::Money, "$6.1 billion")
            ]
        );
    }

    #[test]
    fn a_written_minus_makes_a_change_a_decrease() {
        let dirs: Vec<_> = figures("Margins showed -1.5% growth, and the balance was -$2 million.", false)
            .into_iter()
            .map(|f| f.direction)
            .collect();
        assert_eq!(dirs, vec![Some(Direction::Down), None]);
    }

    #[test]
    fn identifiers_are_not_figures() {
        assert!(
            texts("COVID-19 and F-16 and 1:1 talks")
                .iter()
                .all(|(k, _)| *k != Kind::Date && *k != Kind::Money)
        );
    }

    #[test]
    fn byte_helpers_agree_with_chars() {
        for b in 0..128u8 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b}");
        }
        assert_eq!(next_word("  Trillion won"), ("Trillion", false));
        assert_eq!(next_word("\u{a0}24th"), ("24th", true));
        assert_eq!(next_word(" pastés"), ("pastés", false));
        assert!(alnum_before("é5", 2) && !alnum_before("(5", 1) && !alnum_before("5", 0));
        assert!(continues_identifier("F-16", 2) && !continues_identifier("a -16", 3));
    }

    #[test]
    fn trigger_words_in_any_case() {
        assert_eq!(texts("Twenty firms joined"), vec![(Kind::Count, "Twenty firms")]);
        assert_eq!(texts("in March"), vec![(Kind::Date, "March")]);
        assert_eq!(texts("in march"), vec![]);
        assert_eq!(
            texts("the past three years"),
            vec![(Kind::Duration, "the past three years")]
        );
        assert_eq!(texts("USD34.6 million"), vec![(Kind::Money, "USD34.6 million")]);
        assert_eq!(texts("xthe past three years"), vec![(Kind::Duration, "three years")]);
    }

    #[test]
    fn capitals_start_a_figure_only_as_codes_or_months() {
        let candidate = |w: &str| word_is_candidate(w, 0, w.len());
        for yes in ["USD", "KRW", "RMB", "MAR", "DEC", "MAY", "ONE", "TEN"] {
            assert!(candidate(yes), "{yes}");
        }
        for no in ["ICT", "CEO", "ROK", "III", "MOU", "ALL", "TOP"] {
            assert!(!candidate(no), "{no}");
        }
        assert_eq!(
            texts("USD34.6 million and EUR 5 million"),
            vec![(Kind::Money, "USD34.6 million"), (Kind::Money, "EUR 5 million")]
        );
        assert_eq!(texts("due DEC 5"), vec![(Kind::Date, "DEC 5")]);
    }

    #[test]
    fn qualifier_words_join_the_text() {
        assert_eq!(
            texts("with approximately KRW 340 billion in funding"),
            vec![(Kind::Money, "approximately KRW 340 billion")]
        );
    }
}
