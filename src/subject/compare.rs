//! Figures that measure what another figure or phrase of the sentence measures (the base
//! of a change, a share tied to its part or whole, gapped and apposed figures), and the
//! checks every subject passes (it names something, it is no time phrase).

use super::phrase::{back_start, bare_measure, copy_of, forward_end, give_back_string, kept_if, phrase};
use super::tokens::{T, Tok, lower_at, word_class};
use super::verbs::verb_at;
use super::wordlists::POST_PREPS;
use super::words::*;
use crate::model::Kind;
use crate::scan::Found;

/// True when the figure at token `k` is the base of a change said before it:
///
/// ```text
/// base = ("from" | "than" | "after" | "against" | "versus" | "over"
///         | compared ("with" | "to")) filler* figure
/// filler = article | determiner | adverb | measure noun | "of" | "and" | hyphenated word | figure
/// ```
///
/// `up from 2.0%`, `compared with £3.3 billion`, `after a year-on-year decrease of 0.4%`,
/// `an increase of 43% over USD 291 billion`, `from the 7 GW added in 2024`.
pub(super) fn is_base(sentence: &str, toks: &[T], k: usize) -> bool {
    // `up 26 percent to $1.8 billion`: the level a change reached.
    let to_level = k >= 2
        && matches!(toks[k - 1].tok, Tok::Word(w) if w.eq_ignore_ascii_case("to"))
        && matches!(toks[k - 2].tok, Tok::Fig(_));
    // `an increase of 43% over USD 291 billion`: `over` joined the figure's text as a
    // qualifier, but after a change it names the base.
    let over = k >= 1
        && matches!(toks[k - 1].tok, Tok::Fig(_))
        && sentence
            .get(toks[k].start..)
            .and_then(|t| t.get(..5))
            .is_some_and(|t| t.eq_ignore_ascii_case("over "));
    if to_level || over {
        return true;
    }
    let mut j = k;
    while j > 0 {
        j -= 1;
        let t = &toks[j];
        match t.tok {
            Tok::Fig(_) => {}
            Tok::Word(w) => {
                let c = t.lower();
                if c & BASE != 0 {
                    return true;
                }
                // `compared with`, `compared to`, `relative to`.
                if (w.eq_ignore_ascii_case("with") || w.eq_ignore_ascii_case("to"))
                    && j > 0
                    && lower_at(toks, j - 1).is_some_and(|p| p & COMPARED != 0)
                {
                    return true;
                }
                let hyphened = t.class() & LOWER_HYPHEN != 0 && t.class() & BARE == 0;
                let filler = c & (ARTICLE | DETERMINER | ADVERB | GENERIC_WORD | OF | AND | OBJECT_LINK) != 0
                    || t.class() & TAIL_LY != 0
                    || hyphened;
                if !filler {
                    return false;
                }
            }
            Tok::Punct(_) => return false,
        }
    }
    false
}

/// The base of a change measures what the figure before it measures.
pub(super) fn base_of(sentence: &str, toks: &[T], k: usize, prev: Option<&str>) -> Option<String> {
    let prev = prev.filter(|p| !p.is_empty())?;
    is_base(sentence, toks, k).then(|| copy_of(prev))
}

/// A figure joined to the figure before it with nothing that names a new subject:
///
/// ```text
/// gapped     FIG1 ... ("and" | "or" | ",") ["by" | "to"] FIG2   -- no verb, parenthesis or
///                                                                  clause word between
/// which      ... FIG1 ..., "which" | "that" ... FIG2          -- about the clause before
/// participle ("," | ";") V-ing ... FIG2                        -- no subject of its own
/// ```
///
/// `add 26 GW of capacity in 2025 and 22 GW in 2026`, `totaled 32 million barrels, which
/// is a 42% decrease`, `was £7.5 billion; widening by £1.5 billion`.
pub(super) fn shares_previous(toks: &[T], k: usize, prev: Option<&str>) -> Option<String> {
    let prev = prev.filter(|p| !p.is_empty())?;
    (gapped(toks, k) || after_which(toks, k) || bare_participle(toks, k)).then(|| copy_of(prev))
}

/// `... 26 GW of capacity in 2025 and 22 GW in 2026`.
fn gapped(toks: &[T], k: usize) -> bool {
    let mut j = k;
    // `and by 1.3%`: past the link word.
    if j > 0 && lower_at(toks, j - 1).is_some_and(|l| l & OBJECT_LINK != 0) {
        j -= 1;
    }
    let joined = j > 0 && (toks[j - 1].tok == Tok::Punct(',') || lower_at(toks, j - 1).is_some_and(|l| l & AND != 0));
    if !joined {
        return false;
    }
    // Back to the figure before: only words that are no verb or clause word, and dates.
    let mut m = j - 1;
    while m > 0 {
        m -= 1;
        match toks[m].tok {
            Tok::Fig(_) => return !verb_between(toks, m, j - 1),
            Tok::Punct(',') => {}
            Tok::Punct(_) => return false,
            Tok::Word(_) => {
                if toks[m].class() & (BACK_STOP | CLAUSE_OPEN) != 0
                    || lower_at(toks, m).is_some_and(|l| l & RELATIVE != 0)
                {
                    return false;
                }
            }
        }
    }
    false
}

fn verb_between(toks: &[T], a: usize, b: usize) -> bool {
    (a + 1..b).any(|m| verb_at(toks, m))
}

/// `..., which is a 42% decrease`: a relative clause after a figure is about what that
/// figure measured.
fn after_which(toks: &[T], k: usize) -> bool {
    let Some(r) = toks[..k].iter().rposition(|t| !matches!(t.tok, Tok::Word(_))) else {
        return false;
    };
    let rel = toks.get(r + 1).is_some_and(|t| t.lower() & RELATIVE != 0);
    let after_figure = toks[..r].iter().rev().take(12).any(|t| matches!(t.tok, Tok::Fig(_)));
    rel && toks[r].tok == Tok::Punct(',') && after_figure
}

/// `...; widening by £1.5 billion`: a participle opening the clause of the figure.
fn bare_participle(toks: &[T], k: usize) -> bool {
    let Some(r) = toks[..k].iter().rposition(|t| !matches!(t.tok, Tok::Word(_))) else {
        return false;
    };
    matches!(toks[r].tok, Tok::Punct(',' | ';'))
        && matches!(toks.get(r + 1).map(|t| t.tok), Some(Tok::Word(w)) if w.ends_with("ing") && toks[r + 1].class() & IS_VERB != 0)
        && toks
            .get(r + 2..k)
            .is_some_and(|w| w.iter().all(|t| t.lower() & OBJECT_LINK != 0))
}

/// `set a record for petroleum exports, up 7% from 2021`: a change after a comma measures
/// the noun phrase before the comma, or, when that is a figure or a measure, what the
/// figure before measures.
pub(super) fn phrase_right_before(
    sentence: &str,
    toks: &[T],
    all: &[Found],
    k: usize,
    prev: Option<&str>,
) -> Option<String> {
    let text = sentence.get(toks[k].start..toks[k].end)?;
    // Whether the figure opens with its direction (`up 7%`): asked only where it matters.
    let direction = || opens_with_direction(text.as_bytes());
    if k == 0 {
        return None;
    }
    let Some(comma) = k
        .checked_sub(1)
        .filter(|&c| toks[c].tok == Tok::Punct(',') && direction())
    else {
        // `with shipments to Europe up 12%`, `exports rose 5%, imports 3%`: a noun phrase
        // right before the figure, after `with`, `and` or a comma, in a clause with no
        // verb of its own.
        // `figures show stocks up 4%`: a verb's object with `up`/`down` + figure.
        let start = back_start(toks, all, k, BEFORE_STOP | AND);
        let opens = start > 0
            && (toks[start - 1].tok == Tok::Punct(',')
                || lower_at(toks, start - 1).is_some_and(|l| l & AND != 0)
                || matches!(toks[start - 1].tok, Tok::Word(w) if w.eq_ignore_ascii_case("with"))
                || (direction() && verb_at(toks, start - 1)));
        if !opens || start >= k {
            return None;
        }
        let np = phrase(sentence, toks, all, start, k);
        let keep = names_something(&np) && !bare_measure(&np);
        return kept_if(np, keep);
    };
    let start = back_start(toks, all, comma, BEFORE_STOP);
    let np = phrase(sentence, toks, all, start, comma);
    if start < comma && names_something(&np) && !bare_measure(&np) {
        return Some(np);
    }
    give_back_string(np);
    prev.filter(|p| !p.is_empty()).map(str::to_string)
}

/// Whether a figure's text opens with `up ` or `down ` in any ASCII case (`up 7%`),
/// told by its first byte before any comparison: most figures open with a digit or a sign.
fn opens_with_direction(text: &[u8]) -> bool {
    match text.first().map(u8::to_ascii_lowercase) {
        Some(b'u') => text.get(..3).is_some_and(|t| t.eq_ignore_ascii_case(b"up ")),
        Some(b'd') => text.get(..5).is_some_and(|t| t.eq_ignore_ascii_case(b"down ")),
        _ => false,
    }
}

/// `opens_with_direction` as first written, on the text as a string (its oracle).
#[cfg(test)]
fn opens_with_direction_by_prefixes(text: &str) -> bool {
    ["up ", "down "]
        .iter()
        .any(|d| text.get(..d.len()).is_some_and(|t| t.eq_ignore_ascii_case(d)))
}

/// A time phrase (`year on year`, `the month`, `this meeting`) is no subject.
pub(super) fn time_phrase(subject: &str) -> bool {
    lists(super::phrase::head(subject)) & TIME != 0
}

/// The words that point back to something named before.
const DEICTICS: [&str; 4] = ["this", "these", "those", "that"];

/// The subject without a last post-modifier that points back (`lamb exports into these
/// markets` -> `lamb exports`, `surplus in this sector` -> `surplus`): it names nothing new.
#[cfg(test)]
pub(super) fn without_deictic(subject: String) -> String {
    without_deictic_seeing(subject, |_| {})
}

/// `without_deictic`, showing each word of `subject` (split at spaces) to `see` on the way.
pub(super) fn without_deictic_seeing(subject: String, see: impl FnMut(&[u8])) -> String {
    let cut = last_deictic(subject.as_bytes(), see);
    match cut {
        Some(c) if names_something(&subject[..c]) => subject[..c].to_string(),
        _ => subject,
    }
}

/// Whether `w` is one of `DEICTICS` in any ASCII case.
pub(super) fn is_deictic(w: &[u8]) -> bool {
    // The rarer test first; every deictic has 4 or 5 bytes and starts with `t`.
    matches!(w.len(), 4 | 5)
        && w.first().is_some_and(|b| b.eq_ignore_ascii_case(&b't'))
        && DEICTICS.iter().any(|d| w.eq_ignore_ascii_case(d.as_bytes()))
}

/// Where the last post-modifier of `subject` that points back starts, less one (the
/// space before it): a post-preposition after a word and before a deictic.
fn last_deictic(subject: &[u8], mut see: impl FnMut(&[u8])) -> Option<usize> {
    let mut cut = None;
    // The words are split at `' '` (ASCII) and only compared to ASCII ones. `prep` is the
    // word before the one that starts at `at`, `at` past the first word.
    let mut prep: Option<(usize, usize)> = None;
    let mut at = 0;
    while at <= subject.len() {
        let end = crate::words::next_space(subject, at);
        let w = subject.get(at..end).unwrap_or_default();
        see(w);
        let deictic = is_deictic(w);
        if let Some((s, e)) = prep.filter(|&(s, _)| deictic && s > 0) {
            let p = subject.get(s..e).unwrap_or_default();
            if POST_PREPS.iter().any(|x| p.eq_ignore_ascii_case(x.as_bytes())) {
                cut = Some(s - 1);
            }
        }
        prep = Some((at, end));
        at = end + 1;
    }
    cut
}

/// `a figure`, `the total`: a lone measure noun names no subject.
/// A bare `value` in a list (`exports in units and value`) is an item, not a lone measure.
pub(super) fn lone_measure(subject: &str) -> bool {
    let mut words = subject.split_whitespace();
    let determined = words.next().is_some_and(|w| lists(w) & (ARTICLE | DETERMINER) != 0);
    determined && matches!((words.next(), words.next()), (Some(w), None) if lists(w) & GENERIC_WORD != 0)
}

/// `covered 31% of Europe's trade`, `home to 14% of U.S. capacity`, `..., 4 percent of
/// national stocks`: a share that no verb ties to a part measures its whole.
///
/// ```text
/// whole  = lead percent "of" NP          -> NP
/// lead   = start | "," | "(" | preposition | a verb that is no share, level or change verb
/// part   = (share-verb | copula | change-verb ["to" | "at" | "by"] | "or") percent "of" NP
///                                        -> the subject of the clause (not this rule)
/// ```
pub(super) fn whole_of_share(
    sentence: &str,
    toks: &[T],
    all: &[Found],
    k: usize,
    kind: Kind,
    prev: Option<&str>,
) -> Option<String> {
    if kind != Kind::Percent
        || !matches!(toks.get(k + 1).map(|t| t.tok), Some(Tok::Word(w)) if w.eq_ignore_ascii_case("of"))
    {
        return None;
    }
    // The word before the figure, past adverbs (`together contributing about 92%`).
    let mut p = k;
    while p > 0 && toks[p - 1].tok != Tok::Punct(',') && lower_at(toks, p - 1).is_some_and(|c| c & ADVERB != 0) {
        p -= 1;
    }
    let whole = || {
        let mut end = forward_end(toks, k + 2, 8);
        // `14% of tank and underground storage capacity`: coordinated modifiers and nouns
        // (not a new figure or phrase after `and`).
        while lower_at(toks, end).is_some_and(|l| l & AND != 0)
            && word_class(toks, end + 1)
                .is_some_and(|c| c & (ARTICLE | DETERMINER | PREPOSITION | FORWARD_STOP | DIGIT) == 0)
            && !verb_at(toks, end + 1)
        {
            let next = forward_end(toks, end + 1, 8);
            if next == end + 1 {
                break;
            }
            end = next;
        }
        let np = phrase(sentence, toks, all, k + 2, end);
        (!np.is_empty()).then_some(np)
    };
    let Some(before) = p.checked_sub(1).and_then(|m| toks.get(m)) else {
        return whole();
    };
    let Tok::Word(w) = before.tok else {
        return matches!(before.tok, Tok::Punct(',' | '(' | ';' | ':'))
            .then(whole)
            .flatten();
    };
    let c = before.lower();
    let tied = |m: usize| lower_at(toks, m).is_some_and(|x| x & (SHARE | COPULA | DIRECTION | VERB) != 0);
    // The part: after a comma (`X of $5 billion, equivalent to 4% of Y`) the phrase
    // before, as the figure before it found it; else the clause subject (later rules).
    let part = |tie: usize| {
        let apposed = tie > 0 && toks[tie - 1].tok == Tok::Punct(',');
        apposed
            .then(|| prev.filter(|p| !p.is_empty()).map(str::to_string))
            .flatten()
    };
    if c & (SHARE | COPULA | DIRECTION | VERB) != 0 {
        return part(p - 1);
    }
    // `accounted for`, `take up`, `equivalent to`, `rose to`, `stood at`, `fell by`.
    let link = ["for", "up", "to", "at", "by"]
        .iter()
        .any(|l| w.eq_ignore_ascii_case(l));
    if link && p >= 2 && tied(p - 2) {
        return part(p - 2);
    }
    if c & PREPOSITION != 0 || verb_at(toks, p - 1) || link {
        return whole();
    }
    None
}

/// A subject must hold a word that names something: not only pronouns, articles,
/// prepositions, adverbs, helpers and verbs (`expected`, `thereby`, `despite`, `this`).
pub(super) fn names_something(subject: &str) -> bool {
    // ASCII, the common case: split and trimmed by bytes.
    if subject.is_ascii() {
        return crate::words::ascii_words(subject).any(|w| names(crate::words::trim_to_alnum(w)));
    }
    subject
        .split_whitespace()
        .any(|w| names(w.trim_matches(|c: char| !c.is_alphanumeric())))
}

/// A subject that names something and is no time phrase: `names_something(s) &&
/// !time_phrase(s)`, read in one walk over the words of an ASCII subject (the head is its
/// last word before the first post-modifier, as `head` finds it).
pub(super) fn names_something_timeless(subject: &str) -> bool {
    names_something_timeless_seeing(subject, None::<fn(&str) -> bool>)
}

/// `names_something_timeless`, showing the words of an ASCII `subject` (split at white
/// space) to `see` on the way, when given, every one in turn until `see` answers `false`.
pub(super) fn names_something_timeless_seeing(subject: &str, mut see: Option<impl FnMut(&str) -> bool>) -> bool {
    if !subject.is_ascii() {
        return names_something(subject) && !time_phrase(subject);
    }
    let (mut named, mut head, mut headed) = (false, "", false);
    for w in crate::words::ascii_words(subject) {
        if see.as_mut().is_some_and(|see| !see(w)) {
            see = None;
        }
        if !(named && headed) {
            if !headed {
                if !head.is_empty() && super::phrase::is_post_prep(w) {
                    headed = true;
                } else {
                    head = w;
                }
            }
            named = named || names(crate::words::trim_to_alnum(w));
        }
        // The answer is known: the rest of the words are read only for `see`.
        if named && headed && see.is_none() {
            break;
        }
    }
    named && lists(head) & TIME == 0
}

/// `names_something_timeless` of the phrase that joins `words` with single spaces (ASCII
/// words, none empty, each with its word token): read from the classes the tokens hold,
/// as the walk over the string reads them (the classes of the words up to the first that
/// names something, and of the head).
pub(super) fn names_something_timeless_of<'a>(words: impl Iterator<Item = (&'a str, &'a T<'a>)>) -> bool {
    let (mut named, mut head, mut headed) = (false, None, false);
    for (w, t) in words {
        if !headed {
            if head.is_some() && super::phrase::is_post_prep(w) {
                headed = true;
            } else {
                head = Some(t);
            }
        }
        if !named {
            let trimmed = crate::words::trim_to_alnum(w);
            named = if trimmed.len() == w.len() {
                names_classed(w, t.class())
            } else {
                names(trimmed)
            };
        }
        if named && headed {
            break;
        }
    }
    named && head.is_some_and(|h| h.class() & TIME == 0)
}

/// Whether the word `w` (trimmed to letters and digits) names something.
fn names(w: &str) -> bool {
    if w.is_empty() {
        return false;
    }
    // One (cached) look-up: a word's lists are the class bits below `SHAPE`.
    names_classed(w, classify_cached(w).0)
}

/// `names`, with `shape` the class of `w` (`classify`).
fn names_classed(w: &str, shape: u64) -> bool {
    if w.is_empty() {
        return false;
    }
    let c = shape & (SHAPE - 1);
    let function = PRONOUN | ARTICLE | DETERMINER | PREPOSITION | ADVERB | MODAL | COPULA | AUX | AND;
    let verb = c & VERB != 0;
    // Tested in turn, cheapest first: most words fail the first test or pass them all.
    let participle = || shape & IS_VERB != 0 || (shape & BARE != 0 && w.len() > 4 && w.ends_with("ed"));
    let adverb = || w.len() > 4 && w.bytes().all(|b| b.is_ascii_lowercase()) && w.ends_with("ly");
    c & function == 0 && !verb && !participle() && !adverb()
}

#[cfg(test)]
mod tests {
    use super::names_something;
    use crate::subject::tests::subjects;

    proptest::proptest! {
        /// The first-byte test tells a leading direction as the comparison of prefixes does.
        #[test]
        fn a_direction_is_told_by_its_first_byte(picks in proptest::collection::vec(0..12usize, 0..6)) {
            const PIECES: [&str; 12] = ["up", "UP", " ", "Down", "down", "d", "u", "5%", "é", "p", "own", "\u{a0}"];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            proptest::prop_assert_eq!(
                super::opens_with_direction(text.as_bytes()),
                super::opens_with_direction_by_prefixes(&text),
                "{:?}", text
            );
        }
    }

    #[test]
    fn a_verbs_object_with_up_or_down() {
        assert_eq!(
            subjects("Data released today show wool stocks up 3.2 percent on the year."),
            ["wool stocks"]
        );
    }

    #[test]
    fn a_base_shares_the_subject_before_it() {
        assert_eq!(
            subjects("Pear prices are expected to be 3.1% in May, up from 2.9% in April."),
            ["pear prices", "pear prices"]
        );
        assert_eq!(
            subjects("The rail deficit was put at $4.2 billion, compared with $3.9 billion a year before."),
            ["the rail deficit", "the rail deficit"]
        );
        assert_eq!(
            subjects("Tin output fell 2.5% in June, after a monthly decrease of 0.7% in May."),
            ["tin output", "tin output"]
        );
        assert_eq!(
            subjects("Kiln sales reached $80 million, an increase of 12% over $71 million a year earlier."),
            ["kiln sales", "kiln sales", "kiln sales"]
        );
    }

    #[test]
    fn a_share_measures_its_whole_unless_a_verb_ties_a_part() {
        assert_eq!(subjects("The scheme covered 40% of rural schools."), ["rural schools"]);
        assert_eq!(
            subjects("The hub is home to 14% of tank and underground storage capacity."),
            ["tank and underground storage capacity"]
        );
        assert_eq!(subjects("Rice took up 22 percent of farm land."), ["rice"]);
        assert_eq!(subjects("Wheat accounts for 12% of the region's crops."), ["wheat"]);
        assert_eq!(
            subjects("A fuel deficit of $2 billion, equivalent to 4% of the value of fuel imports, was recorded."),
            ["fuel deficit", "fuel deficit"]
        );
    }

    #[test]
    fn words_that_name_nothing() {
        for s in [
            "expected",
            "thereby",
            "likewise",
            "despite",
            "this",
            "it",
            "the",
            "was estimated",
        ] {
            assert!(!names_something(s), "{s}");
        }
        for s in ["GDP", "total hours worked", "this network", "exports"] {
            assert!(names_something(s), "{s}");
        }
    }
}

#[cfg(test)]
mod sharing_tests {
    use super::{lone_measure, without_deictic};
    use crate::subject::tests::subjects;

    #[test]
    fn gapped_which_and_bare_participles_share_the_figure_before() {
        assert_eq!(
            subjects("Farms will plant 40 hectares of rye in 2025 and 35 hectares in 2026."),
            ["rye", "rye"]
        );
        assert_eq!(
            subjects(
                "Salt stocks in Perth, Ontario, totaled 3.2 million tons in May, which is a 9% drop since January."
            ),
            ["salt stocks in Perth Ontario", "salt stocks in Perth Ontario"]
        );
        assert_eq!(
            subjects("The fish deficit was £3.1 billion; narrowing by £0.4 billion from April."),
            ["the fish deficit", "the fish deficit"]
        );
        // A participle with its own object is no bare participle.
        assert_eq!(
            subjects("The mill will make 9 TWh of power, cutting emissions by 2 million tons."),
            ["power", "emissions"]
        );
    }

    #[test]
    fn a_change_in_a_clause_with_no_verb() {
        assert_eq!(
            subjects("Car exports rose, with shipments to Chile up 12% and those to Peru down 3%."),
            ["shipments to Chile", "shipments to Peru"]
        );
    }

    #[test]
    fn gapped_verbs() {
        assert_eq!(
            subjects("Exports rose 5%, imports 3% and re-exports 2%."),
            ["exports", "imports", "re-exports"]
        );
    }

    #[test]
    fn time_phrases_are_no_subjects() {
        assert_eq!(
            subjects("Imports from Peru grew 4.3% year on year to reach $14 million."),
            ["imports from Peru", "imports from Peru"]
        );
        assert_eq!(
            subjects("The wool balance posted a surplus for the 10th straight month at $4.2 billion."),
            ["the wool balance"]
        );
    }

    #[test]
    fn a_change_after_a_comma_measures_the_phrase_before() {
        assert_eq!(
            subjects("Ports set a record for grain shipments, up 6% from 2022."),
            ["grain shipments"]
        );
        assert_eq!(
            subjects("Rice imports reached $2 billion, up 4% on the year."),
            ["rice imports", "rice imports"]
        );
    }

    /// `last_deictic` as it was, over a peekable split: its oracle.
    fn last_deictic_by_split(subject: &[u8]) -> Option<usize> {
        let mut at = 0;
        let mut cut = None;
        let mut words = subject.split(|&b| b == b' ').peekable();
        while let Some(w) = words.next() {
            let deictic = words
                .peek()
                .is_some_and(|n| super::DEICTICS.iter().any(|d| n.eq_ignore_ascii_case(d.as_bytes())));
            if deictic && at > 0 && super::POST_PREPS.iter().any(|p| w.eq_ignore_ascii_case(p.as_bytes())) {
                cut = Some(at - 1);
            }
            at += w.len() + 1;
        }
        cut
    }

    proptest::proptest! {
        /// The one walk answers as the two checks it stands for.
        #[test]
        fn timeless_naming_in_one_walk_as_in_two(picks in proptest::collection::vec(0..16usize, 0..10)) {
            const PIECES: [&str; 16] = [
                "wool", " ", "\t", "of", "For", "é", "the", "month", "year", "\u{a0}", "into",
                "rose", "(", "quickly", "\u{1c}", "these",
            ];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            let two = super::names_something(&text) && !super::time_phrase(&text);
            proptest::prop_assert_eq!(super::names_something_timeless(&text), two, "{:?}", text);
        }

        #[test]
        fn deictics_are_found_as_by_split(picks in proptest::collection::vec(0..9usize, 0..14)) {
            const PIECES: [&str; 9] = ["wool", " ", "in", "THIS", "those", "of", "these ", "that", "into"];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            let mut seen = Vec::new();
            proptest::prop_assert_eq!(super::last_deictic(text.as_bytes(), |w| seen.push(w.to_vec())), last_deictic_by_split(text.as_bytes()), "{:?}", text);
            let words: Vec<Vec<u8>> = text.as_bytes().split(|&b| b == b' ').map(<[u8]>::to_vec).collect();
            proptest::prop_assert_eq!(seen, words);
        }
    }

    #[test]
    fn deictic_post_modifiers_and_lone_measures() {
        assert_eq!(
            without_deictic("wool exports into these markets".into()),
            "wool exports"
        );
        assert_eq!(without_deictic("surplus in this sector".into()), "surplus");
        assert_eq!(without_deictic("imports from that".into()), "imports");
        assert_eq!(without_deictic("of these".into()), "of these");
        assert_eq!(without_deictic("sales in this  year".into()), "sales");
        for d in super::DEICTICS {
            assert_eq!(without_deictic(format!("lamb exports to {d} markets")), "lamb exports");
        }
        assert_eq!(without_deictic("exports to China".into()), "exports to China");
        assert!(lone_measure("a figure"));
        assert!(lone_measure("the total"));
        assert!(!lone_measure("the unemployment rate"));
        assert_eq!(
            subjects("Trams carried 12% of riders, a figure that is set to rise (to 15%) next year."),
            ["riders", "riders"]
        );
    }
}
