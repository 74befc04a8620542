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

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::grammar::cues::direction_words;
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
    /// For a word, its lists and shape (`classify`); 0 otherwise.
    class: u64,
    /// For a word, the lists of its Unicode lower case (`str::to_lowercase`), which differs
    /// from `class` only for non-ASCII words.
    lower: u64,
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
    // About one token per five bytes of text.
    let mut out = Vec::with_capacity(sentence.len() / 5 + all.len());
    let mut pos = 0;
    // Money, percent and date figures are single tokens; counts and the like read as words
    // (`sales of the nine online sellers`). Figures come in order: one pointer walks them.
    let is_token = |f: &Found| matches!(f.figure.kind, Kind::Money | Kind::Percent | Kind::Date);
    let mut next_fig = 0;
    // Figure starts, sorted, for cutting words: `pos` only grows, so one pointer walks them.
    let mut starts: Vec<usize> = all.iter().map(|f| f.text_start).collect();
    starts.sort_unstable();
    let mut next_start = 0;
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
                class: 0,
                lower: 0,
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
                class: 0,
                lower: 0,
            });
            pos += c.len_utf8();
            continue;
        }
        let rest = &sentence[pos..];
        // A word runs to white space or punctuation; a comma between digits is inside it.
        let mut len = rest.len();
        let mut prev_digit = false;
        for (n, c) in rest.char_indices() {
            // The next character is an ASCII digit exactly when its first byte is one.
            let thousands = c == ',' && prev_digit && rest.as_bytes().get(n + 1).is_some_and(u8::is_ascii_digit);
            if c.is_whitespace() || (is_punct(c) && !thousands) {
                len = n;
                break;
            }
            prev_digit = c.is_ascii_digit();
        }
        // A figure may start inside what looks like one word (`(+1`): stop there.
        while starts.get(next_start).is_some_and(|&s| s <= pos) {
            next_start += 1;
        }
        if let Some(&next) = starts.get(next_start).filter(|&&s| s < pos + len) {
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
            let (class, lower) = classify(trimmed);
            out.push(T {
                tok: Tok::Word(trimmed),
                start: pos,
                end: pos + trimmed.len(),
                class,
                lower,
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

/// A word standing alone is a verb: not a never-verb or headline verb, and a listed verb,
/// a direction word, or a regular `-ed`/`-ing` form of a lowercase plain word
/// (`Gwangyang-based` and names are not).
fn is_verb(word: &str) -> bool {
    classify(word).0 & IS_VERB != 0
}

const MODALS: &[&str] = &[
    "will", "would", "can", "could", "may", "might", "should", "must", "shall", "to", "has", "have", "had", "is",
    "are", "was", "were", "be", "been", "not",
];

/// Modals proper: a bare verb follows them.
const AUX_MODALS: &[&str] = &[
    "will", "would", "can", "could", "may", "might", "should", "must", "shall",
];

/// Words after a regular `-ed`/`-ing` word that say it is not an adjective before a noun.
const NOT_NOUNS: &[&str] = &[
    "a", "an", "the", "its", "their", "up", "down", "further", "lower", "higher", "more", "less",
];

/// Words after `to` that make it lead a place, not a verb.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "their", "this", "these", "those", "all", "both", "each", "other",
];

/// Words after which a word is a noun, not a verb.
const ARTICLES: &[&str] = &["a", "an", "the", "its", "their", "previous", "new"];

/// The class of the word token at `j`; `None` for punctuation, figures and past the end.
fn word_class(toks: &[T], j: usize) -> Option<u64> {
    toks.get(j).filter(|t| matches!(t.tok, Tok::Word(_))).map(|t| t.class)
}

/// True when a regular `-ed`/`-ing` word stands before a noun, as an adjective (`processed food`).
fn before_noun(toks: &[T], j: usize) -> bool {
    word_class(toks, j + 1)
        .is_some_and(|n| n & LOWER_HYPHEN != 0 && n & (FORWARD_STOP | NOT_NOUN | ENDS_LY | IS_VERB) == 0)
}

/// The token at `j` is a verb in its place: a listed verb not after an article, a regular
/// form not before a noun, or any word after a modal (`will provide`, `to grow`).
fn verb_at(toks: &[T], j: usize) -> bool {
    let Some(c) = word_class(toks, j) else {
        return false;
    };
    // In a headline `Rise`, `Cut`, `Jump` are verbs; mid-sentence capitals only occur there.
    let headline_verb = j > 0 && c & UPPER != 0 && c & HEADLINE != 0;
    if c & VERB_LISTED != 0 || headline_verb {
        return !after_article(toks, j);
    }
    if c & IS_VERB != 0 {
        return !before_noun(toks, j);
    }
    let bare = c & BARE != 0;
    match j.checked_sub(1).and_then(|m| word_class(toks, m)) {
        // `to` leads a place as often as a verb: `to the U.S.`, `to markets`, but `to raise`.
        Some(m) if m & TO != 0 => bare && c & (PLURAL | DETERMINER) == 0,
        Some(m) if m & AUX != 0 => bare,
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

/// Extra words that end the phrase before `of`/`worth` + figure (`before`).
const BEFORE_STOPS: &[&str] = &["a", "an", "with", "of", "for", "in", "on", "by", "at", "from"];
/// Extra words that end the list item before `(` + figure (`parenthesised`).
const PAREN_STOPS: &[&str] = &["like", "as", "than", "in"];
/// Extra words that end the phrase before a relative pronoun (`clause_subject`).
const RELATIVE_STOPS: &[&str] = &["in", "on", "for", "with", "by", "at", "from", "into"];
/// Prepositions that can hold a number inside a noun phrase (`at 26 retailers`).
const COUNT_PREPS: &[&str] = &["at", "from", "of", "among", "across"];
/// Words after a participle that keep it inside the noun phrase (`produced by`).
const PASSIVE_AFTER: &[&str] = &["by", "within", "abroad", "overseas", "locally", "domestically"];

// The class of a word: one bit per word list it is in (compared as `in_words` does, ASCII
// case-insensitively), then bits of its shape. Every word token is classified once, with
// one table look-up, so that the rules test bits instead of walking lists.
const VERB: u64 = 1;
const NEVER: u64 = 1 << 1;
const HEADLINE: u64 = 1 << 2;
const NOT_PARTICIPLE: u64 = 1 << 3;
const MODAL: u64 = 1 << 4;
const BACK_STOP: u64 = 1 << 5;
const FORWARD_STOP: u64 = 1 << 6;
const LEAD: u64 = 1 << 7;
const TAIL: u64 = 1 << 8;
const GENERIC_WORD: u64 = 1 << 9;
const DIRECTION: u64 = 1 << 10;
const AUX: u64 = 1 << 11;
const ARTICLE: u64 = 1 << 12;
const DETERMINER: u64 = 1 << 13;
const NOT_NOUN: u64 = 1 << 14;
const COUNT_PREP: u64 = 1 << 15;
const PASSIVE: u64 = 1 << 16;
const TO: u64 = 1 << 17;
const AND: u64 = 1 << 18;
const BEFORE_STOP: u64 = 1 << 19;
const PAREN_STOP: u64 = 1 << 20;
const RELATIVE_STOP: u64 = 1 << 21;
const WORTH: u64 = 1 << 22;
const OF: u64 = 1 << 23;
const IN: u64 = 1 << 24;
const AT: u64 = 1 << 25;
const VALUED: u64 = 1 << 26;
const MONEY_PREP: u64 = 1 << 27;
const A: u64 = 1 << 28;
const TOTAL: u64 = 1 << 29;
const PERIOD: u64 = 1 << 30;
const DATE_PREP: u64 = 1 << 31;
const RELATIVE: u64 = 1 << 32;
const RUN_JOIN: u64 = 1 << 33;
const CLAUSE_OPEN: u64 = 1 << 34;
const OBJECT_LINK: u64 = 1 << 35;
const NOT_OBJECT: u64 = 1 << 36;
const OBJECT_BREAK: u64 = 1 << 37;
const NOUN_ARTICLE: u64 = 1 << 38;
const NAME_LINK: u64 = 1 << 39;
/// The lists, with their bits (all below `SHAPE`).
const LISTS: &[(&[&str], u64)] = &[
    (VERBS, VERB),
    (NEVER_VERBS, NEVER),
    (HEADLINE_VERBS, HEADLINE),
    (NOT_PARTICIPLES, NOT_PARTICIPLE),
    (MODALS, MODAL),
    (BACK_STOPS, BACK_STOP),
    (FORWARD_STOPS, FORWARD_STOP),
    (LEAD_STRIP, LEAD),
    (TAIL_STRIP, TAIL),
    (GENERIC, GENERIC_WORD),
    (AUX_MODALS, AUX),
    (ARTICLES, ARTICLE),
    (DETERMINERS, DETERMINER),
    (NOT_NOUNS, NOT_NOUN),
    (COUNT_PREPS, COUNT_PREP),
    (PASSIVE_AFTER, PASSIVE),
    (&["to"], TO),
    (&["and"], AND),
    (BEFORE_STOPS, BEFORE_STOP),
    (PAREN_STOPS, PAREN_STOP),
    (RELATIVE_STOPS, RELATIVE_STOP),
    (&["worth"], WORTH),
    (&["of"], OF),
    (&["in"], IN),
    (&["at"], AT),
    (&["valued"], VALUED),
    (&["in", "for", "into", "from"], MONEY_PREP),
    (&["a"], A),
    (&["total"], TOTAL),
    (&["period", "periods"], PERIOD),
    (&["the", "in", "for", "during", "on", "of", "since", "by"], DATE_PREP),
    (&["which", "that", "who"], RELATIVE),
    (&["and", "to", "units", "unit", "each"], RUN_JOIN),
    (&["that", "while", "whereas", "but", "which"], CLAUSE_OPEN),
    (&["by", "to"], OBJECT_LINK),
    (&["up", "down", "further", "more", "less", "a", "an", "the"], NOT_OBJECT),
    (&["by", "to", "in", "from"], OBJECT_BREAK),
    (&["a", "an", "the", "its", "their", "this"], NOUN_ARTICLE),
    (&["for", "of"], NAME_LINK),
];
/// Bits from here on are shape bits, and what follows from lists and shape together.
const SHAPE: u64 = 1 << 48;
/// `is_verb`: the word standing alone is a verb.
const IS_VERB: u64 = SHAPE;
/// A listed verb or a direction word that can be a verb (`verb_at`).
const VERB_LISTED: u64 = SHAPE << 1;
/// Starts with an uppercase letter.
const UPPER: u64 = SHAPE << 2;
/// Only ASCII lowercase letters.
const BARE: u64 = SHAPE << 3;
/// Only ASCII lowercase letters and hyphens.
const LOWER_HYPHEN: u64 = SHAPE << 4;
/// Ends with `ly`.
const ENDS_LY: u64 = SHAPE << 5;
/// Ends with one `s` (`markets`, not `express`).
const PLURAL: u64 = SHAPE << 6;
/// Holds an ASCII digit.
const DIGIT: u64 = SHAPE << 7;
/// Counts for `title_case`: longer than 3 bytes, with a letter.
const TITLE_WORD: u64 = SHAPE << 8;
/// In lower case, an adverb in `-ly` of more than 4 bytes, not `-ply` (`phrase` drops it at the end).
const TAIL_LY: u64 = SHAPE << 9;

/// FxHash, the hasher of rustc: a multiply per byte. The keys are a fixed set of short
/// words and a miss costs nothing, so SipHash's defence against chosen keys buys nothing.
#[derive(Default)]
struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    /// Eight bytes at a time.
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word.iter_mut().zip(chunk).for_each(|(w, b)| *w = *b);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u128(&mut self, n: u128) {
        self.add(n as u64);
        self.add((n >> 64) as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A word of at most 16 bytes as one number and its length, so that a look-up hashes and
/// compares two machine words; `None` when longer than every listed word.
fn packed(word: &[u8]) -> Option<(u128, u8)> {
    let mut key = [0u8; 16];
    key.get_mut(..word.len())?.copy_from_slice(word);
    Some((u128::from_le_bytes(key), word.len() as u8))
}

type Table = HashMap<(u128, u8), u64, BuildHasherDefault<WordHasher>>;

/// Every word of `LISTS` and of the direction words, with the bits of the lists it is in.
static TABLE: LazyLock<Table> = LazyLock::new(|| {
    let mut t = Table::default();
    let mut add = |w: &str, bit: u64| {
        if let Some(key) = packed(w.as_bytes()) {
            *t.entry(key).or_default() |= bit;
        }
    };
    for &(list, bit) in LISTS {
        for w in list {
            add(w, bit);
        }
    }
    for w in direction_words() {
        add(w, DIRECTION);
    }
    t
});

/// The list bits of a word that is already lower case.
fn lists_of(lower: &[u8]) -> u64 {
    packed(lower).and_then(|key| TABLE.get(&key)).copied().unwrap_or(0)
}

/// The list bits of `word` compared as `in_words` does: ASCII case-insensitively.
fn lists(word: &str) -> u64 {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(out) if word.is_ascii() => {
            out.copy_from_slice(word.as_bytes());
            out.make_ascii_lowercase();
            lists_of(out)
        }
        // Longer than every listed word, or not ASCII (which no listed word matches).
        _ => 0,
    }
}

/// The class of a word (list bits and shape bits), and the list bits of its Unicode lower
/// case, which the rules that lower-case a word with `to_lowercase` compare.
fn classify(word: &str) -> (u64, u64) {
    let bytes = word.as_bytes();
    // One pass over the bytes: the shape, and the word lower-cased into `buf` for the look-up.
    let mut buf = [0u8; 32];
    for (o, b) in buf.iter_mut().zip(bytes) {
        *o = b.to_ascii_lowercase();
    }
    // Branch-free, so that the loop stays short.
    let (mut not_lower, mut not_lower_hyphen, mut digit, mut letter, mut ascii) = (false, false, false, false, true);
    for &b in bytes {
        not_lower |= !b.is_ascii_lowercase();
        not_lower_hyphen |= !b.is_ascii_lowercase() & (b != b'-');
        digit |= b.is_ascii_digit();
        letter |= b.is_ascii_alphabetic();
        ascii &= b.is_ascii();
    }
    let flag = |cond: bool, bit: u64| if cond { bit } else { 0 };
    let shape = flag(!not_lower, BARE) | flag(!not_lower_hyphen, LOWER_HYPHEN) | flag(digit, DIGIT);
    // A word longer than `buf` is longer than every listed word; `in_words` compares ASCII
    // only, so a non-ASCII word is in no list, but its lower case may be (the Kelvin sign
    // lowers to `k`).
    let listed = match buf.get(..bytes.len()) {
        Some(l) if ascii => lists_of(l),
        _ => 0,
    };
    let lower = if ascii {
        listed
    } else {
        lists_of(word.to_lowercase().as_bytes())
    };
    let has = |bit: u64| lower & bit != 0;
    // `is_verb`: the listed verb and direction tests read the word lower-cased, the
    // never-verb test reads it as `in_words` does.
    let not_verb = listed & (NEVER | HEADLINE) != 0;
    let regular =
        shape & BARE != 0 && word.len() > 4 && (word.ends_with("ed") || word.ends_with("ing")) && !has(NOT_PARTICIPLE);
    let is_verb = !not_verb && (has(VERB) || has(DIRECTION) || regular);
    let verb_listed = has(VERB) || (has(DIRECTION) && !has(NEVER | HEADLINE));
    let ends = |suffix: &[u8]| {
        bytes
            .get(bytes.len().saturating_sub(suffix.len())..)
            .is_some_and(|e| e.len() == suffix.len() && e.eq_ignore_ascii_case(suffix))
    };
    let tail_ly = if ascii {
        bytes.len() > 4 && ends(b"ly") && !ends(b"ply")
    } else {
        let l = word.to_lowercase();
        l.len() > 4 && l.ends_with("ly") && !l.ends_with("ply")
    };
    let upper = match bytes.first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.starts_with(char::is_uppercase),
    };
    let title_word = word.len() > 3 && (letter || (!ascii && word.chars().any(char::is_alphabetic)));
    let class = listed
        | shape
        | flag(is_verb, IS_VERB)
        | flag(verb_listed, VERB_LISTED)
        | flag(upper, UPPER)
        | flag(word.ends_with("ly"), ENDS_LY)
        | flag(word.ends_with('s') && !word.ends_with("ss"), PLURAL)
        | flag(title_word, TITLE_WORD)
        | flag(tail_ly, TAIL_LY);
    (class, lower)
}

/// True when `w` is in the list of `bit`, ASCII case-insensitively (as `in_words`).
fn in_list(bit: u64, w: &str) -> bool {
    lists(w) & bit != 0
}

/// The list bits of the lower case of the word token at `m`; `None` when it is no word.
fn lower_at(toks: &[T], m: usize) -> Option<u64> {
    toks.get(m).filter(|t| matches!(t.tok, Tok::Word(_))).map(|t| t.lower)
}

fn is_date(all: &[Found], i: usize) -> bool {
    all.get(i).is_some_and(|f| f.figure.kind == Kind::Date)
}

/// The phrase from `from` to `to` (token indexes, inclusive start, exclusive end), cleaned.
fn phrase(sentence: &str, toks: &[T], all: &[Found], from: usize, to: usize) -> String {
    // Each word with its token (the class of a parenthesis is 0: in no list).
    let span = toks.get(from..to).unwrap_or(&[]);
    let mut words: Vec<(&str, &T)> = Vec::with_capacity(span.len());
    let mut aside = false;
    let mut after_date = false;
    for t in span {
        // `the January to July period`: the word that a date qualifies goes with it.
        let period = after_date && matches!(t.tok, Tok::Word(_)) && t.class & PERIOD != 0;
        after_date = false;
        match t.tok {
            Tok::Punct('—') => aside = !aside,
            _ if aside || period => {}
            Tok::Word(_) | Tok::Punct('(' | ')') => {
                words.push((sentence.get(t.start..t.end).unwrap_or(""), t));
            }
            // A date inside the phrase is left out with its preposition (`exports in 2019`).
            Tok::Fig(i) if is_date(all, i) => {
                while words.last().is_some_and(|w| w.1.class & DATE_PREP != 0) {
                    words.pop();
                }
                after_date = true;
            }
            _ => {}
        }
    }
    // `a total of 62 proposals`: the count stays, the frame goes.
    if words.len() > 3
        && words[..3]
            .iter()
            .map(|w| w.1.lower)
            .zip([A, TOTAL, OF])
            .all(|(l, b)| l & b != 0)
    {
        words.drain(..3);
    }
    while words.first().is_some_and(|w| w.1.class & LEAD != 0) {
        words.remove(0);
    }
    while words.last().is_some_and(|w| w.1.class & (TAIL | TAIL_LY) != 0) {
        words.pop();
    }
    let bytes = words.iter().map(|w| w.0.len() + 1).sum();
    join(words.iter().map(|w| w.0), bytes)
}

/// Words joined by spaces, with no space inside parentheses: `electric vehicles (EVs)`.
fn join<'a>(words: impl Iterator<Item = &'a str>, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes);
    let mut open = 0i32;
    for w in words {
        if w == ")" {
            out.push(')');
            open -= 1;
            continue;
        }
        if !out.is_empty() && !out.ends_with('(') {
            out.push(' ');
        }
        out.push_str(w);
        if w == "(" {
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
    let next_is_word = word_class(toks, at + 1).is_some_and(|c| c & FORWARD_STOP == 0);
    next_is_word
        && at
            .checked_sub(1)
            .and_then(|m| word_class(toks, m))
            .is_some_and(|p| p & COUNT_PREP != 0)
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

/// Start of the noun phrase that ends right before token `end`, read backwards; `extra`
/// is the bit of a list of words that also end it (`AND`, `BEFORE_STOP`, ... or 0).
fn back_start(toks: &[T], all: &[Found], end: usize, extra: u64) -> usize {
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
            Tok::Word(_) if depth > 0 => {}
            Tok::Word(_) => {
                let c = t.class;
                // `produced by`, `sold within`: a participle inside the noun phrase.
                let passive = word_class(toks, i).is_some_and(|n| n & PASSIVE != 0);
                // `and` joins nouns (`deals and MOUs`) unless a level or figure stands before it.
                let and_stop = c & AND != 0
                    && extra & AND != 0
                    && match i.checked_sub(2).and_then(|m| toks.get(m)) {
                        Some(p) if matches!(p.tok, Tok::Word(_)) => p.class & (GENERIC_WORD | DIGIT) != 0,
                        Some(_) | None => true,
                    };
                // `to` is part of a phrase (`exports to China`) unless a verb follows (`to grow`).
                let to_verb = c & TO != 0 && (i >= end || verb_at(toks, i));
                let stop = c & BACK_STOP != 0
                    || (c & extra != 0 && c & AND == 0)
                    || and_stop
                    || to_verb
                    || (c & DIGIT != 0 && !after_preposition(toks, i - 1))
                    || (verb_at(toks, i - 1) && !passive);
                if stop {
                    break;
                }
            }
        }
        i -= 1;
    }
    // After a modal comes a bare verb, not the phrase: `will send relief goods`.
    let modal = i > 0 && word_class(toks, i - 1).is_some_and(|c| c & AUX != 0);
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
            Tok::Word(_)
                if t.class & FORWARD_STOP == 0 && i - start < max && (t.class & UPPER != 0 || !verb_at(toks, i)) =>
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
    if word_class(toks, link).is_none_or(|c| c & OBJECT_LINK == 0) {
        return None;
    }
    let noun_start =
        word_class(toks, v + 1).is_some_and(|c| c & (FORWARD_STOP | MODAL | IS_VERB | ENDS_LY | NOT_OBJECT) == 0);
    let plain = toks
        .get(v + 1..link)?
        .iter()
        .all(|t| matches!(t.tok, Tok::Word(_)) && t.class & (IS_VERB | OBJECT_BREAK) == 0);
    if !(noun_start && plain && link > v + 1) {
        return None;
    }
    let p = phrase(sentence, toks, all, v + 1, link);
    (!p.is_empty()).then_some(p)
}

/// A word right after an article is a noun, not a verb (`the previous record`, `a total`).
fn after_article(toks: &[T], at: usize) -> bool {
    at.checked_sub(1)
        .and_then(|m| word_class(toks, m))
        .is_some_and(|c| c & ARTICLE != 0)
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
            let s = back_start(toks, all, i, 0);
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
        while e > 0 && word_class(toks, e - 1).is_some_and(|c| c & MODAL != 0) {
            e -= 1;
        }
        // `cutting logistics costs by 15%`, `to raise trade to $35 billion`: the object of
        // a change verb, when only a noun phrase stands between it and `by`/`to` + figure.
        if let Some(obj) = object_of(sentence, toks, all, v, i) {
            return obj;
        }
        let s = back_start(toks, all, e, AND);
        let p = phrase(sentence, toks, all, s, e);
        // A relative pronoun: the noun phrase before it (`food sales, which account for`).
        if p.is_empty() {
            if let Some(Tok::Word(w)) = s.checked_sub(1).and_then(|k| toks.get(k)).map(|t| t.tok) {
                if lists(w) & RELATIVE != 0 {
                    let mut e = s - 1;
                    if e > 0 && toks[e - 1].tok == Tok::Punct(',') {
                        e -= 1;
                    }
                    let s2 = back_start(toks, all, e, RELATIVE_STOP);
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
fn respectively(sentence: &str, toks: &[T], all: &[Found], fi: usize, k: usize) -> Option<String> {
    let kind = all.get(fi)?.figure.kind;
    // The run of same-kind figures around `fi`, joined by separators, numbers and `to`.
    let joins = |a: usize, b: usize| {
        toks.get(a + 1..b).is_some_and(|gap| {
            gap.iter().all(|t| match t.tok {
                Tok::Punct(',') => true,
                Tok::Word(_) => t.class & (RUN_JOIN | DIGIT) != 0,
                Tok::Fig(g) => all.get(g).is_some_and(|f| f.figure.kind != kind),
                _ => false,
            })
        })
    };
    // `respectively` must follow the run, which starts at or before the figure.
    if !toks
        .get(k + 1..)
        .is_some_and(|a| a.iter().any(|t| t.tok == Tok::Word("respectively")))
    {
        return None;
    }
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
            Tok::Word(_) if toks[start - 1].class & CLAUSE_OPEN != 0 => break,
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
fn parenthesised(sentence: &str, toks: &[T], all: &[Found], fi: usize, k: usize) -> Option<String> {
    // Only a figure right after `(` is an item (the loop below answers at its token).
    if k.checked_sub(1)
        .and_then(|m| toks.get(m))
        .is_none_or(|t| t.tok != Tok::Punct('('))
    {
        return None;
    }
    let mut carried: Option<String> = None;
    let mut prev_close: Option<usize> = None;
    for (n, t) in toks.iter().enumerate() {
        let Tok::Fig(g) = t.tok else { continue };
        let open = n > 0 && toks[n - 1].tok == Tok::Punct('(');
        if !open {
            continue;
        }
        let end = n - 1;
        let mut start = back_start(toks, all, end, PAREN_STOP);
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
            || item.split_whitespace().any(|w| in_list(GENERIC_WORD, w))
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
fn after(sentence: &str, toks: &[T], all: &[Found], k: usize, kind: Kind) -> Option<String> {
    // The words after the figure, lower-cased, as list bits.
    let next = |m: usize, bit: u64| lower_at(toks, m).is_some_and(|l| l & bit != 0);
    let take = |start: usize| {
        let end = forward_end(toks, start, 8);
        let p = phrase(sentence, toks, all, start, end);
        let specific = !p.is_empty() && !p.split_whitespace().any(|w| in_list(GENERIC_WORD, w));
        specific.then_some(p)
    };
    let n1 = lower_at(toks, k + 1)?;
    if kind == Kind::Money {
        let start = if n1 & WORTH != 0 && next(k + 2, OF) {
            Some(k + 3)
        } else if n1 & MONEY_PREP != 0 {
            Some(k + 2)
        } else {
            None
        };
        if let Some(p) = start.and_then(take) {
            return Some(p);
        }
    }
    // `a 4.5 percent decline in X`: X, when it names more than a bare noun.
    if kind == Kind::Percent && n1 & GENERIC_WORD != 0 && next(k + 2, IN) {
        if let Some(p) = take(k + 3) {
            if p.split_whitespace().count() >= 2 {
                return Some(p);
            }
        }
    }
    // `a $0.3 billion deficit`: an article before, a noun after.
    let article = k
        .checked_sub(1)
        .and_then(|m| word_class(toks, m))
        .is_some_and(|c| c & NOUN_ARTICLE != 0);
    if article && n1 & FORWARD_STOP == 0 {
        return take(k + 1);
    }
    None
}

/// A headline in title case: `Ministry Sets KRW 2 Trillion Export Fund` -> `Export Fund`.
fn headline_noun(sentence: &str, toks: &[T], all: &[Found], fi: usize, k: usize, title: bool) -> Option<String> {
    let n1 = word_class(toks, k + 1)?;
    let capital = n1 & UPPER != 0 && !verb_at(toks, k + 1) && n1 & FORWARD_STOP == 0;
    if all.get(fi)?.figure.kind != Kind::Money || !capital || !title {
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

/// Most words capitalized: a headline.
fn title_case(toks: &[T]) -> bool {
    let (mut words, mut caps) = (0, 0);
    for t in toks {
        if matches!(t.tok, Tok::Word(_)) && t.class & TITLE_WORD != 0 {
            words += 1;
            caps += usize::from(t.class & UPPER != 0);
        }
    }
    words > 0 && caps * 10 >= words * 7
}

/// `70 percent of exhibitors`: what the share is of, when nothing else names the subject.
fn share_of(sentence: &str, toks: &[T], all: &[Found], k: usize) -> Option<String> {
    if !matches!(toks.get(k + 1).map(|t| t.tok), Some(Tok::Word("of"))) {
        return None;
    }
    let end = forward_end(toks, k + 2, 6);
    let p = phrase(sentence, toks, all, k + 2, end);
    (!p.is_empty()).then_some(p)
}

/// `chip surplus of $9.1 billion`, `relief goods worth $200,000`, `deals valued at $9 million`.
fn before(sentence: &str, toks: &[T], all: &[Found], k: usize) -> Option<String> {
    // The word before the figure, lower-cased, as list bits.
    let w1 = lower_at(toks, k.checked_sub(1)?)?;
    let end = if w1 & (OF | WORTH) != 0 {
        k - 1
    } else if w1 & AT != 0 && lower_at(toks, k.checked_sub(2)?).is_some_and(|l| l & VALUED != 0) {
        k - 2
    } else {
        return None;
    };
    let start = back_start(toks, all, end, BEFORE_STOP);
    let p = phrase(sentence, toks, all, start, end);
    let head = p.split_whitespace().last().unwrap_or("");
    (!p.is_empty() && !in_list(GENERIC_WORD, head)).then_some(p)
}

/// The noun phrase the figure `f` measures; empty when the sentence does not make it clear.
pub fn subject_of(sentence: &str, f: &Found, all: &[Found]) -> String {
    let Some(fi) = all.iter().position(|g| g == f) else {
        return String::new();
    };
    let toks = tokens(sentence, all);
    match fig_token(&toks, fi) {
        Some(k) => subject_at(sentence, &toks, all, fi, k, title_case(&toks)),
        None => String::new(),
    }
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
    // Whether the window is a headline, kept while the window stays the same (the whole
    // sentence, when it is short).
    let mut title: Option<(usize, usize, bool)> = None;
    (0..all.len())
        .map(|fi| match fig_pos[fi] {
            Some(k) => {
                let (lo, hi) = (k.saturating_sub(REACH), (k + REACH).min(toks.len()));
                let window = &toks[lo..hi];
                let t = match title {
                    Some((a, b, t)) if (a, b) == (lo, hi) => t,
                    _ => title_case(window),
                };
                title = Some((lo, hi, t));
                subject_at(sentence, window, all, fi, k - lo, t)
            }
            // Not a token (a count): no subject.
            None => String::new(),
        })
        .collect()
}

/// The subject of figure `fi`, at token `k` of `toks`; `title` when `toks` is a headline.
fn subject_at(sentence: &str, toks: &[T], all: &[Found], fi: usize, k: usize, title: bool) -> String {
    let kind = all[fi].figure.kind;
    if !matches!(kind, Kind::Money | Kind::Percent) {
        return String::new();
    }
    // `..., about 5 percent of total stocks`: a share standing on its own names its whole.
    let standalone = k == 0 || matches!(toks[k - 1].tok, Tok::Punct(',' | '(' | '—'));
    let share = if standalone && kind == Kind::Percent {
        share_of(sentence, toks, all, k)
    } else {
        None
    };
    let found = share
        .or_else(|| respectively(sentence, toks, all, fi, k))
        .or_else(|| after(sentence, toks, all, k, kind))
        .or_else(|| parenthesised(sentence, toks, all, fi, k))
        .or_else(|| before(sentence, toks, all, k))
        .or_else(|| headline_noun(sentence, toks, all, fi, k, title));
    let subject = found
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| clause_subject(sentence, toks, all, k));
    let subject = if subject.is_empty() {
        share_of(sentence, toks, all, k).unwrap_or_default()
    } else {
        subject
    };
    if title {
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
    fn classification_table() {
        use crate::grammar::cues::word_direction;
        use crate::grammar::in_words;
        // Every listed word gets its list's bit, in any ASCII case, and is itself lower-case
        // ASCII (the table is looked up with the lower-cased word).
        for &(list, bit) in LISTS {
            assert!(bit < SHAPE);
            for w in list {
                assert!(w.len() <= 32 && !w.bytes().any(|b| b.is_ascii_uppercase()), "{w}");
                assert!(w.is_ascii(), "{w}");
                for form in [
                    w.to_string(),
                    w.to_uppercase(),
                    format!("{}{}", &w[..1].to_uppercase(), &w[1..]),
                ] {
                    let (class, lower) = classify(&form);
                    assert_eq!(class & bit, bit, "{form}");
                    assert_eq!(lower & bit, bit, "{form}");
                    assert!(in_words(list, &form));
                }
            }
        }
        for w in direction_words() {
            assert!(word_direction(w).is_some());
            assert_ne!(classify(w).1 & DIRECTION, 0, "{w}");
        }
        // A word in no list has no list bit; shape bits still hold.
        let (class, lower) = classify("Zebras");
        assert_eq!((class & (SHAPE - 1), lower), (0, 0));
        assert_eq!(
            class & (UPPER | PLURAL | TITLE_WORD | BARE),
            UPPER | PLURAL | TITLE_WORD
        );
        // What follows from lists and shape.
        assert_ne!(classify("processed").0 & IS_VERB, 0);
        assert_eq!(classify("Processed").0 & IS_VERB, 0);
        assert_eq!(classify("funding").0 & IS_VERB, 0);
        assert_ne!(classify("Rose").0 & (IS_VERB | VERB_LISTED), 0);
        assert_eq!(classify("growth").0 & (IS_VERB | VERB_LISTED), 0);
        assert_eq!(classify("rise").0 & (IS_VERB | VERB_LISTED), 0);
        assert_ne!(classify("Slowly").0 & TAIL_LY, 0);
        assert_eq!(classify("simply").0 & TAIL_LY, 0);
        // A NUL byte is part of the word, not padding.
        assert_eq!(classify("to\0").0 & TO, 0);
        assert_eq!(classify("manufacturing").1 & NOT_PARTICIPLE, NOT_PARTICIPLE);
        // Non-ASCII and long words: no panic; `in_words` matches no list, the lower case may.
        for w in ["①②", "Ünïcode", "₩3", "x".repeat(40).as_str(), "\u{212a}ept"] {
            let _ = classify(w);
        }
        let kelvin = classify("\u{212a}ept");
        assert_eq!(kelvin.0 & VERB, 0);
        assert_ne!(kelvin.1 & VERB, 0);
        assert_ne!(kelvin.0 & IS_VERB, 0);
    }

    #[test]
    fn unclear_gives_nothing() {
        assert_eq!(subjects("It was 5 percent."), [""]);
    }
}
