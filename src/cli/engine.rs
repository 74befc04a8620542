//! One run over the inputs, shared by `extract` and `check`: files read and extracted in
//! parallel, releases handed on in input order, duplicates dropped, problems shown, and
//! the closing summary.

use std::io;

use bulletin_facts::batch::{Dedup, Tally, ordered_map, reason};
use bulletin_facts::{Extraction, Options, ReleaseFacts, Severity, extract_text};

use super::args::RunArgs;
use super::inputs::{Pattern, Source, expand, read_text};
use super::progress::Progress;

/// Files in flight per thread: enough to keep every thread busy when file sizes vary,
/// few enough that memory does not grow with the number of files.
const WINDOW_PER_THREAD: usize = 4;

/// Why a run stopped early.
pub enum Stop {
    /// The options do not go together (a bad --glob, a bad --jobs).
    Usage(String),
    /// The sink could not write.
    Write(io::Error),
}

impl RunArgs {
    pub fn options(&self) -> Options {
        Options {
            anchor_date: self.anchor_date,
            kinds: self.kinds.clone(),
        }
    }
}

/// Reads every input and hands each kept release to `sink`, in input order.
pub fn run(args: &RunArgs, mut sink: impl FnMut(&str, &ReleaseFacts) -> io::Result<()>) -> Result<Tally, Stop> {
    let pattern = Pattern::new(&args.glob).map_err(Stop::Usage)?;
    let jobs = args.jobs.unwrap_or(0);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Stop::Usage(format!("--jobs {jobs}: {e}")))?;
    let options = args.options();
    let (sources, input_problems) = expand(&args.inputs, &pattern);
    let mut tally = Tally {
        files: sources.len() + input_problems.len(),
        ..Tally::default()
    };
    let progress = Progress::new(sources.len(), args.quiet);
    for message in &input_problems {
        progress.error(message);
        tally.skipped.push(reason(message));
    }
    let mut dedup = Dedup::default();
    let read = |source: &Source| -> (String, Result<Extraction, String>) {
        let name = source.name();
        let extraction = read_text(source, args.lossy).map(|(text, map)| {
            let mut ex = extract_text(&name, &text, &options);
            // With --lossy, offsets count the source's bytes, not the replacement characters.
            if !map.is_identity() {
                for r in &mut ex.releases {
                    r.offset = map.original(r.offset);
                    r.facts.iter_mut().for_each(|f| f.offset = map.original(f.offset));
                    r.warnings.iter_mut().for_each(|p| p.byte = map.original(p.byte));
                }
                ex.problems.iter_mut().for_each(|p| p.byte = map.original(p.byte));
            }
            ex
        });
        (name, extraction)
    };
    let window = pool.current_num_threads() * WINDOW_PER_THREAD;
    let done = ordered_map(&pool, &sources, window, read, |(name, extraction)| {
        progress.file_done();
        let ex = match extraction {
            Ok(ex) => ex,
            Err(message) => {
                progress.error(&message);
                tally.skipped.push(reason(&message));
                return Ok(());
            }
        };
        tally.files_read += 1;
        for p in ex.all_problems() {
            let line = p.display(&name).to_string();
            match p.severity {
                Severity::Error => progress.error(&line),
                Severity::Warning => progress.note(&line),
            }
        }
        tally.problems(&name, &ex);
        for r in &ex.releases {
            if args.keep_duplicates || dedup.keep(r) {
                tally.release(r);
                sink(&name, r)?;
            }
        }
        Ok(())
    });
    progress.finish();
    tally.duplicates = dedup.dropped;
    done.map_err(Stop::Write)?;
    progress.note(&tally.to_string());
    Ok(tally)
}
