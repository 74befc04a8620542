//! Dates named by a month or weekday: a day of a month (`November 18`, `18 November`,
//! `Tuesday, November 18`), a month of a year, a month alone, and spans of months.

use nom::{IResult, Parser, branch::alt, character::complete::char, combinator::opt};

use super::atoms::{
    Month, day, full_month, month_full, month_name, range_joiner, read_month, rel_year, weekday, year_after, year4,
};
use super::{DateExpr, YearRef};
use crate::grammar::{at_boundary, fail, keyword, leading_word, sp, sp0};

/// month_day: month_name (sp | after "." sp0) day [year_after] — `Sep.12, 2024` too.
pub(super) fn month_day(i: &str) -> IResult<&str, DateExpr> {
    let (_, m) = read_month(i)?;
    month_day_after(i, m)
}

/// month_day after its month `m`, read at `i`.
pub(super) fn month_day_after<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, DateExpr> {
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
pub(super) fn day_month(i: &str) -> IResult<&str, DateExpr> {
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
pub(super) fn weekday_date(i: &str) -> IResult<&str, DateExpr> {
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

/// month_range: month_name range_joiner month_name [sp year4] — `January to August`, `Jan-Mar 2025`.
#[cfg(test)] // `at_month_or_weekday` reads its month once: `month_range_after`
pub(super) fn month_range(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let (_, m) = read_month(i)?;
    month_range_after(i, m)
}

/// month_range after its first month `m`, read at `i`.
pub(super) fn month_range_after<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, (DateExpr, DateExpr)> {
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

/// month_year: month_name ([","] sp year4 | "-" year4 | sp rel_year | sp "of" sp (year4 | rel_year))
/// — `October 2025`, `Sept. 2024`, `Sep-2024`, `July last year`.
pub(super) fn month_year(i: &str) -> IResult<&str, DateExpr> {
    let (_, m) = read_month(i)?;
    month_year_after(m)
}

/// month_year after its month `m`.
pub(super) fn month_year_after(m: Month<'_>) -> IResult<&str, DateExpr> {
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

/// month_year_range: month_name [","] sp year4 range_joiner month_name [","] sp year4 —
/// `April 2021-March 2022`, a span across years.
pub(super) fn month_year_range(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
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

/// month_pair: month_full sp "and" sp month_full [year_after] followed by sp ("as a whole" |
/// "combined" | "together" | "taken together") — two consecutive months taken as one span
/// (`March and April combined`). Without such words they are two dates.
#[cfg(test)] // `at_month_or_weekday` reads its month once: `month_pair_after`
pub(super) fn month_pair(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let (_, m) = read_month(i)?;
    month_pair_after(i, m)
}

/// month_pair after its first month `m`, read at `i`.
pub(super) fn month_pair_after<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, (DateExpr, DateExpr)> {
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

/// month_alone = month_full: a month with no day or year (`in March`); not in capitals,
/// where `MAY` and `MARCH` are as likely verbs of a headline.
pub(super) fn month_alone(i: &str) -> IResult<&str, DateExpr> {
    let (_, m) = read_month(i)?;
    month_alone_after(i, m)
}

/// month_alone after its month `m`, read at `i`.
pub(super) fn month_alone_after<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, DateExpr> {
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

#[cfg(test)]
mod tests {
    use super::super::YearRef::*;
    use super::super::tests::{day, month, read};
    use super::*;
    use chrono::Weekday;

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
    fn abbreviated_months_with_a_point_or_dashes() {
        assert_eq!(read("Sep.12, 2024").unwrap(), (day(Abs(2024), 9, 12), None, 12));
        assert_eq!(read("Sept. 12").unwrap().0, day(Nearest, 9, 12));
        assert_eq!(read("12-Sep-2024").unwrap(), (day(Abs(2024), 9, 12), None, 11));
        assert_eq!(read("Sep12"), None);
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
    fn abbreviated_month_ranges() {
        let (a, b, _) = read("Jan-Mar 2025").unwrap();
        assert_eq!((a, b), (month(Abs(2025), 1), Some(month(Abs(2025), 3))));
    }

    #[test]
    fn abbreviated_months_with_a_year() {
        assert_eq!(read("Sep 2024").unwrap().0, month(Abs(2024), 9));
        assert_eq!(read("Sept. 2024").unwrap().0, month(Abs(2024), 9));
        assert_eq!(read("Sep-2024").unwrap().0, month(Abs(2024), 9));
    }
}
