//! Releases -> sentences -> figures -> facts: the pipeline for one input text.
//!
//! Here: the entry points and the flow of one release (`extract_release`). Beside it:
//! the white-space fold (`fold`), the release id (`id`), line numbers (`lines`), each
//! figure's values (`values`), what the period rules read (`period_input`), the
//! `sentence` and `title` columns (`columns`), rows made facts (`rows`) or rendered
//! (`row_sink`), and the vectors kept by each thread (`scratch`).

use chrono::NaiveDate;

use crate::buffers::emptied;
use crate::grammar::date;
use crate::long_numbers::overlong_numbers;
use crate::model::{Fact, Kind, Period, Piece, Section, SharedStr};
use crate::period;
use crate::problem::{Problem, ProblemKind, Severity};
use crate::reader::{Release, SeparatorLine, read_part_between, separator_lines};
use crate::resolve::Resolver;
use crate::scan::{Found, append_figures_untensed};
use crate::sentences;
use crate::subject;
use crate::write::Format;

mod columns;
mod fold;
mod id;
mod lines;
mod period_input;
mod row_sink;
mod rows;
mod scratch;
mod values;

pub use fold::fold_space;
pub use id::release_id;

use columns::{SentenceColumn, title_column};
use fold::{Landing, fold_runs_into};
use id::{ID_HASH_LEN, push_release_id};
use lines::LineIndex;
use period_input::{paragraph_numbers, period_items, period_sentences};
use row_sink::RowSink;
use rows::{facts_of, rows_of};
use scratch::Scratch;
use values::{Valued, values};

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
    /// The next release, its rows rendered in `format` at the end of `out` (each row's
    /// offset as `offset` gives it) instead of made into its `facts`, which stay empty;
    /// with the number of rows of each kind, in the order of [`Kind::ALL`]. The rows are
    /// the bytes `write::append_facts` writes for its facts.
    pub fn next_rows(
        &mut self,
        format: Format,
        offset: &dyn Fn(usize) -> usize,
        out: &mut Vec<u8>,
    ) -> Option<(ReleaseFacts, [usize; Kind::ALL.len()])> {
        self.next_rows_in_chunks(format, offset, out, usize::MAX, &mut |_| {})
    }

    /// [`Releases::next_rows`], handing `out` to `full` whenever it holds `chunk` bytes or
    /// more at the end of a row; `full` may take any of its bytes (a whole number of rows,
    /// and the rows before them). So the rows of a release that has hundreds of
    /// thousands of figures need not be held at once. (A JSON array's rows after the
    /// first in a release start with their comma: what `full` takes goes on from the rows
    /// before it.)
    pub fn next_rows_in_chunks(
        &mut self,
        format: Format,
        offset: &dyn Fn(usize) -> usize,
        out: &mut Vec<u8>,
        chunk: usize,
        full: &mut dyn FnMut(&mut Vec<u8>),
    ) -> Option<(ReleaseFacts, [usize; Kind::ALL.len()])> {
        let r = self.releases.next()?;
        let mut sink = RowSink {
            format,
            offset,
            out,
            chunk,
            full,
            counts: [0; Kind::ALL.len()],
        };
        let release = Scratch::with(|scratch| {
            extract_release(scratch, &self.source, &self.lines, &r, self.options, Some(&mut sink))
        });
        Some((release, sink.counts))
    }
}

/// A release's facts (or, with `rows`, its rows rendered), read with the vectors `scratch`,
/// left as the release used them.
fn extract_release(
    scratch: &mut Scratch,
    source: &SharedStr,
    lines: &LineIndex,
    r: &Release,
    options: &Options,
    rows_to: Option<&mut RowSink>,
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
    let shared = match rows_to {
        Some(sink) => {
            sink.render(&figures, pieces, windows, release.clone(), source, options);
            // Rendered, the rows need no piece: the release's own columns (the body last)
            // are shared without its subjects and the windows of overlong sentences.
            let head = release.iter().chain([&body]).map(|p| p.end).max().unwrap_or(0);
            pieces.share_head(head)
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

/// A sentence of a release with its figures, before they become rows.
struct Read<'a> {
    section: Section,
    text: &'a str,
    offset: usize,
    paragraph: Option<usize>,
    /// Its figures, in the release's vector of them.
    found: std::ops::Range<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

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
