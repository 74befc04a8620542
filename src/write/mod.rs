//! Facts and releases -> tables: CSV (the spec's form, or Excel's), JSON Lines, a JSON array.
//!
//! Writers stream: each row goes out as it is given, so that a run over a whole archive
//! never holds its table in memory.

use std::io::{self, Write};

use serde::Serialize;

mod fact_rows;
mod json_fields;
mod xlsx;

pub use xlsx::{SheetSource, write_workbook};

pub(crate) use fact_rows::{Row, RowWriter};

use crate::extract::ReleaseFacts;
use crate::model::{FACT_COLUMNS, Fact};

/// The shape of an output table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// RFC 4180, UTF-8, `\n` line ends, one header line (spec section 2).
    #[default]
    Csv,
    /// CSV that Excel on Windows opens right: a UTF-8 byte-order mark and `\r\n` line ends.
    ExcelCsv,
    /// One JSON object per line, the CSV's fields (offset as a number).
    Jsonl,
    /// One JSON array of objects.
    Json,
}

/// A table of serializable rows in one of the [`Format`]s. Rows are rendered to bytes
/// first ([`render_rows`], [`render_facts`]), so that several threads can render pieces
/// of one table and a single writer append them in order ([`TableWriter::write_rendered`]).
pub struct TableWriter<W: Write> {
    out: W,
    format: Format,
    /// Whether a row has been written (JSON puts commas between rows).
    started: bool,
    scratch: Vec<u8>,
}

impl<W: Write> TableWriter<W> {
    /// A writer that has written its preamble (header line, BOM, `[`).
    pub fn new(mut out: W, format: Format, header: &[&str]) -> io::Result<TableWriter<W>> {
        match format {
            Format::Csv | Format::ExcelCsv => {
                if format == Format::ExcelCsv {
                    out.write_all("\u{feff}".as_bytes())?;
                }
                let mut line = Vec::new();
                let mut csv = csv_rows(&mut line, format);
                csv.write_record(header)?;
                csv.flush()?;
                drop(csv);
                out.write_all(&line)?;
            }
            Format::Jsonl => {}
            Format::Json => out.write_all(b"[")?,
        }
        Ok(TableWriter {
            out,
            format,
            started: false,
            scratch: Vec::new(),
        })
    }

    pub fn format(&self) -> Format {
        self.format
    }

    pub fn write<T: Serialize>(&mut self, row: &T) -> io::Result<()> {
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        let done = render_rows(self.format, [row], &mut scratch).and_then(|()| self.write_rendered(&scratch));
        self.scratch = scratch;
        done
    }

    /// Writes facts as rows (see [`render_facts`]).
    pub fn write_facts(&mut self, facts: &[Fact]) -> io::Result<()> {
        if facts.is_empty() {
            return Ok(());
        }
        if self.format == Format::Json && self.started {
            self.out.write_all(b",")?;
        }
        self.started = true;
        render_facts(self.format, facts, &mut self.out)
    }

    /// Appends rows rendered for this table's format.
    pub fn write_rendered(&mut self, rows: &[u8]) -> io::Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        // Written whole: through `io::copy` every byte was copied once more, on the thread
        // that writes every row.
        self.before_rows()?;
        self.out.write_all(rows)
    }

    /// Appends rows rendered for this table's format that go on from the rows written
    /// last, as one piece of them (a JSON array gets no comma before them): rows cut into
    /// pieces (see [`append_more_facts`]) are written as if whole.
    pub fn write_rendered_more(&mut self, rows: &[u8]) -> io::Result<()> {
        self.out.write_all(rows)
    }

    /// Separates rows from the ones written before (JSON's comma).
    fn before_rows(&mut self) -> io::Result<()> {
        if self.format == Format::Json && self.started {
            self.out.write_all(b",")?;
        }
        self.started = true;
        Ok(())
    }

    /// Writes the closing (`]`), flushes, and returns the underlying writer.
    pub fn finish(mut self) -> io::Result<W> {
        if self.format == Format::Json {
            self.out.write_all(if self.started { b"\n]\n" } else { b"]\n" })?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

/// A CSV writer of rows (no header) into `buf`, with the format's line ends.
fn csv_rows<W: Write>(buf: W, format: Format) -> csv::Writer<Staged<W>> {
    csv::WriterBuilder::new()
        .has_headers(false)
        // A writer is made per piece of rows; its own buffer (zeroed when made) need not be
        // big, as it only stages bytes on their way to `buf`.
        .buffer_capacity(1 << 10)
        .terminator(if format == Format::ExcelCsv {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        })
        .from_writer(Staged(buf))
}

/// A writer whose `flush` only hands on what the CSV writer staged: flushing the file or
/// standard output under it after every piece would cost a system call each.
struct Staged<W>(W);

impl<W: Write> Write for Staged<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.0.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Writes `rows` to `buf` as a piece of a table in `format`, for
/// [`TableWriter::write_rendered`]. A JSON piece starts each row on a new line and puts
/// commas between its own rows; the writer puts the comma between pieces.
pub fn render_rows<'a, T: Serialize + 'a>(
    format: Format,
    rows: impl IntoIterator<Item = &'a T>,
    mut buf: impl Write,
) -> io::Result<()> {
    match format {
        Format::Csv | Format::ExcelCsv => {
            let mut csv = csv_rows(buf, format);
            for row in rows {
                csv.serialize(row).map_err(csv_to_io)?;
            }
            csv.flush()
        }
        Format::Jsonl => {
            for row in rows {
                serde_json::to_writer(&mut buf, row)?;
                buf.write_all(b"\n")?;
            }
            Ok(())
        }
        Format::Json => {
            for (n, row) in rows.into_iter().enumerate() {
                buf.write_all(if n == 0 { b"\n" } else { b",\n" })?;
                serde_json::to_writer(&mut buf, row)?;
            }
            Ok(())
        }
    }
}

fn csv_to_io(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// [`render_rows`] for facts. Rows are written from the fields as they are, without
/// going through serde, and the columns rows share are encoded once: the same bytes, for
/// less work.
pub fn render_facts(format: Format, facts: &[Fact], buf: impl Write) -> io::Result<()> {
    fact_rows::write_rows(format, facts, buf)
}

/// [`render_rows`] for the releases table. CSV rows are written from the fields as they
/// are, without going through serde: the same bytes, for less work.
pub fn render_releases<'a>(
    format: Format,
    rows: impl IntoIterator<Item = &'a ReleaseRow>,
    mut buf: impl Write,
) -> io::Result<()> {
    let crlf = match format {
        Format::Csv => false,
        Format::ExcelCsv => true,
        Format::Jsonl | Format::Json => return render_rows(format, rows, buf),
    };
    let mut rendered = Vec::with_capacity(256);
    for row in rows {
        rendered.clear();
        fact_rows::append_release_row(row, crlf, &mut rendered);
        buf.write_all(&rendered)?;
    }
    Ok(())
}

/// [`append_facts`] for facts that go on from facts appended before them (for JSON, a
/// comma first): a release's rows appended a piece at a time are its rows appended whole.
pub fn append_more_facts(format: Format, facts: &[Fact], rows: &mut Vec<u8>) -> io::Result<()> {
    if format == Format::Json && !facts.is_empty() {
        rows.push(b',');
    }
    append_facts(format, facts, rows)
}

/// [`render_facts`] into a new buffer, allocated once at about the rows' size (a row is
/// mostly its fact's own text) instead of grown by doubling from empty.
pub fn rendered_facts(format: Format, facts: &[Fact]) -> io::Result<Vec<u8>> {
    let mut rows = Vec::new();
    append_facts(format, facts, &mut rows)?;
    Ok(rows)
}

/// [`render_facts`] at the end of `rows`, grown once to about their size when the room
/// left may not hold them.
pub fn append_facts(format: Format, facts: &[Fact], rows: &mut Vec<u8>) -> io::Result<()> {
    // Sizing the rows reads the text columns of every fact: not done where the room left
    // holds rows of `ROOMY_ROW` bytes each (a caller that reserved for a whole input).
    // Rows longer than that would only grow the vector as any push does.
    if rows.capacity() - rows.len() < facts.len().saturating_mul(ROOMY_ROW) {
        rows.reserve(rows_size_hint(format, facts));
    }
    fact_rows::append_rows(format, facts, rows);
    Ok(())
}

/// Room for a row that needs no sizing: more than a row takes, whose longest columns (a
/// sentence or a title) are cut to about a kilobyte.
const ROOMY_ROW: usize = 4096;

/// About the bytes of `facts`' rows: their text columns, plus delimiters, quotes, the
/// offset and the short columns (JSON also repeats the column names).
fn rows_size_hint(format: Format, facts: &[Fact]) -> usize {
    let per_row = match format {
        Format::Csv | Format::ExcelCsv => 48,
        Format::Jsonl | Format::Json => 280,
    };
    facts.iter().map(|f| f.text_len() + per_row).sum()
}

/// Writes facts as CSV rows after one header line (the spec's `facts.csv`).
pub struct CsvFacts<W: Write>(TableWriter<W>);

impl<W: Write> CsvFacts<W> {
    /// A writer that has written the header.
    pub fn new(out: W) -> io::Result<CsvFacts<W>> {
        TableWriter::new(out, Format::Csv, &FACT_COLUMNS).map(CsvFacts)
    }

    pub fn write(&mut self, fact: &Fact) -> io::Result<()> {
        let mut row = Vec::new();
        render_facts(Format::Csv, std::slice::from_ref(fact), &mut row)?;
        self.0.write_rendered(&row)
    }

    /// Flushes and returns the underlying writer.
    pub fn finish(self) -> io::Result<W> {
        self.0.finish()
    }
}

/// A facts table in any format.
pub fn facts_writer<W: Write>(out: W, format: Format) -> io::Result<TableWriter<W>> {
    TableWriter::new(out, format, &FACT_COLUMNS)
}

/// The whole table as a string, for tests and small inputs.
pub fn facts_to_csv<'a>(facts: impl IntoIterator<Item = &'a Fact>) -> String {
    let mut w = match CsvFacts::new(Vec::new()) {
        Ok(w) => w,
        Err(_) => return String::new(),
    };
    for f in facts {
        if w.write(f).is_err() {
            break;
        }
    }
    w.finish()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .unwrap_or_default()
}

/// The header of the releases table.
pub const RELEASE_COLUMNS: [&str; 11] = [
    "release_id",
    "release_date",
    "category",
    "title",
    "period",
    "period_end",
    "source",
    "offset",
    "facts",
    "warnings",
    "copy_of",
];

/// One row of the releases table: a release, where it was read, and how much came of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReleaseRow {
    pub release_id: String,
    pub release_date: String,
    pub category: String,
    pub title: String,
    /// The period the release reports on (spec section 3a): its title's first, else its
    /// first sentence's.
    pub period: String,
    pub period_end: String,
    pub source: String,
    pub offset: usize,
    /// The rows of the facts table that came of it: 0 for a copy that was not written.
    pub facts: usize,
    pub warnings: usize,
    /// For a copy of a release read before (same date, title and body), that release's
    /// id; empty otherwise. A copy is not written to the facts table unless duplicates are
    /// kept, so filtering on an empty `copy_of` leaves the releases whose facts are there.
    pub copy_of: String,
}

impl ReleaseRow {
    pub fn new(source: &str, r: &ReleaseFacts) -> ReleaseRow {
        ReleaseRow {
            release_id: r.release_id.to_string(),
            release_date: r
                .release_date
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            category: r.category.to_string(),
            title: r.title.to_string(),
            period: r.period.map(|p| p.iso()).unwrap_or_default(),
            period_end: r.period_end.map(|p| p.iso()).unwrap_or_default(),
            source: source.to_string(),
            offset: r.offset,
            facts: r.facts.len(),
            warnings: r.warnings.len(),
            copy_of: String::new(),
        }
    }
}

/// A releases table in any format.
pub fn releases_writer<W: Write>(out: W, format: Format) -> io::Result<TableWriter<W>> {
    TableWriter::new(out, format, &RELEASE_COLUMNS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract;
    use crate::model::SharedStr;

    const TEXT: &str =
        "-\nTrade\nExports Rise\nMachinery exports rose 8.4 percent to USD 5.6 billion. date2025-11-14\n";

    fn table(format: Format) -> String {
        let ex = extract(TEXT);
        let mut w = facts_writer(Vec::new(), format).unwrap();
        for f in ex.facts() {
            w.write(f).unwrap();
        }
        String::from_utf8(w.finish().unwrap()).unwrap()
    }

    #[test]
    fn excel_csv_is_the_csv_with_a_bom_and_crlf() {
        let plain = table(Format::Csv);
        let excel = table(Format::ExcelCsv);
        assert!(excel.starts_with('\u{feff}'));
        assert_eq!(excel.trim_start_matches('\u{feff}').replace("\r\n", "\n"), plain);
    }

    #[test]
    fn jsonl_has_one_object_per_fact_and_json_is_an_array_of_them() {
        let lines: Vec<serde_json::Value> = table(Format::Jsonl)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["kind"], "percent");
        assert_eq!(lines[0]["value"], "8.4");
        assert_eq!(lines[0]["section"], "body");
        let array: serde_json::Value = serde_json::from_str(&table(Format::Json)).unwrap();
        assert_eq!(array, serde_json::Value::Array(lines));
    }

    /// Every fixture's facts, as `render_facts` writes them and as the csv crate's writer
    /// and serde_json do through serde, in every format.
    #[test]
    fn fact_rows_are_the_serde_writers_bytes() {
        let mut facts = Vec::new();
        for entry in std::fs::read_dir("fixtures").unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                let text = std::fs::read_to_string(&path).unwrap();
                let ex = extract::extract_text("f", &text, &extract::Options::default());
                facts.extend(ex.facts().cloned());
            }
        }
        // Fields that need quoting, doubled quotes, empty ones, line breaks.
        let mut odd = facts[0].clone();
        odd.title = "A \"quoted\", title".into();
        odd.subject = "two\nlines".into();
        odd.sentence = "".into();
        odd.text = "\"".into();
        facts.push(odd.clone());
        // Empty shared columns, and ones to quote without a quote in them.
        odd.release_date = "".into();
        odd.category = "Trade, monthly".into();
        odd.sentence = "Two\r\nlines, one row.".into();
        facts.push(odd);
        // The same sentence from another source, and back: its column copied, the
        // source's encoded or copied.
        let mut other = facts[0].clone();
        facts.push(other.clone());
        other.source = "g, \"h\"".into();
        facts.push(other);
        facts.push(facts[0].clone());
        // What JSON escapes: backslashes, tabs and the other controls; and what it does
        // not (DEL, non-ASCII), in every text column.
        let mut escaped = facts[0].clone();
        let odd_text = |s: &str| SharedStr::from(format!("{s}\\ \t\u{1}\u{1f}\u{7f}é\u{8}\u{c}\"/"));
        escaped.release_id = odd_text("id");
        escaped.title = odd_text("t");
        escaped.unit = odd_text("u");
        escaped.subject = odd_text("s");
        escaped.text = odd_text("x");
        escaped.sentence = odd_text("y");
        escaped.source = odd_text("z");
        facts.push(escaped);
        assert!(facts.len() > 500);
        // The fixtures hold every optional column, set and not.
        assert!(facts.iter().any(|f| f.value_end.is_some() && f.period_end.is_some()));
        assert!(
            facts
                .iter()
                .any(|f| f.qualifier.is_some() && f.direction.is_some() && f.basis.is_some())
        );
        for format in [Format::Csv, Format::ExcelCsv, Format::Jsonl, Format::Json] {
            let (mut ours, mut serde) = (Vec::new(), Vec::new());
            render_facts(format, &facts, &mut ours).unwrap();
            render_rows(format, &facts, &mut serde).unwrap();
            assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(serde).unwrap());
        }
    }

    /// Every fixture release's row of the releases table, and rows whose text columns need
    /// quoting, as `render_releases` writes them and as the csv crate's writer does through
    /// serde, in every format.
    #[test]
    fn releases_are_the_csv_writers_bytes() {
        let mut rows = Vec::new();
        for_each_fixture_release(|path, release, format| {
            if format == Format::Csv {
                rows.push(ReleaseRow::new(&path.display().to_string(), release));
            }
        });
        let mut odd = rows[0].clone();
        odd.title = "A \"quoted\", title".into();
        odd.category = "two\nlines".into();
        odd.source = "a\rb".into();
        odd.release_date = String::new();
        odd.copy_of = "=\"".into();
        odd.offset = usize::MAX;
        rows.push(odd);
        for format in [Format::Csv, Format::ExcelCsv, Format::Jsonl, Format::Json] {
            let (mut fast, mut serde) = (Vec::new(), Vec::new());
            render_releases(format, &rows, &mut fast).unwrap();
            render_rows(format, &rows, &mut serde).unwrap();
            assert_eq!(
                String::from_utf8_lossy(&fast),
                String::from_utf8_lossy(&serde),
                "{format:?}"
            );
        }
    }

    /// `rendered_facts` allocates once: its size hint covers every fixture release's
    /// rows, in every format, without reserving much more than they take.
    #[test]
    fn rendered_rows_fit_their_first_allocation() {
        for_each_fixture_release(|path, release, format| {
            let mut expected = Vec::new();
            render_facts(format, &release.facts, &mut expected).unwrap();
            assert_eq!(rendered_facts(format, &release.facts).unwrap(), expected);
            let (len, hint) = (expected.len(), rows_size_hint(format, &release.facts));
            let ok = len <= hint && hint <= len * 3 / 2 + 64;
            assert!(ok, "{}, {format:?}: {len} bytes, {hint} reserved", path.display());
        });
    }

    /// Calls `check` with every release of every fixture, in every format.
    fn for_each_fixture_release(mut check: impl FnMut(&std::path::Path, &extract::ReleaseFacts, Format)) {
        let mut seen = 0;
        for entry in std::fs::read_dir("fixtures").unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "txt") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for release in extract::extract_text("f", &text, &extract::Options::default()).releases {
                for format in [Format::Csv, Format::ExcelCsv, Format::Jsonl, Format::Json] {
                    check(&path, &release, format);
                    seen += 1;
                }
            }
        }
        assert!(seen > 0, "no fixture release read");
    }

    /// Rows appended where a caller made room are the same bytes, and stay in that room
    /// (unsized: no row of a fixture comes near `ROOMY_ROW`).
    #[test]
    fn rows_appended_in_room_made_are_the_same_bytes() {
        for_each_fixture_release(|path, release, format| {
            let alone = rendered_facts(format, &release.facts).unwrap();
            let mut rows = Vec::with_capacity(4 + release.facts.len() * ROOMY_ROW);
            rows.extend_from_slice(b"head");
            let room = rows.capacity();
            append_facts(format, &release.facts, &mut rows).unwrap();
            assert_eq!(&rows[4..], &alone[..], "{}, {format:?}", path.display());
            assert_eq!(rows.capacity(), room, "{}, {format:?}", path.display());
        });
    }

    #[test]
    fn period_columns_follow_the_subject_in_every_format() {
        let text = "-\nTrade\nExports in May\nExports rose 4.1 percent from a year earlier to USD 5.6 billion. date2025-06-01\n";
        let ex = extract(text);
        let csv = crate::write::facts_to_csv(ex.facts());
        let mut lines = csv.lines();
        let header = lines.next().unwrap();
        assert!(header.contains(",subject,period,period_end,basis,text,"), "{header}");
        let percent = lines.find(|l| l.contains(",percent,")).unwrap();
        assert!(percent.contains(",2025-05,,yoy,"), "{percent}");
        let mut w = facts_writer(Vec::new(), Format::Jsonl).unwrap();
        for f in ex.facts() {
            w.write(f).unwrap();
        }
        let jsonl = String::from_utf8(w.finish().unwrap()).unwrap();
        let rows: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let p = rows.iter().find(|r| r["kind"] == "percent").unwrap();
        assert_eq!(
            (&p["period"], &p["period_end"], &p["basis"]),
            (&"2025-05".into(), &"".into(), &"yoy".into())
        );
        // The CSV's column order, also in each JSON object.
        let line = jsonl.lines().find(|l| l.contains("\"percent\"")).unwrap();
        let at = |k: &str| line.find(&format!("\"{k}\":")).unwrap();
        assert!(at("subject") < at("period") && at("period_end") < at("basis") && at("basis") < at("text"));
    }

    #[test]
    fn the_releases_table_names_each_release_period() {
        let text = "-\nTrade\nExports in May\nExports rose 4.1 percent. date2025-06-01\n-\nTrade\nA visit\nThe minister met 3 firms. date2025-06-01\n";
        let ex = extract(text);
        let rows: Vec<ReleaseRow> = ex.releases.iter().map(|r| ReleaseRow::new("-", r)).collect();
        assert_eq!(rows[0].period, "2025-05");
        assert_eq!(rows[1].period, "");
        let mut out = Vec::new();
        render_rows(Format::Csv, &rows, &mut out).unwrap();
        assert!(
            String::from_utf8(out)
                .unwrap()
                .starts_with(&format!("{},", rows[0].release_id))
        );
        assert_eq!(RELEASE_COLUMNS[4], "period");
    }

    #[test]
    fn an_empty_json_table_is_an_empty_array() {
        let w = facts_writer(Vec::new(), Format::Json).unwrap();
        let text = String::from_utf8(w.finish().unwrap()).unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            serde_json::json!([])
        );
    }
}
