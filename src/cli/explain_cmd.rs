//! `bulletin-facts explain TEXT`: each figure of a snippet, marked in its sentence.

use std::io::Read;

use bulletin_facts::explain::explain;
use bulletin_facts::{Options, Severity};

use super::args::ExplainArgs;
use super::{EXIT_FATAL, EXIT_OK, EXIT_SKIPPED};

pub fn run(args: &ExplainArgs) -> u8 {
    let mut text = args.text.clone();
    if text == "-" {
        text.clear();
        if let Err(e) = std::io::stdin().read_to_string(&mut text) {
            eprintln!("-: error: cannot read standard input as UTF-8 text: {e}");
            return EXIT_FATAL;
        }
    }
    let options = Options {
        anchor_date: args.anchor_date,
        ..Options::default()
    };
    let explanation = explain(&text, &options);
    print!("{explanation}");
    let skipped = explanation.problems.iter().any(|p| p.severity == Severity::Error);
    if skipped { EXIT_SKIPPED } else { EXIT_OK }
}
