//! Word lists that are asked at every word of the text, and a shape filter for them: the
//! lengths and first two letters of a list's words, so that most other words are turned
//! away after one table look-up.

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
}
