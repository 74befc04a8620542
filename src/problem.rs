//! Problems with the input: what went wrong, and where.

use std::collections::HashMap;
use std::fmt;

/// How bad a problem is: an `Error` means something was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

/// What a problem is about. Problems of one kind are alike: past ten of a kind in an
/// input, one line counts the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum ProblemKind {
    /// The input cannot be read: it is missing, a folder, a device, or a read failed.
    Unreadable,
    /// The input is not text: a NUL byte, or bytes that are not its encoding.
    NotText,
    /// An input that may never end (a FIFO, a terminal): not read, or read as asked.
    NotAFile,
    /// Bytes read otherwise than written: line ends, control characters, replaced bytes,
    /// another encoding.
    Bytes,
    /// Text that belongs to no release (before the first separator).
    Outside,
    /// An input or release with nothing in it.
    Empty,
    /// A release without a title line.
    NoTitle,
    /// A release without a usable `date YYYY-MM-DD` trailer.
    ReleaseDate,
    /// More text than one release may hold: the rest is not read.
    TooLong,
    /// A figure whose value cannot be held or placed (a number of 40 digits, a date past
    /// year 9999, a day that is not in the calendar).
    Value,
    /// The same release read twice, or two releases of one date and title.
    Duplicate,
}

/// What a problem made the reading leave out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Skipped {
    /// Nothing: the problem is a warning about what was read.
    Nothing,
    /// The release it is in.
    Release,
    /// The whole input.
    Input,
    /// The input from here on.
    Rest,
}

/// A problem with an input, at a 1-based line and a byte offset of it (line 0: the input
/// as a whole). Shown as one line:
/// `a.txt:8: error: not valid UTF-8 (byte 237); file skipped (--lossy reads it)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub kind: ProblemKind,
    pub skipped: Skipped,
    /// The input's name, as the caller gave it (`-` for standard input).
    pub path: String,
    pub line: usize,
    pub byte: usize,
    /// What is wrong, in words.
    pub message: String,
    /// How to read the input anyway, when there is a way (empty when none).
    pub hint: String,
    /// When not 0: this problem stands for that many problems like it, past the ones shown
    /// (see [`Problems`]); it is shown as `... and N more like this: message`.
    pub more: usize,
}

impl Problem {
    /// A warning: something was read otherwise than written, nothing left out.
    pub fn warning(kind: ProblemKind, line: usize, byte: usize, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Warning,
            kind,
            skipped: Skipped::Nothing,
            path: String::new(),
            line,
            byte,
            message: message.into(),
            hint: String::new(),
            more: 0,
        }
    }

    /// An error: what it made the reading leave out.
    pub fn error(kind: ProblemKind, skipped: Skipped, line: usize, byte: usize, message: impl Into<String>) -> Problem {
        Problem {
            severity: Severity::Error,
            skipped,
            ..Problem::warning(kind, line, byte, message)
        }
    }

    /// The problem in the input named `path`.
    pub fn with_path(self, path: &str) -> Problem {
        Problem {
            path: path.to_string(),
            ..self
        }
    }

    /// The problem with a hint on how to read the input anyway.
    pub fn with_hint(self, hint: impl Into<String>) -> Problem {
        Problem {
            hint: hint.into(),
            ..self
        }
    }

    /// How many problems this one stands for.
    pub fn count(&self) -> usize {
        self.more.max(1)
    }

    /// The message as shown: with how many more it stands for.
    fn display_message(&self) -> String {
        match self.more {
            0 => self.message.clone(),
            n => format!("... and {} more like this: {}", grouped(n), self.message),
        }
    }

    /// Where it is: `file:line`, or `file` for the input as a whole.
    fn place(&self) -> String {
        match self.line {
            0 => self.path.clone(),
            line => format!("{}:{line}", self.path),
        }
    }

    /// The message, with how many more it stands for and, within the input, its byte.
    fn what(&self) -> String {
        match self.line {
            0 => self.display_message(),
            _ => format!("{} (byte {})", self.display_message(), self.byte),
        }
    }

    /// What was skipped and why, for a summary that says `skipped:` itself:
    /// `a.txt:3: not valid UTF-8 (byte 9)`.
    pub fn summary(&self) -> String {
        format!("{}: {}", self.place(), self.what())
    }
}

/// One readable line: `file:line: error: message (byte N); release skipped (hint)`.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{}: {severity}: {}", self.place(), self.what())?;
        match self.skipped {
            Skipped::Nothing => {}
            Skipped::Release => f.write_str("; release skipped")?,
            Skipped::Input => f.write_str("; file skipped")?,
            Skipped::Rest => f.write_str("; the rest of the input is skipped")?,
        }
        if !self.hint.is_empty() {
            write!(f, " ({})", self.hint)?;
        }
        Ok(())
    }
}

/// Problems of one kind shown one by one; past them, one line counts the rest.
pub const SHOWN_PER_KIND: usize = 10;

/// Problems held to be shown, bounded: past ten of one kind (one severity and one
/// [`ProblemKind`]), one more problem
/// stands for all the rest (`... and 20,999,990 more like this`). A text of millions of
/// empty releases made millions of messages before any was shown.
#[derive(Debug, Default)]
pub struct Problems {
    list: Vec<Problem>,
    /// Per kind: how many came, and where its counting problem is in `list`.
    kinds: HashMap<(Severity, ProblemKind), (usize, Option<usize>)>,
}

impl Problems {
    pub fn push(&mut self, p: Problem) {
        let (seen, counter) = self.kinds.entry((p.severity, p.kind)).or_default();
        if p.more == 0 && *seen < SHOWN_PER_KIND {
            *seen += 1;
            self.list.push(p);
            return;
        }
        let n = p.count();
        *seen += n;
        match counter.and_then(|at| self.list.get_mut(at)) {
            Some(c) => c.more += n,
            None => {
                *counter = Some(self.list.len());
                self.list.push(Problem { more: n, ..p });
            }
        }
    }

    pub fn extend(&mut self, problems: impl IntoIterator<Item = Problem>) {
        problems.into_iter().for_each(|p| self.push(p));
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The problems in order of position.
    pub fn into_sorted(self) -> Vec<Problem> {
        let mut list = self.list;
        list.sort_by_key(|p| (p.byte, p.line));
        list
    }
}

/// `20999990` -> `20,999,990`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_past_ten_of_a_kind_are_counted_not_held() {
        let mut problems = Problems::default();
        let no_title = |n: usize| {
            let what = format!("release {n} has no `T{n}`");
            Problem::error(ProblemKind::NoTitle, Skipped::Release, n + 1, n * 2, what)
        };
        for n in 0..25_000 {
            problems.push(no_title(n));
        }
        problems.push(Problem::warning(ProblemKind::Empty, 1, 1, "another kind"));
        let list = problems.into_sorted();
        assert_eq!(list.len(), SHOWN_PER_KIND + 2);
        let counter = list.iter().find(|p| p.more > 0).unwrap();
        assert_eq!(counter.more, 25_000 - SHOWN_PER_KIND);
        let shown = counter.clone().with_path("f.txt").to_string();
        assert_eq!(
            shown,
            "f.txt:11: error: ... and 24,990 more like this: release 10 has no `T10` (byte 20); release skipped"
        );
        // Counted problems counted again (a reader's list into a run's) add up.
        let mut run = Problems::default();
        run.extend(list);
        run.push(no_title(99));
        let list = run.into_sorted();
        assert_eq!(list.iter().map(Problem::count).sum::<usize>(), 25_002);
        assert_eq!(list.len(), SHOWN_PER_KIND + 2);
    }

    #[test]
    fn a_problem_shows_its_place_what_it_skipped_and_how_to_read_it_anyway() {
        let bad = Problem::error(ProblemKind::NotText, Skipped::Input, 8, 237, "not valid UTF-8").with_hint("--lossy");
        assert_eq!(
            bad.clone().with_path("a.txt").to_string(),
            "a.txt:8: error: not valid UTF-8 (byte 237); file skipped (--lossy)"
        );
        assert_eq!(bad.with_path("a.txt").summary(), "a.txt:8: not valid UTF-8 (byte 237)");
        // Line 0: the input as a whole, without a line or byte.
        let gone = Problem::error(ProblemKind::Unreadable, Skipped::Input, 0, 0, "cannot read: gone");
        assert_eq!(
            gone.clone().with_path("b.txt").to_string(),
            "b.txt: error: cannot read: gone; file skipped"
        );
        let cut = Problem::error(ProblemKind::TooLong, Skipped::Rest, 3, 9, "too long");
        assert_eq!(
            cut.clone().with_path("c.txt").to_string(),
            "c.txt:3: error: too long (byte 9); the rest of the input is skipped"
        );
        let note = Problem::warning(ProblemKind::Empty, 1, 0, "input is empty; no releases");
        assert_eq!(
            note.clone().with_path("d.txt").to_string(),
            "d.txt:1: warning: input is empty; no releases (byte 0)"
        );
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(grouped(20_999_990), "20,999,990");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
    }
}
