//! Command-line arguments and the dispatch to each command.

mod extract_cmd;
mod inputs;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};

/// Exit statuses: everything read; something skipped (output still written); nothing usable.
pub const EXIT_OK: u8 = 0;
pub const EXIT_SKIPPED: u8 = 1;
pub const EXIT_FATAL: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "bulletin-facts",
    version,
    about = "Extract every figure of press-release bulletins into one normalized facts table (CSV).",
    long_about = None,
    after_help = "Exit status: 0 when every input was read, 1 when some input or release was skipped \
(the output still holds everything else), 2 on a usage error or when the output cannot be written."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract the facts table from bulletins.
    #[command(after_help = "Examples:\n  \
bulletin-facts extract fixtures/01_trade_monthly.txt\n  \
bulletin-facts extract bulletins/ -o facts.csv\n  \
cat news.txt | bulletin-facts extract --anchor-date 2025-11-19 > facts.csv")]
    Extract(ExtractArgs),
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// Bulletin files, directories (every *.txt inside, recursively, in sorted order) or `-`
    /// for standard input. Standard input when none is given.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// Write the table to FILE instead of standard output. The file appears complete or
    /// not at all: it is written beside its final name and renamed when done.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Release date for plain documents (no `-` separators) that carry no `date YYYY-MM-DD`;
    /// year-less dates in them are resolved against it.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub anchor_date: Option<NaiveDate>,

    /// Read inputs that are not valid UTF-8 anyway: bad bytes become U+FFFD (with a warning
    /// naming the first one) instead of the file being skipped.
    #[arg(long)]
    pub lossy: bool,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("`{s}` is not a date like 2025-11-19: {e}"))
}

/// Parses the command line and runs the command.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_FATAL } else { EXIT_OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let code = match cli.command {
        Command::Extract(args) => extract_cmd::run(&args),
    };
    ExitCode::from(code)
}
