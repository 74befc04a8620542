//! subject: what a figure measures, as words of its sentence.
//!
//! The sentence is cut into tokens (words, punctuation, whole figures); words fall into
//! classes (closed classes listed whole, verb categories, the rest by form and place:
//! `words.rs`, `verbs.rs`); noun phrases are chunked with their post-modifiers
//! (`phrase/`). The subject is the phrase tied to the figure by the first relation that
//! names something, in this order:
//!
//! ```text
//! counted        under one million (983,000; 57%) people aged 60   -> people aged 60
//! share          covered 31% of Europe's trade                    -> Europe's trade
//! change after   a £2.7 billion fall in exports                   -> exports
//! base           up from 2.0%, compared with £3.3 billion         -> the figure before's
//! respectively   X, Y and Z rose A, B and C, respectively         -> pairs in order
//! amount         KRW 400 billion in state funding                 -> state funding
//! apposed change ..., a record for fuel exports, up 7%            -> fuel exports
//! parenthesis    exports rose to Canada (up 3.1 percent), ...     -> exports to Canada
//! before         a deficit of £10 billion on goods                -> deficit on goods
//! shared         26 GW in 2025 and 22 GW in 2026                  -> the figure before's
//! headline       Ministry Unveils KRW 2 Trillion Battery Fund     -> Battery Fund
//! clause         inflation is expected to be 2.1%                 -> inflation
//! sentence before The terms of trade index is ... The index rose 1% -> The terms of trade index
//! ```
//!
//! Each relation gives up rather than guess; the answer is empty when none names something.

mod anaphora;
mod clause;
mod compare;
mod items;
mod near;
#[cfg(test)]
mod oracle;
mod phrase;
mod tokens;
mod verbs;
mod wordlists;
mod words;

use std::ops::Range;

use crate::scan::Found;

use anaphora::{Anaphor, anaphor_at, antecedent};
use clause::clause_subject_vetted;
use compare::{
    base_of, lone_measure, names_something, names_something_timeless, phrase_right_before, shares_previous,
    whole_of_share, without_deictic_seeing,
};
use items::{Lists, counted_after_bracket, parenthesised, respectively};
use near::{after_amount, after_change, before, headline_noun, share_of};
use phrase::{copy_of, give_back_string};
use tokens::{T, Tok, Tokens, cut, give_back, is_title, measured};
use words::{TITLE_WORD, UPPER};

/// The subjects of all figures of a sentence, in order: the sentence is cut into words once.
pub fn subjects(sentence: &str, all: &[Found]) -> Vec<String> {
    let (mut store, mut spans) = (String::new(), Vec::new());
    subjects_kept("", sentence, all, true, &mut store, &mut spans);
    owned(&store, &spans)
}

/// The subjects named by `spans` of `store`, each as a string of its own.
fn owned(store: &str, spans: &[Range<usize>]) -> Vec<String> {
    spans
        .iter()
        .map(|r| store.get(r.clone()).unwrap_or_default().to_string())
        .collect()
}

/// `subjects`, with `before` the text of the body up to the sentence: a subject the
/// sentence only points to (`it`, `the index`) is looked for in the sentence before.
/// Each figure's subject is appended to `store`, and its range there pushed onto `spans`
/// (an empty one for none): the caller keeps both for a whole release.
///
/// A sentence that opens a line with `(` or a lower-case word, after a line that ends with
/// no full stop, goes on from that line (hard-wrapped text: `... adult women (3.1 percent),
/// teenagers` / `(9.8 percent), ...`): it is read joined to it.
pub fn subjects_after(before: &str, sentence: &str, all: &[Found], store: &mut String, spans: &mut Vec<Range<usize>>) {
    let Some(head_at) = continued_from(before, sentence) else {
        return subjects_kept(before, sentence, all, true, store, spans);
    };
    let head = before.get(head_at..).unwrap_or("").trim();
    let joined = format!("{head} {sentence}");
    let shift = head.len() + 1;
    let mut found = crate::scan::figures(head, false);
    let n = found.len();
    found.extend(all.iter().cloned().map(|mut f| {
        f.figure.start += shift;
        f.figure.end += shift;
        f.text_start += shift;
        f
    }));
    let earlier = before.get(..head_at).unwrap_or("");
    let first = spans.len();
    subjects_kept(earlier, &joined, &found, true, store, spans);
    // The head's own figures are the line before's: their subjects are not this sentence's.
    spans.drain(first..(first + n).min(spans.len()));
}

/// Where the unfinished sentence that `sentence` continues starts in `before`: `before`
/// ends in one line break after text with no full stop, six words or more (fewer are a
/// heading), and `sentence` opens with `(` or a lower-case letter.
fn continued_from(before: &str, sentence: &str) -> Option<usize> {
    let opens = sentence
        .trim_start()
        .starts_with(|c: char| c == '(' || c.is_ascii_lowercase());
    let text = before.trim_end_matches([' ', '\t', '\r']);
    let text = text.strip_suffix('\n')?;
    if !opens || text.ends_with('\n') || text.trim_end().ends_with(['.', '!', '?', ':', ';']) {
        return None;
    }
    // The head starts after the last sentence end or blank line, within 600 bytes.
    let floor = text.len().saturating_sub(600);
    let mut start = floor;
    for (i, c) in text.char_indices().rev() {
        if i < floor {
            break;
        }
        let next = text.get(i + c.len_utf8()..).and_then(|r| r.chars().next());
        let ends = matches!(c, '.' | '!' | '?') && next.is_some_and(char::is_whitespace);
        let blank = c == '\n' && next == Some('\n');
        if ends || blank {
            start = i + c.len_utf8();
            break;
        }
    }
    // A short line is a heading, not a sentence cut by the wrap.
    (text.get(start..)?.split_whitespace().count() >= 6).then_some(start)
}

/// `subjects_after`; `keep` whether the list rules go on from what they found for the
/// figures before (the oracle test checks that this finds what a fresh start finds).
fn subjects_kept(
    before: &str,
    sentence: &str,
    all: &[Found],
    keep: bool,
    store: &mut String,
    spans: &mut Vec<Range<usize>>,
) {
    if !all.iter().any(measured) {
        spans.extend(std::iter::repeat_n(store.len()..store.len(), all.len()));
        return;
    }
    let Tokens {
        toks,
        fig_tokens,
        title: sentence_title,
        respectively,
    } = cut(sentence, all);
    // Each subject is looked for within a window of words around its figure, so that a
    // "sentence" thousands of words long (a text without full stops) stays linear.
    const REACH: usize = 80;
    // Whether the window is a headline, kept while the window stays the same (the whole
    // sentence, when it is short).
    let mut title: Option<(usize, usize, bool)> = None;
    // What the list rules found, kept while the window stays the same.
    let mut lists = Lists::default();
    // The last figure with a subject: its token and its subject (a base takes it).
    let mut prev: Option<(usize, usize)> = None;
    // Where `store` holds the subject found for the figure before, as found (before
    // `abbreviated`).
    let mut last_found: Option<Range<usize>> = None;
    // The sentence's first figure in `spans`.
    let base = spans.len();
    // Whether an anaphor may have an antecedent: the paragraph holds text before the sentence.
    let paragraph_before = !opens_paragraph(before);
    // The sentence from its first word, which `sentence_case` compares every subject with.
    let opening = sentence.trim_start();
    for fi in 0..all.len() {
        // The figure's token, as the cut found it.
        let at = fig_tokens.get(fi).copied().filter(|&k| k != usize::MAX);
        debug_assert_eq!(at, figure_token_by_halving(&toks, all, fi));
        let shown = match at {
            // A date has no subject: nothing is read for it. (Two figures around it with
            // one window, the whole sentence, had the date in that window too.)
            Some(_) if !all.get(fi).is_some_and(measured) => store.len()..store.len(),
            Some(k) => {
                let (lo, hi) = (k.saturating_sub(REACH), (k + REACH).min(toks.len()));
                let window = &toks[lo..hi];
                let t = match title {
                    Some((a, b, t)) if (a, b) == (lo, hi) => t,
                    _ => {
                        // What the tokens remember of their place was of another window:
                        // only that window's tokens were asked (all of them, on a long
                        // sentence, would be quadratic).
                        if let Some((a, b, _)) = title {
                            toks[a..b].iter().for_each(T::forget_verb);
                        }
                        lists = Lists::default();
                        // A sentence without the word has it in no window.
                        lists.no_respectively = !respectively;
                        // The whole sentence: counted as it was cut.
                        if (lo, hi) == (0, toks.len()) {
                            sentence_title
                        } else {
                            title_case(window)
                        }
                    }
                };
                title = Some((lo, hi, t));
                if !keep {
                    lists = Lists::default();
                    lists.no_respectively = !respectively;
                }
                let earlier = prev
                    .filter(|&(pk, _)| pk >= lo)
                    .and_then(|(_, pi)| spans.get(base + pi))
                    .and_then(|r| store.get(r.clone()));
                let s = subject_at(sentence, opening, window, all, fi, k - lo, t, &mut lists, earlier);
                // A date has no subject: nothing to point back for (nor any anaphor to read).
                let points_back = paragraph_before && all.get(fi).is_some_and(measured);
                let s = match points_back.then(|| anaphor_at(window, k - lo)).flatten() {
                    Some(a) if points(&s, a) => {
                        // A mention in another sentence repeats it: the abbreviation.
                        antecedent(before, a).map_or(s, |p| abbreviated(&p).unwrap_or(p))
                    }
                    _ => s,
                };
                // A repeat names what the first mention defined by its abbreviation.
                let last = last_found.clone().and_then(|r| store.get(r)).unwrap_or("");
                let repeat = (s == last).then(|| abbreviated(&s)).flatten();
                let start = store.len();
                store.push_str(repeat.as_deref().unwrap_or(&s));
                if !s.is_empty() {
                    prev = Some((k, fi));
                    // A repeat leaves the subject as found where it was.
                    if repeat.is_none() {
                        last_found = Some(start..store.len());
                    }
                }
                // Copied out: their room serves the next phrases.
                give_back_string(s);
                if let Some(r) = repeat {
                    give_back_string(r);
                }
                start..store.len()
            }
            // Not a token (a count with its noun): no subject.
            None => store.len()..store.len(),
        };
        spans.push(shown);
    }
    give_back(toks, fig_tokens);
}

/// Whether nothing but white space stands between the last line break of `before` (or its
/// start) and its end: a sentence after it opens a paragraph, and an anaphor in it has no
/// sentence before to point to (`antecedent` reads the paragraph's). Read back from the
/// end; a non-ASCII character is taken for text.
fn opens_paragraph(before: &str) -> bool {
    for &b in before.as_bytes().iter().rev() {
        match b {
            b'\n' => return true,
            b' ' | b'\t' | b'\r' | 0x0b | 0x0c => {}
            _ => return false,
        }
    }
    true
}

/// The token of figure `fi` of `all` in `toks`, looked for: a figure's token starts where
/// its text does, and tokens start in order, so it is found by halving. A figure with no
/// token (a count with its noun, or inside another) has another token there, or none.
/// (The oracle of `Tokens::fig_tokens`.)
fn figure_token_by_halving(toks: &[T], all: &[Found], fi: usize) -> Option<usize> {
    let f = all.get(fi)?;
    let k = toks.partition_point(|t| t.start < f.text_start);
    matches!(toks.get(k).map(|t| t.tok), Some(Tok::Fig(g)) if g == fi).then_some(k)
}

/// The subject of figure `fi`, at token `k` of `toks`; `opening` the sentence without its
/// leading white space; `title` when `toks` is a headline;
/// `lists` what the list rules found for the figures of `toks` before; `prev` the subject
/// of the figure before it, which a base of a change shares.
#[allow(clippy::too_many_arguments)]
fn subject_at(
    sentence: &str,
    opening: &str,
    toks: &[T],
    all: &[Found],
    fi: usize,
    k: usize,
    title: bool,
    lists: &mut Lists,
    prev: Option<&str>,
) -> String {
    let Some(f) = all.get(fi).filter(|f| measured(f)) else {
        return String::new();
    };
    let kind = f.figure.kind;
    let found = counted_after_bracket(sentence, toks, all, k)
        .or_else(|| whole_of_share(sentence, toks, all, k, kind, prev))
        .or_else(|| after_change(sentence, toks, all, k, kind))
        .or_else(|| base_of(sentence, toks, k, prev))
        .or_else(|| respectively(sentence, toks, all, fi, k, lists))
        .or_else(|| after_amount(sentence, toks, all, k, kind))
        .or_else(|| phrase_right_before(sentence, toks, all, k, prev))
        .or_else(|| parenthesised(sentence, toks, all, fi, k, lists, prev))
        .or_else(|| before(sentence, toks, all, k, prev))
        .or_else(|| shares_previous(toks, k, prev))
        .or_else(|| headline_noun(sentence, toks, all, fi, k, title));
    // Whether `refined` would leave the subject as it is: no word of an ASCII subject is one
    // it looks for (a deictic, an estimate head), seen in the walk that vets it.
    let mut plain = false;
    let found = match found {
        Some(s) if vet_seeing(&s, &mut plain) => Some(s),
        Some(rejected) => {
            give_back_string(rejected);
            None
        }
        None => None,
    };
    // Whether `subject` is still the phrase that names something, as tested above.
    let mut vetted = found.is_some();
    let subject = match found {
        Some(s) => s,
        None => {
            let (s, checked) = clause_subject_vetted(sentence, toks, all, k, &mut lists.clause);
            (vetted, plain) = (checked.timeless, checked.plain);
            s
        }
    };
    // `a figure that is set to rise (to 40%)`: a lone measure is the figure before's.
    let subject = match prev {
        Some(p) if lone_measure(&subject) => {
            (vetted, plain) = (false, false);
            give_back_string(subject);
            copy_of(p)
        }
        _ => subject,
    };
    let subject = match prev.and_then(|p| standing_in(&subject, p)) {
        Some(s) => {
            (vetted, plain) = (false, false);
            give_back_string(subject);
            s
        }
        None => subject,
    };
    let subject = if vetted && plain {
        subject
    } else if vetted || names_something_timeless(&subject) {
        refined(subject)
    } else {
        give_back_string(subject);
        share_of(sentence, toks, all, k)
            .filter(|s| names_something(s))
            .unwrap_or_default()
    };
    if title { subject } else { opening_case(opening, subject) }
}

/// `Consumer Prices Index (CPI) annual inflation` -> `CPI annual inflation`: a phrase with an
/// abbreviation in brackets, written with the abbreviation in place of its long form. The
/// long form starts at the first word with the abbreviation's first letter.
///
/// ```text
/// words long-form "(" ABBR ")" rest     -> words ABBR rest      (ABBR: 2-6 capitals [s])
/// ```
fn abbreviated(subject: &str) -> Option<String> {
    // A byte walk: a subject is short, shorter than a search pays for.
    let open = subject.bytes().position(|b| b == b'(')?;
    let close = open + subject.get(open..)?.find(')')?;
    let abbr = subject.get(open + 1..close)?;
    let letters = abbr.strip_suffix('s').unwrap_or(abbr);
    if !(2..=6).contains(&letters.len()) || !letters.bytes().all(|b| b.is_ascii_uppercase()) {
        return None;
    }
    let first = letters.bytes().next()?;
    let head = subject.get(..open)?.trim_end();
    let mut at = 0;
    let mut start = None;
    for w in head.split(' ') {
        if w.bytes().next().is_some_and(|b| b.eq_ignore_ascii_case(&first)) {
            start = Some(at);
            break;
        }
        at += w.len() + 1;
    }
    let start = start?;
    // One word before the bracket is a name, not a long form to replace.
    if head.get(start..)?.split(' ').count() < 2 {
        return None;
    }
    Some(format!("{}{abbr}{}", head.get(..start)?, subject.get(close + 1..)?))
}

/// `names_something_timeless(subject)`; `plain` set to whether `refined` leaves `subject`
/// as it is for want of a word it looks for: an ASCII subject with no deictic and no head
/// of `estimated` among its words (a word that `refined` splits at spaces is one of these).
fn vet_seeing(subject: &str, plain: &mut bool) -> bool {
    let mut seen = subject.is_ascii();
    let named = compare::names_something_timeless_seeing(
        subject,
        Some(|w: &str| {
            seen = !refined_looks_for(w.as_bytes());
            seen
        }),
    );
    *plain = seen;
    named
}

/// Whether `refined` looks for the word `w`: a deictic, or a head of `estimated`. A
/// subject with none of these (and ASCII, so split as `refined` splits it) is left as it is.
/// Told by the word's length first: a head has 3, 4 or 8 to 10 bytes, a deictic 4 or 5, and
/// most words neither.
#[inline]
fn refined_looks_for(w: &[u8]) -> bool {
    match w.len() {
        3 | 8..=10 => is_estimate_head(w),
        4 => is_estimate_head(w) || compare::is_deictic(w),
        5 => compare::is_deictic(w),
        _ => false,
    }
}

/// `refined_looks_for` as first written (its oracle).
#[cfg(test)]
fn refined_looks_for_by_both(w: &[u8]) -> bool {
    is_estimate_head(w) || compare::is_deictic(w)
}

/// `estimated(without_deictic(subject))`: the one walk over the words that looks for a
/// deictic also looks for a head of `estimated`, which most subjects lack. (The words left
/// by `without_deictic` are some of those seen: with no head among these, none among them.)
fn refined(subject: String) -> String {
    // Both need three words (`X of Y`, `X in these Y`): fewer, split at spaces, stay as they are.
    if subject.bytes().filter(|&b| b == b' ').nth(1).is_none() {
        return subject;
    }
    let mut head = false;
    let subject = without_deictic_seeing(subject, |w| {
        head |= matches!(w.len(), 3 | 4 | 8..=10) && is_estimate_head(w);
    });
    if head { estimated(subject) } else { subject }
}

/// Whether `w` is one of `ESTIMATE_HEADS` in any ASCII case. A head has 3, 4 or 8 to 10
/// bytes and starts with `e`, `s`, `g` or `d`: most words are told by that.
fn is_estimate_head(w: &[u8]) -> bool {
    matches!(w.len(), 3 | 4 | 8..=10)
        && w.first()
            .is_some_and(|b| matches!(b.to_ascii_lowercase(), b'e' | b's' | b'g' | b'd'))
        && ESTIMATE_HEADS.iter().any(|h| w.eq_ignore_ascii_case(h.as_bytes()))
}

/// The nouns whose phrase with `of` is about what follows `of` (`estimated`).
const ESTIMATE_HEADS: [&str; 8] = [
    "estimate",
    "estimates",
    "shortfall",
    "shortfalls",
    "gap",
    "gaps",
    "deviation",
    "deviations",
];

/// `the first quarterly estimate of UK wool output` -> `UK wool output`, `the current
/// shortfall of inflation (from 2 percent)` -> `inflation`: an estimate of X, or X's
/// distance from a level, is about what X measures.
///
/// ```text
/// [article] modifier* head "of" X     -> X     head = estimate | shortfall | gap | deviation (-s)
/// ```
fn estimated(subject: String) -> String {
    // Most subjects hold no such head: they are not split into a list.
    if !crate::words::space_split(subject.as_bytes()).any(is_estimate_head) {
        return subject;
    }
    let words: Vec<&str> = subject.split(' ').collect();
    let Some(e) = words
        .iter()
        .position(|w| ESTIMATE_HEADS.iter().any(|h| w.eq_ignore_ascii_case(h)))
    else {
        return subject;
    };
    let leads_plainly = words[..e]
        .iter()
        .all(|w| w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') || words::lists(w) & words::ARTICLE != 0);
    if !leads_plainly || words.get(e + 1).is_none_or(|w| *w != "of") || e + 2 >= words.len() {
        return subject;
    }
    words[e + 2..].join(" ")
}

/// Whether `subject` is what the anaphor left: nothing for a pronoun, the determiner and
/// the noun alone for a definite (`the index`).
fn points(subject: &str, a: Anaphor) -> bool {
    match a {
        Anaphor::Pronoun => subject.is_empty(),
        Anaphor::Definite(noun) => {
            let mut words = subject.split_whitespace();
            matches!((words.next(), words.next(), words.next()), (Some(_), Some(n), None) if n.eq_ignore_ascii_case(noun))
        }
    }
}

/// `those of web retailers` after `sales of department stores`: `those`/`that` before a
/// preposition stands in for the head of the subject before (`sales of web retailers`).
/// `None` when the subject stays as it is.
fn standing_in(subject: &str, prev: &str) -> Option<String> {
    // Most subjects open otherwise: told by their first bytes, before any split.
    let opens = |w: &[u8]| {
        subject
            .as_bytes()
            .get(..w.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(w))
    };
    if !opens(b"those ") && !opens(b"that ") {
        return None;
    }
    let mut words = subject.splitn(3, ' ');
    let (Some(_), Some(prep), Some(rest)) = (words.next(), words.next(), words.next()) else {
        return None;
    };
    let h = phrase::head(prev);
    (phrase::is_post_prep(prep) && !h.is_empty()).then(|| format!("{h} {prep} {rest}"))
}

/// A common word capitalized only because it starts the sentence is lowercased (`Exports`
/// -> `exports`); names stay (`Korea's exports`, `Hyundai Motor`, `EVs`).
pub(super) fn sentence_case(sentence: &str, subject: String) -> String {
    opening_case(sentence.trim_start(), subject)
}

/// `sentence_case`, with `opening` the sentence without its leading white space (trimmed
/// once for all the figures of the sentence).
fn opening_case(opening: &str, subject: String) -> String {
    // Only a subject that opens the sentence is lowered: most do not, told by one byte.
    if opening.as_bytes().first() != subject.as_bytes().first() {
        return subject;
    }
    // An ASCII first word (the common case) in one walk to its end, the first space (`join`
    // puts single spaces between words): title case is a capital, then lower-case letters
    // and hyphens, as `char::is_uppercase` and `char::is_lowercase` answer for ASCII.
    let b = subject.as_bytes();
    match b.first() {
        Some(f) if f.is_ascii_uppercase() => {}
        Some(f) if f.is_ascii() => return subject,
        Some(_) => return opening_case_in_general(opening, subject),
        None => return subject,
    }
    let mut cut = 1;
    loop {
        match b.get(cut) {
            None | Some(b' ') => break,
            Some(&c) if c.is_ascii_lowercase() || c == b'-' => cut += 1,
            Some(c) if c.is_ascii() => return subject,
            Some(_) => return opening_case_in_general(opening, subject),
        }
    }
    // A title-case word holds no apostrophe: it is no possessive.
    let first = subject.get(..cut).unwrap_or("");
    let second = subject.get(cut + 1..).unwrap_or("");
    if second.starts_with(char::is_uppercase) || !opening.starts_with(first) {
        return subject;
    }
    let mut subject = subject;
    if let Some(first) = subject.get_mut(..1) {
        first.make_ascii_lowercase();
    }
    subject
}

/// `opening_case` for any first word (the oracle of its walk over an ASCII one).
fn opening_case_in_general(opening: &str, subject: String) -> String {
    // Only a subject that opens the sentence is lowered: most do not, told by one byte.
    if opening.as_bytes().first() != subject.as_bytes().first() {
        return subject;
    }
    // The first word runs to the first space (`join` puts single spaces between words).
    let cut = subject.bytes().position(|b| b == b' ').unwrap_or(subject.len());
    let first = subject.get(..cut).unwrap_or("");
    let second = subject.get(cut + 1..).unwrap_or("");
    let titlecase = match first.as_bytes() {
        // ASCII, the common case: a byte test per letter, as `char::is_uppercase` and
        // `char::is_lowercase` answer for ASCII.
        [f, rest @ ..] if first.is_ascii() => {
            f.is_ascii_uppercase() && rest.iter().all(|&b| b.is_ascii_lowercase() || b == b'-')
        }
        _ => {
            first.chars().next().is_some_and(char::is_uppercase)
                && first.chars().skip(1).all(|c| c.is_lowercase() || c == '-')
        }
    };
    if !titlecase {
        return subject;
    }
    let name_follows = second.starts_with(char::is_uppercase);
    let possessive = first.ends_with("'s") || first.ends_with("’s");
    if name_follows || possessive || !opening.starts_with(first) {
        return subject;
    }
    // An ASCII capital lowers in place, as `to_lowercase` lowers it.
    let mut subject = subject;
    if let Some(first) = subject.get_mut(..1).filter(|f| f.is_ascii()) {
        first.make_ascii_lowercase();
        return subject;
    }
    let mut chars = subject.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Most words capitalized: a headline.
fn title_case(toks: &[T]) -> bool {
    let (mut words, mut caps) = (0, 0);
    for t in toks {
        if matches!(t.tok, Tok::Word(_)) && t.title_bits() & TITLE_WORD != 0 {
            words += 1;
            caps += usize::from(t.title_bits() & UPPER != 0);
        }
    }
    is_title(words, caps)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::figures;

    /// The subjects of every figure that has one (money, percent, quantity, counts with
    /// no counted noun), in order.
    pub(super) fn subjects(s: &str) -> Vec<String> {
        let all = figures(s, false);
        super::subjects(s, &all)
            .into_iter()
            .zip(&all)
            .filter(|(_, f)| measured(f))
            .map(|(x, _)| x)
            .collect()
    }

    #[test]
    fn helpers_and_headlines() {
        assert_eq!(
            subjects("Ministry Unveils KRW 2 Trillion Battery Fund"),
            ["Battery Fund"]
        );
        assert_eq!(
            subjects("Shipments to Peru had climbed 4.0 percent, and fees may rise by up to 9 percent."),
            ["shipments to Peru", "fees"]
        );
        assert_eq!(
            subjects("Canned, frozen and processed fish rose 1 percent, 2 percent and 3 percent, respectively."),
            ["canned", "frozen", "processed fish"]
        );
        assert_eq!(subjects("Roughly 40 percent of visitors were students."), ["visitors"]);
        assert_eq!(
            subjects("The agency sold 3 million tons of grain, about 4 percent of national stocks."),
            ["grain", "national stocks"]
        );
        assert_eq!(
            subjects("Exports of kimchi—led by jars and pouches—rose 6 percent."),
            ["exports of kimchi"]
        );
        assert_eq!(subjects("BUSAN — Port fees rose 2 percent."), ["Port fees"]);
        assert_eq!(
            subjects("Exports in the May to June period totaled $2 billion."),
            ["exports"]
        );
        assert_eq!(
            subjects("Bike Exports Jump 8 Percent to $2.1 Billion"),
            ["Bike Exports", "Bike Exports"]
        );
        assert_eq!(subjects("Rail Program Worth KRW 80 Billion Approved"), ["Rail Program"]);
        assert_eq!(
            subjects("USD 5 Million Fund for Green Shipping Launched"),
            ["Fund for Green Shipping"]
        );
        assert_eq!(
            subjects("A mill received a $9 million refinanced loan."),
            ["refinanced loan"]
        );
        assert_eq!(
            subjects("Sales at 12 large outlets rose 3.1 percent."),
            ["sales at 12 large outlets"]
        );
        assert_eq!(
            subjects("New depots will open, cutting fuel costs for carriers by 9%."),
            ["fuel costs for carriers"]
        );
        assert_eq!(
            subjects("Deli sales edged lower, with growth at minus 0.2 percent."),
            ["deli sales"]
        );
    }

    #[test]
    fn stand_ins_and_reduced_relatives() {
        assert_eq!(
            subjects("Sales of kiosks fell 2 percent, while those of food trucks rose 5 percent."),
            ["sales of kiosks", "sales of food trucks"]
        );
        assert_eq!(
            subjects("Total hours worked were up 1.2% on the year."),
            ["total hours worked"]
        );
        assert_eq!(
            subjects("Prices for fuel fell 2.3%, while those for bread rose 1.1%."),
            ["prices for fuel", "prices for bread"]
        );
        // `account` without `for` is a noun.
        assert_eq!(
            subjects("The current account deficit widened by $8 billion."),
            ["the current account deficit"]
        );
    }

    #[test]
    fn an_estimate_is_of_what_it_measures() {
        assert_eq!(
            subjects("The first quarterly estimate of island wool output shows a fall of 0.3%."),
            ["island wool output"]
        );
        assert_eq!(estimated("the revised estimates".into()), "the revised estimates");
        for h in ESTIMATE_HEADS {
            assert_eq!(estimated(format!("the latest {h} of wool output")), "wool output");
        }
        assert_eq!(
            subjects("In light of the shortfall of wool prices from 2 percent, the Board will act."),
            ["wool prices"]
        );
        assert_eq!(
            estimated("Korea's estimate of demand".into()),
            "Korea's estimate of demand"
        );
    }

    proptest::proptest! {
        /// One walk for both gives what the two give in turn.
        #[test]
        fn refined_is_estimated_without_deictic(picks in proptest::collection::vec(0..14usize, 0..10)) {
            const WORDS: [&str; 14] = [
                "the", "latest", "estimate", "of", "wool", "exports", "to", "these", "markets", "GAPS", "in",
                "this", "", "shortfall",
            ];
            let text = picks.iter().map(|&n| WORDS[n]).collect::<Vec<_>>().join(" ");
            let want = estimated(super::compare::without_deictic(text.clone()));
            proptest::prop_assert_eq!(refined(text), want);
        }
    }

    proptest::proptest! {
        /// The walk that vets a subject tells it as `names_something_timeless` does, and a
        /// subject it finds plain is one `refined` leaves as it is.
        #[test]
        fn a_plain_subject_is_left_as_it_is(picks in proptest::collection::vec(0..16usize, 0..10)) {
            const PIECES: [&str; 16] = [
                "wool", " ", "estimate", "of", "these", "\t", "markets", "into", "Those", "GAPS", "year",
                "é", "  ", "the", "exports", "shortfall",
            ];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            // Words spaced as most subjects are, too.
            let spaced = picks.iter().map(|&n| PIECES[n]).collect::<Vec<_>>().join(" ");
            let mut plain = false;
            let named = vet_seeing(&spaced, &mut plain);
            proptest::prop_assert_eq!(named, super::compare::names_something_timeless(&spaced), "{:?}", spaced);
            if plain {
                proptest::prop_assert_eq!(refined(spaced.clone()), spaced);
            }
            let mut plain = false;
            let named = vet_seeing(&text, &mut plain);
            proptest::prop_assert_eq!(named, super::compare::names_something_timeless(&text), "{:?}", text);
            if plain {
                proptest::prop_assert_eq!(refined(text.clone()), text);
            }
        }
    }

    proptest::proptest! {
        /// Before a sentence that opens a paragraph no anaphor finds an antecedent: the
        /// figures of such a sentence are not read for one.
        #[test]
        fn an_anaphor_opening_a_paragraph_points_to_nothing(picks in proptest::collection::vec(0..9usize, 0..8)) {
            const PIECES: [&str; 9] = [
                "The wool index rose 5 percent.", " ", "\n", "\t", "\u{a0}", "It rose 2%.", "\r\n",
                "Wool exports fell", "é",
            ];
            let before: String = picks.iter().map(|&n| PIECES[n]).collect();
            if opens_paragraph(&before) {
                for a in [Anaphor::Pronoun, Anaphor::Definite("index"), Anaphor::Definite("exports")] {
                    proptest::prop_assert_eq!(antecedent(&before, a), None, "{:?}", before);
                }
            }
        }
    }

    #[test]
    fn the_words_refined_looks_for_are_told_by_their_length_first() {
        let mut words: Vec<String> = ESTIMATE_HEADS.iter().map(|h| h.to_uppercase()).collect();
        words.extend(
            [
                "this",
                "These",
                "those",
                "THAT",
                "the",
                "gapx",
                "é",
                "",
                "estimatess",
                "deviation",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(
                refined_looks_for(w.as_bytes()),
                refined_looks_for_by_both(w.as_bytes()),
                "{w}"
            );
        }
        for n in 0..=12 {
            let w = "s".repeat(n);
            assert_eq!(
                refined_looks_for(w.as_bytes()),
                refined_looks_for_by_both(w.as_bytes()),
                "{w}"
            );
        }
    }

    proptest::proptest! {
        /// The walk over an ASCII first word lowers a subject as the general steps do.
        #[test]
        fn an_opening_word_is_lowered_as_in_general(
            picks in proptest::collection::vec(0..16usize, 0..6),
            shared in 0..4usize,
        ) {
            const PIECES: [&str; 16] = [
                "Exports", " ", "of", "Korea's", "É", "tea", "-", "X", "Wool", "é", "’s", "Peru", "5", "EVs", "a", "\u{a0}",
            ];
            let subject: String = picks.iter().map(|&n| PIECES[n]).collect();
            // The sentence opens with the subject, a part of it, or another word.
            let cut = subject.char_indices().nth(shared * 2).map_or(subject.len(), |(i, _)| i);
            for opening in [format!("{subject} rose 5%."), format!("{} rose", &subject[..cut]), "Wool rose".to_string()] {
                proptest::prop_assert_eq!(
                    opening_case(&opening, subject.clone()),
                    opening_case_in_general(&opening, subject.clone()),
                    "{:?} in {:?}", subject, opening
                );
            }
        }
    }

    #[test]
    fn a_sentence_opens_a_paragraph_after_a_line_break() {
        assert!(opens_paragraph(""));
        assert!(opens_paragraph("Tea rose 2%.\n"));
        assert!(opens_paragraph("Tea rose 2%.\n \t"));
        assert!(!opens_paragraph("Tea rose 2%. "));
        assert!(!opens_paragraph("Tea rose 2%.\n\u{a0}"));
        // The same answers whether the figures of the sentence read the one before or not.
        assert_eq!(
            subjects_after_text("The wool index rose 5 percent.\n", "It rose 2%."),
            [""]
        );
        assert_eq!(
            subjects_after_text("The wool index rose 5 percent. ", "It rose 2%."),
            ["the wool index"]
        );
    }

    /// The subjects of the figures of `sentence` after the body text `before`.
    fn subjects_after_text(before: &str, sentence: &str) -> Vec<String> {
        let all = figures(sentence, false);
        let (mut store, mut spans) = (String::new(), Vec::new());
        super::subjects_after(before, sentence, &all, &mut store, &mut spans);
        owned(&store, &spans)
    }

    #[test]
    fn a_subject_with_a_deictic_after_its_head_is_no_plain_one() {
        for text in [
            "wool into these markets",
            "sales of wool in this sector",
            "the latest estimate of wool output",
        ] {
            let mut plain = true;
            assert!(vet_seeing(text, &mut plain), "{text}");
            assert!(!plain, "{text}");
            assert_ne!(refined(text.to_string()), text);
        }
    }

    #[test]
    fn a_clause_subject_with_a_deictic_or_an_estimate_is_still_refined() {
        assert_eq!(
            subjects("Wool exports into these markets rose 5 percent."),
            ["wool exports"]
        );
        assert_eq!(
            subjects("The latest estimate of island wool output rose 3 percent."),
            ["island wool output"]
        );
    }

    #[test]
    fn a_repeat_takes_the_abbreviation() {
        assert_eq!(
            subjects("The Wool Price Index (WPI) rose by 4.0% in May, up from 3.1% in April."),
            ["The Wool Price Index (WPI)", "The WPI"]
        );
        assert_eq!(
            subjects("Exports of liquefied natural gas (LNG) cargoes rose 8 percent to $2 billion."),
            [
                "exports of liquefied natural gas (LNG) cargoes",
                "exports of LNG cargoes"
            ]
        );
        assert_eq!(abbreviated("Peru (PE)"), None);
        assert_eq!(abbreviated("tea prices (per kilo)"), None);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            "(",
            ")) (( 5 percent",
            "— — $5 billion —",
            "respectively 1 percent, 2 percent, respectively",
            "①②③ 5% ₩3 billion in ✓ of",
            "to to to 4 percent to",
            "A total of",
            "0,KRW 0",
            "(5; 3%",
            ", up 5%",
            "; widening by 3%",
            "which 5%",
            "and 5%, respectively",
            "of 5% at $3",
            "at 5%",
            "Despite 5%, x",
            "those of 5%",
            "in particular (5%)",
            "• 5%",
            "to 5% of",
        ] {
            let _ = subjects(s);
        }
    }

    #[test]
    fn dates_between_figures_change_no_subject() {
        assert_eq!(
            subjects(
                "Wool exports rose 5 percent in May 2024 and 3 percent on June 4, while yarn sales fell 2 percent in 2023 to $4 billion."
            ),
            ["wool exports", "wool exports", "yarn sales", "yarn sales"]
        );
        // A sentence of more than two windows of words: each figure reads its own window,
        // with dates between the figures.
        const NOUNS: [&str; 22] = [
            "tea", "wool", "yarn", "coffee", "rice", "salt", "milk", "corn", "oat", "beef", "lamb", "fish", "kelp",
            "soy", "rye", "flax", "hemp", "jute", "silk", "cocoa", "sugar", "honey",
        ];
        const WHEN: [&str; 4] = ["in May 2024", "in June 2023", "in 2022", "on July 4"];
        let clauses: Vec<String> = NOUNS
            .iter()
            .enumerate()
            .map(|(i, n)| format!("{n} sales rose {} percent {} to ${} billion", i + 2, WHEN[i % 4], i + 1))
            .collect();
        let long = format!("{}.", clauses.join(", while "));
        assert!(cut(&long, &figures(&long, false)).toks.len() > 2 * 80);
        let want: Vec<String> = NOUNS
            .iter()
            .flat_map(|n| [format!("{n} sales"), format!("{n} sales")])
            .collect();
        assert_eq!(subjects(&long), want);
    }

    #[test]
    fn unclear_gives_nothing() {
        assert_eq!(subjects("It was 5 percent."), [""]);
    }
}
