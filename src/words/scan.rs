//! The scan walk's first test of a word of letters, in one look-up: by its length and first
//! byte, the second and last bytes a trigger of that shape may have. It folds the two shape
//! tables (`Shapes`, `LastLetters`) of the lower-case and the capitalized words into one
//! row, so that a word is turned away after two bit tests with no case folding.

use super::{LONGEST, LastLetters, Shapes};

/// For each word length below 64 and first byte (`& 63`): the second bytes the words of
/// that shape may have (`seconds`), and for each length up to `LONGEST` (the rows past it
/// are empty) their last bytes (`lasts`), each byte as the bit `byte & 63` (the 52 ASCII
/// letters fall on 52 different bits). Rows for every length a word in a 64-byte block can
/// have spare the walk a test of the length.
pub struct ShapeRows {
    pub seconds: [[u64; 64]; 64],
    pub lasts: [[u64; 64]; 32],
}

/// The bits of both cases of the letters of a 26-letter set (bit n: letter n).
const fn both_cases(letters: u32) -> u64 {
    let mut bits = 0u64;
    let mut n = 0;
    while n < 26 {
        if letters & 1 << n != 0 {
            bits |= 1 << ((b'a' + n) & 63) | 1 << ((b'A' + n) & 63);
        }
        n += 1;
    }
    bits
}

/// The bits of the 26 capitals.
const CAPITALS: u64 = {
    let mut bits = 0u64;
    let mut c = b'A';
    while c <= b'Z' {
        bits |= 1 << (c & 63);
        c += 1;
    }
    bits
};

/// The rows of words whose first letter is lower-case (`lower`: their shape tables) or a
/// capital (`capital`), and of any three capitals (a currency code: `USD`). A word of one
/// letter is its own last letter; its second byte (the one after it) is not asked.
pub const fn shape_rows(lower: (&Shapes, &LastLetters), capital: (&Shapes, &LastLetters)) -> ShapeRows {
    let mut rows = ShapeRows {
        seconds: [[0; 64]; 64],
        lasts: [[0; 64]; 32],
    };
    let mut len = 1;
    while len <= LONGEST {
        let mut n = 0;
        while n < 26 {
            let mut case = 0;
            while case < 2 {
                let (first, (shapes, lasts)) = match case {
                    0 => (b'a' + n as u8, lower),
                    _ => (b'A' + n as u8, capital),
                };
                let at = (first & 63) as usize;
                rows.seconds[len][at] = match len {
                    // `second_bit` of a one-letter word: bit 26.
                    1 if shapes[1][n] & 1 << 26 != 0 => u64::MAX,
                    1 => 0,
                    _ => both_cases(shapes[len][n]),
                };
                rows.lasts[len][at] = both_cases(lasts[len][n]);
                if case == 1 && len == 3 {
                    rows.seconds[len][at] |= CAPITALS;
                    rows.lasts[len][at] |= CAPITALS;
                }
                case += 1;
            }
            n += 1;
        }
        len += 1;
    }
    rows
}

/// Whether a word of ASCII letters, `len` bytes long (1 to 63), with these first, second
/// (for one letter: any byte) and last bytes, may be a trigger by its shape: a necessary
/// condition (the full test still decides). A word longer than `LONGEST` is none.
#[inline(always)]
pub fn may_start(rows: &ShapeRows, len: usize, first: u8, second: u8, last: u8) -> bool {
    debug_assert!(len < 64);
    let at = usize::from(first & 63);
    // A row of seconds past `LONGEST` is empty: the rows of lasts are asked up to it.
    rows.seconds[len & 63][at] >> (second & 63) & 1 != 0 && rows.lasts[len & 31][at] >> (last & 63) & 1 != 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::{has_last_letter, has_shape, last_letters, shapes};

    const LOWER: &[&[u8]] = &[b"a", b"the", b"third", b"q1", b"fifty", b"between"];
    const CAPITAL: &[&[u8]] = &[b"March", b"May", b"Rs", b"Sunday"];

    /// The shape test as the four tables ask it (the walk's test before the rows), with any
    /// three capitals.
    fn by_tables(word: &[u8]) -> bool {
        let (s, l) = match word[0].is_ascii_uppercase() {
            true => (shapes(&[LOWER, CAPITAL]), last_letters(&[LOWER, CAPITAL])),
            false => (shapes(&[LOWER]), last_letters(&[LOWER])),
        };
        let caps = word.len() == 3 && word.iter().all(u8::is_ascii_uppercase);
        (has_shape(&s, word) && has_last_letter(&l, word)) || caps
    }

    #[test]
    fn the_rows_hold_every_word_the_tables_hold_and_few_more() {
        let rows = shape_rows(
            (&shapes(&[LOWER]), &last_letters(&[LOWER])),
            (&shapes(&[LOWER, CAPITAL]), &last_letters(&[LOWER, CAPITAL])),
        );
        let text = crate::fixture_texts().concat();
        let mut words: Vec<Vec<u8>> = text
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty())
            .map(|w| w.as_bytes().to_vec())
            .collect();
        // Every word of up to three letters from a few, in both cases, and the listed ones.
        let letters = b"aAeEhHmMqQrRsStTyYzZ";
        for &a in letters {
            words.push(vec![a]);
            for &b in letters {
                words.push(vec![a, b]);
                words.extend(letters.iter().map(|&c| vec![a, b, c]));
            }
        }
        // The listed words of letters (the rows are not asked of a word with a digit: `q1`).
        let listed = LOWER
            .iter()
            .chain(CAPITAL)
            .filter(|w| w.iter().all(u8::is_ascii_alphabetic));
        words.extend(listed.flat_map(|w| [w.to_vec(), w.to_ascii_uppercase()]));
        let (mut held, mut more) = (0, 0);
        for w in &words {
            let second = w.get(1).copied().unwrap_or(b' ');
            let new = may_start(&rows, w.len(), w[0], second, w[w.len() - 1]);
            let old = by_tables(w);
            // Three letters led by a capital are asked as any three capitals too.
            let three_capitalized = w.len() == 3 && w[0].is_ascii_uppercase();
            assert!(
                new == old || (new && three_capitalized),
                "{:?}",
                String::from_utf8_lossy(w)
            );
            held += usize::from(old);
            more += usize::from(new && !old);
        }
        assert!(held > 300 && more < held / 4, "{held} held, {more} more");
        // A word of one letter is asked whatever byte follows it.
        assert!(may_start(&rows, 1, b'a', b',', b'a') && !may_start(&rows, 1, b'b', b' ', b'b'));
        assert!(!may_start(&rows, LONGEST + 1, b't', b'h', b'e') && !may_start(&rows, 63, b't', b'h', b'e'));
    }
}
