//! Numerals: the one place where text becomes a `Decimal`.
//!
//! ```text
//! numeral      = digits_number | spelled_number
//! spelled      = unit_word | tens_word [("-" | " ") unit_word] | ["a" | spelled] "hundred" | ... "thousand"
//! ordinal_num  = digit+ ("st" | "nd" | "rd" | "th") | spelled_ordinal
//! spelled_ord  = "first" .. "nineteenth" | "twentieth" .. "ninetieth" | tens_word "-" ("first" .. "ninth") | "hundredth"
//! ```

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

use super::{is_word_char, sp, sp0, with_lower};
use crate::words::lowered;

/// A numeral as written: its value and whether it was spelled out in words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numeral {
    pub value: Decimal,
    /// Digits after the decimal point (0 for whole numbers and words).
    pub fraction_digits: u32,
    pub spelled: bool,
    /// Written with thousands separators (`20,000`): never a year.
    pub grouped: bool,
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

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
pub fn parse_decimal(digits: &str) -> Option<Decimal> {
    Decimal::from_str_exact(digits).ok()
}

/// The unit words `one` .. `nineteen` (lower-cased) and their values. The word lists are
/// `match`es on bytes: a decision tree, not a walk over the list.
fn unit_value(lower: &[u8]) -> Option<u32> {
    Some(match lower {
        b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        _ => return None,
    })
}

/// The tens words `twenty` .. `ninety` (lower-cased) and their values.
fn tens_value(lower: &[u8]) -> Option<u32> {
    Some(match lower {
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"seventy" => 70,
        b"eighty" => 80,
        b"ninety" => 90,
        _ => return None,
    })
}

/// The words a spelled number can start with (lower-cased): a unit or tens word, or the
/// article of `a hundred`. Any other word is refused before the alternatives are tried.
pub fn starts_spelled(lower: &[u8]) -> Option<u32> {
    match lower {
        b"a" | b"an" => Some(1),
        _ => unit_value(lower).or_else(|| tens_value(lower)),
    }
}

/// The word `i` starts with is the first of a number in words (`spelled_number`), in any
/// case.
pub fn starts_a_number_word(i: &str) -> bool {
    let mut buf = [0u8; 16];
    lowered(&mut buf, super::leading_word(i).as_bytes()).is_some_and(|w| starts_spelled(w).is_some())
}

/// A whole word at the start of `i` that `value` knows (lower-cased), in any case.
fn word_from(value: fn(&[u8]) -> Option<u32>, i: &str) -> IResult<&str, u32> {
    let end = i.bytes().position(|b| !b.is_ascii_alphabetic()).unwrap_or(i.len());
    // Lower-cased on the stack: no number word is longer than 16 letters.
    let mut buf = [0u8; 16];
    let found = match i.as_bytes().get(..end) {
        Some(word) if end > 0 => lowered(&mut buf, word).and_then(value),
        _ => None,
    };
    match found {
        Some(n) => Ok((&i[end..], n)),
        None => Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag))),
    }
}

/// `word` in any ASCII case at the start of `i`, with no word boundary asked (nom's
/// `tag_no_case` compares char by char through Unicode lower-casing).
fn tag_ci(word: &'static str) -> impl Fn(&str) -> IResult<&str, &str> {
    move |i: &str| match i.get(..word.len()) {
        Some(head) if head.eq_ignore_ascii_case(word) => Ok((&i[word.len()..], head)),
        _ => Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag))),
    }
}

/// unit_word: `one` .. `nineteen`.
fn unit_word(i: &str) -> IResult<&str, u32> {
    word_from(unit_value, i)
}

/// tens: `twenty` .. `ninety` [("-" | " ") unit_word (1-9)].
fn tens_word(i: &str) -> IResult<&str, u32> {
    let (rest, tens) = word_from(tens_value, i)?;
    Ok(tens_after(rest, tens))
}

/// below_hundred: tens_word | unit_word.
fn below_hundred(i: &str) -> IResult<&str, u32> {
    alt((tens_word, unit_word)).parse(i)
}

/// `a` | `an` | `one`: the multiplier before `hundred`, `thousand`, `million`...
pub fn article(i: &str) -> IResult<&str, &str> {
    let (rest, w) = alt((tag_ci("an"), tag_ci("a"))).parse(i)?;
    if rest.starts_with(is_word_char) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
    }
    Ok((rest, w))
}

/// spelled_number: `eight`, `twenty-one`, `a hundred`, `three hundred and five`,
/// `three thousand`. Scale words above thousand are left to `scale_word`.
/// ```text
/// spelled_number = (hundreds | below_hundred) [sp "thousand"]
/// hundreds       = (below_hundred | article) sp "hundred" [sp ["and" sp] below_hundred]
/// ```
/// The first word is read once: it is a tens or unit word (`below_hundred`), or the article
/// of `a hundred`, or no number.
pub fn spelled_number(i: &str) -> IResult<&str, Numeral> {
    let err = || nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag));
    // ASCII letters by bytes, lower-cased on the stack: no number word has more than 16.
    let end = i.bytes().position(|b| !b.is_ascii_alphabetic()).unwrap_or(i.len());
    let mut buf = [0u8; 16];
    let lower = match i.as_bytes().get(..end) {
        Some(word) if end > 0 => lowered(&mut buf, word).unwrap_or_default(),
        _ => return Err(err()),
    };
    let after_word = &i[end..];
    let below = match (tens_value(lower), unit_value(lower)) {
        (Some(tens), _) => Some(tens_after(after_word, tens)),
        (None, Some(unit)) => Some((after_word, unit)),
        (None, None) if matches!(lower, b"a" | b"an") => None,
        (None, None) => return Err(err()),
    };
    // hundreds: the multiplier is the number read, or else the article.
    let multiplier = below.or_else(|| article(i).ok().map(|(r, _)| (r, 1)));
    let (rest, n) = match multiplier.and_then(|(r, n)| hundreds_after(r, n)) {
        Some(read) => read,
        None => below.ok_or_else(err)?,
    };
    if rest.starts_with(is_word_char) {
        return Err(err());
    }
    let thousands = |r| preceded(sp, tag_ci("thousand")).parse(r);
    let (rest, n) = match thousands(rest) {
        Ok((r, _)) if !r.starts_with(is_word_char) => (r, n * 1000),
        _ => (rest, n),
    };
    Ok((
        rest,
        Numeral {
            value: Decimal::from(n),
            fraction_digits: 0,
            spelled: true,
            grouped: false,
        },
    ))
}

/// tens_word after its tens word `tens`: [("-" | " ") unit_word (1-9)].
fn tens_after(rest: &str, tens: u32) -> (&str, u32) {
    let ones = |r| -> IResult<&str, u32> {
        let (r2, u) = preceded(alt((char('-'), char(' '))), unit_word).parse(r)?;
        if u < 10 {
            Ok((r2, u))
        } else {
            Err(nom::Err::Error(nom::error::Error::new(r, nom::error::ErrorKind::Tag)))
        }
    };
    match ones(rest) {
        Ok((r, u)) => (r, tens + u),
        Err(_) => (rest, tens),
    }
}

/// hundreds after its multiplier `n` (read up to `r`): sp "hundred" [sp ["and" sp] below_hundred].
fn hundreds_after(r: &str, n: u32) -> Option<(&str, u32)> {
    let (r, _) = (sp, tag_ci("hundred")).parse(r).ok()?;
    let and_rest = |r| preceded((sp, opt((tag_ci("and"), sp))), below_hundred).parse(r);
    Some(match and_rest(r) {
        Ok((r2, m)) => (r2, n * 100 + m),
        Err(_) => (r, n * 100),
    })
}

/// scale_word: `thousand` | `million` | `billion` | `trillion` | `mn` | `bn` | `tn` | `mln`
/// | `bln` | `trln` | `tril.` | `lakh` ["s"] | `crore` ["s"] | `lakh crore` (any case).
/// The Indian scales: a lakh is 10^5, a crore 10^7, a lakh crore 10^12.
/// `allow_stub` accepts an unambiguous cut prefix (`bil`, `tril`) at the end of a cut body.
pub fn scale_word(i: &str, allow_stub: bool) -> IResult<&str, Decimal> {
    // Every scale word and stub starts with one of these letters: most words after a
    // number (`companies` aside) are turned away before they are read.
    if !i
        .as_bytes()
        .first()
        .is_some_and(|b| matches!(b.to_ascii_lowercase(), b't' | b'l' | b'm' | b'c' | b'b'))
    {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
    }
    scale_word_by_letters(i, allow_stub)
}

/// `scale_word` without its first-letter test: the word read whole.
fn scale_word_by_letters(i: &str, allow_stub: bool) -> IResult<&str, Decimal> {
    // ASCII letters by bytes: the first other byte ends the word (or starts a character).
    let end = i.bytes().position(|b| !b.is_ascii_alphabetic()).unwrap_or(i.len());
    let word = &i[..end];
    // Every scale word has 2 to 8 letters; only a stub may have others.
    let stub_allowed = allow_stub && end == i.len();
    if word.is_empty() || !((2..=8).contains(&end) || stub_allowed) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
    }
    let mut rest = &i[end..];
    let exp = with_lower(word, |lower| {
        let exp = scale_exponent(lower.as_bytes(), rest.starts_with('.'));
        // `tril.`: an abbreviation with its full stop, which belongs to it.
        if lower == "tril" && exp.is_some() {
            rest = &rest[1..];
        }
        // `2.5 lakh crore`: a hundred thousand crore.
        if exp == Some(5) {
            if let Ok((r, _)) = (sp, tag_ci("crore")).parse(rest) {
                let r = r.strip_prefix(['s', 'S']).unwrap_or(r);
                if !r.starts_with(is_word_char) {
                    rest = r;
                    return Some(12);
                }
            }
        }
        exp.or_else(|| {
            if !(stub_allowed && lower.len() >= 2) {
                return None;
            }
            [("thousand", 3), ("million", 6), ("billion", 9), ("trillion", 12)]
                .into_iter()
                .find(|(full, _)| full.starts_with(lower))
                .map(|(_, e)| e)
        })
    });
    match exp {
        Some(e) => Ok((rest, Decimal::from(10u64.pow(e)))),
        None => Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag))),
    }
}

/// The power of ten a scale word (lower-cased letters) stands for; `tril` only with a full
/// stop after it (`stop`).
/// ```text
/// scale = "thousand" | "lakh" ["s"] | "million" | "mn" | "mln" | "crore" ["s"]
///       | "billion" | "bn" | "bln" | "trillion" | "tn" | "trln" | "tril."
/// ```
pub fn scale_exponent(lower: &[u8], stop: bool) -> Option<u32> {
    match lower {
        b"thousand" => Some(3),
        b"lakh" | b"lakhs" => Some(5),
        b"million" | b"mn" | b"mln" => Some(6),
        b"crore" | b"crores" => Some(7),
        b"billion" | b"bn" | b"bln" => Some(9),
        b"trillion" | b"tn" | b"trln" => Some(12),
        b"tril" if stop => Some(12),
        _ => None,
    }
}

/// `n == 1`, told from its mantissa and scale (`1`, `1.00`) without the scaling to a
/// common scale that comparing two Decimals does.
pub fn is_one(n: Decimal) -> bool {
    10i128.checked_pow(n.scale()) == Some(n.mantissa())
}

/// Multiplies exactly; `None` on overflow of Decimal's range.
pub fn scaled(n: Decimal, scale: Decimal) -> Option<Decimal> {
    n.checked_mul(scale)
}

/// A cardinal with its scale applied: `1.5 million` -> 1500000, `a thousand`, `two dozen`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cardinal {
    pub numeral: Numeral,
    /// The scale word (or `dozen`) that multiplied the numeral.
    pub scale: Option<Decimal>,
}

/// cardinal: (digits_number | spelled_number | article) [sp0 scale_word] [sp "dozen"].
/// A bare article is no number: `a` needs a scale word or `dozen` after it.
pub fn cardinal(cut: bool) -> impl Fn(&str) -> IResult<&str, Cardinal> {
    move |i: &str| {
        let (rest, n, from_article) = match alt((digits_number, spelled_number)).parse(i) {
            Ok((r, n)) => (r, n, false),
            Err(_) => {
                let (r, _) = article(i)?;
                let one = Numeral {
                    value: Decimal::ONE,
                    fraction_digits: 0,
                    spelled: true,
                    grouped: false,
                };
                (r, one, true)
            }
        };
        let mut out = Cardinal {
            numeral: n,
            scale: None,
        };
        let mut rest = rest;
        if let Ok((r, s)) = preceded(sp0, |r| scale_word(r, cut)).parse(rest) {
            // `3mn` glued is a scale; `3 thousand` too, but not `3million` run into more letters.
            match scaled(n.value, s) {
                Some(v) => {
                    out.numeral.value = v;
                    out.scale = Some(s);
                    rest = r;
                }
                None => {
                    return Err(nom::Err::Error(nom::error::Error::new(
                        i,
                        nom::error::ErrorKind::TooLarge,
                    )));
                }
            }
        }
        if let Ok((r, _)) = (sp, tag_ci("dozen")).parse(rest) {
            if !r.starts_with(is_word_char) {
                if let Some(v) = scaled(out.numeral.value, Decimal::from(12)) {
                    out.numeral.value = v;
                    out.scale = Some(out.scale.unwrap_or(Decimal::ONE) * Decimal::from(12));
                    rest = r;
                }
            }
        }
        if from_article && out.scale.is_none() {
            return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
        }
        Ok((rest, out))
    }
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

/// A digit as a word after `point`: `zero`/`oh` .. `nine`.
fn digit_word(i: &str) -> IResult<&str, u32> {
    let zero = |l: &[u8]| matches!(l, b"zero" | b"oh" | b"nought").then_some(0);
    alt((|i| word_from(zero, i), unit_word))
        .parse(i)
        .and_then(|(r, d)| if d < 10 { Ok((r, d)) } else { fail_tag(i) })
}

fn fail_tag<T>(i: &str) -> IResult<&str, T> {
    Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)))
}

/// spelled_decimal: (digit+ | spelled_number) ("-" | sp) "point" ("-" | sp)
/// (digit+ | digit_word {("-" | sp) digit_word}): `four-point-one` -> 4.1,
/// `89 point 9` -> 89.9, `two point five six` -> 2.56.
pub fn spelled_decimal(i: &str) -> IResult<&str, Decimal> {
    let joiner = |r| alt((tag_ci("-"), sp)).parse(r);
    // Digits are parsed once `point` is found after them (most numbers have none): `None`.
    let whole = |r| -> IResult<&str, Option<Decimal>> {
        match take_while1::<_, &str, nom::error::Error<&str>>(is_digit)(r) {
            Ok((r2, _)) => Ok((r2, None)),
            Err(_) => spelled_number(r).map(|(r2, n)| (r2, Some(n.value))),
        }
    };
    let (r, (int, _, _, _)) = (whole, joiner, tag_ci("point"), joiner).parse(i)?;
    let int = int.unwrap_or_else(|| {
        let digits = i.bytes().take_while(u8::is_ascii_digit).count();
        parse_decimal(&i[..digits]).unwrap_or_default()
    });
    let mut digits = String::new();
    let mut rest = r;
    if let Ok((r2, d)) = take_while1::<_, &str, nom::error::Error<&str>>(is_digit)(r) {
        digits.push_str(d);
        rest = r2;
    } else {
        // At most 13 digit words are read: a longer run is refused below.
        while let (true, Ok((r2, d))) = (digits.len() <= 12, digit_word(rest)) {
            digits.push(char::from_digit(d, 10).unwrap_or('0'));
            rest = r2;
            match (joiner, digit_word).parse(rest) {
                Ok(_) => rest = joiner(rest).map_or(rest, |(r3, _)| r3),
                Err(_) => break,
            }
        }
    }
    if digits.is_empty() || digits.len() > 12 || rest.starts_with(is_word_char) {
        return fail_tag(i);
    }
    let frac = parse_decimal(&format!("0.{digits}"))
        .ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit)))?;
    Ok((rest, int + frac))
}

/// The ordinal words `first` .. `nineteenth` (lower-cased) and their values.
fn ord_unit_value(lower: &[u8]) -> Option<u32> {
    Some(match lower {
        b"first" => 1,
        b"second" => 2,
        b"third" => 3,
        b"fourth" => 4,
        b"fifth" => 5,
        b"sixth" => 6,
        b"seventh" => 7,
        b"eighth" => 8,
        b"ninth" => 9,
        b"tenth" => 10,
        b"eleventh" => 11,
        b"twelfth" => 12,
        b"thirteenth" => 13,
        b"fourteenth" => 14,
        b"fifteenth" => 15,
        b"sixteenth" => 16,
        b"seventeenth" => 17,
        b"eighteenth" => 18,
        b"nineteenth" => 19,
        _ => return None,
    })
}

/// The ordinal tens `twentieth` .. `ninetieth` (lower-cased) and their values.
fn ord_tens_value(lower: &[u8]) -> Option<u32> {
    Some(match lower {
        b"twentieth" => 20,
        b"thirtieth" => 30,
        b"fortieth" => 40,
        b"fiftieth" => 50,
        b"sixtieth" => 60,
        b"seventieth" => 70,
        b"eightieth" => 80,
        b"ninetieth" => 90,
        _ => return None,
    })
}

/// The words a spelled ordinal can start with (lower-cased): an ordinal word, or the tens
/// word of `twenty-first`.
pub fn starts_spelled_ordinal(lower: &[u8]) -> bool {
    ord_unit_value(lower).is_some()
        || ord_tens_value(lower).is_some()
        || tens_value(lower).is_some()
        || lower == b"hundredth"
}

/// digit_ordinal: digit+ ("st" | "nd" | "rd" | "th"), whole: `51st`, `3rd`, `2nd`.
fn digit_ordinal(i: &str) -> IResult<&str, Numeral> {
    let (r, d) = take_while1(is_digit)(i)?;
    let (r, _) = alt((tag_ci("st"), tag_ci("nd"), tag_ci("rd"), tag_ci("th"))).parse(r)?;
    if r.starts_with(is_word_char) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
    }
    let value =
        parse_decimal(d).ok_or_else(|| nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Digit)))?;
    Ok((
        r,
        Numeral {
            value,
            fraction_digits: 0,
            spelled: false,
            grouped: false,
        },
    ))
}

/// spelled_ordinal: `second`, `ninth`, `twentieth`, `twenty-first`, `hundredth`.
fn spelled_ordinal(i: &str) -> IResult<&str, Numeral> {
    // Every form starts with an ASCII letter: at a digit, no list is walked.
    if !i.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
    }
    let compound = |i| -> IResult<&str, u32> {
        let (r, t) = word_from(tens_value, i)?;
        let (r, u) = preceded(char('-'), |r| word_from(ord_unit_value, r)).parse(r)?;
        if u >= 10 {
            return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
        }
        Ok((r, t + u))
    };
    let hundredth = |l: &[u8]| (l == b"hundredth").then_some(100);
    let (r, n) = alt((
        compound,
        |i| word_from(ord_unit_value, i),
        |i| word_from(ord_tens_value, i),
        |i| word_from(hundredth, i),
    ))
    .parse(i)?;
    Ok((
        r,
        Numeral {
            value: Decimal::from(n),
            fraction_digits: 0,
            spelled: true,
            grouped: false,
        },
    ))
}

/// ordinal_number: digit_ordinal | spelled_ordinal.
pub fn ordinal_number(i: &str) -> IResult<&str, Numeral> {
    // Digits with no `st`, `nd`, `rd` or `th` begun after them (`120 firms`, `3.5%`): no
    // ordinal, and the error `spelled_ordinal` gives at a digit, without the suffix tags.
    let b = i.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0
        && !b
            .get(digits)
            .is_some_and(|c| matches!(c.to_ascii_lowercase(), b's' | b'n' | b'r' | b't'))
    {
        return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
    }
    alt((digit_ordinal, spelled_ordinal)).parse(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `spelled_number` as it read before its first word was read once: the alternatives.
    fn spelled_number_by_alternatives(i: &str) -> IResult<&str, Numeral> {
        if !i.starts_with(|c: char| c.is_ascii_alphabetic()) || word_from(starts_spelled, i).is_err() {
            return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
        }
        let hundreds = |i| -> IResult<&str, u32> {
            let (r, n) = alt((below_hundred, article.map(|_| 1))).parse(i)?;
            let (r, _) = (sp, tag_ci("hundred")).parse(r)?;
            let and_rest = |r| preceded((sp, opt((tag_ci("and"), sp))), below_hundred).parse(r);
            match and_rest(r) {
                Ok((r2, m)) => Ok((r2, n * 100 + m)),
                Err(_) => Ok((r, n * 100)),
            }
        };
        let (rest, n) = alt((hundreds, below_hundred)).parse(i)?;
        if rest.starts_with(is_word_char) {
            return Err(nom::Err::Error(nom::error::Error::new(i, nom::error::ErrorKind::Tag)));
        }
        let thousands = |r| preceded(sp, tag_ci("thousand")).parse(r);
        let (rest, n) = match thousands(rest) {
            Ok((r, _)) if !r.starts_with(is_word_char) => (r, n * 1000),
            _ => (rest, n),
        };
        Ok((
            rest,
            Numeral {
                value: Decimal::from(n),
                fraction_digits: 0,
                spelled: true,
                grouped: false,
            },
        ))
    }

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
    fn spelled_numbers_read_once_read_what_the_alternatives_read() {
        let mut text = crate::fixture_texts().concat();
        // Invented: every shape of the grammar, and its near misses.
        text.push_str(
            " twenty-five, Ninety nine, a hundred and five, A Hundred, an hundred, two hundreds, an5 \
             one hundred thousand, Twenty Five Thousand, a thousand, three hundred and, ten thousandth \
             twenty-ten, thirty-one hundred, forty\u{a0}two, fifty- one, a  hundred, an-hundred, \
             nineteen hundred and ninety-nine, eleven hundred twelve, a hundred and twenty-one thousand \
             seventy-seven hundred, onehundred, one hundredth, ninety-ninety, TWENTY-TWO, aé, a\u{e9} two",
        );
        let mut read = 0;
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            let once = spelled_number(i);
            assert_eq!(
                once.as_ref().ok(),
                spelled_number_by_alternatives(i).as_ref().ok(),
                "{at}"
            );
            read += usize::from(once.is_ok());
        }
        assert!(read > 100, "fixtures not found: {read}");
    }

    #[test]
    fn one_is_told_as_the_comparison_tells_it() {
        let mut values: Vec<Decimal> = ["1", "1.0", "1.000", "-1", "0", "10", "0.1", "11", "1.01", "100"]
            .iter()
            .filter_map(|s| parse_decimal(s))
            .collect();
        values.extend((0..=28).map(|scale| Decimal::new(10i64.saturating_pow(scale.min(18)), scale)));
        values.extend([
            Decimal::ONE,
            Decimal::MAX,
            Decimal::MIN,
            Decimal::ZERO,
            Decimal::from(12u32),
        ]);
        let mut ones = 0;
        for v in values {
            assert_eq!(is_one(v), v == Decimal::ONE, "{v:?}");
            ones += usize::from(is_one(v));
        }
        assert!(ones >= 20, "{ones}");
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

    use std::str::FromStr;

    #[test]
    fn cardinals_apply_their_scale() {
        let v = |s| cardinal(false)(s).map(|(_, c)| c.numeral.value).ok();
        assert_eq!(v("1.5 million visitors"), Some(dec("1500000")));
        assert_eq!(v("three thousand pages"), Some(dec("3000")));
        assert_eq!(v("a million"), Some(dec("1000000")));
        assert_eq!(v("two dozen"), Some(dec("24")));
        assert_eq!(v("a total"), None);
        assert_eq!(v("one firm"), Some(dec("1")));
        assert_eq!(v("20 mentors"), Some(dec("20")));
    }

    #[test]
    fn ordinals_in_digits_and_words() {
        let v = |s| ordinal_number(s).map(|(_, n)| (n.value, n.spelled)).ok();
        assert_eq!(v("51st Trade"), Some((dec("51"), false)));
        assert_eq!(v("3rd"), Some((dec("3"), false)));
        assert_eq!(v("twenty-first round"), Some((dec("21"), true)));
        assert_eq!(v("Ninth consecutive"), Some((dec("9"), true)));
        assert_eq!(v("fortieth"), Some((dec("40"), true)));
        assert_eq!(v("5G"), None);
        assert_eq!(v("3rdparty"), None);
        assert_eq!(v("twenty-tenth"), None);
        assert_eq!(v("seconds"), None);
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
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
    fn spelled_numbers() {
        let v = |s| spelled_number(s).unwrap().1.value;
        assert_eq!(v("eight technical"), dec("8"));
        assert_eq!(v("twenty-one"), dec("21"));
        assert_eq!(v("ninety nine"), dec("99"));
        assert_eq!(v("a hundred companies"), dec("100"));
        assert_eq!(v("three thousand"), dec("3000"));
        assert_eq!(v("two hundred and five"), dec("205"));
        assert!(spelled_number("eighteenth").is_err());
        assert!(spelled_number("someone").is_err());
        // The first word decides at once; `a`/`an` only with `hundred` after them.
        assert_eq!(v("An hundred"), dec("100"));
        assert_eq!(v("A HUNDRED and one"), dec("101"));
        for no in [
            "a",
            "an",
            "and",
            "a1 hundred",
            "anything",
            "the 24th",
            "Twentyfold",
            "averyveryverylongword",
        ] {
            assert!(spelled_number(no).is_err(), "{no}");
        }
    }

    #[test]
    fn every_number_word_has_its_value() {
        let units = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen \
                     fifteen sixteen seventeen eighteen nineteen";
        for (n, w) in units.split_whitespace().enumerate() {
            assert_eq!(
                spelled_number(&w.to_uppercase()).unwrap().1.value,
                Decimal::from(n + 1),
                "{w}"
            );
        }
        for (n, w) in "twenty thirty forty fifty sixty seventy eighty ninety"
            .split(' ')
            .enumerate()
        {
            assert_eq!(spelled_number(w).unwrap().1.value, Decimal::from(n * 10 + 20), "{w}");
        }
        let ords = "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth \
                    thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth";
        for (n, w) in ords.split_whitespace().enumerate() {
            assert_eq!(ordinal_number(w).unwrap().1.value, Decimal::from(n + 1), "{w}");
        }
        let tens = "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth";
        for (n, w) in tens.split(' ').enumerate() {
            assert_eq!(ordinal_number(w).unwrap().1.value, Decimal::from(n * 10 + 20), "{w}");
        }
        assert_eq!(ordinal_number("Ninety-Ninth").unwrap().1.value, dec("99"));
        assert_eq!(ordinal_number("hundredth").unwrap().1.value, dec("100"));
        assert!(spelled_number("1 two").is_err() && spelled_number("\u{212a}").is_err());
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

    #[test]
    fn spelled_decimals() {
        let v = |s| spelled_decimal(s).map(|(_, d)| d.to_string()).ok();
        assert_eq!(v("four-point-one percent"), Some("4.1".into()));
        assert_eq!(v("89 point 9 percent"), Some("89.9".into()));
        assert_eq!(v("two point five six"), Some("2.56".into()));
        assert_eq!(v("Seven point zero"), Some("7".into()));
        assert_eq!(v("three points"), None);
        assert_eq!(v("five point of view"), None);
        assert_eq!(v("5 pointers"), None);
    }

    #[test]
    fn indian_and_abbreviated_scales() {
        let v = |s| scale_word(s, false).map(|(r, d)| (d.to_string(), r)).ok();
        assert_eq!(v("lakh people"), Some(("100000".into(), " people")));
        assert_eq!(v("crores"), Some(("10000000".into(), "")));
        assert_eq!(v("lakh crore in"), Some(("1000000000000".into(), " in")));
        assert_eq!(v("Lakh Crores"), Some(("1000000000000".into(), "")));
        assert_eq!(v("mln"), Some(("1000000".into(), "")));
        assert_eq!(v("bln"), Some(("1000000000".into(), "")));
        assert_eq!(v("trln"), Some(("1000000000000".into(), "")));
        assert_eq!(v("tril. in"), Some(("1000000000000".into(), " in")));
        assert_eq!(v("tril"), None);
        assert_eq!(v("lakhx"), None);
    }

    #[test]
    fn ordinals_after_the_suffix_test_read_what_both_forms_read() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" 1st 2ND 3rd 4Th 21st 11th 5s 6n 7r 8t 9thx 10 th 12.5 13% 14, 15 second Twenty-first 16");
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            let both: IResult<&str, Numeral> = alt((digit_ordinal, spelled_ordinal)).parse(i);
            assert_eq!(ordinal_number(i), both, "{at}");
        }
    }

    #[test]
    fn scale_words_by_first_letter_read_what_the_whole_word_reads() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" 2 Thousand 3 LAKH crores 4 lakhs 5 mn 6 Bln 7 tril. 8 trln 9 crore 1 billions 2 bn5 tn");
        text.push_str(" mé thousandé Ñ lakh crore lakh Crorex");
        for stub in ["thou", "mil", "bil", "tril", "b", "t", "Tr"] {
            text.push_str(" 5 ");
            text.push_str(stub);
        }
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            for stub in [false, true] {
                assert_eq!(scale_word(i, stub), scale_word_by_letters(i, stub), "{at}");
            }
        }
        for stub in ["thou", "mil", "bil", "tril", "b", "t", "Tr", "lak"] {
            assert_eq!(scale_word(stub, true), scale_word_by_letters(stub, true), "{stub}");
        }
    }

    #[test]
    fn scale_words_and_stubs() {
        assert_eq!(scale_word("billion won", false).unwrap().1, dec("1000000000"));
        assert_eq!(scale_word("Bn", false).unwrap().1, dec("1000000000"));
        assert!(scale_word("bil", false).is_err());
        assert_eq!(scale_word("bil", true).unwrap().1, dec("1000000000"));
        assert!(scale_word("billions", false).is_err());
    }
}
