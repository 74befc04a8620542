//! A release's rows rendered (CSV or JSON) straight from its buffer, with no facts made.

use crate::model::{Kind, Piece, Pieces, Section, SharedStr};
use crate::period;
use crate::scan::Found;
use crate::write::{Format, Row, RowWriter};

use super::columns::{MAX_SENTENCE, SENTENCE_WINDOW, sentence_column};
use super::{Figures, Options, Read};

/// Room that holds any one row (as `write::append_facts` reckons): less left for a
/// release's rows, they are sized first.
const ROOMY_ROW: usize = 4096;

/// Windows of overlong sentences made at once, their rows rendered before the next are
/// made: all of a 4 MB "sentence" of dates held 128 MB of windows beside its rows.
const WINDOWS_AT_ONCE: usize = 1024;

/// Room a window's row may take beyond a row's other columns, for the rows' reservation.
const WINDOW_ROOM: usize = 2 * SENTENCE_WINDOW + 16;

/// The timing of a figure that has none.
static NO_TIMING: period::Timing = period::Timing {
    period: None,
    period_end: None,
    basis: None,
    origin: None,
};

/// Where [`Releases::next_rows_in_chunks`](super::Releases::next_rows_in_chunks) puts a
/// release's rows: rendered straight from the release's buffer, with no
/// [`Fact`](crate::model::Fact) made (a fact's strings each cost a shared count, made and
/// dropped, and the fact a move).
pub(super) struct RowSink<'o> {
    pub(super) format: Format,
    /// A row's offset in the caller's terms.
    pub(super) offset: &'o dyn Fn(usize) -> usize,
    pub(super) out: &'o mut Vec<u8>,
    /// Once `out` holds this many bytes at the end of a row, it is handed to `full`, which
    /// may take its bytes: a release's rows need not all be held at once.
    pub(super) chunk: usize,
    pub(super) full: &'o mut dyn FnMut(&mut Vec<u8>),
    /// The rows of each kind, in the order of `Kind::ALL`.
    pub(super) counts: [usize; Kind::ALL.len()],
}

impl RowSink<'_> {
    /// Appends the row of each figure (of the kinds asked for), as it is met: each
    /// sentence's rows share its column (a piece of the body's fold, or the folded title);
    /// an overlong sentence's rows each have a window of it. (Out of line: inlined in
    /// `extract_release`, its loop kept less in registers.)
    #[inline(never)]
    pub(super) fn render(
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
        let buf = pieces.buf().as_str();
        let text = |piece: &Piece| buf.as_bytes().get(piece.clone()).unwrap_or_default();
        // A sentence's fold is no longer than its text: only a long text may need windows
        // (a release's sentences walked once more where one is).
        let windowed = match with_figures().any(|s| s.text.len() > MAX_SENTENCE) {
            true => with_figures()
                .filter(|s| figures.column.whole(s, buf).is_none())
                .map(|s| found_of(s).iter().filter(|f| wanted(f)).count())
                .sum(),
            false => 0,
        };
        let rows = match options.kinds.is_empty() {
            true => figures.found.len(),
            false => with_figures()
                .map(|s| found_of(s).iter().filter(|f| wanted(f)).count())
                .sum(),
        };
        let release = release.map(|piece| text(&piece));
        // Room for the rows (see `write::append_facts`), unless the caller made it, with
        // the windows (growing, the buffer was copied whole); no more than a chunk.
        if self.out.capacity() - self.out.len() < rows.saturating_mul(ROOMY_ROW) {
            let per_row = release.iter().map(|s| s.len()).sum::<usize>() + source.len() + 48 + 256;
            let room = rows * per_row + windowed * WINDOW_ROOM;
            self.out
                .reserve(room.min(self.chunk.saturating_sub(self.out.len()).saturating_add(ROOMY_ROW)));
        }
        // A fold holds no line break: a body's with no `"` either (most) has sentence
        // columns to quote only for a comma, which one search over it tells.
        let body_without_quotes = memchr::memchr(b'"', text(&figures.column.body)).is_none();
        let plain = |s: &Read| body_without_quotes && s.section == Section::Body;
        let source = source.as_bytes();
        if windowed > 0 {
            return self.render_windowed(figures, buf, windows, (release, source), &wanted, &plain);
        }
        let mut writer = RowWriter::new(self.format);
        writer.of_release(release, source);
        for s in with_figures() {
            if let Some(sentence) = figures.column.whole(s, buf) {
                writer.of_sentence(s.section, sentence, plain(s));
            }
            for n in s.found.clone() {
                if figures.found.get(n).is_some_and(wanted) {
                    self.write(&mut writer, figures, buf, s, n);
                }
            }
        }
    }

    /// [`RowSink::render`] where a sentence is overlong: the windows of its rows made
    /// [`WINDOWS_AT_ONCE`] at a time, each lot's rows rendered before the next is made.
    #[cold]
    fn render_windowed(
        &mut self,
        figures: &Figures,
        buf: &str,
        windows: &mut Vec<Piece>,
        (release, source): ([&[u8]; 4], &[u8]),
        wanted: &dyn Fn(&Found) -> bool,
        plain: &dyn Fn(&Read) -> bool,
    ) {
        // Each row's sentence and figure, in order.
        let mut rows = figures
            .read
            .iter()
            .flat_map(|s| s.found.clone().map(move |n| (s, n)))
            .filter(|&(_, n)| figures.found.get(n).is_some_and(wanted))
            .peekable();
        let mut window_text = String::new();
        // Whether a lot wrote rows: the next goes on from them.
        let mut after_rows = false;
        while rows.peek().is_some() {
            window_text.clear();
            windows.clear();
            // The next rows, up to the one that would make a window too many.
            let mut lot = 0;
            for (s, n) in rows.clone() {
                if figures.column.whole(s, buf).is_none() {
                    if windows.len() == WINDOWS_AT_ONCE {
                        break;
                    }
                    let f = &figures.found[n];
                    windows.push(sentence_column(s.text, f.text_start, f.figure.end, &mut window_text));
                }
                lot += 1;
            }
            let mut writer = RowWriter::going_on(self.format, after_rows);
            writer.of_release(release, source);
            let mut windows = windows.iter();
            for (s, n) in rows.by_ref().take(lot) {
                // The writer keeps a column set again where it stands (a whole sentence's).
                let (sentence, plain) = match figures.column.whole(s, buf) {
                    Some(sentence) => (sentence, plain(s)),
                    None => {
                        let window = windows.next().and_then(|w| window_text.as_bytes().get(w.clone()));
                        (window.unwrap_or_default(), false)
                    }
                };
                writer.of_sentence(s.section, sentence, plain);
                self.write(&mut writer, figures, buf, s, n);
            }
            after_rows |= writer.has_written();
        }
    }

    /// Writes the row of figure `n` of sentence `s` (none without a value), and hands
    /// `out` to `full` once it holds a chunk.
    #[inline(always)]
    fn write<'a>(&mut self, writer: &mut RowWriter<'a>, figures: &'a Figures, buf: &'a str, s: &'a Read, n: usize) {
        let (Some(f), Some(v)) = (figures.found.get(n), figures.valued.get(n)) else {
            return;
        };
        self.counts[f.figure.kind as usize] += 1;
        let timing = figures.timings.get(n).unwrap_or(&NO_TIMING);
        let row = Row {
            kind: f.figure.kind,
            value: &v.value,
            value_end: &v.value_end,
            unit: v.unit.as_bytes(),
            qualifier: f.qualifier,
            direction: f.direction,
            subject: figures
                .subjects
                .get(n)
                .and_then(|p| buf.as_bytes().get(p.clone()))
                .unwrap_or_default(),
            timing: (&timing.period, &timing.period_end, &timing.basis),
            text: s.text.as_bytes().get(f.text_start..f.figure.end).unwrap_or_default(),
            offset: (self.offset)(s.offset + f.text_start),
        };
        writer.write(row, self.out);
        if self.out.len() >= self.chunk {
            (self.full)(self.out);
            writer.forget_places();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::WINDOWS_AT_ONCE;
    use crate::extract::{Options, extract_part, extract_releases};
    use crate::model::Kind;
    use crate::write::Format;

    /// The rows rendered without facts are the bytes the facts' rows are, in every format,
    /// for every fixture and the corner cases of the columns (an overlong sentence and
    /// title, a kinds filter, a moved offset).
    #[test]
    fn rows_without_facts_are_the_facts_rows() {
        let mut texts: Vec<String> = std::fs::read_dir("fixtures")
            .unwrap()
            .filter_map(|e| std::fs::read_to_string(e.unwrap().path()).ok())
            .collect();
        let filler = "and more words, \"quoted\" \\ ".repeat(60);
        texts.push(format!(
            "-\nTrade\n{filler} 3 percent\n{filler}exports rose 5 percent {filler}. It fell 2%.\ndate2025-06-01\n"
        ));
        texts.push("no separators: prices rose 4 percent on May 3, 2024.".to_string());
        // An overlong title (a plain document's first line) before whole sentences.
        texts.push(format!(
            "{filler} prices rose 4 percent {filler}\nIt fell 2% in May. Sales rose 3%.\n"
        ));
        // An overlong sentence with more windows than are made at once.
        let dates: Vec<String> = (0..2 * WINDOWS_AT_ONCE + 7)
            .map(|n| format!("{} May {}, \"up\" {n}%", n % 28 + 1, 2000 + n % 30))
            .collect();
        texts.push(format!(
            "-\nTrade\nT\nIt rose 1%. {}. It fell 2%.\ndate2025-06-01\n",
            dates.join(", ")
        ));
        // A figure's text across a line break and a tab (JSON escapes them).
        texts.push("-\nTrade\nT\nSales rose 3\n percent and 4\tpercent.\ndate2025-06-01\n".to_string());
        assert!(texts.len() > 10);
        let only_money = Options {
            kinds: vec![Kind::Money, Kind::Date],
            ..Options::default()
        };
        for options in [Options::default(), only_money] {
            for text in &texts {
                for format in [Format::Csv, Format::ExcelCsv, Format::Jsonl, Format::Json] {
                    let (mut want, mut got) = (Vec::new(), Vec::new());
                    for mut r in extract_releases("src", text, &options) {
                        r.facts.iter_mut().for_each(|f| f.offset += 7);
                        crate::write::append_facts(format, &r.facts, &mut want).unwrap();
                    }
                    let mut releases = extract_part("src", text, &options, true);
                    while let Some((r, counts)) = releases.next_rows(format, &|o| o + 7, &mut got) {
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
                    // In chunks, handed on after every row or every few dozen rows.
                    for chunk in [1, 5000] {
                        let (mut taken, mut out) = (Vec::new(), Vec::new());
                        let mut releases = extract_part("src", text, &options, true);
                        let mut full = |rows: &mut Vec<u8>| taken.append(rows);
                        while releases
                            .next_rows_in_chunks(format, &|o| o + 7, &mut out, chunk, &mut full)
                            .is_some()
                        {}
                        taken.append(&mut out);
                        assert_eq!(String::from_utf8_lossy(&taken), String::from_utf8_lossy(&want));
                    }
                }
            }
        }
    }
}
