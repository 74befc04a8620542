//! The grammar's tests of a word or number at a candidate: the lead words a kind may start
//! with (`grammar::figure_at`), a number in digits and the byte after it (`grammar::Starts`),
//! and the run of a phrase's word (`grammar/phrase/tokens.rs`). Each with its oracle test.

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

// ---- The grammar's phrase words (`word_len` in `grammar/phrase/tokens.rs`)

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
