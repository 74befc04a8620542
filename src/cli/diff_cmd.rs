//! `bulletin-facts diff OLD NEW`: two facts tables -> their differences.

use std::io::{BufWriter, Write};
use std::path::Path;

use bulletin_facts::diff::{Compared, DiffWriter, TableError, TableFile, diff_files_to};
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
    report(&old, &new, &compared, &args.compare)
}

/// A table that could not be read or compared: nothing usable could be done; or the
/// differences that could not be written.
pub fn unreadable(e: TableError) -> Error {
    match e {
        TableError::Write(e) => Error::Output(e),
        e => Error::Usage(e.to_string()),
    }
}

/// Prints the differences of two tables on standard output as they are found; the exit
/// status says whether there are any.
pub fn report(old: &TableFile, new: &TableFile, compared: &Compared, args: &CompareArgs) -> Result<Outcome, Error> {
    let out = BufWriter::new(std::io::stdout().lock());
    let writer = match args.format {
        DiffFormat::Text => DiffWriter::text(out),
        DiffFormat::Csv => DiffWriter::table(out, Format::Csv),
    };
    let (mut out, differ) = diff_files_to(old, new, compared, writer).map_err(unreadable)?;
    out.flush()?;
    Ok(Outcome::partial_if(differ))
}
