//! money: an amount in a currency.
//!
//! ```text
//! amount_range   = amount (sp0 dash sp0 | sp "to" sp) [currency_prefix sp0] amount_number [sp currency_word]
//! amount_number  = numeral [sp0 scale_word] {sp numeral sp0 scale_word}     (compound: "1 trillion 200 billion")
//!                | article sp scale_word                                     ("a trillion won", "a billion dollars")
//! ```
//! A bare `$` (and `dollars` without `US`) is the run's dollar (`Ctx::dollar`, USD unless
//! the user names another: Hong Kong's releases write `$` for HK$).
//!
//! The amount grammar is here; the currencies it reads (`currency_prefix`, `currency_word`,
//! the hundredths, and the signs, codes and names they know) are in `currency.rs`.

use nom::{IResult, Parser, branch::alt, character::complete::char, combinator::opt, sequence::preceded};
use rust_decimal::Decimal;

use super::number::{Numeral, article, digits_number, scale_word, scaled, spelled_number};
use super::{Ahead, Ctx, Figure, Unit, Val, at_boundary, cues, dash, fail, keyword, sp, sp0, window};
use crate::model::Kind;

mod currency;

#[cfg(test)]
pub(crate) use currency::written_after_numbers;
pub use currency::{PREFIXED_DOLLARS, capital_currency_leads, is_currency_code, is_currency_sign};

use currency::{BARE_DOLLAR, ISO_CODES, LETTER_PREFIXES, currency_prefix, currency_word, minor_unit};

/// sign: `-`, `−`, `negative`, `minus`. Returns true for a negative amount.
pub fn sign(i: &str) -> IResult<&str, bool> {
    alt((
        alt((char('-'), char('\u{2212}'))).map(|_| true),
        (alt((keyword("negative"), keyword("minus"))), sp).map(|_| true),
    ))
    .parse(i)
}

/// short_scale: `k`, `m`, `b` glued to a number after a currency prefix (`$50m`, `£2.8b`,
/// `€1.5k`); without the currency, `50m` is a length.
fn short_scale(i: &str) -> IResult<&str, Decimal> {
    let exp = match i.as_bytes().first() {
        Some(b'k' | b'K') => 3,
        Some(b'm' | b'M') => 6,
        Some(b'b' | b'B') => 9,
        _ => return fail(i),
    };
    let r = &i[1..];
    if !at_boundary(r) {
        return fail(i);
    }
    Ok((r, Decimal::from(10u64.pow(exp))))
}

/// One numeral with the scale words after it: `1.2 trillion`, `1 trillion 200 billion`,
/// `a trillion`, `500,000`, and with `short` a glued `m` (`50m`). Returns the value and
/// the last (smallest) scale read.
pub fn amount_number(cut: bool, short: bool) -> impl Fn(&str) -> IResult<&str, (Decimal, Option<Decimal>)> {
    move |i: &str| {
        let (mut rest, first) = numeral(i)?;
        if short && !first.spelled {
            if let Ok((r, s)) = short_scale(rest) {
                let Some(v) = scaled(first.value, s) else {
                    return fail(i);
                };
                return Ok((r, (v, Some(s))));
            }
        }
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
        let (r, (value, scale)) = amount_number(cut, true)(r)?;
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

/// `amount_number sp (currency_word | minor_unit)`: `17.9 euro cents` is 0.179 EUR.
fn suffixed_amount(cut: bool) -> impl Fn(&str) -> IResult<&str, Amount> {
    move |i: &str| {
        let (r, (value, scale)) = amount_number(cut, false)(i)?;
        let (r, _) = sp(r)?;
        if let Ok((r, currency)) = minor_unit(r) {
            let Some(value) = value.checked_div(Decimal::ONE_HUNDRED) else {
                return fail(i);
            };
            return Ok((r, Amount { value, currency, scale }));
        }
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
/// currency of the first (a short scale too: `$2-3m`, the range being money). It must say itself that it is money — a currency or a scale
/// word — so that `KRW 1.2 trillion to 300 exporters` is no range.
fn range_end(cut: bool, currency: &'static str) -> impl Fn(&str) -> IResult<&str, Amount> {
    move |i: &str| {
        let (r, cur) = opt(currency_prefix).parse(i)?;
        if cur.is_some_and(|c| c != currency) {
            return fail(i);
        }
        let (r, _) = sp0(r)?;
        // Digits, or a spelled number after no sign (`two to three euros`).
        if !(r.starts_with(|c: char| c.is_ascii_digit()) || cur.is_none() && spelled_number(r).is_ok()) {
            return fail(i);
        }
        let (r, (value, scale)) = amount_number(cut, true)(r)?;
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

/// `amount_number range_joiner suffixed_amount`: the currency written once, after the end
/// (`two to three euros`, `3-5 billion won`).
fn suffixed_range(cut: bool) -> impl Fn(&str) -> IResult<&str, (Amount, Amount)> {
    move |i: &str| {
        let (r, (value, scale)) = amount_number(cut, false)(i)?;
        let (r, _) = range_joiner(r)?;
        let (r, b) = suffixed_amount(cut)(r)?;
        let a = Amount {
            value,
            currency: b.currency,
            scale,
        };
        Ok((r, (a, b)))
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
/// Without `ranges`, only a single amount is read. After a change verb (`after_verb`), an
/// amount with its own scale is the change and what follows `to` a level: `widened $0.8
/// billion to $75.1 billion` (but `rose $2 to $3 billion` shares a scale: a range).
/// (`after_verb` is asked only of an amount with its own scale, and `ranges` only where
/// a range could be read.)
pub fn money(
    cut: bool,
    ranges: impl Fn() -> bool,
    after_verb: impl Fn() -> bool,
) -> impl Fn(&str) -> IResult<&str, (Decimal, Option<Decimal>, &'static str)> {
    move |i: &str| {
        if let Ok((r, _)) = (keyword("between"), sp).parse(i) {
            if !ranges() {
                return amount(cut).map(|a| (a.value, None, a.currency)).parse(i);
            }
            let (r, a) = amount(cut)(r)?;
            let (r, _) = (sp, keyword("and"), sp).parse(r)?;
            let (r, b) = range_end(cut, a.currency)(r)?;
            return Ok((r, (range_start(&a, &b), Some(b.value), a.currency)));
        }
        // After a change verb a start with its own scale is the change (see below).
        let range = suffixed_range(cut)(i).ok();
        if let Some((r, (a, b))) = range.filter(|(_, (a, _))| !(a.scale.is_some() && after_verb())) {
            if !ranges() {
                return amount(cut).map(|a| (a.value, None, a.currency)).parse(i);
            }
            return Ok((r, (range_start(&a, &b), Some(b.value), b.currency)));
        }
        let (r, a) = amount(cut)(i)?;
        // After a change verb a start with its own scale is the change: it is asked only
        // where a joiner follows, the one place a range could be read (most amounts end).
        if let Ok((r2, _)) = range_joiner(r) {
            if !(a.scale.is_some() && after_verb()) {
                if let Some((r3, b)) = range_end(cut, a.currency)(r2).ok().filter(|_| ranges()) {
                    return Ok((r3, (range_start(&a, &b), Some(b.value), a.currency)));
                }
            }
        }
        Ok((r, (a.value, None, a.currency)))
    }
}

/// `money` as first written: the change verb asked of every amount with its own scale,
/// before the joiner is looked for.
#[cfg(test)]
fn money_verb_first(
    cut: bool,
    ranges: impl Fn() -> bool,
    after_verb: impl Fn() -> bool,
) -> impl Fn(&str) -> IResult<&str, (Decimal, Option<Decimal>, &'static str)> {
    move |i: &str| {
        if let Ok((r, _)) = (keyword("between"), sp).parse(i) {
            if !ranges() {
                return amount(cut).map(|a| (a.value, None, a.currency)).parse(i);
            }
            let (r, a) = amount(cut)(r)?;
            let (r, _) = (sp, keyword("and"), sp).parse(r)?;
            let (r, b) = range_end(cut, a.currency)(r)?;
            return Ok((r, (range_start(&a, &b), Some(b.value), a.currency)));
        }
        let range = suffixed_range(cut)(i).ok();
        if let Some((r, (a, b))) = range.filter(|(_, (a, _))| !(a.scale.is_some() && after_verb())) {
            if !ranges() {
                return amount(cut).map(|a| (a.value, None, a.currency)).parse(i);
            }
            return Ok((r, (range_start(&a, &b), Some(b.value), b.currency)));
        }
        let (r, a) = amount(cut)(i)?;
        if a.scale.is_some() && after_verb() {
            return Ok((r, (a.value, None, a.currency)));
        }
        if let Ok((r2, _)) = range_joiner(r) {
            if let Some((r3, b)) = range_end(cut, a.currency)(r2).ok().filter(|_| ranges()) {
                return Ok((r3, (range_start(&a, &b), Some(b.value), a.currency)));
            }
        }
        Ok((r, (a.value, None, a.currency)))
    }
}

/// A cheap test before the parse: a currency sign, code or sign word leads, or a
/// currency word follows within a few words (`3 billion won`, `300,000 US dollars`).
fn may_be_money(rest: &str, ahead: impl FnOnce() -> Ahead) -> bool {
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return ahead().currency_word(); // no sign, code or word leads: one must follow
    }
    may_be_money_by_every_test(rest, ahead)
}

/// `may_be_money` with every test asked, a digit's included.
fn may_be_money_by_every_test(rest: &str, ahead: impl FnOnce() -> Ahead) -> bool {
    let Some(c) = rest.chars().next() else { return false };
    if !(c.is_ascii_alphanumeric()) {
        return true; // a currency sign or a minus
    }
    let head = window(rest, 8);
    let lead_word = |w: &str| head.get(..w.len()).is_some_and(|h| h.eq_ignore_ascii_case(w));
    if lead_word("negative") || lead_word("minus") || lead_word("between") || lead_word("US") || lead_word("U.S.") {
        return true;
    }
    // `HK$`, `NT$`, `Rs`, `RM`: letters that name a currency before the amount.
    let letters = rest.bytes().take_while(u8::is_ascii_alphabetic).count();
    if rest.as_bytes().get(letters) == Some(&b'$') || LETTER_PREFIXES.iter().any(|(p, _)| head.starts_with(p)) {
        return true;
    }
    if c.is_ascii_uppercase() {
        return rest
            .as_bytes()
            .get(..3)
            .is_some_and(|b| b.iter().all(u8::is_ascii_uppercase));
    }
    ahead().currency_word()
}

/// The money figure at the candidate position.
pub fn parse(ctx: &Ctx) -> Option<Figure> {
    let rest = ctx.rest();
    if !may_be_money(rest, || ctx.ahead()) {
        return None;
    }
    // `increased by USD 2 billion to USD 4.7 billion` is a change and a level, not a range.
    let ranges = || !cues::leads_a_change(ctx.before());
    let after_verb = || cues::follows_change_verb(ctx.before());
    let (after, (value, end, currency)) = money(ctx.cut, ranges, after_verb)(rest).ok()?;
    Some(ctx.figure(
        Kind::Money,
        after,
        Val::Num(value),
        end.map(Val::Num),
        currency_unit(currency, ctx.dollar),
    ))
}

/// The unit of a money figure: its currency, with a bare dollar read as `dollar` (an ISO
/// code given for the run: one of the listed codes is kept without a copy).
fn currency_unit(currency: &'static str, dollar: &str) -> Unit {
    if currency != BARE_DOLLAR {
        return Unit::Borrowed(currency);
    }
    // The run's dollar is nearly always the default: no search.
    if dollar == super::DEFAULT_DOLLAR {
        return Unit::Borrowed(super::DEFAULT_DOLLAR);
    }
    match ISO_CODES.binary_search(&dollar) {
        Ok(at) => Unit::Borrowed(ISO_CODES[at]),
        Err(_) => Unit::Owned(dollar.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn the_change_verb_asked_only_before_a_joiner_reads_what_it_read_first() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(
            " It widened $0.8 billion to $75.1 billion, rose $2 to $3 billion, KRW 3-5 trillion, \
             USD 2 billion - 4 billion, 5 million won to 7 million won, between $3 and $5 million, \
             two to three euros, $4bn\u{2013}$6bn, EUR 1.2 million to 300 firms.",
        );
        let mut ranged = 0;
        for (at, _) in text.char_indices() {
            let rest = &text[at..];
            for cut in [false, true] {
                for (ranges, verb) in [(true, true), (true, false), (false, true), (false, false)] {
                    let new = money(cut, || ranges, || verb)(rest);
                    assert_eq!(new, money_verb_first(cut, || ranges, || verb)(rest), "at {at}");
                    ranged += usize::from(matches!(new, Ok((_, (_, Some(_), _)))));
                }
            }
        }
        assert!(ranged > 20, "{ranged}");
    }

    #[test]
    fn the_cheap_money_test_asks_the_same_at_every_position() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" 5 won 5$ 5US dollars 5RM 5Rs USD5 $5 -5 \u{20a9}5 negative 5 won Rs 5 between 3 and 5 won");
        for (at, _) in text.char_indices() {
            let rest = &text[at..];
            let ahead = Ahead::of(rest);
            assert_eq!(
                may_be_money(rest, || ahead),
                may_be_money_by_every_test(rest, || ahead),
                "{at}"
            );
        }
    }

    /// Read where it stands in a sentence: its value and any range end.
    fn read_in(before: &str, figure: &str) -> Option<(String, Option<String>)> {
        crate::grammar::read_figure_in(parse, before, figure)
    }

    #[test]
    fn the_words_before_decide_range_or_change() {
        let one = |v: &str| Some((v.to_string(), None));
        let range = |a: &str, b: &str| Some((a.to_string(), Some(b.to_string())));
        // After a change verb, an amount with its own scale is the change.
        assert_eq!(
            read_in("The gap narrowed ", "$1.2 billion to $40.5 billion"),
            one("1200000000")
        );
        assert_eq!(
            read_in("Costs rose ", "$2 to $3 billion"),
            range("2000000000", "3000000000")
        );
        assert_eq!(
            read_in("a budget of ", "$2 billion to $5 billion"),
            range("2000000000", "5000000000")
        );
        // After `by`, what follows `to` is a level.
        assert_eq!(
            read_in("Spending went up by ", "$2 billion to $5 billion"),
            one("2000000000")
        );
        assert_eq!(read_in("Spending went up by ", "$2 to $5 billion"), one("2"));
        assert_eq!(read_in("Spending went up by ", "between $2 and $5 billion"), None);
    }

    fn read(s: &str) -> Option<(String, Option<String>, &'static str, usize)> {
        let ctx = Ctx::new(s, 0, false);
        parse(&ctx).map(|f| {
            let num = |v: Val| match v {
                Val::Num(d) => d.normalize().to_string(),
                Val::Date(_) => unreachable!(),
            };
            let cur: &'static str = ISO_CODES.iter().find(|c| **c == f.unit).copied().unwrap_or("?");
            let cur = if cur == "?" { BARE_DOLLAR } else { cur };
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
    fn dollars_that_name_their_currency() {
        for (s, v, cur) in [
            ("HK$3.2 billion", "3200000000", "HKD"),
            ("S$40 million", "40000000", "SGD"),
            ("NT$1.5 trillion", "1500000000000", "TWD"),
            ("A$12 million", "12000000", "AUD"),
            ("C$7.25", "7.25", "CAD"),
            ("NZ$300,000", "300000", "NZD"),
            ("US$4.7 billion", "4700000000", "USD"),
            ("₹500 crore", "5000000000", "INR"),
            ("Rs 2.5 lakh crore", "2500000000000", "INR"),
            ("Rs. 40 lakh", "4000000", "INR"),
            ("800 crore rupees", "8000000000", "INR"),
        ] {
            let r = read(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((r.0.as_str(), r.2, r.3), (v, cur, s.len()), "{s}");
        }
        assert_eq!(read("$US5 million").unwrap().2, "USD");
        assert_eq!(read("$A 3 billion").unwrap().2, "AUD");
        assert_eq!(read("$5 million").unwrap().2, "USD");
        assert_eq!(read("XY$5"), None);
        assert_eq!(read("Rsa 5"), None);
    }

    #[test]
    fn currencies_written_as_their_countries_write_them() {
        for (s, v, cur) in [
            ("RM4.6 billion", "4600000000", "MYR"),
            ("RM 250 million", "250000000", "MYR"),
            ("Rp 12 trillion", "12000000000000", "IDR"),
            ("R$ 3.1 billion", "3100000000", "BRL"),
            ("MX$900 million", "900000000", "MXN"),
            ("₱2.5 billion", "2500000000", "PHP"),
            ("₽40 million", "40000000", "RUB"),
            ("2 billion Canadian dollars", "2000000000", "CAD"),
            ("70 million Mexican pesos", "70000000", "MXN"),
            ("5 billion Swiss francs", "5000000000", "CHF"),
            ("300 million South African rand", "300000000", "ZAR"),
            ("8.4 billion Swedish kronor", "8400000000", "SEK"),
            ("1.2 trillion Japanese yen", "1200000000000", "JPY"),
            ("60 billion ringgit", "60000000000", "MYR"),
            ("450 million baht", "450000000", "THB"),
            ("20 billion reais", "20000000000", "BRL"),
        ] {
            let r = read(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((r.0.as_str(), r.2, r.3), (v, cur, s.len()), "{s}");
        }
        // A word in capitals that only starts like a code is no currency.
        assert_eq!(read("RMS 5"), None);
        assert_eq!(read("5 real gains"), None);
    }

    #[test]
    fn a_hundredth_of_a_currency() {
        for (s, v, cur) in [
            ("17.5 euro cents", "0.175", "EUR"),
            ("9 cents", "0.09", "USD"),
            ("40 US cents", "0.4", "USD"),
            ("85 pence", "0.85", "GBP"),
        ] {
            let r = read(s).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((r.0.as_str(), r.2, r.3), (v, cur, s.len()), "{s}");
        }
    }

    #[test]
    fn short_scales_need_a_currency_sign() {
        assert_eq!(val("$50m"), "50000000");
        assert_eq!(val("£2.8b"), "2800000000");
        assert_eq!(val("€1.5k"), "1500");
        assert_eq!(val("$3M"), "3000000");
        let r = read("$20m-$30m").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("20000000", Some("30000000")));
        let r = read("$2-3m").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("2000000", Some("3000000")));
        assert_eq!(read("50m of road"), None);
        // A letter run is no scale: `$5 mix`, `$5bx`.
        assert_eq!(read("$5bx"), None);
    }

    #[test]
    fn a_bare_dollar_is_the_runs_dollar() {
        let s = "$6.5 billion and 20 dollars and US$1 and 3 US dollars";
        let units = |dollar| {
            let mut out = Vec::new();
            for at in [
                0,
                s.find("20").unwrap(),
                s.find("US$").unwrap(),
                s.find("3 US").unwrap(),
            ] {
                let ctx = Ctx::new(s, at, false).with_dollar(dollar);
                out.push(parse(&ctx).unwrap().unit);
            }
            out
        };
        assert_eq!(units("USD"), ["USD", "USD", "USD", "USD"]);
        assert_eq!(units("HKD"), ["HKD", "HKD", "USD", "USD"]);
    }

    #[test]
    fn an_article_is_the_number() {
        assert_eq!(val("a billion dollars"), "1000000000");
        assert_eq!(val("a trillion won"), "1000000000000");
        assert_eq!(read("a dollar"), None);
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
        let r = read("two to three euros").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref(), r.2), ("2", Some("3"), "EUR"));
        let r = read("five to six billion dollars").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("5000000000", Some("6000000000")));
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
