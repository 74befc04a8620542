//! money: an amount in a currency.
//!
//! ```text
//! money          = "between" sp amount sp "and" sp amount
//!                | amount_range | amount
//! amount_range   = amount (sp0 dash sp0 | sp "to" sp) [currency_prefix sp0] amount_number [currency_suffix]
//! amount         = [sign] currency_prefix sp0 amount_number [sp currency_word]
//!                | [sign] amount_number sp currency_word
//! amount_number  = numeral [sp0 scale_word] {sp numeral sp0 scale_word}     (compound: "1 trillion 200 billion")
//!                | article sp scale_word                                     ("a trillion won")
//! sign           = "-" | "−" | "negative" sp | "minus" sp
//! ```

use nom::{
    IResult, Parser, branch::alt, bytes::complete::tag, character::complete::char, combinator::opt, sequence::preceded,
};
use rust_decimal::Decimal;

use super::number::{Numeral, article, digits_number, scale_word, scaled, spelled_number};
use super::{Ahead, Ctx, Figure, Val, at_boundary, cues, dash, fail, keyword, sp, sp0, window};
use crate::model::Kind;

/// ISO 4217 codes read before a number. Codes that are also English words in capitals
/// (`ALL`, `CUP`, `TOP`, `MOP`, `MAD`, `SOS`, `TRY`, `PEN`, `GEL`, `BAM`) are left out so
/// that `ALL 70 of us` is not Albanian money. Sorted: looked up by binary search.
const ISO_CODES: &[&str] = &[
    "AED", "AFN", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND",
    "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CVE", "CZK",
    "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES", "KGS",
    "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LYD", "MDL", "MGA", "MKD",
    "MMK", "MNT", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR",
    "PAB", "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK",
    "SGD", "SHP", "SLE", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT", "TND", "TTD", "TWD", "TZS",
    "UAH", "UGX", "USD", "UYU", "UZS", "VES", "VND", "VUV", "XAF", "XCD", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWL",
];

/// currency_prefix: `US$` | `$` | `₩` | `€` | `¥` | `£` | `RMB` | an ISO code.
/// ISO codes may be glued to the number (`USD34.6 million`).
pub fn currency_prefix(i: &str) -> IResult<&str, &'static str> {
    let symbol = alt((
        alt((tag("US$"), tag("U.S.$"))).map(|_| "USD"),
        char('$').map(|_| "USD"),
        char('₩').map(|_| "KRW"),
        char('€').map(|_| "EUR"),
        char('¥').map(|_| "JPY"),
        char('£').map(|_| "GBP"),
    ));
    alt((symbol, iso_code)).parse(i)
}

/// `word` is a code `currency_prefix` reads: an ISO 4217 code of the list, or `RMB`.
pub fn is_currency_code(word: &[u8]) -> bool {
    word == b"RMB" || std::str::from_utf8(word).is_ok_and(|w| ISO_CODES.binary_search(&w).is_ok())
}

/// An upper-case ISO 4217 code (or `RMB`), not glued to a following letter.
fn iso_code(i: &str) -> IResult<&str, &'static str> {
    // Most candidates start with a digit or a lower-case word: three capitals first.
    if !i
        .as_bytes()
        .get(..3)
        .is_some_and(|b| b.iter().all(u8::is_ascii_uppercase))
    {
        return fail(i);
    }
    let (code, rest) = i.split_at(3);
    if rest.starts_with(|c: char| c.is_alphabetic()) {
        return fail(i);
    }
    if code == "RMB" {
        return Ok((rest, "CNY"));
    }
    match ISO_CODES.binary_search(&code) {
        Ok(at) => Ok((rest, ISO_CODES[at])),
        Err(_) => fail(i),
    }
}

/// currency_word after the amount: `won`, `dollars`, `US dollars`, `euros`, `yen`, `yuan`...
pub fn currency_word(i: &str) -> IResult<&str, &'static str> {
    let us = |i| alt((keyword("US"), keyword("U.S."), keyword("USD"))).parse(i);
    alt((
        keyword("won").map(|_| "KRW"),
        (opt((us, sp)), alt((keyword("dollars"), keyword("dollar")))).map(|_| "USD"),
        alt((keyword("euros"), keyword("euro"))).map(|_| "EUR"),
        keyword("yen").map(|_| "JPY"),
        alt((keyword("yuan"), keyword("renminbi"))).map(|_| "CNY"),
        alt((keyword("pounds sterling"), keyword("sterling"))).map(|_| "GBP"),
    ))
    .parse(i)
}

/// sign: `-`, `−`, `negative`, `minus`. Returns true for a negative amount.
pub fn sign(i: &str) -> IResult<&str, bool> {
    alt((
        alt((char('-'), char('\u{2212}'))).map(|_| true),
        (alt((keyword("negative"), keyword("minus"))), sp).map(|_| true),
    ))
    .parse(i)
}

/// One numeral with the scale words after it: `1.2 trillion`, `1 trillion 200 billion`,
/// `a trillion`, `500,000`. Returns the value and the last (smallest) scale read.
pub fn amount_number(cut: bool) -> impl Fn(&str) -> IResult<&str, (Decimal, Option<Decimal>)> {
    move |i: &str| {
        let (mut rest, first) = numeral(i)?;
        let mut value = first.value;
        let mut total = Decimal::ZERO;
        let mut last: Option<Decimal> = None;
        while let Ok((r, s)) = preceded(sp0, |r| scale_word(r, cut)).parse(rest) {
            if last.is_some_and(|l| s >= l) {
                break;
            }
            // Checked: a compound of two huge parts overflows Decimal (a panic with `+=`).
            let Some(sum) = scaled(value, s).and_then(|part| total.checked_add(part)) else {
                return fail(i);
            };
            total = sum;
            last = Some(s);
            rest = r;
            // Compound: another number with a smaller scale follows ("1 trillion 200 billion").
            match (sp, digits_number, sp0, |r| scale_word(r, cut)).parse(rest) {
                Ok((_, (_, n, _, s2))) if s2 < s => {
                    let (r2, _) = (sp, digits_number).parse(rest)?;
                    value = n.value;
                    rest = r2;
                }
                _ => break,
            }
        }
        match last {
            Some(_) => Ok((rest, (total, last))),
            // A bare article or `one` is no amount without a scale word.
            None if first.spelled && first.value == Decimal::ONE => fail(i),
            None => Ok((rest, (value, None))),
        }
    }
}

/// numeral for money: digits, spelled numbers, or an article standing for one (`a trillion`).
fn numeral(i: &str) -> IResult<&str, Numeral> {
    alt((
        digits_number,
        spelled_number,
        article.map(|_| Numeral {
            value: Decimal::ONE,
            fraction_digits: 0,
            spelled: true,
            grouped: false,
        }),
    ))
    .parse(i)
}

/// A number must not run into letters (`5G`), nor end in a point that closes a cut body
/// (`EUR 1.`: the decimals were cut off).
fn amount_ok(rest: &str, cut: bool) -> bool {
    at_boundary(rest) && !(cut && rest.trim_end() == ".")
}

struct Amount {
    value: Decimal,
    currency: &'static str,
    scale: Option<Decimal>,
}

/// `[sign] currency_prefix sp0 amount_number [sp currency_word]`
fn prefixed_amount(cut: bool) -> impl Fn(&str) -> IResult<&str, Amount> {
    move |i: &str| {
        let (r, cur) = currency_prefix(i)?;
        let (r, _) = sp0(r)?;
        if !r.starts_with(|c: char| c.is_ascii_digit()) {
            return fail(i);
        }
        let (r, (value, scale)) = amount_number(cut)(r)?;
        if !amount_ok(r, cut) {
            return fail(i);
        }
        // `KRW 5 billion won`: a word that repeats the currency belongs to the amount.
        let r = match (sp, currency_word).parse(r) {
            Ok((r2, (_, c))) if c == cur => r2,
            _ => r,
        };
        Ok((
            r,
            Amount {
                value,
                currency: cur,
                scale,
            },
        ))
    }
}

/// `amount_number sp currency_word`
fn suffixed_amount(cut: bool) -> impl Fn(&str) -> IResult<&str, Amount> {
    move |i: &str| {
        let (r, (value, scale)) = amount_number(cut)(i)?;
        let (r, _) = sp(r)?;
        let (r, currency) = currency_word(r)?;
        Ok((r, Amount { value, currency, scale }))
    }
}

/// amount = [sign] (prefixed_amount | suffixed_amount)
fn amount(cut: bool) -> impl Fn(&str) -> IResult<&str, Amount> {
    move |i: &str| {
        let (i2, negative) = opt(sign).parse(i)?;
        let (rest, mut a) = alt((prefixed_amount(cut), suffixed_amount(cut))).parse(i2)?;
        if negative.unwrap_or(false) {
            a.value = -a.value;
        }
        Ok((rest, a))
    }
}

/// range_joiner: sp0 dash sp0 | sp "to" sp.
fn range_joiner(i: &str) -> IResult<&str, ()> {
    if !super::may_join(i) {
        return fail(i);
    }
    alt(((sp0, dash, sp0).map(|_| ()), (sp, keyword("to"), sp).map(|_| ()))).parse(i)
}

/// The second member of a range: `[currency_prefix] amount_number [currency_word]` in the
/// currency of the first. It must say itself that it is money — a currency or a scale
/// word — so that `KRW 1.2 trillion to 300 exporters` is no range.
fn range_end(cut: bool, currency: &'static str) -> impl Fn(&str) -> IResult<&str, Amount> {
    move |i: &str| {
        let (r, cur) = opt(currency_prefix).parse(i)?;
        if cur.is_some_and(|c| c != currency) {
            return fail(i);
        }
        let (r, _) = sp0(r)?;
        if !r.starts_with(|c: char| c.is_ascii_digit()) {
            return fail(i);
        }
        let (r, (value, scale)) = amount_number(cut)(r)?;
        if !amount_ok(r, cut) {
            return fail(i);
        }
        let (r, word) = match (sp, currency_word).parse(r) {
            Ok((r2, (_, c))) if c == currency => (r2, true),
            _ => (r, false),
        };
        if cur.is_none() && scale.is_none() && !word {
            return fail(i);
        }
        Ok((r, Amount { value, currency, scale }))
    }
}

/// A range start without a scale of its own takes the end's (`KRW 3-5 trillion`).
fn range_start(start: &Amount, end: &Amount) -> Decimal {
    match (start.scale, end.scale) {
        (None, Some(s)) => scaled(start.value, s).unwrap_or(start.value),
        _ => start.value,
    }
}

/// money = "between" sp amount sp "and" sp range_end | amount [range_joiner range_end]
/// Without `ranges`, only a single amount is read.
pub fn money(cut: bool, ranges: bool) -> impl Fn(&str) -> IResult<&str, (Decimal, Option<Decimal>, &'static str)> {
    move |i: &str| {
        if !ranges {
            return amount(cut).map(|a| (a.value, None, a.currency)).parse(i);
        }
        if let Ok((r, _)) = (keyword("between"), sp).parse(i) {
            let (r, a) = amount(cut)(r)?;
            let (r, _) = (sp, keyword("and"), sp).parse(r)?;
            let (r, b) = range_end(cut, a.currency)(r)?;
            return Ok((r, (range_start(&a, &b), Some(b.value), a.currency)));
        }
        let (r, a) = amount(cut)(i)?;
        if let Ok((r2, _)) = range_joiner(r) {
            if let Ok((r3, b)) = range_end(cut, a.currency)(r2) {
                return Ok((r3, (range_start(&a, &b), Some(b.value), a.currency)));
            }
        }
        Ok((r, (a.value, None, a.currency)))
    }
}

/// A cheap test before the parse: a currency sign, code or sign word leads, or a
/// currency word follows within a few words (`3 billion won`, `300,000 US dollars`).
fn may_be_money(rest: &str, ahead: Ahead) -> bool {
    let Some(c) = rest.chars().next() else { return false };
    if !(c.is_ascii_alphanumeric()) {
        return true; // a currency sign or a minus
    }
    let head = window(rest, 8);
    let lead_word = |w: &str| head.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w));
    if lead_word("negative") || lead_word("minus") || lead_word("between") || lead_word("US") || lead_word("U.S.") {
        return true;
    }
    if c.is_ascii_uppercase() {
        return rest
            .as_bytes()
            .get(..3)
            .is_some_and(|b| b.iter().all(u8::is_ascii_uppercase));
    }
    ahead.currency_word()
}

/// The money figure at the candidate position.
pub fn parse(ctx: &Ctx) -> Option<Figure> {
    let rest = ctx.rest();
    if !may_be_money(rest, ctx.ahead) {
        return None;
    }
    // `increased by USD 2 billion to USD 4.7 billion` is a change and a level, not a range.
    let ranges = !cues::leads_a_change(ctx.before());
    let (after, (value, end, currency)) = money(ctx.cut, ranges)(rest).ok()?;
    Some(ctx.figure(
        Kind::Money,
        after,
        Val::Num(value),
        end.map(Val::Num),
        currency.to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn iso_codes_are_sorted_for_the_binary_search() {
        assert!(ISO_CODES.is_sorted());
        assert_eq!(iso_code("KRW 5"), Ok((" 5", "KRW")));
        assert!(iso_code("Krw 5").is_err() && iso_code("KR").is_err() && iso_code("KRWX").is_err());
    }

    fn read(s: &str) -> Option<(String, Option<String>, &'static str, usize)> {
        let ctx = Ctx::new(s, 0, false);
        parse(&ctx).map(|f| {
            let num = |v: Val| match v {
                Val::Num(d) => d.normalize().to_string(),
                Val::Date(_) => unreachable!(),
            };
            let cur: &'static str = ISO_CODES.iter().find(|c| **c == f.unit).copied().unwrap_or("?");
            (num(f.value), f.value_end.map(num), cur, f.end)
        })
    }

    fn val(s: &str) -> String {
        read(s).map(|r| r.0).unwrap_or_default()
    }

    #[test]
    fn prefixed_amounts_scale_exactly() {
        assert_eq!(val("KRW 1.2 trillion"), "1200000000000");
        assert_eq!(val("$13.0 billion"), "13000000000");
        assert_eq!(val("US$4.7 billion"), "4700000000");
        assert_eq!(val("USD34.6 million"), "34600000");
        assert_eq!(val("GBP 27 million"), "27000000");
        assert_eq!(val("€40 million"), "40000000");
        assert_eq!(val("$2.1bn"), "2100000000");
        assert_eq!(val("KRW 3tn"), "3000000000000");
    }

    #[test]
    fn suffixed_amounts() {
        assert_eq!(val("3 billion won"), "3000000000");
        assert_eq!(val("a trillion won"), "1000000000000");
        assert_eq!(val("500 million yen"), "500000000");
        assert_eq!(val("300,000 US dollars"), "300000");
        assert_eq!(read("300,000 US dollars").unwrap().2, "USD");
    }

    #[test]
    fn compound_amounts_add() {
        assert_eq!(val("KRW 1 trillion 200 billion"), "1200000000000");
    }

    #[test]
    fn ranges() {
        let r = read("KRW 3-5 trillion").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("3000000000000", Some("5000000000000")));
        let r = read("$1.2 million to $23.5 million").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("1200000", Some("23500000")));
        let r = read("KRW 100 to 200 billion").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("100000000000", Some("200000000000")));
        let r = read("between $1 billion and $2 billion").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("1000000000", Some("2000000000")));
    }

    #[test]
    fn a_range_end_must_be_money_itself() {
        let r = read("KRW 1.2 trillion to 300 exporters").unwrap();
        assert_eq!((r.0.as_str(), r.1), ("1200000000000", None));
    }

    #[test]
    fn signs_are_kept() {
        assert_eq!(val("negative $71.5 million"), "-71500000");
        assert_eq!(val("-$3 million"), "-3000000");
    }

    #[test]
    fn exact_small_fractions() {
        assert_eq!(val("$0.85 billion"), "850000000");
        assert_eq!(Decimal::from_str("0.85").unwrap().to_string(), "0.85");
    }

    #[test]
    fn not_money() {
        assert_eq!(read("ALL 70 of us"), None);
        assert_eq!(read("2 pairs from $349"), None);
        assert_eq!(val("$349"), "349");
        assert_eq!(read("a new plan"), None);
        assert_eq!(read("KRWX 5"), None);
    }

    #[test]
    fn amounts_past_decimal_range_are_refused_not_a_panic() {
        // Each part fits in a Decimal; their sum does not (was an `Addition overflowed` panic).
        assert_eq!(
            read("KRW 79228162514264337 trillion 79228162514264337593 billion"),
            None
        );
    }

    #[test]
    fn cut_scale_word_is_a_stub_only_at_a_cut_end() {
        let ctx = Ctx::new("$0.2 bil", 0, true);
        let f = parse(&ctx).unwrap();
        assert_eq!(f.value, Val::Num(Decimal::from_str("200000000").unwrap()));
    }
}
