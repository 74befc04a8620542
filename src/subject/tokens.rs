//! The sentence cut into tokens: words, punctuation and whole figures.

use std::cell::Cell;

use super::words::{TAIL_LY, TITLE_WORD, UPPER, classify_cached, title_bits};
use crate::buffers::emptied;
use crate::model::Kind;
use crate::scan::Found;

/// One piece of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tok<'a> {
    Word(&'a str),
    Punct(char),
    /// The figure at this index of `all`.
    Fig(usize),
}

#[derive(Debug, Clone)]
pub(super) struct T<'a> {
    pub(super) tok: Tok<'a>,
    pub(super) start: usize,
    pub(super) end: usize,
    /// For a word, its lists and shape (`classify`); 0 otherwise. A word is classified
    /// when a rule first asks (most words of a sentence are never asked about): until then
    /// this holds `UNSET` and the bits `title_case` reads (`title_bits`).
    class: Cell<u64>,
    /// For a word, the lists of its Unicode lower case (`str::to_lowercase`), which differs
    /// from `class` only for non-ASCII words; valid once `class` is set.
    lower: Cell<u64>,
    /// Whether the token is a verb in its place (`verb_at`), once asked: `VERB_UNKNOWN`
    /// until then. The rules ask it of the same tokens again and again.
    verb: Cell<u8>,
}

/// `T::verb` before `verb_at` is asked.
const VERB_UNKNOWN: u8 = 2;

/// `T::class` before the word is classified (above every class bit).
const UNSET: u64 = 1 << 63;
const _: () = assert!(TAIL_LY < UNSET);

impl T<'_> {
    fn new(tok: Tok<'_>, start: usize, end: usize, class: u64) -> T<'_> {
        T {
            tok,
            start,
            end,
            class: Cell::new(class),
            lower: Cell::new(0),
            verb: Cell::new(VERB_UNKNOWN),
        }
    }

    /// `verb_at` of this token as remembered, or `None` when not asked yet.
    pub(super) fn known_verb(&self) -> Option<bool> {
        match self.verb.get() {
            VERB_UNKNOWN => None,
            v => Some(v != 0),
        }
    }

    /// Remembers `verb_at` of this token.
    pub(super) fn set_verb(&self, verb: bool) {
        self.verb.set(u8::from(verb));
    }

    /// Forgets `verb_at` of this token (it is asked of other tokens around it).
    pub(super) fn forget_verb(&self) {
        self.verb.set(VERB_UNKNOWN);
    }

    /// The class of a word (`classify`); 0 for punctuation and figures.
    pub(super) fn class(&self) -> u64 {
        self.classes().0
    }

    /// The lists of the word's Unicode lower case; 0 for punctuation and figures.
    pub(super) fn lower(&self) -> u64 {
        self.classes().1
    }

    /// `UPPER` and `TITLE_WORD` of a word, without classifying it.
    pub(super) fn title_bits(&self) -> u64 {
        self.class.get() & (UPPER | TITLE_WORD)
    }

    #[inline]
    fn classes(&self) -> (u64, u64) {
        let class = self.class.get();
        if class & UNSET == 0 {
            return (class, self.lower.get());
        }
        self.classify()
    }

    /// Out of line, so that reading a known class stays a load and a test.
    #[inline(never)]
    fn classify(&self) -> (u64, u64) {
        let (class, lower) = match self.tok {
            Tok::Word(w) => classify_cached(w),
            _ => (0, 0),
        };
        self.class.set(class);
        self.lower.set(lower);
        (class, lower)
    }
}

/// Characters that stand alone as punctuation tokens.
pub(super) const fn is_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '[' | ']' | '!' | '?' | '—'
    )
}

/// The tokens of a sentence, with what the rules ask of all of them, found as they are cut.
pub(super) struct Tokens<'a> {
    pub(super) toks: Vec<T<'a>>,
    /// The token of each figure (by its index in `all`): `usize::MAX` for a figure that is
    /// no token (a count with its noun, one inside another).
    pub(super) fig_tokens: Vec<usize>,
    /// `title_case` of all the tokens.
    pub(super) title: bool,
    /// Whether a word is `respectively` or `each` (a word that may pair a list in order).
    pub(super) respectively: bool,
}

thread_local! {
    /// The vector the last sentence was cut into, handed back (`give_back`) for the next.
    static SPARE: Cell<Vec<T<'static>>> = const { Cell::new(Vec::new()) };
    /// The vector of the last sentence's `fig_tokens`, handed back with it.
    static SPARE_FIGS: Cell<Vec<usize>> = const { Cell::new(Vec::new()) };
}

/// Most tokens a vector handed back may hold room for: the buffer of an overlong
/// "sentence" (a text with no full stops) is let go.
const SPARE_ROOM: usize = 4096;

/// Hands the vectors of a sentence's tokens and figure tokens back, for the next sentence
/// to be cut into.
pub(super) fn give_back(toks: Vec<T<'_>>, mut fig_tokens: Vec<usize>) {
    if toks.capacity() > SPARE_ROOM {
        return;
    }
    let _ = SPARE.try_with(|spare| spare.set(emptied(toks)));
    fig_tokens.clear();
    let _ = SPARE_FIGS.try_with(|spare| spare.set(fig_tokens));
}

/// `tokens`, with the title case of the sentence and whether it says `respectively` or `each`.
pub(super) fn cut<'a>(sentence: &'a str, all: &[Found]) -> Tokens<'a> {
    let mut out: Vec<T<'a>> = SPARE.try_with(Cell::take).unwrap_or_default();
    let mut fig_tokens = SPARE_FIGS.try_with(Cell::take).unwrap_or_default();
    fig_tokens.resize(all.len(), usize::MAX);
    // About one token per five bytes of text.
    out.reserve(sentence.len() / 5 + all.len());
    let mut seen = Seen::default();
    let bytes = sentence.as_bytes();
    // The sentence's letters, read once for its words' runs (of the first 512 bytes: most
    // sentences are shorter; a word past them is read as before).
    let mut blocks = [0u64; 8];
    let filled = crate::words::letter_masks::letter_blocks(bytes, &mut blocks);
    let blocks = blocks.get(..filled).unwrap_or_default();
    let mut pos = 0;
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
    while pos < bytes.len() {
        if fig_at < pos {
            (next_fig, fig_at) = skip(next_fig, pos);
        }
        if fig_at == pos {
            if let Some(f) = all.get(next_fig).filter(|f| f.figure.end > pos) {
                if let Some(slot) = fig_tokens.get_mut(next_fig) {
                    *slot = out.len();
                }
                out.push(T::new(Tok::Fig(next_fig), pos, f.figure.end, 0));
                pos = f.figure.end;
                continue;
            }
        }
        // A figure may start inside what looks like one word (`(+1`): words stop there.
        while cut_at <= pos {
            next_start += 1;
            cut_at = start_of(next_start);
        }
        // No figure starts before `cut_at` (the next figure token starts there or later):
        // the text up to it is cut in one go.
        pos = cut_text(sentence, blocks, pos, cut_at.min(bytes.len()), &mut out, &mut seen);
    }
    Tokens {
        toks: out,
        fig_tokens,
        title: is_title(seen.words, seen.caps),
        respectively: seen.respectively,
    }
}

/// What `cut` counts of the words as it goes: the counts of `title_case`, and whether
/// `respectively` or `each` was seen.
#[derive(Default)]
struct Seen {
    words: usize,
    caps: usize,
    respectively: bool,
}

/// The words and punctuation of `sentence` from `pos` to `limit`, where no figure starts,
/// pushed onto `out`; words stop at `limit`. Returns where it stopped: `limit`, or past it
/// when `limit` is inside a character.
fn cut_text<'a>(
    sentence: &'a str,
    blocks: &[u64],
    mut pos: usize,
    limit: usize,
    out: &mut Vec<T<'a>>,
    seen: &mut Seen,
) -> usize {
    let text = sentence.as_bytes().get(..limit).unwrap_or_default();
    while let Some(&b) = text.get(pos) {
        // An ASCII byte is read from the table; any other character is decoded.
        let kind = BYTE_KINDS[usize::from(b)];
        if kind & SPACE != 0 {
            pos += 1;
            continue;
        }
        if kind & PUNCT != 0 {
            out.push(T::new(Tok::Punct(char::from(b)), pos, pos + 1, 0));
            pos += 1;
            continue;
        }
        if kind & LETTER != 0 {
            if let Some(end) = plain_word_end_in(blocks, text, pos) {
                // Letters only: nothing to trim, a letter in it.
                if let Some(word) = sentence.get(pos..end) {
                    let upper = if b.is_ascii_uppercase() { UPPER } else { 0 };
                    let title = if word.len() > 3 { TITLE_WORD } else { 0 };
                    push_word(word, pos, upper | title, out, seen);
                }
                pos = end;
                if text.get(pos) == Some(&b' ') {
                    pos += 1;
                }
                continue;
            }
        }
        if kind & NOT_ASCII != 0 {
            // Inside a character (never, as `pos` moves by whole characters): the end.
            let Some(c) = sentence.get(pos..).and_then(|r| r.chars().next()) else {
                return sentence.len();
            };
            if c.is_whitespace() {
                pos += c.len_utf8();
                continue;
            }
            if is_punct(c) {
                out.push(T::new(Tok::Punct(c), pos, pos + c.len_utf8(), 0));
                pos += c.len_utf8();
                continue;
            }
        }
        let w = word_end(sentence, text, pos);
        if !w.ascii {
            pos = cut_word(sentence, pos, w.end.min(limit), out, seen);
            continue;
        }
        // An ASCII word, read from what its walk saw. A final period ends the sentence,
        // unless the word is an abbreviation (`U.S.`); final apostrophes go too.
        let abbreviation = w.periods >= 2 && text.get(w.end.wrapping_sub(1)) == Some(&b'.');
        let kept = if abbreviation { w.end } else { w.kept };
        if let Some(trimmed) = sentence.get(pos..kept).filter(|t| !t.is_empty()) {
            let upper = if b.is_ascii_uppercase() { UPPER } else { 0 };
            let title = if trimmed.len() > 3 && w.letter { TITLE_WORD } else { 0 };
            push_word(trimmed, pos, upper | title, out, seen);
        }
        pos = w.end.max(pos + 1);
        // Most words are followed by one space: stepped over here.
        if text.get(pos) == Some(&b' ') {
            pos += 1;
        }
    }
    pos
}

/// Where the word at `pos` of `text` ends when it is ASCII letters only, up to white space,
/// punctuation or the end of `text` (most words): what `word_end` finds of it, read eight
/// letters at a time. `None` for any other word, and when `text` is shorter than eight
/// bytes.
fn plain_word_end(text: &[u8], pos: usize) -> Option<usize> {
    let mut end = pos;
    loop {
        let run = crate::words::letters_at(text, end);
        end += run;
        if run < 8 {
            break;
        }
    }
    ends_a_word(text, pos, end)
}

/// `plain_word_end`, with the run of letters read from the sentence's letter masks
/// (`words::letter_masks::letter_blocks`; `text` is a start of the sentence). Where the bytes read
/// by `plain_word_end` are shorter than eight, it gives `None` and the general walk cuts
/// the same word: here it is cut at once.
#[inline]
fn plain_word_end_in(blocks: &[u64], text: &[u8], pos: usize) -> Option<usize> {
    let Some(run) = crate::words::letter_masks::letter_run(blocks, pos) else {
        return plain_word_end(text, pos);
    };
    // The masks go on past `text`: the run stops at its end.
    let end = (pos + run).min(text.len());
    ends_a_word(text, pos, end)
}

/// `end`, when the letters from `pos` to it are a whole word: some, and a stop (white
/// space, punctuation) or the end of `text` after them.
#[inline]
fn ends_a_word(text: &[u8], pos: usize, end: usize) -> Option<usize> {
    let stops = text.get(end).is_none_or(|&b| BYTE_KINDS[usize::from(b)] & STOP != 0);
    (end > pos && stops).then_some(end)
}

/// A word that is not all ASCII, from `pos` to `end`, pushed onto `out`; where the text
/// goes on.
fn cut_word<'a>(sentence: &'a str, pos: usize, end: usize, out: &mut Vec<T<'a>>, seen: &mut Seen) -> usize {
    let word = sentence.get(pos..end).unwrap_or("");
    // A final period ends the sentence, unless the word is an abbreviation (`U.S.`).
    let trimmed = match word.as_bytes() {
        [inner @ .., b'.'] if inner.contains(&b'.') => word,
        _ => trim_end(word),
    };
    if !trimmed.is_empty() {
        push_word(trimmed, pos, title_bits(trimmed), out, seen);
    }
    let mut pos = end.max(pos + 1);
    while !sentence.is_char_boundary(pos) {
        pos += 1;
    }
    pos
}

/// Pushes the word `trimmed` at `pos`, with its title bits `class`, and counts it.
fn push_word<'a>(trimmed: &'a str, pos: usize, class: u64, out: &mut Vec<T<'a>>, seen: &mut Seen) {
    debug_assert_eq!(class, title_bits(trimmed), "{trimmed}");
    if class & TITLE_WORD != 0 {
        seen.words += 1;
        seen.caps += usize::from(class & UPPER != 0);
    }
    seen.respectively |= trimmed == "respectively" || trimmed == "each";
    out.push(T::new(Tok::Word(trimmed), pos, pos + trimmed.len(), UNSET | class));
}

/// Money, percent, quantity and date figures, and counts with no counted noun, are single
/// tokens; other counts read as words (`sales of the nine online sellers`).
pub(super) fn is_token(f: &Found) -> bool {
    match f.figure.kind {
        Kind::Money | Kind::Percent | Kind::Quantity | Kind::Date => true,
        Kind::Count => f.figure.unit.is_empty(),
        _ => false,
    }
}

/// The figures that get a subject: money, percent, quantity, and counts with no counted noun.
pub(super) fn measured(f: &Found) -> bool {
    f.figure.kind != Kind::Date && is_token(f)
}

/// Most words (`TITLE_WORD`) capitalized: a headline.
pub(super) fn is_title(words: usize, caps: usize) -> bool {
    words > 0 && caps * 10 >= words * 7
}

/// `word` without its final periods and apostrophes.
pub(super) fn trim_end(word: &str) -> &str {
    let bytes = word.as_bytes();
    let mut end = bytes.len();
    while end > 0 && bytes.get(end - 1).is_some_and(|&b| b == b'.' || b == b'\'') {
        end -= 1;
    }
    // Both are ASCII: `end` is on a character boundary.
    word.get(..end).unwrap_or(word)
}

// What the tokenizer asks of a byte, as bits of `BYTE_KINDS`: 0 or `LETTER` for a byte
// that only continues a word.
const STOP: u8 = 1;
const DIGIT: u8 = 1 << 1;
const NOT_ASCII: u8 = 1 << 2;
/// ASCII white space (`char::is_whitespace`).
const SPACE: u8 = 1 << 3;
/// ASCII punctuation (`is_punct`).
const PUNCT: u8 = 1 << 4;
/// An ASCII letter.
const LETTER: u8 = 1 << 5;

/// The kinds of every byte value: an ASCII byte stops a word when it is white space
/// (`char::is_whitespace`) or punctuation (`is_punct`).
static BYTE_KINDS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if !c.is_ascii() {
            NOT_ASCII
        } else if c.is_ascii_digit() {
            DIGIT
        } else if matches!(c, b' ' | b'\t'..=b'\r') {
            STOP | SPACE
        } else if is_punct(c as char) {
            STOP | PUNCT
        } else if c.is_ascii_alphabetic() {
            LETTER
        } else {
            0
        };
        b += 1;
    }
    t
};

/// What the walk over a word saw (`word_end`).
struct Word {
    /// Where the word ends.
    end: usize,
    /// Where it ends without its final periods and apostrophes (valid when ASCII).
    kept: usize,
    /// How many periods it holds (valid when ASCII).
    periods: usize,
    /// Whether it holds an ASCII letter.
    letter: bool,
    /// Whether it is all ASCII.
    ascii: bool,
}

/// The word that starts at `pos` of `sentence`, read no further than the end of `text` (a
/// start of `sentence`): it runs to white space or punctuation; a comma between digits is
/// inside it. Byte by byte for ASCII, letters eight at a time.
fn word_end(sentence: &str, text: &[u8], pos: usize) -> Word {
    let mut w = Word {
        end: pos,
        kept: pos,
        periods: 0,
        letter: false,
        ascii: true,
    };
    let mut n = pos;
    loop {
        // Letters only continue the word: eight at a time.
        let run = crate::words::letters_at(text, n);
        if run > 0 {
            n += run;
            (w.kept, w.letter) = (n, true);
        }
        let Some(&b) = text.get(n) else { break };
        let kind = BYTE_KINDS[usize::from(b)];
        // A letter, or a sign that only continues the word.
        if kind & !LETTER == 0 {
            n += 1;
            match b {
                b'.' => w.periods += 1,
                b'\'' => {}
                _ => {
                    w.kept = n;
                    w.letter |= kind & LETTER != 0;
                }
            }
            continue;
        }
        if kind & NOT_ASCII != 0 {
            let Some(c) = sentence.get(n..).and_then(|r| r.chars().next()) else {
                break;
            };
            if c.is_whitespace() || is_punct(c) {
                break;
            }
            w.ascii = false;
            n += c.len_utf8();
            continue;
        }
        // A digit before it: the byte before, in the word (a word starts with no comma).
        let thousands = b == b','
            && n > pos
            && text.get(n - 1).is_some_and(u8::is_ascii_digit)
            && sentence.as_bytes().get(n + 1).is_some_and(u8::is_ascii_digit);
        if kind & STOP != 0 && !thousands {
            break;
        }
        n += 1;
        w.kept = n;
    }
    w.end = n;
    w
}

/// The class of the word token at `j`; `None` for punctuation, figures and past the end.
/// Inlined: the rules ask it everywhere, and a known class is a load and a test.
#[inline]
pub(super) fn word_class(toks: &[T], j: usize) -> Option<u64> {
    toks.get(j).filter(|t| matches!(t.tok, Tok::Word(_))).map(T::class)
}

/// The list bits of the lower case of the word token at `m`; `None` when it is no word.
#[inline]
pub(super) fn lower_at(toks: &[T], m: usize) -> Option<u64> {
    toks.get(m).filter(|t| matches!(t.tok, Tok::Word(_))).map(T::lower)
}

pub(super) fn is_date(all: &[Found], i: usize) -> bool {
    all.get(i).is_some_and(|f| f.figure.kind == Kind::Date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tokens_of_an_overlong_sentence_are_not_kept() {
        let spare = || {
            SPARE.with(|s| {
                let v = s.take();
                let room = v.capacity();
                s.set(v);
                room
            })
        };
        let long = "word ".repeat(2 * SPARE_ROOM);
        let Tokens { toks, fig_tokens, .. } = cut(&long, &[]);
        give_back(toks, fig_tokens);
        assert_eq!(spare(), 0);
        let Tokens { toks, fig_tokens, .. } = cut("tea and coffee", &[]);
        give_back(toks, fig_tokens);
        assert!((1..=SPARE_ROOM).contains(&spare()));
    }
}
