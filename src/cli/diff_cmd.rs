//! `bulletin-facts diff OLD NEW`: two facts tables -> their differences.

use std::io::Write;
use std::path::Path;

use bulletin_facts::diff::{Diff, TableError, TableFile, diff_files};
use bulletin_facts::write::Format;

use super::args::{CompareArgs, DiffArgs, DiffFormat};
use super::error::{Error, Outcome};

pub fn run(args: &DiffArgs) -> Result<Outcome, Error> {
    let compared = args.compare.compared().map_err(Error::Usage)?;
    let stdin = |path: &Path| path.as_os_str() == "-";
    if stdin(&args.old) && stdin(&args.new) {
        return Err(Error::Usage(
            "only one of the two tables can be `-` (standard input)".into(),
        ));
    }
    let open = |path: &Path| match stdin(path) {
        true => TableFile::copied("-", std::io::stdin().lock()),
        false => TableFile::open(path),
    };
    let (old, new) = (
        open(&args.old).map_err(unreadable)?,
        open(&args.new).map_err(unreadable)?,
    );
    report(&diff_files(&old, &new, &compared).map_err(unreadable)?, &args.compare)
}

/// A table that could not be read or compared: nothing usable could be done.
pub fn unreadable(e: TableError) -> Error {
    Error::Usage(e.to_string())
}

/// Prints the differences on standard output; the exit status says whether there are any.
pub fn report(d: &Diff, compare: &CompareArgs) -> Result<Outcome, Error> {
    let mut out = std::io::stdout().lock();
    match compare.format {
        DiffFormat::Text => write!(out, "{d}")?,
        DiffFormat::Csv => _ = d.write_table(&mut out, Format::Csv)?,
    };
    out.flush()?;
    Ok(Outcome::partial_if(!d.is_empty()))
}
