//! The phrase lists the period rules ask of a sentence: records, causes, running
//! totals, forecasts and aims, bases in words, steps back and contrasts.

use std::sync::LazyLock;

use super::{Phrases, whole_at};
use crate::model::Basis;

/// Words of record and streak: a date after one of them in its clause dates the record
/// (`the highest since 2018`, `the previous record set in March 2022`), not the clause.
pub(super) const RECORD_WORDS: &[&str] = &[
    "record",
    "highest",
    "lowest",
    "largest",
    "biggest",
    "smallest",
    "peak",
    "all-time",
    "streak",
    "straight",
    "consecutive",
];

/// Words that make a figure cumulative over the year (`year-to-date`, `cumulative`).
pub(super) const CUMULATIVE: &[&str] = &[
    "year-to-date",
    "year to date",
    "so far this year",
    "so far in",
    "cumulative",
    "cumulatively",
    "accumulated",
    "ytd",
];

/// Words of the future and of aims: a figure in a clause with one of them and no date
/// of its own is a forecast or objective, and borrows no period.
///
/// Not `grammar::date`'s `FUTURE_WORDS`, on purpose: that list tells whether a sentence
/// may be said of the past (to place a date without its year), so any hint of the future
/// counts there, modals of mere possibility (`may`, `could`, `should`) and time words
/// (`next`, `upcoming`) included. Here a word makes a figure a forecast or an aim, read
/// on lower-cased text where `may` is also the month: only the words that say so firmly,
/// with the nouns and horizons of aims (`objective`, `goal`, `medium term`).
pub(super) const FORECAST: &[&str] = &[
    "will",
    "would",
    "expect",
    "expects",
    "expected",
    "forecast",
    "forecasts",
    "projected",
    "objective",
    "target",
    "targets",
    "goal",
    "set to",
    "longer run",
    "medium term",
];

/// `text` opens with a noun of aim or a policy horizon (`objective`, `target`, `goal`,
/// `longer run`, `medium term`): said right after a figure, they make it an aim.
pub fn is_aim_noun(text: &str) -> bool {
    ["objective", "target", "goal", "longer run", "medium term"]
        .iter()
        .any(|w| whole_at(text, 0, w))
}

/// `RECORD_WORDS` as one list, walked once.
pub static RECORDS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(RECORD_WORDS.iter().copied()));

/// Words that open a cause: a date after one of them in its clause dates the cause
/// (`fell 17% because an order in April had lifted the base`), not the clause.
pub const CAUSES: &[&str] = &["because", "due to", "owing to", "thanks to", "as a result of"];

/// A comparison named in words, not by a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// A year earlier.
    Year,
    /// The period before, at the figure's own precision.
    Previous,
    /// A fixed step back, whatever the figure's precision.
    Fixed(Basis),
    /// A day or week before: a market move, given no basis.
    Short,
    /// The start of the figure's year (`since the beginning of the year`): that year.
    YearStart,
}

/// Phrases that name a base in words, longest first where one holds another.
pub(super) const RELATIVE: &[(&str, Relative)] = &[
    ("year-on-year", Relative::Year),
    ("year on year", Relative::Year),
    ("year-over-year", Relative::Year),
    ("year over year", Relative::Year),
    ("on-year", Relative::Year),
    ("y/y", Relative::Year),
    ("yoy", Relative::Year),
    ("y-o-y", Relative::Year),
    ("a year earlier", Relative::Year),
    ("a year ago", Relative::Year),
    ("a year before", Relative::Year),
    ("year-earlier", Relative::Year),
    ("last year", Relative::Year),
    ("previous year", Relative::Year),
    ("prior year", Relative::Year),
    ("preceding year", Relative::Year),
    ("past year", Relative::Year),
    ("the last year", Relative::Year),
    ("past 12 months", Relative::Year),
    ("past twelve months", Relative::Year),
    ("last 12 months", Relative::Year),
    ("last twelve months", Relative::Year),
    ("on the year", Relative::Year),
    ("12 months to", Relative::Year),
    ("twelve months to", Relative::Year),
    ("12 months through", Relative::Year),
    ("annual rate", Relative::Year),
    ("annual growth", Relative::Year),
    ("annual basis", Relative::Year),
    ("annual terms", Relative::Year),
    ("month-on-month", Relative::Fixed(Basis::Mom)),
    ("month on month", Relative::Fixed(Basis::Mom)),
    ("month-over-month", Relative::Fixed(Basis::Mom)),
    ("month over month", Relative::Fixed(Basis::Mom)),
    ("on the month", Relative::Fixed(Basis::Mom)),
    ("m/m", Relative::Fixed(Basis::Mom)),
    ("mom", Relative::Fixed(Basis::Mom)),
    ("previous month", Relative::Fixed(Basis::Mom)),
    ("prior month", Relative::Fixed(Basis::Mom)),
    ("preceding month", Relative::Fixed(Basis::Mom)),
    ("last month", Relative::Fixed(Basis::Mom)),
    ("a month earlier", Relative::Fixed(Basis::Mom)),
    ("a month ago", Relative::Fixed(Basis::Mom)),
    ("monthly basis", Relative::Fixed(Basis::Mom)),
    ("monthly rate", Relative::Fixed(Basis::Mom)),
    ("over the month", Relative::Fixed(Basis::Mom)),
    ("quarter-on-quarter", Relative::Fixed(Basis::Qoq)),
    ("quarter on quarter", Relative::Fixed(Basis::Qoq)),
    ("quarter-over-quarter", Relative::Fixed(Basis::Qoq)),
    ("quarter over quarter", Relative::Fixed(Basis::Qoq)),
    ("on the quarter", Relative::Fixed(Basis::Qoq)),
    ("q/q", Relative::Fixed(Basis::Qoq)),
    ("qoq", Relative::Fixed(Basis::Qoq)),
    ("previous quarter", Relative::Fixed(Basis::Qoq)),
    ("prior quarter", Relative::Fixed(Basis::Qoq)),
    ("preceding quarter", Relative::Fixed(Basis::Qoq)),
    ("last quarter", Relative::Fixed(Basis::Qoq)),
    ("a quarter earlier", Relative::Fixed(Basis::Qoq)),
    ("quarterly basis", Relative::Fixed(Basis::Qoq)),
    ("preceding three months", Relative::Previous),
    ("previous three months", Relative::Previous),
    ("prior three months", Relative::Previous),
    ("half-on-half", Relative::Fixed(Basis::Hoh)),
    ("previous half", Relative::Fixed(Basis::Hoh)),
    ("preceding half", Relative::Fixed(Basis::Hoh)),
    ("prior half", Relative::Fixed(Basis::Hoh)),
    ("previous period", Relative::Previous),
    ("preceding period", Relative::Previous),
    ("prior period", Relative::Previous),
    ("since the beginning of the year", Relative::YearStart),
    ("since the start of the year", Relative::YearStart),
    ("from the beginning of the year", Relative::YearStart),
    ("from the start of the year", Relative::YearStart),
    ("previous day", Relative::Short),
    ("prior day", Relative::Short),
    ("day-on-day", Relative::Short),
    ("previous week", Relative::Short),
    ("prior week", Relative::Short),
    ("week-on-week", Relative::Short),
    ("previous session", Relative::Short),
];

/// The words that step back from a period (`the previous quarter`).
pub const STEPS: [&str; 4] = ["previous", "preceding", "prior", "last"];

/// The conjunctions of contrast that open a clause.
pub const CONTRAST: [&str; 4] = ["while", "whereas", "but", "although"];

#[cfg(test)]
mod tests {
    use super::super::find_all;
    use super::*;

    /// The one walk finds what asking `find_all` of each phrase finds (its oracle).
    #[test]
    fn a_phrase_list_finds_what_each_phrase_finds() {
        let lists: [&[&str]; 3] = [CUMULATIVE, FORECAST, RECORD_WORDS];
        let relative: Vec<&'static str> = RELATIVE.iter().map(|(p, _)| *p).collect();
        let texts = crate::fixture_texts();
        for list in lists.iter().copied().chain([relative.as_slice()]) {
            // The walk over words finds only phrases with a letter or digit at each end.
            let edges =
                |p: &str| [p.bytes().next(), p.bytes().last()].map(|b| b.is_some_and(|b| b.is_ascii_alphanumeric()));
            assert!(list.iter().all(|p| edges(p) == [true, true]));
            let index = Phrases::new(list.iter().copied());
            for text in &texts {
                let lower = text.to_ascii_lowercase();
                let mut want: Vec<(usize, usize)> = list
                    .iter()
                    .enumerate()
                    .flat_map(|(n, p)| find_all(&lower, p).map(move |at| (at, n)))
                    .collect();
                want.sort_unstable();
                let got: Vec<(usize, usize)> = index.find_in(&lower).collect();
                assert_eq!(got, want);
            }
        }
    }
}
