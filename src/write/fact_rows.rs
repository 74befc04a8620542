//! CSV rows of facts, encoded with `csv_core` (the csv crate's own field encoder) straight
//! into the output buffer.
//!
//! A release's rows repeat its id, date, category and title, and a sentence's rows repeat
//! the sentence and source: most of a row's bytes. Those columns are encoded once and
//! copied from where they were last written; a row's own columns are encoded as they come.

use std::io::{self, Write};
use std::ops::Range;

use csv_core::{Terminator, Writer, WriterBuilder};

use crate::model::{Direction, Fact, Qualifier, SharedStr};

/// Encodes fields and delimiters into a byte buffer.
struct Encoder(Writer);

impl Encoder {
    /// The csv writer's settings: `,`, `"` doubled, quotes where needed. (Both line ends
    /// quote the same bytes, `\r` and `\n`; rows end without the encoder.)
    fn new() -> Encoder {
        Encoder(WriterBuilder::new().terminator(Terminator::Any(b'\n')).build())
    }

    /// `field` followed by a delimiter: copied as it is when it holds nothing a CSV
    /// field quotes for (the encoder's own test: the delimiter, the quote, `\r`, `\n`),
    /// which is the common case; through the encoder otherwise.
    fn plain_field(&mut self, field: &str, out: &mut Vec<u8>) {
        if field.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
            return self.field(field, out);
        }
        out.extend_from_slice(field.as_bytes());
        out.push(b',');
    }

    /// `field` followed by a delimiter.
    fn field(&mut self, field: &str, out: &mut Vec<u8>) {
        let input = field.as_bytes();
        // The encoder writes at most two bytes per input byte and two quotes: given that
        // room it takes the whole field at once (and must, to know whether to quote).
        fill(out, 2 * input.len() + 2, |spare| self.0.field(input, spare).2);
        // A closing quote and the delimiter.
        fill(out, 2, |spare| self.0.delimiter(spare).1);
    }
}

/// Lets `write` put up to `room` bytes at the end of `out`.
fn fill(out: &mut Vec<u8>, room: usize, write: impl FnOnce(&mut [u8]) -> usize) {
    let start = out.len();
    out.resize(start + room, 0);
    let written = write(&mut out[start..]).min(room);
    out.truncate(start + written);
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
    fn append(&mut self, columns: [&SharedStr; N], enc: &mut Encoder, out: &mut Vec<u8>) {
        let same = |last: &[SharedStr; N]| last.iter().zip(columns).all(|(a, b)| a.same_piece(b));
        if let Some((_, at)) = self.last.as_ref().filter(|(last, _)| same(last)) {
            out.extend_from_within(at.clone());
            return;
        }
        let start = out.len();
        for column in columns {
            enc.field(column, out);
        }
        self.last = Some((columns.map(SharedStr::clone), start..out.len()));
    }
}

/// The `period`, `period_end` and `basis` fields, each followed by a delimiter. Their
/// characters (digits, `-`, `.`, `Q`, `H`, letters) never need quoting.
fn write_timing(f: &Fact, field: &mut String, row: &mut Vec<u8>) {
    for p in [f.period, f.period_end] {
        field.clear();
        if let Some(p) = p {
            p.push_to(field);
        }
        row.extend_from_slice(field.as_bytes());
        row.push(b',');
    }
    if let Some(b) = f.basis {
        field.clear();
        b.push_to(field);
        row.extend_from_slice(field.as_bytes());
    }
    row.push(b',');
}

/// Writes `facts` as CSV rows (no header) to `buf`, with `\r\n` line ends when `crlf`.
pub fn write_csv_rows(facts: &[Fact], crlf: bool, mut buf: impl Write) -> io::Result<()> {
    let mut rows = Vec::new();
    append_csv_rows(facts, crlf, &mut rows);
    buf.write_all(&rows)
}

/// Appends `facts` as CSV rows (no header) to `out`, with `\r\n` line ends when `crlf`.
pub fn append_csv_rows(facts: &[Fact], crlf: bool, out: &mut Vec<u8>) {
    let (mut release, mut sentence) = (Shared::new(), Shared::new());
    let mut offset = itoa::Buffer::new();
    let mut field = String::new();
    // One encoder for every field: after a delimiter or a terminator it is between fields.
    let mut enc = Encoder::new();
    for f in facts {
        release.append([&f.release_id, &f.release_date, &f.category, &f.title], &mut enc, out);
        out.extend_from_slice(f.section.as_str().as_bytes());
        out.push(b',');
        out.extend_from_slice(f.kind.as_str().as_bytes());
        out.push(b',');
        // Numbers and date values never need quoting.
        for value in [Some(f.value), f.value_end] {
            field.clear();
            if let Some(v) = value {
                v.push_to(&mut field);
            }
            out.extend_from_slice(field.as_bytes());
            out.push(b',');
        }
        enc.plain_field(&f.unit, out);
        for name in [f.qualifier.map(Qualifier::as_str), f.direction.map(Direction::as_str)] {
            out.extend_from_slice(name.unwrap_or_default().as_bytes());
            out.push(b',');
        }
        enc.plain_field(&f.subject, out);
        write_timing(f, &mut field, out);
        enc.plain_field(&f.text, out);
        sentence.append([&f.sentence, &f.source], &mut enc, out);
        // Digits: copied as they are.
        out.extend_from_slice(offset.format(f.offset).as_bytes());
        out.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
    }
}
