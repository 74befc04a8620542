//! Phrase lists found in a text by one walk over its words (the period rules' lists).

use super::{among, masks};

/// A list of lower-case phrases found whole in a text by one walk over its words: each
/// run of ASCII letters and digits that may be a first word of a phrase by its first two
/// bytes is looked up once (a run of at most 8 bytes by its bytes as one number, a longer
/// one by its length and edge bytes, then among the first words of its first byte), and
/// only the phrases it opens are compared there. Every phrase opens and
/// closes with an ASCII letter or digit (a phrase that does not is never found), so a
/// phrase standing whole at a byte starts a run there, and that run is its first word.
pub struct Phrases {
    phrases: Vec<&'static str>,
    /// The first words, by first byte, each with the phrases (by index, in list order)
    /// that open with it; those of byte `b` are `first_words[bucket[b]..bucket[b + 1]]`.
    first_words: Vec<(&'static str, Opened)>,
    bucket: [usize; 257],
    /// For each byte, bit `n` set when a first word of `n` bytes (under 64) opens with it,
    /// and when one ends with it: most runs are no first word, and are told so without
    /// hashing.
    opening: [u64; 256],
    closing: [u64; 256],
    /// For each byte, bit `SECOND[second]` set when a first word opens with it and then
    /// `second` (a word of one byte: then any byte but a letter or digit, or `0` at the
    /// end of the text). Asked at every run's start, before its end is looked for.
    seconds: [u64; 256],
    /// The first words of at most 8 bytes, hashed by their bytes read as one
    /// little-endian number (a word's own: its bytes are never 0): `(key, n)` for
    /// `first_words[n]`, `(0, _)` an empty slot. A run of at most 8 bytes that ends in
    /// its block is answered here, whole, by one number.
    short: Vec<(u64, usize)>,
    short_shift: u32,
}

/// The class of a byte after a run's first: each ASCII digit and letter (by case) its
/// own, every other byte one more (62).
static SECOND: [u8; 256] = {
    let mut classes = [62u8; 256];
    let mut b = 0;
    while b < 10 {
        classes[b'0' as usize + b] = b as u8;
        b += 1;
    }
    let mut l = 0;
    while l < 26 {
        classes[b'a' as usize + l] = 10 + l as u8;
        classes[b'A' as usize + l] = 36 + l as u8;
        l += 1;
    }
    classes
};

/// The bytes of a word of at most 8 bytes as one little-endian number.
fn word_number(word: &[u8]) -> u64 {
    word.iter().rev().fold(0, |k, &b| k << 8 | u64::from(b))
}

/// The slot a short key is looked for from.
fn short_slot(key: u64, shift: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> shift) as usize
}

/// The phrases a first word opens (by index, in list order), and the bytes they may go on
/// with after the word and one separator: bit `SECOND[b]` of `after` (every bit when one
/// is the word alone).
struct Opened {
    phrases: Vec<u16>,
    after: u64,
}

impl Opened {
    /// The phrases that may stand at a run of `len` bytes at `start`: none when the byte
    /// after the run and a separator goes on with none of them.
    fn at<const FOLD: bool>(&self, text: &[u8], start: usize, len: usize) -> &[u16] {
        let after = text
            .get(start + len + 1)
            .map_or(0, |&b| SECOND[usize::from(fold::<FOLD>(b))]);
        if self.after >> after & 1 == 0 {
            return &[];
        }
        &self.phrases
    }
}

/// The first word of a phrase: its leading run of ASCII letters and digits.
fn first_word(phrase: &str) -> &str {
    let end = phrase
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(phrase.len());
    &phrase[..end]
}

/// `b`, lower-cased when `FOLD` (a walk in any case); the phrases are lower case.
fn fold<const FOLD: bool>(b: u8) -> u8 {
    if FOLD { b.to_ascii_lowercase() } else { b }
}

/// `phrase` stands in `text` at `at`, with no letter or digit glued on either side (in
/// any case when `FOLD`).
fn whole_at_as<const FOLD: bool>(text: &[u8], at: usize, phrase: &[u8]) -> bool {
    let end = at + phrase.len();
    // The last bytes first: most phrases a run opens end otherwise.
    let same = |t: &[u8]| {
        if FOLD {
            t.eq_ignore_ascii_case(phrase)
        } else {
            t == phrase
        }
    };
    text.get(end.wrapping_sub(1)).map(|&b| fold::<FOLD>(b)).as_ref() == phrase.last()
        && text.get(at..end).is_some_and(same)
        && (at == 0 || !text[at - 1].is_ascii_alphanumeric())
        && text.get(end).is_none_or(|c| !c.is_ascii_alphanumeric())
}

impl Phrases {
    pub fn new(phrases: impl IntoIterator<Item = &'static str>) -> Phrases {
        let phrases: Vec<&'static str> = phrases.into_iter().collect();
        let (mut opening, mut closing) = ([0u64; 256], [0u64; 256]);
        let mut seconds = [0u64; 256];
        // Each findable phrase with its first word, in list order, then grouped by that
        // word (see below).
        let mut by_word: Vec<(&'static str, u16, u64)> = Vec::with_capacity(phrases.len());
        for (n, p) in phrases.iter().enumerate() {
            let edges = [p.as_bytes().first(), p.as_bytes().last()];
            if !edges.iter().all(|b| b.is_some_and(u8::is_ascii_alphanumeric)) {
                continue;
            }
            let word = first_word(p);
            let (Some(&first), Some(&last)) = (word.as_bytes().first(), word.as_bytes().last()) else {
                continue;
            };
            if word.len() >= 64 {
                continue;
            }
            opening[usize::from(first)] |= 1 << word.len();
            closing[usize::from(last)] |= 1 << word.len();
            // A word of one byte goes on with any byte but a letter or digit: all of one
            // class.
            let second = word.as_bytes().get(1).copied().unwrap_or(b' ');
            seconds[usize::from(first)] |= 1 << SECOND[usize::from(second)];
            // The byte after the word and its separator, where the phrase goes on.
            let after = p
                .as_bytes()
                .get(word.len() + 1)
                .map_or(u64::MAX, |&b| 1 << SECOND[usize::from(b)]);
            by_word.push((word, n as u16, after));
        }
        // By first byte (a stable sort keeps each byte's phrases in list order), then each
        // first word once among its byte's: each byte's words are one bucket. A sort by a
        // byte, not by the words: this is built at every start of the program.
        let first_byte = |w: &str| w.as_bytes().first().map_or(0, |&f| usize::from(f));
        by_word.sort_by_key(|&(w, ..)| first_byte(w));
        let mut first_words: Vec<(&'static str, Opened)> = Vec::with_capacity(by_word.len());
        let mut bucket_start = 0;
        for (word, n, after) in by_word {
            if first_words
                .last()
                .is_some_and(|(w, _)| first_byte(w) != first_byte(word))
            {
                bucket_start = first_words.len();
            }
            match first_words[bucket_start..].iter_mut().find(|(w, _)| *w == word) {
                Some((_, opened)) => {
                    opened.phrases.push(n);
                    opened.after |= after;
                }
                None => first_words.push((
                    word,
                    Opened {
                        phrases: vec![n],
                        after,
                    },
                )),
            }
        }
        // Where each byte's bucket starts: one walk, as the words are by first byte.
        let mut bucket = [0; 257];
        let mut k = 0;
        for (b, start) in bucket.iter_mut().enumerate() {
            while first_words.get(k).is_some_and(|(w, _)| first_byte(w) < b) {
                k += 1;
            }
            *start = k;
        }
        let slots = (2 * first_words.len()).next_power_of_two().max(2);
        let short_shift = 64 - slots.trailing_zeros();
        let mut short = vec![(0u64, 0usize); slots];
        for (n, (w, _)) in first_words.iter().enumerate().filter(|(_, (w, _))| w.len() <= 8) {
            let key = word_number(w.as_bytes());
            let mut i = short_slot(key, short_shift);
            while short[i].0 != 0 {
                i = (i + 1) & (slots - 1);
            }
            short[i] = (key, n);
        }
        Phrases {
            phrases,
            first_words,
            bucket,
            opening,
            closing,
            seconds,
            short,
            short_shift,
        }
    }

    /// The phrases that open with the short word whose key is `key`, if it is a first
    /// word.
    fn opened_by_short(&self, key: u64) -> Option<&Opened> {
        let mask = self.short.len() - 1;
        let mut i = short_slot(key, self.short_shift);
        loop {
            let &(k, n) = self.short.get(i)?;
            if k == key {
                return self.first_words.get(n).map(|(_, opened)| opened);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Whether a first word may open with the run of letters and digits whose first two
    /// bytes are `first` and `second` (`0` at the end of the text).
    fn may_open(&self, first: u8, second: u8) -> bool {
        self.seconds[usize::from(first)] >> SECOND[usize::from(second)] & 1 != 0
    }

    /// Every `(at, index)` where the phrase `index` stands whole in `text`, in order of
    /// position (of index at one position).
    pub fn find_in<'a>(&'a self, text: &'a str) -> Found<'a> {
        Found::new(self, text)
    }

    /// `find_in(&text.to_ascii_lowercase())`, without the lower-cased copy: the walk reads
    /// each ASCII letter as its lower case (the phrases are lower case).
    pub fn find_in_any_case<'a>(&'a self, text: &'a str) -> Found<'a, true> {
        Found::new(self, text)
    }

    pub fn phrase(&self, n: usize) -> &'static str {
        self.phrases[n]
    }

    /// Whether a first word has `len` bytes, opening with `first` and ending with `last`.
    fn may_be_first_word(&self, first: u8, last: u8, len: usize) -> bool {
        len < 64 && self.opening[usize::from(first)] & self.closing[usize::from(last)] & (1 << len) != 0
    }

    /// The phrases that open with the run of letters and digits `text[start..end]` (read
    /// in any case when `FOLD`).
    fn opened_by<const FOLD: bool>(&self, text: &str, start: usize, end: usize) -> Option<&Opened> {
        let (Some(&first), Some(&last)) = (text.as_bytes().get(start), text.as_bytes().get(end.wrapping_sub(1))) else {
            return None;
        };
        let (first, last) = (fold::<FOLD>(first), fold::<FOLD>(last));
        if !self.may_be_first_word(first, last, end - start) {
            return None;
        }
        let word = text.as_bytes().get(start..end).unwrap_or_default();
        let words = self
            .first_words
            .get(self.bucket[usize::from(first)]..self.bucket[usize::from(first) + 1])
            .unwrap_or_default();
        let same = |w: &[u8]| if FOLD { w.eq_ignore_ascii_case(word) } else { w == word };
        words.iter().find(|(w, _)| same(w.as_bytes())).map(|(_, opened)| opened)
    }
}

/// The 64 bytes of `text` from `from` and the first byte after them, `0` past the end
/// (and seven `0`s, so that eight bytes are read from any of the 64): a block of the
/// walk, read with no bound to check.
type Block = [u8; 72];

/// Reads the block of `text` at `from` into `bytes` (its ASCII letters in lower case when
/// `FOLD`), and returns the bits of its letters and digits (bit `i` for `bytes[i]`).
fn read_block<const FOLD: bool>(text: &[u8], from: usize, bytes: &mut Block) -> u64 {
    let rest = text.get(from..).unwrap_or_default();
    match rest.first_chunk::<64>() {
        Some(full) => {
            bytes[..64].copy_from_slice(full);
            bytes[64] = rest.get(64).copied().unwrap_or(0);
        }
        None => {
            *bytes = [0; 72];
            bytes.iter_mut().zip(rest).for_each(|(b, &c)| *b = c);
        }
    }
    if FOLD {
        bytes[64] = bytes[64].to_ascii_lowercase();
    }
    // The last block's padding is `0`s, no letter or digit.
    alnum_bits::<FOLD>(bytes)
}

/// Bit `i` set where `bytes[i]` is an ASCII letter or digit, for the first 64 bytes of a
/// block; with `FOLD`, their ASCII capitals lower-cased on the way. Read sixteen bytes a
/// step (`masks::alnum`): a block is read at every 64 bytes of every sentence the period
/// rules walk.
fn alnum_bits<const FOLD: bool>(bytes: &mut Block) -> u64 {
    masks::alnum::<FOLD, 72>(bytes)
}

/// The walk of [`Phrases::find_in`] (of [`Phrases::find_in_any_case`] when `FOLD`).
pub struct Found<'a, const FOLD: bool = false> {
    list: &'a Phrases,
    text: &'a str,
    /// The 64-byte block the walk is in, its bytes, the bits of its letters and digits,
    /// and the starts of runs in it not yet looked at.
    block: usize,
    bytes: Block,
    alnum: u64,
    starts: u64,
    /// The start of the last run, and the phrases it opens not yet compared.
    at: usize,
    opened: &'a [u16],
}

impl<'a, const FOLD: bool> Found<'a, FOLD> {
    fn new(list: &'a Phrases, text: &'a str) -> Found<'a, FOLD> {
        let mut bytes = [0; 72];
        let alnum = read_block::<FOLD>(text.as_bytes(), 0, &mut bytes);
        Found {
            list,
            text,
            block: 0,
            bytes,
            alnum,
            starts: alnum & !(alnum << 1),
            at: 0,
            opened: &[],
        }
    }
}

impl<'a, const FOLD: bool> Found<'a, FOLD> {
    /// The end of the run starting at bit `i` of the block. A run that fills the rest of
    /// the block (no other run starts there) moves the walk on to the block it ends in.
    fn run_end(&mut self, i: usize) -> usize {
        let run = (!(self.alnum >> i)).trailing_zeros() as usize;
        if i + run < 64 {
            return self.block + i + run;
        }
        let b = self.text.as_bytes();
        loop {
            let next = self.block + 64;
            if next >= b.len() {
                self.starts = 0;
                return b.len();
            }
            self.block = next;
            self.alnum = read_block::<FOLD>(b, next, &mut self.bytes);
            // The run goes on into the block: its first byte starts nothing.
            self.starts = self.alnum & !(self.alnum << 1 | 1);
            let ones = self.alnum.trailing_ones() as usize;
            if ones < 64 {
                return next + ones;
            }
        }
    }

    /// The next run that is a first word (the block moved to it): its start, and the
    /// phrases it opens.
    fn next_run(&mut self) -> Option<(usize, &'a [u16])> {
        let b = self.text.as_bytes();
        let list = self.list;
        // In locals: most runs are passed over here.
        let (mut block, mut alnum, mut starts) = (self.block, self.alnum, self.starts);
        loop {
            while starts != 0 {
                let i = starts.trailing_zeros() as usize;
                starts &= starts - 1;
                let k = i & 63;
                if !list.may_open(self.bytes[k], self.bytes[k + 1]) {
                    continue;
                }
                let len = (!(alnum >> k)).trailing_zeros() as usize;
                if k + len < 64 {
                    // A run that ends in its block.
                    // Its length and last byte first: most runs that pass the two-byte
                    // test are no first word, told so without hashing.
                    let opened = if !list.may_be_first_word(self.bytes[k], self.bytes[(k + len - 1) & 63], len) {
                        None
                    } else if len <= 8 {
                        let eight = self.bytes[k..k + 8].try_into().map_or(0, u64::from_le_bytes);
                        list.opened_by_short(eight & (u64::MAX >> (64 - 8 * len)))
                    } else {
                        list.opened_by::<FOLD>(self.text, block + k, block + k + len)
                    };
                    let opened = opened.map_or(&[][..], |o| o.at::<FOLD>(b, block + k, len));
                    if !opened.is_empty() {
                        (self.block, self.alnum, self.starts) = (block, alnum, starts);
                        return Some((block + k, opened));
                    }
                    continue;
                }
                // A run into the next block (none starts after it in this one).
                (self.block, self.alnum, self.starts) = (block, alnum, starts);
                let start = block + k;
                let end = self.run_end(k);
                let opened = list
                    .opened_by::<FOLD>(self.text, start, end)
                    .map_or(&[][..], |o| o.at::<FOLD>(b, start, end - start));
                if !opened.is_empty() {
                    return Some((start, opened));
                }
                (block, alnum, starts) = (self.block, self.alnum, self.starts);
            }
            let next = block + 64;
            if next >= b.len() {
                (self.block, self.alnum, self.starts) = (block, alnum, 0);
                return None;
            }
            // A run that goes on from the block before starts nothing.
            let carry = alnum >> 63;
            block = next;
            alnum = read_block::<FOLD>(b, next, &mut self.bytes);
            starts = alnum & !(alnum << 1 | carry);
        }
    }
}

impl<const FOLD: bool> Iterator for Found<'_, FOLD> {
    type Item = (usize, usize);

    fn next(&mut self) -> Option<(usize, usize)> {
        let b = self.text.as_bytes();
        loop {
            while let Some((&n, rest)) = self.opened.split_first() {
                self.opened = rest;
                let n = usize::from(n);
                if whole_at_as::<FOLD>(b, self.at, self.list.phrases[n].as_bytes()) {
                    return Some((self.at, n));
                }
            }
            (self.at, self.opened) = self.next_run()?;
        }
    }
}

/// Where the bytes of `set` stand in `text`, in order, written over `out`: 64 bytes a
/// step (`among`), one pass for a few kinds of bytes where a search per byte kind would
/// start again after each one found (the period rules' clause marks and brackets).
pub fn places_of<const K: usize>(text: &[u8], set: [u8; K], out: &mut Vec<usize>) {
    out.clear();
    for (n, chunk) in text.chunks(64).enumerate() {
        let mut found = match chunk.first_chunk::<64>() {
            Some(window) => among(window, set),
            None => {
                let mut window = [0u8; 64];
                window[..chunk.len()].copy_from_slice(chunk);
                // The padding is no byte of the text, even where `set` holds `0`.
                among(&window, set) & ((1u64 << chunk.len()) - 1)
            }
        };
        while found != 0 {
            out.push(64 * n + found.trailing_zeros() as usize);
            found &= found - 1;
        }
    }
}

#[cfg(test)]
mod phrase_tests {
    use super::*;

    /// `places_of` finds what a byte-by-byte search finds, at every length around the
    /// 64-byte steps and with `0` in the set (the padding of the last step).
    #[test]
    fn places_of_a_set_are_its_bytes_in_order() {
        let base: Vec<u8> = b"a,b;(c)d:[e]\0f \xc3\xa9,".iter().copied().cycle().take(300).collect();
        for len in (0..=200).chain([255, 256, 257, 300]) {
            let text = &base[..len];
            let mut got = Vec::new();
            places_of(text, [b',', b';', b':', b'(', b'[', b')', b']'], &mut got);
            let want: Vec<usize> = (0..len).filter(|&i| b",;:([)]".contains(&text[i])).collect();
            assert_eq!(got, want, "{len}");
            places_of(text, [0, b'f'], &mut got);
            let want: Vec<usize> = (0..len).filter(|&i| text[i] == 0 || text[i] == b'f').collect();
            assert_eq!(got, want, "{len}");
        }
    }

    /// `find_in` as it was: at every byte after no letter or digit, each phrase that starts
    /// there whole. The oracle of the walk over words.
    fn find_at_every_byte(phrases: &[&'static str], text: &str) -> Vec<(usize, usize)> {
        let b = text.as_bytes();
        (0..b.len())
            .filter(|&at| at == 0 || !b[at - 1].is_ascii_alphanumeric())
            .flat_map(|at| (0..phrases.len()).map(move |n| (at, n)))
            .filter(|&(at, n)| whole_at_as::<false>(b, at, phrases[n].as_bytes()))
            .collect()
    }

    const LIST: &[&str] = &[
        "year-on-year",
        "on-year",
        "year",
        "y/y",
        "12 months to",
        "last year",
        "the last year",
        "set to",
        "set",
        "a",
        "cumulatively",
        "accumulated so far",
        "yearyearyear",
    ];

    #[test]
    fn phrases_are_found_as_at_every_byte() {
        let index = Phrases::new(LIST.iter().copied());
        for text in [
            "output rose 3% year-on-year, and 2% on-year; y/y the last year",
            "in the 12 months to may, set to rise; a yearly set-to",
            "ayear year2 -year- é year’s last  year last year",
            "",
            "y/yy/y",
        ] {
            assert_eq!(
                index.find_in(text).collect::<Vec<_>>(),
                find_at_every_byte(LIST, text),
                "{text}"
            );
        }
    }

    /// The two-byte test by classes answers as comparing the first words' bytes does.
    #[test]
    fn a_run_may_open_a_first_word_as_its_two_bytes_say() {
        let index = Phrases::new(LIST.iter().copied());
        let firsts: Vec<&[u8]> = LIST.iter().map(|p| first_word(p).as_bytes()).collect();
        for first in 0..=255u8 {
            for second in 0..=255u8 {
                let want = firsts.iter().any(|w| {
                    w.first() == Some(&first)
                        && match w.get(1) {
                            Some(&s) => s == second,
                            None => !second.is_ascii_alphanumeric(),
                        }
                });
                assert_eq!(index.may_open(first, second), want, "{first} {second}");
            }
        }
    }

    /// Runs that cross the 64-byte blocks of the walk, or outlast several, and texts that
    /// end at and around a block's edge.
    #[test]
    fn runs_across_blocks_are_found_as_at_every_byte() {
        let index = Phrases::new(LIST.iter().copied());
        for len in [0, 1, 7, 8, 9, 60, 63, 64, 65, 127, 128, 129, 200] {
            for lead in 0..70 {
                let mut text = " ".repeat(lead);
                text.push_str("year ");
                text.push_str(&"y".repeat(len));
                text.push_str(" year-on-year a cumulatively yearyearyear accumulated so far");
                for cut in [text.len(), text.len() - 1, lead + 4, lead + 5] {
                    let t = &text[..cut];
                    assert_eq!(
                        index.find_in(t).collect::<Vec<_>>(),
                        find_at_every_byte(LIST, t),
                        "{lead} {len} {cut}"
                    );
                }
            }
        }
    }

    /// The walk in any case finds, in a text as written, what the walk finds in its
    /// lower-cased copy: at the same bytes, runs across blocks included.
    #[test]
    fn any_case_finds_what_the_lower_cased_copy_gives() {
        let index = Phrases::new(LIST.iter().copied());
        let mut texts: Vec<String> = [
            "Output rose 3% YEAR-ON-YEAR, and 2% On-Year; Y/Y The Last Year",
            "In The 12 Months TO May, SET to rise; A yearly Set-To",
            "AYEAR Year2 -yEaR- É YEAR’s LAST  Year Last year",
            "",
            "Y/yY/Y",
        ]
        .map(String::from)
        .to_vec();
        for lead in [0, 1, 59, 60, 63, 64, 70] {
            let long = "YEARyear".repeat(9);
            texts.push(format!(
                "{}Year {long} Year-On-Year A CUMULATIVELY Accumulated So Far",
                " ".repeat(lead)
            ));
        }
        for text in &texts {
            assert_eq!(
                index.find_in_any_case(text).collect::<Vec<_>>(),
                index.find_in(&text.to_ascii_lowercase()).collect::<Vec<_>>(),
                "{text}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn any_case_gives_what_lower_case_gives(
            picks in proptest::collection::vec(0..21usize, 0..30),
        ) {
            const PIECES: [&str; 21] = [
                "YEAR", "-On-", "ON", " ", "Y/y", "12", " Months", " TO", "The", "LAST", "Set", "A", "É", ",",
                "-", "X", "YearYEARyearYEARyearYEARyearYEARyearYEARyearYEARyear", "Cumulatively",
                "ACCUMULATED SO FAR", "a", "year",
            ];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            let index = Phrases::new(LIST.iter().copied());
            let got: Vec<(usize, usize)> = index.find_in_any_case(&text).collect();
            let want: Vec<(usize, usize)> = index.find_in(&text.to_ascii_lowercase()).collect();
            proptest::prop_assert_eq!(got, want, "{:?}", text);
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_what_every_byte_gives(
            picks in proptest::collection::vec(0..19usize, 0..30),
        ) {
            const PIECES: [&str; 19] = [
                "year", "-on-", "on", " ", "y/y", "12", " months", " to", "the", "last", "set", "a", "é", ",",
                "-", "x", "yearyearyearyearyearyearyearyearyearyearyearyearyear", "cumulatively",
                "accumulated so far",
            ];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            let index = Phrases::new(LIST.iter().copied());
            let got: Vec<(usize, usize)> = index.find_in(&text).collect();
            proptest::prop_assert_eq!(got, find_at_every_byte(LIST, &text), "{:?}", text);
        }
    }
}
