//! `bulletin-facts diff OLD NEW`: two facts tables -> their differences.

use std::io::Write;

use bulletin_facts::diff::{Diff, diff, read_table_file};
use bulletin_facts::write::Format;

use super::args::{CompareArgs, DiffArgs, DiffFormat};
use super::error::{Error, Outcome};

pub fn run(args: &DiffArgs) -> Result<Outcome, Error> {
    let compared = args.compare.compared().map_err(Error::Usage)?;
    let table = |path| read_table_file(path).map_err(|e| Error::Usage(e.to_string()));
    let (old, new) = (table(&args.old)?, table(&args.new)?);
    report(&diff(&old, &new, &compared), &args.compare)
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
