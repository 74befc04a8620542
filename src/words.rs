//! The one home of the word look-ups the grammar asks at every candidate: lowering a word
//! on the stack, a list test in any ASCII case, and hashed word sets. (The subject
//! finder's classification table, `subject/words.rs`, and the scan's trigger shapes,
//! `scan/triggers.rs`, are the two other fast paths; each has its oracle test beside it.)

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// Calls `f` with `word.to_ascii_lowercase()`, on the stack when it is short (the common
/// case of hot word-list look-ups). Only ASCII letters are lowered: the word lists are
/// ASCII, and a non-ASCII letter whose lower case is ASCII (the Kelvin sign `K`) must not
/// make a listed word.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(out) => {
            out.copy_from_slice(word.as_bytes());
            // Lowering ASCII bytes keeps UTF-8 valid.
            out.make_ascii_lowercase();
            match std::str::from_utf8(out) {
                Ok(lower) => f(lower),
                Err(_) => f(&word.to_ascii_lowercase()),
            }
        }
        None => f(&word.to_ascii_lowercase()),
    }
}

/// `list` (lower-case words) holds `word` in any ASCII case: `contains` of the word's
/// `to_ascii_lowercase`, without the copy.
pub fn holds(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// FNV-1a: the words looked up are short, and SipHash's setup cost more than the list
/// walks it replaced.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A set of listed words, hashed.
pub type WordSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

/// Listed words with what each says, hashed.
pub type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<Fnv>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lowered_as_to_ascii_lowercase() {
        for w in ["ROSE", "Übersee", "\u{212a}ut", "MiXeD", "", &"X".repeat(40)] {
            assert_eq!(with_lower(w, str::to_string), w.to_ascii_lowercase());
        }
    }

    #[test]
    fn lists_hold_words_in_any_ascii_case_only() {
        assert!(holds(&["took", "rose"], "Took") && holds(&["rose"], "ROSE"));
        assert!(!holds(&["k"], "\u{212a}") && !holds(&["rose"], "roses"));
    }

    #[test]
    fn word_sets_find_what_was_put_in() {
        let set: WordSet = ["up", "down", "flat"].into_iter().collect();
        assert!(set.contains("down") && !set.contains("Down") && !set.contains(""));
        let map: WordMap<u8> = [("a", 1), ("b", 2)].into_iter().collect();
        assert_eq!((map.get("b"), map.get("c")), (Some(&2), None));
    }
}

// ---- Phrase lists found by their words (the period rules' lists) ----

/// A list of lower-case phrases found whole in a text by one walk over its words: each
/// run of ASCII letters and digits that may be a first word of a phrase (by its length
/// and its first and last bytes) is looked up once in a hashed map of the phrases' first
/// words, and only the phrases it opens are compared there. Every phrase opens and
/// closes with an ASCII letter or digit (a phrase that does not is never found), so a
/// phrase standing whole at a byte starts a run there, and that run is its first word.
pub struct Phrases {
    phrases: Vec<&'static str>,
    /// The phrases (by index, in list order) that open with each first word.
    by_first_word: WordMap<Vec<u16>>,
    /// For each byte, bit `n` set when a first word of `n` bytes (under 64) opens with it,
    /// and when one ends with it: most runs are no first word, and are told so without
    /// hashing.
    opening: [u64; 256],
    closing: [u64; 256],
}

/// The first word of a phrase: its leading run of ASCII letters and digits.
fn first_word(phrase: &str) -> &str {
    let end = phrase
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(phrase.len());
    &phrase[..end]
}

/// `phrase` stands in `text` at `at`, with no letter or digit glued on either side.
fn whole_at(text: &[u8], at: usize, phrase: &[u8]) -> bool {
    let end = at + phrase.len();
    // The last bytes first: most phrases a run opens end otherwise.
    text.get(end.wrapping_sub(1)) == phrase.last()
        && text.get(at..end) == Some(phrase)
        && (at == 0 || !text[at - 1].is_ascii_alphanumeric())
        && text.get(end).is_none_or(|c| !c.is_ascii_alphanumeric())
}

impl Phrases {
    pub fn new(phrases: impl IntoIterator<Item = &'static str>) -> Phrases {
        let phrases: Vec<&'static str> = phrases.into_iter().collect();
        let mut by_first_word: WordMap<Vec<u16>> = WordMap::default();
        let (mut opening, mut closing) = ([0u64; 256], [0u64; 256]);
        for (n, p) in phrases.iter().enumerate() {
            let edges = [p.as_bytes().first(), p.as_bytes().last()];
            if edges.iter().all(|b| b.is_some_and(u8::is_ascii_alphanumeric)) {
                let word = first_word(p);
                let ends = (word.as_bytes().first(), word.as_bytes().last());
                if let (Some(&first), Some(&last)) = ends
                    && word.len() < 64
                {
                    opening[usize::from(first)] |= 1 << word.len();
                    closing[usize::from(last)] |= 1 << word.len();
                    by_first_word.entry(word).or_default().push(n as u16);
                }
            }
        }
        Phrases {
            phrases,
            by_first_word,
            opening,
            closing,
        }
    }

    /// Every `(at, index)` where the phrase `index` stands whole in `text`, in order of
    /// position (of index at one position).
    pub fn find_in<'a>(&'a self, text: &'a str) -> Found<'a> {
        Found {
            list: self,
            text,
            pos: 0,
            at: 0,
            opened: &[],
        }
    }

    pub fn phrase(&self, n: usize) -> &'static str {
        self.phrases[n]
    }

    /// The phrases that open with the run of letters and digits `text[start..end]`.
    fn opened_by(&self, text: &str, start: usize, end: usize) -> &[u16] {
        let (Some(&first), Some(&last)) = (text.as_bytes().get(start), text.as_bytes().get(end.wrapping_sub(1))) else {
            return &[];
        };
        let len = end - start;
        if len >= 64 || self.opening[usize::from(first)] & self.closing[usize::from(last)] & (1 << len) == 0 {
            return &[];
        }
        text.get(start..end)
            .and_then(|word| self.by_first_word.get(word))
            .map_or(&[], Vec::as_slice)
    }
}

/// `u8::is_ascii_alphanumeric` as a table: one load a byte in the walk.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// The walk of [`Phrases::find_in`].
pub struct Found<'a> {
    list: &'a Phrases,
    text: &'a str,
    /// Where the walk over runs goes on.
    pos: usize,
    /// The start of the last run, and the phrases it opens not yet compared.
    at: usize,
    opened: &'a [u16],
}

impl Iterator for Found<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let b = self.text.as_bytes();
        loop {
            while let Some((&n, rest)) = self.opened.split_first() {
                self.opened = rest;
                let n = usize::from(n);
                if whole_at(b, self.at, self.list.phrases[n].as_bytes()) {
                    return Some((self.at, n));
                }
            }
            let rest = b.get(self.pos..).unwrap_or_default();
            let start = self.pos + rest.iter().position(|&c| ALNUM[usize::from(c)])?;
            let run = b.get(start..).unwrap_or_default();
            self.pos = start + run.iter().position(|&c| !ALNUM[usize::from(c)]).unwrap_or(run.len());
            self.at = start;
            self.opened = self.list.opened_by(self.text, start, self.pos);
        }
    }
}

#[cfg(test)]
mod phrase_tests {
    use super::*;

    /// `find_in` as it was: at every byte after no letter or digit, each phrase that starts
    /// there whole. The oracle of the walk over words.
    fn find_at_every_byte(phrases: &[&'static str], text: &str) -> Vec<(usize, usize)> {
        let b = text.as_bytes();
        (0..b.len())
            .filter(|&at| at == 0 || !b[at - 1].is_ascii_alphanumeric())
            .flat_map(|at| (0..phrases.len()).map(move |n| (at, n)))
            .filter(|&(at, n)| whole_at(b, at, phrases[n].as_bytes()))
            .collect()
    }

    const LIST: &[&str] = &[
        "year-on-year",
        "on-year",
        "year",
        "y/y",
        "12 months to",
        "last year",
        "the last year",
        "set to",
        "set",
        "a",
    ];

    #[test]
    fn phrases_are_found_as_at_every_byte() {
        let index = Phrases::new(LIST.iter().copied());
        for text in [
            "output rose 3% year-on-year, and 2% on-year; y/y the last year",
            "in the 12 months to may, set to rise; a yearly set-to",
            "ayear year2 -year- é year’s last  year last year",
            "",
            "y/yy/y",
        ] {
            assert_eq!(
                index.find_in(text).collect::<Vec<_>>(),
                find_at_every_byte(LIST, text),
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_what_every_byte_gives(
            picks in proptest::collection::vec(0..16usize, 0..30),
        ) {
            const PIECES: [&str; 16] = [
                "year", "-on-", "on", " ", "y/y", "12", " months", " to", "the", "last", "set", "a", "é", ",",
                "-", "x",
            ];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            let index = Phrases::new(LIST.iter().copied());
            let got: Vec<(usize, usize)> = index.find_in(&text).collect();
            proptest::prop_assert_eq!(got, find_at_every_byte(LIST, &text), "{:?}", text);
        }
    }
}
