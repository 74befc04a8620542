//! Two facts tables -> what was added, removed and changed, keyed by release and figure.
//!
//! A fact is known by `release_id` + `section` + `kind` + `text` + its occurrence index
//! (the n-th row with those four in the table), never by row number: a fact added early
//! in a release does not make every later row look changed. The other columns present in
//! both tables are compared; a column present in only one table is itself a difference.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::io::{self, Read, Write};

use serde::Serialize;

use crate::write::{Format, TableWriter};

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
    let mut reader = csv::ReaderBuilder::new().flexible(false).from_reader(input);
    let csv_error = |e: csv::Error| TableError::Csv(name.to_string(), e);
    let header = reader.headers().map_err(csv_error)?.clone();
    let columns: Vec<String> = header
        .iter()
        .map(|c| c.trim_start_matches('\u{feff}').to_string())
        .collect();
    let mut key_at = [0; 4];
    for (slot, key) in key_at.iter_mut().zip(KEY_COLUMNS) {
        *slot = columns
            .iter()
            .position(|c| c == key)
            .ok_or(TableError::MissingColumn(name.to_string(), key))?;
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        rows.push(record.map_err(csv_error)?);
    }
    Ok(Table { columns, rows, key_at })
}

/// Reads a table from a file.
pub fn read_table_file(path: &std::path::Path) -> Result<Table, TableError> {
    let name = path.display().to_string();
    let file = std::fs::File::open(path).map_err(|e| TableError::Io(name.clone(), e))?;
    read_table(&name, io::BufReader::new(file))
}

impl Table {
    fn field<'a>(&self, row: &'a csv::StringRecord, column: usize) -> &'a str {
        row.get(column).unwrap_or("")
    }

    fn column(&self, name: &str) -> Option<usize> {
        self.columns.iter().position(|c| c == name)
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

/// What happened to one fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

impl ChangeKind {
    fn mark(self) -> char {
        match self {
            ChangeKind::Added => '+',
            ChangeKind::Removed => '-',
            ChangeKind::Changed => '~',
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
    /// Only for `Changed`.
    pub columns: Vec<ColumnChange>,
}

/// The changes of one release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseDiff {
    pub release_id: String,
    pub title: String,
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

/// Compares `old` with `new`. Columns named in `ignore` are not compared.
pub fn diff(old: &Table, new: &Table, ignore: &[String]) -> Diff {
    let compared: Vec<(usize, usize, &str)> = old
        .columns
        .iter()
        .enumerate()
        .filter(|(_, c)| !KEY_COLUMNS.contains(&c.as_str()) && !ignore.contains(c))
        .filter_map(|(o, c)| new.column(c).map(|n| (o, n, c.as_str())))
        .collect();
    let missing = |a: &Table, b: &Table| -> Vec<String> {
        a.columns
            .iter()
            .filter(|c| b.column(c).is_none() && !ignore.contains(c))
            .cloned()
            .collect()
    };
    let old_keys = old.keys();
    let new_keys = new.keys();
    let old_index: HashMap<&Key, usize> = old_keys.iter().zip(0..).collect();
    let new_index: HashMap<&Key, usize> = new_keys.iter().zip(0..).collect();

    // Releases in order of first appearance: the old table's, then the new ones.
    let mut order: HashMap<&str, usize> = HashMap::new();
    for key in old_keys.iter().chain(&new_keys) {
        let next = order.len();
        order.entry(&key.parts[0]).or_insert(next);
    }
    let mut by_release: BTreeMap<usize, ReleaseDiff> = BTreeMap::new();
    let mut push = |key: &Key, table: &Table, row: &csv::StringRecord, change: ChangeKind, columns| {
        let get = |name: &str| {
            table
                .column(name)
                .map(|c| table.field(row, c).to_string())
                .unwrap_or_default()
        };
        let slot = order.get(key.parts[0].as_str()).copied().unwrap_or(usize::MAX);
        let release = by_release.entry(slot).or_insert_with(|| ReleaseDiff {
            release_id: key.parts[0].clone(),
            title: get("title"),
            changes: Vec::new(),
        });
        release.changes.push(Change {
            change,
            section: key.parts[1].clone(),
            kind: key.parts[2].clone(),
            text: key.parts[3].clone(),
            occurrence: key.occurrence,
            value: get("value"),
            unit: get("unit"),
            columns,
        });
    };
    for (key, row) in old_keys.iter().zip(&old.rows) {
        if !new_index.contains_key(key) {
            push(key, old, row, ChangeKind::Removed, Vec::new());
        }
    }
    for (key, row) in new_keys.iter().zip(&new.rows) {
        let Some(old_row) = old_index.get(key).and_then(|&at| old.rows.get(at)) else {
            push(key, new, row, ChangeKind::Added, Vec::new());
            continue;
        };
        let columns: Vec<ColumnChange> = compared
            .iter()
            .filter_map(|&(o, n, name)| {
                let (a, b) = (old.field(old_row, o), new.field(row, n));
                (a != b).then(|| ColumnChange {
                    column: name.to_string(),
                    old: a.to_string(),
                    new: b.to_string(),
                })
            })
            .collect();
        if !columns.is_empty() {
            push(key, new, row, ChangeKind::Changed, columns);
        }
    }
    Diff {
        releases: by_release.into_values().collect(),
        old_rows: old.rows.len(),
        new_rows: new.rows.len(),
        only_in_old: missing(old, new),
        only_in_new: missing(new, old),
    }
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.releases.is_empty() && self.only_in_old.is_empty() && self.only_in_new.is_empty()
    }

    fn changes(&self) -> impl Iterator<Item = &Change> {
        self.releases.iter().flat_map(|r| r.changes.iter())
    }

    /// Added, removed and changed facts per kind.
    pub fn counts(&self) -> BTreeMap<&str, [usize; 3]> {
        let mut counts: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
        for c in self.changes() {
            let n = counts.entry(&c.kind).or_default();
            let slot = match c.change {
                ChangeKind::Added => &mut n[0],
                ChangeKind::Removed => &mut n[1],
                ChangeKind::Changed => &mut n[2],
            };
            *slot += 1;
        }
        counts
    }

    /// The differences as a table: one row per added or removed fact (`column` empty,
    /// `old`/`new` holding its value), one row per changed column of a changed fact.
    pub fn write_table<W: Write>(&self, out: W, format: Format) -> io::Result<W> {
        let mut w = TableWriter::new(out, format, &DIFF_COLUMNS)?;
        for r in &self.releases {
            for c in &r.changes {
                let row = |column: &str, old: &str, new: &str| DiffRow {
                    change: c.change,
                    release_id: &r.release_id,
                    title: &r.title,
                    section: &c.section,
                    kind: &c.kind,
                    text: &c.text,
                    occurrence: c.occurrence,
                    column: column.to_string(),
                    old: old.to_string(),
                    new: new.to_string(),
                };
                match c.change {
                    ChangeKind::Added => w.write(&row("", "", &c.value))?,
                    ChangeKind::Removed => w.write(&row("", &c.value, ""))?,
                    ChangeKind::Changed => {
                        for col in &c.columns {
                            w.write(&row(&col.column, &col.old, &col.new))?;
                        }
                    }
                }
            }
        }
        w.finish()
    }
}

/// The header of the differences table.
pub const DIFF_COLUMNS: [&str; 10] = [
    "change",
    "release_id",
    "title",
    "section",
    "kind",
    "text",
    "occurrence",
    "column",
    "old",
    "new",
];

#[derive(Serialize)]
struct DiffRow<'a> {
    change: ChangeKind,
    release_id: &'a str,
    title: &'a str,
    section: &'a str,
    kind: &'a str,
    text: &'a str,
    occurrence: usize,
    column: String,
    old: String,
    new: String,
}

/// The report for people: changes grouped by release, then the counts per kind.
impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.only_in_old.is_empty() {
            writeln!(f, "columns only in the old table: {}", self.only_in_old.join(", "))?;
        }
        if !self.only_in_new.is_empty() {
            writeln!(f, "columns only in the new table: {}", self.only_in_new.join(", "))?;
        }
        for r in &self.releases {
            writeln!(f, "{}  {}", r.release_id, r.title)?;
            for c in &r.changes {
                let nth = if c.occurrence > 0 {
                    format!(" #{}", c.occurrence + 1)
                } else {
                    String::new()
                };
                write!(
                    f,
                    "  {} {:<8} {:?}{nth} ({})",
                    c.change.mark(),
                    c.kind,
                    c.text,
                    c.section
                )?;
                match c.change {
                    ChangeKind::Changed => {
                        let cols: Vec<String> = c
                            .columns
                            .iter()
                            .map(|x| format!("{}: {:?} -> {:?}", x.column, x.old, x.new))
                            .collect();
                        writeln!(f, ": {}", cols.join("; "))?;
                    }
                    _ => writeln!(f, " = {} {}", c.value, c.unit)?,
                }
            }
        }
        let counts = self.counts();
        let total = counts
            .values()
            .fold([0; 3], |t, n| [t[0] + n[0], t[1] + n[1], t[2] + n[2]]);
        if self.is_empty() {
            return writeln!(f, "No differences ({} facts in each table).", self.new_rows);
        }
        write!(
            f,
            "{} added, {} removed, {} changed in {} release(s) ({} facts before, {} after)",
            total[0],
            total[1],
            total[2],
            self.releases.len(),
            self.old_rows,
            self.new_rows
        )?;
        let per_kind: Vec<String> = counts
            .iter()
            .map(|(k, n)| format!("{k} +{} -{} ~{}", n[0], n[1], n[2]))
            .collect();
        if per_kind.is_empty() {
            writeln!(f, ".")
        } else {
            writeln!(f, ": {}.", per_kind.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "release_id,title,section,kind,value,unit,text,offset\n";

    fn table(rows: &str) -> Table {
        read_table("t", format!("{HEAD}{rows}").as_bytes()).unwrap()
    }

    #[test]
    fn equal_tables_have_no_differences() {
        let t = table("r1,T,body,money,5,USD,$5,10\n");
        let d = diff(&t, &t, &[]);
        assert!(d.is_empty());
        assert_eq!(d.to_string(), "No differences (1 facts in each table).\n");
    }

    #[test]
    fn a_fact_added_early_does_not_change_the_later_ones() {
        let old = table("r1,T,body,money,5,USD,$5,10\nr1,T,body,percent,3,%,3%,20\n");
        let new =
            table("r1,T,body,count,2,items,2 items,4\nr1,T,body,money,5,USD,$5,10\nr1,T,body,percent,3,%,3%,20\n");
        let d = diff(&old, &new, &["offset".to_string()]);
        let changes: Vec<_> = d.changes().map(|c| (c.change, c.kind.as_str())).collect();
        assert_eq!(changes, [(ChangeKind::Added, "count")]);
    }

    #[test]
    fn changed_columns_are_named_with_old_and_new_values() {
        let old = table("r1,T,body,money,5,USD,$5,10\n");
        let new = table("r1,T,body,money,6,USD,$5,10\n");
        let d = diff(&old, &new, &[]);
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
            report.contains("r1  T\n  ~ money    \"$5\" (body): value: \"5\" -> \"6\""),
            "{report}"
        );
        assert!(
            report.ends_with(
                "0 added, 0 removed, 1 changed in 1 release(s) (1 facts before, 1 after): money +0 -0 ~1.\n"
            )
        );
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
        let d = diff(&old, &new, &[]);
        let changed: Vec<&str> = d
            .changes()
            .flat_map(|c| c.columns.iter().map(|x| x.column.as_str()))
            .collect();
        assert!(changed.contains(&"period"), "{changed:?}");
        let bare = table("r1,T,body,money,5,USD,$5,10\n");
        assert!(diff(&bare, &new, &[]).only_in_new.contains(&"basis".to_string()));
    }

    #[test]
    fn repeated_figures_are_told_apart_by_occurrence() {
        let old = table("r1,T,body,percent,3,%,3%,10\nr1,T,body,percent,3,%,3%,30\n");
        let new = table("r1,T,body,percent,3,%,3%,10\n");
        let d = diff(&old, &new, &[]);
        let c = d.changes().next().unwrap();
        assert_eq!((c.change, c.occurrence), (ChangeKind::Removed, 1));
    }

    #[test]
    fn the_differences_table_has_one_row_per_changed_column() {
        let old = table("r1,T,body,money,5,USD,$5,10\nr2,U,title,date,2025,year,2025,0\n");
        let new = table("r1,T,body,money,6,EUR,$5,10\n");
        let out = diff(&old, &new, &[]).write_table(Vec::new(), Format::Csv).unwrap();
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
        assert!(diff(&plain, &excel, &[]).is_empty());
    }
}
