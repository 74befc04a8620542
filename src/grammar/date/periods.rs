//! Parts of a year: halves and quarters (`Q3 2025`, `the June quarter`), months counted from
//! a year's start or end, fiscal years, and a period named after `mid-` or `end-`.

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n},
    character::complete::char,
    combinator::opt,
};

#[cfg(test)]
use super::atoms::read_month;
use super::atoms::{Month, full_month, month_full, month_name, range_joiner, rel_year, year4};
use super::months::{month_alone, month_year};
use super::years::{year_end, year4_date};
use super::{DateExpr, YearRef};
use crate::grammar::number::{digits_number, spelled_number};
use crate::grammar::{at_boundary, dash, fail, keyword, sp, sp0};

/// month_quarter: month_full [sp year4] sp "quarter" [of_year] — `the June quarter`, `the
/// September 2024 quarter`: the quarter that ends in that month.
#[cfg(test)] // `at_month_or_weekday` reads its month once: `month_quarter_after`
pub(super) fn month_quarter(i: &str) -> IResult<&str, DateExpr> {
    let (_, m) = read_month(i)?;
    month_quarter_after(i, m)
}

/// month_quarter after its month `m`, read at `i`.
pub(super) fn month_quarter_after<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, DateExpr> {
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
pub(super) fn quarter_range(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
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
pub(super) fn half(i: &str) -> IResult<&str, DateExpr> {
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
pub(super) fn quarter(i: &str) -> IResult<&str, DateExpr> {
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

/// months_quarter: month_name range_joiner month_name sp "quarter" [of_year] — `the
/// January-March quarter`: the quarter those months make.
#[cfg(test)] // `at_month_or_weekday` reads its month once: `months_quarter_after`
pub(super) fn months_quarter(i: &str) -> IResult<&str, (DateExpr, Option<DateExpr>)> {
    let (_, m) = read_month(i)?;
    months_quarter_after(i, m)
}

/// months_quarter after its first month `m`, read at `i`.
pub(super) fn months_quarter_after<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, (DateExpr, Option<DateExpr>)> {
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
pub(super) fn fiscal_year(i: &str) -> IResult<&str, (DateExpr, Option<DateExpr>)> {
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
pub(super) fn months_of_year(i: &str) -> IResult<&str, (DateExpr, Option<DateExpr>)> {
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

/// within_period: ("mid" | "early" | "late" | "end" | "start" | "pre" | "post") dash
/// (year4 | month_year | month_full) — `mid-2024`, `end-March`: the period named after the
/// dash, as `early May` is May.
pub(super) fn within_period(i: &str) -> IResult<&str, DateExpr> {
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
