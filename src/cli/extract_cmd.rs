//! `bulletin-facts extract`: inputs -> the facts table (and the releases table).

use std::path::{Path, PathBuf};

use bulletin_facts::ReleaseFacts;
use bulletin_facts::checks::{ChecksWriter, check_release};
use bulletin_facts::write::{
    Format, ReleaseRow, SheetSource, TableWriter, facts_writer, releases_writer, write_workbook,
};

use super::args::{ExtractArgs, Shape};
use super::engine::{self, Stop, Sunk};
use super::error::{Error, Outcome};
use super::inputs::{Inputs, Pattern, Source, expand, file_id};
use super::output::{Output, Target};
use super::side_tables::{CHECKS_FAILED, Open, RELEASES_FAILED, SideTables};

pub fn run(args: &ExtractArgs) -> Result<Outcome, Error> {
    let shape = args.shape().map_err(Error::Usage)?;
    // A workbook's tables are rendered as CSV into spools, then turned into its sheets.
    let (format, workbook) = match shape {
        Shape::Table(format) => (format, false),
        Shape::Workbook => (Format::Csv, true),
    };
    let pattern = Pattern::new(&args.run.glob).map_err(Error::Usage)?;
    let inputs = expand(&args.run.inputs, &pattern, args.run.follow);
    // Every output is checked, then opened, before any input is read: a wrong path, or an
    // output that would overwrite an input or another output, fails at once.
    let targets = check_outputs(args, &inputs)?;
    let spool = Target::Spool;
    let facts_to = if workbook { &spool } else { &targets.facts };
    let mut facts = open(facts_to, |o| facts_writer(o, format))?;
    // The releases table: its file (--releases), and a workbook's sheet (last).
    let releases_format = args.releases_format(format).map_err(Error::Usage)?;
    let mut releases = Vec::new();
    if let Some(target) = &targets.releases {
        let writer = open(target, |o| releases_writer(o, releases_format))?;
        releases.push(side(writer, target, RELEASES_FAILED));
    }
    if workbook {
        let writer = open(&spool, |o| releases_writer(o, format))?;
        releases.push(side(writer, &targets.facts, RELEASES_FAILED));
    }
    // The checks table: its file (--checks), and a workbook's sheet.
    let mut checks = Vec::new();
    if let Some(target) = &targets.checks {
        checks.push(side(open_checks(target)?, target, CHECKS_FAILED));
        if workbook {
            checks.push(side(open_checks(&spool)?, &targets.facts, CHECKS_FAILED));
        }
    }
    let mut beside = SideTables::new(releases, checks);
    // A release's checks and its row of the releases table are made on the worker that
    // extracted it, while its facts are at hand.
    let want_rows = beside.wants_rows();
    let prepare = |source: &str, release: &ReleaseFacts, facts: usize| {
        if !want_rows && args.checks.is_none() {
            return None;
        }
        // Its facts are made only for the checks: the rows say how many there are.
        let row = want_rows.then(|| ReleaseRow {
            facts,
            ..ReleaseRow::new(source, release)
        });
        let checks = if args.checks.is_some() {
            check_release(release)
        } else {
            Vec::new()
        };
        Some((row, checks))
    };
    let tally = engine::run(&args.run, &inputs, &mut facts, prepare, args.checks.is_some(), |sunk| {
        match sunk {
            Sunk::Release(source, extra, fate) => beside.take(source, extra, fate)?,
            Sunk::InputShown => beside.input_shown(),
        }
        Ok(())
    });
    let tally = tally.map_err(|stop| match stop {
        Stop::Usage(message) => Error::Usage(message),
        Stop::Write(e) => Error::written(e),
    })?;
    // The tables beside the facts first: when one fails, no facts file appears either.
    let done = beside.finish(workbook)?;
    if workbook {
        write_workbook_file(&targets.facts, facts, (done.releases_sheet, done.checks_sheet))?;
    } else {
        facts.finish().and_then(Output::commit)?;
    }
    if let (Some(file), Some(target)) = (done.checks_file, &targets.checks) {
        file.commit().map_err(Error::file(target.name(), CHECKS_FAILED))?;
        if !args.run.quiet || done.mismatched > 0 {
            eprintln!("checks: {} run, {} mismatch(es)", done.checks_run, done.mismatched);
        }
    }
    Ok(Outcome::partial_if(!tally.skipped.is_empty()))
}

/// A table beside the facts, named as its errors name it: a file's by its path, a
/// workbook sheet's by the workbook's.
fn side<W>(writer: W, named: &Target, what: &'static str) -> Open<W> {
    Open {
        writer,
        name: named.name(),
        what,
    }
}

/// The outputs of a run, checked.
struct Targets {
    facts: Target,
    releases: Option<Target>,
    checks: Option<Target>,
}

/// Checks every output (see [`Target::check`]) and that none is an input or another
/// output: `extract v.txt -o v.txt` would replace the bulletin with its table.
fn check_outputs(args: &ExtractArgs, inputs: &Inputs) -> Result<Targets, Error> {
    let named = [
        ("-o", args.output.as_deref()),
        ("--releases", args.releases.as_deref()),
        ("--checks", args.checks.as_deref()),
    ];
    let mut seen: Vec<(&str, String, Identity)> = Vec::new();
    for (option, path) in named {
        let given = match (option, path) {
            ("-o", None) => Path::new("-"),
            (_, None) => continue,
            (_, Some(p)) => p,
        };
        // A device (`/dev/null`) may take several tables, and is no input's file.
        if std::fs::metadata(given).is_ok_and(|m| !m.is_file() && !m.is_dir()) {
            continue;
        }
        let id = identity(given);
        let shown = given.display().to_string();
        if let Some((other, other_path, _)) = seen.iter().find(|(.., i)| *i == id) {
            return Err(Error::Usage(format!(
                "{option} {shown} is the same file as {other} {other_path}: one table would replace the other; \
                 nothing was read"
            )));
        }
        let input = inputs.sources.iter().find_map(|s| match s {
            Source::File(p) if identity(p) == id => Some(p),
            _ => None,
        });
        if let Some(input) = input {
            return Err(Error::Usage(format!(
                "{option} {shown} is the input {}: it would be overwritten; nothing was read",
                input.display()
            )));
        }
        seen.push((option, shown, id));
    }
    let check = |path: Option<&Path>| path.map(|p| Target::check(Some(p))).transpose().map_err(Error::Stated);
    Ok(Targets {
        facts: Target::check(args.output.as_deref()).map_err(Error::Stated)?,
        releases: check(args.releases.as_deref())?,
        checks: check(args.checks.as_deref())?,
    })
}

/// What a path is, to tell when two paths name one file: standard output (`-`), an existing
/// file (its device and inode, through links), or a file to come (its folder made absolute).
#[derive(Debug, PartialEq, Eq)]
enum Identity {
    Stdout,
    Existing((u64, u64)),
    Path(PathBuf),
}

fn identity(path: &Path) -> Identity {
    if path.as_os_str() == "-" {
        return Identity::Stdout;
    }
    if let Some(id) = std::fs::metadata(path).ok().as_ref().and_then(file_id) {
        return Identity::Existing(id);
    }
    let folder = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    Identity::Path(folder.join(path.file_name().unwrap_or_default()))
}

/// Opens an output and starts its table (a facts, releases or checks table).
fn open<T>(target: &Target, start: impl FnOnce(Output) -> std::io::Result<T>) -> Result<T, Error> {
    // The kind alone for a path: the error of the temporary file beside it would name
    // that file, not the user's path. A spool's says where it was to be made.
    Output::open(target).and_then(start).map_err(|e| {
        let e = match target {
            Target::Spool => e,
            _ => e.kind().into(),
        };
        Error::file(target.name(), "cannot create the output file")(e)
    })
}

/// The checks CSV, written beside its final name and renamed when complete (as `-o`), or
/// a workbook's sheet of them in a spool.
fn open_checks(target: &Target) -> Result<ChecksWriter<Output>, Error> {
    open(target, |out| ChecksWriter::new(out).map_err(std::io::Error::from))
}

/// The workbook at `target`: the facts, the releases and, when run, the checks, each a
/// sheet (the releases and checks tables as spooled). Written beside its final name and
/// renamed when complete, like every `-o` file.
fn write_workbook_file(
    target: &Target,
    facts: TableWriter<Output>,
    (releases, checks): (Option<TableWriter<Output>>, Option<Output>),
) -> std::io::Result<()> {
    let sheet_of = |w: TableWriter<Output>| w.finish().and_then(Output::read_back);
    let releases_sheet = releases.map(sheet_of).transpose()?;
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
        sheets.push(SheetSource {
            name: "checks".to_string(),
            csv: Box::new(checks.read_back()?),
        });
    }
    let mut out = Output::open(target)?;
    write_workbook(sheets, &mut out).map_err(std::io::Error::other)?;
    out.commit()
}
