//! Ordinals in digits and words: `51st`, `ninth`, `twenty-first`, `hundredth`.

use nom::{IResult, Parser, branch::alt, bytes::complete::take_while1, character::complete::char, sequence::preceded};
use rust_decimal::Decimal;

use super::digits::parse_decimal;
use super::spelled::tens_value;
use super::{Numeral, is_digit, tag_ci, word_from};
use crate::grammar::is_word_char;

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
    use crate::grammar::number::tests::dec;

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
}
