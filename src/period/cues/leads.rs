//! What the words right before a date make of it (`lead_of`), with their lists, and
//! the words of comparison and publication around a date.

use super::{ends_with_word, has};
use crate::words::trim_space::TrimSpace;
use crate::words::word_list;

/// The last word of `text` (letters, `-`, `/`), and the text before it, trimmed.
// Read byte by byte while the bytes are ASCII (almost always): `split_last_word_chars`
// from the first other byte on, as both read ASCII alike.
fn split_last_word(text: &str) -> (&str, &str) {
    let b = text.as_bytes();
    let mut end = b.len();
    while let Some(&c) = b.get(end.wrapping_sub(1)) {
        match c {
            b'\t'..=b'\r' | b' ' | b',' => end -= 1,
            0x80.. => return split_last_word_chars(&text[..end]),
            _ => break,
        }
    }
    let mut start = end;
    while let Some(&c) = b.get(start.wrapping_sub(1)) {
        match c {
            b'-' | b'/' | b'\'' => start -= 1,
            0x80.. => return split_last_word_chars(&text[..end]),
            _ if c.is_ascii_alphanumeric() => start -= 1,
            _ => break,
        }
    }
    (text[..start].trim_end_space(), &text[start..end])
}

/// `split_last_word` on any text, by characters.
fn split_last_word_chars(text: &str) -> (&str, &str) {
    let t = text.trim_end_matches(|c: char| c.is_whitespace() || c == ',');
    let start = t
        .rfind(|c: char| !(c.is_alphanumeric() || c == '-' || c == '/' || c == '\''))
        .map_or(0, |i| i + t[i..].chars().next().map_or(1, char::len_utf8));
    (t[..start].trim_end_space(), &t[start..])
}

word_list!(
    /// Words between a preposition and its date that do not change what the date does:
    /// `from [the same period in] 2019`, `compared with [the levels of] 2019`. Asked of
    /// every word before every date: a `match`, where hashing the word cost more. (The
    /// list itself is read by the test only.)
    #[cfg_attr(not(test), allow(dead_code))]
    DETERMINERS, is_determiner, [
        b"the", b"a", b"an", b"in", b"of", b"its", b"their", b"same", b"period", b"periods",
        b"month", b"months", b"quarter", b"quarters", b"half", b"year", b"years", b"level",
        b"levels", b"figure", b"figures", b"value", b"values", b"that", b"those", b"one", b"ones",
        b"corresponding", b"during", b"for", b"at", b"end", b"early", b"mid", b"late", b"on",
        b"start", b"beginning",
    ]
);

/// Prepositions and verbs that make the date after them a base of comparison.
const BASE_LEADS: &[&str] = &[
    "from",
    "since",
    "than",
    "versus",
    "vs",
    "vs.",
    "against",
    "over",
    "compared with",
    "compared to",
    "relative to",
    "with",
    "between",
];

/// Verbs of meeting and announcing: the date after them dates an event, not a figure
/// (`met in September`, `announced on July 1`, `issued in May`).
const EVENT_VERBS: &[&str] = &[
    "met",
    "meet",
    "meets",
    "announced",
    "announce",
    "announces",
    "said",
    "says",
    "stated",
    "released",
    "release",
    "published",
    "issued",
    "reported",
    "unveiled",
    "signed",
    "launched",
    "decided",
    "opened",
    "visited",
    "convened",
    "began",
    "begins",
    "started",
    "took",
    "effective",
];

/// For each byte, the words and phrases of `list` (of at most 32) that end with it, as
/// bits by their place in the list: a text is compared only with the words that end as
/// it does, in list order.
const fn last_bytes(list: &[&str]) -> [u32; 256] {
    assert!(list.len() <= 32);
    let mut ends = [0u32; 256];
    let mut i = 0;
    while i < list.len() {
        let b = list[i].as_bytes();
        if !b.is_empty() {
            ends[b[b.len() - 1] as usize] |= 1 << i;
        }
        i += 1;
    }
    ends
}

static BASE_LEAD_ENDS: [u32; 256] = last_bytes(BASE_LEADS);
static EVENT_VERB_ENDS: [u32; 256] = last_bytes(EVENT_VERBS);

/// The first word or phrase of `list` that `text` ends with, whose last bytes are `ends`.
fn ends_with_any(text: &str, list: &[&'static str], ends: &[u32; 256]) -> Option<&'static str> {
    let last = text.as_bytes().last()?;
    let mut words = ends[usize::from(*last)];
    while words != 0 {
        let n = words.trailing_zeros() as usize;
        words &= words - 1;
        match list.get(n) {
            Some(w) if ends_with_word(text, w) => return Some(w),
            _ => {}
        }
    }
    None
}

/// What the words right before a date make of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// Nothing special: the date may scope figures.
    Plain,
    /// A base of comparison (`from 2019`, `compared with May 2024`).
    Base,
    /// `since June`: a base, and the start of a streak; never a period.
    Since,
    /// The day of an event (`met in September`).
    Event,
}

/// Reads the words before a date (`before`, lower-cased, the end of its sentence up to
/// the date). `with` is a base only after a comparing word earlier in the sentence.
pub fn lead_of(before: &str) -> Lead {
    let mut rest = before.trim_end_space();
    // At most a few words are skipped: the lead must stand near its date.
    for _ in 0..6 {
        if let Some(lead) = ends_with_any(rest, BASE_LEADS, &BASE_LEAD_ENDS) {
            return match lead {
                "since" => Lead::Since,
                "with" if !(has(before, "compared") || has(before, "comparing") || has(before, "comparison")) => {
                    Lead::Plain
                }
                _ => Lead::Base,
            };
        }
        let (head, word) = split_last_word(rest);
        // `met in September`, `announced on May 3`: the verb, then a preposition.
        if matches!(word, "in" | "on" | "at" | "during") && ends_with_any(head, EVENT_VERBS, &EVENT_VERB_ENDS).is_some()
        {
            return Lead::Event;
        }
        if word.is_empty() || !is_determiner(word.as_bytes()) {
            return Lead::Plain;
        }
        rest = head;
    }
    Lead::Plain
}

/// The figure's own text opens with a word of comparison (`over USD 35 billion`).
pub fn opens_with_lead(text: &str) -> bool {
    ["over ", "from ", "than ", "versus ", "against "]
        .iter()
        .any(|w| text.starts_with(w))
}

/// Nouns after a date that make it the date of a publication (`the May 2024 issue`).
pub fn names_publication(after: &str) -> bool {
    const NOUNS: [&str; 3] = ["issue", "edition", "volume"];
    let after = after.trim_start_space();
    // Asked at every date: each noun opens with its own byte.
    let first = after.as_bytes().first();
    if !NOUNS.iter().any(|n| n.as_bytes().first() == first) {
        return false;
    }
    // The first word by its ASCII bytes; one that goes on in another script is read by
    // characters.
    let b = after.as_bytes();
    let end = b.iter().position(|c| !c.is_ascii_alphanumeric()).unwrap_or(b.len());
    let word = match b.get(end) {
        Some(0x80..) => after.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(""),
        _ => after.get(..end).unwrap_or(""),
    };
    NOUNS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// `names_publication` as the first word split off by characters.
        #[test]
        fn a_publication_is_named_as_by_characters(picks in proptest::collection::vec(0..8usize, 0..6)) {
            const PIECES: [&str; 8] = ["issue", "edition", " ", "é", "s", ",", "\u{a0}", "volume"];
            let after: String = picks.iter().map(|&n| PIECES[n]).collect();
            let word = after.trim_start().split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
            let want = matches!(word, "issue" | "edition" | "volume");
            proptest::prop_assert_eq!(names_publication(&after), want, "{:?}", after);
        }
    }

    /// A list's last bytes tell what comparing each of its words tells.
    #[test]
    fn a_text_ends_with_a_listed_word_as_each_comparison_finds() {
        for list in [BASE_LEADS, EVENT_VERBS] {
            let ends = last_bytes(list);
            let mut texts = vec![
                "rose from".to_string(),
                "sales vs.".into(),
                "compared with".into(),
                "they met".into(),
                "signed".into(),
                "from x".into(),
                "".into(),
                "with,".into(),
                "x-from".into(),
                "xwith".into(),
            ];
            // Every word of the list as a text's end, whole and glued.
            texts.extend(
                list.iter()
                    .flat_map(|w| [format!("and {w}"), format!("a{w}"), w[1..].to_string()]),
            );
            for text in texts.iter().map(String::as_str) {
                let want = list.iter().copied().find(|w| ends_with_word(text, w));
                assert_eq!(ends_with_any(text, list, &ends), want, "{text}");
            }
        }
    }

    /// The listed words and no other, as the hashed set of the list answered.
    #[test]
    fn determiners_are_the_listed_words() {
        let set: std::collections::HashSet<&[u8]> = DETERMINERS.iter().copied().collect();
        let others: [&[u8]; 9] = [
            b"",
            b"th",
            b"thee",
            b"The",
            b"year's",
            b"periodic",
            b"begin",
            b"ends",
            "\u{e9}".as_bytes(),
        ];
        for w in DETERMINERS.iter().chain(&others) {
            assert_eq!(is_determiner(w), set.contains(w), "{w:?}");
        }
    }

    /// The byte walk splits as the walk over characters does.
    #[test]
    fn last_words_split_as_by_characters() {
        for text in [
            "",
            " ",
            "the",
            "rose 4% from the",
            "rose 4% from the  , ,",
            "year-on-year\t\n",
            "its h1/h2",
            "its h1/h2\u{b}",
            "the o'clock,",
            "caf\u{e9} prices",
            "prices caf\u{e9}",
            "the year\u{a0}",
            "the year\u{2009},",
            "from \u{201c}the",
            "under 5%",
            "x ,y",
        ] {
            assert_eq!(split_last_word(text), split_last_word_chars(text), "{text:?}");
        }
    }

    #[test]
    fn leads_are_read_through_determiners() {
        assert_eq!(lead_of("exports rose 4% from the same period in"), Lead::Base);
        assert_eq!(lead_of("sales grew 3% compared with"), Lead::Base);
        assert_eq!(lead_of("output is the highest since"), Lead::Since);
        assert_eq!(lead_of("the council met in"), Lead::Event);
        // A year naming an event is no event date.
        assert_eq!(lead_of("the ministry announced the"), Lead::Plain);
        assert_eq!(lead_of("prices rose 2% in"), Lead::Plain);
        assert_eq!(lead_of("along with"), Lead::Plain);
        assert_eq!(lead_of("comparing sales in june with"), Lead::Base);
        // What is compared is the period; what it is compared with, the base.
        assert_eq!(lead_of("comparing the"), Lead::Plain);
        assert_eq!(lead_of("the index was higher than in"), Lead::Base);
    }
}
