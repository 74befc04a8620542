//! Two facts tables -> what was added, removed and changed, keyed by release and figure.
//!
//! A fact is known by `release_id` + `section` + `kind` + `text` + its occurrence index
//! (the n-th row with those four in the table), never by row number: a fact added early
//! in a release does not make every later row look changed. The other columns present in
//! both tables are compared, but for the quiet ones (`offset`, `source`, `sentence`) unless
//! asked; a column present in only one table is itself a difference. A figure edited in
//! place and a retitled release are each reported once, not as a removal and an addition.
//!
//! [`diff`] compares two tables held in memory ([`read_table`]); [`diff_files`] compares two
//! tables in files a release at a time, in memory that does not grow with them (`files.rs`),
//! and [`diff_files_to`] writes the differences as it finds them ([`DiffWriter`]).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{self, Read};

use serde::Serialize;

mod files;
mod in_place;
mod report;
mod retitle;
mod waiting;

pub use files::{TableFile, diff_files, diff_files_to};
pub use report::{DIFF_COLUMNS, DiffWriter};

use crate::model::FACT_COLUMNS;
use in_place::in_place_pairs;
use retitle::{ReleaseSummary, Summaries, retitled_releases};

/// The columns that identify a fact (with its occurrence index).
pub const KEY_COLUMNS: [&str; 4] = ["release_id", "section", "kind", "text"];

/// Why a table could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TableError {
    #[error("{0}: cannot read: {1}")]
    Io(String, io::Error),
    #[error("{0}: not a readable CSV table: {1}")]
    Csv(String, csv::Error),
    #[error("{0}: not a facts table: no `{1}` column in its header")]
    MissingColumn(String, &'static str),
    #[error("{0}: changed while it was read")]
    Changed(String),
    /// A table read from a pipe could not be copied to a temporary file (in the directory named).
    #[error("{0}: cannot copy it to a temporary file in {1} (TMPDIR): {2}")]
    NotCopied(String, String, io::Error),
    /// The differences could not be written as they were found ([`diff_files_to`]).
    #[error("cannot write the differences: {0}")]
    Write(io::Error),
    /// The releases of the new table only could not wait in a temporary file (in the
    /// directory named) for the old table's to be reported.
    #[error("cannot keep the new table's releases in a temporary file in {0} (TMPDIR): {1}")]
    Spill(String, io::Error),
}

/// Where a comparison hands what it finds: the compared columns one table lacks, then
/// each release's differences, in order.
trait Sink {
    fn columns(&mut self, only_in_old: &[String], only_in_new: &[String]) -> io::Result<()>;
    fn release(&mut self, release: ReleaseDiff) -> io::Result<()>;
}

/// A facts table as read: its header and its rows (fields in header order).
#[derive(Debug, Clone)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<csv::StringRecord>,
    /// Position of each key column.
    key_at: [usize; 4],
}

/// Reads a CSV facts table (a leading byte-order mark and `\r\n` line ends are fine).
pub fn read_table(name: &str, input: impl Read) -> Result<Table, TableError> {
    let mut reader = csv_reader(input);
    let (columns, key_at) = head(name, &mut reader)?;
    let mut rows = Vec::new();
    for record in reader.records() {
        rows.push(record.map_err(|e| TableError::Csv(name.to_string(), e))?);
    }
    Ok(Table { columns, rows, key_at })
}

/// Reads a table from a file.
pub fn read_table_file(path: &std::path::Path) -> Result<Table, TableError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| TableError::Io(name.clone(), e))?;
    read_table(&name, io::BufReader::new(file))
}

/// The reader of a table: every row as long as the header.
fn csv_reader<R: Read>(input: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new().flexible(false).from_reader(input)
}

/// A table's columns (a byte-order mark dropped) and where its key columns are.
fn head<R: Read>(name: &str, reader: &mut csv::Reader<R>) -> Result<(Vec<String>, [usize; 4]), TableError> {
    let header = reader.headers().map_err(|e| TableError::Csv(name.to_string(), e))?;
    let columns: Vec<String> = header
        .iter()
        .map(|c| c.trim_start_matches('\u{feff}').to_string())
        .collect();
    let mut key_at = [0; 4];
    for (slot, key) in key_at.iter_mut().zip(KEY_COLUMNS) {
        *slot = column_at(&columns, key).ok_or(TableError::MissingColumn(name.to_string(), key))?;
    }
    Ok((columns, key_at))
}

/// Where the column `name` is among `columns`.
fn column_at(columns: &[String], name: &str) -> Option<usize> {
    columns.iter().position(|c| c == name)
}

impl Table {
    fn view(&self) -> View<'_> {
        View {
            columns: &self.columns,
            key_at: self.key_at,
            rows: &self.rows,
        }
    }
}

/// A table's header and some of its rows (all of them, or one release's): what the
/// comparison reads.
#[derive(Clone, Copy)]
struct View<'a> {
    columns: &'a [String],
    key_at: [usize; 4],
    rows: &'a [csv::StringRecord],
}

impl View<'_> {
    fn field<'a>(&self, row: &'a csv::StringRecord, column: usize) -> &'a str {
        row.get(column).unwrap_or("")
    }

    fn column(&self, name: &str) -> Option<usize> {
        column_at(self.columns, name)
    }

    /// Each row's key, in table order.
    fn keys(&self) -> Vec<Key> {
        let mut seen: HashMap<[&str; 4], usize> = HashMap::new();
        self.rows
            .iter()
            .map(|row| {
                let parts = self.key_at.map(|at| self.field(row, at));
                let n = seen.entry(parts).or_default();
                let key = Key {
                    parts: parts.map(str::to_string),
                    occurrence: *n,
                };
                *n += 1;
                key
            })
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Key {
    /// release_id, section, kind, text.
    parts: [String; 4],
    occurrence: usize,
}

/// Columns that move when a corpus is moved or edited above a figure (`offset`, `source`),
/// or that repeat what the key says (`sentence`): not compared unless asked for.
pub const QUIET_COLUMNS: [&str; 3] = ["offset", "source", "sentence"];

/// Which columns a comparison looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compared {
    ignored: Vec<String>,
}

impl Default for Compared {
    /// Every column but the quiet ones.
    fn default() -> Self {
        Compared {
            ignored: QUIET_COLUMNS.map(String::from).to_vec(),
        }
    }
}

impl Compared {
    /// Every column but the quiet ones (all of them when `strict`, or those named in
    /// `compare`) and those named in `ignore`. A name that is no column of the facts
    /// table is refused with the list of the columns.
    pub fn new(strict: bool, compare: &[String], ignore: &[String]) -> Result<Compared, String> {
        if let Some(bad) = compare
            .iter()
            .chain(ignore)
            .find(|c| !FACT_COLUMNS.contains(&c.as_str()))
        {
            return Err(format!(
                "`{bad}` is not a column of the facts table; the columns are {}",
                FACT_COLUMNS.join(", ")
            ));
        }
        let quiet = QUIET_COLUMNS
            .iter()
            .filter(|c| !strict && !compare.iter().any(|x| x == *c));
        let ignored = quiet.map(|c| c.to_string()).chain(ignore.iter().cloned()).collect();
        Ok(Compared { ignored })
    }

    /// Every column.
    pub fn all() -> Compared {
        Compared { ignored: Vec::new() }
    }

    fn compares(&self, column: &str) -> bool {
        !self.ignored.iter().any(|c| c == column)
    }
}

/// What happened to one fact (or, `Retitled`, to a release).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
    Retitled,
}

impl ChangeKind {
    fn mark(self) -> char {
        match self {
            ChangeKind::Added => '+',
            ChangeKind::Removed => '-',
            ChangeKind::Changed | ChangeKind::Retitled => '~',
        }
    }
}

/// One column of a fact that changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnChange {
    pub column: String,
    pub old: String,
    pub new: String,
}

/// A fact added, removed or changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub change: ChangeKind,
    pub section: String,
    pub kind: String,
    pub text: String,
    /// 0 for the first fact with this release, section, kind and text.
    pub occurrence: usize,
    /// The fact's `value` and `unit` (the new row's, or the old one's when removed).
    pub value: String,
    pub unit: String,
    /// The fact's sentence, where the tables have one.
    pub sentence: String,
    /// Only for `Changed`; a figure edited in place also lists its `text`.
    pub columns: Vec<ColumnChange>,
}

/// The changes of one release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseDiff {
    pub release_id: String,
    pub title: String,
    /// The new id and title of a release whose title changed while its date, category and
    /// most of its figures stayed (`release_id` and `title` are then the old ones).
    pub retitled: Option<(String, String)>,
    pub changes: Vec<Change>,
}

/// Every difference between two tables.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diff {
    pub releases: Vec<ReleaseDiff>,
    pub old_rows: usize,
    pub new_rows: usize,
    pub only_in_old: Vec<String>,
    pub only_in_new: Vec<String>,
}

/// Compares `old` with `new` on the columns `compared` names.
///
/// Facts are paired by key. Then, within a release, a removed and an added fact of the
/// same section and kind whose sentences differ only by the figure (or, without
/// sentences, that stand at the same offset) are one fact changed in place. A release of
/// the new table whose id is new is paired with a vanished release of the same date and
/// category that shares at least half of its figures: a retitled release.
///
/// Both tables are held; [`diff_files`] compares tables in files of any size.
pub fn diff(old: &Table, new: &Table, compared: &Compared) -> Diff {
    let (old, new) = (old.view(), new.view());
    let (old_releases, new_releases) = (old.releases(), new.releases());
    let old_ids: HashSet<&str> = old_releases.iter().map(|r| r.id.as_str()).collect();
    let new_ids: HashSet<&str> = new_releases.iter().map(|r| r.id.as_str()).collect();
    let vanished: Vec<&ReleaseSummary> = old_releases
        .iter()
        .filter(|o| !new_ids.contains(o.id.as_str()))
        .collect();
    let fresh: Vec<&ReleaseSummary> = new_releases
        .iter()
        .filter(|r| !old_ids.contains(r.id.as_str()))
        .collect();
    let plan = Plan::new(old.columns, new.columns, compared, retitled_releases(&vanished, &fresh));
    let releases = plan.releases(&old, &new);
    plan.diff(releases, old.rows.len(), new.rows.len())
}

/// What a comparison knows before it reads the rows: the columns it compares, and the
/// releases that were retitled.
struct Plan<'a> {
    /// (old position, new position, name) of each column compared.
    compared_at: Vec<(usize, usize, &'a str)>,
    /// The compared columns that one table lacks: (only in the old, only in the new).
    only_in: (Vec<String>, Vec<String>),
    /// New release ids -> (the old id, the new title) of the retitled releases.
    retitled: HashMap<String, (String, String)>,
    /// The same, by the old id: (the new id, the new title).
    retitled_old: HashMap<String, (String, String)>,
}

impl<'a> Plan<'a> {
    fn new(
        old: &'a [String],
        new: &[String],
        compared: &Compared,
        retitled: HashMap<String, (String, String)>,
    ) -> Self {
        let compared_at = old
            .iter()
            .enumerate()
            .filter(|(_, c)| !KEY_COLUMNS.contains(&c.as_str()) && compared.compares(c))
            .filter_map(|(o, c)| column_at(new, c).map(|n| (o, n, c.as_str())))
            .collect();
        let missing = |a: &[String], b: &[String]| -> Vec<String> {
            let absent = |c: &&String| column_at(b, c).is_none() && compared.compares(c);
            a.iter().filter(absent).cloned().collect()
        };
        let retitled_old = retitled
            .iter()
            .map(|(new_id, (old_id, title))| (old_id.clone(), (new_id.clone(), title.clone())))
            .collect();
        Plan {
            compared_at,
            only_in: (missing(old, new), missing(new, old)),
            retitled,
            retitled_old,
        }
    }

    /// The changes of the releases of `old` and `new`, in order of the releases' first
    /// appearance (the old table's, then the new ones). The rows may be a release's only:
    /// with its retitled twin, if any, every fact is paired within its release.
    fn releases(&self, old: &View, new: &View) -> Vec<ReleaseDiff> {
        let old_keys = old.keys();
        let mut new_keys = new.keys();
        for key in &mut new_keys {
            if let Some((old_id, _)) = self.retitled.get(&key.parts[0]) {
                key.parts[0] = old_id.clone();
            }
        }
        let old_index: HashMap<&Key, usize> = old_keys.iter().zip(0..).collect();
        let new_index: HashMap<&Key, usize> = new_keys.iter().zip(0..).collect();
        let same_release = |key: &Key| !self.retitled_old.contains_key(key.parts[0].as_str());

        let mut releases = Releases::new(old, new, &old_keys, &new_keys);
        let mut removed: Vec<usize> = Vec::new();
        for (at, key) in old_keys.iter().enumerate() {
            if !new_index.contains_key(key) {
                removed.push(at);
            }
        }
        let mut added = Vec::new();
        for (at, key) in new_keys.iter().enumerate() {
            let Some(&old_at) = old_index.get(key) else {
                added.push(at);
                continue;
            };
            let columns = changed_columns(old, new, old_at, at, &self.compared_at, same_release(key));
            if !columns.is_empty() {
                let change = releases.change(new, at, key, ChangeKind::Changed, columns);
                releases.push(&key.parts[0], change);
            }
        }
        let pairs = in_place_pairs(old, new, &old_keys, &new_keys, &removed, &added);
        for &(old_at, new_at) in &pairs {
            let key = &new_keys[new_at];
            let mut columns = changed_columns(old, new, old_at, new_at, &self.compared_at, same_release(key));
            columns.insert(
                0,
                ColumnChange {
                    column: "text".to_string(),
                    old: old_keys[old_at].parts[3].clone(),
                    new: key.parts[3].clone(),
                },
            );
            let change = releases.change(new, new_at, key, ChangeKind::Changed, columns);
            releases.push(&key.parts[0], change);
        }
        let (paired_old, paired_new): (HashSet<usize>, HashSet<usize>) = pairs.iter().copied().unzip();
        for &at in removed.iter().filter(|at| !paired_old.contains(at)) {
            let change = releases.change(old, at, &old_keys[at], ChangeKind::Removed, Vec::new());
            releases.push(&old_keys[at].parts[0], change);
        }
        for &at in added.iter().filter(|at| !paired_new.contains(at)) {
            let change = releases.change(new, at, &new_keys[at], ChangeKind::Added, Vec::new());
            releases.push(&new_keys[at].parts[0], change);
        }
        // The retitled releases among these rows' (each says so even with no change).
        let retitled: Vec<(String, String, String)> = releases
            .order
            .keys()
            .filter_map(|id| {
                let (new_id, title) = self.retitled_old.get(id)?;
                Some((id.clone(), new_id.clone(), title.clone()))
            })
            .collect();
        for (old_id, new_id, new_title) in retitled {
            releases.retitle(&old_id, new_id, new_title);
        }
        releases.finish()
    }

    /// The comparison's result, of the changes of every release in order.
    fn diff(self, releases: Vec<ReleaseDiff>, old_rows: usize, new_rows: usize) -> Diff {
        Diff {
            releases,
            old_rows,
            new_rows,
            only_in_old: self.only_in.0,
            only_in_new: self.only_in.1,
        }
    }
}

/// The compared columns whose values differ between two rows (not `title` across a
/// retitled release, which says so once).
fn changed_columns(
    old: &View,
    new: &View,
    old_at: usize,
    new_at: usize,
    compared_at: &[(usize, usize, &str)],
    same_release: bool,
) -> Vec<ColumnChange> {
    let (old_row, new_row) = (&old.rows[old_at], &new.rows[new_at]);
    compared_at
        .iter()
        .filter(|(.., name)| same_release || *name != "title")
        .filter_map(|&(o, n, name)| {
            let (a, b) = (old.field(old_row, o), new.field(new_row, n));
            (a != b).then(|| ColumnChange {
                column: name.to_string(),
                old: a.to_string(),
                new: b.to_string(),
            })
        })
        .collect()
}

/// White space runs folded to one space, as the `sentence` column writes them.
fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl View<'_> {
    /// The table's releases in order of first appearance (none without a date or category
    /// column: a retitle is then never guessed).
    fn releases(&self) -> Vec<ReleaseSummary> {
        let Some(mut summaries) = Summaries::new(self.columns, self.key_at) else {
            return Vec::new();
        };
        self.rows.iter().for_each(|row| summaries.add(row));
        summaries.releases
    }
}

/// The changes gathered by release, in order of the releases' first appearance (the old
/// table's, then the new ones).
struct Releases {
    order: HashMap<String, usize>,
    titles: HashMap<String, String>,
    by_release: BTreeMap<usize, ReleaseDiff>,
}

impl Releases {
    fn new(old: &View, new: &View, old_keys: &[Key], new_keys: &[Key]) -> Self {
        let mut order = HashMap::new();
        let mut titles = HashMap::new();
        for (table, keys) in [(old, old_keys), (new, new_keys)] {
            for (key, row) in keys.iter().zip(table.rows) {
                let next = order.len();
                order.entry(key.parts[0].clone()).or_insert(next);
                let title = table.column("title").map(|c| table.field(row, c).to_string());
                titles.entry(key.parts[0].clone()).or_insert(title.unwrap_or_default());
            }
        }
        Releases {
            order,
            titles,
            by_release: BTreeMap::new(),
        }
    }

    /// The change of the fact at `at` of `table`.
    fn change(&self, table: &View, at: usize, key: &Key, change: ChangeKind, columns: Vec<ColumnChange>) -> Change {
        let row = &table.rows[at];
        let get = |name: &str| {
            table
                .column(name)
                .map(|c| table.field(row, c).to_string())
                .unwrap_or_default()
        };
        Change {
            change,
            section: key.parts[1].clone(),
            kind: key.parts[2].clone(),
            text: key.parts[3].clone(),
            occurrence: key.occurrence,
            value: get("value"),
            unit: get("unit"),
            sentence: get("sentence"),
            columns,
        }
    }

    fn entry(&mut self, release: &str) -> &mut ReleaseDiff {
        let slot = self.order.get(release).copied().unwrap_or(usize::MAX);
        let title = self.titles.get(release).cloned().unwrap_or_default();
        self.by_release.entry(slot).or_insert_with(|| ReleaseDiff {
            release_id: release.to_string(),
            title,
            retitled: None,
            changes: Vec::new(),
        })
    }

    fn push(&mut self, release: &str, change: Change) {
        self.entry(release).changes.push(change);
    }

    fn retitle(&mut self, old_id: &str, new_id: String, new_title: String) {
        self.entry(old_id).retitled = Some((new_id, new_title));
    }

    /// The releases in order, each release's changes in reading order of the facts.
    fn finish(self) -> Vec<ReleaseDiff> {
        self.by_release.into_values().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::write::Format;

    const HEAD: &str = "release_id,title,section,kind,value,unit,text,offset\n";

    fn table(rows: &str) -> Table {
        read_table("t", format!("{HEAD}{rows}").as_bytes()).unwrap()
    }

    #[test]
    fn equal_tables_have_no_differences() {
        let t = table("r1,T,body,money,5,USD,$5,10\n");
        let d = diff(&t, &t, &Compared::all());
        assert!(d.is_empty());
        assert_eq!(d.to_string(), "No differences (1 facts in each table).\n");
    }

    #[test]
    fn a_fact_added_early_does_not_change_the_later_ones() {
        let old = table("r1,T,body,money,5,USD,$5,10\nr1,T,body,percent,3,%,3%,20\n");
        let new =
            table("r1,T,body,count,2,items,2 items,4\nr1,T,body,money,5,USD,$5,10\nr1,T,body,percent,3,%,3%,20\n");
        let d = diff(&old, &new, &Compared::default());
        let changes: Vec<_> = d.changes().map(|c| (c.change, c.kind.as_str())).collect();
        assert_eq!(changes, [(ChangeKind::Added, "count")]);
    }

    #[test]
    fn changed_columns_are_named_with_old_and_new_values() {
        let old = table("r1,T,body,money,5,USD,$5,10\n");
        let new = table("r1,T,body,money,6,USD,$5,10\n");
        let d = diff(&old, &new, &Compared::all());
        let c = d.changes().next().unwrap();
        assert_eq!(c.change, ChangeKind::Changed);
        assert_eq!(
            c.columns,
            [ColumnChange {
                column: "value".into(),
                old: "5".into(),
                new: "6".into()
            }]
        );
        let report = d.to_string();
        assert!(
            report.contains("r1  T\n  ~ money    5 USD -> 6 USD  \"$5\" (body)\n"),
            "{report}"
        );
        assert!(
            report.ends_with(
                "0 added, 0 removed, 1 changed in 1 release(s) (1 facts before, 1 after): money +0 -0 ~1.\n"
            )
        );
    }

    pub(super) const FULL: &str =
        "release_id,release_date,category,title,section,kind,value,unit,text,sentence,offset\n";

    fn full(rows: &str) -> Table {
        read_table("t", format!("{FULL}{rows}").as_bytes()).unwrap()
    }

    #[test]
    fn a_value_edited_in_place_is_one_change() {
        let old = full("r1,2025-05-01,Trade,T,body,percent,1.5,%,1.5 percent,Exports rose 1.5 percent in May.,40\n");
        let new = full("r1,2025-05-01,Trade,T,body,percent,1.75,%,1.75 percent,Exports rose 1.75 percent in May.,40\n");
        let d = diff(&old, &new, &Compared::default());
        let changes: Vec<_> = d.changes().collect();
        assert_eq!(changes.len(), 1, "{d}");
        assert_eq!(changes[0].change, ChangeKind::Changed);
        let report = d.to_string();
        assert!(
            report.contains(
                "  ~ percent  1.5 % -> 1.75 %  \"1.75 percent\" (body) in \"Exports rose 1.75 percent in May.\"\n"
            ),
            "{report}"
        );
        assert!(
            report.ends_with(
                "0 added, 0 removed, 1 changed in 1 release(s) (1 facts before, 1 after): percent +0 -0 ~1.\n"
            )
        );
        let table = String::from_utf8(d.write_table(Vec::new(), Format::Csv).unwrap()).unwrap();
        assert!(
            table.contains("changed,r1,T,body,percent,1.75 percent,0,text,1.5 percent,1.75 percent\n"),
            "{table}"
        );
        assert!(
            table.contains("changed,r1,T,body,percent,1.75 percent,0,value,1.5,1.75\n"),
            "{table}"
        );
    }

    #[test]
    fn a_figure_whose_sentence_changed_elsewhere_too_is_removed_and_added() {
        let old = full("r1,2025-05-01,Trade,T,body,percent,1.5,%,1.5 percent,Exports rose 1.5 percent in May.,40\n");
        let new = full("r1,2025-05-01,Trade,T,body,percent,2,%,2 percent,Imports rose 2 percent in May.,40\n");
        let d = diff(&old, &new, &Compared::default());
        let kinds: Vec<_> = d.changes().map(|c| c.change).collect();
        assert_eq!(kinds, [ChangeKind::Removed, ChangeKind::Added]);
    }

    #[test]
    fn offsets_sources_and_sentences_are_compared_only_when_asked() {
        let old = full("r1,2025-05-01,Trade,T,body,money,5,USD,$5,Sales hit $5.,10\n");
        let new = full("r1,2025-05-01,Trade,T,body,money,5,USD,$5,Sales  hit $5.,90\n");
        assert!(diff(&old, &new, &Compared::default()).is_empty());
        let offset = Compared::new(false, &["offset".into()], &[]).unwrap();
        let d = diff(&old, &new, &offset);
        let columns: Vec<_> = d
            .changes()
            .flat_map(|c| c.columns.iter().map(|x| x.column.as_str()))
            .collect();
        assert_eq!(columns, ["offset"]);
        let strict = Compared::new(true, &[], &[]).unwrap();
        let d = diff(&old, &new, &strict);
        let columns: Vec<_> = d
            .changes()
            .flat_map(|c| c.columns.iter().map(|x| x.column.as_str()))
            .collect();
        assert_eq!(columns, ["sentence", "offset"]);
    }

    #[test]
    fn an_unknown_column_name_is_refused_with_the_list() {
        let e = Compared::new(false, &[], &["offsett".into()]).unwrap_err();
        assert!(
            e.starts_with("`offsett` is not a column of the facts table; the columns are release_id,"),
            "{e}"
        );
        assert!(e.contains("offset"));
        assert!(Compared::new(false, &["sentence".into()], &["subject".into()]).is_ok());
    }

    #[test]
    fn a_retitled_release_is_paired_not_removed_and_added() {
        let old = full(
            "a1,2025-05-01,Trade,Exports Up,title,percent,5,%,5%,Exports Up 5%,0\n\
             a1,2025-05-01,Trade,Exports Up,body,percent,5,%,5 percent,Exports rose 5 percent.,30\n\
             a1,2025-05-01,Trade,Exports Up,body,money,7,USD,$7,It hit $7.,60\n\
             b1,2025-05-01,Trade,Other,body,count,3,ships,3 ships,We saw 3 ships.,90\n",
        );
        let new = full(
            "a2,2025-05-01,Trade,Exports Climb,body,percent,5,%,5 percent,Exports rose 5 percent.,30\n\
             a2,2025-05-01,Trade,Exports Climb,body,money,7,USD,$7,It hit $7.,60\n\
             b1,2025-05-01,Trade,Other,body,count,3,ships,3 ships,We saw 3 ships.,90\n",
        );
        let d = diff(&old, &new, &Compared::default());
        assert_eq!(d.releases.len(), 1, "{d}");
        let r = &d.releases[0];
        assert_eq!(r.retitled, Some(("a2".to_string(), "Exports Climb".to_string())));
        let kinds: Vec<_> = r.changes.iter().map(|c| (c.change, c.section.as_str())).collect();
        assert_eq!(
            kinds,
            [(ChangeKind::Removed, "title")],
            "only the title's own figure went"
        );
        let report = d.to_string();
        assert!(
            report.starts_with("a1 -> a2  retitled: \"Exports Up\" -> \"Exports Climb\"\n"),
            "{report}"
        );
        assert!(report.contains(", 1 retitled ("), "{report}");
        // A release of another date is not a retitle.
        let moved = full("a2,2025-06-01,Trade,Exports Climb,body,percent,5,%,5 percent,Exports rose 5 percent.,30\n");
        let d = diff(&old, &moved, &Compared::default());
        assert!(d.releases.iter().all(|r| r.retitled.is_none()));
    }

    /// Two extractions of one release whose periods differ: the new columns are compared
    /// like the others, and a table without them differs by its columns.
    #[test]
    fn period_and_basis_are_compared() {
        let csv = |text: &str| {
            let ex = crate::extract(text);
            read_table("t", crate::write::facts_to_csv(ex.facts()).as_bytes()).unwrap()
        };
        let old = csv("-\nTrade\nExports\nIn May exports rose 4 percent from a year earlier. date2025-06-01\n");
        let new = csv("-\nTrade\nExports\nIn April exports rose 4 percent from a year earlier. date2025-06-01\n");
        let d = diff(&old, &new, &Compared::all());
        let changed: Vec<&str> = d
            .changes()
            .flat_map(|c| c.columns.iter().map(|x| x.column.as_str()))
            .collect();
        assert!(changed.contains(&"period"), "{changed:?}");
        let bare = table("r1,T,body,money,5,USD,$5,10\n");
        assert!(
            diff(&bare, &new, &Compared::all())
                .only_in_new
                .contains(&"basis".to_string())
        );
    }

    #[test]
    fn repeated_figures_are_told_apart_by_occurrence() {
        let old = table("r1,T,body,percent,3,%,3%,10\nr1,T,body,percent,3,%,3%,30\n");
        let new = table("r1,T,body,percent,3,%,3%,10\n");
        let d = diff(&old, &new, &Compared::all());
        let c = d.changes().next().unwrap();
        assert_eq!((c.change, c.occurrence), (ChangeKind::Removed, 1));
    }

    #[test]
    fn the_differences_table_has_one_row_per_changed_column() {
        let old = table("r1,T,body,money,5,USD,$5,10\nr2,U,title,date,2025,year,2025,0\n");
        let new = table("r1,T,body,money,6,EUR,$5,10\n");
        let out = diff(&old, &new, &Compared::all())
            .write_table(Vec::new(), Format::Csv)
            .unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "change,release_id,title,section,kind,text,occurrence,column,old,new\n\
             changed,r1,T,body,money,$5,0,value,5,6\n\
             changed,r1,T,body,money,$5,0,unit,USD,EUR\n\
             removed,r2,U,title,date,2025,0,,2025,\n"
        );
    }

    #[test]
    fn a_table_without_key_columns_is_refused() {
        let e = read_table("x.csv", "a,b\n1,2\n".as_bytes()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "x.csv: not a facts table: no `release_id` column in its header"
        );
    }

    #[test]
    fn an_excel_table_reads_like_the_plain_one() {
        let plain = table("r1,T,body,money,5,USD,$5,10\n");
        let excel = read_table(
            "e",
            format!("\u{feff}{HEAD}r1,T,body,money,5,USD,$5,10\n")
                .replace('\n', "\r\n")
                .as_bytes(),
        )
        .unwrap();
        assert!(diff(&plain, &excel, &Compared::all()).is_empty());
    }
}
