//! The unit of a phrase: its words lower-cased and joined by single spaces, from the words
//! its walk kept or by reading them again.

use super::MAX_WORDS;
use super::tokens::next_token;
use crate::words::lowered;

/// The unit: the lower-cased tokens from `i` up to `end` (a later suffix of `i`), joined
/// by single spaces. Built once a phrase is known to be kept, by reading its tokens again.
pub(super) fn unit_until(i: &str, end: &str) -> String {
    // The phrase's text is as long as its unit or longer (ASCII lowered in place, gaps of
    // one space or more): one allocation, not one per word the unit outgrows.
    let mut unit = String::with_capacity(i.len().saturating_sub(end.len()));
    let mut at = i;
    while at.len() > end.len() {
        let Some(t) = next_token(at) else { break };
        push_word(&mut unit, t.text);
        at = t.after;
    }
    unit
}

/// `word` lower-cased at the end of `unit`, after a space unless it is the first.
fn push_word(unit: &mut String, word: &str) {
    if !unit.is_empty() {
        unit.push(' ');
    }
    if word.is_ascii() {
        let from = unit.len();
        unit.push_str(word);
        unit[from..].make_ascii_lowercase();
    } else {
        unit.push_str(&word.to_lowercase());
    }
}

/// The span of `i` from the first of `texts` (pieces of `i`, in order) to the end of the
/// last, when it is ASCII and the pieces stand exactly one space apart: that span is the
/// pieces joined by single spaces. `None` for no pieces or any other gap.
fn single_spaced_ascii<'a>(i: &'a str, texts: &[&str]) -> Option<&'a str> {
    let offset = |t: &str| (t.as_ptr() as usize).wrapping_sub(i.as_ptr() as usize);
    let (first, last) = (texts.first()?, texts.last()?);
    let bytes = i.as_bytes();
    for pair in texts.windows(2) {
        let gap = offset(pair[0]).wrapping_add(pair[0].len());
        if offset(pair[1]) != gap.wrapping_add(1) || bytes.get(gap) != Some(&b' ') {
            return None;
        }
    }
    let span = i.get(offset(first)..offset(last).wrapping_add(last.len()))?;
    span.is_ascii().then_some(span)
}

/// The words of a phrase as its walk reads them, kept to build the unit without reading
/// them again; a phrase of more words (a long run of plurals) is read again instead.
pub(super) struct Words<'a> {
    pub(super) texts: [&'a str; Words::KEPT],
    pub(super) len: usize,
}

impl<'a> Words<'a> {
    const KEPT: usize = 2 * MAX_WORDS;

    pub(super) fn new() -> Words<'a> {
        Words {
            texts: [""; Words::KEPT],
            len: 0,
        }
    }

    /// Words not kept: the unit is read again.
    pub(super) fn unknown() -> Words<'a> {
        Words {
            texts: [""; Words::KEPT],
            len: Words::KEPT + 1,
        }
    }

    pub(super) fn push(&mut self, text: &'a str) {
        if let Some(slot) = self.texts.get_mut(self.len) {
            *slot = text;
        }
        self.len += 1;
    }

    /// The unit of the phrase from `i` to `end` whose words these are.
    pub(super) fn unit(&self, i: &str, end: &str) -> String {
        let Some(texts) = self.texts.get(..self.len) else {
            return unit_until(i, end);
        };
        // Nearly always the words stand one space apart: the unit is then their span of
        // the text, lower-cased, in one copy rather than a word at a time.
        if let Some(span) = single_spaced_ascii(i, texts) {
            let mut unit = String::from(span);
            unit.make_ascii_lowercase();
            return unit;
        }
        let mut unit = String::with_capacity(i.len().saturating_sub(end.len()));
        for text in texts {
            push_word(&mut unit, text);
        }
        unit
    }
}

/// The unit of a walk, written as its words are lowered for the word tests: each word is
/// lowered once for both. Given up (the unit read again) for a word that is not ASCII,
/// longer than 32 bytes or past the buffer.
pub(super) struct UnitBuf {
    buf: [u8; 64],
    /// The unit's length: the words kept so far, one space apart.
    len: usize,
    /// Where the word lowered last ends.
    next: usize,
    whole: bool,
}

impl UnitBuf {
    pub(super) fn new() -> UnitBuf {
        UnitBuf {
            buf: [0; 64],
            len: 0,
            next: 0,
            whole: true,
        }
    }

    /// `word` lowered after the words kept (`Lowered::get` of its token: `None` past 32
    /// bytes); kept by `keep`, else written over by the next.
    pub(super) fn lower(&mut self, word: &str) -> Option<&[u8]> {
        let word = word.as_bytes();
        if word.len() > 32 {
            self.whole = false;
            self.next = self.len;
            return None;
        }
        let mut start = self.len + usize::from(self.len > 0);
        if start + word.len() > self.buf.len() {
            // The unit is read again: the buffer is only the word's from here on.
            self.whole = false;
            self.len = 0;
            start = 0;
        } else if start > 0 {
            self.buf[start - 1] = b' ';
        }
        self.next = start + word.len();
        lowered(&mut self.buf[start..], word)
    }

    /// The word lowered last goes on the unit.
    pub(super) fn keep(&mut self) {
        self.len = self.next;
    }

    /// The unit of the phrase from `i` to `end` whose words were kept.
    pub(super) fn into_unit(self, i: &str, end: &str) -> String {
        // ASCII words lowered are the words as `push_word` lowers them.
        match crate::words::ascii_text(&self.buf[..self.len]) {
            Some(unit) if self.whole => unit.to_owned(),
            _ => unit_until(i, end),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_spaced_span_is_its_words_joined_by_spaces() {
        let i = " Big new  plants and\tmills, caf\u{e9} bars";
        let words = |ws: &[&str]| {
            ws.iter()
                .map(|w| &i[i.find(w).unwrap_or(0)..][..w.len()])
                .collect::<Vec<_>>()
        };
        assert_eq!(single_spaced_ascii(i, &words(&["Big", "new"])), Some("Big new"));
        assert_eq!(single_spaced_ascii(i, &words(&["plants"])), Some("plants"));
        // Two spaces, a tab, a non-ASCII word: built a word at a time.
        assert_eq!(single_spaced_ascii(i, &words(&["new", "plants"])), None);
        assert_eq!(single_spaced_ascii(i, &words(&["and", "mills"])), None);
        assert_eq!(single_spaced_ascii(i, &words(&["caf\u{e9}", "bars"])), None);
        assert_eq!(single_spaced_ascii(i, &[]), None);
        let mut walk = Words::new();
        for w in words(&["Big", "new"]) {
            walk.push(w);
        }
        assert_eq!(walk.unit(i, &i[8..]), "big new");
    }
}
