//! The invariants every extraction must keep, whatever the input.

use bulletin_facts::{extract, write::facts_to_csv};

pub fn extract_and_check(text: &str) {
    let ex = extract(text);
    for f in ex.facts() {
        // `text` is exactly the source at `offset`.
        let at = text.get(f.offset..f.offset + f.text.len());
        assert_eq!(at, Some(f.text.as_str()), "offset {} of {:?}", f.offset, f.text);
        let folded: Vec<&str> = f.text.split_whitespace().collect();
        assert!(f.sentence.contains(&folded.join(" ")), "{:?} not in {:?}", f.text, f.sentence);
        // Numbers in the spec's format: no separators, exponents or trailing `.0`.
        for v in [Some(f.value), f.value_end].into_iter().flatten().map(|v| v.to_string()) {
            let v = &v;
            assert!(!v.contains([',', 'e', 'E', '+']), "value {v:?}");
            if v.contains('.') && f.kind.as_str() != "date" {
                assert!(!v.ends_with('0') && !v.ends_with('.'), "value {v:?}");
            }
        }
    }
    let _ = ex.all_problems();
    let _ = facts_to_csv(ex.facts());
}
