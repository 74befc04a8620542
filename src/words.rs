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
