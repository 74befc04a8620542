//! The `bulletin-facts` command: a thin shell over the library.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    cli::run()
}
