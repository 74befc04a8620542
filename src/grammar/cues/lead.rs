//! The lead cue: the qualifier and direction words right before a figure, part of its text.

use crate::model::{Direction, Kind, Qualifier};
use crate::words::trim_end_space;

use super::after::after_word;
use super::lists::{LEAD_DIRECTIONS, QUALIFIERS, UP_TAKERS};
use super::phrase_ends::{LEAD_DIRECTIONS_BY_LAST, PhraseEnds, QUALIFIERS_BY_LAST, first_ending, with_last_word};

/// What stands right before a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LeadCue {
    /// Where the figure's text now starts (before the cue words).
    pub start: usize,
    pub qualifier: Option<Qualifier>,
    pub direction: Option<Direction>,
}

/// `first_ending` out of line, for `lead_cue`: in the scan's walk loop, where `lead_cue`
/// is, its code made the loop itself cost more.
#[inline(never)]
fn first_lead_ending<T: Copy>(text: &str, list: &[(&str, T)], by_last: &PhraseEnds) -> Option<(usize, T)> {
    first_ending(text, list, by_last)
}

/// The qualifier and direction words right before the figure at `start`.
pub fn lead_cue(sentence: &str, start: usize, kind: Kind) -> LeadCue {
    let mut cue = LeadCue {
        start,
        qualifier: None,
        direction: None,
    };
    if kind == Kind::Date || kind == Kind::Ordinal {
        return cue;
    }
    // `+1 day`: a plus sign glued to the number.
    if sentence[..start].ends_with('+') {
        cue.start = start - 1;
        cue.direction = Some(Direction::Up);
        return cue;
    }
    // At most one qualifier and one direction word, in either order (`up nearly 5 percent`).
    for _ in 0..2 {
        let before = trim_end_space(&sentence[..cue.start]);
        if before.len() == cue.start {
            break; // the figure is glued to what precedes it
        }
        if cue.qualifier.is_none() {
            let hit = first_lead_ending(before, QUALIFIERS, &QUALIFIERS_BY_LAST);
            if let Some((at, q)) = hit {
                // `over seven years` is a span of time, not more than seven years
                // (`more than two years` still is); `an increase of 4% over $2 billion`
                // names the base of the change.
                let over = before[at..].eq_ignore_ascii_case("over");
                let during = over && (kind == Kind::Duration || names_a_base(&before[..at]));
                if !during {
                    cue.start = at;
                    cue.qualifier = Some(q);
                    continue;
                }
            }
        }
        if cue.direction.is_none() && kind != Kind::Duration {
            let hit = first_lead_ending(before, LEAD_DIRECTIONS, &LEAD_DIRECTIONS_BY_LAST);
            if let Some((at, d)) = hit {
                if !with_last_word(&before[..at], |w| UP_TAKERS.contains(&w)) {
                    cue.start = at;
                    cue.direction = Some(d);
                    continue;
                }
            }
        }
        break;
    }
    cue
}

/// `over` after this text names a base, not a bound: the text ends with a change, as a
/// figure (`43.18%`, `5 percent`) or a change noun (`an increase over`).
fn names_a_base(before_over: &str) -> bool {
    let t = before_over.trim_end();
    if t.ends_with(['%', '％']) {
        return true;
    }
    with_last_word(t, |w| {
        matches!(w, "percent" | "cent" | "pct" | "points" | "point" | "pp" | "bp") || after_word(w) != 0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead(s: &str, kind: Kind) -> (String, Option<Qualifier>, Option<Direction>) {
        let start = s
            .find("KRW")
            .unwrap_or_else(|| s.find(|c: char| c.is_ascii_digit()).unwrap());
        let c = lead_cue(s, start, kind);
        (s[c.start..].to_string(), c.qualifier, c.direction)
    }

    #[test]
    fn qualifiers_right_before() {
        assert_eq!(
            lead("with approximately KRW 340 billion", Kind::Money).1,
            Some(Qualifier::Approx)
        );
        assert_eq!(lead("over 500 brands", Kind::Count).1, Some(Qualifier::Over));
        assert_eq!(lead("up to 20 percent", Kind::Percent).1, Some(Qualifier::AtMost));
        assert_eq!(lead("no more than 3 firms", Kind::Count).1, Some(Qualifier::AtMost));
        assert_eq!(lead("nearly 90 minutes", Kind::Duration).1, Some(Qualifier::Under));
        assert_eq!(lead("invest over 7 years", Kind::Duration).1, None);
        assert_eq!(lead("for more than 2 years", Kind::Duration).1, Some(Qualifier::Over));
        assert_eq!(lead("the 10 percent mark", Kind::Percent).1, None);
        assert_eq!(lead("sales topped KRW 5 billion", Kind::Money).1, Some(Qualifier::Over));
        assert_eq!(lead("orders exceeds 300 units", Kind::Count).1, Some(Qualifier::Over));
        assert_eq!(lead("close to 40 percent", Kind::Percent).1, Some(Qualifier::Under));
    }

    #[test]
    fn over_after_a_change_names_its_base() {
        let s = "an increase of 43.2% over USD 291 billion";
        let start = s.find("USD").unwrap();
        let c = lead_cue(s, start, Kind::Money);
        assert_eq!((c.start, c.qualifier), (start, None));
        assert_eq!(lead("a 5 percent rise over 300 firms", Kind::Count).1, None);
        assert_eq!(lead("a rise over KRW 5 billion", Kind::Money).1, None);
        assert_eq!(lead("grew over KRW 5 billion", Kind::Money).1, Some(Qualifier::Over));
        assert_eq!(
            lead("exports exceeded KRW 5 billion", Kind::Money).1,
            Some(Qualifier::Over)
        );
        assert_eq!(lead("output surpassed 40 GW", Kind::Quantity).1, Some(Qualifier::Over));
        assert_eq!(
            lead("the near 6 percent rises", Kind::Percent).1,
            Some(Qualifier::Under)
        );
    }

    #[test]
    fn direction_words_join_the_text() {
        assert_eq!(
            lead("Tablets (down 6.4 percent)", Kind::Percent),
            ("down 6.4 percent)".into(), None, Some(Direction::Down))
        );
        assert_eq!(lead("shot up by 47.3 percent", Kind::Percent).0, "up by 47.3 percent");
        assert_eq!(lead("(+1 day)", Kind::Duration).2, Some(Direction::Up));
        assert_eq!(lead("exports take up 31.6 percent", Kind::Percent).2, None);
    }
}
