//! What ends the text before a figure: a listed phrase (`PhraseEnds`, `first_ending`) or its last word.

use crate::words::{ascii_space, with_lower};

use super::lists::{LEAD_DIRECTIONS, QUALIFIERS};

/// Case-insensitive: `text` ends with the whole-word `phrase` (lower-case ASCII letters and
/// spaces); returns where it starts. Bytes, from the end: most tries fail on the last
/// letters. A match of ASCII bytes starts on a character.
pub(super) fn ends_with_phrase(text: &str, phrase: &str) -> Option<usize> {
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
pub(super) struct PhraseEnds {
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
pub(super) const fn by_last_letter<T: Copy>(list: &[(&str, T)]) -> PhraseEnds {
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

pub(super) static QUALIFIERS_BY_LAST: PhraseEnds = by_last_letter(QUALIFIERS);
pub(super) static LEAD_DIRECTIONS_BY_LAST: PhraseEnds = by_last_letter(LEAD_DIRECTIONS);

/// The first phrase of `list` (in its order) that ends `text`, as a whole word, with
/// where it starts. `by_last` is the list's `by_last_letter` table.
pub(super) fn first_ending<T: Copy>(text: &str, list: &[(&str, T)], by_last: &PhraseEnds) -> Option<(usize, T)> {
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

/// Calls `f` with the last word of `text` (letters only), lowercased on the stack.
pub(super) fn with_last_word<R>(text: &str, f: impl FnOnce(&str) -> R) -> R {
    with_lower(last_word_as_written(text), f)
}

/// The last word of `text` (letters only), as written: no copy. Bytes; where a byte
/// beyond ASCII ends the white space or the word, `last_word_by_chars` reads it.
pub(super) fn last_word_as_written(text: &str) -> &str {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grammar::cues::{AMOUNT_LEADS, AMOUNT_LEADS_BY_LAST};
    use crate::model::{Direction, Qualifier};

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
}
