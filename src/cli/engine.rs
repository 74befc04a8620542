//! One run over the inputs, shared by `extract` and `check`: files read and extracted in
//! parallel, a release at a time, their rows written in input order, duplicates dropped,
//! problems shown, and the closing summary.
//!
//! Memory does not grow with the number of inputs or of facts: a worker holds its input's
//! text (read whole) and one release's facts, renders its rows, and hands them on through a
//! queue. The input whose turn it is streams: the calling thread writes its rows while the
//! worker goes on. A later input queues a little ([`QUEUE_LIMIT`]), then writes its rows
//! into a temporary file that is copied out in turn.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::io::{self, BufReader, Write};
use std::mem;

use super::batch::{Dedup, Feed, Tally, Verdict, ordered_feeds, reason};
use bulletin_facts::Problems;
use bulletin_facts::write::{Format, TableWriter, rendered_facts};
use bulletin_facts::{Kind, Options, Problem, ReleaseFacts, Severity, extract_releases};
use tempfile::{NamedTempFile, TempPath};

use super::args::RunArgs;
use super::inputs::{Inputs, Source, read_text};
use super::progress::Progress;
use super::rows::{self, guard_formulas};

/// Inputs waiting for their turn per thread: enough to keep every thread busy when file
/// sizes vary, few enough that memory does not grow with the number of files.
const WINDOW_PER_THREAD: usize = 4;

/// Bytes of rows an input may queue in memory while it waits for its turn; the rest goes
/// to a temporary file.
const QUEUE_LIMIT: usize = 4 << 20;

/// Why a run stopped early.
pub enum Stop {
    /// The options do not go together (a bad --jobs).
    Usage(String),
    /// The sink could not write.
    Write(io::Error),
}

impl RunArgs {
    pub fn options(&self) -> Options {
        Options {
            anchor_date: self.anchor_date,
            kinds: self.kinds.clone(),
            dollar: self.dollar.clone(),
        }
    }
}

/// What a worker hands on for one input, in reading order.
enum Piece<X> {
    /// The input cannot be read: the message says why. Nothing follows.
    Unreadable(String),
    /// The input's name and its own problems (and its skipped releases').
    Start(String, Vec<Problem>),
    /// The temporary file where the rows of the releases that follow may be.
    Spool(Spool),
    Release(Done<X>),
    /// Rows could not be rendered.
    Broken(io::Error),
    /// Every release of the input has been handed on.
    End,
}

/// One release, ready to write.
struct Done<X> {
    release_id: String,
    title: String,
    line: usize,
    offset: usize,
    /// The body, white space folded: what tells a copy from another release.
    body: String,
    facts: BTreeMap<Kind, usize>,
    warnings: Vec<Problem>,
    rows: Rows,
    /// What the caller's `prepare` made of it.
    extra: X,
}

/// A release's fact rows: rendered, or the next `len` bytes of the input's spool.
enum Rows {
    Here(Vec<u8>),
    Spooled(u64),
}

/// Reads every input and writes the facts of each kept release to `facts`, in input order;
/// `prepare` runs beside the extraction (on a worker thread) for each release, and `sink`
/// gets its result for each kept release, in order, once the input's rows are written and
/// its problems shown, with the release's new id when it was renamed (another release of
/// the same date and title came first). (So `prepare` should make something small.)
pub fn run<W: Write, X: Send>(
    args: &RunArgs,
    inputs: &Inputs,
    facts: &mut TableWriter<W>,
    prepare: impl Fn(&str, &ReleaseFacts) -> X + Sync,
    sink: impl FnMut(&str, X, Option<&str>) -> io::Result<()>,
) -> Result<Tally, Stop> {
    run_queued(args, inputs, facts, prepare, sink, Limits::DEFAULT)
}

/// How much of a waiting input's rows stays in memory.
#[derive(Debug, Clone, Copy)]
struct Limits {
    /// Bytes of rows an input may queue in memory (tests spool everything with 0).
    queue: usize,
    /// Bytes of spooled rows written at a time (tests write each release with 1).
    spill_chunk: usize,
}

impl Limits {
    const DEFAULT: Limits = Limits {
        queue: QUEUE_LIMIT,
        spill_chunk: SPILL_CHUNK,
    };
}

/// The most threads `--jobs` starts: past the cores they only take memory (each holds
/// inputs), and thousands made a tiny run last minutes.
pub const MAX_JOBS: usize = 64;

/// The threads to run with, and a note when `--jobs` asked for more than [`MAX_JOBS`].
fn threads(jobs: Option<usize>) -> (usize, Option<String>) {
    match jobs {
        Some(n) if n > MAX_JOBS => (
            MAX_JOBS,
            Some(format!(
                "warning: --jobs {n} is more than {MAX_JOBS}; {MAX_JOBS} are used"
            )),
        ),
        Some(n) => (n, None),
        None => (0, None),
    }
}

/// [`run`], with the given limits.
fn run_queued<W: Write, X: Send>(
    args: &RunArgs,
    inputs: &Inputs,
    facts: &mut TableWriter<W>,
    prepare: impl Fn(&str, &ReleaseFacts) -> X + Sync,
    mut sink: impl FnMut(&str, X, Option<&str>) -> io::Result<()>,
    limits: Limits,
) -> Result<Tally, Stop> {
    let (jobs, jobs_note) = threads(args.jobs);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| Stop::Usage(format!("--jobs {jobs}: {e}")))?;
    let options = args.options();
    let format = facts.format();
    let sources = &inputs.sources;
    let mut tally = Tally {
        files: sources.len() + inputs.errors.len(),
        ..Tally::default()
    };
    let progress = Progress::new(sources.len(), args.quiet);
    for note in jobs_note.iter().chain(&inputs.warnings) {
        progress.note(note);
        tally.warnings += 1;
    }
    for message in &inputs.errors {
        progress.error(message);
        tally.skip(reason(message));
    }
    let work = |source: &Source, feed: &Feed<Piece<X>>| {
        let name = source.name();
        let (text, map, read_warnings) = match read_text(source, args.lossy, args.encoding) {
            Ok(read) => read,
            Err(message) => {
                feed.push(Piece::Unreadable(message), 0);
                return;
            }
        };
        // With --lossy or --encoding, offsets count the source's bytes, not the text's.
        let original = |offset: usize| map.original(offset);
        let mut releases = extract_releases(&name, &text, &options);
        let mut problems = mem::take(&mut releases.problems);
        problems.iter_mut().for_each(|p| p.byte = original(p.byte));
        problems.extend(read_warnings);
        feed.push(Piece::Start(name.clone(), problems), 0);
        let mut spill = Spill::new();
        for mut r in releases {
            // The folded body tells copies from other releases of the same date and title.
            let body = mem::take(&mut r.body);
            if !map.is_identity() {
                r.offset = original(r.offset);
                r.facts.iter_mut().for_each(|f| f.offset = original(f.offset));
                r.warnings.iter_mut().for_each(|p| p.byte = original(p.byte));
            }
            let mut counts = BTreeMap::new();
            for f in &r.facts {
                *counts.entry(f.kind).or_default() += 1;
            }
            let extra = prepare(&name, &r);
            // Rows are rendered here, on the worker: the calling thread only copies bytes
            // out, so that it takes no core from the extraction.
            let rows = match rendered_facts(format, &r.facts) {
                Ok(rows) if format == Format::ExcelCsv => match guard_formulas(&rows) {
                    Cow::Borrowed(_) => rows,
                    Cow::Owned(guarded) => guarded,
                },
                Ok(rows) => rows,
                Err(e) => {
                    feed.push(Piece::Broken(e), 0);
                    return;
                }
            };
            let done = |rows| Done {
                release_id: r.release_id,
                title: r.title,
                line: r.line,
                offset: r.offset,
                body,
                facts: counts,
                warnings: r.warnings,
                rows,
                extra,
            };
            // Releases held for the spool keep their place: none may pass them.
            if spill.held.is_empty() && rows.len() <= limits.queue.saturating_sub(feed.queued()) {
                let weight = rows.len();
                if !feed.push(Piece::Release(done(Rows::Here(rows))), weight) {
                    return;
                }
            } else {
                spill.hold(done(Rows::Spooled(rows.len() as u64)), &rows);
                if spill.rows.len() >= limits.spill_chunk && !spill.flush(feed) {
                    return;
                }
            }
        }
        if !spill.flush(feed) {
            return;
        }
        feed.push(Piece::End, 0);
    };
    let mut dedup = Dedup::default();
    // The input being written: its name, its problems so far, what `prepare` made of its
    // kept releases (handed to `sink` once its problems are shown), its spool.
    let mut name = String::new();
    let mut kept: Vec<(X, Option<String>)> = Vec::new();
    let mut problems = Problems::default();
    let mut spool: Option<Spool> = None;
    let window = pool.current_num_threads() * WINDOW_PER_THREAD;
    let done = ordered_feeds(&pool, sources, window, work, |piece| {
        match piece {
            Piece::Unreadable(message) => {
                progress.file_done();
                progress.error(&message);
                tally.skip(reason(&message));
            }
            Piece::Start(source, found) => {
                name = source;
                problems = Problems::default();
                problems.extend(found);
            }
            Piece::Spool(file) => spool = Some(file),
            Piece::Broken(e) => return Err(e),
            Piece::Release(done) => {
                problems.extend(done.warnings);
                let place = format!("{name}:{}", done.line);
                let (write, id) = match dedup.judge(&done.release_id, &done.body, &place)? {
                    Verdict::Keep(id) => {
                        if id != done.release_id {
                            problems.push(Problem::new(
                                Severity::Warning,
                                done.line,
                                done.offset,
                                &format!(
                                    "release `{}` has the date and title of the one read at {place0} but \
                                     another body: both are written, this one as {id}",
                                    done.title,
                                    place0 = dedup.place_of(&done.release_id).unwrap_or_default()
                                ),
                            ));
                        }
                        (true, id)
                    }
                    Verdict::Copy {
                        id,
                        place: first,
                        longer,
                    } => {
                        if longer && !args.keep_duplicates {
                            problems.push(Problem::new(
                                Severity::Warning,
                                done.line,
                                done.offset,
                                &format!(
                                    "a longer copy of release {id}, first read at {first} as a shorter one; \
                                     only the first read is written (--keep-duplicates writes both)"
                                ),
                            ));
                        }
                        if !args.keep_duplicates {
                            tally.duplicate(&place, &id);
                        }
                        (args.keep_duplicates, id)
                    }
                };
                let renamed = (id != done.release_id).then_some(id);
                let rename = |rows| renamed_rows(format, rows, &done.release_id, renamed.as_deref());
                match (done.rows, &mut spool) {
                    (Rows::Here(rows), _) if write => facts.write_rendered(&rename(&rows))?,
                    (Rows::Here(_), _) => {}
                    (Rows::Spooled(len), Some(file)) if write && renamed.is_some() => {
                        let mut rows = Vec::new();
                        io::Read::read_to_end(&mut io::Read::take(&mut file.reader, len), &mut rows)?;
                        facts.write_rendered(&rename(&rows))?;
                    }
                    (Rows::Spooled(len), Some(file)) if write => facts.write_rendered_from(&mut file.reader, len)?,
                    (Rows::Spooled(len), Some(file)) => {
                        file.reader.seek_relative(len as i64)?;
                    }
                    (Rows::Spooled(_), None) => return Err(io::Error::other("rows spooled without a spool")),
                }
                if write {
                    tally.counted_release(&done.facts);
                    kept.push((done.extra, renamed));
                }
            }
            Piece::End => {
                progress.file_done();
                tally.files_read += 1;
                spool = None;
                // Problems in order of position, as `Extraction::all_problems` gives them.
                for p in &mem::take(&mut problems).into_sorted() {
                    let line = p.display(&name).to_string();
                    match p.severity {
                        Severity::Error => progress.error(&line),
                        Severity::Warning => progress.note(&line),
                    }
                    tally.problem(&name, p);
                }
                for (extra, renamed) in kept.drain(..) {
                    sink(&name, extra, renamed.as_deref())?;
                }
            }
        }
        Ok(())
    });
    progress.finish();
    done.map_err(Stop::Write)?;
    progress.note(&tally.to_string());
    Ok(tally)
}

/// Rows with their release's id changed to `new`, when there is one.
fn renamed_rows<'r>(format: Format, rows: &'r [u8], old: &str, new: Option<&str>) -> Cow<'r, [u8]> {
    match new {
        Some(new) => Cow::Owned(rows::rename(format, rows, old, new)),
        None => Cow::Borrowed(rows),
    }
}

/// A temporary file of rows, as the calling thread reads it: in chunks as large as the
/// worker writes them.
struct Spool {
    reader: BufReader<std::fs::File>,
    /// Where the file is, where it cannot be removed while open: it goes when this drops.
    _path: Option<TempPath>,
}

/// A temporary file, with two handles (each its own position): the worker's to append
/// rows, the calling thread's to read them. Where the system allows it (Unix), its name
/// is removed at once: the open handles keep it, and a run that is killed leaves nothing.
fn new_spool(dir: &std::path::Path) -> io::Result<(std::fs::File, Spool)> {
    let file = NamedTempFile::new_in(dir)?;
    let reader = file.reopen()?;
    let (writer, path) = file.into_parts();
    let path = if cfg!(unix) {
        // Removed now (the handles keep the file); if that fails it stays until the run ends.
        let _ = path.close();
        None
    } else {
        Some(path)
    };
    let reader = BufReader::with_capacity(SPILL_CHUNK, reader);
    Ok((writer, Spool { reader, _path: path }))
}

/// Rows bound for the spool are written this many bytes at a time (one system call each,
/// where a write per release made a quarter of a million calls per 100 MB of input).
const SPILL_CHUNK: usize = 1 << 20;

/// A worker's releases bound for its input's spool, held until their rows make a chunk.
struct Spill<X> {
    /// The spool, made on first use and handed on.
    file: Option<std::fs::File>,
    /// The held releases' rows, one after another.
    rows: Vec<u8>,
    /// The held releases, in order, each with `Rows::Spooled` of its length.
    held: Vec<Done<X>>,
}

impl<X> Spill<X> {
    fn new() -> Self {
        Spill {
            file: None,
            rows: Vec::new(),
            held: Vec::new(),
        }
    }

    fn hold(&mut self, done: Done<X>, rows: &[u8]) {
        self.rows.extend_from_slice(rows);
        self.held.push(done);
    }

    /// Appends the held rows to the spool, then hands on the held releases; when no spool
    /// can be made or written, their rows go on in memory. False when nobody will read.
    fn flush(&mut self, feed: &Feed<Piece<X>>) -> bool {
        if self.held.is_empty() {
            return true;
        }
        if self.file.is_none() {
            if let Ok((writer, reader)) = new_spool(&std::env::temp_dir()) {
                if !feed.push(Piece::Spool(reader), 0) {
                    return false;
                }
                self.file = Some(writer);
            }
        }
        let written = self.file.as_mut().map(|file| file.write_all(&self.rows));
        let spooled = matches!(written, Some(Ok(())));
        if !spooled {
            // A spool that failed is left: the next flush starts a new one.
            self.file = None;
        }
        let mut at = 0;
        for mut done in self.held.drain(..) {
            let mut weight = 0;
            if !spooled {
                let len = match done.rows {
                    Rows::Spooled(len) => len as usize,
                    Rows::Here(_) => 0,
                };
                let rows = self.rows.get(at..at + len).unwrap_or_default().to_vec();
                at += len;
                weight = rows.len();
                done.rows = Rows::Here(rows);
            }
            if !feed.push(Piece::Release(done), weight) {
                return false;
            }
        }
        self.rows.clear();
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::{Cli, Command};
    use crate::cli::inputs::{Pattern, expand};
    use bulletin_facts::write::{Format, facts_writer};
    use clap::Parser;

    /// The facts table and the release ids handed to `sink`, for `extract ARGS...`.
    fn table(args: &[&str], format: Format, limits: Limits) -> (Vec<u8>, Vec<String>) {
        let cli = Cli::try_parse_from(["bulletin-facts", "extract", "-q"].iter().chain(args)).unwrap();
        let Command::Extract(args) = cli.command else {
            panic!("not extract")
        };
        let mut facts = facts_writer(Vec::new(), format).unwrap();
        let mut ids = Vec::new();
        let prepare = |_: &str, r: &ReleaseFacts| r.release_id.clone();
        let sink = |_: &str, id, _: Option<&str>| {
            ids.push(id);
            Ok(())
        };
        let pattern = Pattern::new(&args.run.glob).unwrap();
        let inputs = expand(&args.run.inputs, &pattern, false);
        let run = run_queued(&args.run, &inputs, &mut facts, prepare, sink, limits);
        assert!(run.is_ok());
        (facts.finish().unwrap(), ids)
    }

    #[test]
    fn a_spool_reads_back_what_was_appended_and_leaves_no_file_on_unix() {
        let dir = tempfile::tempdir().unwrap();
        let (mut writer, mut spool) = new_spool(dir.path()).unwrap();
        writer.write_all(b"first rows\n").unwrap();
        let mut got = vec![0; 6];
        std::io::Read::read_exact(&mut spool.reader, &mut got).unwrap();
        writer.write_all(b"second\n").unwrap();
        let mut rest = String::new();
        std::io::Read::read_to_string(&mut spool.reader, &mut rest).unwrap();
        assert_eq!((&got[..], rest.as_str()), (&b"first "[..], "rows\nsecond\n"));
        let left = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(left, if cfg!(unix) { 0 } else { 1 });
    }

    #[test]
    fn spooled_rows_come_out_as_queued_ones_in_every_format() {
        let queued = Limits {
            queue: usize::MAX,
            ..Limits::DEFAULT
        };
        // Everything spooled: each release written on its own, in chunks of a few
        // releases, and the whole input in one chunk.
        let spooled = [1, 4 << 10, usize::MAX].map(|spill_chunk| Limits { queue: 0, spill_chunk });
        // The fixtures twice: the second copies are duplicates, dropped from the spool too.
        for format in [Format::Csv, Format::Json] {
            let args = ["fixtures", "fixtures", "--jobs", "2"];
            let want = table(&args, format, queued);
            assert!(want.0.len() > 10_000 && !want.1.is_empty());
            for limits in spooled {
                let got = table(&args, format, limits);
                assert_eq!(
                    String::from_utf8_lossy(&want.0),
                    String::from_utf8_lossy(&got.0),
                    "{limits:?}"
                );
                assert_eq!(want.1, got.1, "{limits:?}");
                let kept = table(
                    &["fixtures", "fixtures", "--keep-duplicates", "--jobs", "3"],
                    format,
                    limits,
                );
                assert_eq!(kept.1.len(), 2 * want.1.len(), "{limits:?}");
            }
        }
    }
}
