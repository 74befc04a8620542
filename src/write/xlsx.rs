//! Tables as one spreadsheet file (`--format xlsx`), each table a sheet.
//!
//! A CSV cannot say which column is text, so a spreadsheet guesses: `January 5` becomes a
//! date, `29.1%` a fraction, `2025-10` the first of a month. Here every cell is typed by
//! its column: values and counts are numbers, day dates are dates, and everything else is
//! a text cell, which no spreadsheet converts or runs as a formula. The sheets are written
//! in constant-memory mode, a row at a time, from the CSV the run rendered.

use std::io::{Read, Write};

use rust_decimal::Decimal;
use rust_xlsxwriter::{ColNum, ExcelDateTime, Format, RowNum, Workbook, Worksheet, XlsxError};

/// Rows a sheet holds, header included (the xlsx limit); more go on to a next sheet.
const MAX_ROWS: usize = 1_048_576;
/// Rows read ahead to size the columns.
const SIZING_ROWS: usize = 200;
/// Widest column, in characters.
const MAX_WIDTH: usize = 60;
/// Digits a double holds exactly; a value with more stays text, so that none is rounded.
const EXACT_DIGITS: usize = 15;

/// What a cell holds, decided by its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Text,
    /// A number; the facts table's value columns hold dates when the row's kind is `date`.
    Number,
    Value,
    Date,
}

fn column(header: &str) -> Column {
    match header {
        "value" | "value_end" => Column::Value,
        "offset" | "facts" | "warnings" => Column::Number,
        "release_date" => Column::Date,
        _ => Column::Text,
    }
}

/// A CSV table (header line first) to be written as the sheet `name`.
pub struct SheetSource<R> {
    pub name: String,
    pub csv: R,
}

/// Writes the tables as the sheets of one workbook into `out`.
pub fn write_workbook<R: Read, W: Write + Send>(sheets: Vec<SheetSource<R>>, out: W) -> Result<(), XlsxError> {
    workbook_with_limit(sheets, out, MAX_ROWS)
}

fn workbook_with_limit<R: Read, W: Write + Send>(
    sheets: Vec<SheetSource<R>>,
    out: W,
    max_rows: usize,
) -> Result<(), XlsxError> {
    let mut book = Workbook::new();
    let styles = Styles::new();
    for sheet in sheets {
        write_table(&mut book, &styles, &sheet.name, sheet.csv, max_rows)?;
    }
    book.save_to_writer(out)
}

struct Styles {
    header: Format,
    date: Format,
}

impl Styles {
    fn new() -> Styles {
        Styles {
            header: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
        }
    }
}

fn csv_error(e: csv::Error) -> XlsxError {
    XlsxError::IoError(std::io::Error::other(e))
}

/// One CSV table as one sheet (or more, past the row limit).
fn write_table<R: Read>(
    book: &mut Workbook,
    styles: &Styles,
    name: &str,
    csv: R,
    max_rows: usize,
) -> Result<(), XlsxError> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(csv);
    let header = reader.headers().map_err(csv_error)?.clone();
    let columns: Vec<Column> = header.iter().map(column).collect();
    let kind_at = header.iter().position(|h| h == "kind");
    let mut records = reader.into_records();
    let mut ahead = Vec::with_capacity(SIZING_ROWS);
    for record in records.by_ref().take(SIZING_ROWS) {
        ahead.push(record.map_err(csv_error)?);
    }
    let widths = widths(&header, &ahead);
    let mut rows = ahead
        .into_iter()
        .map(Ok)
        .chain(records.map(|r| r.map_err(csv_error)))
        .peekable();
    let mut part = 1;
    loop {
        let sheet_name = if part == 1 {
            name.to_string()
        } else {
            format!("{name} ({part})")
        };
        let sheet = book.add_worksheet_with_constant_memory();
        sheet.set_name(&sheet_name)?;
        for (col, width) in widths.iter().enumerate() {
            sheet.set_column_width(col as ColNum, *width as f64)?;
        }
        for (col, h) in header.iter().enumerate() {
            sheet.write_string_with_format(0, col as ColNum, h, &styles.header)?;
        }
        let mut row: RowNum = 0;
        let mut more = false;
        while let Some(record) = rows.next() {
            let record = record?;
            row += 1;
            let kind = kind_at.and_then(|k| record.get(k));
            for (col, field) in record.iter().enumerate() {
                let how = columns.get(col).copied().unwrap_or(Column::Text);
                write_cell(sheet, styles, row, col as ColNum, field, how, kind)?;
            }
            if row as usize + 1 >= max_rows {
                more = rows.peek().is_some();
                break;
            }
        }
        let last_col = header.len().saturating_sub(1) as ColNum;
        sheet.set_freeze_panes(1, 0)?;
        sheet.autofilter(0, 0, row, last_col)?;
        if !more {
            return Ok(());
        }
        part += 1;
    }
}

/// Column widths from the header and the first rows, in characters.
fn widths(header: &csv::StringRecord, rows: &[csv::StringRecord]) -> Vec<usize> {
    (0..header.len())
        .map(|col| {
            let longest = rows
                .iter()
                .filter_map(|r| r.get(col))
                .chain(header.get(col))
                .map(|s| s.chars().count())
                .max()
                .unwrap_or(0);
            (longest + 2).clamp(8, MAX_WIDTH)
        })
        .collect()
}

fn write_cell(
    sheet: &mut Worksheet,
    styles: &Styles,
    row: RowNum,
    col: ColNum,
    field: &str,
    how: Column,
    kind: Option<&str>,
) -> Result<(), XlsxError> {
    if field.is_empty() {
        return Ok(());
    }
    let how = match how {
        Column::Value if kind == Some("date") => Column::Date,
        Column::Value => Column::Number,
        other => other,
    };
    match how {
        Column::Number => match exact_number(field) {
            Some(n) => sheet.write_number(row, col, n).map(|_| ()),
            None => sheet.write_string(row, col, field).map(|_| ()),
        },
        Column::Date => match day(field) {
            Some(d) => sheet.write_datetime_with_format(row, col, d, &styles.date).map(|_| ()),
            None => sheet.write_string(row, col, field).map(|_| ()),
        },
        Column::Text | Column::Value => sheet.write_string(row, col, field).map(|_| ()),
    }
}

/// The field as a double when the double holds it exactly as written (at most 15
/// significant digits); otherwise the cell stays text.
fn exact_number(field: &str) -> Option<f64> {
    let d: Decimal = field.parse().ok()?;
    let digits = d.normalize().mantissa().unsigned_abs().to_string().len();
    if digits > EXACT_DIGITS {
        return None;
    }
    field.parse().ok()
}

/// A full ISO day (`2025-11-18`) as a spreadsheet date; months, quarters and halves are not
/// days and stay text.
fn day(field: &str) -> Option<ExcelDateTime> {
    let date = chrono::NaiveDate::parse_from_str(field, "%Y-%m-%d").ok()?;
    use chrono::Datelike;
    let year = u16::try_from(date.year()).ok()?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_exact_or_text() {
        assert_eq!(exact_number("1200000000000"), Some(1.2e12));
        assert_eq!(exact_number("12.2"), Some(12.2));
        assert_eq!(exact_number("-0.3"), Some(-0.3));
        assert_eq!(exact_number("79228162514264337593543950335"), None);
        assert_eq!(exact_number("2025-10"), None);
        assert_eq!(exact_number(""), None);
    }

    #[test]
    fn only_full_days_are_dates() {
        assert!(day("2025-11-18").is_some());
        for not_a_day in ["2025-11", "2025-Q3", "2025-H1", "2025", "2025-02-30", "January 5"] {
            assert!(day(not_a_day).is_none(), "{not_a_day}");
        }
    }

    #[test]
    fn rows_past_the_limit_go_on_to_a_next_sheet_with_the_header() {
        use calamine::{Data, Reader, Xlsx};
        let csv = "kind,value,text\ncount,1,a\ncount,2,b\ncount,3,c\ncount,4,d\ncount,5,e\ncount,6,f\n";
        let mut file = Vec::new();
        let sheets = vec![SheetSource {
            name: "facts".to_string(),
            csv: csv.as_bytes(),
        }];
        workbook_with_limit(sheets, std::io::Cursor::new(&mut file), 3).unwrap();
        let mut book = Xlsx::new(std::io::Cursor::new(file)).unwrap();
        assert_eq!(book.sheet_names(), ["facts", "facts (2)", "facts (3)"]);
        let values: Vec<Vec<Data>> = book
            .sheet_names()
            .iter()
            .map(|name| {
                let range = book.worksheet_range(name).unwrap();
                assert_eq!(range.rows().next().unwrap()[0], Data::String("kind".into()));
                range.rows().skip(1).map(|r| r[1].clone()).collect()
            })
            .collect();
        let n = |x: f64| Data::Float(x);
        // Six rows fill three sheets exactly: no empty fourth sheet.
        assert_eq!(
            values,
            [vec![n(1.0), n(2.0)], vec![n(3.0), n(4.0)], vec![n(5.0), n(6.0)]]
        );
    }

    #[test]
    fn columns_are_typed_by_name() {
        assert_eq!(column("value"), Column::Value);
        assert_eq!(column("offset"), Column::Number);
        assert_eq!(column("release_date"), Column::Date);
        assert_eq!(column("text"), Column::Text);
        assert_eq!(column("period"), Column::Text);
    }
}
