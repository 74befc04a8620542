//! Sentence -> figures: find candidate positions, ask the grammar at each, and attach
//! the cue words around what it reads.

use crate::grammar::{Ctx, Figure, Val, cues, figure_at};
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

/// `word` lower-cased into `buf`, or `None` when too long to be a trigger. Bytes, not a
/// `str`: the scan asks this of every word, and the words are ASCII alphanumerics.
fn lowercase<'b>(word: &str, buf: &'b mut [u8; 16]) -> Option<&'b [u8]> {
    let bytes = word.as_bytes();
    let out = buf.get_mut(..bytes.len())?;
    out.copy_from_slice(bytes);
    out.make_ascii_lowercase();
    Some(out)
}

/// A digit that continues an identifier (`COVID-19`, `F-16`, `1:1`, `2+2`, `Industry 4.0`) starts no figure.
fn continues_identifier(before: &str) -> bool {
    let mut rev = before.chars().rev();
    match (rev.next(), rev.next()) {
        (Some('-' | ':' | '/' | '.' | '+'), Some(c)) => c.is_alphanumeric(),
        (Some(c), _) => c.is_alphanumeric() || c == '_',
        _ => false,
    }
}

/// Capitalized words that can start a figure: month and weekday names, currency codes.
fn is_capitalized_trigger(word: &str) -> bool {
    let upper_code = word.len() == 3 && word.bytes().all(|b| b.is_ascii_uppercase());
    upper_code
        || matches!(
            word,
            "January"
                | "February"
                | "March"
                | "April"
                | "May"
                | "June"
                | "July"
                | "August"
                | "September"
                | "October"
                | "November"
                | "December"
                | "Jan"
                | "Feb"
                | "Mar"
                | "Apr"
                | "Jun"
                | "Jul"
                | "Aug"
                | "Sep"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
                | "Monday"
                | "Tuesday"
                | "Wednesday"
                | "Thursday"
                | "Friday"
                | "Saturday"
                | "Sunday"
                | "US"
        )
}

/// Frequent words that start a figure only before a particular next word:
/// `the 24th`, `a trillion`, `this year`.
fn needs_lookahead(lower: &[u8], after: &str) -> Option<bool> {
    if !matches!(lower, b"the" | b"a" | b"an" | b"this" | b"last" | b"next") {
        return None;
    }
    let next = after.trim_start_matches(|c: char| c.is_whitespace());
    let next_word = next.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let any = |list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(next_word));
    match lower {
        // `the 24th`, `the past five years`
        b"the" => Some(
            next.starts_with(|c: char| c.is_ascii_digit())
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

/// What the token at `pos` is, for the scan: whether the grammar should be asked there,
/// and where the token ends.
fn token_at(sentence: &str, pos: usize) -> (bool, usize) {
    let bytes = sentence.as_bytes();
    let b = bytes[pos];
    let word_end = |from: usize| {
        from + bytes[from..]
            .iter()
            .position(|c| !c.is_ascii_alphanumeric())
            .unwrap_or(bytes.len() - from)
    };
    let before = &sentence[..pos];
    if b.is_ascii_digit() {
        return (!continues_identifier(before), word_end(pos));
    }
    if b.is_ascii_alphabetic() {
        let end = word_end(pos);
        let word = &sentence[pos..end];
        if before.chars().next_back().is_some_and(char::is_alphanumeric) {
            return (false, end);
        }
        let mut buf = [0u8; 16];
        let Some(lower) = lowercase(word, &mut buf) else {
            return (false, end);
        };
        if let Some(ok) = needs_lookahead(lower, &sentence[end..]) {
            return (ok, end);
        }
        // `USD34.6 million`: a code glued to its number.
        let letters = &word[..word.find(|c: char| c.is_ascii_digit()).unwrap_or(word.len())];
        return (is_capitalized_trigger(letters) || is_trigger_word(lower), end);
    }
    let c = sentence[pos..].chars().next().unwrap_or(' ');
    let starts = matches!(c, '$' | '₩' | '€' | '¥' | '£' | '-' | '\u{2212}')
        && !before.chars().next_back().is_some_and(char::is_alphanumeric);
    (starts, pos + c.len_utf8())
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
    fn qualifier_words_join_the_text() {
        assert_eq!(
            texts("with approximately KRW 340 billion in funding"),
            vec![(Kind::Money, "approximately KRW 340 billion")]
        );
    }
}
