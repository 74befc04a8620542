//! Dates read but refused after the parse: comparison bases (`than last year`), spans
//! (`over the last year`), months that recur (`March of each year`), and the dates of
//! bylines and datelines.

use nom::{Parser, branch::alt, character::complete::char, combinator::opt};

use super::atoms::month_full;
use super::{DateExpr, YearRef, date};
use crate::grammar::{at_boundary, dash, is_word_char, keyword, sp, sp0};
use crate::words::lowered;

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
pub(super) fn is_comparison_base(before: &str, expr: &DateExpr) -> bool {
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
pub(super) fn is_span_of_a_year(before: &str, expr: &DateExpr) -> bool {
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
pub(super) fn recurs(after: &str, expr: &DateExpr) -> bool {
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

#[cfg(test)]
mod tests {
    use super::super::tests::{read, read_after, read_in};
    use super::*;

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
    fn months_of_each_year_recur() {
        assert_eq!(read("January and February of each year"), None);
        assert_eq!(read_after("trade in ", "March every year"), None);
        assert_eq!(read("March, April or May of every year"), None);
        assert!(read("March 2020 of each year").is_some());
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
}
