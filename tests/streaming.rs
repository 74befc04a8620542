//! An input is read a release at a time and its releases extracted in parallel: the
//! table, the messages and the duplicate rule must not depend on `--jobs` or on where the
//! input is cut.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_bulletin-facts");

/// stdout, stderr and exit code of `bulletin-facts ARGS` in `dir`, with `stdin` piped in.
fn run(dir: &Path, args: &[&str], stdin: &[u8]) -> (String, String, i32) {
    use std::io::Write;
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        out.status.code().unwrap_or(-1),
    )
}

/// A bulletin of `n` releases; every seventh repeats an earlier title and date with another
/// body, every eleventh is a cut copy of the one before it.
fn bulletin(n: usize) -> String {
    let mut text = String::new();
    for i in 0..n {
        let (title, day) = if i % 7 == 6 {
            (i - 6, 1 + (i - 6) % 28)
        } else {
            (i, 1 + i % 28)
        };
        let body = format!(
            "Kettle exports rose {i}.5 percent to USD {} million in the quarter. Lamp sales fell {} percent.",
            i * 3,
            i % 9
        );
        text.push_str(&format!(
            "-\nTrade\nKettle Report {title}\n{body} date2025-10-{day:02}\n"
        ));
        if i % 11 == 10 {
            text.push_str(&format!(
                "-\nTrade\nKettle Report {title}\n{} date2025-10-{day:02}\n",
                &body[..30]
            ));
        }
    }
    text
}

#[test]
fn every_jobs_count_gives_the_same_table_and_messages() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), bulletin(3000)).unwrap();
    let want = run(dir.path(), &["extract", "a.txt", "a.txt", "--jobs", "1"], b"");
    assert!(want.0.lines().count() > 5_000, "{}", want.1);
    for jobs in ["2", "3"] {
        let got = run(dir.path(), &["extract", "a.txt", "a.txt", "--jobs", jobs], b"");
        assert_eq!(got, want, "--jobs {jobs}");
    }
}

#[test]
fn another_body_under_the_same_id_names_the_first_release_read() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), bulletin(7)).unwrap();
    let (_, stderr, _) = run(dir.path(), &["extract", "a.txt"], b"");
    assert!(
        stderr.contains("has the date and title of the one read at a.txt:1 but another body"),
        "{stderr}"
    );
}

#[test]
fn standard_input_and_lone_carriage_returns_read_as_a_file_does() {
    let dir = tempfile::tempdir().unwrap();
    let text = bulletin(400);
    fs::write(dir.path().join("a.txt"), &text).unwrap();
    let (file_rows, _, _) = run(dir.path(), &["extract", "a.txt", "--jobs", "2"], b"");
    let (stdin_rows, _, _) = run(dir.path(), &["extract", "--jobs", "2"], text.as_bytes());
    let named = |rows: &str| rows.replace(",-,", ",a.txt,");
    assert_eq!(named(&stdin_rows), file_rows);
    // Lone CRs are line ends of the same width: the same rows, offsets and all.
    let old_mac = text.replace('\n', "\r");
    let (cr_rows, stderr, _) = run(dir.path(), &["extract", "--jobs", "2"], old_mac.as_bytes());
    assert_eq!(named(&cr_rows), file_rows);
    assert!(stderr.contains("line end(s) are a lone carriage return"), "{stderr}");
}

/// The rows of a CSV table.
fn rows(csv_text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .from_reader(csv_text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn inputs_in_other_encodings_are_read_a_piece_at_a_time() {
    // Over a megabyte, so that each is read twice (checked, then decoded a piece at a time),
    // from a file and from standard input. Each release has a title with a letter of
    // two bytes in UTF-8 and one in windows-1252.
    let dir = tempfile::tempdir().unwrap();
    let text = bulletin(9000).replace("Kettle Report", "Kettle R\u{e9}port");
    assert!(text.len() > 1 << 20);
    fs::write(dir.path().join("a.txt"), &text).unwrap();
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    fs::write(dir.path().join("b.txt"), &utf16).unwrap();
    let latin: Vec<u8> = text.chars().map(|c| u8::try_from(u32::from(c)).unwrap()).collect();
    fs::write(dir.path().join("c.txt"), &latin).unwrap();
    let (plain, _, code) = run(dir.path(), &["extract", "a.txt"], b"");
    assert_eq!(code, 0);
    let plain = rows(&plain);
    assert!(plain.len() > 20_000, "{}", plain.len());
    let latin1 = ["--encoding", "windows-1252"];
    for (name, bytes, args) in [("b.txt", &utf16, &[][..]), ("c.txt", &latin, &latin1[..])] {
        let from_file = run(dir.path(), &[&["extract", name, "--jobs", "2"][..], args].concat(), b"");
        let from_stdin = run(dir.path(), &[&["extract", "--jobs", "1"][..], args].concat(), bytes);
        assert_eq!(from_file.2, 0, "{}", from_file.1);
        assert_eq!(from_stdin.0.replace(",-,", &format!(",{name},")), from_file.0, "{name}");
        let got = rows(&from_file.0);
        assert_eq!(got.len(), plain.len(), "{name}");
        for (row, plain_row) in got.iter().zip(&plain) {
            // The same facts; offsets count the source's bytes, where the figure's text
            // (ASCII here) stands.
            assert_eq!(row[..17], plain_row[..17], "{name}");
            let at: usize = row[18].parse().unwrap();
            let figure = if name == "b.txt" {
                row[15].encode_utf16().flat_map(u16::to_le_bytes).collect()
            } else {
                row[15].as_bytes().to_vec()
            };
            assert_eq!(bytes[at..at + figure.len()], figure[..], "{name} {row:?}");
        }
    }
}

#[test]
fn a_nul_byte_past_the_first_megabyte_refuses_an_input_in_another_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let text = bulletin(9000);
    let at = text.len() - 100;
    let mut bytes = text.into_bytes();
    bytes[at] = 0;
    let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
    fs::write(dir.path().join("a.txt"), &bytes).unwrap();
    for stdin in [false, true] {
        let (input, piped) = if stdin { ("-", &bytes[..]) } else { ("a.txt", &b""[..]) };
        let (out, stderr, code) = run(dir.path(), &["extract", input, "--encoding", "windows-1252"], piped);
        assert_eq!(code, 1, "{stderr}");
        assert!(out.lines().count() <= 1, "no rows: {out}");
        assert!(
            stderr.contains(&format!(
                ":{line}: error: a NUL byte: a binary file, not text (byte {at})"
            )),
            "{stderr}"
        );
    }
}

#[test]
fn an_input_of_only_a_byte_order_mark_is_empty_after_it() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), [0xff, 0xfe]).unwrap();
    let (out, stderr, code) = run(dir.path(), &["extract", "a.txt"], b"");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(out.lines().count(), 1, "a header only: {out}");
    assert!(
        stderr.contains("a.txt:1: warning: input is empty; no releases (byte 2)"),
        "{stderr}"
    );
}
