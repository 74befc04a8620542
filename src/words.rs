//! The one home of the word look-ups the grammar asks at every candidate: lowering a word
//! on the stack, a list test in any ASCII case, and hashed word sets. (The subject
//! finder's classification table, `subject/words.rs`, is the other fast path, with its
//! oracle test beside it.) Also here: the word lists asked at every word (`word_list!`),
//! their shape filter, and byte classes eight bytes at a time.

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

// Word lists asked at every word of the text, and a shape filter for them: the lengths
// and first two letters of a list's words, so that most other words are turned away
// after one table look-up.

/// A word list, and a test for membership in it: one `match` on byte strings, which
/// compiles to a decision tree on length and bytes (no list walk, no `memcmp` calls).
macro_rules! word_list {
    ($(#[$doc:meta])* $list:ident, $is_in:ident, [$($word:literal),* $(,)?]) => {
        $(#[$doc])*
        const $list: &[&[u8]] = &[$($word),*];

        fn $is_in(word: &[u8]) -> bool {
            matches!(word, $($word)|*)
        }
    };
}
pub(crate) use word_list;

/// The longest word a shape table holds.
pub const LONGEST: usize = 16;

/// A shape table: for each word length up to `LONGEST` and each first letter (case
/// folded), the second letters (case folded; bit 26: none, bit 27: not a letter).
pub type Shapes = [[u32; 26]; LONGEST + 1];

/// The bit of a word's second byte in a `Shapes` entry.
const fn second_bit(word: &[u8]) -> u32 {
    if word.len() < 2 {
        return 1 << 26;
    }
    let letter = (word[1] | 0x20).wrapping_sub(b'a');
    if letter < 26 { 1 << letter } else { 1 << 27 }
}

/// The shapes of the words of `lists`. Every word must start with an ASCII letter.
pub const fn shapes(lists: &[&[&[u8]]]) -> Shapes {
    let mut shapes = [[0u32; 26]; LONGEST + 1];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            add_shape(&mut shapes, lists[l][i]);
            i += 1;
        }
        l += 1;
    }
    shapes
}

/// `shapes` of lists of `&str`.
pub const fn str_shapes(lists: &[&[&str]]) -> Shapes {
    let mut shapes = [[0u32; 26]; LONGEST + 1];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            add_shape(&mut shapes, lists[l][i].as_bytes());
            i += 1;
        }
        l += 1;
    }
    shapes
}

const fn add_shape(shapes: &mut Shapes, w: &[u8]) {
    assert!(w.len() <= LONGEST && w[0].is_ascii_alphabetic());
    shapes[w.len()][((w[0] | 0x20) - b'a') as usize] |= second_bit(w);
}

/// Some word in `shapes` has the length and (case-folded) first two letters of `word`: a
/// necessary condition for `word` to be in its lists, in any case.
pub fn has_shape(shapes: &Shapes, word: &[u8]) -> bool {
    let Some(&first) = word.first() else {
        return false;
    };
    let letter = usize::from((first | 0x20).wrapping_sub(b'a'));
    shapes
        .get(word.len())
        .and_then(|by_first| by_first.get(letter))
        .is_some_and(|seconds| seconds & second_bit(word) != 0)
}

/// Byte classes eight bytes at a time, in a `u64` (SWAR): the high bit of each byte.
pub(crate) const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;
pub(crate) const fn each(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// Bit `i` set where byte `i` of `x` is an ASCII letter.
pub(crate) fn letters_of(x: u64) -> u8 {
    // Setting the 0x20 bit lowers exactly the ASCII capitals; then `a..=z` is the range
    // 0x61..0x7B, tested on the low seven bits by two carries into the high bit of each
    // byte. A non-ASCII byte (high bit set) is no letter.
    let low = (x | each(0x20)) & LOW7;
    let at_least_a = low + each(0x80 - b'a');
    let past_z = low + each(0x80 - b'z' - 1);
    let high = at_least_a & !past_z & !x & HIGH;
    // The eight high bits gathered into one byte.
    ((high >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    word_list!(
        /// A list for the tests.
        FRUIT, is_fruit, [b"apple", b"pear", b"Fig"]
    );

    #[test]
    fn a_word_of_the_list_has_its_shape_in_any_case() {
        static FRUIT_SHAPES: Shapes = shapes(&[FRUIT]);
        for w in ["apple", "Apple", "PEAR", "pEar", "fig", "Fig"] {
            assert!(has_shape(&FRUIT_SHAPES, w.as_bytes()), "{w}");
        }
        for w in [
            "apples", "bear", "", "a", "1ig", "é", "piar", "pxar", "axple", "f-g", "f1g",
        ] {
            assert!(!has_shape(&FRUIT_SHAPES, w.as_bytes()), "{w}");
        }
        assert!(!has_shape(&FRUIT_SHAPES, &[b'a'; LONGEST + 1]));
        assert!(is_fruit(b"pear") && !is_fruit(b"Pear") && FRUIT.len() == 3);
        static STR_SHAPES: Shapes = str_shapes(&[&["apple", "pear", "Fig"]]);
        assert_eq!(STR_SHAPES, FRUIT_SHAPES);
    }

    #[test]
    fn letters_eight_at_a_time_agree_with_the_byte_test() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut x = [b'5'; 8];
                x[lane] = b;
                let want = u8::from(b.is_ascii_alphabetic()) << lane;
                assert_eq!(letters_of(u64::from_le_bytes(x)), want, "{b:#x} in lane {lane}");
            }
        }
    }

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
