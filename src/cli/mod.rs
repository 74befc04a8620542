//! The `bulletin-facts` commands: argument handling over the library.

mod args;
mod batch;
mod check_cmd;
mod decode;
mod dedup;
mod diff_cmd;
mod engine;
mod error;
mod explain_cmd;
mod extract_cmd;
mod inputs;
mod output;
mod progress;
mod rows;
mod side_tables;
mod spill;
mod stream;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

/// Parses the command line and runs the command.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // `--help` and `--version` print to standard output and succeed.
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    output::cleanup::on_interrupt();
    error::exit_status(match cli.command {
        Command::Extract(args) => extract_cmd::run(&args),
        Command::Diff(args) => diff_cmd::run(&args),
        Command::Check(args) => check_cmd::run(&args),
        Command::Explain(args) => explain_cmd::run(&args),
    })
}

/// Numbers drawn below `n` (`n > 0`) from a xorshift generator seeded `seed`: the
/// property tests' fixed, repeatable random cases.
#[cfg(test)]
fn xorshift(mut seed: u64) -> impl FnMut(u64) -> u64 {
    move |n| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    }
}
