//! The atoms of dates: month and weekday names, days, years, relative words, joiners,
//! and the end of a date's phrase.

use chrono::Weekday;
use nom::{IResult, Parser, branch::alt, bytes::complete::tag, character::complete::char};

use super::YearRef;
use crate::grammar::{at_boundary, dash, fail, keyword, leading_word, sp, sp0};

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
pub(super) fn capitalized(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_uppercase())
}

/// month_full: `November` (capitalized: `may` and `march` are verbs).
pub(super) fn month_full(i: &str) -> IResult<&str, u32> {
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
pub(super) fn month_name(i: &str) -> IResult<&str, u32> {
    alt((month_full, month_abbrev)).parse(i)
}

/// A month name read at the start of a form: the text after it, the month, and whether it
/// is written in full (the forms that name a full month read no abbreviation). Read once
/// where several forms start with it (`at_month_or_weekday`), and passed to each.
#[derive(Debug, Clone, Copy)]
pub(super) struct Month<'a> {
    pub(super) after: &'a str,
    pub(super) month: u32,
    full: bool,
}

/// month_name, as a `Month`: what `month_name` reads, and whether `month_full` reads it.
pub(super) fn read_month(i: &str) -> IResult<&str, Month<'_>> {
    let (after, month, full) = match month_full(i) {
        Ok((r, m)) => (r, m, true),
        Err(_) => month_abbrev(i).map(|(r, m)| (r, m, false))?,
    };
    Ok((after, Month { after, month, full }))
}

/// month_full, as a `Month` read already: its text after the month, or a failure.
pub(super) fn full_month<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, u32> {
    if m.full { Ok((m.after, m.month)) } else { fail(i) }
}

/// weekday: `Tuesday` (capitalized).
pub(super) fn weekday(i: &str) -> IResult<&str, Weekday> {
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
pub(super) fn ordinal_suffix(i: &str) -> IResult<&str, &str> {
    alt((tag("st"), tag("nd"), tag("rd"), tag("th"))).parse(i)
}

/// day: digit{1,2} in 1..=31 [ordinal_suffix], whole.
pub(super) fn day(i: &str) -> IResult<&str, u32> {
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
pub(super) fn year4(i: &str) -> IResult<&str, i32> {
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
pub(super) fn rel_year(i: &str) -> IResult<&str, i32> {
    let (r, n) = rel_word(i)?;
    let (r, _) = (sp, keyword("year")).parse(r)?;
    Ok((r, n))
}

/// `this` 0 | `last` -1 | `next` +1.
pub(super) fn rel_word(i: &str) -> IResult<&str, i32> {
    alt((
        keyword("this").map(|_| 0),
        keyword("last").map(|_| -1),
        keyword("next").map(|_| 1),
    ))
    .parse(i)
}

/// range_joiner: sp0 dash sp0 | sp (`to` | `through` | `until`) sp.
pub(super) fn range_joiner(i: &str) -> IResult<&str, ()> {
    if !crate::grammar::may_join(i) {
        return fail(i);
    }
    alt((
        (sp0, dash, sp0).map(|_| ()),
        (sp, alt((keyword("to"), keyword("through"), keyword("until"))), sp).map(|_| ()),
    ))
    .parse(i)
}

/// year_suffix after a month/day: (`,` sp0 | sp) year4 | sp rel_year.
pub(super) fn year_after(i: &str) -> IResult<&str, YearRef> {
    alt((
        (alt(((char(','), sp0).map(|_| ()), sp.map(|_| ()))), year4).map(|(_, y)| YearRef::Abs(y)),
        (sp, rel_year).map(|(_, n)| YearRef::Rel(n)),
    ))
    .parse(i)
}

/// The phrase ends after a date: at punctuation, the end, or a function word
/// (`on the 24th and`, `on July 3 and 9 in Seoul`), not at a noun it would count.
pub(super) fn ends_phrase(r: &str) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use nom::{bytes::complete::take_while_m_n, combinator::opt};

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
}
