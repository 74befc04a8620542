//! What a read sentence gives each figure: its scoping date, its base, whether it is a
//! forecast or counts from the start of the year; and what it names for other sentences.

use super::{Base, Dated, Item, Mention, Reading, Role, SEARCH, clause_bases};
use crate::period::cues;
use crate::words::trim_space::TrimSpace;

impl Reading {
    /// Whether clause `c` holds a word of the future.
    fn clause_is_forecast(&self, c: usize) -> bool {
        let (start, end) = self.clauses.get(c).copied().unwrap_or((0, 0));
        let i = self.forecast_at.partition_point(|&p| p < start);
        self.forecast_at.get(i).is_some_and(|&p| p < end)
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

/// Bytes between a date phrase and a figure.
fn distance(m: &Mention, item: &Item) -> usize {
    if m.end <= item.start {
        item.start - m.end
    } else {
        m.start.saturating_sub(item.end)
    }
}
