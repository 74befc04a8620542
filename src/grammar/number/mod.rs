//! Numerals: the one place where text becomes a `Decimal`.
//!
//! ```text
//! numeral      = digits_number | spelled_number
//! spelled      = unit_word | tens_word [("-" | " ") unit_word] | ["a" | spelled] "hundred" | ... "thousand"
//! ordinal_num  = digit+ ("st" | "nd" | "rd" | "th") | spelled_ordinal
//! spelled_ord  = "first" .. "nineteenth" | "twentieth" .. "ninetieth" | tens_word "-" ("first" .. "ninth") | "hundredth"
//! ```
//!
//! The forms live in their own files: numbers in digits and with fractions (`digits`),
//! in words and with `point` (`spelled`), `ordinals`, and the scale words (`scales`);
//! the cardinal, a number with its scale applied, is read here.

use nom::{IResult, Parser, branch::alt, sequence::preceded};
use rust_decimal::Decimal;

use super::{is_word_char, sp, sp0};
use crate::words::lowered;

mod digits;
mod ordinals;
mod scales;
mod spelled;

pub use digits::{digits_before_a_space, digits_number, fraction_number};
pub use ordinals::{ordinal_number, starts_spelled_ordinal};
pub use scales::{is_one, scale_exponent, scale_word, scaled};
pub use spelled::{article, spelled_decimal, spelled_number, starts_a_number_word, starts_spelled};

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

#[cfg(test)]
mod tests {
    use super::*;

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

    pub(super) fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
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
}
