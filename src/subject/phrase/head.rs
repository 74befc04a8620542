//! The head of a phrase (its last word before a post-modifier), and whether a phrase is a
//! bare measure, which names no subject.

use crate::subject::wordlists::POST_PREPS;
use crate::subject::words::*;

/// Whether `w` is a preposition that attaches a post-modifier to a noun, or `for`.
pub(in crate::subject) fn is_post_prep(w: &str) -> bool {
    // Every such word has 2 to 5 bytes: most words are told by their length.
    (2..=5).contains(&w.len())
        && (w.eq_ignore_ascii_case("for") || POST_PREPS.iter().any(|p| w.eq_ignore_ascii_case(p)))
}

/// The head of a phrase: its last word before the first post-modifier.
pub(in crate::subject) fn head(p: &str) -> &str {
    // One walk over the bytes, ASCII ones told by their value; a character that is not
    // ASCII (`’`, `é`, a no-break space) is decoded where it stands.
    let b = p.as_bytes();
    let space = crate::words::ascii_space;
    // The character at `i` when it is not ASCII: its length, and whether it is white space.
    let wide = |i: usize| {
        p.get(i..)
            .and_then(|r| r.chars().next())
            .map_or((1, false), |c| (c.len_utf8(), c.is_whitespace()))
    };
    let (mut last, mut i) = (0..0, 0);
    while let Some(&c) = b.get(i) {
        if !c.is_ascii() {
            if let (n, true) = wide(i) {
                i += n;
                continue;
            }
        } else if space(c) {
            i += 1;
            continue;
        }
        let start = i;
        // Eight visible bytes at a time; a control byte is inside the word too.
        loop {
            let run = crate::words::visible_at(b, i);
            i += run;
            if run == 8 {
                continue;
            }
            match b.get(i) {
                Some(&c) if !c.is_ascii() => match wide(i) {
                    (_, true) => break,
                    (n, false) => i += n,
                },
                Some(&c) if !space(c) => i += 1,
                _ => break,
            }
        }
        if !last.is_empty() && p.get(start..i).is_some_and(is_post_prep) {
            break;
        }
        last = start..i;
    }
    p.get(last).unwrap_or("")
}

/// `head`, of the words of a phrase (its oracle).
#[cfg(test)]
fn head_of<'a>(words: impl Iterator<Item = &'a str>) -> &'a str {
    let mut last = "";
    for w in words {
        if is_post_prep(w) && !last.is_empty() {
            break;
        }
        last = w;
    }
    last
}

/// A phrase headed by a measure noun with no noun before it to say what is measured
/// (`a total`, `the record high`, `its highest level`), and no `of` after it: it names no
/// subject. `the unemployment rate`, `export value` and `the value of exports` do.
pub(in crate::subject) fn bare_measure(p: &str) -> bool {
    let h = head(p);
    if !in_list(GENERIC_WORD, h) {
        return false;
    }
    let (mut before, mut words) = (None, p.split_whitespace());
    for w in words.by_ref() {
        if w == h {
            break;
        }
        before = Some(w);
    }
    if words.next().is_some_and(|w| w.eq_ignore_ascii_case("of")) {
        return false;
    }
    let modifier = before.is_some_and(|w| {
        let not_noun = [
            "historic",
            "high",
            "low",
            "record",
            "new",
            "previous",
            "same",
            "annual",
            "overall",
            "combined",
            "cumulative",
            "average",
            "further",
            "additional",
        ];
        let ends = |x: &str| {
            w.get(w.len().saturating_sub(x.len())..)
                .is_some_and(|e| e.eq_ignore_ascii_case(x))
        };
        lists(w) & (ARTICLE | DETERMINER | GENERIC_WORD | ADVERB | TIME) == 0
            && !["est", "ly", "ed", "ing"].iter().any(|x| ends(x))
            && !w.contains('-')
            && !not_noun.iter().any(|n| w.eq_ignore_ascii_case(n))
            && w.chars().any(char::is_alphabetic)
    });
    !modifier
}

#[cfg(test)]
mod tests {
    use super::bare_measure;

    proptest::proptest! {
        /// The byte walk finds the head that the words of `split_whitespace` give.
        #[test]
        fn head_by_bytes_as_by_words(picks in proptest::collection::vec(0..15usize, 0..12)) {
            const PIECES: [&str; 15] = [
                "wool", " ", "\t", "of", "For", "é", "exports", "\u{a0}", "into", "x-y", "\u{1c}", "manufacturing",
                "’s", "\u{85}", "\u{2003}",
            ];
            let text: String = picks.iter().map(|&n| PIECES[n]).collect();
            proptest::prop_assert_eq!(super::head(&text), super::head_of(text.split_whitespace()), "{:?}", text);
        }
    }

    #[test]
    fn every_post_preposition_is_one() {
        for p in super::POST_PREPS.iter().chain(&["for"]) {
            assert!(super::is_post_prep(p) && super::is_post_prep(&p.to_uppercase()), "{p}");
        }
        assert!(!super::is_post_prep("form"));
    }

    #[test]
    fn measures_with_and_without_a_noun() {
        for p in [
            "a record high",
            "its highest level",
            "the total",
            "an annual average",
            "estimated fall",
        ] {
            assert!(bare_measure(p), "{p}");
        }
        for p in [
            "the unemployment rate",
            "export value",
            "the value of exports",
            "sales growth",
        ] {
            assert!(!bare_measure(p), "{p}");
        }
    }
}
