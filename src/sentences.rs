//! Body text -> sentences, found once per body.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets) followed by
//! white space and a capital, a digit, an opening quote or bracket, or the end of the
//! text; and at a line break after which a new paragraph starts. A full stop does not end
//! a sentence after an abbreviation (`U.S.`, `Mr.`, `No.`, `Nov.`, an initial like `J.`)
//! or inside a number (`4.5`).

use std::ops::Range;

/// Words that take a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "no", "nos", "vs", "etc", "inc", "co", "corp", "ltd", "jr", "sr", "st", "dep",
    "gov", "gen", "sen", "rep", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "approx", "est", "fig", "dept", "assn", "u.s", "u.k", "e.g", "i.e", "a.m", "p.m", "rs",
];

fn is_abbreviation(word: &str) -> bool {
    let w = match word.as_bytes().first() {
        Some(b) if b.is_ascii_alphanumeric() => word,
        _ => word.trim_start_matches(|c: char| !c.is_alphanumeric()),
    };
    if !w.is_ascii() {
        return is_abbreviation_chars(w);
    }
    // ASCII (nearly every word): byte tests, the same answers as `is_abbreviation_chars`.
    let b = w.as_bytes();
    if let [c] = b {
        return c.is_ascii_uppercase(); // an initial: `J. K. Kim`, the last letter of `U.S`
    }
    // `U.S`: letters separated by points.
    if b.len() > 1
        && b.split(|&c| c == b'.')
            .all(|p| matches!(p, [c] if c.is_ascii_alphabetic()))
    {
        return true;
    }
    in_abbreviations(b)
}

/// `is_abbreviation` for a word with non-ASCII letters, read char by char.
fn is_abbreviation_chars(w: &str) -> bool {
    if w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()) {
        return true;
    }
    if w.len() > 1
        && w.split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
    {
        return true;
    }
    in_abbreviations(w.as_bytes())
}

/// Longest word of `ABBREVIATIONS`.
const LONGEST: usize = 6;

/// A word of at most `LONGEST` bytes as one number: its bytes and its length.
const fn key(word: &[u8]) -> u64 {
    let mut k = (word.len() as u64) << 56;
    let mut i = 0;
    while i < word.len() && i < LONGEST {
        k |= (word[i] as u64) << (8 * i);
        i += 1;
    }
    k
}

/// The keys of `ABBREVIATIONS`, sorted for a binary search.
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = {
    let mut keys = [0; ABBREVIATIONS.len()];
    let mut i = 0;
    while i < keys.len() {
        assert!(ABBREVIATIONS[i].len() <= LONGEST);
        keys[i] = key(ABBREVIATIONS[i].as_bytes());
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
};

/// `word` is one of `ABBREVIATIONS`, in any ASCII case: its lowercased key is searched
/// for. Comparing it with each of the forty-odd words in turn cost more than the rest of
/// the splitting.
fn in_abbreviations(word: &[u8]) -> bool {
    let mut buf = [0u8; LONGEST];
    crate::words::lowered(&mut buf, word).is_some_and(|lower| ABBREVIATION_KEYS.binary_search(&key(lower)).is_ok())
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']')
}

fn starts_sentence(c: char) -> bool {
    c.is_uppercase() || c.is_ascii_digit() || matches!(c, '"' | '“' | '‘' | '(' | '[' | '*' | '-' | '•' | '①'..='⑳')
}

/// The next `.`, `!`, `?` or line break, found from a mask of them over the 64 bytes from
/// where one was last looked for (`base`): a block of text is looked at once, however
/// many stops it holds. (Two `memchr2` searches, for `.` and line breaks and for `!` and
/// `?`, were set up again at each stop.)
#[derive(Default)]
struct Stops {
    base: usize,
    /// Bit `i`: a stop at `base + i`.
    mask: u64,
    loaded: bool,
}

impl Stops {
    /// The first stop at or after `from`.
    fn next_from(&mut self, bytes: &[u8], from: usize) -> Option<usize> {
        if !self.loaded || from < self.base || from >= self.base + 64 {
            self.load(bytes, from);
        }
        loop {
            // Below 64: `from` is in the block, or before it once the block moved on.
            let skip = from.saturating_sub(self.base);
            let ahead = self.mask & (u64::MAX << skip);
            if ahead != 0 {
                return Some(self.base + ahead.trailing_zeros() as usize);
            }
            if self.base + 64 >= bytes.len() {
                return None;
            }
            self.load(bytes, self.base + 64);
        }
    }

    fn load(&mut self, bytes: &[u8], at: usize) {
        // Read in place where 64 bytes remain; the padding past the end (`0`s) is no stop.
        let padded: [u8; 64];
        let window = match bytes.get(at..).and_then(<[u8]>::first_chunk::<64>) {
            Some(whole) => whole,
            None => {
                padded = crate::words::window_at(bytes, at);
                &padded
            }
        };
        // Bit `i`: byte `i` is `.`, `!`, `?` or a line break.
        self.mask = crate::words::among(window, [b'.', b'!', b'?', b'\n']);
        self.base = at;
        self.loaded = true;
    }
}

/// Byte ranges of the sentences of `text`, trimmed, in order.
pub fn split(text: &str) -> Vec<Range<usize>> {
    // Room for a sentence per 128 bytes, about the common length (growing from empty
    // reallocated a few times per body), up to 1024 sentences: no more is reserved for a
    // long text than its sentences will take.
    let mut out = Vec::with_capacity((text.len() / 128 + 1).min(1024));
    split_into(text, &mut out);
    out
}

/// [`split`], appended to `out` (a vector kept from one text to the next). Whether a
/// sentence runs over a line break (a wrapped text), known here at no cost: exactly
/// when a line break was judged not to end one.
pub fn split_into(text: &str, out: &mut Vec<Range<usize>>) -> bool {
    let mut wrapped = false;
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut stops = Stops::default();
    while let Some(at) = stops.next_from(bytes, i) {
        i = at;
        let b = bytes[i];
        let end = match b {
            b'.' | b'!' | b'?' => sentence_end_after_stop(text, i),
            b'\n' => {
                // Every line break of one white-space run gets the same answer, so the
                // run is judged once: judging each break re-read the run (quadratic on
                // thousands of blank lines).
                let run_end = i + 1 + lead_space(&text[i + 1..]);
                match paragraph_break(text, i, run_end) {
                    Some(end) => {
                        push(text, start, end, out);
                        start = end;
                    }
                    // Words on both sides: the break stays inside the sentence.
                    None => wrapped = true,
                }
                i = run_end;
                continue;
            }
            _ => None,
        };
        if let Some(end) = end {
            push(text, start, end, out);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    push(text, start, text.len(), out);
    wrapped
}

fn push(text: &str, start: usize, end: usize, out: &mut Vec<Range<usize>>) {
    let piece = &text[start..end];
    let lead = lead_space(piece);
    let end = end - trail_space(&piece[lead..]);
    if start + lead < end {
        out.push(start + lead..end);
    }
}

/// If the stop at `i` ends a sentence, where the sentence ends (after closers).
fn sentence_end_after_stop(text: &str, i: usize) -> Option<usize> {
    let before = &text[..i];
    let after = &text[i + 1..];
    if text.as_bytes()[i] == b'.' {
        // `4.5`, `U.S.`: a point glued to a letter or digit on the right.
        let glued = match after.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
            _ => after.starts_with(|c: char| c.is_alphanumeric()),
        };
        if glued {
            return None;
        }
        if !surely_no_abbreviation(before.as_bytes())
            && word_start(before).is_some_and(|p| is_abbreviation(&before[p..]))
        {
            return None;
        }
    }
    let mut end = i + 1;
    for c in after.chars() {
        if is_closer(c) {
            end += c.len_utf8();
        } else {
            break;
        }
    }
    let rest = &text[end..];
    let next = &rest[lead_space(rest)..];
    if next.is_empty() {
        return Some(text.len());
    }
    let spaced = rest.len() > next.len();
    (spaced && next.starts_with(starts_sentence)).then_some(end)
}

/// Whether the word that ends `before` is surely no abbreviation, told from its last
/// bytes without finding where it starts: it ends in a digit (an abbreviation is
/// letters), or in seven ASCII letters or digits (longer than any abbreviation, and not
/// letters between points). Over half the full stops of a text end such a word.
fn surely_no_abbreviation(before: &[u8]) -> bool {
    match before {
        [.., last] if last.is_ascii_digit() => true,
        _ => before
            .last_chunk::<7>()
            .is_some_and(|tail| tail.iter().all(u8::is_ascii_alphanumeric)),
    }
}

/// Where the word before a point at the end of `before` starts: after the last white
/// space or `(`, read back at most 64 bytes (no abbreviation is longer, and reading back
/// to the start of a long run at every point was quadratic). `None` for a longer word.
fn word_start(before: &str) -> Option<usize> {
    let bytes = before.as_bytes();
    let i = bytes.len();
    // ASCII bytes are tested as they are; the first other byte hands over to `word_start_chars`.
    // (An index walk: the reversed, counted iterator cost twice as much a byte.)
    let mut p = i;
    while p > i.saturating_sub(64) {
        match bytes.get(p - 1) {
            Some(b) if !b.is_ascii() => return word_start_chars(before),
            Some(b'\t'..=b'\r' | b' ' | b'(') => return Some(p),
            _ => p -= 1,
        }
    }
    (i <= 64).then_some(0)
}

/// `word_start` read char by char.
fn word_start_chars(before: &str) -> Option<usize> {
    let i = before.len();
    let found = before
        .char_indices()
        .rev()
        .take_while(|(p, _)| i - p <= 64)
        .find(|(_, c)| c.is_whitespace() || *c == '(')
        .map(|(p, c)| p + c.len_utf8());
    match found {
        Some(p) => Some(p),
        None if i <= 64 => Some(0),
        None => None, // a word of more than 64 bytes: no abbreviation
    }
}

/// Bytes of white space at the start of `s` (what `trim_start` removes), read as bytes
/// while they are ASCII: the generic `trim_start` cost more per call than most sentences'
/// white space.
fn lead_space(s: &str) -> usize {
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if !b.is_ascii() {
            let rest = &s[i..];
            return i + (rest.len() - rest.trim_start().len());
        }
        if !matches!(b, b'\t'..=b'\r' | b' ') {
            return i;
        }
    }
    s.len()
}

/// Bytes of white space at the end of `s` (what `trim_end` removes), as `lead_space`.
fn trail_space(s: &str) -> usize {
    for (i, &b) in s.as_bytes().iter().enumerate().rev() {
        if !b.is_ascii() {
            // Every byte after `i` is ASCII: `i + 1` ends a char.
            let head = &s[..i + 1];
            return s.len() - head.trim_end().len();
        }
        if !matches!(b, b'\t'..=b'\r' | b' ') {
            return s.len() - i - 1;
        }
    }
    s.len()
}

/// A line break at `i` ends a sentence unless the line runs on mid-sentence (it ends
/// with a word or comma and the next line, from `next_line` past the white space, starts
/// in lower case).
fn paragraph_break(text: &str, i: usize, next_line: usize) -> Option<usize> {
    let before = &text[..i - trail_space(&text[..i])];
    let after = text.get(next_line..).unwrap_or_default();
    let runs_on =
        before.ends_with(|c: char| c.is_alphanumeric() || c == ',') && after.starts_with(|c: char| c.is_lowercase());
    (!runs_on).then_some(i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn abbreviations_and_decimals_do_not_end_sentences() {
        let t = "Exports to the U.S. rose 4.5 percent. Mr. J. K. Kim met No. 6 on Nov. 18 in Seoul. Next.";
        assert_eq!(
            sentences(t),
            vec![
                "Exports to the U.S. rose 4.5 percent.",
                "Mr. J. K. Kim met No. 6 on Nov. 18 in Seoul.",
                "Next."
            ]
        );
    }

    #[test]
    fn decimals_at_sentence_ends() {
        assert_eq!(
            sentences("It reached $3.5 billion. Imports fell."),
            vec!["It reached $3.5 billion.", "Imports fell."]
        );
    }

    #[test]
    fn quotes_stay_with_their_sentence() {
        assert_eq!(
            sentences("He said, “We will grow.” Then he left."),
            vec!["He said, “We will grow.”", "Then he left."]
        );
    }

    #[test]
    fn long_white_space_runs_are_judged_once() {
        // 200,000 blank lines used to be re-read at every line break.
        let t = format!("First line{}Second line", "\n \n".repeat(100_000));
        assert_eq!(sentences(&t), vec!["First line", "Second line"]);
        let t = format!("a wrapped{}sentence.", "\n".repeat(3));
        assert_eq!(sentences(&t), vec![t.as_str()]);
    }

    #[test]
    fn words_longer_than_any_abbreviation_end_sentences() {
        let long = "x".repeat(100);
        let t = format!("It is {long}. Next one.");
        assert_eq!(sentences(&t), vec![format!("It is {long}.").as_str(), "Next one."]);
        // `a.,a.,...` without spaces: each point used to read back to the start.
        let run = "a.,".repeat(50_000);
        assert_eq!(sentences(&run).len(), 1);
    }

    /// Pieces that make the byte tests and the char reading differ if they can: white space
    /// of every kind, points in numbers and abbreviations, quotes, non-ASCII letters.
    const PIECES: &[&str] = &[
        " ", "  ", "\u{a0}", "\u{2003}", "\u{3000}", "\r\n", "\n", "\t", "\u{b}", "\u{1c}", ".", "...", "…", "!", "?",
        "U.S.", "u.s.", "No.", "no.", "NOV.", "approx.", "Approx.", "e.g.", "J.", "j.", "3.5", "4.", "(", ")", "\"",
        "”", "’", "“", "Ünal.", "É.", "é.", "Éx.Y.", "Seoul", "rose", "x", "Mr", "appro", "①", "•", "-", "*", "7",
        "sept.", "Dép.", "ǅ.",
    ];

    fn old_is_abbreviation(word: &str) -> bool {
        let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
        if w.chars().count() == 1 && w.chars().all(|c| c.is_uppercase()) {
            return true;
        }
        if w.len() > 1
            && w.split('.')
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic))
        {
            return true;
        }
        ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
    }

    #[test]
    fn abbreviation_keys_find_every_word_in_any_case() {
        for a in ABBREVIATIONS {
            for w in [a.to_string(), a.to_uppercase(), format!("(“{a}")] {
                assert!(is_abbreviation(&w), "{w}");
            }
        }
        for w in [
            "",
            "m",
            "mrx",
            "approxi",
            "u.s.",
            "us",
            "é",
            "Éé",
            "ü.s",
            "No\u{301}",
            "Ｍｒ",
        ] {
            assert_eq!(is_abbreviation(w), old_is_abbreviation(w), "{w:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn byte_tests_answer_as_the_char_reading(
            picks in proptest::collection::vec(0..PIECES.len(), 0..40),
        ) {
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            for (i, _) in text.char_indices() {
                let before = &text[..i];
                proptest::prop_assert_eq!(word_start(before), word_start_chars(before), "{:?}", before);
                let word = &text[..i];
                proptest::prop_assert_eq!(is_abbreviation(word), old_is_abbreviation(word), "{:?}", word);
                let tail = &text[i..];
                proptest::prop_assert_eq!(is_abbreviation(tail), old_is_abbreviation(tail), "{:?}", tail);
                proptest::prop_assert_eq!(lead_space(tail), tail.len() - tail.trim_start().len(), "{:?}", tail);
                proptest::prop_assert_eq!(trail_space(before), before.len() - before.trim_end().len(), "{:?}", before);
            }
        }
    }

    proptest::proptest! {
        /// What `split_into` says of wrapping is what a look at its sentences finds.
        #[test]
        fn a_text_is_wrapped_when_a_sentence_holds_a_line_break(
            picks in proptest::collection::vec(0..PIECES.len(), 0..40),
        ) {
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            let mut spans = Vec::new();
            let wrapped = split_into(&text, &mut spans);
            let holds_a_break = spans.iter().any(|s| text[s.clone()].contains('\n'));
            proptest::prop_assert_eq!(wrapped, holds_a_break, "{:?}", text);
        }
    }

    proptest::proptest! {
        /// Each stop found from the masks is the next `.`, `!`, `?` or line break, asked in
        /// increasing steps of every size and after a step back.
        #[test]
        fn stops_are_the_next_stop_bytes(
            picks in proptest::collection::vec(0..PIECES.len(), 0..80),
            steps in proptest::collection::vec(0..140usize, 1..40),
        ) {
            let text: String = picks.iter().map(|&n| PIECES[n]).collect::<String>().repeat(3);
            let bytes = text.as_bytes();
            let plain = |from: usize| {
                bytes.get(from..).and_then(|rest| rest.iter().position(|c| b".!?\n".contains(c))).map(|n| from + n)
            };
            let mut stops = Stops::default();
            let mut from = 0;
            for step in steps {
                proptest::prop_assert_eq!(stops.next_from(bytes, from), plain(from), "{} in {:?}", from, text);
                from += step;
            }
            proptest::prop_assert_eq!(stops.next_from(bytes, 0), plain(0));
            proptest::prop_assert_eq!(stops.next_from(bytes, bytes.len()), None);
        }

    }

    /// Words and marks around a full stop, for `a_word_surely_no_abbreviation_is_none`.
    const WORDS: [&str; 22] = [
        " ", "(", "\"", ".", "U", "S", "u.s", "approx", "Sept", "No", "percent", "billions", "4", "2025", "x7", "Éé",
        "é", "e.g", "abcdef", "Abcdefg", "J", "①",
    ];

    proptest::proptest! {
        /// A word said surely to be no abbreviation from its last bytes is none when read
        /// whole, among abbreviations, long words, digits and points of every kind.
        #[test]
        fn a_word_surely_no_abbreviation_is_none(
            picks in proptest::collection::vec(0..WORDS.len(), 0..12),
            sep in 0..4usize,
            last in 0..WORDS.len(),
        ) {
            // The last word often stands alone after a space or a bracket.
            let head: String = picks.iter().map(|&n| WORDS[n]).collect();
            let text = format!("{head}{}{}", ["", " ", "(", "\""][sep], WORDS[last]);
            if surely_no_abbreviation(text.as_bytes()) {
                let read_whole = word_start(&text).is_some_and(|p| is_abbreviation(&text[p..]));
                proptest::prop_assert!(!read_whole, "{:?}", text);
            }
        }
    }

    #[test]
    fn lines_are_paragraphs_unless_they_run_on() {
        assert_eq!(sentences("First line\nSecond line"), vec!["First line", "Second line"]);
        assert_eq!(sentences("a wrapped\nsentence."), vec!["a wrapped\nsentence."]);
    }
}
