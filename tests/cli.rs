//! End to end: the real `bulletin-facts` binary on temporary folders.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_bulletin-facts");

/// Runs the binary in `dir` with `args`.
fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("the binary runs")
}

/// Runs the binary in `dir` with `args`, `input` on its standard input.
fn run_piped(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// An invented release: its title names it, its body has a money, a percent and a date.
fn release(title: &str, n: u32) -> String {
    format!(
        "-\nTrade\n{title}\nShipments of lamps rose {n}.5 percent to USD {n} billion in March. date2025-04-0{}\n",
        n % 9 + 1
    )
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

/// A folder of `n` bulletins, some in subfolders, two releases each.
fn corpus(n: u32) -> TempDir {
    let dir = TempDir::new().unwrap();
    for k in 0..n {
        let name = if k % 3 == 0 {
            format!("in/sub/b{k:02}.txt")
        } else {
            format!("in/b{k:02}.txt")
        };
        let text = release(&format!("Lamp Report {k}"), k) + &release(&format!("Kettle Report {k}"), k + 1);
        write(dir.path(), &name, &text);
    }
    dir
}

fn csv_rows(text: &str) -> Vec<Vec<String>> {
    csv::Reader::from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn a_folder_is_read_recursively_in_sorted_order() {
    let dir = corpus(4);
    write(dir.path(), "in/notes.md", &release("Markdown Notes", 7));
    let o = run(dir.path(), &["extract", "in"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let sources: Vec<String> = csv_rows(&stdout(&o)).into_iter().map(|r| r[17].clone()).collect();
    let mut order = sources.clone();
    order.dedup();
    assert_eq!(order, ["in/b01.txt", "in/b02.txt", "in/sub/b00.txt", "in/sub/b03.txt"]);

    let o = run(dir.path(), &["extract", "in", "--glob", "*.md"]);
    assert_eq!(code(&o), 0);
    let titles: Vec<String> = csv_rows(&stdout(&o)).into_iter().map(|r| r[3].clone()).collect();
    assert!(
        !titles.is_empty() && titles.iter().all(|t| t == "Markdown Notes"),
        "{titles:?}"
    );

    // A pattern with a `/` matches the path below the folder given.
    let o = run(dir.path(), &["extract", "in", "--glob", "sub/*.txt"]);
    let mut sources: Vec<String> = csv_rows(&stdout(&o)).into_iter().map(|r| r[17].clone()).collect();
    sources.dedup();
    assert_eq!(sources, ["in/sub/b00.txt", "in/sub/b03.txt"]);
}

#[test]
fn one_and_two_threads_write_the_same_bytes() {
    let dir = corpus(30);
    let one = run(dir.path(), &["extract", "in", "--jobs", "1", "--releases", "r1.csv"]);
    let two = run(dir.path(), &["extract", "in", "--jobs", "2", "--releases", "r2.csv"]);
    assert_eq!(code(&one), 0);
    assert_eq!(code(&two), 0);
    assert!(csv_rows(&stdout(&one)).len() >= 30 * 2 * 3);
    assert_eq!(stdout(&one), stdout(&two));
    let r1 = std::fs::read(dir.path().join("r1.csv")).unwrap();
    assert_eq!(r1, std::fs::read(dir.path().join("r2.csv")).unwrap());
}

#[test]
fn a_release_in_two_bulletins_is_written_once_unless_asked() {
    let dir = TempDir::new().unwrap();
    let shared = release("Port Volumes Climb", 4);
    write(dir.path(), "a.txt", &(release("Only In A", 2) + &shared));
    write(dir.path(), "b.txt", &(shared.clone() + &release("Only In B", 3)));
    let o = run(dir.path(), &["extract", "a.txt", "b.txt", "--releases", "rel.csv"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let rows = csv_rows(&stdout(&o));
    let port: Vec<&Vec<String>> = rows.iter().filter(|r| r[3] == "Port Volumes Climb").collect();
    assert!(!port.is_empty() && port.iter().all(|r| r[17] == "a.txt"), "{port:?}");
    assert!(stderr(&o).contains("1 duplicate release dropped"), "{}", stderr(&o));
    // The releases table has a row for the dropped copy too, marked with the id of the
    // release it copies, and no facts written.
    let releases = csv_rows(&std::fs::read_to_string(dir.path().join("rel.csv")).unwrap());
    assert_eq!(releases.len(), 4);
    let copies: Vec<&Vec<String>> = releases.iter().filter(|r| !r[10].is_empty()).collect();
    assert_eq!(copies.len(), 1, "{releases:?}");
    let (copy, first) = (
        copies[0],
        releases.iter().find(|r| r[3] == "Port Volumes Climb").unwrap(),
    );
    assert_eq!(
        (copy[3].as_str(), copy[6].as_str(), copy[8].as_str()),
        ("Port Volumes Climb", "b.txt", "0")
    );
    assert_eq!((first[6].as_str(), first[10].as_str()), ("a.txt", ""));
    assert_eq!(copy[10], first[0]);
    assert_ne!(first[8], "0");

    let o = run(
        dir.path(),
        &[
            "extract",
            "a.txt",
            "b.txt",
            "--keep-duplicates",
            "--releases",
            "kept.csv",
        ],
    );
    // Kept, the copy is still marked, with its facts counted.
    let kept = csv_rows(&std::fs::read_to_string(dir.path().join("kept.csv")).unwrap());
    let copy = kept.iter().find(|r| !r[10].is_empty()).unwrap();
    assert_eq!((copy[6].as_str(), copy[8].as_str()), ("b.txt", first[8].as_str()));
    let rows = csv_rows(&stdout(&o));
    let sources: Vec<&str> = rows
        .iter()
        .filter(|r| r[3] == "Port Volumes Climb")
        .map(|r| r[17].as_str())
        .collect();
    assert!(sources.contains(&"a.txt") && sources.contains(&"b.txt"));
    assert!(stderr(&o).contains("0 duplicate releases dropped"));
}

#[test]
fn an_unreadable_file_among_good_ones_is_skipped_and_said() {
    let dir = corpus(3);
    // A dangling link and a file that is not UTF-8, between the good ones.
    #[cfg(unix)]
    std::os::unix::fs::symlink("nowhere.txt", dir.path().join("in/b015.txt")).unwrap();
    std::fs::write(
        dir.path().join("in/b016.txt"),
        b"-\nTrade\nBad \xff Bytes\nbody date2025-01-01\n",
    )
    .unwrap();
    let o = run(dir.path(), &["extract", "in", "-o", "out.csv"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("in/b016.txt:3: error: not valid UTF-8"), "{err}");
    // A link inside a folder is not followed (as in ripgrep), and said.
    #[cfg(unix)]
    assert!(
        err.contains("in/b015.txt: warning: a symbolic link, not followed"),
        "{err}"
    );
    assert!(err.contains("skipped: "), "{err}");
    let table = std::fs::read_to_string(dir.path().join("out.csv")).unwrap();
    let sources: std::collections::BTreeSet<String> = csv_rows(&table).into_iter().map(|r| r[17].clone()).collect();
    assert_eq!(sources.len(), 3, "{sources:?}");
}

#[cfg(unix)]
#[test]
fn an_output_file_gets_the_permissions_of_any_new_file() {
    use std::os::unix::fs::PermissionsExt;
    let dir = corpus(1);
    assert_eq!(code(&run(dir.path(), &["extract", "in", "-o", "out.csv", "-q"])), 0);
    std::fs::File::create(dir.path().join("plain")).unwrap();
    let mode = |name: &str| std::fs::metadata(dir.path().join(name)).unwrap().permissions().mode();
    assert_eq!(mode("out.csv"), mode("plain"));
}

#[test]
fn an_output_in_a_missing_folder_fails_and_leaves_no_file() {
    let dir = corpus(1);
    let o = run(dir.path(), &["extract", "in", "-o", "missing/out.csv"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("missing/out.csv: error: cannot create the output file"));
    assert!(!dir.path().join("missing").exists());
    let o = run(
        dir.path(),
        &["extract", "in", "-o", "out.csv", "--releases", "missing/r.csv"],
    );
    assert_eq!(code(&o), 2);
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left, ["in"], "only the inputs are left");
}

#[test]
fn jsonl_and_json_hold_the_csv_rows() {
    let dir = corpus(2);
    let csv = csv_rows(&stdout(&run(dir.path(), &["extract", "in"])));
    let jsonl = stdout(&run(dir.path(), &["extract", "in", "--format", "jsonl"]));
    let lines: Vec<serde_json::Value> = jsonl.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), csv.len());
    for (row, obj) in csv.iter().zip(&lines) {
        assert_eq!(obj["kind"], row[5].as_str());
        assert_eq!(obj["value"], row[6].as_str());
        assert_eq!(obj["offset"].to_string(), row[18]);
    }
    let json = stdout(&run(dir.path(), &["extract", "in", "--format", "json"]));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&json).unwrap(),
        serde_json::Value::Array(lines)
    );
}

#[test]
fn excel_csv_has_a_bom_and_crlf_and_is_csv_only() {
    let dir = corpus(1);
    let plain = run(dir.path(), &["extract", "in"]);
    let excel = run(dir.path(), &["extract", "in", "--excel"]);
    assert!(excel.stdout.starts_with("\u{feff}".as_bytes()));
    assert!(stdout(&excel).contains("\r\n"));
    assert_eq!(
        stdout(&excel).trim_start_matches('\u{feff}').replace("\r\n", "\n"),
        stdout(&plain)
    );
    let o = run(dir.path(), &["extract", "in", "--excel", "--format", "json"]);
    assert_eq!(code(&o), 2);
}

#[test]
fn the_releases_file_takes_its_format_from_its_extension() {
    let dir = corpus(1);
    let o = run(dir.path(), &["extract", "in", "-o", "f.xlsx", "--releases", "r.jsonl"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let jsonl = std::fs::read_to_string(dir.path().join("r.jsonl")).unwrap();
    assert!(!jsonl.is_empty());
    for line in jsonl.lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(row["release_id"].is_string() && row["copy_of"] == "", "{line}");
    }
    let o = run(
        dir.path(),
        &["extract", "in", "--format", "jsonl", "--releases", "r.csv"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let csv = std::fs::read_to_string(dir.path().join("r.csv")).unwrap();
    assert!(csv.starts_with("release_id,release_date,"), "{csv}");
    assert!(stdout(&o).starts_with('{'));
    // No extension: the table's format.
    let o = run(dir.path(), &["extract", "in", "--format", "json", "--releases", "r"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("r")).unwrap()).unwrap();
    assert!(json.as_array().is_some_and(|a| !a.is_empty()));
    let o = run(dir.path(), &["extract", "in", "--releases", "r.xlsx"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("the releases are a sheet"), "{}", stderr(&o));
}

#[test]
fn kinds_limit_the_rows_and_the_releases_table_counts_them() {
    let dir = corpus(2);
    let o = run(
        dir.path(),
        &["extract", "in", "--kinds", "money,percent", "--releases", "rel.csv"],
    );
    assert_eq!(code(&o), 0);
    let rows = csv_rows(&stdout(&o));
    assert!(rows.iter().all(|r| r[5] == "money" || r[5] == "percent"));
    assert_eq!(rows.len(), 2 * 2 * 2);
    let rel = std::fs::read_to_string(dir.path().join("rel.csv")).unwrap();
    assert!(rel.starts_with(
        "release_id,release_date,category,title,period,period_end,source,offset,facts,warnings,copy_of\n"
    ));
    let rel = csv_rows(&rel);
    assert_eq!(rel.len(), 4);
    assert!(rel.iter().all(|r| r[8] == "2" && r[9] == "0"), "{rel:?}");
    let o = run(dir.path(), &["extract", "in", "--kinds", "money,weight"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("`weight` is not a kind"));
}

/// The releases table counts each release's rows whether its facts are made (for the checks)
/// or its rows rendered without them.
#[test]
fn the_releases_table_counts_the_same_rows_with_or_without_checks() {
    let dir = TempDir::new().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let fixtures = fixtures.to_str().unwrap();
    let extract = |more: &[&str]| run(dir.path(), &[&["extract", fixtures, fixtures, "-q"], more].concat());
    let plain = extract(&["--releases", "a.csv"]);
    let checked = extract(&["--releases", "b.csv", "--checks", "c.csv"]);
    assert_eq!(stdout(&plain), stdout(&checked));
    let a = std::fs::read_to_string(dir.path().join("a.csv")).unwrap();
    assert_eq!(a, std::fs::read_to_string(dir.path().join("b.csv")).unwrap());
    // Each written release's count is its rows; a dropped copy counts none.
    let facts = csv_rows(&stdout(&plain));
    let releases = csv_rows(&a);
    for r in &releases {
        let rows = facts.iter().filter(|f| f[0] == r[0]).count();
        let want = if r[10].is_empty() { rows } else { 0 };
        assert_eq!(r[8], want.to_string(), "{r:?}");
    }
    assert!(releases.iter().any(|r| r[8] != "0") && releases.iter().any(|r| !r[10].is_empty()));
}

/// A check's mismatch is shown after its input's problems, even a problem of a release
/// after it, and before the next input's: the releases reach the checks as they are read,
/// the messages wait for their input's end.
#[test]
fn mismatches_follow_their_inputs_problems() {
    let dir = TempDir::new().unwrap();
    for n in ["a", "b"] {
        let text = format!(
            "-\nTrade\nRelease {n}\nExports rose on Tuesday, June 2, 2025, by 3 percent. date2025-06-03\n\
             -\nTrade\nBad {n}\nBody. date2025-02-30\n"
        );
        write(dir.path(), &format!("{n}.txt"), &text);
    }
    let o = run(dir.path(), &["extract", "a.txt", "b.txt", "-q", "--checks", "c.csv"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let said = stderr(&o);
    let lines: Vec<&str> = said.lines().collect();
    let shape: Vec<String> = lines
        .iter()
        .map(|l| {
            let file = l.split(':').next().unwrap_or_default();
            let what = if l.contains("mismatch:") { "mismatch" } else { "problem" };
            format!("{file} {what}")
        })
        .collect();
    assert_eq!(
        shape[..4],
        ["a.txt problem", "a.txt mismatch", "b.txt problem", "b.txt mismatch"],
        "{lines:?}"
    );
}

#[test]
fn a_bare_dollar_is_the_currency_the_run_names() {
    let dir = TempDir::new().unwrap();
    let text = "-\nTrade\nHarbour Trade Report\nRe-exports rose to $41.2 billion, and US$3 billion came from \
                abroad. date2025-05-02\n";
    write(dir.path(), "hk.txt", text);
    let units = |args: &[&str]| -> Vec<String> {
        let o = run(dir.path(), args);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        csv_rows(&stdout(&o))
            .into_iter()
            .filter(|r| r[5] == "money")
            .map(|r| r[8].clone())
            .collect()
    };
    assert_eq!(units(&["extract", "hk.txt"]), ["USD", "USD"]);
    assert_eq!(units(&["extract", "hk.txt", "--dollar", "HKD"]), ["HKD", "USD"]);
    assert_eq!(units(&["extract", "hk.txt", "--dollar", "cad"]), ["CAD", "USD"]);
    let o = run(dir.path(), &["extract", "hk.txt", "--dollar", "HK$"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("not a currency code"), "{}", stderr(&o));
}

#[test]
fn the_summary_is_on_standard_error_unless_quiet() {
    let dir = corpus(2);
    let o = run(dir.path(), &["extract", "in"]);
    let err = stderr(&o);
    assert!(
        err.starts_with("Read 2 of 2 inputs: 4 releases, 12 facts (money 4, percent 4, date 4)"),
        "{err}"
    );
    assert!(
        err.contains("0 duplicate releases dropped; 0 warnings; nothing skipped."),
        "{err}"
    );
    let o = run(dir.path(), &["extract", "in", "--quiet"]);
    assert_eq!(stderr(&o), "");
    assert!(!o.stdout.is_empty());
}

#[test]
fn diff_reports_by_release_and_exits_by_result() {
    let dir = corpus(2);
    assert_eq!(code(&run(dir.path(), &["extract", "in", "-o", "old.csv"])), 0);
    let equal = run(dir.path(), &["diff", "old.csv", "old.csv"]);
    assert_eq!(code(&equal), 0);
    assert!(stdout(&equal).starts_with("No differences"));

    // A release's text changes: its percent figure changes, a count appears.
    let path = dir.path().join("in/b01.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    let text = text.replacen("rose 1.5 percent", "rose 1.7 percent, with 40 new stores,", 1);
    std::fs::write(&path, text).unwrap();
    assert_eq!(code(&run(dir.path(), &["extract", "in", "-o", "new.csv"])), 0);
    let d = run(dir.path(), &["diff", "old.csv", "new.csv"]);
    assert_eq!(code(&d), 1);
    let report = stdout(&d);
    assert!(report.contains("Lamp Report 1\n"), "{report}");
    // The percent was edited in place, but the count added beside it changed the sentence
    // elsewhere too: a removal and an addition.
    assert!(
        report.contains("  - percent  \"1.5 percent\" (body) = 1.5 %"),
        "{report}"
    );
    assert!(
        report.contains("  + percent  \"1.7 percent\" (body) = 1.7 %"),
        "{report}"
    );
    assert!(
        !report.contains("sentence:"),
        "sentences are not compared by default: {report}"
    );
    assert!(
        !report.contains("offset:"),
        "offsets are not compared by default: {report}"
    );
    assert!(report.lines().last().unwrap().contains("percent +1 -1 ~0"), "{report}");
    let strict = stdout(&run(dir.path(), &["diff", "old.csv", "new.csv", "--strict"]));
    assert!(strict.contains("offset: "), "{strict}");

    let typo = run(dir.path(), &["diff", "old.csv", "new.csv", "--ignore", "offsett"]);
    assert_eq!(code(&typo), 2);
    assert!(stderr(&typo).contains("`offsett` is not a column of the facts table; the columns are"));
    assert!(
        !report.contains("Kettle Report 1"),
        "other releases are unchanged: {report}"
    );

    let t = run(dir.path(), &["diff", "old.csv", "new.csv", "--format", "csv"]);
    assert_eq!(code(&t), 1);
    let table = stdout(&t);
    assert!(table.starts_with("change,release_id,title,section,kind,text,occurrence,column,old,new\n"));
    assert!(
        table.contains(",Lamp Report 1,body,percent,1.5 percent,0,,1.5,\n"),
        "{table}"
    );

    let missing = run(dir.path(), &["diff", "old.csv", "nope.csv"]);
    assert_eq!(code(&missing), 2);
    assert!(stderr(&missing).contains("nope.csv: cannot read"));
}

/// A table that cannot be read twice (a pipe: `diff <(...) new.csv`, or `-`) compares as
/// its file does.
#[test]
fn diff_reads_a_table_from_a_pipe() {
    let dir = corpus(2);
    assert_eq!(code(&run(dir.path(), &["extract", "in", "-o", "old.csv"])), 0);
    let path = dir.path().join("in/b01.txt");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replacen("rose 1.5 percent", "rose 1.7 percent", 1);
    std::fs::write(&path, text).unwrap();
    assert_eq!(code(&run(dir.path(), &["extract", "in", "-o", "new.csv"])), 0);
    let files = run(dir.path(), &["diff", "old.csv", "new.csv"]);
    assert_eq!(code(&files), 1);
    assert!(stdout(&files).contains("1.5 % -> 1.7 %"), "{}", stdout(&files));
    let old = std::fs::read(dir.path().join("old.csv")).unwrap();
    for stdin in ["/dev/stdin", "-"] {
        let piped = run_piped(dir.path(), &["diff", stdin, "new.csv"], &old);
        assert_eq!(stderr(&piped), "", "{stdin}");
        assert_eq!(code(&piped), 1);
        assert_eq!(stdout(&piped), stdout(&files), "{stdin}");
    }
    let both = run(dir.path(), &["diff", "-", "-"]);
    assert_eq!(code(&both), 2);
    assert!(
        stderr(&both).contains("only one of the two tables can be `-`"),
        "{}",
        stderr(&both)
    );
}

/// Files the command writes may not grow past 4 KB: a write past it fails (EFBIG, the
/// signal ignored), as on a full disk. Pipes (its standard streams) are not limited.
fn with_files_of_at_most_4_kb(command: &mut Command) -> &mut Command {
    use std::os::unix::process::CommandExt;
    // SAFETY: setrlimit and signal are async-signal-safe, as `pre_exec` requires.
    unsafe {
        command.pre_exec(|| {
            let limit = libc::rlimit {
                rlim_cur: 4096,
                rlim_max: 4096,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            Ok(())
        })
    }
}

/// A temporary directory that fills while `check` writes its extraction, or while `diff`
/// copies a table from standard input, is named in the error: it is not the output
/// (standard output) that could not be written, nor the input that could not be read.
#[test]
fn a_full_temporary_directory_is_named() {
    use std::io::Write;
    let dir = corpus(40);
    write(dir.path(), "expected.csv", "release_id,section,kind,text\n");
    let o = with_files_of_at_most_4_kb(
        Command::new(BIN)
            .args(["check", "--expected", "expected.csv", "in", "--quiet"])
            .current_dir(dir.path())
            .env("TMPDIR", dir.path())
            .stdin(Stdio::null()),
    )
    .output()
    .expect("the binary runs");
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains(" (TMPDIR): error: cannot write the extraction to compare: "),
        "{}",
        stderr(&o)
    );

    assert_eq!(code(&run(dir.path(), &["extract", "in", "-o", "old.csv"])), 0);
    let old = std::fs::read(dir.path().join("old.csv")).unwrap();
    assert!(old.len() > 4096);
    let mut child = with_files_of_at_most_4_kb(
        Command::new(BIN)
            .args(["diff", "-", "old.csv"])
            .current_dir(dir.path())
            .env("TMPDIR", dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped()),
    )
    .spawn()
    .expect("the binary runs");
    // The command may stop reading once the copy fails: a broken pipe here is fine.
    let _ = child.stdin.take().unwrap().write_all(&old);
    let o = child.wait_with_output().unwrap();
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("-: cannot copy it to a temporary file in ") && stderr(&o).contains(" (TMPDIR): "),
        "{}",
        stderr(&o)
    );
}

#[test]
fn check_compares_with_the_expected_table_and_updates_it() {
    let dir = corpus(2);
    let o = run(dir.path(), &["check", "--expected", "expected.csv", "in"]);
    assert_eq!(code(&o), 2, "a missing expected table is an error without --update");
    assert!(
        stderr(&o).contains("run the same command once with --update"),
        "{}",
        stderr(&o)
    );
    let o = run(dir.path(), &["check", "--expected", "expected.csv", "--update", "in"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let extracted = stdout(&run(dir.path(), &["extract", "in"]));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("expected.csv")).unwrap(),
        extracted
    );
    let o = run(dir.path(), &["check", "--expected", "expected.csv", "in"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));

    write(dir.path(), "in/b99.txt", &release("Kiln Report", 5));
    let o = run(dir.path(), &["check", "--expected", "expected.csv", "in", "-q"]);
    assert_eq!(code(&o), 1);
    assert!(stdout(&o).contains("Kiln Report"));
    assert!(stdout(&o).contains("3 added, 0 removed, 0 changed"), "{}", stdout(&o));
    let o = run(
        dir.path(),
        &["check", "--expected", "expected.csv", "in", "-q", "--update"],
    );
    assert_eq!(code(&o), 0);
    assert_eq!(
        code(&run(dir.path(), &["check", "--expected", "expected.csv", "in", "-q"])),
        0
    );
}

#[test]
fn explain_marks_each_figure_in_its_sentence() {
    let dir = TempDir::new().unwrap();
    let o = run(
        dir.path(),
        &[
            "explain",
            "The fund will lend KRW 1.2 trillion to small exporters from March 3.",
            "--anchor-date",
            "2025-11-19",
        ],
    );
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    assert!(out.contains(" 1. money    1200000000000 KRW\n"), "{out}");
    assert!(
        out.contains("The fund will lend [KRW 1.2 trillion] to small exporters"),
        "{out}"
    );
    assert!(out.contains("qualifier: -  direction: -  subject: -"), "{out}");
    assert!(
        out.contains("date     2026-03-03 day"),
        "the anchor date places the year: {out}"
    );
}

#[test]
fn explain_reads_a_snippet_piped_in_utf8_or_marked_utf16() {
    let dir = TempDir::new().unwrap();
    let snippet = "Machinery exports rose 8.4 percent to USD 5.6 billion.";
    let utf16: Vec<u8> = [0xff, 0xfe]
        .into_iter()
        .chain(snippet.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let mut outputs = Vec::new();
    for input in [snippet.as_bytes().to_vec(), utf16] {
        let o = run_piped(dir.path(), &["explain", "-"], &input);
        assert_eq!(code(&o), 0, "{}", stderr(&o));
        outputs.push(stdout(&o));
    }
    assert!(outputs[0].contains("[8.4 percent]"), "{}", outputs[0]);
    assert_eq!(outputs[0], outputs[1]);
}

#[test]
fn every_command_explains_its_options_with_examples() {
    let dir = TempDir::new().unwrap();
    for (command, options) in [
        (
            "extract",
            &[
                "--glob",
                "--jobs",
                "--format",
                "--releases",
                "--kinds",
                "--excel",
                "--keep-duplicates",
                "--quiet",
                "--output",
                "--anchor-date",
                "--dollar",
            ][..],
        ),
        ("diff", &["--format", "--ignore"][..]),
        ("check", &["--expected", "--update", "--ignore", "--jobs"][..]),
        ("explain", &["--anchor-date"][..]),
    ] {
        let o = run(dir.path(), &[command, "--help"]);
        assert_eq!(code(&o), 0);
        let help = stdout(&o);
        for option in options {
            assert!(help.contains(option), "{command} --help lacks {option}");
        }
        assert!(help.matches("Example").count() >= options.len(), "{command}: {help}");
    }
}

#[test]
fn diff_shows_a_value_edit_as_one_change_and_pairs_a_retitled_release() {
    let dir = corpus(2);
    assert_eq!(code(&run(dir.path(), &["extract", "in", "-o", "old.csv"])), 0);
    let path = dir.path().join("in/b01.txt");
    let text = std::fs::read_to_string(&path).unwrap();
    // An edit above the figures moves every offset after it; a value edit in place; a new
    // title for the other release of the file.
    let text = text
        .replacen(
            "Shipments of lamps rose 1.5 percent",
            "Shipments of lamps rose 1.9 percent",
            1,
        )
        .replacen("Kettle Report 1", "Kettle Report One, Revised", 1);
    let text = format!("\n\n{text}");
    std::fs::write(&path, text).unwrap();
    assert_eq!(code(&run(dir.path(), &["extract", "in", "-o", "new.csv"])), 0);
    let d = run(dir.path(), &["diff", "old.csv", "new.csv"]);
    assert_eq!(code(&d), 1);
    let report = stdout(&d);
    assert!(
        report.contains("  ~ percent  1.5 % -> 1.9 %  \"1.9 percent\" (body) in \"Shipments of lamps rose 1.9 percent"),
        "{report}"
    );
    assert!(
        report.contains("retitled: \"Kettle Report 1\" -> \"Kettle Report One, Revised\""),
        "{report}"
    );
    assert!(!report.contains("  + "), "nothing reads as added: {report}");
    assert!(
        report
            .lines()
            .last()
            .unwrap()
            .starts_with("0 added, 0 removed, 1 changed"),
        "{report}"
    );
}

#[test]
fn encoding_decodes_a_legacy_file_with_offsets_in_its_own_bytes() {
    let dir = TempDir::new().unwrap();
    // Windows-1252: the euro is the single byte 0x80, curly quotes 0x93/0x94.
    let bytes = b"-\nTrade\nAid \x93Plan\x94 Approved\nThe fund will give \x80 3 billion to ports. date2025-03-04\n";
    std::fs::write(dir.path().join("cp.txt"), bytes).unwrap();
    let plain = run(dir.path(), &["extract", "cp.txt"]);
    assert_eq!(code(&plain), 1, "not UTF-8: skipped");
    assert!(stderr(&plain).contains("--encoding windows-1252"), "{}", stderr(&plain));
    let o = run(dir.path(), &["extract", "cp.txt", "--encoding", "windows-1252"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let table = stdout(&o);
    assert!(table.contains(",Aid “Plan” Approved,"), "{table}");
    let row = table
        .lines()
        .find(|l| l.contains(",money,"))
        .expect("the euro amount is read");
    assert!(row.contains(",money,3000000000,,EUR,"), "{row}");
    assert!(row.ends_with(",cp.txt,47"), "the offset counts the file's bytes: {row}");
    assert_eq!(bytes[47], 0x80);
    let bad = run(dir.path(), &["extract", "cp.txt", "--encoding", "klingon"]);
    assert_eq!(code(&bad), 2);
    assert!(stderr(&bad).contains("not an encoding label"));
}

#[test]
fn a_folder_where_nothing_matches_is_an_error_that_says_what_was_passed_over() {
    let dir = TempDir::new().unwrap();
    write(dir.path(), "in/a.md", "-\nTrade\nT\nUp 5 percent. date2025-01-02\n");
    write(dir.path(), "in/b.md", "x");
    let o = run(dir.path(), &["extract", "in"]);
    assert_eq!(code(&o), 1, "nothing read is not a success");
    let err = stderr(&o);
    assert!(
        err.contains(
            "no file matches --glob '*.txt': 2 other file(s) passed over (a.md, b.md); --glob '*.md' reads them"
        ),
        "{err}"
    );
    let empty = TempDir::new().unwrap();
    let o = run(empty.path(), &["extract", "."]);
    assert_eq!(code(&o), 1);
    assert!(stderr(&o).contains("no file in this folder"), "{}", stderr(&o));
    let o = run(dir.path(), &["extract", "in", "--glob", "*.md"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn reading_a_terminal_says_so() {
    // `script` gives the binary a terminal for standard input (util-linux); where it is
    // missing there is nothing to test with.
    if Command::new("script").arg("--version").output().is_err() {
        return;
    }
    let o = Command::new("timeout")
        .args(["2", "script", "-qc", &format!("{BIN} extract -q"), "/dev/null"])
        .stdin(Stdio::null())
        .output()
        .expect("script runs");
    let all = format!("{}{}", stdout(&o), stderr(&o));
    assert!(
        all.contains("reading bulletins from standard input (the terminal)"),
        "{all}"
    );
}
