//! What a run keeps across its inputs: duplicate releases, and the run's tally.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};

use bulletin_facts::Kind;
use bulletin_facts::{Problem, Severity};

/// Copies of a release and different releases of the same date and title (spec section
/// 1): two releases are copies when their date and folded title are equal (one
/// `release_id`) and one folded body is a prefix of the other; a different body makes a
/// different release, whose id gets `-2`, `-3`, ... Each kept release is stored as a
/// record (see [`Header`]), its id and its body, in memory up to [`BODIES_IN_MEMORY`]
/// bytes and past that in an unnamed temporary file; memory holds besides only a map from
/// each id's hash to its last record: under 40 bytes a release (strings per release held
/// 430, 400 MB on a bulletin of a million releases).
#[derive(Debug, Default)]
pub struct Dedup {
    /// Per hash of an id: where the last release kept with it is stored.
    last: HashMap<u64, u64, BuildHasherDefault<Unhashed>>,
    /// The inputs releases were kept from, named once each.
    sources: Vec<String>,
    bodies: Bodies,
}

/// The head of a kept release's record, before its id and its folded body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Header {
    /// The record of the release kept before it with the same hash ([`NONE`]: none).
    previous: u64,
    /// 1 for the first release of its id, N for the one written as `id-N`.
    n: u32,
    source: u32,
    line: u64,
    id_len: u32,
    body_len: u32,
}

/// The hasher of keys that are hashes already (XXH3 of an id): the key is its own hash.
/// (The default SipHash cost more per release than the rest of judging it.)
#[derive(Debug, Default)]
struct Unhashed(u64);

impl Hasher for Unhashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }

    /// Only `u64` keys are hashed; other bytes are folded in, should any come.
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
}

/// No record: the end of a chain.
const NONE: u64 = u64::MAX;

impl Header {
    const LEN: usize = 32;

    fn to_bytes(self) -> [u8; Header::LEN] {
        let mut b = [0; Header::LEN];
        b[0..8].copy_from_slice(&self.previous.to_le_bytes());
        b[8..12].copy_from_slice(&self.n.to_le_bytes());
        b[12..16].copy_from_slice(&self.source.to_le_bytes());
        b[16..24].copy_from_slice(&self.line.to_le_bytes());
        b[24..28].copy_from_slice(&self.id_len.to_le_bytes());
        b[28..32].copy_from_slice(&self.body_len.to_le_bytes());
        b
    }

    fn from_bytes(b: &[u8; Header::LEN]) -> Header {
        let u64_at = |at: usize| u64::from_le_bytes(b[at..at + 8].try_into().unwrap_or_default());
        let u32_at = |at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap_or_default());
        Header {
            previous: u64_at(0),
            n: u32_at(8),
            source: u32_at(12),
            line: u64_at(16),
            id_len: u32_at(24),
            body_len: u32_at(28),
        }
    }
}

/// What to do with a release.
#[derive(Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Write it; under a new id (its own with `-N` appended) when another release of
    /// another body was kept under its id.
    Keep(Option<String>),
    /// A copy of the release kept under `id`, read at `place`; `longer` when this copy has
    /// more body than the one kept.
    Copy { id: String, place: String, longer: bool },
}

impl Dedup {
    /// Room for `more` releases' ids: the map grown once for a unit's releases, not
    /// rehashed by doubling as they come.
    pub fn reserve(&mut self, more: usize) {
        self.last.reserve(more);
    }

    /// Where the first release of this id was read (`source:line`).
    pub fn place_of(&mut self, release_id: &str) -> std::io::Result<Option<String>> {
        let chain = self.chain(release_id)?;
        Ok(chain.iter().find(|(_, h)| h.n == 1).map(|(_, h)| self.place(h)))
    }

    /// Judges a release of `release_id` with this folded body, read at `source`:`line`.
    pub fn judge(&mut self, release_id: &str, body: &str, source: &str, line: usize) -> std::io::Result<Verdict> {
        let hash = xxhash_rust::xxh3::xxh3_64(release_id.as_bytes());
        let same_id = self.chain_of(hash, release_id)?;
        for (at, kept) in &same_id {
            let shorter = body.len().min(kept.body_len as usize);
            // Equal prefixes of the shorter's length: one is a prefix of the other.
            let body_at = at + (Header::LEN + kept.id_len as usize) as u64;
            if self.bodies.prefix_is(body_at, &body.as_bytes()[..shorter])? {
                return Ok(Verdict::Copy {
                    id: numbered(release_id, kept.n),
                    place: self.place(kept),
                    longer: body.len() > kept.body_len as usize,
                });
            }
        }
        if self.sources.last().is_none_or(|s| s != source) {
            self.sources.push(source.to_string());
        }
        let n = same_id.len() as u32 + 1;
        let header = Header {
            previous: self.last.get(&hash).copied().unwrap_or(NONE),
            n,
            source: self.sources.len() as u32 - 1,
            line: line as u64,
            id_len: release_id.len() as u32,
            body_len: body.len() as u32,
        };
        let at = self
            .bodies
            .store([&header.to_bytes(), release_id.as_bytes(), body.as_bytes()])?;
        self.last.insert(hash, at);
        Ok(Verdict::Keep((n > 1).then(|| numbered(release_id, n))))
    }

    /// The releases kept under this id, first kept first: where each is stored, its head.
    fn chain(&mut self, release_id: &str) -> std::io::Result<Vec<(u64, Header)>> {
        self.chain_of(xxhash_rust::xxh3::xxh3_64(release_id.as_bytes()), release_id)
    }

    /// [`Dedup::chain`], of the id's `hash`.
    fn chain_of(&mut self, hash: u64, release_id: &str) -> std::io::Result<Vec<(u64, Header)>> {
        let mut found = Vec::new();
        let mut at = self.last.get(&hash).copied().unwrap_or(NONE);
        while at != NONE {
            let mut head = [0; Header::LEN];
            self.bodies.read_at(at, &mut head)?;
            let header = Header::from_bytes(&head);
            let id_at = at + Header::LEN as u64;
            if header.id_len as usize == release_id.len() && self.bodies.prefix_is(id_at, release_id.as_bytes())? {
                found.push((at, header));
            }
            at = header.previous;
        }
        found.reverse();
        Ok(found)
    }

    fn place(&self, kept: &Header) -> String {
        let source = self.sources.get(kept.source as usize).map_or("", String::as_str);
        format!("{source}:{}", kept.line)
    }
}

/// The id written for the `n`th release of an id.
fn numbered(release_id: &str, n: u32) -> String {
    match n {
        1 => release_id.to_string(),
        n => format!("{release_id}-{n}"),
    }
}

/// How many dropped copies the summary names.
pub const NAMED_DUPLICATES: usize = 5;

/// Bytes of kept bodies held in memory; the rest go to a temporary file.
pub const BODIES_IN_MEMORY: usize = 16 << 20;

/// The folded bodies of kept releases, one after another.
#[derive(Debug, Default)]
struct Bodies {
    memory: Vec<u8>,
    /// Past the memory: an unnamed temporary file (gone with the process), and its length
    /// with the bytes not yet written to it.
    file: Option<std::fs::File>,
    file_len: u64,
    unwritten: Vec<u8>,
    limit: Option<usize>,
}

impl Bodies {
    fn limit(&self) -> usize {
        self.limit.unwrap_or(BODIES_IN_MEMORY)
    }

    /// Stores pieces one after another (in memory, or all in the file); where they start.
    fn store<const N: usize>(&mut self, pieces: [&[u8]; N]) -> std::io::Result<u64> {
        let len: usize = pieces.iter().map(|p| p.len()).sum();
        if self.memory.len() + len <= self.limit() {
            if self.memory.capacity() == 0 {
                // Room for all at once: grown by doubling, the bodies were copied again at
                // each step. Pages are taken only as bodies fill them.
                self.memory.reserve_exact(self.limit());
            }
            let at = self.memory.len() as u64;
            pieces.iter().for_each(|p| self.memory.extend_from_slice(p));
            return Ok(at);
        }
        // Past the memory, bodies are written a megabyte at a time: a system call per
        // release took seconds on a million.
        pieces.iter().for_each(|p| self.unwritten.extend_from_slice(p));
        let at = self.limit() as u64 + self.file_len;
        self.file_len += len as u64;
        if self.unwritten.len() >= 1 << 20 {
            self.write_out()?;
        }
        Ok(at)
    }

    /// Appends the bodies not yet written to the file.
    fn write_out(&mut self) -> std::io::Result<()> {
        use std::io::{Seek, SeekFrom, Write};
        if self.unwritten.is_empty() {
            return Ok(());
        }
        if self.file.is_none() {
            self.file = Some(super::output::unnamed_temp_file("the bodies of releases read")?);
        }
        let file = self
            .file
            .as_mut()
            .ok_or_else(|| std::io::Error::other("no body file"))?;
        file.seek(SeekFrom::End(0))?;
        file.write_all(&self.unwritten)?;
        self.unwritten.clear();
        Ok(())
    }

    /// Whether the bytes stored at `at` start with `prefix`.
    fn prefix_is(&mut self, at: u64, prefix: &[u8]) -> std::io::Result<bool> {
        let limit = self.limit() as u64;
        if at < limit {
            let from = at as usize;
            return Ok(self.memory.get(from..from + prefix.len()) == Some(prefix));
        }
        let mut stored = vec![0; prefix.len()];
        self.read_at(at, &mut stored)?;
        Ok(stored == prefix)
    }

    /// Reads the bytes stored at `at` into `into`.
    fn read_at(&mut self, at: u64, into: &mut [u8]) -> std::io::Result<()> {
        let limit = self.limit() as u64;
        if at < limit {
            let from = at as usize;
            let stored = self
                .memory
                .get(from..from + into.len())
                .ok_or_else(|| std::io::Error::other("no such record"))?;
            into.copy_from_slice(stored);
            return Ok(());
        }
        use std::io::{Read, Seek, SeekFrom};
        self.write_out()?;
        let file = self
            .file
            .as_mut()
            .ok_or_else(|| std::io::Error::other("no body file"))?;
        file.seek(SeekFrom::Start(at - limit))?;
        file.read_exact(into)
    }
}

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
            let keep = |id: Option<&str>| Verdict::Keep(id.map(str::to_string));
            assert_eq!(d.judge("id", "Lamp sales rose.", "a", 1).unwrap(), keep(None));
            // A cut copy, then a longer one: copies of the first.
            let copy = |longer| Verdict::Copy {
                id: "id".to_string(),
                place: "a:1".to_string(),
                longer,
            };
            assert_eq!(d.judge("id", "Lamp sa", "b", 1).unwrap(), copy(false));
            assert_eq!(d.judge("id", "Lamp sales rose. More.", "b", 5).unwrap(), copy(true));
            // Another body: another release, and its own copies.
            assert_eq!(d.judge("id", "Kettle sales fell.", "c", 1).unwrap(), keep(Some("id-2")));
            assert_eq!(d.judge("id", "Stove sales held.", "c", 5).unwrap(), keep(Some("id-3")));
            let second = d.judge("id", "Kettle", "d", 1).unwrap();
            assert!(
                matches!(&second, Verdict::Copy { id, .. } if id == "id-2"),
                "{second:?}"
            );
            assert_eq!(d.judge("other", "Lamp sales rose.", "d", 5).unwrap(), keep(None));
            // An empty body is a prefix of every body.
            assert!(matches!(d.judge("other", "", "e", 1).unwrap(), Verdict::Copy { .. }));
            assert_eq!(d.place_of("id").unwrap().as_deref(), Some("a:1"));
            assert_eq!(d.place_of("none").unwrap(), None);
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
