//! Ranges, pairs and lists of days: `March 3-5`, `1-3 March`, `20 and 21 March`, `June 30
//! and July 1`, `between 3 and 10 April`, `July 16 and 17`, `on May 4, 11 and 18`.

use nom::{IResult, Parser, branch::alt, character::complete::char, combinator::opt};

#[cfg(test)]
use super::atoms::read_month;
use super::atoms::{Month, day, ends_phrase, month_name, range_joiner, year_after};
use super::months::{day_month, month_day, weekday_date};
use super::{DateExpr, YearRef};
use crate::grammar::{fail, keyword, sp, sp0};

/// day_range: (weekday_date | month_day) range_joiner (month_day | day [year_after]).
pub(super) fn day_range(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let (r, start) = alt((weekday_date, month_day)).parse(i)?;
    day_range_from(i, r, start)
}

/// day_range after its start `start` (read at `i`), at `r`.
pub(super) fn day_range_from<'a>(i: &'a str, r: &'a str, start: DateExpr) -> IResult<&'a str, (DateExpr, DateExpr)> {
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

/// day_month_range: (day_month | day) range_joiner day_month — `1-3 March 2025`, `10 to 14
/// November`, `28 February to 3 March 2025`: a start without a month takes the end's, and
/// a year written only at the end belongs to both.
pub(super) fn day_month_range(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
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
pub(super) fn day_first_pair(i: &str) -> IResult<&str, (DateExpr, Option<DateExpr>)> {
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
pub(super) fn days_across_months(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
    let and = |i| (sp, keyword("and"), sp).parse(i);
    let (r, (start, _, end)) = alt(((month_day, and, month_day), (day_month, and, day_month))).parse(i)?;
    join_days_across(i, r, start, end)
}

/// days_across_months after its first day `start`, a `month_day` read at `i`, at `r`.
pub(super) fn days_across_from<'a>(i: &'a str, r: &'a str, start: DateExpr) -> IResult<&'a str, (DateExpr, DateExpr)> {
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
pub(super) fn between_days(i: &str) -> IResult<&str, (DateExpr, DateExpr)> {
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

/// day_pair: month_name sp day sp "and" sp day [year_after], the second day ending the phrase
/// — `July 16 and 17`. Consecutive days are one range; other pairs are two dates: the first
/// is read here (with a year written after the second), the second by `listed_day`.
#[cfg(test)] // `at_month_or_weekday` reads its month once: `day_pair_after`
pub(super) fn day_pair(i: &str) -> IResult<&str, (DateExpr, Option<DateExpr>)> {
    let (_, m) = read_month(i)?;
    day_pair_after(i, m)
}

/// day_pair after its month `m`, read at `i`.
pub(super) fn day_pair_after<'a>(i: &'a str, m: Month<'a>) -> IResult<&'a str, (DateExpr, Option<DateExpr>)> {
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

/// listed_day: day [year_after], after `month_name sp day` and more days joined by `,`,
/// `and` or `or` — the later days of a list in one month (`on July 3 and 9`, `on May 4, 11
/// and 18`), in the month named before the first. A day after a comma must be followed by
/// another (`on May 4, 20 of them` is no list); the last, after `and`/`or`, ends the phrase.
pub(super) fn listed_day(before: &str, rest: &str) -> Option<(usize, DateExpr)> {
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

#[cfg(test)]
mod tests {
    use super::super::YearRef::*;
    use super::super::tests::{day, read, read_after};
    use super::*;

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
}
