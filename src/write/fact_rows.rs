//! CSV rows of facts, encoded with `csv_core` (the csv crate's own field encoder).
//!
//! A release's rows repeat its id, date, category and title, and a sentence's rows repeat
//! the sentence and source: most of a row's bytes. Those columns are encoded once and
//! copied into each row; a row's own columns are encoded as they come.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::sync::Arc;

use csv_core::{Terminator, Writer, WriterBuilder};

use crate::model::Fact;

/// Encodes fields and delimiters into a byte buffer.
struct Encoder(Writer);

impl Encoder {
    /// The csv writer's settings: `,`, `"` doubled, quotes where needed. (Both line ends
    /// quote the same bytes, `\r` and `\n`; rows end without the encoder.)
    fn new() -> Encoder {
        Encoder(WriterBuilder::new().terminator(Terminator::Any(b'\n')).build())
    }

    /// A short field of our own making (a kind, a number, a unit), followed by a
    /// delimiter: copied as it is when it holds nothing a CSV field quotes for, which is
    /// always, by construction; through the encoder otherwise.
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

/// The columns shared by the rows of one release, and of one sentence, as encoded last.
#[derive(Default)]
struct Shared {
    release: Option<[Arc<str>; 4]>,
    release_bytes: Vec<u8>,
    sentence: Option<[Arc<str>; 2]>,
    sentence_bytes: Vec<u8>,
}

fn same(a: &[Arc<str>], b: &[&Arc<str>]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| Arc::ptr_eq(x, y))
}

/// Writes `facts` as CSV rows (no header) to `buf`, with `\r\n` line ends when `crlf`.
pub fn write_csv_rows(facts: &[Fact], crlf: bool, mut buf: impl Write) -> io::Result<()> {
    let mut shared = Shared::default();
    let mut row = Vec::with_capacity(1024);
    let mut offset = String::new();
    // One encoder for every field: after a delimiter or a terminator it is between fields.
    let mut enc = Encoder::new();
    for f in facts {
        row.clear();
        let release = [&f.release_id, &f.release_date, &f.category, &f.title];
        if !shared.release.as_ref().is_some_and(|r| same(r, &release)) {
            shared.release_bytes.clear();
            for column in release {
                enc.field(column, &mut shared.release_bytes);
            }
            shared.release = Some(release.map(Arc::clone));
        }
        row.extend_from_slice(&shared.release_bytes);
        for column in [
            f.section.as_str(),
            f.kind.as_str(),
            &f.value,
            &f.value_end,
            &f.unit,
            f.qualifier,
            f.direction,
        ] {
            enc.plain_field(column, &mut row);
        }
        enc.field(&f.subject, &mut row);
        enc.field(&f.text, &mut row);
        let sentence = [&f.sentence, &f.source];
        if !shared.sentence.as_ref().is_some_and(|s| same(s, &sentence)) {
            shared.sentence_bytes.clear();
            for column in sentence {
                enc.field(column, &mut shared.sentence_bytes);
            }
            shared.sentence = Some(sentence.map(Arc::clone));
        }
        row.extend_from_slice(&shared.sentence_bytes);
        offset.clear();
        // Writing to a String cannot fail.
        let _ = write!(offset, "{}", f.offset);
        // Digits: copied as they are.
        row.extend_from_slice(offset.as_bytes());
        row.extend_from_slice(if crlf { b"\r\n" } else { b"\n" });
        buf.write_all(&row)?;
    }
    Ok(())
}
