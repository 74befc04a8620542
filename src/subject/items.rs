//! Figures that pair with the items of a list: `respectively` and parenthesised figures.

use super::clause::{Kept, clause_subject};
use super::phrase::{back_start, bare_measure, copy_of, forward_end, give_back_string, np_end, phrase};
use super::tokens::{T, Tok, lower_at, word_class};
use super::verbs::verb_at;
use super::wordlists::POST_PREPS;
use super::words::*;
use crate::model::Kind;
use crate::scan::Found;

/// `X, Y and Z rose A, B and C, respectively`: the item paired with figure `fi`. A closing
/// `each` pairs too (`X and Y sold 5 units (up 2%) and 3 units (up 1%) each`).
pub(super) fn respectively(
    sentence: &str,
    toks: &[T],
    all: &[Found],
    fi: usize,
    k: usize,
    lists: &mut Lists,
) -> Option<String> {
    let kind = all.get(fi)?.figure.kind;
    // `respectively` must follow the run, which starts at or before the figure: the last
    // word of the window that pairs is found once for all its figures.
    if lists.no_respectively {
        return None;
    }
    let last = *lists
        .last_pairing
        .get_or_insert_with(|| (0..toks.len()).rposition(|m| pairing(toks, m)));
    if last.is_none_or(|p| p <= k) {
        return None;
    }
    if !toks.get(k).is_some_and(|t| same_kind(t, all, kind)) {
        return None;
    }
    let Run {
        first,
        ahead,
        last,
        behind,
    } = run_around(toks, all, k, kind);
    let n = ahead + behind + 1;
    if n < 2 {
        return None;
    }
    // The items are the same for every figure of the run: found once.
    if lists.run.as_ref().is_none_or(|(at, _)| *at != first) {
        lists.run = Some((first, run_items(sentence, toks, all, first, last)));
    }
    let items = lists.run.as_ref()?.1.as_ref()?;
    if items.len() < n {
        return None;
    }
    carried_item(items, items.len() - n, items.len() - n + ahead)
}

/// The run of same-kind figures around a figure's token: its first and last figure tokens,
/// and how many figures of it come before and after that token.
#[derive(Debug, PartialEq, Eq)]
struct Run {
    first: usize,
    ahead: usize,
    last: usize,
    behind: usize,
}

/// A figure token of kind `kind`.
fn same_kind(t: &T, all: &[Found], kind: Kind) -> bool {
    matches!(t.tok, Tok::Fig(g) if all.get(g).is_some_and(|f| f.figure.kind == kind))
}

/// A token that may stand between two figures of one run: a separator, a number word or
/// `to`, a figure of another kind.
fn in_run_gap(t: &T, all: &[Found], kind: Kind) -> bool {
    match t.tok {
        Tok::Punct(',' | '(' | ')') => true,
        Tok::Word(_) => t.class() & (RUN_JOIN | DIGIT) != 0,
        Tok::Fig(g) => all.get(g).is_some_and(|f| f.figure.kind != kind),
        _ => false,
    }
}

/// The run of figures of kind `kind` around the one at token `k`: figures joined by gaps
/// of separators, numbers and `to` (`in_run_gap`).
///
/// ```text
/// run = FIG (gap FIG)*        -- every FIG of one kind
/// ```
///
/// Each next figure is walked to over the gap, which ends the walk at the first token that
/// may not stand in it (not at the next figure of the kind, however far).
fn run_around(toks: &[T], all: &[Found], k: usize, kind: Kind) -> Run {
    let before = |m: usize| {
        let gap = toks.get(..m)?;
        let p = gap.iter().rposition(|t| !in_run_gap(t, all, kind))?;
        gap.get(p).is_some_and(|t| same_kind(t, all, kind)).then_some(p)
    };
    let after = |m: usize| {
        let gap = toks.get(m + 1..)?;
        let p = gap.iter().position(|t| !in_run_gap(t, all, kind))?;
        gap.get(p).is_some_and(|t| same_kind(t, all, kind)).then_some(m + 1 + p)
    };
    let (mut first, mut ahead) = (k, 0);
    while let Some(p) = before(first) {
        (first, ahead) = (p, ahead + 1);
    }
    let (mut last, mut behind) = (k, 0);
    while let Some(p) = after(last) {
        (last, behind) = (p, behind + 1);
    }
    Run {
        first,
        ahead,
        last,
        behind,
    }
}

/// The word at `m` pairs a list in order: `respectively`, or `each` at the end of its
/// clause (`each month` is a determiner).
fn pairing(toks: &[T], m: usize) -> bool {
    match toks.get(m).map(|t| t.tok) {
        Some(Tok::Word("respectively")) => true,
        Some(Tok::Word("each")) => !matches!(toks.get(m + 1).map(|t| t.tok), Some(Tok::Word(_))),
        _ => false,
    }
}

/// The items of the clause before the run of figures from token `first_fig` to token
/// `last_fig`, when `respectively` closes the run.
fn run_items(sentence: &str, toks: &[T], all: &[Found], first_fig: usize, last_fig: usize) -> Option<Vec<String>> {
    // `respectively` must close the run.
    let after = toks.get(last_fig + 1..)?;
    let close = (0..after.len().min(8)).find(|&m| pairing(after, m));
    let closes = close.is_some_and(|c| (0..c).all(|m| !verb_at(toks, last_fig + 1 + m)));
    if !closes {
        return None;
    }
    // The verb before the run, then the clause before it, split into items.
    let mut v = first_fig;
    let verb = loop {
        if v == 0 {
            return None;
        }
        v -= 1;
        match toks[v].tok {
            Tok::Punct(';' | ':') => return None,
            Tok::Word(w) if verb_at(toks, v) => {
                // `..., growing A, B and C`: skip participles right after a comma.
                let after_comma = v > 0 && toks[v - 1].tok == Tok::Punct(',');
                if after_comma && w.ends_with("ing") {
                    continue;
                }
                break v;
            }
            _ => {}
        }
    };
    let mut start = verb;
    while start > 0 {
        match toks[start - 1].tok {
            Tok::Punct(';' | ':') => break,
            Tok::Word(_) if toks[start - 1].class() & CLAUSE_OPEN != 0 => break,
            _ => {}
        }
        start -= 1;
    }
    let mut items: Vec<(usize, usize)> = Vec::new();
    let mut from = start;
    for (m, t) in toks.iter().enumerate().take(verb).skip(start) {
        let split = matches!(t.tok, Tok::Punct(',')) || t.tok == Tok::Word("and");
        if split {
            items.push((from, m));
            from = m + 1;
        }
    }
    items.push((from, verb));
    // `mainland China, including Hong Kong,`: an `including` item belongs to the one before.
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(items.len());
    for (a, b) in items {
        let including = matches!(toks.get(a).map(|t| t.tok), Some(Tok::Word(w)) if w.eq_ignore_ascii_case("including"));
        match merged.last_mut() {
            Some(last) if including => last.1 = b,
            _ => merged.push((a, b)),
        }
    }
    // `exports to and imports from partners`: an item that ends on its preposition shares
    // the object of the last item's.
    let object = merged.last().and_then(|&(a, b)| {
        let prep = (a..b).find(|&m| lower_at(toks, m).is_some_and(|l| l & PREPOSITION != 0))?;
        (prep + 1 < b).then(|| phrase(sentence, toks, all, prep + 1, b))
    });
    let items: Vec<String> = merged
        .into_iter()
        .map(|(a, b)| {
            let p = phrase(sentence, toks, all, a, b);
            let dangling = b > a + 1 && lower_at(toks, b - 1).is_some_and(|l| l & PREPOSITION != 0);
            match (&object, b.checked_sub(1).and_then(|last| toks.get(last)).map(|t| t.tok)) {
                (Some(o), Some(Tok::Word(w))) if dangling && !o.is_empty() => format!("{p} {w} {o}"),
                _ => p,
            }
        })
        .filter(|p| !p.is_empty())
        .collect();
    Some(items)
}

/// `exports to China, Japan and Peru rose ...`, `exports in units and value`: an item after
/// the first of the run, with no preposition of its own, carries the first's `exports to`.
fn carried_item(items: &[String], first: usize, at: usize) -> Option<String> {
    let item = items.get(at)?;
    let lead = items.get(first)?;
    // The first item carries nothing; a later one is read only when the first has a part.
    let carried = (at > first).then(|| lead_prep_end(lead)).flatten();
    let own = || lead_prep_end(item).is_some();
    match carried {
        Some(cut) if !own() => Some(format!("{} {item}", &lead[..cut])),
        _ => Some(copy_of(item)),
    }
}

/// Prepositions that name a part of what a list measures: `exports to`, `rates for`,
/// `employment among`, `imports from`.
const PART_PREPS: [&str; 5] = ["to", "for", "among", "from", "into"];

/// The preposition at token `m` when, right after a verb, it names a part of the verb's
/// subject (`exports rose to Peru (`, `employment grew among women (`); `from` and `for`
/// after a verb name a source or purpose (`came from housing (`).
fn part_prep<'a>(toks: &[T<'a>], m: usize) -> Option<&'a str> {
    match toks.get(m).map(|t| t.tok) {
        Some(Tok::Word(w)) if ["to", "among"].iter().any(|p| w.eq_ignore_ascii_case(p)) => Some(w),
        _ => None,
    }
}

/// The end of the first part preposition in `item` (`unemployment rates for` of
/// `unemployment rates for adult men`): what the next items of the list carry. The words
/// (split at spaces) are told by their length first, as every such preposition has 2 to 5 bytes.
fn find_part(item: &str) -> Option<usize> {
    let b = item.as_bytes();
    let mut start = 0;
    while start < b.len() {
        let end = crate::words::next_space(b, start);
        let w = b.get(start..end).unwrap_or_default();
        if end + 1 < b.len()
            && (2..=5).contains(&w.len())
            && PART_PREPS.iter().any(|p| w.eq_ignore_ascii_case(p.as_bytes()))
        {
            return Some(end);
        }
        start = end + 1;
    }
    None
}

/// What a later item of a list carries of `item`: the end of its first part preposition
/// (`find_part`), else of its first post-modifying preposition after its first word
/// (`exports in` of `exports in units`); either with a word after it. Read in one walk
/// over the words (split at spaces), which are told by their length first.
fn lead_prep_end(item: &str) -> Option<usize> {
    let b = item.as_bytes();
    let (mut start, mut post) = (0, None);
    while start < b.len() {
        let end = crate::words::next_space(b, start);
        let w = b.get(start..end).unwrap_or_default();
        let any = |list: &[&str]| list.iter().any(|p| w.eq_ignore_ascii_case(p.as_bytes()));
        if end + 1 < b.len() && (2..=5).contains(&w.len()) {
            if any(&PART_PREPS) {
                return Some(end);
            }
            if post.is_none() && start > 0 && any(POST_PREPS) {
                post = Some(end);
            }
        }
        start = end + 1;
    }
    post
}

/// `X to major markets, in particular A (`: the `X to` the items after the introducer
/// carry, and where the item starts past the introducer (the item's phrase may start on
/// it or after it: `particular` is dropped as a lead word, `notably` is not).
fn introduced(sentence: &str, toks: &[T], all: &[Found], start: usize) -> Option<(String, usize)> {
    const INTRODUCERS: [&[&str]; 7] = [
        &["in", "particular"],
        &["notably"],
        &["including"],
        &["such", "as"],
        &["especially"],
        &["namely"],
        &["mainly"],
    ];
    let matches_at = |words: &[&str], at: usize| {
        at >= 1
            && toks.get(at - 1).is_some_and(|t| t.tok == Tok::Punct(','))
            && toks.get(at..at + words.len()).is_some_and(|ts| {
                words
                    .iter()
                    .zip(ts)
                    .all(|(w, t)| matches!(t.tok, Tok::Word(x) if x.eq_ignore_ascii_case(w)))
            })
    };
    let (words, at) = INTRODUCERS.iter().find_map(|words| {
        (0..=words.len())
            .filter_map(|back| start.checked_sub(back))
            .find(|&at| matches_at(words, at))
            .map(|at| (words, at))
    })?;
    let comma = at - 1;
    let s = back_start(toks, all, comma, 0);
    let np = phrase(sentence, toks, all, s, comma);
    find_part(&np).map(|cut| (np[..cut].to_string(), at + words.len()))
}

/// A phrase of number words and their qualifiers only (`just under one million`).
fn spelled_number(item: &str) -> bool {
    const NUMBER: [&str; 24] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "hundred", "thousand",
        "million", "billion", "dozen", "just", "under", "over", "about", "nearly", "almost", "around", "some",
        "roughly",
    ];
    !item.is_empty()
        && item
            .split_whitespace()
            .all(|w| NUMBER.iter().any(|n| w.eq_ignore_ascii_case(n)))
}

/// The tokens from `start` to `end` are one count with no noun of its own (`983,000`).
fn bare_count(toks: &[T], all: &[Found], start: usize, end: usize) -> bool {
    match toks.get(start..end) {
        Some([t]) => matches!(t.tok, Tok::Fig(g) if all.get(g).is_some_and(|f| f.figure.kind == Kind::Count)),
        _ => false,
    }
}

/// The noun phrase a number counts, from token `start`, with a relative clause that
/// restricts it (`people aged 60 who retired early`): no comma before `who`/`that`; the
/// relative ends at punctuation or before a second finite verb, the main clause's.
///
/// ```text
/// counted = NP [("who" | "that") verb-phrase]    -- up to punctuation or the next verb
/// ```
fn counted_phrase(sentence: &str, toks: &[T], all: &[Found], start: usize) -> Option<String> {
    let mut e = np_end(toks, all, start, 10);
    if e == start {
        return None;
    }
    let relative = matches!(toks.get(e).map(|t| t.tok), Some(Tok::Word(w)) if w == "who" || w == "that");
    if relative {
        let open = e;
        let mut verbs = 0;
        while e - open < 12 && matches!(toks.get(e).map(|t| t.tok), Some(Tok::Word(_))) {
            // An `-ing` form is no finite verb: `who named fishing as their job`.
            let finite = matches!(toks[e].tok, Tok::Word(w) if !w.ends_with("ing"));
            if finite && verb_at(toks, e) {
                verbs += 1;
                if verbs > 1 {
                    break;
                }
            }
            e += 1;
        }
    }
    let p = phrase(sentence, toks, all, start, e);
    (!p.is_empty()).then_some(p)
}

/// `under one million (983,000; 57.5%) farmers`: a count with no noun of its own, before a
/// parenthesis of figures, counts the noun phrase after the parenthesis.
///
/// ```text
/// count "(" figure ((";" | ",") figure)* ")" counted
/// ```
pub(super) fn counted_after_bracket(sentence: &str, toks: &[T], all: &[Found], k: usize) -> Option<String> {
    let Tok::Fig(g) = toks.get(k)?.tok else { return None };
    if all.get(g)?.figure.kind != Kind::Count || toks.get(k + 1)?.tok != Tok::Punct('(') {
        return None;
    }
    let mut c = k + 2;
    while let Some(t) = toks.get(c) {
        match t.tok {
            Tok::Fig(_) | Tok::Punct(';' | ',') => c += 1,
            Tok::Punct(')') if c > k + 2 => return counted_phrase(sentence, toks, all, c + 1),
            _ => return None,
        }
    }
    None
}

/// `Sales of tea, coffee, and cocoa (up 5%)`: the first bracket of a list closes a
/// coordination whose conjuncts have no bracket of their own; when it is the object of
/// `of`, the item is the whole phrase. `start` is where the last conjunct starts.
///
/// ```text
/// NP "of" conjunct ("," conjunct)* [","] ("and" | "or") conjunct "("   -> the whole
/// ```
fn coordinated_of(toks: &[T], all: &[Found], start: usize) -> usize {
    let is_word =
        |j: usize, w: &str| matches!(toks.get(j).map(|t| t.tok), Some(Tok::Word(x)) if x.eq_ignore_ascii_case(w));
    // The phrase may start on its conjunction (a lead word, dropped from the phrase).
    let mut s = if is_word(start, "and") || is_word(start, "or") {
        start + 1
    } else {
        start
    };
    let mut joined = false;
    loop {
        let mut j = s;
        if j > 0 && (is_word(j - 1, "and") || is_word(j - 1, "or")) {
            j -= 1;
            joined = true;
        }
        if j > 0 && toks[j - 1].tok == Tok::Punct(',') {
            j -= 1;
        }
        if j == s || j == 0 {
            break;
        }
        // The first conjunct starts after `of` (the phrase read back runs over it).
        let c = back_start(toks, all, j, PAREN_STOP);
        let c = (c..j).rev().find(|&m| is_word(m, "of")).map_or(c, |m| m + 1);
        let plain = toks
            .get(c..j)
            .is_some_and(|w| !w.is_empty() && w.iter().all(|t| matches!(t.tok, Tok::Word(_))));
        if !plain {
            break;
        }
        s = c;
        if s > 0 && is_word(s - 1, "of") {
            break;
        }
    }
    if joined && s > 1 && is_word(s - 1, "of") {
        back_start(toks, all, s - 1, PAREN_STOP)
    } else {
        start
    }
}

/// The `(` that the figure at token `n` opens: right before it, or before numbers that
/// open it with it (`(+43,000; +0.7%)`).
fn opening(toks: &[T], n: usize) -> Option<usize> {
    let mut m = n.checked_sub(1)?;
    while m >= 2
        && matches!(toks[m].tok, Tok::Punct(';' | ','))
        && word_class(toks, m - 1).is_some_and(|c| c & DIGIT != 0)
    {
        m -= 2;
    }
    (toks.get(m)?.tok == Tok::Punct('(')).then_some(m)
}

/// `(+43,000; +0.7%)`: a figure after other figures of the same parenthesis measures what
/// the first one does.
fn same_parenthesis(toks: &[T], k: usize, prev: Option<&str>) -> Option<String> {
    let mut j = k;
    let mut figures = 0;
    while j > 0 {
        j -= 1;
        match toks[j].tok {
            Tok::Punct('(') => break,
            Tok::Punct(';' | ',') => {}
            Tok::Fig(_) => figures += 1,
            _ => return None,
        }
    }
    let opened = toks.get(j).is_some_and(|t| t.tok == Tok::Punct('('));
    (opened && figures > 0)
        .then(|| prev.filter(|p| !p.is_empty()).map(copy_of))
        .flatten()
}

/// What the list rules keep between the figures of one window: the figures of a sentence
/// are asked in order, so each rule goes on from what it found for the figures before
/// instead of finding it again.
#[derive(Default)]
pub(super) struct Lists {
    /// `parenthesised`: the next token to look at (the tokens before it are walked).
    next: usize,
    /// `parenthesised`: the `X to` the items carry.
    carried: Option<String>,
    /// `parenthesised`: the close of the last item's parenthesis.
    prev_close: Option<usize>,
    /// `respectively`: the items of the last run, by the token of its first figure.
    run: Option<(usize, Option<Vec<String>>)>,
    /// `respectively`: no word of the window is `respectively` (false when not known).
    pub(super) no_respectively: bool,
    /// `respectively`: the last token of the window that pairs a list (`pairing`), once
    /// looked for.
    last_pairing: Option<Option<usize>>,
    /// `clause_subject`: the phrase found last.
    pub(super) clause: Kept,
}

/// `X (up 4.9 percent)`: the list item before the parenthesis, with a carried `exports to`.
/// `lists` holds where the walk over the same `toks` stopped; `prev` the subject of the
/// figure before, which a change named by the item (`the growth seen in May (+3%)`) shares.
pub(super) fn parenthesised(
    sentence: &str,
    toks: &[T],
    all: &[Found],
    fi: usize,
    k: usize,
    lists: &mut Lists,
    prev: Option<&str>,
) -> Option<String> {
    // `(+43,000; +0.7%)`: a later figure of the same parenthesis is the same item's.
    if let Some(p) = same_parenthesis(toks, k, prev) {
        return Some(p);
    }
    // Only a figure that opens a parenthesis is an item (the loop below answers at its token).
    opening(toks, k)?;
    // A figure before where the walk stopped: walk again from the start.
    if lists.next > k {
        (lists.next, lists.carried, lists.prev_close) = (0, None, None);
    }
    while let Some(t) = toks.get(lists.next) {
        let n = lists.next;
        lists.next += 1;
        let Tok::Fig(g) = t.tok else { continue };
        let Some(end) = opening(toks, n) else { continue };
        let mut start = back_start(toks, all, end, PAREN_STOP);
        // `to China (`, `among core-aged women (`: keep the preposition, it names a part.
        if start > 0 && part_prep(toks, start - 1).is_some() {
            start -= 1;
        }
        // The item follows the previous one in the same list: it may carry its `X to`.
        let in_list_after_prev = lists.prev_close.is_some_and(|c| {
            toks.get(c + 1..start).is_some_and(|gap| {
                gap.iter()
                    .all(|t| matches!(t.tok, Tok::Punct(',') | Tok::Word("and" | "or")))
            })
        });
        if !in_list_after_prev {
            lists.carried = None;
            // Only the list's first bracket: after one, a coordination is the next item's.
            if lists.prev_close.is_none() {
                start = coordinated_of(toks, all, start);
            }
        }
        let mut item = phrase(sentence, toks, all, start, end);
        let generic = item.is_empty()
            || bare_measure(&item)
            || toks
                .get(start..end)
                .is_some_and(|s| s.iter().any(|t| matches!(t.tok, Tok::Fig(_))));
        let starts_to = part_prep(toks, start);
        if let Some(prep) = starts_to {
            // `exports increased to China (`: the clause subject goes in front.
            let subj = clause_subject(sentence, toks, all, start);
            // `jobs among women rose (..) and fell among men (`: the subject's own part
            // gives way to the new one (`jobs among men`).
            let whole = match find_part(&subj).and_then(|cut| subj.get(..cut)) {
                Some(lead) => lead.rsplit_once(' ').map_or(lead, |(w, _)| w),
                None => subj.as_str(),
            };
            if !whole.is_empty() {
                lists.carried = Some(format!("{whole} {prep}"));
            }
            let rest = phrase(sentence, toks, all, start + 1, end);
            item = match &lists.carried {
                Some(c) => format!("{c} {rest}"),
                None => rest,
            };
        } else if let Some(to) = find_part(&item) {
            lists.carried = Some(item[..to].to_string());
        } else if let Some((c, from)) = lists
            .carried
            .is_none()
            .then(|| introduced(sentence, toks, all, start))
            .flatten()
        {
            // `exports to major markets, in particular Peru (`: the items are the markets.
            item = format!("{c} {}", phrase(sentence, toks, all, from.max(start), end));
            lists.carried = Some(c);
        } else if let Some(c) = &lists.carried {
            if !generic {
                item = format!("{c} {item}");
            }
        }
        // The close of this parenthesis, for the next item.
        lists.prev_close = toks
            .iter()
            .enumerate()
            .skip(n)
            .find(|(_, t)| t.tok == Tok::Punct(')'))
            .map(|(m, _)| m);
        if g == fi {
            // `just under one million (983,000; 57.5%) people aged 55 to 64`: an item that is
            // only a number counts the noun phrase after the parenthesis.
            if spelled_number(&item) || bare_count(toks, all, start, end) {
                return lists
                    .prev_close
                    .and_then(|c| counted_phrase(sentence, toks, all, c + 1));
            }
            // `the growth seen in May (+3%)`, `flat at $6 billion (down 1%)`: a change or
            // an amount before the parenthesis: what the figure before measures.
            let change = toks.get(start..end).is_some_and(|s| {
                s.iter()
                    .any(|t| t.lower() & DIRECTION != 0 && t.lower() & GENERIC_WORD != 0)
            });
            let amount = end > 0 && matches!(toks[end - 1].tok, Tok::Fig(_));
            if let Some(p) = prev.filter(|p| (change || amount) && starts_to.is_none() && !p.is_empty()) {
                give_back_string(item);
                return Some(copy_of(p));
            }
            if generic && starts_to.is_none() {
                // `Nearly half (48%) of small firms`: the share's whole after the parenthesis.
                // A share verb before (`which account for the highest proportion (90%) of
                // sales`) ties it to its part instead.
                let tied = toks
                    .get(start.saturating_sub(2)..=start)
                    .is_some_and(|w| w.iter().any(|t| t.lower() & SHARE != 0));
                let whole = lists.prev_close.filter(|&c| {
                    !tied
                        && matches!(toks.get(c + 1).map(|t| t.tok), Some(Tok::Word(w)) if w.eq_ignore_ascii_case("of"))
                });
                if let Some(c) = whole {
                    let e = forward_end(toks, c + 2, 8);
                    let p = phrase(sentence, toks, all, c + 2, e);
                    if !p.is_empty() {
                        return Some(p);
                    }
                }
                return Some(clause_subject(sentence, toks, all, end));
            }
            return Some(item);
        }
        // Another figure's item: only what it carries is kept.
        give_back_string(item);
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::subject::tests::subjects;

    /// Whether a word after token `k` pairs a list, walked from `k` as first written (the
    /// oracle of `Lists::last_pairing`).
    fn pairs_after_by_walk(toks: &[super::T], k: usize) -> bool {
        toks.get(k + 1..)
            .is_some_and(|a| (0..a.len()).any(|m| super::pairing(a, m)))
    }

    /// At every token of every line of the fixtures, and of invented lines: a pairing word
    /// follows the token exactly when the window's last one is after it.
    #[test]
    fn the_last_pairing_word_tells_what_the_walk_after_each_token_tells() {
        let mut lines: Vec<String> = crate::fixture_texts()
            .iter()
            .flat_map(|t| t.lines().map(str::to_string))
            .collect();
        lines.push("Tea and rice rose 4% and 5% respectively, and each fell 2% each".to_string());
        lines.push("Each month oil and gas sold 3 and 4 units each.".to_string());
        let mut pairing_lines = 0;
        for line in &lines {
            let found = crate::scan::figures(line, false);
            let cut = crate::subject::tokens::cut(line, &found);
            let last = (0..cut.toks.len()).rposition(|m| super::pairing(&cut.toks, m));
            pairing_lines += usize::from(last.is_some());
            for k in 0..=cut.toks.len() {
                assert_eq!(
                    last.is_some_and(|p| p > k),
                    pairs_after_by_walk(&cut.toks, k),
                    "{line} {k}"
                );
            }
        }
        assert!(pairing_lines >= 2);
    }

    /// The run around token `k`, as first written: each next figure of the kind looked for
    /// anywhere before (after), then its gap tested (the oracle of `run_around`).
    fn run_around_by_search(
        toks: &[super::T],
        all: &[crate::scan::Found],
        k: usize,
        kind: crate::model::Kind,
    ) -> super::Run {
        let joins = |a: usize, b: usize| {
            toks.get(a + 1..b)
                .is_some_and(|gap| gap.iter().all(|t| super::in_run_gap(t, all, kind)))
        };
        let same = |t: &super::T| super::same_kind(t, all, kind);
        let before = |m: usize| toks.get(..m)?.iter().rposition(same);
        let after = |m: usize| Some(m + 1 + toks.get(m + 1..)?.iter().position(same)?);
        let (mut first, mut ahead) = (k, 0);
        while let Some(p) = before(first).filter(|&p| joins(p, first)) {
            (first, ahead) = (p, ahead + 1);
        }
        let (mut last, mut behind) = (k, 0);
        while let Some(p) = after(last).filter(|&p| joins(last, p)) {
            (last, behind) = (p, behind + 1);
        }
        super::Run {
            first,
            ahead,
            last,
            behind,
        }
    }

    /// At every figure token of every line of the fixtures, and of invented lines: the walk
    /// over the gaps finds the run that the search finds.
    #[test]
    fn runs_are_walked_as_they_are_searched() {
        let mut lines: Vec<String> = crate::fixture_texts()
            .iter()
            .flat_map(|t| t.lines().map(str::to_string))
            .collect();
        lines.push("Tea, rice and oats rose 4%, 5% (up from 2%) and 6%, to $3 billion, respectively.".to_string());
        lines.push("Wool fell 2%, to 3% and 9 percent; yarn 4% (5%), $2 billion and 7% each.".to_string());
        let mut runs = 0;
        for line in &lines {
            let found = crate::scan::figures(line, false);
            let cut = crate::subject::tokens::cut(line, &found);
            for (k, t) in cut.toks.iter().enumerate() {
                let super::Tok::Fig(g) = t.tok else { continue };
                let Some(kind) = found.get(g).map(|f| f.figure.kind) else {
                    continue;
                };
                let run = super::run_around(&cut.toks, &found, k, kind);
                runs += usize::from(run.first != run.last);
                assert_eq!(run, run_around_by_search(&cut.toks, &found, k, kind), "{line} {k}");
            }
        }
        assert!(runs >= 4);
    }

    /// The end of the first post-modifying preposition in `item` (`exports in` of `exports
    /// in units`), as first written: with `find_part`, the oracle of `lead_prep_end`.
    fn find_post_prep(item: &str) -> Option<usize> {
        let mut at = 0;
        for w in item.split(' ') {
            at += w.len() + 1;
            if at > w.len() + 1 && at < item.len() && super::POST_PREPS.iter().any(|p| w.eq_ignore_ascii_case(p)) {
                return Some(at - 1);
            }
        }
        None
    }

    /// The end of the first part preposition in `item`, as first written: the oracle of
    /// `find_part`.
    fn find_part_by_split(item: &str) -> Option<usize> {
        let mut at = 0;
        for w in item.split(' ') {
            at += w.len() + 1;
            if at < item.len() && super::PART_PREPS.iter().any(|p| w.eq_ignore_ascii_case(p)) {
                return Some(at - 1);
            }
        }
        None
    }

    /// `lead_prep_end` as first written: two walks, the part preposition's first.
    fn lead_prep_end_by_two_walks(item: &str) -> Option<usize> {
        find_part_by_split(item).or_else(|| find_post_prep(item))
    }

    proptest::proptest! {
        /// One walk finds what the two walks find, on phrases of list words, other words
        /// and runs of spaces.
        #[test]
        fn lead_prep_ends_as_found_by_two_walks(picks in proptest::collection::vec(0..12usize, 0..7)) {
            const WORDS: [&str; 12] = ["exports", "To", "among", "in", "", "Peru", "of", "for", "into", "rates", "with", "e"];
            let item = picks.iter().map(|&n| WORDS[n]).collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(super::lead_prep_end(&item), lead_prep_end_by_two_walks(&item), "{:?}", item);
            proptest::prop_assert_eq!(super::find_part(&item), find_part_by_split(&item), "{:?}", item);
        }
    }

    /// At every item of the fixtures' lines cut at commas and `and`: the same ends.
    #[test]
    fn lead_prep_ends_of_the_fixtures_as_found_by_two_walks() {
        let mut found = 0;
        for text in crate::fixture_texts() {
            for item in text.split([',', ';', '(', ')']).flat_map(|p| p.split(" and ")) {
                let item = item.trim();
                assert_eq!(super::lead_prep_end(item), lead_prep_end_by_two_walks(item), "{item:?}");
                assert_eq!(super::find_part(item), find_part_by_split(item), "{item:?}");
                found += usize::from(super::lead_prep_end(item).is_some());
            }
        }
        assert!(found > 20, "{found}");
    }

    /// `carried_item` as first written, both items read before either is used.
    fn carried_item_eager(items: &[String], first: usize, at: usize) -> Option<String> {
        let item = items.get(at)?;
        let lead = items.get(first)?;
        let own = lead_prep_end_by_two_walks(item).is_some();
        match lead_prep_end_by_two_walks(lead) {
            Some(cut) if at > first && !own => Some(format!("{} {item}", &lead[..cut])),
            _ => Some(item.clone()),
        }
    }

    proptest::proptest! {
        /// Reading the items only when they count carries what reading both first carries.
        #[test]
        fn carried_items_as_read_eagerly(
            picks in proptest::collection::vec(proptest::collection::vec(0..8usize, 0..5), 0..4),
            first in 0..5usize,
            at in 0..5usize,
        ) {
            const WORDS: [&str; 8] = ["exports", "to", "Peru", "in", "units", "rates", "for", "men"];
            let items: Vec<String> = picks
                .iter()
                .map(|p| p.iter().map(|&n| WORDS[n]).collect::<Vec<_>>().join(" "))
                .collect();
            proptest::prop_assert_eq!(super::carried_item(&items, first, at), carried_item_eager(&items, first, at));
        }
    }

    #[test]
    fn parenthesised_lists() {
        assert_eq!(
            subjects(
                "By region, exports rose to Canada (up 3.1 percent), Mexico (up 2.2 percent) and Chile (up 1.0 percent)."
            ),
            ["exports to Canada", "exports to Mexico", "exports to Chile"]
        );
        assert_eq!(
            subjects("Exports grew to Peru including Lima (up 2.0 percent) and Chile (up 1.0 percent)."),
            ["exports to Peru including Lima", "exports to Chile"]
        );
        assert_eq!(
            subjects("Tablets (down 4.4 percent) and printers (down 2.1 percent) slipped."),
            ["tablets", "printers"]
        );
        assert_eq!(
            subjects("Bike sales totaled 9,120 units (up 5.5 percent)."),
            ["bike sales"]
        );
    }

    /// Found by fuzzing: a `respectively` list with no item before its figures.
    #[test]
    fn a_respectively_list_without_items_has_no_subjects() {
        let got = subjects(" rose , 2 percent 3 percent, respectively.");
        assert!(got.iter().all(String::is_empty), "{got:?}");
    }

    #[test]
    fn respectively_pairs_in_order() {
        assert_eq!(
            subjects("Output, home sales, and shipments rose 3.0 percent, 2.5 percent and 1.1 percent, respectively."),
            ["output", "home sales", "shipments"]
        );
        assert_eq!(
            subjects(
                "Only vans fell, losing 4.0 percent, while buses and trucks gained, growing 2.2 percent and 6.1 percent, respectively."
            ),
            ["vans", "buses", "trucks"]
        );
    }

    #[test]
    fn a_coordination_under_of_is_one_item() {
        assert_eq!(
            subjects("Sales of tea, coffee, and cocoa (up 5.1 percent), and sugar (up 2.0 percent) rose."),
            ["sales of tea coffee and cocoa", "sugar"]
        );
        // After a first bracket, a coordination is not reached back into.
        assert_eq!(
            subjects("Tea (up 1 percent) gained on demand of hotels and cafes, and salt (up 2 percent) fell."),
            ["tea", "salt"]
        );
        // Without `of`, the last conjunct is the item.
        assert_eq!(subjects("Tea, coffee, and cocoa (up 5.1 percent) rose."), ["cocoa"]);
    }

    #[test]
    fn each_pairs_like_respectively() {
        assert_eq!(
            subjects(
                "Ferries and barges ranked next, carrying 900 tons (up 4 percent) and 300 tons (up 2 percent) each."
            ),
            ["ferries", "ferries", "barges", "barges"]
        );
        // `each` before a noun is a determiner: no pairing.
        assert_eq!(
            subjects("Tea and coffee prices rose 2 percent and 3 percent each month."),
            ["tea and coffee prices", "tea and coffee prices"]
        );
    }

    #[test]
    fn list_items_carry_the_part_they_name() {
        assert_eq!(
            subjects(
                "The jobless rates for welders (4.1 percent), drivers (3.6 percent) and cooks (2.2 percent) fell."
            ),
            [
                "the jobless rates for welders",
                "the jobless rates for drivers",
                "the jobless rates for cooks"
            ]
        );
        assert_eq!(
            subjects(
                "Gains were seen in the values of total exports to some markets, in particular Chad (+4.1%) and Mali (+2.0%)."
            ),
            [
                "the values of total exports to Chad",
                "the values of total exports to Mali"
            ]
        );
        assert_eq!(
            subjects("Hiring grew among nurses (+900; +1.4%), and grew among cooks (+300; +0.6%)."),
            ["hiring among nurses", "hiring among cooks"]
        );
        assert_eq!(
            subjects("Hiring among nurses rose (+900; +1.4%) and fell among cooks (-300; -0.6%)."),
            ["hiring among nurses", "hiring among cooks"]
        );
        // `from` after a verb names a source, not a part.
        assert_eq!(
            subjects(
                "The largest contributions came from fuel (0.6 percentage points) and food (0.2 percentage points)."
            ),
            ["fuel", "food"]
        );
    }

    #[test]
    fn a_share_in_brackets_after_a_measure() {
        assert_eq!(
            subjects("Nearly half (48%) of small farms reported losses."),
            ["small farms"]
        );
        assert_eq!(
            subjects("Tea sales, which account for the largest share (61 percent) of sales, fell."),
            ["tea sales"]
        );
    }

    #[test]
    fn a_number_before_the_bracket_counts_what_follows() {
        assert_eq!(
            subjects("In May, there were just under one million (983,000; 57.5%) farmers aged 55 to 64."),
            ["farmers aged 55 to 64"; 3]
        );
        assert_eq!(
            subjects("Last spring some 40,000 (12,500; 31%) cyclists who rode to work lost time."),
            ["cyclists who rode to work"; 3]
        );
        assert_eq!(
            subjects("There were under one million (950,000; 40%) farmers who named fishing as their main job."),
            ["farmers who named fishing as their main job"; 3]
        );
        // A comma before `who` opens an aside, not a restriction.
        assert_eq!(
            subjects("About 2,000 (9%) nurses, who work nights, quit."),
            ["nurses"; 2]
        );
    }

    #[test]
    fn a_dangling_preposition_shares_the_last_object() {
        assert_eq!(
            subjects("Tea exports to and imports from island partners grew 3% and 2% respectively."),
            ["tea exports to island partners", "imports from island partners"]
        );
    }

    #[test]
    fn numbers_at_the_start_do_not_underflow() {
        // A number and a comma before the first figure of the sentence (a property test
        // found the walk back below the first token).
        let _ = subjects("0,KRW 0");
        let _ = subjects("5; 3%");
    }

    #[test]
    fn respectively_lists_merge_and_carry() {
        assert_eq!(
            subjects("Sales to Chad, Mali, including Bamako, and Niger rose 3%, 2% and 1%, respectively."),
            ["sales to Chad", "sales to Mali including Bamako", "sales to Niger"]
        );
    }
}
