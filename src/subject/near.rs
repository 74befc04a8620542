//! A noun phrase right next to the figure: after it, before `of`/`worth`, in a headline.

use super::phrase::{back_start, forward_end, phrase};
use super::tokens::{T, Tok, lower_at, word_class};
use super::verbs::verb_at;
use super::words::*;
use crate::model::Kind;
use crate::scan::Found;

/// `KRW 400 billion in state funding`, `a $0.3 billion deficit`,
/// `a 6-percent rise in online toy sales`.
pub(super) fn after(sentence: &str, toks: &[T], all: &[Found], k: usize, kind: Kind) -> Option<String> {
    // The words after the figure, lower-cased, as list bits.
    let next = |m: usize, bit: u64| lower_at(toks, m).is_some_and(|l| l & bit != 0);
    let take = |start: usize| {
        let end = forward_end(toks, start, 8);
        let p = phrase(sentence, toks, all, start, end);
        let specific = !p.is_empty() && !p.split_whitespace().any(|w| in_list(GENERIC_WORD, w));
        specific.then_some(p)
    };
    let n1 = lower_at(toks, k + 1)?;
    if kind == Kind::Money {
        let start = if n1 & WORTH != 0 && next(k + 2, OF) {
            Some(k + 3)
        } else if n1 & MONEY_PREP != 0 {
            Some(k + 2)
        } else {
            None
        };
        if let Some(p) = start.and_then(take) {
            return Some(p);
        }
    }
    // `a 4.5 percent decline in X`: X, when it names more than a bare noun.
    if kind == Kind::Percent && n1 & GENERIC_WORD != 0 && next(k + 2, IN) {
        if let Some(p) = take(k + 3) {
            if p.split_whitespace().count() >= 2 {
                return Some(p);
            }
        }
    }
    // `a $0.3 billion deficit`: an article before, a noun after.
    let article = k
        .checked_sub(1)
        .and_then(|m| word_class(toks, m))
        .is_some_and(|c| c & NOUN_ARTICLE != 0);
    if article && n1 & FORWARD_STOP == 0 {
        return take(k + 1);
    }
    None
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

/// `chip surplus of $9.1 billion`, `relief goods worth $200,000`, `deals valued at $9 million`.
pub(super) fn before(sentence: &str, toks: &[T], all: &[Found], k: usize) -> Option<String> {
    // The word before the figure, lower-cased, as list bits.
    let w1 = lower_at(toks, k.checked_sub(1)?)?;
    let end = if w1 & (OF | WORTH) != 0 {
        k - 1
    } else if w1 & AT != 0 && lower_at(toks, k.checked_sub(2)?).is_some_and(|l| l & VALUED != 0) {
        k - 2
    } else {
        return None;
    };
    let start = back_start(toks, all, end, BEFORE_STOP);
    let p = phrase(sentence, toks, all, start, end);
    let head = p.split_whitespace().last().unwrap_or("");
    (!p.is_empty() && !in_list(GENERIC_WORD, head)).then_some(p)
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
