//! The subject of the clause that governs a figure.

use super::compare::names_something;
use super::phrase::{
    Vetted, back_start, bare_measure, forward_end, holds_figure, kept_if, past_time_lead, phrase, phrase_vetted,
};
use super::tokens::{T, Tok, lower_at, word_class};
use super::verbs::verb_at;
use super::words::*;
use crate::scan::Found;

/// The noun phrase between verb `v` and `by`/`to` right before token `at`.
/// `X surpassed Y by N`: not after a verb of exceeding, whose `by` figure is the subject's margin.
pub(super) fn object_of(sentence: &str, toks: &[T], all: &[Found], v: usize, at: usize) -> Option<String> {
    if toks.get(v)?.class() & SURPASS != 0 {
        return None;
    }
    // `returning inflation to its 2 percent objective`: past the figure's determiner.
    let mut at = at;
    while at > v + 1 && lower_at(toks, at - 1).is_some_and(|l| l & NOUN_ARTICLE != 0) {
        at -= 1;
    }
    let link = at.checked_sub(1)?;
    // `raise the target from 5 GW to 10 GW`: `from` a figure `to` another links too.
    let from_to = matches!(toks[link].tok, Tok::Word(w) if w.eq_ignore_ascii_case("from"))
        && matches!(toks.get(at + 1).map(|t| t.tok), Some(Tok::Word(w)) if w.eq_ignore_ascii_case("to"))
        && matches!(toks.get(at + 2).map(|t| t.tok), Some(Tok::Fig(_)));
    if !from_to && word_class(toks, link).is_none_or(|c| c & OBJECT_LINK == 0) {
        return None;
    }
    let noun_start =
        word_class(toks, v + 1).is_some_and(|c| c & (FORWARD_STOP | MODAL | IS_VERB | ENDS_LY | NOT_OBJECT) == 0);
    let plain = toks
        .get(v + 1..link)?
        .iter()
        .all(|t| matches!(t.tok, Tok::Word(_)) && t.class() & (IS_VERB | OBJECT_BREAK) == 0);
    if !(noun_start && plain && link > v + 1) {
        return None;
    }
    let p = phrase(sentence, toks, all, v + 1, link);
    (!p.is_empty()).then_some(p)
}

/// The start of the verb group that ends at token `v`:
///
/// ```text
/// group = (helper | adverb | participle-after-helper)* verb
/// helper = "is" | "was" | "has" | "had" | "be" | "been" | "to" | "will" | "may" | ... | "not"
/// ```
///
/// `is expected to be`, `was estimated to have been`, `are now worth`, `likewise hit`.
pub(super) fn group_start(toks: &[T], v: usize) -> usize {
    let mut e = v;
    while e > 0 {
        let Some(c) = word_class(toks, e - 1) else { break };
        let helper = c & MODAL != 0;
        let adverb = c & ADVERB != 0 || (c & TAIL_LY != 0 && c & BARE != 0);
        // `expected`, `estimated`, `seen`, `forecast`: a participle after a helper.
        let participle = matches!(toks[e - 1].tok, Tok::Word(w) if c & BARE != 0 && (w.ends_with("ed") || w.ends_with("en") || c & (VERB | HEADLINE) != 0))
            && e >= 2
            && word_class(toks, e - 2).is_some_and(|p| p & (MODAL | ADVERB) != 0);
        if helper || adverb || participle {
            e -= 1;
        } else {
            break;
        }
    }
    e
}

/// The figure's governing clause subject: the words before the nearest verb before token `at`.
pub(super) fn clause_subject(sentence: &str, toks: &[T], all: &[Found], at: usize) -> String {
    clause_subject_kept(sentence, toks, all, at, &mut None)
}

/// The noun phrase that ends before token `e`, as the figures of one clause find it again
/// and again: `kept` holds the last one, by `e`: its bounds (the phrase is cut again from
/// them, which costs less than a copy kept for every clause, as few are asked twice) and
/// whether it names something and is no time phrase.
pub(super) type Kept = Option<(usize, usize, usize, Vetted)>;

/// `clause_subject`, with `kept` the phrase found last for the same `toks`.
pub(super) fn clause_subject_kept(sentence: &str, toks: &[T], all: &[Found], at: usize, kept: &mut Kept) -> String {
    clause_subject_vetted(sentence, toks, all, at, kept).0
}

/// `clause_subject_kept`, and what is known of the answer: whether it is one found to name
/// something and no time (`names_something`, not `time_phrase`: the caller need not ask
/// again), and plain (`Vetted`); nothing for an answer not vetted.
pub(super) fn clause_subject_vetted(
    sentence: &str,
    toks: &[T],
    all: &[Found],
    at: usize,
    kept: &mut Kept,
) -> (String, Vetted) {
    let mut i = at;
    for _ in 0..5 {
        // The nearest verb before `i`, within the clause.
        let mut v = None;
        let mut j = i;
        while j > 0 {
            match toks[j - 1].tok {
                // A parenthesis is stepped over whole (`(+43,000; +0.7%)`).
                Tok::Punct(')') => {
                    if let Some(open) = toks[..j - 1].iter().rposition(|t| t.tok == Tok::Punct('(')) {
                        j = open + 1;
                    }
                }
                Tok::Punct(';' | ':') => break,
                Tok::Word(_) if verb_at(toks, j - 1) => {
                    v = Some(j - 1);
                    break;
                }
                _ => {}
            }
            j -= 1;
        }
        let Some(v) = v else {
            // No verb (a headline: `Retail sales up 6.7 percent`): the words before the figure.
            // `deficit narrows to $1 billion`: a word before `to`/`by` + figure is its verb.
            let mut end = i;
            if i >= 2
                && lower_at(toks, i - 1).is_some_and(|l| l & OBJECT_LINK != 0)
                && word_class(toks, i - 2).is_some_and(|c| c & BARE != 0 && c & (PREPOSITION | ARTICLE) == 0)
            {
                end = i - 2;
            }
            let s = back_start(toks, all, end, 0);
            let p = match agreeing_verb(toks, s, end) {
                // `Organizers project orders exceeding $5 million`: the verb's object.
                Some(m) if m + 1 < end => phrase(sentence, toks, all, m + 1, end),
                Some(m) => phrase(sentence, toks, all, s, m),
                None => phrase(sentence, toks, all, s, unlisted_verb(toks, s, end)),
            };
            // `At 447 million barrels, crude inventories are ...`: a figure in a phrase that
            // opens the sentence belongs to the clause after the comma.
            if !names_something(&p) {
                if let Some(q) = main_after_fronted_figure(sentence, toks, all, at) {
                    return (q, Vetted::default());
                }
            }
            return (p, Vetted::default());
        };
        // `the food products as a whole improved`: the phrase ends before `as a whole`.
        let mut e = match toks.get(v.saturating_sub(3)..v) {
            Some([a, b, c]) if [a.tok, b.tok, c.tok] == [Tok::Word("as"), Tok::Word("a"), Tok::Word("whole")] => v - 3,
            _ => v,
        };
        // `exports had grown`, `inflation is expected to be`, `value likewise hit`: the
        // subject ends before the whole verb group.
        e = group_start(toks, e);
        // `cutting logistics costs by 15%`, `to raise trade to $35 billion`: the object of
        // a change verb, when only a noun phrase stands between it and `by`/`to` + figure.
        if let Some(obj) = object_of(sentence, toks, all, v, i) {
            return (obj, Vetted::default());
        }
        let (s, p, vetted) = match *kept {
            Some((end, s, e2, vetted)) if end == e => (s, phrase(sentence, toks, all, s, e2), vetted),
            _ => {
                // `Wool exports (up 4%) reached`: a bracket of figures right before the
                // verb is the subject's aside.
                let e2 = bracket_before(toks, e).unwrap_or(e);
                let s = past_time_lead(toks, back_start(toks, all, e2, AND), e2);
                let (p, vetted) = phrase_vetted(sentence, toks, all, s, e2);
                *kept = Some((e, s, e2, vetted));
                (s, p, vetted)
            }
        };
        // `they plan to`: one word after a subject pronoun is its verb.
        let subject_pronoun = |m: usize| matches!(toks[m].tok, Tok::Word(w) if ["it", "they", "we", "he", "she", "i", "you"].iter().any(|p| w.eq_ignore_ascii_case(p)));
        let p = if s + 1 == e && s > 0 && subject_pronoun(s - 1) {
            String::new()
        } else {
            p
        };
        // A relative pronoun: the noun phrase before it (`food sales, which account for`).
        // A pronoun (`it was`) names nothing: the clause before may (`capacity is growing
        // fast, but in 2024 it was only 2%`).
        if p.is_empty() || !vetted.timeless {
            if let Some(Tok::Word(w)) = s.checked_sub(1).and_then(|k| toks.get(k)).map(|t| t.tok) {
                if lists(w) & RELATIVE != 0 {
                    let mut e = s - 1;
                    if e > 0 && toks[e - 1].tok == Tok::Punct(',') {
                        e -= 1;
                    }
                    let s2 = back_start(toks, all, e, RELATIVE_STOP);
                    return (phrase(sentence, toks, all, s2, e), Vetted::default());
                }
            }
            // `X, an aside, rose`: the phrase before the aside (not for a participle after
            // a comma, which takes the verb before it).
            let participle = matches!(toks[v].tok, Tok::Word(w) if w.ends_with("ing"));
            if let Some(p) = before_aside(sentence, toks, all, s).filter(|_| !participle) {
                return (p, Vetted::default());
            }
            // `Despite falling 1% in May, sales rose`: the main clause's subject.
            if let Some(p) = main_after_fronted(sentence, toks, all, v) {
                return (p, Vetted::default());
            }
            // `launches a trade drive, bringing $3 billion`: a participle that is no change
            // word, after a comma that closes a verb's object, tells of the object.
            if let Some(p) = object_before_participle(sentence, toks, all, v) {
                return (p, Vetted::default());
            }
            // A participle after a comma or `and` (`..., rising 19 percent`): the verb before it.
            i = v;
            continue;
        }
        return match owned_by_subject(sentence, toks, all, s, &p) {
            Some(owned) => (owned, Vetted::default()),
            None => (p, vetted),
        };
    }
    (String::new(), Vetted::default())
}

/// `Chains saw their sales improve by 2%`: `their`/`its` + noun names the noun of the
/// clause subject before (`sales of chains`); `None` when `p` stays as it is.
fn owned_by_subject(sentence: &str, toks: &[T], all: &[Found], s: usize, p: &str) -> Option<String> {
    let possessive = matches!(toks.get(s).map(|t| t.tok), Some(Tok::Word(w)) if w.eq_ignore_ascii_case("their") || w.eq_ignore_ascii_case("its"));
    if !possessive || s == 0 || !verb_at(toks, s - 1) {
        return None;
    }
    let owner = clause_subject(sentence, toks, all, s - 1);
    let rest = p.split_once(' ').map_or("", |(_, r)| r);
    (names_something(&owner) && !rest.is_empty())
        .then(|| format!("{rest} of {}", super::sentence_case(sentence, owner)))
}

/// `At 447 million barrels, crude inventories are about 4% below`: the subject of the main
/// clause after the comma that closes the opening phrase of the figure at token `k`.
fn main_after_fronted_figure(sentence: &str, toks: &[T], all: &[Found], k: usize) -> Option<String> {
    let opens = toks[..k]
        .iter()
        .all(|t| matches!(t.tok, Tok::Word(_)) && t.lower() & (PREPOSITION | ADVERB) != 0);
    let comma = k + 1;
    if !opens || toks.get(comma).is_none_or(|t| t.tok != Tok::Punct(',')) {
        return None;
    }
    let end = forward_end(toks, comma + 1, 8);
    if end == comma + 1 || !verb_at(toks, end) && word_class(toks, end).is_none_or(|c| c & MODAL == 0) {
        return None;
    }
    let p = phrase(sentence, toks, all, comma + 1, end);
    let keep = names_something(&p);
    kept_if(p, keep)
}

/// `The complex covers 12 hectares`: in a phrase that opens with a determiner, a last
/// lower-case word in `-s` right before the figure is a verb no list names; the phrase
/// ends before it.
/// A headline's participle right before the figure is its verb too (`Two Plants Totaling
/// 150 MW`).
fn unlisted_verb(toks: &[T], s: usize, end: usize) -> usize {
    let opens = lower_at(toks, s).is_some_and(|l| l & NOUN_ARTICLE != 0);
    let verb = end >= s + 3
        && matches!(toks[end - 1].tok, Tok::Word(w) if w.ends_with('s') && !w.ends_with("ss"))
        && word_class(toks, end - 1).is_some_and(|c| c & BARE != 0);
    let participle = end >= s + 2
        && matches!(toks[end - 1].tok, Tok::Word(w) if w.len() > 4 && (w.ends_with("ing") || w.ends_with("ed")));
    if (opens && verb) || participle { end - 1 } else { end }
}

/// `X launches a trade drive, bringing $3 billion`: the object before the comma.
///
/// ```text
/// verb NP "," participle-ing ... FIG     -> NP     (participle no change word)
/// ```
fn object_before_participle(sentence: &str, toks: &[T], all: &[Found], v: usize) -> Option<String> {
    let ing = matches!(toks.get(v)?.tok, Tok::Word(w) if w.ends_with("ing")) && toks[v].lower() & DIRECTION == 0;
    let comma = v.checked_sub(1).filter(|&c| toks[c].tok == Tok::Punct(','))?;
    if !ing {
        return None;
    }
    let start = back_start(toks, all, comma, 0);
    // A linking verb's complement is no object (`remained the top market, taking 12%`).
    let object = start > 0
        && start < comma
        && verb_at(toks, start - 1)
        && lower_at(toks, start - 1).is_some_and(|l| l & COPULA == 0);
    if !object {
        return None;
    }
    let p = phrase(sentence, toks, all, start, comma);
    let keep = names_something(&p) && !bare_measure(&p);
    kept_if(p, keep)
}

/// The `(` of a bracket holding a figure that closes right before token `e`, when the
/// bracket is the first of the sentence's clause (no list of brackets before it).
fn bracket_before(toks: &[T], e: usize) -> Option<usize> {
    if e == 0 || toks.get(e - 1)?.tok != Tok::Punct(')') || !holds_figure(toks, e - 1) {
        return None;
    }
    let open = toks[..e - 1].iter().rposition(|t| t.tok == Tok::Punct('('))?;
    let first = !toks[..open].iter().any(|t| t.tok == Tok::Punct(')'));
    first.then_some(open)
}

/// `Subsidies cover 50 percent`, `Organizers project orders exceeding $5 million`: in a
/// phrase with no listed verb, a plain lower-case word after a plural noun, in the base
/// form (no `-s`, `-ed`, `-ing`, `-ly`) and no function word, agrees with the plural as
/// its present-tense verb.
///
/// ```text
/// plural-noun base-word [NP] FIG     -> base-word is the verb
/// ```
fn agreeing_verb(toks: &[T], s: usize, end: usize) -> Option<usize> {
    let function = ARTICLE | DETERMINER | PREPOSITION | ADVERB | AND | MODAL | AUX | PRONOUN | GENERIC_WORD | NEVER;
    (s + 1..end).find(|&m| {
        let plural = matches!(toks[m - 1].tok, Tok::Word(w) if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && w.chars().all(char::is_alphabetic))
            && lower_at(toks, m - 1).is_some_and(|l| l & function == 0);
        let base = matches!(toks[m].tok, Tok::Word(w) if !["s", "ed", "ing", "ly"].iter().any(|x| w.ends_with(x)))
            && word_class(toks, m).is_some_and(|c| c & BARE != 0 && c & function == 0)
            && lower_at(toks, m).is_some_and(|l| l & function == 0);
        plural && base
    })
}

/// The subject before an aside set off by commas, the aside ending at token `s`:
///
/// ```text
/// NP "," (participle | "which" | "who") ... "," verb   -> NP
/// NP "," ("including" ...) "," verb                    -> NP "including" ...
/// NP "," Name "," verb                                 -> NP Name   (Cushing, Oklahoma)
/// ```
fn before_aside(sentence: &str, toks: &[T], all: &[Found], s: usize) -> Option<String> {
    let close = s.checked_sub(1).filter(|&c| toks[c].tok == Tok::Punct(','))?;
    let open = toks[..close].iter().rposition(|t| matches!(t.tok, Tok::Punct(_)))?;
    if toks[open].tok != Tok::Punct(',') || open + 1 >= close {
        return None;
    }
    let Tok::Word(first) = toks[open + 1].tok else {
        return None;
    };
    let c = toks[open + 1].class();
    let name = toks[open + 1..close]
        .iter()
        .all(|t| matches!(t.tok, Tok::Word(_)) && t.class() & UPPER != 0);
    let including = first.eq_ignore_ascii_case("including");
    // `Exports to the U.S., Korea's largest market, grew`: an apposed noun phrase too.
    let apposed = lists(first) & (ARTICLE | DETERMINER) != 0 || first.ends_with("'s") || first.ends_with("’s");
    let skipped = c & IS_VERB != 0 || lists(first) & RELATIVE != 0 || apposed;
    if !(name || including || skipped) {
        return None;
    }
    let np_start = back_start(toks, all, open, AND);
    if np_start == open {
        return None;
    }
    let p = if name || including {
        phrase(sentence, toks, all, np_start, close)
    } else {
        phrase(sentence, toks, all, np_start, open)
    };
    let keep = names_something(&p);
    kept_if(p, keep)
}

/// `Despite declining by 1.1% since June, total hours were up`: a participle opening the
/// sentence (after nothing or a preposition) shares the subject of the clause after its
/// comma, the noun phrase before that clause's verb.
fn main_after_fronted(sentence: &str, toks: &[T], all: &[Found], v: usize) -> Option<String> {
    let ing = matches!(toks.get(v)?.tok, Tok::Word(w) if w.ends_with("ing"));
    let opens = toks[..v]
        .iter()
        .all(|t| matches!(t.tok, Tok::Word(_)) && t.lower() & PREPOSITION != 0);
    if !ing || !opens {
        return None;
    }
    let comma = v + toks.get(v..)?.iter().position(|t| t.tok == Tok::Punct(','))?;
    let mut end = forward_end(toks, comma + 1, 8);
    // `total hours worked were`: the participle before the verb is the phrase's.
    let participle = matches!(toks.get(end).map(|t| t.tok), Some(Tok::Word(w)) if w.ends_with("ed"));
    if participle && word_class(toks, end + 1).is_some_and(|c| c & (COPULA | MODAL | VERB_LISTED) != 0) {
        end += 1;
    }
    if end == comma + 1 || !verb_at(toks, end) && word_class(toks, end).is_none_or(|c| c & MODAL == 0) {
        return None;
    }
    let p = phrase(sentence, toks, all, comma + 1, end);
    let keep = names_something(&p);
    kept_if(p, keep)
}

#[cfg(test)]
mod tests {
    use crate::subject::tests::subjects;

    #[test]
    fn clause_subject_before_the_verb() {
        assert_eq!(
            subjects("Steel imports dropped 4.1 percent to $2.5 billion, leaving a $0.3 billion deficit."),
            ["steel imports", "steel imports", "deficit"]
        );
        assert_eq!(
            subjects("In the first quarter, tablet exports hit a record, rising 7 percent to $3 billion."),
            ["tablet exports", "tablet exports"]
        );
        assert_eq!(subjects("Retail sales up 6.1 percent in May"), ["retail sales"]);
        assert_eq!(
            subjects("The agency said that Korea's toy exports in 2023 climbed 9 percent."),
            ["Korea's toy exports"]
        );
    }

    #[test]
    fn the_subject_ends_before_the_whole_verb_group() {
        assert_eq!(
            subjects("Island rice inflation is expected to be 2.4% in May."),
            ["island rice inflation"]
        );
        assert_eq!(
            subjects("The fish deficit was estimated to have been £3.1 billion in May."),
            ["the fish deficit"]
        );
        assert_eq!(subjects("Wool exports are now worth $2 billion."), ["wool exports"]);
        assert_eq!(
            subjects("The daily export value likewise hit $1.4 billion."),
            ["the daily export value"]
        );
        assert_eq!(
            subjects("Peak tram demand is forecast to reach 9 GW."),
            ["peak tram demand"]
        );
        // A verb of intention governs a clause, not the figure.
        assert_eq!(
            subjects("The board seeks to hold inflation at the rate of 2 percent."),
            ["inflation"]
        );
    }

    #[test]
    fn possessives_name_the_subject_before() {
        assert_eq!(
            subjects("Kiosk chains saw their sales improve by 2.2 percent."),
            ["sales of kiosk chains"]
        );
    }

    #[test]
    fn headlines_with_a_verb_no_list_names() {
        assert_eq!(
            subjects("Island wool deficit narrows to $1.1 billion in March"),
            ["island wool deficit"]
        );
        assert_eq!(
            // The count has no noun of its own: it measures the number, as the percent does.
            subjects("The number of ferries reached 1,200, 15% more than a year earlier."),
            ["the number of ferries", "the number of ferries"]
        );
    }

    #[test]
    fn a_participle_after_an_object_tells_of_it() {
        assert_eq!(
            subjects("The minister launches a wool export drive, bringing more than $3 billion to the isles."),
            ["a wool export drive"]
        );
        // A change word after a comma is the clause subject's.
        assert_eq!(
            subjects("Wool exports hit a new high, rising 5 percent."),
            ["wool exports"]
        );
    }

    #[test]
    fn a_bracket_between_subject_and_verb() {
        assert_eq!(
            subjects("Wool exports (up 4.1 percent) reached a record high for monthly shipment value at $2.1 billion."),
            ["wool exports", "wool exports"]
        );
    }

    #[test]
    fn an_s_form_after_a_singular_noun_before_a_figure() {
        assert_eq!(
            subjects("Ports handled 5 million tons, and the new wool depot lies about 8 miles inland across 40 acres."),
            ["ports", "the new wool depot", "the new wool depot"]
        );
    }

    #[test]
    fn an_object_changed_from_one_figure_to_another() {
        assert_eq!(
            subjects("Chile and Bolivia mentioned plans to raise their wool output target from 5 GW to 10 GW."),
            ["their wool output target", "their wool output target"]
        );
    }

    #[test]
    fn a_margin_over_an_object_is_the_subjects() {
        assert_eq!(
            subjects("In June, wheat exports from the north surpassed wheat imports by 15,000 tons."),
            ["wheat exports from the north"]
        );
        assert_eq!(
            subjects("Bus riders outnumbered train riders by 2 percent."),
            ["bus riders"]
        );
        // A change verb's `by` figure is its object's change.
        assert_eq!(subjects("The plan cut freight costs by 3 percent."), ["freight costs"]);
    }

    #[test]
    fn a_complex_preposition_is_no_part_of_the_subject() {
        assert_eq!(
            subjects("In light of the fall of wool prices from 2 percent, the Board will act."),
            ["the fall of wool prices"]
        );
        assert_eq!(
            subjects("In view of the path of rents from 2 percent, the Board will act."),
            ["the path of rents"]
        );
    }

    #[test]
    fn a_base_form_after_a_plural_is_its_verb() {
        assert_eq!(subjects("Vouchers cover as much as 40 percent."), ["vouchers"]);
        assert_eq!(
            subjects("Planners foresee orders exceeding USD 20 million."),
            ["orders"]
        );
    }

    #[test]
    fn pronouns_name_nothing() {
        assert_eq!(subjects("It was 1.9 per cent."), [""]);
        assert_eq!(
            subjects("Tram use is growing fast, but in 2024 it was only 3% of trips."),
            ["tram use"]
        );
        assert_eq!(subjects("They plan to sell 50 GW."), [""]);
    }

    #[test]
    fn asides_between_subject_and_verb() {
        assert_eq!(
            subjects("The average daily sales value, adjusting for the number of days, rose 3.1 percent."),
            ["the average daily sales value"]
        );
        assert_eq!(
            subjects("Mainland Peru, including Lima, remained the top market, taking 12 percent."),
            ["Mainland Peru including Lima"]
        );
    }

    #[test]
    fn apposed_noun_phrases_are_stepped_over() {
        assert_eq!(
            subjects("Exports to Peru, the island's largest market, grew 7.1 percent."),
            ["exports to Peru"]
        );
        assert_eq!(subjects("The dam, worth $2 billion, will open in 2027."), ["the dam"]);
    }

    #[test]
    fn participles_inside_the_subject() {
        assert_eq!(
            subjects("Foreign direct investment (FDI) pledged to Peru reached USD 1.4 billion."),
            ["foreign direct investment (FDI) pledged to Peru"]
        );
    }

    #[test]
    fn a_figure_in_an_opening_phrase() {
        assert_eq!(
            subjects("At 44.2 million barrels, pear oil stocks are about 4% below average."),
            ["pear oil stocks", "pear oil stocks"]
        );
    }

    #[test]
    fn fronted_phrases_and_clauses() {
        assert_eq!(
            subjects("Despite falling by 0.8% since May, total hours worked were up 1.1% on the year."),
            ["total hours worked", "total hours worked"]
        );
        assert_eq!(
            subjects("In the same period imports rose 2 percent to $3 billion."),
            ["imports", "imports"]
        );
        assert_eq!(
            subjects("Seasonally adjusted output rose by 0.3% in May."),
            ["seasonally adjusted output"]
        );
    }

    #[test]
    fn objects_of_gerunds_and_verbs_before_figures() {
        assert_eq!(
            subjects("The bank is committed to returning inflation to its 2 percent goal."),
            ["inflation"]
        );
        assert_eq!(
            subjects("Island wool exports advance 7% in May"),
            ["island wool exports"]
        );
        assert_eq!(
            subjects(
                "Pear shipments and plum shipments both recorded year-on-year decreases, at 3% and 2% respectively."
            ),
            ["pear shipments", "plum shipments"]
        );
    }
}
