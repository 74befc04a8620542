//! CSV rows of facts, encoded as the csv writer encodes them, straight into the output
//! buffer.
//!
//! A release's rows repeat its id, date, category and title, and a sentence's rows repeat
//! the sentence and source: most of a row's bytes. Those columns are encoded once and
//! copied from where they were last written; a row's own columns are encoded as they come.

use std::io::{self, Write};
use std::ops::Range;

use crate::model::{Basis, Direction, Fact, Kind, Period, Qualifier, SharedStr};

/// Appends `field` and a delimiter as the csv writer encodes them: quoted when it holds
/// `,`, `"`, `\r` or `\n`, a quote in it doubled. (csv_core's encoder writes into a slice,
/// which had to be zeroed first at twice the field's length, a sentence's worth of bytes
/// per sentence; `fact_rows_are_the_csv_writers_bytes` holds this to the csv crate's bytes.)
fn push_field(field: &str, out: &mut Vec<u8>) {
    let bytes = field.as_bytes();
    let special = |b: &u8| matches!(b, b',' | b'"' | b'\n' | b'\r');
    // Vectorized searches for a long field (a sentence); for a short one, shorter than
    // what sets a search up, a fold without an early exit, which the compiler vectorizes.
    let quoted = if bytes.len() < 64 {
        bytes.iter().fold(false, |found, b| found | special(b))
    } else {
        memchr::memchr3(b',', b'"', b'\n', bytes).is_some() || memchr::memchr(b'\r', bytes).is_some()
    };
    if !quoted {
        out.extend_from_slice(bytes);
        out.push(b',');
        return;
    }
    out.push(b'"');
    let mut rest = bytes;
    while let Some(at) = memchr::memchr(b'"', rest) {
        out.extend_from_slice(&rest[..=at]);
        out.push(b'"');
        rest = &rest[at + 1..];
    }
    out.extend_from_slice(rest);
    out.extend_from_slice(b"\",");
}

/// Columns several rows share (a release's, a sentence's), and where in the output they
/// were last encoded.
struct Shared<const N: usize> {
    last: Option<([SharedStr; N], Range<usize>)>,
}

impl<const N: usize> Shared<N> {
    fn new() -> Self {
        Shared { last: None }
    }

    /// Appends the encoded `columns` to `out`, each followed by a delimiter: copied from
    /// their last encoding when they are the same strings as last time.
    fn append(&mut self, columns: [&SharedStr; N], out: &mut Vec<u8>) {
        let same = |last: &[SharedStr; N]| last.iter().zip(columns).all(|(a, b)| a.same_piece(b));
        if let Some((_, at)) = self.last.as_ref().filter(|(last, _)| same(last)) {
            out.extend_from_within(at.clone());
            return;
        }
        let start = out.len();
        for column in columns {
            push_field(column, out);
        }
        self.last = Some((columns.map(SharedStr::clone), start..out.len()));
    }
}

/// What a row's `period`, `period_end` and `basis` fields are written from: the rows of
/// a release mostly share them.
type Timing = (Option<Period>, Option<Period>, Option<Basis>);

/// The `period`, `period_end` and `basis` fields, each followed by a delimiter. Their
/// characters (digits, `-`, `.`, `Q`, `H`, letters) never need quoting.
fn write_timing((period, period_end, basis): Timing, row: &mut Vec<u8>) {
    for p in [period, period_end] {
        if let Some(p) = p {
            row.extend_from_slice(p.ascii().as_bytes());
        }
        row.push(b',');
    }
    if let Some(b) = basis {
        row.extend_from_slice(b.ascii().as_bytes());
    }
    row.push(b',');
}

/// `section,kind,` for each section and kind (in the order of their variants), written in
/// one copy.
const SECTION_KIND: [[&str; Kind::ALL.len()]; 2] = [
    [
        "title,money,",
        "title,percent,",
        "title,count,",
        "title,ordinal,",
        "title,duration,",
        "title,quantity,",
        "title,date,",
    ],
    [
        "body,money,",
        "body,percent,",
        "body,count,",
        "body,ordinal,",
        "body,duration,",
        "body,quantity,",
        "body,date,",
    ],
];

/// Writes `facts` as CSV rows (no header) to `buf`, with `\r\n` line ends when `crlf`.
pub fn write_csv_rows(facts: &[Fact], crlf: bool, mut buf: impl Write) -> io::Result<()> {
    let mut rows = Vec::new();
    append_csv_rows(facts, crlf, &mut rows);
    buf.write_all(&rows)
}

/// Appends `facts` as CSV rows (no header) to `out`, with `\r\n` line ends when `crlf`.
pub fn append_csv_rows(facts: &[Fact], crlf: bool, out: &mut Vec<u8>) {
    let (mut release, mut sentence) = (Shared::new(), Shared::new());
    // The timing fields last written, and where: copied when the next row has the same.
    let mut timing: Option<(Timing, Range<usize>)> = None;
    let mut offset = itoa::Buffer::new();
    for f in facts {
        release.append([&f.release_id, &f.release_date, &f.category, &f.title], out);
        out.extend_from_slice(SECTION_KIND[f.section as usize][f.kind as usize].as_bytes());
        // Numbers and date values never need quoting.
        out.extend_from_slice(f.value.ascii().as_bytes());
        out.push(b',');
        if let Some(v) = f.value_end {
            out.extend_from_slice(v.ascii().as_bytes());
        }
        out.push(b',');
        push_field(&f.unit, out);
        match (f.qualifier, f.direction) {
            (None, None) => out.extend_from_slice(b",,"),
            (qualifier, direction) => {
                for name in [qualifier.map(Qualifier::as_str), direction.map(Direction::as_str)] {
                    out.extend_from_slice(name.unwrap_or_default().as_bytes());
                    out.push(b',');
                }
            }
        }
        push_field(&f.subject, out);
        let this = (f.period, f.period_end, f.basis);
        match &timing {
            Some((last, at)) if *last == this => out.extend_from_within(at.clone()),
            _ => {
                let start = out.len();
                write_timing(this, out);
                timing = Some((this, start..out.len()));
            }
        }
        push_field(&f.text, out);
        sentence.append([&f.sentence, &f.source], out);
        // Digits: copied as they are.
        out.extend_from_slice(offset.format(f.offset).as_bytes());
        out.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Section;

    #[test]
    fn section_kind_pairs_are_their_names() {
        for section in [Section::Title, Section::Body] {
            for kind in Kind::ALL {
                let want = format!("{},{},", section.as_str(), kind.as_str());
                assert_eq!(SECTION_KIND[section as usize][kind as usize], want);
            }
        }
    }
}
