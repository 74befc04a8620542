//! The value columns of a figure, its date placed in reading order.

use std::borrow::Cow;

use crate::grammar::date::{self, DateExpr};
use crate::grammar::{Figure, Val};
use crate::model::{Period, Value};
use crate::resolve::Resolver;

/// A figure's value columns, and the period a date figure names.
pub(super) struct Valued {
    pub(super) value: Value,
    pub(super) value_end: Option<Value>,
    /// A date's precision, or the figure's own unit.
    pub(super) unit: Cow<'static, str>,
    pub(super) date: Option<(Period, Option<Period>)>,
}

/// The value columns of a figure; dates are resolved here, in reading order (`past`: the
/// sentence is said of the past, see `place_told`).
/// The unit is moved out of the figure, which is not used after.
pub(super) fn values(
    f: &mut Figure,
    written: &str,
    resolver: &mut Resolver,
    past: impl FnOnce() -> bool,
    mut warn: impl FnMut(String),
) -> Valued {
    let num = |v: &Val| match v {
        Val::Num(d) => Value::Number(*d),
        Val::Date(_) => Value::Unresolved,
    };
    match (&f.value, &f.value_end) {
        (Val::Date(a), end) => {
            let (mut pa, mut pb) = match end {
                Some(Val::Date(b)) => resolver.resolve_range(a, b),
                None => (place_told(resolver, a, past), None),
                Some(_) => (resolver.resolve(a), None),
            };
            if let Some(m) = resolver.weekday_mismatch(a, pa) {
                warn(format!(
                    "weekday {:?} does not match {} (a {:?}); the date is kept",
                    m.written, m.date, m.actual
                ));
            }
            if pa.is_none() && resolver_can_place(a) {
                warn("date is not a calendar day; its value is empty".to_string());
            }
            // `10000-01-01` is no date of a table: the row stays, its value is empty.
            if let Some(far) = [pa, pb].into_iter().flatten().find(|p| !(1..=9999).contains(&p.year())) {
                warn(format!(
                    "date `{written}` is placed at {far}, outside the years 0001-9999; its value is empty"
                ));
                (pa, pb) = (None, None);
            }
            let unit = pa
                .or(pb)
                .map(|p| p.precision())
                .unwrap_or_else(|| precision_of(a))
                .into();
            Valued {
                value: pa.map_or(Value::Unresolved, Value::Date),
                value_end: pb.map(Value::Date),
                unit,
                date: pa.map(|a| (a, pb)),
            }
        }
        (v, end) => Valued {
            value: num(v),
            value_end: end.as_ref().map(num),
            unit: std::mem::take(&mut f.unit),
            date: None,
        },
    }
}

/// A single date as the scan left it (`scan::append_figures_untensed`), placed as
/// `date::mark_tense` would have marked it: one without its year has begun when its
/// sentence is said of the past. That moves it only where it is placed after the release
/// day, so only there is the tense read (`past`), and the date placed again as begun (the
/// first placing leaves the resolver as the second sets it: a year it notes is noted
/// again).
fn place_told(resolver: &mut Resolver, e: &DateExpr, past: impl FnOnce() -> bool) -> Option<Period> {
    let placed = resolver.resolve(e);
    match date::begun_if_past(e) {
        Some(begun) if placed.is_some_and(|p| resolver.starts_after_release(p)) && past() => resolver.resolve(&begun),
        _ => placed,
    }
}

/// Whether a failed resolution means an impossible date rather than a missing release date.
fn resolver_can_place(e: &crate::grammar::DateExpr) -> bool {
    use crate::grammar::date::{DateExpr, YearRef};
    matches!(
        e,
        DateExpr::Day {
            year: YearRef::Abs(_),
            ..
        }
    )
}

/// The precision a date was written at, for rows whose value could not be resolved.
fn precision_of(e: &crate::grammar::DateExpr) -> &'static str {
    use crate::grammar::date::DateExpr;
    match e {
        DateExpr::Day { .. }
        | DateExpr::DayOfMonth(_)
        | DateExpr::Today
        | DateExpr::RelDay(_)
        | DateExpr::Weekday { .. } => "day",
        DateExpr::Month { .. } | DateExpr::RelMonth(_) => "month",
        DateExpr::Quarter { .. } => "quarter",
        DateExpr::Half { .. } => "half",
        DateExpr::Year(_) => "year",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::append_figures_untensed;
    use chrono::NaiveDate;

    /// A date placed: its period, and its end's for a span.
    type Placed = (Option<Period>, Option<Period>);

    /// The dates of `sentences` placed in order for a release of `release`, each sentence's
    /// figures read by `scan::append_figures` (every year-less date marked by the tense):
    /// the way before the tense was read only where it moves a date, the oracle.
    fn placed_marked(sentences: &[&str], release: NaiveDate) -> Vec<Placed> {
        let mut resolver = Resolver::new(Some(release));
        let mut all = Vec::new();
        for s in sentences {
            crate::scan::append_figures(s, false, "USD", &mut all);
        }
        all.iter()
            .filter_map(|f| match (&f.figure.value, &f.figure.value_end) {
                (Val::Date(a), Some(Val::Date(b))) => Some(resolver.resolve_range(a, b)),
                (Val::Date(a), _) => Some((resolver.resolve(a), None)),
                _ => None,
            })
            .collect()
    }

    /// `placed_marked`, the figures read as the release reads them: dates as written, the
    /// tense asked by `place_told`. Also says how many sentences had their tense read.
    fn placed_told(sentences: &[&str], release: NaiveDate) -> (Vec<Placed>, usize) {
        let mut resolver = Resolver::new(Some(release));
        let (mut placed, mut read) = (Vec::new(), 0);
        for s in sentences {
            let mut all = Vec::new();
            append_figures_untensed(s, false, "USD", &mut all);
            let mut tense = None;
            for f in &all {
                let mut past = || {
                    *tense.get_or_insert_with(|| {
                        read += 1;
                        date::said_of_the_past(s)
                    })
                };
                match (&f.figure.value, &f.figure.value_end) {
                    (Val::Date(a), Some(Val::Date(b))) => placed.push(resolver.resolve_range(a, b)),
                    (Val::Date(a), _) => placed.push((place_told(&mut resolver, a, &mut past), None)),
                    _ => {}
                }
            }
        }
        (placed, read)
    }

    /// A release date on the 15th of every month of 2025, and at both ends of the year.
    fn release_days() -> impl Iterator<Item = NaiveDate> {
        let mid = (1..=12).filter_map(|m| NaiveDate::from_ymd_opt(2025, m, 15));
        let ends = [(1, 1), (12, 31)]
            .into_iter()
            .filter_map(|(m, d)| NaiveDate::from_ymd_opt(2025, m, d));
        mid.chain(ends)
    }

    #[test]
    fn the_tense_read_where_it_moves_a_date_places_dates_as_every_tense_read() {
        let texts = crate::fixture_texts();
        let sentences: Vec<&str> = texts.iter().flat_map(|t| t.split(['.', '\n'])).collect();
        for release in release_days() {
            let (told, _) = placed_told(&sentences, release);
            assert_eq!(told, placed_marked(&sentences, release), "{release}");
        }
        // A date after the release day in a sentence of the past moves back a year.
        let said = ["Exports were weak in the fourth quarter", "They fell in March"];
        let day = NaiveDate::from_ymd_opt(2025, 2, 10).unwrap();
        let (told, read) = placed_told(&said, day);
        assert_eq!(told, placed_marked(&said, day));
        assert_eq!(told[0].0, Some(Period::Quarter { year: 2024, quarter: 4 }));
        assert_eq!(told[1].0, Some(Period::Month { year: 2024, month: 3 }));
        assert_eq!(read, 2);
        // One before it is placed without reading the tense.
        let (_, read) = placed_told(&["Exports were weak in January"], day);
        assert_eq!(read, 0);
    }

    proptest::proptest! {
        /// On random sentences of tense words, year-less and dated figures, and random
        /// release days, the tense read only where it moves a date places every date as
        /// reading it for every year-less date did.
        #[test]
        fn dates_are_placed_as_when_every_tense_was_read(
            picks in proptest::collection::vec(proptest::collection::vec(0..20usize, 0..10), 1..5),
            month in 1..=12u32,
            day in 1..=28u32,
        ) {
            const PIECES: [&str; 20] = [
                "sales", "were", "will", "rose", "expected", "said", "may", "May", "in March", "in the fourth quarter",
                "in the first half", "on December 3", "in November", "in 2024", "by 3 percent", "to $5 billion",
                ",", "from June to August", "reported", "increased",
            ];
            let sentences: Vec<String> = picks
                .iter()
                .map(|s| s.iter().map(|&n| PIECES[n]).collect::<Vec<_>>().join(" "))
                .collect();
            let sentences: Vec<&str> = sentences.iter().map(String::as_str).collect();
            let release = NaiveDate::from_ymd_opt(2025, month, day).unwrap();
            proptest::prop_assert_eq!(placed_told(&sentences, release).0, placed_marked(&sentences, release));
        }
    }
}
