//! White space folded: `fold_space`, and where a span of a text lands in its fold.

use std::borrow::Cow;

use crate::words::window_at;

/// White space runs -> one space, trimmed. Borrowed when there is nothing to fold (most
/// sentences): no copy is made for them.
pub fn fold_space(s: &str) -> Cow<'_, str> {
    if is_folded(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(fold_runs(s))
}

/// What a byte is to the fold: part of a word, ASCII white space, or the lead byte of a
/// character that may be white space (U+0085, U+00A0, U+1680, U+2000..U+205F, U+3000).
const WORD: u8 = 0;
const SPACE: u8 = 1;
const MAYBE_SPACE: u8 = 2;
static FOLD_CLASS: [u8; 256] = {
    let mut t = [WORD; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            c if crate::words::ascii_space(c) => SPACE,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => MAYBE_SPACE,
            _ => WORD,
        };
        b += 1;
    }
    t
};

/// The length of the white-space character at `at` (a byte of `s`), 0 if there is none.
fn space_len(s: &str, at: usize) -> usize {
    match s.as_bytes().get(at).map(|&b| FOLD_CLASS[b as usize]) {
        Some(SPACE) => 1,
        Some(MAYBE_SPACE) => s
            .get(at..)
            .and_then(|r| r.chars().next())
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

/// `s.split_whitespace()` joined by single spaces. Text is copied in runs that have
/// nothing to fold (words and the single spaces between them), found from masks of 64
/// bytes at a time; only where a run may end (see `fold_marks`) are the bytes looked at.
fn fold_runs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_runs_into(s, &mut out, |_, _| {});
    out
}

/// [`fold_runs`], appended to `out`. Each run of text copied as it is (words and single
/// spaces) is handed to `run` first: where it starts in `s`, and in `out`.
pub(super) fn fold_runs_into(s: &str, out: &mut String, mut run_at: impl FnMut(usize, usize)) {
    let b = s.as_bytes();
    let start = out.len();
    let mut pos = 0;
    while let n @ 1.. = space_len(s, pos) {
        pos += n;
    }
    let mut run = pos;
    let mut block = pos;
    while block < b.len() {
        let mut marks = fold_marks(b, block);
        while marks != 0 {
            let at = block + marks.trailing_zeros() as usize;
            marks &= marks - 1;
            // Passed over with the white space before it, or no white space.
            if at < pos || space_len(s, at) == 0 {
                continue;
            }
            // White space at `at` (a character boundary) ends the run.
            run_at(run, out.len());
            out.push_str(s.get(run..at).unwrap_or_default());
            pos = at;
            while let n @ 1.. = space_len(s, pos) {
                pos += n;
            }
            if pos < b.len() && out.len() > start {
                out.push(' ');
            }
            run = pos;
        }
        block = (block + 64).max(pos);
    }
    run_at(run, out.len());
    out.push_str(s.get(run..).unwrap_or_default());
}

/// Where the folded form of `span` of a text stands in the text's fold, from the runs
/// `fold_runs_into` noted (in order, with where each landed). A span that starts and ends
/// with a word (a trimmed sentence) folds to the same words and single spaces as the
/// whole text does there: its fold is that piece of the text's, no fold of its own needed.
/// (Each end's run searched for: the oracle of [`Landing`].)
#[cfg(test)]
fn folded_span(runs: &[(usize, usize)], span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    // A byte of the text lands as far into its run's copy as it is into the run.
    let landed = |at: usize| {
        let n = runs.partition_point(|&(from, _)| from <= at);
        runs.get(n.wrapping_sub(1)).map_or(0, |&(from, to)| to + (at - from))
    };
    if span.is_empty() {
        return 0..0;
    }
    landed(span.start)..landed(span.end - 1) + 1
}

/// Where spans of a text stand in its fold (see `folded_span`), asked for in reading
/// order (a release's sentences): the run of each end is found by walking on from the
/// last one's, not searched for from the start again (half a sentence column's cost went
/// into the two searches).
pub(super) struct Landing<'a> {
    runs: &'a [(usize, usize)],
    /// Runs `..next` start at or before the last byte asked for.
    next: std::cell::Cell<usize>,
}

impl<'a> Landing<'a> {
    pub(super) fn new(runs: &'a [(usize, usize)]) -> Self {
        Landing {
            runs,
            next: std::cell::Cell::new(0),
        }
    }

    /// `folded_span` of `span`.
    pub(super) fn span(&self, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        if span.is_empty() {
            return 0..0;
        }
        self.landed(span.start)..self.landed(span.end - 1) + 1
    }

    /// Where byte `at` of the text lands in its fold.
    fn landed(&self, at: usize) -> usize {
        let runs = self.runs;
        let mut n = self.next.get();
        // Asked for a byte before the last one: searched for.
        if n > 0 && runs.get(n - 1).is_some_and(|&(from, _)| from > at) {
            n = runs.partition_point(|&(from, _)| from <= at);
        }
        while runs.get(n).is_some_and(|&(from, _)| from <= at) {
            n += 1;
        }
        self.next.set(n);
        runs.get(n.wrapping_sub(1)).map_or(0, |&(from, to)| to + (at - from))
    }
}

/// Bit `i` set where folding may have to happen at byte `from + i` of `b`: an ASCII
/// control, a non-ASCII byte, or a space before either or before another space (or before
/// the end). A false mark only costs a look at one byte.
fn fold_marks(b: &[u8], from: usize) -> u64 {
    // Read in place where 64 bytes remain (a copy of them was a call to `memcpy`).
    let padded: [u8; 64];
    let window = match b.get(from..).and_then(<[u8]>::first_chunk::<64>) {
        Some(whole) => whole,
        None => {
            padded = window_at(b, from);
            &padded
        }
    };
    let (odd, space) = crate::words::unprintable_and_spaces(window);
    // The byte after each: at or below a space, or not ASCII (the end reads as `0`).
    let after = b.get(from + 64).copied().unwrap_or(0);
    let next_loud = (odd | space) >> 1 | u64::from(after <= b' ' || after >= 0x80) << 63;
    // The padding past the end is no byte of the text.
    let valid = match b.len() - from {
        n if n < 64 => (1 << n) - 1,
        _ => u64::MAX,
    };
    (odd | space & next_loud) & valid
}

/// True when `s` has no white space to fold (most sentences: single ASCII spaces only).
/// One pass over the byte pairs, written as a fold without early exit so that it
/// vectorizes, finds a run of spaces, an ASCII control (`\t`, `\n`...) and any non-ASCII
/// byte; only then are the non-ASCII white spaces looked for: they start with 0xC2
/// (U+0085, U+00A0) or 0xE1..=0xE3 (U+1680, U+2000..U+205F, U+3000) and are decoded there
/// to tell them from `’`.
fn is_folded(s: &str) -> bool {
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return true;
    };
    if first == b' ' || last == b' ' {
        return false;
    }
    const FOLD: u8 = 1;
    const HIGH: u8 = 2;
    let flag = |x: u8| u8::from(x < 0x20) | (u8::from(x >= 0x80) << 1);
    let flags = b
        .iter()
        .zip(b.get(1..).unwrap_or_default())
        .fold(flag(last), |acc, (&x, &y)| {
            acc | flag(x) | u8::from((x == b' ') & (y == b' '))
        });
    if flags & FOLD != 0 {
        return false;
    }
    let unicode_space = |lead: usize| {
        s.get(lead..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_whitespace)
    };
    flags & HIGH == 0
        || !(memchr::memchr3_iter(0xc2, 0xe2, 0xe3, b).any(unicode_space)
            || memchr::memchr_iter(0xe1, b).any(unicode_space))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sentences;

    #[test]
    fn every_white_space_folds() {
        assert_eq!(fold_space("Korea’s  exports\u{a0}rose"), "Korea’s exports rose");
        assert_eq!(
            fold_space("an\u{2003}em space and an\u{3000}ideographic one"),
            "an em space and an ideographic one"
        );
        assert_eq!(fold_space(" edges "), "edges");
        assert_eq!(fold_space("’quoted’ "), "’quoted’");
        assert_eq!(fold_space("plain text"), "plain text");
    }

    /// `fold_space` as it was before its one-pass test: the oracle of `is_folded`.
    fn plain_fold(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    proptest::proptest! {
        #[test]
        fn the_one_pass_test_folds_as_split_whitespace(
            picks in proptest::collection::vec(0..22usize, 0..24),
        ) {
            const PIECES: [&str; 22] = [
                " ", "  ", "\u{a0}", "\u{2003}", "\u{3000}", "\u{1680}", "\u{85}", "\u{205f}", "\u{2028}",
                "\r\n", "\n", "\t", "\u{b}", "\u{1c}", "\u{7f}", "’", "é", "‘", "—", "U.S.", "3.5", "word",
            ];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            let folded = fold_space(&text);
            let want = plain_fold(&text);
            proptest::prop_assert_eq!(&*folded, want.as_str(), "{:?}", text);
            // Borrowed only when there was nothing to fold.
            proptest::prop_assert!(matches!(folded, Cow::Owned(_)) || folded == text);
        }

        #[test]
        fn any_text_folds_as_split_whitespace(text in "(\\PC|\\s|\u{85}|\u{a0}|\u{2003}|\u{1680}){0,40}") {
            proptest::prop_assert_eq!(fold_runs(&text), plain_fold(&text), "{:?}", text);
        }
    }

    proptest::proptest! {
        /// Each sentence's piece of the body's fold is the sentence folded on its own (the
        /// way it was written before), on text with every kind of white space and stop.
        #[test]
        fn a_sentence_folds_as_its_piece_of_the_body(
            picks in proptest::collection::vec(0..24usize, 0..40),
        ) {
            const PIECES: [&str; 24] = [
                " ", "  ", "\u{a0}", "\u{2003}", "\u{3000}", "\u{85}", "\r\n", "\n", "\n\n", "\t",
                "’", "é", "U.S.", "3.5", "word", "Rose", ". ", "! ", "? ", "\"", "It", "x,", ".", "7",
            ];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            let (mut folded, mut runs) = (String::from("head"), Vec::new());
            fold_runs_into(&text, &mut folded, |from, to| runs.push((from, to)));
            let whole = plain_fold(&text);
            proptest::prop_assert_eq!(&folded[4..], whole.as_str());
            let landing = Landing::new(&runs);
            for span in sentences::split(&text) {
                let piece = folded_span(&runs, &span);
                proptest::prop_assert_eq!(landing.span(&span), piece.clone(), "{:?} in {:?}", span, text);
                let want = fold_space(&text[span.clone()]);
                proptest::prop_assert_eq!(folded.get(piece), Some(&*want), "{:?} in {:?}", span, text);
            }
        }
    }
}
