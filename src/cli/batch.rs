//! The run's tally: what was read, written, dropped and skipped.

use std::fmt;

use bulletin_facts::Kind;
use bulletin_facts::{Problem, Severity};

/// How many dropped copies the summary names.
pub const NAMED_DUPLICATES: usize = 5;

/// The numbers of a run, for its closing summary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Inputs found, and inputs read.
    pub files: usize,
    pub files_read: usize,
    pub releases: usize,
    /// Facts written of each kind, in the order of `Kind::ALL`.
    pub facts: [usize; Kind::ALL.len()],
    pub duplicates: usize,
    /// The first few duplicates dropped, named (`source:line (release_id)`).
    pub duplicates_named: Vec<String>,
    pub warnings: usize,
    /// What was skipped and why: whole inputs, or releases (one line each), the first
    /// [`NAMED_SKIPS`] of them; `skips` counts them all.
    pub skipped: Vec<String>,
    pub skips: usize,
}

impl Tally {
    /// Counts a release that was written, with `facts` of each kind of `Kind::ALL`.
    pub fn counted_release(&mut self, facts: &[usize; Kind::ALL.len()]) {
        self.releases += 1;
        for (total, n) in self.facts.iter_mut().zip(facts) {
            *total += n;
        }
    }

    /// Counts one problem of an input.
    pub fn problem(&mut self, p: &Problem) {
        match p.severity {
            Severity::Warning => self.warnings += p.count(),
            Severity::Error => {
                self.skip(p.summary());
                self.skips += p.count() - 1;
            }
        }
    }

    /// Counts a duplicate dropped; the first few are named.
    pub fn duplicate(&mut self, place: &str, release_id: &str) {
        self.duplicates += 1;
        if self.duplicates_named.len() < NAMED_DUPLICATES {
            self.duplicates_named.push(format!("{place} ({release_id})"));
        }
    }

    /// Counts something skipped; the first few are named.
    pub fn skip(&mut self, why: String) {
        self.skips += 1;
        if self.skipped.len() < NAMED_SKIPS {
            self.skipped.push(why);
        }
    }

    pub fn total_facts(&self) -> usize {
        self.facts.iter().sum()
    }
}

/// At most this many skipped items are named in the summary; the rest are counted.
const NAMED_SKIPS: usize = 10;

/// One paragraph: files, releases, facts per kind, duplicates dropped, warnings, skips.
impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        write!(
            f,
            "Read {} of {}: {}, {}",
            self.files_read,
            plural(self.files, "input", "inputs"),
            plural(self.releases, "release", "releases"),
            plural(self.total_facts(), "fact", "facts"),
        )?;
        if self.facts.iter().any(|&n| n > 0) {
            let kinds: Vec<String> = (Kind::ALL.iter().zip(self.facts))
                .filter(|&(_, n)| n > 0)
                .map(|(k, n)| format!("{k} {n}"))
                .collect();
            write!(f, " ({})", kinds.join(", "))?;
        }
        write!(
            f,
            "; {} dropped",
            plural(self.duplicates, "duplicate release", "duplicate releases")
        )?;
        if !self.duplicates_named.is_empty() {
            write!(f, " ({}", self.duplicates_named.join(", "))?;
            if self.duplicates > self.duplicates_named.len() {
                write!(f, ", and {} more", self.duplicates - self.duplicates_named.len())?;
            }
            write!(f, ")")?;
        }
        write!(f, "; {}", plural(self.warnings, "warning", "warnings"))?;
        let skips = self.skips.max(self.skipped.len());
        if skips == 0 {
            return write!(f, "; nothing skipped.");
        }
        write!(f, "; {skips} skipped: ")?;
        let named: Vec<&str> = self.skipped.iter().take(NAMED_SKIPS).map(String::as_str).collect();
        write!(f, "{}", named.join(" | "))?;
        if skips > named.len() {
            write!(f, "; and {} more", skips - named.len())?;
        }
        write!(f, ".")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bulletin_facts::{ProblemKind, Skipped};

    #[test]
    fn the_summary_names_kinds_duplicates_and_skips() {
        let mut t = Tally {
            files: 3,
            files_read: 2,
            releases: 4,
            duplicates: 1,
            warnings: 2,
            ..Tally::default()
        };
        t.facts[Kind::Money as usize] = 5;
        t.facts[Kind::Date as usize] = 1;
        t.skipped.push("b.txt: cannot read".to_string());
        // A skip is named by its place and message, without what the summary says itself.
        let bad = Problem::error(ProblemKind::NotText, Skipped::Input, 3, 9, "not valid UTF-8").with_hint("--lossy");
        let mut u = Tally::default();
        u.problem(&bad.with_path("b.txt"));
        assert_eq!(u.skipped, ["b.txt:3: not valid UTF-8 (byte 9)"]);
        assert_eq!(
            t.to_string(),
            "Read 2 of 3 inputs: 4 releases, 6 facts (money 5, date 1); 1 duplicate release dropped; \
             2 warnings; 1 skipped: b.txt: cannot read."
        );
    }
}
