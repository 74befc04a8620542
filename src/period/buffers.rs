//! The buffers `place` works in, kept by the thread from one release to the next.

#[cfg(test)]
use super::Need;
use super::borrowed::Handed;
use super::clause::Reading;
use super::{Placed, Sentence};

thread_local! {
    /// The buffers of `place`, kept by the thread from one release to the next.
    pub(super) static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::default();
}

/// The longest sentence whose reading's buffers the thread keeps for the next release.
pub(super) const KEPT_ROOM: usize = 1 << 16;

/// What placing a release works in: which sentences are read, the readings of
/// sentences, and the periods its figures took.
#[derive(Default)]
pub(super) struct Buffers {
    /// Which sentences the oracle reads (`place_read_by_turns`).
    #[cfg(test)]
    pub(super) needed: Vec<Need>,
    pub(super) readings: Readings,
    pub(super) own: Vec<Placed>,
    pub(super) handed: Handed,
}

/// The reading of a sentence, and another kept aside: the release's period may read the
/// title and then the first body sentence, and each is read once, not again at its turn.
#[derive(Default)]
pub(super) struct Readings {
    /// The reading (`pair[current]`) and the one kept aside: exchanged by their index,
    /// not moved (a reading is some twenty buffers).
    pair: [Reading; 2],
    current: usize,
    /// The sentences read into the reading and the one aside, read and not yet placed.
    pub(super) held: [Option<usize>; 2],
    /// Each sentence read again at its turn, and a bare one placed figure by figure, as
    /// before: the oracle's way (never set outside the tests).
    pub(super) forget: bool,
}

impl Readings {
    /// The room the longer sentence of the two took.
    pub(super) fn room(&self) -> usize {
        self.pair[0].lower.capacity().max(self.pair[1].lower.capacity())
    }

    /// The reading (not the one kept aside).
    pub(super) fn reading(&mut self) -> &mut Reading {
        &mut self.pair[self.current & 1]
    }

    /// Exchanges the reading and the one kept aside.
    pub(super) fn swap(&mut self) {
        self.current ^= 1;
        self.held.swap(0, 1);
    }

    /// `reading` holding sentence `n` (its dates only single days when `single_days`): the
    /// one read before when it is held (here or aside), else read now.
    pub(super) fn read(&mut self, n: usize, s: &Sentence, single_days: bool) -> &mut Reading {
        if self.forget {
            self.held = [None; 2];
        }
        if self.held[1] == Some(n) {
            self.swap();
        }
        if self.held[0].take() != Some(n) {
            self.reading().read_shaped(s.text, s.items, single_days);
        }
        self.reading()
    }
}
