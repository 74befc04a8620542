//! Cues around a figure: the qualifier or direction word right before it (part of its
//! `text`), and the direction a verb or noun further away gives a change.
//!
//! ```text
//! lead_cue    = qualifier_phrase | "up" ["by"] | "down" ["by"] | "+"        (right before the number)
//! after_cue   = sp ["year-on-year" sp] (increase | rise | growth | ... | decline | drop | ...)
//! verb_cue    = the nearest direction word looking back in the clause, stopped by a
//!               neutral word (`accounted`, `share`, `recorded`, `was`...) or a clause break
//! ```

use std::sync::LazyLock;

use crate::model::{Direction, Kind, Qualifier};
use crate::words::{
    CLAUSE_BYTES, ClauseByte, LONGEST, Shapes, WordBits, WordMap, ascii_space, has_shape, holds, str_shapes,
    trim_end_space, with_lower,
};

/// Qualifier phrases, longest first so that `up to` wins over `up`.
const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("no more than", Qualifier::AtMost),
    ("a maximum of", Qualifier::AtMost),
    ("as much as", Qualifier::AtMost),
    ("as many as", Qualifier::AtMost),
    ("a minimum of", Qualifier::AtLeast),
    ("an estimated", Qualifier::Approx),
    ("approximately", Qualifier::Approx),
    ("in excess of", Qualifier::Over),
    ("upwards of", Qualifier::Over),
    ("more than", Qualifier::Over),
    ("less than", Qualifier::Under),
    ("fewer than", Qualifier::Under),
    ("at least", Qualifier::AtLeast),
    ("at most", Qualifier::AtMost),
    ("surpassing", Qualifier::Over),
    ("exceeding", Qualifier::Over),
    ("surpassed", Qualifier::Over),
    ("exceeded", Qualifier::Over),
    ("surpasses", Qualifier::Over),
    ("exceeds", Qualifier::Over),
    ("topping", Qualifier::Over),
    ("topped", Qualifier::Over),
    ("close to", Qualifier::Under),
    ("estimated", Qualifier::Approx),
    ("roughly", Qualifier::Approx),
    ("around", Qualifier::Approx),
    ("nearly", Qualifier::Under),
    ("almost", Qualifier::Under),
    ("up to", Qualifier::AtMost),
    ("about", Qualifier::Approx),
    ("above", Qualifier::Over),
    ("below", Qualifier::Under),
    ("under", Qualifier::Under),
    ("near", Qualifier::Under),
    ("some", Qualifier::Approx),
    ("over", Qualifier::Over),
];

/// Direction words that stand right before the number and belong to its text.
const LEAD_DIRECTIONS: &[(&str, Direction)] = &[
    ("up by", Direction::Up),
    ("down by", Direction::Down),
    ("up", Direction::Up),
    ("down", Direction::Down),
];

/// Verbs that make `up` a particle of their own (`take up 31.6 percent` is a share).
const UP_TAKERS: &[&str] = &[
    "take", "takes", "took", "taking", "taken", "make", "makes", "made", "making", "set", "sets",
];

const UP_WORDS: &[&str] = &[
    "rose",
    "rise",
    "rises",
    "rising",
    "risen",
    "increased",
    "increase",
    "increases",
    "increasing",
    "grew",
    "grow",
    "grows",
    "growing",
    "grown",
    "growth",
    "growths",
    "jumped",
    "jump",
    "jumps",
    "jumping",
    "climbed",
    "climb",
    "climbs",
    "climbing",
    "gained",
    "gain",
    "gains",
    "gaining",
    "expanded",
    "expand",
    "expands",
    "expanding",
    "expansion",
    "surged",
    "surge",
    "surges",
    "surging",
    "soared",
    "soar",
    "soars",
    "soaring",
    "advanced",
    "advance",
    "advances",
    "advancing",
    "spiked",
    "spike",
    "leaped",
    "leapt",
    "leap",
    "improved",
    "improve",
    "improves",
    "improving",
    "improvement",
    "enhanced",
    "rebounded",
    "rebound",
    "boosted",
    "hike",
    "hikes",
    "raise",
    "raised",
    "raises",
    "raising",
    "widened",
    "widening",
    "widens",
    "up",
    "upturn",
    "higher",
    // The rest of the category (issue 14 audit): verbs of rising in all their forms.
    "swelled",
    "swell",
    "swells",
    "swelling",
    "rallied",
    "rally",
    "rallies",
    "rallying",
    "ballooned",
    "skyrocketed",
    "accelerated",
    "strengthened",
    "strengthens",
    "soars",
    "spikes",
    "spiking",
];

const DOWN_WORDS: &[&str] = &[
    "fell",
    "fall",
    "falls",
    "falling",
    "fallen",
    "declined",
    "decline",
    "declines",
    "declining",
    "decreased",
    "decrease",
    "decreases",
    "decreasing",
    "dropped",
    "drop",
    "drops",
    "dropping",
    "slid",
    "slide",
    "slides",
    "sliding",
    "shrank",
    "shrink",
    "shrinks",
    "shrinking",
    "shrunk",
    "contracted",
    "contract",
    "contracts",
    "contracting",
    "contraction",
    "plunged",
    "plunge",
    "plunges",
    "plunging",
    "dipped",
    "dip",
    "dips",
    "slipped",
    "slip",
    "slips",
    "lost",
    "lose",
    "loses",
    "losing",
    "loss",
    "weakened",
    "tumbled",
    "slumped",
    "slump",
    "reduced",
    "reduction",
    "cut",
    "cuts",
    "cutting",
    "reduce",
    "reduces",
    "reducing",
    "lowered",
    "lowering",
    "narrowed",
    "narrowing",
    "narrows",
    "down",
    "downturn",
    "lower",
    // The rest of the category (issue 14 audit): verbs of falling in all their forms.
    "sank",
    "sink",
    "sinks",
    "sinking",
    "sunk",
    "eased",
    "ease",
    "eases",
    "easing",
    "plummeted",
    "plummet",
    "plummets",
    "plummeting",
    "tumble",
    "tumbles",
    "tumbling",
    "slumps",
    "slumping",
    "dived",
    "dove",
    "retreated",
    "retreats",
    "shed",
    "sheds",
    "shedding",
    "weakens",
    "weakening",
    "decelerated",
];

/// Words that end the look-back without a direction: the figure is a level or a share.
const NEUTRAL: &[&str] = &[
    "account",
    "accounts",
    "accounted",
    "accounting",
    "share",
    "shares",
    "proportion",
    "ratio",
    "recorded",
    "record",
    "records",
    "reached",
    "reach",
    "reaches",
    "stood",
    "stand",
    "stands",
    "totaled",
    "totalled",
    "totaling",
    "amounted",
    "amounting",
    "represented",
    "represents",
    "represent",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "while",
    "whereas",
    "but",
    "which",
    "that",
    "mark",
    "marked",
    "target",
    "goal",
    "aims",
    "aim",
    "compared",
    "versus",
    "changed",
    "unchanged",
];

/// Nouns of `NEUTRAL` that name what a change applies to (`lower the target range by 1/2
/// point`): after `by` they do not stop the look for the verb.
const NEUTRAL_NOUNS: &[&str] = &["target", "goal", "share", "shares", "proportion", "ratio", "record"];

/// A word right before a percent that makes it a level or a base, not the change:
/// `rose 0.5 points to 38.6 percent`, `up from 6 percent`, `compared with 4.1 percent`.
const LEVEL_MARKERS: &[&str] = &["to", "from", "than", "with", "versus", "vs"];

/// Determiners that may stand between a level marker and the level (`to its 2 percent`).
const LEVEL_DETERMINERS: &[&str] = &["its", "the", "their", "a", "an"];

/// Nouns after the figure that make it a change: `a 9.9% increase`.
const AFTER_UP: &[&str] = &[
    "increase",
    "increases",
    "rise",
    "rises",
    "gains",
    "above",
    "growth",
    "gain",
    "jump",
    "surge",
    "hike",
    "expansion",
    "higher",
    "more",
    "improvement",
    "rebound",
    // Plurals and the rest of the category (issue 14 audit).
    "jumps",
    "surges",
    "hikes",
    "advance",
    "uptick",
    "upturn",
    "climb",
    "rebounds",
];
/// The lists `AFTER_UP` and `AFTER_DOWN` that hold a word (in any ASCII case), as bits:
/// one hashed look-up where every figure walked both lists, and none for a word that no
/// listed word has the length and first two letters of (most words after a figure: `of`,
/// `in`, `and`).
fn after_word(word: &str) -> u64 {
    static AFTER_WORDS: LazyLock<WordBits> = LazyLock::new(|| {
        let up = AFTER_UP.iter().map(|w| (*w, AFTER_UP_BIT));
        WordBits::new(up.chain(AFTER_DOWN.iter().map(|w| (*w, AFTER_DOWN_BIT))))
    });
    static AFTER_SHAPES: Shapes = str_shapes(&[AFTER_UP, AFTER_DOWN]);
    if !has_shape(&AFTER_SHAPES, word.as_bytes()) {
        return 0;
    }
    AFTER_WORDS.get(word)
}

const AFTER_UP_BIT: u64 = 1;
const AFTER_DOWN_BIT: u64 = 2;

const AFTER_DOWN: &[&str] = &[
    "decrease",
    "decreases",
    "drop",
    "drops",
    "decline",
    "declines",
    "fall",
    "falls",
    "below",
    "reduction",
    "contraction",
    "slump",
    "dip",
    "loss",
    "lower",
    "cut",
    "less",
    "fewer",
    // Plurals and the rest of the category (issue 14 audit).
    "dips",
    "cuts",
    "losses",
    "reductions",
    "contractions",
    "downturn",
    "downtick",
    "slide",
    "plunge",
];

/// What stands right before a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LeadCue {
    /// Where the figure's text now starts (before the cue words).
    pub start: usize,
    pub qualifier: Option<Qualifier>,
    pub direction: Option<Direction>,
}

/// Case-insensitive: `text` ends with the whole-word `phrase` (lower-case ASCII letters and
/// spaces); returns where it starts. Bytes, from the end: most tries fail on the last
/// letters. A match of ASCII bytes starts on a character.
fn ends_with_phrase(text: &str, phrase: &str) -> Option<usize> {
    let (t, p) = (text.as_bytes(), phrase.as_bytes());
    let at = t.len().checked_sub(p.len())?;
    let tail = t.get(at..)?;
    // The phrases are lower-case letters and spaces: a byte of the text matches a letter
    // in either case (`| 0x20` lowers exactly the capitals), a space only itself.
    let same = |a: u8, b: u8| a == b || (b != b' ' && a | 0x20 == b);
    if !tail.iter().rev().zip(p.iter().rev()).all(|(&a, &b)| same(a, b)) {
        return None;
    }
    let boundary = match at.checked_sub(1).and_then(|i| t.get(i)) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => text.get(..at)?.chars().next_back().is_none_or(|c| !c.is_alphanumeric()),
    };
    boundary.then_some(at)
}

/// The phrases of a list (bits by index) by their last letter, and by the byte before it
/// (a letter, a space, or any other byte), in any case: a figure asks only the few
/// phrases that can end the text before it (`of` and `to` end several; `in`, `at`, `and`
/// end none, though their last letters end some).
struct PhraseEnds {
    last: [u64; 26],
    before_last: [u64; 28],
    /// Each phrase's last eight bytes (or fewer), to turn away most candidates in one compare.
    tails: [Tail; 64],
}

/// The last (up to) eight bytes of a phrase, as the last eight bytes of a text are read
/// (`u64::from_le_bytes`: the last byte highest): `bytes` lower-case, `letters` the 0x20
/// bit of each letter's byte (a text's capital matches once it is set, a space only
/// itself), `kept` the bytes the phrase has.
#[derive(Clone, Copy)]
struct Tail {
    bytes: u64,
    letters: u64,
    kept: u64,
}

/// The `Tail` of a phrase of lower-case ASCII letters and spaces.
const fn tail_of(phrase: &[u8]) -> Tail {
    let mut tail = Tail {
        bytes: 0,
        letters: 0,
        kept: 0,
    };
    let mut k = 0;
    while k < 8 && k < phrase.len() {
        let b = phrase[phrase.len() - 1 - k];
        let shift = 8 * (7 - k);
        tail.bytes |= (b as u64) << shift;
        tail.kept |= 0xFF << shift;
        if b != b' ' {
            tail.letters |= 0x20 << shift;
        }
        k += 1;
    }
    tail
}

/// The last eight bytes of `b` as a `Tail` is read, zeros standing for missing bytes
/// (they match no letter and no space).
fn last_eight(b: &[u8]) -> u64 {
    if let Some(last) = b.last_chunk::<8>() {
        return u64::from_le_bytes(*last);
    }
    // A short text, byte by byte (a copy of a few bytes was a call to `memcpy`).
    b.iter()
        .rev()
        .enumerate()
        .fold(0, |tail, (k, &c)| tail | u64::from(c) << (8 * (7 - k)))
}

/// The `before_last` slot of a byte: its letter (case folded), 26 for a space, 27 else.
const fn before_last_slot(b: u8) -> usize {
    let letter = (b | 0x20).wrapping_sub(b'a');
    if letter < 26 {
        letter as usize
    } else if b == b' ' {
        26
    } else {
        27
    }
}

/// `before_last_slot` of every byte, looked up where a figure asks.
static BEFORE_LAST_SLOTS: [u8; 256] = {
    let mut slots = [0; 256];
    let mut b = 0;
    while b < 256 {
        slots[b] = before_last_slot(b as u8) as u8;
        b += 1;
    }
    slots
};

/// The `PhraseEnds` of a list of ASCII phrases of at least two bytes, ending in a letter.
const fn by_last_letter<T: Copy>(list: &[(&str, T)]) -> PhraseEnds {
    assert!(list.len() <= 64);
    let mut table = PhraseEnds {
        last: [0; 26],
        before_last: [0; 28],
        tails: [Tail {
            bytes: 0,
            letters: 0,
            kept: 0,
        }; 64],
    };
    let mut i = 0;
    while i < list.len() {
        let phrase = list[i].0.as_bytes();
        assert!(phrase.len() >= 2);
        table.tails[i] = tail_of(phrase);
        let last = phrase[phrase.len() - 1] | 0x20;
        assert!(last.is_ascii_lowercase());
        table.last[(last - b'a') as usize] |= 1 << i;
        table.before_last[before_last_slot(phrase[phrase.len() - 2])] |= 1 << i;
        i += 1;
    }
    table
}

static QUALIFIERS_BY_LAST: PhraseEnds = by_last_letter(QUALIFIERS);
static LEAD_DIRECTIONS_BY_LAST: PhraseEnds = by_last_letter(LEAD_DIRECTIONS);

/// The first phrase of `list` (in its order) that ends `text`, as a whole word, with
/// where it starts. `by_last` is the list's `by_last_letter` table.
fn first_ending<T: Copy>(text: &str, list: &[(&str, T)], by_last: &PhraseEnds) -> Option<(usize, T)> {
    let [.., before, last] = *text.as_bytes() else {
        return None; // no phrase is shorter than two bytes
    };
    let letter = (last | 0x20).wrapping_sub(b'a');
    let mut bits = *by_last.last.get(usize::from(letter))?
        & by_last.before_last[usize::from(BEFORE_LAST_SLOTS[usize::from(before)])];
    if bits == 0 {
        return None;
    }
    let tail = last_eight(text.as_bytes());
    while bits != 0 {
        let i = bits.trailing_zeros() as usize;
        bits &= bits - 1;
        // The last eight bytes first: a candidate nearly always fails there.
        if by_last
            .tails
            .get(i)
            .is_none_or(|t| (tail | t.letters) & t.kept != t.bytes)
        {
            continue;
        }
        let (phrase, value) = *list.get(i)?;
        if let Some(at) = ends_with_phrase(text, phrase) {
            return Some((at, value));
        }
    }
    None
}

/// `first_ending` out of line, for `lead_cue`: in the scan's walk loop, where `lead_cue`
/// is, its code made the loop itself cost more.
#[inline(never)]
fn first_lead_ending<T: Copy>(text: &str, list: &[(&str, T)], by_last: &PhraseEnds) -> Option<(usize, T)> {
    first_ending(text, list, by_last)
}

/// Calls `f` with the last word of `text` (letters only), lowercased on the stack.
fn with_last_word<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    with_lower(last_word_as_written(text), f)
}

/// The last word of `text` (letters only), as written: no copy. Bytes; where a byte
/// beyond ASCII ends the white space or the word, `last_word_by_chars` reads it.
fn last_word_as_written(text: &str) -> &str {
    let b = text.as_bytes();
    let end = b.iter().rposition(|c| !ascii_space(*c)).map_or(0, |i| i + 1);
    let stop = b
        .get(..end)
        .unwrap_or_default()
        .iter()
        .rposition(|c| !c.is_ascii_alphabetic());
    if stop.is_some_and(|i| !b[i].is_ascii()) {
        return last_word_by_chars(text);
    }
    text.get(stop.map_or(0, |i| i + 1)..end).unwrap_or_default()
}

/// `last_word_as_written` by characters: any white space, any letter.
fn last_word_by_chars(text: &str) -> &str {
    let t = text.trim_end();
    let start = t
        .rfind(|c: char| !c.is_alphabetic())
        .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
    &t[start..]
}

/// The qualifier and direction words right before the figure at `start`.
pub fn lead_cue(sentence: &str, start: usize, kind: Kind) -> LeadCue {
    let mut cue = LeadCue {
        start,
        qualifier: None,
        direction: None,
    };
    if kind == Kind::Date || kind == Kind::Ordinal {
        return cue;
    }
    // `+1 day`: a plus sign glued to the number.
    if sentence[..start].ends_with('+') {
        cue.start = start - 1;
        cue.direction = Some(Direction::Up);
        return cue;
    }
    // At most one qualifier and one direction word, in either order (`up nearly 5 percent`).
    for _ in 0..2 {
        let before = trim_end_space(&sentence[..cue.start]);
        if before.len() == cue.start {
            break; // the figure is glued to what precedes it
        }
        if cue.qualifier.is_none() {
            let hit = first_lead_ending(before, QUALIFIERS, &QUALIFIERS_BY_LAST);
            if let Some((at, q)) = hit {
                // `over seven years` is a span of time, not more than seven years
                // (`more than two years` still is); `an increase of 4% over $2 billion`
                // names the base of the change.
                let over = before[at..].eq_ignore_ascii_case("over");
                let during = over && (kind == Kind::Duration || names_a_base(&before[..at]));
                if !during {
                    cue.start = at;
                    cue.qualifier = Some(q);
                    continue;
                }
            }
        }
        if cue.direction.is_none() && kind != Kind::Duration {
            let hit = first_lead_ending(before, LEAD_DIRECTIONS, &LEAD_DIRECTIONS_BY_LAST);
            if let Some((at, d)) = hit {
                if !with_last_word(&before[..at], |w| UP_TAKERS.contains(&w)) {
                    cue.start = at;
                    cue.direction = Some(d);
                    continue;
                }
            }
        }
        break;
    }
    cue
}

/// `over` after this text names a base, not a bound: the text ends with a change, as a
/// figure (`43.18%`, `5 percent`) or a change noun (`an increase over`).
fn names_a_base(before_over: &str) -> bool {
    let t = before_over.trim_end();
    if t.ends_with(['%', '％']) {
        return true;
    }
    with_last_word(t, |w| {
        matches!(w, "percent" | "cent" | "pct" | "points" | "point" | "pp" | "bp") || after_word(w) != 0
    })
}

/// The direction of a change figure from the words after it or a verb before it.
/// `start`/`end` are the figure's span (with its lead cue) in the sentence.
pub fn context_direction(sentence: &str, start: usize, end: usize, kind: Kind) -> Option<Direction> {
    // A point in time or a rank is never a change (`in Q2 2024 more than doubling`).
    if matches!(kind, Kind::Date | Kind::Ordinal | Kind::Duration) {
        return None;
    }
    if let Some(d) = after_direction(&sentence[end..]) {
        return Some(d);
    }
    match kind {
        Kind::Percent => look_back(&sentence[..start]),
        // A level is no change: money or a count is one only when `by` or `of` ties it
        // to a change word (`increased by USD 2 billion`, `an increase of 300 units`).
        // Or when a change verb stands right before it (`imports fell $6.5 billion`).
        // A count with its noun after a verb is the verb's object (`raised eight
        // regulations`); without one it is the change (`payrolls rose 236,000`).
        Kind::Money | Kind::Count | Kind::Quantity => {
            let before = trim_end_space(&sentence[..start]);
            // Asked only where no `by` or `of` decides.
            let bare = || {
                kind != Kind::Count
                    || !sentence[..end].ends_with(|c: char| c.is_alphabetic())
                    || ends_with_a_scale(&sentence[..end])
            };
            let before = without_amount_lead(before);
            if let Some(at) = ends_with_phrase(before, "by") {
                return verb_before_by(&before[..at]);
            }
            match ends_with_phrase(before, "of") {
                Some(at) => with_last_word(&before[..at], word_direction),
                None if bare() => change_verb_before(before),
                None => None,
            }
        }
        _ => None,
    }
}

/// The last word of `text` is a scale word in any case (`5 thousand`: no noun follows the
/// number): `with_last_word` and a match of the lowered word, compared as written instead,
/// without the copy.
fn ends_with_a_scale(text: &str) -> bool {
    // Every scale ends in `d`, `n`, `h` or `e`: a text whose last byte (past ASCII white
    // space) is another ASCII byte ends with none (most counts end with a plural noun).
    let last = text.as_bytes().iter().rfind(|&&c| !ascii_space(c));
    if last.is_some_and(|&c| c.is_ascii() && !matches!(c | 0x20, b'd' | b'n' | b'h' | b'e')) {
        return false;
    }
    let w = last_word_as_written(text);
    ["thousand", "million", "billion", "trillion", "lakh", "crore"]
        .iter()
        .any(|s| w.eq_ignore_ascii_case(s))
}

/// Words between `by` and an amount that say how it is counted: `grew by an average of
/// 30,000`, `rose by a further 1.1 mb/d`, `cut by another $2 billion`.
const AMOUNT_LEADS: &[(&str, ())] = &[
    ("an average of", ()),
    ("a total of", ()),
    ("a combined", ()),
    ("a further", ()),
    ("an additional", ()),
    ("an extra", ()),
    ("another", ()),
];
static AMOUNT_LEADS_BY_LAST: PhraseEnds = by_last_letter(AMOUNT_LEADS);

/// `before` without an `AMOUNT_LEADS` phrase at its end.
fn without_amount_lead(before: &str) -> &str {
    first_ending(before, AMOUNT_LEADS, &AMOUNT_LEADS_BY_LAST).map_or(before, |(at, ())| before[..at].trim_end())
}

/// The change verb an amount after `by` belongs to: the word before `by`, or further back
/// past the noun phrase of what changes (`reduce the stock of bonds by £100 billion`,
/// `declining at a steady pace, by €40 billion`), up to eight words, stopped by a number
/// (another figure's) or a neutral word.
fn verb_before_by(before: &str) -> Option<Direction> {
    for w in words_back(before).take(8) {
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        if let Some(cue) = look_back_cue(w) {
            return cue;
        }
    }
    None
}

/// The direction of a change verb (not `up`/`down`, which join the text, nor a noun)
/// that ends `before`: `fell`, `increased`, `widened`.
fn change_verb_before(before: &str) -> Option<Direction> {
    with_last_word(before, |w| {
        // `raise` with an amount for its object is money collected (`the levy raised $3.9
        // billion`, `raised $30 million from investors`), a level; raised *by* an amount
        // is a change, and is read through `by` above.
        if !finite_change_form(w) || w.starts_with("rais") {
            return None;
        }
        word_direction(w)
    })
}

/// A form of a change word that states a change: a past tense, regular (`-ed`) or
/// irregular, or a headline's present (`Widens`, `Falls`). The base form says none
/// (`expected to grow`), and `rise` or `cut` may be nouns. `lower` is lower-cased.
fn finite_change_form(lower: &str) -> bool {
    // Irregular past tenses of the change verbs (`cut` is as often a noun: left out).
    let irregular = matches!(
        lower,
        "rose" | "grew" | "fell" | "slid" | "shrank" | "shrunk" | "sank" | "sunk" | "lost" | "leapt" | "dove" | "shed"
    );
    lower.ends_with("ed") || lower.ends_with('s') || irregular
}

/// A change verb that states a change ends `before` (after any qualifier: `rose nearly`),
/// so that a figure with its own unit after it is the change and `X to Y` a change and a
/// level (`the deficit widened $0.8 billion to $75.1 billion`); after a base form
/// (`is expected to grow 2% to 3%`) it stays a range.
pub fn follows_change_verb(before: &str) -> bool {
    let mut b = before.trim_end();
    if let Some((at, _)) = first_ending(b, QUALIFIERS, &QUALIFIERS_BY_LAST) {
        b = b[..at].trim_end();
    }
    // Asked at every money and percent candidate: the word is lowered on the stack.
    let w = last_word_as_written(b);
    b.ends_with(|c: char| c.is_alphabetic())
        && with_lower(w, |lower| finite_change_form(lower) && word_direction(lower).is_some())
}

/// True when the text before a figure makes it the start of a change (`increased by X to Y`,
/// `rose from X to Y`, `+$0.99 to $31.06`): its `to` then leads to a new level, not to the
/// end of a range.
pub fn leads_a_change(before: &str) -> bool {
    let before = before.trim_end();
    if ends_with_phrase(before, "by").is_some() || before.ends_with('+') {
        return true;
    }
    // `rose from`, and `fell 25 percent from` / `up 3 points from`: a change word within
    // the last few words, with only its amount between.
    let Some(at) = ends_with_phrase(before, "from") else {
        return false;
    };
    let words = before[..at].split_whitespace().rev().take(4);
    for w in words.map(|w| w.trim_matches(|c: char| !c.is_alphanumeric())) {
        let (change, amount) = with_lower(w, |w| {
            let amount = !w.chars().any(char::is_alphabetic) || is_change_amount(w);
            (word_direction(w).is_some(), amount)
        });
        if change || !amount {
            return change;
        }
    }
    false
}

/// Words that may stand between a change verb and `from`: its amount (`by 25 percent`).
fn is_change_amount(w: &str) -> bool {
    matches!(
        w,
        "by" | "percent" | "pct" | "points" | "point" | "percentage" | "per" | "cent"
    ) || w.ends_with('%')
        || w.starts_with(|c: char| c.is_ascii_digit())
}

/// Every word `word_direction` knows, for tables built from it (`subject`).
pub fn direction_words() -> impl Iterator<Item = &'static str> {
    UP_WORDS.iter().chain(DOWN_WORDS).copied()
}

pub fn word_direction(word: &str) -> Option<Direction> {
    DIRECTION_OF.get(word).copied()
}

/// `UP_WORDS` and `DOWN_WORDS` as one map: every figure asks it of several words, and
/// walking 130 words each time showed in the profile.
static DIRECTION_OF: LazyLock<WordMap<Direction>> = LazyLock::new(|| {
    let up = UP_WORDS.iter().map(|w| (*w, Direction::Up));
    // A word in both lists reads as up, as the list walk did.
    let down = DOWN_WORDS.iter().map(|w| (*w, Direction::Down));
    let mut map = WordMap::default();
    for (w, d) in up.chain(down) {
        map.entry(w).or_insert(d);
    }
    map
});

/// Words between a figure and its change noun that say the change is over a year
/// (`5 percent year-on-year growth`): the noun is the word after them.
const YEAR_ON_YEAR: &[&str] = &["year-on-year", "on-year", "annual", "y-o-y", "yoy"];

/// The shapes of the change nouns after a figure and the year-on-year words.
const AFTER_OR_YEAR_SHAPES: Shapes = str_shapes(&[AFTER_UP, AFTER_DOWN, YEAR_ON_YEAR]);

/// For each first letter, the second bytes (as a `Shapes` entry keeps them) that some
/// word of `AFTER_OR_YEAR_SHAPES` has, of any length.
static AFTER_OR_YEAR_SECONDS: [u32; 26] = {
    let mut seconds = [0; 26];
    let mut len = 0;
    while len <= LONGEST {
        let mut first = 0;
        while first < 26 {
            seconds[first] |= AFTER_OR_YEAR_SHAPES[len][first];
            first += 1;
        }
        len += 1;
    }
    seconds
};

/// `text` (starting with an ASCII letter) may start a word of `AFTER_OR_YEAR_SHAPES`: some
/// such word has its first letter and second byte. A word that fails has no such shape
/// whatever its length.
fn starts_an_after_word(text: &[u8]) -> bool {
    let [first, second, ..] = *text else {
        return false; // no listed word is shorter than two bytes
    };
    let letter = usize::from((first | 0x20).wrapping_sub(b'a'));
    let second = (second | 0x20).wrapping_sub(b'a');
    let bit = if second < 26 { 1 << second } else { 1 << 27 };
    AFTER_OR_YEAR_SECONDS.get(letter).is_some_and(|bits| bits & bit != 0)
}

/// `a 9.9% increase`, `14.6-percent increase`, `5 percent year-on-year growth`.
/// Bytes, where the space and the first word are ASCII and the word is short and no
/// `year-on-year` (nearly always); `after_direction_by_chars` reads the rest.
fn after_direction(after: &str) -> Option<Direction> {
    let b = after.as_bytes();
    let start = b.iter().position(|c| !ascii_space(*c)).unwrap_or(b.len());
    match b.get(start) {
        None => return None,
        // The noun must follow right away; punctuation ends the figure's phrase.
        Some(c) if c.is_ascii() && !c.is_ascii_alphabetic() => return None,
        Some(c) if !c.is_ascii() => return after_direction_by_chars(after),
        Some(_) => {}
    }
    let rest = b.get(start..).unwrap_or_default();
    // A word whose first two bytes start no change noun and no year-on-year word (`of`,
    // `in`) is turned away before it is read to its end.
    if !starts_an_after_word(rest) {
        return None;
    }
    let len = rest
        .iter()
        .position(|c| !c.is_ascii() || ascii_space(*c))
        .unwrap_or(rest.len());
    // Well within the 64 bytes the words are read from, and ended by ASCII.
    if len >= 48 || rest.get(len).is_some_and(|c| !c.is_ascii()) {
        return after_direction_by_chars(after);
    }
    let end = rest[..len]
        .iter()
        .rposition(|c| c.is_ascii_alphanumeric() || *c == b'-')
        .map_or(0, |i| i + 1);
    let word = after.get(start..start + end).unwrap_or_default();
    // Most words after a figure (`of`, `in`, `and`) have the shape of no change noun and
    // no year-on-year word: turned away before the list and the table are asked.
    if !has_shape(&AFTER_OR_YEAR_SHAPES, word.as_bytes()) {
        return None;
    }
    if holds(YEAR_ON_YEAR, word) {
        return after_direction_by_chars(after);
    }
    direction_of_after_word(word)
}

/// The direction an `AFTER_UP` or `AFTER_DOWN` word gives (a word in both reads as up,
/// as the list walks did).
fn direction_of_after_word(noun: &str) -> Option<Direction> {
    match after_word(noun) {
        0 => None,
        bits if bits & AFTER_UP_BIT != 0 => Some(Direction::Up),
        _ => Some(Direction::Down),
    }
}

/// `after_direction` by characters: any white space and letters.
fn after_direction_by_chars(after: &str) -> Option<Direction> {
    // Two cue words fit in 64 bytes; looking further (a long run without spaces after
    // every figure) made each figure read the rest of the sentence: quadratic. Whole
    // words only: a word running past the 64th byte is not read (a cut `increased` must
    // not read as `increase`).
    let after = after.trim_start();
    // The noun must follow right away; punctuation ends the figure's phrase.
    if !after.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let cap = (0..=after.len().min(64))
        .rev()
        .find(|&n| after.is_char_boundary(n))
        .unwrap_or(0);
    // Only the first 64 bytes are split (a text without spaces is one long word); a word
    // the cut runs into is left out.
    let cut = &after[..cap];
    let last_whole = cut.len() == after.len() || after[cap..].starts_with(char::is_whitespace);
    let start = cut.as_ptr() as usize;
    let mut words = cut
        .split_whitespace()
        .take_while(|w| last_whole || w.as_ptr() as usize - start + w.len() < cap)
        .take(2)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'));
    let first = words.next()?;
    let noun = if holds(YEAR_ON_YEAR, first) {
        words.next()?
    } else {
        first
    };
    direction_of_after_word(noun)
}

/// The words of `before`'s clause (a `;` or `:` ends it), nearest first. Walks back only
/// as far as it is asked: scanning the whole prefix for every figure was quadratic in a
/// long sentence full of figures.
fn words_back(before: &str) -> impl Iterator<Item = &str> {
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
fn look_back(before: &str) -> Option<Direction> {
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
fn look_back_cue(w: &str) -> Option<Option<Direction>> {
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

    /// `ends_with_a_scale` as first written: the last word lowered, then matched.
    fn ends_with_a_scale_by_lowering(text: &str) -> bool {
        with_last_word(text, |w| {
            matches!(w, "thousand" | "million" | "billion" | "trillion" | "lakh" | "crore")
        })
    }

    #[test]
    fn a_scale_is_told_as_written_where_it_was_told_lowered() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" 5 THOUSAND 2 Million 3 éBillion 4 lakh\u{a0} 6 crores 7 kthousand 8 trillion  ");
        let mut scales = 0;
        for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let t = &text[..end];
            assert_eq!(
                ends_with_a_scale(t),
                ends_with_a_scale_by_lowering(t),
                "{:?}",
                &t[end.saturating_sub(20)..]
            );
            scales += usize::from(ends_with_a_scale(t));
        }
        assert!(scales > 50, "{scales}");
    }

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

    #[test]
    fn the_after_table_holds_what_the_lists_hold() {
        let both = AFTER_UP.iter().chain(AFTER_DOWN);
        let mut words: Vec<String> = both.flat_map(|w| [w.to_string(), w.to_uppercase()]).collect();
        words.extend(["", "increased", "rise-", "ris", "Rïse", "a", "décline"].map(String::from));
        // Every word of the fixtures, as written and in capitals.
        let text = crate::fixture_texts().concat();
        for w in text.split(|c: char| c.is_whitespace() || c == ',' || c == '.') {
            words.extend([w.to_string(), w.to_uppercase()]);
        }
        for w in &words {
            let up = if holds(AFTER_UP, w) { AFTER_UP_BIT } else { 0 };
            let down = if holds(AFTER_DOWN, w) { AFTER_DOWN_BIT } else { 0 };
            let want = up | down;
            assert_eq!(after_word(w), want, "{w}");
        }
    }

    /// `ends_with_phrase` as it was, by characters: the oracle of the byte reading.
    fn ends_with_phrase_by_chars(text: &str, phrase: &str) -> Option<usize> {
        let (last, want) = (text.as_bytes().last()?, phrase.as_bytes().last()?);
        if !last.eq_ignore_ascii_case(want) {
            return None;
        }
        let n = phrase.len();
        if text.len() < n || !text.is_char_boundary(text.len() - n) {
            return None;
        }
        let at = text.len() - n;
        if !text[at..].eq_ignore_ascii_case(phrase) {
            return None;
        }
        let boundary = text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        boundary.then_some(at)
    }

    #[test]
    fn phrase_ends_by_bytes_are_the_phrase_ends_by_chars() {
        let mut phrases: Vec<&str> = QUALIFIERS.iter().map(|(p, _)| *p).collect();
        phrases.extend(LEAD_DIRECTIONS.iter().map(|(p, _)| *p));
        phrases.extend(AMOUNT_LEADS.iter().map(|(p, _)| *p));
        phrases.extend(["by", "of", "from"]);
        let mut text = crate::fixture_texts().concat();
        text.push_str(" éby 5of xup to ÉUP TO café about Ωover\u{a0}by 中of up\0to MORE THAN UP\tBY");
        let ends: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
        for p in &phrases {
            assert!(p.bytes().all(|b| b.is_ascii_lowercase() || b == b' '), "{p:?}");
            for &end in &ends {
                let t = &text[..end];
                assert_eq!(ends_with_phrase(t, p), ends_with_phrase_by_chars(t, p), "{p:?} {end}");
            }
        }
    }

    #[test]
    fn a_phrase_tail_matches_capitals_but_a_space_only_a_space() {
        let up_to = tail_of(b"up to");
        let matches = |text: &str| (last_eight(text.as_bytes()) | up_to.letters) & up_to.kept == up_to.bytes;
        assert!(matches("rose UP TO") && matches("up to") && matches("Up To"));
        assert!(!matches("up\tto") && !matches("up\0to") && !matches("p to") && !matches(""));
        assert_eq!(
            first_ending("Up To", QUALIFIERS, &QUALIFIERS_BY_LAST),
            Some((0, Qualifier::AtMost))
        );
    }

    #[test]
    fn a_word_after_a_figure_is_turned_away_by_its_first_two_bytes() {
        for w in ["increase,", "Year-on-year", "YOY", "y-o-y", "dips", "below"] {
            assert!(starts_an_after_word(w.as_bytes()), "{w}");
        }
        for w in ["of", "the", "per cent", "a", "", "x-ray", "i\u{e9}"] {
            assert!(!starts_an_after_word(w.as_bytes()), "{w}");
        }
    }

    #[test]
    fn the_letter_tables_find_what_the_list_walk_finds() {
        let walk = |text: &str| {
            QUALIFIERS
                .iter()
                .find_map(|(p, q)| ends_with_phrase(text, p).map(|at| (at, *q)))
        };
        let mut texts = vec![String::new(), "x".into(), "5".into(), "é".into()];
        for (p, _) in QUALIFIERS {
            for lead in ["", "it was ", "(", "x", "no "] {
                texts.push(format!("{lead}{p}"));
                texts.push(format!("{lead}{}", p.to_uppercase()));
            }
        }
        for t in &texts {
            assert_eq!(first_ending(t, QUALIFIERS, &QUALIFIERS_BY_LAST), walk(t), "{t:?}");
        }
        assert_eq!(
            first_ending("prices went UP BY", LEAD_DIRECTIONS, &LEAD_DIRECTIONS_BY_LAST),
            Some((12, Direction::Up))
        );
        let leads = |text: &str| AMOUNT_LEADS.iter().find_map(|(p, _)| ends_with_phrase(text, p));
        for (p, _) in AMOUNT_LEADS {
            for lead in ["", "rose by ", "x", "by\u{a0}"] {
                texts.push(format!("{lead}{p}"));
                texts.push(format!("{lead}{}", p.to_uppercase()));
            }
        }
        let fixtures = crate::fixture_texts().concat() + " in excess\u{a0}of up\tto ab";
        let prefixes = (0..=fixtures.len())
            .filter(|&i| fixtures.is_char_boundary(i))
            .map(|i| &fixtures[..i]);
        let directions = |text: &str| {
            LEAD_DIRECTIONS
                .iter()
                .find_map(|(p, d)| ends_with_phrase(text, p).map(|at| (at, *d)))
        };
        for t in texts.iter().map(String::as_str).chain(prefixes) {
            let at = first_ending(t, AMOUNT_LEADS, &AMOUNT_LEADS_BY_LAST).map(|(at, ())| at);
            assert_eq!(at, leads(t), "{t:?}");
            assert_eq!(first_ending(t, QUALIFIERS, &QUALIFIERS_BY_LAST), walk(t));
            assert_eq!(
                first_ending(t, LEAD_DIRECTIONS, &LEAD_DIRECTIONS_BY_LAST),
                directions(t)
            );
        }
    }

    #[test]
    fn the_last_word_by_bytes_is_the_last_word_by_chars() {
        let mut text = crate::fixture_texts().concat();
        text.push_str(" café  rose\u{a0} x\u{2003}fell 5é up\t\r\n Ωmega ");
        let ends = (0..=text.len()).filter(|&i| text.is_char_boundary(i));
        for end in ends {
            let t = &text[..end];
            assert_eq!(
                last_word_as_written(t),
                last_word_by_chars(t),
                "{:?}",
                &t[t.len().saturating_sub(20)..]
            );
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

    /// `after_direction` as first written, cutting the text at its last space before the
    /// 64th byte: the oracle of the walk over the first two words.
    fn after_direction_by_the_cut(after: &str) -> Option<Direction> {
        let after = after.trim_start();
        let mut cap = (0..=after.len().min(64))
            .rev()
            .find(|&n| after.is_char_boundary(n))
            .unwrap_or(0);
        if !after[cap..].is_empty() && !after[cap..].starts_with(char::is_whitespace) {
            cap = after[..cap].rfind(char::is_whitespace).unwrap_or(0);
        }
        let after = &after[..cap];
        let mut words = after
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty())
            .take(2)
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'));
        let first = words.next()?;
        if !after.trim_start().starts_with(|c: char| c.is_alphabetic()) {
            return None;
        }
        let noun = if holds(YEAR_ON_YEAR, first) {
            words.next()?
        } else {
            first
        };
        match after_word(noun) {
            0 => None,
            bits if bits & AFTER_UP_BIT != 0 => Some(Direction::Up),
            _ => Some(Direction::Down),
        }
    }

    #[test]
    fn the_first_words_read_what_the_cut_text_read_after_every_position() {
        let mut text = crate::fixture_texts().concat();
        let pad = " ".repeat(50);
        text.push_str(&format!(
            " 5% year-on-year{pad}increased, 3%\u{a0}growth, 4%{pad}é increase 9% yoy\tdrop "
        ));
        text.push_str(&format!(
            " 7% {}increase 8% annual{}decline",
            "x".repeat(58),
            " ".repeat(44)
        ));
        text.push_str(" 2% increase\u{a0}x 3% Increase, 4% dropé 5% drop\u{2003}6% ANNUAL\tgrowth 7% -- 8% rise");
        text.push_str(&format!(" 9% {}increase", "a".repeat(47)));
        for (at, _) in text.char_indices() {
            let after = &text[at..];
            assert_eq!(after_direction(after), after_direction_by_chars(after));
            assert_eq!(
                after_direction(after),
                after_direction_by_the_cut(after),
                "{:?}",
                crate::grammar::window(after, 80)
            );
        }
    }

    #[test]
    fn words_after_a_figure_are_read_whole() {
        // Past 64 bytes a word is not read at all, rather than read cut.
        let pad = " ".repeat(50);
        assert_eq!(after_direction(&format!("year-on-year{pad}increased")), None);
        assert_eq!(after_direction(" increase in exports"), Some(Direction::Up));
    }

    fn lead(s: &str, kind: Kind) -> (String, Option<Qualifier>, Option<Direction>) {
        let start = s
            .find("KRW")
            .unwrap_or_else(|| s.find(|c: char| c.is_ascii_digit()).unwrap());
        let c = lead_cue(s, start, kind);
        (s[c.start..].to_string(), c.qualifier, c.direction)
    }

    #[test]
    fn qualifiers_right_before() {
        assert_eq!(
            lead("with approximately KRW 340 billion", Kind::Money).1,
            Some(Qualifier::Approx)
        );
        assert_eq!(lead("over 500 brands", Kind::Count).1, Some(Qualifier::Over));
        assert_eq!(lead("up to 20 percent", Kind::Percent).1, Some(Qualifier::AtMost));
        assert_eq!(lead("no more than 3 firms", Kind::Count).1, Some(Qualifier::AtMost));
        assert_eq!(lead("nearly 90 minutes", Kind::Duration).1, Some(Qualifier::Under));
        assert_eq!(lead("invest over 7 years", Kind::Duration).1, None);
        assert_eq!(lead("for more than 2 years", Kind::Duration).1, Some(Qualifier::Over));
        assert_eq!(lead("the 10 percent mark", Kind::Percent).1, None);
        assert_eq!(lead("sales topped KRW 5 billion", Kind::Money).1, Some(Qualifier::Over));
        assert_eq!(lead("orders exceeds 300 units", Kind::Count).1, Some(Qualifier::Over));
        assert_eq!(lead("close to 40 percent", Kind::Percent).1, Some(Qualifier::Under));
    }

    #[test]
    fn the_change_words_are_a_category() {
        let down = Some(Direction::Down);
        let up = Some(Direction::Up);
        assert_eq!(ctx_dir("prices eased 0.3 percent", "0.3 percent", Kind::Percent), down);
        assert_eq!(ctx_dir("imports sank $2 billion", "$2 billion", Kind::Money), down);
        assert_eq!(ctx_dir("factories shed 12,000 in May", "12,000", Kind::Count), down);
        assert_eq!(ctx_dir("stocks rallied 4%", "4%", Kind::Percent), up);
        assert_eq!(ctx_dir("a 2% uptick in sales", "2%", Kind::Percent), up);
        assert_eq!(ctx_dir("two 1% dips", "1%", Kind::Percent), down);
    }

    #[test]
    fn over_after_a_change_names_its_base() {
        let s = "an increase of 43.2% over USD 291 billion";
        let start = s.find("USD").unwrap();
        let c = lead_cue(s, start, Kind::Money);
        assert_eq!((c.start, c.qualifier), (start, None));
        assert_eq!(lead("a 5 percent rise over 300 firms", Kind::Count).1, None);
        assert_eq!(lead("a rise over KRW 5 billion", Kind::Money).1, None);
        assert_eq!(lead("grew over KRW 5 billion", Kind::Money).1, Some(Qualifier::Over));
        assert_eq!(
            lead("exports exceeded KRW 5 billion", Kind::Money).1,
            Some(Qualifier::Over)
        );
        assert_eq!(lead("output surpassed 40 GW", Kind::Quantity).1, Some(Qualifier::Over));
        assert_eq!(
            lead("the near 6 percent rises", Kind::Percent).1,
            Some(Qualifier::Under)
        );
    }

    #[test]
    fn change_verbs_before_money_and_bare_counts() {
        assert_eq!(
            ctx_dir(
                "Annual imports fell $6.5 billion (10 percent)",
                "$6.5 billion",
                Kind::Money
            ),
            Some(Direction::Down)
        );
        assert_eq!(
            ctx_dir("the gap widened by £0.8 billion", "£0.8 billion", Kind::Money),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir("the gap narrowed £0.3 billion", "£0.3 billion", Kind::Money),
            Some(Direction::Down)
        );
        assert_eq!(
            ctx_dir("payrolls grew 154,000 in May", "154,000", Kind::Count),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir("Surplus Narrows $2 Billion", "$2 Billion", Kind::Money),
            Some(Direction::Down)
        );
        assert_eq!(
            ctx_dir("the agency raised eight concerns", "eight concerns", Kind::Count),
            None
        );
        // Money raised is money collected: a level.
        assert_eq!(
            ctx_dir("the bond sale raised $4 billion", "$4 billion", Kind::Money),
            None
        );
        assert_eq!(
            ctx_dir("the toll was raised by $2", "$2", Kind::Money),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir("exports reached $6.5 billion", "$6.5 billion", Kind::Money),
            None
        );
        assert_eq!(ctx_dir("a 12-month decline", "12-month", Kind::Duration), None);
    }

    #[test]
    fn after_by_the_verb_is_found_past_what_changes() {
        assert_eq!(
            ctx_dir(
                "decided to lower the target range by 1/4 point",
                "1/4 point",
                Kind::Percent
            ),
            Some(Direction::Down)
        );
        assert_eq!(
            ctx_dir("the target share is 5 percent", "5 percent", Kind::Percent),
            None
        );
        assert_eq!(
            ctx_dir(
                "jobs rose, and the rate changed little at 3.9 percent",
                "3.9 percent",
                Kind::Percent
            ),
            None
        );
        assert_eq!(
            ctx_dir("prices stood 0.4% below", "0.4%", Kind::Percent),
            Some(Direction::Down)
        );
    }

    #[test]
    fn an_amount_after_by_finds_its_verb_past_the_object() {
        let down = Some(Direction::Down);
        assert_eq!(
            ctx_dir(
                "the fund will shrink its holdings of notes by $20 billion",
                "$20 billion",
                Kind::Money
            ),
            down
        );
        assert_eq!(
            ctx_dir("stocks are falling at a slow pace, by €9bn a week", "€9bn", Kind::Money),
            down
        );
        assert_eq!(
            ctx_dir(
                "hiring grew by an average of 12,000 workers",
                "12,000 workers",
                Kind::Count
            ),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir(
                "output dropped by a further 3 million tons",
                "3 million tons",
                Kind::Quantity
            ),
            down
        );
        // A figure between stops the look: the amount after `by` belongs to no change.
        assert_eq!(
            ctx_dir("sales rose 5%, driven by $3 billion", "$3 billion", Kind::Money),
            None
        );
        assert_eq!(ctx_dir("the plant is owned by 4 firms", "4 firms", Kind::Count), None);
    }

    #[test]
    fn a_change_noun_before_a_copula() {
        assert_eq!(
            ctx_dir("Wage growth is projected at 2.5%", "2.5%", Kind::Percent),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir("the decline was 1.2 percent", "1.2 percent", Kind::Percent),
            Some(Direction::Down)
        );
        assert_eq!(ctx_dir("Inflation was 3.1 percent", "3.1 percent", Kind::Percent), None);
    }

    #[test]
    fn a_level_named_by_a_noun_before_of() {
        assert_eq!(
            ctx_dir(
                "pay growth slowed to an annual rate of 2.9 percent",
                "2.9 percent",
                Kind::Percent
            ),
            None
        );
        assert_eq!(ctx_dir("the yield rose to a high of 4.4%", "4.4%", Kind::Percent), None);
        assert_eq!(
            ctx_dir("output posted an increase of 4.4%", "4.4%", Kind::Percent),
            Some(Direction::Up)
        );
    }

    #[test]
    fn a_level_named_by_an_article_and_a_noun() {
        assert_eq!(
            ctx_dir(
                "jobs will be cut, and a new levy of 0.2% applies",
                "0.2%",
                Kind::Percent
            ),
            None
        );
        assert_eq!(
            ctx_dir("prices rose under a tariff of 25 percent", "25 percent", Kind::Percent),
            None
        );
        assert_eq!(
            ctx_dir("wages rose by an average of 3%", "3%", Kind::Percent),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir("sales posted a rise of 3%", "3%", Kind::Percent),
            Some(Direction::Up)
        );
    }

    #[test]
    fn every_member_of_a_list_of_levels_is_a_level() {
        for member in ["1.75%", "2.05%", "2.3%"] {
            assert_eq!(
                ctx_dir(
                    "the three rates were cut to 1.75%, 2.05% and 2.3%",
                    member,
                    Kind::Percent
                ),
                None,
                "{member}"
            );
        }
        assert_eq!(
            ctx_dir("sales fell 4%, 3% and 2%", "2%", Kind::Percent),
            Some(Direction::Down)
        );
    }

    #[test]
    fn a_change_verb_or_a_plus_leads_a_change() {
        assert!(follows_change_verb("the deficit widened "));
        assert!(follows_change_verb("Deficit Widens "));
        assert!(!follows_change_verb("output is expected to grow "));
        assert!(follows_change_verb("exports rose nearly "));
        assert!(!follows_change_verb("exports rose, "));
        assert!(!follows_change_verb("a range of "));
        assert!(leads_a_change("wages (+"));
    }

    #[test]
    fn direction_words_join_the_text() {
        assert_eq!(
            lead("Tablets (down 6.4 percent)", Kind::Percent),
            ("down 6.4 percent)".into(), None, Some(Direction::Down))
        );
        assert_eq!(lead("shot up by 47.3 percent", Kind::Percent).0, "up by 47.3 percent");
        assert_eq!(lead("(+1 day)", Kind::Duration).2, Some(Direction::Up));
        assert_eq!(lead("exports take up 31.6 percent", Kind::Percent).2, None);
    }

    fn ctx_dir(s: &str, fig: &str, kind: Kind) -> Option<Direction> {
        let start = s.find(fig).unwrap();
        context_direction(s, start, start + fig.len(), kind)
    }

    #[test]
    fn changes_are_not_ranges() {
        assert!(leads_a_change("insurance increased by "));
        assert!(leads_a_change("exports rose from "));
        assert!(leads_a_change("up from "));
        assert!(!leads_a_change("prices range from "));
        assert!(leads_a_change("sales fell 25 percent from "));
        assert!(leads_a_change("rose by 3.5% from "));
        assert!(!leads_a_change("rose in 12 regions from "));
        assert!(!leads_a_change("from "));
    }

    #[test]
    fn verbs_and_nouns_give_direction() {
        assert_eq!(
            ctx_dir(
                "Chip exports increased 17.9 percent as prices rose",
                "17.9 percent",
                Kind::Percent
            ),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir(
                "Output went down 6.3 percent, 2.2 percent, and 0.7 percent",
                "0.7 percent",
                Kind::Percent
            ),
            Some(Direction::Down)
        );
        assert_eq!(
            ctx_dir(
                "Kiosks saw a 3.3 percent decline in sales",
                "3.3 percent",
                Kind::Percent
            ),
            Some(Direction::Down)
        );
        assert_eq!(
            ctx_dir("on a 14.6-percent increase", "14.6-percent", Kind::Percent),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir(
                "Exports rose, and the share accounted for 20 percent",
                "20 percent",
                Kind::Percent
            ),
            None
        );
        assert_eq!(
            ctx_dir(
                "Imports slid 3.7 percent to $15.2 billion",
                "$15.2 billion",
                Kind::Money
            ),
            None
        );
        assert_eq!(
            ctx_dir("sales increased by USD 2 billion", "USD 2 billion", Kind::Money),
            Some(Direction::Up)
        );
        assert_eq!(
            ctx_dir(
                "the online share rose 0.4 points to 31.2 percent",
                "31.2 percent",
                Kind::Percent
            ),
            None
        );
        assert_eq!(
            ctx_dir(
                "losses shrank to 2.5 percent, compared with 3.1 percent before",
                "3.1 percent",
                Kind::Percent
            ),
            None
        );
        assert_eq!(ctx_dir("trimming fees for farms by 12%", "12%", Kind::Percent), None);
        assert_eq!(
            ctx_dir("cutting fees for farms by 12%", "12%", Kind::Percent),
            Some(Direction::Down)
        );
        assert_eq!(ctx_dir("in Q2 2024 more than doubling", "Q2 2024", Kind::Date), None);
        assert_eq!(
            ctx_dir("hybrids take up 31.6 percent", "31.6 percent", Kind::Percent),
            None
        );
    }
}
