//! Dates counted from the release: `last year`, `this month`, `yesterday`, `last March`,
//! `next Monday`, `on Monday`, `the 24th`.

use nom::{IResult, Parser, branch::alt, bytes::complete::take_while_m_n, character::complete::char, combinator::opt};

use super::atoms::{ends_phrase, month_full, month_name, ordinal_suffix, rel_word, rel_year, weekday, year_after};
use super::{DateExpr, WeekdayFrom, YearRef};
use crate::grammar::number::ordinal_number;
use crate::grammar::{at_boundary, fail, is_word_char, keyword, sp, sp0};

/// rel_year_in_month: rel_year sp "in" sp month_full — `last year in April` is one date.
pub(super) fn rel_year_in_month(i: &str) -> IResult<&str, DateExpr> {
    let (r, (n, _, _, _, month)) = (rel_year, sp, keyword("in"), sp, month_full).parse(i)?;
    Ok((
        r,
        DateExpr::Month {
            year: YearRef::Rel(n),
            month,
        },
    ))
}

/// relative: rel_year | rel_word sp "month" | "today" | "yesterday" | "tomorrow".
pub(super) fn relative(i: &str) -> IResult<&str, DateExpr> {
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
pub(super) fn rel_month(i: &str) -> IResult<&str, DateExpr> {
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

/// the_nth: "the" sp day-with-suffix [sp "of" sp month_name [year_after]], not followed by a
/// noun (`on the 24th`, `the 30th of June`, not `the 25th anniversary`).
pub(super) fn the_nth(i: &str) -> IResult<&str, DateExpr> {
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

/// `on Monday`: a weekday alone after `on` is the latest such day on or before the release
/// (news tells what happened); elsewhere a weekday alone is a name (`Black Friday`).
pub(super) fn weekday_after_on<'a>(before: &str, rest: &'a str) -> Option<(&'a str, (DateExpr, Option<DateExpr>))> {
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

#[cfg(test)]
mod tests {
    use super::super::YearRef::*;
    use super::super::tests::{month, read, read_after};
    use super::*;
    use chrono::Weekday;

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
    fn ordinals_listed_before_a_noun_are_no_days() {
        assert_eq!(read("the 11th, sixth and fourth consecutive month"), None);
        assert_eq!(read("the 10th and 8th straight month"), None);
        assert_eq!(read("the 24th and 25th.").unwrap().0, DateExpr::DayOfMonth(24));
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
}
