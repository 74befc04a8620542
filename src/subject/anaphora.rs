//! A subject the sentence only points to (`it`, `this`, `the index`), found in the sentence
//! before it in the same paragraph.
//!
//! ```text
//! pronoun     ("it" | "this" | "that" | "they" | "these") verb-group ... FIG
//!                 -> the first subject of the sentence before
//! definite    ("the" | "this" | "these") noun verb-group ... FIG
//!                 -> the last longer phrase headed by that noun in the sentence before
//!                    (`The terms of trade index is ...` | `the index rose 0.7%`)
//! ```

use super::clause::{clause_subject, group_start};
use super::phrase::{back_start, head, phrase};
use super::tokens::{T, Tok, cut, lower_at};
use super::verbs::verb_at;
use super::words::*;
use crate::model::Kind;
use crate::scan::figures;

/// What a figure's clause subject points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anaphor<'a> {
    Pronoun,
    Definite(&'a str),
}

/// The anaphor that stands as the subject of the clause of the figure at token `k`.
pub(super) fn anaphor_at<'a>(toks: &[T<'a>], k: usize) -> Option<Anaphor<'a>> {
    // The nearest verb before the figure, in its clause.
    let mut j = k;
    let v = loop {
        j = j.checked_sub(1)?;
        match toks[j].tok {
            Tok::Punct(';' | ':' | ',') => return None,
            Tok::Word(_) if verb_at(toks, j) => break j,
            _ => {}
        }
    };
    let mut e = group_start(toks, v);
    // `they managed to enter`: a verb that takes `to` + verb is part of the group.
    while e >= 1 && matches!(toks[e].tok, Tok::Word(w) if w.eq_ignore_ascii_case("to")) && verb_at(toks, e - 1) {
        e = group_start(toks, e - 1);
    }
    // At the start of a clause: after nothing, punctuation, `and` or a clause word (`when`).
    let opens = |m: usize| {
        m == 0
            || !matches!(toks[m - 1].tok, Tok::Word(_))
            || lower_at(toks, m - 1).is_some_and(|l| l & AND != 0)
            || toks[m - 1].class() & BACK_STOP != 0
    };
    let pronoun = |m: usize| matches!(toks[m].tok, Tok::Word(w) if ["it", "this", "that", "they", "these"].iter().any(|p| w.eq_ignore_ascii_case(p)));
    match e {
        1.. if pronoun(e - 1) && opens(e - 1) => Some(Anaphor::Pronoun),
        2.. if opens(e - 2) => {
            let det = matches!(toks[e - 2].tok, Tok::Word(w) if ["the", "this", "these"].iter().any(|d| w.eq_ignore_ascii_case(d)));
            match toks[e - 1].tok {
                Tok::Word(noun)
                    if det && toks[e - 1].class() & (UPPER | DIGIT) == 0 && lists(noun) & (TIME | PRONOUN) == 0 =>
                {
                    Some(Anaphor::Definite(noun))
                }
                _ => None,
            }
        }
        _ => None,
    }
}

/// The sentence before the current one in the same paragraph (line), from `before`, the
/// text of the body up to the current sentence.
/// The sentences before the current one in the same paragraph (line), last first, from
/// `before`, the text of the body up to the current sentence; at most `n` of them.
fn previous_sentences(before: &str, n: usize) -> Vec<&str> {
    // Only the tail of the paragraph is read, so a long line costs no more than a few sentences.
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    let mut from = line_start.max(before.len().saturating_sub(1500));
    while !before.is_char_boundary(from) {
        from += 1;
    }
    let tail = before.get(from..).unwrap_or("");
    let spans = crate::sentences::split(tail);
    spans.iter().rev().take(n).filter_map(|s| tail.get(s.clone())).collect()
}

/// A phrase of more than its noun (articles aside).
fn longer(p: &str) -> bool {
    p.split_whitespace()
        .filter(|w| lists(w) & (ARTICLE | DETERMINER) == 0)
        .count()
        > 1
}

/// The antecedent of `anaphor` in the sentence before (`before` is the body text up to the
/// current sentence); `None` when it names nothing there.
pub(super) fn antecedent(before: &str, anaphor: Anaphor) -> Option<String> {
    // A pronoun whose sentence before only points further back (`This is the third
    // month ...`) is looked for one sentence further.
    previous_sentences(before, 2)
        .into_iter()
        .find_map(|prev| antecedent_in(prev, anaphor))
}

/// The antecedent of `anaphor` in the sentence `prev`.
fn antecedent_in(prev: &str, anaphor: Anaphor) -> Option<String> {
    if prev.trim().is_empty() {
        return None;
    }
    let all = figures(prev, false);
    let toks = cut(prev, &all).toks;
    match anaphor {
        Anaphor::Definite(noun) => {
            // The subject of the sentence before, when the noun heads it; else the last
            // phrase headed by the noun, longer than the noun alone.
            let first = (0..toks.len())
                .find(|&j| verb_at(&toks, j))
                .map(|v| clause_subject(prev, &toks, &all, v + 1));
            let headed = |p: &str| {
                head(p).eq_ignore_ascii_case(noun) || p.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(noun))
            };
            if let Some(p) = first.filter(|p| headed(p) && longer(p)) {
                return Some(p);
            }
            let m = toks
                .iter()
                .rposition(|t| matches!(t.tok, Tok::Word(w) if w.eq_ignore_ascii_case(noun)))?;
            let s = back_start(&toks, &all, m + 1, 0);
            let p = phrase(prev, &toks, &all, s, m + 1);
            longer(&p).then_some(p)
        }
        Anaphor::Pronoun => {
            // What the last figure of the sentence before measures (`... lifted total trade
            // to $588 billion. This was up 2.2 percent.`), else the subject of its first clause.
            let last = super::subjects(prev, &all)
                .into_iter()
                .zip(&all)
                .filter(|(s, f)| !s.is_empty() && f.figure.kind != Kind::Count)
                .map(|(s, _)| s)
                .next_back();
            if last.is_some() {
                return last;
            }
            let v = (0..toks.len()).find(|&j| verb_at(&toks, j))?;
            let p = clause_subject(prev, &toks, &all, v + 1);
            (super::compare::names_something(&p)).then(|| super::sentence_case(prev, p))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Kind;
    use crate::scan::figures;
    use crate::subject::subjects_after;

    /// The subjects of the money, percent and quantity figures of `s`.
    fn after(before: &str, s: &str) -> Vec<String> {
        let all = figures(s, false);
        let (mut store, mut spans) = (String::new(), Vec::new());
        subjects_after(before, s, &all, &mut store, &mut spans);
        spans
            .iter()
            .map(|r| store[r.clone()].to_string())
            .zip(&all)
            .filter(|(_, f)| f.figure.kind != Kind::Date)
            .map(|(x, _)| x)
            .collect()
    }

    #[test]
    fn pronouns_and_definites_take_the_sentence_before() {
        assert_eq!(
            after(
                "The tea price index is derived from the ratio of the price index of tea to that of coffee. ",
                "The index rose 0.7% in May."
            ),
            ["The tea price index"]
        );
        assert_eq!(
            after(
                "Island wool exports reached $2 billion in May. ",
                "This was up 2.2 percent."
            ),
            ["island wool exports"]
        );
        // Another paragraph is not looked at.
        assert_eq!(after("Wool exports rose.\n", "It was up 2.2 percent."), [""]);
        // A subject of its own is kept.
        assert_eq!(after("The tea index is new. ", "Tea exports rose 3%."), ["tea exports"]);
    }

    #[test]
    fn a_pronoun_before_verb_to_verb() {
        assert_eq!(
            after(
                "Wool exports held at $2.1 billion. ",
                "On the whole, they managed to pass the $2 billion mark each month."
            ),
            ["wool exports"]
        );
    }

    #[test]
    fn an_antecedent_is_named_by_its_abbreviation() {
        assert_eq!(
            after(
                "The island wool price index (WPI) rose 2% in May. ",
                "This follows a rise of 1% in April."
            ),
            ["the island WPI"]
        );
    }

    #[test]
    fn a_line_that_goes_on_from_the_line_before() {
        assert_eq!(
            after(
                "Wool sold well. The jobless rates for welders (4.1 percent), drivers (3.6 percent), cooks\n",
                "(2.2 percent), and pilots (1.0 percent) fell."
            ),
            ["the jobless rates for cooks", "the jobless rates for pilots"]
        );
        // A heading line does not go on into the next.
        assert_eq!(after("Wool trade\n", "exports rose 2 percent."), ["exports"]);
        // After a full stop, or a blank line, the line stands alone.
        assert_eq!(
            after(
                "The jobless rates for welders fell.\n",
                "(2.2 percent), and pilots (1.0 percent)."
            ),
            ["", "pilots"]
        );
    }

    #[test]
    fn a_date_points_back_to_nothing() {
        let s = "It rose in a 4% step in June.";
        let all = figures(s, false);
        let (mut store, mut spans) = (String::new(), Vec::new());
        subjects_after("The wool price range was set. ", s, &all, &mut store, &mut spans);
        let dates: Vec<&str> = spans
            .iter()
            .zip(&all)
            .filter(|(_, f)| f.figure.kind == Kind::Date)
            .map(|(r, _)| &store[r.clone()])
            .collect();
        assert_eq!(dates, [""]);
    }
}
