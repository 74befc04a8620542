//! date: a point or period of time, read as written; `resolve` places it on the calendar.
//!
//! ```text
//! date        = between_years | between_days | year_range | month_year_range | iso_date | day_range
//!             | month_pair | day_month_range | quarter_range | days_across_months | day_pair | day_first_pair
//!             | months_quarter | month_range | fiscal_year | months_of_year
//!             | year_period | iso_month | weekday_date | month_day_date | day_month_date | month_year
//!             | rel_year_in_month | half | quarter | relative | rel_month | the_nth
//!             | within_period | month_alone | year
//! ```
//!
//! The forms live by family: `years` (written in digits from a year: `year`, `year_range`,
//! `between_years`, `iso_date`, `iso_month`, `year_period`); `months` (led by a month or
//! weekday: `month_day`, `day_month`, `weekday_date`, `month_year`, `month_alone`,
//! `month_range`, `month_year_range`, `month_pair`); `day_ranges` (ranges, pairs and lists of
//! days: `day_range`, `day_month_range`, `days_across_months`, `between_days`, `day_pair`,
//! `day_first_pair`, `listed_day`); `periods` (`half`, `quarter`, `quarter_range`,
//! `month_quarter`, `months_quarter`, `months_of_year`, `fiscal_year`, `within_period`);
//! `relative` (`relative`, `rel_month`, `rel_year_in_month`, `the_nth`, a weekday after
//! `on`). Their atoms (month and weekday names, days, years, joiners) are in `atoms`. This
//! module chooses among the forms (`date`, by the first character or word), and reads the
//! figure (`parse`).
//!
//! Before the parse, a lead word or number that starts no date is turned away
//! (`prefilter`). Refused after the parse (`parse`, by `refused`): comparison bases (`than
//! last year`, `compared to this year`), spans (`over the last year`), months that recur
//! (`March of each year`), and the dates of bylines (`Published: 28 Apr. 2025`). A date
//! without its year, in a sentence said of the past, has begun (`tense`).

mod atoms;
mod day_ranges;
mod months;
mod periods;
mod prefilter;
mod refused;
mod relative;
mod tense;
mod years;

use chrono::Weekday;
use nom::{IResult, Parser, branch::alt};

pub use atoms::{MONTHS, is_month_word};
pub use prefilter::lead_word_may_go_on;
pub use refused::in_byline;
pub use tense::{begun_if_past, mark_tense, said_of_the_past};

use super::{Ctx, Figure, Val, dash, fail, is_word_char, keyword, leading_word};
use crate::model::Kind;
use crate::words::lowered;
use atoms::{Month, capitalized, read_month};
use day_ranges::{
    between_days, day_first_pair, day_month_range, day_pair_after, day_range, day_range_from, days_across_from,
    days_across_months, listed_day,
};
use months::{
    day_month, month_alone_after, month_day_after, month_pair_after, month_range_after, month_year_after,
    month_year_range, weekday_date,
};
use periods::{
    fiscal_year, half, month_quarter_after, months_of_year, months_quarter_after, quarter, quarter_range, within_period,
};
use prefilter::may_be_date;
use refused::{is_comparison_base, is_span_of_a_year, recurs};
use relative::{rel_month, rel_year_in_month, relative, the_nth, weekday_after_on};
use years::{between_years, iso_date, iso_month, year_period, year_range, year4_date};
#[cfg(test)]
use {
    day_ranges::day_pair,
    months::{month_alone, month_day, month_pair, month_range, month_year},
    periods::{month_quarter, months_quarter},
};

/// Which year a date belongs to, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    /// Written out: `2025`.
    Abs(i32),
    /// Counted from the release year: `this year` 0, `last year` -1, `next year` +1.
    Rel(i32),
    /// `of the year`, or a half or quarter without a year: the year the release is talking about.
    Context,
    /// As `Context`, in a sentence said of the past: the period has begun by the release
    /// date (`sales rose in the fourth quarter`, in a February release: last year's).
    Begun,
    /// As `Nearest`, in a sentence said of the past: the nearest such month or day that
    /// has begun by the release date (`curbs imposed in March`, in a November release).
    NearestBegun,
    /// Missing: the year that puts the date nearest the release date.
    Nearest,
    /// `last March`: the year of the latest such month before the release month.
    Before,
    /// `next March`: the year of the first such month after the release month.
    After,
}

/// A date as written, before resolution against the release date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateExpr {
    Day {
        year: YearRef,
        month: u32,
        day: u32,
        weekday: Option<Weekday>,
    },
    /// `the 24th`: a day of the release month.
    DayOfMonth(u32),
    Month {
        year: YearRef,
        month: u32,
    },
    /// `this month` 0, `last month` -1, `next month` +1.
    RelMonth(i32),
    Quarter {
        year: YearRef,
        quarter: u32,
    },
    Half {
        year: YearRef,
        half: u32,
    },
    Year(YearRef),
    Today,
    /// `yesterday` -1, `tomorrow` +1: days from the release date.
    RelDay(i32),
    /// A weekday without its date: `on Monday` the latest on or before the release date,
    /// `last Monday` the latest before it, `this Monday` the first on or after it, `next
    /// Monday` the first after it.
    Weekday {
        weekday: Weekday,
        from: WeekdayFrom,
    },
}

impl DateExpr {
    /// The year a date is placed by, when it has one.
    pub fn year_ref(&self) -> Option<YearRef> {
        match *self {
            DateExpr::Day { year, .. }
            | DateExpr::Month { year, .. }
            | DateExpr::Quarter { year, .. }
            | DateExpr::Half { year, .. }
            | DateExpr::Year(year) => Some(year),
            _ => None,
        }
    }
}

/// Which weekday of that name a weekday without a date is (see `DateExpr::Weekday`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeekdayFrom {
    OnOrBefore,
    Before,
    OnOrAfter,
    After,
}

/// A date, or a range of two.
pub fn date(i: &str) -> IResult<&str, (DateExpr, Option<DateExpr>)> {
    // The same alternatives in the same order, split by what they start with: each
    // alternative needs a particular start (a run of so many digits, a word), so the
    // others are not tried there.
    let single = |d| (d, None);
    match i.bytes().take_while(u8::is_ascii_digit).count() {
        0 => date_at_word(i),
        // A year alone (the common case: no other form can follow it), a year range or
        // code, or an ISO date.
        4 if year_stands_alone(&i[4..]) => year4_date.map(single).parse(i),
        4 => alt((
            year_range.map(|(a, b)| (a, Some(b))),
            alt((year_period, iso_date, iso_month, year4_date)).map(single),
        ))
        .parse(i),
        // A day before a month, `2nd half`, `3Q`.
        1 | 2 => alt((
            alt((day_month_range, quarter_range, days_across_months)).map(|(a, b)| (a, Some(b))),
            day_first_pair,
            alt((day_month, half, quarter)).map(single),
        ))
        .parse(i),
        _ => fail(i),
    }
}

/// After four digits, nothing that goes on a year range (a joiner: a dash, `to`, `through`,
/// `until`; a `/`) or a year's period code (`Q`, `H`, after white space or a dash): only
/// `year4_date` can read there.
fn year_stands_alone(after_digits: &str) -> bool {
    let head = super::skip_space(after_digits);
    !head.starts_with(['/', 'Q', 'H', 't', 'T', 'u', 'U']) && dash(head).is_err()
}

/// The alternatives of `date` that can read at a letter, chosen by the leading word.
fn date_at_word(i: &str) -> IResult<&str, (DateExpr, Option<DateExpr>)> {
    let single = |d| (d, None);
    let range = |(a, b)| (a, Some(b));
    let w = leading_word(i);
    // Every key word below is at most 9 letters; a longer word can only be a name.
    let mut buf = [0u8; 9];
    let lower = lowered(&mut buf, w.as_bytes()).unwrap_or_default();
    match lower {
        b"between" => alt((between_years, between_days)).map(range).parse(i),
        b"this" | b"next" => alt((rel_year_in_month, half, relative, rel_month)).map(single).parse(i),
        b"last" => alt((
            alt((rel_year_in_month, half)).map(single),
            months_of_year,
            alt((relative, rel_month)).map(single),
        ))
        .parse(i),
        b"first" => alt((alt((half, quarter)).map(single), months_of_year)).parse(i),
        b"second" | b"third" | b"fourth" => alt((half, quarter)).map(single).parse(i),
        // `H1`, `Q3`: the letter alone is the word.
        b"h" => half.map(single).parse(i),
        b"q" => alt((quarter_range.map(range), quarter.map(single))).parse(i),
        b"quarter" => quarter.map(single).parse(i),
        b"today" | b"yesterday" | b"tomorrow" => relative.map(single).parse(i),
        b"the" => the_nth.map(single).parse(i),
        b"fy" | b"fiscal" => fiscal_year(i),
        b"mid" | b"early" | b"late" | b"end" | b"start" | b"pre" | b"post" => within_period.map(single).parse(i),
        // Month and weekday names: every form here starts with one.
        _ if capitalized(w) => at_month_or_weekday(i),
        _ => fail(i),
    }
}

/// The forms led by a month or weekday name, in their order of preference:
/// ```text
/// ranges  = month_year_range | day_range | month_pair | days_across_months | day_pair
///         | months_quarter | month_range
/// singles = weekday_date | month_day | month_quarter | month_year | month_alone
/// ```
/// The month is read once to choose among them: the forms with a day after the month
/// (`March 5`), those with a year (`March, 2025`, `Sep-2024`) and those with a word or a
/// dash and a month (`March and April`, `March to May`, `June quarter`) never read the
/// same text (a day has one or two digits, a year four); a word that names no month
/// leaves only the forms led by a weekday. The forms are then read after that month
/// (`*_after`), not from the month again.
fn at_month_or_weekday(i: &str) -> IResult<&str, (DateExpr, Option<DateExpr>)> {
    let single = |d| (d, None);
    let range = |(a, b)| (a, Some(b));
    match read_month(i) {
        Err(_) => alt((day_range.map(range), weekday_date.map(single))).parse(i),
        Ok((r, m)) => match digits_follow(r) {
            1..=2 => at_month_before_a_day(i, m),
            3.. => alt((
                month_year_range.map(range),
                (|i| month_quarter_after(i, m)).map(single),
                (|_| month_year_after(m)).map(single),
                (|i| month_alone_after(i, m)).map(single),
            ))
            .parse(i),
            0 => at_month_before_words(i, m),
        },
    }
}

/// The forms of `at_month_or_weekday` with one or two digits after the month `m`, in
/// their order: `day_range`, `days_across_months` and `month_day` start with the same
/// `month_day` (no weekday leads where a month does), read once here.
fn at_month_before_a_day<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, (DateExpr, Option<DateExpr>)> {
    let first_day = month_day_after(i, m);
    if let Ok((r, start)) = first_day {
        // `March 4 in`: no joiner and no `and` after the day (or its year): the day alone.
        if !joins_another_day(r) {
            return Ok((r, (start, None)));
        }
        if let Ok((r, (a, b))) = day_range_from(i, r, start).or_else(|_| days_across_from(i, r, start)) {
            return Ok((r, (a, Some(b))));
        }
    }
    if let Ok(ok) = day_pair_after(i, m) {
        return Ok(ok);
    }
    match first_day {
        Ok((r, d)) => Ok((r, (d, None))),
        Err(_) => month_alone_after(i, m).map(|(r, d)| (r, (d, None))),
    }
}

/// After a month's day (and its year, if written): a range joiner, or white space and
/// `and` — what a range or pair of days goes on with (`March 4-6`, `May 4 and 5`,
/// `March 31 and April 1`). A necessary condition: the forms still decide.
/// ```text
/// joins_day = range_joiner | sp "and"
/// ```
fn joins_another_day(after_day: &str) -> bool {
    if super::may_join(after_day) {
        return true;
    }
    let spaces = super::space_len(after_day);
    spaces > 0 && keyword("and")(&after_day[spaces..]).is_ok()
}

/// The forms of `at_month_or_weekday` with no number right after the month `m`.
fn at_month_before_words<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, (DateExpr, Option<DateExpr>)> {
    let single = |d| (d, None);
    let range = |(a, b)| (a, Some(b));
    if !goes_on_a_month(m.after) {
        return month_alone_after(i, m).map(|(r, d)| (r, (d, None)));
    }
    alt((
        (|i| month_pair_after(i, m)).map(range),
        |i| months_quarter_after(i, m),
        (|i| month_range_after(i, m)).map(range),
        (|i| month_quarter_after(i, m)).map(single),
        (|_| month_year_after(m)).map(single),
        (|i| month_alone_after(i, m)).map(single),
    ))
    .parse(i)
}

/// After a month with no number after it, a word or joiner that a form longer than the
/// month alone may go on with: a range joiner (`March to May`, `Jan-Mar quarter`), or
/// after white space `and` (`March and April`), `quarter` (`June quarter`), `of` or a
/// relative year's word (`March of this year`, `March last year`). Before any other, only
/// the month alone may be read. A necessary condition: the forms still decide.
/// ```text
/// goes_on = range_joiner | sp ("and" | "quarter" | "of" | "this" | "last" | "next")
/// ```
fn goes_on_a_month(after_month: &str) -> bool {
    if super::may_join(after_month) {
        return true;
    }
    let spaces = super::space_len(after_month);
    if spaces == 0 {
        return false;
    }
    let word = leading_word(&after_month[spaces..]);
    let mut buf = [0u8; 7];
    lowered(&mut buf, word.as_bytes())
        .is_some_and(|w| matches!(w, b"and" | b"quarter" | b"of" | b"this" | b"last" | b"next"))
}

/// After a month name: how many digits the number after it has, after at most a comma or
/// a dash and white space (`5`, `, 2025`, `-2024`); 0 when no number follows. Where none
/// follows, no form with a day or a year written next to the month reads; where one does,
/// no form with a word or a month next.
fn digits_follow(after_month: &str) -> usize {
    super::skip_space(after_month.strip_prefix([',', '-']).unwrap_or(after_month))
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count()
}

/// The grammar as one alternation, as `date` was before it was split by first character:
/// the tests check that both read the same at every position of the fixtures.
#[cfg(test)]
fn date_unsplit(i: &str) -> IResult<&str, (DateExpr, Option<DateExpr>)> {
    let range = |i| {
        alt((
            between_years,
            between_days,
            year_range,
            month_year_range,
            day_range,
            month_pair,
            day_month_range,
            quarter_range,
            days_across_months,
        ))
        .parse(i)
    };
    let single = |i| {
        alt((
            year_period,
            iso_date,
            iso_month,
            weekday_date,
            month_day,
            month_quarter,
            day_month,
            month_year,
            rel_year_in_month,
            half,
            quarter,
            relative,
            rel_month,
            the_nth,
            within_period,
            month_alone,
            year4_date,
        ))
        .parse(i)
    };
    alt((
        range.map(|(a, b)| (a, Some(b))),
        day_pair,
        day_first_pair,
        months_quarter,
        month_range.map(|(a, b)| (a, Some(b))),
        fiscal_year,
        months_of_year,
        single.map(|a| (a, None)),
    ))
    .parse(i)
}

/// The date figure at the candidate position.
pub fn parse(ctx: &Ctx) -> Option<Figure> {
    let rest = ctx.rest();
    // A number glued to a word or an identifier (`COVID-19`, `A-2025`) is no date.
    if let Some(prev) = ctx.before().chars().next_back() {
        if is_word_char(prev) || (prev == '-' && rest.starts_with(|c: char| c.is_ascii_digit())) {
            return None;
        }
    }
    if let Some((len, day)) = listed_day(ctx.before(), rest) {
        return Some(ctx.figure(Kind::Date, &rest[len..], Val::Date(day), None, ""));
    }
    if !may_be_date(rest) {
        return None;
    }
    let before = ctx.before();
    let (after, (start, end)) = date(rest).ok().or_else(|| weekday_after_on(before, rest))?;
    if is_comparison_base(before, &start)
        || is_span_of_a_year(before, &start)
        || in_byline(ctx.sentence, ctx.pos)
        || recurs(after, &start)
    {
        return None;
    }
    // `January 2025-2026`-style leftovers aside, a year glued to a following dash-number is an id.
    Some(ctx.figure(Kind::Date, after, Val::Date(start), end.map(Val::Date), ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_grammar_reads_what_the_single_alternation_reads() {
        let mut texts = crate::fixture_texts();
        texts.push("On 2025-03-04 and between 2020 and 2024, Q3 2025, 2nd half of 2024, 18 Nov. 2025.".into());
        // Every start the split chooses by, in odd cases.
        texts.push(
            "h1 2025, q1, Q5, H3, BETWEEN 2020 AND 2024, This year, Today, THE 24th of, 3Q 2024, 12345, \
                    1st quarter, Second half, Last six months, Tuesday, 5 May, Sept. 3-5, 2020–21, 7 to 9, \
                    March to May 2025, 20250, 2025-1-1, Wednesdays, Septembers."
                .into(),
        );
        texts.push(
            "yesterday, Tomorrow, this May, last March, next June, first five months of 2020, \
                    the first 3 months, last four months of 2021, last two months, FY2024, fy 2021-22, \
                    Fiscal year 2023, FY24, FY, July 16 and 17, May 3 and 9, June 30 and 31, Sep.12, 2024, \
                    12-Sep-2024, quarter 1 January to March 2015, Quarter 3 (July to Sept) 2022, quarter 5, \
                    MARCH 2023, MAY, April 2021-March 2022, March and April combined, May and June, \
                    mid-2024, end-March, pre-2020, Mid-May 2024, the 11th, sixth and fourth month, \
                    the June quarter, September 2024 quarter, May quarter, 2023/24, 2023/2025, \
                    third-quarter, first-half, the 30th of June, 1st of May 2024, Jan-Mar 2025, \
                    1-3 March 2025, 10 to 14 November, 28 February to 3 March, 20 and 21 March, \
                    3 and 9 May 2025, 9 and 3 May, between March 3 and 10, 2025, between 3 and 10 April, \
                    between May 3 and May 1, June 30 and July 1, 2025, 31 December and 1 January, \
                    June 29 and July 1, 28 February and 1 March 2024, Q1-Q3 2024, Q3 to Q2, 1Q-3Q, 2-3 percent, 5 and 6 firms, \
                    2024Q3, 2024 Q4, 2025-H1, 2025-H3, Q3-2024, H1/2025, Q4'24, 2025-03, 2025-13, 2011-12, \
                    Sep 2024, Sept. 2024, Sep-2024, the January-March quarter of 2024, the May-July quarter."
                .into(),
        );
        // A month and what may follow it, for the choice made after the month.
        texts.push(
            "March, 2025, March,5, March -  2025, March- April, March -April 2025, Sept.-Oct. 2024, \
                    March\u{a0}5, March\t2025 quarter, June 2025 quarter, Dec. 5-7, 2024, Monday, March 3, \
                    Friday 5 May, March of 2024, March this year, March and 4, March 4 and April, \
                    October to 5 December, June, 30, March-March, Mar to Jun quarter, Oct 30 and Nov 1, \
                    March 123 units, March 12345, March 5th, March 05, March 45, May 2025-2026, \
                    June 30-July 2, 2025, July 4th and 5th, March 2025 to May 2025, June 2025quarter, \
                    2024 \u{2013} 25, 2024/2025, 2024\tthrough 2026, 2025 until, 2025 Q, 2025-, 2025 H2, \
                    2025 Through 2027, 2025Quarter, 2025 hours, 2025\u{a0}to\u{a0}2026."
                .into(),
        );
        let mut positions = 0;
        for t in &texts {
            for (at, _) in t.char_indices() {
                let (split, whole) = (date(&t[at..]).ok(), date_unsplit(&t[at..]).ok());
                assert_eq!(split, whole, "at {:?}", t.get(at..at + 40));
                positions += 1;
            }
        }
        assert!(positions > 10_000, "fixtures not found: {positions}");
    }

    use YearRef::*;

    pub(super) fn read(s: &str) -> Option<(DateExpr, Option<DateExpr>, usize)> {
        read_after("", s)
    }

    pub(super) fn read_after(before: &str, s: &str) -> Option<(DateExpr, Option<DateExpr>, usize)> {
        let sentence = format!("{before}{s}");
        let ctx = Ctx::new(&sentence, before.len(), false);
        parse(&ctx).map(|f| {
            let d = |v: Val| match v {
                Val::Date(d) => d,
                Val::Num(_) => unreachable!(),
            };
            (d(f.value), f.value_end.map(d), f.end - before.len())
        })
    }

    pub(super) fn day(year: YearRef, month: u32, day: u32) -> DateExpr {
        DateExpr::Day {
            year,
            month,
            day,
            weekday: None,
        }
    }

    #[test]
    fn ranges() {
        assert_eq!(read("November 10 to 14").unwrap().1, Some(day(Nearest, 11, 14)));
        assert_eq!(read("November 6-8").unwrap().1, Some(day(Nearest, 11, 8)));
        assert_eq!(read("2026 to 2032").unwrap().1, Some(DateExpr::Year(Abs(2032))));
        assert_eq!(read("2020–2024").unwrap().1, Some(DateExpr::Year(Abs(2024))));
        assert_eq!(read("2012–13").unwrap().1, Some(DateExpr::Year(Abs(2013))));
        assert_eq!(
            read("between 2025 and 2027").unwrap().1,
            Some(DateExpr::Year(Abs(2027)))
        );
        let (a, b, _) = read("January to August").unwrap();
        assert_eq!(
            (a, b),
            (
                DateExpr::Month {
                    year: Nearest,
                    month: 1
                },
                Some(DateExpr::Month {
                    year: Nearest,
                    month: 8
                })
            )
        );
    }

    #[test]
    fn months_and_years() {
        assert_eq!(
            read("October 2025").unwrap().0,
            DateExpr::Month {
                year: Abs(2025),
                month: 10
            }
        );
        assert_eq!(
            read("July last year").unwrap().0,
            DateExpr::Month {
                year: Rel(-1),
                month: 7
            }
        );
        assert_eq!(
            read("last year in April").unwrap().0,
            DateExpr::Month {
                year: Rel(-1),
                month: 4
            }
        );
        assert_eq!(
            read("August.").unwrap().0,
            DateExpr::Month {
                year: Nearest,
                month: 8
            }
        );
        assert_eq!(read("2024,").unwrap().0, DateExpr::Year(Abs(2024)));
        assert_eq!(read("may"), None);
    }

    pub(super) fn month(year: YearRef, month: u32) -> DateExpr {
        DateExpr::Month { year, month }
    }

    pub(super) fn year(y: i32) -> DateExpr {
        DateExpr::Year(Abs(y))
    }

    pub(super) fn read_in(sentence: &str, at: &str) -> Option<String> {
        let pos = sentence.find(at)?;
        parse(&Ctx::new(sentence, pos, false)).map(|f| sentence[f.start..f.end].to_string())
    }

    #[test]
    fn the_scan_reads_the_new_forms_from_their_first_word() {
        let texts = |s: &str| -> Vec<String> {
            crate::scan::figures(s, false)
                .into_iter()
                .filter(|f| f.figure.kind == Kind::Date)
                .map(|f| s[f.figure.start..f.figure.end].to_string())
                .collect()
        };
        assert_eq!(
            texts("SALES -- MARCH 2023: prices fell last March and in FY2020-21 by mid-2024."),
            ["MARCH 2023", "last March", "FY2020-21", "mid-2024"]
        );
        assert_eq!(
            texts("Output in Quarter 3 2022 fell yesterday and will rise tomorrow."),
            ["Quarter 3 2022", "yesterday", "tomorrow"]
        );
        assert_eq!(texts("in the first five months of 2020"), ["first five months of 2020"]);
    }

    #[test]
    fn days_written_with_of() {
        assert_eq!(read("the 30th of June").unwrap().0, day(Nearest, 6, 30));
        assert_eq!(read("the 1st of May 2024").unwrap().0, day(Abs(2024), 5, 1));
        assert_eq!(read("1st of May 2024").unwrap().0, day(Abs(2024), 5, 1));
    }

    #[test]
    fn not_dates() {
        assert_eq!(read_after("COVID-", "19"), None);
        assert_eq!(read("20,000"), None);
        assert_eq!(read("2100"), None);
        assert_eq!(read("20250"), None);
    }

    /// `at_month_before_words` with every form tried, as before `goes_on_a_month`.
    fn at_month_before_words_by_every_form<'a>(
        i: &'a str,
        m: Month<'a>,
    ) -> IResult<&'a str, (DateExpr, Option<DateExpr>)> {
        let single = |d| (d, None);
        let range = |(a, b)| (a, Some(b));
        alt((
            (|i| month_pair_after(i, m)).map(range),
            |i| months_quarter_after(i, m),
            (|i| month_range_after(i, m)).map(range),
            (|i| month_quarter_after(i, m)).map(single),
            (|_| month_year_after(m)).map(single),
            (|i| month_alone_after(i, m)).map(single),
        ))
        .parse(i)
    }

    /// `at_month_before_a_day` with every form tried, as before `joins_another_day`.
    fn at_month_before_a_day_by_every_form<'a>(
        i: &'a str,
        m: Month<'a>,
    ) -> IResult<&'a str, (DateExpr, Option<DateExpr>)> {
        let first_day = month_day_after(i, m);
        if let Ok((r, start)) = first_day {
            if let Ok((r, (a, b))) = day_range_from(i, r, start).or_else(|_| days_across_from(i, r, start)) {
                return Ok((r, (a, Some(b))));
            }
        }
        if let Ok(ok) = day_pair_after(i, m) {
            return Ok(ok);
        }
        match first_day {
            Ok((r, d)) => Ok((r, (d, None))),
            Err(_) => month_alone_after(i, m).map(|(r, d)| (r, (d, None))),
        }
    }

    #[test]
    fn a_day_before_no_joiner_and_no_and_is_read_alone() {
        let mut text = crate::fixture_texts().concat();
        for month in ["January", "Mar", "Sept.", "MAY", "Dec.", "june"] {
            for tail in [
                " 4 and 5",
                " 4-6",
                " 4 to 6",
                " 31 and April 1",
                " 4, 2025 and",
                " 4 2025-",
                " 4 in Jakarta",
                " 4, led",
                " 4th.",
                " 4 AND 5",
                "  4  and  5",
                " 4\tand 5",
                " 4\u{a0}and 5",
                " 4\u{2013}6",
                " 4 until 9",
                " 4 untilx",
                " 4 last year and",
                " 4, 2025 to 6",
                " 4 andx",
                " 4 &",
                ".12 and 13",
            ] {
                text.push_str(&format!(" On {month}{tail} it rose."));
            }
        }
        let (mut days, mut alone) = (0, 0);
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            let Ok((r, m)) = read_month(i) else { continue };
            if !(1..=2).contains(&digits_follow(r)) {
                continue;
            }
            let old = at_month_before_a_day_by_every_form(i, m);
            assert_eq!(
                at_month_before_a_day(i, m),
                old,
                "at {at}: {:?}",
                super::super::window(i, 30)
            );
            days += 1;
            alone += usize::from(month_day_after(i, m).is_ok_and(|(r, _)| !joins_another_day(r)));
        }
        assert!(days > 150 && alone > 50, "{days} {alone}");
    }

    #[test]
    fn a_month_before_no_word_it_goes_on_with_is_read_alone() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(
            " March and April combined, Jan-Mar quarter, June quarter, March of this year, May last \
             year, April to June, May\u{2013}July, MAY 2025, March, Sep 2024, June  quarter, July\u{a0}and \
             August as a whole, March expanded, May of 2024, Oct. until Dec., June QUARTER, May And June.",
        );
        for month in ["January", "Mar", "Sept.", "MAY", "june"] {
            for tail in [
                " and April",
                "-Mar",
                " to May",
                " quarter",
                " of 2024",
                " of this year",
                " last year",
                " next year",
                " this year",
                ", led",
                " expanded",
                " And June",
                " OF",
                "\u{2013}July",
                " through Dec",
                "until",
                " untilx",
                "  and  May",
                "\tand May",
                "\u{a0}quarter",
                " &",
                " ofx",
                " Last Year",
            ] {
                text.push_str(&format!(" In {month}{tail} it rose."));
            }
        }
        let (mut months, mut alone) = (0, 0);
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            let Ok((r, m)) = read_month(i) else { continue };
            if digits_follow(r) != 0 {
                continue;
            }
            let new = at_month_before_words(i, m);
            assert_eq!(
                new,
                at_month_before_words_by_every_form(i, m),
                "at {at}: {:?}",
                super::super::window(i, 30)
            );
            months += 1;
            alone += usize::from(!goes_on_a_month(m.after));
        }
        assert!(months > 200 && alone > 100, "{months} {alone}");
        assert!(goes_on_a_month(" and April") && goes_on_a_month("-Mar") && goes_on_a_month(" QUARTER"));
        assert!(!goes_on_a_month(" expanded") && !goes_on_a_month(", led by") && !goes_on_a_month("."));
    }
}
