//! Whether a word is a verb in its place.

use super::tokens::{T, Tok, word_class};
use super::words::*;

/// True when a regular `-ed`/`-ing` word stands before a noun, as an adjective (`processed
/// food`); a preposition is no noun (`stayed below the target`).
pub(super) fn before_noun(toks: &[T], j: usize) -> bool {
    word_class(toks, j + 1).is_some_and(|n| {
        n & LOWER_HYPHEN != 0 && n & (FORWARD_STOP | NOT_NOUN | ENDS_LY | IS_VERB | ADVERB | PREPOSITION) == 0
    })
}

/// The token at `j` is a verb in its place: a listed verb not after an article, a regular
/// form not before a noun, or any word after a modal (`will provide`, `to grow`).
/// Remembered in the token: the answer depends on `toks` only, which stay the same for
/// every figure of a window (`subjects_kept` makes the tokens forget it when the window moves).
/// Inlined, so that a remembered answer is a load and a test.
#[inline]
pub(super) fn verb_at(toks: &[T], j: usize) -> bool {
    let Some(t) = toks.get(j) else { return false };
    if let Some(v) = t.known_verb() {
        debug_assert_eq!(v, verb_in_place(toks, j));
        return v;
    }
    let v = verb_in_place(toks, j);
    t.set_verb(v);
    v
}

/// `verb_at`, found. Most words asked are no listed verb nor of a verb's shape: they are
/// told here, the others out of line (`verb_by_list_or_shape`).
#[inline(never)]
fn verb_in_place(toks: &[T], j: usize) -> bool {
    let Some(c) = word_class(toks, j) else {
        return false;
    };
    if c & (VERB_LISTED | HEADLINE | IS_VERB) != 0 {
        if let Some(v) = verb_by_list_or_shape(toks, j, c) {
            return v;
        }
    }
    // `the wind farm lies 15 miles`: an `-s` form after a singular noun that an article
    // opens, right before a figure, agrees with it as its verb.
    if agrees_before_figure(toks, j) {
        return true;
    }
    // `account for`, `make up`: a share verb with its particle (`the current account` is a noun).
    let particle = || matches!(toks.get(j + 1).map(|t| t.tok), Some(Tok::Word(w)) if w.eq_ignore_ascii_case("for") || w.eq_ignore_ascii_case("up"));
    if c & SHARE != 0 && particle() && !after_article(toks, j) {
        return true;
    }
    // Only a bare form is a verb after `to` or a helper: the word before is read for one.
    if c & BARE == 0 {
        return false;
    }
    match j.checked_sub(1).and_then(|m| word_class(toks, m)) {
        // `to` leads a place as often as a verb: `to the U.S.`, `to markets`, but `to raise`.
        Some(m) if m & TO != 0 => c & (PLURAL | DETERMINER) == 0,
        Some(m) if m & AUX != 0 => true,
        _ => false,
    }
}

/// Whether the word at `j` of class `c` is a verb as a listed verb, a headline verb or a
/// word of a verb's shape (`-ed`, `-ing`) is; `None` when it is none of them.
#[inline(never)]
fn verb_by_list_or_shape(toks: &[T], j: usize, c: u64) -> Option<bool> {
    // In a headline `Rise`, `Cut`, `Jump` are verbs; mid-sentence capitals only occur there.
    // In a headline `Rise`, `Cut`, `Jump` are verbs; anywhere, a change word right before a
    // figure or `by`/`to` + figure is (`exports advance 18%`, `exports increase by 8%`),
    // unless a figure stands before it (`a 5% increase to`).
    // Asked only of a headline word: most words are none (their neighbours stay unread).
    let before_figure = || match toks.get(j + 1).map(|t| t.tok) {
        Some(Tok::Fig(_)) => true,
        Some(Tok::Word(_)) => {
            word_class(toks, j + 1).is_some_and(|n| n & OBJECT_LINK != 0)
                && matches!(toks.get(j + 2).map(|t| t.tok), Some(Tok::Fig(_)))
        }
        _ => false,
    };
    let after_figure = || j > 0 && matches!(toks[j - 1].tok, Tok::Fig(_));
    let headline_verb = j > 0
        && c & HEADLINE != 0
        && (c & UPPER != 0 || ((before_figure() || object_then_figure(toks, j)) && !after_figure()));
    if c & VERB_LISTED != 0 || headline_verb {
        return Some(!after_article(toks, j) && !after_modifier(toks, j));
    }
    if c & IS_VERB == 0 {
        return None;
    }
    // `to returning inflation`, `by cutting costs`: a gerund after a preposition takes
    // an object.
    let gerund = matches!(toks[j].tok, Tok::Word(w) if w.ends_with("ing"))
        && j > 0
        && word_class(toks, j - 1).is_some_and(|p| p & OBJECT_LINK != 0);
    // `Peru ranked second`, `partners showed positive results`: after a name or a
    // plural noun mid-sentence an `-ed` form is the verb even before a noun.
    let after_name = j > 1
        && matches!(toks[j].tok, Tok::Word(w) if w.ends_with("ed"))
        && word_class(toks, j - 1)
            .is_some_and(|p| p & (UPPER | PLURAL) != 0 && p & (ARTICLE | DETERMINER | IS_VERB | VERB_LISTED) == 0);
    // `The Board also established rates`: an `-ed` form after a listed adverb that
    // follows a noun is the verb (`the now closed plant`: after an article it is not).
    let after_adverb = j > 1
        && matches!(toks[j].tok, Tok::Word(w) if w.ends_with("ed"))
        && word_class(toks, j - 1).is_some_and(|p| p & ADVERB != 0)
        && word_class(toks, j - 2).is_some_and(|p| p & (ARTICLE | DETERMINER | PREPOSITION | ADVERB) == 0);
    Some(gerund || after_name || after_adverb || !before_noun(toks, j))
}

/// `the plan cut freight costs by 3%`: a change word followed by a few plain words (its
/// object) and `by`/`to` + figure is a verb.
///
/// ```text
/// change-word word{1,4} ("by" | "to") figure
/// ```
fn object_then_figure(toks: &[T], j: usize) -> bool {
    for m in j + 1..(j + 6).min(toks.len()) {
        let link = m > j + 1 && word_class(toks, m).is_some_and(|c| c & OBJECT_LINK != 0);
        if link && matches!(toks.get(m + 1).map(|t| t.tok), Some(Tok::Fig(_))) {
            return true;
        }
        if word_class(toks, m).is_none_or(|c| c & (IS_VERB | VERB_LISTED | MODAL) != 0) {
            return false;
        }
    }
    false
}

/// `The complex covers 12 hectares`, `the farm lies about 15 miles offshore`:
///
/// ```text
/// article word{0,2} singular-noun verb-s FIG
/// ```
fn agrees_before_figure(toks: &[T], j: usize) -> bool {
    // Most words stand before no figure: told first.
    if j == 0 || !matches!(toks.get(j + 1).map(|t| t.tok), Some(Tok::Fig(_))) {
        return false;
    }
    let Some(Tok::Word(w)) = toks.get(j).map(|t| t.tok) else {
        return false;
    };
    let verb_s = w.len() > 3
        && w.ends_with('s')
        && !["ss", "us", "is"].iter().any(|x| w.ends_with(x))
        && word_class(toks, j).is_some_and(|c| c & BARE != 0 && c & (GENERIC_WORD | PREPOSITION | ADVERB) == 0);
    if !verb_s {
        return false;
    }
    let singular = matches!(toks[j - 1].tok, Tok::Word(n) if !n.ends_with('s'))
        && word_class(toks, j - 1).is_some_and(|c| c & (ARTICLE | DETERMINER | PREPOSITION | MODAL | ADVERB) == 0);
    singular
        && (1..=3).any(|back| {
            j.checked_sub(back + 1)
                .and_then(|m| word_class(toks, m))
                .is_some_and(|c| c & ARTICLE != 0)
        })
}

/// A change word after a hyphenated modifier is a noun (`year-on-year decreases`).
fn after_modifier(toks: &[T], at: usize) -> bool {
    at.checked_sub(1)
        .and_then(|m| word_class(toks, m))
        .is_some_and(|c| c & LOWER_HYPHEN != 0 && c & BARE == 0)
}

/// A word right after an article is a noun, not a verb (`the previous record`, `a total`).
pub(super) fn after_article(toks: &[T], at: usize) -> bool {
    let Some(m) = at.checked_sub(1) else { return false };
    let possessive = matches!(toks[m].tok, Tok::Word(w) if w.ends_with("'s") || w.ends_with("’s"));
    possessive || word_class(toks, m).is_some_and(|c| c & ARTICLE != 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::subject::tokens::cut;

    /// `verb_in_place` as it was first written, every test of a word made before any is
    /// used: the oracle of the one that reads the neighbours only when it needs them.
    fn verb_in_place_eager(toks: &[T], j: usize) -> bool {
        let Some(c) = word_class(toks, j) else {
            return false;
        };
        let before_figure = match toks.get(j + 1).map(|t| t.tok) {
            Some(Tok::Fig(_)) => true,
            Some(Tok::Word(_)) => {
                word_class(toks, j + 1).is_some_and(|n| n & OBJECT_LINK != 0)
                    && matches!(toks.get(j + 2).map(|t| t.tok), Some(Tok::Fig(_)))
            }
            _ => false,
        };
        let after_figure = j > 0 && matches!(toks[j - 1].tok, Tok::Fig(_));
        let headline_verb = j > 0
            && c & HEADLINE != 0
            && (c & UPPER != 0 || ((before_figure || object_then_figure(toks, j)) && !after_figure));
        if c & VERB_LISTED != 0 || headline_verb {
            return !after_article(toks, j) && !after_modifier(toks, j);
        }
        if c & IS_VERB != 0 {
            let gerund = matches!(toks[j].tok, Tok::Word(w) if w.ends_with("ing"))
                && j > 0
                && word_class(toks, j - 1).is_some_and(|p| p & OBJECT_LINK != 0);
            let after_name = j > 1
                && matches!(toks[j].tok, Tok::Word(w) if w.ends_with("ed"))
                && word_class(toks, j - 1).is_some_and(|p| {
                    p & (UPPER | PLURAL) != 0 && p & (ARTICLE | DETERMINER | IS_VERB | VERB_LISTED) == 0
                });
            let after_adverb = j > 1
                && matches!(toks[j].tok, Tok::Word(w) if w.ends_with("ed"))
                && word_class(toks, j - 1).is_some_and(|p| p & ADVERB != 0)
                && word_class(toks, j - 2).is_some_and(|p| p & (ARTICLE | DETERMINER | PREPOSITION | ADVERB) == 0);
            return gerund || after_name || after_adverb || !before_noun(toks, j);
        }
        if agrees_before_figure(toks, j) {
            return true;
        }
        let particle = matches!(toks.get(j + 1).map(|t| t.tok), Some(Tok::Word(w)) if w.eq_ignore_ascii_case("for") || w.eq_ignore_ascii_case("up"));
        if c & SHARE != 0 && particle && !after_article(toks, j) {
            return true;
        }
        let bare = c & BARE != 0;
        match j.checked_sub(1).and_then(|m| word_class(toks, m)) {
            Some(m) if m & TO != 0 => bare && c & (PLURAL | DETERMINER) == 0,
            Some(m) if m & AUX != 0 => bare,
            _ => false,
        }
    }

    /// Every token of `text`'s sentences is a verb or not as the oracle says.
    fn same_verbs(text: &str) {
        for span in crate::sentences::split(text) {
            let sentence = &text[span];
            let all = crate::scan::figures(sentence, false);
            let toks = cut(sentence, &all).toks;
            for j in 0..=toks.len() {
                assert_eq!(
                    verb_in_place(&toks, j),
                    verb_in_place_eager(&toks, j),
                    "{j} of {sentence}"
                );
            }
        }
    }

    #[test]
    fn verbs_are_found_as_the_eager_oracle_finds_them() {
        for s in [
            "Officials expect to raise the levy to $4 billion.",
            "The plan will cut freight costs by 3% and helps growers account for 40% of sales.",
            "Tea Exports Rise 8 Percent; the farm lies 15 miles offshore and covers 12 hectares.",
            "Ministers want to markets, to raise the 5% cap, and by cutting fees saved $2 million.",
        ] {
            same_verbs(s);
        }
        let texts = crate::fixture_texts();
        for text in &texts {
            same_verbs(text);
        }
        assert!(!texts.is_empty());
    }
}
