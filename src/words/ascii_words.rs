//! The words of ASCII text, eight bytes at a time: white space, word splits and runs of
//! letters or visible bytes (the subject finder splits and tests the words of its phrases
//! again and again), and ASCII bytes read as text. Each with its oracle test.

use super::{HIGH, LOW7, each, letter_highs};

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
