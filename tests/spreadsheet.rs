//! `--format xlsx` end to end: the real binary writes a workbook, and reading it back shows
//! every cell typed as its column says, with the CSV of the same run as the reference.

use std::path::Path;
use std::process::{Command, Stdio};

use calamine::{Data, DataType, Reader, Xlsx, open_workbook};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_bulletin-facts");

fn extract(args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .arg("extract")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

/// The same inputs as CSV and as a workbook.
fn both(inputs: &str, extra: &[&str]) -> (TempDir, Vec<csv::StringRecord>, Xlsx<std::io::BufReader<std::fs::File>>) {
    let dir = TempDir::new().unwrap();
    let csv_path = dir.path().join("facts.csv");
    let xlsx_path = dir.path().join("facts.xlsx");
    let run = |out: &Path| {
        let mut args = vec![inputs, "-q", "-o", out.to_str().unwrap()];
        args.extend_from_slice(extra);
        let o = extract(&args);
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    };
    run(&csv_path);
    run(&xlsx_path);
    let rows = csv::Reader::from_path(&csv_path)
        .unwrap()
        .records()
        .map(Result::unwrap)
        .collect();
    (dir, rows, open_workbook(&xlsx_path).expect("the workbook opens"))
}

fn corpus() -> String {
    let dev = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/dev");
    if Path::new(dev).is_dir() {
        dev.to_string()
    } else {
        concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures").to_string()
    }
}

#[test]
fn every_cell_is_typed_as_its_column_and_no_text_is_converted() {
    let (_dir, rows, mut book) = both(&corpus(), &["--checks", "/dev/null"]);
    assert_eq!(book.sheet_names(), ["facts", "releases", "checks"]);
    let facts = book.worksheet_range("facts").expect("facts sheet");
    let header: Vec<String> = facts.rows().next().unwrap().iter().map(|c| c.to_string()).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(facts.rows().count(), rows.len() + 1, "one row per fact and the header");
    let (mut numbers, mut days, mut texts) = (0, 0, 0);
    for (cells, csv) in facts.rows().skip(1).zip(&rows) {
        for (n, (cell, field)) in cells.iter().zip(csv.iter()).enumerate() {
            let is_value = n == col("value") || n == col("value_end");
            let kind = csv.get(col("kind")).unwrap();
            match cell {
                Data::Empty => assert_eq!(field, "", "column {}", header[n]),
                Data::Float(x) => {
                    assert!(is_value || n == col("offset"), "a number in {}", header[n]);
                    assert!(!(is_value && kind == "date"), "a date value as a number");
                    assert_eq!(*x, field.parse::<f64>().unwrap(), "value exact");
                    numbers += 1;
                }
                Data::DateTime(_) => {
                    assert!(is_value || n == col("release_date"), "a date in {}", header[n]);
                    let day = cell.as_date().unwrap().format("%Y-%m-%d").to_string();
                    assert_eq!(day, field);
                    days += 1;
                }
                Data::String(s) => {
                    assert_eq!(s, field, "text kept as written in {}", header[n]);
                    // A text cell in a value column is a date that is not a day (or a
                    // number too long for a double).
                    if is_value {
                        assert!(kind == "date" || field.len() > 15, "{field}");
                    }
                    texts += 1;
                }
                other => panic!("unexpected cell {other:?} in {}", header[n]),
            }
        }
    }
    assert!(numbers > 100 && days > 100 && texts > 1000, "{numbers} {days} {texts}");
    let releases = book.worksheet_range("releases").expect("releases sheet");
    assert!(releases.rows().count() > 1);
    assert_eq!(releases.rows().next().unwrap()[0], Data::String("release_id".into()));
}

#[test]
fn the_extension_picks_the_format_and_xlsx_needs_a_file() {
    let dir = TempDir::new().unwrap();
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/01_trade_monthly.txt");
    let out = dir.path().join("t.xlsx");
    let o = extract(&[fixture, "-q", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(&std::fs::read(&out).unwrap()[..2], b"PK", "a zip container");
    let o = extract(&[fixture, "--format", "xlsx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("-o FILE.xlsx"));
    assert!(o.stdout.is_empty());
}

#[test]
fn a_formula_like_title_is_a_text_cell() {
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("b.txt");
    std::fs::write(
        &input,
        "-\nTrade\n=SUM(A1:A9) exports\nExports rose 5 percent. date2025-03-04\n",
    )
    .unwrap();
    let out = dir.path().join("b.xlsx");
    let o = extract(&[input.to_str().unwrap(), "-q", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let facts = book.worksheet_range("facts").unwrap();
    let title = &facts.rows().nth(1).unwrap()[3];
    assert_eq!(title, &Data::String("=SUM(A1:A9) exports".into()));
    assert!(
        facts
            .rows()
            .nth(1)
            .unwrap()
            .iter()
            .all(|c| !matches!(c, Data::Error(_)))
    );
}
