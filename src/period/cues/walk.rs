//! The one walk over a sentence that finds every phrase of the lists (`Cues`), and what
//! the rules read from it, clause by clause.

use std::sync::LazyLock;

use super::lists::{CAUSES, CONTRAST, CUMULATIVE, FORECAST, RECORD_WORDS, RELATIVE, Relative, STEPS};
use super::{Phrases, ends_with_word, whole_at};
use crate::words::trim_space::TrimSpace;

/// A base in words found in a clause: `(start, end, rank in RELATIVE, what it names)`.
pub type Pick = (usize, usize, usize, Relative);

/// Every base named in words in `text`, with its span (the first of overlapping phrases
/// kept: `the last year` and `last year` name one base), from every `(at, rank)` where a
/// phrase of `RELATIVE` stands whole in it, in order of position.
#[cfg(test)]
fn pick_relatives(text: &str, found: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize, Relative)> {
    let (mut picks, mut out) = (Vec::new(), Vec::new());
    pick_relatives_into(text, found, &mut picks, |at, end, r| out.push((at, end, r)));
    out
}

/// `pick_relatives`, each base handed to `emit`; `picks` is a buffer the caller keeps.
fn pick_relatives_into(
    text: &str,
    found: impl Iterator<Item = (usize, usize)>,
    picks: &mut Vec<Pick>,
    mut emit: impl FnMut(usize, usize, Relative),
) {
    // Every match with its rank in the list; sorted by position, an overlapping match
    // replaces the one kept before it only when it ranks higher.
    picks.clear();
    picks.extend(found.map(|(at, rank)| (at, at + RELATIVE[rank].0.len(), rank, RELATIVE[rank].1)));
    picks.sort_unstable_by_key(|&(at, _, rank, _)| (at, rank));
    // Kept in place: `kept` matches at the front.
    let mut kept: usize = 0;
    for n in 0..picks.len() {
        let f = picks[n];
        match kept.checked_sub(1).map(|k| &mut picks[k]) {
            Some(last) if f.0 < last.1 => {
                if f.2 < last.2 {
                    *last = f;
                }
            }
            _ => {
                picks[kept] = f;
                kept += 1;
            }
        }
    }
    for &(at, end, _, r) in &picks[..kept] {
        if !is_period_not_base(text, at, end) {
            emit(at, end, r);
        }
    }
}

/// What a word of a sentence's phrase lists says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// A base in words: its rank in `RELATIVE`.
    Relative(u16),
    Forecast,
    Cumulative,
    /// A conjunction of contrast (`while`), where a clause breaks.
    Contrast,
    Respectively,
    /// `previous`, `preceding`, `prior`, `last`: the step of a relative period (`in the
    /// previous quarter`). (The rarer word is listed, not the preposition before it.)
    Step,
    /// A word of `RECORD_WORDS`.
    Record,
    /// A phrase of `CAUSES`.
    Cause,
}

impl Cue {
    /// Its kind as one bit (a base in words of any rank is one kind).
    fn kind(self) -> u8 {
        1 << match self {
            Cue::Relative(_) => 0,
            Cue::Forecast => 1,
            Cue::Cumulative => 2,
            Cue::Contrast => 3,
            Cue::Respectively => 4,
            Cue::Step => 5,
            Cue::Record => 6,
            Cue::Cause => 7,
        }
    }

    /// A phrase that may give a figure of a sentence with no date anything (see
    /// `Cues::may_time_undated`).
    fn may_time_undated(self, changes: bool) -> bool {
        match self {
            Cue::Forecast | Cue::Cumulative | Cue::Step => true,
            Cue::Relative(_) => changes,
            Cue::Contrast | Cue::Respectively | Cue::Record | Cue::Cause => false,
        }
    }
}

/// Every phrase the period rules ask of a whole sentence or of its clauses, as one list.
static SENTENCE_LIST: LazyLock<(Phrases, Vec<Cue>)> = LazyLock::new(|| {
    let tagged = RELATIVE
        .iter()
        .enumerate()
        .map(|(n, (p, _))| (*p, Cue::Relative(n as u16)))
        .chain(FORECAST.iter().map(|p| (*p, Cue::Forecast)))
        .chain(CUMULATIVE.iter().map(|p| (*p, Cue::Cumulative)))
        .chain(CONTRAST.iter().map(|p| (*p, Cue::Contrast)))
        .chain([("respectively", Cue::Respectively)])
        .chain(STEPS.map(|p| (p, Cue::Step)))
        .chain(RECORD_WORDS.iter().map(|p| (*p, Cue::Record)))
        .chain(CAUSES.iter().map(|p| (*p, Cue::Cause)));
    let (phrases, cues): (Vec<&'static str>, Vec<Cue>) = tagged.unzip();
    (Phrases::new(phrases), cues)
});

/// The phrases of `SENTENCE_LIST` that may time a figure of a sentence with no date,
/// when none of its figures is a change and when one is: a sentence whose dates are
/// single days is asked only these (most are not read further), a shorter list of rarer
/// words than the whole one, walked only up to the first found.
static UNDATED_LISTS: LazyLock<[Phrases; 2]> = LazyLock::new(|| {
    let (list, cues) = &*SENTENCE_LIST;
    let of = |changes: bool| {
        let phrases = cues
            .iter()
            .enumerate()
            .filter(move |(_, c)| c.may_time_undated(changes));
        Phrases::new(phrases.map(|(n, _)| list.phrase(n)))
    };
    [of(false), of(true)]
});

/// `Cues::of(&text.to_ascii_lowercase()).may_time_undated(changes)`, told by a walk
/// that stops at the first phrase that may time a figure, and finds no other. Read in any
/// case: a sentence found bare is never lower-cased.
pub fn may_time_undated(text: &str, changes: bool) -> bool {
    UNDATED_LISTS[usize::from(changes)]
        .find_in_any_case(text)
        .next()
        .is_some()
}

/// The phrases of the period rules' lists that stand whole in a lower-cased sentence,
/// found by one walk over its words: the clauses' lists are then read by position, not
/// searched again clause by clause. (No phrase holds `,` `;` `:` or a conjunction of
/// contrast, and each opens and closes with a letter or digit: what stands whole in a
/// clause is what stands whole in the sentence inside the clause's span.)
#[derive(Debug, Default)]
pub struct Cues {
    /// `(start, end, cue)`, in order of position.
    found: Vec<(usize, usize, Cue)>,
    /// The kinds of cue found (`Cue::kind`): a rule asks of the sentence's phrases only
    /// when one of its kind stands there.
    kinds: u8,
}

impl Cues {
    #[cfg(test)]
    pub fn of(lower: &str) -> Cues {
        let mut c = Cues::default();
        c.refill(lower);
        c
    }

    /// Whether a phrase found may give a figure of a sentence with no date anything:
    /// a word of the future or of a running total, a step back (`the previous quarter`
    /// names a date), or a base in words when a figure is a change. The others (a
    /// contrast, `respectively`, a record or a cause) only say what a date does, where
    /// a clause breaks, or which clause a base covers.
    ///
    /// The oracle of `cues::may_time_undated`, which the sentence asks first.
    #[cfg(test)]
    pub fn may_time_undated(&self, changes: bool) -> bool {
        self.found.iter().any(|&(.., cue)| cue.may_time_undated(changes))
    }

    /// The cues of another sentence, in the same buffer.
    pub fn refill(&mut self, lower: &str) {
        let (list, cues) = &*SENTENCE_LIST;
        self.found.clear();
        self.found.extend(
            list.find_in(lower)
                .map(|(at, n)| (at, at + list.phrase(n).len(), cues[n])),
        );
        self.kinds = self.found.iter().fold(0, |k, f| k | f.2.kind());
    }

    /// A phrase of the kind of `cue` stands in the sentence.
    fn holds(&self, cue: Cue) -> bool {
        self.kinds & cue.kind() != 0
    }

    /// The cues that stand whole within `from..to`.
    fn within(&self, from: usize, to: usize) -> impl Iterator<Item = &(usize, usize, Cue)> {
        let first = self.found.partition_point(|&(at, ..)| at < from);
        self.found[first..]
            .iter()
            .take_while(move |&&(at, ..)| at < to)
            .filter(move |&&(_, end, _)| end <= to)
    }

    /// `relatives(&lower[from..to])`, with spans counted from `from`.
    #[cfg(test)]
    pub fn relatives(&self, lower: &str, from: usize, to: usize) -> Vec<(usize, usize, Relative)> {
        let (mut picks, mut out) = (Vec::new(), Vec::new());
        self.each_relative(lower, from, to, &mut picks, |at, end, r| out.push((at, end, r)));
        out
    }

    /// `relatives`, each handed to `emit`; `picks` is a buffer the caller keeps.
    pub fn each_relative(
        &self,
        lower: &str,
        from: usize,
        to: usize,
        picks: &mut Vec<Pick>,
        emit: impl FnMut(usize, usize, Relative),
    ) {
        if !self.holds(Cue::Relative(0)) {
            return;
        }
        let found = self.within(from, to).filter_map(|&(at, _, cue)| match cue {
            Cue::Relative(rank) => Some((at - from, usize::from(rank))),
            _ => None,
        });
        pick_relatives_into(lower.get(from..to).unwrap_or(""), found, picks, emit);
    }

    /// `is_cumulative(&lower[from..to])`.
    pub fn is_cumulative(&self, from: usize, to: usize) -> bool {
        self.holds(Cue::Cumulative) && self.within(from, to).any(|&(.., cue)| cue == Cue::Cumulative)
    }

    /// `forecast_positions` of the sentence.
    pub fn forecast_positions(&self) -> impl Iterator<Item = usize> + '_ {
        self.starts(Cue::Forecast)
    }

    /// Where a conjunction of contrast stands (`find_all` of each).
    pub fn contrasts(&self) -> impl Iterator<Item = usize> + '_ {
        self.starts(Cue::Contrast)
    }

    /// The sentence holds `respectively`.
    pub fn respectively(&self) -> bool {
        self.starts(Cue::Respectively).next().is_some()
    }

    /// Where a word of `STEPS` stands whole.
    pub fn steps(&self) -> impl Iterator<Item = usize> + '_ {
        self.starts(Cue::Step)
    }

    /// Where a word of record stands whole in `lower[from..to]` (each place once), or
    /// `None` when the walk over the sentence cannot tell: a run of letters or digits
    /// cut by the span's edge is a word of the span, not of the sentence.
    pub fn records_within(&self, lower: &str, from: usize, to: usize) -> Option<impl Iterator<Item = usize> + '_> {
        let mut last = None;
        let at = self.cues_within(lower, from, to, Cue::Record)?;
        Some(at.filter(move |&at| last.replace(at) != Some(at)))
    }

    /// Where the last phrase of `CAUSES` stands whole in `lower[from..to]` (`Some(None)`
    /// when none does), or `None` when the walk cannot tell (as `records_within`).
    pub fn last_cause_within(&self, lower: &str, from: usize, to: usize) -> Option<Option<usize>> {
        Some(self.cues_within(lower, from, to, Cue::Cause)?.last())
    }

    /// No word of record stands whole in `lower[from..to]`, told at once: the sentence
    /// holds none, and no run of letters and digits crosses the span's edges (where
    /// `records_within` would look again).
    pub fn surely_no_record_within(&self, lower: &str, from: usize, to: usize) -> bool {
        self.surely_none_within(lower, from, to, Cue::Record)
    }

    /// `surely_no_record_within`, for the phrases of `CAUSES`.
    pub fn surely_no_cause_within(&self, lower: &str, from: usize, to: usize) -> bool {
        self.surely_none_within(lower, from, to, Cue::Cause)
    }

    fn surely_none_within(&self, lower: &str, from: usize, to: usize, cue: Cue) -> bool {
        let b = lower.as_bytes();
        let glued = |at: usize| {
            at > 0
                && b.get(at - 1).is_some_and(u8::is_ascii_alphanumeric)
                && b.get(at).is_some_and(u8::is_ascii_alphanumeric)
        };
        from <= to && to <= b.len() && !glued(from) && !glued(to) && self.starts(cue).next().is_none()
    }

    /// Where `cue` stands whole in `lower[from..to]`, when the walk over the sentence
    /// tells: no run of letters and digits crosses the span's end. A run its start cuts
    /// (as a bounded tail of a long clause does) is a word of the span: a phrase of the
    /// list may stand whole there, at `from`, where the walk found none; it is looked for
    /// there alone, as every other place of the span is one the walk read alike.
    fn cues_within(&self, lower: &str, from: usize, to: usize, cue: Cue) -> Option<impl Iterator<Item = usize> + '_> {
        let b = lower.as_bytes();
        let glued = |at: usize| {
            at > 0
                && b.get(at - 1).is_some_and(u8::is_ascii_alphanumeric)
                && b.get(at).is_some_and(u8::is_ascii_alphanumeric)
        };
        if from > to || to > b.len() || glued(to) {
            return None;
        }
        let cut_word = if glued(from) {
            let list: &[&str] = match cue {
                Cue::Record => RECORD_WORDS,
                Cue::Cause => CAUSES,
                _ => return None,
            };
            let span = lower.get(from..to)?;
            list.iter().any(|p| whole_at(span, 0, p)).then_some(from)
        } else {
            None
        };
        Some(
            cut_word
                .into_iter()
                .chain(self.within(from, to).filter(move |f| f.2 == cue).map(|f| f.0)),
        )
    }

    fn starts(&self, cue: Cue) -> impl Iterator<Item = usize> + '_ {
        let found = if self.holds(cue) { &self.found[..] } else { &[] };
        found.iter().filter(move |f| f.2 == cue).map(|f| f.0)
    }
}

/// `last year` and `last month` name the figure's own period when no comparing word
/// stands before them (`exports rose 5% last year`): only `than/from/over/with/to ...`
/// or `same period ...` makes them a base.
fn is_period_not_base(lower: &str, at: usize, end: usize) -> bool {
    let phrase = &lower[at..end];
    let before = lower[..at].trim_end_space();
    let before = before.strip_suffix(" the").map_or(before, str::trim_end);
    // `in the previous quarter`: a period, placed by `relative_periods_into`
    // (`clause/relative.rs`).
    let stepped = ["previous", "preceding", "prior", "last"]
        .iter()
        .any(|w| phrase.starts_with(w));
    if stepped && ["in", "during", "for"].iter().any(|w| ends_with_word(before, w)) {
        return true;
    }
    if !matches!(
        phrase,
        "last year" | "last month" | "last quarter" | "past year" | "the last year"
    ) {
        return false;
    }
    let comparing = [
        "than", "from", "over", "with", "to", "versus", "against", "since", "period", "month", "quarter",
    ];
    !comparing.iter().any(|w| ends_with_word(before, w))
}

#[cfg(test)]
mod tests {
    use super::super::{RECORDS, find_all, has};
    use super::*;
    use crate::model::Basis;

    /// Each list searched in one text, as the rules asked before the sentence's one walk:
    /// the oracles of `Cues`.
    fn relatives(lower: &str) -> Vec<(usize, usize, Relative)> {
        let list = Phrases::new(RELATIVE.iter().map(|(p, _)| *p));
        pick_relatives(lower, list.find_in(lower))
    }

    fn is_cumulative(lower: &str) -> bool {
        Phrases::new(CUMULATIVE.iter().copied()).find_in(lower).next().is_some()
    }

    fn forecast_positions(lower: &str) -> Vec<usize> {
        let list = Phrases::new(FORECAST.iter().copied());
        list.find_in(lower).map(|(at, _)| at).collect()
    }

    /// What one walk over a sentence finds in a clause is what a search of the clause
    /// finds, for clauses cut as `boundaries` (`clause/segments.rs`) cuts them (at `,` `;`
    /// `:` and before a conjunction of contrast), here of every fixture.
    #[test]
    fn the_sentence_walk_finds_what_each_clause_search_finds() {
        let mut texts = crate::fixture_texts();
        // No phrase crosses a clause's edge.
        let (list, cues) = &*SENTENCE_LIST;
        for (n, cue) in cues.iter().enumerate().filter(|(_, c)| **c != Cue::Contrast) {
            let p = list.phrase(n);
            assert!(
                !p.contains([',', ';', ':']) && !p.split(' ').any(|w| CONTRAST.contains(&w)),
                "{p} {cue:?}"
            );
        }
        texts.push("Sales rose 3% y/y, while exports, year-to-date, fell 2% on-year; output will rise but also fell in the previous quarter".into());
        for text in &texts {
            let lower = text.to_ascii_lowercase();
            let found = Cues::of(&lower);
            let mut cuts: Vec<usize> = memchr::memchr3_iter(b',', b';', b':', lower.as_bytes()).collect();
            cuts.extend(CONTRAST.iter().flat_map(|w| find_all(&lower, w)));
            cuts.extend([0, lower.len()]);
            cuts.sort_unstable();
            for pair in cuts.windows(2) {
                let (from, to) = (pair[0], pair[1]);
                let clause = &lower[from..to];
                assert_eq!(found.relatives(&lower, from, to), relatives(clause), "{clause}");
                assert_eq!(found.is_cumulative(from, to), is_cumulative(clause), "{clause}");
            }
            assert_eq!(
                found.forecast_positions().collect::<Vec<_>>(),
                forecast_positions(&lower)
            );
            assert_eq!(found.respectively(), has(&lower, "respectively"));
            let mut contrasts: Vec<usize> = CONTRAST.iter().flat_map(|w| find_all(&lower, w)).collect();
            contrasts.sort_unstable();
            assert_eq!(found.contrasts().collect::<Vec<_>>(), contrasts);
            let mut steps: Vec<usize> = STEPS.iter().flat_map(|w| find_all(&lower, w)).collect();
            steps.sort_unstable();
            assert_eq!(found.steps().collect::<Vec<_>>(), steps);
        }
    }

    /// The short walk that tells whether a sentence may be timed without a date answers
    /// as the whole sentence's walk (its oracle), on every sentence of the fixtures and
    /// on invented ones with and without such phrases.
    #[test]
    fn the_short_walk_tells_what_the_sentence_walk_tells() {
        let mut texts: Vec<String> = crate::fixture_texts()
            .iter()
            .flat_map(|t| t.split_inclusive(['.', '\n']).map(str::to_string).collect::<Vec<_>>())
            .collect();
        texts.extend(
            [
                "Sales rose 3% on the year.",
                "Sales rose 3%, the highest on record, while rents fell.",
                "Output will rise 2%.",
                "Exports so far this year came to 4 tons.",
                "Imports fell in the previous quarter.",
                "Prices fell 1% y/y because of rain.",
                "Stocks held at 9 tons, respectively.",
                "The lastly named item was unrecorded.",
                "WILL sales rise? Year-To-Date sales, PREVIOUS Quarter, On The Year.",
                "Sales Rose 3% Year-On-Year In The Last Twelve Months.",
                "",
            ]
            .map(String::from),
        );
        let mut found = (0, 0);
        for text in &texts {
            let lower = text.to_ascii_lowercase();
            let cues = Cues::of(&lower);
            for changes in [false, true] {
                let want = cues.may_time_undated(changes);
                assert_eq!(may_time_undated(&lower, changes), want, "{changes} {lower:?}");
                assert_eq!(may_time_undated(text, changes), want, "{changes} {text:?}");
                if want {
                    found.0 += 1;
                } else {
                    found.1 += 1;
                }
            }
        }
        // Both answers were asked.
        assert!(found.0 > 10 && found.1 > 10, "{found:?}");
    }

    /// Records and causes read from the sentence's walk are what a search of the span
    /// finds, wherever the span's edges fall (when the walk cannot tell, it says so).
    #[test]
    fn records_and_causes_of_a_span_are_what_its_search_finds() {
        let mut texts = crate::fixture_texts();
        texts.push("Sales, the highest on record, fell because of a strike; thanks to exports, the all-time low held due to rain as a result of storms.".into());
        for text in &texts {
            let lower = text.to_ascii_lowercase();
            let found = Cues::of(&lower);
            let cuts: Vec<usize> = (0..=lower.len()).filter(|&at| lower.is_char_boundary(at)).collect();
            let step = (cuts.len() / 40).max(1);
            for &from in cuts.iter().step_by(step) {
                for &to in cuts.iter().filter(|&&to| to >= from).step_by(step) {
                    let span = &lower[from..to];
                    let want: Vec<usize> = {
                        let mut last = None;
                        RECORDS
                            .find_in(span)
                            .map(|(at, _)| from + at)
                            .filter(|&at| last.replace(at) != Some(at))
                            .collect()
                    };
                    let cause = CAUSES
                        .iter()
                        .filter_map(|w| find_all(span, w).last())
                        .max()
                        .map(|at| from + at);
                    let b = lower.as_bytes();
                    let glued = |at: usize| {
                        at > 0 && at < b.len() && b[at - 1].is_ascii_alphanumeric() && b[at].is_ascii_alphanumeric()
                    };
                    match found.records_within(&lower, from, to) {
                        Some(got) => assert_eq!(got.collect::<Vec<_>>(), want, "{span}"),
                        None => assert!(glued(from) || glued(to), "{span}"),
                    }
                    if let Some(got) = found.last_cause_within(&lower, from, to) {
                        assert_eq!(got, cause, "{span}");
                    }
                    // What is told at once is what the search finds.
                    if found.surely_no_record_within(&lower, from, to) {
                        assert!(want.is_empty(), "{span}");
                    }
                    if found.surely_no_cause_within(&lower, from, to) {
                        assert_eq!(cause, None, "{span}");
                    }
                }
            }
        }
    }

    /// A span cut inside a word (a bounded tail) reads the cut word's end as a word of
    /// its own, as a search of the span does: every start and end of a text whose words
    /// end with record words and causes.
    #[test]
    fn a_span_cut_inside_a_word_reads_its_end_as_a_word() {
        let lower = "the unrecord hit xhighest, xall-time lows fell xbecause of rain, nodue to snow; 5peak";
        let b = lower.as_bytes();
        let found = Cues::of(lower);
        for from in 0..=lower.len() {
            for to in from..=lower.len() {
                let span = &lower[from..to];
                let mut last = None;
                let want: Vec<usize> = RECORDS
                    .find_in(span)
                    .map(|(at, _)| from + at)
                    .filter(|&at| last.replace(at) != Some(at))
                    .collect();
                let cause = CAUSES.iter().filter_map(|w| find_all(span, w).last()).max();
                let glued_end =
                    to > 0 && to < b.len() && b[to - 1].is_ascii_alphanumeric() && b[to].is_ascii_alphanumeric();
                match found.records_within(lower, from, to) {
                    Some(got) => assert_eq!(got.collect::<Vec<_>>(), want, "{span:?}"),
                    None => assert!(glued_end, "{span:?}"),
                }
                match found.last_cause_within(lower, from, to) {
                    Some(got) => assert_eq!(got, cause.map(|at| from + at), "{span:?}"),
                    None => assert!(glued_end, "{span:?}"),
                }
                if found.surely_no_record_within(lower, from, to) {
                    assert!(want.is_empty(), "{span:?}");
                }
                if found.surely_no_cause_within(lower, from, to) {
                    assert_eq!(cause, None, "{span:?}");
                }
            }
        }
    }

    #[test]
    fn bases_in_words_are_found_whole() {
        let r = relatives("sales rose 3% from a year earlier and 1% month-on-month");
        assert_eq!(
            r.iter().map(|x| x.2).collect::<Vec<_>>(),
            [Relative::Year, Relative::Fixed(Basis::Mom)]
        );
        // `in the previous quarter` is a period.
        assert!(relatives("after 2% in the previous quarter").is_empty());
        assert!(relatives("the momentum held").is_empty());
        // `last year` alone is a period, not a base.
        assert!(relatives("output rose 4% last year").is_empty());
        assert_eq!(relatives("output rose 800% over the last year").len(), 1);
        assert_eq!(relatives("prices rose 6% in the 12 months to march").len(), 1);
        let kinds = |t: &str| relatives(t).into_iter().map(|x| x.2).collect::<Vec<_>>();
        assert_eq!(kinds("prices rose 3% over the past 12 months"), [Relative::Year]);
        assert_eq!(
            kinds("sales rose 5% month over month and 2% on the quarter"),
            [Relative::Fixed(Basis::Mom), Relative::Fixed(Basis::Qoq)]
        );
        assert_eq!(relatives("output rose more than last year").len(), 1);
    }

    #[test]
    fn cumulative_and_forecast_words() {
        assert!(is_cumulative("year-to-date sales were up"));
        assert!(is_cumulative("cumulative shipments through june"));
        assert!(!is_cumulative("sales were up"));
        assert_eq!(forecast_positions("output is expected to reach 5 gw"), [10]);
        assert!(forecast_positions("output reached 5 gw").is_empty());
    }
}
