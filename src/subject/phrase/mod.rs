//! The bounds of a noun phrase, and the phrase as a string.
//!
//! Where a phrase starts and ends among a sentence's tokens is in `bounds.rs` (read
//! backwards from its end, or forwards with its post-modifiers); which words of that span
//! it keeps, in `trim.rs`; its string, copied in one piece or joined into a string handed
//! back for reuse, in `strings.rs`; its head, and whether it is a bare measure, in
//! `head.rs`. Here: the phrase of a span of tokens, and what is known of it once vetted.

mod bounds;
mod head;
mod strings;
mod trim;

use std::cell::Cell;

use super::compare::{names_something_timeless, names_something_timeless_of};
use super::tokens::{T, Tok};
use crate::buffers::emptied;
use crate::scan::Found;
use strings::{join, new_string, one_piece};
use trim::{bounds, gather_words};

pub(super) use bounds::{back_start, dated, forward_end, holds_figure, np_end, past_time_lead, post_prep};
pub(super) use head::{bare_measure, head, is_post_prep};
pub(super) use strings::{copy_of, give_back_string, kept_if};

thread_local! {
    /// The vector of the last phrase's words, handed back for the next phrase.
    static SPARE: Cell<Vec<(&'static str, &'static T<'static>)>> = const { Cell::new(Vec::new()) };
}

/// The phrase from `from` to `to` (token indexes, inclusive start, exclusive end), cleaned.
pub(super) fn phrase(sentence: &str, toks: &[T], all: &[Found], from: usize, to: usize) -> String {
    let span = toks.get(from..to).unwrap_or(&[]);
    if let Some(out) = phrase_of_words(sentence, span) {
        return out.0;
    }
    let mut words = SPARE.try_with(Cell::take).unwrap_or_default();
    let out = phrase_in(sentence, toks, all, from, to, &mut words);
    let _ = SPARE.try_with(|spare| spare.set(emptied(words)));
    out
}

/// What is known of a subject phrase once vetted.
#[derive(Clone, Copy, Default)]
pub(super) struct Vetted {
    /// It names something and is no time phrase (`names_something_timeless`).
    pub(super) timeless: bool,
    /// No word of it is one that `refined` looks for (it is ASCII, with no deictic and no
    /// head of `estimated`): `refined` leaves it as it is.
    pub(super) plain: bool,
}

/// `phrase`, and whether it names something and is no time phrase
/// (`names_something_timeless`) and is plain: told from its word tokens, whose classes
/// the walk that found the phrase's bounds has mostly read, rather than from the string.
pub(super) fn phrase_vetted(sentence: &str, toks: &[T], all: &[Found], from: usize, to: usize) -> (String, Vetted) {
    let span = toks.get(from..to).unwrap_or(&[]);
    if let Some((out, kept)) = phrase_of_words(sentence, span) {
        // Word tokens only: vetted as below, from the tokens kept.
        let vetted = if out.is_empty() {
            Vetted::default()
        } else if out.is_ascii() {
            Vetted {
                timeless: names_something_timeless_of(kept.iter().map(|t| (word_of(t), t))),
                plain: kept.iter().all(|t| !super::refined_looks_for(word_of(t).as_bytes())),
            }
        } else {
            Vetted {
                timeless: names_something_timeless(&out),
                plain: false,
            }
        };
        return (out, vetted);
    }
    let mut words = SPARE.try_with(Cell::take).unwrap_or_default();
    let out = phrase_in(sentence, toks, all, from, to, &mut words);
    // Word tokens only (no bracket glued to a word), ASCII: `out` is they joined by spaces.
    let vetted = if out.is_empty() {
        Vetted::default()
    } else if out.is_ascii() && words.iter().all(|w| matches!(w.1.tok, Tok::Word(_))) {
        Vetted {
            timeless: names_something_timeless_of(words.iter().map(|&(w, t)| (w, t))),
            plain: words.iter().all(|&(w, _)| !super::refined_looks_for(w.as_bytes())),
        }
    } else {
        Vetted {
            timeless: names_something_timeless(&out),
            plain: false,
        }
    };
    // (`phrases_of_the_fixtures_are_vetted_from_their_tokens` holds both answers to the
    // string's; a check here allocated, and made the debug build's count of allocations
    // per fact a third higher than the release's.)
    let _ = SPARE.try_with(|spare| spare.set(emptied(words)));
    (out, vetted)
}

/// `phrase`, gathering its words in `words` (empty).
fn phrase_in<'a>(
    sentence: &'a str,
    toks: &'a [T],
    all: &[Found],
    from: usize,
    to: usize,
    words: &mut Vec<(&'a str, &'a T<'a>)>,
) -> String {
    gather_words(sentence, toks, all, from, to, words);
    let (lo, hi) = bounds(words.len(), |i| words[i]);
    words.truncate(hi);
    words.drain(..lo);
    if words.is_empty() {
        return String::new();
    }
    if let Some(piece) = one_piece(sentence, words.len(), |i| words[i].1) {
        let mut out = new_string(piece.len());
        out.push_str(piece);
        return out;
    }
    let bytes = words.iter().map(|w| w.0.len() + 1).sum();
    join(words.iter().map(|w| w.0), bytes)
}

/// `phrase` of `span` when it holds word tokens only (most phrases: nothing is left out
/// but the frame and the ends that `bounds` cuts), read in place with no vector of its
/// words; with the word tokens it keeps. `None` for a span with any other token.
fn phrase_of_words<'a>(sentence: &'a str, span: &'a [T<'a>]) -> Option<(String, &'a [T<'a>])> {
    if !span.iter().all(|t| matches!(t.tok, Tok::Word(_))) {
        return None;
    }
    let (lo, hi) = bounds(span.len(), |i| (word_of(&span[i]), &span[i]));
    let kept = span.get(lo..hi)?;
    // No word stays: an empty string, with no room taken from the kept ones.
    if kept.is_empty() {
        return Some((String::new(), kept));
    }
    if let Some(piece) = one_piece(sentence, kept.len(), |i| &kept[i]) {
        let mut out = new_string(piece.len());
        out.push_str(piece);
        return Some((out, kept));
    }
    let bytes = kept.iter().map(|t| word_of(t).len() + 1).sum();
    Some((join(kept.iter().map(word_of), bytes), kept))
}

/// The text of a word token; empty for any other.
fn word_of<'a>(t: &T<'a>) -> &'a str {
    match t.tok {
        Tok::Word(w) => w,
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    /// Every phrase of `text` (cut into sentences) from each token to each later one, up to
    /// `reach` tokens long: `phrase_vetted` is `phrase` with `names_something_timeless` of it,
    /// a phrase it finds plain is one `refined` leaves as it is, and a phrase copied in one
    /// piece is its words joined.
    fn phrases_vetted_as_their_strings(text: &str, reach: usize) {
        for span in crate::sentences::split(text) {
            let sentence = &text[span];
            let all = crate::scan::figures(sentence, false);
            let toks = crate::subject::tokens::cut(sentence, &all).toks;
            for from in 0..toks.len() {
                for to in from..=(from + reach).min(toks.len()) {
                    let (p, vetted) = super::phrase_vetted(sentence, &toks, &all, from, to);
                    assert_eq!(p, super::phrase(sentence, &toks, &all, from, to));
                    let mut listed = Vec::new();
                    let first = super::trim::phrase_in_by_list(sentence, &toks, &all, from, to, &mut listed);
                    assert_eq!(p, first, "{sentence:?} {from}..{to}");
                    let want = crate::subject::compare::names_something_timeless(&p);
                    assert_eq!(vetted.timeless, want, "{p:?} of {sentence:?}");
                    assert!(!vetted.plain || crate::subject::refined(p.clone()) == p, "{p:?}");
                    let mut words = Vec::new();
                    let joined = super::phrase_in(sentence, &toks, &all, from, to, &mut words);
                    assert_eq!(joined, super::join(words.iter().map(|w| w.0), 0), "{sentence:?}");
                }
            }
        }
    }

    proptest::proptest! {
        /// A phrase's word tokens tell whether it names something as its string does.
        #[test]
        fn phrases_are_vetted_from_their_tokens(picks in proptest::collection::vec(0..25usize, 0..14)) {
            const PIECES: [&str; 25] = [
                "wool", "of", "in", "the", "exports", "quarter", "rose", "expected", "sharply", "Korea's",
                "U.S.", "“tea”", "x-y", "for", "January", "(", ")", "5%", "—", "2024", "'", "year", "a total of",
                "these", "estimate",
            ];
            let text = picks.iter().map(|&n| PIECES[n]).collect::<Vec<_>>().join(" ");
            phrases_vetted_as_their_strings(&text, 14);
        }
    }

    #[test]
    fn phrases_of_the_fixtures_are_vetted_from_their_tokens() {
        let texts = crate::fixture_texts();
        for text in &texts {
            phrases_vetted_as_their_strings(text, 8);
        }
        assert!(!texts.is_empty());
    }

    /// The phrase of all tokens of `text` as `phrase` gives it, and as `join` makes it of
    /// the same words: one piece of the text or word by word, the same.
    fn whole_phrase(text: &str) -> (String, String) {
        let all = crate::scan::figures(text, false);
        let toks = crate::subject::tokens::cut(text, &all).toks;
        let p = super::phrase(text, &toks, &all, 0, toks.len());
        let mut words = Vec::new();
        let joined = super::phrase_in(text, &toks, &all, 0, toks.len(), &mut words);
        let by_words = super::join(words.iter().map(|w| w.0), 0);
        assert_eq!(joined, p);
        (p, by_words)
    }

    #[test]
    fn a_phrase_is_its_words_joined_whether_copied_whole_or_not() {
        for text in [
            "wool exports to small island markets",
            "wool  exports\tto markets",
            "exports of electric vehicles (EVs) to markets",
            "wool exports in 2024 to island markets",
            "wool exports — a record — to markets",
            "a total of 62 proposals",
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty",
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty more",
            "café owners’ stalls",
        ] {
            let (p, by_words) = whole_phrase(text);
            assert_eq!(p, by_words, "{text}");
        }
        assert_eq!(whole_phrase("wool  exports\tto markets").0, "wool exports to markets");
        assert!(whole_phrase("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty more").0.is_empty());
    }
}
