//! The words that tell what a date phrase does in its sentence, and what a change is
//! compared with. Each list is a category of English (prepositions of comparison, verbs
//! of announcing, words of record), matched on lower-cased text at word boundaries.

use std::sync::LazyLock;

use crate::model::Basis;
pub use crate::words::Phrases;
use crate::words::trim_space::TrimSpace;
use crate::words::word_list;

/// The last `n` bytes of `text` or fewer (cut at a character boundary).
pub fn tail(text: &str, n: usize) -> &str {
    let mut start = text.len().saturating_sub(n);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// A word or phrase of `lower` at `at`, whole (no letter or digit glued on either side).
pub fn whole_at(lower: &str, at: usize, phrase: &str) -> bool {
    let b = lower.as_bytes();
    let end = at + phrase.len();
    lower.get(at..end) == Some(phrase)
        && (at == 0 || !b[at - 1].is_ascii_alphanumeric())
        && b.get(end).is_none_or(|c| !c.is_ascii_alphanumeric())
}

/// Where `phrase` stands whole in `lower`, every time. Asked for every phrase of long
/// lists in every clause: a searcher built per call (`str::match_indices`) cost more than
/// the search, so the phrase's first byte is found by `memchr` and the rest compared there.
pub fn find_all<'a>(lower: &'a str, phrase: &'a str) -> impl Iterator<Item = usize> + 'a {
    let (text, needle) = (lower.as_bytes(), phrase.as_bytes());
    let first = needle.first().copied();
    memchr::memchr_iter(first.unwrap_or(0), text)
        .filter(move |_| first.is_some())
        .filter(move |&at| text[at..].starts_with(needle) && whole_at(lower, at, phrase))
}

/// `lower` holds `phrase` whole.
pub fn has(lower: &str, phrase: &str) -> bool {
    find_all(lower, phrase).next().is_some()
}

/// `text` ends with the whole word or phrase `phrase`.
pub fn ends_with_word(text: &str, phrase: &str) -> bool {
    // Compared from the last byte back: asked of long lists, most phrases end otherwise,
    // and differ a byte or two from the end (a slice comparison is a call to `memcmp`).
    let (t, p) = (text.as_bytes(), phrase.as_bytes());
    let Some(at) = t.len().checked_sub(p.len()) else {
        return false;
    };
    t[at..].iter().rev().zip(p.iter().rev()).all(|(a, b)| a == b) && (at == 0 || !t[at - 1].is_ascii_alphanumeric())
}

/// The last word of `text` (letters, `-`, `/`), and the text before it, trimmed.
// Read byte by byte while the bytes are ASCII (almost always): `split_last_word_chars`
// from the first other byte on, as both read ASCII alike.
fn split_last_word(text: &str) -> (&str, &str) {
    let b = text.as_bytes();
    let mut end = b.len();
    while let Some(&c) = b.get(end.wrapping_sub(1)) {
        match c {
            b'\t'..=b'\r' | b' ' | b',' => end -= 1,
            0x80.. => return split_last_word_chars(&text[..end]),
            _ => break,
        }
    }
    let mut start = end;
    while let Some(&c) = b.get(start.wrapping_sub(1)) {
        match c {
            b'-' | b'/' | b'\'' => start -= 1,
            0x80.. => return split_last_word_chars(&text[..end]),
            _ if c.is_ascii_alphanumeric() => start -= 1,
            _ => break,
        }
    }
    (text[..start].trim_end_space(), &text[start..end])
}

/// `split_last_word` on any text, by characters.
fn split_last_word_chars(text: &str) -> (&str, &str) {
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    let start = t
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == '/' || c == '\''))
        .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
    (t[..start].trim_end_space(), &t[start..])
}

word_list!(
    /// Words between a preposition and its date that do not change what the date does:
    /// `from [the same period in] 2019`, `compared with [the levels of] 2019`. Asked of
    /// every word before every date: a `match`, where hashing the word cost more. (The
    /// list itself is read by the test only.)
    #[cfg_attr(not(test), allow(dead_code))]
    DETERMINERS, is_determiner, [
        b"the", b"a", b"an", b"in", b"of", b"its", b"their", b"same", b"period", b"periods",
        b"month", b"months", b"quarter", b"quarters", b"half", b"year", b"years", b"level",
        b"levels", b"figure", b"figures", b"value", b"values", b"that", b"those", b"one", b"ones",
        b"corresponding", b"during", b"for", b"at", b"end", b"early", b"mid", b"late", b"on",
        b"start", b"beginning",
    ]
);

/// Prepositions and verbs that make the date after them a base of comparison.
const BASE_LEADS: &[&str] = &[
    "from",
    "since",
    "than",
    "versus",
    "vs",
    "vs.",
    "against",
    "over",
    "compared with",
    "compared to",
    "relative to",
    "with",
    "between",
];

/// Verbs of meeting and announcing: the date after them dates an event, not a figure
/// (`met in September`, `announced on July 1`, `issued in May`).
const EVENT_VERBS: &[&str] = &[
    "met",
    "meet",
    "meets",
    "announced",
    "announce",
    "announces",
    "said",
    "says",
    "stated",
    "released",
    "release",
    "published",
    "issued",
    "reported",
    "unveiled",
    "signed",
    "launched",
    "decided",
    "opened",
    "visited",
    "convened",
    "began",
    "begins",
    "started",
    "took",
    "effective",
];

/// For each byte, the words and phrases of `list` (of at most 32) that end with it, as
/// bits by their place in the list: a text is compared only with the words that end as
/// it does, in list order.
const fn last_bytes(list: &[&str]) -> [u32; 256] {
    assert!(list.len() <= 32);
    let mut ends = [0u32; 256];
    let mut i = 0;
    while i < list.len() {
        let b = list[i].as_bytes();
        if !b.is_empty() {
            ends[b[b.len() - 1] as usize] |= 1 << i;
        }
        i += 1;
    }
    ends
}

static BASE_LEAD_ENDS: [u32; 256] = last_bytes(BASE_LEADS);
static EVENT_VERB_ENDS: [u32; 256] = last_bytes(EVENT_VERBS);

/// The first word or phrase of `list` that `text` ends with, whose last bytes are `ends`.
fn ends_with_any(text: &str, list: &[&'static str], ends: &[u32; 256]) -> Option<&'static str> {
    let last = text.as_bytes().last()?;
    let mut words = ends[usize::from(*last)];
    while words != 0 {
        let n = words.trailing_zeros() as usize;
        words &= words - 1;
        match list.get(n) {
            Some(w) if ends_with_word(text, w) => return Some(w),
            _ => {}
        }
    }
    None
}

/// What the words right before a date make of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// Nothing special: the date may scope figures.
    Plain,
    /// A base of comparison (`from 2019`, `compared with May 2024`).
    Base,
    /// `since June`: a base, and the start of a streak; never a period.
    Since,
    /// The day of an event (`met in September`).
    Event,
}

/// Reads the words before a date (`before`, lower-cased, the end of its sentence up to
/// the date). `with` is a base only after a comparing word earlier in the sentence.
pub fn lead_of(before: &str) -> Lead {
    let mut rest = before.trim_end_space();
    // At most a few words are skipped: the lead must stand near its date.
    for _ in 0..6 {
        if let Some(lead) = ends_with_any(rest, BASE_LEADS, &BASE_LEAD_ENDS) {
            return match lead {
                "since" => Lead::Since,
                "with" if !(has(before, "compared") || has(before, "comparing") || has(before, "comparison")) => {
                    Lead::Plain
                }
                _ => Lead::Base,
            };
        }
        let (head, word) = split_last_word(rest);
        // `met in September`, `announced on May 3`: the verb, then a preposition.
        if matches!(word, "in" | "on" | "at" | "during") && ends_with_any(head, EVENT_VERBS, &EVENT_VERB_ENDS).is_some()
        {
            return Lead::Event;
        }
        if word.is_empty() || !is_determiner(word.as_bytes()) {
            return Lead::Plain;
        }
        rest = head;
    }
    Lead::Plain
}

/// The figure's own text opens with a word of comparison (`over USD 35 billion`).
pub fn opens_with_lead(text: &str) -> bool {
    ["over ", "from ", "than ", "versus ", "against "]
        .iter()
        .any(|w| text.starts_with(w))
}

/// Nouns after a date that make it the date of a publication (`the May 2024 issue`).
pub fn names_publication(after: &str) -> bool {
    const NOUNS: [&str; 3] = ["issue", "edition", "volume"];
    let after = after.trim_start_space();
    // Asked at every date: each noun opens with its own byte.
    let first = after.as_bytes().first();
    if !NOUNS.iter().any(|n| n.as_bytes().first() == first) {
        return false;
    }
    // The first word by its ASCII bytes; one that goes on in another script is read by
    // characters.
    let b = after.as_bytes();
    let end = b.iter().position(|c| !c.is_ascii_alphanumeric()).unwrap_or(b.len());
    let word = match b.get(end) {
        Some(0x80..) => after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(""),
        _ => after.get(..end).unwrap_or(""),
    };
    NOUNS.contains(&word)
}

/// Words of record and streak: a date after one of them in its clause dates the record
/// (`the highest since 2018`, `the previous record set in March 2022`), not the clause.
pub const RECORD_WORDS: &[&str] = &[
    "record",
    "highest",
    "lowest",
    "largest",
    "biggest",
    "smallest",
    "peak",
    "all-time",
    "streak",
    "straight",
    "consecutive",
];

/// Words that make a figure cumulative over the year (`year-to-date`, `cumulative`).
const CUMULATIVE: &[&str] = &[
    "year-to-date",
    "year to date",
    "so far this year",
    "so far in",
    "cumulative",
    "cumulatively",
    "accumulated",
    "ytd",
];

/// Words of the future and of aims: a figure in a clause with one of them and no date
/// of its own is a forecast or objective, and borrows no period.
///
/// Not `grammar::date`'s `FUTURE_WORDS`, on purpose: that list tells whether a sentence
/// may be said of the past (to place a date without its year), so any hint of the future
/// counts there, modals of mere possibility (`may`, `could`, `should`) and time words
/// (`next`, `upcoming`) included. Here a word makes a figure a forecast or an aim, read
/// on lower-cased text where `may` is also the month: only the words that say so firmly,
/// with the nouns and horizons of aims (`objective`, `goal`, `medium term`).
const FORECAST: &[&str] = &[
    "will",
    "would",
    "expect",
    "expects",
    "expected",
    "forecast",
    "forecasts",
    "projected",
    "objective",
    "target",
    "targets",
    "goal",
    "set to",
    "longer run",
    "medium term",
];

/// `text` opens with a noun of aim or a policy horizon (`objective`, `target`, `goal`,
/// `longer run`, `medium term`): said right after a figure, they make it an aim.
pub fn is_aim_noun(text: &str) -> bool {
    ["objective", "target", "goal", "longer run", "medium term"]
        .iter()
        .any(|w| whole_at(text, 0, w))
}

/// `RECORD_WORDS` as one list, walked once.
pub static RECORDS: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(RECORD_WORDS.iter().copied()));

/// Words that open a cause: a date after one of them in its clause dates the cause
/// (`fell 17% because an order in April had lifted the base`), not the clause.
pub const CAUSES: &[&str] = &["because", "due to", "owing to", "thanks to", "as a result of"];

/// A comparison named in words, not by a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relative {
    /// A year earlier.
    Year,
    /// The period before, at the figure's own precision.
    Previous,
    /// A fixed step back, whatever the figure's precision.
    Fixed(Basis),
    /// A day or week before: a market move, given no basis.
    Short,
    /// The start of the figure's year (`since the beginning of the year`): that year.
    YearStart,
}

/// Phrases that name a base in words, longest first where one holds another.
const RELATIVE: &[(&str, Relative)] = &[
    ("year-on-year", Relative::Year),
    ("year on year", Relative::Year),
    ("year-over-year", Relative::Year),
    ("year over year", Relative::Year),
    ("on-year", Relative::Year),
    ("y/y", Relative::Year),
    ("yoy", Relative::Year),
    ("y-o-y", Relative::Year),
    ("a year earlier", Relative::Year),
    ("a year ago", Relative::Year),
    ("a year before", Relative::Year),
    ("year-earlier", Relative::Year),
    ("last year", Relative::Year),
    ("previous year", Relative::Year),
    ("prior year", Relative::Year),
    ("preceding year", Relative::Year),
    ("past year", Relative::Year),
    ("the last year", Relative::Year),
    ("past 12 months", Relative::Year),
    ("past twelve months", Relative::Year),
    ("last 12 months", Relative::Year),
    ("last twelve months", Relative::Year),
    ("on the year", Relative::Year),
    ("12 months to", Relative::Year),
    ("twelve months to", Relative::Year),
    ("12 months through", Relative::Year),
    ("annual rate", Relative::Year),
    ("annual growth", Relative::Year),
    ("annual basis", Relative::Year),
    ("annual terms", Relative::Year),
    ("month-on-month", Relative::Fixed(Basis::Mom)),
    ("month on month", Relative::Fixed(Basis::Mom)),
    ("month-over-month", Relative::Fixed(Basis::Mom)),
    ("month over month", Relative::Fixed(Basis::Mom)),
    ("on the month", Relative::Fixed(Basis::Mom)),
    ("m/m", Relative::Fixed(Basis::Mom)),
    ("mom", Relative::Fixed(Basis::Mom)),
    ("previous month", Relative::Fixed(Basis::Mom)),
    ("prior month", Relative::Fixed(Basis::Mom)),
    ("preceding month", Relative::Fixed(Basis::Mom)),
    ("last month", Relative::Fixed(Basis::Mom)),
    ("a month earlier", Relative::Fixed(Basis::Mom)),
    ("a month ago", Relative::Fixed(Basis::Mom)),
    ("monthly basis", Relative::Fixed(Basis::Mom)),
    ("monthly rate", Relative::Fixed(Basis::Mom)),
    ("over the month", Relative::Fixed(Basis::Mom)),
    ("quarter-on-quarter", Relative::Fixed(Basis::Qoq)),
    ("quarter on quarter", Relative::Fixed(Basis::Qoq)),
    ("quarter-over-quarter", Relative::Fixed(Basis::Qoq)),
    ("quarter over quarter", Relative::Fixed(Basis::Qoq)),
    ("on the quarter", Relative::Fixed(Basis::Qoq)),
    ("q/q", Relative::Fixed(Basis::Qoq)),
    ("qoq", Relative::Fixed(Basis::Qoq)),
    ("previous quarter", Relative::Fixed(Basis::Qoq)),
    ("prior quarter", Relative::Fixed(Basis::Qoq)),
    ("preceding quarter", Relative::Fixed(Basis::Qoq)),
    ("last quarter", Relative::Fixed(Basis::Qoq)),
    ("a quarter earlier", Relative::Fixed(Basis::Qoq)),
    ("quarterly basis", Relative::Fixed(Basis::Qoq)),
    ("preceding three months", Relative::Previous),
    ("previous three months", Relative::Previous),
    ("prior three months", Relative::Previous),
    ("half-on-half", Relative::Fixed(Basis::Hoh)),
    ("previous half", Relative::Fixed(Basis::Hoh)),
    ("preceding half", Relative::Fixed(Basis::Hoh)),
    ("prior half", Relative::Fixed(Basis::Hoh)),
    ("previous period", Relative::Previous),
    ("preceding period", Relative::Previous),
    ("prior period", Relative::Previous),
    ("since the beginning of the year", Relative::YearStart),
    ("since the start of the year", Relative::YearStart),
    ("from the beginning of the year", Relative::YearStart),
    ("from the start of the year", Relative::YearStart),
    ("previous day", Relative::Short),
    ("prior day", Relative::Short),
    ("day-on-day", Relative::Short),
    ("previous week", Relative::Short),
    ("prior week", Relative::Short),
    ("week-on-week", Relative::Short),
    ("previous session", Relative::Short),
];

/// A base in words found in a clause: `(start, end, rank in RELATIVE, what it names)`.
pub type Pick = (usize, usize, usize, Relative);

/// Every base named in words in `text`, with its span (the first of overlapping phrases
/// kept: `the last year` and `last year` name one base), from every `(at, rank)` where a
/// phrase of `RELATIVE` stands whole in it, in order of position.
#[cfg(test)]
fn pick_relatives(text: &str, found: impl Iterator<Item = (usize, usize)>) -> Vec<(usize, usize, Relative)> {
    let (mut picks, mut out) = (Vec::new(), Vec::new());
    pick_relatives_into(text, found, &mut picks, |at, end, r| out.push((at, end, r)));
    out
}

/// `pick_relatives`, each base handed to `emit`; `picks` is a buffer the caller keeps.
fn pick_relatives_into(
    text: &str,
    found: impl Iterator<Item = (usize, usize)>,
    picks: &mut Vec<Pick>,
    mut emit: impl FnMut(usize, usize, Relative),
) {
    // Every match with its rank in the list; sorted by position, an overlapping match
    // replaces the one kept before it only when it ranks higher.
    picks.clear();
    picks.extend(found.map(|(at, rank)| (at, at + RELATIVE[rank].0.len(), rank, RELATIVE[rank].1)));
    picks.sort_unstable_by_key(|&(at, _, rank, _)| (at, rank));
    // Kept in place: `kept` matches at the front.
    let mut kept: usize = 0;
    for n in 0..picks.len() {
        let f = picks[n];
        match kept.checked_sub(1).map(|k| &mut picks[k]) {
            Some(last) if f.0 < last.1 => {
                if f.2 < last.2 {
                    *last = f;
                }
            }
            _ => {
                picks[kept] = f;
                kept += 1;
            }
        }
    }
    for &(at, end, _, r) in &picks[..kept] {
        if !is_period_not_base(text, at, end) {
            emit(at, end, r);
        }
    }
}

/// What a word of a sentence's phrase lists says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cue {
    /// A base in words: its rank in `RELATIVE`.
    Relative(u16),
    Forecast,
    Cumulative,
    /// A conjunction of contrast (`while`), where a clause breaks.
    Contrast,
    Respectively,
    /// `previous`, `preceding`, `prior`, `last`: the step of a relative period (`in the
    /// previous quarter`). (The rarer word is listed, not the preposition before it.)
    Step,
    /// A word of `RECORD_WORDS`.
    Record,
    /// A phrase of `CAUSES`.
    Cause,
}

impl Cue {
    /// Its kind as one bit (a base in words of any rank is one kind).
    fn kind(self) -> u8 {
        1 << match self {
            Cue::Relative(_) => 0,
            Cue::Forecast => 1,
            Cue::Cumulative => 2,
            Cue::Contrast => 3,
            Cue::Respectively => 4,
            Cue::Step => 5,
            Cue::Record => 6,
            Cue::Cause => 7,
        }
    }

    /// A phrase that may give a figure of a sentence with no date anything (see
    /// `Cues::may_time_undated`).
    fn may_time_undated(self, changes: bool) -> bool {
        match self {
            Cue::Forecast | Cue::Cumulative | Cue::Step => true,
            Cue::Relative(_) => changes,
            Cue::Contrast | Cue::Respectively | Cue::Record | Cue::Cause => false,
        }
    }
}

/// The words that step back from a period (`the previous quarter`).
pub const STEPS: [&str; 4] = ["previous", "preceding", "prior", "last"];

/// The conjunctions of contrast that open a clause.
pub const CONTRAST: [&str; 4] = ["while", "whereas", "but", "although"];

/// Every phrase the period rules ask of a whole sentence or of its clauses, as one list.
static SENTENCE_LIST: LazyLock<(Phrases, Vec<Cue>)> = LazyLock::new(|| {
    let tagged = RELATIVE
        .iter()
        .enumerate()
        .map(|(n, (p, _))| (*p, Cue::Relative(n as u16)))
        .chain(FORECAST.iter().map(|p| (*p, Cue::Forecast)))
        .chain(CUMULATIVE.iter().map(|p| (*p, Cue::Cumulative)))
        .chain(CONTRAST.iter().map(|p| (*p, Cue::Contrast)))
        .chain([("respectively", Cue::Respectively)])
        .chain(STEPS.map(|p| (p, Cue::Step)))
        .chain(RECORD_WORDS.iter().map(|p| (*p, Cue::Record)))
        .chain(CAUSES.iter().map(|p| (*p, Cue::Cause)));
    let (phrases, cues): (Vec<&'static str>, Vec<Cue>) = tagged.unzip();
    (Phrases::new(phrases), cues)
});

/// The phrases of `SENTENCE_LIST` that may time a figure of a sentence with no date,
/// when none of its figures is a change and when one is: a sentence whose dates are
/// single days is asked only these (most are not read further), a shorter list of rarer
/// words than the whole one, walked only up to the first found.
static UNDATED_LISTS: LazyLock<[Phrases; 2]> = LazyLock::new(|| {
    let (list, cues) = &*SENTENCE_LIST;
    let of = |changes: bool| {
        let phrases = cues
            .iter()
            .enumerate()
            .filter(move |(_, c)| c.may_time_undated(changes));
        Phrases::new(phrases.map(|(n, _)| list.phrase(n)))
    };
    [of(false), of(true)]
});

/// `Cues::of(&text.to_ascii_lowercase()).may_time_undated(changes)`, told by a walk
/// that stops at the first phrase that may time a figure, and finds no other. Read in any
/// case: a sentence found bare is never lower-cased.
pub fn may_time_undated(text: &str, changes: bool) -> bool {
    UNDATED_LISTS[usize::from(changes)]
        .find_in_any_case(text)
        .next()
        .is_some()
}

/// The phrases of the period rules' lists that stand whole in a lower-cased sentence,
/// found by one walk over its words: the clauses' lists are then read by position, not
/// searched again clause by clause. (No phrase holds `,` `;` `:` or a conjunction of
/// contrast, and each opens and closes with a letter or digit: what stands whole in a
/// clause is what stands whole in the sentence inside the clause's span.)
#[derive(Debug, Default)]
pub struct Cues {
    /// `(start, end, cue)`, in order of position.
    found: Vec<(usize, usize, Cue)>,
    /// The kinds of cue found (`Cue::kind`): a rule asks of the sentence's phrases only
    /// when one of its kind stands there.
    kinds: u8,
}

impl Cues {
    #[cfg(test)]
    pub fn of(lower: &str) -> Cues {
        let mut c = Cues::default();
        c.refill(lower);
        c
    }

    /// Whether a phrase found may give a figure of a sentence with no date anything:
    /// a word of the future or of a running total, a step back (`the previous quarter`
    /// names a date), or a base in words when a figure is a change. The others (a
    /// contrast, `respectively`, a record or a cause) only say what a date does, where
    /// a clause breaks, or which clause a base covers.
    ///
    /// The oracle of `cues::may_time_undated`, which the sentence asks first.
    #[cfg(test)]
    pub fn may_time_undated(&self, changes: bool) -> bool {
        self.found.iter().any(|&(.., cue)| cue.may_time_undated(changes))
    }

    /// The cues of another sentence, in the same buffer.
    pub fn refill(&mut self, lower: &str) {
        let (list, cues) = &*SENTENCE_LIST;
        self.found.clear();
        self.found.extend(
            list.find_in(lower)
                .map(|(at, n)| (at, at + list.phrase(n).len(), cues[n])),
        );
        self.kinds = self.found.iter().fold(0, |k, f| k | f.2.kind());
    }

    /// A phrase of the kind of `cue` stands in the sentence.
    fn holds(&self, cue: Cue) -> bool {
        self.kinds & cue.kind() != 0
    }

    /// The cues that stand whole within `from..to`.
    fn within(&self, from: usize, to: usize) -> impl Iterator<Item = &(usize, usize, Cue)> {
        let first = self.found.partition_point(|&(at, ..)| at < from);
        self.found[first..]
            .iter()
            .take_while(move |&&(at, ..)| at < to)
            .filter(move |&&(_, end, _)| end <= to)
    }

    /// `relatives(&lower[from..to])`, with spans counted from `from`.
    #[cfg(test)]
    pub fn relatives(&self, lower: &str, from: usize, to: usize) -> Vec<(usize, usize, Relative)> {
        let (mut picks, mut out) = (Vec::new(), Vec::new());
        self.each_relative(lower, from, to, &mut picks, |at, end, r| out.push((at, end, r)));
        out
    }

    /// `relatives`, each handed to `emit`; `picks` is a buffer the caller keeps.
    pub fn each_relative(
        &self,
        lower: &str,
        from: usize,
        to: usize,
        picks: &mut Vec<Pick>,
        emit: impl FnMut(usize, usize, Relative),
    ) {
        if !self.holds(Cue::Relative(0)) {
            return;
        }
        let found = self.within(from, to).filter_map(|&(at, _, cue)| match cue {
            Cue::Relative(rank) => Some((at - from, usize::from(rank))),
            _ => None,
        });
        pick_relatives_into(lower.get(from..to).unwrap_or(""), found, picks, emit);
    }

    /// `is_cumulative(&lower[from..to])`.
    pub fn is_cumulative(&self, from: usize, to: usize) -> bool {
        self.holds(Cue::Cumulative) && self.within(from, to).any(|&(.., cue)| cue == Cue::Cumulative)
    }

    /// `forecast_positions` of the sentence.
    pub fn forecast_positions(&self) -> impl Iterator<Item = usize> + '_ {
        self.starts(Cue::Forecast)
    }

    /// Where a conjunction of contrast stands (`find_all` of each).
    pub fn contrasts(&self) -> impl Iterator<Item = usize> + '_ {
        self.starts(Cue::Contrast)
    }

    /// The sentence holds `respectively`.
    pub fn respectively(&self) -> bool {
        self.starts(Cue::Respectively).next().is_some()
    }

    /// Where a word of `STEPS` stands whole.
    pub fn steps(&self) -> impl Iterator<Item = usize> + '_ {
        self.starts(Cue::Step)
    }

    /// Where a word of record stands whole in `lower[from..to]` (each place once), or
    /// `None` when the walk over the sentence cannot tell: a run of letters or digits
    /// cut by the span's edge is a word of the span, not of the sentence.
    pub fn records_within(&self, lower: &str, from: usize, to: usize) -> Option<impl Iterator<Item = usize> + '_> {
        let mut last = None;
        let at = self.cues_within(lower, from, to, Cue::Record)?;
        Some(at.filter(move |&at| last.replace(at) != Some(at)))
    }

    /// Where the last phrase of `CAUSES` stands whole in `lower[from..to]` (`Some(None)`
    /// when none does), or `None` when the walk cannot tell (as `records_within`).
    pub fn last_cause_within(&self, lower: &str, from: usize, to: usize) -> Option<Option<usize>> {
        Some(self.cues_within(lower, from, to, Cue::Cause)?.last())
    }

    /// No word of record stands whole in `lower[from..to]`, told at once: the sentence
    /// holds none, and no run of letters and digits crosses the span's edges (where
    /// `records_within` would look again).
    pub fn surely_no_record_within(&self, lower: &str, from: usize, to: usize) -> bool {
        self.surely_none_within(lower, from, to, Cue::Record)
    }

    /// `surely_no_record_within`, for the phrases of `CAUSES`.
    pub fn surely_no_cause_within(&self, lower: &str, from: usize, to: usize) -> bool {
        self.surely_none_within(lower, from, to, Cue::Cause)
    }

    fn surely_none_within(&self, lower: &str, from: usize, to: usize, cue: Cue) -> bool {
        let b = lower.as_bytes();
        let glued = |at: usize| {
            at > 0
                && b.get(at - 1).is_some_and(u8::is_ascii_alphanumeric)
                && b.get(at).is_some_and(u8::is_ascii_alphanumeric)
        };
        from <= to && to <= b.len() && !glued(from) && !glued(to) && self.starts(cue).next().is_none()
    }

    /// Where `cue` stands whole in `lower[from..to]`, when the walk over the sentence
    /// tells: no run of letters and digits crosses the span's end. A run its start cuts
    /// (as a bounded tail of a long clause does) is a word of the span: a phrase of the
    /// list may stand whole there, at `from`, where the walk found none; it is looked for
    /// there alone, as every other place of the span is one the walk read alike.
    fn cues_within(&self, lower: &str, from: usize, to: usize, cue: Cue) -> Option<impl Iterator<Item = usize> + '_> {
        let b = lower.as_bytes();
        let glued = |at: usize| {
            at > 0
                && b.get(at - 1).is_some_and(u8::is_ascii_alphanumeric)
                && b.get(at).is_some_and(u8::is_ascii_alphanumeric)
        };
        if from > to || to > b.len() || glued(to) {
            return None;
        }
        let cut_word = if glued(from) {
            let list: &[&str] = match cue {
                Cue::Record => RECORD_WORDS,
                Cue::Cause => CAUSES,
                _ => return None,
            };
            let span = lower.get(from..to)?;
            list.iter().any(|p| whole_at(span, 0, p)).then_some(from)
        } else {
            None
        };
        Some(
            cut_word
                .into_iter()
                .chain(self.within(from, to).filter(move |f| f.2 == cue).map(|f| f.0)),
        )
    }

    fn starts(&self, cue: Cue) -> impl Iterator<Item = usize> + '_ {
        let found = if self.holds(cue) { &self.found[..] } else { &[] };
        found.iter().filter(move |f| f.2 == cue).map(|f| f.0)
    }
}

/// `last year` and `last month` name the figure's own period when no comparing word
/// stands before them (`exports rose 5% last year`): only `than/from/over/with/to ...`
/// or `same period ...` makes them a base.
fn is_period_not_base(lower: &str, at: usize, end: usize) -> bool {
    let phrase = &lower[at..end];
    let before = lower[..at].trim_end_space();
    let before = before.strip_suffix(" the").map_or(before, str::trim_end);
    // `in the previous quarter`: a period, placed by `relative_periods_into`
    // (`clause/relative.rs`).
    let stepped = ["previous", "preceding", "prior", "last"]
        .iter()
        .any(|w| phrase.starts_with(w));
    if stepped && ["in", "during", "for"].iter().any(|w| ends_with_word(before, w)) {
        return true;
    }
    if !matches!(
        phrase,
        "last year" | "last month" | "last quarter" | "past year" | "the last year"
    ) {
        return false;
    }
    let comparing = [
        "than", "from", "over", "with", "to", "versus", "against", "since", "period", "month", "quarter",
    ];
    !comparing.iter().any(|w| ends_with_word(before, w))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// `names_publication` as the first word split off by characters.
        #[test]
        fn a_publication_is_named_as_by_characters(picks in proptest::collection::vec(0..8usize, 0..6)) {
            const PIECES: [&str; 8] = ["issue", "edition", " ", "é", "s", ",", "\u{a0}", "volume"];
            let after: String = picks.iter().map(|&n| PIECES[n]).collect();
            let word = after.trim_start().split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            let want = matches!(word, "issue" | "edition" | "volume");
            proptest::prop_assert_eq!(names_publication(&after), want, "{:?}", after);
        }
    }

    proptest::proptest! {
        /// `ends_with_word` as `whole_at` at the end, on texts of any bytes.
        #[test]
        fn a_word_ends_a_text_as_whole_at_reads_it(
            text in proptest::collection::vec(0..8usize, 0..12),
            phrase in proptest::collection::vec(0..8usize, 0..4),
        ) {
            const PIECES: [&str; 8] = ["a", "n", " ", "-", "é", "’", "in", "5"];
            let text: String = text.iter().map(|&n| PIECES[n]).collect();
            let phrase: String = phrase.iter().map(|&n| PIECES[n]).collect();
            let want = text.len() >= phrase.len() && whole_at(&text, text.len() - phrase.len(), &phrase);
            proptest::prop_assert_eq!(ends_with_word(&text, &phrase), want, "{:?} {:?}", text, phrase);
        }
    }

    /// Each list searched in one text, as the rules asked before the sentence's one walk:
    /// the oracles of `Cues`.
    fn relatives(lower: &str) -> Vec<(usize, usize, Relative)> {
        let list = Phrases::new(RELATIVE.iter().map(|(p, _)| *p));
        pick_relatives(lower, list.find_in(lower))
    }

    fn is_cumulative(lower: &str) -> bool {
        Phrases::new(CUMULATIVE.iter().copied()).find_in(lower).next().is_some()
    }

    fn forecast_positions(lower: &str) -> Vec<usize> {
        let list = Phrases::new(FORECAST.iter().copied());
        list.find_in(lower).map(|(at, _)| at).collect()
    }

    /// What one walk over a sentence finds in a clause is what a search of the clause
    /// finds, for clauses cut as `boundaries` (`clause/segments.rs`) cuts them (at `,` `;`
    /// `:` and before a conjunction of contrast), here of every fixture.
    #[test]
    fn the_sentence_walk_finds_what_each_clause_search_finds() {
        let mut texts = crate::fixture_texts();
        // No phrase crosses a clause's edge.
        let (list, cues) = &*SENTENCE_LIST;
        for (n, cue) in cues.iter().enumerate().filter(|(_, c)| **c != Cue::Contrast) {
            let p = list.phrase(n);
            assert!(
                !p.contains([',', ';', ':']) && !p.split(' ').any(|w| CONTRAST.contains(&w)),
                "{p} {cue:?}"
            );
        }
        texts.push("Sales rose 3% y/y, while exports, year-to-date, fell 2% on-year; output will rise but also fell in the previous quarter".into());
        for text in &texts {
            let lower = text.to_ascii_lowercase();
            let found = Cues::of(&lower);
            let mut cuts: Vec<usize> = memchr::memchr3_iter(b',', b';', b':', lower.as_bytes()).collect();
            cuts.extend(CONTRAST.iter().flat_map(|w| find_all(&lower, w)));
            cuts.extend([0, lower.len()]);
            cuts.sort_unstable();
            for pair in cuts.windows(2) {
                let (from, to) = (pair[0], pair[1]);
                let clause = &lower[from..to];
                assert_eq!(found.relatives(&lower, from, to), relatives(clause), "{clause}");
                assert_eq!(found.is_cumulative(from, to), is_cumulative(clause), "{clause}");
            }
            assert_eq!(
                found.forecast_positions().collect::<Vec<_>>(),
                forecast_positions(&lower)
            );
            assert_eq!(found.respectively(), has(&lower, "respectively"));
            let mut contrasts: Vec<usize> = CONTRAST.iter().flat_map(|w| find_all(&lower, w)).collect();
            contrasts.sort_unstable();
            assert_eq!(found.contrasts().collect::<Vec<_>>(), contrasts);
            let mut steps: Vec<usize> = STEPS.iter().flat_map(|w| find_all(&lower, w)).collect();
            steps.sort_unstable();
            assert_eq!(found.steps().collect::<Vec<_>>(), steps);
        }
    }

    /// The short walk that tells whether a sentence may be timed without a date answers
    /// as the whole sentence's walk (its oracle), on every sentence of the fixtures and
    /// on invented ones with and without such phrases.
    #[test]
    fn the_short_walk_tells_what_the_sentence_walk_tells() {
        let mut texts: Vec<String> = crate::fixture_texts()
            .iter()
            .flat_map(|t| t.split_inclusive(['.', '\n']).map(str::to_string).collect::<Vec<_>>())
            .collect();
        texts.extend(
            [
                "Sales rose 3% on the year.",
                "Sales rose 3%, the highest on record, while rents fell.",
                "Output will rise 2%.",
                "Exports so far this year came to 4 tons.",
                "Imports fell in the previous quarter.",
                "Prices fell 1% y/y because of rain.",
                "Stocks held at 9 tons, respectively.",
                "The lastly named item was unrecorded.",
                "WILL sales rise? Year-To-Date sales, PREVIOUS Quarter, On The Year.",
                "Sales Rose 3% Year-On-Year In The Last Twelve Months.",
                "",
            ]
            .map(String::from),
        );
        let mut found = (0, 0);
        for text in &texts {
            let lower = text.to_ascii_lowercase();
            let cues = Cues::of(&lower);
            for changes in [false, true] {
                let want = cues.may_time_undated(changes);
                assert_eq!(may_time_undated(&lower, changes), want, "{changes} {lower:?}");
                assert_eq!(may_time_undated(text, changes), want, "{changes} {text:?}");
                if want {
                    found.0 += 1;
                } else {
                    found.1 += 1;
                }
            }
        }
        // Both answers were asked.
        assert!(found.0 > 10 && found.1 > 10, "{found:?}");
    }

    /// The one walk finds what asking `find_all` of each phrase finds (its oracle).
    #[test]
    fn a_phrase_list_finds_what_each_phrase_finds() {
        let lists: [&[&str]; 3] = [CUMULATIVE, FORECAST, RECORD_WORDS];
        let relative: Vec<&'static str> = RELATIVE.iter().map(|(p, _)| *p).collect();
        let texts = crate::fixture_texts();
        for list in lists.iter().copied().chain([relative.as_slice()]) {
            // The walk over words finds only phrases with a letter or digit at each end.
            let edges =
                |p: &str| [p.bytes().next(), p.bytes().last()].map(|b| b.is_some_and(|b| b.is_ascii_alphanumeric()));
            assert!(list.iter().all(|p| edges(p) == [true, true]));
            let index = Phrases::new(list.iter().copied());
            for text in &texts {
                let lower = text.to_ascii_lowercase();
                let mut want: Vec<(usize, usize)> = list
                    .iter()
                    .enumerate()
                    .flat_map(|(n, p)| find_all(&lower, p).map(move |at| (at, n)))
                    .collect();
                want.sort_unstable();
                let got: Vec<(usize, usize)> = index.find_in(&lower).collect();
                assert_eq!(got, want);
            }
        }
    }

    /// Records and causes read from the sentence's walk are what a search of the span
    /// finds, wherever the span's edges fall (when the walk cannot tell, it says so).
    #[test]
    fn records_and_causes_of_a_span_are_what_its_search_finds() {
        let mut texts = crate::fixture_texts();
        texts.push("Sales, the highest on record, fell because of a strike; thanks to exports, the all-time low held due to rain as a result of storms.".into());
        for text in &texts {
            let lower = text.to_ascii_lowercase();
            let found = Cues::of(&lower);
            let cuts: Vec<usize> = (0..=lower.len()).filter(|&at| lower.is_char_boundary(at)).collect();
            let step = (cuts.len() / 40).max(1);
            for &from in cuts.iter().step_by(step) {
                for &to in cuts.iter().filter(|&&to| to >= from).step_by(step) {
                    let span = &lower[from..to];
                    let want: Vec<usize> = {
                        let mut last = None;
                        RECORDS
                            .find_in(span)
                            .map(|(at, _)| from + at)
                            .filter(|&at| last.replace(at) != Some(at))
                            .collect()
                    };
                    let cause = CAUSES
                        .iter()
                        .filter_map(|w| find_all(span, w).last())
                        .max()
                        .map(|at| from + at);
                    let b = lower.as_bytes();
                    let glued = |at: usize| {
                        at > 0 && at < b.len() && b[at - 1].is_ascii_alphanumeric() && b[at].is_ascii_alphanumeric()
                    };
                    match found.records_within(&lower, from, to) {
                        Some(got) => assert_eq!(got.collect::<Vec<_>>(), want, "{span}"),
                        None => assert!(glued(from) || glued(to), "{span}"),
                    }
                    if let Some(got) = found.last_cause_within(&lower, from, to) {
                        assert_eq!(got, cause, "{span}");
                    }
                    // What is told at once is what the search finds.
                    if found.surely_no_record_within(&lower, from, to) {
                        assert!(want.is_empty(), "{span}");
                    }
                    if found.surely_no_cause_within(&lower, from, to) {
                        assert_eq!(cause, None, "{span}");
                    }
                }
            }
        }
    }

    /// A span cut inside a word (a bounded tail) reads the cut word's end as a word of
    /// its own, as a search of the span does: every start and end of a text whose words
    /// end with record words and causes.
    #[test]
    fn a_span_cut_inside_a_word_reads_its_end_as_a_word() {
        let lower = "the unrecord hit xhighest, xall-time lows fell xbecause of rain, nodue to snow; 5peak";
        let b = lower.as_bytes();
        let found = Cues::of(lower);
        for from in 0..=lower.len() {
            for to in from..=lower.len() {
                let span = &lower[from..to];
                let mut last = None;
                let want: Vec<usize> = RECORDS
                    .find_in(span)
                    .map(|(at, _)| from + at)
                    .filter(|&at| last.replace(at) != Some(at))
                    .collect();
                let cause = CAUSES.iter().filter_map(|w| find_all(span, w).last()).max();
                let glued_end =
                    to > 0 && to < b.len() && b[to - 1].is_ascii_alphanumeric() && b[to].is_ascii_alphanumeric();
                match found.records_within(lower, from, to) {
                    Some(got) => assert_eq!(got.collect::<Vec<_>>(), want, "{span:?}"),
                    None => assert!(glued_end, "{span:?}"),
                }
                match found.last_cause_within(lower, from, to) {
                    Some(got) => assert_eq!(got, cause.map(|at| from + at), "{span:?}"),
                    None => assert!(glued_end, "{span:?}"),
                }
                if found.surely_no_record_within(lower, from, to) {
                    assert!(want.is_empty(), "{span:?}");
                }
                if found.surely_no_cause_within(lower, from, to) {
                    assert_eq!(cause, None, "{span:?}");
                }
            }
        }
    }

    /// `ends_with_word` as `whole_at` at the end, its last-byte test aside.
    #[test]
    fn a_word_ends_a_text_as_whole_at_finds_it() {
        for text in [
            "rose from",
            "fromage from",
            "rose fromx",
            "x from.",
            "",
            "vs.",
            "a vs.",
            "with,",
        ] {
            for phrase in ["from", "vs.", "with", ""] {
                let want = text.len() >= phrase.len() && whole_at(text, text.len() - phrase.len(), phrase);
                assert_eq!(ends_with_word(text, phrase), want, "{text:?} {phrase:?}");
            }
        }
    }

    /// A list's last bytes tell what comparing each of its words tells.
    #[test]
    fn a_text_ends_with_a_listed_word_as_each_comparison_finds() {
        for list in [BASE_LEADS, EVENT_VERBS] {
            let ends = last_bytes(list);
            let mut texts = vec![
                "rose from".to_string(),
                "sales vs.".into(),
                "compared with".into(),
                "they met".into(),
                "signed".into(),
                "from x".into(),
                "".into(),
                "with,".into(),
                "x-from".into(),
                "xwith".into(),
            ];
            // Every word of the list as a text's end, whole and glued.
            texts.extend(
                list.iter()
                    .flat_map(|w| [format!("and {w}"), format!("a{w}"), w[1..].to_string()]),
            );
            for text in texts.iter().map(String::as_str) {
                let want = list.iter().copied().find(|w| ends_with_word(text, w));
                assert_eq!(ends_with_any(text, list, &ends), want, "{text}");
            }
        }
    }

    /// The listed words and no other, as the hashed set of the list answered.
    #[test]
    fn determiners_are_the_listed_words() {
        let set: std::collections::HashSet<&[u8]> = DETERMINERS.iter().copied().collect();
        let others: [&[u8]; 9] = [
            b"",
            b"th",
            b"thee",
            b"The",
            b"year's",
            b"periodic",
            b"begin",
            b"ends",
            "\u{e9}".as_bytes(),
        ];
        for w in DETERMINERS.iter().chain(&others) {
            assert_eq!(is_determiner(w), set.contains(w), "{w:?}");
        }
    }

    /// The byte walk splits as the walk over characters does.
    #[test]
    fn last_words_split_as_by_characters() {
        for text in [
            "",
            " ",
            "the",
            "rose 4% from the",
            "rose 4% from the  , ,",
            "year-on-year\t\n",
            "its h1/h2",
            "its h1/h2\u{b}",
            "the o'clock,",
            "caf\u{e9} prices",
            "prices caf\u{e9}",
            "the year\u{a0}",
            "the year\u{2009},",
            "from \u{201c}the",
            "under 5%",
            "x ,y",
        ] {
            assert_eq!(split_last_word(text), split_last_word_chars(text), "{text:?}");
        }
    }

    #[test]
    fn leads_are_read_through_determiners() {
        assert_eq!(lead_of("exports rose 4% from the same period in"), Lead::Base);
        assert_eq!(lead_of("sales grew 3% compared with"), Lead::Base);
        assert_eq!(lead_of("output is the highest since"), Lead::Since);
        assert_eq!(lead_of("the council met in"), Lead::Event);
        // A year naming an event is no event date.
        assert_eq!(lead_of("the ministry announced the"), Lead::Plain);
        assert_eq!(lead_of("prices rose 2% in"), Lead::Plain);
        assert_eq!(lead_of("along with"), Lead::Plain);
        assert_eq!(lead_of("comparing sales in june with"), Lead::Base);
        // What is compared is the period; what it is compared with, the base.
        assert_eq!(lead_of("comparing the"), Lead::Plain);
        assert_eq!(lead_of("the index was higher than in"), Lead::Base);
    }

    #[test]
    fn bases_in_words_are_found_whole() {
        let r = relatives("sales rose 3% from a year earlier and 1% month-on-month");
        assert_eq!(
            r.iter().map(|x| x.2).collect::<Vec<_>>(),
            [Relative::Year, Relative::Fixed(Basis::Mom)]
        );
        // `in the previous quarter` is a period.
        assert!(relatives("after 2% in the previous quarter").is_empty());
        assert!(relatives("the momentum held").is_empty());
        // `last year` alone is a period, not a base.
        assert!(relatives("output rose 4% last year").is_empty());
        assert_eq!(relatives("output rose 800% over the last year").len(), 1);
        assert_eq!(relatives("prices rose 6% in the 12 months to march").len(), 1);
        let kinds = |t: &str| relatives(t).into_iter().map(|x| x.2).collect::<Vec<_>>();
        assert_eq!(kinds("prices rose 3% over the past 12 months"), [Relative::Year]);
        assert_eq!(
            kinds("sales rose 5% month over month and 2% on the quarter"),
            [Relative::Fixed(Basis::Mom), Relative::Fixed(Basis::Qoq)]
        );
        assert_eq!(relatives("output rose more than last year").len(), 1);
    }

    #[test]
    fn cumulative_and_forecast_words() {
        assert!(is_cumulative("year-to-date sales were up"));
        assert!(is_cumulative("cumulative shipments through june"));
        assert!(!is_cumulative("sales were up"));
        assert_eq!(forecast_positions("output is expected to reach 5 gw"), [10]);
        assert!(forecast_positions("output reached 5 gw").is_empty());
    }
}
