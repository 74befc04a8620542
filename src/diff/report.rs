//! The differences written, a release at a time as they are found ([`DiffWriter`]): the
//! report for people (also `Display` of a [`Diff`]) and the differences table (also
//! `Diff::write_table`).

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::io::{self, Write};

use serde::Serialize;

use super::{Change, ChangeKind, Diff, ReleaseDiff, Sink, folded};
use crate::write::{Format, TableWriter};

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.releases.is_empty() && self.only_in_old.is_empty() && self.only_in_new.is_empty()
    }

    pub(super) fn changes(&self) -> impl Iterator<Item = &Change> {
        self.releases.iter().flat_map(|r| r.changes.iter())
    }

    /// Added, removed and changed facts per kind.
    pub fn counts(&self) -> BTreeMap<&str, [usize; 3]> {
        let mut counts: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
        for c in self.changes() {
            let n = counts.entry(&c.kind).or_default();
            match c.change {
                ChangeKind::Added => n[0] += 1,
                ChangeKind::Removed => n[1] += 1,
                ChangeKind::Changed | ChangeKind::Retitled => n[2] += 1,
            }
        }
        counts
    }

    /// The differences as a table: one row per added or removed fact (`column` empty,
    /// `old`/`new` holding its value), one row per changed column of a changed fact, and a
    /// `retitled` row (column `title`) per retitled release.
    pub fn write_table<W: Write>(&self, out: W, format: Format) -> io::Result<W> {
        let mut w = DiffWriter::table(out, format);
        self.releases.iter().try_for_each(|r| w.write_release(r))?;
        Ok(w.finish(self.old_rows, self.new_rows)?.0)
    }
}

/// Writes differences as they are found, a release at a time, in the order of
/// [`Diff::releases`]: the report for people or the differences table. What it keeps is
/// the counts its last line gives.
pub struct DiffWriter<W: Write> {
    out: Out<W>,
    /// Added, removed and changed facts per kind.
    counts: BTreeMap<String, [usize; 3]>,
    /// Releases with differences, and those retitled.
    releases: usize,
    retitled: usize,
    /// A compared column is in one table only.
    columns_differ: bool,
}

enum Out<W: Write> {
    Text(W),
    /// The differences table, begun at its first row (or at the end): a table that
    /// cannot be read is refused before anything is written.
    Table(Format, W),
    Rows(TableWriter<W>),
    /// Between the two (never seen: the header's write failed).
    Gone,
}

impl<W: Write> DiffWriter<W> {
    /// The report for people: changes grouped by release, then the counts per kind.
    pub fn text(out: W) -> Self {
        Self::new(Out::Text(out))
    }

    /// The differences table (`DIFF_COLUMNS`).
    pub fn table(out: W, format: Format) -> Self {
        Self::new(Out::Table(format, out))
    }

    fn new(out: Out<W>) -> Self {
        DiffWriter {
            out,
            counts: BTreeMap::new(),
            releases: 0,
            retitled: 0,
            columns_differ: false,
        }
    }

    /// The table's writer, its header written first.
    fn rows(&mut self) -> io::Result<&mut TableWriter<W>> {
        if let Out::Table(..) = self.out {
            if let Out::Table(format, out) = std::mem::replace(&mut self.out, Out::Gone) {
                self.out = Out::Rows(TableWriter::new(out, format, &DIFF_COLUMNS)?);
            }
        }
        match &mut self.out {
            Out::Rows(w) => Ok(w),
            _ => Err(io::Error::other("the differences table was not begun")),
        }
    }

    /// The compared columns one table lacks, said before any release.
    pub fn write_columns(&mut self, only_in_old: &[String], only_in_new: &[String]) -> io::Result<()> {
        self.columns_differ |= !only_in_old.is_empty() || !only_in_new.is_empty();
        let Out::Text(out) = &mut self.out else {
            return Ok(());
        };
        if !only_in_old.is_empty() {
            writeln!(out, "columns only in the old table: {}", only_in_old.join(", "))?;
        }
        if !only_in_new.is_empty() {
            writeln!(out, "columns only in the new table: {}", only_in_new.join(", "))?;
        }
        Ok(())
    }

    /// A release's differences.
    pub fn write_release(&mut self, r: &ReleaseDiff) -> io::Result<()> {
        self.releases += 1;
        self.retitled += usize::from(r.retitled.is_some());
        for c in &r.changes {
            let n = self.counts.entry(c.kind.clone()).or_default();
            match c.change {
                ChangeKind::Added => n[0] += 1,
                ChangeKind::Removed => n[1] += 1,
                ChangeKind::Changed | ChangeKind::Retitled => n[2] += 1,
            }
        }
        match &mut self.out {
            Out::Table(..) | Out::Rows(_) | Out::Gone => table_rows(self.rows()?, r),
            Out::Text(out) => {
                let mut text = String::new();
                match &r.retitled {
                    Some((id, title)) => writeln!(
                        text,
                        "{} -> {}  retitled: {:?} -> {:?}",
                        r.release_id, id, r.title, title
                    ),
                    None => writeln!(text, "{}  {}", r.release_id, r.title),
                }
                .and_then(|()| r.changes.iter().try_for_each(|c| write_change(&mut text, c)))
                .map_err(io::Error::other)?;
                out.write_all(text.as_bytes())
            }
        }
    }

    /// The last line (the report's counts): the output, and whether the tables differ.
    pub fn finish(mut self, old_rows: usize, new_rows: usize) -> io::Result<(W, bool)> {
        let differ = self.releases > 0 || self.columns_differ;
        if !matches!(self.out, Out::Text(_)) {
            self.rows()?;
        }
        let mut out = match self.out {
            Out::Text(out) => out,
            Out::Rows(w) => return Ok((w.finish()?, differ)),
            Out::Table(..) | Out::Gone => return Err(io::Error::other("the differences table was not begun")),
        };
        if !differ {
            writeln!(out, "No differences ({new_rows} facts in each table).")?;
            return Ok((out, differ));
        }
        let total = self
            .counts
            .values()
            .fold([0; 3], |t, n| [t[0] + n[0], t[1] + n[1], t[2] + n[2]]);
        write!(
            out,
            "{} added, {} removed, {} changed in {} release(s)",
            total[0], total[1], total[2], self.releases,
        )?;
        if self.retitled > 0 {
            write!(out, ", {} retitled", self.retitled)?;
        }
        write!(out, " ({old_rows} facts before, {new_rows} after)")?;
        let per_kind: Vec<String> = self
            .counts
            .iter()
            .map(|(k, n)| format!("{k} +{} -{} ~{}", n[0], n[1], n[2]))
            .collect();
        if per_kind.is_empty() {
            writeln!(out, ".")?;
        } else {
            writeln!(out, ": {}.", per_kind.join(", "))?;
        }
        Ok((out, differ))
    }
}

impl<W: Write> Sink for DiffWriter<W> {
    fn columns(&mut self, only_in_old: &[String], only_in_new: &[String]) -> io::Result<()> {
        self.write_columns(only_in_old, only_in_new)
    }

    fn release(&mut self, r: ReleaseDiff) -> io::Result<()> {
        self.write_release(&r)
    }
}

/// A release's rows of the differences table.
fn table_rows<W: Write>(w: &mut TableWriter<W>, r: &ReleaseDiff) -> io::Result<()> {
    let (id, title) = match &r.retitled {
        Some((id, title)) => (id.as_str(), title.as_str()),
        None => (r.release_id.as_str(), r.title.as_str()),
    };
    if r.retitled.is_some() {
        w.write(&DiffRow {
            change: ChangeKind::Retitled,
            release_id: id,
            title,
            section: "",
            kind: "",
            text: "",
            occurrence: 0,
            column: "title".to_string(),
            old: r.title.clone(),
            new: title.to_string(),
        })?;
    }
    for c in &r.changes {
        let row = |column: &str, old: &str, new: &str| DiffRow {
            change: c.change,
            release_id: id,
            title,
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
            ChangeKind::Changed | ChangeKind::Retitled => {
                for col in &c.columns {
                    w.write(&row(&col.column, &col.old, &col.new))?;
                }
            }
        }
    }
    Ok(())
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

/// Characters of the sentence shown on each side of a changed figure.
const CONTEXT: usize = 40;

/// The sentence around `text`, cut to `CONTEXT` characters on each side.
fn excerpt(sentence: &str, text: &str) -> String {
    let text = folded(text);
    let Some(at) = sentence.find(&text) else {
        return String::new();
    };
    let before: Vec<char> = sentence[..at].chars().collect();
    let after: Vec<char> = sentence[at + text.len()..].chars().collect();
    let mut out = String::new();
    if before.len() > CONTEXT {
        out.push('…');
    }
    out.extend(&before[before.len().saturating_sub(CONTEXT)..]);
    out.push_str(&text);
    out.extend(after.iter().take(CONTEXT));
    if after.len() > CONTEXT {
        out.push('…');
    }
    out
}

/// The report for people: changes grouped by release, then the counts per kind
/// ([`DiffWriter::text`]).
impl fmt::Display for Diff {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut w = DiffWriter::text(Vec::new());
        w.write_columns(&self.only_in_old, &self.only_in_new)
            .and_then(|()| self.releases.iter().try_for_each(|r| w.write_release(r)))
            .map_err(|_| fmt::Error)?;
        let (text, _) = w.finish(self.old_rows, self.new_rows).map_err(|_| fmt::Error)?;
        f.write_str(&String::from_utf8_lossy(&text))
    }
}

/// One fact's line: `+`/`-` with its value; `~` with its value's change first when the
/// value or unit changed, then the other columns.
fn write_change(f: &mut impl fmt::Write, c: &Change) -> fmt::Result {
    let nth = if c.occurrence > 0 {
        format!(" #{}", c.occurrence + 1)
    } else {
        String::new()
    };
    let column = |name: &str| c.columns.iter().find(|x| x.column == name);
    let (value, unit) = (column("value"), column("unit"));
    if c.change == ChangeKind::Changed && (value.is_some() || unit.is_some()) {
        let old_value = value.map_or(c.value.as_str(), |x| x.old.as_str());
        let old_unit = unit.map_or(c.unit.as_str(), |x| x.old.as_str());
        write!(
            f,
            "  ~ {:<8} {} -> {}  {:?}{nth} ({})",
            c.kind,
            format!("{old_value} {old_unit}").trim_end(),
            format!("{} {}", c.value, c.unit).trim_end(),
            c.text,
            c.section
        )?;
        let context = excerpt(&c.sentence, &c.text);
        if !context.is_empty() {
            write!(f, " in {context:?}")?;
        }
        let rest: Vec<String> = c
            .columns
            .iter()
            .filter(|x| !["value", "unit", "text"].contains(&x.column.as_str()))
            .map(|x| format!("{}: {:?} -> {:?}", x.column, x.old, x.new))
            .collect();
        if !rest.is_empty() {
            write!(f, "; {}", rest.join("; "))?;
        }
        return writeln!(f);
    }
    write!(
        f,
        "  {} {:<8} {:?}{nth} ({})",
        c.change.mark(),
        c.kind,
        c.text,
        c.section
    )?;
    match c.change {
        ChangeKind::Changed | ChangeKind::Retitled => {
            let cols: Vec<String> = c
                .columns
                .iter()
                .map(|x| format!("{}: {:?} -> {:?}", x.column, x.old, x.new))
                .collect();
            writeln!(f, ": {}", cols.join("; "))
        }
        _ => writeln!(f, " = {} {}", c.value, c.unit),
    }
}
