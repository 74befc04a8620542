//! subject: what a figure measures, as words of its sentence.
//!
//! The sentence is cut into tokens (words, punctuation, whole figures); the rules then
//! look for the noun phrase tied to the figure, most specific first:
//!
//! ```text
//! respectively  X, Y and Z rose A, B and C, respectively       -> pairs in order
//! parenthesis   Tablets (down 4.4 percent)                     -> the item before `(`
//!               exports rose to Canada (up 3.1 percent), Mexico (...)
//!                                                              -> exports to Canada, exports to Mexico
//! after         KRW 400 billion in state funding               -> state funding
//!               a $0.3 billion deficit                         -> deficit
//!               a 6-percent rise in online toy sales           -> online toy sales
//! before        a chip surplus of $9.1 billion                 -> chip surplus
//!               relief goods worth $200,000                    -> relief goods
//! clause        Steel imports dropped 4.1 percent to $2.5 billion -> steel imports (before the verb)
//! ```
//!
//! Each rule gives up rather than guess; the answer is empty when none applies.

use crate::grammar::cues::word_direction;
use crate::grammar::{in_words, with_lower};
use crate::model::Kind;
use crate::scan::Found;

/// One piece of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'a> {
    Word(&'a str),
    Punct(char),
    /// The figure at this index of `all`.
    Fig(usize),
}

#[derive(Debug, Clone, Copy)]
struct T<'a> {
    tok: Tok<'a>,
    start: usize,
    end: usize,
}

/// Characters that stand alone as punctuation tokens.
fn is_punct(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '"' | '“' | '”' | '[' | ']' | '!' | '?' | '—'
    )
}

/// Words, punctuation and figures of a sentence, in order.
fn tokens<'a>(sentence: &'a str, all: &[Found]) -> Vec<T<'a>> {
    let mut out = Vec::new();
    let mut pos = 0;
    // Money, percent and date figures are single tokens; counts and the like read as words
    // (`sales of the nine online sellers`). Figures come in order: one pointer walks them.
    let is_token = |f: &Found| matches!(f.figure.kind, Kind::Money | Kind::Percent | Kind::Date);
    let mut next_fig = 0;
    while let Some(c) = sentence.get(pos..).and_then(|r| r.chars().next()) {
        while all.get(next_fig).is_some_and(|f| f.text_start < pos || !is_token(f)) {
            next_fig += 1;
        }
        if let Some((i, f)) = all
            .get(next_fig)
            .map(|f| (next_fig, f))
            .filter(|(_, f)| f.text_start == pos && f.figure.end > pos)
        {
            out.push(T {
                tok: Tok::Fig(i),
                start: pos,
                end: f.figure.end,
            });
            pos = f.figure.end;
            continue;
        }
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        if is_punct(c) {
            out.push(T {
                tok: Tok::Punct(c),
                start: pos,
                end: pos + c.len_utf8(),
            });
            pos += c.len_utf8();
            continue;
        }
        let rest = &sentence[pos..];
        // A word runs to white space or punctuation; a comma between digits is inside it.
        let mut len = rest.len();
        let mut prev = ' ';
        let mut it = rest.char_indices().peekable();
        while let Some((n, c)) = it.next() {
            let next = it.peek().map_or(' ', |&(_, d)| d);
            let thousands = c == ',' && prev.is_ascii_digit() && next.is_ascii_digit();
            if c.is_whitespace() || (is_punct(c) && !thousands) {
                len = n;
                break;
            }
            prev = c;
        }
        // A figure may start inside what looks like one word (`(+1`): stop there.
        if let Some(next) = all
            .iter()
            .map(|f| f.text_start)
            .filter(|&s| s > pos && s < pos + len)
            .min()
        {
            len = next - pos;
        }
        let word = &rest[..len];
        // A final period ends the sentence, unless the word is an abbreviation (`U.S.`).
        let trimmed = if word.ends_with('.') && word[..word.len() - 1].contains('.') {
            word
        } else {
            word.trim_end_matches(['.', '\''])
        };
        if !trimmed.is_empty() {
            out.push(T {
                tok: Tok::Word(trimmed),
                start: pos,
                end: pos + trimmed.len(),
            });
        }
        pos += len.max(1);
        while !sentence.is_char_boundary(pos) {
            pos += 1;
        }
    }
    out
}

/// Verbs that are neither direction words nor regular `-ed`/`-ing` forms.
/// `VERBS` as a set: the clause search asks it for nearly every word it passes.
static VERB_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| VERBS.iter().copied().collect());

fn listed(word: &str) -> bool {
    with_lower(word, |l| VERB_SET.contains(l))
}

const VERBS: &[&str] = &[
    "hit",
    "hits",
    "post",
    "posts",
    "posted",
    "saw",
    "see",
    "sees",
    "came",
    "come",
    "comes",
    "took",
    "take",
    "takes",
    "made",
    "make",
    "makes",
    "went",
    "go",
    "goes",
    "broke",
    "break",
    "breaks",
    "achieve",
    "achieves",
    "set",
    "sets",
    "remain",
    "remains",
    "stood",
    "stand",
    "stands",
    "show",
    "shows",
    "top",
    "tops",
    "log",
    "logs",
    "account",
    "accounts",
    "reach",
    "reaches",
    "totals",
    "represent",
    "represents",
    "was",
    "were",
    "is",
    "are",
    "marked",
    "mark",
    "marks",
    "rank",
    "ranks",
    "sell",
    "sells",
    "spend",
    "spends",
    "won",
    "win",
    "wins",
    "amount",
    "amounts",
    "put",
    "puts",
    "kept",
    "keep",
    "keeps",
    "got",
    "get",
    "gets",
    "hold",
    "holds",
    "held",
    "led",
    "lead",
    "leads",
    "brought",
    "bring",
    "brings",
    "said",
    "says",
    "say",
    "reported",
    "recorded",
    "announced",
    "reached",
    "posted",
    "expects",
    "expect",
    "launches",
    "signs",
    "targets",
    "earmarks",
];

/// Direction words that are only nouns or adverbs: never the verb of a clause, even
/// capitalized in a headline.
const NEVER_VERBS: &[&str] = &[
    "growth",
    "growths",
    "expansion",
    "improvement",
    "contraction",
    "reduction",
    "loss",
    "up",
    "down",
    "upturn",
    "downturn",
    "higher",
    "lower",
];

/// Direction words that are nouns mid-sentence (`a 5% rise`) but verbs in a headline
/// (`Exports Rise 5%`).
const HEADLINE_VERBS: &[&str] = &[
    "cut",
    "gain",
    "gains",
    "rise",
    "rises",
    "increase",
    "increases",
    "decline",
    "declines",
    "drop",
    "drops",
    "fall",
    "falls",
    "jump",
    "surge",
    "spike",
    "hike",
    "hikes",
    "dip",
    "slump",
    "advance",
    "contract",
    "contracts",
];

/// Not the verb of a clause mid-sentence.
fn not_verb(w: &str) -> bool {
    in_words(NEVER_VERBS, w) || in_words(HEADLINE_VERBS, w)
}

/// `-ed` and `-ing` words that are adjectives or nouns in these texts.
const NOT_PARTICIPLES: &[&str] = &[
    "funding",
    "spending",
    "shipping",
    "building",
    "marketing",
    "manufacturing",
    "processing",
    "underwriting",
    "housing",
    "clothing",
    "training",
    "banking",
    "consulting",
    "engineering",
    "financing",
    "earnings",
    "landing",
    "pricing",
    "offering",
    "opening",
    "meeting",
    "remaining",
    "leading",
    "outstanding",
    "existing",
    "upcoming",
    "following",
    "during",
    "including",
    "according",
    "regarding",
    "selected",
    "imported",
    "advanced",
    "combined",
    "related",
    "based",
    "red",
    "need",
    "speed",
    "seed",
    "feed",
    "bed",
    "hundred",
    "united",
    "limited",
    "detailed",
    "specialized",
    "integrated",
    "automated",
    "dedicated",
    "expected",
    "estimated",
    "accumulated",
    "cumulative",
    "sing",
    "king",
    "ring",
    "thing",
    "something",
    "nothing",
    "anything",
    "everything",
    "morning",
    "evening",
    "spring",
    "string",
    "bring",
    "ceiling",
    "dealing",
    "trading",
    "packaging",
    "recycling",
    "logging",
    "shopping",
    "operating",
    "emerging",
];

fn is_verb(word: &str) -> bool {
    if not_verb(word) {
        return false;
    }
    if listed(word) {
        return true;
    }
    with_lower(word, |w| {
        if word_direction(w).is_some() {
            return true;
        }
        // Regular forms, only for lowercase plain words (`Gwangyang-based` and names are not).
        let plain = word.chars().all(|c| c.is_ascii_lowercase());
        plain && w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing")) && !NOT_PARTICIPLES.contains(&w)
    })
}

const MODALS: &[&str] = &[
    "will", "would", "can", "could", "may", "might", "should", "must", "shall", "to", "has", "have", "had", "is",
    "are", "was", "were", "be", "been", "not",
];

/// True when a regular `-ed`/`-ing` word stands before a noun, as an adjective (`processed food`).
fn before_noun(toks: &[T], j: usize) -> bool {
    matches!(toks.get(j + 1).map(|t| t.tok), Some(Tok::Word(n))
        if n.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            && !in_list(FORWARD_STOPS, n)
            && !in_list(&["a", "an", "the", "its", "their", "up", "down", "further", "lower", "higher", "more", "less"], n)
            && !n.ends_with("ly")
            && !is_verb(n))
}

/// The token at `j` is a verb in its place: a listed verb not after an article, a regular
/// form not before a noun, or any word after a modal (`will provide`, `to grow`).
fn verb_at(toks: &[T], j: usize) -> bool {
    let Some(Tok::Word(w)) = toks.get(j).map(|t| t.tok) else {
        return false;
    };
    // In a headline `Rise`, `Cut`, `Jump` are verbs; mid-sentence capitals only occur there.
    let headline_verb = j > 0 && w.starts_with(char::is_uppercase) && in_words(HEADLINE_VERBS, w);
    let listed = listed(w) || headline_verb || with_lower(w, |l| word_direction(l).is_some() && !not_verb(l));
    if listed {
        return !after_article(toks, j);
    }
    if is_verb(w) {
        return !before_noun(toks, j);
    }
    let prev = j.checked_sub(1).and_then(|m| toks.get(m)).map(|t| t.tok);
    let bare = w.chars().all(|c| c.is_ascii_lowercase());
    match prev {
        // `to` leads a place as often as a verb: `to the U.S.`, `to markets`, but `to raise`.
        Some(Tok::Word(m)) if m.eq_ignore_ascii_case("to") => {
            bare && (!w.ends_with('s') || w.ends_with("ss"))
                && !in_list(
                    &[
                        "the", "a", "an", "its", "their", "this", "these", "those", "all", "both", "each", "other",
                    ],
                    w,
                )
        }
        Some(Tok::Word(m))
            if in_list(
                &[
                    "will", "would", "can", "could", "may", "might", "should", "must", "shall",
                ],
                m,
            ) =>
        {
            bare
        }
        _ => false,
    }
}

/// Words that end a noun phrase read backwards, besides punctuation, figures and verbs.
const BACK_STOPS: &[&str] = &[
    "that", "which", "who", "while", "whereas", "but", "as", "when", "if", "because", "since", "after", "before",
    "although", "though", "where", "so", "than", "like", "such", "will", "would", "can", "could", "may", "might",
    "should", "must", "has", "have", "had", "it", "they", "we",
];

/// Words that end a noun phrase read forwards.
const FORWARD_STOPS: &[&str] = &[
    "to",
    "by",
    "at",
    "on",
    "with",
    "from",
    "than",
    "as",
    "and",
    "or",
    "for",
    "in",
    "which",
    "that",
    "while",
    "including",
    "during",
    "since",
    "under",
    "through",
    "over",
    "via",
    "into",
    "until",
    "compared",
    "alongside",
    "besides",
    "against",
    "amid",
    "due",
    "thanks",
    "who",
    "whose",
    "will",
    "would",
    "is",
    "are",
    "was",
    "were",
];

/// Leading words that are not part of the phrase.
const LEAD_STRIP: &[&str] = &[
    "and",
    "or",
    "but",
    "also",
    "only",
    "meanwhile",
    "however",
    "then",
    "moreover",
    "furthermore",
    "particular",
    "addition",
    "in",
    "of",
    "for",
    "with",
    "at",
    "on",
    "by",
    "from",
];

/// Trailing words that are not part of the phrase.
const TAIL_STRIP: &[&str] = &[
    "also", "all", "each", "both", "still", "even", "again", "further", "have", "has", "had", "will", "would", "can",
    "could", "may", "might", "should", "must", "is", "are", "was", "were", "be", "been", "together", "and", "or",
    "the", "a", "an", "in", "of", "for", "by", "to", "with", "who",
];

/// Heads that say how a figure is measured, not what: `a total of`, `in value`, `the 10 percent mark`.
const GENERIC: &[&str] = &[
    "growth",
    "increase",
    "rise",
    "decline",
    "decrease",
    "drop",
    "gain",
    "fall",
    "jump",
    "surge",
    "value",
    "values",
    "unit",
    "units",
    "volume",
    "proportion",
    "portion",
    "percentage",
    "record",
    "high",
    "low",
    "level",
    "levels",
    "total",
    "amount",
    "sum",
    "both",
    "figure",
    "time",
    "term",
    "terms",
    "rate",
    "mark",
    "threshold",
    "year",
    "years",
    "month",
    "months",
    "tune",
    "range",
    "each",
    "average",
    "basis",
    "reduction",
    "growths",
    "increases",
    "declines",
    "first",
    "half",
    "quarter",
    "contraction",
    "expansion",
    "points",
    "point",
];

fn lower(w: &str) -> String {
    w.to_lowercase()
}

fn in_list(list: &[&str], w: &str) -> bool {
    in_words(list, w)
}

fn is_date(all: &[Found], i: usize) -> bool {
    all.get(i).is_some_and(|f| f.figure.kind == Kind::Date)
}

/// The phrase from `from` to `to` (token indexes, inclusive start, exclusive end), cleaned.
fn phrase(sentence: &str, toks: &[T], all: &[Found], from: usize, to: usize) -> String {
    let mut words: Vec<&str> = Vec::new();
    let mut aside = false;
    let mut after_date = false;
    for t in toks.get(from..to).unwrap_or(&[]) {
        // `the January to July period`: the word that a date qualifies goes with it.
        let period = after_date && matches!(t.tok, Tok::Word(w) if in_list(&["period", "periods"], w));
        after_date = false;
        match t.tok {
            Tok::Punct('—') => aside = !aside,
            _ if aside || period => {}
            Tok::Word(_) | Tok::Punct('(' | ')') => {
                words.push(sentence.get(t.start..t.end).unwrap_or(""));
            }
            // A date inside the phrase is left out with its preposition (`exports in 2019`).
            Tok::Fig(i) if is_date(all, i) => {
                while words
                    .last()
                    .is_some_and(|w| in_list(&["the", "in", "for", "during", "on", "of", "since", "by"], w))
                {
                    words.pop();
                }
                after_date = true;
            }
            _ => {}
        }
    }
    // `a total of 62 proposals`: the count stays, the frame goes.
    if words.len() > 3 && words[..3].iter().map(|w| lower(w)).eq(["a", "total", "of"]) {
        words.drain(..3);
    }
    while words.first().is_some_and(|w| in_list(LEAD_STRIP, w)) {
        words.remove(0);
    }
    while let Some(last) = words.last() {
        let l = lower(last);
        if !(in_list(TAIL_STRIP, last) || (l.len() > 4 && l.ends_with("ly") && !l.ends_with("ply"))) {
            break;
        }
        words.pop();
    }

    join(&words)
}

/// Words joined by spaces, with no space inside parentheses: `electric vehicles (EVs)`.
fn join(words: &[&str]) -> String {
    let mut out = String::new();
    let mut open = 0i32;
    for w in words {
        if *w == ")" {
            out.push(')');
            open -= 1;
            continue;
        }
        if !out.is_empty() && !out.ends_with('(') {
            out.push(' ');
        }
        out.push_str(w);
        if *w == "(" {
            open += 1;
        }
    }
    // An unbalanced parenthesis is cut away rather than left dangling.
    if open != 0 {
        out = out
            .replace(['(', ')'], "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
    }
    if out.split_whitespace().count() > 12 {
        return String::new();
    }
    out
}

/// Index of the token that holds figure `fi`.
fn fig_token(toks: &[T], fi: usize) -> Option<usize> {
    toks.iter().position(|t| t.tok == Tok::Fig(fi))
}

/// True when the token before `at` is a preposition that can hold a number inside a noun
/// phrase (`at 26 retailers`, `from 41 firms`).
fn after_preposition(toks: &[T], at: usize) -> bool {
    let next_is_word = matches!(toks.get(at + 1).map(|t| t.tok), Some(Tok::Word(w)) if !in_list(FORWARD_STOPS, w));
    next_is_word
        && matches!(at.checked_sub(1).and_then(|m| toks.get(m)).map(|t| t.tok),
            Some(Tok::Word(p)) if in_list(&["at", "from", "of", "among", "across"], p))
}

/// True when the parenthesis closing at token `close` holds a figure.
fn holds_figure(toks: &[T], close: usize) -> bool {
    toks.get(..close)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|t| t.tok != Tok::Punct('('))
        .any(|t| matches!(t.tok, Tok::Fig(_)))
}

/// Start of the noun phrase that ends right before token `end`, read backwards.
fn back_start(toks: &[T], all: &[Found], end: usize, extra: &[&str]) -> usize {
    let mut i = end;
    let mut depth = 0usize;
    while i > 0 {
        let t = toks[i - 1];
        match t.tok {
            // A parenthesis holding a figure is another list item: the phrase ends there.
            Tok::Punct(')') if depth == 0 && holds_figure(toks, i - 1) => break,
            Tok::Punct(')') => depth += 1,
            Tok::Punct('(') if depth > 0 => depth -= 1,
            // `exports of K-food—led by ...—increased`: an aside between two em dashes is
            // stepped over; a single dash (a dateline) ends the phrase.
            Tok::Punct('—') if depth == 0 => match toks[..i - 1].iter().rposition(|t| t.tok == Tok::Punct('—')) {
                Some(m) => i = m + 1,
                None => break,
            },
            Tok::Punct(_) if depth == 0 => break,
            Tok::Punct(_) => {}
            Tok::Fig(fi) if is_date(all, fi) => {}
            // `sales at 26 major retailers`: a number after a preposition is inside the phrase.
            Tok::Fig(fi)
                if after_preposition(toks, i - 1) && all.get(fi).is_some_and(|f| f.figure.kind == Kind::Count) => {}
            Tok::Fig(_) => break,
            Tok::Word(w) => {
                // `produced by`, `sold within`: a participle inside the noun phrase.
                let passive = matches!(toks.get(i).map(|t| t.tok), Some(Tok::Word(n))
                    if in_list(&["by", "within", "abroad", "overseas", "locally", "domestically"], n));
                // `and` joins nouns (`deals and MOUs`) unless a level or figure stands before it.
                let and_stop = w.eq_ignore_ascii_case("and")
                    && in_list(extra, "and")
                    && match i.checked_sub(2).and_then(|m| toks.get(m)).map(|t| t.tok) {
                        Some(Tok::Word(p)) => in_list(GENERIC, p) || p.chars().any(|c| c.is_ascii_digit()),
                        Some(Tok::Fig(_) | Tok::Punct(_)) | None => true,
                    };
                // `to` is part of a phrase (`exports to China`) unless a verb follows (`to grow`).
                let to_verb = w.eq_ignore_ascii_case("to") && (i >= end || verb_at(toks, i));
                let stop = (verb_at(toks, i - 1) && !passive)
                    || to_verb
                    || in_list(BACK_STOPS, w)
                    || (in_list(extra, w) && !w.eq_ignore_ascii_case("and"))
                    || and_stop
                    || (w.chars().any(|c| c.is_ascii_digit()) && !after_preposition(toks, i - 1));
                if depth == 0 && stop {
                    break;
                }
            }
        }
        i -= 1;
    }
    // After a modal comes a bare verb, not the phrase: `will send relief goods`.
    let modal = i > 0
        && matches!(toks[i - 1].tok, Tok::Word(w)
            if in_list(&["will", "would", "can", "could", "may", "might", "should", "must", "shall"], w));
    if modal && i + 1 < end {
        i += 1;
    }
    i
}

/// End of the noun phrase that starts at token `start`, read forwards.
fn forward_end(toks: &[T], start: usize, max: usize) -> usize {
    let mut i = start;
    while let Some(t) = toks.get(i) {
        match t.tok {
            // In a headline a capitalized word is a name part (`Advanced Materials`), not a verb.
            Tok::Word(w)
                if (w.starts_with(char::is_uppercase) || !verb_at(toks, i))
                    && !in_list(FORWARD_STOPS, w)
                    && i - start < max =>
            {
                i += 1
            }
            _ => break,
        }
    }
    i
}

/// The noun phrase between verb `v` and `by`/`to` right before token `at`.
fn object_of(sentence: &str, toks: &[T], all: &[Found], v: usize, at: usize) -> Option<String> {
    let link = at.checked_sub(1)?;
    if !matches!(toks.get(link)?.tok, Tok::Word(w) if in_list(&["by", "to"], w)) {
        return None;
    }
    let first = toks.get(v + 1)?;
    let noun_start = matches!(first.tok, Tok::Word(w)
        if !in_list(FORWARD_STOPS, w) && !in_list(MODALS, w) && !is_verb(w) && !w.ends_with("ly")
            && !in_list(&["up", "down", "further", "more", "less", "a", "an", "the"], w));
    let plain = toks
        .get(v + 1..link)?
        .iter()
        .all(|t| matches!(t.tok, Tok::Word(w) if !is_verb(w) && !in_list(&["by", "to", "in", "from"], w)));
    if !(noun_start && plain && link > v + 1) {
        return None;
    }
    let p = phrase(sentence, toks, all, v + 1, link);
    (!p.is_empty()).then_some(p)
}

/// A word right after an article is a noun, not a verb (`the previous record`, `a total`).
fn after_article(toks: &[T], at: usize) -> bool {
    matches!(at.checked_sub(1).and_then(|m| toks.get(m)).map(|t| t.tok),
        Some(Tok::Word(w)) if in_list(&["a", "an", "the", "its", "their", "previous", "new"], w))
}

/// The figure's governing clause subject: the words before the nearest verb before token `at`.
fn clause_subject(sentence: &str, toks: &[T], all: &[Found], at: usize) -> String {
    let mut i = at;
    for _ in 0..5 {
        // The nearest verb before `i`, within the clause.
        let mut v = None;
        let mut j = i;
        while j > 0 {
            match toks[j - 1].tok {
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
            let s = back_start(toks, all, i, &[]);
            return phrase(sentence, toks, all, s, i);
        };
        // `the food products as a whole improved`: the phrase ends before `as a whole`.
        let mut e = match toks
            .get(v.saturating_sub(3)..v)
            .map(|w| w.iter().map(|t| t.tok).collect::<Vec<_>>())
        {
            Some(w) if w == [Tok::Word("as"), Tok::Word("a"), Tok::Word("whole")] => v - 3,
            _ => v,
        };
        // `exports had grown`, `tariffs may rise`, `expects sales to grow`: past the helpers.
        while e > 0 && matches!(toks[e - 1].tok, Tok::Word(m) if in_list(MODALS, m)) {
            e -= 1;
        }
        // `cutting logistics costs by 15%`, `to raise trade to $35 billion`: the object of
        // a change verb, when only a noun phrase stands between it and `by`/`to` + figure.
        if let Some(obj) = object_of(sentence, toks, all, v, i) {
            return obj;
        }
        let s = back_start(toks, all, e, &["and"]);
        let p = phrase(sentence, toks, all, s, e);
        // A relative pronoun: the noun phrase before it (`food sales, which account for`).
        if p.is_empty() {
            if let Some(Tok::Word(w)) = s.checked_sub(1).and_then(|k| toks.get(k)).map(|t| t.tok) {
                if in_list(&["which", "that", "who"], w) {
                    let mut e = s - 1;
                    if e > 0 && toks[e - 1].tok == Tok::Punct(',') {
                        e -= 1;
                    }
                    let s2 = back_start(toks, all, e, &["in", "on", "for", "with", "by", "at", "from", "into"]);
                    return phrase(sentence, toks, all, s2, e);
                }
            }
            // A participle after a comma or `and` (`..., rising 19 percent`): the verb before it.
            i = v;
            continue;
        }
        return p;
    }
    String::new()
}

/// `X, Y and Z rose A, B and C, respectively`: the item paired with figure `fi`.
fn respectively(sentence: &str, toks: &[T], all: &[Found], fi: usize) -> Option<String> {
    let kind = all.get(fi)?.figure.kind;
    let k = fig_token(toks, fi)?;
    // The run of same-kind figures around `fi`, joined by separators, numbers and `to`.
    let joins = |a: usize, b: usize| {
        toks.get(a + 1..b).is_some_and(|gap| {
            gap.iter().all(|t| match t.tok {
                Tok::Punct(',') => true,
                Tok::Word(w) => {
                    in_list(&["and", "to", "units", "unit", "each"], w) || w.chars().any(|c| c.is_ascii_digit())
                }
                Tok::Fig(g) => all.get(g).is_some_and(|f| f.figure.kind != kind),
                _ => false,
            })
        })
    };
    let same: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.tok, Tok::Fig(g) if all.get(g).is_some_and(|f| f.figure.kind == kind)))
        .map(|(n, _)| n)
        .collect();
    let pos = same.iter().position(|&n| n == k)?;
    let mut first = pos;
    while first > 0 && joins(same[first - 1], same[first]) {
        first -= 1;
    }
    let mut last = pos;
    while last + 1 < same.len() && joins(same[last], same[last + 1]) {
        last += 1;
    }
    let n = last - first + 1;
    if n < 2 {
        return None;
    }
    // `respectively` must close the run.
    let after = toks.get(same[last] + 1..)?;
    let closes = after.iter().take(8).any(|t| t.tok == Tok::Word("respectively"))
        && after
            .iter()
            .take_while(|t| t.tok != Tok::Word("respectively"))
            .enumerate()
            .all(|(m, _)| !verb_at(toks, same[last] + 1 + m));
    if !closes {
        return None;
    }
    // The verb before the run, then the clause before it, split into items.
    let mut v = same[first];
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
            Tok::Word(w) if in_list(&["that", "while", "whereas", "but", "which"], w) => break,
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
    let items: Vec<String> = items
        .into_iter()
        .map(|(a, b)| phrase(sentence, toks, all, a, b))
        .filter(|p| !p.is_empty())
        .collect();
    if items.len() < n {
        return None;
    }
    items.get(items.len() - n + (pos - first)).cloned()
}

/// `X (up 4.9 percent)`: the list item before the parenthesis, with a carried `exports to`.
fn parenthesised(sentence: &str, toks: &[T], all: &[Found], fi: usize) -> Option<String> {
    let mut carried: Option<String> = None;
    let mut prev_close: Option<usize> = None;
    for (n, t) in toks.iter().enumerate() {
        let Tok::Fig(g) = t.tok else { continue };
        let open = n > 0 && toks[n - 1].tok == Tok::Punct('(');
        if !open {
            continue;
        }
        let end = n - 1;
        let mut start = back_start(toks, all, end, &["like", "as", "than", "in"]);
        // `to China (`: keep the `to`, it names a destination.
        if start > 0 && matches!(toks[start - 1].tok, Tok::Word(w) if w.eq_ignore_ascii_case("to")) {
            start -= 1;
        }
        // The item follows the previous one in the same list: it may carry its `X to`.
        let in_list_after_prev = prev_close.is_some_and(|c| {
            toks.get(c + 1..start).is_some_and(|gap| {
                gap.iter()
                    .all(|t| matches!(t.tok, Tok::Punct(',') | Tok::Word("and" | "or")))
            })
        });
        if !in_list_after_prev {
            carried = None;
        }
        let mut item = phrase(sentence, toks, all, start, end);
        let generic = item.is_empty()
            || item.split_whitespace().any(|w| in_list(GENERIC, w))
            || toks
                .get(start..end)
                .is_some_and(|s| s.iter().any(|t| matches!(t.tok, Tok::Fig(_))));
        let starts_to = matches!(toks.get(start).map(|t| t.tok), Some(Tok::Word(w)) if w.eq_ignore_ascii_case("to"));
        if starts_to {
            // `exports increased to China (`: the clause subject goes in front.
            let subj = clause_subject(sentence, toks, all, start);
            if !subj.is_empty() {
                carried = Some(format!("{subj} to"));
            }
            let rest = phrase(sentence, toks, all, start + 1, end);
            item = match &carried {
                Some(c) => format!("{c} {rest}"),
                None => rest,
            };
        } else if let Some(to) = item.find(" to ") {
            carried = Some(item[..to + 3].to_string());
        } else if let Some(c) = &carried {
            if !generic {
                item = format!("{c} {item}");
            }
        }
        // The close of this parenthesis, for the next item.
        prev_close = toks
            .iter()
            .enumerate()
            .skip(n)
            .find(|(_, t)| t.tok == Tok::Punct(')'))
            .map(|(m, _)| m);
        if g == fi {
            if generic && !starts_to {
                return Some(clause_subject(sentence, toks, all, end));
            }
            return Some(item);
        }
    }
    None
}

/// `KRW 400 billion in state funding`, `a $0.3 billion deficit`,
/// `a 6-percent rise in online toy sales`.
fn after(sentence: &str, toks: &[T], all: &[Found], fi: usize, kind: Kind) -> Option<String> {
    let k = fig_token(toks, fi)?;
    let next = |m: usize| match toks.get(m).map(|t| t.tok) {
        Some(Tok::Word(w)) => Some(lower(w)),
        _ => None,
    };
    let take = |start: usize| {
        let end = forward_end(toks, start, 8);
        let p = phrase(sentence, toks, all, start, end);
        let specific = !p.is_empty() && !p.split_whitespace().any(|w| in_list(GENERIC, w));
        specific.then_some(p)
    };
    let n1 = next(k + 1)?;
    if kind == Kind::Money {
        let start = match n1.as_str() {
            "worth" if next(k + 2).as_deref() == Some("of") => Some(k + 3),
            "in" | "for" | "into" | "from" => Some(k + 2),
            _ => None,
        };
        if let Some(p) = start.and_then(take) {
            return Some(p);
        }
    }
    // `a 4.5 percent decline in X`: X, when it names more than a bare noun.
    if kind == Kind::Percent && in_list(GENERIC, &n1) && next(k + 2).as_deref() == Some("in") {
        if let Some(p) = take(k + 3) {
            if p.split_whitespace().count() >= 2 {
                return Some(p);
            }
        }
    }
    // `a $0.3 billion deficit`: an article before, a noun after.
    let article = matches!(
        k.checked_sub(1).and_then(|m| toks.get(m)).map(|t| t.tok),
        Some(Tok::Word(w)) if in_list(&["a", "an", "the", "its", "their", "this"], w)
    );
    if article && !in_list(FORWARD_STOPS, &n1) {
        return take(k + 1);
    }
    None
}

/// A headline in title case: `Ministry Sets KRW 2 Trillion Export Fund` -> `Export Fund`.
fn headline_noun(sentence: &str, toks: &[T], all: &[Found], fi: usize) -> Option<String> {
    let k = fig_token(toks, fi)?;
    let Tok::Word(n1) = toks.get(k + 1)?.tok else {
        return None;
    };
    let capital = n1.starts_with(char::is_uppercase) && !verb_at(toks, k + 1) && !in_list(FORWARD_STOPS, n1);
    if all.get(fi)?.figure.kind != Kind::Money || !capital || !title_case(toks) {
        return None;
    }
    let mut end = forward_end(toks, k + 1, 6);
    // `Fund for Clean Hydrogen Technology`: `for`/`of` between capitalized words is inside the name.
    while matches!(toks.get(end).map(|t| t.tok), Some(Tok::Word(w)) if in_list(&["for", "of"], w))
        && matches!(toks.get(end + 1).map(|t| t.tok), Some(Tok::Word(w)) if w.starts_with(char::is_uppercase))
    {
        end = forward_end(toks, end + 1, 6);
    }
    // A headline ends on its verb: `... Fund Launched`, `... Program Approved`.
    while end > k + 2
        && matches!(toks.get(end - 1).map(|t| t.tok), Some(Tok::Word(w)) if w.ends_with("ed") && is_verb(&lower(w)))
    {
        end -= 1;
    }
    let p = phrase(sentence, toks, all, k + 1, end);
    (!p.is_empty()).then_some(p)
}

/// Most words capitalized: a headline.
fn title_case(toks: &[T]) -> bool {
    let words: Vec<&str> = toks
        .iter()
        .filter_map(|t| match t.tok {
            Tok::Word(w) if w.chars().any(char::is_alphabetic) && w.len() > 3 => Some(w),
            _ => None,
        })
        .collect();
    let caps = words
        .iter()
        .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
        .count();
    !words.is_empty() && caps * 10 >= words.len() * 7
}

/// `70 percent of exhibitors`: what the share is of, when nothing else names the subject.
fn share_of(sentence: &str, toks: &[T], all: &[Found], fi: usize) -> Option<String> {
    let k = fig_token(toks, fi)?;
    if !matches!(toks.get(k + 1).map(|t| t.tok), Some(Tok::Word("of"))) {
        return None;
    }
    let end = forward_end(toks, k + 2, 6);
    let p = phrase(sentence, toks, all, k + 2, end);
    (!p.is_empty()).then_some(p)
}

/// `chip surplus of $9.1 billion`, `relief goods worth $200,000`, `deals valued at $9 million`.
fn before(sentence: &str, toks: &[T], all: &[Found], fi: usize) -> Option<String> {
    let k = fig_token(toks, fi)?;
    let word = |m: usize| match toks.get(m).map(|t| t.tok) {
        Some(Tok::Word(w)) => Some(lower(w)),
        _ => None,
    };
    let w1 = word(k.checked_sub(1)?)?;
    let end = match w1.as_str() {
        "of" | "worth" => k - 1,
        "at" if word(k.checked_sub(2)?).as_deref() == Some("valued") => k - 2,
        _ => return None,
    };
    let start = back_start(
        toks,
        all,
        end,
        &["a", "an", "with", "of", "for", "in", "on", "by", "at", "from"],
    );
    let p = phrase(sentence, toks, all, start, end);
    let head = p.split_whitespace().last().unwrap_or("");
    (!p.is_empty() && !in_list(GENERIC, head)).then_some(p)
}

/// The noun phrase the figure `f` measures; empty when the sentence does not make it clear.
pub fn subject_of(sentence: &str, f: &Found, all: &[Found]) -> String {
    let Some(fi) = all.iter().position(|g| g == f) else {
        return String::new();
    };
    subject_at(sentence, &tokens(sentence, all), all, fi)
}

/// The subjects of all figures of a sentence, in order: the sentence is cut into words once.
pub fn subjects(sentence: &str, all: &[Found]) -> Vec<String> {
    if !all.iter().any(|f| matches!(f.figure.kind, Kind::Money | Kind::Percent)) {
        return vec![String::new(); all.len()];
    }
    let toks = tokens(sentence, all);
    // Each subject is looked for within a window of words around its figure, so that a
    // "sentence" thousands of words long (a text without full stops) stays linear.
    const REACH: usize = 80;
    let mut fig_pos = vec![None; all.len()];
    for (k, t) in toks.iter().enumerate() {
        if let Tok::Fig(i) = t.tok {
            if let Some(slot) = fig_pos.get_mut(i) {
                *slot = Some(k);
            }
        }
    }
    (0..all.len())
        .map(|fi| match fig_pos[fi] {
            Some(k) => {
                let window = &toks[k.saturating_sub(REACH)..(k + REACH).min(toks.len())];
                subject_at(sentence, window, all, fi)
            }
            None => subject_at(sentence, &toks, all, fi),
        })
        .collect()
}

fn subject_at(sentence: &str, toks: &[T], all: &[Found], fi: usize) -> String {
    let kind = all[fi].figure.kind;
    if !matches!(kind, Kind::Money | Kind::Percent) {
        return String::new();
    }
    let Some(k) = fig_token(toks, fi) else {
        return String::new();
    };
    // `..., about 5 percent of total stocks`: a share standing on its own names its whole.
    let standalone = k == 0 || matches!(toks[k - 1].tok, Tok::Punct(',' | '(' | '—'));
    let share = if standalone && kind == Kind::Percent {
        share_of(sentence, toks, all, fi)
    } else {
        None
    };
    let found = share
        .or_else(|| respectively(sentence, toks, all, fi))
        .or_else(|| after(sentence, toks, all, fi, kind))
        .or_else(|| parenthesised(sentence, toks, all, fi))
        .or_else(|| before(sentence, toks, all, fi))
        .or_else(|| headline_noun(sentence, toks, all, fi));
    let subject = found
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| clause_subject(sentence, toks, all, k));
    let subject = if subject.is_empty() {
        share_of(sentence, toks, all, fi).unwrap_or_default()
    } else {
        subject
    };
    if title_case(toks) {
        subject
    } else {
        sentence_case(sentence, subject)
    }
}

/// A common word capitalized only because it starts the sentence is lowercased (`Exports`
/// -> `exports`); names stay (`Korea's exports`, `Hyundai Motor`, `EVs`).
fn sentence_case(sentence: &str, subject: String) -> String {
    let mut words = subject.split(' ');
    let first = words.next().unwrap_or("");
    let second = words.next().unwrap_or("");
    let titlecase = first.chars().next().is_some_and(char::is_uppercase)
        && first.chars().skip(1).all(|c| c.is_lowercase() || c == '-');
    let name_follows = second.starts_with(char::is_uppercase);
    let possessive = first.ends_with("'s") || first.ends_with("’s");
    if !sentence.trim_start().starts_with(first) || !titlecase || name_follows || possessive {
        return subject;
    }
    let mut chars = subject.chars();
    chars
        .next()
        .map(|c| c.to_lowercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scan::figures;

    /// The subjects of every money and percent figure, in order.
    fn subjects(s: &str) -> Vec<String> {
        let all = figures(s, false);
        all.iter()
            .filter(|f| matches!(f.figure.kind, Kind::Money | Kind::Percent))
            .map(|f| subject_of(s, f, &all))
            .collect()
    }

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
    fn valued_at() {
        assert_eq!(
            subjects("In all, 12 supply deals and MOUs valued at USD 9.1 million were signed."),
            ["supply deals and MOUs"]
        );
    }

    #[test]
    fn helpers_and_headlines() {
        assert_eq!(
            subjects("Ministry Unveils KRW 2 Trillion Battery Fund"),
            ["Battery Fund"]
        );
        assert_eq!(
            subjects("Shipments to Peru had climbed 4.0 percent, and fees may rise by up to 9 percent."),
            ["shipments to Peru", "fees"]
        );
        assert_eq!(
            subjects("Canned, frozen and processed fish rose 1 percent, 2 percent and 3 percent, respectively."),
            ["canned", "frozen", "processed fish"]
        );
        assert_eq!(subjects("Roughly 40 percent of visitors were students."), ["visitors"]);
        assert_eq!(
            subjects("The agency sold 3 million tons of grain, about 4 percent of national stocks."),
            ["national stocks"]
        );
        assert_eq!(
            subjects("Exports of kimchi—led by jars and pouches—rose 6 percent."),
            ["exports of kimchi"]
        );
        assert_eq!(subjects("BUSAN — Port fees rose 2 percent."), ["Port fees"]);
        assert_eq!(
            subjects("Exports in the May to June period totaled $2 billion."),
            ["exports"]
        );
        assert_eq!(
            subjects("Bike Exports Jump 8 Percent to $2.1 Billion"),
            ["Bike Exports", "Bike Exports"]
        );
        assert_eq!(subjects("Rail Program Worth KRW 80 Billion Approved"), ["Rail Program"]);
        assert_eq!(
            subjects("USD 5 Million Fund for Green Shipping Launched"),
            ["Fund for Green Shipping"]
        );
        assert_eq!(
            subjects("A mill received a $9 million refinanced loan."),
            ["refinanced loan"]
        );
        assert_eq!(
            subjects("Sales at 12 large outlets rose 3.1 percent."),
            ["sales at 12 large outlets"]
        );
        assert_eq!(
            subjects("New depots will open, cutting fuel costs for carriers by 9%."),
            ["fuel costs for carriers"]
        );
        assert_eq!(
            subjects("Deli sales edged lower, with growth at minus 0.2 percent."),
            ["deli sales"]
        );
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            "(",
            ")) (( 5 percent",
            "— — $5 billion —",
            "respectively 1 percent, 2 percent, respectively",
            "①②③ 5% ₩3 billion in ✓ of",
            "to to to 4 percent to",
            "A total of",
        ] {
            let _ = subjects(s);
        }
    }

    #[test]
    fn unclear_gives_nothing() {
        assert_eq!(subjects("It was 5 percent."), [""]);
    }
}
