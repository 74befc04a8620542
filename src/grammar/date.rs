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
//! Refused after the parse (`parse`): comparison bases (`than last year`, `compared to this
//! year`), spans (`over the last year`), months that recur (`March of each year`), and the
//! dates of bylines (`Published: 28 Apr. 2025`).

use chrono::Weekday;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n},
    character::complete::char,
    combinator::opt,
};

use super::number::{digits_number, ordinal_number, spelled_number};
use super::{Ctx, Figure, Val, at_boundary, dash, fail, is_word_char, keyword, leading_word, sp, sp0};
use crate::model::Kind;
use crate::words::{Shapes, has_shape, lowered, str_shapes};

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

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTH_ABBREVS: [(&str, u32); 13] = [
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Sept", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
    ("May", 5),
];
const WEEKDAYS: [(&str, Weekday); 7] = [
    ("Monday", Weekday::Mon),
    ("Tuesday", Weekday::Tue),
    ("Wednesday", Weekday::Wed),
    ("Thursday", Weekday::Thu),
    ("Friday", Weekday::Fri),
    ("Saturday", Weekday::Sat),
    ("Sunday", Weekday::Sun),
];

/// Capitalized (or all-caps) whole word, compared case-insensitively.
fn capitalized(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase())
}

/// month_full: `November` (capitalized: `may` and `march` are verbs).
pub fn month_full(i: &str) -> IResult<&str, u32> {
    let w = leading_word(i);
    if !capitalized(w) {
        return fail(i);
    }
    match MONTHS.iter().position(|m| m.eq_ignore_ascii_case(w)) {
        Some(n) => Ok((&i[w.len()..], n as u32 + 1)),
        None => fail(i),
    }
}

/// month_abbrev: `Nov.`, `Sept.`, `Aug` (capitalized), the full stop belonging to it.
fn month_abbrev(i: &str) -> IResult<&str, u32> {
    let w = leading_word(i);
    if !capitalized(w) {
        return fail(i);
    }
    match MONTH_ABBREVS.iter().find(|(a, _)| a.eq_ignore_ascii_case(w)) {
        Some((_, m)) => {
            let r = &i[w.len()..];
            Ok((r.strip_prefix('.').unwrap_or(r), *m))
        }
        None => fail(i),
    }
}

/// `word` names a month in a form `month_name` reads, in any case.
pub fn is_month_word(word: &[u8]) -> bool {
    let same = |m: &str| m.as_bytes().eq_ignore_ascii_case(word);
    MONTHS.iter().any(|m| same(m)) || MONTH_ABBREVS.iter().any(|(a, _)| same(a))
}

/// month_name: month_full | month_abbrev.
pub fn month_name(i: &str) -> IResult<&str, u32> {
    alt((month_full, month_abbrev)).parse(i)
}

/// A month name read at the start of a form: the text after it, the month, and whether it
/// is written in full (the forms that name a full month read no abbreviation). Read once
/// where several forms start with it (`at_month_or_weekday`), and passed to each.
#[derive(Debug, Clone, Copy)]
struct Month<'a> {
    after: &'a str,
    month: u32,
    full: bool,
}

/// month_name, as a `Month`: what `month_name` reads, and whether `month_full` reads it.
fn read_month(i: &str) -> IResult<&str, Month<'_>> {
    let (after, month, full) = match month_full(i) {
        Ok((r, m)) => (r, m, true),
        Err(_) => month_abbrev(i).map(|(r, m)| (r, m, false))?,
    };
    Ok((after, Month { after, month, full }))
}

/// month_full, as a `Month` read already: its text after the month, or a failure.
fn full_month<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, u32> {
    if m.full { Ok((m.after, m.month)) } else { fail(i) }
}

/// weekday: `Tuesday` (capitalized).
fn weekday(i: &str) -> IResult<&str, Weekday> {
    let w = leading_word(i);
    if !capitalized(w) {
        return fail(i);
    }
    match WEEKDAYS.iter().find(|(d, _)| d.eq_ignore_ascii_case(w)) {
        Some((_, d)) => Ok((&i[w.len()..], *d)),
        None => fail(i),
    }
}

/// ordinal_suffix: `st` | `nd` | `rd` | `th`.
fn ordinal_suffix(i: &str) -> IResult<&str, &str> {
    alt((tag("st"), tag("nd"), tag("rd"), tag("th"))).parse(i)
}

/// day: digit{1,2} in 1..=31 [ordinal_suffix], whole.
fn day(i: &str) -> IResult<&str, u32> {
    // By bytes: the digits and the suffix are ASCII.
    let b = i.as_bytes();
    let digits = b.iter().take(2).take_while(|c| c.is_ascii_digit()).count();
    let n = b[..digits].iter().fold(0, |n, d| n * 10 + u32::from(d - b'0'));
    let r = &i[digits..];
    let r = match r.as_bytes() {
        [b's', b't', ..] | [b'n', b'd', ..] | [b'r', b'd', ..] | [b't', b'h', ..] => &r[2..],
        _ => r,
    };
    if !(1..=31).contains(&n) || !at_boundary(r) {
        return fail(i);
    }
    Ok((r, n))
}

/// year4: four digits in 1900..=2099, not glued to letters or further digits.
pub fn year4(i: &str) -> IResult<&str, i32> {
    // By bytes: four ASCII digits.
    let Some(digits) = i.as_bytes().get(..4).filter(|y| y.iter().all(u8::is_ascii_digit)) else {
        return fail(i);
    };
    let n = digits.iter().fold(0, |n, d| n * 10 + i32::from(d - b'0'));
    let r = &i[4..];
    if !(1900..=2099).contains(&n) || !at_boundary(r) {
        return fail(i);
    }
    // `2025.5` or `2,025` are numbers, not years.
    if (r.starts_with('.') || r.starts_with(',')) && r[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return fail(i);
    }
    Ok((r, n))
}

/// rel_year: (`this` | `last` | `next`) sp `year`, returning the offset from the release year.
fn rel_year(i: &str) -> IResult<&str, i32> {
    let (r, n) = rel_word(i)?;
    let (r, _) = (sp, keyword("year")).parse(r)?;
    Ok((r, n))
}

/// `this` 0 | `last` -1 | `next` +1.
fn rel_word(i: &str) -> IResult<&str, i32> {
    alt((
        keyword("this").map(|_| 0),
        keyword("last").map(|_| -1),
        keyword("next").map(|_| 1),
    ))
    .parse(i)
}

/// range_joiner: sp0 dash sp0 | sp (`to` | `through` | `until`) sp.
fn range_joiner(i: &str) -> IResult<&str, ()> {
    if !super::may_join(i) {
        return fail(i);
    }
    alt((
        (sp0, dash, sp0).map(|_| ()),
        (sp, alt((keyword("to"), keyword("through"), keyword("until"))), sp).map(|_| ()),
    ))
    .parse(i)
}

/// year_suffix after a month/day: (`,` sp0 | sp) year4 | sp rel_year.
fn year_after(i: &str) -> IResult<&str, YearRef> {
    alt((
        (alt(((char(','), sp0).map(|_| ()), sp.map(|_| ()))), year4).map(|(_, y)| YearRef::Abs(y)),
        (sp, rel_year).map(|(_, n)| YearRef::Rel(n)),
    ))
    .parse(i)
}

/// month_day: month_name (sp | after "." sp0) day [year_after] — `Sep.12, 2024` too.
fn month_day(i: &str) -> IResult<&str, DateExpr> {
    let (_, m) = read_month(i)?;
    month_day_after(i, m)
}

/// month_day after its month `m`, read at `i`.
fn month_day_after<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, DateExpr> {
    let (r, month) = (m.after, m.month);
    let abbreviated = i[..i.len() - r.len()].ends_with('.');
    let (r, _) = if abbreviated { sp0(r)? } else { sp(r)? };
    let (r, day) = day(r)?;
    let (r, year) = opt(year_after).parse(r)?;
    Ok((
        r,
        DateExpr::Day {
            year: year.unwrap_or(YearRef::Nearest),
            month,
            day,
            weekday: None,
        },
    ))
}

/// day_month: day sp ["of" sp] month_name [sp year4] | day "-" month_name "-" year4
/// (`1st of May`, `12-Sep-2024`).
fn day_month(i: &str) -> IResult<&str, DateExpr> {
    let spaced = |i| {
        let (r, (day, _, _, month)) = (day, sp, opt((keyword("of"), sp)), month_name).parse(i)?;
        let (r, year) = opt((sp, year4).map(|(_, y)| y)).parse(r)?;
        Ok((r, (day, month, year)))
    };
    let dashed = |i| {
        let (r, (day, _, month, _, year)) = (day, char('-'), month_name, char('-'), year4).parse(i)?;
        Ok((r, (day, month, Some(year))))
    };
    let (r, (day, month, year)) = alt((spaced, dashed)).parse(i)?;
    let year = year.map(YearRef::Abs);
    Ok((
        r,
        DateExpr::Day {
            year: year.unwrap_or(YearRef::Nearest),
            month,
            day,
            weekday: None,
        },
    ))
}

/// weekday_date: weekday [","] sp0 (month_day | day_month).
fn weekday_date(i: &str) -> IResult<&str, DateExpr> {
    let (r, (wd, _, _)) = (weekday, opt(char(',')), sp0).parse(i)?;
    let (r, d) = alt((month_day, day_month)).parse(r)?;
    match d {
        DateExpr::Day { year, month, day, .. } => Ok((
            r,
            DateExpr::Day {
                year,
                month,
                day,
                weekday: Some(wd),
            },
        )),
        _ => fail(i),
    }
}

/// day_range: (weekday_date | month_day) range_joiner (month_day | day [year_after]).
fn day_range(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let (r, start) = alt((weekday_date, month_day)).parse(i)?;
    day_range_from(i, r, start)
}

/// day_range after its start `start` (read at `i`), at `r`.
fn day_range_from<'a>(i: &'a str, r: &'a str, start: DateExpr) -> IResult<&'a str, (DateExpr, DateExpr)> {
    let DateExpr::Day { year, month, .. } = start else {
        return fail(i);
    };
    let (r, _) = range_joiner(r)?;
    let same_month_day = |r| -> IResult<&str, DateExpr> {
        let (r, d) = day(r)?;
        let (r, y) = opt(year_after).parse(r)?;
        Ok((
            r,
            DateExpr::Day {
                year: y.unwrap_or(year),
                month,
                day: d,
                weekday: None,
            },
        ))
    };
    let (r, end) = alt((month_day, same_month_day)).parse(r)?;
    // A year written only at the end belongs to the start too: `November 28 to December 2, 2025`.
    let start = match (start, end) {
        (
            DateExpr::Day {
                year: YearRef::Nearest,
                month,
                day,
                weekday,
            },
            DateExpr::Day {
                year: y @ YearRef::Abs(_),
                ..
            },
        ) => DateExpr::Day {
            year: y,
            month,
            day,
            weekday,
        },
        _ => start,
    };
    Ok((r, (start, end)))
}

/// month_range: month_name range_joiner month_name [sp year4] — `January to August`, `Jan-Mar 2025`.
#[cfg(test)] // `at_month_or_weekday` reads its month once: `month_range_after`
fn month_range(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let (_, m) = read_month(i)?;
    month_range_after(i, m)
}

/// month_range after its first month `m`, read at `i`.
fn month_range_after<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, (DateExpr, DateExpr)> {
    let (r, (_, m2)) = (range_joiner, month_name).parse(m.after)?;
    let m1 = m.month;
    if !at_boundary(r) {
        return fail(i);
    }
    let (r, y) = opt(alt((
        (alt(((char(','), sp0).map(|_| ()), sp.map(|_| ()))), year4).map(|(_, y)| YearRef::Abs(y)),
        (sp, rel_year).map(|(_, n)| YearRef::Rel(n)),
    )))
    .parse(r)?;
    let year = y.unwrap_or(YearRef::Nearest);
    Ok((
        r,
        (DateExpr::Month { year, month: m1 }, DateExpr::Month { year, month: m2 }),
    ))
}

/// month_quarter: month_full [sp year4] sp "quarter" [of_year] — `the June quarter`, `the
/// September 2024 quarter`: the quarter that ends in that month.
#[cfg(test)] // `at_month_or_weekday` reads its month once: `month_quarter_after`
fn month_quarter(i: &str) -> IResult<&str, DateExpr> {
    let (_, m) = read_month(i)?;
    month_quarter_after(i, m)
}

/// month_quarter after its month `m`, read at `i`.
fn month_quarter_after<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, DateExpr> {
    let (r, month) = full_month(i, m)?;
    let (r, (inner, _, _)) = (opt((sp, year4)), sp, keyword("quarter")).parse(r)?;
    if month % 3 != 0 {
        return fail(i);
    }
    let (r, outer) = opt(of_year).parse(r)?;
    let year = match (inner, outer) {
        (Some((_, y)), None) => YearRef::Abs(y),
        (None, Some(y)) => y,
        (None, None) => YearRef::Context,
        (Some(_), Some(_)) => return fail(i),
    };
    Ok((
        r,
        DateExpr::Quarter {
            year,
            quarter: month / 3,
        },
    ))
}

/// month_year: month_name ([","] sp year4 | "-" year4 | sp rel_year | sp "of" sp (year4 | rel_year))
/// — `October 2025`, `Sept. 2024`, `Sep-2024`, `July last year`.
fn month_year(i: &str) -> IResult<&str, DateExpr> {
    let (_, m) = read_month(i)?;
    month_year_after(m)
}

/// month_year after its month `m`.
fn month_year_after(m: Month<'_>) -> IResult<&str, DateExpr> {
    let (r, month) = (m.after, m.month);
    let (r, year) = alt((
        (opt(char(',')), sp, year4).map(|(_, _, y)| YearRef::Abs(y)),
        (char('-'), year4).map(|(_, y)| YearRef::Abs(y)),
        (sp, rel_year).map(|(_, n)| YearRef::Rel(n)),
        (
            sp,
            keyword("of"),
            sp,
            alt((year4.map(YearRef::Abs), rel_year.map(YearRef::Rel))),
        )
            .map(|(_, _, _, y)| y),
    ))
    .parse(r)?;
    Ok((r, DateExpr::Month { year, month }))
}

/// rel_year_in_month: rel_year sp "in" sp month_full — `last year in April` is one date.
fn rel_year_in_month(i: &str) -> IResult<&str, DateExpr> {
    let (r, (n, _, _, _, month)) = (rel_year, sp, keyword("in"), sp, month_full).parse(i)?;
    Ok((
        r,
        DateExpr::Month {
            year: YearRef::Rel(n),
            month,
        },
    ))
}

/// iso_date: year4 "-" digit{2} "-" digit{2}.
fn iso_date(i: &str) -> IResult<&str, DateExpr> {
    let two = |i| take_while_m_n(2, 2, |c: char| c.is_ascii_digit())(i);
    let (r, (y, _, m, _, d)) = (
        take_while_m_n(4, 4, |c: char| c.is_ascii_digit()),
        char('-'),
        two,
        char('-'),
        two,
    )
        .parse(i)?;
    if !at_boundary(r) {
        return fail(i);
    }
    let (y, m, d) = (y.parse().unwrap_or(0), m.parse().unwrap_or(0), d.parse().unwrap_or(0));
    Ok((
        r,
        DateExpr::Day {
            year: YearRef::Abs(y),
            month: m,
            day: d,
            weekday: None,
        },
    ))
}

/// year_range: year4 range_joiner year4 | year4 sp0 dash sp0 digit{2} — `2026 to 2032`,
/// `2020–2024`, `2012–13`. Two digits end a range only after a dash: in `in 2009 to 10.5
/// years` the `10` is no year.
fn year_range(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let (r, y1) = year4(i)?;
    let (r, y2) = year_end(y1)(r)?;
    Ok((r, (DateExpr::Year(YearRef::Abs(y1)), DateExpr::Year(YearRef::Abs(y2)))))
}

/// The end of a year range after its start `y1`: range_joiner year4 | sp0 dash sp0 digit{2},
/// later than `y1`; or "/" (year4 | digit{2}) naming the next year (`2023/24`, a fiscal or
/// crop year).
fn year_end<'a>(y1: i32) -> impl Fn(&'a str) -> IResult<&'a str, i32> {
    move |i: &'a str| {
        let short = |r| -> IResult<&str, i32> {
            let (r, _) = (sp0, dash, sp0).parse(r)?;
            let (r2, yy) = take_while_m_n(2, 2, |c: char| c.is_ascii_digit())(r)?;
            if !at_boundary(r2) {
                return fail(r);
            }
            let yy: i32 = yy.parse().unwrap_or(0);
            Ok((r2, y1 - y1 % 100 + yy))
        };
        let full = |r| (range_joiner, year4).map(|(_, y)| y).parse(r);
        let next = |r| -> IResult<&str, i32> {
            let (r, _) = char('/')(r)?;
            let (r2, digits) = take_while_m_n(2, 4, |c: char| c.is_ascii_digit())(r)?;
            let y2 = match digits.len() {
                2 => y1 - y1 % 100 + digits.parse::<i32>().unwrap_or(0),
                4 => digits.parse().unwrap_or(0),
                _ => return fail(r),
            };
            if !at_boundary(r2) || y2 != y1 + 1 {
                return fail(r);
            }
            Ok((r2, y2))
        };
        let (r, y2) = alt((full, short, next)).parse(i)?;
        if y2 <= y1 {
            return fail(i);
        }
        Ok((r, y2))
    }
}

/// between_years: "between" sp year4 sp "and" sp year4 — the end is inclusive.
fn between_years(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let (r, (_, _, y1, _, _, _, y2)) = (keyword("between"), sp, year4, sp, keyword("and"), sp, year4).parse(i)?;
    if y2 <= y1 {
        return fail(i);
    }
    Ok((r, (DateExpr::Year(YearRef::Abs(y1)), DateExpr::Year(YearRef::Abs(y2)))))
}

/// day_month_range: (day_month | day) range_joiner day_month — `1-3 March 2025`, `10 to 14
/// November`, `28 February to 3 March 2025`: a start without a month takes the end's, and
/// a year written only at the end belongs to both.
fn day_month_range(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let (r, start) = alt((day_month, day.map(DateExpr::DayOfMonth))).parse(i)?;
    let (r, (_, end)) = (range_joiner, day_month).parse(r)?;
    let start = start_like(start, end);
    match (start, end) {
        (DateExpr::Day { month: m1, day: d1, .. }, DateExpr::Day { month: m2, day: d2, .. }) if m1 != m2 || d1 < d2 => {
            Ok((r, (start, end)))
        }
        _ => fail(i),
    }
}

/// The start of a pair of days, completed from its end: the end's month when the start
/// names only a day (`1-3 March`), the end's year when only the end writes one.
fn start_like(start: DateExpr, end: DateExpr) -> DateExpr {
    let DateExpr::Day {
        year: end_year,
        month: end_month,
        ..
    } = end
    else {
        return start;
    };
    match start {
        DateExpr::DayOfMonth(day) => DateExpr::Day {
            year: end_year,
            month: end_month,
            day,
            weekday: None,
        },
        DateExpr::Day {
            year: YearRef::Nearest,
            month,
            day,
            weekday,
        } => DateExpr::Day {
            year: end_year,
            month,
            day,
            weekday,
        },
        other => other,
    }
}

/// day_first_pair: day sp "and" sp day_month — `20 and 21 March` is one range; in `3 and 9
/// May 2025` the first day is read here in the month (and year) written after the second,
/// and the second on its own.
fn day_first_pair(i: &str) -> IResult<&str, (DateExpr, Option<DateExpr>)> {
    let (r, d1) = day(i)?;
    let first_end = r;
    let (r, (_, _, _, end)) = (sp, keyword("and"), sp, day_month).parse(r)?;
    let start = start_like(DateExpr::DayOfMonth(d1), end);
    match end {
        DateExpr::Day { day: d2, .. } if d2 == d1 + 1 => Ok((r, (start, Some(end)))),
        DateExpr::Day { day: d2, .. } if d2 > d1 => Ok((first_end, (start, None))),
        _ => fail(i),
    }
}

/// days_across_months: month_day sp "and" sp month_day | day_month sp "and" sp day_month, the
/// second the day after the first — `June 30 and July 1`, `31 December and 1 January`: one
/// range, as two days of one month are. Other pairs are two dates, read one by one.
fn days_across_months(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let and = |i| (sp, keyword("and"), sp).parse(i);
    let (r, (start, _, end)) = alt(((month_day, and, month_day), (day_month, and, day_month))).parse(i)?;
    join_days_across(i, r, start, end)
}

/// days_across_months after its first day `start`, a `month_day` read at `i`, at `r`.
fn days_across_from<'a>(i: &'a str, r: &'a str, start: DateExpr) -> IResult<&'a str, (DateExpr, DateExpr)> {
    let (r, (_, _, _, end)) = (sp, keyword("and"), sp, month_day).parse(r)?;
    join_days_across(i, r, start, end)
}

/// The two days of `days_across_months`, `start` and `end` (read at `i`, up to `r`): one
/// range when the second is the day after the first.
fn join_days_across<'a>(
    i: &'a str,
    r: &'a str,
    start: DateExpr,
    end: DateExpr,
) -> IResult<&'a str, (DateExpr, DateExpr)> {
    // A year written after `1 January` names January's year: December is of the year before.
    let start = match (start, end) {
        (
            DateExpr::Day {
                year: YearRef::Nearest,
                month: 12,
                day,
                weekday,
            },
            DateExpr::Day {
                year: YearRef::Abs(y),
                month: 1,
                ..
            },
        ) => DateExpr::Day {
            year: YearRef::Abs(y - 1),
            month: 12,
            day,
            weekday,
        },
        _ => start_like(start, end),
    };
    match (start, end) {
        (
            DateExpr::Day {
                year,
                month: m1,
                day: d1,
                ..
            },
            DateExpr::Day { month: m2, day: 1, .. },
        ) if m2 == m1 % 12 + 1 && is_last_day(d1, m1, year) => Ok((r, (start, end))),
        _ => fail(i),
    }
}

/// `day` is the last of `month` (in February the 28th too when the year is not written, or
/// is no leap year).
fn is_last_day(day: u32, month: u32, year: YearRef) -> bool {
    match month {
        2 => match year {
            YearRef::Abs(y) => {
                day == if y % 4 == 0 && (y % 100 != 0 || y % 400 == 0) {
                    29
                } else {
                    28
                }
            }
            _ => day == 28 || day == 29,
        },
        4 | 6 | 9 | 11 => day == 30,
        _ => day == 31,
    }
}

/// between_days: "between" sp (month_day sp "and" sp (month_day | day [year_after])
/// | (day_month | day) sp "and" sp day_month) — `between March 3 and 10, 2025`, `between 3 and
/// 10 March`: one range, as `between 2025 and 2027`.
fn between_days(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let and = |i| (sp, keyword("and"), sp).parse(i);
    let month_first = |i| {
        let (r, start) = month_day(i)?;
        let DateExpr::Day { month, .. } = start else {
            return fail(i);
        };
        let same_month = |r| {
            let (r, (d, y)) = (day, opt(year_after)).parse(r)?;
            let year = y.unwrap_or(YearRef::Nearest);
            Ok((
                r,
                DateExpr::Day {
                    year,
                    month,
                    day: d,
                    weekday: None,
                },
            ))
        };
        let (r, (_, end)) = (and, alt((month_day, same_month))).parse(r)?;
        Ok((r, (start, end)))
    };
    let day_first = |i| {
        let (r, (start, _, end)) = (alt((day_month, day.map(DateExpr::DayOfMonth))), and, day_month).parse(i)?;
        Ok((r, (start, end)))
    };
    let (r, (_, _, (start, end))) = (keyword("between"), sp, alt((month_first, day_first))).parse(i)?;
    let start = start_like(start, end);
    let key = |e: DateExpr| match e {
        DateExpr::Day { month, day, .. } => (month, day),
        _ => (0, 0),
    };
    if key(end) <= key(start) {
        return fail(i);
    }
    Ok((r, (start, end)))
}

/// quarter_code: "Q" 1-4 | 1-4 "Q", whole.
fn quarter_code(i: &str) -> IResult<&str, u32> {
    let (r, q) = alt((
        (char('Q'), take_while_m_n(1, 1, |c: char| ('1'..='4').contains(&c))).map(|(_, d)| d),
        (take_while_m_n(1, 1, |c: char| ('1'..='4').contains(&c)), char('Q')).map(|(d, _)| d),
    ))
    .parse(i)?;
    if !at_boundary(r) {
        return fail(i);
    }
    Ok((r, q.parse().unwrap_or(1)))
}

/// quarter_range: quarter_code range_joiner quarter_code [of_year] — `Q1-Q3 2024`.
fn quarter_range(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let (r, (q1, _, q2)) = (quarter_code, range_joiner, quarter_code).parse(i)?;
    if q2 <= q1 {
        return fail(i);
    }
    let (r, year) = opt(of_year).parse(r)?;
    let year = year.unwrap_or(YearRef::Context);
    Ok((
        r,
        (
            DateExpr::Quarter { year, quarter: q1 },
            DateExpr::Quarter { year, quarter: q2 },
        ),
    ))
}

/// of_year: sp "of" sp (year4 | "the year" | rel_year) | sp year4.
fn of_year(i: &str) -> IResult<&str, YearRef> {
    alt((
        (
            sp,
            keyword("of"),
            sp,
            alt((
                year4.map(YearRef::Abs),
                (keyword("the"), sp, keyword("year")).map(|_| YearRef::Context),
                rel_year.map(YearRef::Rel),
            )),
        )
            .map(|(_, _, _, y)| y),
        (sp, year4).map(|(_, y)| YearRef::Abs(y)),
    ))
    .parse(i)
}

/// The ordinal word or digits before `half` / `quarter`.
fn period_ordinal(i: &str) -> IResult<&str, u32> {
    alt((
        alt((keyword("first"), keyword("1st"))).map(|_| 1),
        alt((keyword("second"), keyword("2nd"))).map(|_| 2),
        alt((keyword("third"), keyword("3rd"))).map(|_| 3),
        alt((keyword("fourth"), keyword("4th"))).map(|_| 4),
    ))
    .parse(i)
}

/// half: period_ordinal (sp | "-") "half" | "second six months" | ("H1"|"1H"|"H2"|"2H")) [of_year | code_year].
fn half(i: &str) -> IResult<&str, DateExpr> {
    let words = |i| -> IResult<&str, u32> {
        let (r, (n, _, _)) = (period_ordinal, alt((sp, tag("-"))), keyword("half")).parse(i)?;
        if n > 2 { fail(i) } else { Ok((r, n)) }
    };
    // `first six months` and `last six months of 2024` are read by `months_of_year`.
    let six_months = |i| {
        (keyword("second"), sp, keyword("six"), sp, keyword("months"))
            .map(|_| 2)
            .parse(i)
    };
    let code = |i| {
        alt((
            alt((keyword("H1"), keyword("1H"))).map(|_| 1),
            alt((keyword("H2"), keyword("2H"))).map(|_| 2),
        ))
        .parse(i)
    };
    let (r, h) = alt((words, six_months, code)).parse(i)?;
    let (r, year) = opt(alt((of_year, code_year))).parse(r)?;
    Ok((
        r,
        DateExpr::Half {
            year: year.unwrap_or(YearRef::Context),
            half: h,
        },
    ))
}

/// quarter: (period_ordinal (sp | "-") "quarter" | "quarter" sp 1-4 | "Q" 1-4 | 1-4 "Q") [quarter_months] [of_year]
/// — `third quarter`, `Quarter 3 2022`, `Q3 (July to Sept) 2022`.
fn quarter(i: &str) -> IResult<&str, DateExpr> {
    let words = |i| -> IResult<&str, u32> {
        let (r, (n, _, _)) = (period_ordinal, alt((sp, tag("-"))), keyword("quarter")).parse(i)?;
        Ok((r, n))
    };
    let numbered = |i| -> IResult<&str, u32> {
        let (r, (_, _, q)) = (
            keyword("quarter"),
            sp,
            take_while_m_n(1, 1, |c: char| ('1'..='4').contains(&c)),
        )
            .parse(i)?;
        if !at_boundary(r) {
            return fail(i);
        }
        Ok((r, q.parse().unwrap_or(1)))
    };
    let (r, q) = alt((words, numbered, quarter_code)).parse(i)?;
    let (r, _) = opt(quarter_months(q)).parse(r)?;
    let (r, year) = opt(alt((of_year, code_year))).parse(r)?;
    Ok((
        r,
        DateExpr::Quarter {
            year: year.unwrap_or(YearRef::Context),
            quarter: q,
        },
    ))
}

/// code_year: ("-" | "/") year4 | "'" digit{2} — the year glued to a quarter or half code
/// (`Q3-2024`, `H1/2025`, `Q4'24`).
fn code_year(i: &str) -> IResult<&str, YearRef> {
    let short = |i| -> IResult<&str, i32> {
        let (r, (_, yy)) = (char('\''), take_while_m_n(2, 2, |c: char| c.is_ascii_digit())).parse(i)?;
        if !at_boundary(r) {
            return fail(i);
        }
        Ok((r, 2000 + yy.parse::<i32>().unwrap_or(0)))
    };
    let full = |i| (alt((char('-'), char('/'))), year4).map(|(_, y)| y).parse(i);
    alt((full, short)).map(YearRef::Abs).parse(i)
}

/// year_period: year4 [sp | "-"] ("Q" 1-4 | "H" 1-2) — `2024Q3`, `2024 Q3`, `2025-H1`: the
/// statistical offices' year-first codes.
fn year_period(i: &str) -> IResult<&str, DateExpr> {
    let (r, y) = take_while_m_n(4, 4, |c: char| c.is_ascii_digit())(i)?;
    let year: i32 = y.parse().unwrap_or(0);
    if !(1900..=2099).contains(&year) {
        return fail(i);
    }
    let (r, _) = opt(alt((sp, tag("-")))).parse(r)?;
    let digit = |r| take_while_m_n(1, 1, |c: char| c.is_ascii_digit())(r);
    let (r, (code, n)) = (alt((char('Q'), char('H'))), digit).parse(r)?;
    let n: u32 = n.parse().unwrap_or(0);
    if !at_boundary(r) {
        return fail(i);
    }
    let year = YearRef::Abs(year);
    match (code, n) {
        ('Q', 1..=4) => Ok((r, DateExpr::Quarter { year, quarter: n })),
        ('H', 1..=2) => Ok((r, DateExpr::Half { year, half: n })),
        _ => fail(i),
    }
}

/// iso_month: year4 "-" digit{2} in 01..=12, not a year range (`2025-03`; `2011-12` is
/// 2011..2012, read first).
fn iso_month(i: &str) -> IResult<&str, DateExpr> {
    let (r, (y, _, m)) = (year4, char('-'), take_while_m_n(2, 2, |c: char| c.is_ascii_digit())).parse(i)?;
    let month: u32 = m.parse().unwrap_or(0);
    // `2025-12-01b` is a code, not December.
    let glued = r.starts_with('-') && r[1..].starts_with(|c: char| c.is_ascii_alphanumeric());
    if !(1..=12).contains(&month) || !at_boundary(r) || glued {
        return fail(i);
    }
    Ok((
        r,
        DateExpr::Month {
            year: YearRef::Abs(y),
            month,
        },
    ))
}

/// months_quarter: month_name range_joiner month_name sp "quarter" [of_year] — `the
/// January-March quarter`: the quarter those months make.
#[cfg(test)] // `at_month_or_weekday` reads its month once: `months_quarter_after`
fn months_quarter(i: &str) -> IResult<&str, (DateExpr, Option<DateExpr>)> {
    let (_, m) = read_month(i)?;
    months_quarter_after(i, m)
}

/// months_quarter after its first month `m`, read at `i`.
fn months_quarter_after<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, (DateExpr, Option<DateExpr>)> {
    let (r, (_, m2, _, _)) = (range_joiner, month_name, sp, keyword("quarter")).parse(m.after)?;
    let m1 = m.month;
    if m1 % 3 != 1 || m2 != m1 + 2 {
        return fail(i);
    }
    let (r, year) = opt(of_year).parse(r)?;
    let year = year.unwrap_or(YearRef::Context);
    Ok((r, (DateExpr::Quarter { year, quarter: m2 / 3 }, None)))
}

/// quarter_months: sp0 "(" month_name range_joiner month_name ")" | sp month_full range_joiner month_full
/// — the quarter's months spelled out after it (`Quarter 1 (Jan to Mar)`); they must be its
/// first and last month, or they are no part of it.
fn quarter_months<'a>(q: u32) -> impl Fn(&'a str) -> IResult<&'a str, ()> {
    move |i: &'a str| {
        let bracketed = |i| {
            (
                sp0,
                char('('),
                sp0,
                month_name,
                range_joiner,
                month_name,
                sp0,
                char(')'),
            )
                .map(|(_, _, _, a, _, b, _, _)| (a, b))
                .parse(i)
        };
        let bare = |i| {
            (sp, month_full, range_joiner, month_full)
                .map(|(_, a, _, b)| (a, b))
                .parse(i)
        };
        let (r, (a, b)) = alt((bracketed, bare)).parse(i)?;
        if (a, b) != (q * 3 - 2, q * 3) || !at_boundary(r) {
            return fail(i);
        }
        Ok((r, ()))
    }
}

/// relative: rel_year | rel_word sp "month" | "today" | "yesterday" | "tomorrow".
fn relative(i: &str) -> IResult<&str, DateExpr> {
    alt((
        rel_year.map(|n| DateExpr::Year(YearRef::Rel(n))),
        (rel_word, sp, keyword("month")).map(|(n, _, _)| DateExpr::RelMonth(n)),
        keyword("today").map(|_| DateExpr::Today),
        keyword("yesterday").map(|_| DateExpr::RelDay(-1)),
        keyword("tomorrow").map(|_| DateExpr::RelDay(1)),
    ))
    .parse(i)
}

/// rel_month: rel_word sp month_full — `this May` is May of the release year, `last March`
/// the latest March before the release month, `next March` the first one after it.
fn rel_month(i: &str) -> IResult<&str, DateExpr> {
    if let Ok((r, (n, _, weekday))) = (rel_word, sp, weekday).parse(i) {
        let from = match n {
            0 => WeekdayFrom::OnOrAfter,
            n if n < 0 => WeekdayFrom::Before,
            _ => WeekdayFrom::After,
        };
        return Ok((r, DateExpr::Weekday { weekday, from }));
    }
    let (r, (n, _, month)) = (rel_word, sp, month_full).parse(i)?;
    let year = match n {
        0 => YearRef::Rel(0),
        n if n < 0 => YearRef::Before,
        _ => YearRef::After,
    };
    Ok((r, DateExpr::Month { year, month }))
}

/// `FY` in any case, glued to what follows or not (`FY2024`, `FY 2024`).
fn fy(i: &str) -> IResult<&str, ()> {
    match i.get(..2) {
        Some(head) if head.eq_ignore_ascii_case("FY") => Ok((&i[2..], ())),
        _ => fail(i),
    }
}

/// fiscal_year: ("FY" sp0 | "fiscal" [sp "year"] sp) (year4 | digit{2}) [year_end] — `FY2024`,
/// `FY 2021-22`, `fiscal year 2023`, `FY24`. Fiscal calendars differ by country, so a fiscal
/// year is read as the calendar year it names (a span of two as a year range).
fn fiscal_year(i: &str) -> IResult<&str, (DateExpr, Option<DateExpr>)> {
    let fiscal = |i| (keyword("fiscal"), opt((sp, keyword("year"))), sp).map(|_| ()).parse(i);
    let (r, _) = alt(((fy, sp0).map(|_| ()), fiscal)).parse(i)?;
    let two_digits = |r| -> IResult<&str, i32> {
        let (r2, yy) = take_while_m_n(2, 2, |c: char| c.is_ascii_digit())(r)?;
        if !at_boundary(r2) {
            return fail(r);
        }
        Ok((r2, 2000 + yy.parse::<i32>().unwrap_or(0)))
    };
    let (r, y1) = alt((year4, two_digits)).parse(r)?;
    let (r, y2) = opt(year_end(y1)).parse(r)?;
    let year = |y| DateExpr::Year(YearRef::Abs(y));
    Ok((r, (year(y1), y2.map(year))))
}

/// month_count: a whole number 2..=12, in digits or words (`five`, `9`).
fn month_count(i: &str) -> IResult<&str, u32> {
    let (r, n) = alt((spelled_number, digits_number)).parse(i)?;
    let whole = n.fraction_digits == 0 && !n.grouped && n.value.scale() == 0;
    match u32::try_from(n.value.mantissa()) {
        Ok(m) if whole && (2..=12).contains(&m) => Ok((r, m)),
        _ => fail(i),
    }
}

/// months_of_year: ("first" | "last") sp month_count sp "months" [of_year] — the months
/// counted from the start or the end of a year: `the first five months of 2020` is
/// 2020-01..2020-05; three of them make a quarter, six a half, twelve the year. Without a
/// year, `first N months` is of the year in context, and `last N months` is no date (the
/// past N months); `the first five months of the program` is no date either.
fn months_of_year(i: &str) -> IResult<&str, (DateExpr, Option<DateExpr>)> {
    let (r, from_start) = alt((keyword("first").map(|_| true), keyword("last").map(|_| false))).parse(i)?;
    let (r, (_, n, _, _)) = (sp, month_count, sp, keyword("months")).parse(r)?;
    let (r, year) = opt(of_year).parse(r)?;
    // Months counted from something else: `the first five months of the program`, `the
    // first two months after launch`.
    let anchored = |r| {
        (
            sp,
            alt((
                keyword("of"),
                keyword("after"),
                keyword("since"),
                keyword("following"),
                keyword("from"),
            )),
        )
            .parse(r)
            .is_ok()
    };
    let year = match year {
        Some(y) => y,
        None if from_start && !anchored(r) => YearRef::Context,
        None => return fail(i),
    };
    let (first, last) = if from_start { (1, n) } else { (13 - n, 12) };
    Ok((r, span_of_months(year, first, last)))
}

/// The months `first..=last` of a year, as the calendar names them: a year, a half, a
/// quarter, or a month range.
fn span_of_months(year: YearRef, first: u32, last: u32) -> (DateExpr, Option<DateExpr>) {
    match (first, last - first + 1) {
        (1, 12) => (DateExpr::Year(year), None),
        (1 | 7, 6) => (DateExpr::Half { year, half: last / 6 }, None),
        (1 | 4 | 7 | 10, 3) => (
            DateExpr::Quarter {
                year,
                quarter: last / 3,
            },
            None,
        ),
        _ => (
            DateExpr::Month { year, month: first },
            Some(DateExpr::Month { year, month: last }),
        ),
    }
}

/// month_year_range: month_name [","] sp year4 range_joiner month_name [","] sp year4 —
/// `April 2021-March 2022`, a span across years.
fn month_year_range(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let month_of_year = |i| {
        (month_name, opt(char(',')), sp, year4)
            .map(|(month, _, _, year)| DateExpr::Month {
                year: YearRef::Abs(year),
                month,
            })
            .parse(i)
    };
    let (r, (a, _, b)) = (month_of_year, range_joiner, month_of_year).parse(i)?;
    let key = |e: DateExpr| match e {
        DateExpr::Month {
            year: YearRef::Abs(y),
            month,
        } => (y, month),
        _ => (0, 0),
    };
    if key(b) <= key(a) {
        return fail(i);
    }
    Ok((r, (a, b)))
}

/// day_pair: month_name sp day sp "and" sp day [year_after], the second day ending the phrase
/// — `July 16 and 17`. Consecutive days are one range; other pairs are two dates: the first
/// is read here (with a year written after the second), the second by `listed_day`.
#[cfg(test)] // `at_month_or_weekday` reads its month once: `day_pair_after`
fn day_pair(i: &str) -> IResult<&str, (DateExpr, Option<DateExpr>)> {
    let (_, m) = read_month(i)?;
    day_pair_after(i, m)
}

/// day_pair after its month `m`, read at `i`.
fn day_pair_after<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, (DateExpr, Option<DateExpr>)> {
    let month = m.month;
    let (r, (_, d1)) = (sp, day).parse(m.after)?;
    let first_end = r;
    let (r, (_, _, _, d2)) = (sp, keyword("and"), sp, day).parse(r)?;
    let (r, year) = opt(year_after).parse(r)?;
    if !ends_phrase(r) || d2 <= d1 {
        return fail(i);
    }
    let year = year.unwrap_or(YearRef::Nearest);
    let at = |day| DateExpr::Day {
        year,
        month,
        day,
        weekday: None,
    };
    if d2 == d1 + 1 {
        Ok((r, (at(d1), Some(at(d2)))))
    } else {
        Ok((first_end, (at(d1), None)))
    }
}

/// month_pair: month_full sp "and" sp month_full [year_after] followed by sp ("as a whole" |
/// "combined" | "together" | "taken together") — two consecutive months taken as one span
/// (`March and April combined`). Without such words they are two dates.
#[cfg(test)] // `at_month_or_weekday` reads its month once: `month_pair_after`
fn month_pair(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let (_, m) = read_month(i)?;
    month_pair_after(i, m)
}

/// month_pair after its first month `m`, read at `i`.
fn month_pair_after<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, (DateExpr, DateExpr)> {
    let (r, m1) = full_month(i, m)?;
    let (r, (_, _, _, m2)) = (sp, keyword("and"), sp, month_full).parse(r)?;
    let (r, year) = opt(year_after).parse(r)?;
    let as_one = |i| {
        alt((
            (keyword("as"), sp, keyword("a"), sp, keyword("whole")).map(|_| ()),
            keyword("combined").map(|_| ()),
            keyword("together").map(|_| ()),
            (keyword("taken"), sp, keyword("together")).map(|_| ()),
        ))
        .parse(i)
    };
    if m2 != m1 + 1 || (sp, as_one).parse(r).is_err() {
        return fail(i);
    }
    let year = year.unwrap_or(YearRef::Nearest);
    Ok((
        r,
        (DateExpr::Month { year, month: m1 }, DateExpr::Month { year, month: m2 }),
    ))
}

/// within_period: ("mid" | "early" | "late" | "end" | "start" | "pre" | "post") dash
/// (year4 | month_year | month_full) — `mid-2024`, `end-March`: the period named after the
/// dash, as `early May` is May.
fn within_period(i: &str) -> IResult<&str, DateExpr> {
    let lead = alt((
        keyword("mid"),
        keyword("early"),
        keyword("late"),
        keyword("end"),
        keyword("start"),
        keyword("pre"),
        keyword("post"),
    ));
    let (r, _) = (lead, dash).parse(i)?;
    alt((year4_date, month_year, month_alone)).parse(r)
}

/// The phrase ends after a date: at punctuation, the end, or a function word
/// (`on the 24th and`, `on July 3 and 9 in Seoul`), not at a noun it would count.
fn ends_phrase(r: &str) -> bool {
    let rest = r.trim_start();
    if !rest.starts_with(|c: char| c.is_alphanumeric()) {
        return true;
    }
    let next = leading_word(rest);
    [
        "of",
        "and",
        "at",
        "in",
        "to",
        "from",
        "when",
        "with",
        "for",
        "on",
        "until",
        "through",
        "respectively",
    ]
    .iter()
    .any(|w| w.eq_ignore_ascii_case(next))
}

/// A run of ordinals joined by commas, `and` or `or` that ends at a noun: `the 11th, sixth
/// and fourth consecutive month` orders months, it names no day.
fn ordinal_list_follows(r: &str) -> bool {
    let mut rest = r;
    let mut listed = false;
    loop {
        let sep = |i| {
            alt((
                (sp0, char(','), sp0, opt((alt((keyword("and"), keyword("or"))), sp))).map(|_| ()),
                (sp, alt((keyword("and"), keyword("or"))), sp).map(|_| ()),
            ))
            .parse(i)
        };
        match (sep, ordinal_number).parse(rest) {
            Ok((r, _)) => {
                rest = r;
                listed = true;
            }
            Err(_) => break,
        }
    }
    listed && !ends_phrase(rest)
}

/// listed_day: day [year_after], after `month_name sp day` and more days joined by `,`,
/// `and` or `or` — the later days of a list in one month (`on July 3 and 9`, `on May 4, 11
/// and 18`), in the month named before the first. A day after a comma must be followed by
/// another (`on May 4, 20 of them` is no list); the last, after `and`/`or`, ends the phrase.
fn listed_day(before: &str, rest: &str) -> Option<(usize, DateExpr)> {
    // A day starts with a digit: at a word, `before` is not read back.
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let (b, last) = list_joiner(before)?;
    let month = month_of_list(b)?;
    let (r, d) = day(rest).ok()?;
    let (r, year) = opt(year_after).parse(r).ok()?;
    let next_day = |r| {
        (
            alt((
                (sp0, char(','), sp0).map(|_| ()),
                (sp, alt((keyword("and"), keyword("or"))), sp).map(|_| ()),
            )),
            day,
        )
            .parse(r)
            .is_ok()
    };
    let fits = if last {
        ends_phrase(r)
    } else {
        year.is_none() && next_day(r)
    };
    if !fits {
        return None;
    }
    let e = DateExpr::Day {
        year: year.unwrap_or(YearRef::Nearest),
        month,
        day: d,
        weekday: None,
    };
    Some((rest.len() - r.len(), e))
}

/// `before` without the joiner at its end (`,` or `and`/`or` as a word), and whether the
/// joiner was `and`/`or` (the day after it ends the list).
fn list_joiner(before: &str) -> Option<(&str, bool)> {
    // Nearly always told by the last two bytes: a visible ASCII byte last, or before one
    // space, that can end no joiner (`,`, `and`, `or`).
    let ends_no_joiner = |c: &u8| (b'!'..0x80).contains(c) && !matches!(c, b',' | b'd' | b'r');
    match before.as_bytes() {
        [.., c] | [.., c, b' '] if ends_no_joiner(c) => return None,
        _ => {}
    }
    let b = before.trim_end();
    if let Some(b) = b.strip_suffix(',') {
        return Some((b, false));
    }
    let word = ["and", "or"].iter().find_map(|w| b.strip_suffix(w))?;
    word.ends_with(|c: char| c.is_whitespace()).then_some((word, true))
}

/// The month of a list of days that ends `b`: `July 3`, `May 4, 11`, `Sept. 3 and 9`.
fn month_of_list(b: &str) -> Option<u32> {
    let mut b = b.trim_end();
    // At most a handful of days: a longer run is no list of dates.
    for _ in 0..8 {
        let stem = ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|s| b.strip_suffix(s))
            .unwrap_or(b);
        let digits = stem.bytes().rev().take_while(u8::is_ascii_digit).count();
        if !(1..=2).contains(&digits) {
            return None;
        }
        let head = stem[..stem.len() - digits].trim_end();
        match list_joiner(head) {
            Some((earlier, _)) => b = earlier.trim_end(),
            None => {
                let head = head.strip_suffix('.').unwrap_or(head);
                let letters = head.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
                let word = &head[head.len() - letters..];
                let glued = head[..head.len() - letters].ends_with(|c: char| c.is_alphanumeric());
                return if glued {
                    None
                } else {
                    month_name(word).ok().map(|(_, m)| m)
                };
            }
        }
    }
    None
}

/// At a date's lead word (lower-cased) with `after` the text after it: whether any form
/// `date_at_word` chooses by that word may read on. The forms at `the` (`the_nth`) need
/// white space and a digit after it; those at `between` (`between_years`,
/// `between_days`) white space and a digit or a month name (capitalized); those at a period's
/// ordinal (`half`, `quarter`, `months_of_year`) `half` or `quarter` after white space or a
/// dash, or a number (`six months`: digits or a number word) after white space. A
/// candidate at such a word before any other (`the rise`, `between them`, `first time`)
/// reads no date, and is turned away before the parse. Other words: not decided here.
/// ```text
/// goes_on = "the" sp digit | "between" sp (digit | month_name)
///         | period_ordinal ((sp | "-") ("half" | "quarter") | sp (digit | number_word))
///         | other_word
/// ```
pub fn lead_word_may_go_on(lower: &[u8], after: &str) -> bool {
    let period_ordinal = matches!(lower, b"first" | b"second" | b"third" | b"fourth");
    let spaced = super::skip_space(after);
    let is_spaced = spaced.len() < after.len();
    if period_ordinal && !is_spaced {
        return after.strip_prefix('-').is_some_and(names_a_period_part);
    }
    let next = match spaced.as_bytes().first() {
        Some(&b) if is_spaced => b,
        _ => return !matches!(lower, b"the" | b"between"),
    };
    match lower {
        b"the" => the_nth_may_read(spaced),
        // `between_days` reads a month at a capital (`between March 3 and 5`).
        b"between" => next.is_ascii_digit() || next.is_ascii_uppercase() && read_month(spaced).is_ok(),
        _ if period_ordinal => {
            next.is_ascii_digit() || names_a_period_part(spaced) || super::number::starts_a_number_word(spaced)
        }
        _ => true,
    }
}

/// What `the_nth` reads after `the` and its white space, by bytes: one or two digits, an
/// ordinal suffix, a word boundary, and the end of the phrase after (`the 24th and`, `the
/// 30th of June`: its `of` ends the phrase too). Before anything else (`the 7th Emergency
/// Economic Conference`, `the 3rd consecutive month`, `the 2 sides`) it reads no date.
/// ```text
/// the_nth_head = digit{1,2} ("st" | "nd" | "rd" | "th") boundary ends_phrase
/// ```
fn the_nth_may_read(spaced: &str) -> bool {
    let b = spaced.as_bytes();
    let digits = b.iter().take(3).take_while(|c| c.is_ascii_digit()).count();
    let suffixed = matches!(b.get(digits..digits + 2), Some(b"st" | b"nd" | b"rd" | b"th"));
    (1..=2).contains(&digits) && suffixed && {
        let r = &spaced[digits + 2..];
        at_boundary(r) && ends_phrase(r)
    }
}

/// `half` or `quarter` as the whole word `i` starts with, in any case.
fn names_a_period_part(i: &str) -> bool {
    keyword("half")(i).is_ok() || keyword("quarter")(i).is_ok()
}

/// the_nth: "the" sp day-with-suffix [sp "of" sp month_name [year_after]], not followed by a
/// noun (`on the 24th`, `the 30th of June`, not `the 25th anniversary`).
fn the_nth(i: &str) -> IResult<&str, DateExpr> {
    let (r, (_, _, d, suffix)) = (
        keyword("the"),
        sp,
        take_while_m_n(1, 2, |c: char| c.is_ascii_digit()),
        ordinal_suffix,
    )
        .parse(i)?;
    let n: u32 = d.parse().unwrap_or(0);
    if !(1..=31).contains(&n) || !at_boundary(r) || suffix.is_empty() {
        return fail(i);
    }
    // `the 30th of June (2024)`: a day of that month.
    let of_month = |r| (sp, keyword("of"), sp, month_name, opt(year_after)).parse(r);
    if let Ok((r, (_, _, _, month, year))) = of_month(r) {
        let year = year.unwrap_or(YearRef::Nearest);
        return Ok((
            r,
            DateExpr::Day {
                year,
                month,
                day: n,
                weekday: None,
            },
        ));
    }
    if !ends_phrase(r) || ordinal_list_follows(r) {
        return fail(i);
    }
    Ok((r, DateExpr::DayOfMonth(n)))
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

/// month_alone = month_full: a month with no day or year (`in March`); not in capitals,
/// where `MAY` and `MARCH` are as likely verbs of a headline.
fn month_alone(i: &str) -> IResult<&str, DateExpr> {
    let (_, m) = read_month(i)?;
    month_alone_after(i, m)
}

/// month_alone after its month `m`, read at `i`.
fn month_alone_after<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, DateExpr> {
    let w = leading_word(i);
    if w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase()) {
        return fail(i);
    }
    let (r, month) = full_month(i, m)?;
    Ok((
        r,
        DateExpr::Month {
            year: YearRef::Nearest,
            month,
        },
    ))
}

/// year: a bare 4-digit year.
fn year4_date(i: &str) -> IResult<&str, DateExpr> {
    year4.map(|y| DateExpr::Year(YearRef::Abs(y))).parse(i)
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

/// Phrases after which `last year` is a comparison base, not a date.
const COMPARISON_LEADS: [&str; 17] = [
    "same period",
    "same period of",
    "same month",
    "same month of",
    "same quarter",
    "same quarter of",
    "same time",
    "from",
    // The words of comparison, shared with `this year` (`THIS_YEAR_LEADS`).
    "than",
    "compared to",
    "compared with",
    "versus",
    "vs",
    "vs.",
    "against",
    "relative to",
    "over",
];

/// Phrases after which `this year` is a comparison base (`higher than this year`): the
/// words of comparison, not the ones naming a period (`the same period this year` is now).
const THIS_YEAR_LEADS: [&str; 9] = [
    "than",
    "compared to",
    "compared with",
    "versus",
    "vs",
    "vs.",
    "against",
    "relative to",
    "over",
];

/// `last year` after a comparison lead, `this year` after `than`/`compared to`: the base of
/// a comparison, not a date.
fn is_comparison_base(before: &str, expr: &DateExpr) -> bool {
    let leads: &[&str] = match *expr {
        DateExpr::Year(YearRef::Rel(-1)) => &COMPARISON_LEADS,
        DateExpr::Year(YearRef::Rel(0)) => &THIS_YEAR_LEADS,
        _ => return false,
    };
    // Only the tail can hold a lead: lowercasing the whole prefix per date was quadratic.
    let b = before.trim_end();
    let tail = (b.len().saturating_sub(40)..=b.len())
        .find(|&n| b.is_char_boundary(n))
        .unwrap_or(0);
    // At most 40 bytes, lower-cased on the stack.
    let tail = b.as_bytes().get(tail..).unwrap_or_default();
    let mut buf = [0u8; 40];
    let Some(lower) = lowered(&mut buf, tail) else {
        return false;
    };
    let lower = lower.strip_suffix(b" the").unwrap_or(lower);
    // Whole words: `a takeover last year` is no comparison.
    leads.iter().any(|lead| {
        lower.ends_with(lead.as_bytes())
            && lower
                .len()
                .checked_sub(lead.len() + 1)
                .is_none_or(|at| !lower[at].is_ascii_alphanumeric())
    })
}

/// `the last year`, `over the next year`: with the article, a span of twelve months
/// counted from now, not a calendar year.
fn is_span_of_a_year(before: &str, expr: &DateExpr) -> bool {
    // Only a year counted from this one (`last year`) is asked of the text before it.
    if !matches!(expr, DateExpr::Year(YearRef::Rel(n)) if *n != 0) {
        return false;
    }
    let b = before.trim_end();
    let article = b
        .len()
        .checked_sub(3)
        .and_then(|n| b.get(n..))
        .is_some_and(|w| w.eq_ignore_ascii_case("the"));
    article && !b[..b.len() - 3].ends_with(is_word_char)
}

/// Labels of a byline: a date after one of them at the start of its line is page furniture.
const BYLINE_LABELS: [&str; 8] = [
    "last updated",
    "published",
    "updated",
    "released",
    "posted",
    "issued",
    "release date",
    "date",
];

/// Where the date of a byline starts in `line`: after a label at the line's start and `:`
/// or `on` (`Published: 28 Apr. 2025`, `Updated on May 2, 2024`), or after the bare label
/// when the date ends the line (`Posted 3 March 2025`).
fn byline_date(line: &str) -> Option<usize> {
    if let Some(at) = dateline_date(line) {
        return Some(at);
    }
    let t = line.trim_start();
    let label = BYLINE_LABELS.iter().find(|l| {
        t.get(..l.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(l) && at_boundary(&t[l.len()..]))
    })?;
    let r = t[label.len()..].trim_start();
    match label_separator(r) {
        Some(r) => Some(line.len() - r.len()),
        None => {
            let (after, _) = date(r).ok()?;
            ends_byline(after).then_some(line.len() - r.len())
        }
    }
}

/// Where the date of a news dateline starts: a place in capitals, a comma, the date, an
/// agency in brackets or not, and a dash (`BEIJING, July 14 (Wire) -`, `OSLO, 3 March
/// 2025 —`). The date is when the story was filed: page furniture like a byline.
/// ```text
/// dateline = capital_word {sp capital_word} "," sp date [sp "(" {letter | sp} ")"] sp0 dash
/// ```
fn dateline_date(line: &str) -> Option<usize> {
    let t = line.trim_start();
    // The place's first word has two capitals at least: most lines are turned away by their
    // first two bytes, before the comma is searched.
    if !t
        .as_bytes()
        .get(..2)
        .is_some_and(|two| two.iter().all(|&b| in_capital_word(b)))
    {
        return None;
    }
    let r = dateline_after_place(t)?;
    let (after, _) = date(r).ok()?;
    let after = after.trim_start();
    let after = match after.strip_prefix('(') {
        Some(inner) => {
            let close = inner.find(')')?;
            if !inner[..close].bytes().all(|b| b.is_ascii_alphabetic() || b == b' ') {
                return None;
            }
            inner[close + 1..].trim_start()
        }
        None => after,
    };
    dash(after).ok()?;
    Some(line.len() - r.len())
}

/// A byte of a place name in capitals (`NEW YORK`, `ST. LOUIS`, `O'HARE`).
fn in_capital_word(b: u8) -> bool {
    b.is_ascii_uppercase() || b == b'.' || b == b'-' || b == b'\''
}

/// The text after a dateline's place and its comma: a place in capitals, at most 48 bytes.
fn dateline_after_place(t: &str) -> Option<&str> {
    // A place name is short: only the first bytes are searched (the line may be long).
    let place = t.bytes().take(48).position(|b| b == b',')?;
    let words = &t[..place];
    let capital_word = |w: &str| w.len() >= 2 && w.bytes().all(in_capital_word);
    if words.is_empty() || !words.split(' ').all(capital_word) {
        return None;
    }
    Some(t[place + 1..].trim_start())
}

/// Nothing but a time of day or a separator follows the date on its line (`Posted 3 March
/// 2025`, `Published 5 May 2025 10:30 GMT`, `Updated 2 June 2025 | 4 min read`).
fn ends_byline(after: &str) -> bool {
    let line = after.split('\n').next().unwrap_or(after).trim();
    let line = line.strip_prefix(',').map_or(line, str::trim_start);
    let hour = line.bytes().take_while(u8::is_ascii_digit).count();
    let time = (1..=2).contains(&hour)
        && line[hour..].starts_with([':', '.'])
        && line[hour + 1..].bytes().take_while(u8::is_ascii_digit).count() == 2;
    line.is_empty() || time || line.starts_with(['|', '·', '•'])
}

/// After a byline label: `:` or `on`, and the white space after it.
fn label_separator(r: &str) -> Option<&str> {
    let r = r.strip_prefix(':').or_else(|| keyword("on")(r).ok().map(|(r, _)| r))?;
    Some(r.trim_start())
}

/// Byte `pos` of `text` lies in the date of a byline: metadata of the page, not a fact of
/// the release (also the year of `Published: 28 Apr. 2025`, read on its own).
pub fn in_byline(text: &str, pos: usize) -> bool {
    let Some(before) = text.get(..pos) else {
        return false;
    };
    // A byline's label and date are short: only the last bytes can hold the line's start
    // (searching the whole text before every date was quadratic on a long line).
    let Some(line_start) = line_start_within_reach(before) else {
        return false;
    };
    let Some(at) = byline_date(&text[line_start..]) else {
        return false;
    };
    let start = line_start + at;
    start == pos || (start < pos && date(&text[start..]).is_ok_and(|(after, _)| text.len() - after.len() > pos))
}

/// How far back a byline's line may start before its date: its label and date are short.
const BYLINE_REACH: usize = 80;

/// Where the line holding the end of `before` starts, if within `BYLINE_REACH` bytes of
/// its end (or at the start of the text). Found by `memrchr` on the bytes (a line break is
/// never part of another character, so the window needs no character boundary).
fn line_start_within_reach(before: &str) -> Option<usize> {
    let window = before.len().saturating_sub(BYLINE_REACH);
    match memchr::memrchr(b'\n', before.as_bytes().get(window..).unwrap_or_default()) {
        Some(n) => Some(window + n + 1),
        None if window == 0 => Some(0),
        None => None,
    }
}

/// `line_start_within_reach` by bytes, as first written.
#[cfg(test)]
fn line_start_within_reach_by_bytes(before: &str) -> Option<usize> {
    let window = before.len().saturating_sub(BYLINE_REACH);
    match before.as_bytes()[window..].iter().rposition(|&b| b == b'\n') {
        Some(n) => Some(window + n + 1),
        None if window == 0 => Some(0),
        None => None,
    }
}

/// A year-less month or day followed by `(of) each year` / `every year` recurs: it names
/// no one date (`exports in March of each year`).
fn recurs(after: &str, expr: &DateExpr) -> bool {
    let yearless = matches!(
        expr,
        DateExpr::Month {
            year: YearRef::Nearest,
            ..
        } | DateExpr::Day {
            year: YearRef::Nearest,
            ..
        }
    );
    // More months may be listed before the words: `January and February of each year`.
    let listed = |i| {
        (
            alt(((sp0, char(','), sp0).map(|_| ()), sp.map(|_| ()))),
            opt((alt((keyword("and"), keyword("or"))), sp)),
            month_full,
        )
            .parse(i)
    };
    let each_year = |i| {
        (
            sp,
            opt((keyword("of"), sp)),
            alt((keyword("each"), keyword("every"))),
            sp,
            keyword("year"),
        )
            .parse(i)
    };
    if !yearless {
        return false;
    }
    // Walked by hand (`many0` would allocate for every date), and no further than a year
    // of months: a long run of month names must not be walked again at each of them.
    let mut rest = after;
    for _ in 0..12 {
        match listed(rest) {
            Ok((r, _)) => rest = r,
            Err(_) => break,
        }
    }
    each_year(rest).is_ok()
}

/// A cheap test before the parse: a number starts a date only as a 4-digit year (or ISO
/// date) or as a day before a month name (`18 November`); words are checked by the parse.
fn may_be_date(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    match digits {
        // `date_at_word` chooses by the word.
        0 => true,
        4 => true,
        1 | 2 => {
            let after = &rest[digits..];
            let after = ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|s| after.strip_prefix(s))
                .unwrap_or(after);
            if joins_a_number(after) {
                // `1-3 March`, `20 and 21 March`
                return true;
            }
            // `12-Sep-2024`, `1st of May`
            let after = after.strip_prefix('-').unwrap_or(after);
            let after = after.trim_start();
            let after = after.strip_prefix("of ").map_or(after, str::trim_start);
            after.starts_with(|c: char| c.is_ascii_uppercase()) && names_a_date_part(leading_word(after))
                || after.starts_with("half")
                || after.starts_with("quarter")
        }
        _ => false,
    }
}

/// The capitalized word after a day or a period's number that a date may go on with: a
/// month (`18 November`, `1st of May`), `Half` or `Quarter` (`2nd Half`), or the letter of
/// a period code (`3Q`, `1H`). Any other (`1st Vice Minister`, `5 New Plants`) starts no
/// date: the forms of a day are not tried.
/// ```text
/// date_part = month_name | "half" | "quarter" | "Q" | "H"     (any case: the first is a capital)
/// ```
fn names_a_date_part(word: &str) -> bool {
    let mut buf = [0u8; 9];
    crate::words::lowered(&mut buf, word.as_bytes())
        .is_some_and(|lower| matches!(lower, b"half" | b"quarter" | b"q" | b"h") || is_month_word(lower))
}

/// `may_be_date` as first written: any capitalized word after a day let the parse be tried.
#[cfg(test)]
fn may_be_date_by_capital(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    match digits {
        0 | 4 => true,
        1 | 2 => {
            let after = &rest[digits..];
            let after = ["st", "nd", "rd", "th"]
                .iter()
                .find_map(|s| after.strip_prefix(s))
                .unwrap_or(after);
            if joins_a_number(after) {
                return true;
            }
            let after = after.strip_prefix('-').unwrap_or(after);
            let after = after.trim_start();
            let after = after.strip_prefix("of ").map_or(after, str::trim_start);
            after.starts_with(|c: char| c.is_ascii_uppercase())
                || after.starts_with("half")
                || after.starts_with("quarter")
        }
        _ => false,
    }
}

/// A joiner and a digit follow: `-3`, ` to 14`, ` and 21`.
fn joins_a_number(after: &str) -> bool {
    let a = after.trim_start();
    let joined = a.strip_prefix(['-', '\u{2013}', '\u{2014}']).or_else(|| {
        ["to ", "and ", "through ", "until "]
            .iter()
            .find_map(|w| a.strip_prefix(w))
    });
    joined.is_some_and(|a| a.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// Words that put a sentence in the future: modals, and verbs and nouns of plans and
/// forecasts (`will`, `expected`, `plans`, `forecast`, `due`, `outlook`...). (Wider than
/// `period::cues::FORECAST` on purpose: see there.)
const FUTURE_WORDS: &[&str] = &[
    "will",
    "would",
    "shall",
    "should",
    "could",
    "may",
    "might",
    "expect",
    "expects",
    "expected",
    "forecast",
    "forecasts",
    "projected",
    "projects",
    "projection",
    "projections",
    "plan",
    "plans",
    "planned",
    "scheduled",
    "due",
    "aim",
    "aims",
    "intends",
    "likely",
    "outlook",
    "target",
    "targets",
    "going",
    "upcoming",
    "coming",
    "next",
    "seen",
    "set",
    "ahead",
];

/// Past tenses: the forms of `be`, `have` and `do`, irregular past tenses of the change
/// verbs, and (tested apart) any word in `-ed`.
const PAST_WORDS: &[&str] = &[
    "was", "were", "had", "did", "rose", "fell", "grew", "shrank", "sank", "slid", "lost", "saw", "came", "went",
    "took", "made", "hit", "held",
];

/// Reporting verbs: their tense dates the saying, not what is said (`"... the August
/// deadline," an economist said`).
const REPORTING_WORDS: &[&str] = &[
    "said",
    "showed",
    "told",
    "noted",
    "added",
    "stated",
    "announced",
    "reported",
    "explained",
    "commented",
    "remarked",
    "stressed",
    "emphasized",
    "emphasised",
    "highlighted",
    "released",
    "published",
];

/// The sentence is said of the past: a past tense in it, and no word of the future.
/// Its words are its runs of ASCII letters; those of one or two letters hold neither (no
/// tense word is that short, and an `-ed` word counts from five letters), and are stepped
/// over unread. Out of line: asked only where a date lacks its year (by a release, only
/// where it is placed after the release day), and inlined it made the scan's loop bigger
/// for every sentence (measured).
#[inline(never)]
pub fn said_of_the_past(sentence: &str) -> bool {
    let mut past = false;
    let no_future = crate::words::each_long_letter_run(sentence.as_bytes(), |w| {
        let listed = tense_bits(w);
        // `May` capitalized is the month, `may` the modal.
        if listed & FUTURE != 0 && w != b"May" && w != b"MAY" {
            return false;
        }
        past = past || listed & PAST != 0 || listed & REPORTING == 0 && w.len() > 4 && ends_in_ed(w);
        true
    });
    no_future && past
}

/// A word of ASCII letters ends in `-ed`, in any case.
fn ends_in_ed(letters: &[u8]) -> bool {
    matches!(letters, [.., e, d] if e | 0x20 == b'e' && d | 0x20 == b'd')
}

/// `said_of_the_past` as it was, each run of letters read as a `&str`: the oracle.
#[cfg(test)]
fn said_of_the_past_by_runs(sentence: &str) -> bool {
    let mut past = false;
    for (start, end) in crate::words::letter_runs(sentence.as_bytes()) {
        // ASCII letters: `start..end` are character boundaries.
        let w = &sentence[start..end];
        if w.len() < 2 {
            continue;
        }
        let tense = tense_of(w);
        // `May` capitalized is the month, `may` the modal.
        if tense.future && w != "May" && w != "MAY" {
            return false;
        }
        past = past
            || tense.past
            || !tense.reporting && w.len() > 4 && w.get(w.len() - 2..).is_some_and(|e| e.eq_ignore_ascii_case("ed"));
    }
    past
}

/// What a listed word says of its sentence's tense.
#[cfg(test)]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Tense {
    future: bool,
    past: bool,
    reporting: bool,
}

/// The bits of the tense lists a word is in (`FUTURE`, `PAST`, `REPORTING`).
const FUTURE: u64 = 1;
const PAST: u64 = 2;
const REPORTING: u64 = 4;

/// The tense words, each with the bits of its lists.
static TENSE_WORDS: std::sync::LazyLock<crate::words::WordBits> = std::sync::LazyLock::new(|| {
    let listed = |list: &'static [&'static str], bit: u64| list.iter().map(move |w| (*w, bit));
    crate::words::WordBits::new(
        listed(FUTURE_WORDS, FUTURE)
            .chain(listed(PAST_WORDS, PAST))
            .chain(listed(REPORTING_WORDS, REPORTING)),
    )
});
static TENSE_SHAPES: Shapes = str_shapes(&[FUTURE_WORDS, PAST_WORDS, REPORTING_WORDS]);

/// The tense words in any ASCII case: one look-up in a table of packed words instead of
/// three list walks for every word of a sentence (no word of the lists is longer than 16
/// bytes or other than ASCII, as `WordBits` keeps them).
#[cfg(test)]
fn tense_of(word: &str) -> Tense {
    // Most words have no tense word's length and first two letters.
    if !has_shape(&TENSE_SHAPES, word.as_bytes()) {
        return Tense::default();
    }
    let bits = TENSE_WORDS.get(word);
    Tense {
        future: bits & FUTURE != 0,
        past: bits & PAST != 0,
        reporting: bits & REPORTING != 0,
    }
}

/// `tense_of` for a word of ASCII letters, as the lists' bits: its key lowered without a
/// copy.
fn tense_bits(letters: &[u8]) -> u64 {
    // Most words have no tense word's length and first two letters.
    if !has_shape(&TENSE_SHAPES, letters) {
        return 0;
    }
    crate::words::letters_key_lowered(letters).map_or(0, |key| TENSE_WORDS.get_key(&key))
}

/// A single date whose year is missing (a half or quarter of the year in context, a month
/// or day without a year), in a sentence said of the past, has begun by the release date:
/// `YearRef::Begun`, `YearRef::NearestBegun`. A span's ends are placed together
/// (`Resolver::resolve_range`), and are left alone.
/// `past` says whether the sentence is said of the past (`said_of_the_past`), asked only
/// for a date without its year: the scan reads it once per sentence, not once per date.
pub fn mark_tense(figure: &mut Figure, past: impl FnOnce() -> bool) {
    if let (Val::Date(e), None) = (&figure.value, &figure.value_end) {
        if let Some(begun) = begun_if_past(e) {
            if past() {
                figure.value = Val::Date(begun);
            }
        }
    }
}

/// What a single date becomes when its sentence is said of the past (`mark_tense`):
/// `None` when it has its year, and the tense changes nothing.
pub fn begun_if_past(e: &DateExpr) -> Option<DateExpr> {
    matches!(e.year_ref(), Some(YearRef::Context | YearRef::Nearest)).then(|| begun(*e))
}

/// A date without its year, said of the past: `Begun` or `NearestBegun`.
fn begun(e: DateExpr) -> DateExpr {
    let y = |year| match year {
        YearRef::Context => YearRef::Begun,
        YearRef::Nearest => YearRef::NearestBegun,
        other => other,
    };
    match e {
        DateExpr::Day {
            year,
            month,
            day,
            weekday,
        } => DateExpr::Day {
            year: y(year),
            month,
            day,
            weekday,
        },
        DateExpr::Quarter { year, quarter } => DateExpr::Quarter { year: y(year), quarter },
        DateExpr::Half { year, half } => DateExpr::Half { year: y(year), half },
        DateExpr::Month { year, month } => DateExpr::Month { year: y(year), month },
        other => other,
    }
}

/// `on Monday`: a weekday alone after `on` is the latest such day on or before the release
/// (news tells what happened); elsewhere a weekday alone is a name (`Black Friday`).
fn weekday_after_on<'a>(before: &str, rest: &'a str) -> Option<(&'a str, (DateExpr, Option<DateExpr>))> {
    let b = before.trim_end_matches(|c: char| c.is_whitespace());
    // Bytes first: the two before the space may be part of a wider character (`world’s`).
    let on = b.len() < before.len()
        && b.as_bytes()
            .get(b.len().saturating_sub(2)..)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"on"))
        && b.get(..b.len() - 2).is_some_and(|head| !head.ends_with(is_word_char));
    if !on {
        return None;
    }
    let (after, weekday) = weekday(rest).ok()?;
    let from = WeekdayFrom::OnOrBefore;
    Some((after, (DateExpr::Weekday { weekday, from }, None)))
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

    /// `day` as it read through nom's parsers.
    fn day_by_parsers(i: &str) -> Option<(&str, u32)> {
        let (r, d) = take_while_m_n::<_, _, nom::error::Error<&str>>(1, 2, |c: char| c.is_ascii_digit())(i).ok()?;
        let (r, _) = opt(ordinal_suffix).parse(r).ok()?;
        let n: u32 = d.parse().unwrap_or(0);
        ((1..=31).contains(&n) && at_boundary(r)).then_some((r, n))
    }

    /// `year4` as it read through nom's parsers.
    fn year4_by_parsers(i: &str) -> Option<(&str, i32)> {
        let (r, y) = take_while_m_n::<_, _, nom::error::Error<&str>>(4, 4, |c: char| c.is_ascii_digit())(i).ok()?;
        let n: i32 = y.parse().unwrap_or(0);
        let glued = (r.starts_with('.') || r.starts_with(',')) && r[1..].starts_with(|c: char| c.is_ascii_digit());
        ((1900..=2099).contains(&n) && at_boundary(r) && !glued).then_some((r, n))
    }

    #[test]
    fn the_between_and_period_ordinals_go_on_to_a_date_only_before_their_parts() {
        for (lower, after) in [
            ("the", " 4th of July"),
            ("the", "\u{a0}12th"),
            ("between", " 1999 and 2001"),
            ("between", "  Oct. 2 and 5"),
            ("first", " half"),
            ("first", "-Quarter"),
            ("second", " six months"),
            ("first", " 5 months"),
            ("last", ""),
            ("the", " 24th and 25th"),
            ("the", " 1st, the"),
            ("the", "  30th Of June"),
            ("the", " 3rd\u{a0}in"),
        ] {
            assert!(lead_word_may_go_on(lower.as_bytes(), after), "{lower}{after}");
        }
        for (lower, after) in [
            ("the", " rise"),
            ("the", "4th"),
            ("the", ""),
            ("the", " "),
            ("between", " the two"),
            ("between", " Korea and China"),
            ("between", " Mayors"),
            ("between", ", 3"),
            ("between", ""),
            ("first", " time"),
            ("first", "-ever"),
            ("third", ""),
            ("fourth", ", quarter"),
            ("second", "half"),
            ("the", " 7th Emergency Economic Conference"),
            ("the", " 3rd consecutive month"),
            ("the", " 2 sides"),
            ("the", " 123rd day"),
            ("the", " 4TH of July"),
            ("the", " 5thx"),
        ] {
            assert!(!lead_word_may_go_on(lower.as_bytes(), after), "{lower}{after}");
            let i = format!("{lower}{after}");
            assert!(date(&i).is_err(), "{i}");
        }
    }

    /// `list_joiner` as first written: the white space trimmed first.
    fn list_joiner_by_trim(before: &str) -> Option<(&str, bool)> {
        let b = before.trim_end();
        if let Some(b) = b.strip_suffix(',') {
            return Some((b, false));
        }
        let word = ["and", "or"].iter().find_map(|w| b.strip_suffix(w))?;
        word.ends_with(|c: char| c.is_whitespace()).then_some((word, true))
    }

    #[test]
    fn a_list_joiner_told_by_its_last_bytes_is_the_one_found_after_the_trim() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" May 4, 11 and 18, or 9 ,  and\u{a0} or\t x, d r AND");
        let mut joined = 0;
        for (at, _) in text.char_indices() {
            let before = &text[..at];
            assert_eq!(list_joiner(before), list_joiner_by_trim(before), "at {at}");
            joined += usize::from(list_joiner(before).is_some());
        }
        assert!(joined > 1_000, "{joined}");
    }

    #[test]
    fn a_bylines_line_start_by_memrchr_is_the_one_found_by_bytes() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(&format!(
            "\n{}\n\u{e9}\u{2014}\n{}\u{20a9}",
            "x".repeat(79),
            "\u{ac00}".repeat(40)
        ));
        let mut found = 0;
        for (at, _) in text.char_indices() {
            let before = &text[..at];
            let start = line_start_within_reach(before);
            assert_eq!(start, line_start_within_reach_by_bytes(before), "at {at}");
            found += usize::from(start.is_some_and(|s| s > 0));
        }
        assert!(found > 1_000, "{found}");
    }

    #[test]
    fn a_day_before_a_word_naming_no_date_part_reads_no_date() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(
            " On 3 March, 1st of May, 12-Sep-2024 and 4 Sept. 2024 the 2nd Half of 2024 and the 3rd \
             Quarter ended; 3Q 2024, 1H 2025, 1Q-3Q 2023, 2nd-Half sales, 7 MAY 2025, 9 JUNE. The 1st \
             Vice Minister opened 5 New Plants, 2 Qatar projects, 3 Hubs and 12 Mayors met 20 and 21 \
             March; 28 February to 3 March 2025; 1st of Marchers; 4 Q; 2 H; 6 Jan; 8 Decimal units.",
        );
        let mut narrowed = 0;
        for (at, _) in text.char_indices() {
            let rest = &text[at..];
            let (new, old) = (may_be_date(rest), may_be_date_by_capital(rest));
            assert!(!new || old, "at {at}: {:?}", super::super::window(rest, 30));
            if old && !new {
                narrowed += 1;
                assert!(date(rest).is_err(), "at {at}: {:?}", super::super::window(rest, 30));
            }
        }
        assert!(narrowed > 50, "{narrowed}");
        for named in [
            "3 March",
            "1st of May",
            "12-Sep-2024",
            "2nd Half",
            "3Q",
            "1H 2025",
            "7 MAY",
            "3rd Quarter",
        ] {
            assert!(may_be_date(named), "{named}");
        }
        for unnamed in [
            "1st Vice Minister",
            "5 New Plants",
            "2 Qatar",
            "12 Mayors",
            "1st of Marchers",
        ] {
            assert!(!may_be_date(unnamed), "{unnamed}");
        }
    }

    #[test]
    fn years_by_bytes_read_what_the_parsers_read() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" 1899 1900 2099 2100 20255 2025.5 2025. 2025,000 2025, 2025x 2025\u{e9} 0199 2025");
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            assert_eq!(year4(i).ok(), year4_by_parsers(i), "{at}");
        }
    }

    #[test]
    fn days_by_bytes_read_what_the_parsers_read() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" 1st 2nd 3rd 4th 31st 32nd 0th 00 07 1ST 2Nd 3rdly 4th. 5thx 9\u{e9} 12\u{a0} 123 1 2, 31");
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            assert_eq!(super::day(i).ok(), day_by_parsers(i), "{at}");
        }
    }

    #[test]
    fn a_line_turned_away_by_its_first_bytes_names_no_place() {
        let mut text = crate::fixture_texts().concat();
        // Invented datelines and near misses.
        text.push_str(
            "\nOSLO, 3 March 2025 - x\nNEW YORK, July 14 (Wire) \u{2014} y\nST. LOUIS, May 2, 2025 -\n\
             O'HARE, June 1 -\nA, May 3 -\nAB, May 3 -\nOslo, May 3 -\n  LIMA, 4 April 2024 \u{2013}\n\
             .., May 3 -\n-X, May 3 -\nUS\u{e9}, May 3 -\nNEW york, May 3 -\n",
        );
        // Where the first two bytes turn a line away, the place is not found either.
        let mut found = 0;
        for (at, _) in text.char_indices() {
            let line = &text[at..];
            let t = line.trim_start();
            if !t
                .as_bytes()
                .get(..2)
                .is_some_and(|two| two.iter().all(|&b| in_capital_word(b)))
            {
                assert_eq!(dateline_after_place(t), None, "{at}");
            }
            found += usize::from(dateline_date(line).is_some());
        }
        assert!(found >= 4, "{found}");
    }

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

    fn read(s: &str) -> Option<(DateExpr, Option<DateExpr>, usize)> {
        read_after("", s)
    }

    fn read_after(before: &str, s: &str) -> Option<(DateExpr, Option<DateExpr>, usize)> {
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

    fn day(year: YearRef, month: u32, day: u32) -> DateExpr {
        DateExpr::Day {
            year,
            month,
            day,
            weekday: None,
        }
    }

    #[test]
    fn month_day_forms() {
        assert_eq!(read("November 18, 2025").unwrap().0, day(Abs(2025), 11, 18));
        assert_eq!(read("18 November 2025").unwrap().0, day(Abs(2025), 11, 18));
        assert_eq!(read("Nov. 18").unwrap(), (day(Nearest, 11, 18), None, 7));
        assert_eq!(read("Aug 8").unwrap().0, day(Nearest, 8, 8));
        assert_eq!(read("28 Dec.").unwrap(), (day(Nearest, 12, 28), None, 7));
        assert_eq!(read("2025-11-18").unwrap().0, day(Abs(2025), 11, 18));
        assert_eq!(read("November 18th").unwrap().0, day(Nearest, 11, 18));
        assert_eq!(read("February 5 this year").unwrap().0, day(Rel(0), 2, 5));
    }

    #[test]
    fn weekday_is_kept_for_the_check() {
        let (d, _, len) = read("Tuesday, November 18, at noon").unwrap();
        assert_eq!(
            d,
            DateExpr::Day {
                year: Nearest,
                month: 11,
                day: 18,
                weekday: Some(Weekday::Tue)
            }
        );
        assert_eq!(len, "Tuesday, November 18".len());
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

    #[test]
    fn halves_and_quarters_keep_their_year() {
        assert_eq!(
            read("first half of 2025").unwrap().0,
            DateExpr::Half {
                year: Abs(2025),
                half: 1
            }
        );
        assert_eq!(
            read("first six months of 2015").unwrap().0,
            DateExpr::Half {
                year: Abs(2015),
                half: 1
            }
        );
        assert_eq!(
            read("first half of the year").unwrap().0,
            DateExpr::Half { year: Context, half: 1 }
        );
        assert_eq!(
            read("Q3 2025").unwrap().0,
            DateExpr::Quarter {
                year: Abs(2025),
                quarter: 3
            }
        );
        assert_eq!(
            read("third quarter").unwrap().0,
            DateExpr::Quarter {
                year: Context,
                quarter: 3
            }
        );
        assert_eq!(
            read("first quarter of 2021").unwrap().0,
            DateExpr::Quarter {
                year: Abs(2021),
                quarter: 1
            }
        );
    }

    #[test]
    fn ordinal_digits_start_halves_and_quarters() {
        assert_eq!(
            read("2nd half of 2025").unwrap().0,
            DateExpr::Half {
                year: Abs(2025),
                half: 2
            }
        );
        assert_eq!(
            read("1st quarter").unwrap().0,
            DateExpr::Quarter {
                year: Context,
                quarter: 1
            }
        );
        assert_eq!(
            read("3Q 2024").unwrap().0,
            DateExpr::Quarter {
                year: Abs(2024),
                quarter: 3
            }
        );
    }

    #[test]
    fn relative_dates() {
        assert_eq!(read("this year").unwrap().0, DateExpr::Year(Rel(0)));
        assert_eq!(read("next year").unwrap().0, DateExpr::Year(Rel(1)));
        assert_eq!(read("last month").unwrap().0, DateExpr::RelMonth(-1));
        assert_eq!(read("today").unwrap().0, DateExpr::Today);
        assert_eq!(read("the 24th.").unwrap().0, DateExpr::DayOfMonth(24));
        assert_eq!(read("the 25th anniversary"), None);
    }

    #[test]
    fn comparison_bases_are_not_dates() {
        assert_eq!(read_after("the same period ", "last year"), None);
        assert_eq!(read_after("fewer than ", "last year"), None);
        assert!(read_after("on July 4 ", "last year").is_some());
        // Any case; only the last 40 bytes are read, whatever characters come before.
        assert_eq!(read_after("Sales Were Higher Than The ", "last year"), None);
        assert_eq!(
            read_after(&format!("{} fewer than ", "é".repeat(30)), "last year"),
            None
        );
        assert!(read_after(&format!("than {} ", "x".repeat(40)), "last year").is_some());
        // Every word of comparison, for either year; whole words only.
        for lead in [
            "up 4% over ",
            "down 2% versus ",
            "weaker vs. ",
            "measured against ",
            "high relative to ",
        ] {
            assert_eq!(read_after(lead, "last year"), None, "{lead}");
            assert_eq!(read_after(lead, "this year"), None, "{lead}");
        }
        assert_eq!(read_after("sales in the same quarter of ", "last year"), None);
        assert!(read_after("after a takeover ", "last year").is_some());
        assert!(read_after("the same period ", "this year").is_some());
    }

    fn month(year: YearRef, month: u32) -> DateExpr {
        DateExpr::Month { year, month }
    }

    fn year(y: i32) -> DateExpr {
        DateExpr::Year(Abs(y))
    }

    #[test]
    fn days_and_months_counted_from_the_release() {
        assert_eq!(read("yesterday").unwrap().0, DateExpr::RelDay(-1));
        assert_eq!(read("Tomorrow,").unwrap().0, DateExpr::RelDay(1));
        assert_eq!(read("this May").unwrap().0, month(Rel(0), 5));
        assert_eq!(read("last March").unwrap().0, month(Before, 3));
        assert_eq!(read("next September").unwrap().0, month(After, 9));
        // `may` in lower case is a verb, so `this may` is no date.
        assert_eq!(read("this may"), None);
    }

    #[test]
    fn months_counted_from_the_start_or_end_of_a_year() {
        let (a, b, len) = read("first five months of 2020 as a whole").unwrap();
        assert_eq!((a, b), (month(Abs(2020), 1), Some(month(Abs(2020), 5))));
        assert_eq!(len, "first five months of 2020".len());
        assert_eq!(
            read("first 3 months of 2025").unwrap().0,
            DateExpr::Quarter {
                year: Abs(2025),
                quarter: 1
            }
        );
        assert_eq!(
            read("first six months").unwrap().0,
            DateExpr::Half { year: Context, half: 1 }
        );
        assert_eq!(read("first nine months,").unwrap().1, Some(month(Context, 9)));
        assert_eq!(
            read("last three months of 2024").unwrap().0,
            DateExpr::Quarter {
                year: Abs(2024),
                quarter: 4
            }
        );
        assert_eq!(read("last four months of 2024").unwrap().0, month(Abs(2024), 9));
        assert_eq!(read("first twelve months of 2019").unwrap().0, year(2019));
        // The past N months, and months of something else, are no dates.
        assert_eq!(read("last three months"), None);
        assert_eq!(read("first five months of the program"), None);
        assert_eq!(read("first 2.5 months of 2020"), None);
        assert_eq!(read("first two months after launch"), None);
        assert_eq!(read("last six months"), None);
        assert_eq!(
            read("last six months of 2024").unwrap().0,
            DateExpr::Half {
                year: Abs(2024),
                half: 2
            }
        );
        assert_eq!(
            read("second six months").unwrap().0,
            DateExpr::Half { year: Context, half: 2 }
        );
    }

    #[test]
    fn fiscal_years_are_the_years_they_name() {
        assert_eq!(read("FY2024").unwrap(), (year(2024), None, 6));
        assert_eq!(read("FY 2021-22,").unwrap(), (year(2021), Some(year(2022)), 10));
        assert_eq!(read("FY2019–20").unwrap().1, Some(year(2020)));
        assert_eq!(read("fiscal year 2023").unwrap().0, year(2023));
        assert_eq!(read("FY24 budget").unwrap(), (year(2024), None, 4));
        assert_eq!(read("FY"), None);
        assert_eq!(read("FY2024x"), None);
    }

    #[test]
    fn two_days_joined_by_and() {
        let (a, b, len) = read("July 16 and 17, the forum").unwrap();
        assert_eq!((a, b), (day(Nearest, 7, 16), Some(day(Nearest, 7, 17))));
        assert_eq!(len, "July 16 and 17".len());
        // Not consecutive: two dates; the year written after the second belongs to both.
        assert_eq!(read("May 3 and 9, 2024.").unwrap(), (day(Abs(2024), 5, 3), None, 5));
        assert_eq!(
            read_after("held on May 3 and ", "9, 2024.").unwrap(),
            (day(Abs(2024), 5, 9), None, 7)
        );
        assert_eq!(
            read_after("Sept. 3 and ", "19 in Seoul").unwrap().0,
            day(Nearest, 9, 19)
        );
        // A list joined by commas, the last day after `and`.
        assert_eq!(read_after("on May 4, ", "11 and 18").unwrap().0, day(Nearest, 5, 4 + 7));
        assert_eq!(read_after("on May 4, 11 and ", "18.").unwrap().0, day(Nearest, 5, 18));
        assert_eq!(read_after("on May 4, 11 or ", "18.").unwrap().0, day(Nearest, 5, 18));
        // After a comma a day must be followed by another: `May 4, 20 of them` is no list.
        assert_eq!(read_after("on May 4, ", "20 of them"), None);
        assert_eq!(read_after("on Mayday 4 and ", "9,"), None);
        assert_eq!(read_after("on May 4 band ", "9,"), None);
        // `9 firms` is a count, and `3 and 9` with no month before is no date.
        assert_eq!(read_after("on May 3 and ", "9 firms"), None);
        assert_eq!(read_after("rose 3 and ", "9, and"), None);
    }

    #[test]
    fn abbreviated_months_with_a_point_or_dashes() {
        assert_eq!(read("Sep.12, 2024").unwrap(), (day(Abs(2024), 9, 12), None, 12));
        assert_eq!(read("Sept. 12").unwrap().0, day(Nearest, 9, 12));
        assert_eq!(read("12-Sep-2024").unwrap(), (day(Abs(2024), 9, 12), None, 11));
        assert_eq!(read("Sep12"), None);
    }

    #[test]
    fn quarters_numbered_after_the_word() {
        let q = |year, quarter| DateExpr::Quarter { year, quarter };
        assert_eq!(read("Quarter 3 2022 output").unwrap(), (q(Abs(2022), 3), None, 14));
        assert_eq!(read("quarter 1.").unwrap().0, q(Context, 1));
        let whole = "Quarter 3 (July to Sept) 2022";
        assert_eq!(read(whole).unwrap(), (q(Abs(2022), 3), None, whole.len()));
        let bare = "quarter 1 January to March 2015";
        assert_eq!(read(bare).unwrap(), (q(Abs(2015), 1), None, bare.len()));
        assert_eq!(read("Q4 (Oct-Dec) 2019").unwrap().0, q(Abs(2019), 4));
        // Months that are not the quarter's own are no part of it.
        assert_eq!(read("Quarter 2 (Jan to Mar)").unwrap(), (q(Context, 2), None, 9));
        assert_eq!(read("quarter 5"), None);
        assert_eq!(read("quarter 2025"), None);
    }

    #[test]
    fn months_in_capitals_need_a_day_or_year() {
        assert_eq!(read("MARCH 2023").unwrap().0, month(Abs(2023), 3));
        assert_eq!(read("DEC 5").unwrap().0, day(Nearest, 12, 5));
        assert_eq!(read("MAY RISE"), None);
        assert_eq!(read("MARCH"), None);
    }

    #[test]
    fn month_spans_across_years_and_months_taken_together() {
        let (a, b, _) = read("April 2021-March 2022").unwrap();
        assert_eq!((a, b), (month(Abs(2021), 4), Some(month(Abs(2022), 3))));
        assert_eq!(
            read("December 2024 to February 2025").unwrap().1,
            Some(month(Abs(2025), 2))
        );
        assert_eq!(read("March 2022-April 2021").unwrap().1, None);
        let (a, b, len) = read("March and April combined").unwrap();
        assert_eq!((a, b), (month(Nearest, 3), Some(month(Nearest, 4))));
        assert_eq!(len, "March and April".len());
        assert_eq!(
            read("June and July 2024 as a whole").unwrap().1,
            Some(month(Abs(2024), 7))
        );
        // Two months each with its own figure, or not consecutive: two dates.
        assert_eq!(read("March and April").unwrap(), (month(Nearest, 3), None, 5));
        assert_eq!(read("March and May combined").unwrap().1, None);
    }

    #[test]
    fn a_period_named_after_mid_or_end() {
        assert_eq!(read("mid-2024").unwrap(), (year(2024), None, 8));
        assert_eq!(read("end-March").unwrap().0, month(Nearest, 3));
        assert_eq!(read("Early-May 2025").unwrap().0, month(Abs(2025), 5));
        assert_eq!(read("pre-2020 levels").unwrap().0, year(2020));
        assert_eq!(read("mid-size"), None);
        assert_eq!(read("midterm 2024"), None);
    }

    #[test]
    fn two_digits_end_a_year_range_only_after_a_dash() {
        assert_eq!(read("2009 to 10.5 years").unwrap(), (year(2009), None, 4));
        assert_eq!(read("2012 - 13").unwrap().1, Some(year(2013)));
    }

    #[test]
    fn spans_and_bases_that_are_not_dates() {
        assert_eq!(read_after("sales rose over the ", "last year"), None);
        assert_eq!(read_after("in The ", "next year"), None);
        assert_eq!(read_after("higher than ", "this year"), None);
        assert_eq!(read_after("Compared to ", "this year"), None);
        assert!(read_after("lathe ", "last year").is_some());
        assert!(read_after("from ", "this year").is_some());
        for no in [
            "last summer",
            "year-to-date",
            "the year as a whole",
            "the previous year",
        ] {
            assert_eq!(read(no), None, "{no}");
        }
    }

    #[test]
    fn ordinals_listed_before_a_noun_are_no_days() {
        assert_eq!(read("the 11th, sixth and fourth consecutive month"), None);
        assert_eq!(read("the 10th and 8th straight month"), None);
        assert_eq!(read("the 24th and 25th.").unwrap().0, DateExpr::DayOfMonth(24));
    }

    #[test]
    fn months_of_each_year_recur() {
        assert_eq!(read("January and February of each year"), None);
        assert_eq!(read_after("trade in ", "March every year"), None);
        assert_eq!(read("March, April or May of every year"), None);
        assert!(read("March 2020 of each year").is_some());
    }

    fn read_in(sentence: &str, at: &str) -> Option<String> {
        let pos = sentence.find(at)?;
        parse(&Ctx::new(sentence, pos, false)).map(|f| sentence[f.start..f.end].to_string())
    }

    #[test]
    fn bylines_are_page_furniture() {
        let line = "Published: 28 Apr. 2025";
        assert_eq!(read_in(line, "28"), None);
        assert_eq!(read_in(line, "2025"), None);
        assert_eq!(read_in("Trade data\nupdated on May 2, 2024", "May"), None);
        assert_eq!(read_in("POSTED 3 March 2025\nExports rose.", "3 March"), None);
        assert_eq!(read_in("Published 5 May 2025 10:30 GMT", "5 May"), None);
        assert_eq!(read_in("Updated 2 June 2025 | 4 min read", "2 June"), None);
        assert_eq!(
            read_in("Released 5 May 2025 figures show", "5 May").as_deref(),
            Some("5 May 2025")
        );
        // A label that starts no line, or no date after it, leaves the date a fact.
        assert_eq!(
            read_in("Data published: 28 April 2025", "28").as_deref(),
            Some("28 April 2025")
        );
        assert_eq!(
            read_in("Released 2024 figures show gains", "2024").as_deref(),
            Some("2024")
        );
    }

    #[test]
    fn a_weekday_alone_after_on_or_a_relative_word() {
        let wd = |weekday, from| DateExpr::Weekday { weekday, from };
        let (e, _, len) = read_after("prices fell on ", "Tuesday, traders said").unwrap();
        assert_eq!((e, len), (wd(Weekday::Tue, WeekdayFrom::OnOrBefore), 7));
        assert_eq!(read("last Friday").unwrap().0, wd(Weekday::Fri, WeekdayFrom::Before));
        assert_eq!(read("next Monday").unwrap().0, wd(Weekday::Mon, WeekdayFrom::After));
        assert_eq!(read("this Sunday").unwrap().0, wd(Weekday::Sun, WeekdayFrom::OnOrAfter));
        // Elsewhere a weekday alone names a day of sales or a holiday.
        assert_eq!(read_after("sales on Black ", "Friday rose"), None);
        assert_eq!(read_after("upon ", "Monday"), None);
        assert_eq!(read("Monday"), None);
        // Bytes before the weekday that are inside a wide character (was a panic).
        assert_eq!(read_after("the world’s ", "Monday"), None);
        assert_eq!(read_after("’n ", "Monday"), None);
    }

    #[test]
    fn a_period_said_of_the_past_has_begun() {
        // The value of the first date read in `s`.
        let first_date = |s: &str| {
            crate::scan::figures(s, false)
                .into_iter()
                .find(|f| f.figure.kind == Kind::Date)
                .map(|f| f.figure.value)
        };
        let q = |year| Some(Val::Date(DateExpr::Quarter { year, quarter: 4 }));
        assert_eq!(first_date("Sales rose 2% in the fourth quarter."), q(YearRef::Begun));
        assert_eq!(
            first_date("Sales will rise in the fourth quarter."),
            q(YearRef::Context)
        );
        // No tense said: the year in context; a reporting verb dates the saying only.
        assert_eq!(first_date("Sales in the fourth quarter"), q(YearRef::Context));
        assert_eq!(
            first_date("\"Orders peak in the fourth quarter,\" she said."),
            q(YearRef::Context)
        );
        let may = |year| Some(Val::Date(DateExpr::Month { year, month: 5 }));
        assert_eq!(first_date("Curbs were imposed in May."), may(YearRef::NearestBegun));
        assert_eq!(first_date("The plant opens in May."), may(YearRef::Nearest));
        assert_eq!(first_date("Talks are set for May."), may(YearRef::Nearest));
        assert_eq!(first_date("Sales are expected to rise in Q4."), q(YearRef::Context));
        assert_eq!(first_date("Sales rose in Q4 2024."), q(YearRef::Abs(2024)));
    }

    #[test]
    fn news_datelines_are_page_furniture() {
        assert_eq!(read_in("OSLO, March 3 (Newswire) - Sales fell.", "March"), None);
        assert_eq!(read_in("SAO PAULO, 4 June 2024 — Output rose.", "4 June"), None);
        assert_eq!(read_in("ST. LOUIS, Jan. 9 -- Prices rose.", "Jan"), None);
        // A date after a place that opens a sentence is a fact.
        assert_eq!(
            read_in("LIMA, March 3 was the busiest day.", "March").as_deref(),
            Some("March 3")
        );
        assert_eq!(
            read_in("In Lima, March 3 - 5 was busy.", "March").as_deref(),
            Some("March 3 - 5")
        );
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
    fn quarters_named_by_their_last_month() {
        let q = |year, quarter| DateExpr::Quarter { year, quarter };
        assert_eq!(read("June quarter").unwrap().0, q(Context, 2));
        assert_eq!(read("September 2024 quarter").unwrap().0, q(Abs(2024), 3));
        assert_eq!(read("March quarter of 2023").unwrap().0, q(Abs(2023), 1));
        // A month that ends no quarter is a month.
        assert_eq!(read("May quarter").unwrap(), (month(Nearest, 5), None, 3));
        assert_eq!(read("third-quarter growth").unwrap().0, q(Context, 3));
        assert_eq!(read("first-half").unwrap().0, DateExpr::Half { year: Context, half: 1 });
    }

    #[test]
    fn a_slash_joins_a_year_to_the_next() {
        assert_eq!(read("2023/24 season").unwrap(), (year(2023), Some(year(2024)), 7));
        assert_eq!(read("2023/2024").unwrap().1, Some(year(2024)));
        assert_eq!(read("FY2023/24").unwrap().1, Some(year(2024)));
        assert_eq!(read("2023/2025").unwrap(), (year(2023), None, 4));
    }

    #[test]
    fn days_written_with_of() {
        assert_eq!(read("the 30th of June").unwrap().0, day(Nearest, 6, 30));
        assert_eq!(read("the 1st of May 2024").unwrap().0, day(Abs(2024), 5, 1));
        assert_eq!(read("1st of May 2024").unwrap().0, day(Abs(2024), 5, 1));
    }

    #[test]
    fn abbreviated_month_ranges() {
        let (a, b, _) = read("Jan-Mar 2025").unwrap();
        assert_eq!((a, b), (month(Abs(2025), 1), Some(month(Abs(2025), 3))));
    }

    #[test]
    fn days_written_before_their_month_in_ranges_and_pairs() {
        let (a, b, len) = read("1-3 March 2025 in Paris").unwrap();
        assert_eq!((a, b), (day(Abs(2025), 3, 1), Some(day(Abs(2025), 3, 3))));
        assert_eq!(len, "1-3 March 2025".len());
        assert_eq!(read("10 to 14 November").unwrap().0, day(Nearest, 11, 10));
        let (a, b, _) = read("28 February to 3 March 2025").unwrap();
        assert_eq!((a, b), (day(Abs(2025), 2, 28), Some(day(Abs(2025), 3, 3))));
        assert_eq!(read("20 and 21 March").unwrap().1, Some(day(Nearest, 3, 21)));
        // Not consecutive: the first day alone, in the month and year written after the second.
        assert_eq!(read("3 and 9 May 2025").unwrap(), (day(Abs(2025), 5, 3), None, 1));
        assert_eq!(read("5-3 March"), None);
        // No month: no date.
        assert_eq!(read("15 to 24"), None);
        assert_eq!(read("5 and 6 firms"), None);
    }

    #[test]
    fn consecutive_days_across_a_month_end_are_one_range() {
        let (a, b, len) = read("June 30 and July 1, 2025").unwrap();
        assert_eq!((a, b), (day(Abs(2025), 6, 30), Some(day(Abs(2025), 7, 1))));
        assert_eq!(len, "June 30 and July 1, 2025".len());
        assert_eq!(read("31 December and 1 January").unwrap().1, Some(day(Nearest, 1, 1)));
        assert_eq!(
            read("28 February and 1 March 2023").unwrap().1,
            Some(day(Abs(2023), 3, 1))
        );
        assert_eq!(
            read("December 31 and January 1, 2026").unwrap().0,
            day(Abs(2025), 12, 31)
        );
        // 2024 is a leap year: the 28th and the 1st are two days apart.
        assert_eq!(read("28 February and 1 March 2024").unwrap().1, None);
        assert_eq!(read("June 29 and July 1").unwrap().1, None);
    }

    #[test]
    fn between_two_days_is_a_range() {
        let (a, b, len) = read("between March 3 and 10, 2025").unwrap();
        assert_eq!((a, b), (day(Abs(2025), 3, 3), Some(day(Abs(2025), 3, 10))));
        assert_eq!(len, "between March 3 and 10, 2025".len());
        assert_eq!(read("between 3 and 10 April").unwrap().1, Some(day(Nearest, 4, 10)));
        assert_eq!(read("between May 3 and May 1"), None);
    }

    #[test]
    fn quarter_ranges() {
        let q = |year, quarter| DateExpr::Quarter { year, quarter };
        assert_eq!(
            read("Q1-Q3 2024").unwrap(),
            (q(Abs(2024), 1), Some(q(Abs(2024), 3)), 10)
        );
        assert_eq!(read("Q2 to Q4").unwrap().1, Some(q(Context, 4)));
        assert_eq!(read("Q3 to Q2").unwrap(), (q(Context, 3), None, 2));
    }

    #[test]
    fn year_first_codes_and_iso_months() {
        let q = |year, quarter| DateExpr::Quarter { year, quarter };
        assert_eq!(read("2024Q3").unwrap(), (q(Abs(2024), 3), None, 6));
        assert_eq!(read("2024 Q4 sales").unwrap(), (q(Abs(2024), 4), None, 7));
        assert_eq!(
            read("2025-H1").unwrap().0,
            DateExpr::Half {
                year: Abs(2025),
                half: 1
            }
        );
        assert_eq!(read("2025-H3").unwrap(), (year(2025), None, 4));
        assert_eq!(read("2025-03").unwrap(), (month(Abs(2025), 3), None, 7));
        assert_eq!(read("2025-13").unwrap(), (year(2025), None, 4));
        assert_eq!(read("2025-12-01b").unwrap(), (year(2025), None, 4));
        // Two digits that end a later year make a range first.
        assert_eq!(read("2011-12").unwrap().1, Some(year(2012)));
    }

    #[test]
    fn years_glued_to_quarter_and_half_codes() {
        let q = |year, quarter| DateExpr::Quarter { year, quarter };
        assert_eq!(read("Q3-2024").unwrap(), (q(Abs(2024), 3), None, 7));
        assert_eq!(read("Q4'24").unwrap().0, q(Abs(2024), 4));
        assert_eq!(
            read("H1/2025").unwrap().0,
            DateExpr::Half {
                year: Abs(2025),
                half: 1
            }
        );
    }

    #[test]
    fn abbreviated_months_with_a_year() {
        assert_eq!(read("Sep 2024").unwrap().0, month(Abs(2024), 9));
        assert_eq!(read("Sept. 2024").unwrap().0, month(Abs(2024), 9));
        assert_eq!(read("Sep-2024").unwrap().0, month(Abs(2024), 9));
    }

    #[test]
    fn a_quarter_named_by_its_months() {
        let (a, b, len) = read("January-March quarter of 2024").unwrap();
        assert_eq!(
            (a, b),
            (
                DateExpr::Quarter {
                    year: Abs(2024),
                    quarter: 1
                },
                None
            )
        );
        assert_eq!(len, "January-March quarter of 2024".len());
        // Months that make no calendar quarter stay a month range.
        assert_eq!(read("May-July quarter").unwrap().1, Some(month(Nearest, 7)));
    }

    #[test]
    fn not_dates() {
        assert_eq!(read_after("COVID-", "19"), None);
        assert_eq!(read("20,000"), None);
        assert_eq!(read("2100"), None);
        assert_eq!(read("20250"), None);
    }

    #[test]
    fn tense_words_are_looked_up_as_the_lists_hold_them() {
        for list in [FUTURE_WORDS, PAST_WORDS, REPORTING_WORDS] {
            for w in list {
                assert!(*w == w.to_ascii_lowercase(), "{w}");
            }
        }
        let upper: Vec<String> = [FUTURE_WORDS, PAST_WORDS, REPORTING_WORDS]
            .concat()
            .iter()
            .map(|w| w.to_ascii_uppercase())
            .collect();
        let listed = upper.iter().map(String::as_str);
        for w in [
            "Will",
            "EXPECTED",
            "rose",
            "Said",
            "may",
            "pasture",
            "x",
            "outlooks",
            "",
            "s\u{e4}id",
            "wil",
            "expectedexpectedx",
        ]
        .into_iter()
        .chain(listed)
        {
            let held = |list: &[&str]| list.iter().any(|f| f.eq_ignore_ascii_case(w));
            let want = Tense {
                future: held(FUTURE_WORDS),
                past: held(PAST_WORDS),
                reporting: held(REPORTING_WORDS),
            };
            assert_eq!(tense_of(w), want, "{w}");
        }
        assert!(tense_of("WILL").future && tense_of("Fell").past && tense_of("noted").reporting);
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

    /// `said_of_the_past` as it was before its byte walk and hashed look-up: its oracle.
    fn listed_said_of_the_past(sentence: &str) -> bool {
        let mut past = false;
        for w in sentence
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| w.len() >= 2)
        {
            let held = |list: &[&str]| list.iter().any(|f| f.eq_ignore_ascii_case(w));
            if w != "May" && w != "MAY" && held(FUTURE_WORDS) {
                return false;
            }
            past = past
                || held(PAST_WORDS)
                || !held(REPORTING_WORDS) && w.len() > 4 && w[w.len() - 2..].eq_ignore_ascii_case("ed");
        }
        past
    }

    #[test]
    fn the_tense_of_every_fixture_sentence_is_read_as_the_lists_say() {
        let text = crate::fixture_texts().concat()
            + "It Rose. They SAID it grew. Exports éxpanded. It may rise in May. Sales were NOTED. ";
        let (mut past, mut sentences) = (0, 0);
        for s in text.split(['.', '\n']) {
            assert_eq!(said_of_the_past(s), listed_said_of_the_past(s), "{s}");
            assert_eq!(said_of_the_past(s), said_of_the_past_by_runs(s), "{s}");
            past += usize::from(said_of_the_past(s));
            sentences += 1;
        }
        assert!(past > 100 && sentences > 1000, "{past} of {sentences}");
    }

    #[test]
    fn tense_bits_are_the_tense_of_a_word_of_letters() {
        let words = [FUTURE_WORDS, PAST_WORDS, REPORTING_WORDS].concat();
        let varied = words.iter().flat_map(|w| {
            [
                w.to_string(),
                w.to_ascii_uppercase(),
                format!("{w}s"),
                w[1..].to_string(),
            ]
        });
        for w in varied.chain(["May", "Pasture", "expectedexpectedx", "ed"].map(String::from)) {
            let t = tense_of(&w);
            let bit = |held: bool, bit: u64| if held { bit } else { 0 };
            let want = bit(t.future, FUTURE) | bit(t.past, PAST) | bit(t.reporting, REPORTING);
            assert_eq!(tense_bits(w.as_bytes()), want, "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_tense_of_random_sentences_is_read_as_by_runs(
            words in proptest::collection::vec(
                "(will|MAY|May|may|rose|Said|noted|added|expanded|grown|Ed|ed|was|a|of|X|\\.|,|é|[a-z]{1,6}ed|[A-Za-z]{1,20})",
                0..40,
            )
        ) {
            let s = words.join(" ");
            proptest::prop_assert_eq!(said_of_the_past(&s), said_of_the_past_by_runs(&s), "{}", s);
        }
    }
}
