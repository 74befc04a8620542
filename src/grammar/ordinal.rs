//! ordinal: a rank with what it ranks.
//!
//! ```text
//! ordinal     = ordinal_num [dash (superlative | word)] ordered    (any word: digit ordinals only)
//! ordered     = singular_phrase            "51st Trade Promotion Committee meeting", "ninth consecutive month"
//! superlative = word in "-est" | "most"     "second-largest trading partner"
//! ```
//! Refused: spelled `first` (`first-ever`, `at first`), a spelled ordinal with nothing
//! ordered after it (`Second, the plan...`: a list marker), a spelled ordinal joined by a
//! dash to anything but a superlative (`third-party`, `second-hand`). Parts of dates (`first half`,
//! `November 18th`, `on the 24th`) never get here: the date grammar reads them first.

use rust_decimal::Decimal;

use super::number::ordinal_number;
use super::phrase::singular_phrase;
use super::{Ctx, Figure, Val, dash, leading_word};
use crate::model::Kind;

/// `largest`, `biggest`, `most`: what a dash may join an ordinal to.
fn superlative(word: &str) -> bool {
    let w = word.as_bytes();
    let est = w.len() > 4 && w.get(w.len() - 3..).is_some_and(|end| end.eq_ignore_ascii_case(b"est"));
    word.eq_ignore_ascii_case("most") || est
}

/// `the 24th and 25th`: a lone ordinal after another one and `and`/`to`/`,`/dash is a
/// second day of the month, which the date grammar left to us.
pub fn second_day(before: &str) -> bool {
    let b = before.trim_end();
    let b = ["and", "to", "or", ",", "-", "\u{2013}"]
        .iter()
        .find_map(|j| b.strip_suffix(j))
        .map(str::trim_end);
    b.is_some_and(|b| {
        let word = b.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        word.len() > 2 && ordinal_number(word).is_ok_and(|(r, n)| r.is_empty() && !n.spelled)
    })
}

/// A word a dash may join a digit ordinal to: not a part of a date (`2nd-half sales`).
fn joinable(word: &str) -> bool {
    !word.is_empty() && !["half", "quarter"].iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The ordinal figure at the candidate position.
pub fn parse(ctx: &Ctx) -> Option<Figure> {
    let (after, n) = ordinal_number(ctx.rest()).ok()?;
    if n.spelled && n.value == Decimal::ONE {
        return None;
    }
    // `second-largest`, `2nd-round`: spelled idioms (`third-party`, `second-hand`) are
    // never written in digits, so a digit ordinal may join any word.
    let phrase_from = match dash(after) {
        Ok((r, _)) if superlative(leading_word(r)) || (!n.spelled && joinable(leading_word(r))) => r,
        Ok(_) => return None,
        Err(_) => after,
    };
    let phrase = singular_phrase(phrase_from);
    if phrase.unit.is_empty() {
        // `ranked 2nd`: a digit ordinal stands alone; a spelled one is a list marker.
        if n.spelled || phrase_from.len() != after.len() || second_day(ctx.before()) {
            return None;
        }
        return Some(ctx.figure(Kind::Ordinal, after, Val::Num(n.value), None, String::new()));
    }
    Some(ctx.figure(Kind::Ordinal, phrase.rest, Val::Num(n.value), None, phrase.unit))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> Option<(String, String, String)> {
        let ctx = Ctx::new(s, 0, false);
        parse(&ctx).map(|f| {
            let v = match f.value {
                Val::Num(d) => d.to_string(),
                Val::Date(_) => String::new(),
            };
            (v, f.unit, s[f.start..f.end].to_string())
        })
    }

    #[test]
    fn digit_and_spelled_ordinals() {
        assert_eq!(
            read("51st Trade Promotion Committee meeting was held"),
            Some((
                "51".into(),
                "trade promotion committee meeting".into(),
                "51st Trade Promotion Committee meeting".into()
            ))
        );
        assert_eq!(read("1st Vice Minister Jang attended").unwrap().1, "vice minister");
        assert_eq!(
            read("ninth consecutive month in October").unwrap().1,
            "consecutive month"
        );
        assert_eq!(read("twenty-first round of talks").unwrap().0, "21");
        assert_eq!(
            read("second-largest trading partner").unwrap().1,
            "largest trading partner"
        );
        // A superlative in any case; `-best` is too short to be read as one.
        assert_eq!(read("third-BIGGEST buyer").unwrap().1, "biggest buyer");
        assert_eq!(read("second-MOST popular brand").unwrap().1, "most popular brand");
        assert_eq!(read("second-best result"), None);
    }

    #[test]
    fn standing_alone() {
        assert_eq!(
            read("2nd among its suppliers").unwrap(),
            ("2".into(), "".into(), "2nd".into())
        );
        assert_eq!(read("Second, the plan"), None);
        assert!(second_day("on the 24th and "));
        assert!(!second_day("ranked "));
    }

    #[test]
    fn not_ordinals() {
        assert_eq!(read("first meeting"), None);
        assert_eq!(read("third-party checks"), None);
        assert_eq!(read("second-hand goods"), None);
        assert_eq!(read("5th-generation fighter jets").unwrap().1, "generation fighter");
        assert_eq!(read("2nd-round talks").unwrap().1, "round");
        assert_eq!(read("2nd-half sales"), None);
    }
}
