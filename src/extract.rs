//! Releases -> sentences -> figures -> facts: the pipeline for one input text.

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::buffers::emptied;
use crate::grammar::date::{self, DateExpr};
use crate::grammar::{Figure, Val};
use crate::long_numbers::overlong_numbers;
use crate::model::{Fact, Kind, Period, Piece, Pieces, Section, Shared, SharedStr, Value};
use crate::period;
use crate::problem::{Problem, ProblemKind, Severity};
use crate::reader::{Release, SeparatorLine, read_part_between, separator_lines};
use crate::resolve::Resolver;
use crate::scan::{Found, append_figures_untensed};
use crate::sentences;
use crate::subject;
use crate::words::window_at;

/// What the caller wants extracted.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The release date of plain documents that carry none.
    pub anchor_date: Option<NaiveDate>,
    /// Only these kinds (all when empty).
    pub kinds: Vec<Kind>,
    /// What a bare `$` means: an ISO 4217 code (`HKD` for Hong Kong's releases); USD when
    /// `None`, as the spec reads `$`.
    pub dollar: Option<String>,
}

/// The facts of one release, with what was noticed while reading it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseFacts {
    pub release_id: SharedStr,
    pub release_date: Option<NaiveDate>,
    pub category: SharedStr,
    pub title: SharedStr,
    /// Byte offset and line of the release in its source.
    pub offset: usize,
    pub line: usize,
    /// The body with white space folded: what tells a copy of a release from another
    /// release of the same date and title (spec section 1).
    pub body: SharedStr,
    /// The period the release reports on (spec section 3a), and the end of a span.
    pub period: Option<Period>,
    pub period_end: Option<Period>,
    pub facts: Vec<Fact>,
    pub warnings: Vec<Problem>,
}

/// Everything read from one input.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Extraction {
    pub releases: Vec<ReleaseFacts>,
    /// Problems of the input as a whole and of skipped releases.
    pub problems: Vec<Problem>,
}

impl Extraction {
    /// All facts, in reading order.
    pub fn facts(&self) -> impl Iterator<Item = &Fact> {
        self.releases.iter().flat_map(|r| r.facts.iter())
    }

    /// Every problem: the input's and the releases' warnings, in order of position.
    pub fn all_problems(&self) -> Vec<Problem> {
        let mut all: Vec<Problem> = self
            .problems
            .iter()
            .chain(self.releases.iter().flat_map(|r| r.warnings.iter()))
            .cloned()
            .collect();
        all.sort_by_key(|p| (p.byte, p.line));
        all
    }

    /// True when some release or input was skipped.
    pub fn skipped_anything(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// `YYYY-MM-DD-` + 16 lowercase hex digits of XXH3-64 (seed 0; a hash fixed by its own
/// specification, so ids never change) over the title with white space folded;
/// `undated-` + the same digits without a release date. (CRC-32 ids collided: two of
/// 88,000 titles of one date.)
pub fn release_id(date: Option<NaiveDate>, title: &str) -> String {
    let mut id = String::with_capacity(27);
    push_release_id(date, &fold_space(title), &mut id);
    id
}

/// Bytes of a release id after its date: `-` and 16 hex digits.
const ID_HASH_LEN: usize = 17;

/// [`release_id`], appended to `id`, of the title with its white space folded.
fn push_release_id(date: Option<NaiveDate>, folded_title: &str, id: &mut String) {
    let hash = xxhash_rust::xxh3::xxh3_64(folded_title.as_bytes());
    // Written piece by piece: `format!` with `{:016x}` cost near a thousand instructions a
    // release. `-` and the digits made on the stack.
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut digits = [b'-'; ID_HASH_LEN];
    for (n, d) in digits[1..].iter_mut().enumerate() {
        *d = HEX[(hash >> (60 - 4 * n)) as usize & 0xf];
    }
    // A dated id (a year of four digits) made whole on the stack and pushed in one copy:
    // the date through `Period`'s text and the two pieces' checks cost twice as much.
    if let Some(day) = date.and_then(crate::model::day_iso) {
        let mut whole = [0; crate::model::DAY_LEN + ID_HASH_LEN];
        let (head, tail) = whole.split_at_mut(crate::model::DAY_LEN);
        head.copy_from_slice(&day);
        tail.copy_from_slice(&digits);
        return id.push_str(crate::words::ascii_text(&whole).unwrap_or_default());
    }
    match date {
        Some(d) => Period::Day(d).push_to(id),
        None => id.push_str("undated"),
    }
    id.push_str(crate::words::ascii_text(&digits).unwrap_or_default());
}

/// White space runs -> one space, trimmed. Borrowed when there is nothing to fold (most
/// sentences): no copy is made for them.
pub fn fold_space(s: &str) -> Cow<'_, str> {
    if is_folded(s) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(fold_runs(s))
}

/// What a byte is to the fold: part of a word, ASCII white space, or the lead byte of a
/// character that may be white space (U+0085, U+00A0, U+1680, U+2000..U+205F, U+3000).
const WORD: u8 = 0;
const SPACE: u8 = 1;
const MAYBE_SPACE: u8 = 2;
static FOLD_CLASS: [u8; 256] = {
    let mut t = [WORD; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            c if crate::words::ascii_space(c) => SPACE,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => MAYBE_SPACE,
            _ => WORD,
        };
        b += 1;
    }
    t
};

/// The length of the white-space character at `at` (a byte of `s`), 0 if there is none.
fn space_len(s: &str, at: usize) -> usize {
    match s.as_bytes().get(at).map(|&b| FOLD_CLASS[b as usize]) {
        Some(SPACE) => 1,
        Some(MAYBE_SPACE) => s
            .get(at..)
            .and_then(|r| r.chars().next())
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

/// `s.split_whitespace()` joined by single spaces. Text is copied in runs that have
/// nothing to fold (words and the single spaces between them), found from masks of 64
/// bytes at a time; only where a run may end (see `fold_marks`) are the bytes looked at.
fn fold_runs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_runs_into(s, &mut out, |_, _| {});
    out
}

/// [`fold_runs`], appended to `out`. Each run of text copied as it is (words and single
/// spaces) is handed to `run` first: where it starts in `s`, and in `out`.
fn fold_runs_into(s: &str, out: &mut String, mut run_at: impl FnMut(usize, usize)) {
    let b = s.as_bytes();
    let start = out.len();
    let mut pos = 0;
    while let n @ 1.. = space_len(s, pos) {
        pos += n;
    }
    let mut run = pos;
    let mut block = pos;
    while block < b.len() {
        let mut marks = fold_marks(b, block);
        while marks != 0 {
            let at = block + marks.trailing_zeros() as usize;
            marks &= marks - 1;
            // Passed over with the white space before it, or no white space.
            if at < pos || space_len(s, at) == 0 {
                continue;
            }
            // White space at `at` (a character boundary) ends the run.
            run_at(run, out.len());
            out.push_str(s.get(run..at).unwrap_or_default());
            pos = at;
            while let n @ 1.. = space_len(s, pos) {
                pos += n;
            }
            if pos < b.len() && out.len() > start {
                out.push(' ');
            }
            run = pos;
        }
        block = (block + 64).max(pos);
    }
    run_at(run, out.len());
    out.push_str(s.get(run..).unwrap_or_default());
}

/// Where the folded form of `span` of a text stands in the text's fold, from the runs
/// `fold_runs_into` noted (in order, with where each landed). A span that starts and ends
/// with a word (a trimmed sentence) folds to the same words and single spaces as the
/// whole text does there: its fold is that piece of the text's, no fold of its own needed.
/// (Each end's run searched for: the oracle of [`Landing`].)
#[cfg(test)]
fn folded_span(runs: &[(usize, usize)], span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
    // A byte of the text lands as far into its run's copy as it is into the run.
    let landed = |at: usize| {
        let n = runs.partition_point(|&(from, _)| from <= at);
        runs.get(n.wrapping_sub(1)).map_or(0, |&(from, to)| to + (at - from))
    };
    if span.is_empty() {
        return 0..0;
    }
    landed(span.start)..landed(span.end - 1) + 1
}

/// Where spans of a text stand in its fold (see `folded_span`), asked for in reading
/// order (a release's sentences): the run of each end is found by walking on from the
/// last one's, not searched for from the start again (half a sentence column's cost went
/// into the two searches).
struct Landing<'a> {
    runs: &'a [(usize, usize)],
    /// Runs `..next` start at or before the last byte asked for.
    next: std::cell::Cell<usize>,
}

impl<'a> Landing<'a> {
    fn new(runs: &'a [(usize, usize)]) -> Self {
        Landing {
            runs,
            next: std::cell::Cell::new(0),
        }
    }

    /// [`folded_span`] of `span`.
    fn span(&self, span: &std::ops::Range<usize>) -> std::ops::Range<usize> {
        if span.is_empty() {
            return 0..0;
        }
        self.landed(span.start)..self.landed(span.end - 1) + 1
    }

    /// Where byte `at` of the text lands in its fold.
    fn landed(&self, at: usize) -> usize {
        let runs = self.runs;
        let mut n = self.next.get();
        // Asked for a byte before the last one: searched for.
        if n > 0 && runs.get(n - 1).is_some_and(|&(from, _)| from > at) {
            n = runs.partition_point(|&(from, _)| from <= at);
        }
        while runs.get(n).is_some_and(|&(from, _)| from <= at) {
            n += 1;
        }
        self.next.set(n);
        runs.get(n.wrapping_sub(1)).map_or(0, |&(from, to)| to + (at - from))
    }
}

/// Bit `i` set where folding may have to happen at byte `from + i` of `b`: an ASCII
/// control, a non-ASCII byte, or a space before either or before another space (or before
/// the end). A false mark only costs a look at one byte.
fn fold_marks(b: &[u8], from: usize) -> u64 {
    // Read in place where 64 bytes remain (a copy of them was a call to `memcpy`).
    let padded: [u8; 64];
    let window = match b.get(from..).and_then(<[u8]>::first_chunk::<64>) {
        Some(whole) => whole,
        None => {
            padded = window_at(b, from);
            &padded
        }
    };
    let (odd, space) = crate::words::unprintable_and_spaces(window);
    // The byte after each: at or below a space, or not ASCII (the end reads as `0`).
    let after = b.get(from + 64).copied().unwrap_or(0);
    let next_loud = (odd | space) >> 1 | u64::from(after <= b' ' || after >= 0x80) << 63;
    // The padding past the end is no byte of the text.
    let valid = match b.len() - from {
        n if n < 64 => (1 << n) - 1,
        _ => u64::MAX,
    };
    (odd | space & next_loud) & valid
}

/// True when `s` has no white space to fold (most sentences: single ASCII spaces only).
/// One pass over the byte pairs, written as a fold without early exit so that it
/// vectorizes, finds a run of spaces, an ASCII control (`\t`, `\n`...) and any non-ASCII
/// byte; only then are the non-ASCII white spaces looked for: they start with 0xC2
/// (U+0085, U+00A0) or 0xE1..=0xE3 (U+1680, U+2000..U+205F, U+3000) and are decoded there
/// to tell them from `’`.
fn is_folded(s: &str) -> bool {
    let b = s.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return true;
    };
    if first == b' ' || last == b' ' {
        return false;
    }
    const FOLD: u8 = 1;
    const HIGH: u8 = 2;
    let flag = |x: u8| u8::from(x < 0x20) | (u8::from(x >= 0x80) << 1);
    let flags = b
        .iter()
        .zip(b.get(1..).unwrap_or_default())
        .fold(flag(last), |acc, (&x, &y)| {
            acc | flag(x) | u8::from((x == b' ') & (y == b' '))
        });
    if flags & FOLD != 0 {
        return false;
    }
    let unicode_space = |lead: usize| {
        s.get(lead..)
            .and_then(|r| r.chars().next())
            .is_some_and(char::is_whitespace)
    };
    flags & HIGH == 0
        || !(memchr::memchr3_iter(0xc2, 0xe2, 0xe3, b).any(unicode_space)
            || memchr::memchr_iter(0xe1, b).any(unicode_space))
}

/// Extracts the facts of one input text. `source` names it in rows and messages.
pub fn extract_text(source: &str, text: &str, options: &Options) -> Extraction {
    let mut releases = extract_releases(source, text, options);
    let problems = std::mem::take(&mut releases.problems);
    Extraction {
        releases: releases.collect(),
        problems,
    }
}

/// Extracts the facts of one input text a release at a time, so that a caller holds one
/// release's facts, not the whole text's: the releases come in reading order, each
/// extracted when the iterator is advanced.
pub fn extract_releases<'a>(source: &str, text: &'a str, options: &'a Options) -> Releases<'a> {
    extract_part(source, text, options, true)
}

/// [`extract_releases`] on a part of an input text, for a reader that streams it: the part
/// starts at a line and, unless it is the `last`, ends just before a `-` separator line
/// (the first part holds whatever comes before the first release). Offsets and lines
/// count from the part's start; the caller shifts them.
/// (`source` is taken as a [`SharedStr`] so that a caller reading many parts of one
/// input names them all with one string.)
pub fn extract_part<'a>(source: impl Into<SharedStr>, text: &'a str, options: &'a Options, last: bool) -> Releases<'a> {
    extract_part_between(source, text, options, last, &separator_lines(text))
}

/// [`extract_part`] told where the part's separator lines are (the reader that cut the
/// part has seen them all), so that the lines of its bodies are not walked again.
pub fn extract_part_between<'a>(
    source: impl Into<SharedStr>,
    text: &'a str,
    options: &'a Options,
    last: bool,
    separators: &[SeparatorLine],
) -> Releases<'a> {
    let source = source.into();
    let (releases, mut problems) = read_part_between(text, options.anchor_date, last, separators);
    problems.extend(overlong_numbers(text));
    for p in &mut problems {
        p.path = source.to_string();
    }
    Releases {
        source,
        lines: LineIndex::new(text),
        releases: releases.into_iter(),
        options,
        problems,
    }
}

/// The releases of one input text, extracted as they are taken (see [`extract_releases`]).
pub struct Releases<'a> {
    source: SharedStr,
    lines: LineIndex<'a>,
    releases: std::vec::IntoIter<Release<'a>>,
    options: &'a Options,
    /// Problems of the input as a whole and of skipped releases, known once it is read.
    pub problems: Vec<Problem>,
}

impl Iterator for Releases<'_> {
    type Item = ReleaseFacts;

    fn next(&mut self) -> Option<ReleaseFacts> {
        let r = self.releases.next()?;
        Some(Scratch::with(|scratch| {
            extract_release(scratch, &self.source, &self.lines, &r, self.options, None)
        }))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.releases.size_hint()
    }
}

impl Releases<'_> {
    /// The next release, its rows rendered as CSV at the end of `out` (`\r\n` line ends
    /// when `crlf`; each row's offset as `offset` gives it) instead of made into its
    /// `facts`, which stay empty; with the number of rows of each kind, in the order of
    /// [`Kind::ALL`]. The rows are the bytes `write::append_facts` writes for its facts.
    pub fn next_csv(
        &mut self,
        crlf: bool,
        offset: &dyn Fn(usize) -> usize,
        out: &mut Vec<u8>,
    ) -> Option<(ReleaseFacts, [usize; Kind::ALL.len()])> {
        let r = self.releases.next()?;
        let mut sink = CsvSink {
            crlf,
            offset,
            out,
            counts: [0; Kind::ALL.len()],
        };
        let release = Scratch::with(|scratch| {
            extract_release(scratch, &self.source, &self.lines, &r, self.options, Some(&mut sink))
        });
        Some((release, sink.counts))
    }
}

/// Line numbers of byte offsets, asked for in order (a text's warnings): the line breaks
/// are counted on from the last offset asked for. One asked for before it builds an index
/// of them all, once per text: counting from the start for every warning was quadratic
/// on a long text full of warnings, and building the index for a text with a warning or
/// two cost more than the count.
struct LineIndex<'a> {
    text: &'a str,
    /// Where the breaks were last counted to, and the line there.
    counted: std::cell::Cell<(usize, usize)>,
    breaks: std::cell::OnceCell<Vec<usize>>,
}

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> Self {
        LineIndex {
            text,
            counted: std::cell::Cell::new((0, 1)),
            breaks: std::cell::OnceCell::new(),
        }
    }

    /// Line number (1-based) of a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        let (at, line) = self.counted.get();
        let to = offset.min(bytes.len());
        if self.breaks.get().is_none() && at <= to {
            let line = line + memchr::memchr_iter(b'\n', bytes.get(at..to).unwrap_or_default()).count();
            self.counted.set((to, line));
            return line;
        }
        let breaks = self.breaks.get_or_init(|| memchr::memchr_iter(b'\n', bytes).collect());
        breaks.partition_point(|&b| b < offset) + 1
    }
}

/// Longest `sentence` column written whole. A longer "sentence" (a text with no full stops)
/// is shown as a window around each figure: copying all of it into every row made output
/// and memory grow with the square of its length.
const MAX_SENTENCE: usize = 1024;
const SENTENCE_WINDOW: usize = 200;

/// The `title` column: the title, or for an overlong one (a plain document whose first line
/// is the whole text) its head, so that rows stay small. The release id hashes it whole.
fn title_column(title: &str, pieces: &mut Pieces) -> Piece {
    if title.len() <= MAX_SENTENCE {
        return pieces.push(title);
    }
    let cut = (0..=SENTENCE_WINDOW)
        .rev()
        .find(|&p| title.is_char_boundary(p))
        .unwrap_or(0);
    pieces.write(|buf| {
        buf.push_str(title[..cut].trim_end());
        buf.push('…');
    })
}

/// The `sentence` column for a figure at `start..end` of an overlong `sentence` (its
/// folded form longer than `MAX_SENTENCE`): the words around the figure.
fn sentence_column(sentence: &str, start: usize, end: usize, pieces: &mut Pieces) -> Piece {
    let from = (start.saturating_sub(SENTENCE_WINDOW)..=start)
        .find(|&p| sentence.is_char_boundary(p))
        .unwrap_or(start);
    let to = (end..=(end + SENTENCE_WINDOW).min(sentence.len()))
        .rev()
        .find(|&p| sentence.is_char_boundary(p))
        .unwrap_or(end);
    pieces.write(|buf| {
        if from > 0 {
            buf.push('…');
        }
        buf.push_str(&fold_space(&sentence[from..to]));
        if to < sentence.len() {
            buf.push('…');
        }
    })
}

/// A release's facts (or, with `csv`, its rows rendered), read with the vectors `scratch`,
/// left as the release used them.
fn extract_release(
    scratch: &mut Scratch,
    source: &SharedStr,
    lines: &LineIndex,
    r: &Release,
    options: &Options,
    csv: Option<&mut CsvSink>,
) -> ReleaseFacts {
    let Scratch {
        spans,
        read: read_kept,
        sentences: sentences_kept,
        found: all,
        runs,
        valued,
        subjects,
        items,
        timings,
        rows,
        windows,
        pieces,
    } = scratch;
    // The columns of the release's rows, its own first: every string of them goes into
    // one buffer, shared by the rows once they are all read.
    // The title folded once: for its id, and for the sentence column of its figures.
    let title_folded = fold_space(r.title);
    let id = pieces.write(|buf| push_release_id(r.date, &title_folded, buf));
    // The id starts with the release date: its column is that piece of the id's.
    let date = r.date.map_or(0..0, |_| id.start..id.end.saturating_sub(ID_HASH_LEN));
    let category = pieces.push(r.category);
    let title = title_column(r.title, pieces);
    // A body has line breaks to fold: no need to look first. Where its runs land gives
    // each sentence's fold as a piece of the body's.
    let body = pieces.write(|buf| fold_runs_into(r.body, buf, |from, to| runs.push((from, to))));
    let mut out = ReleaseFacts {
        release_id: SharedStr::default(),
        release_date: r.date,
        category: SharedStr::default(),
        title: SharedStr::default(),
        offset: r.offset,
        line: r.line,
        body: SharedStr::default(),
        period: None,
        period_end: None,
        facts: Vec::new(),
        warnings: Vec::new(),
    };
    let mut resolver = Resolver::new(r.date);
    // Every sentence's figures are found and their values read first (dates resolved in
    // reading order), so that each figure's period can look at the sentences around it,
    // and the release's rows are allocated once.
    let wrapped = sentences::split_into(r.body, spans);
    let spans = &spans[..];
    let dollar = options.dollar.as_deref().unwrap_or(crate::grammar::DEFAULT_DOLLAR);
    let mut paragraph = paragraph_numbers(r.body, wrapped);
    let last = spans.len().saturating_sub(1);
    // The release's figures, sentence after sentence: each `Read` names its range.
    let mut scan = |section, text, offset, paragraph, cut| {
        let first = all.len();
        append_figures_untensed(text, cut, dollar, all);
        // Figures in the release's metadata line are none of the text's.
        let in_meta = |f: &Found| {
            let at = offset + f.text_start;
            r.meta
                .as_ref()
                .is_some_and(|m| at < m.end && m.start < offset + f.figure.end)
        };
        let mut kept = first;
        for n in first..all.len() {
            if !in_meta(&all[n]) {
                // Moved only behind a figure left out: a swap in place still copied it.
                if kept != n {
                    all.swap(kept, n);
                }
                kept += 1;
            }
        }
        all.truncate(kept);
        Read {
            section,
            text,
            offset,
            paragraph,
            found: first..kept,
        }
    };
    let mut read: Vec<Read> = emptied(std::mem::take(read_kept));
    read.push(scan(Section::Title, r.title, r.title_offset, None, false));
    for (n, span) in spans.iter().enumerate() {
        let sentence = &r.body[span.clone()];
        read.push(scan(
            Section::Body,
            sentence,
            r.body_offset + span.start,
            Some(paragraph(span)),
            r.cut && n == last,
        ));
    }
    // Every figure's values, in reading order: one vector for the release, each
    // sentence's the next `found.len()` of them. Its subject goes straight into the buffer
    // of the release's strings; `subjects` says where.
    for s in &read {
        if !s.found.is_empty() {
            // The body before the sentence: a pronoun's antecedent may stand there.
            let before = match s.section {
                Section::Body => r.body.get(..s.offset.saturating_sub(r.body_offset)).unwrap_or(""),
                Section::Title => "",
            };
            subject::subjects_after(before, s.text, &all[s.found.clone()], pieces.buf(), subjects);
        }
        // The sentence's tense, read once, and only for a date it moves.
        let mut said_of_the_past = None;
        let mut past = || *said_of_the_past.get_or_insert_with(|| date::said_of_the_past(s.text));
        let values = all[s.found.clone()].iter_mut().map(|f| {
            let offset = s.offset + f.text_start;
            let written = &s.text[f.text_start..f.figure.end];
            values(&mut f.figure, written, &mut resolver, &mut past, |m| {
                out.warnings
                    .push(Problem::warning(ProblemKind::Value, lines.line_of(offset), offset, m).with_path(source));
            })
        });
        valued.extend(values);
    }
    period_items(&read, all, valued, items);
    let mut sentences: Vec<period::Sentence> = emptied(std::mem::take(sentences_kept));
    period_sentences(&read, items, &mut sentences);
    let release_period = period::place(&sentences, timings);
    *sentences_kept = emptied(sentences);
    (out.period, out.period_end) = release_period.map_or((None, None), |(p, end, _)| (Some(p), end));
    let release = [id, date, category, title];
    let figures = Figures {
        read: &read,
        found: all,
        valued,
        subjects,
        timings,
        column: SentenceColumn {
            body: body.clone(),
            body_offset: r.body_offset,
            runs: Landing::new(runs),
            title: &title_folded,
        },
    };
    // The buffer is shared once its rows are rendered or made facts of.
    let shared = match csv {
        Some(csv) => {
            csv.render(&figures, pieces, windows, release.clone(), source, options);
            pieces.share()
        }
        None => {
            rows_of(&figures, pieces, rows, options);
            let shared = pieces.share();
            out.facts = facts_of(rows, &shared, release.clone(), source);
            shared
        }
    };
    all.clear();
    valued.clear();
    timings.clear();
    subjects.clear();
    *read_kept = emptied(read);
    let [id, _, category, title] = release;
    (out.release_id, out.category, out.title, out.body) = (
        shared.get(id),
        shared.get(category),
        shared.get(title),
        shared.get(body),
    );
    out
}

/// The facts of a release's `rows`, their strings pieces of the release's `shared` buffer:
/// `release` says where its id, date, category and title stand in it.
fn facts_of(rows: &mut Vec<Row>, shared: &Shared, release: [Piece; 4], source: &SharedStr) -> Vec<Fact> {
    let [id, date, category, title] = release.map(|piece| shared.get(piece));
    // The rows of a sentence share its piece: cut once, counted again for each.
    let mut sentence = (0..0, SharedStr::default());
    rows.drain(..)
        .map(|row| {
            if row.sentence != sentence.0 {
                sentence = (row.sentence.clone(), shared.get(row.sentence));
            }
            Fact {
                release_id: id.clone(),
                release_date: date.clone(),
                category: category.clone(),
                title: title.clone(),
                section: row.section,
                kind: row.kind,
                value: row.value,
                value_end: row.value_end,
                unit: shared.get(row.unit),
                qualifier: row.qualifier,
                direction: row.direction,
                subject: shared.get(row.subject),
                period: row.timing.period,
                period_end: row.timing.period_end,
                basis: row.timing.basis,
                period_origin: row.timing.origin,
                text: shared.get(row.text),
                sentence: sentence.1.clone(),
                source: source.clone(),
                offset: row.offset,
            }
        })
        .collect()
}

/// Room that holds any one row (as `write::append_facts` reckons): less left for a
/// release's rows, they are sized first.
const ROOMY_ROW: usize = 4096;

/// Where [`Releases::next_csv`] puts a release's rows: rendered as CSV straight from the
/// release's buffer, with no [`Fact`] made (a fact's strings each cost a shared count,
/// made and dropped, and the fact a move).
struct CsvSink<'o> {
    crlf: bool,
    /// A row's offset in the caller's terms.
    offset: &'o dyn Fn(usize) -> usize,
    out: &'o mut Vec<u8>,
    /// The rows of each kind, in the order of `Kind::ALL`.
    counts: [usize; Kind::ALL.len()],
}

impl CsvSink<'_> {
    /// Appends the CSV row of each figure (of the kinds asked for), as it is met: each
    /// sentence's rows share its column (a piece of the body's fold, or the folded title);
    /// an overlong sentence's rows each have a window of it, put in the buffer first and
    /// noted in `windows`. (Out of line: inlined in `extract_release`, its loop kept less
    /// in registers.)
    #[inline(never)]
    fn render(
        &mut self,
        figures: &Figures,
        pieces: &mut Pieces,
        windows: &mut Vec<Piece>,
        release: [Piece; 4],
        source: &SharedStr,
        options: &Options,
    ) {
        let wanted = |f: &Found| options.kinds.is_empty() || options.kinds.contains(&f.figure.kind);
        let with_figures = || figures.read.iter().filter(|s| !s.found.is_empty());
        let found_of = |s: &Read| figures.found.get(s.found.clone()).unwrap_or_default();
        // A sentence's fold is no longer than its text: only a long text may need windows
        // (a release's sentences walked once more where one is).
        if with_figures().any(|s| s.text.len() > MAX_SENTENCE) {
            for s in with_figures() {
                if figures.column.whole(s, pieces.buf()).is_none() {
                    for f in found_of(s).iter().filter(|f| wanted(f)) {
                        windows.push(sentence_column(s.text, f.text_start, f.figure.end, pieces));
                    }
                }
            }
        }
        let rows = match options.kinds.is_empty() {
            true => figures.found.len(),
            false => with_figures()
                .map(|s| found_of(s).iter().filter(|f| wanted(f)).count())
                .sum(),
        };
        let buf = pieces.buf().as_str();
        let text = |piece: &Piece| buf.as_bytes().get(piece.clone()).unwrap_or_default();
        let release = release.map(|piece| text(&piece));
        // Room for the rows (see `write::append_facts`), unless the caller made it.
        if self.out.capacity() - self.out.len() < rows.saturating_mul(ROOMY_ROW) {
            let per_row = release.iter().map(|s| s.len()).sum::<usize>() + source.len() + 48 + 256;
            self.out.reserve(rows * per_row);
        }
        let no_timing = period::Timing::default();
        let mut writer = crate::write::RowWriter::new(self.crlf);
        writer.of_release(release, source.as_bytes());
        let mut windows = windows.drain(..);
        // A fold holds no line break: a body's with no `"` either (most) has sentence
        // columns to quote only for a comma, which one search over it tells.
        let body_without_quotes = memchr::memchr(b'"', text(&figures.column.body)).is_none();
        for s in with_figures() {
            let whole = figures.column.whole(s, buf);
            // A sentence's rows share its column; an overlong one's have a window each.
            if let Some(sentence) = whole {
                writer.of_sentence(s.section, sentence, body_without_quotes && s.section == Section::Body);
            }
            for n in s.found.clone() {
                let Some(f) = figures.found.get(n) else {
                    continue;
                };
                if !wanted(f) {
                    continue;
                }
                if whole.is_none() {
                    writer.of_sentence(s.section, windows.next().map_or(&[][..], |w| text(&w)), false);
                }
                let Some(v) = figures.valued.get(n) else {
                    continue;
                };
                self.counts[f.figure.kind as usize] += 1;
                let timing = figures.timings.get(n).unwrap_or(&no_timing);
                let row = crate::write::CsvRow {
                    kind: f.figure.kind,
                    value: &v.value,
                    value_end: &v.value_end,
                    unit: v.unit.as_bytes(),
                    qualifier: f.qualifier,
                    direction: f.direction,
                    subject: figures.subjects.get(n).map_or(&[][..], text),
                    timing: (&timing.period, &timing.period_end, &timing.basis),
                    text: s.text.as_bytes().get(f.text_start..f.figure.end).unwrap_or_default(),
                    offset: (self.offset)(s.offset + f.text_start),
                };
                writer.write(row, self.out);
            }
        }
    }
}

/// A release's figures once read: its sentences, and each figure's find, values,
/// subject and timing, all in reading order (a sentence's `found` range indexes them all).
struct Figures<'s, 'r> {
    read: &'s [Read<'r>],
    found: &'s [Found],
    valued: &'s [Valued],
    subjects: &'s [Piece],
    timings: &'s [period::Timing],
    /// What their sentence columns are made from.
    column: SentenceColumn<'s>,
}

/// What a sentence's `sentence` column is made from: the body's fold (where its runs
/// landed) and the folded title.
struct SentenceColumn<'a> {
    /// Where the body's fold stands in the release's buffer.
    body: Piece,
    body_offset: usize,
    runs: Landing<'a>,
    title: &'a str,
}

impl<'a> SentenceColumn<'a> {
    /// Where a body sentence's column stands in the release's buffer (a piece of the
    /// body's fold), if it is not overlong.
    fn body_piece(&self, s: &Read) -> Option<Piece> {
        let start = s.offset.saturating_sub(self.body_offset);
        Some(self.runs.span(&(start..start + s.text.len()))).filter(|folded| folded.len() <= MAX_SENTENCE)
    }

    /// The title's sentence column, the title itself, if it is not overlong.
    fn title_column(&self) -> Option<&'a str> {
        Some(self.title).filter(|title| title.len() <= MAX_SENTENCE)
    }

    /// The sentence column shared by a sentence's rows, put in `pieces` (a title's), or
    /// `None` for an overlong one (each row gets a window of it).
    fn whole_piece(&self, s: &Read, pieces: &mut Pieces) -> Option<Piece> {
        match s.section {
            Section::Body => self.body_piece(s),
            Section::Title => self.title_column().map(|title| pieces.push(title)),
        }
    }

    /// [`SentenceColumn::whole_piece`] as bytes, of `buf` (the release's buffer) or of the
    /// folded title, which need not be copied into the buffer.
    fn whole<'b>(&self, s: &Read, buf: &'b str) -> Option<&'b [u8]>
    where
        'a: 'b,
    {
        match s.section {
            Section::Body => self.body_piece(s).and_then(|piece| buf.as_bytes().get(piece)),
            Section::Title => self.title_column().map(str::as_bytes),
        }
    }
}

/// The rows of a release's figures (of the kinds asked for), their strings put in the
/// release's buffer.
fn rows_of(figures: &Figures, pieces: &mut Pieces, rows: &mut Vec<Row>, options: &Options) {
    for s in figures.read.iter().filter(|s| !s.found.is_empty()) {
        let whole = figures.column.whole_piece(s, pieces);
        for n in s.found.clone() {
            let (Some(f), Some(v)) = (figures.found.get(n), figures.valued.get(n)) else {
                continue;
            };
            if !options.kinds.is_empty() && !options.kinds.contains(&f.figure.kind) {
                continue;
            }
            rows.push(Row {
                unit: pieces.push(&v.unit),
                subject: figures.subjects.get(n).cloned().unwrap_or_default(),
                text: pieces.push(&s.text[f.text_start..f.figure.end]),
                sentence: match &whole {
                    Some(piece) => piece.clone(),
                    None => sentence_column(s.text, f.text_start, f.figure.end, pieces),
                },
                section: s.section,
                kind: f.figure.kind,
                value: v.value,
                value_end: v.value_end,
                qualifier: f.qualifier,
                direction: f.direction,
                timing: figures.timings.get(n).copied().unwrap_or_default(),
                offset: s.offset + f.text_start,
            });
        }
    }
}

/// A fact before its release's buffer is shared: where its own strings stand in the
/// buffer, and its other columns.
struct Row {
    unit: Piece,
    subject: Piece,
    text: Piece,
    sentence: Piece,
    section: Section,
    kind: Kind,
    value: Value,
    value_end: Option<Value>,
    qualifier: Option<crate::model::Qualifier>,
    direction: Option<crate::model::Direction>,
    timing: period::Timing,
    offset: usize,
}

/// The vectors a release is extracted with, kept by each thread for its next release:
/// a release has a dozen rows, and a vector of its own each cost an allocation or more
/// a release.
#[derive(Default)]
struct Scratch {
    /// The sentences of the body.
    spans: Vec<std::ops::Range<usize>>,
    /// Vectors of borrowing items, kept empty (see `emptied`).
    read: Vec<Read<'static>>,
    sentences: Vec<period::Sentence<'static>>,
    found: Vec<Found>,
    /// Where the runs of the body's fold start, in the body and in `pieces`.
    runs: Vec<(usize, usize)>,
    valued: Vec<Valued>,
    /// Where each figure's subject stands in `pieces`.
    subjects: Vec<Piece>,
    items: Vec<period::clause::Item>,
    timings: Vec<period::Timing>,
    rows: Vec<Row>,
    /// Where the windows of overlong sentences stand in `pieces`, for rows rendered as
    /// read.
    windows: Vec<Piece>,
    pieces: Pieces,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

impl Scratch {
    /// `f` with this thread's vectors, used where they are (taken out and put back, with
    /// empty ones left in their place, they were moved three times a release), then
    /// emptied for the next release.
    fn with<T>(f: impl FnOnce(&mut Scratch) -> T) -> T {
        SCRATCH.with(|kept| match kept.try_borrow_mut() {
            Ok(mut scratch) => {
                let out = f(&mut scratch);
                scratch.empty();
                out
            }
            // Only a release extracted inside another on the same thread (none is).
            Err(_) => f(&mut Scratch::default()),
        })
    }

    /// Empties the vectors for the next release; drops them where a huge release grew them.
    fn empty(&mut self) {
        const KEEP: usize = 1 << 20;
        if self.pieces.buf().capacity() > KEEP || self.found.capacity() > KEEP / 64 {
            *self = Scratch::default();
            return;
        }
        self.spans.clear();
        self.found.clear();
        self.runs.clear();
        self.valued.clear();
        self.subjects.clear();
        self.items.clear();
        self.timings.clear();
        self.rows.clear();
        self.windows.clear();
        self.pieces.buf().clear();
    }
}

/// A sentence of a release with its figures, before they become rows.
struct Read<'a> {
    section: Section,
    text: &'a str,
    offset: usize,
    paragraph: Option<usize>,
    /// Its figures, in the release's vector of them.
    found: std::ops::Range<usize>,
}

/// A figure's value columns, and the period a date figure names.
struct Valued {
    value: Value,
    value_end: Option<Value>,
    /// A date's precision, or the figure's own unit.
    unit: Cow<'static, str>,
    date: Option<(Period, Option<Period>)>,
}

/// The figures of the release as the period rules read them, in order, into `items`.
fn period_items(read: &[Read], all: &[Found], valued: &[Valued], items: &mut Vec<period::clause::Item>) {
    for s in read {
        let found = all.get(s.found.clone()).unwrap_or_default();
        let values = valued.get(items.len()..).unwrap_or_default();
        items.extend(found.iter().zip(values).map(|(f, v)| period::clause::Item {
            start: f.text_start,
            end: f.figure.end,
            date: v.date,
            is_date: f.figure.kind == Kind::Date,
            change: is_change(s.text, f),
            timed: f.figure.kind.is_timed(),
        }));
    }
}

/// The sentences as the period rules read them, each with its figures of `items`, into
/// `out`.
fn period_sentences<'a>(read: &[Read<'a>], items: &'a [period::clause::Item], out: &mut Vec<period::Sentence<'a>>) {
    let mut rest = items;
    out.extend(read.iter().map(|s| {
        let (items, after) = rest.split_at(s.found.len().min(rest.len()));
        rest = after;
        period::Sentence {
            text: s.text,
            offset: s.offset,
            paragraph: s.paragraph,
            items,
        }
    }));
}

/// A figure that is itself a change: it has a direction, or a written sign.
fn is_change(sentence: &str, f: &Found) -> bool {
    f.direction.is_some()
        || sentence
            .get(f.text_start..)
            .is_some_and(|t| t.starts_with(['+', '-', '\u{2212}']))
}

/// The paragraph of each sentence of the body, asked in order: a line of the body, or,
/// where the text is `wrapped` (a sentence runs over a line break), a block between blank
/// lines.
fn paragraph_numbers(body: &str, wrapped: bool) -> impl FnMut(&std::ops::Range<usize>) -> usize + '_ {
    let (mut n, mut prev_end, mut first) = (0, 0, true);
    // Asked for each sentence in turn.
    move |s| {
        let gap = body.get(prev_end..s.start).unwrap_or_default();
        let breaks = gap.bytes().filter(|&b| b == b'\n').count();
        if !first && (breaks >= 2 || (breaks == 1 && !wrapped)) {
            n += 1;
        }
        first = false;
        prev_end = s.end;
        n
    }
}

/// The value columns of a figure; dates are resolved here, in reading order (`past`: the
/// sentence is said of the past, see `place_told`).
/// The unit is moved out of the figure, which is not used after.
fn values(
    f: &mut Figure,
    written: &str,
    resolver: &mut Resolver,
    past: impl FnOnce() -> bool,
    mut warn: impl FnMut(String),
) -> Valued {
    let num = |v: &Val| match v {
        Val::Num(d) => Value::Number(*d),
        Val::Date(_) => Value::Unresolved,
    };
    match (&f.value, &f.value_end) {
        (Val::Date(a), end) => {
            let (mut pa, mut pb) = match end {
                Some(Val::Date(b)) => resolver.resolve_range(a, b),
                None => (place_told(resolver, a, past), None),
                Some(_) => (resolver.resolve(a), None),
            };
            if let Some(m) = resolver.weekday_mismatch(a, pa) {
                warn(format!(
                    "weekday {:?} does not match {} (a {:?}); the date is kept",
                    m.written, m.date, m.actual
                ));
            }
            if pa.is_none() && resolver_can_place(a) {
                warn("date is not a calendar day; its value is empty".to_string());
            }
            // `10000-01-01` is no date of a table: the row stays, its value is empty.
            if let Some(far) = [pa, pb].into_iter().flatten().find(|p| !(1..=9999).contains(&p.year())) {
                warn(format!(
                    "date `{written}` is placed at {far}, outside the years 0001-9999; its value is empty"
                ));
                (pa, pb) = (None, None);
            }
            let unit = pa
                .or(pb)
                .map(|p| p.precision())
                .unwrap_or_else(|| precision_of(a))
                .into();
            Valued {
                value: pa.map_or(Value::Unresolved, Value::Date),
                value_end: pb.map(Value::Date),
                unit,
                date: pa.map(|a| (a, pb)),
            }
        }
        (v, end) => Valued {
            value: num(v),
            value_end: end.as_ref().map(num),
            unit: std::mem::take(&mut f.unit),
            date: None,
        },
    }
}

/// A single date as the scan left it (`scan::append_figures_untensed`), placed as
/// `date::mark_tense` would have marked it: one without its year has begun when its
/// sentence is said of the past. That moves it only where it is placed after the release
/// day, so only there is the tense read (`past`), and the date placed again as begun (the
/// first placing leaves the resolver as the second sets it: a year it notes is noted
/// again).
fn place_told(resolver: &mut Resolver, e: &DateExpr, past: impl FnOnce() -> bool) -> Option<Period> {
    let placed = resolver.resolve(e);
    match date::begun_if_past(e) {
        Some(begun) if placed.is_some_and(|p| resolver.starts_after_release(p)) && past() => resolver.resolve(&begun),
        _ => placed,
    }
}

/// Whether a failed resolution means an impossible date rather than a missing release date.
fn resolver_can_place(e: &crate::grammar::DateExpr) -> bool {
    use crate::grammar::date::{DateExpr, YearRef};
    matches!(
        e,
        DateExpr::Day {
            year: YearRef::Abs(_),
            ..
        }
    )
}

/// The precision a date was written at, for rows whose value could not be resolved.
fn precision_of(e: &crate::grammar::DateExpr) -> &'static str {
    use crate::grammar::date::DateExpr;
    match e {
        DateExpr::Day { .. }
        | DateExpr::DayOfMonth(_)
        | DateExpr::Today
        | DateExpr::RelDay(_)
        | DateExpr::Weekday { .. } => "day",
        DateExpr::Month { .. } | DateExpr::RelMonth(_) => "month",
        DateExpr::Quarter { .. } => "quarter",
        DateExpr::Half { .. } => "half",
        DateExpr::Year(_) => "year",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines asked for in order, and out of order (the index), as counted from the start.
    #[test]
    fn lines_of_offsets_in_any_order_are_counted_breaks() {
        let text = "one\ntwo\n\nfour\r\nfive";
        let want = |offset: usize| 1 + text.bytes().take(offset).filter(|&b| b == b'\n').count();
        let forward: Vec<usize> = (0..text.len() + 3).collect();
        let orders = [
            forward.clone(),
            forward.iter().rev().copied().collect(),
            vec![5, 5, 2, 9, 30, 0, 12],
        ];
        for order in orders {
            let lines = LineIndex::new(text);
            for offset in order {
                assert_eq!(lines.line_of(offset), want(offset), "{offset}");
            }
        }
    }

    #[test]
    fn release_ids_of_any_year_are_their_dates_and_hashes() {
        for (y, m, d) in [
            (2025, 11, 18),
            (1, 1, 1),
            (9999, 12, 31),
            (0, 6, 7),
            (-44, 3, 15),
            (10000, 1, 1),
        ] {
            let day = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let id = release_id(Some(day), "A  title");
            let hash = xxhash_rust::xxh3::xxh3_64(b"A title");
            assert_eq!(id, format!("{}-{hash:016x}", Period::Day(day).iso()));
        }
        let hash = xxhash_rust::xxh3::xxh3_64(b"A title");
        assert_eq!(release_id(None, "A title "), format!("undated-{hash:016x}"));
    }

    #[test]
    fn release_ids_are_stable_and_fold_space() {
        let d = NaiveDate::from_ymd_opt(2025, 11, 19);
        assert_eq!(release_id(d, "A  title\t here"), release_id(d, "A title here"));
        let id = release_id(d, "A title here");
        assert!(id.starts_with("2025-11-19-") && id.len() == 27, "{id}");
        assert!(release_id(None, "x").starts_with("undated-"));
        // The digits are `{:016x}` of the XXH3-64 of the folded title.
        for title in ["A title here", "x", "", "Exports rose 5.1%"] {
            let hash = xxhash_rust::xxh3::xxh3_64(title.as_bytes());
            assert_eq!(release_id(d, title), format!("2025-11-19-{hash:016x}"));
            assert_eq!(release_id(None, title), format!("undated-{hash:016x}"));
        }
        // The date column of a release's rows is its id's head.
        for date in [
            d,
            NaiveDate::from_ymd_opt(-44, 3, 15),
            NaiveDate::from_ymd_opt(12345, 1, 2),
        ] {
            let id = release_id(date, "A title");
            let day = date
                .map(|d| Period::Day(d).ascii().as_str().to_string())
                .unwrap_or_default();
            assert_eq!(id.len() - ID_HASH_LEN, day.len().max(7), "{id}");
            assert!(id.starts_with(&day), "{id}");
        }
        // Fixed values: XXH3-64 of the empty string, and of `abc`, as its specification
        // gives them. Ids must never change.
        assert_eq!(release_id(d, ""), "2025-11-19-2d06800538d394c2");
        assert_eq!(release_id(None, "abc"), "undated-78af5f94892f3950");
    }

    #[test]
    fn every_white_space_folds() {
        assert_eq!(fold_space("Korea’s  exports\u{a0}rose"), "Korea’s exports rose");
        assert_eq!(
            fold_space("an\u{2003}em space and an\u{3000}ideographic one"),
            "an em space and an ideographic one"
        );
        assert_eq!(fold_space(" edges "), "edges");
        assert_eq!(fold_space("’quoted’ "), "’quoted’");
        assert_eq!(fold_space("plain text"), "plain text");
    }

    /// `fold_space` as it was before its one-pass test: the oracle of `is_folded`.
    fn plain_fold(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    proptest::proptest! {
        #[test]
        fn the_one_pass_test_folds_as_split_whitespace(
            picks in proptest::collection::vec(0..22usize, 0..24),
        ) {
            const PIECES: [&str; 22] = [
                " ", "  ", "\u{a0}", "\u{2003}", "\u{3000}", "\u{1680}", "\u{85}", "\u{205f}", "\u{2028}",
                "\r\n", "\n", "\t", "\u{b}", "\u{1c}", "\u{7f}", "’", "é", "‘", "—", "U.S.", "3.5", "word",
            ];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            let folded = fold_space(&text);
            let want = plain_fold(&text);
            proptest::prop_assert_eq!(&*folded, want.as_str(), "{:?}", text);
            // Borrowed only when there was nothing to fold.
            proptest::prop_assert!(matches!(folded, Cow::Owned(_)) || folded == text);
        }

        #[test]
        fn any_text_folds_as_split_whitespace(text in "(\\PC|\\s|\u{85}|\u{a0}|\u{2003}|\u{1680}){0,40}") {
            proptest::prop_assert_eq!(fold_runs(&text), plain_fold(&text), "{:?}", text);
        }
    }

    proptest::proptest! {
        /// Each sentence's piece of the body's fold is the sentence folded on its own (the
        /// way it was written before), on text with every kind of white space and stop.
        #[test]
        fn a_sentence_folds_as_its_piece_of_the_body(
            picks in proptest::collection::vec(0..24usize, 0..40),
        ) {
            const PIECES: [&str; 24] = [
                " ", "  ", "\u{a0}", "\u{2003}", "\u{3000}", "\u{85}", "\r\n", "\n", "\n\n", "\t",
                "’", "é", "U.S.", "3.5", "word", "Rose", ". ", "! ", "? ", "\"", "It", "x,", ".", "7",
            ];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            let (mut folded, mut runs) = (String::from("head"), Vec::new());
            fold_runs_into(&text, &mut folded, |from, to| runs.push((from, to)));
            let whole = plain_fold(&text);
            proptest::prop_assert_eq!(&folded[4..], whole.as_str());
            let landing = Landing::new(&runs);
            for span in sentences::split(&text) {
                let piece = folded_span(&runs, &span);
                proptest::prop_assert_eq!(landing.span(&span), piece.clone(), "{:?} in {:?}", span, text);
                let want = fold_space(&text[span.clone()]);
                proptest::prop_assert_eq!(folded.get(piece), Some(&*want), "{:?} in {:?}", span, text);
            }
        }
    }

    #[test]
    fn overlong_sentences_and_titles_are_windowed_in_rows() {
        let filler = "and more words ".repeat(200);
        let text = format!("-\nTrade\nT\n{filler}exports rose 5 percent {filler}. date2025-06-01\n");
        let ex = extract_text("t", &text, &Options::default());
        let f = ex.facts().next().unwrap();
        assert!(f.sentence.len() < 2 * SENTENCE_WINDOW + 50, "{}", f.sentence.len());
        assert!(f.sentence.starts_with('…') && f.sentence.ends_with('…'));
        assert!(f.sentence.contains("exports rose 5 percent"));
        let long_title = "Word ".repeat(400);
        let mut pieces = Pieces::default();
        let (long, short) = (
            title_column(&long_title, &mut pieces),
            title_column("Short", &mut pieces),
        );
        assert!(long.len() <= SENTENCE_WINDOW + 3);
        assert_eq!(&pieces.buf()[short], "Short");
    }

    /// The rows rendered without facts are the bytes the facts' rows are, for every
    /// fixture and the corner cases of the columns (an overlong sentence and title, a
    /// kinds filter, a moved offset, both line ends).
    #[test]
    fn csv_rows_without_facts_are_the_facts_rows() {
        let mut texts: Vec<String> = std::fs::read_dir("fixtures")
            .unwrap()
            .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
            .collect();
        let filler = "and more words, \"quoted\" ".repeat(60);
        texts.push(format!(
            "-\nTrade\n{filler} 3 percent\n{filler}exports rose 5 percent {filler}. It fell 2%.\ndate2025-06-01\n"
        ));
        texts.push("no separators: prices rose 4 percent on May 3, 2024.".to_string());
        // An overlong title (a plain document's first line) before whole sentences.
        texts.push(format!(
            "{filler} prices rose 4 percent {filler}\nIt fell 2% in May. Sales rose 3%.\n"
        ));
        assert!(texts.len() > 10);
        let only_money = Options {
            kinds: vec![Kind::Money, Kind::Date],
            ..Options::default()
        };
        for options in [Options::default(), only_money] {
            for text in &texts {
                for crlf in [false, true] {
                    let format = if crlf {
                        crate::write::Format::ExcelCsv
                    } else {
                        crate::write::Format::Csv
                    };
                    let (mut want, mut got) = (Vec::new(), Vec::new());
                    for mut r in extract_releases("src", text, &options) {
                        r.facts.iter_mut().for_each(|f| f.offset += 7);
                        crate::write::append_facts(format, &r.facts, &mut want).unwrap();
                    }
                    let mut releases = extract_part("src", text, &options, true);
                    while let Some((r, counts)) = releases.next_csv(crlf, &|o| o + 7, &mut got) {
                        assert!(r.facts.is_empty());
                        let rows = extract_releases("src", text, &options)
                            .find(|w| w.offset == r.offset)
                            .unwrap()
                            .facts;
                        for kind in Kind::ALL {
                            let n = rows.iter().filter(|f| f.kind == kind).count();
                            assert_eq!(counts[kind as usize], n);
                        }
                    }
                    assert_eq!(String::from_utf8_lossy(&got), String::from_utf8_lossy(&want));
                }
            }
        }
    }

    /// A date placed: its period, and its end's for a span.
    type Placed = (Option<Period>, Option<Period>);

    /// The dates of `sentences` placed in order for a release of `release`, each sentence's
    /// figures read by `scan::append_figures` (every year-less date marked by the tense):
    /// the way before the tense was read only where it moves a date, the oracle.
    fn placed_marked(sentences: &[&str], release: NaiveDate) -> Vec<Placed> {
        let mut resolver = Resolver::new(Some(release));
        let mut all = Vec::new();
        for s in sentences {
            crate::scan::append_figures(s, false, "USD", &mut all);
        }
        all.iter()
            .filter_map(|f| match (&f.figure.value, &f.figure.value_end) {
                (Val::Date(a), Some(Val::Date(b))) => Some(resolver.resolve_range(a, b)),
                (Val::Date(a), _) => Some((resolver.resolve(a), None)),
                _ => None,
            })
            .collect()
    }

    /// `placed_marked`, the figures read as the release reads them: dates as written, the
    /// tense asked by `place_told`. Also says how many sentences had their tense read.
    fn placed_told(sentences: &[&str], release: NaiveDate) -> (Vec<Placed>, usize) {
        let mut resolver = Resolver::new(Some(release));
        let (mut placed, mut read) = (Vec::new(), 0);
        for s in sentences {
            let mut all = Vec::new();
            append_figures_untensed(s, false, "USD", &mut all);
            let mut tense = None;
            for f in &all {
                let mut past = || {
                    *tense.get_or_insert_with(|| {
                        read += 1;
                        date::said_of_the_past(s)
                    })
                };
                match (&f.figure.value, &f.figure.value_end) {
                    (Val::Date(a), Some(Val::Date(b))) => placed.push(resolver.resolve_range(a, b)),
                    (Val::Date(a), _) => placed.push((place_told(&mut resolver, a, &mut past), None)),
                    _ => {}
                }
            }
        }
        (placed, read)
    }

    /// A release date on the 15th of every month of 2025, and at both ends of the year.
    fn release_days() -> impl Iterator<Item = NaiveDate> {
        let mid = (1..=12).filter_map(|m| NaiveDate::from_ymd_opt(2025, m, 15));
        let ends = [(1, 1), (12, 31)]
            .into_iter()
            .filter_map(|(m, d)| NaiveDate::from_ymd_opt(2025, m, d));
        mid.chain(ends)
    }

    #[test]
    fn the_tense_read_where_it_moves_a_date_places_dates_as_every_tense_read() {
        let texts = crate::fixture_texts();
        let sentences: Vec<&str> = texts.iter().flat_map(|t| t.split(['.', '\n'])).collect();
        for release in release_days() {
            let (told, _) = placed_told(&sentences, release);
            assert_eq!(told, placed_marked(&sentences, release), "{release}");
        }
        // A date after the release day in a sentence of the past moves back a year.
        let said = ["Exports were weak in the fourth quarter", "They fell in March"];
        let day = NaiveDate::from_ymd_opt(2025, 2, 10).unwrap();
        let (told, read) = placed_told(&said, day);
        assert_eq!(told, placed_marked(&said, day));
        assert_eq!(told[0].0, Some(Period::Quarter { year: 2024, quarter: 4 }));
        assert_eq!(told[1].0, Some(Period::Month { year: 2024, month: 3 }));
        assert_eq!(read, 2);
        // One before it is placed without reading the tense.
        let (_, read) = placed_told(&["Exports were weak in January"], day);
        assert_eq!(read, 0);
    }

    proptest::proptest! {
        /// On random sentences of tense words, year-less and dated figures, and random
        /// release days, the tense read only where it moves a date places every date as
        /// reading it for every year-less date did.
        #[test]
        fn dates_are_placed_as_when_every_tense_was_read(
            picks in proptest::collection::vec(proptest::collection::vec(0..20usize, 0..10), 1..5),
            month in 1..=12u32,
            day in 1..=28u32,
        ) {
            const PIECES: [&str; 20] = [
                "sales", "were", "will", "rose", "expected", "said", "may", "May", "in March", "in the fourth quarter",
                "in the first half", "on December 3", "in November", "in 2024", "by 3 percent", "to $5 billion",
                ",", "from June to August", "reported", "increased",
            ];
            let sentences: Vec<String> = picks
                .iter()
                .map(|s| s.iter().map(|&n| PIECES[n]).collect::<Vec<_>>().join(" "))
                .collect();
            let sentences: Vec<&str> = sentences.iter().map(String::as_str).collect();
            let release = NaiveDate::from_ymd_opt(2025, month, day).unwrap();
            proptest::prop_assert_eq!(placed_told(&sentences, release).0, placed_marked(&sentences, release));
        }
    }

    #[test]
    fn offsets_point_at_the_text() {
        let text = "-\nTrade\nExports hit $5 billion\nExports rose 3.5 percent in May. date2025-06-01\n";
        let ex = extract_text("t", text, &Options::default());
        for f in ex.facts() {
            assert_eq!(&text[f.offset..f.offset + f.text.len()], f.text);
        }
        assert!(ex.facts().count() >= 3);
    }
}
