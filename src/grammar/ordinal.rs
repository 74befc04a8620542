//! ordinal: a rank with what it ranks.
//!
//! ```text
//! ordinal     = ordinal_num [dash (superlative | word)] ordered    (any word: digit ordinals only)
//!             | ordinal_num list_joiner ordinal_list ordered  "the 11th, sixth and fourth consecutive month"
//!             | ordinal_num                                    "ranked 2nd", "were second at 19 percent"
//! ordered     = singular_phrase            "51st Trade Promotion Committee meeting", "ninth consecutive month"
//! superlative = word in "-est" | "most"     "second-largest trading partner"
//! list_joiner = "," [sp "and"] | sp ("and" | "or")
//! ```
//! Members of a list of ordinals share the phrase after the last one; each member's
//! figure is the ordinal alone. A spelled ordinal stands alone only as a rank: after a verb
//! of being or ranking (`were second`, `finished third`) or before a bracket naming the
//! thing (`a sixth (Unit 8)`). Refused: spelled `first` (`first-ever`, `at first`), other
//! lone spelled ordinals (a list marker `Second, the plan...`, a fraction `a sixth of`,
//! the time `a second`, an elided noun `the second`); a spelled ordinal joined by a dash
//! to anything but a superlative (`third-party`, `second-hand`). Parts of dates (`first half`, `November 18th`, `on the
//! 24th`) never get here: the date grammar reads them first.

use nom::Parser;
use rust_decimal::Decimal;

use super::number::ordinal_number;
use super::phrase::{has_singular_phrase, singular_phrase};
use super::{Ctx, Figure, Val, dash, leading_word, with_lower};
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
    !word.is_empty() && !crate::words::holds(&["half", "quarter"], word)
}

/// `, sixth, and fourth consecutive month`: the rest of a list of ordinals after one of
/// its members; returns the text after its last member, where the shared phrase starts.
fn shared_phrase(after: &str) -> Option<&str> {
    let mut at = after;
    for _ in 0..8 {
        let joined = at.strip_prefix(',').unwrap_or(at).trim_start();
        let joined = ["and", "or"]
            .iter()
            .find_map(|w| super::keyword(w)(joined).ok().map(|(r, _)| r.trim_start()))
            .unwrap_or(joined);
        if joined.len() == at.len() {
            return None; // no joiner
        }
        let (r, n) = ordinal_number(joined).ok()?;
        if has_singular_phrase(r) {
            return (!(n.spelled && n.value == Decimal::ONE)).then_some(r);
        }
        at = r;
    }
    None
}

/// `the 11th, sixth and fourth consecutive month`: `the` opens a list of ordinals that
/// share a phrase, not the day `the 11th`.
pub fn the_list_of_ordinals(rest: &str) -> bool {
    // Asked before every date: most candidates are turned away by their first letter.
    if !rest.starts_with(['t', 'T']) {
        return false;
    }
    let Ok((r, _)) = (super::keyword("the"), super::sp).parse(rest) else {
        return false;
    };
    ordinal_number(r).is_ok_and(|(after, n)| !n.spelled && shared_phrase(after).is_some())
}

/// A spelled ordinal standing alone is a rank where a verb of being or ranking puts it
/// (`were second at 19 percent`, `finished third`) or a bracket names the thing ranked
/// (`retire a sixth (Unit 8)`). Elsewhere it is a list marker (`Second, ...`), a fraction
/// (`a sixth of`, `by a third`), the unit of time (`a second`) or an elided noun (`the
/// first quarter and the second`): no figure.
fn lone_rank(before: &str, after: &str) -> bool {
    let next = after.trim_start();
    if next.starts_with('(') {
        return !before.trim_end().is_empty();
    }
    let prev = before
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    with_lower(prev, |lower| {
        matches!(
            lower,
            "is" | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "being"
                | "remain"
                | "remains"
                | "remained"
                | "rank"
                | "ranks"
                | "ranked"
                | "came"
                | "comes"
                | "come"
                | "finished"
                | "finishes"
                | "placed"
                | "places"
                | "stood"
                | "stands"
                | "ended"
                | "ends"
                // Every form of the verbs (issue 14 audit: the list had only some).
                | "remaining"
                | "ranking"
                | "coming"
                | "finish"
                | "finishing"
                | "place"
                | "placing"
                | "stand"
                | "standing"
                | "end"
                | "ending"
        )
    }) && !["of", "only", "to"].iter().any(|w| super::keyword(w)(next).is_ok())
}

/// Words of comparison (`more`, `higher`...): after a spelled ordinal they make it a
/// fraction of an amount (`roughly a tenth more`), not a rank of a thing.
fn comparative(word: &str) -> bool {
    with_lower(word, |w| {
        matches!(
            w,
            "more" | "less" | "fewer" | "higher" | "lower" | "larger" | "smaller" | "bigger" | "above" | "below"
        )
    })
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
    // `a tenth more`, `a fifth lower`: a spelled fraction of a comparison, no rank.
    if n.spelled && comparative(leading_word(phrase_from.trim_start())) {
        return None;
    }
    let phrase = singular_phrase(phrase_from);
    if phrase.unit.is_empty() {
        if phrase_from.len() != after.len() || !n.spelled && second_day(ctx.before()) {
            return None;
        }
        if let Some(shared) = shared_phrase(after) {
            let unit = singular_phrase(shared).unit;
            return Some(ctx.figure(Kind::Ordinal, after, Val::Num(n.value), None, unit));
        }
        // `ranked 2nd`: a digit ordinal stands alone; a spelled one when it is a rank.
        if n.spelled && !lone_rank(ctx.before(), after) {
            return None;
        }
        return Some(ctx.figure(Kind::Ordinal, after, Val::Num(n.value), None, ""));
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
            (v, f.unit.into_owned(), s[f.start..f.end].to_string())
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
    fn every_form_of_a_ranking_verb() {
        for before in ["ranking ", "remaining ", "finishing ", "is expected to place "] {
            let s = format!("{before}fourth at 9.1 percent");
            let ctx = Ctx::new(&s, before.len(), false);
            assert!(parse(&ctx).is_some(), "{s}");
        }
    }

    #[test]
    fn a_spelled_fraction_of_a_comparison_is_no_rank() {
        assert_eq!(read("fifth more than in May"), None);
        assert_eq!(read("third lower"), None);
        assert_eq!(read("3rd more"), Some(("3".into(), "more".into(), "3rd more".into())));
        assert_eq!(read("third round").unwrap().1, "round");
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

    fn read_in(s: &str, at: &str) -> Option<(String, String, String)> {
        let ctx = Ctx::new(s, s.find(at)?, false);
        parse(&ctx)
            .map(|f| (f.value.clone(), f.unit.into_owned(), s[f.start..f.end].to_string()))
            .map(|(v, u, t)| {
                (
                    if let Val::Num(d) = v {
                        d.to_string()
                    } else {
                        String::new()
                    },
                    u,
                    t,
                )
            })
    }

    #[test]
    fn a_list_of_ordinals_shares_its_phrase() {
        let s = "grew for the 12th, seventh, and third consecutive month";
        assert_eq!(
            read_in(s, "12th"),
            Some(("12".into(), "consecutive month".into(), "12th".into()))
        );
        assert_eq!(
            read_in(s, "seventh"),
            Some(("7".into(), "consecutive month".into(), "seventh".into()))
        );
        assert!(the_list_of_ordinals("the 12th, seventh, and third consecutive month"));
        assert!(!the_list_of_ordinals("the 12th, when"));
        let s = "for the fifth and fourth straight week";
        assert_eq!(read_in(s, "fifth").unwrap().1, "straight week");
    }

    #[test]
    fn a_lone_spelled_ordinal_is_a_rank_unless_a_marker() {
        assert_eq!(read_in("Miners were third at 12 percent", "third").unwrap().2, "third");
        assert_eq!(
            read_in("and plans to close a fourth (Unit 9) soon", "fourth")
                .unwrap()
                .0,
            "4"
        );
        assert_eq!(read_in("Third, the plan", "Third"), None);
        assert_eq!(read_in("grew; second, it", "second"), None);
        assert_eq!(read_in("a fifth of output", "fifth"), None);
        assert_eq!(read_in("second only to", "second"), None);
        assert_eq!(read_in("within a second.", "second"), None);
        assert_eq!(read_in("costs fell by a third.", "third"), None);
        assert_eq!(read_in("in the first quarter and the second.", "second"), None);
        assert_eq!(read_in("the team finished fourth overall", "fourth").unwrap().0, "4");
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
