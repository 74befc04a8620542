//! `bulletin-facts check --expected FILE INPUT...`: extract, then compare with the expected
//! table, in one step for continuous integration.

use std::io::Write;
use std::path::Path;

use bulletin_facts::diff::{diff, read_table, read_table_file};
use bulletin_facts::write::{Format, facts_writer};

use super::args::CheckArgs;
use super::diff_cmd::report;
use super::engine::{self, Stop};
use super::inputs::{Pattern, expand};
use super::output::{Output, Target};
use super::{EXIT_FATAL, EXIT_OK, EXIT_SKIPPED};

pub fn run(args: &CheckArgs) -> u8 {
    let compared = match args.compare.compared() {
        Ok(c) => c,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_FATAL;
        }
    };
    // Read first: a wrong path fails before any extraction.
    let expected = if args.update && !args.expected.exists() {
        None
    } else if !args.expected.exists() {
        eprintln!(
            "error: {}: no expected table yet; run the same command once with --update to write it \
             from this extraction, review it, and keep it",
            args.expected.display()
        );
        return EXIT_FATAL;
    } else {
        match read_table_file(&args.expected) {
            Ok(t) => Some(t),
            Err(e) => {
                eprintln!("error: {e}");
                return EXIT_FATAL;
            }
        }
    };
    // The extraction is held as the CSV `extract` would write, so that both sides of the
    // comparison are read the same way.
    let mut table = match facts_writer(Vec::new(), Format::Csv) {
        Ok(w) => w,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_FATAL;
        }
    };
    let pattern = match Pattern::new(&args.run.glob) {
        Ok(p) => p,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_FATAL;
        }
    };
    let inputs = expand(&args.run.inputs, &pattern, args.run.follow);
    let tally = engine::run(&args.run, &inputs, &mut table, |_, _| None, |_, (), _| Ok(()));
    let tally = match tally {
        Ok(t) => t,
        Err(Stop::Usage(m)) => {
            eprintln!("error: {m}");
            return EXIT_FATAL;
        }
        Err(Stop::Write(e)) => {
            eprintln!("error: {e}");
            return EXIT_FATAL;
        }
    };
    let actual = table.finish().map_err(|e| e.to_string()).and_then(|bytes| {
        Ok((
            read_table("extraction", bytes.as_slice()).map_err(|e| e.to_string())?,
            bytes,
        ))
    });
    let (actual, bytes) = match actual {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_FATAL;
        }
    };
    let mut code = match &expected {
        Some(expected) => report(&diff(expected, &actual, &compared), &args.compare),
        None => EXIT_SKIPPED,
    };
    if code == EXIT_SKIPPED && args.update {
        if let Err(e) = replace(&args.expected, &bytes) {
            eprintln!("{}: error: cannot write: {e}", args.expected.display());
            return EXIT_FATAL;
        }
        eprintln!("{}: updated ({} facts)", args.expected.display(), actual.rows.len());
        code = EXIT_OK;
    }
    if code == EXIT_OK && !tally.skipped.is_empty() {
        return EXIT_SKIPPED;
    }
    code
}

/// Writes the new expected table in place, complete or not at all.
fn replace(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = Target::check(Some(path)).map_err(std::io::Error::other)?;
    let mut out = Output::open(&target)?;
    out.write_all(bytes)?;
    out.commit()
}
