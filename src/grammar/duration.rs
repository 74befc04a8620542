//! duration: a number with a unit of time.
//!
//! ```text
//! modifier  = "consecutive" | "straight" | "successive" | "more" | "additional" | "extra"
//!           | "business" | "working" | "calendar" | "full"
//! ```
//! Refused: no number (`a year`, `for the first time in a year`), a year-like number
//! (`the 2024 year-end`: four plain digits in 1900..=2099 are a year, not a count of time).

use nom::{IResult, Parser, branch::alt, combinator::opt};
use rust_decimal::Decimal;

use super::number::cardinal;
use super::{Ctx, Figure, Val, cues, dash, fail, keyword, sp, sp0};
use crate::model::Kind;

/// Time units as written (singular) -> their singular name.
const UNITS: [(&str, &str); 11] = [
    ("minute", "minute"),
    ("min", "minute"),
    ("hour", "hour"),
    ("hr", "hour"),
    ("day", "day"),
    ("week", "week"),
    ("month", "month"),
    ("quarter", "quarter"),
    ("year", "year"),
    ("yr", "year"),
    ("decade", "decade"),
];

/// time_unit: the written unit (singular or plural, any case) -> its singular name.
fn time_unit(i: &str) -> IResult<&str, &'static str> {
    for (word, unit) in UNITS {
        let n = word.len();
        let Some(head) = i.get(..n) else { continue };
        if !head.eq_ignore_ascii_case(word) {
            continue;
        }
        // The plural `s` (no allocation: this runs at every candidate).
        let rest = &i[n..];
        let rest = rest
            .strip_prefix(['s', 'S'])
            .filter(|r| super::at_boundary(r))
            .unwrap_or(rest);
        if super::at_boundary(rest) {
            return Ok((rest, unit));
        }
    }
    fail(i)
}

/// Whether `i` starts with a duration's lead (`the past `) and a number may follow it
/// (a digit, or a number word or article: what `cardinal` starts with): at `the`, a
/// duration starts only so. (`the previous year`, `the following.`: no duration.)
pub fn led(i: &str) -> bool {
    // Every lead word starts with `p`, `l`, `n`, `c` or `f`: after `the` and its white space
    // (`sp` and `skip_space` read the same), any other ASCII byte (`the 7th`, `the rise`)
    // leads none, and the six words are not compared.
    let next = i.get(3..).map(super::skip_space).and_then(|r| r.as_bytes().first());
    if next.is_some_and(|b| b.is_ascii() && !matches!(b | 0x20, b'p' | b'l' | b'n' | b'c' | b'f')) {
        return false;
    }
    lead_before_a_number(i)
}

/// A duration's lead with a number after it: `led` with every lead word compared (the
/// oracle of its first-byte test).
fn lead_before_a_number(i: &str) -> bool {
    lead(i).is_ok_and(|(r, ())| {
        r.as_bytes().first().is_some_and(u8::is_ascii_digit) || super::number::starts_a_number_word(r)
    })
}

/// lead: `the past`, `the last`, `the next`... kept in the text (`the past five years`).
fn lead(i: &str) -> IResult<&str, ()> {
    let words = ["past", "last", "next", "previous", "coming", "following"];
    let (r, _) = (keyword("the"), sp).parse(i)?;
    let (r, _) = words
        .iter()
        .find_map(|w| keyword(w)(r).ok())
        .map_or_else(|| fail(r), Ok)?;
    let (r, _) = sp(r)?;
    Ok((r, ()))
}

/// The words a modifier may be.
const MODIFIERS: [&str; 10] = [
    "consecutive",
    "straight",
    "successive",
    "more",
    "additional",
    "extra",
    "business",
    "working",
    "calendar",
    "full",
];

/// modifier between the number and the unit: `two consecutive months`.
fn modifier(i: &str) -> IResult<&str, ()> {
    let (r, _) = MODIFIERS
        .iter()
        .find_map(|w| keyword(w)(i).ok())
        .map_or_else(|| fail(i), Ok)?;
    let (r, _) = sp(r)?;
    Ok((r, ()))
}

/// amount: a cardinal, but not a year (`2024`) and not a bare article.
fn amount(i: &str) -> IResult<&str, Decimal> {
    let (r, c) = cardinal(false)(i)?;
    let n = c.numeral;
    let year_like = !n.spelled
        && !n.grouped
        && n.fraction_digits == 0
        && c.scale.is_none()
        && (Decimal::from(1900)..=Decimal::from(2099)).contains(&n.value);
    if year_like || n.value <= Decimal::ZERO {
        return fail(i);
    }
    Ok((r, n.value))
}

/// range_end: (sp0 dash sp0 | sp "to" sp) amount.
fn range_end(i: &str) -> IResult<&str, Decimal> {
    let joiner = alt(((sp0, dash, sp0).map(|_| ()), (sp, keyword("to"), sp).map(|_| ())));
    let (r, (_, b)) = (joiner, amount).parse(i)?;
    Ok((r, b))
}

/// duration = [lead sp] amount [range_end] sp [modifier] time_unit | amount dash time_unit.
pub fn duration(ranges: bool) -> impl Fn(&str) -> IResult<&str, (Decimal, Option<Decimal>, &'static str)> {
    move |i: &str| {
        let compound = |i| -> IResult<&str, (Decimal, Option<Decimal>, &'static str)> {
            let (r, (a, _, u)) = (amount, dash, time_unit).parse(i)?;
            Ok((r, (a, None, u)))
        };
        if let Ok(ok) = compound(i) {
            return Ok(ok);
        }
        let (r, _) = opt(lead).parse(i)?;
        let (r, a) = amount(r)?;
        let tail = |r| (sp, opt(modifier), time_unit).parse(r).map(|(r, (_, _, u))| (r, u));
        if let Ok((r2, (b, u))) = (range_end, tail).parse(r) {
            // After a change verb (`grew from 3 to 5 years`) the first is a level of its own.
            return Ok(if ranges {
                (r2, (a, Some(b), u))
            } else {
                (r, (a, None, u))
            });
        }
        let (r, u) = tail(r)?;
        Ok((r, (a, None, u)))
    }
}

/// Every unit and modifier the grammar reads after a number (for the tests).
#[cfg(test)]
pub(crate) fn written_after_numbers() -> Vec<String> {
    let units = UNITS.iter().flat_map(|(w, _)| [w.to_string(), format!("{w}s")]);
    let modified = MODIFIERS.iter().map(|m| format!("{m} years"));
    units.chain(modified).collect()
}

/// The duration figure at the candidate position.
pub fn parse(ctx: &Ctx) -> Option<Figure> {
    if !ctx.ahead().time_unit() {
        return None;
    }
    let ranges = !cues::leads_a_change(ctx.before());
    let (after, (a, b, unit)) = duration(ranges)(ctx.rest()).ok()?;
    Some(ctx.figure(Kind::Duration, after, Val::Num(a), b.map(Val::Num), unit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::Ahead;

    #[test]
    fn a_lead_turned_away_by_its_first_byte_is_no_lead() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(
            " the past five years the PAST 3 The Last two the next 5 the\u{a0}coming six the  following 2 \
             the previous ten the 7th the rise the\u{2003}past 4 the\tlast 3 the pasta the é the",
        );
        let mut led = 0;
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            assert_eq!(
                super::led(i),
                lead_before_a_number(i),
                "{:?}",
                super::super::window(i, 30)
            );
            led += usize::from(super::led(i));
        }
        assert!(led > 10, "{led}");
    }

    #[test]
    fn the_look_ahead_knows_every_time_unit() {
        for (word, _) in UNITS {
            for written in [word.to_string(), format!("{word}s"), word.to_uppercase()] {
                assert!(Ahead::of(&format!("5 {written}")).time_unit(), "{written}");
            }
        }
    }

    fn read(s: &str) -> Option<(String, Option<String>, String, String)> {
        crate::grammar::read_figure(parse, s)
    }

    #[test]
    fn numbers_with_time_units() {
        assert_eq!(read("299 days").unwrap().2, "day");
        assert_eq!(read("seven years").unwrap().0, "7");
        assert_eq!(read("24 hours a day").unwrap().3, "24 hours");
        assert_eq!(read("90 minutes").unwrap().2, "minute");
        assert_eq!(read("one year").unwrap().0, "1");
    }

    #[test]
    fn leads_modifiers_and_compounds() {
        assert_eq!(read("the past five years,").unwrap().3, "the past five years");
        assert_eq!(
            read("two consecutive months").unwrap(),
            ("2".into(), None, "month".into(), "two consecutive months".into())
        );
        assert_eq!(read("eight straight months").unwrap().2, "month");
        assert_eq!(read("five-year plan").unwrap().3, "five-year");
        assert_eq!(read("Seven-Month high").unwrap().2, "month");
        assert_eq!(read("10-year-old plant").unwrap().3, "10-year");
    }

    #[test]
    fn ranges() {
        let r = read("two to three years").unwrap();
        assert_eq!((r.0.as_str(), r.1.as_deref()), ("2", Some("3")));
        assert_eq!(read("3-5 days").unwrap().1.as_deref(), Some("5"));
        let s = "stays grew from 3 to 5 days";
        let pos = s.find('3').unwrap();
        let f = parse(&Ctx::new(s, pos, false)).unwrap();
        assert_eq!((&s[f.start..f.end], &*f.unit), ("3", "day"));
    }

    #[test]
    fn quarters_decades_and_abbreviations() {
        assert_eq!(
            read("four straight quarters").unwrap(),
            ("4".into(), None, "quarter".into(), "four straight quarters".into())
        );
        assert_eq!(read("three decades").unwrap().2, "decade");
        assert_eq!(
            read("5 yrs").unwrap(),
            ("5".into(), None, "year".into(), "5 yrs".into())
        );
        assert_eq!(read("a two-quarter slide").unwrap_or_default().3, "");
        assert_eq!(read("two-quarter slide").unwrap().2, "quarter");
    }

    #[test]
    fn not_durations() {
        assert_eq!(read("a year"), None);
        assert_eq!(read("2024 year-end"), None);
        assert_eq!(read("the past year"), None);
        assert_eq!(read("5 yearly"), None);
        assert_eq!(read("30 fuselage panels a month"), None);
    }
}
