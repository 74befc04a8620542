//! Numbers in words: `eight`, `twenty-one`, `three hundred and five`, `three thousand`,
//! and decimals said with `point` (`four-point-one`).

use nom::{
    IResult, Parser, branch::alt, bytes::complete::take_while1, character::complete::char, combinator::opt,
    sequence::preceded,
};
use rust_decimal::Decimal;

use super::digits::parse_decimal;
use super::{Numeral, is_digit, tag_ci, word_from};
use crate::grammar::{is_word_char, sp};
use crate::words::lowered;

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
pub(super) fn tens_value(lower: &[u8]) -> Option<u32> {
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
    lowered(&mut buf, crate::grammar::leading_word(i).as_bytes()).is_some_and(|w| starts_spelled(w).is_some())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::number::tests::dec;

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
}
