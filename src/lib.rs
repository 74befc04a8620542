//! bulletin-facts: every figure of a press-release bulletin, as one normalized facts table.
//!
//! Data flows one way: bulletin text -> releases -> sentences -> figures -> facts
//! ([`extract_text`], [`extract_releases`]; the typed rows are [`model`]) -> writers
//! ([`mod@write`]); [`Releases::next_rows`] renders the same rows from a release's
//! figures without making its facts. Around it: comparing two tables
//! ([`diff`]), consistency checks ([`checks`]), and one snippet's figures shown
//! ([`mod@explain`]).
//!
//! ```
//! let text = "-\nTrade\nExports Rise\nMachinery exports rose 8.4 percent to USD 5.6 billion. date2025-11-14\n";
//! let facts = bulletin_facts::extract(text);
//! let values: Vec<_> = facts.facts().map(|f| (f.kind.as_str(), f.value.to_string())).collect();
//! assert_eq!(values, [("percent", "8.4".to_string()), ("money", "5600000000".to_string())]);
//! ```

pub mod checks;
pub mod diff;
pub mod explain;
pub mod model;
pub mod write;

mod buffers;
mod extract;
mod grammar;
mod long_numbers;
mod period;
mod problem;
mod reader;
mod resolve;
mod scan;
mod sentences;
mod subject;
#[cfg(test)]
mod tests;
mod words;

pub use explain::explain;
pub use extract::{
    Extraction, Options, ReleaseFacts, Releases, extract_part, extract_part_between, extract_releases, extract_text,
    release_id,
};
pub use model::{Basis, Direction, FACT_COLUMNS, Fact, Kind, Origin, Period, Qualifier, Section, SharedStr, Value};
pub use problem::{Problem, ProblemKind, Problems, Severity, Skipped};
pub use reader::{CheckedText, SeparatorLine, separator_lines};

/// The pipeline's inner stages, for the throughput benchmark's `--stages` only (feature
/// `internals`): not part of the API.
#[cfg(feature = "internals")]
#[doc(hidden)]
pub mod stages {
    pub use crate::reader::read_bulletin;
    pub use crate::scan::figures;
    pub use crate::sentences::split;
    pub use crate::subject::subjects;
}

/// The text of every fixture bulletin (`fixtures/*.txt`): the tests that hold a fast path
/// to the slower code it replaced run both over it.
#[cfg(test)]
pub(crate) fn fixture_texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .collect()
}

/// Extracts the facts of a bulletin held in memory, with default options; rows name
/// their source `-`.
pub fn extract(text: &str) -> Extraction {
    extract_text("-", text, &Options::default())
}
