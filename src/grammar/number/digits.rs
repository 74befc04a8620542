//! Numbers in digits: `83`, `20,000`, `1,234.5`, `19 000`, `16,8 million`, and with a
//! fraction (`1-1/2`, `2½`).

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::take_while1,
    character::complete::char,
    combinator::{opt, recognize},
    multi::fold_many_m_n,
    sequence::preceded,
};
use rust_decimal::Decimal;

use super::scales::scale_word;
use super::{Numeral, is_digit};

/// digit{1,3} ("," digit{3}){1,9} : `20,000`, `1,200,000`. Ten groups pass Decimal's 28
/// digits, so a longer run is refused after nine groups instead of being read to its end
/// (reading it whole at every group of a long `1,000,000,...` run was quadratic).
fn grouped_integer(i: &str) -> IResult<&str, &str> {
    let group = || preceded(char(','), take_while_m_n_digits(3, 3));
    // Folded, not collected: `many_m_n` would allocate a Vec at every number read.
    let groups = fold_many_m_n(1, 9, group(), || (), |(), _| ());
    let (rest, int) = recognize((take_while_m_n_digits(1, 3), groups)).parse(i)?;
    if group().parse(rest).is_ok() {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit)));
    }
    Ok((rest, int))
}

fn take_while_m_n_digits(m: usize, n: usize) -> impl Fn(&str) -> IResult<&str, &str> {
    move |i: &str| nom::bytes::complete::take_while_m_n(m, n, is_digit)(i)
}

/// The digits after a decimal point; the point must be followed by a digit,
/// so a sentence-final `4.` leaves its full stop alone.
fn fraction(i: &str) -> IResult<&str, &str> {
    preceded(char('.'), take_while1(is_digit)).parse(i)
}

/// `83`, `12.2`: digits with at most one fraction and no comma after them, read straight
/// into a Decimal (as `from_str_exact` would: the same digits and scale); with a comma,
/// `grouped_digits`. `None` for anything else (more than 18 digits), which
/// `digits_number` reads in full.
#[inline(always)] // in `digits_number` and `digits_before_a_space`, each its fast path
fn plain_digits(i: &str) -> Option<(&str, Numeral)> {
    let b = i.as_bytes();
    // The digits are counted and their value taken in one pass (the value is kept only
    // for 18 digits or fewer, which an i64 holds).
    let (int, int_value) = digits_value(b, 0);
    let after_int = b.get(int).copied();
    if int == 0 {
        return None;
    }
    if after_int == Some(b',') {
        return grouped_digits(i, int);
    }
    let (frac_digits, value) = match after_int {
        Some(b'.') => digits_value(b.get(int + 1..)?, int_value),
        _ => (0, int_value),
    };
    if int + frac_digits > 18 {
        return None;
    }
    let end = if frac_digits > 0 { int + 1 + frac_digits } else { int };
    digits_numeral(i, end, i64::try_from(value).ok()?, frac_digits, false)
}

/// The number of digits that ends at `end` of `i`, read as `mantissa` with `frac_digits`
/// after its point, and the text after it.
fn digits_numeral(i: &str, end: usize, mantissa: i64, frac_digits: usize, grouped: bool) -> Option<(&str, Numeral)> {
    let fraction_digits = u32::try_from(frac_digits).ok()?;
    Some((
        i.get(end..)?,
        Numeral {
            value: Decimal::new(mantissa, fraction_digits),
            fraction_digits,
            spelled: false,
            grouped,
        },
    ))
}

/// The ASCII digits `b` starts with: how many, and `before` followed by them as one
/// number (wrapping: meaningful for 18 digits in all or fewer).
fn digits_value(b: &[u8], before: u64) -> (usize, u64) {
    let mut value = before;
    let mut n = 0;
    while let Some(d) = b.get(n).map(|c| c.wrapping_sub(b'0')).filter(|d| *d < 10) {
        value = value.wrapping_mul(10).wrapping_add(u64::from(d));
        n += 1;
    }
    (n, value)
}

/// `20,000`, `1,234.5`: `lead` digits (one to three) and groups of a comma and three
/// digits, with at most one fraction, read straight into a Decimal as `grouped_integer`
/// and `fraction` read them. `None` where the full parse decides otherwise or may refuse
/// (no group, a tenth group, a group run into a digit: `1,2345`; more than 18 digits).
/// ```text
/// grouped_digits = digit{1,3} ("," digit{3}){1,9} ["." digit+]    (no digit after the groups)
/// ```
fn grouped_digits(i: &str, lead: usize) -> Option<(&str, Numeral)> {
    let b = i.as_bytes();
    if lead > 3 {
        return None;
    }
    let group_at =
        |at: usize| b.get(at) == Some(&b',') && b.get(at + 1..at + 4).is_some_and(|g| g.iter().all(u8::is_ascii_digit));
    let (mut end, mut groups) = (lead, 0);
    while group_at(end) {
        if groups == 9 {
            return None;
        }
        groups += 1;
        end += 4;
    }
    if groups == 0 || b.get(end).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    let frac_digits = match b.get(end) {
        Some(b'.') => b.get(end + 1..)?.iter().take_while(|c| c.is_ascii_digit()).count(),
        _ => 0,
    };
    if lead + 3 * groups + frac_digits > 18 {
        return None;
    }
    let stop = if frac_digits > 0 { end + 1 + frac_digits } else { end };
    let mantissa = b
        .get(..stop)?
        .iter()
        .filter(|c| c.is_ascii_digit())
        .fold(0i64, |m, c| m * 10 + i64::from(c - b'0'));
    digits_numeral(i, stop, mantissa, frac_digits, true)
}

/// digits_number: `83`, `20,000`, `12.2`, `1,234.5`; as other countries write them,
/// thousands set off by spaces (`19 000`, `1 250 000`) and a decimal comma before a scale
/// word or a percent sign (`16,8 million`, `3,5%`).
pub fn digits_number(i: &str) -> IResult<&str, Numeral> {
    // Every form starts with a digit: at a word (most spelled numbers are read after this
    // fails), no alternative is tried. The error is the one `full_digits_number` gives.
    if !i.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return Err(nom::Err::Error(nom::error::Error::new(
            i,
            nom::error::ErrorKind::TakeWhile1,
        )));
    }
    let (rest, n) = match plain_digits(i) {
        Some(read) => read,
        None => full_digits_number(i)?,
    };
    if n.grouped || n.fraction_digits > 0 {
        return Ok((rest, n));
    }
    let int = &i[..i.len() - rest.len()];
    if let Some(read) = space_groups(int, rest).or_else(|| decimal_comma(int, rest)) {
        return Ok(read);
    }
    Ok((rest, n))
}

/// `digits_number` of digits with a space and no digit after them (`886 units`): no group
/// of thousands or decimal comma can follow, so the plain digits are the whole number.
pub fn digits_before_a_space(i: &str) -> IResult<&str, Numeral> {
    match plain_digits(i) {
        Some((rest, n)) if matches!(rest.as_bytes(), [b' ', c, ..] if !c.is_ascii_digit()) => Ok((rest, n)),
        _ => digits_number(i),
    }
}

/// The spaces that set off groups of thousands: a space, NBSP, a thin or narrow space.
const GROUP_SPACES: [char; 4] = [' ', '\u{a0}', '\u{2009}', '\u{202f}'];

/// `19 000`, `1 250 000`: one to three digits, then groups of three set off by one kind of
/// space, the last not run into a digit, a letter, or a further decimal or group.
fn space_groups<'a>(int: &str, rest: &'a str) -> Option<(&'a str, Numeral)> {
    let sep = rest.chars().next().filter(|c| GROUP_SPACES.contains(c))?;
    if int.len() > 3 {
        return None;
    }
    // Built by arithmetic, not in a String: a failed candidate must not allocate. The
    // leading digits are parsed once a group follows them (most numbers have none).
    let thousand = Decimal::from(1000u32);
    let mut value = None;
    let mut at = rest;
    for _ in 0..6 {
        let Some(g) = at.strip_prefix(sep) else { break };
        let Some(three) = g.get(..3).filter(|d| d.bytes().all(|b| b.is_ascii_digit())) else {
            break;
        };
        let after = &g[3..];
        // Run into a word (`5 000th`, `10 100-metre`) or a further number: no groups.
        let joined = after.starts_with(['-', '/', ':']) && after[1..].starts_with(|c: char| c.is_alphanumeric());
        if after.starts_with(|c: char| c.is_ascii_alphanumeric())
            || joined
            || after.starts_with([',', '.']) && after[1..].starts_with(is_digit)
        {
            return None;
        }
        let before = match value {
            Some(v) => v,
            None => parse_decimal(int)?,
        };
        value = Some(before.checked_mul(thousand)?.checked_add(parse_decimal(three)?)?);
        at = after;
    }
    Some((
        at,
        Numeral {
            value: value?,
            fraction_digits: 0,
            spelled: false,
            grouped: true,
        },
    ))
}

/// `16,8 million`, `3,5%`: a comma and one or two digits before a scale word or a percent
/// sign is a decimal comma (a group of thousands has three digits; `12,13` is a list).
fn decimal_comma<'a>(int: &str, rest: &'a str) -> Option<(&'a str, Numeral)> {
    let frac = rest.strip_prefix(',')?;
    let n = frac.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&n) {
        return None;
    }
    let after = &frac[n..];
    let marked = after.starts_with('%')
        || after
            .strip_prefix(|c: char| c == ' ' || c == '\u{a0}')
            .is_some_and(|w| scale_word(w, false).is_ok());
    if !marked {
        return None;
    }
    let value = parse_decimal(&format!("{int}.{}", &frac[..n]))?;
    Some((
        after,
        Numeral {
            value,
            fraction_digits: n as u32,
            spelled: false,
            grouped: false,
        },
    ))
}

/// digits_number in full, through the grammar (commas, long runs).
fn full_digits_number(i: &str) -> IResult<&str, Numeral> {
    let (rest, (int, frac)) = (alt((grouped_integer, take_while1(is_digit))), opt(fraction)).parse(i)?;
    // A group that continues with more digits (`1,2345`) is not a grouped number; a short
    // integer still followed by a group is a run too long for a Decimal, not `1`.
    let group_follows = |r: &str| {
        r.strip_prefix(',')
            .is_some_and(|g| g.len() >= 3 && g.bytes().take(3).all(|b| b.is_ascii_digit()))
    };
    if rest.starts_with(is_digit) || (frac.is_none() && int.len() <= 3 && group_follows(rest)) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit)));
    }
    let grouped = int.contains(',');
    let fraction_digits = frac.map_or(0, |f| f.len() as u32);
    // The numeral as read (`12.2`), or without its commas, copied on the stack.
    let read = &i[..i.len() - rest.len()];
    let mut buf = [0u8; 64];
    let value = if !grouped {
        parse_decimal(read)
    } else if read.len() <= buf.len() {
        let mut n = 0;
        for (slot, b) in buf.iter_mut().zip(read.bytes().filter(|b| *b != b',')) {
            *slot = b;
            n += 1;
        }
        buf.get(..n)
            .and_then(|d| std::str::from_utf8(d).ok())
            .and_then(parse_decimal)
    } else {
        parse_decimal(&read.replace(',', ""))
    }
    .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit)))?;
    Ok((
        rest,
        Numeral {
            value,
            fraction_digits,
            spelled: false,
            grouped,
        },
    ))
}

/// Exact decimal from plain digits; `None` past Decimal's 28 digits.
pub(super) fn parse_decimal(digits: &str) -> Option<Decimal> {
    Decimal::from_str_exact(digits).ok()
}

/// A vulgar fraction character and its value in hundredths (all are exact decimals).
fn vulgar_fraction(c: char) -> Option<i64> {
    Some(match c {
        '½' => 50,
        '¼' => 25,
        '¾' => 75,
        '⅕' => 20,
        '⅖' => 40,
        '⅗' => 60,
        '⅘' => 80,
        '⅛' => 125, // thousandths: see `vulgar_value`
        '⅜' => 375,
        '⅝' => 625,
        '⅞' => 875,
        _ => return None,
    })
}

/// The value of a vulgar fraction character: `½` -> 0.5, `⅛` -> 0.125.
fn vulgar_value(c: char) -> Option<Decimal> {
    let n = vulgar_fraction(c)?;
    Some(if matches!(c, '⅛' | '⅜' | '⅝' | '⅞') {
        Decimal::new(n, 3)
    } else {
        Decimal::new(n, 2)
    })
}

/// simple_fraction: digit{1,2} "/" digit{1,2}, a proper fraction whose decimal ends
/// (`1/4`, `3/8`, `1/2`; not `1/3`, nor a date `1/4/2025`, nor `24/7`).
fn simple_fraction(i: &str) -> IResult<&str, Decimal> {
    let err = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit));
    let (r, (num, _, den)) = (take_while_m_n_digits(1, 2), char('/'), take_while_m_n_digits(1, 2)).parse(i)?;
    if r.starts_with(|c: char| c.is_ascii_digit() || c == '/') {
        return Err(err());
    }
    let (num, den): (u32, u32) = (num.parse().map_err(|_| err())?, den.parse().map_err(|_| err())?);
    // A decimal ends only when the denominator has no prime factor but 2 and 5.
    let mut d = den;
    for p in [2, 5] {
        while d > 1 && d % p == 0 {
            d /= p;
        }
    }
    if num == 0 || num >= den || d != 1 {
        return Err(err());
    }
    let value = Decimal::from(num).checked_div(Decimal::from(den)).ok_or_else(err)?;
    Ok((r, value.normalize()))
}

/// fraction_number: digits ("-" | "‑" | sp) simple_fraction | digits vulgar | simple_fraction
/// | vulgar. `1-1/2` -> 1.5 (also with the non-breaking hyphen U+2011), `2½` -> 2.5,
/// `1/4` -> 0.25. A number written with a fraction: no `Numeral` of plain digits.
pub fn fraction_number(i: &str) -> IResult<&str, Decimal> {
    let err = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit));
    let vulgar = |r: &str| -> Option<(usize, Decimal)> {
        let c = r.chars().next()?;
        vulgar_value(c).map(|v| (c.len_utf8(), v))
    };
    if let Some((n, v)) = vulgar(i) {
        return Ok((&i[n..], v));
    }
    if let Ok(ok) = simple_fraction(i) {
        return Ok(ok);
    }
    // The whole number is parsed once a fraction is found after it (most numbers have none).
    let (r, digits) = take_while1(is_digit)(i)?;
    let whole = || parse_decimal(digits).ok_or_else(err);
    if let Some((n, v)) = vulgar(r) {
        return Ok((&r[n..], whole()? + v));
    }
    let joined = r
        .strip_prefix(['-', '\u{2011}', '\u{2010}', ' '])
        .filter(|j| j.starts_with(|c: char| c.is_ascii_digit()));
    let (r, f) = simple_fraction(joined.ok_or_else(err)?)?;
    Ok((r, whole()? + f))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::number::tests::dec;

    #[test]
    fn digits_numbers_refuse_what_starts_with_no_digit_as_the_full_parse_does() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" .5 ,000 -3 \u{2212}4 \u{bd} \u{ff15} x1 \u{a0}19 000");
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            if !i.starts_with(|c: char| c.is_ascii_digit()) {
                assert_eq!(digits_number(i), full_digits_number(i), "{at}");
            }
        }
    }

    #[test]
    fn digits_before_a_space_read_what_digits_number_reads() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" 19 000 5 x 3,5 million 1,234 firms 2.5 t 12  7 3 \u{a0}4 8 ,5 9 .5 6 - 1");
        let mut read = 0;
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            let fast = digits_before_a_space(i);
            assert_eq!(fast, digits_number(i), "{at}");
            read += usize::from(fast.is_ok());
        }
        assert!(read > 1_000, "fixtures not found: {read}");
    }

    #[test]
    fn plain_digits_read_what_the_full_parse_reads() {
        let mut texts: Vec<String> = [
            "83",
            "83 items",
            "12.2 percent",
            "0.0",
            "007",
            "4.",
            "4.x",
            "1.5.3",
            "12,000",
            "1,2345",
            "123456789012345678",
            "1234567890123456789",
            "12345678901234567.8",
            "9.87654321012345678",
            "3.14)",
            "2026,",
            "0.50%",
            "5％",
            "1.0e3",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every digit string of up to 4 characters over `0 1 9 . ,`, with a tail.
        let alphabet = ['0', '1', '9', '.', ','];
        let mut layer = vec![String::new()];
        for _ in 0..4 {
            layer = layer
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            texts.extend(layer.iter().map(|s| format!("{s} x")));
        }
        let mut fast = 0;
        for t in &texts {
            let full = full_digits_number(t).ok();
            let Some((rest, n)) = plain_digits(t) else { continue };
            fast += 1;
            let (full_rest, full_n) = full.unwrap_or_else(|| panic!("{t:?}: the full parse refuses it"));
            assert_eq!((rest, n), (full_rest, full_n), "{t:?}");
            assert_eq!(
                (n.value.mantissa(), n.value.scale()),
                (full_n.value.mantissa(), full_n.value.scale()),
                "{t:?}"
            );
        }
        assert!(fast > 200, "{fast}");
    }

    #[test]
    fn grouped_digits_read_what_the_full_parse_reads() {
        // Every string of up to 8 characters over `0 1 9 . ,` that starts with a digit,
        // with a tail; and every position of the fixtures.
        let alphabet = ['0', '1', '9', '.', ','];
        let mut texts = vec![
            "1,234,567,890,123,456,789,012,345,678 x".to_string(),
            "123,456,789,012,345,678.9 x".to_string(),
        ];
        let mut layer: Vec<String> = ["0", "1", "9"].iter().map(|s| s.to_string()).collect();
        for _ in 1..8 {
            layer = layer
                .iter()
                .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
                .collect();
            texts.extend(layer.iter().map(|s| format!("{s} x")));
        }
        let fixtures = crate::fixture_texts().concat();
        texts.extend(
            fixtures
                .char_indices()
                .map(|(at, _)| fixtures[at..].chars().take(40).collect::<String>()),
        );
        let mut grouped = 0;
        for t in &texts {
            let Some((rest, n)) = plain_digits(t) else { continue };
            let (full_rest, full_n) =
                full_digits_number(t).unwrap_or_else(|_| panic!("{t:?}: the full parse refuses it"));
            assert_eq!((rest, n), (full_rest, full_n), "{t:?}");
            assert_eq!(
                (n.value.mantissa(), n.value.scale()),
                (full_n.value.mantissa(), full_n.value.scale()),
                "{t:?}"
            );
            grouped += usize::from(n.grouped);
        }
        assert!(grouped > 1_000, "{grouped}");
    }

    #[test]
    fn digits_with_groups_and_fractions() {
        assert_eq!(digits_number("20,000 visitors").unwrap().1.value, dec("20000"));
        assert_eq!(digits_number("1,234.5").unwrap().1.value, dec("1234.5"));
        let (rest, n) = digits_number("12.2 percent").unwrap();
        assert_eq!((n.value, n.fraction_digits, rest), (dec("12.2"), 1, " percent"));
    }

    #[test]
    fn sentence_final_point_is_not_a_fraction() {
        let (rest, n) = digits_number("4. Next").unwrap();
        assert_eq!((n.value, rest), (dec("4"), ". Next"));
    }

    #[test]
    fn exact_decimals_never_drift() {
        assert_eq!(digits_number("0.85").unwrap().1.value.to_string(), "0.85");
    }

    #[test]
    fn group_runs_too_long_for_a_decimal_are_refused_whole() {
        let run = format!("1{}", ",000".repeat(10));
        assert!(digits_number(&run).is_err());
        assert!(digits_number(&format!("1{} units", ",000".repeat(9))).is_ok());
    }

    #[test]
    fn numbers_as_other_countries_write_them() {
        let v = |s: &str| digits_number(s).ok().map(|(r, n)| (n.value.to_string(), r.len()));
        assert_eq!(v("19 000 jobs"), Some(("19000".into(), 5)));
        assert_eq!(v("1\u{a0}250\u{a0}000 tonnes"), Some(("1250000".into(), 7)));
        assert_eq!(v("16,8 million"), Some(("16.8".into(), 8)));
        assert_eq!(v("3,5% more"), Some(("3.5".into(), 6)));
        // Not groups: a year before a number, a four-digit head, a group run on.
        assert_eq!(v("2024 250 firms"), Some(("2024".into(), 10)));
        assert_eq!(v("12 3456"), Some(("12".into(), 5)));
        assert_eq!(v("10 100-metre"), Some(("10".into(), 10)));
        assert_eq!(v("5 000th"), Some(("5".into(), 6)));
        // A list stays a list without a scale or percent after it.
        assert_eq!(v("12,13 and 14"), Some(("12".into(), 10)));
    }

    #[test]
    fn broken_groups_are_refused() {
        assert!(digits_number("1,2345").is_err());
        // `12,13` is two numbers in a list, not twelve thousand.
        let (rest, n) = digits_number("12,13").unwrap();
        assert_eq!((n.value, rest), (dec("12"), ",13"));
    }

    #[test]
    fn grouped_digits_are_read_without_commas() {
        assert_eq!(digits_number("1,234,567.25 units").unwrap().1.value, dec("1234567.25"));
        // Longer than the stack copy: read through a string, as the short ones.
        for frac in ["5".repeat(20), "5".repeat(60), "0".repeat(60)] {
            let s = format!("1,000.{frac}");
            let v = digits_number(&s).ok().map(|(_, n)| n.value);
            assert_eq!(v, parse_decimal(&s.replace(',', "")), "{s}");
        }
    }

    #[test]
    fn fractions_in_numbers() {
        let v = |s| fraction_number(s).map(|(r, d)| (d.normalize().to_string(), r)).ok();
        assert_eq!(v("1/4 percent"), Some(("0.25".into(), " percent")));
        assert_eq!(v("1-1/2 to"), Some(("1.5".into(), " to")));
        assert_eq!(v("1\u{2011}3/4 percent"), Some(("1.75".into(), " percent")));
        assert_eq!(v("2½ percent"), Some(("2.5".into(), " percent")));
        assert_eq!(v("¾"), Some(("0.75".into(), "")));
        assert_eq!(v("6 3/8"), Some(("6.375".into(), "")));
        // Not exact, not proper, a date or a ratio: no fraction.
        for no in [
            "1/3 percent",
            "5/4",
            "1/4/2025",
            "24/7",
            "0/5",
            "3 percent",
            "2-4 percent",
            "12",
        ] {
            assert_eq!(v(no), None, "{no}");
        }
    }
}
