//! Masks of a window's bytes by class (bit `i`: byte `i`), sixteen bytes a step in SSE2,
//! which every x86-64 has: one compare (two for a range) and one `movemask` a class,
//! where `bits_where` makes a byte of each answer and then gathers them, at about three
//! times the cost. Each mask keeps its portable reading, a byte at a time: the way on
//! other targets, and the oracle its tests hold the vector reading to.
//!
//! The crate's `unsafe` outside its tests is here and only here: each vector reading is a
//! `#[target_feature(enable = "sse2")]` function, called behind
//! `cfg(target_feature = "sse2")`, the one condition of calling it.

use super::bits_where;

/// Whether this build reads by SSE2.
macro_rules! sse2 {
    (if $yes:block else $no:block) => {{
        #[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
        {
            // SAFETY: SSE2 is enabled in this build (the `cfg` above): the only condition
            // of calling a function that enables it.
            unsafe { $yes }
        }
        #[cfg(not(all(target_arch = "x86_64", target_feature = "sse2")))]
        {
            $no
        }
    }};
}

/// Bytes `i` of `window` that are one of `set`: the sentence splitter's stops.
#[inline(always)]
pub(crate) fn among<const K: usize>(window: &[u8; 64], set: [u8; K]) -> u64 {
    sse2!(if { vector::among(window, set) } else { among_by_bytes(window, set) })
}

/// [`among`] a byte at a time.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2", not(test)), allow(dead_code))]
fn among_by_bytes<const K: usize>(window: &[u8; 64], set: [u8; K]) -> u64 {
    bits_where(window, |c| set.contains(&c)) as u64
}

/// Whether the sixteen bytes of two little-endian words hold a byte of `set`: the CSV
/// writer's bytes to quote for, in a short field.
#[inline(always)]
pub(crate) fn pair_holds<const K: usize>(first: u64, last: u64, set: [u8; K]) -> bool {
    sse2!(if { vector::pair_holds(first, last, set) } else { pair_holds_by_bytes(first, last, set) })
}

/// [`pair_holds`] a byte at a time.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2", not(test)), allow(dead_code))]
fn pair_holds_by_bytes<const K: usize>(first: u64, last: u64, set: [u8; K]) -> bool {
    first
        .to_le_bytes()
        .iter()
        .chain(&last.to_le_bytes())
        .any(|c| set.contains(c))
}

/// The bytes outside ASCII's printable range (the controls and every byte of a non-ASCII
/// character), and the spaces: what the white-space fold of a release body looks for.
#[inline(always)]
pub(crate) fn unprintable_and_spaces(window: &[u8; 64]) -> (u64, u64) {
    sse2!(if { vector::unprintable_and_spaces(window) } else { unprintable_and_spaces_by_bytes(window) })
}

/// [`unprintable_and_spaces`] a byte at a time.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2", not(test)), allow(dead_code))]
fn unprintable_and_spaces_by_bytes(window: &[u8; 64]) -> (u64, u64) {
    (
        bits_where(window, |c| !(b' '..0x80).contains(&c)) as u64,
        bits_where(window, |c| c == b' ') as u64,
    )
}

/// The ASCII letters and digits of the first 64 bytes of `bytes`; with `FOLD`, their
/// capitals lower-cased in place on the way: the period rules' phrase walk.
#[inline(always)]
pub(crate) fn alnum<const FOLD: bool, const N: usize>(bytes: &mut [u8; N]) -> u64 {
    sse2!(if { vector::alnum::<FOLD, N>(bytes) } else { alnum_by_bytes::<FOLD, N>(bytes) })
}

/// [`alnum`] a byte at a time.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2", not(test)), allow(dead_code))]
fn alnum_by_bytes<const FOLD: bool, const N: usize>(bytes: &mut [u8; N]) -> u64 {
    let first = bytes.first_chunk_mut::<64>().map_or([0; 64], |first| {
        if FOLD {
            first.make_ascii_lowercase();
        }
        *first
    });
    bits_where(&first, |c| c.is_ascii_alphanumeric()) as u64
}

/// The ASCII letters of a 64-byte window: the runs of letters a sentence's tense is read
/// from (`words::each_long_letter_run`).
#[inline(always)]
pub(crate) fn letters(window: &[u8; 64]) -> u64 {
    sse2!(if { vector::letters(window) } else { letters_by_bytes(window) })
}

/// [`letters`] a byte at a time.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2", not(test)), allow(dead_code))]
fn letters_by_bytes(window: &[u8; 64]) -> u64 {
    bits_where(window, |c| c.is_ascii_alphabetic()) as u64
}

/// The byte classes the scan's walk steps by, of a 64-byte window: ASCII letters and
/// digits, digits, and the other bytes that may start a token (`$`, `-`, and the lead
/// bytes `0xC2`, `0xE2` of `€ £ ¥ ₩ ₹ −` and vulgar fractions).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ScanClasses {
    pub alnum: u64,
    pub digits: u64,
    pub others: u64,
}

/// The [`ScanClasses`] of a window.
#[inline(always)]
pub(crate) fn scan_classes(window: &[u8; 64]) -> ScanClasses {
    sse2!(if { vector::scan_classes(window) } else { scan_classes_by_bytes(window) })
}

/// [`scan_classes`] a byte at a time.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2", not(test)), allow(dead_code))]
fn scan_classes_by_bytes(window: &[u8; 64]) -> ScanClasses {
    ScanClasses {
        alnum: bits_where(window, |c| c.is_ascii_alphanumeric()) as u64,
        digits: bits_where(window, |c| c.is_ascii_digit()) as u64,
        others: bits_where(window, |c| matches!(c, b'$' | b'-' | 0xC2 | 0xE2)) as u64,
    }
}

/// The non-ASCII bytes of a window, and those outside printable ASCII (the controls, DEL
/// and the non-ASCII bytes): what reading an input's bytes looks at.
#[inline(always)]
pub(crate) fn high_and_odd(window: &[u8; 64]) -> (u64, u64) {
    sse2!(if { vector::high_and_odd(window) } else { high_and_odd_by_bytes(window) })
}

/// [`high_and_odd`] a byte at a time.
#[cfg_attr(all(target_arch = "x86_64", target_feature = "sse2", not(test)), allow(dead_code))]
fn high_and_odd_by_bytes(window: &[u8; 64]) -> (u64, u64) {
    (
        bits_where(window, |c| c >= 0x80) as u64,
        bits_where(window, |c| !(b' '..0x7f).contains(&c)) as u64,
    )
}

/// An input held whole, read once: its text, whether cleaning may change any byte of it
/// (a control but tab and line feed, DEL, or 0xC2, the lead byte of the C1 controls) and
/// where its line feeds are; or its bytes back when they hold a NUL or are not UTF-8 (for
/// the reading that says where). Only the bytes outside printable ASCII are looked at one
/// by one; each run of non-ASCII bytes is checked by `str::from_utf8` on its own, which checks the
/// whole (an ASCII byte is a character of its own and a byte of no other).
/// (`String::from_utf8`, the cleaning's test and the search for each line's end each read
/// every byte.)
pub(crate) fn utf8_text(bytes: Vec<u8>) -> Result<(String, bool, Vec<usize>), Vec<u8>> {
    let mut breaks = Vec::new();
    match clean_utf8_read(&bytes, &mut breaks) {
        // SAFETY: every run of non-ASCII bytes is UTF-8 (`clean_utf8_read`), and so is
        // every ASCII byte.
        Some(unclean) => Ok((unsafe { String::from_utf8_unchecked(bytes) }, unclean, breaks)),
        None => Err(bytes),
    }
}

/// Whether cleaning may change a byte of `bytes`, when they are UTF-8 without a NUL; their
/// line feeds in `breaks`.
fn clean_utf8_read(bytes: &[u8], breaks: &mut Vec<usize>) -> Option<bool> {
    // Where the last run of non-ASCII bytes checked ends.
    let (mut unclean, mut checked_to) = (false, 0);
    let mut block = 0;
    while block < bytes.len() {
        let padded: [u8; 64];
        let window = match bytes.get(block..).and_then(<[u8]>::first_chunk::<64>) {
            Some(whole) => whole,
            None => {
                padded = super::window_at(bytes, block);
                &padded
            }
        };
        let (_, odd) = high_and_odd(window);
        // The padding past the end is no byte of the text.
        let mut marks = match bytes.len() - block {
            n if n < 64 => odd & ((1 << n) - 1),
            _ => odd,
        };
        while marks != 0 {
            let at = block + marks.trailing_zeros() as usize;
            marks &= marks - 1;
            match bytes.get(at).copied().unwrap_or(0) {
                0 => return None,
                b'\n' => breaks.push(at),
                b'\t' => {}
                b @ 0x80.. => {
                    unclean |= b == 0xc2;
                    // The run of non-ASCII bytes from here, checked whole.
                    if at >= checked_to {
                        let run = bytes.get(at..).unwrap_or_default();
                        checked_to = at + run.iter().position(u8::is_ascii).unwrap_or(run.len());
                        if std::str::from_utf8(bytes.get(at..checked_to).unwrap_or_default()).is_err() {
                            return None;
                        }
                    }
                }
                _ => unclean = true,
            }
        }
        block += 64;
    }
    Some(unclean)
}

/// The readings in SSE2. A byte moved by a constant so that its range starts at -128
/// (wrapping) is in the range when below -128 plus the range's size: one signed compare.
#[cfg(all(target_arch = "x86_64", target_feature = "sse2"))]
mod vector {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_and_si128, _mm_cmpeq_epi8, _mm_cmplt_epi8, _mm_cvtsi128_si64, _mm_movemask_epi8,
        _mm_or_si128, _mm_set_epi64x, _mm_set1_epi8, _mm_setzero_si128, _mm_unpackhi_epi64,
    };

    /// Sixteen bytes as one register.
    #[target_feature(enable = "sse2")]
    fn load(chunk: &[u8]) -> __m128i {
        let mut halves = [0i64; 2];
        for (h, eight) in halves.iter_mut().zip(chunk.chunks_exact(8)) {
            *h = eight.try_into().map_or(0, i64::from_le_bytes);
        }
        _mm_set_epi64x(halves[1], halves[0])
    }

    /// The registers to compare with for the bytes of `set`.
    #[target_feature(enable = "sse2")]
    fn splat<const K: usize>(set: [u8; K]) -> [__m128i; K] {
        set.map(|c| _mm_set1_epi8(c as i8))
    }

    /// The lanes of `v` equal to one of the bytes `set` splats.
    #[target_feature(enable = "sse2")]
    fn any_of<const K: usize>(v: __m128i, set: &[__m128i; K]) -> __m128i {
        match set.split_first() {
            Some((first, rest)) => rest.iter().fold(_mm_cmpeq_epi8(v, *first), |acc, c| {
                _mm_or_si128(acc, _mm_cmpeq_epi8(v, *c))
            }),
            None => _mm_setzero_si128(),
        }
    }

    /// The lanes of a compare's answer as the bits `16 * n..16 * n + 16` of a mask
    /// (`movemask` fills the low 16 bits of an `i32`).
    #[target_feature(enable = "sse2")]
    fn bits(m: __m128i, n: usize) -> u64 {
        u64::from(_mm_movemask_epi8(m) as u16) << (16 * n)
    }

    #[target_feature(enable = "sse2")]
    pub(super) fn among<const K: usize>(window: &[u8; 64], set: [u8; K]) -> u64 {
        let set = splat(set);
        let mut mask = 0;
        for (n, chunk) in window.chunks_exact(16).enumerate() {
            mask |= bits(any_of(load(chunk), &set), n);
        }
        mask
    }

    #[target_feature(enable = "sse2")]
    pub(super) fn pair_holds<const K: usize>(first: u64, last: u64, set: [u8; K]) -> bool {
        _mm_movemask_epi8(any_of(_mm_set_epi64x(last as i64, first as i64), &splat(set))) != 0
    }

    #[target_feature(enable = "sse2")]
    pub(super) fn scan_classes(window: &[u8; 64]) -> super::ScanClasses {
        // The constants as `i8`: their bit patterns.
        let to_a = _mm_set1_epi8(0x80u8.wrapping_sub(b'a') as i8);
        let to_0 = _mm_set1_epi8(0x80u8.wrapping_sub(b'0') as i8);
        let fold = _mm_set1_epi8(0x20);
        let (letters, digits) = (_mm_set1_epi8((0x80u8 + 26) as i8), _mm_set1_epi8((0x80u8 + 10) as i8));
        let others = splat([b'$', b'-', 0xC2, 0xE2]);
        let mut classes = super::ScanClasses {
            alnum: 0,
            digits: 0,
            others: 0,
        };
        for (n, chunk) in window.chunks_exact(16).enumerate() {
            let v = load(chunk);
            let letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, fold), to_a), letters);
            let digit = _mm_cmplt_epi8(_mm_add_epi8(v, to_0), digits);
            classes.alnum |= bits(_mm_or_si128(letter, digit), n);
            classes.digits |= bits(digit, n);
            classes.others |= bits(any_of(v, &others), n);
        }
        classes
    }

    #[target_feature(enable = "sse2")]
    pub(super) fn letters(window: &[u8; 64]) -> u64 {
        // The constants as `i8`: their bit patterns.
        let to_a = _mm_set1_epi8(0x80u8.wrapping_sub(b'a') as i8);
        let fold = _mm_set1_epi8(0x20);
        let letters = _mm_set1_epi8((0x80u8 + 26) as i8);
        let mut mask = 0;
        for (n, chunk) in window.chunks_exact(16).enumerate() {
            let v = load(chunk);
            mask |= bits(_mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, fold), to_a), letters), n);
        }
        mask
    }

    /// As signed bytes, the controls (`0..0x20`) and the non-ASCII bytes (`0x80..`,
    /// negative) are exactly the bytes below a space: one compare.
    #[target_feature(enable = "sse2")]
    pub(super) fn unprintable_and_spaces(window: &[u8; 64]) -> (u64, u64) {
        let space = _mm_set1_epi8(b' ' as i8);
        let (mut odd, mut spaces) = (0, 0);
        for (n, chunk) in window.chunks_exact(16).enumerate() {
            let v = load(chunk);
            odd |= bits(_mm_cmplt_epi8(v, space), n);
            spaces |= bits(_mm_cmpeq_epi8(v, space), n);
        }
        (odd, spaces)
    }

    /// The top bits of the bytes are the non-ASCII ones; as signed bytes, the controls and
    /// the non-ASCII bytes are exactly the bytes below a space (DEL besides).
    #[target_feature(enable = "sse2")]
    pub(super) fn high_and_odd(window: &[u8; 64]) -> (u64, u64) {
        let (space, del) = (_mm_set1_epi8(b' ' as i8), _mm_set1_epi8(0x7f));
        let (mut high, mut odd) = (0, 0);
        for (n, chunk) in window.chunks_exact(16).enumerate() {
            let v = load(chunk);
            high |= bits(v, n);
            odd |= bits(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, del)), n);
        }
        (high, odd)
    }

    #[target_feature(enable = "sse2")]
    pub(super) fn alnum<const FOLD: bool, const N: usize>(bytes: &mut [u8; N]) -> u64 {
        // The constants as `i8`: their bit patterns.
        let to_a = _mm_set1_epi8(0x80u8.wrapping_sub(b'a') as i8);
        let to_capital = _mm_set1_epi8(0x80u8.wrapping_sub(b'A') as i8);
        let to_0 = _mm_set1_epi8(0x80u8.wrapping_sub(b'0') as i8);
        let case = _mm_set1_epi8(0x20);
        let (letters, digits) = (_mm_set1_epi8((0x80u8 + 26) as i8), _mm_set1_epi8((0x80u8 + 10) as i8));
        let Some(first) = bytes.first_chunk_mut::<64>() else {
            return 0;
        };
        let mut mask = 0u64;
        for (n, chunk) in first.chunks_exact_mut(16).enumerate() {
            let mut v = load(chunk);
            if FOLD {
                // A capital's `0x20` set, and the bytes written back.
                let capital = _mm_cmplt_epi8(_mm_add_epi8(v, to_capital), letters);
                v = _mm_or_si128(v, _mm_and_si128(capital, case));
                chunk[..8].copy_from_slice(&_mm_cvtsi128_si64(v).to_le_bytes());
                chunk[8..].copy_from_slice(&_mm_cvtsi128_si64(_mm_unpackhi_epi64(v, v)).to_le_bytes());
            }
            let letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(v, case), to_a), letters);
            let digit = _mm_cmplt_epi8(_mm_add_epi8(v, to_0), digits);
            mask |= bits(_mm_or_si128(letter, digit), n);
        }
        mask
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes at the edges of every class read here, and a few of each kind besides.
    const EDGES: [u8; 26] = [
        0x00, 0x09, 0x0a, 0x0d, 0x1f, b' ', b'!', b'"', b',', b'.', b'/', b'0', b'9', b':', b'?', b'@', b'A', b'Z',
        b'[', b'`', b'a', b'z', b'{', 0x7f, 0x80, 0xff,
    ];

    /// Every edge byte at every lane, against a background of each of a few bytes.
    fn windows() -> impl Iterator<Item = [u8; 64]> {
        [b'a', b'Q', b'5', b' ', 0xc3].into_iter().flat_map(|fill| {
            EDGES.into_iter().flat_map(move |b| {
                (0..64).map(move |lane| {
                    let mut window = [fill; 64];
                    window[lane] = b;
                    window
                })
            })
        })
    }

    const STOPS: [u8; 4] = [b'.', b'!', b'?', b'\n'];
    const QUOTED: [u8; 4] = [b',', b'"', b'\n', b'\r'];

    #[test]
    fn each_mask_is_its_byte_reading_at_every_lane() {
        for window in windows() {
            assert_eq!(among(&window, STOPS), among_by_bytes(&window, STOPS), "{window:?}");
            assert_eq!(letters(&window), letters_by_bytes(&window), "{window:?}");
            assert_eq!(
                unprintable_and_spaces(&window),
                unprintable_and_spaces_by_bytes(&window)
            );
            let (first, last) = (
                window[..8].try_into().map(u64::from_le_bytes),
                window[56..].try_into().map(u64::from_le_bytes),
            );
            let (Ok(first), Ok(last)) = (first, last) else {
                panic!("eight bytes")
            };
            assert_eq!(
                pair_holds(first, last, QUOTED),
                pair_holds_by_bytes(first, last, QUOTED)
            );
            assert_eq!(high_and_odd(&window), high_and_odd_by_bytes(&window));
            for_both_folds(&window);
        }
    }

    fn for_both_folds(window: &[u8; 64]) {
        let mut block = [0u8; 72];
        block[..64].copy_from_slice(window);
        let (mut a, mut b) = (block, block);
        assert_eq!(alnum::<false, 72>(&mut a), alnum_by_bytes::<false, 72>(&mut b));
        assert_eq!(a, b);
        let (mut a, mut b) = (block, block);
        assert_eq!(alnum::<true, 72>(&mut a), alnum_by_bytes::<true, 72>(&mut b));
        assert_eq!(a, b, "folded in place");
    }

    #[test]
    fn the_byte_readings_say_what_they_mean() {
        let mut window = [b'x'; 64];
        window[3] = b'.';
        window[40] = b'\n';
        window[41] = b' ';
        window[63] = 0xc3;
        assert_eq!(among_by_bytes(&window, STOPS), 1 << 3 | 1 << 40);
        assert_eq!(letters_by_bytes(&window), !(1 << 3 | 1 << 40 | 1 << 41 | 1 << 63));
        assert_eq!(unprintable_and_spaces_by_bytes(&window), (1 << 40 | 1 << 63, 1 << 41));
        assert!(pair_holds_by_bytes(u64::from(b','), 0, QUOTED));
        assert!(!pair_holds_by_bytes(u64::from_le_bytes(*b"abc 1.5%"), 0x7f, QUOTED));
    }

    #[test]
    fn letters_and_digits_of_a_block_agree_with_the_byte_test() {
        for b in 0..=255u8 {
            for at in [0, 7, 8, 15, 16, 31, 63, 64] {
                // Every other byte around it, so that no neighbour leaks into its bit.
                for fill in [b'5', b' ', b'z', b'Z', 0xff, 0x00, b'@', b'['] {
                    let mut block = [fill; 72];
                    block[at] = b;
                    let want = block[..64]
                        .iter()
                        .enumerate()
                        .fold(0u64, |m, (i, c)| m | u64::from(c.is_ascii_alphanumeric()) << i);
                    let mut lower = block;
                    lower[..64].make_ascii_lowercase();
                    for (by_bytes, fold) in [(false, false), (false, true), (true, false), (true, true)] {
                        let mut got = block;
                        let bits = match (by_bytes, fold) {
                            (false, false) => alnum::<false, 72>(&mut got),
                            (false, true) => alnum::<true, 72>(&mut got),
                            (true, false) => alnum_by_bytes::<false, 72>(&mut got),
                            (true, true) => alnum_by_bytes::<true, 72>(&mut got),
                        };
                        assert_eq!(bits, want, "{b:#x} at {at}");
                        assert_eq!(got, if fold { lower } else { block }, "{b:#x} at {at}");
                    }
                }
            }
        }
    }

    #[test]
    fn scan_classes_agree_with_the_byte_reading_on_every_byte_in_every_lane() {
        // Each byte value in each of the 64 places, its neighbours varied.
        for b in 0..=255u8 {
            for at in 0..64 {
                let mut window = [b'a'; 64];
                window[at] = b;
                window[(at + 7) % 64] = b.wrapping_add(at as u8);
                assert_eq!(scan_classes(&window), scan_classes_by_bytes(&window), "{b} at {at}");
            }
        }
        let text = crate::fixture_texts().concat();
        for block in text.as_bytes().chunks(64) {
            let window = crate::words::window_at::<64>(block, 0);
            assert_eq!(scan_classes(&window), scan_classes_by_bytes(&window));
        }
    }

    proptest::proptest! {
        #[test]
        fn scan_classes_of_any_window_are_the_byte_reading(bytes in proptest::collection::vec(proptest::num::u8::ANY, 64)) {
            let window = crate::words::window_at::<64>(&bytes, 0);
            proptest::prop_assert_eq!(scan_classes(&window), scan_classes_by_bytes(&window));
        }
    }

    proptest::proptest! {
        /// The vector readings are the byte readings on windows of every byte value.
        #[test]
        fn random_windows(bytes in proptest::collection::vec(proptest::num::u8::ANY, 64)) {
            let window: [u8; 64] = bytes.try_into().unwrap_or([0; 64]);
            proptest::prop_assert_eq!(among(&window, STOPS), among_by_bytes(&window, STOPS));
            proptest::prop_assert_eq!(letters(&window), letters_by_bytes(&window));
            proptest::prop_assert_eq!(unprintable_and_spaces(&window), unprintable_and_spaces_by_bytes(&window));
            let word = |at: usize| u64::from_le_bytes(std::array::from_fn(|i| window[at + i]));
            proptest::prop_assert_eq!(pair_holds(word(0), word(8), QUOTED), pair_holds_by_bytes(word(0), word(8), QUOTED));
            for_both_folds(&window);
        }
    }

    /// The one reading of an input: its text and whether cleaning may change it, as
    /// `String::from_utf8` and the cleaning's own test answer.
    fn utf8_text_by_std(bytes: &[u8]) -> Option<(String, bool, Vec<usize>)> {
        let needs = |b: &u8| matches!(*b, 0..=0x1f | 0x7f | 0xc2) && !matches!(*b, b'\t' | b'\n');
        if bytes.contains(&0) {
            return None;
        }
        let text = String::from_utf8(bytes.to_vec()).ok()?;
        let breaks = memchr::memchr_iter(b'\n', bytes).collect();
        Some((text, bytes.iter().any(needs), breaks))
    }

    proptest::proptest! {
        /// Characters of every length, cut ones, stray continuation bytes, controls and
        /// C1 controls, at every place of a few blocks.
        #[test]
        fn inputs_are_read_as_utf8_and_cleaning_judge_them(
            picks in proptest::collection::vec(0..16usize, 0..200),
        ) {
            const PIECES: [&[u8]; 16] = [
                b"word ", b"\n", b"\t", b"\r", b"\x1b[1m", b"\x7f", b"\0", "\u{85}".as_bytes(),
                "\u{a0}".as_bytes(), "\u{20ac}".as_bytes(), "\u{1f600}".as_bytes(), b"\xe2\x82",
                b"\x80", b"\xc3", "\u{e9}".as_bytes(), b"0123456789abcdefghij",
            ];
            let bytes: Vec<u8> = picks.iter().flat_map(|&n| PIECES[n].iter().copied()).collect();
            let want = utf8_text_by_std(&bytes);
            proptest::prop_assert_eq!(utf8_text(bytes.clone()).ok(), want, "{:?}", bytes);
        }
    }
}
