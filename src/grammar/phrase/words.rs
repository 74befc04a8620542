//! The word tests of the model: the stop, plural and role lists, and a token's word
//! lowered once for all of them.

use super::tokens::Tok;
use crate::grammar::with_lower;
use crate::words::lowered;

/// Words that end a noun phrase before them (the `STOP` list), lower-cased: a `match` on
/// bytes, which compiles to a decision tree instead of a walk over the list.
#[rustfmt::skip]
fn stop(lower: &[u8]) -> bool {
    matches!(lower,
        // determiners
        b"a" | b"an" | b"the" | b"this" | b"that" | b"these" | b"those" | b"each" | b"every" | b"any" | b"all"
        | b"both" | b"its" | b"their" | b"his" | b"her" | b"our" | b"my" | b"your" | b"such" | b"some" | b"no"
        | b"another"
        // prepositions
        | b"of" | b"in" | b"on" | b"at" | b"to" | b"for" | b"from" | b"with" | b"by" | b"into" | b"onto" | b"over"
        | b"under" | b"across" | b"through" | b"throughout" | b"during" | b"between" | b"among" | b"amid" | b"per"
        | b"via" | b"including" | b"despite" | b"against" | b"within" | b"without" | b"after" | b"before"
        | b"since" | b"until" | b"till" | b"toward" | b"towards" | b"about" | b"around" | b"as" | b"like"
        | b"than" | b"upon" | b"along" | b"beyond" | b"versus" | b"vs" | b"near" | b"behind" | b"above"
        | b"below" | b"besides" | b"except" | b"excluding" | b"regarding" | b"following" | b"plus" | b"ago"
        | b"later" | b"earlier"
        // conjunctions (`each` is among the determiners)
        | b"and" | b"or" | b"but" | b"nor" | b"while" | b"whereas" | b"because" | b"so" | b"if" | b"although"
        | b"though" | b"yet" | b"whether" | b"then" | b"respectively" | b"also" | b"only" | b"not" | b"alone"
        // auxiliaries
        | b"is" | b"are" | b"was" | b"were" | b"be" | b"been" | b"being" | b"has" | b"have" | b"had" | b"will"
        | b"would" | b"can" | b"could" | b"may" | b"might" | b"must" | b"shall" | b"should" | b"do" | b"does"
        | b"did"
        // irregular past tenses and adverbs that follow a subject (`1 new substation went`)
        | b"went" | b"came" | b"took" | b"made" | b"began" | b"became" | b"grew" | b"rose" | b"fell" | b"held"
        | b"met" | b"left" | b"gave" | b"ran" | b"led" | b"built" | b"sold" | b"bought" | b"brought" | b"paid"
        | b"kept" | b"stood" | b"said" | b"told" | b"spent" | b"sent" | b"drew" | b"saw" | b"got" | b"now"
        | b"already" | b"still" | b"currently"
        // pronouns and relative words
        | b"who" | b"whom" | b"whose" | b"which" | b"where" | b"when" | b"what" | b"it" | b"they" | b"them"
        | b"we" | b"us" | b"he" | b"she" | b"i" | b"you" | b"there" | b"here"
        // spelled numbers: a new figure
        | b"one" | b"two" | b"three" | b"four" | b"five" | b"six" | b"seven" | b"eight" | b"nine" | b"ten"
        | b"hundred" | b"thousand" | b"million" | b"billion" | b"trillion"
    )
}

/// Plural nouns without a final `s`, lower-cased.
fn irregular_plural(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"people"
            | b"children"
            | b"men"
            | b"women"
            | b"staff"
            | b"personnel"
            | b"police"
            | b"cattle"
            | b"aircraft"
            | b"data"
            | b"media"
            | b"criteria"
            | b"livestock"
            // The rest of the category (issue 14 audit): plurals without an `s`, and
            // `head`, the plural of animals counted (`1.3 million head of cattle`).
            | b"head"
            | b"sheep"
            | b"fish"
            | b"deer"
            | b"swine"
            | b"poultry"
            | b"spacecraft"
            | b"watercraft"
            | b"geese"
            | b"mice"
            | b"oxen"
            | b"teeth"
            | b"offspring"
            | b"alumni"
    )
}

/// Words ending in `s` that are not plural nouns (the `NOT_PLURAL` list), lower-cased.
#[rustfmt::skip]
fn not_plural(lower: &[u8]) -> bool {
    matches!(lower,
        b"overseas" | b"news" | b"gas" | b"its" | b"this" | b"has" | b"was" | b"is" | b"as" | b"us" | b"yes"
        | b"whereas" | b"plus" | b"always" | b"perhaps" | b"thus" | b"besides" | b"less" | b"times"
        | b"sometimes" | b"afterwards" | b"towards" | b"across" | b"whereabouts"
    )
}

/// Role nouns a personal name follows (`Vice Minister Park Il-jun`): an ordinal's phrase
/// ends there. Lower-cased.
pub(super) fn role(lower: &[u8]) -> bool {
    matches!(
        lower,
        b"minister"
            | b"president"
            | b"chairman"
            | b"chairwoman"
            | b"chairperson"
            | b"director"
            | b"ambassador"
            | b"secretary"
            | b"commissioner"
            | b"governor"
            | b"mayor"
            | b"administrator"
            | b"ceo"
            | b"envoy"
            | b"spokesperson"
            | b"spokesman"
    )
}

/// A function word of the model (`all`, `the`, `of`...), in any case.
pub fn is_stop_word(word: &str) -> bool {
    // Lower-cased on the stack: the list is ASCII and its longest word (`respectively`)
    // has 12 letters, so a longer word is none of it (nor a non-ASCII one, left as is).
    let mut buf = [0u8; 12];
    lowered(&mut buf, word.as_bytes()).is_some_and(stop)
}

/// The token ends a phrase before it: a stop word or a number.
pub(super) fn ends_phrase(tok: &Tok) -> bool {
    if tok.abbrev {
        return false;
    }
    tok.text.starts_with(|c: char| c.is_ascii_digit()) || is_stop_word(tok.text)
}

/// A plural noun: irregular plurals, or a word in `s` (not `ss`, `us`, `is`, `ous`); an
/// all-capitals word (`ADAS`, `ESS`) is an abbreviation, plural only as `SMEs`, `MOUs`.
pub(super) fn is_plural(word: &str) -> bool {
    // Lower-cased on the stack as bytes (ASCII letters only: the lists are ASCII).
    let mut buf = [0u8; 32];
    match lowered(&mut buf, word.as_bytes()) {
        Some(lower) => is_plural_lowered(word.as_bytes(), lower),
        None => is_plural_lowered(word.as_bytes(), word.to_ascii_lowercase().as_bytes()),
    }
}

/// `is_plural` of `word`, given `lower`, its ASCII letters lower-cased.
fn is_plural_lowered(word: &[u8], lower: &[u8]) -> bool {
    if irregular_plural(lower) {
        return true;
    }
    // The tests are on ASCII letters: a word that ends otherwise is no plural in `s`.
    if word.last() != Some(&b's') || not_plural(lower) {
        return false;
    }
    // `MOUs`, `CEOs`, `EVs`: an abbreviation with a plural `s`.
    let stem = &word[..word.len() - 1];
    if stem.len() >= 2 && stem.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
        return true;
    }
    let last_part = lower.rsplit(|&b| b == b'-').next().unwrap_or(lower);
    last_part.len() >= 3 && ![b"ss", b"us", b"is"].iter().any(|e| last_part.ends_with(*e))
}

/// `ends_phrase` of `tok`, given its word lowered (`None` past 32 bytes).
pub(super) fn ends_phrase_lowered(lower: Option<&[u8]>, tok: &Tok) -> bool {
    !tok.abbrev && (tok.text.starts_with(|c: char| c.is_ascii_digit()) || lower.is_some_and(stop))
}

/// `is_plural` of `tok`'s word, given it lowered (`None` past 32 bytes).
pub(super) fn plural_lowered(lower: Option<&[u8]>, tok: &Tok) -> bool {
    match lower {
        Some(lower) => is_plural_lowered(tok.text.as_bytes(), lower),
        None => is_plural(tok.text),
    }
}

/// A token's word lowered once on the stack (ASCII letters only; `None` past 32 bytes),
/// for the word tests of the walks, each of which would lower it again.
pub(super) struct Lowered {
    buf: [u8; 32],
    len: Option<usize>,
}

impl Lowered {
    pub(super) fn of(tok: &Tok) -> Lowered {
        let mut buf = [0u8; 32];
        let len = lowered(&mut buf, tok.text.as_bytes()).map(<[u8]>::len);
        Lowered { buf, len }
    }

    fn get(&self) -> Option<&[u8]> {
        self.buf.get(..self.len?)
    }

    /// `ends_phrase`: a number or a stop word (no stop word is longer than 12 bytes).
    pub(super) fn ends_phrase(&self, tok: &Tok) -> bool {
        ends_phrase_lowered(self.get(), tok)
    }

    /// `is_plural` of the token's word.
    pub(super) fn plural(&self, tok: &Tok) -> bool {
        plural_lowered(self.get(), tok)
    }

    /// A past participle's shape: more than 3 bytes ending in `ed`.
    pub(super) fn participle(&self, tok: &Tok) -> bool {
        match self.get() {
            Some(lower) => lower.len() > 3 && lower.ends_with(b"ed"),
            None => with_lower(tok.text, |lower| lower.len() > 3 && lower.ends_with("ed")),
        }
    }

    /// `role` of the token's word.
    pub(super) fn role(&self, tok: &Tok) -> bool {
        match self.get() {
            Some(lower) => role(lower),
            None => with_lower(tok.text, |lower| role(lower.as_bytes())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::phrase::singular_phrase;

    #[test]
    fn word_lists_in_any_case() {
        for w in ["The", "RESPECTIVELY", "currently", "I", "trillion", "each"] {
            assert!(is_stop_word(w), "{w}");
        }
        for w in ["", "them\u{2019}s", "respectivelyy", "other", "th\u{e9}", "\u{212a}"] {
            assert!(!is_stop_word(w), "{w}");
        }
        assert!(is_plural("Livestock") && is_plural("PEOPLE") && is_plural("EVs"));
        assert!(!is_plural("Overseas") && !is_plural("WHEREABOUTS") && !is_plural("status"));
        assert_eq!(singular_phrase(" Deputy Spokesperson Kim").unit, "deputy spokesperson");
    }

    /// `is_plural` as first written, on `str`s: the oracle of the byte tests.
    fn is_plural_by_strs(word: &str) -> bool {
        with_lower(word, |lower| {
            if irregular_plural(lower.as_bytes()) {
                return true;
            }
            if not_plural(lower.as_bytes()) || !word.ends_with('s') {
                return false;
            }
            let stem = &word[..word.len() - 1];
            if stem.len() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
                return true;
            }
            let last_part = lower.rsplit('-').next().unwrap_or(lower);
            last_part.len() >= 3 && !["ss", "us", "is"].iter().any(|e| last_part.ends_with(e))
        })
    }

    #[test]
    fn plurals_by_bytes_are_plurals_by_strs() {
        let text = crate::fixture_texts().concat();
        let mut words: Vec<String> = text.split_whitespace().map(String::from).collect();
        words.extend(
            [
                "MOUs",
                "MOUS",
                "1Qs",
                "Ås",
                "café-owners",
                "x-is",
                "bus",
                "gas",
                "GASES",
                "e-s",
                "s",
                "",
                "ÉVs",
            ]
            .map(String::from),
        );
        for w in &words {
            assert_eq!(is_plural(w), is_plural_by_strs(w), "{w}");
        }
    }
}
