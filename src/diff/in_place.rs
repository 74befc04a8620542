//! A figure edited in place: a removed and an added fact of one release, section and kind
//! whose sentences differ only by the figure (or, without sentences, that stand at one
//! offset) are one fact changed, not a removal and an addition.

use std::collections::{HashMap, VecDeque};

use super::{Key, View, folded};

/// Where a fact stands, as the pairing files it: its release, section and kind, and what
/// stays of its sentence around its text (before, after), or else its offset.
type Place<'a> = (&'a [String], &'a str, &'a str);

/// Removed and added facts that are one figure edited in place: same release, section and
/// kind, and the old sentence with its first old text replaced by the new text is the new
/// sentence (without a sentence column: the same offset). Each added fact, in reading
/// order, is paired with the first removed fact that fits and is not paired yet.
///
/// A removed fact is filed under its place: its sentence split around the first
/// occurrence of its text. An added fact fits exactly the removed facts filed under a
/// split of its own sentence around an occurrence of its text, so it looks under each.
/// (Trying every removed fact of its release, section and kind for each added fact was
/// quadratic in the facts of a release that a change edits: 20,000 took 2 s.)
pub(super) fn in_place_pairs(
    old: &View,
    new: &View,
    old_keys: &[Key],
    new_keys: &[Key],
    removed: &[usize],
    added: &[usize],
) -> Vec<(usize, usize)> {
    let by_sentence = match (old.column("sentence"), new.column("sentence")) {
        (Some(os), Some(ns)) => Some((os, ns)),
        _ => None,
    };
    let by_offset = match (old.column("offset"), new.column("offset")) {
        (Some(oo), Some(no)) if by_sentence.is_none() => Some((oo, no)),
        _ => None,
    };
    if by_sentence.is_none() && by_offset.is_none() {
        return Vec::new();
    }
    // The removed facts by place, each list in reading order: all of a list fit the same
    // added facts, so the first is the one to pair, and once paired it leaves the list.
    let mut filed: HashMap<Place, VecDeque<usize>> = HashMap::new();
    for &o in removed {
        let same = &old_keys[o].parts[..3];
        let place = match (by_sentence, by_offset) {
            (Some((os, _)), _) => {
                let was = old.field(&old.rows[o], os);
                let text = folded(&old_keys[o].parts[3]);
                let Some(at) = was.find(&text) else { continue };
                (same, &was[..at], &was[at + text.len()..])
            }
            (_, Some((oo, _))) => (same, old.field(&old.rows[o], oo), ""),
            _ => continue,
        };
        filed.entry(place).or_default().push_back(o);
    }
    let mut pairs = Vec::new();
    for &n in added {
        let same = &new_keys[n].parts[..3];
        let places: Vec<Place> = match (by_sentence, by_offset) {
            (Some((_, ns)), _) => {
                let is = new.field(&new.rows[n], ns);
                let text = folded(&new_keys[n].parts[3]);
                occurrences(is, &text)
                    .map(|at| (same, &is[..at], &is[at + text.len()..]))
                    .collect()
            }
            (_, Some((_, no))) => vec![(same, new.field(&new.rows[n], no), "")],
            _ => Vec::new(),
        };
        // The first in reading order of those filed under any of its places.
        let first = places
            .iter()
            .filter_map(|place| filed.get(place).and_then(|list| list.front()).map(|&o| (o, place)))
            .min_by_key(|&(o, _)| o);
        if let Some((o, place)) = first {
            let place = *place;
            filed.get_mut(&place).and_then(VecDeque::pop_front);
            pairs.push((o, n));
        }
    }
    pairs
}

/// Where `text` occurs in `sentence`, overlapping occurrences included (`aa` in `aaa`:
/// 0 and 1).
fn occurrences<'a>(sentence: &'a str, text: &'a str) -> impl Iterator<Item = usize> + 'a {
    let mut from = Some(0);
    std::iter::from_fn(move || {
        let start = from?;
        let at = start + sentence.get(start..)?.find(text)?;
        // On from the next character after this occurrence's first.
        from = sentence[at..].chars().next().map(|c| at + c.len_utf8());
        Some(at)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// The pairing as it was first written: every removed fact of the added one's release,
    /// section and kind tried in turn.
    fn pairs_by_trying(
        old: &View,
        new: &View,
        old_keys: &[Key],
        new_keys: &[Key],
        removed: &[usize],
        added: &[usize],
    ) -> Vec<(usize, usize)> {
        let sentence = (old.column("sentence"), new.column("sentence"));
        let offset = (old.column("offset"), new.column("offset"));
        let in_place = |o: usize, n: usize| {
            let (ok, nk) = (&old_keys[o], &new_keys[n]);
            if ok.parts[..3] != nk.parts[..3] {
                return false;
            }
            match (sentence, offset) {
                ((Some(os), Some(ns)), _) => {
                    let (was, is) = (old.field(&old.rows[o], os), new.field(&new.rows[n], ns));
                    let (old_text, new_text) = (folded(&ok.parts[3]), folded(&nk.parts[3]));
                    was.contains(&old_text) && was.replacen(&old_text, &new_text, 1) == is
                }
                (_, (Some(oo), Some(no))) => old.field(&old.rows[o], oo) == new.field(&new.rows[n], no),
                _ => false,
            }
        };
        let mut paired = HashSet::new();
        let mut pairs = Vec::new();
        for &n in added {
            if let Some(&o) = removed.iter().find(|&&o| !paired.contains(&o) && in_place(o, n)) {
                paired.insert(o);
                pairs.push((o, n));
            }
        }
        pairs
    }

    #[test]
    fn occurrences_overlap() {
        assert_eq!(occurrences("aaa", "aa").collect::<Vec<_>>(), [0, 1]);
        assert_eq!(occurrences("é5é5", "5").collect::<Vec<_>>(), [2, 5]);
        assert_eq!(occurrences("ab", "").collect::<Vec<_>>(), [0, 1, 2]);
        assert_eq!(occurrences("ab", "c").count(), 0);
    }

    #[test]
    fn filed_pairs_are_the_pairs_found_by_trying_each() {
        // Small tables of one or two releases whose sentences and texts repeat, overlap and
        // move: the pairs must be the same, in the same order.
        let mut next = crate::tests::xorshift(0x2545_f491_4f6c_dd1d);
        let texts = ["5", "55", "6", "56", "5 percent", "é5"];
        // `{t}` the fact's own text, `{o}` another.
        let sentences = [
            "Sales rose {t}.",
            "{t} and {o}.",
            "Up {t}",
            "{t}{o}",
            "{o}{t}",
            "{o}{t}{o}",
            "Exports {o} in May, imports {t}.",
        ];
        let mut pairs_seen = 0;
        for case in 0..8000 {
            let row = |n: &mut dyn FnMut(u64) -> u64| {
                let release = ["r1", "r2"][n(2) as usize];
                let kind = ["percent", "count"][usize::from(n(4) == 0)];
                let text = texts[n(texts.len() as u64) as usize];
                let other = texts[n(texts.len() as u64) as usize];
                let sentence = sentences[n(sentences.len() as u64) as usize]
                    .replace("{t}", text)
                    .replace("{o}", other);
                format!("{release},body,{kind},{text},\"{sentence}\",{}\n", n(3))
            };
            let rows = |count: u64, n: &mut dyn FnMut(u64) -> u64| (0..count).map(|_| row(&mut *n)).collect::<String>();
            let with_sentences = case % 5 != 0;
            let head = if with_sentences {
                "release_id,section,kind,text,sentence,offset\n"
            } else {
                "release_id,section,kind,text,sentence_x,offset\n"
            };
            let (a, b) = (rows(1 + next(8), &mut next), rows(1 + next(8), &mut next));
            let old = super::super::read_table("a", format!("{head}{a}").as_bytes()).unwrap();
            let new = super::super::read_table("b", format!("{head}{b}").as_bytes()).unwrap();
            let (old, new) = (old.view(), new.view());
            let (old_keys, new_keys) = (old.keys(), new.keys());
            let removed: Vec<usize> = (0..old_keys.len()).filter(|_| next(4) != 0).collect();
            let added: Vec<usize> = (0..new_keys.len()).filter(|_| next(4) != 0).collect();
            let want = pairs_by_trying(&old, &new, &old_keys, &new_keys, &removed, &added);
            let got = in_place_pairs(&old, &new, &old_keys, &new_keys, &removed, &added);
            assert_eq!(got, want, "case {case}:\n{a}--\n{b}");
            pairs_seen += want.len();
        }
        // The tables have the cases the pairing must get right.
        assert!(pairs_seen > 1000, "{pairs_seen}");
    }
}
