//! Sentence -> figures: find candidate positions, ask the grammar at each, and attach
//! the cue words around what it reads.
//!
//! The walk to the candidate positions is in `walk` (the lead words it reads ahead of
//! in `leads`, the words that start a figure in `triggers`); the figures read there
//! and their cues are attached here.

use crate::grammar::{Ctx, Figure, Val, cues, date, figure_at};
use crate::model::{Direction, Kind, Qualifier};

mod leads;
mod triggers;
mod walk;

use walk::{Walk, token_at_with};

#[cfg(test)]
pub use walk::candidates;

/// A figure with the words that qualify it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub figure: Figure,
    /// Start of `text` (the figure with its lead cue words).
    pub text_start: usize,
    pub qualifier: Option<Qualifier>,
    pub direction: Option<Direction>,
}

/// `will increase by 8 GW in 2025 and 9 GW in 2026`: a money or quantity figure joined by
/// `and`/`or`/a comma to a change of its kind and unit before it, with at most a date and
/// its preposition between, is a change of the same direction (the verb governs both).
fn shared_change(sentence: &str, before: &[Found], figure: &Figure, text_start: usize) -> Option<Direction> {
    let mut earlier = before.iter().rev();
    let mut prev = earlier.next()?;
    // The text between the two figures, less a date of the first (`in 2025`).
    let mut gaps = [""; 2];
    let mut gap_end = text_start;
    if prev.figure.kind == Kind::Date {
        gaps[1] = sentence.get(prev.figure.end..gap_end)?;
        gap_end = prev.text_start;
        prev = earlier.next()?;
    }
    if prev.figure.kind != figure.kind || prev.figure.unit != figure.unit {
        return None;
    }
    let direction = prev.direction?;
    gaps[0] = sentence.get(prev.figure.end..gap_end)?;
    let words = || {
        gaps.iter()
            .flat_map(|g| g.split(|c: char| c.is_whitespace() || c == ','))
    };
    let joined = words().filter(|w| !w.is_empty()).all(|w| {
        // The preposition and amount words of the change repeat: `by 1.8 mb/d this year
        // and by a further 1.1 mb/d`.
        let repeated = ["by", "a", "further", "another", "additional"];
        ["and", "or", "in", "on", "for", "during"].contains(&w) || repeated.contains(&w)
    });
    let has_joiner = gaps.iter().any(|g| g.contains(',')) || words().any(|w| w == "and" || w == "or");
    (joined && has_joiner).then_some(direction)
}

/// `-5%`, `−36,000`: a minus sign glued to a digit.
fn glued_minus(figure: &str) -> bool {
    figure
        .strip_prefix(['-', '\u{2212}'])
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// Every figure of a sentence, in order, none overlapping (a bare `$` read as USD).
pub fn figures(sentence: &str, cut: bool) -> Vec<Found> {
    figures_with(sentence, cut, crate::grammar::DEFAULT_DOLLAR)
}

/// Every figure of a sentence, in order, none overlapping, with a bare `$` read as
/// `dollar` (an ISO code: `HKD` for a Hong Kong release).
pub fn figures_with(sentence: &str, cut: bool, dollar: &str) -> Vec<Found> {
    let mut out = Vec::new();
    append_figures(sentence, cut, dollar, &mut out);
    out
}

/// [`figures_with`], appended to `all` (a release's figures, sentence after sentence, in
/// one vector): each single date without its year has begun when the sentence is said of
/// the past (`date::mark_tense`; the tense read once, and only for such a date).
pub fn append_figures(sentence: &str, cut: bool, dollar: &str, all: &mut Vec<Found>) {
    let first = all.len();
    append_figures_untensed(sentence, cut, dollar, all);
    let mut said_of_the_past: Option<bool> = None;
    for f in all.iter_mut().skip(first).filter(|f| f.figure.kind == Kind::Date) {
        date::mark_tense(&mut f.figure, || {
            *said_of_the_past.get_or_insert_with(|| date::said_of_the_past(sentence))
        });
    }
}

/// [`append_figures`] with every date as written: the tense of the sentence is left to the
/// caller, who reads it only where it moves a date (a release's dates are placed after
/// it: `date::begun_if_past`). No other reading of a figure depends on it.
pub fn append_figures_untensed(sentence: &str, cut: bool, dollar: &str, all: &mut Vec<Found>) {
    let first = all.len();
    let mut pos = 0;
    let mut floor = 0; // no text may start before the end of the previous figure
    let mut walk = Walk::new(sentence.as_bytes());
    loop {
        pos = walk.next_token_start(pos);
        if pos >= sentence.len() {
            break;
        }
        let (candidate, token_end) = token_at_with(sentence, pos, walk.word_end_in_block(pos));
        if candidate {
            let ctx = Ctx::new(sentence, pos, cut).with_dollar(dollar);
            if let Some(figure) = figure_at(&ctx) {
                let lead = cues::lead_cue(sentence, figure.start, figure.kind);
                let text_start = lead.start.max(floor);
                let (qualifier, mut direction) = if text_start == lead.start {
                    (lead.qualifier, lead.direction)
                } else {
                    (None, None)
                };
                if direction.is_none() {
                    direction = cues::context_direction(sentence, text_start, figure.end, figure.kind);
                }
                if direction.is_none() && matches!(figure.kind, Kind::Money | Kind::Quantity) {
                    direction = shared_change(sentence, &all[first..], &figure, text_start);
                }
                // A change written with a minus sign is a decrease whatever the verb
                // (`-3.2% growth`); a signed level (`negative $71.5 million`) stays without one.
                if direction.is_some() && matches!(&figure.value, Val::Num(v) if v.is_sign_negative()) {
                    direction = Some(Direction::Down);
                }
                // A percent or a count with a minus glued on is a change stated by its sign
                // (`India (-49.5%)`, `men (-36,000)`): a count is never below zero.
                if glued_minus(&sentence[figure.start..]) && matches!(figure.kind, Kind::Percent | Kind::Count) {
                    direction = Some(Direction::Down);
                }
                pos = figure.end.max(pos + 1);
                while !sentence.is_char_boundary(pos) {
                    pos += 1;
                }
                floor = figure.end;
                all.push(Found {
                    figure,
                    text_start,
                    qualifier,
                    direction,
                });
                continue;
            }
        }
        pos = token_end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use leads::{needs_lookahead, next_word};
    use walk::{alnum_before, continues_identifier, word_is_candidate};

    fn texts(s: &str) -> Vec<(Kind, &str)> {
        figures(s, false)
            .into_iter()
            .map(|f| (f.figure.kind, &s[f.text_start..f.figure.end]))
            .collect()
    }

    #[test]
    fn figures_in_order_with_their_cues() {
        let s = "Imports slid 3.7 percent to $15.2 billion, leaving a $6.1 billion surplus.";
        assert_eq!(
            texts(s),
            vec![
                (Kind::Percent, "3.7 percent"),
                (Kind::Money, "$15.2 billion"),
                (Kind::Money, "$6.1 billion")
            ]
        );
    }

    #[test]
    fn a_written_minus_makes_a_change_a_decrease() {
        let dirs: Vec<_> = figures("Margins showed -1.5% growth, and the balance was -$2 million.", false)
            .into_iter()
            .map(|f| f.direction)
            .collect();
        assert_eq!(dirs, vec![Some(Direction::Down), None]);
    }

    #[test]
    fn a_glued_minus_on_a_percent_or_count_is_a_decrease() {
        let dirs: Vec<_> = figures("Sales fell in Peru (-4.5%) and Chile (-2,300; -1.1%).", false)
            .into_iter()
            .map(|f| f.direction)
            .collect();
        assert_eq!(dirs, vec![Some(Direction::Down); 3]);
    }

    #[test]
    fn a_change_shares_its_verb_with_the_next_figure_of_its_list() {
        let dirs = |s: &str| -> Vec<Option<Direction>> {
            figures(s, false)
                .into_iter()
                .filter(|f| f.figure.kind != Kind::Date)
                .map(|f| f.direction)
                .collect()
        };
        let up = Some(Direction::Up);
        assert_eq!(dirs("Output will increase by 4 GW in 2026 and 5 GW in 2027."), [up, up]);
        assert_eq!(dirs("Sales rose by $2 billion and $3 billion."), [up, up]);
        assert_eq!(
            dirs("Demand should grow by 3 GW next year and by a further 2 GW in 2028."),
            [up, up]
        );
        assert_eq!(dirs("Sales rose by $2 billion to $3 billion."), [up, None]);
        assert_eq!(
            dirs("Sales rose by $2 billion, while costs were $3 billion."),
            [up, None]
        );
    }

    #[test]
    fn a_change_and_a_level_are_two_figures() {
        for (s, want) in [
            (
                "The deficit widened $0.4 billion to $61.2 billion.",
                vec!["$0.4 billion", "$61.2 billion"],
            ),
            (
                "Pay was up 2.1% (+$0.45 to $22.80) on the year.",
                vec!["up 2.1%", "+$0.45", "$22.80"],
            ),
            ("Output rose 2 percent to 7 percent.", vec!["2 percent", "7 percent"]),
            ("Output may grow 2 to 3 percent.", vec!["2 to 3 percent"]),
            ("Output will grow 2% to 3% in all.", vec!["2% to 3%"]),
            ("Prices rose $2 to $3 billion.", vec!["$2 to $3 billion"]),
        ] {
            let got: Vec<&str> = texts(s).into_iter().map(|(_, t)| t).collect();
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn identifiers_are_not_figures() {
        assert!(
            texts("COVID-19 and F-16 and 1:1 talks")
                .iter()
                .all(|(k, _)| *k != Kind::Date && *k != Kind::Money)
        );
    }

    #[test]
    fn byte_helpers_agree_with_chars() {
        for b in 0..128u8 {
            assert_eq!(crate::words::ascii_space(b), char::from(b).is_whitespace(), "{b}");
        }
        assert_eq!(next_word("  Trillion won"), ("Trillion", false));
        assert_eq!(next_word("\u{a0}24th"), ("24th", true));
        assert_eq!(next_word(" pastés"), ("pastés", false));
        assert!(alnum_before("é5", 2) && !alnum_before("(5", 1) && !alnum_before("5", 0));
        assert!(continues_identifier("F-16", 2) && !continues_identifier("a -16", 3));
    }

    #[test]
    fn trigger_words_in_any_case() {
        assert_eq!(texts("Twenty firms joined"), vec![(Kind::Count, "Twenty firms")]);
        assert_eq!(texts("in March"), vec![(Kind::Date, "March")]);
        assert_eq!(texts("in march"), vec![]);
        assert_eq!(
            texts("the past three years"),
            vec![(Kind::Duration, "the past three years")]
        );
        assert_eq!(texts("USD34.6 million"), vec![(Kind::Money, "USD34.6 million")]);
        assert_eq!(texts("xthe past three years"), vec![(Kind::Duration, "three years")]);
    }

    #[test]
    fn capitals_start_a_figure_only_as_codes_or_months() {
        let candidate = |w: &str| word_is_candidate(w, 0, w.len(), w.bytes().any(|b| b.is_ascii_digit()));
        for yes in ["USD", "KRW", "RMB", "MAR", "DEC", "MAY", "ONE", "TEN"] {
            assert!(candidate(yes), "{yes}");
        }
        for no in ["ICT", "CEO", "ROK", "III", "MOU", "ALL", "TOP"] {
            assert!(!candidate(no), "{no}");
        }
        assert_eq!(
            texts("USD34.6 million and EUR 5 million"),
            vec![(Kind::Money, "USD34.6 million"), (Kind::Money, "EUR 5 million")]
        );
        assert_eq!(texts("due DEC 5"), vec![(Kind::Date, "DEC 5")]);
    }

    #[test]
    fn the_before_an_ordinal_word_starts_no_figure_the_ordinal_does() {
        for s in [
            "the first half of 2024 saw gains",
            "The second quarter ended",
            "the third time in a row",
            "the fourth largest market",
            "the first six months of the year",
        ] {
            assert_eq!(figure_at(&Ctx::new(s, 0, false)), None, "{s}");
            assert_eq!(needs_lookahead(&s.as_bytes()[..3], &s[3..]), Some(false), "{s}");
        }
        assert_eq!(
            texts("in the first half of 2024"),
            vec![(Kind::Date, "first half of 2024")]
        );
        assert_eq!(
            texts("over the past five years"),
            vec![(Kind::Duration, "the past five years")]
        );
    }

    #[test]
    fn qualifier_words_join_the_text() {
        assert_eq!(
            texts("with approximately KRW 340 billion in funding"),
            vec![(Kind::Money, "approximately KRW 340 billion")]
        );
    }
}
