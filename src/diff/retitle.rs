//! The retitle test of `diff`: a release of the new table whose id is new is paired with
//! a vanished release of the same date and category that shares at least half of its
//! figures.

use std::collections::HashMap;

use super::column_at;

/// New release ids -> (the old id, the new title) of releases that were retitled: the old
/// id is gone from the new table (`vanished`, in the old order), the new id was not in the
/// old one (`fresh`, in the new order), the date and category are equal and at least half
/// of the figures (kind, value, unit) are the same, counted as multisets. A fresh release
/// takes, of the vanished ones not yet taken, the one sharing the most (the first in old
/// order of those sharing as many: releases that match equally well pair in order).
///
/// Counting the figures shared with every vanished release of the same day took 58 s on
/// two tables of 48,000 releases in 36 days. Now a fresh release meets only the vanished
/// ones that hold one of its rarer figures: a release sharing at least half of its `k`
/// figures holds one of any `k/2 + 1` of them (rounded down), and the rarest among the
/// day's vanished releases are taken, so a figure most releases hold (a year, `1%`) is
/// seldom looked up. (A figure twice in the fresh release may be two of those `k/2 + 1`;
/// a release holding it is met all the same.)
pub(super) fn retitled_releases(
    vanished: &[&ReleaseSummary],
    fresh: &[&ReleaseSummary],
) -> HashMap<String, (String, String)> {
    let mut days: HashMap<(&str, &str), Day> = HashMap::new();
    for &o in vanished {
        let day = days.entry((&o.date, &o.category)).or_default();
        let at = day.releases.len();
        let figures = sorted(&o.figures);
        let mut distinct = figures.clone();
        distinct.dedup();
        for figure in distinct {
            day.holding.entry(figure).or_default().push(at);
        }
        day.releases.push(Candidate {
            release: o,
            figures,
            taken: false,
            met: false,
        });
    }
    let mut paired = HashMap::new();
    let mut met = Vec::new();
    for &f in fresh {
        let Some(day) = days.get_mut(&(f.date.as_str(), f.category.as_str())) else {
            continue;
        };
        let figures = sorted(&f.figures);
        let held_by = |figure: &u64| day.holding.get(figure).map_or(0, Vec::len);
        let mut rarest: Vec<(usize, u64)> = figures.iter().map(|g| (held_by(g), *g)).collect();
        rarest.sort_unstable();
        for (_, figure) in rarest.iter().take(figures.len() / 2 + 1) {
            for &at in day.holding.get(figure).map_or(&[][..], Vec::as_slice) {
                let c = &mut day.releases[at];
                if !c.taken && !c.met {
                    c.met = true;
                    met.push(at);
                }
            }
        }
        let mut best: Option<(usize, usize)> = None;
        for &at in &met {
            let c = &mut day.releases[at];
            c.met = false;
            let shared = shared(&c.figures, &figures);
            let enough = shared > 0 && 2 * shared >= c.figures.len().max(figures.len());
            if enough && best.is_none_or(|(most, first)| shared > most || (shared == most && at < first)) {
                best = Some((shared, at));
            }
        }
        met.clear();
        if let Some((_, at)) = best {
            let c = &mut day.releases[at];
            c.taken = true;
            paired.insert(f.id.clone(), (c.release.id.clone(), f.title.clone()));
        }
    }
    paired
}

/// The vanished releases of one date and category.
#[derive(Default)]
struct Day<'a> {
    releases: Vec<Candidate<'a>>,
    /// Per figure: the releases holding it, by their place in `releases`.
    holding: HashMap<u64, Vec<usize>>,
}

struct Candidate<'a> {
    release: &'a ReleaseSummary,
    /// Its figures, sorted.
    figures: Vec<u64>,
    taken: bool,
    /// Met by the fresh release being paired.
    met: bool,
}

fn sorted(figures: &[u64]) -> Vec<u64> {
    let mut sorted = figures.to_vec();
    sorted.sort_unstable();
    sorted
}

/// How many items two sorted lists have in common, as multisets.
fn shared(a: &[u64], b: &[u64]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.cmp(y) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => (i, j, n) = (i + 1, j + 1, n + 1),
        }
    }
    n
}

/// A figure as the retitle test compares it: its kind, value and unit, hashed (XXH3-64;
/// `0xff`, never in UTF-8 text, between them). The test is a judgment of "half the
/// figures"; a clash of two figures' hashes would only count them as one figure.
pub(super) fn figure(kind: &str, value: &str, unit: &str) -> u64 {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for part in [kind, value, unit] {
        h.update(part.as_bytes());
        h.update(&[0xff]);
    }
    h.digest()
}

/// A release as the retitle test sees it.
pub(super) struct ReleaseSummary {
    pub(super) id: String,
    pub(super) date: String,
    pub(super) category: String,
    pub(super) title: String,
    /// Each body figure: its kind, value and unit, hashed ([`figure`]).
    pub(super) figures: Vec<u64>,
}

/// The releases of a table as the retitle test sees them, gathered row by row, in order of
/// first appearance.
pub(super) struct Summaries {
    /// Where the id, section and kind are, and then the date, category, title, value and unit.
    key_at: [usize; 4],
    at: [usize; 5],
    pub(super) releases: Vec<ReleaseSummary>,
    index: HashMap<String, usize>,
}

impl Summaries {
    /// `None` without a date, category, title, value or unit column: a retitle is then
    /// never guessed.
    pub(super) fn new(columns: &[String], key_at: [usize; 4]) -> Option<Self> {
        let [Some(date), Some(category), Some(title), Some(value), Some(unit)] =
            ["release_date", "category", "title", "value", "unit"].map(|name| column_at(columns, name))
        else {
            return None;
        };
        Some(Summaries {
            key_at,
            at: [date, category, title, value, unit],
            releases: Vec::new(),
            index: HashMap::new(),
        })
    }

    pub(super) fn add(&mut self, row: &csv::StringRecord) {
        let field = |at: usize| row.get(at).unwrap_or("");
        let [date, category, title, value, unit] = self.at;
        let id = field(self.key_at[0]);
        let slot = match self.index.get(id) {
            Some(&slot) => slot,
            None => {
                self.releases.push(ReleaseSummary {
                    id: id.to_string(),
                    date: field(date).to_string(),
                    category: field(category).to_string(),
                    title: field(title).to_string(),
                    figures: Vec::new(),
                });
                self.index.insert(id.to_string(), self.releases.len() - 1);
                self.releases.len() - 1
            }
        };
        if field(self.key_at[1]) == "body" {
            let hashed = figure(field(self.key_at[2]), field(value), field(unit));
            self.releases[slot].figures.push(hashed);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The test as it was (but that a tie went to the last): each fresh release against
    /// every vanished one of its day, the shared figures found by searching.
    fn by_search(vanished: &[&ReleaseSummary], fresh: &[&ReleaseSummary]) -> HashMap<String, (String, String)> {
        let shared = |a: &[u64], b: &[u64]| {
            let mut left = b.to_vec();
            a.iter()
                .filter(|f| match left.iter().position(|g| g == *f) {
                    Some(at) => {
                        left.swap_remove(at);
                        true
                    }
                    None => false,
                })
                .count()
        };
        let mut paired = HashMap::new();
        let mut taken: Vec<&str> = Vec::new();
        for f in fresh {
            let best = vanished
                .iter()
                .filter(|o| o.date == f.date && o.category == f.category && !taken.contains(&o.id.as_str()))
                .map(|o| (o, shared(&o.figures, &f.figures)))
                .filter(|(o, n)| 2 * n >= o.figures.len().max(f.figures.len()) && *n > 0)
                // The first of the most shared.
                .fold(None, |best: Option<(&&ReleaseSummary, usize)>, (o, n)| match best {
                    Some((_, most)) if most >= n => best,
                    _ => Some((o, n)),
                });
            if let Some((o, _)) = best {
                taken.push(&o.id);
                paired.insert(f.id.clone(), (o.id.clone(), f.title.clone()));
            }
        }
        paired
    }

    #[test]
    fn releases_are_paired_as_by_searching_every_vanished_one() {
        let mut draw = crate::tests::xorshift(0x9e37_79b9_7f4a_7c15);
        let mut next = move |n: u64| draw(n) as usize;
        let mut pairs = 0;
        for case in 0..3_000 {
            let (n_old, n_new) = (next(25), next(25));
            let mut release = |side: &str, k: usize| ReleaseSummary {
                id: format!("{side}{k}"),
                date: ["2025-11-19", "2025-11-20"][next(2)].to_string(),
                category: ["Trade", ""][next(2)].to_string(),
                title: format!("T{k}"),
                // Figures from a few, with repeats, so that releases share some.
                figures: (0..next(9))
                    .map(|_| figure("percent", &next(6).to_string(), "%"))
                    .collect(),
            };
            let old: Vec<ReleaseSummary> = (0..n_old).map(|k| release("o", k)).collect();
            let new: Vec<ReleaseSummary> = (0..n_new).map(|k| release("n", k)).collect();
            let [vanished, fresh] = [&old, &new].map(|side| side.iter().collect::<Vec<_>>());
            let want = by_search(&vanished, &fresh);
            assert_eq!(retitled_releases(&vanished, &fresh), want, "case {case}");
            pairs += want.len();
        }
        assert!(pairs > 5_000, "{pairs}");
    }

    #[test]
    fn releases_that_match_equally_well_pair_in_order() {
        let release = |id: &str| ReleaseSummary {
            id: id.to_string(),
            date: "2025-11-19".to_string(),
            category: "Trade".to_string(),
            title: id.to_string(),
            figures: vec![figure("percent", "1.5", "%"), figure("money", "7", "USD")],
        };
        let (old, new) = ([release("o1"), release("o2")], [release("n1"), release("n2")]);
        let paired = retitled_releases(&[&old[0], &old[1]], &[&new[0], &new[1]]);
        assert_eq!(paired["n1"].0, "o1");
        assert_eq!(paired["n2"].0, "o2");
    }

    #[test]
    fn a_figure_is_its_kind_value_and_unit() {
        assert_eq!(figure("money", "5", "USD"), figure("money", "5", "USD"));
        assert_ne!(figure("money", "5", "USD"), figure("money", "5", "KRW"));
        // The parts do not run into each other.
        assert_ne!(figure("money", "51", "0"), figure("money", "5", "10"));
    }
}
