//! One run over the inputs, shared by `extract` and `check`: each input read a part (a
//! release) at a time, the parts extracted in parallel, their rows written in input
//! order, duplicates dropped, problems shown, and the closing summary.
//!
//! Memory does not grow with the size or number of inputs, nor with the facts: the calling
//! thread reads parts and hands them to the workers in units of about [`UNIT`] bytes, at
//! most [`UNITS_PER_THREAD`] per thread in flight; each unit comes back with its rows
//! rendered (on the worker, so that the calling thread takes no core from the extraction)
//! and waits until the units before it are written. A unit's rows past [`SPILL_AT`] bytes
//! (a release of hundreds of thousands of figures) wait in a temporary file.

use std::borrow::Cow;
use std::collections::{BTreeMap, VecDeque};
use std::io::{self, Write};
use std::mem;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::mpsc;

use super::batch::Tally;
use super::dedup::{Dedup, Verdict};
use bulletin_facts::Problems;
use bulletin_facts::write::{Format, TableWriter, append_facts, append_more_facts};
use bulletin_facts::{Kind, Options, Problem, ProblemKind, ReleaseFacts, Severity, SharedStr, extract_part_between};

use super::args::RunArgs;
use super::inputs::Inputs;
use super::progress::Progress;
use super::rows::{self, guard_formulas};
use super::spill::{Rendered, SPILL_AT, Spilled};
use super::stream::{self, Part};

/// Bytes of text a worker takes at a time: enough that handing it over costs little,
/// little enough that the units in flight hold a few megabytes.
const UNIT: usize = 256 << 10;

/// What a part weighs besides its text, in bytes of a unit: a million empty releases made
/// units of a hundred thousand parts, each with its own buffers and messages.
const PART_WEIGHT: usize = 256;

/// Units in flight or waiting for their turn per thread: enough to keep every thread busy
/// when releases vary in size.
const UNITS_PER_THREAD: usize = 4;

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

/// What the calling thread gets, in reading order.
enum Piece<X> {
    /// The input cannot be read: the problem says why. Nothing follows.
    Unreadable(Problem),
    /// An input starts: its name.
    Start(String),
    /// The problems of a unit's parts as a whole (and of their skipped releases), its
    /// releases, and their rows one after the other.
    Unit(Vec<Problem>, Vec<Done<X>>, Rendered),
    /// An error that skipped the rest of the input.
    Stopped(Problem),
    /// Rows could not be rendered.
    Broken(io::Error),
    /// The input is read: its warnings about its bytes.
    End(Vec<Problem>),
}

/// One release, ready to write.
struct Done<X> {
    release_id: SharedStr,
    title: SharedStr,
    line: usize,
    offset: usize,
    /// The body, white space folded: what tells a copy from another release.
    body: SharedStr,
    /// Its facts of each kind, in the order of `Kind::ALL`.
    facts: [usize; Kind::ALL.len()],
    warnings: Vec<Problem>,
    /// Its rows' places in its unit's.
    rows: std::ops::Range<usize>,
    /// What the caller's `prepare` made of it.
    extra: Option<X>,
}

/// What became of a release under the duplicate rule.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fate {
    /// Its new id, when another release of the same date and title but another body came
    /// first.
    pub renamed: Option<String>,
    /// The id of the release it copies (same date, title and body), when it is a copy.
    pub copy_of: Option<String>,
    /// Whether its facts were written: not for a copy, unless duplicates are kept.
    pub written: bool,
}

/// What the caller's `sink` is handed, in reading order.
pub enum Sunk<'a, X> {
    /// What `prepare` made of a release, once it is judged, with its [`Fate`]:
    /// its new id when it was renamed, the release it copies, whether it was written.
    Release(&'a str, X, &'a Fate),
    /// The input was read to its end and its problems shown: what the sink holds back to
    /// show after them goes now.
    InputShown,
}

/// Reads every input and writes the facts of each kept release to `facts`, in input order;
/// `prepare` runs beside the extraction (on a worker thread) for each release, and `sink`
/// gets its result for each release, in order, once the release is judged (see
/// [`Sunk`]): a releases table is written as the facts are, not held until its input is
/// read (which held half a byte per byte of a long bulletin). `None` from `prepare` hands
/// the sink nothing. The release `prepare` sees has its `facts` only when
/// `prepare_reads_facts`: else rows are rendered without them, and they are empty. It is
/// also told how many facts the release has (its rows), either way.
pub fn run<W: Write, X: Send>(
    args: &RunArgs,
    inputs: &Inputs,
    facts: &mut TableWriter<W>,
    prepare: impl Fn(&str, &ReleaseFacts, usize) -> Option<X> + Sync,
    prepare_reads_facts: bool,
    sink: impl FnMut(Sunk<X>) -> io::Result<()>,
) -> Result<Tally, Stop> {
    run_in_units(
        args,
        inputs,
        facts,
        (prepare, prepare_reads_facts),
        sink,
        Sizes::DEFAULT,
    )
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

/// [`run`], in units of these sizes.
fn run_in_units<W: Write, X: Send>(
    args: &RunArgs,
    inputs: &Inputs,
    facts: &mut TableWriter<W>,
    (prepare, prepare_reads_facts): (impl Fn(&str, &ReleaseFacts, usize) -> Option<X> + Sync, bool),
    mut sink: impl FnMut(Sunk<X>) -> io::Result<()>,
    sizes: Sizes,
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
    for note in jobs_note
        .into_iter()
        .chain(inputs.warnings.iter().map(Problem::to_string))
    {
        progress.note(&note);
        tally.warnings += 1;
    }
    for problem in &inputs.errors {
        progress.error(&problem.to_string());
        tally.problem(problem);
    }
    let mut dedup = Dedup::default();
    // The input being written: its name and its problems so far.
    let mut name = String::new();
    let mut problems = Problems::default();
    let mut consume = |piece: Piece<X>| -> io::Result<()> {
        match piece {
            Piece::Unreadable(problem) => {
                progress.file_done();
                progress.error(&problem.to_string());
                tally.problem(&problem);
            }
            Piece::Start(source) => {
                name = source;
                problems = Problems::default();
            }
            Piece::Broken(e) => return Err(e),
            Piece::Stopped(p) => problems.push(p),
            Piece::Unit(found, releases, mut rendered) => {
                problems.extend(found);
                // Rows written as they were rendered, of releases one after another: one
                // write, not one copy into the writer's buffer per release. (A JSON array
                // puts a comma between releases' rows: written a release at a time.)
                let mut run = 0..0;
                let joins = format != Format::Json;
                dedup.reserve(releases.len());
                for done in releases {
                    let fate = judge(
                        &mut dedup,
                        &done,
                        &name,
                        args.keep_duplicates,
                        &mut problems,
                        &mut tally,
                    )?;
                    if fate.written {
                        problems.extend(done.warnings);
                        match &fate.renamed {
                            None if joins && run.end == done.rows.start => run.end = done.rows.end,
                            renamed => {
                                rendered.write(mem::take(&mut run), |rows, first| write(facts, rows, first))?;
                                match renamed {
                                    Some(id) => rendered.write(done.rows.clone(), |rows, first| {
                                        write(facts, &rows::rename(format, rows, &done.release_id, id), first)
                                    })?,
                                    None => run = done.rows.clone(),
                                }
                            }
                        }
                        tally.counted_release(&done.facts);
                    }
                    if let Some(extra) = done.extra {
                        sink(Sunk::Release(&name, extra, &fate))?;
                    }
                }
                rendered.write(run, |rows, first| write(facts, rows, first))?;
            }
            Piece::End(found) => {
                progress.file_done();
                tally.files_read += 1;
                problems.extend(found);
                // Problems in order of position, as `Extraction::all_problems` gives them.
                for p in &mem::take(&mut problems).into_sorted() {
                    let line = p.to_string();
                    match p.severity {
                        Severity::Error => progress.error(&line),
                        Severity::Warning => progress.note(&line),
                    }
                    tally.problem(p);
                }
                sink(Sunk::InputShown)?;
            }
        }
        Ok(())
    };
    let work = |source: &SharedStr, parts: Vec<Part>| {
        extract_unit(source, parts, (&options, format, sizes), &prepare, prepare_reads_facts)
    };
    let window = pool.current_num_threads() * UNITS_PER_THREAD;
    let done = pool.in_place_scope(|scope| {
        let (tx, rx) = mpsc::channel();
        let mut order = Order::new(window, rx);
        for source in sources {
            let mut stream = match stream::open(source, args.lossy, args.encoding) {
                Ok(stream) => stream,
                Err(problem) => {
                    order.put(Piece::Unreadable(problem), &mut consume)?;
                    continue;
                }
            };
            let name = SharedStr::from(source.name());
            order.put(Piece::Start(name.to_string()), &mut consume)?;
            let (mut parts, mut size) = (Vec::new(), 0);
            loop {
                let (part, stopped) = match stream.next_part() {
                    Ok(part) => (part, None),
                    Err(stopped) => (None, Some(stopped)),
                };
                let more = part.is_some();
                if let Some(part) = part {
                    size += part.text.len() + PART_WEIGHT;
                    parts.push(part);
                }
                if size >= sizes.unit || !more && !parts.is_empty() {
                    let (parts, source, tx, work) = (mem::take(&mut parts), name.clone(), tx.clone(), &work);
                    size = 0;
                    let seq = order.ticket(&mut consume)?;
                    scope.spawn(move |_| {
                        // A panic is handed on and raised on the calling thread.
                        let done = catch_unwind(AssertUnwindSafe(|| work(&source, parts)));
                        // The calling thread stopped (a write failed): nobody waits.
                        let _ = tx.send((seq, done));
                    });
                }
                if let Some(stopped) = stopped {
                    order.put(Piece::Stopped(stopped), &mut consume)?;
                }
                if !more {
                    break;
                }
            }
            order.put(Piece::End(stream.warnings()), &mut consume)?;
        }
        order.wait_below(1, &mut consume)
    });
    progress.finish();
    done.map_err(Stop::Write)?;
    progress.note(&tally.to_string());
    Ok(tally)
}

/// Whether a release is written, under which new id, and which release it copies. Says
/// why in `problems` and counts the dropped copies.
fn judge<X>(
    dedup: &mut Dedup,
    done: &Done<X>,
    source: &str,
    keep_duplicates: bool,
    problems: &mut Problems,
    tally: &mut Tally,
) -> io::Result<Fate> {
    let renamed = match dedup.judge(&done.release_id, &done.body, source, done.line)? {
        Verdict::Keep(renamed) => {
            if let Some(id) = &renamed {
                problems.push(Problem::warning(
                    ProblemKind::Duplicate,
                    done.line,
                    done.offset,
                    format!(
                        "release `{}` has the date and title of the one read at {place0} but another body: both \
                         are written, this one as {id}",
                        done.title,
                        place0 = dedup.place_of(&done.release_id)?.unwrap_or_default()
                    ),
                ));
            }
            renamed
        }
        Verdict::Copy {
            id,
            place: first,
            longer,
        } => {
            if longer && !keep_duplicates {
                problems.push(Problem::warning(
                    ProblemKind::Duplicate,
                    done.line,
                    done.offset,
                    format!(
                        "a longer copy of release {id}, first read at {first} as a shorter one; only the first \
                         read is written (--keep-duplicates writes both)"
                    ),
                ));
            }
            if !keep_duplicates {
                tally.duplicate(&format!("{source}:{}", done.line), &id);
            }
            return Ok(Fate {
                renamed: (id != done.release_id).then(|| id.clone()),
                copy_of: Some(id),
                written: keep_duplicates,
            });
        }
    };
    Ok(Fate {
        renamed,
        copy_of: None,
        written: true,
    })
}

/// The pieces of a run in reading order: pieces made on the calling thread are placed at
/// once, units extracted by workers when they come back; each is consumed once every piece
/// before it has been.
struct Order<P> {
    /// The number of the next piece placed, and of the next to consume.
    next: u64,
    next_out: u64,
    /// Pieces that wait for an earlier one.
    waiting: BTreeMap<u64, P>,
    /// Units handed to workers and not yet back.
    in_flight: usize,
    /// The numbers of the units handed out and not yet consumed, back or not; the most
    /// that may be. (Units back but waiting for a slow one before them held their rows,
    /// and a release of hundreds of thousands of figures let the others run far ahead.)
    unconsumed: VecDeque<u64>,
    window: usize,
    back: mpsc::Receiver<(u64, std::thread::Result<P>)>,
}

impl<P> Order<P> {
    fn new(window: usize, back: mpsc::Receiver<(u64, std::thread::Result<P>)>) -> Self {
        Order {
            next: 0,
            next_out: 0,
            waiting: BTreeMap::new(),
            in_flight: 0,
            unconsumed: VecDeque::new(),
            window: window.max(1),
            back,
        }
    }

    /// Places a piece made here.
    fn put(&mut self, piece: P, consume: &mut impl FnMut(P) -> io::Result<()>) -> io::Result<()> {
        self.waiting.insert(self.next, piece);
        self.next += 1;
        self.flush(consume)
    }

    /// The number of a unit about to be handed to a worker, once fewer than the window
    /// are handed out and not yet consumed.
    fn ticket(&mut self, consume: &mut impl FnMut(P) -> io::Result<()>) -> io::Result<u64> {
        self.wait_below(self.window, consume)?;
        self.in_flight += 1;
        self.unconsumed.push_back(self.next);
        self.next += 1;
        Ok(self.next - 1)
    }

    /// Takes units back until fewer than `limit` are handed out and not yet consumed (1:
    /// none), consuming what can be. A worker's panic is raised here.
    fn wait_below(&mut self, limit: usize, consume: &mut impl FnMut(P) -> io::Result<()>) -> io::Result<()> {
        // With none in flight, every unit is back and consumed: nothing to wait for.
        while self.unconsumed.len() >= limit && self.in_flight > 0 {
            let Ok((seq, done)) = self.back.recv() else {
                return Err(io::Error::other("a worker stopped"));
            };
            self.in_flight -= 1;
            match done {
                Ok(piece) => {
                    self.waiting.insert(seq, piece);
                }
                Err(panic) => resume_unwind(panic),
            }
            self.flush(consume)?;
        }
        Ok(())
    }

    fn flush(&mut self, consume: &mut impl FnMut(P) -> io::Result<()>) -> io::Result<()> {
        while let Some(piece) = self.waiting.remove(&self.next_out) {
            if self.unconsumed.front() == Some(&self.next_out) {
                self.unconsumed.pop_front();
            }
            self.next_out += 1;
            consume(piece)?;
        }
        Ok(())
    }
}

/// Extracts the releases of a unit's parts and renders their rows; offsets and lines are
/// moved from the parts' own to the input's.
fn extract_unit<X>(
    source: &SharedStr,
    parts: Vec<Part>,
    (options, format, sizes): (&Options, Format, Sizes),
    prepare: &impl Fn(&str, &ReleaseFacts, usize) -> Option<X>,
    prepare_reads_facts: bool,
) -> Piece<X> {
    let mut problems = Vec::new();
    // Room for the releases and their rows at once, not grown by copying: a release
    // starts at each separator (a text without any is one release), and rows run to about
    // three and a half times the text they come from (a sentence is written once for each
    // of its figures' rows).
    let text_len = parts.iter().map(|p| p.text.len()).sum::<usize>();
    let mut releases = Vec::with_capacity(parts.iter().map(|p| p.separators.len().max(1)).sum());
    let mut rendered = Rendered::with_capacity(text_len * 4);
    // Rows are rendered straight from each release's buffer, with no facts made, unless
    // `prepare` reads them.
    let straight = !prepare_reads_facts;
    // Why rows could not be moved to the unit's file.
    let mut broken = None;
    for part in parts {
        let place = |p: &mut Problem| {
            p.line = part.line_of(p.line);
            p.byte = part.original(p.byte);
        };
        let mut extracted = extract_part_between(source, &part.text, options, part.last, &part.separators);
        for mut p in mem::take(&mut extracted.problems) {
            place(&mut p);
            problems.push(p);
        }
        let original = |offset| part.original(offset);
        loop {
            let start = rendered.end();
            let Rendered { mem, spilled } = &mut rendered;
            // A release's rows past a chunk go to the file as they are rendered.
            let mut full = |rows: &mut Vec<u8>| {
                if let Err(e) = move_rows(format, rows, spilled) {
                    broken.get_or_insert(e);
                    rows.clear();
                }
            };
            let (mut r, counts) = if straight {
                match extracted.next_rows_in_chunks(format, &original, mem, sizes.spill_at, &mut full) {
                    Some((r, counts)) => (r, Some(counts)),
                    None => break,
                }
            } else {
                match extracted.next() {
                    Some(r) => (r, None),
                    None => break,
                }
            };
            r.offset = part.original(r.offset);
            r.line = part.line_of(r.line);
            r.facts.iter_mut().for_each(|f| f.offset = part.original(f.offset));
            r.warnings.iter_mut().for_each(place);
            match finished(source, r, counts, (format, sizes), prepare, start, &mut rendered) {
                Ok(done) => releases.push(done),
                Err(e) => return Piece::Broken(e),
            }
            // A unit of ordinary text never holds a chunk of rows: this is one of a release
            // with hundreds of thousands of figures, or of many with thousands.
            let moved = match rendered.mem.len() >= sizes.spill_at {
                true => rendered.spilled.take(&mut rendered.mem),
                false => Ok(()),
            };
            if let Some(e) = broken.take().or(moved.err()) {
                return Piece::Broken(e);
            }
        }
    }
    Piece::Unit(problems, releases, rendered)
}

/// Facts whose rows are rendered at once, when they are made from facts.
const FACTS_AT_ONCE: usize = 4096;

/// The sizes a run works in (tests try others).
#[derive(Debug, Clone, Copy)]
struct Sizes {
    /// Bytes of text a worker takes at a time.
    unit: usize,
    /// Bytes of a unit's rows held in memory before they go to its file.
    spill_at: usize,
    /// Facts rendered at once, when rows are made from facts.
    facts_at_once: usize,
}

impl Sizes {
    const DEFAULT: Sizes = Sizes {
        unit: UNIT,
        spill_at: SPILL_AT,
        facts_at_once: FACTS_AT_ONCE,
    };
}

/// Moves `rows` (whole rows) to a unit's file, guarded first for a spreadsheet (a row at
/// a time: guarding rows again changes nothing).
fn move_rows(format: Format, rows: &mut Vec<u8>, spilled: &mut Spilled) -> io::Result<()> {
    if format == Format::ExcelCsv {
        if let Cow::Owned(guarded) = guard_formulas(rows) {
            *rows = guarded;
        }
    }
    spilled.take(rows)
}

/// Writes rows to the table: the first of a release's (or of releases one after another)
/// as such, the rest as going on from them.
fn write<W: Write>(facts: &mut TableWriter<W>, rows: &[u8], first: bool) -> io::Result<()> {
    match first {
        true => facts.write_rendered(rows),
        false => facts.write_rendered_more(rows),
    }
}

/// A release with its rows rendered at the end of `rendered`: from its facts, or, with
/// their `counts` of each kind, rendered already from `start` on.
fn finished<X>(
    source: &str,
    r: ReleaseFacts,
    counts: Option<[usize; Kind::ALL.len()]>,
    (format, sizes): (Format, Sizes),
    prepare: &impl Fn(&str, &ReleaseFacts, usize) -> Option<X>,
    start: usize,
    rendered: &mut Rendered,
) -> io::Result<Done<X>> {
    let counts = match counts {
        Some(counts) => counts,
        None => {
            // A piece at a time, moved to the file past a chunk: a release of hundreds of
            // thousands of facts renders hundreds of megabytes of rows.
            for (n, facts) in r.facts.chunks(sizes.facts_at_once).enumerate() {
                match n {
                    0 => append_facts(format, facts, &mut rendered.mem)?,
                    _ => append_more_facts(format, facts, &mut rendered.mem)?,
                }
                if rendered.mem.len() >= sizes.spill_at {
                    move_rows(format, &mut rendered.mem, &mut rendered.spilled)?;
                }
            }
            let mut counts = [0; Kind::ALL.len()];
            for f in &r.facts {
                counts[f.kind as usize] += 1;
            }
            counts
        }
    };
    let extra = prepare(source, &r, counts.iter().sum());
    if format == Format::ExcelCsv {
        // Its rows still in memory: the ones moved to the file were guarded then.
        let from = start.saturating_sub(rendered.spilled.len());
        if let Cow::Owned(guarded) = guard_formulas(&rendered.mem[from..]) {
            rendered.mem.truncate(from);
            rendered.mem.extend_from_slice(&guarded);
        }
    }
    Ok(Done {
        release_id: r.release_id,
        title: r.title,
        line: r.line,
        offset: r.offset,
        body: r.body,
        facts: counts,
        warnings: r.warnings,
        rows: start..rendered.end(),
        extra,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::args::{Cli, Command};
    use crate::cli::inputs::{Pattern, expand};
    use bulletin_facts::write::{Format, facts_writer};
    use clap::Parser;

    /// The facts table and the release ids handed to `sink`, for `extract ARGS...` in
    /// units of `unit` bytes (the other sizes as they are).
    fn table(args: &[&str], format: Format, unit: usize) -> (Vec<u8>, Vec<String>) {
        let sizes = Sizes { unit, ..Sizes::DEFAULT };
        table_of(args, format, sizes, false)
    }

    /// [`table`], its rows rendered from facts made for `prepare` when `reads_facts`.
    fn table_of(args: &[&str], format: Format, sizes: Sizes, reads_facts: bool) -> (Vec<u8>, Vec<String>) {
        let cli = Cli::try_parse_from(["bulletin-facts", "extract", "-q"].iter().chain(args)).unwrap();
        let Command::Extract(args) = cli.command else {
            panic!("not extract")
        };
        let mut facts = facts_writer(Vec::new(), format).unwrap();
        let mut ids = Vec::new();
        let prepare = |_: &str, r: &ReleaseFacts, _| Some(r.release_id.to_string());
        // Written releases by their ids; dropped copies as `copy of ID`.
        let sink = |sunk: Sunk<String>| {
            if let Sunk::Release(_, id, fate) = sunk {
                ids.push(match (&fate.copy_of, fate.written) {
                    (Some(first), false) => format!("copy of {first}"),
                    _ => fate.renamed.clone().unwrap_or(id),
                });
            }
            Ok(())
        };
        let pattern = Pattern::new(&args.run.glob).unwrap();
        let inputs = expand(&args.run.inputs, &pattern, false);
        let run = run_in_units(&args.run, &inputs, &mut facts, (prepare, reads_facts), sink, sizes);
        assert!(run.is_ok());
        (facts.finish().unwrap(), ids)
    }

    #[test]
    fn rows_come_out_the_same_whatever_the_units_and_threads() {
        // The fixtures twice: the second copies are duplicates, dropped wherever they fall.
        for format in [Format::Csv, Format::Json, Format::ExcelCsv] {
            let want = table(&["fixtures", "fixtures", "--jobs", "1"], format, usize::MAX);
            // CSV rows rendered without facts are the rows of the facts.
            let sizes = Sizes {
                unit: 4 << 10,
                ..Sizes::DEFAULT
            };
            let of_facts = table_of(&["fixtures", "fixtures", "--jobs", "1"], format, sizes, true);
            assert_eq!(String::from_utf8_lossy(&want.0), String::from_utf8_lossy(&of_facts.0));
            assert!(want.0.len() > 10_000 && !want.1.is_empty());
            // A release per unit, a few per unit, and each input in one unit.
            // Rows kept in memory, and moved to a file after every row or few.
            for unit in [1, 4 << 10, usize::MAX] {
                for (jobs, spill_at) in [("1", SPILL_AT), ("2", SPILL_AT), ("5", SPILL_AT), ("2", 1), ("1", 300)] {
                    let sizes = Sizes {
                        unit,
                        spill_at,
                        ..Sizes::DEFAULT
                    };
                    let got = table_of(&["fixtures", "fixtures", "--jobs", jobs], format, sizes, false);
                    assert_eq!(
                        String::from_utf8_lossy(&want.0),
                        String::from_utf8_lossy(&got.0),
                        "{unit} {jobs} {spill_at}"
                    );
                    assert_eq!(want.1, got.1, "{unit} {jobs} {spill_at}");
                }
            }
            // Every release of the second reading is a dropped copy of one of the first.
            let (first, second) = want.1.split_at(want.1.len() / 2);
            assert!(first.iter().all(|id| !id.starts_with("copy of")));
            assert!(second.iter().all(|id| id.starts_with("copy of")));
            let sizes = Sizes {
                unit: 1,
                spill_at: 1,
                facts_at_once: 1,
            };
            let kept = table_of(
                &["fixtures", "fixtures", "--keep-duplicates", "--jobs", "3"],
                format,
                sizes,
                false,
            );
            assert_eq!(kept.1.len(), want.1.len());
            assert!(kept.1.iter().all(|id| !id.starts_with("copy of")));
        }
    }

    /// The sink has a release as soon as it is judged, while later ones are still to be
    /// read: a releases table is not held until its input is read. Its mismatches wait
    /// for the input's problems: `InputShown` comes once, after its last release.
    #[test]
    fn releases_reach_the_sink_while_their_input_is_read() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let dir = tempfile::tempdir().unwrap();
        // Releases of 11 KB: an input is cut into parts of 64 KB or more.
        let filler = "Lamp sales were flat. ".repeat(500);
        let release = |n: usize| format!("-\nTrade\nRelease {n}\nExports rose {n} percent. {filler}date2025-01-01\n");
        for (file, count) in [("a.txt", 100), ("b.txt", 3)] {
            std::fs::write(dir.path().join(file), (0..count).map(release).collect::<String>()).unwrap();
        }
        let input = dir.path().to_str().unwrap();
        let cli = Cli::try_parse_from(["bulletin-facts", "extract", "-q", input, "--jobs", "1"]).unwrap();
        let Command::Extract(args) = cli.command else {
            panic!("not extract")
        };
        let mut facts = facts_writer(Vec::new(), Format::Csv).unwrap();
        let read = AtomicUsize::new(0);
        let prepare = |_: &str, _: &ReleaseFacts, _| Some(read.fetch_add(1, Ordering::SeqCst) + 1);
        // For each event: releases read when it came, and what it was.
        let mut events = Vec::new();
        let sink = |sunk: Sunk<usize>| {
            let now = read.load(Ordering::SeqCst);
            events.push(match sunk {
                Sunk::Release(..) => (now, "release"),
                Sunk::InputShown => (now, "shown"),
            });
            Ok(())
        };
        let inputs = expand(&args.run.inputs, &Pattern::new(&args.run.glob).unwrap(), false);
        // A release a unit: a few units in flight at a time.
        let sizes = Sizes {
            unit: 1,
            ..Sizes::DEFAULT
        };
        let run = run_in_units(&args.run, &inputs, &mut facts, (prepare, false), sink, sizes);
        assert!(run.is_ok());
        let what: Vec<&str> = events.iter().map(|e| e.1).collect();
        let mut want = vec!["release"; 100];
        want.push("shown");
        want.extend(["release"; 3]);
        want.push("shown");
        assert_eq!(what, want);
        // The first release came while most of its input was still to be read (it came
        // once all 100 were read, when the sink waited for the input's end).
        assert!(events[0].0 < 50, "{:?}", events[0]);
    }

    /// Releases of thousands of figures in one overlong sentence, under one id (the second
    /// renamed, the third a copy), their rows moved to the unit's file in lots that split
    /// a release (rendered straight, or from more facts than are rendered at once), come
    /// out as when they are all held.
    #[test]
    fn rows_moved_to_a_file_come_out_as_rows_held() {
        let figures = |seed: usize| -> String {
            let figure = |n: usize| match (n + seed) % 3 {
                0 => format!("{} May {}", n % 28 + 1, 2000 + n % 30),
                1 => format!("=prices fell -{}.5 percent", n % 9),
                _ => format!("+{n},000 jobs"),
            };
            (0..3000).map(figure).collect::<Vec<_>>().join(", ")
        };
        let release = |body: &str| format!("-\nTrade\nA table\n{body} date 2025-01-01\n");
        let text = [figures(0), figures(1), figures(0)].map(|b| release(&b)).concat();
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("long.txt"), text).unwrap();
        let input = dir.path().to_str().unwrap();
        for format in [Format::Csv, Format::ExcelCsv, Format::Json, Format::Jsonl] {
            // All of a release's rows rendered at once, and held.
            let whole = Sizes {
                facts_at_once: usize::MAX,
                ..Sizes::DEFAULT
            };
            let want = table_of(&[input, "--jobs", "1"], format, whole, false);
            assert!(want.0.len() > 500_000, "{}", want.0.len());
            assert_eq!(want.1.len(), 3);
            assert!(
                want.1[1].ends_with("-2") && want.1[2].starts_with("copy of"),
                "{:?}",
                want.1
            );
            for (jobs, spill_at, facts_at_once) in [("1", 1, 1), ("2", 4096, 1000), ("3", 100_000, 2999)] {
                let sizes = Sizes {
                    unit: UNIT,
                    spill_at,
                    facts_at_once,
                };
                for reads_facts in [false, true] {
                    let got = table_of(&[input, "--jobs", jobs], format, sizes, reads_facts);
                    assert!(got.0 == want.0, "{format:?} {sizes:?} {reads_facts}");
                    assert_eq!(got.1, want.1);
                }
            }
        }
    }

    /// A unit back before a slow one ahead of it still counts against the window: the
    /// next is handed out only once the slow one is back and both are consumed.
    #[test]
    fn units_back_out_of_order_wait_within_the_window() {
        let (tx, rx) = mpsc::channel();
        let mut order = Order::new(2, rx);
        let out = std::cell::RefCell::new(Vec::new());
        let mut consume = |n: u32| {
            out.borrow_mut().push(n);
            Ok(())
        };
        order.put(0, &mut consume).unwrap();
        let (a, b) = (order.ticket(&mut consume).unwrap(), order.ticket(&mut consume).unwrap());
        tx.send((b, Ok(2))).unwrap();
        let late = tx.clone();
        let slow = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(50));
            late.send((a, Ok(1))).unwrap();
        });
        let c = order.ticket(&mut consume).unwrap();
        assert_eq!(*out.borrow(), [0, 1, 2], "handed out before the slow unit was consumed");
        tx.send((c, Ok(3))).unwrap();
        order.wait_below(1, &mut consume).unwrap();
        assert_eq!(*out.borrow(), [0, 1, 2, 3]);
        slow.join().unwrap();
    }

    #[test]
    fn pieces_are_consumed_in_order_whatever_order_units_come_back_in() {
        let (tx, rx) = mpsc::channel();
        let mut order = Order::new(8, rx);
        let mut out = Vec::new();
        let mut consume = |n: u32| {
            out.push(n);
            Ok(())
        };
        order.put(0, &mut consume).unwrap();
        let (a, b) = (order.ticket(&mut consume).unwrap(), order.ticket(&mut consume).unwrap());
        order.put(3, &mut consume).unwrap();
        tx.send((b, Ok(2))).unwrap();
        tx.send((a, Ok(1))).unwrap();
        order.wait_below(1, &mut consume).unwrap();
        assert_eq!(out, [0, 1, 2, 3]);
    }
}
