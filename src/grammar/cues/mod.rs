//! Cues around a figure: the qualifier or direction word right before it (part of its
//! `text`), and the direction a verb or noun further away gives a change.
//!
//! ```text
//! lead_cue    = qualifier_phrase | "up" ["by"] | "down" ["by"] | "+"        (right before the number)
//! after_cue   = sp ["year-on-year" sp] (increase | rise | growth | ... | decline | drop | ...)
//! verb_cue    = the nearest direction word looking back in the clause, stopped by a
//!               neutral word (`accounted`, `share`, `recorded`, `was`...) or a clause break
//! ```
//!
//! `lead_cue` is in `lead.rs`, `after_cue` in `after.rs`, and `verb_cue` in `look_back.rs`
//! (for a percent) and here (for an amount: `by`, `of` or a change verb before it); the
//! word lists are in `lists.rs`, the tables of the phrases that end a text in
//! `phrase_ends.rs`.

use crate::model::{Direction, Kind};
use crate::words::{ascii_space, trim_end_space, with_lower};

mod after;
mod lead;
mod lists;
mod look_back;
mod phrase_ends;

pub use lead::lead_cue;
pub use lists::{direction_words, word_direction};

use after::after_direction;
use lists::QUALIFIERS;
use look_back::{look_back, look_back_cue, words_back};
use phrase_ends::{
    PhraseEnds, QUALIFIERS_BY_LAST, by_last_letter, ends_with_phrase, first_ending, last_word_as_written,
    with_last_word,
};

/// The direction of a change figure from the words after it or a verb before it.
/// `start`/`end` are the figure's span (with its lead cue) in the sentence.
pub fn context_direction(sentence: &str, start: usize, end: usize, kind: Kind) -> Option<Direction> {
    // A point in time or a rank is never a change (`in Q2 2024 more than doubling`).
    if matches!(kind, Kind::Date | Kind::Ordinal | Kind::Duration) {
        return None;
    }
    if let Some(d) = after_direction(&sentence[end..]) {
        return Some(d);
    }
    match kind {
        Kind::Percent => look_back(&sentence[..start]),
        // A level is no change: money or a count is one only when `by` or `of` ties it
        // to a change word (`increased by USD 2 billion`, `an increase of 300 units`).
        // Or when a change verb stands right before it (`imports fell $6.5 billion`).
        // A count with its noun after a verb is the verb's object (`raised eight
        // regulations`); without one it is the change (`payrolls rose 236,000`).
        Kind::Money | Kind::Count | Kind::Quantity => {
            let before = trim_end_space(&sentence[..start]);
            // Asked only where no `by` or `of` decides.
            let bare = || {
                kind != Kind::Count
                    || !sentence[..end].ends_with(|c: char| c.is_alphabetic())
                    || ends_with_a_scale(&sentence[..end])
            };
            let before = without_amount_lead(before);
            if let Some(at) = ends_with_phrase(before, "by") {
                return verb_before_by(&before[..at]);
            }
            match ends_with_phrase(before, "of") {
                Some(at) => with_last_word(&before[..at], word_direction),
                None if bare() => change_verb_before(before),
                None => None,
            }
        }
        _ => None,
    }
}

/// The last word of `text` is a scale word in any case (`5 thousand`: no noun follows the
/// number): `with_last_word` and a match of the lowered word, compared as written instead,
/// without the copy.
fn ends_with_a_scale(text: &str) -> bool {
    // Every scale ends in `d`, `n`, `h` or `e`: a text whose last byte (past ASCII white
    // space) is another ASCII byte ends with none (most counts end with a plural noun).
    let last = text.as_bytes().iter().rfind(|&&c| !ascii_space(c));
    if last.is_some_and(|&c| c.is_ascii() && !matches!(c | 0x20, b'd' | b'n' | b'h' | b'e')) {
        return false;
    }
    let w = last_word_as_written(text);
    ["thousand", "million", "billion", "trillion", "lakh", "crore"]
        .iter()
        .any(|s| w.eq_ignore_ascii_case(s))
}

/// Words between `by` and an amount that say how it is counted: `grew by an average of
/// 30,000`, `rose by a further 1.1 mb/d`, `cut by another $2 billion`.
const AMOUNT_LEADS: &[(&str, ())] = &[
    ("an average of", ()),
    ("a total of", ()),
    ("a combined", ()),
    ("a further", ()),
    ("an additional", ()),
    ("an extra", ()),
    ("another", ()),
];
static AMOUNT_LEADS_BY_LAST: PhraseEnds = by_last_letter(AMOUNT_LEADS);

/// `before` without an `AMOUNT_LEADS` phrase at its end.
fn without_amount_lead(before: &str) -> &str {
    first_ending(before, AMOUNT_LEADS, &AMOUNT_LEADS_BY_LAST).map_or(before, |(at, ())| before[..at].trim_end())
}

/// The change verb an amount after `by` belongs to: the word before `by`, or further back
/// past the noun phrase of what changes (`reduce the stock of bonds by £100 billion`,
/// `declining at a steady pace, by €40 billion`), up to eight words, stopped by a number
/// (another figure's) or a neutral word.
fn verb_before_by(before: &str) -> Option<Direction> {
    for w in words_back(before).take(8) {
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        if let Some(cue) = look_back_cue(w) {
            return cue;
        }
    }
    None
}

/// The direction of a change verb (not `up`/`down`, which join the text, nor a noun)
/// that ends `before`: `fell`, `increased`, `widened`.
fn change_verb_before(before: &str) -> Option<Direction> {
    with_last_word(before, |w| {
        // `raise` with an amount for its object is money collected (`the levy raised $3.9
        // billion`, `raised $30 million from investors`), a level; raised *by* an amount
        // is a change, and is read through `by` above.
        if !finite_change_form(w) || w.starts_with("rais") {
            return None;
        }
        word_direction(w)
    })
}

/// A form of a change word that states a change: a past tense, regular (`-ed`) or
/// irregular, or a headline's present (`Widens`, `Falls`). The base form says none
/// (`expected to grow`), and `rise` or `cut` may be nouns. `lower` is lower-cased.
fn finite_change_form(lower: &str) -> bool {
    // Irregular past tenses of the change verbs (`cut` is as often a noun: left out).
    let irregular = matches!(
        lower,
        "rose" | "grew" | "fell" | "slid" | "shrank" | "shrunk" | "sank" | "sunk" | "lost" | "leapt" | "dove" | "shed"
    );
    lower.ends_with("ed") || lower.ends_with('s') || irregular
}

/// A change verb that states a change ends `before` (after any qualifier: `rose nearly`),
/// so that a figure with its own unit after it is the change and `X to Y` a change and a
/// level (`the deficit widened $0.8 billion to $75.1 billion`); after a base form
/// (`is expected to grow 2% to 3%`) it stays a range.
pub fn follows_change_verb(before: &str) -> bool {
    let mut b = before.trim_end();
    if let Some((at, _)) = first_ending(b, QUALIFIERS, &QUALIFIERS_BY_LAST) {
        b = b[..at].trim_end();
    }
    // Asked at every money and percent candidate: the word is lowered on the stack.
    let w = last_word_as_written(b);
    b.ends_with(|c: char| c.is_alphabetic())
        && with_lower(w, |lower| finite_change_form(lower) && word_direction(lower).is_some())
}

/// True when the text before a figure makes it the start of a change (`increased by X to Y`,
/// `rose from X to Y`, `+$0.99 to $31.06`): its `to` then leads to a new level, not to the
/// end of a range.
pub fn leads_a_change(before: &str) -> bool {
    let before = before.trim_end();
    if ends_with_phrase(before, "by").is_some() || before.ends_with('+') {
        return true;
    }
    // `rose from`, and `fell 25 percent from` / `up 3 points from`: a change word within
    // the last few words, with only its amount between.
    let Some(at) = ends_with_phrase(before, "from") else {
        return false;
    };
    let words = before[..at].split_whitespace().rev().take(4);
    for w in words.map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())) {
        let (change, amount) = with_lower(w, |w| {
            let amount = !w.chars().any(char::is_alphabetic) || is_change_amount(w);
            (word_direction(w).is_some(), amount)
        });
        if change || !amount {
            return change;
        }
    }
    false
}

/// Words that may stand between a change verb and `from`: its amount (`by 25 percent`).
fn is_change_amount(w: &str) -> bool {
    matches!(
        w,
        "by" | "percent" | "pct" | "points" | "point" | "percentage" | "per" | "cent"
    ) || w.ends_with('%')
        || w.starts_with(|c: char| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ends_with_a_scale` as first written: the last word lowered, then matched.
    fn ends_with_a_scale_by_lowering(text: &str) -> bool {
        with_last_word(text, |w| {
            matches!(w, "thousand" | "million" | "billion" | "trillion" | "lakh" | "crore")
        })
    }

    #[test]
    fn a_scale_is_told_as_written_where_it_was_told_lowered() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" 5 THOUSAND 2 Million 3 éBillion 4 lakh\u{a0} 6 crores 7 kthousand 8 trillion  ");
        let mut scales = 0;
        for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let t = &text[..end];
            assert_eq!(
                ends_with_a_scale(t),
                ends_with_a_scale_by_lowering(t),
                "{:?}",
                &t[end.saturating_sub(20)..]
            );
            scales += usize::from(ends_with_a_scale(t));
        }
        assert!(scales > 50, "{scales}");
    }

    #[test]
    fn the_change_words_are_a_category() {
        let down = Some(Direction::Down);
        let up = Some(Direction::Up);
        assert_eq!(ctx_dir("prices eased 0.3 percent", "0.3 percent", Kind::Percent), down);
        assert_eq!(ctx_dir("imports sank $2 billion", "$2 billion", Kind::Money), down);
        assert_eq!(ctx_dir("factories shed 12,000 in May", "12,000", Kind::Count), down);
        assert_eq!(ctx_dir("stocks rallied 4%", "4%", Kind::Percent), up);
        assert_eq!(ctx_dir("a 2% uptick in sales", "2%", Kind::Percent), up);
        assert_eq!(ctx_dir("two 1% dips", "1%", Kind::Percent), down);
    }

    #[test]
    fn change_verbs_before_money_and_bare_counts() {
        assert_eq!(
            ctx_dir(
                "Annual imports fell $6.5 billion (10 percent)",
                "$6.5 billion",
                Kind::Money
            ),
            Some(Direction::Down)
        );
        assert_eq!(
            ctx_dir("the gap widened by £0.8 billion", "£0.8 billion", Kind::Money),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir("the gap narrowed £0.3 billion", "£0.3 billion", Kind::Money),
            Some(Direction::Down)
        );
        assert_eq!(
            ctx_dir("payrolls grew 154,000 in May", "154,000", Kind::Count),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir("Surplus Narrows $2 Billion", "$2 Billion", Kind::Money),
            Some(Direction::Down)
        );
        assert_eq!(
            ctx_dir("the agency raised eight concerns", "eight concerns", Kind::Count),
            None
        );
        // Money raised is money collected: a level.
        assert_eq!(
            ctx_dir("the bond sale raised $4 billion", "$4 billion", Kind::Money),
            None
        );
        assert_eq!(
            ctx_dir("the toll was raised by $2", "$2", Kind::Money),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir("exports reached $6.5 billion", "$6.5 billion", Kind::Money),
            None
        );
        assert_eq!(ctx_dir("a 12-month decline", "12-month", Kind::Duration), None);
    }

    #[test]
    fn after_by_the_verb_is_found_past_what_changes() {
        assert_eq!(
            ctx_dir(
                "decided to lower the target range by 1/4 point",
                "1/4 point",
                Kind::Percent
            ),
            Some(Direction::Down)
        );
        assert_eq!(
            ctx_dir("the target share is 5 percent", "5 percent", Kind::Percent),
            None
        );
        assert_eq!(
            ctx_dir(
                "jobs rose, and the rate changed little at 3.9 percent",
                "3.9 percent",
                Kind::Percent
            ),
            None
        );
        assert_eq!(
            ctx_dir("prices stood 0.4% below", "0.4%", Kind::Percent),
            Some(Direction::Down)
        );
    }

    #[test]
    fn an_amount_after_by_finds_its_verb_past_the_object() {
        let down = Some(Direction::Down);
        assert_eq!(
            ctx_dir(
                "the fund will shrink its holdings of notes by $20 billion",
                "$20 billion",
                Kind::Money
            ),
            down
        );
        assert_eq!(
            ctx_dir("stocks are falling at a slow pace, by €9bn a week", "€9bn", Kind::Money),
            down
        );
        assert_eq!(
            ctx_dir(
                "hiring grew by an average of 12,000 workers",
                "12,000 workers",
                Kind::Count
            ),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir(
                "output dropped by a further 3 million tons",
                "3 million tons",
                Kind::Quantity
            ),
            down
        );
        // A figure between stops the look: the amount after `by` belongs to no change.
        assert_eq!(
            ctx_dir("sales rose 5%, driven by $3 billion", "$3 billion", Kind::Money),
            None
        );
        assert_eq!(ctx_dir("the plant is owned by 4 firms", "4 firms", Kind::Count), None);
    }

    #[test]
    fn a_change_noun_before_a_copula() {
        assert_eq!(
            ctx_dir("Wage growth is projected at 2.5%", "2.5%", Kind::Percent),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir("the decline was 1.2 percent", "1.2 percent", Kind::Percent),
            Some(Direction::Down)
        );
        assert_eq!(ctx_dir("Inflation was 3.1 percent", "3.1 percent", Kind::Percent), None);
    }

    #[test]
    fn a_level_named_by_a_noun_before_of() {
        assert_eq!(
            ctx_dir(
                "pay growth slowed to an annual rate of 2.9 percent",
                "2.9 percent",
                Kind::Percent
            ),
            None
        );
        assert_eq!(ctx_dir("the yield rose to a high of 4.4%", "4.4%", Kind::Percent), None);
        assert_eq!(
            ctx_dir("output posted an increase of 4.4%", "4.4%", Kind::Percent),
            Some(Direction::Up)
        );
    }

    #[test]
    fn a_level_named_by_an_article_and_a_noun() {
        assert_eq!(
            ctx_dir(
                "jobs will be cut, and a new levy of 0.2% applies",
                "0.2%",
                Kind::Percent
            ),
            None
        );
        assert_eq!(
            ctx_dir("prices rose under a tariff of 25 percent", "25 percent", Kind::Percent),
            None
        );
        assert_eq!(
            ctx_dir("wages rose by an average of 3%", "3%", Kind::Percent),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir("sales posted a rise of 3%", "3%", Kind::Percent),
            Some(Direction::Up)
        );
    }

    #[test]
    fn every_member_of_a_list_of_levels_is_a_level() {
        for member in ["1.75%", "2.05%", "2.3%"] {
            assert_eq!(
                ctx_dir(
                    "the three rates were cut to 1.75%, 2.05% and 2.3%",
                    member,
                    Kind::Percent
                ),
                None,
                "{member}"
            );
        }
        assert_eq!(
            ctx_dir("sales fell 4%, 3% and 2%", "2%", Kind::Percent),
            Some(Direction::Down)
        );
    }

    #[test]
    fn a_change_verb_or_a_plus_leads_a_change() {
        assert!(follows_change_verb("the deficit widened "));
        assert!(follows_change_verb("Deficit Widens "));
        assert!(!follows_change_verb("output is expected to grow "));
        assert!(follows_change_verb("exports rose nearly "));
        assert!(!follows_change_verb("exports rose, "));
        assert!(!follows_change_verb("a range of "));
        assert!(leads_a_change("wages (+"));
    }

    fn ctx_dir(s: &str, fig: &str, kind: Kind) -> Option<Direction> {
        let start = s.find(fig).unwrap();
        context_direction(s, start, start + fig.len(), kind)
    }

    #[test]
    fn changes_are_not_ranges() {
        assert!(leads_a_change("insurance increased by "));
        assert!(leads_a_change("exports rose from "));
        assert!(leads_a_change("up from "));
        assert!(!leads_a_change("prices range from "));
        assert!(leads_a_change("sales fell 25 percent from "));
        assert!(leads_a_change("rose by 3.5% from "));
        assert!(!leads_a_change("rose in 12 regions from "));
        assert!(!leads_a_change("from "));
    }

    #[test]
    fn verbs_and_nouns_give_direction() {
        assert_eq!(
            ctx_dir(
                "Chip exports increased 17.9 percent as prices rose",
                "17.9 percent",
                Kind::Percent
            ),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir(
                "Output went down 6.3 percent, 2.2 percent, and 0.7 percent",
                "0.7 percent",
                Kind::Percent
            ),
            Some(Direction::Down)
        );
        assert_eq!(
            ctx_dir(
                "Kiosks saw a 3.3 percent decline in sales",
                "3.3 percent",
                Kind::Percent
            ),
            Some(Direction::Down)
        );
        assert_eq!(
            ctx_dir("on a 14.6-percent increase", "14.6-percent", Kind::Percent),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir(
                "Exports rose, and the share accounted for 20 percent",
                "20 percent",
                Kind::Percent
            ),
            None
        );
        assert_eq!(
            ctx_dir(
                "Imports slid 3.7 percent to $15.2 billion",
                "$15.2 billion",
                Kind::Money
            ),
            None
        );
        assert_eq!(
            ctx_dir("sales increased by USD 2 billion", "USD 2 billion", Kind::Money),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir(
                "the online share rose 0.4 points to 31.2 percent",
                "31.2 percent",
                Kind::Percent
            ),
            None
        );
        assert_eq!(
            ctx_dir(
                "losses shrank to 2.5 percent, compared with 3.1 percent before",
                "3.1 percent",
                Kind::Percent
            ),
            None
        );
        assert_eq!(ctx_dir("trimming fees for farms by 12%", "12%", Kind::Percent), None);
        assert_eq!(
            ctx_dir("cutting fees for farms by 12%", "12%", Kind::Percent),
            Some(Direction::Down)
        );
        assert_eq!(ctx_dir("in Q2 2024 more than doubling", "Q2 2024", Kind::Date), None);
        assert_eq!(
            ctx_dir("hybrids take up 31.6 percent", "31.6 percent", Kind::Percent),
            None
        );
    }
}
