//! The `sentence` and `title` columns of a release's rows, windowed where overlong.

use crate::model::{Piece, Pieces, Section};

use super::Read;
use super::fold::{Landing, fold_space};

/// Longest `sentence` column written whole. A longer "sentence" (a text with no full stops)
/// is shown as a window around each figure: copying all of it into every row made output
/// and memory grow with the square of its length.
pub(super) const MAX_SENTENCE: usize = 1024;
pub(super) const SENTENCE_WINDOW: usize = 200;

/// The `title` column: the title, or for an overlong one (a plain document whose first line
/// is the whole text) its head, so that rows stay small. The release id hashes it whole.
pub(super) fn title_column(title: &str, pieces: &mut Pieces) -> Piece {
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
/// folded form longer than `MAX_SENTENCE`): the words around the figure, appended to
/// `buf`; where they stand in it.
pub(super) fn sentence_column(sentence: &str, start: usize, end: usize, buf: &mut String) -> Piece {
    let from = (start.saturating_sub(SENTENCE_WINDOW)..=start)
        .find(|&p| sentence.is_char_boundary(p))
        .unwrap_or(start);
    let to = (end..=(end + SENTENCE_WINDOW).min(sentence.len()))
        .rev()
        .find(|&p| sentence.is_char_boundary(p))
        .unwrap_or(end);
    let at = buf.len();
    if from > 0 {
        buf.push('…');
    }
    buf.push_str(&fold_space(&sentence[from..to]));
    if to < sentence.len() {
        buf.push('…');
    }
    at..buf.len()
}

/// What a sentence's `sentence` column is made from: the body's fold (where its runs
/// landed) and the folded title.
pub(super) struct SentenceColumn<'a> {
    /// Where the body's fold stands in the release's buffer.
    pub(super) body: Piece,
    pub(super) body_offset: usize,
    pub(super) runs: Landing<'a>,
    pub(super) title: &'a str,
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
    pub(super) fn whole_piece(&self, s: &Read, pieces: &mut Pieces) -> Option<Piece> {
        match s.section {
            Section::Body => self.body_piece(s),
            Section::Title => self.title_column().map(|title| pieces.push(title)),
        }
    }

    /// [`SentenceColumn::whole_piece`] as bytes, of `buf` (the release's buffer) or of the
    /// folded title, which need not be copied into the buffer.
    pub(super) fn whole<'b>(&self, s: &Read, buf: &'b str) -> Option<&'b [u8]>
    where
        'a: 'b,
    {
        match s.section {
            Section::Body => self.body_piece(s).and_then(|piece| buf.as_bytes().get(piece)),
            Section::Title => self.title_column().map(str::as_bytes),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Options, extract_text};

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
}
