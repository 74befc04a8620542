//! The one home of the byte tricks and word sets that the grammar, subjects and periods
//! ask at every candidate and word, each with its oracle test beside it. Here: lowering a
//! word on the stack, a list test in any ASCII case, hashed word maps, a table of short
//! words to bit sets (the subject finder's classes of a word, `subject/words.rs`, are one
//! look-up in it), the word lists asked at every word (`word_list!`) with their shape
//! filter, byte classes eight bytes at a time, and the clause bytes of the cue words. In
//! the modules below it:
//! - `masks.rs`: the masks read sixteen bytes a step in SSE2, for every stage, with the
//!   crate's only `unsafe`; `letter_masks.rs`: a sentence's letters as 64-byte masks;
//! - `scan.rs`: the scan's shape filter; `grammar_words.rs`: the lead words, a number in
//!   digits and the byte after it, a phrase word's run;
//! - `ascii_words.rs`: white space and words of ASCII text eight bytes at a time;
//!   `escapes.rs`: the bytes a JSON string escapes, eight at a time;
//!   `letter_runs.rs`: runs of letters from masks; `trim_space.rs`: trims by bytes;
//! - `phrases.rs`: phrase lists found by one walk over a text's words.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

mod ascii_words;
mod escapes;
mod grammar_words;
pub(crate) mod letter_masks;
mod letter_runs;
mod masks;
mod phrases;
pub(crate) mod scan;
pub(crate) mod trim_space;

pub(crate) use ascii_words::{
    ascii_space, ascii_text, ascii_words, letters_at, next_space, space_split, trim_to_alnum, visible_at,
};
pub(crate) use escapes::json_plain_run;
pub(crate) use grammar_words::alnum_run;
pub use grammar_words::{
    closes_a_number, goes_on_a_number, grouped_digit_run, is_date_lead_word, is_sign_word, ordinal_suffix_starts,
};
#[cfg(test)]
pub(crate) use letter_runs::letter_runs;
pub(crate) use letter_runs::{each_long_letter_run, letters_key_lowered};
pub use phrases::{Phrases, places_of};
pub(crate) use trim_space::trim_end_space;

pub(crate) use masks::{among, pair_holds, scan_classes, unprintable_and_spaces};
// The reading of an input held whole (the command line's).
pub(crate) use masks::utf8_text;

/// Calls `f` with `word.to_ascii_lowercase()`, on the stack when it is short (the common
/// case of hot word-list look-ups). Only ASCII letters are lowered: the word lists are
/// ASCII, and a non-ASCII letter whose lower case is ASCII (the Kelvin sign `K`) must not
/// make a listed word.
pub fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    // Lowering ASCII bytes keeps UTF-8 valid.
    match lowered(&mut buf, word.as_bytes()).map(std::str::from_utf8) {
        Some(Ok(lower)) => f(lower),
        _ => f(&word.to_ascii_lowercase()),
    }
}

/// `word.to_ascii_lowercase()` in `buf` (a buffer on the caller's stack); `None` when it
/// does not fit. A byte loop: a word is a few bytes, for which a call to `memcpy` and a
/// second pass to lower cost more (the copy's length is not known when compiled).
pub fn lowered<'a>(buf: &'a mut [u8], word: &[u8]) -> Option<&'a [u8]> {
    let out = buf.get_mut(..word.len())?;
    for (o, b) in out.iter_mut().zip(word) {
        *o = b.to_ascii_lowercase();
    }
    Some(out)
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

/// Listed words with what each says, hashed.
pub type WordMap<V> = HashMap<&'static str, V, BuildHasherDefault<Fnv>>;

/// A word of at most 16 bytes as two numbers and its length, so that a look-up hashes and
/// compares machine words; `None` when longer.
fn packed(word: &[u8]) -> Option<[u64; 3]> {
    let mut key = [0u8; 16];
    key.get_mut(..word.len())?.copy_from_slice(word);
    Some(key_of(key, word.len()))
}

/// The key of a word as [`WordBits`] looks it up (as `packed`), read without a copy into a
/// buffer: a word as overlapping 8- or 4-byte numbers, shifted so that their common bytes
/// fall together. `None` when longer than 16 bytes.
pub(crate) fn short_key(b: &[u8]) -> Option<[u64; 3]> {
    let len = b.len();
    let le8 = |at: usize| {
        b.get(at..at + 8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
            .map(u64::from_le_bytes)
    };
    let le4 = |at: usize| {
        b.get(at..at + 4)
            .and_then(|s| <[u8; 4]>::try_from(s).ok())
            .map(|a| u64::from(u32::from_le_bytes(a)))
    };
    let (lo, hi) = match len {
        0..=3 => (b.iter().rev().fold(0, |k, &x| k << 8 | u64::from(x)), 0),
        4..=7 => (le4(0)? | le4(len - 4)? << (8 * (len - 4)), 0),
        8 => (le8(0)?, 0),
        9..=16 => (le8(0)?, le8(len - 8)? >> (8 * (16 - len))),
        _ => return None,
    };
    Some([lo, hi, len as u64])
}

/// The key of the first `len` bytes of `buf` (the rest zero): the bytes, and the length
/// (a NUL byte is part of the word, not padding).
pub(crate) fn key_of(buf: [u8; 16], len: usize) -> [u64; 3] {
    let word = u128::from_le_bytes(buf);
    [word as u64, (word >> 64) as u64, len as u64]
}

/// A hash of a key: a multiply, for tables and caches indexed by its top bits.
pub(crate) fn key_hash(key: &[u64; 3]) -> u64 {
    (key[0] ^ key[1].rotate_left(29) ^ key[2].rotate_left(53)).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Lower-case ASCII words of at most 16 bytes, each with a bit set (the lists it is in):
/// an open-addressing table of slots `[lo, hi, len << 56 | bits]`, empty when `len` is 0,
/// more than twice as many slots as words. Faster than a `HashMap` for keys of two machine
/// words: a multiply and one or two compares per look-up.
pub(crate) struct WordBits {
    slots: Box<[[u64; 3]]>,
    /// log2 of the slots.
    bits: u32,
}

impl WordBits {
    /// The table of `words` (the bits of a word listed twice are joined); words longer
    /// than 16 bytes or empty are left out. Bits must fit in 56.
    pub(crate) fn new<'a>(words: impl IntoIterator<Item = (&'a str, u64)>) -> WordBits {
        let words: Vec<([u64; 3], u64)> = words
            .into_iter()
            .filter_map(|(w, bit)| Some((packed(w.as_bytes()).filter(|k| k[2] > 0)?, bit)))
            .collect();
        let bits = (words.len() * 2 + 1).next_power_of_two().trailing_zeros();
        let mut table = WordBits {
            slots: vec![[0; 3]; 1 << bits].into_boxed_slice(),
            bits,
        };
        for (key, bit) in &words {
            table.add(key, *bit);
        }
        table
    }

    fn slot(&self, key: &[u64; 3]) -> usize {
        (key_hash(key) >> (64 - self.bits)) as usize
    }

    /// The bits of a key (see [`key_of`], [`short_key`]); 0 when not listed.
    pub(crate) fn get_key(&self, key: &[u64; 3]) -> u64 {
        let mask = (1 << self.bits) - 1;
        let mut i = self.slot(key);
        // Never full (see `new`), so an empty slot always ends the walk.
        while let Some(s) = self.slots.get(i) {
            let len = s[2] >> 56;
            if len == 0 {
                return 0;
            }
            if s[0] == key[0] && s[1] == key[1] && len == key[2] {
                return s[2] & !(0xff << 56);
            }
            i = (i + 1) & mask;
        }
        0
    }

    /// The bits of a word that is already lower case.
    pub(crate) fn get_lower(&self, lower: &[u8]) -> u64 {
        packed(lower).map_or(0, |key| self.get_key(&key))
    }

    /// The bits of `word` in any ASCII case (as [`holds`]); a non-ASCII word is in none.
    pub(crate) fn get(&self, word: &str) -> u64 {
        let mut buf = [0u8; 16];
        if word.len() > buf.len() || !word.is_ascii() {
            return 0;
        }
        // Byte by byte: a copy of a few bytes costs less than a call to `memcpy`.
        for (o, b) in buf.iter_mut().zip(word.bytes()) {
            *o = b.to_ascii_lowercase();
        }
        self.get_key(&key_of(buf, word.len()))
    }

    fn add(&mut self, key: &[u64; 3], bit: u64) {
        let mask = (1 << self.bits) - 1;
        let mut i = self.slot(key);
        while let Some(s) = self.slots.get_mut(i) {
            let len = s[2] >> 56;
            if len == 0 {
                *s = [key[0], key[1], key[2] << 56 | bit];
                return;
            }
            if s[0] == key[0] && s[1] == key[1] && len == key[2] {
                s[2] |= bit;
                return;
            }
            i = (i + 1) & mask;
        }
    }
}

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

/// The letter of a word, besides its first, that a table of shapes keeps.
#[derive(Clone, Copy)]
enum Kept {
    /// `Shapes`: the second letter.
    Second,
    /// `LastLetters`: the last letter.
    Last,
}

impl Kept {
    const fn bit(self, word: &[u8]) -> u32 {
        match self {
            Kept::Second => second_bit(word),
            Kept::Last => last_bit(word),
        }
    }
}

/// The table of the words of `lists` by length, first letter and the `kept` letter. Every
/// word must start with an ASCII letter.
const fn table_of(lists: &[&[&[u8]]], kept: Kept) -> Shapes {
    let mut table = [[0u32; 26]; LONGEST + 1];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            add_word(&mut table, lists[l][i], kept);
            i += 1;
        }
        l += 1;
    }
    table
}

const fn add_word(table: &mut Shapes, w: &[u8], kept: Kept) {
    assert!(w.len() <= LONGEST && w[0].is_ascii_alphabetic());
    table[w.len()][((w[0] | 0x20) - b'a') as usize] |= kept.bit(w);
}

/// Some word of `table` has the length, the (case-folded) first letter and the `kept`
/// letter of `word`.
#[inline(always)]
fn table_holds(table: &Shapes, word: &[u8], kept: Kept) -> bool {
    let Some(&first) = word.first() else {
        return false;
    };
    let letter = usize::from((first | 0x20).wrapping_sub(b'a'));
    table
        .get(word.len())
        .and_then(|by_first| by_first.get(letter))
        .is_some_and(|bits| bits & kept.bit(word) != 0)
}

/// The shapes of the words of `lists`. Every word must start with an ASCII letter.
pub const fn shapes(lists: &[&[&[u8]]]) -> Shapes {
    table_of(lists, Kept::Second)
}

/// `shapes` of lists of `&str`.
pub const fn str_shapes(lists: &[&[&str]]) -> Shapes {
    let mut shapes = [[0u32; 26]; LONGEST + 1];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            add_word(&mut shapes, lists[l][i].as_bytes(), Kept::Second);
            i += 1;
        }
        l += 1;
    }
    shapes
}

/// Some word in `shapes` has the length and (case-folded) first two letters of `word`: a
/// necessary condition for `word` to be in its lists, in any case.
pub fn has_shape(shapes: &Shapes, word: &[u8]) -> bool {
    table_holds(shapes, word, Kept::Second)
}

/// Byte classes eight bytes at a time, in a `u64` (SWAR): the high bit of each byte.
pub(crate) const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
pub(crate) const HIGH: u64 = 0x8080_8080_8080_8080;
pub(crate) const fn each(b: u8) -> u64 {
    u64::from_le_bytes([b; 8])
}

/// The high bit of each byte of `x` that is an ASCII letter.
fn letter_highs(x: u64) -> u64 {
    // Setting the 0x20 bit lowers exactly the ASCII capitals; then `a..=z` is the range
    // 0x61..0x7B, tested on the low seven bits by two carries into the high bit of each
    // byte. A non-ASCII byte (high bit set) is no letter.
    let low = (x | each(0x20)) & LOW7;
    let at_least_a = low + each(0x80 - b'a');
    let past_z = low + each(0x80 - b'z' - 1);
    at_least_a & !past_z & !x & HIGH
}

/// Bit `i` set where `test(bytes[i])`, for `N` bytes (whole eights, at most 128). A
/// byte loop into `0`/`1` bytes, which the compiler does sixteen bytes at a time, then each
/// eight mask bytes gathered into one byte by a multiply: no branch per byte.
#[inline(always)]
pub(crate) fn bits_where<const N: usize>(bytes: &[u8; N], test: impl Fn(u8) -> bool) -> u128 {
    let mut mask = [0u8; N];
    for (m, &c) in mask.iter_mut().zip(bytes) {
        *m = u8::from(test(c));
    }
    // Gathered in `u64` halves: shifts of a `u128` cost more.
    let gather = |half: &[u8]| {
        let mut bits = 0u64;
        for (lane, eight) in half.chunks_exact(8).enumerate() {
            let ones = eight.try_into().map_or(0, u64::from_le_bytes);
            bits |= (ones.wrapping_mul(0x0102_0408_1020_4080) >> 56) << (8 * lane);
        }
        bits
    };
    let (low, high) = mask.split_at(N.min(64));
    u128::from(gather(high)) << 64 | u128::from(gather(low))
}

/// The `N` bytes of `text` from `from`, `0`s past its end.
#[inline(always)]
pub(crate) fn window_at<const N: usize>(text: &[u8], from: usize) -> [u8; N] {
    let rest = text.get(from..).unwrap_or_default();
    match rest.first_chunk::<N>() {
        Some(full) => *full,
        None => {
            let mut window = [0; N];
            window.iter_mut().zip(rest).for_each(|(w, &c)| *w = c);
            window
        }
    }
}

/// An ASCII letter, in a test `bits_where` vectorizes.
pub(crate) fn is_letter(c: u8) -> bool {
    (c | 0x20).wrapping_sub(b'a') < 26
}

// ---- The scan's words (`scan/walk.rs`, `scan/triggers.rs`; its byte classes:
// `masks.rs`): a clause's bytes, and a second shape, by the last letter.

/// What a byte is to the cue words' walk back over a clause (`grammar/cues/look_back.rs`):
/// part of a word (an ASCII letter or digit, `-`, `'`), the end of a clause (`;`, `:`), any
/// other ASCII byte between words, or a byte of a character beyond ASCII (read as a `char`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClauseByte {
    Word,
    End,
    Between,
    Wide,
}

/// `ClauseByte` of every byte: one look-up a byte of the walk.
pub(crate) static CLAUSE_BYTES: [ClauseByte; 256] = {
    let mut table = [ClauseByte::Between; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = match c {
            b';' | b':' => ClauseByte::End,
            b'-' | b'\'' => ClauseByte::Word,
            _ if c.is_ascii_alphanumeric() => ClauseByte::Word,
            _ if !c.is_ascii() => ClauseByte::Wide,
            _ => ClauseByte::Between,
        };
        b += 1;
    }
    table
};

/// For each word length up to `LONGEST` and each first letter (case folded), the last
/// letters (case folded, as `second_bit` gives them) of a set of words: with `Shapes`,
/// a word's length and first, second and last letters must all fit one of them.
pub type LastLetters = Shapes;

/// The bit of a word's last byte: its letter (case folded), or bit 27 for any other byte.
const fn last_bit(word: &[u8]) -> u32 {
    let letter = (word[word.len() - 1] | 0x20).wrapping_sub(b'a');
    if letter < 26 { 1 << letter } else { 1 << 27 }
}

/// The `LastLetters` of the words of `lists`. Every word must start with an ASCII letter.
pub const fn last_letters(lists: &[&[&[u8]]]) -> LastLetters {
    table_of(lists, Kept::Last)
}

/// Some word of `table` has the length and (case-folded) first and last letters of
/// `word`: a necessary condition for `word` to be in its lists, in any case.
pub fn has_last_letter(table: &LastLetters, word: &[u8]) -> bool {
    table_holds(table, word, Kept::Last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clause_bytes_are_their_definition() {
        for b in 0..=255u8 {
            let want = if b == b';' || b == b':' {
                ClauseByte::End
            } else if b.is_ascii_alphanumeric() || b == b'-' || b == b'\'' {
                ClauseByte::Word
            } else if b.is_ascii() {
                ClauseByte::Between
            } else {
                ClauseByte::Wide
            };
            assert_eq!(CLAUSE_BYTES[usize::from(b)], want, "{b}");
        }
    }

    #[test]
    fn last_letters_hold_every_listed_word_in_any_case_and_turn_away_others() {
        let words: &[&[u8]] = &[b"the", b"third", b"q1", b"a", b"March"];
        let table = last_letters(&[words]);
        for w in words {
            assert!(has_last_letter(&table, w) && has_last_letter(&table, &w.to_ascii_uppercase()));
        }
        for no in [&b"that"[..], b"their", b"an", b"Marco", b"", &[b'a'; 17]] {
            assert!(!has_last_letter(&table, no), "{}", String::from_utf8_lossy(no));
        }
    }

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
    fn bits_where_is_the_byte_test_at_every_place() {
        let text: Vec<u8> = (0..=255u8).chain(*b"a%Z\xc3 \xa9 9").collect();
        for from in [0, 1, 7, 100, 250, 300] {
            let window: [u8; 80] = window_at(&text, from);
            let bits = bits_where(&window, is_letter);
            for (i, &c) in window.iter().enumerate() {
                assert_eq!(c, text.get(from + i).copied().unwrap_or(0));
                assert_eq!(bits >> i & 1 == 1, c.is_ascii_alphabetic(), "{c:#x} at {i}");
            }
            assert_eq!(bits >> 80, 0);
        }
    }

    #[test]
    fn letters_eight_at_a_time_agree_with_the_byte_test() {
        for b in 0..=255u8 {
            for lane in 0..8 {
                let mut x = [b'5'; 8];
                x[lane] = b;
                let want = u64::from(b.is_ascii_alphabetic()) << (8 * lane + 7);
                assert_eq!(letter_highs(u64::from_le_bytes(x)), want, "{b:#x} in lane {lane}");
            }
        }
    }

    #[test]
    fn lowered_is_to_ascii_lowercase_where_it_fits() {
        let mut buf = [0u8; 4];
        for w in ["", "aBc", "ABCD", "É1", "abcde"] {
            let want = (w.len() <= 4).then(|| w.to_ascii_lowercase().into_bytes());
            assert_eq!(lowered(&mut buf, w.as_bytes()).map(<[u8]>::to_vec), want, "{w}");
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
        let set: std::collections::HashSet<&str, BuildHasherDefault<Fnv>> =
            ["up", "down", "flat"].into_iter().collect();
        assert!(set.contains("down") && !set.contains("Down") && !set.contains(""));
        let map: WordMap<u8> = [("a", 1), ("b", 2)].into_iter().collect();
        assert_eq!((map.get("b"), map.get("c")), (Some(&2), None));
    }

    #[test]
    fn word_bits_hold_the_bits_of_every_listed_word_in_any_ascii_case() {
        let words: Vec<String> = (0..700).map(|n| format!("w{n}")).collect();
        let listed = words.iter().enumerate().map(|(n, w)| (w.as_str(), 1u64 << (n % 50)));
        let table = WordBits::new(listed.chain([("rose", 1 << 51), ("rose", 1 << 52), ("to\0", 1)]));
        for (n, w) in words.iter().enumerate() {
            assert_eq!(table.get(w), 1 << (n % 50), "{w}");
            assert_eq!(table.get(&w.to_uppercase()), 1 << (n % 50), "{w}");
            assert_eq!(table.get_lower(w.as_bytes()), 1 << (n % 50), "{w}");
        }
        // A word listed twice has both bits; a NUL is part of a word, not padding.
        assert_eq!(table.get("Rose"), 3 << 51);
        assert_eq!((table.get("to"), table.get("to\0")), (0, 1));
        // Not listed, too long, not ASCII (the Kelvin sign does not lower to `k`).
        for w in ["w700", "", "roses", &"x".repeat(17), "\u{212a}"] {
            assert_eq!(table.get(w), 0, "{w}");
        }
        // Under half full, so that probes are short and always end.
        let used = table.slots.iter().filter(|s| s[2] != 0).count();
        assert!(used * 2 < table.slots.len(), "{used} of {}", table.slots.len());
    }

    #[test]
    fn a_key_read_without_a_copy_is_the_key_read_with_one() {
        let text: Vec<u8> = (0..40u8).map(|i| i.wrapping_mul(37) ^ 0xa5).collect();
        for from in 0..4 {
            for len in 0..=20 {
                let w = &text[from..from + len];
                assert_eq!(short_key(w), packed(w), "{from} {len}");
            }
        }
    }
}
