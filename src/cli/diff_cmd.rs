//! `bulletin-facts diff OLD NEW`: two facts tables -> their differences.

use std::io::Write;

use bulletin_facts::diff::{Diff, diff, read_table_file};
use bulletin_facts::write::Format;

use super::args::{CompareArgs, DiffArgs, DiffFormat};
use super::{EXIT_FATAL, EXIT_OK, EXIT_SKIPPED};

pub fn run(args: &DiffArgs) -> u8 {
    let compared = match args.compare.compared() {
        Ok(c) => c,
        Err(message) => {
            eprintln!("error: {message}");
            return EXIT_FATAL;
        }
    };
    let tables = read_table_file(&args.old).and_then(|old| Ok((old, read_table_file(&args.new)?)));
    match tables {
        Ok((old, new)) => report(&diff(&old, &new, &compared), &args.compare),
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_FATAL
        }
    }
}

/// Prints the differences on standard output; the exit status says whether there are any.
pub fn report(d: &Diff, compare: &CompareArgs) -> u8 {
    let mut out = std::io::stdout().lock();
    let written = match compare.format {
        DiffFormat::Text => write!(out, "{d}"),
        DiffFormat::Csv => d.write_table(&mut out, Format::Csv).map(|_| ()),
    };
    if let Err(e) = written.and_then(|()| out.flush()) {
        eprintln!("error: cannot write the differences: {e}");
        return EXIT_FATAL;
    }
    if d.is_empty() { EXIT_OK } else { EXIT_SKIPPED }
}
