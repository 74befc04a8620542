//! Where a sentence breaks into segments and how segments group into clauses.

use super::Item;
use crate::period::cues;

/// Where clauses break: `,` `;` `:` outside figures (and not inside numbers), and before
/// the conjunctions of contrast.
pub(super) fn boundaries(lower: &str, items: &[Item], cues: &cues::Cues, out: &mut Vec<usize>) {
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
pub(super) fn segments(len: usize, cuts: &[usize], out: &mut Vec<(usize, usize)>) {
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
pub(super) fn segments_of(items: &[Item], segs: &[(usize, usize)], out: &mut Vec<usize>) {
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
pub(super) fn clauses(
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
}
