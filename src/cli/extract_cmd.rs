//! `bulletin-facts extract`: inputs -> facts.csv.

use std::fmt::Write as _;
use std::io::Write as _;

use bulletin_facts::{Options, Severity, extract_text, write::CsvFacts};

use super::inputs::{expand, read_text};
use super::output::Output;
use super::{EXIT_FATAL, EXIT_OK, EXIT_SKIPPED, ExtractArgs};

pub fn run(args: &ExtractArgs) -> u8 {
    let options = Options {
        anchor_date: args.anchor_date,
        kinds: Vec::new(),
    };
    let (sources, mut input_problems) = expand(&args.inputs);
    let out = match Output::open(args.output.as_deref()) {
        Ok(o) => o,
        Err(e) => {
            let name = args
                .output
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            eprintln!("{name}: error: cannot create the output file: {e}");
            return EXIT_FATAL;
        }
    };
    let mut table = match CsvFacts::new(out) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot write the output: {e}");
            return EXIT_FATAL;
        }
    };
    let mut skipped = !input_problems.is_empty();
    for message in input_problems.drain(..) {
        eprintln!("{message}");
    }
    for source in &sources {
        let name = source.name();
        let (text, map) = match read_text(source, args.lossy) {
            Ok(t) => t,
            Err(message) => {
                eprintln!("{message}");
                skipped = true;
                continue;
            }
        };
        let extraction = extract_text(&name, &text, &options);
        // One write for all messages of an input: unbuffered stderr made a write per
        // piece of each message, which dominated on inputs with 100,000s of warnings.
        let mut messages = String::new();
        for mut p in extraction.all_problems() {
            p.byte = map.original(p.byte);
            let _ = writeln!(messages, "{}", p.display(&name));
            skipped |= p.severity == Severity::Error;
        }
        let _ = std::io::stderr().write_all(messages.as_bytes());
        for fact in extraction.facts() {
            // With --lossy, offsets count the source's bytes, not the replacement characters.
            let written = if map.is_identity() {
                table.write(fact)
            } else {
                let mut f = fact.clone();
                f.offset = map.original(f.offset);
                table.write(&f)
            };
            if let Err(e) = written {
                eprintln!("error: cannot write the output: {e}");
                return EXIT_FATAL;
            }
        }
    }
    let committed = table.finish().and_then(|out| out.commit());
    if let Err(e) = committed {
        eprintln!("error: cannot write the output: {e}");
        return EXIT_FATAL;
    }
    if skipped { EXIT_SKIPPED } else { EXIT_OK }
}
