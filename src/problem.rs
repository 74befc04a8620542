//! Problems with the input: what went wrong, and where.

use std::fmt;

/// How bad a problem is: an `Error` means something was skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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
}

impl Problem {
    pub fn new(severity: Severity, line: usize, byte: usize, message: &str) -> Problem {
        Problem {
            severity,
            line,
            byte,
            message: message.to_string(),
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
                write!(
                    f,
                    "{}:{}: {}: {} (byte {})",
                    self.1, self.0.line, kind, self.0.message, self.0.byte
                )
            }
        }
        D(self, source)
    }
}
