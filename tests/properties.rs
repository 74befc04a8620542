//! Properties of extraction that hold for every input (spec sections 1-3).
//!
//! 256 cases per property by default (fast enough for every `cargo test`); more with
//! `PROPTEST_CASES=10000 cargo test --release --test properties`.

use std::str::FromStr;

use bulletin_facts::{Fact, extract};
use chrono::NaiveDate;
use proptest::prelude::*;
use rust_decimal::Decimal;

// ---------- generators ----------

/// A number as a bulletin writes it: `7`, `12.5`, `1,234`, `0.85`.
fn number() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..100_000).prop_map(|n| n.to_string()),
        (0u32..10_000, 1u32..1000).prop_map(|(a, b)| format!("{a}.{b}")),
        (1u32..1000, 0u32..1000).prop_map(|(a, b)| format!("{a},{b:03}")),
        (1u32..100, 0u32..1000, 0u32..1000).prop_map(|(a, b, c)| format!("{a},{b:03},{c:03}")),
    ]
}

/// A piece of bulletin prose: words, cue words, figures of every kind, punctuation.
fn piece() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "exports",
        "rose",
        "fell",
        "to",
        "about",
        "over",
        "nearly",
        "up",
        "down",
        "by",
        "from",
        "the",
        "a",
        "increase",
        "decline",
        "in",
        "and",
        "year-on-year",
        "ICT",
        "items",
        "companies",
        "this year",
        "last year",
        "compared",
        "with",
        "between",
        "minus",
        "negative",
        "U.S.",
        "Mr.",
        "No.",
        "Nov.",
        "COVID-19",
        "5G",
        "(",
        ")",
        ",",
        ";",
        ":",
        ".",
        "!",
        "?",
        "\n",
        "\n\n",
        "“",
        "”",
        "–",
        "—",
        "-",
        " ",
        "\u{a0}",
        "①",
        "date",
        "KRW",
        "$",
        "€",
        "percent",
        "billion",
        "trillion",
        "won",
    ])
    .prop_map(str::to_string);
    let figure = prop_oneof![
        (number(), scale(), currency()).prop_map(|(n, s, c)| c.write(&n, s)),
        number().prop_map(|n| format!("{n} percent")),
        number().prop_map(|n| format!("{n}%")),
        number().prop_map(|n| format!("{n} percentage points")),
        (number(), number()).prop_map(|(a, b)| format!("KRW {a}-{b} billion")),
        (1u32..13, 1u32..32).prop_map(|(m, d)| format!("{} {d}", MONTHS[m as usize - 1])),
        (1u32..13, 1u32..32, 1990i32..2040).prop_map(|(m, d, y)| format!("{} {d}, {y}", MONTHS[m as usize - 1])),
        (1990i32..2040).prop_map(|y| format!("in {y}")),
        (1u32..5, 1990i32..2040).prop_map(|(q, y)| format!("Q{q} {y}")),
        number().prop_map(|n| format!("{n} items")),
        number().prop_map(|n| format!("{n} years")),
        number().prop_map(|n| format!("{n} GW")),
        (1u32..100).prop_map(|n| format!("{n}th")),
    ];
    prop_oneof![3 => words, 2 => figure, 1 => "\\PC{0,6}"]
}

/// A run of prose, joined by spaces (sometimes glued).
fn prose() -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), prop::bool::weighted(0.85)), 0..40).prop_map(|parts| {
        let mut s = String::new();
        for (p, spaced) in parts {
            if spaced && !s.is_empty() {
                s.push(' ');
            }
            s.push_str(&p);
        }
        s
    })
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A scale word as written and its multiplier, or none.
fn scale() -> impl Strategy<Value = Option<(String, u32)>> {
    let words = prop::sample::select(vec![
        ("thousand", 3),
        ("million", 6),
        ("billion", 9),
        ("trillion", 12),
        ("mn", 6),
        ("bn", 9),
        ("tn", 12),
    ]);
    let cased = (words, 0..3u8).prop_map(|((w, e), case)| {
        let w = match case {
            0 => w.to_string(),
            1 => w.to_uppercase(),
            _ => {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
        };
        (w, e)
    });
    prop::option::weighted(0.8, cased)
}

/// How a currency is written around the amount, and its ISO code.
#[derive(Debug, Clone)]
struct Currency {
    before: &'static str,
    after: &'static str,
    iso: &'static str,
}

impl Currency {
    fn write(&self, number: &str, scale: Option<(String, u32)>) -> String {
        let scale = scale.map(|(w, _)| format!(" {w}")).unwrap_or_default();
        format!("{}{number}{scale}{}", self.before, self.after)
    }
}

fn currency() -> impl Strategy<Value = Currency> {
    let c = |before, after, iso| Currency { before, after, iso };
    prop::sample::select(vec![
        c("KRW ", "", "KRW"),
        c("KRW", "", "KRW"),
        c("USD ", "", "USD"),
        c("US$", "", "USD"),
        c("$", "", "USD"),
        c("€", "", "EUR"),
        c("EUR ", "", "EUR"),
        c("¥", "", "JPY"),
        c("£", "", "GBP"),
        c("CNY ", "", "CNY"),
        c("", " won", "KRW"),
        c("", " dollars", "USD"),
        c("", " euros", "EUR"),
        c("", " yen", "JPY"),
        c("", " yuan", "CNY"),
    ])
}

/// A release: category, title, body and a valid trailer date.
fn release() -> impl Strategy<Value = String> {
    let title = prose().prop_map(|t| {
        let t = t.replace(['\n', '\r'], " ");
        if t.trim().is_empty() || t.trim() == "-" {
            "Plain title".to_string()
        } else {
            t
        }
    });
    let body = prose().prop_map(|b| b.replace(['\n', '\r'], " "));
    let date = (2000i32..2030, 1u32..13, 1u32..29);
    (title, body, date).prop_map(|(t, b, (y, m, d))| format!("-\nTrade\n{t}\n{b}. date{y}-{m:02}-{d:02}\n"))
}

// ---------- checks ----------

/// Every fact's `text` is the source at its `offset`, and its values print in the spec's format.
fn check_facts(text: &str, facts: &[&Fact]) -> Result<(), TestCaseError> {
    for f in facts {
        let at = text.get(f.offset..f.offset + f.text.len());
        prop_assert_eq!(at, Some(f.text.as_str()), "offset {} of {:?}", f.offset, f.text);
        // The sentence column (white space folded) holds the figure.
        let folded: Vec<&str> = f.text.split_whitespace().collect();
        prop_assert!(
            f.sentence.contains(&folded.join(" ")),
            "{:?} not in {:?}",
            f.text,
            f.sentence
        );
        // The values as the table writes them.
        for v in [Some(f.value), f.value_end]
            .into_iter()
            .flatten()
            .map(|v| v.to_string())
        {
            let v = &v;
            if v.is_empty() {
                continue;
            }
            if f.kind.as_str() == "date" {
                prop_assert!(
                    date_round_trips(v, &f.unit),
                    "date {:?} at {:?} in {:?}",
                    v,
                    f.unit,
                    f.text
                );
            } else {
                prop_assert!(!v.contains([',', 'e', 'E', '+', ' ']), "number {:?} of {:?}", v, f.text);
                let d = Decimal::from_str(v);
                prop_assert!(d.is_ok(), "number {:?} does not parse", v);
                let d = d.unwrap_or_default();
                // Prints back the same: no trailing `.0`, no exponent.
                prop_assert_eq!(&d.normalize().to_string(), v, "{:?}", f.text);
            }
        }
    }
    Ok(())
}

/// An ISO date value parses at its precision and prints back the same.
fn date_round_trips(v: &str, unit: &str) -> bool {
    let year_ok = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    match unit {
        "day" => NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok_and(|d| d.format("%Y-%m-%d").to_string() == v),
        "month" => v
            .split_once('-')
            .is_some_and(|(y, m)| year_ok(y) && m.len() == 2 && m.parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))),
        "quarter" => v
            .split_once("-Q")
            .is_some_and(|(y, q)| year_ok(y) && matches!(q, "1" | "2" | "3" | "4")),
        "half" => v
            .split_once("-H")
            .is_some_and(|(y, h)| year_ok(y) && matches!(h, "1" | "2")),
        "year" => year_ok(v),
        _ => false,
    }
}

/// A fact without where it (and the phrase its period was read from) stands in its source.
fn placeless(f: &Fact) -> Fact {
    Fact {
        offset: 0,
        period_origin: None,
        ..f.clone()
    }
}

// proptest's default: 256 cases per property, or PROPTEST_CASES.
proptest! {
    #[test]
    fn any_string_extracts_without_panic(text in "\\PC*|(\\PC|\n|-|\r){0,300}") {
        let ex = extract(&text);
        let facts: Vec<&Fact> = ex.facts().collect();
        check_facts(&text, &facts)?;
    }

    #[test]
    fn any_bytes_lossily_decoded(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let text = String::from_utf8_lossy(&bytes);
        let ex = extract(&text);
        let facts: Vec<&Fact> = ex.facts().collect();
        check_facts(&text, &facts)?;
    }

    #[test]
    fn bulletin_like_text_keeps_offsets_and_formats(releases in prop::collection::vec(release(), 1..4), stray in prose()) {
        // Releases, and the same prose as a plain document.
        let text: String = releases.concat();
        let ex = extract(&text);
        check_facts(&text, &ex.facts().collect::<Vec<_>>())?;
        let ex = extract(&stray);
        check_facts(&stray, &ex.facts().collect::<Vec<_>>())?;
    }

    #[test]
    fn money_is_scale_correct(
        int in 0u64..1_000_000,
        frac in prop::option::of("[0-9]{1,3}"),
        grouped in any::<bool>(),
        scale in scale(),
        currency in currency(),
    ) {
        let int_text = if grouped && int >= 1000 {
            format!("{},{:03}", int / 1000, int % 1000)
        } else {
            int.to_string()
        };
        let number = match &frac { Some(f) => format!("{int_text}.{f}"), None => int_text };
        let plain = number.replace(',', "");
        let multiplier = Decimal::from(10u64.pow(scale.as_ref().map_or(0, |(_, e)| *e)));
        let expected = Decimal::from_str(&plain).unwrap_or_default() * multiplier;
        let written = currency.write(&number, scale);
        let text = format!("-\nTrade\nT\nThe fund holds {written} in total. date2025-03-04\n");
        let ex = extract(&text);
        let money: Vec<&Fact> = ex.facts().filter(|f| f.kind.as_str() == "money").collect();
        prop_assert_eq!(money.len(), 1, "{:?}: {:?}", written, money);
        prop_assert_eq!(&money[0].text, &written);
        prop_assert_eq!(&money[0].unit, currency.iso);
        prop_assert_eq!(&money[0].value.to_string(), &expected.normalize().to_string(), "{:?}", written);
    }

    #[test]
    fn a_release_reads_the_same_alone_or_among_others(
        before in prop::collection::vec(release(), 0..3),
        it in release(),
        after in prop::collection::vec(release(), 0..3),
    ) {
        let alone = extract(&it);
        let prefix: String = before.concat();
        let all = format!("{prefix}{it}{}", after.concat());
        let among = extract(&all);
        let target = &among.releases[before.len()];
        prop_assert_eq!(alone.releases.len(), 1);
        let a: Vec<Fact> = alone.releases[0].facts.iter().map(placeless).collect();
        let b: Vec<Fact> = target.facts.iter().map(placeless).collect();
        prop_assert_eq!(a, b);
        // Offsets move by exactly the text before it.
        for (x, y) in alone.releases[0].facts.iter().zip(&target.facts) {
            prop_assert_eq!(x.offset + prefix.len(), y.offset);
        }
    }
}

/// Bulletin-like releases with bytes that CSV quotes and JSON escapes put in at any place
/// (quotes, backslashes, tabs, line breaks, other controls).
fn releases_with_odd_bytes() -> impl Strategy<Value = String> {
    let odd = prop::sample::select(vec!["\"", "\\", "\t", "\n", "\r\n", "\u{1}", ",", "\u{7f}", "“"]);
    (
        prop::collection::vec(release(), 1..3),
        prop::collection::vec((any::<prop::sample::Index>(), odd), 0..12),
    )
        .prop_map(|(releases, odd)| {
            let mut text = releases.concat();
            for (at, bytes) in odd {
                let mut at = at.index(text.len() + 1);
                while !text.is_char_boundary(at) {
                    at -= 1;
                }
                text.insert_str(at, bytes);
            }
            text
        })
}

proptest! {
    /// The rows rendered straight from a release's figures are the rows serde writes for
    /// its facts, in every format: the facts' rows through the csv crate and serde_json.
    #[test]
    fn rows_rendered_straight_are_serdes_rows(text in releases_with_odd_bytes()) {
        use bulletin_facts::write::{Format, render_rows};
        use bulletin_facts::{Options, extract_part, extract_releases};
        let options = Options::default();
        for format in [Format::Csv, Format::ExcelCsv, Format::Jsonl, Format::Json] {
            let (mut straight, mut serde) = (Vec::new(), Vec::new());
            let mut releases = extract_part("a \"source\"\\", &text, &options, true);
            while releases.next_rows(format, &|o| o, &mut straight).is_some() {}
            for r in extract_releases("a \"source\"\\", &text, &options) {
                render_rows(format, &r.facts, &mut serde).unwrap();
            }
            prop_assert_eq!(String::from_utf8(straight).unwrap(), String::from_utf8(serde).unwrap(), "{:?}", format);
        }
    }
}
