//! The ASCII letters of a sentence as masks of 64 bytes, read once for the words the
//! subject finder cuts it into (`subject/tokens.rs`): a word's run of letters is then one
//! shift and one count, not a test of each eight bytes.

use super::masks;

/// Fills `blocks` with the ASCII letters of `text`, 64 bytes a mask (bit `i` of mask `k`:
/// byte `64 * k + i`), as far as `text` or `blocks` goes; how many masks were filled.
#[inline]
pub(crate) fn letter_blocks(text: &[u8], blocks: &mut [u64]) -> usize {
    let n = text.len().div_ceil(64).min(blocks.len());
    for (k, mask) in blocks.iter_mut().enumerate().take(n) {
        *mask = masks::letters(&super::window_at::<64>(text, 64 * k));
    }
    n
}

/// How many ASCII letters run from byte `at` on, read from the masks of `letter_blocks`;
/// `None` when the run reaches past the last mask (the caller reads the bytes).
#[inline]
pub(crate) fn letter_run(blocks: &[u64], at: usize) -> Option<usize> {
    let (mut k, bit) = (at / 64, at % 64);
    // Past the shift, the high bits are 0s: the count stops at the block's end.
    let run = (!(*blocks.get(k)? >> bit)).trailing_zeros() as usize;
    if run < 64 - bit {
        return Some(run);
    }
    let mut n = run;
    loop {
        k += 1;
        let run = (!*blocks.get(k)?).trailing_zeros() as usize;
        n += run;
        if run < 64 {
            return Some(n);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The letters from `at`, a byte at a time (bytes past the text read as no letter).
    fn run_by_bytes(text: &[u8], at: usize) -> usize {
        text.get(at..)
            .unwrap_or_default()
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count()
    }

    fn check(text: &[u8]) {
        for room in [1, 2, 8] {
            let mut blocks = vec![0; room];
            let n = letter_blocks(text, &mut blocks);
            assert_eq!(n, text.len().div_ceil(64).min(room));
            for at in 0..text.len() + 2 {
                let covered = text.len() <= 64 * n;
                let got = letter_run(&blocks[..n], at);
                let want = run_by_bytes(text, at);
                match got {
                    Some(run) => assert_eq!(run, want, "{at} of {:?}", String::from_utf8_lossy(text)),
                    // Only a run that reaches past the masks goes unread; with the whole
                    // text in them, only one that ends at a block's end.
                    None => {
                        assert!(at + want >= 64 * n, "{at}");
                        assert!(!covered || (at + want).is_multiple_of(64) || at >= 64 * n, "{at}");
                    }
                }
            }
        }
    }

    #[test]
    fn runs_of_letters_are_what_the_bytes_give_on_every_fixture() {
        for text in crate::fixture_texts() {
            for line in text.lines() {
                check(line.as_bytes());
            }
            check(text.as_bytes().get(..2000).unwrap_or(text.as_bytes()));
        }
        check(&[b'a'; 200]);
        check(b"");
        check("é abc ÉÉ z".as_bytes());
    }

    proptest::proptest! {
        #[test]
        fn runs_of_letters_are_what_the_bytes_give(text in proptest::collection::vec(
            proptest::prop_oneof![proptest::strategy::Just(b'a'), proptest::strategy::Just(b'Z'),
                proptest::strategy::Just(b' '), proptest::strategy::Just(b'1'), 0u8..=255], 0..300)) {
            check(&text);
        }
    }
}
