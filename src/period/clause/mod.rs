//! One sentence: its clauses, what each date phrase does, and the date phrase and base
//! each figure takes from the sentence itself.
//!
//! ```text
//! segment  = text between `,` `;` `:` or before `while` `whereas` `but`, outside figures
//! clause   = a segment with a figure, with the figure-less segments around it
//!            (a leading one joins the next: `In 2024, ...`; a later one the one before:
//!            `..., compared with 2019`)
//! own      = the figure a date phrase stands beside: `$3 billion in May`, `May (up 3%)`
//! role     = ignored: a single day, a publication's date (`the May issue`), a date
//!                     after an event verb (`met in May`), `since` after a record word,
//!                     the months that gloss a quarter (`Quarter 3 (July to Sept)`)
//!          | since  : after `since`                     -> a base, never a period
//!          | base   : after from/than/over/compared with/between (an own figure skipped)
//!                     -> the period of its own figure only, and a base for the clause's
//!                     changes unless that own figure is itself a change
//!          | local  : after `because` (a cause's date), after `previous record`, or a record word that follows a figure
//!                     (`$9 billion, the highest since`), or in a clause that opens by
//!                     comparing (`similar to ... in March`) -> its own clause only
//!          | future : after a word of the future in its clause -> the forecast's time,
//!                     for figures after that word only
//!          | scope  : any other date                     -> a period
//! window   = (the year | N months | the N-month period) (ended | ending) month
//!            -> the N months to that month
//! relative = (in | during | for) the (previous | preceding | prior | last) (month | quarter | half | year)
//!            -> the period before the sentence's own (else the carried one)
//! ```
//!
//! Segments and clauses are cut in `segments.rs`, roles read in `role.rs`, windows and
//! the other words that widen a date in `widen.rs`, relative periods placed in
//! `relative.rs`; `scope.rs` answers what each figure takes from the reading.

mod relative;
mod role;
mod scope;
mod segments;
mod widen;

use super::cues::{self, Relative};
use crate::model::Period;
use crate::words::trim_space::TrimSpace;
use relative::relative_periods_into;
pub(super) use role::only_single_days;
use role::role;
use segments::{boundaries, clauses, segments, segments_of};
use widen::{joined_dates, widen};

/// A date phrase of the sentence, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte span of the phrase in the sentence.
    pub start: usize,
    pub end: usize,
    pub period: Period,
    pub period_end: Option<Period>,
}

/// A figure of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Item {
    pub start: usize,
    pub end: usize,
    /// A date row, resolved (its period and end).
    pub date: Option<(Period, Option<Period>)>,
    /// A date row, resolved or not: no figure that takes a period.
    pub is_date: bool,
    /// A change (a direction or a sign).
    pub change: bool,
    /// A figure that takes a period (money, percent, count, quantity).
    pub timed: bool,
}

/// What a date phrase does in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Ignored,
    Since,
    /// A base of comparison; `own` is the item it dates, `counts` whether it is a base
    /// for the clause's changes.
    Base {
        own: Option<usize>,
        counts: bool,
    },
    /// Scopes only figures of its clause from this byte on.
    Local(usize),
    /// Scopes its clause and sentence; `own` is the figure it stands right after
    /// (`0.1% in the first quarter`), which takes it before any nearer date.
    Scope {
        own: Option<usize>,
    },
    /// After a word of the future at this byte (`is expected to reach 9 GW in 2026`):
    /// the forecast's own time, for figures of its clause after that word (and the
    /// release's period), never for the rest of the sentence.
    Future(usize),
}

impl Role {
    pub fn is_scope(self) -> bool {
        matches!(self, Role::Scope { .. })
    }
}

/// A base as the text names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    Words(Relative),
    /// A named period; `same` when written `the same period in 2019` (the figure's own
    /// period in that year).
    Date {
        period: Period,
        end: Option<Period>,
        same: bool,
    },
}

/// A date phrase with what it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dated {
    pub mention: Mention,
    pub role: Role,
    pub clause: usize,
    /// `the same period in 2019`.
    pub same: bool,
}

/// A sentence read for periods. Its buffers are kept from one sentence to the next
/// (`read`): a release's sentences are read one after the other in one `Reading`.
#[derive(Debug, Default)]
pub struct Reading {
    pub lower: String,
    /// Clause number of each item.
    pub clause_of: Vec<usize>,
    /// Clause spans.
    pub clauses: Vec<(usize, usize)>,
    /// Date phrases, in order.
    pub dates: Vec<Dated>,
    /// `in the previous quarter`-style phrases: their span and the step they name,
    /// placed once the sentence's own period is known.
    pub relative_periods: Vec<(usize, usize, Step)>,
    /// The bases each clause names, as `(clause, start, end, base)`, by clause and then
    /// start.
    bases: Vec<(usize, usize, usize, Base)>,
    /// Where words of the future stand in the sentence.
    forecast_at: Vec<usize>,
    /// Per clause: whether it counts from the start of the year.
    pub cumulative: Vec<bool>,
    /// The sentence opens with a figure-less segment that names a base, which then
    /// covers the whole sentence (`Compared with May 2019, ...`), or holds `respectively`.
    pub shared_base: bool,
    /// The scoping dates with their clauses, in order.
    scope_list: Vec<(usize, Mention)>,
    /// Read no further than its phrases (`read_parts`' shortcut): it gives its figures
    /// nothing of its own.
    bare: bool,
    /// What reading a sentence works with, kept for the next one.
    work: Work,
}

/// The buffers `Reading::read` works in.
#[derive(Debug, Default)]
struct Work {
    cues: cues::Cues,
    /// Where clauses may break, then the segments between those cuts.
    cuts: Vec<usize>,
    segs: Vec<(usize, usize)>,
    /// Per segment: whether it holds a timed figure, and its clause.
    has_figure: Vec<bool>,
    clause_of_seg: Vec<usize>,
    /// Per item: its segment.
    seg_of_item: Vec<usize>,
    /// Per item: whether a dash joins it to the next (`joined_dates`).
    joined: Vec<bool>,
    picks: Vec<cues::Pick>,
}

/// How many dates or items a search looks through around a figure: a sentence with
/// thousands of figures costs no more per figure than a short one.
const SEARCH: usize = 64;

/// The unit a relative period phrase steps back by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Month,
    Quarter,
    Half,
    Year,
}

impl Reading {
    /// A sentence read in buffers of its own.
    #[cfg(test)]
    pub fn new(sentence: &str, items: &[Item]) -> Reading {
        let mut r = Reading::default();
        r.read(sentence, items);
        r
    }

    /// Reads `sentence` (its figures `items`) in place of the sentence read before.
    #[cfg(test)]
    pub fn read(&mut self, sentence: &str, items: &[Item]) {
        self.read_shaped(sentence, items, only_single_days(sentence, items));
    }

    /// `read`, told whether `only_single_days(sentence, items)` holds: the caller has
    /// asked it already, before the sentence's turn.
    pub fn read_shaped(&mut self, sentence: &str, items: &[Item], single_days: bool) {
        self.read_parts(sentence, items, single_days);
    }

    /// `read`; a sentence with no date but single days (`single_days`) and no phrase of
    /// the lists that could time its figures without one (`cues::may_time_undated`) is
    /// read no further than that, not even lower-cased: it has no clause, date or base
    /// that could give its figures anything (each takes what it borrows, a change no
    /// base), so it is left with none. (`single_days` false: read whole.)
    fn read_parts(&mut self, sentence: &str, items: &[Item], single_days: bool) {
        let Reading {
            lower,
            clause_of,
            clauses: spans,
            dates,
            relative_periods,
            bases,
            forecast_at,
            cumulative,
            shared_base,
            scope_list,
            bare,
            work:
                Work {
                    cues: found,
                    cuts,
                    segs,
                    has_figure,
                    clause_of_seg,
                    seg_of_item,
                    joined,
                    picks,
                },
        } = self;
        // Whether it is bare is told first, by the dates and by a walk over the few
        // phrases that may time a figure with none: most bare sentences are read no further.
        *bare = single_days && !cues::may_time_undated(sentence, items.iter().any(|i| i.timed && i.change));
        lower.clear();
        if *bare {
            clause_of.clear();
            spans.clear();
            dates.clear();
            relative_periods.clear();
            bases.clear();
            forecast_at.clear();
            cumulative.clear();
            *shared_base = false;
            scope_list.clear();
            return;
        }
        lower.push_str(sentence);
        lower.make_ascii_lowercase();
        let lower = &*lower;
        // One walk finds the phrases of every list; clauses read them by position.
        found.refill(lower);
        boundaries(lower, items, found, cuts);
        segments(sentence.len(), cuts, segs);
        segments_of(items, segs, seg_of_item);
        has_figure.clear();
        has_figure.resize(segs.len(), false);
        for (i, &seg) in items.iter().zip(seg_of_item.iter()) {
            if i.timed {
                has_figure[seg] = true;
            }
        }
        clauses(lower, segs, has_figure, spans, clause_of_seg);
        clause_of.clear();
        clause_of.extend(
            seg_of_item
                .iter()
                .map(|&seg| clause_of_seg.get(seg).copied().unwrap_or(0)),
        );
        joined_dates(lower, items, joined);
        dates.clear();
        dates.extend(
            items
                .iter()
                .enumerate()
                .filter(|&(n, _)| !(n > 0 && joined[n - 1]))
                .filter_map(|(n, i)| {
                    let (period, period_end) = i.date?;
                    let (period, period_end) = widen(&lower[..i.start], period, period_end);
                    let (end, period_end) = match items.get(n + 1) {
                        Some(next) if joined[n] => (next.end, next.date.map(|(a, b)| b.unwrap_or(a))),
                        _ => (i.end, period_end),
                    };
                    let mention = Mention {
                        start: i.start,
                        end,
                        period,
                        period_end,
                    };
                    let clause = clause_of[n];
                    let clause_start = spans[clause].0;
                    let segment_start = segs[seg_of_item[n]].0;
                    let (role, same) = role(lower, found, items, n, mention, (clause_start, segment_start));
                    Some(Dated {
                        mention,
                        role,
                        clause,
                        same,
                    })
                }),
        );
        bases.clear();
        for (c, &(s, e)) in spans.iter().enumerate() {
            found.each_relative(lower, s, e, picks, |p, e, r| {
                bases.push((c, s + p, s + e, Base::Words(r)))
            });
        }
        forecast_at.clear();
        forecast_at.extend(found.forecast_positions());
        cumulative.clear();
        cumulative.extend(spans.iter().map(|&(s, e)| found.is_cumulative(s, e)));
        let opener = segs[0];
        // An opening phrase (`Compared with May,`) leads into the first clause with a
        // figure; one cut off by `;` is a clause of its own.
        let leads_in = has_figure
            .iter()
            .position(|&h| h)
            .is_some_and(|f| f > 0 && clause_of_seg[f] == clause_of_seg[0]);
        *shared_base = found.respectively() || (leads_in && opener_compares(lower, opener, found, picks));
        relative_periods_into(lower, found, relative_periods);
        self.mark_future();
        self.add_dated_bases();
        self.list_scopes();
    }

    /// The sentence was read no further than its phrases: it has no date, clause or base
    /// of its own, and each of its figures takes what it borrows.
    pub fn is_bare(&self) -> bool {
        self.bare
    }

    /// Scoping dates after a word of the future in their clause become `Future`.
    fn mark_future(&mut self) {
        for d in &mut self.dates {
            if !d.role.is_scope() {
                continue;
            }
            let start = self.clauses.get(d.clause).map_or(0, |c| c.0);
            let i = self.forecast_at.partition_point(|&p| p < start);
            if let Some(&w) = self.forecast_at.get(i).filter(|&&w| w < d.mention.start) {
                d.role = Role::Future(w);
            }
        }
    }

    /// Adds each clause's dated bases to its bases, unless a base in words covers the
    /// same words (`over the last year` is the past twelve months, not the year).
    fn add_dated_bases(&mut self) {
        // All bases so far are in words, by clause, in order and apart within each.
        let words = self.bases.len();
        for d in &self.dates {
            let (Role::Base { counts: true, .. } | Role::Since) = d.role else {
                continue;
            };
            if d.clause >= self.clauses.len() {
                continue;
            }
            let m = d.mention;
            // The one of its clause starting last before the date's end is the only one
            // that may overlap it.
            let list = clause_bases(&self.bases[..words], d.clause);
            let i = list.partition_point(|&(_, p, ..)| p < m.end);
            if i.checked_sub(1).is_some_and(|j| list[j].2 > m.start) {
                continue;
            }
            self.bases.push((
                d.clause,
                m.start,
                m.end,
                Base::Date {
                    period: m.period,
                    end: m.period_end,
                    same: d.same,
                },
            ));
        }
        // Stable: bases of one clause that start together keep the order they came in.
        self.bases.sort_by_key(|&(c, p, ..)| (c, p));
    }

    /// Rebuilds `scope_list` from `dates`.
    fn list_scopes(&mut self) {
        self.scope_list.clear();
        self.scope_list.extend(
            self.dates
                .iter()
                .filter(|d| d.role.is_scope())
                .map(|d| (d.clause, d.mention)),
        );
    }
}

/// The bases of clause `c` in `bases` (sorted by clause).
fn clause_bases(bases: &[(usize, usize, usize, Base)], c: usize) -> &[(usize, usize, usize, Base)] {
    let from = bases.partition_point(|b| b.0 < c);
    let to = from + bases[from..].partition_point(|b| b.0 <= c);
    &bases[from..to]
}

/// An opening segment that compares: `Compared with ...`, `Comparing ...`, `Between May
/// and June`, `On a year-on-year basis`.
fn opener_compares(lower: &str, (from, to): (usize, usize), found: &cues::Cues, picks: &mut Vec<cues::Pick>) -> bool {
    let o = lower[from..to].trim_start_space();
    if ["compared", "comparing", "in comparison", "between", "as regards"]
        .iter()
        .any(|w| o.starts_with(w))
    {
        return true;
    }
    let mut any = false;
    found.each_relative(lower, from, to, picks, |_, _, _| any = true);
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(m: u32) -> Period {
        Period::Month { year: 2025, month: m }
    }

    /// Items for a sentence: each `{...}` a figure (`{^...}` a change), each `[...]` a
    /// date (months numbered in order), each `<...>` a day (May 1, 2, ... in order).
    pub(super) fn read(marked: &str) -> (String, Vec<Item>) {
        let mut text = String::new();
        let mut items = Vec::new();
        let mut open = 0;
        let (mut n, mut days) = (0, 0);
        let mut change = false;
        for c in marked.chars() {
            match c {
                '{' | '[' | '<' => open = text.len(),
                '>' => {
                    days += 1;
                    let day = chrono::NaiveDate::from_ymd_opt(2025, 5, days).map(Period::Day);
                    items.push(Item {
                        start: open,
                        end: text.len(),
                        date: day.map(|d| (d, None)),
                        is_date: true,
                        ..Item::default()
                    })
                }
                '^' => change = true,
                '}' => items.push(Item {
                    start: open,
                    end: text.len(),
                    change: std::mem::take(&mut change),
                    timed: true,
                    ..Item::default()
                }),
                ']' => {
                    n += 1;
                    items.push(Item {
                        start: open,
                        end: text.len(),
                        date: Some((month(n), None)),
                        is_date: true,
                        change: false,
                        timed: false,
                    })
                }
                _ => text.push(c),
            }
        }
        (text, items)
    }

    fn scopes(marked: &str) -> Vec<Option<Period>> {
        let (text, items) = read(marked);
        let r = Reading::new(&text, &items);
        (0..items.len())
            .filter(|&n| !items[n].is_date)
            .map(|n| r.scope_of(&items, n).map(|(m, _)| m.period))
            .collect()
    }

    /// A sentence with no date and no phrase that could time its figures without one,
    /// read no further, answers as one read whole (each question as `place` asks it: a
    /// base only for a change); the others are read whole.
    #[test]
    fn a_bare_sentence_answers_as_one_read_whole() {
        // Each with whether it is read no further.
        let sentences = [
            ("In [May], sales rose {^5%} from [June].", false),
            ("Sales came to {$9 billion} and stocks to {3 tons}.", true),
            ("Compared with its rivals, the firm sold {^40 cars}, up {^5%}.", true),
            (
                "The plant (in the north) hired {40 workers}; output held, and {12 stores} opened.",
                true,
            ),
            ("Sales rose {^5%} year-on-year, while stocks fell {^2%}.", false),
            ("Sales will reach {$9 billion}.", false),
            ("Year-to-date sales came to {$9 billion}, the highest on record.", false),
            ("", true),
            // Phrases that tell only what a date does, or where a clause breaks.
            ("Sales came to {$9 billion}, while stocks held at {3 tons}.", true),
            ("Tea and rice sold {4 tons} and {9 tons}, respectively.", true),
            ("The mill made {12 tons}, a record, because demand was strong.", true),
            // A base in words, for levels alone and for a change.
            ("Stocks stood at {3 tons} on a year-on-year basis.", true),
            ("Stocks stood at {3 tons}, up {^2%} year-on-year.", false),
            // A step back names a date; a running total and an aim time a figure.
            ("Sales came to {$9 billion} in the previous quarter.", false),
            ("Cumulative sales came to {$9 billion}.", false),
            ("The target is {5%}.", false),
            // Single days scope nothing; a week's end and a span of days do.
            (
                "The agency said on <May 1> that sales rose {^5%}, while stocks held.",
                true,
            ),
            (
                "On <May 1> and <May 2>, sales came to {$9 billion} and {$3 billion}.",
                true,
            ),
            ("In the week ending <May 1>, sales came to {$9 billion}.", false),
            ("From <May 1>-<May 2>, sales came to {$9 billion}.", false),
            ("On <May 1>, sales rose {^5%} from [January].", false),
            ("On <May 1>, sales rose {^5%} year-on-year.", false),
        ];
        let reference = Some((month(3), None));
        // One reading for all, both ways: nothing of a sentence read before stays.
        let mut short = Reading::default();
        for (marked, bare) in sentences.iter().chain(sentences.iter().rev()) {
            let (text, items) = read(marked);
            short.read(&text, &items);
            assert_eq!(short.is_bare(), *bare, "{marked}");
            short.place_relatives(&items, reference);
            let mut whole = Reading::default();
            whole.read_parts(&text, &items, false);
            whole.place_relatives(&items, reference);
            for (n, item) in items.iter().enumerate() {
                let clause = |r: &Reading| r.clause_of.get(n).copied().unwrap_or(0);
                let (a, b) = (clause(&short), clause(&whole));
                assert_eq!(short.scope_of(&items, n), whole.scope_of(&items, n), "{marked}");
                assert_eq!(short.forecast_word(a, item), whole.forecast_word(b, item), "{marked}");
                assert_eq!(short.is_cumulative(a), whole.is_cumulative(b), "{marked}");
                if item.timed && item.change {
                    assert_eq!(short.base_of(a, item.start), whole.base_of(b, item.start), "{marked}");
                }
            }
            assert!(short.scopes().eq(whole.scopes()), "{marked}");
            assert_eq!(short.first_named(), whole.first_named(), "{marked}");
        }
    }

    #[test]
    fn a_leading_date_scopes_its_clause() {
        // Each clause its own month, the opening phrase joined to the clause after it.
        assert_eq!(
            scopes("In [June], sales rose {5%}, and in [July] they rose {7%}."),
            [Some(month(1)), Some(month(2))]
        );
    }

    #[test]
    fn a_base_date_is_no_period() {
        assert_eq!(scopes("Sales rose {5%} from [June]."), [None]);
        assert_eq!(
            scopes("Sales rose {5%} in [June] compared with [July]."),
            [Some(month(1))]
        );
        assert_eq!(scopes("Sales were the highest {5} since [June]."), [None]);
    }

    #[test]
    fn a_base_date_dates_its_own_level() {
        // The base's own figure takes the base's date; the change takes the other.
        assert_eq!(
            scopes("Sales reached {$9 billion} in [June], up {^5%} over {$8 billion} in [July]."),
            [Some(month(1)), Some(month(1)), Some(month(2))]
        );
        let (text, items) = read("Sales rose {^5%} in [June], up from {$8 billion} in [July].");
        let r = Reading::new(&text, &items);
        assert!(matches!(
            r.base_of(r.clause_of[2], items[2].start),
            Some(Base::Date { .. })
        ));
    }

    #[test]
    fn a_span_after_over_is_a_base() {
        let (text, mut items) = read("Sales in [April] were {$9 billion}, up {^5%} over {$8 billion} in [April].");
        items[0].date = Some((month(1), Some(month(2))));
        items[4].date = Some((month(3), Some(month(4))));
        let r = Reading::new(&text, &items);
        assert_eq!(r.scope_of(&items, 2).map(|(m, _)| m.period), Some(month(1)));
        assert!(matches!(
            r.base_of(r.clause_of[2], items[2].start),
            Some(Base::Date { .. })
        ));
    }

    #[test]
    fn two_changes_compared_give_no_base() {
        let (text, items) = read("Sales fell more in [June] ({^down 3%}) than in [July] ({^down 1%}).");
        let r = Reading::new(&text, &items);
        assert_eq!(r.scope_of(&items, 3).map(|(m, _)| m.period), Some(month(2)));
        assert_eq!(r.base_of(r.clause_of[1], items[1].start), None);
    }

    #[test]
    fn a_record_date_is_its_clause_only() {
        assert_eq!(
            scopes("Sales reached {$9 billion} in [June], beating the previous record of {$8 billion} set in [July]."),
            [Some(month(1)), Some(month(2))]
        );
        // The figure before the record word is not the record.
        assert_eq!(
            scopes("Sales reached {$9 billion}, the highest level seen in [July]."),
            [None]
        );
        // A record said of the period itself dates it.
        assert_eq!(scopes("Sales hit a record {$9 billion} in [July]."), [Some(month(1))]);
        // Every record word is weighed, not only the first.
        let carried = "Led by record-high chips, sales beat the previous record of {$8 billion} set in [June].";
        let (text, items) = read(carried);
        let r = Reading::new(&text, &items);
        assert_eq!(r.scopes().count(), 0);
    }

    #[test]
    fn an_undated_clause_takes_the_sentence_date() {
        assert_eq!(
            scopes(
                "Both the rate, at {3.5 percent}, and the number of jobless, at {5.8 million}, stood still in [March]."
            ),
            [Some(month(1)), Some(month(1))]
        );
    }

    #[test]
    fn a_cause_date_dates_the_cause() {
        assert_eq!(
            scopes("Sales fell {17 percent} because a large order in [April] had lifted the base."),
            [None]
        );
    }

    #[test]
    fn a_span_opened_by_from_is_a_period() {
        let (text, mut items) = read("From [January], sales came to {$9 billion}.");
        items[0].date = Some((month(1), Some(month(8))));
        let r = Reading::new(&text, &items);
        assert_eq!(r.scopes().count(), 1);
    }

    #[test]
    fn a_bracket_is_one_aside() {
        // Its `;` splits no clause, and a comparing segment's date stays in it.
        assert_eq!(
            scopes("Wages rose {^3%}, similar to the rise in [March] ({^+$1}; {^+4%})."),
            [None, Some(month(1)), Some(month(1))]
        );
    }

    #[test]
    fn a_semicolon_keeps_a_figureless_clause_apart() {
        let (text, items) = read("Output slowed on the quarter; services held, while industry fell {^1.5%} in [June].");
        let r = Reading::new(&text, &items);
        assert_eq!(r.base_of(r.clause_of[0], items[0].start), None);
        assert_eq!(scopes("In [June], sales rose {5%}."), [Some(month(1))]);
    }

    #[test]
    fn a_when_clause_takes_the_date_before_it() {
        assert_eq!(
            scopes("It is the lowest since [June], when it was {1.9 percent}."),
            [Some(month(1))]
        );
    }

    #[test]
    fn a_forecast_takes_no_date_before_its_verb() {
        assert_eq!(
            scopes("Prices rose in [May] and will return to their {2 percent} objective."),
            [None]
        );
        assert_eq!(
            scopes("Sales rose in [May] and are expected to reach {$9 billion} in [July]."),
            [Some(month(2))]
        );
        // A verb of the future after the figure is another clause's.
        assert_eq!(
            scopes("Investment in [May] came to {$2 billion} and will rise in [July]."),
            [Some(month(1))]
        );
        assert_eq!(scopes("In [May] prices held near their {2 percent} target."), [None]);
        assert_eq!(
            scopes("In [May] the bank sought inflation of {2 percent} over the longer run."),
            [None]
        );
    }

    #[test]
    fn a_forecast_date_stays_in_its_clause() {
        assert_eq!(
            scopes("Imports grew {5 percent} last year, and both sides expect trade to grow {10 percent} in [2027]."),
            [None, Some(month(1))]
        );
        let (text, items) = read("Next [year] the agency will open an office.");
        assert_eq!(Reading::new(&text, &items).scopes().count(), 0);
    }

    #[test]
    fn a_comparing_opener_is_shared() {
        let (text, items) =
            read("Compared with [May], sales rose {^5%} and orders fell {^2%}, while stocks rose {^1%}.");
        let r = Reading::new(&text, &items);
        assert!(r.shared_base);
        let last = r.clause_of[3];
        assert!(matches!(r.base_of(last, items[3].start), Some(Base::Date { period, .. }) if period == month(1)));
    }

    #[test]
    fn dates_joined_by_a_dash_are_one_span() {
        let (text, items) = read("Sales in [April 2024]-[March 2025] were {$5 billion}.");
        let r = Reading::new(&text, &items);
        let m = r.scope_of(&items, 2).map(|(m, _)| (m.period, m.period_end));
        assert_eq!(m, Some((month(1), Some(month(2)))));
    }

    #[test]
    fn months_taken_together_are_one_span() {
        let (text, items) = read("Taking [January] and [February] as a whole, sales rose {5%}.");
        let r = Reading::new(&text, &items);
        let m = r.scope_of(&items, 2).map(|(m, _)| (m.period, m.period_end));
        assert_eq!(m, Some((month(1), Some(month(2)))));
    }

    #[test]
    fn a_figure_takes_the_period_phrase_right_after_it() {
        // `0.5% in the first nine months of [2024]`: the phrase is the figure's, though
        // another date stands nearer.
        let (text, mut items) = read("Prices rose {1%} in [May] and {2%} in the first {two months} of [2025].");
        // `two months` is a duration: no date and no timed figure.
        items[3].timed = false;
        items[4].date = Some((Period::Year(2025), None));
        let r = Reading::new(&text, &items);
        let m = r.scope_of(&items, 2).map(|(m, _)| (m.period, m.period_end));
        assert_eq!(m, Some((month(1), Some(month(2)))));
    }
}
