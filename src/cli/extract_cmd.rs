//! `bulletin-facts extract`: inputs -> the facts table (and the releases table).

use std::path::Path;

use bulletin_facts::ReleaseFacts;
use bulletin_facts::checks::{CheckResult, Status, check_release, write_checks};
use bulletin_facts::write::{ReleaseRow, TableWriter, facts_writer, releases_writer, render_rows};

use super::args::ExtractArgs;
use super::engine::{self, Stop};
use super::output::Output;
use super::{EXIT_FATAL, EXIT_OK, EXIT_SKIPPED};

pub fn run(args: &ExtractArgs) -> u8 {
    let format = match args.table_format() {
        Ok(f) => f,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_FATAL;
        }
    };
    // Both outputs are opened before any input is read: a wrong path fails at once.
    let mut facts = match open(args.output.as_deref(), |o| facts_writer(o, format)) {
        Ok(w) => w,
        Err(code) => return code,
    };
    let mut releases = match &args.releases {
        Some(path) => match open(Some(path), |o| releases_writer(o, format)) {
            Ok(w) => Some(w),
            Err(code) => return code,
        },
        None => None,
    };
    let mut checks: Vec<CheckResult> = Vec::new();
    // A release's checks and its row of the releases table are made on the worker that
    // extracted it, while its facts are at hand.
    let want_rows = releases.is_some();
    let prepare = |source: &str, release: &ReleaseFacts| {
        let row = want_rows.then(|| {
            let mut row = Vec::new();
            render_rows(format, [&ReleaseRow::new(source, release)], &mut row).map(|()| row)
        });
        let checks = if args.checks.is_some() {
            check_release(release)
        } else {
            Vec::new()
        };
        (row, checks)
    };
    let tally = engine::run(&args.run, &mut facts, prepare, |source, (row, found)| {
        for c in found {
            if c.status == Status::Mismatch {
                eprintln!("{source}: {}: {} mismatch: {}", c.release_id, c.check, c.detail);
            }
            checks.push(c);
        }
        if let (Some(w), Some(row)) = (&mut releases, row) {
            w.write_rendered(&row?)?;
        }
        Ok(())
    });
    let tally = match tally {
        Ok(t) => t,
        Err(Stop::Usage(message)) => {
            eprintln!("error: {message}");
            return EXIT_FATAL;
        }
        // `extract ... | head`: the reader has what it wanted; stop quietly.
        Err(Stop::Write(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => return EXIT_OK,
        Err(Stop::Write(e)) => {
            eprintln!("error: cannot write the output: {e}");
            return EXIT_FATAL;
        }
    };
    // The releases table is committed first: when it fails, no facts file appears either.
    let committed = releases
        .map_or(Ok(()), |w| w.finish().and_then(Output::commit))
        .and_then(|()| facts.finish().and_then(Output::commit));
    match committed {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return EXIT_OK,
        Err(e) => {
            eprintln!("error: cannot write the output: {e}");
            return EXIT_FATAL;
        }
        Ok(()) => {}
    }
    if let Some(path) = &args.checks {
        if let Err(e) = write_check_file(path, &checks) {
            eprintln!("{}: error: cannot write the checks: {e}", path.display());
            return EXIT_FATAL;
        }
        let mismatches = checks.iter().filter(|c| c.status == Status::Mismatch).count();
        if !args.run.quiet || mismatches > 0 {
            eprintln!("checks: {} run, {mismatches} mismatch(es)", checks.len());
        }
    }
    if tally.skipped.is_empty() {
        EXIT_OK
    } else {
        EXIT_SKIPPED
    }
}

/// Opens an output (standard output when `path` is None) and starts its table.
fn open(
    path: Option<&Path>,
    start: impl FnOnce(Output) -> std::io::Result<TableWriter<Output>>,
) -> Result<TableWriter<Output>, u8> {
    let name = path
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "standard output".to_string());
    Output::open(path).and_then(start).map_err(|e| {
        eprintln!("{name}: error: cannot create the output file: {e}");
        EXIT_FATAL
    })
}

/// The checks CSV, written beside its final name and renamed when complete (as `-o`).
fn write_check_file(path: &Path, checks: &[CheckResult]) -> std::io::Result<()> {
    let out = Output::open(Some(path))?;
    let out = write_checks(out, checks).map_err(std::io::Error::other)?;
    out.commit()
}
