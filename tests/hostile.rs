//! Lose nothing, hang on nothing (issue 20), end to end through the real binary: the
//! output path, the file walk, duplicate releases, interrupts, quiet misreadings,
//! spreadsheet safety and bounded memory. Every run has a time limit: a hang fails the
//! test instead of stopping the suite.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_bulletin-facts");

/// What a run gave.
struct Ran {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Waits for a child at most `limit`; kills it and fails the test past that.
fn finish(mut child: Child, limit: Duration, what: &str) -> Ran {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let mut stdout = String::new();
            let mut stderr = String::new();
            if let Some(mut o) = child.stdout.take() {
                o.read_to_string(&mut stdout).ok();
            }
            if let Some(mut e) = child.stderr.take() {
                e.read_to_string(&mut stderr).ok();
            }
            assert!(!stderr.contains("panicked"), "{what}: panic: {stderr}");
            return Ran {
                code: status.code().unwrap_or(-1),
                stdout,
                stderr,
            };
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The binary with `args`, run in `dir` with no standard input and both outputs piped.
fn command(dir: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// Runs the binary in `dir` with `args` and no standard input, within `limit`.
/// (Output is small in these tests: the pipes do not fill.)
fn run_for(dir: &Path, args: &[&str], limit: Duration) -> Ran {
    let child = command(dir, args).spawn().expect("the binary runs");
    finish(child, limit, &args.join(" "))
}

fn run(dir: &Path, args: &[&str]) -> Ran {
    run_for(dir, args, Duration::from_secs(30))
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&p, bytes).unwrap();
    p
}

/// An invented release.
fn release(category: &str, title: &str, body: &str) -> String {
    format!("-\n{category}\n{title}\n{body} date2025-04-02\n")
}

const BODY: &str = "Lamp exports rose 5.5 percent to USD 3 billion in March. Kettle imports fell 2 percent.";

fn rows(csv_text: &str) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .from_reader(csv_text.trim_start_matches('\u{feff}').as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

/// Names in `dir` that a run may not leave behind.
fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".bulletin-facts-"))
        .collect()
}

// --- 1. The output path -------------------------------------------------------------

#[test]
fn an_output_that_is_an_input_exits_2_and_leaves_it_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let text = release("Trade", "Lamp Exports Rise", BODY);
    let v = write(dir.path(), "v.txt", &text);
    let o = run(dir.path(), &["extract", "v.txt", "-o", "v.txt"]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(o.stderr.contains("-o v.txt is the input v.txt"), "{}", o.stderr);
    assert_eq!(fs::read_to_string(&v).unwrap(), text);
    // Also inside a folder argument, and through another spelling of the path.
    let o = run(dir.path(), &["extract", ".", "-o", "./v.txt"]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert_eq!(fs::read_to_string(&v).unwrap(), text);
    assert!(leftovers(dir.path()).is_empty());
}

#[test]
fn two_outputs_of_one_file_exit_2_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "v.txt", release("Trade", "Lamp Exports Rise", BODY));
    for other in ["--releases", "--checks"] {
        let o = run(dir.path(), &["extract", "v.txt", "-o", "F", other, "F"]);
        assert_eq!(o.code, 2, "{}", o.stderr);
        assert!(o.stderr.contains("is the same file as -o F"), "{}", o.stderr);
        assert!(!dir.path().join("F").exists());
    }
    // Two tables to standard output would be mixed.
    let o = run(dir.path(), &["extract", "v.txt", "--releases", "-"]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(o.stdout.is_empty());
}

#[cfg(unix)]
#[test]
fn a_device_or_fifo_output_is_written_in_place_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "v.txt", release("Trade", "Lamp Exports Rise", BODY));
    // A table renamed over `-o /dev/null`, run as root, made /dev/null a file; a FIFO
    // stands in for the device here.
    let fifo = dir.path().join("out");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::read_to_string(fifo).unwrap())
    };
    let o = run(dir.path(), &["extract", "v.txt", "-o", "out", "--releases", "out"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    // Checked before waiting for the reader, which a replaced FIFO would leave blocked.
    assert!(fs::symlink_metadata(&fifo).unwrap().file_type().is_fifo());
    let table = reader.join().unwrap();
    assert!(table.starts_with("release_id,"), "{table}");
    assert!(table.contains("Lamp Exports Rise"), "{table}");
    // /dev/null itself, where it is a device, stays one.
    if fs::metadata("/dev/null").is_ok_and(|m| m.file_type().is_char_device()) {
        let o = run(dir.path(), &["extract", "v.txt", "-o", "/dev/null"]);
        assert_eq!(o.code, 0, "{}", o.stderr);
        assert!(fs::metadata("/dev/null").unwrap().file_type().is_char_device());
    }
}

#[cfg(unix)]
#[test]
fn a_bad_output_path_fails_before_any_input_is_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "v.txt", release("Trade", "Lamp Exports Rise", BODY));
    fs::create_dir(dir.path().join("D")).unwrap();
    // The input is a FIFO nobody writes to: reading it would block, so a quick exit
    // shows that nothing was read.
    let fifo = dir.path().join("pipe");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let reading = |args: &[&str]| {
        let child = Command::new(BIN)
            .args(args)
            .current_dir(dir.path())
            .stdin(fs::OpenOptions::new().read(true).write(true).open(&fifo).unwrap())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        finish(child, Duration::from_secs(10), &args.join(" "))
    };
    let o = reading(&["extract", "-", "-o", "D"]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("D: error: cannot create the output file: it is a folder"),
        "{}",
        o.stderr
    );
    let o = reading(&["extract", "-", "-o", "nowhere/x.csv"]);
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(o.stderr.contains("nowhere/x.csv: error"), "{}", o.stderr);
    assert!(
        !o.stderr.contains(".bulletin-facts-"),
        "names the user's path only: {}",
        o.stderr
    );
    assert!(leftovers(dir.path()).is_empty());
}

#[cfg(unix)]
#[test]
fn an_existing_output_keeps_its_mode_and_a_link_is_written_through() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "v.txt", release("Trade", "Lamp Exports Rise", BODY));
    let private = write(dir.path(), "private.csv", "old");
    fs::set_permissions(&private, fs::Permissions::from_mode(0o600)).unwrap();
    assert_eq!(
        run(dir.path(), &["extract", "v.txt", "-o", "private.csv", "-q"]).code,
        0
    );
    let meta = fs::metadata(&private).unwrap();
    assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    assert!(fs::read_to_string(&private).unwrap().starts_with("release_id,"));

    write(dir.path(), "real/target.csv", "old");
    std::os::unix::fs::symlink("real/target.csv", dir.path().join("link.csv")).unwrap();
    assert_eq!(run(dir.path(), &["extract", "v.txt", "-o", "link.csv", "-q"]).code, 0);
    let link = fs::symlink_metadata(dir.path().join("link.csv")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    let table = fs::read_to_string(dir.path().join("real/target.csv")).unwrap();
    assert_eq!(rows(&table).len(), 4, "{table}");
    assert!(leftovers(dir.path()).is_empty() && leftovers(&dir.path().join("real")).is_empty());
}

// --- 2. The walk ----------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn links_back_to_a_folder_end_and_each_file_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "in/v.txt", release("Trade", "Lamp Exports Rise", BODY));
    std::os::unix::fs::symlink(".", dir.path().join("in/a")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("in/b")).unwrap();
    for follow in [false, true] {
        let mut args = vec!["extract", "in"];
        if follow {
            args.push("--follow");
        }
        let o = run_for(dir.path(), &args, Duration::from_secs(10));
        assert_eq!(o.code, 0, "{}", o.stderr);
        assert_eq!(rows(&o.stdout).len(), 4, "read once: {}", o.stderr);
        assert!(o.stderr.contains("Read 1 of 1 input"), "{}", o.stderr);
        let said = if follow {
            "a link to a folder already read"
        } else {
            "a symbolic link, not followed"
        };
        assert!(o.stderr.contains(&format!("in/a: warning: {said}")), "{}", o.stderr);
    }
}

#[cfg(unix)]
#[test]
fn fifos_are_skipped_in_folders_and_refused_as_arguments() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "in/v.txt", release("Trade", "Lamp Exports Rise", BODY));
    assert!(
        Command::new("mkfifo")
            .arg(dir.path().join("in/p.txt"))
            .status()
            .unwrap()
            .success()
    );
    let o = run_for(dir.path(), &["extract", "in"], Duration::from_secs(10));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("in/p.txt: warning: a FIFO (named pipe), not a file; skipped"),
        "{}",
        o.stderr
    );
    assert_eq!(rows(&o.stdout).len(), 4);
    let o = run_for(
        dir.path(),
        &["extract", "in/p.txt", "in/v.txt"],
        Duration::from_secs(10),
    );
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stderr.contains("in/p.txt: error: a FIFO"), "{}", o.stderr);
    assert_eq!(rows(&o.stdout).len(), 4, "the other input is read");
}

#[cfg(unix)]
#[test]
fn dev_zero_is_refused_at_once_as_a_file_and_as_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let o = run_for(dir.path(), &["extract", "/dev/zero"], Duration::from_secs(10));
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stderr.contains("/dev/zero: error: a device"), "{}", o.stderr);
    let child = Command::new(BIN)
        .args(["extract", "-"])
        .stdin(fs::File::open("/dev/zero").unwrap())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let o = finish(child, Duration::from_secs(10), "extract - < /dev/zero");
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("-:1: error: a NUL byte: a binary file, not text (byte 0); file skipped"),
        "{}",
        o.stderr
    );
}

#[test]
fn a_huge_jobs_count_is_capped() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "v.txt", release("Trade", "Lamp Exports Rise", BODY));
    let o = run_for(
        dir.path(),
        &["extract", "v.txt", "--jobs", "20000"],
        Duration::from_secs(20),
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr.contains("--jobs 20000 is more than 64; 64 are used"),
        "{}",
        o.stderr
    );
    assert_eq!(rows(&o.stdout).len(), 4);
}

// --- 3. Duplicates --------------------------------------------------------------------

#[test]
fn same_title_other_body_is_another_release_and_copies_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let other = "Output of lamps grew 7 percent to 40,000 units.";
    write(
        dir.path(),
        "a.txt",
        release("Trade", "Lamp Exports Rise", BODY) + &release("Industry", "Lamp Exports Rise", other),
    );
    // A cut copy (a listing page: white space differs too), and a longer one.
    let longer = format!("{BODY} Stove sales rose 3 percent.");
    write(
        dir.path(),
        "b.txt",
        release("Trade", "Lamp  Exports Rise", &BODY.replace(". ", ".\n  ")[..45])
            + &release("Trade", "Lamp Exports Rise", &longer),
    );
    let o = run(dir.path(), &["extract", "a.txt", "b.txt"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let table = rows(&o.stdout);
    let ids: Vec<&str> = table.iter().map(|r| r[0].as_str()).collect();
    let first = ids[0];
    let (date, hash) = first.split_at(11);
    assert_eq!(date, "2025-04-02-");
    assert!(
        hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()),
        "{first}"
    );
    let second = format!("{first}-2");
    assert_eq!(ids.iter().filter(|i| **i == first).count(), 4, "{ids:?}");
    assert_eq!(ids.iter().filter(|i| **i == second).count(), 2, "{ids:?}");
    assert!(table.iter().any(|r| r[2] == "Industry" && r[0] == second));
    assert!(
        o.stderr
            .contains(&format!("another body: both are written, this one as {second}")),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains(&format!("a longer copy of release {first}, first read at a.txt:1")),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr.contains(&format!(
            "2 duplicate releases dropped (b.txt:1 ({first}), b.txt:5 ({first}))"
        )),
        "{}",
        o.stderr
    );
    // --keep-duplicates writes the copies under the id of the release they copy.
    let o = run(
        dir.path(),
        &["extract", "a.txt", "b.txt", "--keep-duplicates", "--format", "jsonl"],
    );
    let lines: Vec<&str> = o.stdout.lines().collect();
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.contains(&format!("\"release_id\":\"{second}\"")))
            .count(),
        2
    );
    assert_eq!(lines.len(), 6 + 2 + 5, "{}", o.stdout);
}

#[test]
fn the_releases_table_and_checks_carry_the_new_id() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "a.txt",
        release("Trade", "Lamp Exports Rise", BODY)
            + &release("Industry", "Lamp Exports Rise", "Output grew 7 percent."),
    );
    let o = run(
        dir.path(),
        &[
            "extract",
            "a.txt",
            "-o",
            "f.csv",
            "--releases",
            "r.csv",
            "--checks",
            "c.csv",
            "-q",
        ],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    let releases = rows(&fs::read_to_string(dir.path().join("r.csv")).unwrap());
    assert_eq!(releases.len(), 2);
    assert_eq!(format!("{}-2", releases[0][0]), releases[1][0]);
}

// --- 4. Interrupts --------------------------------------------------------------------

#[cfg(unix)]
#[test]
fn an_interrupt_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().unwrap();
    // Enough text that the debug binary is still at it when the signal comes.
    let one: String = (0..2000)
        .map(|k| release("Trade", &format!("Lamp Report {k}"), &BODY.repeat(20)))
        .collect();
    write(dir.path(), "in/big.txt", one.repeat(8));
    fs::create_dir(dir.path().join("out")).unwrap();
    for signal in ["-INT", "-TERM"] {
        let child = Command::new(BIN)
            .args(["extract", "in/big.txt", "-o", "out/facts.csv", "-q", "--jobs", "1"])
            .current_dir(dir.path())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Once the temporary output exists, the run is under way.
        let start = Instant::now();
        while leftovers(&dir.path().join("out")).is_empty() && start.elapsed() < Duration::from_secs(20) {
            std::thread::sleep(Duration::from_millis(10));
        }
        assert!(!leftovers(&dir.path().join("out")).is_empty(), "the run started");
        let pid = child.id().to_string();
        assert!(Command::new("kill").args([signal, &pid]).status().unwrap().success());
        let o = finish(child, Duration::from_secs(20), signal);
        assert_eq!(o.code, 130, "{signal}: {}", o.stderr);
        assert!(leftovers(&dir.path().join("out")).is_empty(), "{signal}");
        assert!(!dir.path().join("out/facts.csv").exists(), "{signal}");
    }
}

// --- 5. Quiet misreadings -------------------------------------------------------------

#[test]
fn lone_carriage_returns_are_line_ends_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = release("Trade", "Lamp Exports Rise", BODY) + &release("Trade", "Kettle Exports Rise", BODY);
    write(dir.path(), "cr.txt", text.replace('\n', "\r"));
    let o = run(dir.path(), &["extract", "cr.txt"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("line end(s) are a lone carriage return (CR); read as line breaks"),
        "{}",
        o.stderr
    );
    let table = rows(&o.stdout);
    let titles: std::collections::BTreeSet<&str> = table.iter().map(|r| r[3].as_str()).collect();
    assert_eq!(
        titles.into_iter().collect::<Vec<_>>(),
        ["Kettle Exports Rise", "Lamp Exports Rise"]
    );
    assert!(table.iter().all(|r| r[1] == "2025-04-02"));
}

#[test]
fn utf16_with_a_mark_is_read_and_without_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let text = release("Trade", "Lamp Exports Rise", BODY);
    let le: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xfe, 0xff]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let bare: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    write(dir.path(), "le.txt", &le);
    write(dir.path(), "be.txt", &be);
    write(dir.path(), "bare.txt", bare);
    write(dir.path(), "plain.txt", &text);
    let plain = run(dir.path(), &["extract", "plain.txt"]);
    for (name, bytes) in [("le.txt", &le), ("be.txt", &be)] {
        let o = run(dir.path(), &["extract", name]);
        assert_eq!(o.code, 0, "{}", o.stderr);
        let strip = |t: &str| rows(t).into_iter().map(|r| r[..17].to_vec()).collect::<Vec<_>>();
        assert_eq!(strip(&o.stdout), strip(&plain.stdout), "{name}");
        // Offsets count the file's own bytes: two a character of this text, after the mark.
        for (row, plain_row) in rows(&o.stdout).iter().zip(rows(&plain.stdout)) {
            let (at, plain_at): (usize, usize) = (row[18].parse().unwrap(), plain_row[18].parse().unwrap());
            assert_eq!(at, 2 + 2 * plain_at, "{name} {:?}", row[15]);
            assert!(bytes.len() > at + 2 * row[15].len());
        }
    }
    let o = run(dir.path(), &["extract", "bare.txt"]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr.contains("UTF-16 text without a byte-order mark"),
        "{}",
        o.stderr
    );
    assert!(!o.stderr.contains("binary"), "{}", o.stderr);
}

#[test]
fn control_characters_are_spaces_and_never_units() {
    let dir = tempfile::tempdir().unwrap();
    let text = release(
        "Tr\u{7}ade",
        "Lamp \u{1b}[31mExports\u{1b}[0m Rise",
        "Lamp exports rose 5.5\u{8} percent to USD 3 billion in March, \u{1b}[31m red\u{85}.",
    );
    write(dir.path(), "ctl.txt", &text);
    let o = run(
        dir.path(),
        &["extract", "ctl.txt", "--releases", "r.csv", "--format", "jsonl"],
    );
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("control character(s) or escape sequence(s) replaced by spaces"),
        "{}",
        o.stderr
    );
    let releases = fs::read_to_string(dir.path().join("r.csv")).unwrap();
    for out in [&o.stdout, &releases] {
        assert!(
            !out.contains("\\u001b") && !out.contains("\\u0007") && !out.contains("\\b"),
            "{out}"
        );
        assert!(!out.contains("\\u0085") && !out.contains('\u{85}'), "{out}");
        assert!(!out.contains("\"quantity\""), "ESC[31m read as a quantity: {out}");
    }
    assert_eq!(o.stdout.lines().count(), 3, "{}", o.stdout);
    // Offsets still point at the source's bytes.
    let money = o.stdout.lines().find(|l| l.contains("\"money\"")).unwrap();
    let offset: usize = money
        .rsplit_once("\"offset\":")
        .unwrap()
        .1
        .trim_end_matches('}')
        .parse()
        .unwrap();
    assert_eq!(&text[offset..offset + 13], "USD 3 billion");
}

#[test]
fn a_number_past_a_value_and_a_date_past_9999_are_said() {
    let dir = tempfile::tempdir().unwrap();
    let digits = "1234567890".repeat(4);
    let text = format!(
        "-\nTrade\nFar Figures\nThe fund counts {digits} coins. The plan ends next year and by January 2. date9999-12-30\n"
    );
    write(dir.path(), "far.txt", text);
    let o = run(dir.path(), &["extract", "far.txt"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("a number of 40 digits (`123456789012...`) is more than a value holds"),
        "{}",
        o.stderr
    );
    assert!(
        o.stderr
            .contains("date `next year` is placed at 10000, outside the years 0001-9999"),
        "{}",
        o.stderr
    );
    let table = rows(&o.stdout);
    let dates: Vec<&Vec<String>> = table.iter().filter(|r| r[5] == "date").collect();
    assert_eq!(dates.len(), 2);
    assert!(dates.iter().all(|r| r[6].is_empty()), "{dates:?}");
}

// --- 6. Spreadsheets ------------------------------------------------------------------

#[test]
fn excel_cells_never_start_a_formula_and_plain_csv_stays_faithful() {
    let dir = tempfile::tempdir().unwrap();
    let text = "-\n=cmd|' /C calc'!A0\n=HYPERLINK(\"http://x\",\"click\")\nExports fell -5 percent to USD 3 billion, while @imports rose 2 percent. date2025-04-02\n";
    write(dir.path(), "x.txt", text);
    let excel = run(dir.path(), &["extract", "x.txt", "--excel", "--releases", "r.csv"]);
    assert_eq!(excel.code, 0, "{}", excel.stderr);
    let plain = run(dir.path(), &["extract", "x.txt"]);
    let releases = fs::read_to_string(dir.path().join("r.csv")).unwrap();
    for table in [rows(&excel.stdout), rows(&releases)] {
        for cell in table.iter().flatten() {
            let risky =
                cell.starts_with(['=', '+', '@', '\t', '\r']) || cell.starts_with('-') && cell.parse::<f64>().is_err();
            assert!(!risky, "{cell:?}");
        }
    }
    let e = rows(&excel.stdout);
    let p = rows(&plain.stdout);
    assert_eq!(e.len(), p.len());
    for (e, p) in e.iter().zip(&p) {
        for (a, b) in e.iter().zip(p) {
            assert!(a == b || *a == format!("'{b}"), "{a:?} {b:?}");
        }
    }
    // A negative value stays a number; the plain table keeps the text as read.
    assert!(e.iter().any(|r| r[6] == "-5" && r[15] == "'-5 percent"));
    assert!(
        p.iter()
            .any(|r| r[3] == "=HYPERLINK(\"http://x\",\"click\")" && r[15] == "-5 percent")
    );
}

// --- 7. Bounded memory ----------------------------------------------------------------

#[test]
fn warnings_past_ten_of_a_kind_are_counted() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", "-\nT\n".repeat(30_000));
    let o = run(dir.path(), &["extract", "empty.txt"]);
    assert_eq!(o.code, 1);
    assert!(
        o.stderr
            .contains("... and 29,990 more like this: release has a category line but no title line"),
        "{}",
        o.stderr
    );
    assert!(o.stderr.lines().count() < 20, "{}", o.stderr);
    assert!(o.stderr.contains("30000 skipped"), "{}", o.stderr);
}

#[test]
fn an_overlong_release_is_read_up_to_its_limit_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let line = "Lamp sales were flat in the quarter, and nothing else was said of them here. ";
    let body = format!("{}\n", line.repeat(20)).repeat(5 * 1024 * 1024 / (20 * line.len()));
    write(
        dir.path(),
        "long.txt",
        release("Trade", "Lamp Sales", &format!("Exports rose 4 percent. {body}")),
    );
    let o = run_for(dir.path(), &["extract", "long.txt"], Duration::from_secs(120));
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr.contains("release body of 5 MB: only its first 4 MB are read"),
        "{}",
        o.stderr
    );
    assert_eq!(rows(&o.stdout).len(), 1, "the figure before the limit is read");
}

/// Runs the binary in `dir` and its resident peak (VmHWM, read every few milliseconds
/// while it runs: a high-water mark, so the last reading is the peak unless that came in
/// the last moments).
#[cfg(target_os = "linux")]
fn run_measured(dir: &Path, args: &[&str]) -> (Ran, u64) {
    let mut child = command(dir, args).stdout(Stdio::null()).spawn().unwrap();
    let status = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0;
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() && start.elapsed() < Duration::from_secs(300) {
        let kb = fs::read_to_string(&status).ok().and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?.to_string();
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        });
        peak_kb = peak_kb.max(kb.unwrap_or(0));
        std::thread::sleep(Duration::from_millis(5));
    }
    (finish(child, Duration::from_secs(1), &args.join(" ")), peak_kb)
}

#[cfg(target_os = "linux")]
#[test]
fn a_million_empty_releases_run_in_little_memory() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "empty.txt", "-\nT\n".repeat(1_000_000));
    // The lines were held all at once, and a message per release: 230 MB.
    let (o, peak_kb) = run_measured(dir.path(), &["extract", "empty.txt", "-o", "out.csv", "--jobs", "2"]);
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(o.stderr.contains("... and 999,990 more like this"), "{}", o.stderr);
    assert!(peak_kb > 0 && peak_kb < 60_000, "{peak_kb} KB");
}

#[cfg(target_os = "linux")]
#[test]
fn releases_of_thousands_of_dates_without_a_full_stop_peak_low_at_any_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let months = ["January", "March", "May", "July", "October", "December"];
    let dates: Vec<String> = (0..30_000)
        .map(|n| format!("{} {} {}", n % 28 + 1, months[n % 6], 2000 + n % 30))
        .collect();
    let body = format!("{} date 2025-01-01", dates.join(", "));
    let text: String = (0..8).map(|n| release("Trade", &format!("Table {n}"), &body)).collect();
    write(dir.path(), "tables.txt", text);
    // Each release's 30,000 rows (11 MB, a 400-byte window of its one "sentence" each) and
    // its windows were held until its turn to be written, at most 16 releases at once
    // with --jobs 4: 281 MB (release build). Now a release holds its windows a thousand
    // at a time, and rows past 4 MB go to a file: 139 MB. JSON rows were made from facts,
    // all of a release's at once (310-320 MB); now they are rendered as CSV's are.
    for (format, out) in [("csv", "out.csv"), ("jsonl", "out.jsonl"), ("json", "out.json")] {
        let args = ["extract", "tables.txt", "--format", format, "-o", out, "--jobs", "4"];
        let (o, peak_kb) = run_measured(dir.path(), &args);
        assert_eq!(o.code, 0, "{}", o.stderr);
        let table = fs::read_to_string(dir.path().join(out)).unwrap();
        let rows = match format {
            "csv" => table.lines().count() - 1,
            _ => table.matches("{\"release_id\":").count(),
        };
        assert_eq!(rows, 8 * 30_000 + 8, "every date, and each release date ({format})");
        assert!(peak_kb > 20_000 && peak_kb < 200_000, "{format}: {peak_kb} KB");
    }
}

/// A table beside the facts that cannot be written (a full disk) is named in the error,
/// and no facts file appears: the tables are written as the releases come and committed
/// together.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_under_the_releases_or_checks_table_names_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "in.txt", release("Trade", "Kettles", BODY).repeat(50));
    for (option, what) in [
        ("--releases", "cannot write the releases table"),
        ("--checks", "cannot write the checks"),
    ] {
        for out in ["out.csv", "out.xlsx"] {
            let o = run(dir.path(), &["extract", "in.txt", option, "/dev/full", "-o", out]);
            assert_eq!(o.code, 2, "{}", o.stderr);
            let said = format!("/dev/full: error: {what}: ");
            assert!(o.stderr.contains(&said), "{option} {out}: {}", o.stderr);
            assert!(!dir.path().join(out).exists(), "{option} {out}");
        }
    }
}

/// `extract ARGS` in `dir` with `TMPDIR` naming a directory that does not exist, and
/// `stdin` piped in.
#[cfg(unix)]
fn run_without_tmpdir(dir: &Path, args: &[&str], stdin: &[u8]) -> Ran {
    use std::io::Write;
    let mut child = command(dir, args)
        .env("TMPDIR", dir.join("no such directory"))
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.to_vec();
    // A run that stops early closes its input: a failed write is not this test's concern.
    let writer = std::thread::spawn(move || input.write_all(&stdin));
    let o = finish(child, Duration::from_secs(60), &args.join(" "));
    let _ = writer.join();
    o
}

/// Rows too many to hold, standard input and a workbook's table go to temporary files:
/// where none can be made, the message says which and where.
#[cfg(unix)]
#[test]
fn where_no_temporary_file_can_be_made_the_message_says_which_and_where() {
    let dir = tempfile::tempdir().unwrap();
    let dates: Vec<String> = (0..15_000)
        .map(|n| format!("{} May {}", n % 28 + 1, 2000 + n % 30))
        .collect();
    let table = release("Trade", "Table", &dates.join(", "));
    write(dir.path(), "table.txt", &table);
    // The run stops, and leaves no output behind.
    let o = run_without_tmpdir(dir.path(), &["extract", "table.txt", "-o", "out.csv"], b"");
    assert_eq!(o.code, 2, "{}", o.stderr);
    let said = "error: cannot make a temporary file for the rows of a long release in";
    assert!(
        o.stderr.contains(said) && o.stderr.contains("no such directory (TMPDIR)"),
        "{}",
        o.stderr
    );
    assert!(!dir.path().join("out.csv").exists());
    // Standard input of more than a megabyte is copied to one: that input is skipped.
    let releases = release("Trade", "Kettles", BODY).repeat(2 * 1024 * 1024 / BODY.len());
    let o = run_without_tmpdir(dir.path(), &["extract", "-"], releases.as_bytes());
    assert_eq!(o.code, 1, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("-: error: cannot read: cannot make a temporary file for a copy of standard input in"),
        "{}",
        o.stderr
    );
    let o = run_without_tmpdir(dir.path(), &["extract", "table.txt", "-o", "out.xlsx"], b"");
    assert_eq!(o.code, 2, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("a temporary file for the table, before it goes into the workbook in"),
        "{}",
        o.stderr
    );
    // With a temporary directory, the same run writes every row.
    let o = run(dir.path(), &["extract", "table.txt", "-o", "out.csv"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    let rows = fs::read_to_string(dir.path().join("out.csv")).unwrap().lines().count();
    assert_eq!(rows, 1 + 15_000, "a row for every date");
}

#[cfg(target_os = "linux")]
#[test]
fn a_100_mb_release_peaks_under_500_mb() {
    let dir = tempfile::tempdir().unwrap();
    let line = format!(
        "{}\n",
        "Lamp exports rose 5.5 percent to USD 3 billion in March. ".repeat(16)
    );
    let body = line.repeat(100 * 1024 * 1024 / line.len() + 1);
    write(dir.path(), "huge.txt", release("Trade", "One Huge Release", &body));
    // The whole release took 38 bytes per byte of text; now about 310 MB (debug build).
    let (o, peak_kb) = run_measured(dir.path(), &["extract", "huge.txt", "-o", "out.csv", "--jobs", "2"]);
    assert_eq!(o.code, 0, "{}", o.stderr);
    assert!(
        o.stderr
            .contains("release body of 100 MB: only its first 4 MB are read"),
        "{}",
        o.stderr
    );
    assert!(peak_kb > 100_000 && peak_kb < 500_000, "{peak_kb} KB");
}
