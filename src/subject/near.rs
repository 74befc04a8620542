//! A noun phrase right next to the figure: after it, before `of`/`worth`, in a headline.

use super::clause::clause_subject;
use super::compare::names_something;
use super::phrase::{back_start, bare_measure, dated, forward_end, head, kept_if, np_end, phrase, post_prep};
use super::sentence_case;
use super::tokens::{T, Tok, lower_at, word_class};
use super::verbs::verb_at;
use super::words::*;
use crate::model::Kind;
use crate::scan::Found;

/// The words after the figure's own tokens: past a unit's abbreviation in brackets
/// (`26 gigawatts (GW) of`).
fn after_unit(toks: &[T], k: usize) -> usize {
    let abbreviation = matches!(
        (
            toks.get(k + 1).map(|t| t.tok),
            toks.get(k + 2).map(|t| t.tok),
            toks.get(k + 3).map(|t| t.tok)
        ),
        (Some(Tok::Punct('(')), Some(Tok::Word(_)), Some(Tok::Punct(')')))
    );
    if abbreviation { k + 4 } else { k + 1 }
}

/// The noun phrase from `start` with its post-modifiers, unless its head names a measure
/// or a time, or a date follows it (`in FY 2021-22`: a date's own word).
fn specific_np(sentence: &str, toks: &[T], all: &[Found], start: usize) -> Option<String> {
    let end = np_end(toks, all, start, 10);
    // `Projects to Increase X and Protect Y`: an infinitive's list is no list of nouns.
    let infinitive = toks
        .get(start..end)
        .is_some_and(|w| w.iter().any(|t| t.tok == Tok::Word("to") || t.tok == Tok::Word("To")));
    let end = if infinitive {
        end
    } else {
        coordination_end(toks, all, end)
    };
    let after_in = start > 0 && lower_at(toks, start - 1).is_some_and(|l| l & IN != 0);
    if after_in && dated(toks, all, end) && end == forward_end(toks, start, 10) {
        return None;
    }
    let time = toks
        .get(start..end)
        .is_some_and(|w| w.iter().any(|t| t.lower() & TIME != 0));
    if time {
        return None;
    }
    let p = phrase(sentence, toks, all, start, end);
    let keep = !p.is_empty() && !bare_measure(&p);
    kept_if(p, keep)
}

/// The noun phrase a change or modifier after the figure names:
///
/// ```text
/// change    FIG measure-noun ("in" | "of") NP      -> NP
/// modifier  article FIG NP | percent content-noun  -> the phrase
/// ```
///
/// `a £2.7 billion fall in exports`, `a 2% reduction of tariffs`, `a $0.3 billion deficit`,
/// `a return to 2 percent inflation`; a bare noun is the clause subject's (`chains saw a 4%
/// decline in sales` -> `sales of chains`).
pub(super) fn after_change(sentence: &str, toks: &[T], all: &[Found], k: usize, kind: Kind) -> Option<String> {
    let next = |m: usize, bit: u64| lower_at(toks, m).is_some_and(|l| l & bit != 0);
    let n1 = lower_at(toks, k + 1)?;
    // A change word right after a figure is a noun (`a 50-basis-point cut in`).
    if n1 & (GENERIC_WORD | DIRECTION) != 0 && (next(k + 2, IN) || next(k + 2, OF)) {
        if let Some(p) = specific_np(sentence, toks, all, k + 3) {
            return Some(owned(sentence, toks, all, k, &p));
        }
    }
    // `the Board's 3 percent target`: a possessive before the figure owns the noun after it.
    if let Some(owner) = (n1 & FORWARD_STOP == 0)
        .then(|| owner_before(sentence, toks, k))
        .flatten()
    {
        let mut end = np_end(toks, all, k + 1, 10);
        // `goal but remain`: a clause opener ends the phrase.
        if let Some(m) = (k + 1..end).find(|&m| word_class(toks, m).is_some_and(|c| c & CLAUSE_OPEN != 0)) {
            end = m;
        }
        let p = phrase(sentence, toks, all, k + 1, end);
        if !p.is_empty() && !toks[k + 1..end].iter().any(|t| t.lower() & TIME != 0) {
            return Some(format!("{owner} {p}"));
        }
    }
    // `a $0.3 billion deficit`: an article before, a noun after.
    let article = k
        .checked_sub(1)
        .and_then(|m| word_class(toks, m))
        .is_some_and(|c| c & NOUN_ARTICLE != 0);
    if article && n1 & FORWARD_STOP == 0 {
        return specific_np(sentence, toks, all, k + 1);
    }
    // `2 percent inflation`, `10,000 TEU ships`: a percent or quantity before a noun is
    // its modifier.
    // `15 miles offshore`: a place or dimension adverb after a measure says where or how
    // far, not what (`13 miles southeast of the city` does name a place).
    const PLACE: [&str; 16] = [
        "offshore",
        "onshore",
        "inland",
        "away",
        "apart",
        "abroad",
        "overseas",
        "upstream",
        "downstream",
        "ahead",
        "behind",
        "long",
        "wide",
        "deep",
        "high",
        "tall",
    ];
    let place = || {
        matches!(toks.get(k + 1).map(|t| t.tok), Some(Tok::Word(w)) if PLACE.iter().any(|p| w.eq_ignore_ascii_case(p)))
            && !next(k + 2, OF)
    };
    if matches!(kind, Kind::Percent | Kind::Quantity) && content_word(toks, k + 1) && !place() {
        return specific_np(sentence, toks, all, k + 1);
    }
    None
}

/// `on fixed and floating loans`: a lone modifier joined by `and`/`or` to the phrase
/// starting at `start` shares its head; the phrase starts at the modifier.
///
/// ```text
/// (preposition | article) modifier ("and" | "or") NP    -> modifier "and" NP
/// ```
fn coordinated_modifier(toks: &[T], start: usize) -> usize {
    let conjunction = |j: usize| matches!(toks.get(j).map(|t| t.tok), Some(Tok::Word(w)) if w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or"));
    // The phrase may start on the conjunction (a lead word, dropped from the phrase).
    let at = if conjunction(start) { start + 1 } else { start };
    if at < 3 || !conjunction(at - 1) {
        return start;
    }
    let m = at - 2;
    let modifier = word_class(toks, m).is_some_and(|c| {
        c & (ARTICLE | DETERMINER | PREPOSITION | PRONOUN | DIGIT | UPPER) == 0 && c & LOWER_HYPHEN != 0
    }) && !matches!(toks[m].tok, Tok::Word(w) if w.ends_with('s'));
    let opened = lower_at(toks, m - 1).is_some_and(|l| l & (PREPOSITION | ARTICLE) != 0);
    if modifier && opened { m } else { start }
}

/// `a 75-basis-point cut in the deposit rate to 2 percent`: the level a change brings its
/// noun to is that noun's.
///
/// ```text
/// change-noun ("in" | "of") NP "to" FIG     -> NP
/// ```
fn level_after_change(sentence: &str, toks: &[T], all: &[Found], k: usize) -> Option<String> {
    let to = k.checked_sub(1)?;
    let start = back_start(toks, all, to, BEFORE_STOP);
    let prep = start.checked_sub(1)?;
    let change = prep.checked_sub(1)?;
    let linked = lower_at(toks, prep).is_some_and(|l| l & (IN | OF) != 0);
    // A noun, not a verb: after an article or a figure (`a cut`, `a 2% rise`), or a
    // change word that is only a noun (`a reduction`).
    let noun = change > 0
        && (lower_at(toks, change - 1).is_some_and(|l| l & ARTICLE != 0)
            || matches!(toks[change - 1].tok, Tok::Fig(_)));
    let is_change = lower_at(toks, change).is_some_and(|l| l & (DIRECTION | GENERIC_WORD) != 0);
    if !(linked && noun && is_change) || start >= to {
        return None;
    }
    let p = phrase(sentence, toks, all, start, to);
    let keep = !p.is_empty() && !bare_measure(&p);
    kept_if(p, keep)
}

/// The possessive right before token `k` with the words of its name (`Board's`, `central
/// bank's`), up to four, without its article.
///
/// ```text
/// owner = [article] word{0,3} possessive     -> word{0,3} possessive
/// ```
fn owner_before(sentence: &str, toks: &[T], k: usize) -> Option<String> {
    let last = k.checked_sub(1)?;
    let Tok::Word(w) = toks.get(last)?.tok else { return None };
    if !(w.ends_with("'s") || w.ends_with("’s")) || w.len() < 3 {
        return None;
    }
    let mut start = last;
    let function = ARTICLE | DETERMINER | PREPOSITION | AND | MODAL | PRONOUN | NEVER;
    while start > 0
        && last - start < 3
        && word_class(toks, start - 1).is_some_and(|c| c & function == 0)
        && !verb_at(toks, start - 1)
    {
        start -= 1;
    }
    let words: Vec<&str> = toks[start..=last]
        .iter()
        .map(|t| sentence.get(t.start..t.end).unwrap_or(""))
        .collect();
    Some(words.join(" "))
}

/// What an amount is of or for:
///
/// ```text
/// FIG [(ABBR)] ("in" | "for" | "into" | "from" | "of" | "worth of") NP  -> NP
/// FIG "to" verb NP                                                      -> NP
/// ```
///
/// `KRW 400 billion in state funding`, `26 gigawatts (GW) of solar capacity`, `$17 million
/// to build a research centre`.
pub(super) fn after_amount(sentence: &str, toks: &[T], all: &[Found], k: usize, kind: Kind) -> Option<String> {
    if !matches!(kind, Kind::Money | Kind::Quantity) {
        return None;
    }
    let next = |m: usize, bit: u64| lower_at(toks, m).is_some_and(|l| l & bit != 0);
    // `a surplus of €84 billion in trade`: the noun before `of` is what the figure measures.
    let of_noun = k >= 2
        && next(k - 1, OF)
        && word_class(toks, k - 2).is_some_and(|c| c & (GENERIC_WORD | FORWARD_STOP | MODAL) == 0)
        && lower_at(toks, k - 2).is_some_and(|c| c & (GENERIC_WORD | PREPOSITION | WORTH) == 0);
    if of_noun {
        return None;
    }
    let n = after_unit(toks, k);
    let n1 = lower_at(toks, n)?;
    let start = if n1 & WORTH != 0 && next(n + 1, OF) {
        n + 2
    } else if n1 & OF != 0 || (n1 & MONEY_PREP != 0 && kind == Kind::Money) {
        n + 1
    } else if n1 & TO != 0 && kind == Kind::Money && verb_at(toks, n + 1) {
        n + 2
    } else {
        return None;
    };
    specific_np(sentence, toks, all, start)
}

/// `for tea, cocoa, and coffee firms`: a list of plain noun phrases closed by `and`/`or`
/// goes on the phrase ending at `end`; without the closing conjunct nothing is added.
///
/// ```text
/// NP ("," NP)* [","] ("and" | "or") NP     -- each NP opens with no article, verb or stop
/// ```
fn coordination_end(toks: &[T], all: &[Found], end: usize) -> usize {
    let conjunction = |j: usize| matches!(toks.get(j).map(|t| t.tok), Some(Tok::Word(w)) if w.eq_ignore_ascii_case("and") || w.eq_ignore_ascii_case("or"));
    let mut e = end;
    for _ in 0..6 {
        let mut j = e;
        if toks.get(j).is_some_and(|t| t.tok == Tok::Punct(',')) {
            j += 1;
        }
        let last = conjunction(j);
        if last {
            j += 1;
        }
        if j == e {
            return end;
        }
        let opens = word_class(toks, j)
            .is_some_and(|c| c & (ARTICLE | DETERMINER | FORWARD_STOP | MODAL | PRONOUN | DIGIT) == 0)
            && !verb_at(toks, j);
        let conjunct_end = np_end(toks, all, j, 10);
        if !opens || conjunct_end == j {
            return end;
        }
        e = conjunct_end;
        if last {
            return e;
        }
    }
    end
}

/// A bare noun changed (`a 4% decline in sales`) is the clause subject's (`sales of
/// chains`), unless that subject is itself a change or a verb.
fn owned(sentence: &str, toks: &[T], all: &[Found], k: usize, thing: &str) -> String {
    if thing.split_whitespace().nth(1).is_some() {
        return thing.to_string();
    }
    let owner = clause_subject(sentence, toks, all, k);
    let h = head(&owner);
    let plain = names_something(&owner) && lists(h) & (DIRECTION | GENERIC_WORD) == 0 && classify(h).0 & IS_VERB == 0;
    if plain {
        format!("{thing} of {}", sentence_case(sentence, owner))
    } else {
        thing.to_string()
    }
}

/// The nouns before a change noun (`sales` of `year-on-year sales growth`): what changed.
fn changed_thing(p: &str) -> Option<&str> {
    let h = head(p);
    let c = lists(h);
    if c & DIRECTION == 0 || c & GENERIC_WORD == 0 {
        return None;
    }
    let before = p.get(..p.rfind(h)?)?.trim_end();
    let thing = before
        .rsplit(' ')
        .take_while(|w| {
            let l = lists(w);
            !w.is_empty()
                && !w.contains('-')
                && l & (ARTICLE | DETERMINER | ADVERB | GENERIC_WORD | PREPOSITION) == 0
                && !w.ends_with("ed")
        })
        .last()?;
    let from = before.rfind(thing)?;
    before.get(from..).filter(|t| !t.is_empty())
}

/// A word that can head or start a noun phrase: no function word, adverb, verb, measure
/// or time word, and no `year-on-year`.
fn content_word(toks: &[T], m: usize) -> bool {
    let Some(Tok::Word(w)) = toks.get(m).map(|t| t.tok) else {
        return false;
    };
    let c = toks[m].lower() | toks[m].class();
    let function = ARTICLE
        | DETERMINER
        | PREPOSITION
        | ADVERB
        | PRONOUN
        | MODAL
        | COPULA
        | AND
        | GENERIC_WORD
        | TIME
        | NEVER
        | DIRECTION
        | FORWARD_STOP
        | TAIL_LY
        | DIGIT
        | BACK_STOP;
    // `2 Million Barrels Approved`: a participle after a figure is a verb.
    let participle = w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"));
    c & function == 0
        && !participle
        && !verb_at(toks, m)
        && !w.contains("-on-")
        && !w.contains("-over-")
        && !w.contains("-to-")
}

/// A headline in title case: `Ministry Sets KRW 2 Trillion Export Fund` -> `Export Fund`.
pub(super) fn headline_noun(
    sentence: &str,
    toks: &[T],
    all: &[Found],
    fi: usize,
    k: usize,
    title: bool,
) -> Option<String> {
    let n1 = word_class(toks, k + 1)?;
    if all.get(fi)?.figure.kind != Kind::Money || !title {
        return None;
    }
    let capital = n1 & UPPER != 0 && !verb_at(toks, k + 1) && n1 & FORWARD_STOP == 0;
    if !capital {
        return None;
    }
    let mut end = forward_end(toks, k + 1, 6);
    // `Fund for Clean Hydrogen Technology`: `for`/`of` between capitalized words is inside the name.
    while word_class(toks, end).is_some_and(|c| c & NAME_LINK != 0)
        && word_class(toks, end + 1).is_some_and(|c| c & UPPER != 0)
    {
        end = forward_end(toks, end + 1, 6);
    }
    // A headline ends on its verb: `... Fund Launched`, `... Program Approved`.
    while end > k + 2
        && matches!(toks.get(end - 1).map(|t| t.tok), Some(Tok::Word(w)) if w.ends_with("ed") && is_verb(&w.to_lowercase()))
    {
        end -= 1;
    }
    let p = phrase(sentence, toks, all, k + 1, end);
    (!p.is_empty()).then_some(p)
}

/// `70 percent of exhibitors`: what the share is of, when nothing else names the subject.
pub(super) fn share_of(sentence: &str, toks: &[T], all: &[Found], k: usize) -> Option<String> {
    if !matches!(toks.get(k + 1).map(|t| t.tok), Some(Tok::Word("of"))) {
        return None;
    }
    let end = forward_end(toks, k + 2, 6);
    let p = phrase(sentence, toks, all, k + 2, end);
    (!p.is_empty()).then_some(p)
}

/// The noun phrase before the figure:
///
/// ```text
/// X ("of" | "worth" | "valued at" | "at") FIG [post-prep NP]  -> X [post-prep NP]
/// X "at" (a | the) measure "of" FIG                          -> X
/// linking-verb [at] X "of" FIG                               -> the clause subject
/// ```
///
/// `chip surplus of $9.1 billion`, `relief goods worth $200,000`, `deals valued at $9
/// million`, `the U.S. at 10.7 percent`, `a deficit of £10 billion on goods` -> `deficit on
/// goods`, `inflation at the rate of 2 percent`, `the balance stood at a surplus of $8
/// billion` -> `the balance`.
pub(super) fn before(sentence: &str, toks: &[T], all: &[Found], k: usize, prev: Option<&str>) -> Option<String> {
    // `Exports: $5.2 billion`: a label before a colon.
    if k >= 2 && toks[k - 1].tok == Tok::Punct(':') {
        let start = back_start(toks, all, k - 1, 0);
        let p = phrase(sentence, toks, all, start, k - 1);
        return (!p.is_empty()).then_some(p);
    }
    // The word before the figure, lower-cased, as list bits.
    let w1 = lower_at(toks, k.checked_sub(1)?)?;
    if w1 & TO != 0 {
        return level_after_change(sentence, toks, all, k);
    }
    let end = if w1 & (OF | WORTH) != 0 {
        k - 1
    } else if w1 & AT != 0 && lower_at(toks, k.checked_sub(2)?).is_some_and(|l| l & VALUED != 0) {
        k - 2
    } else if w1 & AT != 0 {
        // `the unemployment rate, at 3.5 percent,`: the phrase before the comma.
        if toks.get(k - 2).is_some_and(|t| t.tok == Tok::Punct(',')) {
            k - 2
        } else {
            k - 1
        }
    } else {
        return None;
    };
    let mut start = coordinated_modifier(toks, back_start(toks, all, end, BEFORE_STOP));
    // `The project, worth $2 billion,`: an apposed amount is the phrase's before the comma.
    if start == end && end >= 2 && toks[end - 1].tok == Tok::Punct(',') && w1 & WORTH != 0 {
        let s = back_start(toks, all, end - 1, BEFORE_STOP);
        let p = phrase(sentence, toks, all, s, end - 1);
        return (!p.is_empty()).then_some(p);
    }
    // `held steady at 61.9%`, `were second at`: after a verb, `at` is the verb's.
    if w1 & AT != 0 && start > 0 && verb_at(toks, start - 1) {
        return None;
    }
    // `reached an all-time high for monthly export value at $6 billion`: the phrase is the
    // record's post-modifier; the level is the clause's (its subject, later).
    let record = start >= 2
        && matches!(toks[start - 1].tok, Tok::Word(w) if w.eq_ignore_ascii_case("for") || w.eq_ignore_ascii_case("in"))
        && matches!(toks[start - 2].tok, Tok::Word(w) if ["high", "record", "peak", "low"].iter().any(|r| w.eq_ignore_ascii_case(r)));
    if w1 & AT != 0 && record {
        return None;
    }
    let p = phrase(sentence, toks, all, start, end);
    if p.is_empty() {
        return None;
    }
    if bare_measure(&p) {
        return measured_by(sentence, toks, all, k, start, w1, prev);
    }
    // `posted sales growth of 21%`: a change of the noun before it, the clause subject's.
    // `and wage growth at 6%`: a change that is no verb's object is nobody else's.
    if let Some(thing) = changed_thing(&p) {
        if !object_of_verb(toks, start) {
            return Some(thing.to_string());
        }
        return Some(owned(sentence, toks, all, k, thing));
    }
    // `39.8 percent of all shipments at US$11 billion`: the amount of that share.
    let of_share = start >= 2
        && lower_at(toks, start - 1).is_some_and(|l| l & OF != 0)
        && matches!(toks[start - 2].tok, Tok::Fig(_));
    if w1 & AT != 0 && of_share {
        return prev.filter(|p| !p.is_empty()).map(str::to_string);
    }
    // `the balance stood at a surplus of`: the complement of a linking verb says what the
    // subject is.
    if w1 & OF != 0 && linked(toks, start) {
        let c = clause_subject(sentence, toks, all, start);
        if names_something(&c) {
            return Some(c);
        }
    }
    // `its trade deficit with the rest of the world of €24 billion`: the noun's own
    // post-modifiers before the figure.
    while start >= 2 && post_prep(toks, start - 1) && !verb_at(toks, start - 2) {
        let s2 = back_start(toks, all, start - 1, BEFORE_STOP);
        let time = toks
            .get(s2..start)
            .is_some_and(|w| w.iter().any(|t| t.lower() & TIME != 0));
        // `a total of 11 deals`: a measure before `of` is a frame, not a noun to keep.
        let measure = lower_at(toks, start - 2).is_some_and(|l| l & GENERIC_WORD != 0);
        if s2 + 1 >= start || time || measure {
            break;
        }
        start = s2;
    }
    let p = phrase(sentence, toks, all, start, end);
    // `a deficit of £10.1 billion on goods`: the noun's post-modifier after the figure.
    if w1 & OF != 0 && post_prep(toks, k + 1) && !next_is(toks, k + 1, "of") && !next_is(toks, k + 1, "to") {
        let e = np_end(toks, all, k + 2, 10);
        let pp = toks
            .get(k + 2..e)
            .is_some_and(|w| !w.is_empty() && !w.iter().any(|t| t.lower() & TIME != 0))
            && !dated(toks, all, e);
        if pp {
            let tail = phrase(sentence, toks, all, k + 1, e);
            let prep = sentence.get(toks[k + 1].start..toks[k + 1].end).unwrap_or("");
            if !tail.is_empty() {
                return Some(format!("{p} {prep} {tail}"));
            }
        }
    }
    Some(p)
}

/// A measure noun before `of`/`at` + figure (`the rate of`, `an increase of`) names no
/// subject itself:
///
/// ```text
/// X "at" (a | the) measure "of" FIG        -> X          (inflation at the rate of 2%)
/// measure "of" FIG [(...)] "in" NP         -> NP         (an increase of 18% (...) in fuel oil)
/// "," (a | an) measure "of" FIG            -> the subject of the figure before
/// ```
fn measured_by(
    sentence: &str,
    toks: &[T],
    all: &[Found],
    k: usize,
    start: usize,
    w1: u64,
    prev: Option<&str>,
) -> Option<String> {
    if w1 & OF == 0 {
        return None;
    }
    // `an increase of 18% (193,000 b/d) in distillate fuel oil`.
    let mut n = k + 1;
    if toks.get(n).is_some_and(|t| t.tok == Tok::Punct('(')) {
        n = toks
            .get(n..)?
            .iter()
            .position(|t| t.tok == Tok::Punct(')'))
            .map_or(n, |c| n + c + 1);
    }
    if lower_at(toks, n).is_some_and(|l| l & IN != 0) {
        if let Some(p) = specific_np(sentence, toks, all, n + 1) {
            return Some(p);
        }
    }
    let mut lead = start;
    while lead > 0 && lower_at(toks, lead - 1).is_some_and(|l| l & ARTICLE != 0) {
        lead -= 1;
    }
    // `inflation at the rate of 2 percent`: what stands before `at`.
    if let Some(at) = lead
        .checked_sub(1)
        .filter(|&m| lower_at(toks, m).is_some_and(|l| l & AT != 0))
    {
        let mut s = back_start(toks, all, at, BEFORE_STOP);
        while let Some(a) = toks
            .get(s..at)
            .and_then(|w| w.iter().position(|t| t.lower() & AND != 0))
        {
            s += a + 1;
        }
        let x = phrase(sentence, toks, all, s, at);
        return (!x.is_empty()).then_some(x);
    }
    // `exports of $417 billion, an increase of 43% over`: the change of what came before.
    let apposed =
        lead > 0 && (toks[lead - 1].tok == Tok::Punct(',') || lower_at(toks, lead - 1).is_some_and(|l| l & AND != 0));
    apposed
        .then(|| prev.filter(|p| !p.is_empty()).map(str::to_string))
        .flatten()
}

/// The phrase starting at token `start`, past its articles, follows a verb: its object.
fn object_of_verb(toks: &[T], start: usize) -> bool {
    let mut m = start;
    while m > 0 && lower_at(toks, m - 1).is_some_and(|l| l & (ARTICLE | DETERMINER) != 0) {
        m -= 1;
    }
    m > 0 && verb_at(toks, m - 1)
}

/// The word at `m` is `w`, in any ASCII case.
fn next_is(toks: &[T], m: usize, w: &str) -> bool {
    matches!(toks.get(m).map(|t| t.tok), Some(Tok::Word(x)) if x.eq_ignore_ascii_case(w))
}

/// The phrase starting at token `start` follows a linking verb (`stood at`, `was`, `remained at`).
fn linked(toks: &[T], start: usize) -> bool {
    let mut m = start;
    while m > 0 && lower_at(toks, m - 1).is_some_and(|l| l & ARTICLE != 0) {
        m -= 1;
    }
    if m > 0 && lower_at(toks, m - 1).is_some_and(|l| l & AT != 0) {
        m -= 1;
    }
    m > 0 && lower_at(toks, m - 1).is_some_and(|l| l & COPULA != 0)
}

#[cfg(test)]
mod tests {
    use crate::subject::tests::subjects;

    #[test]
    fn modifiers_joined_by_and_share_their_noun() {
        assert_eq!(
            subjects("The bank set fees on fixed and floating loan balances of 1/4 percent."),
            ["fees on fixed and floating loan balances"]
        );
        assert_eq!(
            subjects("The bank also adopted fees on fixed and floating loan balances of 1/4 percent."),
            ["fees on fixed and floating loan balances"]
        );
        assert_eq!(
            subjects("Rates on short and long bonds of 3 percent held."),
            ["rates on short and long bonds"]
        );
    }

    #[test]
    fn the_level_a_change_brings_its_noun_to() {
        assert_eq!(
            subjects("The board approved a 50-basis-point cut in the deposit rate to 2 percent."),
            ["the deposit rate", "the deposit rate"]
        );
        assert_eq!(
            subjects("It announced an increase of the port levy to $4 per tonne."),
            ["the port levy"]
        );
        // A verb's `to` is the clause's: no change noun before.
        assert_eq!(subjects("Fees fell in the region to 3 percent."), ["fees"]);
    }

    #[test]
    fn a_figure_between_a_possessive_and_its_noun() {
        assert_eq!(
            subjects("Wool prices have stayed below the Board's 3 percent medium-term target."),
            ["Board's medium-term target"]
        );
        assert_eq!(
            subjects("Prices moved toward the central bank's 2% goal but remain high."),
            ["central bank's goal"]
        );
    }

    #[test]
    fn a_change_in_a_gapped_clause_is_its_own() {
        assert_eq!(
            subjects("Prices are seen at 2 percent, and rent growth at 4 to 5 percent."),
            ["prices", "rent"]
        );
        assert_eq!(
            subjects("Bakeries posted sales growth of 4 percent."),
            ["sales of bakeries"]
        );
    }

    #[test]
    fn a_level_after_a_record_is_the_clauses() {
        assert_eq!(
            subjects("Wool exports reached a record high for monthly shipment value at $2.1 billion."),
            ["wool exports"]
        );
    }

    #[test]
    fn an_amount_for_a_list_of_things() {
        assert_eq!(
            subjects("The fund gives KRW 9 billion for wool, felt, and yarn firms, the ministry said."),
            ["wool felt and yarn firms"]
        );
        // An infinitive's objects are no list of the phrase.
        assert_eq!(
            subjects("The fund gives $5 million for wool projects to raise output and protect farms."),
            ["wool projects"]
        );
        // A list with no closing `and` is not taken.
        assert_eq!(
            subjects("The fund gives KRW 9 billion for wool firms, the ministry said."),
            ["wool firms"]
        );
    }

    #[test]
    fn money_with_what_it_pays_for() {
        assert_eq!(
            subjects(
                "The plan totals KRW 510 billion (KRW 400 billion in state funding and KRW 110 billion from private firms)."
            ),
            ["the plan", "state funding", "private firms"]
        );
        assert_eq!(
            subjects("The fund will raise KRW 20 billion worth of green bonds."),
            ["green bonds"]
        );
        assert_eq!(
            subjects("It posted a record-high chip surplus of $9.1 billion."),
            ["record-high chip surplus"]
        );
        assert_eq!(
            subjects("They will send relief goods worth $200,000 to Fiji."),
            ["relief goods"]
        );
    }

    #[test]
    fn valued_at() {
        assert_eq!(
            subjects("In all, 12 supply deals and MOUs valued at USD 9.1 million were signed."),
            ["supply deals and MOUs"]
        );
    }

    #[test]
    fn labels_before_a_colon() {
        assert_eq!(
            subjects("Wool exports: $5.2 billion (+3.1%)"),
            ["wool exports", "wool exports"]
        );
    }

    #[test]
    fn changes_and_amounts_after_the_figure() {
        assert_eq!(
            subjects("The gap reflects a £1.3 billion fall in exports of tin."),
            ["exports of tin"]
        );
        assert_eq!(
            subjects("Growers will get a 3 per cent reduction of tariffs into Chile."),
            ["tariffs into Chile"]
        );
        assert_eq!(
            subjects("Bakeries saw a 2.5 percent decline in sales."),
            ["sales of bakeries"]
        );
        assert_eq!(
            subjects("Mills added 4 gigawatts (GW) of hydro capacity to the grid."),
            ["hydro capacity"]
        );
        assert_eq!(
            subjects("The agency gave $9 million to build a new seed bank."),
            ["a new seed bank"]
        );
        assert_eq!(subjects("Ferries can carry 2,000 TEU loads."), ["loads"]);
        assert_eq!(subjects("Prices rose toward 2 percent inflation."), ["inflation"]);
    }

    #[test]
    fn nouns_before_the_figure_with_their_post_modifiers() {
        assert_eq!(
            subjects("This shows a deficit of £4.1 billion on goods and a surplus of £2.2 billion on services."),
            ["deficit on goods", "surplus on services"]
        );
        assert_eq!(
            subjects("Its overall trade deficit with the rest of the region of €3 billion narrowed."),
            ["its overall trade deficit with the rest of the region"]
        );
        assert_eq!(
            subjects("Pear growers came second at 14 percent, followed by Norway at 9 percent."),
            ["pear growers", "Norway"]
        );
        assert_eq!(subjects("The jobless rate held steady at 5.2%."), ["the jobless rate"]);
        assert_eq!(
            subjects("The wool balance stood at a surplus of $1.1 billion."),
            ["the wool balance"]
        );
        assert_eq!(
            // The quantity in brackets restates the increase: the same subject.
            subjects("Fuel exports grew, driven by an increase of 6% (12,000 b/d) in jet fuel."),
            ["jet fuel", "jet fuel"]
        );
        assert_eq!(
            subjects("Tin exports hit $5 billion, an increase of 8% over $4.6 billion a year earlier."),
            ["tin exports", "tin exports", "tin exports"]
        );
        assert_eq!(
            subjects("The six sellers posted year-on-year sales growth of 11 percent."),
            ["sales of the six sellers"]
        );
    }
}
