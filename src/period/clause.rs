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

use super::cues::{self, Lead, Relative};
use crate::model::Period;
use crate::words::trim_space::TrimSpace;

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

/// Where clauses break: `,` `;` `:` outside figures (and not inside numbers), and before
/// the conjunctions of contrast.
fn boundaries(lower: &str, items: &[Item], cues: &cues::Cues, out: &mut Vec<usize>) {
    let inside = |at: usize| {
        let n = items.partition_point(|i| i.start <= at);
        n > 0 && at < items[n - 1].end
    };
    let b = lower.as_bytes();
    punctuation_outside_brackets(b, out);
    out.retain(|&at| {
        let digits = at > 0 && b[at - 1].is_ascii_digit() && b.get(at + 1).is_some_and(u8::is_ascii_digit);
        !digits && !inside(at)
    });
    // The marks are in order, each once: sorted again only with a conjunction among them.
    let marks = out.len();
    out.extend(cues.contrasts().filter(|&at| !inside(at)));
    if out.len() > marks {
        out.sort_unstable();
        out.dedup();
    }
}

/// Where `,` `;` `:` stand outside brackets: a bracket is one aside, not split into
/// clauses. (A `)` with none open closes nothing.) Written over `out`: the marks and the
/// brackets found in one pass (`words::places_of`), then read in order.
fn punctuation_outside_brackets(b: &[u8], out: &mut Vec<usize>) {
    crate::words::places_of(b, [b',', b';', b':', b'(', b'[', b')', b']'], out);
    let mut depth = 0u32;
    out.retain(|&at| match b.get(at) {
        Some(b'(' | b'[') => {
            depth += 1;
            false
        }
        Some(b')' | b']') => {
            depth = depth.saturating_sub(1);
            false
        }
        _ => depth == 0,
    });
}

/// `punctuation_outside_brackets` by a search per kind of byte: the oracle of its pass.
#[cfg(test)]
fn punctuation_outside_brackets_by_search(b: &[u8], out: &mut Vec<usize>) {
    out.clear();
    out.extend(memchr::memchr3_iter(b',', b';', b':', b));
    // Only a bracket before the last mark may hold one: with none, every mark stands
    // (and a sentence with no mark is not searched for brackets at all).
    let Some(&last) = out.last() else {
        return;
    };
    let head = b.get(..last).unwrap_or(b);
    if memchr::memchr2(b'(', b'[', head).is_none() {
        return;
    }
    // The depth at each mark, from the brackets before it in order (found as the marks
    // are, by `memchr`, not byte by byte).
    let mut opens = memchr::memchr2_iter(b'(', b'[', head).peekable();
    let mut closes = memchr::memchr2_iter(b')', b']', head).peekable();
    let mut depth = 0u32;
    out.retain(|&at| {
        loop {
            let open = opens.peek().copied().filter(|&o| o < at);
            let close = closes.peek().copied().filter(|&c| c < at);
            match (open, close) {
                (Some(o), Some(c)) if c < o => {
                    closes.next();
                    depth = depth.saturating_sub(1);
                }
                (Some(_), _) => {
                    opens.next();
                    depth += 1;
                }
                (None, Some(_)) => {
                    closes.next();
                    depth = depth.saturating_sub(1);
                }
                (None, None) => break,
            }
        }
        depth == 0
    });
}

/// Byte spans of the segments between `cuts`, written over `out`.
fn segments(len: usize, cuts: &[usize], out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut start = 0;
    for &c in cuts {
        out.push((start, c));
        start = c;
    }
    out.push((start, len));
}

/// The segment of each item (by its start), written over `out`: one walk, as items and
/// segments are in order.
fn segments_of(items: &[Item], segs: &[(usize, usize)], out: &mut Vec<usize>) {
    out.clear();
    let mut k = 0;
    for i in items {
        // The last segment starting at or before the item (the first, before any).
        if segs.get(k).is_some_and(|&(s, _)| s > i.start) {
            k = segs.partition_point(|&(s, _)| s <= i.start).saturating_sub(1);
        }
        while segs.get(k + 1).is_some_and(|&(s, _)| s <= i.start) {
            k += 1;
        }
        out.push(k);
    }
}

/// Groups segments into clauses: one per segment with a figure. A figure-less segment
/// joins the clause before it across a comma; one that opens the sentence, or follows a
/// `;` or a conjunction (`while`), joins the clause after it, or stands alone when none
/// follows. Writes the clause spans and each segment's clause.
fn clauses(
    lower: &str,
    segments: &[(usize, usize)],
    has_figure: &[bool],
    spans: &mut Vec<(usize, usize)>,
    of_segment: &mut Vec<usize>,
) {
    spans.clear();
    of_segment.clear();
    let mut pending: Option<usize> = None;
    for (n, &(s, e)) in segments.iter().enumerate() {
        let hard = s == 0 || opens_hard(&lower[s..e]);
        // A hard break closes a waiting figure-less clause.
        if hard && let Some(p) = pending.filter(|_| s > 0) {
            spans.push((p, s));
            pending = None;
        }
        if has_figure[n] {
            spans.push((pending.take().unwrap_or(s), e));
        } else if pending.is_some() || hard || spans.is_empty() {
            pending.get_or_insert(s);
        } else if let Some(last) = spans.last_mut() {
            last.1 = e;
        }
        // A pending segment belongs to the clause made next.
        of_segment.push(if pending.is_some() {
            spans.len()
        } else {
            spans.len() - 1
        });
    }
    if let Some(start) = pending {
        spans.push((start, segments.last().map_or(start, |l| l.1)));
    }
}

/// A segment opened by `;` or a conjunction of contrast: a new clause even without a figure.
fn opens_hard(segment: &str) -> bool {
    match segment.as_bytes().first() {
        Some(b';') => true,
        // Cut at `,` or `:`: the clause goes on.
        Some(b',' | b':') | None => false,
        Some(_) => cues::CONTRAST.iter().any(|w| segment.starts_with(w)),
    }
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

    /// Whether clause `c` holds a word of the future.
    fn clause_is_forecast(&self, c: usize) -> bool {
        let (start, end) = self.clauses.get(c).copied().unwrap_or((0, 0));
        let i = self.forecast_at.partition_point(|&p| p < start);
        self.forecast_at.get(i).is_some_and(|&p| p < end)
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

    /// Whether `place_relatives` steps back from the `reference` it is given: the sentence
    /// has `in the previous quarter` phrases and no scoping date of its own to step from.
    /// (Given none otherwise, it places the same.)
    pub fn needs_reference(&self) -> bool {
        !self.relative_periods.is_empty() && !self.dates.iter().any(|d| d.role.is_scope())
    }

    /// Places the `in the previous quarter` phrases one step before `reference`, as
    /// scoping dates of their clauses.
    pub fn place_relatives(&mut self, items: &[Item], reference: Option<(Period, Option<Period>)>) {
        let own = self
            .dates
            .iter()
            .find(|d| d.role.is_scope())
            .map(|d| (d.mention.period, d.mention.period_end));
        let Some((p, end)) = own.or(reference) else {
            return;
        };
        for &(start, end_at, step) in &self.relative_periods {
            let (period, period_end) = match (step, p, end) {
                // A span of years (`FY 2021-22`) steps back whole: `previous fiscal` 2020..2021.
                (Step::Year, Period::Year(a), Some(Period::Year(b))) => {
                    (Period::Year(a - 1), Some(Period::Year(b - 1)))
                }
                _ => match step_back(end.unwrap_or(p), step) {
                    Some(back) => (back, None),
                    None => continue,
                },
            };
            let clause = self.clauses.partition_point(|&(s, _)| s <= start).saturating_sub(1);
            let mention = Mention {
                start,
                end: end_at,
                period,
                period_end,
            };
            let role = self.relative_role(items, clause, start);
            if let Role::Base { counts: true, .. } = role
                && clause < self.clauses.len()
            {
                self.bases.push((
                    clause,
                    start,
                    end_at,
                    Base::Date {
                        period,
                        end: period_end,
                        same: false,
                    },
                ));
                self.bases.sort_by_key(|&(c, p, ..)| (c, p));
            }
            self.dates.push(Dated {
                mention,
                role,
                clause,
                same: false,
            });
        }
        self.dates.sort_by_key(|d| d.mention.start);
    }

    /// What a relative period phrase at `start` does: the period of the level it stands
    /// beside after a comparing word (`over USD 291 billion in the previous year`: a
    /// base); else it dates the figures before it from its clause's start, or from an
    /// opening bracket (`grew 2% (after 3% in the previous quarter)`).
    fn relative_role(&self, items: &[Item], clause: usize, start: usize) -> Role {
        if let Some(o) = figure_before(&self.lower, items, start) {
            let own = &items[o];
            let before = cues::tail(self.lower.get(..own.start).unwrap_or(""), 200);
            let text = self.lower.get(own.start..own.end).unwrap_or("");
            if cues::lead_of(before) == Lead::Base || cues::opens_with_lead(text) {
                return Role::Base {
                    own: Some(o),
                    counts: !own.change,
                };
            }
        }
        let clause_start = self.clauses.get(clause).map_or(0, |c| c.0);
        let head = cues::tail(self.lower.get(clause_start..start).unwrap_or(""), 200);
        let from = head.rfind('(').map_or(clause_start, |p| start - head.len() + p);
        Role::Local(from)
    }

    /// Whether a clause counts its figures from the start of the year.
    pub fn is_cumulative(&self, c: usize) -> bool {
        self.cumulative.get(c).copied().unwrap_or(false)
    }

    /// Whether a figure of clause `c` is a forecast or objective: a word of the future
    /// stands before it in its clause, or right after it (`its 2 percent objective`).
    /// Returns that word's position.
    pub fn forecast_word(&self, c: usize, item: &Item) -> Option<usize> {
        let (start, end) = self.clauses.get(c).copied()?;
        let i = self.forecast_at.partition_point(|&p| p < item.start);
        let before = i
            .checked_sub(1)
            .and_then(|j| self.forecast_at.get(j))
            .filter(|&&p| p >= start);
        // After the figure only a noun of aim counts, right after it.
        let j = self.forecast_at.partition_point(|&p| p < item.end);
        let after = self
            .forecast_at
            .get(j)
            .filter(|&&p| p < end && p <= item.end + 12 && cues::is_aim_noun(self.lower.get(p..).unwrap_or("")));
        before.or(after).copied()
    }

    /// The date phrase that scopes a figure (item `n`) in its own sentence: a date it
    /// stands beside as a base's own figure; the date of a `when` clause it is in; the
    /// nearest scoping phrase of its clause; else of the nearest clause that has one
    /// (the earlier on a tie). A forecast takes only dates after its forecast word.
    pub fn scope_of(&self, items: &[Item], n: usize) -> Option<(Mention, Role)> {
        let item = items.get(n)?;
        let clause = self.clause_of.get(n).copied().unwrap_or(0);
        // Dates are in reading order: the ones around the figure are found by position,
        // and the search goes outward a bounded number of steps.
        let k = self.dates.partition_point(|d| d.mention.start < item.start);
        let near = k.saturating_sub(2)..(k + 2).min(self.dates.len());
        let owns =
            |d: &Dated| matches!(d.role, Role::Base { own: Some(o), .. } | Role::Scope { own: Some(o) } if o == n);
        if let Some(d) = self.dates[near].iter().find(|d| owns(d)) {
            return Some((d.mention, d.role));
        }
        if let Some(d) = k.checked_sub(1).and_then(|j| self.when_date(j, item)) {
            return Some((d.mention, d.role));
        }
        let forecast = self.forecast_word(clause, item);
        let eligible = |d: &Dated| {
            forecast.is_none_or(|w| d.mention.start > w || self.is_target(d))
                && (d.role.is_scope() || matches!(d.role, Role::Local(w) | Role::Future(w) if w <= item.start))
        };
        let in_clause = |d: &&Dated| d.clause == clause;
        let before = self.dates[..k]
            .iter()
            .rev()
            .take(SEARCH)
            .take_while(in_clause)
            .find(|d| eligible(d));
        let after = self.dates[k..]
            .iter()
            .take(SEARCH)
            .take_while(in_clause)
            .find(|d| eligible(d));
        let own = before
            .into_iter()
            .chain(after)
            .min_by_key(|d| distance(&d.mention, item));
        if let Some(d) = own {
            return Some((d.mention, d.role));
        }
        if forecast.is_some() {
            return None;
        }
        self.nearest_scope_clause(clause)
            .map(|m| (m, Role::Scope { own: None }))
    }

    /// The scoping date of the clause nearest to clause `c` that has one (the earlier on
    /// a tie), the one of its dates nearest to `c`.
    fn nearest_scope_clause(&self, c: usize) -> Option<Mention> {
        let list = &self.scope_list;
        let i = list.partition_point(|(x, _)| *x < c);
        let before = i.checked_sub(1).and_then(|j| list.get(j));
        let after = list[i..].iter().find(|(x, _)| *x > c);
        match (before, after) {
            (Some(b), Some(a)) if a.0 - c < c - b.0 => Some(a.1),
            (Some(b), _) => Some(b.1),
            (None, a) => a.map(|a| a.1),
        }
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

    /// `by 2030`: a target's own date.
    fn is_target(&self, d: &Dated) -> bool {
        cues::ends_with_word(self.lower[..d.mention.start].trim_end_space(), "by")
    }

    /// A date (`dates[j]`, the last before the figure) right before a `when` clause
    /// holding the figure: `since May 2022, when 14 items grew` dates the 14 items.
    fn when_date(&self, j: usize, item: &Item) -> Option<&Dated> {
        let d = self.dates.get(j).filter(|d| d.mention.end <= item.start)?;
        let between = self.lower.get(d.mention.end..item.start)?;
        let rest = between.trim_start_matches([',', ' ']);
        (rest.starts_with("when ") && !rest.contains([',', ';', '(']) && d.role != Role::Ignored).then_some(d)
    }

    /// The scoping phrases of the sentence (locals aside, and those of a forecast's
    /// clause), for the sentences after it.
    pub fn scopes(&self) -> impl Iterator<Item = &Mention> {
        self.dates
            .iter()
            .filter(|d| d.role.is_scope() && !self.clause_is_forecast(d.clause))
            .map(|d| &d.mention)
    }

    /// Whether a date stands inside brackets, a gloss of the words before it.
    pub fn in_brackets(&self, m: &Mention) -> bool {
        let before = cues::tail(self.lower.get(..m.start).unwrap_or(""), 64);
        let opened = before.rfind('(').is_some_and(|o| !before[o..].contains(')'));
        opened
            && self
                .lower
                .get(m.end..)
                .is_some_and(|a| a.trim_start_space().starts_with(')'))
    }

    /// The first period the sentence names (a forecast's own time too), for the
    /// release's period.
    pub fn first_named(&self) -> Option<&Mention> {
        self.dates
            .iter()
            .filter(|d| d.role.is_scope() || matches!(d.role, Role::Future(_)))
            .map(|d| &d.mention)
            .min_by_key(|m| m.start)
    }

    /// The base a change in `clause` at `at` is compared with: the nearest base of its
    /// clause after it (else before it), named in words or by a date; else one the
    /// sentence shares.
    pub fn base_of(&self, clause: usize, at: usize) -> Option<Base> {
        // A base follows its change (`rose 5% over May`, `6% and 3% respectively over
        // 2023`): the nearest after the figure, else the nearest before it.
        let nearest = |c: usize| {
            let list = clause_bases(&self.bases, c);
            let i = list.partition_point(|&(_, p, ..)| p < at);
            list.get(i)
                .or_else(|| i.checked_sub(1).and_then(|j| list.get(j)))
                .map(|&(.., b)| b)
        };
        let own = nearest(clause);
        if own.is_some() || !self.shared_base {
            return own;
        }
        (0..self.clauses.len()).find_map(nearest)
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

/// Bytes between a date phrase and a figure.
fn distance(m: &Mention, item: &Item) -> usize {
    if m.end <= item.start {
        item.start - m.end
    } else {
        m.start.saturating_sub(item.end)
    }
}

/// The item standing right before byte `at`, with only a preposition (and `the`)
/// between: `$3 billion in` May.
fn figure_before(lower: &str, items: &[Item], at: usize) -> Option<usize> {
    let last = items.partition_point(|i| i.end <= at).checked_sub(1)?;
    // A duration inside the phrase (`the first [nine months] of 2024`) is passed over.
    let n = (last.saturating_sub(2)..=last)
        .rev()
        .take_while(|&k| items[k].timed || !items[k].is_date)
        .find(|&k| items[k].timed)?;
    let i = items.get(n).filter(|i| at - i.end <= 48)?;
    let between = lower.get(i.end..at)?.trim_space();
    links_figure_to_period(between).then_some(n)
}

/// The words between a figure and a date that leave the date the figure's own: at most
/// seven, a preposition first, then prepositions and the words a period phrase opens with
/// (`in the first nine months of`). One walk over the words.
fn links_figure_to_period(between: &str) -> bool {
    let preposition = |w: &str| matches!(w, "in" | "for" | "during" | "of" | "the" | "at" | "respectively");
    let period_word = |w: &str| {
        matches!(
            w,
            "first" | "last" | "months" | "month" | "quarter" | "half" | "year" | "ended" | "ending" | "period"
        ) || count_word(w.trim_end_matches("-month")).is_some()
    };
    between
        .words_space()
        .enumerate()
        .all(|(k, w)| k < 7 && (preposition(w) || (k > 0 && period_word(w))))
}

/// The item standing right after a date, in brackets: May (`up 3%`).
fn figure_after(lower: &str, items: &[Item], n: usize, end: usize) -> Option<usize> {
    let i = items
        .get(n + 1)
        .filter(|i| i.timed && i.start.saturating_sub(end) <= 8)?;
    let between = lower.get(end..i.start)?.trim_space();
    (between == "(").then_some(n + 1)
}

/// What a date phrase (item `n`) does, from the words around it, and whether it is
/// written `the same period in ...`.
fn role(
    lower: &str,
    found: &cues::Cues,
    items: &[Item],
    n: usize,
    m: Mention,
    (clause_start, segment_start): (usize, usize),
) -> (Role, bool) {
    if matches!(m.period, Period::Day(_)) && m.period_end.is_none() {
        return (Role::Ignored, false);
    }
    if cues::names_publication(lower.get(m.end..).unwrap_or("")) {
        return (Role::Ignored, false);
    }
    let bracket = cues::tail(&lower[..m.start], 64).trim_end_space().strip_suffix('(');
    if bracket.is_some_and(|b| quarter_named_before(Some(b)).is_some()) {
        return (Role::Ignored, false);
    }
    // The lead is read before the figure the date stands beside.
    let own_before = figure_before(lower, items, m.start);
    let lead_end = own_before.map_or(m.start, |o| items[o].start);
    // Only the words near the date matter: a bounded tail keeps long sentences linear.
    let before = cues::tail(lower.get(..lead_end).unwrap_or(""), 200);
    // The figure's text may hold the lead itself (`over USD 35 billion`).
    let own_text = own_before.and_then(|o| lower.get(items[o].start..items[o].end));
    let lead = match cues::lead_of(before) {
        Lead::Plain if own_text.is_some_and(cues::opens_with_lead) => Lead::Base,
        lead => lead,
    };
    let clause_before = lower.get(clause_start..m.start).unwrap_or("");
    let (clause_start, clause_before) = {
        let t = cues::tail(clause_before, 200);
        (clause_start + clause_before.len() - t.len(), t)
    };
    // Each word asked only of the leads it decides for.
    let record = || record_word(lower, found, items, clause_start, clause_before);
    match lead {
        Lead::Event => return (Role::Ignored, false),
        Lead::Since if record().is_some() => return (Role::Ignored, false),
        Lead::Since => return (Role::Since, false),
        Lead::Base => {
            let same = same_period_before(cues::tail(lower.get(..m.start).unwrap_or(""), 64));
            // `from January to October`, `between 2020 and 2024` are spans, not bases.
            if m.period_end.is_none() || same || !opens_span(before) {
                let own = own_before.or_else(|| figure_after(lower, items, n, m.end));
                // Two changes compared (`fell more in May (down 3%) than in June (down 1%)`): no base.
                let counts = own.is_none_or(|o| !items[o].change);
                return (Role::Base { own, counts }, same);
            }
        }
        Lead::Plain => {}
    }
    if let Some(at) = record() {
        return (Role::Local(at), false);
    }
    // A cause's date dates the cause (`fell 17% because an order last year in April ...`).
    let clause_end = clause_start + clause_before.len();
    let cause = if found.surely_no_cause_within(lower, clause_start, clause_end) {
        None
    } else {
        match found.last_cause_within(lower, clause_start, clause_end) {
            Some(at) => at,
            None => cues::CAUSES
                .iter()
                .filter_map(|w| cues::find_all(clause_before, w).last())
                .max()
                .map(|at| clause_start + at),
        }
    };
    if let Some(at) = cause {
        return (Role::Local(at), false);
    }
    // The segment, not the clause: a leading `Compared with 2019,` is the sentence's base.
    if opens_comparison(lower.get(segment_start..m.start).unwrap_or("")) {
        return (Role::Local(segment_start), false);
    }
    (Role::Scope { own: own_before }, false)
}

/// A record word that makes the dates after it the record's (`the previous record of $8
/// billion set in 2015`, `$9 billion, the highest since ...`): one after `previous` or
/// `prior`, or one that follows a figure of the clause. Its byte, for `Role::Local`.
fn record_word(
    lower: &str,
    found: &cues::Cues,
    items: &[Item],
    clause_start: usize,
    clause_before: &str,
) -> Option<usize> {
    let end = clause_start + clause_before.len();
    if found.surely_no_record_within(lower, clause_start, end) {
        return None;
    }
    let walked = found.records_within(lower, clause_start, end);
    // Each place once, though several words of the list may stand there.
    let mut last = None;
    let searched = walked.is_none().then(|| {
        cues::RECORDS
            .find_in(clause_before)
            .map(|(at, _)| at)
            .filter(move |&at| last.replace(at) != Some(at))
    });
    let mut words = (walked.into_iter().flatten().map(|at| at - clause_start)).chain(searched.into_iter().flatten());
    words.find_map(|at| {
        let head = clause_before[..at].trim_end_space();
        let previous = ["previous", "prior", "former", "old"]
            .iter()
            .any(|w| cues::ends_with_word(head, w));
        let abs = clause_start + at;
        let first = items.partition_point(|i| i.start < clause_start);
        let after_figure = items[first..]
            .iter()
            .take(SEARCH)
            .take_while(|i| i.end <= abs)
            .any(|i| i.timed);
        (previous || after_figure).then_some(abs)
    })
}

/// `from` or `between` right before a span: the words of the span itself.
fn opens_span(before: &str) -> bool {
    let b = before.trim_end_space();
    let b = b.strip_suffix("the").map_or(b, str::trim_end);
    cues::ends_with_word(b, "from") || cues::ends_with_word(b, "between")
}

/// A clause that opens by comparing (`similar to the rise in March`, `compared with`).
fn opens_comparison(clause: &str) -> bool {
    // By bytes: every byte of a character beyond ASCII is no ASCII letter or digit.
    let from = clause
        .bytes()
        .position(|c| c.is_ascii_alphanumeric())
        .unwrap_or(clause.len());
    let c = clause.get(from..).unwrap_or_default();
    const OPENERS: [&str; 7] = [
        "similar to",
        "compared",
        "up from",
        "down from",
        "than",
        "versus",
        "against",
    ];
    // Asked at every date: most clauses are told apart by their first byte.
    let first = c.as_bytes().first();
    OPENERS
        .iter()
        .any(|w| w.as_bytes().first() == first && c.starts_with(w))
}

/// `the same period in` / `the same month of` right before a date.
fn same_period_before(before: &str) -> bool {
    let b = before.trim_end_space();
    let b = ["in", "of", "last"]
        .iter()
        .find_map(|w| b.strip_suffix(w).filter(|h| h.ends_with(' ')))
        .unwrap_or(b)
        .trim_end_space();
    ["period", "periods", "month", "months", "quarter", "half", "time"]
        .iter()
        .any(|w| b.strip_suffix(w).is_some_and(|h| h.trim_end_space().ends_with("same")))
}

/// For each item, whether it is a date that a dash joins to the next into one span
/// (`April 2021-March 2022`): two dates of one precision, the second later.
fn joined_dates(lower: &str, items: &[Item], out: &mut Vec<bool>) {
    out.clear();
    out.resize(items.len(), false);
    for (n, pair) in items.windows(2).enumerate() {
        let (Some((a, None)), Some((b, None))) = (pair[0].date, pair[1].date) else {
            continue;
        };
        let between = lower.get(pair[0].end..pair[1].start).unwrap_or("x").trim_space();
        let dash = matches!(between, "-" | "\u{2013}" | "\u{2014}");
        // `January and February as a whole`, `... combined`: one span.
        let after = lower.get(pair[1].end..).unwrap_or("").trim_start_space();
        let taken_together = between == "and"
            && ["as a whole", "combined", "together"]
                .iter()
                .any(|w| after.starts_with(w))
            && b == next_step(a);
        out[n] = (dash || taken_together) && a.precision() == b.precision() && a < b && !(n > 0 && out[n - 1]);
    }
}

/// Whether every date of the sentence (`text`, in any case) is a single day, which
/// `role` ignores: no date of a longer span, none that closes a week (`the week ending
/// May 3`, as `window` reads it), none a dash stands between it and the next date (`May
/// 3-5` may be one span). Such dates scope no figure, are no base and name no period.
pub(super) fn only_single_days(text: &str, items: &[Item]) -> bool {
    let dashed = |a: &Item, b: &Item| {
        b.date.is_some()
            && text
                .get(a.end..b.start)
                .is_some_and(|t| matches!(t.trim_space(), "-" | "\u{2013}" | "\u{2014}"))
    };
    items.iter().enumerate().all(|(n, i)| match i.date {
        None => true,
        Some((Period::Day(_), None)) => {
            let before = text.get(..i.start).unwrap_or("");
            !closes_week(before) && items.get(n + 1).is_none_or(|next| !dashed(i, next))
        }
        Some(_) => false,
    })
}

/// `before` closes with `week ending` or `week ended`, in any case: the day after it is
/// the last of a week (`window`).
fn closes_week(before: &str) -> bool {
    let b = before.trim_end_space().as_bytes();
    ["week ending", "week ended"].iter().any(|w| {
        b.len() >= w.len()
            && b.get(b.len() - w.len()..)
                .is_some_and(|end| end.eq_ignore_ascii_case(w.as_bytes()))
    })
}

/// The period right after `p` at its precision (none for a day).
fn next_step(p: Period) -> Period {
    match p {
        Period::Month { year, month: 12 } => Period::Month {
            year: year + 1,
            month: 1,
        },
        Period::Month { year, month } => Period::Month { year, month: month + 1 },
        Period::Quarter { year, quarter: 4 } => Period::Quarter {
            year: year + 1,
            quarter: 1,
        },
        Period::Quarter { year, quarter } => Period::Quarter {
            year,
            quarter: quarter + 1,
        },
        Period::Half { year, half: 2 } => Period::Half {
            year: year + 1,
            half: 1,
        },
        Period::Half { year, half } => Period::Half { year, half: half + 1 },
        Period::Year(year) => Period::Year(year + 1),
        Period::Day(d) => Period::Day(d),
    }
}

/// A date phrase read with the words before it that the date grammar leaves out:
/// windows (`the year ended October 2020`), `the first five months of 2020`, `Quarter 3
/// 2022`, `quarter 1 January to March 2015`, `MARCH 2023`.
fn widen(before: &str, period: Period, end: Option<Period>) -> (Period, Option<Period>) {
    match (period, end) {
        (Period::Year(year), None) => year_with_words(before, year).unwrap_or((period, end)),
        (Period::Month { year, .. }, None) => match quarter_named_before(before.trim_end_space().strip_suffix(" to")) {
            Some(q) => (Period::Quarter { year, quarter: q }, None),
            None => window(before, period, end),
        },
        _ => window(before, period, end),
    }
}

/// A year read with the words right before it: `the first five months of` (months 1 to
/// 5; three are the first quarter, six the first half), `Quarter 3 (July to Sept)`, a
/// month name in any case (`MARCH`).
fn year_with_words(before: &str, year: i32) -> Option<(Period, Option<Period>)> {
    let b = before.trim_end_space();
    if let Some(head) = b.strip_suffix("months of") {
        let n = head.trim_end_space().rsplit(' ').next().and_then(count_word)?;
        let head = head
            .trim_end_space()
            .strip_suffix(head.trim_end_space().rsplit(' ').next()?)?
            .trim_end_space();
        if !head.ends_with("first") {
            return None;
        }
        return Some(match n {
            3 => (Period::Quarter { year, quarter: 1 }, None),
            6 => (Period::Half { year, half: 1 }, None),
            2..=12 => (
                Period::Month { year, month: 1 },
                Some(Period::Month { year, month: n as u32 }),
            ),
            _ => return None,
        });
    }
    if let Some(q) = quarter_named_before(Some(b)) {
        return Some((Period::Quarter { year, quarter: q }, None));
    }
    let word = b.rsplit(|c: char| !c.is_ascii_alphabetic()).next()?;
    let month = crate::grammar::date::MONTHS
        .iter()
        .position(|m| m.eq_ignore_ascii_case(word))?;
    Some((
        Period::Month {
            year,
            month: month as u32 + 1,
        },
        None,
    ))
}

/// `quarter 3`, `quarter 3 (july to sept)`, `quarter 1 january` at the end of `before`:
/// the quarter's number.
fn quarter_named_before(before: Option<&str>) -> Option<u32> {
    let b = before?.trim_end_space();
    // Asked before most dates: only a number, a bracket or a month word ends the phrase.
    match b.as_bytes().last()? {
        b')' | b'0'..=b'9' => {}
        c if c.is_ascii_alphabetic() => {
            let last = b.rsplit(' ').next()?;
            if !crate::grammar::date::is_month_word(last.as_bytes()) {
                return None;
            }
        }
        _ => return None,
    }
    quarter_named_at_end(b)
}

/// `quarter_named_before`, read word by word from the end of `b` (trimmed).
fn quarter_named_at_end(mut b: &str) -> Option<u32> {
    // A bracketed or plain run of month words after the number.
    if let Some(open) = b.strip_suffix(')').and_then(|h| h.rfind('(')) {
        b = b[..open].trim_end_space();
    }
    let last = b.rsplit(' ').next()?;
    if crate::grammar::date::is_month_word(last.as_bytes()) {
        b = b[..b.len() - last.len()].trim_end_space();
        // `quarter 1 january`: the grammar read `1 january` as a day; its number stays.
    }
    let mut words = b.rsplit(' ');
    let number = words.next()?;
    let q: u32 = number.parse().ok()?;
    (words.next() == Some("quarter") && (1..=4).contains(&q)).then_some(q)
}

/// A month closing a window (`the year ended October 2020`, `the three-month period
/// ending May`) becomes the months of the window.
fn window(before: &str, period: Period, end: Option<Period>) -> (Period, Option<Period>) {
    if end.is_some() {
        return (period, end);
    }
    let b = before.trim_end_space();
    if let Period::Day(day) = period {
        // `the week ending September 10`: the seven days to it.
        let week = ["week ending", "week ended"].iter().any(|w| b.ends_with(w));
        return match day.checked_sub_days(chrono::Days::new(6)) {
            Some(first) if week => (Period::Day(first), Some(period)),
            _ => (period, end),
        };
    }
    let Period::Month { year, month } = period else {
        return (period, end);
    };
    let Some(head) = ["ended", "ending"]
        .iter()
        .find_map(|w| b.strip_suffix(w))
        .map(str::trim_end)
    else {
        return (period, end);
    };
    let head = head.strip_suffix("period").map_or(head, str::trim_end);
    let months = if head.ends_with("year") {
        12
    } else {
        let head = head
            .strip_suffix("months")
            .or_else(|| head.strip_suffix("-month"))
            .or_else(|| head.strip_suffix(" month"));
        match head
            .and_then(|h| h.trim_end_space().rsplit([' ', '(']).next())
            .and_then(count_word)
        {
            Some(n) if (2..=24).contains(&n) => n,
            _ => return (period, end),
        }
    };
    let index = year * 12 + month as i32 - 1 - (months - 1);
    let start = Period::Month {
        year: index.div_euclid(12),
        month: (index.rem_euclid(12) + 1) as u32,
    };
    (start, Some(period))
}

/// A number of months written in digits or words (`three`, `12`).
fn count_word(w: &str) -> Option<i32> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ];
    w.parse()
        .ok()
        .or_else(|| WORDS.iter().position(|x| *x == w).map(|n| n as i32 + 1))
}

/// `in the previous quarter`, `during the prior month`: a period one step before the
/// sentence's own.
/// Written over `out`.
fn relative_periods_into(lower: &str, found: &cues::Cues, out: &mut Vec<(usize, usize, Step)>) {
    out.clear();
    // `found` has where the step words stand whole; the lead is read before each.
    for at_step in found.steps() {
        let (head, rest) = lower.split_at(at_step);
        let Some(after) = cues::STEPS
            .iter()
            .find_map(|w| rest.strip_prefix(w).and_then(|r| r.strip_prefix(' ')))
        else {
            continue;
        };
        for lead in ["in the ", "during the ", "for the ", "in ", "during "] {
            let Some(at) = head.strip_suffix(lead).map(str::len) else {
                continue;
            };
            if !cues::whole_at(lower, at, lead.trim_end_space()) {
                continue;
            }
            let unit = after.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
            let step = match unit {
                "month" => Step::Month,
                "quarter" => Step::Quarter,
                "half" => Step::Half,
                "year" | "fiscal" => Step::Year,
                _ => continue,
            };
            let end = lower.len() - after.len() + unit.len();
            out.push((at, end, step));
        }
    }
    out.sort_unstable();
}

/// The period one `step` before `p`, at the step's precision.
fn step_back(p: Period, step: Step) -> Option<Period> {
    let (year, month) = match p {
        Period::Day(d) => {
            use chrono::Datelike;
            (d.year(), d.month())
        }
        Period::Month { year, month } => (year, month),
        Period::Quarter { year, quarter } => (year, quarter * 3),
        Period::Half { year, half } => (year, half * 6),
        Period::Year(year) => (year, 12),
    };
    // The unit before the one holding the month, as (year, number of the unit in it).
    let back = |_: u32, size: i32| {
        let unit = (year * 12 + month as i32 - 1).div_euclid(size) - 1;
        let first_month = unit * size;
        Some((
            first_month.div_euclid(12),
            (first_month.rem_euclid(12) / size + 1) as u32,
        ))
    };
    Some(match step {
        Step::Month => {
            let (y, m) = back(1, 1)?;
            Period::Month { year: y, month: m }
        }
        Step::Quarter => {
            let (y, q) = back(1, 3)?;
            Period::Quarter { year: y, quarter: q }
        }
        Step::Half => {
            let (y, h) = back(1, 6)?;
            Period::Half { year: y, half: h }
        }
        Step::Year => Period::Year(year - 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one pass over marks and brackets keeps the marks the searches per kind of
    /// byte keep (its oracle): on every line of the fixtures and on invented texts of
    /// nested, unopened and unclosed brackets.
    #[test]
    fn marks_outside_brackets_are_those_the_searches_find() {
        let mut texts: Vec<String> = crate::fixture_texts()
            .iter()
            .flat_map(|t| t.lines().map(str::to_string).collect::<Vec<_>>())
            .collect();
        let pieces = ["a", ",", ";", ":", "(", ")", "[", "]", " ", "\u{e9}"];
        let mut invented = vec![String::new()];
        for _ in 0..4 {
            invented = invented
                .iter()
                .flat_map(|t| pieces.iter().map(move |p| format!("{t}{p}")))
                .collect();
            texts.extend(invented.iter().cloned());
        }
        texts.push(format!("{}(x, y) z, w", "a".repeat(70)));
        let (mut got, mut want) = (Vec::new(), Vec::new());
        for text in &texts {
            punctuation_outside_brackets(text.as_bytes(), &mut got);
            punctuation_outside_brackets_by_search(text.as_bytes(), &mut want);
            assert_eq!(got, want, "{text:?}");
        }
    }

    fn month(m: u32) -> Period {
        Period::Month { year: 2025, month: m }
    }

    /// Items for a sentence: each `{...}` a figure (`{^...}` a change), each `[...]` a
    /// date (months numbered in order), each `<...>` a day (May 1, 2, ... in order).
    fn read(marked: &str) -> (String, Vec<Item>) {
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

    /// `only_single_days` holds only where the whole reading ignores every date.
    #[test]
    fn single_days_are_told_apart_from_spans() {
        for (marked, single) in [
            ("The minister met them on <May 1> and <May 2>.", true),
            ("Sales held {5%}.", true),
            ("In the Week Ending <May 1>, sales held {5%}.", false),
            ("Talks ran <May 1> \u{2013} <May 2>.", false),
            ("Sales rose {5%} in [January] after <May 1>.", false),
        ] {
            let (text, items) = read(marked);
            assert_eq!(only_single_days(&text, &items), single, "{marked}");
        }
    }

    proptest::proptest! {
        #[test]
        fn single_days_are_all_ignored(picks in proptest::collection::vec(0..9usize, 0..12)) {
            const PIECES: [&str; 9] = [
                " <May 1>", " [2024]", " - ", " week ending", " Week Ended", " {5%}", " and", " in", ",",
            ];
            let marked: String = picks.iter().map(|&n| PIECES[n]).collect();
            let (text, items) = read(&marked);
            let mut whole = Reading::default();
            whole.read_parts(&text.to_ascii_lowercase(), &items, false);
            if only_single_days(&text, &items) {
                proptest::prop_assert!(whole.dates.iter().all(|d| d.role == Role::Ignored), "{:?}", marked);
            }
        }
    }

    /// `links_figure_to_period` as it was: three walks over the words. Its oracle.
    fn links_by_three_walks(between: &str) -> bool {
        let words = || between.split_whitespace();
        let preposition = |w: &str| matches!(w, "in" | "for" | "during" | "of" | "the" | "at" | "respectively");
        let period_word = |w: &str| {
            matches!(
                w,
                "first" | "last" | "months" | "month" | "quarter" | "half" | "year" | "ended" | "ending" | "period"
            ) || count_word(w.trim_end_matches("-month")).is_some()
        };
        words().nth(7).is_none()
            && words().next().is_none_or(preposition)
            && words().all(|w| preposition(w) || period_word(w))
    }

    proptest::proptest! {
        #[test]
        fn words_between_are_read_as_by_three_walks(picks in proptest::collection::vec(0..9usize, 0..11)) {
            const WORDS: [&str; 9] = ["in", "the", "first", "nine", "six-month", "of", "sales", "\u{a0}", "year"];
            let between = picks.iter().map(|&n| WORDS[n]).collect::<Vec<_>>().join(" ");
            proptest::prop_assert_eq!(links_figure_to_period(&between), links_by_three_walks(&between), "{:?}", between);
        }

        #[test]
        fn a_quarter_is_read_as_word_by_word(picks in proptest::collection::vec(0..13usize, 0..7)) {
            const PIECES: [&str; 13] = [
                "quarter", " ", "3", "5", " (july to sept)", "january", "x", ")", "(", ",", "+2", "in", "sept.",
            ];
            let before: String = picks.iter().map(|&n| PIECES[n]).collect();
            let want = quarter_named_at_end(before.trim_end());
            proptest::prop_assert_eq!(quarter_named_before(Some(&before)), want, "{:?}", before);
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
    fn windows_close_on_their_month() {
        let may = Period::Month { year: 2020, month: 5 };
        let w = |before: &str| window(before, may, None);
        assert_eq!(
            w("in the year ended "),
            (Period::Month { year: 2019, month: 6 }, Some(may))
        );
        assert_eq!(
            w("the three-month period ending "),
            (Period::Month { year: 2020, month: 3 }, Some(may))
        );
        assert_eq!(w("in the 12 months to "), (may, None));
        let day = |d| Period::Day(chrono::NaiveDate::from_ymd_opt(2021, 9, d).unwrap());
        assert_eq!(window("in the week ending ", day(10), None), (day(4), Some(day(10))));
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

    #[test]
    fn years_are_read_with_the_words_before_them() {
        let y = |before: &str| widen(before, Period::Year(2020), None);
        let m = |month| Period::Month { year: 2020, month };
        assert_eq!(y("for the first five months of "), (m(1), Some(m(5))));
        assert_eq!(
            y("in the first three months of "),
            (Period::Quarter { year: 2020, quarter: 1 }, None)
        );
        assert_eq!(
            y("output fell in quarter 3 "),
            (Period::Quarter { year: 2020, quarter: 3 }, None)
        );
        assert_eq!(
            y("in quarter 4 (oct to dec) "),
            (Period::Quarter { year: 2020, quarter: 4 }, None)
        );
        assert_eq!(y("the survey -- march "), (m(3), None));
        assert_eq!(y("in the last five months of "), (Period::Year(2020), None));
        assert_eq!(
            widen("in quarter 1 january to ", m(3), None),
            (Period::Quarter { year: 2020, quarter: 1 }, None)
        );
    }

    #[test]
    fn relative_periods_step_back() {
        let lower = "after 1.2% in the previous quarter and 3% during the prior month";
        let r = relative_periods(lower);
        assert_eq!(r.iter().map(|x| x.2).collect::<Vec<_>>(), [Step::Quarter, Step::Month]);
        let q3 = Period::Quarter { year: 2022, quarter: 3 };
        assert_eq!(
            step_back(q3, Step::Quarter),
            Some(Period::Quarter { year: 2022, quarter: 2 })
        );
        let jan = Period::Month { year: 2022, month: 1 };
        assert_eq!(
            step_back(jan, Step::Month),
            Some(Period::Month { year: 2021, month: 12 })
        );
        assert_eq!(
            step_back(jan, Step::Quarter),
            Some(Period::Quarter { year: 2021, quarter: 4 })
        );
    }

    #[test]
    fn a_previous_period_beside_a_base_level_is_the_base() {
        let (text, mut items) =
            read("Sales reached {$9 billion} in [FY], up {^5%} over {$8 billion} in previous fiscal.");
        items[1].date = Some((Period::Year(2021), Some(Period::Year(2022))));
        let mut r = Reading::new(&text, &items);
        r.place_relatives(&items, None);
        let base = r.base_of(r.clause_of[2], items[2].start);
        let want = Base::Date {
            period: Period::Year(2020),
            end: Some(Period::Year(2021)),
            same: false,
        };
        assert_eq!(base, Some(want));
        assert_eq!(r.scope_of(&items, 3).map(|(m, _)| m.period), Some(Period::Year(2020)));
    }

    /// `relative_periods` as it was, searching each lead: the oracle of the walk from the
    /// step words.
    fn relative_periods_by_leads(lower: &str) -> Vec<(usize, usize, Step)> {
        let mut out = Vec::new();
        for lead in ["in the ", "during the ", "for the ", "in ", "during "] {
            for (at, _) in lower.match_indices(lead) {
                if !cues::whole_at(lower, at, lead.trim_end()) {
                    continue;
                }
                let rest = &lower[at + lead.len()..];
                let Some(after) = cues::STEPS.iter().find_map(|w| rest.strip_prefix(w)?.strip_prefix(' ')) else {
                    continue;
                };
                let unit = after.split(|c: char| !c.is_ascii_alphabetic()).next().unwrap_or("");
                let step = match unit {
                    "month" => Step::Month,
                    "quarter" => Step::Quarter,
                    "half" => Step::Half,
                    "year" | "fiscal" => Step::Year,
                    _ => continue,
                };
                out.push((at, lower.len() - after.len() + unit.len(), step));
            }
        }
        out.sort_unstable();
        out
    }

    fn relative_periods(lower: &str) -> Vec<(usize, usize, Step)> {
        let mut out = Vec::new();
        relative_periods_into(lower, &cues::Cues::of(lower), &mut out);
        out
    }

    #[test]
    fn relative_periods_are_found_from_their_step_words() {
        let mut texts = crate::fixture_texts();
        texts.push("in last year, during the prior half,for the preceding month; within the last quarter; in  the last year; in the last fiscal".into());
        for text in texts {
            let lower = text.to_ascii_lowercase();
            assert_eq!(relative_periods(&lower), relative_periods_by_leads(&lower));
        }
        let lower = "in last year, during the prior half,for the preceding month; within the last quarter";
        assert_eq!(relative_periods(lower).len(), 3);
    }

    proptest::proptest! {
        /// One walk gives each item the segment a search gives it, items out of order too.
        #[test]
        fn items_fall_in_the_segments_a_search_finds(
            cuts in proptest::collection::btree_set(0..60usize, 0..8),
            starts in proptest::collection::vec(0..70usize, 0..10),
            sorted in proptest::bool::ANY,
        ) {
            let cuts: Vec<usize> = cuts.into_iter().collect();
            let mut segs = Vec::new();
            segments(70, &cuts, &mut segs);
            let mut starts = starts;
            if sorted {
                starts.sort_unstable();
            }
            let items: Vec<Item> = starts.iter().map(|&start| Item { start, end: start + 1, ..Item::default() }).collect();
            let mut out = Vec::new();
            segments_of(&items, &segs, &mut out);
            let want: Vec<usize> = starts
                .iter()
                .map(|&at| segs.partition_point(|&(s, _)| s <= at).saturating_sub(1))
                .collect();
            proptest::prop_assert_eq!(out, want);
        }
    }

    /// `punctuation_outside_brackets` as it was, byte by byte: its oracle.
    fn marks_byte_by_byte(b: &[u8]) -> Vec<usize> {
        let mut out = Vec::new();
        let mut depth = 0u32;
        for (at, &c) in b.iter().enumerate() {
            match c {
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth = depth.saturating_sub(1),
                b',' | b';' | b':' if depth == 0 => out.push(at),
                _ => {}
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn marks_are_found_as_byte_by_byte(picks in proptest::collection::vec(0..9usize, 0..40)) {
            const PIECES: [&str; 9] = ["a", ",", ";", ":", "(", ")", "[", "]", " x "];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            let mut out = vec![7];
            punctuation_outside_brackets(text.as_bytes(), &mut out);
            proptest::prop_assert_eq!(out, marks_byte_by_byte(text.as_bytes()), "{:?}", text);
        }
    }

    #[test]
    fn punctuation_in_brackets_cuts_nothing() {
        let text = "a, b (c, d) e; f [g: (h)] i: j) k, l";
        let want: Vec<usize> = text
            .char_indices()
            .filter(|&(at, c)| matches!(c, ',' | ';' | ':') && ![7, 19].contains(&at))
            .map(|(at, _)| at)
            .collect();
        let marks = |b: &[u8]| {
            let mut out = vec![99];
            punctuation_outside_brackets(b, &mut out);
            out
        };
        assert_eq!(marks(text.as_bytes()), want);
        assert_eq!(marks(b"no brackets, here: at all;"), [11, 17, 25]);
    }

    #[test]
    fn the_same_period_is_read_before_a_date() {
        assert!(same_period_before("rose 3% over the same period in "));
        assert!(same_period_before("compared with the same periods in "));
        assert!(!same_period_before("rose 3% in "));
    }
}
