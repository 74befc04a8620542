//! A release's figures made rows, their strings in its buffer, and the rows made facts.

use crate::model::{Fact, Kind, Piece, Pieces, Section, Shared, SharedStr, Value};
use crate::period;

use super::columns::sentence_column;
use super::{Figures, Options};

/// The facts of a release's `rows`, their strings pieces of the release's `shared` buffer:
/// `release` says where its id, date, category and title stand in it.
pub(super) fn facts_of(rows: &mut Vec<Row>, shared: &Shared, release: [Piece; 4], source: &SharedStr) -> Vec<Fact> {
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

/// The rows of a release's figures (of the kinds asked for), their strings put in the
/// release's buffer.
pub(super) fn rows_of(figures: &Figures, pieces: &mut Pieces, rows: &mut Vec<Row>, options: &Options) {
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
                    None => sentence_column(s.text, f.text_start, f.figure.end, pieces.buf()),
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
pub(super) struct Row {
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
