//! subject: what a figure measures, as words of its sentence.

use crate::scan::Found;

/// The noun phrase the figure at `f` measures; empty when the sentence does not make it clear.
pub fn subject_of(_sentence: &str, _f: &Found, _all: &[Found]) -> String {
    String::new()
}
