//! The walk to the tokens of a sentence the scan must look at: bytes and words stepped
//! over by 64-byte masks, and the test of each token it stops at (`token_at`).

use super::leads::{lead_of, lead_starts, lead_turned_away, needs_lookahead};
use super::triggers::{LONGEST_TRIGGER, SHAPE_ROWS, has_trigger_shape, is_capitalized_trigger, is_trigger_word};
use crate::words::scan::may_start;
use crate::words::{lowered, scan_classes, window_at};

/// The character before `pos` is a letter or digit (any script).
pub(super) fn alnum_before(sentence: &str, pos: usize) -> bool {
    match sentence.as_bytes().get(pos.wrapping_sub(1)) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => sentence[..pos].chars().next_back().is_some_and(char::is_alphanumeric),
    }
}

/// A digit that continues an identifier (`COVID-19`, `F-16`, `1:1`, `2+2`, `Industry 4.0`) starts no figure.
pub(super) fn continues_identifier(sentence: &str, pos: usize) -> bool {
    match sentence.as_bytes().get(pos.wrapping_sub(1)) {
        None => false,
        Some(b'-' | b':' | b'/' | b'.' | b'+') => alnum_before(sentence, pos - 1),
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric() || *b == b'_',
        Some(_) => alnum_before(sentence, pos),
    }
}

/// Whether the ASCII word `sentence[pos..end]` (a letter first; with a digit in it when
/// `has_digit`) should be read: the shape filter first, as `token_at` asked it of every
/// word before the walk turned most away (the tests hold `word_starts_figure` alone to it).
#[cfg(test)]
pub(super) fn word_is_candidate(sentence: &str, pos: usize, end: usize, has_digit: bool) -> bool {
    let word = sentence.as_bytes().get(pos..end).unwrap_or_default();
    !word.is_empty() && starts_candidate_word(word, has_digit) && word_starts_figure(sentence, word, pos, end)
}
/// Whether `word`, at `sentence[pos..end]` and no longer than any trigger, should be read:
/// the full test, which `word_is_candidate` spares most words. Kept out of line: inlined,
/// it made the token walk too big to be inlined into the scan's loop (measured).
#[inline(never)]
fn word_starts_figure(sentence: &str, word: &[u8], pos: usize, end: usize) -> bool {
    let starts = match needs_lookahead(word, sentence.get(end..).unwrap_or_default()) {
        Some(ok) => ok,
        None => {
            if word.len() > LONGEST_TRIGGER {
                return false;
            }
            // `USD34.6 million`: a code glued to its number.
            let capitalized = word[0].is_ascii_uppercase() && {
                let letters = word.iter().position(u8::is_ascii_digit).unwrap_or(word.len());
                is_capitalized_trigger(&word[..letters])
            };
            // Else ASCII letters and digits, no longer than a trigger: lowered on the stack.
            let mut buf = [0u8; LONGEST_TRIGGER];
            capitalized || lowered(&mut buf, word).is_some_and(is_trigger_word)
        }
    };
    // Last: most words are no trigger, and a word glued to a letter before (`éthe`) is rare.
    starts && !alnum_before(sentence, pos)
}

/// The bytes other than ASCII letters and digits that a token the scan may read starts
/// with: `$`, `-`, and the lead bytes of `₩ € ¥ £ ₹ −` and of vulgar fractions. Every other
/// byte is a token of its own that starts nothing (`token_at`). The walk reads them from
/// `ScanClasses::others`, which the tests hold to this.
#[cfg(test)]
fn starts_other_token(c: u8) -> bool {
    matches!(c, b'$' | b'-' | 0xC2 | 0xE2)
}

/// The walk to the tokens the scan must look at. Bytes that start no token, and words of
/// letters that no trigger has the shape of (most words) and that no `$` follows, are
/// stepped over here, from masks of 64 bytes' letters and digits and of the other bytes
/// that start a token, kept while the walk is in them: `token_at` would read each as no
/// candidate (no trigger is that long or has that shape). So are the leads whose next word
/// starts no figure (`the report`: `lead_turned_away`), and the other tokens that start
/// nothing where they stand (`year-on-year`, `’`: `other_starts_nothing`).
pub(super) struct Walk<'a> {
    bytes: &'a [u8],
    /// Where the masked bytes start (past the end before the first).
    block: usize,
    /// The block's bytes, and a zero after them: the byte after a word's first is read
    /// with no test of the block's edge.
    window: [u8; 65],
    alnum: u64,
    digits: u64,
    /// The other bytes that start a token (`starts_other_token`).
    others: u64,
}

impl<'a> Walk<'a> {
    pub(super) fn new(bytes: &'a [u8]) -> Self {
        Walk {
            bytes,
            block: usize::MAX,
            window: [0; 65],
            alnum: 0,
            digits: 0,
            others: 0,
        }
    }

    fn load(&mut self, from: usize) {
        self.block = from;
        let block: [u8; 64] = window_at(self.bytes, from);
        self.window[..64].copy_from_slice(&block);
        let classes = scan_classes(&block);
        self.alnum = classes.alnum;
        self.digits = classes.digits;
        self.others = classes.others;
    }

    /// The word after one space from `window[end]`, read from the masks where it ends
    /// within the block and before an ASCII byte (nearly always): what `next_ascii_word`
    /// reads there. `None` where it must read the text (more white space, no word, the
    /// block's edge).
    fn next_word_in_block(&self, end: usize) -> Option<&[u8]> {
        let from = end + 1;
        if self.window.get(end) != Some(&b' ') || from >= 64 {
            return None;
        }
        let len = (!(self.alnum >> from)).trailing_zeros() as usize;
        let after = self.window.get(from + len).filter(|_| from + len < 64)?;
        (len > 0 && after.is_ascii()).then(|| &self.window[from..from + len])
    }

    /// The end of the ASCII letters and digits from `pos`, and whether a digit is among
    /// them, read from the masks where `pos` is in the block and the run ends within it:
    /// what `word_end` reads there, for the token the walk stopped at.
    pub(super) fn word_end_in_block(&self, pos: usize) -> Option<(usize, bool)> {
        let i = pos.checked_sub(self.block).filter(|&i| i < 64)?;
        let len = (!(self.alnum >> i)).trailing_zeros() as usize;
        let has_digit = ((self.digits >> i).trailing_zeros() as usize) < len;
        (i + len < 64).then_some((pos + len, has_digit))
    }

    /// `word_end(bytes, at)` for a word that runs from `at` in the block to its last byte:
    /// the next block is loaded and the word's end and digits read from its masks, or
    /// from the text where the word runs past that block too.
    #[inline(never)]
    fn word_across(&mut self, at: usize) -> (usize, bool) {
        let head_digit = self.digits >> (at - self.block) != 0;
        self.load(self.block + 64);
        let tail = (!self.alnum).trailing_zeros();
        if tail == 64 {
            return word_end(self.bytes, at);
        }
        let tail_digit = self.digits & ((1 << tail) - 1) != 0;
        (self.block + tail as usize, head_digit || tail_digit)
    }

    /// The first byte from `pos` that starts a token the scan must look at (the end when
    /// none does).
    pub(super) fn next_token_start(&mut self, mut pos: usize) -> usize {
        let bytes = self.bytes;
        while pos < bytes.len() {
            if !(self.block..self.block.saturating_add(64)).contains(&pos) {
                self.load(pos);
            }
            let from = pos - self.block;
            // The bytes before the walk's are left out: the byte it stands on starts a token
            // whatever is before it.
            let live = u64::MAX << from;
            let alnum = self.alnum & live;
            let mut starts = (alnum & !(alnum << 1)) | (self.others & live);
            // The bytes that call for a closer look: at a token's start, a digit or another
            // byte (no letter: `other_starts_nothing`); after a word, the byte past a run
            // with a digit (the digit's carry runs up through the run's bits to it) or one
            // that starts a token (`$`: `HK$5`).
            let digit_ends = alnum.wrapping_add(self.digits & live) & !alnum;
            let special = digit_ends | self.digits | self.others;
            let mut next = self.block + 64;
            while starts != 0 {
                let i = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                if special >> i & 1 != 0 {
                    let at = self.block + i;
                    if other_starts_nothing(bytes, at) {
                        continue;
                    }
                    return at;
                }
                let len = (!(alnum >> i)).trailing_zeros() as usize;
                if i + len >= 64 {
                    // A word that runs on past the block: its end read from the next
                    // block's masks, where the walk goes on after it (no other token
                    // starts in this block).
                    let at = self.block + i;
                    let (end, has_digit) = self.word_across(at);
                    let candidate = starts_candidate_word(&bytes[at..end], has_digit) || bytes.get(end) == Some(&b'$');
                    if candidate && (has_digit || !lead_turned_away(bytes, at, end)) {
                        return at;
                    }
                    next = end;
                    break;
                }
                let end = i + len;
                // A word of letters before a plain byte is asked by its shape in one
                // look-up; the few others by the full test.
                let plain = special >> end & 1 == 0;
                let has_digit = !plain && ((self.digits >> i).trailing_zeros() as usize) < len;
                let candidate = match plain {
                    true => may_start(
                        &SHAPE_ROWS,
                        len,
                        self.window[i],
                        self.window[i + 1],
                        self.window[(end - 1) & 63],
                    ),
                    false => starts_candidate_word(&self.window[i..end], has_digit) || self.window[end & 63] == b'$',
                };
                if candidate {
                    let at = self.block + i;
                    if !has_digit && len <= 4 {
                        let turned_away = match self.next_word_in_block(i + len) {
                            Some(next) => lead_of(&self.window[i..i + len]).is_some_and(|lead| {
                                !lead_starts(lead, next, next.first().is_some_and(u8::is_ascii_digit))
                            }),
                            None => lead_turned_away(bytes, at, at + len),
                        };
                        if turned_away {
                            continue;
                        }
                    }
                    return at;
                }
            }
            pos = next;
        }
        bytes.len()
    }
}

/// Whether a word led by a letter (with a digit in it when `has_digit`) may be a candidate:
/// not when it is longer than any trigger; a word of letters, in any case, only when some
/// trigger has its length and first two letters and its length and first and last
/// letters (case folded), or when it is three capitals (a currency code: `USD`); a word
/// with a digit only when it has two bytes (`q3`, `H1`) or a capital first (a code or
/// name glued to its number: `USD34`, `FY2024`). Most words are turned away here.
/// Inlined: out of line, its calls cost more than the words the last letter turns away
/// (measured).
#[inline(always)]
fn starts_candidate_word(word: &[u8], has_digit: bool) -> bool {
    if word.len() > LONGEST_TRIGGER {
        return false;
    }
    if has_digit {
        return word.len() == 2 || word.first().is_some_and(u8::is_ascii_uppercase);
    }
    has_trigger_shape(word) || (word.len() == 3 && word.iter().all(u8::is_ascii_uppercase))
}

/// The bytes of the words the scan steps over: ASCII letters, and digits (marked apart).
const LETTER: u8 = 1;
const DIGIT: u8 = 2;
static WORD_BYTE: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b'0'..=b'9' => DIGIT,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// The end of the ASCII letters and digits from `pos`, and whether a digit is among them.
fn word_end(bytes: &[u8], mut pos: usize) -> (usize, bool) {
    let mut seen = 0;
    while let Some(&b) = bytes.get(pos) {
        let class = WORD_BYTE[b as usize];
        if class == 0 {
            break;
        }
        seen |= class;
        pos += 1;
    }
    (pos, seen & DIGIT != 0)
}

/// What the token at `pos` is, for the scan: whether the grammar should be asked there,
/// and where the token ends. Bytes: every byte of every sentence comes here.
#[cfg(test)]
fn token_at(sentence: &str, pos: usize) -> (bool, usize) {
    token_at_with(sentence, pos, None)
}

/// `token_at`, given `word_end(bytes, pos)` where the walk's masks tell it (`word`).
pub(super) fn token_at_with(sentence: &str, pos: usize, word: Option<(usize, bool)>) -> (bool, usize) {
    let bytes = sentence.as_bytes();
    let word_end = || word.unwrap_or_else(|| word_end(bytes, pos));
    match bytes[pos] {
        b'0'..=b'9' => (!continues_identifier(sentence, pos), word_end().0),
        b'a'..=b'z' | b'A'..=b'Z' => {
            // The walk has asked the word's shape: the full test alone decides (no word it
            // reads fails the shape filter, `word_is_candidate`).
            let (end, _) = word_end();
            let word = &bytes[pos..end];
            let dollar = bytes.get(end) == Some(&b'$') && names_a_dollar(word);
            let starts = dollar || word_starts_figure(sentence, word, pos, end);
            // `the rise`, `first time`: no kind starts there, told without `figure_at`.
            let lead = matches!(word, b"the" | b"first" | b"between");
            (
                starts && !(lead && crate::grammar::lead_word_turned_away(sentence, pos, word)),
                end,
            )
        }
        b'$' | b'-' => (!alnum_before(sentence, pos), pos + 1),
        // The lead bytes of `₩ € ¥ £ ₹ −` and of vulgar fractions (`½`, `⅛`); any other
        // non-ASCII character starts nothing.
        0xC2 | 0xE2 => {
            let c = sentence[pos..].chars().next().unwrap_or(' ');
            (sign_or_fraction(c) && !alnum_before(sentence, pos), pos + c.len_utf8())
        }
        _ => (false, pos + 1),
    }
}

/// A minus sign, a currency sign or a vulgar fraction: the characters beyond ASCII that
/// may start a figure (`−5`, `€3`, `½`).
fn sign_or_fraction(c: char) -> bool {
    let sign = c == '\u{2212}' || crate::grammar::money::is_currency_sign(c);
    sign || matches!(c, '¼'..='¾' | '⅕'..='⅞')
}

/// A token at `bytes[at]` other than a word or a number that `token_at` would read as no
/// candidate, told by the walk without it: `$` or `-` after an ASCII letter or digit
/// (`year-on-year`), a character beyond ASCII that is no sign or fraction (`’`, `—`, a
/// no-break space). False where `token_at` must look (a digit, a sign after a letter
/// beyond ASCII).
fn other_starts_nothing(bytes: &[u8], at: usize) -> bool {
    let after_alnum = || {
        at.checked_sub(1)
            .and_then(|p| bytes.get(p))
            .is_some_and(u8::is_ascii_alphanumeric)
    };
    match bytes.get(at) {
        Some(b'$' | b'-') => after_alnum(),
        // The character decoded from its bytes (two after `0xC2`, three after `0xE2`).
        Some(0xC2) => bytes
            .get(at + 1)
            .and_then(|&b| char::from_u32(0x80 | u32::from(b & 0x3F)))
            .is_some_and(|c| !sign_or_fraction(c)),
        Some(0xE2) => match bytes.get(at + 1..at + 3) {
            Some(&[b1, b2]) => char::from_u32(0x2000 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F))
                .is_some_and(|c| !sign_or_fraction(c)),
            _ => false,
        },
        _ => false,
    }
}

/// `HK`, `NT`, `S`...: letters that name a dollar when `$` follows (`HK$`).
fn names_a_dollar(letters: &[u8]) -> bool {
    crate::grammar::money::PREFIXED_DOLLARS
        .iter()
        .any(|(p, _)| p.as_bytes() == letters)
}

/// The positions where the scan asks the grammar for a figure, when none is read: every
/// token the trigger test lets through, found by the scan's walk (for tests; `figures`
/// resumes after each figure it reads instead).
#[cfg(test)]
pub fn candidates(sentence: &str) -> impl Iterator<Item = usize> + '_ {
    let mut pos = 0;
    let mut walk = Walk::new(sentence.as_bytes());
    std::iter::from_fn(move || {
        loop {
            pos = walk.next_token_start(pos);
            if pos >= sentence.len() {
                return None;
            }
            let (candidate, token_end) = token_at(sentence, pos);
            let at = pos;
            pos = token_end;
            if candidate {
                return Some(at);
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::leads::needs_lookahead_by_next_word;

    #[test]
    fn the_shape_filter_turns_away_no_word_the_full_test_reads() {
        let mut text = crate::fixture_texts().concat();
        // Every trigger in three cases, with a digit glued on, and after a letter.
        for w in "a an the this last next first twenty q1 h2 us rmb minus between today dozen \
                  March Sept Monday USD KRW MAY ICT CEO Q3 USD34 Jan2025 éthe date2025 FY2024 \
                  EVs COVID OECD EU UK Rs RM Rp Fy MOTIE iPhone tHE ONE TWENTY THIRD fy2024 x1 rs5"
            .split_whitespace()
        {
            for v in [w.to_string(), w.to_uppercase(), w.to_lowercase()] {
                text.push_str(&format!(" {v} 5 {v} year {v} past {v} million {v}."));
            }
        }
        let bytes = text.as_bytes();
        let (mut pos, mut words, mut read) = (0, 0, 0);
        while pos < bytes.len() {
            if !bytes[pos].is_ascii_alphabetic() {
                pos += 1;
                continue;
            }
            let (end, has_digit) = word_end(bytes, pos);
            let full = end - pos <= LONGEST_TRIGGER && word_starts_figure(&text, &bytes[pos..end], pos, end);
            assert_eq!(
                word_is_candidate(&text, pos, end, has_digit),
                full,
                "{:?}",
                &text[pos..end]
            );
            words += 1;
            read += usize::from(full);
            pos = end;
        }
        assert!(words > 4_000 && read > 500, "{words} words, {read} read");
    }

    #[test]
    fn the_shape_rows_turn_away_no_word_of_letters_the_full_test_lets_through() {
        let mut text = crate::fixture_texts().concat();
        for w in "a an the this first twenty us rmb minus between March Sept Monday USD KRW MAY ICT CEO \
                  EVs COVID OECD EU UK Rs RM Rp Fy MOTIE tHE ONE TWENTY THIRD Jan Fiscal FISCAL"
            .split_whitespace()
        {
            text.push_str(&format!(" {w} {} {}", w.to_uppercase(), w.to_lowercase()));
        }
        let (mut through, mut more) = (0, 0);
        for w in text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()) {
            let w = w.as_bytes();
            let second = w.get(1).copied().unwrap_or(b' ');
            let new = crate::words::scan::may_start(&SHAPE_ROWS, w.len(), w[0], second, w[w.len() - 1]);
            let old = starts_candidate_word(w, false);
            assert!(new || !old, "{:?}", String::from_utf8_lossy(w));
            through += usize::from(old);
            more += usize::from(new && !old);
        }
        assert!(through > 1_000 && more * 50 < through, "{through} through, {more} more");
    }

    /// `word_starts_figure` as it was: the word lowered on the stack, and the next word of
    /// a frequent lead read by characters (the oracle of the byte reading).
    fn word_starts_figure_by_lowering(sentence: &str, word: &[u8], pos: usize, end: usize) -> bool {
        let mut buf = [0u8; LONGEST_TRIGGER];
        let Some(lower) = lowered(&mut buf, word) else {
            return false;
        };
        let starts = match needs_lookahead_by_next_word(lower, sentence.get(end..).unwrap_or_default()) {
            Some(ok) => ok,
            None => {
                let capitalized = word[0].is_ascii_uppercase() && {
                    let letters = word.iter().position(u8::is_ascii_digit).unwrap_or(word.len());
                    is_capitalized_trigger(&word[..letters])
                };
                capitalized || is_trigger_word(lower)
            }
        };
        starts && !alnum_before(sentence, pos)
    }

    #[test]
    fn the_leads_told_by_bytes_start_what_the_lowered_words_started() {
        let mut text = crate::fixture_texts().concat();
        for w in "a an the this last next first twenty q1 us USD34 dozen March".split_whitespace() {
            for v in [w.to_string(), w.to_uppercase()] {
                for next in [
                    " 5",
                    " year",
                    " Year",
                    " past",
                    " PAST",
                    " March",
                    " MAR",
                    "\u{a0}past",
                    " pastés",
                    " x",
                    ",",
                    "",
                ] {
                    text.push_str(&format!(" {v}{next} "));
                }
            }
        }
        let bytes = text.as_bytes();
        let (mut pos, mut read) = (0, 0);
        while pos < bytes.len() {
            if !bytes[pos].is_ascii_alphabetic() {
                pos += 1;
                continue;
            }
            let (end, _) = word_end(bytes, pos);
            let word = &bytes[pos..end];
            let new = word_starts_figure(&text, word, pos, end);
            assert_eq!(
                new,
                word_starts_figure_by_lowering(&text, word, pos, end),
                "{:?}",
                &text[pos..]
            );
            read += usize::from(new);
            pos = end;
        }
        assert!(read > 500, "{read}");
    }

    #[test]
    fn the_masks_end_a_word_where_the_byte_walk_does() {
        let text = crate::fixture_texts().concat() + " x1 9a é5 $5 a-b USD34.6 ";
        let bytes = text.as_bytes();
        let mut walk = Walk::new(bytes);
        let mut told = 0;
        for block in (0..bytes.len()).step_by(29) {
            walk.load(block);
            for pos in block.saturating_sub(3)..block + 70 {
                let Some(known) = walk.word_end_in_block(pos) else {
                    continue;
                };
                if bytes.get(pos).is_some_and(u8::is_ascii_alphanumeric) {
                    assert_eq!(known, word_end(bytes, pos), "at {pos}");
                    told += 1;
                }
            }
        }
        assert!(told > 10_000, "{told}");
    }

    #[test]
    fn a_word_across_two_blocks_ends_where_the_byte_walk_ends_it() {
        let long = "x".repeat(70);
        let text = crate::fixture_texts().concat() + &format!(" {long} {long}5 x{long} USD34.6 a1 Q3 ");
        let bytes = text.as_bytes();
        let mut told = 0;
        for block in (0..bytes.len().saturating_sub(64)).step_by(7) {
            // The word that runs to the block's last byte, from each of its bytes.
            let run = (block..block + 64)
                .rev()
                .take_while(|&at| bytes[at].is_ascii_alphanumeric());
            for at in run {
                let mut walk = Walk::new(bytes);
                walk.load(block);
                assert_eq!(walk.word_across(at), word_end(bytes, at), "at {at}");
                told += 1;
            }
        }
        assert!(told > 10_000, "{told}");
    }

    /// The candidates of `token_at` asked at every token: the oracle of the walk, which
    /// steps over most words without asking.
    fn candidates_at_every_token(sentence: &str) -> Vec<usize> {
        let mut pos = 0;
        let mut out = Vec::new();
        while pos < sentence.len() {
            let (candidate, token_end) = token_at(sentence, pos);
            if candidate {
                out.push(pos);
            }
            pos = token_end;
        }
        out
    }

    #[test]
    fn the_next_word_in_the_block_is_read_only_after_one_space_and_before_ascii() {
        let next = |text: &str, end: usize| {
            let mut walk = Walk::new(text.as_bytes());
            walk.load(0);
            walk.next_word_in_block(end).map(<[u8]>::to_vec)
        };
        assert_eq!(next("the past year", 3), Some(b"past".to_vec()));
        assert_eq!(next("the 24th", 3), Some(b"24th".to_vec()));
        assert_eq!(next("the  past", 3), None);
        assert_eq!(next("the\u{a0}past", 3), None);
        assert_eq!(next("the pastés", 3), None);
        assert_eq!(next("the ,", 3), None);
        assert_eq!(next(&format!("{} the past", "x".repeat(56)), 60), None);
    }

    #[test]
    fn the_walk_skips_no_candidate_of_any_token() {
        let mut texts = crate::fixture_texts();
        texts.push("the 5th, a thousand, Q3, q4, h1, USD34, HK$5, mid-2024, abcdefghijklmnopqr 9 café 3 a1 aB".into());
        texts.push("’5 —5 \u{a0}5 £5 ¥5 €5 ₹5 −5 ½ x½ é-5 é$5 x$5 x-5 (-5) ‰5 “5”".into());
        // Leads that run across the walk's 64-byte blocks, before words that start a figure or not.
        for shift in 0..6 {
            let pad = "x".repeat(58 + shift);
            texts.push(format!(
                "{pad} the past {pad} the report {pad} a million {pad} this year {pad} an é"
            ));
        }
        for text in &texts {
            assert_eq!(candidates(text).collect::<Vec<_>>(), candidates_at_every_token(text));
        }
    }

    proptest::proptest! {
        #[test]
        fn no_word_the_full_test_reads_fails_the_shape_filter(
            random in "[A-Za-z][A-Za-z0-9]{0,17}",
            listed in proptest::sample::select(vec![
                "a", "an", "the", "this", "last", "next", "first", "twenty", "q", "h", "us", "rmb", "fy", "Jan",
                "March", "Sept", "May", "Monday", "USD", "KRW", "CEO", "Rs", "RM", "Rp", "US", "FY", "dozen",
            ]),
            cases: u32,
            digits in "[0-9]{0,4}",
            pick_listed: bool,
            after in proptest::sample::select(vec!["", " 5", " year", " past", " million", " March", "$5", ","]),
        ) {
            // `token_at` asks `word_starts_figure` alone: it must read no word the filter
            // would have turned away. A listed word in any case, with digits glued on.
            let word = match pick_listed {
                true => listed
                    .bytes()
                    .enumerate()
                    .map(|(n, b)| if cases >> n & 1 != 0 { b.to_ascii_uppercase() } else { b.to_ascii_lowercase() } as char)
                    .collect::<String>() + &digits,
                false => random,
            };
            let text = format!("{word}{after}");
            let end = word.len();
            if word_starts_figure(&text, word.as_bytes(), 0, end) {
                let has_digit = word.bytes().any(|b| b.is_ascii_digit());
                proptest::prop_assert!(starts_candidate_word(word.as_bytes(), has_digit), "{}", text);
            }
        }

        #[test]
        fn any_text_walks_to_the_candidates_of_every_token(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "the", "a", "first", "March", "may", "q3", "h1", "mid", "rose", "USD", "HK", "$",
                    "-", "5", "12.5", "percent", "é", "€", "½", "−", "thirty", "aB", "x1", "fiscal", "Korea", "S",
                    "abcdefghijklmnopq", ",", ".", " ", "\u{a0}", "an", "This", "LAST", "next", "past", "year",
                    "Million", "A$", "thé", "24th", "\t", "’", "—", "£", "¥", "¼", "₹", "‰",
                ]),
                0..24,
            )
        ) {
            let text = words.concat();
            proptest::prop_assert_eq!(candidates(&text).collect::<Vec<_>>(), candidates_at_every_token(&text));
        }
    }

    #[test]
    fn bytes_that_start_no_token_are_tokens_that_read_nothing() {
        let text = crate::fixture_texts().concat() + "½ € − ₩ ’ é 中 \u{a0} $ -";
        for (pos, b) in text.bytes().enumerate() {
            if !b.is_ascii_alphanumeric() && !starts_other_token(b) {
                assert_eq!(token_at(&text, pos), (false, pos + 1), "byte {pos}");
            }
        }
        for b in 0..=255u8 {
            let others = scan_classes(&[b; 64]).others;
            assert_eq!(others, if starts_other_token(b) { u64::MAX } else { 0 }, "{b}");
        }
        assert_eq!(Walk::new(b"  , 5").next_token_start(0), 4);
        assert_eq!(Walk::new(b"  ,").next_token_start(1), 3);
    }
}
