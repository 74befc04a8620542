//! The look back: the nearest direction word before a figure in its clause.

use std::sync::LazyLock;

use crate::model::Direction;
use crate::words::{CLAUSE_BYTES, ClauseByte, Shapes, WordBits, has_shape, holds, str_shapes, with_lower};

use super::after::{after_direction, after_word};
use super::lists::{
    DOWN_WORDS, LEVEL_DETERMINERS, LEVEL_MARKERS, NEUTRAL, NEUTRAL_NOUNS, UP_TAKERS, UP_WORDS, word_direction,
};

/// The words of `before`'s clause (a `;` or `:` ends it), nearest first. Walks back only
/// as far as it is asked: scanning the whole prefix for every figure was quadratic in a
/// long sentence full of figures.
pub(super) fn words_back(before: &str) -> impl Iterator<Item = &str> {
    let bytes = before.as_bytes();
    let mut at = bytes.len(); // where the walk stands, going backwards
    // The class of the byte before `at` (`None` at the start).
    let class = move |at: usize| Some(CLAUSE_BYTES[usize::from(*bytes.get(at.checked_sub(1)?)?)]);
    // A character beyond ASCII that ends at `at`: where it starts, and whether it is part
    // of a word.
    let wide = move |at: usize| -> Option<(usize, bool)> {
        let c = before.get(..at)?.chars().next_back()?;
        Some((at - c.len_utf8(), c.is_alphanumeric()))
    };
    std::iter::from_fn(move || {
        // Over what is between words, stopping at the clause's start.
        loop {
            match class(at)? {
                ClauseByte::Word => break,
                ClauseByte::End => {
                    at = 0;
                    return None;
                }
                ClauseByte::Between => at -= 1,
                ClauseByte::Wide => match wide(at)? {
                    (_, true) => break,
                    (start, false) => at = start,
                },
            }
        }
        let end = at;
        loop {
            match class(at) {
                Some(ClauseByte::Word) => at -= 1,
                Some(ClauseByte::Wide) => match wide(at) {
                    Some((start, true)) => at = start,
                    _ => break,
                },
                _ => break,
            }
        }
        before.get(at..end)
    })
}

/// Words of a list of figures, walked back over: numbers, percent words, joiners.
fn in_figure_list(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit()) || holds(&["and", "or", "percent", "per", "cent", "pct"], w)
}

/// The words back from a figure (nearest first) are `of`, a noun phrase of at most four
/// words without a change or neutral word, and a level marker (`to an annual rate of`).
fn level_named_before_of<'a>(mut back: impl Iterator<Item = &'a str>) -> bool {
    if !back.next().is_some_and(|w| w.eq_ignore_ascii_case("of")) {
        return false;
    }
    let mut back = back.peekable();
    // `by an average of 3%`, `a total of`: the amount of a change, not a level's name.
    if back
        .peek()
        .is_some_and(|w| holds(&["average", "total", "cumulative", "maximum", "minimum"], w))
    {
        return false;
    }
    for w in back.take(5) {
        // `a levy of 0.15%`, `the tariff of 25%`: an article opens the noun naming it.
        if holds(LEVEL_MARKERS, w) || holds(LEVEL_DETERMINERS, w) {
            return true;
        }
        if look_back_cue(w).is_some() || w.starts_with(|c: char| c.is_ascii_digit()) {
            return false;
        }
    }
    false
}

/// A copula whose subject may be a change noun: `growth is projected at 0.9%`.
const COPULAS: &[&str] = &["is", "was", "are", "were", "be", "been"];

/// The nearest direction word before the figure within its clause (of its last 24 words).
/// Out of line: asked for percents only, its code in the scan's walk loop made the
/// loop itself cost more.
#[inline(never)]
pub(super) fn look_back(before: &str) -> Option<Direction> {
    let mut back = WordsBack::new(words_back(before));
    if back.get(0).is_some_and(|w| holds(LEVEL_MARKERS, w)) {
        return None;
    }
    // `eased to an annual rate of 3.5 per cent`, `fell to a low of 2%`: a level named by a
    // noun between the marker and `of`.
    if level_named_before_of((0..6).map_while(|i| back.get(i))) {
        return None;
    }
    // A later member of a list of levels: `decreased to 2.00%, 2.15% and 2.40%`. (The
    // nearest word is asked first: when it is no list word, the first such word is it,
    // and it is no level marker, as asked above.)
    if back.get(0).is_some_and(in_figure_list)
        && (0..12)
            .map_while(|i| back.get(i))
            .find(|w| !in_figure_list(w))
            .is_some_and(|w| holds(LEVEL_MARKERS, w))
    {
        return None;
    }
    // `rise to its 2 percent objective`: a determiner between `to` and the level.
    if back.get(0).is_some_and(|w| holds(LEVEL_DETERMINERS, w)) && back.get(1).is_some_and(|w| holds(LEVEL_MARKERS, w))
    {
        return None;
    }
    // `lower the target range by 1/2 point`: after `by`, the verb is looked for past the
    // nouns of what changes.
    let after_by = back.get(0).is_some_and(|w| w.eq_ignore_ascii_case("by"));
    let mut next = 0;
    for _ in 0..24 {
        let Some(w) = back.get(next) else { break };
        next += 1;
        let cue = back_cue(w);
        if cue & BACK_UP_WORD != 0 && back.get(next).is_some_and(|p| back_cue(p) & BACK_UP_TAKER != 0) {
            return None;
        }
        if after_by && cue & BACK_NEUTRAL_NOUN != 0 {
            continue;
        }
        // `growth is projected at 0.9%`, `the increase was 5%`: a change noun for subject.
        if cue & BACK_COPULA != 0 {
            if let Some(noun) = back.get(next) {
                if after_word(noun) != 0 {
                    return with_lower(noun, word_direction).or_else(|| after_direction(noun));
                }
            }
            return None;
        }
        if let Some(d) = says(cue) {
            return d;
        }
    }
    None
}

/// The words back from a figure (`words_back`), each walked over once however often
/// `look_back`'s tests ask for it: its first 25.
struct WordsBack<'a, I> {
    walk: I,
    seen: [&'a str; 25],
    len: usize,
}

impl<'a, I: Iterator<Item = &'a str>> WordsBack<'a, I> {
    fn new(walk: I) -> Self {
        WordsBack {
            walk,
            seen: [""; 25],
            len: 0,
        }
    }

    /// The `n`th word back (0 the nearest), walking back to it if not yet there.
    fn get(&mut self, n: usize) -> Option<&'a str> {
        while self.len <= n {
            let slot = self.seen.get_mut(self.len)?;
            *slot = self.walk.next()?;
            self.len += 1;
        }
        self.seen.get(n).copied()
    }
}

/// The lists `look_back` asks of every word it walks back over, as the bits of one table:
/// one look-up a word instead of a list walk or a hashed set for each.
const BACK_UP: u64 = 1;
const BACK_DOWN: u64 = 2;
const BACK_NEUTRAL: u64 = 4;
const BACK_COPULA: u64 = 8;
const BACK_UP_TAKER: u64 = 16;
const BACK_NEUTRAL_NOUN: u64 = 32;
/// `up` itself (`took up 5%`).
const BACK_UP_WORD: u64 = 64;

static BACK_CUES: LazyLock<WordBits> = LazyLock::new(|| {
    let lists: [(&[&str], u64); 6] = [
        (UP_WORDS, BACK_UP),
        (DOWN_WORDS, BACK_DOWN),
        (NEUTRAL, BACK_NEUTRAL),
        (COPULAS, BACK_COPULA),
        (UP_TAKERS, BACK_UP_TAKER),
        (NEUTRAL_NOUNS, BACK_NEUTRAL_NOUN),
    ];
    let listed = lists
        .into_iter()
        .flat_map(|(list, bit)| list.iter().map(move |w| (*w, bit)));
    WordBits::new(listed.chain([("up", BACK_UP_WORD)]))
});

/// The `BACK_CUES` bits of a word; none, without the look-up, for a word that no listed
/// word has the length and first two letters of (`the`, `of`, a number: most words).
fn back_cue(w: &str) -> u64 {
    static BACK_SHAPES: Shapes = str_shapes(&[
        UP_WORDS,
        DOWN_WORDS,
        NEUTRAL,
        COPULAS,
        UP_TAKERS,
        NEUTRAL_NOUNS,
        &["up"],
    ]);
    if !has_shape(&BACK_SHAPES, w.as_bytes()) {
        return 0;
    }
    BACK_CUES.get(w)
}

/// What a word seen by `look_back` says: a direction, `Some(None)` for a neutral word that
/// stops the look with none, `None` to look further back.
pub(super) fn look_back_cue(w: &str) -> Option<Option<Direction>> {
    says(back_cue(w))
}

/// What a word says by its `BACK_CUES` bits (a word in both direction lists reads as up).
fn says(cue: u64) -> Option<Option<Direction>> {
    if cue & BACK_UP != 0 {
        Some(Some(Direction::Up))
    } else if cue & BACK_DOWN != 0 {
        Some(Some(Direction::Down))
    } else if cue & BACK_NEUTRAL != 0 {
        Some(None)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_back_kept_are_the_walk_s_words_in_any_order_of_asking() {
        for before in crate::fixture_texts().iter().flat_map(|t| t.split(['.', '\n'])) {
            let walked: Vec<&str> = words_back(before).take(25).collect();
            let mut kept = WordsBack::new(words_back(before));
            for n in [3, 0, 7, 1, 24, 12, 25, 2] {
                assert_eq!(kept.get(n), walked.get(n).copied(), "{before:?} {n}");
            }
        }
    }

    /// The last `max` words of `before`'s clause, in reading order.
    fn last_words(before: &str, max: usize) -> Vec<&str> {
        let mut words: Vec<&str> = words_back(before).take(max).collect();
        words.reverse();
        words
    }

    /// `last_words` as it was written first, walking `char`s: the oracle for the byte walk.
    fn last_words_by_chars(before: &str, max: usize) -> Vec<&str> {
        let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '\'';
        let mut words = Vec::new();
        let mut end = None;
        for (i, c) in before.char_indices().rev() {
            if is_word(c) {
                end.get_or_insert(i + c.len_utf8());
                continue;
            }
            if let Some(e) = end.take() {
                words.push(&before[i + c.len_utf8()..e]);
                if words.len() == max {
                    break;
                }
            }
            if c == ';' || c == ':' {
                break;
            }
        }
        if let Some(e) = end.filter(|_| words.len() < max) {
            words.push(&before[..e]);
        }
        words.reverse();
        words
    }

    /// `look_back` over the collected last words, as first written: the oracle for the lazy walk.
    fn look_back_over_a_list(before: &str) -> Option<Direction> {
        let words = last_words_by_chars(before, 25);
        if words.last().is_some_and(|w| holds(LEVEL_MARKERS, w)) {
            return None;
        }
        let n = words.len();
        if n >= 2 && holds(LEVEL_DETERMINERS, words[n - 1]) && holds(LEVEL_MARKERS, words[n - 2]) {
            return None;
        }
        if level_named_before_of(last_words_by_chars(before, 6).into_iter().rev()) {
            return None;
        }
        let twelve = last_words_by_chars(before, 12);
        let list_marker = twelve.iter().rev().find(|w| !in_figure_list(w));
        if list_marker.is_some_and(|w| holds(LEVEL_MARKERS, w)) && words.last().is_some_and(|w| in_figure_list(w)) {
            return None;
        }
        let after_by = words.last().is_some_and(|w| w.eq_ignore_ascii_case("by"));
        for (n, w) in words.iter().enumerate().rev().take(24) {
            if w.eq_ignore_ascii_case("up") && n > 0 && holds(UP_TAKERS, words[n - 1]) {
                return None;
            }
            if after_by && holds(NEUTRAL_NOUNS, w) {
                continue;
            }
            if holds(COPULAS, w) {
                let noun = if n > 0 { words[n - 1] } else { "" };
                if after_word(noun) != 0 {
                    return with_lower(noun, word_direction).or_else(|| after_direction(noun));
                }
                return None;
            }
            if let Some(d) = look_back_cue_by_lists(w) {
                return d;
            }
        }
        None
    }

    /// `look_back_cue` by the direction map and the neutral list: its oracle.
    fn look_back_cue_by_lists(w: &str) -> Option<Option<Direction>> {
        with_lower(w, |lower| {
            word_direction(lower)
                .map(Some)
                .or_else(|| holds(NEUTRAL, lower).then_some(None))
        })
    }

    #[test]
    fn the_look_back_table_answers_as_the_lists_for_every_word() {
        let lists = [
            (UP_WORDS, BACK_UP),
            (DOWN_WORDS, BACK_DOWN),
            (NEUTRAL, BACK_NEUTRAL),
            (COPULAS, BACK_COPULA),
            (UP_TAKERS, BACK_UP_TAKER),
            (NEUTRAL_NOUNS, BACK_NEUTRAL_NOUN),
            (&["up"], BACK_UP_WORD),
        ];
        let text = crate::fixture_texts().concat();
        let mut words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .map(String::from)
            .collect();
        for (list, _) in lists {
            words.extend(
                list.iter()
                    .flat_map(|w| [w.to_string(), w.to_uppercase(), format!("{w}x")]),
            );
        }
        words.extend(["", "é", "Up", "rose\u{e9}", "decreasingly-long-word"].map(String::from));
        for w in &words {
            for (list, bit) in lists {
                assert_eq!(back_cue(w) & bit != 0, holds(list, w), "{w}");
            }
            assert_eq!(look_back_cue(w), look_back_cue_by_lists(w), "{w}");
        }
    }

    #[test]
    fn the_lazy_look_back_reads_what_the_list_did_after_every_fixture_word() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" they took up 5 and set up; rose a b c d e f g h i j k l m n o p q r s t u v w x y up ");
        let (mut asked, mut found) = (0, 0);
        for (at, _) in text.char_indices().filter(|(at, _)| text[..*at].ends_with(' ')) {
            let before = &text[..at];
            assert_eq!(
                look_back(before),
                look_back_over_a_list(before),
                "{:?}",
                before.get(at.saturating_sub(60)..).unwrap_or(before)
            );
            asked += 1;
            found += usize::from(look_back(before).is_some());
        }
        assert!(asked > 3_000 && found > 300, "{asked} {found}");
    }

    proptest::proptest! {
        // Invented sentences of cue words, level markers, list words, stops and figures:
        // the look back reads as the list of words did, wherever a percent would stand.
        #[test]
        fn the_look_back_reads_what_the_list_did_on_random_sentences(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "rose", "fell", "up", "took", "by", "of", "to", "from", "and", "or", "percent",
                "2.5%", "7", "the", "its", "an", "average", "rate", "was", "increase", "target",
                "stable", "Sales", ",", ";", "(", "UP", "To", "caf\u{e9}", "\u{a0}",
            ]), 0..40)
        ) {
            let before = words.join(" ") + " ";
            proptest::prop_assert_eq!(look_back(&before), look_back_over_a_list(&before), "{:?}", before);
        }
    }

    #[test]
    fn last_words_walk_bytes_as_the_chars_walk_did() {
        let texts = [
            "",
            "up",
            " exports rose by ",
            "x; exports rose by",
            "it’s year-on-year: déjà vu, 12.5%",
            "Ünïcödé wörds\u{a0}and\u{2003}spaces — ‘quoted’ 三星 5",
            "a b c d e f g h i j k l m n o p q r s t u v w x y z 1 2 3",
        ];
        for t in texts {
            for max in [1, 2, 3, 25] {
                assert_eq!(last_words(t, max), last_words_by_chars(t, max), "{t:?} {max}");
            }
        }
        // Every prefix of the fixtures' sentences (each a text before a figure).
        let fixtures = crate::fixture_texts().concat();
        for sentence in fixtures.split(['.', '\n']) {
            for (at, _) in sentence.char_indices() {
                let t = &sentence[..at];
                assert_eq!(last_words(t, 25), last_words_by_chars(t, 25), "{t:?}");
            }
        }
    }

    #[test]
    fn last_words_stop_at_the_clause_and_the_count() {
        assert_eq!(last_words("x; exports rose by", 5), ["exports", "rose", "by"]);
        assert_eq!(last_words("a b c d e", 2), ["d", "e"]);
        assert_eq!(last_words("year-on-year, it's up", 9), ["year-on-year", "it's", "up"]);
        assert!(last_words("", 3).is_empty());
        assert_eq!(last_words("prix élevé — hausse: déjà 5 fois", 9), ["déjà", "5", "fois"]);
        assert_eq!(last_words("l’an\u{a0}dernier rose", 9), ["l", "an", "dernier", "rose"]);
    }
}
