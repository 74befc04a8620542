//! Where a noun phrase starts, read backwards from its end, and where it ends, read
//! forwards with its post-modifiers.

use crate::model::Kind;
use crate::scan::Found;
use crate::subject::tokens::{T, Tok, is_date, lower_at, word_class};
use crate::subject::verbs::verb_at;
use crate::subject::wordlists::POST_PREPS;
use crate::subject::words::*;

/// True when the token before `at` is a preposition that can hold a number inside a noun
/// phrase (`at 26 retailers`, `from 41 firms`).
fn after_preposition(toks: &[T], at: usize) -> bool {
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
pub(in crate::subject) fn holds_figure(toks: &[T], close: usize) -> bool {
    toks.get(..close)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|t| t.tok != Tok::Punct('('))
        .any(|t| matches!(t.tok, Tok::Fig(_)))
}

/// Start of the noun phrase that ends right before token `end`, read backwards; `extra`
/// is the bit of a list of words that also end it (`AND`, `BEFORE_STOP`, ... or 0).
pub(in crate::subject) fn back_start(toks: &[T], all: &[Found], end: usize, extra: u64) -> usize {
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
pub(in crate::subject) fn forward_end(toks: &[T], start: usize, max: usize) -> usize {
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

/// A preposition that attaches a post-modifier to a noun.
pub(in crate::subject) fn post_prep(toks: &[T], i: usize) -> bool {
    matches!(toks.get(i).map(|t| t.tok), Some(Tok::Word(w)) if POST_PREPS.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// End of a noun phrase with its post-modifiers, read forwards from `start`:
///
/// ```text
/// NP = head-words (post-prep head-words)*     -- not a PP about time (`in the first quarter`)
/// ```
///
/// `tariffs into Mexico`, `imports of oil from outside the EU`, `trade in goods with partners`.
pub(in crate::subject) fn np_end(toks: &[T], all: &[Found], start: usize, max: usize) -> usize {
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
pub(in crate::subject) fn dated(toks: &[T], all: &[Found], j: usize) -> bool {
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
pub(in crate::subject) fn past_time_lead(toks: &[T], start: usize, end: usize) -> usize {
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

#[cfg(test)]
mod tests {
    use crate::subject::tests::subjects;

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
}
