//! A noun phrase right next to the figure: after it, before `of`/`worth`, in a headline.

use super::clause::clause_subject;
use super::compare::names_something;
use super::phrase::{back_start, forward_end, head, np_end, phrase, post_prep};
use super::tokens::{T, Tok, lower_at, word_class};
use super::verbs::verb_at;
use super::words::*;
use crate::model::Kind;
use crate::scan::Found;

/// The noun phrase after the figure:
///
/// ```text
/// money/quantity  FIG [(ABBR)] ("in" | "for" | "into" | "from" | "of" | "worth of") NP  -> NP
/// change          FIG measure-noun ("in" | "of") NP                                   -> NP
/// modifier        article FIG noun-phrase | percent content-noun ...                   -> the phrase
/// ```
///
/// `KRW 400 billion in state funding`, `26 gigawatts (GW) of solar capacity`, `a £2.7
/// billion fall in exports`, `a $0.3 billion deficit`, `a return to 2 percent inflation`.
pub(super) fn after(sentence: &str, toks: &[T], all: &[Found], k: usize, kind: Kind) -> Option<String> {
    // The words after the figure, lower-cased, as list bits.
    let next = |m: usize, bit: u64| lower_at(toks, m).is_some_and(|l| l & bit != 0);
    let take = |start: usize| {
        let end = np_end(toks, start, 10);
        let p = phrase(sentence, toks, all, start, end);
        let specific = !p.is_empty() && !in_list(GENERIC_WORD, head(&p)) && !in_list(TIME, head(&p));
        specific.then_some(p)
    };
    // `26 gigawatts (GW) of`: a unit's abbreviation in brackets is stepped over.
    let mut n = k + 1;
    let abbreviation = matches!(
        (toks.get(n).map(|t| t.tok), toks.get(n + 1).map(|t| t.tok), toks.get(n + 2).map(|t| t.tok)),
        (Some(Tok::Punct('(')), Some(Tok::Word(_)), Some(Tok::Punct(')')))
    );
    if abbreviation {
        n += 3;
    }
    let n1 = lower_at(toks, n)?;
    if matches!(kind, Kind::Money | Kind::Quantity) {
        let start = if n1 & WORTH != 0 && next(n + 1, OF) {
            Some(n + 2)
        } else if n1 & (MONEY_PREP | OF) != 0 {
            Some(n + 1)
        } else {
            None
        };
        if let Some(p) = start.and_then(take) {
            return Some(p);
        }
    }
    // `a 4.5 percent decline in X`, `a 2% reduction of tariffs`: X; a bare noun is the
    // clause subject's (`chains saw a 4% decline in sales` -> `sales of chains`).
    if n1 & GENERIC_WORD != 0 && (next(n + 1, IN) || next(n + 1, OF)) {
        if let Some(p) = take(n + 2) {
            if p.split_whitespace().nth(1).is_none() {
                let owner = clause_subject(sentence, toks, all, k);
                let h = head(&owner);
                let plain = names_something(&owner) && lists(h) & (DIRECTION | GENERIC_WORD) == 0 && classify(h).0 & IS_VERB == 0;
                if plain {
                    return Some(format!("{p} of {owner}"));
                }
            }
            return Some(p);
        }
    }
    if n != k + 1 {
        return None;
    }
    // `a $0.3 billion deficit`: an article before, a noun after.
    let article = k
        .checked_sub(1)
        .and_then(|m| word_class(toks, m))
        .is_some_and(|c| c & NOUN_ARTICLE != 0);
    if article && n1 & FORWARD_STOP == 0 {
        return take(k + 1);
    }
    // `2 percent inflation`: a percent before a noun is its modifier.
    if kind == Kind::Percent && content_word(toks, k + 1) {
        return take(k + 1);
    }
    None
}

/// A word that can head or start a noun phrase: no function word, adverb, verb, measure
/// or time word, and no `year-on-year`.
fn content_word(toks: &[T], m: usize) -> bool {
    let Some(Tok::Word(w)) = toks.get(m).map(|t| t.tok) else {
        return false;
    };
    let c = toks[m].lower() | toks[m].class();
    let function = ARTICLE
        | DETERMINER
        | PREPOSITION
        | ADVERB
        | PRONOUN
        | MODAL
        | COPULA
        | AND
        | GENERIC_WORD
        | TIME
        | NEVER
        | DIRECTION
        | FORWARD_STOP
        | TAIL_LY
        | DIGIT;
    c & function == 0 && !verb_at(toks, m) && !w.contains("-on-") && !w.contains("-over-") && !w.contains("-to-")
}

/// A headline in title case: `Ministry Sets KRW 2 Trillion Export Fund` -> `Export Fund`.
pub(super) fn headline_noun(
    sentence: &str,
    toks: &[T],
    all: &[Found],
    fi: usize,
    k: usize,
    title: bool,
) -> Option<String> {
    let n1 = word_class(toks, k + 1)?;
    let capital = n1 & UPPER != 0 && !verb_at(toks, k + 1) && n1 & FORWARD_STOP == 0;
    if all.get(fi)?.figure.kind != Kind::Money || !capital || !title {
        return None;
    }
    let mut end = forward_end(toks, k + 1, 6);
    // `Fund for Clean Hydrogen Technology`: `for`/`of` between capitalized words is inside the name.
    while word_class(toks, end).is_some_and(|c| c & NAME_LINK != 0)
        && word_class(toks, end + 1).is_some_and(|c| c & UPPER != 0)
    {
        end = forward_end(toks, end + 1, 6);
    }
    // A headline ends on its verb: `... Fund Launched`, `... Program Approved`.
    while end > k + 2
        && matches!(toks.get(end - 1).map(|t| t.tok), Some(Tok::Word(w)) if w.ends_with("ed") && is_verb(&w.to_lowercase()))
    {
        end -= 1;
    }
    let p = phrase(sentence, toks, all, k + 1, end);
    (!p.is_empty()).then_some(p)
}

/// `70 percent of exhibitors`: what the share is of, when nothing else names the subject.
pub(super) fn share_of(sentence: &str, toks: &[T], all: &[Found], k: usize) -> Option<String> {
    if !matches!(toks.get(k + 1).map(|t| t.tok), Some(Tok::Word("of"))) {
        return None;
    }
    let end = forward_end(toks, k + 2, 6);
    let p = phrase(sentence, toks, all, k + 2, end);
    (!p.is_empty()).then_some(p)
}

/// The noun phrase before the figure:
///
/// ```text
/// X ("of" | "worth" | "valued at" | "at") FIG [post-prep NP]  -> X [post-prep NP]
/// X "at" (a | the) measure "of" FIG                          -> X
/// linking-verb [at] X "of" FIG                               -> the clause subject
/// ```
///
/// `chip surplus of $9.1 billion`, `relief goods worth $200,000`, `deals valued at $9
/// million`, `the U.S. at 10.7 percent`, `a deficit of £10 billion on goods` -> `deficit on
/// goods`, `inflation at the rate of 2 percent`, `the balance stood at a surplus of $8
/// billion` -> `the balance`.
pub(super) fn before(sentence: &str, toks: &[T], all: &[Found], k: usize) -> Option<String> {
    // The word before the figure, lower-cased, as list bits.
    let w1 = lower_at(toks, k.checked_sub(1)?)?;
    let end = if w1 & (OF | WORTH) != 0 {
        k - 1
    } else if w1 & AT != 0 && lower_at(toks, k.checked_sub(2)?).is_some_and(|l| l & VALUED != 0) {
        k - 2
    } else if w1 & AT != 0 {
        // `the unemployment rate, at 3.5 percent,`: the phrase before the comma.
        if toks.get(k - 2).is_some_and(|t| t.tok == Tok::Punct(',')) { k - 2 } else { k - 1 }
    } else {
        return None;
    };
    let start = back_start(toks, all, end, BEFORE_STOP);
    // `held steady at 61.9%`, `were second at`: after a verb, `at` is the verb's.
    if w1 & AT != 0 && start > 0 && verb_at(toks, start - 1) {
        return None;
    }
    let p = phrase(sentence, toks, all, start, end);
    if p.is_empty() {
        return None;
    }
    if in_list(GENERIC_WORD, head(&p)) {
        // `inflation at the rate of 2 percent`: what stands before `at`.
        let at = start.checked_sub(1).filter(|&m| lower_at(toks, m).is_some_and(|l| l & AT != 0))?;
        let mut s = back_start(toks, all, at, BEFORE_STOP);
        while let Some(a) = toks.get(s..at).and_then(|w| w.iter().position(|t| t.lower() & AND != 0)) {
            s += a + 1;
        }
        let x = phrase(sentence, toks, all, s, at);
        return (!x.is_empty()).then_some(x);
    }
    // `the balance stood at a surplus of`: the complement of a linking verb says what the
    // subject is.
    if w1 & OF != 0 && linked(toks, start) {
        let c = clause_subject(sentence, toks, all, start);
        if names_something(&c) {
            return Some(c);
        }
    }
    // `a deficit of £10.1 billion on goods`: the noun's post-modifier after the figure.
    if w1 & OF != 0 && post_prep(toks, k + 1) && !next_is(toks, k + 1, "of") {
        let e = np_end(toks, k + 2, 10);
        let pp = toks
            .get(k + 2..e)
            .is_some_and(|w| !w.is_empty() && !w.iter().any(|t| t.lower() & TIME != 0));
        if pp {
            let tail = phrase(sentence, toks, all, k + 1, e);
            let prep = sentence.get(toks[k + 1].start..toks[k + 1].end).unwrap_or("");
            if !tail.is_empty() {
                return Some(format!("{p} {prep} {tail}"));
            }
        }
    }
    Some(p)
}

/// The word at `m` is `w`, in any ASCII case.
fn next_is(toks: &[T], m: usize, w: &str) -> bool {
    matches!(toks.get(m).map(|t| t.tok), Some(Tok::Word(x)) if x.eq_ignore_ascii_case(w))
}

/// The phrase starting at token `start` follows a linking verb (`stood at`, `was`, `remained at`).
fn linked(toks: &[T], start: usize) -> bool {
    let mut m = start;
    if m > 0 && lower_at(toks, m - 1).is_some_and(|l| l & AT != 0) {
        m -= 1;
    }
    m > 0 && lower_at(toks, m - 1).is_some_and(|l| l & COPULA != 0)
}

#[cfg(test)]
mod tests {
    use crate::subject::tests::subjects;

    #[test]
    fn money_with_what_it_pays_for() {
        assert_eq!(
            subjects(
                "The plan totals KRW 510 billion (KRW 400 billion in state funding and KRW 110 billion from private firms)."
            ),
            ["the plan", "state funding", "private firms"]
        );
        assert_eq!(
            subjects("The fund will raise KRW 20 billion worth of green bonds."),
            ["green bonds"]
        );
        assert_eq!(
            subjects("It posted a record-high chip surplus of $9.1 billion."),
            ["record-high chip surplus"]
        );
        assert_eq!(
            subjects("They will send relief goods worth $200,000 to Fiji."),
            ["relief goods"]
        );
    }

    #[test]
    fn valued_at() {
        assert_eq!(
            subjects("In all, 12 supply deals and MOUs valued at USD 9.1 million were signed."),
            ["supply deals and MOUs"]
        );
    }
}
