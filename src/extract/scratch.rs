//! The vectors and the buffer a release is extracted with, kept by each thread.

use crate::model::{Piece, Pieces};
use crate::period;
use crate::scan::Found;

use super::Read;
use super::rows::Row;
use super::values::Valued;

/// The vectors a release is extracted with, kept by each thread for its next release:
/// a release has a dozen rows, and a vector of its own each cost an allocation or more
/// a release.
#[derive(Default)]
pub(super) struct Scratch {
    /// The sentences of the body.
    pub(super) spans: Vec<std::ops::Range<usize>>,
    /// Vectors of borrowing items, kept empty (see `emptied`).
    pub(super) read: Vec<Read<'static>>,
    pub(super) sentences: Vec<period::Sentence<'static>>,
    pub(super) found: Vec<Found>,
    /// Where the runs of the body's fold start, in the body and in `pieces`.
    pub(super) runs: Vec<(usize, usize)>,
    pub(super) valued: Vec<Valued>,
    /// Where each figure's subject stands in `pieces`.
    pub(super) subjects: Vec<Piece>,
    pub(super) items: Vec<period::clause::Item>,
    pub(super) timings: Vec<period::Timing>,
    pub(super) rows: Vec<Row>,
    /// Where the windows of overlong sentences stand in `pieces`, for rows rendered as
    /// read.
    pub(super) windows: Vec<Piece>,
    pub(super) pieces: Pieces,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

impl Scratch {
    /// `f` with this thread's vectors, used where they are (taken out and put back, with
    /// empty ones left in their place, they were moved three times a release), then
    /// emptied for the next release.
    pub(super) fn with<T>(f: impl FnOnce(&mut Scratch) -> T) -> T {
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
