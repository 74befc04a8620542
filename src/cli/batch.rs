//! What a run keeps across its inputs: duplicate releases, and the run's tally.

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use bulletin_facts::Kind;
use bulletin_facts::{Problem, Severity};

/// Copies of a release and different releases of the same date and title (spec section
/// 1): two releases are copies when their date and folded title are equal (one
/// `release_id`) and one folded body is a prefix of the other; a different body makes a
/// different release, whose id gets `-2`, `-3`, ... Holds each kept release's body once,
/// in memory up to [`BODIES_IN_MEMORY`] bytes and past that in an unnamed temporary file,
/// so that memory does not grow with the run.
#[derive(Debug, Default)]
pub struct Dedup {
    kept: HashMap<String, Vec<Kept>>,
    bodies: Bodies,
}

/// A release kept: where its folded body is stored, its id, where it was read.
#[derive(Debug)]
struct Kept {
    at: u64,
    len: u64,
    id: String,
    place: String,
}

/// What to do with a release.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Write it, under this id (its own, or with `-N` appended).
    Keep(String),
    /// A copy of the release kept under `id`, read at `place`; `longer` when this copy has
    /// more body than the one kept.
    Copy { id: String, place: String, longer: bool },
}

impl Dedup {
    /// Where the first release of this id was read.
    pub fn place_of(&self, release_id: &str) -> Option<String> {
        self.kept.get(release_id)?.first().map(|k| k.place.clone())
    }

    /// Judges a release of `release_id` with this folded body, read at `place`
    /// (`source:line`).
    pub fn judge(&mut self, release_id: &str, body: &str, place: &str) -> std::io::Result<Verdict> {
        if let Some(kept) = self.kept.get(release_id) {
            for k in kept {
                let shorter = body.len().min(k.len as usize);
                // Equal prefixes of the shorter's length: one is a prefix of the other.
                if self.bodies.prefix_is(k.at, &body.as_bytes()[..shorter])? {
                    return Ok(Verdict::Copy {
                        id: k.id.clone(),
                        place: k.place.clone(),
                        longer: body.len() as u64 > k.len,
                    });
                }
            }
        }
        let at = self.bodies.store(body.as_bytes())?;
        let kept = self.kept.entry(release_id.to_string()).or_default();
        let id = match kept.len() {
            0 => release_id.to_string(),
            n => format!("{release_id}-{}", n + 1),
        };
        kept.push(Kept {
            at,
            len: body.len() as u64,
            id: id.clone(),
            place: place.to_string(),
        });
        Ok(Verdict::Keep(id))
    }
}

/// How many dropped copies the summary names.
pub const NAMED_DUPLICATES: usize = 5;

/// Bytes of kept bodies held in memory; the rest go to a temporary file.
pub const BODIES_IN_MEMORY: usize = 64 << 20;

/// The folded bodies of kept releases, one after another.
#[derive(Debug, Default)]
struct Bodies {
    memory: Vec<u8>,
    /// Past the memory: an unnamed temporary file (gone with the process), and its length.
    file: Option<std::fs::File>,
    file_len: u64,
    limit: Option<usize>,
}

impl Bodies {
    fn limit(&self) -> usize {
        self.limit.unwrap_or(BODIES_IN_MEMORY)
    }

    /// Stores a body; where it starts.
    fn store(&mut self, body: &[u8]) -> std::io::Result<u64> {
        if self.memory.len() + body.len() <= self.limit() {
            self.memory.extend_from_slice(body);
            return Ok((self.memory.len() - body.len()) as u64);
        }
        use std::io::{Seek, SeekFrom, Write};
        if self.file.is_none() {
            self.file = Some(tempfile::tempfile()?);
        }
        let file = self
            .file
            .as_mut()
            .ok_or_else(|| std::io::Error::other("no body file"))?;
        file.seek(SeekFrom::Start(self.file_len))?;
        file.write_all(body)?;
        let at = self.limit() as u64 + self.file_len;
        self.file_len += body.len() as u64;
        Ok(at)
    }

    /// Whether the body stored at `at` starts with `prefix`.
    fn prefix_is(&mut self, at: u64, prefix: &[u8]) -> std::io::Result<bool> {
        let limit = self.limit() as u64;
        if at < limit {
            let from = at as usize;
            return Ok(self.memory.get(from..from + prefix.len()) == Some(prefix));
        }
        use std::io::{Read, Seek, SeekFrom};
        let Some(file) = self.file.as_mut() else {
            return Ok(false);
        };
        file.seek(SeekFrom::Start(at - limit))?;
        let mut stored = vec![0; prefix.len()];
        file.read_exact(&mut stored)?;
        Ok(stored == prefix)
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
    /// The first few duplicates dropped, named (`source:line (release_id)`).
    pub duplicates_named: Vec<String>,
    pub warnings: usize,
    /// What was skipped and why: whole inputs, or releases (one line each), the first
    /// [`NAMED_SKIPS`] of them; `skips` counts them all.
    pub skipped: Vec<String>,
    pub skips: usize,
}

impl Tally {
    /// Counts a release that was written, from its facts per kind.
    pub fn counted_release(&mut self, facts: &BTreeMap<Kind, usize>) {
        self.releases += 1;
        for (kind, n) in facts {
            *self.facts.entry(*kind).or_default() += n;
        }
    }

    /// Counts one problem of an input.
    pub fn problem(&mut self, source: &str, p: &Problem) {
        match p.severity {
            Severity::Warning => self.warnings += p.count(),
            Severity::Error => {
                self.skip(reason(&format!("{source}:{}: {}", p.line, p.display_message())));
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

    #[test]
    fn copies_are_prefixes_and_other_bodies_are_other_releases() {
        // Bodies past the first few bytes spill to the file: both stores are read.
        for limit in [None, Some(8)] {
            let mut d = Dedup {
                bodies: Bodies {
                    limit,
                    ..Bodies::default()
                },
                ..Dedup::default()
            };
            let keep = |id: &str| Verdict::Keep(id.to_string());
            assert_eq!(d.judge("id", "Lamp sales rose.", "a:1").unwrap(), keep("id"));
            // A cut copy, then a longer one: copies of the first.
            let copy = |longer| Verdict::Copy {
                id: "id".to_string(),
                place: "a:1".to_string(),
                longer,
            };
            assert_eq!(d.judge("id", "Lamp sa", "b:1").unwrap(), copy(false));
            assert_eq!(d.judge("id", "Lamp sales rose. More.", "b:5").unwrap(), copy(true));
            // Another body: another release, and its own copies.
            assert_eq!(d.judge("id", "Kettle sales fell.", "c:1").unwrap(), keep("id-2"));
            assert_eq!(d.judge("id", "Stove sales held.", "c:5").unwrap(), keep("id-3"));
            let second = d.judge("id", "Kettle", "d:1").unwrap();
            assert!(
                matches!(&second, Verdict::Copy { id, .. } if id == "id-2"),
                "{second:?}"
            );
            assert_eq!(d.judge("other", "Lamp sales rose.", "d:5").unwrap(), keep("other"));
            // An empty body is a prefix of every body.
            assert!(matches!(d.judge("other", "", "e:1").unwrap(), Verdict::Copy { .. }));
            assert_eq!(d.place_of("id").as_deref(), Some("a:1"));
        }
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
