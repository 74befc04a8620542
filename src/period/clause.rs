//! One sentence: its clauses, what each date phrase does, and the date phrase and base
//! each figure takes from the sentence itself.
//!
//! ```text
//! segment  = text between `,` `;` `:` or before `while` `whereas` `but`, outside figures
//! clause   = a segment with a figure, with the figure-less segments around it
//!            (a leading one joins the next: `In 2024, ...`; a later one the one before:
//!            `..., compared with 2019`)
//! role     = event  : a single day, a publication's date, a date after an event verb
//!          | since  : after `since`                          -> a base, never a period
//!          | base   : after from/than/over/compared with ... -> a base, never a period
//!          | record : after a record word in its clause      -> its own clause only
//!          | scope  : any other date                         -> a period
//! ```

use super::cues::{self, Lead, Relative};
use crate::model::Period;

/// A date phrase of the sentence, resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Byte span of the phrase (with its lead words) in the sentence.
    pub start: usize,
    pub end: usize,
    pub period: Period,
    pub period_end: Option<Period>,
}

/// A figure of the sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    pub start: usize,
    pub end: usize,
    /// A date row, resolved (its period and end), or `None` for other figures.
    pub date: Option<(Period, Option<Period>)>,
    /// A date row that could not be placed: still a figure span.
    pub is_date: bool,
}

/// What a date phrase does in its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Event,
    Since,
    Base,
    /// After a record word at this byte: dates the record, so only a figure after that
    /// word (the record itself) takes it.
    Record(usize),
    Scope,
}

/// A sentence read for periods.
#[derive(Debug)]
pub struct Reading {
    pub lower: String,
    /// Clause number of each item.
    pub clause_of: Vec<usize>,
    /// Clause spans.
    pub clauses: Vec<(usize, usize)>,
    /// Date mentions with their roles and clauses.
    pub dates: Vec<(Mention, Role, usize)>,
    /// The sentence opens with a figure-less segment that names a base, which then
    /// covers the whole sentence (`Compared with May 2019, ...`), or holds `respectively`.
    pub shared_base: bool,
}

/// Where clauses break: `,` `;` `:` outside figures (and not inside numbers), and before
/// the conjunctions of contrast.
fn boundaries(sentence: &str, lower: &str, items: &[Item]) -> Vec<usize> {
    let inside = |at: usize| items.iter().any(|i| i.start <= at && at < i.end);
    let b = lower.as_bytes();
    let mut out = Vec::new();
    for (at, &c) in b.iter().enumerate() {
        if matches!(c, b',' | b';' | b':') && !inside(at) {
            let digits = at > 0 && b[at - 1].is_ascii_digit() && b.get(at + 1).is_some_and(u8::is_ascii_digit);
            if !digits {
                out.push(at);
            }
        }
    }
    for word in ["while", "whereas", "but", "although"] {
        out.extend(cues::find_all(lower, word).filter(|&at| !inside(at)));
    }
    out.sort_unstable();
    out.dedup();
    let _ = sentence;
    out
}

impl Reading {
    pub fn new(sentence: &str, items: &[Item]) -> Reading {
        let lower = sentence.to_ascii_lowercase();
        let cuts = boundaries(sentence, &lower, items);
        let mut segments: Vec<(usize, usize)> = Vec::with_capacity(cuts.len() + 1);
        let mut start = 0;
        for &c in &cuts {
            segments.push((start, c));
            start = c;
        }
        segments.push((start, sentence.len()));
        let seg_of = |at: usize| segments.iter().rposition(|&(s, _)| s <= at).unwrap_or(0);
        let has_figure: Vec<bool> = (0..segments.len())
            .map(|n| items.iter().any(|i| !i.is_date && seg_of(i.start) == n))
            .collect();
        // Figure-less segments join a neighbour: the first ones the next clause, later
        // ones the clause before.
        let mut clause_of_seg = vec![0usize; segments.len()];
        let mut clauses: Vec<(usize, usize)> = Vec::new();
        let mut pending_start: Option<usize> = None;
        for (n, &(s, e)) in segments.iter().enumerate() {
            if has_figure[n] || clauses.is_empty() && n + 1 == segments.len() {
                clauses.push((pending_start.take().unwrap_or(s), e));
            } else if let Some(last) = clauses.last_mut() {
                last.1 = e;
            } else {
                pending_start.get_or_insert(s);
            }
            clause_of_seg[n] = clauses.len().saturating_sub(1);
        }
        // Leading segments joined the first clause made after them.
        let first_figure_seg = has_figure.iter().position(|&h| h).unwrap_or(0);
        for c in clause_of_seg.iter_mut().take(first_figure_seg) {
            *c = 0;
        }
        if clauses.is_empty() {
            clauses.push((0, sentence.len()));
        }
        let clause_at = |at: usize| clause_of_seg.get(seg_of(at)).copied().unwrap_or(0);
        let clause_of = items.iter().map(|i| clause_at(i.start)).collect();
        let dates = items
            .iter()
            .filter_map(|i| {
                let (period, period_end) = i.date?;
                let m = Mention {
                    start: i.start,
                    end: i.end,
                    period,
                    period_end,
                };
                let c = clause_at(i.start);
                Some((m, role(&lower, m, clauses[c].0), c))
            })
            .collect();
        let opener = &lower[segments[0].0..segments[0].1];
        let shared_base = cues::has(&lower, "respectively")
            || (!has_figure[0] && segments.len() > 1 && (opener_compares(opener)));
        Reading {
            lower,
            clause_of,
            clauses,
            dates,
            shared_base,
        }
    }

    /// The text of a clause, lower-cased.
    pub fn clause_text(&self, c: usize) -> &str {
        let (s, e) = self.clauses.get(c).copied().unwrap_or((0, 0));
        self.lower.get(s..e).unwrap_or("")
    }

    /// The date phrase that scopes a figure in its own sentence: the nearest scoping
    /// phrase of its clause (a record's date too), else of the nearest clause that has
    /// one (the earlier on a tie).
    pub fn scope_of(&self, item: &Item, item_clause: usize) -> Option<(Mention, Role)> {
        let own = self
            .dates
            .iter()
            .filter(|(_, r, c)| {
                *c == item_clause && (*r == Role::Scope || matches!(r, Role::Record(w) if *w < item.start))
            })
            .min_by_key(|(m, ..)| distance(m, item));
        if let Some((m, r, _)) = own {
            return Some((*m, *r));
        }
        self.dates
            .iter()
            .filter(|(_, r, _)| *r == Role::Scope)
            .min_by_key(|(m, _, c)| (c.abs_diff(item_clause), *c > item_clause, distance(m, item)))
            .map(|(m, r, _)| (*m, *r))
    }

    /// The scoping phrases of the sentence (records aside), for the sentences after it.
    pub fn scopes(&self) -> impl Iterator<Item = &Mention> {
        self.dates.iter().filter(|(_, r, _)| *r == Role::Scope).map(|(m, ..)| m)
    }

    /// The base a change in `clause` at `at` is compared with: the nearest base of its
    /// clause, named in words or by a date; else one shared by the sentence.
    pub fn base_of(&self, clause: usize, at: usize) -> Option<Base> {
        let own = self.bases_in(clause, at);
        if own.is_some() || !self.shared_base {
            return own;
        }
        (0..self.clauses.len()).find_map(|c| self.bases_in(c, at))
    }

    fn bases_in(&self, clause: usize, at: usize) -> Option<Base> {
        let (s, _) = self.clauses.get(clause).copied()?;
        let words = cues::relatives(self.clause_text(clause))
            .into_iter()
            .map(|(p, r)| (s + p, Base::Words(r)));
        let dated = self
            .dates
            .iter()
            .filter(|(_, r, c)| *c == clause && matches!(r, Role::Base | Role::Since))
            .map(|(m, ..)| (m.start, Base::Date(m.period, m.period_end)));
        words.chain(dated).min_by_key(|(p, _)| p.abs_diff(at)).map(|(_, b)| b)
    }
}

/// A base as the text names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Base {
    Words(Relative),
    Date(Period, Option<Period>),
}

/// An opening segment that compares: `Compared with ...`, `Comparing ...`, `On a
/// year-on-year basis`.
fn opener_compares(opener: &str) -> bool {
    let o = opener.trim_start();
    o.starts_with("compared") || o.starts_with("comparing") || o.starts_with("in comparison") || !cues::relatives(o).is_empty()
}

/// Bytes between a date phrase and a figure.
fn distance(m: &Mention, item: &Item) -> usize {
    if m.end <= item.start {
        item.start - m.end
    } else {
        m.start.saturating_sub(item.end)
    }
}

/// What a date phrase does, from the words around it.
fn role(lower: &str, m: Mention, clause_start: usize) -> Role {
    if matches!(m.period, Period::Day(_)) && m.period_end.is_none() {
        return Role::Event;
    }
    if cues::names_publication(lower.get(m.end..).unwrap_or("")) {
        return Role::Event;
    }
    let before = lower.get(..m.start).unwrap_or("");
    match cues::lead_of(before) {
        Lead::Event => return Role::Event,
        Lead::Since => return Role::Since,
        // `from January to October` is a span, not a base.
        Lead::Base if m.period_end.is_none() => return Role::Base,
        _ => {}
    }
    let clause_before = lower.get(clause_start..m.start).unwrap_or("");
    let record = cues::RECORD_WORDS
        .iter()
        .filter_map(|w| cues::find_all(clause_before, w).next())
        .min();
    if let Some(at) = record {
        return Role::Record(clause_start + at);
    }
    Role::Scope
}

#[cfg(test)]
mod tests {
    use super::*;

    fn month(m: u32) -> Period {
        Period::Month { year: 2025, month: m }
    }

    /// Items for `sentence`: each `{...}` a figure, each `[...]` a date (months numbered in order).
    fn read(marked: &str) -> (String, Vec<Item>) {
        let mut text = String::new();
        let mut items = Vec::new();
        let mut open = 0;
        let mut n = 0;
        for c in marked.chars() {
            match c {
                '{' | '[' => open = text.len(),
                '}' => items.push(Item {
                    start: open,
                    end: text.len(),
                    date: None,
                    is_date: false,
                }),
                ']' => {
                    n += 1;
                    items.push(Item {
                        start: open,
                        end: text.len(),
                        date: Some((month(n), None)),
                        is_date: true,
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
        items
            .iter()
            .zip(&r.clause_of)
            .filter(|(i, _)| !i.is_date)
            .map(|(i, &c)| r.scope_of(i, c).map(|(m, _)| m.period))
            .collect()
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
        assert_eq!(scopes("Sales rose {5%} in [June] compared with [July]."), [Some(month(1))]);
        assert_eq!(scopes("Sales were the highest {5} since [June]."), [None]);
    }

    #[test]
    fn a_record_date_is_its_clause_only() {
        assert_eq!(
            scopes("Sales reached {$9 billion} in [June], beating the record of {$8 billion} set in [July]."),
            [Some(month(1)), Some(month(2))]
        );
        // The figure before the record word is not the record.
        assert_eq!(scopes("Sales reached {$9 billion}, the highest level seen in [July]."), [None]);
    }

    #[test]
    fn an_undated_clause_takes_the_sentence_date() {
        assert_eq!(
            scopes("Both the rate, at {3.5 percent}, and the number of jobless, at {5.8 million}, held in [March]."),
            [Some(month(1)), Some(month(1))]
        );
    }

    #[test]
    fn a_comparing_opener_is_shared() {
        let (text, items) = read("Compared with [May], sales rose {5%} and orders fell {2%}, while stocks rose {1%}.");
        let r = Reading::new(&text, &items);
        assert!(r.shared_base);
        let last = r.clause_of[3];
        assert_eq!(r.base_of(last, items[3].start), Some(Base::Date(month(1), None)));
    }
}
