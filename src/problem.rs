//! Problems with the input: what went wrong, and where.

use std::collections::HashMap;
use std::fmt;

/// How bad a problem is: an `Error` means something was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

/// A problem at a 1-based line and a byte offset of one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub line: usize,
    pub byte: usize,
    pub message: String,
    /// When not 0: this problem stands for that many problems like it, past the ones shown
    /// (see [`Problems`]); it is shown as `... and N more like this: message`.
    pub more: usize,
}

impl Problem {
    pub fn new(severity: Severity, line: usize, byte: usize, message: &str) -> Problem {
        Problem {
            severity,
            line,
            byte,
            message: message.to_string(),
            more: 0,
        }
    }

    /// How many problems this one stands for.
    pub fn count(&self) -> usize {
        self.more.max(1)
    }

    /// The message as shown: with how many more it stands for.
    pub fn display_message(&self) -> String {
        match self.more {
            0 => self.message.clone(),
            n => format!("... and {} more like this: {}", grouped(n), self.message),
        }
    }

    /// One readable line: `file:line: error: message (byte N)`.
    pub fn display<'a>(&'a self, source: &'a str) -> impl fmt::Display + 'a {
        struct D<'a>(&'a Problem, &'a str);
        impl fmt::Display for D<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let kind = match self.0.severity {
                    Severity::Warning => "warning",
                    Severity::Error => "error",
                };
                let message = self.0.display_message();
                write!(
                    f,
                    "{}:{}: {}: {} (byte {})",
                    self.1, self.0.line, kind, message, self.0.byte
                )
            }
        }
        D(self, source)
    }
}

/// Problems of one kind shown one by one; past them, one line counts the rest.
pub const SHOWN_PER_KIND: usize = 10;

/// Problems held to be shown, bounded: past ten of one kind (one severity
/// and one message once its numbers and quoted text are set aside), one more problem
/// stands for all the rest (`... and 20,999,990 more like this`). A text of millions of
/// empty releases made millions of messages before any was shown.
#[derive(Debug, Default)]
pub struct Problems {
    list: Vec<Problem>,
    /// Per kind: how many came, and where its counting problem is in `list`.
    kinds: HashMap<(Severity, String), (usize, Option<usize>)>,
}

impl Problems {
    pub fn push(&mut self, p: Problem) {
        let (seen, counter) = self.kinds.entry((p.severity, kind_of(&p.message))).or_default();
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

/// A message with its numbers and its `quoted` parts set aside: what makes problems alike.
fn kind_of(message: &str) -> String {
    let mut kind = String::with_capacity(message.len());
    let mut quoted = false;
    for c in message.chars() {
        match c {
            '`' => {
                quoted = !quoted;
                kind.push(c);
            }
            _ if quoted => {}
            '0'..='9' => {
                if !kind.ends_with('#') {
                    kind.push('#');
                }
            }
            _ => kind.push(c),
        }
    }
    kind
}

/// `20999990` -> `20,999,990`.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (k, c) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k) % 3 == 0 {
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
        for n in 0..25_000 {
            problems.push(Problem::new(
                Severity::Error,
                n + 1,
                n * 2,
                &format!("release {n} has no `T{n}`"),
            ));
        }
        problems.push(Problem::new(Severity::Warning, 1, 1, "another kind"));
        let list = problems.into_sorted();
        assert_eq!(list.len(), SHOWN_PER_KIND + 2);
        let counter = list.iter().find(|p| p.more > 0).unwrap();
        assert_eq!(counter.more, 25_000 - SHOWN_PER_KIND);
        let shown = counter.display("f.txt").to_string();
        assert!(
            shown.starts_with("f.txt:11: error: ... and 24,990 more like this: release 10"),
            "{shown}"
        );
        // Counted problems counted again (a reader's list into a run's) add up.
        let mut run = Problems::default();
        run.extend(list);
        run.push(Problem::new(Severity::Error, 9, 9, "release 99 has no `x`"));
        let list = run.into_sorted();
        assert_eq!(list.iter().map(Problem::count).sum::<usize>(), 25_002);
        assert_eq!(list.len(), SHOWN_PER_KIND + 2);
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(grouped(20_999_990), "20,999,990");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1000), "1,000");
    }
}
