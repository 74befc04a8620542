//! The differences written: the report for people (`Display`) and the differences table
//! (`write_table`).

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Write};

use serde::Serialize;

use super::{Change, ChangeKind, Diff, folded};
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
        let mut w = TableWriter::new(out, format, &DIFF_COLUMNS)?;
        for r in &self.releases {
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
            match &r.retitled {
                Some((id, title)) => writeln!(f, "{} -> {}  retitled: {:?} -> {:?}", r.release_id, id, r.title, title)?,
                None => writeln!(f, "{}  {}", r.release_id, r.title)?,
            }
            for c in &r.changes {
                write_change(f, c)?;
            }
        }
        let counts = self.counts();
        let total = counts
            .values()
            .fold([0; 3], |t, n| [t[0] + n[0], t[1] + n[1], t[2] + n[2]]);
        if self.is_empty() {
            return writeln!(f, "No differences ({} facts in each table).", self.new_rows);
        }
        let retitled = self.releases.iter().filter(|r| r.retitled.is_some()).count();
        write!(
            f,
            "{} added, {} removed, {} changed in {} release(s)",
            total[0],
            total[1],
            total[2],
            self.releases.len(),
        )?;
        if retitled > 0 {
            write!(f, ", {retitled} retitled")?;
        }
        write!(f, " ({} facts before, {} after)", self.old_rows, self.new_rows)?;
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

/// One fact's line: `+`/`-` with its value; `~` with its value's change first when the
/// value or unit changed, then the other columns.
fn write_change(f: &mut fmt::Formatter<'_>, c: &Change) -> fmt::Result {
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
