//! The classification of a word: one table look-up gives the bits of every word list it is
//! in, with bits of its shape.

use std::cell::Cell;
use std::sync::LazyLock;

use super::wordlists::*;
use crate::grammar::cues::direction_words;
use crate::words::{WordBits, key_hash, key_of, short_key};

/// A word standing alone is a verb: not a never-verb or headline verb, and a listed verb,
/// a direction word, or a regular `-ed`/`-ing` form of a lowercase plain word
/// (`Gwangyang-based` and names are not).
pub(super) fn is_verb(word: &str) -> bool {
    classify(word).0 & IS_VERB != 0
}

// The class of a word: one bit per word list it is in (compared as `in_words` does, ASCII
// case-insensitively), then bits of its shape. Every word token is classified once, with
// one table look-up, so that the rules test bits instead of walking lists.
pub(super) const VERB: u64 = 1;
pub(super) const NEVER: u64 = 1 << 1;
pub(super) const HEADLINE: u64 = 1 << 2;
pub(super) const NOT_PARTICIPLE: u64 = 1 << 3;
pub(super) const MODAL: u64 = 1 << 4;
pub(super) const BACK_STOP: u64 = 1 << 5;
pub(super) const FORWARD_STOP: u64 = 1 << 6;
pub(super) const LEAD: u64 = 1 << 7;
pub(super) const TAIL: u64 = 1 << 8;
pub(super) const GENERIC_WORD: u64 = 1 << 9;
pub(super) const DIRECTION: u64 = 1 << 10;
pub(super) const AUX: u64 = 1 << 11;
pub(super) const ARTICLE: u64 = 1 << 12;
pub(super) const DETERMINER: u64 = 1 << 13;
pub(super) const NOT_NOUN: u64 = 1 << 14;
pub(super) const COUNT_PREP: u64 = 1 << 15;
pub(super) const PASSIVE: u64 = 1 << 16;
pub(super) const TO: u64 = 1 << 17;
pub(super) const AND: u64 = 1 << 18;
pub(super) const BEFORE_STOP: u64 = 1 << 19;
pub(super) const PAREN_STOP: u64 = 1 << 20;
pub(super) const RELATIVE_STOP: u64 = 1 << 21;
pub(super) const WORTH: u64 = 1 << 22;
pub(super) const OF: u64 = 1 << 23;
pub(super) const IN: u64 = 1 << 24;
pub(super) const AT: u64 = 1 << 25;
pub(super) const VALUED: u64 = 1 << 26;
pub(super) const MONEY_PREP: u64 = 1 << 27;
pub(super) const A: u64 = 1 << 28;
pub(super) const TOTAL: u64 = 1 << 29;
pub(super) const PERIOD: u64 = 1 << 30;
pub(super) const DATE_PREP: u64 = 1 << 31;
pub(super) const RELATIVE: u64 = 1 << 32;
pub(super) const RUN_JOIN: u64 = 1 << 33;
pub(super) const CLAUSE_OPEN: u64 = 1 << 34;
pub(super) const OBJECT_LINK: u64 = 1 << 35;
pub(super) const NOT_OBJECT: u64 = 1 << 36;
pub(super) const OBJECT_BREAK: u64 = 1 << 37;
pub(super) const NOUN_ARTICLE: u64 = 1 << 38;
pub(super) const NAME_LINK: u64 = 1 << 39;
pub(super) const ADVERB: u64 = 1 << 40;
pub(super) const BASE: u64 = 1 << 41;
pub(super) const SHARE: u64 = 1 << 42;
pub(super) const PRONOUN: u64 = 1 << 43;
pub(super) const COPULA: u64 = 1 << 44;
pub(super) const COMPARED: u64 = 1 << 45;
pub(super) const PREPOSITION: u64 = 1 << 46;
pub(super) const TIME: u64 = 1 << 47;
pub(super) const SURPASS: u64 = 1 << 48;

/// The lists, with their bits (all below `SHAPE`).
pub(super) const LISTS: &[(&[&str], u64)] = &[
    (VERBS, VERB),
    (SURPASS_VERBS, VERB),
    (SURPASS_VERBS, SURPASS),
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
    (&["up", "down", "further", "more", "less", "a", "an"], NOT_OBJECT),
    (&["by", "to", "in", "from"], OBJECT_BREAK),
    (&["a", "an", "the", "its", "their", "this"], NOUN_ARTICLE),
    (&["for", "of"], NAME_LINK),
    (ADVERBS, ADVERB),
    (BASE_WORDS, BASE),
    (SHARE_WORDS, SHARE),
    (PRONOUNS, PRONOUN),
    (COPULAS, COPULA),
    (&["compared", "compare", "compares", "comparing", "relative"], COMPARED),
    (PREPOSITIONS, PREPOSITION),
    (TIME_NOUNS, TIME),
];

/// Bits from here on are shape bits, and what follows from lists and shape together.
pub(super) const SHAPE: u64 = 1 << 49;

/// `is_verb`: the word standing alone is a verb.
pub(super) const IS_VERB: u64 = SHAPE;

/// A listed verb or a direction word that can be a verb (`verb_at`).
pub(super) const VERB_LISTED: u64 = SHAPE << 1;

/// Starts with an uppercase letter.
pub(super) const UPPER: u64 = SHAPE << 2;

/// Only ASCII lowercase letters.
pub(super) const BARE: u64 = SHAPE << 3;

/// Only ASCII lowercase letters and hyphens.
pub(super) const LOWER_HYPHEN: u64 = SHAPE << 4;

/// Ends with `ly`.
pub(super) const ENDS_LY: u64 = SHAPE << 5;

/// Ends with one `s` (`markets`, not `express`).
pub(super) const PLURAL: u64 = SHAPE << 6;

/// Holds an ASCII digit.
pub(super) const DIGIT: u64 = SHAPE << 7;

/// Counts for `title_case`: longer than 3 bytes, with a letter.
pub(super) const TITLE_WORD: u64 = SHAPE << 8;

/// In lower case, an adverb in `-ly` of more than 4 bytes, not `-ply` (`phrase` drops it at the end).
pub(super) const TAIL_LY: u64 = SHAPE << 9;

/// Every word of `LISTS` and of the direction words, with the bits of the lists it is in.
pub(super) static TABLE: LazyLock<WordBits> = LazyLock::new(|| {
    let listed = LISTS
        .iter()
        .flat_map(|&(list, bit)| list.iter().map(move |w| (*w, bit)));
    WordBits::new(listed.chain(direction_words().map(|w| (w, DIRECTION))))
});

/// The list bits of a word that is already lower case.
pub(super) fn lists_of(lower: &[u8]) -> u64 {
    TABLE.get_lower(lower)
}

/// The list bits of `word` compared as `in_words` does: ASCII case-insensitively. They are
/// the class bits below `SHAPE`: read from the cache of `classify`, which the words of a
/// subject mostly hit (they are words of its sentence).
pub(super) fn lists(word: &str) -> u64 {
    let bits = classify_cached(word).0 & (SHAPE - 1);
    debug_assert_eq!(bits, TABLE.get(word), "{word}");
    bits
}

// What `classify` asks of each byte of a word, as bits of `BYTE_KINDS` (above the
// byte's ASCII lower case, in the low byte).
const NOT_LOWER: u16 = 1 << 8;
const NOT_LOWER_HYPHEN: u16 = 1 << 9;
const DIGIT_BYTE: u16 = 1 << 10;
const LETTER: u16 = 1 << 11;
const NOT_ASCII: u16 = 1 << 12;

const fn byte_flag(cond: bool, bit: u16) -> u16 {
    if cond { bit } else { 0 }
}

/// The kinds of every byte value, with its ASCII lower case: one load per byte.
static BYTE_KINDS: [u16; 256] = {
    let mut t = [0u16; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.to_ascii_lowercase() as u16
            | byte_flag(!c.is_ascii_lowercase(), NOT_LOWER)
            | byte_flag(!c.is_ascii_lowercase() && c != b'-', NOT_LOWER_HYPHEN)
            | byte_flag(c.is_ascii_digit(), DIGIT_BYTE)
            | byte_flag(c.is_ascii_alphabetic(), LETTER)
            | byte_flag(!c.is_ascii(), NOT_ASCII);
        b += 1;
    }
    t
};

/// The class of a word (list bits and shape bits), and the list bits of its Unicode lower
/// case, which the rules that lower-case a word with `to_lowercase` compare.
pub(super) fn classify(word: &str) -> (u64, u64) {
    let bytes = word.as_bytes();
    let len = bytes.len();
    // One pass over the bytes: the shape, as the union of the byte kinds, and the word
    // lower-cased into `buf` for the look-up. A table per byte, not tests: short words
    // are the rule, and the vectorized tests cost more than they save on them.
    let mut buf = [0u8; 16];
    let mut kinds = 0u16;
    if len <= buf.len() {
        for (o, &b) in buf.iter_mut().zip(bytes) {
            let k = BYTE_KINDS[usize::from(b)];
            *o = k as u8;
            kinds |= k;
        }
    } else {
        for &b in bytes {
            kinds |= BYTE_KINDS[usize::from(b)];
        }
    }
    let (not_lower, not_lower_hyphen) = (kinds & NOT_LOWER != 0, kinds & NOT_LOWER_HYPHEN != 0);
    let (digit, letter, ascii) = (kinds & DIGIT_BYTE != 0, kinds & LETTER != 0, kinds & NOT_ASCII == 0);
    let flag = |cond: bool, bit: u64| if cond { bit } else { 0 };
    let shape = flag(!not_lower, BARE) | flag(!not_lower_hyphen, LOWER_HYPHEN) | flag(digit, DIGIT);
    // A word longer than `buf` is longer than every listed word; `in_words` compares ASCII
    // only, so a non-ASCII word is in no list, but its lower case may be (the Kelvin sign
    // lowers to `k`).
    let listed = if ascii && len <= buf.len() {
        TABLE.get_key(&key_of(buf, len))
    } else {
        0
    };
    let lower = if ascii {
        listed
    } else {
        lists_of(word.to_lowercase().as_bytes())
    };
    let has = |bit: u64| lower & bit != 0;
    // The last three bytes, zero before the start (no suffix tested holds a zero byte).
    let [e3, e2, e1] = match bytes {
        [.., a, b, c] => [*a, *b, *c],
        [b, c] => [0, *b, *c],
        [c] => [0, 0, *c],
        [] => [0; 3],
    };
    let ends_ly = e2 == b'l' && e1 == b'y';
    // `is_verb`: the listed verb and direction tests read the word lower-cased, the
    // never-verb test reads it as `in_words` does.
    let not_verb = listed & (NEVER | HEADLINE) != 0;
    let regular = shape & BARE != 0
        && len > 4
        && ((e2 == b'e' && e1 == b'd') || (e3 == b'i' && e2 == b'n' && e1 == b'g'))
        && !has(NOT_PARTICIPLE);
    let is_verb = !not_verb && (has(VERB | COPULA) || has(DIRECTION) || regular);
    let verb_listed = has(VERB | COPULA) || (has(DIRECTION) && !has(NEVER | HEADLINE));
    let tail_ly = if ascii {
        let [l3, l2, l1] = [e3, e2, e1].map(|b| b.to_ascii_lowercase());
        len > 4 && l2 == b'l' && l1 == b'y' && l3 != b'p'
    } else {
        let l = word.to_lowercase();
        l.len() > 4 && l.ends_with("ly") && !l.ends_with("ply")
    };
    let upper = match bytes.first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.starts_with(char::is_uppercase),
    };
    let title_word = len > 3 && (letter || (!ascii && word.chars().any(char::is_alphabetic)));
    debug_assert_eq!(title_bits(word), flag(upper, UPPER) | flag(title_word, TITLE_WORD));
    let class = listed
        | shape
        | flag(is_verb, IS_VERB)
        | flag(verb_listed, VERB_LISTED)
        | flag(upper, UPPER)
        | flag(ends_ly, ENDS_LY)
        | flag(e1 == b's' && e2 != b's', PLURAL)
        | flag(title_word, TITLE_WORD)
        | flag(tail_ly, TAIL_LY);
    (class, lower)
}

/// log2 of the slots of the cache of `classify`.
const CACHE_BITS: u32 = 12;

thread_local! {
    /// The last classes found, one per slot (direct-mapped): `[key of the word as it is
    /// written (see `key_of`), class, lower]`, empty while its length is 0. A few short
    /// words (`the`, `of`, `exports`) make most of the text.
    static CACHE: [[Cell<u64>; 5]; 1 << CACHE_BITS] = const { [const { [const { Cell::new(0) }; 5] }; 1 << CACHE_BITS] };
}

/// `classify`, remembered per thread for words of at most 16 bytes. Inlined: most words
/// are found in the cache, a key and a compare; the rest are classified out of line.
#[inline]
pub(super) fn classify_cached(word: &str) -> (u64, u64) {
    let bytes = word.as_bytes();
    let Some(key) = short_key(bytes).filter(|_| !bytes.is_empty()) else {
        return classify(word);
    };
    let slot = (key_hash(&key) >> (64 - CACHE_BITS)) as usize;
    // The slot is read a number at a time (a copy of it whole, to compare, took 0.2M
    // instructions more on the 1 MB bench corpus).
    let cached = CACHE.try_with(|cache| {
        let e = cache.get(slot)?;
        let hit = e[0].get() == key[0] && e[1].get() == key[1] && e[2].get() == key[2];
        hit.then(|| (e[3].get(), e[4].get()))
    });
    let found = match cached {
        Ok(Some(found)) => found,
        _ => classify_into_cache(word, key, slot),
    };
    debug_assert_eq!(found, classify(word), "{word}");
    found
}

/// `classify` of a word not in the cache, kept in its slot (`key`, `slot` as
/// `classify_cached` finds them).
#[cold]
#[inline(never)]
fn classify_into_cache(word: &str, key: [u64; 3], slot: usize) -> (u64, u64) {
    let (class, lower) = classify(word);
    let _ = CACHE.try_with(|cache| {
        if let Some(entry) = cache.get(slot) {
            for (cell, value) in entry.iter().zip([key[0], key[1], key[2], class, lower]) {
                cell.set(value);
            }
        }
    });
    (class, lower)
}

/// `UPPER` and `TITLE_WORD` of `word` as `classify` finds them, at less cost: the
/// tokens keep them for `title_case`, which reads every word.
pub(super) fn title_bits(word: &str) -> u64 {
    let upper = match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => word.starts_with(char::is_uppercase),
    };
    // An ASCII letter, or (in a word that is not all ASCII) any alphabetic character.
    let title_word = word.len() > 3
        && (word.bytes().any(|b| b.is_ascii_alphabetic())
            || (!word.is_ascii() && word.chars().any(char::is_alphabetic)));
    (if upper { UPPER } else { 0 }) | (if title_word { TITLE_WORD } else { 0 })
}

/// True when `w` is in the list of `bit`, ASCII case-insensitively (as `in_words`).
pub(super) fn in_list(bit: u64, w: &str) -> bool {
    lists(w) & bit != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// `lists`, read from the cache of `classify`, is the table's answer for any word.
        #[test]
        fn lists_are_the_tables(picks in proptest::collection::vec(0..10usize, 0..4)) {
            const PIECES: [&str; 10] = ["of", "The", "month", "s", "-", "é", "ly", "EACH", "respectively", "x"];
            let w: String = picks.iter().map(|&n| PIECES[n]).collect();
            proptest::prop_assert_eq!(lists(&w), TABLE.get(&w), "{:?}", w);
        }
    }

    /// A word's lists are its class below `SHAPE`: one look-up answers both.
    #[test]
    fn the_class_holds_the_lists() {
        let odd = [
            "",
            "X",
            "\u{212a}",
            "Übersee",
            "RESPECTIVELY",
            "a-very-long-hyphenated-word",
            "Rose's",
        ];
        for w in LISTS.iter().flat_map(|(words, _)| words.iter().copied()).chain(odd) {
            for w in [w.to_string(), w.to_ascii_uppercase()] {
                assert_eq!(classify(&w).0 & (SHAPE - 1), TABLE.get(&w), "{w}");
                assert_eq!(lists(&w), TABLE.get(&w), "{w}");
            }
        }
    }

    #[test]
    fn classification_table() {
        use crate::grammar::cues::word_direction;
        let in_words = |list: &[&str], word: &str| list.iter().any(|w| w.eq_ignore_ascii_case(word));
        // Every listed word gets its list's bit, in any ASCII case, and is itself lower-case
        // ASCII (the table is looked up with the lower-cased word).
        for &(list, bit) in LISTS {
            assert!(bit < SHAPE);
            for w in list {
                assert!(w.len() <= 16 && !w.bytes().any(|b| b.is_ascii_uppercase()), "{w}");
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
}
