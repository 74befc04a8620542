//! Word lists that are asked at every word of the text, and a shape filter for them: the
//! lengths and first letters of a list's words, so that most other words are turned away
//! after one table look-up.

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

/// For each word length up to `LONGEST`, the first letters (as bits, case folded) of the
/// words of `lists` of that length. Every word must start with an ASCII letter.
pub const fn shapes(lists: &[&[&[u8]]]) -> [u32; LONGEST + 1] {
    let mut shapes = [0u32; LONGEST + 1];
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let w = lists[l][i];
            assert!(w.len() <= LONGEST && w[0].is_ascii_alphabetic());
            shapes[w.len()] |= 1 << ((w[0] | 0x20) - b'a');
            i += 1;
        }
        l += 1;
    }
    shapes
}

/// Some word in `shapes` has the length and (case-folded) first letter of `word`: a
/// necessary condition for `word` to be in its lists, in any case.
pub fn has_shape(shapes: &[u32; LONGEST + 1], word: &[u8]) -> bool {
    let Some(&first) = word.first() else {
        return false;
    };
    let letter = (first | 0x20).wrapping_sub(b'a');
    letter < 26 && shapes.get(word.len()).is_some_and(|shape| shape & (1 << letter) != 0)
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
        static FRUIT_SHAPES: [u32; LONGEST + 1] = shapes(&[FRUIT]);
        for w in ["apple", "Apple", "PEAR", "fig", "Fig"] {
            assert!(has_shape(&FRUIT_SHAPES, w.as_bytes()), "{w}");
        }
        for w in ["apples", "bear", "", "a", "1ig", "é"] {
            assert!(!has_shape(&FRUIT_SHAPES, w.as_bytes()), "{w}");
        }
        assert!(!has_shape(&FRUIT_SHAPES, &[b'a'; LONGEST + 1]));
        assert!(is_fruit(b"pear") && !is_fruit(b"Pear") && FRUIT.len() == 3);
    }
}
