//! Dates as written -> calendar periods, against the release date: the one place where
//! `chrono` places a date.
//!
//! - A day or month without a year takes the year (release year -1, 0 or +1) that puts
//!   it nearest the release date; ties go to the earlier one.
//! - `this/last/next year` and `this/last month` count from the release date; `the 24th`
//!   is the 24th of the release month; `today` is the release date, `yesterday` and
//!   `tomorrow` a day before and after it.
//! - `this May` is May of the release year; `last March` the latest March before the
//!   release month, `next March` the first March after it.
//! - A half or quarter without a year (`the first half`, `first half of the year`) belongs
//!   to the year the release last named (written out, or of a month or day placed without
//!   one), else to the release year; in a sentence that speaks of no future, to the year
//!   before when the release year's has not begun (`the December quarter` in February).
//! - A range without any year is placed whole, where its end is nearest the release date.
//! - Without a release date only dates that carry their own year are resolved.

use chrono::{Datelike, Months, NaiveDate, Weekday};

use crate::grammar::date::{DateExpr, WeekdayFrom, YearRef};
use crate::model::Period;

/// Resolves the dates of one release, in reading order.
#[derive(Debug, Clone)]
pub struct Resolver {
    release: Option<NaiveDate>,
    /// The last year the release named explicitly (`For 2020, ...`).
    context_year: Option<i32>,
}

/// A weekday that does not match its resolved date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WeekdayMismatch {
    pub written: Weekday,
    pub actual: Weekday,
    pub date: NaiveDate,
}

fn first_day(p: Period) -> Option<NaiveDate> {
    match p {
        Period::Day(d) => Some(d),
        Period::Month { year, month } => NaiveDate::from_ymd_opt(year, month, 1),
        Period::Quarter { year, quarter } => NaiveDate::from_ymd_opt(year, quarter * 3 - 2, 1),
        Period::Half { year, half } => NaiveDate::from_ymd_opt(year, half * 6 - 5, 1),
        Period::Year(year) => NaiveDate::from_ymd_opt(year, 1, 1),
    }
}

fn last_day(p: Period) -> Option<NaiveDate> {
    let months = match p {
        Period::Day(d) => return Some(d),
        Period::Month { .. } => 1,
        Period::Quarter { .. } => 3,
        Period::Half { .. } => 6,
        Period::Year(_) => 12,
    };
    first_day(p)?.checked_add_months(Months::new(months))?.pred_opt()
}

/// Days between a period and a day (0 when the day lies inside it).
#[cfg(test)]
fn distance(p: Period, day: NaiveDate) -> Option<i64> {
    distance_to(p, DayNumber::of(day))
}

/// A day and its day number (`NaiveDate::num_days_from_ce`), counted once for the three
/// years `Resolver::nearest` tries.
#[derive(Debug, Clone, Copy)]
struct DayNumber {
    day: NaiveDate,
    number: i64,
}

impl DayNumber {
    fn of(day: NaiveDate) -> DayNumber {
        DayNumber {
            day,
            number: i64::from(day.num_days_from_ce()),
        }
    }
}

/// `distance`. Asked of every date written without its year: counted by day numbers,
/// without building the period's first and last days, for every period of a year well
/// inside the calendar (`distance_by_dates` for the others).
fn distance_to(p: Period, day: DayNumber) -> Option<i64> {
    match day_span(p) {
        Some((first, after)) => Some(gap(first, after, day.number)),
        None => distance_by_dates(p, day.day),
    }
}

/// A period's first day and the first day after it, as day numbers: for a day, and for
/// a month, quarter, half or year of a year well inside the calendar (else `None`).
fn day_span(p: Period) -> Option<(i64, i64)> {
    Some(match p {
        Period::Day(d) => {
            let n = i64::from(d.num_days_from_ce());
            (n, n + 1)
        }
        Period::Month { year, month } if inside_calendar(year) && (1..=12).contains(&month) => {
            (month_start(year, month - 1), month_start(year, month))
        }
        Period::Quarter { year, quarter } if inside_calendar(year) && (1..=4).contains(&quarter) => {
            (month_start(year, quarter * 3 - 3), month_start(year, quarter * 3))
        }
        Period::Half { year, half } if inside_calendar(year) && (1..=2).contains(&half) => {
            (month_start(year, half * 6 - 6), month_start(year, half * 6))
        }
        Period::Year(year) if inside_calendar(year) => (month_start(year, 0), month_start(year, 12)),
        _ => return None,
    })
}

/// Days from day number `d` to the days `first..after` (0 inside them).
fn gap(first: i64, after: i64, d: i64) -> i64 {
    if d < first {
        first - d
    } else if d >= after {
        d - (after - 1)
    } else {
        0
    }
}

/// A year whose periods, and the year after it, `NaiveDate` holds (its range is some
/// 262,000 years each way).
fn inside_calendar(year: i32) -> bool {
    (-200_000..=200_000).contains(&year)
}

/// The day number (`NaiveDate::num_days_from_ce`) of the first day of the month `months`
/// months after January of `year` (`months` at most 23; `year` inside the calendar).
fn month_start(year: i32, months: u32) -> i64 {
    let first = NaiveDate::from_ymd_opt(year + (months / 12) as i32, months % 12 + 1, 1);
    first.map_or(0, |d| i64::from(d.num_days_from_ce()))
}

/// `distance` from the period's first and last days as dates: its oracle, and its way for
/// a period outside `distance`'s.
fn distance_by_dates(p: Period, day: NaiveDate) -> Option<i64> {
    let (a, b) = (first_day(p)?, last_day(p)?);
    Some(if day < a {
        (a - day).num_days()
    } else if day > b {
        (day - b).num_days()
    } else {
        0
    })
}

impl Resolver {
    pub fn new(release: Option<NaiveDate>) -> Resolver {
        Resolver {
            release,
            context_year: None,
        }
    }

    /// The period for a year-less pattern, choosing the year nearest the release date.
    /// `make` places the pattern inside a year (a day, month, quarter or half of it): the
    /// year before's then lies wholly before the release day, further than the release
    /// year's when that lies before it too, and the year after's wholly after it, further
    /// than the release year's when that lies after it too. So the release year's is
    /// placed first, and only the neighbour on the release day's side of it is tried
    /// (none when it holds the day); `nearest_of_three` where it cannot be placed so.
    fn nearest(&self, make: impl Fn(i32) -> Option<Period>) -> Option<Period> {
        let r = self.release?;
        let day = DayNumber::of(r);
        let y = r.year();
        let own = make(y).and_then(|p| Some((p, day_span(p)?)));
        let Some((own, (first, after))) = own.filter(|_| inside_calendar(y - 1) && inside_calendar(y + 1)) else {
            return self.nearest_of_three(make);
        };
        let other = match day.number {
            d if d < first => y - 1,
            d if d >= after => y + 1,
            _ => return Some(own),
        };
        let d = gap(first, after, day.number);
        match make(other).and_then(|p| Some((distance_to(p, day)?, p))) {
            // A tie keeps the earlier year.
            Some((od, p)) if od < d || (od == d && other < y) => Some(p),
            _ => Some(own),
        }
    }

    /// `nearest`, trying the three years around the release's in order.
    fn nearest_of_three(&self, make: impl Fn(i32) -> Option<Period>) -> Option<Period> {
        let r = self.release?;
        let day = DayNumber::of(r);
        let mut best: Option<(i64, Period)> = None;
        for y in [r.year() - 1, r.year(), r.year() + 1] {
            let Some(p) = make(y) else { continue };
            let Some(d) = distance_to(p, day) else { continue };
            // Strictly nearer wins: ties keep the earlier year, tried first.
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, p));
            }
        }
        best.map(|(_, p)| p)
    }

    fn year_of(&self, y: YearRef) -> Option<i32> {
        match y {
            YearRef::Abs(y) => Some(y),
            YearRef::Rel(n) => self.release.map(|r| r.year() + n),
            YearRef::Context | YearRef::Begun => self.context_year.or(self.release.map(|r| r.year())),
            // Placed by the month they come with (`month_year`).
            YearRef::Nearest | YearRef::NearestBegun | YearRef::Before | YearRef::After => None,
        }
    }

    /// The year of `last March` (the latest March before the release month) or `next
    /// March` (the first after it).
    fn month_year(&self, y: YearRef, month: u32) -> Option<i32> {
        let r = self.release?;
        Some(match y {
            YearRef::Before if month < r.month() => r.year(),
            YearRef::Before => r.year() - 1,
            YearRef::After if month > r.month() => r.year(),
            YearRef::After => r.year() + 1,
            _ => return self.year_of(y),
        })
    }

    fn with_year(&self, y: YearRef, make: impl Fn(i32) -> Option<Period>) -> Option<Period> {
        match y {
            YearRef::Nearest => self.nearest(make),
            YearRef::NearestBegun => {
                let p = self.nearest(&make)?;
                match (first_day(p), self.release) {
                    (Some(d), Some(r)) if d > r => make(d.year() - 1),
                    _ => Some(p),
                }
            }
            YearRef::Begun => {
                let p = make(self.year_of(y)?)?;
                match (self.context_year, self.release) {
                    (None, Some(r)) if first_day(p).is_some_and(|d| d > r) => make(self.year_of(y)? - 1),
                    _ => Some(p),
                }
            }
            _ => make(self.year_of(y)?),
        }
    }

    /// `p` starts after the release day: only a date placed so moves when it is said of the
    /// past (`Begun` places it otherwise than `Context`, `NearestBegun` than `Nearest`).
    pub fn starts_after_release(&self, p: Period) -> bool {
        matches!((first_day(p), self.release), (Some(d), Some(r)) if d > r)
    }

    /// Places one date on the calendar; `None` when it cannot be (no release date, or
    /// no such day).
    pub fn resolve(&mut self, e: &DateExpr) -> Option<Period> {
        let p = self.place(e);
        // Years written out become the context for halves and quarters, and so do the years
        // of days and months placed without one (`in April`: the year now talked about).
        let named = match *e {
            DateExpr::Year(y) | DateExpr::Half { year: y, .. } | DateExpr::Quarter { year: y, .. } => {
                matches!(y, YearRef::Abs(_))
            }
            DateExpr::Day { year: y, .. } | DateExpr::Month { year: y, .. } => {
                matches!(y, YearRef::Abs(_) | YearRef::Nearest | YearRef::NearestBegun)
            }
            _ => false,
        };
        if named {
            if let Some(p) = p {
                self.context_year = first_day(p).map(|d| d.year());
            }
        }
        p
    }

    fn place(&self, e: &DateExpr) -> Option<Period> {
        match *e {
            DateExpr::Day { year, month, day, .. } => {
                self.with_year(year, |y| NaiveDate::from_ymd_opt(y, month, day).map(Period::Day))
            }
            DateExpr::Month { year, month } => {
                let make = |y| (1..=12).contains(&month).then_some(Period::Month { year: y, month });
                match year {
                    YearRef::Before | YearRef::After => make(self.month_year(year, month)?),
                    _ => self.with_year(year, make),
                }
            }
            DateExpr::Quarter { year, quarter } => self.with_year(year, |y| {
                (1..=4)
                    .contains(&quarter)
                    .then_some(Period::Quarter { year: y, quarter })
            }),
            DateExpr::Half { year, half } => self.with_year(year, |y| {
                (1..=2).contains(&half).then_some(Period::Half { year: y, half })
            }),
            DateExpr::Year(year) => self.year_of(year).map(Period::Year),
            DateExpr::Today => self.release.map(Period::Day),
            DateExpr::RelDay(n) => self
                .release?
                .checked_add_signed(chrono::TimeDelta::try_days(i64::from(n))?)
                .map(Period::Day),
            DateExpr::RelMonth(n) => {
                let r = self.release?;
                let first = r.with_day(1)?;
                let m = if n >= 0 {
                    first.checked_add_months(Months::new(n as u32))
                } else {
                    first.checked_sub_months(Months::new(n.unsigned_abs()))
                }?;
                Some(Period::Month {
                    year: m.year(),
                    month: m.month(),
                })
            }
            DateExpr::Weekday { weekday, from } => {
                let r = self.release?;
                let (today, want) = (r.weekday().num_days_from_monday(), weekday.num_days_from_monday());
                let back = i64::from((today + 7 - want) % 7);
                let ahead = i64::from((want + 7 - today) % 7);
                let days = match from {
                    WeekdayFrom::OnOrBefore => -back,
                    WeekdayFrom::Before if back == 0 => -7,
                    WeekdayFrom::Before => -back,
                    WeekdayFrom::OnOrAfter => ahead,
                    WeekdayFrom::After if ahead == 0 => 7,
                    WeekdayFrom::After => ahead,
                };
                r.checked_add_signed(chrono::TimeDelta::try_days(days)?)
                    .map(Period::Day)
            }
            DateExpr::DayOfMonth(day) => {
                let r = self.release?;
                NaiveDate::from_ymd_opt(r.year(), r.month(), day).map(Period::Day)
            }
        }
    }

    /// A range: the end inherits the start's year when it has none of its own, moving
    /// to the next year when it would fall before the start (`December 28 to January 3`).
    /// A range without any year is placed nearest the release date as a whole.
    pub fn resolve_range(&mut self, start: &DateExpr, end: &DateExpr) -> (Option<Period>, Option<Period>) {
        let inherits = |e: &DateExpr| {
            matches!(
                e,
                DateExpr::Day {
                    year: YearRef::Nearest,
                    ..
                } | DateExpr::Month {
                    year: YearRef::Nearest,
                    ..
                }
            )
        };
        if !inherits(end) {
            return (self.resolve(start), self.resolve(end));
        }
        if !inherits(start) {
            let a = self.resolve(start);
            let b = a.and_then(|pa| end_after(pa, end));
            return (a, b);
        }
        let r = match self.release {
            Some(r) => r,
            None => return (None, None),
        };
        let mut best: Option<(i64, Period, Option<Period>)> = None;
        for y in [r.year() - 1, r.year(), r.year() + 1] {
            let Some(pa) = with_year(start, y) else { continue };
            let pb = end_after(pa, end);
            let span_end = pb.unwrap_or(pa);
            let (Some(a), Some(b)) = (first_day(pa), last_day(span_end)) else {
                continue;
            };
            // Measured at the span's end, as a half or quarter is (`ending_nearest`): `April to
            // March` in a May release is the fiscal year just ended, not the one begun.
            let _ = a;
            let d = (b - r).num_days().abs();
            if best.is_none_or(|(bd, _, _)| d < bd) {
                best = Some((d, pa, pb));
            }
        }
        best.map_or((None, None), |(_, a, b)| (Some(a), b))
    }

    /// A weekday written with a date that falls on another day.
    pub fn weekday_mismatch(&self, e: &DateExpr, p: Option<Period>) -> Option<WeekdayMismatch> {
        match (e, p) {
            (DateExpr::Day { weekday: Some(w), .. }, Some(Period::Day(d))) if d.weekday() != *w => {
                Some(WeekdayMismatch {
                    written: *w,
                    actual: d.weekday(),
                    date: d,
                })
            }
            _ => None,
        }
    }
}

/// A year-less day or month placed in year `y`.
fn with_year(e: &DateExpr, y: i32) -> Option<Period> {
    match *e {
        DateExpr::Day { month, day, .. } => NaiveDate::from_ymd_opt(y, month, day).map(Period::Day),
        DateExpr::Month { month, .. } => (1..=12).contains(&month).then_some(Period::Month { year: y, month }),
        _ => None,
    }
}

/// The end of a range in the start's year, or the next year when it would come first.
fn end_after(start: Period, end: &DateExpr) -> Option<Period> {
    let y = first_day(start)?.year();
    match with_year(end, y) {
        Some(pb) if pb < start => with_year(end, y + 1),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use YearRef::*;

    fn r(release: &str) -> Resolver {
        Resolver::new(NaiveDate::parse_from_str(release, "%Y-%m-%d").ok())
    }

    fn s(p: Option<Period>) -> String {
        p.map(|p| p.to_string()).unwrap_or_default()
    }

    fn day(year: YearRef, month: u32, day: u32) -> DateExpr {
        DateExpr::Day {
            year,
            month,
            day,
            weekday: None,
        }
    }

    /// A period's distance counted by day numbers is the distance counted by dates: for
    /// periods of every kind (months, quarters and halves out of range too) in years near the release, at the
    /// calendar's ends, and on releases across leap years and eras.
    #[test]
    fn distances_by_day_numbers_are_distances_by_dates() {
        let releases = [
            "2025-06-10",
            "2024-02-29",
            "2024-12-31",
            "2000-01-01",
            "1900-03-01",
            "0001-01-01",
        ];
        let mut asked = 0;
        for release in releases {
            let day = NaiveDate::parse_from_str(release, "%Y-%m-%d").unwrap();
            let years = [
                day.year() - 1,
                day.year(),
                day.year() + 1,
                -1,
                0,
                262_142,
                -262_143,
                200_000,
                -200_000,
            ];
            for year in years {
                let mut periods = vec![Period::Year(year)];
                periods.extend((0..=13).map(|month| Period::Month { year, month }));
                periods.extend((1..=5).map(|quarter| Period::Quarter { year, quarter }));
                periods.extend((1..=3).map(|half| Period::Half { year, half }));
                periods.extend(
                    [(1, 1), (2, 28), (2, 29), (3, 1), (12, 31)]
                        .iter()
                        .filter_map(|&(m, d)| NaiveDate::from_ymd_opt(year, m, d))
                        .map(Period::Day),
                );
                for p in periods {
                    assert_eq!(distance(p, day), distance_by_dates(p, day), "{p:?} {day}");
                    asked += 1;
                }
            }
        }
        assert!(asked > 1000, "{asked}");
    }

    proptest::proptest! {
        /// As above, on any month, quarter, half or year around any release day.
        #[test]
        fn distances_by_day_numbers_are_distances_by_dates_anywhere(
            days in -100_000i32..100_000,
            shift in -3i32..=3,
            kind in 0..4u32,
            n in 0u32..14,
        ) {
            let origin = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
            let day = origin.checked_add_signed(chrono::TimeDelta::days(i64::from(days) * 7)).unwrap_or(origin);
            let year = day.year() + shift;
            let p = match kind {
                0 => Period::Month { year, month: n },
                1 => Period::Quarter { year, quarter: n % 5 + 1 },
                2 => Period::Half { year, half: n % 3 + 1 },
                _ => Period::Year(year),
            };
            proptest::prop_assert_eq!(distance(p, day), distance_by_dates(p, day), "{:?} {}", p, day);
        }
    }

    /// `nearest`, trying the release year's period and one neighbour, chooses as trying
    /// all three years does: for every day (the 29th of February and days no month has
    /// too), month, quarter and half, on every release day of two years around a leap
    /// year (ties among them).
    #[test]
    fn one_neighbour_is_as_near_as_three() {
        let first = NaiveDate::from_ymd_opt(2023, 6, 1).unwrap_or_default();
        let mut ties = 0;
        for release in first.iter_days().take(760) {
            let res = Resolver::new(Some(release));
            let mut patterns: Vec<Box<dyn Fn(i32) -> Option<Period>>> = Vec::new();
            for month in 0..=13 {
                for dom in 1..=31 {
                    patterns.push(Box::new(move |y| {
                        NaiveDate::from_ymd_opt(y, month, dom).map(Period::Day)
                    }));
                }
                patterns.push(Box::new(move |y| {
                    (1..=12).contains(&month).then_some(Period::Month { year: y, month })
                }));
            }
            for quarter in 0..=5 {
                patterns.push(Box::new(move |y| {
                    (1..=4)
                        .contains(&quarter)
                        .then_some(Period::Quarter { year: y, quarter })
                }));
            }
            for half in 0..=3 {
                patterns.push(Box::new(move |y| {
                    (1..=2).contains(&half).then_some(Period::Half { year: y, half })
                }));
            }
            for make in &patterns {
                assert_eq!(res.nearest(make), res.nearest_of_three(make), "{release}");
                let day = DayNumber::of(release);
                let d = |y: i32| make(y).and_then(|p| distance_to(p, day));
                let y = release.year();
                ties += usize::from(d(y).is_some() && (d(y) == d(y - 1) || d(y) == d(y + 1)));
            }
        }
        assert!(ties > 10, "{ties}");
    }

    /// The same at the calendar's ends, where the neighbours are tried in order.
    #[test]
    fn one_neighbour_is_as_near_as_three_at_the_ends() {
        for release in [
            NaiveDate::MIN,
            NaiveDate::MAX,
            NaiveDate::from_ymd_opt(200_000, 6, 1).unwrap_or_default(),
        ] {
            let res = Resolver::new(Some(release));
            for month in 1..=12 {
                let make = |y: i32| Some(Period::Month { year: y, month });
                assert_eq!(res.nearest(make), res.nearest_of_three(make), "{release} {month}");
            }
        }
    }

    #[test]
    fn nearest_year_rule() {
        assert_eq!(
            s(r("2025-11-17").resolve(&DateExpr::Month {
                year: Nearest,
                month: 12
            })),
            "2025-12"
        );
        assert_eq!(
            s(r("2022-04-27").resolve(&DateExpr::Month {
                year: Nearest,
                month: 11
            })),
            "2021-11"
        );
        assert_eq!(s(r("2022-01-04").resolve(&day(Nearest, 12, 28))), "2021-12-28");
        assert_eq!(s(r("2025-11-19").resolve(&day(Nearest, 11, 18))), "2025-11-18");
    }

    #[test]
    fn ties_go_to_the_earlier_year() {
        // 2024-07-02 is 183 days after January 1, 2024 and 183 days before January 1, 2025.
        let mut res = r("2024-07-02");
        assert_eq!(s(res.resolve(&day(Nearest, 1, 1))), "2024-01-01");
    }

    #[test]
    fn relative_forms() {
        let mut res = r("2020-05-12");
        assert_eq!(s(res.resolve(&DateExpr::RelMonth(0))), "2020-05");
        assert_eq!(s(res.resolve(&day(Rel(-1), 7, 4))), "2019-07-04");
        assert_eq!(s(res.resolve(&DateExpr::Year(Rel(1)))), "2021");
        assert_eq!(s(res.resolve(&DateExpr::Today)), "2020-05-12");
        assert_eq!(s(res.resolve(&DateExpr::DayOfMonth(24))), "2020-05-24");
        assert_eq!(s(res.resolve(&DateExpr::DayOfMonth(3))), "2020-05-03");
    }

    #[test]
    fn weekdays_without_a_date_count_from_the_release() {
        // 2025-07-24 is a Thursday.
        let mut res = r("2025-07-24");
        let wd = |weekday, from| DateExpr::Weekday { weekday, from };
        use chrono::Weekday::{Mon, Thu};
        assert_eq!(s(res.resolve(&wd(Thu, WeekdayFrom::OnOrBefore))), "2025-07-24");
        assert_eq!(s(res.resolve(&wd(Mon, WeekdayFrom::OnOrBefore))), "2025-07-21");
        assert_eq!(s(res.resolve(&wd(Thu, WeekdayFrom::Before))), "2025-07-17");
        assert_eq!(s(res.resolve(&wd(Mon, WeekdayFrom::OnOrAfter))), "2025-07-28");
        assert_eq!(s(res.resolve(&wd(Thu, WeekdayFrom::After))), "2025-07-31");
        assert_eq!(Resolver::new(None).resolve(&wd(Mon, WeekdayFrom::After)), None);
    }

    #[test]
    fn days_counted_from_the_release() {
        let mut res = r("2024-03-01");
        assert_eq!(s(res.resolve(&DateExpr::RelDay(-1))), "2024-02-29");
        assert_eq!(s(res.resolve(&DateExpr::RelDay(1))), "2024-03-02");
        assert_eq!(Resolver::new(None).resolve(&DateExpr::RelDay(1)), None);
    }

    #[test]
    fn last_and_next_month_names_skip_the_release_month() {
        let month = |year, month| DateExpr::Month { year, month };
        // In a January release, last March is the year before's.
        assert_eq!(s(r("2023-01-20").resolve(&month(Before, 3))), "2022-03");
        let mut res = r("2025-06-30");
        assert_eq!(s(res.resolve(&month(Before, 3))), "2025-03");
        assert_eq!(s(res.resolve(&month(Before, 6))), "2024-06");
        assert_eq!(s(res.resolve(&month(After, 3))), "2026-03");
        assert_eq!(s(res.resolve(&month(After, 7))), "2025-07");
        assert_eq!(s(res.resolve(&month(After, 6))), "2026-06");
        assert_eq!(s(res.resolve(&month(Rel(0), 1))), "2025-01");
        // They name no year for the halves and quarters that follow.
        assert_eq!(
            s(res.resolve(&DateExpr::Quarter {
                year: Context,
                quarter: 2
            })),
            "2025-Q2"
        );
    }

    #[test]
    fn halves_follow_the_year_in_context() {
        let mut res = r("2021-01-14");
        assert_eq!(s(res.resolve(&DateExpr::Half { year: Context, half: 2 })), "2021-H2");
        res.resolve(&DateExpr::Year(Abs(2020)));
        assert_eq!(s(res.resolve(&DateExpr::Half { year: Context, half: 1 })), "2020-H1");
        // A month placed without a year moves the context to its year.
        res.resolve(&DateExpr::Month {
            year: Nearest,
            month: 2,
        });
        assert_eq!(s(res.resolve(&DateExpr::Half { year: Context, half: 1 })), "2021-H1");
    }

    #[test]
    fn a_period_said_in_the_past_has_begun() {
        let q = |year, quarter| DateExpr::Quarter { year, quarter };
        let mut res = r("2025-02-18");
        assert_eq!(s(res.resolve(&q(Begun, 4))), "2024-Q4");
        assert_eq!(s(res.resolve(&q(Begun, 1))), "2025-Q1");
        // Of the future, the release year's.
        assert_eq!(s(res.resolve(&q(Context, 3))), "2025-Q3");
        assert_eq!(
            s(r("2021-01-14").resolve(&DateExpr::Half { year: Begun, half: 2 })),
            "2020-H2"
        );
        // A year in context is kept.
        res.resolve(&DateExpr::Year(Abs(2025)));
        assert_eq!(s(res.resolve(&q(Begun, 4))), "2025-Q4");
    }

    #[test]
    fn a_month_said_in_the_past_has_begun() {
        let m = |year, month| DateExpr::Month { year, month };
        // March is nearer in 2021 (95 days ahead) than in 2020, but curbs imposed then
        // were imposed in 2020.
        let mut res = r("2020-11-26");
        assert_eq!(s(res.resolve(&m(NearestBegun, 3))), "2020-03");
        assert_eq!(s(res.resolve(&m(Nearest, 3))), "2021-03");
        assert_eq!(s(res.resolve(&m(NearestBegun, 10))), "2020-10");
    }

    #[test]
    fn a_yearless_range_is_placed_by_its_end() {
        let m = |month| DateExpr::Month { year: Nearest, month };
        let (a, b) = r("2025-05-23").resolve_range(&m(4), &m(3));
        assert_eq!((s(a), s(b)), ("2024-04".into(), "2025-03".into()));
        let (a, b) = r("2025-08-01").resolve_range(&m(1), &m(7));
        assert_eq!((s(a), s(b)), ("2025-01".into(), "2025-07".into()));
    }

    #[test]
    fn ranges_share_the_start_year() {
        let mut res = r("2025-11-14");
        let (a, b) = res.resolve_range(&day(Nearest, 11, 10), &day(Nearest, 11, 14));
        assert_eq!((s(a), s(b)), ("2025-11-10".into(), "2025-11-14".into()));
        let (a, b) = res.resolve_range(&day(Nearest, 12, 28), &day(Nearest, 1, 3));
        assert_eq!((s(a), s(b)), ("2025-12-28".into(), "2026-01-03".into()));
        // Each end alone would split the range over two years; the whole is placed at once.
        let mut res = r("2025-08-01");
        let month = |m| DateExpr::Month {
            year: Nearest,
            month: m,
        };
        let (a, b) = res.resolve_range(&month(1), &month(7));
        assert_eq!((s(a), s(b)), ("2025-01".into(), "2025-07".into()));
    }

    #[test]
    fn without_a_release_date_only_written_years_resolve() {
        let mut res = Resolver::new(None);
        assert_eq!(res.resolve(&day(Nearest, 11, 18)), None);
        assert_eq!(s(res.resolve(&day(Abs(2025), 11, 18))), "2025-11-18");
        assert_eq!(res.resolve(&DateExpr::Year(Rel(0))), None);
    }

    #[test]
    fn weekday_mismatch_is_reported() {
        let mut res = r("2025-11-19");
        let e = DateExpr::Day {
            year: Nearest,
            month: 11,
            day: 18,
            weekday: Some(Weekday::Wed),
        };
        let p = res.resolve(&e);
        assert_eq!(res.weekday_mismatch(&e, p).map(|m| m.actual), Some(Weekday::Tue));
    }
}
