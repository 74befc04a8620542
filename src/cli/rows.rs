//! Rendered rows, changed after the fact on the command's side: a release's id renamed (a
//! second release of the same date and title), and CSV cells kept from being read as
//! formulas (`--excel`).

use std::borrow::Cow;

use bulletin_facts::write::Format;

/// The start of every CSV record in `rows` (whole records, as the writer renders them):
/// a line end outside quotes ends one. A doubled quote inside quotes toggles twice.
fn record_starts(rows: &[u8]) -> Vec<usize> {
    let mut starts = vec![0];
    let mut quoted = false;
    for (at, &b) in rows.iter().enumerate() {
        match b {
            b'"' => quoted = !quoted,
            b'\n' if !quoted && at + 1 < rows.len() => starts.push(at + 1),
            _ => {}
        }
    }
    starts
}

/// `rows` with the release id `old` changed to `new` in every row. The id is the first
/// CSV field (never quoted: digits, hex and `-`) or the JSON key `"release_id"`, which a
/// text field cannot fake (its quotes would be escaped).
pub fn rename(format: Format, rows: &[u8], old: &str, new: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(rows.len() + rows.len() / 8);
    match format {
        Format::Csv | Format::ExcelCsv => {
            let starts = record_starts(rows);
            let mut last = 0;
            for at in starts {
                let first = &rows[at..];
                if first.starts_with(old.as_bytes()) && first.get(old.len()) == Some(&b',') {
                    out.extend_from_slice(&rows[last..at]);
                    out.extend_from_slice(new.as_bytes());
                    last = at + old.len();
                }
            }
            out.extend_from_slice(&rows[last..]);
        }
        Format::Jsonl | Format::Json => {
            let from = format!("\"release_id\":\"{old}\"");
            let to = format!("\"release_id\":\"{new}\"");
            let mut last = 0;
            for at in memchr::memmem::find_iter(rows, from.as_bytes()) {
                out.extend_from_slice(&rows[last..at]);
                out.extend_from_slice(to.as_bytes());
                last = at + from.len();
            }
            out.extend_from_slice(&rows[last..]);
        }
    }
    out
}

/// Whether a spreadsheet may run a cell starting with `first` as a formula (OWASP's list:
/// `=`, `+`, `-`, `@`, tab, carriage return).
fn risky(first: u8) -> bool {
    matches!(first, b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
}

/// A number as the table writes it (`-3.2`): read as a number, never run.
fn plain_number(cell: &[u8]) -> bool {
    let digits = cell.strip_prefix(b"-").unwrap_or(cell);
    let mut parts = digits.splitn(2, |&b| b == b'.');
    let whole = parts.next().unwrap_or_default();
    let fraction = parts.next();
    !whole.is_empty()
        && whole.iter().all(u8::is_ascii_digit)
        && fraction.is_none_or(|f| !f.is_empty() && f.iter().all(u8::is_ascii_digit))
}

/// CSV rows where no cell starts as a formula: a risky cell (see [`risky`]; a negative
/// number excepted) gets a leading `'` inside quotes, which spreadsheets show as text.
/// Rows without one are given back as they are.
pub fn guard_formulas(rows: &[u8]) -> Cow<'_, [u8]> {
    let cells = cell_starts(rows);
    let risky_cells: Vec<(usize, bool)> = cells
        .into_iter()
        .filter(|&(at, quoted, end)| {
            let content = &rows[at..end];
            content.first().is_some_and(|&b| risky(b)) && (quoted || !plain_number(content))
        })
        .map(|(at, quoted, _)| (at, quoted))
        .collect();
    if risky_cells.is_empty() {
        return Cow::Borrowed(rows);
    }
    let mut out = Vec::with_capacity(rows.len() + 3 * risky_cells.len());
    let mut last = 0;
    for (at, quoted) in risky_cells {
        out.extend_from_slice(&rows[last..at]);
        if quoted {
            out.push(b'\'');
            last = at;
        } else {
            // An unquoted cell holds no quote, comma or line end: it is quoted whole.
            let end = rows[at..]
                .iter()
                .position(|&b| matches!(b, b',' | b'\n' | b'\r'))
                .map_or(rows.len(), |n| at + n);
            out.extend_from_slice(b"\"'");
            out.extend_from_slice(&rows[at..end]);
            out.push(b'"');
            last = end;
        }
    }
    out.extend_from_slice(&rows[last..]);
    Cow::Owned(out)
}

/// Each cell of CSV rows: where its content starts, whether it is quoted, and (for an
/// unquoted cell) where it ends; a quoted cell's end is not needed (its first byte is).
fn cell_starts(rows: &[u8]) -> Vec<(usize, bool, usize)> {
    let mut cells = Vec::new();
    let mut at = 0;
    while at < rows.len() {
        if rows[at] == b'"' {
            let start = at + 1;
            // The closing quote: one not followed by another.
            let mut k = start;
            loop {
                match rows.get(k) {
                    Some(b'"') if rows.get(k + 1) == Some(&b'"') => k += 2,
                    Some(b'"') | None => break,
                    Some(_) => k += 1,
                }
            }
            cells.push((start, true, (start + 1).min(rows.len())));
            at = k + 1;
        } else {
            let end = rows[at..]
                .iter()
                .position(|&b| matches!(b, b',' | b'\n' | b'\r'))
                .map_or(rows.len(), |n| at + n);
            cells.push((at, false, end));
            at = end;
        }
        // The delimiter or line end after the cell.
        match rows.get(at) {
            Some(b',') => {
                at += 1;
                if at == rows.len() || matches!(rows[at], b'\n' | b'\r') {
                    cells.push((at, false, at));
                }
            }
            Some(b'\r') if rows.get(at + 1) == Some(&b'\n') => at += 2,
            Some(b'\n') => at += 1,
            _ => {}
        }
    }
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(bytes: &[u8]) -> Vec<Vec<String>> {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(bytes)
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect())
            .collect()
    }

    fn csv_of(rows: &[&[&str]], crlf: bool) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .terminator(if crlf {
                csv::Terminator::CRLF
            } else {
                csv::Terminator::Any(b'\n')
            })
            .from_writer(Vec::new());
        for r in rows {
            w.write_record(*r).unwrap();
        }
        w.into_inner().unwrap()
    }

    #[test]
    fn risky_cells_get_a_quote_mark_and_nothing_else_changes() {
        let rows: &[&[&str]] = &[
            &[
                "2025-01-02-00ff",
                "=HYPERLINK(\"x\")",
                "-5 percent",
                "-3.2",
                "",
                "a, \"b\"\nc",
            ],
            &["id", "+1", "@sum", "\tx", "\rline", "plain"],
            &["id", "-", "1.5", "-0.25", "12", "=1,2"],
        ];
        for crlf in [false, true] {
            let before = csv_of(rows, crlf);
            let after = guard_formulas(&before);
            let got = parse(&after);
            let want: Vec<Vec<String>> = rows
                .iter()
                .map(|r| {
                    r.iter()
                        .map(|c| {
                            let number = plain_number(c.as_bytes());
                            if c.bytes().next().is_some_and(risky) && !number {
                                format!("'{c}")
                            } else {
                                c.to_string()
                            }
                        })
                        .collect()
                })
                .collect();
            assert_eq!(got, want, "crlf {crlf}");
        }
    }

    #[test]
    fn rows_without_risky_cells_are_borrowed() {
        let rows = csv_of(&[&["a", "-1", "b c"]], false);
        assert!(matches!(guard_formulas(&rows), Cow::Borrowed(_)));
    }

    #[test]
    fn plain_numbers_are_the_written_ones() {
        for yes in ["1", "-3.2", "0.5", "-100"] {
            assert!(plain_number(yes.as_bytes()), "{yes}");
        }
        for no in ["-", "-.5", "1.", "-1e5", "+1", "-1-1", "--1", ""] {
            assert!(!plain_number(no.as_bytes()), "{no}");
        }
    }

    #[test]
    fn renaming_changes_only_the_id_column() {
        let old = "2025-01-02-0123456789abcdef";
        let rows: &[&[&str]] = &[
            &[old, "text holding 2025-01-02-0123456789abcdef,", "x\ny"],
            &[old, "b", "c"],
        ];
        for crlf in [false, true] {
            let bytes = csv_of(rows, crlf);
            let got = parse(&rename(Format::Csv, &bytes, old, &format!("{old}-2")));
            assert_eq!(got[0][0], format!("{old}-2"));
            assert_eq!(got[1][0], format!("{old}-2"));
            assert_eq!(got[0][1], rows[0][1]);
        }
        let json = format!("{{\"release_id\":\"{old}\",\"text\":\"\\\"release_id\\\":\\\"{old}\\\"\"}}\n");
        let renamed = String::from_utf8(rename(Format::Jsonl, json.as_bytes(), old, "new")).unwrap();
        assert!(renamed.starts_with("{\"release_id\":\"new\""), "{renamed}");
        assert!(renamed.contains(old), "the text keeps its characters: {renamed}");
    }
}
