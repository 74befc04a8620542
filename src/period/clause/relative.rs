//! `in the previous quarter`: the relative period phrases, found and placed one step
//! before the sentence's own period (else the one carried to it).

use super::role::figure_before;
use super::{Base, Dated, Item, Mention, Reading, Role, Step};
use crate::model::Period;
use crate::period::cues::{self, Lead};
use crate::words::trim_space::TrimSpace;

impl Reading {
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
}

/// `in the previous quarter`, `during the prior month`: a period one step before the
/// sentence's own.
/// Written over `out`.
pub(super) fn relative_periods_into(lower: &str, found: &cues::Cues, out: &mut Vec<(usize, usize, Step)>) {
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
    use crate::period::clause::tests::read;

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
}
