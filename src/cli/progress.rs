//! What a run says on standard error while it goes: a progress bar on a terminal, the
//! problems of each input, without the two garbling each other.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressStyle};

/// Runs over at least this many files get a bar; shorter ones end before it would help.
const MANY_FILES: usize = 10;

pub struct Progress {
    bar: Option<ProgressBar>,
    quiet: bool,
}

impl Progress {
    pub fn new(files: usize, quiet: bool) -> Progress {
        let show = !quiet && files >= MANY_FILES && std::io::stderr().is_terminal();
        let bar = show.then(|| {
            let style = ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed} (eta {eta})")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            ProgressBar::new(files as u64).with_style(style)
        });
        Progress { bar, quiet }
    }

    /// An error: always shown.
    pub fn error(&self, message: &str) {
        match &self.bar {
            Some(bar) => bar.println(message),
            None => eprintln!("{message}"),
        }
    }

    /// A warning or the summary: not with --quiet.
    pub fn note(&self, message: &str) {
        if !self.quiet {
            self.error(message);
        }
    }

    pub fn file_done(&self) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
    }

    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
