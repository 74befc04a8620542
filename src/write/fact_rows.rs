//! Rows of facts, encoded as the csv writer encodes them (or as serde_json encodes a
//! [`Fact`], `json_fields.rs`), straight into the output buffer.
//!
//! A release's rows repeat its id, date, category and title, and a sentence's rows repeat
//! the sentence and source: most of a row's bytes. Those columns are encoded once and
//! copied from where they were last written; a row's own columns are encoded as they come.

use std::io::{self, Write};
use std::ops::Range;

use super::json_fields::{push_json_member, push_json_plain_member};
use super::{Format, ReleaseRow};
use crate::model::{Basis, Direction, Fact, Kind, Period, Qualifier, Section, Value};

/// Appends `field` and a delimiter as the csv writer encodes them: quoted when it holds
/// `,`, `"`, `\r` or `\n`, a quote in it doubled. (csv_core's encoder writes into a slice,
/// which had to be zeroed first at twice the field's length, a sentence's worth of bytes
/// per sentence; `fact_rows_are_the_serde_writers_bytes` holds this to the csv crate's bytes.)
fn push_field(bytes: &[u8], out: &mut Vec<u8>) {
    let quoted = match Short::of(bytes) {
        // A unit, a subject, a figure's text: read and written as one or two words, with
        // no call to search or copy (each cost more than the field's bytes).
        Some(short) if !short.special() => return short.write_with_comma(out),
        Some(_) => true,
        // Shorter than what sets a search up: sixteen bytes at a time.
        None if bytes.len() < 64 => special_in_medium(bytes),
        // Vectorized searches for a long field (a sentence).
        None => memchr::memchr3(b',', b'"', b'\n', bytes).is_some() || memchr::memchr(b'\r', bytes).is_some(),
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

/// [`push_field`] of a field known to hold no `"`, `\r` or `\n` (a sentence of a folded
/// body without quotes): quoted when it holds a comma, and copied whole, with no quote to
/// double and no search for one.
fn push_field_without_quotes(bytes: &[u8], out: &mut Vec<u8>) {
    if memchr::memchr(b',', bytes).is_none() {
        out.extend_from_slice(bytes);
        out.push(b',');
        return;
    }
    out.push(b'"');
    out.extend_from_slice(bytes);
    out.extend_from_slice(b"\",");
}

/// The bytes for which the csv writer quotes a field.
const QUOTED: [u8; 4] = [b',', b'"', b'\n', b'\r'];

/// A field of at most 16 bytes as two little-endian words: its first eight bytes and its
/// last eight (overlapping for 8 to 16 bytes); a shorter one is one word, zero-padded.
struct Short {
    first: u64,
    last: u64,
    len: usize,
}

impl Short {
    fn of(bytes: &[u8]) -> Option<Short> {
        let len = bytes.len();
        let word = |b: Option<&[u8; 8]>| b.map_or(0, |w| u64::from_le_bytes(*w));
        let (first, last) = match len {
            0..8 => {
                let w = padded(bytes);
                (w, w)
            }
            8..=16 => (word(bytes.first_chunk()), word(bytes.last_chunk())),
            _ => return None,
        };
        Some(Short { first, last, len })
    }

    /// Whether a byte of the field is one the csv writer quotes for. Padding lanes are
    /// zero, which is none of them.
    fn special(&self) -> bool {
        crate::words::pair_holds(self.first, self.last, QUOTED)
    }

    /// Appends the field and a delimiter: whole words written, the vector cut back to
    /// where the field's bytes end (a word past it is written over or cut).
    fn write_with_comma(&self, out: &mut Vec<u8>) {
        let start = out.len();
        if self.len < 8 {
            // The delimiter goes in the first padding lane.
            let with_comma = self.first | u64::from(b',') << (8 * self.len);
            out.extend_from_slice(&with_comma.to_le_bytes());
            out.truncate(start + self.len + 1);
            return;
        }
        out.extend_from_slice(&self.first.to_le_bytes());
        out.truncate(start + self.len - 8);
        out.extend_from_slice(&self.last.to_le_bytes());
        out.push(b',');
    }
}

/// Whether a field of 17 to 63 bytes holds a byte the csv writer quotes for: read as
/// sixteen bytes at a time from its start, the last sixteen overlapping (a fold over its
/// bytes set up a vector loop for each field).
fn special_in_medium(bytes: &[u8]) -> bool {
    let word = |at: usize| {
        bytes
            .get(at..)
            .and_then(<[u8]>::first_chunk::<8>)
            .map_or(0, |w| u64::from_le_bytes(*w))
    };
    let pair = |at: usize| crate::words::pair_holds(word(at), word(at + 8), QUOTED);
    let last = bytes.len().saturating_sub(16);
    (0..last).step_by(16).any(pair) || pair(last)
}

/// Up to seven bytes as a little-endian word, zero-padded: from two overlapping reads of
/// four bytes, or of the first, middle and last byte (which lanes they fill agree where
/// they overlap).
fn padded(bytes: &[u8]) -> u64 {
    let len = bytes.len();
    match len {
        0 => 0,
        1..4 => [0, len / 2, len - 1]
            .iter()
            .fold(0, |acc, &i| acc | bytes.get(i).map_or(0, |&b| u64::from(b) << (8 * i))),
        _ => {
            let four = |b: Option<&[u8; 4]>| b.map_or(0, |w| u64::from(u32::from_le_bytes(*w)));
            four(bytes.first_chunk()) | four(bytes.last_chunk()) << (8 * (len - 4))
        }
    }
}

/// Columns several rows share (a release's; a sentence's and its source), and where in
/// the output they were last encoded: copied from there while they stay the same. A
/// column is known again by where its bytes are (address and length): the rows' strings
/// all live while they are written, so the same place is the same text. (Rows that
/// repeat a column point to one piece of their release's buffer.) They are set when they
/// may change, not compared for each row.
struct Kept<'a, const N: usize> {
    columns: [&'a [u8]; N],
    /// Which columns are known to hold no `"`, `\r` or `\n`.
    without_quotes: [bool; N],
    /// Where each column was last encoded: a column that stays while another changes (the
    /// source, while the sentence changes) is copied, not encoded again.
    each: [Option<Range<usize>>; N],
    /// Where they were last encoded, one after the other; `None` once one changed.
    at: Option<Range<usize>>,
}

impl<'a, const N: usize> Kept<'a, N> {
    fn new() -> Self {
        Kept {
            columns: [&[]; N],
            without_quotes: [false; N],
            each: [const { None }; N],
            at: None,
        }
    }

    /// Forgets where the columns were last written (the bytes were taken away).
    fn forget_places(&mut self) {
        self.each = [const { None }; N];
        self.at = None;
    }

    /// Sets the columns of the next rows.
    fn set(&mut self, columns: [&'a [u8]; N]) {
        self.set_known(columns, [false; N]);
    }

    /// Sets the columns of the next rows, saying which hold no `"`, `\r` or `\n`.
    fn set_known(&mut self, columns: [&'a [u8]; N], without_quotes: [bool; N]) {
        for (n, column) in columns.into_iter().enumerate() {
            if !std::ptr::eq(self.columns[n], column) {
                (self.columns[n], self.without_quotes[n]) = (column, without_quotes[n]);
                (self.each[n], self.at) = (None, None);
            }
        }
    }

    /// Appends the encoded columns to `out`, each followed by a delimiter: copied in one
    /// piece from where they were last written, or each copied or encoded (as CSV fields,
    /// or as JSON members named `json`).
    #[inline(always)]
    fn append(&mut self, out: &mut Vec<u8>, json: Option<[&str; N]>) {
        match &self.at {
            Some(at) => out.extend_from_within(at.clone()),
            None => {
                let start = out.len();
                for (n, (column, each)) in self.columns.iter().zip(&mut self.each).enumerate() {
                    match each {
                        Some(at) => out.extend_from_within(at.clone()),
                        None => {
                            let from = out.len();
                            match json {
                                Some(names) => push_json_member(names[n], column, out),
                                None if self.without_quotes[n] => push_field_without_quotes(column, out),
                                None => push_field(column, out),
                            }
                            *each = Some(from..out.len());
                        }
                    }
                }
                self.at = Some(start..out.len());
            }
        }
    }
}

/// The JSON names of the columns a release's rows share, and a sentence's.
const RELEASE_NAMES: [&str; 4] = ["release_id", "release_date", "category", "title"];
const SENTENCE_NAMES: [&str; 2] = ["sentence", "source"];

/// What a row's `period`, `period_end` and `basis` fields are written from: the rows of
/// a release mostly share them.
pub(crate) type Timing = (Option<Period>, Option<Period>, Option<Basis>);

/// The `period`, `period_end` and `basis` fields, each followed by a delimiter. Their
/// characters (digits, `-`, `.`, `Q`, `H`, letters) never need quoting.
fn write_timing(timing: Timing, row: &mut Vec<u8>) {
    write_timing_between(timing, [b"", b",", b",", b","], row);
}

/// [`write_timing`] as JSON members: `"period":"…","period_end":"…","basis":"…",`.
fn write_json_timing(timing: Timing, row: &mut Vec<u8>) {
    let between: [&[u8]; 4] = [b"\"period\":\"", b"\",\"period_end\":\"", b"\",\"basis\":\"", b"\","];
    write_timing_between(timing, between, row);
}

/// The timing fields, each after its piece of `between` and the last piece after them.
#[inline(always)]
fn write_timing_between((period, period_end, basis): Timing, between: [&[u8]; 4], row: &mut Vec<u8>) {
    for (p, before) in [period, period_end].into_iter().zip(between) {
        row.extend_from_slice(before);
        if let Some(p) = p {
            p.push_to_bytes(row);
        }
    }
    row.extend_from_slice(between[2]);
    if let Some(b) = basis {
        row.extend_from_slice(b.ascii().as_bytes());
    }
    row.extend_from_slice(between[3]);
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

/// [`SECTION_KIND`] as 16 bytes each (zero-padded) and its length: copied whole, then cut
/// back (a copy of a fixed size is a few moves, not a call).
const SECTION_KIND_PADDED: [[([u8; 16], usize); Kind::ALL.len()]; 2] = {
    let mut table = [[([0; 16], 0); Kind::ALL.len()]; 2];
    let mut section = 0;
    while section < 2 {
        let mut kind = 0;
        while kind < Kind::ALL.len() {
            let name = SECTION_KIND[section][kind].as_bytes();
            assert!(name.len() <= 16);
            let mut i = 0;
            while i < name.len() {
                table[section][kind].0[i] = name[i];
                i += 1;
            }
            table[section][kind].1 = name.len();
            kind += 1;
        }
        section += 1;
    }
    table
};

/// Writes `facts` as rows of `format` (no header) to `buf`.
pub fn write_rows(format: Format, facts: &[Fact], mut buf: impl Write) -> io::Result<()> {
    let mut rows = Vec::new();
    append_rows(format, facts, &mut rows);
    buf.write_all(&rows)
}

/// Appends `facts` as rows of `format` (no header) to `out`: a JSON array's as a piece of
/// it (see `write::render_rows`).
pub fn append_rows(format: Format, facts: &[Fact], out: &mut Vec<u8>) {
    let mut writer = RowWriter::new(format);
    for f in facts {
        writer.of_release(
            [&f.release_id, &f.release_date, &f.category, &f.title].map(|s| s.as_bytes()),
            f.source.as_bytes(),
        );
        writer.of_sentence(f.section, f.sentence.as_bytes(), false);
        writer.write(Row::of(f), out);
    }
}

/// One row's own columns as the row writer reads them (its release's and source are the
/// writer's, see `RowWriter::of_release`): a [`Fact`]'s, or a row of a release whose
/// facts are not made (its strings pieces of the release's buffer). The text columns as
/// bytes: the writer reads no character of them, and a byte range of a buffer is taken
/// without asking where its characters start.
pub(crate) struct Row<'a> {
    pub kind: Kind,
    // The values and periods taken where they are: copied into the row, and again into
    // the writer, they were a third of its cost.
    pub value: &'a Value,
    pub value_end: &'a Option<Value>,
    pub unit: &'a [u8],
    pub qualifier: Option<Qualifier>,
    pub direction: Option<Direction>,
    pub subject: &'a [u8],
    /// `period`, `period_end`, `basis`.
    pub timing: (&'a Option<Period>, &'a Option<Period>, &'a Option<Basis>),
    pub text: &'a [u8],
    pub offset: usize,
}

impl<'a> Row<'a> {
    fn of(f: &'a Fact) -> Row<'a> {
        Row {
            kind: f.kind,
            value: &f.value,
            value_end: &f.value_end,
            unit: f.unit.as_bytes(),
            qualifier: f.qualifier,
            direction: f.direction,
            subject: f.subject.as_bytes(),
            timing: (&f.period, &f.period_end, &f.basis),
            text: f.text.as_bytes(),
            offset: f.offset,
        }
    }
}

/// Rows written one at a time (CSV, or JSON objects), each column a row shares with the
/// rows before it copied from where it was last written. The strings of its rows must all
/// live while it does (a column is known again by its address).
pub(crate) struct RowWriter<'a> {
    /// The columns of the release of the next rows (`release_id`, `release_date`,
    /// `category`, `title`): the same for all of a release's rows, set once for them, not
    /// copied into each row.
    release: Kept<'a, 4>,
    /// The section of the next rows, and their `sentence` and `source` columns: a
    /// sentence's rows share them.
    section: Section,
    sentence: Kept<'a, 2>,
    /// The timing fields last written, and where: copied when the next row has the same.
    timing: Option<(Timing, Range<usize>)>,
    offset: itoa::Buffer,
    format: Format,
    /// Whether a row was written (a JSON array's rows after the first start with a comma).
    started: bool,
}

impl<'a> RowWriter<'a> {
    /// A writer of rows of `format`: CSV rows end in `\r\n` for Excel's, else `\n`; a
    /// JSON array's are a piece of it, the first on a new line, the rest after commas.
    pub(crate) fn new(format: Format) -> Self {
        RowWriter {
            release: Kept::new(),
            section: Section::Body,
            sentence: Kept::new(),
            timing: None,
            offset: itoa::Buffer::new(),
            format,
            started: false,
        }
    }

    /// A writer whose rows go on from the rows of another when `after_rows` (then a JSON
    /// array's first row, too, comes after a comma).
    pub(crate) fn going_on(format: Format, after_rows: bool) -> Self {
        RowWriter {
            started: after_rows,
            ..RowWriter::new(format)
        }
    }

    /// Whether it wrote a row.
    pub(crate) fn has_written(&self) -> bool {
        self.started
    }

    /// Sets the release of the next rows: its `release_id`, `release_date`, `category`
    /// and `title`, and the source it was read from.
    pub(crate) fn of_release(&mut self, columns: [&'a [u8]; 4], source: &'a [u8]) {
        self.release.set(columns);
        let [sentence, _] = self.sentence.columns;
        self.sentence.set([sentence, source]);
    }

    /// Sets the section and `sentence` column of the next rows; `without_quotes` when the
    /// sentence is known to hold no `"`, `\r` or `\n`.
    pub(crate) fn of_sentence(&mut self, section: Section, sentence: &'a [u8], without_quotes: bool) {
        self.section = section;
        let [_, source] = self.sentence.columns;
        let [_, plain_source] = self.sentence.without_quotes;
        self.sentence
            .set_known([sentence, source], [without_quotes, plain_source]);
    }

    /// Forgets where in `out` columns were last written, once its rows were taken from
    /// it: the next rows encode them again instead of copying bytes no longer there.
    pub(crate) fn forget_places(&mut self) {
        self.release.forget_places();
        self.sentence.forget_places();
        self.timing = None;
    }

    /// Appends the row `f` (of the release and sentence last set) to `out`.
    pub(crate) fn write(&mut self, f: Row<'a>, out: &mut Vec<u8>) {
        match self.format {
            Format::Csv => self.write_csv(f, false, out),
            Format::ExcelCsv => self.write_csv(f, true, out),
            Format::Jsonl | Format::Json => self.write_json(f, out),
        }
        self.started = true;
    }

    /// [`RowWriter::write`] of a CSV row.
    #[inline(always)]
    fn write_csv(&mut self, f: Row<'a>, crlf: bool, out: &mut Vec<u8>) {
        self.release.append(out, None);
        let (padded, len) = &SECTION_KIND_PADDED[self.section as usize][f.kind as usize];
        let start = out.len();
        out.extend_from_slice(padded);
        out.truncate(start + len);
        // Numbers and date values never need quoting.
        f.value.push_to_bytes(out);
        out.push(b',');
        if let Some(v) = f.value_end {
            v.push_to_bytes(out);
        }
        out.push(b',');
        push_field(f.unit, out);
        match (f.qualifier, f.direction) {
            (None, None) => out.extend_from_slice(b",,"),
            (qualifier, direction) => {
                for name in [qualifier.map(Qualifier::as_str), direction.map(Direction::as_str)] {
                    out.extend_from_slice(name.unwrap_or_default().as_bytes());
                    out.push(b',');
                }
            }
        }
        // Over half the rows have no subject: its delimiter alone, with no call.
        if f.subject.is_empty() {
            out.push(b',');
        } else {
            push_field(f.subject, out);
        }
        self.append_timing(f.timing, write_timing, out);
        push_field(f.text, out);
        self.sentence.append(out, None);
        // Digits: copied as they are.
        out.extend_from_slice(self.offset.format(f.offset).as_bytes());
        if crlf {
            out.push(b'\r');
        }
        out.push(b'\n');
    }

    /// [`RowWriter::write`] of a JSON object: the fields of a CSV row, each a member named
    /// by its column and a string, but the offset a number (serde's reading of a
    /// [`Fact`]). (Out of line: the CSV rows' loop kept less in registers with it.)
    #[inline(never)]
    fn write_json(&mut self, f: Row<'a>, out: &mut Vec<u8>) {
        let array = self.format == Format::Json;
        out.extend_from_slice(match (array, self.started) {
            (false, _) => b"{",
            (true, false) => b"\n{",
            (true, true) => b",\n{",
        });
        self.release.append(out, Some(RELEASE_NAMES));
        push_json_plain_member("section", self.section.as_str(), out);
        push_json_plain_member("kind", f.kind.as_str(), out);
        // Numbers and dates need no escaping.
        out.extend_from_slice(b"\"value\":\"");
        f.value.push_to_bytes(out);
        out.extend_from_slice(b"\",\"value_end\":\"");
        if let Some(v) = f.value_end {
            v.push_to_bytes(out);
        }
        out.extend_from_slice(b"\",");
        push_json_member("unit", f.unit, out);
        let qualifier = f.qualifier.map(Qualifier::as_str).unwrap_or_default();
        push_json_plain_member("qualifier", qualifier, out);
        let direction = f.direction.map(Direction::as_str).unwrap_or_default();
        push_json_plain_member("direction", direction, out);
        push_json_member("subject", f.subject, out);
        self.append_timing(f.timing, write_json_timing, out);
        push_json_member("text", f.text, out);
        self.sentence.append(out, Some(SENTENCE_NAMES));
        out.extend_from_slice(b"\"offset\":");
        out.extend_from_slice(self.offset.format(f.offset).as_bytes());
        out.extend_from_slice(if array { b"}" } else { b"}\n" });
    }

    /// Appends the timing fields as `write` encodes them, copied from the row before when
    /// they are its.
    #[inline(always)]
    fn append_timing(
        &mut self,
        (period, period_end, basis): (&Option<Period>, &Option<Period>, &Option<Basis>),
        write: fn(Timing, &mut Vec<u8>),
        out: &mut Vec<u8>,
    ) {
        match &self.timing {
            Some(((p, e, b), at)) if p == period && e == period_end && b == basis => out.extend_from_within(at.clone()),
            _ => {
                let start = out.len();
                let timing = (*period, *period_end, *basis);
                write(timing, out);
                self.timing = Some((timing, start..out.len()));
            }
        }
    }
}

/// Appends a row of the releases table as the csv writer encodes it (the same encoding as
/// a fact's: `releases_are_the_csv_writers_bytes`).
pub(super) fn append_release_row(r: &ReleaseRow, crlf: bool, out: &mut Vec<u8>) {
    let texts = [
        &r.release_id,
        &r.release_date,
        &r.category,
        &r.title,
        &r.period,
        &r.period_end,
        &r.source,
    ];
    for text in texts {
        push_field(text.as_bytes(), out);
    }
    let mut digits = itoa::Buffer::new();
    for n in [r.offset, r.facts, r.warnings] {
        out.extend_from_slice(digits.format(n).as_bytes());
        out.push(b',');
    }
    push_field(r.copy_of.as_bytes(), out);
    // The last delimiter is the line's end.
    out.pop();
    if crlf {
        out.push(b'\r');
    }
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `push_field` as it was, byte by byte: the oracle of the word reads and writes.
    fn push_field_by_bytes(field: &str, out: &mut Vec<u8>) {
        let bytes = field.as_bytes();
        if !bytes.iter().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
            out.extend_from_slice(bytes);
            out.push(b',');
            return;
        }
        out.push(b'"');
        for &b in bytes {
            out.push(b);
            if b == b'"' {
                out.push(b'"');
            }
        }
        out.extend_from_slice(b"\",");
    }

    proptest::proptest! {
        /// Every length around the words' edges, the quoted bytes at every lane, and bytes
        /// one off them (a borrow between lanes must not flag a byte).
        #[test]
        fn fields_are_written_as_byte_by_byte(
            picks in proptest::collection::vec(0..16usize, 0..70),
            head in 0..3usize,
        ) {
            const PIECES: [&str; 16] = [
                "a", "Z", " ", ",", "\"", "\n", "\r", "-", "+", "!", "#", "\u{b}", "\u{c}", "\0", "é", "\u{2c}\u{2d}",
            ];
            let field: String = picks.iter().map(|&n| PIECES[n]).collect();
            let (mut ours, mut want) = (b"x,".repeat(head), b"x,".repeat(head));
            push_field(field.as_bytes(), &mut ours);
            push_field_by_bytes(&field, &mut want);
            proptest::prop_assert_eq!(ours, want, "{:?}", field);
        }
    }

    proptest::proptest! {
        /// A field with no `"`, `\r` or `\n` is written as `push_field` writes it, whether
        /// or not it holds a comma, at any length.
        #[test]
        fn fields_without_quotes_are_written_as_byte_by_byte(
            picks in proptest::collection::vec(0..8usize, 0..300),
        ) {
            const PIECES: [&str; 8] = ["a", "Z", " ", ",", "-", "é", "’", ", "];
            let field: String = picks.iter().map(|&n| PIECES[n]).collect();
            let (mut ours, mut want) = (b"x,".to_vec(), b"x,".to_vec());
            push_field_without_quotes(field.as_bytes(), &mut ours);
            push_field_by_bytes(&field, &mut want);
            proptest::prop_assert_eq!(ours, want, "{:?}", field);
        }
    }

    #[test]
    fn short_fields_of_every_length_and_lane() {
        for len in 0..=20 {
            for lane in 0..len {
                for b in [b',', b'"', b'\n', b'\r', b'+', b'#', b'\x0b', b'\x0c', b'\x21', b'-', 0] {
                    let mut field = vec![b'k'; len];
                    field[lane] = b;
                    let field = String::from_utf8(field).unwrap();
                    let (mut ours, mut want) = (vec![b'.'], vec![b'.']);
                    push_field(field.as_bytes(), &mut ours);
                    push_field_by_bytes(&field, &mut want);
                    assert_eq!(ours, want, "{field:?}");
                }
            }
        }
    }

    proptest::proptest! {
        /// The SSE2 test of sixteen bytes answers as the test lane by lane, and a medium
        /// field's as a look at each byte.
        #[test]
        fn special_bytes_are_found_as_byte_by_byte(
            picks in proptest::collection::vec(0..8usize, 0..64),
        ) {
            const BYTES: [u8; 8] = [b'a', b',', b'"', b'\n', b'\r', b'-', 0, 0xe2];
            let field: Vec<u8> = picks.iter().map(|&n| BYTES[n]).collect();
            let want = field.iter().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r'));
            if let Some(short) = Short::of(&field) {
                proptest::prop_assert_eq!(short.special(), want, "{:?}", field);
            } else {
                proptest::prop_assert_eq!(special_in_medium(&field), want, "{:?}", field);
            }
        }
    }

    #[test]
    fn medium_fields_of_every_length_and_lane() {
        for len in 17..64 {
            for lane in 0..len {
                for b in [b',', b'"', b'\n', b'\r', b'+', 0, 0x2c + 0x80] {
                    let mut field = vec![b'k'; len];
                    field[lane] = b;
                    let want = matches!(b, b',' | b'"' | b'\n' | b'\r');
                    assert_eq!(special_in_medium(&field), want, "{len} {lane} {b:#x}");
                }
            }
        }
    }

    #[test]
    fn section_kind_pairs_are_their_names() {
        for section in [Section::Title, Section::Body] {
            for kind in Kind::ALL {
                let want = format!("{},{},", section.as_str(), kind.as_str());
                assert_eq!(SECTION_KIND[section as usize][kind as usize], want);
                let (padded, len) = &SECTION_KIND_PADDED[section as usize][kind as usize];
                assert_eq!(&padded[..*len], want.as_bytes());
            }
        }
    }
}
