//! Every fixture's facts scored against the analyst's rows in `fixtures/gold/`, as
//! `../shared/tools/score` scores them (spec section 4): rows of a release matched one to
//! one on section, kind, value, value end and unit key; then qualifier and direction.
//! The snapshots pin what the table is; this pins that it is what an analyst expects.

use std::collections::HashMap;
use std::path::Path;
use std::str::FromStr;

use bulletin_facts::{Options, extract_text};
use rust_decimal::Decimal;

/// The columns a gold row is scored on.
#[derive(Debug, Clone)]
struct Row {
    release: (String, String),
    section: String,
    kind: String,
    value: String,
    value_end: String,
    unit: String,
    qualifier: String,
    direction: String,
    text: String,
}

const NUMERIC: [&str; 6] = ["money", "percent", "count", "ordinal", "duration", "quantity"];

fn value_key(kind: &str, v: &str) -> String {
    let v = v.trim();
    if NUMERIC.contains(&kind) {
        if let Ok(d) = Decimal::from_str(&v.replace(',', "")) {
            return d.normalize().to_string();
        }
    }
    v.to_string()
}

fn singular(w: &str) -> String {
    if w.len() > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    if w.len() > 2 && w.ends_with('s') && !w.ends_with("ss") {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// The unit as the scorer compares it; `None` is the gold's wildcard (an empty unit).
fn unit_key(kind: &str, unit: &str) -> Option<String> {
    let u = unit.trim();
    if u.is_empty() {
        return None;
    }
    Some(match kind {
        "money" => u.to_uppercase(),
        "percent" | "date" => u.to_lowercase(),
        "duration" => singular(&u.to_lowercase()),
        _ => singular(u.to_lowercase().replace('-', " ").split_whitespace().last()?),
    })
}

fn same_figure(gold: &Row, found: &Row) -> bool {
    gold.section == found.section
        && gold.kind == found.kind
        && value_key(&gold.kind, &gold.value) == value_key(&found.kind, &found.value)
        && value_key(&gold.kind, &gold.value_end) == value_key(&found.kind, &found.value_end)
        && match unit_key(&gold.kind, &gold.unit) {
            None => true,
            gold_unit => gold_unit == unit_key(&found.kind, &found.unit),
        }
}

fn read_gold(path: &Path) -> Vec<Row> {
    let mut reader = csv::Reader::from_path(path).expect("gold table opens");
    let headers = reader.headers().expect("gold header").clone();
    let col = |name: &str| headers.iter().position(|h| h == name).expect(name);
    let (date, title, section, kind) = (col("release_date"), col("title"), col("section"), col("kind"));
    let (value, value_end, unit) = (col("value"), col("value_end"), col("unit"));
    let (qualifier, direction, text) = (col("qualifier"), col("direction"), col("text"));
    reader
        .records()
        .map(|r| {
            let r = r.expect("gold row");
            let get = |i: usize| r.get(i).unwrap_or_default().to_string();
            Row {
                release: (get(date), get(title)),
                section: get(section),
                kind: get(kind),
                value: get(value),
                value_end: get(value_end),
                unit: get(unit),
                qualifier: get(qualifier),
                direction: get(direction),
                text: get(text),
            }
        })
        .collect()
}

fn extracted(path: &Path) -> Vec<Row> {
    let text = std::fs::read_to_string(path).expect("fixture reads");
    let ex = extract_text("fixture", &text, &Options::default());
    ex.facts()
        .map(|f| Row {
            release: (f.release_date.to_string(), f.title.to_string()),
            section: f.section.as_str().to_string(),
            kind: f.kind.as_str().to_string(),
            value: f.value.to_string(),
            value_end: f.value_end.map(|v| v.to_string()).unwrap_or_default(),
            unit: f.unit.to_string(),
            qualifier: f.qualifier.map_or("", |q| q.as_str()).to_string(),
            direction: f.direction.map_or("", |d| d.as_str()).to_string(),
            text: f.text.to_string(),
        })
        .collect()
}

/// Misses, false hits and qualifier/direction disagreements of one fixture.
fn score(gold: &[Row], found: &[Row]) -> Vec<String> {
    let mut by_release: HashMap<&(String, String), Vec<(usize, &Row)>> = HashMap::new();
    for (n, f) in found.iter().enumerate() {
        by_release.entry(&f.release).or_default().push((n, f));
    }
    let mut used = vec![false; found.len()];
    let mut problems = Vec::new();
    for g in gold {
        let candidates = by_release.get(&g.release).map(Vec::as_slice).unwrap_or_default();
        match candidates.iter().find(|(n, f)| !used[*n] && same_figure(g, f)) {
            Some(&(n, f)) => {
                used[n] = true;
                if (&g.qualifier, &g.direction) != (&f.qualifier, &f.direction) {
                    problems.push(format!(
                        "{} {:?}: qualifier/direction {:?}/{:?}, gold {:?}/{:?}",
                        g.kind, g.text, f.qualifier, f.direction, g.qualifier, g.direction
                    ));
                }
            }
            None => problems.push(format!("missed: {} {} {} {:?}", g.kind, g.value, g.unit, g.text)),
        }
    }
    let gold_releases: Vec<_> = gold.iter().map(|g| &g.release).collect();
    for (f, _) in found
        .iter()
        .zip(&used)
        .filter(|(f, used)| !**used && gold_releases.contains(&&f.release))
    {
        problems.push(format!("false hit: {} {} {} {:?}", f.kind, f.value, f.unit, f.text));
    }
    problems
}

#[test]
fn every_fixture_reads_as_its_gold_table() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut scored = 0;
    let mut report = Vec::new();
    for entry in std::fs::read_dir(&root).expect("fixtures folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let gold = root.join("gold").join(format!("{stem}.gold.csv"));
        if !gold.exists() {
            continue;
        }
        scored += 1;
        for p in score(&read_gold(&gold), &extracted(&path)) {
            report.push(format!("{stem}: {p}"));
        }
    }
    assert!(scored >= 18, "only {scored} fixtures have a gold table");
    assert!(
        report.is_empty(),
        "fixtures differ from their gold:\n{}",
        report.join("\n")
    );
}

#[test]
fn the_matcher_sees_a_changed_value_and_a_missing_row() {
    let row = |value: &str, unit: &str| Row {
        release: ("2025-01-02".into(), "T".into()),
        section: "body".into(),
        kind: "percent".into(),
        value: value.into(),
        value_end: String::new(),
        unit: unit.into(),
        qualifier: String::new(),
        direction: "up".into(),
        text: format!("{value} percent"),
    };
    assert!(score(&[row("5.0", "%")], &[row("5", "%")]).is_empty());
    assert_eq!(score(&[row("5", "%")], &[row("6", "%")]).len(), 2);
    assert_eq!(score(&[row("5", "%"), row("7", "pp")], &[row("5", "%")]).len(), 1);
}
