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

/// Alphabetic words that can start a figure; every other word is skipped unread.
fn is_trigger_word(word: &str) -> bool {
    const TRIGGERS: &[&str] = &[
        "a",
        "an",
        "between",
        "minus",
        "negative",
        "the",
        "this",
        "last",
        "next",
        "today",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fourteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "thirtieth",
        "fortieth",
        "fiftieth",
        "sixtieth",
        "seventieth",
        "eightieth",
        "ninetieth",
        "hundredth",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
        "twenty",
        "thirty",
        "forty",
        "fifty",
        "sixty",
        "seventy",
        "eighty",
        "ninety",
        "hundred",
        "thousand",
        "dozen",
        "q1",
        "q2",
        "q3",
        "q4",
        "h1",
        "h2",
        "us",
        "rmb",
    ];
    let first = word.chars().next().unwrap_or(' ');
    // Month and weekday names, ISO codes: capitalized words.
    if first.is_ascii_uppercase() && word.len() >= 3 {
        return true;
    }
    TRIGGERS.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// A digit that continues an identifier (`COVID-19`, `F-16`, `1:1`, `Industry 4.0`) starts no figure.
fn continues_identifier(before: &str) -> bool {
    let mut rev = before.chars().rev();
    match (rev.next(), rev.next()) {
        (Some('-' | ':' | '/' | '.'), Some(c)) => c.is_alphanumeric(),
        (Some(c), _) => c.is_alphanumeric() || c == '_',
        _ => false,
    }
}

fn is_candidate(sentence: &str, pos: usize) -> bool {
    let rest = &sentence[pos..];
    let Some(c) = rest.chars().next() else { return false };
    let before = &sentence[..pos];
    if c.is_ascii_digit() {
        return !continues_identifier(before);
    }
    if before.chars().next_back().is_some_and(char::is_alphanumeric) {
        return false;
    }
    if matches!(c, '$' | '₩' | '€' | '¥' | '£' | '-' | '\u{2212}') {
        return true;
    }
    if c.is_alphabetic() {
        let end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        return is_trigger_word(&rest[..end]);
    }
    false
}

/// Every figure of a sentence, in order, none overlapping.
pub fn figures(sentence: &str, cut: bool) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    let mut pos = 0;
    let mut floor = 0; // no text may start before the end of the previous figure
    while pos < sentence.len() {
        if is_candidate(sentence, pos) {
            let ctx = Ctx { sentence, pos, cut };
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
        // Next word start: skip the current word, then any non-word characters.
        pos = next_candidate(sentence, pos);
    }
    out
}

/// The next position worth asking: past the current word, or past one other character.
fn next_candidate(sentence: &str, pos: usize) -> usize {
    let rest = &sentence[pos..];
    let mut chars = rest.char_indices();
    match chars.next() {
        Some((_, c)) if c.is_alphanumeric() => pos + rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len()),
        Some((_, c)) => pos + c.len_utf8(),
        None => sentence.len(),
    }
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
        let s = "Imports fell 2.9 percent to $13.0 billion, resulting in a $10.4 billion surplus.";
        assert_eq!(
            texts(s),
            vec![
                (Kind::Percent, "2.9 percent"),
                (Kind::Money, "$13.0 billion"),
                (Kind::Money, "$10.4 billion")
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
            texts("with approximately KRW 210 billion in funding"),
            vec![(Kind::Money, "approximately KRW 210 billion")]
        );
    }
}
