//! The noun phrase after a count or an ordinal: where it ends, and its words (the unit).
//!
//! ```text
//! phrase    = { modifier } head
//! token     = word | "(" ABBREV ")"          ; quotes around words are skipped, never kept
//! word      = alnum { alnum | ("-" | "&") alnum }
//! ends      = punctuation | line break | stop_word | number | possessive "'s"
//! ```
//! The word model (see `grammar-notes.md`, "Where a noun phrase ends"):
//! - stop words end a phrase before them: determiners, prepositions, conjunctions,
//!   auxiliaries, common irregular past tenses (`went`, `rose`), pronouns and relative
//!   words (`STOP`), and any number;
//! - a count's head is its first plural word (`items`, `SMRs`, `people`); a plural right
//!   after it joins it (`parts makers`), anything else ends it — so a verb after a plural
//!   noun (`buyers signed`, `startups join`) is never taken in;
//! - an ordinal's head is singular: its phrase ends before a stop word, before a lowercase
//!   `-ed` word after the first (`session hosted by`), before a later word in `s` (a verb:
//!   `Committee Marks`), after a role noun that a name follows (`Vice Minister Park`), or
//!   after a plural first word.
//!
//! The walks that read a phrase are here; its tokens are read in `tokens.rs`, the word
//! lists and tests (stop, plural, role) are in `words.rs`, and the unit is built in
//! `unit.rs`.

mod tokens;
mod unit;
mod words;

#[cfg(test)]
use super::with_lower;
use tokens::next_token;
use unit::{UnitBuf, Words};
use words::{Lowered, ends_phrase, ends_phrase_lowered, plural_lowered};
#[cfg(test)]
use words::{is_plural, role};

pub use words::is_stop_word;

/// A phrase read after a number: its unit (lowercased words) and the text after its head.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase<'a> {
    pub unit: String,
    pub rest: &'a str,
}

/// Longest phrase read before giving up: bulletins' counted phrases are short.
const MAX_WORDS: usize = 6;

/// The counted phrase after a number: modifiers up to the first plural word, with any
/// plural right after it (`parts makers`). `None` when no plural head comes first.
pub fn plural_phrase(i: &str) -> Option<Phrase<'_>> {
    let mut at = i;
    let mut unit = UnitBuf::new();
    for _ in 0..MAX_WORDS {
        let tok = next_token(at)?;
        let lower = unit.lower(tok.text);
        if ends_phrase_lowered(lower, &tok) {
            return None;
        }
        let plural = !tok.abbrev && plural_lowered(lower, &tok);
        unit.keep();
        at = tok.after;
        if plural {
            while let Some(t) = next_token(at) {
                let lower = unit.lower(t.text);
                if t.abbrev || ends_phrase_lowered(lower, &t) || !plural_lowered(lower, &t) {
                    break;
                }
                unit.keep();
                at = t.after;
            }
            return Some(Phrase {
                unit: unit.into_unit(i, at),
                rest: at,
            });
        }
    }
    None
}

/// `plural_phrase` with each word test lowering the word again, as first written.
#[cfg(test)]
fn plural_phrase_by_words(i: &str) -> Option<Phrase<'_>> {
    let mut at = i;
    let mut words = Words::new();
    for _ in 0..MAX_WORDS {
        let tok = next_token(at)?;
        if ends_phrase(&tok) {
            return None;
        }
        at = tok.after;
        words.push(tok.text);
        if !tok.abbrev && is_plural(tok.text) {
            while let Some(t) = next_token(at) {
                if t.abbrev || ends_phrase(&t) || !is_plural(t.text) {
                    break;
                }
                at = t.after;
                words.push(t.text);
            }
            return Some(Phrase {
                unit: words.unit(i, at),
                rest: at,
            });
        }
    }
    None
}

/// The ordered (singular) phrase after an ordinal or a `1`; empty when none follows.
pub fn singular_phrase(i: &str) -> Phrase<'_> {
    let (rest, words) = singular_walk(i);
    Phrase {
        unit: words.unit(i, rest),
        rest,
    }
}

/// Some singular phrase follows `i` (no unit is built: a look ahead).
pub fn has_singular_phrase(i: &str) -> bool {
    singular_rest(i).len() < i.len()
}

/// The singular phrase after a counted `1`, when its last word has two letters or more:
/// a one-letter last word is an abbreviation (`1 p.m.`), not a thing counted. The unit
/// is made only for a phrase that is kept.
pub fn singular_counted(i: &str) -> Option<Phrase<'_>> {
    let (rest, words) = singular_walk(i);
    let last = match words.texts.get(..words.len) {
        Some(texts) => texts.last().copied().unwrap_or(""),
        None => last_token_before(i, rest),
    };
    // The unit's last word is this token lower-cased: its letters, as `to_lowercase` makes them.
    (last.chars().flat_map(char::to_lowercase).count() >= 2).then(|| Phrase {
        unit: words.unit(i, rest),
        rest,
    })
}

/// The text of the last token from `i` up to `end` (a later suffix of `i`); empty when
/// there is none.
fn last_token_before<'a>(i: &'a str, end: &str) -> &'a str {
    let mut last = "";
    let mut at = i;
    while at.len() > end.len() {
        let Some(t) = next_token(at) else { break };
        last = t.text;
        at = t.after;
    }
    last
}

/// Where the singular phrase at `i` ends.
fn singular_rest(i: &str) -> &str {
    singular_walk(i).0
}

/// Where the singular phrase at `i` ends, and the words up to there (unknown after
/// `from_side`, which reads them again).
fn singular_walk(i: &str) -> (&str, Words<'_>) {
    // `third from the right`: a place in a photo caption.
    if let Some(rest) = from_side(i) {
        return (rest, Words::unknown());
    }
    let mut kept = Words::new();
    let mut walked = Words::new();
    let mut words = 0;
    let mut at = i;
    // After the last word that is not an abbreviation: a trailing abbreviation belongs
    // to the name before it, not to the head.
    let mut rest = i;
    while words < MAX_WORDS {
        let Some(tok) = next_token(at) else { break };
        let lower = Lowered::of(&tok);
        if lower.ends_phrase(&tok) {
            break;
        }
        let first = words == 0;
        let lowercase = tok.text.starts_with(|c: char| c.is_lowercase());
        if !first && lowercase && lower.participle(&tok) {
            break; // a verb after the head: `session hosted by`
        }
        let plural = !tok.abbrev && lower.plural(&tok);
        // The head is singular: a later plural-looking word is a verb (`Committee Marks`).
        if !first && plural {
            break;
        }
        // An abbreviation ends no phrase, but does not start one either.
        if tok.abbrev && first {
            break;
        }
        words += 1;
        at = tok.after;
        walked.push(tok.text);
        if !tok.abbrev {
            rest = at;
            kept.len = walked.len;
        }
        if plural || lower.role(&tok) {
            break;
        }
    }
    kept.texts = walked.texts;
    (rest, kept)
}

/// `singular_walk` with each word test lowering the word again, as first written.
#[cfg(test)]
fn singular_walk_by_words(i: &str) -> (&str, Words<'_>) {
    // `third from the right`: a place in a photo caption.
    if let Some(rest) = from_side(i) {
        return (rest, Words::unknown());
    }
    let mut kept = Words::new();
    let mut walked = Words::new();
    let mut words = 0;
    let mut at = i;
    // After the last word that is not an abbreviation: a trailing abbreviation belongs
    // to the name before it, not to the head.
    let mut rest = i;
    while words < MAX_WORDS {
        let Some(tok) = next_token(at) else { break };
        if ends_phrase(&tok) {
            break;
        }
        let first = words == 0;
        let lowercase = tok.text.starts_with(|c: char| c.is_lowercase());
        if !first && lowercase && with_lower(tok.text, |lower| lower.len() > 3 && lower.ends_with("ed")) {
            break; // a verb after the head: `session hosted by`
        }
        let plural = !tok.abbrev && is_plural(tok.text);
        // The head is singular: a later plural-looking word is a verb (`Committee Marks`).
        if !first && plural {
            break;
        }
        // An abbreviation ends no phrase, but does not start one either.
        if tok.abbrev && first {
            break;
        }
        words += 1;
        at = tok.after;
        walked.push(tok.text);
        if !tok.abbrev {
            rest = at;
            kept.len = walked.len;
        }
        if plural || with_lower(tok.text, |lower| role(lower.as_bytes())) {
            break;
        }
    }
    kept.texts = walked.texts;
    (rest, kept)
}

/// `from the right`, `from left`: where a person stands in a photo; where it ends.
fn from_side(i: &str) -> Option<&str> {
    let t1 = next_token(i)?;
    if !t1.text.eq_ignore_ascii_case("from") {
        return None;
    }
    let mut t = next_token(t1.after)?;
    if t.text.eq_ignore_ascii_case("the") {
        t = next_token(t.after)?;
    }
    if !(t.text.eq_ignore_ascii_case("right") || t.text.eq_ignore_ascii_case("left")) {
        return None;
    }
    Some(t.after)
}

/// The single word after a number when nothing else follows it before `and`/`or`, a comma
/// or a closing bracket: `(148 domestic and 39 overseas)`.
/// Returns the word as written and the text after it: the unit (the word lower-cased) is
/// made by the caller once the word is kept.
pub fn lone_word(i: &str) -> Option<(&str, &str)> {
    let tok = next_token(i)?;
    if tok.abbrev || ends_phrase(&tok) || !tok.text.chars().all(char::is_alphabetic) {
        return None;
    }
    Some((tok.text, tok.after))
}

#[cfg(test)]
mod tests {
    use super::unit::unit_until;
    use super::*;

    fn plural(s: &str) -> Option<(String, &str)> {
        plural_phrase(s).map(|p| (p.unit, p.rest))
    }

    #[test]
    fn singular_units_from_the_walk_are_the_units_read_again() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" 3rd from the left Kim, 1 p.m. 2nd Vice Minister Park (MOTIE) (SSM) Trade Marks");
        text.push_str(" 1 new (EV) plant (ESS) was, 4th Größe Ämter meeting hosted by 1 x (AB)");
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            let p = singular_phrase(i);
            assert_eq!(p.unit, unit_until(i, p.rest), "{at}");
            let rest = singular_rest(i);
            let last = last_token_before(i, rest);
            let old = (last.chars().flat_map(char::to_lowercase).count() >= 2).then(|| Phrase {
                unit: unit_until(i, rest),
                rest,
            });
            assert_eq!(singular_counted(i), old, "{at}");
        }
    }

    #[test]
    fn units_from_the_walk_are_the_units_read_again() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" 5 Größen Änderungen, 7 parts makers suppliers dealers firms banks plants farms mills ports docks yards lots halls");
        text.push_str(" 3 \u{201c}Big\u{201d} (SSM) new-build EVs, 8 a&b co-ops, 9 these\nsurveys");
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            if let Some(p) = plural_phrase(i) {
                assert_eq!(p.unit, unit_until(i, p.rest), "{at}");
            }
        }
    }

    #[test]
    fn count_heads_end_at_the_first_plural() {
        assert_eq!(
            plural(" newly selected items were"),
            Some(("newly selected items".into(), " were"))
        );
        assert_eq!(plural(" buyers signed purchase deals").unwrap().0, "buyers");
        assert_eq!(plural(" Startups Join Smart Factory").unwrap().0, "startups");
        assert_eq!(
            plural(" state-run research institutions.").unwrap().0,
            "state-run research institutions"
        );
        assert_eq!(plural(" fuselage panels a month").unwrap().0, "fuselage panels");
        assert_eq!(plural(" auto parts makers in").unwrap().0, "auto parts makers");
        assert_eq!(plural(" overseas buyers").unwrap().0, "overseas buyers");
        assert_eq!(plural(" SMRs by 2040").unwrap().0, "smrs");
        assert_eq!(plural(" MOUs and").unwrap().0, "mous");
        assert_eq!(plural(" people attended").unwrap().0, "people");
        assert_eq!(plural(" countries’ leaders").unwrap().0, "countries");
    }

    #[test]
    fn quotes_are_skipped_and_abbreviations_kept() {
        let (unit, rest) = plural(" \u{201c}super supermarket\" (SSM) operators, and").unwrap();
        assert_eq!((unit.as_str(), rest), ("super supermarket (ssm) operators", ", and"));
    }

    #[test]
    fn no_plural_head_is_no_count() {
        assert_eq!(plural(" was awarded to"), None);
        assert_eq!(plural(" of the program rules"), None);
        assert_eq!(plural(", and"), None);
        assert_eq!(plural(" ADAS sensor"), None);
        assert_eq!(plural("\nNew items"), None);
    }

    #[test]
    fn walks_lowering_each_word_once_read_what_they_read_lowering_it_per_test() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(
            " 5 Deputy Ministers hosted 3 trade-offs (EV) makers PEOPLE Plans 2 supercalifragilisticexpialidocious",
        );
        text.push_str(
            "s rules 4 CHAIRMEN 1 Spokesperson said 6 th\u{e9}s Ministries 7 overseas WHEREABOUTS 9 status quo",
        );
        // Units longer than the walk's buffer of 64 bytes, by a word or a long run.
        text.push_str(" 8 supercalifragilisticexpialidociously-made makers Plans rules, 3 parts makers");
        text.push_str(" plans rules sellers buyers dealers traders markets banks firms users 2 Übers");
        let mut plural = 0;
        for (at, _) in text.char_indices() {
            let i = &text[at..];
            assert_eq!(plural_phrase(i), plural_phrase_by_words(i), "{at}");
            let (rest, words) = singular_walk(i);
            let (rest_by_words, words_by_words) = singular_walk_by_words(i);
            assert_eq!(rest, rest_by_words, "{at}");
            assert_eq!(words.unit(i, rest), words_by_words.unit(i, rest), "{at}");
            plural += usize::from(plural_phrase(i).is_some());
        }
        assert!(plural > 1_000, "{plural}");
    }

    #[test]
    fn ordinal_phrases() {
        let u = |s| singular_phrase(s).unit;
        assert_eq!(u(" Vice Minister Park Il-jun attended"), "vice minister");
        assert_eq!(u(" session hosted by the Canadian side"), "session");
        assert_eq!(u(" consecutive month in October"), "consecutive month");
        assert_eq!(
            u(" Trade Promotion Committee meeting was held"),
            "trade promotion committee meeting"
        );
        assert_eq!(u(" among its suppliers"), "");
        assert_eq!(u(", selling"), "");
        assert_eq!(u(" from the right) made"), "from the right");
        assert_eq!(u(" Partnership for Hydrogen (IPHE)"), "partnership");
        assert_eq!(u(" markets in"), "markets");
        assert_eq!(u(" new substation went online"), "new substation");
        assert_eq!(
            u(" Industrial Cooperation Committee Marks 25th"),
            "industrial cooperation committee"
        );
    }
}
