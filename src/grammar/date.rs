//! date: a point or period of time, read as written; `resolve` places it on the calendar.
//!
//! ```text
//! date        = between_years | year_range | iso_date | day_range | month_range
//!             | weekday_date | month_day_date | day_month_date | month_year
//!             | rel_year_in_month | half | quarter | relative | the_nth | month_alone | year
//! weekday_date= weekday "," sp month_day_date
//! month_day   = month_name sp day [("," sp | sp) year4 | sp rel_year]      "November 18, 2025", "Nov. 18"
//! day_month   = day sp month_name ["," | sp year4]                           "18 November 2025", "28 Dec."
//! month_year  = month_name [","] sp year4 | month_name sp rel_year           "October 2025", "July last year"
//! day_range   = month_day (sp0 dash sp0 | sp ("to"|"through") sp) (month_day | day)
//! month_range = month_name sp ("to"|"through") sp month_name [sp year4]      "January to August"
//! year_range  = year4 (sp0 dash sp0 | sp ("to"|"through") sp) (year4 | digit{2}) ; "2012–13"
//! between_years = "between" sp year4 sp "and" sp year4
//! half        = ("first"|"second"|"1st"|"2nd") sp "half" [of_year] | "first six months" [of_year] | "H1"|"H2" sp year4
//! quarter     = ("first".."fourth"|"1st".."4th") sp "quarter" [of_year] | "Q" digit [sp year4]
//! of_year     = sp "of" sp (year4 | "the year" | rel_year)
//! relative    = rel_year | ("this"|"last"|"next") sp "month" | "today"
//! rel_year    = ("this"|"last"|"next") sp "year"
//! the_nth     = "the" sp day_ordinal          (not followed by a noun: "on the 24th")
//! year        = digit{4} in 1900..=2099, whole, not glued to letters or digits
//! ```

use chrono::Weekday;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n},
    character::complete::char,
    combinator::opt,
};

use super::{Ctx, Figure, Val, at_boundary, dash, fail, is_word_char, keyword, leading_word, sp, sp0};
use crate::model::Kind;

/// Which year a date belongs to, before resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    /// Written out: `2025`.
    Abs(i32),
    /// Counted from the release year: `this year` 0, `last year` -1, `next year` +1.
    Rel(i32),
    /// `of the year`, or a half or quarter without a year: the year the release is talking about.
    Context,
    /// Missing: the year that puts the date nearest the release date.
    Nearest,
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
    let (r, d) = take_while_m_n(1, 2, |c: char| c.is_ascii_digit())(i)?;
    let (r, _) = opt(ordinal_suffix).parse(r)?;
    let n: u32 = d.parse().unwrap_or(0);
    if !(1..=31).contains(&n) || !at_boundary(r) {
        return fail(i);
    }
    Ok((r, n))
}

/// year4: four digits in 1900..=2099, not glued to letters or further digits.
pub fn year4(i: &str) -> IResult<&str, i32> {
    let (r, y) = take_while_m_n(4, 4, |c: char| c.is_ascii_digit())(i)?;
    let n: i32 = y.parse().unwrap_or(0);
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

/// month_day: month_name sp day [year_after].
fn month_day(i: &str) -> IResult<&str, DateExpr> {
    let (r, (month, _, day)) = (month_name, sp, day).parse(i)?;
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

/// day_month: day sp month_name [sp year4].
fn day_month(i: &str) -> IResult<&str, DateExpr> {
    let (r, (day, _, month)) = (day, sp, month_name).parse(i)?;
    let (r, year) = opt((sp, year4).map(|(_, y)| YearRef::Abs(y))).parse(r)?;
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

/// weekday_date: weekday "," sp0 (month_day | day_month).
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

/// month_range: month_full range_joiner month_full [sp year4].
fn month_range(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let (r, (m1, _, m2)) = (month_full, range_joiner, month_full).parse(i)?;
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

/// month_year: month_full [","] sp year4 | month_full sp rel_year | month_full sp "of" sp (year4 | rel_year).
fn month_year(i: &str) -> IResult<&str, DateExpr> {
    let (r, month) = month_full(i)?;
    let (r, year) = alt((
        (opt(char(',')), sp, year4).map(|(_, _, y)| YearRef::Abs(y)),
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

/// year_range: year4 range_joiner (year4 | digit{2}) — `2026 to 2032`, `2020–2024`, `2012–13`.
fn year_range(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let (r, (y1, _)) = (year4, range_joiner).parse(i)?;
    let full = |r| year4(r);
    let short = |r| -> IResult<&str, i32> {
        let (r2, yy) = take_while_m_n(2, 2, |c: char| c.is_ascii_digit())(r)?;
        if !at_boundary(r2) {
            return fail(r);
        }
        let yy: i32 = yy.parse().unwrap_or(0);
        Ok((r2, y1 - y1 % 100 + yy))
    };
    let (r, y2) = alt((full, short)).parse(r)?;
    if y2 <= y1 {
        return fail(i);
    }
    Ok((r, (DateExpr::Year(YearRef::Abs(y1)), DateExpr::Year(YearRef::Abs(y2)))))
}

/// between_years: "between" sp year4 sp "and" sp year4 — the end is inclusive.
fn between_years(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let (r, (_, _, y1, _, _, _, y2)) = (keyword("between"), sp, year4, sp, keyword("and"), sp, year4).parse(i)?;
    if y2 <= y1 {
        return fail(i);
    }
    Ok((r, (DateExpr::Year(YearRef::Abs(y1)), DateExpr::Year(YearRef::Abs(y2)))))
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

/// half: period_ordinal sp "half" [of_year] | "first six months" [of_year] | ("H1"|"1H") [sp year4].
fn half(i: &str) -> IResult<&str, DateExpr> {
    let words = |i| -> IResult<&str, u32> {
        let (r, (n, _, _)) = (period_ordinal, sp, keyword("half")).parse(i)?;
        if n > 2 { fail(i) } else { Ok((r, n)) }
    };
    let six_months = |i| {
        alt((
            (keyword("first"), sp, keyword("six"), sp, keyword("months")).map(|_| 1),
            (
                alt((keyword("last"), keyword("second"))),
                sp,
                keyword("six"),
                sp,
                keyword("months"),
            )
                .map(|_| 2),
        ))
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
    let (r, year) = opt(of_year).parse(r)?;
    Ok((
        r,
        DateExpr::Half {
            year: year.unwrap_or(YearRef::Context),
            half: h,
        },
    ))
}

/// quarter: period_ordinal sp "quarter" [of_year] | ("Q" digit | digit "Q") [sp year4 | "'" digit{2}].
fn quarter(i: &str) -> IResult<&str, DateExpr> {
    let words = |i| -> IResult<&str, u32> {
        let (r, (n, _, _)) = (period_ordinal, sp, keyword("quarter")).parse(i)?;
        Ok((r, n))
    };
    let code = |i| -> IResult<&str, u32> {
        let (r, q) = alt((
            (char('Q'), take_while_m_n(1, 1, |c: char| ('1'..='4').contains(&c))).map(|(_, d)| d),
            (take_while_m_n(1, 1, |c: char| ('1'..='4').contains(&c)), char('Q')).map(|(d, _)| d),
        ))
        .parse(i)?;
        if !at_boundary(r) {
            return fail(i);
        }
        Ok((r, q.parse().unwrap_or(1)))
    };
    let (r, q) = alt((words, code)).parse(i)?;
    let (r, year) = opt(of_year).parse(r)?;
    Ok((
        r,
        DateExpr::Quarter {
            year: year.unwrap_or(YearRef::Context),
            quarter: q,
        },
    ))
}

/// relative: rel_year | rel_word sp "month" | "today".
fn relative(i: &str) -> IResult<&str, DateExpr> {
    alt((
        rel_year.map(|n| DateExpr::Year(YearRef::Rel(n))),
        (rel_word, sp, keyword("month")).map(|(n, _, _)| DateExpr::RelMonth(n)),
        keyword("today").map(|_| DateExpr::Today),
    ))
    .parse(i)
}

/// the_nth: "the" sp day-with-suffix, not followed by a noun (`on the 24th`, not `the 25th anniversary`).
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
    let next = leading_word(r.trim_start());
    let ends_phrase = next.is_empty()
        || [
            "of", "and", "at", "in", "to", "from", "when", "with", "for", "on", "until", "through",
        ]
        .iter()
        .any(|w| w.eq_ignore_ascii_case(next));
    if !ends_phrase {
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
        // A year, or an ISO date.
        4 => alt((
            year_range.map(|(a, b)| (a, Some(b))),
            alt((iso_date, year4_date)).map(single),
        ))
        .parse(i),
        // A day before a month, `2nd half`, `3Q`.
        1 | 2 => alt((day_month, half, quarter)).map(single).parse(i),
        _ => fail(i),
    }
}

/// The alternatives of `date` that can read at a letter, chosen by the leading word.
fn date_at_word(i: &str) -> IResult<&str, (DateExpr, Option<DateExpr>)> {
    let single = |d| (d, None);
    let range = |(a, b)| (a, Some(b));
    let w = leading_word(i);
    // Every key word below is at most 7 letters; a longer word can only be a name.
    let mut buf = [0u8; 7];
    let lower = match buf.get_mut(..w.len()) {
        Some(out) => {
            out.copy_from_slice(w.as_bytes());
            out.make_ascii_lowercase();
            &out[..]
        }
        None => &[],
    };
    match lower {
        b"between" => between_years.map(range).parse(i),
        b"this" | b"last" | b"next" => alt((rel_year_in_month, half, relative)).map(single).parse(i),
        b"first" | b"second" | b"third" | b"fourth" => alt((half, quarter)).map(single).parse(i),
        // `H1`, `Q3`: the letter alone is the word.
        b"h" => half.map(single).parse(i),
        b"q" => quarter.map(single).parse(i),
        b"today" => relative.map(single).parse(i),
        b"the" => the_nth.map(single).parse(i),
        // Month and weekday names.
        _ if capitalized(w) => {
            let range = |i| alt((day_range, month_range)).map(range).parse(i);
            let single = |i| {
                alt((weekday_date, month_day, month_year, month_alone))
                    .map(single)
                    .parse(i)
            };
            alt((range, single)).parse(i)
        }
        _ => fail(i),
    }
}

/// month_alone = month_full: a month with no day or year (`in March`).
fn month_alone(i: &str) -> IResult<&str, DateExpr> {
    month_full
        .map(|month| DateExpr::Month {
            year: YearRef::Nearest,
            month,
        })
        .parse(i)
}

/// year: a bare 4-digit year.
fn year4_date(i: &str) -> IResult<&str, DateExpr> {
    year4.map(|y| DateExpr::Year(YearRef::Abs(y))).parse(i)
}

/// The grammar as one alternation, as `date` was before it was split by first character:
/// the tests check that both read the same at every position of the fixtures.
#[cfg(test)]
fn date_unsplit(i: &str) -> IResult<&str, (DateExpr, Option<DateExpr>)> {
    let range = |i| alt((between_years, year_range, day_range, month_range)).parse(i);
    let single = |i| {
        alt((
            iso_date,
            weekday_date,
            month_day,
            day_month,
            month_year,
            rel_year_in_month,
            half,
            quarter,
            relative,
            the_nth,
            month_alone,
            year4_date,
        ))
        .parse(i)
    };
    alt((range.map(|(a, b)| (a, Some(b))), single.map(|a| (a, None)))).parse(i)
}

/// Phrases after which `last year` is a comparison base, not a date.
const COMPARISON_LEADS: [&str; 9] = [
    "same period",
    "same period of",
    "same month",
    "same month of",
    "same time",
    "than",
    "compared to",
    "compared with",
    "from",
];

fn is_comparison_base(before: &str, expr: &DateExpr) -> bool {
    if *expr != DateExpr::Year(YearRef::Rel(-1)) {
        return false;
    }
    // Only the tail can hold a lead: lowercasing the whole prefix per date was quadratic.
    let b = before.trim_end();
    let tail = (b.len().saturating_sub(40)..=b.len())
        .find(|&n| b.is_char_boundary(n))
        .unwrap_or(0);
    // At most 40 bytes, lower-cased on the stack.
    let tail = b.as_bytes().get(tail..).unwrap_or_default();
    let mut buf = [0u8; 40];
    let Some(lower) = buf.get_mut(..tail.len()) else {
        return false;
    };
    lower.copy_from_slice(tail);
    lower.make_ascii_lowercase();
    let lower = lower.strip_suffix(b" the").unwrap_or(lower);
    COMPARISON_LEADS.iter().any(|lead| lower.ends_with(lead.as_bytes()))
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
            let after = after.trim_start();
            after.starts_with(|c: char| c.is_ascii_uppercase())
                || after.starts_with("half")
                || after.starts_with("quarter")
        }
        _ => false,
    }
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
    if !may_be_date(rest) {
        return None;
    }
    let (after, (start, end)) = date(rest).ok()?;
    if is_comparison_base(ctx.before(), &start) {
        return None;
    }
    // `January 2025-2026`-style leftovers aside, a year glued to a following dash-number is an id.
    Some(ctx.figure(Kind::Date, after, Val::Date(start), end.map(Val::Date), String::new()))
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
    }

    #[test]
    fn not_dates() {
        assert_eq!(read_after("COVID-", "19"), None);
        assert_eq!(read("20,000"), None);
        assert_eq!(read("2100"), None);
        assert_eq!(read("20250"), None);
    }
}
