//! The phrase's string: copied from the sentence in one piece or its words joined, into
//! a string handed back by an earlier phrase when there is one.

use std::cell::RefCell;

use crate::subject::tokens::{T, Tok};

/// The text of `sentence` that `join` makes of `words` when they are word tokens that
/// stand in it one space apart (most phrases): copied as one piece. `None` for any other
/// (a bracket, a left-out date or aside, other white space), and for more than `join` keeps.
pub(super) fn one_piece<'a, 'b>(sentence: &'a str, n: usize, tok: impl Fn(usize) -> &'b T<'b>) -> Option<&'a str> {
    if n == 0 || n > MOST_WORDS {
        return None;
    }
    let (first, last) = (tok(0), tok(n - 1));
    let b = sentence.as_bytes();
    let mut end = None;
    for t in (0..n).map(tok) {
        if !matches!(t.tok, Tok::Word(_)) || end.is_some_and(|e: usize| t.start != e + 1 || b.get(e) != Some(&b' ')) {
            return None;
        }
        end = Some(t.end);
    }
    sentence.get(first.start..last.end)
}

thread_local! {
    /// Strings of subjects handed back once copied out (`give_back_string`), for the next
    /// phrases to be written into.
    static STRINGS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// How many strings are kept for reuse, and the most room one may hold.
const KEPT_STRINGS: usize = 8;
const STRING_ROOM: usize = 512;

/// An empty string with room for `bytes`, one handed back when there is one.
pub(super) fn new_string(bytes: usize) -> String {
    let spare = STRINGS
        .try_with(|s| s.try_borrow_mut().ok().and_then(|mut s| s.pop()))
        .ok()
        .flatten();
    let mut out = spare.unwrap_or_default();
    // A string made anew gets room for most subjects, so that once handed back it holds
    // the next phrases without growing (a phrase rarely has more).
    if out.capacity() < bytes {
        out.reserve(bytes.max(SUBJECT_ROOM));
    }
    out
}

/// Room for most subjects: the least a string is made with.
const SUBJECT_ROOM: usize = 64;

/// `Some(p)` when `keep`; otherwise `p` is handed back (`give_back_string`) for the next
/// phrase, and `None`.
pub(in crate::subject) fn kept_if(p: String, keep: bool) -> Option<String> {
    if keep {
        return Some(p);
    }
    give_back_string(p);
    None
}

/// `text` as a string of its own (`new_string`).
pub(in crate::subject) fn copy_of(text: &str) -> String {
    let mut out = new_string(text.len());
    out.push_str(text);
    out
}

/// Hands a string back once its text is copied out, for `new_string` to give again.
pub(in crate::subject) fn give_back_string(mut s: String) {
    if s.capacity() == 0 || s.capacity() > STRING_ROOM {
        return;
    }
    s.clear();
    let _ = STRINGS.try_with(|kept| {
        if let Ok(mut kept) = kept.try_borrow_mut()
            && kept.len() < KEPT_STRINGS
        {
            kept.push(s);
        }
    });
}

/// The most words a phrase may have: a longer one is no subject (`join`).
const MOST_WORDS: usize = 20;

/// Words joined by spaces, with no space inside parentheses: `electric vehicles (EVs)`.
pub(super) fn join<'a>(words: impl Iterator<Item = &'a str>, bytes: usize) -> String {
    let mut out = new_string(bytes);
    let mut open = 0i32;
    // The spaces put in, and whether every word has a byte: words are tokens, with no white
    // space inside, so then the words of `out` are one more than its spaces.
    let (mut spaces, mut plain) = (0usize, true);
    for w in words {
        if w == ")" {
            out.push(')');
            open -= 1;
            continue;
        }
        if !out.is_empty() && !out.ends_with('(') {
            out.push(' ');
            spaces += 1;
        }
        plain &= !w.is_empty();
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
    let count = if plain && open == 0 {
        usize::from(!out.is_empty()) + spaces
    } else {
        out.split_whitespace().count()
    };
    if count > MOST_WORDS {
        return String::new();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{STRING_ROOM, copy_of, give_back_string, new_string};

    #[test]
    fn a_string_handed_back_is_given_again_empty() {
        // Whatever the thread kept before is taken first.
        while new_string(0).capacity() > 0 {}
        let s = copy_of("exports of tea");
        let at = s.as_ptr() as usize;
        give_back_string(s);
        let again = new_string(4);
        assert!(again.is_empty());
        assert_eq!(again.as_ptr() as usize, at);
        // A string too large to keep is let go: none is kept to be given.
        give_back_string(String::with_capacity(STRING_ROOM + 1));
        assert_eq!(new_string(0).capacity(), 0);
    }

    #[test]
    fn a_rejected_phrase_is_handed_back() {
        while new_string(0).capacity() > 0 {}
        let p = copy_of("the rate");
        let at = p.as_ptr() as usize;
        assert_eq!(super::kept_if(p, false), None);
        let again = new_string(4);
        assert_eq!(again.as_ptr() as usize, at);
        assert_eq!(super::kept_if(copy_of("exports"), true).as_deref(), Some("exports"));
    }

    #[test]
    fn a_string_made_anew_has_room_for_a_longer_phrase() {
        while new_string(0).capacity() > 0 {}
        let s = copy_of("tea");
        assert!(s.capacity() >= super::SUBJECT_ROOM);
        // Handed back and given again, it takes a longer phrase in the same room.
        let at = s.as_ptr() as usize;
        give_back_string(s);
        let again = copy_of("exports of green tea to island markets");
        assert_eq!(again.as_ptr() as usize, at);
    }
}
