//! The `bulletin-facts` commands: argument handling over the library.

mod args;
mod batch;
mod check_cmd;
mod decode;
mod diff_cmd;
mod engine;
mod explain_cmd;
mod extract_cmd;
mod inputs;
mod output;
mod progress;
mod rows;
mod stream;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

/// Exit statuses: everything read (tables equal); something skipped (output still
/// written) or tables differ; nothing usable.
pub const EXIT_OK: u8 = 0;
pub const EXIT_SKIPPED: u8 = 1;
pub const EXIT_FATAL: u8 = 2;

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
    output::cleanup::on_interrupt();
    let code = match cli.command {
        Command::Extract(args) => extract_cmd::run(&args),
        Command::Diff(args) => diff_cmd::run(&args),
        Command::Check(args) => check_cmd::run(&args),
        Command::Explain(args) => explain_cmd::run(&args),
    };
    ExitCode::from(code)
}
