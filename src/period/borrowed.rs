//! The period a figure borrows when its own sentence names none: the one an earlier
//! sentence of its paragraph hands on, else the release's (read from the title, else the
//! first body sentence).

use super::buffers::Readings;
use super::clause::{self, Mention, Reading};
use super::{Need, Placed, ReleasePeriod, Sentence};
use crate::model::Origin;

/// What an earlier sentence of the paragraph hands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Carry {
    #[default]
    Nothing,
    One(Placed),
    /// Its figures took several periods: it hands on none.
    Several,
}

/// The release's period: the first scoping phrase of the title, else of the first body
/// sentence, read if `need_at` says so. Leaves the sentences it read in `readings`, held
/// for their turns (the last one read in `readings.reading()`).
pub(super) fn release_period(
    sentences: &[Sentence],
    readings: &mut Readings,
    mut need_at: impl FnMut(usize, &Sentence) -> Need,
) -> ReleasePeriod {
    let mut first_of = |n: usize, title: bool| {
        let s = sentences.get(n)?;
        let need = need_at(n, s);
        if !need.read {
            return None;
        }
        // A title read before is kept aside for its own turn.
        readings.swap();
        readings.reading().read_shaped(s.text, s.items, need.single_days);
        readings.held[0] = Some(n);
        let reading = readings.reading();
        let m = reading.first_named()?;
        Some((m.period, m.period_end, release_origin(s, m, title)))
    };
    let title = sentences.iter().position(|s| s.paragraph.is_none());
    let body = sentences.iter().position(|s| s.paragraph.is_some());
    title
        .and_then(|n| first_of(n, true))
        .or_else(|| body.and_then(|n| first_of(n, false)))
}

fn release_origin(s: &Sentence, m: &Mention, title: bool) -> Origin {
    Origin::Release {
        offset: s.offset + m.start,
        len: m.end - m.start,
        title,
    }
}

/// What the sentences of a paragraph placed so far hand on: the carry of those read, then
/// the figure-less sentences after them, not read yet. Such a sentence is read only for
/// what it hands on, and that is asked only when a later figure borrows a period (most
/// that follow one name their own): it is read then, or never.
#[derive(Default)]
pub(super) struct Handed {
    carry: Carry,
    pub(super) unread: Vec<usize>,
    /// Where the sentences not read yet are read, apart from the readings held for
    /// their turns.
    pub(super) scratch: Reading,
}

impl Handed {
    /// A new paragraph: nothing handed on.
    pub(super) fn clear(&mut self) {
        self.carry = Carry::Nothing;
        self.unread.clear();
    }

    /// What a sentence hands on of its own (`own_carry`): it replaces what came before,
    /// read or not.
    pub(super) fn replace(&mut self, carry: Carry) {
        self.carry = carry;
        self.unread.clear();
    }

    /// The period a figure borrows: the one handed on (the sentences not read yet read
    /// now), else the release's.
    #[inline]
    pub(super) fn fallback(&mut self, sentences: &[Sentence], release: Option<Placed>) -> Option<Placed> {
        if !self.unread.is_empty() {
            self.read_unread(sentences);
        }
        fallback_of(self.carry, release)
    }

    /// Reads the sentences not read yet, in order, into what they hand on, as they
    /// would have been at their turns: one whose dates are single days names no period
    /// (`clause::only_single_days`) and hands on what came before it. (Their steps back
    /// are not placed: they date no figure, and scope nothing handed on.)
    #[inline(never)]
    fn read_unread(&mut self, sentences: &[Sentence]) {
        let Handed { carry, unread, scratch } = self;
        for &n in unread.iter() {
            let Some(s) = sentences.get(n) else {
                continue;
            };
            if clause::only_single_days(s.text, s.items) {
                continue;
            }
            scratch.read_shaped(s.text, s.items, false);
            *carry = next_carry(*carry, s, scratch, &[]);
        }
        unread.clear();
    }
}

/// The period a figure borrows, given what the sentences before it hand on.
fn fallback_of(carry: Carry, release: Option<Placed>) -> Option<Placed> {
    match carry {
        Carry::One(p) => Some(p),
        _ => release,
    }
}

/// The period a figure borrows from the sentence before or the release: a phrase of
/// another sentence is carried.
pub(super) fn borrowed(fallback: Option<Placed>) -> Option<Placed> {
    fallback.map(|p| Placed {
        origin: match p.origin {
            Origin::Phrase { offset, len } => Origin::Carried { offset, len },
            other => other,
        },
        ..p
    })
}

/// What a sentence hands on to the next ones of its paragraph: the one period its figures
/// took from its own phrases (or, with no such figure, its one scoping phrase); with
/// neither, what came before it (`carry`).
pub(super) fn next_carry(carry: Carry, s: &Sentence, r: &Reading, own: &[Placed]) -> Carry {
    own_carry(s, r, own).unwrap_or(carry)
}

/// `next_carry`, `None` where the sentence hands on what came before it.
pub(super) fn own_carry(s: &Sentence, r: &Reading, own: &[Placed]) -> Option<Carry> {
    let placed = |m: &Mention| Placed {
        period: m.period,
        end: m.period_end,
        origin: Origin::Phrase {
            offset: s.offset + m.start,
            len: m.end - m.start,
        },
    };
    let span = |p: &Placed| (p.period, p.end);
    if let Some(first) = own.first() {
        return Some(if own.iter().all(|p| span(p) == span(first)) {
            Carry::One(*first)
        } else {
            Carry::Several
        });
    }
    // With no figure, a date in brackets glosses a noun (`the program (2020–2024)`): the
    // sentence's own period is a date outside them, when it names one.
    let outside = r.scopes().any(|m| !r.in_brackets(m));
    let mut chosen = r.scopes().filter(|m| !outside || !r.in_brackets(m)).map(placed);
    let first = chosen.next()?;
    Some(if chosen.all(|p| span(&p) == span(&first)) {
        Carry::One(first)
    } else {
        Carry::Several
    })
}
