//! The whole facts table of every fixture, as a reviewed snapshot in `snapshots/`.
//! Before a snapshot is taken, the span invariants are checked: every fact's `text` is
//! the source bytes at its `offset`, and facts of a release do not overlap.

use std::path::Path;

use bulletin_facts::{Extraction, Options, extract_text, write::facts_to_csv};

fn check_spans(source: &str, ex: &Extraction) {
    for r in &ex.releases {
        let mut last_end = 0;
        for f in &r.facts {
            let end = f.offset + f.text.len();
            assert_eq!(
                source.get(f.offset..end),
                Some(f.text.as_str()),
                "text of {f:?} is not the source at its offset"
            );
            assert!(
                f.offset >= last_end,
                "facts overlap at byte {} ({:?})",
                f.offset,
                f.text
            );
            last_end = end;
        }
    }
}

/// The snapshot of one input: its facts table, then its problems.
fn table(name: &str, text: &str) -> String {
    let ex = extract_text(name, text, &Options::default());
    check_spans(text, &ex);
    let mut out = facts_to_csv(ex.facts());
    let problems = ex.all_problems();
    if !problems.is_empty() {
        out.push_str("\n# problems\n");
        for p in problems {
            out.push_str(&format!("{p}\n"));
        }
    }
    out
}

#[test]
fn fixtures() {
    insta::glob!("../fixtures", "*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("fixtures are UTF-8");
        let name = format!(
            "fixtures/{}",
            path.file_name().and_then(|n| n.to_str()).unwrap_or_default()
        );
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(table(&name, &text));
        });
    });
}

#[test]
fn seed_bulletin() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds/000_eb9092cc9fc49135.txt");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!(
            "seed_bulletin: SKIPPED, {} not found (it lives in ../shared beside the checkout)",
            path.display()
        );
        return;
    };
    insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!("seed_bulletin", table("shared/seeds/000_eb9092cc9fc49135.txt", &text));
    });
}
