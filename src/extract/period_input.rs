//! A release's figures and sentences as the period rules read them (`period::place`).

use crate::model::Kind;
use crate::period;
use crate::scan::Found;

use super::Read;
use super::values::Valued;

/// The figures of the release as the period rules read them, in order, into `items`.
pub(super) fn period_items(read: &[Read], all: &[Found], valued: &[Valued], items: &mut Vec<period::clause::Item>) {
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
pub(super) fn period_sentences<'a>(
    read: &[Read<'a>],
    items: &'a [period::clause::Item],
    out: &mut Vec<period::Sentence<'a>>,
) {
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
pub(super) fn paragraph_numbers(body: &str, wrapped: bool) -> impl FnMut(&std::ops::Range<usize>) -> usize + '_ {
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
