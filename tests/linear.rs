//! Time stays linear in the input on adversarial texts (no quadratic backtracking in any
//! parser, no look-back over a whole sentence per figure).
//!
//! The fast test reads each input at 2 KB and 32 KB: linear time grows x16, quadratic
//! x256; it fails above x32. (At 2 KB and 8 KB a quadratic step cheap per figure, such as
//! one walk over a long sentence's tokens for each of its figures, still read as x4.7.)
//! The check at the issue's sizes (1 MB and 4 MB, failing above x12; a few minutes) is
//! ignored by default. Its limit is above x8 because at 4 MB an input of dates alone holds
//! 220,000 facts: about 470 MB, whose page faults the kernel serves on the thread's CPU
//! time (x8.8, where the instructions grow x3.9); quadratic time is still x16.
//!     cargo test --release --test linear -- --ignored --nocapture
//!
//! Time is the thread's CPU time, not the wall clock: on a busy machine the wall clock also
//! counts the time the thread waits for a core, which once made a linear case look x8.

use std::time::Duration;

/// A release holding `body` (one sentence, no full stop unless the body has one).
fn release(body: &str) -> String {
    format!("-\nTrade\nA Title\n{body} date2025-11-19\n")
}

/// The adversarial bodies, each `n` bytes or a little more.
fn inputs(n: usize) -> Vec<(&'static str, String)> {
    let rep = |unit: &str| unit.repeat(n / unit.len() + 1);
    vec![
        ("digits", rep("7")),
        ("KRW KRW", rep("KRW ")),
        ("1,000,000 groups", rep("1,000,000,")),
        (
            "numbers and words, no full stop",
            rep("exports rose 12 percent to KRW 3 trillion and "),
        ),
        ("percents glued", rep("1%")),
        ("percents", rep("up 5% ")),
        ("money", rep("$1 billion, ")),
        ("spaces", format!("a{}b", " ".repeat(n))),
        ("blank lines", format!("a{}b", "\n".repeat(n))),
        ("space and newline", format!("a{}b", " \n".repeat(n / 2))),
        ("dots without spaces", rep("a.,")),
        ("dots and letters", rep("U.S.")),
        ("long word", rep("x")),
        ("dashes", rep("-\n")),
        ("dates", rep("November 18, 2025, ")),
        ("days listed in one month", rep("May 4, 11 and ")),
        ("months listed", rep("March and April, ")),
        ("days before months", rep("1-3 March and ")),
        ("impossible dates", rep("February 30, 2025. ")),
        ("between", rep("between ")),
        ("parens", rep("(")),
    ]
}

fn time(text: &str, runs: usize) -> Duration {
    // Best of several, to smooth out a shared machine.
    (0..runs)
        .map(|_| {
            let t = cpu_time();
            let ex = bulletin_facts::extract(text);
            std::hint::black_box(ex.facts().count());
            cpu_time().saturating_sub(t)
        })
        .min()
        .unwrap_or_default()
}

/// The CPU time this thread has used so far.
#[cfg(unix)]
fn cpu_time() -> Duration {
    let mut now = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `now` is a valid timespec for the call to write; the clock id is a constant
    // every unix this crate builds on has.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut now) };
    assert_eq!(status, 0, "clock_gettime(CLOCK_THREAD_CPUTIME_ID) failed");
    Duration::new(now.tv_sec as u64, now.tv_nsec as u32)
}

/// Elsewhere, the wall clock since the first call.
#[cfg(not(unix))]
fn cpu_time() -> Duration {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    START.get_or_init(std::time::Instant::now).elapsed()
}

/// Fails when some input takes more than `limit` times longer at `factor` times the size.
fn check(n: usize, factor: usize, limit: f64) {
    let mut bad = Vec::new();
    for ((name, small), (_, big)) in inputs(n).into_iter().zip(inputs(factor * n)) {
        let (small, big) = (release(&small), release(&big));
        // Below a few milliseconds the ratio is noise.
        let ratio_of = |a: Duration, b: Duration| b.as_secs_f64() / a.as_secs_f64().max(5e-3);
        let (mut a, mut b) = (time(&small, 3), time(&big, 3));
        if ratio_of(a, b) > limit {
            // Measured again, longer, before it counts: a busy machine once gave x8.2 for a
            // linear case at x4 the size. Quadratic time stays above the limit however often
            // it runs.
            (a, b) = (time(&small, 9), time(&big, 9));
        }
        let ratio = ratio_of(a, b);
        println!("{name:34} {:>9.1?} {:>9.1?}  x{ratio:.2}", a, b);
        if ratio > limit {
            bad.push(format!("{name}: x{ratio:.2} ({a:?} -> {b:?})"));
        }
    }
    assert!(bad.is_empty(), "not linear: {bad:#?}");
}

#[test]
fn time_grows_linearly_with_the_input() {
    check(2 * 1024, 16, 32.0);
}

#[test]
#[ignore = "slow: 1 MB and 4 MB inputs; run with --release -- --ignored"]
fn time_grows_linearly_from_a_megabyte() {
    check(1024 * 1024, 4, 12.0);
}

/// A facts table (CSV) of `n` releases whose ids start with `prefix`, three a day, each
/// with two figures: two runs whose ids all changed (a new id scheme) pair every release
/// as retitled.
fn table(n: usize, prefix: &str) -> String {
    edited_table(n, prefix, "")
}

/// [`table`] with `edit` put after each figure's text, in its sentence too: every figure
/// edited in place.
fn edited_table(n: usize, prefix: &str, edit: &str) -> String {
    let mut csv = String::from("release_id,release_date,category,title,section,kind,value,unit,text,sentence,offset\n");
    for i in 0..n {
        let date = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Days::new((i / 3) as u64);
        for (kind, value, unit) in [("percent", i % 7, "%"), ("money", i, "USD")] {
            csv.push_str(&format!(
                "{prefix}{i},{date},Trade,Title {i},body,{kind},{value}{edit},{unit},{value}{edit},It was {value}{edit}.,{i}\n"
            ));
        }
    }
    csv
}

/// Fails when comparing the tables `tables(n)` makes takes more than x32 the time at x16
/// the releases, held (`diff`) or in files (`diff_files`); `check` looks at each
/// comparison's result.
fn diff_time_is_linear(tables: impl Fn(usize) -> (String, String), check: impl Fn(&bulletin_facts::diff::Diff, usize)) {
    use std::io::Write;

    use bulletin_facts::diff::{Compared, Diff, TableFile, diff, diff_files, read_table};
    let file = |csv: &str| {
        let mut file = tempfile::tempfile().unwrap();
        file.write_all(csv.as_bytes()).unwrap();
        TableFile::new("t", file)
    };
    for in_files in [false, true] {
        let time_of = |n: usize| {
            let (old, new) = tables(n);
            let compare: Box<dyn Fn() -> Diff> = if in_files {
                let (old, new) = (file(&old), file(&new));
                Box::new(move || diff_files(&old, &new, &Compared::default()).unwrap())
            } else {
                let (old, new) = (
                    read_table("a", old.as_bytes()).unwrap(),
                    read_table("b", new.as_bytes()).unwrap(),
                );
                Box::new(move || diff(&old, &new, &Compared::default()))
            };
            (0..3)
                .map(|_| {
                    let t = cpu_time();
                    let d = compare();
                    let elapsed = cpu_time().saturating_sub(t);
                    check(&d, n);
                    elapsed
                })
                .min()
                .unwrap_or_default()
        };
        let (a, b) = (time_of(100), time_of(1600));
        let ratio = b.as_secs_f64() / a.as_secs_f64().max(5e-3);
        assert!(
            ratio < 32.0,
            "not linear (in files: {in_files}): x{ratio:.2} ({a:?} -> {b:?})"
        );
    }
}

/// Comparing two tables grows linearly with their releases: every release of the new
/// table was looked for among all of the old one's (minutes for 190,000 releases).
#[test]
fn diff_time_grows_linearly_with_the_releases() {
    diff_time_is_linear(
        |n| (table(n, "old"), table(n, "new")),
        |d, n| {
            let retitled = d.releases.iter().filter(|r| r.retitled.is_some()).count();
            assert_eq!(retitled, n, "every release is paired");
        },
    );
}

/// Comparing two tables grows linearly with the releases of one day whose ids all changed
/// (a change to how titles are read renames every release): each fresh release counted
/// the figures it shares with every vanished one of its day. Each release here holds two
/// figures most releases hold and three of its own.
#[test]
fn diff_time_grows_linearly_with_the_releases_of_one_day() {
    let one_day = |n: usize, prefix: &str| {
        let mut csv = String::from("release_id,release_date,category,title,section,kind,value,unit,text,offset\n");
        for i in 0..n {
            let figures = [
                ("percent", (i % 3).to_string(), "%"),
                ("date", "2025".to_string(), ""),
                ("money", i.to_string(), "USD"),
                ("count", (2 * i).to_string(), "firms"),
                ("quantity", (3 * i).to_string(), "t"),
            ];
            for (kind, value, unit) in figures {
                csv.push_str(&format!(
                    "{prefix}{i},2025-11-19,Trade,Title {i},body,{kind},{value},{unit},{value},{i}\n"
                ));
            }
        }
        csv
    };
    diff_time_is_linear(
        |n| (one_day(n, "old"), one_day(n, "new")),
        |d, n| {
            let retitled = d.releases.iter().filter(|r| r.retitled.is_some()).count();
            assert_eq!(retitled, n, "every release is paired");
        },
    );
}

/// Comparing two tables grows linearly with the figures edited in place (a grammar change
/// that reads many figures anew): each added fact was looked for among every removed one
/// and every pair made.
#[test]
fn diff_time_grows_linearly_with_the_figures_edited() {
    use bulletin_facts::diff::ChangeKind;
    diff_time_is_linear(
        |n| (table(n, "r"), edited_table(n, "r", "9")),
        |d, n| {
            let changes = d.releases.iter().flat_map(|r| &r.changes);
            let changed = changes.filter(|c| c.change == ChangeKind::Changed).count();
            assert_eq!(changed, 2 * n, "every figure is one change");
        },
    );
}

/// The same with every figure in one release (a long document read as one release): each
/// added fact was tried against every removed one of its release, section and kind.
#[test]
fn diff_time_grows_linearly_with_the_figures_edited_in_one_release() {
    use bulletin_facts::diff::ChangeKind;
    // Every row's release id made one.
    let in_one_release = |csv: String| -> String {
        csv.lines()
            .enumerate()
            .map(|(k, line)| match line.split_once(',') {
                Some((_, rest)) if k > 0 => format!("r,{rest}\n"),
                _ => format!("{line}\n"),
            })
            .collect()
    };
    diff_time_is_linear(
        |n| (in_one_release(table(n, "r")), in_one_release(edited_table(n, "r", "9"))),
        |d, n| {
            assert_eq!(d.releases.len(), 1);
            let changed = d.releases[0].changes.iter().filter(|c| c.change == ChangeKind::Changed);
            assert_eq!(changed.count(), 2 * n, "every figure is one change");
        },
    );
}

#[test]
fn explain_time_grows_linearly_with_the_snippet() {
    // `as of May`: a figure's period phrase is shown from its preposition. Telling `as of`
    // once lowered the whole text before it, for every figure: quadratic in the snippet.
    let text = |n: usize| release(&"Exports rose 5 percent as of May 2025. ".repeat(n / 39 + 1));
    let time = |text: &str| {
        (0..3)
            .map(|_| {
                let t = cpu_time();
                let shown = bulletin_facts::explain::explain(text, &bulletin_facts::Options::default()).to_string();
                assert!(
                    shown.contains("(from \"as of May 2025\")"),
                    "{}",
                    &shown[..shown.len().min(2000)]
                );
                cpu_time().saturating_sub(t)
            })
            .min()
            .unwrap_or_default()
    };
    let (a, b) = (time(&text(64 * 1024)), time(&text(1024 * 1024)));
    let ratio = b.as_secs_f64() / a.as_secs_f64().max(5e-3);
    println!("explain: {a:?} -> {b:?}  x{ratio:.2}");
    assert!(ratio < 32.0, "not linear: x{ratio:.2} ({a:?} -> {b:?})");
}
