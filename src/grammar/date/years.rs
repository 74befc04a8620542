//! Dates written in digits from a year: a year alone, year ranges (`2020–24`, `2023/24`,
//! `between 2020 and 2024`), ISO dates and months, and year-first period codes (`2024Q3`).

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n},
    character::complete::char,
    combinator::opt,
};

use super::atoms::{range_joiner, year4};
use super::{DateExpr, YearRef};
use crate::grammar::{at_boundary, dash, fail, keyword, sp, sp0};

/// iso_date: year4 "-" digit{2} "-" digit{2}.
pub(super) fn iso_date(i: &str) -> IResult<&str, DateExpr> {
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
pub(super) fn year_range(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let (r, y1) = year4(i)?;
    let (r, y2) = year_end(y1)(r)?;
    Ok((r, (DateExpr::Year(YearRef::Abs(y1)), DateExpr::Year(YearRef::Abs(y2)))))
}

/// The end of a year range after its start `y1`: range_joiner year4 | sp0 dash sp0 digit{2},
/// later than `y1`; or "/" (year4 | digit{2}) naming the next year (`2023/24`, a fiscal or
/// crop year).
pub(super) fn year_end<'a>(y1: i32) -> impl Fn(&'a str) -> IResult<&'a str, i32> {
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
pub(super) fn between_years(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let (r, (_, _, y1, _, _, _, y2)) = (keyword("between"), sp, year4, sp, keyword("and"), sp, year4).parse(i)?;
    if y2 <= y1 {
        return fail(i);
    }
    Ok((r, (DateExpr::Year(YearRef::Abs(y1)), DateExpr::Year(YearRef::Abs(y2)))))
}

/// year_period: year4 [sp | "-"] ("Q" 1-4 | "H" 1-2) — `2024Q3`, `2024 Q3`, `2025-H1`: the
/// statistical offices' year-first codes.
pub(super) fn year_period(i: &str) -> IResult<&str, DateExpr> {
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
pub(super) fn iso_month(i: &str) -> IResult<&str, DateExpr> {
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

/// year: a bare 4-digit year.
pub(super) fn year4_date(i: &str) -> IResult<&str, DateExpr> {
    year4.map(|y| DateExpr::Year(YearRef::Abs(y))).parse(i)
}

#[cfg(test)]
mod tests {
    use super::super::YearRef::*;
    use super::super::tests::{month, read, year};
    use super::*;

    #[test]
    fn two_digits_end_a_year_range_only_after_a_dash() {
        assert_eq!(read("2009 to 10.5 years").unwrap(), (year(2009), None, 4));
        assert_eq!(read("2012 - 13").unwrap().1, Some(year(2013)));
    }

    #[test]
    fn a_slash_joins_a_year_to_the_next() {
        assert_eq!(read("2023/24 season").unwrap(), (year(2023), Some(year(2024)), 7));
        assert_eq!(read("2023/2024").unwrap().1, Some(year(2024)));
        assert_eq!(read("FY2023/24").unwrap().1, Some(year(2024)));
        assert_eq!(read("2023/2025").unwrap(), (year(2023), None, 4));
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
}
