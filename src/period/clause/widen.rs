//! A date phrase read with the words around it that the date grammar leaves out: windows,
//! `the first five months of`, named quarters, month names in capitals, and dates a dash
//! joins into one span.

use super::Item;
use crate::model::Period;
use crate::words::trim_space::TrimSpace;

/// For each item, whether it is a date that a dash joins to the next into one span
/// (`April 2021-March 2022`): two dates of one precision, the second later.
pub(super) fn joined_dates(lower: &str, items: &[Item], out: &mut Vec<bool>) {
    out.clear();
    out.resize(items.len(), false);
    for (n, pair) in items.windows(2).enumerate() {
        let (Some((a, None)), Some((b, None))) = (pair[0].date, pair[1].date) else {
            continue;
        };
        let between = lower.get(pair[0].end..pair[1].start).unwrap_or("x").trim_space();
        let dash = matches!(between, "-" | "\u{2013}" | "\u{2014}");
        // `January and February as a whole`, `... combined`: one span.
        let after = lower.get(pair[1].end..).unwrap_or("").trim_start_space();
        let taken_together = between == "and"
            && ["as a whole", "combined", "together"]
                .iter()
                .any(|w| after.starts_with(w))
            && b == next_step(a);
        out[n] = (dash || taken_together) && a.precision() == b.precision() && a < b && !(n > 0 && out[n - 1]);
    }
}

/// The period right after `p` at its precision (none for a day).
fn next_step(p: Period) -> Period {
    match p {
        Period::Month { year, month: 12 } => Period::Month {
            year: year + 1,
            month: 1,
        },
        Period::Month { year, month } => Period::Month { year, month: month + 1 },
        Period::Quarter { year, quarter: 4 } => Period::Quarter {
            year: year + 1,
            quarter: 1,
        },
        Period::Quarter { year, quarter } => Period::Quarter {
            year,
            quarter: quarter + 1,
        },
        Period::Half { year, half: 2 } => Period::Half {
            year: year + 1,
            half: 1,
        },
        Period::Half { year, half } => Period::Half { year, half: half + 1 },
        Period::Year(year) => Period::Year(year + 1),
        Period::Day(d) => Period::Day(d),
    }
}

/// A date phrase read with the words before it that the date grammar leaves out:
/// windows (`the year ended October 2020`), `the first five months of 2020`, `Quarter 3
/// 2022`, `quarter 1 January to March 2015`, `MARCH 2023`.
pub(super) fn widen(before: &str, period: Period, end: Option<Period>) -> (Period, Option<Period>) {
    match (period, end) {
        (Period::Year(year), None) => year_with_words(before, year).unwrap_or((period, end)),
        (Period::Month { year, .. }, None) => match quarter_named_before(before.trim_end_space().strip_suffix(" to")) {
            Some(q) => (Period::Quarter { year, quarter: q }, None),
            None => window(before, period, end),
        },
        _ => window(before, period, end),
    }
}

/// A year read with the words right before it: `the first five months of` (months 1 to
/// 5; three are the first quarter, six the first half), `Quarter 3 (July to Sept)`, a
/// month name in any case (`MARCH`).
fn year_with_words(before: &str, year: i32) -> Option<(Period, Option<Period>)> {
    let b = before.trim_end_space();
    if let Some(head) = b.strip_suffix("months of") {
        let n = head.trim_end_space().rsplit(' ').next().and_then(count_word)?;
        let head = head
            .trim_end_space()
            .strip_suffix(head.trim_end_space().rsplit(' ').next()?)?
            .trim_end_space();
        if !head.ends_with("first") {
            return None;
        }
        return Some(match n {
            3 => (Period::Quarter { year, quarter: 1 }, None),
            6 => (Period::Half { year, half: 1 }, None),
            2..=12 => (
                Period::Month { year, month: 1 },
                Some(Period::Month { year, month: n as u32 }),
            ),
            _ => return None,
        });
    }
    if let Some(q) = quarter_named_before(Some(b)) {
        return Some((Period::Quarter { year, quarter: q }, None));
    }
    let word = b.rsplit(|c: char| !c.is_ascii_alphabetic()).next()?;
    let month = crate::grammar::date::MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(word))?;
    Some((
        Period::Month {
            year,
            month: month as u32 + 1,
        },
        None,
    ))
}

/// `quarter 3`, `quarter 3 (july to sept)`, `quarter 1 january` at the end of `before`:
/// the quarter's number.
pub(super) fn quarter_named_before(before: Option<&str>) -> Option<u32> {
    let b = before?.trim_end_space();
    // Asked before most dates: only a number, a bracket or a month word ends the phrase.
    match b.as_bytes().last()? {
        b')' | b'0'..=b'9' => {}
        c if c.is_ascii_alphabetic() => {
            let last = b.rsplit(' ').next()?;
            if !crate::grammar::date::is_month_word(last.as_bytes()) {
                return None;
            }
        }
        _ => return None,
    }
    quarter_named_at_end(b)
}

/// `quarter_named_before`, read word by word from the end of `b` (trimmed).
fn quarter_named_at_end(mut b: &str) -> Option<u32> {
    // A bracketed or plain run of month words after the number.
    if let Some(open) = b.strip_suffix(')').and_then(|h| h.rfind('(')) {
        b = b[..open].trim_end_space();
    }
    let last = b.rsplit(' ').next()?;
    if crate::grammar::date::is_month_word(last.as_bytes()) {
        b = b[..b.len() - last.len()].trim_end_space();
        // `quarter 1 january`: the grammar read `1 january` as a day; its number stays.
    }
    let mut words = b.rsplit(' ');
    let number = words.next()?;
    let q: u32 = number.parse().ok()?;
    (words.next() == Some("quarter") && (1..=4).contains(&q)).then_some(q)
}

/// A month closing a window (`the year ended October 2020`, `the three-month period
/// ending May`) becomes the months of the window.
fn window(before: &str, period: Period, end: Option<Period>) -> (Period, Option<Period>) {
    if end.is_some() {
        return (period, end);
    }
    let b = before.trim_end_space();
    if let Period::Day(day) = period {
        // `the week ending September 10`: the seven days to it.
        let week = ["week ending", "week ended"].iter().any(|w| b.ends_with(w));
        return match day.checked_sub_days(chrono::Days::new(6)) {
            Some(first) if week => (Period::Day(first), Some(period)),
            _ => (period, end),
        };
    }
    let Period::Month { year, month } = period else {
        return (period, end);
    };
    let Some(head) = ["ended", "ending"]
        .iter()
        .find_map(|w| b.strip_suffix(w))
        .map(str::trim_end)
    else {
        return (period, end);
    };
    let head = head.strip_suffix("period").map_or(head, str::trim_end);
    let months = if head.ends_with("year") {
        12
    } else {
        let head = head
            .strip_suffix("months")
            .or_else(|| head.strip_suffix("-month"))
            .or_else(|| head.strip_suffix(" month"));
        match head
            .and_then(|h| h.trim_end_space().rsplit([' ', '(']).next())
            .and_then(count_word)
        {
            Some(n) if (2..=24).contains(&n) => n,
            _ => return (period, end),
        }
    };
    let index = year * 12 + month as i32 - 1 - (months - 1);
    let start = Period::Month {
        year: index.div_euclid(12),
        month: (index.rem_euclid(12) + 1) as u32,
    };
    (start, Some(period))
}

/// A number of months written in digits or words (`three`, `12`).
pub(super) fn count_word(w: &str) -> Option<i32> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ];
    w.parse()
        .ok()
        .or_else(|| WORDS.iter().position(|x| *x == w).map(|n| n as i32 + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn a_quarter_is_read_as_word_by_word(picks in proptest::collection::vec(0..13usize, 0..7)) {
            const PIECES: [&str; 13] = [
                "quarter", " ", "3", "5", " (july to sept)", "january", "x", ")", "(", ",", "+2", "in", "sept.",
            ];
            let before: String = picks.iter().map(|&n| PIECES[n]).collect();
            let want = quarter_named_at_end(before.trim_end());
            proptest::prop_assert_eq!(quarter_named_before(Some(&before)), want, "{:?}", before);
        }
    }

    #[test]
    fn windows_close_on_their_month() {
        let may = Period::Month { year: 2020, month: 5 };
        let w = |before: &str| window(before, may, None);
        assert_eq!(
            w("in the year ended "),
            (Period::Month { year: 2019, month: 6 }, Some(may))
        );
        assert_eq!(
            w("the three-month period ending "),
            (Period::Month { year: 2020, month: 3 }, Some(may))
        );
        assert_eq!(w("in the 12 months to "), (may, None));
        let day = |d| Period::Day(chrono::NaiveDate::from_ymd_opt(2021, 9, d).unwrap());
        assert_eq!(window("in the week ending ", day(10), None), (day(4), Some(day(10))));
    }

    #[test]
    fn years_are_read_with_the_words_before_them() {
        let y = |before: &str| widen(before, Period::Year(2020), None);
        let m = |month| Period::Month { year: 2020, month };
        assert_eq!(y("for the first five months of "), (m(1), Some(m(5))));
        assert_eq!(
            y("in the first three months of "),
            (Period::Quarter { year: 2020, quarter: 1 }, None)
        );
        assert_eq!(
            y("output fell in quarter 3 "),
            (Period::Quarter { year: 2020, quarter: 3 }, None)
        );
        assert_eq!(
            y("in quarter 4 (oct to dec) "),
            (Period::Quarter { year: 2020, quarter: 4 }, None)
        );
        assert_eq!(y("the survey -- march "), (m(3), None));
        assert_eq!(y("in the last five months of "), (Period::Year(2020), None));
        assert_eq!(
            widen("in quarter 1 january to ", m(3), None),
            (Period::Quarter { year: 2020, quarter: 1 }, None)
        );
    }
}
