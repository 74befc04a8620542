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

#[cfg(test)]
mod tests {
    use super::super::YearRef::*;
    use super::super::tests::{month, read, year};
    use super::*;

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
    fn a_period_named_after_mid_or_end() {
        assert_eq!(read("mid-2024").unwrap(), (year(2024), None, 8));
        assert_eq!(read("end-March").unwrap().0, month(Nearest, 3));
        assert_eq!(read("Early-May 2025").unwrap().0, month(Abs(2025), 5));
        assert_eq!(read("pre-2020 levels").unwrap().0, year(2020));
        assert_eq!(read("mid-size"), None);
        assert_eq!(read("midterm 2024"), None);
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
}
