//! The one home of the word look-ups asked at every candidate and word: lowering a word
//! on the stack, a list test in any ASCII case, hashed word maps, a table of short words to
//! bit sets (the subject finder's classes of a word, `subject/words.rs`, are one look-up in
//! it), the word lists asked at every word (`word_list!`) with their shape filter, byte
//! classes eight bytes at a time, and masks of 64 bytes or more (`bits_where`, the walks of
//! letter runs and of phrase lists). Each with its oracle test below. The masks read sixteen
//! bytes a step in SSE2, for every stage, are in `masks.rs`, with the crate's only `unsafe`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

pub(crate) mod letter_masks;
mod masks;
pub(crate) mod scan;
pub(crate) mod trim_space;

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

// ---- The scan's words (`scan.rs`, `scan/triggers.rs`; its byte classes: `masks.rs`): a
// clause's bytes, and a second shape, by the last letter.

/// What a byte is to the cue words' walk back over a clause (`grammar/cues.rs`): part of
/// a word (an ASCII letter or digit, `-`, `'`), the end of a clause (`;`, `:`), any other
/// ASCII byte between words, or a byte of a character beyond ASCII (read as a `char`).
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

// ---- Phrase lists found by their words (the period rules' lists) ----

/// A list of lower-case phrases found whole in a text by one walk over its words: each
/// run of ASCII letters and digits that may be a first word of a phrase by its first two
/// bytes is looked up once (a run of at most 8 bytes by its bytes as one number, a longer
/// one by its length and edge bytes, then among the first words of its first byte), and
/// only the phrases it opens are compared there. Every phrase opens and
/// closes with an ASCII letter or digit (a phrase that does not is never found), so a
/// phrase standing whole at a byte starts a run there, and that run is its first word.
pub struct Phrases {
    phrases: Vec<&'static str>,
    /// The first words, by first byte, each with the phrases (by index, in list order)
    /// that open with it; those of byte `b` are `first_words[bucket[b]..bucket[b + 1]]`.
    first_words: Vec<(&'static str, Opened)>,
    bucket: [usize; 257],
    /// For each byte, bit `n` set when a first word of `n` bytes (under 64) opens with it,
    /// and when one ends with it: most runs are no first word, and are told so without
    /// hashing.
    opening: [u64; 256],
    closing: [u64; 256],
    /// For each byte, bit `SECOND[second]` set when a first word opens with it and then
    /// `second` (a word of one byte: then any byte but a letter or digit, or `0` at the
    /// end of the text). Asked at every run's start, before its end is looked for.
    seconds: [u64; 256],
    /// The first words of at most 8 bytes, hashed by their bytes read as one
    /// little-endian number (a word's own: its bytes are never 0): `(key, n)` for
    /// `first_words[n]`, `(0, _)` an empty slot. A run of at most 8 bytes that ends in
    /// its block is answered here, whole, by one number.
    short: Vec<(u64, usize)>,
    short_shift: u32,
}

/// The class of a byte after a run's first: each ASCII digit and letter (by case) its
/// own, every other byte one more (62).
static SECOND: [u8; 256] = {
    let mut classes = [62u8; 256];
    let mut b = 0;
    while b < 10 {
        classes[b'0' as usize + b] = b as u8;
        b += 1;
    }
    let mut l = 0;
    while l < 26 {
        classes[b'a' as usize + l] = 10 + l as u8;
        classes[b'A' as usize + l] = 36 + l as u8;
        l += 1;
    }
    classes
};

/// The bytes of a word of at most 8 bytes as one little-endian number.
fn word_number(word: &[u8]) -> u64 {
    word.iter().rev().fold(0, |k, &b| k << 8 | u64::from(b))
}

/// The slot a short key is looked for from.
fn short_slot(key: u64, shift: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
}

/// The phrases a first word opens (by index, in list order), and the bytes they may go on
/// with after the word and one separator: bit `SECOND[b]` of `after` (every bit when one
/// is the word alone).
struct Opened {
    phrases: Vec<u16>,
    after: u64,
}

impl Opened {
    /// The phrases that may stand at a run of `len` bytes at `start`: none when the byte
    /// after the run and a separator goes on with none of them.
    fn at<const FOLD: bool>(&self, text: &[u8], start: usize, len: usize) -> &[u16] {
        let after = text
            .get(start + len + 1)
            .map_or(0, |&b| SECOND[usize::from(fold::<FOLD>(b))]);
        if self.after >> after & 1 == 0 {
            return &[];
        }
        &self.phrases
    }
}

/// The first word of a phrase: its leading run of ASCII letters and digits.
fn first_word(phrase: &str) -> &str {
    let end = phrase
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(phrase.len());
    &phrase[..end]
}

/// `b`, lower-cased when `FOLD` (a walk in any case); the phrases are lower case.
fn fold<const FOLD: bool>(b: u8) -> u8 {
    if FOLD { b.to_ascii_lowercase() } else { b }
}

/// `phrase` stands in `text` at `at`, with no letter or digit glued on either side (in
/// any case when `FOLD`).
fn whole_at_as<const FOLD: bool>(text: &[u8], at: usize, phrase: &[u8]) -> bool {
    let end = at + phrase.len();
    // The last bytes first: most phrases a run opens end otherwise.
    let same = |t: &[u8]| {
        if FOLD {
            t.eq_ignore_ascii_case(phrase)
        } else {
            t == phrase
        }
    };
    text.get(end.wrapping_sub(1)).map(|&b| fold::<FOLD>(b)).as_ref() == phrase.last()
        && text.get(at..end).is_some_and(same)
        && (at == 0 || !text[at - 1].is_ascii_alphanumeric())
        && text.get(end).is_none_or(|c| !c.is_ascii_alphanumeric())
}

impl Phrases {
    pub fn new(phrases: impl IntoIterator<Item = &'static str>) -> Phrases {
        let phrases: Vec<&'static str> = phrases.into_iter().collect();
        let (mut opening, mut closing) = ([0u64; 256], [0u64; 256]);
        let mut seconds = [0u64; 256];
        // Each findable phrase with its first word, in list order, then grouped by that
        // word (see below).
        let mut by_word: Vec<(&'static str, u16, u64)> = Vec::with_capacity(phrases.len());
        for (n, p) in phrases.iter().enumerate() {
            let edges = [p.as_bytes().first(), p.as_bytes().last()];
            if !edges.iter().all(|b| b.is_some_and(u8::is_ascii_alphanumeric)) {
                continue;
            }
            let word = first_word(p);
            let (Some(&first), Some(&last)) = (word.as_bytes().first(), word.as_bytes().last()) else {
                continue;
            };
            if word.len() >= 64 {
                continue;
            }
            opening[usize::from(first)] |= 1 << word.len();
            closing[usize::from(last)] |= 1 << word.len();
            // A word of one byte goes on with any byte but a letter or digit: all of one
            // class.
            let second = word.as_bytes().get(1).copied().unwrap_or(b' ');
            seconds[usize::from(first)] |= 1 << SECOND[usize::from(second)];
            // The byte after the word and its separator, where the phrase goes on.
            let after = p
                .as_bytes()
                .get(word.len() + 1)
                .map_or(u64::MAX, |&b| 1 << SECOND[usize::from(b)]);
            by_word.push((word, n as u16, after));
        }
        // By first byte (a stable sort keeps each byte's phrases in list order), then each
        // first word once among its byte's: each byte's words are one bucket. A sort by a
        // byte, not by the words: this is built at every start of the program.
        let first_byte = |w: &str| w.as_bytes().first().map_or(0, |&f| usize::from(f));
        by_word.sort_by_key(|&(w, ..)| first_byte(w));
        let mut first_words: Vec<(&'static str, Opened)> = Vec::with_capacity(by_word.len());
        let mut bucket_start = 0;
        for (word, n, after) in by_word {
            if first_words
                .last()
                .is_some_and(|(w, _)| first_byte(w) != first_byte(word))
            {
                bucket_start = first_words.len();
            }
            match first_words[bucket_start..].iter_mut().find(|(w, _)| *w == word) {
                Some((_, opened)) => {
                    opened.phrases.push(n);
                    opened.after |= after;
                }
                None => first_words.push((
                    word,
                    Opened {
                        phrases: vec![n],
                        after,
                    },
                )),
            }
        }
        // Where each byte's bucket starts: one walk, as the words are by first byte.
        let mut bucket = [0; 257];
        let mut k = 0;
        for (b, start) in bucket.iter_mut().enumerate() {
            while first_words.get(k).is_some_and(|(w, _)| first_byte(w) < b) {
                k += 1;
            }
            *start = k;
        }
        let slots = (2 * first_words.len()).next_power_of_two().max(2);
        let short_shift = 64 - slots.trailing_zeros();
        let mut short = vec![(0u64, 0usize); slots];
        for (n, (w, _)) in first_words.iter().enumerate().filter(|(_, (w, _))| w.len() <= 8) {
            let key = word_number(w.as_bytes());
            let mut i = short_slot(key, short_shift);
            while short[i].0 != 0 {
                i = (i + 1) & (slots - 1);
            }
            short[i] = (key, n);
        }
        Phrases {
            phrases,
            first_words,
            bucket,
            opening,
            closing,
            seconds,
            short,
            short_shift,
        }
    }

    /// The phrases that open with the short word whose key is `key`, if it is a first
    /// word.
    fn opened_by_short(&self, key: u64) -> Option<&Opened> {
        let mask = self.short.len() - 1;
        let mut i = short_slot(key, self.short_shift);
        loop {
            let &(k, n) = self.short.get(i)?;
            if k == key {
                return self.first_words.get(n).map(|(_, opened)| opened);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Whether a first word may open with the run of letters and digits whose first two
    /// bytes are `first` and `second` (`0` at the end of the text).
    fn may_open(&self, first: u8, second: u8) -> bool {
        self.seconds[usize::from(first)] >> SECOND[usize::from(second)] & 1 != 0
    }

    /// Every `(at, index)` where the phrase `index` stands whole in `text`, in order of
    /// position (of index at one position).
    pub fn find_in<'a>(&'a self, text: &'a str) -> Found<'a> {
        Found::new(self, text)
    }

    /// `find_in(&text.to_ascii_lowercase())`, without the lower-cased copy: the walk reads
    /// each ASCII letter as its lower case (the phrases are lower case).
    pub fn find_in_any_case<'a>(&'a self, text: &'a str) -> Found<'a, true> {
        Found::new(self, text)
    }

    pub fn phrase(&self, n: usize) -> &'static str {
        self.phrases[n]
    }

    /// Whether a first word has `len` bytes, opening with `first` and ending with `last`.
    fn may_be_first_word(&self, first: u8, last: u8, len: usize) -> bool {
        len < 64 && self.opening[usize::from(first)] & self.closing[usize::from(last)] & (1 << len) != 0
    }

    /// The phrases that open with the run of letters and digits `text[start..end]` (read
    /// in any case when `FOLD`).
    fn opened_by<const FOLD: bool>(&self, text: &str, start: usize, end: usize) -> Option<&Opened> {
        let (Some(&first), Some(&last)) = (text.as_bytes().get(start), text.as_bytes().get(end.wrapping_sub(1))) else {
            return None;
        };
        let (first, last) = (fold::<FOLD>(first), fold::<FOLD>(last));
        if !self.may_be_first_word(first, last, end - start) {
            return None;
        }
        let word = text.as_bytes().get(start..end).unwrap_or_default();
        let words = self
            .first_words
            .get(self.bucket[usize::from(first)]..self.bucket[usize::from(first) + 1])
            .unwrap_or_default();
        let same = |w: &[u8]| if FOLD { w.eq_ignore_ascii_case(word) } else { w == word };
        words.iter().find(|(w, _)| same(w.as_bytes())).map(|(_, opened)| opened)
    }
}

/// The 64 bytes of `text` from `from` and the first byte after them, `0` past the end
/// (and seven `0`s, so that eight bytes are read from any of the 64): a block of the
/// walk, read with no bound to check.
type Block = [u8; 72];

/// Reads the block of `text` at `from` into `bytes` (its ASCII letters in lower case when
/// `FOLD`), and returns the bits of its letters and digits (bit `i` for `bytes[i]`).
fn read_block<const FOLD: bool>(text: &[u8], from: usize, bytes: &mut Block) -> u64 {
    let rest = text.get(from..).unwrap_or_default();
    match rest.first_chunk::<64>() {
        Some(full) => {
            bytes[..64].copy_from_slice(full);
            bytes[64] = rest.get(64).copied().unwrap_or(0);
        }
        None => {
            *bytes = [0; 72];
            bytes.iter_mut().zip(rest).for_each(|(b, &c)| *b = c);
        }
    }
    if FOLD {
        bytes[64] = bytes[64].to_ascii_lowercase();
    }
    // The last block's padding is `0`s, no letter or digit.
    alnum_bits::<FOLD>(bytes)
}

/// Bit `i` set where `bytes[i]` is an ASCII letter or digit, for the first 64 bytes of a
/// block; with `FOLD`, their ASCII capitals lower-cased on the way. Read sixteen bytes a
/// step (`masks::alnum`): a block is read at every 64 bytes of every sentence the period
/// rules walk.
fn alnum_bits<const FOLD: bool>(bytes: &mut Block) -> u64 {
    masks::alnum::<FOLD, 72>(bytes)
}

/// The walk of [`Phrases::find_in`] (of [`Phrases::find_in_any_case`] when `FOLD`).
pub struct Found<'a, const FOLD: bool = false> {
    list: &'a Phrases,
    text: &'a str,
    /// The 64-byte block the walk is in, its bytes, the bits of its letters and digits,
    /// and the starts of runs in it not yet looked at.
    block: usize,
    bytes: Block,
    alnum: u64,
    starts: u64,
    /// The start of the last run, and the phrases it opens not yet compared.
    at: usize,
    opened: &'a [u16],
}

impl<'a, const FOLD: bool> Found<'a, FOLD> {
    fn new(list: &'a Phrases, text: &'a str) -> Found<'a, FOLD> {
        let mut bytes = [0; 72];
        let alnum = read_block::<FOLD>(text.as_bytes(), 0, &mut bytes);
        Found {
            list,
            text,
            block: 0,
            bytes,
            alnum,
            starts: alnum & !(alnum << 1),
            at: 0,
            opened: &[],
        }
    }
}

impl<'a, const FOLD: bool> Found<'a, FOLD> {
    /// The end of the run starting at bit `i` of the block. A run that fills the rest of
    /// the block (no other run starts there) moves the walk on to the block it ends in.
    fn run_end(&mut self, i: usize) -> usize {
        let run = (!(self.alnum >> i)).trailing_zeros() as usize;
        if i + run < 64 {
            return self.block + i + run;
        }
        let b = self.text.as_bytes();
        loop {
            let next = self.block + 64;
            if next >= b.len() {
                self.starts = 0;
                return b.len();
            }
            self.block = next;
            self.alnum = read_block::<FOLD>(b, next, &mut self.bytes);
            // The run goes on into the block: its first byte starts nothing.
            self.starts = self.alnum & !(self.alnum << 1 | 1);
            let ones = self.alnum.trailing_ones() as usize;
            if ones < 64 {
                return next + ones;
            }
        }
    }

    /// The next run that is a first word (the block moved to it): its start, and the
    /// phrases it opens.
    fn next_run(&mut self) -> Option<(usize, &'a [u16])> {
        let b = self.text.as_bytes();
        let list = self.list;
        // In locals: most runs are passed over here.
        let (mut block, mut alnum, mut starts) = (self.block, self.alnum, self.starts);
        loop {
            while starts != 0 {
                let i = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let k = i & 63;
                if !list.may_open(self.bytes[k], self.bytes[k + 1]) {
                    continue;
                }
                let len = (!(alnum >> k)).trailing_zeros() as usize;
                if k + len < 64 {
                    // A run that ends in its block.
                    // Its length and last byte first: most runs that pass the two-byte
                    // test are no first word, told so without hashing.
                    let opened = if !list.may_be_first_word(self.bytes[k], self.bytes[(k + len - 1) & 63], len) {
                        None
                    } else if len <= 8 {
                        let eight = self.bytes[k..k + 8].try_into().map_or(0, u64::from_le_bytes);
                        list.opened_by_short(eight & (u64::MAX >> (64 - 8 * len)))
                    } else {
                        list.opened_by::<FOLD>(self.text, block + k, block + k + len)
                    };
                    let opened = opened.map_or(&[][..], |o| o.at::<FOLD>(b, block + k, len));
                    if !opened.is_empty() {
                        (self.block, self.alnum, self.starts) = (block, alnum, starts);
                        return Some((block + k, opened));
                    }
                    continue;
                }
                // A run into the next block (none starts after it in this one).
                (self.block, self.alnum, self.starts) = (block, alnum, starts);
                let start = block + k;
                let end = self.run_end(k);
                let opened = list
                    .opened_by::<FOLD>(self.text, start, end)
                    .map_or(&[][..], |o| o.at::<FOLD>(b, start, end - start));
                if !opened.is_empty() {
                    return Some((start, opened));
                }
                (block, alnum, starts) = (self.block, self.alnum, self.starts);
            }
            let next = block + 64;
            if next >= b.len() {
                (self.block, self.alnum, self.starts) = (block, alnum, 0);
                return None;
            }
            // A run that goes on from the block before starts nothing.
            let carry = alnum >> 63;
            block = next;
            alnum = read_block::<FOLD>(b, next, &mut self.bytes);
            starts = alnum & !(alnum << 1 | carry);
        }
    }
}

impl<const FOLD: bool> Iterator for Found<'_, FOLD> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let b = self.text.as_bytes();
        loop {
            while let Some((&n, rest)) = self.opened.split_first() {
                self.opened = rest;
                let n = usize::from(n);
                if whole_at_as::<FOLD>(b, self.at, self.list.phrases[n].as_bytes()) {
                    return Some((self.at, n));
                }
            }
            (self.at, self.opened) = self.next_run()?;
        }
    }
}

/// Where the bytes of `set` stand in `text`, in order, written over `out`: 64 bytes a
/// step (`among`), one pass for a few kinds of bytes where a search per byte kind would
/// start again after each one found (the period rules' clause marks and brackets).
pub fn places_of<const K: usize>(text: &[u8], set: [u8; K], out: &mut Vec<usize>) {
    out.clear();
    for (n, chunk) in text.chunks(64).enumerate() {
        let mut found = match chunk.first_chunk::<64>() {
            Some(window) => among(window, set),
            None => {
                let mut window = [0u8; 64];
                window[..chunk.len()].copy_from_slice(chunk);
                // The padding is no byte of the text, even where `set` holds `0`.
                among(&window, set) & ((1u64 << chunk.len()) - 1)
            }
        };
        while found != 0 {
            out.push(64 * n + found.trailing_zeros() as usize);
            found &= found - 1;
        }
    }
}

#[cfg(test)]
mod phrase_tests {
    use super::*;

    /// `places_of` finds what a byte-by-byte search finds, at every length around the
    /// 64-byte steps and with `0` in the set (the padding of the last step).
    #[test]
    fn places_of_a_set_are_its_bytes_in_order() {
        let base: Vec<u8> = b"a,b;(c)d:[e]\0f \xc3\xa9,".iter().copied().cycle().take(300).collect();
        for len in (0..=200).chain([255, 256, 257, 300]) {
            let text = &base[..len];
            let mut got = Vec::new();
            places_of(text, [b',', b';', b':', b'(', b'[', b')', b']'], &mut got);
            let want: Vec<usize> = (0..len).filter(|&i| b",;:([)]".contains(&text[i])).collect();
            assert_eq!(got, want, "{len}");
            places_of(text, [0, b'f'], &mut got);
            let want: Vec<usize> = (0..len).filter(|&i| text[i] == 0 || text[i] == b'f').collect();
            assert_eq!(got, want, "{len}");
        }
    }

    /// `find_in` as it was: at every byte after no letter or digit, each phrase that starts
    /// there whole. The oracle of the walk over words.
    fn find_at_every_byte(phrases: &[&'static str], text: &str) -> Vec<(usize, usize)> {
        let b = text.as_bytes();
        (0..b.len())
            .filter(|&at| at == 0 || !b[at - 1].is_ascii_alphanumeric())
            .flat_map(|at| (0..phrases.len()).map(move |n| (at, n)))
            .filter(|&(at, n)| whole_at_as::<false>(b, at, phrases[n].as_bytes()))
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
        "cumulatively",
        "accumulated so far",
        "yearyearyear",
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

    /// The two-byte test by classes answers as comparing the first words' bytes does.
    #[test]
    fn a_run_may_open_a_first_word_as_its_two_bytes_say() {
        let index = Phrases::new(LIST.iter().copied());
        let firsts: Vec<&[u8]> = LIST.iter().map(|p| first_word(p).as_bytes()).collect();
        for first in 0..=255u8 {
            for second in 0..=255u8 {
                let want = firsts.iter().any(|w| {
                    w.first() == Some(&first)
                        && match w.get(1) {
                            Some(&s) => s == second,
                            None => !second.is_ascii_alphanumeric(),
                        }
                });
                assert_eq!(index.may_open(first, second), want, "{first} {second}");
            }
        }
    }

    /// Runs that cross the 64-byte blocks of the walk, or outlast several, and texts that
    /// end at and around a block's edge.
    #[test]
    fn runs_across_blocks_are_found_as_at_every_byte() {
        let index = Phrases::new(LIST.iter().copied());
        for len in [0, 1, 7, 8, 9, 60, 63, 64, 65, 127, 128, 129, 200] {
            for lead in 0..70 {
                let mut text = " ".repeat(lead);
                text.push_str("year ");
                text.push_str(&"y".repeat(len));
                text.push_str(" year-on-year a cumulatively yearyearyear accumulated so far");
                for cut in [text.len(), text.len() - 1, lead + 4, lead + 5] {
                    let t = &text[..cut];
                    assert_eq!(
                        index.find_in(t).collect::<Vec<_>>(),
                        find_at_every_byte(LIST, t),
                        "{lead} {len} {cut}"
                    );
                }
            }
        }
    }

    /// The walk in any case finds, in a text as written, what the walk finds in its
    /// lower-cased copy: at the same bytes, runs across blocks included.
    #[test]
    fn any_case_finds_what_the_lower_cased_copy_gives() {
        let index = Phrases::new(LIST.iter().copied());
        let mut texts: Vec<String> = [
            "Output rose 3% YEAR-ON-YEAR, and 2% On-Year; Y/Y The Last Year",
            "In The 12 Months TO May, SET to rise; A yearly Set-To",
            "AYEAR Year2 -yEaR- É YEAR’s LAST  Year Last year",
            "",
            "Y/yY/Y",
        ]
        .map(String::from)
        .to_vec();
        for lead in [0, 1, 59, 60, 63, 64, 70] {
            let long = "YEARyear".repeat(9);
            texts.push(format!(
                "{}Year {long} Year-On-Year A CUMULATIVELY Accumulated So Far",
                " ".repeat(lead)
            ));
        }
        for text in &texts {
            assert_eq!(
                index.find_in_any_case(text).collect::<Vec<_>>(),
                index.find_in(&text.to_ascii_lowercase()).collect::<Vec<_>>(),
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn any_case_gives_what_lower_case_gives(
            picks in proptest::collection::vec(0..21usize, 0..30),
        ) {
            const PIECES: [&str; 21] = [
                "YEAR", "-On-", "ON", " ", "Y/y", "12", " Months", " TO", "The", "LAST", "Set", "A", "É", ",",
                "-", "X", "YearYEARyearYEARyearYEARyearYEARyearYEARyearYEARyear", "Cumulatively",
                "ACCUMULATED SO FAR", "a", "year",
            ];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            let index = Phrases::new(LIST.iter().copied());
            let got: Vec<(usize, usize)> = index.find_in_any_case(&text).collect();
            let want: Vec<(usize, usize)> = index.find_in(&text.to_ascii_lowercase()).collect();
            proptest::prop_assert_eq!(got, want, "{:?}", text);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_what_every_byte_gives(
            picks in proptest::collection::vec(0..19usize, 0..30),
        ) {
            const PIECES: [&str; 19] = [
                "year", "-on-", "on", " ", "y/y", "12", " months", " to", "the", "last", "set", "a", "é", ",",
                "-", "x", "yearyearyearyearyearyearyearyearyearyearyearyearyear", "cumulatively",
                "accumulated so far",
            ];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            let index = Phrases::new(LIST.iter().copied());
            let got: Vec<(usize, usize)> = index.find_in(&text).collect();
            proptest::prop_assert_eq!(got, find_at_every_byte(LIST, &text), "{:?}", text);
        }
    }
}

// The words of ASCII text, eight bytes at a time: the subject finder splits and tests the
// words of its phrases again and again.

/// ASCII white space as `char::is_whitespace` reads it: `\t` `\n` `\x0B` `\x0C` `\r` and the space
/// (`u8::is_ascii_whitespace` leaves out `\x0B`).
pub(crate) const fn ascii_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ')
}

/// The first white-space byte of `b` at or after `from` (`b.len()` when none). Eight bytes
/// at a time: only a byte below `!` (where white space lies) is looked at alone. Of the bytes
/// flagged by the subtraction, the lowest is always one below `!`: a false flag needs a
/// borrow from a true one below it.
pub(crate) fn space_at_or_after(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes);
        let low = x.wrapping_sub(each(0x21)) & !x & HIGH;
        if low == 0 {
            i += 8;
            continue;
        }
        let at = i + (low.trailing_zeros() / 8) as usize;
        if b.get(at).is_some_and(|&c| ascii_space(c)) {
            return at;
        }
        i = at + 1;
    }
    while let Some(&c) = b.get(i) {
        if ascii_space(c) {
            return i;
        }
        i += 1;
    }
    b.len()
}

/// `text.split_whitespace()` for ASCII `text` (a non-ASCII white space is not looked for).
pub(crate) fn ascii_words(text: &str) -> impl Iterator<Item = &str> {
    let b = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while b.get(pos).is_some_and(|&c| ascii_space(c)) {
            pos += 1;
        }
        if pos >= b.len() {
            return None;
        }
        let start = pos;
        pos = space_at_or_after(b, start);
        text.get(start..pos)
    })
}

/// `word` without the bytes that are no ASCII letter or digit at either end: for ASCII
/// words, `word.trim_matches(|c: char| !c.is_alphanumeric())`.
pub(crate) fn trim_to_alnum(word: &str) -> &str {
    let b = word.as_bytes();
    let start = b.iter().position(u8::is_ascii_alphanumeric).unwrap_or(b.len());
    let end = b.iter().rposition(u8::is_ascii_alphanumeric).map_or(start, |e| e + 1);
    word.get(start..end).unwrap_or("")
}

/// The first space (`b' '`) of `b` at or after `from` (`b.len()` when none), eight bytes at
/// a time (the lowest byte flagged as zero is always a true one).
pub(crate) fn next_space(b: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(chunk) = b.get(i..i + 8) {
        let x = <[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes) ^ each(b' ');
        let zero = x.wrapping_sub(each(1)) & !x & HIGH;
        if zero != 0 {
            return i + (zero.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    let rest = b.get(i..).unwrap_or_default();
    rest.iter().position(|&c| c == b' ').map_or(b.len(), |p| i + p)
}

/// `b.split(|&c| c == b' ')`, eight bytes at a time: the words of a phrase that `join` put
/// together.
pub(crate) fn space_split(b: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut pos = Some(0);
    std::iter::from_fn(move || {
        let start = pos?;
        let end = next_space(b, start);
        pos = (end < b.len()).then_some(end + 1);
        b.get(start..end)
    })
}

/// The eight bytes from `at` of `b` as one number, the byte at `at` lowest. Near the end,
/// the last eight bytes shifted so that the byte at `at` comes first (the bytes past the
/// end read as zero); `None` when `b` is shorter than eight bytes or `at` is past its end.
fn eight_at(b: &[u8], at: usize) -> Option<u64> {
    let load = |c: &[u8]| <[u8; 8]>::try_from(c).ok().map(u64::from_le_bytes);
    match b.get(at..at + 8) {
        Some(c) => load(c),
        None if b.len() >= 8 && at < b.len() => Some(load(b.get(b.len() - 8..)?)? >> (8 * (at + 8 - b.len()))),
        None => None,
    }
}

/// How many of the (at most eight) bytes from `at` of `b` are ASCII letters before the
/// first that is not (8 when all are); 0 when `b` is shorter than eight bytes. One test for
/// eight bytes: words run mostly over letters. The bytes past the end read as zero.
pub(crate) fn letters_at(b: &[u8], at: usize) -> usize {
    // The first byte that is no letter, told by its high bit (none: 64 / 8).
    eight_at(b, at).map_or(0, |x| ((!letter_highs(x) & HIGH).trailing_zeros() / 8) as usize)
}

/// How many of the (at most eight) bytes from `at` of `b` are visible ASCII (`!` to DEL:
/// no white space, control byte below `!` or non-ASCII byte) before the first that is not.
/// The bytes past the end read as zero, which is not visible; a text shorter than eight
/// bytes is read byte by byte.
pub(crate) fn visible_at(b: &[u8], at: usize) -> usize {
    let Some(x) = eight_at(b, at) else {
        let rest = b.get(at..).unwrap_or_default();
        return rest.iter().take_while(|&&c| (0x21..0x80).contains(&c)).count();
    };
    // From `!` (0x21) in the low seven bits, and no high bit: adding to the low seven
    // bits carries into no other byte.
    let low = x & LOW7;
    let visible = (low + each(0x80 - b'!')) & !x & HIGH;
    ((!visible & HIGH).trailing_zeros() / 8) as usize
}

/// The runs of ASCII letters of `text`, as `(start, end)`: a byte loop's words, found from
/// a bit mask of each 64 bytes' letters (most bytes of a sentence are in words, and a mask
/// is a few operations per eight bytes instead of a branch per byte). The oracle of
/// [`each_long_letter_run`], which the tense reading walks now.
#[cfg(test)]
pub(crate) fn letter_runs(text: &[u8]) -> LetterRuns<'_> {
    let letters = letter_bits(text, 0);
    LetterRuns {
        text,
        block: 0,
        letters,
        starts: letters & !(letters << 1),
    }
}

#[cfg(test)]
/// The walk of [`letter_runs`].
pub(crate) struct LetterRuns<'a> {
    text: &'a [u8],
    /// Where the 64 bytes of `letters` start, and the starts of runs not yet returned.
    block: usize,
    letters: u64,
    starts: u64,
}

#[cfg(test)]
impl Iterator for LetterRuns<'_> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        loop {
            if self.starts != 0 {
                let i = self.starts.trailing_zeros() as usize;
                self.starts &= self.starts - 1;
                let start = self.block + i;
                let len = (!(self.letters >> i)).trailing_zeros() as usize;
                if i + len < 64 {
                    return Some((start, start + len));
                }
                // A run into the bytes after the block: the walk goes on after it.
                let after = self.block + 64;
                let more = self.text.get(after..).unwrap_or_default();
                let end = after + more.iter().take_while(|b| b.is_ascii_alphabetic()).count();
                self.load(end);
                return Some((start, end));
            }
            if self.block + 64 >= self.text.len() {
                return None;
            }
            // No run goes on into the next block: one that reaches the block's end was
            // followed to its end above.
            self.load(self.block + 64);
        }
    }
}

#[cfg(test)]
impl LetterRuns<'_> {
    /// Moves the walk to the 64 bytes from `from`, which no run goes on into.
    fn load(&mut self, from: usize) {
        self.block = from;
        self.letters = letter_bits(self.text, from);
        self.starts = self.letters & !(self.letters << 1);
    }
}

/// Bit `i` set where byte `from + i` of `text` is an ASCII letter, for 64 bytes (the bytes
/// past the end are none).
#[cfg(test)]
fn letter_bits(text: &[u8], from: usize) -> u64 {
    bits_where(&window_at::<64>(text, from), is_letter) as u64
}

#[cfg(test)]
mod letter_run_tests {
    use super::letter_runs;

    /// The runs of letters, byte by byte: the oracle.
    fn runs_by_bytes(text: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < text.len() {
            if !text[pos].is_ascii_alphabetic() {
                pos += 1;
                continue;
            }
            let start = pos;
            while text.get(pos).is_some_and(u8::is_ascii_alphabetic) {
                pos += 1;
            }
            out.push((start, pos));
        }
        out
    }

    #[test]
    fn runs_across_blocks_agree_with_the_byte_loop() {
        let long = "a".repeat(200);
        let mut texts = crate::fixture_texts();
        texts.extend(
            [
                "",
                "x",
                " word ",
                "@[`{ AZaz éé z9z",
                &long,
                &format!("{long} {long}."),
                &format!("{} tail", "b".repeat(63)),
                &format!("{} tail", "b".repeat(64)),
                &format!("{}é{}", " ".repeat(63), "c".repeat(70)),
            ]
            .map(String::from),
        );
        for text in &texts {
            for skip in [0, 1, 7] {
                let t = text.as_bytes().get(skip..).unwrap_or_default();
                assert_eq!(letter_runs(t).collect::<Vec<_>>(), runs_by_bytes(t), "{text:?}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_have_the_byte_loop_runs(text in proptest::collection::vec(
            proptest::sample::select(vec![b'a', b'Z', b' ', b'.', b'5', 0xC3, 0xA9, b'@', b'[']), 0..300)
        ) {
            proptest::prop_assert_eq!(letter_runs(&text).collect::<Vec<_>>(), runs_by_bytes(&text));
        }
    }
}

#[cfg(test)]
mod ascii_word_tests {
    use super::*;

    proptest::proptest! {
        /// The byte walk splits and trims ASCII text as `split_whitespace` and
        /// `trim_matches` do, its oracles (control bytes that are no white space included).
        #[test]
        fn ascii_words_split_as_split_whitespace(picks in proptest::collection::vec(0..14usize, 0..40)) {
            const PIECES: [&str; 14] = [
                "wool", " ", "  ", "\t", "\n", "\u{b}", "\u{c}", "\r", "x-y", "\u{1c}", "\0", "(tea)", "abcdefghij", "!",
            ];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            let want: Vec<&str> = text.split_whitespace().collect();
            proptest::prop_assert_eq!(ascii_words(&text).collect::<Vec<_>>(), want, "{:?}", text);
            for w in ascii_words(&text) {
                proptest::prop_assert_eq!(trim_to_alnum(w), w.trim_matches(|c: char| !c.is_alphanumeric()));
            }
        }
    }

    proptest::proptest! {
        /// `space_split` splits as `split` at spaces, its oracle.
        #[test]
        fn space_split_splits_as_split(picks in proptest::collection::vec(0..8usize, 0..40)) {
            const PIECES: [&str; 8] = ["wool", " ", "  ", "é", "abcdefghij", "\0", "\u{a0}", "x"];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            let want: Vec<&[u8]> = text.as_bytes().split(|&c| c == b' ').collect();
            proptest::prop_assert_eq!(space_split(text.as_bytes()).collect::<Vec<_>>(), want, "{:?}", text);
        }
    }

    proptest::proptest! {
        /// `letters_at` counts as a walk over the bytes does, its oracle.
        #[test]
        fn letters_are_counted_as_by_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..20), at in 0..22usize) {
            let want = if bytes.len() >= 8 {
                bytes.get(at..).unwrap_or_default().iter().take(8).take_while(|b| b.is_ascii_alphabetic()).count()
            } else {
                0
            };
            proptest::prop_assert_eq!(letters_at(&bytes, at), want);
        }
    }

    proptest::proptest! {
        /// `visible_at` counts as a walk over the bytes does, its oracle.
        #[test]
        fn visible_bytes_are_counted_as_by_bytes(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..20), at in 0..22usize) {
            let want = bytes.get(at..).unwrap_or_default().iter().take(8).take_while(|&&c| (0x21..0x80).contains(&c)).count();
            proptest::prop_assert_eq!(visible_at(&bytes, at), want);
        }
    }

    #[test]
    fn visible_at_every_edge() {
        for b in 0..=255u8 {
            assert_eq!(
                visible_at(&[b; 8], 0),
                if (0x21..0x80).contains(&b) { 8 } else { 0 },
                "{b}"
            );
        }
        assert_eq!(visible_at(b"green car exports", 10), 7);
        assert_eq!(visible_at(b"tea", 0), 3);
    }

    #[test]
    fn letters_at_every_edge_of_the_alphabet() {
        for b in 0..=255u8 {
            let chunk = [b; 8];
            assert_eq!(
                letters_at(&chunk, 0),
                if b.is_ascii_alphabetic() { 8 } else { 0 },
                "{b}"
            );
        }
        assert_eq!(letters_at(b"Exports rose", 0), 7);
    }

    #[test]
    fn a_space_is_found_past_other_low_bytes() {
        let text = b"ab\x01cd\x1fefgh ij";
        assert_eq!(space_at_or_after(text, 0), 10);
        assert_eq!(space_at_or_after(b"abcdefghijklmnop", 3), 16);
        assert_eq!(space_at_or_after(b"", 0), 0);
    }
}

// ---- The grammar's lead words: what a kind may start with (`grammar::figure_at`) ----

/// The sign words an amount may start with (`minus 0.4 percent`), lower-cased.
pub fn is_sign_word(lower: &[u8]) -> bool {
    matches!(lower, b"negative" | b"minus")
}

/// The lower-case words a date written with words starts with (the keys of
/// `grammar::date::date_at_word`; a capitalized word may start one too: a month, a
/// weekday), lower-cased.
#[rustfmt::skip]
pub fn is_date_lead_word(lower: &[u8]) -> bool {
    matches!(lower,
        b"between" | b"this" | b"next" | b"last" | b"first" | b"second" | b"third" | b"fourth" | b"h" | b"q"
        | b"quarter" | b"today" | b"yesterday" | b"tomorrow" | b"the" | b"fy" | b"fiscal" | b"mid" | b"early"
        | b"late" | b"end" | b"start" | b"pre" | b"post"
    )
}

// ---- A number in digits and the byte after it (`grammar::Starts`) ----

/// The length of the number in ASCII digits that `bytes` starts with: digits, with points
/// and commas between digits (`1,234.5`); a point or comma after it ends the number.
#[cfg(test)]
pub fn digit_run(bytes: &[u8]) -> usize {
    grouped_digit_run(bytes).0
}

/// `digit_run`, and whether a comma is in the run (`2,708`): told while it is walked,
/// not by a search of the run after.
pub fn grouped_digit_run(bytes: &[u8]) -> (usize, bool) {
    let mut n = 0;
    let mut grouped = false;
    loop {
        match bytes.get(n) {
            Some(b'0'..=b'9') => n += 1,
            Some(&c @ (b'.' | b',')) if n > 0 && bytes.get(n + 1).is_some_and(u8::is_ascii_digit) => {
                grouped |= c == b',';
                n += 2;
            }
            _ => return (n, grouped),
        }
    }
}

/// A byte right after a number's digit run that no amount, percent, quantity or duration
/// goes on with: ASCII punctuation other than the marks and joiners those read (`/` of a
/// fraction, `-` of a range or compound, `%`). Not a space, a letter or a wide character.
pub fn closes_a_number(b: u8) -> bool {
    b.is_ascii_punctuation() && !matches!(b, b'/' | b'-' | b'%')
}

/// An ordinal suffix (`st`, `nd`, `rd`, `th`, in any case) is the whole word `after` starts
/// with (`12th,`; not `5 thousand`, `3rds`).
pub fn ordinal_suffix_starts(after: &[u8]) -> bool {
    let (Some(a), Some(b)) = (after.first(), after.get(1)) else {
        return false;
    };
    matches!(
        [a | 0x20, b | 0x20],
        [b's', b't'] | [b'n', b'd'] | [b'r', b'd'] | [b't', b'h']
    ) && after.get(2).is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// The words other than scales (which the scale grammar tells) that may go on an amount,
/// a percent, a quantity or a duration right after its number and are no marker word of
/// the look-ahead (lower-cased): `dozen`, the range joiner `to`, `of` (`of a percentage
/// point`), `point` (`4 point 5`), a duration's modifiers (`consecutive`), and the first
/// words of currencies named by more than one (`US`, `Hong Kong`, `pounds sterling`).
#[rustfmt::skip]
pub fn goes_on_a_number(lower: &[u8]) -> bool {
    matches!(lower,
        b"dozen"
        | b"to" | b"of" | b"point"
        | b"consecutive" | b"straight" | b"successive" | b"more" | b"additional" | b"extra" | b"business"
        | b"working" | b"calendar" | b"full"
        | b"us" | b"u" | b"usd" | b"eur" | b"euro" | b"pounds" | b"canadian" | b"australian" | b"new"
        | b"hong" | b"singapore" | b"taiwan" | b"american" | b"mexican" | b"philippine" | b"chilean"
        | b"colombian" | b"argentine" | b"swiss" | b"brazilian" | b"south" | b"swedish" | b"norwegian"
        | b"danish" | b"pakistani" | b"sri" | b"indian" | b"japanese" | b"chinese" | b"korean"
    )
}

#[cfg(test)]
mod number_run_tests {
    use super::*;

    #[test]
    fn a_digit_run_takes_digits_and_the_points_and_commas_between_them() {
        assert_eq!(digit_run(b"1,234.5 tons"), 7);
        assert_eq!(digit_run(b"708)"), 3);
        assert_eq!(digit_run(b"3."), 1);
        assert_eq!(digit_run(b"2025, exports"), 4);
        assert_eq!(digit_run(b"1.2.3."), 5);
        assert_eq!(digit_run(b"x5"), 0);
        assert_eq!(digit_run(b".5"), 0);
        assert_eq!(digit_run(b""), 0);
        assert_eq!(digit_run(b"19\xc2\xa0000"), 2);
    }

    #[test]
    fn a_run_is_grouped_when_a_comma_is_in_it() {
        let text = crate::fixture_texts().concat() + " 1,2 1.2,3 4, 5,x ,6 7.8";
        let mut grouped = 0;
        for at in 0..text.len() {
            let b = &text.as_bytes()[at..];
            let (run, commas) = grouped_digit_run(b);
            assert_eq!((run, commas), (digit_run(b), b[..run].contains(&b',')), "at {at}");
            grouped += usize::from(commas);
        }
        assert!(grouped > 50, "{grouped}");
    }

    #[test]
    fn closing_marks_are_the_punctuation_no_figure_goes_on_with() {
        let closing: Vec<u8> = (0..=255u8).filter(|&b| closes_a_number(b)).collect();
        assert_eq!(closing, b"!\"#$&'()*+,.:;<=>?@[\\]^_`{|}~".to_vec());
    }

    #[test]
    fn an_ordinal_suffix_is_a_whole_word() {
        for yes in [&b"th"[..], b"st,", b"ND ", b"rd)", b"Th-largest"] {
            assert!(ordinal_suffix_starts(yes), "{yes:?}");
        }
        for no in [&b"thousand"[..], b"t", b"", b"rds", b"th2", b"sq"] {
            assert!(!ordinal_suffix_starts(no), "{no:?}");
        }
    }
}

// ---- A sentence's words of three letters or more (`grammar::date::said_of_the_past`) ----

/// Calls `f` with each run of ASCII letters of `text` that is three letters or longer, in
/// order, until `f` returns false (then false; true when every run was read). Runs of one
/// or two letters (`a`, `of`, `in`: a third of a sentence's words) are stepped over on the
/// letter mask, never handed out. The two last bits of a block are kept as starts, for
/// their run may go on past it; such a run is measured on the text and the walk goes on
/// after it, as in [`letter_runs`].
pub(crate) fn each_long_letter_run<'a>(text: &'a [u8], mut f: impl FnMut(&'a [u8]) -> bool) -> bool {
    let mut block = 0;
    while block < text.len() {
        let letters = masks::letters(&window_at(text, block));
        let mut starts = letters & !(letters << 1) & (letters >> 1 | 1 << 63) & (letters >> 2 | 3 << 62);
        let mut next = block + 64;
        while starts != 0 {
            let i = starts.trailing_zeros() as usize;
            starts &= starts - 1;
            let len = (!(letters >> i)).trailing_zeros() as usize;
            let start = block + i;
            let end = if i + len < 64 {
                start + len
            } else {
                let after = block + 64;
                let more = text.get(after..).unwrap_or_default();
                next = after + more.iter().take_while(|b| b.is_ascii_alphabetic()).count();
                next
            };
            if end - start >= 3 && !f(text.get(start..end).unwrap_or_default()) {
                return false;
            }
        }
        block = next;
    }
    true
}

/// The key of a word of ASCII letters, lower-cased, as [`WordBits`] holds its words (see
/// [`short_key`]), read without a copy: every byte of the word gets its 0x20 bit, which
/// lowers exactly the capitals. `None` when longer than 16 bytes. Only for letters: other
/// bytes would change.
pub(crate) fn letters_key_lowered(word: &[u8]) -> Option<[u64; 3]> {
    let [lo, hi, len] = short_key(word)?;
    let low_bytes = |n: u64| match n {
        0..=7 => (1u64 << (8 * n)) - 1,
        _ => u64::MAX,
    };
    Some([
        lo | each(0x20) & low_bytes(len),
        hi | each(0x20) & low_bytes(len.saturating_sub(8)),
        len,
    ])
}

#[cfg(test)]
mod long_letter_run_tests {
    use super::*;

    /// The runs of three letters or more, from `letter_runs`: the oracle.
    fn long_runs_by_runs(text: &[u8]) -> Vec<&[u8]> {
        letter_runs(text)
            .filter(|(s, e)| e - s >= 3)
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    fn long_runs(text: &[u8]) -> Vec<&[u8]> {
        let mut out = Vec::new();
        assert!(each_long_letter_run(text, |w| {
            out.push(w);
            true
        }));
        out
    }

    #[test]
    fn long_runs_are_the_letter_runs_of_three_or_more() {
        let text = crate::fixture_texts().concat();
        for from in (0..text.len()).step_by(7).filter(|&i| text.is_char_boundary(i)) {
            let t = &text.as_bytes()[from..(from + 300).min(text.len())];
            assert_eq!(long_runs(t), long_runs_by_runs(t), "{from}");
        }
        let edge = [b'x'; 62].iter().chain(b" abc de fghij").copied().collect::<Vec<u8>>();
        for cut in 55..edge.len() {
            assert_eq!(
                long_runs(&edge[cut - 55..]),
                long_runs_by_runs(&edge[cut - 55..]),
                "{cut}"
            );
        }
    }

    #[test]
    fn the_walk_stops_when_asked() {
        let mut seen = Vec::new();
        let read_all = each_long_letter_run(b"one to three, four five", |w| {
            seen.push(w.to_vec());
            w != b"four"
        });
        assert!(!read_all);
        assert_eq!(seen, [b"one".to_vec(), b"three".to_vec(), b"four".to_vec()]);
    }

    #[test]
    fn a_lowered_key_is_the_key_of_the_lowered_word() {
        let words = [
            "a",
            "May",
            "EXPECTED",
            "PubLisHed",
            "abcdefghijklmnop",
            "ABCDEFGHIJKLMNOPQ",
            "Zz",
        ];
        for w in words {
            let lower = w.to_ascii_lowercase();
            assert_eq!(letters_key_lowered(w.as_bytes()), packed(lower.as_bytes()), "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn long_runs_match_on_random_text(text in "[a-cA-C .,\u{e9}]{0,200}") {
            proptest::prop_assert_eq!(long_runs(text.as_bytes()), long_runs_by_runs(text.as_bytes()));
        }

        #[test]
        fn lowered_keys_match_on_random_words(w in "[a-zA-Z]{0,20}") {
            let lower = w.to_ascii_lowercase();
            proptest::prop_assert_eq!(letters_key_lowered(w.as_bytes()), packed(lower.as_bytes()));
        }
    }
}

// ---- The grammar's phrase words (`grammar::phrase::word_len`)

/// How many ASCII letters and digits `b` starts with: eight bytes a step (a word is
/// nearly always one or two steps), the last few bytes one at a time.
pub(crate) fn alnum_run(b: &[u8]) -> usize {
    const LOW: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut n = 0;
    while let Some(chunk) = b.get(n..).and_then(<[u8]>::first_chunk::<8>) {
        let x = u64::from_le_bytes(*chunk);
        // Per byte, on its low seven bits (no carry crosses a byte): its high bit set in
        // `y + (0x80 - lo)` when it is `lo` or more, in `y + (0x7f - hi)` when above `hi`.
        let y = x & LOW;
        let digit = y.wrapping_add(ONES * (0x80 - 0x30)) & !y.wrapping_add(ONES * (0x7f - 0x39));
        let folded = (x | (ONES * 0x20)) & LOW;
        let letter = folded.wrapping_add(ONES * (0x80 - 0x61)) & !folded.wrapping_add(ONES * (0x7f - 0x7a));
        let alnum = (digit | letter) & !x & HIGH;
        let run = ((!alnum & HIGH).trailing_zeros() / 8) as usize;
        n += run;
        if run < 8 {
            return n;
        }
    }
    n + b[n..]
        .iter()
        .position(|c| !c.is_ascii_alphanumeric())
        .unwrap_or(b.len() - n)
}

#[cfg(test)]
mod alnum_run_tests {
    use super::*;

    #[test]
    fn alnum_runs_by_steps_of_eight_bytes_are_runs_by_bytes() {
        let by_bytes = |b: &[u8]| b.iter().position(|c| !c.is_ascii_alphanumeric()).unwrap_or(b.len());
        // Every byte, at every place of a run of letters or digits of every length to 17.
        for len in 0..18 {
            for at in 0..=len {
                for c in 0..=255u8 {
                    let mut b = vec![b'a'; len];
                    if at < len {
                        b[at] = c;
                    }
                    for (k, x) in b.iter_mut().enumerate() {
                        if k != at && k % 3 == 1 {
                            *x = [b'0', b'9', b'Z', b'z', b'A'][k % 5];
                        }
                    }
                    assert_eq!(alnum_run(&b), by_bytes(&b), "{b:?}");
                }
            }
        }
        let text = crate::fixture_texts().concat();
        for at in 0..text.len() {
            let b = &text.as_bytes()[at..];
            assert_eq!(alnum_run(b), by_bytes(b), "{at}");
        }
    }
}

// ---- White space at a text's end (the figure cues)

/// `text` without the white space at its end, as `str::trim_end` (`char::is_whitespace`)
/// reads it: by bytes while they are ASCII, as nearly always before a figure; a byte
/// beyond ASCII hands what is left to the character walk.
pub(crate) fn trim_end_space(text: &str) -> &str {
    let kept = text
        .as_bytes()
        .iter()
        .rposition(|&c| !ascii_space(c))
        .map_or(0, |i| i + 1);
    let t = text.get(..kept).unwrap_or_default();
    if t.as_bytes().last().is_some_and(|c| !c.is_ascii()) {
        t.trim_end()
    } else {
        t
    }
}

#[cfg(test)]
mod trim_tests {
    use super::trim_end_space;

    #[test]
    fn white_space_is_trimmed_as_the_char_walk_trims_it() {
        for t in [
            "",
            " ",
            "rose \t\n",
            "up\u{a0} ",
            "x\u{2003}",
            "\u{a0}",
            "a\x0b\x0c\r",
            "€ ",
            "b",
        ] {
            assert_eq!(trim_end_space(t), t.trim_end(), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn trimmed_ends_match_on_random_text(t in "[a\u{e9} \t\n\r\u{b}\u{c}\u{a0}\u{85}\u{2003}\u{3000}]{0,12}") {
            proptest::prop_assert_eq!(trim_end_space(&t), t.trim_end());
        }
    }
}

// ---- ASCII bytes as text (the grammar's units)

/// `bytes` as text when they are all ASCII, as nearly every unit a phrase's words make:
/// `is_ascii` reads eight bytes a step, where `str::from_utf8` would also be ready for
/// sequences of several bytes (0.14M instructions more on the 1 MB bench corpus).
pub(crate) fn ascii_text(bytes: &[u8]) -> Option<&str> {
    // SAFETY: every ASCII byte is a character of its own in UTF-8.
    bytes
        .is_ascii()
        .then(|| unsafe { std::str::from_utf8_unchecked(bytes) })
}

#[cfg(test)]
mod ascii_tests {
    proptest::proptest! {
        /// Text exactly where `str::from_utf8` reads ASCII.
        #[test]
        fn ascii_bytes_are_read_as_from_utf8_reads_them(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..24)) {
            let want = std::str::from_utf8(&bytes).ok().filter(|t| t.is_ascii());
            proptest::prop_assert_eq!(super::ascii_text(&bytes), want);
        }
    }
}
