//! `bulletin-facts check --expected FILE INPUT...`: extract, then compare with the expected
//! table, in one step for continuous integration.

use std::fs::File;
use std::io::{self, BufWriter, Seek, Write};
use std::path::Path;

use bulletin_facts::diff::TableFile;
use bulletin_facts::write::{Format, facts_writer};

use super::args::CheckArgs;
use super::diff_cmd::{report, unreadable};
use super::engine::{self, Stop};
use super::error::{Error, Named, Outcome};
use super::inputs::{Pattern, expand};
use super::output::{Output, Target, unnamed_temp_file};

pub fn run(args: &CheckArgs) -> Result<Outcome, Error> {
    let compared = args.compare.compared().map_err(Error::Usage)?;
    // Read first: a wrong path fails before any extraction.
    let expected = if args.update && !args.expected.exists() {
        None
    } else if !args.expected.exists() {
        return Err(Error::Usage(format!(
            "{}: no expected table yet; run the same command once with --update to write it from this \
             extraction, review it, and keep it",
            args.expected.display()
        )));
    } else {
        Some(TableFile::open(&args.expected).map_err(unreadable)?)
    };
    // The extraction is written as the CSV `extract` would write, so that both sides of the
    // comparison are read the same way: to a temporary file, not held.
    let spool = unnamed_temp_file("the extraction to compare").map_err(Error::Output)?;
    let mut table = facts_writer(Spool(BufWriter::new(spool)), Format::Csv).map_err(Error::written)?;
    let pattern = Pattern::new(&args.run.glob).map_err(Error::Usage)?;
    let inputs = expand(&args.run.inputs, &pattern, args.run.follow);
    let tally = engine::run(
        &args.run,
        &inputs,
        &mut table,
        |_, _, _| None,
        false,
        |_: engine::Sunk<()>| Ok(()),
    )
    .map_err(|stop| match stop {
        Stop::Usage(m) => Error::Usage(m),
        Stop::Write(e) => Error::written(e),
    })?;
    let spool = table.finish().map_err(Error::written)?.0.into_inner();
    let spool = spool.map_err(|e| Error::written(spool_error(e.into_error())))?;
    let actual = TableFile::new(
        "extraction",
        spool.try_clone().map_err(|e| Error::written(spool_error(e)))?,
    );
    let mut outcome = match &expected {
        Some(expected) => report(expected, &actual, &compared, &args.compare)?,
        None => Outcome::Partial,
    };
    if outcome == Outcome::Partial && args.update {
        replace(&args.expected, spool).map_err(Error::file(args.expected.display(), "cannot write"))?;
        let facts: usize = tally.facts.iter().sum();
        eprintln!("{}: updated ({facts} facts)", args.expected.display());
        outcome = Outcome::Done;
    }
    if !tally.skipped.is_empty() {
        return Ok(Outcome::Partial);
    }
    Ok(outcome)
}

/// The extraction's temporary file: a write that fails (a full `TMPDIR`) names it, not
/// the output.
struct Spool(BufWriter<File>);

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.write(buf).map_err(spool_error)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush().map_err(spool_error)
    }
}

fn spool_error(e: io::Error) -> io::Error {
    let dir = format!("{} (TMPDIR)", std::env::temp_dir().display());
    Named::wrap(dir, "cannot write the extraction to compare")(e)
}

/// Writes the new expected table in place, complete or not at all.
fn replace(path: &Path, mut table: File) -> io::Result<()> {
    let target = Target::check(Some(path)).map_err(io::Error::other)?;
    let mut out = Output::open(&target)?;
    table.rewind()?;
    io::copy(&mut table, &mut out)?;
    out.commit()
}
