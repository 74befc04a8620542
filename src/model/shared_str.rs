//! Text that many rows share without a copy each.

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use arcstr::{ArcStr, Substr};
use serde::{Serialize, Serializer};

/// A piece of a reference-counted string: a fact's text columns. A release's rows point
/// into one buffer that holds all their strings, so a row costs no allocation of its own;
/// cloning one costs a count.
///
/// It reads as a `str` (`Deref`, `Display`, `==` with `str` and `String`).
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SharedStr(Substr);

impl SharedStr {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether `self` and `other` are the same bytes in memory, not only equal: rows that
    /// repeat a column point to one piece. (The same piece of the same buffer: asked
    /// without reading the buffer's header, as its text would be.)
    pub fn same_piece(&self, other: &SharedStr) -> bool {
        ArcStr::ptr_eq(self.0.parent(), other.0.parent()) && self.0.range() == other.0.range()
    }

    /// Its length in bytes, `str::len`, from the piece's bounds alone.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Strings gathered into one buffer, then shared as [`SharedStr`] pieces of it.
#[derive(Default)]
pub(crate) struct Pieces {
    buf: String,
}

/// Where a string stands in a [`Pieces`] buffer.
pub(crate) type Piece = std::ops::Range<usize>;

impl Pieces {
    /// Appends `s`; where it stands in the buffer.
    pub(crate) fn push(&mut self, s: &str) -> Piece {
        self.write(|buf| buf.push_str(s))
    }

    /// Appends what `write` appends to the buffer; where it stands.
    pub(crate) fn write(&mut self, write: impl FnOnce(&mut String)) -> Piece {
        let start = self.buf.len();
        write(&mut self.buf);
        start..self.buf.len()
    }

    /// The buffer, to append to directly; `Piece`s are its byte ranges.
    pub(crate) fn buf(&mut self) -> &mut String {
        &mut self.buf
    }

    /// The buffer, shared: one allocation for all its pieces.
    pub(crate) fn share(&self) -> Shared {
        self.share_head(self.buf.len())
    }

    /// The buffer up to `end`, shared: the pieces written before it, when the rest is
    /// read no more (the whole buffer past its end).
    pub(crate) fn share_head(&self, end: usize) -> Shared {
        Shared(ArcStr::from(self.buf.get(..end).unwrap_or(&self.buf)))
    }
}

/// A [`Pieces`] buffer once shared.
pub(crate) struct Shared(ArcStr);

impl Shared {
    /// The piece at `range` (an empty piece when the range is not in the buffer, which
    /// `Pieces::push` never returns).
    pub(crate) fn get(&self, range: Piece) -> SharedStr {
        // An empty piece (a row without a unit or a subject) is the empty string, which
        // counts no reference.
        if range.is_empty() {
            return SharedStr::default();
        }
        match self.0.get(range.clone()) {
            Some(_) => SharedStr(self.0.substr(range)),
            None => SharedStr::default(),
        }
    }
}

impl Deref for SharedStr {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SharedStr {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for SharedStr {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self.as_str(), f)
    }
}

impl fmt::Debug for SharedStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl Serialize for SharedStr {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self)
    }
}

impl From<&str> for SharedStr {
    fn from(s: &str) -> SharedStr {
        SharedStr(Substr::from(s))
    }
}

impl From<String> for SharedStr {
    fn from(s: String) -> SharedStr {
        SharedStr(Substr::from(s))
    }
}

impl From<&SharedStr> for SharedStr {
    fn from(s: &SharedStr) -> SharedStr {
        s.clone()
    }
}

impl PartialEq<str> for SharedStr {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedStr {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for SharedStr {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<SharedStr> for str {
    fn eq(&self, other: &SharedStr) -> bool {
        self == other.as_str()
    }
}

impl PartialEq<SharedStr> for String {
    fn eq(&self, other: &SharedStr) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<SharedStr> for &str {
    fn eq(&self, other: &SharedStr) -> bool {
        *self == other.as_str()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_are_the_strings_pushed_and_share_one_buffer() {
        let mut pieces = Pieces::default();
        let (a, b) = (pieces.push("tons"), pieces.push("of rice"));
        let empty = pieces.push("");
        let shared = pieces.share();
        let (a, b, empty) = (shared.get(a), shared.get(b), shared.get(empty));
        assert_eq!((a.as_str(), b.as_str(), empty.as_str()), ("tons", "of rice", ""));
        assert!(a.same_piece(&a.clone()) && !a.same_piece(&SharedStr::from("tons")));
        assert_eq!(a, SharedStr::from("tons"));
        assert_eq!(shared.get(3..99), "");
    }

    #[test]
    fn it_writes_as_its_text() {
        let s = SharedStr::from("a \"b\"");
        assert_eq!(format!("{s} {s:?}"), "a \"b\" \"a \\\"b\\\"\"");
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"a \\\"b\\\"\"");
        let owned = String::from("a \"b\"");
        assert_eq!(s, "a \"b\"");
        assert_eq!("a \"b\"", s);
        assert_eq!(s, owned);
        assert_eq!(owned, s);
    }
}
