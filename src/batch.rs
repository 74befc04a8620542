//! Runs over many bulletins: work in parallel, results in input order, memory bounded by a
//! window of files in flight (never the whole run); duplicate releases; the run's tally.

use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::mpsc;

use crate::extract::{Extraction, ReleaseFacts};
use crate::model::Kind;
use crate::problem::Severity;

/// Runs `work` on every item on `pool`'s threads and hands the results to `consume` on the
/// calling thread, in the items' order, so that the output is the same whatever the number
/// of threads. At most `window` items are in flight or waiting for an earlier one, which
/// bounds memory. Stops at the first error of `consume` (after the items in flight end).
pub fn ordered_map<T, R, E>(
    pool: &rayon::ThreadPool,
    items: &[T],
    window: usize,
    work: impl Fn(&T) -> R + Sync,
    mut consume: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    T: Sync,
    R: Send,
{
    let window = window.max(1);
    let work = &work;
    let (tx, rx) = mpsc::channel();
    pool.in_place_scope(|scope| {
        let mut spawned = 0;
        let mut next_out = 0;
        let mut held = BTreeMap::new();
        while next_out < items.len() {
            while spawned < next_out + window {
                let Some(item) = items.get(spawned) else { break };
                let (tx, at) = (tx.clone(), spawned);
                // A panic is sent back and raised here, so that no result goes missing.
                scope.spawn(move |_| {
                    let _ = tx.send((at, catch_unwind(AssertUnwindSafe(|| work(item)))));
                });
                spawned += 1;
            }
            if let Some(result) = held.remove(&next_out) {
                next_out += 1;
                consume(result)?;
                continue;
            }
            match rx.recv() {
                Ok((at, Ok(result))) => {
                    held.insert(at, result);
                }
                Ok((_, Err(panic))) => resume_unwind(panic),
                // Unreachable while `tx` lives; stop rather than wait forever.
                Err(_) => break,
            }
        }
        Ok(())
    })
}

/// Drops releases already seen (same `release_id`) in an earlier bulletin or earlier in the
/// same one. Holds one id per release, not its facts.
#[derive(Debug, Default)]
pub struct Dedup {
    seen: HashSet<String>,
    pub dropped: usize,
}

impl Dedup {
    /// Whether to keep this release: true the first time its id comes.
    pub fn keep(&mut self, release: &ReleaseFacts) -> bool {
        if self.seen.insert(release.release_id.clone()) {
            true
        } else {
            self.dropped += 1;
            false
        }
    }
}

/// The numbers of a run, for its closing summary.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Tally {
    /// Inputs found, and inputs read.
    pub files: usize,
    pub files_read: usize,
    pub releases: usize,
    pub facts: BTreeMap<Kind, usize>,
    pub duplicates: usize,
    pub warnings: usize,
    /// What was skipped and why: whole inputs, or releases (one line each).
    pub skipped: Vec<String>,
}

impl Tally {
    /// Counts a release that was written.
    pub fn release(&mut self, r: &ReleaseFacts) {
        self.releases += 1;
        for f in &r.facts {
            *self.facts.entry(f.kind).or_default() += 1;
        }
    }

    /// Counts an input's problems (warnings of its releases included).
    pub fn problems(&mut self, source: &str, ex: &Extraction) {
        for p in ex.all_problems() {
            match p.severity {
                Severity::Warning => self.warnings += 1,
                Severity::Error => self
                    .skipped
                    .push(reason(&format!("{source}:{}: {}", p.line, p.message))),
            }
        }
    }

    pub fn total_facts(&self) -> usize {
        self.facts.values().sum()
    }
}

/// A skip message as a reason in the summary: `a.txt:3: not valid UTF-8 at byte 9`, without
/// the `error:` and `; skipped` that the summary's heading already says.
pub fn reason(message: &str) -> String {
    let m = message.replacen(": error: ", ": ", 1);
    let m = m.trim_end();
    ["; skipped", "; release skipped", "; file skipped"]
        .iter()
        .find_map(|tail| m.strip_suffix(tail))
        .unwrap_or(m)
        .to_string()
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
        if !self.facts.is_empty() {
            let kinds: Vec<String> = self.facts.iter().map(|(k, n)| format!("{k} {n}")).collect();
            write!(f, " ({})", kinds.join(", "))?;
        }
        write!(
            f,
            "; {} dropped; {}",
            plural(self.duplicates, "duplicate release", "duplicate releases"),
            plural(self.warnings, "warning", "warnings")
        )?;
        if self.skipped.is_empty() {
            return write!(f, "; nothing skipped.");
        }
        write!(f, "; {} skipped: ", self.skipped.len())?;
        let named: Vec<&str> = self.skipped.iter().take(NAMED_SKIPS).map(String::as_str).collect();
        write!(f, "{}", named.join(" | "))?;
        if self.skipped.len() > NAMED_SKIPS {
            write!(f, "; and {} more", self.skipped.len() - NAMED_SKIPS)?;
        }
        write!(f, ".")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(n: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new().num_threads(n).build().unwrap()
    }

    #[test]
    fn results_come_in_input_order_whatever_the_threads_and_window() {
        let items: Vec<u64> = (0..200).collect();
        for (threads, window) in [(1, 1), (2, 3), (4, 64), (3, 1000)] {
            let mut out = Vec::new();
            let r: Result<(), ()> = ordered_map(
                &pool(threads),
                &items,
                window,
                |&n| {
                    // Uneven work, so that later items often finish first.
                    std::thread::sleep(std::time::Duration::from_micros((n * 7919) % 300));
                    n * 2
                },
                |r| {
                    out.push(r);
                    Ok(())
                },
            );
            assert!(r.is_ok());
            assert_eq!(
                out,
                items.iter().map(|n| n * 2).collect::<Vec<_>>(),
                "{threads} {window}"
            );
        }
    }

    #[test]
    fn an_error_of_the_consumer_stops_the_run() {
        let items: Vec<u32> = (0..50).collect();
        let mut seen = 0;
        let r = ordered_map(
            &pool(2),
            &items,
            4,
            |&n| n,
            |n| {
                seen += 1;
                if n == 10 { Err(n) } else { Ok(()) }
            },
        );
        assert_eq!(r, Err(10));
        assert_eq!(seen, 11);
    }

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
        t.facts.insert(Kind::Money, 5);
        t.facts.insert(Kind::Date, 1);
        t.skipped.push("b.txt: cannot read".to_string());
        assert_eq!(
            reason("b.txt:3: error: not valid UTF-8 at byte 9; file skipped"),
            "b.txt:3: not valid UTF-8 at byte 9"
        );
        assert_eq!(
            t.to_string(),
            "Read 2 of 3 inputs: 4 releases, 6 facts (money 5, date 1); 1 duplicate release dropped; \
             2 warnings; 1 skipped: b.txt: cannot read."
        );
    }
}
