//! Runs of ASCII letters found from masks of 64 bytes' letters: a sentence's words of
//! three letters or more (the tense reading, `grammar::date::said_of_the_past`), with the
//! byte loop and the first mask walk as their oracles.

#[cfg(test)]
use super::{bits_where, is_letter};
use super::{each, masks, short_key, window_at};

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

// ---- A sentence's words of three letters or more (`grammar::date::said_of_the_past`) ----

/// Calls `f` with each run of ASCII letters of `text` that is three letters or longer, in
/// order, until `f` returns false (then false; true when every run was read). Runs of one
/// or two letters (`a`, `of`, `in`: a third of a sentence's words) are stepped over on the
/// letter mask, never handed out. The two last bits of a block are kept as starts, for
/// their run may go on past it; such a run is measured on the text and the walk goes on
/// after it, as in `letter_runs` (its oracle).
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

/// The key of a word of ASCII letters, lower-cased, as [`WordBits`](super::WordBits)
/// holds its words (see [`short_key`]), read without a copy: every byte of the word gets
/// its 0x20 bit, which lowers exactly the capitals. `None` when longer than 16 bytes.
/// Only for letters: other bytes would change.
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
    use crate::words::packed;

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
