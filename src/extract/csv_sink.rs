//! A release's rows rendered as CSV straight from its buffer, with no facts made.

use crate::model::{Kind, Piece, Pieces, Section, SharedStr};
use crate::period;
use crate::scan::Found;

use super::columns::{MAX_SENTENCE, sentence_column};
use super::{Figures, Options, Read};

/// Room that holds any one row (as `write::append_facts` reckons): less left for a
/// release's rows, they are sized first.
const ROOMY_ROW: usize = 4096;

/// Where [`Releases::next_csv`](super::Releases::next_csv) puts a release's rows: rendered as CSV straight from the
/// release's buffer, with no [`Fact`](crate::model::Fact) made (a fact's strings each cost a shared count,
/// made and dropped, and the fact a move).
pub(super) struct CsvSink<'o> {
    pub(super) crlf: bool,
    /// A row's offset in the caller's terms.
    pub(super) offset: &'o dyn Fn(usize) -> usize,
    pub(super) out: &'o mut Vec<u8>,
    /// The rows of each kind, in the order of `Kind::ALL`.
    pub(super) counts: [usize; Kind::ALL.len()],
}

impl CsvSink<'_> {
    /// Appends the CSV row of each figure (of the kinds asked for), as it is met: each
    /// sentence's rows share its column (a piece of the body's fold, or the folded title);
    /// an overlong sentence's rows each have a window of it, put in the buffer first and
    /// noted in `windows`. (Out of line: inlined in `extract_release`, its loop kept less
    /// in registers.)
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
        // Room for the rows (see `write::append_facts`), unless the caller made it; with
        // the windows, which would otherwise outgrow it (a copy of all rows so far, beside
        // them, at the peak of an overlong sentence's memory).
        if self.out.capacity() - self.out.len() < rows.saturating_mul(ROOMY_ROW) {
            let per_row = release.iter().map(|s| s.len()).sum::<usize>() + source.len() + 48 + 256;
            let windowed: usize = windows.iter().map(ExactSizeIterator::len).sum();
            self.out.reserve(rows * per_row + windowed);
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

#[cfg(test)]
mod tests {
    use crate::extract::{Options, extract_part, extract_releases};
    use crate::model::Kind;

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
}
