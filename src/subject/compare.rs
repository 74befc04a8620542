//! Figures that measure what another figure or phrase of the sentence measures: the base of
//! a change, and a share tied to the whole it is part of.

use super::phrase::{forward_end, phrase};
use super::tokens::{T, Tok, lower_at};
use super::verbs::verb_at;
use super::words::*;
use crate::model::Kind;
use crate::scan::Found;

/// True when the figure at token `k` is the base of a change said before it:
///
/// ```text
/// base = ("from" | "than" | "after" | "against" | "versus" | "over"
///         | compared ("with" | "to")) filler* figure
/// filler = article | determiner | adverb | measure noun | "of" | "and" | hyphenated word | figure
/// ```
///
/// `up from 2.0%`, `compared with £3.3 billion`, `after a year-on-year decrease of 0.4%`,
/// `an increase of 43% over USD 291 billion`, `from the 7 GW added in 2024`.
pub(super) fn is_base(sentence: &str, toks: &[T], k: usize) -> bool {
    // `up 26 percent to $1.8 billion`: the level a change reached.
    let to_level = k >= 2
        && matches!(toks[k - 1].tok, Tok::Word(w) if w.eq_ignore_ascii_case("to"))
        && matches!(toks[k - 2].tok, Tok::Fig(_));
    // `an increase of 43% over USD 291 billion`: `over` joined the figure's text as a
    // qualifier, but after a change it names the base.
    let over = k >= 1
        && matches!(toks[k - 1].tok, Tok::Fig(_))
        && sentence
            .get(toks[k].start..)
            .and_then(|t| t.get(..5))
            .is_some_and(|t| t.eq_ignore_ascii_case("over "));
    if to_level || over {
        return true;
    }
    let mut j = k;
    while j > 0 {
        j -= 1;
        let t = &toks[j];
        match t.tok {
            Tok::Fig(_) => {}
            Tok::Word(w) => {
                let c = t.lower();
                if c & BASE != 0 {
                    return true;
                }
                // `compared with`, `compared to`, `relative to`.
                if (w.eq_ignore_ascii_case("with") || w.eq_ignore_ascii_case("to"))
                    && j > 0
                    && lower_at(toks, j - 1).is_some_and(|p| p & COMPARED != 0)
                {
                    return true;
                }
                let hyphened = t.class() & LOWER_HYPHEN != 0 && t.class() & BARE == 0;
                let filler = c & (ARTICLE | DETERMINER | ADVERB | GENERIC_WORD | OF | AND | OBJECT_LINK) != 0
                    || t.class() & TAIL_LY != 0
                    || hyphened;
                if !filler {
                    return false;
                }
            }
            Tok::Punct(_) => return false,
        }
    }
    false
}

/// The base of a change measures what the figure before it measures.
pub(super) fn base_of(sentence: &str, toks: &[T], k: usize, prev: Option<&str>) -> Option<String> {
    let prev = prev.filter(|p| !p.is_empty())?;
    is_base(sentence, toks, k).then(|| prev.to_string())
}

/// `covered 31% of Europe's trade`, `home to 14% of U.S. capacity`, `..., 4 percent of
/// national stocks`: a share that no verb ties to a part measures its whole.
///
/// ```text
/// whole  = lead percent "of" NP          -> NP
/// lead   = start | "," | "(" | preposition | a verb that is no share, level or change verb
/// part   = (share-verb | copula | change-verb ["to" | "at" | "by"] | "or") percent "of" NP
///                                        -> the subject of the clause (not this rule)
/// ```
pub(super) fn whole_of_share(
    sentence: &str,
    toks: &[T],
    all: &[Found],
    k: usize,
    kind: Kind,
    prev: Option<&str>,
) -> Option<String> {
    if kind != Kind::Percent
        || !matches!(toks.get(k + 1).map(|t| t.tok), Some(Tok::Word(w)) if w.eq_ignore_ascii_case("of"))
    {
        return None;
    }
    // The word before the figure, past adverbs (`together contributing about 92%`).
    let mut p = k;
    while p > 0 && toks[p - 1].tok != Tok::Punct(',') && lower_at(toks, p - 1).is_some_and(|c| c & ADVERB != 0) {
        p -= 1;
    }
    let whole = || {
        let end = forward_end(toks, k + 2, 8);
        let np = phrase(sentence, toks, all, k + 2, end);
        (!np.is_empty()).then_some(np)
    };
    let Some(before) = p.checked_sub(1).and_then(|m| toks.get(m)) else {
        return whole();
    };
    let Tok::Word(w) = before.tok else {
        return matches!(before.tok, Tok::Punct(',' | '(' | ';' | ':'))
            .then(whole)
            .flatten();
    };
    let c = before.lower();
    let tied = |m: usize| lower_at(toks, m).is_some_and(|x| x & (SHARE | COPULA | DIRECTION | VERB) != 0);
    // The part: after a comma (`X of $5 billion, equivalent to 4% of Y`) the phrase
    // before, as the figure before it found it; else the clause subject (later rules).
    let part = |tie: usize| {
        let apposed = tie > 0 && toks[tie - 1].tok == Tok::Punct(',');
        apposed
            .then(|| prev.filter(|p| !p.is_empty()).map(str::to_string))
            .flatten()
    };
    if c & (SHARE | COPULA | DIRECTION | VERB) != 0 {
        return part(p - 1);
    }
    // `accounted for`, `take up`, `equivalent to`, `rose to`, `stood at`, `fell by`.
    let link = ["for", "up", "to", "at", "by"]
        .iter()
        .any(|l| w.eq_ignore_ascii_case(l));
    if link && p >= 2 && tied(p - 2) {
        return part(p - 2);
    }
    if c & PREPOSITION != 0 || verb_at(toks, p - 1) || link {
        return whole();
    }
    None
}

/// A subject must hold a word that names something: not only pronouns, articles,
/// prepositions, adverbs, helpers and verbs (`expected`, `thereby`, `despite`, `this`).
pub(super) fn names_something(subject: &str) -> bool {
    subject.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if w.is_empty() {
            return false;
        }
        let c = lists(w);
        let function = PRONOUN | ARTICLE | DETERMINER | PREPOSITION | ADVERB | MODAL | COPULA | AUX | AND;
        let verb = c & VERB != 0;
        let shape = classify(w).0;
        let participle = shape & IS_VERB != 0 || (shape & BARE != 0 && w.len() > 4 && w.ends_with("ed"));
        let adverb = w.len() > 4 && w.bytes().all(|b| b.is_ascii_lowercase()) && w.ends_with("ly");
        c & function == 0 && !verb && !participle && !adverb
    })
}

#[cfg(test)]
mod tests {
    use super::names_something;
    use crate::subject::tests::subjects;

    #[test]
    fn a_base_shares_the_subject_before_it() {
        assert_eq!(
            subjects("Pear prices are expected to be 3.1% in May, up from 2.9% in April."),
            ["pear prices", "pear prices"]
        );
        assert_eq!(
            subjects("The rail deficit was put at $4.2 billion, compared with $3.9 billion a year before."),
            ["the rail deficit", "the rail deficit"]
        );
        assert_eq!(
            subjects("Tin output fell 2.5% in June, after a monthly decrease of 0.7% in May."),
            ["tin output", "tin output"]
        );
        assert_eq!(
            subjects("Kiln sales reached $80 million, an increase of 12% over $71 million a year earlier."),
            ["kiln sales", "kiln sales", "kiln sales"]
        );
    }

    #[test]
    fn a_share_measures_its_whole_unless_a_verb_ties_a_part() {
        assert_eq!(subjects("The scheme covered 40% of rural schools."), ["rural schools"]);
        assert_eq!(subjects("Rice took up 22 percent of farm land."), ["rice"]);
        assert_eq!(subjects("Wheat accounts for 12% of the region's crops."), ["wheat"]);
        assert_eq!(
            subjects("A fuel deficit of $2 billion, equivalent to 4% of the value of fuel imports, was recorded."),
            ["fuel deficit", "fuel deficit"]
        );
    }

    #[test]
    fn words_that_name_nothing() {
        for s in [
            "expected",
            "thereby",
            "likewise",
            "despite",
            "this",
            "it",
            "the",
            "was estimated",
        ] {
            assert!(!names_something(s), "{s}");
        }
        for s in ["GDP", "total hours worked", "this network", "exports"] {
            assert!(names_something(s), "{s}");
        }
    }
}
