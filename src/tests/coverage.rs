//! No silent misses: every digit run in every fixture title and body is either inside a
//! fact's `text`, or refused by one of the written exclusion rules below (the same rules
//! `grammar-notes.md` lists). A number that is neither shows up here by name.

use crate::grammar::count::{labelled, numbers_a_name};
use crate::reader::read_bulletin;
use crate::{Options, extract_text};

/// Why a digit run gives no fact, or `None` when no written rule refuses it.
fn exclusion(section: &str, start: usize, end: usize, cut: bool) -> Option<&'static str> {
    let before = &section[..start];
    let after = &section[end..];
    let prev = before.chars().next_back();
    let prev2 = before.chars().rev().nth(1);
    let next = after.chars().next();
    let next2 = after.chars().nth(1);
    // `Published: 28 Apr. 2025` at a line start: page furniture.
    if crate::grammar::date::in_byline(section, start) {
        return Some("page furniture: byline");
    }
    // `the 24th and 25th`: a second day of the month.
    if crate::grammar::ordinal::second_day(before) {
        return Some("date: second day of a list");
    }
    // A5G0, G20, 5G, A350: glued to letters; an ordinal suffix (`51st`) is no excuse.
    let suffix = after.get(..2).filter(|s| ["st", "nd", "rd", "th"].contains(s));
    let ordinal = suffix.is_some() && !after[2..].starts_with(char::is_alphanumeric);
    if prev.is_some_and(char::is_alphabetic) || (next.is_some_and(char::is_alphabetic) && !ordinal) {
        return Some("identifier: glued to letters");
    }
    // COVID-19, K-9, the second 1 of 1:1, 24/7, 2+2.
    if matches!(prev, Some('-' | ':' | '/' | '.' | '+')) && prev2.is_some_and(char::is_alphanumeric) {
        return Some("identifier: joined to a word or number");
    }
    // `voted by a majority of 5–4`: the second number of a tally with nothing after it.
    if prev == Some('\u{2013}') && prev2.is_some_and(|c| c.is_ascii_digit()) {
        return Some("tally: a vote or score, N–M");
    }
    // The first 1 of 1:1, 24/7.
    if matches!(next, Some(':' | '/')) && next2.is_some_and(|c| c.is_ascii_digit()) {
        return Some("identifier: ratio or time");
    }
    // Industry 4.0, Smart Factory 2.0: a version after a name.
    let last_word = before.trim_end().rsplit(' ').next().unwrap_or("");
    if next == Some('.')
        && next2.is_some_and(|c| c.is_ascii_digit())
        && last_word.starts_with(|c: char| c.is_uppercase())
    {
        return Some("identifier: version number");
    }
    if labelled(before) {
        return Some("label: Article 3, No. 6, units 3 and 4");
    }
    // `Ocean Wind 1`: a digit 1 after a capitalized word names a thing.
    if numbers_a_name(before, &section[start..]) {
        return Some("name: 1 after a capitalized word");
    }
    // `1.8 yen per 1 kWh`: the denominator of a rate, part of the figure before `per`.
    if words_before(before).first() == Some(&"per") {
        return Some("rate: denominator after per");
    }
    // `aged 15 to 24`: an age bracket without a unit word.
    let words = words_before(before);
    if words.first() == Some(&"aged") || (words.first() == Some(&"to") && words.get(2) == Some(&"aged")) {
        return Some("age: aged N to M");
    }
    // `stands at 122.3 ... based on 2005=100`: an index level, with its base nearby.
    let near = after.get(..after.len().min(60)).unwrap_or(after);
    if next == Some('.') && near.contains("=100") {
        return Some("index level");
    }
    // a 20-member delegation, two-way.
    if matches!(next, Some('-' | '\u{2013}')) && next2.is_some_and(char::is_alphabetic) {
        return Some("compound modifier");
    }
    // EUR 1. at the end of a cut body.
    if cut && after.trim_end() == "." {
        return Some("cut number");
    }
    // A number with nothing counted after it: `reached 45,000.`, `(1)`.
    let mut rest = after;
    while let Some(r) = rest
        .strip_prefix([',', '.'])
        .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    {
        rest = r.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    let mut rest = rest.trim_start_matches([' ', '\u{a0}']);
    // A scale word is part of the number: `sales reached 1.2 million.`
    for scale in ["thousand", "million", "billion", "trillion"] {
        if let Some(r) = rest.get(..scale.len()).filter(|w| w.eq_ignore_ascii_case(scale)) {
            rest = rest[r.len()..].trim_start_matches([' ', '\u{a0}']);
        }
    }
    if !rest.starts_with(char::is_alphabetic) {
        return Some("bare number");
    }
    // `at 1 p.m.`: a time of day.
    if ["a.m.", "p.m.", "am ", "pm "]
        .iter()
        .any(|t| rest.get(..t.len()).is_some_and(|r| r.eq_ignore_ascii_case(t)))
    {
        return Some("time of day");
    }
    // `grew 2.4 times`: a ratio, not a count of things.
    let word = rest.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    if word.eq_ignore_ascii_case("times") {
        return Some("ratio: N times");
    }
    None
}

/// The last three words before a number, nearest first.
fn words_before(before: &str) -> Vec<&str> {
    before.split_whitespace().rev().take(3).collect()
}

/// Digit runs of `text`, as byte ranges. The groups after `,` or `.` in `20,000` or `1.5`
/// belong to the run before them, which speaks for the whole number.
fn digit_runs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            let continues = start >= 2 && matches!(bytes[start - 1], b',' | b'.') && bytes[start - 2].is_ascii_digit();
            if !continues {
                out.push((start, i));
            }
        } else {
            i += 1;
        }
    }
    out
}

/// The `.txt` files of `dir`, and with `deep` of its subdirectories too (a corpus such as
/// `dev2/a/a_001.txt`; the fixtures' `bad/` inputs are not bulletins to measure).
fn text_files(dir: &std::path::Path, deep: bool) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        panic!("cannot read {}", dir.display())
    };
    let mut out = Vec::new();
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if path.is_dir() {
            if deep {
                out.extend(text_files(&path, deep));
            }
        } else if path.extension().is_some_and(|x| x == "txt") {
            out.push(path);
        }
    }
    out
}

#[test]
fn every_number_is_a_fact_or_excluded() {
    let mut silent = Vec::new();
    // COVERAGE_SHOW=1 prints every excluded number with its rule, for review.
    let show = std::env::var("COVERAGE_SHOW").is_ok();
    // COVERAGE_DIR=../shared/corpus/dev (or dev2, with its subdirectories) walks another
    // corpus (for measuring, not in CI).
    let corpus = std::env::var("COVERAGE_DIR").ok();
    let deep = corpus.is_some();
    let dir = corpus.unwrap_or_else(|| concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures").to_string());
    let mut paths = text_files(std::path::Path::new(&dir), deep);
    paths.sort();
    assert!(!paths.is_empty(), "no inputs in {dir}");
    for path in paths {
        let text = std::fs::read_to_string(&path).expect("fixtures are UTF-8");
        let ex = extract_text("f", &text, &Options::default());
        let covered: Vec<(usize, usize)> = ex.facts().map(|f| (f.offset, f.offset + f.text.len())).collect();
        let (releases, _) = read_bulletin(&text, None);
        for r in &releases {
            for (section, offset, cut) in [(r.title, r.title_offset, false), (r.body, r.body_offset, r.cut)] {
                for (s, e) in digit_runs(section) {
                    let abs = offset + s;
                    if r.meta.as_ref().is_some_and(|m| m.contains(&abs)) {
                        continue; // `date 2024-05-02` in a plain document: metadata
                    }
                    if covered.iter().any(|(a, b)| (*a..*b).contains(&abs)) {
                        continue;
                    }
                    let why = exclusion(section, s, e, cut);
                    if show {
                        let ctx_start = section[..s].char_indices().rev().nth(25).map_or(0, |(i, _)| i);
                        let ctx_end = section[e..]
                            .char_indices()
                            .nth(25)
                            .map_or(section.len(), |(i, _)| e + i);
                        eprintln!("{why:?}: «{}»", section[ctx_start..ctx_end].replace('\n', " "));
                    }
                    if why.is_none() {
                        let ctx_start = section[..s].char_indices().rev().nth(30).map_or(0, |(i, _)| i);
                        let ctx_end = section[e..]
                            .char_indices()
                            .nth(30)
                            .map_or(section.len(), |(i, _)| e + i);
                        silent.push(format!(
                            "{}: «{}» in «…{}…»",
                            path.display(),
                            &section[s..e],
                            section[ctx_start..ctx_end].replace('\n', " ")
                        ));
                    }
                }
            }
        }
    }
    assert!(
        silent.is_empty(),
        "numbers neither extracted nor excluded:\n{}",
        silent.join("\n")
    );
}

#[test]
fn exclusion_rules_name_their_reason() {
    let rule = |s: &str, at: &str| {
        let start = s.find(at).unwrap();
        exclusion(s, start, start + at.len(), false)
    };
    assert_eq!(
        rule("fight COVID-19 now", "19"),
        Some("identifier: joined to a word or number")
    );
    assert_eq!(rule("a 5G studio", "5"), Some("identifier: glued to letters"));
    assert_eq!(rule("Industry 4.0 upgrades", "4"), Some("identifier: version number"));
    assert_eq!(
        rule("under Article 3 of", "3"),
        Some("label: Article 3, No. 6, units 3 and 4")
    );
    assert_eq!(rule("reached 45,000.", "45"), Some("bare number"));
    assert_eq!(rule("sold 45 cars", "45"), None);
    assert_eq!(rule("the 51st meeting", "51"), None);
    assert_eq!(rule("the 24th and 25th", "25"), Some("date: second day of a list"));
    assert_eq!(rule("Posted: 28 Apr. 2025", "28"), Some("page furniture: byline"));
    assert_eq!(rule("1. The plan", "1"), Some("bare number"));
    assert_eq!(rule("grew 2.4 times", "2"), Some("ratio: N times"));
    assert_eq!(rule("opens at 1 p.m. daily", "1"), Some("time of day"));
    assert_eq!(rule("sold 1,500 cars", "1"), None);
    assert_eq!(rule("workers aged 16 to 19 were", "16"), Some("age: aged N to M"));
    assert_eq!(rule("2 yen per 1 kWh", "1"), Some("rate: denominator after per"));
    assert_eq!(rule("workers aged 16 to 19 were", "19"), Some("age: aged N to M"));
    assert_eq!(rule("the index stood at 104.2 (2015=100)", "104"), Some("index level"));
    assert_eq!(
        rule("built the Harbor Wind 1 array", "1"),
        Some("name: 1 after a capitalized word")
    );
}
