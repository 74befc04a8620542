//! `diff` of two tables in files, with memory that does not grow with them.
//!
//! Every fact is paired within its release (and its retitled twin), so the comparison
//! can go a release at a time. Each file is read twice: first for how many rows each
//! release has (and, when some ids are on one side only, once more for what the retitle
//! test needs of those releases), then row by row, both files side by side, each release
//! compared as soon as all its rows are in and then let go. Tables written in the same
//! release order (two runs over one corpus) hold about one release at a time; tables in
//! other orders hold what one has read ahead of the other; the releases of the new table
//! only, reported last, wait in a temporary file past 16 MB (`waiting.rs`). What is kept of every release is a hash of
//! its id, its rows in each table and its place in the order: 40 bytes.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{self, BufReader, Seek, Write};
use std::path::Path;

use csv::StringRecord;
use xxhash_rust::xxh3::xxh3_128;

use super::waiting::{WAITING_IN_MEMORY, Waiting};
use super::{
    Compared, Diff, DiffWriter, Plan, ReleaseDiff, Sink, Summaries, TableError, View, csv_reader, head,
    retitled_releases,
};

/// A facts table in a file, which the comparison reads more than once (what is not a
/// plain file, such as a pipe, is first copied to a temporary file).
#[derive(Debug)]
pub struct TableFile {
    name: String,
    file: File,
}

impl TableFile {
    /// Opens the table at `path`, and reads its header: a file that is no facts table is
    /// refused here, before anything else is done.
    pub fn open(path: &Path) -> Result<TableFile, TableError> {
        let name = path.display().to_string();
        let io_error = |e| TableError::Io(name.clone(), e);
        let file = File::open(path).map_err(io_error)?;
        if !file.metadata().map_err(io_error)?.is_file() {
            return TableFile::copied(name, file);
        }
        let table = TableFile { name, file };
        table.read()?;
        Ok(table)
    }

    /// The table `input` reads (standard input, a pipe), copied to a temporary file, and
    /// its header read.
    pub fn copied(name: impl Into<String>, mut input: impl io::Read) -> Result<TableFile, TableError> {
        let name = name.into();
        let read_error = |e| TableError::Io(name.clone(), e);
        let copy_error = |e| TableError::NotCopied(name.clone(), std::env::temp_dir().display().to_string(), e);
        let mut file = tempfile::tempfile().map_err(copy_error)?;
        // Copied by hand, not by `io::copy`: a failed read and a failed write (a full
        // `TMPDIR`) are told apart.
        let mut buffer = vec![0; 1 << 16];
        loop {
            let n = match input.read(&mut buffer) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(read_error(e)),
            };
            file.write_all(&buffer[..n]).map_err(copy_error)?;
        }
        let table = TableFile { name, file };
        table.read()?;
        Ok(table)
    }

    /// The table in `file` (read from its start), called `name` in messages.
    pub fn new(name: impl Into<String>, file: File) -> TableFile {
        TableFile {
            name: name.into(),
            file,
        }
    }

    /// The table's header, and a reader of its rows from the first.
    fn read(&self) -> Result<(Header, Rows<'_>), TableError> {
        let io_error = |e| TableError::Io(self.name.clone(), e);
        let mut file = self.file.try_clone().map_err(io_error)?;
        file.rewind().map_err(io_error)?;
        let mut reader = csv_reader(BufReader::with_capacity(1 << 16, file));
        let (columns, key_at) = head(&self.name, &mut reader)?;
        let rows = Rows {
            name: &self.name,
            reader,
            next: None,
        };
        Ok((Header { columns, key_at }, rows))
    }
}

/// A table's columns, and where its key columns are.
struct Header {
    columns: Vec<String>,
    key_at: [usize; 4],
}

impl Header {
    /// The hash of a row's release id.
    fn release(&self, row: &StringRecord) -> Hash {
        hash(row.get(self.key_at[0]).unwrap_or(""))
    }

    fn view<'a>(&'a self, rows: &'a [StringRecord]) -> View<'a> {
        View {
            columns: &self.columns,
            key_at: self.key_at,
            rows,
        }
    }
}

/// A table read row by row, one row ahead.
struct Rows<'a> {
    name: &'a str,
    reader: csv::Reader<BufReader<File>>,
    next: Option<StringRecord>,
}

impl Rows<'_> {
    /// The next row, without taking it.
    fn peek(&mut self) -> Result<Option<&StringRecord>, TableError> {
        if self.next.is_none() {
            let mut row = StringRecord::new();
            self.next = self.read(&mut row)?.then_some(row);
        }
        Ok(self.next.as_ref())
    }

    /// Every row, read into one record: for a reading that keeps none of them.
    fn each(mut self, mut f: impl FnMut(&StringRecord)) -> Result<(), TableError> {
        let mut row = StringRecord::new();
        while self.read(&mut row)? {
            f(&row);
        }
        Ok(())
    }

    fn read(&mut self, row: &mut StringRecord) -> Result<bool, TableError> {
        self.reader
            .read_record(row)
            .map_err(|e| TableError::Csv(self.name.to_string(), e))
    }

    fn take(&mut self) -> Option<StringRecord> {
        self.next.take()
    }
}

/// A release id's hash: 128 bits, so that two ids that hash alike are not to be met
/// (as two words, aligned as they: a release is then 40 bytes in the map; with a `u128`,
/// aligned to 16, 48).
type Hash = [u64; 2];

fn hash(id: &str) -> Hash {
    let h = xxh3_128(id.as_bytes());
    [h as u64, (h >> 64) as u64]
}

/// What is kept of a release, by the hash of its id or, for a retitled release, of its
/// old id.
struct Release {
    /// Its rows in each table, then those not yet read.
    left: [u64; 2],
    /// Its place in the comparison's order (`u64::MAX` before it is known).
    rank: u64,
}

const OLD: usize = 0;
const NEW: usize = 1;

/// [`diff`](super::diff) of the tables in two files, the same result, without holding
/// either table (see the module's text). The tables are read as [`read_table`](super::read_table) reads them.
pub fn diff_files(old: &TableFile, new: &TableFile, compared: &Compared) -> Result<Diff, TableError> {
    diff_files_holding(old, new, compared, WAITING_IN_MEMORY).map(|(diff, _)| diff)
}

/// [`diff_files`], each release's differences written as soon as the releases before it
/// are: in memory that does not grow with the differences either (the releases of the new
/// table only, which come after all the others, wait for them in a temporary file past
/// 16 MB). Gives back the output, and whether the tables differ.
pub fn diff_files_to<W: Write>(
    old: &TableFile,
    new: &TableFile,
    compared: &Compared,
    mut writer: DiffWriter<W>,
) -> Result<(W, bool), TableError> {
    let counted = compare(old, new, compared, &mut writer, WAITING_IN_MEMORY)?;
    writer
        .finish(counted.rows[OLD], counted.rows[NEW])
        .map_err(TableError::Write)
}

/// The differences gathered whole, as `diff` gives them.
#[derive(Default)]
struct Gathered {
    releases: Vec<ReleaseDiff>,
    only_in: (Vec<String>, Vec<String>),
}

impl Sink for Gathered {
    fn columns(&mut self, only_in_old: &[String], only_in_new: &[String]) -> io::Result<()> {
        self.only_in = (only_in_old.to_vec(), only_in_new.to_vec());
        Ok(())
    }

    fn release(&mut self, release: ReleaseDiff) -> io::Result<()> {
        self.releases.push(release);
        Ok(())
    }
}

/// What a comparison counted: the rows of each table, and the most rows, compared
/// releases and rows of releases of the new table only it held at once (which the tests
/// read).
#[cfg_attr(not(test), allow(dead_code))]
struct Counted {
    rows: [usize; 2],
    held_rows: usize,
    held_releases: usize,
    held_waiting: usize,
}

/// `diff_files`, and what it counted; `waiting` bytes of rows of releases of the new table
/// only are held in memory.
fn diff_files_holding(
    old: &TableFile,
    new: &TableFile,
    compared: &Compared,
    waiting: usize,
) -> Result<(Diff, Counted), TableError> {
    let mut gathered = Gathered::default();
    let counted = compare(old, new, compared, &mut gathered, waiting)?;
    let diff = Diff {
        releases: gathered.releases,
        old_rows: counted.rows[OLD],
        new_rows: counted.rows[NEW],
        only_in_old: gathered.only_in.0,
        only_in_new: gathered.only_in.1,
    };
    Ok((diff, counted))
}

/// Compares two tables in files, handing each release's differences to `sink` in the
/// order `diff` gives them; the releases of the new table only wait in a [`Waiting`] of
/// `waiting` bytes.
fn compare(
    old: &TableFile,
    new: &TableFile,
    compared: &Compared,
    sink: &mut dyn Sink,
    waiting: usize,
) -> Result<Counted, TableError> {
    let tables = [old, new];
    let mut releases: HashMap<Hash, Release> = HashMap::new();
    let mut totals = [0u64; 2];
    for side in [OLD, NEW] {
        let (header, rows) = tables[side].read()?;
        rows.each(|row| {
            let release = releases.entry(header.release(row)).or_insert(Release {
                left: [0, 0],
                rank: u64::MAX,
            });
            release.left[side] += 1;
            totals[side] += 1;
        })?;
    }
    let old_releases = releases.values().filter(|r| r.left[OLD] > 0).count();
    let retitled = retitles(tables, &releases)?;
    // A retitled release's new rows are compared with its old ones.
    let mut twin: HashMap<Hash, Hash> = HashMap::new();
    for (new_id, (old_id, _)) in &retitled {
        let (new_hash, old_hash) = (hash(new_id), hash(old_id));
        let moved = releases.remove(&new_hash).map_or(0, |r| r.left[NEW]);
        if let Some(r) = releases.get_mut(&old_hash) {
            r.left[NEW] += moved;
        }
        twin.insert(new_hash, old_hash);
    }

    let [(old_header, old_rows), (new_header, new_rows)] = [old.read()?, new.read()?];
    let (headers, mut rows) = ([old_header, new_header], [old_rows, new_rows]);
    let plan = Plan::new(&headers[OLD].columns, &headers[NEW].columns, compared, retitled);
    sink.columns(&plan.only_in.0, &plan.only_in.1)
        .map_err(TableError::Write)?;
    // The rows read of the releases not yet compared; the changes of those compared, by
    // rank, until those before them are handed on (every release is put here, with no
    // changes or some, so that the next rank is known to be done).
    let mut pending: HashMap<Hash, [Vec<StringRecord>; 2]> = HashMap::new();
    let mut done: BTreeMap<u64, Vec<ReleaseDiff>> = BTreeMap::new();
    let mut next_rank = 0;
    let mut hand_on = |changes: Vec<ReleaseDiff>| {
        changes
            .into_iter()
            .try_for_each(|r| sink.release(r))
            .map_err(TableError::Write)
    };
    // A release of the new table only, compared when its turn comes.
    let alone = |rows: &[StringRecord]| plan.releases(&headers[OLD].view(&[]), &headers[NEW].view(rows));
    let mut ranked = [0, old_releases as u64];
    let mut waiting = Waiting::new(waiting);
    let (mut held, mut most_held, mut most_done) = (0, 0, 0);
    loop {
        let mut head = [None, None];
        for side in [OLD, NEW] {
            if let Some(row) = rows[side].peek()? {
                let id = headers[side].release(row);
                head[side] = Some(if side == NEW {
                    twin.get(&id).copied().unwrap_or(id)
                } else {
                    id
                });
            }
        }
        let side = match head {
            [None, None] => break,
            [Some(_), None] => OLD,
            [None, Some(_)] => NEW,
            [Some(o), Some(n)] => next_side(&releases, &pending, o, n),
        };
        let changed = || TableError::Changed(tables[side].name.clone());
        let (Some(id), Some(row)) = (head[side], rows[side].take()) else {
            return Err(changed());
        };
        let release = releases.get_mut(&id).filter(|r| r.left[side] > 0).ok_or_else(changed)?;
        release.left[side] -= 1;
        // Ranked as `diff` orders releases: by first appearance in the old table, then
        // (releases only in the new one) in the new. (Not ranked yet, a release with old
        // rows has none of them read: `left[OLD]` is still all of them.)
        if release.rank == u64::MAX && (side == OLD || release.left[OLD] == 0) {
            release.rank = ranked[side];
            ranked[side] += 1;
        }
        pending.entry(id).or_default()[side].push(row);
        held += 1;
        most_held = most_held.max(held);
        if release.left == [0, 0] {
            let [old_rows, new_rows] = pending.remove(&id).unwrap_or_default();
            held -= old_rows.len() + new_rows.len();
            if release.rank >= old_releases as u64 && release.rank > next_rank {
                // Of the new table only, it waits for the old table's releases.
                waiting.put(release.rank, new_rows).map_err(spill_error)?;
            } else {
                let changes = plan.releases(&headers[OLD].view(&old_rows), &headers[NEW].view(&new_rows));
                done.insert(release.rank, changes);
                most_done = most_done.max(done.len());
            }
            loop {
                if let Some(changes) = done.remove(&next_rank) {
                    hand_on(changes)?;
                } else if let Some(rows) = waiting.take(next_rank).map_err(spill_error)? {
                    hand_on(alone(&rows))?;
                } else {
                    break;
                }
                next_rank += 1;
            }
        }
    }
    if let Some(id) = pending.keys().next() {
        let side = if releases.get(id).is_some_and(|r| r.left[OLD] > 0) {
            OLD
        } else {
            NEW
        };
        return Err(TableError::Changed(tables[side].name.clone()));
    }
    // Every rank is handed on above (the ranks of a table's releases run on from 0 without
    // a gap); should one not be, what waits still goes, in order.
    debug_assert!(done.is_empty(), "every rank is handed on");
    debug_assert!(waiting.ranks().is_empty(), "every rank is handed on");
    let mut left: Vec<u64> = done.keys().copied().chain(waiting.ranks()).collect();
    left.sort_unstable();
    for rank in left {
        if let Some(changes) = done.remove(&rank) {
            hand_on(changes)?;
        } else if let Some(rows) = waiting.take(rank).map_err(spill_error)? {
            hand_on(alone(&rows))?;
        }
    }
    let count = |n: u64| usize::try_from(n).unwrap_or(usize::MAX);
    Ok(Counted {
        rows: totals.map(count),
        held_rows: most_held,
        held_releases: most_done,
        held_waiting: waiting.most_held,
    })
}

/// The error of a [`Waiting`] that cannot use its temporary file.
fn spill_error(e: io::Error) -> TableError {
    TableError::Spill(std::env::temp_dir().display().to_string(), e)
}

/// Which table to read a row of next, the next rows being of releases `old` and `new`:
/// the one whose row lets a release be compared sooner, so that little is held.
fn next_side(
    releases: &HashMap<Hash, Release>,
    pending: &HashMap<Hash, [Vec<StringRecord>; 2]>,
    old: Hash,
    new: Hash,
) -> usize {
    let left = |id: &Hash, side: usize| releases.get(id).map_or(0, |r| r.left[side]);
    let started = |id: &Hash, side: usize| pending.get(id).is_some_and(|rows| !rows[side].is_empty());
    if left(&new, OLD) == 0 || left(&old, NEW) > 0 && started(&new, OLD) {
        // The new row's release waits for no old row, or the old table has begun it.
        NEW
    } else {
        OLD
    }
}

/// The retitled releases (`retitled_releases`), of what one more reading of each table
/// gathers of the releases in it alone: none when either has none.
fn retitles(
    tables: [&TableFile; 2],
    releases: &HashMap<Hash, Release>,
) -> Result<HashMap<String, (String, String)>, TableError> {
    let alone = |side: usize| move |r: &Release| r.left[side] > 0 && r.left[1 - side] == 0;
    if !releases.values().any(alone(OLD)) || !releases.values().any(alone(NEW)) {
        return Ok(HashMap::new());
    }
    let mut summaries = Vec::new();
    for side in [OLD, NEW] {
        let (header, rows) = tables[side].read()?;
        let Some(mut gathered) = Summaries::new(&header.columns, header.key_at) else {
            return Ok(HashMap::new());
        };
        rows.each(|row| {
            if releases.get(&header.release(row)).is_some_and(alone(side)) {
                gathered.add(row);
            }
        })?;
        summaries.push(gathered.releases);
    }
    let [vanished, fresh] = [&summaries[OLD], &summaries[NEW]].map(|s| s.iter().collect::<Vec<_>>());
    Ok(retitled_releases(&vanished, &fresh))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::tests::FULL;
    use crate::diff::{diff, read_table};
    use crate::write::Format;

    /// The columns of the rows below.
    fn columns() -> Vec<&'static str> {
        FULL.trim_end().split(',').collect()
    }

    /// A small generator of numbers, the same for a seed.
    struct Seeded(u64);

    impl Seeded {
        fn below(&mut self, n: u64) -> u64 {
            // splitmix64
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            (z ^ (z >> 31)) % n.max(1)
        }

        fn one_in(&mut self, n: u64) -> bool {
            self.below(n) == 0
        }
    }

    type Row = [String; 11];

    fn row(id: &str, date: &str, category: &str, title: &str, n: u64, at: u64) -> Row {
        let text = format!("{n} percent");
        [
            id,
            date,
            category,
            title,
            if n.is_multiple_of(9) { "title" } else { "body" },
            "percent",
            &n.to_string(),
            "%",
            &text,
            &format!("Exports rose {text} in May."),
            &at.to_string(),
        ]
        .map(str::to_string)
    }

    /// Two tables of releases (each a run of rows), the second made from the first by the
    /// edits a grammar change or a new corpus makes: rows dropped, added, valued anew or
    /// edited in place; releases dropped, added and retitled; releases reordered, or rows
    /// of releases interleaved.
    fn tables(seed: u64) -> (Vec<Row>, Vec<Row>) {
        let mut r = Seeded(seed);
        let mut old: Vec<Vec<Row>> = Vec::new();
        for i in 0..r.below(12) {
            let (date, category) = (format!("2025-0{}-01", 1 + r.below(3)), format!("C{}", r.below(2)));
            let (id, title) = (format!("{date}-{i:04}"), format!("Title {i}"));
            old.push(
                (0..r.below(6))
                    .map(|k| row(&id, &date, &category, &title, r.below(8), k * 10))
                    .collect(),
            );
        }
        let mut new: Vec<Vec<Row>> = Vec::new();
        for (i, release) in old.iter().enumerate() {
            if r.one_in(8) {
                continue;
            }
            let retitled = r.one_in(5).then(|| (format!("x-{i}"), format!("Title {i}, revised")));
            let mut rows = Vec::new();
            for old_row in release {
                let mut row = old_row.clone();
                if let Some((id, title)) = &retitled {
                    row[0].clone_from(id);
                    row[3].clone_from(title);
                }
                match r.below(10) {
                    0 => continue,
                    1 => row[6] = (r.below(8) + 100).to_string(),
                    2 => {
                        let n = r.below(8) + 20;
                        row = row_like(&row, n);
                    }
                    3 => rows.push(row_like(&row, r.below(8))),
                    _ => {}
                }
                rows.push(row);
            }
            new.push(rows);
        }
        for i in 0..r.below(3) {
            let id = format!("2025-01-01-new{i}");
            new.push(
                (0..r.below(4))
                    .map(|k| row(&id, "2025-01-01", "C0", "Fresh", r.below(8), k))
                    .collect(),
            );
        }
        if r.one_in(4) {
            new.reverse();
        }
        let interleaved = r.one_in(4);
        let mut flat = |tables: Vec<Vec<Row>>, interleaved: bool| -> Vec<Row> {
            if !interleaved {
                return tables.into_iter().flatten().collect();
            }
            let mut runs: Vec<std::vec::IntoIter<Row>> = tables.into_iter().map(Vec::into_iter).collect();
            let mut out = Vec::new();
            while !runs.is_empty() {
                let at = r.below(runs.len() as u64) as usize;
                match runs[at].next() {
                    Some(row) => out.push(row),
                    None => _ = runs.remove(at),
                }
            }
            out
        };
        (flat(old, false), flat(new, interleaved))
    }

    /// The row with another figure at the same place: `n percent` in its sentence.
    fn row_like(row: &Row, n: u64) -> Row {
        let mut new = row.clone();
        new[6] = n.to_string();
        new[8] = format!("{n} percent");
        new[9] = format!("Exports rose {n} percent in May.");
        new
    }

    /// The table's CSV, without the columns `dropped`.
    fn csv(rows: &[Row], dropped: &[&str]) -> String {
        let columns = columns();
        let kept: Vec<usize> = (0..columns.len()).filter(|&c| !dropped.contains(&columns[c])).collect();
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(kept.iter().map(|&c| columns[c])).unwrap();
        for row in rows {
            w.write_record(kept.iter().map(|&c| &row[c])).unwrap();
        }
        String::from_utf8(w.into_inner().unwrap()).unwrap()
    }

    fn file(name: &str, text: &str) -> TableFile {
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(text.as_bytes()).unwrap();
        TableFile::new(name, file)
    }

    #[test]
    fn tables_in_files_compare_as_tables_held() {
        let mut retitles = 0;
        for seed in 0..600 {
            let (old, new) = tables(seed);
            let dropped: &[&str] = match seed % 6 {
                0 => &["sentence"],
                1 => &["category", "offset"],
                _ => &[],
            };
            let (a, b) = (
                csv(&old, dropped),
                csv(&new, if seed % 7 == 0 { &["unit"] } else { dropped }),
            );
            for compared in [Compared::default(), Compared::all()] {
                let held = diff(
                    &read_table("a", a.as_bytes()).unwrap(),
                    &read_table("b", b.as_bytes()).unwrap(),
                    &compared,
                );
                // The new table's own releases wait in memory, or (odd seeds) in the file.
                let waiting = if seed % 2 == 0 { WAITING_IN_MEMORY } else { 0 };
                let (streamed, _) = diff_files_holding(&file("a", &a), &file("b", &b), &compared, waiting).unwrap();
                assert_eq!(streamed, held, "seed {seed}");
                assert_eq!(streamed.to_string(), held.to_string());
                // Written as found: the same report and table, in the same order.
                let written = |writer| diff_files_to(&file("a", &a), &file("b", &b), &compared, writer).unwrap();
                let (text, differ) = written(DiffWriter::text(Vec::new()));
                assert_eq!(String::from_utf8(text).unwrap(), held.to_string(), "seed {seed}");
                assert_eq!(differ, !held.is_empty());
                let (table, _) = written(DiffWriter::table(Vec::new(), Format::Csv));
                assert_eq!(table, held.write_table(Vec::new(), Format::Csv).unwrap(), "seed {seed}");
                retitles += held.releases.iter().filter(|r| r.retitled.is_some()).count();
            }
        }
        // The tables have the cases the comparison must get right.
        assert!(retitles > 50, "{retitles}");
    }

    #[test]
    fn tables_in_the_same_order_are_held_a_release_at_a_time() {
        let releases = |edit: bool| -> Vec<Row> {
            (0..300u64)
                .flat_map(|i| {
                    let id = format!("2025-01-01-{i:04}");
                    (0..5).map(move |k| row(&id, "2025-01-01", "C", "T", if edit && k == 2 { 7 } else { k }, k))
                })
                .collect()
        };
        let (old, new) = (csv(&releases(false), &[]), csv(&releases(true), &[]));
        let (d, counted) = diff_files_holding(
            &file("a", &old),
            &file("b", &new),
            &Compared::default(),
            WAITING_IN_MEMORY,
        )
        .unwrap();
        assert_eq!(d.releases.len(), 300);
        let (held, releases) = (counted.held_rows, counted.held_releases);
        assert!(held <= 10, "{held} rows held");
        // Each release's changes are handed on as soon as it is compared.
        assert_eq!(releases, 1, "{releases} releases' changes held");
        // Another order holds what one table has read ahead of the other.
        let mut reversed: Vec<&str> = new.lines().skip(1).collect();
        reversed.reverse();
        let reversed = format!("{}\n{}\n", new.lines().next().unwrap(), reversed.join("\n"));
        let (_, counted) = diff_files_holding(
            &file("a", &old),
            &file("b", &reversed),
            &Compared::default(),
            WAITING_IN_MEMORY,
        )
        .unwrap();
        assert!(counted.held_rows > 1000, "{} rows held", counted.held_rows);
    }

    #[test]
    fn releases_of_the_new_table_only_wait_out_of_memory() {
        // A table of 50 releases against one of those and 300 more, some before them.
        let release = |i: u64| -> Vec<Row> {
            let id = format!("2025-01-01-{i:04}");
            (0..4).map(|k| row(&id, "2025-01-01", "C", "T", k, k)).collect()
        };
        let old: Vec<Row> = (0..50).flat_map(release).collect();
        let new: Vec<Row> = (0..350).map(|i| (i + 300) % 350).flat_map(release).collect();
        let (old, new) = (csv(&old, &[]), csv(&new, &[]));
        let held = diff(
            &read_table("a", old.as_bytes()).unwrap(),
            &read_table("b", new.as_bytes()).unwrap(),
            &Compared::default(),
        );
        assert_eq!(held.releases.len(), 300);
        for waiting in [WAITING_IN_MEMORY, 0] {
            let (d, counted) =
                diff_files_holding(&file("a", &old), &file("b", &new), &Compared::default(), waiting).unwrap();
            assert_eq!(d, held);
            // New releases read before the old table's last wait: the first 50 at least (200
            // rows), in memory within the budget, else in the file.
            let most = counted.held_waiting;
            assert!(if waiting > 0 { most >= 200 } else { most == 0 }, "{most} rows held");
        }
    }

    #[test]
    fn a_table_that_is_no_facts_table_is_refused_when_opened() {
        let mut path = tempfile::NamedTempFile::new().unwrap();
        path.write_all(b"a,b\n1,2\n").unwrap();
        let e = TableFile::open(path.path()).unwrap_err();
        assert!(
            e.to_string()
                .ends_with("not a facts table: no `release_id` column in its header"),
            "{e}"
        );
    }

    #[test]
    fn a_bad_row_is_named_as_read_table_names_it() {
        let bad = format!(
            "{}r1,2025-01-01,C,T,body,percent,1,%,1 percent,S.,0\nr1,short\n",
            csv(&[], &[])
        );
        let e = diff_files(
            &file("a.csv", &bad),
            &file("b.csv", &csv(&[], &[])),
            &Compared::default(),
        )
        .unwrap_err();
        let held = read_table("a.csv", bad.as_bytes()).unwrap_err();
        assert_eq!(e.to_string(), held.to_string());
    }
}
