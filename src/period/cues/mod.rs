//! The words that tell what a date phrase does in its sentence, and what a change is
//! compared with. Each list is a category of English (prepositions of comparison, verbs
//! of announcing, words of record), matched on lower-cased text at word boundaries.
//!
//! Here are the searches for a word or phrase standing whole; what the words before a
//! date make of it (`lead_of`) is in `leads.rs`, with its lists; the phrase lists the rules
//! ask of a sentence are in `lists.rs`, and the one walk that finds them all and what the
//! rules read from it (`Cues`, `may_time_undated`) in `walk.rs`.

mod leads;
mod lists;
mod walk;

pub use crate::words::Phrases;
pub use leads::{Lead, lead_of, names_publication, opens_with_lead};
pub use lists::{CAUSES, CONTRAST, RECORDS, Relative, STEPS, is_aim_noun};
pub use walk::{Cues, Pick, may_time_undated};

/// The last `n` bytes of `text` or fewer (cut at a character boundary).
pub fn tail(text: &str, n: usize) -> &str {
    let mut start = text.len().saturating_sub(n);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// A word or phrase of `lower` at `at`, whole (no letter or digit glued on either side).
pub fn whole_at(lower: &str, at: usize, phrase: &str) -> bool {
    let b = lower.as_bytes();
    let end = at + phrase.len();
    lower.get(at..end) == Some(phrase)
        && (at == 0 || !b[at - 1].is_ascii_alphanumeric())
        && b.get(end).is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// Where `phrase` stands whole in `lower`, every time. Asked for every phrase of long
/// lists in every clause: a searcher built per call (`str::match_indices`) cost more than
/// the search, so the phrase's first byte is found by `memchr` and the rest compared there.
pub fn find_all<'a>(lower: &'a str, phrase: &'a str) -> impl Iterator<Item = usize> + 'a {
    let (text, needle) = (lower.as_bytes(), phrase.as_bytes());
    let first = needle.first().copied();
    memchr::memchr_iter(first.unwrap_or(0), text)
        .filter(move |_| first.is_some())
        .filter(move |&at| text[at..].starts_with(needle) && whole_at(lower, at, phrase))
}

/// `lower` holds `phrase` whole.
pub fn has(lower: &str, phrase: &str) -> bool {
    find_all(lower, phrase).next().is_some()
}

/// `text` ends with the whole word or phrase `phrase`.
pub fn ends_with_word(text: &str, phrase: &str) -> bool {
    // Compared from the last byte back: asked of long lists, most phrases end otherwise,
    // and differ a byte or two from the end (a slice comparison is a call to `memcmp`).
    let (t, p) = (text.as_bytes(), phrase.as_bytes());
    let Some(at) = t.len().checked_sub(p.len()) else {
        return false;
    };
    t[at..].iter().rev().zip(p.iter().rev()).all(|(a, b)| a == b) && (at == 0 || !t[at - 1].is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// `ends_with_word` as `whole_at` at the end, on texts of any bytes.
        #[test]
        fn a_word_ends_a_text_as_whole_at_reads_it(
            text in proptest::collection::vec(0..8usize, 0..12),
            phrase in proptest::collection::vec(0..8usize, 0..4),
        ) {
            const PIECES: [&str; 8] = ["a", "n", " ", "-", "é", "’", "in", "5"];
            let text: String = text.iter().map(|&n| PIECES[n]).collect();
            let phrase: String = phrase.iter().map(|&n| PIECES[n]).collect();
            let want = text.len() >= phrase.len() && whole_at(&text, text.len() - phrase.len(), &phrase);
            proptest::prop_assert_eq!(ends_with_word(&text, &phrase), want, "{:?} {:?}", text, phrase);
        }
    }

    /// `ends_with_word` as `whole_at` at the end, its last-byte test aside.
    #[test]
    fn a_word_ends_a_text_as_whole_at_finds_it() {
        for text in [
            "rose from",
            "fromage from",
            "rose fromx",
            "x from.",
            "",
            "vs.",
            "a vs.",
            "with,",
        ] {
            for phrase in ["from", "vs.", "with", ""] {
                let want = text.len() >= phrase.len() && whole_at(text, text.len() - phrase.len(), phrase);
                assert_eq!(ends_with_word(text, phrase), want, "{text:?} {phrase:?}");
            }
        }
    }
}
