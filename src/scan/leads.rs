//! The lead words `the`, `a`/`an` and `this`/`last`/`next`: they start a figure only
//! before particular next words (`the 24th`, `a trillion`, `this year`).

use crate::grammar::date;
use crate::words::lowered;

/// The word after `after`'s leading white space (letters and digits of any script), and
/// whether a digit starts it. Bytes for the ASCII case; other text goes through `char`s.
pub(super) fn next_word(after: &str) -> (&str, bool) {
    let next = crate::grammar::skip_space(after);
    (
        crate::grammar::leading_alnum(next),
        next.starts_with(|c: char| c.is_ascii_digit()),
    )
}

/// The words after `the` that make it start a figure: a duration's lead (`the past five
/// years`, `duration::led`); a digit does too (`the 24th`, `the_nth` in
/// `date/relative.rs`). No other kind starts at `the`: before an ordinal word (`the first
/// half`) the figure starts at the ordinal, which the walk reaches next.
const AFTER_THE: &[&[u8]] = &[b"past", b"next", b"last", b"coming", b"previous", b"following"];
/// After `a` or `an`: `a trillion`.
const AFTER_A: &[&[u8]] = &[b"hundred", b"thousand", b"million", b"billion", b"trillion", b"dozen"];
/// After `this`, `last` or `next` (or a month name: `last March`): `this year`.
const AFTER_THIS: &[&[u8]] = &[b"year", b"month", b"week", b"quarter", b"half"];

/// The first letters (case folded) and the lengths of a list's words, as bits: a word
/// whose first letter or length is not among them is not in the list.
struct FirstAndLength {
    firsts: u32,
    lengths: u32,
}

impl FirstAndLength {
    /// Of a list of lower-case ASCII words, each 1 to 31 bytes long.
    const fn of(list: &[&[u8]]) -> Self {
        let (mut firsts, mut lengths, mut i) = (0u32, 0u32, 0);
        while i < list.len() {
            assert!(!list[i].is_empty() && list[i].len() < 32 && list[i][0].is_ascii_lowercase());
            firsts |= 1 << (list[i][0] - b'a');
            lengths |= 1 << list[i].len();
            i += 1;
        }
        FirstAndLength { firsts, lengths }
    }

    fn may_hold(&self, word: &[u8]) -> bool {
        let Some(&first) = word.first() else {
            return false;
        };
        let letter = u32::from((first | 0x20).wrapping_sub(b'a'));
        let length = u32::try_from(word.len()).unwrap_or(u32::MAX);
        letter < 26 && length < 32 && self.firsts & 1 << letter != 0 && self.lengths & 1 << length != 0
    }
}

static AFTER_THE_SHAPE: FirstAndLength = FirstAndLength::of(AFTER_THE);
static AFTER_A_SHAPE: FirstAndLength = FirstAndLength::of(AFTER_A);
static AFTER_THIS_SHAPE: FirstAndLength = FirstAndLength::of(AFTER_THIS);

/// The words that start a figure only before a particular next word (`the 24th`,
/// `a trillion`, `this year`), each with what it looks for next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lead {
    /// `the`: `AFTER_THE` or a digit.
    The,
    /// `a`, `an`: `AFTER_A`.
    A,
    /// `this`, `last`, `next`: `AFTER_THIS` or a month.
    This,
}

/// The `Lead` a word is (as written, any case): told by its length and its bytes as one
/// number, each byte with 0x20 set (which folds exactly the capitals onto the lower-case
/// letters the leads are made of), without a copy.
pub(super) fn lead_of(word: &[u8]) -> Option<Lead> {
    const fn packed(w: &[u8]) -> u32 {
        let mut key = 0;
        let mut i = w.len();
        while i > 0 {
            i -= 1;
            key = key << 8 | w[i] as u32;
        }
        key
    }
    if word.len() > 4 {
        return None;
    }
    let key = word.iter().rev().fold(0u32, |k, &b| k << 8 | u32::from(b | 0x20));
    const A: u32 = packed(b"a");
    const AN: u32 = packed(b"an");
    const THE: u32 = packed(b"the");
    const THIS: u32 = packed(b"this");
    const LAST: u32 = packed(b"last");
    const NEXT: u32 = packed(b"next");
    match (word.len(), key) {
        (1, A) | (2, AN) => Some(Lead::A),
        (3, THE) => Some(Lead::The),
        (4, THIS | LAST | NEXT) => Some(Lead::This),
        _ => None,
    }
}

/// Frequent words that start a figure only before a particular next word:
/// `the 24th`, `a trillion`, `this year`. `word` as written, in any case.
pub(super) fn needs_lookahead(word: &[u8], after: &str) -> Option<bool> {
    let lead = lead_of(word)?;
    // The next word read by bytes, and compared in any case; white space or a word beyond
    // ASCII takes the general reading.
    let Some((next, digit)) = next_ascii_word(after.as_bytes()) else {
        let mut buf = [0u8; 4];
        return needs_lookahead_by_next_word(lowered(&mut buf, word)?, after);
    };
    Some(lead_starts(lead, next, digit))
}

/// Whether a `Lead` starts a figure before the ASCII word `next` (`digit`: a digit starts
/// it).
#[inline(always)]
pub(super) fn lead_starts(lead: Lead, next: &[u8], digit: bool) -> bool {
    let (followers, shape) = match lead {
        Lead::The => (AFTER_THE, &AFTER_THE_SHAPE),
        Lead::A => (AFTER_A, &AFTER_A_SHAPE),
        Lead::This => (AFTER_THIS, &AFTER_THIS_SHAPE),
    };
    // Most next words are ruled out by their first letter and length, before a compare.
    let listed = shape.may_hold(next) && followers.iter().any(|w| w.eq_ignore_ascii_case(next));
    match lead {
        Lead::The => digit || listed,
        Lead::A => listed,
        // A capital may start a month: `last March`.
        Lead::This => listed || (next.first().is_some_and(u8::is_ascii_uppercase) && date::is_month_word(next)),
    }
}

/// A lead word at `bytes[at..end]` (`the`, `a`, `this`...) that its next word, read here,
/// shows to start no figure (`the report`, `a rise`): `needs_lookahead`'s answer, given
/// while walking, so that the most frequent words of English are not asked again one by
/// one. False where it cannot tell by bytes (a character beyond ASCII) or where a `$`
/// follows (`A$5`).
pub(super) fn lead_turned_away(bytes: &[u8], at: usize, end: usize) -> bool {
    let (Some(word), Some(after)) = (bytes.get(at..end), bytes.get(end..)) else {
        return false;
    };
    let Some(lead) = lead_of(word) else {
        return false;
    };
    if after.first() == Some(&b'$') {
        return false;
    }
    next_ascii_word(after).is_some_and(|(next, digit)| !lead_starts(lead, next, digit))
}

/// The word after `after`'s leading ASCII white space (ASCII letters and digits), and
/// whether a digit starts it; `None` where a byte beyond ASCII ends the space or the word
/// (it may be white space or a letter: `next_word` reads it).
fn next_ascii_word(after: &[u8]) -> Option<(&[u8], bool)> {
    let start = after
        .iter()
        .position(|b| !crate::words::ascii_space(*b))
        .unwrap_or(after.len());
    let rest = after.get(start..).unwrap_or_default();
    let len = rest
        .iter()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(rest.len());
    if rest.get(len).is_some_and(|b| !b.is_ascii()) {
        return None;
    }
    Some((
        rest.get(..len).unwrap_or_default(),
        rest.first().is_some_and(u8::is_ascii_digit),
    ))
}

/// `needs_lookahead` for one of its words, by the whole next word. Its ASCII letters and
/// digits are asked first: a character beyond ASCII after them (`’`, `é`) is looked up
/// in Unicode's tables only when they would start a figure, for where it is part of the
/// word (`pasté`), the word is none that does.
pub(super) fn needs_lookahead_by_next_word(lower: &[u8], after: &str) -> Option<bool> {
    let next = crate::grammar::skip_space(after);
    let ascii = next.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let digit = next.starts_with(|c: char| c.is_ascii_digit());
    if !lead_followed_by(lower, next.get(..ascii).unwrap_or_default(), digit)? {
        return Some(false);
    }
    let (next_word, digit) = next_word(after);
    lead_followed_by(lower, next_word, digit)
}

/// Whether the lead `lower` starts a figure before the word `next_word` (`digit`: a digit
/// starts the text after the lead); `None` for no lead.
fn lead_followed_by(lower: &[u8], next_word: &str, digit: bool) -> Option<bool> {
    // The next word lowered on the stack; a longer or non-ASCII word is none of these.
    let mut buf = [0u8; 9];
    let next = match next_word.is_ascii() {
        true => lowered(&mut buf, next_word.as_bytes()).unwrap_or_default(),
        false => &[],
    };
    match lower {
        b"the" => Some(digit || AFTER_THE.contains(&next)),
        b"a" | b"an" => Some(AFTER_A.contains(&next)),
        b"this" | b"last" | b"next" => Some(
            AFTER_THIS.contains(&next)
                || (next_word.starts_with(|c: char| c.is_ascii_uppercase())
                    && crate::grammar::date::is_month_word(next_word.as_bytes())),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_reading_turns_away_only_what_the_next_word_would() {
        let mut nexts: Vec<String> = crate::fixture_texts()
            .concat()
            .split(' ')
            .map(|w| format!(" {w} more"))
            .collect();
        nexts.extend(["", " ", "  past", "\u{a0}past", " Past", " March", " march", " 5", " é"].map(String::from));
        for lead in ["the", "a", "an", "this", "last", "next", "other"] {
            for after in &nexts {
                assert_eq!(
                    needs_lookahead(lead.as_bytes(), after),
                    needs_lookahead_by_next_word(lead.as_bytes(), after),
                    "{lead}{after:?}"
                );
            }
        }
    }

    #[test]
    fn lookahead_words_in_any_case_and_whole() {
        let ahead = |w: &str, after: &str| needs_lookahead(w.as_bytes(), after);
        assert_eq!(ahead("the", " PAST five"), Some(true));
        assert_eq!(ahead("the", " 24th"), Some(true));
        assert_eq!(ahead("the", " pasture"), Some(false));
        assert_eq!(ahead("the", "\u{a0}Following"), Some(true));
        assert_eq!(ahead("a", " Trillion"), Some(true));
        assert_eq!(ahead("an", " hundredfold"), Some(false));
        assert_eq!(ahead("this", " Year"), Some(true));
        assert_eq!(ahead("next", " yearly"), Some(false));
        assert_eq!(ahead("the", " followingly-long-word"), Some(false));
        assert_eq!(ahead("one", " year"), None);
    }

    /// `needs_lookahead_by_next_word` as it was: the whole next word read first.
    fn needs_lookahead_by_whole_word(lower: &[u8], after: &str) -> Option<bool> {
        let (next_word, digit) = next_word(after);
        lead_followed_by(lower, next_word, digit)
    }

    #[test]
    fn a_next_word_beyond_ascii_is_read_whole_only_after_listed_letters() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(
            " the past’s the pasté the Past\u{a0}year the\u{a0}5 the “past” last Marché last March’s \
             this yearé this year’s a million’s a millioné next Juneau the 5é an hundred ",
        );
        let mut asked = 0;
        for (at, _) in text.char_indices() {
            let after = &text[at..];
            for lead in [&b"the"[..], b"a", b"an", b"this", b"last", b"next", b"one"] {
                assert_eq!(
                    needs_lookahead_by_next_word(lead, after),
                    needs_lookahead_by_whole_word(lead, after),
                    "{lead:?} at {at}"
                );
            }
            asked += 1;
        }
        assert!(asked > 10_000, "{asked}");
    }

    /// `lead_of` as it was: each lead compared in any case.
    fn lead_of_by_compare(word: &[u8]) -> Option<Lead> {
        let is = |w: &[u8]| word.eq_ignore_ascii_case(w);
        match word.len() {
            1 if is(b"a") => Some(Lead::A),
            2 if is(b"an") => Some(Lead::A),
            3 if is(b"the") => Some(Lead::The),
            4 if is(b"this") || is(b"last") || is(b"next") => Some(Lead::This),
            _ => None,
        }
    }

    #[test]
    fn leads_told_by_one_number_are_those_compared() {
        let text = crate::fixture_texts().concat();
        let mut words: Vec<Vec<u8>> = text.split(' ').map(|w| w.as_bytes().to_vec()).collect();
        for w in [
            "a", "an", "the", "this", "last", "next", "THE", "tHiS", "A", "aN", "LaSt", "nexT",
        ] {
            words.push(w.as_bytes().to_vec());
        }
        // Every byte in every place of the leads: near misses, capitals, NULs, bytes beyond ASCII.
        for lead in [&b"a"[..], b"an", b"the", b"this", b"last", b"next"] {
            for at in 0..lead.len() {
                for b in 0..=255u8 {
                    let mut w = lead.to_vec();
                    w[at] = b;
                    words.push(w);
                }
            }
        }
        let mut leads = 0;
        for w in &words {
            assert_eq!(lead_of(w), lead_of_by_compare(w), "{w:?}");
            leads += usize::from(lead_of(w).is_some());
        }
        assert!(leads > 100, "{leads}");
    }
}
