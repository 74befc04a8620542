//! The words of a span that a phrase keeps: gathered without asides and dates, then cut
//! to its bounds (no frame, sign, lead or tail word, or time phrase at its end).

use crate::scan::Found;
use crate::subject::tokens::{T, Tok, is_date};
use crate::subject::words::*;

#[cfg(test)]
use super::strings::{join, new_string, one_piece};

/// The words of the tokens `from..to` with their tokens, pushed on `words` (empty): a
/// parenthesis kept as a word, an aside between dashes and a date with its preposition
/// (`exports in 2019`) left out.
pub(super) fn gather_words<'a>(
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

/// The words of a phrase that stay (`lo..hi` of its `n` words, word `i` with its token
/// `word(i)`): without the frame of `a total of N`, the signs, complex prepositions,
/// participles with `by` and lead words before it, the tail words after it and a time
/// phrase at its end.
pub(super) fn bounds<'a>(n: usize, word: impl Fn(usize) -> (&'a str, &'a T<'a>)) -> (usize, usize) {
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
pub(super) fn phrase_in_by_list<'a>(
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

#[cfg(test)]
mod tests {
    use crate::subject::tests::subjects;

    #[test]
    fn time_phrases_and_labels_at_the_end_are_dropped() {
        assert_eq!(
            subjects("The level of rice output in Quarter 3 is now 0.4% below its peak."),
            ["the level of rice output"]
        );
    }
}
