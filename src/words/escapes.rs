//! The bytes a JSON string escapes (`"`, `\` and the controls below 0x20), found eight
//! bytes at a time: the JSON writer copies the runs between them whole.

use super::{HIGH, each};

/// Whether a JSON string escapes byte `b`.
const fn json_escapes(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The length of the run at the start of `b` that a JSON string holds as it is: up to its
/// first byte that [`json_escapes`]. Of the bytes a word's subtractions flag, the lowest
/// is always one of them: a false flag needs a borrow from a true one below it.
pub(crate) fn json_plain_run(b: &[u8]) -> usize {
    let zero = |y: u64| y.wrapping_sub(each(1)) & !y & HIGH;
    let mut i = 0;
    while let Some(chunk) = b.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
        let x = u64::from_le_bytes(chunk);
        let flags = (x.wrapping_sub(each(0x20)) & !x & HIGH) | zero(x ^ each(b'"')) | zero(x ^ each(b'\\'));
        if flags != 0 {
            return i + (flags.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while let Some(&c) = b.get(i) {
        if json_escapes(c) {
            return i;
        }
        i += 1;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The run as a look at each byte finds it.
    fn plain_run_by_bytes(b: &[u8]) -> usize {
        b.iter().position(|&c| json_escapes(c)).unwrap_or(b.len())
    }

    proptest::proptest! {
        /// The escaped bytes, the bytes one off them (a borrow between lanes must not end
        /// a run) and non-ASCII bytes, at every lane of a word and in the tail.
        #[test]
        fn runs_are_found_as_byte_by_byte(picks in proptest::collection::vec(0..12usize, 0..40)) {
            const BYTES: [u8; 12] = [b'a', b'"', b'\\', 0x1f, 0x20, 0, b'\n', b'#', b']', 0x80, 0xe2, 0x21];
            let b: Vec<u8> = picks.iter().map(|&n| BYTES[n]).collect();
            proptest::prop_assert_eq!(json_plain_run(&b), plain_run_by_bytes(&b), "{:?}", b);
        }
    }

    #[test]
    fn every_byte_at_every_lane() {
        for len in 0..20 {
            for lane in 0..len {
                for byte in 0..=255u8 {
                    let mut b = vec![b'k'; len];
                    b[lane] = byte;
                    assert_eq!(json_plain_run(&b), plain_run_by_bytes(&b), "{len} {lane} {byte:#x}");
                }
            }
        }
    }
}
