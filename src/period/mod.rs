//! When each figure is: its `period` (and `period_end`) and, for a change, its `basis`
//! (spec section 3a).
//!
//! ```text
//! period  = scope phrase of the figure's clause, else of its sentence      (clause/)
//!         | nothing, for a forecast or objective with no date of its own
//!         | the period the nearest earlier sentence of the paragraph gives its figures
//!           (none when that sentence gives several)                        (borrowed.rs)
//!         | the release's period: the first scope phrase of the title, else of the
//!           first sentence                                                 (borrowed.rs)
//! cumulative clause (`year-to-date`, `cumulative`): the period runs from the start of its year
//! basis   = for a change only: the nearest base of its clause, in words (`year-on-year`)
//!           or a date (`from May 2024`), else one the sentence shares (`respectively`,
//!           `Compared with ...`); a named base one year before the period is `yoy`, one
//!           period before `mom`/`qoq`/`hoh`, any other its date value      (basis.rs)
//! ```

mod basis;
mod borrowed;
mod buffers;
pub mod clause;
pub mod cues;

use basis::basis_of;
#[cfg(test)]
use borrowed::{Carry, next_carry};
use borrowed::{borrowed, own_carry, release_period};
use buffers::{BUFFERS, Buffers, KEPT_ROOM};
use clause::{Item, Reading, Role};

use crate::model::{Basis, Origin, Period};

/// A sentence of a release, as the extractor found it.
#[derive(Debug, Clone)]
pub struct Sentence<'a> {
    pub text: &'a str,
    /// Source byte offset of the sentence.
    pub offset: usize,
    /// The paragraph of a body sentence; `None` for the title.
    pub paragraph: Option<usize>,
    /// Its figures, dates included, in order.
    pub items: &'a [Item],
}

/// When one figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Timing {
    pub period: Option<Period>,
    pub period_end: Option<Period>,
    pub basis: Option<Basis>,
    pub origin: Option<Origin>,
}

/// A period with where it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Placed {
    period: Period,
    end: Option<Period>,
    origin: Origin,
}

/// The release's period and where it was read.
pub type ReleasePeriod = Option<(Period, Option<Period>, Origin)>;

/// The timing of every item of every sentence, appended to `out` in order (dates and
/// untimed kinds get the default), and the release's period.
// Out of line (called once a release), so that a profile shows the stage whole.
#[inline(never)]
pub fn place(sentences: &[Sentence], out: &mut Vec<Timing>) -> ReleasePeriod {
    let fresh = |out: &mut Vec<Timing>| {
        let mut b = Buffers::default();
        place_read(sentences, out, &mut b)
    };
    BUFFERS
        .try_with(|b| match b.try_borrow_mut() {
            Ok(mut b) => {
                let b = &mut *b;
                let release = place_read(sentences, out, b);
                // The room an overlong "sentence" (a text with no full stops) took is let go.
                if b.readings.room().max(b.handed.scratch.lower.capacity()) > KEPT_ROOM {
                    *b = Buffers::default();
                }
                release
            }
            Err(_) => fresh(out),
        })
        .unwrap_or_else(|_| fresh(out))
}

/// Whether a sentence is read, and whether its dates are only single days
/// (`clause::only_single_days`): told once, before its turn, and handed to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Need {
    read: bool,
    single_days: bool,
}

/// `place`: each sentence with a figure that takes a period is read at its turn (its
/// dates' being single days told once, `Told`); a figure-less one only where something
/// asks what it gives: the release's period (the title, the first body sentence), or a
/// later figure of its paragraph what it hands on (`Handed`). A sentence with neither
/// gives no timing, no release period, and hands on nothing new; nor does one whose dates
/// are single days (`clause::only_single_days`), which name no period.
fn place_read(sentences: &[Sentence], out: &mut Vec<Timing>, b: &mut Buffers) -> ReleasePeriod {
    let Buffers {
        readings, own, handed, ..
    } = b;
    readings.held = [None; 2];
    let mut told = Told::default();
    let release_named = release_period(sentences, readings, |n, s| told.need(n, s));
    let release = release_named.map(|(period, end, origin)| Placed { period, end, origin });
    handed.clear();
    let mut paragraph = None;
    for (n, s) in sentences.iter().enumerate() {
        if s.paragraph != paragraph {
            handed.clear();
            paragraph = s.paragraph;
        }
        let untimed = |out: &mut Vec<Timing>| out.extend(std::iter::repeat_n(Timing::default(), s.items.len()));
        if !s.items.iter().any(|i| i.timed) {
            // Its own figures take nothing. Held, it was read for the release's period
            // and hands on what it names now; else that is read when a figure asks
            // (`Handed`), if it names a date.
            untimed(out);
            if s.paragraph.is_none() {
                continue;
            }
            if readings.held.contains(&Some(n)) {
                let r = readings.read(n, s, false);
                if let Some(carry) = own_carry(s, r, &[]) {
                    handed.replace(carry);
                }
            } else if s.items.iter().any(|i| i.date.is_some()) {
                handed.unread.push(n);
            }
            continue;
        }
        let single_days = told.single_days(n, s);
        // Nothing to borrow is asked only of a sentence that would borrow nothing else.
        if borrows_nothing(s, single_days) && release.is_none() && handed.fallback(sentences, release).is_none() {
            untimed(out);
            continue;
        }
        let reading = readings.read(n, s, single_days);
        // A bare sentence gives its figures what they borrow, no base, and hands on
        // nothing new: placed without asking its reading figure by figure.
        if reading.is_bare() {
            let b = borrowed(handed.fallback(sentences, release));
            out.extend(s.items.iter().map(|item| bare_timing(item, b)));
            continue;
        }
        // The period handed on is asked only where a relative phrase steps back from it.
        let reference = match reading.needs_reference() {
            true => handed.fallback(sentences, release),
            false => None,
        };
        reading.place_relatives(s.items, reference.map(|p| (p.period, p.end)));
        let r = &*reading;
        own.clear();
        for (n, item) in s.items.iter().enumerate() {
            if !item.timed {
                out.push(Timing::default());
                continue;
            }
            let clause = r.clause_of.get(n).copied().unwrap_or(0);
            let (placed, from_scope) = match own_period(s, r, n, clause) {
                Some(own) => own,
                None => (borrowed(handed.fallback(sentences, release)), false),
            };
            if from_scope && let Some(p) = placed {
                own.push(p);
            }
            out.push(figure_timing(r, clause, item, placed, release));
        }
        if s.paragraph.is_some()
            && let Some(carry) = own_carry(s, r, own)
        {
            handed.replace(carry);
        }
    }
    release_named
}

/// What `release_period` told of the sentences it asked (at most the title and the first
/// body sentence): whether their dates are single days, not asked again at their turns.
#[derive(Default)]
struct Told {
    single_days: [Option<(usize, bool)>; 2],
}

impl Told {
    /// What reading sentence `n` (`s`) for the release's period needs (it gives that
    /// period, if it names one).
    fn need(&mut self, n: usize, s: &Sentence) -> Need {
        let single_days = clause::only_single_days(s.text, s.items);
        if let Some(slot) = self.single_days.iter_mut().find(|t| t.is_none()) {
            *slot = Some((n, single_days));
        }
        need_of(s, true, single_days)
    }

    /// Whether the dates of sentence `n` (`s`) are only single days.
    fn single_days(&self, n: usize, s: &Sentence) -> bool {
        match self.single_days.iter().flatten().find(|(k, _)| *k == n) {
            Some(&(_, single_days)) => single_days,
            None => clause::only_single_days(s.text, s.items),
        }
    }
}

/// Whether a sentence is read for periods, given whether it `gives` what its dates name
/// (the release's period, or what it hands on) and whether they are only single days: a
/// sentence with a figure that takes a period always, else one that gives and names a
/// period.
fn need_of(s: &Sentence, gives: bool, single_days: bool) -> Need {
    if s.items.iter().any(|i| i.timed) {
        Need {
            read: true,
            single_days,
        }
    } else {
        Need {
            read: gives && s.items.iter().any(|i| i.date.is_some()) && !single_days,
            single_days: false,
        }
    }
}

/// `place` as it was: reading the sentences `b.needed` says (`needs_reading`), each at
/// its turn; with `forget`, each again and figure by figure. The oracle of `place_read`.
#[cfg(test)]
fn place_read_by_turns(sentences: &[Sentence], out: &mut Vec<Timing>, b: &mut Buffers) -> ReleasePeriod {
    let Buffers {
        needed, readings, own, ..
    } = b;
    readings.held = [None; 2];
    let release_named = release_period(sentences, readings, |n, _| needed.get(n).copied().unwrap_or_default());
    let release = release_named.map(|(period, end, origin)| Placed { period, end, origin });
    let mut carry = Carry::Nothing;
    let mut paragraph = None;
    for (n, s) in sentences.iter().enumerate() {
        if s.paragraph != paragraph {
            carry = Carry::Nothing;
            paragraph = s.paragraph;
        }
        let untimed = |out: &mut Vec<Timing>| out.extend(std::iter::repeat_n(Timing::default(), s.items.len()));
        let need = needed.get(n).copied().unwrap_or_default();
        if !need.read {
            untimed(out);
            continue;
        }
        let fallback = match carry {
            Carry::One(p) => Some(p),
            _ => release,
        };
        let figure_by_figure = readings.forget;
        if fallback.is_none() && !figure_by_figure && borrows_nothing(s, need.single_days) {
            untimed(out);
            continue;
        }
        let reading = readings.read(n, s, need.single_days);
        // A bare sentence gives its figures what they borrow, no base, and hands on
        // nothing new: placed without asking its reading figure by figure.
        if reading.is_bare() && !figure_by_figure {
            let b = borrowed(fallback);
            out.extend(s.items.iter().map(|item| bare_timing(item, b)));
            continue;
        }
        reading.place_relatives(s.items, fallback.map(|p| (p.period, p.end)));
        let r = &*reading;
        own.clear();
        for (n, item) in s.items.iter().enumerate() {
            if !item.timed {
                out.push(Timing::default());
                continue;
            }
            let clause = r.clause_of.get(n).copied().unwrap_or(0);
            let (placed, from_scope) = period_of(s, r, n, clause, fallback);
            if from_scope && let Some(p) = placed {
                own.push(p);
            }
            out.push(figure_timing(r, clause, item, placed, release));
        }
        if s.paragraph.is_some() {
            carry = next_carry(carry, s, r, own);
        }
    }
    release_named
}

/// Which sentences are read for periods: those with a figure that takes a period, and
/// those whose dates something else may take: the release's period (the title, the first
/// body sentence) or a later figure of the paragraph (what the sentence hands on). A
/// sentence with neither gives no timing, no release period, and hands on nothing new;
/// nor does one whose dates are single days (`clause::only_single_days`), which name no
/// period. Whether they are is told of every sentence read, for its turn. Written over
/// `out`. (The oracle's choice: `place_read` asks as it goes.)
#[cfg(test)]
fn needs_reading(sentences: &[Sentence], out: &mut Vec<Need>) {
    let title = sentences.iter().position(|s| s.paragraph.is_none());
    let body = sentences.iter().position(|s| s.paragraph.is_some());
    out.clear();
    out.resize(sentences.len(), Need::default());
    // Walked backwards: whether a later sentence of the paragraph has a timed figure.
    let mut timed_after: Option<usize> = None;
    for (n, s) in sentences.iter().enumerate().rev() {
        let timed = s.items.iter().any(|i| i.timed);
        let hands_on = s.paragraph.is_some() && timed_after == s.paragraph;
        let gives = Some(n) == title || Some(n) == body || hands_on;
        let single_days = || clause::only_single_days(s.text, s.items);
        out[n] = if timed {
            Need {
                read: true,
                single_days: single_days(),
            }
        } else {
            Need {
                read: gives && s.items.iter().any(|i| i.date.is_some()) && !single_days(),
                single_days: false,
            }
        };
        if timed {
            timed_after = s.paragraph;
        } else if timed_after != s.paragraph {
            timed_after = None;
        }
    }
}

/// Whether a sentence, with no period to borrow (none before it in its paragraph, none of
/// the release), gives its figures nothing and hands on nothing, read or not: no change
/// among its figures (a base in words would give one a basis) and no date but single
/// days (none scopes, none is a base, and a step back has no period to step from). A
/// word of the future or of a running total only takes away or widens a period its
/// figures would have had. (`single_days`: `clause::only_single_days` of the sentence.)
fn borrows_nothing(s: &Sentence, single_days: bool) -> bool {
    single_days && !s.items.iter().any(|i| i.timed && i.change)
}

/// `own_period`, the figure borrowing `fallback` where it borrows.
#[cfg(test)]
fn period_of(s: &Sentence, r: &Reading, n: usize, clause: usize, fallback: Option<Placed>) -> (Option<Placed>, bool) {
    own_period(s, r, n, clause).unwrap_or_else(|| (borrowed(fallback), false))
}

/// A figure's period before the cumulative rule, and whether its own sentence scoped it
/// (not a record's date): those are what the sentence hands on. `None` when the figure
/// borrows (`borrowed`): its sentence names none and it is no forecast.
fn own_period(s: &Sentence, r: &Reading, n: usize, clause: usize) -> Option<(Option<Placed>, bool)> {
    if let Some((m, role)) = r.scope_of(s.items, n) {
        let placed = Placed {
            period: m.period,
            end: m.period_end,
            origin: Origin::Phrase {
                offset: s.offset + m.start,
                len: m.end - m.start,
            },
        };
        // What the sentence hands on: its scoping dates, and a compared change's own date
        // (`fell more in the first half (down 34%) than in the second half (down 8%)`
        // names two periods), never a base level's or a record's.
        let own = role.is_scope()
            || matches!(
                role,
                Role::Base {
                    own: Some(_),
                    counts: false
                }
            );
        return Some((Some(placed), own));
    }
    if s.items
        .get(n)
        .is_some_and(|item| r.forecast_word(clause, item).is_some())
    {
        return Some((None, false));
    }
    None
}

/// A figure's timing in a bare sentence: the period it borrows, `b`, when it is timed;
/// no base.
fn bare_timing(item: &Item, b: Option<Placed>) -> Timing {
    match b {
        Some(p) if item.timed => Timing {
            period: Some(p.period),
            period_end: p.end,
            basis: None,
            origin: Some(p.origin),
        },
        _ => Timing::default(),
    }
}

/// A timed figure's timing from the period `placed` for it in clause `clause` of its
/// sentence's reading `r`: running from the start of the year when the clause says so,
/// and with its clause's base when it is a change.
fn figure_timing(r: &Reading, clause: usize, item: &Item, placed: Option<Placed>, release: Option<Placed>) -> Timing {
    let (period, period_end) = match placed {
        Some(p) if r.is_cumulative(clause) => cumulative(p.period, p.end, release),
        Some(p) => (Some(p.period), p.end),
        None => (None, None),
    };
    let basis = if item.change {
        r.base_of(clause, item.start)
            .and_then(|b| basis_of(b, period, period_end))
    } else {
        None
    };
    Timing {
        period,
        period_end,
        basis,
        origin: placed.map(|p| p.origin),
    }
}

/// A cumulative clause's period runs from the start of its year, at its own precision;
/// a year (`so far this year`) runs to the release's period when that lies in it.
fn cumulative(period: Period, end: Option<Period>, release: Option<Placed>) -> (Option<Period>, Option<Period>) {
    if end.is_some() {
        return (Some(period), end);
    }
    let start = match period {
        Period::Month { year, .. } => Period::Month { year, month: 1 },
        Period::Quarter { year, .. } => Period::Quarter { year, quarter: 1 },
        Period::Half { year, .. } => Period::Half { year, half: 1 },
        Period::Year(year) => {
            return match release.filter(|r| r.end.is_none()).map(|r| r.period) {
                Some(p @ Period::Month { year: y, month }) if y == year && month > 1 => {
                    (Some(Period::Month { year, month: 1 }), Some(p))
                }
                _ => (Some(period), None),
            };
        }
        Period::Day(_) => return (Some(period), None),
    };
    if start == period {
        (Some(period), None)
    } else {
        (Some(start), Some(period))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{Options, extract_text};

    /// `(text, period, period_end, basis)` of each timed row of a one-release bulletin.
    pub(crate) fn rows(date: &str, title: &str, body: &str) -> Vec<(String, String, String, String)> {
        let text = format!("-\nTrade\n{title}\n{body} date{date}\n");
        let ex = extract_text("t", &text, &Options::default());
        let show = |p: Option<Period>| p.map(|p| p.iso()).unwrap_or_default();
        ex.facts()
            .filter(|f| f.kind.is_timed())
            .map(|f| {
                (
                    f.text.to_string(),
                    show(f.period),
                    show(f.period_end),
                    f.basis.map(|b| b.to_string()).unwrap_or_default(),
                )
            })
            .collect()
    }

    /// A sentence of marked figures (`{5%}` timed, `[..]` a date: `month` of 2025, `<..>`
    /// an untimed figure), in `paragraph`.
    fn marked(text: &'static str, paragraph: Option<usize>, month: u32) -> Sentence<'static> {
        let mut items = Vec::new();
        let mut open = 0;
        for (at, c) in text.char_indices() {
            match c {
                '{' | '[' | '<' => open = at,
                '}' | '>' => items.push(Item {
                    start: open,
                    end: at + 1,
                    timed: c == '}',
                    ..Item::default()
                }),
                ']' => {
                    let p = Period::Month { year: 2025, month };
                    items.push(Item {
                        start: open,
                        end: at + 1,
                        date: Some((p, None)),
                        is_date: true,
                        ..Item::default()
                    });
                }
                _ => {}
            }
        }
        Sentence {
            text,
            offset: 0,
            paragraph,
            items: items.leak(),
        }
    }

    /// `s` with its timed figures made changes.
    fn changed(s: Sentence<'static>) -> Sentence<'static> {
        let items: Vec<Item> = s.items.iter().map(|i| Item { change: i.timed, ..*i }).collect();
        Sentence {
            items: items.leak(),
            ..s
        }
    }

    /// Which sentences `needs_reading` reads.
    fn reads(needed: &[Need]) -> Vec<bool> {
        needed.iter().map(|n| n.read).collect()
    }

    /// Every sentence read, each told whether its dates are single days; and what
    /// `needs_reading` tells of a sentence it reads is that.
    fn read_every(sentences: &[Sentence]) -> Vec<Need> {
        let mut needed = Vec::new();
        needs_reading(sentences, &mut needed);
        let every: Vec<Need> = sentences
            .iter()
            .map(|s| Need {
                read: true,
                single_days: clause::only_single_days(s.text, s.items),
            })
            .collect();
        for (told, all) in needed.iter().zip(&every) {
            assert!(!told.read || told == all, "{told:?} {all:?}");
        }
        every
    }

    /// Sentences that give nothing are not read, and reading them changes nothing.
    #[test]
    fn only_sentences_that_can_matter_are_read() {
        let sentences = [
            marked("Output in [May] held", None, 5),
            marked("Output in [May] held.", Some(0), 5),
            marked("It was the <second> time, in [June].", Some(0), 6),
            marked("Sales rose {5%}.", Some(0), 0),
            marked("The plan ran to [July].", Some(0), 7),
            marked("Sales were {3%} in [August].", Some(1), 8),
            marked("It was the <third> time.", Some(1), 0),
        ];
        let mut needed = Vec::new();
        needs_reading(&sentences, &mut needed);
        assert_eq!(reads(&needed), [true, true, true, true, false, true, false]);
        let mut every = Buffers {
            needed: read_every(&sentences),
            ..Buffers::default()
        };
        let mut all = Vec::new();
        let all_release = place_read_by_turns(&sentences, &mut all, &mut every);
        let mut timings = vec![Timing::default()];
        let release = place(&sentences, &mut timings);
        assert_eq!(release, all_release);
        // Appended; an unread sentence gives the default, as its reading would.
        assert_eq!(timings.remove(0), Timing::default());
        assert_eq!(timings, all);
        assert_eq!(timings.len(), 9);
        assert_eq!(timings[4].period, Some(Period::Month { year: 2025, month: 6 }));
    }

    /// A sentence that only gives (no timed figure) is not read when its dates are single
    /// days: they name no period. Placing is the same as with every sentence read.
    #[test]
    fn single_days_give_nothing_to_read() {
        // `May 3` of each text, a day.
        let day = |text: &'static str, paragraph: Option<usize>| {
            let start = text.find("May 3").unwrap_or(0);
            let date = chrono::NaiveDate::from_ymd_opt(2025, 5, 3).map(|d| (Period::Day(d), None));
            let items = vec![Item {
                start,
                end: start + 5,
                date,
                is_date: true,
                ..Item::default()
            }];
            Sentence {
                text,
                offset: 0,
                paragraph,
                items: items.leak(),
            }
        };
        let sentences = [
            day("Minister meets investors on May 3", None),
            day("The agency said on May 3 that trade grew.", Some(0)),
            marked("Exports rose {5%}.", Some(0), 0),
            day("In the week ending May 3, ports were busy.", Some(1)),
            marked("Ships carried {9 tons}.", Some(1), 0),
        ];
        let mut needed = Vec::new();
        needs_reading(&sentences, &mut needed);
        assert_eq!(reads(&needed), [false, false, true, true, true]);
        let mut every = Buffers {
            needed: read_every(&sentences),
            ..Buffers::default()
        };
        let mut all = Vec::new();
        let all_release = place_read_by_turns(&sentences, &mut all, &mut every);
        let mut timings = Vec::new();
        assert_eq!(place(&sentences, &mut timings), all_release);
        assert_eq!(timings, all);
        // The week's end is a period handed on.
        assert!(
            timings[4].period.is_some_and(|p| matches!(p, Period::Day(_))),
            "{timings:?}"
        );
    }

    /// A title read for the release's period, then set aside for the first body
    /// sentence, is placed from that reading as from one read again at its turn; a bare
    /// sentence is placed whole as figure by figure.
    #[test]
    fn sentences_are_read_once_and_bare_ones_placed_whole() {
        let releases = [
            vec![
                marked("Sales rose {5%}", None, 0),
                marked("Output in [May] rose {3%} and the <second> plant opened.", Some(0), 5),
                marked("Exports fell {2%}.", Some(0), 0),
            ],
            // The body before the title, and a sentence between them.
            vec![
                marked("Output in [June] rose {3%}.", Some(0), 6),
                marked("Prices held at {4%}.", Some(0), 0),
                marked("Sales rose {5%} as the <third> store opened", None, 0),
            ],
            // Bare sentences with changes, carrying and not.
            vec![
                marked("Trade news", None, 0),
                changed(marked("Output in [July] rose {3%}.", Some(0), 7)),
                changed(marked("Exports fell {2%} and <two> ports closed.", Some(0), 0)),
                changed(marked("Imports fell {1%}.", Some(1), 0)),
            ],
        ];
        for sentences in &releases {
            let mut needed = Vec::new();
            needs_reading(sentences, &mut needed);
            let mut again = Buffers {
                needed: needed.clone(),
                ..Buffers::default()
            };
            again.readings.forget = true;
            let (mut want, mut got) = (Vec::new(), Vec::new());
            let want_release = place_read_by_turns(sentences, &mut want, &mut again);
            let mut kept = Buffers {
                needed,
                ..Buffers::default()
            };
            assert_eq!(place_read_by_turns(sentences, &mut got, &mut kept), want_release);
            let mut placed = Vec::new();
            assert_eq!(place(sentences, &mut placed), want_release);
            assert_eq!(placed, want);
            assert_eq!(got, want);
            assert!(want_release.is_some());
            // Every timed figure took a period (the title's from the release's).
            let timed = sentences.iter().flat_map(|s| s.items).filter(|i| i.timed).count();
            assert_eq!(want.iter().filter(|t| t.period.is_some()).count(), timed, "{want:?}");
        }
    }

    /// With no period to borrow, a sentence with no change and no date is not read: its
    /// figures take nothing, as when read one by one; a change or a date is read.
    #[test]
    fn nothing_to_borrow_leaves_figures_untimed_unread() {
        let sentences = [
            marked("Trade news", None, 0),
            marked("Exports will reach {5%} in the previous quarter.", Some(0), 0),
            marked("Cumulative sales came to {9 tons}, the highest on record.", Some(0), 0),
            changed(marked("Imports fell {2%} from a year earlier.", Some(1), 0)),
            marked("Output in [May] came to {3 tons}.", Some(2), 5),
            marked("Stocks held at {4 tons}.", Some(2), 0),
        ];
        let mut needed = Vec::new();
        needs_reading(&sentences, &mut needed);
        assert_eq!(reads(&needed), [false, true, true, true, true, true]);
        let mut again = Buffers {
            needed: needed.clone(),
            ..Buffers::default()
        };
        again.readings.forget = true;
        let (mut want, mut got) = (Vec::new(), Vec::new());
        let want_release = place_read_by_turns(&sentences, &mut want, &mut again);
        assert_eq!(place(&sentences, &mut got), want_release);
        assert_eq!(got, want);
        assert_eq!(want_release, None);
        // The untimed ones, then the change's basis and the month handed on.
        assert!(want[..2].iter().all(|t| *t == Timing::default()), "{want:?}");
        assert_eq!(want[2].basis, Some(Basis::Yoy));
        assert!(want[4].period.is_some(), "{want:?}");
    }

    /// Sentences of a few shapes: with or without a date, a change, a step back, a
    /// forecast, a running total, or no figure at all (read only for what it hands on).
    fn shaped(n: usize, paragraph: Option<usize>) -> Sentence<'static> {
        match n % 10 {
            0 => marked("Trade news for [May]", paragraph, 5),
            1 => marked("The survey of [June] is out.", paragraph, 6),
            2 => marked("It covers [March] (the <second> quarter).", paragraph, 3),
            3 => marked("Sales rose {5%}.", paragraph, 0),
            4 => changed(marked("Exports fell {2%} from a year earlier.", paragraph, 0)),
            5 => marked("Output in [July] came to {3 tons}.", paragraph, 7),
            6 => marked("Prices rose {4%} in the previous quarter.", paragraph, 0),
            7 => marked("Stocks will reach {9 tons}.", paragraph, 0),
            8 => changed(marked("Imports in [August] rose {1%}, exports {2%}.", paragraph, 8)),
            _ => marked("Year-to-date sales came to {7 tons}.", paragraph, 0),
        }
    }

    proptest::proptest! {
        /// A figure-less sentence read only when a later figure borrows what it hands on
        /// places every release as reading each sentence at its turn does (the oracle):
        /// on releases of sentences of every shape, in paragraphs of any length.
        #[test]
        fn sentences_read_when_asked_place_as_read_at_their_turns(
            picks in proptest::collection::vec((0..10usize, proptest::bool::ANY), 1..9),
        ) {
            let mut paragraph = 0;
            let sentences: Vec<Sentence> = picks
                .iter()
                .enumerate()
                .map(|(k, &(n, new))| {
                    paragraph += usize::from(new);
                    shaped(n, (k > 0 || !new).then_some(paragraph))
                })
                .collect();
            let mut needed = Vec::new();
            needs_reading(&sentences, &mut needed);
            let mut again = Buffers {
                needed: needed.clone(),
                ..Buffers::default()
            };
            again.readings.forget = true;
            let (mut want, mut got) = (Vec::new(), Vec::new());
            let want_release = place_read_by_turns(&sentences, &mut want, &mut again);
            proptest::prop_assert_eq!(place(&sentences, &mut got), want_release);
            proptest::prop_assert_eq!(got, want);
        }
    }

    /// A figure-less sentence that names a period is read when a later figure of its
    /// paragraph borrows it, and not when the figures after it name their own.
    #[test]
    fn a_figureless_sentence_is_read_only_when_a_figure_borrows() {
        let read_aside = |sentences: &[Sentence]| {
            let mut b = Buffers::default();
            let mut out = Vec::new();
            let _ = place_read(sentences, &mut out, &mut b);
            (out, b.handed.scratch.lower)
        };
        // The title and the first body sentence are read for the release's period.
        let title = marked("Trade news", None, 0);
        let first = marked("Prices held at {4 tons}.", Some(0), 0);
        let gives = marked("The survey of [June] is out.", Some(0), 6);
        let borrows = marked("Sales rose {5%}.", Some(0), 0);
        let (out, lower) = read_aside(&[title.clone(), first.clone(), gives.clone(), borrows]);
        assert_eq!(lower, "the survey of [june] is out.");
        assert_eq!(out[2].period, Some(Period::Month { year: 2025, month: 6 }));
        let own = marked("Output in [July] came to {3 tons}.", Some(0), 7);
        let (out, lower) = read_aside(&[title, first, gives, own]);
        assert_eq!(lower, "");
        assert_eq!(out[3].period, Some(Period::Month { year: 2025, month: 7 }));
    }

    #[test]
    fn an_overlong_sentence_leaves_no_room_behind() {
        let long: &'static str = format!("Sales rose {{5%}} in [May]{}.", " and more".repeat(20_000)).leak();
        let sentences = [marked(long, Some(0), 5)];
        let mut out = Vec::new();
        let _ = place(&sentences, &mut out);
        assert_eq!(out[0].period, Some(Period::Month { year: 2025, month: 5 }));
        let room = BUFFERS.with(|b| b.borrow().readings.room());
        assert!(room <= KEPT_ROOM, "{room}");
    }

    /// The rows' `(period, period_end, basis)`, `..`-joined, for short assertions.
    fn timing(date: &str, title: &str, body: &str) -> Vec<String> {
        rows(date, title, body)
            .into_iter()
            .map(|(text, p, e, b)| {
                let span = if e.is_empty() { p } else { format!("{p}..{e}") };
                format!("{text}|{span}|{b}")
            })
            .collect()
    }

    #[test]
    fn an_undated_sentence_takes_the_period_of_the_one_before() {
        let r = rows(
            "2025-11-06",
            "Plans",
            "Sales rose in 2024. Then 467 projects and 433 approvals were counted.",
        );
        assert_eq!(r[0].1, "2024", "{r:?}");
    }

    #[test]
    fn a_bracketed_gloss_is_not_the_period_a_sentence_hands_on() {
        let body = "Building on the old plan (2020–2024), the agency won approval in August 2025. \
                    The four agencies held a briefing.";
        assert_eq!(timing("2025-11-06", "Agency news", body), ["four agencies|2025-08|"]);
    }

    #[test]
    fn two_compared_periods_hand_on_none() {
        let body = "Sales fell more in the first half (down 9 percent) than in the second half (down 2 percent). \
                    Online stores took 40 percent.";
        assert_eq!(timing("2025-01-10", "Sales in 2024", body)[2], "40 percent|2024|");
    }

    #[test]
    fn the_carry_stops_at_the_paragraph() {
        // The next line takes the release's period, not the line before's.
        let body = "Orders grew 3 percent in March.\nThe plant hired 40 workers.";
        assert_eq!(
            timing("2025-05-02", "Factory news for April", body),
            ["3 percent|2025-03|", "40 workers|2025-04|"]
        );
    }

    #[test]
    fn a_sentence_with_two_periods_hands_on_none() {
        let body = "Sales rose 2% in 2023 and 4% in 2024. The firm has 12 stores.";
        assert_eq!(timing("2025-05-02", "Retail in May", body)[2], "12 stores|2025-05|");
    }

    #[test]
    fn the_release_period_comes_from_the_title_else_the_first_sentence() {
        assert_eq!(
            timing("2025-12-01", "Steel output in November", "Mills made 4 million tons."),
            ["4 million tons|2025-11|"]
        );
        let body = "Farm exports for the third quarter were strong. Growers shipped 9,000 tons.";
        assert_eq!(timing("2025-10-15", "Farm trade", body), ["9,000 tons|2025-Q3|"]);
        // A day names no period: the release has none.
        let body = "The minister met 12 investors on May 4. They pledged USD 3 billion.";
        assert_eq!(
            timing("2025-05-06", "Investor meeting", body),
            ["12 investors||", "USD 3 billion||"]
        );
    }

    #[test]
    fn a_single_day_and_a_duration_are_no_periods() {
        let body = "On July 3 the agency counted 5,000 visitors over the past five years.";
        assert_eq!(timing("2025-07-04", "Visitors", body), ["5,000 visitors||"]);
    }

    #[test]
    fn cumulative_figures_run_from_the_start_of_the_year() {
        let body = "Year-to-date exports through September reached USD 410 billion. \
                    From January to August, imports came to USD 380 billion.";
        assert_eq!(
            timing("2025-10-01", "Trade", body),
            ["USD 410 billion|2025-01..2025-09|", "USD 380 billion|2025-01..2025-08|"]
        );
    }

    #[test]
    fn plans_keep_their_own_time() {
        let body = "Sales rose 4 percent in June. The group expects sales of USD 2 billion next year.";
        assert_eq!(
            timing("2025-07-01", "Sales", body),
            ["4 percent|2025-06|", "USD 2 billion|2026|"]
        );
        // A target with no time of its own borrows none.
        let body = "Prices rose 3 percent in June, and the bank will bring them back to its 2 percent goal.";
        assert_eq!(timing("2025-07-01", "Prices", body)[1], "2 percent||");
    }

    #[test]
    fn named_bases_become_yoy_mom_or_their_date() {
        let body = "In May, output rose 3 percent from May 2024, 1 percent from April and 9 percent from 2019.";
        assert_eq!(
            timing("2025-06-10", "Output", body),
            [
                "3 percent|2025-05|yoy",
                "1 percent|2025-05|mom",
                "9 percent|2025-05|2019"
            ]
        );
        let body = "Third-quarter sales grew 2% over the second quarter.";
        assert_eq!(
            timing("2025-10-10", "Sales in the third quarter", body),
            ["2%|2025-Q3|qoq"]
        );
    }

    #[test]
    fn a_base_is_shared_only_where_the_sentence_says_so() {
        let body = "Exports rose 5 percent year-on-year, while imports fell 2 percent.";
        assert_eq!(
            timing("2025-06-10", "Trade in May", body),
            ["5 percent|2025-05|yoy", "2 percent|2025-05|"]
        );
        let body = "Tea and coffee sales rose 5 percent and 2 percent, respectively, from a year earlier.";
        assert_eq!(
            timing("2025-06-10", "Sales in May", body),
            ["5 percent|2025-05|yoy", "2 percent|2025-05|yoy"]
        );
        let body = "Compared with April, sales rose 5 percent and rents fell 1 percent.";
        assert_eq!(
            timing("2025-06-10", "Sales in May", body),
            ["5 percent|2025-05|mom", "1 percent|2025-05|mom"]
        );
        // Never carried to the next sentence, and never given to a level.
        let body = "Sales rose 5 percent on-year. Rents fell 1 percent. Stocks stood at USD 4 billion.";
        assert_eq!(
            timing("2025-06-10", "Sales in May", body),
            ["5 percent|2025-05|yoy", "1 percent|2025-05|", "USD 4 billion|2025-05|"]
        );
    }

    #[test]
    fn windows_and_same_periods() {
        let body = "For the first four months of 2025, exports rose 9% over the same period in 2024.";
        assert_eq!(timing("2025-05-20", "Trade", body), ["9%|2025-01..2025-04|yoy"]);
        let body = "Comparing the three-month period ending May 2025 with the preceding three months, \
                    exports rose 5%.";
        assert_eq!(
            timing("2025-06-20", "Trade", body),
            ["5%|2025-03..2025-05|2024-12..2025-02"]
        );
        let body = "In the year ended October 2025, the surplus reached $3 billion.";
        assert_eq!(timing("2025-11-20", "Trade", body), ["$3 billion|2024-11..2025-10|"]);
    }

    #[test]
    fn a_quarter_glossed_with_its_months_is_the_quarter() {
        let body = "Output fell 0.2% in Quarter 3 (July to Sept) 2025.";
        assert_eq!(timing("2025-11-11", "Output", body), ["0.2%|2025-Q3|"]);
    }

    #[test]
    fn an_issue_date_names_no_period() {
        let body = "The May 2025 issue of the digest has 12 articles.";
        assert_eq!(timing("2025-05-30", "Digest", body), ["12 articles||"]);
    }

    #[test]
    fn the_start_of_the_year_is_that_year() {
        let body = "Stocks stood at 30 million barrels in May, a 12% decrease since the beginning of the year.";
        assert_eq!(timing("2025-06-10", "Stocks", body)[1], "12%|2025-05|2025");
    }

    #[test]
    fn the_previous_period_is_a_period_after_in() {
        let body = "GDP grew 0.4% in the second quarter, after 0.2% in the previous quarter.";
        assert_eq!(timing("2025-08-01", "GDP", body), ["0.4%|2025-Q2|", "0.2%|2025-Q1|"]);
    }

    #[test]
    fn a_record_from_an_earlier_year_keeps_its_year() {
        let body = "Exports reached USD 70 billion in October, above the previous record of USD 68 billion set in March 2022. \
                    Imports came to USD 60 billion.";
        assert_eq!(
            timing("2025-11-01", "Trade", body),
            [
                "USD 70 billion|2025-10|",
                "USD 68 billion|2022-03|",
                "USD 60 billion|2025-10|"
            ]
        );
    }
}
