//! What a date phrase does in its sentence (`Role`): the words around it, the figure it
//! stands beside, and the single days that do nothing.

use super::widen::{count_word, quarter_named_before};
use super::{Item, Mention, Role, SEARCH};
use crate::model::Period;
use crate::period::cues::{self, Lead};
use crate::words::trim_space::TrimSpace;

/// The item standing right before byte `at`, with only a preposition (and `the`)
/// between: `$3 billion in` May.
pub(super) fn figure_before(lower: &str, items: &[Item], at: usize) -> Option<usize> {
    let last = items.partition_point(|i| i.end <= at).checked_sub(1)?;
    // A duration inside the phrase (`the first [nine months] of 2024`) is passed over.
    let n = (last.saturating_sub(2)..=last)
        .rev()
        .take_while(|&k| items[k].timed || !items[k].is_date)
        .find(|&k| items[k].timed)?;
    let i = items.get(n).filter(|i| at - i.end <= 48)?;
    let between = lower.get(i.end..at)?.trim_space();
    links_figure_to_period(between).then_some(n)
}

/// The words between a figure and a date that leave the date the figure's own: at most
/// seven, a preposition first, then prepositions and the words a period phrase opens with
/// (`in the first nine months of`). One walk over the words.
fn links_figure_to_period(between: &str) -> bool {
    let preposition = |w: &str| matches!(w, "in" | "for" | "during" | "of" | "the" | "at" | "respectively");
    let period_word = |w: &str| {
        matches!(
            w,
            "first" | "last" | "months" | "month" | "quarter" | "half" | "year" | "ended" | "ending" | "period"
        ) || count_word(w.trim_end_matches("-month")).is_some()
    };
    between
        .words_space()
        .enumerate()
        .all(|(k, w)| k < 7 && (preposition(w) || (k > 0 && period_word(w))))
}

/// The item standing right after a date, in brackets: May (`up 3%`).
fn figure_after(lower: &str, items: &[Item], n: usize, end: usize) -> Option<usize> {
    let i = items
        .get(n + 1)
        .filter(|i| i.timed && i.start.saturating_sub(end) <= 8)?;
    let between = lower.get(end..i.start)?.trim_space();
    (between == "(").then_some(n + 1)
}

/// What a date phrase (item `n`) does, from the words around it, and whether it is
/// written `the same period in ...`.
pub(super) fn role(
    lower: &str,
    found: &cues::Cues,
    items: &[Item],
    n: usize,
    m: Mention,
    (clause_start, segment_start): (usize, usize),
) -> (Role, bool) {
    if matches!(m.period, Period::Day(_)) && m.period_end.is_none() {
        return (Role::Ignored, false);
    }
    if cues::names_publication(lower.get(m.end..).unwrap_or("")) {
        return (Role::Ignored, false);
    }
    let bracket = cues::tail(&lower[..m.start], 64).trim_end_space().strip_suffix('(');
    if bracket.is_some_and(|b| quarter_named_before(Some(b)).is_some()) {
        return (Role::Ignored, false);
    }
    // The lead is read before the figure the date stands beside.
    let own_before = figure_before(lower, items, m.start);
    let lead_end = own_before.map_or(m.start, |o| items[o].start);
    // Only the words near the date matter: a bounded tail keeps long sentences linear.
    let before = cues::tail(lower.get(..lead_end).unwrap_or(""), 200);
    // The figure's text may hold the lead itself (`over USD 35 billion`).
    let own_text = own_before.and_then(|o| lower.get(items[o].start..items[o].end));
    let lead = match cues::lead_of(before) {
        Lead::Plain if own_text.is_some_and(cues::opens_with_lead) => Lead::Base,
        lead => lead,
    };
    let clause_before = lower.get(clause_start..m.start).unwrap_or("");
    let (clause_start, clause_before) = {
        let t = cues::tail(clause_before, 200);
        (clause_start + clause_before.len() - t.len(), t)
    };
    // Each word asked only of the leads it decides for.
    let record = || record_word(lower, found, items, clause_start, clause_before);
    match lead {
        Lead::Event => return (Role::Ignored, false),
        Lead::Since if record().is_some() => return (Role::Ignored, false),
        Lead::Since => return (Role::Since, false),
        Lead::Base => {
            let same = same_period_before(cues::tail(lower.get(..m.start).unwrap_or(""), 64));
            // `from January to October`, `between 2020 and 2024` are spans, not bases.
            if m.period_end.is_none() || same || !opens_span(before) {
                let own = own_before.or_else(|| figure_after(lower, items, n, m.end));
                // Two changes compared (`fell more in May (down 3%) than in June (down 1%)`): no base.
                let counts = own.is_none_or(|o| !items[o].change);
                return (Role::Base { own, counts }, same);
            }
        }
        Lead::Plain => {}
    }
    if let Some(at) = record() {
        return (Role::Local(at), false);
    }
    // A cause's date dates the cause (`fell 17% because an order last year in April ...`).
    let clause_end = clause_start + clause_before.len();
    let cause = if found.surely_no_cause_within(lower, clause_start, clause_end) {
        None
    } else {
        match found.last_cause_within(lower, clause_start, clause_end) {
            Some(at) => at,
            None => cues::CAUSES
                .iter()
                .filter_map(|w| cues::find_all(clause_before, w).last())
                .max()
                .map(|at| clause_start + at),
        }
    };
    if let Some(at) = cause {
        return (Role::Local(at), false);
    }
    // The segment, not the clause: a leading `Compared with 2019,` is the sentence's base.
    if opens_comparison(lower.get(segment_start..m.start).unwrap_or("")) {
        return (Role::Local(segment_start), false);
    }
    (Role::Scope { own: own_before }, false)
}

/// A record word that makes the dates after it the record's (`the previous record of $8
/// billion set in 2015`, `$9 billion, the highest since ...`): one after `previous` or
/// `prior`, or one that follows a figure of the clause. Its byte, for `Role::Local`.
fn record_word(
    lower: &str,
    found: &cues::Cues,
    items: &[Item],
    clause_start: usize,
    clause_before: &str,
) -> Option<usize> {
    let end = clause_start + clause_before.len();
    if found.surely_no_record_within(lower, clause_start, end) {
        return None;
    }
    let walked = found.records_within(lower, clause_start, end);
    // Each place once, though several words of the list may stand there.
    let mut last = None;
    let searched = walked.is_none().then(|| {
        cues::RECORDS
            .find_in(clause_before)
            .map(|(at, _)| at)
            .filter(move |&at| last.replace(at) != Some(at))
    });
    let mut words = (walked.into_iter().flatten().map(|at| at - clause_start)).chain(searched.into_iter().flatten());
    words.find_map(|at| {
        let head = clause_before[..at].trim_end_space();
        let previous = ["previous", "prior", "former", "old"]
            .iter()
            .any(|w| cues::ends_with_word(head, w));
        let abs = clause_start + at;
        let first = items.partition_point(|i| i.start < clause_start);
        let after_figure = items[first..]
            .iter()
            .take(SEARCH)
            .take_while(|i| i.end <= abs)
            .any(|i| i.timed);
        (previous || after_figure).then_some(abs)
    })
}

/// `from` or `between` right before a span: the words of the span itself.
fn opens_span(before: &str) -> bool {
    let b = before.trim_end_space();
    let b = b.strip_suffix("the").map_or(b, str::trim_end);
    cues::ends_with_word(b, "from") || cues::ends_with_word(b, "between")
}

/// A clause that opens by comparing (`similar to the rise in March`, `compared with`).
fn opens_comparison(clause: &str) -> bool {
    // By bytes: every byte of a character beyond ASCII is no ASCII letter or digit.
    let from = clause
        .bytes()
        .position(|c| c.is_ascii_alphanumeric())
        .unwrap_or(clause.len());
    let c = clause.get(from..).unwrap_or_default();
    const OPENERS: [&str; 7] = [
        "similar to",
        "compared",
        "up from",
        "down from",
        "than",
        "versus",
        "against",
    ];
    // Asked at every date: most clauses are told apart by their first byte.
    let first = c.as_bytes().first();
    OPENERS
        .iter()
        .any(|w| w.as_bytes().first() == first && c.starts_with(w))
}

/// `the same period in` / `the same month of` right before a date.
fn same_period_before(before: &str) -> bool {
    let b = before.trim_end_space();
    let b = ["in", "of", "last"]
        .iter()
        .find_map(|w| b.strip_suffix(w).filter(|h| h.ends_with(' ')))
        .unwrap_or(b)
        .trim_end_space();
    ["period", "periods", "month", "months", "quarter", "half", "time"]
        .iter()
        .any(|w| b.strip_suffix(w).is_some_and(|h| h.trim_end_space().ends_with("same")))
}

/// Whether every date of the sentence (`text`, in any case) is a single day, which
/// `role` ignores: no date of a longer span, none that closes a week (`the week ending
/// May 3`, as `window` reads it), none a dash stands between it and the next date (`May
/// 3-5` may be one span). Such dates scope no figure, are no base and name no period.
pub(in crate::period) fn only_single_days(text: &str, items: &[Item]) -> bool {
    let dashed = |a: &Item, b: &Item| {
        b.date.is_some()
            && text
                .get(a.end..b.start)
                .is_some_and(|t| matches!(t.trim_space(), "-" | "\u{2013}" | "\u{2014}"))
    };
    items.iter().enumerate().all(|(n, i)| match i.date {
        None => true,
        Some((Period::Day(_), None)) => {
            let before = text.get(..i.start).unwrap_or("");
            !closes_week(before) && items.get(n + 1).is_none_or(|next| !dashed(i, next))
        }
        Some(_) => false,
    })
}

/// `before` closes with `week ending` or `week ended`, in any case: the day after it is
/// the last of a week (`window`).
fn closes_week(before: &str) -> bool {
    let b = before.trim_end_space().as_bytes();
    ["week ending", "week ended"].iter().any(|w| {
        b.len() >= w.len()
            && b.get(b.len() - w.len()..)
                .is_some_and(|end| end.eq_ignore_ascii_case(w.as_bytes()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::period::clause::Reading;
    use crate::period::clause::tests::read;

    /// `only_single_days` holds only where the whole reading ignores every date.
    #[test]
    fn single_days_are_told_apart_from_spans() {
        for (marked, single) in [
            ("The minister met them on <May 1> and <May 2>.", true),
            ("Sales held {5%}.", true),
            ("In the Week Ending <May 1>, sales held {5%}.", false),
            ("Talks ran <May 1> \u{2013} <May 2>.", false),
            ("Sales rose {5%} in [January] after <May 1>.", false),
        ] {
            let (text, items) = read(marked);
            assert_eq!(only_single_days(&text, &items), single, "{marked}");
        }
    }

    proptest::proptest! {
        #[test]
        fn single_days_are_all_ignored(picks in proptest::collection::vec(0..9usize, 0..12)) {
            const PIECES: [&str; 9] = [
                " <May 1>", " [2024]", " - ", " week ending", " Week Ended", " {5%}", " and", " in", ",",
            ];
            let marked: String = picks.iter().map(|&n| PIECES[n]).collect();
            let (text, items) = read(&marked);
            let mut whole = Reading::default();
            whole.read_parts(&text.to_ascii_lowercase(), &items, false);
            if only_single_days(&text, &items) {
                proptest::prop_assert!(whole.dates.iter().all(|d| d.role == Role::Ignored), "{:?}", marked);
            }
        }
    }

    /// `links_figure_to_period` as it was: three walks over the words. Its oracle.
    fn links_by_three_walks(between: &str) -> bool {
        let words = || between.split_whitespace();
        let preposition = |w: &str| matches!(w, "in" | "for" | "during" | "of" | "the" | "at" | "respectively");
        let period_word = |w: &str| {
            matches!(
                w,
                "first" | "last" | "months" | "month" | "quarter" | "half" | "year" | "ended" | "ending" | "period"
            ) || count_word(w.trim_end_matches("-month")).is_some()
        };
        words().nth(7).is_none()
            && words().next().is_none_or(preposition)
            && words().all(|w| preposition(w) || period_word(w))
    }

    proptest::proptest! {
        #[test]
        fn words_between_are_read_as_by_three_walks(picks in proptest::collection::vec(0..9usize, 0..11)) {
            const WORDS: [&str; 9] = ["in", "the", "first", "nine", "six-month", "of", "sales", "\u{a0}", "year"];
            let between = picks.iter().map(|&n| WORDS[n]).collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(links_figure_to_period(&between), links_by_three_walks(&between), "{:?}", between);
        }
    }

    #[test]
    fn the_same_period_is_read_before_a_date() {
        assert!(same_period_before("rose 3% over the same period in "));
        assert!(same_period_before("compared with the same periods in "));
        assert!(!same_period_before("rose 3% in "));
    }
}
