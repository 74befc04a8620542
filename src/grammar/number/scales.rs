//! Scale words (`million`, `bn`, `lakh crore`) and the exact arithmetic of a scale.

use nom::{IResult, Parser};
use rust_decimal::Decimal;

use super::tag_ci;
use crate::grammar::{is_word_char, sp, with_lower};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::number::digits::parse_decimal;
    use crate::grammar::number::tests::dec;

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
