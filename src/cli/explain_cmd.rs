//! `bulletin-facts explain TEXT`: each figure of a snippet, marked in its sentence.

use std::io::{Read, Write};

use bulletin_facts::explain::explain;
use bulletin_facts::{Options, Severity};

use super::args::ExplainArgs;
use super::error::{Error, Outcome};

pub fn run(args: &ExplainArgs) -> Result<Outcome, Error> {
    let mut text = args.text.clone();
    if text == "-" {
        text.clear();
        std::io::stdin()
            .read_to_string(&mut text)
            .map_err(Error::file("-", "cannot read standard input as UTF-8 text"))?;
    }
    let options = Options {
        anchor_date: args.anchor_date,
        ..Options::default()
    };
    let explanation = explain(&text, &options);
    let mut out = std::io::stdout().lock();
    write!(out, "{explanation}")?;
    out.flush()?;
    let skipped = explanation.problems.iter().any(|p| p.severity == Severity::Error);
    Ok(Outcome::partial_if(skipped))
}
