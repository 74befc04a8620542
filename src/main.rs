//! The `bulletin-facts` command: a thin shell over the library.

mod cli;

use std::process::ExitCode;

// A figure makes a handful of small strings; glibc's malloc and free took 15% of the
// instructions of a run, mimalloc about a third of that. Its v2: v3 commits memory ahead
// and held twice the peak memory (68 MB against 36 MB on one thread, 100 MB of input).
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    cli::run()
}
