//! `bulletin-facts extract`: inputs -> the facts table (and the releases table).

use std::path::Path;

use bulletin_facts::ReleaseFacts;
use bulletin_facts::checks::{CheckResult, Status, check_release, write_checks};
use bulletin_facts::write::{
    Format, ReleaseRow, SheetSource, TableWriter, facts_writer, releases_writer, render_rows, write_workbook,
};

use super::args::{ExtractArgs, Target};
use super::engine::{self, Stop};
use super::output::Output;
use super::{EXIT_FATAL, EXIT_OK, EXIT_SKIPPED};

pub fn run(args: &ExtractArgs) -> u8 {
    let target = match args.target() {
        Ok(t) => t,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_FATAL;
        }
    };
    // A workbook's tables are rendered as CSV into spools, then turned into its sheets.
    let (format, workbook) = match target {
        Target::Table(format) => (format, None),
        Target::Workbook => (Format::Csv, args.output.as_deref()),
    };
    // Every output is opened before any input is read: a wrong path fails at once.
    let facts_out = if workbook.is_some() {
        None
    } else {
        args.output.as_deref()
    };
    let mut facts = match open(facts_out, workbook.is_some(), |o| facts_writer(o, format)) {
        Ok(w) => w,
        Err(code) => return code,
    };
    // The releases table: its file (--releases), and a workbook's sheet.
    let mut releases = Vec::new();
    for (path, spool) in [(args.releases.as_deref(), false), (workbook, true)] {
        if path.is_none() {
            continue;
        }
        match open(path, spool, |o| releases_writer(o, format)) {
            Ok(w) => releases.push(w),
            Err(code) => return code,
        }
    }
    let mut checks: Vec<CheckResult> = Vec::new();
    // A release's checks and its row of the releases table are made on the worker that
    // extracted it, while its facts are at hand.
    let want_rows = !releases.is_empty();
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
        if let Some(row) = row {
            let row = row?;
            for w in &mut releases {
                w.write_rendered(&row)?;
            }
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
    let committed = match workbook {
        Some(path) => write_workbook_file(path, facts, releases, args.checks.is_some().then_some(&checks)),
        // The releases table is committed first: when it fails, no facts file appears either.
        None => releases
            .into_iter()
            .try_for_each(|w| w.finish().and_then(Output::commit))
            .and_then(|()| facts.finish().and_then(Output::commit)),
    };
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

/// Opens an output (standard output when `path` is None, a spool when `spool`) and starts
/// its table.
fn open(
    path: Option<&Path>,
    spool: bool,
    start: impl FnOnce(Output) -> std::io::Result<TableWriter<Output>>,
) -> Result<TableWriter<Output>, u8> {
    let name = path
        .map(|p| p.display().to_string())
        .unwrap_or_else(|| "standard output".to_string());
    let output = if spool { Output::spool() } else { Output::open(path) };
    output.and_then(start).map_err(|e| {
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

/// The workbook at `path`: the facts, the releases and, when run, the checks, each a sheet
/// (the last of `releases` is the workbook's spool). Written beside its final name and
/// renamed when complete, like every `-o` file.
fn write_workbook_file(
    path: &Path,
    facts: TableWriter<Output>,
    mut releases: Vec<TableWriter<Output>>,
    checks: Option<&Vec<CheckResult>>,
) -> std::io::Result<()> {
    let sheet_of = |w: TableWriter<Output>| w.finish().and_then(Output::read_back);
    let releases_sheet = releases.pop().map(sheet_of).transpose()?;
    for w in releases {
        w.finish().and_then(Output::commit)?;
    }
    let mut sheets = vec![SheetSource {
        name: "facts".to_string(),
        csv: Box::new(sheet_of(facts)?) as Box<dyn std::io::Read>,
    }];
    if let Some(file) = releases_sheet {
        sheets.push(SheetSource {
            name: "releases".to_string(),
            csv: Box::new(file),
        });
    }
    if let Some(checks) = checks {
        let table = write_checks(Vec::new(), checks).map_err(std::io::Error::other)?;
        sheets.push(SheetSource {
            name: "checks".to_string(),
            csv: Box::new(std::io::Cursor::new(table)),
        });
    }
    let mut out = Output::open(Some(path))?;
    write_workbook(sheets, &mut out).map_err(std::io::Error::other)?;
    out.commit()
}
