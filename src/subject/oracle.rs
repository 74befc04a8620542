//! The first, plain tokenizer, kept as the oracle that `tokens` is tested against.

use super::tokens::{T, Tok, cut, is_punct, is_token, trim_end};
use super::words::title_bits;
use super::{subjects, subjects_kept, title_case};
use crate::scan::{Found, figures};

/// A token as the oracle gives it: the token, its bounds and its title bits.
type Slow<'a> = (Tok<'a>, usize, usize, u64);

/// Words, punctuation and figures of a sentence, in order.
pub(super) fn tokens_slow<'a>(sentence: &'a str, all: &[Found]) -> Vec<Slow<'a>> {
    // About one token per five bytes of text.
    let mut out = Vec::with_capacity(sentence.len() / 5 + all.len());
    let mut pos = 0;
    // Figures come in order: one pointer walks them.
    // Figure starts, sorted, for cutting words: `pos` only grows, so one pointer walks them.
    // The figures usually come sorted already: a copy is sorted only when they do not.
    let mut unsorted: Vec<usize> = Vec::new();
    if !all.is_sorted_by_key(|f| f.text_start) {
        unsorted = all.iter().map(|f| f.text_start).collect();
        unsorted.sort_unstable();
    }
    let start_of = |n: usize| {
        if unsorted.is_empty() {
            all.get(n).map_or(usize::MAX, |f| f.text_start)
        } else {
            unsorted.get(n).copied().unwrap_or(usize::MAX)
        }
    };
    let mut next_start = 0;
    // The start of figure `next_start` (`usize::MAX` past the last), kept beside it.
    let mut cut_at = start_of(0);
    // The next figure token at or after `pos`, and its start: looked for again only once
    // `pos` has passed that start.
    let skip = |mut n: usize, pos: usize| {
        while all.get(n).is_some_and(|f| f.text_start < pos || !is_token(f)) {
            n += 1;
        }
        (n, all.get(n).map_or(usize::MAX, |f| f.text_start))
    };
    let (mut next_fig, mut fig_at) = skip(0, 0);
    while let Some(c) = slow_char_at(sentence, pos) {
        if fig_at < pos {
            (next_fig, fig_at) = skip(next_fig, pos);
        }
        if fig_at == pos {
            if let Some(f) = all.get(next_fig).filter(|f| f.figure.end > pos) {
                out.push((Tok::Fig(next_fig), pos, f.figure.end, 0));
                pos = f.figure.end;
                continue;
            }
        }
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        if is_punct(c) {
            out.push((Tok::Punct(c), pos, pos + c.len_utf8(), 0));
            pos += c.len_utf8();
            continue;
        }
        let rest = sentence.get(pos..).unwrap_or("");
        let mut len = slow_word_len(rest);
        // A figure may start inside what looks like one word (`(+1`): stop there.
        while cut_at <= pos {
            next_start += 1;
            cut_at = start_of(next_start);
        }
        if cut_at < pos + len {
            len = cut_at - pos;
        }
        let word = rest.get(..len).unwrap_or("");
        // A final period ends the sentence, unless the word is an abbreviation (`U.S.`).
        let trimmed = match word.as_bytes() {
            [inner @ .., b'.'] if inner.contains(&b'.') => word,
            _ => trim_end(word),
        };
        if !trimmed.is_empty() {
            let class = title_bits(trimmed);
            out.push((Tok::Word(trimmed), pos, pos + trimmed.len(), class));
        }
        pos += len.max(1);
        while !sentence.is_char_boundary(pos) {
            pos += 1;
        }
    }
    out
}

/// The character at byte `pos` of `s`, read from its one byte when ASCII; `None` at the
/// end or inside a character.
fn slow_char_at(s: &str, pos: usize) -> Option<char> {
    match s.as_bytes().get(pos) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s.get(pos..).and_then(|r| r.chars().next()),
        None => None,
    }
}

// What `word_len` asks of a byte, as bits of `SLOW_KINDS`: 0 for a byte that only
// continues the word (an ASCII letter, mostly).
const STOP: u8 = 1;
const DIGIT: u8 = 1 << 1;
const NOT_ASCII: u8 = 1 << 2;

/// The kinds of every byte value: an ASCII byte stops a word when it is white space
/// (`char::is_whitespace`) or punctuation (`is_punct`).
static SLOW_KINDS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if !c.is_ascii() {
            NOT_ASCII
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(c, b' ' | b'\t'..=b'\r') || is_punct(c as char) {
            STOP
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The length of the word that starts `rest`: it runs to white space or punctuation; a
/// comma between digits is inside it. Byte by byte for ASCII, the common case.
fn slow_word_len(rest: &str) -> usize {
    let bytes = rest.as_bytes();
    let mut n = 0;
    let mut prev_digit = false;
    while let Some(&b) = bytes.get(n) {
        let kind = SLOW_KINDS[usize::from(b)];
        // A letter, mostly: it only continues the word.
        if kind == 0 {
            prev_digit = false;
            n += 1;
            continue;
        }
        if kind & NOT_ASCII != 0 {
            let Some(c) = rest.get(n..).and_then(|r| r.chars().next()) else {
                break;
            };
            if c.is_whitespace() || is_punct(c) {
                return n;
            }
            prev_digit = false;
            n += c.len_utf8();
            continue;
        }
        let thousands = b == b',' && prev_digit && bytes.get(n + 1).is_some_and(u8::is_ascii_digit);
        if kind & STOP != 0 && !thousands {
            return n;
        }
        prev_digit = kind & DIGIT != 0;
        n += 1;
    }
    rest.len()
}

/// `tokens` against `tokens_slow` on `text`, cut into sentences.
fn same_tokens(text: &str) {
    for span in crate::sentences::split(text) {
        let sentence = &text[span];
        let all = figures(sentence, false);
        // What is found of the whole sentence as it is cut.
        let whole = cut(sentence, &all);
        assert_eq!(whole.title, title_case(&whole.toks), "{sentence}");
        let said = whole
            .toks
            .iter()
            .any(|t| matches!(t.tok, Tok::Word("respectively" | "each")));
        assert_eq!(whole.respectively, said, "{sentence}");
        // The figures' tokens, as the cut found them, are those found by halving.
        for fi in 0..all.len() {
            let kept = whole.fig_tokens.get(fi).copied().filter(|&k| k != usize::MAX);
            assert_eq!(
                kept,
                super::figure_token_by_halving(&whole.toks, &all, fi),
                "{sentence}"
            );
        }
        // `subjects` keeps what the list rules found for the figures before (`Lists`);
        // `subjects_kept(.., false)` finds each afresh. One window holds a short sentence: the same.
        if whole.toks.len() <= 80 {
            let (mut store, mut spans) = (String::new(), Vec::new());
            subjects_kept("", sentence, &all, false, &mut store, &mut spans);
            let afresh = super::owned(&store, &spans);
            assert_eq!(subjects(sentence, &all), afresh, "{sentence}");
        }
        let fast: Vec<Slow> = cut(sentence, &all)
            .toks
            .iter()
            .map(|t: &T| (t.tok, t.start, t.end, t.title_bits()))
            .collect();
        assert_eq!(fast, tokens_slow(sentence, &all), "{sentence}");
    }
}

proptest::proptest! {
    /// Any mix of plain words (short, eight letters, longer), signs inside words, figures,
    /// punctuation and non-ASCII text is cut as the oracle cuts it.
    #[test]
    fn pieces_are_cut_as_the_oracle_cuts_them(picks in proptest::collection::vec(0..25usize, 0..30)) {
        // The last, 70 letters, runs across the 64-byte blocks the letters are read in.
        const PIECES: [&str; 25] = [
            "tea", "Wool", "cardigan", "shipbuilding", " ", "  ", ",", ".", "'", "U.S.", "1,234", "5%",
            "(", ")", "—", "é", "x-y", "\t", "’s", "9", "each", "respectively", "$3 billion", "rose",
            "Pneumonoultramicroscopicsilicovolcanoconiosispneumonoultramicroscopics",
        ];
        let text: String = picks.iter().map(|&n| PIECES[n]).collect();
        same_tokens(&text);
    }
}

#[test]
fn tokens_match_the_oracle() {
    for s in [
        "",
        "(",
        "Exports rose 5 percent to $3.2 billion (up 4.1%), the U.S. said.",
        "Sales at 1,200 stores (+1.5%) fell; margins—thin—held at 3%.",
        "Café\u{a0}owners’ ‘deals’ rose 2%… “up” 3 percent\u{2003}in 2024.",
        "KRW 5 trillion—①②—for ₩3 billion of \u{212a}elvin-grade steel, tail'' end..",
        "A   word\tthen\nmore\r\nand 12,345,678 units, 4,5 and a,b.",
        "x.y. z... 'quoted' 70% of firms' 3.5-percent rise",
        "Output And Sales Rose 3 Percent And 2 Percent, Respectively",
        "Tea, coffee and cocoa rose 1%, 2% and 3%, respectively.",
    ] {
        same_tokens(s);
    }
    // Past the 512 bytes whose letters are read as masks, and words across them.
    for shift in 0..9 {
        let long = format!("{}{}", "x".repeat(shift), " Exports rose 5% in tea".repeat(30));
        same_tokens(&long);
        same_tokens(&format!("{}{} abc", "a".repeat(500 + shift), "b".repeat(20)));
    }
    // Our own fixtures, whole.
    let texts = crate::fixture_texts();
    for text in &texts {
        same_tokens(text);
    }
    assert!(!texts.is_empty());
}
