//! The bounds of a noun phrase, and the phrase as a string.

use std::cell::{Cell, RefCell};

use super::compare::{names_something_timeless, names_something_timeless_of};
use super::tokens::{T, Tok, is_date, lower_at, word_class};
use super::verbs::verb_at;
use super::wordlists::POST_PREPS;
use super::words::*;
use crate::buffers::emptied;
use crate::model::Kind;
use crate::scan::Found;

thread_local! {
    /// The vector of the last phrase's words, handed back for the next phrase.
    static SPARE: Cell<Vec<(&'static str, &'static T<'static>)>> = const { Cell::new(Vec::new()) };
}

/// The phrase from `from` to `to` (token indexes, inclusive start, exclusive end), cleaned.
pub(super) fn phrase(sentence: &str, toks: &[T], all: &[Found], from: usize, to: usize) -> String {
    let span = toks.get(from..to).unwrap_or(&[]);
    if let Some(out) = phrase_of_words(sentence, span) {
        return out.0;
    }
    let mut words = SPARE.try_with(Cell::take).unwrap_or_default();
    let out = phrase_in(sentence, toks, all, from, to, &mut words);
    let _ = SPARE.try_with(|spare| spare.set(emptied(words)));
    out
}

/// What is known of a subject phrase once vetted.
#[derive(Clone, Copy, Default)]
pub(super) struct Vetted {
    /// It names something and is no time phrase (`names_something_timeless`).
    pub(super) timeless: bool,
    /// No word of it is one that `refined` looks for (it is ASCII, with no deictic and no
    /// head of `estimated`): `refined` leaves it as it is.
    pub(super) plain: bool,
}

/// `phrase`, and whether it names something and is no time phrase
/// (`names_something_timeless`) and is plain: told from its word tokens, whose classes
/// the walk that found the phrase's bounds has mostly read, rather than from the string.
pub(super) fn phrase_vetted(sentence: &str, toks: &[T], all: &[Found], from: usize, to: usize) -> (String, Vetted) {
    let span = toks.get(from..to).unwrap_or(&[]);
    if let Some((out, kept)) = phrase_of_words(sentence, span) {
        // Word tokens only: vetted as below, from the tokens kept.
        let vetted = if out.is_empty() {
            Vetted::default()
        } else if out.is_ascii() {
            Vetted {
                timeless: names_something_timeless_of(kept.iter().map(|t| (word_of(t), t))),
                plain: kept.iter().all(|t| !super::refined_looks_for(word_of(t).as_bytes())),
            }
        } else {
            Vetted {
                timeless: names_something_timeless(&out),
                plain: false,
            }
        };
        return (out, vetted);
    }
    let mut words = SPARE.try_with(Cell::take).unwrap_or_default();
    let out = phrase_in(sentence, toks, all, from, to, &mut words);
    // Word tokens only (no bracket glued to a word), ASCII: `out` is they joined by spaces.
    let vetted = if out.is_empty() {
        Vetted::default()
    } else if out.is_ascii() && words.iter().all(|w| matches!(w.1.tok, Tok::Word(_))) {
        Vetted {
            timeless: names_something_timeless_of(words.iter().map(|&(w, t)| (w, t))),
            plain: words.iter().all(|&(w, _)| !super::refined_looks_for(w.as_bytes())),
        }
    } else {
        Vetted {
            timeless: names_something_timeless(&out),
            plain: false,
        }
    };
    // (`phrases_of_the_fixtures_are_vetted_from_their_tokens` holds both answers to the
    // string's; a check here allocated, and made the debug build's count of allocations
    // per fact a third higher than the release's.)
    let _ = SPARE.try_with(|spare| spare.set(emptied(words)));
    (out, vetted)
}

/// The words of the tokens `from..to` with their tokens, pushed on `words` (empty): a
/// parenthesis kept as a word, an aside between dashes and a date with its preposition
/// (`exports in 2019`) left out.
fn gather_words<'a>(
    sentence: &'a str,
    toks: &'a [T],
    all: &[Found],
    from: usize,
    to: usize,
    words: &mut Vec<(&'a str, &'a T<'a>)>,
) {
    // Each word with its token (the class of a parenthesis is 0: in no list).
    let span = toks.get(from..to).unwrap_or(&[]);
    words.reserve(span.len());
    let mut aside = false;
    let mut after_date = false;
    for t in span {
        // `the January to July period`: the word that a date qualifies goes with it.
        let period = after_date && matches!(t.tok, Tok::Word(_)) && t.class() & PERIOD != 0;
        after_date = false;
        match t.tok {
            Tok::Punct('—') => aside = !aside,
            _ if aside || period => {}
            // A word token holds its text.
            Tok::Word(w) => words.push((w, t)),
            Tok::Punct('(' | ')') => {
                words.push((sentence.get(t.start..t.end).unwrap_or(""), t));
            }
            // A date inside the phrase is left out with its preposition (`exports in 2019`).
            Tok::Fig(i) if is_date(all, i) => {
                while words.last().is_some_and(|w| w.1.class() & DATE_PREP != 0) {
                    words.pop();
                }
                after_date = true;
            }
            _ => {}
        }
    }
}

/// `phrase`, gathering its words in `words` (empty).
fn phrase_in<'a>(
    sentence: &'a str,
    toks: &'a [T],
    all: &[Found],
    from: usize,
    to: usize,
    words: &mut Vec<(&'a str, &'a T<'a>)>,
) -> String {
    gather_words(sentence, toks, all, from, to, words);
    let (lo, hi) = bounds(words.len(), |i| words[i]);
    words.truncate(hi);
    words.drain(..lo);
    if words.is_empty() {
        return String::new();
    }
    if let Some(piece) = one_piece(sentence, words.len(), |i| words[i].1) {
        let mut out = new_string(piece.len());
        out.push_str(piece);
        return out;
    }
    let bytes = words.iter().map(|w| w.0.len() + 1).sum();
    join(words.iter().map(|w| w.0), bytes)
}

/// `phrase` of `span` when it holds word tokens only (most phrases: nothing is left out
/// but the frame and the ends that `bounds` cuts), read in place with no vector of its
/// words; with the word tokens it keeps. `None` for a span with any other token.
fn phrase_of_words<'a>(sentence: &'a str, span: &'a [T<'a>]) -> Option<(String, &'a [T<'a>])> {
    if !span.iter().all(|t| matches!(t.tok, Tok::Word(_))) {
        return None;
    }
    let (lo, hi) = bounds(span.len(), |i| (word_of(&span[i]), &span[i]));
    let kept = span.get(lo..hi)?;
    // No word stays: an empty string, with no room taken from the kept ones.
    if kept.is_empty() {
        return Some((String::new(), kept));
    }
    if let Some(piece) = one_piece(sentence, kept.len(), |i| &kept[i]) {
        let mut out = new_string(piece.len());
        out.push_str(piece);
        return Some((out, kept));
    }
    let bytes = kept.iter().map(|t| word_of(t).len() + 1).sum();
    Some((join(kept.iter().map(word_of), bytes), kept))
}

/// The text of a word token; empty for any other.
fn word_of<'a>(t: &T<'a>) -> &'a str {
    match t.tok {
        Tok::Word(w) => w,
        _ => "",
    }
}

/// The words of a phrase that stay (`lo..hi` of its `n` words, word `i` with its token
/// `word(i)`): without the frame of `a total of N`, the signs, complex prepositions,
/// participles with `by` and lead words before it, the tail words after it and a time
/// phrase at its end.
fn bounds<'a>(n: usize, word: impl Fn(usize) -> (&'a str, &'a T<'a>)) -> (usize, usize) {
    let (mut lo, mut hi) = (0, n);
    let get = |i: usize, hi: usize| (i < hi).then(|| word(i));
    // `a total of 62 proposals`: the count stays, the frame goes.
    if n > 3
        && (0..3)
            .map(|i| word(i).1.lower())
            .zip([A, TOTAL, OF])
            .all(|(l, b)| l & b != 0)
    {
        lo = 3;
    }
    // `• The index`: a bullet or other sign is no word; `followed by green tea`: a
    // participle with its `by` leads a list item, it is not part of it.
    loop {
        let first = get(lo, hi);
        let sign = first.is_some_and(|w| !w.0.chars().any(char::is_alphanumeric) && w.0 != "(");
        let by_participle = first.is_some_and(|w| w.0.ends_with("ed") && w.1.class() & IS_VERB != 0)
            && get(lo + 1, hi).is_some_and(|w| w.0.eq_ignore_ascii_case("by"));
        let complex = complex_preposition((lo..hi).map(|i| word(i).0));
        if sign {
            lo += 1;
        } else if complex > 0 {
            lo += complex;
        } else if by_participle {
            lo += 2;
        } else if first.is_some_and(|w| w.1.class() & LEAD != 0)
            || (first.is_some_and(|w| w.1.lower() & ADVERB != 0)
                && get(lo + 1, hi).is_some_and(|n| {
                    first.is_some_and(|w| w.1.lower() & DETERMINER == 0) || n.1.lower() & NOUN_ARTICLE != 0
                }))
        {
            lo += 1;
        } else {
            break;
        }
    }
    lo = lo.min(hi);
    while hi > lo && word(hi - 1).1.class() & (TAIL | TAIL_LY) != 0 {
        hi -= 1;
    }
    // `the level of GDP in Quarter 3`, `exports in the same period of last year`: the
    // phrases about time that end a subject are no part of it.
    let timely = |w: (&str, &T)| {
        const RELATIVE: [&str; 8] = [
            "same", "last", "previous", "next", "current", "past", "latest", "recent",
        ];
        w.1.lower() & (TIME | ARTICLE | DETERMINER | GENERIC_WORD | PREPOSITION) != 0
            || w.1.class() & DIGIT != 0
            || RELATIVE.iter().any(|r| w.0.eq_ignore_ascii_case(r))
    };
    let cut = (lo + 1..hi).find(|&p| {
        word(p).1.lower() & PREPOSITION != 0
            && (p..hi).any(|q| word(q).1.lower() & TIME != 0)
            && (p..hi).all(|q| timely(word(q)))
    });
    if let Some(p) = cut {
        hi = p;
    }
    (lo, hi)
}

/// `phrase_in` as it was first written, trimming a vector of the words (the oracle of
/// `phrase_of_words` and `bounds`).
#[cfg(test)]
fn phrase_in_by_list<'a>(
    sentence: &'a str,
    toks: &'a [T],
    all: &[Found],
    from: usize,
    to: usize,
    words: &mut Vec<(&'a str, &'a T<'a>)>,
) -> String {
    gather_words(sentence, toks, all, from, to, words);
    // `a total of 62 proposals`: the count stays, the frame goes.
    if words.len() > 3
        && words[..3]
            .iter()
            .map(|w| w.1.lower())
            .zip([A, TOTAL, OF])
            .all(|(l, b)| l & b != 0)
    {
        words.drain(..3);
    }
    // `• The index`: a bullet or other sign is no word; `followed by green tea`: a
    // participle with its `by` leads a list item, it is not part of it.
    let mut lead = 0;
    loop {
        let sign = words
            .get(lead)
            .is_some_and(|w| !w.0.chars().any(char::is_alphanumeric) && w.0 != "(");
        let by_participle = words
            .get(lead)
            .is_some_and(|w| w.0.ends_with("ed") && w.1.class() & IS_VERB != 0)
            && words.get(lead + 1).is_some_and(|w| w.0.eq_ignore_ascii_case("by"));
        let complex = complex_preposition(words.iter().skip(lead).map(|w| w.0));
        if sign {
            lead += 1;
        } else if complex > 0 {
            lead += complex;
        } else if by_participle {
            lead += 2;
        } else if words.get(lead).is_some_and(|w| w.1.class() & LEAD != 0)
            || (words.get(lead).is_some_and(|w| w.1.lower() & ADVERB != 0)
                && words
                    .get(lead + 1)
                    .is_some_and(|n| words[lead].1.lower() & DETERMINER == 0 || n.1.lower() & NOUN_ARTICLE != 0))
        {
            lead += 1;
        } else {
            break;
        }
    }
    words.drain(..lead.min(words.len()));
    while words.last().is_some_and(|w| w.1.class() & (TAIL | TAIL_LY) != 0) {
        words.pop();
    }
    // `the level of GDP in Quarter 3`, `exports in the same period of last year`: the
    // phrases about time that end a subject are no part of it.
    let timely = |w: &(&str, &T)| {
        const RELATIVE: [&str; 8] = [
            "same", "last", "previous", "next", "current", "past", "latest", "recent",
        ];
        w.1.lower() & (TIME | ARTICLE | DETERMINER | GENERIC_WORD | PREPOSITION) != 0
            || w.1.class() & DIGIT != 0
            || RELATIVE.iter().any(|r| w.0.eq_ignore_ascii_case(r))
    };
    let cut = (1..words.len()).find(|&p| {
        let tail = &words[p..];
        words[p].1.lower() & PREPOSITION != 0 && tail.iter().any(|w| w.1.lower() & TIME != 0) && tail.iter().all(timely)
    });
    if let Some(p) = cut {
        words.truncate(p);
    }
    if let Some(piece) = one_piece(sentence, words.len(), |i| words[i].1) {
        let mut out = new_string(piece.len());
        out.push_str(piece);
        return out;
    }
    let bytes = words.iter().map(|w| w.0.len() + 1).sum();
    join(words.iter().map(|w| w.0), bytes)
}

/// The text of `sentence` that `join` makes of `words` when they are word tokens that
/// stand in it one space apart (most phrases): copied as one piece. `None` for any other
/// (a bracket, a left-out date or aside, other white space), and for more than `join` keeps.
fn one_piece<'a, 'b>(sentence: &'a str, n: usize, tok: impl Fn(usize) -> &'b T<'b>) -> Option<&'a str> {
    if n == 0 || n > MOST_WORDS {
        return None;
    }
    let (first, last) = (tok(0), tok(n - 1));
    let b = sentence.as_bytes();
    let mut end = None;
    for t in (0..n).map(tok) {
        if !matches!(t.tok, Tok::Word(_)) || end.is_some_and(|e: usize| t.start != e + 1 || b.get(e) != Some(&b' ')) {
            return None;
        }
        end = Some(t.end);
    }
    sentence.get(first.start..last.end)
}

/// The words of a complex preposition that opens a phrase (`in light of the shortfall`,
/// `as a result of`): a preposition, not part of the noun phrase after it.
///
/// ```text
/// complex = ["in" | "on" | "by" | "as"] ["the" | "a"] noun "of"   -- noun from a closed list
///         | ("because" | "instead" | "ahead" | "regardless" | "irrespective") "of"
/// ```
fn complex_preposition<'a>(mut words: impl Iterator<Item = &'a str>) -> usize {
    const NOUNS: [&str; 12] = [
        "light", "view", "spite", "terms", "account", "means", "case", "result", "face", "behalf", "place", "lieu",
    ];
    const ALONE: [&str; 5] = ["because", "instead", "ahead", "regardless", "irrespective"];
    let is = |w: &str, list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    let mut n = 0;
    let mut w = words.next();
    if w.is_some_and(|x| is(x, &ALONE)) {
        return if words.next().is_some_and(|x| x.eq_ignore_ascii_case("of")) {
            2
        } else {
            0
        };
    }
    if w.is_some_and(|x| is(x, &["in", "on", "by", "as"])) {
        n += 1;
        w = words.next();
    }
    if n > 0 && w.is_some_and(|x| is(x, &["the", "a"])) {
        n += 1;
        w = words.next();
    }
    if n > 0 && w.is_some_and(|x| is(x, &NOUNS)) && words.next().is_some_and(|x| x.eq_ignore_ascii_case("of")) {
        n + 2
    } else {
        0
    }
}

thread_local! {
    /// Strings of subjects handed back once copied out (`give_back_string`), for the next
    /// phrases to be written into.
    static STRINGS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// How many strings are kept for reuse, and the most room one may hold.
const KEPT_STRINGS: usize = 8;
const STRING_ROOM: usize = 512;

/// An empty string with room for `bytes`, one handed back when there is one.
pub(super) fn new_string(bytes: usize) -> String {
    let spare = STRINGS
        .try_with(|s| s.try_borrow_mut().ok().and_then(|mut s| s.pop()))
        .ok()
        .flatten();
    let mut out = spare.unwrap_or_default();
    // A string made anew gets room for most subjects, so that once handed back it holds
    // the next phrases without growing (a phrase rarely has more).
    if out.capacity() < bytes {
        out.reserve(bytes.max(SUBJECT_ROOM));
    }
    out
}

/// Room for most subjects: the least a string is made with.
const SUBJECT_ROOM: usize = 64;

/// `Some(p)` when `keep`; otherwise `p` is handed back (`give_back_string`) for the next
/// phrase, and `None`.
pub(super) fn kept_if(p: String, keep: bool) -> Option<String> {
    if keep {
        return Some(p);
    }
    give_back_string(p);
    None
}

/// `text` as a string of its own (`new_string`).
pub(super) fn copy_of(text: &str) -> String {
    let mut out = new_string(text.len());
    out.push_str(text);
    out
}

/// Hands a string back once its text is copied out, for `new_string` to give again.
pub(super) fn give_back_string(mut s: String) {
    if s.capacity() == 0 || s.capacity() > STRING_ROOM {
        return;
    }
    s.clear();
    let _ = STRINGS.try_with(|kept| {
        if let Ok(mut kept) = kept.try_borrow_mut()
            && kept.len() < KEPT_STRINGS
        {
            kept.push(s);
        }
    });
}

/// The most words a phrase may have: a longer one is no subject (`join`).
const MOST_WORDS: usize = 20;

/// Words joined by spaces, with no space inside parentheses: `electric vehicles (EVs)`.
pub(super) fn join<'a>(words: impl Iterator<Item = &'a str>, bytes: usize) -> String {
    let mut out = new_string(bytes);
    let mut open = 0i32;
    // The spaces put in, and whether every word has a byte: words are tokens, with no white
    // space inside, so then the words of `out` are one more than its spaces.
    let (mut spaces, mut plain) = (0usize, true);
    for w in words {
        if w == ")" {
            out.push(')');
            open -= 1;
            continue;
        }
        if !out.is_empty() && !out.ends_with('(') {
            out.push(' ');
            spaces += 1;
        }
        plain &= !w.is_empty();
        out.push_str(w);
        if w == "(" {
            open += 1;
        }
    }
    // An unbalanced parenthesis is cut away rather than left dangling.
    if open != 0 {
        out = out
            .replace(['(', ')'], "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
    }
    let count = if plain && open == 0 {
        usize::from(!out.is_empty()) + spaces
    } else {
        out.split_whitespace().count()
    };
    if count > MOST_WORDS {
        return String::new();
    }
    out
}

/// True when the token before `at` is a preposition that can hold a number inside a noun
/// phrase (`at 26 retailers`, `from 41 firms`).
pub(super) fn after_preposition(toks: &[T], at: usize) -> bool {
    let next_is_word = word_class(toks, at + 1).is_some_and(|c| c & FORWARD_STOP == 0);
    next_is_word
        && at
            .checked_sub(1)
            .and_then(|m| word_class(toks, m))
            .is_some_and(|p| p & COUNT_PREP != 0)
}

/// `Quarter 3`, `Phase 2`: a number after a capitalized word is part of a name.
fn labelled(toks: &[T], at: usize) -> bool {
    at > 0 && word_class(toks, at - 1).is_some_and(|c| c & UPPER != 0 && c & DIGIT == 0)
}

/// True when the parenthesis closing at token `close` holds a figure.
pub(super) fn holds_figure(toks: &[T], close: usize) -> bool {
    toks.get(..close)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|t| t.tok != Tok::Punct('('))
        .any(|t| matches!(t.tok, Tok::Fig(_)))
}

/// Start of the noun phrase that ends right before token `end`, read backwards; `extra`
/// is the bit of a list of words that also end it (`AND`, `BEFORE_STOP`, ... or 0).
pub(super) fn back_start(toks: &[T], all: &[Found], end: usize, extra: u64) -> usize {
    let mut i = end;
    // The phrase ends before the clause's verb (a reduced relative may stand inside it).
    // Asked only of a verb inside the phrase.
    let ends_at_verb = || word_class(toks, end).is_some_and(|c| c & MODAL != 0) || verb_at(toks, end);
    let mut depth = 0usize;
    while i > 0 {
        let t = &toks[i - 1];
        match t.tok {
            // A parenthesis holding a figure is another list item: the phrase ends there.
            Tok::Punct(')') if depth == 0 && holds_figure(toks, i - 1) => break,
            Tok::Punct(')') => depth += 1,
            Tok::Punct('(') if depth > 0 => depth -= 1,
            // `exports of K-food—led by ...—increased`: an aside between two em dashes is
            // stepped over; a single dash (a dateline) ends the phrase.
            Tok::Punct('—') if depth == 0 => match toks[..i - 1].iter().rposition(|t| t.tok == Tok::Punct('—')) {
                Some(m) => i = m + 1,
                None => break,
            },
            Tok::Punct(_) if depth == 0 => break,
            Tok::Punct(_) => {}
            Tok::Fig(fi) if is_date(all, fi) => {}
            // `sales at 26 major retailers`: a number after a preposition is inside the phrase.
            Tok::Fig(fi)
                if after_preposition(toks, i - 1) && all.get(fi).is_some_and(|f| f.figure.kind == Kind::Count) => {}
            Tok::Fig(_) => break,
            Tok::Word(_) if depth > 0 => {}
            Tok::Word(_) => {
                let c = t.class();
                // `produced by`, `sold within`: a participle inside the noun phrase.
                // `the value added of industries`: a participle before `of` is inside the phrase.
                let before_of = || {
                    matches!(toks.get(i).map(|n| n.tok), Some(Tok::Word(w)) if w.eq_ignore_ascii_case("of"))
                        && c & VERB_LISTED == 0
                };
                // `total hours worked were up`: an `-ed` form between a noun and the verb.
                let before_verb = || {
                    matches!(t.tok, Tok::Word(w) if w.ends_with("ed"))
                        && c & VERB_LISTED == 0
                        && word_class(toks, i).is_some_and(|n| n & (COPULA | MODAL | VERB_LISTED) != 0)
                        && i >= 2
                        && word_class(toks, i - 2).is_some_and(|p| {
                            p & (IS_VERB | VERB_LISTED | MODAL | PREPOSITION | ARTICLE | DETERMINER) == 0
                        })
                };
                let passive = || {
                    word_class(toks, i).is_some_and(|n| n & PASSIVE != 0)
                        || before_of()
                        || before_verb()
                        || reduced_relative(toks, i - 1, extra, ends_at_verb())
                };
                // `and` joins nouns (`deals and MOUs`) unless a level or figure stands before it.
                // `all went up and the food products`: not after a particle, adverb or verb.
                let and_stop = c & AND != 0
                    && extra & AND != 0
                    && match i.checked_sub(2).and_then(|m| toks.get(m)) {
                        Some(p) if matches!(p.tok, Tok::Word(_)) => {
                            p.class() & (GENERIC_WORD | DIGIT) != 0
                                || p.lower() & (NEVER | ADVERB | PREPOSITION) != 0
                                || verb_at(toks, i - 2)
                        }
                        Some(_) | None => true,
                    };
                // `to` is part of a phrase (`exports to China`) unless a verb follows (`to grow`).
                let to_verb = c & TO != 0 && (i >= end || verb_at(toks, i));
                let stop = c & BACK_STOP != 0
                    || (c & extra != 0 && c & AND == 0)
                    || and_stop
                    || to_verb
                    || (c & DIGIT != 0 && !after_preposition(toks, i - 1) && !labelled(toks, i - 1))
                    || (verb_at(toks, i - 1) && !passive() && !adjectival(toks, i - 1));
                if stop {
                    break;
                }
            }
        }
        i -= 1;
    }
    // After a modal comes a bare verb, not the phrase: `will send relief goods`.
    let modal = i > 0 && word_class(toks, i - 1).is_some_and(|c| c & AUX != 0);
    if modal && i + 1 < end {
        i += 1;
    }
    i
}

/// End of the noun phrase that starts at token `start`, read forwards.
pub(super) fn forward_end(toks: &[T], start: usize, max: usize) -> usize {
    let mut i = start;
    while let Some(t) = toks.get(i) {
        match t.tok {
            // In a headline a capitalized word is a name part (`Advanced Materials`), not a verb.
            Tok::Word(w)
                if t.class() & FORWARD_STOP == 0
                    && i - start < max
                    && (t.class() & UPPER != 0 || !verb_at(toks, i))
                    && (i == start || !new_phrase(t, w)) =>
            {
                i += 1
            }
            _ => break,
        }
    }
    i
}

/// Inside a noun phrase read forwards, an article or determiner starts another phrase
/// (`12 TWh of electricity a year`), and so does a preposition other than `of` (`savings
/// within two years`, `a wind complex off the coast`).
fn new_phrase(t: &T, w: &str) -> bool {
    let c = t.lower();
    (c & (NOUN_ARTICLE | DETERMINER) != 0 && t.class() & UPPER == 0)
        || (c & PREPOSITION != 0 && !w.eq_ignore_ascii_case("of") && t.class() & UPPER == 0)
}

/// Whether `w` is a preposition that attaches a post-modifier to a noun, or `for`.
pub(super) fn is_post_prep(w: &str) -> bool {
    // Every such word has 2 to 5 bytes: most words are told by their length.
    (2..=5).contains(&w.len())
        && (w.eq_ignore_ascii_case("for") || POST_PREPS.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// A preposition that attaches a post-modifier to a noun.
pub(super) fn post_prep(toks: &[T], i: usize) -> bool {
    matches!(toks.get(i).map(|t| t.tok), Some(Tok::Word(w)) if POST_PREPS.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// End of a noun phrase with its post-modifiers, read forwards from `start`:
///
/// ```text
/// NP = head-words (post-prep head-words)*     -- not a PP about time (`in the first quarter`)
/// ```
///
/// `tariffs into Mexico`, `imports of oil from outside the EU`, `trade in goods with partners`.
pub(super) fn np_end(toks: &[T], all: &[Found], start: usize, max: usize) -> usize {
    let mut i = forward_end(toks, start, max);
    if i == start {
        return i;
    }
    while i - start < max && post_prep(toks, i) && !verb_goal(toks, i) {
        let j = forward_end(toks, i + 1, max);
        let time = toks
            .get(i + 1..j)
            .is_some_and(|pp| pp.iter().any(|t| t.lower() & TIME != 0));
        if j == i + 1 || time || j - start > max || dated(toks, all, j) {
            break;
        }
        i = j;
    }
    i
}

/// The head of a phrase: its last word before the first post-modifier.
pub(super) fn head(p: &str) -> &str {
    // One walk over the bytes, ASCII ones told by their value; a character that is not
    // ASCII (`’`, `é`, a no-break space) is decoded where it stands.
    let b = p.as_bytes();
    let space = crate::words::ascii_space;
    // The character at `i` when it is not ASCII: its length, and whether it is white space.
    let wide = |i: usize| {
        p.get(i..)
            .and_then(|r| r.chars().next())
            .map_or((1, false), |c| (c.len_utf8(), c.is_whitespace()))
    };
    let (mut last, mut i) = (0..0, 0);
    while let Some(&c) = b.get(i) {
        if !c.is_ascii() {
            if let (n, true) = wide(i) {
                i += n;
                continue;
            }
        } else if space(c) {
            i += 1;
            continue;
        }
        let start = i;
        // Eight visible bytes at a time; a control byte is inside the word too.
        loop {
            let run = crate::words::visible_at(b, i);
            i += run;
            if run == 8 {
                continue;
            }
            match b.get(i) {
                Some(&c) if !c.is_ascii() => match wide(i) {
                    (_, true) => break,
                    (n, false) => i += n,
                },
                Some(&c) if !space(c) => i += 1,
                _ => break,
            }
        }
        if !last.is_empty() && p.get(start..i).is_some_and(is_post_prep) {
            break;
        }
        last = start..i;
    }
    p.get(last).unwrap_or("")
}

/// `head`, of the words of a phrase (its oracle).
#[cfg(test)]
fn head_of<'a>(words: impl Iterator<Item = &'a str>) -> &'a str {
    let mut last = "";
    for w in words {
        if is_post_prep(w) && !last.is_empty() {
            break;
        }
        last = w;
    }
    last
}

/// `oil exported to EU countries, which fell`, `FDI pledged to Korea reached`: before a
/// relative pronoun (`extra` holds `RELATIVE_STOP`) or the clause's verb, a regular `-ed`
/// form followed by a preposition and preceded by a noun is a participle inside the noun
/// phrase, not the verb of a clause.
fn reduced_relative(toks: &[T], j: usize, extra: u64, before_verb: bool) -> bool {
    let Some(c) = word_class(toks, j) else { return false };
    let regular_ed =
        matches!(toks[j].tok, Tok::Word(w) if w.ends_with("ed")) && c & IS_VERB != 0 && c & VERB_LISTED == 0;
    let after_noun = j > 0
        && (toks[j - 1].tok == Tok::Punct(')')
            || word_class(toks, j - 1)
                .is_some_and(|p| p & (MODAL | IS_VERB | VERB_LISTED | PREPOSITION | ARTICLE) == 0));
    (extra & RELATIVE_STOP != 0 || before_verb)
        && regular_ed
        && lower_at(toks, j + 1).is_some_and(|n| n & PREPOSITION != 0)
        && after_noun
}

/// `add 26 GW of capacity to the grid`, `a loan with a refiner`: `to`/`into` or `with`
/// before a determiner more often names where the verb's action goes than a part of the noun.
fn verb_goal(toks: &[T], i: usize) -> bool {
    let goal = matches!(toks[i].tok, Tok::Word(w) if ["to", "into", "with"].iter().any(|p| w.eq_ignore_ascii_case(p)));
    goal && lower_at(toks, i + 1).is_some_and(|n| n & (ARTICLE | DETERMINER) != 0)
}

/// A date figure stands at token `j` (`in FY 2021-22`: the words before it are the date's).
pub(super) fn dated(toks: &[T], all: &[Found], j: usize) -> bool {
    matches!(toks.get(j).map(|t| t.tok), Some(Tok::Fig(g)) if is_date(all, g))
}

/// `Seasonally adjusted GDP`, `the revised estimates`: a regular `-ed`/`-ing` form at the
/// start of a phrase (after nothing, punctuation, a determiner, a preposition or an adverb
/// in `-ly`) and before a noun is an adjective, not a verb.
fn adjectival(toks: &[T], j: usize) -> bool {
    let Some(c) = word_class(toks, j) else { return false };
    let regular = c & IS_VERB != 0 && c & VERB_LISTED == 0;
    let noun_after = word_class(toks, j + 1).is_some_and(|n| {
        n & (FORWARD_STOP | ARTICLE | DETERMINER | PREPOSITION | MODAL | COPULA | IS_VERB | VERB_LISTED) == 0
    });
    let opens = match j.checked_sub(1).map(|m| &toks[m]) {
        None => true,
        Some(p) => match p.tok {
            Tok::Word(_) => {
                let pc = p.class();
                pc & (ARTICLE | DETERMINER | PREPOSITION | TAIL_LY) != 0
            }
            _ => true,
        },
    };
    regular && noun_after && opens
}

/// `In the same period exports rose`: a phrase that opens with a preposition and a time
/// noun starts after the time noun.
pub(super) fn past_time_lead(toks: &[T], start: usize, end: usize) -> usize {
    if lower_at(toks, start).is_none_or(|l| l & PREPOSITION == 0) {
        return start;
    }
    match toks
        .get(start..end)
        .and_then(|w| w.iter().rposition(|t| t.lower() & TIME != 0))
    {
        Some(m) if start + m + 1 < end => start + m + 1,
        _ => start,
    }
}

/// A phrase headed by a measure noun with no noun before it to say what is measured
/// (`a total`, `the record high`, `its highest level`), and no `of` after it: it names no
/// subject. `the unemployment rate`, `export value` and `the value of exports` do.
pub(super) fn bare_measure(p: &str) -> bool {
    let h = head(p);
    if !in_list(GENERIC_WORD, h) {
        return false;
    }
    let (mut before, mut words) = (None, p.split_whitespace());
    for w in words.by_ref() {
        if w == h {
            break;
        }
        before = Some(w);
    }
    if words.next().is_some_and(|w| w.eq_ignore_ascii_case("of")) {
        return false;
    }
    let modifier = before.is_some_and(|w| {
        let not_noun = [
            "historic",
            "high",
            "low",
            "record",
            "new",
            "previous",
            "same",
            "annual",
            "overall",
            "combined",
            "cumulative",
            "average",
            "further",
            "additional",
        ];
        let ends = |x: &str| {
            w.get(w.len().saturating_sub(x.len())..)
                .is_some_and(|e| e.eq_ignore_ascii_case(x))
        };
        lists(w) & (ARTICLE | DETERMINER | GENERIC_WORD | ADVERB | TIME) == 0
            && !["est", "ly", "ed", "ing"].iter().any(|x| ends(x))
            && !w.contains('-')
            && !not_noun.iter().any(|n| w.eq_ignore_ascii_case(n))
            && w.chars().any(char::is_alphabetic)
    });
    !modifier
}

#[cfg(test)]
mod tests {
    use super::{STRING_ROOM, bare_measure, copy_of, give_back_string, new_string};
    use crate::subject::tests::subjects;

    #[test]
    fn a_string_handed_back_is_given_again_empty() {
        // Whatever the thread kept before is taken first.
        while new_string(0).capacity() > 0 {}
        let s = copy_of("exports of tea");
        let at = s.as_ptr() as usize;
        give_back_string(s);
        let again = new_string(4);
        assert!(again.is_empty());
        assert_eq!(again.as_ptr() as usize, at);
        // A string too large to keep is let go: none is kept to be given.
        give_back_string(String::with_capacity(STRING_ROOM + 1));
        assert_eq!(new_string(0).capacity(), 0);
    }

    #[test]
    fn a_rejected_phrase_is_handed_back() {
        while new_string(0).capacity() > 0 {}
        let p = copy_of("the rate");
        let at = p.as_ptr() as usize;
        assert_eq!(super::kept_if(p, false), None);
        let again = new_string(4);
        assert_eq!(again.as_ptr() as usize, at);
        assert_eq!(super::kept_if(copy_of("exports"), true).as_deref(), Some("exports"));
    }

    #[test]
    fn a_string_made_anew_has_room_for_a_longer_phrase() {
        while new_string(0).capacity() > 0 {}
        let s = copy_of("tea");
        assert!(s.capacity() >= super::SUBJECT_ROOM);
        // Handed back and given again, it takes a longer phrase in the same room.
        let at = s.as_ptr() as usize;
        give_back_string(s);
        let again = copy_of("exports of green tea to island markets");
        assert_eq!(again.as_ptr() as usize, at);
    }

    proptest::proptest! {
        /// The byte walk finds the head that the words of `split_whitespace` give.
        #[test]
        fn head_by_bytes_as_by_words(picks in proptest::collection::vec(0..15usize, 0..12)) {
            const PIECES: [&str; 15] = [
                "wool", " ", "\t", "of", "For", "é", "exports", "\u{a0}", "into", "x-y", "\u{1c}", "manufacturing",
                "’s", "\u{85}", "\u{2003}",
            ];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            proptest::prop_assert_eq!(super::head(&text), super::head_of(text.split_whitespace()), "{:?}", text);
        }
    }

    #[test]
    fn every_post_preposition_is_one() {
        for p in super::POST_PREPS.iter().chain(&["for"]) {
            assert!(super::is_post_prep(p) && super::is_post_prep(&p.to_uppercase()), "{p}");
        }
        assert!(!super::is_post_prep("form"));
    }

    #[test]
    fn measures_with_and_without_a_noun() {
        for p in [
            "a record high",
            "its highest level",
            "the total",
            "an annual average",
            "estimated fall",
        ] {
            assert!(bare_measure(p), "{p}");
        }
        for p in [
            "the unemployment rate",
            "export value",
            "the value of exports",
            "sales growth",
        ] {
            assert!(!bare_measure(p), "{p}");
        }
    }

    #[test]
    fn time_phrases_and_labels_at_the_end_are_dropped() {
        assert_eq!(
            subjects("The level of rice output in Quarter 3 is now 0.4% below its peak."),
            ["the level of rice output"]
        );
    }

    #[test]
    fn phrases_read_forwards_stop_at_a_new_phrase() {
        assert_eq!(subjects("The plant will make 8 TWh of steam a year."), ["steam"]);
        assert_eq!(subjects("The town saved 2 TWh of power within three years."), ["power"]);
        assert_eq!(
            subjects("It signed a $5 million loan with a Peruvian smelter."),
            ["loan"]
        );
        assert_eq!(
            subjects("Imports of tin from outside the union fell by $40 million."),
            ["imports of tin from outside the union"]
        );
    }

    /// Every phrase of `text` (cut into sentences) from each token to each later one, up to
    /// `reach` tokens long: `phrase_vetted` is `phrase` with `names_something_timeless` of it,
    /// a phrase it finds plain is one `refined` leaves as it is, and a phrase copied in one
    /// piece is its words joined.
    fn phrases_vetted_as_their_strings(text: &str, reach: usize) {
        for span in crate::sentences::split(text) {
            let sentence = &text[span];
            let all = crate::scan::figures(sentence, false);
            let toks = crate::subject::tokens::cut(sentence, &all).toks;
            for from in 0..toks.len() {
                for to in from..=(from + reach).min(toks.len()) {
                    let (p, vetted) = super::phrase_vetted(sentence, &toks, &all, from, to);
                    assert_eq!(p, super::phrase(sentence, &toks, &all, from, to));
                    let mut listed = Vec::new();
                    let first = super::phrase_in_by_list(sentence, &toks, &all, from, to, &mut listed);
                    assert_eq!(p, first, "{sentence:?} {from}..{to}");
                    let want = crate::subject::compare::names_something_timeless(&p);
                    assert_eq!(vetted.timeless, want, "{p:?} of {sentence:?}");
                    assert!(!vetted.plain || crate::subject::refined(p.clone()) == p, "{p:?}");
                    let mut words = Vec::new();
                    let joined = super::phrase_in(sentence, &toks, &all, from, to, &mut words);
                    assert_eq!(joined, super::join(words.iter().map(|w| w.0), 0), "{sentence:?}");
                }
            }
        }
    }

    proptest::proptest! {
        /// A phrase's word tokens tell whether it names something as its string does.
        #[test]
        fn phrases_are_vetted_from_their_tokens(picks in proptest::collection::vec(0..25usize, 0..14)) {
            const PIECES: [&str; 25] = [
                "wool", "of", "in", "the", "exports", "quarter", "rose", "expected", "sharply", "Korea's",
                "U.S.", "“tea”", "x-y", "for", "January", "(", ")", "5%", "—", "2024", "'", "year", "a total of",
                "these", "estimate",
            ];
            let text = picks.iter().map(|&n| PIECES[n]).collect::<Vec<_>>().join(" ");
            phrases_vetted_as_their_strings(&text, 14);
        }
    }

    #[test]
    fn phrases_of_the_fixtures_are_vetted_from_their_tokens() {
        let texts = crate::fixture_texts();
        for text in &texts {
            phrases_vetted_as_their_strings(text, 8);
        }
        assert!(!texts.is_empty());
    }

    /// The phrase of all tokens of `text` as `phrase` gives it, and as `join` makes it of
    /// the same words: one piece of the text or word by word, the same.
    fn whole_phrase(text: &str) -> (String, String) {
        let all = crate::scan::figures(text, false);
        let toks = crate::subject::tokens::cut(text, &all).toks;
        let p = super::phrase(text, &toks, &all, 0, toks.len());
        let mut words = Vec::new();
        let joined = super::phrase_in(text, &toks, &all, 0, toks.len(), &mut words);
        let by_words = super::join(words.iter().map(|w| w.0), 0);
        assert_eq!(joined, p);
        (p, by_words)
    }

    #[test]
    fn a_phrase_is_its_words_joined_whether_copied_whole_or_not() {
        for text in [
            "wool exports to small island markets",
            "wool  exports\tto markets",
            "exports of electric vehicles (EVs) to markets",
            "wool exports in 2024 to island markets",
            "wool exports — a record — to markets",
            "a total of 62 proposals",
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty",
            "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty more",
            "café owners’ stalls",
        ] {
            let (p, by_words) = whole_phrase(text);
            assert_eq!(p, by_words, "{text}");
        }
        assert_eq!(whole_phrase("wool  exports\tto markets").0, "wool exports to markets");
        assert!(whole_phrase("one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty more").0.is_empty());
    }
}
