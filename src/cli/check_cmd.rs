//! `bulletin-facts check --expected FILE INPUT...`: extract, then compare with the expected
//! table, in one step for continuous integration.

use std::io::Write;
use std::path::Path;

use bulletin_facts::diff::{diff, read_table, read_table_file};
use bulletin_facts::write::{Format, facts_writer};

use super::args::CheckArgs;
use super::diff_cmd::report;
use super::engine::{self, Stop};
use super::error::{Error, Outcome};
use super::inputs::{Pattern, expand};
use super::output::{Output, Target};

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
        Some(read_table_file(&args.expected).map_err(|e| Error::Usage(e.to_string()))?)
    };
    // The extraction is held as the CSV `extract` would write, so that both sides of the
    // comparison are read the same way.
    let mut table = facts_writer(Vec::new(), Format::Csv)?;
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
        Stop::Write(e) => Error::Output(e),
    })?;
    let bytes = table.finish()?;
    let actual = read_table("extraction", bytes.as_slice()).map_err(|e| Error::Usage(e.to_string()))?;
    let mut outcome = match &expected {
        Some(expected) => report(&diff(expected, &actual, &compared), &args.compare)?,
        None => Outcome::Partial,
    };
    if outcome == Outcome::Partial && args.update {
        replace(&args.expected, &bytes).map_err(Error::file(args.expected.display(), "cannot write"))?;
        eprintln!("{}: updated ({} facts)", args.expected.display(), actual.rows.len());
        outcome = Outcome::Done;
    }
    if !tally.skipped.is_empty() {
        return Ok(Outcome::Partial);
    }
    Ok(outcome)
}

/// Writes the new expected table in place, complete or not at all.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = Target::check(Some(path)).map_err(std::io::Error::other)?;
    let mut out = Output::open(&target)?;
    out.write_all(bytes)?;
    out.commit()
}
